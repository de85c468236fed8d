//! Checking the design's values and resolving them to a [`Style`].
//!
//! Lengths are numbers with a unit `pt`, `in`, `mm` or `cm` (a bare number is
//! points: 1 in = 72 pt, 1 mm = 72/25.4 pt). Colours are `#RRGGBB` (sRGB).

use super::{
    DateAlign, DateColumn, FONT_SIZE_RANGE, LINE_SPACING_RANGE, MIN_TEXT_BLOCK, Margins, Overrides, PAGE_NAMES, PAGES,
    SectionTitle, Style, Theme, page_named,
};
use crate::diag::{Diagnostic, Pos};
use crate::geom::{Pt, Rgb, Size};
use crate::lang::Language;
use crate::model::design::{Design, Lengths, Located};

/// Parses a length: a number with unit `pt`, `in`, `mm` or `cm`, or a bare number of
/// points. Returns the length in pt.
///
/// # Errors
/// "`2 furlongs` is not a length (expected a number with a unit pt, in, mm or cm)".
pub fn parse_length(s: &str) -> Result<Pt, String> {
    let t = s.trim();
    let split = t
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-' || c == '+'))
        .unwrap_or(t.len());
    let (num, unit) = (t[..split].trim(), t[split..].trim());
    if num.is_empty() {
        return Err(format!(
            "`{t}` is not a length (expected a number with a unit pt, in, mm or cm)"
        ));
    }
    let factor = match unit {
        "" | "pt" => 1.0,
        "in" => 72.0,
        "mm" => 72.0 / 25.4,
        "cm" => 72.0 / 2.54,
        _ => {
            return Err(format!(
                "`{t}` has an unknown unit `{unit}` (expected a number with a unit pt, in, mm or cm)"
            ));
        }
    };
    match num.parse::<f64>() {
        Ok(v) if v.is_finite() && v >= 0.0 => Ok(Pt(v * factor)),
        _ => Err(format!(
            "`{t}` is not a length (expected a non-negative number with a unit pt, in, mm or cm)"
        )),
    }
}

/// Parses `#RRGGBB`.
///
/// # Errors
/// "`#12345G` is not a colour (expected #RRGGBB, six hexadecimal digits)".
pub fn parse_color(s: &str) -> Result<Rgb, String> {
    let t = s.trim();
    let hex = t
        .strip_prefix('#')
        .filter(|h| h.len() == 6 && h.bytes().all(|b| b.is_ascii_hexdigit()));
    match hex {
        Some(h) => {
            let c = |i: usize| u8::from_str_radix(&h[i..i + 2], 16).unwrap_or(0);
            Ok(Rgb::hex(c(0), c(2), c(4)))
        }
        None => Err(format!(
            "`{t}` is not a colour (expected #RRGGBB, six hexadecimal digits)"
        )),
    }
}

/// Adds "did you mean" for an enum value close to one of `values`.
fn with_did_you_mean(d: Diagnostic, got: &str, values: &[&str]) -> Diagnostic {
    match crate::diag::closest(got, values) {
        Some(best) => d.with_hint(format!("did you mean `{best}`?")),
        None => d,
    }
}

/// One of `choices` (value, result) named by `v`, or an error listing them as
/// `expected` says.
fn choice<T: Copy>(
    v: &Located<String>,
    key: &str,
    choices: &[(&str, T)],
    expected: &str,
    errs: &mut Vec<Diagnostic>,
) -> Option<T> {
    let s = v.value.trim();
    match choices.iter().find(|(n, _)| *n == s) {
        Some(&(_, t)) => Some(t),
        None => {
            let names: Vec<&str> = choices.iter().map(|(n, _)| *n).collect();
            errs.push(with_did_you_mean(
                Diagnostic::error(
                    v.pos,
                    format!("design.{key}: unknown value `{s}` (expected {expected})"),
                ),
                s,
                &names,
            ));
            None
        }
    }
}

