//! The total-fit algorithm of Knuth & Plass ("Breaking Paragraphs into Lines",
//! Software—Practice and Experience 11, 1981, §§ "The algorithm", pp. 1140–1150),
//! in the paper's terms.
//!
//! Every legal breakpoint b is tried against every *active node* a (a feasible break
//! found earlier): the line from a to b gets an adjustment ratio r; if r < −1 the line
//! can never fit again and a is deactivated; if −1 ≤ r ≤ the threshold ρ, the line is
//! feasible and its *demerits* are
//!
//! ```text
//! (line_penalty + badness)² ± penalty²   (+ flagged demerits when a and b are both
//!                                           flagged, + fitness demerits when the
//!                                           lines' fitness classes are not adjacent)
//! ```
//!
//! with badness = 100 |r|³ (capped at 10000, TeX's `inf_bad`). For each of the four
//! fitness classes the best candidate becomes a new active node, remembering the
//! node it came from (the passive list is the arena of all nodes ever made). Active
//! nodes are kept in order of line number, and when line lengths differ by line,
//! candidates of different line numbers are kept apart (the paper's "line number
//! classes"). At the paragraph's end the active node with the fewest total demerits
//! gives the breaks, read back through the `previous` links.

use super::{Break, INFINITE_PENALTY, Item, Params, PenaltyKind, expanded_ratio, line_start};
use crate::geom::Pt;

/// Running totals of width, stretch and shrink (pt) from the paragraph's start.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct Sums {
    width: Pt,
    stretch: Pt,
    shrink: Pt,
    /// Letter-spacing capacity of the boxes ([`super::Micro::expand`]).
    expand: Pt,
}

/// A feasible breakpoint: an active node while it can still start a line, a passive
/// one afterwards.
#[derive(Clone, Copy, Debug)]
struct Node {
    /// Index of the item broken at (0 for the paragraph's start).
    position: usize,
    /// Number of the line that ends here (0 for the start).
    line: usize,
    /// Fitness class of that line: 0 tight (r < −0.5), 1 decent, 2 loose (r > 0.5),
    /// 3 very loose (r > 1).
    fitness: usize,
    /// Totals after the break, discardable items skipped.
    sums: Sums,
    /// Total demerits of the best way to reach this break.
    demerits: f64,
    /// Adjustment ratio of the line ending here.
    ratio: f64,
    /// Its tracking ratio ([`expanded_ratio`]).
    tracking: f64,
    /// How far the line starting after this break hangs into the left margin, pt.
    left: Pt,
    /// The break before it on the best path.
    previous: Option<usize>,
    /// Next active node (the active list is linked through the arena).
    next: Option<usize>,
    /// Whether the break is at a flagged penalty (a hyphen).
    flagged: bool,
}

/// Fitness class of a line with adjustment ratio `r` (the paper's four classes).
pub fn fitness_class(r: f64) -> usize {
    if r < -0.5 {
        0
    } else if r <= 0.5 {
        1
    } else if r <= 1.0 {
        2
    } else {
        3
    }
}

/// Badness of a line with adjustment ratio `r`: 100 |r|³, capped at 10000 (TeX's
/// `inf_bad`; Knuth & Plass eq. 4 without the cap).
pub fn badness(r: f64) -> f64 {
    (100.0 * r.abs().powi(3)).min(10000.0)
}

/// The demerits of one line (Knuth & Plass, eq. 5–7): `cost` is the penalty broken
/// at, `flagged_pair` whether both ends are flagged, `fitness_jump` whether the
/// fitness classes of this line and the one before differ by more than one.
pub fn line_demerits(r: f64, cost: f64, flagged_pair: bool, fitness_jump: bool, p: &Params) -> f64 {
    let mut d = (p.line_penalty + badness(r)).powi(2);
    if cost >= 0.0 {
        d += cost * cost;
    } else if cost > -INFINITE_PENALTY {
        d -= cost * cost;
    }
    if flagged_pair {
        d += p.double_hyphen_demerits;
    }
    if fitness_jump {
        d += p.adj_demerits;
    }
    d
}

