//! Issue #16: tags, variants and translated text — the filter's exact result, section
//! order, per-variant design, the fallback warning, `--all-variants`, `vitae expand`
//! (its build is byte-identical) and the display-list checks on every variant.

mod common;

use common::*;
use proptest::prelude::*;
use vitae::model::variant::{self, Select};
use vitae::style::Overrides;

/// Every combination of include, exclude and untagged, on sections, entries and bullets.
const COMBOS: &str = "\
name: Test Person
sections:
  - title: Work
    entries:
      - title: untagged
        bullets:
          - plain
          - {text: bx, tags: [x]}
          - {text: by, tags: [y]}
          - {text: bz, tags: [z]}
      - title: inc
        tags: [x]
      - title: exc
        tags: [y]
      - title: both
        tags: [x, y]
      - title: other
        tags: [z]
  - title: Zed
    tags: [z]
    entries:
      - title: in zed
  - title: Why
    entries:
      - title: only y
        tags: [y]
  - title: Bullets
    entries:
      - bullets:
          - {text: gone, tags: [y]}
variants:
  v1:
    include: [x]
    exclude: [y]
  v2:
    exclude: [y]
  v3:
    include: [z]
    sections: [Zed, Work]
";

/// A section as the tests compare it: its title, and each entry's title (or text)
/// with its bullets.
type Kept = (String, Vec<(String, Vec<String>)>);

/// The sections of a build: each title with its entries' titles (or text) and bullets.
fn contents(text: &str, variant: Option<&str>) -> Vec<Kept> {
    let select = Select {
        variant: variant.map(str::to_string),
        language: None,
    };
    let p = vitae::input::prepare_for(text, &Overrides::default(), &select).unwrap_or_else(|e| panic!("{e:?}"));
    p.resume
        .sections
        .iter()
        .map(|s| {
            (
                s.title.text.clone(),
                s.entries
                    .iter()
                    .map(|e| {
                        (
                            e.title
                                .as_ref()
                                .or(e.text.as_ref())
                                .map_or(String::new(), |t| t.text.clone()),
                            e.bullets.iter().map(|b| b.text.clone()).collect(),
                        )
                    })
                    .collect(),
            )
        })
        .collect()
}

fn s(x: &str) -> String {
    x.to_string()
}

#[test]
fn each_variant_keeps_exactly_what_the_rules_say() {
    let whole = contents(COMBOS, None);
    assert_eq!(
        whole.iter().map(|(t, _)| t.as_str()).collect::<Vec<_>>(),
        ["Work", "Zed", "Why", "Bullets"]
    );
    assert_eq!(whole[0].1[0].1, ["plain", "bx", "by", "bz"]);
    assert_eq!(whole[0].1.len(), 5);
    // include x, exclude y: untagged and x-only kept; y (alone or with x) and z dropped;
    // `Zed` (z), `Why` (left empty) and `Bullets` (its one entry's bullets all y) gone.
    assert_eq!(
        contents(COMBOS, Some("v1")),
        [(
            s("Work"),
            vec![(s("untagged"), vec![s("plain"), s("bx")]), (s("inc"), vec![])]
        )]
    );
    // exclude y only: every tag not y is kept.
    assert_eq!(
        contents(COMBOS, Some("v2")),
        [
            (
                s("Work"),
                vec![
                    (s("untagged"), vec![s("plain"), s("bx"), s("bz")]),
                    (s("inc"), vec![]),
                    (s("other"), vec![])
                ]
            ),
            (s("Zed"), vec![(s("in zed"), vec![])])
        ]
    );
    // include z, sections [Zed, Work]: in that order, the others left out.
    assert_eq!(
        contents(COMBOS, Some("v3")),
        [
            (s("Zed"), vec![(s("in zed"), vec![])]),
            (
                s("Work"),
                vec![(s("untagged"), vec![s("plain"), s("bz")]), (s("other"), vec![])]
            )
        ]
    );
}

