//! An entry as bands: its head rows (title with the date column, subtitle with the
//! location), its text and its bullets, and the left date column's lines set beside
//! them.

use super::band::{Band, FORBIDDEN, FREE, KEEP, shift};
use super::blocks::{Builder, Keep, Placement, baseline_in, line_elements};
use super::{BandKind, Element};
use crate::diag::Pos;
use crate::geom::{Pt, Rgb};
use crate::inline::{Align, ParStyle, Slant, Weight, natural_width};
use crate::markup::Span;
use crate::model::{Entry, Text};
use crate::style::DateAlign;

impl Builder<'_> {
    /// A head row: `main` (a title, a subtitle, a dated text) with `side` (a date or
    /// location) on its first baseline.
    ///
    /// Right date column: `main` is set short of `side`, which sits flush right; a
    /// side wider than half the measure gets a line of its own below. Left date
    /// column: `side` is set in the column at the left margin (wrapping inside it),
    /// flush left or right per `date_align`, its lines on the main text's baselines.
    /// Bands are kept with what follows.
    fn row(
        &mut self,
        main: Option<(&[Span], ParStyle, Pos, &str)>,
        side: Option<(&Text, ParStyle)>,
        x: Pt,
        measure: Pt,
        space_before: Pt,
    ) {
        let left_col = self.date_col;
        let side_w = side.as_ref().map(|(t, st)| natural_width(&t.inline, st));
        let inline_side = left_col.is_none() && side_w.is_some_and(|w| w <= self.measure / 2.0);
        let main_measure = if inline_side {
            measure - side_w.unwrap_or(Pt(0.0)) - self.s.indents.date_gutter
        } else {
            measure
        };
        // The main text's bands, if any: [first, end), and its baseline in them.
        let first = self.bands.len();
        let mut main_baseline = Pt::ZERO;
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
            let sx = match (left_col, self.s.date_align) {
                (None, _) => right - line.width,
                (Some(_), DateAlign::Left) => self.left,
                (Some(col), DateAlign::Right) => self.left + col - line.width,
            };
            if left_col.is_some() {
                // In the left column: placed beside the entry's bands when the entry is
                // complete ([`Builder::set_column`]), from the main text's first line on
                // (a row with no main text: from the next band on).
                let from = if main_bands.is_empty() {
                    self.bands.len()
                } else {
                    main_bands.start
                };
                self.column.push((line.clone(), from));
            } else if inline_side && k == 0 && !main_bands.is_empty() {
                // On the main text's first baseline, but written after its last line
                // (the bands are kept together), so that the text of a word broken
                // across the main text's lines stays one span in the PDF.
                let last = main_bands.end - 1;
                let up: Pt = self.bands[main_bands.start + 1..=last]
                    .iter()
                    .map(|b| b.height + b.space_before)
                    .sum();
                let els = line_elements(line, sx, main_baseline);
                self.bands[last].elements.extend(els.into_iter().map(|e| shift(e, -up)));
            } else {
                let sb = if k == 0 && main_bands.is_empty() {
                    space_before
                } else {
                    Pt(0.0)
                };
                let info = self.single_line();
                let els = line_elements(line, sx, baseline_in(leading, st.size));
                self.bands.push(Band {
                    height: leading,
                    space_before: sb,
                    penalty: KEEP,
                    info,
                    elements: els,
                });
            }
        }
    }

    /// Sets the queued left-column lines beside the bands from `start` on: each on the
    /// baseline of the first band it may take, one line per band; lines left over get
    /// bands of their own at the end (the first of an entry with `space` above it). A line goes before its band's text in reading
    /// order when the band starts a paragraph, after it otherwise (so that it never
    /// falls inside the `/ActualText` span of a word broken across lines).
    fn set_column(&mut self, start: usize, space: Pt) {
        let (sx, leading) = (self.left, self.leading(self.s.sizes.date));
        let col = self.date_col.unwrap_or(Pt(0.0));
        let right_align = self.s.date_align == DateAlign::Right;
        let mut next = start;
        for (line, min_band) in std::mem::take(&mut self.column) {
            next = next.max(min_band);
            let x = if right_align { sx + col - line.width } else { sx };
            let size = line.runs.first().map_or(self.fs, |r| r.size);
            match self.bands.get_mut(next) {
                Some(band) => {
                    let baseline = band
                        .elements
                        .iter()
                        .find_map(|e| {
                            if let Element::Text(t) = e {
                                Some(t.baseline)
                            } else {
                                None
                            }
                        })
                        .unwrap_or_else(|| baseline_in(band.height, size));
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
                        prev.penalty = prev.penalty.max(KEEP);
                    }
                    let info = self.single_line();
                    let els = line_elements(&line, x, baseline_in(leading, size));
                    // An entry of column lines only (a date alone) keeps its entry's space.
                    let space_before = if self.bands.len() == start { space } else { Pt(0.0) };
                    self.bands.push(Band {
                        height: leading,
                        space_before,
                        penalty: FREE,
                        info,
                        elements: els,
                    });
                }
            }
            next += 1;
        }
    }

    /// Sets an entry; `number` is its number and the section's hanging indent (pt).
    pub(super) fn entry(&mut self, e: &Entry, number: Option<(usize, Pt)>, first: bool, ctx: &str) {
        let fs = self.fs;
        let indent = number.map_or(Pt::ZERO, |(_, i)| i);
        let x = self.body_x + indent;
        let m = self.body_measure - indent;
        let space = if first {
            self.s.spaces.after_heading
        } else {
            self.s.spaces.between_entries
        };
        let start = self.bands.len();
        let quiet = |b: &Self, italic: bool| b.quiet(italic);
        // The label row's spans: **label:** text
        let label_text: Option<(Vec<Span>, Pos)> = e.text.as_ref().map(|t| {
            let mut spans = Vec::new();
            if let Some(l) = &e.label {
                spans.extend(l.inline.iter().map(|s| Span {
                    bold: true,
                    ..s.clone()
                }));
                spans.push(Span {
                    text: ": ".into(),
                    bold: true,
                    ..Default::default()
                });
            }
            spans.extend(t.inline.iter().cloned());
            (spans, t.pos)
        });
        let mut text_done = false;
        // 1. The head row: title (or, without one, the text) with the date.
        if let Some(t) = &e.title {
            let mut st = self.style(fs, Weight::Bold, Slant::Upright, Rgb::TEXT, Align::Ragged);
            // A linked title is set in the colour of the others (issue 22): the link
            // stays clickable, and a section's titles do not change colour by having one.
            st.link_color = st.color;
            let date = e.date.as_ref().map(|d| (d, quiet(self, false)));
            self.row(Some((&t.inline, st, t.pos, &format!("{ctx} title"))), date, x, m, space);
        } else if let (Some(d), Some((spans, pos))) = (&e.date, &label_text) {
            let st = self.style(fs, Weight::Regular, Slant::Upright, Rgb::TEXT, self.body_align());
            self.row(
                Some((spans, st, *pos, &format!("{ctx} text"))),
                Some((d, quiet(self, false))),
                x,
                m,
                space,
            );
            text_done = true;
        } else if let Some(d) = &e.date {
            self.row(None, Some((d, quiet(self, false))), x, m, space);
        }
        // 2. The subtitle row with the location.
        if e.subtitle.is_some() || e.location.is_some() {
            let sb = if self.bands.len() == start { space } else { Pt(0.0) };
            let st = self.style(fs, Weight::Regular, Slant::Italic, Rgb::TEXT, Align::Ragged);
            let main = e
                .subtitle
                .as_ref()
                .map(|s| (s.inline.as_slice(), st, s.pos, "subtitle"));
            let loc = e.location.as_ref().map(|l| (l, quiet(self, true)));
            self.row(main, loc, x, m, sb);
        }
        let head_end = self.bands.len();
        // 3. Text and bullets.
        if let (false, Some((spans, pos))) = (text_done, &label_text) {
            let sb = if self.bands.len() == start {
                space
            } else {
                self.s.spaces.before_body
            };
            let st = self.body_style();
            let p = self.set(spans, &st, m, *pos, &format!("{ctx} text"));
            self.push_lines(&p, fs, x, Placement::Start, sb, Keep::NoOrphansOrWidows);
        }
        let bullet_x = x + self.s.indents.bullet;
        let text_x = x + self.s.indents.bullet_text;
        for (k, bt) in e.bullets.iter().enumerate() {
            let sb = if self.bands.len() == start {
                space
            } else {
                self.s.spaces.before_body
            };
            let st = self.body_style();
            let p = self.set(
                &bt.inline,
                &st,
                m - self.s.indents.bullet_text,
                bt.pos,
                &format!("{ctx} bullet {}", k + 1),
            );
            let at = self.bands.len();
            self.push_lines(&p, fs, text_x, Placement::Start, sb, Keep::NoOrphansOrWidows);
            self.mark(at, "•", bullet_x, false);
        }
        self.set_column(start, space);
        // Keep the head rows together and with the first line of the body; the
        // body's own lines carry their paragraphs' penalties. The first entry of a
        // section is held to its heading: no break before its first body line.
        let end = self.bands.len();
        let keep_to = if head_end < end {
            head_end
        } else {
            end.saturating_sub(1)
        };
        self.set_penalty(start, keep_to, if first { FORBIDDEN } else { KEEP });
        if head_end == end && end > start {
            self.bands[end - 1].penalty = FREE;
        }
        for b in &mut self.bands[start..head_end] {
            b.info.kind = BandKind::EntryHead;
        }
        if let Some((n, _)) = number {
            self.mark(start, &format!("{n}."), x - self.s.indents.number_gap, true);
        }
    }
}
