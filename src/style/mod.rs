//! Stage 2: the input's `design` → one resolved [`Style`] per build.
//!
//! [`resolve`] checks every design value once (ranges, names, lengths, colours),
//! applies the theme's preset and the command line's [`Overrides`], loads the fonts,
//! and derives every size and space the layout uses: the page and its text block,
//! the measure, the type scale ([`TypeScale`]), leading, the vertical spaces
//! ([`Spaces`]) and the horizontal indents ([`Indents`]). Layout reads these and
//! computes none of them again. [`Style::scaled`] is the style `fit_pages` tries
//! ([`crate::fit`]).
//!
//! Units: every length is in points (pt); layout space is y down.

mod resolve;

pub use resolve::{parse_color, parse_length, resolve};

use crate::diag::{Diagnostic, Pos};
use crate::geom::{Pt, Rect, Rgb, Size};
use crate::lang::Language;
use crate::text::Family;

/// How section headings are set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SectionTitle {
    /// In capitals (the default).
    Uppercase,
    /// In small capitals: the font's own (`smcp`) or synthesised; the text extracted
    /// from the PDF is the title as written.
    SmallCaps,
    /// As the author wrote it.
    AsWritten,
}

/// Where entries' dates and locations go.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateColumn {
    /// Flush right on the entry's first baseline (the default).
    Right,
    /// In a column at the left margin; the rest of the entry is indented past it.
    Left,
}

/// How dates sit inside the left date column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateAlign {
    /// Flush left against the margin.
    Left,
    /// Flush right against the gutter (the default).
    Right,
}

/// A preset of the design keys (`design.theme`); keys given explicitly override it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    /// Serif, centred header, capitals headings with a rule under them, dates in a
    /// right column (the default; like RenderCV's classic theme).
    Classic,
    /// Lato, a left-aligned header, accent headings as written, dates small and
    /// grey in a left column (like moderncv's classic style).
    Modern,
    /// Classic at 9.5 pt with 0.5 in margins, line spacing 1.15 and 70 % of the
    /// vertical space: for dense one-page resumes.
    Compact,
    /// Serif, a centred header, headings as written with the rule running on from the
    /// title to the margin; bold title rows and italic role rows with dates right
    /// (like moderncv's banking style).
    Banking,
    /// The single-column engineering résumé US tech recruiters favour: Lato at 9.5 pt,
    /// line spacing 1.1, 0.5 in margins, 55 % of the vertical space, no colour (text
    /// black), a flush-left header with a smaller name (2 fs), capitals headings with
    /// a full-width rule under them, dates right; fitted to one page by default
    /// (`fit_pages: 1`, laid out at full size with a note when it cannot fit).
    Engineer,
}

impl Theme {
    /// Every theme with its name in `design.theme`.
    pub const ALL: [(&'static str, Theme); 5] = [
        ("classic", Theme::Classic),
        ("modern", Theme::Modern),
        ("compact", Theme::Compact),
        ("banking", Theme::Banking),
        ("engineer", Theme::Engineer),
    ];

    /// The theme of a name (`classic`, `modern`, `compact`, `banking`, `engineer`).
    pub fn from_name(name: &str) -> Option<Theme> {
        Theme::ALL.iter().find(|(n, _)| *n == name.trim()).map(|&(_, t)| t)
    }

    /// The theme's name.
    pub fn name(self) -> &'static str {
        Theme::ALL
            .iter()
            .find(|(_, t)| *t == self)
            .map_or("classic", |(n, _)| n)
    }
}

/// How the header (name, headline, contact) is aligned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HeaderAlign {
    /// Centred on the measure.
    Centre,
    /// Flush left.
    Left,
}

/// Where a section heading's rule goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HeadingRule {
    /// Across the measure, under the heading.
    Below,
    /// From after the title to the right margin, at the middle of the capitals.
    Beside,
}

/// Page margins in points.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Margins {
    /// Top margin, pt.
    pub top: Pt,
    /// Right margin, pt.
    pub right: Pt,
    /// Bottom margin, pt.
    pub bottom: Pt,
    /// Left margin, pt.
    pub left: Pt,
}

