//! Where a line may end: the break opportunities of a paragraph's text.
//!
//! UAX #14 (the Unicode Line Breaking Algorithm, with `unicode-linebreak`) gives the
//! opportunities and the mandatory breaks; the Japanese and Chinese line-start and
//! line-end rules of JIS X 4051 §6.1 ("kinsoku") and Korean practice take some away;
//! URLs and e-mail addresses get breaks of their own after the characters
//! typographers break them at ([`URL_BREAK_AFTER`]).

/// Characters after which a URL may break (besides UAX #14's opportunities), as
/// typographers break URLs: after a slash, a dot, a hyphen, an underscore, the query
/// characters and the `@` of an e-mail address; never inside `://`.
pub(super) const URL_BREAK_AFTER: &str = "/.-_?&=#~@";

/// A place where a line may end.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Opportunity {
    /// Byte offset: the line would end before it.
    pub at: usize,
    /// A break that must be taken (a newline).
    pub mandatory: bool,
    /// A break inside a URL.
    pub url: bool,
}

/// Characters that never begin a line in Japanese and Chinese (JIS X 4051 §6.1.1,
/// "gyōtō kinsoku", strict: closing brackets, the full stops and commas, the middle
/// dot, iteration marks, the prolonged sound mark and small kana), beyond what UAX #14
/// already forbids (it lets lines begin with small kana, class CJ).
pub const NO_LINE_START: &str = "、。，．・：；？！゛゜ヽヾゝゞ々〻ーぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ）」』】〕〉》｝］〙〗〟’”｠»‐゠–〜～";
/// Characters that never end a line (JIS X 4051 §6.1.2, "gyōmatsu kinsoku"): opening
/// brackets and quotation marks.
pub const NO_LINE_END: &str = "（「『【〔〈《｛［〘〖〝‘“｟«";

/// Whether a break between `before` and `after` is forbidden by the Japanese and
/// Chinese line-start and line-end rules, or falls between two Hangul syllables.
fn kinsoku(before: &str, after: &str) -> bool {
    let (b, a) = (before.chars().next_back(), after.chars().next());
    a.is_some_and(|c| NO_LINE_START.contains(c))
        || b.is_some_and(|c| NO_LINE_END.contains(c))
        || (b.is_some_and(is_hangul) && a.is_some_and(is_hangul))
}

/// Hangul syllables and jamo: Korean breaks lines at spaces, between words, not
/// between syllables as UAX #14's default allows (CSS's `word-break: keep-all`, the
/// practice of Korean typesetting).
fn is_hangul(c: char) -> bool {
    matches!(c, '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}' | '\u{A960}'..='\u{A97F}' | '\u{AC00}'..='\u{D7AF}' | '\u{D7B0}'..='\u{D7FF}')
}

/// Chinese line-start and line-end rules forbid ([`NO_LINE_START`],
/// [`NO_LINE_END`]), plus breaks inside URLs (any whitespace-free run containing
/// `://`, starting with `www.`, or an e-mail address) after the characters of
/// [`URL_BREAK_AFTER`]. Sorted by offset; the last is the text's end.
pub(super) fn break_opportunities(text: &str) -> Vec<Opportunity> {
    use unicode_linebreak::BreakOpportunity::Mandatory;
    let mut opps: Vec<Opportunity> = unicode_linebreak::linebreaks(text)
        .filter(|&(at, o)| o == Mandatory || at == text.len() || !kinsoku(&text[..at], &text[at..]))
        .map(|(at, o)| Opportunity {
            at,
            mandatory: o == Mandatory,
            url: false,
        })
        .collect();
    for (start, end) in url_ranges(text) {
        let word = &text[start..end];
        let chars: Vec<(usize, char)> = word.char_indices().collect();
        for (k, &(i, c)) in chars.iter().enumerate() {
            let next = chars.get(k + 1).map(|x| x.1);
            let in_scheme = c == ':' || c == '/' && next == Some('/') || c == '/' && word[..i].ends_with(":/");
            if URL_BREAK_AFTER.contains(c) && !in_scheme && next.is_some_and(|n| !URL_BREAK_AFTER.contains(n)) {
                let at = start + i + c.len_utf8();
                match opps.iter_mut().find(|o| o.at == at) {
                    Some(o) => o.url = true,
                    None => opps.push(Opportunity {
                        at,
                        mandatory: false,
                        url: true,
                    }),
                }
            }
        }
        // UAX #14's own breaks inside the URL count as URL breaks too.
        for o in opps.iter_mut().filter(|o| o.at > start && o.at < end) {
            o.url = true;
        }
    }
    opps.sort_by_key(|o| o.at);
    opps
}

/// The byte ranges of the URLs in `text`: whitespace-free runs containing `://`,
/// starting with `www.`, or e-mail addresses (`user@domain.tld`); they break after
/// [`URL_BREAK_AFTER`] without a hyphen.
pub(super) fn url_ranges(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for word in text.split(char::is_whitespace) {
        let email = word
            .split_once('@')
            .is_some_and(|(user, domain)| !user.is_empty() && domain.contains('.'));
        if word.contains("://") || word.starts_with("www.") || email {
            out.push((start, start + word.len()));
        }
        start += word.len() + text[start + word.len()..].chars().next().map_or(0, char::len_utf8);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geom::Pt;
    use crate::inline::tests::{line_text, style};
    use crate::inline::{Align, typeset};
    use crate::markup::parse;

    /// Found by a new user: a long e-mail address was broken between two letters,
    /// with a hyphen; it breaks after its `@` and dots, without one.
    #[test]
    fn email_addresses_break_after_at_and_dots() {
        let opps: Vec<usize> = break_opportunities("mail firstname.lastname@department.example.com now")
            .into_iter()
            .map(|o| o.at)
            .collect();
        // after "mail ", "firstname.", "lastname@", "department.", "example.", "com " and the end
        assert_eq!(opps, vec![5, 15, 24, 35, 43, 47, 50]);
        let spans = parse("firstname.lastname@department.example.com").unwrap();
        let p = typeset(&spans, &style(Align::Ragged), Pt(90.0));
        let lines: Vec<String> = p.lines.iter().map(line_text).collect();
        assert!(lines.len() > 1 && lines.iter().all(|l| !l.ends_with('-')), "{lines:?}");
        assert_eq!(lines.concat(), "firstname.lastname@department.example.com");
    }

    #[test]
    fn url_break_points() {
        let opps: Vec<usize> = break_opportunities("see https://ex.org/a_b?q=1 now")
            .into_iter()
            .map(|o| o.at)
            .collect();
        // after "see ", "https://", "ex.", "org/", "a_", "b?", "q=", "1 ", and the end
        assert_eq!(opps, vec![4, 12, 15, 19, 21, 23, 25, 27, 30]);
    }
}
