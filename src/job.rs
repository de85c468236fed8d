//! `vitae build` and `vitae check`: each input read, laid out or compiled, reported,
//! and (for `build`) written; several inputs on threads.

use crate::cli::{BuildArgs, CheckArgs};
use crate::output::Output;
use crate::read::{self, Mode};
use crate::report::{EXIT_INPUT, EXIT_IO, EXIT_USAGE, diagnostics, error_count, guarded, plural, usage};
use std::io::IsTerminal as _;
use std::path::{Path, PathBuf};
use std::time::Instant;
use vitae::write::Format;

/// The inputs given, or `resume.yaml`.
fn inputs_or_default(inputs: Vec<PathBuf>) -> Vec<PathBuf> {
    if inputs.is_empty() {
        vec![PathBuf::from("resume.yaml")]
    } else {
        inputs
    }
}

/// The options for one input: `design.font` paths are relative to its folder.
pub fn for_input(options: &vitae::Options, input: &Path) -> vitae::Options {
    let mut o = options.clone();
    o.overrides.base_dir = read::base_dir(input);
    o
}

/// With no input given and no `resume.yaml` in the current folder: the error that
/// says so and suggests `vitae init` (exit status 3).
fn no_default_input(inputs: &[PathBuf]) -> Option<u8> {
    if inputs.is_empty() && std::fs::symlink_metadata("resume.yaml").is_err() {
        say!(
            "resume.yaml: error: no resume.yaml in this folder; name the input file, or write a starter with `vitae init`"
        );
        return Some(EXIT_IO);
    }
    None
}

/// `vitae build`; returns the exit status.
pub fn build(args: BuildArgs) -> u8 {
    if let Some(status) = no_default_input(&args.inputs) {
        return status;
    }
    let inputs = inputs_or_default(args.inputs);
    if args.output.is_some() && inputs.len() > 1 {
        say!(
            "error: `-o` names one output, but {} inputs were given; leave it out to write each PDF next to its input",
            inputs.len()
        );
        return crate::report::EXIT_USAGE;
    }
    let options = match args.common.options() {
        Ok(o) => o,
        Err(m) => return usage(&m),
    };
    let date = match crate::cli::source_date_epoch() {
        Ok(d) => d,
        Err(m) => {
            say!("error: {m}");
            return EXIT_INPUT;
        }
    };
    let formats = args.format.map(|f| f.0);
    if args.output.is_some()
        && let Some(f) = &formats
        && f.len() > 1
    {
        return usage(&format!(
            "`-o` names one output, but --format names {} formats; leave -o out to write each next to the input",
            f.len()
        ));
    }
    let job = Job {
        options: vitae::Options { date, ..options },
        quiet: args.quiet,
        formats,
        dpi: args.dpi,
    };
    if args.watch {
        if inputs.len() != 1 || inputs[0] == Path::new("-") {
            return usage("--watch takes one input file");
        }
        return crate::watch::watch(&job, &inputs[0], args.output);
    }
    if let Some(m) = same_outputs(&inputs) {
        return usage(&m);
    }
    if inputs.iter().any(|i| i == Path::new("-"))
        && args.output.is_none()
        && job.formats.as_ref().is_some_and(|f| f.len() > 1)
    {
        return usage("standard input has no name to write several formats next to; give -o with one --format");
    }
    job.run_all(&inputs, args.output)
}

/// `vitae check`; returns the exit status (the worst of the inputs').
pub fn check(args: CheckArgs) -> u8 {
    if let Some(status) = no_default_input(&args.inputs) {
        return status;
    }
    let inputs = inputs_or_default(args.inputs);
    let options = match args.common.options() {
        Ok(o) => o,
        Err(m) => return usage(&m),
    };
    // `check` says whether `build` would succeed, and a bad date stops a build.
    if let Err(m) = crate::cli::source_date_epoch() {
        say!("error: {m}");
        return EXIT_INPUT;
    }
    inputs
        .iter()
        .map(|i| guarded(i, || check_one(i, &options)))
        .max()
        .unwrap_or(0)
}

/// Where the PDF of `input` goes without `-o`: next to it, or standard output for `-`.
fn default_output(input: &Path) -> PathBuf {
    if input == Path::new("-") {
        PathBuf::from("-")
    } else {
        input.with_extension("pdf")
    }
}

