//! Stage 5 beside the PDF: the other outputs of one laid-out resume — a web page
//! ([`html`]), Markdown ([`markdown`]), plain text ([`text`]), PNG pictures of
//! the PDF's pages ([`png`]), and a JSON Resume
//! ([`crate::model::jsonresume::export`], which reads the source text rather than
//! the laid-out resume, so that what JSON Resume has no place for is kept).
//!
//! Each writer is one entry function that reads only the validated resume
//! ([`Resume`]: the text with its markup parsed by [`crate::markup`], escapes
//! resolved, dates already in the design's language), the resolved
//! [`crate::style::Style`], and, for the web page's fonts, the display list
//! ([`crate::layout::Document`]); the PNG writer reads the PDF bytes just written. So
//! the words are the PDF's words. [`Format`] names the outputs as the command line
//! chooses them (by extension or by `--format`).

pub mod html;
pub mod markdown;
pub mod png;
pub mod text;
mod webfonts;

use crate::markup::Span;
use crate::model::{Contact, Entry};

/// An output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Format {
    /// The PDF ([`crate::pdf::export`]).
    Pdf,
    /// One self-contained HTML5 page ([`html::html`]).
    Html,
    /// CommonMark with GitHub's conventions ([`markdown::markdown`]).
    Markdown,
    /// Plain text wrapped at 80 columns ([`text::text`]).
    Text,
    /// One PNG picture per page of the PDF ([`png::pages`]).
    Png,
    /// A JSON Resume, v1.0.0 ([`crate::model::jsonresume::export::export`]).
    Json,
}

/// Every format: its name in `--format` (with the other names accepted) and its
/// file extension.
const FORMATS: [(Format, &str, &[&str]); 6] = [
    (Format::Pdf, "pdf", &[]),
    (Format::Html, "html", &["htm"]),
    (Format::Markdown, "md", &["markdown"]),
    (Format::Text, "txt", &["text"]),
    (Format::Json, "json", &["jsonresume"]),
    (Format::Png, "png", &[]),
];

/// The accepted names and extensions, as messages list them.
pub const ACCEPTED: &str = "pdf, html, md, txt, json or png";

impl Format {
    /// Every format, in the order outputs are written.
    pub const ALL: [Format; 6] = [
        Format::Pdf,
        Format::Html,
        Format::Markdown,
        Format::Text,
        Format::Json,
        Format::Png,
    ];

    /// The format of a name in `--format` or of a file extension (any case): `pdf`,
    /// `html` (`htm`), `md` (`markdown`), `txt` (`text`), `json` (`jsonresume`), `png`.
    pub fn from_name(name: &str) -> Option<Format> {
        let n = name.trim().to_ascii_lowercase();
        FORMATS
            .iter()
            .find(|(_, ext, other)| *ext == n || other.contains(&n.as_str()))
            .map(|&(f, _, _)| f)
    }

    /// The file extension (without the dot): `pdf`, `html`, `md`, `txt`, `json`, `png`.
    pub fn extension(self) -> &'static str {
        FORMATS
            .iter()
            .find(|(f, _, _)| *f == self)
            .map_or("pdf", |&(_, e, _)| e)
    }

    /// What messages call an output of this format ("PDF", "web page", …).
    pub fn what(self) -> &'static str {
        match self {
            Format::Pdf => "PDF",
            Format::Html => "web page",
            Format::Markdown => "Markdown",
            Format::Text => "plain text",
            Format::Json => "JSON Resume",
            Format::Png => "PNG",
        }
    }

    /// Whether the output is text (may be written to a terminal).
    pub fn is_text(self) -> bool {
        matches!(self, Format::Html | Format::Markdown | Format::Text | Format::Json)
    }
}

/// Parses `--format`'s comma-separated list (`pdf,html,md`), duplicates dropped, in
/// the order given.
///
/// # Errors
/// "unknown format `docx` (expected pdf, html, md, txt, json or png)"; an empty list.
pub fn parse_formats(list: &str) -> Result<Vec<Format>, String> {
    let mut out = Vec::new();
    for name in list.split(',') {
        if name.trim().is_empty() {
            continue;
        }
        let f =
            Format::from_name(name).ok_or_else(|| format!("unknown format `{}` (expected {ACCEPTED})", name.trim()))?;
        if !out.contains(&f) {
            out.push(f);
        }
    }
    if out.is_empty() {
        return Err(format!("--format names no format (expected {ACCEPTED})"));
    }
    Ok(out)
}

/// Whether a link target is a web address (`http:`, `https:`), which the text outputs
/// write out in full.
pub(crate) fn is_web(url: &str) -> bool {
    let u = url.to_ascii_lowercase();
    u.starts_with("http:") || u.starts_with("https:")
}

/// The spans of a contact item: its shown text, the whole of it carrying the item's
/// link when it has one (as the PDF's link rectangle covers it).
pub(crate) fn contact_spans(c: &Contact) -> Vec<Span> {
    c.shown
        .inline
        .iter()
        .map(|s| Span {
            link: s.link.clone().or_else(|| c.link.clone()),
            ..s.clone()
        })
        .collect()
}

/// Spans grouped into runs of one link target: (the target, the spans).
pub(crate) fn by_link(spans: &[Span]) -> Vec<(Option<&str>, &[Span])> {
    let mut out: Vec<(Option<&str>, &[Span])> = Vec::new();
    let mut start = 0;
    for i in 1..=spans.len() {
        if i == spans.len() || spans[i].link != spans[start].link {
            if start < i {
                out.push((spans[start].link.as_deref(), &spans[start..i]));
            }
            start = i;
        }
    }
    out
}

/// The two ends of an entry's date text when it was given as `start`/`end`: the text
/// before and after the spaced en dash ([`crate::model::date::format_range_in`]).
pub(crate) fn date_ends(e: &Entry) -> Option<(&str, Option<&str>)> {
    let d = e.date.as_ref()?;
    e.start?;
    match d.text.split_once(" – ") {
        Some((a, b)) if e.end.is_some() => Some((a, Some(b))),
        _ => Some((d.text.as_str(), None)),
    }
}

/// A structured date as HTML's `datetime` writes it:
/// `2021`, `2021-06`, `2021-06-30`; `None` for `present`.
pub(crate) fn iso(d: crate::model::date::Date) -> Option<String> {
    match d {
        crate::model::date::Date::Present => None,
        crate::model::date::Date::Day { year, month: 0, .. } => Some(format!("{year:04}")),
        crate::model::date::Date::Day { year, month, day: 0 } => Some(format!("{year:04}-{month:02}")),
        crate::model::date::Date::Day { year, month, day } => Some(format!("{year:04}-{month:02}-{day:02}")),
    }
}
