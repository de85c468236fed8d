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

use super::band::{Band, FORBIDDEN, FREE, KEEP};
use super::icons;
use super::{BandInfo, BandKind, Element, Link, MorePages, Rule, TextRun};
use crate::diag::{Diagnostic, Pos};
use crate::geom::Rgb;
use crate::geom::{Pt, Rect};
use crate::inline::{Align, Line, ParStyle, Paragraph, Slant, Weight, natural_width, typeset};
use crate::markup::Span;
use crate::model::{Resume, Text};
use crate::style::{DateColumn, HeaderAlign, HeadingRule, SectionTitle, Style};

/// Where [`Builder::push_lines`] puts each line of a paragraph.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Placement {
    /// At the x given (the start of the measure).
    Start,
    /// Centred in the measure that starts at the x given.
    Centred,
}

/// Which page breaks [`Builder::push_lines`] allows after a paragraph's lines.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Keep {
    /// None before the last line: every line is kept with the next.
    EveryLine,
    /// Those that leave no orphan or widow and split no hyphenated word.
    NoOrphansOrWidows,
}

/// The state of setting one resume into bands.
pub(super) struct Builder<'a> {
    pub(super) s: &'a Style,
    pub(super) fs: Pt,
    pub(super) left: Pt,
    pub(super) measure: Pt,
    /// The left date column's width (`date_column: left`), pt; `None` for the right
    /// column.
    pub(super) date_col: Option<Pt>,
    /// Where entries' text starts (past the left date column and its gutter), pt from
    /// the page's left edge, and the measure it has.
    pub(super) body_x: Pt,
    pub(super) body_measure: Pt,
    /// Lines waiting for the left date column: each set beside a band of the entry
    /// being built, in order, not before the band index given.
    pub(super) column: Vec<(Line, usize)>,
    pub(super) bands: Vec<Band>,
    /// Characters no font covers, with the field they occur in.
    pub(super) missing: Vec<(char, Pos, String)>,
    /// Warnings other than missing characters (words split between graphemes).
    pub(super) warnings: Vec<Diagnostic>,
    /// The kind of band being built, and the serial number of the next paragraph.
    pub(super) kind: BandKind,
    pub(super) groups: usize,
    /// The entry being set, and how many have been.
    pub(super) entry: Option<usize>,
    pub(super) entries: usize,
}

/// Baseline position in a band of `leading` for text of `size`: the em box centred
/// in the leading, baseline 0.8 em below the em box's top.
pub(super) fn baseline_in(leading: Pt, size: Pt) -> Pt {
    0.5 * (leading - size) + 0.8 * size
}

/// Text runs and link rectangles of a set line placed at `x` on `baseline`.
pub(super) fn line_elements(line: &Line, x: Pt, baseline: Pt) -> Vec<Element> {
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
    Link {
        rect: Rect {
            x: x0,
            y: baseline - 0.85 * size,
            width: x1 - x0,
            height: 1.1 * size,
        },
        uri,
    }
}

