//! Styled spans → the paper's model of a paragraph (Knuth & Plass 1981, §"Boxes, glue
//! and penalties"): boxes, glue and penalties, each box and space with the shaped
//! runs it stands for.
//!
//! - a word is a box, measured by shaping it with the real font; words with letters a
//!   face lacks are split where the face changes;
//! - a space is glue of the font's space width w, stretch w/2 and shrink w/3, as TeX
//!   derives them from `fontdimen` 2–4 (ragged-right text: no stretch or shrink, the
//!   breaker balances lines with a right stretch instead);
//! - a break opportunity inside a word ([`super::opportunities`]: UAX #14, JIS X 4051,
//!   URLs) is a penalty: after a hyphen or dash flagged with cost 50 (TeX's
//!   \exhyphenpenalty); inside a URL cost [`URL_PENALTY`]; elsewhere 0; between two
//!   CJK characters glue that may stretch (JIS X 4051 §4.9); a mandatory break forces
//!   one;
//! - hyphenation points from the language's patterns are flagged penalties of cost
//!   50 (\hyphenpenalty) and the width of a hyphen, used from the second pass on;
//! - a word wider than the measure is also split between its grapheme clusters by
//!   flagged [`EMERGENCY_PENALTY`] penalties, used only by the emergency pass;
//! - the paragraph ends with TeX's \parfillskip (an infinite penalty, glue of
//!   [`PARFILL_STRETCH`] and a forced break), so the last line is set ragged.

use super::bidi::bidi_levels;
use super::opportunities::{break_opportunities, url_ranges};
use super::{Align, ParStyle};
use crate::geom::Pt;
use crate::linebreak::{INFINITE_PENALTY, Item, PenaltyKind};
use crate::markup::Span;
use crate::text::{self, Cjk, Direction, Features, Shaped, Slant, Styled, Weight, fallback::is_cjk};
use unicode_segmentation::UnicodeSegmentation;

/// Cost of a hyphenation point: TeX's \hyphenpenalty=50.
pub const HYPHEN_PENALTY: f64 = 50.0;
/// Cost of a break after an explicit hyphen or dash: TeX's \exhyphenpenalty=50.
pub const EX_HYPHEN_PENALTY: f64 = 50.0;
/// Cost of a break inside a URL: as a hyphen's, so that a URL breaks only when the
/// spaces around it cannot give good lines.
pub const URL_PENALTY: f64 = 50.0;
/// Cost of an emergency break between two graphemes: high, so that the fewest are
/// used, but finite.
pub const EMERGENCY_PENALTY: f64 = 5000.0;
/// Stretch of the \parfillskip glue that ends every paragraph, pt: large enough to
/// behave as TeX's `fil` (infinite) stretch at any measure.
pub const PARFILL_STRETCH: Pt = Pt(100_000.0);

/// Stretch of the glue between two CJK characters in a justified paragraph, in em:
/// justified CJK text spreads its lines between characters, not only at spaces (JIS X
/// 4051 §4.9). A tenth of an em each keeps the characters' square rhythm visible.
pub const CJK_STRETCH: f64 = 0.1;
/// Full-width CJK punctuation that sets its mark in the left half of the em and
/// leaves the right half blank (JIS X 4051's closing brackets, commas and full stops).
pub const CJK_SQUEEZE_AFTER: &str = "、。，．：；）」』】〕〉》｝］";
/// Full-width opening brackets: the mark in the right half, the left half blank.
pub const CJK_SQUEEZE_BEFORE: &str = "（「『【〔〈《｛［";
/// How much of a full-width punctuation mark's blank half a justified line may take
/// back, in em: up to all of it (JIS X 4051 §4.9, compression of punctuation), so a
/// line a few points too long is set by squeezing its commas rather than breaking a
/// character earlier.
pub const CJK_PUNCTUATION_SHRINK: f64 = 0.5;

/// Width of a space the author wrote between CJK and Latin text, in em: the customary
/// quarter em (a CJK face's own space is often a full em or half of one).
pub const CJK_LATIN_SPACE: f64 = 0.25;

