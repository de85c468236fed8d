//! Issue #15, the library's part: inputs that must be refused at the field (header
//! injection through mail links, contact URLs that are not web addresses, oversized
//! metadata and fonts, pages with no room for text), control characters dropped with
//! a warning, and the YAML parser's messages in the format's terms. Each test holds
//! its exact input and its exact message.

mod common;

use common::{diagnostic_line, runs, tempdir};
use vitae::Options;

/// The errors of a build, one line each (`line:column: message | hint: …`).
fn errors(yaml: &str) -> Vec<String> {
    errors_with(yaml, &Options::default())
}

fn errors_with(yaml: &str, options: &Options) -> Vec<String> {
    match vitae::lay_out(yaml, options) {
        Ok(_) => panic!("expected errors, the input built:\n{yaml}"),
        Err(errs) => errs.iter().map(diagnostic_line).collect(),
    }
}

/// The warnings of a build that succeeds, one line each.
fn warnings(yaml: &str) -> Vec<String> {
    let laid = vitae::lay_out(yaml, &Options::default()).unwrap_or_else(|e| panic!("{e:?}"));
    laid.warnings.iter().map(diagnostic_line).collect()
}

const BODY: &str = "sections:\n  - title: T\n    entries:\n      - Text.\n";

// Item 3: header injection and contact URLs.

#[test]
fn an_email_with_an_encoded_line_break_is_refused() {
    let yaml = format!("name: A\ncontact:\n  - email: \"a@example.org?subject=hi%0D%0aBcc:x@example.net\"\n{BODY}");
    assert_eq!(
        errors(&yaml),
        [
            "3:12: email `a@example.org?subject=hi%0D%0aBcc:x@example.net` contains `%0D`, an encoded line break (it would start a mail header line of its own); an email address may not"
        ]
    );
    let yaml = format!("name: A\ncontact:\n  - email: \"a@example.org?body=%0a\"\n{BODY}");
    assert_eq!(
        errors(&yaml),
        [
            "3:12: email `a@example.org?body=%0a` contains `%0a`, an encoded line break (it would start a mail header line of its own); an email address may not"
        ]
    );
}

#[test]
fn an_email_with_a_raw_line_break_is_refused() {
    let yaml = format!("name: A\ncontact:\n  - email: \"a@example.org\\r\\nBcc: x@example.net\"\n{BODY}");
    assert_eq!(
        errors(&yaml),
        [
            "3:12: email `a@example.org\\r\\nBcc: x@example.net` contains a line break (U+000D); an email address may not"
        ]
    );
    let yaml = format!("name: A\ncontact:\n  - email: \"a@example.org\\nBcc: x@example.net\"\n{BODY}");
    assert_eq!(
        errors(&yaml),
        ["3:12: email `a@example.org\\nBcc: x@example.net` contains a line break (U+000A); an email address may not"]
    );
}

#[test]
fn a_mailto_link_in_markup_with_an_encoded_line_break_is_refused() {
    let yaml = "name: A\nsections:\n  - title: T\n    entries:\n      - \"[Write](mailto:a@example.org?subject=hi%0D%0ABcc:x@example.net)\"\n";
    assert_eq!(
        errors(yaml),
        [
            "5:9: entry: link `mailto:a@example.org?subject=hi%0D%0ABcc:x@example.net` contains `%0D`, an encoded line break (in a mail link it would start a header line of its own); a mailto: link may not"
        ]
    );
    let yaml = format!("name: A\ncontact:\n  - \"<tel:+1555%0a>\"\n{BODY}");
    assert_eq!(
        errors(&yaml),
        [
            "3:5: contact: link `tel:+1555%0a` contains `%0a`, an encoded line break (in a mail link it would start a header line of its own); a tel: link may not"
        ]
    );
}

