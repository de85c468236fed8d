//! The command line end to end: every command, exit status, standard input and
//! output, several inputs, `--deny-warnings`, diagnostics, the watch loop, the schema,
//! reproducible output and `SOURCE_DATE_EPOCH`.

mod common;

use common::{root, stderr, tempdir, vitae};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn fixture(kind: &str, name: &str) -> PathBuf {
    root().join("tests/fixtures").join(kind).join(name)
}

#[test]
fn init_writes_a_starter_and_its_schema_that_build_and_refuses_to_overwrite() {
    let dir = tempdir("init");
    // No resume.yaml yet: build and check suggest `vitae init`.
    for command in ["build", "check"] {
        let o = vitae(&[command], &dir);
        assert_eq!(o.status.code(), Some(3));
        assert_eq!(
            stderr(&o),
            "resume.yaml: error: no resume.yaml in this folder; name the input file, or write a starter with `vitae init`\n"
        );
    }
    let o = vitae(&["init"], &dir);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        stderr(&o),
        "resume.yaml: written, with vitae.schema.json for your editor; build it with `vitae build resume.yaml`\n"
    );
    let text = std::fs::read_to_string(dir.join("resume.yaml")).unwrap();
    assert!(text.starts_with("# yaml-language-server: $schema=vitae.schema.json\n"));
    assert!(text.contains("https://github.com/OWNER/vitae/blob/main/docs/format.md"));
    assert!(
        !text.contains(" docs/format.md"),
        "a path the user's repository does not have"
    );
    let schema = std::fs::read_to_string(dir.join("vitae.schema.json")).unwrap();
    assert_eq!(schema.as_bytes(), vitae(&["schema"], &dir).stdout);
    let o = vitae(&["build", "--deny-warnings"], &dir);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).starts_with("resume.pdf: 1 page, "), "{}", stderr(&o));
    // A second init refuses, naming each file that exists, and writes neither; --force
    // overwrites both.
    std::fs::write(dir.join("resume.yaml"), "mine").unwrap();
    let o = vitae(&["init"], &dir);
    assert_eq!(o.status.code(), Some(3));
    assert_eq!(
        stderr(&o),
        "resume.yaml: error: the file exists; use --force to overwrite it\n\
         vitae.schema.json: error: the file exists; use --force to overwrite it\n"
    );
    assert_eq!(std::fs::read_to_string(dir.join("resume.yaml")).unwrap(), "mine");
    std::fs::remove_file(dir.join("resume.yaml")).unwrap();
    std::fs::write(dir.join("vitae.schema.json"), "{}").unwrap();
    let o = vitae(&["init"], &dir);
    assert_eq!(
        stderr(&o),
        "vitae.schema.json: error: the file exists; use --force to overwrite it\n"
    );
    assert!(!dir.join("resume.yaml").exists(), "neither is written");
    assert_eq!(vitae(&["init", "--force"], &dir).status.code(), Some(0));
    assert_eq!(
        std::fs::read_to_string(dir.join("resume.yaml")).unwrap(),
        vitae::schema::STARTER
    );
    assert_eq!(std::fs::read_to_string(dir.join("vitae.schema.json")).unwrap(), schema);
    // In another folder, the schema goes beside the starter.
    assert_eq!(
        vitae(&["init", "cv/mine.yaml"], &dir).status.code(),
        Some(3),
        "a missing folder is not created"
    );
    std::fs::create_dir(dir.join("cv")).unwrap();
    let o = vitae(&["init", "cv/mine.yaml"], &dir);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(dir.join("cv/vitae.schema.json").exists());
}

