//! Line breaking over boxes, glue and penalties (Knuth & Plass, "Breaking Paragraphs
//! into Lines", Software—Practice and Experience 11, 1981).
//!
//! A paragraph is a list of [`Item`]s. A legal breakpoint is a penalty whose cost is
//! below [`INFINITE_PENALTY`], or a glue immediately preceded by a box. A break at a
//! penalty adds the penalty's width to the line (a hyphen); glue and penalties at the
//! start of a line are discarded. [`first_fit`] chooses breaks greedily: each line
//! takes as much as fits (shrinking the glue down to its shrink limit, adjustment
//! ratio ≥ −1) and breaks at the last legal breakpoint: the paper's baseline.
//! [`break_paragraph`] is what vitae uses: the total-fit algorithm
//! ([`total_fit::total_fit`]) in TeX's three passes.

pub mod total_fit;

use crate::geom::Pt;

/// A penalty of this cost or more forbids a break (TeX's 10000).
pub const INFINITE_PENALTY: f64 = 10000.0;

/// One item of the paragraph model.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Item {
    /// Material of fixed width (a word or a piece of one).
    Box {
        /// Width, pt.
        width: Pt,
        /// Index of the caller's material (what to draw).
        content: usize,
    },
    /// Space that may stretch and shrink.
    Glue {
        /// Natural width, pt.
        width: Pt,
        /// How much it may grow at r = 1, pt.
        stretch: Pt,
        /// How much it may shrink at r = −1 (never more), pt.
        shrink: Pt,
        /// Index of the caller's material (a space glyph for the text layer).
        content: usize,
    },
    /// A possible break with a cost (the paper's penalty value p); `width` is added
    /// at a break here (a hyphen), and `flagged` marks hyphen breaks. A cost of
    /// −[`INFINITE_PENALTY`] forces a break, +[`INFINITE_PENALTY`] forbids one.
    /// `kind` says in which pass the break may be used.
    Penalty {
        /// Width added to the line when it breaks here (a hyphen), pt.
        width: Pt,
        /// The penalty value p.
        cost: f64,
        /// A hyphen break (for the flagged demerits of consecutive hyphens).
        flagged: bool,
        /// Which pass may break here.
        kind: PenaltyKind,
        /// Index of the caller's material drawn at a break here (the hyphen).
        content: usize,
    },
}

/// What a penalty breaks, which decides the pass that may use it (TeX's first pass
/// does not hyphenate; only the emergency pass splits a word at any grapheme).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum PenaltyKind {
    /// A break the text offers: after a hyphen or dash, inside a URL, a forced break.
    Normal,
    /// A hyphenation point found by the patterns.
    Hyphenation,
    /// A break between two graphemes of a word wider than the measure.
    Emergency,
}

/// The parameters of line breaking, with TeX's defaults (plain.tex, *The TeXbook*
/// ch. 14 and appendix B) where TeX has one.
#[derive(Clone, Debug, PartialEq)]
pub struct Params {
    /// Threshold ρ of the first pass, without hyphenation: TeX's \pretolerance=100
    /// as badness, r ≤ 1.
    pub pretolerance: f64,
    /// Threshold ρ of the second pass, with hyphenation: \tolerance=200, r ≤ 1.26.
    pub tolerance: f64,
    /// Added to every line's badness before squaring: \linepenalty=10.
    pub line_penalty: f64,
    /// Demerits for two hyphenated lines in a row: \doublehyphendemerits=10000.
    pub double_hyphen_demerits: f64,
    /// Demerits for a hyphen ending the next-to-last line: \finalhyphendemerits=5000.
    pub final_hyphen_demerits: f64,
    /// Demerits for adjacent lines of non-adjacent fitness classes (a tight line
    /// after a loose one): \adjdemerits=10000.
    pub adj_demerits: f64,
    /// Stretch of a glue at the right end of every line, pt: 0 for justified text;
    /// for ragged-right text the breaker sees every line as ending in this much
    /// stretch, as TeX's \raggedright sets \rightskip=0pt plus 2em (we use 3 em, see
    /// [`RAGGED_STRETCH_EM`]), so that lines are balanced without stretching spaces.
    pub right_stretch: Pt,
    /// Margin kerning and expansion, per item ([`Micro`]); empty: neither.
    pub micro: Micro,
    /// `hyphenate: auto`: the largest inter-word space, pt, that a line of the first
    /// pass (without hyphenation, within the *tolerance*) may have for that pass to
    /// win; `None`: TeX's rule (the first pass within the pretolerance).
    pub loose_space: Option<Pt>,
}