/// Material behind a box, glue or penalty: shaped runs, or nothing (a plain break).
#[derive(Clone, Debug, Default)]
pub(super) struct Material {
    /// The runs it sets, each with its offset (`at`) in the paragraph's text (for the
    /// bidirectional levels of its runs).
    pub runs: Vec<Shaped>,
    /// The link target when it is link text.
    pub link: Option<String>,
    /// A word space.
    pub space: bool,
    /// The word it belongs to, an index into [`Collected::words`] (spaces: none).
    pub word: Option<usize>,
}

/// The paragraph model of `spans`: items, the material they index, and the text of
/// each word.
pub(super) struct Collected {
    /// Boxes, glue and penalties, for the breaker.
    pub items: Vec<Item>,
    /// What each item sets (`content` of an item indexes it; 0 is nothing).
    pub material: Vec<Material>,
    /// The text of each word, space to space.
    pub words: Vec<String>,
    /// Characters no face covers, in order of first occurrence.
    pub missing: Vec<char>,
    /// The bidirectional embedding level of each byte of the paragraph's text, when
    /// any is not 0 ([`bidi_levels`]).
    pub levels: Option<Vec<u8>>,
}

/// The face of a span: the paragraph's weight and slant, made bold or italic by the
/// span's own.
fn face_of(span: &Span, style: &ParStyle) -> Styled {
    let weight = if span.bold { Weight::Bold } else { style.weight };
    let slant = if span.italic { Slant::Italic } else { style.slant };
    style.family.face(weight, slant)
}

/// Moves shaped runs' offsets from the text they were shaped from to the paragraph's
/// text, where that text starts at `offset`.
fn at(runs: Vec<Shaped>, offset: usize) -> Vec<Shaped> {
    runs.into_iter().map(|r| Shaped { at: offset + r.at, ..r }).collect()
}

