//! JSON Resume output (issue 19): `vitae convert cv.yaml -o resume.json` and the
//! `json` build format. Converting the JSON back gives the same resume: the PDFs
//! built from the YAML and from its JSON Resume are byte-identical, for every good
//! fixture, the example and every variant; the exact output for `full.yaml` is a
//! golden file. Also `--all-variants` × `--format`.

mod common;

use common::{fixture_path, names, root, stderr, tempdir, vitae, yaml_fixtures};
use vitae::model::jsonresume::export::export;
use vitae::model::variant::{Select, variants};

/// The good fixtures (the project's and the shared ones) and the example.
fn sources() -> Vec<std::path::PathBuf> {
    let mut v = yaml_fixtures("good");
    let shared = root().join("../shared/fixtures/good");
    let shared = if shared.is_dir() {
        shared
    } else {
        std::path::PathBuf::from("/work/shared/fixtures/good")
    };
    if let Ok(rd) = std::fs::read_dir(&shared) {
        let mut more: Vec<_> = rd
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
            .collect();
        more.sort();
        v.extend(more);
    }
    v.push(root().join("resume.yaml"));
    v
}

/// The PDF of one build (a fixed date, so that two builds compare byte for byte).
fn pdf(text: &str, select: &Select) -> Result<Vec<u8>, String> {
    let options = vitae::Options {
        date: Some(1_700_000_000),
        select: select.clone(),
        ..Default::default()
    };
    vitae::compile(text, &options)
        .map(|o| o.pdf)
        .map_err(|e| format!("{e:?}"))
}

/// The resume loaded, every position cleared (the JSON's lines are not the YAML's).
fn resume(text: &str, select: &Select) -> String {
    let p = vitae::input::prepare_for(text, &Default::default(), select).unwrap();
    let debug = format!("{:?}", p.resume);
    let mut out = String::new();
    let mut rest = debug.as_str();
    while let Some(i) = rest.find("Pos { line: ") {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest.find('}').unwrap() + 1;
        out.push_str("Pos");
        rest = &rest[end..];
    }
    out.push_str(rest);
    // The warnings name positions in their own file: compared apart.
    out.split(", warnings: ").next().unwrap().to_string()
}

/// The round trip: for every good fixture and the example, the JSON Resume converts
/// back to the same typed resume and the same PDF, in the whole build and in each
/// variant; the JSON builds with no warning the YAML does not give.
#[test]
fn converting_back_gives_the_same_resume_and_pdf() {
    let all = sources();
    assert!(all.len() >= 22, "{} sources", all.len());
    for path in all {
        let text = std::fs::read_to_string(&path).unwrap();
        let shown = path.display();
        let json = export(&text).unwrap_or_else(|d| panic!("{shown}: {d:?}"));
        assert!(vitae::model::jsonresume::is_json_resume(&json), "{shown}");
        let mut selects = vec![Select::default()];
        selects.extend(variants(&text).unwrap().into_iter().map(|v| Select {
            variant: Some(v.name),
            language: None,
        }));
        for select in &selects {
            let what = format!("{shown} {:?}", select.variant);
            assert_eq!(
                resume(&json, select),
                resume(&text, select),
                "{what}: the resume differs"
            );
            let (a, b) = (pdf(&text, select), pdf(&json, select));
            assert!(a.is_ok(), "{what}: {a:?}");
            assert!(a == b, "{what}: the PDFs differ ({:?})", b.as_ref().map(Vec::len));
            let warnings = |t: &str| {
                vitae::input::prepare_for(t, &Default::default(), select)
                    .unwrap()
                    .warnings
                    .iter()
                    .map(|d| d.message.clone())
                    .collect::<Vec<_>>()
            };
            assert_eq!(warnings(&json), warnings(&text), "{what}");
        }
    }
}

