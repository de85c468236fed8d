//! Stage 4: the display list → PDF bytes, through `printpdf` 0.12.
//!
//! - `convert`: the one place where layout space (origin top-left, y down) becomes
//!   PDF user space (origin bottom-left, y up; PDF 32000-1 §8.3.2.3), and the display
//!   list's rules and text runs become printpdf operations (each glyph by id at an
//!   absolute text matrix, one `TJ` per baseline, `/ToUnicode` from the glyphs' text).
//! - `fonts`: fonts embedded as subsets (Type 0 / CIDFontType2, §9.7) with a stable
//!   subset tag derived from the face, without hinting and, once printpdf has written
//!   them, without their naming table.
//! - Here, the document-level work: links are URI link annotations (§12.5.6.5) with a
//!   zero-width border; the document information dictionary (§14.3.3) holds `/Title`,
//!   `/Author`, `/Subject`, `/Keywords`, and dates only when `SOURCE_DATE_EPOCH` gives
//!   one; the file identifier (§14.4) is a hash of the content, so the same input gives
//!   the same bytes; streams are compressed.

mod convert;
mod fonts;

use crate::layout::{Document, Element, Page};
use crate::model::PdfMeta;
use printpdf::{Actions, BorderArray, LinkAnnotation, Mm, Op, PdfDocument, PdfPage, PdfSaveOptions, Pt};

/// Writes the document as PDF bytes, without a date (see [`export_dated`]).
///
/// `doc` is in layout space: pt, origin at each page's top-left corner, y down; each
/// page becomes a page object (PDF 32000-1 §7.7.3.3) whose `/MediaBox` is
/// `doc.width` × `doc.height` pt, with one content stream (rules, then text) and its
/// links as annotations. Fonts are embedded as subsets; the information dictionary
/// (§14.3.3) gets `meta`'s title, author, subject and keywords, and the trailer a file
/// identifier (§14.4) derived from the content and `meta`.
///
/// # Errors
/// A face the document uses that cannot be subset or whose subset printpdf cannot
/// read, or a failure to serialise (both would be bugs in vitae; the message names
/// the font or says which).
pub fn export(doc: &Document, meta: &PdfMeta) -> Result<Vec<u8>, String> {
    export_dated(doc, meta, None)
}

/// [`export`] with a creation date: `Some(unix time)` (from `SOURCE_DATE_EPOCH`)
/// becomes `/CreationDate` and `/ModDate`; `None` writes no date at all. Either way
/// the same input gives the same bytes.
///
/// # Errors
/// As [`export`].
pub fn export_dated(doc: &Document, meta: &PdfMeta, date: Option<i64>) -> Result<Vec<u8>, String> {
    let mut pdf = PdfDocument::new(&meta.title);
    pdf.metadata.info.author = meta.author.clone();
    pdf.metadata.info.subject = meta.subject.clone().unwrap_or_default();
    pdf.metadata.info.keywords = meta.keywords.clone();
    pdf.metadata.info.creator = "vitae".to_string();
    pdf.metadata.info.producer = format!("vitae {}", env!("CARGO_PKG_VERSION"));

    // Each face is subset to the glyphs the document uses; glyph ids are renumbered
    // (`remap`).
    let remap = fonts::embed(&mut pdf, doc)?;
    let h = doc.height;
    let mut pages = Vec::with_capacity(doc.pages.len());
    for page in &doc.pages {
        let mut ops = convert::page_ops(page, h, &remap);
        ops.extend(link_annotations(page, h));
        pages.push(PdfPage::new(
            Mm::from(Pt(doc.width.0 as f32)),
            Mm::from(Pt(doc.height.0 as f32)),
            ops,
        ));
    }
    pdf.with_pages(pages);

    let opts = PdfSaveOptions {
        optimize: true,
        subset_fonts: true,
        secure: true,
        image_optimization: None,
    };
    let mut warnings = Vec::new();
    let mut lo = pdf.to_lopdf_document(&opts, &mut warnings);
    // A file identifier from the content (PDF 32000-1 §14.4), not from a random source.
    let id = format!(
        "{:016x}{:016x}",
        content_hash(doc),
        fnv1a(format!("{meta:?}{date:?}").as_bytes())
    );
    let id_obj = lopdf::Object::String(id.into_bytes(), lopdf::StringFormat::Hexadecimal);
    lo.trailer.set("ID", lopdf::Object::Array(vec![id_obj.clone(), id_obj]));
    // Dates: SOURCE_DATE_EPOCH's, or none (printpdf writes the epoch otherwise).
    if let Ok(info) = lo.trailer.get(b"Info").and_then(lopdf::Object::as_reference)
        && let Ok(lopdf::Object::Dictionary(dict)) = lo.get_object_mut(info)
    {
        for key in [
            &b"CreationDate"[..],
            b"ModDate",
            b"Trapped",
            b"GTS_PDFXVersion",
            b"Identifier",
        ] {
            dict.remove(key);
        }
        if let Some(t) = date {
            let d = lopdf::Object::String(pdf_date(t).into_bytes(), lopdf::StringFormat::Literal);
            dict.set("CreationDate", d.clone());
            dict.set("ModDate", d);
        }
    }
    fonts::tag_subset_names(&mut lo);
    fonts::strip_font_programs(&mut lo);
    compress(&mut lo);
    let mut out = Vec::new();
    lo.save_to(&mut out)
        .map_err(|e| format!("internal error: cannot write the PDF ({e})"))?;
    Ok(out)
}

