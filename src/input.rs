//! The input of a build: text → the validated [`Resume`] and its resolved [`Style`].
//!
//! [`prepare`] is the one place that knows both formats: a JSON Resume
//! ([`model::jsonresume::is_json_resume`]) is converted to vitae's YAML first, that
//! YAML is loaded like any resume ([`model::load`]), its design resolved
//! ([`style::resolve`]), and everything reported is moved back to the JSON's lines
//! and fields. The diagnostics of the model and of the style are merged here in one
//! order: errors by position, then warnings by position.

use crate::diag::Diagnostic;
use crate::model::variant::{self, Select};
use crate::model::{self, Resume, jsonresume};
use crate::style::{self, Overrides, Style};

/// A resume ready to be laid out.
#[derive(Clone, Debug)]
pub struct Prepared {
    /// The validated input.
    pub resume: Resume,
    /// Its design resolved, with the overrides applied.
    pub style: Style,
    /// The warnings of both: the style's, then the model's.
    pub warnings: Vec<Diagnostic>,
    /// The text in vitae's format that was loaded: the input, its expansion for the
    /// build's variant and language, or the YAML a JSON Resume converts to (what the
    /// JSON Resume output writes, [`jsonresume::export`]).
    pub source: String,
}

/// A JSON Resume converted to vitae's format and checked.
#[derive(Clone, Debug)]
pub struct ConvertedResume {
    /// The vitae YAML (what `vitae convert` writes).
    pub yaml: String,
    /// The resume and style loaded from it, positions moved to the JSON.
    pub prepared: Prepared,
}

/// Loads a resume in either format and resolves its style.
///
/// # Errors
/// Every problem found in the input and its design, each located (in a JSON Resume,
/// at the JSON's line and column and named by its field): errors sorted by position,
/// followed by the warnings found on the way.
pub fn prepare(text: &str, overrides: &Overrides) -> Result<Prepared, Vec<Diagnostic>> {
    prepare_for(text, overrides, &Select::default())
}

/// [`prepare`] for one build of a file with variants or translated text: a variant
/// (or the whole resume, tags ignored) in one language. A file that uses tags,
/// `variants` or translations, or a build that names a variant or a language, is
/// expanded first ([`variant::expand`]) and the expanded text loaded, its positions
/// moved back to the source.
///
/// # Errors
/// As [`prepare`], and the expansion's errors (an unknown variant, bad tags, …).
pub fn prepare_for(text: &str, overrides: &Overrides, select: &Select) -> Result<Prepared, Vec<Diagnostic>> {
    let text = model::precheck(text).map_err(|d| vec![d])?;
    // The document is read as a tree once, for both questions: is it a JSON Resume,
    // and does it use tags, variants or translations?
    let tree = variant::read_tree(text);
    let json = match &tree {
        Some(t) => jsonresume::is_json_resume_tree(text, t),
        None => jsonresume::is_json_resume(text),
    };
    if json {
        return convert_json_for(text, overrides, select).map(|c| c.prepared);
    }
    prepare_source(
        text,
        tree.as_ref().is_some_and(variant::uses_features),
        overrides,
        select,
    )
}

/// [`prepare_for`] for text in vitae's format; `features`: whether it uses tags,
/// variants or translated text ([`variant::needs_expansion`]).
fn prepare_source(
    text: &str,
    features: bool,
    overrides: &Overrides,
    select: &Select,
) -> Result<Prepared, Vec<Diagnostic>> {
    if *select == Select::default() && !features {
        return prepare_yaml(text, overrides);
    }
    let expanded = variant::expand(text, select)?;
    match prepare_yaml(&expanded.yaml, overrides) {
        Ok(mut p) => {
            expanded.relocate(&mut p.resume);
            if let Some((_, pos)) = &mut p.style.fit_pages {
                *pos = expanded.position(*pos);
            }
            let theirs = std::mem::take(&mut p.warnings);
            p.warnings = expanded.warnings.clone();
            p.warnings.extend(theirs.into_iter().map(|d| expanded.diagnostic(d)));
            p.warnings.sort_by_key(|d| d.pos);
            Ok(p)
        }
        Err(errs) => {
            let mut all: Vec<Diagnostic> = errs.into_iter().map(|d| expanded.diagnostic(d)).collect();
            all.extend(expanded.warnings.iter().cloned());
            let (mut errs, mut warnings): (Vec<_>, Vec<_>) = all
                .into_iter()
                .partition(|d| d.severity == crate::diag::Severity::Error);
            errs.sort_by_key(|d| d.pos);
            warnings.sort_by_key(|d| d.pos);
            errs.append(&mut warnings);
            Err(errs)
        }
    }
}

