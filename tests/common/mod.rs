//! Checks on the display list shared by the integration tests: margins, overlaps,
//! the date column and reading order. They read only the laid-out document and the
//! validated resume, never the PDF.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use vitae::geom::Pt;
use vitae::layout::{Document, Element, TextRun};
use vitae::model::{Entry, Resume};
use vitae::style::{DateAlign, DateColumn, Style};

/// A word on a page: consecutive non-space runs that touch on one baseline (CJK
/// characters: that follow each other on one baseline, with no space run between).
#[derive(Debug, Clone)]
pub struct Word {
    pub page: usize,
    pub text: String,
    pub x0: Pt,
    pub x1: Pt,
    pub baseline: Pt,
    /// Top and bottom of the em box (0.8 em above, 0.2 em below the baseline).
    pub top: Pt,
    pub bottom: Pt,
}

/// Words in reading order (the order the runs are written).
pub fn words(doc: &Document) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::new();
    for (p, page) in doc.pages.iter().enumerate() {
        let mut prev: Option<&TextRun> = None;
        for r in page.runs() {
            if r.space {
                prev = None;
                continue;
            }
            let b = r.bbox();
            // Runs join into a word when they touch, or when no space run comes between
            // CJK characters (justified CJK lines spread their characters apart).
            let cjk = |c: Option<char>| c.is_some_and(vitae::text::fallback::is_cjk);
            let joins = prev.is_some_and(|q| {
                (q.baseline - r.baseline).abs() < Pt(0.01)
                    && ((q.x + q.width() - r.x).abs() < Pt(0.01)
                        || (r.x > q.x
                            && r.x - (q.x + q.width()) < 0.3 * r.size
                            && (cjk(q.text().chars().last()) || cjk(r.text().chars().next()))))
            });
            match out.last_mut() {
                Some(w) if joins => {
                    w.text.push_str(&r.text());
                    w.x1 = b.right();
                    w.top = w.top.min(b.y);
                    w.bottom = w.bottom.max(b.bottom());
                }
                _ => out.push(Word {
                    page: p,
                    text: r.text(),
                    x0: b.x,
                    x1: b.right(),
                    baseline: r.baseline,
                    top: b.y,
                    bottom: b.bottom(),
                }),
            }
            prev = Some(r);
        }
    }
    out
}

/// Letters and digits only, lower-cased: how words are compared.
pub fn norm(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'ς' { 'σ' } else { c })
        .collect()
}

/// Every glyph's advance box lies inside the margins (the page numbers excepted: they
/// sit in the bottom margin), within `tol` pt.
pub fn check_margins(d: &Style, doc: &Document, tol: f64) -> Result<(), String> {
    let (left, right, top, bottom) = (
        d.margin.left,
        d.page.width - d.margin.right,
        d.margin.top,
        d.page.height - d.margin.bottom,
    );
    for (p, page) in doc.pages.iter().enumerate() {
        for run in page.runs() {
            let b = run.bbox();
            let folio = b.y > bottom && run.text().chars().all(|c| c.is_ascii_digit() || c == '/' || c == ' ');
            if folio {
                continue;
            }
            // Margin kerning (issue #21): a run's last glyph may hang past the right
            // margin, its first past the left, by exactly its character's protrusion.
            let hang = |g: Option<&vitae::text::Glyph>, side: usize| {
                g.and_then(|g| {
                    let t = g.text.as_deref()?;
                    let mut cs = t.chars();
                    let c = cs.next()?;
                    cs.next().is_none().then(|| {
                        let (l, r) = vitae::inline::protrusion_of(c);
                        g.advance * if side == 0 { l } else { r }
                    })
                })
                .unwrap_or(Pt(0.0))
            };
            let (hang_left, hang_right) = (hang(run.glyphs.first(), 0), hang(run.glyphs.last(), 1));
            if b.x + hang_left < left - Pt(tol)
                || b.right() - hang_right > right + Pt(tol)
                || b.y < top - Pt(tol)
                || b.bottom() > bottom + Pt(tol)
            {
                return Err(format!(
                    "page {}: '{}' at x {:.2}–{:.2}, y {:.2}–{:.2} is outside the margins {left:.2}–{right:.2} × {top:.2}–{bottom:.2}",
                    p + 1,
                    run.text(),
                    b.x,
                    b.right(),
                    b.y,
                    b.bottom()
                ));
            }
        }
    }
    Ok(())
}

