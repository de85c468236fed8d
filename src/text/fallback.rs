//! Fallback to the fonts installed on the system, for characters neither the text
//! face nor the bundled DejaVu Sans has (Chinese, Japanese, Korean, Arabic, Hebrew,
//! symbols, emoji).
//!
//! The system's fonts are listed once per process, and only when a character needs
//! them (`fontdb`: the system's font folders and fontconfig's configuration; files
//! are memory-mapped while their tables are read). A grapheme cluster is set in the
//! first face that has every one of its characters — never split across faces — in
//! this order: the families customary for its script (Noto CJK in the paragraph's
//! regional forms, Noto Naskh or Sans Arabic, Noto Serif or Sans Hebrew, Noto Emoji
//! or Symbola for symbols), serif or sans after the text face; then every installed
//! face, in the order of their family names. Within the family, the face nearest the
//! weight asked for (400 or 700) and upright; a bold asked of a family without one is
//! synthesised by stroking, without a warning (CJK and Arabic families often have no
//! bold; the stroke is the customary substitute). Italic is never synthesised for
//! fallback faces: CJK, Arabic and Hebrew have no italic, and slanting them is a
//! Latin habit. Faces whose glyphs are colour bitmaps only (`CBDT`, `sbix`, no
//! outlines) are skipped: they cannot be drawn as monochrome text.

use super::faces::{Styled, font, load_face, loaded_id};
use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

/// Which regional forms of Han characters to prefer (Noto CJK's SC, JP, KR faces).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Cjk {
    /// Simplified Chinese: a paragraph with Han characters but no kana or hangul.
    #[default]
    Sc,
    /// Japanese: a paragraph with kana.
    Jp,
    /// Korean: a paragraph with hangul.
    Kr,
}

impl Cjk {
    /// The forms a paragraph's text asks for: kana makes it Japanese, hangul Korean,
    /// else Chinese (Simplified).
    pub fn of(text: &str) -> Cjk {
        if text
            .chars()
            .any(|c| matches!(c, '\u{3040}'..='\u{30FF}' | '\u{31F0}'..='\u{31FF}' | '\u{FF66}'..='\u{FF9F}'))
        {
            Cjk::Jp
        } else if text
            .chars()
            .any(|c| matches!(c, '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}' | '\u{AC00}'..='\u{D7AF}'))
        {
            Cjk::Kr
        } else {
            Cjk::Sc
        }
    }

    fn suffix(self) -> &'static str {
        match self {
            Cjk::Sc => "SC",
            Cjk::Jp => "JP",
            Cjk::Kr => "KR",
        }
    }
}

/// Whether `c` is written with CJK fonts: Han, kana, hangul, bopomofo, CJK symbols
/// and punctuation, full-width forms.
pub fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{1100}'..='\u{11FF}' | '\u{2E80}'..='\u{2FDF}' | '\u{3000}'..='\u{303F}' | '\u{3040}'..='\u{31FF}'
        | '\u{3200}'..='\u{9FFF}' | '\u{A960}'..='\u{A97F}' | '\u{AC00}'..='\u{D7FF}' | '\u{F900}'..='\u{FAFF}'
        | '\u{FE30}'..='\u{FE4F}' | '\u{FF00}'..='\u{FFEF}' | '\u{20000}'..='\u{3FFFF}')
}

