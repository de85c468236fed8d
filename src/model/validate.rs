//! The format's rules on the serde mirror: required keys, contact items, entries,
//! dates, links and inline markup, every error located.

use super::design::Design;
use super::networks::{self, ContactKind};
use super::raw::*;
use super::{Contact, Entry, MAX_FIELD_CHARS, PdfMeta, Resume, Section, Text, date};
use crate::diag::{Diagnostic, Pos};
use crate::lang::Language;
use crate::markup;
use network_items::network_values;
use serde_saphyr::Spanned;

/// The rules of the format, checked on the serde mirror: errors and warnings
/// collected, each at its value's position.
pub(super) struct Validator {
    /// The errors found, in the order found.
    pub errs: Vec<Diagnostic>,
    /// The warnings found (an empty section, an empty list of sections).
    pub warnings: Vec<Diagnostic>,
    /// The document's `design`, as written.
    pub design: Design,
    /// The language dates are written in (from `design.language`).
    language: Language,
}

#[path = "validate_networks.rs"]
mod network_items;

fn at<T>(s: &Spanned<T>) -> Pos {
    s.referenced.into()
}

impl Validator {
    /// A validator for a document whose `design` is `design`.
    pub fn new(design: Design) -> Validator {
        Validator {
            errs: Vec::new(),
            warnings: Vec::new(),
            language: design.date_language(),
            design,
        }
    }

    fn err(&mut self, pos: Pos, msg: impl Into<String>) {
        self.errs.push(Diagnostic::error(pos, msg));
    }

    /// Refuses a field longer than [`MAX_FIELD_CHARS`].
    fn check_length(&mut self, s: &Spanned<Scalar>) {
        let n = s.value.0.chars().count();
        if n > MAX_FIELD_CHARS {
            self.err(
                at(s),
                format!("this text is {n} characters long; a field may hold at most {MAX_FIELD_CHARS}"),
            );
        }
    }

    /// The text of a field: its length checked, its control characters dropped with a
    /// warning at the field.
    fn text(&mut self, s: &Spanned<Scalar>) -> String {
        self.check_length(s);
        match markup::strip_controls(&s.value.0) {
            Some((text, warning)) => {
                self.warnings.push(Diagnostic::warning(at(s), warning));
                text
            }
            None => s.value.0.clone(),
        }
    }

    fn plain(&mut self, s: &Spanned<Scalar>) -> Text {
        let text = self.text(s);
        Text {
            inline: vec![markup::Span {
                text: text.clone(),
                ..Default::default()
            }],
            text,
            pos: at(s),
        }
    }

    fn markup(&mut self, s: &Spanned<Scalar>, what: &str) -> Text {
        let text = self.text(s);
        let inline = markup::parse(&text).unwrap_or_else(|m| {
            self.err(at(s), format!("{what}: {m}"));
            Vec::new()
        });
        Text {
            text,
            inline,
            pos: at(s),
        }
    }

    pub fn resume(&mut self, r: RawResume) -> Option<Resume> {
        let Some(name) = r.name.as_ref() else {
            self.err(
                Pos::new(1, 1),
                "missing key `name` (the person's name, set large at the top)",
            );
            return None;
        };
        if name.value.0.trim().is_empty() {
            self.err(at(name), "`name` is empty (expected the person's name)");
        }
        let name = self.plain(name);
        let headline = r.headline.as_ref().map(|h| self.markup(h, "headline"));
        let contact = r
            .contact
            .as_ref()
            .map(|c| c.value.0.iter().map(|c| self.contact(c)).collect())
            .unwrap_or_default();
        let sections = match &r.sections {
            None => {
                self.err(
                    Pos::new(1, 1),
                    "missing key `sections` (the body of the resume, a list of sections)",
                );
                Vec::new()
            }
            Some(s) => {
                if s.value.0.is_empty() {
                    self.warnings.push(Diagnostic::warning(
                        at(s),
                        "`sections` is empty: the resume has nothing but its header",
                    ));
                }
                s.value.0.iter().map(|s| self.section(s)).collect()
            }
        };
        let mut pdf = PdfMeta {
            title: name.text.clone(),
            author: name.text.clone(),
            ..Default::default()
        };
        if let Some(p) = &r.pdf {
            if let Some(t) = &p.value.title {
                pdf.title = self.plain(t).text;
            }
            pdf.subject = p.value.subject.as_ref().map(|s| self.plain(s).text);
            pdf.keywords = p
                .value
                .keywords
                .as_ref()
                .map(|k| k.value.0.iter().map(|s| self.plain(s).text).collect())
                .unwrap_or_default();
        }
        Some(Resume {
            name,
            headline,
            contact,
            sections,
            design: self.design.clone(),
            pdf,
            warnings: Vec::new(),
        })
    }

