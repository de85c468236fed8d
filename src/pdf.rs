//! Stage 4: the display list → PDF bytes, through `printpdf` 0.12.
//!
//! This is the one place where layout space (origin top-left, y down) becomes PDF
//! user space (origin bottom-left, y up; PDF 32000-1 §8.3.2.3): `y_pdf = height − y`.
//!
//! - Text: every glyph is written by its glyph id with an absolute text matrix; printpdf
//!   merges the glyphs of one baseline, font and size into a single `TJ` whose kerning
//!   numbers reproduce our positions exactly. Each glyph carries the source text of its
//!   cluster, from which printpdf writes the `/ToUnicode` CMap (§9.10.3), so text
//!   extraction gives the input's words; word spaces are real space glyphs.
//! - Fonts are embedded as subsets (Type 0 / CIDFontType2, §9.7) with a stable subset
//!   tag derived from the face, so the output does not change between runs.
//! - Rules are stroked paths drawn before the text object; links are URI link
//!   annotations (§12.5.6.5) with a zero-width border.
//! - The document information dictionary (§14.3.3) holds `/Title`, `/Author`,
//!   `/Subject`, `/Keywords`, and dates only when `SOURCE_DATE_EPOCH` gives one; the
//!   file identifier (§14.4) is a hash of the content, so the same input gives the
//!   same bytes.

use crate::layout::{Document, Element};
use crate::geom::Rgb;
use crate::model::PdfMeta;
use crate::text::{font, FaceId, Styled, FAKE_BOLD_STROKE, FAKE_ITALIC_SHEAR};
use printpdf::{
    Actions, BorderArray, Codepoint, Color, DictItem, FontId, LinePoint, LinkAnnotation, Mm, Op, ParsedFont, PdfDocument, PdfFontHandle, PdfPage,
    PdfSaveOptions, Point, Pt, TextItem, TextMatrix, TextRenderingMode,
};
use std::collections::{BTreeMap, BTreeSet};

/// The resource id of a face: its first six letters are the subset tag (§9.9.2),
/// fixed per face so that output is deterministic.
fn font_id(f: FaceId) -> FontId {
    let n = f.0 as u32;
    let letter = |k: u32| (b'A' + (n / 26u32.pow(k) % 26) as u8) as char;
    FontId(format!("VIT{}{}{}", letter(2), letter(1), letter(0)))
}

/// Face `index` of `data` subset to `gids` (with .notdef first), as a standalone font
/// (allsorts' PDF profile: TrueType or CFF outlines as the face has them), and the map
/// from old glyph ids to new ones: a glyph's new id is its position in the sorted list.
fn subset(data: &[u8], index: u32, gids: &BTreeSet<u16>) -> Result<(Vec<u8>, BTreeMap<u16, u16>), String> {
    use allsorts::binary::read::ReadScope;
    use allsorts::font_data::FontData;
    let ids: Vec<u16> = std::iter::once(0).chain(gids.iter().copied().filter(|&g| g != 0)).collect();
    let file = ReadScope::new(data).read::<FontData<'_>>().map_err(|e| e.to_string())?;
    let provider = file.table_provider(index as usize).map_err(|e| e.to_string())?;
    let bytes = allsorts::subset::subset(&provider, &ids, &allsorts::subset::SubsetProfile::Pdf, allsorts::subset::CmapTarget::Unicode).map_err(|e| e.to_string())?;
    let map = ids.iter().enumerate().map(|(new, &old)| (old, new as u16)).collect();
    Ok((unhinted(&bytes).unwrap_or(bytes), map))
}

