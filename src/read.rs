//! Reading an input: a file, or standard input for `-`. At most
//! [`vitae::model::MAX_INPUT_BYTES`] + 1 bytes are read, so an endless input
//! (`/dev/zero`, `yes |`) is refused at once. Under `--watch` a file is opened without
//! blocking and read only when it is a regular file, so a FIFO swapped in for the
//! input never hangs the watcher.

use crate::report::{EXIT_INPUT, EXIT_IO};
use std::fs::FileType;
use std::io::Read as _;
use std::path::{Path, PathBuf};

/// How an input file is opened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// As `cat` does: a FIFO waits for its writer (and Ctrl-C ends the wait).
    Once,
    /// Under `--watch`: never waits; anything but a regular file is skipped with a
    /// warning.
    Watch,
}

/// The folder `design.font` paths of `input` are relative to (`None`: the current
/// folder, for standard input or a bare file name).
pub fn base_dir(input: &Path) -> Option<PathBuf> {
    input
        .parent()
        .filter(|p| !p.as_os_str().is_empty() && input != Path::new("-"))
        .map(Path::to_path_buf)
}

/// What a file that is not a regular file is, for messages ("a FIFO").
pub fn kind(t: FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt as _;
        if t.is_fifo() {
            return "a FIFO";
        } else if t.is_char_device() {
            return "a character device";
        } else if t.is_block_device() {
            return "a block device";
        } else if t.is_socket() {
            return "a socket";
        }
    }
    if t.is_dir() {
        "a folder"
    } else if t.is_symlink() {
        "a symbolic link"
    } else {
        "a special file"
    }
}

/// Makes `options` open without waiting (a FIFO without a writer opens at once).
#[cfg(unix)]
fn without_waiting(options: &mut std::fs::OpenOptions) {
    use std::os::unix::fs::OpenOptionsExt as _;
    options.custom_flags(libc::O_NONBLOCK);
}

/// Elsewhere there are no FIFOs in the file system to wait on.
#[cfg(not(unix))]
fn without_waiting(_: &mut std::fs::OpenOptions) {}

/// Reads an input: its name as shown in messages and its bytes, or the exit status
/// and the message to print (`then` ends the message of an input too large, e.g.
/// "; no PDF written").
pub fn read(input: &Path, mode: Mode, then: &str) -> Result<(String, Vec<u8>), (u8, String)> {
    let max = vitae::model::MAX_INPUT_BYTES;
    let too_large = |shown: &str, size: Option<u64>| {
        let size = size.map_or(format!("more than {max}"), |n| n.to_string());
        (
            EXIT_INPUT,
            format!("{shown}: error: the input is {size} bytes; a resume may have at most {max}{then}"),
        )
    };
    let mut bytes = Vec::new();
    if input == Path::new("-") {
        let shown = "<stdin>";
        std::io::stdin()
            .lock()
            .take(max as u64 + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| (EXIT_IO, format!("{shown}: error: cannot read standard input ({e})")))?;
        if bytes.len() > max {
            return Err(too_large(shown, None));
        }
        return Ok((shown.to_string(), bytes));
    }
    let shown = input.display().to_string();
    let cannot = |e: std::io::Error| (EXIT_IO, format!("{shown}: error: cannot read the input ({e})"));
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    if mode == Mode::Watch {
        without_waiting(&mut options);
    }
    let file = options.open(input).map_err(cannot)?;
    let meta = file.metadata().map_err(cannot)?;
    if meta.is_dir() {
        return Err((
            EXIT_IO,
            format!("{shown}: error: cannot read the input: it is a folder, not a resume file"),
        ));
    }
    if mode == Mode::Watch && !meta.is_file() {
        let what = kind(meta.file_type());
        return Err((
            EXIT_IO,
            format!(
                "{shown}: warning: not built: the input is {what}, not a regular file (--watch reads only regular files; the last PDF is kept)"
            ),
        ));
    }
    if meta.is_file() && meta.len() > max as u64 {
        return Err(too_large(&shown, Some(meta.len())));
    }
    file.take(max as u64 + 1).read_to_end(&mut bytes).map_err(cannot)?;
    if bytes.len() > max {
        return Err(too_large(&shown, None));
    }
    Ok((shown, bytes))
}

/// Reads and decodes an input, reporting a failure (with `then` after the count of
/// errors); `Err` is the exit status.
pub fn load(input: &Path, mode: Mode, then: &str) -> Result<(String, String), u8> {
    let (shown, bytes) = read(input, mode, then).map_err(|(status, m)| {
        say!("{m}");
        status
    })?;
    match vitae::decode(&bytes) {
        Ok(text) => Ok((shown, text)),
        Err(d) => {
            crate::report::diagnostics(&shown, "", &[d]);
            say!("{shown}: 1 error found{then}");
            Err(EXIT_INPUT)
        }
    }
}