/// A page side given as `v` that is longer than zero, or an error ("a page cannot
/// be 0 pt wide").
fn page_side(x: Option<Pt>, v: &Located<String>, dimension: &str, errs: &mut Vec<Diagnostic>) -> Option<Pt> {
    match x {
        Some(x) if x <= Pt(0.0) => {
            let key = if dimension == "wide" { "width" } else { "height" };
            errs.push(Diagnostic::error(
                v.pos,
                format!("design.page.{key}: a page cannot be 0 pt {dimension} (expected a length greater than zero)"),
            ));
            None
        }
        x => x,
    }
}

/// Checks the design and resolves it, with the command line's overrides, into the
/// style of one build: the theme's preset (the override's theme, else
/// `design.theme`, else classic), the keys given over it, then `--page`,
/// `--font-size` and `--fit-pages` over those. Fonts named by `design.font` are
/// loaded here (relative paths from `overrides.base_dir`). Warnings (faces of the
/// font that had to be synthesised, a key without effect) are in
/// [`Style::warnings`].
///
/// # Errors
/// Every problem found, each at the line of the offending key's value: an unknown
/// theme, page, unit, colour or enumeration value; a length out of range; margins
/// that leave less than [`MIN_TEXT_BLOCK`]; a font that cannot be found or read.
pub fn resolve(design: &Design, overrides: &Overrides) -> Result<Style, Vec<Diagnostic>> {
    let mut errs = Vec::new();
    let mut warnings = Vec::new();
    let theme = match (&overrides.theme, &design.theme) {
        (Some(t), _) => *t,
        (None, Some(v)) => match Theme::from_name(&v.value) {
            Some(t) => t,
            None => {
                let names: Vec<&str> = Theme::ALL.iter().map(|(n, _)| *n).collect();
                errs.push(with_did_you_mean(
                    Diagnostic::error(
                        v.pos,
                        format!(
                            "design.theme: unknown theme `{}` (expected {})",
                            v.value.trim(),
                            names.join(", ")
                        ),
                    ),
                    v.value.trim(),
                    &names,
                ));
                Theme::Classic
            }
        },
        (None, None) => Theme::Classic,
    };
    let mut d = Style::for_theme(theme);
    let length = |v: &str, pos: Pos, key: &str, errs: &mut Vec<Diagnostic>| -> Option<Pt> {
        parse_length(v)
            .map_err(|m| {
                errs.push(Diagnostic::error(pos, format!("design.{key}: {m}")).with_hint(
                    "write a length as a number with a unit: `0.7in`, `18mm`, `2cm`, `10pt` (a bare number is points)",
                ))
            })
            .ok()
    };
    if let Some(p) = &design.page {
        match &p.value {
            Lengths::One(s) => match page_named(&s.trim().to_ascii_lowercase()) {
                Some(size) => d.page = size,
                None => errs.push(with_did_you_mean(
                    Diagnostic::error(
                        p.pos,
                        format!(
                            "design.page: unknown page `{s}` (expected {} or {{width, height}})",
                            PAGE_NAMES.replace(" or ", ", ")
                        ),
                    ),
                    s,
                    &PAGES.map(|(n, _, _)| n),
                )),
            },
            Lengths::Keys(kv) => {
                let (mut w, mut h) = (None, None);
                for (k, v) in kv {
                    match k.as_str() {
                        "width" => {
                            w = page_side(length(&v.value, v.pos, "page.width", &mut errs), v, "wide", &mut errs)
                        }
                        "height" => {
                            h = page_side(length(&v.value, v.pos, "page.height", &mut errs), v, "high", &mut errs)
                        }
                        _ => errs.push(Diagnostic::error(
                            v.pos,
                            format!("design.page: unknown key `{k}` (expected `width` and `height`)"),
                        )),
                    }
                }
                match (w, h) {
                    (Some(width), Some(height)) => d.page = Size { width, height },
                    _ if errs.is_empty() => errs.push(Diagnostic::error(
                        p.pos,
                        "design.page: a custom page needs both `width` and `height`",
                    )),
                    _ => {}
                }
            }
        }
    }
    // The command line's page replaces the file's, before the margins are checked
    // against it.
    if let Some(page) = overrides.page {
        d.page = page;
    }
    if let Some(m) = &design.margin {
        match &m.value {
            Lengths::One(s) => {
                if let Some(x) = length(s, m.pos, "margin", &mut errs) {
                    d.margin = Margins {
                        top: x,
                        right: x,
                        bottom: x,
                        left: x,
                    };
                }
            }
            Lengths::Keys(kv) => {
                for (k, v) in kv {
                    let slot = match k.as_str() {
                        "top" => &mut d.margin.top,
                        "right" => &mut d.margin.right,
                        "bottom" => &mut d.margin.bottom,
                        "left" => &mut d.margin.left,
                        _ => {
                            errs.push(Diagnostic::error(
                                v.pos,
                                format!("design.margin: unknown side `{k}` (expected top, right, bottom, left)"),
                            ));
                            continue;
                        }
                    };
                    if let Some(x) = length(&v.value, v.pos, &format!("margin.{k}"), &mut errs) {
                        *slot = x;
                    }
                }
            }
        }
    }
    // Whatever set the page and the margins (the theme, the file, the command line),
    // the text block must hold text: the error is at the margin when the page alone
    // would have room, else at the page.
    let w = d.page.width - d.margin.left - d.margin.right;
    let h = d.page.height - d.margin.top - d.margin.bottom;
    if errs.is_empty() && (w < MIN_TEXT_BLOCK || h < MIN_TEXT_BLOCK) {
        let page_too_small = d.page.width < MIN_TEXT_BLOCK || d.page.height < MIN_TEXT_BLOCK;
        let (key, pos) = match (&design.margin, &design.page) {
            (Some(m), p) if !page_too_small || p.is_none() => ("margin", m.pos),
            (_, Some(p)) => ("page", p.pos),
            _ => ("page", Pos::UNKNOWN),
        };
        let m = &d.margin;
        let detail = if key == "page" {
            format!(
                "the page is {:.1} × {:.1} pt and its margins {:.1}, {:.1}, {:.1}, {:.1} pt (top, right, bottom, left), so ",
                d.page.width, d.page.height, m.top, m.right, m.bottom, m.left
            )
        } else {
            String::new()
        };
        errs.push(Diagnostic::error(
            pos,
            format!("design.{key} leaves no room for text: {detail}the text block would be {w:.1} × {h:.1} pt, and at least {MIN_TEXT_BLOCK} × {MIN_TEXT_BLOCK} pt (2 × 2 in) is needed"),
        ));
    }
    if let Some(v) = &design.font_size
        && let Some(x) = length(&v.value, v.pos, "font_size", &mut errs)
    {
        if FONT_SIZE_RANGE.contains(&x) {
            d.font_size = x;
        } else {
            errs.push(Diagnostic::error(
                v.pos,
                format!("design.font_size: {x} pt is out of range (expected 6 pt to 20 pt)"),
            ));
        }
    }
    if let Some(size) = overrides.font_size {
        d.font_size = size;
    }
    if let Some(v) = &design.line_spacing {
        if LINE_SPACING_RANGE.contains(&v.value) {
            d.line_spacing = v.value;
        } else {
            errs.push(Diagnostic::error(
                v.pos,
                format!(
                    "design.line_spacing: {} is out of range (expected a multiple of the font size from 0.8 to 3)",
                    v.value
                ),
            ));
        }
    }
    let color = |v: &Option<Located<String>>, key: &str, errs: &mut Vec<Diagnostic>| -> Option<Rgb> {
        let v = v.as_ref()?;
        parse_color(&v.value)
            .map_err(|m| {
                errs.push(
                    Diagnostic::error(v.pos, format!("design.{key}: {m}"))
                        .with_hint("write a colour as `#` and six hexadecimal digits, in quotes: \"#1F3A5F\""),
                )
            })
            .ok()
    };
    if let Some(c) = color(&design.accent_color, "accent_color", &mut errs) {
        d.accent = c;
        d.link = c;
    }
    if let Some(c) = color(&design.link_color, "link_color", &mut errs) {
        d.link = c;
    }
    if let Some(v) = &design.justify {
        d.justify = v.value;
    }
    if let Some(v) = &design.contact_separator {
        d.contact_separator = match crate::markup::strip_controls(&v.value) {
            Some((text, warning)) => {
                warnings.push(Diagnostic::warning(
                    v.pos,
                    format!("design.contact_separator: {warning}"),
                ));
                text
            }
            None => v.value.clone(),
        };
    }
    if let Some(v) = &design.section_rule {
        d.section_rule = v.value;
    }
    if let Some(v) = &design.page_numbers {
        d.page_numbers = v.value;
    }
    if let Some(v) = &design.section_title {
        let titles = [
            ("uppercase", SectionTitle::Uppercase),
            ("smallcaps", SectionTitle::SmallCaps),
            ("as-written", SectionTitle::AsWritten),
        ];
        if let Some(t) = choice(
            v,
            "section_title",
            &titles,
            "`uppercase`, `smallcaps` or `as-written`",
            &mut errs,
        ) {
            d.section_title = t;
        }
    }
    if let Some(v) = &design.font {
        match crate::text::resolve::resolve(&v.spec, overrides.base_dir.as_deref()) {
            Ok(r) => {
                d.font = r.family;
                d.font_name = r.name;
                warnings.extend(r.warnings.into_iter().map(|w| Diagnostic::warning(v.pos, format!("design.font: {w}"))));
            }
            Err(m) => errs.push(
                Diagnostic::error(v.pos, format!("design.font: {m}"))
                    .with_hint("write `serif` (Charis SIL) or `sans` (Lato), an installed family's name, or the path of a font file or folder, relative to the resume"),
            ),
        }
    }
    if let Some(v) = &design.hyphenate
        && let Some((on, auto)) = choice(
            v,
            "hyphenate",
            &[
                ("auto", (true, true)),
                ("true", (true, false)),
                ("false", (false, false)),
            ],
            "`auto`, `true` or `false`",
            &mut errs,
        )
    {
        (d.hyphenate, d.hyphenate_auto) = (on, auto);
    }
    if let Some(v) = &design.microtype
        && let Some(on) = choice(
            v,
            "microtype",
            &[("true", true), ("false", false)],
            "`true` or `false`",
            &mut errs,
        )
    {
        d.microtype = on;
    }
    if let Some(v) = &design.language {
        let l = v.value.trim();
        match Language::from_tag(l) {
            Some(lang) => d.language = lang,
            None => {
                let tags: Vec<&str> = crate::lang::LANGUAGES.iter().map(|l| l.tag()).collect();
                errs.push(with_did_you_mean(
                    Diagnostic::error(
                        v.pos,
                        format!(
                            "design.language: `{l}` is not a language vitae can set (expected one of {})",
                            tags.join(", ")
                        ),
                    ),
                    l,
                    &tags,
                ));
            }
        }
    }
    if let Some(v) = &design.date_column
        && let Some(c) = choice(
            v,
            "date_column",
            &[("right", DateColumn::Right), ("left", DateColumn::Left)],
            "`right` or `left`",
            &mut errs,
        )
    {
        d.date_column = c;
    }
    if let Some(v) = &design.date_align
        && let Some(a) = choice(
            v,
            "date_align",
            &[("left", DateAlign::Left), ("right", DateAlign::Right)],
            "`left` or `right`",
            &mut errs,
        )
    {
        d.date_align = a;
    }
    if let Some(v) = &design.date_align
        && d.date_column == DateColumn::Right
    {
        warnings.push(
            Diagnostic::warning(
                v.pos,
                "design.date_align has no effect with the right date column: dates there are flush right",
            )
            .with_hint("add `date_column: left`, or remove `date_align`"),
        );
    }
    if let Some(v) = &design.contact_icons {
        d.contact_icons = v.value;
    }
    if let Some(v) = &design.running_header {
        d.running_header = v.value;
    }
    if let Some(v) = &design.fit_pages {
        match v.value.trim().parse::<u32>() {
            Ok(n) if (1..=200).contains(&n) => (d.fit_pages, d.fit_from_theme) = (Some((n, v.pos)), false),
            _ => errs.push(Diagnostic::error(
                v.pos,
                format!(
                    "design.fit_pages: `{}` is not a page count (expected a whole number from 1 to 200)",
                    v.value.trim()
                ),
            )),
        }
    }
    if let Some(n) = overrides.fit_pages {
        d.fit_pages = Some((n, Pos::UNKNOWN));
        d.fit_from_theme = false;
    }
    if !errs.is_empty() {
        return Err(errs);
    }
    d.derive();
    d.warnings = warnings;
    Ok(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths_in_every_unit() {
        assert_eq!(parse_length("0.7in"), Ok(Pt(50.4)));
        assert_eq!(parse_length("12"), Ok(Pt(12.0)));
        assert_eq!(parse_length("10 pt"), Ok(Pt(10.0)));
        assert!((parse_length("25.4mm").unwrap() - Pt(72.0)).abs() < Pt(1e-9));
        assert!((parse_length("2.54cm").unwrap() - Pt(72.0)).abs() < Pt(1e-9));
        assert_eq!(
            parse_length("2 furlongs").unwrap_err(),
            "`2 furlongs` has an unknown unit `furlongs` (expected a number with a unit pt, in, mm or cm)"
        );
    }

    #[test]
    fn colours() {
        assert_eq!(parse_color("#FF0000"), Ok(Rgb(1.0, 0.0, 0.0)));
        assert_eq!(
            parse_color("#12345G").unwrap_err(),
            "`#12345G` is not a colour (expected #RRGGBB, six hexadecimal digits)"
        );
    }

    #[test]
    fn the_derived_lengths_of_the_default_style() {
        let s = resolve(&Design::default(), &Overrides::default()).unwrap();
        // 612 − 50.4 − 50.4 in binary floating point.
        assert_eq!(
            (s.page.width, s.page.height, s.measure),
            (Pt(612.0), Pt(792.0), Pt(511.20000000000005))
        );
        assert_eq!(
            (s.text_block.x, s.text_block.y, s.text_block.height),
            (Pt(50.4), Pt(50.4), Pt(691.2))
        );
        assert_eq!(
            (s.sizes.name, s.sizes.heading, s.sizes.folio),
            (Pt(24.0), Pt(12.0), Pt(8.0))
        );
        assert_eq!((s.spaces.before_heading, s.spaces.between_entries), (Pt(11.0), Pt(5.5)));
        assert_eq!(s.leading(Pt(10.0)), Pt(12.0));
        // Fitting at 90 %: 9 pt, line spacing 1.2 × 0.9 = 1.08 held at 1.15.
        let f = s.scaled(0.9);
        assert_eq!(
            (f.font_size, f.line_spacing, f.sizes.name),
            (Pt(9.0), 1.15, Pt(21.599999999999998))
        );
    }

    #[test]
    fn the_command_line_overrides_the_file() {
        let design = Design {
            font_size: Some(Located {
                value: "11pt".into(),
                pos: Pos::new(3, 14),
            }),
            ..Design::default()
        };
        let o = Overrides {
            font_size: Some(Pt(9.5)),
            page: Some(Size {
                width: Pt(595.0),
                height: Pt(842.0),
            }),
            fit_pages: Some(2),
            ..Overrides::default()
        };
        let s = resolve(&design, &o).unwrap();
        assert_eq!(
            (s.font_size, s.page.width, s.fit_pages),
            (Pt(9.5), Pt(595.0), Some((2, Pos::UNKNOWN)))
        );
        assert_eq!(
            Overrides::parse_font_size("30").unwrap_err(),
            "--font-size: 30 pt is out of range (expected 6 pt to 20 pt)"
        );
        assert_eq!(
            Overrides::parse_page("A3").unwrap_err(),
            "--page: unknown page size `a3` (expected `letter`, `a4`, `legal`, `a5`, `b5` or `executive`)"
        );
    }
}
