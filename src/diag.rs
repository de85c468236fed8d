//! Diagnostics: errors and warnings located in the input file.
//!
//! Every fallible stage returns [`Diagnostic`]s; only the binary prints them. A
//! diagnostic carries a 1-based line and column ([`Pos`]) into the YAML source, a
//! message in the shape "what is wrong (what was expected)", and optional hints.
//! [`Diagnostic::render`] formats it as `file:line:col: error: message`, followed by the
//! offending source line and a caret, as compilers do.

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
        Pos {
            line: l.line() as u32,
            column: l.column() as u32,
        }
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
        Diagnostic {
            severity: Severity::Error,
            pos,
            message: message.into(),
            hints: Vec::new(),
        }
    }

    /// A warning at `pos`.
    pub fn warning(pos: Pos, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Warning,
            pos,
            message: message.into(),
            hints: Vec::new(),
        }
    }

    /// The same diagnostic with one more hint line.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Diagnostic {
        self.hints.push(hint.into());
        self
    }

    /// Formats the diagnostic as rustc and cargo do, with `annotate-snippets`:
    ///
    /// ```text
    /// error: unknown key `titel`, expected one of title, date, …
    ///  --> resume.yaml:6:9
    ///   |
    /// 6 |       - titel: Example Corp
    ///   |         ^^^^^^
    ///   |
    ///   = help: did you mean `title`?
    /// ```
    ///
    /// `file` is the name shown to the user; `source` the input text (for the quoted
    /// line; `""` omits it). The caret underlines the word at the position. `color`
    /// adds ANSI colours (for a terminal).
    pub fn render(&self, file: &str, source: &str) -> String {
        self.render_styled(file, source, false)
    }

    /// [`Diagnostic::render`], coloured when `color`.
    pub fn render_styled(&self, file: &str, source: &str, color: bool) -> String {
        self.render_in(file, &Source::new(source), color)
    }

    /// [`Diagnostic::render_styled`] with the source's lines indexed once: the way
    /// to render many diagnostics of one input (see [`render_all`]).
    pub fn render_in(&self, file: &str, source: &Source<'_>, color: bool) -> String {
        use annotate_snippets::{AnnotationKind, Level, Origin, Renderer, Snippet};
        let level = match self.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
        };
        let line_text = if self.pos.is_known() {
            source.line(self.pos.line)
        } else {
            None
        };
        let title = level.clone().primary_title(self.message.as_str());
        let mut group = match line_text {
            Some(text) => {
                // The byte range of what the position points at: a quoted value to its
                // closing quote (past `\"` escapes), a key up to its colon, else a plain
                // value to the end of the line (less a comment); in a JSON document, a
                // number, `true`, `false` or `null` up to the `,`, `}` or `]` after it.
                let start = text
                    .char_indices()
                    .nth(self.pos.column.saturating_sub(1) as usize)
                    .map_or(text.len(), |(i, _)| i);
                let rest = &text[start..];
                let json = source.json;
                let len = match rest.chars().next() {
                    Some('"') => {
                        let mut escaped = false;
                        let closing = rest.char_indices().skip(1).find(|&(_, c)| {
                            let was = escaped;
                            escaped = !was && c == '\\';
                            !was && c == '"'
                        });
                        closing.map_or(rest.len(), |(i, _)| i + 1)
                    }
                    Some('\'') => rest[1..].find('\'').map_or(rest.len(), |i| i + 2),
                    _ if json && rest.contains([',', '}', ']']) => rest
                        .find([',', '}', ']'])
                        .unwrap_or(rest.len())
                        .min(rest.trim_end().len()),
                    _ => {
                        let key = rest
                            .find(": ")
                            .or_else(|| rest.strip_suffix(':').map(str::len))
                            .filter(|&i| !rest[..i].contains(' '));
                        match key {
                            Some(k) if k > 0 => k,
                            _ => rest.find(" #").unwrap_or(rest.len()).min(rest.trim_end().len()),
                        }
                    }
                }
                .max(1);
                let end = (start + len).min(text.len());
                title.element(
                    Snippet::source(text)
                        .line_start(self.pos.line as usize)
                        .path(file)
                        .annotation(AnnotationKind::Primary.span(start..end.max(start))),
                )
            }
            None if self.pos.is_known() => title.element(
                Origin::path(file)
                    .line(self.pos.line as usize)
                    .char_column(self.pos.column as usize),
            ),
            None => title.element(Origin::path(file)),
        };
        for hint in &self.hints {
            group = group.element(Level::HELP.message(hint.as_str()));
        }
        let renderer = if color { Renderer::styled() } else { Renderer::plain() };
        renderer.render(&[group])
    }
}

/// An input's text with the byte offset of every line's start, found in one pass, so
/// that rendering a diagnostic does not scan the text again for its line.
#[derive(Clone, Debug)]
pub struct Source<'a> {
    text: &'a str,
    /// Where each line starts: 0, then the byte after each `\n`.
    starts: Vec<usize>,
    /// Whether the text is a JSON document (it opens with `{` or `[`): a value is
    /// underlined up to the `,`, `}` or `]` after it.
    json: bool,
}

