//! The inline markup of the format: a small subset of Markdown, parsed here.
//!
//! - `**bold**`, `*italic*` and `_italic_`, nestable (`***both***`); delimiters follow
//!   CommonMark's flanking rules in simplified form: an opener is followed by a
//!   non-space, a closer preceded by one, and `_` never opens or closes inside a word
//!   (so `snake_case_names` stays as written);
//! - `[label](url)` links and `<url>` autolinks, with targets limited to `http:`,
//!   `https:`, `mailto:` and `tel:`, the last two without an encoded line break
//!   (`%0A`, `%0D`: a header injected into a mail);
//! - `\` escapes the next ASCII punctuation character;
//! - an unclosed marker is literal text.
//!
//! The result is a flat list of [`Span`]s, each one run of text in one style.

/// One run of text in one style.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Span {
    /// The text, with markup removed and escapes resolved.
    pub text: String,
    /// Set in the bold face.
    pub bold: bool,
    /// Set in the italic face.
    pub italic: bool,
    /// The link target when the span is (part of) a link label.
    pub link: Option<String>,
}

/// Styled text: the output of [`parse`].
pub type Inline = Vec<Span>;

/// The longest link target accepted, in characters.
pub const MAX_URL_CHARS: usize = 2000;

/// The URL schemes a link may use.
pub const SCHEMES: [&str; 4] = ["http", "https", "mailto", "tel"];

#[derive(Debug, Clone)]
enum Tok {
    Text(String),
    Delim {
        ch: char,
        n: usize,
        open: bool,
        close: bool,
    },
    Link {
        label: Vec<Tok>,
        url: String,
    },
}

/// Checks a link target's scheme.
///
/// # Errors
/// "link `javascript:alert(1)` uses the scheme `javascript`, which is not allowed
/// (expected http:, https:, mailto: or tel:)".
pub fn check_url(url: &str) -> Result<(), String> {
    if url.chars().count() > MAX_URL_CHARS {
        return Err(format!(
            "a link of {} characters is too long (at most {MAX_URL_CHARS})",
            url.chars().count()
        ));
    }
    if let Some(c) = url.chars().find(|c| c.is_whitespace() || c.is_control()) {
        return Err(format!(
            "link `{}` contains {} (a URL may not; write a space as %20)",
            url.escape_debug(),
            if c == ' ' {
                "a space".to_string()
            } else {
                format!("the character U+{:04X}", c as u32)
            }
        ));
    }
    let scheme = url
        .split_once(':')
        .map(|(s, _)| s)
        .filter(|s| !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || "+.-".contains(c)));
    match scheme {
        Some(s) if ["mailto", "tel"].contains(&s.to_ascii_lowercase().as_str()) => match encoded_line_break(url) {
            Some(code) => Err(format!(
                "link `{url}` contains `{code}`, an encoded line break (in a mail link it would start a header line of its own); a {}: link may not",
                s.to_ascii_lowercase()
            )),
            None => Ok(()),
        },
        Some(s) if SCHEMES.contains(&s.to_ascii_lowercase().as_str()) => Ok(()),
        Some(s) => Err(format!(
            "link `{url}` uses the scheme `{s}`, which is not allowed (expected http:, https:, mailto: or tel:)"
        )),
        None => Err(format!(
            "link `{url}` has no scheme (expected a URL starting with http:, https:, mailto: or tel:)"
        )),
    }
}

/// Whether `c` is a control character dropped from text: U+0000–U+001F except tab
/// and line feed, and U+007F–U+009F (they do not print, and U+0085 would break the
/// line).
pub fn is_dropped_control(c: char) -> bool {
    // `char::is_control` is the general category Cc: exactly U+0000–U+001F and
    // U+007F–U+009F.
    c.is_control() && c != '\t' && c != '\n'
}

/// `s` without its control characters ([`is_dropped_control`]), and the warning that
/// names them (`the control character U+0085 is dropped …`), or `None` when it has
/// none.
pub fn strip_controls(s: &str) -> Option<(String, String)> {
    if !s.chars().any(is_dropped_control) {
        return None;
    }
    let mut found: Vec<char> = s.chars().filter(|&c| is_dropped_control(c)).collect();
    found.sort_unstable();
    found.dedup();
    let names: Vec<String> = found.iter().map(|&c| format!("U+{:04X}", c as u32)).collect();
    let message = if names.len() == 1 {
        format!(
            "the control character {} is dropped from this text (it does not print)",
            names[0]
        )
    } else {
        format!(
            "the control characters {} are dropped from this text (they do not print)",
            names.join(", ")
        )
    };
    Some((s.chars().filter(|&c| !is_dropped_control(c)).collect(), message))
}

