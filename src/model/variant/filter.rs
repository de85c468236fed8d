//! Tags and variants on the generic tree: the `variants` mapping read and checked,
//! the keep rule ([`keeps`]), sections, entries and bullets filtered, a variant's
//! `design` and `pdf` merged over the file's.

use super::Variant;
use super::translate::{Translator, is_translation};
use crate::diag::{Diagnostic, Pos, closest};
use crate::lang::Language;
use crate::model::jsonresume::tree::{Key, Node, Value};
use std::collections::BTreeMap;

/// The keys of a variant's settings.
const VARIANT_KEYS: [&str; 8] = [
    "include",
    "exclude",
    "sections",
    "language",
    "design",
    "fit_pages",
    "pdf",
    "output",
];

/// The keys of an entry mapping (an entry mapping with none of them is a
/// translated paragraph).
const ENTRY_KEYS: [&str; 10] = [
    "title", "date", "start", "end", "subtitle", "location", "label", "text", "bullets", "tags",
];

/// The text fields of an entry mapping.
const ENTRY_TEXT: [&str; 6] = ["title", "date", "subtitle", "location", "label", "text"];

/// The longest tag, in characters.
const MAX_TAG: usize = 40;

/// Whether `s` is a tag: 1 to 40 ASCII letters, digits, `-` and `_`.
pub fn is_tag(s: &str) -> bool {
    !s.is_empty()
        && s.chars().count() <= MAX_TAG
        && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// The spec's keep rule: an item with a tag in `exclude` is dropped; an untagged item
/// is kept; a tagged one is kept when `include` is not given or names one of its tags.
pub fn keeps(tags: &[String], include: Option<&[String]>, exclude: &[String]) -> bool {
    if tags.iter().any(|t| exclude.contains(t)) {
        return false;
    }
    tags.is_empty() || include.is_none_or(|inc| tags.iter().any(|t| inc.contains(t)))
}

/// The value of key `name` in a mapping's entries.
pub(super) fn get<'a>(m: &'a [(Key, Node)], name: &str) -> Option<&'a Node> {
    m.iter().find(|(k, _)| k.name == name).map(|(_, v)| v)
}

fn map_of(n: &Node) -> Option<&[(Key, Node)]> {
    match &n.value {
        Value::Map(m) => Some(m),
        _ => None,
    }
}

/// A variant's settings, read and checked.
#[derive(Debug, Default)]
pub(super) struct Settings {
    include: Option<Vec<String>>,
    exclude: Vec<String>,
    sections: Option<Vec<(String, Pos)>>,
    /// `language` and its position.
    pub language: Option<(String, Pos)>,
    /// `design`, a mapping.
    pub design: Option<Node>,
    /// `pdf`, a mapping.
    pub pdf: Option<Node>,
    /// `fit_pages`, as key and value (they go into the design).
    pub fit_pages: Option<(Key, Node)>,
}

/// A list of tags (`include`, `exclude`, `tags`), or the error at the offending value.
fn tag_list(n: &Node, what: &str) -> Result<Vec<(String, Pos)>, Diagnostic> {
    let expected = format!("`{what}` is a list of tags such as `[backend, ml]` (letters, digits, `-` and `_`)");
    let Value::Seq(items) = &n.value else {
        return Err(Diagnostic::error(
            n.pos,
            format!("{expected}; found {}", n.value.kind()),
        ));
    };
    items
        .iter()
        .map(|t| match &t.value {
            Value::Str(s) | Value::Number(s) if is_tag(s) => Ok((s.clone(), t.pos)),
            Value::Str(s) | Value::Number(s) => Err(Diagnostic::error(
                t.pos,
                format!("`{s}` is not a tag: {expected}, at most {MAX_TAG} characters"),
            )),
            other => Err(Diagnostic::error(t.pos, format!("{expected}; found {}", other.kind()))),
        })
        .collect()
}