#[test]
fn mailto_and_tel_links_in_markup_still_build() {
    let yaml = "name: A\nsections:\n  - title: T\n    entries:\n      - \"[Write](mailto:a@example.org?subject=Hello%20there) or [call](tel:+15550100)\"\n";
    assert!(vitae::compile(yaml, &Options::default()).is_ok());
}

#[test]
fn a_contact_url_must_be_http_or_https_with_a_host() {
    let yaml = format!(
        "name: A\ncontact:\n  - url: \"mailto:a@example.org\"\n  - url: \"tel:+15550100\"\n  - url: \"https:\"\n  - url: \"https://\"\n  - url: \"http:example.org\"\n{BODY}"
    );
    assert_eq!(
        errors(&yaml),
        [
            "3:10: url: `mailto:a@example.org` is not a web address (expected http:// or https:// and a host, such as https://example.org) | hint: write an email address as `email: name@example.org`",
            "4:10: url: `tel:+15550100` is not a web address (expected http:// or https:// and a host, such as https://example.org) | hint: write a phone number as `phone: +1 555 010 0199`",
            "5:10: url: link `https:` has no host (expected http:// or https:// and a host, such as https://example.org)",
            "6:10: url: link `https://` has no host (expected http:// or https:// and a host, such as https://example.org)",
            "7:10: url: link `http:example.org` has no host (expected http:// or https:// and a host, such as https://example.org)",
        ]
    );
    let yaml =
        format!("name: A\ncontact:\n  - url: \"HTTPS://example.org/a?b#c\"\n  - url: http://localhost:8080\n{BODY}");
    assert!(vitae::compile(&yaml, &Options::default()).is_ok());
}

// Item 4: fonts over 64 MB.

/// A sparse file of 64 MB + 1 byte: nothing of it is on disk, and nothing of it may
/// be read.
fn huge_font(path: &std::path::Path) {
    let f = std::fs::File::create(path).unwrap();
    f.set_len(vitae::text::MAX_FONT_BYTES + 1).unwrap();
}

fn with_base(dir: &std::path::Path) -> Options {
    let mut o = Options::default();
    o.overrides.base_dir = Some(dir.to_path_buf());
    o
}

#[test]
fn a_font_file_over_64_mb_is_refused_without_being_read() {
    let dir = tempdir("huge-font");
    huge_font(&dir.join("big.ttf"));
    let yaml = format!("name: A\ndesign:\n  font: big.ttf\n{BODY}");
    assert_eq!(
        errors_with(&yaml, &with_base(&dir)),
        [format!(
            "3:9: design.font: the font file {} is 67108865 bytes; vitae reads font files of at most 64 MB (67108864 bytes) | hint: write `serif` (Charis SIL) or `sans` (Lato), an installed family's name, or the path of a font file or folder, relative to the resume",
            dir.join("big.ttf").display()
        )]
    );
}

#[test]
fn a_font_folder_with_a_file_over_64_mb_is_refused() {
    let dir = tempdir("huge-font-folder");
    std::fs::create_dir_all(dir.join("fonts/bold")).unwrap();
    huge_font(&dir.join("fonts/bold/Big-Bold.OTF"));
    let yaml = format!("name: A\ndesign:\n  font: fonts\n{BODY}");
    assert_eq!(
        errors_with(&yaml, &with_base(&dir)),
        [format!(
            "3:9: design.font: the font file {} is 67108865 bytes; vitae reads font files of at most 64 MB (67108864 bytes) | hint: write `serif` (Charis SIL) or `sans` (Lato), an installed family's name, or the path of a font file or folder, relative to the resume",
            dir.join("fonts/bold/Big-Bold.OTF").display()
        )]
    );
}

#[test]
fn no_font_over_64_mb_is_loaded_whatever_names_it() {
    // Installed faces (a family name, a fallback) are loaded through `load_face`.
    let dir = tempdir("huge-font-face");
    let path = dir.join("Huge.ttf");
    huge_font(&path);
    let expected = format!(
        "the font file {} is 67108865 bytes; vitae reads font files of at most 64 MB (67108864 bytes)",
        path.display()
    );
    assert_eq!(vitae::text::load_face(&path, 0).unwrap_err(), expected);
    assert_eq!(vitae::text::check_font_size(&path).unwrap_err(), expected);
}

