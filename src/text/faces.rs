//! The face registry: every face vitae can set text in, bundled or loaded, parsed
//! once per process and only when first used.
//!
//! Bundled faces are compiled into the binary from `fonts/` (so a fresh clone sets
//! the same PDF everywhere, offline): Charis SIL in four styles (`font: serif`, the
//! default), Lato in four styles (`font: sans`), and DejaVu Sans regular and bold, the
//! fallback for symbols and letters the text face lacks. Faces loaded from the user's
//! files or the system's fonts ([`super::resolve`]) are added to the registry at run
//! time; their bytes live until the process ends (each file is read once, however
//! often it is asked for).

use rustybuzz::Face;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

/// A face in the registry: an index, fixed for the bundled faces (the constants) and
/// handed out in load order for the others.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FaceId(pub u16);

impl FaceId {
    /// Charis SIL Regular, the default text face.
    pub const SERIF_REGULAR: FaceId = FaceId(0);
    /// Charis SIL Bold.
    pub const SERIF_BOLD: FaceId = FaceId(1);
    /// Charis SIL Italic.
    pub const SERIF_ITALIC: FaceId = FaceId(2);
    /// Charis SIL Bold Italic.
    pub const SERIF_BOLD_ITALIC: FaceId = FaceId(3);
    /// DejaVu Sans, the fallback for symbols the text face lacks.
    pub const FALLBACK_REGULAR: FaceId = FaceId(4);
    /// DejaVu Sans Bold, the fallback for bold text.
    pub const FALLBACK_BOLD: FaceId = FaceId(5);
    /// Lato Regular (`font: sans`).
    pub const SANS_REGULAR: FaceId = FaceId(6);
    /// Lato Bold.
    pub const SANS_BOLD: FaceId = FaceId(7);
    /// Lato Italic.
    pub const SANS_ITALIC: FaceId = FaceId(8);
    /// Lato Bold Italic.
    pub const SANS_BOLD_ITALIC: FaceId = FaceId(9);

    /// Font Awesome Free Brands (the network icons of `design.contact_icons`). Its id
    /// lies outside the range of the text faces and the loaded ones, so that adding it
    /// left every other face's id, and so every PDF's font resource names, unchanged.
    pub const ICONS_BRANDS: FaceId = FaceId(0xFFF0);
    /// Font Awesome Free Solid (the envelope, phone, globe and pin icons).
    pub const ICONS_SOLID: FaceId = FaceId(0xFFF1);

    /// Whether the face is compiled into the binary (not loaded from a file).
    pub fn is_bundled(self) -> bool {
        (self.0 as usize) < BUNDLED.len() || self.is_icons()
    }

    /// Whether the face is one of the two bundled icon fonts.
    pub fn is_icons(self) -> bool {
        self == FaceId::ICONS_BRANDS || self == FaceId::ICONS_SOLID
    }

    /// The fallback face of a weight (DejaVu Sans has no italic in the bundle).
    pub fn fallback(bold: bool) -> FaceId {
        if bold {
            FaceId::FALLBACK_BOLD
        } else {
            FaceId::FALLBACK_REGULAR
        }
    }

    /// The face's name (its file name for a bundled face, else its PostScript name).
    pub fn name(self) -> &'static str {
        &font(self).name
    }
}

static BUNDLED: [(&str, &[u8]); 10] = [
    ("CharisSIL-Regular", include_bytes!("../../fonts/CharisSIL-Regular.ttf")),
    ("CharisSIL-Bold", include_bytes!("../../fonts/CharisSIL-Bold.ttf")),
    ("CharisSIL-Italic", include_bytes!("../../fonts/CharisSIL-Italic.ttf")),
    (
        "CharisSIL-BoldItalic",
        include_bytes!("../../fonts/CharisSIL-BoldItalic.ttf"),
    ),
    ("DejaVuSans", include_bytes!("../../fonts/DejaVuSans.ttf")),
    ("DejaVuSans-Bold", include_bytes!("../../fonts/DejaVuSans-Bold.ttf")),
    ("Lato-Regular", include_bytes!("../../fonts/Lato-Regular.ttf")),
    ("Lato-Bold", include_bytes!("../../fonts/Lato-Bold.ttf")),
    ("Lato-Italic", include_bytes!("../../fonts/Lato-Italic.ttf")),
    ("Lato-BoldItalic", include_bytes!("../../fonts/Lato-BoldItalic.ttf")),
];

