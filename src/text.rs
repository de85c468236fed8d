//! Fonts, coverage and shaping.
//!
//! The bundled faces are compiled into the binary (`fonts/`): Charis SIL in four
//! styles is the text face; DejaVu Sans (regular, bold) is the fallback for symbols
//! Charis lacks (arrows, `◇`, `≈`, …). Text is shaped with `rustybuzz` (kerning and
//! the font's standard ligatures on; each glyph keeps the source text of its cluster,
//! so a ligature maps back to its letters in the PDF's ToUnicode). Coverage is read
//! with `ttf-parser` per grapheme cluster (`unicode-segmentation`): a cluster is set in
//! the first face that has every one of its characters, and is never split across
//! faces. Advances are in font units until [`Glyph::advance`] scales them to points.

use crate::geom::Pt;
use rustybuzz::{Direction, Face, Script, ShapePlan, UnicodeBuffer};
use std::sync::{Arc, Mutex, OnceLock};
use unicode_segmentation::UnicodeSegmentation;

/// One of the bundled faces.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FaceId {
    /// Charis SIL Regular, the body text face.
    SerifRegular = 0,
    /// Charis SIL Bold.
    SerifBold = 1,
    /// Charis SIL Italic.
    SerifItalic = 2,
    /// Charis SIL Bold Italic.
    SerifBoldItalic = 3,
    /// DejaVu Sans, the fallback for symbols Charis lacks.
    SansRegular = 4,
    /// DejaVu Sans Bold, the fallback for bold and bold italic text.
    SansBold = 5,
}

impl FaceId {
    /// Every bundled face, in index order.
    pub const ALL: [FaceId; 6] = [
        FaceId::SerifRegular,
        FaceId::SerifBold,
        FaceId::SerifItalic,
        FaceId::SerifBoldItalic,
        FaceId::SansRegular,
        FaceId::SansBold,
    ];

    /// The text face for a style.
    pub fn serif(bold: bool, italic: bool) -> FaceId {
        match (bold, italic) {
            (false, false) => FaceId::SerifRegular,
            (true, false) => FaceId::SerifBold,
            (false, true) => FaceId::SerifItalic,
            (true, true) => FaceId::SerifBoldItalic,
        }
    }

    /// The fallback face of the same weight (DejaVu Sans has no italic in the bundle).
    pub fn fallback(self) -> FaceId {
        match self {
            FaceId::SerifBold | FaceId::SerifBoldItalic | FaceId::SansBold => FaceId::SansBold,
            _ => FaceId::SansRegular,
        }
    }

    /// The face's file name in `fonts/`, which is also its PostScript-like name.
    pub fn file_name(self) -> &'static str {
        FONT_FILES[self as usize].0
    }
}

static FONT_FILES: [(&str, &[u8]); 6] = [
    ("CharisSIL-Regular", include_bytes!("../fonts/CharisSIL-Regular.ttf")),
    ("CharisSIL-Bold", include_bytes!("../fonts/CharisSIL-Bold.ttf")),
    ("CharisSIL-Italic", include_bytes!("../fonts/CharisSIL-Italic.ttf")),
    ("CharisSIL-BoldItalic", include_bytes!("../fonts/CharisSIL-BoldItalic.ttf")),
    ("DejaVuSans", include_bytes!("../fonts/DejaVuSans.ttf")),
    ("DejaVuSans-Bold", include_bytes!("../fonts/DejaVuSans-Bold.ttf")),
];

/// A parsed face.
pub struct Font {
    /// The font file's bytes (embedded, subset, by the PDF stage).
    pub data: &'static [u8],
    face: Face<'static>,
    /// Font units per em (2048 for Charis SIL and DejaVu Sans).
    pub units_per_em: f64,
}

impl Font {
    /// Ascender (above the baseline) as a fraction of the em, from `hhea`.
    pub fn ascender(&self) -> f64 {
        self.face.ascender() as f64 / self.units_per_em
    }

    /// Descender as a positive fraction of the em, from `hhea`.
    pub fn descender(&self) -> f64 {
        -(self.face.descender() as f64) / self.units_per_em
    }

