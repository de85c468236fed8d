//! Where the binary writes (issue #15, items 1, 2, 9 and 13): the temporary file, links
//! and special files at the output's path, standard output closed, and two inputs
//! with one output. Each case: its exact message, exit status, and the files left.

#![cfg(unix)]

mod common;

use common::{fixture_path, names, shell, stderr, tempdir, vitae, vitae_command};
use std::os::unix::fs::{FileTypeExt as _, MetadataExt as _};
use std::path::Path;
use std::process::Stdio;

/// A folder holding `cv.yaml`, the smallest good resume.
fn with_cv(tag: &str) -> std::path::PathBuf {
    let dir = tempdir(tag);
    std::fs::copy(fixture_path("good/minimal.yaml"), dir.join("cv.yaml")).unwrap();
    dir
}

/// The PDF `vitae build cv.yaml` writes in `dir`, for comparison.
fn reference_pdf(dir: &Path) -> Vec<u8> {
    let o = vitae(&["build", "cv.yaml", "-q", "-o", "reference.pdf"], dir);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let pdf = std::fs::read(dir.join("reference.pdf")).unwrap();
    std::fs::remove_file(dir.join("reference.pdf")).unwrap();
    pdf
}

fn mknod(dir: &Path, name: &str, major: u32, minor: u32) {
    let o = std::process::Command::new("mknod")
        .arg(dir.join(name))
        .args(["c", &major.to_string(), &minor.to_string()])
        .output()
        .unwrap();
    assert!(o.status.success(), "mknod (the tests run as root): {}", stderr(&o));
}

fn mkfifo(path: &Path) {
    assert!(
        std::process::Command::new("mkfifo")
            .arg(path)
            .status()
            .unwrap()
            .success()
    );
}

#[test]
fn a_240_byte_output_name_builds_and_leaves_no_temporary_file() {
    let dir = with_cv("out-long-name");
    let name = format!("{}.pdf", "n".repeat(236));
    assert_eq!(name.len(), 240);
    let o = vitae(&["build", "cv.yaml", "-o", &name], &dir);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).starts_with(&format!("{name}: 1 page, ")), "{}", stderr(&o));
    assert!(std::fs::read(dir.join(&name)).unwrap().starts_with(b"%PDF-"));
    assert_eq!(names(&dir), ["cv.yaml", name.as_str()]);
}

#[test]
fn links_planted_at_the_old_predictable_temporary_names_are_never_followed() {
    // Before issue #15 the temporary file was `.cv.pdf.<pid>.ThreadId1.tmp`, opened
    // with `File::create`: a link planted there had vitae overwrite its target. Plant
    // one for each of the next 3000 process ids; the build must not touch the target.
    let dir = with_cv("out-planted");
    std::fs::write(dir.join("victim.txt"), "keep me").unwrap();
    let me = std::process::id();
    for pid in me + 1..me + 3000 {
        std::os::unix::fs::symlink("victim.txt", dir.join(format!(".cv.pdf.{pid}.ThreadId1.tmp"))).unwrap();
    }
    let child = vitae_command(&["build", "cv.yaml", "-q"], &dir).spawn().unwrap();
    let pid = child.id();
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        std::fs::read_to_string(dir.join("victim.txt")).unwrap(),
        "keep me",
        "vitae ran as pid {pid}"
    );
    assert!(std::fs::read(dir.join("cv.pdf")).unwrap().starts_with(b"%PDF-"));
    assert_eq!(names(&dir).len(), 3 + 2999, "nothing else left");
}

#[test]
fn the_pdf_gets_the_usual_permissions_of_a_new_file() {
    // The temporary file is created with mode 0666 less the umask, like `File::create`,
    // not tempfile's private 0600.
    let dir = with_cv("out-mode");
    assert_eq!(vitae(&["build", "cv.yaml", "-q"], &dir).status.code(), Some(0));
    std::fs::write(dir.join("plain"), b"").unwrap();
    let mode = |n: &str| std::fs::metadata(dir.join(n)).unwrap().mode() & 0o777;
    assert_eq!(mode("cv.pdf"), mode("plain"));
}

