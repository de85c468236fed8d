//! Exact breaks of paragraphs set in Charis SIL 10 pt by the paragraph typesetter
//! (regression values: checked by eye when recorded; a change to the breaker or the
//! font must update them knowingly): justified and ragged, hyphenation, URLs,
//! no-break spaces and hyphens.

use vitae::geom::Pt;
use vitae::inline::{Align, ParStyle, typeset};
use vitae::lang::Language;

fn lines(text: &str, measure: f64, justify: bool, hyphenate: bool) -> Vec<String> {
    let align = if justify { Align::Justified } else { Align::Ragged };
    let style = ParStyle {
        align,
        hyphenate: hyphenate.then_some(Language::EnglishUs),
        ..ParStyle::default()
    };
    let p = typeset(&vitae::markup::parse(text).unwrap(), &style, Pt(measure));
    p.lines
        .iter()
        .map(|l| {
            l.runs
                .iter()
                .flat_map(|r| r.glyphs.iter().filter_map(|g| g.text.as_deref()))
                .collect()
        })
        .collect()
}

const GRIMM: &str = "In olden times when wishing still helped one, there lived a king whose daughters were all beautiful; and the youngest was so beautiful that the sun itself, which has seen so much, was astonished whenever it shone in her face.";

#[test]
fn justified_at_200pt_the_first_pass_needs_no_hyphen() {
    let want = [
        "In olden times when wishing still helped one,",
        "there lived a king whose daughters were all",
        "beautiful; and the youngest was so beautiful",
        "that the sun itself, which has seen so much,",
        "was astonished whenever it shone in her face.",
    ];
    assert_eq!(lines(GRIMM, 200.0, true, true), want);
    assert_eq!(lines(GRIMM, 200.0, true, false), want);
}

#[test]
fn ragged_right_at_200pt() {
    assert_eq!(
        lines(GRIMM, 200.0, false, true),
        [
            "In olden times when wishing still helped",
            "one, there lived a king whose daughters",
            "were all beautiful; and the youngest was so",
            "beautiful that the sun itself, which has seen",
            "so much, was astonished whenever it shone",
            "in her face."
        ]
    );
}

#[test]
fn justified_at_120pt_hyphenates() {
    assert_eq!(
        lines(GRIMM, 120.0, true, true),
        [
            "In olden times when wish-",
            "ing still helped one, there",
            "lived a king whose daugh-",
            "ters were all beautiful; and",
            "the youngest was so beau-",
            "tiful that the sun itself,",
            "which has seen so much,",
            "was astonished whenever it",
            "shone in her face."
        ]
    );
}

#[test]
fn urls_break_inside_only_after_their_punctuation() {
    assert_eq!(
        lines(
            "Contact: <https://data.example.org/collections/2024/cohort/files/manifest.json> now.",
            150.0,
            true,
            true
        ),
        [
            "Contact: https://data.",
            "example.org/collections/2024/",
            "cohort/files/manifest.json now."
        ]
    );
}

#[test]
fn no_break_spaces_and_non_breaking_hyphens_hold() {
    assert_eq!(
        lines(
            "Co-founded the company with a no\u{a0}break space and a non\u{2011}breaking hyphen here.",
            110.0,
            true,
            true
        ),
        [
            "Co-founded the company",
            "with a no\u{a0}break space",
            "and a non\u{2011}breaking hy-",
            "phen here."
        ]
    );
}

#[test]
fn an_existing_hyphen_is_the_only_break_in_its_word() {
    // "co-founded" may break after "co-" but is never hyphenated again.
    for m in [40.0, 50.0, 60.0, 70.0] {
        for l in lines("co-founded co-founded co-founded", m, true, true) {
            assert!(!l.ends_with("foun-") && !l.ends_with("found-"), "{l} at {m}");
        }
    }
}