#[test]
fn the_keep_rule() {
    let t = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    assert!(variant::keeps(&[], Some(&t(&["a"])), &t(&["b"])));
    assert!(variant::keeps(&t(&["a"]), Some(&t(&["a"])), &[]));
    assert!(!variant::keeps(&t(&["c"]), Some(&t(&["a"])), &[]));
    assert!(variant::keeps(&t(&["c"]), None, &[]));
    assert!(!variant::keeps(&t(&["a", "b"]), Some(&t(&["a"])), &t(&["b"])));
    assert!(variant::is_tag("ml-ops_2"));
    assert!(!variant::is_tag("two words"));
    assert!(!variant::is_tag(""));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]
    /// For random tag assignments, every entry appears in exactly the variants the
    /// rules say (excluded tag: never; untagged: always; tagged: when included).
    #[test]
    fn random_tags_land_in_exactly_the_variants_the_rules_say(
        tags in proptest::collection::vec(proptest::collection::vec(0usize..4, 0..3), 1..8),
        include in proptest::collection::vec(0usize..4, 1..3),
        exclude in proptest::collection::vec(0usize..4, 0..2),
    ) {
        let names = ["a", "b", "c", "d"];
        let mut y = String::from("name: P\nsections:\n  - title: S\n    entries:\n      - title: anchor\n");
        for (i, t) in tags.iter().enumerate() {
            y.push_str(&format!("      - title: e{i}\n"));
            if !t.is_empty() {
                let list: Vec<&str> = t.iter().map(|k| names[*k]).collect();
                y.push_str(&format!("        tags: [{}]\n", list.join(", ")));
            }
        }
        let inc: Vec<&str> = include.iter().map(|k| names[*k]).collect();
        let exc: Vec<&str> = exclude.iter().map(|k| names[*k]).collect();
        y.push_str(&format!("variants:\n  v:\n    include: [{}]\n    exclude: [{}]\n", inc.join(", "), exc.join(", ")));
        let got = contents(&y, Some("v"));
        let kept: Vec<String> = got[0].1.iter().map(|(t, _)| t.clone()).collect();
        let want: Vec<String> = std::iter::once("anchor".to_string())
            .chain(tags.iter().enumerate().filter(|(_, t)| {
                let t: Vec<&str> = t.iter().map(|k| names[*k]).collect();
                !t.iter().any(|x| exc.contains(x)) && (t.is_empty() || t.iter().any(|x| inc.contains(x)))
            }).map(|(i, _)| format!("e{i}")))
            .collect();
        prop_assert_eq!(kept, want);
    }
}

/// A file in English and German, one field without its German text.
const TWO_LANGUAGES: &str = "\
name: Test Person
headline: {en: Engineer, de: Ingenieurin}
sections:
  - title: {en: Work, de: Arbeit}
    entries:
      - title: {en: Plain}
        start: 2020-07
        end: present
        bullets:
          - {en: One, de: Eins}
          - {en: Two}
variants:
  de:
    language: de
    design: {page: a4, theme: compact}
  en:
    fit_pages: 1
";

#[test]
fn a_build_in_a_language_warns_once_naming_every_field_without_it() {
    let select = Select {
        variant: Some("de".into()),
        language: None,
    };
    let p = vitae::input::prepare_for(TWO_LANGUAGES, &Overrides::default(), &select).unwrap();
    let lines: Vec<String> = p.warnings.iter().map(diagnostic_line).collect();
    assert_eq!(
        lines,
        [
            "6:16: 2 fields have no text in `de`, so they are set in `en`, the first language listed: sections[0].entries[0].title (6:16), sections[0].entries[0].bullets[1] (11:13)"
        ]
    );
    assert_eq!(p.resume.headline.unwrap().text, "Ingenieurin");
    assert_eq!(p.resume.sections[0].title.text, "Arbeit");
    // The date is written in the build's language, from the structured start and end.
    assert_eq!(
        p.resume.sections[0].entries[0].date.as_ref().unwrap().text,
        "Juli 2020 – heute"
    );
    // The variant's design over the file's: compact on A4.
    assert_eq!(p.style.page.width.0.round(), 595.0);
    // `--language` wins over the variant's; no field lacks English.
    let en = Select {
        variant: Some("de".into()),
        language: Some("en-GB".into()),
    };
    let p = vitae::input::prepare_for(TWO_LANGUAGES, &Overrides::default(), &en).unwrap();
    assert!(p.warnings.is_empty(), "{:?}", p.warnings);
    assert_eq!(
        p.resume.sections[0].entries[0].date.as_ref().unwrap().text,
        "Jul 2020 – present"
    );
    // The other variant: the file's letter page, `fit_pages` as a design key.
    let p = vitae::input::prepare_for(
        TWO_LANGUAGES,
        &Overrides::default(),
        &Select {
            variant: Some("en".into()),
            language: None,
        },
    )
    .unwrap();
    assert_eq!(p.style.page.width.0, 612.0);
    assert_eq!(
        p.style.fit_pages.map(|(n, pos)| (n, pos.line, pos.column)),
        Some((1, 17, 16))
    );
}

