//! JSON Resume input (<https://jsonresume.org/schema>, version 1.0.0).
//!
//! A document is JSON Resume when its top level is a mapping with one of JSON
//! Resume's keys (`basics`, `work`, …, `meta`, `$schema`) and none of vitae's
//! (`name`, `headline`, `contact`, `sections`, `design`, `pdf`): [`is_json_resume`].
//! It may be written in JSON or in YAML; JSON is YAML, so serde-saphyr reads both,
//! and every value keeps its line and column in the file as written.
//!
//! [`convert`] maps the document onto vitae's format and writes it as vitae YAML
//! (the text `vitae convert` saves); [`crate::input::prepare`] builds a JSON Resume
//! by converting it and loading that text, so converting and building the YAML gives
//! the very PDF that building the JSON does. Errors are found on the JSON itself
//! (dates, links, types), named by JSON Resume field (`work[2].startDate`, indices
//! from 0) at the JSON's line and column; any diagnostic about the generated text is
//! moved back to the JSON value it came from (`emit::Origins`).
//!
//! Keys JSON Resume does not define are warnings, not errors: the schema lets every
//! object carry extra keys. vitae's design keys go in `meta.vitae.design` (where the
//! schema allows tools' settings) or, outside the schema, a top-level `vitae.design`;
//! giving both is an error.

pub(crate) mod emit;
mod entries;
pub mod export;
mod strict;
pub(crate) mod tree;
mod walk;

use super::Resume;
use crate::diag::{Diagnostic, Pos, Severity};
use emit::Origins;
use tree::{Node, TopKeys, Value};
use walk::Walk;

/// JSON Resume's top-level keys.
pub const TOP_KEYS: [&str; 14] = [
    "$schema",
    "basics",
    "work",
    "volunteer",
    "education",
    "awards",
    "certificates",
    "publications",
    "skills",
    "languages",
    "interests",
    "references",
    "projects",
    "meta",
];

/// vitae's own top-level keys: a document with any of them is in vitae's format.
const VITAE_KEYS: [&str; 6] = ["name", "headline", "contact", "sections", "design", "pdf"];

/// The JSON Resume arrays and the section titles they become, in the schema's order.
pub const SECTIONS: [(&str, &str); 11] = [
    ("work", "Experience"),
    ("volunteer", "Volunteering"),
    ("education", "Education"),
    ("awards", "Awards"),
    ("certificates", "Certificates"),
    ("publications", "Publications"),
    ("skills", "Skills"),
    ("languages", "Languages"),
    ("interests", "Interests"),
    ("references", "References"),
    ("projects", "Projects"),
];

/// A JSON Resume converted to vitae's format, before the generated YAML is loaded.
#[derive(Clone, Debug)]
pub struct Converted {
    /// The résumé as vitae YAML, commented: what `vitae convert` writes.
    pub yaml: String,
    /// Errors found on the JSON itself (dates, links, types), at the JSON's positions;
    /// the fields found wrong were left out of `yaml`, so that loading it reports the
    /// rest.
    pub errors: Vec<Diagnostic>,
    /// Warnings found on the JSON (keys outside the schema), in order of position.
    pub warnings: Vec<Diagnostic>,
    /// For each generated line and column, the JSON value it came from.
    origins: Origins,
    /// The JSON path of the design mapping (`meta.vitae.design`), if given.
    design_base: Option<String>,
}

impl Converted {
    /// The position in the JSON of what stands at `pos` in [`Converted::yaml`].
    pub fn position(&self, pos: Pos) -> Pos {
        self.origins.find(pos).pos
    }

    /// A diagnostic about the generated YAML, moved to the JSON value it came from
    /// and named by its JSON Resume field (`work[2].startDate`,
    /// `meta.vitae.design.page`). One about text vitae generated on its own (an empty
    /// `sections`) has been reported in JSON terms already: a warning is dropped
    /// (`None`), an error keeps its words without a position.
    pub fn diagnostic(&self, d: Diagnostic) -> Option<Diagnostic> {
        relocate_diag(d, &self.origins, self.design_base.as_deref())
    }

    /// Moves every position in a résumé loaded from [`Converted::yaml`] to the JSON.
    pub fn relocate(&self, r: &mut Resume) {
        relocate(r, &self.origins);
    }
}

/// Whether `text` is a JSON Resume document (see the module's documentation). For a
/// document that does not parse, the keys its text shows decide, so that the syntax
/// error is reported by the loader of the format the document is written in.
pub fn is_json_resume(text: &str) -> bool {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // Most vitae files name no JSON Resume key at all: skip the parse for them.
    if !TOP_KEYS.iter().any(|k| text.contains(k)) {
        return false;
    }
    // A key given twice is an error the full parse reports; here only the keys count.
    let mut options = super::yaml_options();
    options.duplicate_keys = serde_saphyr::DuplicateKeyPolicy::FirstWins;
    // A document with a syntax error is judged by the keys a scan of its text finds,
    // so that the error is reported in JSON Resume's terms.
    let keys = match serde_saphyr::from_str_with_options::<TopKeys>(text, options) {
        Ok(TopKeys(keys)) => keys,
        Err(_) => scan_top_keys(text),
    };
    keys.iter().any(|k| TOP_KEYS.contains(&k.as_str())) && !keys.iter().any(|k| VITAE_KEYS.contains(&k.as_str()))
}

