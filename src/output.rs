//! Where an output goes and how it is written: the one write path of `build`,
//! `convert` and `init`.
//!
//! - `-` (and `/dev/stdout`, `/dev/fd/1`, `/proc/self/fd/1`): standard output. When
//!   standard output was closed, the write fails (exit 3) instead of vanishing.
//! - A path that does not exist or is a regular file: the bytes go to a temporary file
//!   in the output's folder, created exclusively (`O_EXCL`, mode 0666 less the umask)
//!   under an unguessable name of 19 bytes (`.vitae-XXXXXXXX.tmp`, from the `tempfile`
//!   crate), then renamed over the path: a reader never sees a partial file, a failure
//!   leaves the old one intact, and a symbolic link planted in the folder is never
//!   written through. A symbolic link at the path itself is replaced, not followed.
//! - A FIFO, the null device, or a path through `/proc/…/fd` (`/dev/stderr`,
//!   `/dev/fd/N`): written into directly, never replaced.
//! - Any other special file (a terminal, `/dev/zero`, a block device, a socket):
//!   refused, exit 3.

use std::fs::{Metadata, OpenOptions};
use std::io::Write as _;
use std::path::{Path, PathBuf};

/// Paths that name standard output itself: written as `-` is.
const STDOUT_ALIASES: [&str; 3] = ["/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"];

/// An output: the path as the user gave it, and how it is written.
#[derive(Debug)]
pub struct Output {
    path: PathBuf,
    how: How,
}

/// How an output is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum How {
    /// To standard output.
    Stdout,
    /// To a temporary file renamed over the path.
    Replace,
    /// Into the existing file, which must still be what it was when looked at.
    Into(Special),
}

/// A file written into rather than replaced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Special {
    /// A FIFO (named pipe).
    Fifo,
    /// The null device (its device number).
    Null(u64),
    /// A file reached through `/proc/…/fd` (`/dev/stderr`): truncated, then written.
    Descriptor,
}

impl Output {
    /// Standard output.
    pub fn stdout() -> Output {
        Output {
            path: PathBuf::from("-"),
            how: How::Stdout,
        }
    }

    /// Where `path` leads, looked at now; `what` ("PDF", "YAML") names the output in
    /// the message that refuses a special file.
    pub fn resolve(path: &Path, what: &str) -> Result<Output, String> {
        if path == Path::new("-") || STDOUT_ALIASES.iter().any(|a| path == Path::new(a)) {
            return Ok(Output {
                path: path.to_path_buf(),
                how: How::Stdout,
            });
        }
        let how = match std::fs::metadata(path) {
            // Missing (or a dangling link, which is replaced), or not to be looked at:
            // the write says why it fails. A folder too: the rename says it.
            Err(_) => How::Replace,
            Ok(m) if m.is_dir() => How::Replace,
            Ok(m) if m.is_file() => {
                if through_descriptor(path) {
                    How::Into(Special::Descriptor)
                } else {
                    How::Replace
                }
            }
            Ok(m) if sys::is_fifo(&m) => How::Into(Special::Fifo),
            Ok(m) if is_null(&m) => How::Into(Special::Null(sys::device(&m).unwrap_or_default())),
            Ok(m) => {
                let kind = crate::read::kind(m.file_type());
                return Err(format!(
                    "{}: error: cannot write the {what}: it is {kind}, not a regular file (vitae writes into a regular file, a FIFO or /dev/null, and never replaces a special file)",
                    path.display()
                ));
            }
        };
        Ok(Output {
            path: path.to_path_buf(),
            how,
        })
    }

    /// Whether the output is standard output.
    pub fn is_stdout(&self) -> bool {
        self.how == How::Stdout
    }

    /// The output's name in messages: `<stdout>` for `-`, else the path as given.
    pub fn shown(&self) -> String {
        if self.path == Path::new("-") {
            "<stdout>".into()
        } else {
            self.path.display().to_string()
        }
    }

    /// Whether writing would replace a file that is there (what `--force` allows).
    pub fn replaces_a_file(&self) -> bool {
        self.how == How::Replace && self.path.exists()
    }

    /// The message refusing to write over the input itself, when the output is it.
    pub fn is_input(&self, input: &Path) -> Option<String> {
        let same = match (input.canonicalize(), self.path.canonicalize()) {
            (Ok(x), Ok(y)) => x == y,
            _ => input == self.path,
        };
        (self.how == How::Replace && input != Path::new("-") && same).then(|| {
            format!(
                "{}: error: the output {} is the input itself; choose another path with -o",
                input.display(),
                self.path.display()
            )
        })
    }

    /// Writes `bytes`; `what` ("PDF", "YAML", "starter resume") names them in the
    /// message of a failure, which is the `Err`.
    pub fn write(&self, bytes: &[u8], what: &str) -> Result<(), String> {
        match self.how {
            How::Stdout => {
                if sys::stdout_closed() {
                    return Err(format!(
                        "{}: error: cannot write the {what}: standard output is closed",
                        self.shown()
                    ));
                }
                let mut so = std::io::stdout().lock();
                so.write_all(bytes)
                    .and_then(|_| so.flush())
                    .map_err(|e| format!("{}: error: cannot write the {what} ({e})", self.shown()))
            }
            How::Replace => replace(&self.path, bytes).map_err(|e| {
                format!(
                    "{}: error: cannot write the {what}: {}",
                    self.path.display(),
                    explain(&self.path, &e)
                )
            }),
            How::Into(special) => into(&self.path, special, bytes)
                .map_err(|e| format!("{}: error: cannot write the {what}: {e}", self.path.display())),
        }
    }
}

