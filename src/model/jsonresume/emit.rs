//! The mapped résumé written as vitae YAML (the text `vitae convert` writes and
//! `vitae build` sets), with a record of where in the JSON each generated value came
//! from.
//!
//! Every generated value sits on a line of its own, so a position in the generated
//! text (line, column) leads back to an [`Origin`]: the JSON position and JSON Resume
//! field name ([`Origins::find`]). A diagnostic about the generated text is reported
//! at its origin, never inside the generated text.

use super::export::Json;
use super::tree::{Node, Value};
use crate::diag::Pos;
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// Where a generated value came from in the JSON Resume input.
#[derive(Clone, Debug, PartialEq, Default)]
pub(crate) struct Origin {
    /// The position of the JSON value (or key).
    pub pos: Pos,
    /// The JSON Resume field name, `work[2].startDate`; empty for text vitae
    /// generated on its own (a diagnostic there has been reported in JSON terms).
    pub path: String,
}

impl Origin {
    /// An origin at `pos` named `path`.
    pub fn new(pos: Pos, path: impl Into<String>) -> Origin {
        Origin { pos, path: path.into() }
    }
}

/// A value in vitae's terms (inline markup already escaped where the field is markup)
/// and its origin.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Val {
    /// The text written into the YAML.
    pub text: String,
    /// Where it came from.
    pub origin: Origin,
}

/// A contact item of vitae's format.
#[derive(Clone, Debug)]
pub(crate) enum ContactItem {
    /// `email:`.
    Email(Val),
    /// `phone:`.
    Phone(Val),
    /// `url:` with an optional `label:` (markup).
    Url(Val, Option<Val>),
    /// `location:` (markup).
    Location(Val),
    /// A plain string of markup.
    Text(Val),
}

/// An entry of vitae's format: a paragraph, or a mapping.
#[derive(Clone, Debug, Default)]
pub(crate) struct OutEntry {
    /// The JSON item it came from (`work[0]`).
    pub origin: Origin,
    /// A paragraph entry (then the other fields are empty).
    pub paragraph: Option<Val>,
    /// `title`.
    pub title: Option<Val>,
    /// `start`.
    pub start: Option<Val>,
    /// `end`.
    pub end: Option<Val>,
    /// `subtitle`.
    pub subtitle: Option<Val>,
    /// `location`.
    pub location: Option<Val>,
    /// `label`.
    pub label: Option<Val>,
    /// `text`.
    pub text: Option<Val>,
    /// `bullets`.
    pub bullets: Vec<Val>,
}

/// A section of vitae's format.
#[derive(Clone, Debug)]
pub(crate) struct OutSection {
    /// The heading.
    pub title: String,
    /// The JSON array (or field) it came from.
    pub origin: Origin,
    /// Its entries.
    pub entries: Vec<OutEntry>,
}

/// A JSON Resume mapped onto vitae's format.
#[derive(Clone, Debug)]
pub(crate) struct Doc<'a> {
    /// `name` (plain text).
    pub name: Val,
    /// `headline` (markup).
    pub headline: Option<Val>,
    /// `contact`.
    pub contact: Vec<ContactItem>,
    /// `sections`.
    pub sections: Vec<OutSection>,
    /// The design mapping as written, and its JSON Resume name (`meta.vitae.design`).
    pub design: Option<(&'a Node, String)>,
    /// `meta.vitae`'s parts of an exported resume other than the design and the
    /// sections (`name`, `headline`, `contact`, `pdf`, `variants`): the vitae key, the
    /// node as written, its JSON Resume name. Each is written as it is, over what the
    /// standard fields give.
    pub vitae: Vec<(String, &'a Node, String)>,
    /// `meta.vitae.sections`, when given: the sections as written, in order, in place
    /// of those the JSON Resume lists they are shown as give.
    pub vitae_sections: Option<Vec<VitaeSection<'a>>>,
    /// JSON Resume fields given but not shown (`basics.image`), for a comment.
    pub not_shown: Vec<String>,
}

/// A section of `meta.vitae.sections`: a section in vitae's format as written.
#[derive(Clone, Debug)]
pub(crate) struct VitaeSection<'a> {
    /// The section.
    pub node: &'a Node,
    /// Its JSON Resume name (`meta.vitae.sections[1].section`).
    pub path: String,
    /// The JSON Resume list (or `basics.summary`) it is rendered to for other tools:
    /// that list's own section is not set.
    pub shown_as: Option<String>,
}