/// The message refusing inputs that would be written to one file (`x.yaml x.json`,
/// both `x.pdf`), naming the first two such.
fn same_outputs(inputs: &[PathBuf]) -> Option<String> {
    // The folder resolved, so that `x.yaml` and `./x.json` are seen to meet.
    let key = |out: &Path| {
        let dir = out
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        dir.canonicalize()
            .map_or_else(|_| out.to_path_buf(), |d| d.join(out.file_name().unwrap_or_default()))
    };
    let outputs: Vec<PathBuf> = inputs.iter().map(|i| default_output(i)).collect();
    let keys: Vec<PathBuf> = outputs
        .iter()
        .map(|o| if o == Path::new("-") { o.clone() } else { key(o) })
        .collect();
    for (j, k) in keys.iter().enumerate() {
        if let Some(i) = keys[..j].iter().position(|x| x == k) {
            let to = if outputs[j] == Path::new("-") {
                "standard output".to_string()
            } else {
                outputs[j].display().to_string()
            };
            return Some(format!(
                "{} and {} would both be written to {to}; build them one at a time, with -o for one of them",
                inputs[i].display(),
                inputs[j].display()
            ));
        }
    }
    None
}

/// `vitae check` of one input: lays it out and reports (the notes too, such as the
/// scale `fit_pages` chose, as `build` prints them); returns the exit status.
fn check_one(input: &Path, options: &vitae::Options) -> u8 {
    let (shown, text) = match read::load(input, Mode::Once, "") {
        Ok(x) => x,
        Err(status) => return status,
    };
    match vitae::lay_out(&text, &for_input(options, input)) {
        Ok(laid) => {
            diagnostics(&shown, &text, &laid.warnings);
            if options.deny_warnings && !laid.warnings.is_empty() {
                say!(
                    "{shown}: {} warning{} denied",
                    laid.warnings.len(),
                    plural(laid.warnings.len())
                );
                return EXIT_INPUT;
            }
            for n in &laid.notes {
                say!("{shown}: {n}");
            }
            say!(
                "{shown}: ok, {} page{}",
                laid.doc.pages.len(),
                plural(laid.doc.pages.len())
            );
            0
        }
        Err(errors) => {
            diagnostics(&shown, &text, &errors);
            let n = error_count(&errors);
            say!("{shown}: {n} error{} found", plural(n));
            EXIT_INPUT
        }
    }
}

/// A build's settings.
pub struct Job {
    /// The options of every input (each gets its own `base_dir`).
    pub options: vitae::Options,
    /// Print nothing on success.
    pub quiet: bool,
    /// `--format`'s formats; `None`: the PDF, or what `-o`'s extension names.
    pub formats: Option<Vec<Format>>,
    /// The resolution of PNG pages, dots per inch.
    pub dpi: f64,
}

/// One output of a build: its format and where its file (or, for PNG, the first of
/// its page files) goes, as the user named it.
#[derive(Debug, Clone)]
pub struct Planned {
    /// The format.
    pub format: Format,
    /// The path (`-` for standard output).
    pub path: PathBuf,
}

/// The format `-o`'s path names by its extension: none (or standard output) is a
/// PDF; an extension not among [`vitae::write::ACCEPTED`] is a usage error's message.
fn format_of(path: &Path) -> Result<Format, String> {
    if path == Path::new("-") || path.starts_with("/dev") || path.starts_with("/proc") {
        return Ok(Format::Pdf);
    }
    match path.extension() {
        None => Ok(Format::Pdf),
        Some(ext) => Format::from_name(&ext.to_string_lossy()).ok_or_else(|| {
            format!(
                "{}: unknown output extension `.{}` (expected .{})",
                path.display(),
                ext.to_string_lossy(),
                vitae::write::ACCEPTED.replace(", ", ", .").replace(" or ", " or .")
            )
        }),
    }
}

/// The files of one output: the path itself, or for PNG pages `NAME-1.png`,
/// `NAME-2.png`, … beside it.
fn files_of(planned: &Planned, count: usize) -> Vec<PathBuf> {
    if planned.format != Format::Png {
        return vec![planned.path.clone()];
    }
    let stem = planned
        .path
        .file_stem()
        .map_or_else(|| "page".into(), |s| s.to_string_lossy().into_owned());
    (1..=count)
        .map(|k| planned.path.with_file_name(format!("{stem}-{k}.png")))
        .collect()
}

impl Job {
    /// Builds every input, in parallel; the exit status is the worst of them.
    fn run_all(&self, inputs: &[PathBuf], output: Option<PathBuf>) -> u8 {
        if inputs.len() == 1 {
            return guarded(&inputs[0], || self.build(&inputs[0], output, Mode::Once));
        }
        let threads = std::thread::available_parallelism()
            .map_or(2, |n| n.get())
            .min(inputs.len());
        let next = std::sync::atomic::AtomicUsize::new(0);
        let worst = std::sync::atomic::AtomicU8::new(0);
        std::thread::scope(|s| {
            for _ in 0..threads {
                s.spawn(|| {
                    loop {
                        let k = next.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                        let Some(input) = inputs.get(k) else { break };
                        let status = guarded(input, || self.build(input, None, Mode::Once));
                        worst.fetch_max(status, std::sync::atomic::Ordering::SeqCst);
                    }
                });
            }
        });
        worst.into_inner()
    }