// Item 8: limits applied everywhere.

#[test]
fn pdf_metadata_over_100000_characters_is_refused_at_the_field() {
    let long = "x".repeat(100_001);
    let yaml =
        format!("name: A\npdf:\n  title: \"{long}\"\n  subject: \"{long}\"\n  keywords: [ok, \"{long}\"]\n{BODY}");
    assert_eq!(
        errors(&yaml),
        [
            "3:10: this text is 100001 characters long; a field may hold at most 100000",
            "4:12: this text is 100001 characters long; a field may hold at most 100000",
            "5:18: this text is 100001 characters long; a field may hold at most 100000",
        ]
    );
}

#[test]
fn a_page_too_small_for_the_default_margins_is_refused_at_the_page() {
    let yaml = format!("name: A\ndesign:\n  page: {{width: 1pt, height: 1pt}}\n{BODY}");
    assert_eq!(
        errors(&yaml),
        [
            "3:9: design.page leaves no room for text: the page is 1.0 × 1.0 pt and its margins 50.4, 50.4, 50.4, 50.4 pt (top, right, bottom, left), so the text block would be -99.8 × -99.8 pt, and at least 144 × 144 pt (2 × 2 in) is needed"
        ]
    );
    let yaml = format!("name: A\ndesign:\n  page: {{width: 612, height: 10}}\n{BODY}");
    assert_eq!(
        errors(&yaml),
        [
            "3:9: design.page leaves no room for text: the page is 612.0 × 10.0 pt and its margins 50.4, 50.4, 50.4, 50.4 pt (top, right, bottom, left), so the text block would be 511.2 × -90.8 pt, and at least 144 × 144 pt (2 × 2 in) is needed"
        ]
    );
    // A page too small even without margins is the page's fault, margins given or not.
    let yaml = format!("name: A\ndesign:\n  page: {{width: 612, height: 100}}\n  margin: 0\n{BODY}");
    assert_eq!(
        errors(&yaml),
        [
            "3:9: design.page leaves no room for text: the page is 612.0 × 100.0 pt and its margins 0.0, 0.0, 0.0, 0.0 pt (top, right, bottom, left), so the text block would be 612.0 × 100.0 pt, and at least 144 × 144 pt (2 × 2 in) is needed"
        ]
    );
}

#[test]
fn margins_too_wide_for_the_page_are_refused_at_the_margin() {
    let yaml = format!("name: A\ndesign:\n  page: {{width: 300, height: 300}}\n  margin: 100\n{BODY}");
    assert_eq!(
        errors(&yaml),
        [
            "4:11: design.margin leaves no room for text: the text block would be 100.0 × 100.0 pt, and at least 144 × 144 pt (2 × 2 in) is needed"
        ]
    );
}

#[test]
fn a_page_of_zero_size_is_refused() {
    let yaml = format!("name: A\ndesign:\n  page: {{width: 0, height: 0}}\n{BODY}");
    assert_eq!(
        errors(&yaml),
        [
            "3:17: design.page.width: a page cannot be 0 pt wide (expected a length greater than zero)",
            "3:28: design.page.height: a page cannot be 0 pt high (expected a length greater than zero)",
        ]
    );
}

// Item 11: control characters.

