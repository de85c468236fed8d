//! JSON Resume input: the mapping onto vitae's model, the display list of
//! the built PDFs, `convert` and its round trip, diagnostics at JSON positions with
//! JSON Resume field names, and the command line.

mod common;

use common::*;
use std::path::PathBuf;
use vitae::diag::Pos;
use vitae::geom::Pt;
use vitae::markup::plain;
use vitae::model::jsonresume::is_json_resume;
use vitae::model::{Entry, Resume, Text};

/// A JSON Resume converted and checked: the YAML `vitae convert` writes and the resume
/// it loads to, positions in the JSON.
#[derive(Debug)]
struct Conv {
    yaml: String,
    resume: Resume,
}

fn convert(text: &str) -> Result<Conv, Vec<vitae::diag::Diagnostic>> {
    vitae::input::convert_json(text, &Default::default()).map(|c| Conv {
        yaml: c.yaml,
        resume: c.prepared.resume,
    })
}

fn fixture(name: &str) -> PathBuf {
    fixture_path("jsonresume").join(name)
}

fn read(name: &str) -> String {
    std::fs::read_to_string(fixture(name)).unwrap()
}

fn load(name: &str) -> Resume {
    prepare(&read(name)).resume
}

/// Loads a document in either format, with its style.
fn prepare(text: &str) -> vitae::input::Prepared {
    vitae::input::prepare(text, &Default::default()).unwrap_or_else(|e| panic!("{e:?}"))
}

/// An entry on one line: `title | date | subtitle | location | label | text | bullet / bullet`,
/// markup stripped, empty fields left empty.
fn show(e: &Entry) -> String {
    let f = |t: &Option<Text>| t.as_ref().map(|t| plain(&t.inline)).unwrap_or_default();
    let bullets: Vec<String> = e.bullets.iter().map(|b| plain(&b.inline)).collect();
    [
        f(&e.title),
        f(&e.date),
        f(&e.subtitle),
        f(&e.location),
        f(&e.label),
        f(&e.text),
        bullets.join(" / "),
    ]
    .join(" | ")
}

/// The first diagnostic of refusing `json`: `line:column: message | hint: …`.
fn first(json: &str) -> String {
    let errs = vitae::compile(json, &vitae::Options::default()).expect_err("the input must be refused");
    diagnostic_line(&errs[0])
}

const GOOD: [&str; 5] = [
    "full.json",
    "only-basics.json",
    "work-without-dates.json",
    "unknown-key.json",
    "yaml-shape.yaml",
];