/// The type scale: every size, in pt, from the body size `fs`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TypeScale {
    /// The name: 2.4 fs, bold, in the accent colour.
    pub name: Pt,
    /// The headline under it: 1.1 fs.
    pub headline: Pt,
    /// The contact line: 0.9 fs.
    pub contact: Pt,
    /// Section headings: 1.2 fs, bold.
    pub heading: Pt,
    /// Body text, entry titles and subtitles: fs.
    pub body: Pt,
    /// Dates and locations: the theme's date scale × fs (1, or 0.9 in `modern`).
    pub date: Pt,
    /// The running header of pages after the first: 0.8 fs, italic.
    pub running_header: Pt,
    /// Page numbers: 0.8 fs.
    pub folio: Pt,
}

/// Vertical spaces between blocks, in pt: fractions of fs times the theme's spacing
/// scale, so that the rhythm scales with the body size.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Spaces {
    /// Above the headline: 0.1 fs.
    pub before_headline: Pt,
    /// Above the contact line: 0.25 fs.
    pub before_contact: Pt,
    /// Above the first section heading when the header is the name alone: 0.8 fs.
    pub before_first_heading: Pt,
    /// Above a section heading: 1.1 fs.
    pub before_heading: Pt,
    /// Between a heading's rule and its first entry: 0.45 fs.
    pub after_heading: Pt,
    /// Between entries: 0.55 fs.
    pub between_entries: Pt,
    /// Above an entry's text and each bullet: 0.12 fs.
    pub before_body: Pt,
}

/// Horizontal distances and rules, in pt, from fs.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Indents {
    /// The least space between a title and its date, or after the left date column:
    /// 1 fs.
    pub date_gutter: Pt,
    /// The bullet's position from the entry's left edge: 0.35 fs.
    pub bullet: Pt,
    /// The hanging indent of bullet text: 1.2 fs.
    pub bullet_text: Pt,
    /// The gap between an entry's number and its text: 0.5 fs.
    pub number_gap: Pt,
    /// From a heading's baseline down to its rule: 0.4 fs.
    pub rule_drop: Pt,
    /// A section rule's thickness: 0.5 pt.
    pub rule_thickness: Pt,
}

/// The resolved design of one build: every key with its default or the theme's
/// preset applied, overrides applied, fonts loaded, and every derived length.
#[derive(Clone, Debug, PartialEq)]
pub struct Style {
    /// Page width and height in pt (letter: 612 × 792; A4: 595.28 × 841.89).
    pub page: Size,
    /// Margins in pt (default 0.7 in = 50.4 pt on every side).
    pub margin: Margins,
    /// The text block: the page less its margins (y down from the page's top).
    pub text_block: Rect,
    /// The measure (the text block's width), pt.
    pub measure: Pt,
    /// Body size in pt (default 10 pt); every other size derives from it.
    pub font_size: Pt,
    /// Baseline-to-baseline distance as a multiple of the size (default 1.2).
    pub line_spacing: f64,
    /// Every size of the type scale.
    pub sizes: TypeScale,
    /// Every vertical space between blocks.
    pub spaces: Spaces,
    /// Horizontal distances and rules.
    pub indents: Indents,
    /// Colour of the name, section headings and rules.
    pub accent: Rgb,
    /// Colour of link text (default: the accent).
    pub link: Rgb,
    /// Justify paragraphs and bullets, the last line ragged (default true).
    pub justify: bool,
    /// Text between contact items (default " · ").
    pub contact_separator: String,
    /// A small icon before each contact item, from the bundled Font Awesome Free
    /// faces (default false).
    pub contact_icons: bool,
    /// How section headings are set (default uppercase).
    pub section_title: SectionTitle,
    /// A thin rule under each section heading (default true).
    pub section_rule: bool,
    /// `n / N` at the foot of each page when there is more than one (default true).
    pub page_numbers: bool,
    /// Hyphenate paragraphs and bullets at all (`hyphenate: auto` or `true`; default
    /// true).
    pub hyphenate: bool,
    /// `hyphenate: auto` (the default): hyphenate a paragraph only when it cannot be
    /// set without a loose line otherwise ([`crate::inline::ParStyle::hyphenate_auto`]).
    pub hyphenate_auto: bool,
    /// `microtype` (default true): margin kerning and, in justified text, expansion
    /// by letter-spacing ([`crate::inline::ParStyle::microtype`]).
    pub microtype: bool,
    /// The person's name, small, at the top of every page after the first (default
    /// true).
    pub running_header: bool,
    /// Fit the resume into this many pages (`fit_pages`, or `--fit-pages`), with the
    /// position of the key for errors ([`Pos::UNKNOWN`] from the command line).
    pub fit_pages: Option<(u32, Pos)>,
    /// `fit_pages` is the theme's default (`engineer`), not asked for by the file or
    /// the command line: a resume that cannot fit is set at full size, with a note,
    /// instead of being refused.
    pub fit_from_theme: bool,
    /// The name's size as a multiple of `font_size` (from the theme: 2.4, or 2 in
    /// `engineer`).
    pub name_scale: f64,
    /// Hyphenation patterns and date words (default en-US).
    pub language: Language,
    /// The preset the design started from (default classic).
    pub theme: Theme,
    /// The text family (default Charis SIL, `font: serif`).
    pub font: Family,
    /// The family's name.
    pub font_name: String,
    /// Where dates and locations go (default right).
    pub date_column: DateColumn,
    /// Dates' alignment inside a left date column (default right).
    pub date_align: DateAlign,
    /// Header alignment (from the theme).
    pub header_align: HeaderAlign,
    /// Where heading rules go (from the theme).
    pub heading_rule: HeadingRule,
    /// Size of dates and locations as a multiple of `font_size` (from the theme: 1,
    /// or 0.9 in `modern`).
    pub date_scale: f64,
    /// Every vertical space between blocks is multiplied by this (from the theme: 1,
    /// or 0.7 in `compact`).
    pub space_scale: f64,
    /// Warnings found while resolving (faces of the chosen font that had to be
    /// synthesised, a key without effect).
    pub warnings: Vec<Diagnostic>,
}

