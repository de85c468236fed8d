//! Diagnostics: errors and warnings located in the input file.
//!
//! Every fallible stage returns [`Diagnostic`]s; only the binary prints them. A
//! diagnostic carries a 1-based line and column ([`Pos`]) into the YAML source, a
//! message in the shape "what is wrong (what was expected)", and optional hints.
//! [`Diagnostic::render`] formats it as `file:line:col: error: message`, followed by the
//! offending source line and a caret, as compilers do.

use std::fmt::Write as _;

/// A 1-based line and column in the input text (columns count characters).
///
/// `Pos::UNKNOWN` (line 0) is used where no position exists, e.g. for an empty
/// file or bytes that are not UTF-8.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Pos {
    /// 1-based line number; 0 when unknown.
    pub line: u32,
    /// 1-based column in characters; 0 when unknown.
    pub column: u32,
}

impl Pos {
    /// No position: the error concerns the whole file.
    pub const UNKNOWN: Pos = Pos { line: 0, column: 0 };

    /// A position from 1-based line and column.
    pub const fn new(line: u32, column: u32) -> Pos {
        Pos { line, column }
    }

    /// Whether the position points somewhere in the file.
    pub fn is_known(self) -> bool {
        self.line > 0
    }
}

impl From<serde_saphyr::Location> for Pos {
    fn from(l: serde_saphyr::Location) -> Pos {
        Pos { line: l.line() as u32, column: l.column() as u32 }
    }
}

/// How serious a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    /// The input cannot be built; no PDF is written.
    Error,
    /// The PDF is built, but something in it is not what the author asked for
    /// (e.g. a character no bundled font can show).
    Warning,
}

/// An error or warning with its position in the input.
#[derive(Clone, Debug, PartialEq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// Where in the input; [`Pos::UNKNOWN`] for whole-file problems.
    pub pos: Pos,
    /// One sentence, lower-case start, no final period.
    pub message: String,
    /// Extra lines such as "did you mean `title`?".
    pub hints: Vec<String>,
}

impl Diagnostic {
    /// An error at `pos`.
    pub fn error(pos: Pos, message: impl Into<String>) -> Diagnostic {
        Diagnostic { severity: Severity::Error, pos, message: message.into(), hints: Vec::new() }
    }

    /// A warning at `pos`.
    pub fn warning(pos: Pos, message: impl Into<String>) -> Diagnostic {
        Diagnostic { severity: Severity::Warning, pos, message: message.into(), hints: Vec::new() }
    }

    /// The same diagnostic with one more hint line.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Diagnostic {
        self.hints.push(hint.into());
        self
    }

    /// Formats the diagnostic for a terminal:
    ///
    /// ```text
    /// resume.yaml:6:9: error: unknown key `titel` in an entry
    ///   6 |       - titel: Example Corp
    ///     |         ^
    ///   = hint: did you mean `title`?
    /// ```
    ///
    /// `file` is the name shown to the user; `source` the input text (used for the
    /// quoted line; pass `""` to omit it).
    pub fn render(&self, file: &str, source: &str) -> String {
        let kind = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let mut out = String::new();
        if self.pos.is_known() {
            let _ = write!(out, "{file}:{}:{}: {kind}: {}", self.pos.line, self.pos.column, self.message);
            if let Some(text) = source.lines().nth(self.pos.line as usize - 1) {
                let num = self.pos.line.to_string();
                let pad = " ".repeat(num.len());
                let caret = " ".repeat(self.pos.column.saturating_sub(1) as usize);
                let text: String = text.chars().map(|c| if c == '\t' { ' ' } else { c }).collect();
                let _ = write!(out, "\n {num} | {text}\n {pad} | {caret}^");
            }
        } else {
            let _ = write!(out, "{file}: {kind}: {}", self.message);
        }
        for hint in &self.hints {
            let _ = write!(out, "\n  = hint: {hint}");
        }
        out
    }
}

/// Edit distance (optimal string alignment: Levenshtein plus transpositions) between two short strings, for "did you mean" hints.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut prev2 = prev.clone();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
            if i > 0 && j > 0 && a[i] == b[j - 1] && a[i - 1] == b[j] {
                cur[j + 1] = cur[j + 1].min(prev2[j - 1] + 1);
            }
        }
        prev2 = std::mem::replace(&mut prev, cur);
    }
    prev[b.len()]
}

/// The candidate closest to `word` when it is close enough to be a likely typo
/// (edit distance at most a third of the word's length, and at least 1).
pub fn closest<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let limit = (word.chars().count() / 3).max(1);
    candidates
        .iter()
        .map(|c| (edit_distance(word, c), *c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closest_finds_a_typo() {
        assert_eq!(closest("titel", &["title", "date", "subtitle"]), Some("title"));
        assert_eq!(closest("zzzzz", &["title", "date"]), None);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("titel", "title"), 1);
    }

    #[test]
    fn render_quotes_the_line() {
        let d = Diagnostic::error(Pos::new(2, 3), "bad thing").with_hint("do better");
        assert_eq!(
            d.render("r.yaml", "a: 1\nb: 2\n"),
            "r.yaml:2:3: error: bad thing\n 2 | b: 2\n   |   ^\n  = hint: do better"
        );
        let d = Diagnostic::warning(Pos::UNKNOWN, "empty");
        assert_eq!(d.render("r.yaml", ""), "r.yaml: warning: empty");
    }
}