#[test]
fn the_complete_resume_maps_every_section_and_field() {
    let r = load("full.json");
    assert_eq!(
        (r.name.text.as_str(), r.name.pos),
        ("Thea Lindqvist-Achebe", Pos::new(4, 13))
    );
    assert_eq!(
        r.headline.as_ref().map(|h| (h.text.as_str(), h.pos)),
        Some(("Geospatial Data Engineer", Pos::new(5, 14)))
    );
    let contact: Vec<(String, Option<&str>)> = r
        .contact
        .iter()
        .map(|c| (plain(&c.shown.inline), c.link.as_deref()))
        .collect();
    assert_eq!(
        contact,
        [
            ("thea@example.com".into(), Some("mailto:thea@example.com")),
            ("+46 8 555 013 37".into(), Some("tel:+46855501337")),
            ("thea.example.com".into(), Some("https://thea.example.com/")),
            ("Stockholm, Stockholm County".into(), None),
            ("GitHub: thea-la".into(), Some("https://code.example.com/thea-la")),
            (
                "Mastodon: @thea@maps.example.social".into(),
                Some("https://maps.example.social/@thea")
            ),
        ]
    );
    let titles: Vec<&str> = r.sections.iter().map(|s| s.title.text.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Summary",
            "Experience",
            "Volunteering",
            "Education",
            "Awards",
            "Certificates",
            "Publications",
            "Skills",
            "Languages",
            "Interests",
            "References",
            "Projects"
        ]
    );
    let entries: Vec<Vec<String>> = r
        .sections
        .iter()
        .map(|s| s.entries.iter().map(show).collect())
        .collect();
    let expected: [&[&str]; 12] = [
        &[
            " |  |  |  |  | Data engineer with ten years of building map tiles, routing graphs and the pipelines that feed them. I care about reproducible builds, honest benchmarks and *nix tools that do one thing well. | ",
            " |  |  |  |  | Currently leading the ingestion team of an open mapping platform used by 40,000 developers. | ",
        ],
        &[
            "Kartverk Labs — Open mapping platform | Mar 2021 – present | Lead Data Engineer | Stockholm, Sweden |  | Leads the five-person team that turns raw OpenStreetMap extracts into vector tiles and routing graphs. | Moved the planet-wide tile build from 19 hours to 4 by splitting it into 2,048 independent tile_range jobs. / Introduced differential checks between nightly builds; they caught 37 broken imports before release.",
            "Nordvik Logistics — Freight routing | Sep 2017 – Feb 2021 | Senior Software Engineer | Gothenburg, Sweden |  | Owned the road-network graph behind route planning for 1,200 trucks. | Built turn-restriction support into the contraction-hierarchy router (C++ and Rust). / Cut the nightly graph rebuild's memory from 96 GB to 22 GB.",
            "Lund University Mapping Group — Research group | Jun 2014 – Aug 2017 | Research Engineer | Lund, Sweden |  | Supported three doctoral projects with data pipelines and field tools. | Wrote the group's GPS trace cleaner, still in use.",
        ],
        &[
            "Open Streets Sweden | Jan 2016 – Dec 2019 | Mapping Coordinator |  |  | Organised monthly mapping parties in Gothenburg. | Trained 150 volunteers in surveying footpaths. / Mapped every bus stop of the Västra Götaland region.",
        ],
        &[
            "KTH Royal Institute of Technology | Aug 2012 – Jun 2014 | MSc, Geoinformatics |  |  | Score: 4.6/5.0 | AG2425 Spatial Databases / AG2413 Cartographic Generalisation",
        ],
        &[
            "Best Open Dataset | Nov 2022 | Nordic Geodata Conference |  |  | For the cleaned national footpath network. | ",
        ],
        &["Certified Kubernetes Administrator | May 2020 | Cloud Native Foundation |  |  |  | "],
        &[
            "Incremental Vector Tiles at Planet Scale | Apr 2023 | Journal of Open Geodata |  |  | How to rebuild only the tiles an edit touches, with proofs of coverage. | ",
        ],
        &[
            " |  |  |  | Languages (Expert) | Rust, C++, Python, SQL | ",
            " |  |  |  | Geodata (Master) | PostGIS, GDAL, OpenStreetMap, vector tiles | ",
        ],
        &[
            " |  |  |  | Swedish | Native speaker | ",
            " |  |  |  | English | Fluent | ",
        ],
        &[" |  |  |  | Orienteering | night courses, map drawing | "],
        &[
            "Dr. Maren Holt, Lund University |  |  |  |  | Thea turned our scattered scripts into a pipeline the whole group could trust. | ",
        ],
        &[
            "tilediff | Feb 2022 – Oct 2023 | Author, Maintainer · application | Kartverk Labs |  | A tool that compares two vector-tile builds and reports what changed. | Used in the release checks of three mapping platforms. / Keywords: Rust, vector tiles",
        ],
    ];
    for (k, want) in expected.iter().enumerate() {
        assert_eq!(entries[k], *want, "section {}", titles[k]);
    }
    // Plain text stays plain: `*nix` is no italic; names with a `url` are links.
    let summary = &r.sections[0].entries[0].text.as_ref().unwrap().inline;
    assert!(summary.iter().all(|s| !s.italic && !s.bold && s.link.is_none()));
    let work0 = r.sections[1].entries[0].title.as_ref().unwrap();
    assert_eq!(work0.inline[0].text, "Kartverk Labs");
    assert_eq!(work0.inline[0].link.as_deref(), Some("https://kartverk.example.com/"));
    assert_eq!(work0.inline[1].text, " — Open mapping platform");
    assert_eq!(work0.inline[1].link, None);
    // Keywords get a bold lead-in, on a line of their own after the highlights.
    let kw = &r.sections[11].entries[0].bullets.last().unwrap().inline;
    assert_eq!(
        kw.iter()
            .filter(|s| s.bold)
            .map(|s| s.text.as_str())
            .collect::<Vec<_>>(),
        ["Keywords:"]
    );
    // Positions are the JSON's: work[2].startDate, the first highlight of work[0].
    let work2 = &r.sections[1].entries[2];
    assert_eq!(work2.pos, Pos::new(59, 5));
    assert_eq!(work2.date.as_ref().unwrap().pos, Pos::new(65, 20));
    assert_eq!(r.sections[1].entries[0].bullets[0].pos, Pos::new(41, 9));
    // meta.vitae.design: A4, the accent colour.
    let s = prepare(&read("full.json")).style;
    assert_eq!(
        (s.page.width, s.page.height),
        (Pt(210.0 * 72.0 / 25.4), Pt(297.0 * 72.0 / 25.4))
    );
    assert_eq!(
        s.accent,
        vitae::geom::Rgb(0x2B as f64 / 255.0, 0x4C as f64 / 255.0, 0x3F as f64 / 255.0)
    );
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
}