#[test]
fn exit_statuses() {
    let dir = tempdir("exit");
    std::fs::copy(fixture("good", "minimal.yaml"), dir.join("ok.yaml")).unwrap();
    std::fs::copy(fixture("bad", "unknown-key.yaml"), dir.join("bad.yaml")).unwrap();
    assert_eq!(vitae(&["build", "ok.yaml"], &dir).status.code(), Some(0));
    assert_eq!(vitae(&["build", "bad.yaml"], &dir).status.code(), Some(1));
    assert_eq!(vitae(&["build", "--no-such-flag"], &dir).status.code(), Some(2));
    assert_eq!(
        vitae(&["build", "ok.yaml", "bad.yaml", "-o", "x.pdf"], &dir)
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        vitae(&["build", "ok.yaml", "--page", "tabloid"], &dir).status.code(),
        Some(2)
    );
    assert_eq!(vitae(&["build", "missing.yaml"], &dir).status.code(), Some(3));
    std::fs::create_dir(dir.join("folder.yaml")).unwrap();
    let o = vitae(&["build", "folder.yaml"], &dir);
    assert_eq!(o.status.code(), Some(3));
    assert_eq!(
        stderr(&o),
        "folder.yaml: error: cannot read the input: it is a folder, not a resume file\n"
    );
    assert_eq!(vitae(&["check", "ok.yaml"], &dir).status.code(), Some(0));
    assert_eq!(vitae(&["check", "ok.yaml", "bad.yaml"], &dir).status.code(), Some(1));
    assert!(!dir.join("bad.pdf").exists());
}

#[test]
fn check_reports_every_error_and_writes_nothing() {
    let dir = tempdir("check");
    let yaml = "name: A\nsections:\n  - title: T\n    entries:\n      - title: X\n        end: 2020\n      - label: L\ndesign:\n  accent_color: blue\n";
    std::fs::write(dir.join("r.yaml"), yaml).unwrap();
    let o = vitae(&["check", "r.yaml"], &dir);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert_eq!(err.matches("error: ").count(), 3, "{err}");
    assert!(err.ends_with("r.yaml: 3 errors found\n"), "{err}");
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 1);
}

#[test]
fn three_diagnostics_exactly() {
    let dir = tempdir("diag");
    let run = |name: &str| {
        std::fs::copy(fixture("bad", name), dir.join(name)).unwrap();
        stderr(&vitae(&["check", name], &dir))
    };
    assert_eq!(
        run("bad-color.yaml"),
        "error: design.accent_color: `#12345G` is not a colour (expected #RRGGBB, six hexadecimal digits)\n --> bad-color.yaml:7:17\n  |\n7 |   accent_color: \"#12345G\"\n  |                 ^^^^^^^^^\n  |\n  = help: write a colour as `#` and six hexadecimal digits, in quotes: \"#1F3A5F\"\nbad-color.yaml: 1 error found\n"
    );
    assert_eq!(
        run("end-before-start.yaml"),
        "error: end `2020-01` is before start `2021-05`\n --> end-before-start.yaml:8:14\n  |\n8 |         end: 2020-01\n  |              ^^^^^^^\nend-before-start.yaml: 1 error found\n"
    );
    assert_eq!(
        run("js-link.yaml"),
        "error: entry: link `javascript:alert(1)` uses the scheme `javascript`, which is not allowed (expected http:, https:, mailto: or tel:)\n --> js-link.yaml:6:9\n  |\n6 |       - \"Click [here](javascript:alert(1)) for a surprise.\"\n  |         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\njs-link.yaml: 1 error found\n"
    );
}

#[test]
fn standard_input_and_output() {
    let dir = tempdir("stdio");
    let mut child = Command::new(env!("CARGO_BIN_EXE_vitae"))
        .args(["build", "-", "-o", "-", "--quiet"])
        .current_dir(&dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().unwrap();
        stdin
            .write_all(&std::fs::read(fixture("good", "minimal.yaml")).unwrap())
            .unwrap();
    }
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(out.stdout.starts_with(b"%PDF-"));
    assert!(out.stderr.is_empty(), "{}", stderr(&out));
    // The same bytes as building the file.
    std::fs::copy(fixture("good", "minimal.yaml"), dir.join("m.yaml")).unwrap();
    assert_eq!(vitae(&["build", "m.yaml", "-q"], &dir).status.code(), Some(0));
    assert_eq!(std::fs::read(dir.join("m.pdf")).unwrap(), out.stdout);
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 2, "nothing else was written");
}

