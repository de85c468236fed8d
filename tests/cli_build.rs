//! End to end: the built binary on real input, its PDF read back with poppler-utils
//! (`pdftotext`, `pdffonts`) and checked with `qpdf --check`.

mod common;

use common::{root, tempdir, vitae};

use std::path::Path;
use std::process::Command;

fn tool(name: &str, args: &[&str]) -> String {
    let out = Command::new(name)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{name} is needed for this test ({e}); .ci/run installs it"));
    assert!(
        out.status.success(),
        "{name} {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn qpdf_check(pdf: &Path) {
    let out = Command::new("qpdf")
        .arg("--check")
        .arg(pdf)
        .output()
        .expect("qpdf is needed; .ci/run installs it");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success() && !text.contains("WARNING"),
        "qpdf --check {}: {text}",
        pdf.display()
    );
    // And it renders without a word from poppler on standard error.
    let prefix = pdf.with_extension("render");
    let out = Command::new("pdftoppm")
        .args(["-r", "20", "-png"])
        .arg(pdf)
        .arg(&prefix)
        .output()
        .expect("pdftoppm (poppler-utils)");
    assert!(
        out.status.success() && out.stderr.is_empty(),
        "pdftoppm {}: {}",
        pdf.display(),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn the_example_builds_into_a_pdf_with_every_word_in_reading_order() {
    let dir = tempdir("example");
    std::fs::copy(root().join("resume.yaml"), dir.join("resume.yaml")).unwrap();
    let out = vitae(&["build"], &dir);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    // One line on success, no warnings.
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with("resume.pdf: 2 pages, ") && err.ends_with(" ms\n") && err.lines().count() == 1,
        "{err}"
    );
    let pdf = dir.join("resume.pdf");
    qpdf_check(&pdf);
    assert_eq!(
        tool("pdfinfo", &[pdf.to_str().unwrap()])
            .lines()
            .find(|l| l.starts_with("Pages:"))
            .unwrap()
            .split_whitespace()
            .last(),
        Some("2")
    );

    // pdftotext -raw: content-stream order. Every word of the input, in order.
    let raw = tool("pdftotext", &["-raw", pdf.to_str().unwrap(), "-"]);
    let got: Vec<String> = raw
        .split(|c: char| c.is_whitespace() || c == '–' || c == '—')
        .map(common::norm)
        .filter(|w| !w.is_empty())
        .collect();
    let text = std::fs::read_to_string(root().join("resume.yaml")).unwrap();
    let resume = vitae::model::load(&text).unwrap();
    let expected = common::expected_words(&resume);
    let mut j = 0;
    for e in &expected {
        let mut found = None;
        'search: for k in j..got.len() {
            let mut acc = String::new();
            for (n, g) in got[k..].iter().enumerate().take(6) {
                acc.push_str(g);
                if acc == *e {
                    found = Some(k + n + 1);
                    break 'search;
                }
                if !e.starts_with(&acc) {
                    break;
                }
            }
        }
        j = found.unwrap_or_else(|| {
            panic!(
                "'{e}' not found in order in pdftotext -raw output after {:?}",
                &got[j.saturating_sub(5)..j]
            )
        });
    }
    // Reading order within an entry: title, date, then bullets.
    let title = raw.find("Tidewater Analytics").unwrap();
    let date = raw.find("Feb 2020 – present").unwrap();
    let bullet = raw.find("Replaced the interpreted").unwrap();
    assert!(
        title < date && date < bullet,
        "title {title}, date {date}, bullet {bullet}"
    );
    // Word spaces are real spaces in the text layer.
    assert!(
        raw.contains("Technical lead for the vectorised execution engine"),
        "{raw}"
    );

    // pdffonts: every font embedded, subset, with ToUnicode.
    let fonts = tool("pdffonts", &[pdf.to_str().unwrap()]);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert_eq!(rows.len(), 3, "{fonts}");
    for row in rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        let n = cols.len();
        assert_eq!(&cols[n - 5..n - 2], &["yes", "yes", "yes"], "{row}");
        assert!(
            cols[0].len() > 7
                && cols[0][..6].bytes().all(|b| b.is_ascii_uppercase())
                && cols[0].starts_with("VIT")
                && &cols[0][6..7] == "+",
            "{row}"
        );
    }
    let size = std::fs::metadata(&pdf).unwrap().len();
    assert!(size < 60_000, "the example's PDF is {size} bytes");

    // /Title and /Author.
    let info = tool("pdfinfo", &[pdf.to_str().unwrap()]);
    assert!(
        info.contains("Title:           Marguerite Oyelaran-Lindqvist — Résumé"),
        "{info}"
    );
    assert!(
        info.contains("Author:          Marguerite Oyelaran-Lindqvist"),
        "{info}"
    );
    assert!(
        info.contains("Keywords:        compilers,databases,developer tools"),
        "{info}"
    );
}

