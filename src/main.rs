//! The `vitae` command line: reads files, calls the library, writes PDFs atomically,
//! prints diagnostics to standard error and sets the exit status.
//!
//! Exit status: 0 success; 1 an input is invalid or cannot be set; 2 a usage error
//! (from clap); 3 an input cannot be read or an output cannot be written; 70 an
//! internal error (a panic, caught: reported with the input's name, nothing written).
#![forbid(unsafe_code)]

use clap::{Parser, Subcommand};
use std::io::{IsTerminal as _, Read as _, Write as _};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

/// The version, with the commit it was built from when git knew it.
const VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), env!("VITAE_COMMIT"));

/// Typeset a resume written in YAML into a PDF.
#[derive(Parser, Debug)]
#[command(name = "vitae", version = VERSION, about, long_about = None, after_help = "Examples:\n  vitae init                  write a starter resume.yaml\n  vitae build                 resume.yaml → resume.pdf\n  vitae check cv.yaml         report every problem, write nothing\n  vitae build resume.json     a JSON Resume → resume.pdf\n  vitae convert resume.json   a JSON Resume → resume.yaml, vitae's format\n\nThe format: docs/format.md. Exit status: 0 ok, 1 invalid input, 2 usage, 3 file error, 70 internal error.")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Build resumes into PDFs
    ///
    /// Each INPUT (vitae's YAML, or a JSON Resume in JSON or YAML) is written next
    /// to itself with the extension .pdf, several in parallel. `-` reads standard input and, without -o, writes the PDF to standard
    /// output (never to a terminal); `-o -` writes to standard output.
    ///
    /// Examples:
    ///   vitae build                          (resume.yaml → resume.pdf)
    ///   vitae build cv.yaml -o out.pdf
    ///   vitae build resume.json              (a JSON Resume → resume.pdf)
    ///   vitae build en.yaml de.yaml --deny-warnings
    ///   vitae build cv.yaml --fit-pages 1 --watch
    #[command(verbatim_doc_comment)]
    Build {
        /// The resumes to build [default: resume.yaml].
        inputs: Vec<PathBuf>,
        /// Where to write the PDF (only with one input; `-` for standard output).
        #[arg(short, long)]
        output: Option<PathBuf>,
        #[command(flatten)]
        common: Common,
        /// Print nothing on success.
        #[arg(short, long)]
        quiet: bool,
        /// Rebuild whenever the input changes (until interrupted); a failed rebuild
        /// keeps the last good PDF.
        #[arg(long)]
        watch: bool,
    },
    /// Check resumes without writing anything: report every error and warning
    ///
    /// The exit status says whether each input would build.
    ///
    /// Example: vitae check resume.yaml
    Check {
        /// The resumes to check [default: resume.yaml].
        inputs: Vec<PathBuf>,
        #[command(flatten)]
        common: Common,
    },
    /// Write a commented starter resume (a fictional person) that builds as it is
    ///
    /// Example: vitae init cv.yaml
    Init {
        /// Where to write it.
        #[arg(default_value = "resume.yaml")]
        path: PathBuf,
        /// Overwrite an existing file.
        #[arg(long)]
        force: bool,
    },
    /// Convert a JSON Resume into vitae's YAML, commented
    ///
    /// INPUT is a JSON Resume (https://jsonresume.org/schema), written in JSON or in
    /// YAML. The YAML goes next to it with the extension .yaml (an existing file is
    /// kept unless --force); `-o -` writes it to standard output. Building the YAML
    /// gives the same PDF as building the JSON Resume itself.
    ///
    /// Examples:
    ///   vitae convert resume.json            (resume.json → resume.yaml)
    ///   vitae convert resume.json -o cv.yaml
    ///   vitae convert resume.json -o - | less
    #[command(verbatim_doc_comment)]
    Convert {
        /// The JSON Resume to convert (`-` for standard input).
        #[arg(default_value = "resume.json")]
        input: PathBuf,
        /// Where to write the YAML (`-` for standard output).
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Overwrite an existing file.
        #[arg(long)]
        force: bool,
    },
    /// Print the JSON Schema of the resume format, for editors' YAML language servers
    ///
    /// Example: vitae schema > vitae.schema.json
    Schema,
    /// List the font families vitae can use: bundled, then installed
    ///
    /// Example: vitae fonts
    Fonts,
}

