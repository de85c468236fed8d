//! Paragraph typesetting: styled spans → boxes, glue and penalties → lines of
//! positioned glyph runs.
//!
//! `typeset` reads as its three steps: [`collect`] turns the spans into [`Item`]s,
//! the breaker chooses lines ([`crate::linebreak::break_paragraph`], Knuth & Plass's
//! total fit in TeX's three passes), and [`finalize`] sets each line's glue by its
//! adjustment ratio.
//!
//! `collect` builds the paper's model (Knuth & Plass 1981, §"Boxes, glue and
//! penalties"):
//! - a word is a box, measured by shaping it with the real font; words with letters a
//!   face lacks are split where the face changes;
//! - a space is glue of the font's space width w, stretch w/2 and shrink w/3, as TeX
//!   derives them from `fontdimen` 2–4 (ragged-right text: no stretch or shrink, the
//!   breaker balances lines with a right stretch instead);
//! - a break opportunity inside a word, from UAX #14 (`unicode-linebreak`), is a
//!   penalty: after a hyphen or dash flagged with cost 50 (TeX's \exhyphenpenalty);
//!   inside a URL (after `/`, `.`, `-`, `_`, `?`, `&`, `=`, `#`, `~`) cost
//!   [`URL_PENALTY`]; elsewhere (between ideographs) 0; a mandatory break forces one;
//! - hyphenation points from the language's patterns are flagged penalties of cost
//!   50 (\hyphenpenalty) and the width of a hyphen, used from the second pass on;
//! - a word wider than the measure is also split between its grapheme clusters by
//!   flagged [`EMERGENCY_PENALTY`] penalties, used only by the emergency pass;
//! - the paragraph ends with TeX's \parfillskip (an infinite penalty, glue of
//!   [`PARFILL_STRETCH`] and a forced break), so the last line is set ragged.
//!
//! Positions in a [`Line`] are relative to the line's start (x, in pt) on its
//! baseline. A word broken across lines keeps its whole text for extraction: its
//! runs carry an `actual_text` span (PDF 32000-1 §14.9.4), so copy-paste and
//! applicant-tracking systems read `typesetting`, not `type-` `setting`.

use crate::geom::Pt;
use crate::lang::Language;
use crate::linebreak::{break_paragraph, line_start, Item, Params, PenaltyKind, INFINITE_PENALTY, RAGGED_STRETCH_EM};
use crate::markup::Span;
use crate::geom::Rgb;
use crate::text::{self, fallback::is_cjk, Cjk, Family, Features, Glyph, Shaped, Styled};
use unicode_segmentation::UnicodeSegmentation;

/// Cost of a hyphenation point: TeX's \hyphenpenalty=50.
pub const HYPHEN_PENALTY: f64 = 50.0;
/// Cost of a break after an explicit hyphen or dash: TeX's \exhyphenpenalty=50.
pub const EX_HYPHEN_PENALTY: f64 = 50.0;
/// Cost of a break inside a URL: as a hyphen's, so that a URL breaks only when the
/// spaces around it cannot give good lines.
pub const URL_PENALTY: f64 = 50.0;
/// Cost of an emergency break between two graphemes: high, so that the fewest are
/// used, but finite.
pub const EMERGENCY_PENALTY: f64 = 5000.0;
/// Stretch of the \parfillskip glue that ends every paragraph, pt: large enough to
/// behave as TeX's `fil` (infinite) stretch at any measure.
pub const PARFILL_STRETCH: Pt = 100_000.0;

/// How a paragraph is set.
#[derive(Clone, Debug, PartialEq)]
pub struct ParStyle {
    /// Font size in pt.
    pub size: Pt,
    /// The paragraph's own weight, combined with the spans' (a bold title with an
    /// `*italic*` span sets that span in bold italic).
    pub bold: bool,
    /// The paragraph's own slant, combined with the spans'.
    pub italic: bool,
    /// Text colour.
    pub color: Rgb,
    /// Colour of link text.
    pub link_color: Rgb,
    /// Stretch and shrink inter-word glue (true), or set ragged right (false).
    pub justify: bool,
    /// Hyphenate with this language's patterns; `None`: never hyphenate.
    pub hyphenate: Option<Language>,
    /// The family the text is set in (the spans' bold and italic choose its faces).
    pub family: Family,
    /// Set lower-case letters as small capitals (section headings with
    /// `section_title: smallcaps`).
    pub small_caps: bool,
    /// The paragraph's base direction is right to left (a document in Arabic, Hebrew
    /// or Persian). Lines are then ordered for a page that the layout mirrors
    /// afterwards (see [`reorder`]).
    pub rtl: bool,
}

