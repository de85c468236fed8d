//! Properties of line breaking, over random paragraphs (proptest).

use proptest::prelude::*;
use vitae::inline::{typeset, Align, ParStyle};
use vitae::lang::Language;
use vitae::linebreak::total_fit::total_fit;
use vitae::linebreak::{first_fit, total_demerits, Item, Params, PenaltyKind, INFINITE_PENALTY};
use vitae::markup::Span;

/// A paragraph model: boxes 1–60 pt, glue after each (width 3, stretch 1.5, shrink 1),
/// now and then a hyphen penalty inside a word, ending with \parfillskip.
fn items_strategy() -> impl Strategy<Value = Vec<Item>> {
    prop::collection::vec((1.0f64..60.0, 0u8..4), 1..80).prop_map(|words| {
        let mut items = Vec::new();
        for (k, (w, h)) in words.into_iter().enumerate() {
            if k > 0 {
                items.push(Item::Glue { width: 3.0, stretch: 1.5, shrink: 1.0, content: 0 });
            }
            if h == 0 && w > 10.0 {
                items.push(Item::Box { width: w / 2.0, content: 0 });
                items.push(Item::Penalty { width: 3.0, cost: 50.0, flagged: true, kind: PenaltyKind::Hyphenation, content: 0 });
                items.push(Item::Box { width: w / 2.0, content: 0 });
            } else {
                items.push(Item::Box { width: w, content: 0 });
            }
        }
        items.push(Item::Penalty { width: 0.0, cost: INFINITE_PENALTY, flagged: false, kind: PenaltyKind::Normal, content: 0 });
        items.push(Item::Glue { width: 0.0, stretch: 100_000.0, shrink: 0.0, content: 0 });
        items.push(Item::Penalty { width: 0.0, cost: -INFINITE_PENALTY, flagged: false, kind: PenaltyKind::Normal, content: 0 });
        items
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    /// Total fit, allowed any feasible line, is never worse than first fit on the
    /// same items, and never shrinks a line past its shrinkability.
    #[test]
    fn total_fit_is_never_worse_than_first_fit(items in items_strategy(), measure in 60.0f64..400.0) {
        let p = Params::default();
        let ff = first_fit(&items, measure);
        let kp = total_fit(&items, &[measure], f64::INFINITY, PenaltyKind::Emergency, &p).expect("every box fits the measure");
        for b in &kp {
            prop_assert!(b.ratio >= -1.0 - 1e-9, "ratio {}", b.ratio);
        }
        let d_kp = total_demerits(&items, &[measure], &kp, &p);
        let d_ff = total_demerits(&items, &[measure], &ff, &p);
        prop_assert!(d_kp <= d_ff * (1.0 + 1e-9) + 1e-6, "total fit {d_kp} > first fit {d_ff}");
    }

    /// Set with the real font: no line is wider than the measure, and every word
    /// appears once, in order (added hyphens aside).
    #[test]
    fn lines_fit_and_keep_every_word(
        words in prop::collection::vec("[a-zA-Z]{1,14}", 1..60),
        measure in 80.0f64..500.0,
        justify in any::<bool>(),
        hyphenate in any::<bool>(),
    ) {
        let text = words.join(" ");
        let align = if justify { Align::Justified } else { Align::Ragged };
        let style = ParStyle { align, hyphenate: hyphenate.then_some(Language::EnglishUs), ..ParStyle::default() };
        let p = typeset(&[Span { text: text.clone(), ..Default::default() }], &style, measure);
        let mut got = String::new();
        for line in &p.lines {
            prop_assert!(line.width <= measure + 1e-6, "line {} wider than {measure}", line.width);
            for r in line.runs.iter().filter(|r| !r.space) {
                got.extend(r.glyphs.iter().filter_map(|g| g.text.as_deref()));
            }
        }
        prop_assert_eq!(got.replace('-', ""), text.replace(' ', ""));
    }
}

/// Exact breaks of paragraphs set in Charis SIL 10 pt (regression values: checked by
/// eye when recorded; a change to the breaker or the font must update them knowingly).
mod exact {
    use super::*;

    fn lines(text: &str, measure: f64, justify: bool, hyphenate: bool) -> Vec<String> {
        let align = if justify { Align::Justified } else { Align::Ragged };
        let style = ParStyle { align, hyphenate: hyphenate.then_some(Language::EnglishUs), ..ParStyle::default() };
        let p = typeset(&vitae::markup::parse(text).unwrap(), &style, measure);
        p.lines.iter().map(|l| l.runs.iter().flat_map(|r| r.glyphs.iter().filter_map(|g| g.text.as_deref())).collect()).collect()
    }

    const GRIMM: &str = "In olden times when wishing still helped one, there lived a king whose daughters were all beautiful; and the youngest was so beautiful that the sun itself, which has seen so much, was astonished whenever it shone in her face.";

    #[test]
    fn justified_at_200pt_the_first_pass_needs_no_hyphen() {
        let want = ["In olden times when wishing still helped one,", "there lived a king whose daughters were all", "beautiful; and the youngest was so beautiful", "that the sun itself, which has seen so much,", "was astonished whenever it shone in her face."];
        assert_eq!(lines(GRIMM, 200.0, true, true), want);
        assert_eq!(lines(GRIMM, 200.0, true, false), want);
    }

    #[test]
    fn ragged_right_at_200pt() {
        assert_eq!(
            lines(GRIMM, 200.0, false, true),
            ["In olden times when wishing still helped", "one, there lived a king whose daughters", "were all beautiful; and the youngest was so", "beautiful that the sun itself, which has seen", "so much, was astonished whenever it shone", "in her face."]
        );
    }

    #[test]
    fn justified_at_120pt_hyphenates() {
        assert_eq!(
            lines(GRIMM, 120.0, true, true),
            ["In olden times when wish-", "ing still helped one, there", "lived a king whose daugh-", "ters were all beautiful; and", "the youngest was so beau-", "tiful that the sun itself,", "which has seen so much,", "was astonished whenever it", "shone in her face."]
        );
    }

    #[test]
    fn urls_break_inside_only_after_their_punctuation() {
        assert_eq!(
            lines("Contact: <https://data.example.org/collections/2024/cohort/files/manifest.json> now.", 150.0, true, true),
            ["Contact: https://data.", "example.org/collections/2024/", "cohort/files/manifest.json now."]
        );
    }

    #[test]
    fn no_break_spaces_and_non_breaking_hyphens_hold() {
        assert_eq!(
            lines("Co-founded the company with a no\u{a0}break space and a non\u{2011}breaking hyphen here.", 110.0, true, true),
            ["Co-founded the company", "with a no\u{a0}break space", "and a non\u{2011}breaking hy-", "phen here."]
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
}
