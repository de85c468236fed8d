//! `fit_pages`: the largest scale of the style at which the resume takes at most the
//! pages asked for.
//!
//! The body size and with it every size and vertical space are multiplied by a scale
//! s in [85 %, 100 %] (never a body below 8 pt), the line spacing by s too (never
//! below 1.15), by [`Style::scaled`]; s is found by bisection to 0.5 %, laying the
//! resume out again at each step (shaping is cached in font units, so only
//! measurement scales). A resume that already fits is left at 100 %. Neither the
//! resume nor the given style is changed: each trial is a new style.

use crate::diag::{Diagnostic, Pos};
use crate::geom::Pt;
use crate::layout::{self, Document};
use crate::model::Resume;
use crate::style::Style;

/// The smallest scale `fit_pages` may apply to the type and its spacing: 85 %.
pub const MIN_SCALE: f64 = 0.85;
/// The smallest body size `fit_pages` may reach, pt.
pub const MIN_SIZE: f64 = 8.0;
/// The tightest line spacing `fit_pages` may reach (a multiple of the size).
pub use crate::style::FIT_MIN_LINE_SPACING as MIN_LINE_SPACING;
/// The precision of the fitted scale: bisection stops when the bounds are this close.
pub const STEP: f64 = 0.005;

/// A resume laid out at the scale chosen.
#[derive(Clone, Debug)]
pub struct Fitted {
    /// The style it was set in (the given one when no fit was asked or needed).
    pub style: Style,
    /// The display list.
    pub doc: Document,
    /// The layout's warnings.
    pub warnings: Vec<Diagnostic>,
    /// What fitting decided, e.g. `fitted to 1 page at 9.4 pt (94 %)`.
    pub notes: Vec<String>,
}

/// Lays `resume` out in `style`, fitting it to `style.fit_pages` pages when asked.
///
/// # Errors
/// With `fit_pages`, a resume that needs more pages even at the smallest scale (the
/// error names how many, at the `fit_pages` key).
pub fn fit(resume: &Resume, style: &Style) -> Result<Fitted, Vec<Diagnostic>> {
    let Some((n, pos)) = style.fit_pages else {
        let (doc, warnings) = layout::layout(resume, style);
        return Ok(Fitted {
            style: style.clone(),
            doc,
            warnings,
            notes: Vec::new(),
        });
    };
    let pages = |d: &Document| d.pages.len() as u32;
    let at = |scale: f64| {
        let s = style.scaled(scale);
        let (doc, warnings) = layout::layout(resume, &s);
        (s, doc, warnings)
    };
    let full = at(1.0);
    let base = style.font_size;
    let (chosen, (s, doc, warnings)) = if pages(&full.1) <= n {
        (1.0, full)
    } else {
        let min = MIN_SCALE.max(MIN_SIZE / base.0).min(1.0);
        let smallest = at(min);
        if pages(&smallest.1) > n {
            return Err(vec![too_long(n, pages(&smallest.1), min, base, pos)]);
        }
        let (mut lo, mut hi, mut best) = (min, 1.0, smallest);
        while hi - lo > STEP {
            let mid = (lo + hi) / 2.0;
            let trial = at(mid);
            if pages(&trial.1) <= n {
                lo = mid;
                best = trial;
            } else {
                hi = mid;
            }
        }
        (lo, best)
    };
    let got = pages(&doc);
    let note = format!(
        "fitted to {got} page{} at {:.1} pt ({:.0} %)",
        if got == 1 { "" } else { "s" },
        base * chosen,
        chosen * 100.0
    );
    Ok(Fitted {
        style: s,
        doc,
        warnings,
        notes: vec![note],
    })
}

/// The error for a resume that cannot fit in `n` pages: it needs `need` at the
/// smallest scale `min` of the body size `base`.
fn too_long(n: u32, need: u32, min: f64, base: Pt, pos: Pos) -> Diagnostic {
    Diagnostic::error(
        pos,
        format!(
            "fit_pages: the resume cannot fit in {n} page{}: it needs {need} pages even at the smallest size ({:.0} %, {:.1} pt)",
            if n == 1 { "" } else { "s" },
            min * 100.0,
            base * min
        ),
    )
    .with_hint("shorten it, or ask for more pages")
}
