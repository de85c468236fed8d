//! The resume as a vertical list of [`Band`]s: the header (name, headline, contact),
//! section headings with their rules, and entries (title row with the date column,
//! subtitle row with the location, text, bullets).
//!
//! The type scale, from the body size `fs` (default 10 pt): name 2.4 fs bold in the
//! accent colour; headline 1.1 fs; contact line 0.9 fs; section headings 1.2 fs bold,
//! accent, with a 0.5 pt rule; entry titles fs bold; dates fs in a quiet grey;
//! subtitles and locations fs italic. Leading is `line_spacing` × size for every size.
//! Vertical space is counted in fractions of fs so that the rhythm scales with the
//! body size (the constants below).

use super::page::{self, shift};
use super::{BandInfo, BandKind, Element, Link, Rule, TextRun};
use crate::diag::{Diagnostic, Pos};
use crate::geom::{Pt, Rect};
use crate::inline::{natural_width, typeset, Align, Line, ParStyle, Paragraph, Slant, Weight};
use crate::markup::Span;
use crate::model::{DateAlign, DateColumn, Design, Entry, HeaderAlign, HeadingRule, Resume, Rgb, SectionTitle, Text};

/// Name size as a multiple of the body size.
const NAME_SCALE: f64 = 2.4;
/// Headline size.
const HEADLINE_SCALE: f64 = 1.1;
/// Contact line size.
const CONTACT_SCALE: f64 = 0.9;
/// Section heading size.
const HEADING_SCALE: f64 = 1.2;
/// Space above a section heading, × fs.
const SPACE_BEFORE_HEADING: f64 = 1.1;
/// Distance from a heading's baseline down to its rule, × fs.
const RULE_DROP: f64 = 0.4;
/// Rule thickness, pt.
const RULE_THICKNESS: Pt = 0.5;
/// Space between the rule and the first entry, × fs.
const SPACE_AFTER_RULE: f64 = 0.45;
/// Space between entries, × fs.
const SPACE_BETWEEN_ENTRIES: f64 = 0.55;
/// Space above an entry's text and each bullet, × fs.
const SPACE_BODY: f64 = 0.12;
/// The least space between a title and its date, × fs.
const DATE_GUTTER: f64 = 1.0;
/// Bullet position and hanging indent of bullet text, × fs.
const BULLET_X: f64 = 0.35;
const BULLET_INDENT: f64 = 1.2;
/// Gap between an entry's number and its text, × fs.
const NUMBER_GAP: f64 = 0.5;

/// Where [`Builder::push_lines`] puts each line of a paragraph.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Placement {
    /// At the x given (the start of the measure).
    Start,
    /// Centred in the measure that starts at the x given.
    Centred,
}

/// Which page breaks [`Builder::push_lines`] allows after a paragraph's lines.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Keep {
    /// None before the last line: every line is kept with the next.
    EveryLine,
    /// Those that leave no orphan or widow and split no hyphenated word.
    NoOrphansOrWidows,
}

/// A horizontal slice of the page: one line of text (or a heading with its rule).
/// Element coordinates are relative to the band: x from the page's left edge, y from
/// the band's top (y down).
#[derive(Clone, Debug)]
pub(super) struct Band {
    /// Height in pt (the leading of its line, plus a rule's room).
    pub height: Pt,
    /// Space above the band, pt; dropped at the top of a page.
    pub space_before: Pt,
    /// The cost of a page break after this band: [`page::FREE`], [`page::KEEP`] or
    /// [`page::FORBIDDEN`] (see `page.rs` for the rules).
    pub penalty: f64,
    /// What the band holds, its paragraph (a number shared by its lines) and its
    /// line's place in that paragraph: for tests of the page-breaking rules.
    pub info: BandInfo,
    /// The elements, relative to the band.
    pub elements: Vec<Element>,
}

