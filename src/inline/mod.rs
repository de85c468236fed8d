//! Paragraph typesetting: styled spans → boxes, glue and penalties → lines of
//! positioned glyph runs.
//!
//! [`typeset`] is the table of contents; each stage is a file:
//!
//! - `collect.rs`: the spans → Knuth & Plass's boxes, glue and penalties ([`Item`]),
//!   each word a box measured by shaping it ([`crate::text::shape`]), spaces as glue,
//!   hyphenation points, emergency breaks in a word wider than the measure;
//! - `opportunities.rs`: where a line may end, for `collect`: UAX #14, less what the
//!   JIS X 4051 line-start and line-end rules forbid, plus breaks inside URLs and
//!   e-mail addresses;
//! - `bidi.rs`: the embedding levels of the text (UAX #9, [`bidi_levels`]), so that
//!   `collect` shapes each piece in its direction, and after breaking each line's
//!   runs in display order ([`reorder`], rule L2);
//! - the breaker, [`crate::linebreak::break_paragraph`]: Knuth & Plass's total fit in
//!   TeX's three passes;
//! - `finalize.rs`: the chosen breaks → [`Line`]s of [`Run`]s, the glue set by each
//!   line's adjustment ratio, words broken across lines marked.
//!
//! Positions in a [`Line`] are relative to the line's start (x, in pt) on its
//! baseline. A word broken across lines keeps its whole text for extraction: its
//! runs carry an `actual_text` span (PDF 32000-1 §14.9.4), so copy-paste and
//! applicant-tracking systems read `typesetting`, not `type-` `setting`.

mod bidi;
mod collect;
mod finalize;
mod micro;
mod opportunities;

pub use crate::text::{Direction, Slant, Weight};
pub use bidi::{bidi_levels, reorder};
pub use collect::{
    CJK_LATIN_SPACE, CJK_PUNCTUATION_SHRINK, CJK_SQUEEZE_AFTER, CJK_SQUEEZE_BEFORE, CJK_STRETCH, EMERGENCY_PENALTY,
    EX_HYPHEN_PENALTY, HYPHEN_PENALTY, PARFILL_STRETCH, URL_PENALTY,
};
pub use finalize::MAX_RATIO;
pub use micro::{PROTRUSION, TRACKING_EM, protrusion_of};
pub use opportunities::{NO_LINE_END, NO_LINE_START};

use crate::geom::{Pt, Rgb};
use crate::lang::Language;
use crate::linebreak::{Item, Micro, Params, Pass, RAGGED_STRETCH_EM, break_paragraph};
use crate::markup::Span;
use crate::text::{Family, Shaped};

/// How a paragraph's lines fill the measure.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Align {
    /// Inter-word glue stretches and shrinks so that every line but the last fills
    /// the measure.
    Justified,
    /// Ragged right (ragged left in a right-to-left document, whose pages are
    /// mirrored): spaces keep their width, the breaker balances the lines with a
    /// right stretch of [`RAGGED_STRETCH_EM`].
    #[default]
    Ragged,
}

/// How a paragraph is set.
#[derive(Clone, Debug, PartialEq)]
pub struct ParStyle {
    /// Font size in pt.
    pub size: Pt,
    /// The paragraph's own weight, combined with the spans' (a bold title with an
    /// `*italic*` span sets that span in bold italic).
    pub weight: Weight,
    /// The paragraph's own slant, combined with the spans'.
    pub slant: Slant,
    /// Text colour.
    pub color: Rgb,
    /// Colour of link text.
    pub link_color: Rgb,
    /// Justified, or ragged.
    pub align: Align,
    /// Hyphenate with this language's patterns; `None`: never hyphenate.
    pub hyphenate: Option<Language>,
    /// The family the text is set in (the weight and slant choose its faces).
    pub family: Family,
    /// Set lower-case letters as small capitals (section headings with
    /// `section_title: smallcaps`).
    pub small_caps: bool,
    /// The paragraph's base direction: right to left in a document in Arabic, Hebrew
    /// or Persian. Lines are then ordered for a page that the layout mirrors
    /// afterwards (see [`reorder`]).
    pub direction: Direction,
    /// Margin kerning and, in a justified paragraph, expansion by letter-spacing
    /// (`design.microtype`, [`PROTRUSION`], [`TRACKING_EM`]); only in a left-to-right
    /// paragraph.
    pub microtype: bool,
    /// `hyphenate: auto`: hyphenate only when the paragraph cannot be set without a
    /// space wider than [`LOOSE_SPACE_EM`] (or a line past the tolerance) without.
    pub hyphenate_auto: bool,
}

/// A space wider than this, in em of the paragraph's size, makes a line loose: what
/// `hyphenate: auto` avoids and the typography report counts.
pub const LOOSE_SPACE_EM: f64 = 0.5;

