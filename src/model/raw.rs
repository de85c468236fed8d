//! The serde mirror of the YAML format (`shared/spec/resume-format.md`), before
//! validation. Every value that an error may need to point at is wrapped in
//! [`Spanned`], which records the 1-based line and column of its YAML node.
//! Unknown keys are refused by `deny_unknown_fields`; `load` turns serde's message
//! into one with a "did you mean" hint.

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;
use std::fmt;

/// A scalar read as text whatever its YAML type, exactly as written: `2022`, `1.10`,
/// `true` and `"2022"` all become the strings written, so `date: 2022` works and a
/// version number keeps its trailing zero.
#[derive(Clone, Debug, PartialEq)]
pub struct Scalar(pub String);

impl<'de> Deserialize<'de> for Scalar {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Scalar;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("text")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
        }
        // Asked for as a string, the parser gives a plain scalar as written: `1.10`
        // stays `1.10`, `0x1F` stays `0x1F` (as a number they would be `1.1`, `31`).
        d.deserialize_str(V)
    }
}

/// A list of items; the expectation in errors reads "a list of …".
#[derive(Clone, Debug)]
pub struct List<T>(pub Vec<T>);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for List<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for V<T> {
            type Value = List<T>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a list (a YAML sequence, one `- item` per line)")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<List<T>, A::Error> {
                let mut out = Vec::new();
                while let Some(x) = seq.next_element()? {
                    out.push(x);
                }
                Ok(List(out))
            }
        }
        d.deserialize_seq(V(std::marker::PhantomData))
    }
}

/// The top-level mapping.
#[derive(Deserialize, Debug, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Resume")]
pub struct RawResume {
    /// `name`: the person's name.
    #[schemars(with = "Scalar")]
    pub name: Option<Spanned<Scalar>>,
    /// `headline`: the line of markup under the name.
    #[schemars(with = "Option<Scalar>")]
    pub headline: Option<Spanned<Scalar>>,
    /// `contact`: the list of contact items.
    #[schemars(with = "Option<List<RawContact>>")]
    pub contact: Option<Spanned<List<Spanned<RawContact>>>>,
    /// `sections`: the list of sections.
    #[schemars(with = "List<RawSection>")]
    pub sections: Option<Spanned<List<Spanned<RawSection>>>>,
    /// `design`: the mapping of design keys.
    #[schemars(with = "Option<RawDesign>")]
    pub design: Option<Spanned<RawDesign>>,
    /// `pdf`: the PDF metadata mapping.
    #[schemars(with = "Option<RawPdf>")]
    pub pdf: Option<Spanned<RawPdf>>,
}

/// A contact item: a plain string of markup, or a mapping with one key.
#[derive(Debug)]
pub enum RawContact {
    /// A plain string of inline markup (a number or boolean is read as text).
    Text(String),
    /// A mapping such as `email: …`, or `url: …` with `label: …`.
    Map(Box<RawContactMap>),
}

/// A contact item written as a mapping; `load` checks that exactly one main key is given.
#[derive(Deserialize, Debug, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "ContactMapping")]
pub struct RawContactMap {
    /// `email`: an address, shown as written and linked with `mailto:`.
    #[schemars(with = "Option<Scalar>")]
    pub email: Option<Spanned<Scalar>>,
    /// `phone`: a number, shown as written and linked with `tel:`.
    #[schemars(with = "Option<Scalar>")]
    pub phone: Option<Spanned<Scalar>>,
    /// `url`: a web address, shown without its scheme and trailing `/`, and linked.
    #[schemars(with = "Option<Scalar>")]
    pub url: Option<Spanned<Scalar>>,
    /// `label`: markup shown instead of the URL (with `url` only).
    #[schemars(with = "Option<Scalar>")]
    pub label: Option<Spanned<Scalar>>,
    /// `location`: a place, in markup, without a link.
    #[schemars(with = "Option<Scalar>")]
    pub location: Option<Spanned<Scalar>>,
    /// `text`: free inline markup (may hold a `[label](url)` link).
    #[schemars(with = "Option<Scalar>")]
    pub text: Option<Spanned<Scalar>>,
    /// `linkedin`: a LinkedIn profile name (`jdoe`, for linkedin.com/in/jdoe) or the profile's URL.
    #[schemars(with = "Option<Scalar>")]
    pub linkedin: Option<Spanned<Scalar>>,
    /// `github`: a GitHub user name or the profile's URL.
    #[schemars(with = "Option<Scalar>")]
    pub github: Option<Spanned<Scalar>>,
    /// `gitlab`: a GitLab user name or the profile's URL.
    #[schemars(with = "Option<Scalar>")]
    pub gitlab: Option<Spanned<Scalar>>,
    /// `orcid`: an ORCID iD (`0000-0002-1825-0097`) or its URL.
    #[schemars(with = "Option<Scalar>")]
    pub orcid: Option<Spanned<Scalar>>,
    /// `scholar`: a Google Scholar profile id (the `user=` of its address) or the profile's URL.
    #[schemars(with = "Option<Scalar>")]
    pub scholar: Option<Spanned<Scalar>>,
    /// `website`: a personal web site: a domain (`jdoe.dev`) or a URL.
    #[schemars(with = "Option<Scalar>")]
    pub website: Option<Spanned<Scalar>>,
    /// `mastodon`: a Mastodon address (`@jdoe@mastodon.social`) or the profile's URL.
    #[schemars(with = "Option<Scalar>")]
    pub mastodon: Option<Spanned<Scalar>>,
}