#[test]
fn links_are_annotations_over_their_labels() {
    let text = std::fs::read_to_string(root().join("resume.yaml")).unwrap();
    let (_, _, doc, _) = vitae::layout_source(&text).unwrap();
    let links = common::links(&doc);
    let uris: Vec<&str> = links.iter().map(|(_, l)| l.uri.as_str()).collect();
    assert_eq!(
        &uris[..6],
        &[
            "mailto:m.oyelaran@example.com",
            "tel:+14155550134",
            "https://oyelaran.example.com/",
            "https://code.example.com/moyelaran",
            "https://oyelaran.example.com/talks",
            "https://oyelaran.example.com/posts/differential-testing",
        ]
    );
    // The e-mail link covers exactly the address's glyphs.
    let words = common::words(&doc);
    let mail = words.iter().find(|w| w.text == "m.oyelaran@example.com").unwrap();
    let (_, l) = &links[0];
    assert!((l.rect.x - mail.x0).abs() < 1e-9 && (l.rect.right() - mail.x1).abs() < 1e-9);
    assert!(l.rect.y < mail.top && l.rect.bottom() > mail.baseline);
}

#[test]
fn the_same_input_gives_the_same_bytes() {
    let text = std::fs::read_to_string(root().join("resume.yaml")).unwrap();
    let a = vitae::compile(&text, &vitae::Options::default()).unwrap().pdf;
    let b = vitae::compile(&text, &vitae::Options::default()).unwrap().pdf;
    assert!(a == b, "two builds in one process differ");
    let dir = tempdir("determinism");
    std::fs::copy(root().join("resume.yaml"), dir.join("r.yaml")).unwrap();
    assert!(vitae(&["build", "r.yaml", "-o", "one.pdf"], &dir).status.success());
    assert!(vitae(&["build", "r.yaml", "-o", "two.pdf"], &dir).status.success());
    let one = std::fs::read(dir.join("one.pdf")).unwrap();
    assert_eq!(
        one,
        std::fs::read(dir.join("two.pdf")).unwrap(),
        "two runs of the binary differ"
    );
    assert_eq!(one, a, "the binary and the library differ");
}

#[test]
fn every_good_fixture_gives_a_valid_pdf() {
    let dir = tempdir("good");
    let good = root().join("tests/fixtures/good");
    let mut n = 0;
    for entry in std::fs::read_dir(&good).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let pdf = dir.join(format!("{name}.pdf"));
        let out = vitae(&["build", path.to_str().unwrap(), "-o", pdf.to_str().unwrap()], &dir);
        assert!(out.status.success(), "{name}: {}", String::from_utf8_lossy(&out.stderr));
        // All but the last line (the success line: path, pages, size, time).
        let all = String::from_utf8_lossy(&out.stderr);
        let last = all.lines().last().unwrap_or("");
        assert!(
            last.starts_with(&format!("{}: ", pdf.display())) && last.ends_with(" ms"),
            "{name}: {all}"
        );
        let stderr = all[..all.len() - last.len() - 1].to_string();
        // cjk: warnings only where no installed font has CJK (CI installs
        // fonts-noto-cjk); long-url: an identifier wider than the line, broken between
        // letters (issue #3 asks for a warning saying where); fit-one-page: the size
        // fit_pages chose.
        let cjk_warns = name == "cjk" && !cjk_installed();
        assert_eq!(
            stderr.is_empty(),
            !(cjk_warns || ["long-url", "fit-one-page"].contains(&name.as_str())),
            "{name}: {stderr}"
        );
        if name == "fit-one-page" {
            assert!(
                stderr.ends_with("fit-one-page.yaml: fitted to 1 page at 8.5 pt (85 %)\n"),
                "{stderr}"
            );
            assert_eq!(
                tool("pdfinfo", &[pdf.to_str().unwrap()])
                    .lines()
                    .find(|l| l.starts_with("Pages:"))
                    .unwrap()
                    .split_whitespace()
                    .last(),
                Some("1")
            );
        }
        qpdf_check(&pdf);
        n += 1;
    }
    assert_eq!(n, 12);
}

