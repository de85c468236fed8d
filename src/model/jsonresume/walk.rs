//! The walk over a JSON Resume document: each field read with its type checked and
//! its JSON Resume name, and mapped onto vitae's format ([`Doc`]).
//!
//! The mapping, section by section, is the table in the README ("JSON Resume").
//! Dates, links and types are checked here, at the JSON's positions; the rest of
//! vitae's rules are checked when the generated text is loaded.

use super::emit::{ContactItem, Doc, Origin, OutEntry, OutSection, Val};
use super::tree::{Key, Node, Value};
use super::{SECTIONS, escape};
use crate::diag::{Diagnostic, Pos, closest};
use crate::markup;
use crate::model::date::{self, Date};

/// The keys of each JSON Resume object (schema v1.0.0).
pub(super) fn known(what: &str) -> &'static [&'static str] {
    match what {
        "" => &[
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
            "vitae",
        ],
        "basics" => &[
            "name", "label", "image", "email", "phone", "url", "summary", "location", "profiles",
        ],
        "location" => &["address", "postalCode", "city", "countryCode", "region"],
        "profiles" => &["network", "username", "url"],
        "work" => &[
            "name",
            "location",
            "description",
            "position",
            "url",
            "startDate",
            "endDate",
            "summary",
            "highlights",
        ],
        "volunteer" => &[
            "organization",
            "position",
            "url",
            "startDate",
            "endDate",
            "summary",
            "highlights",
        ],
        "education" => &[
            "institution",
            "url",
            "area",
            "studyType",
            "startDate",
            "endDate",
            "score",
            "courses",
        ],
        "awards" => &["title", "date", "awarder", "summary"],
        "certificates" => &["name", "date", "url", "issuer"],
        "publications" => &["name", "publisher", "releaseDate", "url", "summary"],
        "skills" => &["name", "level", "keywords"],
        "languages" => &["language", "fluency"],
        "interests" => &["name", "keywords"],
        "references" => &["name", "reference"],
        "projects" => &[
            "name",
            "description",
            "highlights",
            "keywords",
            "startDate",
            "endDate",
            "url",
            "roles",
            "entity",
            "type",
        ],
        "meta" => &["canonical", "version", "lastModified", "vitae"],
        "vitae" => &["design", "name", "headline", "contact", "sections", "pdf", "variants"],
        "vitae section" => &["section", "shown_as"],
        _ => &[],
    }
}

/// Text as one line: every run of white space (line breaks and tabs too) made one
/// space, the ends trimmed.
pub(super) fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A link target written into markup: a parenthesis that would end the link early is
/// percent-encoded.
pub(super) fn link_target(url: &str) -> String {
    let mut depth = 0i32;
    let balanced = url.chars().all(|c| {
        depth += match c {
            '(' => 1,
            ')' => -1,
            _ => 0,
        };
        depth >= 0
    }) && depth == 0;
    if balanced {
        url.to_string()
    } else {
        url.replace('(', "%28").replace(')', "%29")
    }
}

/// A text field of the input, one line, not empty.
#[derive(Clone, Debug)]
pub(super) struct Txt {
    /// The text (see [`one_line`]).
    pub(super) raw: String,
    /// The JSON value's position.
    pub(super) pos: Pos,
    /// The field's JSON Resume name.
    pub(super) path: String,
}

impl Txt {
    pub(super) fn origin(&self) -> Origin {
        Origin::new(self.pos, &self.path)
    }
    /// The text as markup (escaped).
    pub(super) fn markup(&self) -> Val {
        Val {
            text: escape(&self.raw),
            origin: self.origin(),
        }
    }
    /// The text as it is (for vitae's plain-text fields).
    pub(super) fn plain(&self) -> Val {
        Val {
            text: self.raw.clone(),
            origin: self.origin(),
        }
    }
}

/// A JSON object being read: its fields (nulls left out), its name and position.
pub(super) struct Obj<'a> {
    pub(super) fields: Vec<(&'a Key, &'a Node)>,
    pub(super) path: String,
    pub(super) pos: Pos,
}