/// [`is_json_resume`] of a document that parsed as `tree`: its top-level keys decide,
/// without a second parse of `text` (which only the quick test for a JSON Resume key
/// reads).
pub(crate) fn is_json_resume_tree(text: &str, tree: &tree::Node) -> bool {
    if !TOP_KEYS.iter().any(|k| text.contains(k)) {
        return false;
    }
    let tree::Value::Map(top) = &tree.value else {
        return false;
    };
    let mut keys = top.iter().map(|(k, _)| k.name.as_str());
    keys.clone().any(|k| TOP_KEYS.contains(&k)) && !keys.any(|k| VITAE_KEYS.contains(&k))
}

/// The top-level keys of a document that does not parse, read off its text: in JSON,
/// the strings followed by `:` at depth one; in YAML, the `key:` lines that start in
/// the first column.
fn scan_top_keys(text: &str) -> Vec<String> {
    if !text.trim_start().starts_with('{') {
        let keys = text
            .lines()
            .filter(|l| !l.starts_with([' ', '\t', '#', '-', '[', '{', '%', '.']));
        return keys
            .filter_map(|l| l.split_once(':'))
            .map(|(k, _)| k.trim().trim_matches(['"', '\'']).to_string())
            .collect();
    }
    let (mut keys, mut depth, mut string, mut escaped, mut last) =
        (Vec::new(), 0usize, None::<String>, false, None::<String>);
    for c in text.chars() {
        if let Some(s) = &mut string {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => last = string.take(),
                _ => s.push(c),
            }
            continue;
        }
        match c {
            '"' => string = Some(String::new()),
            '{' | '[' => depth += 1,
            '}' | ']' => depth = depth.saturating_sub(1),
            ':' if depth == 1 => keys.extend(last.take()),
            c if !c.is_whitespace() => last = None,
            _ => {}
        }
    }
    keys
}

/// Converts a JSON Resume into vitae's format: the JSON checked against the schema
/// and written as vitae YAML. Loading that YAML (with the format's own rules) and
/// moving what it reports back to the JSON is the caller's ([`crate::input`]).
///
/// # Errors
/// A document that is not a JSON Resume, or one that does not parse or whose shape
/// is too far from the schema to convert; each error at its JSON line and column and
/// named by JSON Resume field.
pub fn convert(text: &str) -> Result<Converted, Vec<Diagnostic>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let root: Node =
        serde_saphyr::from_str_with_options(text, super::yaml_options()).map_err(|e| vec![syntax_error(&e, text)])?;
    if strict::looks_like_json(text)
        && let Some(d) = strict::check(text)
    {
        return Err(vec![d]);
    }
    let keys: Vec<&str> = match &root.value {
        Value::Map(m) => m.iter().map(|(k, _)| k.name.as_str()).collect(),
        _ => Vec::new(),
    };
    if keys.iter().any(|k| VITAE_KEYS.contains(k)) {
        return Err(vec![Diagnostic::error(
            Pos::UNKNOWN,
            "this is a resume in vitae's own format already (it has `name` or `sections`): there is nothing to convert",
        )]);
    }
    if !keys.iter().any(|k| TOP_KEYS.contains(k)) {
        return Err(vec![Diagnostic::error(
            Pos::UNKNOWN,
            "not a JSON Resume: expected a mapping with `basics` and the other keys of https://jsonresume.org/schema",
        )]);
    }
    let mut w = Walk::default();
    let Some(doc) = w.document(&root) else {
        // The errors, then the warnings (a did-you-mean for a misspelt key may be why).
        w.errs.sort_by_key(|d| d.pos);
        w.warns.sort_by_key(|d| d.pos);
        w.errs.append(&mut w.warns);
        return Err(w.errs);
    };
    let (yaml, origins) = emit::emit(&doc);
    let design_base = doc.design.as_ref().map(|(_, p)| p.clone());
    w.warns.sort_by_key(|d| d.pos);
    Ok(Converted {
        yaml,
        errors: w.errs,
        warnings: w.warns,
        origins,
        design_base,
    })
}

/// A syntax error, as vitae reports one in YAML; in a JSON document, with a hint in
/// JSON's terms rather than YAML's indentation.
fn syntax_error(e: &serde_saphyr::Error, text: &str) -> Diagnostic {
    let mut d = super::yaml_error(e, text);
    if text.trim_start().starts_with('{') && d.hints.iter().any(|h| h.contains("indentation")) {
        d.hints = vec!["in JSON, the members of an object and the items of a list are separated by commas, and every `{` and `[` is closed".into()];
    }
    d
}