/// Converts a JSON Resume to vitae's YAML and checks the result as [`prepare`] does.
///
/// # Errors
/// As [`prepare`], and a document that is not a JSON Resume.
pub fn convert_json(text: &str, overrides: &Overrides) -> Result<ConvertedResume, Vec<Diagnostic>> {
    convert_json_for(text, overrides, &Select::default())
}

/// [`convert_json`] for one build (a variant, a language) of a JSON Resume whose
/// `meta.vitae` carries variants, tags or translated text (one vitae exported).
///
/// # Errors
/// As [`prepare_for`].
pub fn convert_json_for(
    text: &str,
    overrides: &Overrides,
    select: &Select,
) -> Result<ConvertedResume, Vec<Diagnostic>> {
    let c = jsonresume::convert(text)?;
    match prepare_source(&c.yaml, variant::needs_expansion(&c.yaml), overrides, select) {
        Ok(mut p) if c.errors.is_empty() => {
            c.relocate(&mut p.resume);
            if let Some((_, pos)) = &mut p.style.fit_pages
                && pos.is_known()
            {
                *pos = c.position(*pos);
            }
            let theirs = std::mem::take(&mut p.warnings);
            p.warnings = c.warnings.clone();
            p.warnings.extend(theirs.into_iter().filter_map(|d| c.diagnostic(d)));
            Ok(ConvertedResume {
                yaml: c.yaml,
                prepared: p,
            })
        }
        // The errors, then every warning: the JSON's (a did-you-mean for a misspelt
        // key may explain an error) and the generated text's.
        Ok(p) => {
            let mut errs = c.errors.clone();
            errs.sort_by_key(|d| d.pos);
            let mut warnings = c.warnings.clone();
            warnings.extend(p.warnings.into_iter().filter_map(|d| c.diagnostic(d)));
            warnings.sort_by_key(|d| d.pos);
            errs.append(&mut warnings);
            Err(errs)
        }
        Err(more) => {
            let mut all = c.errors.clone();
            all.extend(more.into_iter().filter_map(|d| c.diagnostic(d)));
            all.extend(c.warnings.iter().cloned());
            let (mut errs, mut warnings): (Vec<_>, Vec<_>) = all
                .into_iter()
                .partition(|d| d.severity == crate::diag::Severity::Error);
            errs.sort_by_key(|d| d.pos);
            warnings.sort_by_key(|d| d.pos);
            errs.append(&mut warnings);
            Err(errs)
        }
    }
}

/// Loads a resume in vitae's format and resolves its style, merging what both report.
fn prepare_yaml(text: &str, overrides: &Overrides) -> Result<Prepared, Vec<Diagnostic>> {
    match model::load(text) {
        Ok(mut resume) => match style::resolve(&resume.design, overrides) {
            Ok(mut style) => {
                let mut warnings = std::mem::take(&mut style.warnings);
                warnings.append(&mut resume.warnings);
                Ok(Prepared {
                    resume,
                    style,
                    warnings,
                    source: text.to_string(),
                })
            }
            Err(mut errs) => {
                errs.sort_by_key(|d| d.pos);
                let mut warnings = std::mem::take(&mut resume.warnings);
                warnings.sort_by_key(|d| d.pos);
                errs.append(&mut warnings);
                Err(errs)
            }
        },
        Err(f) if f.syntax => {
            // The YAML did not parse: its one error, then the design's own errors, and
            // a word that a requested fit was not attempted.
            let mut errs = f.errors;
            if let Some(design) = &f.design {
                match style::resolve(design, overrides) {
                    Err(more) => errs.extend(more),
                    Ok(Style { fit_pages: Some((n, pos)), .. }) if pos.is_known() => errs.push(Diagnostic::error(
                        pos,
                        format!("fit_pages: {n}: not attempted, because the resume has the error above (pages are counted once it builds)"),
                    )),
                    Ok(_) => {}
                }
            }
            Err(errs)
        }
        Err(f) => {
            let mut errs = f.errors;
            let mut warnings = Vec::new();
            match f.design.as_ref().map(|d| style::resolve(d, overrides)) {
                Some(Err(more)) => errs.extend(more),
                Some(Ok(mut style)) => warnings.append(&mut style.warnings),
                None => {}
            }
            warnings.extend(f.warnings);
            errs.sort_by_key(|d| d.pos);
            warnings.sort_by_key(|d| d.pos);
            errs.append(&mut warnings);
            Err(errs)
        }
    }
}