/// Micro-typography the breaker sees (Hàn Thế Thành, *Micro-typographic extensions
/// to the TeX typesetting system*, 2000, ch. 2–3; pdfTeX's `\pdfprotrudechars=2`
/// and `\pdfadjustspacing=2`): how far each item may hang into a margin, and how
/// much each box may widen or narrow by letter-spacing. Indexed like the items;
/// missing entries are 0.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Micro {
    /// For a box: how far it hangs into the left margin when it starts a line, pt.
    pub left: Vec<Pt>,
    /// For a box: how far its last glyph hangs into the right margin when it ends a
    /// line; for a penalty: how far the hyphen added at a break there hangs, pt.
    pub right: Vec<Pt>,
    /// For a box: how much letter-spacing may widen it (and narrow it), pt: the
    /// tracking limit times the number of gaps between its clusters.
    pub expand: Vec<Pt>,
}

impl Micro {
    fn at(v: &[Pt], i: usize) -> Pt {
        v.get(i).copied().unwrap_or(Pt::ZERO)
    }

    /// Whether there is no protrusion and no expansion at all.
    pub fn is_empty(&self) -> bool {
        self.left.is_empty() && self.right.is_empty() && self.expand.is_empty()
    }

    /// Expansion capacity of item `i`, pt.
    pub fn expand_of(&self, i: usize) -> Pt {
        Micro::at(&self.expand, i)
    }

    /// How far a line starting at item `start` (a box, see [`line_start`]) hangs
    /// into the left margin, pt.
    pub fn left_of(&self, start: usize) -> Pt {
        Micro::at(&self.left, start)
    }

    /// How far a line ending with a break at item `b` hangs into the right margin,
    /// pt: the hyphen's protrusion at a hyphen break, else that of the box before
    /// the break.
    pub fn right_of(&self, items: &[Item], b: usize) -> Pt {
        match items.get(b) {
            Some(Item::Penalty { width, .. }) if *width > Pt::ZERO => Micro::at(&self.right, b),
            _ if b > 0 && matches!(items.get(b - 1), Some(Item::Box { .. })) => Micro::at(&self.right, b - 1),
            _ => Pt::ZERO,
        }
    }
}

/// The ratios of a line with expansion (pdfTeX's `\pdfadjustspacing=2`, Hàn Thế
/// Thành 2000 §3.3): natural width `w`, glue `stretch` and `shrink`, letter-spacing
/// capacity `expand`, set to `measure` (pt). Letter-spacing and glue share the
/// difference in proportion to their capacities until letter-spacing reaches its
/// limit; past it (a line looser than r = 1) the glue alone takes the rest.
/// Returns (glue ratio, tracking ratio in [−1, 1]); with `expand` = 0 the glue
/// ratio is [`adjustment_ratio`].
pub fn expanded_ratio(w: Pt, stretch: Pt, shrink: Pt, expand: Pt, measure: Pt) -> (f64, f64) {
    if expand <= Pt::ZERO {
        return (adjustment_ratio(w, stretch, shrink, measure), 0.0);
    }
    let r = adjustment_ratio(w, stretch + expand, shrink + expand, measure);
    if r > 1.0 {
        (adjustment_ratio(w + expand, stretch, shrink, measure), 1.0)
    } else if r < -1.0 {
        (adjustment_ratio(w - expand, stretch, shrink, measure), -1.0)
    } else {
        (r, r)
    }
}

/// Ragged-right stretch in em: TeX's plain \raggedright uses 2 em; at resume
/// measures (60–90 characters) 3 em lets the balancing pass accept the line lengths a
/// reader expects without falling back to the emergency pass.
pub const RAGGED_STRETCH_EM: f64 = 3.0;

impl Default for Params {
    fn default() -> Params {
        Params {
            pretolerance: 100.0,
            tolerance: 200.0,
            line_penalty: 10.0,
            double_hyphen_demerits: 10000.0,
            final_hyphen_demerits: 5000.0,
            adj_demerits: 10000.0,
            right_stretch: Pt(0.0),
            micro: Micro::default(),
            loose_space: None,
        }
    }
}

/// The adjustment ratio a threshold in badness allows: badness = 100 r³.
pub fn ratio_for_badness(b: f64) -> f64 {
    (b / 100.0).cbrt()
}

/// Which pass found the breaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pass {
    /// Without hyphenation, within the pretolerance.
    First,
    /// With hyphenation, within the tolerance.
    Second,
    /// Any feasible lines (r ≥ −1), emergency breaks inside words allowed.
    Emergency,
}

