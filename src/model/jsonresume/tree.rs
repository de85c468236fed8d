//! A JSON (or YAML) document as a tree of values, every node and every mapping key
//! with its 1-based line and column.
//!
//! JSON is YAML, so serde-saphyr reads a `resume.json` as it reads YAML, and its
//! [`Spanned`] wrapper gives each node's position in the JSON text itself. The JSON
//! Resume schema lets every object carry extra keys, so the document is read into
//! this generic tree rather than into structs that refuse unknown keys; `super`
//! then walks it with the schema in hand.

use crate::diag::Pos;
use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;
use std::fmt;

/// A value and the position of its first character in the input (for a quoted
/// string, its opening quote).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Node {
    /// Where the value starts.
    pub pos: Pos,
    /// The value.
    pub value: Value,
}

/// A mapping key and its position.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Key {
    /// The key as written (a number or boolean key as its text).
    pub name: String,
    /// Where the key starts.
    pub pos: Pos,
}

/// The kinds of value JSON and YAML share.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Value {
    /// `null` (or YAML's `~` and an empty value).
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, as Rust prints it (`3`, `9.5`).
    Number(String),
    /// A string.
    Str(String),
    /// A list, in order.
    Seq(Vec<Node>),
    /// A mapping, its keys in input order.
    Map(Vec<(Key, Node)>),
}

impl Value {
    /// The kind of value in an error message: "found {kind}".
    pub fn kind(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "true or false",
            Value::Number(_) => "a number",
            Value::Str(_) => "text",
            Value::Seq(_) => "a list",
            Value::Map(_) => "a mapping",
        }
    }
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = Spanned::<Value>::deserialize(d)?;
        Ok(Node {
            pos: s.referenced.into(),
            value: s.value,
        })
    }
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Value;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a JSON value")
            }
            fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
                Ok(Value::Null)
            }
            fn visit_none<E: de::Error>(self) -> Result<Value, E> {
                Ok(Value::Null)
            }
            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
                Value::deserialize(d)
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Value, E> {
                Ok(Value::Bool(v))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Value, E> {
                Ok(Value::Number(v.to_string()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Value, E> {
                Ok(Value::Number(v.to_string()))
            }
            fn visit_i128<E: de::Error>(self, v: i128) -> Result<Value, E> {
                Ok(Value::Number(v.to_string()))
            }
            fn visit_u128<E: de::Error>(self, v: u128) -> Result<Value, E> {
                Ok(Value::Number(v.to_string()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
                Ok(Value::Number(v.to_string()))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Value, E> {
                Ok(Value::Str(v.to_string()))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
                let mut out = Vec::new();
                while let Some(n) = seq.next_element::<Node>()? {
                    out.push(n);
                }
                Ok(Value::Seq(out))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
                let mut out = Vec::new();
                while let Some(k) = map.next_key::<Spanned<KeyText>>()? {
                    let v = map.next_value::<Node>()?;
                    out.push((
                        Key {
                            name: k.value.0,
                            pos: k.referenced.into(),
                        },
                        v,
                    ));
                }
                Ok(Value::Map(out))
            }
        }
        d.deserialize_any(V)
    }
}

/// A mapping key read as text whatever its YAML type.
struct KeyText(String);

impl<'de> Deserialize<'de> for KeyText {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = KeyText;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a key (text)")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<KeyText, E> {
                Ok(KeyText(v.to_string()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<KeyText, E> {
                Ok(KeyText(v.to_string()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<KeyText, E> {
                Ok(KeyText(v.to_string()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<KeyText, E> {
                Ok(KeyText(v.to_string()))
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<KeyText, E> {
                Ok(KeyText(v.to_string()))
            }
            fn visit_unit<E: de::Error>(self) -> Result<KeyText, E> {
                Ok(KeyText("null".into()))
            }
        }
        d.deserialize_any(V)
    }
}

/// The top-level keys of a document that is a mapping (empty for anything else);
/// the values are skipped, not kept.
pub(crate) struct TopKeys(pub Vec<String>);

impl<'de> Deserialize<'de> for TopKeys {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = TopKeys;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a mapping")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<TopKeys, A::Error> {
                let mut keys = Vec::new();
                while let Some(k) = map.next_key::<KeyText>()? {
                    map.next_value::<de::IgnoredAny>()?;
                    keys.push(k.0);
                }
                Ok(TopKeys(keys))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<TopKeys, A::Error> {
                while seq.next_element::<de::IgnoredAny>()?.is_some() {}
                Ok(TopKeys(Vec::new()))
            }
            fn visit_str<E: de::Error>(self, _: &str) -> Result<TopKeys, E> {
                Ok(TopKeys(Vec::new()))
            }
            fn visit_i64<E: de::Error>(self, _: i64) -> Result<TopKeys, E> {
                Ok(TopKeys(Vec::new()))
            }
            fn visit_u64<E: de::Error>(self, _: u64) -> Result<TopKeys, E> {
                Ok(TopKeys(Vec::new()))
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> Result<TopKeys, E> {
                Ok(TopKeys(Vec::new()))
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<TopKeys, E> {
                Ok(TopKeys(Vec::new()))
            }
            fn visit_unit<E: de::Error>(self) -> Result<TopKeys, E> {
                Ok(TopKeys(Vec::new()))
            }
        }
        d.deserialize_any(V)
    }
}