impl Default for ParStyle {
    /// 10 pt regular Charis SIL in the text colour, ragged, not hyphenated.
    fn default() -> ParStyle {
        ParStyle {
            size: 10.0,
            bold: false,
            italic: false,
            color: Rgb::TEXT,
            link_color: Rgb::ACCENT,
            justify: false,
            hyphenate: None,
            family: Family::SERIF,
            small_caps: false,
            rtl: false,
        }
    }
}

/// A run of glyphs placed on a line: one face, size and colour.
#[derive(Clone, Debug, PartialEq)]
pub struct Run {
    /// Left edge, pt from the line's start.
    pub x: Pt,
    /// The face the glyphs are in, with what is synthesised on it.
    pub face: Styled,
    /// Font size, pt.
    pub size: Pt,
    /// Fill colour.
    pub color: Rgb,
    /// The glyphs, in order.
    pub glyphs: Vec<Glyph>,
    /// Sum of the glyphs' advances, pt.
    pub width: Pt,
    /// The link target when the run is link text.
    pub link: Option<String>,
    /// A word space (one space glyph; the gap after it is the glue's set width).
    pub space: bool,
    /// For a word broken across lines: the word's whole text on the first run of the
    /// word, and `word_end` on its last, so the PDF can mark them as one span.
    pub actual_text: Option<String>,
    /// The last run of a word broken across lines.
    pub word_end: bool,
    /// The text the run stands for when its glyphs spell it otherwise (synthesised
    /// small capitals: `ERFAHRUNG` set small for `erfahrung`).
    pub replacement: Option<String>,
    /// The paragraph's number for the word the run belongs to (spaces: none).
    pub word: Option<usize>,
    /// Byte offset in the paragraph's text of the first character the run sets.
    pub at: usize,
}

/// A set line.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    /// The runs, left to right.
    pub runs: Vec<Run>,
    /// Set width in pt (from the start to the end of the last run).
    pub width: Pt,
}

/// A set paragraph.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Paragraph {
    /// The lines, top to bottom.
    pub lines: Vec<Line>,
    /// Characters no bundled face covers, in order of first occurrence.
    pub missing: Vec<char>,
    /// Words wider than the measure that had to be broken between graphemes.
    pub split_words: Vec<String>,
}

/// Material behind a box, glue or penalty: shaped runs, or nothing (a plain break).
#[derive(Clone, Debug, Default)]
struct Material {
    runs: Vec<Shaped>,
    link: Option<String>,
    space: bool,
    word: Option<usize>,
    /// Byte offset in the paragraph's text of the first character it sets (for the
    /// bidirectional levels of its runs).
    at: usize,
}

/// The paragraph model of `spans`: items, the material they index, and the text of
/// each word.
struct Collected {
    items: Vec<Item>,
    material: Vec<Material>,
    words: Vec<String>,
    missing: Vec<char>,
    /// The bidirectional embedding level of each byte of the paragraph's text, when
    /// any is not 0 ([`bidi_levels`]).
    levels: Option<Vec<u8>>,
}

/// Which line breaker sets a paragraph.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Breaker {
    /// Knuth & Plass's total fit in TeX's three passes: what vitae uses.
    TotalFit,
    /// First fit (each line as full as it can be): for comparisons only.
    FirstFit,
}

/// Sets `spans` in lines of `measure` pt.
pub fn typeset(spans: &[Span], style: &ParStyle, measure: Pt) -> Paragraph {
    typeset_with(spans, style, measure, Breaker::TotalFit)
}

/// Sets `spans` in lines of `measure` pt with the given breaker.
pub fn typeset_with(spans: &[Span], style: &ParStyle, measure: Pt, breaker: Breaker) -> Paragraph {
    let c = collect(spans, style, measure);
    let params = Params { right_stretch: if style.justify { 0.0 } else { RAGGED_STRETCH_EM * style.size }, ..Params::default() };
    let breaks = match breaker {
        Breaker::TotalFit => break_paragraph(&c.items, &[measure], &params).0,
        Breaker::FirstFit => crate::linebreak::first_fit(&c.items, measure),
    };
    let mut split_words: Vec<String> = Vec::new();
    for b in &breaks {
        if let Some(Item::Penalty { kind: PenaltyKind::Emergency, content, .. }) = c.items.get(b.index) {
            if let Some(w) = c.material[*content].word.map(|w| c.words[w].clone()) {
                if !split_words.contains(&w) {
                    split_words.push(w);
                }
            }
        }
    }
    let mut lines = finalize(&c, &breaks, style);
    reorder(&mut lines, c.levels.as_deref(), style.rtl);
    Paragraph { lines, missing: c.missing, split_words }
}

