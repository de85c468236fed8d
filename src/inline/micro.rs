//! Micro-typography of a paragraph (Hàn Thế Thành, *Micro-typographic extensions to
//! the TeX typesetting system*, PhD thesis, Masaryk University, 2000): margin
//! kerning (character protrusion) and expansion, as the breaker sees them
//! ([`crate::linebreak::Micro`]) and as the lines are set.
//!
//! - **Protrusion**: a punctuation mark or hyphen ending a line hangs into the right
//!   margin, an opening parenthesis or quote starting one into the left margin, by a
//!   fraction of its advance: [`PROTRUSION`], the punctuation of microtype's
//!   `default` protrusion set (R Schlicht, microtype v3.2d, 2026/03/01,
//!   `microtype.cfg`: `\SetProtrusion[name=default]`, values in thousandths of the
//!   character's width). Letters are not protruded (the set's 50/1000 for A, T, V…
//!   is too little to see at résumé sizes).
//! - **Expansion** as letter-spacing: each gap between two clusters of a word may
//!   widen or narrow by up to [`TRACKING_EM`] of the size; the breaker shares a
//!   line's shortfall between letter-spacing and spaces ([`crate::linebreak::expanded_ratio`]).
//!   The glyphs keep their shapes (no horizontal scaling): the PDF writes the extra
//!   advance as `TJ` positions, which every text extractor reads as inside a word.

use super::collect::Collected;
use crate::geom::Pt;
use crate::linebreak::{Item, Micro};
use crate::text::Shaped;

/// The tracking limit: letter-spacing of at most ±0.02 em between clusters (the
/// issue's bound; pdfTeX's default expansion limit is 20/1000 of the glyph width,
/// `\pdffontexpand … 20 20 …`).
pub const TRACKING_EM: f64 = 0.02;

/// Protrusion of characters, as fractions of their advance: (character, left,
/// right). From microtype's `default` protrusion set (microtype.cfg, v3.2d): `.`
/// {,700}, `,` {,500}, `:` {,500}, `;` {,300}, `!` {,100}, `?` {,100}, `(` {100,},
/// `)` {,200}, `-` {500,500}, `\textendash` {200,200}, `\textemdash` {150,150},
/// `\textquoteleft` / `\textquoteright` {300,400}, `\textquotedblleft` /
/// `\textquotedblright` {300,300}; the Unicode hyphens U+2010 and U+2011 as `-`.
/// Only the sides the issue asks for are used: closing marks at a line's end,
/// opening ones at its start.
pub const PROTRUSION: &[(char, f64, f64)] = &[
    ('.', 0.0, 0.7),
    (',', 0.0, 0.5),
    (':', 0.0, 0.5),
    (';', 0.0, 0.3),
    ('!', 0.0, 0.1),
    ('?', 0.0, 0.1),
    ('(', 0.1, 0.0),
    (')', 0.0, 0.2),
    ('-', 0.0, 0.5),
    ('\u{2010}', 0.0, 0.5),
    ('\u{2011}', 0.0, 0.5),
    ('\u{2013}', 0.0, 0.2),
    ('\u{2014}', 0.0, 0.15),
    ('\u{2018}', 0.3, 0.0),
    ('\u{2019}', 0.0, 0.4),
    ('\u{201C}', 0.3, 0.0),
    ('\u{201D}', 0.0, 0.3),
];

/// The left and right protrusion fractions of `c` (0 for characters not in
/// [`PROTRUSION`]).
pub fn protrusion_of(c: char) -> (f64, f64) {
    PROTRUSION
        .iter()
        .find(|(k, ..)| *k == c)
        .map_or((0.0, 0.0), |&(_, l, r)| (l, r))
}

/// How far the first glyph of `runs` hangs into the left margin, pt: its advance
/// times its character's fraction, when the glyph stands for exactly that one
/// character and the face has it (glyph 0 is `.notdef`).
fn left_hang(runs: &[Shaped]) -> Pt {
    let Some(g) = runs.iter().find_map(|r| r.glyphs.first()) else {
        return Pt::ZERO;
    };
    one_char(g).map_or(Pt::ZERO, |c| g.advance * protrusion_of(c).0)
}

/// How far the last glyph of `runs` hangs into the right margin, pt.
fn right_hang(runs: &[Shaped]) -> Pt {
    let Some(g) = runs.iter().rev().find_map(|r| r.glyphs.last()) else {
        return Pt::ZERO;
    };
    one_char(g).map_or(Pt::ZERO, |c| g.advance * protrusion_of(c).1)
}

/// The single character a glyph stands for, if it is one and the face has it.
fn one_char(g: &crate::text::Glyph) -> Option<char> {
    if g.gid == 0 || g.advance <= Pt::ZERO {
        return None;
    }
    let t = g.text.as_deref()?;
    let mut cs = t.chars();
    let c = cs.next()?;
    cs.next().is_none().then_some(c)
}

/// The gaps between clusters in `runs` that letter-spacing widens: one after every
/// glyph followed (in the same box) by a glyph that starts a cluster, each at its
/// run's size. Calls `f(run, glyph)` for each.
fn gaps(runs: &[Shaped], mut f: impl FnMut(usize, usize)) {
    let all: Vec<(usize, usize)> = runs
        .iter()
        .enumerate()
        .flat_map(|(k, r)| (0..r.glyphs.len()).map(move |g| (k, g)))
        .collect();
    for w in all.windows(2) {
        let (k2, g2) = w[1];
        if runs[k2].glyphs[g2].text.is_some() {
            f(w[0].0, w[0].1);
        }
    }
}

/// The paragraph's [`Micro`]: protrusion of every box's first and last glyph and of
/// every hyphen a penalty adds, and (`expand`) each box's letter-spacing capacity.
pub(super) fn micro(c: &Collected, expand: bool) -> Micro {
    let n = c.items.len();
    let mut m = Micro {
        left: vec![Pt::ZERO; n],
        right: vec![Pt::ZERO; n],
        expand: if expand { vec![Pt::ZERO; n] } else { Vec::new() },
    };
    for (i, it) in c.items.iter().enumerate() {
        match *it {
            Item::Box { content, .. } => {
                let runs = &c.material[content].runs;
                m.left[i] = left_hang(runs);
                m.right[i] = right_hang(runs);
                if expand {
                    let mut cap = Pt::ZERO;
                    gaps(runs, |k, _| cap += TRACKING_EM * runs[k].size);
                    m.expand[i] = cap;
                }
            }
            Item::Penalty { width, content, .. } if width > Pt::ZERO => {
                m.right[i] = right_hang(&c.material[content].runs);
            }
            _ => {}
        }
    }
    m
}

/// Letter-spaces a box's runs by `tracking` (a ratio in [−1, 1] of [`TRACKING_EM`]):
/// the advance of every glyph before a gap ([`gaps`]) grows by it.
pub(super) fn track(runs: &mut [Shaped], tracking: f64) {
    if tracking == 0.0 {
        return;
    }
    let mut at = Vec::new();
    gaps(runs, |k, g| at.push((k, g)));
    for (k, g) in at {
        let d = tracking * TRACKING_EM * runs[k].size;
        runs[k].glyphs[g].advance += d;
    }
}