#[test]
fn control_characters_are_dropped_with_a_warning() {
    let yaml = "name: \"Ada\\x01 Lovelace\"\nsections:\n  - title: \"T\\x7f\"\n    entries:\n      - title: \"One\\u0085two \\x1b[31mred \\u009f\"\n        bullets: [\"tab\\tand\\u0000nul\"]\n";
    assert_eq!(
        warnings(yaml),
        [
            "1:7: the control character U+0001 is dropped from this text (it does not print)",
            "3:12: the control character U+007F is dropped from this text (it does not print)",
            "5:16: the control characters U+001B, U+0085, U+009F are dropped from this text (they do not print)",
            "6:19: the control character U+0000 is dropped from this text (it does not print)",
        ]
    );
    let (resume, _, doc, _) = vitae::layout_source(yaml).unwrap();
    assert_eq!(resume.name.text, "Ada Lovelace");
    let title = resume.sections[0].entries[0].title.as_ref().unwrap();
    assert_eq!(title.text, "Onetwo [31mred ");
    let text: String = runs(&doc).iter().map(|r| r.text()).collect();
    assert!(!text.chars().any(|c| c.is_control() && c != '\t'), "{text:?}");
    // U+0085 no longer breaks the title's line: one baseline holds `Onetwo`.
    assert!(text.contains("Onetwo"), "{text:?}");
}

#[test]
fn a_contact_separator_with_a_control_character_is_cleaned() {
    let yaml = format!("name: A\ncontact: [a, b]\ndesign:\n  contact_separator: \" \\x07| \"\n{BODY}");
    assert_eq!(
        warnings(&yaml),
        ["4:22: design.contact_separator: the control character U+0007 is dropped from this text (it does not print)"]
    );
}

// Item 14: the parser's messages in the format's terms.

#[test]
fn two_yaml_documents_are_refused_in_the_formats_terms() {
    let yaml = "name: A\nsections: []\n---\nname: B\n";
    assert_eq!(
        errors(yaml),
        ["4:1: the file holds more than one YAML document (a line `---` starts another); a resume is one document"]
    );
    let json = "{\"basics\": {\"name\": \"A\"}}\n---\n{\"basics\": {}}\n";
    assert_eq!(
        errors(json),
        ["3:1: the file holds more than one YAML document (a line `---` starts another); a resume is one document"]
    );
}

#[test]
fn a_non_finite_number_is_refused_in_the_formats_terms() {
    assert_eq!(
        errors("{\"basics\": {\"name\": .nan}}\n"),
        ["1:21: `.nan` is not a number vitae accepts"]
    );
    assert_eq!(
        errors("{\"basics\": {\"name\": -.inf}}\n"),
        ["1:21: `-.inf` is not a number vitae accepts"]
    );
}

#[test]
fn a_number_that_is_not_one_is_refused_in_the_formats_terms() {
    let yaml = format!("name: A\ndesign:\n  line_spacing: abc\n{BODY}");
    assert_eq!(
        errors(&yaml),
        ["3:17: `line_spacing`: wrong type: expected a number such as 1.2"]
    );
}

#[test]
fn a_recursive_alias_is_refused_in_the_formats_terms() {
    let yaml = "name: A\nsections: &s\n  - title: T\n    entries: *s\n";
    assert_eq!(
        errors(yaml),
        ["4:14: the alias `*s` is inside the value its anchor `&s` names: a value cannot contain itself"]
    );
    let json = "basics: &b\n  name: *b\n";
    assert_eq!(
        errors(json),
        ["2:9: the alias `*b` is inside the value its anchor `&b` names: a value cannot contain itself"]
    );
}

#[test]
fn over_100000_values_without_aliases_are_not_blamed_on_aliases() {
    let mut yaml = String::from("name: A\nsections:\n  - title: T\n    entries:\n");
    for _ in 0..60_000 {
        yaml.push_str("      - {title: a, text: b}\n");
    }
    assert_eq!(
        errors(&yaml),
        ["20003:9: the document holds more data than a resume does: it holds more than 100,000 values"]
    );
    // With aliases, the expansion is still named: `input_limits.rs`,
    // `deep_nesting_and_alias_bombs_are_refused_quickly`
    // (`bad/billion-laughs.yaml`).
}
