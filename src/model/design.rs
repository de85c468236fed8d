//! The `design` mapping, checked and resolved to points.
//!
//! Lengths are numbers with a unit `pt`, `in`, `mm` or `cm` (a bare number is
//! points: 1 in = 72 pt, 1 mm = 72/25.4 pt). A theme ([`Theme`]) is a preset of the
//! keys: the design starts from it, and the keys given override it.

use super::raw::{RawDesign, RawLengthOr, Scalar};
use crate::diag::{Diagnostic, Pos};
use crate::geom::Pt;
use crate::lang::Language;
use crate::text::Family;
use serde_saphyr::Spanned;

/// An sRGB colour, each channel 0.0–1.0.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rgb(pub f64, pub f64, pub f64);

impl Rgb {
    /// The default accent: a dark blue (#1F3A5F), close to RenderCV's classic theme.
    pub const ACCENT: Rgb = Rgb(0x1F as f64 / 255.0, 0x3A as f64 / 255.0, 0x5F as f64 / 255.0);
    /// Body text: near-black (#1A1A1A), softer on paper than pure black.
    pub const TEXT: Rgb = Rgb(0x1A as f64 / 255.0, 0x1A as f64 / 255.0, 0x1A as f64 / 255.0);
    /// The quiet grey of dates, locations and page numbers (#555555).
    pub const QUIET: Rgb = Rgb(0x55 as f64 / 255.0, 0x55 as f64 / 255.0, 0x55 as f64 / 255.0);
}

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
}