#[test]
fn partial_resumes_map_what_they_have() {
    let r = load("only-basics.json");
    let contact: Vec<(String, Option<&str>)> = r
        .contact
        .iter()
        .map(|c| (plain(&c.shown.inline), c.link.as_deref()))
        .collect();
    assert_eq!(
        contact,
        [
            ("jonas@example.org".into(), Some("mailto:jonas@example.org")),
            ("(555) 010-4477".into(), Some("tel:5550104477")),
            ("jonas.example.org".into(), Some("https://jonas.example.org")),
            // No region: the country code takes its place.
            ("Leeds, GB".into(), None),
            // A profile without a username is labelled with its network.
            ("LinkedIn".into(), Some("https://social.example.com/in/jwhitfield")),
        ]
    );
    assert_eq!(r.sections.len(), 1);
    assert_eq!(
        show(&r.sections[0].entries[0]),
        " |  |  |  |  | Technical writer who turns engineers' notes into manuals people finish reading. | "
    );

    let r = load("work-without-dates.json");
    assert_eq!((r.headline.as_ref(), r.contact.len()), (None, 0));
    let entries: Vec<String> = r.sections[0].entries.iter().map(show).collect();
    assert_eq!(
        entries,
        [
            "Harbour Bakery |  | Head Baker |  |  |  | Ran the night shift of four bakers. / Wrote down the sourdough process so that anyone could follow it.",
            // Without a `name`, the position is the title.
            "Freelance Pastry Chef |  |  |  |  | Weddings and events around Bristol. | ",
        ]
    );

    // YAML in the JSON Resume shape, with a top-level `vitae.design`; years as numbers.
    let p = prepare(&read("yaml-shape.yaml"));
    let r = p.resume;
    assert_eq!(p.style.date_column, vitae::style::DateColumn::Left);
    assert_eq!(p.style.page.width, Pt(210.0 * 72.0 / 25.4));
    assert_eq!(
        show(&r.sections[0].entries[0]),
        "Universitat Politècnica de València | 2016 – 2020 | Grau, Enginyeria Mecànica |  |  |  | "
    );
    assert_eq!(r.sections[0].entries[0].title.as_ref().unwrap().pos, Pos::new(11, 18));
}

#[test]
fn dates_as_json_resume_writes_them() {
    let work = |dates: &str| {
        let r = prepare(&format!(
            "{{\"basics\": {{\"name\": \"A\"}}, \"work\": [{{\"name\": \"W\"{dates}}}]}}"
        ))
        .resume;
        show(&r.sections[0].entries[0])
    };
    // No endDate: ongoing. An endDate alone: one date. "present" is accepted.
    assert_eq!(work(", \"startDate\": \"2019\""), "W | 2019 – present |  |  |  |  | ");
    assert_eq!(work(", \"endDate\": \"2019-06-30\""), "W | Jun 2019 |  |  |  |  | ");
    assert_eq!(
        work(", \"startDate\": \"2019-02\", \"endDate\": \"Present\""),
        "W | Feb 2019 – present |  |  |  |  | "
    );
    assert_eq!(
        work(", \"startDate\": \"2019-02\", \"endDate\": \"2019-06\""),
        "W | Feb – Jun 2019 |  |  |  |  | "
    );
    assert_eq!(work(", \"startDate\": \"\", \"endDate\": null"), "W |  |  |  |  |  | ");
}

#[test]
fn every_good_fixture_meets_the_display_list_checks() {
    for name in GOOD {
        let laid = vitae::lay_out(&read(name), &vitae::Options::default()).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        check_margins(&laid.style, &laid.doc, 0.01).unwrap_or_else(|e| panic!("{name}: {e}"));
        check_overlaps(&laid.doc, 0.01).unwrap_or_else(|e| panic!("{name}: {e}"));
        check_order(&expected_words(&laid.resume), &laid.doc).unwrap_or_else(|e| panic!("{name}: {e}"));
        let n = check_dates(&laid.resume, &laid.style, &laid.doc, 0.01).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(n, dated(&laid.resume).len(), "{name}");
        let pages = if name == "full.json" { 2 } else { 1 };
        assert_eq!(laid.doc.pages.len(), pages, "{name}");
        // Every link of the JSON is clickable: the email's mailto:, the phone's tel:,
        // basics.url, two profiles, and the names of the entries with a url (three in
        // work, one each in volunteer, education, certificates, publications, projects).
        if name == "full.json" {
            let targets: std::collections::BTreeSet<String> =
                links(&laid.doc).into_iter().map(|(_, l)| l.uri).collect();
            assert_eq!(targets.len(), 5 + 3 + 5, "{targets:?}");
            assert!(
                targets.contains("https://nordvik.example.com/")
                    && targets.contains("https://code.example.com/thea-la/tilediff"),
                "{targets:?}"
            );
        }
    }
}

#[test]
fn converting_then_building_gives_the_same_pdf() {
    for name in GOOD {
        let json = read(name);
        let converted = convert(&json).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        assert!(
            !is_json_resume(&converted.yaml),
            "{name}: the YAML is vitae's own format"
        );
        assert!(
            converted.yaml.starts_with(
                "# A resume for vitae (docs/format.md), converted from a JSON Resume by `vitae convert`.\n"
            )
        );
        let options = vitae::Options::default();
        let direct = vitae::compile(&json, &options).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        let via_yaml = vitae::compile(&converted.yaml, &options).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        assert!(direct.pdf == via_yaml.pdf, "{name}: the PDFs differ");
        assert!(via_yaml.warnings.is_empty(), "{name}: {:?}", via_yaml.warnings);
        // The same model but for positions.
        assert_eq!(
            expected_words(&converted.resume),
            expected_words(&vitae::model::load(&converted.yaml).unwrap()),
            "{name}"
        );
    }
}

