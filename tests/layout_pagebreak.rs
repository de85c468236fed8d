//! Page breaking: the rules on generated inputs that put a heading, an
//! entry's title row and a paragraph's first line at every position near the foot of
//! page 1 (`tests/fixtures/pagebreak/generate.py`), on the long fixture, and on random
//! resumes.

mod common;

use common::*;
use proptest::prelude::*;
use std::path::Path;
use vitae::geom::Pt;
use vitae::layout::BandKind;

fn fixture(path: &Path) -> (vitae::model::Resume, vitae::style::Style, vitae::layout::Document) {
    let text = std::fs::read_to_string(path).unwrap();
    let (r, s, d, _) = vitae::layout_source(&text).unwrap_or_else(|e| panic!("{}: {e:?}", path.display()));
    (r, s, d)
}

#[test]
fn every_rule_holds_wherever_the_page_breaks() {
    let files = yaml_fixtures("pagebreak");
    assert_eq!(files.len(), 33);
    let mut tails_on_page_2 = 0;
    for f in &files {
        let (r, s, d) = fixture(f);
        check_page_rules(&s, &d).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        check_margins(&s, &d, 0.01).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        check_order(&expected_words(&r), &d).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        assert!((1..=2).contains(&d.pages.len()), "{}", f.display());
        // The tail's first band (heading, title row or paragraph line) lands on
        // page 2 in some of them, and on page 1 in others.
        let tail = d.bands.iter().find(|b| {
            b.info.kind == BandKind::Heading && b.page > 0 || b.info.kind == BandKind::EntryHead || b.info.lines > 3
        });
        if tail.is_some_and(|b| b.page == 1) {
            tails_on_page_2 += 1;
        }
    }
    assert!((5..=28).contains(&tails_on_page_2), "{tails_on_page_2}");
}

#[test]
fn many_pages_fills_every_page_but_the_last() {
    let path = fixture_path("good/many-pages.yaml");
    let (_, s, d) = fixture(&path);
    check_page_rules(&s, &d).unwrap();
    let n = d.pages.len();
    assert!(n >= 5, "{n} pages");
    let bottom = s.page.height - s.margin.bottom;
    let line = s.font_size * s.line_spacing;
    for p in 0..n - 1 {
        let on: Vec<_> = d.bands.iter().filter(|b| b.page == p).collect();
        let next: Vec<_> = d
            .bands
            .iter()
            .filter(|b| b.page == p + 1 && b.info.kind != BandKind::RunningHeader)
            .collect();
        let gap = bottom - on.last().unwrap().bottom;
        if gap > 2.0 * line {
            // Explained only by a keep: the next page's first band could not have
            // come here without the bands kept with it.
            let last = on.last().unwrap();
            let first = next[0];
            assert!(
                last.penalty > 0.0
                    || first.bottom - first.top > gap
                    || next.iter().take_while(|b| b.penalty > 0.0).count() > 0,
                "page {} leaves {gap:.1} pt empty with no keep to explain it",
                p + 1
            );
        }
        // Page numbers read n / N.
        let folio: String = d.pages[p]
            .runs()
            .filter(|r| r.baseline > bottom)
            .map(|r| r.text())
            .collect();
        assert_eq!(folio, format!("{} / {n}", p + 1));
    }
    // Pages after the first carry the running header with the name.
    for p in 1..n {
        assert!(d.pages[p].runs().take(3).any(|r| r.text() == "Robin"), "page {}", p + 1);
    }
}

