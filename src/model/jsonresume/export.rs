//! JSON Resume output: a resume in vitae's format written as a JSON Resume (schema
//! v1.0.0), the reverse of [`super::convert`].
//!
//! The standard fields are filled where vitae's content has a place in the schema:
//! `basics.name`, `label`, `email`, `phone`, `url`, `location`, `profiles`,
//! `summary`, and a section whose title names a JSON Resume list ("Experience" →
//! `work`, "Education" → `education`, …) as that list, markup reduced to its plain
//! text ([`section_home`], [`project_section`]). What the schema has no place for
//! goes under `meta.vitae`, where JSON Resume lets tools keep their settings:
//! `design`, `pdf`, `variants`, and the résumé's own `name` (when translated),
//! `headline` (when it has markup), `contact` and `sections` as written (markup,
//! tags, groups, translations, bibliographies, section order and titles). Reading the
//! file back ([`super::convert`]) sets `meta.vitae`'s parts and uses the standard
//! fields only where `meta.vitae` has none, so converting back gives the same resume;
//! a standard field edited since (it no longer matches what `meta.vitae` renders to)
//! is reported with a warning rather than dropped silently.

use super::tree::{Node, Value};
use crate::diag::{Diagnostic, Pos};
use crate::markup;
use std::fmt::Write as _;

/// The `$schema` written at the top of every exported file.
pub const SCHEMA_URL: &str = "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json";

/// A JSON value with its object keys in the order written.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Json {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, as written.
    Num(String),
    /// A string.
    Str(String),
    /// An array.
    Arr(Vec<Json>),
    /// An object, keys in order.
    Obj(Vec<(String, Json)>),
}

impl Json {
    /// The value of a tree node (YAML's numbers as written; a number that is not a JSON
    /// number, such as `.inf`, as text).
    pub fn from_node(n: &Node) -> Json {
        match &n.value {
            Value::Null => Json::Null,
            Value::Bool(b) => Json::Bool(*b),
            Value::Number(x) if serde_json::from_str::<serde_json::Number>(x).is_ok() => Json::Num(x.clone()),
            Value::Number(x) => Json::Str(x.clone()),
            Value::Str(s) => Json::Str(s.clone()),
            Value::Seq(s) => Json::Arr(s.iter().map(Json::from_node).collect()),
            Value::Map(m) => Json::Obj(m.iter().map(|(k, v)| (k.name.clone(), Json::from_node(v))).collect()),
        }
    }

    /// The text of a string value.
    fn str(s: impl Into<String>) -> Json {
        Json::Str(s.into())
    }

    /// The value as JSON on one line (`{"a": 1, "b": [2]}`), which YAML reads too.
    pub fn compact(&self) -> String {
        let mut out = String::new();
        self.write(&mut out, None);
        out
    }

    /// The value as JSON, two spaces per level, a newline at the end.
    pub fn pretty(&self) -> String {
        let mut out = String::new();
        self.write(&mut out, Some(0));
        out.push('\n');
        out
    }

    fn write(&self, out: &mut String, indent: Option<usize>) {
        let (open, close) = match self {
            Json::Arr(_) => ('[', ']'),
            Json::Obj(_) => ('{', '}'),
            Json::Null => return out.push_str("null"),
            Json::Bool(b) => return out.push_str(if *b { "true" } else { "false" }),
            Json::Num(x) => return out.push_str(x),
            Json::Str(s) => return out.push_str(&serde_json::to_string(s).unwrap_or_default()),
        };
        let items: Vec<(Option<&str>, &Json)> = match self {
            Json::Arr(a) => a.iter().map(|v| (None, v)).collect(),
            Json::Obj(o) => o.iter().map(|(k, v)| (Some(k.as_str()), v)).collect(),
            _ => Vec::new(),
        };
        out.push(open);
        if items.is_empty() {
            out.push(close);
            return;
        }
        for (i, (k, v)) in items.iter().enumerate() {
            if i > 0 {
                out.push(',');
                if indent.is_none() {
                    out.push(' ');
                }
            }
            if let Some(n) = indent {
                let _ = write!(out, "\n{:w$}", "", w = n + 2);
            }
            if let Some(k) = k {
                out.push_str(&serde_json::to_string(k).unwrap_or_default());
                out.push_str(": ");
            }
            v.write(out, indent.map(|n| n + 2));
        }
        if let Some(n) = indent {
            let _ = write!(out, "\n{:n$}", "");
        }
        out.push(close);
    }
}