#[test]
fn the_converted_yaml_is_commented_and_readable() {
    let c = convert(&read("work-without-dates.json")).unwrap();
    assert_eq!(
        c.yaml,
        "# A resume for vitae (docs/format.md), converted from a JSON Resume by `vitae convert`.
# Building this file gives the same PDF as building the JSON Resume itself. The
# comments name the JSON Resume field each part came from; edit freely from here.

name: Priya Raman

sections:
  # from `work`
  - title: Experience
    entries:
      # work[0]
      - title: Harbour Bakery
        subtitle: Head Baker
        bullets:
          - Ran the night shift of four bakers.
          - Wrote down the sourdough process so that anyone could follow it.
      # work[1]
      - title: Freelance Pastry Chef
        text: Weddings and events around Bristol.
"
    );
    let full = convert(&read("full.json")).unwrap().yaml;
    assert!(full.contains("\n# Not shown (vitae has no place for them):\n#   basics.image\n#   basics.location.address\n#   basics.location.postalCode\n#   basics.location.countryCode\n#   meta.canonical\n#   meta.version\n#   meta.lastModified\n"), "{full}");
    assert!(full.contains("\n      - title: \"[Kartverk Labs](https://kartverk.example.com/) — Open mapping platform\"\n        start: 2021-03\n        end: present\n"), "{full}");
    assert!(full.contains("honest benchmarks and \\*nix tools"), "{full}");
    assert!(
        full.ends_with("# from `meta.vitae.design`\ndesign:\n  page: a4\n  accent_color: \"#2B4C3F\"\n"),
        "{full}"
    );
}