#[test]
fn several_inputs_build_next_to_themselves() {
    let dir = tempdir("many");
    for n in ["a", "b", "c"] {
        std::fs::copy(fixture("good", "dates.yaml"), dir.join(format!("{n}.yaml"))).unwrap();
    }
    std::fs::copy(fixture("bad", "bad-month.yaml"), dir.join("d.yaml")).unwrap();
    let o = vitae(&["build", "a.yaml", "b.yaml", "c.yaml", "d.yaml"], &dir);
    assert_eq!(o.status.code(), Some(1), "the worst status wins");
    for n in ["a", "b", "c"] {
        assert!(
            std::fs::read(dir.join(format!("{n}.pdf")))
                .unwrap()
                .starts_with(b"%PDF-")
        );
        assert!(stderr(&o).contains(&format!("{n}.pdf: 1 page, ")), "{}", stderr(&o));
    }
    assert!(!dir.join("d.pdf").exists());
}

#[test]
fn deny_warnings_fails_on_a_warning() {
    let dir = tempdir("deny");
    // A character no font has: a warning, so a failure with --deny-warnings.
    std::fs::copy(fixture("scripts", "nofont.yaml"), dir.join("nofont.yaml")).unwrap();
    assert_eq!(vitae(&["build", "nofont.yaml", "-q"], &dir).status.code(), Some(0));
    std::fs::remove_file(dir.join("nofont.pdf")).unwrap();
    let o = vitae(&["build", "nofont.yaml", "--deny-warnings"], &dir);
    assert_eq!(o.status.code(), Some(1));
    assert!(!dir.join("nofont.pdf").exists());
    assert_eq!(
        vitae(&["check", "nofont.yaml", "--deny-warnings"], &dir).status.code(),
        Some(1)
    );
}

#[test]
fn reproducible_and_source_date_epoch() {
    let dir = tempdir("date");
    std::fs::copy(root().join("resume.yaml"), dir.join("r.yaml")).unwrap();
    let build = |epoch: Option<&str>, out: &str| {
        let mut c = Command::new(env!("CARGO_BIN_EXE_vitae"));
        c.args(["build", "r.yaml", "-q", "-o", out])
            .current_dir(&dir)
            .env_remove("SOURCE_DATE_EPOCH");
        if let Some(e) = epoch {
            c.env("SOURCE_DATE_EPOCH", e);
        }
        assert!(c.status().unwrap().success());
        std::fs::read(dir.join(out)).unwrap()
    };
    let (a, b) = (build(None, "a.pdf"), build(None, "b.pdf"));
    assert_eq!(a, b);
    assert!(!String::from_utf8_lossy(&a).contains("CreationDate"));
    let (c, d) = (build(Some("1700000000"), "c.pdf"), build(Some("1700000000"), "d.pdf"));
    assert_eq!(c, d);
    assert_ne!(a, c);
    let info = Command::new("pdfinfo")
        .arg(dir.join("c.pdf"))
        .output()
        .expect("pdfinfo (poppler-utils)");
    assert!(
        String::from_utf8_lossy(&info.stdout).contains("CreationDate:    Tue Nov 14 22:13:20 2023 UTC"),
        "{}",
        String::from_utf8_lossy(&info.stdout)
    );
}

