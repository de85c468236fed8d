//! The classic check of a Knuth–Plass implementation: the "Frog King" paragraph of
//! Knuth & Plass (1981), set with the widths the paper uses, must break where the
//! paper prints its breaks.
//!
//! Widths: the traditional Monotype widths in machine units (1/18 em) that Knuth gives
//! in *Digital Typography* (1999), p. 75 — the same data as the paragraph-breaker
//! crate's test, which asserts the break points of pp. 81 and 113. Glue: a word space
//! is 6 units stretching 3 and shrinking 2; after a comma 6/4/2, after a semicolon
//! 6/4/1, after a period 8/6/1. Hyphenation points (`·` below) are the paper's; the
//! only explicit hyphen is in "lime-tree". Parameters as in the paper's example: line
//! penalty 10, flagged demerits 100, fitness demerits 3000, hyphen penalty 50.

use vitae::geom::Pt;
use vitae::linebreak::total_fit::total_fit;
use vitae::linebreak::{INFINITE_PENALTY, Item, Params, PenaltyKind};

const FROG_KING: &str = "In olden times when wish·ing still helped one, there lived a king whose daugh·ters were all beau·ti·ful; and the young·est was so beau·ti·ful that the sun it·self, which has seen so much, was aston·ished when·ever it shone in her face. Close by the king’s castle lay a great dark for·est, and un·der an old lime-tree in the for·est was a well, and when the day was very warm, the king’s child went out into the for·est and sat down by the side of the cool foun·tain; and when she was bored she took a golden ball, and threw it up on high and caught it; and this ball was her favor·ite play·thing.";

/// Monotype widths of a–z in machine units (Digital Typography p. 75).
const LOWER: [f64; 26] = [
    9., 10., 8., 10., 8., 6., 9., 10., 5., 6., 10., 5., 15., 10., 9., 10., 10., 7., 7., 7., 10., 9., 13., 10., 10., 8.,
];

fn width(c: char) -> f64 {
    match c {
        'a'..='z' => LOWER[c as usize - 'a' as usize],
        'C' => 13.0,
        'I' | '-' | '·' => 6.0,
        ',' | ';' | '.' | '’' => 5.0,
        _ => panic!("no width for {c:?}"),
    }
}

fn items() -> Vec<Item> {
    let mut items = Vec::new();
    let mut word = 0.0;
    let mut last = ' ';
    let flush = |items: &mut Vec<Item>, word: &mut f64| {
        if *word > 0.0 {
            items.push(Item::Box {
                width: Pt(*word),
                content: 0,
            });
            *word = 0.0;
        }
    };
    for c in FROG_KING.chars() {
        match c {
            ' ' => {
                flush(&mut items, &mut word);
                let (w, st, sh) = match last {
                    ',' => (6.0, 4.0, 2.0),
                    ';' => (6.0, 4.0, 1.0),
                    '.' => (8.0, 6.0, 1.0),
                    _ => (6.0, 3.0, 2.0),
                };
                items.push(Item::Glue {
                    width: Pt(w),
                    stretch: Pt(st),
                    shrink: Pt(sh),
                    content: 0,
                });
            }
            '-' => {
                flush(&mut items, &mut word);
                items.push(Item::Box {
                    width: Pt(width('-')),
                    content: 0,
                });
                items.push(Item::Penalty {
                    width: Pt(0.0),
                    cost: 50.0,
                    flagged: true,
                    kind: PenaltyKind::Normal,
                    content: 0,
                });
            }
            '·' => {
                flush(&mut items, &mut word);
                items.push(Item::Penalty {
                    width: Pt(width('-')),
                    cost: 50.0,
                    flagged: true,
                    kind: PenaltyKind::Hyphenation,
                    content: 0,
                });
            }
            _ => word += width(c),
        }
        last = c;
    }
    flush(&mut items, &mut word);
    items.push(Item::Penalty {
        width: Pt(0.0),
        cost: INFINITE_PENALTY,
        flagged: false,
        kind: PenaltyKind::Normal,
        content: 0,
    });
    items.push(Item::Glue {
        width: Pt(0.0),
        stretch: Pt(INFINITE_PENALTY),
        shrink: Pt(0.0),
        content: 0,
    });
    items.push(Item::Penalty {
        width: Pt(0.0),
        cost: -INFINITE_PENALTY,
        flagged: true,
        kind: PenaltyKind::Normal,
        content: 0,
    });
    items
}

fn paper_params() -> Params {
    Params {
        line_penalty: 10.0,
        double_hyphen_demerits: 100.0,
        adj_demerits: 3000.0,
        final_hyphen_demerits: 0.0,
        ..Params::default()
    }
}

fn breaks(lengths: &[Pt], threshold: f64) -> Option<Vec<usize>> {
    total_fit(&items(), lengths, threshold, PenaltyKind::Emergency, &paper_params())
        .map(|b| b.iter().map(|b| b.index).collect())
}

#[test]
fn the_items_are_the_papers() {
    let items = items();
    assert_eq!(
        items.len(),
        263,
        "17 hyphenation points, 1 explicit hyphen, parfillskip"
    );
}

#[test]
fn narrow_measure_digital_typography_p81() {
    // First line 372 units, then 390; ρ = 1.
    assert_eq!(
        breaks(&[Pt(372.0), Pt(390.0)], 1.0).unwrap(),
        vec![17, 37, 63, 83, 105, 129, 154, 174, 198, 220, 240, 262]
    );
}

#[test]
fn medium_measure_digital_typography_p113() {
    assert_eq!(
        breaks(&[Pt(482.0), Pt(500.0)], 1.0).unwrap(),
        vec![23, 51, 81, 107, 140, 168, 198, 224, 252, 262]
    );
}

#[test]
fn an_impossible_measure_has_no_feasible_breaks() {
    assert_eq!(breaks(&[Pt(82.0), Pt(100.0)], 1.0), None);
}

#[test]
fn every_line_of_the_optimum_is_within_the_threshold() {
    let items = items();
    let b = total_fit(
        &items,
        &[Pt(482.0), Pt(500.0)],
        1.0,
        PenaltyKind::Emergency,
        &paper_params(),
    )
    .unwrap();
    for br in &b {
        assert!((-1.0..=1.0).contains(&br.ratio), "{br:?}");
    }
}