#[test]
fn errors_point_at_the_json_with_json_resume_field_names() {
    let render = |name: &str| {
        let text = read(name);
        let errs = vitae::compile(&text, &vitae::Options::default()).unwrap_err();
        errs.iter()
            .map(|d| d.render(name, &text))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(
        render("bad-date.json"),
        "error: work[2].startDate: `2019-13` has no month 13 (a month is 01 to 12)
 --> bad-date.json:8:40
  |
8 |     { \"name\": \"Third Co\", \"startDate\": \"2019-13\", \"endDate\": \"2021-06\" }
  |                                        ^^^^^^^^^
  |
  = help: JSON Resume dates are ISO 8601: `2019`, `2019-06` or `2019-06-30`; leave `endDate` out while it lasts"
    );
    assert_eq!(
        render("wrong-type.json"),
        "error: work[0].highlights: wrong type: expected a list of text (`[ … ]` in JSON), found text
 --> wrong-type.json:8:21
  |
8 |       \"highlights\": \"Shipped the new billing system.\"
  |                     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^"
    );
    let b = |rest: &str| format!("{{\n  \"basics\": {{\"name\": \"A\"{rest}}}\n}}\n");
    assert_eq!(
        first(
            "{\"basics\": {\"name\": \"A\"},\n\"work\": [{\"name\": \"W\", \"startDate\": \"2020-05\", \"endDate\": \"2019\"}]}"
        ),
        "2:59: work[0].endDate: `2019` is before the startDate `2020-05`"
    );
    assert_eq!(
        first(&b(", \"url\": \"example.com\"")),
        "2:34: basics.url: link `example.com` has no scheme (expected a URL starting with http:, https:, mailto: or tel:) | hint: write the whole address: `https://example.com`"
    );
    assert_eq!(
        first(&b(", \"profiles\": [{\"network\": \"X\", \"url\": \"ftp://x.org\"}]")),
        "2:64: basics.profiles[0].url: link `ftp://x.org` uses the scheme `ftp`, which is not allowed (expected http:, https:, mailto: or tel:)"
    );
    // Checked by vitae's own rules on the generated text, reported at the JSON.
    assert_eq!(
        first(&b(", \"email\": \"ada@\"")),
        "2:36: basics.email: email `ada@` is not an email address (expected name@domain.tld)"
    );
    assert_eq!(
        first(&b(", \"phone\": \"call me\"")),
        "2:36: basics.phone: phone `call me` is not a phone number (expected digits, spaces, dots, dashes, parentheses and a leading +)"
    );
    assert_eq!(
        first(&b(", \"location\": \"Leeds\"")),
        "2:39: basics.location: wrong type: expected a mapping (`{ … }` in JSON), found text"
    );
    assert_eq!(
        first("{\"work\": [{\"name\": \"W\"}]}"),
        "1:1: missing `basics.name` (the person's name, set large at the top)"
    );
    assert_eq!(
        first("{\"basics\": {\"label\": \"x\"}}"),
        "1:12: missing `basics.name` (the person's name, set large at the top)"
    );
    assert_eq!(
        first("{\"basics\": [\"A\"]}"),
        "1:12: basics: wrong type: expected a mapping (`{ … }` in JSON), found a list"
    );
    // Syntax errors and a key given twice, at the JSON's position.
    assert_eq!(
        first("{\"basics\": {\"name\": \"A\", \"name\": \"B\"}}"),
        "1:26: duplicate key `name` (a key may appear only once in a mapping)"
    );
    assert_eq!(
        first("{\"basics\": {\"name\": \"A\"}\n\"work\": []}"),
        "2:1: while parsing a flow mapping, did not find expected ',' or '}' | hint: in JSON, the members of an object and the items of a list are separated by commas, and every `{` and `[` is closed"
    );
}

#[test]
fn design_keys_go_in_meta_vitae_design() {
    let with = |design: &str| {
        format!(
            "{{\n  \"basics\": {{\"name\": \"A\", \"summary\": \"Hi.\"}},\n  \"meta\": {{\"vitae\": {{\"design\": {design}}}}}\n}}\n"
        )
    };
    let s = prepare(&with(
        "{\"page\": \"a4\", \"margin\": {\"top\": \"1in\"}, \"justify\": false, \"line_spacing\": 1.3}",
    ))
    .style;
    assert_eq!((s.margin.top, s.justify, s.line_spacing), (Pt(72.0), false, 1.3));
    // vitae's messages about design keys name the key in the JSON.
    assert_eq!(
        first(&with("{\"accent_color\": \"#12345G\"}")),
        "3:49: meta.vitae.design.accent_color: `#12345G` is not a colour (expected #RRGGBB, six hexadecimal digits) | hint: write a colour as `#` and six hexadecimal digits, in quotes: \"#1F3A5F\""
    );
    assert_eq!(
        first(&with("{\"secton_rule\": true}")),
        "3:33: meta.vitae.design: unknown key `secton_rule`, expected one of theme, page, margin, font, font_size, line_spacing, accent_color, link_color, justify, hyphenate, microtype, language, date_column, date_align, section_title, section_rule, contact_separator, contact_icons, page_numbers, running_header, fit_pages | hint: did you mean `section_rule`?"
    );
    assert_eq!(
        first(&with("{\"line_spacing\": \"wide\"}")),
        "3:49: meta.vitae.design.line_spacing: wrong type: expected a number such as 1.2"
    );
    assert_eq!(
        first(&with("\"a4\"")),
        "3:32: meta.vitae.design: wrong type: expected a mapping of vitae's design keys (`{ \"page\": \"a4\" }`), found text"
    );
    // fit_pages is found out only after layout, still at its JSON position.
    let long = format!(
        "{{\"basics\": {{\"name\": \"A\"}},\n\"meta\": {{\"vitae\": {{\"design\": {{\"fit_pages\": 1}}}}}},\n\"work\": [{}]}}",
        vec!["{\"name\": \"W\", \"summary\": \"Some words to fill the page, over and over again.\"}"; 80].join(", ")
    );
    assert_eq!(
        first(&long),
        "2:44: fit_pages: the resume cannot fit in 1 page: it needs 4 pages even at the smallest size (85 %, 8.5 pt) | hint: shorten it, or ask for more pages"
    );
    // A top-level `vitae.design` works too, but not both.
    let s = prepare(
        "{\"basics\": {\"name\": \"A\", \"summary\": \"Hi.\"}, \"vitae\": {\"design\": {\"theme\": \"compact\"}}}",
    )
    .style;
    assert_eq!(s.font_size, Pt(9.5));
    assert_eq!(
        first(
            "{\"basics\": {\"name\": \"A\"},\n\"meta\": {\"vitae\": {\"design\": {}}},\n\"vitae\": {\"design\": {}}}"
        ),
        "3:21: `vitae.design` and `meta.vitae.design` are both given: keep one (`meta.vitae.design` keeps the file valid JSON Resume)"
    );
}

#[test]
fn unknown_keys_are_warnings_and_the_resume_builds() {
    let out = vitae::compile(&read("unknown-key.json"), &vitae::Options::default()).unwrap();
    let warnings: Vec<String> = out.warnings.iter().map(diagnostic_line).collect();
    assert_eq!(
        warnings,
        [
            "10:7: `work[0].statDate` is not a JSON Resume field; vitae ignores it | hint: did you mean `startDate`?",
            "14:3: `hobbies` is not a JSON Resume field; vitae ignores it",
        ]
    );
    assert!(
        out.warnings
            .iter()
            .all(|w| w.severity == vitae::diag::Severity::Warning)
    );
    assert!(
        vitae::compile(
            &read("unknown-key.json"),
            &vitae::Options {
                deny_warnings: true,
                ..Default::default()
            }
        )
        .is_err()
    );
    // An item with nothing to show, and a résumé with nothing under its header.
    let out = vitae::compile(
        "{\"basics\": {\"name\": \"A\"},\n\"work\": [{\"name\": \"W\"}, {\"highlights\": []}]}",
        &vitae::Options::default(),
    )
    .unwrap();
    assert_eq!(
        out.warnings.iter().map(diagnostic_line).collect::<Vec<_>>(),
        ["2:25: `work[1]` has nothing vitae can show; it is left out"]
    );
    let out = vitae::compile("{\"basics\": {\"name\": \"A\"}}", &vitae::Options::default()).unwrap();
    assert_eq!(
        out.warnings.iter().map(diagnostic_line).collect::<Vec<_>>(),
        [
            "1:12: nothing to set under the header: no `basics.summary` and no entries in `work`, `education` or any other list"
        ]
    );
    // Layout's warnings are at the JSON too.
    let out = vitae::compile(
        "{\"basics\": {\"name\": \"A\", \"summary\": \"Hi \u{10FFFD}.\"}}",
        &vitae::Options::default(),
    )
    .unwrap();
    assert_eq!(
        out.warnings.iter().map(diagnostic_line).collect::<Vec<_>>(),
        [
            "1:37: no font has the character '\u{10FFFD}' (U+10FFFD): neither the text face, nor the bundled DejaVu Sans, nor any installed font; it is shown as an empty box in section 'Summary', entry 1 text | hint: install a font that has it (`vitae fonts` lists what is installed), or choose one with `design.font`"
        ]
    );
}

#[test]
fn convert_refuses_what_is_not_a_json_resume() {
    let err = |text: &str| {
        convert(text)
            .unwrap_err()
            .iter()
            .map(diagnostic_line)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        err("name: A\nsections: []\n"),
        [
            "0:0: this is a resume in vitae's own format already (it has `name` or `sections`): there is nothing to convert"
        ]
    );
    assert_eq!(
        err("{\"hobbies\": []}"),
        [
            "0:0: not a JSON Resume: expected a mapping with `basics` and the other keys of https://jsonresume.org/schema"
        ]
    );
}

mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]
        /// Any text in a JSON Resume field reads back as written (line breaks and runs
        /// of white space made one space): markup characters are escaped, YAML's are
        /// quoted, and the generated YAML loads to the same text.
        #[test]
        fn text_survives_the_conversion(s in "[ a-zA-Z0-9*_\\[\\]<>()\\\\\"'#:&!|%@`{},?\\-\n\t~.é]{1,40}") {
            let json = serde_json::json!({ "basics": { "name": "A", "label": s.clone() }, "work": [{ "name": s.clone(), "highlights": [s.clone()] }] }).to_string();
            let want = s.split_whitespace().collect::<Vec<_>>().join(" ");
            prop_assume!(!want.is_empty());
            let c = convert(&json).unwrap();
            let again = vitae::model::load(&c.yaml).unwrap();
            for r in [&c.resume, &again] {
                prop_assert_eq!(plain(&r.headline.as_ref().unwrap().inline), want.clone());
                prop_assert_eq!(plain(&r.sections[0].entries[0].title.as_ref().unwrap().inline), want.clone());
                prop_assert_eq!(plain(&r.sections[0].entries[0].bullets[0].inline), want.clone());
            }
        }
    }
}

