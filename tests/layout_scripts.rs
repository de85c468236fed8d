//! Every script — font fallback per face to installed fonts, CJK line
//! breaking and justification, right-to-left text and mirrored layout, symbols, and
//! the warning for a character no font has. Checked on the display list and end to
//! end with `pdftotext`.
//!
//! Tests that need an installed font go through `common::require_installed`: they
//! print `SKIPPED …` and return when it is absent, and fail when `CI` is set;
//! `.ci/run` installs fonts-noto-cjk, fonts-noto-core and fonts-symbola.

mod common;

use common::*;
use std::path::{Path, PathBuf};
use vitae::geom::Pt;
use vitae::layout::{Document, TextRun};
use vitae::text::{Cjk, FaceId, Styled, face_for, font};

fn fixture(name: &str) -> String {
    let p = fixture_path(name);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// Whether an installed font has `c` (not only a bundled one), `package` installing
/// one; without it the test skips, or fails with `CI` set.
fn installed(c: char, package: &str) -> bool {
    let found =
        face_for(&c.to_string(), Styled::plain(FaceId::SERIF_REGULAR), Cjk::Sc).is_some_and(|f| !f.id.is_bundled());
    require_installed(found, &format!("a font with {c:?}"), package)
}

/// Whether the installed font chosen for `c` is of `family` (its PostScript name starts
/// so), for tests that assert that family's faces: another installed font with `c`
/// (DejaVu Sans has Arabic and Hebrew) is not enough.
fn installed_in(c: char, family: &str, package: &str) -> bool {
    let found = face_for(&c.to_string(), Styled::plain(FaceId::SERIF_REGULAR), Cjk::Sc)
        .is_some_and(|f| !f.id.is_bundled() && font(f.id).name.starts_with(family));
    require_installed(found, &format!("{family} (for {c:?})"), package)
}

/// A run's text in logical order: right-to-left runs hold their glyphs in visual
/// order (the text's last letter first).
fn logical(r: &TextRun) -> String {
    use unicode_bidi::{BidiClass, bidi_class};
    let t = r.text();
    if t.chars().any(|c| matches!(bidi_class(c), BidiClass::R | BidiClass::AL)) {
        r.glyphs.iter().rev().filter_map(|g| g.text.as_deref()).collect()
    } else {
        t
    }
}

/// The first run whose text (in logical order) contains `text`.
fn run<'a>(doc: &'a Document, text: &str) -> &'a TextRun {
    runs(doc)
        .into_iter()
        .find(|r| logical(r).contains(text))
        .unwrap_or_else(|| panic!("no run with '{text}'"))
}

/// The display list's lines: the runs of each baseline of each page, left to right.
fn lines(doc: &Document) -> Vec<Vec<&TextRun>> {
    let mut out: Vec<(usize, Pt, Vec<&TextRun>)> = Vec::new();
    for (p, page) in doc.pages.iter().enumerate() {
        for r in page.runs().filter(|r| !r.space) {
            match out
                .iter_mut()
                .find(|(q, b, _)| *q == p && (*b - r.baseline).abs() < 0.01)
            {
                Some((.., v)) => v.push(r),
                None => out.push((p, r.baseline, vec![r])),
            }
        }
    }
    out.into_iter()
        .map(|(.., mut v)| {
            v.sort_by(|a, b| a.x.total_cmp(&b.x));
            v
        })
        .collect()
}

fn build(yaml: &str, tag: &str) -> (vitae::Laid, PathBuf) {
    let laid = vitae::lay_out(yaml, &vitae::Options::default()).unwrap_or_else(|e| panic!("{e:?}"));
    let out = vitae::compile(yaml, &vitae::Options::default()).unwrap();
    let dir = tempdir(tag);
    let pdf = dir.join("r.pdf");
    std::fs::write(&pdf, out.pdf).unwrap();
    (laid, pdf)
}

