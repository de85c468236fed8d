//! YAML text → the serde mirror (`raw`) → a validated [`Resume`]: parsing, with
//! budgets against alias bombs and deep nesting, and serde's errors in the format's
//! terms.

use super::design::Design;
use super::raw::*;
use super::validate::Validator;
use super::{MAX_INPUT_BYTES, Resume};
use crate::diag::{Diagnostic, Pos, closest};
use serde_saphyr::Spanned;

/// Why a document did not load: its errors, the warnings found on the way, and its
/// `design` when that could be read, so that the design's own errors can be reported
/// with the others ([`crate::style::resolve`]).
#[derive(Clone, Debug)]
pub struct Failure {
    /// The errors, in the order found.
    pub errors: Vec<Diagnostic>,
    /// Warnings found while validating (none when the YAML did not parse).
    pub warnings: Vec<Diagnostic>,
    /// The `design` mapping, when it could be read.
    pub design: Option<Box<Design>>,
    /// The YAML itself did not parse (a syntax or type error): `errors` holds that
    /// one error and nothing was validated.
    pub syntax: bool,
}

impl Failure {
    fn whole(d: Diagnostic) -> Failure {
        Failure {
            errors: vec![d],
            warnings: Vec::new(),
            design: None,
            syntax: true,
        }
    }
}

/// The checks made before parsing: the size, and that the document holds more than
/// comments. Returns the text without a leading byte-order mark.
///
/// # Errors
/// A text over [`MAX_INPUT_BYTES`], or one of blank and comment lines only.
pub fn precheck(text: &str) -> Result<&str, Diagnostic> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.len() > MAX_INPUT_BYTES {
        return Err(Diagnostic::error(
            Pos::UNKNOWN,
            format!(
                "the input is {} bytes; at most {MAX_INPUT_BYTES} are accepted",
                text.len()
            ),
        ));
    }
    if text
        .lines()
        .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'))
    {
        return Err(Diagnostic::error(
            Pos::UNKNOWN,
            "the document is empty (expected a mapping with at least `name` and `sections`)",
        ));
    }
    Ok(text)
}

/// Parses and validates a resume in vitae's format.
///
/// # Errors
/// Every problem found, each with the line and column of the offending YAML value
/// (or [`Pos::UNKNOWN`] for an empty document). YAML syntax errors and type errors
/// stop at the first; rule violations are collected. The design is not checked here
/// (see [`Failure::design`]).
pub fn load(text: &str) -> Result<Resume, Failure> {
    let text = precheck(text).map_err(Failure::whole)?;
    let options = yaml_options();
    let raw: RawResume = match serde_saphyr::from_str_with_options(text, options.clone()) {
        Ok(r) => r,
        Err(e) => {
            // The design is read on its own, so that its errors are reported too.
            let design = match serde_saphyr::from_str_with_options::<DesignOnly>(text, options) {
                Ok(DesignOnly { design: Some(d) }) => Some(Box::new(Design::from_raw(&d.value))),
                _ => None,
            };
            return Err(Failure {
                design,
                ..Failure::whole(yaml_error(&e, text))
            });
        }
    };
    let mut v = Validator::new(
        raw.design
            .as_ref()
            .map_or_else(Design::default, |d| Design::from_raw(&d.value)),
    );
    let resume = v.resume(raw);
    let (empty_errors, empty_warnings) = super::mistakes::empty_values(text);
    v.errs.extend(empty_errors);
    v.warnings.extend(empty_warnings);
    v.warnings.extend(super::mistakes::folded_bullets(text));
    match resume {
        Some(mut r) if v.errs.is_empty() => {
            r.warnings = v.warnings;
            Ok(r)
        }
        _ => Err(Failure {
            errors: v.errs,
            warnings: v.warnings,
            design: Some(Box::new(v.design)),
            syntax: false,
        }),
    }
}

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

/// The name of the alias (`*name`) written at `pos`, if one is.
fn alias_at(source: &str, pos: Pos) -> Option<String> {
    let line = source.lines().nth((pos.line as usize).checked_sub(1)?)?;
    let rest: String = line.chars().skip(pos.column.saturating_sub(1) as usize).collect();
    let name: String = rest
        .strip_prefix('*')?
        .chars()
        .take_while(|c| !c.is_whitespace() && !",[]{}".contains(*c))
        .collect();
    (!name.is_empty()).then_some(name)
}