/// No two words of a page overlap by more than `tol` pt in both x and y.
pub fn check_overlaps(doc: &Document, tol: f64) -> Result<(), String> {
    let ws = words(doc);
    for (i, a) in ws.iter().enumerate() {
        for b in ws[i + 1..].iter().take_while(|b| b.page == a.page) {
            let ox = a.x1.min(b.x1) - a.x0.max(b.x0);
            let oy = a.bottom.min(b.bottom) - a.top.max(b.top);
            if ox > tol && oy > tol {
                return Err(format!(
                    "page {}: '{}' and '{}' overlap by {ox:.2} × {oy:.2} pt",
                    a.page + 1,
                    a.text,
                    b.text
                ));
            }
        }
    }
    Ok(())
}

/// The words of the input in reading order (markup stripped), without dates and
/// locations (they float in the date column).
pub fn expected_words(r: &Resume) -> Vec<String> {
    let mut out = Vec::new();
    let mut add = |s: &str| {
        out.extend(
            s.split(|c: char| c.is_whitespace() || c == '–' || c == '—')
                .map(norm)
                .filter(|w| !w.is_empty()),
        )
    };
    add(&r.name.text);
    if let Some(h) = &r.headline {
        add(&vitae::markup::plain(&h.inline));
    }
    for c in &r.contact {
        add(&vitae::markup::plain(&c.shown.inline));
    }
    for s in &r.sections {
        add(&s.title.text);
        for e in &s.entries {
            for t in [&e.title, &e.subtitle, &e.label, &e.text].into_iter().flatten() {
                add(&vitae::markup::plain(&t.inline));
            }
            for b in &e.bullets {
                add(&vitae::markup::plain(&b.inline));
            }
        }
    }
    out
}

/// Every expected word appears in order among the document's words; a word broken at
/// a line end (after a hyphen or a slash) may span several document words.
pub fn check_order(expected: &[String], doc: &Document) -> Result<(), String> {
    let got: Vec<String> = words(doc)
        .iter()
        .map(|w| norm(&w.text))
        .filter(|w| !w.is_empty())
        .collect();
    let mut j = 0;
    for (i, e) in expected.iter().enumerate() {
        let found = (j..got.len().min(j + 60)).find_map(|k| {
            let mut acc = String::new();
            for (n, g) in got[k..].iter().enumerate().take(12) {
                acc.push_str(g);
                if acc == *e {
                    return Some(k + n + 1);
                }
                if !e.starts_with(&acc) {
                    return None;
                }
            }
            None
        });
        match found {
            Some(next) => j = next,
            None => {
                return Err(format!(
                    "word {i} '{e}' not found in order; the document has there: {:?}",
                    &got[j.min(got.len())..(j + 8).min(got.len())]
                ));
            }
        }
    }
    Ok(())
}

/// The entries of a resume that have a date.
pub fn dated(r: &Resume) -> Vec<&Entry> {
    r.sections
        .iter()
        .flat_map(|s| &s.entries)
        .filter(|e| e.date.is_some())
        .collect()
}

