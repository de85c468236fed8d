//! The `design` mapping as the file writes it: every key given, with the position of
//! its value, and nothing checked beyond its YAML type. The resolved design — lengths
//! in points, colours, the theme's preset, fonts loaded — is [`crate::style`]'s.

use super::raw::{RawDesign, RawLengthOr, Scalar};
use crate::diag::Pos;
use serde_saphyr::Spanned;

/// A value from the input with the position of its YAML value.
#[derive(Clone, Debug, PartialEq)]
pub struct Located<T> {
    /// The value as written.
    pub value: T,
    /// Line and column of the YAML value.
    pub pos: Pos,
}

impl<T: Clone> Located<T> {
    fn of(s: &Spanned<T>) -> Located<T> {
        Located {
            value: s.value.clone(),
            pos: s.referenced.into(),
        }
    }
}

fn text(s: &Option<Spanned<Scalar>>) -> Option<Located<String>> {
    s.as_ref().map(|s| Located {
        value: s.value.0.clone(),
        pos: s.referenced.into(),
    })
}

/// A length, a page name, or a mapping of lengths, as written (`page`, `margin`).
#[derive(Clone, Debug, PartialEq)]
pub enum Lengths {
    /// One scalar: a length (`0.7in`) or a page name (`letter`).
    One(String),
    /// Keys and their lengths (`top`, `right`, … or `width`, `height`), in input order.
    Keys(Vec<(String, Located<String>)>),
}

/// `design.font`: what the file asks for, resolved by [`crate::style::resolve`] (a
/// bundled family's name, `serif` or `sans`; a font file or a folder of one family's
/// faces, relative to the resume's folder; or the name of an installed family).
#[derive(Clone, Debug, PartialEq)]
pub struct FontRequest {
    /// The value as written.
    pub spec: String,
    /// Where it is written.
    pub pos: Pos,
}

/// The `design` mapping: each key of the spec's table as written, `None` when not
/// given. The keys' meanings and defaults are in `docs/format.md`.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Design {
    /// `theme`: the preset the other keys start from.
    pub theme: Option<Located<String>>,
    /// `page`: `letter`, `a4`, or `{width, height}`.
    pub page: Option<Located<Lengths>>,
    /// `margin`: one length, or `{top, right, bottom, left}`.
    pub margin: Option<Located<Lengths>>,
    /// `font`: the text family asked for.
    pub font: Option<FontRequest>,
    /// `font_size`: the body size, a length.
    pub font_size: Option<Located<String>>,
    /// `line_spacing`: a multiple of the size.
    pub line_spacing: Option<Located<f64>>,
    /// `accent_color`: `#RRGGBB`.
    pub accent_color: Option<Located<String>>,
    /// `link_color`: `#RRGGBB`.
    pub link_color: Option<Located<String>>,
    /// `justify`.
    pub justify: Option<Located<bool>>,
    /// `hyphenate`: `auto`, `true` or `false`, as written.
    pub hyphenate: Option<Located<String>>,
    /// `microtype`: `true` or `false`, as written.
    pub microtype: Option<Located<String>>,
    /// `language`: a language tag.
    pub language: Option<Located<String>>,
    /// `date_column`: `right` or `left`.
    pub date_column: Option<Located<String>>,
    /// `date_align`: `left` or `right`.
    pub date_align: Option<Located<String>>,
    /// `section_title`: `uppercase`, `smallcaps` or `as-written`.
    pub section_title: Option<Located<String>>,
    /// `section_rule`.
    pub section_rule: Option<Located<bool>>,
    /// `contact_separator`: the text between contact items.
    pub contact_separator: Option<Located<String>>,
    /// `contact_icons`.
    pub contact_icons: Option<Located<bool>>,
    /// `page_numbers`.
    pub page_numbers: Option<Located<bool>>,
    /// `running_header`.
    pub running_header: Option<Located<bool>>,
    /// `fit_pages`: a page count, as written.
    pub fit_pages: Option<Located<String>>,
}

fn lengths(s: &Option<Spanned<RawLengthOr>>) -> Option<Located<Lengths>> {
    s.as_ref().map(|s| Located {
        value: match &s.value {
            RawLengthOr::One(Scalar(v)) => Lengths::One(v.clone()),
            RawLengthOr::Map(kv) => Lengths::Keys(
                kv.iter()
                    .map(|(k, v)| {
                        (
                            k.clone(),
                            Located {
                                value: v.value.0.clone(),
                                pos: v.referenced.into(),
                            },
                        )
                    })
                    .collect(),
            ),
        },
        pos: s.referenced.into(),
    })
}

impl Design {
    /// The design as the serde mirror read it.
    pub(crate) fn from_raw(r: &RawDesign) -> Design {
        Design {
            theme: text(&r.theme),
            page: lengths(&r.page),
            margin: lengths(&r.margin),
            font: r.font.as_ref().map(|f| FontRequest {
                spec: f.value.0.clone(),
                pos: f.referenced.into(),
            }),
            font_size: text(&r.font_size),
            line_spacing: r.line_spacing.as_ref().map(Located::of),
            accent_color: text(&r.accent_color),
            link_color: text(&r.link_color),
            justify: r.justify.as_ref().map(Located::of),
            hyphenate: text(&r.hyphenate),
            microtype: text(&r.microtype),
            language: text(&r.language),
            date_column: text(&r.date_column),
            date_align: text(&r.date_align),
            section_title: text(&r.section_title),
            section_rule: r.section_rule.as_ref().map(Located::of),
            contact_separator: text(&r.contact_separator),
            contact_icons: r.contact_icons.as_ref().map(Located::of),
            page_numbers: r.page_numbers.as_ref().map(Located::of),
            running_header: r.running_header.as_ref().map(Located::of),
            fit_pages: text(&r.fit_pages),
        }
    }

    /// The language dates are written in: `language` when it names one vitae knows,
    /// else US English (an unknown tag is reported by [`crate::style::resolve`]).
    pub fn date_language(&self) -> crate::lang::Language {
        self.language
            .as_ref()
            .and_then(|l| crate::lang::Language::from_tag(l.value.trim()))
            .unwrap_or(crate::lang::Language::EnglishUs)
    }
}