#[test]
fn watch_rebuilds_when_the_input_changes() {
    let dir = tempdir("watch");
    std::fs::copy(fixture("good", "minimal.yaml"), dir.join("w.yaml")).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_vitae"))
        .args(["build", "w.yaml", "--watch", "-q"])
        .current_dir(&dir)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let wait_for = |what: &dyn Fn() -> bool| {
        let t = Instant::now();
        while t.elapsed() < Duration::from_secs(15) {
            if what() {
                return true;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        false
    };
    let pdf = dir.join("w.pdf");
    assert!(wait_for(&|| pdf.exists()), "the first build");
    let first = std::fs::read(&pdf).unwrap();
    std::thread::sleep(Duration::from_millis(300));
    // A broken edit keeps the last good PDF …
    std::fs::write(dir.join("w.yaml"), "name: [unclosed\n").unwrap();
    std::thread::sleep(Duration::from_millis(1200));
    assert_eq!(std::fs::read(&pdf).unwrap(), first);
    // … a good one replaces it.
    let changed = std::fs::read_to_string(fixture("good", "minimal.yaml"))
        .unwrap()
        .replace("Sam Rivera", "Sam Changed");
    std::fs::write(dir.join("w.yaml"), changed).unwrap();
    let rebuilt = wait_for(&|| std::fs::read(&pdf).is_ok_and(|b| b != first));
    let _ = child.kill();
    let out = child.wait_with_output().unwrap();
    assert!(rebuilt, "no rebuild after the change: {}", stderr(&out));
    assert!(
        stderr(&out).contains("--> w.yaml:1:"),
        "the failed rebuild's error: {}",
        stderr(&out)
    );
}

/// The schema-level bad fixtures: mistakes the JSON Schema itself catches (a key, a
/// type, a pattern, an enum, `required`, a rule between keys). The others are not:
/// `end-before-start` (two dates compared), `huge-margin` (the page's arithmetic),
/// `js-link` (a link inside markup), `fit-impossible` (the layout; its paragraphs,
/// written `- Paragraph 0: …`, are mappings to YAML, so it is invalid for another
/// reason), and `billion-laughs`, `not-utf8`, `syntax` (not YAML a validator reads).
const SCHEMA_LEVEL_BAD: [&str; 11] = [
    "unknown-key.yaml",
    "wrong-type.yaml",
    "bad-color.yaml",
    "bad-length.yaml",
    "bad-month.yaml",
    "bad-email.yaml",
    "missing-name.yaml",
    "date-and-start.yaml",
    "end-without-start.yaml",
    "empty-entry.yaml",
    "empty.yaml",
];

#[test]
fn schema_accepts_every_good_fixture_and_refuses_every_schema_level_mistake() {
    let out = vitae(&["schema"], root());
    assert_eq!(out.status.code(), Some(0));
    let schema: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let yaml = |text: &str| -> serde_json::Value { serde_saphyr::from_str(text).unwrap() };
    let as_json = |path: &Path| yaml(&std::fs::read_to_string(path).unwrap());
    let mut good: Vec<PathBuf> = std::fs::read_dir(root().join("tests/fixtures/good"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    good.push(root().join("resume.yaml"));
    for f in &good {
        let v = as_json(f);
        let errors: Vec<String> = validator.iter_errors(&v).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{}: {errors:?}", f.display());
    }
    assert!(validator.is_valid(&yaml(vitae::schema::STARTER)));
    for bad in SCHEMA_LEVEL_BAD {
        assert!(
            !validator.is_valid(&as_json(&fixture("bad", bad))),
            "{bad} should not validate"
        );
    }
    for not_schema_level in ["end-before-start.yaml", "huge-margin.yaml", "js-link.yaml"] {
        assert!(
            validator.is_valid(&as_json(&fixture("bad", not_schema_level))),
            "{not_schema_level}"
        );
    }
    // The mistakes an editor must flag as they are typed, each beside its good form.
    let base = "name: Ada\nsections:\n  - title: Work\n    entries:\n      - title: Corp\n        ";
    for (good, bad) in [
        (
            "start: 2018-03\ndesign:\n  theme: modern",
            "start: 2018-03\ndesign:\n  theme: moden",
        ),
        ("start: 2018-03", "start: March 2018"),
        ("start: 2018\n        end: Present", "start: 2018\n        end: now"),
        (
            "date: 2022\ndesign:\n  font_size: 10.5pt",
            "date: 2022\ndesign:\n  font_size: 10px",
        ),
        ("date: 2022\ndesign:\n  page: A4", "date: 2022\ndesign:\n  page: a3"),
        (
            "date: 2022\ndesign:\n  page: executive",
            "date: 2022\ndesign:\n  date_column: middle",
        ),
        (
            "date: 2022\ndesign:\n  margin: {top: 1in}",
            "date: 2022\ndesign:\n  margin: {top: 1px}",
        ),
        (
            "date: 2022\ndesign:\n  section_title: as-written",
            "date: 2022\ndesign:\n  section_title: lowercase",
        ),
        (
            "date: 2022\ndesign:\n  language: de-DE",
            "date: 2022\ndesign:\n  language: xx",
        ),
        (
            "date: 2022\ndesign:\n  accent_color: \"#1F3A5F\"",
            "date: 2022\ndesign:\n  accent_color: \"#1F3A5\"",
        ),
        ("subtitle: 1.10", "subtitle: true"),
        ("date: 2022", "date: 2022\n        label: Skills"),
        (
            "date: 2022\ncontact:\n  - url: https://example.org",
            "date: 2022\ncontact:\n  - url: example.org",
        ),
        (
            "date: 2022\ncontact:\n  - url: https://example.org",
            "date: 2022\ncontact:\n  - {email: a@example.org, phone: \"1\"}",
        ),
    ] {
        let (g, b) = (yaml(&format!("{base}{good}\n")), yaml(&format!("{base}{bad}\n")));
        let errors: Vec<String> = validator.iter_errors(&g).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{good}: {errors:?}");
        assert!(!validator.is_valid(&b), "{bad} should not validate");
    }
}

#[test]
fn fonts_and_version() {
    let o = vitae(&["fonts"], root());
    let out = String::from_utf8_lossy(&o.stdout).into_owned();
    let lines: Vec<&str> = out.lines().collect();
    assert!(
        lines[0].starts_with("Charis SIL 6.101 (bundled; `font: serif`"),
        "{out}"
    );
    assert!(lines[1].starts_with("Lato 2.007 (bundled; `font: sans`"), "{out}");
    assert!(lines[2].starts_with("DejaVu Sans 2.37 (bundled; fallback"), "{out}");
    assert_eq!(lines[3], "");
    assert!(
        lines[4].ends_with("installed on this system (`font: <name>`):"),
        "{out}"
    );
    // CI installs fonts-dejavu-core (.ci/run): DejaVu Serif is one of them.
    assert!(lines[5..].contains(&"  DejaVu Serif"), "{out}");
    let v = String::from_utf8_lossy(&vitae(&["--version"], root()).stdout).into_owned();
    assert!(v.starts_with(&format!("vitae {}", env!("CARGO_PKG_VERSION"))), "{v}");
}

#[test]
fn the_ci_workflow_is_valid_yaml() {
    // resume.yml: `vitae check --deny-warnings` on pull requests, `vitae build` on pushes to
    // the default branch, both through the action at the root (action.yml) with a pinned
    // version; the PDF kept as an artifact and published as a release asset.
    let text = std::fs::read_to_string(root().join(".github/workflows/resume.yml")).unwrap();
    assert!(!text.contains("SOURCE_DATE_EPOCH: 0"), "dates the PDF 1 January 1970");
    let v: serde_json::Value = serde_saphyr::from_str(&text).unwrap();
    let vitae_step = |job: &str| -> serde_json::Value {
        let steps = v["jobs"][job]["steps"].as_array().unwrap();
        steps
            .iter()
            .find(|s| s["uses"] == "./")
            .unwrap_or_else(|| panic!("{job}: no step uses ./"))
            .clone()
    };
    assert!(
        v["jobs"]["check"]["if"]
            .as_str()
            .unwrap()
            .contains("github.event_name == 'pull_request'")
    );
    let check = vitae_step("check");
    assert_eq!(check["with"]["command"], "check");
    assert!(check["with"]["args"].as_str().unwrap().contains("--deny-warnings"));
    let pdf = &v["jobs"]["pdf"];
    assert!(
        pdf["if"]
            .as_str()
            .unwrap()
            .contains("github.event.repository.default_branch")
    );
    let build = vitae_step("pdf");
    assert_eq!(build["with"]["command"], "build");
    assert_eq!(build["with"]["files"], "resume.yaml");
    let version = build["with"]["version"].as_str().unwrap();
    assert!(
        version.split('.').count() == 3 && version.split('.').all(|n| n.parse::<u32>().is_ok()),
        "{version}"
    );
    let steps = pdf["steps"].as_array().unwrap();
    assert!(steps.iter().any(|s| {
        s["uses"]
            .as_str()
            .is_some_and(|u| u.starts_with("actions/upload-artifact"))
    }));
    assert!(steps.iter().any(|s| {
        s["run"]
            .as_str()
            .is_some_and(|r| r.contains("gh release upload resume resume.pdf"))
    }));

    // action.yml: installs the release binary of `version`, cached under a key holding
    // the version, and dates the PDF by the commit.
    let text = std::fs::read_to_string(root().join("action.yml")).unwrap();
    let a: serde_json::Value = serde_saphyr::from_str(&text).unwrap();
    assert_eq!(a["runs"]["using"], "composite");
    for input in ["files", "args", "version", "command"] {
        assert!(a["inputs"][input]["description"].is_string(), "input {input}");
    }
    assert_eq!(
        a["inputs"]["version"]["default"],
        env!("CARGO_PKG_VERSION"),
        "the action pins the crate's version"
    );
    let steps = a["runs"]["steps"].as_array().unwrap();
    let cache = steps
        .iter()
        .find(|s| s["uses"].as_str().is_some_and(|u| u.starts_with("actions/cache@")))
        .unwrap();
    assert!(
        cache["with"]["key"]
            .as_str()
            .unwrap()
            .contains("steps.setup.outputs.version")
    );
    assert!(text.contains("git log -1 --format=%ct"));
    assert!(root().join("install.sh").is_file());
}

#[test]
fn theme_on_the_command_line() {
    let dir = tempdir("theme");
    std::fs::copy(root().join("resume.yaml"), dir.join("resume.yaml")).unwrap();
    let o = vitae(&["build", "--theme", "modern", "-o", "modern.pdf"], &dir);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let fonts = Command::new("pdffonts").arg(dir.join("modern.pdf")).output().unwrap();
    let fonts = String::from_utf8_lossy(&fonts.stdout).into_owned();
    assert!(
        fonts.contains("+Lato-Bold ") && fonts.contains("+Lato-Regular ") && !fonts.contains("Charis"),
        "{fonts}"
    );
    assert_eq!(vitae(&["check", "--theme", "banking"], &dir).status.code(), Some(0));
    let o = vitae(&["build", "--theme", "fancy"], &dir);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("unknown theme `fancy` (expected classic, modern, compact, banking or engineer)"),
        "{}",
        stderr(&o)
    );
}

/// Found by a new user: `check` refused `--fit-pages`, `--page` and `--font-size`, so a
/// CI gate on `check` could not test what `build` with them would do.
#[test]
fn check_takes_the_same_overrides_as_build() {
    let dir = tempdir("check-overrides");
    std::fs::copy(root().join("resume.yaml"), dir.join("resume.yaml")).unwrap();
    let o = vitae(&["check", "--fit-pages", "1"], &dir);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains(
            "fit_pages: the resume cannot fit in 1 page: it needs 2 pages even at the smallest size (85 %, 8.5 pt)"
        ),
        "{}",
        stderr(&o)
    );
    let o = vitae(
        &["check", "--page", "a4", "--font-size", "9pt", "--fit-pages", "2"],
        &dir,
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(vitae(&["check", "--font-size", "30"], &dir).status.code(), Some(2));
}

/// Found by a new user: the warnings of a resume with an error were not shown.
#[test]
fn warnings_are_shown_with_the_errors() {
    let dir = tempdir("warn-with-errors");
    std::fs::write(dir.join("w.yaml"), "name: A\nsections:\n  - title: Empty\n    entries: []\n  - title: T\n    entries:\n      - title: X\n        start: 2019-13\n").unwrap();
    let o = vitae(&["check", "w.yaml"], &dir);
    assert_eq!(o.status.code(), Some(1));
    let e = stderr(&o);
    assert!(
        e.contains("error: start: `2019-13` has no month 13 (a month is 01 to 12)"),
        "{e}"
    );
    assert!(
        e.contains("warning: section `Empty` has no entries: its heading stands alone"),
        "{e}"
    );
    assert!(e.ends_with("w.yaml: 1 error found\n"), "{e}");
}
