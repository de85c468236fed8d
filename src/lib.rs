#![warn(missing_docs)]
#![forbid(unsafe_code)]
//! vitae: a resume written in YAML, typeset into a PDF.
//!
//! # Steps
//! 1. [`model::load`]: YAML text → a validated [`model::Resume`], the input only
//!    (serde-saphyr; every error carries the line and column of the offending
//!    value). Inline markup is parsed here ([`markup`]), so that a bad link is
//!    reported against its line. A JSON Resume ([`model::jsonresume`]) is converted
//!    to the format first; [`input::prepare`] does both and merges what they report.
//! 2. [`style::resolve`]: the resume's `design` and the command line's
//!    [`style::Overrides`] → one [`style::Style`]: every size, space and face of the
//!    build, checked once, fonts loaded ([`text`]).
//! 3. [`layout::layout`]: resume and style → pages of positioned glyph runs, rules
//!    and link rectangles ([`layout::Document`], the display list). Paragraphs go
//!    through [`inline`]: words shaped with the real font ([`text`]), boxes, glue and
//!    penalties, lines chosen by [`linebreak`] (Knuth & Plass's model). [`fit::fit`]
//!    lays out again at smaller scales for `fit_pages`.
//! 4. [`pdf::export`]: display list → PDF bytes (printpdf; fonts subset with
//!    ToUnicode).
//!
//! Units: every length is in points (pt, 1/72 in). Layout space has its origin at the
//! page's top-left corner with y growing down; only [`pdf`] flips to PDF user space.
//! The library never touches the terminal, and reads no file but the fonts a resume
//! asks for by path or by installed family ([`text::resolve`]): [`compile`] takes the
//! input text and returns bytes and diagnostics.

pub mod diag;
pub mod fit;
pub mod geom;
pub mod inline;
pub mod input;
pub mod lang;
pub mod layout;
pub mod linebreak;
pub mod markup;
pub mod model;
pub mod pdf;
pub mod schema;
pub mod style;
pub mod text;
pub mod write;

use diag::{Diagnostic, Pos, Severity};

/// Options of one build.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Treat warnings (e.g. a character no font covers) as errors.
    pub deny_warnings: bool,
    /// What the command line sets over the design (`--theme`, `--page`,
    /// `--font-size`, `--fit-pages`), and the folder font paths are relative to.
    pub overrides: style::Overrides,
    /// The PDF's creation date as a Unix time (`SOURCE_DATE_EPOCH`); `None`: no date.
    pub date: Option<i64>,
    /// The variant and language of this build (`--variant`, `--language`); the
    /// default builds the whole resume in its own language.
    pub select: model::variant::Select,
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
    /// What the build decided for the user to know, e.g. `fitted to 1 page at
    /// 9.4 pt (94 %)`.
    pub notes: Vec<String>,
}

/// A laid-out resume: the validated input, the style it was set in, its display
/// list, warnings and notes.
#[derive(Clone, Debug)]
pub struct Laid {
    /// The resume, as the input gives it.
    pub resume: model::Resume,
    /// The style it was set in (after fitting, the scaled one).
    pub style: style::Style,
    /// The display list.
    pub doc: layout::Document,
    /// Warnings from validation, the style and layout.
    pub warnings: Vec<Diagnostic>,
    /// Notes such as the size `fit_pages` chose.
    pub notes: Vec<String>,
    /// The text in vitae's format that was set ([`input::Prepared::source`]), for the
    /// JSON Resume output.
    pub source: String,
}

/// The most pages vitae sets: a longer document is not a resume (and would take long).
pub const MAX_PAGES: usize = 200;

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
        Diagnostic::error(
            Pos::new(line, column),
            "the file is not valid UTF-8 text (save it as UTF-8)",
        )
    })
}

/// Parses, validates and lays out a resume in its own design, without writing a
/// PDF: the resume, the style it was set in, the display list and the warnings.
///
/// # Errors
/// Every problem found in the input, each located.
pub fn layout_source(
    text: &str,
) -> Result<(model::Resume, style::Style, layout::Document, Vec<Diagnostic>), Vec<Diagnostic>> {
    let laid = lay_out(text, &Options::default())?;
    Ok((laid.resume, laid.style, laid.doc, laid.warnings))
}

