//! One source, many résumés: tags, `variants` and translated text
//! (`shared/spec/resume-format.md`, "Version 2 additions").
//!
//! A file that uses none of them is loaded as it is ([`crate::model::load`]). One that
//! does is first *expanded* for one build ([`expand`]): read once into a generic tree
//! of located values, its variant's filter applied (tags, `sections`), one language
//! chosen for every translated field, the variant's `design` and `pdf` merged over the
//! file's, and the result written as YAML in the format with nothing left to choose
//! (what `vitae expand` prints). That text is then loaded like any resume, and every
//! position the loader reports is moved back to the source through the record the
//! writer keeps ([`Expanded::position`]). So a build and the build of its expanded
//! file read the same text, and give the same PDF.

mod filter;
mod translate;
mod write;

use super::jsonresume::emit::Origins;
use super::jsonresume::tree::{Key, Node, Value};
use super::{Resume, mistakes};
use crate::diag::{Diagnostic, Pos};
pub use filter::{is_tag, keeps};

/// What one build chooses in a file with variants or translations.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Select {
    /// The variant to build (`--variant`); `None`: the whole resume, tags ignored.
    pub variant: Option<String>,
    /// The build's language (`--language`), over the variant's and `design.language`.
    pub language: Option<String>,
}

/// A variant as the file names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Variant {
    /// Its name (the key under `variants`).
    pub name: String,
    /// Its `output`, as written (relative to the resume's folder), if given.
    pub output: Option<String>,
    /// Where its name is written.
    pub pos: Pos,
}

/// A resume expanded for one build.
#[derive(Clone, Debug)]
pub struct Expanded {
    /// The expanded resume, YAML in the format (what `vitae expand` writes).
    pub yaml: String,
    /// What the expansion found that the user should know (a tag no variant names,
    /// fields without the build's language), at source positions.
    pub warnings: Vec<Diagnostic>,
    origins: Origins,
}

impl Expanded {
    /// The source position of a position in [`Expanded::yaml`] (the value starting at
    /// that column, else the first on the line, else the nearest line above).
    pub fn position(&self, pos: Pos) -> Pos {
        if !pos.is_known() {
            return pos;
        }
        self.origins.find(pos).pos
    }

    /// A diagnostic about the expanded text, moved to the source.
    pub fn diagnostic(&self, mut d: Diagnostic) -> Diagnostic {
        d.pos = self.position(d.pos);
        d
    }

    /// Moves every position in a résumé loaded from [`Expanded::yaml`] to the source.
    pub fn relocate(&self, r: &mut Resume) {
        super::jsonresume::relocate(r, &self.origins);
    }
}

/// Reads the source into the generic tree; `None` when it does not parse (the
/// loader then reports the syntax error as for any resume).
pub(crate) fn read_tree(text: &str) -> Option<Node> {
    let text = super::precheck(text).ok()?;
    serde_saphyr::from_str_with_options::<Node>(text, super::yaml_options()).ok()
}

/// Whether the document uses tags, `variants` or translated text, so that a build of
/// it must go through [`expand`]. A document that does not parse does not.
pub fn needs_expansion(text: &str) -> bool {
    read_tree(text).is_some_and(|t| filter::uses_features(&t))
}

/// [`needs_expansion`] of a document already read as a tree ([`read_tree`]).
pub(crate) fn uses_features(tree: &Node) -> bool {
    filter::uses_features(tree)
}

/// The variants a document defines, in the order written.
///
/// # Errors
/// A `variants` that is not a mapping of names to mappings, a name that is not a
/// tag-like identifier, or two variants with the same `output`: each located.
pub fn variants(text: &str) -> Result<Vec<Variant>, Vec<Diagnostic>> {
    let Some(tree) = read_tree(text) else {
        return Ok(Vec::new());
    };
    let mut errs = Vec::new();
    let list = filter::variant_list(&tree, &mut errs);
    if errs.is_empty() { Ok(list) } else { Err(errs) }
}

/// The language tags translated fields use, the first-listed first.
pub fn languages(text: &str) -> Vec<String> {
    read_tree(text).map(|t| translate::languages(&t)).unwrap_or_default()
}