/// An object from its members, those with no value left out.
fn obj(members: Vec<(&str, Option<Json>)>) -> Json {
    Json::Obj(
        members
            .into_iter()
            .filter_map(|(k, v)| v.map(|v| (k.to_string(), v)))
            .collect(),
    )
}

/// The value under `key` of a mapping node.
pub(crate) fn get<'a>(n: &'a Node, key: &str) -> Option<&'a Node> {
    match &n.value {
        Value::Map(m) => m.iter().find(|(k, _)| k.name == key).map(|(_, v)| v),
        _ => None,
    }
}

/// The text of a text or markup value: a string (or number) as written, a translated
/// value's first language, a tagged bullet's `text`.
fn raw_text(n: &Node) -> Option<String> {
    match &n.value {
        Value::Str(s) => Some(s.clone()),
        Value::Number(x) => Some(x.clone()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Map(_) if get(n, "text").is_some() => get(n, "text").and_then(raw_text),
        Value::Map(m) => m.first().and_then(|(_, v)| raw_text(v)),
        _ => None,
    }
}

/// The plain text of a markup value (what a reader sees: markers and escapes gone).
fn plain(n: &Node) -> Option<String> {
    let raw = raw_text(n)?;
    let text = markup::parse(&raw).map_or(raw, |i| markup::plain(&i));
    (!text.trim().is_empty()).then_some(text)
}

/// The plain text of a markup value, for the reader of the JSON: see [`plain`].
pub(crate) fn plain_of(n: &Node) -> Option<String> {
    plain(n)
}

/// The text of a text value as written (a translated value's first language).
pub(crate) fn raw_of(n: &Node) -> Option<String> {
    raw_text(n)
}

/// The plain text of a field of a mapping node.
fn field(n: &Node, key: &str) -> Option<Json> {
    get(n, key).and_then(plain).map(Json::Str)
}

/// The first link target in a markup value (`[Name](https://…)`), if any.
fn first_link(n: &Node) -> Option<String> {
    let raw = raw_text(n)?;
    markup::parse(&raw).ok()?.into_iter().find_map(|s| s.link)
}

/// A structured date field (`start`, `end`) as JSON Resume writes it; `present` and
/// free text have no place.
fn iso_date(n: &Node, key: &str) -> Option<Json> {
    let v = raw_text(get(n, key)?)?;
    crate::model::date::parse_date(&v, false)
        .ok()
        .filter(|d| !matches!(d, crate::model::date::Date::Present))
        .map(|_| Json::Str(v))
}

/// The one date of an entry for JSON Resume's single-date fields (`date`,
/// `releaseDate`): `start`, or a `date` given as `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
fn one_date(n: &Node) -> Option<Json> {
    iso_date(n, "start").or_else(|| iso_date(n, "date"))
}

/// The bullets of an entry, as plain text.
fn bullets(n: &Node) -> Option<Json> {
    let items: Vec<Json> = match &get(n, "bullets")?.value {
        Value::Seq(s) => s.iter().filter_map(plain).map(Json::Str).collect(),
        _ => return None,
    };
    (!items.is_empty()).then_some(Json::Arr(items))
}

/// Comma-separated text as a list of keywords.
fn keywords(n: &Node, key: &str) -> Option<Json> {
    let text = get(n, key).and_then(plain)?;
    Some(Json::Arr(
        text.split(", ")
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(Json::str)
            .collect(),
    ))
}

/// The JSON Resume list a section belongs in, by its title (in any case, its first
/// language): `basics.summary` for a summary or profile, `work` for experience or
/// employment, and each other list by its own name. `None`: the section has no home
/// in the schema (it is kept under `meta.vitae.sections` only).
pub(crate) fn section_home(section: &Node) -> Option<&'static str> {
    if get(section, "bibliography").is_some() {
        return Some("publications");
    }
    let title = get(section, "title").and_then(plain)?.to_lowercase();
    let homes: [(&str, &[&str]); 12] = [
        ("basics.summary", &["summary", "profile", "about"]),
        ("work", &["experience", "employment", "work"]),
        ("volunteer", &["volunteer"]),
        ("education", &["education"]),
        ("awards", &["award", "honour", "honor", "prize"]),
        ("certificates", &["certificat", "licen"]),
        ("publications", &["publication", "paper"]),
        ("skills", &["skill"]),
        ("languages", &["language"]),
        ("interests", &["interest", "hobb"]),
        ("references", &["reference"]),
        ("projects", &["project"]),
    ];
    homes
        .iter()
        .find(|(_, words)| words.iter().any(|w| title.contains(w)))
        .map(|(home, _)| *home)
}