/// The smallest text block a design may leave, in pt (2 in × 2 in): margins that leave
/// less are refused as leaving no room.
pub const MIN_TEXT_BLOCK: Pt = Pt(144.0);

/// The body sizes `design.font_size` and `--font-size` accept, pt.
pub const FONT_SIZE_RANGE: std::ops::RangeInclusive<Pt> = Pt(6.0)..=Pt(20.0);

/// The line spacings `design.line_spacing` accepts (multiples of the size).
pub const LINE_SPACING_RANGE: std::ops::RangeInclusive<f64> = 0.8..=3.0;

/// The named pages of `design.page` and `--page`: (name, width, height in pt).
pub const PAGES: [(&str, Pt, Pt); 6] = [
    ("letter", Pt(612.0), Pt(792.0)),
    ("a4", Pt(210.0 * 72.0 / 25.4), Pt(297.0 * 72.0 / 25.4)),
    ("legal", Pt(612.0), Pt(1008.0)),
    ("a5", Pt(148.0 * 72.0 / 25.4), Pt(210.0 * 72.0 / 25.4)),
    ("b5", Pt(176.0 * 72.0 / 25.4), Pt(250.0 * 72.0 / 25.4)),
    ("executive", Pt(522.0), Pt(756.0)),
];

/// The names of [`PAGES`] as the messages list them.
pub const PAGE_NAMES: &str = "`letter`, `a4`, `legal`, `a5`, `b5` or `executive`";

/// The tightest line spacing `fit_pages` may reach (a multiple of the size): below
/// 1.15 the descenders of Charis SIL's accented and tall letters begin to touch the
/// ascenders of the line below.
pub const FIT_MIN_LINE_SPACING: f64 = 1.15;

/// The modern theme's accent: a deep teal blue (#1D5A7A).
const MODERN_ACCENT: Rgb = Rgb::hex(0x1D, 0x5A, 0x7A);
/// The banking theme's accent: a banker's navy (#23395B).
const BANKING_ACCENT: Rgb = Rgb::hex(0x23, 0x39, 0x5B);

