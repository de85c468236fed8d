//! Plain text, for application forms and applicant-tracking systems: the words in
//! reading order, section headings in capitals, dates after titles (`Title, Mar 2019
//! – present`), locations in parentheses after subtitles, bullets as `- `, numbered
//! entries as `1. `, link targets that are web addresses written out in full after
//! their text.
//!
//! Every paragraph is broken into lines of at most [`COLUMNS`] columns by vitae's own
//! line breaker ([`crate::linebreak::break_paragraph`], Knuth & Plass 1981) on
//! monospace widths: a word is a box as wide as its columns (two for an East Asian
//! wide character), a space glue of one column that neither stretches nor shrinks,
//! the lines ragged right (TeX's \raggedright: a stretchable right margin), no
//! hyphenation. A word longer than a line (a long URL) stands whole on its own line.

use super::{by_link, contact_spans, is_web};
use crate::geom::Pt;
use crate::linebreak::{INFINITE_PENALTY, Item, Params, PenaltyKind, break_paragraph};
use crate::markup::Span;
use crate::model::{Entry, Resume};
use crate::style::Style;

/// A space that does not break (U+2060 WORD JOINER in the words, written as a space):
/// what joins a contact separator to the item before it.
const BIND: char = '\u{2060}';

/// The width of a line, in columns.
pub const COLUMNS: usize = 80;

/// The stretch of the ragged right margin, in columns: lines down to about 60
/// columns are within the tolerance (r ≤ 1.26 at a badness of 200), so that the
/// breaker balances lines of words that average six columns (TeX's 2 em of
/// \raggedright is for proportional type and 30 or more words to a line).
const RAGGED_COLUMNS: f64 = 16.0;

/// The resume as plain text, lines of at most [`COLUMNS`] columns, ending in a line
/// feed.
pub fn text(resume: &Resume, style: &Style) -> String {
    let mut out = Out::default();
    out.para(&resume.name.text, "", "");
    if let Some(h) = &resume.headline {
        out.para(&plain(&h.inline), "", "");
    }
    if !resume.contact.is_empty() {
        // The separator's leading space binds it to the item before (a line never
        // starts with it); written as a space.
        let sep = style.contact_separator.replacen(' ', &BIND.to_string(), 1);
        let items: Vec<String> = resume.contact.iter().map(|c| plain(&contact_spans(c))).collect();
        out.para(&items.join(&sep), "", "");
    }
    for s in &resume.sections {
        out.blank();
        out.para(&s.title.text.to_uppercase(), "", "");
        for (k, e) in s.entries.iter().enumerate() {
            out.blank();
            let number = s.numbered.then(|| format!("{}. ", k + 1));
            entry(&mut out, e, number.as_deref());
        }
    }
    out.text
}

/// An entry: its head rows, its text, its bullets; `number` is `1. ` in a numbered
/// section (its first line starts with it, the rest hang under it).
fn entry(out: &mut Out, e: &Entry, number: Option<&str>) {
    let hang = number.map_or(String::new(), |n| " ".repeat(n.chars().count()));
    let mut first = number.unwrap_or("").to_string();
    let mut line = |out: &mut Out, t: String| {
        out.para(&t, &first, &hang);
        first.clone_from(&hang);
    };
    let date = e.date.as_ref().map(|d| d.text.as_str());
    let with_date = |t: String| match date {
        Some(d) => format!("{t}, {d}"),
        None => t,
    };
    let mut date_used = false;
    if let Some(t) = &e.title {
        line(out, with_date(plain(&t.inline)));
        date_used = true;
    }
    match (&e.subtitle, &e.location) {
        (Some(s), Some(l)) => line(out, format!("{} ({})", plain(&s.inline), plain(&l.inline))),
        (Some(s), None) => line(out, plain(&s.inline)),
        (None, Some(l)) => line(out, format!("({})", plain(&l.inline))),
        (None, None) => {}
    }
    if let Some(t) = &e.text {
        let body = match &e.label {
            Some(l) => format!("{}: {}", plain(&l.inline), plain(&t.inline)),
            None => plain(&t.inline),
        };
        if date_used {
            line(out, body);
        } else {
            line(out, with_date(body));
            date_used = true;
        }
    }
    if !date_used && let Some(d) = date {
        line(out, d.to_string());
    }
    for b in &e.bullets {
        out.para(&plain(&b.inline), &format!("{hang}- "), &format!("{hang}  "));
    }
}

/// Spans as plain text: a link's text followed by its target in parentheses when the
/// target is a web address the text does not spell out, or an e-mail address the
/// text does not contain.
pub(crate) fn plain(spans: &[Span]) -> String {
    let mut s = String::new();
    for (link, run) in by_link(spans) {
        let label: String = run.iter().map(|x| x.text.as_str()).collect();
        let Some(url) = link else {
            s.push_str(&label);
            continue;
        };
        let mail = url.get(..7).is_some_and(|m| m.eq_ignore_ascii_case("mailto:"));
        let shown = if mail { &url[7..] } else { url };
        let bare = shown
            .split_once("://")
            .map_or(shown, |(_, rest)| rest)
            .trim_end_matches('/');
        if is_web(url) && label.trim_end_matches('/') == bare {
            // The label is the address shortened: the address in full instead.
            s.push_str(shown);
        } else if (is_web(url) || mail) && !label.contains(shown) {
            // The target bound to its label when both fit on a line.
            let join = if columns_of(&label) + columns_of(shown) < COLUMNS - 20 {
                BIND
            } else {
                ' '
            };
            s.push_str(&format!("{label}{join}({shown})"));
        } else {
            s.push_str(&label);
        }
    }
    s
}

