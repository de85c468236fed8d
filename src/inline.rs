//! Paragraph typesetting: styled spans → boxes, glue and penalties → lines of
//! positioned glyph runs.
//!
//! `typeset` reads as its three steps: [`collect`] turns the spans into
//! [`Item`]s (words measured by shaping them with the real font; inter-word glue from
//! the font's space: width w, stretch w/2, shrink w/3 as TeX derives them from
//! `fontdimen` 2–4; break opportunities from UAX #14 via `unicode-linebreak`), the
//! breaker chooses lines ([`crate::linebreak`]), and [`finalize`] sets each line's glue
//! by its adjustment ratio. A word wider than the measure, with no break opportunity,
//! is split at grapheme clusters with a hyphen at the break (TeX's emergency
//! behaviour), so no line is ever wider than its measure.
//!
//! Positions in a [`Line`] are relative to the line's start (x, in pt) on its
//! baseline.

use crate::geom::Pt;
use crate::linebreak::{first_fit, line_start, Item, INFINITE_PENALTY};
use crate::markup::Span;
use crate::model::Rgb;
use crate::text::{self, FaceId, Glyph, Shaped};
use unicode_linebreak::BreakOpportunity;
use unicode_segmentation::UnicodeSegmentation;

/// How a paragraph is set.
#[derive(Clone, Debug, PartialEq)]
pub struct ParStyle {
    /// Font size in pt.
    pub size: Pt,
    /// The paragraph's own weight and slant, combined with the spans' (a bold title
    /// with an `*italic*` span sets that span in bold italic).
    pub bold: bool,
    pub italic: bool,
    /// Text colour, and the colour of link text.
    pub color: Rgb,
    pub link_color: Rgb,
    /// Stretch and shrink inter-word glue (true), or set ragged right (false).
    pub justify: bool,
}

/// A run of glyphs placed on a line: one face, size and colour.
#[derive(Clone, Debug, PartialEq)]
pub struct Run {
    /// Left edge, pt from the line's start.
    pub x: Pt,
    pub face: FaceId,
    pub size: Pt,
    pub color: Rgb,
    pub glyphs: Vec<Glyph>,
    /// Sum of the glyphs' advances, pt.
    pub width: Pt,
    /// The link target when the run is link text.
    pub link: Option<String>,
    /// A word space (one space glyph; the gap after it is the glue's set width).
    pub space: bool,
}

/// A set line.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub runs: Vec<Run>,
    /// Set width in pt (from the start to the end of the last run).
    pub width: Pt,
}

/// A set paragraph.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Paragraph {
    pub lines: Vec<Line>,
    /// Characters no bundled face covers, in order of first occurrence.
    pub missing: Vec<char>,
}

/// Material behind a box or glue: shaped runs, or nothing (a plain break).
#[derive(Clone, Debug, Default)]
struct Material {
    runs: Vec<Shaped>,
    link: Option<String>,
    space: bool,
}

/// The paragraph model of `spans`: items and the material they index.
struct Collected {
    items: Vec<Item>,
    material: Vec<Material>,
    missing: Vec<char>,
}

/// Sets `spans` in lines of `measure` pt.
pub fn typeset(spans: &[Span], style: &ParStyle, measure: Pt) -> Paragraph {
    let c = collect(spans, style, measure);
    let breaks = first_fit(&c.items, measure);
    let lines = finalize(&c, &breaks, style);
    Paragraph { lines, missing: c.missing }
}

/// Width of `spans` set on one line at natural width, pt.
pub fn natural_width(spans: &[Span], style: &ParStyle) -> Pt {
    let c = collect(spans, style, f64::INFINITY);
    c.items
        .iter()
        .map(|it| match *it {
            Item::Box { width, .. } | Item::Glue { width, .. } => width,
            Item::Penalty { .. } => 0.0,
        })
        .sum()
}