/// Each bad input of the issue: located, what was expected.
#[test]
fn bad_variants_tags_and_translations_are_located_errors() {
    let base = "name: P\nsections:\n  - title: S\n    entries:\n      - title: e\n        tags: [a]\n";
    let cases: [(&str, Option<&str>, &str); 8] = [
        (
            "variants:\n  v:\n    design: {themee: modern}\n",
            Some("v"),
            "9:14: unknown key `themee`, expected one of theme, page, margin, font, font_size, line_spacing, accent_color, link_color, justify, hyphenate, microtype, language, date_column, date_align, section_title, section_rule, contact_separator, contact_icons, page_numbers, running_header, fit_pages | hint: did you mean `theme`?",
        ),
        (
            "variants:\n  v:\n    sections: [{title: S}]\n",
            Some("v"),
            "9:16: a `sections` item of variant `v` is a section title (text); found a mapping",
        ),
        (
            "variants:\n  v:\n    sections: [Sx]\n",
            Some("v"),
            "9:16: no section is titled `Sx` (the sections are `S`); did you mean `S`?",
        ),
        (
            "variants:\n  v:\n    include: [\"two words\"]\n",
            Some("v"),
            "9:15: `two words` is not a tag: `include` is a list of tags such as `[backend, ml]` (letters, digits, `-` and `_`), at most 40 characters",
        ),
        (
            "variants:\n  v:\n    exclude: [a]\n",
            Some("v"),
            "8:3: variant `v` leaves nothing: its filter drops every section (expected at least one section kept)",
        ),
        (
            "variants:\n  v:\n    output: x.pdf\n  w:\n    output: x.pdf\n",
            Some("v"),
            "11:13: variants `v` and `w` would both be written to `x.pdf` (expected a different `output` for each)",
        ),
        (
            "variants:\n  v:\n    includ: [a]\n",
            Some("v"),
            "9:5: unknown key `includ` in variant `v` (expected one of include, exclude, sections, language, design, fit_pages, pdf, output); did you mean `include`?",
        ),
        (
            "headline: {en: A, xx: B}\n",
            None,
            "7:19: `xx` is not a language tag vitae knows: headline is a translated text, a mapping of language tags (en-US, en-GB, de, fr, es, it, pt, nl, pl, sv, da, nb, fi, cs, ru, ar, he, fa, zh, ja, ko, en) to text",
        ),
    ];
    for (extra, v, want) in cases {
        let text = format!("{base}{extra}");
        let select = Select {
            variant: v.map(str::to_string),
            language: None,
        };
        let errs = vitae::input::prepare_for(&text, &Overrides::default(), &select).unwrap_err();
        assert_eq!(diagnostic_line(&errs[0]), want, "{extra}");
    }
    // `tags` that is not a list.
    let text = "name: P\nsections:\n  - title: S\n    tags: backend\n    entries: [x]\n";
    let errs = vitae::input::prepare(text, &Overrides::default()).unwrap_err();
    assert_eq!(
        diagnostic_line(&errs[0]),
        "4:11: `tags` is a list of tags such as `[backend, ml]` (letters, digits, `-` and `_`); found text"
    );
}

/// `--all-variants`: one PDF per variant, one line each; a broken variant is reported,
/// the others are still built, and the status is 1.
#[test]
fn all_variants_builds_each_and_a_broken_one_fails_alone() {
    let dir = tempdir("all-variants");
    std::fs::copy(fixture_path("good/variants.yaml"), dir.join("cv.yaml")).unwrap();
    let o = vitae(&["build", "cv.yaml", "--all-variants"], &dir);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let err = stderr(&o);
    // Built in parallel: the lines come in the order the builds end.
    let mut written: Vec<&str> = err
        .lines()
        .filter_map(|l| l.split_once(": 1 page, ").map(|(f, _)| f))
        .collect();
    written.sort();
    assert_eq!(
        written,
        ["cv-academic.pdf", "cv-industry.pdf", "lindqvist-lebenslauf.pdf"]
    );
    for f in written {
        assert!(dir.join(f).exists(), "{f}");
    }

    let broken = std::fs::read_to_string(fixture_path("good/variants.yaml"))
        .unwrap()
        .replace("design: {theme: modern}", "design: {theme: modren}");
    std::fs::write(dir.join("b.yaml"), broken).unwrap();
    let o = vitae(&["build", "b.yaml", "--all-variants"], &dir);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("b.yaml (variant industry): 1 error found; no PDF written"),
        "{err}"
    );
    assert!(!dir.join("b-industry.pdf").exists());
    assert!(dir.join("b-academic.pdf").exists());
    // One variant by name; an unknown one.
    let o = vitae(&["build", "cv.yaml", "--variant", "academic", "-q"], &dir);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = vitae(&["build", "cv.yaml", "--variant", "acadmic"], &dir);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).starts_with(
            "error: no variant `acadmic` (the file has `industry`, `academic`, `de`); did you mean `academic`?"
        ),
        "{}",
        stderr(&o)
    );
    // A file without variants.
    std::fs::copy(fixture_path("good/minimal.yaml"), dir.join("m.yaml")).unwrap();
    let o = vitae(&["build", "m.yaml", "--all-variants"], &dir);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stderr(&o).trim(),
        "m.yaml: error: --all-variants: the file has no `variants`; no PDF written"
    );
    // `check` lays out every variant.
    let o = vitae(&["check", "cv.yaml"], &dir);
    assert_eq!(o.status.code(), Some(0));
    let err = stderr(&o);
    let ok: Vec<&str> = err.lines().filter(|l| l.contains(": ok, ")).collect();
    assert_eq!(
        ok,
        [
            "cv.yaml: ok, 1 page",
            "cv.yaml (variant industry): ok, 1 page",
            "cv.yaml (variant academic): ok, 1 page",
            "cv.yaml (variant de): ok, 1 page"
        ]
    );
}