impl Settings {
    /// Reads the settings of variant `k`, collecting errors.
    pub fn read(k: &Key, v: &Node, errs: &mut Vec<Diagnostic>) -> Settings {
        let mut s = Settings::default();
        let Some(m) = map_of(v) else { return s };
        for (key, val) in m {
            match key.name.as_str() {
                "include" => match tag_list(val, "include") {
                    Ok(t) => s.include = Some(t.into_iter().map(|(t, _)| t).collect()),
                    Err(d) => errs.push(d),
                },
                "exclude" => match tag_list(val, "exclude") {
                    Ok(t) => s.exclude = t.into_iter().map(|(t, _)| t).collect(),
                    Err(d) => errs.push(d),
                },
                "sections" => match &val.value {
                    Value::Seq(items) => {
                        let mut titles = Vec::new();
                        for t in items {
                            match &t.value {
                                Value::Str(x) | Value::Number(x) => titles.push((x.clone(), t.pos)),
                                other => errs.push(Diagnostic::error(
                                    t.pos,
                                    format!(
                                        "a `sections` item of variant `{}` is a section title (text); found {}",
                                        k.name,
                                        other.kind()
                                    ),
                                )),
                            }
                        }
                        s.sections = Some(titles);
                    }
                    other => errs.push(Diagnostic::error(
                        val.pos,
                        format!(
                            "`sections` of variant `{}` is a list of section titles; found {}",
                            k.name,
                            other.kind()
                        ),
                    )),
                },
                "language" => match &val.value {
                    Value::Str(l) => s.language = Some((l.clone(), val.pos)),
                    other => errs.push(Diagnostic::error(
                        val.pos,
                        format!("`language` is a language tag such as `de`; found {}", other.kind()),
                    )),
                },
                "design" | "pdf" => match &val.value {
                    Value::Map(_) => {
                        if key.name == "design" {
                            s.design = Some(val.clone());
                        } else {
                            s.pdf = Some(val.clone());
                        }
                    }
                    other => errs.push(Diagnostic::error(
                        val.pos,
                        format!(
                            "`{}` of variant `{}` is a mapping of {} keys; found {}",
                            key.name,
                            k.name,
                            key.name,
                            other.kind()
                        ),
                    )),
                },
                "fit_pages" => s.fit_pages = Some((key.clone(), val.clone())),
                "output" => {}
                other => {
                    let mut msg = format!(
                        "unknown key `{other}` in variant `{}` (expected one of {})",
                        k.name,
                        VARIANT_KEYS.join(", ")
                    );
                    if let Some(c) = closest(other, &VARIANT_KEYS) {
                        msg.push_str(&format!("; did you mean `{c}`?"));
                    }
                    errs.push(Diagnostic::error(key.pos, msg));
                }
            }
        }
        s
    }

    fn keeps(&self, tags: &[String]) -> bool {
        keeps(tags, self.include.as_deref(), &self.exclude)
    }
}

/// The variants the tree defines, checked (see [`super::variants`]).
pub(super) fn variant_list(tree: &Node, errs: &mut Vec<Diagnostic>) -> Vec<Variant> {
    let Some(top) = map_of(tree) else { return Vec::new() };
    let Some(v) = get(top, "variants") else {
        return Vec::new();
    };
    let Value::Map(m) = &v.value else {
        errs.push(Diagnostic::error(
            v.pos,
            format!(
                "`variants` maps each variant's name to its settings (a mapping); found {}",
                v.value.kind()
            ),
        ));
        return Vec::new();
    };
    let mut out: Vec<Variant> = Vec::new();
    for (k, settings) in m {
        if !is_tag(&k.name) {
            errs.push(Diagnostic::error(
                k.pos,
                format!("`{}` is not a variant name (letters, digits, `-` and `_`)", k.name),
            ));
        }
        let output = match &settings.value {
            Value::Map(s) => match get(s, "output") {
                None => None,
                Some(Node {
                    value: Value::Str(o), ..
                }) => Some(o.clone()),
                Some(o) => {
                    errs.push(Diagnostic::error(
                        o.pos,
                        format!(
                            "`output` is a file name such as `cv-{}.pdf`; found {}",
                            k.name,
                            o.value.kind()
                        ),
                    ));
                    None
                }
            },
            other => {
                errs.push(Diagnostic::error(
                    settings.pos,
                    format!(
                        "variant `{}` needs its settings as a mapping (include, exclude, sections, …); found {}",
                        k.name,
                        other.kind()
                    ),
                ));
                None
            }
        };
        if let Some(o) = &output
            && let Some(first) = out.iter().find(|v| v.output.as_deref() == Some(o.as_str()))
        {
            let pos = map_of(settings).and_then(|s| get(s, "output")).map_or(k.pos, |n| n.pos);
            errs.push(Diagnostic::error(
                pos,
                format!(
                    "variants `{}` and `{}` would both be written to `{o}` (expected a different `output` for each)",
                    first.name, k.name
                ),
            ));
        }
        out.push(Variant {
            name: k.name.clone(),
            output,
            pos: k.pos,
        });
    }
    out
}

/// Variant `name`'s key and settings.
pub(super) fn find_variant<'a>(top: &'a [(Key, Node)], name: &str) -> Option<(&'a Key, &'a Node)> {
    let m = map_of(get(top, "variants")?)?;
    m.iter().find(|(k, _)| k.name == name).map(|(k, v)| (k, v))
}