/// Every date ends on the right margin (within `tol`) on the baseline of its entry's
/// first line; a date wider than half the measure may instead sit on a later line.
/// With `date_column: left`, see [`check_left_dates`]. Returns the number of dates
/// checked.
pub fn check_dates(r: &Resume, d: &Style, doc: &Document, tol: f64) -> Result<usize, String> {
    if d.date_column == DateColumn::Left {
        return check_left_dates(r, d, doc, tol);
    }
    let right = d.page.width - d.margin.right;
    let half = (d.page.width - d.margin.left - d.margin.right) / 2.0;
    let ws: Vec<Word> = words(doc).into_iter().filter(|w| !norm(&w.text).is_empty()).collect();
    let mut from = 0;
    let mut n = 0;
    for e in dated(r) {
        let first_text = e
            .title
            .as_ref()
            .or(e.text.as_ref())
            .map(|t| vitae::markup::plain(&t.inline));
        let date = e.date.as_ref().map(|t| t.text.clone()).unwrap_or_default();
        let date_words: Vec<String> = date.split_whitespace().map(norm).filter(|w| !w.is_empty()).collect();
        // The entry's first word.
        let anchor = match &first_text {
            Some(t) => {
                // The first (up to) three words of the entry, consecutive.
                let firsts: Vec<String> = t
                    .split_whitespace()
                    .map(norm)
                    .filter(|w| !w.is_empty())
                    .take(3)
                    .collect();
                let k = (from..ws.len())
                    .find(|&k| {
                        firsts.iter().enumerate().all(|(i, f)| {
                            ws.get(k + i).is_some_and(|w| {
                                norm(&w.text) == *f
                                    || (i == firsts.len() - 1 || i == 0) && f.starts_with(&norm(&w.text))
                            })
                        })
                    })
                    .ok_or_else(|| format!("first words of '{t}' not found"))?;
                Some(k)
            }
            None => None,
        };
        let start = anchor.unwrap_or(from);
        // The date's words, consecutive in the word list.
        let k = (start..ws.len())
            .find(|&k| {
                date_words
                    .iter()
                    .enumerate()
                    .all(|(i, dw)| ws.get(k + i).is_some_and(|w| norm(&w.text) == *dw))
            })
            .ok_or_else(|| format!("date '{date}' not found after its entry's first word"))?;
        let last = &ws[k + date_words.len() - 1];
        if (last.x1 - right).abs() > tol {
            return Err(format!(
                "date '{date}' ends at {:.3}, the right margin is at {right:.3}",
                last.x1
            ));
        }
        if let Some(a) = anchor {
            let wide = last.x1 - ws[k].x0 > half;
            if !wide && (ws[k].baseline - ws[a].baseline).abs() > tol {
                return Err(format!(
                    "date '{date}' is on baseline {:.3}, its entry's first line on {:.3}",
                    ws[k].baseline, ws[a].baseline
                ));
            }
        }
        from = k + date_words.len();
        n += 1;
    }
    Ok(n)
}

/// Every link rectangle of the document, with its page.
pub fn links(doc: &Document) -> Vec<(usize, vitae::layout::Link)> {
    doc.pages
        .iter()
        .enumerate()
        .flat_map(|(p, page)| {
            page.elements.iter().filter_map(move |e| {
                if let Element::Link(l) = e {
                    Some((p, l.clone()))
                } else {
                    None
                }
            })
        })
        .collect()
}

