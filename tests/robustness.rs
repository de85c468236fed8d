//! The whole pipeline on hostile text (proptest): arbitrary strings in every text
//! field — control characters, lone combining marks, zero-width joiners, right-to-left
//! marks, U+FFFD, very long words — either build or fail with located errors, never
//! panic; and whenever they build, the display list keeps #2's invariants (no glyph
//! outside the margins, no two words overlapping, dates flush right on their line).

mod common;

use common::*;
use proptest::prelude::*;

/// Text made of pieces that break naive typesetters.
fn hostile() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[a-zA-Z]{1,12}",
        Just(" ".to_string()),
        Just("\u{200D}".to_string()),   // zero-width joiner
        Just("\u{200F}".to_string()),   // right-to-left mark
        Just("\u{0301}".to_string()),   // lone combining acute
        Just("\u{FFFD}".to_string()),
        Just("\u{0007}".to_string()),   // a control character
        Just("\t".to_string()),
        Just("\n".to_string()),
        Just("**".to_string()),
        Just("_".to_string()),
        Just("[x](https://example.org/a b)".to_string()),
        Just("<https://example.org/x>".to_string()),
        Just("ﬁ".to_string()),
        Just("שלום".to_string()),
        Just("清".to_string()),
        "[A-Z]{40,120}",                 // a word wider than some measures
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
    fn hostile_text_builds_or_fails_cleanly(name in hostile(), title in hostile(), date in hostile(), bullet in hostile(), para in hostile()) {
        let yaml = format!(
            "name: {}\nheadline: {}\ncontact:\n  - {}\nsections:\n  - title: {}\n    entries:\n      - title: {}\n        date: {}\n        location: {}\n        bullets: [{}, {}]\n      - {}\n",
            quoted(&name), quoted(&para), quoted(&title), quoted(&title), quoted(&title), quoted(&date), quoted(&date), quoted(&bullet), quoted(&para), quoted(&para)
        );
        match vitae::layout_source(&yaml) {
            Err(errors) => {
                prop_assert!(!errors.is_empty());
                for e in &errors {
                    prop_assert!(e.pos.is_known() || e.message.contains("empty"), "an error without a position: {}", e.message);
                }
            }
            Ok((r, d, _)) => {
                check_margins(&r, &d, 0.01).map_err(TestCaseError::fail)?;
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
    let (r, d, _) = vitae::layout_source(yaml).unwrap();
    check_margins(&r, &d, 0.01).unwrap();
    let line1: Vec<String> = d.pages[0].runs().filter(|t| t.text().starts_with("AJWS")).map(|t| t.text()).collect();
    assert_eq!(line1.len(), 1);
}
