//! Layout space → PDF user space, and the display list's elements → printpdf
//! operations.
//!
//! Layout space has its origin at the page's top-left corner and y growing down; PDF
//! user space (PDF 32000-1 §8.3.2.3) has its origin at the bottom-left corner and y
//! growing up; both are in points (1/72 in). [`user_space`] is the only place where
//! the y axis is flipped: every position written to the PDF goes through it.
//!
//! - Rules are stroked paths (§8.5.3), drawn before the text object because path
//!   operators are not allowed inside one (§8.2, figure 9).
//! - Text: every glyph is written by its glyph id with an absolute text matrix; printpdf
//!   merges the glyphs of one baseline, font and size into a single `TJ` (§9.4.3) whose
//!   kerning numbers reproduce our positions exactly. Each glyph carries the source
//!   text of its cluster, from which printpdf writes the `/ToUnicode` CMap (§9.10.3), so
//!   text extraction gives the input's words; word spaces are real space glyphs.
//! - Links: their rectangles, for the annotations the document adds ([`rect`]).

use super::fonts::{Remap, font_id};
use crate::geom::{self, Pt, Rgb};
use crate::layout::{Element, Page};
use crate::text::{FAKE_BOLD_STROKE, FAKE_ITALIC_SHEAR, FaceId, Styled, font};
use printpdf::{
    Codepoint, Color, DictItem, LinePoint, Op, PdfFontHandle, Point, Pt as PdfPt, TextItem, TextMatrix,
    TextRenderingMode,
};

/// A point of layout space (pt from the page's left and top edges, y down) in PDF
/// user space (pt from the page's left and bottom edges, y up; PDF 32000-1 §8.3.2.3):
/// `(x, page_height − y)`, on a page `page_height` pt tall. The difference is taken in
/// `f64` and then rounded to printpdf's `f32`.
///
/// This is the one y flip of the PDF stage: rules, text matrices and link rectangles
/// all go through it.
pub(super) fn user_space(page_height: geom::Pt, p: geom::Point) -> Point {
    Point {
        x: PdfPt(p.x.0 as f32),
        y: PdfPt((page_height - p.y).0 as f32),
    }
}

/// A rectangle of layout space (top-left corner, y down) as a PDF rectangle on a
/// page `page_height` pt tall: its lower-left corner in user space ([`user_space`] of
/// the layout rectangle's bottom-left corner), width and height unchanged. For link
/// annotations' `/Rect` (PDF 32000-1 §12.5.2).
pub(super) fn rect(page_height: geom::Pt, r: &geom::Rect) -> printpdf::Rect {
    let corner = user_space(page_height, geom::Point { x: r.x, y: r.bottom() });
    printpdf::Rect {
        x: corner.x,
        y: corner.y,
        width: PdfPt(r.width.0 as f32),
        height: PdfPt(r.height.0 as f32),
        mode: None,
        winding_order: None,
    }
}

/// The content stream of `page`, `page_height` pt tall, as printpdf operations: its
/// rules, then one text object (§9.4) with all its runs. Glyph ids are written as
/// renumbered by `remap` (a glyph missing from it becomes .notdef). Links are not
/// content: the document adds them as annotations.
pub(super) fn page_ops(page: &Page, page_height: geom::Pt, remap: &Remap) -> Vec<Op> {
    let mut ops = Vec::new();
    // Rules first: path operators are not allowed inside a text object.
    for e in &page.elements {
        if let Element::Rule(r) = e {
            ops.push(Op::SetOutlineColor { col: color(r.color) });
            ops.push(Op::SetOutlineThickness {
                pt: PdfPt(r.thickness.0 as f32),
            });
            let p = |x: geom::Pt| LinePoint {
                p: user_space(page_height, geom::Point { x, y: r.y }),
                bezier: false,
            };
            ops.push(Op::DrawLine {
                line: printpdf::Line {
                    points: vec![p(r.x0), p(r.x1)],
                    is_closed: false,
                },
            });
        }
    }
    ops.push(Op::StartTextSection);
    text_ops(page, page_height, remap, &mut ops);
    ops.push(Op::EndTextSection);
    ops
}