fn face_of(span: &Span, style: &ParStyle) -> FaceId {
    FaceId::serif(style.bold || span.bold, style.italic || span.italic)
}

/// Spans → items.
fn collect(spans: &[Span], style: &ParStyle, measure: Pt) -> Collected {
    let mut text = String::new();
    let mut starts = Vec::with_capacity(spans.len());
    for s in spans {
        starts.push(text.len());
        text.push_str(&s.text);
    }
    let mut c = Collected { items: Vec::new(), material: vec![Material::default()], missing: Vec::new() };
    // The pieces of [a, b) cut at span boundaries: (span index, byte range).
    let pieces = |a: usize, b: usize| -> Vec<(usize, usize, usize)> {
        let mut out = Vec::new();
        for (k, &s) in starts.iter().enumerate() {
            let e = starts.get(k + 1).copied().unwrap_or(text.len());
            let (lo, hi) = (a.max(s), b.min(e));
            if lo < hi {
                out.push((k, lo, hi));
            }
        }
        out
    };
    let mut prev = 0;
    for (idx, opp) in break_opportunities(&text) {
        let seg = &text[prev..idx];
        let word_end = prev + seg.trim_end().len();
        // The word: boxes, split at span and face changes, no breaks between them.
        let first_box = c.items.len();
        let mut word_width = 0.0;
        for (k, lo, hi) in pieces(prev, word_end) {
            let (runs, missing) = text::shape(&text[lo..hi], face_of(&spans[k], style), style.size);
            add_missing(&mut c.missing, missing);
            for r in runs {
                let width = r.width();
                word_width += width;
                c.material.push(Material { runs: vec![r], link: spans[k].link.clone(), space: false });
                c.items.push(Item::Box { width, content: c.material.len() - 1 });
            }
        }
        if word_width > measure {
            c.items.truncate(first_box);
            emergency_split(&mut c, &text, &pieces(prev, word_end), spans, style);
        }
        // The space after it: one glue.
        if word_end < idx {
            let k = pieces(word_end, idx).first().map_or(0, |p| p.0);
            let face = face_of(&spans[k], style);
            let (runs, _) = text::shape(" ", face, style.size);
            let w: Pt = runs.iter().map(Shaped::width).sum();
            let (stretch, shrink) = if style.justify { (w / 2.0, w / 3.0) } else { (0.0, 0.0) };
            c.material.push(Material { runs, link: spans[k].link.clone(), space: true });
            c.items.push(Item::Glue { width: w, stretch, shrink, content: c.material.len() - 1 });
        } else if idx < text.len() && opp == BreakOpportunity::Allowed {
            // A break inside a word (after a hyphen, a slash, …).
            c.items.push(Item::Penalty { width: 0.0, cost: 0.0, flagged: false, content: 0 });
        }
        if opp == BreakOpportunity::Mandatory && idx < text.len() {
            c.items.push(Item::Penalty { width: 0.0, cost: -INFINITE_PENALTY, flagged: false, content: 0 });
        }
        prev = idx;
    }
    c
}

/// Characters after which a URL may break (besides UAX #14's opportunities), as
/// typographers break URLs: after a slash, a dot, a hyphen, an underscore and the
/// query characters; never inside `://`.
const URL_BREAK_AFTER: &str = "/.-_?&=#~";