/// The embedding level of every byte of a paragraph's text by the Unicode
/// Bidirectional Algorithm (UAX #9 rules P2–I2, `unicode-bidi`), with a left-to-right
/// base, or right-to-left when `rtl`; `None` when the text has nothing right to left
/// and the base is left to right (every level 0).
pub fn bidi_levels(text: &str, rtl: bool) -> Option<Vec<u8>> {
    use unicode_bidi::{bidi_class, BidiClass, BidiInfo, Level};
    if !rtl && (text.is_ascii() || !text.chars().any(|c| !c.is_ascii() && matches!(bidi_class(c), BidiClass::R | BidiClass::AL | BidiClass::AN | BidiClass::RLE | BidiClass::RLO | BidiClass::RLI))) {
        return None;
    }
    let base = if rtl { Level::rtl() } else { Level::ltr() };
    Some(BidiInfo::new(text, Some(base)).levels.iter().map(|l| l.number()).collect())
}

/// Orders each line's runs for display by the Unicode Bidirectional Algorithm
/// (UAX #9, with `unicode-bidi`): the levels of the paragraph's characters (rules P2–I2,
/// base direction left to right, or right to left when `rtl`), then rule L2 on each line
/// after breaking: from the highest level down to the lowest odd one, every maximal
/// sequence of runs at that level or above is reversed. A run is one word or piece of
/// one, shaped in its own direction (rustybuzz gives right-to-left glyphs in visual
/// order), so reordering moves whole runs; each keeps the space after it.
///
/// With `rtl` the levels are taken one lower (the right-to-left text at level 0, left-
/// to-right text inside it at 1), which orders the line for a page the layout then
/// mirrors (x → width − x): mirroring reverses the line once more, giving the order
/// of a right-to-left base.
pub fn reorder(lines: &mut [Line], levels: Option<&[u8]>, rtl: bool) {
    let Some(levels) = levels else { return };
    for line in lines.iter_mut() {
        let n = line.runs.len();
        if n < 2 {
            continue;
        }
        let levels: Vec<u8> = line.runs.iter().map(|r| levels.get(r.at).copied().unwrap_or(0).saturating_sub(rtl as u8)).collect();
        // Each run's advance up to the next run (its glue), the last its own width.
        let adv: Vec<Pt> = (0..n).map(|i| if i + 1 < n { line.runs[i + 1].x - line.runs[i].x } else { line.runs[i].width }).collect();
        let mut order: Vec<usize> = (0..n).collect();
        let max = levels.iter().copied().max().unwrap_or(0);
        for lvl in (1..=max).rev() {
            let mut i = 0;
            while i < n {
                if levels[order[i]] >= lvl {
                    let start = i;
                    while i < n && levels[order[i]] >= lvl {
                        i += 1;
                    }
                    order[start..i].reverse();
                } else {
                    i += 1;
                }
            }
        }
        if order.iter().enumerate().all(|(k, &o)| k == o) {
            continue;
        }
        let mut runs: Vec<Option<Run>> = std::mem::take(&mut line.runs).into_iter().map(Some).collect();
        let mut x = 0.0;
        for &o in &order {
            if let Some(mut r) = runs[o].take() {
                r.x = x;
                x += adv[o];
                line.runs.push(r);
            }
        }
    }
}

/// The paragraph model of `spans` at `measure` pt: the boxes, glue and penalties the
/// breaker sees (for benchmarks and tests of the breaker on real text).
pub fn items(spans: &[Span], style: &ParStyle, measure: Pt) -> Vec<Item> {
    collect(spans, style, measure).items
}

/// Width of `spans` set on one line at natural width, pt.
pub fn natural_width(spans: &[Span], style: &ParStyle) -> Pt {
    let c = collect(spans, &ParStyle { hyphenate: None, ..style.clone() }, f64::INFINITY);
    c.items
        .iter()
        .map(|it| match *it {
            Item::Box { width, .. } => width,
            Item::Glue { width, stretch, .. } if stretch < PARFILL_STRETCH => width,
            _ => 0.0,
        })
        .sum()
}

fn face_of(span: &Span, style: &ParStyle) -> Styled {
    style.family.face(style.bold || span.bold, style.italic || span.italic)
}

