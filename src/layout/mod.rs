//! Stage 3: a validated resume → pages of positioned glyph runs, rules and link
//! rectangles (the display list).
//!
//! Layout space: origin at the page's top-left corner, y growing **down**, every
//! length in pt. A [`TextRun`]'s `baseline` is the y of its baseline. Only the PDF
//! stage flips to PDF user space.
//!
//! Steps: `blocks` (with `entry`) sets the resume, in its [`Style`], as a vertical
//! list of bands ([`band`]: a line of text, a heading with its rule, an entry's title
//! row with its date), each with the space above it and the cost of a page break
//! after it; `furniture` sets the running header and, once the page count is known,
//! the page numbers; [`page`] distributes the bands over pages (keeping those chains
//! together). Only `blocks`, `entry` and `furniture` call the paragraph typesetter
//! ([`crate::inline`]).

pub mod band;
mod blocks;
mod entry;
mod furniture;
pub mod icons;
pub mod page;

use crate::diag::Diagnostic;
use crate::geom::{Pt, Rect, Rgb};
use crate::model::Resume;
use crate::style::Style;
use crate::text::Shaped;

/// A run of glyphs in one face, size and colour on one baseline: the paragraph's
/// [`Shaped`] run, placed on the page.
///
/// The shaped run's fields read through (`run.face`: the face the glyphs come from,
/// with what is synthesised on it, bold by stroking, italic by slanting; `run.size`:
/// the font size in pt; `run.glyphs`: the glyphs in order, each advancing the pen by
/// its `advance`; `run.replacement`: the text this run alone stands for when its
/// glyphs spell it otherwise, synthesised small capitals, written as the run's own
/// `/ActualText`).
#[derive(Clone, Debug, PartialEq)]
pub struct TextRun {
    /// The glyphs with their face and size, as shaped.
    pub shaped: Shaped,
    /// Fill colour of the glyphs.
    pub color: Rgb,
    /// Pen position of the first glyph: x of its left edge (pt from the page's left)
    /// and y of the baseline (pt from the page's top, y down).
    pub x: Pt,
    /// y of the baseline, pt from the page's top (y down).
    pub baseline: Pt,
    /// A word space: one space glyph written for text extraction; the visible gap is
    /// the distance to the next run.
    pub space: bool,
    /// The first run of a word broken across lines carries the word's whole text;
    /// the PDF marks the runs from here to the one with `actual_text_end` as one span
    /// whose `/ActualText` is that text (PDF 32000-1 §14.9.4), so extraction gives the
    /// word without the added hyphen.
    pub actual_text: Option<String>,
    /// The last run of a word broken across lines.
    pub actual_text_end: bool,
}

impl std::ops::Deref for TextRun {
    type Target = Shaped;

    /// The shaped run.
    fn deref(&self) -> &Shaped {
        &self.shaped
    }
}

impl TextRun {
    /// A set run placed with its line's start at `x` on `baseline` (pt).
    pub fn from_run(r: &crate::inline::Run, x: Pt, baseline: Pt) -> TextRun {
        TextRun {
            shaped: r.shaped.clone(),
            color: r.color,
            x: x + r.x,
            baseline,
            space: r.space,
            actual_text: r.actual_text.clone(),
            actual_text_end: r.actual_text_end,
        }
    }

    /// Sum of the advances, pt.
    pub fn width(&self) -> Pt {
        self.shaped.width()
    }

    /// The text the run stands for (its clusters' source text).
    pub fn text(&self) -> String {
        self.glyphs.iter().filter_map(|g| g.text.as_deref()).collect()
    }

    /// The run's box: advance width by the em (0.8 em above the baseline, 0.2 em
    /// below), the box a layout engine reserves for it.
    pub fn bbox(&self) -> Rect {
        Rect {
            x: self.x,
            y: self.baseline - 0.8 * self.size,
            width: self.width(),
            height: self.size,
        }
    }
}

/// A horizontal rule.
#[derive(Clone, Debug, PartialEq)]
pub struct Rule {
    /// Left and right ends, pt from the page's left.
    pub x0: Pt,
    /// Right end, pt from the page's left.
    pub x1: Pt,
    /// y of the rule's centre line, pt from the page's top.
    pub y: Pt,
    /// Thickness in pt.
    pub thickness: Pt,
    /// Colour of the rule (the accent for section rules).
    pub color: Rgb,
}