/// The exact JSON Resume of `full.yaml` (`VITAE_BLESS=1` rewrites the golden file).
#[test]
fn full_yaml_as_json_resume_is_the_golden_file() {
    let text = std::fs::read_to_string(fixture_path("good/full.yaml")).unwrap();
    let got = export(&text).unwrap();
    let path = root().join("tests/golden/full.json");
    if std::env::var_os("VITAE_BLESS").is_some() {
        std::fs::write(&path, &got).unwrap();
    }
    let want = std::fs::read_to_string(&path).unwrap();
    assert_eq!(
        got, want,
        "differs from tests/golden/full.json (VITAE_BLESS=1 rewrites it)"
    );
    // Valid JSON, with the schema's own fields filled.
    let v: serde_json::Value = serde_json::from_str(&got).unwrap();
    assert_eq!(v["basics"]["name"], "Priya Natarajan-Okafor");
    assert_eq!(v["basics"]["email"], "priya.no@example.org");
    assert_eq!(v["work"][0]["name"], "Lattice Data Ltd");
    assert_eq!(v["work"][0]["startDate"], "2019-03");
    assert_eq!(v["meta"]["vitae"]["sections"][1]["shown_as"], "work");
}

/// A standard field edited after the export (it no longer matches what `meta.vitae`
/// renders to) is reported, not dropped silently.
#[test]
fn an_edited_standard_field_is_a_warning() {
    let text = std::fs::read_to_string(fixture_path("good/full.yaml")).unwrap();
    let json = export(&text).unwrap();
    let edited = json.replacen("\"Lattice Data Ltd\"", "\"Lattice Data plc\"", 1);
    assert_ne!(edited, json);
    let p = vitae::input::prepare(&edited, &Default::default()).unwrap();
    let messages: Vec<String> = p.warnings.iter().map(|d| d.message.clone()).collect();
    assert_eq!(
        messages,
        [
            "`work` differs from what vitae renders `meta.vitae.sections[1].section` to, and vitae sets `meta.vitae.sections[1].section`: make the same edit there, or delete it from `meta.vitae.sections` to set `work`"
        ]
    );
    let edited = json.replacen("\"priya.no@example.org\"", "\"p@example.org\"", 1);
    let p = vitae::input::prepare(&edited, &Default::default()).unwrap();
    assert_eq!(p.warnings.len(), 1, "{:?}", p.warnings);
    assert!(
        p.warnings[0]
            .message
            .starts_with("`basics` differs from what vitae renders `meta.vitae.contact` to")
    );
}

/// The command line: `convert cv.yaml` writes `cv.json` (kept unless --force),
/// `-o -` writes to standard output, a YAML output name is refused; the build writes
/// `.json` by extension and by `--format json`, the same text.
#[test]
fn convert_and_build_write_json_resume() {
    let dir = tempdir("json-out");
    std::fs::copy(fixture_path("good/full.yaml"), dir.join("cv.yaml")).unwrap();
    let want = std::fs::read_to_string(root().join("tests/golden/full.json")).unwrap();
    let o = vitae(&["convert", "cv.yaml"], &dir);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        stderr(&o),
        "cv.json: written (JSON Resume v1.0.0, vitae's own parts under meta.vitae); build it with `vitae build cv.json`\n"
    );
    assert_eq!(std::fs::read_to_string(dir.join("cv.json")).unwrap(), want);
    let o = vitae(&["convert", "cv.yaml"], &dir);
    assert_eq!(o.status.code(), Some(3));
    assert_eq!(
        stderr(&o),
        "cv.json: error: the file exists; use --force to overwrite it\n"
    );
    let o = vitae(&["convert", "cv.yaml", "-o", "-"], &dir);
    assert_eq!(String::from_utf8_lossy(&o.stdout), want);
    let o = vitae(&["convert", "cv.yaml", "-o", "again.yaml"], &dir);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o),
        "cv.yaml: error: this is a resume in vitae's format already; convert writes a JSON Resume from it (-o cv.json), and `vitae expand` the YAML a build sets\n"
    );
    assert!(!dir.join("again.yaml").exists());
    // The JSON converts back to YAML that builds the same PDF.
    let o = vitae(&["convert", "cv.json", "-o", "back.yaml"], &dir);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let back = std::fs::read_to_string(dir.join("back.yaml")).unwrap();
    let text = std::fs::read_to_string(dir.join("cv.yaml")).unwrap();
    assert!(pdf(&back, &Select::default()).unwrap() == pdf(&text, &Select::default()).unwrap());
    // As a build output.
    let o = vitae(&["build", "cv.yaml", "-o", "built.json"], &dir);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(dir.join("built.json")).unwrap(), want);
    std::fs::remove_file(dir.join("cv.json")).unwrap();
    let o = vitae(&["build", "cv.yaml", "--format", "json,md"], &dir);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(dir.join("cv.json")).unwrap(), want);
    let o = vitae(&["build", "cv.yaml", "--format", "json", "-o", "-"], &dir);
    assert_eq!(String::from_utf8_lossy(&o.stdout), want);
    // A broken resume writes nothing.
    std::fs::write(
        dir.join("bad.yaml"),
        "name: A\nsections:\n  - title: X\n    entries: [{start: 2020-13}]\n",
    )
    .unwrap();
    let o = vitae(&["convert", "bad.yaml"], &dir);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).ends_with("bad.yaml: 1 error found; nothing written\n"),
        "{}",
        stderr(&o)
    );
    assert!(!dir.join("bad.json").exists());
}

