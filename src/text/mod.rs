//! Fonts, coverage and shaping.
//!
//! The faces come from the registry in [`faces`](self::Font): bundled Charis SIL
//! (`font: serif`) or Lato (`font: sans`) in four styles, or the user's own family
//! ([`resolve`]); DejaVu Sans (regular, bold) is the fallback for symbols the text
//! face lacks (arrows, `◇`, `≈`, …). Text is shaped with `rustybuzz` (kerning and
//! the font's standard ligatures on; each glyph keeps the source text of its cluster,
//! so a ligature maps back to its letters in the PDF's ToUnicode). Coverage is read
//! with `ttf-parser` per grapheme cluster (`unicode-segmentation`): a cluster is set in
//! the first face that has every one of its characters, and is never split across
//! faces. The shaper's advances are in font units ([`UnitGlyph`], the form cached per
//! face and text) until [`Glyph::advance`] holds them scaled to points.

mod faces;
pub mod fallback;
pub mod resolve;
pub mod tables;

pub use fallback::Cjk;

pub use faces::{
    FAKE_BOLD_STROKE, FAKE_ITALIC_SHEAR, FaceId, Family, Font, MAX_FONT_BYTES, MAX_LOADED_FACES, Slant, Styled, Weight,
    check_font_size, families, font, load_face,
};

use crate::geom::Pt;
use rustybuzz::{Direction as BufferDirection, Feature, Script, ShapePlan, UnicodeBuffer};
use std::sync::{Arc, Mutex, OnceLock};
use unicode_segmentation::UnicodeSegmentation;

/// A glyph as the shaper gives it for a face, independent of size: advance and offset
/// in the face's font units. This is what the shape cache holds; [`shape`] scales it to
/// a [`Glyph`] at the size asked for.
#[derive(Clone, Debug, PartialEq)]
pub struct UnitGlyph {
    /// Glyph id in its face.
    pub gid: u16,
    /// Horizontal advance in font units (kerning included).
    pub advance_units: f64,
    /// Horizontal offset from the pen position in font units (mark positioning).
    pub x_offset_units: f64,
    /// The source text this glyph stands for, as [`Glyph::text`].
    pub text: Option<Arc<str>>,
}

/// A shaped glyph, set at a size.
#[derive(Clone, Debug, PartialEq)]
pub struct Glyph {
    /// Glyph id in its face.
    pub gid: u16,
    /// Horizontal advance in pt at the size shaped for (kerning included).
    pub advance: Pt,
    /// Horizontal offset from the pen position in pt (mark positioning).
    pub x_offset: Pt,
    /// The source text this glyph stands for (its whole cluster, e.g. "fi" for a
    /// ligature); `None` for the second and later glyphs of a cluster. Shared, not
    /// copied, when a shaped word is reused from the cache.
    pub text: Option<Arc<str>>,
}

/// A run of glyphs in one face and size: the one glyph-carrying type from shaping to
/// the display list (a paragraph's [`crate::inline::Run`] and the page's
/// [`crate::layout::TextRun`] each hold one and add where it goes).
#[derive(Clone, Debug, PartialEq)]
pub struct Shaped {
    /// The face the glyphs were shaped in, with what is synthesised on it.
    pub face: Styled,
    /// The size the glyphs are set at, pt (the paragraph's, or 0.8 of it for
    /// synthesised small capitals).
    pub size: Pt,
    /// Glyphs in order, advances in pt.
    pub glyphs: Vec<Glyph>,
    /// The text the run stands for when its glyphs spell it differently: the
    /// lower-case letters set as synthesised small capitals. The PDF marks such a run
    /// with `/ActualText` (PDF 32000-1 §14.9.4) so that extraction gives the letters as
    /// written.
    pub replacement: Option<String>,
    /// Byte offset of the run's first character in the text it was shaped from: the
    /// text given to [`shape`]; the paragraph typesetter moves it to the paragraph's
    /// text when it collects the run (`crate::inline`).
    pub at: usize,
}

impl Shaped {
    /// Sum of advances in pt.
    pub fn width(&self) -> Pt {
        self.glyphs.iter().map(|g| g.advance).sum()
    }
}

