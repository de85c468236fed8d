//! The design keys: the left date column, small capitals, fonts by name, file and folder
//! (with synthesised faces), themes, and colours — on the display list, and through
//! the PDF where extraction is the point.

mod common;

use common::*;
use std::path::Path;
use vitae::geom::Pt;
use vitae::geom::Rgb;
use vitae::layout::{Document, Element, TextRun};
use vitae::style::{Overrides, Theme};
use vitae::text::{FaceId, font};

/// A small resume with a bold title, an italic subtitle, a date, a location and a
/// bullet, with `design` lines appended.
fn resume(design: &str) -> String {
    format!(
        "name: Ada Lindqvist\ncontact:\n  - email: ada@example.com\nsections:\n  - title: Experience\n    entries:\n      - title: Tidewater Analytics\n        subtitle: Principal Engineer\n        start: 2020-02\n        end: present\n        location: Oakland, CA\n        bullets:\n          - Built a compiler.\ndesign:\n{design}"
    )
}

fn lay_out(yaml: &str, base: Option<&Path>) -> vitae::Laid {
    let options = vitae::Options {
        overrides: Overrides {
            base_dir: base.map(Path::to_path_buf),
            ..Default::default()
        },
        ..Default::default()
    };
    vitae::lay_out(yaml, &options).unwrap_or_else(|e| panic!("{e:?}"))
}

/// The first run whose text is `text`.
fn run<'a>(doc: &'a Document, text: &str) -> &'a TextRun {
    runs(doc)
        .into_iter()
        .find(|r| r.text() == text)
        .unwrap_or_else(|| panic!("no run '{text}'"))
}

fn messages(laid: &vitae::Laid) -> Vec<String> {
    laid.warnings
        .iter()
        .map(|w| format!("{}:{}: {}", w.pos.line, w.pos.column, w.message))
        .collect()
}

fn first_error(yaml: &str, base: Option<&Path>) -> String {
    let options = vitae::Options {
        overrides: Overrides {
            base_dir: base.map(Path::to_path_buf),
            ..Default::default()
        },
        ..Default::default()
    };
    let errs = vitae::lay_out(yaml, &options).expect_err("must be refused");
    diagnostic_line(&errs[0])
}

// ---- the left date column ----------------------------------------------------

#[test]
fn left_date_column_right_aligned() {
    let laid = lay_out(&resume("  date_column: left\n"), None);
    let doc = &laid.doc;
    // The column is as wide as the widest date or location at 10 pt: `Feb 2020 –
    // present` (the location `Oakland, CA` is narrower); dates end at its edge, the
    // title starts a 10 pt gutter past it, on the date's baseline.
    let date = run(doc, "Feb");
    let present = run(doc, "present");
    let title = run(doc, "Tidewater");
    let col = present.x + present.width() - Pt(50.4);
    assert!((col - Pt(84.526)).abs() < 0.001, "column {col}");
    assert!((date.x - Pt(50.4)) > 0.0 && date.baseline == title.baseline);
    assert!(
        (title.x - (Pt(50.4) + col + Pt(10.0))).abs() < 1e-9,
        "title at {}",
        title.x
    );
    // The location ends at the same edge, on the subtitle's baseline.
    let loc = run(doc, "CA");
    let subtitle = run(doc, "Principal");
    assert!((loc.x + loc.width() - (Pt(50.4) + col)).abs() < 1e-9 && loc.baseline == subtitle.baseline);
    // The bullet hangs past the column too; the heading and its rule span the measure.
    assert!(run(doc, "•").x > Pt(50.4) + col);
    assert_eq!(run(doc, "EXPERIENCE").x, 50.4);
    let rule = doc.pages[0]
        .elements
        .iter()
        .find_map(|e| {
            if let Element::Rule(r) = e {
                Some(r.clone())
            } else {
                None
            }
        })
        .unwrap();
    assert_eq!((rule.x0, rule.x1), (Pt(50.4), Pt(612.0 - 50.4)));
    check_left_dates(&laid.resume, &laid.style, doc, 1e-6).unwrap();
    check_overlaps(doc, 0.01).unwrap();
}

#[test]
fn left_date_column_left_aligned() {
    let laid = lay_out(&resume("  date_column: left\n  date_align: left\n"), None);
    assert_eq!(run(&laid.doc, "Feb").x, 50.4);
    assert_eq!(run(&laid.doc, "Oakland,").x, 50.4);
    check_left_dates(&laid.resume, &laid.style, &laid.doc, 1e-6).unwrap();
}

