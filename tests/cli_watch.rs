//! `vitae build --watch` on odd inputs (issue #15, item 10): an input that is a
//! symbolic link rebuilds when the file it leads to changes; a FIFO swapped in for the
//! input is skipped with a warning, and the watcher goes on.

#![cfg(unix)]

mod common;

use common::{eventually, fixture_path, tempdir, vitae_command};
use std::io::Read as _;
use std::process::{Child, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Starts `vitae build ARGS --watch -q` in `dir`, its standard error collected as it
/// comes.
fn start(args: &[&str], dir: &std::path::Path) -> (Child, Arc<Mutex<String>>) {
    let mut all = vec!["build"];
    all.extend(args);
    all.extend(["--watch", "-q"]);
    let mut child = vitae_command(&all, dir).stderr(Stdio::piped()).spawn().unwrap();
    let err = Arc::new(Mutex::new(String::new()));
    let mut pipe = child.stderr.take().unwrap();
    let sink = err.clone();
    std::thread::spawn(move || {
        let mut buf = [0u8; 4096];
        while let Ok(n) = pipe.read(&mut buf) {
            if n == 0 {
                break;
            }
            sink.lock().unwrap().push_str(&String::from_utf8_lossy(&buf[..n]));
        }
    });
    (child, err)
}

fn minimal_named(name: &str) -> String {
    std::fs::read_to_string(fixture_path("good/minimal.yaml"))
        .unwrap()
        .replace("Sam Rivera", name)
}

#[test]
fn a_symlinked_input_rebuilds_when_its_target_changes() {
    let dir = tempdir("watch-link");
    std::fs::create_dir(dir.join("real")).unwrap();
    std::fs::write(dir.join("real/cv.yaml"), minimal_named("Sam Rivera")).unwrap();
    std::os::unix::fs::symlink("real/cv.yaml", dir.join("link.yaml")).unwrap();
    let (mut child, err) = start(&["link.yaml"], &dir);
    let pdf = dir.join("link.pdf");
    assert!(
        eventually(Duration::from_secs(15), &|| pdf.exists()),
        "the first build: {}",
        err.lock().unwrap()
    );
    let first = std::fs::read(&pdf).unwrap();
    std::thread::sleep(Duration::from_millis(300));
    // Only the target changes (in another folder); the link stays as it was.
    std::fs::write(dir.join("real/cv.yaml"), minimal_named("Sam Changed")).unwrap();
    let rebuilt = eventually(Duration::from_secs(15), &|| {
        std::fs::read(&pdf).is_ok_and(|b| b != first)
    });
    let _ = child.kill();
    let _ = child.wait();
    assert!(rebuilt, "no rebuild after the target changed: {}", err.lock().unwrap());
}

#[test]
fn a_fifo_swapped_in_is_skipped_with_a_warning_and_the_watch_goes_on() {
    let dir = tempdir("watch-fifo");
    let input = dir.join("w.yaml");
    std::fs::write(&input, minimal_named("Sam Rivera")).unwrap();
    let (mut child, err) = start(&["w.yaml"], &dir);
    let pdf = dir.join("w.pdf");
    assert!(
        eventually(Duration::from_secs(15), &|| pdf.exists()),
        "the first build: {}",
        err.lock().unwrap()
    );
    let first = std::fs::read(&pdf).unwrap();
    std::thread::sleep(Duration::from_millis(300));
    // The input becomes a FIFO: never waited on, a warning, the PDF kept.
    std::fs::remove_file(&input).unwrap();
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&input)
            .status()
            .unwrap()
            .success()
    );
    let warning = "w.yaml: warning: not built: the input is a FIFO, not a regular file (--watch reads only regular files; the last PDF is kept)\n";
    let warned = eventually(Duration::from_secs(15), &|| err.lock().unwrap().contains(warning));
    assert!(warned, "no warning: {}", err.lock().unwrap());
    assert_eq!(std::fs::read(&pdf).unwrap(), first);
    // A regular file again: rebuilt, so the watcher was not stuck on the FIFO.
    std::fs::remove_file(&input).unwrap();
    std::fs::write(&input, minimal_named("Sam Changed")).unwrap();
    let rebuilt = eventually(Duration::from_secs(15), &|| {
        std::fs::read(&pdf).is_ok_and(|b| b != first)
    });
    let _ = child.kill();
    let _ = child.wait();
    assert!(
        rebuilt,
        "no rebuild after the FIFO was replaced: {}",
        err.lock().unwrap()
    );
}