/// OpenType features to shape with beyond the defaults (kerning, standard ligatures).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Features {
    /// Small capitals for lower-case letters: `smcp` where the face has it, else
    /// synthesised (see [`shape`]).
    pub small_caps: bool,
    /// Kerning off (`kern` 0): for URLs, because some faces kern `//` so tightly
    /// (Lato: −0.22 em) that PDF text extraction reads the two slashes as two words.
    pub no_kerning: bool,
    /// The regional forms of Han characters, for the choice of an installed CJK face.
    pub cjk: Cjk,
    /// The direction to shape in: right to left where the text's bidirectional level
    /// is odd (UAX #9); glyphs then come out in visual order, and mirrored characters
    /// (brackets) take their mirrored forms.
    pub direction: Direction,
}

/// A writing direction: of a paragraph (its base direction, UAX #9 rules P2–P3 or the
/// document's language) or of a piece of text being shaped.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Direction {
    /// Left to right.
    #[default]
    Ltr,
    /// Right to left (Arabic, Hebrew, Persian).
    Rtl,
}

/// Synthesised small capitals are capitals at this fraction of the size.
pub const SMALL_CAPS_SCALE: f64 = 0.8;
/// Synthesised small capitals are letter-spaced by this fraction of their own size
/// after each letter (5 %: capitals set small look cramped without it).
pub const SMALL_CAPS_TRACKING: f64 = 0.05;

/// Characters that need no glyph of their own (joiners, variation selectors, marks
/// of direction): they never decide a cluster's face.
fn is_ignorable(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FE00}'..='\u{FE0F}' | '\u{202A}'..='\u{202E}' | '\u{00AD}')
}

/// The fallback for a face: DejaVu Sans of the same weight (bold when the face is
/// bold or synthesised bold).
fn fallback(primary: Styled) -> Styled {
    let bold = primary.fake_bold || font(primary.id).style().0;
    Styled::plain(FaceId::fallback(bold))
}

/// The characters of a cluster that need a glyph (not joiners, selectors, marks of
/// direction or spaces).
fn needs_glyph(cluster: &str) -> impl Iterator<Item = char> + '_ {
    cluster.chars().filter(|c| !is_ignorable(*c) && !c.is_whitespace())
}

/// Whether `face` has every character of a cluster.
///
/// A face that has every character of a text has every cluster of it: this serves
/// for a whole word as well as for one cluster.
fn face_covers(cluster: &str, face: Styled) -> bool {
    let f = font(face.id);
    needs_glyph(cluster).all(|c| f.covers(c))
}

/// The face that covers every character of a grapheme cluster: `primary`, else its
/// bundled fallback, else an installed face ([`fallback::system_face`]); `None` when
/// no font on the system does.
pub fn face_for(cluster: &str, primary: Styled, cjk: Cjk) -> Option<Styled> {
    if face_covers(cluster, primary) {
        return Some(primary);
    }
    let chars: Vec<char> = needs_glyph(cluster).collect();
    let f = font(primary.id);
    let system = || fallback::system_face(cluster, &chars, primary.fake_bold || f.style().0, f.serif, cjk);
    if chars.first().is_some_and(|&c| fallback::prefers_installed(c))
        && let Some(s) = system()
    {
        return Some(s);
    }
    let fb = fallback(primary);
    if face_covers(cluster, fb) {
        return Some(fb);
    }
    system()
}