/// Writes to a temporary file in the target's folder, then renames it over the target.
fn replace(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut tmp = tempfile::Builder::new()
        .prefix(".vitae-")
        .suffix(".tmp")
        .rand_bytes(8)
        .make_in(dir, |p| {
            sys::like_a_new_file(OpenOptions::new().write(true).create_new(true)).open(p)
        })?;
    tmp.as_file_mut().write_all(bytes)?;
    tmp.as_file().sync_all()?;
    // On failure the temporary file is dropped, which removes it.
    tmp.persist(path).map(drop).map_err(|e| e.error)
}

/// Writes into an existing FIFO, null device or descriptor, after checking that the
/// file opened is still of that kind (never a regular file swapped in meanwhile).
fn into(path: &Path, special: Special, bytes: &[u8]) -> std::io::Result<()> {
    let mut f = OpenOptions::new()
        .write(true)
        .truncate(special == Special::Descriptor)
        .open(path)?;
    let m = f.metadata()?;
    let same = match special {
        Special::Fifo => sys::is_fifo(&m),
        Special::Null(dev) => sys::device(&m) == Some(dev),
        Special::Descriptor => m.is_file(),
    };
    if !same {
        return Err(std::io::Error::other(format!(
            "it changed into {} while vitae opened it",
            crate::read::kind(m.file_type())
        )));
    }
    f.write_all(bytes)?;
    f.flush()
}

/// Whether a path leads through `/proc/…/fd`: `/dev/stderr`, `/dev/fd/N`.
fn through_descriptor(path: &Path) -> bool {
    let proc = |p: PathBuf| p.starts_with("/proc");
    path.parent().and_then(|d| d.canonicalize().ok()).is_some_and(proc) || std::fs::read_link(path).is_ok_and(proc)
}

/// Whether a file is the null device (`/dev/null`, or a node made like it).
fn is_null(m: &Metadata) -> bool {
    sys::device(m).is_some_and(|dev| std::fs::metadata("/dev/null").is_ok_and(|null| sys::device(&null) == Some(dev)))
}

/// What the file system tells only on Unix: FIFOs, devices, modes, descriptors.
#[cfg(unix)]
mod sys {
    use std::fs::{Metadata, OpenOptions};
    use std::os::unix::fs::{FileTypeExt as _, MetadataExt as _, OpenOptionsExt as _};

    /// Whether the file is a FIFO.
    pub fn is_fifo(m: &Metadata) -> bool {
        m.file_type().is_fifo()
    }

    /// A character device's number.
    pub fn device(m: &Metadata) -> Option<u64> {
        m.file_type().is_char_device().then(|| m.rdev())
    }

    /// Mode 0666 less the umask, as `File::create` gives (not tempfile's 0600).
    pub fn like_a_new_file(o: &mut OpenOptions) -> &mut OpenOptions {
        o.mode(0o666)
    }

    /// Whether standard output was closed when vitae started. Rust's runtime puts
    /// `/dev/null`, opened for reading and writing, on a standard stream found closed,
    /// so writes to it would succeed and the output vanish; a shell's `>/dev/null`
    /// opens it write-only. (Linux: read from `/proc/self/fdinfo`; elsewhere, never.)
    pub fn stdout_closed() -> bool {
        let null = std::fs::metadata("/proc/self/fd/1").is_ok_and(|m| super::is_null(&m));
        let flags = || {
            let info = std::fs::read_to_string("/proc/self/fdinfo/1").ok()?;
            let octal = info.lines().find_map(|l| l.strip_prefix("flags:"))?;
            i32::from_str_radix(octal.trim(), 8).ok()
        };
        null && flags().is_some_and(|f| f & libc::O_ACCMODE == libc::O_RDWR)
    }
}

/// Elsewhere: no FIFOs or devices at a path, the default mode, no closed stream seen.
#[cfg(not(unix))]
mod sys {
    use std::fs::{Metadata, OpenOptions};

    /// Never a FIFO.
    pub fn is_fifo(_: &Metadata) -> bool {
        false
    }

    /// Never a device.
    pub fn device(_: &Metadata) -> Option<u64> {
        None
    }

    /// The platform's default.
    pub fn like_a_new_file(o: &mut OpenOptions) -> &mut OpenOptions {
        o
    }

    /// Not detected.
    pub fn stdout_closed() -> bool {
        false
    }
}

/// Says why an output path cannot be written, in the user's terms.
fn explain(path: &Path, e: &std::io::Error) -> String {
    let parent = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    if path.is_dir() {
        format!(
            "it is a folder; give a file name such as {} ({e})",
            path.join("resume.pdf").display()
        )
    } else if !parent.is_dir() {
        format!("the folder {} does not exist ({e})", parent.display())
    } else {
        e.to_string()
    }
}