    /// The outputs of one input: `-o`'s path in its format (or `--format`'s one), or
    /// each format of `--format` (the PDF without it) next to the input; `Err` is an
    /// exit status and its message.
    fn plan(&self, input: &Path, output: Option<PathBuf>) -> Result<Vec<Planned>, (u8, String)> {
        let plan = match output {
            Some(path) => {
                let format = match self.formats.as_deref() {
                    Some([f]) => *f,
                    _ => format_of(&path).map_err(|m| (EXIT_USAGE, format!("error: {m}")))?,
                };
                vec![Planned { format, path }]
            }
            None => {
                let formats = self.formats.clone().unwrap_or_else(|| vec![Format::Pdf]);
                let base = default_output(input);
                formats
                    .into_iter()
                    .map(|format| Planned {
                        format,
                        path: if base == Path::new("-") {
                            base.clone()
                        } else {
                            base.with_extension(format.extension())
                        },
                    })
                    .collect()
            }
        };
        Ok(plan)
    }

    /// Builds one input into each of its outputs; returns its exit status.
    pub fn build(&self, input: &Path, output: Option<PathBuf>, mode: Mode) -> u8 {
        let started = Instant::now();
        if input.is_dir() {
            say!(
                "{}: error: cannot read the input: it is a folder, not a resume file",
                input.display()
            );
            return EXIT_IO;
        }
        // The output named by -o must not be the input, whatever its extension says.
        if let Some(o) = &output
            && let Ok(resolved) = Output::resolve(o, "output")
            && let Some(m) = resolved.is_input(input)
        {
            say!("{m}");
            return EXIT_IO;
        }
        let plan = match self.plan(input, output) {
            Ok(p) => p,
            Err((status, m)) => {
                say!("{m}");
                return status;
            }
        };
        for p in &plan {
            let output = match Output::resolve(&p.path, p.format.what()) {
                Ok(o) => o,
                Err(m) => {
                    say!("{m}");
                    return EXIT_IO;
                }
            };
            if output.is_stdout() && p.format == Format::Png {
                say!("error: PNG pages are files, one per page; give a file name with -o, such as -o cv.png");
                return EXIT_USAGE;
            }
            if output.is_stdout() && !p.format.is_text() && std::io::stdout().is_terminal() {
                say!(
                    "error: refusing to write a PDF to the terminal; redirect standard output (`> cv.pdf`) or give a file with -o"
                );
                return EXIT_IO;
            }
            if let Some(m) = output.is_input(input) {
                say!("{m}");
                return EXIT_IO;
            }
        }
        let (shown, text) = match read::load(input, mode, "; no PDF written") {
            Ok(x) => x,
            Err(status) => return status,
        };
        let formats: Vec<Format> = plan.iter().map(|p| p.format).collect();
        match vitae::compile_formats(&text, &for_input(&self.options, input), &formats, self.dpi) {
            Ok(built) => {
                diagnostics(&shown, &text, &built.warnings);
                if !self.quiet {
                    for n in &built.notes {
                        say!("{shown}: {n}");
                    }
                }
                for (p, rendered) in plan.iter().zip(&built.outputs) {
                    let paths = files_of(p, rendered.files.len());
                    for (path, bytes) in paths.iter().zip(&rendered.files) {
                        let written = Output::resolve(path, p.format.what()).and_then(|o| {
                            o.write(bytes, p.format.what())?;
                            Ok(o)
                        });
                        let o = match written {
                            Ok(o) => o,
                            Err(m) => {
                                say!("{m}");
                                return EXIT_IO;
                            }
                        };
                        if self.quiet {
                            continue;
                        }
                        let kb = bytes.len().div_ceil(1000);
                        match p.format {
                            Format::Pdf => say!(
                                "{}: {} page{}, {kb} KB, {} ms",
                                o.shown(),
                                built.pages,
                                plural(built.pages),
                                started.elapsed().as_millis()
                            ),
                            Format::Png => say!("{}: PNG page at {} dpi, {kb} KB", o.shown(), self.dpi),
                            f => say!("{}: {}, {kb} KB", o.shown(), f.what()),
                        }
                    }
                }
                0
            }
            Err(errors) => {
                diagnostics(&shown, &text, &errors);
                let n = error_count(&errors);
                say!("{shown}: {n} error{} found; no PDF written", plural(n));
                EXIT_INPUT
            }
        }
    }
}
