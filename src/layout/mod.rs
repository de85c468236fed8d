//! Stage 3: a validated resume → pages of positioned glyph runs, rules and link
//! rectangles (the display list).
//!
//! Layout space: origin at the page's top-left corner, y growing **down**, every
//! length in pt. A [`TextRun`]'s `baseline` is the y of its baseline. Only the PDF
//! stage flips to PDF user space.
//!
//! Steps: [`blocks`] sets the resume as a vertical list of bands (a line of text, a
//! heading with its rule, an entry's title row with its date), each with the space
//! above it and whether it must stay on the page of the band after it; [`page`]
//! distributes the bands over pages (keeping those chains together) and adds page
//! numbers.

mod blocks;
mod page;

use crate::diag::Diagnostic;
use crate::geom::{Pt, Rect};
use crate::model::{Resume, Rgb};
use crate::text::{FaceId, Glyph};

/// A run of glyphs in one face, size and colour on one baseline.
#[derive(Clone, Debug, PartialEq)]
pub struct TextRun {
    pub face: FaceId,
    /// Font size in pt.
    pub size: Pt,
    pub color: Rgb,
    /// Pen position of the first glyph: x of its left edge (pt from the page's left)
    /// and y of the baseline (pt from the page's top, y down).
    pub x: Pt,
    pub baseline: Pt,
    /// Glyphs in order; each advances the pen by its `advance`.
    pub glyphs: Vec<Glyph>,
    /// A word space: one space glyph written for text extraction; the visible gap is
    /// the distance to the next run.
    pub space: bool,
}

impl TextRun {
    /// Sum of the advances, pt.
    pub fn width(&self) -> Pt {
        self.glyphs.iter().map(|g| g.advance).sum()
    }

    /// The text the run stands for (its clusters' source text).
    pub fn text(&self) -> String {
        self.glyphs.iter().filter_map(|g| g.text.as_deref()).collect()
    }

    /// The run's box: advance width by the em (0.8 em above the baseline, 0.2 em
    /// below), the box a layout engine reserves for it.
    pub fn bbox(&self) -> Rect {
        Rect { x: self.x, y: self.baseline - 0.8 * self.size, width: self.width(), height: self.size }
    }
}

/// A horizontal rule.
#[derive(Clone, Debug, PartialEq)]
pub struct Rule {
    /// Left and right ends, pt from the page's left.
    pub x0: Pt,
    pub x1: Pt,
    /// y of the rule's centre line, pt from the page's top.
    pub y: Pt,
    /// Thickness in pt.
    pub thickness: Pt,
    pub color: Rgb,
}

/// A clickable area that opens a URI (a PDF link annotation, PDF 32000-1 §12.5.6.5).
#[derive(Clone, Debug, PartialEq)]
pub struct Link {
    pub rect: Rect,
    pub uri: String,
}

/// One thing drawn on a page.
#[derive(Clone, Debug, PartialEq)]
pub enum Element {
    Text(TextRun),
    Rule(Rule),
    Link(Link),
}

/// A page: its elements in reading order.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Page {
    pub elements: Vec<Element>,
}

impl Page {
    /// The text runs of the page, in reading order.
    pub fn runs(&self) -> impl Iterator<Item = &TextRun> {
        self.elements.iter().filter_map(|e| if let Element::Text(t) = e { Some(t) } else { None })
    }
}

/// The laid-out document.
#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    /// Page size in pt.
    pub width: Pt,
    pub height: Pt,
    /// At least one page.
    pub pages: Vec<Page>,
}

/// Lays out a resume.
///
/// Returns the document and warnings (characters no bundled font covers, one warning
/// per character naming where it occurs).
pub fn layout(resume: &Resume) -> (Document, Vec<Diagnostic>) {
    let (bands, warnings) = blocks::build(resume);
    let pages = page::paginate(bands, &resume.design);
    (Document { width: resume.design.page_width, height: resume.design.page_height, pages }, warnings)
}
