//! Page breaking: bands → pages, in the spirit of TeX's page builder.
//!
//! Bands are stacked from the top of the text block down. When the next band would
//! cross the bottom margin, the page ends after one of the bands already on it,
//! chosen by the penalties the layout put after each band (their table is in
//! [`super::band`]).
//!
//! The page ends at the last free break on it, if that leaves at most a third of the
//! text block empty ([`MAX_GAP`]). Otherwise keeping things together would leave too
//! large a gap, and the page ends at the last [`KEEP`] break that leaves less (inside
//! an entry, as a typesetter would); failing that, at the last free break whatever
//! the gap; failing that (a chain of forbidden breaks longer than a page, which only
//! a heading followed by a giant first line could make), just before the band that
//! does not fit.
//!
//! Space above a band is dropped at the top of a page. The glyphs' ink decides what
//! fits: a band at the top of a page whose ink rises above its box (an accented
//! capital in a large name) is lowered until its ink touches the top of the text
//! block, as TeX's `\topskip` does, and a band fits only when its box and its ink end
//! above the bottom margin. Pages after the first start with the running header (the
//! person's name, small, over a hairline) when the block builder set one
//! (`design.running_header`).

use super::band::{Band, FREE, KEEP, MAX_GAP, shift};
use super::{Element, MorePages, Page, PlacedBand};
use crate::geom::Pt;
use crate::style::Style;

/// Distributes bands over pages, starting every page after the first with the
/// `running` header when there is one. Returns the pages (at least one) and where
/// each band went; page numbers are added by the caller, once the count is known. Or
/// [`MorePages`] as soon as a page past the first `max_pages` is begun, before any
/// page is filled with elements.
pub(super) fn paginate(
    bands: Vec<Band>,
    running: Option<Band>,
    s: &Style,
    max_pages: usize,
) -> Result<(Vec<Page>, Vec<PlacedBand>), MorePages> {
    let top = s.text_block.y;
    let bottom = s.page.height - s.margin.bottom;
    let block = bottom - top;
    let running_height = running.as_ref().map_or(Pt::ZERO, |b| b.height);
    // (page index, y of the band's top) for each band
    let mut placed: Vec<(usize, Pt)> = Vec::with_capacity(bands.len());
    let mut page = 0;
    let mut page_start = 0; // first band on the current page
    let page_top = |page: usize| if page > 0 { top + running_height } else { top };
    let mut y = page_top(0);
    let mut i = 0;
    // Ink is measured (from the glyph outlines) only where it can matter: at the top
    // of a page and near its foot.
    let mut inks: Vec<Option<(Pt, Pt)>> = vec![None; bands.len()];
    let mut ink_of = |i: usize| *inks[i].get_or_insert_with(|| ink(&bands[i].elements));
    while i < bands.len() {
        let b = &bands[i];
        let at_top = i == page_start;
        let band_top = if at_top {
            y + (-ink_of(i).0).max(Pt::ZERO)
        } else {
            y + b.space_before
        };
        let near_foot = band_top + 2.0 * b.height > bottom;
        let ink_bottom = if near_foot { ink_of(i).1 } else { Pt::ZERO };
        if band_top + b.height.max(ink_bottom) > bottom + Pt(1e-6) && !at_top {
            let end_of = |j: usize| placed[j].1 + bands[j].height;
            let gap_ok = |j: usize| bottom - end_of(j) <= MAX_GAP * block + Pt(1e-9);
            let candidates = page_start..i;
            let last_free = candidates.clone().rev().find(|&j| bands[j].penalty <= FREE);
            let last_keep = candidates
                .clone()
                .rev()
                .find(|&j| bands[j].penalty <= KEEP && gap_ok(j));
            let j = match (last_free, last_keep) {
                (Some(f), _) if gap_ok(f) => f,
                (_, Some(k)) => k,
                (Some(f), None) => f,
                (None, None) => i - 1,
            };
            // The page ends after band j.
            placed.truncate(j + 1);
            page += 1;
            if page >= max_pages {
                return Err(MorePages);
            }
            page_start = j + 1;
            y = page_top(page);
            i = j + 1;
            continue;
        }
        placed.push((page, band_top));
        y = band_top + b.height;
        i += 1;
    }
    let mut pages: Vec<Page> = (0..=page).map(|_| Page::default()).collect();
    let mut out = Vec::with_capacity(bands.len() + page);
    if let Some(rh) = &running {
        for (p, pg) in pages.iter_mut().enumerate().skip(1) {
            pg.elements.extend(rh.elements.iter().cloned().map(|e| shift(e, top)));
            out.push(PlacedBand {
                page: p,
                top,
                bottom: top + rh.height,
                info: rh.info,
                penalty: FREE,
            });
        }
    }
    for (b, (p, by)) in bands.into_iter().zip(placed) {
        out.push(PlacedBand {
            page: p,
            top: by,
            bottom: by + b.height,
            info: b.info,
            penalty: b.penalty,
        });
        pages[p].elements.extend(b.elements.into_iter().map(|e| shift(e, by)));
    }
    out.sort_by(|a, b| a.page.cmp(&b.page).then(a.top.total_cmp(&b.top)));
    Ok((pages, out))
}