/// `--all-variants` with `--format pdf,html,md`: every variant in every format, with
/// the variants' own names (`output:` keeps its stem, the format its extension).
#[test]
fn all_variants_in_every_format() {
    let dir = tempdir("all-variants-formats");
    std::fs::copy(fixture_path("good/variants.yaml"), dir.join("cv.yaml")).unwrap();
    let o = vitae(
        &["build", "cv.yaml", "--all-variants", "--format", "pdf,html,md,json"],
        &dir,
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        names(&dir),
        [
            "cv-academic.html",
            "cv-academic.json",
            "cv-academic.md",
            "cv-academic.pdf",
            "cv-industry.html",
            "cv-industry.json",
            "cv-industry.md",
            "cv-industry.pdf",
            "cv.yaml",
            "lindqvist-lebenslauf.html",
            "lindqvist-lebenslauf.json",
            "lindqvist-lebenslauf.md",
            "lindqvist-lebenslauf.pdf",
        ]
    );
    // Each is its variant: the German one in German, the industry one without teaching.
    let md = |f: &str| std::fs::read_to_string(dir.join(f)).unwrap();
    assert!(md("lindqvist-lebenslauf.md").contains("## Berufserfahrung"));
    assert!(!md("cv-industry.md").contains("## Teaching"));
    assert!(md("cv-academic.md").contains("## Teaching"));
    // A variant's JSON Resume is that variant: it builds the variant's PDF.
    let text = md("cv.yaml");
    let json = md("cv-industry.json");
    let select = Select {
        variant: Some("industry".into()),
        language: None,
    };
    assert!(pdf(&json, &Select::default()).unwrap() == pdf(&text, &select).unwrap());
}

/// The design-independent outputs ignore the design keys of the page (size, margins,
/// fonts, spacing, colours, the date column, rules, headers, numbering): `full.yaml`
/// with every one of them set writes the very Markdown and plain text of the golden
/// files, and its JSON Resume only gains them under `meta.vitae.design`.
#[test]
fn design_independent_outputs_ignore_the_page_design() {
    let text = std::fs::read_to_string(fixture_path("good/full.yaml")).unwrap();
    let designed = format!(
        "{text}\ndesign:\n  theme: modern\n  page: a4\n  margin: {{top: 1cm, right: 2cm, bottom: 1cm, left: 2cm}}\n  font_size: 9pt\n  line_spacing: 1.4\n  accent_color: \"#AA0000\"\n  link_color: \"#00AA00\"\n  justify: false\n  hyphenate: false\n  date_column: left\n  date_align: left\n  section_title: smallcaps\n  section_rule: false\n  page_numbers: false\n  running_header: false\n  fit_pages: 3\n"
    );
    let laid = vitae::lay_out(&designed, &vitae::Options::default()).unwrap();
    use vitae::write::Format;
    let out = vitae::render(&laid, &[Format::Markdown, Format::Text, Format::Json], None, 144.0).unwrap();
    let golden = |n: &str| std::fs::read_to_string(root().join("tests/golden").join(n)).unwrap();
    assert_eq!(String::from_utf8_lossy(&out[0].files[0]), golden("full.md"));
    assert_eq!(String::from_utf8_lossy(&out[1].files[0]), golden("full.txt"));
    let json: serde_json::Value = serde_json::from_slice(&out[2].files[0]).unwrap();
    let mut plain: serde_json::Value = serde_json::from_str(&golden("full.json")).unwrap();
    assert_eq!(json["meta"]["vitae"]["design"]["page"], "a4");
    assert_eq!(json["meta"]["vitae"]["design"]["fit_pages"], 3);
    plain["meta"]["vitae"]["design"] = json["meta"]["vitae"]["design"].clone();
    assert_eq!(json, plain);
}
