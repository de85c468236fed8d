//! Limits and file-system failures: each gives its exit status and a message
//! naming the path or the position, and writes nothing.

mod common;

use common::{fixture_path, stderr, tempdir, vitae};
use std::time::Instant;

#[test]
fn an_input_over_5_mb_is_refused() {
    let dir = tempdir("big");
    let mut text = String::from("name: A\nsections:\n  - title: T\n    entries:\n");
    while text.len() <= 5_000_000 {
        text.push_str("      - \"A line of filler text that repeats until the file is large.\"\n");
    }
    std::fs::write(dir.join("big.yaml"), &text).unwrap();
    let o = vitae(&["build", "big.yaml"], &dir);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stderr(&o),
        format!(
            "big.yaml: error: the input is {} bytes; a resume may have at most 5000000; no PDF written\n",
            text.len()
        )
    );
    assert!(!dir.join("big.pdf").exists());
}

#[test]
fn a_field_over_100000_characters_is_refused() {
    let long = "x".repeat(100_001);
    let errs = vitae::compile(
        &format!("name: A\nsections:\n  - title: T\n    entries:\n      - \"{long}\"\n"),
        &Default::default(),
    )
    .unwrap_err();
    assert_eq!((errs[0].pos.line, errs[0].pos.column), (5, 9));
    assert_eq!(
        errs[0].message,
        "this text is 100001 characters long; a field may hold at most 100000"
    );
}

#[test]
fn more_than_200_pages_is_refused() {
    let mut text = String::from("name: A\nsections:\n  - title: T\n    entries:\n");
    for k in 0..9000 {
        text.push_str(&format!(
            "      - \"Line {k} of a document far too long to be a resume.\"\n"
        ));
    }
    let errs = vitae::compile(&text, &Default::default()).unwrap_err();
    assert_eq!(errs.len(), 1);
    assert_eq!(
        errs[0].message,
        "the resume would take more than 200 pages; vitae sets at most 200"
    );
}

/// 99,000 one-line entries: refused before a full layout (the bands' heights alone
/// exceed 200 pages), and with `fit_pages` without bisecting (before this, 1 GB and
/// 12 s to learn that it needed 2,107 pages).
#[test]
fn a_resume_far_past_200_pages_is_refused_at_fit_pages_without_a_full_layout() {
    let mut text = String::from("name: A\ndesign:\n  fit_pages: 1\nsections:\n  - title: T\n    entries:\n");
    for k in 0..99_000 {
        text.push_str(&format!("      - \"Entry {k}.\"\n"));
    }
    let errs = vitae::compile(&text, &Default::default()).unwrap_err();
    let lines: Vec<String> = errs.iter().map(common::diagnostic_line).collect();
    assert_eq!(
        lines,
        [
            "3:14: fit_pages: the resume cannot fit in 1 page: it needs more than 200 pages even at the smallest size (85 %, 8.5 pt) | hint: shorten it, or ask for more pages"
        ]
    );
}

/// 10,000 bullets take 197 pages: within the limit, built whole.
#[test]
fn ten_thousand_bullets_build_197_pages() {
    let mut text = String::from("name: A\nsections:\n  - title: T\n    entries:\n      - title: E\n        bullets:\n");
    for k in 0..10_000 {
        text.push_str(&format!("          - \"Bullet {k} of a long list.\"\n"));
    }
    let out = vitae::compile(&text, &Default::default()).unwrap();
    assert_eq!(out.pages, 197);
    assert!(out.warnings.is_empty());
}

/// A layout within a page limit is the full layout when the resume fits, and stops
/// with `MorePages` one page short of it.
#[test]
fn a_layout_within_its_page_count_is_the_full_layout() {
    let mut text = String::from("name: A\nsections:\n  - title: T\n    entries:\n");
    for k in 0..300 {
        text.push_str(&format!("      - \"Line {k} of a document of a few pages.\"\n"));
    }
    let resume = vitae::model::load(&text).unwrap();
    let style = vitae::style::resolve(&resume.design, &Default::default()).unwrap();
    let (full, _) = vitae::layout::layout(&resume, &style);
    let n = full.pages.len();
    assert_eq!(n, 8);
    let (within, _) = vitae::layout::layout_within(&resume, &style, n).unwrap();
    assert_eq!(within, full);
    assert_eq!(
        vitae::layout::layout_within(&resume, &style, n - 1).unwrap_err(),
        vitae::layout::MorePages
    );
}

