//! Mistakes a new user makes that must not pass silently (issue 22), each with the
//! exact message vitae gives.

mod common;

use common::{diagnostic_line, root, stderr, tempdir, vitae};

/// The first diagnostic, rendered for a file named `r.yaml`, with its hints.
fn first(yaml: &str) -> String {
    let errs = vitae::compile(yaml, &vitae::Options::default()).expect_err("the input must be refused");
    diagnostic_line(&errs[0])
}

/// The warnings of a resume that builds, rendered.
fn warnings(yaml: &str) -> Vec<String> {
    let out = vitae::compile(yaml, &vitae::Options::default()).expect("the input must build");
    out.warnings.iter().map(diagnostic_line).collect()
}

const HEAD: &str = "name: A\nsections:\n  - title: T\n    entries:\n";

#[test]
fn the_page_names_include_legal_a5_b5_and_executive() {
    for (name, w, h) in [
        ("legal", 612.0, 1008.0),
        ("a5", 419.53, 595.28),
        ("b5", 498.9, 708.66),
        ("executive", 522.0, 756.0),
    ] {
        let size = vitae::style::Overrides::parse_page(name).unwrap();
        assert!(
            (size.width - w).abs() < 0.01 && (size.height - h).abs() < 0.01,
            "{name}: {size:?}"
        );
        let laid = vitae::lay_out(
            &format!("name: A\nsections: []\ndesign:\n  page: {name}\n"),
            &vitae::Options::default(),
        )
        .unwrap();
        assert!((laid.style.page.width - w).abs() < 0.01, "{name}");
    }
    assert_eq!(
        first("name: A\nsections: []\ndesign:\n  page: a3\n"),
        "4:9: design.page: unknown page `a3` (expected `letter`, `a4`, `legal`, `a5`, `b5`, `executive` or {width, height}) | hint: did you mean `a4`?"
    );
}

#[test]
fn check_prints_the_scale_fit_pages_chose() {
    let dir = tempdir("check-fit-note");
    std::fs::copy(root().join("resume.yaml"), dir.join("resume.yaml")).unwrap();
    let o = vitae(&["check", "--fit-pages", "2"], &dir);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let e = stderr(&o);
    assert!(e.contains("resume.yaml: fitted to 2 pages at "), "{e}");
    assert!(e.ends_with("resume.yaml: ok, 2 pages\n"), "{e}");
}

#[test]
fn yes_and_no_are_not_booleans() {
    assert_eq!(
        first(&format!("{HEAD}      - x\ndesign:\n  justify: yes\n")),
        "7:12: `justify`: wrong type: expected `true` or `false` | hint: use true or false (vitae reads YAML 1.2, where `yes` and `no` are text)"
    );
}