/// The page-breaking rules (issue #4), checked on the placed bands:
/// - nothing crosses the bottom margin;
/// - a section heading is on the page of its first entry's head rows and first body
///   line (the bands from the heading to the first `Body` band after it);
/// - an entry's head rows and its first body line are on one page;
/// - a paragraph of three lines or fewer is on one page; a longer one split across
///   pages leaves at least two lines on each side.
pub fn check_page_rules(d: &Style, doc: &Document) -> Result<(), String> {
    use vitae::layout::BandKind;
    let bottom = d.page.height - d.margin.bottom;
    let bands: Vec<_> = doc
        .bands
        .iter()
        .filter(|b| b.info.kind != BandKind::RunningHeader)
        .collect();
    for b in &bands {
        if b.bottom > bottom + Pt(1e-6) {
            return Err(format!(
                "a band ends at {:.2}, below the bottom margin {bottom:.2}",
                b.bottom
            ));
        }
    }
    for (k, b) in bands.iter().enumerate() {
        if b.info.kind == BandKind::Heading {
            // The first entry after it: through its first body line, or all its bands
            // when it has no body.
            let entry = bands[k + 1..]
                .iter()
                .find(|x| x.info.kind != BandKind::Heading)
                .and_then(|x| x.info.entry);
            let of_entry: Vec<usize> = (k + 1..bands.len())
                .filter(|&j| entry.is_some() && bands[j].info.entry == entry)
                .collect();
            let end = of_entry
                .iter()
                .find(|&&j| bands[j].info.kind == BandKind::Body)
                .or(of_entry.last())
                .copied();
            if let Some(end) = end
                && bands[k..=end].iter().any(|x| x.page != b.page)
            {
                return Err(format!(
                    "the heading on page {} is not on the page of its first entry's first body line",
                    b.page + 1
                ));
            }
        }
        if b.info.kind == BandKind::EntryHead {
            let e = b.info.entry;
            let next_body = bands[k..]
                .iter()
                .find(|x| x.info.entry == e && x.info.kind == BandKind::Body);
            if let Some(nb) = next_body
                && nb.page != b.page
            {
                return Err(format!(
                    "an entry's head row on page {} is parted from its first body line",
                    b.page + 1
                ));
            }
        }
    }
    // Paragraphs: group consecutive bands of one group.
    let mut k = 0;
    while k < bands.len() {
        let g = bands[k].info.group;
        let mut j = k;
        while j < bands.len() && bands[j].info.group == g {
            j += 1;
        }
        let lines = &bands[k..j];
        let n = lines.len();
        let first_page = lines[0].page;
        let on_first = lines.iter().filter(|b| b.page == first_page).count();
        if on_first < n {
            if bands[k].info.kind == BandKind::Body && n <= 3 {
                return Err(format!(
                    "a paragraph of {n} lines is split across pages {} and {}",
                    first_page + 1,
                    first_page + 2
                ));
            }
            if bands[k].info.kind == BandKind::Body && (on_first < 2 || n - on_first < 2) {
                return Err(format!(
                    "a paragraph of {n} lines is split {on_first} + {} across pages (an orphan or a widow)",
                    n - on_first
                ));
            }
        }
        k = j;
    }
    Ok(())
}

