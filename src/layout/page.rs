//! Page breaking: bands → pages.
//!
//! Bands are stacked from the top margin down. A band that would cross the bottom
//! margin starts a new page; when the bands before it are chained to it by
//! `keep_with_next` (a heading with its entry's first row, an entry's title row with
//! its subtitle and first body line), the whole chain moves with it, unless the chain
//! already starts at the top of its page (then it is broken where it must be). Space
//! above a band is dropped at the top of a page. With more than one page and
//! `design.page_numbers`, each page gets `n / N` centred in the bottom margin.

use super::blocks::Band;
use super::{Element, Page, TextRun};
use crate::inline::{typeset, ParStyle};
use crate::markup::Span;
use crate::model::{Design, Rgb};

/// Page number size as a multiple of the body size.
const FOLIO_SCALE: f64 = 0.8;

/// Distributes bands over pages; returns at least one page.
pub(super) fn paginate(bands: Vec<Band>, d: &Design) -> Vec<Page> {
    let top = d.margin.top;
    let bottom = d.page_height - d.margin.bottom;
    // (page index, y of the band's top) for each band
    let mut placed: Vec<(usize, f64)> = Vec::with_capacity(bands.len());
    let mut page = 0;
    let mut page_start = 0; // first band on the current page
    let mut y = top;
    let mut i = 0;
    while i < bands.len() {
        let b = &bands[i];
        let at_top = i == page_start;
        let band_top = if at_top { y } else { y + b.space_before };
        if band_top + b.height > bottom + 1e-6 && !at_top {
            // Move the chain that must stay with this band.
            let mut j = i;
            while j > page_start && bands[j - 1].keep_with_next {
                j -= 1;
            }
            if j == page_start {
                j = i; // the chain fills the page: break inside it
            }
            placed.truncate(j);
            page += 1;
            page_start = j;
            y = top;
            i = j;
            continue;
        }
        placed.push((page, band_top));
        y = band_top + b.height;
        i += 1;
    }
    let mut pages: Vec<Page> = (0..=page).map(|_| Page::default()).collect();
    for (b, (p, by)) in bands.into_iter().zip(placed) {
        pages[p].elements.extend(b.elements.into_iter().map(|e| shift(e, by)));
    }
    if d.page_numbers && pages.len() > 1 {
        let n = pages.len();
        for (k, page) in pages.iter_mut().enumerate() {
            page.elements.extend(folio(k + 1, n, d));
        }
    }
    pages
}

/// Moves an element from band space (y from the band's top) to page space.
fn shift(e: Element, dy: f64) -> Element {
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

/// `n / N`, centred, its baseline in the middle of the bottom margin.
fn folio(n: usize, total: usize, d: &Design) -> Vec<Element> {
    let size = FOLIO_SCALE * d.font_size;
    let st = ParStyle { size, bold: false, italic: false, color: Rgb::QUIET, link_color: Rgb::QUIET, justify: false };
    let p = typeset(&[Span { text: format!("{n} / {total}"), ..Default::default() }], &st, f64::INFINITY);
    let Some(line) = p.lines.first() else { return Vec::new() };
    let x = d.margin.left + (d.page_width - d.margin.left - d.margin.right - line.width) / 2.0;
    let baseline = d.page_height - d.margin.bottom / 2.0 + 0.3 * size;
    line.runs
        .iter()
        .map(|r| Element::Text(TextRun { face: r.face, size: r.size, color: r.color, x: x + r.x, baseline, glyphs: r.glyphs.clone(), space: r.space }))
        .collect()
}
