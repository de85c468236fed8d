#![warn(missing_docs)]
#![forbid(unsafe_code)]
//! vitae: a resume written in YAML, typeset into a PDF.
//!
//! # Steps
//! 1. [`model::load`]: YAML text → a validated [`model::Resume`] (serde-saphyr; every
//!    error carries the line and column of the offending value). Inline markup is
//!    parsed here ([`markup`]), so that a bad link is reported against its line. A
//!    JSON Resume ([`model::jsonresume`]) is mapped onto the format first, its
//!    positions kept.
//! 2. [`layout::layout`]: resume → pages of positioned glyph runs, rules and link
//!    rectangles ([`layout::Document`]). Paragraphs go through [`inline`]: words
//!    shaped with the real font ([`text`]), boxes, glue and penalties, lines chosen by
//!    [`linebreak`] (Knuth & Plass's model).
//! 3. [`pdf::export`]: display list → PDF bytes (printpdf; fonts subset with
//!    ToUnicode).
//!
//! Units: every length is in points (pt, 1/72 in). Layout space has its origin at the
//! page's top-left corner with y growing down; only [`pdf`] flips to PDF user space.
//! The library never touches the terminal, and reads no file but the fonts a resume
//! asks for by path or by installed family ([`text::resolve`]): [`compile`] takes the
//! input text and returns bytes and diagnostics.

pub mod diag;
pub mod geom;
pub mod inline;
pub mod lang;
pub mod layout;
pub mod linebreak;
pub mod markup;
pub mod model;
pub mod pdf;
pub mod schema;
pub mod text;

use diag::{Diagnostic, Pos, Severity};

/// Options of one build.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Treat warnings (e.g. a character no font covers) as errors.
    pub deny_warnings: bool,
    /// Fit into this many pages, overriding `design.fit_pages` (the CLI's
    /// `--fit-pages`).
    pub fit_pages: Option<u32>,
    /// Page size in pt (width, height), overriding `design.page` (`--page`).
    pub page: Option<(f64, f64)>,
    /// Body size in pt, overriding `design.font_size` (`--font-size`).
    pub font_size: Option<f64>,
    /// The PDF's creation date as a Unix time (`SOURCE_DATE_EPOCH`); `None`: no date.
    pub date: Option<i64>,
    /// A theme replacing `design.theme` (`--theme`); the file's other design keys
    /// still override it.
    pub theme: Option<model::Theme>,
    /// The folder `design.font` paths are relative to (the resume's folder; `None`:
    /// the current folder). Resolving a font is the one place the library reads
    /// files: the font files the resume names, or the system's font folders.
    pub base_dir: Option<std::path::PathBuf>,
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

/// A laid-out resume: the validated input, its display list, warnings and notes.
#[derive(Clone, Debug)]
pub struct Laid {
    /// The resume, its design as set (after fitting, the scaled font size).
    pub resume: model::Resume,
    /// The display list.
    pub doc: layout::Document,
    /// Warnings from validation and layout.
    pub warnings: Vec<Diagnostic>,
    /// Notes such as the size `fit_pages` chose.
    pub notes: Vec<String>,
}

/// The most pages vitae sets: a longer document is not a resume (and would take long).
pub const MAX_PAGES: usize = 200;

/// The smallest scale `fit_pages` may apply to the type and its spacing: 85 %.
pub const FIT_MIN_SCALE: f64 = 0.85;
/// The smallest body size `fit_pages` may reach, pt.
pub const FIT_MIN_SIZE: f64 = 8.0;
/// The tightest line spacing `fit_pages` may reach (a multiple of the size): below
/// 1.15 the descenders of Charis SIL's accented and tall letters begin to touch the
/// ascenders of the line below.
pub const FIT_MIN_LINE_SPACING: f64 = 1.15;
/// The precision of the fitted scale: bisection stops when the bounds are this close.
pub const FIT_STEP: f64 = 0.005;

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
    let laid = lay_out(text, &Options::default())?;
    Ok((laid.resume, laid.doc, laid.warnings))
}