/// Builds the bands of a resume, and warnings for characters no font covers; or
/// [`MorePages`] as soon as the bands set certainly need more than `max_pages` pages
/// (checked after each entry, so a resume far too long is not set whole).
///
/// The bound: a page holds bands whose boxes lie within its text block, or one band
/// alone that is taller, so each page holds at most a text block's height of
/// `min(height, block)`; heights only grow once set (a left date column's lines).
pub(super) fn build(r: &Resume, st: &Style, max_pages: usize) -> Result<(Vec<Band>, Vec<Diagnostic>), MorePages> {
    let block = st.page.height - st.margin.bottom - st.text_block.y;
    let capacity = max_pages as f64 * (block + Pt(1e-6));
    let (mut counted, mut stacked) = (0, Pt::ZERO);
    let measure = st.measure;
    let mut b = Builder {
        s: st,
        fs: st.font_size,
        left: st.margin.left,
        measure,
        date_col: None,
        body_x: st.margin.left,
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
    if st.date_column == DateColumn::Left {
        let col = b.date_column_width(r);
        if col > Pt(0.0) {
            b.date_col = Some(col);
            b.body_x = b.left + col + st.indents.date_gutter;
            b.body_measure = measure - col - st.indents.date_gutter;
        }
    }
    b.header(r);
    for (k, s) in r.sections.iter().enumerate() {
        let title = match st.section_title {
            SectionTitle::Uppercase => s.title.text.to_uppercase(),
            SectionTitle::SmallCaps | SectionTitle::AsWritten => s.title.text.clone(),
        };
        b.heading(&title, &s.title, k == 0 && r.headline.is_none() && r.contact.is_empty());
        // Numbered entries hang past the widest number and a gap of half an em.
        let indent = if s.numbered {
            let st = b.style(b.fs, Weight::Regular, Slant::Upright, Rgb::TEXT, Align::Ragged);
            let widest = (1..=s.entries.len())
                .map(|n| {
                    natural_width(
                        &[Span {
                            text: format!("{n}."),
                            ..Default::default()
                        }],
                        &st,
                    )
                })
                .fold(Pt::ZERO, Pt::max);
            widest + b.s.indents.number_gap
        } else {
            Pt::ZERO
        };
        for (i, e) in s.entries.iter().enumerate() {
            let ctx = format!("section '{}', entry {}", s.title.text, i + 1);
            b.entry = Some(b.entries);
            b.entries += 1;
            b.entry(e, s.numbered.then_some((i + 1, indent)), i == 0, &ctx);
            b.entry = None;
            stacked += b.bands[counted..].iter().map(|x| x.height.min(block)).sum::<Pt>();
            counted = b.bands.len();
            if max_pages < usize::MAX && stacked > capacity {
                return Err(MorePages);
            }
        }
    }
    let mut warnings = missing_warnings(&b.missing);
    warnings.append(&mut b.warnings);
    Ok((b.bands, warnings))
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
    pub(super) fn style(&self, size: Pt, weight: Weight, slant: Slant, color: Rgb, align: Align) -> ParStyle {
        ParStyle {
            size,
            weight,
            slant,
            color,
            link_color: self.s.link,
            align,
            hyphenate: None,
            family: self.s.font,
            small_caps: false,
            direction: self.s.language.direction(),
            microtype: false,
            hyphenate_auto: false,
        }
    }

    /// The style of dates and locations: the quiet grey at the theme's date size.
    pub(super) fn quiet(&self, italic: bool) -> ParStyle {
        self.style(
            self.s.sizes.date,
            Weight::Regular,
            if italic { Slant::Italic } else { Slant::Upright },
            Rgb::QUIET,
            Align::Ragged,
        )
    }

    /// The left date column's width: the widest date or location of the document at
    /// natural width, but at most a quarter of the measure (wider ones wrap inside
    /// it); 0 when no entry has either.
    fn date_column_width(&self, r: &Resume) -> Pt {
        let mut widest: Pt = Pt(0.0);
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

    /// How body text is aligned: justified per `design.justify`, else ragged.
    pub(super) fn body_align(&self) -> Align {
        if self.s.justify {
            Align::Justified
        } else {
            Align::Ragged
        }
    }

    /// A band info for a one-line paragraph of its own (a date or location line), with
    /// the next paragraph number.
    pub(super) fn single_line(&mut self) -> BandInfo {
        let info = BandInfo {
            kind: self.kind,
            group: self.groups,
            line: 0,
            lines: 1,
            entry: self.entry,
        };
        self.groups += 1;
        info
    }

    /// Body text (an entry's text, bullets): justified per the design, hyphenated in
    /// its language unless `hyphenate: false`.
    pub(super) fn body_style(&self) -> ParStyle {
        let mut st = self.style(self.fs, Weight::Regular, Slant::Upright, Rgb::TEXT, self.body_align());
        st.hyphenate = self.s.hyphenate.then_some(self.s.language);
        st.hyphenate_auto = self.s.hyphenate_auto;
        st.microtype = self.s.microtype;
        st
    }

    pub(super) fn leading(&self, size: Pt) -> Pt {
        self.s.leading(size)
    }

    /// Sets spans and records missing characters against `field`.
    pub(super) fn set(&mut self, spans: &[Span], style: &ParStyle, measure: Pt, pos: Pos, field: &str) -> Paragraph {
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
    pub(super) fn push_lines(
        &mut self,
        p: &Paragraph,
        size: Pt,
        x: Pt,
        placement: Placement,
        space_before: Pt,
        keep: Keep,
    ) {
        let leading = self.leading(size);
        let n = p.lines.len();
        let group = self.groups;
        self.groups += 1;
        for (k, line) in p.lines.iter().enumerate() {
            let lx = if placement == Placement::Centred {
                x + (self.measure - line.width) / 2.0
            } else {
                x
            };
            let elements = line_elements(line, lx, baseline_in(leading, size));
            let broken = line
                .runs
                .last()
                .and_then(|r| r.word)
                .is_some_and(|w| p.lines.get(k + 1).and_then(|n| n.runs.first()).and_then(|r| r.word) == Some(w));
            let last = k + 1 == n;
            let penalty = if keep == Keep::EveryLine || (!last && (n <= 3 || k == 0 || k + 2 == n || broken)) {
                KEEP
            } else {
                FREE
            };
            let info = BandInfo {
                kind: self.kind,
                group,
                line: k,
                lines: n,
                entry: self.entry,
            };
            self.bands.push(Band {
                height: leading,
                space_before: if k == 0 { space_before } else { Pt(0.0) },
                penalty,
                info,
                elements,
            });
        }
    }

    /// Sets the penalty after bands `from..to` (no-op for an empty range).
    pub(super) fn set_penalty(&mut self, from: usize, to: usize, penalty: f64) {
        for b in &mut self.bands[from.min(to)..to] {
            b.penalty = penalty;
        }
    }

    fn header(&mut self, r: &Resume) {
        let name_size = self.s.sizes.name;
        let st = self.style(name_size, Weight::Bold, Slant::Upright, self.s.accent, Align::Ragged);
        let placement = if self.s.header_align == HeaderAlign::Centre {
            Placement::Centred
        } else {
            Placement::Start
        };
        let p = self.set(&r.name.inline, &st, self.measure, r.name.pos, "name");
        self.push_lines(&p, name_size, self.left, placement, Pt(0.0), Keep::EveryLine);
        if let Some(h) = &r.headline {
            let size = self.s.sizes.headline;
            let st = self.style(size, Weight::Regular, Slant::Upright, Rgb::QUIET, Align::Ragged);
            let p = self.set(&h.inline, &st, self.measure, h.pos, "headline");
            self.push_lines(
                &p,
                size,
                self.left,
                placement,
                self.s.spaces.before_headline,
                Keep::EveryLine,
            );
        }
        if !r.contact.is_empty() {
            self.contact_lines(r);
        }
        if let Some(last) = self.bands.last_mut() {
            last.penalty = FREE;
        }
    }

    /// The contact line: items joined by the separator, centred, wrapping between
    /// items (never inside one unless it alone is wider than the measure), with no
    /// separator at the end or start of a line.
    fn contact_lines(&mut self, r: &Resume) {
        let size = self.s.sizes.contact;
        let st = self.style(size, Weight::Regular, Slant::Upright, Rgb::TEXT, Align::Ragged);
        let items: Vec<Vec<Span>> = r
            .contact
            .iter()
            .map(|c| {
                c.shown
                    .inline
                    .iter()
                    .map(|s| Span {
                        link: s.link.clone().or_else(|| c.link.clone()),
                        ..s.clone()
                    })
                    .collect()
            })
            .collect();
        let sep = [Span {
            text: self.s.contact_separator.clone(),
            ..Default::default()
        }];
        let sep_w = natural_width(&sep, &st);
        let icons: Vec<Option<crate::inline::Run>> = r
            .contact
            .iter()
            .map(|c| {
                let face = self.s.font.face(Weight::Regular, Slant::Upright).id;
                self.s
                    .contact_icons
                    .then(|| icons::icon_run(c.kind, face, size, self.s.accent, c.link.clone()))
                    .flatten()
            })
            .collect();
        let mut groups: Vec<(Vec<Span>, Pos)> = Vec::new();
        // Per group, where each item starts in the group's text, with its icon.
        let mut starts: Vec<Vec<(usize, Option<crate::inline::Run>)>> = Vec::new();
        let mut line_w = Pt::ZERO;
        let text_len = |spans: &[Span]| spans.iter().map(|s| s.text.len()).sum::<usize>();
        for (k, item) in items.iter().enumerate() {
            let w = natural_width(item, &st) + icons[k].as_ref().map_or(Pt::ZERO, |i| icons::room(i, size));
            let pos = r.contact[k].shown.pos;
            match (groups.last_mut(), starts.last_mut()) {
                (Some((spans, _)), Some(st)) if line_w + sep_w + w <= self.measure => {
                    spans.extend(sep.iter().cloned());
                    st.push((text_len(spans), icons[k].clone()));
                    spans.extend(item.iter().cloned());
                    line_w += sep_w + w;
                }
                _ => {
                    groups.push((item.clone(), pos));
                    starts.push(vec![(0, icons[k].clone())]);
                    line_w = w;
                }
            }
        }
        for (k, (spans, pos)) in groups.iter().enumerate() {
            let rooms: Pt = starts[k]
                .iter()
                .flat_map(|(_, i)| i)
                .map(|i| icons::room(i, size))
                .sum();
            let mut p = self.set(spans, &st, self.measure - rooms, *pos, "contact");
            if self.s.contact_icons {
                for line in &mut p.lines {
                    *line = icons::with_icons(line, &starts[k], size);
                }
            }
            let first_band = self.bands.len();
            let placement = if self.s.header_align == HeaderAlign::Centre {
                Placement::Centred
            } else {
                Placement::Start
            };
            self.push_lines(
                &p,
                size,
                self.left,
                placement,
                if k == 0 { self.s.spaces.before_contact } else { Pt(0.0) },
                Keep::EveryLine,
            );
            if self.s.contact_icons {
                for b in &mut self.bands[first_band..] {
                    icons::seat_icons(&mut b.elements);
                }
            }
        }
    }

    fn heading(&mut self, title: &str, t: &Text, first: bool) {
        let size = self.s.sizes.heading;
        let mut st = self.style(size, Weight::Bold, Slant::Upright, self.s.accent, Align::Ragged);
        st.small_caps = self.s.section_title == SectionTitle::SmallCaps;
        let spans = [Span {
            text: title.to_string(),
            ..Default::default()
        }];
        let p = self.set(&spans, &st, self.measure, t.pos, "section title");
        let space = if first {
            self.s.spaces.before_first_heading
        } else {
            self.s.spaces.before_heading
        };
        let at = self.bands.len();
        self.kind = BandKind::Heading;
        self.push_lines(&p, size, self.left, Placement::Start, space, Keep::EveryLine);
        self.kind = BandKind::Body;
        let end = self.bands.len();
        self.set_penalty(at, end, FORBIDDEN);
        if self.s.section_rule {
            let leading = self.leading(size);
            let baseline = baseline_in(leading, size);
            let (x0, y) = match self.s.heading_rule {
                HeadingRule::Below => (self.left, baseline + self.s.indents.rule_drop),
                // From half an em past the title's last line, at the middle of the
                // capitals (a third of the size above the baseline).
                HeadingRule::Beside => (
                    self.left + p.lines.last().map_or(Pt(0.0), |l| l.width) + 0.5 * size,
                    baseline - size / 3.0,
                ),
            };
            let x1 = self.left + self.measure;
            if let Some(last) = self.bands.last_mut().filter(|_| x0 < x1) {
                last.elements.push(Element::Rule(Rule {
                    x0,
                    x1,
                    y,
                    thickness: self.s.indents.rule_thickness,
                    color: self.s.accent,
                }));
                last.height = last.height.max(y + self.s.indents.rule_thickness);
            }
        }
    }

    /// Puts a marker (a bullet, an entry's number) on the first baseline of band
    /// `at`, in the body face, before the band's own text in reading order: starting
    /// at `x`, or ending at `x` when `flush_right`.
    pub(super) fn mark(&mut self, at: usize, text: &str, x: Pt, flush_right: bool) {
        let fs = self.fs;
        let st = self.style(fs, Weight::Regular, Slant::Upright, Rgb::TEXT, Align::Ragged);
        let p = typeset(
            &[Span {
                text: text.into(),
                ..Default::default()
            }],
            &st,
            Pt(f64::INFINITY),
        );
        let (Some(band), Some(line)) = (self.bands.get_mut(at), p.lines.first()) else {
            return;
        };
        let lx = if flush_right { x - line.width } else { x };
        let mut els = line_elements(line, lx, baseline_in(band.height, fs));
        els.append(&mut band.elements);
        band.elements = els;
    }
}