/// The entries of a section node, groups flattened (a bibliography has none here:
/// expand it first, `vitae expand`).
fn entries(section: &Node) -> Vec<&Node> {
    fn list(n: Option<&Node>) -> Vec<&Node> {
        match n.map(|n| &n.value) {
            Some(Value::Seq(s)) => s.iter().collect(),
            _ => Vec::new(),
        }
    }
    let mut out = list(get(section, "entries"));
    for g in list(get(section, "groups")) {
        out.extend(list(get(g, "entries")));
    }
    out
}

/// One entry as an item of the JSON Resume list `home`: the fields that have a place
/// there, in plain text.
fn project_entry(home: &str, e: &Node) -> Json {
    if !matches!(e.value, Value::Map(_)) {
        // A paragraph: the list's text field.
        let text = plain(e).map(Json::Str);
        let key = match home {
            "awards" => "title",
            "skills" | "interests" | "certificates" | "publications" | "projects" | "references" => "name",
            "languages" => "language",
            "education" => "institution",
            "volunteer" => "organization",
            _ => "summary",
        };
        return obj(vec![(key, text)]);
    }
    let title = || field(e, "title").or_else(|| field(e, "label"));
    let url = || get(e, "title").and_then(first_link).map(Json::Str);
    let start = || iso_date(e, "start");
    let end = || iso_date(e, "end");
    let text = || field(e, "text");
    match home {
        "work" => obj(vec![
            ("name", title()),
            ("position", field(e, "subtitle")),
            ("url", url()),
            ("location", field(e, "location")),
            ("startDate", start()),
            ("endDate", end()),
            ("summary", text()),
            ("highlights", bullets(e)),
        ]),
        "volunteer" => obj(vec![
            ("organization", title()),
            ("position", field(e, "subtitle")),
            ("url", url()),
            ("startDate", start()),
            ("endDate", end()),
            ("summary", text()),
            ("highlights", bullets(e)),
        ]),
        "education" => obj(vec![
            ("institution", title()),
            ("url", url()),
            ("area", field(e, "subtitle")),
            ("startDate", start()),
            ("endDate", end()),
            ("courses", bullets(e)),
        ]),
        "awards" => obj(vec![
            ("title", title().or_else(text)),
            ("date", one_date(e)),
            ("awarder", field(e, "subtitle")),
            ("summary", if get(e, "title").is_some() { text() } else { None }),
        ]),
        "certificates" => obj(vec![
            ("name", title()),
            ("date", one_date(e)),
            ("url", url()),
            ("issuer", field(e, "subtitle")),
        ]),
        "publications" => obj(vec![
            ("name", title().or_else(text)),
            ("publisher", field(e, "subtitle")),
            ("releaseDate", one_date(e)),
            (
                "url",
                url().or_else(|| get(e, "text").and_then(first_link).map(Json::Str)),
            ),
            ("summary", if get(e, "title").is_some() { text() } else { None }),
        ]),
        "skills" => obj(vec![("name", title()), ("keywords", keywords(e, "text"))]),
        "languages" => obj(vec![("language", title()), ("fluency", text())]),
        "interests" => obj(vec![("name", title()), ("keywords", keywords(e, "text"))]),
        "references" => obj(vec![("name", title()), ("reference", text())]),
        _ => obj(vec![
            ("name", title()),
            ("description", text()),
            ("highlights", bullets(e)),
            ("startDate", start()),
            ("endDate", end()),
            ("url", url()),
            ("roles", field(e, "subtitle").map(|r| Json::Arr(vec![r]))),
            ("entity", field(e, "location")),
        ]),
    }
}

