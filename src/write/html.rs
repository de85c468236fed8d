//! The web page: one self-contained HTML5 file (no script, no request: the CSS is
//! inline and the fonts are the PDF's faces, subset and embedded as base64,
//! `webfonts`), semantic (`h1` the name, a `section` with an `h2` per section, an
//! `article` per entry with an `h3` title, `time datetime` for structured dates,
//! `ul`/`li` bullets, `ol` for numbered sections, `a` links, `lang` from
//! `design.language`, `dir="rtl"` where the PDF is mirrored), styled after the theme:
//! the accent colour, the type scale as `em`s of the body size, the date column as a
//! grid column shared by every entry (CSS Grid's `subgrid`), headings in capitals,
//! small capitals or as written, the rule under or beside them. Below 40 em wide the
//! date column folds under the titles; a print stylesheet sets the page size and
//! margins of the PDF.

use super::{by_link, contact_spans, date_ends, iso};
use crate::geom::Rgb;
use crate::layout::Document;
use crate::markup::Span;
use crate::model::{Entry, Resume};
use crate::style::{DateAlign, DateColumn, HeaderAlign, HeadingRule, SectionTitle, Style};
use std::fmt::Write as _;

/// The resume as one HTML5 page.
pub fn html(resume: &Resume, style: &Style, doc: &Document) -> String {
    let lang = style.language;
    let dir = if lang.rtl() { "rtl" } else { "ltr" };
    let mut h = String::new();
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"{}\" dir=\"{dir}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n\
         <meta name=\"author\" content=\"{}\">\n",
        lang.tag(),
        esc(&resume.pdf.title),
        esc(&resume.pdf.author)
    );
    if let Some(s) = &resume.pdf.subject {
        let _ = writeln!(h, "<meta name=\"description\" content=\"{}\">", esc(s));
    }
    if !resume.pdf.keywords.is_empty() {
        let _ = writeln!(
            h,
            "<meta name=\"keywords\" content=\"{}\">",
            esc(&resume.pdf.keywords.join(", "))
        );
    }
    let _ = writeln!(h, "<meta name=\"generator\" content=\"vitae\">");
    let _ = writeln!(h, "<style>\n{}</style>\n</head>\n<body>\n<main>", css(style, doc));
    h.push_str("<header>\n");
    let _ = writeln!(h, "<h1>{}</h1>", esc(&resume.name.text));
    if let Some(hl) = &resume.headline {
        let _ = writeln!(h, "<p class=\"headline\">{}</p>", inline(&hl.inline));
    }
    if !resume.contact.is_empty() {
        h.push_str("<ul class=\"contact\">");
        // Each separator ends the item before it, so that a wrapped line never starts
        // with one.
        let last = resume.contact.len() - 1;
        for (k, c) in resume.contact.iter().enumerate() {
            let sep = if k < last {
                format!(
                    "<span class=\"sep\" aria-hidden=\"true\">{}</span>",
                    esc(&style.contact_separator)
                )
            } else {
                String::new()
            };
            let _ = write!(h, "<li>{}{sep}</li>", inline(&contact_spans(c)));
        }
        h.push_str("</ul>\n");
    }
    h.push_str("</header>\n");
    for s in &resume.sections {
        h.push_str("<section>\n");
        let _ = writeln!(h, "<h2>{}</h2>", esc(&s.title.text));
        if s.numbered {
            h.push_str("<ol>\n");
            for e in &s.entries {
                let _ = writeln!(h, "<li><article>{}</article></li>", entry(e, style));
            }
            h.push_str("</ol>\n");
        } else {
            for e in &s.entries {
                let _ = writeln!(h, "<article>{}</article>", entry(e, style));
            }
        }
        h.push_str("</section>\n");
    }
    h.push_str("</main>\n</body>\n</html>\n");
    h
}

/// An entry's contents: head rows (title and date, subtitle and location), text,
/// bullets. With a left date column the date comes first (the grid places it in the
/// first column); with a right one, after the title.
fn entry(e: &Entry, style: &Style) -> String {
    let mut h = String::new();
    let left = style.date_column == DateColumn::Left;
    let date = e.date.as_ref().map(|_| format!("<p class=\"date\">{}</p>", date(e)));
    let loc = e
        .location
        .as_ref()
        .map(|l| format!("<p class=\"date location\">{}</p>", inline(&l.inline)));
    let main_with = |h: &mut String, main: String, side: Option<String>| {
        if left {
            h.push_str(side.as_deref().unwrap_or("<p class=\"date\"></p>"));
            h.push_str(&main);
        } else if let Some(s) = side {
            let _ = write!(h, "<div class=\"row\">{main}{s}</div>");
        } else {
            h.push_str(&main);
        }
    };
    let mut date = date;
    if let Some(t) = &e.title {
        main_with(&mut h, format!("<h3>{}</h3>", inline(&t.inline)), date.take());
    }
    if e.subtitle.is_some() || loc.is_some() {
        let sub = e
            .subtitle
            .as_ref()
            .map_or("<p class=\"subtitle\"></p>".to_string(), |s| {
                format!("<p class=\"subtitle\">{}</p>", inline(&s.inline))
            });
        main_with(&mut h, sub, loc);
    }
    if let Some(t) = &e.text {
        let label = e.label.as_ref().map_or(String::new(), |l| {
            format!("<strong class=\"label\">{}:</strong> ", inline(&l.inline))
        });
        main_with(
            &mut h,
            format!("<p class=\"text\">{label}{}</p>", inline(&t.inline)),
            date.take(),
        );
    }
    if let Some(d) = date.take() {
        main_with(&mut h, String::new(), Some(d));
    }
    if !e.bullets.is_empty() {
        h.push_str("<ul class=\"bullets\">");
        for b in &e.bullets {
            let _ = write!(h, "<li>{}</li>", inline(&b.inline));
        }
        h.push_str("</ul>");
    }
    h
}