/// Every good fixture, and every variant of those that have variants: expanded, the
/// expanded file builds into the very same PDF; and each variant meets the
/// display-list checks (margins, overlaps, words in order, dates).
#[test]
fn expanding_gives_a_byte_identical_pdf_and_every_variant_passes_the_checks() {
    let mut built = 0;
    for path in yaml_fixtures("good") {
        let text = std::fs::read_to_string(&path).unwrap();
        let mut selects = vec![Select::default()];
        for v in variant::variants(&text).unwrap() {
            selects.push(Select {
                variant: Some(v.name),
                language: None,
            });
        }
        for select in selects {
            let name = format!("{} {:?}", path.display(), select.variant);
            let options = vitae::Options {
                select: select.clone(),
                ..Default::default()
            };
            let direct = vitae::compile(&text, &options).unwrap_or_else(|e| panic!("{name}: {e:?}"));
            let expanded = variant::expand(&text, &select).unwrap_or_else(|e| panic!("{name}: {e:?}"));
            let again = vitae::compile(&expanded.yaml, &vitae::Options::default()).unwrap();
            assert!(direct.pdf == again.pdf, "{name}: the expanded file builds differently");
            // Expanding the expanded file changes nothing but the header.
            let twice = variant::expand(&expanded.yaml, &Select::default()).unwrap();
            let body = |y: &str| {
                y.lines()
                    .skip_while(|l| l.starts_with('#'))
                    .collect::<Vec<_>>()
                    .join("\n")
            };
            assert_eq!(body(&twice.yaml), body(&expanded.yaml), "{name}");

            let laid = vitae::lay_out(&text, &options).unwrap();
            check_margins(&laid.style, &laid.doc, 0.01).unwrap_or_else(|e| panic!("{name}: {e}"));
            check_overlaps(&laid.doc, 0.01).unwrap_or_else(|e| panic!("{name}: {e}"));
            check_order(&expected_words(&laid.resume), &laid.doc).unwrap_or_else(|e| panic!("{name}: {e}"));
            let n = check_dates(&laid.resume, &laid.style, &laid.doc, 0.01).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(n, dated(&laid.resume).len(), "{name}");
            built += 1;
        }
    }
    assert_eq!(built, 12 + 3);
}

#[test]
fn expand_writes_the_variant_and_nothing_on_error() {
    let dir = tempdir("expand");
    std::fs::copy(fixture_path("good/variants.yaml"), dir.join("cv.yaml")).unwrap();
    let o = vitae(&["expand", "cv.yaml", "--variant", "de"], &dir);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let y = String::from_utf8(o.stdout).unwrap();
    assert!(y.contains("\n  - title: Berufserfahrung\n"), "{y}");
    assert!(y.contains("\n        start: 2020-07\n        end: present\n"), "{y}");
    assert!(!y.contains("tags"), "{y}");
    assert!(!y.contains("Lehre"), "{y}");
    assert!(
        y.ends_with("design:\n  language: de\n  accent_color: \"#1F3A5F\"\n  page: a4\n"),
        "{y}"
    );
    let o = vitae(&["expand", "cv.yaml", "--variant", "x", "-o", "out.yaml"], &dir);
    assert_eq!(o.status.code(), Some(1));
    assert!(!dir.join("out.yaml").exists());
    let o = vitae(&["expand", "cv.yaml", "--language", "xx"], &dir);
    assert_eq!(o.status.code(), Some(2));
}
