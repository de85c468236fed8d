//! The outputs besides the PDF (issue 19): Markdown and plain text against golden
//! files, the web page checked structurally with an HTML5 parser, every word of the
//! input in each text output in reading order, PNG pages against pdftoppm's, and the
//! command line's choice of outputs.

mod common;

use common::{expected_words, fixture_path, norm, root, stderr, tempdir, vitae, yaml_fixtures};
use scraper::{Html, Selector};
use vitae::write::Format;

/// A good fixture laid out in its own design.
fn laid(path: &std::path::Path) -> vitae::Laid {
    let text = std::fs::read_to_string(path).unwrap();
    vitae::lay_out(&text, &vitae::Options::default()).unwrap_or_else(|e| panic!("{}: {e:?}", path.display()))
}

/// Compares `got` with the golden file `tests/golden/NAME`; `VITAE_BLESS=1` writes it.
fn golden(name: &str, got: &str) {
    let path = root().join("tests/golden").join(name);
    if std::env::var_os("VITAE_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, got).unwrap();
    }
    let want = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert_eq!(
        got, want,
        "{name} differs from tests/golden/{name} (VITAE_BLESS=1 rewrites it)"
    );
}

/// Every expected word appears, in order, among the words of `text`.
fn check_text_order(expected: &[String], text: &str) -> Result<(), String> {
    let got: Vec<String> = text
        .split(|c: char| c.is_whitespace() || c == '–' || c == '—')
        .map(norm)
        .filter(|w| !w.is_empty())
        .collect();
    let mut j = 0;
    for (i, e) in expected.iter().enumerate() {
        let found = (j..got.len()).find_map(|k| {
            let mut acc = String::new();
            for (n, g) in got[k..].iter().enumerate().take(12) {
                acc.push_str(g);
                if acc == *e || (n == 0 && g.contains(e.as_str())) {
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
            None => return Err(format!("word {i} '{e}' not found in order after {:?}", got.get(j))),
        }
    }
    Ok(())
}

#[test]
fn full_yaml_in_markdown_is_the_golden_file() {
    let l = laid(&fixture_path("good/full.yaml"));
    golden("full.md", &vitae::write::markdown::markdown(&l.resume, &l.style));
}

#[test]
fn full_yaml_in_plain_text_is_the_golden_file() {
    let l = laid(&fixture_path("good/full.yaml"));
    golden("full.txt", &vitae::write::text::text(&l.resume, &l.style));
}

#[test]
fn every_word_of_every_good_fixture_is_in_each_text_output_in_reading_order() {
    for f in yaml_fixtures("good") {
        let l = laid(&f);
        let want = expected_words(&l.resume);
        let md = vitae::write::markdown::markdown(&l.resume, &l.style);
        let txt = vitae::write::text::text(&l.resume, &l.style);
        let html = vitae::write::html::html(&l.resume, &l.style, &l.doc);
        let body = Html::parse_document(&html);
        let sel = Selector::parse("body").unwrap();
        let page_text: String = body.select(&sel).flat_map(|b| b.text()).collect::<Vec<_>>().join(" ");
        // Markdown's escapes are removed before comparing, as a renderer removes them.
        let md_plain = md.replace('\\', "");
        for (what, text) in [("Markdown", &md_plain), ("text", &txt), ("HTML", &page_text)] {
            check_text_order(&want, text).unwrap_or_else(|e| panic!("{} in {what}: {e}", f.display()));
        }
    }
}

#[test]
fn plain_text_lines_are_at_most_80_columns_except_a_word_longer_than_that() {
    for f in yaml_fixtures("good") {
        let l = laid(&f);
        let txt = vitae::write::text::text(&l.resume, &l.style);
        assert!(txt.ends_with('\n'));
        for line in txt.lines() {
            let cols: usize = line
                .chars()
                .map(|c| if vitae::text::fallback::is_cjk(c) { 2 } else { 1 })
                .sum();
            let one_word = line.trim_start().trim_start_matches("- ").split(' ').count() == 1;
            assert!(cols <= 80 || one_word, "{}: {cols} columns: {line}", f.display());
        }
    }
}

#[test]
fn the_line_breaker_wraps_monospace_text_ragged_without_hyphens() {
    let words = "aaaa ".repeat(30);
    let lines = vitae::write::text::wrap(&words, 2, 2);
    assert_eq!(lines.len(), 2, "{lines:?}");
    // 78 columns hold 15 words of 4 plus their spaces (15 × 5 − 1 = 74).
    assert_eq!(lines[0].len(), 74);
    assert!(lines.iter().all(|l| !l.ends_with('-')));
    let url = format!("see https://example.org/{} now", "x".repeat(100));
    let lines = vitae::write::text::wrap(&url, 0, 0);
    assert_eq!(
        lines,
        ["see", &format!("https://example.org/{}", "x".repeat(100)), "now"]
    );
}

#[test]
fn markdown_escapes_any_text_so_that_it_stays_literal() {
    assert_eq!(
        vitae::write::markdown::escape("a*b_c [d](e) <f> #1 `g` ~h~ & i!"),
        "a\\*b\\_c \\[d\\](e) \\<f\\> \\#1 \\`g\\` \\~h\\~ \\& i\\!"
    );
    let yaml = "name: \"A*B_C\"\nsections:\n  - title: \"#1 * items\"\n    entries:\n      - \"- not a list, 1. not a number, \\\\*star\\\\*\"\n";
    let l = vitae::lay_out(yaml, &vitae::Options::default()).unwrap();
    let md = vitae::write::markdown::markdown(&l.resume, &l.style);
    assert_eq!(
        md,
        "# A\\*B\\_C\n\n## \\#1 \\* items\n\n\\- not a list, 1. not a number, \\*star\\*\n"
    );
}

/// The elements a selector finds.
fn all<'a>(doc: &'a Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    doc.select(&Selector::parse(css).unwrap()).collect()
}

#[test]
fn every_good_fixture_makes_a_semantic_self_contained_web_page() {
    for f in yaml_fixtures("good") {
        let l = laid(&f);
        let html = vitae::write::html::html(&l.resume, &l.style, &l.doc);
        let doc = Html::parse_document(&html);
        let name = f.display();
        assert!(doc.errors.is_empty(), "{name}: HTML5 parse errors {:?}", doc.errors);
        // One h1, the name; then h2 per section, h3 only under an h2.
        let h1 = all(&doc, "h1");
        assert_eq!(h1.len(), 1, "{name}");
        assert_eq!(h1[0].text().collect::<String>(), l.resume.name.text);
        let heads: Vec<String> = all(&doc, "h1, h2, h3")
            .iter()
            .map(|e| e.value().name().to_string())
            .collect();
        assert_eq!(heads[0], "h1");
        let mut level = 1;
        for h in &heads[1..] {
            let n: usize = h[1..].parse().unwrap();
            assert!(n >= 2 && n <= level + 1, "{name}: {h} after h{level}");
            level = n;
        }
        assert_eq!(all(&doc, "section > h2").len(), l.resume.sections.len(), "{name}");
        let entries: usize = l.resume.sections.iter().map(|s| s.entries.len()).sum();
        assert_eq!(all(&doc, "section article").len(), entries, "{name}");
        let numbered: usize = l.resume.sections.iter().filter(|s| s.numbered).count();
        assert_eq!(all(&doc, "section > ol").len(), numbered, "{name}");
        // Every link of the input is an `a`, in order.
        let mut want_links = Vec::new();
        for c in &l.resume.contact {
            let own: Vec<String> = c.shown.inline.iter().filter_map(|s| s.link.clone()).collect();
            if own.is_empty() {
                want_links.extend(c.link.clone());
            } else {
                want_links.extend(own);
            }
        }
        for s in &l.resume.sections {
            for e in &s.entries {
                for t in [&e.title, &e.subtitle, &e.location, &e.label, &e.text]
                    .into_iter()
                    .flatten()
                    .chain(&e.bullets)
                {
                    let mut last: Option<&String> = None;
                    for sp in &t.inline {
                        if sp.link.as_ref() != last {
                            want_links.extend(sp.link.clone());
                        }
                        last = sp.link.as_ref();
                    }
                }
            }
        }
        let got_links: Vec<String> = all(&doc, "a")
            .iter()
            .map(|a| a.value().attr("href").unwrap().to_string())
            .collect();
        assert_eq!(got_links, want_links, "{name}");
        // Every structured date is a `time` with its datetime.
        let mut want_times = Vec::new();
        for e in l.resume.sections.iter().flat_map(|s| &s.entries) {
            for d in [e.start, e.end].into_iter().flatten() {
                if let vitae::model::date::Date::Day { year, .. } = d {
                    want_times.push(year.to_string());
                }
            }
        }
        let got_times: Vec<String> = all(&doc, "time")
            .iter()
            .map(|t| t.value().attr("datetime").unwrap()[..4].to_string())
            .collect();
        assert_eq!(got_times, want_times, "{name}");
        // lang and dir.
        let root_el = all(&doc, "html")[0];
        assert_eq!(root_el.value().attr("lang"), Some(l.style.language.tag()), "{name}");
        let dir = if l.style.language.rtl() { "rtl" } else { "ltr" };
        assert_eq!(root_el.value().attr("dir"), Some(dir), "{name}");
        // No script, no external resource.
        assert!(
            all(&doc, "script, link, img, iframe, object, embed").is_empty(),
            "{name}"
        );
        let css: String = all(&doc, "style").iter().flat_map(|s| s.text()).collect();
        for (k, _) in css.match_indices("url(") {
            assert!(css[k..].starts_with("url(data:"), "{name}: {}", &css[k..k + 40]);
        }
        assert!(!css.contains("@import"), "{name}");
        // The fonts are embedded.
        assert!(
            css.contains("@font-face{font-family:\"vitae-text\";font-weight:400;font-style:normal"),
            "{name}"
        );
    }
}

#[test]
fn a_right_to_left_resume_makes_an_rtl_page() {
    let yaml = "name: \"שרה כהן\"\ndesign:\n  language: he\nsections:\n  - title: \"ניסיון\"\n    entries:\n      - \"מהנדסת תוכנה\"\n";
    let l = vitae::lay_out(yaml, &vitae::Options::default()).unwrap();
    let html = vitae::write::html::html(&l.resume, &l.style, &l.doc);
    assert!(html.contains("<html lang=\"he\" dir=\"rtl\">"), "{}", &html[..120]);
}

#[test]
fn structured_dates_are_time_elements_with_their_datetime() {
    let l = laid(&fixture_path("good/full.yaml"));
    let html = vitae::write::html::html(&l.resume, &l.style, &l.doc);
    assert!(html.contains(r#"<p class="date"><time datetime="2019-03">Mar 2019</time> – present</p>"#));
    assert!(
        html.contains(r#"<p class="date"><time datetime="2010">2010</time> – <time datetime="2014">2014</time></p>"#)
    );
}

/// Decodes a PNG: width, height and RGBA pixels.
fn decode(bytes: &[u8]) -> (u32, u32, Vec<u8>) {
    let mut dec = png::Decoder::new(std::io::Cursor::new(bytes));
    dec.set_transformations(png::Transformations::EXPAND | png::Transformations::ALPHA);
    let mut reader = dec.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    buf.truncate(info.buffer_size());
    let rgba = match info.color_type {
        png::ColorType::Rgba => buf,
        png::ColorType::Rgb => buf.chunks(3).flat_map(|p| [p[0], p[1], p[2], 255]).collect(),
        t => panic!("colour type {t:?}"),
    };
    (info.width, info.height, rgba)
}

/// The mean brightness of each cell of a `cells`×`cells` grid over the picture.
fn cells(w: u32, h: u32, px: &[u8], n: u32) -> Vec<f64> {
    let mut sum = vec![0.0; (n * n) as usize];
    let mut count = vec![0.0; (n * n) as usize];
    for y in 0..h {
        for x in 0..w {
            let i = ((y * w + x) * 4) as usize;
            let v = (px[i] as f64 + px[i + 1] as f64 + px[i + 2] as f64) / 3.0;
            let c = ((y * n / h) * n + x * n / w) as usize;
            sum[c] += v;
            count[c] += 1.0;
        }
    }
    sum.iter().zip(&count).map(|(s, c)| s / c).collect()
}

#[test]
fn png_pages_have_the_page_size_at_the_resolution_are_not_blank_and_match_pdftoppm() {
    let text = std::fs::read_to_string(root().join("resume.yaml")).unwrap();
    let laid = vitae::lay_out(&text, &vitae::Options::default()).unwrap();
    let out = vitae::render(&laid, &[Format::Pdf, Format::Png], None, 72.0).unwrap();
    let pdf = &out[0].files[0];
    let pngs = &out[1].files;
    assert_eq!(pngs.len(), laid.doc.pages.len());
    let (w, h, px) = decode(&pngs[0]);
    // Letter at 72 dpi: 612 × 792 pixels.
    assert_eq!((w, h), (612, 792));
    let dark = px.chunks(4).filter(|p| p[0] < 128).count();
    assert!(dark > 5000, "only {dark} dark pixels: the page is blank");
    // At 144 dpi (the default) twice as many pixels each way.
    let big = vitae::write::png::pages(pdf, 144.0).unwrap();
    let (bw, bh, _) = decode(&big[0]);
    assert_eq!((bw, bh), (1224, 1584));
    // pdftoppm's rendering of the same PDF, compared cell by cell (16 × 16 cells).
    let found = std::process::Command::new("pdftoppm").arg("-v").output().is_ok();
    if !common::require_installed(found, "pdftoppm", "poppler-utils") {
        return;
    }
    let dir = tempdir("png");
    std::fs::write(dir.join("x.pdf"), pdf).unwrap();
    let st = std::process::Command::new("pdftoppm")
        .args(["-r", "72", "-png", "-f", "1", "-l", "1", "-singlefile", "x.pdf", "ref"])
        .current_dir(&dir)
        .status()
        .unwrap();
    assert!(st.success());
    let (rw, rh, rpx) = decode(&std::fs::read(dir.join("ref.png")).unwrap());
    // pdftoppm rounds the page's 612.0004 pt up.
    assert_eq!((rw, rh), (w + 1, h + 1));
    let (a, b) = (cells(w, h, &px, 16), cells(rw, rh, &rpx, 16));
    let worst = a.iter().zip(&b).map(|(x, y)| (x - y).abs()).fold(0.0, f64::max);
    assert!(
        worst < 6.0,
        "a cell's mean brightness differs by {worst:.1} of 255 from pdftoppm's"
    );
}

#[test]
fn the_extension_of_o_picks_the_writer_and_format_writes_several_beside_the_input() {
    let dir = tempdir("formats");
    std::fs::copy(fixture_path("good/full.yaml"), dir.join("cv.yaml")).unwrap();
    for (out, start) in [
        ("cv.html", "<!DOCTYPE html>"),
        ("cv.md", "# Priya"),
        ("cv.txt", "Priya"),
    ] {
        let o = vitae(&["build", "cv.yaml", "-o", out, "-q"], &dir);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        assert!(
            std::fs::read_to_string(dir.join(out)).unwrap().starts_with(start),
            "{out}"
        );
    }
    let o = vitae(&["build", "cv.yaml", "-o", "page.png", "-q", "--dpi", "36"], &dir);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(decode(&std::fs::read(dir.join("page-1.png")).unwrap()).0, 306);
    assert!(dir.join("page-2.png").exists() == (laid(&dir.join("cv.yaml")).doc.pages.len() > 1));
    // Several formats, laid out once, next to the input; the PDF is the one a plain build writes.
    let o = vitae(&["build", "cv.yaml", "--format", "pdf,html,md,txt"], &dir);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("cv.html: web page, ")
            && err.contains("cv.md: Markdown, ")
            && err.contains("cv.txt: plain text, "),
        "{err}"
    );
    let pdf = std::fs::read(dir.join("cv.pdf")).unwrap();
    let o = vitae(&["build", "cv.yaml", "-o", "plain.pdf", "-q"], &dir);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(pdf, std::fs::read(dir.join("plain.pdf")).unwrap());
    assert_eq!(
        std::fs::read_to_string(dir.join("cv.md")).unwrap(),
        std::fs::read_to_string(root().join("tests/golden/full.md")).unwrap()
    );
    // Standard output for the text formats.
    let o = vitae(&["build", "cv.yaml", "--format", "txt", "-o", "-", "-q"], &dir);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        String::from_utf8(o.stdout).unwrap(),
        std::fs::read_to_string(dir.join("cv.txt")).unwrap()
    );
    // No temporary file is left behind.
    assert!(common::names(&dir).iter().all(|n| !n.ends_with(".tmp")));
}

#[test]
fn an_unknown_extension_or_format_is_a_usage_error_naming_the_accepted_ones() {
    let dir = tempdir("badformat");
    std::fs::copy(fixture_path("good/minimal.yaml"), dir.join("cv.yaml")).unwrap();
    let o = vitae(&["build", "cv.yaml", "-o", "cv.docx"], &dir);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o),
        "error: cv.docx: unknown output extension `.docx` (expected .pdf, .html, .md, .txt, .json or .png)\n"
    );
    let o = vitae(&["build", "cv.yaml", "--format", "pdf,docx"], &dir);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("unknown format `docx` (expected pdf, html, md, txt, json or png)"),
        "{}",
        stderr(&o)
    );
    let o = vitae(&["build", "cv.yaml", "--format", "pdf,md", "-o", "x.pdf"], &dir);
    assert_eq!(o.status.code(), Some(2));
    let o = vitae(&["build", "cv.yaml", "--format", "png", "-o", "-"], &dir);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(common::names(&dir), ["cv.yaml"]);
    // The input itself is never an output, whatever the format.
    let o = vitae(&["build", "cv.yaml", "--format", "md", "-o", "cv.yaml"], &dir);
    assert_eq!(o.status.code(), Some(3));
    assert!(
        std::fs::read_to_string(dir.join("cv.yaml"))
            .unwrap()
            .starts_with("# The smallest")
    );
}