/// Generated line → the origins of the values on it, by column.
#[derive(Clone, Debug, Default)]
pub(crate) struct Origins(BTreeMap<u32, Vec<(u32, Origin)>>);

impl Origins {
    /// Records that the value at `line`, `column` of the generated text came from `origin`.
    pub fn record(&mut self, line: u32, column: u32, origin: Origin) {
        self.0.entry(line).or_default().push((column, origin));
    }

    /// The origin of a position in the generated text: the value starting at that
    /// column, else the first on the line, else the nearest line above with one.
    /// An unknown position, or one above every value, has the empty origin.
    pub fn find(&self, pos: Pos) -> Origin {
        if !pos.is_known() {
            return Origin::default();
        }
        match self.0.range(..=pos.line).next_back() {
            Some((&line, on)) if line == pos.line => {
                on.iter().find(|(c, _)| *c == pos.column).unwrap_or(&on[0]).1.clone()
            }
            Some((_, on)) => on[0].1.clone(),
            None => Origin::default(),
        }
    }
}

/// Writes YAML lines, counting them, and records origins.
struct Writer {
    out: String,
    /// The 1-based number of the line being written.
    line: u32,
    origins: Origins,
}

impl Writer {
    fn comment(&mut self, indent: usize, text: &str) {
        let _ = writeln!(self.out, "{:indent$}# {text}", "");
        self.line += 1;
    }

    fn blank(&mut self) {
        self.out.push('\n');
        self.line += 1;
    }

    /// `{indent}- ` or `{indent}`, then `key:` and (when given) a scalar; the key is
    /// attributed to `key_origin`, the value to `value_origin`.
    fn entry(
        &mut self,
        indent: usize,
        dash: bool,
        key: &str,
        value: Option<&str>,
        key_origin: &Origin,
        value_origin: &Origin,
    ) {
        let lead = format!("{:indent$}{}", "", if dash { "- " } else { "" });
        let key_col = lead.chars().count() as u32 + 1;
        let key = scalar(key);
        let on = self.origins.0.entry(self.line).or_default();
        on.push((key_col, key_origin.clone()));
        match value {
            Some(v) => {
                let value_col = key_col + key.chars().count() as u32 + 2;
                on.push((value_col, value_origin.clone()));
                let _ = writeln!(self.out, "{lead}{key}: {v}");
            }
            None => {
                let _ = writeln!(self.out, "{lead}{key}:");
            }
        }
        self.line += 1;
    }

    /// `{indent}- {value}`: a list item that is a scalar.
    fn item(&mut self, indent: usize, value: &str, origin: &Origin) {
        let col = indent as u32 + 3;
        self.origins.0.entry(self.line).or_default().push((col, origin.clone()));
        let _ = writeln!(self.out, "{:indent$}- {value}", "");
        self.line += 1;
    }

    fn field(&mut self, indent: usize, dash: bool, key: &str, v: &Val, entry: &Origin) {
        self.entry(indent, dash, key, Some(&scalar(&v.text)), entry, &v.origin);
    }

    /// `key: {…}`: a node written as JSON on one line (YAML reads JSON), under a
    /// comment naming where it came from.
    fn json(&mut self, indent: usize, key: &str, n: &Node, path: &str) {
        self.comment(indent, &format!("from `{path}`"));
        let origin = Origin::new(n.pos, path);
        self.entry(
            indent,
            false,
            key,
            Some(&Json::from_node(n).compact()),
            &origin,
            &origin,
        );
    }

