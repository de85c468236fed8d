//! Bands: the horizontal slices the block builder sets and the page builder stacks,
//! and the costs of a page break after each.
//!
//! | penalty after a band | value | where |
//! |---|---|---|
//! | [`FREE`] | 0 | between entries, between bullets, inside a paragraph of four lines or more where two lines stay on each side |
//! | [`KEEP`] | 10000 | inside the header; between an entry's title row, subtitle row and first body line; after the first line (orphan) or before the last line (widow) of a paragraph of four lines or more; inside a paragraph of three lines or fewer (it moves whole); after a line ending in a hyphenated word |
//! | [`FORBIDDEN`] | ∞ | after a section heading, and from it through its first entry's first body line |
//!
//! A page may leave at most [`MAX_GAP`] of its text block empty to keep things
//! together (see `page.rs` for how the page builder uses these).

use super::{BandInfo, Element};
use crate::geom::Pt;

/// A horizontal slice of the page: one line of text (or a heading with its rule).
/// Element coordinates are relative to the band: x from the page's left edge, y from
/// the band's top (y down).
#[derive(Clone, Debug)]
pub(crate) struct Band {
    /// Height in pt (the leading of its line, plus a rule's room).
    pub height: Pt,
    /// Space above the band, pt; dropped at the top of a page.
    pub space_before: Pt,
    /// The cost of a page break after this band: [`FREE`], [`KEEP`] or
    /// [`FORBIDDEN`] (see `page.rs` for the rules).
    pub penalty: f64,
    /// What the band holds, its paragraph (a number shared by its lines) and its
    /// line's place in that paragraph: for tests of the page-breaking rules.
    pub info: BandInfo,
    /// The elements, relative to the band.
    pub elements: Vec<Element>,
}

/// A page may end here at no cost.
pub const FREE: f64 = 0.0;
/// Keep with the next band; broken only when keeping would leave more than
/// [`MAX_GAP`] of the page empty.
pub const KEEP: f64 = 10000.0;
/// Never end a page here.
pub const FORBIDDEN: f64 = f64::INFINITY;
/// The largest part of the text block a page may leave empty to keep things
/// together: a third.
pub const MAX_GAP: f64 = 1.0 / 3.0;

/// Moves an element from band space (y from the band's top) to page space.
pub(crate) fn shift(e: Element, dy: Pt) -> Element {
    match e {
        Element::Text(mut t) => {
            t.baseline += dy;
            Element::Text(t)
        }
        Element::Rule(mut r) => {
            r.y += dy;
            Element::Rule(r)
        }
        Element::Link(mut l) => {
            l.rect.y += dy;
            Element::Link(l)
        }
    }
}
