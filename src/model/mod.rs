//! Stage 1: YAML text → a validated [`Resume`].
//!
//! [`load`] parses the YAML with `serde-saphyr` into the serde mirror of the format
//! (`raw`), with budgets against alias bombs and deep nesting, then checks every rule
//! of `shared/spec/resume-format.md` and resolves the design (`design`), dates
//! (`date`) and inline markup ([`crate::markup`]). Every error names the line and
//! column of the offending value. A JSON Resume document is mapped onto the format
//! first ([`jsonresume`]).

pub mod date;
pub mod design;
pub mod jsonresume;
pub(crate) mod raw;

use crate::diag::{closest, Diagnostic, Pos};
use crate::markup::{self, Inline};
pub use design::{Context, DateAlign, DateColumn, Design, HeaderAlign, HeadingRule, Margins, Rgb, SectionTitle, Theme};
use raw::*;
use serde_saphyr::Spanned;

/// Text from the input with the position of its YAML value.
#[derive(Clone, Debug, PartialEq)]
pub struct Text {
    /// The text as written (for markup fields: parsed into `inline`).
    pub text: String,
    /// The parsed inline markup (a single plain span for plain-text fields).
    pub inline: Inline,
    /// Line and column of the YAML value.
    pub pos: Pos,
}

/// A contact item, as the spec's contact table lists them.
#[derive(Clone, Debug, PartialEq)]
pub struct Contact {
    /// What is shown (markup for `text` items and plain strings).
    pub shown: Text,
    /// The link the shown text carries (`mailto:`, `tel:`, the URL), if any.
    pub link: Option<String>,
}

/// A section: heading and entries.
#[derive(Clone, Debug, PartialEq)]
pub struct Section {
    /// The section heading (plain text), with its position in the input.
    pub title: Text,
    /// Entries are numbered `1.`, `2.`, … with a hanging indent.
    pub numbered: bool,
    /// The section's entries, in input order.
    pub entries: Vec<Entry>,
}

/// One entry of a section. A plain paragraph has only `text`.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Entry {
    /// Where the entry starts in the input.
    pub pos: Pos,
    /// The entry's title (bold, first row), with its position in the input.
    pub title: Option<Text>,
    /// The date column's text: free text, or the English rendering of `start`/`end`.
    pub date: Option<Text>,
    /// The entry's subtitle (italic, second row, left).
    pub subtitle: Option<Text>,
    /// The entry's location (italic, second row, in the date column).
    pub location: Option<Text>,
    /// Bold lead-in of a `label: text` row.
    pub label: Option<Text>,
    /// A paragraph of markup (the whole entry when it was written as a plain string).
    pub text: Option<Text>,
    /// Bulleted items, set with a hanging indent under the entry.
    pub bullets: Vec<Text>,
}

/// PDF metadata (PDF 32000-1 §14.3.3, the document information dictionary).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct PdfMeta {
    /// `/Title`: `pdf.title`, or the name.
    pub title: String,
    /// `/Author`: always the name.
    pub author: String,
    /// `/Subject`: `pdf.subject`, if given.
    pub subject: Option<String>,
    /// `/Keywords`: the items of `pdf.keywords` (empty when not given).
    pub keywords: Vec<String>,
}

/// A validated resume, ready to be set.
#[derive(Clone, Debug, PartialEq)]
pub struct Resume {
    /// The person's name (plain text), set large at the top.
    pub name: Text,
    /// The line of markup under the name, if given.
    pub headline: Option<Text>,
    /// Contact items in input order, set on one line under the name.
    pub contact: Vec<Contact>,
    /// The body's sections, in input order.
    pub sections: Vec<Section>,
    /// The resolved `design`, defaults applied to the keys not given.
    pub design: Design,
    /// Metadata for the PDF's document information dictionary.
    pub pdf: PdfMeta,
    /// Warnings found while validating (an empty list of sections or entries).
    pub warnings: Vec<Diagnostic>,
}

/// The longest text a field may hold, in characters: a résumé's longest paragraph is
/// a few hundred.
pub const MAX_FIELD_CHARS: usize = 100_000;

