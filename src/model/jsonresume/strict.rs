//! JSON as JSON: a document written in JSON is read by the YAML parser (JSON is
//! YAML), which accepts what JSON does not — a trailing comma (`[1, 2,]`, YAML 1.2
//! §7.4 allows one in flow collections; RFC 8259 §4–5 does not). A document whose
//! text starts with `{` followed by a double-quoted key is taken as JSON and must be
//! valid JSON: a trailing comma is an error at the comma, any other mistake an error
//! at the position serde_json reports.

use crate::diag::{Diagnostic, Pos};

/// Whether `text` is written in JSON: its first character (after white space) is
/// `{` and the next one that is not white space is `"` or `}`.
pub(super) fn looks_like_json(text: &str) -> bool {
    let mut rest = text.trim_start().chars();
    rest.next() == Some('{') && matches!(rest.find(|c| !c.is_whitespace()), Some('"' | '}'))
}

/// The first way `text` (written in JSON) is not valid JSON, as an error at its
/// line and column (1-based, in characters).
pub(super) fn check(text: &str) -> Option<Diagnostic> {
    if let Some((comma, closer)) = trailing_comma(text) {
        let what = if closer == '}' { "object" } else { "array" };
        return Some(
            Diagnostic::error(
                position(text, comma),
                format!("trailing comma: in JSON a `,` must be followed by another value, not by the `{closer}` that ends the {what}"),
            )
            .with_hint("remove the comma"),
        );
    }
    let e = serde_json::from_str::<serde::de::IgnoredAny>(text).err()?;
    let column = u32::try_from(e.column()).unwrap_or(u32::MAX);
    let line = u32::try_from(e.line()).unwrap_or(u32::MAX);
    // serde_json's message ends with " at line L column C": the position is given apart.
    let msg = e.to_string();
    let msg = msg
        .rsplit_once(" at line ")
        .map_or(msg.as_str(), |(m, _)| m)
        .to_string();
    Some(Diagnostic::error(
        Pos::new(line, column.max(1)),
        format!("invalid JSON: {msg}"),
    ))
}

/// The byte offset of the first comma that is followed, after white space only, by
/// `}` or `]` outside a string, with that closer.
fn trailing_comma(text: &str) -> Option<(usize, char)> {
    let mut in_string = false;
    let mut escaped = false;
    let mut comma: Option<usize> = None;
    for (i, c) in text.char_indices() {
        if in_string {
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                comma = None;
            }
            ',' => comma = Some(i),
            '}' | ']' => {
                if let Some(at) = comma {
                    return Some((at, c));
                }
            }
            c if c.is_whitespace() => {}
            _ => comma = None,
        }
    }
    None
}

/// The 1-based line and column (in characters) of byte offset `at` in `text`.
fn position(text: &str, at: usize) -> Pos {
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    Pos::new(
        u32::try_from(line).unwrap_or(u32::MAX),
        u32::try_from(column).unwrap_or(u32::MAX),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_trailing_comma_is_an_error_at_the_comma() {
        let text = "{\n  \"basics\": {\"name\": \"Ann\"},\n}\n";
        assert!(looks_like_json(text));
        let d = check(text).expect("an error");
        assert_eq!((d.pos.line, d.pos.column), (2, 28));
        assert_eq!(
            d.message,
            "trailing comma: in JSON a `,` must be followed by another value, not by the `}` that ends the object"
        );
        let d = check("{\"a\": [1, 2 ,\n ]}").expect("an error");
        assert_eq!((d.pos.line, d.pos.column), (1, 13));
        assert!(d.message.ends_with("the `]` that ends the array"), "{}", d.message);
    }

    #[test]
    fn commas_in_strings_and_valid_json_pass() {
        assert!(check("{\"a\": \"x,}\", \"b\": [\"\\\",]\"]}").is_none());
        let d = check("{\"a\": 'x'}").expect("an error");
        assert_eq!(d.message, "invalid JSON: expected value");
        assert_eq!((d.pos.line, d.pos.column), (1, 7));
    }

    #[test]
    fn yaml_flow_style_is_not_json() {
        assert!(!looks_like_json("{basics: {name: Ann},}"));
        assert!(!looks_like_json("basics:\n  name: Ann\n"));
    }
}
