//! Contact keys for networks and `design.contact_icons`: canonical URLs and located
//! errors, the icons' size, place and room on the display list, their fonts in the
//! PDF and what extraction reads for them.

mod common;

use common::*;
use vitae::layout::{Document, Element, TextRun};
use vitae::model::ContactKind;
use vitae::text::{FaceId, font};

fn lay_out(yaml: &str) -> vitae::Laid {
    vitae::lay_out(yaml, &vitae::Options::default()).unwrap_or_else(|e| panic!("{e:?}"))
}

fn first_error(yaml: &str) -> String {
    let errs = vitae::lay_out(yaml, &vitae::Options::default()).expect_err("must be refused");
    diagnostic_line(&errs[0])
}

fn resume(contact: &str, design: &str) -> String {
    format!(
        "name: Ada Quill\ncontact:\n{contact}sections:\n  - title: Work\n    entries:\n      - Wrote things.\n{design}"
    )
}

fn icon_runs(doc: &Document) -> Vec<&TextRun> {
    runs(doc).into_iter().filter(|r| r.face.id.is_icons()).collect()
}

fn run<'a>(doc: &'a Document, text: &str) -> &'a TextRun {
    runs(doc)
        .into_iter()
        .find(|r| r.text() == text)
        .unwrap_or_else(|| panic!("no run '{text}'"))
}

#[test]
fn network_keys_link_their_canonical_urls() {
    let laid = lay_out(&resume(
        "  - linkedin: jdoe\n  - github: https://github.com/ada/\n  - orcid: 0000000218250097\n  - mastodon: ada@hachyderm.io\n  - website: ada.dev\n    label: My site\n",
        "",
    ));
    let got: Vec<(String, Option<String>, ContactKind)> = laid
        .resume
        .contact
        .iter()
        .map(|c| (c.shown.text.clone(), c.link.clone(), c.kind))
        .collect();
    let want = [
        ("jdoe", "https://www.linkedin.com/in/jdoe", ContactKind::LinkedIn),
        ("ada", "https://github.com/ada/", ContactKind::GitHub),
        (
            "0000-0002-1825-0097",
            "https://orcid.org/0000-0002-1825-0097",
            ContactKind::Orcid,
        ),
        ("@ada@hachyderm.io", "https://hachyderm.io/@ada", ContactKind::Mastodon),
        ("My site", "https://ada.dev", ContactKind::Website),
    ];
    assert_eq!(got, want.map(|(s, l, k)| (s.to_string(), Some(l.to_string()), k)));
    let links: Vec<String> = links(&laid.doc).into_iter().map(|(_, l)| l.uri).collect();
    assert_eq!(links, want.map(|(_, l, _)| l.to_string()));
}

#[test]
fn malformed_handles_are_located_errors() {
    assert_eq!(
        first_error(&resume("  - github: -ada\n", "")),
        "3:13: github `-ada` is not a GitHub user name (expected 1 to 39 letters, digits or single hyphens, not starting or ending with a hyphen, or the profile's URL)"
    );
    assert_eq!(
        first_error(&resume("  - email: a@b.org\n  - orcid: 0000-0002-1825-0098\n", "")),
        "4:12: orcid `0000-0002-1825-0098` ends in the check digit 8, but its first 15 digits give 7 (ISO 7064 MOD 11-2): a digit is mistyped"
    );
    assert_eq!(
        first_error(&resume("  - github: ada\n    linkedin: ada\n", "")),
        "3:5: a contact item needs exactly one of `email`, `phone`, `url`, `location`, `text` or a network key (`linkedin`, `github`, `gitlab`, `orcid`, `scholar`, `website`, `mastodon`) (found `linkedin`, `github`)"
    );
    assert_eq!(
        first_error(&resume("  - location: Oslo\n    label: here\n", "")),
        "4:12: `label` goes with `url` or a network key only"
    );
}