/// The left date column (`date_column: left`): each date is written before its
/// entry's first words and starts on their baseline; its first line is flush against
/// the column's edge (the left margin for `date_align: left`; one common right edge,
/// within a quarter of the measure from the margin, for `right`); no word of a date
/// reaches past that edge, and the entry's first word starts at least half an em past
/// it (the gutter). Returns the number of dates checked.
pub fn check_left_dates(r: &Resume, d: &Style, doc: &Document, tol: f64) -> Result<usize, String> {
    let left = d.margin.left;
    let quarter = (d.page.width - d.margin.left - d.margin.right) / 4.0;
    let ws: Vec<Word> = words(doc).into_iter().filter(|w| !norm(&w.text).is_empty()).collect();
    let mut edge: Option<Pt> = None;
    let mut from = 0;
    let mut n = 0;
    for e in dated(r) {
        let date = e.date.as_ref().map(|t| t.text.clone()).unwrap_or_default();
        let date_words: Vec<String> = date.split_whitespace().map(norm).filter(|w| !w.is_empty()).collect();
        // The date's words in order among the words inside the column (the same words
        // may occur in the text before it; a date wrapped in the column has the main
        // text's words between its lines).
        // Once the first date has set the column's edge, a word that ends past it is
        // the main text's (a body line may start with a year: "2024." of a reference).
        let col_edge = edge;
        let in_col = |w: &Word| w.x0 < left + quarter && col_edge.is_none_or(|e| w.x1 <= e + Pt(tol));
        let k = (from..ws.len())
            .find(|&k| in_col(&ws[k]) && norm(&ws[k].text) == date_words[0])
            .ok_or_else(|| format!("date '{date}' not found in the date column"))?;
        let mut dw: Vec<Word> = Vec::new();
        let mut at = k;
        for want in &date_words {
            let i = (at..ws.len())
                .find(|&i| in_col(&ws[i]) && norm(&ws[i].text) == *want)
                .ok_or_else(|| format!("date '{date}': '{want}' not found in the date column"))?;
            dw.push(ws[i].clone());
            at = i + 1;
        }
        let last_index = at - 1;
        let first_line: Vec<&Word> = dw
            .iter()
            .filter(|w| (w.baseline - dw[0].baseline).abs() < tol)
            .collect();
        let line_x0 = first_line.iter().map(|w| w.x0).fold(Pt::INFINITY, Pt::min);
        let line_x1 = first_line.iter().map(|w| w.x1).fold(-Pt::INFINITY, Pt::max);
        let right_edge = match d.date_align {
            DateAlign::Left => {
                if (line_x0 - left).abs() > tol {
                    return Err(format!(
                        "date '{date}' starts at {line_x0:.3}, the left margin is at {left:.3}"
                    ));
                }
                left + quarter
            }
            DateAlign::Right => {
                let e = *edge.get_or_insert(line_x1);
                if (line_x1 - e).abs() > tol {
                    return Err(format!(
                        "date '{date}' ends at {line_x1:.3}, the column's edge is at {e:.3}"
                    ));
                }
                if e > left + quarter + Pt(tol) {
                    return Err(format!(
                        "the date column's edge {e:.3} is past a quarter of the measure ({:.3})",
                        left + quarter
                    ));
                }
                e
            }
        };
        if let Some(w) = dw.iter().find(|w| w.x1 > right_edge + Pt(tol) || w.x0 < left - Pt(tol)) {
            return Err(format!(
                "date word '{}' at {:.3}–{:.3} is outside the date column {left:.3}–{right_edge:.3}",
                w.text, w.x0, w.x1
            ));
        }
        // The entry's first word follows the date's first line, on its baseline, past
        // the column and a gutter.
        if let Some(t) = e.title.as_ref().or(e.text.as_ref()) {
            let first = vitae::markup::plain(&t.inline)
                .split_whitespace()
                .map(norm)
                .find(|w| !w.is_empty())
                .unwrap_or_default();
            let a = (k + 1..ws.len())
                .find(|&a| ws[a].x0 > line_x1 && first.starts_with(&norm(&ws[a].text)) && !norm(&ws[a].text).is_empty())
                .ok_or_else(|| format!("the first word '{first}' of the entry dated '{date}' not found after it"))?;
            if (ws[a].baseline - dw[0].baseline).abs() > tol {
                return Err(format!(
                    "date '{date}' is on baseline {:.3}, its entry's first line on {:.3}",
                    dw[0].baseline, ws[a].baseline
                ));
            }
            let gutter = 0.5 * d.font_size;
            let col_right = edge.unwrap_or(line_x1);
            if ws[a].x0 < col_right + gutter - Pt(tol) {
                return Err(format!(
                    "'{}' starts at {:.3}, inside the date column and its gutter (to {:.3})",
                    ws[a].text,
                    ws[a].x0,
                    col_right + gutter
                ));
            }
        }
        from = last_index + 1;
        n += 1;
    }
    Ok(n)
}