#[test]
fn deep_nesting_and_alias_bombs_are_refused_quickly() {
    let deep = format!("name: A\nsections: {}{}\n", "[".repeat(10_000), "]".repeat(10_000));
    let t = Instant::now();
    let errs = vitae::compile(&deep, &Default::default()).unwrap_err();
    assert!(t.elapsed().as_secs_f64() < 1.0, "{:?}", t.elapsed());
    assert_eq!(
        (errs[0].pos.line, errs[0].message.as_str()),
        (
            2,
            "the document nests deeper than a resume can (YAML lists and mappings more than 32 levels deep)"
        )
    );
    let bomb = std::fs::read_to_string(fixture_path("bad/billion-laughs.yaml")).unwrap();
    let t = Instant::now();
    let errs = vitae::compile(&bomb, &Default::default()).unwrap_err();
    assert!(t.elapsed().as_secs_f64() < 2.0, "{:?}", t.elapsed());
    // Said in the user's terms, not the parser's (`ScalarBytes { … }`, found by a new user).
    assert_eq!(
        errs[0].message,
        "the document expands to more data than a resume holds: with its aliases (`*name`) expanded, its text would total more than 8,000,000 bytes"
    );
}

#[test]
fn links_with_spaces_control_characters_or_2000_characters_are_refused() {
    let errs = vitae::compile(
        "name: A\ncontact:\n  - url: \"https://a.org/x y\"\nsections: []\n",
        &Default::default(),
    )
    .unwrap_err();
    assert_eq!(
        (errs[0].pos.line, errs[0].message.as_str()),
        (
            3,
            "url: link `https://a.org/x y` contains a space (a URL may not; write a space as %20)"
        )
    );
    let long = format!("https://a.org/{}", "x".repeat(2000));
    let errs = vitae::compile(
        &format!("name: A\nsections:\n  - title: T\n    entries:\n      - \"<{long}>\"\n"),
        &Default::default(),
    )
    .unwrap_err();
    assert_eq!(
        (errs[0].pos.line, errs[0].message.as_str()),
        (5, "entry: a link of 2014 characters is too long (at most 2000)")
    );
}

#[test]
fn file_system_failures_give_status_3_and_name_the_path() {
    let dir = tempdir("fs");
    std::fs::copy(fixture_path("good/minimal.yaml"), dir.join("ok.yaml")).unwrap();
    // A missing input.
    let o = vitae(&["build", "nope.yaml"], &dir);
    assert_eq!(
        (o.status.code(), stderr(&o).as_str()),
        (
            Some(3),
            "nope.yaml: error: cannot read the input (No such file or directory (os error 2))\n"
        )
    );
    // An input that cannot be read (the kernel refuses to read this one at offset 0).
    let o = vitae(&["build", "/proc/self/mem", "-o", "x.pdf"], &dir);
    assert_eq!(o.status.code(), Some(3), "{}", stderr(&o));
    assert!(
        stderr(&o).starts_with("/proc/self/mem: error: cannot read the input ("),
        "{}",
        stderr(&o)
    );
    // A folder as input.
    std::fs::create_dir(dir.join("sub")).unwrap();
    let o = vitae(&["build", "sub"], &dir);
    assert_eq!(
        (o.status.code(), stderr(&o).as_str()),
        (
            Some(3),
            "sub: error: cannot read the input: it is a folder, not a resume file\n"
        )
    );
    // An output folder that does not exist.
    let o = vitae(&["build", "ok.yaml", "-o", "missing/ok.pdf"], &dir);
    assert_eq!(
        (o.status.code(), stderr(&o).as_str()),
        (
            Some(3),
            "missing/ok.pdf: error: cannot write the PDF: the folder missing does not exist (No such file or directory (os error 2))\n"
        )
    );
    // An output folder that cannot be written (sysfs refuses new files, even to root).
    let o = vitae(&["build", "ok.yaml", "-o", "/sys/vitae-test.pdf"], &dir);
    assert_eq!(
        (o.status.code(), stderr(&o).as_str()),
        (
            Some(3),
            "/sys/vitae-test.pdf: error: cannot write the PDF: Permission denied (os error 13)\n"
        )
    );
    // The output may not be the input.
    let o = vitae(&["build", "ok.yaml", "-o", "ok.yaml"], &dir);
    assert_eq!(o.status.code(), Some(3));
    assert!(
        std::fs::read_to_string(dir.join("ok.yaml"))
            .unwrap()
            .starts_with("# The smallest")
    );
    // Nothing but the input and the folder is left.
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["ok.yaml", "sub"]);
}
