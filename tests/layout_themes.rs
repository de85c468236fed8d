//! The `engineer` theme on the display list: its preset (sans, black, a flush-left
//! header, capitals headings over a full-width rule, compact), its default of one
//! page, and that it looks unlike `classic` at thumbnail size.

mod common;

use common::*;
use vitae::geom::{Pt, Rgb};
use vitae::layout::Element;
use vitae::style::{Overrides, Theme};
use vitae::text::FaceId;

fn lay_out(yaml: &str, theme: Option<Theme>) -> vitae::Laid {
    let options = vitae::Options {
        overrides: Overrides {
            theme,
            ..Default::default()
        },
        ..Default::default()
    };
    vitae::lay_out(yaml, &options).unwrap_or_else(|e| panic!("{e:?}"))
}

fn example() -> String {
    std::fs::read_to_string(root().join("resume.yaml")).unwrap()
}

#[test]
fn engineer_is_sans_black_flush_left_with_full_width_rules() {
    let laid = lay_out(&example(), Some(Theme::Engineer));
    let (doc, style) = (&laid.doc, &laid.style);
    assert_eq!(style.theme, Theme::Engineer);
    // The example needs more than a page at 9.5 pt; fitted to one at 94 %.
    assert_eq!(doc.pages.len(), 1);
    assert_eq!(laid.notes, ["fitted to 1 page at 8.9 pt (94 %)"]);
    let name = runs(doc)[0];
    assert_eq!(name.text(), "Marguerite");
    assert_eq!(name.face.id, FaceId::SANS_BOLD);
    assert_eq!(name.color, Rgb::TEXT);
    // Flush left at the 0.5 in margin; 2 × the fitted body size.
    assert_eq!(name.x, Pt(36.0));
    assert!((name.size.0 - 2.0 * style.font_size.0).abs() < 1e-9);
    let heading = runs(doc).into_iter().find(|r| r.text() == "EXPERIENCE").unwrap();
    assert_eq!(
        (heading.x, heading.color, heading.face.id),
        (Pt(36.0), Rgb::TEXT, FaceId::SANS_BOLD)
    );
    let rules: Vec<_> = doc.pages[0]
        .elements
        .iter()
        .filter_map(|e| match e {
            Element::Rule(r) => Some(r),
            _ => None,
        })
        .collect();
    assert!(!rules.is_empty());
    for r in rules {
        assert_eq!((r.x0, r.x1, r.color), (Pt(36.0), Pt(576.0), Rgb::TEXT));
    }
    // No colour anywhere: every glyph black or the quiet grey of dates.
    assert!(runs(doc).iter().all(|r| r.color == Rgb::TEXT || r.color == Rgb::QUIET));
}

#[test]
fn engineer_sets_a_resume_too_long_for_one_page_at_full_size_with_a_note() {
    let text = std::fs::read_to_string(fixture_path("good/many-pages.yaml")).unwrap();
    let laid = lay_out(&text, Some(Theme::Engineer));
    assert_eq!(laid.doc.pages.len(), 5);
    assert_eq!(laid.style.font_size, Pt(9.5));
    assert_eq!(
        laid.notes,
        [
            "theme engineer: the resume does not fit in 1 page even at 85 %; it is set at full size on 5 pages (set `fit_pages` to choose)"
        ]
    );
    // Asked for in the file, the fit is strict again.
    let strict = format!("{text}\ndesign:\n  theme: engineer\n  fit_pages: 1\n");
    let errs = vitae::lay_out(&strict, &vitae::Options::default()).expect_err("cannot fit");
    assert!(
        diagnostic_line(&errs[0]).contains("fit_pages: the resume cannot fit in 1 page"),
        "{:?}",
        errs
    );
}

/// The first page at 12 dpi (a 102 × 132 px thumbnail) as grey levels.
fn thumbnail(theme: &str, dir: &std::path::Path) -> Vec<u8> {
    let pdf = dir.join(format!("{theme}.pdf"));
    let out = vitae(
        &[
            "build",
            root().join("resume.yaml").to_str().unwrap(),
            "--theme",
            theme,
            "-o",
            pdf.to_str().unwrap(),
        ],
        dir,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let png = std::process::Command::new("pdftoppm")
        .args(["-gray", "-r", "12", "-f", "1", "-l", "1", "-singlefile"])
        .arg(&pdf)
        .arg(dir.join(theme))
        .output()
        .unwrap();
    assert!(png.status.success());
    // A PGM: header "P5\nW H\n255\n", then the bytes.
    std::fs::read(dir.join(format!("{theme}.pgm"))).unwrap()
}

#[test]
fn engineer_differs_from_classic_at_thumbnail_size() {
    if !require_installed(
        std::process::Command::new("pdftoppm").arg("-v").output().is_ok(),
        "pdftoppm",
        "poppler-utils",
    ) {
        return;
    }
    let dir = tempdir("thumbs");
    let (a, b) = (thumbnail("classic", &dir), thumbnail("engineer", &dir));
    assert_eq!(a.len(), b.len());
    // Pixels whose grey differs by more than a quarter of the range: text moved
    // (flush left, denser) or changed colour. Measured on resume.yaml: 18.6 % for
    // engineer (modern 12.3 %, compact 16.8 %, banking 6.3 %).
    let body = 15; // past the PGM header
    let differ = a[body..]
        .iter()
        .zip(&b[body..])
        .filter(|(x, y)| x.abs_diff(**y) > 64)
        .count();
    let share = differ as f64 / (a.len() - body) as f64;
    assert!(share > 0.15, "only {:.1} % of the thumbnail differs", share * 100.0);
}