/// The ink's extent of a band's elements: the highest point (y of the tallest glyph's
/// top, relative to the band's top, negative when it rises above the band) and the
/// lowest (y of the deepest descender), in pt.
fn ink(elements: &[Element]) -> (Pt, Pt) {
    let (mut top, mut bottom) = (Pt::ZERO, Pt::ZERO);
    for e in elements {
        match e {
            Element::Text(t) => {
                let f = crate::text::font(t.face.id);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geom::Rgb;
    use crate::layout::band::FORBIDDEN;
    use crate::layout::{BandInfo, BandKind, Rule, furniture};
    use crate::markup::Span;
    use crate::model::Text;
    use crate::style::Style;

    /// A band of `height` pt marked by a rule 1 pt below its top whose x0 is `id`,
    /// with `penalty` after it.
    fn band(id: f64, height: f64, space_before: f64, penalty: f64) -> Band {
        let rule = Rule {
            x0: Pt(id),
            x1: Pt(id + 1.0),
            y: Pt(1.0),
            thickness: Pt(0.5),
            color: Rgb::TEXT,
        };
        let info = BandInfo {
            kind: BandKind::Body,
            group: 0,
            line: 0,
            lines: 1,
            entry: None,
        };
        Band {
            height: Pt(height),
            space_before: Pt(space_before),
            penalty,
            info,
            elements: vec![Element::Rule(rule)],
        }
    }

    /// Letter, 0.7 in margins (691.2 pt of text block from y = 50.4), no running header.
    fn design() -> Style {
        Style {
            running_header: false,
            ..Style::default()
        }
    }

    fn name() -> Text {
        Text {
            text: "Ada".into(),
            inline: vec![Span {
                text: "Ada".into(),
                ..Default::default()
            }],
            pos: crate::diag::Pos::UNKNOWN,
        }
    }

    /// The pages, with the running header and page numbers as the layout adds them.
    fn run(bands: Vec<Band>, d: &Style) -> Vec<Page> {
        let running = furniture::running_header(d, &name());
        let mut pages = paginate(bands, running, d, usize::MAX).unwrap().0;
        furniture::add_folios(&mut pages, d);
        pages
    }

    /// (page, band id, y of the band's top) of every band.
    fn placement(pages: &[Page]) -> Vec<(usize, f64, f64)> {
        let mut out = Vec::new();
        for (p, page) in pages.iter().enumerate() {
            for e in &page.elements {
                if let Element::Rule(r) = e {
                    out.push((p, r.x0.0, (r.y - Pt(1.0)).0));
                }
            }
        }
        out
    }

    #[test]
    fn a_kept_chain_moves_whole_and_space_is_dropped_at_the_top() {
        let d = design();
        let bands = vec![
            band(1.0, 500.0, 0.0, FREE),
            band(2.0, 100.0, 20.0, KEEP),
            band(3.0, 200.0, 5.0, FREE),
        ];
        // 1 and 2 fit (50.4 + 500 + 20 + 100 = 670.4 ≤ 741.6) but 3 does not: 2 is kept
        // with 3, and moving both leaves 191.2 pt empty, under a third of the block
        // (230.4 pt); 2 loses its space at the top of page 2.
        assert_eq!(
            placement(&run(bands, &d)),
            vec![(0, 1.0, 50.4), (1, 2.0, 50.4), (1, 3.0, 155.4)]
        );
    }

    #[test]
    fn keeping_together_never_leaves_more_than_a_third_of_the_page_empty() {
        let d = design();
        let bands = vec![
            band(1.0, 300.0, 0.0, FREE),
            band(2.0, 300.0, 20.0, KEEP),
            band(3.0, 100.0, 5.0, FREE),
        ];
        // Moving 2 with 3 would leave 391.2 pt empty: the page breaks at the kept
        // break instead (71.2 pt empty).
        assert_eq!(
            placement(&run(bands, &d)),
            vec![(0, 1.0, 50.4), (0, 2.0, 370.4), (1, 3.0, 50.4)]
        );
    }

    #[test]
    fn a_forbidden_break_is_never_taken_while_another_exists() {
        let d = design();
        let bands = vec![
            band(1.0, 300.0, 0.0, FREE),
            band(2.0, 300.0, 20.0, FORBIDDEN),
            band(3.0, 100.0, 5.0, FREE),
        ];
        assert_eq!(
            placement(&run(bands, &d)),
            vec![(0, 1.0, 50.4), (1, 2.0, 50.4), (1, 3.0, 355.4)]
        );
    }

    #[test]
    fn pages_after_the_first_start_with_the_running_header() {
        let d = Style::default();
        let pages = run(vec![band(1.0, 500.0, 0.0, FREE), band(2.0, 500.0, 0.0, FREE)], &d);
        assert_eq!(pages[0].runs().filter(|r| r.text() == "Ada").count(), 0);
        let name = pages[1].runs().find(|r| r.text() == "Ada").unwrap();
        // 8 pt italic on a 9.6 pt leading from the top margin: baseline 50.4 + 0.8 + 6.4.
        assert!(
            (name.baseline - Pt(57.6)).abs() < Pt(1e-9)
                && name.size == Pt(8.0)
                && name.face.id == crate::text::FaceId::SERIF_ITALIC
        );
        // The content starts below it: 9.6 + 1 + 7.2 = 17.8 pt lower.
        let (_, _, y) = placement(&pages).into_iter().find(|p| p.1 == 2.0).unwrap();
        assert!((y - 68.2).abs() < 1e-9, "{y}");
    }

    #[test]
    fn a_chain_longer_than_a_page_breaks_where_it_must() {
        let d = design();
        let bands = vec![
            band(1.0, 400.0, 0.0, KEEP),
            band(2.0, 400.0, 0.0, KEEP),
            band(3.0, 10.0, 0.0, FREE),
        ];
        assert_eq!(
            placement(&run(bands, &d)),
            vec![(0, 1.0, 50.4), (1, 2.0, 50.4), (1, 3.0, 450.4)]
        );
    }

    #[test]
    fn page_numbers_only_with_more_than_one_page() {
        let d = design();
        let one = run(vec![band(1.0, 10.0, 0.0, FREE)], &d);
        assert_eq!(one[0].runs().count(), 0);
        let two = run(vec![band(1.0, 500.0, 0.0, FREE), band(2.0, 500.0, 0.0, FREE)], &d);
        let folio: Vec<String> = two[1].runs().map(|r| r.text()).collect();
        // UAX #14 allows no break before "/" (LB13), so "2 /" is one box.
        assert_eq!(folio, vec!["2 /", " ", "2"]);
        let r = two[1].runs().next().unwrap();
        // 8 pt, baseline 0.3 em below the middle of the bottom margin: 792 − 25.2 + 2.4.
        assert!((r.baseline - Pt(769.2)).abs() < Pt(1e-9) && r.size == Pt(8.0));
    }

    #[test]
    fn ink_above_the_first_band_lowers_it_to_the_margin() {
        // A rule 2 pt thick centred on the band's top: its ink rises 1 pt above it.
        let d = design();
        let mut b = band(1.0, 10.0, 0.0, FREE);
        b.elements.push(Element::Rule(Rule {
            x0: Pt(0.0),
            x1: Pt(1.0),
            y: Pt(0.0),
            thickness: Pt(2.0),
            color: Rgb::TEXT,
        }));
        assert_eq!(placement(&run(vec![b], &d))[0], (0, 1.0, 51.4));
    }
}
