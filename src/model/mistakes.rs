//! Mistakes that YAML accepts without a word, found on the source lines of a document
//! that parsed: a key with no value (`accent_color: #AA0000` is a key and a comment),
//! and two bullets folded into one because the second has no `-`.

use crate::diag::{Diagnostic, Pos};

/// A significant source line: its number (0-based), the column (0-based) where its
/// content starts after any `- ` item markers, whether it had one, and the content.
struct Line<'a> {
    index: usize,
    column: usize,
    item: bool,
    content: &'a str,
}

/// The lines that hold YAML content (not blank, not comments only), block scalars'
/// contents left out.
fn lines(source: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    // Inside a block scalar (`text: |`): lines indented more than this column.
    let mut block: Option<usize> = None;
    for (index, raw) in source.lines().enumerate() {
        let indent = raw.len() - raw.trim_start_matches(' ').len();
        let trimmed = raw.trim();
        if let Some(col) = block {
            if trimmed.is_empty() || indent > col {
                continue;
            }
            block = None;
        }
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let (mut column, mut content, mut item) = (indent, &raw[indent..], false);
        while let Some(rest) = content.strip_prefix("- ") {
            let rest_trimmed = rest.trim_start_matches(' ');
            column += content.len() - rest_trimmed.len();
            content = rest_trimmed;
            item = true;
        }
        if let Some((_, value)) = split_key(content) {
            let v = value.split(" #").next().unwrap_or("").trim();
            if v.starts_with('|') || v.starts_with('>') {
                block = Some(column);
            }
        }
        out.push(Line {
            index,
            column,
            item,
            content,
        });
    }
    out
}

/// `key: value` (or `key:` at the end of the line) → the key and the rest after the
/// colon; plain keys only (letters, digits, `_`, `-`).
fn split_key(content: &str) -> Option<(&str, &str)> {
    let end = content.find(':')?;
    let key = &content[..end];
    let rest = &content[end + 1..];
    let plain = !key.is_empty() && key.chars().all(|c| c.is_alphanumeric() || c == '_' || c == '-');
    (plain && (rest.is_empty() || rest.starts_with(' '))).then_some((key, rest))
}

/// The keys written with no value (`subtitle:`, `accent_color: #AA0000`): a key whose
/// line holds nothing after the colon but a comment, and whose next line is not its
/// nested value. A colour read as a comment is an error (with the quoted value to
/// write); any other empty key a warning, as vitae leaves it out.
pub fn empty_values(source: &str) -> (Vec<Diagnostic>, Vec<Diagnostic>) {
    let (mut errors, mut warnings) = (Vec::new(), Vec::new());
    let lines = lines(source);
    for (k, line) in lines.iter().enumerate() {
        let Some((key, rest)) = split_key(line.content) else {
            continue;
        };
        let rest = rest.trim();
        if !(rest.is_empty() || rest.starts_with('#')) {
            continue;
        }
        // The next line is the value when it is indented more, or is a `- ` item in
        // the key's column (a list need not be indented under its key).
        let nested = lines.get(k + 1).is_some_and(|next| {
            let dash = line_indent(source, next);
            dash > line.column || (dash == line.column && next.item)
        });
        if nested {
            continue;
        }
        let pos = Pos::new(line.index as u32 + 1, line.column as u32 + 1);
        let comment = rest.trim_start_matches('#');
        let colour: String = comment.chars().take_while(char::is_ascii_hexdigit).collect();
        if rest.starts_with('#')
            && matches!(colour.len(), 3 | 6)
            && !comment[colour.len()..].starts_with(|c: char| c.is_alphanumeric())
        {
            errors.push(Diagnostic::error(
                pos,
                format!("{key} has no value; a colour that starts with # must be quoted: \"#{colour}\""),
            ));
        } else {
            warnings.push(
                Diagnostic::warning(pos, format!("`{key}` has no value, so it is left out"))
                    .with_hint(format!("write a value after `{key}:` or remove the line")),
            );
        }
    }
    (errors, warnings)
}

/// The indentation of a line: the column of its `-` for an item line.
fn line_indent(source: &str, line: &Line<'_>) -> usize {
    let raw = source.lines().nth(line.index).unwrap_or("");
    raw.len() - raw.trim_start_matches(' ').len()
}

/// Bullets folded into one: a plain bullet (`- Led the team`) continued on the next
/// line, at the bullet's text column, by a line that begins like a bullet (a capital
/// letter), as when the second bullet's `-` is missing. YAML joins the two lines
/// into one bullet; a warning names the line.
pub fn folded_bullets(source: &str) -> Vec<Diagnostic> {
    let raw: Vec<&str> = source.lines().collect();
    let indent = |l: &str| l.len() - l.trim_start_matches(' ').len();
    let mut out = Vec::new();
    // The column of the `-` of the items of the `bullets:` list being read.
    let mut bullets: Option<usize> = None;
    let mut i = 0;
    while i < raw.len() {
        let line = raw[i];
        let trimmed = line.trim();
        let ind = indent(line);
        if trimmed.is_empty() || trimmed.starts_with('#') {
            i += 1;
            continue;
        }
        let content = trimmed.trim_start_matches("- ");
        if split_key(content).is_some_and(|(k, _)| k == "bullets") {
            bullets = Some(usize::MAX);
            i += 1;
            continue;
        }
        match bullets {
            Some(usize::MAX) if trimmed.starts_with("- ") => bullets = Some(ind),
            Some(col) if col != usize::MAX && (ind < col || (ind == col && !trimmed.starts_with("- "))) => {
                bullets = None;
            }
            _ => {}
        }
        let Some(col) = bullets.filter(|&c| c == ind && trimmed.starts_with("- ")) else {
            i += 1;
            continue;
        };
        let text = trimmed[2..].trim_start();
        let text_col = col + (trimmed.len() - text.len());
        let plain = !text.starts_with(['"', '\'', '|', '>', '[', '{']) && split_key(text).is_none();
        i += 1;
        while plain && i < raw.len() {
            let next = raw[i];
            let t = next.trim();
            if t.is_empty() || indent(next) <= col || t.starts_with("- ") {
                break;
            }
            if indent(next) == text_col && t.starts_with(|c: char| c.is_uppercase()) {
                out.push(
                    Diagnostic::warning(
                        Pos::new(i as u32 + 1, text_col as u32 + 1),
                        format!(
                            "this line continues the bullet above (YAML joins them into one): `{}`",
                            t.chars().take(40).collect::<String>()
                        ),
                    )
                    .with_hint("if it is a new bullet, start it with `- `"),
                );
            }
            i += 1;
        }
    }
    out
}