    /// A node of the design mapping, as a block (`key:` and its value) under `indent`.
    fn node(&mut self, indent: usize, dash: bool, key: &str, n: &Node, key_origin: &Origin, path: &str) {
        let origin = Origin::new(n.pos, path);
        match &n.value {
            Value::Map(m) if !m.is_empty() => {
                self.entry(indent, dash, key, None, key_origin, &origin);
                for (k, v) in m {
                    self.node(
                        indent + 2,
                        false,
                        &k.name,
                        v,
                        &Origin::new(k.pos, path),
                        &format!("{path}.{}", k.name),
                    );
                }
            }
            Value::Seq(s) if !s.is_empty() => {
                self.entry(indent, dash, key, None, key_origin, &origin);
                for (i, v) in s.iter().enumerate() {
                    let p = format!("{path}[{i}]");
                    match &v.value {
                        Value::Map(_) | Value::Seq(_) => {
                            // `-` alone, then the item's block under it.
                            self.origins
                                .0
                                .entry(self.line)
                                .or_default()
                                .push((indent as u32 + 3, Origin::new(v.pos, &p)));
                            let _ = writeln!(self.out, "{:w$}-", "", w = indent + 2);
                            self.line += 1;
                            self.block(indent + 4, v, &p);
                        }
                        _ => self.item(indent + 2, &node_scalar(v), &Origin::new(v.pos, &p)),
                    }
                }
            }
            _ => self.entry(indent, dash, key, Some(&node_scalar(n)), key_origin, &origin),
        }
    }

    /// The content of a mapping or list item at `indent`, no key before it.
    fn block(&mut self, indent: usize, n: &Node, path: &str) {
        match &n.value {
            Value::Map(m) if !m.is_empty() => {
                for (k, v) in m {
                    self.node(
                        indent,
                        false,
                        &k.name,
                        v,
                        &Origin::new(k.pos, path),
                        &format!("{path}.{}", k.name),
                    );
                }
            }
            Value::Seq(s) if !s.is_empty() => {
                for (i, v) in s.iter().enumerate() {
                    self.item(indent, &node_scalar(v), &Origin::new(v.pos, format!("{path}[{i}]")));
                }
            }
            _ => {
                self.origins
                    .0
                    .entry(self.line)
                    .or_default()
                    .push((indent as u32 + 1, Origin::new(n.pos, path)));
                let _ = writeln!(self.out, "{:indent$}{}", "", node_scalar(n));
                self.line += 1;
            }
        }
    }
}

/// A scalar node as YAML: a number or boolean as written, null as `null`, text per
/// [`scalar`], an empty mapping or list in flow style, anything nested as `null`
/// (only a list item can be nested twice, and vitae's design has no lists).
fn node_scalar(n: &Node) -> String {
    match &n.value {
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(x) => x.clone(),
        Value::Str(s) => scalar(s),
        Value::Map(m) if m.is_empty() => "{}".into(),
        Value::Seq(s) if s.is_empty() => "[]".into(),
        Value::Map(_) | Value::Seq(_) => "null".into(),
    }
}

/// Words YAML reads as something other than text when unquoted.
const RESERVED: [&str; 12] = [
    "true", "false", "yes", "no", "on", "off", "y", "n", "null", "nan", "inf", "infinity",
];

/// Whether `s` is a date as JSON Resume and vitae write it: `YYYY`, `YYYY-MM` or
/// `YYYY-MM-DD` (digits only; the ranges are checked elsewhere).
fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    match b.len() {
        4 => digits(0..4),
        7 => digits(0..4) && b[4] == b'-' && digits(5..7),
        10 => digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10),
        _ => false,
    }
}