/// A diagnostic about the generated text, moved to the JSON value it came from and
/// named by its JSON Resume field. One about text vitae generated on its own (an
/// empty `sections`) has been reported in JSON terms already: a warning is dropped,
/// an error keeps its words without a position.
fn relocate_diag(mut d: Diagnostic, origins: &Origins, design_base: Option<&str>) -> Option<Diagnostic> {
    let o = origins.find(d.pos);
    d.pos = o.pos;
    if o.path.is_empty() {
        return (d.severity == Severity::Error).then_some(d);
    }
    let base = design_base.filter(|b| o.path.starts_with(b));
    d.message = match (base, d.message.strip_prefix("design.")) {
        (Some(b), Some(rest)) => format!("{b}.{rest}"),
        _ => {
            // serde's type errors name the YAML key (`` `justify`: wrong type``): the
            // field name replaces it.
            let m = match d.message.strip_prefix('`').and_then(|m| m.split_once("`: ")) {
                Some((k, rest)) if !k.contains(' ') => rest.to_string(),
                _ => d.message.clone(),
            };
            format!("{}: {m}", o.path)
        }
    };
    Some(d)
}

/// Moves every position in a résumé loaded from generated text to the JSON (or to
/// the source of an expanded resume, `model::variant`).
pub(crate) fn relocate(r: &mut Resume, origins: &Origins) {
    let at = |p: &mut Pos| *p = origins.find(*p).pos;
    at(&mut r.name.pos);
    if let Some(h) = &mut r.headline {
        at(&mut h.pos);
    }
    for c in &mut r.contact {
        at(&mut c.shown.pos);
    }
    for s in &mut r.sections {
        at(&mut s.title.pos);
        for e in &mut s.entries {
            at(&mut e.pos);
            for t in [
                &mut e.title,
                &mut e.date,
                &mut e.subtitle,
                &mut e.location,
                &mut e.label,
                &mut e.text,
            ]
            .into_iter()
            .flatten()
            {
                at(&mut t.pos);
            }
            for b in &mut e.bullets {
                at(&mut b.pos);
            }
        }
    }
}

/// Inline markup characters escaped, so JSON Resume's plain text reads as written:
/// `\`, `*`, `[`, `]`, `<`, and `_` except inside a word (where it is never markup).
pub fn escape(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        let inside_word = c == '_'
            && i > 0
            && chars[i - 1].is_alphanumeric()
            && chars.get(i + 1).is_some_and(|n| n.is_alphanumeric());
        if matches!(c, '\\' | '*' | '[' | ']' | '<' | '_') && !inside_word {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markup;

    #[test]
    fn escaping_keeps_plain_text_as_written() {
        for s in [
            "**not bold**",
            "a_b snake_case _x_ [x](https://e.org) <https://e.org> \\ back",
            "C++ & 100% *",
            "_lead",
            "trail_",
        ] {
            let parsed = markup::parse(&escape(s)).unwrap();
            assert_eq!(markup::plain(&parsed), s);
            assert!(
                parsed.iter().all(|sp| !sp.bold && !sp.italic && sp.link.is_none()),
                "{s}"
            );
        }
        assert_eq!(escape("snake_case"), "snake_case");
        assert_eq!(escape("_x_"), "\\_x\\_");
    }

    #[test]
    fn detection_from_the_tree_agrees_with_detection_from_the_text() {
        let mut texts: Vec<String> = [
            "{\"basics\": {\"name\": \"A\"}}",
            "work: []\n",
            "name: A\nsections: []\n",
            "basics: {}\nsections: []\n",
            "- work\n",
            "just text mentioning work\n",
            "{\"name\": \"x\", \"note\": \"basics\"}",
        ]
        .map(String::from)
        .to_vec();
        for dir in ["tests/fixtures/jsonresume", "tests/fixtures/good"] {
            let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
            for e in std::fs::read_dir(dir).unwrap() {
                texts.push(std::fs::read_to_string(e.unwrap().path()).unwrap());
            }
        }
        let mut from_tree = 0;
        for text in &texts {
            if let Some(tree) = crate::model::variant::read_tree(text) {
                assert_eq!(is_json_resume_tree(text, &tree), is_json_resume(text), "{text}");
                from_tree += 1;
            }
        }
        assert!(from_tree > 20, "{from_tree}");
    }

    #[test]
    fn detection_by_top_level_keys() {
        assert!(is_json_resume("{\"basics\": {\"name\": \"A\"}}"));
        assert!(is_json_resume("work: []\n"));
        assert!(!is_json_resume("name: A\nsections: []\n"));
        assert!(!is_json_resume("basics: {}\nsections: []\n"));
        assert!(is_json_resume("{\"basics\": "));
        assert!(!is_json_resume("- basics\n"));
        // A key given twice does not hide what the document is.
        assert!(is_json_resume("{\"basics\": {\"name\": \"A\", \"name\": \"B\"}}"));
        // A syntax error does not either.
        assert!(is_json_resume("{\"basics\": {\"name\": \"A \\\" {\"}\n\"work\": []}"));
        assert!(!is_json_resume("{\"name\": \"A\", \"sections\": [\n}"));
        assert!(is_json_resume("basics:\n  name: A\n  - x\n"));
        assert_eq!(
            scan_top_keys("{\"a\": {\"b\": 1}, \"c\" : [\"d\", \"e:\"], \"f\": \"g\\\"h\"\n\"i\"}"),
            ["a", "c", "f"]
        );
    }
}