#[test]
fn a_symbolic_link_at_the_output_is_replaced_never_written_through() {
    let dir = with_cv("out-link");
    std::fs::write(dir.join("victim.txt"), "keep me").unwrap();
    std::os::unix::fs::symlink("victim.txt", dir.join("cv.pdf")).unwrap();
    let o = vitae(&["build", "cv.yaml", "-q"], &dir);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(dir.join("victim.txt")).unwrap(), "keep me");
    let m = std::fs::symlink_metadata(dir.join("cv.pdf")).unwrap();
    assert!(m.is_file(), "the link was replaced by the PDF");
    assert_eq!(names(&dir), ["cv.pdf", "cv.yaml", "victim.txt"]);
}

#[test]
fn dev_null_and_a_null_device_node_are_written_into_not_replaced() {
    let dir = with_cv("out-null");
    let null_rdev = std::fs::metadata("/dev/null").unwrap().rdev();
    let o = vitae(&["build", "cv.yaml", "-o", "/dev/null"], &dir);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).starts_with("/dev/null: 1 page, "), "{}", stderr(&o));
    let m = std::fs::metadata("/dev/null").unwrap();
    assert!(m.file_type().is_char_device() && m.rdev() == null_rdev);
    // `-o ./null` where ./null is a character device made like /dev/null (issue #15's
    // case: it used to be replaced by a regular file).
    mknod(&dir, "null", 1, 3);
    let o = vitae(&["build", "cv.yaml", "-o", "./null"], &dir);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let m = std::fs::metadata(dir.join("null")).unwrap();
    assert!(
        m.file_type().is_char_device() && m.rdev() == null_rdev,
        "./null is still the device"
    );
    assert_eq!(names(&dir), ["cv.yaml", "null"]);
    // `convert` writes into /dev/null too, without --force.
    std::fs::copy(fixture_path("jsonresume/only-basics.json"), dir.join("r.json")).unwrap();
    let o = vitae(&["convert", "r.json", "-o", "/dev/null"], &dir);
    assert_eq!(
        (o.status.code(), stderr(&o).as_str()),
        (Some(0), "/dev/null: written; build it with `vitae build /dev/null`\n")
    );
}

#[test]
fn a_fifo_at_the_output_is_written_into() {
    let dir = with_cv("out-fifo");
    let expected = reference_pdf(&dir);
    let fifo = dir.join("out.pdf");
    mkfifo(&fifo);
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read(fifo).unwrap())
    };
    let o = vitae(&["build", "cv.yaml", "-q", "-o", "out.pdf"], &dir);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(reader.join().unwrap(), expected);
    assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo(), "still a FIFO");
    assert_eq!(names(&dir), ["cv.yaml", "out.pdf"]);
}

#[test]
fn other_special_files_are_refused_with_status_3_and_left_alone() {
    let dir = with_cv("out-special");
    // A character device other than the null device (made like /dev/zero).
    mknod(&dir, "zero", 1, 5);
    let rdev = std::fs::metadata(dir.join("zero")).unwrap().rdev();
    let o = vitae(&["build", "cv.yaml", "-o", "zero"], &dir);
    assert_eq!(
        (o.status.code(), stderr(&o).as_str()),
        (
            Some(3),
            "zero: error: cannot write the PDF: it is a character device, not a regular file (vitae writes into a regular file, a FIFO or /dev/null, and never replaces a special file)\n"
        )
    );
    let m = std::fs::metadata(dir.join("zero")).unwrap();
    assert!(m.file_type().is_char_device() && m.rdev() == rdev);
    // A socket.
    let _listener = std::os::unix::net::UnixListener::bind(dir.join("sock")).unwrap();
    let o = vitae(&["build", "cv.yaml", "-o", "sock"], &dir);
    assert_eq!(
        (o.status.code(), stderr(&o).as_str()),
        (
            Some(3),
            "sock: error: cannot write the PDF: it is a socket, not a regular file (vitae writes into a regular file, a FIFO or /dev/null, and never replaces a special file)\n"
        )
    );
    assert!(
        std::fs::symlink_metadata(dir.join("sock"))
            .unwrap()
            .file_type()
            .is_socket()
    );
    // `convert` refuses them the same way.
    std::fs::copy(fixture_path("jsonresume/only-basics.json"), dir.join("r.json")).unwrap();
    let o = vitae(&["convert", "r.json", "-o", "zero"], &dir);
    assert_eq!(
        (o.status.code(), stderr(&o).as_str()),
        (
            Some(3),
            "zero: error: cannot write the YAML: it is a character device, not a regular file (vitae writes into a regular file, a FIFO or /dev/null, and never replaces a special file)\n"
        )
    );
    assert_eq!(names(&dir), ["cv.yaml", "r.json", "sock", "zero"]);
}