/// Largest input accepted, in bytes (5 MB): a resume is a few kilobytes.
pub const MAX_INPUT_BYTES: usize = 5_000_000;

/// Parses and validates a resume.
///
/// # Errors
/// Every problem found, each with the line and column of the offending YAML value
/// (or [`Pos::UNKNOWN`] for an empty document). YAML syntax errors and type errors
/// stop at the first; rule violations are collected, and followed by the warnings
/// found while validating (severity [`crate::diag::Severity::Warning`]).
pub fn load(text: &str) -> Result<Resume, Vec<Diagnostic>> {
    load_with(text, &Context::default())
}

/// Parses and validates a resume, resolving its design in `ctx` (the folder font
/// paths are relative to; a theme that replaces `design.theme`). A JSON Resume
/// document ([`jsonresume::is_json_resume`]) is converted to the format first
/// ([`jsonresume::convert`]); its positions stay those of the JSON.
///
/// # Errors
/// As [`load`].
pub fn load_with(text: &str, ctx: &Context) -> Result<Resume, Vec<Diagnostic>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.len() > MAX_INPUT_BYTES {
        return Err(vec![Diagnostic::error(Pos::UNKNOWN, format!("the input is {} bytes; at most {MAX_INPUT_BYTES} are accepted", text.len()))]);
    }
    if text.lines().all(|l| l.trim().is_empty() || l.trim_start().starts_with('#')) {
        return Err(vec![Diagnostic::error(Pos::UNKNOWN, "the document is empty (expected a mapping with at least `name` and `sections`)")]);
    }
    if jsonresume::is_json_resume(text) {
        return jsonresume::convert(text, ctx).map(|c| c.resume);
    }
    let options = yaml_options();
    let raw: RawResume = match serde_saphyr::from_str_with_options(text, options.clone()) {
        Ok(r) => r,
        Err(e) => {
            let mut errs = vec![yaml_error(&e, text)];
            // Report the design's own errors too, even when the rest fails; and say
            // that a requested fit was not attempted.
            if let Ok(DesignOnly { design: Some(d) }) = serde_saphyr::from_str_with_options::<DesignOnly>(text, options) {
                match design::resolve(&d.value, ctx) {
                    Err(more) => errs.extend(more),
                    Ok((Design { fit_pages: Some((n, pos)), .. }, _)) => errs.push(Diagnostic::error(
                        pos,
                        format!("fit_pages: {n}: not attempted, because the resume has the error above (pages are counted once it builds)"),
                    )),
                    Ok(_) => {}
                }
            }
            return Err(errs);
        }
    };
    let mut v = Validator { errs: Vec::new(), warnings: Vec::new(), language: crate::lang::Language::EnglishUs, ctx };
    let resume = v.resume(raw);
    match resume {
        Some(mut r) if v.errs.is_empty() => {
            r.warnings = v.warnings;
            Ok(r)
        }
        _ => {
            // The errors, then the warnings found on the way (an empty section, a
            // synthesised font face): a user fixing the errors sees those too.
            v.errs.sort_by_key(|d| d.pos);
            v.warnings.sort_by_key(|d| d.pos);
            v.errs.append(&mut v.warnings);
            Err(v.errs)
        }
    }
}

/// The parser's options: budgets against alias bombs and deep nesting.
pub(crate) fn yaml_options() -> serde_saphyr::Options {
    serde_saphyr::options! {
        budget: serde_saphyr::budget! {
            max_depth: 32,
            max_nodes: 100_000,
            max_aliases: 1_000,
            max_total_scalar_bytes: 8_000_000,
        },
        // YAML 1.2 booleans only: `no`, `yes`, `on`, `off` stay text (`language: no`
        // is Norwegian, `location: NO` is Norway), as YAML 1.2 reads them.
        strict_booleans: true,
    }
}

/// Only the `design` of a document, read when the whole fails to parse.
#[derive(serde::Deserialize)]
struct DesignOnly {
    design: Option<Spanned<RawDesign>>,
}

