//! Properties of line breaking, over random paragraphs (proptest).

use proptest::prelude::*;
use vitae::geom::Pt;
use vitae::inline::{Align, ParStyle, typeset};
use vitae::lang::Language;
use vitae::linebreak::total_fit::total_fit;
use vitae::linebreak::{INFINITE_PENALTY, Item, Params, PenaltyKind, first_fit, total_demerits};
use vitae::markup::Span;

/// A paragraph model: boxes 1–60 pt, glue after each (width 3, stretch 1.5, shrink 1),
/// now and then a hyphen penalty inside a word, ending with \parfillskip.
fn items_strategy() -> impl Strategy<Value = Vec<Item>> {
    prop::collection::vec((1.0f64..60.0, 0u8..4), 1..80).prop_map(|words| {
        let mut items = Vec::new();
        for (k, (w, h)) in words.into_iter().enumerate() {
            if k > 0 {
                items.push(Item::Glue {
                    width: Pt(3.0),
                    stretch: Pt(1.5),
                    shrink: Pt(1.0),
                    content: 0,
                });
            }
            if h == 0 && w > 10.0 {
                items.push(Item::Box {
                    width: Pt(w / 2.0),
                    content: 0,
                });
                items.push(Item::Penalty {
                    width: Pt(3.0),
                    cost: 50.0,
                    flagged: true,
                    kind: PenaltyKind::Hyphenation,
                    content: 0,
                });
                items.push(Item::Box {
                    width: Pt(w / 2.0),
                    content: 0,
                });
            } else {
                items.push(Item::Box {
                    width: Pt(w),
                    content: 0,
                });
            }
        }
        items.push(Item::Penalty {
            width: Pt(0.0),
            cost: INFINITE_PENALTY,
            flagged: false,
            kind: PenaltyKind::Normal,
            content: 0,
        });
        items.push(Item::Glue {
            width: Pt(0.0),
            stretch: Pt(100_000.0),
            shrink: Pt(0.0),
            content: 0,
        });
        items.push(Item::Penalty {
            width: Pt(0.0),
            cost: -INFINITE_PENALTY,
            flagged: false,
            kind: PenaltyKind::Normal,
            content: 0,
        });
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
        let ff = first_fit(&items, Pt(measure));
        let kp = total_fit(&items, &[Pt(measure)], f64::INFINITY, PenaltyKind::Emergency, &p).expect("every box fits the measure");
        for b in &kp {
            prop_assert!(b.ratio >= -1.0 - 1e-9, "ratio {}", b.ratio);
        }
        let d_kp = total_demerits(&items, &[Pt(measure)], &kp, &p);
        let d_ff = total_demerits(&items, &[Pt(measure)], &ff, &p);
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
        let p = typeset(&[Span { text: text.clone(), ..Default::default() }], &style, Pt(measure));
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