impl<'a> Source<'a> {
    /// Indexes the lines of `text`.
    pub fn new(text: &'a str) -> Source<'a> {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Source {
            text,
            starts,
            json: text.trim_start().starts_with(['{', '[']),
        }
    }

    /// Line `n` (1-based) without its line ending, as [`str::lines`] gives it; `None`
    /// past the last line.
    pub fn line(&self, n: u32) -> Option<&'a str> {
        let k = (n as usize).checked_sub(1)?;
        let start = *self.starts.get(k)?;
        if start >= self.text.len() {
            return None;
        }
        let line = match self.starts.get(k + 1) {
            Some(&next) => self.text[start..next - 1]
                .strip_suffix('\r')
                .unwrap_or(&self.text[start..next - 1]),
            None => &self.text[start..],
        };
        Some(line)
    }
}

/// The most diagnostics [`render_all`] renders for one input: past them, the rest
/// are counted in one line.
pub const MAX_SHOWN: usize = 100;

/// Renders the diagnostics of one input, each as [`Diagnostic::render_styled`] does,
/// the source indexed once: the first [`MAX_SHOWN`], then, when there are more, a
/// line counting the rest (`and 29900 more errors (vitae shows the first 100)`).
pub fn render_all(file: &str, source: &str, diags: &[Diagnostic], color: bool) -> Vec<String> {
    let index = Source::new(source);
    let mut out: Vec<String> = diags
        .iter()
        .take(MAX_SHOWN)
        .map(|d| d.render_in(file, &index, color))
        .collect();
    let rest = &diags[diags.len().min(MAX_SHOWN)..];
    if !rest.is_empty() {
        let errors = rest.iter().filter(|d| d.severity == Severity::Error).count();
        let warnings = rest.len() - errors;
        let s = |n: usize| if n == 1 { "" } else { "s" };
        let what = match (errors, warnings) {
            (e, 0) => format!("{e} more error{}", s(e)),
            (0, w) => format!("{w} more warning{}", s(w)),
            (e, w) => format!("{} more: {e} error{} and {w} warning{}", e + w, s(e), s(w)),
        };
        out.push(format!("and {what} (vitae shows the first {MAX_SHOWN})"));
    }
    out
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
        let d = Diagnostic::error(Pos::new(2, 4), "bad thing").with_hint("do better");
        assert_eq!(
            d.render("r.yaml", "a: 1\nb: 22\n"),
            "error: bad thing\n --> r.yaml:2:4\n  |\n2 | b: 22\n  |    ^^\n  |\n  = help: do better"
        );
        let d = Diagnostic::warning(Pos::UNKNOWN, "empty");
        assert_eq!(d.render("r.yaml", ""), "warning: empty\n--> r.yaml");
    }

    #[test]
    fn source_lines_are_those_of_str_lines() {
        for text in [
            "",
            "\n",
            "a",
            "a\n",
            "a\nb",
            "a\r\nb\r\n",
            "a\r",
            "a\r\n\r\nc\r",
            "\n\nx\n",
        ] {
            let index = Source::new(text);
            let lines: Vec<&str> = text.lines().collect();
            for n in 1..=lines.len() as u32 + 2 {
                assert_eq!(index.line(n), lines.get(n as usize - 1).copied(), "{text:?} line {n}");
            }
            assert_eq!(index.line(0), None);
        }
    }

    #[test]
    fn render_all_shows_the_first_100_then_counts_the_rest() {
        let source = "a: 1\n".repeat(300);
        let mut diags: Vec<Diagnostic> = (1..=250)
            .map(|k| Diagnostic::error(Pos::new(k, 1), format!("bad {k}")))
            .collect();
        let out = render_all("r.yaml", &source, &diags, false);
        assert_eq!(out.len(), 101);
        assert_eq!(
            out[99],
            Diagnostic::error(Pos::new(100, 1), "bad 100").render("r.yaml", &source)
        );
        assert_eq!(out[100], "and 150 more errors (vitae shows the first 100)");
        diags.push(Diagnostic::warning(Pos::new(1, 1), "w"));
        assert_eq!(
            render_all("r.yaml", &source, &diags, false)[100],
            "and 151 more: 150 errors and 1 warning (vitae shows the first 100)"
        );
        assert_eq!(
            render_all("r.yaml", &source, &diags[150..], false)[100],
            "and 1 more warning (vitae shows the first 100)"
        );
        assert_eq!(render_all("r.yaml", &source, &diags[..100], false).len(), 100);
    }

    #[test]
    fn render_underlines_json_values() {
        // A number ends at the comma; a string at its closing quote, past escapes.
        let json = "{\"a\": 12, \"b\": \"say \\\"hi\\\"\"}";
        let under = |column: u32| {
            Diagnostic::error(Pos::new(1, column), "x")
                .render("r.json", json)
                .lines()
                .nth(4)
                .unwrap()
                .trim_start_matches([' ', '|'])
                .len()
        };
        assert_eq!(under(7), 2);
        assert_eq!(under(16), 12);
    }
}