/// Shapes `text` (a word or a piece of one) at `size` pt in `primary`, with the
/// `features` asked for.
///
/// A word is set in one face whenever one can: `primary` if it covers every cluster,
/// else the fallback if that does (so a Greek word Charis covers only in part is set
/// wholly in DejaVu Sans rather than letter by letter in two faces); otherwise the
/// face is chosen per grapheme cluster. Returns the runs (one per change of face or
/// size) and every character no face covers (set in `primary` as .notdef, so they
/// stay visible as a box).
///
/// Small capitals are the face's own (OpenType `smcp`) where it has them; otherwise
/// lower-case letters are set as capitals at [`SMALL_CAPS_SCALE`] of the size,
/// letter-spaced by [`SMALL_CAPS_TRACKING`], in runs that carry the letters as written
/// for extraction.
pub fn shape(text: &str, primary: Styled, size: Pt, features: Features) -> (Vec<Shaped>, Vec<char>) {
    if face_covers(text, primary) {
        return (shape_run(text, primary, size, features), Vec::new());
    }
    // The face of the first cluster the text face lacks (the bundled fallback, or an
    // installed face), if it has the whole piece (a Greek word Charis has only in
    // part, a CJK word, an Arabic word): the piece is set in it alone. Not when the
    // text face has Latin letters or digits of the piece (`SQL。`, `Go、`): those stay
    // in the text face, like the same word elsewhere on the page.
    let f = font(primary.id);
    let latin = |c: char| c.is_ascii_alphanumeric() || matches!(c, '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}');
    if !text.chars().any(|c| latin(c) && f.covers(c))
        && let Some(other) = text
            .graphemes(true)
            .find(|g| !face_covers(g, primary))
            .and_then(|g| face_for(g, primary, features.cjk))
        && face_covers(text, other)
    {
        return (shape_run(text, other, size, features), Vec::new());
    }
    let mut runs = Vec::new();
    let mut missing = Vec::new();
    let mut seg_start = 0;
    let mut seg_face: Option<Styled> = None;
    for (i, g) in text.grapheme_indices(true) {
        let f = face_for(g, primary, features.cjk).unwrap_or_else(|| {
            missing.extend(g.chars().filter(|c| !is_ignorable(*c) && !font(primary.id).covers(*c)));
            primary
        });
        if let Some(sf) = seg_face.filter(|&sf| sf != f) {
            runs.extend(
                shape_run(&text[seg_start..i], sf, size, features)
                    .into_iter()
                    .map(|r| Shaped {
                        at: r.at + seg_start,
                        ..r
                    }),
            );
            seg_start = i;
        }
        seg_face = Some(f);
    }
    if seg_start < text.len() {
        runs.extend(
            shape_run(&text[seg_start..], seg_face.unwrap_or(primary), size, features)
                .into_iter()
                .map(|r| Shaped {
                    at: r.at + seg_start,
                    ..r
                }),
        );
    }
    (runs, missing)
}

/// Shapes text in one face, with real or synthesised small capitals when asked.
fn shape_run(text: &str, face: Styled, size: Pt, features: Features) -> Vec<Shaped> {
    if !features.small_caps || font(face.id).small_caps {
        return vec![shape_one(text, face, size, features)];
    }
    let plain = Features {
        small_caps: false,
        ..features
    };
    // Synthesised: runs of lower-case letters (those with a distinct capital) as
    // small capitals, the rest as it is.
    let lower = |g: &str| {
        g.chars()
            .any(|c| c.is_lowercase() && !c.to_uppercase().eq(std::iter::once(c)))
    };
    let mut out = Vec::new();
    let mut start = 0;
    let mut cur: Option<bool> = None;
    let flush = |a: usize, b: usize, low: bool, out: &mut Vec<Shaped>| {
        if a >= b {
            return;
        }
        let piece = &text[a..b];
        let at = a;
        if low {
            let small = size * SMALL_CAPS_SCALE;
            let mut s = shape_one(&piece.to_uppercase(), face, small, plain);
            for g in &mut s.glyphs {
                g.advance += SMALL_CAPS_TRACKING * small;
            }
            s.replacement = Some(piece.to_string());
            s.at = at;
            out.push(s);
        } else {
            out.push(Shaped {
                at,
                ..shape_one(piece, face, size, plain)
            });
        }
    };
    for (i, g) in text.grapheme_indices(true) {
        let low = lower(g);
        if cur.is_some_and(|c| c != low) {
            flush(start, i, cur.unwrap_or(false), &mut out);
            start = i;
        }
        cur = Some(low);
    }
    flush(start, text.len(), cur.unwrap_or(false), &mut out);
    out
}