/// The first `%0A` or `%0D` (in any case) of `s`, as written: a line break encoded
/// in a URL, which in a `mailto:` link adds a mail header (`?subject=hi%0D%0ABcc:…`).
pub fn encoded_line_break(s: &str) -> Option<&str> {
    s.char_indices()
        .filter(|&(_, c)| c == '%')
        .map(|(i, _)| s.get(i..i + 3).unwrap_or(""))
        .find(|code| code.eq_ignore_ascii_case("%0a") || code.eq_ignore_ascii_case("%0d"))
}

/// Checks the target of a contact `url:`: a link [`check_url`] accepts, with the
/// scheme `http` or `https` and a host.
///
/// # Errors
/// "`tel:+1555` is not a web address (expected http:// or https:// and a host, such
/// as `https://example.org`)", and those of [`check_url`].
pub fn check_web_url(url: &str) -> Result<(), String> {
    check_url(url)?;
    let rest = url
        .split_once(':')
        .filter(|(s, _)| s.eq_ignore_ascii_case("http") || s.eq_ignore_ascii_case("https"))
        .map(|(_, r)| r);
    let host = rest
        .and_then(|r| r.strip_prefix("//"))
        .map(|r| r.split(['/', '?', '#']).next().unwrap_or(""))
        .map(|a| a.rsplit('@').next().unwrap_or(""));
    match (rest, host) {
        (Some(_), Some(h)) if !h.is_empty() && !h.starts_with(':') => Ok(()),
        (Some(_), _) => Err(format!(
            "link `{url}` has no host (expected http:// or https:// and a host, such as https://example.org)"
        )),
        (None, _) => Err(format!(
            "`{url}` is not a web address (expected http:// or https:// and a host, such as https://example.org)"
        )),
    }
}

/// Parses inline markup into styled spans.
///
/// # Errors
/// A link whose target has a scheme other than `http`, `https`, `mailto` or `tel`
/// (see [`check_url`]).
pub fn parse(src: &str) -> Result<Inline, String> {
    let chars: Vec<char> = src.chars().collect();
    let toks = lex(&chars, 0, chars.len())?;
    let mut out = Vec::new();
    resolve(&toks, false, false, None, &mut out);
    Ok(merge(out))
}

/// The plain text of spans.
pub fn plain(inline: &[Span]) -> String {
    inline.iter().map(|s| s.text.as_str()).collect()
}

fn push_text(toks: &mut Vec<Tok>, s: &str) {
    if let Some(Tok::Text(t)) = toks.last_mut() {
        t.push_str(s);
    } else {
        toks.push(Tok::Text(s.to_string()));
    }
}

fn lex(c: &[char], start: usize, end: usize) -> Result<Vec<Tok>, String> {
    let mut toks = Vec::new();
    let mut i = start;
    while i < end {
        let ch = c[i];
        if ch == '\\' && i + 1 < end && c[i + 1].is_ascii_punctuation() {
            push_text(&mut toks, &c[i + 1].to_string());
            i += 2;
        } else if ch == '*' || ch == '_' {
            let mut j = i;
            while j < end && c[j] == ch {
                j += 1;
            }
            let prev = if i > 0 { Some(c[i - 1]) } else { None };
            let next = if j < c.len() { Some(c[j]) } else { None };
            let word = |x: Option<char>| x.is_some_and(|x| x.is_alphanumeric());
            let mut open = next.is_some_and(|x| !x.is_whitespace());
            let mut close = prev.is_some_and(|x| !x.is_whitespace());
            if ch == '_' {
                open &= !word(prev);
                close &= !word(next);
            }
            toks.push(Tok::Delim {
                ch,
                n: j - i,
                open,
                close,
            });
            i = j;
        } else if ch == '[' {
            match link_at(c, i, end) {
                Some((label_end, url, after)) => {
                    check_url(&url)?;
                    toks.push(Tok::Link {
                        label: lex(c, i + 1, label_end)?,
                        url,
                    });
                    i = after;
                }
                None => {
                    push_text(&mut toks, "[");
                    i += 1;
                }
            }
        } else if ch == '<' {
            match autolink_at(c, i, end) {
                Some((url, after)) => {
                    check_url(&url)?;
                    toks.push(Tok::Link {
                        label: vec![Tok::Text(url.clone())],
                        url,
                    });
                    i = after;
                }
                None => {
                    push_text(&mut toks, "<");
                    i += 1;
                }
            }
        } else {
            push_text(&mut toks, &ch.to_string());
            i += 1;
        }
    }
    Ok(toks)
}