/// The key whose value starts at `pos`, read off the source line (`  bullets: x`
/// at the column of `x` gives `bullets`).
fn key_before(source: &str, pos: Pos) -> Option<String> {
    let line = source.lines().nth((pos.line as usize).checked_sub(1)?)?;
    let before: String = line.chars().take(pos.column.saturating_sub(1) as usize).collect();
    let before = before.trim_end().strip_suffix(':')?;
    let key = before.trim_start().trim_start_matches("- ").trim();
    (!key.is_empty() && key.chars().all(|c| c.is_alphanumeric() || c == '_' || c == '-')).then(|| key.to_string())
}

/// Turns a serde-saphyr error into a diagnostic: the position printed once, serde's
/// words in the format's terms, the key named for type errors, a "did you mean" hint
/// for unknown keys, and a tab pointed at where it is.
pub(crate) fn yaml_error(e: &serde_saphyr::Error, source: &str) -> Diagnostic {
    let mut pos = e.location().map(Pos::from).unwrap_or(Pos::UNKNOWN);
    let inner = e.without_snippet().to_string();
    // serde-saphyr appends " at line L, column C"; we print the position ourselves.
    let mut msg = match inner.rfind(" at line ") {
        Some(i) if pos.is_known() => inner[..i].to_string(),
        _ => inner.clone(),
    };
    msg = msg.replace("invalid type: ", "wrong type: ").replace("unknown field", "unknown key").replace("missing field", "missing key");
    for (from, to) in [("expected sequence start", "wrong type: expected a list (a YAML sequence, one `- item` per line)"), ("expected mapping start", "wrong type: expected a mapping (`key: value` lines)")] {
        if msg.contains(from) {
            msg = to.to_string();
        }
    }
    if msg.starts_with("wrong type")
        && let Some(key) = key_before(source, pos) {
            msg = format!("`{key}`: {msg}");
        }
    if msg.contains("recursion limit exceeded") {
        msg = "the document nests deeper than a resume can (YAML lists and mappings more than 32 levels deep)".to_string();
    }
    if msg.contains("invalid boolean") {
        let key = key_before(source, pos);
        msg = format!("{}wrong type: expected `true` or `false`", key.map(|k| format!("`{k}`: ")).unwrap_or_default());
    }
    if msg.contains("tabs disallowed") {
        msg = "a tab character in indentation (YAML indents with spaces only)".to_string();
    }
    if msg.contains("found a tab") {
        // YAML forbids tabs in indentation: point at the tab itself.
        let start: usize = source.lines().take(pos.line.saturating_sub(1) as usize).map(|l| l.len() + 1).sum();
        if let Some(off) = source.get(start..).and_then(|s| s.find('\t')) {
            let upto = &source[..start + off];
            let line = upto.matches('\n').count() as u32 + 1;
            let column = upto.rsplit('\n').next().map_or(0, |l| l.chars().count()) as u32 + 1;
            pos = Pos::new(line, column);
            msg = "a tab character in indentation (YAML indents with spaces only)".to_string();
        }
    }
    if let Some(rest) = msg.strip_prefix("duplicate mapping key: ") {
        let key = rest.split(',').next().unwrap_or(rest).trim();
        msg = format!("duplicate key `{key}` (a key may appear only once in a mapping)");
    }
    let mut d = Diagnostic::error(pos, msg.clone());
    const QUOTE: &str = "if this is text, put the whole value in quotes";
    if msg.contains("alias references unknown anchor") {
        d.message = "a value starting with `*` is read as a YAML alias (`*name`), and there is no anchor of that name".into();
        d = d.with_hint(format!("{QUOTE}: \"**Led** the team\""));
    } else if msg.contains("wrong type: map") || msg.starts_with("unknown key `") && msg[13..].split('`').next().is_some_and(|k| k.contains(' ')) {
        d = d.with_hint(format!("{QUOTE}: a colon followed by a space inside a value starts a mapping"));
    } else if let Some((key, value)) = source
        .lines()
        .nth(pos.line.saturating_sub(1) as usize)
        .filter(|l| msg.contains("mapping values are not allowed") && l.matches(": ").count() > 1)
        .and_then(|l| l.trim_start().trim_start_matches("- ").split_once(": "))
    {
        // `title: A: B`: a second `: ` on the line, inside the value.
        d = d.with_hint(format!("{QUOTE}: a colon followed by a space inside a value starts a mapping: {key}: \"{}\"", value.trim().replace('"', "\\\"")));
    } else if msg.contains("did not find expected") || msg.contains("mapping values are not allowed") {
        d = d.with_hint("check the indentation of this line and the one above: the keys of one mapping, and the `-` items of one list, start in the same column");
    }
    if d.message.starts_with("a tab character") {
        d = d.with_hint("replace the tab with spaces (most editors can be set to insert spaces for Tab)");
    }
    if let Some(rest) = msg.strip_prefix("unknown key `")
        && let Some((key, expected)) = rest.split_once('`') {
            let list = expected.split_once("expected one of ").map_or("", |(_, l)| l);
            let cands: Vec<&str> = list.split(',').map(|c| c.trim().trim_matches('`')).filter(|c| !c.is_empty()).collect();
            if let Some(best) = closest(key, &cands) {
                d = d.with_hint(format!("did you mean `{best}`?"));
            }
        }
    if inner.contains("budget breached") {
        // The parser names the budget in Rust's terms (`ScalarBytes { … }`): say which
        // limit in the user's.
        let which = if msg.contains("ScalarBytes") {
            "its text would total more than 8,000,000 bytes"
        } else if msg.contains("Alias") {
            "it uses more than 1,000 aliases"
        } else if msg.contains("Depth") {
            "it nests deeper than 32 levels"
        } else if msg.contains("Nodes") {
            "it would hold more than 100,000 values"
        } else {
            "it goes past vitae's limits on aliases and size"
        };
        d.message = format!("the document expands to more data than a resume holds: with its aliases (`*name`) expanded, {which}");
    }
    d
}