impl Default for ParStyle {
    /// 10 pt regular Charis SIL in the text colour, ragged, not hyphenated, left to
    /// right.
    fn default() -> ParStyle {
        ParStyle {
            size: Pt(10.0),
            weight: Weight::Regular,
            slant: Slant::Upright,
            color: Rgb::TEXT,
            link_color: Rgb::ACCENT,
            align: Align::Ragged,
            hyphenate: None,
            family: Family::SERIF,
            small_caps: false,
            direction: Direction::Ltr,
            microtype: false,
            hyphenate_auto: false,
        }
    }
}

/// A run of glyphs placed on a line: the [`Shaped`] run (face, size, glyphs, the
/// text it stands for, its offset `at` in the paragraph's text), and where and how
/// the line sets it. Reads through to the shaped run's fields (`run.face`,
/// `run.glyphs`, …).
#[derive(Clone, Debug, PartialEq)]
pub struct Run {
    /// Left edge, pt from the line's start.
    pub x: Pt,
    /// The glyphs, as shaped; `at` is the byte offset in the paragraph's text of the
    /// first character the run sets.
    pub shaped: Shaped,
    /// Fill colour.
    pub color: Rgb,
    /// Sum of the glyphs' advances, pt.
    pub width: Pt,
    /// The link target when the run is link text.
    pub link: Option<String>,
    /// A word space (one space glyph; the gap after it is the glue's set width).
    pub space: bool,
    /// For a word broken across lines: the word's whole text on the first run of the
    /// word, and `actual_text_end` on its last, so the PDF can mark them as one span.
    pub actual_text: Option<String>,
    /// The last run of a word broken across lines.
    pub actual_text_end: bool,
    /// The paragraph's number for the word the run belongs to (spaces: none).
    pub word: Option<usize>,
}

impl std::ops::Deref for Run {
    type Target = Shaped;

    /// The shaped run.
    fn deref(&self) -> &Shaped {
        &self.shaped
    }
}

/// A set line.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    /// The runs, left to right.
    pub runs: Vec<Run>,
    /// Set width in pt (from the start to the end of the last run).
    pub width: Pt,
}

/// A set paragraph.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Paragraph {
    /// The lines, top to bottom.
    pub lines: Vec<Line>,
    /// Characters no bundled face covers, in order of first occurrence.
    pub missing: Vec<char>,
    /// Words wider than the measure that had to be broken between graphemes.
    pub split_words: Vec<String>,
    /// Which of the breaker's passes set it.
    pub pass: Option<Pass>,
}

/// Which line breaker sets a paragraph.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Breaker {
    /// Knuth & Plass's total fit in TeX's three passes: what vitae uses.
    TotalFit,
    /// First fit (each line as full as it can be): for comparisons only.
    FirstFit,
}

/// Sets `spans` in lines of `measure` pt.
pub fn typeset(spans: &[Span], style: &ParStyle, measure: Pt) -> Paragraph {
    typeset_with(spans, style, measure, Breaker::TotalFit)
}

/// Sets `spans` in lines of `measure` pt with the given breaker.
pub fn typeset_with(spans: &[Span], style: &ParStyle, measure: Pt, breaker: Breaker) -> Paragraph {
    // Spans → boxes, glue and penalties (collect.rs; where lines may end from
    // opportunities.rs, each piece shaped in its direction from bidi.rs).
    let mut c = collect::collect(spans, style, measure);
    // Items → breaks: Knuth & Plass (crate::linebreak), or first fit for comparisons.
    let right_stretch = match style.align {
        Align::Justified => Pt::ZERO,
        Align::Ragged => RAGGED_STRETCH_EM * style.size,
    };
    let micro = if style.microtype && style.direction == Direction::Ltr {
        micro::micro(&c, style.align == Align::Justified)
    } else {
        Micro::default()
    };
    let params = Params {
        right_stretch,
        micro,
        loose_space: style.hyphenate_auto.then(|| LOOSE_SPACE_EM * style.size),
        ..Params::default()
    };
    let (breaks, pass) = match breaker {
        Breaker::TotalFit => {
            let (b, pass) = break_paragraph(&c.items, &[measure], &params);
            (b, Some(pass))
        }
        Breaker::FirstFit => (crate::linebreak::first_fit(&c.items, measure), None),
    };
    // Breaks → lines of runs (finalize.rs), the words split at graphemes named.
    let split_words = finalize::split_words(&c, &breaks);
    let (missing, levels) = (std::mem::take(&mut c.missing), c.levels.take());
    let mut lines = finalize::finalize(c, &breaks, style, &params.micro);
    // Each line in display order (bidi.rs, UAX #9 rule L2).
    reorder(&mut lines, levels.as_deref(), style.direction);
    Paragraph {
        lines,
        missing,
        split_words,
        pass,
    }
}

/// The paragraph model of `spans` at `measure` pt: the boxes, glue and penalties the
/// breaker sees (for benchmarks and tests of the breaker on real text).
pub fn items(spans: &[Span], style: &ParStyle, measure: Pt) -> Vec<Item> {
    collect::collect(spans, style, measure).items
}