/// `[label](url)` at `i`: the label's end (index of `]`), the URL, and the index after `)`.
fn link_at(c: &[char], i: usize, end: usize) -> Option<(usize, String, usize)> {
    let mut depth = 0;
    let mut j = i + 1;
    while j < end {
        match c[j] {
            '\\' => j += 1,
            '[' => depth += 1,
            ']' if depth == 0 => break,
            ']' => depth -= 1,
            _ => {}
        }
        j += 1;
    }
    if j + 1 >= end || c[j + 1] != '(' {
        return None;
    }
    let mut k = j + 2;
    let mut parens = 0;
    let mut url = String::new();
    while k < end {
        match c[k] {
            ')' if parens == 0 => return if url.is_empty() { None } else { Some((j, url, k + 1)) },
            ')' => parens -= 1,
            '(' => parens += 1,
            x if x.is_whitespace() => return None,
            _ => {}
        }
        url.push(c[k]);
        k += 1;
    }
    None
}

/// `<scheme:rest>` at `i`: the URL and the index after `>`.
fn autolink_at(c: &[char], i: usize, end: usize) -> Option<(String, usize)> {
    let mut j = i + 1;
    let mut url = String::new();
    while j < end && c[j] != '>' {
        if c[j].is_whitespace() || c[j] == '<' {
            return None;
        }
        url.push(c[j]);
        j += 1;
    }
    let (scheme, rest) = url.split_once(':')?;
    let ok = j < end
        && !rest.is_empty()
        && scheme.chars().next().is_some_and(|x| x.is_ascii_alphabetic())
        && scheme.chars().all(|x| x.is_ascii_alphanumeric() || "+.-".contains(x));
    ok.then_some((url, j + 1))
}

/// Matches emphasis delimiters and emits spans. For each delimiter token the result
/// says how many of its characters open (or close) bold and italic; the rest are text.
fn resolve(toks: &[Tok], bold0: bool, italic0: bool, link: Option<&str>, out: &mut Vec<Span>) {
    // remaining[i]: unmatched delimiter characters of token i
    let mut remaining: Vec<usize> = toks
        .iter()
        .map(|t| if let Tok::Delim { n, .. } = t { *n } else { 0 })
        .collect();
    // (bold, italic) opened after token i's literal rest / closed before it
    let mut opens: Vec<Vec<bool>> = vec![Vec::new(); toks.len()]; // true = bold
    let mut closes: Vec<Vec<bool>> = vec![Vec::new(); toks.len()];
    let mut stack: Vec<usize> = Vec::new();
    for i in 0..toks.len() {
        let Tok::Delim { ch, open, close, .. } = toks[i] else {
            continue;
        };
        if close {
            while remaining[i] > 0 {
                let Some(pos) = stack
                    .iter()
                    .rposition(|&o| matches!(toks[o], Tok::Delim { ch: c2, .. } if c2 == ch) && remaining[o] > 0)
                else {
                    break;
                };
                let o = stack[pos];
                let k = if remaining[o] >= 2 && remaining[i] >= 2 { 2 } else { 1 };
                remaining[o] -= k;
                remaining[i] -= k;
                opens[o].push(k == 2);
                closes[i].push(k == 2);
                stack.truncate(pos + usize::from(remaining[o] > 0));
            }
        }
        if open && remaining[i] > 0 {
            stack.push(i);
        }
    }
    let (mut b, mut it) = (i32::from(bold0), i32::from(italic0));
    let emit = |out: &mut Vec<Span>, text: &str, b: i32, it: i32| {
        if !text.is_empty() {
            out.push(Span {
                text: text.to_string(),
                bold: b > 0,
                italic: it > 0,
                link: link.map(str::to_string),
            });
        }
    };
    for (i, t) in toks.iter().enumerate() {
        match t {
            Tok::Text(s) => emit(out, s, b, it),
            Tok::Link { label, url } => resolve(label, b > 0, it > 0, Some(url), out),
            Tok::Delim { ch, .. } => {
                // closers first (inner to outer), then the literal rest, then openers
                for &strong in &closes[i] {
                    if strong { b -= 1 } else { it -= 1 }
                }
                emit(out, &ch.to_string().repeat(remaining[i]), b, it);
                for &strong in opens[i].iter().rev() {
                    if strong { b += 1 } else { it += 1 }
                }
            }
        }
    }
}