impl Theme {
    /// Every theme with its name in `design.theme`.
    pub const ALL: [(&'static str, Theme); 4] = [("classic", Theme::Classic), ("modern", Theme::Modern), ("compact", Theme::Compact), ("banking", Theme::Banking)];

    /// The theme of a name (`classic`, `modern`, `compact`, `banking`).
    pub fn from_name(name: &str) -> Option<Theme> {
        Theme::ALL.iter().find(|(n, _)| *n == name.trim()).map(|&(_, t)| t)
    }

    /// The theme's name.
    pub fn name(self) -> &'static str {
        Theme::ALL.iter().find(|(_, t)| *t == self).map_or("classic", |(n, _)| n)
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

/// The resolved design: every key of the spec's table with its default applied.
#[derive(Clone, Debug, PartialEq)]
pub struct Design {
    /// Page width and height in pt (letter: 612 × 792; A4: 595.28 × 841.89).
    pub page_width: Pt,
    /// Page height, pt.
    pub page_height: Pt,
    /// Margins in pt (default 0.7 in = 50.4 pt on every side).
    pub margin: Margins,
    /// Body size in pt (default 10 pt); headings scale from it.
    pub font_size: Pt,
    /// Baseline-to-baseline distance as a multiple of `font_size` (default 1.2).
    pub line_spacing: f64,
    /// Colour of the name, section headings and rules.
    pub accent: Rgb,
    /// Colour of link text (default: the accent).
    pub link: Rgb,
    /// Justify paragraphs and bullets, the last line ragged (default true).
    pub justify: bool,
    /// Text between contact items (default " · ").
    pub contact_separator: String,
    /// How section headings are set (default uppercase).
    pub section_title: SectionTitle,
    /// A thin rule under each section heading (default true).
    pub section_rule: bool,
    /// `n / N` at the foot of each page when there is more than one (default true).
    pub page_numbers: bool,
    /// Hyphenate paragraphs and bullets when it improves the breaks (default true).
    pub hyphenate: bool,
    /// The person's name, small, at the top of every page after the first (default
    /// true).
    pub running_header: bool,
    /// Fit the resume into this many pages by scaling the type down (`fit_pages`),
    /// with the position of the key for errors.
    pub fit_pages: Option<(u32, Pos)>,
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
}

/// The smallest text block a design may leave, in pt (2 in × 2 in): margins that leave
/// less are refused as leaving no room.
pub const MIN_TEXT_BLOCK: Pt = 144.0;

impl Default for Design {
    fn default() -> Design {
        let m = 0.7 * 72.0;
        Design {
            page_width: 612.0,
            page_height: 792.0,
            margin: Margins { top: m, right: m, bottom: m, left: m },
            font_size: 10.0,
            line_spacing: 1.2,
            accent: Rgb::ACCENT,
            link: Rgb::ACCENT,
            justify: true,
            contact_separator: " · ".to_string(),
            section_title: SectionTitle::Uppercase,
            section_rule: true,
            page_numbers: true,
            hyphenate: true,
            running_header: true,
            fit_pages: None,
            language: Language::EnglishUs,
            theme: Theme::Classic,
            font: Family::SERIF,
            font_name: "Charis SIL".to_string(),
            date_column: DateColumn::Right,
            date_align: DateAlign::Right,
            header_align: HeaderAlign::Centre,
            heading_rule: HeadingRule::Below,
            date_scale: 1.0,
            space_scale: 1.0,
        }
    }
}

/// The modern theme's accent: a deep teal blue (#1D5A7A).
const MODERN_ACCENT: Rgb = Rgb(0x1D as f64 / 255.0, 0x5A as f64 / 255.0, 0x7A as f64 / 255.0);
/// The banking theme's accent: a banker's navy (#23395B).
const BANKING_ACCENT: Rgb = Rgb(0x23 as f64 / 255.0, 0x39 as f64 / 255.0, 0x5B as f64 / 255.0);

impl Design {
    /// The design a theme starts from, before the file's keys.
    pub fn for_theme(theme: Theme) -> Design {
        let d = Design { theme, ..Design::default() };
        match theme {
            Theme::Classic => d,
            Theme::Modern => Design {
                font: Family::SANS,
                font_name: "Lato".to_string(),
                accent: MODERN_ACCENT,
                link: MODERN_ACCENT,
                date_column: DateColumn::Left,
                section_title: SectionTitle::AsWritten,
                header_align: HeaderAlign::Left,
                date_scale: 0.9,
                ..d
            },
            Theme::Compact => {
                let m = 0.5 * 72.0;
                Design { font_size: 9.5, line_spacing: 1.15, margin: Margins { top: m, right: m, bottom: m, left: m }, space_scale: 0.7, ..d }
            }
            Theme::Banking => Design {
                accent: BANKING_ACCENT,
                link: BANKING_ACCENT,
                section_title: SectionTitle::AsWritten,
                heading_rule: HeadingRule::Beside,
                ..d
            },
        }
    }
}

/// What resolving a design needs besides the mapping.
#[derive(Clone, Debug, Default)]
pub struct Context {
    /// The folder font paths are relative to (the resume's folder); `None`: the
    /// current folder.
    pub base_dir: Option<std::path::PathBuf>,
    /// A theme that replaces `design.theme` (the CLI's `--theme`).
    pub theme: Option<Theme>,
}

/// Parses a length: a number with unit `pt`, `in`, `mm` or `cm`, or a bare number of
/// points. Returns the length in pt.
///
/// # Errors
/// "`2 furlongs` is not a length (expected a number with a unit pt, in, mm or cm)".
pub fn parse_length(s: &str) -> Result<Pt, String> {
    let t = s.trim();
    let split = t.find(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-' || c == '+')).unwrap_or(t.len());
    let (num, unit) = (t[..split].trim(), t[split..].trim());
    if num.is_empty() {
        return Err(format!("`{t}` is not a length (expected a number with a unit pt, in, mm or cm)"));
    }
    let factor = match unit {
        "" | "pt" => 1.0,
        "in" => 72.0,
        "mm" => 72.0 / 25.4,
        "cm" => 72.0 / 2.54,
        _ => return Err(format!("`{t}` has an unknown unit `{unit}` (expected a number with a unit pt, in, mm or cm)")),
    };
    match num.parse::<f64>() {
        Ok(v) if v.is_finite() && v >= 0.0 => Ok(v * factor),
        _ => Err(format!("`{t}` is not a length (expected a non-negative number with a unit pt, in, mm or cm)")),
    }
}

/// Parses `#RRGGBB`.
///
/// # Errors
/// "`#12345G` is not a colour (expected #RRGGBB, six hexadecimal digits)".
pub fn parse_color(s: &str) -> Result<Rgb, String> {
    let t = s.trim();
    let hex = t.strip_prefix('#').filter(|h| h.len() == 6 && h.bytes().all(|b| b.is_ascii_hexdigit()));
    match hex {
        Some(h) => {
            let c = |i: usize| u8::from_str_radix(&h[i..i + 2], 16).unwrap_or(0) as f64 / 255.0;
            Ok(Rgb(c(0), c(2), c(4)))
        }
        None => Err(format!("`{t}` is not a colour (expected #RRGGBB, six hexadecimal digits)")),
    }
}

fn pos<T>(s: &Spanned<T>) -> Pos {
    s.referenced.into()
}

/// Adds "did you mean" for an enum value close to one of `values`.
fn with_did_you_mean(d: Diagnostic, got: &str, values: &[&str]) -> Diagnostic {
    match crate::diag::closest(got, values) {
        Some(best) => d.with_hint(format!("did you mean `{best}`?")),
        None => d,
    }
}

/// Checks the `design` mapping and resolves it against its theme's preset (the
/// context's theme, else `design.theme`, else classic). Returns the design and its
/// warnings (faces of the chosen font that had to be synthesised).
///
/// # Errors
/// Every problem found, each at the line of the offending key's value.
pub fn resolve(raw: &RawDesign, ctx: &Context) -> Result<(Design, Vec<Diagnostic>), Vec<Diagnostic>> {
    let mut errs = Vec::new();
    let mut warnings = Vec::new();
    let theme = match (&ctx.theme, &raw.theme) {
        (Some(t), _) => *t,
        (None, Some(v)) => match Theme::from_name(&v.value.0) {
            Some(t) => t,
            None => {
                let names: Vec<&str> = Theme::ALL.iter().map(|(n, _)| *n).collect();
                errs.push(with_did_you_mean(
                    Diagnostic::error(pos(v), format!("design.theme: unknown theme `{}` (expected {})", v.value.0.trim(), names.join(", "))),
                    v.value.0.trim(),
                    &names,
                ));
                Theme::Classic
            }
        },
        (None, None) => Theme::Classic,
    };
    let mut d = Design::for_theme(theme);
    let length = |v: &Spanned<Scalar>, key: &str, errs: &mut Vec<Diagnostic>| -> Option<Pt> {
        parse_length(&v.value.0)
            .map_err(|m| errs.push(Diagnostic::error(pos(v), format!("design.{key}: {m}")).with_hint("write a length as a number with a unit: `0.7in`, `18mm`, `2cm`, `10pt` (a bare number is points)")))
            .ok()
    };
    if let Some(p) = &raw.page {
        match &p.value {
            RawLengthOr::One(Scalar(s)) => match s.trim().to_ascii_lowercase().as_str() {
                "letter" => (d.page_width, d.page_height) = (612.0, 792.0),
                "a4" => (d.page_width, d.page_height) = (210.0 * 72.0 / 25.4, 297.0 * 72.0 / 25.4),
                _ => errs.push(with_did_you_mean(Diagnostic::error(pos(p), format!("design.page: unknown page `{s}` (expected `letter`, `a4` or {{width, height}})")), s, &["letter", "a4"])),
            },
            RawLengthOr::Map(kv) => {
                let (mut w, mut h) = (None, None);
                for (k, v) in kv {
                    match k.as_str() {
                        "width" => w = length(v, "page.width", &mut errs),
                        "height" => h = length(v, "page.height", &mut errs),
                        _ => errs.push(Diagnostic::error(pos(v), format!("design.page: unknown key `{k}` (expected `width` and `height`)"))),
                    }
                }
                match (w, h) {
                    (Some(w), Some(h)) => (d.page_width, d.page_height) = (w, h),
                    _ if errs.is_empty() => errs.push(Diagnostic::error(pos(p), "design.page: a custom page needs both `width` and `height`")),
                    _ => {}
                }
            }
        }
    }
    if let Some(m) = &raw.margin {
        match &m.value {
            RawLengthOr::One(s) => {
                let v = Spanned { value: s.clone(), referenced: m.referenced, defined: m.defined };
                if let Some(x) = length(&v, "margin", &mut errs) {
                    d.margin = Margins { top: x, right: x, bottom: x, left: x };
                }
            }
            RawLengthOr::Map(kv) => {
                for (k, v) in kv {
                    let slot = match k.as_str() {
                        "top" => &mut d.margin.top,
                        "right" => &mut d.margin.right,
                        "bottom" => &mut d.margin.bottom,
                        "left" => &mut d.margin.left,
                        _ => {
                            errs.push(Diagnostic::error(pos(v), format!("design.margin: unknown side `{k}` (expected top, right, bottom, left)")));
                            continue;
                        }
                    };
                    if let Some(x) = length(v, &format!("margin.{k}"), &mut errs) {
                        *slot = x;
                    }
                }
            }
        }
        let w = d.page_width - d.margin.left - d.margin.right;
        let h = d.page_height - d.margin.top - d.margin.bottom;
        if errs.is_empty() && (w < MIN_TEXT_BLOCK || h < MIN_TEXT_BLOCK) {
            errs.push(Diagnostic::error(
                pos(m),
                format!("design.margin leaves no room for text: the text block would be {w:.1} × {h:.1} pt, and at least {MIN_TEXT_BLOCK} × {MIN_TEXT_BLOCK} pt (2 × 2 in) is needed"),
            ));
        }
    }
    if let Some(v) = &raw.font_size
        && let Some(x) = length(v, "font_size", &mut errs) {
            if (6.0..=20.0).contains(&x) {
                d.font_size = x;
            } else {
                errs.push(Diagnostic::error(pos(v), format!("design.font_size: {x} pt is out of range (expected 6 pt to 20 pt)")));
            }
        }
    if let Some(v) = &raw.line_spacing {
        if (0.8..=3.0).contains(&v.value) {
            d.line_spacing = v.value;
        } else {
            errs.push(Diagnostic::error(pos(v), format!("design.line_spacing: {} is out of range (expected a multiple of the font size from 0.8 to 3)", v.value)));
        }
    }
    let color = |v: &Option<Spanned<Scalar>>, key: &str, errs: &mut Vec<Diagnostic>| -> Option<Rgb> {
        let v = v.as_ref()?;
        parse_color(&v.value.0)
            .map_err(|m| errs.push(Diagnostic::error(pos(v), format!("design.{key}: {m}")).with_hint("write a colour as `#` and six hexadecimal digits, in quotes: \"#1F3A5F\"")))
            .ok()
    };
    if let Some(c) = color(&raw.accent_color, "accent_color", &mut errs) {
        d.accent = c;
        d.link = c;
    }
    if let Some(c) = color(&raw.link_color, "link_color", &mut errs) {
        d.link = c;
    }
    if let Some(v) = &raw.justify {
        d.justify = v.value;
    }
    if let Some(v) = &raw.contact_separator {
        d.contact_separator = v.value.0.clone();
    }
    if let Some(v) = &raw.section_rule {
        d.section_rule = v.value;
    }
    if let Some(v) = &raw.page_numbers {
        d.page_numbers = v.value;
    }
    if let Some(v) = &raw.section_title {
        match v.value.0.trim() {
            "uppercase" => d.section_title = SectionTitle::Uppercase,
            "as-written" => d.section_title = SectionTitle::AsWritten,
            "smallcaps" => d.section_title = SectionTitle::SmallCaps,
            s => errs.push(with_did_you_mean(Diagnostic::error(pos(v), format!("design.section_title: unknown value `{s}` (expected `uppercase`, `smallcaps` or `as-written`)")), s, &["uppercase", "smallcaps", "as-written"])),
        }
    }
    if let Some(v) = &raw.font {
        match crate::text::resolve::resolve(&v.value.0, ctx.base_dir.as_deref()) {
            Ok(r) => {
                d.font = r.family;
                d.font_name = r.name;
                warnings.extend(r.warnings.into_iter().map(|w| Diagnostic::warning(pos(v), format!("design.font: {w}"))));
            }
            Err(m) => errs.push(
                Diagnostic::error(pos(v), format!("design.font: {m}"))
                    .with_hint("write `serif` (Charis SIL) or `sans` (Lato), an installed family's name, or the path of a font file or folder, relative to the resume"),
            ),
        }
    }
    if let Some(v) = &raw.hyphenate {
        d.hyphenate = v.value;
    }
    if let Some(v) = &raw.language {
        let l = v.value.0.trim();
        match Language::from_tag(l) {
            Some(lang) => d.language = lang,
            None => {
                let tags: Vec<&str> = crate::lang::LANGUAGES.iter().map(|l| l.tag()).collect();
                errs.push(with_did_you_mean(
                    Diagnostic::error(pos(v), format!("design.language: `{l}` is not a language vitae can set (expected one of {})", tags.join(", "))),
                    l,
                    &tags,
                ));
            }
        }
    }
    if let Some(v) = &raw.date_column {
        match v.value.0.trim() {
            "right" => d.date_column = DateColumn::Right,
            "left" => d.date_column = DateColumn::Left,
            s => errs.push(with_did_you_mean(Diagnostic::error(pos(v), format!("design.date_column: unknown value `{s}` (expected `right` or `left`)")), s, &["right", "left"])),
        }
    }
    if let Some(v) = &raw.date_align {
        match v.value.0.trim() {
            "right" => d.date_align = DateAlign::Right,
            "left" => d.date_align = DateAlign::Left,
            s => errs.push(with_did_you_mean(Diagnostic::error(pos(v), format!("design.date_align: unknown value `{s}` (expected `left` or `right`)")), s, &["left", "right"])),
        }
    }
    if let Some(v) = &raw.date_align
        && d.date_column == DateColumn::Right
    {
        warnings.push(
            Diagnostic::warning(pos(v), "design.date_align has no effect with the right date column: dates there are flush right")
                .with_hint("add `date_column: left`, or remove `date_align`"),
        );
    }
    if let Some(v) = &raw.running_header {
        d.running_header = v.value;
    }
    if let Some(v) = &raw.fit_pages {
        match v.value.0.trim().parse::<u32>() {
            Ok(n) if (1..=200).contains(&n) => d.fit_pages = Some((n, pos(v))),
            _ => errs.push(Diagnostic::error(pos(v), format!("design.fit_pages: `{}` is not a page count (expected a whole number from 1 to 200)", v.value.0.trim()))),
        }
    }
    if errs.is_empty() { Ok((d, warnings)) } else { Err(errs) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths_in_every_unit() {
        assert_eq!(parse_length("0.7in"), Ok(50.4));
        assert_eq!(parse_length("12"), Ok(12.0));
        assert_eq!(parse_length("10 pt"), Ok(10.0));
        assert!((parse_length("25.4mm").unwrap() - 72.0).abs() < 1e-9);
        assert!((parse_length("2.54cm").unwrap() - 72.0).abs() < 1e-9);
        assert_eq!(
            parse_length("2 furlongs").unwrap_err(),
            "`2 furlongs` has an unknown unit `furlongs` (expected a number with a unit pt, in, mm or cm)"
        );
    }

    #[test]
    fn colours() {
        assert_eq!(parse_color("#FF0000"), Ok(Rgb(1.0, 0.0, 0.0)));
        assert_eq!(parse_color("#12345G").unwrap_err(), "`#12345G` is not a colour (expected #RRGGBB, six hexadecimal digits)");
    }
}