/// Parses, validates and lays out a resume, fitting it to a page count when asked.
///
/// `fit_pages` (from the options or `design.fit_pages`) looks for the largest scale s
/// in [85 %, 100 %] at which the resume takes at most that many pages: the body size
/// and with it every size and vertical space times s (never a body below 8 pt), and
/// the line spacing times s (never below 1.15). By bisection to 0.5 %, laying
/// the resume out again at each step. A resume that already fits is left at 100 %.
///
/// # Errors
/// The input's problems; or, with `fit_pages`, a resume that needs more pages even at
/// the smallest scale (the error names how many).
pub fn lay_out(text: &str, options: &Options) -> Result<Laid, Vec<Diagnostic>> {
    let ctx = model::Context { base_dir: options.base_dir.clone(), theme: options.theme };
    let mut resume = model::load_with(text, &ctx)?;
    if let Some((w, h)) = options.page {
        (resume.design.page_width, resume.design.page_height) = (w, h);
    }
    if let Some(size) = options.font_size {
        resume.design.font_size = size;
    }
    let fit = options.fit_pages.map(|n| (n, Pos::UNKNOWN)).or(resume.design.fit_pages);
    let base = resume.design.font_size;
    let base_spacing = resume.design.line_spacing;
    let at = |resume: &mut model::Resume, scale: f64| {
        resume.design.font_size = base * scale;
        resume.design.line_spacing = (base_spacing * scale).max(FIT_MIN_LINE_SPACING.min(base_spacing));
        layout::layout(resume)
    };
    let mut notes = Vec::new();
    let (doc, layout_warnings) = match fit {
        None => layout::layout(&resume),
        Some((n, pos)) => {
            let pages = |d: &layout::Document| d.pages.len() as u32;
            let full = at(&mut resume, 1.0);
            let (chosen, laid) = if pages(&full.0) <= n {
                (1.0, full)
            } else {
                let min = FIT_MIN_SCALE.max(FIT_MIN_SIZE / base).min(1.0);
                let smallest = at(&mut resume, min);
                if pages(&smallest.0) > n {
                    let need = pages(&smallest.0);
                    return Err(vec![Diagnostic::error(
                        pos,
                        format!(
                            "fit_pages: the resume cannot fit in {n} page{}: it needs {need} pages even at the smallest size ({:.0} %, {:.1} pt)",
                            if n == 1 { "" } else { "s" },
                            min * 100.0,
                            base * min
                        ),
                    )
                    .with_hint("shorten it, or ask for more pages")]);
                }
                let (mut lo, mut hi, mut best) = (min, 1.0, smallest);
                while hi - lo > FIT_STEP {
                    let mid = (lo + hi) / 2.0;
                    let trial = at(&mut resume, mid);
                    if pages(&trial.0) <= n {
                        lo = mid;
                        best = trial;
                    } else {
                        hi = mid;
                    }
                }
                (lo, best)
            };
            resume.design.font_size = base * chosen;
            resume.design.line_spacing = (base_spacing * chosen).max(FIT_MIN_LINE_SPACING.min(base_spacing));
            let got = pages(&laid.0);
            notes.push(format!("fitted to {got} page{} at {:.1} pt ({:.0} %)", if got == 1 { "" } else { "s" }, base * chosen, chosen * 100.0));
            laid
        }
    };
    if doc.pages.len() > MAX_PAGES {
        return Err(vec![Diagnostic::error(Pos::UNKNOWN, format!("the resume would take {} pages; vitae sets at most {MAX_PAGES}", doc.pages.len()))]);
    }
    let mut warnings = resume.warnings.clone();
    warnings.extend(layout_warnings);
    Ok(Laid { resume, doc, warnings, notes })
}

/// Builds a resume into PDF bytes.
///
/// # Errors
/// The input's problems (or, with `deny_warnings`, its warnings turned errors); an
/// internal error if the PDF cannot be written.
pub fn compile(text: &str, options: &Options) -> Result<Output, Vec<Diagnostic>> {
    let Laid { resume, doc, mut warnings, notes } = lay_out(text, options)?;
    if options.deny_warnings && !warnings.is_empty() {
        for w in &mut warnings {
            w.severity = Severity::Error;
        }
        return Err(warnings);
    }
    let pdf = pdf::export_dated(&doc, &resume.pdf, options.date).map_err(|m| vec![Diagnostic::error(Pos::UNKNOWN, m)])?;
    Ok(Output { pdf, pages: doc.pages.len(), warnings, notes })
}