impl Style {
    /// The style a theme starts from, before the file's keys: the defaults of the
    /// spec's table, changed where the theme changes them.
    pub fn for_theme(theme: Theme) -> Style {
        let m = Pt(0.7 * 72.0);
        let mut s = Style {
            page: Size {
                width: Pt(612.0),
                height: Pt(792.0),
            },
            margin: Margins {
                top: m,
                right: m,
                bottom: m,
                left: m,
            },
            text_block: Rect {
                x: Pt::ZERO,
                y: Pt::ZERO,
                width: Pt::ZERO,
                height: Pt::ZERO,
            },
            measure: Pt::ZERO,
            font_size: Pt(10.0),
            line_spacing: 1.2,
            sizes: TypeScale {
                name: Pt::ZERO,
                headline: Pt::ZERO,
                contact: Pt::ZERO,
                heading: Pt::ZERO,
                body: Pt::ZERO,
                date: Pt::ZERO,
                running_header: Pt::ZERO,
                folio: Pt::ZERO,
            },
            spaces: Spaces {
                before_headline: Pt::ZERO,
                before_contact: Pt::ZERO,
                before_first_heading: Pt::ZERO,
                before_heading: Pt::ZERO,
                after_heading: Pt::ZERO,
                between_entries: Pt::ZERO,
                before_body: Pt::ZERO,
            },
            indents: Indents {
                date_gutter: Pt::ZERO,
                bullet: Pt::ZERO,
                bullet_text: Pt::ZERO,
                number_gap: Pt::ZERO,
                rule_drop: Pt::ZERO,
                rule_thickness: Pt::ZERO,
            },
            accent: Rgb::ACCENT,
            link: Rgb::ACCENT,
            justify: true,
            contact_separator: " · ".to_string(),
            contact_icons: false,
            section_title: SectionTitle::Uppercase,
            section_rule: true,
            page_numbers: true,
            hyphenate: true,
            hyphenate_auto: true,
            microtype: true,
            running_header: true,
            fit_pages: None,
            fit_from_theme: false,
            name_scale: 2.4,
            language: Language::EnglishUs,
            theme,
            font: Family::SERIF,
            font_name: "Charis SIL".to_string(),
            date_column: DateColumn::Right,
            date_align: DateAlign::Right,
            header_align: HeaderAlign::Centre,
            heading_rule: HeadingRule::Below,
            date_scale: 1.0,
            space_scale: 1.0,
            warnings: Vec::new(),
        };
        match theme {
            Theme::Classic => {}
            Theme::Modern => {
                s.font = Family::SANS;
                s.font_name = "Lato".to_string();
                (s.accent, s.link) = (MODERN_ACCENT, MODERN_ACCENT);
                s.date_column = DateColumn::Left;
                s.section_title = SectionTitle::AsWritten;
                s.header_align = HeaderAlign::Left;
                s.date_scale = 0.9;
            }
            Theme::Compact => {
                let m = Pt(0.5 * 72.0);
                s.font_size = Pt(9.5);
                s.line_spacing = 1.15;
                s.margin = Margins {
                    top: m,
                    right: m,
                    bottom: m,
                    left: m,
                };
                s.space_scale = 0.7;
            }
            Theme::Banking => {
                (s.accent, s.link) = (BANKING_ACCENT, BANKING_ACCENT);
                s.section_title = SectionTitle::AsWritten;
                s.heading_rule = HeadingRule::Beside;
            }
            Theme::Engineer => {
                let m = Pt(0.5 * 72.0);
                s.font = Family::SANS;
                s.font_name = "Lato".to_string();
                (s.accent, s.link) = (Rgb::TEXT, Rgb::TEXT);
                s.font_size = Pt(9.5);
                s.line_spacing = 1.1;
                s.margin = Margins {
                    top: m,
                    right: m,
                    bottom: m,
                    left: m,
                };
                s.space_scale = 0.55;
                s.header_align = HeaderAlign::Left;
                s.name_scale = 2.0;
                s.fit_pages = Some((1, Pos::UNKNOWN));
                s.fit_from_theme = true;
            }
        }
        s.derive();
        s
    }