    fn contact(&mut self, c: &Spanned<RawContact>) -> Contact {
        let m = match &c.value {
            RawContact::Text(_) => {
                let s = Spanned {
                    value: Scalar(match &c.value {
                        RawContact::Text(t) => t.clone(),
                        _ => unreachable!(),
                    }),
                    referenced: c.referenced,
                    defined: c.defined,
                };
                return Contact {
                    shown: self.markup(&s, "contact"),
                    link: None,
                    kind: ContactKind::Text,
                };
            }
            RawContact::Map(m) => m,
        };
        let networks = network_values(m);
        let given: Vec<&str> = [
            ("email", m.email.is_some()),
            ("phone", m.phone.is_some()),
            ("url", m.url.is_some()),
            ("location", m.location.is_some()),
            ("text", m.text.is_some()),
        ]
        .iter()
        .filter(|(_, g)| *g)
        .map(|(k, _)| *k)
        .chain(networks.iter().map(|(k, _)| *k))
        .collect();
        if given.len() != 1 {
            self.err(
                at(c),
                format!(
                    "a contact item needs exactly one of `email`, `phone`, `url`, `location`, `text` or a network key ({}) (found {})",
                    networks::NETWORK_KEYS.map(|k| format!("`{k}`")).join(", "),
                    if given.is_empty() {
                        "none".to_string()
                    } else {
                        given.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", ")
                    }
                ),
            );
        }
        if let Some(l) = &m.label
            && m.url.is_none()
            && networks.is_empty()
        {
            self.err(at(l), "`label` goes with `url` or a network key only");
        }
        if m.email.is_none()
            && m.phone.is_none()
            && m.url.is_none()
            && let Some((key, v)) = networks.first()
        {
            return self.network(key, v, m.label.as_ref());
        }
        if let Some(e) = &m.email {
            let cleaned = self.email_text(e);
            let a = cleaned.trim();
            let ok = a
                .split_once('@')
                .is_some_and(|(u, d)| !u.is_empty() && d.contains('.') && !d.starts_with('.') && !d.ends_with('.'))
                && !a.chars().any(char::is_whitespace);
            if let Some(c) = a.chars().find(|&c| c == '\n' || c == '\r') {
                self.err(
                    at(e),
                    format!(
                        "email `{}` contains a line break (U+{:04X}); an email address may not",
                        a.escape_debug(),
                        c as u32
                    ),
                );
            } else if let Some(code) = markup::encoded_line_break(a) {
                self.err(
                    at(e),
                    format!("email `{a}` contains `{code}`, an encoded line break (it would start a mail header line of its own); an email address may not"),
                );
            } else if !ok {
                self.err(
                    at(e),
                    format!("email `{a}` is not an email address (expected name@domain.tld)"),
                );
            }
            return Contact {
                shown: Text {
                    text: a.to_string(),
                    inline: vec![markup::Span {
                        text: a.to_string(),
                        ..Default::default()
                    }],
                    pos: at(e),
                },
                link: Some(format!("mailto:{a}")),
                kind: ContactKind::Email,
            };
        }
        if let Some(p) = &m.phone {
            let n: String = p
                .value
                .0
                .chars()
                .filter(|c| !(c.is_whitespace() || ".-()".contains(*c)))
                .collect();
            if n.is_empty() || !n.trim_start_matches('+').chars().all(|c| c.is_ascii_digit()) {
                self.err(at(p), format!("phone `{}` is not a phone number (expected digits, spaces, dots, dashes, parentheses and a leading +)", p.value.0));
            }
            return Contact {
                shown: self.plain(p),
                link: Some(format!("tel:{n}")),
                kind: ContactKind::Phone,
            };
        }
        if let Some(u) = &m.url {
            let url = u.value.0.trim().to_string();
            if let Err(msg) = markup::check_web_url(&url) {
                let mut d = Diagnostic::error(at(u), format!("url: {msg}"));
                if url.to_ascii_lowercase().starts_with("mailto:") {
                    d = d.with_hint("write an email address as `email: name@example.org`");
                } else if url.to_ascii_lowercase().starts_with("tel:") {
                    d = d.with_hint("write a phone number as `phone: +1 555 010 0199`");
                }
                self.errs.push(d);
            }
            let shown = match &m.label {
                Some(l) => self.markup(l, "label"),
                None => {
                    let s = url
                        .strip_prefix("https://")
                        .or_else(|| url.strip_prefix("http://"))
                        .unwrap_or(&url);
                    let s = s.strip_suffix('/').unwrap_or(s);
                    self.plain(&Spanned {
                        value: Scalar(s.to_string()),
                        ..*u
                    })
                }
            };
            return Contact {
                shown,
                link: Some(url),
                kind: ContactKind::Url,
            };
        }
        if let Some(l) = &m.location {
            return Contact {
                shown: self.markup(l, "location"),
                link: None,
                kind: ContactKind::Location,
            };
        }
        match &m.text {
            Some(t) => Contact {
                shown: self.markup(t, "contact text"),
                link: None,
                kind: ContactKind::Text,
            },
            None => Contact {
                shown: Text {
                    text: String::new(),
                    inline: Vec::new(),
                    pos: at(c),
                },
                link: None,
                kind: ContactKind::Text,
            },
        }
    }

    /// An email's text: [`Self::text`], but keeping the line breaks CR and LF, which
    /// the email check refuses.
    fn email_text(&mut self, e: &Spanned<Scalar>) -> String {
        let breaks = e.value.0.contains(['\r', '\n']);
        if breaks {
            self.check_length(e);
            return e.value.0.clone();
        }
        self.text(e)
    }

    fn section(&mut self, s: &Spanned<RawSection>) -> Section {
        let title = match &s.value.title {
            Some(t) => self.plain(t),
            None => {
                self.err(at(s), "a section needs a `title`");
                Text {
                    text: String::new(),
                    inline: Vec::new(),
                    pos: at(s),
                }
            }
        };
        let entries = match &s.value.entries {
            Some(e) => {
                if e.value.0.is_empty() {
                    self.warnings.push(Diagnostic::warning(
                        at(e),
                        format!("section `{}` has no entries: its heading stands alone", title.text),
                    ));
                }
                e.value.0.iter().map(|e| self.entry(e)).collect()
            }
            None => {
                self.err(at(s), format!("section `{}` needs `entries` (a list)", title.text));
                Vec::new()
            }
        };
        Section {
            title,
            numbered: s.value.numbered.as_ref().is_some_and(|n| n.value),
            entries,
        }
    }

    fn entry(&mut self, e: &Spanned<RawEntry>) -> Entry {
        let pos = at(e);
        let m = match &e.value {
            RawEntry::Paragraph(p) => {
                let s = Spanned {
                    value: Scalar(p.clone()),
                    referenced: e.referenced,
                    defined: e.defined,
                };
                return Entry {
                    pos,
                    text: Some(self.markup(&s, "entry")),
                    ..Default::default()
                };
            }
            RawEntry::Map(m) => m,
        };
        let has_any = m.title.is_some()
            || m.date.is_some()
            || m.start.is_some()
            || m.end.is_some()
            || m.subtitle.is_some()
            || m.location.is_some()
            || m.label.is_some()
            || m.text.is_some()
            || m.bullets.is_some();
        if !has_any {
            self.err(pos, "empty entry: an entry mapping needs at least one of title, date, start, subtitle, location, label, text, bullets");
        }
        let mut out = Entry {
            pos,
            ..Default::default()
        };
        out.title = m.title.as_ref().map(|t| self.markup(t, "title"));
        out.subtitle = m.subtitle.as_ref().map(|t| self.markup(t, "subtitle"));
        out.location = m.location.as_ref().map(|t| self.markup(t, "location"));
        out.label = m.label.as_ref().map(|t| self.markup(t, "label"));
        out.text = m.text.as_ref().map(|t| self.markup(t, "text"));
        out.bullets = m
            .bullets
            .as_ref()
            .map(|b| b.value.0.iter().map(|t| self.markup(t, "bullet")).collect())
            .unwrap_or_default();
        if let Some(l) = &m.label
            && (m.text.is_none() || m.title.is_some() || m.bullets.is_some())
        {
            self.err(
                at(l),
                "`label` goes with `text` only (a `label: text` row such as a skills line)",
            );
        }
        if let (Some(_), Some(s)) = (&m.date, &m.start) {
            self.err(
                at(s),
                "`date` and `start` exclude each other: give a free-text `date`, or structured `start` and `end`",
            );
        }
        if let (Some(e), None) = (&m.end, &m.start) {
            self.err(at(e), "`end` needs `start`");
        }
        if let Some(d) = &m.date {
            out.date = Some(self.plain(d));
        } else if let Some(s) = &m.start {
            const DATE_HELP: &str = "write a date as `2021`, `2021-06` or `2021-06-30`; an end may also be `present`; for free text use `date:` instead";
            let start = date::parse_date(&s.value.0, false)
                .map_err(|msg| {
                    self.errs
                        .push(Diagnostic::error(at(s), format!("start: {msg}")).with_hint(DATE_HELP))
                })
                .ok();
            let end = m.end.as_ref().and_then(|e| {
                date::parse_date(&e.value.0, true)
                    .map_err(|msg| {
                        self.errs
                            .push(Diagnostic::error(at(e), format!("end: {msg}")).with_hint(DATE_HELP))
                    })
                    .ok()
            });
            if let (Some(a), Some(b), Some(e)) = (start, end, &m.end)
                && date::is_after(a, b)
            {
                self.err(
                    at(e),
                    format!("end `{}` is before start `{}`", e.value.0.trim(), s.value.0.trim()),
                );
            }
            (out.start, out.end) = (start, end);
            if let Some(a) = start {
                let text = date::format_range_in(a, end, self.language);
                out.date = Some(self.plain(&Spanned {
                    value: Scalar(text),
                    ..*s
                }));
            }
        }
        out
    }
}