/// The shaping plan for a face, script, direction and feature set, compiled once per
/// process (compiling one walks the font's GSUB/GPOS feature lists: most of the cost
/// of shaping a short word).
fn plan(face_id: FaceId, script: Script, direction: BufferDirection, features: Features) -> Arc<ShapePlan> {
    type Plans = Vec<(FaceId, Script, BufferDirection, Features, Arc<ShapePlan>)>;
    static PLANS: OnceLock<Mutex<Plans>> = OnceLock::new();
    let plans = PLANS.get_or_init(|| Mutex::new(Vec::new()));
    let mut plans = plans.lock().unwrap_or_else(|e| e.into_inner());
    if let Some((.., p)) = plans
        .iter()
        .find(|(f, s, d, fe, _)| *f == face_id && *s == script && *d == direction && *fe == features)
    {
        return p.clone();
    }
    let mut list = Vec::new();
    if features.small_caps {
        list.push(Feature::new(ttf_parser::Tag::from_bytes(b"smcp"), 1, ..));
    }
    if features.no_kerning {
        list.push(Feature::new(ttf_parser::Tag::from_bytes(b"kern"), 0, ..));
    }
    let p = Arc::new(ShapePlan::new(
        &font(face_id).face,
        direction,
        Some(script),
        None,
        &list,
    ));
    plans.push((face_id, script, direction, features, p.clone()));
    p
}

/// Shapes text in one face with rustybuzz (default features: kerning, standard
/// ligatures; `smcp` and no `kern` as `features` say), at `size` pt. Results are cached per
/// face, features and text in font units ([`shape_units`]), so laying a resume out
/// again at another size (`fit_pages`) only rescales them.
fn shape_one(text: &str, face: Styled, size: Pt, features: Features) -> Shaped {
    let scale = size / font(face.id).units_per_em;
    let glyphs = shape_units(text, face.id, features)
        .iter()
        .map(|g| Glyph {
            gid: g.gid,
            advance: g.advance_units * scale,
            x_offset: g.x_offset_units * scale,
            text: g.text.clone(),
        })
        .collect();
    Shaped {
        face,
        size,
        glyphs,
        replacement: None,
        at: 0,
    }
}

/// Empties the shaped-words cache, so that the next layout shapes every word again
/// (for benchmarks of a cold process; the faces and shaping plans stay).
pub fn clear_shape_cache() {
    shape_cache().lock().unwrap_or_else(|e| e.into_inner()).clear();
}

type ShapeCache = std::collections::HashMap<(FaceId, Features, String), Arc<Vec<UnitGlyph>>>;

fn shape_cache() -> &'static Mutex<ShapeCache> {
    static CACHE: OnceLock<Mutex<ShapeCache>> = OnceLock::new();
    CACHE.get_or_init(|| Mutex::new(ShapeCache::new()))
}

/// The most shaped strings kept in the cache; past it the cache starts again (a
/// resume has a few thousand distinct words).
const SHAPE_CACHE_LIMIT: usize = 100_000;