/// A clickable area that opens a URI (a PDF link annotation, PDF 32000-1 §12.5.6.5).
#[derive(Clone, Debug, PartialEq)]
pub struct Link {
    /// The clickable area in layout space, pt (origin top-left, y down).
    pub rect: Rect,
    /// The target: an `http:`, `https:`, `mailto:` or `tel:` URI.
    pub uri: String,
}

/// One thing drawn on a page.
#[derive(Clone, Debug, PartialEq)]
pub enum Element {
    /// A run of glyphs on one baseline.
    Text(TextRun),
    /// A horizontal rule, such as the one under a section heading.
    Rule(Rule),
    /// A clickable area, written as a PDF link annotation (nothing is drawn).
    Link(Link),
}

/// A page: its elements in reading order.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Page {
    /// Everything on the page, in reading order.
    pub elements: Vec<Element>,
}

impl Page {
    /// The text runs of the page, in reading order.
    pub fn runs(&self) -> impl Iterator<Item = &TextRun> {
        self.elements
            .iter()
            .filter_map(|e| if let Element::Text(t) = e { Some(t) } else { None })
    }
}

/// What a band of the page holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BandKind {
    /// The name, headline and contact line.
    Header,
    /// A section heading (with its rule).
    Heading,
    /// An entry's title row, subtitle row, or a date on its own line.
    EntryHead,
    /// A line of a paragraph, an entry's text or a bullet.
    Body,
    /// The running header of pages after the first.
    RunningHeader,
}

/// What a band is, for checking the page-breaking rules on a laid-out document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BandInfo {
    /// The band's kind.
    pub kind: BandKind,
    /// The paragraph it belongs to (a number shared by the lines of one paragraph).
    pub group: usize,
    /// Its line's index in that paragraph, from 0.
    pub line: usize,
    /// The paragraph's number of lines.
    pub lines: usize,
    /// The entry it belongs to (a number per entry of the resume), if any.
    pub entry: Option<usize>,
}

/// A band as placed: its page and vertical extent.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PlacedBand {
    /// Page index, from 0.
    pub page: usize,
    /// Top and bottom of the band's box, pt from the page's top (y down).
    pub top: Pt,
    /// Bottom of the band's box, pt.
    pub bottom: Pt,
    /// What it holds.
    pub info: BandInfo,
    /// The page-break penalty after it.
    pub penalty: f64,
}

/// The laid-out document.
#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    /// Page size in pt.
    pub width: Pt,
    /// Page height, pt.
    pub height: Pt,
    /// At least one page.
    pub pages: Vec<Page>,
    /// Every band in reading order with where it was placed (running headers
    /// included).
    pub bands: Vec<PlacedBand>,
}

/// Lays out a resume in a style.
///
/// Returns the document and warnings (characters no bundled font covers, one warning
/// per character naming where it occurs; words broken between letters).
pub fn layout(resume: &Resume, style: &Style) -> (Document, Vec<Diagnostic>) {
    match layout_within(resume, style, usize::MAX) {
        Ok(laid) => laid,
        Err(MorePages) => unreachable!("no resume takes usize::MAX pages"),
    }
}

/// The outcome of a layout stopped early: the resume certainly takes more pages than
/// the limit it was laid out within ([`layout_within`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MorePages;

/// [`layout`], but giving up with [`MorePages`] as soon as more than `max_pages`
/// pages are certain: while setting bands (once their heights exceed what
/// `max_pages` text blocks hold) and while breaking pages (once a page past
/// `max_pages` is begun). Within the limit, the same document as [`layout`].
///
/// # Errors
/// [`MorePages`] when the resume takes more than `max_pages` pages.
pub fn layout_within(
    resume: &Resume,
    style: &Style,
    max_pages: usize,
) -> Result<(Document, Vec<Diagnostic>), MorePages> {
    let (bands, warnings) = blocks::build(resume, style, max_pages)?;
    let bands = Bands {
        bands,
        running: furniture::running_header(style, &resume.name),
    };
    Ok((paginate_within(bands, style, max_pages)?, warnings))
}

/// The resume set as a vertical list of bands (every paragraph shaped and broken into
/// lines), before page breaking: the first half of [`layout`], public so that the
/// two halves can be timed apart (`benches/stages.rs`).
#[derive(Clone, Debug)]
pub struct Bands {
    bands: Vec<band::Band>,
    /// The running header of pages after the first, if any.
    running: Option<band::Band>,
}