#[test]
fn fit_one_page_fits_and_fit_impossible_says_how_many_pages() {
    let dir = fixture_path("");
    let text = std::fs::read_to_string(dir.join("good/fit-one-page.yaml")).unwrap();
    let laid = vitae::lay_out(&text, &vitae::Options::default()).unwrap();
    assert_eq!(laid.doc.pages.len(), 1);
    assert_eq!(laid.notes, vec!["fitted to 1 page at 8.5 pt (85 %)".to_string()]);
    assert!((laid.style.font_size - Pt(8.5)).abs() < 0.051);
    // Without fitting it takes two pages.
    let plain = text.replace("fit_pages: 1", "fit_pages: 5");
    let laid = vitae::lay_out(&plain, &vitae::Options::default()).unwrap();
    assert_eq!(laid.doc.pages.len(), 2);
    assert_eq!(laid.notes, vec!["fitted to 2 pages at 10.0 pt (100 %)".to_string()]);
    // Too much for one page even at 85 %.
    let many = std::fs::read_to_string(dir.join("good/many-pages.yaml")).unwrap();
    let err = vitae::lay_out(
        &many,
        &vitae::Options {
            overrides: vitae::style::Overrides {
                fit_pages: Some(2),
                ..Default::default()
            },
            ..Default::default()
        },
    )
    .unwrap_err();
    assert!(
        err[0]
            .message
            .starts_with("fit_pages: the resume cannot fit in 2 pages: it needs "),
        "{}",
        err[0].message
    );
    assert!(
        err[0]
            .message
            .ends_with(" pages even at the smallest size (85 %, 8.5 pt)"),
        "{}",
        err[0].message
    );
}

fn resume_strategy() -> impl Strategy<Value = String> {
    let word = "[a-z]{1,12}";
    let para = prop::collection::vec(word, 1..60).prop_map(|w| w.join(" "));
    let entry = (
        prop::option::of(para.clone()),
        prop::collection::vec(para.clone(), 0..4),
        any::<bool>(),
    );
    let section = ("[A-Z][a-z]{2,10}", prop::collection::vec(entry, 1..6));
    prop::collection::vec(section, 1..6).prop_map(|sections| {
        let mut y = String::from("name: Random Person\nsections:\n");
        for (title, entries) in sections {
            y.push_str(&format!("  - title: {title}\n    entries:\n"));
            for (k, (title, bullets, dated)) in entries.into_iter().enumerate() {
                match title {
                    Some(t) => {
                        y.push_str(&format!("      - title: \"{t}\"\n"));
                        if dated {
                            y.push_str(&format!("        date: \"{}\"\n", 2000 + k));
                        }
                        if !bullets.is_empty() {
                            y.push_str("        bullets:\n");
                            for b in bullets {
                                y.push_str(&format!("          - \"{b}\"\n"));
                            }
                        }
                    }
                    None => y.push_str(&format!(
                        "      - \"{}\"\n",
                        bullets.join(" ").trim().to_string() + " end"
                    )),
                }
            }
        }
        y
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Nothing is lost or duplicated at page breaks: the pages' words, running headers
    /// and page numbers aside, are the input's, in order; and every rule holds.
    #[test]
    fn pages_hold_the_input_in_order(yaml in resume_strategy()) {
        let (r, s, d, _) = vitae::layout_source(&yaml).unwrap();
        let bottom = s.page.height - s.margin.bottom;
        let mut got = Vec::new();
        for (p, page) in d.pages.iter().enumerate() {
            let rh = d.bands.iter().find(|b| b.page == p && b.info.kind == BandKind::RunningHeader).map(|b| b.bottom).unwrap_or(Pt::ZERO);
            let mut words: Vec<String> = Vec::new();
            let mut prev_end: Option<(Pt, Pt)> = None;
            for run in page.runs().filter(|x| x.baseline > rh && x.baseline < bottom) {
                if run.space { prev_end = None; continue; }
                let t = norm(&run.text());
                let joins = prev_end.is_some_and(|(b, x)| (b - run.baseline).abs() < 0.01 && (x - run.x).abs() < 0.01);
                match words.last_mut() { Some(w) if joins => w.push_str(&t), _ => words.push(t) }
                prev_end = Some((run.baseline, run.x + run.width()));
            }
            got.extend(words.into_iter().filter(|w| !w.is_empty()));
        }
        let mut want = expected_words(&r);
        // dates are not in expected_words; drop them from what the pages hold too
        let dates: Vec<String> = dated(&r).iter().map(|e| norm(&e.date.as_ref().unwrap().text)).collect();
        got.retain(|w| !dates.contains(w));
        // hyphenated words come back in two pieces: join by concatenation
        let joined_got: String = got.concat();
        let joined_want: String = want.concat();
        prop_assert_eq!(joined_got, joined_want);
        want.clear();
        check_page_rules(&s, &d).map_err(TestCaseError::fail)?;
    }
}
