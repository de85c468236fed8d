//! The page furniture: the running header of pages after the first and the page
//! numbers, set by the paragraph typesetter for the page builder, which places them.

use super::band::{Band, FREE};
use super::blocks::baseline_in;
use super::{BandInfo, BandKind, Element, Page, Rule, TextRun};
use crate::geom::{Pt, Rgb};
use crate::inline::{ParStyle, Slant, typeset};
use crate::markup::Span;
use crate::model::Text;
use crate::style::Style;

/// The running header of pages after the first: the name at the running header's
/// size (0.8 fs) in the quiet grey, italic, a 0.3 pt hairline 0.1 fs under its line,
/// and half a line (0.6 of the body's leading) below that; `None` when
/// `design.running_header` is off. Coordinates relative to the band's top (y down).
pub(super) fn running_header(s: &Style, name: &Text) -> Option<Band> {
    if !s.running_header {
        return None;
    }
    let size = s.sizes.running_header;
    let st = ParStyle {
        size,
        slant: Slant::Italic,
        color: Rgb::QUIET,
        link_color: Rgb::QUIET,
        family: s.font,
        direction: s.language.direction(),
        ..ParStyle::default()
    };
    let p = typeset(&name.inline, &st, s.measure);
    let line = p.lines.first()?;
    let leading = s.leading(size);
    let baseline = baseline_in(leading, size);
    let mut elements: Vec<Element> = line
        .runs
        .iter()
        .map(|r| Element::Text(TextRun::from_run(r, s.margin.left, baseline)))
        .collect();
    let rule_y = leading + 0.1 * s.font_size;
    elements.push(Element::Rule(Rule {
        x0: s.margin.left,
        x1: s.margin.left + s.measure,
        y: rule_y,
        thickness: Pt(0.3),
        color: Rgb::QUIET,
    }));
    let info = BandInfo {
        kind: BandKind::RunningHeader,
        group: usize::MAX,
        line: 0,
        lines: 1,
        entry: None,
    };
    Some(Band {
        height: rule_y + 0.6 * s.font_size * s.line_spacing,
        space_before: Pt(0.0),
        penalty: FREE,
        info,
        elements,
    })
}

/// Adds `n / N` to every page when there is more than one and `design.page_numbers`
/// is on: at the folio size (0.8 fs) in the quiet grey, centred on the measure, its
/// baseline 0.3 em below the middle of the bottom margin (page space, y down).
pub(super) fn add_folios(pages: &mut [Page], s: &Style) {
    if !s.page_numbers || pages.len() < 2 {
        return;
    }
    let total = pages.len();
    let size = s.sizes.folio;
    let st = ParStyle {
        size,
        color: Rgb::QUIET,
        link_color: Rgb::QUIET,
        family: s.font,
        direction: s.language.direction(),
        ..ParStyle::default()
    };
    for (k, page) in pages.iter_mut().enumerate() {
        let p = typeset(
            &[Span {
                text: format!("{} / {total}", k + 1),
                ..Default::default()
            }],
            &st,
            Pt(f64::INFINITY),
        );
        let Some(line) = p.lines.first() else { continue };
        let x = s.margin.left + (s.measure - line.width) / 2.0;
        let baseline = s.page.height - s.margin.bottom / 2.0 + 0.3 * size;
        page.elements.extend(
            line.runs
                .iter()
                .map(|r| Element::Text(TextRun::from_run(r, x, baseline))),
        );
    }
}