impl Bands {
    /// How many bands (lines, headings, rows) there are.
    pub fn len(&self) -> usize {
        self.bands.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.bands.is_empty()
    }
}

/// Sets every block of a resume into bands (shaping, line breaking), and the running
/// header, with the warnings for characters no font has.
pub fn set_bands(resume: &Resume, style: &Style) -> (Bands, Vec<Diagnostic>) {
    let Ok((bands, warnings)) = blocks::build(resume, style, usize::MAX) else {
        unreachable!("no resume takes usize::MAX pages")
    };
    (
        Bands {
            bands,
            running: furniture::running_header(style, &resume.name),
        },
        warnings,
    )
}

/// Distributes bands over pages (page breaking, running headers), adds the page
/// numbers and mirrors the pages of a right-to-left document: the second half of
/// [`layout`].
pub fn paginate(bands: Bands, style: &Style) -> Document {
    match paginate_within(bands, style, usize::MAX) {
        Ok(doc) => doc,
        Err(MorePages) => unreachable!("no resume takes usize::MAX pages"),
    }
}

/// [`paginate`] within `max_pages` pages, or [`MorePages`].
fn paginate_within(bands: Bands, style: &Style, max_pages: usize) -> Result<Document, MorePages> {
    let (mut pages, placed) = page::paginate(bands.bands, bands.running, style, max_pages)?;
    furniture::add_folios(&mut pages, style);
    if style.language.rtl() {
        for p in &mut pages {
            mirror(p, style.page.width);
        }
    }
    Ok(Document {
        width: style.page.width,
        height: style.page.height,
        pages,
        bands: placed,
    })
}

