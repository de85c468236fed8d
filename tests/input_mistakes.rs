//! Mistakes a new user makes that must not pass silently (issue 22), each with the
//! exact message vitae gives.

mod common;

use common::{diagnostic_line, root, stderr, tempdir, vitae};
use vitae::geom::Pt;

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
            (size.width - Pt(w)).abs() < 0.01 && (size.height - Pt(h)).abs() < 0.01,
            "{name}: {size:?}"
        );
        let laid = vitae::lay_out(
            &format!("name: A\nsections: []\ndesign:\n  page: {name}\n"),
            &vitae::Options::default(),
        )
        .unwrap();
        assert!((laid.style.page.width - Pt(w)).abs() < 0.01, "{name}");
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

#[test]
fn a_colour_read_as_a_comment_is_an_error() {
    assert_eq!(
        first(&format!("{HEAD}      - x\ndesign:\n  accent_color: #AA0000\n")),
        "7:3: accent_color has no value; a colour that starts with # must be quoted: \"#AA0000\""
    );
}

#[test]
fn an_empty_value_is_a_warning() {
    assert_eq!(
        warnings(&format!(
            "{HEAD}      - title: X\n        subtitle:\n        bullets:\n        - a\n        text: |\n          Note:\n"
        )),
        vec![
            "6:9: `subtitle` has no value, so it is left out | hint: write a value after `subtitle:` or remove the line"
                .to_string()
        ]
    );
}

#[test]
fn a_colon_in_a_bullet_gets_the_quote_hint() {
    assert_eq!(
        first(&format!(
            "{HEAD}      - title: X\n        bullets:\n          - Stack: Rust and Go\n"
        )),
        "7:13: wrong type: expected text, found a mapping (`key: value`) | hint: if this is text, put the whole value in quotes: a colon followed by a space inside a value starts a mapping: - \"Stack: Rust and Go\""
    );
}

#[test]
fn a_missing_dash_before_an_entry() {
    assert_eq!(
        first(&format!(
            "{HEAD}      - title: X\n        subtitle: S\n        title: Y\n"
        )),
        "7:9: duplicate key `title` (a key may appear only once in a mapping) | hint: a `-` probably starts a new entry on line 7: `- title: …` (each entry of a list begins with `- `)"
    );
}

#[test]
fn a_missing_dash_before_a_bullet_is_a_warning() {
    assert_eq!(
        warnings(&format!(
            "{HEAD}      - title: X\n        bullets:\n          - Led the team\n            Built a thing\n          - Wrapped a long line\n            across two lines\n"
        )),
        vec![
            "8:13: this line continues the bullet above (YAML joins them into one): `Built a thing` | hint: if it is a new bullet, start it with `- `"
                .to_string()
        ]
    );
}