/// Expands a document for one build (see the module's documentation).
///
/// # Errors
/// Every problem of tags, variants and translations, each located in the source:
/// tags that are not a list of identifiers, an unknown variant, an unknown key in a
/// variant (with a "did you mean"), a `sections` title that matches no section, a
/// variant that leaves nothing, two variants with one output, a translation whose
/// keys are not language tags vitae knows. A document that does not parse as YAML
/// gives the loader's error.
pub fn expand(text: &str, select: &Select) -> Result<Expanded, Vec<Diagnostic>> {
    let source = super::precheck(text).map_err(|d| vec![d])?;
    let tree = match serde_saphyr::from_str_with_options::<Node>(source, super::yaml_options()) {
        Ok(t) => t,
        Err(e) => return Err(vec![super::yaml_error(&e, source)]),
    };
    let Value::Map(top) = &tree.value else {
        return Err(vec![Diagnostic::error(
            tree.pos,
            "the document must be a mapping with at least `name` and `sections`",
        )]);
    };
    let mut errs = Vec::new();
    let mut warnings = Vec::new();
    // The source's own mistakes (a key with no value, folded bullets), as `load` finds them.
    let (empty_errors, empty_warnings) = mistakes::empty_values(source);
    errs.extend(empty_errors);
    warnings.extend(empty_warnings);
    warnings.extend(mistakes::folded_bullets(source));

    let variant_list = filter::variant_list(&tree, &mut errs);
    let chosen = match &select.variant {
        None => None,
        Some(name) => match filter::find_variant(top, name) {
            Some(v) => Some(v),
            None => {
                let names: Vec<&str> = variant_list.iter().map(|v| v.name.as_str()).collect();
                let mut msg = if names.is_empty() {
                    format!("no variant `{name}`: the file has no `variants`")
                } else {
                    format!(
                        "no variant `{name}` (the file has {})",
                        names.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ")
                    )
                };
                if let Some(c) = crate::diag::closest(name, &names) {
                    msg.push_str(&format!("; did you mean `{c}`?"));
                }
                return Err(vec![Diagnostic::error(Pos::UNKNOWN, msg)]);
            }
        },
    };
    let settings = chosen.map(|(k, v)| filter::Settings::read(k, v, &mut errs));
    filter::check_tags(&tree, &mut errs);
    if !variant_list.is_empty() {
        filter::tag_warnings(&tree, top, select.variant.as_deref(), &mut warnings);
    }

    // The build's language: `--language`, the variant's, `design.language`.
    let design_language = filter::get(top, "design").and_then(|d| match &d.value {
        Value::Map(m) => filter::get(m, "language").cloned(),
        _ => None,
    });
    let language: Option<(String, Pos)> = match (&select.language, settings.as_ref().and_then(|s| s.language.clone())) {
        (Some(l), _) => Some((l.clone(), Pos::UNKNOWN)),
        (None, Some(l)) => Some(l),
        (None, None) => design_language.as_ref().and_then(|n| match &n.value {
            Value::Str(s) => Some((s.clone(), n.pos)),
            _ => None,
        }),
    };
    if let Some((l, pos)) = &language
        && crate::lang::Language::from_tag(l).is_none()
    {
        errs.push(Diagnostic::error(
            *pos,
            format!(
                "language `{l}` is not one vitae knows (expected one of {})",
                translate::known_tags()
            ),
        ));
    }
    let build_language = language.as_ref().map_or("en-US", |(l, _)| l.as_str()).to_string();

    let mut out_top: Vec<(Key, Node)> = Vec::new();
    let mut tr = translate::Translator::new(&tree, &build_language);
    for (k, v) in top {
        match k.name.as_str() {
            "variants" => {}
            "sections" => {
                let sections = filter::sections(v, settings.as_ref(), &mut tr, &mut errs);
                out_top.push((k.clone(), sections));
            }
            "design" => {}
            "pdf" => {}
            _ => out_top.push((k.clone(), tr.tree(v, &k.name))),
        }
    }
    if let Some((k, _)) = chosen
        && let Some((_, sections)) = out_top.iter().find(|(k, _)| k.name == "sections")
        && matches!(&sections.value, Value::Seq(s) if s.is_empty())
        && errs.is_empty()
    {
        errs.push(Diagnostic::error(
            k.pos,
            format!(
                "variant `{}` leaves nothing: its filter drops every section (expected at least one section kept)",
                k.name
            ),
        ));
    }
    // `pdf`: the file's, the variant's keys over it, translated.
    if let Some((k, v)) = filter::merged(top, "pdf", settings.as_ref().and_then(|s| s.pdf.as_ref())) {
        let v = tr.tree(&v, "pdf");
        out_top.push((k, v));
    }
    // `design`: the file's, the variant's keys over it, `fit_pages` and the language.
    let mut design = filter::merged(top, "design", settings.as_ref().and_then(|s| s.design.as_ref()));
    if let Some(s) = &settings
        && let Some((key, fit)) = &s.fit_pages
    {
        filter::set(&mut design, key.clone(), fit.clone());
    }
    if let Some((l, pos)) = &language {
        filter::set(
            &mut design,
            Key {
                name: "language".into(),
                pos: *pos,
            },
            Node {
                pos: *pos,
                value: Value::Str(l.clone()),
            },
        );
    }
    if let Some(d) = design {
        out_top.push(d);
    }
    warnings.extend(tr.fallback_warning());
    errs.extend(tr.errors());
    if !errs.is_empty() {
        errs.sort_by_key(|d| d.pos);
        errs.dedup();
        return Err(errs);
    }

    let mut header = vec![format!(
        "Expanded by vitae from one source: {}.",
        match &select.variant {
            Some(v) => format!("variant `{v}`, language `{build_language}`"),
            None => format!("the whole resume, language `{build_language}`"),
        }
    )];
    header.push("Building this file gives the same PDF as building that variant of the source.".into());
    let mut w = write::Writer::new(&header);
    w.blank();
    for (k, v) in &out_top {
        if k.name == "sections" || k.name == "design" || k.name == "pdf" {
            w.blank();
        }
        w.top(k, v);
    }
    Ok(Expanded {
        yaml: w.out,
        warnings,
        origins: w.origins,
    })
}