/// Whether the document uses an alias: a `*name` after a space, a line start or a
/// flow indicator, whose anchor `&name` is written too.
fn has_aliases(source: &str) -> bool {
    let mut prev = ' ';
    for (i, c) in source.char_indices() {
        if c == '*' && (prev.is_whitespace() || "[{,:-".contains(prev)) {
            let name: String = source[i + 1..]
                .chars()
                .take_while(|c| !c.is_whitespace() && !",[]{}".contains(*c))
                .collect();
            if !name.is_empty() && source.contains(&format!("&{name}")) {
                return true;
            }
        }
        prev = c;
    }
    false
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
    msg = msg
        .replace("invalid type: ", "wrong type: ")
        .replace("unknown field", "unknown key")
        .replace("missing field", "missing key");
    for (from, to) in [
        (
            "expected sequence start",
            "wrong type: expected a list (a YAML sequence, one `- item` per line)",
        ),
        (
            "expected mapping start",
            "wrong type: expected a mapping (`key: value` lines)",
        ),
    ] {
        if msg.contains(from) {
            msg = to.to_string();
        }
    }
    if msg.starts_with("wrong type")
        && let Some(key) = key_before(source, pos)
    {
        msg = format!("`{key}`: {msg}");
    }
    if msg.contains("recursion limit exceeded") {
        msg = "the document nests deeper than a resume can (YAML lists and mappings more than 32 levels deep)"
            .to_string();
    }
    if msg.contains("invalid boolean") {
        let key = key_before(source, pos);
        msg = format!(
            "{}wrong type: expected `true` or `false`",
            key.map(|k| format!("`{k}`: ")).unwrap_or_default()
        );
    }
    if msg.contains("multiple YAML documents detected") {
        msg = "the file holds more than one YAML document (a line `---` starts another); a resume is one document"
            .to_string();
    }
    if let Some(value) = msg
        .strip_prefix("non-finite float `")
        .and_then(|r| r.strip_suffix("` rejected by the configured policy"))
    {
        msg = format!("`{value}` is not a number vitae accepts");
    }
    if msg == "invalid floating point" {
        msg = format!(
            "{}wrong type: expected a number such as 1.2",
            key_before(source, pos).map(|k| format!("`{k}`: ")).unwrap_or_default()
        );
    }
    if msg.contains("recursive references require weak recursion types") {
        msg = match alias_at(source, pos) {
            Some(name) => format!(
                "the alias `*{name}` is inside the value its anchor `&{name}` names: a value cannot contain itself"
            ),
            None => {
                "an alias (`*name`) is inside the value its anchor names: a value cannot contain itself".to_string()
            }
        };
    }
    if msg.contains("tabs disallowed") {
        msg = "a tab character in indentation (YAML indents with spaces only)".to_string();
    }
    if msg.contains("found a tab") {
        // YAML forbids tabs in indentation: point at the tab itself.
        let start: usize = source
            .lines()
            .take(pos.line.saturating_sub(1) as usize)
            .map(|l| l.len() + 1)
            .sum();
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
    let line_at = source.lines().nth(pos.line.saturating_sub(1) as usize).unwrap_or("");
    let value_at: String = line_at.chars().skip(pos.column.saturating_sub(1) as usize).collect();
    if msg == "expected string scalar" && value_at.contains(": ") {
        // `- Stack: Rust and Go` in a list of text: a mapping where text was expected.
        msg = "wrong type: expected text, found a mapping (`key: value`)".to_string();
    }
    let mut d = Diagnostic::error(pos, msg.clone());
    if msg.starts_with("wrong type: expected text, found a mapping") {
        let item = if line_at.trim_start().starts_with("- ") {
            "- "
        } else {
            ""
        };
        d = d.with_hint(format!(
            "if this is text, put the whole value in quotes: a colon followed by a space inside a value starts a mapping: {item}\"{}\"",
            value_at.trim().replace('"', "\\\"")
        ));
    }
    if let Some(key) = msg
        .strip_prefix("duplicate key `")
        .and_then(|r| r.split('`').next())
        .filter(|k| *k == "title" && !line_at.trim_start().starts_with("- "))
    {
        // `title:` twice in one entry: the second most likely starts the next entry.
        d = d.with_hint(format!(
            "a `-` probably starts a new entry on line {}: `- {key}: …` (each entry of a list begins with `- `)",
            pos.line
        ));
    }
    if msg.ends_with("wrong type: expected `true` or `false`") {
        d = d.with_hint("use true or false (vitae reads YAML 1.2, where `yes` and `no` are text)");
    }
    const QUOTE: &str = "if this is text, put the whole value in quotes";
    if msg.contains("alias references unknown anchor") {
        d.message =
            "a value starting with `*` is read as a YAML alias (`*name`), and there is no anchor of that name".into();
        d = d.with_hint(format!("{QUOTE}: \"**Led** the team\""));
    } else if msg.contains("wrong type: map")
        || msg.starts_with("unknown key `") && msg[13..].split('`').next().is_some_and(|k| k.contains(' '))
    {
        d = d.with_hint(format!(
            "{QUOTE}: a colon followed by a space inside a value starts a mapping"
        ));
    } else if let Some((key, value)) = source
        .lines()
        .nth(pos.line.saturating_sub(1) as usize)
        .filter(|l| msg.contains("mapping values are not allowed") && l.matches(": ").count() > 1)
        .and_then(|l| l.trim_start().trim_start_matches("- ").split_once(": "))
    {
        // `title: A: B`: a second `: ` on the line, inside the value.
        d = d.with_hint(format!(
            "{QUOTE}: a colon followed by a space inside a value starts a mapping: {key}: \"{}\"",
            value.trim().replace('"', "\\\"")
        ));
    } else if msg.contains("did not find expected") || msg.contains("mapping values are not allowed") {
        d = d.with_hint("check the indentation of this line and the one above: the keys of one mapping, and the `-` items of one list, start in the same column");
    }
    if d.message.starts_with("a tab character") {
        d = d.with_hint("replace the tab with spaces (most editors can be set to insert spaces for Tab)");
    }
    if let Some(rest) = msg.strip_prefix("unknown key `")
        && let Some((key, expected)) = rest.split_once('`')
    {
        let list = expected.split_once("expected one of ").map_or("", |(_, l)| l);
        let cands: Vec<&str> = list
            .split(',')
            .map(|c| c.trim().trim_matches('`'))
            .filter(|c| !c.is_empty())
            .collect();
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
        d.message = if has_aliases(source) {
            format!(
                "the document expands to more data than a resume holds: with its aliases (`*name`) expanded, {which}"
            )
        } else if msg.contains("Depth") {
            "the document nests deeper than a resume can (YAML lists and mappings more than 32 levels deep)".to_string()
        } else {
            "the document holds more data than a resume does: it holds more than 100,000 values".to_string()
        };
    }
    d
}
