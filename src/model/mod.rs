//! Stage 1: YAML text → a validated [`Resume`], the input and nothing else.
//!
//! [`load`] parses the YAML with `serde-saphyr` into the serde mirror of the format
//! (`raw`), with budgets against alias bombs and deep nesting (`load.rs`), then
//! checks every rule of `shared/spec/resume-format.md` on the content and parses
//! dates (`date`) and inline markup ([`crate::markup`]) (`validate.rs`). Every error
//! names the line and column of the offending value. The `design` is kept as written
//! ([`Design`]), for [`crate::style::resolve`]. A JSON Resume document is converted
//! to the format by [`jsonresume`] before it is loaded. The model imports nothing
//! from the stages after it.

pub mod date;
pub mod design;
pub mod jsonresume;
mod load;
mod mistakes;
pub mod networks;
pub(crate) mod raw;
mod validate;
pub mod variant;

use crate::diag::{Diagnostic, Pos};
use crate::markup::Inline;
pub use design::{Design, FontRequest, Located};
pub use load::{Failure, load, precheck};
pub(crate) use load::{yaml_error, yaml_options};
pub use networks::ContactKind;

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
    /// The key the item was written with (its icon under `design.contact_icons`).
    pub kind: ContactKind,
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
    /// The structured `start` date, when the entry gives one (the web page's
    /// `<time datetime>`, JSON Resume's `startDate`).
    pub start: Option<date::Date>,
    /// The structured `end` date (or `present`), when the entry gives one.
    pub end: Option<date::Date>,
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
    /// The `design` mapping as written (resolved by [`crate::style::resolve`]).
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