/// A section as the JSON Resume list `home` (for `basics.summary`: its paragraphs
/// joined by blank lines).
pub(crate) fn project_section(home: &str, section: &Node) -> Json {
    let es = entries(section);
    if home == "basics.summary" {
        let paragraphs: Vec<String> = es
            .iter()
            .filter_map(|e| match &e.value {
                Value::Map(_) => get(e, "text").and_then(plain),
                _ => plain(e),
            })
            .collect();
        return Json::Str(paragraphs.join("\n\n"));
    }
    Json::Arr(es.into_iter().map(|e| project_entry(home, e)).collect())
}

/// The contact items as `basics`' fields: the first email, phone and URL, a location
/// as `location.city`, every other link as a profile (its label as `network`).
pub(crate) fn project_contact(contact: &Node) -> Vec<(String, Json)> {
    let Value::Seq(items) = &contact.value else {
        return Vec::new();
    };
    let (mut email, mut phone, mut url, mut location, mut profiles) = (None, None, None, None, Vec::new());
    for c in items {
        let one = |k: &str| get(c, k).and_then(plain).map(Json::Str);
        if let Some(v) = one("email") {
            email = email.or(Some(v));
        } else if let Some(v) = one("phone") {
            phone = phone.or(Some(v));
        } else if let Some(v) = one("location") {
            location = location.or(Some(obj(vec![("city", Some(v))])));
        } else if let Some(u) = one("url") {
            match (&url, get(c, "label").and_then(plain)) {
                (None, None) => url = Some(u),
                (_, label) => profiles.push(obj(vec![("network", label.map(Json::Str)), ("url", Some(u))])),
            }
        } else if let Some(link) = first_link(c).or_else(|| get(c, "text").and_then(first_link)) {
            let label = plain(c).map(Json::Str);
            profiles.push(obj(vec![("network", label), ("url", Some(Json::Str(link)))]));
        }
    }
    let mut out = Vec::new();
    for (k, v) in [("email", email), ("phone", phone), ("url", url), ("location", location)] {
        if let Some(v) = v {
            out.push((k.to_string(), v));
        }
    }
    if !profiles.is_empty() {
        out.push(("profiles".into(), Json::Arr(profiles)));
    }
    out
}

