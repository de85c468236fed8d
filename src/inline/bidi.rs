//! The Unicode Bidirectional Algorithm (UAX #9) for a paragraph: the embedding level
//! of each character before breaking ([`bidi_levels`]), and each line's runs put in
//! display order after it ([`reorder`], rule L2).

use super::{Line, Run};
use crate::geom::Pt;
use crate::text::Direction;

/// The embedding level of every byte of a paragraph's text by the Unicode
/// Bidirectional Algorithm (UAX #9 rules P2–I2, `unicode-bidi`), with the base
/// `direction` (the document's language's); `None` when the text has nothing right to left and the base is left to right
/// (every level 0).
pub fn bidi_levels(text: &str, direction: Direction) -> Option<Vec<u8>> {
    use unicode_bidi::{BidiClass, BidiInfo, Level, bidi_class};
    let rtl = direction == Direction::Rtl;
    if !rtl
        && (text.is_ascii()
            || !text.chars().any(|c| {
                !c.is_ascii()
                    && matches!(
                        bidi_class(c),
                        BidiClass::R | BidiClass::AL | BidiClass::AN | BidiClass::RLE | BidiClass::RLO | BidiClass::RLI
                    )
            }))
    {
        return None;
    }
    let base = if rtl { Level::rtl() } else { Level::ltr() };
    Some(
        BidiInfo::new(text, Some(base))
            .levels
            .iter()
            .map(|l| l.number())
            .collect(),
    )
}

/// Orders each line's runs for display by the Unicode Bidirectional Algorithm
/// (UAX #9, with `unicode-bidi`): the levels of the paragraph's characters (rules P2–I2,
/// in the paragraph's base `direction`, from [`bidi_levels`]), then rule L2 on each line
/// after breaking: from the highest level down to the lowest odd one, every maximal
/// sequence of runs at that level or above is reversed. A run is one word or piece of
/// one, shaped in its own direction (rustybuzz gives right-to-left glyphs in visual
/// order), so reordering moves whole runs; each keeps the space after it.
///
/// With a right-to-left base the levels are taken one lower (the right-to-left text
/// at level 0, left-to-right text inside it at 1), which orders the line for a page
/// the layout then mirrors (x → width − x): mirroring reverses the line once more,
/// giving the order of a right-to-left base.
pub fn reorder(lines: &mut [Line], levels: Option<&[u8]>, direction: Direction) {
    let Some(levels) = levels else { return };
    let rtl = direction == Direction::Rtl;
    for line in lines.iter_mut() {
        let n = line.runs.len();
        if n < 2 {
            continue;
        }
        let levels: Vec<u8> = line
            .runs
            .iter()
            .map(|r| levels.get(r.at).copied().unwrap_or(0).saturating_sub(rtl as u8))
            .collect();
        // Each run's advance up to the next run (its glue), the last its own width.
        let adv: Vec<Pt> = (0..n)
            .map(|i| {
                if i + 1 < n {
                    line.runs[i + 1].x - line.runs[i].x
                } else {
                    line.runs[i].width
                }
            })
            .collect();
        let mut order: Vec<usize> = (0..n).collect();
        let max = levels.iter().copied().max().unwrap_or(0);
        for lvl in (1..=max).rev() {
            let mut i = 0;
            while i < n {
                if levels[order[i]] >= lvl {
                    let start = i;
                    while i < n && levels[order[i]] >= lvl {
                        i += 1;
                    }
                    order[start..i].reverse();
                } else {
                    i += 1;
                }
            }
        }
        if order.iter().enumerate().all(|(k, &o)| k == o) {
            continue;
        }
        let mut runs: Vec<Option<Run>> = std::mem::take(&mut line.runs).into_iter().map(Some).collect();
        let mut x = Pt::ZERO;
        for &o in &order {
            if let Some(mut r) = runs[o].take() {
                r.x = x;
                x += adv[o];
                line.runs.push(r);
            }
        }
    }
}