impl<'a> Obj<'a> {
    pub(super) fn get(&self, key: &str) -> Option<&'a Node> {
        self.fields.iter().find(|(k, _)| k.name == key).map(|(_, v)| *v)
    }
    pub(super) fn field(&self, key: &str) -> String {
        if self.path.is_empty() {
            key.to_string()
        } else {
            format!("{}.{key}", self.path)
        }
    }
}

/// The walk over the document: what it found wrong, and its warnings.
#[derive(Default)]
pub(super) struct Walk {
    /// The errors found.
    pub errs: Vec<Diagnostic>,
    /// The warnings found.
    pub warns: Vec<Diagnostic>,
}

pub(super) const DATE_HELP: &str =
    "JSON Resume dates are ISO 8601: `2019`, `2019-06` or `2019-06-30`; leave `endDate` out while it lasts";

impl Walk {
    pub(super) fn err(&mut self, pos: Pos, msg: impl Into<String>) {
        self.errs.push(Diagnostic::error(pos, msg));
    }

    pub(super) fn wrong_type(&mut self, n: &Node, path: &str, expected: &str) {
        self.err(
            n.pos,
            format!("{path}: wrong type: expected {expected}, found {}", n.value.kind()),
        );
    }

    /// The object at `n` (`None` for null or a wrong type, which is reported), with a
    /// warning for each key the schema does not define for `what`.
    pub(super) fn object<'a>(&mut self, n: &'a Node, path: &str, what: &str) -> Option<Obj<'a>> {
        let m = match &n.value {
            Value::Map(m) => m,
            Value::Null => return None,
            _ => {
                self.wrong_type(
                    n,
                    if path.is_empty() { "the document" } else { path },
                    "a mapping (`{ … }` in JSON)",
                );
                return None;
            }
        };
        let keys = known(what);
        for (k, _) in m {
            if !keys.contains(&k.name.as_str()) {
                let name = if path.is_empty() {
                    k.name.clone()
                } else {
                    format!("{path}.{}", k.name)
                };
                let mut d =
                    Diagnostic::warning(k.pos, format!("`{name}` is not a JSON Resume field; vitae ignores it"));
                if let Some(best) = closest(&k.name, keys) {
                    d = d.with_hint(format!("did you mean `{best}`?"));
                }
                self.warns.push(d);
            }
        }
        let fields = m
            .iter()
            .filter(|(_, v)| v.value != Value::Null)
            .map(|(k, v)| (k, v))
            .collect();
        Some(Obj {
            fields,
            path: path.to_string(),
            pos: n.pos,
        })
    }

    /// A scalar as text (a number or boolean as written); `None` for a wrong type.
    pub(super) fn scalar(&mut self, n: &Node, path: &str) -> Option<Txt> {
        let raw = match &n.value {
            Value::Str(s) => one_line(s),
            Value::Number(x) => x.clone(),
            Value::Bool(b) => b.to_string(),
            Value::Null => return None,
            _ => {
                self.wrong_type(n, path, "text");
                return None;
            }
        };
        (!raw.is_empty()).then(|| Txt {
            raw,
            pos: n.pos,
            path: path.to_string(),
        })
    }

    /// A text field; absent, null and empty text are `None`.
    pub(super) fn text(&mut self, o: &Obj, key: &str) -> Option<Txt> {
        let n = o.get(key)?;
        self.scalar(n, &o.field(key))
    }

    /// A list of text (empty items left out).
    pub(super) fn texts(&mut self, o: &Obj, key: &str) -> Vec<Txt> {
        let Some(n) = o.get(key) else { return Vec::new() };
        let path = o.field(key);
        match &n.value {
            Value::Seq(items) => items
                .iter()
                .enumerate()
                .filter_map(|(i, it)| self.scalar(it, &format!("{path}[{i}]")))
                .collect(),
            _ => {
                self.wrong_type(n, &path, "a list of text (`[ … ]` in JSON)");
                Vec::new()
            }
        }
    }

    /// A list of objects of kind `what`, each with its path (`work[2]`).
    pub(super) fn objects<'a>(&mut self, n: &'a Node, path: &str, what: &str) -> Vec<Obj<'a>> {
        match &n.value {
            Value::Seq(items) => items
                .iter()
                .enumerate()
                .filter_map(|(i, it)| self.object(it, &format!("{path}[{i}]"), what))
                .collect(),
            Value::Null => Vec::new(),
            _ => {
                self.wrong_type(n, path, "a list (`[ … ]` in JSON)");
                Vec::new()
            }
        }
    }

    /// A URL field, checked as vitae checks links.
    pub(super) fn url(&mut self, o: &Obj, key: &str) -> Option<Txt> {
        let t = self.text(o, key)?;
        match markup::check_url(&t.raw) {
            Ok(()) => Some(t),
            Err(m) => {
                let mut d = Diagnostic::error(t.pos, format!("{}: {m}", t.path));
                if !t.raw.contains(':') {
                    d = d.with_hint(format!("write the whole address: `https://{}`", t.raw));
                }
                self.errs.push(d);
                None
            }
        }
    }

    /// A date field: `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, or for an end also `present`.
    pub(super) fn date(&mut self, o: &Obj, key: &str, end: bool) -> Option<(Txt, Date)> {
        let t = self.text(o, key)?;
        match date::parse_date(&t.raw, end) {
            Ok(d) => Some((t, d)),
            Err(m) => {
                self.errs
                    .push(Diagnostic::error(t.pos, format!("{}: {m}", t.path)).with_hint(DATE_HELP));
                None
            }
        }
    }

    /// `startDate` and `endDate` onto `e`: an absent end means `present`; an end
    /// alone is shown as a single date.
    pub(super) fn dates(&mut self, o: &Obj, e: &mut OutEntry) {
        let start = self.date(o, "startDate", false);
        let end = self.date(o, "endDate", true);
        if let (Some((s, a)), Some((t, b))) = (&start, &end)
            && date::is_after(*a, *b)
        {
            self.err(
                t.pos,
                format!("{}: `{}` is before the startDate `{}`", t.path, t.raw, s.raw),
            );
            // Reported here, in JSON Resume's terms: the end is left out of the
            // generated resume so that vitae's own check does not say it again.
            e.start = start.map(|(s, _)| s.plain());
            return;
        }
        match (start, end) {
            (Some((s, _)), Some((t, d))) => {
                e.start = Some(s.plain());
                e.end = Some(Val {
                    text: if d == Date::Present {
                        "present".into()
                    } else {
                        t.raw.clone()
                    },
                    origin: t.origin(),
                });
            }
            (Some((s, _)), None) => {
                e.start = Some(s.plain());
                e.end = Some(Val {
                    text: "present".into(),
                    origin: s.origin(),
                });
            }
            (None, Some((t, d))) if d != Date::Present => e.start = Some(t.plain()),
            _ => {}
        }
    }

    /// A single date (`awards[0].date`) as the entry's `start`.
    pub(super) fn single_date(&mut self, o: &Obj, key: &str, e: &mut OutEntry) {
        e.start = self.date(o, key, false).map(|(t, _)| t.plain());
    }

    /// `name` linked to `url` when there is one: `[name](url)`.
    pub(super) fn linked(&mut self, name: Option<Txt>, o: &Obj) -> Option<Val> {
        let url = self.url(o, "url");
        let name = name?;
        let mut v = name.markup();
        if let Some(u) = url {
            v.text = format!("[{}]({})", v.text, link_target(&u.raw));
        }
        Some(v)
    }

    /// The whole document.
    pub fn document<'a>(&mut self, root: &'a Node) -> Option<Doc<'a>> {
        let top = self.object(root, "", "")?;
        let basics = top.get("basics").and_then(|b| self.object(b, "basics", "basics"));
        let mut not_shown = Vec::new();
        let name = basics.as_ref().and_then(|b| self.text(b, "name"));
        let Some(name) = name else {
            // (`basics` of the wrong type has been reported already.)
            if top.get("basics").is_none_or(|b| matches!(b.value, Value::Map(_)))
                && !self.errs.iter().any(|e| e.message.starts_with("basics.name"))
            {
                let pos = basics.as_ref().map_or(Pos::new(1, 1), |b| b.pos);
                self.err(pos, "missing `basics.name` (the person's name, set large at the top)");
            }
            return None;
        };
        let mut doc = Doc {
            name: name.plain(),
            headline: None,
            contact: Vec::new(),
            sections: Vec::new(),
            design: None,
            not_shown: Vec::new(),
            vitae: Vec::new(),
            vitae_sections: None,
        };
        if let Some(b) = &basics {
            doc.headline = self.text(b, "label").map(|t| t.markup());
            if b.get("image").is_some() {
                not_shown.push("basics.image".to_string());
            }
            self.contact(b, &mut doc.contact, &mut not_shown);
            if let Some(s) = self.text_paragraphs(b, "summary") {
                doc.sections.push(s);
            }
        }
        for (key, title) in SECTIONS {
            let Some(n) = top.get(key) else { continue };
            let entries: Vec<OutEntry> = self
                .objects(n, key, key)
                .iter()
                .filter_map(|o| self.entry(key, o))
                .collect();
            if !entries.is_empty() {
                doc.sections.push(OutSection {
                    title: title.to_string(),
                    origin: Origin::new(n.pos, key),
                    entries,
                });
            }
        }
        let vitae_sections = top
            .get("meta")
            .and_then(|m| super::export::get(m, "vitae"))
            .and_then(|v| super::export::get(v, "sections"))
            .is_some();
        if doc.sections.is_empty() && !vitae_sections {
            self.warns.push(Diagnostic::warning(
                basics.as_ref().map_or(Pos::new(1, 1), |b| b.pos),
                "nothing to set under the header: no `basics.summary` and no entries in `work`, `education` or any other list",
            ));
        }
        let meta = top.get("meta").and_then(|m| self.object(m, "meta", "meta"));
        let mut designs = Vec::new();
        if let Some(m) = &meta {
            not_shown.extend(
                ["canonical", "version", "lastModified"]
                    .iter()
                    .filter(|k| m.get(k).is_some())
                    .map(|k| format!("meta.{k}")),
            );
            if let Some(v) = m.get("vitae").and_then(|v| self.object(v, "meta.vitae", "vitae")) {
                designs.extend(v.get("design").map(|d| (d, "meta.vitae.design")));
                self.vitae_parts(&v, &top, basics.as_ref(), &mut doc);
            }
        }
        if let Some(v) = top.get("vitae").and_then(|v| self.object(v, "vitae", "vitae")) {
            designs.extend(v.get("design").map(|d| (d, "vitae.design")));
        }
        if let [(_, first), (second, _)] = designs[..] {
            self.err(second.pos, format!("`vitae.design` and `{first}` are both given: keep one (`meta.vitae.design` keeps the file valid JSON Resume)"));
        }
        if let Some(&(d, path)) = designs.first() {
            if matches!(d.value, Value::Map(_)) {
                doc.design = Some((d, path.to_string()));
            } else {
                self.wrong_type(d, path, "a mapping of vitae's design keys (`{ \"page\": \"a4\" }`)");
            }
        }
        doc.not_shown = not_shown;
        Some(doc)
    }

    /// `basics`' email, phone, url, location and profiles as contact items.
    pub(super) fn contact(&mut self, b: &Obj, out: &mut Vec<ContactItem>, not_shown: &mut Vec<String>) {
        if let Some(t) = self.text(b, "email") {
            out.push(ContactItem::Email(t.plain()));
        }
        if let Some(t) = self.text(b, "phone") {
            out.push(ContactItem::Phone(t.plain()));
        }
        if let Some(t) = self.url(b, "url") {
            out.push(ContactItem::Url(t.plain(), None));
        }
        if let Some(l) = b
            .get("location")
            .and_then(|l| self.object(l, "basics.location", "location"))
        {
            let city = self.text(&l, "city");
            // `"city": "Berlin", "region": "Berlin"` shows Berlin once.
            let region = self
                .text(&l, "region")
                .filter(|r| city.as_ref().is_none_or(|c| c.raw.trim() != r.raw.trim()));
            let country = self.text(&l, "countryCode");
            for k in ["address", "postalCode"] {
                if self.text(&l, k).is_some() {
                    not_shown.push(format!("basics.location.{k}"));
                }
            }
            if country.is_some() && region.is_some() {
                not_shown.push("basics.location.countryCode".to_string());
            }
            let parts: Vec<Txt> = [city, region.or(country)].into_iter().flatten().collect();
            if let Some(first) = parts.first() {
                let text = parts.iter().map(|p| escape(&p.raw)).collect::<Vec<_>>().join(", ");
                out.push(ContactItem::Location(Val {
                    text,
                    origin: first.origin(),
                }));
            }
        }
        if let Some(n) = b.get("profiles") {
            for p in self.objects(n, "basics.profiles", "profiles") {
                let network = self.text(&p, "network");
                let user = self.text(&p, "username");
                let url = self.url(&p, "url");
                let label = match (&network, &user) {
                    (Some(n), Some(u)) => Some(Val {
                        text: format!("{}: {}", escape(&n.raw), escape(&u.raw)),
                        origin: n.origin(),
                    }),
                    (Some(t), None) | (None, Some(t)) => Some(t.markup()),
                    (None, None) => None,
                };
                match (url, label) {
                    (Some(u), label) => out.push(ContactItem::Url(u.plain(), label)),
                    (None, Some(l)) => out.push(ContactItem::Text(l)),
                    (None, None) => {}
                }
            }
        }
    }

    /// `meta.vitae`'s parts of a resume exported by vitae (`name`, `headline`,
    /// `contact`, `sections`, `pdf`, `variants`; [`super::export`]): each kept for the
    /// generated YAML as written, and each standard field it was rendered to compared
    /// with that rendering, a warning naming the field edited since.
    fn vitae_parts<'a>(&mut self, v: &Obj<'a>, top: &Obj<'a>, basics: Option<&Obj<'a>>, doc: &mut Doc<'a>) {
        use super::export::{Json, plain_of, project_contact, project_section, raw_of};
        let basics_field = |key: &str| basics.and_then(|b| b.get(key)).map(Json::from_node);
        let edited = |field: &str, part: &str| {
            format!(
                "`{field}` differs from what vitae renders `meta.vitae.{part}` to, and vitae sets `meta.vitae.{part}`: make the same edit there, or delete it to set `{field}`"
            )
        };
        for key in ["name", "headline", "contact", "pdf", "variants"] {
            let Some(n) = v.get(key) else { continue };
            let path = format!("meta.vitae.{key}");
            doc.vitae.push((key.to_string(), n, path));
            let (field, want) = match key {
                "name" => ("basics.name", raw_of(n).map(Json::Str)),
                "headline" => ("basics.label", plain_of(n).map(Json::Str)),
                "contact" => {
                    let want = Json::Obj(project_contact(n));
                    let keys = ["email", "phone", "url", "location", "profiles"];
                    let got = Json::Obj(
                        basics
                            .map(|b| b.fields.as_slice())
                            .unwrap_or_default()
                            .iter()
                            .filter(|(k, _)| keys.contains(&k.name.as_str()))
                            .map(|(k, n)| (k.name.clone(), Json::from_node(n)))
                            .collect(),
                    );
                    if got != want {
                        let at = basics.map_or(n.pos, |b| b.pos);
                        self.warns.push(Diagnostic::warning(at, edited("basics", key)));
                    }
                    continue;
                }
                _ => continue,
            };
            if basics_field(&field["basics.".len()..]) != want {
                let at = basics
                    .and_then(|b| b.get(&field["basics.".len()..]))
                    .map_or(n.pos, |f| f.pos);
                self.warns.push(Diagnostic::warning(at, edited(field, key)));
            }
        }
        let Some(n) = v.get("sections") else { return };
        let Value::Seq(items) = &n.value else {
            self.wrong_type(n, "meta.vitae.sections", "a list of `{\"section\": …}` objects");
            return;
        };
        let mut sections = Vec::new();
        for (i, it) in items.iter().enumerate() {
            let path = format!("meta.vitae.sections[{i}]");
            let Some(o) = self.object(it, &path, "vitae section") else {
                continue;
            };
            let Some(s) = o.get("section") else {
                self.err(
                    it.pos,
                    format!("{path}: expected `section`, a section in vitae's format"),
                );
                continue;
            };
            let shown_as = match o.get("shown_as").map(|n| &n.value) {
                Some(Value::Str(h)) if h == "basics.summary" || SECTIONS.iter().any(|(k, _)| k == h) => Some(h.clone()),
                None => None,
                Some(_) => {
                    let n = o.get("shown_as").unwrap_or(it);
                    self.wrong_type(
                        n,
                        &format!("{path}.shown_as"),
                        "the name of a JSON Resume list (`work`, `education`, …) or `basics.summary`",
                    );
                    None
                }
            };
            if let Some(h) = &shown_as {
                let given = match h.strip_prefix("basics.") {
                    Some(k) => basics.and_then(|b| b.get(k)),
                    None => top.get(h),
                };
                if given.map(Json::from_node) != Some(project_section(h, s)) {
                    let at = given.map_or(s.pos, |g| g.pos);
                    self.warns.push(Diagnostic::warning(at, format!("`{h}` differs from what vitae renders `{path}.section` to, and vitae sets `{path}.section`: make the same edit there, or delete it from `meta.vitae.sections` to set `{h}`")));
                }
            }
            sections.push(super::emit::VitaeSection {
                node: s,
                path: format!("{path}.section"),
                shown_as,
            });
        }
        doc.vitae_sections = Some(sections);
    }

    /// `basics.summary` as a "Summary" section, one paragraph per blank-line-separated
    /// block.
    pub(super) fn text_paragraphs(&mut self, b: &Obj, key: &str) -> Option<OutSection> {
        let n = b.get(key)?;
        let path = b.field(key);
        let whole = self.scalar(n, &path)?;
        let source = match &n.value {
            Value::Str(s) => s.clone(),
            _ => whole.raw.clone(),
        };
        let mut paragraphs = Vec::new();
        let mut current = String::new();
        for line in source.lines().chain(std::iter::once("")) {
            if line.trim().is_empty() {
                if !current.trim().is_empty() {
                    paragraphs.push(Val {
                        text: escape(&one_line(&current)),
                        origin: whole.origin(),
                    });
                }
                current.clear();
            } else {
                current.push(' ');
                current.push_str(line);
            }
        }
        let entries = paragraphs
            .into_iter()
            .map(|p| OutEntry {
                origin: whole.origin(),
                paragraph: Some(p),
                ..Default::default()
            })
            .collect();
        Some(OutSection {
            title: "Summary".into(),
            origin: whole.origin(),
            entries,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn link_targets_keep_balanced_parentheses() {
        assert_eq!(
            link_target("https://en.wikipedia.org/wiki/Rust_(language)"),
            "https://en.wikipedia.org/wiki/Rust_(language)"
        );
        assert_eq!(link_target("https://e.org/a)b"), "https://e.org/a%29b");
    }

    #[test]
    fn one_line_makes_white_space_one_space() {
        assert_eq!(one_line("  a\n\tb   c "), "a b c");
    }
}