/// Text as a YAML scalar: plain where that is unambiguous (it starts with a letter,
/// holds no `: `, ` #`, brackets, braces or control characters, and is not a word
/// YAML reads as a boolean, null or a number), or a date; else in double quotes
/// with `\` escapes.
pub(crate) fn scalar(s: &str) -> String {
    let plain = s.chars().next().is_some_and(char::is_alphabetic)
        && !s.ends_with(char::is_whitespace)
        && !s.ends_with(':')
        && !s.contains(": ")
        && !s.contains(" #")
        && !s
            .chars()
            .any(|c| c.is_control() || "[]{}\u{85}\u{2028}\u{2029}\u{feff}".contains(c))
        && !RESERVED.contains(&s.to_lowercase().as_str());
    if plain || is_iso_date(s) {
        return s.to_string();
    }
    let mut q = String::with_capacity(s.len() + 2);
    q.push('"');
    for c in s.chars() {
        match c {
            '"' => q.push_str("\\\""),
            '\\' => q.push_str("\\\\"),
            '\n' => q.push_str("\\n"),
            '\t' => q.push_str("\\t"),
            '\r' => q.push_str("\\r"),
            c if c.is_control() || matches!(c, '\u{85}' | '\u{2028}' | '\u{2029}' | '\u{feff}') => {
                let _ = write!(q, "\\u{:04X}", c as u32);
            }
            c => q.push(c),
        }
    }
    q.push('"');
    q
}

/// The header of the converted file.
const HEADER: &str = "\
# A resume for vitae (docs/format.md), converted from a JSON Resume by `vitae convert`.
# Building this file gives the same PDF as building the JSON Resume itself. The
# comments name the JSON Resume field each part came from; edit freely from here.
";