/// Appends to `ops` the text of `page` (inside the text object [`page_ops`] opens):
/// font, fill colour and rendering mode when they change, `/ActualText` spans, and
/// each run's glyphs.
fn text_ops(page: &Page, page_height: geom::Pt, remap: &Remap, ops: &mut Vec<Op>) {
    let mut cur_font: Option<(FaceId, Pt)> = None;
    let mut cur_color: Option<Rgb> = None;
    // Synthesised bold: fill then stroke (mode 2, §9.3.6) with a line of
    // FAKE_BOLD_STROKE em in the fill colour; the stroke state is set per run.
    let mut stroking = false;
    for run in page.runs() {
        if cur_font != Some((run.face.id, run.size)) {
            ops.push(Op::SetFont {
                font: PdfFontHandle::External(font_id(run.face.id)),
                size: PdfPt(run.size.0 as f32),
            });
            cur_font = Some((run.face.id, run.size));
        }
        if cur_color != Some(run.color) {
            ops.push(Op::SetFillColor { col: color(run.color) });
            cur_color = Some(run.color);
        }
        let Styled {
            fake_bold, fake_italic, ..
        } = run.face;
        if fake_bold {
            ops.push(Op::SetOutlineColor { col: color(run.color) });
            ops.push(Op::SetOutlineThickness {
                pt: PdfPt((FAKE_BOLD_STROKE * run.size).0 as f32),
            });
            ops.push(Op::SetTextRenderingMode {
                mode: TextRenderingMode::FillStroke,
            });
            stroking = true;
        } else if stroking {
            ops.push(Op::SetTextRenderingMode {
                mode: TextRenderingMode::Fill,
            });
            stroking = false;
        }
        if let Some(text) = &run.actual_text {
            // A word broken across lines: one marked-content span whose
            // /ActualText is the whole word.
            ops.push(actual_text(text));
        }
        if let Some(text) = &run.replacement {
            ops.push(actual_text(text));
        }
        // A run is one text matrix and one `TJ` (§9.4.3): each glyph is followed by
        // the number that turns the advance the viewer takes from the font's /W
        // widths (thousandths of an em, truncated as printpdf writes them) into the
        // advance shaping gave it. A glyph placed off its pen position (a mark) gets
        // a text matrix of its own.
        let f = font(run.face.id);
        let width_1000 = |gid: u16| (f.advance_units(gid) as f32 * 1000.0 / f.units_per_em as f32) as i64;
        let matrix = |x: geom::Pt| {
            let p = user_space(page_height, geom::Point { x, y: run.baseline });
            // Synthesised italic: a shear in the text matrix (§9.4.2), [1 0 s 1 x y].
            if fake_italic {
                TextMatrix::Raw([1.0, 0.0, FAKE_ITALIC_SHEAR as f32, 1.0, p.x.0, p.y.0])
            } else {
                TextMatrix::Translate(p.x, p.y)
            }
        };
        let map = remap.get(&run.face.id);
        let mut x = run.x;
        let mut group: Vec<Codepoint> = Vec::with_capacity(run.glyphs.len());
        let flush = |group: &mut Vec<Codepoint>, ops: &mut Vec<Op>| {
            if !group.is_empty() {
                ops.push(Op::ShowText {
                    items: vec![TextItem::GlyphIds(std::mem::take(group))],
                });
            }
        };
        ops.push(Op::SetTextMatrix { matrix: matrix(x) });
        for g in &run.glyphs {
            let gid = map.and_then(|m| m.get(&g.gid)).copied().unwrap_or(0);
            let cid = g.text.as_deref().map(str::to_string);
            if g.x_offset != Pt(0.0) {
                flush(&mut group, ops);
                ops.push(Op::SetTextMatrix {
                    matrix: matrix(x + g.x_offset),
                });
                ops.push(Op::ShowText {
                    items: vec![TextItem::GlyphIds(vec![Codepoint { gid, offset: 0.0, cid }])],
                });
                x += g.advance;
                ops.push(Op::SetTextMatrix { matrix: matrix(x) });
                continue;
            }
            let offset = (width_1000(g.gid) as f64 - g.advance * 1000.0 / run.size) as f32;
            group.push(Codepoint { gid, offset, cid });
            x += g.advance;
        }
        flush(&mut group, ops);
        if run.replacement.is_some() {
            ops.push(Op::EndMarkedContent);
        }
        if run.actual_text_end {
            ops.push(Op::EndMarkedContent);
        }
    }
}

/// A marked-content span whose `/ActualText` is `text` (PDF 32000-1 §14.9.4), as
/// UTF-16BE with its byte-order mark.
fn actual_text(text: &str) -> Op {
    let mut utf16 = vec![0xFE, 0xFF];
    utf16.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    let mut map = std::collections::BTreeMap::new();
    map.insert(
        "ActualText".to_string(),
        DictItem::String {
            data: utf16,
            literal: false,
        },
    );
    Op::BeginMarkedContentWithProperties {
        tag: "Span".to_string(),
        properties: DictItem::Dict { map },
    }
}

/// A colour of the model (components 0–1) as a DeviceRGB colour (§8.6.4.3).
fn color(c: Rgb) -> Color {
    Color::Rgb(printpdf::Rgb {
        r: c.0 as f32,
        g: c.1 as f32,
        b: c.2 as f32,
        icc_profile: None,
    })
}

#[cfg(test)]
mod tests {
    use super::{rect, user_space};
    use crate::geom::{Point, Pt};

    #[test]
    fn the_top_left_corner_is_the_page_height_up() {
        let p = user_space(Pt(792.0), Point { x: Pt(0.0), y: Pt(0.0) });
        assert_eq!((p.x.0, p.y.0), (0.0, 792.0));
        let p = user_space(
            Pt(792.0),
            Point {
                x: Pt(72.0),
                y: Pt(792.0),
            },
        );
        assert_eq!((p.x.0, p.y.0), (72.0, 0.0));
        let p = user_space(
            Pt(841.89),
            Point {
                x: Pt(56.7),
                y: Pt(100.25),
            },
        );
        assert_eq!((p.x.0, p.y.0), (56.7_f64 as f32, (841.89_f64 - 100.25) as f32));
    }

    #[test]
    fn a_rectangle_is_anchored_at_its_lower_left_corner() {
        let r = rect(
            Pt(800.0),
            &crate::geom::Rect {
                x: Pt(10.0),
                y: Pt(100.0),
                width: Pt(50.0),
                height: Pt(12.0),
            },
        );
        assert_eq!((r.x.0, r.y.0, r.width.0, r.height.0), (10.0, 688.0, 50.0, 12.0));
    }
}