    /// Whether the face maps `c` to a glyph.
    pub fn covers(&self, c: char) -> bool {
        self.face.glyph_index(c).is_some()
    }

    /// The glyph for `c` (or .notdef, 0).
    pub fn glyph(&self, c: char) -> u16 {
        self.face.glyph_index(c).map_or(0, |g| g.0)
    }

    /// The ink of glyph `gid` above and below the baseline, as fractions of the em
    /// (`y_max`, `y_min` of its bounding box; y up, so a descender's `y_min` is
    /// negative). (0, 0) for a glyph without outline.
    pub fn ink(&self, gid: u16) -> (f64, f64) {
        self.face
            .glyph_bounding_box(ttf_parser::GlyphId(gid))
            .map_or((0.0, 0.0), |b| (b.y_max as f64 / self.units_per_em, b.y_min as f64 / self.units_per_em))
    }

    /// Horizontal advance of glyph `gid` in font units.
    pub fn advance_units(&self, gid: u16) -> f64 {
        self.face.glyph_hor_advance(ttf_parser::GlyphId(gid)).unwrap_or(0) as f64
    }
}

/// The bundled faces, parsed once per process.
pub fn fonts() -> &'static [Font] {
    static FONTS: OnceLock<Vec<Font>> = OnceLock::new();
    FONTS.get_or_init(|| {
        FONT_FILES
            .iter()
            .map(|(name, data)| {
                let face = Face::from_slice(data, 0).unwrap_or_else(|| panic!("bundled font {name} does not parse"));
                let units_per_em = face.units_per_em() as f64;
                Font { data, face, units_per_em }
            })
            .collect()
    })
}

/// The font families vitae can use, one line each: name, role and faces.
pub fn families() -> Vec<String> {
    vec![
        "Charis SIL 6.101 (bundled; `font: serif`, the default): regular, bold, italic, bold italic".to_string(),
        "DejaVu Sans 2.37 (bundled; fallback for symbols and letters Charis lacks): regular, bold".to_string(),
    ]
}

/// The parsed face for an id.
pub fn font(id: FaceId) -> &'static Font {
    &fonts()[id as usize]
}

/// A shaped glyph.
#[derive(Clone, Debug, PartialEq)]
pub struct Glyph {
    /// Glyph id in its face.
    pub gid: u16,
    /// Horizontal advance in pt at the size shaped for (kerning included).
    pub advance: Pt,
    /// Horizontal offset from the pen position in pt (mark positioning).
    pub x_offset: Pt,
    /// The source text this glyph stands for (its whole cluster, e.g. "fi" for a
    /// ligature); `None` for the second and later glyphs of a cluster.
    pub text: Option<String>,
}

/// A run of glyphs in one face.
#[derive(Clone, Debug, PartialEq)]
pub struct Shaped {
    /// The face the glyphs were shaped in.
    pub face: FaceId,
    /// Glyphs in order, advances in pt.
    pub glyphs: Vec<Glyph>,
}

impl Shaped {
    /// Sum of advances in pt.
    pub fn width(&self) -> Pt {
        self.glyphs.iter().map(|g| g.advance).sum()
    }
}

/// Characters that need no glyph of their own (joiners, variation selectors, marks
/// of direction): they never decide a cluster's face.
fn is_ignorable(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FE00}'..='\u{FE0F}' | '\u{202A}'..='\u{202E}' | '\u{00AD}')
}

/// The face that covers every character of a grapheme cluster: `primary`, else its
/// fallback; `None` when neither does.
pub fn face_for(cluster: &str, primary: FaceId) -> Option<FaceId> {
    [primary, primary.fallback()]
        .into_iter()
        .find(|&f| cluster.chars().filter(|c| !is_ignorable(*c) && !c.is_whitespace()).all(|c| font(f).covers(c)))
}

/// Whether `face` covers every grapheme cluster of `text`.
fn covers_all(text: &str, face: FaceId) -> bool {
    text.graphemes(true).all(|g| face_for(g, face) == Some(face))
}

