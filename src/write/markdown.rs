//! Markdown (CommonMark, with the conventions GitHub renders): `#` the name, the
//! headline and the contact line as paragraphs, `##` per section, each entry's title
//! as a `**title**` line with its date after an em dash, subtitle and location in
//! italics, text as a paragraph, bullets as a list, numbered sections as an ordered
//! list, links as `[text](url)`.
//!
//! Any text comes out literally: every character CommonMark could read as markup
//! (`\` `` ` `` `*` `_` `[` `]` `<` `>` `#` `|` `~` `&` `!`) is escaped with a
//! backslash (CommonMark 0.31 §2.4), and so is a character that would start a block
//! at the start of a line (`-`, `+`, `=`, `1.`).

use super::{by_link, contact_spans};
use crate::markup::Span;
use crate::model::{Entry, Resume};
use crate::style::Style;

/// The resume as Markdown, ending in a line feed.
pub fn markdown(resume: &Resume, style: &Style) -> String {
    let mut out = String::new();
    out.push_str(&format!("# {}\n", escape_line(&resume.name.text)));
    if let Some(h) = &resume.headline {
        out.push_str(&format!("\n{}\n", line_start(&spans(&h.inline, false, false))));
    }
    if !resume.contact.is_empty() {
        let sep = escape(&style.contact_separator);
        let items: Vec<String> = resume
            .contact
            .iter()
            .map(|c| spans(&contact_spans(c), false, false))
            .collect();
        out.push_str(&format!("\n{}\n", line_start(&items.join(&sep))));
    }
    for s in &resume.sections {
        out.push_str(&format!("\n## {}\n", escape_line(&s.title.text)));
        for (k, e) in s.entries.iter().enumerate() {
            let blocks = entry(e);
            if s.numbered {
                let marker = format!("{}. ", k + 1);
                let hang = " ".repeat(marker.len());
                for (j, b) in blocks.iter().enumerate() {
                    let lines: Vec<&str> = b.lines().collect();
                    out.push('\n');
                    for (i, l) in lines.iter().enumerate() {
                        let prefix = if i == 0 && j == 0 { &marker } else { &hang };
                        out.push_str(&format!("{prefix}{l}\n"));
                    }
                }
            } else {
                for b in blocks {
                    out.push_str(&format!("\n{b}\n"));
                }
            }
        }
    }
    out
}

/// An entry's blocks, each without its final line feed: the head (title and date;
/// subtitle and location, joined by a hard line break), the text, the bullet list.
fn entry(e: &Entry) -> Vec<String> {
    let mut blocks = Vec::new();
    let date = e.date.as_ref().map(|d| escape(&d.text));
    let mut head = Vec::new();
    let mut date_used = false;
    if let Some(t) = &e.title {
        let mut l = spans(&t.inline, true, false);
        if let Some(d) = &date {
            l.push_str(&format!(" — {d}"));
            date_used = true;
        }
        head.push(l);
    }
    let sub = e.subtitle.as_ref().map(|s| spans(&s.inline, false, true));
    let loc = e.location.as_ref().map(|s| spans(&s.inline, false, true));
    match (sub, loc) {
        (Some(s), Some(l)) => head.push(format!("{s} — {l}")),
        (Some(x), None) | (None, Some(x)) => head.push(x),
        (None, None) => {}
    }
    if !head.is_empty() {
        // Two spaces at a line's end: a hard line break (CommonMark §6.7).
        blocks.push(line_start(&head.join("  \n")));
    }
    if let Some(t) = &e.text {
        let mut p = String::new();
        if let Some(l) = &e.label {
            // The label and its colon in bold, as the PDF sets them.
            let mut label = l.inline.clone();
            label.push(Span {
                text: ":".into(),
                ..Span::default()
            });
            p.push_str(&spans(&label, true, false));
            p.push(' ');
        }
        p.push_str(&spans(&t.inline, false, false));
        if !date_used && let Some(d) = &date {
            p.push_str(&format!(" — {d}"));
            date_used = true;
        }
        blocks.push(line_start(&p));
    }
    if !date_used && let Some(d) = &date {
        blocks.push(line_start(d));
    }
    if !e.bullets.is_empty() {
        let items: Vec<String> = e
            .bullets
            .iter()
            .map(|b| format!("- {}", line_start(&spans(&b.inline, false, false))))
            .collect();
        blocks.push(items.join("\n"));
    }
    blocks
}

/// Spans as Markdown: bold as `**…**` and italic as `*…*`, adjacent spans of one
/// style merged and the delimiters kept flanking (space outside them, CommonMark
/// §6.2), italic nested in bold; links as `[…](url)`. `bold` and `italic` are added to
/// every span (a title is bold throughout).
fn spans(inline: &[Span], bold: bool, italic: bool) -> String {
    let mut out = String::new();
    for (link, run) in by_link(inline) {
        let mut groups: Vec<(bool, bool, String)> = Vec::new();
        for s in run {
            let (b, i) = (s.bold || bold, s.italic || italic);
            match groups.last_mut() {
                Some(g) if g.0 == b && g.1 == i => g.2.push_str(&s.text),
                _ => groups.push((b, i, s.text.clone())),
            }
        }
        let mut label = String::new();
        let mut open = (false, false);
        let close = |label: &mut String, open: &mut (bool, bool)| {
            if open.1 {
                label.push('*');
            }
            if open.0 {
                label.push_str("**");
            }
            *open = (false, false);
        };
        for (b, i, text) in groups {
            let core = text.trim();
            if core.is_empty() {
                close(&mut label, &mut open);
                label.push_str(&escape(&text));
                continue;
            }
            let lead = &text[..text.len() - text.trim_start().len()];
            let trail = &text[text.trim_end().len()..];
            if !lead.is_empty() {
                close(&mut label, &mut open);
                label.push_str(&escape(lead));
            }
            if open.0 != b {
                close(&mut label, &mut open);
            } else if open.1 && !i {
                label.push('*');
                open.1 = false;
            }
            if b && !open.0 {
                label.push_str("**");
                open.0 = true;
            }
            if i && !open.1 {
                label.push('*');
                open.1 = true;
            }
            label.push_str(&escape(core));
            if !trail.is_empty() {
                close(&mut label, &mut open);
                label.push_str(&escape(trail));
            }
        }
        close(&mut label, &mut open);
        match link {
            Some(url) => out.push_str(&format!("[{label}]({})", escape_url(url))),
            None => out.push_str(&label),
        }
    }
    out
}

/// Text with every character CommonMark could read as inline markup escaped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if "\\`*_[]<>#|~&!".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A heading's text: escaped, trailing `#`s kept as text.
fn escape_line(text: &str) -> String {
    escape(text)
}

/// Markdown for the start of a line: a character that would begin a list item, a
/// thematic break or a setext underline (`-`, `+`, `=`, `1.`, `1)`) escaped.
fn line_start(md: &str) -> String {
    let mut lines = Vec::new();
    for l in md.split('\n') {
        let digits = l.chars().take_while(char::is_ascii_digit).count();
        let fixed = if l.starts_with(['-', '+', '=']) {
            format!("\\{l}")
        } else if digits > 0 && l[digits..].starts_with(['.', ')']) {
            format!("{}\\{}", &l[..digits], &l[digits..])
        } else {
            l.to_string()
        };
        lines.push(fixed);
    }
    lines.join("\n")
}

/// A link destination: `(`, `)` and `\` escaped (the URL has no space or control
/// character: [`crate::markup::check_url`]).
fn escape_url(url: &str) -> String {
    let mut out = String::new();
    for c in url.chars() {
        if "()\\<>".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