/// Break opportunities: UAX #14 (`unicode-linebreak`), plus breaks inside URLs (any
/// whitespace-free run containing `://` or starting with `www.`) after the
/// characters of [`URL_BREAK_AFTER`]. Sorted byte offsets; the last is the text's end.
fn break_opportunities(text: &str) -> Vec<(usize, BreakOpportunity)> {
    let mut opps: Vec<(usize, BreakOpportunity)> = unicode_linebreak::linebreaks(text).collect();
    let mut extra = Vec::new();
    let mut start = 0;
    for word in text.split(char::is_whitespace) {
        if word.contains("://") || word.starts_with("www.") {
            let chars: Vec<(usize, char)> = word.char_indices().collect();
            for (k, &(i, c)) in chars.iter().enumerate() {
                let next = chars.get(k + 1).map(|x| x.1);
                let in_scheme = c == '/' && next == Some('/') || c == ':' || (c == '/' && k > 0 && chars[k - 1].1 == '/' && word[..i].ends_with(":/"));
                if URL_BREAK_AFTER.contains(c) && !in_scheme && next.is_some_and(|n| !URL_BREAK_AFTER.contains(n)) {
                    extra.push((start + i + c.len_utf8(), BreakOpportunity::Allowed));
                }
            }
        }
        start += word.len() + text[start + word.len()..].chars().next().map_or(0, char::len_utf8);
    }
    if !extra.is_empty() {
        opps.extend(extra);
        opps.sort_by_key(|&(i, o)| (i, o != BreakOpportunity::Mandatory));
        opps.dedup_by_key(|x| x.0);
    }
    opps
}

fn add_missing(all: &mut Vec<char>, new: Vec<char>) {
    for ch in new {
        if !all.contains(&ch) {
            all.push(ch);
        }
    }
}

/// Replaces a word wider than the measure by its grapheme clusters, with a hyphen
/// penalty between each two (flagged, cost 1000: used only when nothing else fits).
fn emergency_split(c: &mut Collected, text: &str, pieces: &[(usize, usize, usize)], spans: &[Span], style: &ParStyle) {
    let mut first = true;
    for &(k, lo, hi) in pieces {
        let face = face_of(&spans[k], style);
        let (hy, _) = text::shape("-", face, style.size);
        let hy_width: Pt = hy.iter().map(Shaped::width).sum();
        c.material.push(Material { runs: hy, link: spans[k].link.clone(), space: false });
        let hy_content = c.material.len() - 1;
        for g in text[lo..hi].graphemes(true) {
            if !first {
                c.items.push(Item::Penalty { width: hy_width, cost: 1000.0, flagged: true, content: hy_content });
            }
            first = false;
            let (runs, missing) = text::shape(g, face, style.size);
            add_missing(&mut c.missing, missing);
            let width = runs.iter().map(Shaped::width).sum();
            c.material.push(Material { runs, link: spans[k].link.clone(), space: false });
            c.items.push(Item::Box { width, content: c.material.len() - 1 });
        }
    }
}

/// The largest adjustment ratio a justified line is set with (r = 2: spaces of twice
/// their width; TeX's badness 800, past its default \tolerance of 200).
pub const MAX_RATIO: f64 = 2.0;