/// Spans → items: the paragraph model of `spans` set in lines of `measure` pt (which
/// decides only which words are too wide to set without an emergency split).
pub(super) fn collect(spans: &[Span], style: &ParStyle, measure: Pt) -> Collected {
    let mut text = String::new();
    let mut starts = Vec::with_capacity(spans.len());
    for s in spans {
        starts.push(text.len());
        text.push_str(&s.text);
    }
    let mut c = Collected {
        items: Vec::new(),
        material: vec![Material::default()],
        words: Vec::new(),
        missing: Vec::new(),
        levels: None,
    };
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
    let opps = break_opportunities(&text);
    let urls = url_ranges(&text);
    let cjk = Cjk::of(&text);
    let levels = bidi_levels(&text, style.direction);
    let rtl_at = |at: usize| levels.as_ref().is_some_and(|l| l.get(at).is_some_and(|v| v % 2 == 1));
    let features_at = |at: usize| Features {
        small_caps: style.small_caps,
        no_kerning: urls.iter().any(|&(a, b)| a <= at && at < b),
        cjk,
        direction: if rtl_at(at) { Direction::Rtl } else { Direction::Ltr },
    };
    // Where the direction changes inside a word (`ב־Rust`, `(عمر`): pieces are
    // shaped apart, each in its own direction.
    let level_changes: Vec<usize> = match &levels {
        Some(l) => text
            .char_indices()
            .skip(1)
            .filter(|&(i, _)| l[i] != l[i - 1])
            .map(|(i, _)| i)
            .collect(),
        None => Vec::new(),
    };
    let mut prev = 0;
    for (n, opp) in opps.iter().enumerate() {
        let idx = opp.at;
        let seg = &text[prev..idx];
        let word_end = prev + seg.trim_end().len();
        // A word runs from space to space: the pieces of `co-founded` or of a URL,
        // cut by breaks inside them, share its number (and its whole text, for the
        // PDF's /ActualText when it is broken across lines).
        let continues = prev > 0 && !text[..prev].ends_with(char::is_whitespace);
        let word = if continues { c.words.len() - 1 } else { c.words.len() };
        if continues {
            c.words[word].push_str(&text[prev..word_end]);
        } else {
            c.words.push(text[prev..word_end].to_string());
        }
        // Hyphenation points of a whole word (spaces on both sides), as offsets.
        let whole = (prev == 0 || text[..prev].ends_with(char::is_whitespace)) && (word_end < idx || idx == text.len());
        let mut cuts: Vec<usize> = match style.hyphenate {
            Some(lang) if whole && !opp.url => {
                let w = &text[prev..word_end];
                let core_start = w.find(char::is_alphabetic).unwrap_or(0);
                let core_end = w
                    .rfind(char::is_alphabetic)
                    .map_or(0, |i| i + w[i..].chars().next().map_or(0, char::len_utf8));
                if core_start < core_end
                    && w[core_start..core_end]
                        .chars()
                        .all(|ch| ch.is_alphabetic() || ch == '\'' || ch == '’')
                    && !w.contains(['/', '@', ':'])
                {
                    lang.hyphenate(&w[core_start..core_end])
                        .into_iter()
                        .map(|b| prev + core_start + b)
                        .collect()
                } else {
                    Vec::new()
                }
            }
            _ => Vec::new(),
        };
        cuts.sort_unstable(); // as the patterns give them; searched below
        // The word: boxes, split at span and face changes and at hyphenation points.
        let first_box = c.items.len();
        let mut word_width = Pt::ZERO;
        for (k, lo, hi) in pieces(prev, word_end) {
            let face = face_of(&spans[k], style);
            let mut bounds: Vec<usize> = vec![lo];
            // Both lists are sorted: the part of each inside (lo, hi).
            let inside = |v: &[usize]| v[v.partition_point(|&x| x <= lo)..v.partition_point(|&x| x < hi)].to_vec();
            bounds.extend(inside(&cuts).into_iter().chain(inside(&level_changes)));
            bounds.sort_unstable();
            bounds.dedup();
            bounds.push(hi);
            for pair in bounds.windows(2) {
                let (runs, missing) = text::shape(&text[pair[0]..pair[1]], face, style.size, features_at(pair[0]));
                add_missing(&mut c.missing, missing);
                for r in at(runs, pair[0]) {
                    let width = r.width();
                    word_width += width;
                    c.material.push(Material {
                        runs: vec![r],
                        link: spans[k].link.clone(),
                        space: false,
                        word: Some(word),
                    });
                    c.items.push(Item::Box {
                        width,
                        content: c.material.len() - 1,
                    });
                }
                if cuts.binary_search(&pair[1]).is_ok() {
                    let (hy, w) = hyphen(face, style.size);
                    c.material.push(Material {
                        runs: at(hy, pair[0]),
                        link: spans[k].link.clone(),
                        space: false,
                        word: Some(word),
                    });
                    c.items.push(Item::Penalty {
                        width: w,
                        cost: HYPHEN_PENALTY,
                        flagged: true,
                        kind: PenaltyKind::Hyphenation,
                        content: c.material.len() - 1,
                    });
                }
            }
        }
        if word_width > measure {
            c.items.truncate(first_box);
            emergency_split(&mut c, &text, &pieces(prev, word_end), spans, style, word, &features_at);
        }
        // The space after it: one glue.
        if word_end < idx {
            let k = pieces(word_end, idx).first().map_or(0, |p| p.0);
            let face = face_of(&spans[k], style);
            let (runs, _) = text::shape(" ", face, style.size, Features::default());
            let mut w: Pt = runs.iter().map(Shaped::width).sum();
            // Between CJK and other text: the customary quarter em.
            let before = text[..word_end].chars().next_back().is_some_and(is_cjk);
            let after = text[idx..].chars().next().is_some_and(is_cjk);
            if before != after && idx < text.len() && word_end > 0 {
                w = CJK_LATIN_SPACE * style.size;
            }
            let (stretch, shrink) = if style.align == Align::Justified {
                (w / 2.0, w / 3.0)
            } else {
                (Pt::ZERO, Pt::ZERO)
            };
            c.material.push(Material {
                runs: at(runs, word_end),
                link: spans[k].link.clone(),
                space: true,
                word: None,
            });
            c.items.push(Item::Glue {
                width: w,
                stretch,
                shrink,
                content: c.material.len() - 1,
            });
        } else if idx < text.len() && !opp.mandatory {
            // A break inside a word: after a hyphen or dash, inside a URL, between
            // ideographs.
            let after_hyphen = text[..idx].ends_with(['-', '\u{2010}', '\u{2013}', '\u{2014}']);
            let cjk_pair =
                text[..idx].chars().next_back().is_some_and(is_cjk) && text[idx..].chars().next().is_some_and(is_cjk);
            let (cost, flagged) = if opp.url {
                (URL_PENALTY, false)
            } else if after_hyphen {
                (EX_HYPHEN_PENALTY, true)
            } else {
                (0.0, false)
            };
            if cjk_pair && !opp.url {
                // Between two CJK characters: glue that may stretch when justified
                // (a legal break, as any glue after a box).
                let stretch = if style.align == Align::Justified {
                    CJK_STRETCH * style.size
                } else {
                    Pt(0.0)
                };
                // After a closing punctuation mark or before an opening one, the mark's
                // blank half may be taken back.
                let squeeze = text[..idx]
                    .chars()
                    .next_back()
                    .is_some_and(|c| CJK_SQUEEZE_AFTER.contains(c))
                    || text[idx..]
                        .chars()
                        .next()
                        .is_some_and(|c| CJK_SQUEEZE_BEFORE.contains(c));
                // Only in left-to-right text: the blank half is on the side the text
                // runs to, which reordering or mirroring would turn over.
                let shrink = if style.align == Align::Justified && squeeze && levels.is_none() {
                    CJK_PUNCTUATION_SHRINK * style.size
                } else {
                    Pt(0.0)
                };
                c.items.push(Item::Glue {
                    width: Pt(0.0),
                    stretch,
                    shrink,
                    content: 0,
                });
            } else {
                c.items.push(Item::Penalty {
                    width: Pt(0.0),
                    cost,
                    flagged,
                    kind: PenaltyKind::Normal,
                    content: 0,
                });
            }
        }
        if opp.mandatory && n + 1 < opps.len() {
            c.items.push(Item::Penalty {
                width: Pt(0.0),
                cost: -INFINITE_PENALTY,
                flagged: false,
                kind: PenaltyKind::Normal,
                content: 0,
            });
        }
        prev = idx;
    }
    // \parfillskip and the paragraph's final forced break.
    c.items.push(Item::Penalty {
        width: Pt(0.0),
        cost: INFINITE_PENALTY,
        flagged: false,
        kind: PenaltyKind::Normal,
        content: 0,
    });
    c.items.push(Item::Glue {
        width: Pt(0.0),
        stretch: PARFILL_STRETCH,
        shrink: Pt(0.0),
        content: 0,
    });
    c.items.push(Item::Penalty {
        width: Pt(0.0),
        cost: -INFINITE_PENALTY,
        flagged: false,
        kind: PenaltyKind::Normal,
        content: 0,
    });
    c.levels = levels;
    c
}