/// A parsed face.
pub struct Font {
    /// The font file's bytes (embedded, subset, by the PDF stage).
    pub data: &'static [u8],
    /// The face's index in its file (0 except in a collection, `.ttc`).
    pub index: u32,
    /// The face's name, for messages and the PDF's font resource.
    pub name: String,
    pub(super) face: Face<'static>,
    /// Font units per em (2048 for Charis SIL and DejaVu Sans, 2000 for Lato).
    pub units_per_em: f64,
    /// Whether the face has real small capitals (the OpenType `smcp` feature).
    pub small_caps: bool,
    /// Whether the face is a serif (so that fallback faces can match it): true unless
    /// its `OS/2` PANOSE serif style is sans (11–15) or its name says "Sans".
    pub serif: bool,
}

impl Font {
    /// Parses face `index` of `data`; `None` when it is not a font ttf-parser reads.
    pub fn parse(data: &'static [u8], index: u32, name: String) -> Option<Font> {
        let face = Face::from_slice(data, index)?;
        let units_per_em = face.units_per_em() as f64;
        let small_caps = face.tables().gsub.is_some_and(|g| {
            g.features
                .into_iter()
                .any(|f| f.tag == ttf_parser::Tag::from_bytes(b"smcp"))
        });
        let panose_sans = face
            .raw_face()
            .table(ttf_parser::Tag::from_bytes(b"OS/2"))
            .and_then(|t| t.get(33))
            .is_some_and(|&serif_style| (11..=15).contains(&serif_style));
        let serif = !panose_sans && !name.contains("Sans");
        Some(Font {
            data,
            index,
            name,
            face,
            units_per_em,
            small_caps,
            serif,
        })
    }

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
            .map_or((0.0, 0.0), |b| {
                (b.y_max as f64 / self.units_per_em, b.y_min as f64 / self.units_per_em)
            })
    }

    /// Horizontal advance of glyph `gid` in font units.
    pub fn advance_units(&self, gid: u16) -> f64 {
        self.face.glyph_hor_advance(ttf_parser::GlyphId(gid)).unwrap_or(0) as f64
    }

    /// Whether the face is bold (OS/2 weight 600 or more) and whether it is italic
    /// or oblique, from its `OS/2` and `head` tables.
    pub fn style(&self) -> (bool, bool) {
        (
            self.face.weight().to_number() >= 600,
            self.face.is_italic() || self.face.is_oblique(),
        )
    }
}

/// The bundled icon fonts: Font Awesome Free 6.7.2, Brands and Solid, under the SIL
/// Open Font License 1.1 (`fonts/FontAwesome-LICENSE.txt`), unmodified.
static ICONS: [(&str, &[u8]); 2] = [
    (
        "FontAwesome-Brands-400",
        include_bytes!("../../fonts/FontAwesome-Brands-400.ttf"),
    ),
    (
        "FontAwesome-Solid-900",
        include_bytes!("../../fonts/FontAwesome-Solid-900.ttf"),
    ),
];

/// The icon fonts, each parsed on first use.
fn icons(i: usize) -> &'static Font {
    static FONTS: [OnceLock<Font>; 2] = [const { OnceLock::new() }; 2];
    FONTS[i].get_or_init(|| {
        let (name, data) = ICONS[i];
        Font::parse(data, 0, name.to_string()).unwrap_or_else(|| panic!("bundled font {name} does not parse"))
    })
}

/// The bundled faces, each parsed on first use.
fn bundled(i: usize) -> &'static Font {
    static FONTS: [OnceLock<Font>; 10] = [const { OnceLock::new() }; 10];
    FONTS[i].get_or_init(|| {
        let (name, data) = BUNDLED[i];
        Font::parse(data, 0, name.to_string()).unwrap_or_else(|| panic!("bundled font {name} does not parse"))
    })
}

