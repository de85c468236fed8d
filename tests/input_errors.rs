//! Mistakes people make in YAML, and the exact first line of what vitae says.

mod common;

use common::diagnostic_line;

/// The first diagnostic, rendered for a file named `r.yaml`, with its hints.
fn first(yaml: &str) -> String {
    let errs = vitae::compile(yaml, &vitae::Options::default()).expect_err("the input must be refused");
    diagnostic_line(&errs[0])
}

const HEAD: &str = "name: A\nsections:\n  - title: T\n    entries:\n";

#[test]
fn a_bullet_starting_with_markup_must_be_quoted() {
    assert_eq!(
        first(&format!(
            "{HEAD}      - title: X\n        bullets:\n          - **Led** the team\n"
        )),
        "7:13: a value starting with `*` is read as a YAML alias (`*name`), and there is no anchor of that name | hint: if this is text, put the whole value in quotes: \"**Led** the team\""
    );
}

#[test]
fn a_colon_in_text_starts_a_mapping() {
    assert_eq!(
        first(&format!("{HEAD}      - Built X: did Y\n")),
        "5:9: unknown key `Built X`, expected one of title, date, start, end, subtitle, location, label, text, bullets | hint: if this is text, put the whole value in quotes: a colon followed by a space inside a value starts a mapping"
    );
}

#[test]
fn a_key_given_twice() {
    assert_eq!(
        first("name: A\nname: B\nsections: []\n"),
        "2:1: duplicate key `name` (a key may appear only once in a mapping)"
    );
}

#[test]
fn indentation_mistakes_get_a_hint() {
    let hint = " | hint: check the indentation of this line and the one above: the keys of one mapping, and the `-` items of one list, start in the same column";
    assert_eq!(
        first("name: A\nsections:\n  - title: T\n  entries:\n      - x\n"),
        format!("4:3: while parsing a block collection, did not find expected '-' indicator{hint}")
    );
    assert_eq!(
        first(&format!("{HEAD}      - title: X\n         subtitle: S\n")),
        format!("6:18: mapping values are not allowed in this context{hint}")
    );
}

#[test]
fn a_month_needs_two_digits() {
    assert_eq!(
        first(&format!("{HEAD}      - title: X\n        start: 2021-6\n")),
        "6:16: start: `2021-6` is not a date (expected a date as YYYY, YYYY-MM or YYYY-MM-DD) | hint: write a date as `2021`, `2021-06` or `2021-06-30`; an end may also be `present`; for free text use `date:` instead"
    );
}

#[test]
fn the_link_scheme_is_checked_in_every_field() {
    assert_eq!(
        first("name: A\ncontact:\n  - text: \"[x](ftp://example.org)\"\nsections: []\n"),
        "3:11: contact text: link `ftp://example.org` uses the scheme `ftp`, which is not allowed (expected http:, https:, mailto: or tel:)"
    );
    assert_eq!(
        first("name: A\ncontact:\n  - url: example.org\nsections: []\n"),
        "3:10: url: link `example.org` has no scheme (expected a URL starting with http:, https:, mailto: or tel:)"
    );
}

#[test]
fn every_rule_violation_is_reported_not_only_the_first() {
    let errs = vitae::compile(
        &format!("{HEAD}      - title: X\n        end: 2020\n      - label: L\ndesign:\n  accent_color: blue\n"),
        &vitae::Options::default(),
    )
    .unwrap_err();
    let lines: Vec<u32> = errs.iter().map(|d| d.pos.line).collect();
    assert_eq!(lines, vec![6, 7, 9]);
}

#[test]
fn enum_values_get_did_you_mean() {
    assert_eq!(
        first("name: A\nsections: []\ndesign:\n  section_title: uppercas\n"),
        "4:18: design.section_title: unknown value `uppercas` (expected `uppercase`, `smallcaps` or `as-written`) | hint: did you mean `uppercase`?"
    );
    assert!(first("name: A\nsections: []\ndesign:\n  page: A3\n").starts_with("4:9: design.page: unknown page `A3`"));
}

