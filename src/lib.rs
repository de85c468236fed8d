#![warn(missing_docs)]
//! vitae: a resume written in YAML, typeset into a PDF.
//!
//! # Steps
//! 1. [`model::load`]: YAML text → a validated [`model::Resume`] (serde-saphyr; every
//!    error carries the line and column of the offending value). Inline markup is
//!    parsed here ([`markup`]), so that a bad link is reported against its line.
//! 2. [`layout::layout`]: resume → pages of positioned glyph runs, rules and link
//!    rectangles ([`layout::Document`]). Paragraphs go through [`inline`]: words
//!    shaped with the real font ([`text`]), boxes, glue and penalties, lines chosen by
//!    [`linebreak`] (Knuth & Plass's model).
//! 3. [`pdf::export`]: display list → PDF bytes (printpdf; fonts subset with
//!    ToUnicode).
//!
//! Units: every length is in points (pt, 1/72 in). Layout space has its origin at the
//! page's top-left corner with y growing down; only [`pdf`] flips to PDF user space.
//! The library never touches files or the terminal: [`compile`] takes the input text
//! and returns bytes and diagnostics.

pub mod diag;
pub mod geom;
pub mod inline;
pub mod lang;
pub mod layout;
pub mod linebreak;
pub mod markup;
pub mod model;
pub mod pdf;
pub mod text;

use diag::{Diagnostic, Pos, Severity};

/// Options of one build.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Treat warnings (e.g. a character no font covers) as errors.
    pub deny_warnings: bool,
}

/// The result of a successful build.
#[derive(Clone, Debug)]
pub struct Output {
    /// The PDF file's bytes.
    pub pdf: Vec<u8>,
    /// Number of pages.
    pub pages: usize,
    /// Warnings (the PDF was built nevertheless).
    pub warnings: Vec<Diagnostic>,
}

/// Decodes input bytes as UTF-8 (a leading byte-order mark is dropped).
///
/// # Errors
/// Bytes that are not UTF-8: the diagnostic names the line and column of the first
/// bad byte.
pub fn decode(bytes: &[u8]) -> Result<String, Diagnostic> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    String::from_utf8(bytes.to_vec()).map_err(|e| {
        let good = &bytes[..e.utf8_error().valid_up_to()];
        let text = String::from_utf8_lossy(good);
        let line = text.matches('\n').count() as u32 + 1;
        let column = text.rsplit('\n').next().map_or(0, |l| l.chars().count()) as u32 + 1;
        Diagnostic::error(Pos::new(line, column), "the file is not valid UTF-8 text (save it as UTF-8)")
    })
}

/// Parses, validates and lays out a resume without writing a PDF.
///
/// # Errors
/// Every problem found in the input, each located.
pub fn layout_source(text: &str) -> Result<(model::Resume, layout::Document, Vec<Diagnostic>), Vec<Diagnostic>> {
    let resume = model::load(text)?;
    let (doc, layout_warnings) = layout::layout(&resume);
    let mut warnings = resume.warnings.clone();
    warnings.extend(layout_warnings);
    Ok((resume, doc, warnings))
}

/// Builds a resume into PDF bytes.
///
/// # Errors
/// The input's problems (or, with `deny_warnings`, its warnings turned errors); an
/// internal error if the PDF cannot be written.
pub fn compile(text: &str, options: &Options) -> Result<Output, Vec<Diagnostic>> {
    let (resume, doc, mut warnings) = layout_source(text)?;
    if options.deny_warnings && !warnings.is_empty() {
        for w in &mut warnings {
            w.severity = Severity::Error;
        }
        return Err(warnings);
    }
    let pdf = pdf::export(&doc, &resume.pdf).map_err(|m| vec![Diagnostic::error(Pos::UNKNOWN, m)])?;
    Ok(Output { pdf, pages: doc.pages.len(), warnings })
}