/// Characters after which a URL may break (besides UAX #14's opportunities), as
/// typographers break URLs: after a slash, a dot, a hyphen, an underscore, the query
/// characters and the `@` of an e-mail address; never inside `://`.
const URL_BREAK_AFTER: &str = "/.-_?&=#~@";

/// A place where a line may end.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Opportunity {
    /// Byte offset: the line would end before it.
    at: usize,
    /// A break that must be taken (a newline).
    mandatory: bool,
    /// A break inside a URL.
    url: bool,
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
    a.is_some_and(|c| NO_LINE_START.contains(c)) || b.is_some_and(|c| NO_LINE_END.contains(c)) || (b.is_some_and(is_hangul) && a.is_some_and(is_hangul))
}

/// Hangul syllables and jamo: Korean breaks lines at spaces, between words, not
/// between syllables as UAX #14's default allows (CSS's `word-break: keep-all`, the
/// practice of Korean typesetting).
fn is_hangul(c: char) -> bool {
    matches!(c, '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}' | '\u{A960}'..='\u{A97F}' | '\u{AC00}'..='\u{D7AF}' | '\u{D7B0}'..='\u{D7FF}')
}

/// Stretch of the glue between two CJK characters in a justified paragraph, in em:
/// justified CJK text spreads its lines between characters, not only at spaces (JIS X
/// 4051 §4.9). A tenth of an em each keeps the characters' square rhythm visible.
pub const CJK_STRETCH: f64 = 0.1;
/// Full-width CJK punctuation that sets its mark in the left half of the em and
/// leaves the right half blank (JIS X 4051's closing brackets, commas and full stops).
pub const CJK_SQUEEZE_AFTER: &str = "、。，．：；）」』】〕〉》｝］";
/// Full-width opening brackets: the mark in the right half, the left half blank.
pub const CJK_SQUEEZE_BEFORE: &str = "（「『【〔〈《｛［";
/// How much of a full-width punctuation mark's blank half a justified line may take
/// back, in em: up to all of it (JIS X 4051 §4.9, compression of punctuation), so a
/// line a few points too long is set by squeezing its commas rather than breaking a
/// character earlier.
pub const CJK_PUNCTUATION_SHRINK: f64 = 0.5;

/// Width of a space the author wrote between CJK and Latin text, in em: the customary
/// quarter em (a CJK face's own space is often a full em or half of one).
pub const CJK_LATIN_SPACE: f64 = 0.25;