/// Parses, validates and lays out a resume, fitting it to a page count when asked
/// ([`fit::fit`]).
///
/// # Errors
/// The input's problems; or, with `fit_pages`, a resume that needs more pages even at
/// the smallest scale (the error names how many); or more than [`MAX_PAGES`] pages.
pub fn lay_out(text: &str, options: &Options) -> Result<Laid, Vec<Diagnostic>> {
    let input::Prepared {
        resume,
        style,
        mut warnings,
        source,
    } = input::prepare_for(text, &options.overrides, &options.select)?;
    let fitted = match fit::fit(&resume, &style) {
        Ok(fitted) => fitted,
        Err(fit::Unfit::Errors(errs)) => return Err(errs),
        Err(fit::Unfit::Long) => {
            return Err(vec![Diagnostic::error(
                Pos::UNKNOWN,
                format!("the resume would take more than {MAX_PAGES} pages; vitae sets at most {MAX_PAGES}"),
            )]);
        }
    };
    // Only a library caller's `fit_pages` over MAX_PAGES gets here past the limit.
    if fitted.doc.pages.len() > MAX_PAGES {
        return Err(vec![Diagnostic::error(
            Pos::UNKNOWN,
            format!(
                "the resume would take {} pages; vitae sets at most {MAX_PAGES}",
                fitted.doc.pages.len()
            ),
        )]);
    }
    warnings.extend(fitted.warnings);
    Ok(Laid {
        resume,
        style: fitted.style,
        doc: fitted.doc,
        warnings,
        notes: fitted.notes,
        source,
    })
}

/// One written output of [`render`]: its format and its files' bytes (one file, or
/// one PNG per page).
#[derive(Clone, Debug)]
pub struct Rendered {
    /// The format.
    pub format: write::Format,
    /// The bytes of each file: one, or for PNG one per page in page order.
    pub files: Vec<Vec<u8>>,
}

/// Writes one laid-out resume in each of `formats`, laid out once: the PDF (written
/// once, and rendered for PNG), the web page, Markdown, plain text; PNG pages at
/// `dpi` dots per inch.
///
/// # Errors
/// An internal error if the PDF cannot be written or rendered (every other format
/// writes whatever the PDF accepts).
pub fn render(laid: &Laid, formats: &[write::Format], date: Option<i64>, dpi: f64) -> Result<Vec<Rendered>, String> {
    use write::Format;
    let needs_pdf = formats.iter().any(|f| matches!(f, Format::Pdf | Format::Png));
    let pdf = if needs_pdf {
        Some(pdf::export_dated(&laid.doc, &laid.resume.pdf, date)?)
    } else {
        None
    };
    let mut out = Vec::new();
    for &format in formats {
        let files = match format {
            Format::Pdf => vec![pdf.clone().unwrap_or_default()],
            Format::Png => write::png::pages(pdf.as_deref().unwrap_or_default(), dpi)?,
            Format::Html => vec![write::html::html(&laid.resume, &laid.style, &laid.doc).into_bytes()],
            Format::Markdown => vec![write::markdown::markdown(&laid.resume, &laid.style).into_bytes()],
            Format::Text => vec![write::text::text(&laid.resume, &laid.style).into_bytes()],
            Format::Json => vec![
                model::jsonresume::export::export(&laid.source)
                    .map_err(|d| format!("the JSON Resume could not be written: {}", d.message))?
                    .into_bytes(),
            ],
        };
        out.push(Rendered { format, files });
    }
    Ok(out)
}

/// The result of a successful build in several formats.
#[derive(Clone, Debug)]
pub struct Built {
    /// Each format's files, in the order asked.
    pub outputs: Vec<Rendered>,
    /// Number of pages.
    pub pages: usize,
    /// Warnings (the outputs were written nevertheless).
    pub warnings: Vec<Diagnostic>,
    /// What the build decided for the user to know (as [`Output::notes`]).
    pub notes: Vec<String>,
}

/// Builds a resume into each of `formats` (laid out once; [`render`]); the PDF is
/// the one [`compile`] writes.
///
/// # Errors
/// As [`compile`].
pub fn compile_formats(
    text: &str,
    options: &Options,
    formats: &[write::Format],
    dpi: f64,
) -> Result<Built, Vec<Diagnostic>> {
    let mut laid = lay_out(text, options)?;
    if options.deny_warnings && !laid.warnings.is_empty() {
        for w in &mut laid.warnings {
            w.severity = Severity::Error;
        }
        return Err(laid.warnings);
    }
    let outputs = render(&laid, formats, options.date, dpi).map_err(|m| vec![Diagnostic::error(Pos::UNKNOWN, m)])?;
    Ok(Built {
        outputs,
        pages: laid.doc.pages.len(),
        warnings: laid.warnings,
        notes: laid.notes,
    })
}

/// Builds a resume into PDF bytes.
///
/// # Errors
/// The input's problems (or, with `deny_warnings`, its warnings turned errors); an
/// internal error if the PDF cannot be written.
pub fn compile(text: &str, options: &Options) -> Result<Output, Vec<Diagnostic>> {
    let Laid {
        resume,
        doc,
        mut warnings,
        notes,
        ..
    } = lay_out(text, options)?;
    if options.deny_warnings && !warnings.is_empty() {
        for w in &mut warnings {
            w.severity = Severity::Error;
        }
        return Err(warnings);
    }
    let pdf =
        pdf::export_dated(&doc, &resume.pdf, options.date).map_err(|m| vec![Diagnostic::error(Pos::UNKNOWN, m)])?;
    Ok(Output {
        pdf,
        pages: doc.pages.len(),
        warnings,
        notes,
    })
}