/// Shapes `text` (a word or a piece of one) at `size` pt in `primary`.
///
/// A word is set in one face whenever one can: `primary` if it covers every cluster,
/// else the fallback if that does (so a Greek word Charis covers only in part is set
/// wholly in DejaVu Sans rather than letter by letter in two faces); otherwise the
/// face is chosen per grapheme cluster. Returns the runs (one per change of face) and
/// every character no bundled face covers (set in `primary` as .notdef, so they stay
/// visible as a box).
pub fn shape(text: &str, primary: FaceId, size: Pt) -> (Vec<Shaped>, Vec<char>) {
    for face in [primary, primary.fallback()] {
        if covers_all(text, face) {
            return (vec![shape_one(text, face, size)], Vec::new());
        }
    }
    let mut runs = Vec::new();
    let mut missing = Vec::new();
    let mut seg_start = 0;
    let mut seg_face: Option<FaceId> = None;
    for (i, g) in text.grapheme_indices(true) {
        let f = face_for(g, primary).unwrap_or_else(|| {
            missing.extend(g.chars().filter(|c| !is_ignorable(*c) && !font(primary).covers(*c)));
            primary
        });
        if seg_face.is_some_and(|sf| sf != f) {
            runs.push(shape_one(&text[seg_start..i], seg_face.unwrap_or(primary), size));
            seg_start = i;
        }
        seg_face = Some(f);
    }
    if seg_start < text.len() {
        runs.push(shape_one(&text[seg_start..], seg_face.unwrap_or(primary), size));
    }
    (runs, missing)
}

/// The shaping plan for a face, script and direction, compiled once per process
/// (compiling one walks the font's GSUB/GPOS feature lists: most of the cost of
/// shaping a short word).
fn plan(face_id: FaceId, script: Script, direction: Direction) -> Arc<ShapePlan> {
    type Plans = Vec<(FaceId, Script, Direction, Arc<ShapePlan>)>;
    static PLANS: OnceLock<Mutex<Plans>> = OnceLock::new();
    let plans = PLANS.get_or_init(|| Mutex::new(Vec::new()));
    let mut plans = plans.lock().unwrap_or_else(|e| e.into_inner());
    if let Some((.., p)) = plans.iter().find(|(f, s, d, _)| *f == face_id && *s == script && *d == direction) {
        return p.clone();
    }
    let p = Arc::new(ShapePlan::new(&font(face_id).face, direction, Some(script), None, &[]));
    plans.push((face_id, script, direction, p.clone()));
    p
}

/// Shapes text in one face with rustybuzz (default features: kerning, standard
/// ligatures), at `size` pt. Results are cached per face and text in font units
/// ([`shape_units`]), so laying a resume out again at another size (`fit_pages`)
/// only rescales them.
fn shape_one(text: &str, face_id: FaceId, size: Pt) -> Shaped {
    let scale = size / font(face_id).units_per_em;
    let glyphs = shape_units(text, face_id)
        .iter()
        .map(|g| Glyph { gid: g.gid, advance: g.advance * scale, x_offset: g.x_offset * scale, text: g.text.clone() })
        .collect();
    Shaped { face: face_id, glyphs }
}

/// The most shaped strings kept in the cache; past it the cache starts again (a
/// resume has a few thousand distinct words).
const SHAPE_CACHE_LIMIT: usize = 100_000;