/// The columns a character takes in a monospace face: two for East Asian wide
/// characters (CJK ideographs, kana, Hangul), none for combining marks, else one.
fn columns(c: char) -> usize {
    if crate::text::fallback::is_cjk(c)
        || ('\u{AC00}'..='\u{D7A3}').contains(&c)
        || ('\u{FF01}'..='\u{FF60}').contains(&c)
    {
        2
    } else if ('\u{0300}'..='\u{036F}').contains(&c) || ('\u{200B}'..='\u{200F}').contains(&c) {
        0
    } else {
        1
    }
}

/// The text being written.
#[derive(Default)]
struct Out {
    text: String,
}

impl Out {
    /// An empty line (never two, never at the start).
    fn blank(&mut self) {
        if !self.text.is_empty() && !self.text.ends_with("\n\n") {
            self.text.push('\n');
        }
    }

    /// A paragraph broken into lines: the first starts with `first`, the others with
    /// `rest` (a hanging indent); both count against the [`COLUMNS`].
    fn para(&mut self, text: &str, first: &str, rest: &str) {
        for (k, l) in wrap(text, columns_of(first), columns_of(rest)).iter().enumerate() {
            self.text.push_str(if k == 0 { first } else { rest });
            self.text.push_str(&l.replace(BIND, " "));
            self.text.push('\n');
        }
    }
}

/// The columns of a string.
fn columns_of(s: &str) -> usize {
    s.chars().map(columns).sum()
}

/// Breaks `text` into lines with the Knuth–Plass breaker on monospace widths: the
/// first line's measure is [`COLUMNS`] less `first` columns, the others' less `rest`.
/// Returns the lines without their prefixes.
pub fn wrap(text: &str, first: usize, rest: usize) -> Vec<String> {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() && c != '\u{A0}' && c != '\u{202F}')
        .filter(|w| !w.is_empty())
        .collect();
    // A word longer than a line stands whole on a line of its own, between the
    // paragraphs of the words before and after it.
    let long = |w: &str| columns_of(w) > COLUMNS.saturating_sub(first.max(rest));
    let mut lines: Vec<String> = Vec::new();
    let mut run: Vec<&str> = Vec::new();
    for w in words.iter().copied().chain(std::iter::once("")) {
        if w.is_empty() || long(w) {
            let indent = if lines.is_empty() { first } else { rest };
            lines.extend(wrap_words(&run, indent, rest));
            run.clear();
            if !w.is_empty() {
                lines.push(w.to_string());
            }
        } else {
            run.push(w);
        }
    }
    lines
}

/// [`wrap`] of words each no longer than a line.
fn wrap_words(words: &[&str], first: usize, rest: usize) -> Vec<String> {
    if words.is_empty() {
        return Vec::new();
    }
    let mut items = Vec::new();
    for (k, w) in words.iter().enumerate() {
        if k > 0 {
            items.push(Item::Glue {
                width: Pt(1.0),
                stretch: Pt::ZERO,
                shrink: Pt::ZERO,
                content: k,
            });
        }
        items.push(Item::Box {
            width: Pt(columns_of(w) as f64),
            content: k,
        });
    }
    // TeX's \parfillskip and the paragraph's final forced break.
    items.push(Item::Penalty {
        width: Pt::ZERO,
        cost: INFINITE_PENALTY,
        flagged: false,
        kind: PenaltyKind::Normal,
        content: 0,
    });
    items.push(Item::Glue {
        width: Pt::ZERO,
        stretch: Pt(100_000.0),
        shrink: Pt::ZERO,
        content: 0,
    });
    items.push(Item::Penalty {
        width: Pt::ZERO,
        cost: -INFINITE_PENALTY,
        flagged: false,
        kind: PenaltyKind::Normal,
        content: 0,
    });
    let measure = |prefix: usize| Pt(COLUMNS.saturating_sub(prefix).max(1) as f64);
    let params = Params {
        right_stretch: Pt(RAGGED_COLUMNS),
        ..Params::default()
    };
    let (breaks, _) = break_paragraph(&items, &[measure(first), measure(rest)], &params);
    let mut lines = Vec::new();
    let mut from = 0;
    for b in breaks {
        let words_in: Vec<&str> = items[from..b.index.min(items.len())]
            .iter()
            .filter_map(|i| match i {
                Item::Box { content, .. } => Some(words[*content]),
                _ => None,
            })
            .collect();
        if !words_in.is_empty() {
            lines.push(words_in.join(" "));
        }
        from = b.index;
    }
    lines
}
