//! Page breaking: bands → pages.
//!
//! Bands are stacked from the top margin down. A band that would cross the bottom
//! margin starts a new page; when the bands before it are chained to it by
//! `keep_with_next` (a heading with its entry's first row, an entry's title row with
//! its subtitle and first body line), the whole chain moves with it, unless the chain
//! already starts at the top of its page (then it is broken where it must be). Space
//! above a band is dropped at the top of a page. The glyphs' ink decides what fits:
//! a band at the top of a page whose ink rises above its box (an accented capital in
//! a large name) is lowered until its ink touches the top margin, as TeX's
//! `\topskip` does, and a band fits only when its box and its ink end above the
//! bottom margin. With more than one page and
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
    let inks: Vec<(f64, f64)> = bands.iter().map(|b| ink(&b.elements)).collect();
    while i < bands.len() {
        let b = &bands[i];
        let (ink_top, ink_bottom) = inks[i];
        let at_top = i == page_start;
        let band_top = if at_top { y + (-ink_top).max(0.0) } else { y + b.space_before };
        if band_top + b.height.max(ink_bottom) > bottom + 1e-6 && !at_top {
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

/// The ink's extent of a band's elements: the highest point (y of the tallest glyph's
/// top, relative to the band's top, negative when it rises above the band) and the
/// lowest (y of the deepest descender), in pt.
fn ink(elements: &[Element]) -> (f64, f64) {
    let (mut top, mut bottom) = (0.0f64, 0.0f64);
    for e in elements {
        match e {
            Element::Text(t) => {
                let f = crate::text::font(t.face);
                for g in &t.glyphs {
                    let (up, down) = f.ink(g.gid);
                    top = top.min(t.baseline - up * t.size);
                    bottom = bottom.max(t.baseline - down * t.size);
                }
            }
            Element::Rule(r) => {
                top = top.min(r.y - r.thickness / 2.0);
                bottom = bottom.max(r.y + r.thickness / 2.0);
            }
            Element::Link(_) => {}
        }
    }
    (top, bottom)
}

/// Moves an element from band space (y from the band's top) to page space.
pub(super) fn shift(e: Element, dy: f64) -> Element {
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
    let st = ParStyle { size, bold: false, italic: false, color: Rgb::QUIET, link_color: Rgb::QUIET, justify: false, hyphenate: None };
    let p = typeset(&[Span { text: format!("{n} / {total}"), ..Default::default() }], &st, f64::INFINITY);
    let Some(line) = p.lines.first() else { return Vec::new() };
    let x = d.margin.left + (d.page_width - d.margin.left - d.margin.right - line.width) / 2.0;
    let baseline = d.page_height - d.margin.bottom / 2.0 + 0.3 * size;
    line.runs
        .iter()
        .map(|r| Element::Text(TextRun::from_run(r, x, baseline)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::Rule;

    /// A band of `height` pt marked by a rule 1 pt below its top whose x0 is `id`.
    fn band(id: f64, height: f64, space_before: f64, keep_with_next: bool) -> Band {
        let rule = Rule { x0: id, x1: id + 1.0, y: 1.0, thickness: 0.5, color: Rgb::TEXT };
        Band { height, space_before, keep_with_next, elements: vec![Element::Rule(rule)] }
    }

    /// (page, band id, y of the band's top) of every band.
    fn placement(pages: &[Page]) -> Vec<(usize, f64, f64)> {
        let mut out = Vec::new();
        for (p, page) in pages.iter().enumerate() {
            for e in &page.elements {
                if let Element::Rule(r) = e {
                    out.push((p, r.x0, r.y - 1.0));
                }
            }
        }
        out
    }

    #[test]
    fn a_kept_chain_moves_whole_and_space_is_dropped_at_the_top() {
        // Letter, 0.7 in margins: 691.2 pt of text block from y = 50.4.
        let d = Design::default();
        let bands = vec![band(1.0, 300.0, 0.0, false), band(2.0, 300.0, 20.0, true), band(3.0, 100.0, 5.0, false)];
        // 1 and 2 fit (50.4 + 300 + 20 + 300 = 670.4 ≤ 741.6) but 3 does not (775.4):
        // 2 is kept with 3, so both move, and 2 loses its space at the top.
        assert_eq!(placement(&paginate(bands, &d)), vec![(0, 1.0, 50.4), (1, 2.0, 50.4), (1, 3.0, 355.4)]);
    }

    #[test]
    fn a_chain_longer_than_a_page_breaks_where_it_must() {
        let d = Design::default();
        let bands = vec![band(1.0, 400.0, 0.0, true), band(2.0, 400.0, 0.0, true), band(3.0, 10.0, 0.0, false)];
        assert_eq!(placement(&paginate(bands, &d)), vec![(0, 1.0, 50.4), (1, 2.0, 50.4), (1, 3.0, 450.4)]);
    }

    #[test]
    fn page_numbers_only_with_more_than_one_page() {
        let d = Design::default();
        let one = paginate(vec![band(1.0, 10.0, 0.0, false)], &d);
        assert_eq!(one[0].runs().count(), 0);
        let two = paginate(vec![band(1.0, 500.0, 0.0, false), band(2.0, 500.0, 0.0, false)], &d);
        let folio: Vec<String> = two[1].runs().map(|r| r.text()).collect();
        // UAX #14 allows no break before "/" (LB13), so "2 /" is one box.
        assert_eq!(folio, vec!["2 /", " ", "2"]);
        let r = two[1].runs().next().unwrap();
        // 8 pt, baseline 0.3 em below the middle of the bottom margin: 792 − 25.2 + 2.4.
        assert!((r.baseline - 769.2).abs() < 1e-9 && r.size == 8.0);
    }

    #[test]
    fn ink_above_the_first_band_lowers_it_to_the_margin() {
        // A rule 2 pt thick centred on the band's top: its ink rises 1 pt above it.
        let d = Design::default();
        let mut b = band(1.0, 10.0, 0.0, false);
        b.elements.push(Element::Rule(Rule { x0: 0.0, x1: 1.0, y: 0.0, thickness: 2.0, color: Rgb::TEXT }));
        assert_eq!(placement(&paginate(vec![b], &d))[0], (0, 1.0, 51.4));
    }
}