#[test]
fn the_default_output_is_next_to_the_input_and_replaces_an_old_pdf() {
    let dir = tempdir("default");
    std::fs::copy(root().join("tests/fixtures/good/minimal.yaml"), dir.join("cv.yaml")).unwrap();
    std::fs::write(dir.join("cv.pdf"), b"old").unwrap();
    let out = vitae(&["build", "cv.yaml"], &dir);
    assert!(out.status.success());
    assert!(std::fs::read(dir.join("cv.pdf")).unwrap().starts_with(b"%PDF-"));
    let names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 2, "a temporary file was left: {names:?}");
}

#[test]
fn file_errors_name_the_path() {
    let dir = tempdir("files");
    let out = vitae(&["build", "missing.yaml"], &dir);
    assert_eq!(out.status.code(), Some(3));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with("missing.yaml: error: cannot read the input (No such file or directory"),
        "{err}"
    );
    std::fs::copy(root().join("tests/fixtures/good/minimal.yaml"), dir.join("cv.yaml")).unwrap();
    let out = vitae(&["build", "cv.yaml", "-o", "cv.yaml"], &dir);
    assert_eq!(out.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&out.stderr).contains("is the input itself"));
    assert!(
        std::fs::read_to_string(dir.join("cv.yaml"))
            .unwrap()
            .starts_with("# The smallest")
    );
    let out = vitae(&["build", "cv.yaml", "-o", "no/such/dir/cv.pdf"], &dir);
    assert_eq!(out.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("no/such/dir/cv.pdf: error: cannot write the PDF: the folder no/such/dir does not exist (No such file or directory"));
    std::fs::create_dir(dir.join("out")).unwrap();
    let out = vitae(&["build", "cv.yaml", "-o", "out"], &dir);
    assert_eq!(out.status.code(), Some(3));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .starts_with("out: error: cannot write the PDF: it is a folder; give a file name such as out/resume.pdf"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn hyphenated_words_extract_whole() {
    // A narrow measure forces hyphenation; poppler honours /ActualText, so the words
    // come back without the hyphens the line breaks added.
    let dir = tempdir("hyphen");
    let yaml = "name: Hy Phen\nsections:\n  - title: Summary\n    entries:\n      - \"Characteristically, internationalization considerations notwithstanding, the telecommunications infrastructure modernization programme demonstrated extraordinarily comprehensive interoperability improvements.\"\ndesign:\n  margin: {left: 2.4in, right: 2.4in}\n";
    std::fs::write(dir.join("hy.yaml"), yaml).unwrap();
    let out = vitae(&["build", "hy.yaml"], &dir);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let pdf = dir.join("hy.pdf");
    qpdf_check(&pdf);
    let (_, _, doc, _) = vitae::layout_source(yaml).unwrap();
    let hyphens = doc.pages[0].runs().filter(|r| r.text() == "-").count();
    assert!(
        hyphens >= 2,
        "the paragraph should hyphenate at this measure ({hyphens} hyphens)"
    );
    let text = tool("pdftotext", &[pdf.to_str().unwrap(), "-"]);
    let words: Vec<&str> = text.split_whitespace().collect();
    for w in [
        "notwithstanding,",
        "modernization",
        "comprehensive",
        "considerations",
        "extraordinarily",
    ] {
        assert!(words.contains(&w), "'{w}' not whole in: {text}");
    }
    assert!(!text.contains('-'), "an added hyphen leaked into the text: {text}");
}

/// Whether an installed font has CJK (the build then needs no warning for cjk.yaml).
fn cjk_installed() -> bool {
    use vitae::text::{Cjk, FaceId, Styled, face_for};
    face_for("李", Styled::plain(FaceId::SERIF_REGULAR), Cjk::Sc).is_some()
}