/// Writes `doc` as vitae YAML; returns the text and the origin of every value in it.
pub(crate) fn emit(doc: &Doc) -> (String, Origins) {
    let mut w = Writer {
        out: String::new(),
        line: 1,
        origins: Origins::default(),
    };
    for l in HEADER.lines() {
        w.comment(0, l.trim_start_matches("# "));
    }
    if !doc.not_shown.is_empty() {
        w.comment(0, "Not shown (vitae has no place for them):");
        for f in &doc.not_shown {
            w.comment(0, &format!("  {f}"));
        }
    }
    w.blank();
    let basics = Origin::new(doc.name.origin.pos, "basics");
    let part = |key: &str| doc.vitae.iter().find(|(k, _, _)| k == key);
    match part("name") {
        Some((k, n, path)) => w.json(0, k, n, path),
        None => w.field(0, false, "name", &doc.name, &basics),
    }
    match (part("headline"), &doc.headline) {
        (Some((k, n, path)), _) => w.json(0, k, n, path),
        (None, Some(h)) => w.field(0, false, "headline", h, &basics),
        (None, None) => {}
    }
    if let Some((k, n, path)) = part("contact") {
        w.json(0, k, n, path);
    } else if !doc.contact.is_empty() {
        w.entry(0, false, "contact", None, &basics, &basics);
        for c in &doc.contact {
            match c {
                ContactItem::Email(v) => w.field(2, true, "email", v, &v.origin),
                ContactItem::Phone(v) => w.field(2, true, "phone", v, &v.origin),
                ContactItem::Url(u, label) => {
                    w.field(2, true, "url", u, &u.origin);
                    if let Some(l) = label {
                        w.field(4, false, "label", l, &l.origin);
                    }
                }
                ContactItem::Location(v) => w.field(2, true, "location", v, &v.origin),
                ContactItem::Text(v) => w.item(2, &scalar(&v.text), &v.origin),
            }
        }
    }
    w.blank();
    let shown: Vec<&str> = doc
        .vitae_sections
        .iter()
        .flatten()
        .filter_map(|v| v.shown_as.as_deref())
        .collect();
    let own: Vec<&OutSection> = doc
        .sections
        .iter()
        .filter(|s| !shown.contains(&s.origin.path.as_str()))
        .collect();
    let given = doc.vitae_sections.as_deref().unwrap_or_default();
    if own.is_empty() && given.is_empty() {
        w.entry(0, false, "sections", Some("[]"), &Origin::default(), &Origin::default());
    } else {
        w.entry(0, false, "sections", None, &Origin::default(), &Origin::default());
    }
    for v in given {
        w.comment(2, &format!("from `{}`", v.path));
        let origin = Origin::new(v.node.pos, v.path.clone());
        w.origins.record(w.line, 5, origin);
        let _ = writeln!(w.out, "  - {}", Json::from_node(v.node).compact());
        w.line += 1;
    }
    for (k, s) in own.into_iter().enumerate() {
        if k > 0 || !given.is_empty() {
            w.blank();
        }
        w.comment(2, &format!("from `{}`", s.origin.path));
        w.entry(2, true, "title", Some(&scalar(&s.title)), &s.origin, &s.origin);
        w.entry(4, false, "entries", None, &s.origin, &s.origin);
        for e in &s.entries {
            if e.origin.path != s.origin.path {
                w.comment(6, &e.origin.path);
            }
            if let Some(p) = &e.paragraph {
                w.item(6, &scalar(&p.text), &p.origin);
                continue;
            }
            let mut dash = true;
            let fields = [
                ("title", &e.title),
                ("start", &e.start),
                ("end", &e.end),
                ("subtitle", &e.subtitle),
                ("location", &e.location),
                ("label", &e.label),
                ("text", &e.text),
            ];
            for (key, v) in fields {
                if let Some(v) = v {
                    w.field(if dash { 6 } else { 8 }, dash, key, v, &e.origin);
                    dash = false;
                }
            }
            if !e.bullets.is_empty() {
                w.entry(if dash { 6 } else { 8 }, dash, "bullets", None, &e.origin, &e.origin);
                for b in &e.bullets {
                    w.item(10, &scalar(&b.text), &b.origin);
                }
            }
        }
    }
    if let Some((d, path)) = &doc.design {
        w.blank();
        w.comment(0, &format!("from `{path}`"));
        w.node(0, false, "design", d, &Origin::new(d.pos, path.clone()), path);
    }
    for (k, n, path) in &doc.vitae {
        if matches!(k.as_str(), "pdf" | "variants") {
            w.blank();
            w.json(0, k, n, path);
        }
    }
    (w.out, w.origins)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scalars_are_plain_only_when_unambiguous() {
        assert_eq!(scalar("Senior Engineer"), "Senior Engineer");
        assert_eq!(scalar("2019-06"), "2019-06");
        assert_eq!(scalar("2019"), "2019");
        assert_eq!(scalar("present"), "present");
        assert_eq!(scalar("Yes"), "\"Yes\"");
        assert_eq!(scalar("NO"), "\"NO\"");
        assert_eq!(scalar("Rust: fast"), "\"Rust: fast\"");
        assert_eq!(scalar("C# and F#"), "C# and F#");
        assert_eq!(scalar("C #1"), "\"C #1\"");
        assert_eq!(scalar("3.67/4.0"), "\"3.67/4.0\"");
        assert_eq!(
            scalar("[Acme](https://acme.example)"),
            "\"[Acme](https://acme.example)\""
        );
        assert_eq!(scalar("say \"hi\" \\ bye\u{7}"), "\"say \\\"hi\\\" \\\\ bye\\u0007\"");
        assert_eq!(scalar(""), "\"\"");
    }

    #[test]
    fn origins_fall_back_to_the_line_then_the_lines_above() {
        let mut o = Origins::default();
        o.0.insert(
            3,
            vec![
                (3, Origin::new(Pos::new(10, 5), "work[0]")),
                (10, Origin::new(Pos::new(11, 7), "work[0].name")),
            ],
        );
        assert_eq!(o.find(Pos::new(3, 10)).path, "work[0].name");
        assert_eq!(o.find(Pos::new(3, 4)).path, "work[0]");
        assert_eq!(o.find(Pos::new(5, 1)).path, "work[0]");
        assert_eq!(o.find(Pos::new(2, 1)), Origin::default());
        assert_eq!(o.find(Pos::UNKNOWN), Origin::default());
    }
}