struct Validator<'a> {
    ctx: &'a Context,
    errs: Vec<Diagnostic>,
    warnings: Vec<Diagnostic>,
    /// The language dates are written in (from `design.language`).
    language: crate::lang::Language,
}

fn at<T>(s: &Spanned<T>) -> Pos {
    s.referenced.into()
}

impl Validator<'_> {
    fn err(&mut self, pos: Pos, msg: impl Into<String>) {
        self.errs.push(Diagnostic::error(pos, msg));
    }

    /// Refuses a field longer than [`MAX_FIELD_CHARS`].
    fn check_length(&mut self, s: &Spanned<Scalar>) {
        let n = s.value.0.chars().count();
        if n > MAX_FIELD_CHARS {
            self.err(at(s), format!("this text is {n} characters long; a field may hold at most {MAX_FIELD_CHARS}"));
        }
    }

    fn plain(&mut self, s: &Spanned<Scalar>) -> Text {
        self.check_length(s);
        let text = s.value.0.clone();
        Text { inline: vec![markup::Span { text: text.clone(), ..Default::default() }], text, pos: at(s) }
    }

    fn markup(&mut self, s: &Spanned<Scalar>, what: &str) -> Text {
        self.check_length(s);
        let text = s.value.0.clone();
        let inline = markup::parse(&text).unwrap_or_else(|m| {
            self.err(at(s), format!("{what}: {m}"));
            Vec::new()
        });
        Text { text, inline, pos: at(s) }
    }

    fn resume(&mut self, r: RawResume) -> Option<Resume> {
        let Some(name) = r.name.as_ref() else {
            self.err(Pos::new(1, 1), "missing key `name` (the person's name, set large at the top)");
            return None;
        };
        if name.value.0.trim().is_empty() {
            self.err(at(name), "`name` is empty (expected the person's name)");
        }
        let name = self.plain(name);
        let headline = r.headline.as_ref().map(|h| self.markup(h, "headline"));
        let empty = RawDesign::default();
        let design = match design::resolve(r.design.as_ref().map_or(&empty, |d| &d.value), self.ctx) {
            Ok((d, w)) => {
                self.warnings.extend(w);
                d
            }
            Err(e) => {
                self.errs.extend(e);
                Design::default()
            }
        };
        self.language = design.language;
        let contact = r.contact.as_ref().map(|c| c.value.0.iter().map(|c| self.contact(c)).collect()).unwrap_or_default();
        let sections = match &r.sections {
            None => {
                self.err(Pos::new(1, 1), "missing key `sections` (the body of the resume, a list of sections)");
                Vec::new()
            }
            Some(s) => {
                if s.value.0.is_empty() {
                    self.warnings.push(Diagnostic::warning(at(s), "`sections` is empty: the resume has nothing but its header"));
                }
                s.value.0.iter().map(|s| self.section(s)).collect()
            }
        };
        let mut pdf = PdfMeta { title: name.text.clone(), author: name.text.clone(), ..Default::default() };
        if let Some(p) = &r.pdf {
            if let Some(t) = &p.value.title {
                pdf.title = t.value.0.clone();
            }
            pdf.subject = p.value.subject.as_ref().map(|s| s.value.0.clone());
            pdf.keywords = p.value.keywords.as_ref().map(|k| k.value.0.iter().map(|s| s.0.clone()).collect()).unwrap_or_default();
        }
        Some(Resume { name, headline, contact, sections, design, pdf, warnings: Vec::new() })
    }

    fn contact(&mut self, c: &Spanned<RawContact>) -> Contact {
        let m = match &c.value {
            RawContact::Text(_) => {
                let s = Spanned { value: Scalar(match &c.value { RawContact::Text(t) => t.clone(), _ => unreachable!() }), referenced: c.referenced, defined: c.defined };
                return Contact { shown: self.markup(&s, "contact"), link: None };
            }
            RawContact::Map(m) => m,
        };
        let given: Vec<&str> = [("email", m.email.is_some()), ("phone", m.phone.is_some()), ("url", m.url.is_some()), ("location", m.location.is_some()), ("text", m.text.is_some())]
            .iter()
            .filter(|(_, g)| *g)
            .map(|(k, _)| *k)
            .collect();
        if given.len() != 1 {
            self.err(at(c), format!(
                "a contact item needs exactly one of `email`, `phone`, `url`, `location`, `text` (found {})",
                if given.is_empty() { "none".to_string() } else { given.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", ") }
            ));
        }
        if let Some(l) = &m.label
            && m.url.is_none() {
                self.err(at(l), "`label` goes with `url` only");
            }
        if let Some(e) = &m.email {
            let a = e.value.0.trim();
            let ok = a.split_once('@').is_some_and(|(u, d)| !u.is_empty() && d.contains('.') && !d.starts_with('.') && !d.ends_with('.'))
                && !a.chars().any(char::is_whitespace);
            if !ok {
                self.err(at(e), format!("email `{a}` is not an email address (expected name@domain.tld)"));
            }
            return Contact { shown: self.plain(&Spanned { value: Scalar(a.to_string()), ..*e }), link: Some(format!("mailto:{a}")) };
        }
        if let Some(p) = &m.phone {
            let n: String = p.value.0.chars().filter(|c| !(c.is_whitespace() || ".-()".contains(*c))).collect();
            if n.is_empty() || !n.trim_start_matches('+').chars().all(|c| c.is_ascii_digit()) {
                self.err(at(p), format!("phone `{}` is not a phone number (expected digits, spaces, dots, dashes, parentheses and a leading +)", p.value.0));
            }
            return Contact { shown: self.plain(p), link: Some(format!("tel:{n}")) };
        }
        if let Some(u) = &m.url {
            let url = u.value.0.trim().to_string();
            if let Err(msg) = markup::check_url(&url) {
                self.err(at(u), format!("url: {msg}"));
            }
            let shown = match &m.label {
                Some(l) => self.markup(l, "label"),
                None => {
                    let s = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://")).unwrap_or(&url);
                    let s = s.strip_suffix('/').unwrap_or(s);
                    self.plain(&Spanned { value: Scalar(s.to_string()), ..*u })
                }
            };
            return Contact { shown, link: Some(url) };
        }
        if let Some(l) = &m.location {
            return Contact { shown: self.markup(l, "location"), link: None };
        }
        match &m.text {
            Some(t) => Contact { shown: self.markup(t, "contact text"), link: None },
            None => Contact { shown: Text { text: String::new(), inline: Vec::new(), pos: at(c) }, link: None },
        }
    }

    fn section(&mut self, s: &Spanned<RawSection>) -> Section {
        let title = match &s.value.title {
            Some(t) => self.plain(t),
            None => {
                self.err(at(s), "a section needs a `title`");
                Text { text: String::new(), inline: Vec::new(), pos: at(s) }
            }
        };
        let entries = match &s.value.entries {
            Some(e) => {
                if e.value.0.is_empty() {
                    self.warnings.push(Diagnostic::warning(at(e), format!("section `{}` has no entries: its heading stands alone", title.text)));
                }
                e.value.0.iter().map(|e| self.entry(e)).collect()
            }
            None => {
                self.err(at(s), format!("section `{}` needs `entries` (a list)", title.text));
                Vec::new()
            }
        };
        Section { title, numbered: s.value.numbered.as_ref().is_some_and(|n| n.value), entries }
    }

    fn entry(&mut self, e: &Spanned<RawEntry>) -> Entry {
        let pos = at(e);
        let m = match &e.value {
            RawEntry::Paragraph(p) => {
                let s = Spanned { value: Scalar(p.clone()), referenced: e.referenced, defined: e.defined };
                return Entry { pos, text: Some(self.markup(&s, "entry")), ..Default::default() };
            }
            RawEntry::Map(m) => m,
        };
        let has_any = m.title.is_some() || m.date.is_some() || m.start.is_some() || m.end.is_some() || m.subtitle.is_some()
            || m.location.is_some() || m.label.is_some() || m.text.is_some() || m.bullets.is_some();
        if !has_any {
            self.err(pos, "empty entry: an entry mapping needs at least one of title, date, start, subtitle, location, label, text, bullets");
        }
        let mut out = Entry { pos, ..Default::default() };
        out.title = m.title.as_ref().map(|t| self.markup(t, "title"));
        out.subtitle = m.subtitle.as_ref().map(|t| self.markup(t, "subtitle"));
        out.location = m.location.as_ref().map(|t| self.markup(t, "location"));
        out.label = m.label.as_ref().map(|t| self.markup(t, "label"));
        out.text = m.text.as_ref().map(|t| self.markup(t, "text"));
        out.bullets = m.bullets.as_ref().map(|b| b.value.0.iter().map(|t| self.markup(t, "bullet")).collect()).unwrap_or_default();
        if let Some(l) = &m.label
            && (m.text.is_none() || m.title.is_some() || m.bullets.is_some()) {
                self.err(at(l), "`label` goes with `text` only (a `label: text` row such as a skills line)");
            }
        if let (Some(_), Some(s)) = (&m.date, &m.start) {
            self.err(at(s), "`date` and `start` exclude each other: give a free-text `date`, or structured `start` and `end`");
        }
        if let (Some(e), None) = (&m.end, &m.start) {
            self.err(at(e), "`end` needs `start`");
        }
        if let Some(d) = &m.date {
            out.date = Some(self.plain(d));
        } else if let Some(s) = &m.start {
            const DATE_HELP: &str = "write a date as `2021`, `2021-06` or `2021-06-30`; an end may also be `present`; for free text use `date:` instead";
            let start = date::parse_date(&s.value.0, false).map_err(|msg| self.errs.push(Diagnostic::error(at(s), format!("start: {msg}")).with_hint(DATE_HELP))).ok();
            let end = m.end.as_ref().and_then(|e| date::parse_date(&e.value.0, true).map_err(|msg| self.errs.push(Diagnostic::error(at(e), format!("end: {msg}")).with_hint(DATE_HELP))).ok());
            if let (Some(a), Some(b), Some(e)) = (start, end, &m.end)
                && date::is_after(a, b) {
                    self.err(at(e), format!("end `{}` is before start `{}`", e.value.0.trim(), s.value.0.trim()));
                }
            if let Some(a) = start {
                let text = date::format_range_in(a, end, self.language);
                out.date = Some(self.plain(&Spanned { value: Scalar(text), ..*s }));
            }
        }
        out
    }
}
