//! The serde mirror of the YAML format (`shared/spec/resume-format.md`), before
//! validation. Every value that an error may need to point at is wrapped in
//! [`Spanned`], which records the 1-based line and column of its YAML node.
//! Unknown keys are refused by `deny_unknown_fields`; `load` turns serde's message
//! into one with a "did you mean" hint.

use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use serde_saphyr::Spanned;
use std::fmt;

/// A scalar read as text whatever its YAML type: `2022` (an integer), `1.5`,
/// `true` and `"2022"` all become strings, so `date: 2022` works as written.
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
        d.deserialize_any(V)
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
#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct RawResume {
    pub name: Option<Spanned<Scalar>>,
    pub headline: Option<Spanned<Scalar>>,
    pub contact: Option<Spanned<List<Spanned<RawContact>>>>,
    pub sections: Option<Spanned<List<Spanned<RawSection>>>>,
    pub design: Option<Spanned<RawDesign>>,
    pub pdf: Option<Spanned<RawPdf>>,
}

/// A contact item: a plain string of markup, or a mapping with one key.
#[derive(Debug)]
pub enum RawContact {
    Text(String),
    Map(Box<RawContactMap>),
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct RawContactMap {
    pub email: Option<Spanned<Scalar>>,
    pub phone: Option<Spanned<Scalar>>,
    pub url: Option<Spanned<Scalar>>,
    pub label: Option<Spanned<Scalar>>,
    pub location: Option<Spanned<Scalar>>,
    pub text: Option<Spanned<Scalar>>,
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
                RawContactMap::deserialize(de::value::MapAccessDeserializer::new(map)).map(|m| RawContact::Map(Box::new(m)))
            }
        }
        d.deserialize_any(V)
    }
}

/// A section of the body.
#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct RawSection {
    pub title: Option<Spanned<Scalar>>,
    pub entries: Option<Spanned<List<Spanned<RawEntry>>>>,
    pub numbered: Option<Spanned<bool>>,
}

/// An entry: a paragraph of markup, or a mapping.
#[derive(Debug)]
pub enum RawEntry {
    Paragraph(String),
    Map(Box<RawEntryMap>),
}

#[derive(Deserialize, Debug, Default)]
#[serde(deny_unknown_fields)]
pub struct RawEntryMap {
    pub title: Option<Spanned<Scalar>>,
    pub date: Option<Spanned<Scalar>>,
    pub start: Option<Spanned<Scalar>>,
    pub end: Option<Spanned<Scalar>>,
    pub subtitle: Option<Spanned<Scalar>>,
    pub location: Option<Spanned<Scalar>>,
    pub label: Option<Spanned<Scalar>>,
    pub text: Option<Spanned<Scalar>>,
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
                RawEntryMap::deserialize(de::value::MapAccessDeserializer::new(map))
                    .map(|m| RawEntry::Map(Box::new(m)))
            }
        }
        d.deserialize_any(V)
    }
}

/// A length (`0.7in`, `18mm`, `12`), or a mapping of lengths (`{top, right, …}`,
/// `{width, height}`); checked by `design.rs`.
#[derive(Debug)]
pub enum RawLengthOr {
    One(Scalar),
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
#[derive(Deserialize, Debug, Default)]
#[serde(deny_unknown_fields)]
pub struct RawDesign {
    pub theme: Option<Spanned<Scalar>>,
    pub page: Option<Spanned<RawLengthOr>>,
    pub margin: Option<Spanned<RawLengthOr>>,
    pub font: Option<Spanned<Scalar>>,
    pub font_size: Option<Spanned<Scalar>>,
    pub line_spacing: Option<Spanned<f64>>,
    pub accent_color: Option<Spanned<Scalar>>,
    pub link_color: Option<Spanned<Scalar>>,
    pub justify: Option<Spanned<bool>>,
    pub hyphenate: Option<Spanned<bool>>,
    pub language: Option<Spanned<Scalar>>,
    pub date_column: Option<Spanned<Scalar>>,
    pub date_align: Option<Spanned<Scalar>>,
    pub section_title: Option<Spanned<Scalar>>,
    pub section_rule: Option<Spanned<bool>>,
    pub contact_separator: Option<Spanned<Scalar>>,
    pub page_numbers: Option<Spanned<bool>>,
    pub running_header: Option<Spanned<bool>>,
    pub fit_pages: Option<Spanned<Scalar>>,
}

/// The `pdf` metadata mapping.
#[derive(Deserialize, Debug, Default)]
#[serde(deny_unknown_fields)]
pub struct RawPdf {
    pub title: Option<Spanned<Scalar>>,
    pub subject: Option<Spanned<Scalar>>,
    pub keywords: Option<Spanned<List<Scalar>>>,
}