/// A TrueType subset without its hinting: the `fpgm`, `prep` and `cvt ` tables and
/// every glyph's instructions (about a third of a Charis SIL subset). Hinting fits
/// outlines to a screen's pixel grid at small sizes; PDF viewers render embedded
/// TrueType with their own hinting or none (FreeType's default interpreter ignores
/// most of it), and print resolution needs none. `None` (keep the subset as it is)
/// for CFF fonts, which have no such tables, or if anything fails to parse.
fn unhinted(ttf: &[u8]) -> Option<Vec<u8>> {
    use allsorts::binary::read::ReadScope;
    use allsorts::binary::write::{WriteBinaryDep, WriteBuffer};
    use allsorts::font_data::FontData;
    use allsorts::tables::glyf::{GlyfRecord, GlyfTable, Glyph};
    use allsorts::tables::loca::{owned, LocaTable};
    use allsorts::tables::{FontTableProvider, HeadTable, MaxpTable};
    use allsorts::tag;
    let file = ReadScope::new(ttf).read::<FontData<'_>>().ok()?;
    let provider = file.table_provider(0).ok()?;
    if !provider.has_table(tag::GLYF) {
        return None;
    }
    let head = ReadScope::new(&provider.read_table_data(tag::HEAD).ok()?).read::<HeadTable>().ok()?;
    let maxp = ReadScope::new(&provider.read_table_data(tag::MAXP).ok()?).read::<MaxpTable>().ok()?;
    let loca_data = provider.read_table_data(tag::LOCA).ok()?;
    let loca = ReadScope::new(&loca_data).read_dep::<LocaTable<'_>>((maxp.num_glyphs, head.index_to_loc_format)).ok()?;
    let glyf_data = provider.read_table_data(tag::GLYF).ok()?;
    let mut glyf = ReadScope::new(&glyf_data).read_dep::<GlyfTable<'_>>(&loca).ok()?;
    for record in glyf.records_mut() {
        record.parse().ok()?;
        match record {
            GlyfRecord::Parsed(Glyph::Simple(g)) => g.instructions = Box::default(),
            GlyfRecord::Parsed(Glyph::Composite(g)) => g.instructions = Box::default(),
            _ => {}
        }
    }
    let mut glyf_buf = WriteBuffer::new();
    let new_loca = GlyfTable::write_dep(&mut glyf_buf, glyf, head.index_to_loc_format).ok()?;
    let mut loca_buf = WriteBuffer::new();
    owned::LocaTable::write_dep(&mut loca_buf, new_loca, head.index_to_loc_format).ok()?;
    let unhinted = Unhinted { inner: &provider, glyf: glyf_buf.into_inner(), loca: loca_buf.into_inner() };
    let all: Vec<u16> = (0..maxp.num_glyphs).collect();
    allsorts::subset::subset(&unhinted, &all, &allsorts::subset::SubsetProfile::Pdf, allsorts::subset::CmapTarget::Unicode).ok()
}

/// A font's tables with the hinting left out and `glyf`/`loca` replaced (see
/// [`unhinted`]).
struct Unhinted<'a, P> {
    inner: &'a P,
    glyf: Vec<u8>,
    loca: Vec<u8>,
}

impl<P: allsorts::tables::FontTableProvider> allsorts::tables::FontTableProvider for Unhinted<'_, P> {
    fn table_data(&self, t: u32) -> Result<Option<std::borrow::Cow<'_, [u8]>>, allsorts::error::ParseError> {
        use allsorts::tag;
        match t {
            tag::GLYF => Ok(Some(std::borrow::Cow::Borrowed(&self.glyf))),
            tag::LOCA => Ok(Some(std::borrow::Cow::Borrowed(&self.loca))),
            tag::FPGM | tag::PREP | tag::CVT => Ok(None),
            _ => self.inner.table_data(t),
        }
    }

    fn has_table(&self, t: u32) -> bool {
        use allsorts::tag;
        !matches!(t, tag::FPGM | tag::PREP | tag::CVT) && self.inner.has_table(t)
    }

    fn table_tags(&self) -> Option<Vec<u32>> {
        use allsorts::tag;
        self.inner.table_tags().map(|v| v.into_iter().filter(|t| !matches!(*t, tag::FPGM | tag::PREP | tag::CVT)).collect())
    }
}

