//! Line breaking over boxes, glue and penalties (Knuth & Plass, "Breaking Paragraphs
//! into Lines", Software—Practice and Experience 11, 1981).
//!
//! A paragraph is a list of [`Item`]s. A legal breakpoint is a penalty whose cost is
//! below [`INFINITE_PENALTY`], or a glue immediately preceded by a box. A break at a
//! penalty adds the penalty's width to the line (a hyphen); glue and penalties at the
//! start of a line are discarded. [`first_fit`] chooses breaks greedily: each line
//! takes as much as fits (shrinking the glue down to its shrink limit, adjustment
//! ratio ≥ −1) and breaks at the last legal breakpoint. It is the algorithm of the
//! paper's "first fit" baseline; the total-fit breaker replaces it behind the same
//! types.

use crate::geom::Pt;

/// A penalty of this cost or more forbids a break (TeX's 10000).
pub const INFINITE_PENALTY: f64 = 10000.0;

/// One item of the paragraph model.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Item {
    /// Material of fixed width (a word or a piece of one); `content` indexes the
    /// caller's material.
    Box { width: Pt, content: usize },
    /// Space that may stretch and shrink (pt).
    Glue { width: Pt, stretch: Pt, shrink: Pt, content: usize },
    /// A possible break with a cost; `width` is added at a break here (a hyphen), and
    /// `flagged` marks hyphen breaks. A cost of −[`INFINITE_PENALTY`] forces a break.
    Penalty { width: Pt, cost: f64, flagged: bool, content: usize },
}

/// A chosen break: the line ends before `index` (at a glue or penalty) and the line's
/// glue is set with `ratio`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Break {
    /// Index of the item broken at (for the paragraph's end: `items.len()`).
    pub index: usize,
    /// Adjustment ratio r: glue width + r × stretch (r ≥ 0) or + r × shrink (r < 0).
    /// 0 for a ragged line and for the last line when it is shorter than the measure.
    pub ratio: f64,
}

/// Natural width, stretch and shrink of `items[from..to]`, without leading
/// discardables.
fn sum_items(items: &[Item], from: usize, to: usize) -> (Pt, Pt, Pt) {
    let (mut w, mut st, mut sh) = (0.0, 0.0, 0.0);
    for it in &items[from..to] {
        match *it {
            Item::Box { width, .. } => w += width,
            Item::Glue { width, stretch, shrink, .. } => {
                w += width;
                st += stretch;
                sh += shrink;
            }
            Item::Penalty { .. } => {}
        }
    }
    (w, st, sh)
}

/// The first item of a line that starts after a break at `index`: glue and
/// penalties are discarded up to the next box.
pub fn line_start(items: &[Item], index: usize) -> usize {
    let mut i = index;
    while i < items.len() && !matches!(items[i], Item::Box { .. }) {
        i += 1;
    }
    i
}

fn is_legal(items: &[Item], i: usize) -> bool {
    match items[i] {
        Item::Penalty { cost, .. } => cost < INFINITE_PENALTY,
        Item::Glue { .. } => i > 0 && matches!(items[i - 1], Item::Box { .. }),
        Item::Box { .. } => false,
    }
}

/// Adjustment ratio of a line of natural width `w` with `stretch` and `shrink` set to
/// `measure` (Knuth & Plass, eq. 2): positive stretches, negative shrinks.
pub fn adjustment_ratio(w: Pt, stretch: Pt, shrink: Pt, measure: Pt) -> f64 {
    if w < measure {
        if stretch > 0.0 { (measure - w) / stretch } else { 0.0 }
    } else if w > measure {
        if shrink > 0.0 { (measure - w) / shrink } else { f64::NEG_INFINITY }
    } else {
        0.0
    }
}

