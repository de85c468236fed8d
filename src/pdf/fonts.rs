//! The fonts of a PDF: each face the document uses, subset to its glyphs (allsorts),
//! without hinting, registered with printpdf under a fixed resource name; and, after
//! printpdf has written them, the embedded programs without their naming table.
//!
//! Fonts are embedded as Type 0 / CIDFontType2 fonts (PDF 32000-1 §9.7) whose
//! `/FontFile2` programs (§9.9) are these subsets; the subset tag (§9.9.2) is derived
//! from the face, so the output does not change between runs.

use crate::layout::Document;
use crate::text::tables::without_tables;
use crate::text::{FaceId, font};
use printpdf::{FontId, ParsedFont, PdfDocument};
use std::collections::{BTreeMap, BTreeSet};

/// Per face, the map from a glyph id in the face to its id in the embedded subset.
pub(super) type Remap = BTreeMap<FaceId, BTreeMap<u16, u16>>;

/// The resource id of a face: its first six letters are the subset tag (§9.9.2),
/// fixed per face so that output is deterministic.
pub(super) fn font_id(f: FaceId) -> FontId {
    let n = f.0 as u32;
    let letter = |k: u32| (b'A' + (n / 26u32.pow(k) % 26) as u8) as char;
    FontId(format!("VIT{}{}{}", letter(2), letter(1), letter(0)))
}

/// Subsets every face `doc` uses to the glyphs it uses, adds each subset to `pdf`'s
/// font resources under [`font_id`], and returns the glyph renumbering.
///
/// Each face is subset before printpdf sees it: printpdf copies a font's whole file
/// (and a CJK collection is 20–30 MB) before subsetting it again; this way it copies
/// a few kilobytes.
///
/// # Errors
/// A face allsorts cannot subset, or whose subset printpdf cannot read; the message
/// names the font.
pub(super) fn embed(pdf: &mut PdfDocument, doc: &Document) -> Result<Remap, String> {
    let mut used: BTreeMap<FaceId, BTreeSet<u16>> = BTreeMap::new();
    for r in doc.pages.iter().flat_map(|p| p.runs()) {
        used.entry(r.face.id)
            .or_default()
            .extend(r.glyphs.iter().map(|g| g.gid));
    }
    let mut remap: Remap = BTreeMap::new();
    for (&f, gids) in &used {
        let prepared = prepared(f, gids)?;
        // Already subset: printpdf embeds it as it is (`Full`) instead of parsing it,
        // subsetting it and parsing the result again; [`tag_subset_names`] then gives
        // it the subset tag printpdf writes only for the fonts it subsets itself.
        let meta = printpdf::PrintpdfFontMeta {
            embedding_mode: printpdf::FontEmbeddingMode::Full,
            requires_subsetting: false,
            ..Default::default()
        };
        pdf.resources
            .fonts
            .map
            .insert(font_id(f), printpdf::PdfFont::with_meta(prepared.parsed.clone(), meta));
        remap.insert(f, prepared.map.clone());
    }
    Ok(remap)
}

/// A face subset to a set of glyphs, parsed for printpdf, and the glyph renumbering.
struct Prepared {
    /// The subset as printpdf reads it (its decoded glyphs are kept with it).
    parsed: ParsedFont,
    /// Glyph id in the face → glyph id in the subset.
    map: BTreeMap<u16, u16>,
}

/// How many prepared subsets the process keeps ([`prepared`]).
const KEPT_SUBSETS: usize = 16;

/// The subsets prepared last, most recent last: a rebuild under `--watch` (or the
/// same résumé in several formats or copies) that uses the same glyphs of a face
/// reuses the subset instead of making and parsing it again.
static SUBSETS: std::sync::Mutex<Vec<(FaceId, Vec<u16>, std::sync::Arc<Prepared>)>> = std::sync::Mutex::new(Vec::new());