/// The glyphs of `text` in `face_id`, advances and offsets in font units.
fn shape_units(text: &str, face_id: FaceId) -> Arc<Vec<Glyph>> {
    type Cache = std::collections::HashMap<(FaceId, String), Arc<Vec<Glyph>>>;
    static CACHE: OnceLock<Mutex<Cache>> = OnceLock::new();
    let cache = CACHE.get_or_init(|| Mutex::new(Cache::new()));
    if let Some(g) = cache.lock().unwrap_or_else(|e| e.into_inner()).get(&(face_id, text.to_string())) {
        return g.clone();
    }
    let f = font(face_id);
    let mut buf = UnicodeBuffer::new();
    buf.push_str(text);
    buf.guess_segment_properties();
    let plan = plan(face_id, buf.script(), buf.direction());
    let out = rustybuzz::shape_with_plan(&f.face, &plan, buf);
    let infos = out.glyph_infos();
    let positions = out.glyph_positions();
    let mut glyphs = Vec::with_capacity(infos.len());
    for (k, (info, pos)) in infos.iter().zip(positions).enumerate() {
        let cluster = info.cluster as usize;
        let first_of_cluster = k == 0 || infos[k - 1].cluster != info.cluster;
        let text_of = first_of_cluster.then(|| {
            let end = infos[k + 1..].iter().map(|i| i.cluster as usize).find(|&c| c > cluster).unwrap_or(text.len());
            text[cluster..end.max(cluster)].to_string()
        });
        glyphs.push(Glyph { gid: info.glyph_id as u16, advance: pos.x_advance as f64, x_offset: pos.x_offset as f64, text: text_of });
    }
    let glyphs = Arc::new(glyphs);
    let mut c = cache.lock().unwrap_or_else(|e| e.into_inner());
    if c.len() >= SHAPE_CACHE_LIMIT {
        c.clear();
    }
    c.insert((face_id, text.to_string()), glyphs.clone());
    glyphs
}

/// Width in pt of `text` shaped at `size` in `face` (with fallback).
pub fn width(text: &str, face: FaceId, size: Pt) -> Pt {
    shape(text, face, size).0.iter().map(Shaped::width).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn advances_come_from_the_font() {
        // Charis SIL Regular: 'H' advances 1400/2048 em... checked against hmtx.
        let f = font(FaceId::SerifRegular);
        assert_eq!(f.units_per_em, 2048.0);
        let h = f.advance_units(f.glyph('H'));
        let (runs, missing) = shape("H", FaceId::SerifRegular, 10.0);
        assert!(missing.is_empty());
        assert_eq!(runs[0].glyphs[0].advance, h * 10.0 / 2048.0);
    }

    #[test]
    fn kerning_is_applied() {
        // Charis SIL 6.101 has no kerning (its GPOS holds only mark positioning);
        // DejaVu Sans kerns A–V by −0.2 pt... measured at 10 pt:
        let apart = width("A", FaceId::SansRegular, 10.0) + width("V", FaceId::SansRegular, 10.0);
        let together = width("AV", FaceId::SansRegular, 10.0);
        assert!(together < apart - 0.1, "AV {together} vs A+V {apart}");
        assert_eq!(width("AV", FaceId::SerifRegular, 10.0), width("A", FaceId::SerifRegular, 10.0) + width("V", FaceId::SerifRegular, 10.0));
    }

    #[test]
    fn ligatures_keep_their_letters() {
        let (runs, _) = shape("fine", FaceId::SerifRegular, 10.0);
        let text: String = runs[0].glyphs.iter().filter_map(|g| g.text.clone()).collect();
        assert_eq!(text, "fine");
    }

    #[test]
    fn fallback_per_cluster() {
        // A word the fallback covers wholly is set wholly in it.
        let (runs, missing) = shape("a◇b", FaceId::SerifRegular, 10.0);
        assert!(missing.is_empty());
        let faces: Vec<FaceId> = runs.iter().map(|r| r.face).collect();
        assert_eq!(faces, vec![FaceId::SansRegular]);
        let (runs, _) = shape("Ελληνική", FaceId::SerifBold, 10.0);
        assert_eq!(runs.iter().map(|r| r.face).collect::<Vec<_>>(), vec![FaceId::SansBold]);
        // Otherwise per cluster: Charis for the letters, DejaVu for the symbol, the
        // ideograph (no face has it) in Charis as .notdef.
        let (runs, missing) = shape("a◇清", FaceId::SerifRegular, 10.0);
        assert_eq!(runs.iter().map(|r| r.face).collect::<Vec<_>>(), vec![FaceId::SerifRegular, FaceId::SansRegular, FaceId::SerifRegular]);
        assert_eq!(missing, vec!['清']);
        let (_, missing) = shape("x清", FaceId::SerifBold, 10.0);
        assert_eq!(missing, vec!['清']);
    }
}