/// Options shared by `build` and `check` (so that `check` judges what `build` would
/// set).
#[derive(clap::Args, Debug, Clone)]
struct Common {
    /// Fail when there is any warning (for CI).
    #[arg(long)]
    deny_warnings: bool,
    /// Use this theme instead of `design.theme`: classic, modern, compact or banking
    /// (the file's other design keys still apply).
    #[arg(long, value_name = "THEME", value_parser = parse_theme)]
    theme: Option<vitae::style::Theme>,
    /// Fit into N pages by scaling the type down (to 85 % at most); overrides
    /// `design.fit_pages`.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=200))]
    fit_pages: Option<u32>,
    /// Page size for this run: `letter` or `a4`; overrides `design.page`.
    #[arg(long, value_name = "SIZE")]
    page: Option<String>,
    /// Body size for this run (e.g. `10pt`, `9.5`); overrides `design.font_size`.
    #[arg(long, value_name = "LENGTH")]
    font_size: Option<String>,
}

impl Common {
    /// The build options these flags give, or a usage error's message.
    fn options(&self) -> Result<vitae::Options, String> {
        use vitae::style::Overrides;
        let page = self.page.as_deref().map(Overrides::parse_page).transpose()?;
        let font_size = self.font_size.as_deref().map(Overrides::parse_font_size).transpose()?;
        let overrides = Overrides { theme: self.theme, page, font_size, fit_pages: self.fit_pages, base_dir: None };
        Ok(vitae::Options { deny_warnings: self.deny_warnings, overrides, ..Default::default() })
    }
}

/// `--theme`'s value.
fn parse_theme(s: &str) -> Result<vitae::style::Theme, String> {
    vitae::style::Overrides::parse_theme(s)
}

/// The options for one input: `design.font` paths are relative to its folder.
fn for_input(options: &vitae::Options, input: &Path) -> vitae::Options {
    let dir = input.parent().filter(|p| !p.as_os_str().is_empty() && input != Path::new("-")).map(Path::to_path_buf);
    let mut o = options.clone();
    o.overrides.base_dir = dir;
    o
}

/// Exit status for an input that is invalid or cannot be set.
const EXIT_INPUT: u8 = 1;
/// Exit status for a file that cannot be read or written.
const EXIT_IO: u8 = 3;
/// Exit status for an internal error (EX_SOFTWARE of sysexits.h).
const EXIT_INTERNAL: u8 = 70;

/// Runs `f` for `input`; a panic inside becomes an internal-error report and exit
/// status 70 (the panic's own message is kept for the report, not printed raw).
fn guarded(input: &Path, f: impl FnOnce() -> u8) -> u8 {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)) {
        Ok(status) => status,
        Err(payload) => {
            let what = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".into());
            eprintln!(
                "{}: error: internal error in vitae {VERSION}: {what}\n  = note: nothing was written. This is a bug in vitae: please report it with this input attached.",
                input.display()
            );
            EXIT_INTERNAL
        }
    }
}

fn main() -> ExitCode {
    // Panics are reported by `guarded`, in the user's terms, not by the default hook.
    std::panic::set_hook(Box::new(|_| {}));
    let cli = Cli::parse();
    match cli.command {
        Command::Build { inputs, output, common, quiet, watch } => {
            let inputs = if inputs.is_empty() { vec![PathBuf::from("resume.yaml")] } else { inputs };
            if output.is_some() && inputs.len() > 1 {
                eprintln!("error: `-o` names one output, but {} inputs were given; leave it out to write each PDF next to its input", inputs.len());
                return ExitCode::from(2);
            }
            let date = std::env::var("SOURCE_DATE_EPOCH").ok().and_then(|v| v.trim().parse::<i64>().ok());
            let options = match common.options() {
                Ok(o) => vitae::Options { date, ..o },
                Err(m) => return usage(&m),
            };
            let job = Job { options, quiet };
            if watch {
                if inputs.len() != 1 || inputs[0] == Path::new("-") {
                    return usage("--watch takes one input file");
                }
                return job.watch(&inputs[0], output);
            }
            job.run_all(&inputs, output)
        }
        Command::Check { inputs, common } => {
            let inputs = if inputs.is_empty() { vec![PathBuf::from("resume.yaml")] } else { inputs };
            let options = match common.options() {
                Ok(o) => o,
                Err(m) => return usage(&m),
            };
            let worst = inputs.iter().map(|i| guarded(i, || check(i, &options))).max().unwrap_or(0);
            ExitCode::from(worst)
        }
        Command::Init { path, force } => init(&path, force),
        Command::Convert { input, output, force } => ExitCode::from(guarded(&input, || convert(&input, output, force))),
        Command::Schema => {
            println!("{}", vitae::schema::json());
            ExitCode::SUCCESS
        }
        Command::Fonts => {
            for f in vitae::text::families() {
                println!("{f}");
            }
            let installed = vitae::text::resolve::installed();
            println!("\n{} famil{} installed on this system (`font: <name>`):", installed.len(), if installed.len() == 1 { "y" } else { "ies" });
            for f in installed {
                println!("  {f}");
            }
            ExitCode::SUCCESS
        }
    }
}