/// Width of `spans` set on one line at natural width, pt.
pub fn natural_width(spans: &[Span], style: &ParStyle) -> Pt {
    let c = collect::collect(
        spans,
        &ParStyle {
            hyphenate: None,
            ..style.clone()
        },
        Pt(f64::INFINITY),
    );
    c.items
        .iter()
        .map(|it| match *it {
            Item::Box { width, .. } => width,
            Item::Glue { width, stretch, .. } if stretch < PARFILL_STRETCH => width,
            _ => Pt(0.0),
        })
        .sum()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::markup::parse;

    pub(crate) fn style(align: Align) -> ParStyle {
        ParStyle {
            align,
            ..ParStyle::default()
        }
    }

    pub(crate) fn line_text(l: &Line) -> String {
        l.runs
            .iter()
            .flat_map(|r| r.glyphs.iter().filter_map(|g| g.text.as_deref()))
            .collect()
    }

    #[test]
    fn justified_lines_fill_the_measure_and_the_last_is_ragged() {
        let spans = parse("The quick brown fox jumps over the lazy dog and keeps running far away.").unwrap();
        let p = typeset(&spans, &style(Align::Justified), Pt(150.0));
        assert!(p.lines.len() >= 3);
        for l in &p.lines[..p.lines.len() - 1] {
            assert!((l.width - Pt(150.0)).abs() < Pt(1e-6), "line width {}", l.width);
        }
        assert!(p.lines.last().unwrap().width < Pt(150.0));
        let all: Vec<String> = p.lines.iter().map(line_text).collect();
        assert_eq!(
            all.join(" "),
            "The quick brown fox jumps over the lazy dog and keeps running far away."
        );
    }

    #[test]
    fn urls_break_after_slashes_and_nothing_overflows() {
        let spans =
            parse("<https://data.example.org/collections/2024/longitudinal-cohort-study/files/manifest.json>").unwrap();
        let p = typeset(&spans, &style(Align::Justified), Pt(120.0));
        assert!(p.lines.len() > 1);
        for l in &p.lines {
            assert!(l.width <= Pt(120.0 + 1e-6));
        }
        let first = line_text(&p.lines[0]);
        assert!(
            first.ends_with(|c| opportunities::URL_BREAK_AFTER.contains(c)),
            "{first}"
        );
    }

    #[test]
    fn a_very_loose_line_is_set_ragged() {
        // "A" then a URL that cannot share its line: the first line would need its one
        // space stretched far past twice its stretch.
        let spans = parse("A B bbbbbbbbbbbbbbbbbbbbbbbbbbbbbb").unwrap();
        let measure = natural_width(&spans, &style(Align::Justified)) - Pt(5.0);
        let p = typeset(&spans, &style(Align::Justified), measure);
        assert_eq!(p.lines.len(), 2);
        // Whatever the first line holds, its spaces are not stretched.
        let text = line_text(&p.lines[0]);
        assert_eq!(
            p.lines[0].width,
            natural_width(&parse(&text).unwrap(), &style(Align::Justified)),
            "{text}"
        );
    }

    #[test]
    fn a_word_wider_than_the_measure_is_hyphenated_at_a_grapheme() {
        let spans = parse("ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJ").unwrap();
        let p = typeset(&spans, &style(Align::Ragged), Pt(60.0));
        assert!(p.lines.len() > 2);
        for l in &p.lines {
            assert!(l.width <= Pt(60.0 + 1e-6), "{}", l.width);
        }
        assert!(line_text(&p.lines[0]).ends_with('-'));
        let joined: String = p
            .lines
            .iter()
            .map(|l| line_text(l).trim_end_matches('-').to_string())
            .collect();
        assert_eq!(joined, "ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJ");
    }

    /// Issue 15, item 6: one unbreakable word of 100,000 letters took 4 s to break
    /// (quadratic); it breaks between graphemes, and every line fits the measure.
    #[test]
    fn a_word_of_100000_letters_breaks_and_every_line_fits() {
        let word: String = "abcdefghijklmnopqrstuvwxyz".chars().cycle().take(100_000).collect();
        let spans = [Span {
            text: word.clone(),
            ..Span::default()
        }];
        for style in [
            style(Align::Justified),
            ParStyle {
                hyphenate: Some(Language::EnglishUs),
                ..style(Align::Ragged)
            },
        ] {
            let p = typeset(&spans, &style, Pt(300.0));
            assert!(p.lines.len() > 100, "{} lines", p.lines.len());
            for l in &p.lines {
                assert!(l.width <= Pt(300.0 + 1e-6), "{}", l.width);
            }
            let joined: String = p
                .lines
                .iter()
                .map(|l| line_text(l).trim_end_matches('-').to_string())
                .collect();
            assert!(joined == word);
            assert_eq!(p.split_words, std::slice::from_ref(&word));
        }
    }
}
