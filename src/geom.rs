//! Lengths, coordinates and colours.
//!
//! Every length in vitae is in points ([`Pt`], 1/72 in). A length that scales with a
//! font is an [`Em`], turned into points at a size with [`Em::at`]; font units (the
//! integers of a font's tables) become ems with [`Em::from_units`]. Layout space has
//! its origin at the top-left corner of the page with y growing **down**; only the
//! PDF stage (`pdf::convert`) flips to PDF user space (origin bottom-left, y up;
//! PDF 32000-1 §8.3.2.3).

/// A length in points (1/72 in). The arithmetic is `f64`'s, in the same order as
/// written, so that lengths computed through `Pt` are bit for bit those computed on
/// bare numbers.
#[derive(Clone, Copy, Debug, PartialEq, PartialOrd, Default)]
pub struct Pt(pub f64);

impl Pt {
    /// No length.
    pub const ZERO: Pt = Pt(0.0);
    /// A length no line reaches: an unbounded measure.
    pub const INFINITY: Pt = Pt(f64::INFINITY);

    /// The larger of two lengths (as `f64::max`).
    pub fn max(self, other: Pt) -> Pt {
        Pt(self.0.max(other.0))
    }
    /// The smaller of two lengths (as `f64::min`).
    pub fn min(self, other: Pt) -> Pt {
        Pt(self.0.min(other.0))
    }
    /// The length without its sign.
    pub fn abs(self) -> Pt {
        Pt(self.0.abs())
    }
    /// Whether the length is finite.
    pub fn is_finite(self) -> bool {
        self.0.is_finite()
    }
    /// The total order of `f64::total_cmp`.
    pub fn total_cmp(&self, other: &Pt) -> std::cmp::Ordering {
        self.0.total_cmp(&other.0)
    }
}

impl std::ops::Add for Pt {
    type Output = Pt;
    fn add(self, o: Pt) -> Pt {
        Pt(self.0 + o.0)
    }
}
impl std::ops::Sub for Pt {
    type Output = Pt;
    fn sub(self, o: Pt) -> Pt {
        Pt(self.0 - o.0)
    }
}
impl std::ops::Neg for Pt {
    type Output = Pt;
    fn neg(self) -> Pt {
        Pt(-self.0)
    }
}
impl std::ops::AddAssign for Pt {
    fn add_assign(&mut self, o: Pt) {
        self.0 += o.0;
    }
}
impl std::ops::SubAssign for Pt {
    fn sub_assign(&mut self, o: Pt) {
        self.0 -= o.0;
    }
}
/// A length times a number.
impl std::ops::Mul<f64> for Pt {
    type Output = Pt;
    fn mul(self, k: f64) -> Pt {
        Pt(self.0 * k)
    }
}
/// A number times a length.
impl std::ops::Mul<Pt> for f64 {
    type Output = Pt;
    fn mul(self, p: Pt) -> Pt {
        Pt(self * p.0)
    }
}
/// A length divided by a number.
impl std::ops::Div<f64> for Pt {
    type Output = Pt;
    fn div(self, k: f64) -> Pt {
        Pt(self.0 / k)
    }
}
/// The ratio of two lengths, a number.
impl std::ops::Div for Pt {
    type Output = f64;
    fn div(self, o: Pt) -> f64 {
        self.0 / o.0
    }
}
impl std::iter::Sum for Pt {
    fn sum<I: Iterator<Item = Pt>>(it: I) -> Pt {
        Pt(it.map(|p| p.0).sum())
    }
}
impl<'a> std::iter::Sum<&'a Pt> for Pt {
    fn sum<I: Iterator<Item = &'a Pt>>(it: I) -> Pt {
        Pt(it.map(|p| p.0).sum())
    }
}
/// A length against a bare number of points (for tests and thresholds).
impl PartialEq<f64> for Pt {
    fn eq(&self, o: &f64) -> bool {
        self.0 == *o
    }
}
/// A length against a bare number of points.
impl PartialOrd<f64> for Pt {
    fn partial_cmp(&self, o: &f64) -> Option<std::cmp::Ordering> {
        self.0.partial_cmp(o)
    }
}
/// Written as its number of points (`{:.1}` gives `511.2`).
impl std::fmt::Display for Pt {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        std::fmt::Display::fmt(&self.0, f)
    }
}

/// A length relative to a font size: 1 em is the size itself.
#[derive(Clone, Copy, Debug, PartialEq, PartialOrd, Default)]
pub struct Em(pub f64);

impl Em {
    /// `units` of a font whose em square is `units_per_em` units (its `head` table),
    /// in ems.
    pub fn from_units(units: f64, units_per_em: f64) -> Em {
        Em(units / units_per_em)
    }

    /// The length at font size `size` (pt), in pt: `self × size`.
    pub fn at(self, size: Pt) -> Pt {
        self.0 * size
    }
}

/// A point in layout space: `x` from the page's left edge, `y` from its top (y
/// down), in pt.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct Point {
    /// Distance from the page's left edge, pt.
    pub x: Pt,
    /// Distance from the page's top edge, pt (y down).
    pub y: Pt,
}

/// A width and a height, in pt.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct Size {
    /// Width, pt.
    pub width: Pt,
    /// Height, pt.
    pub height: Pt,
}

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

/// An sRGB colour, each channel 0.0–1.0.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rgb(pub f64, pub f64, pub f64);

impl Rgb {
    /// The default accent: a dark blue (#1F3A5F), close to RenderCV's classic theme.
    pub const ACCENT: Rgb = Rgb::hex(0x1F, 0x3A, 0x5F);
    /// Body text: near-black (#1A1A1A), softer on paper than pure black.
    pub const TEXT: Rgb = Rgb::hex(0x1A, 0x1A, 0x1A);
    /// The quiet grey of dates, locations and page numbers (#555555).
    pub const QUIET: Rgb = Rgb::hex(0x55, 0x55, 0x55);

    /// The colour of `#RRGGBB`, each channel 0–255.
    pub const fn hex(r: u8, g: u8, b: u8) -> Rgb {
        Rgb(r as f64 / 255.0, g as f64 / 255.0, b as f64 / 255.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ems_and_font_units() {
        // Charis SIL's em is 2048 units: 1024 units are half an em, 5 pt at 10 pt.
        assert_eq!(Em::from_units(1024.0, 2048.0), Em(0.5));
        assert_eq!(Em(0.5).at(Pt(10.0)), Pt(5.0));
        assert_eq!(Rgb::hex(0xFF, 0, 0x33), Rgb(1.0, 0.0, 0.2));
    }
}