#[test]
fn dev_stdout_is_standard_output() {
    let dir = with_cv("out-dev-stdout");
    let expected = reference_pdf(&dir);
    let o = vitae(&["build", "cv.yaml", "-o", "/dev/stdout"], &dir);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).starts_with("/dev/stdout: 1 page, "), "{}", stderr(&o));
    assert_eq!(o.stdout, expected);
    assert!(
        std::fs::symlink_metadata("/dev/stdout")
            .unwrap()
            .file_type()
            .is_symlink(),
        "/dev/stdout is still a link"
    );
    assert_eq!(names(&dir), ["cv.yaml"]);
}

#[test]
fn a_closed_standard_output_is_a_write_error() {
    let dir = with_cv("out-closed");
    let o = shell(r#""$VITAE" build cv.yaml -o - >&-"#, &dir);
    assert_eq!(
        (o.status.code(), stderr(&o).as_str()),
        (
            Some(3),
            "<stdout>: error: cannot write the PDF: standard output is closed\n"
        )
    );
    let o = shell(r#""$VITAE" build - < cv.yaml >&-"#, &dir);
    assert_eq!(
        (o.status.code(), stderr(&o).as_str()),
        (
            Some(3),
            "<stdout>: error: cannot write the PDF: standard output is closed\n"
        )
    );
    let o = shell(r#""$VITAE" schema >&-"#, &dir);
    assert_eq!(
        (o.status.code(), stderr(&o).as_str()),
        (
            Some(3),
            "<stdout>: error: cannot write the schema: standard output is closed\n"
        )
    );
    // Sent to /dev/null on purpose, it is written (and lost, as asked).
    let o = shell(r#""$VITAE" build cv.yaml -q -o - >/dev/null"#, &dir);
    assert_eq!((o.status.code(), stderr(&o).as_str()), (Some(0), ""));
    assert_eq!(names(&dir), ["cv.yaml"]);
}

#[test]
fn a_reader_that_goes_away_is_a_write_error() {
    let dir = with_cv("out-epipe");
    let mut child = vitae_command(&["build", "cv.yaml", "-o", "-"], &dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let o = child.wait_with_output().unwrap();
    assert_eq!(
        (o.status.code(), stderr(&o).as_str()),
        (
            Some(3),
            "<stdout>: error: cannot write the PDF (Broken pipe (os error 32))\n"
        )
    );
}

#[test]
fn two_inputs_with_one_output_are_refused() {
    let dir = with_cv("out-clash");
    std::fs::copy(fixture_path("jsonresume/only-basics.json"), dir.join("cv.json")).unwrap();
    let o = vitae(&["build", "cv.yaml", "cv.json"], &dir);
    assert_eq!(
        (o.status.code(), stderr(&o).as_str()),
        (
            Some(2),
            "error: cv.yaml and cv.json would both be written to cv.pdf; build them one at a time, with -o for one of them\n"
        )
    );
    // The same folder written two ways, and the same input twice.
    let o = vitae(&["build", "cv.yaml", "./cv.json"], &dir);
    assert_eq!(
        stderr(&o),
        "error: cv.yaml and ./cv.json would both be written to ./cv.pdf; build them one at a time, with -o for one of them\n"
    );
    let o = vitae(&["build", "cv.yaml", "cv.yaml"], &dir);
    assert_eq!(
        (o.status.code(), stderr(&o).as_str()),
        (
            Some(2),
            "error: cv.yaml and cv.yaml would both be written to cv.pdf; build them one at a time, with -o for one of them\n"
        )
    );
    let o = vitae(&["build", "-", "-"], &dir);
    assert_eq!(
        (o.status.code(), stderr(&o).as_str()),
        (
            Some(2),
            "error: - and - would both be written to standard output; build them one at a time, with -o for one of them\n"
        )
    );
    assert_eq!(names(&dir), ["cv.json", "cv.yaml"]);
}