/// Breaks `items` into lines, best fit over the whole paragraph.
///
/// `lengths[k]` is the measure of line k+1 in pt (the last value holds for every
/// later line). Only penalties of a kind at most `max_kind` are breakpoints; lines
/// must have −1 ≤ r ≤ `threshold`. The paragraph must end with a forced break
/// (a penalty of −[`INFINITE_PENALTY`]).
///
/// Returns `None` when no sequence of feasible lines exists.
pub fn total_fit(
    items: &[Item],
    lengths: &[Pt],
    threshold: f64,
    max_kind: PenaltyKind,
    p: &Params,
) -> Option<Vec<Break>> {
    let length_of = |line: usize| lengths[line.min(lengths.len()) - 1];
    // Lines beyond `easy_line` all have the same length: nodes past it need not be
    // told apart by line number.
    let easy_line = lengths.len();
    let mut nodes = vec![Node {
        position: 0,
        line: 0,
        fitness: 1,
        sums: Sums::default(),
        demerits: 0.0,
        ratio: 0.0,
        tracking: 0.0,
        left: p.micro.left_of(line_start(items, 0)),
        previous: None,
        next: None,
        flagged: false,
    }];
    let mut head: Option<usize> = Some(0);
    let mut sums = Sums::default();
    for (b, item) in items.iter().enumerate() {
        let legal = match *item {
            Item::Box { .. } => false,
            Item::Glue { .. } => b > 0 && matches!(items[b - 1], Item::Box { .. }),
            Item::Penalty { cost, kind, .. } => cost < INFINITE_PENALTY && kind <= max_kind,
        };
        if legal {
            let (cost, width, flagged) = match *item {
                Item::Penalty {
                    cost, width, flagged, ..
                } => (cost, width, flagged),
                _ => (0.0, Pt::ZERO, false),
            };
            let forced = cost <= -INFINITE_PENALTY;
            let right = p.micro.right_of(items, b);
            // Walk the active list, one line-number class at a time.
            let mut current = head;
            let mut prev: Option<usize> = None;
            while current.is_some() {
                let mut best: [Option<(f64, usize, f64, f64)>; 4] = [None; 4]; // demerits, node, ratio, tracking
                while let Some(a) = current {
                    let na = nodes[a];
                    let line = na.line + 1;
                    let w = sums.width - na.sums.width + width;
                    let (r, t) = expanded_ratio(
                        w,
                        sums.stretch - na.sums.stretch + p.right_stretch,
                        sums.shrink - na.sums.shrink,
                        sums.expand - na.sums.expand,
                        length_of(line) + na.left + right,
                    );
                    if r < -1.0 || forced {
                        // Deactivate a: no later line from it can fit.
                        match prev {
                            Some(q) => nodes[q].next = na.next,
                            None => head = na.next,
                        }
                    } else {
                        prev = Some(a);
                    }
                    if (-1.0..=threshold).contains(&r) {
                        let fitness = fitness_class(r);
                        let jump = fitness.abs_diff(na.fitness) > 1;
                        let mut d = na.demerits + line_demerits(r, cost, flagged && na.flagged, jump, p);
                        if forced && na.flagged {
                            d += p.final_hyphen_demerits;
                        }
                        if best[fitness].is_none_or(|(bd, ..)| d < bd) {
                            best[fitness] = Some((d, a, r, t));
                        }
                    }
                    current = na.next;
                    // The next node starts another line-number class.
                    if current.is_some_and(|c| nodes[c].line >= line && line < easy_line) {
                        break;
                    }
                }
                // Activate the best candidates of this class, before `current`.
                let min = best.iter().flatten().map(|c| c.0).fold(f64::INFINITY, f64::min);
                if min.is_finite() {
                    let after = sums_after(sums, items, b);
                    let left = p.micro.left_of(line_start(items, b + 1));
                    for (fitness, cand) in best.iter().enumerate() {
                        let Some((d, from, r, t)) = *cand else { continue };
                        if d > min + p.adj_demerits {
                            continue;
                        }
                        let id = nodes.len();
                        nodes.push(Node {
                            position: b,
                            line: nodes[from].line + 1,
                            fitness,
                            sums: after,
                            demerits: d,
                            ratio: r,
                            tracking: t,
                            left,
                            previous: Some(from),
                            next: current,
                            flagged,
                        });
                        match prev {
                            Some(q) => nodes[q].next = Some(id),
                            None => head = Some(id),
                        }
                        prev = Some(id);
                    }
                }
            }
            head?;
        }
        match *item {
            Item::Box { width, .. } => {
                sums.width += width;
                sums.expand += p.micro.expand_of(b);
            }
            Item::Glue {
                width, stretch, shrink, ..
            } => {
                sums.width += width;
                sums.stretch += stretch;
                sums.shrink += shrink;
            }
            Item::Penalty { .. } => {}
        }
    }
    // The best of the nodes at the paragraph's end.
    let mut best: Option<usize> = None;
    let mut current = head;
    while let Some(a) = current {
        if best.is_none_or(|b| nodes[a].demerits < nodes[b].demerits) {
            best = Some(a);
        }
        current = nodes[a].next;
    }
    let mut breaks = Vec::new();
    let mut at = best;
    while let Some(a) = at {
        if nodes[a].previous.is_some() {
            breaks.push(Break {
                index: nodes[a].position,
                ratio: nodes[a].ratio,
                tracking: nodes[a].tracking,
            });
        }
        at = nodes[a].previous;
    }
    breaks.reverse();
    Some(breaks)
}

/// The totals after a break at `b`: glue and penalties following it are discarded
/// up to the next box (or forced break).
fn sums_after(mut sums: Sums, items: &[Item], b: usize) -> Sums {
    for (i, item) in items.iter().enumerate().skip(b) {
        match *item {
            Item::Box { .. } => break,
            Item::Glue {
                width, stretch, shrink, ..
            } => {
                sums.width += width;
                sums.stretch += stretch;
                sums.shrink += shrink;
            }
            Item::Penalty { cost, .. } if cost <= -INFINITE_PENALTY && i > b => break,
            Item::Penalty { .. } => {}
        }
    }
    sums
}