/// Break opportunities: UAX #14 (`unicode-linebreak`) less those the Japanese and
/// Chinese line-start and line-end rules forbid ([`NO_LINE_START`],
/// [`NO_LINE_END`]), plus breaks inside URLs (any whitespace-free run containing
/// `://`, starting with `www.`, or an e-mail address) after the characters of
/// [`URL_BREAK_AFTER`]. Sorted
/// by offset; the last is the text's end.
fn break_opportunities(text: &str) -> Vec<Opportunity> {
    use unicode_linebreak::BreakOpportunity::Mandatory;
    let mut opps: Vec<Opportunity> = unicode_linebreak::linebreaks(text)
        .filter(|&(at, o)| o == Mandatory || at == text.len() || !kinsoku(&text[..at], &text[at..]))
        .map(|(at, o)| Opportunity { at, mandatory: o == Mandatory, url: false })
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
                    None => opps.push(Opportunity { at, mandatory: false, url: true }),
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
fn url_ranges(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for word in text.split(char::is_whitespace) {
        let email = word.split_once('@').is_some_and(|(user, domain)| !user.is_empty() && domain.contains('.'));
        if word.contains("://") || word.starts_with("www.") || email {
            out.push((start, start + word.len()));
        }
        start += word.len() + text[start + word.len()..].chars().next().map_or(0, char::len_utf8);
    }
    out
}

/// Spans → items.
fn collect(spans: &[Span], style: &ParStyle, measure: Pt) -> Collected {
    let mut text = String::new();
    let mut starts = Vec::with_capacity(spans.len());
    for s in spans {
        starts.push(text.len());
        text.push_str(&s.text);
    }
    let mut c = Collected { items: Vec::new(), material: vec![Material::default()], words: Vec::new(), missing: Vec::new(), levels: None };
    // The pieces of [a, b) cut at span boundaries: (span index, byte range).
    let pieces = |a: usize, b: usize| -> Vec<(usize, usize, usize)> {
        let mut out = Vec::new();
        for (k, &s) in starts.iter().enumerate() {
            let e = starts.get(k + 1).copied().unwrap_or(text.len());
            let (lo, hi) = (a.max(s), b.min(e));
            if lo < hi {
                out.push((k, lo, hi));
            }
        }
        out
    };
    let opps = break_opportunities(&text);
    let urls = url_ranges(&text);
    let cjk = Cjk::of(&text);
    let levels = bidi_levels(&text, style.rtl);
    let rtl_at = |at: usize| levels.as_ref().is_some_and(|l| l.get(at).is_some_and(|v| v % 2 == 1));
    let features_at = |at: usize| Features { small_caps: style.small_caps, no_kerning: urls.iter().any(|&(a, b)| a <= at && at < b), cjk, rtl: rtl_at(at) };
    // Where the direction changes inside a word (`ב־Rust`, `(عمر`): pieces are
    // shaped apart, each in its own direction.
    let level_changes: Vec<usize> = match &levels {
        Some(l) => text.char_indices().skip(1).filter(|&(i, _)| l[i] != l[i - 1]).map(|(i, _)| i).collect(),
        None => Vec::new(),
    };
    let mut prev = 0;
    for (n, opp) in opps.iter().enumerate() {
        let idx = opp.at;
        let seg = &text[prev..idx];
        let word_end = prev + seg.trim_end().len();
        // A word runs from space to space: the pieces of `co-founded` or of a URL,
        // cut by breaks inside them, share its number (and its whole text, for the
        // PDF's /ActualText when it is broken across lines).
        let continues = prev > 0 && !text[..prev].ends_with(char::is_whitespace);
        let word = if continues { c.words.len() - 1 } else { c.words.len() };
        if continues {
            c.words[word].push_str(&text[prev..word_end]);
        } else {
            c.words.push(text[prev..word_end].to_string());
        }
        // Hyphenation points of a whole word (spaces on both sides), as offsets.
        let whole = (prev == 0 || text[..prev].ends_with(char::is_whitespace)) && (word_end < idx || idx == text.len());
        let cuts: Vec<usize> = match style.hyphenate {
            Some(lang) if whole && !opp.url => {
                let w = &text[prev..word_end];
                let core_start = w.find(char::is_alphabetic).unwrap_or(0);
                let core_end = w.rfind(char::is_alphabetic).map_or(0, |i| i + w[i..].chars().next().map_or(0, char::len_utf8));
                if core_start < core_end && w[core_start..core_end].chars().all(|ch| ch.is_alphabetic() || ch == '\'' || ch == '’') && !w.contains(['/', '@', ':']) {
                    lang.hyphenate(&w[core_start..core_end]).into_iter().map(|b| prev + core_start + b).collect()
                } else {
                    Vec::new()
                }
            }
            _ => Vec::new(),
        };
        // The word: boxes, split at span and face changes and at hyphenation points.
        let first_box = c.items.len();
        let mut word_width = 0.0;
        for (k, lo, hi) in pieces(prev, word_end) {
            let face = face_of(&spans[k], style);
            let mut bounds: Vec<usize> = vec![lo];
            bounds.extend(cuts.iter().copied().chain(level_changes.iter().copied()).filter(|&x| x > lo && x < hi));
            bounds.sort_unstable();
            bounds.dedup();
            bounds.push(hi);
            for pair in bounds.windows(2) {
                let (runs, missing) = text::shape(&text[pair[0]..pair[1]], face, style.size, features_at(pair[0]));
                add_missing(&mut c.missing, missing);
                for r in runs {
                    let width = r.width();
                    let r_at = r.at;
                    word_width += width;
                    c.material.push(Material { runs: vec![r], link: spans[k].link.clone(), space: false, word: Some(word), at: pair[0] + r_at });
                    c.items.push(Item::Box { width, content: c.material.len() - 1 });
                }
                if cuts.contains(&pair[1]) {
                    let (hy, w) = hyphen(face, style.size);
                    c.material.push(Material { runs: hy, link: spans[k].link.clone(), space: false, word: Some(word), at: pair[0] });
                    c.items.push(Item::Penalty { width: w, cost: HYPHEN_PENALTY, flagged: true, kind: PenaltyKind::Hyphenation, content: c.material.len() - 1 });
                }
            }
        }
        if word_width > measure {
            c.items.truncate(first_box);
            emergency_split(&mut c, &text, &pieces(prev, word_end), spans, style, word, &features_at);
        }
        // The space after it: one glue.
        if word_end < idx {
            let k = pieces(word_end, idx).first().map_or(0, |p| p.0);
            let face = face_of(&spans[k], style);
            let (runs, _) = text::shape(" ", face, style.size, Features::default());
            let mut w: Pt = runs.iter().map(Shaped::width).sum();
            // Between CJK and other text: the customary quarter em.
            let before = text[..word_end].chars().next_back().is_some_and(is_cjk);
            let after = text[idx..].chars().next().is_some_and(is_cjk);
            if before != after && idx < text.len() && word_end > 0 {
                w = CJK_LATIN_SPACE * style.size;
            }
            let (stretch, shrink) = if style.justify { (w / 2.0, w / 3.0) } else { (0.0, 0.0) };
            c.material.push(Material { runs, link: spans[k].link.clone(), space: true, word: None, at: word_end });
            c.items.push(Item::Glue { width: w, stretch, shrink, content: c.material.len() - 1 });
        } else if idx < text.len() && !opp.mandatory {
            // A break inside a word: after a hyphen or dash, inside a URL, between
            // ideographs.
            let after_hyphen = text[..idx].ends_with(['-', '\u{2010}', '\u{2013}', '\u{2014}']);
            let cjk_pair = text[..idx].chars().next_back().is_some_and(is_cjk) && text[idx..].chars().next().is_some_and(is_cjk);
            let (cost, flagged) = if opp.url {
                (URL_PENALTY, false)
            } else if after_hyphen {
                (EX_HYPHEN_PENALTY, true)
            } else {
                (0.0, false)
            };
            if cjk_pair && !opp.url {
                // Between two CJK characters: glue that may stretch when justified
                // (a legal break, as any glue after a box).
                let stretch = if style.justify { CJK_STRETCH * style.size } else { 0.0 };
                // After a closing punctuation mark or before an opening one, the mark's
                // blank half may be taken back.
                let squeeze = text[..idx].chars().next_back().is_some_and(|c| CJK_SQUEEZE_AFTER.contains(c))
                    || text[idx..].chars().next().is_some_and(|c| CJK_SQUEEZE_BEFORE.contains(c));
                // Only in left-to-right text: the blank half is on the side the text
                // runs to, which reordering or mirroring would turn over.
                let shrink = if style.justify && squeeze && levels.is_none() { CJK_PUNCTUATION_SHRINK * style.size } else { 0.0 };
                c.items.push(Item::Glue { width: 0.0, stretch, shrink, content: 0 });
            } else {
                c.items.push(Item::Penalty { width: 0.0, cost, flagged, kind: PenaltyKind::Normal, content: 0 });
            }
        }
        if opp.mandatory && n + 1 < opps.len() {
            c.items.push(Item::Penalty { width: 0.0, cost: -INFINITE_PENALTY, flagged: false, kind: PenaltyKind::Normal, content: 0 });
        }
        prev = idx;
    }
    // \parfillskip and the paragraph's final forced break.
    c.items.push(Item::Penalty { width: 0.0, cost: INFINITE_PENALTY, flagged: false, kind: PenaltyKind::Normal, content: 0 });
    c.items.push(Item::Glue { width: 0.0, stretch: PARFILL_STRETCH, shrink: 0.0, content: 0 });
    c.items.push(Item::Penalty { width: 0.0, cost: -INFINITE_PENALTY, flagged: false, kind: PenaltyKind::Normal, content: 0 });
    c.levels = levels;
    c
}

/// A hyphen in `face` at `size`: its runs and width.
fn hyphen(face: Styled, size: Pt) -> (Vec<Shaped>, Pt) {
    let (runs, _) = text::shape("-", face, size, Features::default());
    let w = runs.iter().map(Shaped::width).sum();
    (runs, w)
}

fn add_missing(all: &mut Vec<char>, new: Vec<char>) {
    for ch in new {
        if !all.contains(&ch) {
            all.push(ch);
        }
    }
}

/// Replaces a word wider than the measure by its grapheme clusters, with an
/// emergency hyphen penalty between each two.
fn emergency_split(c: &mut Collected, text: &str, pieces: &[(usize, usize, usize)], spans: &[Span], style: &ParStyle, word: usize, features_at: &dyn Fn(usize) -> Features) {
    let mut first = true;
    for &(k, lo, hi) in pieces {
        let face = face_of(&spans[k], style);
        let (hy, hy_width) = hyphen(face, style.size);
        c.material.push(Material { runs: hy, link: spans[k].link.clone(), space: false, word: Some(word), at: lo });
        let hy_content = c.material.len() - 1;
        for (gi, g) in text[lo..hi].grapheme_indices(true) {
            if !first {
                c.items.push(Item::Penalty { width: hy_width, cost: EMERGENCY_PENALTY, flagged: true, kind: PenaltyKind::Emergency, content: hy_content });
            }
            first = false;
            let (runs, missing) = text::shape(g, face, style.size, Features { no_kerning: false, ..features_at(lo + gi) });
            add_missing(&mut c.missing, missing);
            let width = runs.iter().map(Shaped::width).sum();
            c.material.push(Material { runs, link: spans[k].link.clone(), space: false, word: Some(word), at: lo + gi });
            c.items.push(Item::Box { width, content: c.material.len() - 1 });
        }
    }
}

/// The largest adjustment ratio a justified line is set with (r = 2: spaces of twice
/// their width; TeX's badness 800, past its default \tolerance of 200). Only the
/// emergency pass produces looser lines; they are set at natural width instead.
pub const MAX_RATIO: f64 = 2.0;

/// Chosen breaks → lines of placed runs.
fn finalize(c: &Collected, breaks: &[crate::linebreak::Break], style: &ParStyle) -> Vec<Line> {
    let mut lines = Vec::with_capacity(breaks.len());
    let mut start = line_start(&c.items, 0);
    for b in breaks {
        let mut runs = Vec::new();
        let mut x = 0.0;
        let place = |runs: &mut Vec<Run>, m: &Material, x: &mut Pt| {
            for r in &m.runs {
                let width = r.width();
                let color = if m.link.is_some() { style.link_color } else { style.color };
                runs.push(Run {
                    x: *x,
                    face: r.face,
                    size: r.size,
                    color,
                    glyphs: r.glyphs.clone(),
                    width,
                    link: m.link.clone(),
                    space: m.space,
                    actual_text: None,
                    word_end: false,
                    replacement: r.actual_text.clone(),
                    word: m.word,
                    at: m.at,
                });
                *x += width;
            }
        };
        // The last line ends in \parfillskip, whose stretch is infinite in TeX: it
        // takes all the room, and the line's finite glue none.
        let last = b.index + 1 >= c.items.len();
        let ratio = if b.ratio > MAX_RATIO || (last && b.ratio > 0.0) { 0.0 } else { b.ratio };
        for i in start..b.index.min(c.items.len()) {
            match c.items[i] {
                Item::Box { content, .. } => place(&mut runs, &c.material[content], &mut x),
                Item::Glue { width, stretch, shrink, content } => {
                    let mut at = x;
                    place(&mut runs, &c.material[content], &mut at);
                    if stretch < PARFILL_STRETCH {
                        x += width + if ratio >= 0.0 { ratio * stretch } else { ratio * shrink };
                    }
                }
                Item::Penalty { .. } => {}
            }
        }
        if let Some(Item::Penalty { width, content, .. }) = c.items.get(b.index)
            && *width > 0.0
        {
            place(&mut runs, &c.material[*content], &mut x);
        }
        // Trailing spaces never end a line (they were discarded at the break), nor
        // do spaces followed only by runs of no width (a right-to-left mark after a
        // space, alone before a break: its glyph would reach past the measure).
        while let Some(k) = runs.iter().rposition(|r| r.width > 0.0 || r.space) {
            if !runs[k].space {
                break;
            }
            runs.remove(k);
        }
        let width = runs.last().map_or(0.0, |r| r.x + r.width);
        lines.push(Line { runs, width });
        start = line_start(&c.items, b.index + 1);
    }
    mark_broken_words(&mut lines, &c.words);
    lines
}

/// Marks each word that spans lines: its first run carries the word's whole text,
/// its last run `word_end`.
fn mark_broken_words(lines: &mut [Line], words: &[String]) {
    for k in 0..lines.len().saturating_sub(1) {
        let Some(w) = lines[k].runs.last().and_then(|r| r.word) else { continue };
        if lines[k + 1].runs.first().and_then(|r| r.word) != Some(w) {
            continue;
        }
        // Already opened on an earlier line (a word broken twice)?
        let opened = k > 0 && lines[k].runs.first().and_then(|r| r.word) == Some(w) && lines[k - 1].runs.last().and_then(|r| r.word) == Some(w);
        if !opened {
            if let Some(first) = lines[k].runs.iter_mut().find(|r| r.word == Some(w)) {
                first.actual_text = Some(words[w].clone());
            }
        }
        let continues = lines.get(k + 2).is_some_and(|_| lines[k + 1].runs.iter().all(|r| r.word == Some(w)) && lines[k + 1].runs.last().and_then(|r| r.word) == lines[k + 2].runs.first().and_then(|r| r.word));
        if !continues {
            if let Some(last) = lines[k + 1].runs.iter_mut().rev().find(|r| r.word == Some(w)) {
                last.word_end = true;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markup::parse;

    fn style(justify: bool) -> ParStyle {
        ParStyle { justify, ..ParStyle::default() }
    }

    fn line_text(l: &Line) -> String {
        l.runs.iter().flat_map(|r| r.glyphs.iter().filter_map(|g| g.text.as_deref())).collect()
    }

    #[test]
    fn justified_lines_fill_the_measure_and_the_last_is_ragged() {
        let spans = parse("The quick brown fox jumps over the lazy dog and keeps running far away.").unwrap();
        let p = typeset(&spans, &style(true), 150.0);
        assert!(p.lines.len() >= 3);
        for l in &p.lines[..p.lines.len() - 1] {
            assert!((l.width - 150.0).abs() < 1e-6, "line width {}", l.width);
        }
        assert!(p.lines.last().unwrap().width < 150.0);
        let all: Vec<String> = p.lines.iter().map(line_text).collect();
        assert_eq!(all.join(" "), "The quick brown fox jumps over the lazy dog and keeps running far away.");
    }

    #[test]
    fn urls_break_after_slashes_and_nothing_overflows() {
        let spans = parse("<https://data.example.org/collections/2024/longitudinal-cohort-study/files/manifest.json>").unwrap();
        let p = typeset(&spans, &style(true), 120.0);
        assert!(p.lines.len() > 1);
        for l in &p.lines {
            assert!(l.width <= 120.0 + 1e-6);
        }
        let first = line_text(&p.lines[0]);
        assert!(first.ends_with(|c| URL_BREAK_AFTER.contains(c)), "{first}");
    }

    /// Found by a new user: a long e-mail address was broken between two letters,
    /// with a hyphen; it breaks after its `@` and dots, without one.
    #[test]
    fn email_addresses_break_after_at_and_dots() {
        let opps: Vec<usize> = break_opportunities("mail firstname.lastname@department.example.com now").into_iter().map(|o| o.at).collect();
        // after "mail ", "firstname.", "lastname@", "department.", "example.", "com " and the end
        assert_eq!(opps, vec![5, 15, 24, 35, 43, 47, 50]);
        let spans = parse("firstname.lastname@department.example.com").unwrap();
        let p = typeset(&spans, &style(false), 90.0);
        let lines: Vec<String> = p.lines.iter().map(line_text).collect();
        assert!(lines.len() > 1 && lines.iter().all(|l| !l.ends_with('-')), "{lines:?}");
        assert_eq!(lines.concat(), "firstname.lastname@department.example.com");
    }

    #[test]
    fn url_break_points() {
        let opps: Vec<usize> = break_opportunities("see https://ex.org/a_b?q=1 now").into_iter().map(|o| o.at).collect();
        // after "see ", "https://", "ex.", "org/", "a_", "b?", "q=", "1 ", and the end
        assert_eq!(opps, vec![4, 12, 15, 19, 21, 23, 25, 27, 30]);
    }

    #[test]
    fn a_very_loose_line_is_set_ragged() {
        // "A" then a URL that cannot share its line: the first line would need its one
        // space stretched far past twice its stretch.
        let spans = parse("A B bbbbbbbbbbbbbbbbbbbbbbbbbbbbbb").unwrap();
        let measure = natural_width(&spans, &style(true)) - 5.0;
        let p = typeset(&spans, &style(true), measure);
        assert_eq!(p.lines.len(), 2);
        // Whatever the first line holds, its spaces are not stretched.
        let text = line_text(&p.lines[0]);
        assert_eq!(p.lines[0].width, natural_width(&parse(&text).unwrap(), &style(true)), "{text}");
    }

    #[test]
    fn a_word_wider_than_the_measure_is_hyphenated_at_a_grapheme() {
        let spans = parse("ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJ").unwrap();
        let p = typeset(&spans, &style(false), 60.0);
        assert!(p.lines.len() > 2);
        for l in &p.lines {
            assert!(l.width <= 60.0 + 1e-6, "{}", l.width);
        }
        assert!(line_text(&p.lines[0]).ends_with('-'));
        let joined: String = p.lines.iter().map(|l| line_text(l).trim_end_matches('-').to_string()).collect();
        assert_eq!(joined, "ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJ");
    }
}