struct Builder<'a> {
    d: &'a Design,
    fs: Pt,
    left: Pt,
    measure: Pt,
    /// The left date column's width (`date_column: left`), pt; `None` for the right
    /// column.
    date_col: Option<Pt>,
    /// Where entries' text starts (past the left date column and its gutter), pt from
    /// the page's left edge, and the measure it has.
    body_x: Pt,
    body_measure: Pt,
    /// Lines waiting for the left date column: each set beside a band of the entry
    /// being built, in order, not before the band index given.
    column: Vec<(Line, usize)>,
    bands: Vec<Band>,
    /// Characters no font covers, with the field they occur in.
    missing: Vec<(char, Pos, String)>,
    /// Warnings other than missing characters (words split between graphemes).
    warnings: Vec<Diagnostic>,
    /// The kind of band being built, and the serial number of the next paragraph.
    kind: BandKind,
    groups: usize,
    /// The entry being set, and how many have been.
    entry: Option<usize>,
    entries: usize,
}

/// Baseline position in a band of `leading` for text of `size`: the em box centred
/// in the leading, baseline 0.8 em below the em box's top.
fn baseline_in(leading: Pt, size: Pt) -> Pt {
    0.5 * (leading - size) + 0.8 * size
}

/// Text runs and link rectangles of a set line placed at `x` on `baseline`.
fn line_elements(line: &Line, x: Pt, baseline: Pt) -> Vec<Element> {
    let mut out: Vec<Element> = Vec::new();
    let mut links: Vec<Link> = Vec::new();
    let mut open: Option<(String, Pt, Pt, Pt)> = None; // uri, x0, x1, size
    for r in &line.runs {
        out.push(Element::Text(TextRun::from_run(r, x, baseline)));
        match (&r.link, &mut open) {
            (Some(u), Some((ou, _, x1, _))) if u == ou => *x1 = x + r.x + r.width,
            _ => {
                if let Some((uri, x0, x1, size)) = open.take() {
                    links.push(link_rect(uri, x0, x1, baseline, size));
                }
                if let Some(u) = &r.link {
                    open = Some((u.clone(), x + r.x, x + r.x + r.width, r.size));
                }
            }
        }
    }
    if let Some((uri, x0, x1, size)) = open {
        links.push(link_rect(uri, x0, x1, baseline, size));
    }
    out.extend(links.into_iter().map(Element::Link));
    out
}

fn link_rect(uri: String, x0: Pt, x1: Pt, baseline: Pt, size: Pt) -> Link {
    Link { rect: Rect { x: x0, y: baseline - 0.85 * size, width: x1 - x0, height: 1.1 * size }, uri }
}

/// Builds the bands of a resume, and warnings for characters no font covers.
pub(super) fn build(r: &Resume) -> (Vec<Band>, Vec<Diagnostic>) {
    let d = &r.design;
    let measure = d.page_width - d.margin.left - d.margin.right;
    let mut b = Builder {
        d,
        fs: d.font_size,
        left: d.margin.left,
        measure,
        date_col: None,
        body_x: d.margin.left,
        body_measure: measure,
        column: Vec::new(),
        bands: Vec::new(),
        missing: Vec::new(),
        warnings: Vec::new(),
        kind: BandKind::Header,
        groups: 0,
        entry: None,
        entries: 0,
    };
    if d.date_column == DateColumn::Left {
        let col = b.date_column_width(r);
        if col > 0.0 {
            b.date_col = Some(col);
            b.body_x = b.left + col + DATE_GUTTER * b.fs;
            b.body_measure = measure - col - DATE_GUTTER * b.fs;
        }
    }
    b.header(r);
    for (k, s) in r.sections.iter().enumerate() {
        let title = match d.section_title {
            SectionTitle::Uppercase => s.title.text.to_uppercase(),
            SectionTitle::SmallCaps | SectionTitle::AsWritten => s.title.text.clone(),
        };
        b.heading(&title, &s.title, k == 0 && r.headline.is_none() && r.contact.is_empty());
        // Numbered entries hang past the widest number and a gap of half an em.
        let indent = if s.numbered {
            let st = b.style(b.fs, Weight::Regular, Slant::Upright, Rgb::TEXT, Align::Ragged);
            let widest = (1..=s.entries.len()).map(|n| natural_width(&[Span { text: format!("{n}."), ..Default::default() }], &st)).fold(0.0, f64::max);
            widest + NUMBER_GAP * b.fs
        } else {
            0.0
        };
        for (i, e) in s.entries.iter().enumerate() {
            let ctx = format!("section '{}', entry {}", s.title.text, i + 1);
            b.entry = Some(b.entries);
            b.entries += 1;
            b.entry(e, s.numbered.then_some((i + 1, indent)), i == 0, &ctx);
            b.entry = None;
        }
    }
    let mut warnings = missing_warnings(&b.missing);
    warnings.append(&mut b.warnings);
    (b.bands, warnings)
}

