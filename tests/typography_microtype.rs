//! Micro-typography (issue #21): margin kerning at line ends on the set lines,
//! the breaker's choices with protrusion and expansion, `hyphenate: auto`, the
//! design keys' errors and the sparse last page warning. Charis SIL 10 pt.

use vitae::geom::Pt;
use vitae::inline::{Align, Line, ParStyle, TRACKING_EM, protrusion_of, typeset};
use vitae::lang::Language;

const GRIMM: &str = "In olden times when wishing still helped one, there lived a king whose daughters were all beautiful; and the youngest was so beautiful that the sun itself, which has seen so much, was astonished whenever it shone in her face.";

fn style(microtype: bool, auto: bool) -> ParStyle {
    ParStyle {
        align: Align::Justified,
        hyphenate: Some(Language::EnglishUs),
        hyphenate_auto: auto,
        microtype,
        ..ParStyle::default()
    }
}

fn text(l: &Line) -> String {
    l.runs
        .iter()
        .flat_map(|r| r.glyphs.iter().filter_map(|g| g.text.as_deref()))
        .collect()
}

/// The advance of the last glyph of a line, pt.
fn last_advance(l: &Line) -> Pt {
    l.runs.iter().rev().find_map(|r| r.glyphs.last()).unwrap().advance
}

#[test]
fn line_ends_hang_into_the_margin_by_microtypes_fractions() {
    let p = typeset(&vitae::markup::parse(GRIMM).unwrap(), &style(true, false), Pt(200.0));
    let got: Vec<String> = p.lines.iter().map(text).collect();
    assert_eq!(
        got,
        [
            "In olden times when wishing still helped one,",
            "there lived a king whose daughters were all",
            "beautiful; and the youngest was so beautiful",
            "that the sun itself, which has seen so much,",
            "was astonished whenever it shone in her face.",
        ]
    );
    // Lines ending in a comma end half a comma (2.7978 pt at 10 pt) past the
    // measure; lines ending in a letter exactly at it.
    let ends: Vec<f64> = p.lines[..4].iter().map(|l| (l.width.0 * 1e4).round() / 1e4).collect();
    assert_eq!(ends, [201.3989, 200.0, 200.0, 201.3989]);
    for l in &p.lines[..p.lines.len() - 1] {
        let t = text(l);
        let last = t.chars().last().unwrap();
        let hang = last_advance(l) * protrusion_of(last).1;
        // The line ends `hang` past the measure: a comma half its advance, a period
        // 0.7, a letter not at all.
        assert!(
            (l.width - Pt(200.0) - hang).abs() < Pt(1e-9),
            "{t}: {} vs {}",
            l.width,
            hang
        );
    }
}

#[test]
fn the_fractions_are_microtypes_default_set() {
    assert_eq!(protrusion_of('.'), (0.0, 0.7));
    assert_eq!(protrusion_of(','), (0.0, 0.5));
    assert_eq!(protrusion_of('-'), (0.0, 0.5));
    assert_eq!(protrusion_of('\u{201D}'), (0.0, 0.3));
    assert_eq!(protrusion_of('\u{201C}'), (0.3, 0.0));
    assert_eq!(protrusion_of('('), (0.1, 0.0));
    assert_eq!(protrusion_of('e'), (0.0, 0.0));
    assert_eq!(TRACKING_EM, 0.02);
}

#[test]
fn letter_spacing_stays_within_its_limit() {
    let p = typeset(&vitae::markup::parse(GRIMM).unwrap(), &style(true, false), Pt(200.0));
    let plain = typeset(&vitae::markup::parse(GRIMM).unwrap(), &style(false, false), Pt(200.0));
    // Same glyphs; each glyph's advance differs from its natural one by at most 0.02 em.
    let a: Vec<_> = p
        .lines
        .iter()
        .flat_map(|l| l.runs.iter().flat_map(|r| r.glyphs.iter()))
        .collect();
    let b: Vec<_> = plain
        .lines
        .iter()
        .flat_map(|l| l.runs.iter().flat_map(|r| r.glyphs.iter()))
        .collect();
    let mut most = 0.0f64;
    if a.len() == b.len() {
        for (x, y) in a.iter().zip(&b) {
            assert_eq!(x.gid, y.gid);
            most = most.max((x.advance - y.advance).0.abs());
        }
        assert!(most <= 0.2 + 1e-9, "{most}");
    }
    // The largest change on this paragraph: 0.1009 pt, half the 0.2 pt limit.
    assert_eq!((most * 1e4).round() / 1e4, 0.1009);
}

#[test]
fn auto_hyphenates_only_when_the_paragraph_needs_it() {
    let count = |measure: f64, auto: bool| {
        let p = typeset(&vitae::markup::parse(GRIMM).unwrap(), &style(true, auto), Pt(measure));
        p.lines.iter().filter(|l| text(l).ends_with('-')).count()
    };
    // At 200 pt the paragraph sets without a loose line unhyphenated: no hyphen.
    assert_eq!((count(200.0, true), count(250.0, true)), (0, 0));
    // At 120 pt it cannot: hyphenated, as with `hyphenate: true`.
    assert_eq!((count(120.0, true), count(120.0, false)), (4, 4));
}