mod hostile {
    use proptest::prelude::*;
    use serde_json::Value;

    const KEYS: [&str; 34] = [
        "basics",
        "work",
        "education",
        "skills",
        "projects",
        "awards",
        "meta",
        "vitae",
        "design",
        "name",
        "label",
        "email",
        "url",
        "summary",
        "location",
        "city",
        "profiles",
        "network",
        "position",
        "startDate",
        "endDate",
        "highlights",
        "keywords",
        "date",
        "releaseDate",
        "institution",
        "studyType",
        "fit_pages",
        "page",
        "accent_color",
        "font_size",
        "margin",
        "titel",
        "x",
    ];

    fn leaf() -> impl Strategy<Value = Value> {
        prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            (-3000i64..3000).prop_map(Value::from),
            prop::sample::select(vec![
                "2019",
                "2019-06",
                "2019-13",
                "2021-02-30",
                "present",
                "",
                "https://e.org/x",
                "e.org",
                "a@b.cd",
                "a4",
                "#123456",
                "1in",
                "9pt",
                "3"
            ])
            .prop_map(Value::from),
            "[ a-z*_\\[\\]<>()\\\\\"#:{},\n-]{0,12}".prop_map(Value::from),
        ]
    }

    fn tree() -> impl Strategy<Value = Value> {
        leaf().prop_recursive(4, 40, 5, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
                prop::collection::vec((prop::sample::select(KEYS.to_vec()), inner), 0..5).prop_map(object),
            ]
        })
    }

    fn object(kv: Vec<(&str, Value)>) -> Value {
        Value::Object(kv.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
    }

    /// Mostly the shape JSON Resume has (lists of objects of text and lists of text),
    /// sometimes anything.
    fn section() -> impl Strategy<Value = Value> {
        let field =
            prop_oneof![6 => leaf(), 2 => prop::collection::vec(leaf(), 0..3).prop_map(Value::Array), 1 => tree()];
        let item = prop::collection::vec((prop::sample::select(KEYS.to_vec()), field), 0..7).prop_map(object);
        prop_oneof![6 => prop::collection::vec(item.clone(), 0..4).prop_map(Value::Array), 2 => item, 1 => tree()]
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]
        /// Whatever the document holds, the build gives a PDF or errors, and every
        /// position it reports is the start of a key or a value in the JSON itself
        /// (never a place in the generated YAML).
        #[test]
        fn every_position_is_a_json_value(top in prop::collection::vec((prop::sample::select(KEYS[..8].to_vec()), section()), 1..6), name in 0..10u8) {
            let mut doc = serde_json::Map::new();
            for (k, v) in top {
                doc.insert(k.to_string(), v);
            }
            if name > 0 {
                let basics = doc.entry("basics").or_insert(Value::Null);
                if !basics.is_object() {
                    *basics = serde_json::json!({});
                }
                basics.as_object_mut().unwrap().insert("name".into(), Value::from("A"));
            }
            let text = serde_json::to_string_pretty(&Value::Object(doc)).unwrap();
            let diags = match vitae::compile(&text, &vitae::Options::default()) {
                Ok(out) => out.warnings,
                Err(errs) => errs,
            };
            let lines: Vec<Vec<char>> = text.lines().map(|l| l.chars().collect()).collect();
            for d in diags.iter().filter(|d| d.pos.is_known()) {
                let at = lines.get(d.pos.line as usize - 1).and_then(|l| l.get(d.pos.column as usize - 1)).copied();
                prop_assert!(at.is_some_and(|c| "\"{[-0123456789tfn".contains(c)), "{} at {:?} ({:?}) in\n{}", d.message, d.pos, at, text);
            }
        }
    }
}