/// Calls `f` with every `tags` value of a section, entry and bullet.
fn each_tags(tree: &Node, f: &mut dyn FnMut(&Node)) {
    let Some(top) = map_of(tree) else { return };
    let Some(Node {
        value: Value::Seq(sections),
        ..
    }) = get(top, "sections")
    else {
        return;
    };
    for s in sections {
        let Some(sm) = map_of(s) else { continue };
        if let Some(t) = get(sm, "tags") {
            f(t);
        }
        let Some(Node {
            value: Value::Seq(entries),
            ..
        }) = get(sm, "entries")
        else {
            continue;
        };
        for e in entries {
            let Some(em) = map_of(e) else { continue };
            if let Some(t) = get(em, "tags") {
                f(t);
            }
            if let Some(Node {
                value: Value::Seq(bullets),
                ..
            }) = get(em, "bullets")
            {
                for b in bullets {
                    if let Some(t) = map_of(b).and_then(|bm| get(bm, "tags")) {
                        f(t);
                    }
                }
            }
        }
    }
}

/// Errors for every `tags` that is not a list of tags.
pub(super) fn check_tags(tree: &Node, errs: &mut Vec<Diagnostic>) {
    each_tags(tree, &mut |t| {
        if let Err(d) = tag_list(t, "tags") {
            errs.push(d);
        }
    });
}

/// The tags items carry, each with its first position.
fn carried(tree: &Node) -> BTreeMap<String, Pos> {
    let mut out: BTreeMap<String, Pos> = BTreeMap::new();
    each_tags(tree, &mut |t| {
        for (tag, pos) in tag_list(t, "tags").unwrap_or_default() {
            let p = out.entry(tag).or_insert(pos);
            *p = (*p).min(pos);
        }
    });
    out
}

/// The warnings about tags: one in `include`/`exclude` that no item carries (of the
/// variant built, or of every variant for the whole resume), and one that items carry
/// but no variant names.
pub(super) fn tag_warnings(tree: &Node, top: &[(Key, Node)], variant: Option<&str>, warnings: &mut Vec<Diagnostic>) {
    let carried = carried(tree);
    let Some(vars) = get(top, "variants").and_then(map_of) else {
        return;
    };
    let mut named: BTreeMap<String, ()> = BTreeMap::new();
    for (k, v) in vars {
        let Some(m) = map_of(v) else { continue };
        for what in ["include", "exclude"] {
            let Some(list) = get(m, what).and_then(|n| tag_list(n, what).ok()) else {
                continue;
            };
            for (tag, pos) in list {
                if !carried.contains_key(&tag) && variant.is_none_or(|v| v == k.name) {
                    warnings.push(Diagnostic::warning(
                        pos,
                        format!(
                            "variant `{}`: no section, entry or bullet carries the tag `{tag}` (in `{what}`)",
                            k.name
                        ),
                    ));
                }
                named.insert(tag, ());
            }
        }
    }
    for (tag, pos) in carried {
        if !named.contains_key(&tag) {
            warnings.push(Diagnostic::warning(
                pos,
                format!("the tag `{tag}` is named by no variant's `include` or `exclude`, so no variant selects by it"),
            ));
        }
    }
}

/// The tags of an item mapping (invalid ones are reported by [`check_tags`]).
fn tags_of(m: &[(Key, Node)]) -> Vec<String> {
    get(m, "tags")
        .and_then(|t| tag_list(t, "tags").ok())
        .map(|l| l.into_iter().map(|(t, _)| t).collect())
        .unwrap_or_default()
}

/// Whether the tree uses tags, variants or translated text.
pub(super) fn uses_features(tree: &Node) -> bool {
    let Some(top) = map_of(tree) else { return false };
    if get(top, "variants").is_some() {
        return true;
    }
    // A translated text: a mapping with a language tag among its keys.
    let is_map = |n: Option<&Node>| n.and_then(map_of).is_some_and(is_translation);
    if is_map(get(top, "name")) || is_map(get(top, "headline")) {
        return true;
    }
    if let Some(p) = get(top, "pdf").and_then(map_of)
        && (is_map(get(p, "title"))
            || is_map(get(p, "subject"))
            || matches!(get(p, "keywords"), Some(Node { value: Value::Seq(k), .. }) if k.iter().any(|k| is_map(Some(k)))))
    {
        return true;
    }
    if let Some(Node {
        value: Value::Seq(c), ..
    }) = get(top, "contact")
        && c.iter().any(|c| {
            map_of(c).is_some_and(|m| {
                m.iter()
                    .any(|(k, v)| Language::from_tag(&k.name).is_some() || is_map(Some(v)))
            })
        })
    {
        return true;
    }
    let mut tagged = false;
    each_tags(tree, &mut |_| tagged = true);
    if tagged {
        return true;
    }
    let Some(Node {
        value: Value::Seq(sections),
        ..
    }) = get(top, "sections")
    else {
        return false;
    };
    sections.iter().filter_map(map_of).any(|s| {
        is_map(get(s, "title"))
            || matches!(get(s, "entries"), Some(Node { value: Value::Seq(e), .. }) if e.iter().any(|e| match map_of(e) {
                None => false,
                Some(em) => is_translation(em)
                    || ENTRY_TEXT.iter().any(|f| is_map(get(em, f)))
                    || matches!(get(em, "bullets"), Some(Node { value: Value::Seq(b), .. }) if b.iter().any(|b| is_map(Some(b)))),
            }))
    })
}