#[test]
fn a_date_wider_than_a_quarter_of_the_measure_wraps_inside_the_column() {
    let yaml = resume("  date_column: left\n").replace(
        "        start: 2020-02\n        end: present\n",
        "        date: September 2019 – August 2021 (part-time, remote)\n",
    );
    let laid = lay_out(&yaml, None);
    let quarter = (612.0 - 2.0 * 50.4) / 4.0;
    let title = run(&laid.doc, "Tidewater");
    assert!((title.x - Pt(50.4 + quarter + 10.0)).abs() < 1e-9);
    // Two lines in the column, the first on the title's baseline, the second on the
    // subtitle's.
    let sept = run(&laid.doc, "September");
    let part = run(&laid.doc, "remote)");
    assert_eq!(sept.baseline, title.baseline);
    assert_eq!(part.baseline, run(&laid.doc, "Principal").baseline);
    check_left_dates(&laid.resume, &laid.style, &laid.doc, 1e-6).unwrap();
}

#[test]
fn design_values_are_checked() {
    assert_eq!(
        first_error(&resume("  date_align: centre\n"), None),
        "15:15: design.date_align: unknown value `centre` (expected `left` or `right`)"
    );
    assert_eq!(
        first_error(&resume("  theme: modrn\n"), None),
        "15:10: design.theme: unknown theme `modrn` (expected classic, modern, compact, banking, engineer) | hint: did you mean `modern`?"
    );
}

// ---- small capitals --------------------------------------------------------------

