//! `SOURCE_DATE_EPOCH` (issue #15, item 12): a whole number of seconds from 0 to
//! 253402300799 (the end of 9999) becomes the PDF's date; anything else is an error
//! naming the variable and its value, exit status 1, nothing written.

mod common;

use common::{fixture_path, names, stderr, tempdir, vitae_command};

/// `vitae ARGS` in `dir` with `SOURCE_DATE_EPOCH` set to `value`.
fn with_epoch(args: &[&str], value: &str, dir: &std::path::Path) -> std::process::Output {
    vitae_command(args, dir)
        .env("SOURCE_DATE_EPOCH", value)
        .output()
        .unwrap()
}

#[test]
fn a_bad_source_date_epoch_is_an_error_naming_it() {
    let dir = tempdir("date-bad");
    std::fs::copy(fixture_path("good/minimal.yaml"), dir.join("cv.yaml")).unwrap();
    let range = "(expected a count of seconds since 1970-01-01 00:00 UTC, from 0 to 253402300799)";
    for (value, what) in [
        ("abc", "is not a whole number"),
        ("1.5", "is not a whole number"),
        ("", "is not a whole number"),
        ("-", "is not a whole number"),
        ("1700000000 UTC", "is not a whole number"),
        ("-1", "is out of range"),
        ("253402300800", "is out of range"),
        ("99999999999999999999", "is out of range"),
    ] {
        let o = with_epoch(&["build", "cv.yaml"], value, &dir);
        assert_eq!(
            (o.status.code(), stderr(&o)),
            (Some(1), format!("error: SOURCE_DATE_EPOCH: `{value}` {what} {range}\n")),
            "{value:?}"
        );
        // `check` says the build would fail.
        let o = with_epoch(&["check", "cv.yaml"], value, &dir);
        assert_eq!(
            (o.status.code(), stderr(&o)),
            (Some(1), format!("error: SOURCE_DATE_EPOCH: `{value}` {what} {range}\n")),
            "{value:?}"
        );
    }
    assert_eq!(names(&dir), ["cv.yaml"], "nothing written");
}

#[test]
fn the_ends_of_the_range_are_dates() {
    let dir = tempdir("date-ends");
    std::fs::copy(fixture_path("good/minimal.yaml"), dir.join("cv.yaml")).unwrap();
    for (value, date) in [
        ("0", "D:19700101000000Z"),
        ("253402300799", "D:99991231235959Z"),
        (" 1700000000\n", "D:20231114221320Z"),
    ] {
        let o = with_epoch(&["build", "cv.yaml", "-q"], value, &dir);
        assert_eq!((o.status.code(), stderr(&o).as_str()), (Some(0), ""), "{value:?}");
        let pdf = std::fs::read(dir.join("cv.pdf")).unwrap();
        let text = String::from_utf8_lossy(&pdf);
        assert_eq!(text.matches(date).count(), 2, "{value:?}: /CreationDate and /ModDate");
    }
}