    /// Computes every derived length from the page, the margins, the body size, the
    /// line spacing and the theme's scales.
    fn derive(&mut self) {
        let fs = self.font_size;
        self.measure = self.page.width - self.margin.left - self.margin.right;
        self.text_block = Rect {
            x: self.margin.left,
            y: self.margin.top,
            width: self.measure,
            height: self.page.height - self.margin.bottom - self.margin.top,
        };
        self.sizes = TypeScale {
            name: self.name_scale * fs,
            headline: 1.1 * fs,
            contact: 0.9 * fs,
            heading: 1.2 * fs,
            body: fs,
            date: self.date_scale * fs,
            running_header: 0.8 * fs,
            folio: 0.8 * fs,
        };
        let space = |k: f64| k * fs * self.space_scale;
        self.spaces = Spaces {
            before_headline: space(0.1),
            before_contact: space(0.25),
            before_first_heading: space(0.8),
            before_heading: space(1.1),
            after_heading: space(0.45),
            between_entries: space(0.55),
            before_body: space(0.12),
        };
        self.indents = Indents {
            date_gutter: 1.0 * fs,
            bullet: 0.35 * fs,
            bullet_text: 1.2 * fs,
            number_gap: 0.5 * fs,
            rule_drop: 0.4 * fs,
            rule_thickness: Pt(0.5),
        };
    }

    /// The leading (baseline-to-baseline distance) of text of `size` pt, pt.
    pub fn leading(&self, size: Pt) -> Pt {
        size * self.line_spacing
    }

    /// The style at `scale` (0.85–1) of this one, as `fit_pages` tries it: the body
    /// size and with it every size and vertical space times `scale`, and the line
    /// spacing times `scale` but never below [`FIT_MIN_LINE_SPACING`] (or this
    /// style's own spacing, if that is tighter).
    pub fn scaled(&self, scale: f64) -> Style {
        let mut s = self.clone();
        s.font_size = self.font_size * scale;
        s.line_spacing = (self.line_spacing * scale).max(FIT_MIN_LINE_SPACING.min(self.line_spacing));
        s.derive();
        s
    }
}

/// What the command line sets over the file's design, for one run (`--theme`,
/// `--page`, `--font-size`, `--fit-pages`), and where font paths are relative to.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Overrides {
    /// Replaces `design.theme`; the file's other design keys still override it.
    pub theme: Option<Theme>,
    /// Replaces `design.page`: width and height, pt.
    pub page: Option<Size>,
    /// Replaces `design.font_size`, pt.
    pub font_size: Option<Pt>,
    /// Replaces `design.fit_pages`.
    pub fit_pages: Option<u32>,
    /// The folder `design.font` paths are relative to (the resume's folder; `None`:
    /// the current folder).
    pub base_dir: Option<std::path::PathBuf>,
}

impl Overrides {
    /// `--page`'s value: a page name of [`PAGES`] (any case).
    ///
    /// # Errors
    /// "--page: unknown page size `a3` (expected `letter`, `a4`, `legal`, `a5`, `b5`
    /// or `executive`)".
    pub fn parse_page(s: &str) -> Result<Size, String> {
        let name = s.trim().to_ascii_lowercase();
        page_named(&name).ok_or_else(|| format!("--page: unknown page size `{name}` (expected {PAGE_NAMES})"))
    }

    /// `--font-size`'s value: a length (as [`parse_length`]) in [`FONT_SIZE_RANGE`].
    ///
    /// # Errors
    /// The length's error, or "--font-size: 30 pt is out of range (expected 6 pt to
    /// 20 pt)".
    pub fn parse_font_size(s: &str) -> Result<Pt, String> {
        match parse_length(s) {
            Ok(x) if !FONT_SIZE_RANGE.contains(&x) => {
                Err(format!("--font-size: {x} pt is out of range (expected 6 pt to 20 pt)"))
            }
            Ok(x) => Ok(x),
            Err(m) => Err(format!("--font-size: {m}")),
        }
    }

    /// `--theme`'s value.
    ///
    /// # Errors
    /// "unknown theme `x` (expected classic, modern, compact, banking or engineer)".
    pub fn parse_theme(s: &str) -> Result<Theme, String> {
        Theme::from_name(s)
            .ok_or_else(|| format!("unknown theme `{s}` (expected classic, modern, compact, banking or engineer)"))
    }
}

/// The size of a named page (lower case), pt.
fn page_named(name: &str) -> Option<Size> {
    PAGES
        .iter()
        .find(|(n, _, _)| *n == name)
        .map(|&(_, width, height)| Size { width, height })
}

impl Default for Style {
    /// The classic theme with every default of the spec's table.
    fn default() -> Style {
        Style::for_theme(Theme::Classic)
    }
}