/// Breaks a paragraph as TeX does: a first pass without hyphenation within the
/// pretolerance; if that fails, a second pass with hyphenation within the tolerance;
/// if that fails too, an emergency pass that accepts any line that fits (however
/// loose) and may split a word too wide for the measure between graphemes.
///
/// `lengths[k]` is the measure of line k+1 (the last value repeats). The items must
/// end with a forced break.
pub fn break_paragraph(items: &[Item], lengths: &[Pt], params: &Params) -> (Vec<Break>, Pass) {
    let p = params;
    // Without hyphenation points the second pass sees the same breaks as the first
    // with a wider tolerance, so its optimum is at least as good: skip the first.
    let hyphenable = items.iter().any(|i| {
        matches!(
            i,
            Item::Penalty {
                kind: PenaltyKind::Hyphenation,
                ..
            }
        )
    });
    // `hyphenate: auto`: the first pass, within the tolerance, wins unless one of
    // its lines has a space wider than `loose_space`.
    if hyphenable
        && let Some(limit) = p.loose_space
        && let Some(b) = total_fit::total_fit(items, lengths, ratio_for_badness(p.tolerance), PenaltyKind::Normal, p)
        && widest_space(items, &b) <= limit + Pt(1e-9)
    {
        return (b, Pass::First);
    }
    if hyphenable
        && p.loose_space.is_none()
        && let Some(b) = total_fit::total_fit(
            items,
            lengths,
            ratio_for_badness(p.pretolerance),
            PenaltyKind::Normal,
            p,
        )
    {
        return (b, Pass::First);
    }
    if let Some(b) = total_fit::total_fit(
        items,
        lengths,
        ratio_for_badness(p.tolerance),
        PenaltyKind::Hyphenation,
        p,
    ) {
        return (b, Pass::Second);
    }
    match total_fit::total_fit(items, lengths, f64::INFINITY, PenaltyKind::Emergency, p) {
        Some(b) => (b, Pass::Emergency),
        // Only when a single box is wider than the measure with no break inside it
        // (the collector splits such words, so not for text): one box per line.
        None => (first_fit(items, lengths[lengths.len() - 1]), Pass::Emergency),
    }
}

/// The widest inter-word space of the lines `breaks` sets, pt: each glue's width
/// plus its stretch (or less its shrink) at its line's ratio, the paragraph's final
/// fill left out, the last line set at natural width when it is short.
pub fn widest_space(items: &[Item], breaks: &[Break]) -> Pt {
    let mut widest = Pt::ZERO;
    let mut start = line_start(items, 0);
    for b in breaks {
        let last = b.index + 1 >= items.len();
        let r = if last && b.ratio > 0.0 { 0.0 } else { b.ratio };
        for it in &items[start.min(b.index)..b.index.min(items.len())] {
            if let Item::Glue {
                width, stretch, shrink, ..
            } = *it
                && stretch < Pt(10_000.0)
            {
                let set = width + if r >= 0.0 { r * stretch } else { r * shrink };
                widest = widest.max(set);
            }
        }
        start = line_start(items, b.index + 1);
    }
    widest
}

/// Total demerits of a sequence of breaks (as [`total_fit::total_fit`] counts them),
/// for comparing breakers. Lines with r < −1 count as infinitely bad.
pub fn total_demerits(items: &[Item], lengths: &[Pt], breaks: &[Break], p: &Params) -> f64 {
    let mut total = 0.0;
    let mut start = line_start(items, 0);
    let mut prev_fitness = 1;
    let mut prev_flagged = false;
    for (k, b) in breaks.iter().enumerate() {
        let (w, st, sh) = sum_items(items, start, b.index);
        let (cost, width, flagged) = match items.get(b.index) {
            Some(Item::Penalty {
                cost, width, flagged, ..
            }) => (*cost, *width, *flagged),
            _ => (0.0, Pt::ZERO, false),
        };
        let measure =
            lengths[(k + 1).min(lengths.len()) - 1] + p.micro.left_of(start) + p.micro.right_of(items, b.index);
        let expand: Pt = (start..b.index.min(items.len())).map(|i| p.micro.expand_of(i)).sum();
        let (r, _) = expanded_ratio(w + width, st + p.right_stretch, sh, expand, measure);
        if r < -1.0 {
            return f64::INFINITY;
        }
        let fitness = total_fit::fitness_class(r);
        total += total_fit::line_demerits(r, cost, flagged && prev_flagged, fitness.abs_diff(prev_fitness) > 1, p);
        if cost <= -INFINITE_PENALTY && prev_flagged {
            total += p.final_hyphen_demerits;
        }
        prev_fitness = fitness;
        prev_flagged = flagged;
        start = line_start(items, b.index + 1);
    }
    total
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
    /// Tracking ratio in [−1, 1]: each gap between clusters is widened by this times
    /// the tracking limit ([`expanded_ratio`]); 0 without expansion.
    pub tracking: f64,
}