/// A hyphen in `face` at `size`: its runs and width.
fn hyphen(face: Styled, size: Pt) -> (Vec<Shaped>, Pt) {
    let (runs, _) = text::shape("-", face, size, Features::default());
    let w = runs.iter().map(Shaped::width).sum();
    (runs, w)
}

fn add_missing(all: &mut Vec<char>, new: Vec<char>) {
    for ch in new {
        if !all.contains(&ch) {
            all.push(ch);
        }
    }
}

/// Replaces a word wider than the measure by its grapheme clusters, with an
/// emergency hyphen penalty between each two.
fn emergency_split(
    c: &mut Collected,
    text: &str,
    pieces: &[(usize, usize, usize)],
    spans: &[Span],
    style: &ParStyle,
    word: usize,
    features_at: &dyn Fn(usize) -> Features,
) {
    let mut first = true;
    for &(k, lo, hi) in pieces {
        let face = face_of(&spans[k], style);
        let (hy, hy_width) = hyphen(face, style.size);
        c.material.push(Material {
            runs: at(hy, lo),
            link: spans[k].link.clone(),
            space: false,
            word: Some(word),
        });
        let hy_content = c.material.len() - 1;
        for (gi, g) in text[lo..hi].grapheme_indices(true) {
            if !first {
                c.items.push(Item::Penalty {
                    width: hy_width,
                    cost: EMERGENCY_PENALTY,
                    flagged: true,
                    kind: PenaltyKind::Emergency,
                    content: hy_content,
                });
            }
            first = false;
            let (runs, missing) = text::shape(
                g,
                face,
                style.size,
                Features {
                    no_kerning: false,
                    ..features_at(lo + gi)
                },
            );
            add_missing(&mut c.missing, missing);
            let width = runs.iter().map(Shaped::width).sum();
            c.material.push(Material {
                runs: at(runs, lo + gi),
                link: spans[k].link.clone(),
                space: false,
                word: Some(word),
            });
            c.items.push(Item::Box {
                width,
                content: c.material.len() - 1,
            });
        }
    }
}