fn usage(message: &str) -> ExitCode {
    eprintln!("error: {message}");
    ExitCode::from(2)
}

/// Whether diagnostics on standard error get colours: a terminal, and no `NO_COLOR`.
fn color() -> bool {
    std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// Reads an input: a file, or standard input for `-`. The name shown in messages.
fn read_input(input: &Path) -> Result<(String, Vec<u8>), String> {
    if input == Path::new("-") {
        let mut bytes = Vec::new();
        return std::io::stdin().read_to_end(&mut bytes).map(|_| ("<stdin>".to_string(), bytes)).map_err(|e| format!("<stdin>: error: cannot read standard input ({e})"));
    }
    let shown = input.display().to_string();
    if input.is_dir() {
        return Err(format!("{shown}: error: cannot read the input: it is a folder, not a resume file"));
    }

    std::fs::read(input).map(|b| (shown.clone(), b)).map_err(|e| format!("{shown}: error: cannot read the input ({e})"))
}

/// Prints diagnostics for an input.
fn report(shown: &str, text: &str, diags: &[vitae::diag::Diagnostic]) {
    let c = color();
    for d in diags {
        eprintln!("{}", d.render_styled(shown, text, c));
    }
}

/// Reads and decodes an input, reporting a failure (with `then` after the count of
/// errors); `Err` is the exit status.
fn load(input: &Path, then: &str) -> Result<(String, String), u8> {
    let (shown, bytes) = read_input(input).map_err(|m| {
        eprintln!("{m}");
        EXIT_IO
    })?;
    if bytes.len() > vitae::model::MAX_INPUT_BYTES {
        eprintln!("{shown}: error: the input is {} bytes; a resume may have at most {}{then}", bytes.len(), vitae::model::MAX_INPUT_BYTES);
        return Err(EXIT_INPUT);
    }
    match vitae::decode(&bytes) {
        Ok(text) => Ok((shown, text)),
        Err(d) => {
            report(&shown, "", &[d]);
            eprintln!("{shown}: 1 error found{then}");
            Err(EXIT_INPUT)
        }
    }
}

/// `vitae check`: lays the input out and reports; returns the exit status.
fn check(input: &Path, options: &vitae::Options) -> u8 {
    let (shown, text) = match load(input, "") {
        Ok(x) => x,
        Err(status) => return status,
    };
    match vitae::lay_out(&text, &for_input(options, input)) {
        Ok(laid) => {
            report(&shown, &text, &laid.warnings);
            if options.deny_warnings && !laid.warnings.is_empty() {
                eprintln!("{shown}: {} warning{} denied", laid.warnings.len(), plural(laid.warnings.len()));
                return EXIT_INPUT;
            }
            eprintln!("{shown}: ok, {} page{}", laid.doc.pages.len(), plural(laid.doc.pages.len()));
            0
        }
        Err(errors) => {
            report(&shown, &text, &errors);
            let n = error_count(&errors);
            eprintln!("{shown}: {n} error{} found", plural(n));
            EXIT_INPUT
        }
    }
}

/// How many of the diagnostics of a failed build are errors (the rest are the
/// warnings reported with them).
fn error_count(diags: &[vitae::diag::Diagnostic]) -> usize {
    diags.iter().filter(|d| d.severity == vitae::diag::Severity::Error).count()
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// A build's settings.
struct Job {
    options: vitae::Options,
    quiet: bool,
}

impl Job {
    /// Builds every input, in parallel; the exit status is the worst of them.
    fn run_all(&self, inputs: &[PathBuf], output: Option<PathBuf>) -> ExitCode {
        if inputs.len() == 1 {
            return ExitCode::from(guarded(&inputs[0], || self.build(&inputs[0], output)));
        }
        let threads = std::thread::available_parallelism().map_or(2, |n| n.get()).min(inputs.len());
        let next = std::sync::atomic::AtomicUsize::new(0);
        let worst = std::sync::atomic::AtomicU8::new(0);
        std::thread::scope(|s| {
            for _ in 0..threads {
                s.spawn(|| loop {
                    let k = next.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                    let Some(input) = inputs.get(k) else { break };
                    let status = guarded(input, || self.build(input, None));
                    worst.fetch_max(status, std::sync::atomic::Ordering::SeqCst);
                });
            }
        });
        ExitCode::from(worst.into_inner())
    }

    /// Builds one input; returns its exit status.
    fn build(&self, input: &Path, output: Option<PathBuf>) -> u8 {
        let started = Instant::now();
        let from_stdin = input == Path::new("-");
        let output = output.unwrap_or_else(|| if from_stdin { PathBuf::from("-") } else { input.with_extension("pdf") });
        let to_stdout = output == Path::new("-");
        if input.is_dir() {
            eprintln!("{}: error: cannot read the input: it is a folder, not a resume file", input.display());
            return EXIT_IO;
        }
        if to_stdout && std::io::stdout().is_terminal() {
            eprintln!("error: refusing to write a PDF to the terminal; redirect standard output (`> cv.pdf`) or give a file with -o");
            return EXIT_IO;
        }
        if !from_stdin && !to_stdout && same_file(input, &output) {
            eprintln!("{}: error: the output {} is the input itself; choose another path with -o", input.display(), output.display());
            return EXIT_IO;
        }
        let (shown, text) = match load(input, "; no PDF written") {
            Ok(x) => x,
            Err(status) => return status,
        };
        match vitae::compile(&text, &for_input(&self.options, input)) {
            Ok(out) => {
                report(&shown, &text, &out.warnings);
                if !self.quiet {
                    for n in &out.notes {
                        eprintln!("{shown}: {n}");
                    }
                }
                let written = if to_stdout {
                    let mut so = std::io::stdout().lock();
                    so.write_all(&out.pdf).and_then(|_| so.flush()).map_err(|e| format!("<stdout>: error: cannot write the PDF ({e})"))
                } else {
                    write_atomically(&output, &out.pdf).map_err(|e| format!("{}: error: cannot write the PDF: {}", output.display(), explain_write_error(&output, &e)))
                };
                if let Err(m) = written {
                    eprintln!("{m}");
                    return EXIT_IO;
                }
                if !self.quiet {
                    let shown_out = if to_stdout { "<stdout>".to_string() } else { output.display().to_string() };
                    eprintln!(
                        "{shown_out}: {} page{}, {} KB, {} ms",
                        out.pages,
                        plural(out.pages),
                        out.pdf.len().div_ceil(1000),
                        started.elapsed().as_millis()
                    );
                }
                0
            }
            Err(errors) => {
                report(&shown, &text, &errors);
                let n = error_count(&errors);
                eprintln!("{shown}: {n} error{} found; no PDF written", plural(n));
                EXIT_INPUT
            }
        }
    }

    /// Builds, then rebuilds on every change of the input (debounced by 150 ms),
    /// until interrupted.
    fn watch(&self, input: &Path, output: Option<PathBuf>) -> ExitCode {
        use notify::{RecursiveMode, Watcher as _};
        let _ = self.build(input, output.clone());
        let (tx, rx) = std::sync::mpsc::channel();
        let mut watcher = match notify::recommended_watcher(move |ev: notify::Result<notify::Event>| {
            let _ = tx.send(ev);
        }) {
            Ok(w) => w,
            Err(e) => {
                eprintln!("{}: error: cannot watch the input ({e})", input.display());
                return ExitCode::from(EXIT_IO);
            }
        };
        // Watch the folder: editors replace files by renaming, which a watch on the
        // file itself would lose.
        let dir = input.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        if let Err(e) = watcher.watch(dir, RecursiveMode::NonRecursive) {
            eprintln!("{}: error: cannot watch the input ({e})", input.display());
            return ExitCode::from(EXIT_IO);
        }
        let name = input.file_name().map(|n| n.to_os_string());
        if !self.quiet {
            eprintln!("{}: watching for changes (Ctrl-C to stop)", input.display());
        }
        // Only changes to the input count: not reads (of the PDF, say) nor our own
        // writes to other files in the folder.
        let relevant = |ev: &notify::Result<notify::Event>| {
            ev.as_ref().is_ok_and(|e| !e.kind.is_access() && e.paths.iter().any(|p| p.file_name().map(|n| n.to_os_string()) == name))
        };
        loop {
            match rx.recv() {
                Ok(ev) if relevant(&ev) => {}
                Ok(_) => continue,
                Err(_) => return ExitCode::SUCCESS,
            }
            // Debounce: rebuild once the input has been quiet for 150 ms.
            let mut quiet_from = Instant::now();
            loop {
                let left = Duration::from_millis(150).saturating_sub(quiet_from.elapsed());
                match rx.recv_timeout(left) {
                    Ok(ev) if relevant(&ev) => quiet_from = Instant::now(),
                    Ok(_) => {}
                    Err(std::sync::mpsc::RecvTimeoutError::Timeout) => break,
                    Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => return ExitCode::SUCCESS,
                }
            }
            let _ = self.build(input, output.clone());
        }
    }
}

/// `vitae init`: writes the starter resume unless a file is there.
fn init(path: &Path, force: bool) -> ExitCode {
    if path.exists() && !force {
        eprintln!("{}: error: the file exists; use --force to overwrite it", path.display());
        return ExitCode::from(EXIT_IO);
    }
    if let Err(e) = write_atomically(path, vitae::schema::STARTER.as_bytes()) {
        eprintln!("{}: error: cannot write the starter resume: {}", path.display(), explain_write_error(path, &e));
        return ExitCode::from(EXIT_IO);
    }
    eprintln!("{}: written; build it with `vitae build {}`", path.display(), path.display());
    ExitCode::SUCCESS
}

/// `vitae convert`: writes the vitae YAML of a JSON Resume; returns the exit status.
fn convert(input: &Path, output: Option<PathBuf>, force: bool) -> u8 {
    let from_stdin = input == Path::new("-");
    let output = output.unwrap_or_else(|| if from_stdin { PathBuf::from("-") } else { input.with_extension("yaml") });
    let to_stdout = output == Path::new("-");
    if !from_stdin && !to_stdout && same_file(input, &output) {
        eprintln!("{}: error: the output {} is the input itself; choose another path with -o", input.display(), output.display());
        return EXIT_IO;
    }
    if !to_stdout && output.exists() && !force {
        eprintln!("{}: error: the file exists; use --force to overwrite it", output.display());
        return EXIT_IO;
    }
    let (shown, text) = match load(input, "; nothing written") {
        Ok(x) => x,
        Err(status) => return status,
    };
    let overrides = for_input(&vitae::Options::default(), input).overrides;
    match vitae::input::convert_json(&text, &overrides) {
        Ok(c) => {
            report(&shown, &text, &c.prepared.warnings);
            let written = if to_stdout {
                let mut so = std::io::stdout().lock();
                so.write_all(c.yaml.as_bytes()).and_then(|_| so.flush()).map_err(|e| format!("<stdout>: error: cannot write the YAML ({e})"))
            } else {
                write_atomically(&output, c.yaml.as_bytes()).map_err(|e| format!("{}: error: cannot write the YAML: {}", output.display(), explain_write_error(&output, &e)))
            };
            if let Err(m) = written {
                eprintln!("{m}");
                return EXIT_IO;
            }
            if !to_stdout {
                eprintln!("{}: written; build it with `vitae build {}`", output.display(), output.display());
            }
            0
        }
        Err(errors) => {
            report(&shown, &text, &errors);
            let n = error_count(&errors);
            eprintln!("{shown}: {n} error{} found; nothing written", plural(n));
            EXIT_INPUT
        }
    }
}

/// Says why an output path cannot be written, in the user's terms.
fn explain_write_error(path: &Path, e: &std::io::Error) -> String {
    let parent = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    if path.is_dir() {
        format!("it is a folder; give a file name such as {} ({e})", path.join("resume.pdf").display())
    } else if !parent.is_dir() {
        format!("the folder {} does not exist ({e})", parent.display())
    } else {
        e.to_string()
    }
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(x), Ok(y)) => x == y,
        _ => a == b,
    }
}

/// Writes to a temporary file in the target folder, then renames it over the target,
/// so a reader never sees a partial file and a failure leaves the old one intact.
fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "out.pdf".into());
    let tmp = dir.join(format!(".{name}.{}.{:?}.tmp", std::process::id(), std::thread::current().id()).replace(['(', ')'], ""));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
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