/// `pdftotext` of a PDF, with the marks of direction it adds (U+202A–U+202E)
/// removed.
fn text_of(pdf: &Path) -> String {
    let o = std::process::Command::new("pdftotext")
        .args(["-layout", pdf.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext (poppler-utils)");
    String::from_utf8_lossy(&o.stdout)
        .chars()
        .filter(|c| !('\u{202A}'..='\u{202E}').contains(c))
        .collect()
}

/// Text without white space.
fn squash(s: &str) -> String {
    s.split_whitespace().collect()
}

fn face_name(r: &TextRun) -> &'static str {
    &font(r.face.id).name
}

fn check_layout(laid: &vitae::Laid) {
    check_margins(&laid.style, &laid.doc, 0.01).unwrap();
    check_overlaps(&laid.doc, 0.01).unwrap();
}

#[test]
fn cjk_from_installed_fonts_with_line_start_and_end_rules() {
    if !installed_in('李', "NotoSerifCJK", "fonts-noto-cjk") {
        return;
    }
    let (laid, pdf) = build(&fixture("good/cjk.yaml"), "cjk");
    assert!(laid.warnings.is_empty(), "{:?}", laid.warnings);
    check_layout(&laid);
    // Chinese paragraphs in the simplified Chinese forms, the Japanese one (it has
    // kana) in the Japanese forms; serif, after Charis SIL; the bold title in the bold.
    assert_eq!(face_name(run(&laid.doc, "负")), "NotoSerifCJKsc-Regular");
    assert_eq!(face_name(run(&laid.doc, "東")), "NotoSerifCJKjp-Regular");
    assert_eq!(face_name(run(&laid.doc, "清")), "NotoSerifCJKsc-Bold");
    // No line begins with a character of NO_LINE_START, none ends with one of
    // NO_LINE_END.
    for l in lines(&laid.doc) {
        let first = l.first().unwrap().text().chars().next().unwrap();
        let last = l.last().unwrap().text().chars().last().unwrap();
        assert!(
            !vitae::inline::NO_LINE_START.contains(first),
            "a line begins with {first}"
        );
        assert!(!vitae::inline::NO_LINE_END.contains(last), "a line ends with {last}");
    }
    // The Chinese bullet is justified between its ideographs: its first line ends on
    // the right margin, with no space in it.
    let fu = run(&laid.doc, "负");
    let line = lines(&laid.doc)
        .into_iter()
        .find(|l| l.iter().any(|r| std::ptr::eq(*r, fu)))
        .unwrap();
    let end = line.last().map(|r| r.x + r.width()).unwrap();
    assert!((end - Pt(612.0 - 50.4)).abs() < 0.01, "ends at {end}");
    // Extraction: every paragraph's characters in order.
    let text: String = text_of(&pdf).split_whitespace().collect();
    for want in [
        "负责大规模分布式存储系统的设计与实现",
        "東京大学との共同研究で",
        "中文（母语），English",
        "日本語（ビジネスレベル）",
    ] {
        assert!(text.contains(want), "{want} not in {text}");
    }
}

#[test]
fn a_space_between_cjk_and_latin_is_a_quarter_em() {
    if !installed('开', "fonts-noto-cjk") {
        return;
    }
    let yaml = "name: A\nsections:\n  - title: T\n    entries:\n      - text: 使用 Rust 开发和Go\n";
    let (laid, _) = build(yaml, "quarter");
    let a = run(&laid.doc, "用");
    let rust = run(&laid.doc, "Rust");
    assert!(
        (rust.x - (a.x + a.width()) - Pt(2.5)).abs() < 1e-9,
        "gap {}",
        rust.x - (a.x + a.width())
    );
    // Where the author wrote none (和Go), none is added.
    let he = run(&laid.doc, "和");
    let go = run(&laid.doc, "Go");
    assert!((go.x - (he.x + he.width())).abs() < 1e-9);
}

#[test]
fn korean_bold_uses_the_bold_face() {
    if !installed_in('김', "NotoSerifCJK", "fonts-noto-cjk") {
        return;
    }
    let (laid, pdf) = build(&fixture("scripts/korean-bold.yaml"), "ko");
    assert!(laid.warnings.is_empty(), "{:?}", laid.warnings);
    check_layout(&laid);
    assert_eq!(face_name(run(&laid.doc, "분산")), "NotoSerifCJKkr-Bold");
    assert_eq!(face_name(run(&laid.doc, "설계")), "NotoSerifCJKkr-Regular");
    assert!(!run(&laid.doc, "분산").face.fake_bold);
    assert!(text_of(&pdf).contains("분산 저장 시스템의 설계와 구현을 맡았습니다."));
}

#[test]
fn cyrillic_in_every_style_stays_in_the_text_face() {
    let (laid, pdf) = build(&fixture("scripts/cyrillic-styles.yaml"), "ru");
    assert!(laid.warnings.is_empty());
    assert_eq!(run(&laid.doc, "Старший").face.id, FaceId::SERIF_ITALIC);
    assert_eq!(run(&laid.doc, "Полужирный").face.id, FaceId::SERIF_BOLD_ITALIC);
    assert_eq!(run(&laid.doc, "курсив").face.id, FaceId::SERIF_BOLD_ITALIC);
    assert!(text_of(&pdf).contains("Полужирный курсив и курсив в одной строке."));
}

#[test]
fn arabic_is_shaped_ordered_and_mirrored() {
    if !installed_in('ع', "NotoNaskhArabic", "fonts-noto-core") {
        return;
    }
    let (laid, pdf) = build(&fixture("scripts/arabic.yaml"), "ar");
    assert!(laid.warnings.is_empty(), "{:?}", laid.warnings);
    check_layout(&laid);
    let right = 612.0 - 50.4;
    // Shaped in Noto Naskh Arabic with joining forms: the glyphs of `الخبرة` (the
    // heading) in visual order, its last letter first; contextual forms differ from
    // the letters' isolated glyphs.
    let h = run(&laid.doc, "الخبرة");
    assert_eq!(face_name(h), "NotoNaskhArabic-Bold");
    assert_eq!(h.glyphs.first().and_then(|g| g.text.as_deref()), Some("ة"));
    assert_eq!(h.glyphs.last().and_then(|g| g.text.as_deref()), Some("ا"));
    let f = font(h.face.id);
    let beh = run(&laid.doc, "البيانات");
    let isolated = font(beh.face.id).glyph('ب');
    assert!(
        beh.glyphs
            .iter()
            .filter(|g| g.text.as_deref() == Some("ب"))
            .all(|g| g.gid != isolated),
        "ب not joined"
    );
    let _ = f;
    // Mirrored: the heading and the title end on the right margin, the date starts
    // on the left margin, the bullet stands right of its text.
    assert!(
        (h.x + h.width() - Pt(right)).abs() < 1e-6,
        "heading ends at {}",
        h.x + h.width()
    );
    let title = run(&laid.doc, "شركة");
    assert!((title.x + title.width() - Pt(right)).abs() < 1e-6);
    let date_words: Vec<&TextRun> = lines(&laid.doc)
        .into_iter()
        .find(|l| l.iter().any(|r| std::ptr::eq(*r, title)))
        .unwrap()
        .into_iter()
        .filter(|r| r.x < 306.0)
        .collect();
    assert!(
        (date_words[0].x - Pt(50.4)).abs() < 1e-6,
        "date starts at {}",
        date_words[0].x
    );
    let bullet = run(&laid.doc, "•");
    let first = run(&laid.doc, "ترحيل");
    assert!(bullet.x > first.x + first.width());
    // The left-to-right name inside: `PostgreSQL 16` reads left to right, left of
    // the words that precede it in the sentence.
    let pg = run(&laid.doc, "PostgreSQL");
    let sixteen = run(&laid.doc, "16");
    let ila = run(&laid.doc, "إلى");
    assert!(pg.x < sixteen.x && sixteen.x < ila.x);
    // Extraction in logical order. pdftotext (poppler) moves the spaces at the edges
    // of a left-to-right run inside right-to-left text (`إلى  PostgreSQL 16دون`) and
    // orders numbers by its own rules, so sentences with either are compared without
    // spaces.
    let t = text_of(&pdf);
    for want in ["ليلى حداد", "شركة البيانات العربية", "قيادة فريق من خمسة مهندسين."]
    {
        assert!(t.contains(want), "{want} not in {t}");
    }
    assert!(
        squash(&t).contains(&squash("ترحيل قاعدة البيانات إلى PostgreSQL 16 دون توقف الخدمة.")),
        "{t}"
    );
    assert!(
        t.lines()
            .any(|l| l.contains("مارس") && l.contains("2020") && l.contains("حتى الآن")),
        "{t}"
    );
}

#[test]
fn hebrew_with_latin_words_joined_by_maqaf() {
    if !installed_in('נ', "NotoSerifHebrew", "fonts-noto-core") {
        return;
    }
    let (laid, pdf) = build(&fixture("scripts/hebrew.yaml"), "he");
    assert!(laid.warnings.is_empty(), "{:?}", laid.warnings);
    check_layout(&laid);
    assert_eq!(face_name(run(&laid.doc, "נועה")), "NotoSerifHebrew-Bold");
    // `ב־Rust`: the Hebrew prefix and the Latin word are shaped apart, each in its
    // direction; `Rust` reads left to right, right of... left of its prefix.
    let rust = run(&laid.doc, "Rust");
    assert_eq!(rust.text(), "Rust");
    assert_eq!(rust.glyphs[0].text.as_deref(), Some("R"));
    let prefix = runs(&laid.doc).into_iter().find(|r| logical(r) == "ב־").unwrap();
    assert!(prefix.x > rust.x + rust.width() - Pt(1e-6));
    let t = text_of(&pdf);
    assert!(squash(&t).contains(&squash("ב־Rust ו־Go עבור מערכת התשלומים.")), "{t}");
    assert!(t.contains("חברת הנתונים"), "{t}");
}

#[test]
fn mixed_direction_lines_in_a_left_to_right_resume() {
    if !installed('ع', "fonts-noto-core") {
        return;
    }
    let (laid, pdf) = build(&fixture("scripts/mixed-bidi.yaml"), "mixed");
    assert!(laid.warnings.is_empty(), "{:?}", laid.warnings);
    check_layout(&laid);
    // `(عمر حداد)`: the first Arabic word is the right one; the parentheses enclose.
    let omar = run(&laid.doc, "عمر");
    let haddad = runs(&laid.doc).into_iter().find(|r| logical(r) == "حداد").unwrap();
    assert!(omar.x > haddad.x);
    let open = runs(&laid.doc).into_iter().find(|r| r.text() == "(").unwrap();
    assert!(open.x < haddad.x);
    // The English around keeps its order.
    let led = run(&laid.doc, "Led");
    let and = run(&laid.doc, "and");
    let team = run(&laid.doc, "البحث");
    assert!(led.x < team.x && team.x < and.x);
    let t = text_of(&pdf);
    assert!(
        t.contains("عمر حداد") && t.contains("فريق البحث العربي") && t.contains("צוות החיפוש"),
        "{t}"
    );
}

#[test]
fn symbols_come_from_an_installed_monochrome_font() {
    // The bundled DejaVu Sans has the chess pieces but no rocket: the rocket needs an
    // installed font (Symbola).
    if !installed('🚀', "fonts-symbola") {
        return;
    }
    let (laid, pdf) = build(&fixture("scripts/symbols.yaml"), "sym");
    assert!(laid.warnings.is_empty(), "{:?}", laid.warnings);
    let knight = run(&laid.doc, "♞");
    assert_eq!(knight.face.id, FaceId::fallback(false));
    let rocket = run(&laid.doc, "🚀");
    assert!(!rocket.face.id.is_bundled());
    let f = font(rocket.face.id);
    // Outlines, not colour bitmaps.
    assert!(f.covers('🚀'));
    assert!(text_of(&pdf).contains("♞ ♛ and a metronome ⏱ and a rocket 🚀"));
}

#[test]
fn a_character_no_font_has_is_one_warning_listing_every_place() {
    let yaml = fixture("scripts/nofont.yaml");
    let out = vitae::compile(&yaml, &vitae::Options::default()).unwrap();
    assert_eq!(out.warnings.len(), 1);
    let w = &out.warnings[0];
    assert_eq!((w.pos.line, w.pos.column), (6, 15));
    assert_eq!(
        w.message,
        "no font has the character '\u{10FFFD}' (U+10FFFD): neither the text face, nor the bundled DejaVu Sans, nor any installed font; it is shown as an empty box in section 'Notes', entry 1 text; section 'Notes', entry 2 text"
    );
    assert_eq!(
        w.hints,
        ["install a font that has it (`vitae fonts` lists what is installed), or choose one with `design.font`"]
    );
    assert!(
        vitae::compile(
            &yaml,
            &vitae::Options {
                deny_warnings: true,
                ..Default::default()
            }
        )
        .is_err()
    );
}

/// Found by a new user: a Latin word next to CJK punctuation (`Go、`) was set in the
/// CJK face with the punctuation, the same word elsewhere in Charis SIL.
#[test]
fn latin_words_beside_cjk_punctuation_stay_in_the_text_face() {
    if !installed_in('、', "NotoSerifCJK", "fonts-noto-cjk") {
        return;
    }
    let yaml = "name: A\nsections:\n  - title: T\n    entries:\n      - text: Go、Rust、SQL。测试 SQL 和 Java\n";
    let (laid, _) = build(yaml, "latin-cjk");
    for w in ["Go", "Rust", "SQL", "Java"] {
        for r in runs(&laid.doc).into_iter().filter(|r| r.text().contains(w)) {
            assert_eq!(r.face.id, FaceId::SERIF_REGULAR, "{w} in {}", face_name(r));
        }
    }
    assert_eq!(face_name(run(&laid.doc, "、")), "NotoSerifCJKsc-Regular");
}

/// A fallback family without a bold face (Symbola has one weight) gets bold by a
/// stroke, with no warning, so `**…**` still shows.
#[test]
fn bold_from_a_fallback_family_without_bold_is_synthesised_silently() {
    if !installed('🚀', "fonts-symbola") {
        return;
    }
    let yaml = "name: A\nsections:\n  - title: T\n    entries:\n      - text: \"**🚀 rocket** and 🚀\"\n";
    let (laid, _) = build(yaml, "fakebold");
    assert!(laid.warnings.is_empty(), "{:?}", laid.warnings);
    let knights: Vec<&TextRun> = runs(&laid.doc).into_iter().filter(|r| r.text() == "🚀").collect();
    assert_eq!(knights.len(), 2);
    assert_eq!(face_name(knights[0]), face_name(knights[1]));
    assert!(knights[0].face.fake_bold && !knights[1].face.fake_bold);
}

/// Found by the outside check (pdfcheck) on cjk.yaml: the Chinese bullet, 50
/// full-width characters (500 pt) on a 499.2 pt measure, broke before its last
/// character. A justified line may take back the blank half of its commas (JIS X 4051
/// compression of punctuation), so it is one line.
#[test]
fn a_line_a_little_too_long_squeezes_its_commas() {
    if !installed('负', "fonts-noto-cjk") {
        return;
    }
    let (laid, _) = build(&fixture("good/cjk.yaml"), "squeeze");
    let fu = run(&laid.doc, "负");
    let line = lines(&laid.doc)
        .into_iter()
        .find(|l| l.iter().any(|r| std::ptr::eq(*r, fu)))
        .unwrap();
    let text: String = line.iter().map(|r| r.text()).filter(|t| t != "•").collect();
    assert_eq!(
        text,
        "负责大规模分布式存储系统的设计与实现，将写入延迟降低了百分之四十，并撰写了完整的技术文档与测试方案。"
    );
    // Each comma's successor starts less than an em after the comma (0.4 pt each).
    for (k, r) in line.iter().enumerate().filter(|(_, r)| r.text() == "，") {
        let gap = line[k + 1].x - r.x;
        assert!((gap - Pt(9.6)).abs() < 1e-6, "after the comma: {gap}");
    }
}
