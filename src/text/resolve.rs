//! `design.font` → a [`Family`]: a bundled family by name, a font file or a folder of
//! one family's faces (paths relative to the resume's folder), or a family installed
//! on the system (found with `fontdb`, which scans the system's font folders and
//! fontconfig's configuration).
//!
//! Faces are matched to the four styles as CSS matches them (CSS Fonts Level 4,
//! §5.2): regular is the upright face whose weight is nearest 400, bold the upright
//! face of weight 600 or more nearest 700, italic the italic or oblique face of weight
//! below 600 nearest 400, bold italic the italic face of weight 600 or more. A style
//! the family lacks is synthesised from the nearest face (slanted by a shear, made
//! bold by a stroke), with a warning: never silently the regular face.

use super::faces::{FaceId, Family, Styled, check_font_size, load_face};
use std::path::{Path, PathBuf};

/// A resolved `design.font`.
#[derive(Clone, Debug, PartialEq)]
pub struct Resolved {
    /// The family's faces per style.
    pub family: Family,
    /// The family's name as the font names it.
    pub name: String,
    /// What had to be synthesised, one sentence each (the caller turns them into
    /// warnings at the `font` key).
    pub warnings: Vec<String>,
}

/// The bundled families' names as `design.font` accepts them (any case).
pub const BUNDLED_NAMES: [(&str, &str); 4] = [
    ("serif", "Charis SIL"),
    ("charis sil", "Charis SIL"),
    ("sans", "Lato"),
    ("lato", "Lato"),
];

/// Resolves `design.font`.
///
/// `base` is the folder relative paths are resolved against (the resume's folder;
/// `None`: the current folder).
///
/// # Errors
/// A sentence naming what was looked for and where: a path that exists but holds no
/// readable font, a folder with faces of several families, or a name that is neither
/// bundled, nor a file or folder, nor an installed family (with the nearest installed
/// family's name when one is close).
pub fn resolve(spec: &str, base: Option<&Path>) -> Result<Resolved, String> {
    let spec = spec.trim();
    let lower = spec.to_lowercase();
    if let Some(&(_, name)) = BUNDLED_NAMES.iter().find(|(k, _)| *k == lower) {
        let family = if name == "Lato" { Family::SANS } else { Family::SERIF };
        return Ok(Resolved {
            family,
            name: name.to_string(),
            warnings: Vec::new(),
        });
    }
    let path = match base {
        Some(b) if !Path::new(spec).is_absolute() => b.join(spec),
        _ => PathBuf::from(spec),
    };
    let mut db = fontdb::Database::new();
    if path.is_file() {
        check_font_size(&path)?;
        db.load_font_file(&path)
            .map_err(|e| format!("cannot read the font file {} ({e})", path.display()))?;
        if db.is_empty() {
            return Err(format!(
                "{} is not a font vitae can read (expected a TrueType or OpenType file: .ttf, .otf or .ttc)",
                path.display()
            ));
        }
        return from_faces(db.faces().collect(), &path.display().to_string());
    }
    if path.is_dir() {
        check_folder(&path, &mut Vec::new(), 0)?;
        db.load_fonts_dir(&path);
        if db.is_empty() {
            return Err(format!(
                "the folder {} holds no font file vitae can read (expected .ttf, .otf or .ttc files)",
                path.display()
            ));
        }
        let mut names: Vec<String> = db
            .faces()
            .filter_map(|f| f.families.first().map(|n| n.0.clone()))
            .collect();
        names.sort();
        names.dedup();
        if names.len() > 1 {
            return Err(format!(
                "the folder {} holds faces of {} families ({}); a font folder must hold one family's faces",
                path.display(),
                names.len(),
                names.join(", ")
            ));
        }
        return from_faces(db.faces().collect(), &path.display().to_string());
    }
    db.load_system_fonts();
    let faces: Vec<&fontdb::FaceInfo> = db
        .faces()
        .filter(|f| f.families.iter().any(|(n, _)| n.to_lowercase() == lower))
        .collect();
    if !faces.is_empty() {
        return from_faces(faces, spec);
    }
    let mut installed: Vec<String> = db
        .faces()
        .filter_map(|f| f.families.first().map(|n| n.0.clone()))
        .collect();
    installed.sort();
    installed.dedup();
    let mut known: Vec<&str> = vec!["serif", "sans"];
    known.extend(installed.iter().map(String::as_str));
    let hint = crate::diag::closest(spec, &known).map_or(String::new(), |c| format!("; did you mean `{c}`?"));
    Err(format!(
        "no font `{spec}`: it is not a bundled family (`serif`, `sans`), there is no file or folder {}, and no installed family has that name ({} installed{}){hint}",
        path.display(),
        installed.len(),
        if installed.is_empty() {
            ""
        } else {
            "; `vitae fonts` lists them"
        }
    ))
}

/// Checks the size of every font file fontdb would read in the folder `dir` (files
/// ending `.ttf`, `.ttc`, `.otf`, `.otc`, in its subfolders too) before any is read.
fn check_folder(dir: &Path, seen: &mut Vec<PathBuf>, depth: usize) -> Result<(), String> {
    let Ok(canon) = std::fs::canonicalize(dir) else {
        return Ok(());
    };
    if depth > 32 || seen.contains(&canon) {
        return Ok(());
    }
    seen.push(canon);
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Ok(());
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let Ok(meta) = std::fs::metadata(&path) else {
            continue;
        };
        if meta.is_dir() {
            check_folder(&path, seen, depth + 1)?;
        } else if meta.is_file()
            && path
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| ["ttf", "ttc", "otf", "otc"].contains(&e.to_ascii_lowercase().as_str()))
        {
            check_font_size(&path)?;
        }
    }
    Ok(())
}