/// A marked-content span whose `/ActualText` is `text` (PDF 32000-1 §14.9.4).
fn actual_text(text: &str) -> Op {
    let mut utf16 = vec![0xFE, 0xFF];
    utf16.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    let mut map = std::collections::BTreeMap::new();
    map.insert("ActualText".to_string(), DictItem::String { data: utf16, literal: false });
    Op::BeginMarkedContentWithProperties { tag: "Span".to_string(), properties: DictItem::Dict { map } }
}

fn color(c: Rgb) -> Color {
    Color::Rgb(printpdf::Rgb { r: c.0 as f32, g: c.1 as f32, b: c.2 as f32, icc_profile: None })
}

#[cfg(test)]
mod tests {
    #[test]
    fn pdf_dates() {
        assert_eq!(super::pdf_date(0), "D:19700101000000Z");
        assert_eq!(super::pdf_date(1_700_000_000), "D:20231114221320Z");
        assert_eq!(super::pdf_date(951_782_400), "D:20000229000000Z");
    }

    #[test]
    fn without_tables_drops_the_naming_table() {
        let data = crate::text::font(crate::text::FaceId::SERIF_REGULAR).data;
        let smaller = super::without_tables(data, &[b"name"]).unwrap();
        let face = ttf_parser::RawFace::parse(&smaller, 0).unwrap();
        assert!(face.table(ttf_parser::Tag::from_bytes(b"name")).is_none());
        assert!(face.table(ttf_parser::Tag::from_bytes(b"glyf")).is_some());
        assert!(ttf_parser::Face::parse(&smaller, 0).is_ok());
        assert!(smaller.len() < data.len());
    }
}

/// 64-bit FNV-1a, for the file identifier.
fn fnv1a(bytes: &[u8]) -> u64 {
    fnv1a_from(0xcbf2_9ce4_8422_2325, bytes)
}

fn fnv1a_from(h: u64, bytes: &[u8]) -> u64 {
    bytes.iter().fold(h, |h, &b| (h ^ b as u64).wrapping_mul(0x0100_0000_01b3))
}

/// A hash of everything drawn: glyphs and their positions, rules, links.
fn content_hash(doc: &Document) -> u64 {
    let mut h = fnv1a(&doc.width.to_bits().to_le_bytes());
    for page in &doc.pages {
        for e in &page.elements {
            match e {
                Element::Text(t) => {
                    for v in [t.x, t.baseline, t.size] {
                        h = fnv1a_from(h, &v.to_bits().to_le_bytes());
                    }
                    h = fnv1a_from(h, &[t.face.id.0 as u8, (t.face.id.0 >> 8) as u8, t.face.fake_bold as u8, t.face.fake_italic as u8]);
                    for g in &t.glyphs {
                        h = fnv1a_from(h, &g.gid.to_le_bytes());
                    }
                }
                Element::Rule(r) => h = fnv1a_from(h, &r.y.to_bits().to_le_bytes()),
                Element::Link(l) => h = fnv1a_from(h, l.uri.as_bytes()),
            }
        }
        h = fnv1a_from(h, b"page");
    }
    h
}

/// Tables a PDF viewer never reads from an embedded TrueType program (PDF 32000-1
/// §9.9 lists what it uses: head, hhea, loca, maxp, cvt, prep, glyf, hmtx, fpgm and,
/// for some fonts, cmap). The naming table alone is 16 KB in Charis SIL (it holds the
/// licence text), a third of a résumé's PDF.
const UNUSED_TABLES: [&[u8; 4]; 1] = [b"name"];

/// Rewrites every embedded font program (`/FontFile2` streams, recognised by their
/// `/Length1`) without [`UNUSED_TABLES`]. Done after printpdf, which names the font
/// (`/BaseFont`) from the naming table. The table directory is read with ttf-parser;
/// a program it cannot read is left as it is.
fn strip_font_programs(doc: &mut lopdf::Document) {
    for obj in doc.objects.values_mut() {
        let lopdf::Object::Stream(stream) = obj else { continue };
        if stream.dict.get(b"Length1").is_err() {
            continue;
        }
        let Ok(data) = stream.decompressed_content().or_else(|_| Ok::<_, ()>(stream.content.clone())) else { continue };
        if let Some(smaller) = without_tables(&data, &UNUSED_TABLES) {
            stream.dict.set("Length1", lopdf::Object::Integer(smaller.len() as i64));
            stream.set_plain_content(smaller);
        }
    }
}

