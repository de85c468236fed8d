//! `vitae build --watch`: builds, then rebuilds on every change of the input until
//! interrupted. The input's folder is watched (editors replace files by renaming,
//! which a watch on the file itself would lose), and when the input is a symbolic
//! link, the folder of the file it leads to as well. Inputs are read with
//! [`Mode::Watch`]: a FIFO or device swapped in is skipped with a warning, never
//! waited on.

use crate::job::Job;
use crate::read::Mode;
use crate::report::EXIT_IO;
use notify::{RecursiveMode, Watcher as _};
use std::collections::BTreeSet;
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// How long the input must be quiet before a rebuild.
const DEBOUNCE: Duration = Duration::from_millis(150);

/// The files whose changes count: the input as named and, when it is a symbolic
/// link, the file it leads to now.
fn targets(input: &Path) -> Vec<PathBuf> {
    let mut out = vec![input.to_path_buf()];
    if std::fs::symlink_metadata(input).is_ok_and(|m| m.file_type().is_symlink())
        && let Ok(real) = input.canonicalize()
    {
        out.push(real);
    }
    out
}

/// The folder a file is in (`.` for a bare name).
fn folder(path: &Path) -> PathBuf {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .to_path_buf()
}

/// Builds, then rebuilds `input` on every change; returns the exit status (only when
/// the watch cannot be set up or ends).
pub fn watch(job: &Job, input: &Path, output: Option<PathBuf>) -> u8 {
    let _ = job.build(input, output.clone(), Mode::Watch);
    let (tx, rx) = std::sync::mpsc::channel();
    let mut watcher = match notify::recommended_watcher(move |ev: notify::Result<notify::Event>| {
        let _ = tx.send(ev);
    }) {
        Ok(w) => w,
        Err(e) => {
            say!("{}: error: cannot watch the input ({e})", input.display());
            return EXIT_IO;
        }
    };
    let mut watched: BTreeSet<PathBuf> = BTreeSet::new();
    let mut names: BTreeSet<OsString> = BTreeSet::new();
    // Watches the folders of the input's targets not yet watched; false on a failure.
    let mut follow = |watcher: &mut notify::RecommendedWatcher, names: &mut BTreeSet<OsString>| -> bool {
        for t in targets(input) {
            names.extend(t.file_name().map(|n| n.to_os_string()));
            let dir = folder(&t);
            if watched.contains(&dir) {
                continue;
            }
            if let Err(e) = watcher.watch(&dir, RecursiveMode::NonRecursive) {
                say!("{}: error: cannot watch the input ({e})", input.display());
                return false;
            }
            watched.insert(dir);
        }
        true
    };
    if !follow(&mut watcher, &mut names) {
        return EXIT_IO;
    }
    if !job.quiet {
        say!("{}: watching for changes (Ctrl-C to stop)", input.display());
    }
    loop {
        // Only changes to the input count: not reads (of the PDF, say) nor our own
        // writes to other files in the folder.
        let relevant = |ev: &notify::Result<notify::Event>| {
            ev.as_ref().is_ok_and(|e| {
                !e.kind.is_access() && e.paths.iter().any(|p| p.file_name().is_some_and(|n| names.contains(n)))
            })
        };
        match rx.recv() {
            Ok(ev) if relevant(&ev) => {}
            Ok(_) => continue,
            Err(_) => return 0,
        }
        // Debounce: rebuild once the input has been quiet for a while.
        let mut quiet_from = Instant::now();
        loop {
            let left = DEBOUNCE.saturating_sub(quiet_from.elapsed());
            match rx.recv_timeout(left) {
                Ok(ev) if relevant(&ev) => quiet_from = Instant::now(),
                Ok(_) => {}
                Err(std::sync::mpsc::RecvTimeoutError::Timeout) => break,
                Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => return 0,
            }
        }
        let _ = job.build(input, output.clone(), Mode::Watch);
        // The link may now lead elsewhere.
        if !follow(&mut watcher, &mut names) {
            return EXIT_IO;
        }
    }
}