/// Whether an installed face of the script's customary families is preferred to the
/// bundled DejaVu Sans for `c`: Arabic and Hebrew, which DejaVu Sans has, but in a
/// sans design a Noto Naskh or Noto Serif Hebrew matches a serif text face better and
/// covers the scripts' marks and ligatures more fully.
pub fn prefers_installed(c: char) -> bool {
    matches!(c, '\u{0590}'..='\u{05FF}' | '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

/// The families customary for the script of `c`, best first.
fn preferred(c: char, serif: bool, cjk: Cjk) -> Vec<String> {
    let (first, second) = if serif { ("Serif", "Sans") } else { ("Sans", "Serif") };
    if is_cjk(c) {
        let region = if matches!(c, '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}' | '\u{A960}'..='\u{A97F}' | '\u{AC00}'..='\u{D7FF}')
        {
            Cjk::Kr
        } else {
            cjk
        };
        return vec![
            format!("Noto {first} CJK {}", region.suffix()),
            format!("Noto {second} CJK {}", region.suffix()),
        ];
    }
    let fams: &[&str] = match c {
        '\u{0600}'..='\u{06FF}'
        | '\u{0750}'..='\u{077F}'
        | '\u{08A0}'..='\u{08FF}'
        | '\u{FB50}'..='\u{FDFF}'
        | '\u{FE70}'..='\u{FEFF}' => {
            if serif {
                &["Noto Naskh Arabic", "Noto Sans Arabic"]
            } else {
                &["Noto Sans Arabic", "Noto Naskh Arabic"]
            }
        }
        '\u{0590}'..='\u{05FF}' | '\u{FB1D}'..='\u{FB4F}' => {
            if serif {
                &["Noto Serif Hebrew", "Noto Sans Hebrew"]
            } else {
                &["Noto Sans Hebrew", "Noto Serif Hebrew"]
            }
        }
        '\u{2190}'..='\u{2BFF}' | '\u{1F000}'..='\u{1FAFF}' => &[
            "Noto Emoji",
            "Symbola",
            "Noto Sans Symbols",
            "Noto Sans Symbols 2",
            "Noto Sans Math",
        ],
        _ => &[],
    };
    fams.iter().map(|s| s.to_string()).collect()
}

/// The system's faces, listed once per process, in a stable order (family name, then
/// PostScript name), with faces of colour bitmaps only left out.
struct System {
    db: fontdb::Database,
    order: Vec<fontdb::ID>,
}

fn system() -> &'static System {
    static SYSTEM: OnceLock<System> = OnceLock::new();
    SYSTEM.get_or_init(|| {
        let mut db = fontdb::Database::new();
        db.load_system_fonts();
        let mut faces: Vec<(String, String, fontdb::ID)> = db
            .faces()
            .filter(|f| matches!(f.source, fontdb::Source::File(_) | fontdb::Source::SharedFile(..)))
            .map(|f| {
                (
                    f.families.first().map(|n| n.0.clone()).unwrap_or_default(),
                    f.post_script_name.clone(),
                    f.id,
                )
            })
            .collect();
        faces.sort();
        let order = faces
            .into_iter()
            .map(|(.., id)| id)
            .filter(|&id| db.with_face_data(id, has_outlines).unwrap_or(false))
            .collect();
        System { db, order }
    })
}

/// Whether face `index` of `data` draws its glyphs as outlines (`glyf`, `CFF `,
/// `CFF2`): a colour emoji font of bitmaps only (`CBDT`, `sbix`) does not, and is not
/// used as if it were a monochrome one.
pub fn has_outlines(data: &[u8], index: u32) -> bool {
    ttf_parser::Face::parse(data, index).is_ok_and(|f| {
        let t = f.tables();
        t.glyf.is_some() || t.cff.is_some() || t.cff2.is_some()
    })
}

/// Whether the system face `id` has a glyph for every character of `chars`: from the
/// face itself when it is loaded already, else from its file's tables.
fn covers(s: &System, id: fontdb::ID, chars: &[char]) -> bool {
    if let Some(face) = s.db.face(id)
        && let fontdb::Source::File(p) | fontdb::Source::SharedFile(p, _) = &face.source
        && let Some(loaded) = loaded_id(p, face.index)
    {
        let f = font(loaded);
        return chars.iter().all(|&c| f.covers(c));
    }
    s.db.with_face_data(id, |data, index| {
        ttf_parser::Face::parse(data, index).is_ok_and(|f| chars.iter().all(|&c| f.glyph_index(c).is_some()))
    })
    .unwrap_or(false)
}

/// The face of `family` for the weight asked for that covers `chars`, nearest in
/// weight, upright first; and whether bold must be synthesised on it.
fn in_family(s: &System, family: &str, chars: &[char], bold: bool) -> Option<(fontdb::ID, bool)> {
    let target: i32 = if bold { 700 } else { 400 };
    let mut faces: Vec<&fontdb::FaceInfo> = s
        .order
        .iter()
        .filter_map(|&id| s.db.face(id))
        .filter(|f| f.families.iter().any(|(n, _)| n == family))
        .collect();
    faces.sort_by_key(|f| {
        (
            f.style != fontdb::Style::Normal,
            (f.weight.0 as i32 - target).abs(),
            (f.stretch.to_number() as i32 - 5).abs(),
        )
    });
    // The nearest face first; its coverage is read only if it is needed.
    let best = faces.into_iter().find(|f| covers(s, f.id, chars))?;
    Some((best.id, bold && best.weight.0 < 600))
}

/// The installed face for a grapheme cluster no bundled face has: `bold` and `serif`
/// describe the text face it stands in for, `cjk` the regional forms of the
/// paragraph. `None` when no installed face has every character of the cluster.
/// Results are cached per process.
pub fn system_face(cluster: &str, chars: &[char], bold: bool, serif: bool, cjk: Cjk) -> Option<Styled> {
    type Cache = HashMap<(String, bool, bool, Cjk), Option<Styled>>;
    static CACHE: OnceLock<Mutex<Cache>> = OnceLock::new();
    let cache = CACHE.get_or_init(|| Mutex::new(HashMap::new()));
    let key = (cluster.to_string(), bold, serif, cjk);
    if let Some(hit) = cache.lock().unwrap_or_else(|e| e.into_inner()).get(&key) {
        return *hit;
    }
    let found = find(chars, bold, serif, cjk);
    cache.lock().unwrap_or_else(|e| e.into_inner()).insert(key, found);
    found
}

fn find(chars: &[char], bold: bool, serif: bool, cjk: Cjk) -> Option<Styled> {
    let first = *chars.first()?;
    let s = system();
    let from_family = |fam: &str| -> Option<Styled> {
        let (id, fake_bold) = in_family(s, fam, chars, bold)?;
        let face = s.db.face(id)?;
        let path = match &face.source {
            fontdb::Source::File(p) | fontdb::Source::SharedFile(p, _) => p.clone(),
            fontdb::Source::Binary(_) => return None,
        };
        load_face(&path, face.index).ok().map(|loaded| Styled {
            id: loaded,
            fake_bold,
            fake_italic: false,
        })
    };
    if let Some(found) = preferred(first, serif, cjk).iter().find_map(|fam| from_family(fam)) {
        return Some(found);
    }
    // Then every installed family, in name order: the first with a face that has the
    // whole cluster.
    let fam = s
        .order
        .iter()
        .find(|&&id| covers(s, id, chars))
        .and_then(|&id| s.db.face(id))?
        .families
        .first()?
        .0
        .clone();
    from_family(&fam)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_font_without_outlines_is_not_a_fallback() {
        let dejavu = crate::text::font(crate::text::FaceId::FALLBACK_REGULAR).data;
        assert!(has_outlines(dejavu, 0));
        // The same font with its outlines taken out, as a bitmap-only emoji font is.
        let bitmaps_only = crate::text::tables::without_tables(dejavu, &[b"glyf"]).unwrap();
        assert!(!has_outlines(&bitmaps_only, 0));
    }

    #[test]
    fn regional_forms_from_the_paragraph() {
        assert_eq!(Cjk::of("東京大学との共同研究"), Cjk::Jp);
        assert_eq!(Cjk::of("분산 저장 시스템"), Cjk::Kr);
        assert_eq!(Cjk::of("负责大规模分布式存储"), Cjk::Sc);
        assert_eq!(
            preferred('清', true, Cjk::Jp),
            ["Noto Serif CJK JP", "Noto Sans CJK JP"]
        );
        assert_eq!(
            preferred('한', false, Cjk::Sc),
            ["Noto Sans CJK KR", "Noto Serif CJK KR"]
        );
        assert_eq!(preferred('ع', true, Cjk::Sc), ["Noto Naskh Arabic", "Noto Sans Arabic"]);
    }
}