/// Faces loaded at run time: the file and index each came from, and the face.
type Loaded = Vec<(PathBuf, u32, &'static Font)>;

fn loaded() -> std::sync::MutexGuard<'static, Loaded> {
    static LOADED: OnceLock<Mutex<Loaded>> = OnceLock::new();
    LOADED
        .get_or_init(|| Mutex::new(Vec::new()))
        .lock()
        .unwrap_or_else(|e| e.into_inner())
}

/// The id of face `index` of the file at `path` if it is loaded already.
pub fn loaded_id(path: &Path, index: u32) -> Option<FaceId> {
    loaded()
        .iter()
        .position(|(p, i, _)| p == path && *i == index)
        .map(|k| FaceId((BUNDLED.len() + k) as u16))
}

/// The most faces vitae loads from files in one process.
pub const MAX_LOADED_FACES: usize = 1000;

/// The largest font file vitae reads, in bytes (64 MB; the largest CJK collections
/// are about 30 MB).
pub const MAX_FONT_BYTES: u64 = 64 * 1024 * 1024;

/// Checks a font file's size by its metadata, before anything of it is read.
///
/// # Errors
/// "the font file … is … bytes; vitae reads font files of at most 64 MB (67108864
/// bytes)", or "cannot read …" when its metadata cannot be read.
pub fn check_font_size(path: &Path) -> Result<(), String> {
    let len = std::fs::metadata(path)
        .map_err(|e| format!("cannot read the font file {} ({e})", path.display()))?
        .len();
    if len > MAX_FONT_BYTES {
        return Err(format!(
            "the font file {} is {len} bytes; vitae reads font files of at most 64 MB ({MAX_FONT_BYTES} bytes)",
            path.display()
        ));
    }
    Ok(())
}

/// Loads face `index` of the font file at `path` into the registry (once per file and
/// index) and returns its id.
///
/// # Errors
/// "cannot read …" when the file cannot be read; the error of [`check_font_size`]
/// for a file over [`MAX_FONT_BYTES`] (it is not read); "… is not a font vitae can
/// read (expected a TrueType or OpenType file, .ttf, .otf or .ttc)" when it does not
/// parse.
pub fn load_face(path: &Path, index: u32) -> Result<FaceId, String> {
    if let Some(k) = loaded().iter().position(|(p, i, _)| p == path && *i == index) {
        return Ok(FaceId((BUNDLED.len() + k) as u16));
    }
    // A collection's faces share one copy of the file.
    let same_file = loaded().iter().find(|(p, ..)| p == path).map(|(.., f)| f.data);
    let data: &'static [u8] = match same_file {
        Some(d) => d,
        None => Box::leak(
            check_font_size(path)
                .and_then(|()| {
                    std::fs::read(path).map_err(|e| format!("cannot read the font file {} ({e})", path.display()))
                })?
                .into_boxed_slice(),
        ),
    };
    let name = Face::from_slice(data, index)
        .and_then(|f| {
            f.names()
                .into_iter()
                .find(|n| n.name_id == ttf_parser::name_id::POST_SCRIPT_NAME)
                .and_then(|n| n.to_string())
        })
        .unwrap_or_else(|| {
            path.file_stem()
                .map_or_else(|| "font".to_string(), |s| s.to_string_lossy().into_owned())
        });
    let font = Font::parse(data, index, name).ok_or_else(|| {
        format!(
            "{} is not a font vitae can read (expected a TrueType or OpenType file: .ttf, .otf or .ttc)",
            path.display()
        )
    })?;
    let mut l = loaded();
    if l.len() >= MAX_LOADED_FACES {
        return Err(format!("too many font files loaded (at most {MAX_LOADED_FACES})"));
    }
    l.push((path.to_path_buf(), index, Box::leak(Box::new(font))));
    Ok(FaceId((BUNDLED.len() + l.len() - 1) as u16))
}

