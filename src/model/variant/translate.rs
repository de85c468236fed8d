//! Translated text: a mapping of language tags to text where the format takes text,
//! resolved to the build's language, or to the file's first-listed language with one
//! warning per build naming every field that lacks the build's language.

use crate::diag::{Diagnostic, Pos};
use crate::lang::{LANGUAGES, Language};
use crate::model::jsonresume::tree::{Key, Node, Value};

/// The language tags vitae knows, for messages.
pub(super) fn known_tags() -> String {
    let mut tags: Vec<&str> = LANGUAGES.iter().map(|l| l.tag()).collect();
    tags.push("en");
    tags.join(", ")
}

/// Whether translation key `key` is written in language `build`: the same tag (in
/// any case), or the same primary language subtag (`en` for `en-US`, `de-CH` for `de`).
fn matches(key: &str, build: &str) -> bool {
    let primary = |s: &str| s.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
    key.eq_ignore_ascii_case(build) || primary(key) == primary(build)
}

/// Whether a mapping is a translation: at least one of its keys is a language tag
/// vitae knows (then every key must be one).
pub(super) fn is_translation(m: &[(Key, Node)]) -> bool {
    m.iter().any(|(k, _)| Language::from_tag(&k.name).is_some())
}

/// Resolves translated text for one build.
pub(super) struct Translator {
    /// The build's language tag.
    build: String,
    /// The first language a translated field of the file lists.
    first: Option<String>,
    /// Fields without the build's language: their name and position.
    missing: Vec<(String, Pos)>,
    errors: Vec<Diagnostic>,
}

/// The language tags of the file's translation maps, in order of first use.
pub(super) fn languages(tree: &Node) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    collect(tree, &mut out);
    out
}

/// Collects the keys of mappings all of whose keys are language tags (a translation).
fn collect(n: &Node, out: &mut Vec<String>) {
    match &n.value {
        Value::Map(m) => {
            let translation = !m.is_empty()
                && m.iter().all(|(k, v)| {
                    Language::from_tag(&k.name).is_some() && !matches!(v.value, Value::Map(_) | Value::Seq(_))
                });
            if translation {
                for (k, _) in m {
                    if !out.iter().any(|o| o == &k.name) {
                        out.push(k.name.clone());
                    }
                }
            } else {
                for (k, v) in m {
                    if k.name != "design" && k.name != "variants" {
                        collect(v, out);
                    }
                }
            }
        }
        Value::Seq(s) => s.iter().for_each(|v| collect(v, out)),
        _ => {}
    }
}

impl Translator {
    /// A translator into `build` for the document `tree`.
    pub fn new(tree: &Node, build: &str) -> Translator {
        Translator {
            build: build.to_string(),
            first: languages(tree).into_iter().next(),
            missing: Vec::new(),
            errors: Vec::new(),
        }
    }

    /// Records an error found while resolving.
    pub fn error(&mut self, d: Diagnostic) {
        self.errors.push(d);
    }

    /// The errors found (translation keys that are not language tags, values that
    /// are not text).
    pub fn errors(&mut self) -> Vec<Diagnostic> {
        std::mem::take(&mut self.errors)
    }

    /// A text field at `path`: a mapping of languages resolved to one text, anything
    /// else as it is (the loader checks it).
    pub fn text(&mut self, n: &Node, path: &str) -> Node {
        let Value::Map(m) = &n.value else { return n.clone() };
        if !is_translation(m) {
            // Not text at all: the loader says what was expected.
            return n.clone();
        }
        let mut ok = true;
        for (k, v) in m {
            if Language::from_tag(&k.name).is_none() {
                ok = false;
                self.errors.push(Diagnostic::error(
                    k.pos,
                    format!(
                        "`{}` is not a language tag vitae knows: {path} is a translated text, a mapping of language tags ({}) to text",
                        k.name,
                        known_tags()
                    ),
                ));
            } else if matches!(v.value, Value::Map(_) | Value::Seq(_) | Value::Null) {
                ok = false;
                self.errors.push(Diagnostic::error(
                    v.pos,
                    format!(
                        "{path}.{}: expected text (one language's text); found {}",
                        k.name,
                        v.value.kind()
                    ),
                ));
            }
        }
        if !ok {
            return Node {
                pos: n.pos,
                value: Value::Str(String::new()),
            };
        }
        if let Some((_, v)) = m.iter().find(|(k, _)| matches(&k.name, &self.build)) {
            return v.clone();
        }
        self.missing.push((path.to_string(), n.pos));
        let first = self.first.clone().unwrap_or_default();
        let (_, v) = m.iter().find(|(k, _)| k.name == first).unwrap_or(&m[0]);
        v.clone()
    }

    /// A top-level value (`name`, `headline`, `contact`, `pdf`), translated where it
    /// holds text.
    pub fn tree(&mut self, n: &Node, key: &str) -> Node {
        match (key, &n.value) {
            ("name" | "headline", _) => self.text(n, key),
            ("contact", Value::Seq(items)) => Node {
                pos: n.pos,
                value: Value::Seq(
                    items
                        .iter()
                        .enumerate()
                        .map(|(i, c)| self.contact(c, &format!("contact[{i}]")))
                        .collect(),
                ),
            },
            ("pdf", Value::Map(m)) => Node {
                pos: n.pos,
                value: Value::Map(
                    m.iter()
                        .map(|(k, v)| {
                            let v = match (k.name.as_str(), &v.value) {
                                ("keywords", Value::Seq(s)) => Node {
                                    pos: v.pos,
                                    value: Value::Seq(
                                        s.iter()
                                            .enumerate()
                                            .map(|(i, w)| self.text(w, &format!("pdf.keywords[{i}]")))
                                            .collect(),
                                    ),
                                },
                                ("title" | "subject", _) => self.text(v, &format!("pdf.{}", k.name)),
                                _ => v.clone(),
                            };
                            (k.clone(), v)
                        })
                        .collect(),
                ),
            },
            _ => n.clone(),
        }
    }

    /// A contact item: a translated string, or a mapping whose values may be translated.
    fn contact(&mut self, c: &Node, path: &str) -> Node {
        const KEYS: [&str; 6] = ["email", "phone", "url", "label", "location", "text"];
        let Value::Map(m) = &c.value else { return c.clone() };
        if !m.iter().any(|(k, _)| KEYS.contains(&k.name.as_str())) {
            return if is_translation(m) {
                self.text(c, path)
            } else {
                c.clone()
            };
        }
        let out: Vec<(Key, Node)> = m
            .iter()
            .map(|(k, v)| (k.clone(), self.text(v, &format!("{path}.{}", k.name))))
            .collect();
        Node {
            pos: c.pos,
            value: Value::Map(out),
        }
    }

    /// The one warning of a build about fields without its language, or none.
    pub fn fallback_warning(&self) -> Option<Diagnostic> {
        let (_, pos) = self.missing.first()?;
        let n = self.missing.len();
        let first = self.first.as_deref().unwrap_or("");
        let fields = self
            .missing
            .iter()
            .map(|(p, pos)| format!("{p} ({}:{})", pos.line, pos.column))
            .collect::<Vec<_>>()
            .join(", ");
        Some(Diagnostic::warning(
            *pos,
            format!(
                "{n} field{} no text in `{}`, so {} set in `{first}`, the first language listed: {fields}",
                if n == 1 { " has" } else { "s have" },
                self.build,
                if n == 1 { "it is" } else { "they are" },
            ),
        ))
    }
}