// --- The command line -------------------------------------------------------------

#[test]
fn build_convert_and_check_from_the_command_line() {
    let dir = tempdir("cli");
    std::fs::copy(fixture("full.json"), dir.join("resume.json")).unwrap();
    // build x.json → x.pdf
    let o = vitae(&["build", "resume.json"], &dir);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).starts_with("resume.pdf: 2 pages, "), "{}", stderr(&o));
    let pdf = std::fs::read(dir.join("resume.pdf")).unwrap();
    // convert x.json → x.yaml, which builds into the same bytes.
    let o = vitae(&["convert", "resume.json"], &dir);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        stderr(&o),
        "resume.yaml: written; build it with `vitae build resume.yaml`\n"
    );
    let o = vitae(&["build", "resume.yaml", "-o", "from-yaml.pdf"], &dir);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        std::fs::read(dir.join("from-yaml.pdf")).unwrap() == pdf,
        "converting then building changed the PDF"
    );
    // An existing file is kept unless --force; `-o -` writes to standard output.
    std::fs::write(dir.join("resume.yaml"), "mine").unwrap();
    let o = vitae(&["convert", "resume.json"], &dir);
    assert_eq!(o.status.code(), Some(3));
    assert_eq!(
        stderr(&o),
        "resume.yaml: error: the file exists; use --force to overwrite it\n"
    );
    assert_eq!(std::fs::read_to_string(dir.join("resume.yaml")).unwrap(), "mine");
    assert_eq!(
        vitae(&["convert", "resume.json", "--force"], &dir).status.code(),
        Some(0)
    );
    let yaml = std::fs::read_to_string(dir.join("resume.yaml")).unwrap();
    let o = vitae(&["convert", "resume.json", "-o", "-"], &dir);
    assert_eq!(
        (
            o.status.code(),
            String::from_utf8(o.stdout.clone()).unwrap(),
            stderr(&o)
        ),
        (Some(0), yaml.clone(), String::new())
    );
    assert_eq!(yaml, convert(&read("full.json")).unwrap().yaml);
    // check: ok, with the page count.
    let o = vitae(&["check", "resume.json"], &dir);
    assert_eq!(
        (o.status.code(), stderr(&o)),
        (Some(0), "resume.json: ok, 2 pages\n".to_string())
    );
}

#[test]
fn command_line_errors_and_warnings() {
    let dir = tempdir("cli-err");
    for f in ["bad-date.json", "unknown-key.json", "yaml-shape.yaml"] {
        std::fs::copy(fixture(f), dir.join(f)).unwrap();
    }
    // A bad input: nothing written, the JSON position named.
    let o = vitae(&["convert", "bad-date.json"], &dir);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains(" --> bad-date.json:8:40\n"), "{}", stderr(&o));
    assert!(
        stderr(&o).ends_with("bad-date.json: 1 error found; nothing written\n"),
        "{}",
        stderr(&o)
    );
    let o = vitae(&["build", "bad-date.json"], &dir);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).starts_with(
            "error: work[2].startDate: `2019-13` has no month 13 (a month is 01 to 12)\n --> bad-date.json:8:40\n"
        ),
        "{}",
        stderr(&o)
    );
    // Warnings: printed, the build goes on; --deny-warnings refuses.
    let o = vitae(&["check", "unknown-key.json"], &dir);
    assert_eq!(o.status.code(), Some(0));
    assert!(
        stderr(&o).starts_with(
            "warning: `work[0].statDate` is not a JSON Resume field; vitae ignores it\n  --> unknown-key.json:10:7\n"
        ),
        "{}",
        stderr(&o)
    );
    assert!(stderr(&o).ends_with("unknown-key.json: ok, 1 page\n"), "{}", stderr(&o));
    assert_eq!(
        vitae(&["check", "--deny-warnings", "unknown-key.json"], &dir)
            .status
            .code(),
        Some(1)
    );
    let o = vitae(&["convert", "unknown-key.json"], &dir);
    assert_eq!(o.status.code(), Some(0));
    assert!(
        stderr(&o).contains("= help: did you mean `startDate`?\n"),
        "{}",
        stderr(&o)
    );
    // A JSON Resume in YAML would be converted onto itself: -o is needed.
    let o = vitae(&["convert", "yaml-shape.yaml"], &dir);
    assert_eq!(o.status.code(), Some(3));
    assert_eq!(
        stderr(&o),
        "yaml-shape.yaml: error: the output yaml-shape.yaml is the input itself; choose another path with -o\n"
    );
    assert_eq!(
        vitae(&["convert", "yaml-shape.yaml", "-o", "vitae.yaml"], &dir)
            .status
            .code(),
        Some(0)
    );
    // A vitae resume converts to a JSON Resume only (tests/jsonresume_out.rs).
    let o = vitae(&["convert", "vitae.yaml", "-o", "again.yaml"], &dir);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o),
        "vitae.yaml: error: this is a resume in vitae's format already; convert writes a JSON Resume from it (-o vitae.json), and `vitae expand` the YAML a build sets\n"
    );
    assert!(
        !dir.join("again.yaml").exists() && !dir.join("bad-date.yaml").exists() && !dir.join("bad-date.pdf").exists()
    );
}

