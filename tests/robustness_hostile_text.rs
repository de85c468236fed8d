//! The whole pipeline on hostile text (proptest): arbitrary strings in every text
//! field — control characters, lone combining marks, zero-width joiners, right-to-left
//! marks, U+FFFD, very long words — either build or fail with located errors, never
//! panic; and whenever they build, the display list keeps #2's invariants (no glyph
//! outside the margins, no two words overlapping, dates flush right on their line).

mod common;

use common::*;
use proptest::prelude::*;
use vitae::geom::Pt;

/// Text made of pieces that break naive typesetters.
fn hostile() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[a-zA-Z]{1,12}",
        Just(" ".to_string()),
        Just("\u{200D}".to_string()), // zero-width joiner
        Just("\u{200F}".to_string()), // right-to-left mark
        Just("\u{0301}".to_string()), // lone combining acute
        Just("\u{FFFD}".to_string()),
        Just("\u{0007}".to_string()), // a control character
        Just("\t".to_string()),
        Just("\n".to_string()),
        Just("**".to_string()),
        Just("_".to_string()),
        Just("[x](https://example.org/a b)".to_string()),
        Just("<https://example.org/x>".to_string()),
        Just("ﬁ".to_string()),
        Just("שלום".to_string()),
        Just("مرحبا بالعالم".to_string()),
        Just("عمّان".to_string()),
        Just("、".to_string()),
        Just("（".to_string()),
        Just("한국어".to_string()),
        Just("清".to_string()),
        "[A-Z]{40,120}", // a word wider than some measures
    ];
    prop::collection::vec(piece, 1..12).prop_map(|v| v.concat())
}

/// A YAML double-quoted string for any text (JSON's escapes are YAML's).
fn quoted(s: &str) -> String {
    serde_json::to_string(s).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 160, ..ProptestConfig::default() })]

    #[test]
    fn hostile_text_builds_or_fails_cleanly(name in hostile(), title in hostile(), date in hostile(), bullet in hostile(), para in hostile(), design in prop_oneof![
        Just(""), Just("design:\n  language: ar\n"), Just("design:\n  theme: modern\n"), Just("design:\n  section_title: smallcaps\n  font: sans\n")
    ]) {
        let yaml = format!(
            "name: {}\nheadline: {}\ncontact:\n  - {}\nsections:\n  - title: {}\n    entries:\n      - title: {}\n        date: {}\n        location: {}\n        bullets: [{}, {}]\n      - {}\n{design}",
            quoted(&name), quoted(&para), quoted(&title), quoted(&title), quoted(&title), quoted(&date), quoted(&date), quoted(&bullet), quoted(&para), quoted(&para)
        );
        match vitae::layout_source(&yaml) {
            Err(errors) => {
                prop_assert!(!errors.is_empty());
                for e in &errors {
                    prop_assert!(e.pos.is_known() || e.message.contains("empty"), "an error without a position: {}", e.message);
                }
            }
            Ok((_, s, d, _)) => {
                check_margins(&s, &d, 0.01).map_err(TestCaseError::fail)?;
                check_overlaps(&d, 0.01).map_err(TestCaseError::fail)?;
                let out = vitae::compile(&yaml, &vitae::Options::default());
                prop_assert!(out.is_ok_and(|o| o.pdf.starts_with(b"%PDF-")));
            }
        }
    }
}

/// Found by the property test above: a bullet whose line ends in a space and a
/// right-to-left mark (a zero-width run) before a break; the space's glyph reached
/// 0.03 pt past the right margin.
#[test]
fn a_space_before_a_zero_width_run_at_a_line_end_is_dropped() {
    let yaml = "name: A\nsections:\n  - title: a\n    entries:\n      - title: a\n        date: A\n        bullets: [\"AJWSAKAPRAPBDDUKAZJLTDPRCTHHHWBADRHJPRMMTJEDVEPENPKEKIVDDBDIUIJPMRCRBAACNSUCDJ \\u200f清\"]\n";
    let (_, s, d, _) = vitae::layout_source(yaml).unwrap();
    check_margins(&s, &d, 0.01).unwrap();
    let line1: Vec<String> = d.pages[0]
        .runs()
        .filter(|t| t.text().starts_with("AJWS"))
        .map(|t| t.text())
        .collect();
    assert_eq!(line1.len(), 1);
}

/// Found by the property test above: in the left date column, a date wider than the
/// column (wrapped there) and a location with no subtitle beside it were set on the
/// same band, one over the other.
#[test]
fn a_wrapped_date_and_a_location_alone_do_not_overlap_in_the_left_column() {
    let yaml = "name: A\nsections:\n  - title: A\n    entries:\n      - title: A\n        date: AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n        location: AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n        bullets: [a]\n      - date: \"2020\"\ndesign:\n  theme: modern\n";
    let (_, s, d, _) = vitae::layout_source(yaml).unwrap();
    check_margins(&s, &d, 0.01).unwrap();
    check_overlaps(&d, 0.01).unwrap();
    // The second entry's lone date has its own band, with the space between entries.
    let y2020 = d.pages[0].runs().find(|t| t.text() == "2020").unwrap();
    let last = d.pages[0]
        .runs()
        .filter(|t| t.text().starts_with('A') && t.baseline < y2020.baseline)
        .map(|t| t.baseline)
        .fold(Pt::ZERO, Pt::max);
    // The first entry ends with the location's last line in the column, on a band of
    // its own (9 pt type on a 10.8 pt leading: 2.7 pt below the baseline); then 5.5 pt
    // between entries and 8.1 pt down to the lone date's baseline.
    assert!(
        (y2020.baseline - last - Pt(16.3)).abs() < 1e-6,
        "{} vs {last}",
        y2020.baseline
    );
}

/// Found by the property test above: in a right-to-left document, squeezing the blank
/// half of `、` moved the next character over its mark (mirroring turns the blank half
/// to the other side). Punctuation is squeezed only in left-to-right paragraphs.
#[test]
fn cjk_punctuation_is_not_squeezed_in_a_mirrored_page() {
    let para = "、한국어 MAABABFIKMAABAGABABEAFNFAFNBAUAAMIAMABAAIAAIDAAAJAAIABAARABBIMFBAAHGAENAAAAAAAAAA";
    let yaml = format!(
        "name: A\nsections:\n  - title: a\n    entries:\n      - title: a\n        bullets: [A, \"{para}\"]\n      - \"{para}\"\ndesign:\n  language: ar\n"
    );
    let (_, s, d, _) = vitae::layout_source(&yaml).unwrap();
    check_margins(&s, &d, 0.01).unwrap();
    check_overlaps(&d, 0.01).unwrap();
}