/// Breaks `items` into lines of width `measure` pt, first fit.
///
/// Every line is at most `measure` wide once its glue is shrunk, unless a single box
/// is wider than the measure (the caller splits such boxes beforehand, so that does
/// not happen for text). The last line is set at its natural width (ratio ≤ 0 only
/// when it must shrink to fit).
pub fn first_fit(items: &[Item], measure: Pt) -> Vec<Break> {
    let mut breaks = Vec::new();
    let mut start = line_start(items, 0);
    while start < items.len() {
        let mut last_legal: Option<usize> = None;
        let mut chosen: Option<usize> = None;
        let mut i = start;
        while i < items.len() {
            if is_legal(items, i) && i > start {
                if let Item::Penalty { cost, .. } = items[i]
                    && cost <= -INFINITE_PENALTY {
                        chosen = Some(i);
                        break;
                    }
                // Would a line ending here fit?
                let (w, _, sh) = sum_items(items, start, i);
                let extra = if let Item::Penalty { width, .. } = items[i] { width } else { 0.0 };
                if w + extra - sh <= measure + 1e-9 {
                    last_legal = Some(i);
                } else {
                    chosen = Some(last_legal.unwrap_or(i));
                    break;
                }
            }
            i += 1;
        }
        let end = match chosen {
            Some(e) => e,
            None => {
                // The rest fits (or is one unbreakable piece): the last line.
                let (w, st, sh) = sum_items(items, start, items.len());
                if w - sh > measure + 1e-9
                    && let Some(l) = last_legal {
                        push_break(&mut breaks, items, start, l, measure, false);
                        start = line_start(items, l + 1);
                        continue;
                    }
                let r = adjustment_ratio(w, st, sh, measure).clamp(-1.0, 0.0);
                breaks.push(Break { index: items.len(), ratio: if r.is_finite() { r } else { 0.0 } });
                break;
            }
        };
        let forced = matches!(items[end], Item::Penalty { cost, .. } if cost <= -INFINITE_PENALTY);
        push_break(&mut breaks, items, start, end, measure, forced);
        start = line_start(items, end + 1);
    }
    breaks
}

fn push_break(breaks: &mut Vec<Break>, items: &[Item], start: usize, end: usize, measure: Pt, last: bool) {
    let (w, st, sh) = sum_items(items, start, end);
    let extra = if let Item::Penalty { width, .. } = items[end] { width } else { 0.0 };
    let mut r = adjustment_ratio(w + extra, st, sh, measure).max(-1.0);
    if last || !r.is_finite() {
        r = r.clamp(-1.0, 0.0);
        if !r.is_finite() {
            r = 0.0;
        }
    }
    breaks.push(Break { index: end, ratio: r });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(ws: &[f64]) -> Vec<Item> {
        let mut items = Vec::new();
        for (k, &w) in ws.iter().enumerate() {
            if k > 0 {
                items.push(Item::Glue { width: 3.0, stretch: 1.5, shrink: 1.0, content: 0 });
            }
            items.push(Item::Box { width: w, content: k });
        }
        items
    }

    #[test]
    fn greedy_breaks_at_the_last_glue_that_fits() {
        // 10 + 3 + 10 + 3 + 10 = 36 > 30, shrunk 34 > 30: break after the second word.
        let items = words(&[10.0, 10.0, 10.0, 10.0]);
        let b = first_fit(&items, 30.0);
        assert_eq!(b.iter().map(|b| b.index).collect::<Vec<_>>(), vec![3, 7]);
        // line 1: 23 natural, 7 pt to fill with 1.5 pt stretch: r = 4.6667
        assert!((b[0].ratio - 7.0 / 1.5).abs() < 1e-9);
        // the last line: 23 pt, ragged, r = 0
        assert_eq!(b[1].ratio, 0.0);
    }

    #[test]
    fn shrinks_to_fit_when_it_can() {
        // 10+3+10+3+10 = 36, shrink 2: 34 fits in 34.
        let items = words(&[10.0, 10.0, 10.0]);
        let b = first_fit(&items, 34.0);
        assert_eq!(b, vec![Break { index: 5, ratio: -1.0 }]);
    }

    #[test]
    fn forced_breaks_and_hyphen_widths() {
        let items = vec![
            Item::Box { width: 10.0, content: 0 },
            Item::Penalty { width: 0.0, cost: -INFINITE_PENALTY, flagged: false, content: 0 },
            Item::Box { width: 10.0, content: 1 },
            Item::Penalty { width: 4.0, cost: 50.0, flagged: true, content: 0 },
            Item::Box { width: 10.0, content: 2 },
        ];
        let b = first_fit(&items, 15.0);
        assert_eq!(b.iter().map(|b| b.index).collect::<Vec<_>>(), vec![1, 3, 5]);
    }
}