/// The titles of a section in every language it gives.
fn titles(section: &[(Key, Node)]) -> Vec<String> {
    match get(section, "title").map(|t| &t.value) {
        Some(Value::Str(s) | Value::Number(s)) => vec![s.clone()],
        Some(Value::Map(m)) => m
            .iter()
            .filter_map(|(_, v)| match &v.value {
                Value::Str(s) | Value::Number(s) => Some(s.clone()),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// The `sections` list of one build: filtered by the variant (when one is built),
/// in its `sections` order, every text translated.
pub(super) fn sections(v: &Node, settings: Option<&Settings>, tr: &mut Translator, errs: &mut Vec<Diagnostic>) -> Node {
    let Value::Seq(list) = &v.value else {
        return v.clone();
    };
    // Every section, as `None` when the filter drops it.
    let mut kept: Vec<Option<Node>> = Vec::new();
    for (i, s) in list.iter().enumerate() {
        kept.push(section(s, settings, tr, &format!("sections[{i}]")));
    }
    let order = settings.and_then(|s| s.sections.as_ref());
    let chosen: Vec<Node> = match order {
        None => kept.into_iter().flatten().collect(),
        Some(order) => {
            let all: Vec<Vec<String>> = list.iter().map(|s| map_of(s).map(titles).unwrap_or_default()).collect();
            let norm = |s: &str| s.trim().to_lowercase();
            let mut used: Vec<usize> = Vec::new();
            let mut out = Vec::new();
            for (title, pos) in order {
                match all.iter().position(|ts| ts.iter().any(|t| norm(t) == norm(title))) {
                    Some(k) if used.contains(&k) => errs.push(Diagnostic::error(
                        *pos,
                        format!("section `{title}` is listed twice in `sections` (expected each section once)"),
                    )),
                    Some(k) => {
                        used.push(k);
                        if let Some(s) = kept[k].take() {
                            out.push(s);
                        }
                    }
                    None => {
                        let flat: Vec<&str> = all.iter().flatten().map(String::as_str).collect();
                        let mut msg = format!(
                            "no section is titled `{title}` (the sections are {})",
                            flat.iter().map(|t| format!("`{t}`")).collect::<Vec<_>>().join(", ")
                        );
                        if let Some(c) = closest(title, &flat) {
                            msg.push_str(&format!("; did you mean `{c}`?"));
                        }
                        errs.push(Diagnostic::error(*pos, msg));
                    }
                }
            }
            out
        }
    };
    Node {
        pos: v.pos,
        value: Value::Seq(chosen),
    }
}

/// One section for the build, or `None` when the variant drops it (by its tags, or
/// because the filter left none of its entries).
fn section(s: &Node, settings: Option<&Settings>, tr: &mut Translator, path: &str) -> Option<Node> {
    let Some(m) = map_of(s) else { return Some(s.clone()) };
    if settings.is_some_and(|st| !st.keeps(&tags_of(m))) {
        return None;
    }
    let mut out = Vec::new();
    for (k, v) in m {
        match k.name.as_str() {
            "tags" => {}
            "title" => out.push((k.clone(), tr.text(v, &format!("{path}.title")))),
            "entries" => {
                let Value::Seq(entries) = &v.value else {
                    out.push((k.clone(), v.clone()));
                    continue;
                };
                let kept: Vec<Node> = entries
                    .iter()
                    .enumerate()
                    .filter_map(|(j, e)| entry(e, settings, tr, &format!("{path}.entries[{j}]")))
                    .collect();
                if !entries.is_empty() && kept.is_empty() {
                    return None;
                }
                out.push((
                    k.clone(),
                    Node {
                        pos: v.pos,
                        value: Value::Seq(kept),
                    },
                ));
            }
            _ => out.push((k.clone(), v.clone())),
        }
    }
    Some(Node {
        pos: s.pos,
        value: Value::Map(out),
    })
}

/// One entry for the build, or `None` when the variant drops it (by its tags, or an
/// entry of bullets only whose bullets it drops).
fn entry(e: &Node, settings: Option<&Settings>, tr: &mut Translator, path: &str) -> Option<Node> {
    let Some(m) = map_of(e) else {
        return Some(tr.text(e, path));
    };
    if !m.iter().any(|(k, _)| ENTRY_KEYS.contains(&k.name.as_str())) {
        // A mapping of languages is a translated paragraph; else the loader says what
        // an entry may hold.
        return Some(if is_translation(m) { tr.text(e, path) } else { e.clone() });
    }
    if settings.is_some_and(|st| !st.keeps(&tags_of(m))) {
        return None;
    }
    let mut out = Vec::new();
    let mut emptied = false;
    for (k, v) in m {
        let name = k.name.as_str();
        match name {
            "tags" => {}
            "bullets" => {
                let Value::Seq(bullets) = &v.value else {
                    out.push((k.clone(), v.clone()));
                    continue;
                };
                let kept: Vec<Node> = bullets
                    .iter()
                    .enumerate()
                    .filter_map(|(b, n)| bullet(n, settings, tr, &format!("{path}.bullets[{b}]")))
                    .collect();
                if !bullets.is_empty() && kept.is_empty() {
                    emptied = true;
                    continue;
                }
                out.push((
                    k.clone(),
                    Node {
                        pos: v.pos,
                        value: Value::Seq(kept),
                    },
                ));
            }
            _ if ENTRY_TEXT.contains(&name) => out.push((k.clone(), tr.text(v, &format!("{path}.{name}")))),
            _ => out.push((k.clone(), v.clone())),
        }
    }
    if emptied && out.is_empty() {
        return None;
    }
    Some(Node {
        pos: e.pos,
        value: Value::Map(out),
    })
}

/// One bullet for the build: its text (a `{text, tags}` mapping becomes its text), or
/// `None` when the variant drops it.
fn bullet(b: &Node, settings: Option<&Settings>, tr: &mut Translator, path: &str) -> Option<Node> {
    let Some(m) = map_of(b) else { return Some(b.clone()) };
    if !m.iter().any(|(k, _)| k.name == "text" || k.name == "tags") {
        return Some(if is_translation(m) { tr.text(b, path) } else { b.clone() });
    }
    if settings.is_some_and(|st| !st.keeps(&tags_of(m))) {
        return None;
    }
    for (k, _) in m {
        if k.name != "text" && k.name != "tags" {
            tr.error(Diagnostic::error(
                k.pos,
                format!(
                    "unknown key `{}` in a bullet (a bullet mapping has `text` and `tags`)",
                    k.name
                ),
            ));
        }
    }
    match get(m, "text") {
        Some(t) => Some(tr.text(t, &format!("{path}.text"))),
        None => {
            tr.error(Diagnostic::error(
                b.pos,
                "a bullet written as a mapping needs `text` (the bullet's markup) beside its `tags`",
            ));
            None
        }
    }
}

/// The file's mapping `name` with the variant's keys over it (each replaces the
/// file's key of that name in place, or is added after them).
pub(super) fn merged(top: &[(Key, Node)], name: &str, over: Option<&Node>) -> Option<(Key, Node)> {
    let base = top.iter().find(|(k, _)| k.name == name).cloned();
    let Some(over) = over.and_then(|o| map_of(o).map(|m| (o.pos, m))) else {
        return base;
    };
    let (key, mut node) = base.unwrap_or_else(|| {
        (
            Key {
                name: name.into(),
                pos: over.0,
            },
            Node {
                pos: over.0,
                value: Value::Map(Vec::new()),
            },
        )
    });
    for (k, v) in over.1 {
        set_in(&mut node, k.clone(), v.clone());
    }
    Some((key, node))
}

fn set_in(node: &mut Node, k: Key, v: Node) {
    if let Value::Map(m) = &mut node.value {
        match m.iter_mut().find(|(x, _)| x.name == k.name) {
            Some(slot) => *slot = (k, v),
            None => m.push((k, v)),
        }
    }
}

/// Sets key `k` of the design (made when there is none).
pub(super) fn set(design: &mut Option<(Key, Node)>, k: Key, v: Node) {
    let (_, node) = design.get_or_insert_with(|| {
        (
            Key {
                name: "design".into(),
                pos: k.pos,
            },
            Node {
                pos: k.pos,
                value: Value::Map(Vec::new()),
            },
        )
    });
    set_in(node, k, v);
}