fn merge(spans: Vec<Span>) -> Inline {
    let mut out: Vec<Span> = Vec::new();
    for s in spans {
        match out.last_mut() {
            Some(l) if l.bold == s.bold && l.italic == s.italic && l.link == s.link => l.text.push_str(&s.text),
            _ => out.push(s),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(text: &str, bold: bool, italic: bool) -> Span {
        Span {
            text: text.into(),
            bold,
            italic,
            link: None,
        }
    }

    #[test]
    fn emphasis() {
        assert_eq!(
            parse("a **b** c").unwrap(),
            vec![s("a ", false, false), s("b", true, false), s(" c", false, false)]
        );
        assert_eq!(
            parse("*i* and _j_").unwrap(),
            vec![s("i", false, true), s(" and ", false, false), s("j", false, true)]
        );
        assert_eq!(parse("***both***").unwrap(), vec![s("both", true, true)]);
        assert_eq!(
            parse("**bold *and italic***").unwrap(),
            vec![s("bold ", true, false), s("and italic", true, true)]
        );
    }

    #[test]
    fn unclosed_and_intraword_markers_are_text() {
        assert_eq!(
            parse("2 * 3 and **open").unwrap(),
            vec![s("2 * 3 and **open", false, false)]
        );
        assert_eq!(
            parse("snake_case_names").unwrap(),
            vec![s("snake_case_names", false, false)]
        );
        assert_eq!(
            parse(r"snake\_case and \*x\* and back\\slash").unwrap(),
            vec![s(r"snake_case and *x* and back\slash", false, false)]
        );
        assert_eq!(
            parse("~tilde~, ^caret^ #x").unwrap(),
            vec![s("~tilde~, ^caret^ #x", false, false)]
        );
    }

    #[test]
    fn links() {
        let p = parse("see [the **paper**](https://x.org/a_(b)) now").unwrap();
        assert_eq!(p.len(), 4);
        assert_eq!(
            p[1],
            Span {
                text: "the ".into(),
                bold: false,
                italic: false,
                link: Some("https://x.org/a_(b)".into())
            }
        );
        assert_eq!(p[2].text, "paper");
        assert!(p[2].bold);
        let a = parse("<https://example.org/x.pdf>").unwrap();
        assert_eq!(
            a,
            vec![Span {
                text: "https://example.org/x.pdf".into(),
                link: Some("https://example.org/x.pdf".into()),
                ..Default::default()
            }]
        );
        assert_eq!(plain(&parse("a <b> [c] d").unwrap()), "a <b> [c] d");
    }

    #[test]
    fn bad_schemes_are_errors() {
        assert_eq!(
            parse("Click [here](javascript:alert(1)) now").unwrap_err(),
            "link `javascript:alert(1)` uses the scheme `javascript`, which is not allowed (expected http:, https:, mailto: or tel:)"
        );
        assert!(parse("[x](example.com)").unwrap_err().contains("no scheme"));
        assert!(parse("[mail](mailto:a@b.c) [t](tel:+4412)").is_ok());
        assert_eq!(
            check_url("https://a.org/x y").unwrap_err(),
            "link `https://a.org/x y` contains a space (a URL may not; write a space as %20)"
        );
        assert_eq!(
            check_url("https://a.org/\u{7}").unwrap_err(),
            "link `https://a.org/\\u{7}` contains the character U+0007 (a URL may not; write a space as %20)"
        );
        let long = format!("https://a.org/{}", "x".repeat(2000));
        assert_eq!(
            check_url(&long).unwrap_err(),
            "a link of 2014 characters is too long (at most 2000)"
        );
    }
}