/// The families installed on the system, sorted, each once (the names `design.font`
/// accepts besides the bundled ones).
pub fn installed() -> Vec<String> {
    let mut db = fontdb::Database::new();
    db.load_system_fonts();
    let mut names: Vec<String> = db
        .faces()
        .filter_map(|f| f.families.first().map(|n| n.0.clone()))
        .collect();
    names.sort();
    names.dedup();
    names
}

/// The face for a style: of the right slant and weight class, the one of normal width
/// (or nearest it) whose weight is nearest 400 (regular) or 700 (bold); ties go to
/// the PostScript name that sorts first, so the choice does not depend on the order
/// the system lists its fonts in.
fn pick<'a>(faces: &[&'a fontdb::FaceInfo], italic: bool, bold: bool) -> Option<&'a fontdb::FaceInfo> {
    let target: i32 = if bold { 700 } else { 400 };
    faces
        .iter()
        .filter(|f| (f.style != fontdb::Style::Normal) == italic && (f.weight.0 >= 600) == bold)
        .min_by_key(|f| {
            (
                (f.stretch.to_number() as i32 - 5).abs(),
                (f.weight.0 as i32 - target).abs(),
                f.post_script_name.clone(),
            )
        })
        .copied()
}

/// Loads the faces chosen for the four styles from `faces` (one family's) and
/// synthesises the missing styles.
fn from_faces(faces: Vec<&fontdb::FaceInfo>, looked_for: &str) -> Result<Resolved, String> {
    let name = faces
        .first()
        .and_then(|f| f.families.first())
        .map_or_else(|| looked_for.to_string(), |n| n.0.clone());
    let load = |f: &fontdb::FaceInfo| -> Result<FaceId, String> {
        match &f.source {
            fontdb::Source::File(p) => load_face(p, f.index),
            _ => Err(format!("the font {} is not in a file", f.post_script_name)),
        }
    };
    let regular = pick(&faces, false, false)
        .or_else(|| pick(&faces, false, true))
        .or_else(|| pick(&faces, true, false))
        .or_else(|| faces.first().copied());
    let Some(regular) = regular else {
        return Err(format!("{looked_for} holds no font face"));
    };
    let reg = load(regular)?;
    let plain = |id| Styled::plain(id);
    let mut missing: Vec<(&str, &str)> = Vec::new();
    let bold = match pick(&faces, false, true) {
        Some(f) => plain(load(f)?),
        None => {
            missing.push(("bold", "bold by stroking the regular face"));
            Styled {
                id: reg,
                fake_bold: true,
                fake_italic: false,
            }
        }
    };
    let italic = match pick(&faces, true, false) {
        Some(f) => plain(load(f)?),
        None => {
            missing.push(("italic", "italic by slanting the regular face 12°"));
            Styled {
                id: reg,
                fake_bold: false,
                fake_italic: true,
            }
        }
    };
    let bold_italic = match pick(&faces, true, true) {
        Some(f) => plain(load(f)?),
        None => {
            if !bold.fake_bold {
                missing.push(("bold italic", "bold italic by slanting the bold face 12°"));
                Styled {
                    id: bold.id,
                    fake_bold: false,
                    fake_italic: true,
                }
            } else if !italic.fake_italic {
                missing.push(("bold italic", "bold italic by stroking the italic face"));
                Styled {
                    id: italic.id,
                    fake_bold: true,
                    fake_italic: false,
                }
            } else {
                missing.push(("bold italic", "bold italic by stroking and slanting the regular face"));
                Styled {
                    id: reg,
                    fake_bold: true,
                    fake_italic: true,
                }
            }
        }
    };
    let mut warnings = if missing.is_empty() {
        Vec::new()
    } else {
        let join = |v: Vec<&str>| match v.len() {
            1 => v[0].to_string(),
            _ => format!("{} and {}", v[..v.len() - 1].join(", "), v[v.len() - 1]),
        };
        let styles = join(missing.iter().map(|m| m.0).collect()).replace(" and ", " or ");
        vec![format!(
            "the font `{name}` has no {styles} face: vitae synthesises {}",
            join(missing.iter().map(|m| m.1).collect())
        )]
    };
    // A family for another script (Noto Serif Hebrew) leaves Latin text to the
    // fallback: say so rather than let the choice seem to do nothing.
    let f = super::faces::font(reg);
    let absent: String = ('a'..='z').filter(|&c| !f.covers(c)).collect();
    if !absent.is_empty() {
        warnings.push(format!(
            "the font `{name}` has no Latin letters ({}): Latin text is set in the fallback, DejaVu Sans",
            if absent.len() == 26 {
                "a–z".to_string()
            } else {
                absent
            }
        ));
    }
    Ok(Resolved {
        family: Family {
            faces: [plain(reg), bold, italic, bold_italic],
        },
        name,
        warnings,
    })
}