/// Natural width, stretch and shrink of `items[from..to]`, without leading
/// discardables.
fn sum_items(items: &[Item], from: usize, to: usize) -> (Pt, Pt, Pt) {
    let (mut w, mut st, mut sh) = (Pt::ZERO, Pt::ZERO, Pt::ZERO);
    for it in &items[from.min(to)..to] {
        match *it {
            Item::Box { width, .. } => w += width,
            Item::Glue {
                width, stretch, shrink, ..
            } => {
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
/// `measure` (Knuth & Plass, eq. 2): positive stretches, negative shrinks; +∞ for a
/// short line that cannot stretch, −∞ for a long one that cannot shrink.
pub fn adjustment_ratio(w: Pt, stretch: Pt, shrink: Pt, measure: Pt) -> f64 {
    if w < measure {
        if stretch > Pt(0.0) {
            (measure - w) / stretch
        } else {
            f64::INFINITY
        }
    } else if w > measure {
        if shrink > Pt(0.0) {
            (measure - w) / shrink
        } else {
            f64::NEG_INFINITY
        }
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
                    && cost <= -INFINITE_PENALTY
                {
                    chosen = Some(i);
                    break;
                }
                // Would a line ending here fit?
                let (w, _, sh) = sum_items(items, start, i);
                let extra = if let Item::Penalty { width, .. } = items[i] {
                    width
                } else {
                    Pt(0.0)
                };
                if w + extra - sh <= measure + Pt(1e-9) {
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
                if w - sh > measure + Pt(1e-9)
                    && let Some(l) = last_legal
                {
                    push_break(&mut breaks, items, start, l, measure, false);
                    start = line_start(items, l + 1);
                    continue;
                }
                let r = adjustment_ratio(w, st, sh, measure).clamp(-1.0, 0.0);
                breaks.push(Break {
                    index: items.len(),
                    ratio: if r.is_finite() { r } else { 0.0 },
                    tracking: 0.0,
                });
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
    let extra = if let Item::Penalty { width, .. } = items[end] {
        width
    } else {
        Pt(0.0)
    };
    let mut r = adjustment_ratio(w + extra, st, sh, measure).max(-1.0);
    if last || !r.is_finite() {
        r = r.clamp(-1.0, 0.0);
        if !r.is_finite() {
            r = 0.0;
        }
    }
    breaks.push(Break {
        index: end,
        ratio: r,
        tracking: 0.0,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(ws: &[f64]) -> Vec<Item> {
        let mut items = Vec::new();
        for (k, &w) in ws.iter().enumerate() {
            if k > 0 {
                items.push(Item::Glue {
                    width: Pt(3.0),
                    stretch: Pt(1.5),
                    shrink: Pt(1.0),
                    content: 0,
                });
            }
            items.push(Item::Box {
                width: Pt(w),
                content: k,
            });
        }
        items
    }

    #[test]
    fn greedy_breaks_at_the_last_glue_that_fits() {
        // 10 + 3 + 10 + 3 + 10 = 36 > 30, shrunk 34 > 30: break after the second word.
        let items = words(&[10.0, 10.0, 10.0, 10.0]);
        let b = first_fit(&items, Pt(30.0));
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
        let b = first_fit(&items, Pt(34.0));
        assert_eq!(
            b,
            vec![Break {
                index: 5,
                ratio: -1.0,
                tracking: 0.0
            }]
        );
    }

    #[test]
    fn forced_breaks_and_hyphen_widths() {
        let items = vec![
            Item::Box {
                width: Pt(10.0),
                content: 0,
            },
            Item::Penalty {
                width: Pt(0.0),
                cost: -INFINITE_PENALTY,
                flagged: false,
                kind: PenaltyKind::Normal,
                content: 0,
            },
            Item::Box {
                width: Pt(10.0),
                content: 1,
            },
            Item::Penalty {
                width: Pt(4.0),
                cost: 50.0,
                flagged: true,
                kind: PenaltyKind::Hyphenation,
                content: 0,
            },
            Item::Box {
                width: Pt(10.0),
                content: 2,
            },
        ];
        let b = first_fit(&items, Pt(15.0));
        assert_eq!(b.iter().map(|b| b.index).collect::<Vec<_>>(), vec![1, 3, 5]);
    }
}