#[test]
fn empty_lists_are_warnings() {
    let out = vitae::compile("name: A\nsections: []\n", &vitae::Options::default()).unwrap();
    assert_eq!(out.warnings.len(), 1);
    assert_eq!(
        out.warnings[0].message,
        "`sections` is empty: the resume has nothing but its header"
    );
    let out = vitae::compile(
        "name: A\nsections:\n  - title: T\n    entries: []\n",
        &vitae::Options::default(),
    )
    .unwrap();
    assert_eq!(
        out.warnings[0].message,
        "section `T` has no entries: its heading stands alone"
    );
    assert_eq!((out.warnings[0].pos.line, out.warnings[0].pos.column), (4, 14));
}

#[test]
fn numbers_and_booleans_are_text_where_text_is_expected() {
    let out = vitae::compile(
        "name: 2024\ncontact: [12345, true]\nsections:\n  - title: 1\n    entries: [yes, 3.5]\n",
        &vitae::Options::default(),
    );
    assert!(out.is_ok(), "{out:?}");
}

/// Found by a new user: YAML 1.1 read `language: no` (Norwegian) as `false`, and
/// `name: No`, `location: NO` as `false` in the PDF. vitae reads YAML 1.2 booleans only.
#[test]
fn yes_no_on_off_are_text() {
    let r = vitae::model::load("name: No\nheadline: Yes\nsections:\n  - title: On\n    entries:\n      - text: no\n        location: NO\ndesign:\n  language: no\n").unwrap();
    assert_eq!(r.name.text, "No");
    assert_eq!(r.headline.as_ref().unwrap().text, "Yes");
    assert_eq!(r.sections[0].title.text, "On");
    assert_eq!(r.sections[0].entries[0].text.as_ref().unwrap().text, "no");
    assert_eq!(r.sections[0].entries[0].location.as_ref().unwrap().text, "NO");
    let lang = vitae::input::prepare("name: No\nsections: []\ndesign:\n  language: no\n", &Default::default())
        .unwrap()
        .style
        .language;
    assert_eq!(lang, vitae::lang::Language::Norwegian);
    // A boolean key takes only true or false.
    assert_eq!(
        first("name: A\nsections: []\ndesign:\n  justify: yes\n"),
        "4:12: `justify`: wrong type: expected `true` or `false` | hint: use true or false (vitae reads YAML 1.2, where `yes` and `no` are text)"
    );
}

/// Found by a new user: numbers in text fields were rewritten (`1.10` → `1.1`,
/// `0x1F` → `31`). A text field keeps the scalar as written.
#[test]
fn numbers_in_text_fields_are_kept_as_written() {
    let r = vitae::model::load("name: 1.10\nheadline: 0x1F\nsections:\n  - title: 1e3\n    entries:\n      - title: 2.50\n        date: 1.10\n").unwrap();
    assert_eq!(r.name.text, "1.10");
    assert_eq!(r.headline.as_ref().unwrap().text, "0x1F");
    assert_eq!(r.sections[0].title.text, "1e3");
    assert_eq!(r.sections[0].entries[0].title.as_ref().unwrap().text, "2.50");
    assert_eq!(r.sections[0].entries[0].date.as_ref().unwrap().text, "1.10");
}

/// Found by a new user: `title: A: B` was told to check its indentation, and a tab
/// got the parser's own words with no advice.
#[test]
fn a_second_colon_and_a_tab_get_advice() {
    assert_eq!(
        first("name: A\nsections:\n  - title: A: B\n    entries: []\n"),
        "3:13: mapping values are not allowed in this context | hint: if this is text, put the whole value in quotes: a colon followed by a space inside a value starts a mapping: title: \"A: B\""
    );
    assert_eq!(
        first("name: A\nsections:\n\t- title: A\n"),
        "3:2: a tab character in indentation (YAML indents with spaces only) | hint: replace the tab with spaces (most editors can be set to insert spaces for Tab)"
    );
}