impl<'de> Deserialize<'de> for RawContact {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawContact;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a contact item: text, or a mapping with one of email, phone, url, location, text")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawContact, E> {
                Ok(RawContact::Text(v.to_string()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<RawContact, E> {
                Ok(RawContact::Text(v.to_string()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<RawContact, E> {
                Ok(RawContact::Text(v.to_string()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<RawContact, E> {
                Ok(RawContact::Text(v.to_string()))
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<RawContact, E> {
                Ok(RawContact::Text(v.to_string()))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<RawContact, A::Error> {
                RawContactMap::deserialize(de::value::MapAccessDeserializer::new(map))
                    .map(|m| RawContact::Map(Box::new(m)))
            }
        }
        d.deserialize_any(V)
    }
}

/// A section of the body.
#[derive(Deserialize, Debug, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Section")]
pub struct RawSection {
    /// `title`: the section heading.
    #[schemars(with = "Option<Scalar>")]
    pub title: Option<Spanned<Scalar>>,
    /// `entries`: the list of entries.
    #[schemars(with = "Option<List<RawEntry>>")]
    pub entries: Option<Spanned<List<Spanned<RawEntry>>>>,
    /// `numbered`: number the entries `1.`, `2.`, … with a hanging indent.
    #[schemars(with = "Option<bool>")]
    pub numbered: Option<Spanned<bool>>,
}

/// An entry: a paragraph of markup, or a mapping.
#[derive(Debug)]
pub enum RawEntry {
    /// A plain string: a paragraph of inline markup (a number or boolean is read as text).
    Paragraph(String),
    /// A mapping of keys such as `title`, `date` and `bullets`.
    Map(Box<RawEntryMap>),
}

/// An entry written as a mapping; `load` checks the rules between its keys.
#[derive(Deserialize, Debug, Default, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "EntryMapping")]
pub struct RawEntryMap {
    /// `title`: markup set bold on the left of the entry's first row.
    #[schemars(with = "Option<Scalar>")]
    pub title: Option<Spanned<Scalar>>,
    /// `date`: a free-text date for the date column.
    #[schemars(with = "Option<Scalar>")]
    pub date: Option<Spanned<Scalar>>,
    /// `start`: a structured date, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    #[schemars(with = "Option<Scalar>")]
    pub start: Option<Spanned<Scalar>>,
    /// `end`: a structured date like `start`, or `present`.
    #[schemars(with = "Option<Scalar>")]
    pub end: Option<Spanned<Scalar>>,
    /// `subtitle`: markup set italic on the second row, left.
    #[schemars(with = "Option<Scalar>")]
    pub subtitle: Option<Spanned<Scalar>>,
    /// `location`: markup set italic on the second row, in the date column.
    #[schemars(with = "Option<Scalar>")]
    pub location: Option<Spanned<Scalar>>,
    /// `label`: the bold lead-in of a `label: text` row (with `text` only).
    #[schemars(with = "Option<Scalar>")]
    pub label: Option<Spanned<Scalar>>,
    /// `text`: a paragraph of markup.
    #[schemars(with = "Option<Scalar>")]
    pub text: Option<Spanned<Scalar>>,
    /// `bullets`: the list of bulleted items, each markup.
    #[schemars(with = "Option<List<Scalar>>")]
    pub bullets: Option<Spanned<List<Spanned<Scalar>>>>,
}

impl<'de> Deserialize<'de> for RawEntry {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawEntry;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an entry: a paragraph of text, or a mapping with title, date, bullets, …")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawEntry, E> {
                Ok(RawEntry::Paragraph(v.to_string()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<RawEntry, E> {
                Ok(RawEntry::Paragraph(v.to_string()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<RawEntry, E> {
                Ok(RawEntry::Paragraph(v.to_string()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<RawEntry, E> {
                Ok(RawEntry::Paragraph(v.to_string()))
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<RawEntry, E> {
                Ok(RawEntry::Paragraph(v.to_string()))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<RawEntry, A::Error> {
                RawEntryMap::deserialize(de::value::MapAccessDeserializer::new(map)).map(|m| RawEntry::Map(Box::new(m)))
            }
        }
        d.deserialize_any(V)
    }
}

/// A length (`0.7in`, `18mm`, `12`), or a mapping of lengths (`{top, right, …}`,
/// `{width, height}`); checked by `design.rs`.
#[derive(Debug)]
pub enum RawLengthOr {
    /// A single scalar: a length, or a page name such as `letter`.
    One(Scalar),
    /// A mapping of keys to lengths (`top`, `right`, … or `width`, `height`), in input order.
    Map(Vec<(String, Spanned<Scalar>)>),
}

impl<'de> Deserialize<'de> for RawLengthOr {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawLengthOr;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a length such as `0.7in` or a mapping of lengths")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawLengthOr, E> {
                Ok(RawLengthOr::One(Scalar(v.to_string())))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<RawLengthOr, E> {
                Ok(RawLengthOr::One(Scalar(v.to_string())))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<RawLengthOr, E> {
                Ok(RawLengthOr::One(Scalar(v.to_string())))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<RawLengthOr, E> {
                Ok(RawLengthOr::One(Scalar(v.to_string())))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawLengthOr, A::Error> {
                let mut out = Vec::new();
                while let Some(k) = map.next_key::<String>()? {
                    out.push((k, map.next_value::<Spanned<Scalar>>()?));
                }
                Ok(RawLengthOr::Map(out))
            }
        }
        d.deserialize_any(V)
    }
}

/// The `design` mapping, keys as in the spec's table.
#[derive(Deserialize, Debug, Default, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Design")]
pub struct RawDesign {
    /// `theme`: a preset of the other keys: `classic`, `modern`, `compact`, `banking` or `engineer`.
    #[schemars(with = "Option<Scalar>")]
    pub theme: Option<Spanned<Scalar>>,
    /// `page`: `letter`, `a4`, or `{width, height}`.
    #[schemars(with = "Option<RawLengthOr>")]
    pub page: Option<Spanned<RawLengthOr>>,
    /// `margin`: one length, or `{top, right, bottom, left}`.
    #[schemars(with = "Option<RawLengthOr>")]
    pub margin: Option<Spanned<RawLengthOr>>,
    /// `font`: `serif` (Charis SIL), `sans` (Lato), an installed family's name, or a path to a font file or folder.
    #[schemars(with = "Option<Scalar>")]
    pub font: Option<Spanned<Scalar>>,
    /// `font_size`: the body size, a length from 6 pt to 20 pt.
    #[schemars(with = "Option<Scalar>")]
    pub font_size: Option<Spanned<Scalar>>,
    /// `line_spacing`: baseline-to-baseline distance as a multiple of the font size (0.8 to 3).
    #[schemars(with = "Option<f64>")]
    pub line_spacing: Option<Spanned<f64>>,
    /// `accent_color`: `#RRGGBB` for the name, section headings and rules.
    #[schemars(with = "Option<Scalar>")]
    pub accent_color: Option<Spanned<Scalar>>,
    /// `link_color`: `#RRGGBB` for link text.
    #[schemars(with = "Option<Scalar>")]
    pub link_color: Option<Spanned<Scalar>>,
    /// `justify`: whether paragraphs and bullets are justified.
    #[schemars(with = "Option<bool>")]
    pub justify: Option<Spanned<bool>>,
    /// `hyphenate`: `auto` (only where a paragraph cannot be set without a loose line otherwise), `true` or `false`.
    #[schemars(with = "Option<Scalar>")]
    pub hyphenate: Option<Spanned<Scalar>>,
    /// `microtype`: margin kerning and expansion, `true` or `false`.
    #[schemars(with = "Option<Scalar>")]
    pub microtype: Option<Spanned<Scalar>>,
    /// `language`: the language of month names and hyphenation (`en-US`, `de`, `fr`, …).
    #[schemars(with = "Option<Scalar>")]
    pub language: Option<Spanned<Scalar>>,
    /// `date_column`: `right` or `left`.
    #[schemars(with = "Option<Scalar>")]
    pub date_column: Option<Spanned<Scalar>>,
    /// `date_align`: `left` or `right`, dates' alignment in a left date column.
    #[schemars(with = "Option<Scalar>")]
    pub date_align: Option<Spanned<Scalar>>,
    /// `section_title`: `uppercase`, `smallcaps` or `as-written`.
    #[schemars(with = "Option<Scalar>")]
    pub section_title: Option<Spanned<Scalar>>,
    /// `section_rule`: whether a thin rule goes under each section heading.
    #[schemars(with = "Option<bool>")]
    pub section_rule: Option<Spanned<bool>>,
    /// `contact_separator`: the text between contact items.
    #[schemars(with = "Option<Scalar>")]
    pub contact_separator: Option<Spanned<Scalar>>,
    /// `contact_icons`: whether a small icon goes before each contact item.
    #[schemars(with = "Option<bool>")]
    pub contact_icons: Option<Spanned<bool>>,
    /// `page_numbers`: whether `n / N` is set at the foot of each page.
    #[schemars(with = "Option<bool>")]
    pub page_numbers: Option<Spanned<bool>>,
    /// `running_header`: the name, small, atop every page after the first.
    #[schemars(with = "Option<bool>")]
    pub running_header: Option<Spanned<bool>>,
    /// `fit_pages`: a page count to fit the resume to, scaling the type down to 85 % at most.
    #[schemars(with = "Option<Scalar>")]
    pub fit_pages: Option<Spanned<Scalar>>,
}

/// The `pdf` metadata mapping.
#[derive(Deserialize, Debug, Default, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "PdfMetadata")]
pub struct RawPdf {
    /// `title`: the PDF's `/Title` (default: the name).
    #[schemars(with = "Option<Scalar>")]
    pub title: Option<Spanned<Scalar>>,
    /// `subject`: the PDF's `/Subject`.
    #[schemars(with = "Option<Scalar>")]
    pub subject: Option<Spanned<Scalar>>,
    /// `keywords`: the list for the PDF's `/Keywords`.
    #[schemars(with = "Option<List<Scalar>>")]
    pub keywords: Option<Spanned<List<Spanned<Scalar>>>>,
}

// JSON Schemas of the types with hand-written deserialisers (`vitae schema`).
mod schema_impls {
    use super::*;
    use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
    use std::borrow::Cow;

    impl JsonSchema for Scalar {
        fn schema_name() -> Cow<'static, str> {
            "Text".into()
        }
        fn inline_schema() -> bool {
            true
        }
        fn json_schema(_: &mut SchemaGenerator) -> Schema {
            json_schema!({ "type": ["string", "number", "boolean"] })
        }
    }

    impl<T: JsonSchema> JsonSchema for List<T> {
        fn schema_name() -> Cow<'static, str> {
            format!("List_of_{}", T::schema_name()).into()
        }
        fn inline_schema() -> bool {
            true
        }
        fn json_schema(g: &mut SchemaGenerator) -> Schema {
            json_schema!({ "type": "array", "items": g.subschema_for::<T>() })
        }
    }

    impl JsonSchema for RawContact {
        fn schema_name() -> Cow<'static, str> {
            "Contact".into()
        }
        fn json_schema(g: &mut SchemaGenerator) -> Schema {
            json_schema!({
                "description": "A contact item: text (inline markup), or a mapping with exactly one of email, phone, url (with an optional label), location, text.",
                "anyOf": [ { "type": ["string", "number", "boolean"] }, g.subschema_for::<RawContactMap>() ]
            })
        }
    }

    impl JsonSchema for RawEntry {
        fn schema_name() -> Cow<'static, str> {
            "Entry".into()
        }
        fn json_schema(g: &mut SchemaGenerator) -> Schema {
            json_schema!({
                "description": "An entry: a paragraph of inline markup, or a mapping with title, date or start/end, subtitle, location, label, text, bullets.",
                "anyOf": [ { "type": ["string", "number", "boolean"] }, { "allOf": [ g.subschema_for::<RawEntryMap>() ], "minProperties": 1 } ]
            })
        }
    }

    impl JsonSchema for RawLengthOr {
        fn schema_name() -> Cow<'static, str> {
            "LengthOrSides".into()
        }
        fn json_schema(_: &mut SchemaGenerator) -> Schema {
            json_schema!({
                "description": "A length (a number of points, or a number with a unit pt, in, mm or cm, e.g. `0.7in`), a page name (`letter`, `a4`), or a mapping of lengths ({top, right, bottom, left} for margins, {width, height} for a page).",
                "anyOf": [
                    { "type": ["string", "number"] },
                    { "type": "object", "additionalProperties": false,
                      "properties": { "top": {"type": ["string", "number"]}, "right": {"type": ["string", "number"]}, "bottom": {"type": ["string", "number"]}, "left": {"type": ["string", "number"]}, "width": {"type": ["string", "number"]}, "height": {"type": ["string", "number"]} } }
                ]
            })
        }
    }
}