/// A resume in vitae's format (the YAML text a build sets, or the file as written)
/// as a JSON Resume, pretty-printed (see the module's documentation).
///
/// # Errors
/// Text that does not parse as YAML (the caller has loaded it already, so this is
/// not expected), at its line and column.
pub fn export(yaml: &str) -> Result<String, Diagnostic> {
    let yaml = yaml.strip_prefix('\u{feff}').unwrap_or(yaml);
    let root: Node = serde_saphyr::from_str_with_options(yaml, crate::model::yaml_options())
        .map_err(|e| crate::model::yaml_error(&e, yaml))?;
    let Value::Map(top) = &root.value else {
        return Err(Diagnostic::error(
            Pos::new(1, 1),
            "expected a resume: a mapping with `name` and `sections`",
        ));
    };
    let mut basics: Vec<(String, Json)> = Vec::new();
    let mut vitae: Vec<(String, Json)> = Vec::new();
    if let Some(n) = get(&root, "name") {
        basics.extend(raw_text(n).map(|t| ("name".to_string(), Json::Str(t))));
        if !matches!(n.value, Value::Str(_)) {
            vitae.push(("name".into(), Json::from_node(n)));
        }
    }
    if let Some(h) = get(&root, "headline") {
        basics.extend(plain(h).map(|t| ("label".to_string(), Json::Str(t))));
        let exact = matches!(&h.value, Value::Str(s) if super::escape(&plain(h).unwrap_or_default()) == *s);
        if !exact {
            vitae.push(("headline".into(), Json::from_node(h)));
        }
    }
    if let Some(c) = get(&root, "contact") {
        basics.extend(project_contact(c));
        vitae.push(("contact".into(), Json::from_node(c)));
    }
    let mut lists: Vec<(&str, Json)> = Vec::new();
    let mut sections = Vec::new();
    if let Some(Value::Seq(ss)) = get(&root, "sections").map(|n| &n.value) {
        for s in ss {
            let home = section_home(s).filter(|h| !lists.iter().any(|(k, _)| k == h));
            let mut item = vec![("section".to_string(), Json::from_node(s))];
            if let Some(h) = home {
                lists.push((h, project_section(h, s)));
                item.push(("shown_as".into(), Json::str(h)));
            }
            sections.push(Json::Obj(item));
        }
    }
    if let Some((_, summary)) = lists.iter().find(|(k, _)| *k == "basics.summary") {
        let at = basics.iter().position(|(k, _)| k == "location" || k == "profiles");
        basics.insert(at.unwrap_or(basics.len()), ("summary".into(), summary.clone()));
    }
    vitae.push(("sections".into(), Json::Arr(sections)));
    for (key, _) in top {
        if !matches!(key.name.as_str(), "name" | "headline" | "contact" | "sections") {
            let n = get(&root, &key.name).map(Json::from_node).unwrap_or(Json::Null);
            vitae.push((key.name.clone(), n));
        }
    }
    let mut doc = vec![
        ("$schema".to_string(), Json::str(SCHEMA_URL)),
        ("basics".to_string(), Json::Obj(basics)),
    ];
    for (key, _) in super::SECTIONS {
        if let Some((_, v)) = lists.iter().find(|(k, _)| *k == key) {
            doc.push((key.to_string(), v.clone()));
        }
    }
    doc.push(("meta".into(), Json::Obj(vec![("vitae".into(), Json::Obj(vitae))])));
    Ok(Json::Obj(doc).pretty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_is_written_in_order_and_escaped() {
        let j = Json::Obj(vec![
            ("b".into(), Json::Arr(vec![Json::Num("1".into()), Json::str("a\"\n")])),
            ("a".into(), Json::Obj(vec![])),
        ]);
        assert_eq!(j.compact(), "{\"b\": [1, \"a\\\"\\n\"], \"a\": {}}");
        assert_eq!(
            j.pretty(),
            "{\n  \"b\": [\n    1,\n    \"a\\\"\\n\"\n  ],\n  \"a\": {}\n}\n"
        );
    }

    #[test]
    fn sections_find_their_home_by_title() {
        let home = |yaml: &str| {
            let n: Node = serde_saphyr::from_str(yaml).unwrap();
            section_home(&n)
        };
        assert_eq!(home("{title: Professional Experience, entries: []}"), Some("work"));
        assert_eq!(home("{title: {de: Ausbildung, en: Education}, entries: []}"), None);
        assert_eq!(
            home("{title: {en: Education, de: Ausbildung}, entries: []}"),
            Some("education")
        );
        assert_eq!(home("{title: Talks, entries: []}"), None);
    }
}