#[test]
fn icons_are_cap_height_glyphs_standing_on_the_baseline_with_room_before_their_items() {
    let laid = lay_out(&resume(
        "  - email: ada@example.com\n  - github: ada\n  - Open to work\n",
        "design:\n  contact_icons: true\n",
    ));
    let doc = &laid.doc;
    let icons = icon_runs(doc);
    // Two icons: the free-text item has none.
    assert_eq!(icons.len(), 2);
    assert_eq!(icons[0].face.id, FaceId::ICONS_SOLID);
    assert_eq!(icons[1].face.id, FaceId::ICONS_BRANDS);
    assert_eq!(icons[0].text(), "Email:");
    assert_eq!(icons[1].text(), "GitHub:");
    assert_eq!(icons[0].replacement.as_deref(), Some("Email:"));
    let (email, github) = (run(doc, "ada@"), run(doc, "ada"));
    // The contact line is 9 pt; Charis SIL's `H` is 0.6709 em tall, so the icons' ink
    // is 6.038 pt tall and stands on the baseline (the envelope's ink starts at the
    // baseline; the GitHub mark's dips 0.0625 em below it, so its baseline is raised).
    let cap = 9.0
        * font(FaceId::SERIF_REGULAR)
            .ink(font(FaceId::SERIF_REGULAR).glyph('H'))
            .0;
    assert!((cap - 6.038_085_937_5).abs() < 1e-9, "{cap}");
    for (icon, text) in [(icons[0], email), (icons[1], github)] {
        let f = font(icon.face.id);
        let (top, bottom) = f.ink(icon.glyphs[0].gid);
        assert!(((top - bottom) * icon.size.0 - cap).abs() < 1e-9);
        // The ink's lowest point (y up in the font, y down here) is on the baseline.
        assert!((icon.baseline.0 - bottom * icon.size.0 - text.baseline.0).abs() < 1e-9);
        // The item's text starts after the icon and a gap of 0.3 × 9 pt.
        assert!((text.x.0 - (icon.x.0 + icon.width().0 + 2.7)).abs() < 1e-9);
    }
    // Exact places: the line is centred on the 612 pt page.
    let at = |r: &TextRun| (format!("{:.2}", r.x.0), format!("{:.2}", r.baseline.0));
    assert_eq!(at(icons[0]), ("217.16".into(), "89.80".into()));
    assert_eq!(at(email), ("227.91".into(), "89.80".into()));
    assert_eq!(at(icons[1]), ("310.13".into(), "89.25".into()));
    assert_eq!(at(github), ("319.02".into(), "89.80".into()));
    // The icons are linked with their items.
    let rects: Vec<(String, f64)> = links(doc).into_iter().map(|(_, l)| (l.uri, l.rect.x.0)).collect();
    assert_eq!(rects[0].0, "mailto:ada@example.com");
    assert!((rects[0].1 - icons[0].x.0).abs() < 1e-9);
    check_overlaps(doc, 0.01).unwrap();
    check_margins(&laid.style, doc, 0.01).unwrap();
}

#[test]
fn without_contact_icons_nothing_changes() {
    let contact = "  - email: ada@example.com\n  - github: ada\n";
    let plain = lay_out(&resume(contact, ""));
    let off = lay_out(&resume(contact, "design:\n  contact_icons: false\n"));
    assert!(icon_runs(&plain.doc).is_empty());
    assert_eq!(plain.doc.pages, off.doc.pages);
    let on = lay_out(&resume(contact, "design:\n  contact_icons: true\n"));
    let count = |d: &Document| {
        d.pages[0]
            .elements
            .iter()
            .filter(|e| matches!(e, Element::Text(_)))
            .count()
    };
    assert_eq!(count(&on.doc), count(&plain.doc) + 2);
}

#[test]
fn icon_fonts_are_embedded_and_extraction_reads_the_network_names() {
    if !require_installed(
        which("pdftotext") && which("pdffonts"),
        "pdftotext and pdffonts",
        "poppler-utils",
    ) {
        return;
    }
    let dir = tempdir("icons");
    let out = vitae(
        &[
            "build",
            fixture_path("good/contact-icons.yaml").to_str().unwrap(),
            "-o",
            "cv.pdf",
        ],
        &dir,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let fonts = String::from_utf8(
        std::process::Command::new("pdffonts")
            .arg(dir.join("cv.pdf"))
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert!(fonts.contains("+FontAwesome6Brands-Regular "), "{fonts}");
    assert!(fonts.contains("+FontAwesome6Free-Solid "), "{fonts}");
    let text = String::from_utf8(
        std::process::Command::new("pdftotext")
            .args([dir.join("cv.pdf").to_str().unwrap(), "-"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    let contact: String = text
        .lines()
        .filter(|l| !l.is_empty())
        .skip(2)
        .take(2)
        .collect::<Vec<_>>()
        .join(" ");
    assert_eq!(
        contact,
        "Email: jane@example.org · Phone: +1 555 010 0199 · Location: Berlin, Germany · LinkedIn: jdoe · GitHub: janedoe · GitLab: jdoe · ORCID: 0000-0002-1825-0097 Google Scholar: qc6CJjYAAAAJ · Website: jdoe.dev · Mastodon: @jdoe@mastodon.social · Web: Blog · Open to relocation"
    );
    assert!(!text.chars().any(|c| ('\u{e000}'..='\u{f8ff}').contains(&c)), "{text}");
}

fn which(tool: &str) -> bool {
    std::process::Command::new(tool).arg("-v").output().is_ok()
}