/// The glyphs of `text` in `face_id`, advances and offsets in font units.
fn shape_units(text: &str, face_id: FaceId, features: Features) -> Arc<Vec<UnitGlyph>> {
    let cache = shape_cache();
    let key = (face_id, features, text.to_string());
    if let Some(g) = cache.lock().unwrap_or_else(|e| e.into_inner()).get(&key) {
        return g.clone();
    }
    let f = font(face_id);
    let mut buf = UnicodeBuffer::new();
    buf.push_str(text);
    buf.guess_segment_properties();
    buf.set_direction(match features.direction {
        Direction::Ltr => BufferDirection::LeftToRight,
        Direction::Rtl => BufferDirection::RightToLeft,
    });
    // Clusters per character, not per grapheme: a mark keeps its own character, so
    // that each glyph's text (its ToUnicode entry, one per glyph id in the whole
    // document) is the same wherever the glyph occurs.
    buf.set_cluster_level(rustybuzz::BufferClusterLevel::Characters);
    let plan = plan(face_id, buf.script(), buf.direction(), features);
    let out = rustybuzz::shape_with_plan(&f.face, &plan, buf);
    let infos = out.glyph_infos();
    let positions = out.glyph_positions();
    let mut glyphs = Vec::with_capacity(infos.len());
    // A cluster's text runs to the next cluster's start in the text (glyphs come in
    // visual order: right to left for Arabic and Hebrew, so the next cluster in the
    // text may be an earlier glyph).
    let mut starts: Vec<usize> = infos.iter().map(|i| i.cluster as usize).collect();
    starts.sort_unstable();
    starts.dedup();
    for (k, (info, pos)) in infos.iter().zip(positions).enumerate() {
        let cluster = info.cluster as usize;
        let first_of_cluster = k == 0 || infos[k - 1].cluster != info.cluster;
        let text_of = first_of_cluster.then(|| {
            // The first start after this cluster's (a binary search: a linear one made
            // shaping a long word quadratic).
            let end = starts
                .get(starts.partition_point(|&c| c <= cluster))
                .copied()
                .unwrap_or(text.len());
            Arc::<str>::from(&text[cluster..end.max(cluster)])
        });
        glyphs.push(UnitGlyph {
            gid: info.glyph_id as u16,
            advance_units: pos.x_advance as f64,
            x_offset_units: pos.x_offset as f64,
            text: text_of,
        });
    }
    if features.direction == Direction::Rtl {
        marks_after_bases(&mut glyphs);
    }
    let glyphs = Arc::new(glyphs);
    let mut c = cache.lock().unwrap_or_else(|e| e.into_inner());
    if c.len() >= SHAPE_CACHE_LIMIT {
        c.clear();
    }
    c.insert(key, glyphs.clone());
    glyphs
}

/// A character as the warnings name it: `U+674E CJK UNIFIED IDEOGRAPH-674E`, or only
/// the code point when the Unicode Character Database gives it no name (private use,
/// unassigned).
pub fn char_label(c: char) -> String {
    match unicode_names2::name(c) {
        Some(n) => format!("U+{:04X} {n}", c as u32),
        None => format!("U+{:04X}", c as u32),
    }
}

/// Whether `c` is a nonspacing combining mark (general category Mn) of the Arabic
/// and Hebrew blocks or the general combining diacritics.
fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{0591}'..='\u{05BD}' | '\u{05BF}' | '\u{05C1}'..='\u{05C2}' | '\u{05C4}'..='\u{05C5}' | '\u{05C7}' | '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06DC}' | '\u{06DF}'..='\u{06E4}' | '\u{06E7}'..='\u{06E8}' | '\u{06EA}'..='\u{06ED}')
}

/// Puts each right-to-left mark (a glyph of no advance: a shadda, a vowel point) after
/// its base in the glyph order, keeping its position (its offset is taken back by the
/// base's advance). Shaping puts it before its base in visual order; drawn first, it
/// sits apart from the letters around it, and PDF text extraction (poppler) reads a
/// space into the word there.
fn marks_after_bases(glyphs: &mut Vec<UnitGlyph>) {
    // A combining mark of the source text (a glyph of no advance whose text is
    // nothing but marks); marks a shaper adds in decomposing a letter (أ → ا + hamza)
    // carry no text and stay where they are.
    let is_mark = |g: &UnitGlyph| {
        g.advance_units == 0.0
            && g.text
                .as_deref()
                .is_some_and(|t| !t.is_empty() && t.chars().all(is_combining_mark))
    };
    let mut k = 0;
    while k < glyphs.len() {
        if is_mark(&glyphs[k]) {
            let start = k;
            while k < glyphs.len() && is_mark(&glyphs[k]) {
                k += 1;
            }
            if k < glyphs.len() {
                let base = glyphs.remove(k);
                let adv = base.advance_units;
                glyphs.insert(start, base);
                for m in &mut glyphs[start + 1..=k] {
                    m.x_offset_units -= adv;
                }
            }
        }
        k += 1;
    }
}