/// Chosen breaks → lines of placed runs.
fn finalize(c: &Collected, breaks: &[crate::linebreak::Break], style: &ParStyle) -> Vec<Line> {
    let mut lines = Vec::with_capacity(breaks.len());
    let mut start = line_start(&c.items, 0);
    for b in breaks {
        let mut runs = Vec::new();
        let mut x = 0.0;
        let place = |runs: &mut Vec<Run>, m: &Material, x: &mut Pt| {
            for r in &m.runs {
                let width = r.width();
                let color = if m.link.is_some() { style.link_color } else { style.color };
                runs.push(Run { x: *x, face: r.face, size: style.size, color, glyphs: r.glyphs.clone(), width, link: m.link.clone(), space: m.space });
                *x += width;
            }
        };
        // A line whose spaces would stretch more than MAX_RATIO times their
        // stretchability is set at its natural width instead (ragged), rather than
        // with gaps wide enough to read as holes.
        let ratio = if b.ratio > MAX_RATIO { 0.0 } else { b.ratio };
        for i in start..b.index.min(c.items.len()) {
            match c.items[i] {
                Item::Box { content, .. } => place(&mut runs, &c.material[content], &mut x),
                Item::Glue { width, stretch, shrink, content } => {
                    let mut at = x;
                    place(&mut runs, &c.material[content], &mut at);
                    x += width + if ratio >= 0.0 { ratio * stretch } else { ratio * shrink };
                }
                Item::Penalty { .. } => {}
            }
        }
        if let Some(Item::Penalty { width, content, .. }) = c.items.get(b.index)
            && *width > 0.0 {
                place(&mut runs, &c.material[*content], &mut x);
            }
        // Trailing spaces never end a line (they were discarded at the break).
        while runs.last().is_some_and(|r| r.space) {
            runs.pop();
        }
        let width = runs.last().map_or(0.0, |r| r.x + r.width);
        lines.push(Line { runs, width });
        start = line_start(&c.items, b.index + 1);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markup::parse;

    fn style(justify: bool) -> ParStyle {
        ParStyle { size: 10.0, bold: false, italic: false, color: Rgb::TEXT, link_color: Rgb::ACCENT, justify }
    }

    fn line_text(l: &Line) -> String {
        l.runs.iter().flat_map(|r| r.glyphs.iter().filter_map(|g| g.text.clone())).collect()
    }

    #[test]
    fn justified_lines_fill_the_measure_and_the_last_is_ragged() {
        let spans = parse("The quick brown fox jumps over the lazy dog and keeps running far away.").unwrap();
        let p = typeset(&spans, &style(true), 150.0);
        assert!(p.lines.len() >= 3);
        for l in &p.lines[..p.lines.len() - 1] {
            assert!((l.width - 150.0).abs() < 1e-6, "line width {}", l.width);
        }
        assert!(p.lines.last().unwrap().width < 150.0);
        let all: Vec<String> = p.lines.iter().map(line_text).collect();
        assert_eq!(all.join(" "), "The quick brown fox jumps over the lazy dog and keeps running far away.");
    }

    #[test]
    fn urls_break_after_slashes_and_nothing_overflows() {
        let spans = parse("<https://data.example.org/collections/2024/longitudinal-cohort-study/files/manifest.json>").unwrap();
        let p = typeset(&spans, &style(true), 120.0);
        assert!(p.lines.len() > 1);
        for l in &p.lines {
            assert!(l.width <= 120.0 + 1e-6);
        }
        assert!(line_text(&p.lines[0]).ends_with('/') || line_text(&p.lines[0]).ends_with('-'));
    }

    #[test]
    fn url_break_points() {
        let opps: Vec<usize> = break_opportunities("see https://ex.org/a_b?q=1 now").into_iter().map(|o| o.0).collect();
        // after "see ", "https://", "ex.", "org/", "a_", "b?", "q=", "1 ", and the end
        assert_eq!(opps, vec![4, 12, 15, 19, 21, 23, 25, 27, 30]);
    }

    #[test]
    fn a_very_loose_line_is_set_ragged() {
        // "A" then a URL that cannot share its line: the first line would need its one
        // space stretched far past twice its stretch.
        let spans = parse("A B bbbbbbbbbbbbbbbbbbbbbbbbbbbbbb").unwrap();
        let measure = natural_width(&spans, &style(true)) - 5.0;
        let p = typeset(&spans, &style(true), measure);
        assert_eq!(p.lines.len(), 2);
        let ab = natural_width(&parse("A B").unwrap(), &style(true));
        assert_eq!(p.lines[0].width, ab);
    }

    #[test]
    fn a_word_wider_than_the_measure_is_hyphenated_at_a_grapheme() {
        let spans = parse("ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJ").unwrap();
        let p = typeset(&spans, &style(false), 60.0);
        assert!(p.lines.len() > 2);
        for l in &p.lines {
            assert!(l.width <= 60.0 + 1e-6, "{}", l.width);
        }
        assert!(line_text(&p.lines[0]).ends_with('-'));
        let joined: String = p.lines.iter().map(|l| line_text(l).trim_end_matches('-').to_string()).collect();
        assert_eq!(joined, "ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJ");
    }
}