/// An entry's date: each structured end in a `time` element with its `datetime`
/// (`present` as text); free text as it is.
fn date(e: &Entry) -> String {
    let Some(d) = &e.date else { return String::new() };
    let time = |text: &str, when: Option<crate::model::date::Date>| match when.and_then(iso) {
        Some(dt) => format!("<time datetime=\"{dt}\">{}</time>", esc(text)),
        None => esc(text),
    };
    match date_ends(e) {
        Some((a, Some(b))) => format!("{} – {}", time(a, e.start), time(b, e.end)),
        Some((a, None)) => time(a, e.start),
        None => esc(&d.text),
    }
}

/// Spans as HTML: `strong`, `em`, and `a` for links.
fn inline(spans: &[Span]) -> String {
    let mut out = String::new();
    for (link, run) in by_link(spans) {
        let mut label = String::new();
        for s in run {
            let mut t = esc(&s.text);
            if s.italic {
                t = format!("<em>{t}</em>");
            }
            if s.bold {
                t = format!("<strong>{t}</strong>");
            }
            label.push_str(&t);
        }
        match link {
            Some(url) => {
                let _ = write!(out, "<a href=\"{}\">{label}</a>", esc(url));
            }
            None => out.push_str(&label),
        }
    }
    out
}

/// Text with `&`, `<`, `>`, `"` and `'` as character references.
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A colour as CSS `#rrggbb`.
fn hex(c: Rgb) -> String {
    let b = |v: f64| (v.clamp(0.0, 1.0) * 255.0).round() as u8;
    format!("#{:02x}{:02x}{:02x}", b(c.0), b(c.1), b(c.2))
}