/// Compresses every stream that has no filter yet with Deflate (`/FlateDecode`,
/// PDF 32000-1 §7.4.4) at zlib's default level 6, where a stream gets smaller. lopdf's
/// own `compress` uses level 9, which costs twice the time for 0.4 % less on a résumé.
fn compress(doc: &mut lopdf::Document) {
    use std::io::Write as _;
    for obj in doc.objects.values_mut() {
        let lopdf::Object::Stream(stream) = obj else { continue };
        if stream.dict.get(b"Filter").is_ok() || !stream.allows_compression {
            continue;
        }
        let mut enc = flate2::write::ZlibEncoder::new(Vec::with_capacity(stream.content.len() / 3), flate2::Compression::default());
        let Ok(packed) = enc.write_all(&stream.content).and_then(|_| enc.finish()) else { continue };
        if packed.len() + 19 < stream.content.len() {
            stream.dict.set("Filter", "FlateDecode");
            stream.set_content(packed);
        }
    }
}

/// An sfnt (TrueType) font file without the tables tagged `drop`, with its table
/// directory rebuilt (tables 4-byte aligned, OpenType spec "Table Directory").
/// `None` when the data is not a font ttf-parser can read or nothing is dropped.
pub fn without_tables(data: &[u8], drop: &[&[u8; 4]]) -> Option<Vec<u8>> {
    let raw = ttf_parser::RawFace::parse(data, 0).ok()?;
    let keep: Vec<_> = raw.table_records.into_iter().filter(|r| !drop.iter().any(|d| r.tag.to_bytes() == **d)).collect();
    if keep.len() == raw.table_records.len() as usize {
        return None;
    }
    let n = keep.len() as u16;
    let entry_selector = 15 - n.max(1).leading_zeros() as u16;
    let search_range = (1u16 << entry_selector) * 16;
    let mut out = Vec::with_capacity(data.len());
    out.extend_from_slice(&data[0..4]);
    for v in [n, search_range, entry_selector, n * 16 - search_range] {
        out.extend_from_slice(&v.to_be_bytes());
    }
    let mut offset = 12 + 16 * keep.len();
    let mut body = Vec::new();
    for r in &keep {
        let table = data.get(r.offset as usize..(r.offset as usize).checked_add(r.length as usize)?)?;
        out.extend_from_slice(&r.tag.to_bytes());
        out.extend_from_slice(&r.check_sum.to_be_bytes());
        out.extend_from_slice(&(offset as u32).to_be_bytes());
        out.extend_from_slice(&r.length.to_be_bytes());
        body.extend_from_slice(table);
        while body.len() % 4 != 0 {
            body.push(0);
        }
        offset = 12 + 16 * keep.len() + body.len();
    }
    out.extend_from_slice(&body);
    Some(out)
}

