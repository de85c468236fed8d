//! What the binary reads (issue #15, items 4 and 10): an endless input is refused after
//! 5 MB + 1 byte, from a device or standard input, at once; a FIFO named on the command
//! line is read as `cat` reads it, and Ctrl-C ends the wait for its writer.

#![cfg(unix)]

mod common;

use common::{fixture_path, names, stderr, tempdir, vitae, vitae_command, wait_for_exit};
use std::io::Write as _;
use std::os::unix::process::ExitStatusExt as _;
use std::process::Stdio;
use std::time::{Duration, Instant};

#[test]
fn dev_zero_is_refused_at_once() {
    let dir = tempdir("in-zero");
    let t = Instant::now();
    let o = vitae(&["build", "/dev/zero", "-o", "zero.pdf"], &dir);
    assert!(t.elapsed() < Duration::from_secs(5), "{:?}", t.elapsed());
    assert_eq!(
        (o.status.code(), stderr(&o).as_str()),
        (
            Some(1),
            "/dev/zero: error: the input is more than 5000000 bytes; a resume may have at most 5000000; no PDF written\n"
        )
    );
    let o = vitae(&["check", "/dev/zero"], &dir);
    assert_eq!(
        (o.status.code(), stderr(&o).as_str()),
        (
            Some(1),
            "/dev/zero: error: the input is more than 5000000 bytes; a resume may have at most 5000000\n"
        )
    );
    let o = vitae(&["convert", "/dev/zero", "-o", "zero.yaml"], &dir);
    assert_eq!(
        (o.status.code(), stderr(&o).as_str()),
        (
            Some(1),
            "/dev/zero: error: the input is more than 5000000 bytes; a resume may have at most 5000000; nothing written\n"
        )
    );
    assert!(names(&dir).is_empty());
}

#[test]
fn endless_standard_input_is_refused_at_once() {
    // `yes | vitae build -`.
    let dir = tempdir("in-yes");
    let t = Instant::now();
    let mut child = vitae_command(&["build", "-"], &dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let chunk = "y\n".repeat(4096);
        let mut sent = 0usize;
        while stdin.write_all(chunk.as_bytes()).is_ok() {
            sent += chunk.len();
        }
        sent
    });
    let o = child.wait_with_output().unwrap();
    let sent = writer.join().unwrap();
    assert!(t.elapsed() < Duration::from_secs(10), "{:?}", t.elapsed());
    assert_eq!(
        (o.status.code(), stderr(&o).as_str()),
        (
            Some(1),
            "<stdin>: error: the input is more than 5000000 bytes; a resume may have at most 5000000; no PDF written\n"
        )
    );
    assert!(o.stdout.is_empty());
    // vitae stopped reading after 5 MB + 1 byte (and what the pipe holds).
    assert!(sent < 5_000_001 + 1_100_000, "{sent} bytes were taken");
}

#[test]
fn a_regular_file_over_5_mb_is_refused_without_reading_it() {
    // A sparse file of 1 GB: its size is known, nothing of it is read.
    let dir = tempdir("in-sparse");
    let f = std::fs::File::create(dir.join("big.yaml")).unwrap();
    f.set_len(1_000_000_000).unwrap();
    let t = Instant::now();
    let o = vitae(&["build", "big.yaml"], &dir);
    assert!(t.elapsed() < Duration::from_secs(2), "{:?}", t.elapsed());
    assert_eq!(
        (o.status.code(), stderr(&o).as_str()),
        (
            Some(1),
            "big.yaml: error: the input is 1000000000 bytes; a resume may have at most 5000000; no PDF written\n"
        )
    );
    assert_eq!(names(&dir), ["big.yaml"]);
}

#[test]
fn a_fifo_named_on_the_command_line_is_read_like_a_file() {
    let dir = tempdir("in-fifo");
    let fifo = dir.join("cv.yaml");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let child = vitae_command(&["build", "cv.yaml", "-q", "-o", "cv.pdf"], &dir)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::fs::write(&fifo, std::fs::read(fixture_path("good/minimal.yaml")).unwrap()).unwrap();
    let o = child.wait_with_output().unwrap();
    assert_eq!((o.status.code(), stderr(&o).as_str()), (Some(0), ""));
    assert!(std::fs::read(dir.join("cv.pdf")).unwrap().starts_with(b"%PDF-"));
}

#[test]
fn ctrl_c_ends_a_build_waiting_on_a_fifo() {
    let dir = tempdir("in-fifo-int");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(dir.join("cv.yaml"))
            .status()
            .unwrap()
            .success()
    );
    let mut child = vitae_command(&["build", "cv.yaml"], &dir)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // It waits for a writer, as `cat` would …
    assert!(
        wait_for_exit(&mut child, Duration::from_millis(500)).is_none(),
        "it should wait for the FIFO's writer"
    );
    // … until Ctrl-C (SIGINT).
    assert!(
        std::process::Command::new("kill")
            .args(["-INT", &child.id().to_string()])
            .status()
            .unwrap()
            .success()
    );
    let status = wait_for_exit(&mut child, Duration::from_secs(5)).expect("SIGINT ends the wait");
    assert_eq!(status.signal(), Some(2), "{status:?}");
    assert_eq!(names(&dir), ["cv.yaml"], "nothing written");
}