/// The links of `page`, `page_height` pt tall, as URI link annotations (PDF 32000-1
/// §12.5.6.5, action §12.6.4.7) with a zero-width border (`/Border [0 0 0]`,
/// §12.5.2), their `/Rect` in user space ([`convert::rect`]). printpdf adds them to
/// the page's `/Annots`.
fn link_annotations(page: &Page, page_height: crate::geom::Pt) -> impl Iterator<Item = Op> + '_ {
    page.elements.iter().filter_map(move |e| match e {
        Element::Link(l) => {
            let link = LinkAnnotation::new(
                convert::rect(page_height, &l.rect),
                Actions::Uri(l.uri.clone()),
                Some(BorderArray::Solid([0.0, 0.0, 0.0])),
                None,
                None,
            );
            Some(Op::LinkAnnotation { link })
        }
        _ => None,
    })
}

/// A PDF date string (PDF 32000-1 §7.9.4) for a Unix time: `D:YYYYMMDDHHmmSSZ`.
pub fn pdf_date(unix: i64) -> String {
    let days = unix.div_euclid(86_400);
    let secs = unix.rem_euclid(86_400);
    // Civil from days (H. Hinnant's algorithm), proleptic Gregorian, UTC.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "D:{y:04}{m:02}{d:02}{:02}{:02}{:02}Z",
        secs / 3600,
        secs / 60 % 60,
        secs % 60
    )
}

/// 64-bit FNV-1a, for the file identifier.
fn fnv1a(bytes: &[u8]) -> u64 {
    fnv1a_from(0xcbf2_9ce4_8422_2325, bytes)
}

/// FNV-1a continued from the hash `h` over `bytes`.
fn fnv1a_from(h: u64, bytes: &[u8]) -> u64 {
    bytes
        .iter()
        .fold(h, |h, &b| (h ^ b as u64).wrapping_mul(0x0100_0000_01b3))
}

/// A hash of everything drawn: glyphs and their positions, rules, links.
fn content_hash(doc: &Document) -> u64 {
    let mut h = fnv1a(&doc.width.0.to_bits().to_le_bytes());
    for page in &doc.pages {
        for e in &page.elements {
            match e {
                Element::Text(t) => {
                    for v in [t.x, t.baseline, t.size] {
                        h = fnv1a_from(h, &v.0.to_bits().to_le_bytes());
                    }
                    h = fnv1a_from(
                        h,
                        &[
                            t.face.id.0 as u8,
                            (t.face.id.0 >> 8) as u8,
                            t.face.fake_bold as u8,
                            t.face.fake_italic as u8,
                        ],
                    );
                    for g in &t.glyphs {
                        h = fnv1a_from(h, &g.gid.to_le_bytes());
                    }
                }
                Element::Rule(r) => h = fnv1a_from(h, &r.y.0.to_bits().to_le_bytes()),
                Element::Link(l) => h = fnv1a_from(h, l.uri.as_bytes()),
            }
        }
        h = fnv1a_from(h, b"page");
    }
    h
}

/// Compresses every stream that has no filter yet with Deflate (`/FlateDecode`,
/// PDF 32000-1 §7.4.4) at [`DEFLATE_LEVEL`], where a stream gets smaller. One
/// compressor is made for the document and reset between streams: setting one up
/// (its window and hash tables, about 300 KB) cost more than compressing a résumé's
/// content streams. lopdf's own `compress` uses level 9 and a new compressor per
/// stream.
fn compress(doc: &mut lopdf::Document) {
    let mut z = flate2::Compress::new(flate2::Compression::new(DEFLATE_LEVEL), true);
    let mut packed = Vec::new();
    for obj in doc.objects.values_mut() {
        let lopdf::Object::Stream(stream) = obj else { continue };
        if stream.dict.get(b"Filter").is_ok() || !stream.allows_compression {
            continue;
        }
        z.reset();
        packed.clear();
        // A zlib stream is at most the input plus 5 bytes per 16 KB block and 11 of
        // header and trailer (RFC 1950/1951); the length test below rejects the
        // incompressible anyway.
        packed.reserve(stream.content.len() + stream.content.len() / 16_000 * 5 + 64);
        let done = z.compress_vec(&stream.content, &mut packed, flate2::FlushCompress::Finish);
        if !matches!(done, Ok(flate2::Status::StreamEnd)) {
            continue;
        }
        if packed.len() + 19 < stream.content.len() {
            stream.dict.set("Filter", "FlateDecode");
            stream.set_content(packed.clone());
        }
    }
}

/// The Deflate level of the PDF's streams: zlib's default, 6. Measured on the
/// example (docs/performance.md): level 5 saves 1.6 % of a build's instructions for a
/// 1 % larger file, level 9 costs 14 % more for a larger one, level 1 saves 10 % for
/// a file 43 % larger.
const DEFLATE_LEVEL: u32 = 6;

#[cfg(test)]
mod tests {
    #[test]
    fn pdf_dates() {
        assert_eq!(super::pdf_date(0), "D:19700101000000Z");
        assert_eq!(super::pdf_date(1_700_000_000), "D:20231114221320Z");
        assert_eq!(super::pdf_date(951_782_400), "D:20000229000000Z");
    }
}