/// Writes the document as PDF bytes.
///
/// # Errors
/// A bundled font that printpdf cannot parse, or a failure to serialise (both would
/// be bugs in vitae; the message says which).
pub fn export(doc: &Document, meta: &PdfMeta) -> Result<Vec<u8>, String> {
    export_dated(doc, meta, None)
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
    format!("D:{y:04}{m:02}{d:02}{:02}{:02}{:02}Z", secs / 3600, secs / 60 % 60, secs % 60)
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

    // Each face is subset to the glyphs the document uses before printpdf sees it:
    // printpdf copies a font's whole file (and a CJK collection is 20–30 MB) before
    // subsetting it again; this way it copies a few kilobytes. Glyph ids are renumbered
    // (`remap`).
    let mut used: BTreeMap<FaceId, BTreeSet<u16>> = BTreeMap::new();
    for r in doc.pages.iter().flat_map(|p| p.runs()) {
        used.entry(r.face.id).or_default().extend(r.glyphs.iter().map(|g| g.gid));
    }
    let mut remap: BTreeMap<FaceId, BTreeMap<u16, u16>> = BTreeMap::new();
    for (&f, gids) in &used {
        let (bytes, map) = subset(font(f).data, font(f).index, gids).map_err(|e| format!("the font {} cannot be embedded ({e})", f.name()))?;
        let mut warnings = Vec::new();
        let parsed = ParsedFont::from_bytes(&bytes, 0, &mut warnings).ok_or_else(|| format!("the font {} cannot be embedded (printpdf cannot read its subset)", f.name()))?;
        pdf.resources.fonts.map.insert(font_id(f), printpdf::PdfFont::new(parsed));
        remap.insert(f, map);
    }

    let h = doc.height;
    let mut pages = Vec::with_capacity(doc.pages.len());
    for page in &doc.pages {
        let mut ops = Vec::new();
        // Rules first: path operators are not allowed inside a text object.
        for e in &page.elements {
            if let Element::Rule(r) = e {
                ops.push(Op::SetOutlineColor { col: color(r.color) });
                ops.push(Op::SetOutlineThickness { pt: Pt(r.thickness as f32) });
                let y = (h - r.y) as f32;
                let p = |x: f64| LinePoint { p: Point { x: Pt(x as f32), y: Pt(y) }, bezier: false };
                ops.push(Op::DrawLine { line: printpdf::Line { points: vec![p(r.x0), p(r.x1)], is_closed: false } });
            }
        }
        ops.push(Op::StartTextSection);
        let mut cur_font: Option<(FaceId, f64)> = None;
        let mut cur_color: Option<Rgb> = None;
        // Synthesised bold: fill then stroke (mode 2, §9.3.6) with a line of
        // FAKE_BOLD_STROKE em in the fill colour; the stroke state is set per run.
        let mut stroking = false;
        for run in page.runs() {
            if cur_font != Some((run.face.id, run.size)) {
                ops.push(Op::SetFont { font: PdfFontHandle::External(font_id(run.face.id)), size: Pt(run.size as f32) });
                cur_font = Some((run.face.id, run.size));
            }
            if cur_color != Some(run.color) {
                ops.push(Op::SetFillColor { col: color(run.color) });
                cur_color = Some(run.color);
            }
            let Styled { fake_bold, fake_italic, .. } = run.face;
            if fake_bold {
                ops.push(Op::SetOutlineColor { col: color(run.color) });
                ops.push(Op::SetOutlineThickness { pt: Pt((FAKE_BOLD_STROKE * run.size) as f32) });
                ops.push(Op::SetTextRenderingMode { mode: TextRenderingMode::FillStroke });
                stroking = true;
            } else if stroking {
                ops.push(Op::SetTextRenderingMode { mode: TextRenderingMode::Fill });
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
            let y = (h - run.baseline) as f32;
            // A run is one text matrix and one `TJ` (§9.4.3): each glyph is followed by
            // the number that turns the advance the viewer takes from the font's /W
            // widths (thousandths of an em, truncated as printpdf writes them) into the
            // advance shaping gave it. A glyph placed off its pen position (a mark) gets
            // a text matrix of its own.
            let f = font(run.face.id);
            let width_1000 = |gid: u16| (f.advance_units(gid) as f32 * 1000.0 / f.units_per_em as f32) as i64;
            let matrix = |x: f64| {
                let x = x as f32;
                // Synthesised italic: a shear in the text matrix (§9.4.2), [1 0 s 1 x y].
                if fake_italic { TextMatrix::Raw([1.0, 0.0, FAKE_ITALIC_SHEAR as f32, 1.0, x, y]) } else { TextMatrix::Translate(Pt(x), Pt(y)) }
            };
            let map = remap.get(&run.face.id);
            let mut x = run.x;
            let mut group: Vec<Codepoint> = Vec::with_capacity(run.glyphs.len());
            let flush = |group: &mut Vec<Codepoint>, ops: &mut Vec<Op>| {
                if !group.is_empty() {
                    ops.push(Op::ShowText { items: vec![TextItem::GlyphIds(std::mem::take(group))] });
                }
            };
            ops.push(Op::SetTextMatrix { matrix: matrix(x) });
            for g in &run.glyphs {
                let gid = map.and_then(|m| m.get(&g.gid)).copied().unwrap_or(0);
                let cid = g.text.as_deref().map(str::to_string);
                if g.x_offset != 0.0 {
                    flush(&mut group, &mut ops);
                    ops.push(Op::SetTextMatrix { matrix: matrix(x + g.x_offset) });
                    ops.push(Op::ShowText { items: vec![TextItem::GlyphIds(vec![Codepoint { gid, offset: 0.0, cid }])] });
                    x += g.advance;
                    ops.push(Op::SetTextMatrix { matrix: matrix(x) });
                    continue;
                }
                let offset = (width_1000(g.gid) as f64 - g.advance * 1000.0 / run.size) as f32;
                group.push(Codepoint { gid, offset, cid });
                x += g.advance;
            }
            flush(&mut group, &mut ops);
            if run.replacement.is_some() {
                ops.push(Op::EndMarkedContent);
            }
            if run.actual_text_end {
                ops.push(Op::EndMarkedContent);
            }
        }
        ops.push(Op::EndTextSection);
        for e in &page.elements {
            if let Element::Link(l) = e {
                let rect = printpdf::Rect {
                    x: Pt(l.rect.x as f32),
                    y: Pt((h - l.rect.bottom()) as f32),
                    width: Pt(l.rect.width as f32),
                    height: Pt(l.rect.height as f32),
                    mode: None,
                    winding_order: None,
                };
                let link = LinkAnnotation::new(rect, Actions::Uri(l.uri.clone()), Some(BorderArray::Solid([0.0, 0.0, 0.0])), None, None);
                ops.push(Op::LinkAnnotation { link });
            }
        }
        pages.push(PdfPage::new(Mm::from(Pt(doc.width as f32)), Mm::from(Pt(doc.height as f32)), ops));
    }
    pdf.with_pages(pages);

    let opts = PdfSaveOptions { optimize: true, subset_fonts: true, secure: true, image_optimization: None };
    let mut warnings = Vec::new();
    let mut lo = pdf.to_lopdf_document(&opts, &mut warnings);
    // A file identifier from the content (PDF 32000-1 §14.4), not from a random source.
    let id = format!("{:016x}{:016x}", content_hash(doc), fnv1a(format!("{meta:?}{date:?}").as_bytes()));
    let id_obj = lopdf::Object::String(id.into_bytes(), lopdf::StringFormat::Hexadecimal);
    lo.trailer.set("ID", lopdf::Object::Array(vec![id_obj.clone(), id_obj]));
    // Dates: SOURCE_DATE_EPOCH's, or none (printpdf writes the epoch otherwise).
    if let Ok(info) = lo.trailer.get(b"Info").and_then(lopdf::Object::as_reference) {
        if let Ok(lopdf::Object::Dictionary(dict)) = lo.get_object_mut(info) {
            for key in [&b"CreationDate"[..], b"ModDate", b"Trapped", b"GTS_PDFXVersion", b"Identifier"] {
                dict.remove(key);
            }
            if let Some(t) = date {
                let d = lopdf::Object::String(pdf_date(t).into_bytes(), lopdf::StringFormat::Literal);
                dict.set("CreationDate", d.clone());
                dict.set("ModDate", d);
            }
        }
    }
    strip_font_programs(&mut lo);
    compress(&mut lo);
    let mut out = Vec::new();
    lo.save_to(&mut out).map_err(|e| format!("internal error: cannot write the PDF ({e})"))?;
    Ok(out)
}