/// Found by a new user: an end before its start was reported twice, once in JSON
/// Resume's terms and once by vitae's own check of the generated resume.
#[test]
fn an_end_before_its_start_is_one_error() {
    let errs = vitae::compile("{\"basics\": {\"name\": \"A\"},\n \"work\": [{\"name\": \"W\", \"startDate\": \"2019-01\", \"endDate\": \"2018-01\"}]}\n", &vitae::Options::default()).unwrap_err();
    let got: Vec<String> = errs
        .iter()
        .map(|d| format!("{}:{}: {}", d.pos.line, d.pos.column, d.message))
        .collect();
    assert_eq!(
        got,
        ["2:60: work[0].endDate: `2018-01` is before the startDate `2019-01`"]
    );
}

/// Issue 22 item 9, found by new users: the did-you-mean warning kept beside an
/// error, a trailing comma refused at its position, keywords apart from the
/// description, `Berlin, Berlin` once (`vitae check` and the converted resume).
#[test]
fn issue_22_json_resume_findings() {
    let dir = tempdir("issue22-json");
    let files = [
        (
            "typo-and-error.json",
            "{\n  \"basics\": {\"name\": \"Ann\"},\n  \"work\": [{\"name\": \"W\", \"statDate\": \"2019-01\", \"endDate\": \"2019-13\"}]\n}\n",
        ),
        (
            "trailing.json",
            "{\n  \"basics\": {\"name\": \"Ann\"},\n  \"work\": [{\"name\": \"W\"},]\n}\n",
        ),
    ];
    let mut got = String::new();
    for (name, text) in files {
        std::fs::write(dir.join(name), text).unwrap();
        let o = vitae(&["check", name], &dir);
        got.push_str(&format!("{name}: {:?}\n{}", o.status.code(), stderr(&o)));
    }
    let r = convert(
        "{\"basics\": {\"name\": \"Ann\", \"location\": {\"city\": \"Berlin\", \"region\": \"Berlin\"}},\n \"projects\": [{\"name\": \"P\", \"description\": \"A tool.\", \"keywords\": [\"Rust\", \"Go\"]}]}\n",
    )
    .unwrap();
    let p = &r.resume.sections[0].entries[0];
    got.push_str(&format!("{}\n{}", show(p), r.yaml));
    assert_eq!(
        got,
        concat!(
            "typo-and-error.json: Some(1)\n",
            "error: work[0].endDate: `2019-13` has no month 13 (a month is 01 to 12)\n",
            " --> typo-and-error.json:3:60\n",
            "  |\n",
            "3 |   \"work\": [{\"name\": \"W\", \"statDate\": \"2019-01\", \"endDate\": \"2019-13\"}]\n",
            "  |                                                            ^^^^^^^^^\n",
            "  |\n",
            "  = help: JSON Resume dates are ISO 8601: `2019`, `2019-06` or `2019-06-30`; leave `endDate` out while it lasts\n",
            "warning: `work[0].statDate` is not a JSON Resume field; vitae ignores it\n",
            " --> typo-and-error.json:3:26\n",
            "  |\n",
            "3 |   \"work\": [{\"name\": \"W\", \"statDate\": \"2019-01\", \"endDate\": \"2019-13\"}]\n",
            "  |                          ^^^^^^^^^^\n",
            "  |\n",
            "  = help: did you mean `startDate`?\n",
            "typo-and-error.json: 1 error found\n",
            "trailing.json: Some(1)\n",
            "error: trailing comma: in JSON a `,` must be followed by another value, not by the `]` that ends the array\n",
            " --> trailing.json:3:25\n",
            "  |\n",
            "3 |   \"work\": [{\"name\": \"W\"},]\n",
            "  |                         ^\n",
            "  |\n",
            "  = help: remove the comma\n",
            "trailing.json: 1 error found\n",
            "P |  |  |  |  | A tool. | Keywords: Rust, Go\n",
            "# A resume for vitae (docs/format.md), converted from a JSON Resume by `vitae convert`.\n",
            "# Building this file gives the same PDF as building the JSON Resume itself. The\n",
            "# comments name the JSON Resume field each part came from; edit freely from here.\n",
            "\n",
            "name: Ann\n",
            "contact:\n",
            "  - location: Berlin\n",
            "\n",
            "sections:\n",
            "  # from `projects`\n",
            "  - title: Projects\n",
            "    entries:\n",
            "      # projects[0]\n",
            "      - title: P\n",
            "        text: A tool.\n",
            "        bullets:\n",
            "          - \"**Keywords:** Rust, Go\"\n",
        )
    );
}