/// The style sheet: the theme's faces, colours, sizes and spaces, in `em`s of the
/// body size for the screen and in pt for print.
fn css(style: &Style, doc: &Document) -> String {
    let (faces, family) = super::webfonts::font_faces(doc, style);
    let fs = style.font_size;
    let em = |x: crate::geom::Pt| format!("{:.3}em", x / fs);
    let sz = &style.sizes;
    let sp = &style.spaces;
    let accent = hex(style.accent);
    let link = hex(style.link);
    let left = style.date_column == DateColumn::Left;
    let gutter = em(style.indents.date_gutter);
    // A left date column is one grid column shared by every entry (subgrids); right
    // dates sit at the end of their own row, as the PDF sets each row short of its date.
    let columns = if left {
        format!(
            "main{{display:grid;grid-template-columns:max-content 1fr;column-gap:{gutter}}}\n\
             header,section,article,ol,ol>li{{grid-column:1/-1;display:grid;grid-template-columns:subgrid}}\n\
             h3,.subtitle,.text,.bullets{{grid-column:2}}\n.date{{grid-column:1}}\n"
        )
    } else {
        format!(
            ".row{{display:flex;align-items:baseline;column-gap:{gutter}}}\n\
             .row>:first-child{{flex:1 1 auto;min-width:0}}\n.row>.date{{flex:0 0 auto;max-width:50%}}\n"
        )
    };
    let date_align = match (left, style.date_align) {
        (true, DateAlign::Left) => "start",
        _ => "end",
    };
    let heading_case = match style.section_title {
        SectionTitle::Uppercase => "text-transform:uppercase;",
        SectionTitle::SmallCaps => "font-variant-caps:all-small-caps;",
        SectionTitle::AsWritten => "",
    };
    let rule = match (style.section_rule, style.heading_rule) {
        (false, _) => String::new(),
        (true, HeadingRule::Below) => format!(
            "h2{{border-bottom:{}pt solid {accent};padding-bottom:{}}}\n",
            style.indents.rule_thickness.0,
            em(style.indents.rule_drop * 0.5)
        ),
        (true, HeadingRule::Beside) => format!(
            "h2{{display:flex;align-items:center;gap:0.5em}}\nh2::after{{content:\"\";flex:1;border-top:{}pt solid {accent}}}\n",
            style.indents.rule_thickness.0
        ),
    };
    let header_align = match style.header_align {
        HeaderAlign::Centre => "center",
        HeaderAlign::Left => "start",
    };
    let header_justify = match style.header_align {
        HeaderAlign::Centre => "center",
        HeaderAlign::Left => "flex-start",
    };
    let date_size = em(sz.date);
    let measure_em = style.measure / fs;
    let justify = if style.justify { "justify" } else { "start" };
    let hyphens = if style.hyphenate { "auto" } else { "manual" };
    let page = format!("{}pt {}pt", style.page.width.0, style.page.height.0);
    let m = &style.margin;
    format!(
        "{faces}\
:root{{color-scheme:light}}\n\
*{{box-sizing:border-box}}\n\
html{{font-size:{base}px;background:#fff;color:#1a1a1a;-webkit-text-size-adjust:100%}}\n\
body{{margin:0;font-family:{family};line-height:{lh};font-kerning:normal}}\n\
main{{max-width:{maxw:.2}em;margin:0 auto;padding:{pad} {padx};overflow-wrap:anywhere}}\n\
{columns}\
header{{text-align:{header_align}}}\n\
header>*{{grid-column:1/-1}}\n\
h1{{font-size:{name};font-weight:700;color:{accent};margin:0;line-height:1.1}}\n\
.headline{{font-size:{headline};margin:{before_headline} 0 0;color:#555}}\n\
.contact{{font-size:{contact};color:#555;list-style:none;padding:0;margin:{before_contact} 0 0;display:flex;flex-wrap:wrap;justify-content:{header_justify}}}\n\
.contact li{{max-width:100%}}\n\
.sep{{white-space:pre}}\n\
h2{{grid-column:1/-1;font-size:{heading};font-weight:700;color:{accent};margin:{before_heading} 0 {after_heading};{heading_case}}}\n\
{rule}\
article{{margin-top:{between}}}\n\
h2+article,ol>li:first-child>article{{margin-top:0}}\n\
ol{{list-style:none;padding:0;margin:0;counter-reset:entry}}\n\
ol>li{{counter-increment:entry}}\n\
ol>li>article>:is(h3,.subtitle,.text):not(:is(h3,.subtitle,.text)~*)::before{{content:counter(entry) \".\";display:inline-block;width:{number}em;margin-inline-start:-{number}em}}\n\
ol>li>article{{padding-inline-start:{number}em}}\n\
h3,.subtitle,.text{{margin:0}}\n\
h3{{font-size:1em;font-weight:700}}\n\
.subtitle{{font-style:italic}}\n\
.text{{text-align:{justify};hyphens:{hyphens};margin-top:{before_body}}}\n\
h3+.subtitle,h3+.date+.subtitle{{margin-top:0}}\n\
.date{{margin:0;font-size:{date_size};text-align:{date_align};white-space:nowrap;color:#555;align-self:baseline}}\n\
.location{{font-style:italic}}\n\
.bullets{{margin:0;padding-inline-start:{bullet_text}}}\n\
.bullets li::marker{{font-size:0.8em}}\n\
.bullets li{{margin-top:{before_body};text-align:{justify};hyphens:{hyphens}}}\n\
a{{color:{link};text-decoration:none}}\n\
h3 a{{color:inherit}}\n\
a:hover,a:focus{{text-decoration:underline}}\n\
@media (max-width:40em){{\n\
main{{display:block;padding:1em}}\n\
header,section,article,ol,ol>li{{display:block}}\n\
.row{{display:block}}\n\
.row>.date{{max-width:none}}\n\
.date{{text-align:start;white-space:normal}}\n\
.contact{{justify-content:{header_justify}}}\n\
.text,.bullets li{{text-align:start}}\n\
}}\n\
@page{{size:{page};margin:{mt}pt {mr}pt {mb}pt {ml}pt}}\n\
@media print{{\n\
html{{font-size:{fs_pt}pt}}\n\
main{{max-width:none;padding:0}}\n\
article{{break-inside:avoid}}\n\
h2{{break-after:avoid}}\n\
a{{color:{link}}}\n\
}}\n",
        base = 16.0,
        lh = style.line_spacing,
        number = 1.5,
        maxw = measure_em + 4.0,
        pad = "2em",
        padx = "2em",
        name = em(sz.name),
        headline = em(sz.headline),
        contact = em(sz.contact),
        before_headline = em(sp.before_headline),
        before_contact = em(sp.before_contact),
        heading = em(sz.heading),
        before_heading = em(sp.before_heading),
        after_heading = em(sp.after_heading),
        between = em(sp.between_entries),
        before_body = em(sp.before_body),
        bullet_text = em(style.indents.bullet_text),
        mt = m.top.0,
        mr = m.right.0,
        mb = m.bottom.0,
        ml = m.left.0,
        fs_pt = fs.0,
    )
}
