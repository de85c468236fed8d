//! Chosen breaks → lines of placed runs: each line's glue set by its adjustment ratio
//! (Knuth & Plass 1981, §"The adjustment ratio"), the discarded spaces at its ends
//! dropped, and the words broken across lines marked for `/ActualText`.

use super::collect::{Collected, Material, PARFILL_STRETCH};
use super::{Line, ParStyle, Run};
use crate::geom::Pt;
use crate::linebreak::{Break, Item, Micro, PenaltyKind, line_start};
use crate::text::Shaped;

/// The largest adjustment ratio a justified line is set with (r = 2: spaces of twice
/// their width; TeX's badness 800, past its default \tolerance of 200). Only the
/// emergency pass produces looser lines; they are set at natural width instead.
pub const MAX_RATIO: f64 = 2.0;

/// Chosen breaks → lines of placed runs. Consumes the paragraph model: each box's and
/// space's glyphs move into the run that places them (a hyphen, which several
/// emergency breaks may share, is copied).
///
/// With `micro` (margin kerning and expansion, [`super::micro`]) a line starts at
/// minus its left protrusion (its first glyph hangs into the left margin), and each
/// box's gaps are letter-spaced by the line's tracking ratio.
pub(super) fn finalize(c: Collected, breaks: &[Break], style: &ParStyle, micro: &Micro) -> Vec<Line> {
    let Collected {
        items,
        mut material,
        words,
        ..
    } = c;
    let mut lines = Vec::with_capacity(breaks.len());
    let mut start = line_start(&items, 0);
    for b in breaks {
        let mut runs = Vec::new();
        let mut x = -micro.left_of(start);
        // The last line ends in \parfillskip, whose stretch is infinite in TeX: it
        // takes all the room, and the line's finite glue none.
        let last = b.index + 1 >= items.len();
        let (ratio, tracking) = if b.ratio > MAX_RATIO || (last && b.ratio > 0.0) {
            (0.0, 0.0)
        } else {
            (b.ratio, b.tracking)
        };
        for item in items.iter().take(b.index).skip(start) {
            match *item {
                Item::Box { content, .. } => {
                    let mut shaped = std::mem::take(&mut material[content].runs);
                    super::micro::track(&mut shaped, tracking);
                    place(&mut runs, shaped, &material[content], style, &mut x);
                }
                Item::Glue {
                    width,
                    stretch,
                    shrink,
                    content,
                } => {
                    let mut at = x;
                    let shaped = std::mem::take(&mut material[content].runs);
                    place(&mut runs, shaped, &material[content], style, &mut at);
                    if stretch < PARFILL_STRETCH {
                        x += width + if ratio >= 0.0 { ratio * stretch } else { ratio * shrink };
                    }
                }
                Item::Penalty { .. } => {}
            }
        }
        if let Some(Item::Penalty { width, content, .. }) = items.get(b.index)
            && *width > Pt(0.0)
        {
            let m = &material[*content];
            place(&mut runs, m.runs.clone(), m, style, &mut x);
        }
        // Trailing spaces never end a line (they were discarded at the break), nor
        // do spaces followed only by runs of no width (a right-to-left mark after a
        // space, alone before a break: its glyph would reach past the measure).
        while let Some(k) = runs.iter().rposition(|r| r.width > Pt(0.0) || r.space) {
            if !runs[k].space {
                break;
            }
            runs.remove(k);
        }
        let width = runs.last().map_or(Pt::ZERO, |r| r.x + r.width);
        lines.push(Line { runs, width });
        start = line_start(&items, b.index + 1);
    }
    mark_broken_words(&mut lines, &words);
    lines
}

/// Places the shaped runs of material `m` from `x` on, advancing `x` by their widths.
fn place(out: &mut Vec<Run>, shaped: Vec<Shaped>, m: &Material, style: &ParStyle, x: &mut Pt) {
    for s in shaped {
        let width = s.width();
        let color = if m.link.is_some() {
            style.link_color
        } else {
            style.color
        };
        out.push(Run {
            x: *x,
            shaped: s,
            color,
            width,
            link: m.link.clone(),
            space: m.space,
            actual_text: None,
            actual_text_end: false,
            word: m.word,
        });
        *x += width;
    }
}

/// Marks each word that spans lines: its first run carries the word's whole text,
/// its last run `actual_text_end`.
fn mark_broken_words(lines: &mut [Line], words: &[String]) {
    for k in 0..lines.len().saturating_sub(1) {
        let Some(w) = lines[k].runs.last().and_then(|r| r.word) else {
            continue;
        };
        if lines[k + 1].runs.first().and_then(|r| r.word) != Some(w) {
            continue;
        }
        // Already opened on an earlier line (a word broken twice)?
        let opened = k > 0
            && lines[k].runs.first().and_then(|r| r.word) == Some(w)
            && lines[k - 1].runs.last().and_then(|r| r.word) == Some(w);
        if !opened && let Some(first) = lines[k].runs.iter_mut().find(|r| r.word == Some(w)) {
            first.actual_text = Some(words[w].clone());
        }
        let continues = lines.get(k + 2).is_some_and(|_| {
            lines[k + 1].runs.iter().all(|r| r.word == Some(w))
                && lines[k + 1].runs.last().and_then(|r| r.word) == lines[k + 2].runs.first().and_then(|r| r.word)
        });
        if !continues && let Some(last) = lines[k + 1].runs.iter_mut().rev().find(|r| r.word == Some(w)) {
            last.actual_text_end = true;
        }
    }
}

/// The words the chosen breaks split between graphemes (at emergency penalties), each
/// text once, in order: the paragraph's [`super::Paragraph::split_words`].
pub(super) fn split_words(c: &Collected, breaks: &[Break]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut last = None;
    for b in breaks {
        if let Some(Item::Penalty { kind: PenaltyKind::Emergency, content, .. }) = c.items.get(b.index)
            && let Some(w) = c.material[*content].word
            // A word broken many times is looked at once (a 100,000-letter word is
            // broken some 2,000 times).
            && last.replace(w) != Some(w)
            && !out.contains(&c.words[w])
        {
            out.push(c.words[w].clone());
        }
    }
    out
}