/// Mirrors a page left to right (x → `width` − x), for a document in a right-to-left
/// language: text starts at the right margin, the date column and the page's other
/// left–right choices swap sides. Runs keep their glyphs' order (right-to-left
/// glyphs are in visual order from shaping); their order on a line was prepared for
/// this by [`crate::inline::reorder`].
fn mirror(page: &mut Page, width: Pt) {
    for e in &mut page.elements {
        match e {
            Element::Text(t) => t.x = width - t.x - t.width(),
            Element::Rule(r) => (r.x0, r.x1) = (width - r.x1, width - r.x0),
            Element::Link(l) => l.rect.x = width - l.rect.x - l.rect.width,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(yaml: &str) -> Document {
        let resume = crate::model::load(yaml).unwrap();
        let style = crate::style::resolve(&resume.design, &Default::default()).unwrap();
        layout(&resume, &style).0
    }

    fn find<'a>(d: &'a Document, text: &str) -> &'a TextRun {
        d.pages
            .iter()
            .flat_map(|p| p.runs())
            .find(|r| r.text() == text)
            .unwrap_or_else(|| panic!("no run '{text}'"))
    }

    const ENTRY: &str = "name: Ada\nsections:\n  - title: Work\n    entries:\n      - title: Example Corp\n        date: \"2020\"\n        bullets: [Built it.]\n";

    #[test]
    fn the_vertical_rhythm_in_points() {
        let d = doc(ENTRY);
        assert_eq!((d.width, d.height), (Pt(612.0), Pt(792.0)));
        // Name: 24 pt on a 28.8 pt leading from the 50.4 pt top margin: baseline at
        // 50.4 + 0.5 × (28.8 − 24) + 0.8 × 24 = 72.
        let name = find(&d, "Ada");
        assert!((name.baseline - Pt(72.0)).abs() < Pt(1e-9) && name.size == Pt(24.0));
        // Centred in the measure 50.4–561.6.
        assert!(((name.x + name.width() / 2.0) - Pt(306.0)).abs() < Pt(1e-9));
        // Heading 12 pt, 8 pt below the name's band: baseline 50.4 + 28.8 + 8 + 10.8 = 98.
        let h = find(&d, "WORK");
        assert!((h.baseline - Pt(98.0)).abs() < Pt(1e-9) && h.x == Pt(50.4) && h.size == Pt(12.0));
        // Its rule 4 pt under the baseline, across the measure, 0.5 pt thick.
        let rule = d.pages[0]
            .elements
            .iter()
            .find_map(|e| if let Element::Rule(r) = e { Some(r) } else { None })
            .unwrap();
        assert_eq!((rule.x0, rule.x1, rule.thickness), (Pt(50.4), Pt(561.6), Pt(0.5)));
        assert!((rule.y - Pt(102.0)).abs() < Pt(1e-9));
        // Title: the band under the heading (15.3 pt) after 4.5 pt: 98 − 10.8 + 15.3 + 4.5 + 9 = 116.
        let title = find(&d, "Example");
        assert!((title.baseline - Pt(116.0)).abs() < Pt(1e-9) && title.x == Pt(50.4));
        // The date flush right on the title's baseline.
        let date = find(&d, "2020");
        assert!((date.x + date.width() - Pt(561.6)).abs() < Pt(1e-9));
        assert_eq!(date.baseline, title.baseline);
        // The bullet 1.2 pt after the 12 pt line: baseline 116 + 12 + 1.2 = 129.2; the
        // mark at 50.4 + 3.5, the text hanging at 50.4 + 12.
        let bullet = find(&d, "•");
        let built = find(&d, "Built");
        assert!((bullet.baseline - Pt(129.2)).abs() < Pt(1e-9) && (bullet.x - Pt(53.9)).abs() < Pt(1e-9));
        assert!((built.x - Pt(62.4)).abs() < Pt(1e-9) && built.baseline == bullet.baseline);
    }

    #[test]
    fn a_long_title_wraps_short_of_the_date() {
        let yaml = ENTRY.replace("Example Corp", &"Scalable inference for hierarchical models ".repeat(4));
        let d = doc(&yaml);
        let date = find(&d, "2020");
        let gutter = 10.0;
        for r in d.pages[0]
            .runs()
            .filter(|r| r.face.id == crate::text::FaceId::SERIF_BOLD && r.baseline > Pt(100.0))
        {
            assert!(
                r.x + r.width() <= date.x - Pt(gutter) + Pt(1e-9),
                "'{}' ends at {} (date at {})",
                r.text(),
                r.x + r.width(),
                date.x
            );
        }
        let first = find(&d, "Scalable");
        assert_eq!(first.baseline, date.baseline);
    }

    #[test]
    fn a_date_wider_than_half_the_measure_gets_its_own_line() {
        let yaml = ENTRY.replace(
            "\"2020\"",
            &format!(
                "\"{}\"",
                "from the spring of 2019 to the late autumn of 2021, part-time and remote"
            ),
        );
        let d = doc(&yaml);
        let title = find(&d, "Example");
        let from = find(&d, "from");
        assert!((from.baseline - title.baseline - Pt(12.0)).abs() < Pt(1e-9));
        let last = d.pages[0]
            .runs()
            .filter(|r| r.baseline == from.baseline)
            .last()
            .unwrap();
        assert!((last.x + last.width() - Pt(561.6)).abs() < Pt(1e-9));
    }

    #[test]
    fn a_heading_never_ends_a_page() {
        // Enough one-line entries to fill the first page, then a heading and an entry.
        let mut yaml = String::from("name: Ada\nsections:\n  - title: One\n    entries:\n");
        for k in 0..52 {
            yaml.push_str(&format!("      - Line {k}\n"));
        }
        yaml.push_str("  - title: Two\n    entries:\n      - title: After\n        bullets: [First bullet.]\n");
        let d = doc(&yaml);
        assert_eq!(d.pages.len(), 2);
        let two = find(&d, "TWO");
        let page_of = |r: &TextRun| {
            d.pages
                .iter()
                .position(|p| p.runs().any(|x| std::ptr::eq(x, r)))
                .unwrap()
        };
        assert_eq!(page_of(two), page_of(find(&d, "After")));
        assert_eq!(page_of(two), page_of(find(&d, "First")));
        // Page numbers n / N in the bottom margin.
        assert!(
            d.pages[1]
                .runs()
                .any(|r| r.text() == "2" && r.baseline > Pt(792.0 - 50.4))
        );
    }

    #[test]
    fn an_accented_capital_in_the_name_stays_inside_the_top_margin() {
        // Regression: the ring of 'Å' at 24 pt rose 2.74 pt above the top margin.
        let d = doc("name: Zoë Ångström\nsections:\n  - title: A\n    entries: [b]\n");
        let name = find(&d, "Zoë");
        let f = crate::text::font(name.face.id);
        let top = d.pages[0]
            .runs()
            .flat_map(|r| r.glyphs.iter().map(move |g| r.baseline - f.ink(g.gid).0 * r.size))
            .fold(Pt::INFINITY, Pt::min);
        assert!((top - Pt(50.4)).abs() < 1e-9, "ink top at {top}");
        assert!(name.baseline > Pt(72.0));
    }
}
