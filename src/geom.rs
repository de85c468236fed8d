//! Lengths and coordinates.
//!
//! Every length in vitae is in points ([`Pt`], 1/72 in). Layout space has its origin
//! at the top-left corner of the page with y growing **down**; only the PDF stage
//! (`pdf/convert.rs`, `user_space`) flips to PDF user space (origin bottom-left, y up;
//! PDF 32000-1 §8.3.2.3).

/// A length in points (1/72 in).
pub type Pt = f64;

/// A rectangle in layout space: `x`, `y` is the top-left corner (y down), in pt.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    /// Left edge, pt from the page's left.
    pub x: Pt,
    /// Top edge, pt from the page's top (y down).
    pub y: Pt,
    /// Width, pt.
    pub width: Pt,
    /// Height, pt, extending down from `y`.
    pub height: Pt,
}

impl Rect {
    /// Right edge, `x + width`.
    pub fn right(&self) -> Pt {
        self.x + self.width
    }
    /// Bottom edge, `y + height` (y grows down).
    pub fn bottom(&self) -> Pt {
        self.y + self.height
    }
}