/// One warning per character no font covers (text face, bundled fallback, installed
/// fonts), naming it and listing every place it occurs.
fn missing_warnings(missing: &[(char, Pos, String)]) -> Vec<Diagnostic> {
    let mut out: Vec<(char, Pos, Vec<String>)> = Vec::new();
    for (c, pos, ctx) in missing {
        match out.iter_mut().find(|(x, _, _)| x == c) {
            Some((_, _, places)) => {
                if !places.contains(ctx) {
                    places.push(ctx.clone());
                }
            }
            None => out.push((*c, *pos, vec![ctx.clone()])),
        }
    }
    out.into_iter()
        .map(|(c, pos, places)| {
            Diagnostic::warning(pos, format!("no font has the character '{c}' ({}): neither the text face, nor the bundled DejaVu Sans, nor any installed font; it is shown as an empty box in {}", crate::text::char_label(c), places.join("; ")))
                .with_hint("install a font that has it (`vitae fonts` lists what is installed), or choose one with `design.font`")
        })
        .collect()
}

impl Builder<'_> {
    fn style(&self, size: Pt, weight: Weight, slant: Slant, color: Rgb, align: Align) -> ParStyle {
        ParStyle { size, weight, slant, color, link_color: self.d.link, align, hyphenate: None, family: self.d.font, small_caps: false, direction: self.d.language.direction() }
    }

    /// A vertical space of `k` × the body size, scaled by the theme's spacing.
    fn space(&self, k: f64) -> Pt {
        k * self.fs * self.d.space_scale
    }

    /// The style of dates and locations: the quiet grey at the theme's date size.
    fn quiet(&self, italic: bool) -> ParStyle {
        self.style(self.d.date_scale * self.fs, Weight::Regular, if italic { Slant::Italic } else { Slant::Upright }, Rgb::QUIET, Align::Ragged)
    }

    /// The left date column's width: the widest date or location of the document at
    /// natural width, but at most a quarter of the measure (wider ones wrap inside
    /// it); 0 when no entry has either.
    fn date_column_width(&self, r: &Resume) -> Pt {
        let mut widest: Pt = 0.0;
        for e in r.sections.iter().flat_map(|s| &s.entries) {
            if let Some(d) = &e.date {
                widest = widest.max(natural_width(&d.inline, &self.quiet(false)));
            }
            if let Some(l) = &e.location {
                widest = widest.max(natural_width(&l.inline, &self.quiet(true)));
            }
        }
        widest.min(self.measure / 4.0)
    }

    /// Body text (an entry's text, bullets): justified per the design, hyphenated in
    /// its language unless `hyphenate: false`.
    fn body_style(&self) -> ParStyle {
        let mut st = self.style(self.fs, Weight::Regular, Slant::Upright, Rgb::TEXT, if self.d.justify { Align::Justified } else { Align::Ragged });
        st.hyphenate = self.d.hyphenate.then_some(self.d.language);
        st
    }

    fn leading(&self, size: Pt) -> Pt {
        size * self.d.line_spacing
    }

    /// Sets spans and records missing characters against `field`.
    fn set(&mut self, spans: &[Span], style: &ParStyle, measure: Pt, pos: Pos, field: &str) -> Paragraph {
        let p = typeset(spans, style, measure);
        for w in &p.split_words {
            self.warnings.push(Diagnostic::warning(
                pos,
                format!("`{w}` in {field} is wider than the line ({measure:.1} pt) and has no place to break: it was broken between letters, with a hyphen"),
            ));
        }
        for &c in &p.missing {
            self.missing.push((c, pos, field.to_string()));
        }
        p
    }

    /// Pushes one band per line, lines placed at `x` (or centred in the measure from
    /// `x`, [`Placement::Centred`]).
    ///
    /// Page-break penalties after each line: [`Keep::EveryLine`] keeps every line
    /// with the next (head rows, the header); with [`Keep::NoOrphansOrWidows`] a
    /// paragraph of three lines or fewer moves whole, one of four or more may break
    /// anywhere that leaves two lines on each side (no orphan, no widow), and a line
    /// ending in a hyphenated word never ends a page. After the last line a break is
    /// free.
    fn push_lines(&mut self, p: &Paragraph, size: Pt, x: Pt, placement: Placement, space_before: Pt, keep: Keep) {
        let leading = self.leading(size);
        let n = p.lines.len();
        let group = self.groups;
        self.groups += 1;
        for (k, line) in p.lines.iter().enumerate() {
            let lx = if placement == Placement::Centred { x + (self.measure - line.width) / 2.0 } else { x };
            let elements = line_elements(line, lx, baseline_in(leading, size));
            let broken = line.runs.last().and_then(|r| r.word).is_some_and(|w| p.lines.get(k + 1).and_then(|n| n.runs.first()).and_then(|r| r.word) == Some(w));
            let last = k + 1 == n;
            let penalty = if keep == Keep::EveryLine || (!last && (n <= 3 || k == 0 || k + 2 == n || broken)) { page::KEEP } else { page::FREE };
            let info = BandInfo { kind: self.kind, group, line: k, lines: n, entry: self.entry };
            self.bands.push(Band { height: leading, space_before: if k == 0 { space_before } else { 0.0 }, penalty, info, elements });
        }
    }

    /// Sets the penalty after bands `from..to` (no-op for an empty range).
    fn set_penalty(&mut self, from: usize, to: usize, penalty: f64) {
        for b in &mut self.bands[from.min(to)..to] {
            b.penalty = penalty;
        }
    }

    fn header(&mut self, r: &Resume) {
        let fs = self.fs;
        let name_size = NAME_SCALE * fs;
        let st = self.style(name_size, Weight::Bold, Slant::Upright, self.d.accent, Align::Ragged);
        let placement = if self.d.header_align == HeaderAlign::Centre { Placement::Centred } else { Placement::Start };
        let p = self.set(&r.name.inline, &st, self.measure, r.name.pos, "name");
        self.push_lines(&p, name_size, self.left, placement, 0.0, Keep::EveryLine);
        if let Some(h) = &r.headline {
            let size = HEADLINE_SCALE * fs;
            let st = self.style(size, Weight::Regular, Slant::Upright, Rgb::QUIET, Align::Ragged);
            let p = self.set(&h.inline, &st, self.measure, h.pos, "headline");
            self.push_lines(&p, size, self.left, placement, self.space(0.1), Keep::EveryLine);
        }
        if !r.contact.is_empty() {
            self.contact_lines(r);
        }
        if let Some(last) = self.bands.last_mut() {
            last.penalty = page::FREE;
        }
    }

    /// The contact line: items joined by the separator, centred, wrapping between
    /// items (never inside one unless it alone is wider than the measure), with no
    /// separator at the end or start of a line.
    fn contact_lines(&mut self, r: &Resume) {
        let fs = self.fs;
        let size = CONTACT_SCALE * fs;
        let st = self.style(size, Weight::Regular, Slant::Upright, Rgb::TEXT, Align::Ragged);
        let items: Vec<Vec<Span>> = r
            .contact
            .iter()
            .map(|c| c.shown.inline.iter().map(|s| Span { link: s.link.clone().or_else(|| c.link.clone()), ..s.clone() }).collect())
            .collect();
        let sep = [Span { text: self.d.contact_separator.clone(), ..Default::default() }];
        let sep_w = natural_width(&sep, &st);
        let mut groups: Vec<(Vec<Span>, Pos)> = Vec::new();
        let mut line_w = 0.0;
        for (k, item) in items.iter().enumerate() {
            let w = natural_width(item, &st);
            let pos = r.contact[k].shown.pos;
            match groups.last_mut() {
                Some((spans, _)) if line_w + sep_w + w <= self.measure => {
                    spans.extend(sep.iter().cloned());
                    spans.extend(item.iter().cloned());
                    line_w += sep_w + w;
                }
                _ => {
                    groups.push((item.clone(), pos));
                    line_w = w;
                }
            }
        }
        for (k, (spans, pos)) in groups.iter().enumerate() {
            let p = self.set(spans, &st, self.measure, *pos, "contact");
            let placement = if self.d.header_align == HeaderAlign::Centre { Placement::Centred } else { Placement::Start };
            self.push_lines(&p, size, self.left, placement, if k == 0 { self.space(0.25) } else { 0.0 }, Keep::EveryLine);
        }
    }

    fn heading(&mut self, title: &str, t: &Text, first: bool) {
        let fs = self.fs;
        let size = HEADING_SCALE * fs;
        let mut st = self.style(size, Weight::Bold, Slant::Upright, self.d.accent, Align::Ragged);
        st.small_caps = self.d.section_title == SectionTitle::SmallCaps;
        let spans = [Span { text: title.to_string(), ..Default::default() }];
        let p = self.set(&spans, &st, self.measure, t.pos, "section title");
        let space = if first { self.space(0.8) } else { self.space(SPACE_BEFORE_HEADING) };
        let at = self.bands.len();
        self.kind = BandKind::Heading;
        self.push_lines(&p, size, self.left, Placement::Start, space, Keep::EveryLine);
        self.kind = BandKind::Body;
        let end = self.bands.len();
        self.set_penalty(at, end, page::FORBIDDEN);
        if self.d.section_rule {
            let leading = self.leading(size);
            let baseline = baseline_in(leading, size);
            let (x0, y) = match self.d.heading_rule {
                HeadingRule::Below => (self.left, baseline + RULE_DROP * fs),
                // From half an em past the title's last line, at the middle of the
                // capitals (a third of the size above the baseline).
                HeadingRule::Beside => (self.left + p.lines.last().map_or(0.0, |l| l.width) + 0.5 * size, baseline - size / 3.0),
            };
            let x1 = self.left + self.measure;
            if let Some(last) = self.bands.last_mut().filter(|_| x0 < x1) {
                last.elements.push(Element::Rule(Rule { x0, x1, y, thickness: RULE_THICKNESS, color: self.d.accent }));
                last.height = last.height.max(y + RULE_THICKNESS);
            }
        }
    }

    /// A head row: `main` (a title, a subtitle, a dated text) with `side` (a date or
    /// location) on its first baseline.
    ///
    /// Right date column: `main` is set short of `side`, which sits flush right; a
    /// side wider than half the measure gets a line of its own below. Left date
    /// column: `side` is set in the column at the left margin (wrapping inside it),
    /// flush left or right per `date_align`, its lines on the main text's baselines.
    /// Bands are kept with what follows.
    fn row(&mut self, main: Option<(&[Span], ParStyle, Pos, &str)>, side: Option<(&Text, ParStyle)>, x: Pt, measure: Pt, space_before: Pt) {
        let fs = self.fs;
        let left_col = self.date_col;
        let side_w = side.as_ref().map(|(t, st)| natural_width(&t.inline, st));
        let inline_side = left_col.is_none() && side_w.is_some_and(|w| w <= self.measure / 2.0);
        let main_measure = if inline_side { measure - side_w.unwrap_or(0.0) - DATE_GUTTER * fs } else { measure };
        // The main text's bands, if any: [first, end), and its baseline in them.
        let first = self.bands.len();
        let mut main_baseline = 0.0;
        if let Some((spans, st, pos, field)) = main {
            let p = self.set(spans, &st, main_measure, pos, field);
            self.push_lines(&p, st.size, x, Placement::Start, space_before, Keep::EveryLine);
            main_baseline = baseline_in(self.leading(st.size), st.size);
        }
        let main_bands = first..self.bands.len();
        let Some((t, st)) = side else { return };
        let side_measure = left_col.unwrap_or(if inline_side { self.measure } else { measure });
        let sp = self.set(&t.inline, &st, side_measure, t.pos, "date");
        let leading = self.leading(st.size);
        let right = self.left + self.measure;
        for (k, line) in sp.lines.iter().enumerate() {
            let sx = match (left_col, self.d.date_align) {
                (None, _) => right - line.width,
                (Some(_), DateAlign::Left) => self.left,
                (Some(col), DateAlign::Right) => self.left + col - line.width,
            };
            if left_col.is_some() {
                // In the left column: placed beside the entry's bands when the entry is
                // complete ([`Builder::set_column`]), from the main text's first line on
                // (a row with no main text: from the next band on).
                let from = if main_bands.is_empty() { self.bands.len() } else { main_bands.start };
                self.column.push((line.clone(), from));
            } else if inline_side && k == 0 && !main_bands.is_empty() {
                // On the main text's first baseline, but written after its last line
                // (the bands are kept together), so that the text of a word broken
                // across the main text's lines stays one span in the PDF.
                let last = main_bands.end - 1;
                let up: Pt = self.bands[main_bands.start + 1..=last].iter().map(|b| b.height + b.space_before).sum();
                let els = line_elements(line, sx, main_baseline);
                self.bands[last].elements.extend(els.into_iter().map(|e| shift(e, -up)));
            } else {
                let sb = if k == 0 && main_bands.is_empty() { space_before } else { 0.0 };
                let info = BandInfo { kind: self.kind, group: self.groups, line: 0, lines: 1, entry: self.entry };
                self.groups += 1;
                let els = line_elements(line, sx, baseline_in(leading, st.size));
                self.bands.push(Band { height: leading, space_before: sb, penalty: page::KEEP, info, elements: els });
            }
        }
    }

    /// Sets the queued left-column lines beside the bands from `start` on: each on the
    /// baseline of the first band it may take, one line per band; lines left over get
    /// bands of their own at the end (the first of an entry with `space` above it). A line goes before its band's text in reading
    /// order when the band starts a paragraph, after it otherwise (so that it never
    /// falls inside the `/ActualText` span of a word broken across lines).
    fn set_column(&mut self, start: usize, space: Pt) {
        let (sx, leading) = (self.left, self.leading(self.d.date_scale * self.fs));
        let col = self.date_col.unwrap_or(0.0);
        let right_align = self.d.date_align == DateAlign::Right;
        let mut next = start;
        for (line, min_band) in std::mem::take(&mut self.column) {
            next = next.max(min_band);
            let x = if right_align { sx + col - line.width } else { sx };
            let size = line.runs.first().map_or(self.fs, |r| r.size);
            match self.bands.get_mut(next) {
                Some(band) => {
                    let baseline = band.elements.iter().find_map(|e| if let Element::Text(t) = e { Some(t.baseline) } else { None }).unwrap_or_else(|| baseline_in(band.height, size));
                    let els = line_elements(&line, x, baseline);
                    if band.info.line == 0 {
                        let rest = std::mem::replace(&mut band.elements, els);
                        band.elements.extend(rest);
                    } else {
                        band.elements.extend(els);
                    }
                }
                None => {
                    // Past the entry's last band: a band of its own, kept with the
                    // band above; a page may break after it.
                    if let Some(prev) = self.bands.last_mut() {
                        prev.penalty = prev.penalty.max(page::KEEP);
                    }
                    let info = BandInfo { kind: self.kind, group: self.groups, line: 0, lines: 1, entry: self.entry };
                    self.groups += 1;
                    let els = line_elements(&line, x, baseline_in(leading, size));
                    // An entry of column lines only (a date alone) keeps its entry's space.
                    let space_before = if self.bands.len() == start { space } else { 0.0 };
                    self.bands.push(Band { height: leading, space_before, penalty: page::FREE, info, elements: els });
                }
            }
            next += 1;
        }
    }

    /// Sets an entry; `number` is its number and the section's hanging indent (pt).
    fn entry(&mut self, e: &Entry, number: Option<(usize, Pt)>, first: bool, ctx: &str) {
        let fs = self.fs;
        let indent = number.map_or(0.0, |(_, i)| i);
        let x = self.body_x + indent;
        let m = self.body_measure - indent;
        let space = if first { self.space(SPACE_AFTER_RULE) } else { self.space(SPACE_BETWEEN_ENTRIES) };
        let start = self.bands.len();
        let quiet = |b: &Self, italic: bool| b.quiet(italic);
        // The label row's spans: **label:** text
        let label_text: Option<(Vec<Span>, Pos)> = e.text.as_ref().map(|t| {
            let mut spans = Vec::new();
            if let Some(l) = &e.label {
                spans.extend(l.inline.iter().map(|s| Span { bold: true, ..s.clone() }));
                spans.push(Span { text: ": ".into(), bold: true, ..Default::default() });
            }
            spans.extend(t.inline.iter().cloned());
            (spans, t.pos)
        });
        let mut text_done = false;
        // 1. The head row: title (or, without one, the text) with the date.
        if let Some(t) = &e.title {
            let st = self.style(fs, Weight::Bold, Slant::Upright, Rgb::TEXT, Align::Ragged);
            let date = e.date.as_ref().map(|d| (d, quiet(self, false)));
            self.row(Some((&t.inline, st, t.pos, &format!("{ctx} title"))), date, x, m, space);
        } else if let (Some(d), Some((spans, pos))) = (&e.date, &label_text) {
            let st = self.style(fs, Weight::Regular, Slant::Upright, Rgb::TEXT, if self.d.justify { Align::Justified } else { Align::Ragged });
            self.row(Some((spans, st, *pos, &format!("{ctx} text"))), Some((d, quiet(self, false))), x, m, space);
            text_done = true;
        } else if let Some(d) = &e.date {
            self.row(None, Some((d, quiet(self, false))), x, m, space);
        }
        // 2. The subtitle row with the location.
        if e.subtitle.is_some() || e.location.is_some() {
            let sb = if self.bands.len() == start { space } else { 0.0 };
            let st = self.style(fs, Weight::Regular, Slant::Italic, Rgb::TEXT, Align::Ragged);
            let main = e.subtitle.as_ref().map(|s| (s.inline.as_slice(), st, s.pos, "subtitle"));
            let loc = e.location.as_ref().map(|l| (l, quiet(self, true)));
            self.row(main, loc, x, m, sb);
        }
        let head_end = self.bands.len();
        // 3. Text and bullets.
        if let (false, Some((spans, pos))) = (text_done, &label_text) {
            let sb = if self.bands.len() == start { space } else { self.space(SPACE_BODY) };
            let st = self.body_style();
            let p = self.set(spans, &st, m, *pos, &format!("{ctx} text"));
            self.push_lines(&p, fs, x, Placement::Start, sb, Keep::NoOrphansOrWidows);
        }
        let bullet_x = x + BULLET_X * fs;
        let text_x = x + BULLET_INDENT * fs;
        for (k, bt) in e.bullets.iter().enumerate() {
            let sb = if self.bands.len() == start { space } else { self.space(SPACE_BODY) };
            let st = self.body_style();
            let p = self.set(&bt.inline, &st, m - BULLET_INDENT * fs, bt.pos, &format!("{ctx} bullet {}", k + 1));
            let at = self.bands.len();
            self.push_lines(&p, fs, text_x, Placement::Start, sb, Keep::NoOrphansOrWidows);
            self.mark(at, "•", bullet_x, false);
        }
        self.set_column(start, space);
        // Keep the head rows together and with the first line of the body; the
        // body's own lines carry their paragraphs' penalties. The first entry of a
        // section is held to its heading: no break before its first body line.
        let end = self.bands.len();
        let keep_to = if head_end < end { head_end } else { end.saturating_sub(1) };
        self.set_penalty(start, keep_to, if first { page::FORBIDDEN } else { page::KEEP });
        if head_end == end && end > start {
            self.bands[end - 1].penalty = page::FREE;
        }
        for b in &mut self.bands[start..head_end] {
            b.info.kind = BandKind::EntryHead;
        }
        if let Some((n, _)) = number {
            self.mark(start, &format!("{n}."), x - NUMBER_GAP * fs, true);
        }
    }

    /// Puts a marker (a bullet, an entry's number) on the first baseline of band
    /// `at`, in the body face, before the band's own text in reading order: starting
    /// at `x`, or ending at `x` when `flush_right`.
    fn mark(&mut self, at: usize, text: &str, x: Pt, flush_right: bool) {
        let fs = self.fs;
        let st = self.style(fs, Weight::Regular, Slant::Upright, Rgb::TEXT, Align::Ragged);
        let p = typeset(&[Span { text: text.into(), ..Default::default() }], &st, f64::INFINITY);
        let (Some(band), Some(line)) = (self.bands.get_mut(at), p.lines.first()) else { return };
        let lx = if flush_right { x - line.width } else { x };
        let mut els = line_elements(line, lx, baseline_in(band.height, fs));
        els.append(&mut band.elements);
        band.elements = els;
    }
}