/// Width in pt of `text` shaped at `size` in `face` (with fallback).
pub fn width(text: &str, face: Styled, size: Pt) -> Pt {
    shape(text, face, size, Features::default())
        .0
        .iter()
        .map(Shaped::width)
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(id: FaceId) -> Styled {
        Styled::plain(id)
    }

    #[test]
    fn advances_come_from_the_font() {
        // Charis SIL Regular: 'H' advances 1400/2048 em... checked against hmtx.
        let f = font(FaceId::SERIF_REGULAR);
        assert_eq!(f.units_per_em, 2048.0);
        let h = f.advance_units(f.glyph('H'));
        let (runs, missing) = shape("H", p(FaceId::SERIF_REGULAR), Pt(10.0), Features::default());
        assert!(missing.is_empty());
        assert_eq!(runs[0].glyphs[0].advance, Pt(h * 10.0 / 2048.0));
    }

    #[test]
    fn kerning_is_applied() {
        // Charis SIL 6.101 has no kerning (its GPOS holds only mark positioning);
        // DejaVu Sans kerns A–V by −0.2 pt... measured at 10 pt:
        let apart =
            width("A", p(FaceId::FALLBACK_REGULAR), Pt(10.0)) + width("V", p(FaceId::FALLBACK_REGULAR), Pt(10.0));
        let together = width("AV", p(FaceId::FALLBACK_REGULAR), Pt(10.0));
        assert!(together < apart - Pt(0.1), "AV {together} vs A+V {apart}");
        assert_eq!(
            width("AV", p(FaceId::SERIF_REGULAR), Pt(10.0)),
            width("A", p(FaceId::SERIF_REGULAR), Pt(10.0)) + width("V", p(FaceId::SERIF_REGULAR), Pt(10.0))
        );
    }

    #[test]
    fn characters_are_named() {
        assert_eq!(char_label('李'), "U+674E CJK UNIFIED IDEOGRAPH-674E");
        assert_eq!(char_label('◇'), "U+25C7 WHITE DIAMOND");
        assert_eq!(char_label('\u{10FFFD}'), "U+10FFFD");
    }

    #[test]
    fn ligatures_keep_their_letters() {
        let (runs, _) = shape("fine", p(FaceId::SERIF_REGULAR), Pt(10.0), Features::default());
        let text: String = runs[0].glyphs.iter().filter_map(|g| g.text.as_deref()).collect();
        assert_eq!(text, "fine");
    }

    #[test]
    fn fallback_per_cluster() {
        // A word whose Latin letters the text face has keeps them in it; the symbol
        // it lacks comes from the fallback.
        let (runs, missing) = shape("a◇b", p(FaceId::SERIF_REGULAR), Pt(10.0), Features::default());
        assert!(missing.is_empty());
        let faces: Vec<FaceId> = runs.iter().map(|r| r.face.id).collect();
        assert_eq!(
            faces,
            vec![FaceId::SERIF_REGULAR, FaceId::FALLBACK_REGULAR, FaceId::SERIF_REGULAR]
        );
        // A word of a script the text face has only in part is set wholly in the
        // fallback (no letter-by-letter mix of designs).
        let (runs, _) = shape("Ελληνική", p(FaceId::SERIF_BOLD), Pt(10.0), Features::default());
        assert_eq!(
            runs.iter().map(|r| r.face.id).collect::<Vec<_>>(),
            vec![FaceId::FALLBACK_BOLD]
        );
        // Otherwise per cluster: Charis for the letters, DejaVu for the symbol, the
        // private-use character (no font has it) in Charis as .notdef.
        let (runs, missing) = shape("a◇\u{10FFFD}", p(FaceId::SERIF_REGULAR), Pt(10.0), Features::default());
        assert_eq!(
            runs.iter().map(|r| r.face.id).collect::<Vec<_>>(),
            vec![FaceId::SERIF_REGULAR, FaceId::FALLBACK_REGULAR, FaceId::SERIF_REGULAR]
        );
        assert_eq!(missing, vec!['\u{10FFFD}']);
        let (_, missing) = shape("x\u{10FFFD}", p(FaceId::SERIF_BOLD), Pt(10.0), Features::default());
        assert_eq!(missing, vec!['\u{10FFFD}']);
    }
}
