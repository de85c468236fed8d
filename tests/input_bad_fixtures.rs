//! The shared bad fixtures (copied into `tests/fixtures/bad`): each is refused by the
//! binary as its first line says, naming the file and the line, with an existing PDF
//! left untouched; and the exact messages for some.

mod common;

use common::{tempdir, yaml_fixtures};
use std::process::Command;

/// The first line of a bad fixture: the line named (if any) and the words.
fn expectation(text: &str) -> (Option<u32>, Vec<String>) {
    let first = text.lines().next().unwrap();
    let rest = first
        .strip_prefix("# error")
        .expect("a bad fixture starts with '# error'");
    let (line, words) = match rest.strip_prefix(" at line ") {
        Some(r) => {
            let (n, w) = r.split_once(':').unwrap();
            (Some(n.trim().parse().unwrap()), w)
        }
        None => (None, rest.trim_start_matches(':')),
    };
    (
        line,
        words
            .split(',')
            .map(|w| w.trim().to_lowercase())
            .filter(|w| !w.is_empty())
            .collect(),
    )
}

#[test]
fn every_bad_fixture_is_refused_as_its_first_line_says() {
    let dir = tempdir("bad");
    let mut n = 0;
    for path in yaml_fixtures("bad") {
        let bytes = std::fs::read(&path).unwrap();
        let (line, words) = expectation(&String::from_utf8_lossy(&bytes));
        let out_pdf = dir.join("out.pdf");
        std::fs::write(&out_pdf, b"an older PDF").unwrap();
        let started = std::time::Instant::now();
        let out = Command::new(env!("CARGO_BIN_EXE_vitae"))
            .arg("build")
            .arg(&path)
            .arg("-o")
            .arg(&out_pdf)
            .output()
            .unwrap();
        let elapsed = started.elapsed();
        let stderr = String::from_utf8_lossy(&out.stderr).to_lowercase();
        let name = path.display().to_string();
        assert_eq!(out.status.code(), Some(1), "{name}: {stderr}");
        assert!(
            stderr.contains(&name.to_lowercase()),
            "{name}: the message does not name the file: {stderr}"
        );
        if let Some(l) = line {
            assert!(
                stderr.contains(&format!("{}:{l}:", name.to_lowercase())),
                "{name}: line {l} not named: {stderr}"
            );
        }
        for w in &words {
            assert!(stderr.contains(w), "{name}: '{w}' missing from: {stderr}");
        }
        assert!(!stderr.contains("panicked"), "{name}: {stderr}");
        assert_eq!(
            std::fs::read(&out_pdf).unwrap(),
            b"an older PDF",
            "{name}: the older PDF was touched"
        );
        assert_eq!(
            std::fs::read_dir(&dir).unwrap().count(),
            1,
            "{name}: a file was left behind"
        );
        assert!(elapsed.as_secs_f64() < 10.0, "{name}: took {elapsed:?}");
        n += 1;
    }
    assert_eq!(n, 19);
}

#[test]
fn exact_messages_for_some_bad_fixtures() {
    let run = |name: &str| {
        let path = format!("tests/fixtures/bad/{name}");
        let out = Command::new(env!("CARGO_BIN_EXE_vitae"))
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .args(["build", &path, "-o", "/nonexistent-dir/x.pdf"])
            .output()
            .unwrap();
        String::from_utf8(out.stderr).unwrap()
    };
    assert_eq!(
        run("unknown-key.yaml"),
        "error: unknown key `titel`, expected one of title, date, start, end, subtitle, location, label, text, bullets\n --> tests/fixtures/bad/unknown-key.yaml:6:9\n  |\n6 |       - titel: Example Corp\n  |         ^^^^^\n  |\n  = help: did you mean `title`?\ntests/fixtures/bad/unknown-key.yaml: 1 error found; no PDF written\n"
    );
    assert!(run("wrong-type.yaml").starts_with("error: `bullets`: wrong type: expected a list (a YAML sequence, one `- item` per line)\n --> tests/fixtures/bad/wrong-type.yaml:8:18\n"));
    assert!(run("syntax.yaml").starts_with("error: a tab character in indentation (YAML indents with spaces only)\n --> tests/fixtures/bad/syntax.yaml:5:1\n"));
    assert!(run("not-utf8.yaml").starts_with(
        "error: the file is not valid UTF-8 text (save it as UTF-8)\n--> tests/fixtures/bad/not-utf8.yaml:2:10"
    ));
    assert!(run("empty.yaml").starts_with("error: the document is empty (expected a mapping with at least `name` and `sections`)\n--> tests/fixtures/bad/empty.yaml\n"));
}