/// The text pdftotext extracts from a build of `yaml`.
fn extracted(yaml: &str, tag: &str) -> String {
    let dir = tempdir(tag);
    let pdf = dir.join("r.pdf");
    let out = vitae::compile(yaml, &vitae::Options::default()).unwrap();
    std::fs::write(&pdf, out.pdf).unwrap();
    let o = std::process::Command::new("pdftotext")
        .args([pdf.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext (poppler-utils) is needed");
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn real_small_caps_come_from_the_font() {
    let laid = lay_out(&resume("  section_title: smallcaps\n"), None);
    // Charis SIL has `smcp`: one run, the capital E and the small capitals of
    // `xperience`, whose glyphs are not the lower-case letters' and whose text is.
    let heading = runs(&laid.doc).into_iter().find(|r| r.text() == "Experience").unwrap();
    assert_eq!(heading.face.id, FaceId::SERIF_BOLD);
    let f = font(FaceId::SERIF_BOLD);
    assert_eq!(heading.glyphs[0].gid, f.glyph('E'));
    assert_ne!(heading.glyphs[1].gid, f.glyph('x'));
    assert_ne!(heading.glyphs[1].gid, f.glyph('X'));
    assert_eq!(heading.replacement, None);
    assert!(extracted(&resume("  section_title: smallcaps\n"), "smcp").contains("Experience\n"));
}

#[test]
fn synthesised_small_caps_where_the_font_has_none() {
    // Lato has no `smcp`: capitals at 0.8 of the size, letter-spaced, carrying the
    // letters as written for extraction.
    let yaml = resume("  font: sans\n  section_title: smallcaps\n");
    let laid = lay_out(&yaml, None);
    let e = run(&laid.doc, "E");
    let rest = run(&laid.doc, "XPERIENCE");
    assert_eq!(e.size, 12.0);
    assert!((rest.size - Pt(9.6)).abs() < 1e-9);
    assert_eq!(rest.replacement.as_deref(), Some("xperience"));
    assert_eq!(rest.baseline, e.baseline);
    let f = font(FaceId::SANS_BOLD);
    let natural = f.advance_units(f.glyph('X')) * 9.6 / f.units_per_em;
    assert!((rest.glyphs[0].advance - Pt(natural + 0.05 * 9.6)).abs() < 1e-9);
    assert!(extracted(&yaml, "fakesc").contains("Experience\n"));
}

// ---- fonts --------------------------------------------------------------------

#[test]
fn the_bundled_sans_is_lato() {
    let laid = lay_out(&resume("  font: sans\n"), None);
    assert_eq!(run(&laid.doc, "Tidewater").face.id, FaceId::SANS_BOLD);
    assert_eq!(run(&laid.doc, "Principal").face.id, FaceId::SANS_ITALIC);
    assert_eq!(run(&laid.doc, "Built").face.id, FaceId::SANS_REGULAR);
    assert_eq!(laid.style.font_name, "Lato");
    assert!(laid.warnings.is_empty());
}

#[test]
fn a_font_file_without_bold_or_italic_gets_synthesised_faces_with_a_warning() {
    // fonts/DejaVuSans.ttf alone, relative to the resume's folder (the repository).
    let laid = lay_out(&resume("  font: fonts/DejaVuSans.ttf\n"), Some(root()));
    assert_eq!(
        messages(&laid),
        [
            "15:9: design.font: the font `DejaVu Sans` has no bold, italic or bold italic face: vitae synthesises bold by stroking the regular face, italic by slanting the regular face 12° and bold italic by stroking and slanting the regular face"
        ]
    );
    let title = run(&laid.doc, "Tidewater");
    let subtitle = run(&laid.doc, "Principal");
    let body = run(&laid.doc, "Built");
    assert_eq!(font(body.face.id).name, "DejaVuSans");
    assert_eq!(title.face.id, body.face.id);
    assert!(title.face.fake_bold && !title.face.fake_italic);
    assert!(subtitle.face.fake_italic && !subtitle.face.fake_bold);
    assert!(!body.face.fake_bold && !body.face.fake_italic);
    // In the PDF: fill-and-stroke rendering (2 Tr) for the bold, a sheared text
    // matrix for the italic.
    let out = vitae::compile(
        &resume("  font: fonts/DejaVuSans.ttf\n"),
        &vitae::Options {
            overrides: Overrides {
                base_dir: Some(root().to_path_buf()),
                ..Default::default()
            },
            ..Default::default()
        },
    )
    .unwrap();
    let dir = tempdir("fake");
    std::fs::write(dir.join("r.pdf"), &out.pdf).unwrap();
    let st = std::process::Command::new("qpdf")
        .args(["--qdf", "--object-streams=disable"])
        .arg(dir.join("r.pdf"))
        .arg(dir.join("q.pdf"))
        .status()
        .unwrap();
    assert!(st.success());
    let content = String::from_utf8_lossy(&std::fs::read(dir.join("q.pdf")).unwrap()).into_owned();
    assert!(content.contains("2 Tr"), "no fill-and-stroke text");
    assert!(content.contains("1 0 0.21255656 1 "), "no sheared text matrix");
}

#[test]
fn a_font_folder_is_one_family() {
    let dir = tempdir("folder");
    let fonts = dir.join("myfont");
    std::fs::create_dir_all(&fonts).unwrap();
    for f in ["Lato-Regular.ttf", "Lato-Bold.ttf"] {
        std::fs::copy(root().join("fonts").join(f), fonts.join(f)).unwrap();
    }
    let laid = lay_out(&resume("  font: myfont\n"), Some(&dir));
    assert_eq!(
        messages(&laid),
        [
            "15:9: design.font: the font `Lato` has no italic or bold italic face: vitae synthesises italic by slanting the regular face 12° and bold italic by slanting the bold face 12°"
        ]
    );
    assert_eq!(font(run(&laid.doc, "Tidewater").face.id).name, "Lato-Bold");
    let subtitle = run(&laid.doc, "Principal");
    assert_eq!(font(subtitle.face.id).name, "Lato-Regular");
    assert!(subtitle.face.fake_italic);
    // A second family in the folder is refused.
    std::fs::copy(root().join("fonts/DejaVuSans.ttf"), fonts.join("DejaVuSans.ttf")).unwrap();
    assert_eq!(
        first_error(&resume("  font: myfont\n"), Some(&dir)),
        format!(
            "15:9: design.font: the folder {} holds faces of 2 families (DejaVu Sans, Lato); a font folder must hold one family's faces | hint: write `serif` (Charis SIL) or `sans` (Lato), an installed family's name, or the path of a font file or folder, relative to the resume",
            fonts.display()
        )
    );
}

#[test]
fn a_file_that_is_not_a_font() {
    let dir = tempdir("notfont");
    std::fs::write(dir.join("font.ttf"), b"not a font").unwrap();
    assert_eq!(
        first_error(&resume("  font: font.ttf\n"), Some(&dir))
            .split(" | ")
            .next()
            .unwrap(),
        format!(
            "15:9: design.font: {} is not a font vitae can read (expected a TrueType or OpenType file: .ttf, .otf or .ttc)",
            dir.join("font.ttf").display()
        )
    );
}

#[test]
fn a_missing_font_says_what_was_looked_for_and_where() {
    let dir = tempdir("missing");
    let e = first_error(&resume("  font: Garamound Pro\n"), Some(&dir));
    assert!(
        e.starts_with(&format!(
            "15:9: design.font: no font `Garamound Pro`: it is not a bundled family (`serif`, `sans`), there is no file or folder {}, and no installed family has that name",
            dir.join("Garamound Pro").display()
        )),
        "{e}"
    );
    assert!(e.ends_with(" | hint: write `serif` (Charis SIL) or `sans` (Lato), an installed family's name, or the path of a font file or folder, relative to the resume"), "{e}");
    // A near miss of a bundled name.
    assert!(first_error(&resume("  font: serf\n"), Some(&dir)).contains("; did you mean `serif`?"));
}

#[test]
fn an_installed_family_by_name() {
    // .ci/run installs fonts-dejavu-core and fonts-dejavu-extra: DejaVu Serif in four
    // styles, plus condensed faces of the same family, which are not chosen.
    if !require_font(
        Path::new("/usr/share/fonts/truetype/dejavu/DejaVuSerif-Italic.ttf"),
        "fonts-dejavu-core fonts-dejavu-extra",
    ) {
        return;
    }
    let laid = lay_out(&resume("  font: dejavu serif\n"), None);
    assert!(laid.warnings.is_empty(), "{:?}", laid.warnings);
    assert_eq!(laid.style.font_name, "DejaVu Serif");
    assert_eq!(font(run(&laid.doc, "Tidewater").face.id).name, "DejaVuSerif-Bold");
    assert_eq!(font(run(&laid.doc, "Principal").face.id).name, "DejaVuSerif-Italic");
    assert_eq!(font(run(&laid.doc, "Built").face.id).name, "DejaVuSerif");
    check_margins(&laid.style, &laid.doc, 0.01).unwrap();
    vitae::compile(&resume("  font: DejaVu Serif\n"), &vitae::Options::default()).unwrap();
}

// ---- themes and colours ---------------------------------------------------------

fn themed(theme: Theme, design: &str) -> vitae::Laid {
    let options = vitae::Options {
        overrides: Overrides {
            theme: Some(theme),
            ..Default::default()
        },
        ..Default::default()
    };
    vitae::lay_out(&resume(design), &options).unwrap()
}

#[test]
fn each_theme_sets_its_preset() {
    let fill = "  page_numbers: true\n";
    // classic: Charis, centred name, capitals heading with the rule under it, dates right.
    let c = themed(Theme::Classic, fill);
    let name = run(&c.doc, "Ada");
    let last = run(&c.doc, "Lindqvist");
    assert!(
        ((name.x - Pt(50.4)) - (Pt(612.0 - 50.4) - (last.x + last.width()))).abs() < 1e-9,
        "not centred"
    );
    assert_eq!(run(&c.doc, "EXPERIENCE").face.id, FaceId::SERIF_BOLD);
    let present = run(&c.doc, "present");
    assert!((present.x + present.width() - Pt(612.0 - 50.4)).abs() < 1e-9);
    // modern: Lato, the name flush left, the heading as written in the accent, dates
    // small (9 pt) and grey in the left column.
    let m = themed(Theme::Modern, fill);
    let name = run(&m.doc, "Ada");
    assert_eq!((name.x, name.face.id), (Pt(50.4), FaceId::SANS_BOLD));
    let h = run(&m.doc, "Experience");
    assert_eq!(
        h.color,
        Rgb(0x1D as f64 / 255.0, 0x5A as f64 / 255.0, 0x7A as f64 / 255.0)
    );
    let feb = run(&m.doc, "Feb");
    assert_eq!((feb.size, feb.color), (Pt(9.0), Rgb::QUIET));
    check_left_dates(&m.resume, &m.style, &m.doc, 1e-6).unwrap();
    // compact: 9.5 pt body, 0.5 in margins.
    let k = themed(Theme::Compact, fill);
    assert_eq!(run(&k.doc, "Built").size, 9.5);
    assert_eq!(run(&k.doc, "Built").x, 36.0 + 1.2 * 9.5);
    // banking: the heading as written, its rule running on from the title at the
    // middle of the capitals.
    let b = themed(Theme::Banking, fill);
    let h = run(&b.doc, "Experience");
    let rule = b.doc.pages[0]
        .elements
        .iter()
        .find_map(|e| {
            if let Element::Rule(r) = e {
                Some(r.clone())
            } else {
                None
            }
        })
        .unwrap();
    assert!(
        (rule.x0 - (h.x + h.width() + Pt(6.0))).abs() < 1e-9,
        "rule from {}",
        rule.x0
    );
    assert_eq!(rule.x1, 612.0 - 50.4);
    assert!((rule.y - (h.baseline - Pt(4.0))).abs() < 1e-9);
    for laid in [&c, &m, &k, &b] {
        check_margins(&laid.style, &laid.doc, 0.01).unwrap();
        check_overlaps(&laid.doc, 0.01).unwrap();
        check_dates(&laid.resume, &laid.style, &laid.doc, 1e-6).unwrap();
    }
}

#[test]
fn explicit_keys_override_the_theme() {
    let m = themed(
        Theme::Modern,
        "  font: serif\n  date_column: right\n  section_title: uppercase\n",
    );
    assert_eq!(run(&m.doc, "EXPERIENCE").face.id, FaceId::SERIF_BOLD);
    let present = run(&m.doc, "present");
    assert!((present.x + present.width() - Pt(612.0 - 50.4)).abs() < 1e-9);
    // The theme named in the file, without --theme.
    let laid = lay_out(&resume("  theme: compact\n"), None);
    assert_eq!(laid.style.font_size, 9.5);
}

#[test]
fn accent_and_link_colours_are_used_consistently() {
    let accent = Rgb(0x7A as f64 / 255.0, 0x1F as f64 / 255.0, 0x2B as f64 / 255.0);
    let link = Rgb(0.0, 0.0, 1.0);
    for theme in Theme::ALL.map(|(_, t)| t) {
        let laid = themed(theme, "  accent_color: \"#7A1F2B\"\n  link_color: \"#0000FF\"\n");
        let doc = &laid.doc;
        assert_eq!(run(doc, "Ada").color, accent, "{theme:?}: name");
        let heading = runs(doc)
            .into_iter()
            .find(|r| r.text().eq_ignore_ascii_case("experience"))
            .unwrap();
        assert_eq!(heading.color, accent, "{theme:?}: heading");
        for e in &doc.pages[0].elements {
            if let Element::Rule(r) = e {
                assert_eq!(r.color, accent, "{theme:?}: rule");
            }
        }
        assert_eq!(run(doc, "ada@").color, link, "{theme:?}: link");
        assert_eq!(run(doc, "Built").color, Rgb::TEXT);
    }
}

/// Found on the example in `modern`: Lato kerns `//` by −0.22 em, and pdftotext then
/// read `https:/` and `/example.org` as two words. URLs are set without kerning.
#[test]
fn urls_are_set_without_kerning() {
    let yaml = resume("  font: sans\n").replace("Built a compiler.", "Built https://example.org/compiler today.");
    let laid = lay_out(&yaml, None);
    let url = runs(&laid.doc)
        .into_iter()
        .find(|r| r.text().starts_with("https://"))
        .unwrap();
    let f = font(FaceId::SANS_REGULAR);
    let slash = f.advance_units(f.glyph('/')) * 10.0 / f.units_per_em;
    let slashes: Vec<Pt> = url
        .glyphs
        .iter()
        .filter(|g| g.text.as_deref() == Some("/"))
        .map(|g| g.advance)
        .collect();
    assert_eq!(slashes.len(), 2);
    assert!(
        slashes.iter().all(|a| (*a - Pt(slash)).abs() < 1e-9),
        "{slashes:?} vs {slash}"
    );
    // Kerning stays on elsewhere: `AV` in Lato is tighter than A + V.
    let (av, _) = vitae::text::shape(
        "AV",
        vitae::text::Styled::plain(FaceId::SANS_REGULAR),
        Pt(10.0),
        vitae::text::Features::default(),
    );
    assert!(av[0].glyphs[0].advance < f.advance_units(f.glyph('A')) * 10.0 / f.units_per_em);
    assert!(extracted(&yaml, "url").contains("https://example.org/compiler"));
}

/// Found by a new user: a family for another script (Noto Serif Hebrew) as
/// `design.font` set every Latin word in the fallback with no word about it.
#[test]
fn a_font_without_latin_letters_is_named_in_a_warning() {
    let hebrew = Path::new("/usr/share/fonts/truetype/noto/NotoSerifHebrew-Regular.ttf");
    if !require_font(hebrew, "fonts-noto-core") {
        return;
    }
    let laid = lay_out(&resume(&format!("  font: {}\n", hebrew.display())), None);
    let m = messages(&laid);
    assert!(m.contains(&"15:9: design.font: the font `Noto Serif Hebrew` has no Latin letters (a–z): Latin text is set in the fallback, DejaVu Sans".to_string()), "{m:?}");
}

/// Found by a new user: `date_align` with the right date column did nothing, silently.
#[test]
fn date_align_without_the_left_column_is_a_warning() {
    let laid = lay_out(&resume("  date_align: left\n"), None);
    assert_eq!(
        messages(&laid),
        ["15:15: design.date_align has no effect with the right date column: dates there are flush right"]
    );
    assert!(
        lay_out(&resume("  date_column: left\n  date_align: left\n"), None)
            .warnings
            .is_empty()
    );
}