/// Face `f` subset to `gids` and parsed by printpdf, from [`SUBSETS`] or made now.
///
/// # Errors
/// As [`embed`].
fn prepared(f: FaceId, gids: &BTreeSet<u16>) -> Result<std::sync::Arc<Prepared>, String> {
    let key: Vec<u16> = gids.iter().copied().collect();
    let found = SUBSETS.lock().ok().and_then(|kept| {
        kept.iter()
            .find(|(g, k, _)| *g == f && *k == key)
            .map(|(_, _, p)| p.clone())
    });
    if let Some(p) = found {
        return Ok(p);
    }
    let (bytes, map) = subset(font(f).data, font(f).index, gids)
        .map_err(|e| format!("the font {} cannot be embedded ({e})", f.name()))?;
    let mut warnings = Vec::new();
    let parsed = ParsedFont::from_bytes(&bytes, 0, &mut warnings).ok_or_else(|| {
        format!(
            "the font {} cannot be embedded (printpdf cannot read its subset)",
            f.name()
        )
    })?;
    let p = std::sync::Arc::new(Prepared { parsed, map });
    if let Ok(mut kept) = SUBSETS.lock() {
        if kept.len() == KEPT_SUBSETS {
            kept.remove(0);
        }
        kept.push((f, key, p.clone()));
    }
    Ok(p)
}

/// Face `index` of `data` subset to `gids` (with .notdef first), as a standalone font
/// (allsorts' PDF profile: TrueType or CFF outlines as the face has them), and the map
/// from old glyph ids to new ones: a glyph's new id is its position in the sorted list.
fn subset(data: &[u8], index: u32, gids: &BTreeSet<u16>) -> Result<(Vec<u8>, BTreeMap<u16, u16>), String> {
    use allsorts::binary::read::ReadScope;
    use allsorts::font_data::FontData;
    let ids: Vec<u16> = std::iter::once(0)
        .chain(gids.iter().copied().filter(|&g| g != 0))
        .collect();
    let file = ReadScope::new(data).read::<FontData<'_>>().map_err(|e| e.to_string())?;
    let provider = file.table_provider(index as usize).map_err(|e| e.to_string())?;
    let bytes = allsorts::subset::subset(
        &provider,
        &ids,
        &allsorts::subset::SubsetProfile::Pdf,
        allsorts::subset::CmapTarget::Unicode,
    )
    .map_err(|e| e.to_string())?;
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
    use allsorts::tables::loca::{LocaTable, owned};
    use allsorts::tables::{FontTableProvider, HeadTable, MaxpTable};
    use allsorts::tag;
    let file = ReadScope::new(ttf).read::<FontData<'_>>().ok()?;
    let provider = file.table_provider(0).ok()?;
    if !provider.has_table(tag::GLYF) {
        return None;
    }
    let head = ReadScope::new(&provider.read_table_data(tag::HEAD).ok()?)
        .read::<HeadTable>()
        .ok()?;
    let maxp = ReadScope::new(&provider.read_table_data(tag::MAXP).ok()?)
        .read::<MaxpTable>()
        .ok()?;
    let loca_data = provider.read_table_data(tag::LOCA).ok()?;
    let loca = ReadScope::new(&loca_data)
        .read_dep::<LocaTable<'_>>((maxp.num_glyphs, head.index_to_loc_format))
        .ok()?;
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
    let unhinted = Unhinted {
        inner: &provider,
        glyf: glyf_buf.into_inner(),
        loca: loca_buf.into_inner(),
    };
    let all: Vec<u16> = (0..maxp.num_glyphs).collect();
    allsorts::subset::subset(
        &unhinted,
        &all,
        &allsorts::subset::SubsetProfile::Pdf,
        allsorts::subset::CmapTarget::Unicode,
    )
    .ok()
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
        self.inner.table_tags().map(|v| {
            v.into_iter()
                .filter(|t| !matches!(*t, tag::FPGM | tag::PREP | tag::CVT))
                .collect()
        })
    }
}