/// The parsed face for an id.
///
/// # Panics
/// For an id the registry never handed out.
pub fn font(id: FaceId) -> &'static Font {
    let i = id.0 as usize;
    if id.is_icons() {
        icons(i - FaceId::ICONS_BRANDS.0 as usize)
    } else if i < BUNDLED.len() {
        bundled(i)
    } else {
        loaded()[i - BUNDLED.len()].2
    }
}

/// A face as it is used for one style: the face, and what vitae synthesises on it
/// when the family has no face of that style.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Styled {
    /// The face the glyphs come from.
    pub id: FaceId,
    /// Bold made by stroking the outlines (PDF text rendering mode 2, fill then
    /// stroke, PDF 32000-1 §9.3.6) with a line [`FAKE_BOLD_STROKE`] em wide.
    pub fake_bold: bool,
    /// Italic made by slanting the upright face by [`FAKE_ITALIC_SHEAR`] (a shear in
    /// the text matrix, §9.4.2).
    pub fake_italic: bool,
}

/// The stroke width of synthesised bold, as a fraction of the em (0.025 em: 0.25 pt
/// at 10 pt, about the difference in stem width between a regular and a bold face).
pub const FAKE_BOLD_STROKE: f64 = 0.025;
/// The shear of synthesised italic: tan 12° ≈ 0.2126, the slant of most obliques.
pub const FAKE_ITALIC_SHEAR: f64 = 0.212_556_56;

impl Styled {
    /// A face used as it is.
    pub const fn plain(id: FaceId) -> Styled {
        Styled {
            id,
            fake_bold: false,
            fake_italic: false,
        }
    }
}

/// The weight of a style: which of a family's faces is set (and whether a paragraph's
/// spans are bold).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Weight {
    /// The regular (book) weight.
    #[default]
    Regular,
    /// The bold face, or the regular one stroked ([`Styled::fake_bold`]).
    Bold,
}

/// The slant of a style.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Slant {
    /// Upright (roman).
    #[default]
    Upright,
    /// The italic face, or the upright one slanted ([`Styled::fake_italic`]).
    Italic,
}

/// A family: a face for each of the four styles (regular, bold, italic, bold
/// italic), synthesised from another where the family lacks it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Family {
    /// Regular, bold, italic and bold italic, in that order.
    pub faces: [Styled; 4],
}

impl Family {
    /// Charis SIL, the bundled serif (`font: serif`).
    pub const SERIF: Family = Family {
        faces: [
            Styled::plain(FaceId::SERIF_REGULAR),
            Styled::plain(FaceId::SERIF_BOLD),
            Styled::plain(FaceId::SERIF_ITALIC),
            Styled::plain(FaceId::SERIF_BOLD_ITALIC),
        ],
    };
    /// Lato, the bundled sans (`font: sans`).
    pub const SANS: Family = Family {
        faces: [
            Styled::plain(FaceId::SANS_REGULAR),
            Styled::plain(FaceId::SANS_BOLD),
            Styled::plain(FaceId::SANS_ITALIC),
            Styled::plain(FaceId::SANS_BOLD_ITALIC),
        ],
    };

    /// The face for a weight and slant (synthesised where the family lacks it).
    pub fn face(&self, weight: Weight, slant: Slant) -> Styled {
        let bold = matches!(weight, Weight::Bold) as usize;
        let italic = matches!(slant, Slant::Italic) as usize;
        self.faces[bold + 2 * italic]
    }
}

impl Default for Family {
    fn default() -> Family {
        Family::SERIF
    }
}

/// The font families vitae brings, one line each: name, role and faces.
pub fn families() -> Vec<String> {
    vec![
        "Charis SIL 6.101 (bundled; `font: serif`, the default): regular, bold, italic, bold italic".to_string(),
        "Lato 2.007 (bundled; `font: sans`): regular, bold, italic, bold italic".to_string(),
        "DejaVu Sans 2.37 (bundled; fallback for symbols and letters the text face lacks): regular, bold".to_string(),
    ]
}