/// The repository's root.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A fresh, empty folder for a test, named after `tag` and the process.
pub fn tempdir(tag: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("vitae-test-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// Runs the `vitae` binary in `dir` (without `SOURCE_DATE_EPOCH`).
pub fn vitae(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_vitae"))
        .args(args)
        .current_dir(dir)
        .env_remove("SOURCE_DATE_EPOCH")
        .output()
        .unwrap()
}

/// A command's standard error as text.
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A file or folder under `tests/fixtures/`.
pub fn fixture_path(rel: &str) -> PathBuf {
    root().join("tests/fixtures").join(rel)
}

/// The `.yaml` files of a folder under `tests/fixtures/`, sorted by name.
pub fn yaml_fixtures(dir: &str) -> Vec<PathBuf> {
    let dir = fixture_path(dir);
    let mut v: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    v.sort();
    v
}

/// Every text run of a document, page after page.
pub fn runs(doc: &Document) -> Vec<&TextRun> {
    doc.pages.iter().flat_map(|p| p.runs()).collect()
}

/// A diagnostic on one line: `line:column: message | hint: …`.
pub fn diagnostic_line(d: &vitae::diag::Diagnostic) -> String {
    let mut out = format!("{}:{}: {}", d.pos.line, d.pos.column, d.message);
    for h in &d.hints {
        out.push_str(&format!(" | hint: {h}"));
    }
    out
}

/// Whether `CI` is set (to anything but empty, `0` or `false`).
pub fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !matches!(v.trim(), "" | "0" | "false"))
}

/// Whether the installed font file a test needs is there; see [`require_installed`].
pub fn require_font(path: &Path, package: &str) -> bool {
    require_installed(path.exists(), &path.display().to_string(), package)
}

/// The one rule for tests that need an installed font: when it is there (`found`),
/// true; when it is not, the test fails if `CI` is set (`.ci/run` installs every such
/// font, so a missing one there is a broken setup, not a reason to pass), and
/// otherwise prints `SKIPPED …` and returns false for the test to return early.
/// `what` names the font, `package` the Debian package(s) that install it.
pub fn require_installed(found: bool, what: &str, package: &str) -> bool {
    if found {
        return true;
    }
    let test = std::thread::current().name().unwrap_or("this test").to_string();
    if in_ci() {
        panic!(
            "{test}: {what} is not installed, and CI is set, so the test fails rather than skips: apt-get install {package} (.ci/run does)"
        );
    }
    eprintln!("SKIPPED {test}: {what} is not installed (apt-get install {package}; with CI set this fails)");
    false
}

/// The `vitae` binary as a command to adjust (standard streams, environment) before
/// running it in `dir` (without `SOURCE_DATE_EPOCH`).
pub fn vitae_command(args: &[&str], dir: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_vitae"));
    c.args(args).current_dir(dir).env_remove("SOURCE_DATE_EPOCH");
    c
}

/// The names in a folder, sorted.
pub fn names(dir: &Path) -> Vec<String> {
    let mut out: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    out.sort();
    out
}

/// Waits up to `limit` for a child to end: its status, or `None` if it still runs.
pub fn wait_for_exit(child: &mut std::process::Child, limit: std::time::Duration) -> Option<std::process::ExitStatus> {
    let t = std::time::Instant::now();
    loop {
        if let Some(s) = child.try_wait().unwrap() {
            return Some(s);
        }
        if t.elapsed() > limit {
            return None;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

/// Polls `what` every 50 ms for up to `limit`; whether it became true.
pub fn eventually(limit: std::time::Duration, what: &dyn Fn() -> bool) -> bool {
    let t = std::time::Instant::now();
    while t.elapsed() < limit {
        if what() {
            return true;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    what()
}

/// Runs a shell command line (`sh -c`) with `$VITAE` set to the binary, in `dir`,
/// without `SOURCE_DATE_EPOCH`: for redirections a `Command` cannot make (`>&-`).
pub fn shell(script: &str, dir: &Path) -> Output {
    Command::new("sh")
        .args(["-c", script])
        .env("VITAE", env!("CARGO_BIN_EXE_vitae"))
        .current_dir(dir)
        .env_remove("SOURCE_DATE_EPOCH")
        .output()
        .unwrap()
}