/// The first page's font resources: each font's tag (the first six letters of its
/// resource name, [`font_id`]) and its object. `None` when the document has no page
/// or no fonts.
fn font_resources(doc: &lopdf::Document) -> Option<Vec<(Vec<u8>, lopdf::ObjectId)>> {
    let page = *doc.get_pages().values().next()?;
    let resources = doc
        .get_dictionary(page)
        .ok()?
        .get(b"Resources")
        .ok()?
        .as_reference()
        .ok()?;
    let fonts = doc
        .get_dictionary(resources)
        .ok()?
        .get(b"Font")
        .ok()?
        .as_reference()
        .ok()?;
    let fonts = doc.get_dictionary(fonts).ok()?;
    Some(
        fonts
            .iter()
            .filter_map(|(k, v)| Some((k.get(..6)?.to_vec(), v.as_reference().ok()?)))
            .collect(),
    )
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
pub(super) fn strip_font_programs(doc: &mut lopdf::Document) {
    for obj in doc.objects.values_mut() {
        let lopdf::Object::Stream(stream) = obj else { continue };
        if stream.dict.get(b"Length1").is_err() {
            continue;
        }
        let Ok(data) = stream
            .decompressed_content()
            .or_else(|_| Ok::<_, ()>(stream.content.clone()))
        else {
            continue;
        };
        if let Some(smaller) = without_tables(&data, &UNUSED_TABLES) {
            stream.dict.set("Length1", lopdf::Object::Integer(smaller.len() as i64));
            stream.set_plain_content(smaller);
        }
    }
}

/// Prefixes the names of every embedded font (the Type 0 font's and its descendant's
/// `/BaseFont`, the descriptor's `/FontName`) with the subset tag, `VITxxx+`
/// (PDF 32000-1 §9.9.2; the tag is the font's resource name, [`font_id`]): the fonts
/// are subsets, made by [`embed`], but printpdf, which embedded them whole, does not
/// know it. The fonts are found through the first page's `/Resources`, which every
/// page shares.
pub(super) fn tag_subset_names(doc: &mut lopdf::Document) {
    use lopdf::Object;
    let fonts = font_resources(doc).unwrap_or_default();
    let tagged = |tag: &[u8], name: &[u8]| Object::Name([tag, b"+", name].concat());
    for (tag, id) in fonts {
        let Ok(Object::Dictionary(font)) = doc.get_object_mut(id) else {
            continue;
        };
        let Ok(name) = font.get(b"BaseFont").and_then(Object::as_name).map(<[u8]>::to_vec) else {
            continue;
        };
        font.set("BaseFont", tagged(&tag, &name));
        let mut descriptor = None;
        if let Ok(Object::Array(descendants)) = font.get_mut(b"DescendantFonts")
            && let Some(Object::Dictionary(cid)) = descendants.first_mut()
        {
            cid.set("BaseFont", tagged(&tag, &name));
            descriptor = cid.get(b"FontDescriptor").and_then(Object::as_reference).ok();
        }
        if let Some(d) = descriptor
            && let Ok(Object::Dictionary(d)) = doc.get_object_mut(d)
        {
            d.set("FontName", tagged(&tag, &name));
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn embedded_fonts_carry_the_subset_tag_and_a_rebuild_reuses_the_subsets() {
        let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/resume.yaml")).unwrap();
        let first = crate::compile(&text, &crate::Options::default()).unwrap().pdf;
        let kept = super::SUBSETS.lock().unwrap().len();
        let again = crate::compile(&text, &crate::Options::default()).unwrap().pdf;
        // The same bytes, and no new subset made for the second build.
        assert!(first == again);
        assert_eq!(super::SUBSETS.lock().unwrap().len(), kept);
        let doc = lopdf::Document::load_mem(&first).unwrap();
        let mut names = Vec::new();
        for obj in doc.objects.values() {
            let Ok(d) = obj.as_dict() else { continue };
            // The descendant font is written inside the Type 0 font's dictionary.
            let descendant = d
                .get(b"DescendantFonts")
                .and_then(lopdf::Object::as_array)
                .ok()
                .and_then(|a| a.first()?.as_dict().ok());
            for d in std::iter::once(d).chain(descendant) {
                for key in [&b"BaseFont"[..], b"FontName"] {
                    if let Ok(n) = d.get(key).and_then(lopdf::Object::as_name) {
                        names.push(String::from_utf8_lossy(n).into_owned());
                    }
                }
            }
        }
        // Three faces (regular, bold, italic): the Type 0 font's and its descendant's
        // /BaseFont and the descriptor's /FontName, each `VITxxx+` and the face's name.
        assert_eq!(names.len(), 9, "{names:?}");
        for n in &names {
            let (tag, name) = n.split_once('+').unwrap();
            assert!(tag.len() == 6 && tag.starts_with("VIT"), "{n}");
            assert!(name.starts_with("CharisSIL"), "{n}");
        }
    }

    #[test]
    fn subset_tags_are_six_capitals_fixed_per_face() {
        let a = super::font_id(crate::text::FaceId::SERIF_REGULAR).0;
        assert_eq!(a.len(), 6);
        assert!(a.starts_with("VIT") && a.bytes().all(|b| b.is_ascii_uppercase()));
        assert_eq!(a, super::font_id(crate::text::FaceId::SERIF_REGULAR).0);
        assert_ne!(a, super::font_id(crate::text::FaceId::FALLBACK_REGULAR).0);
    }
}
