//! What the user reads on standard error, and the exit statuses.
//!
//! Every message goes through `say!`, which never panics: a closed or
//! full standard error (`2>/dev/full`) loses the message but changes neither the
//! build nor its exit status. Diagnostics are rendered by [`vitae::diag`], at most
//! [`vitae::diag::MAX_SHOWN`] of an input.

use std::io::IsTerminal as _;
use std::path::Path;

/// Exit status for an input that is invalid or cannot be set.
pub const EXIT_INPUT: u8 = 1;
/// Exit status for a usage error (clap's own status for a bad command line).
pub const EXIT_USAGE: u8 = 2;
/// Exit status for a file that cannot be read or written.
pub const EXIT_IO: u8 = 3;
/// Exit status for an internal error (EX_SOFTWARE of sysexits.h).
pub const EXIT_INTERNAL: u8 = 70;

/// `eprintln!` that never panics: a message that cannot be written to standard error
/// is dropped. (`main.rs` declares this module first, with `#[macro_use]`.)
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr().lock(), $($arg)*);
    }};
}

/// Whether diagnostics on standard error get colours: a terminal, and no `NO_COLOR`.
pub fn color() -> bool {
    std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// Prints an input's diagnostics (at most [`vitae::diag::MAX_SHOWN`], then how many
/// more there are); `shown` is the input's name, `text` its source.
pub fn diagnostics(shown: &str, text: &str, diags: &[vitae::diag::Diagnostic]) {
    for d in vitae::diag::render_all(shown, text, diags, color()) {
        say!("{d}");
    }
}

/// A usage error: the message, and exit status 2.
pub fn usage(message: &str) -> u8 {
    say!("error: {message}");
    EXIT_USAGE
}

/// How many of the diagnostics of a failed build are errors (the rest are the
/// warnings reported with them).
pub fn error_count(diags: &[vitae::diag::Diagnostic]) -> usize {
    diags
        .iter()
        .filter(|d| d.severity == vitae::diag::Severity::Error)
        .count()
}

/// `"s"` unless `n` is 1.
pub fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Runs `f` for `input`; a panic inside becomes an internal-error report and exit
/// status 70 (the panic's own message is kept for the report, not printed raw).
pub fn guarded(input: &Path, f: impl FnOnce() -> u8) -> u8 {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)) {
        Ok(status) => status,
        Err(payload) => {
            let what = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".into());
            say!(
                "{}: error: internal error in vitae {}: {what}\n  = note: nothing was written. This is a bug in vitae: please report it with this input attached.",
                input.display(),
                crate::cli::VERSION
            );
            EXIT_INTERNAL
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_is_an_internal_error_with_status_70() {
        std::panic::set_hook(Box::new(|_| {}));
        assert_eq!(guarded(Path::new("cv.yaml"), || panic!("boom")), EXIT_INTERNAL);
        assert_eq!(guarded(Path::new("cv.yaml"), || 0), 0);
    }
}
