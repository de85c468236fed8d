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
    if inputs.iter().any(|i| i == Path::new("-"))
        && args.output.is_none()
        && job.formats.as_ref().is_some_and(|f| f.len() > 1)
    {
        return usage("standard input has no name to write several formats next to; give -o with one --format");
    }
    if args.variant.is_none() && !args.all_variants {
        if let Some(m) = same_outputs(&inputs) {
            return usage(&m);
        }
        let targets: Vec<Target> = inputs
            .iter()
            .enumerate()
            .map(|(i, input)| Target {
                input: input.clone(),
                variant: None,
                output: if i == 0 { args.output.clone() } else { None },
                default: None,
            })
            .collect();
        return job.run_all(&targets);
    }
    let (targets, status) = variant_targets(&inputs, args.variant.as_deref(), args.output);
    if let Some(m) = same_target_outputs(&targets) {
        return usage(&m);
    }
    job.run_all(&targets).max(status)
}

/// One PDF to build: an input, the variant of it (`None`: the whole resume), and where
/// it goes (`None`: next to the input).
#[derive(Clone, Debug)]
pub struct Target {
    /// The resume file.
    pub input: PathBuf,
    /// The variant built.
    pub variant: Option<String>,
    /// The path `-o` gave (its extension picks the format).
    pub output: Option<PathBuf>,
    /// Where the outputs go without `-o`: a variant's `output` or
    /// `<input stem>-<variant>.pdf`, each format with its own extension (`None`: next
    /// to the input, named after it).
    pub default: Option<PathBuf>,
}

/// Where variant `name` of `input` goes: its `output` (relative to the input's
/// folder), or `<input stem>-<name>.pdf` next to the input.
fn variant_output(input: &Path, name: &str, output: Option<&str>) -> PathBuf {
    let dir = input.parent().unwrap_or(Path::new(""));
    match output {
        Some(o) => dir.join(o),
        None => {
            let stem = input
                .file_stem()
                .map_or_else(|| "resume".into(), |s| s.to_string_lossy());
            dir.join(format!("{stem}-{name}.pdf"))
        }
    }
}

/// The targets of `--variant NAME` (with `-o`, one input) or `--all-variants`: each
/// input read for its variants. An input that cannot be read or whose `variants` is
/// wrong is reported and gives its status; the others are still built.
fn variant_targets(inputs: &[PathBuf], only: Option<&str>, output: Option<PathBuf>) -> (Vec<Target>, u8) {
    let mut targets = Vec::new();
    let mut status = 0;
    for input in inputs {
        let (shown, text) = match read::load(input, Mode::Once, "; no PDF written") {
            Ok(x) => x,
            Err(s) => {
                status = status.max(s);
                continue;
            }
        };
        let variants = match vitae::model::variant::variants(&text) {
            Ok(v) => v,
            Err(errors) => {
                diagnostics(&shown, &text, &errors);
                let n = error_count(&errors);
                say!("{shown}: {n} error{} found; no PDF written", plural(n));
                status = EXIT_INPUT;
                continue;
            }
        };
        match only {
            Some(name) => {
                let declared = variants.iter().find(|v| v.name == name);
                targets.push(Target {
                    input: input.clone(),
                    variant: Some(name.to_string()),
                    output: output.clone(),
                    default: declared.map(|v| variant_output(input, name, v.output.as_deref())),
                });
            }
            None if variants.is_empty() => {
                say!("{shown}: error: --all-variants: the file has no `variants`; no PDF written");
                status = EXIT_INPUT;
            }
            None => targets.extend(variants.iter().map(|v| Target {
                input: input.clone(),
                variant: Some(v.name.clone()),
                output: None,
                default: Some(variant_output(input, &v.name, v.output.as_deref())),
            })),
        }
    }
    (targets, status)
}

/// The message refusing targets that would be written to one file.
fn same_target_outputs(targets: &[Target]) -> Option<String> {
    for (j, t) in targets.iter().enumerate() {
        let Some(out) = t.output.as_ref().or(t.default.as_ref()) else {
            continue;
        };
        if let Some(first) = targets[..j]
            .iter()
            .find(|s| s.output.as_ref().or(s.default.as_ref()) == Some(out))
        {
            let name = |t: &Target| match &t.variant {
                Some(v) => format!("variant `{v}` of {}", t.input.display()),
                None => t.input.display().to_string(),
            };
            return Some(format!(
                "{} and {} would both be written to {}; give each its own `output`",
                name(first),
                name(t),
                out.display()
            ));
        }
    }
    None
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
        .map(|i| guarded(i, || check_input(i, &options)))
        .max()
        .unwrap_or(0)
}

/// `vitae check` of one input: the whole resume, then each of its variants (each laid
/// out and its page count reported); the worst status.
fn check_input(input: &Path, options: &vitae::Options) -> u8 {
    let (shown, text) = match read::load(input, Mode::Once, "") {
        Ok(x) => x,
        Err(status) => return status,
    };
    let mut status = check_one(input, &shown, &text, options);
    match vitae::model::variant::variants(&text) {
        Ok(variants) => {
            for v in variants {
                let mut o = options.clone();
                o.select.variant = Some(v.name.clone());
                status = status.max(check_one(input, &shown, &text, &o));
            }
        }
        // The whole resume's check has reported these.
        Err(_) => status = status.max(EXIT_INPUT),
    }
    status
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
fn check_one(input: &Path, shown: &str, text: &str, options: &vitae::Options) -> u8 {
    let (shown, text) = (shown.to_string(), text);
    let label = match &options.select.variant {
        Some(v) => format!("{shown} (variant {v})"),
        None => shown.clone(),
    };
    match vitae::lay_out(text, &for_input(options, input)) {
        Ok(laid) => {
            diagnostics(&shown, text, &laid.warnings);
            if options.deny_warnings && !laid.warnings.is_empty() {
                say!(
                    "{label}: {} warning{} denied",
                    laid.warnings.len(),
                    plural(laid.warnings.len())
                );
                return EXIT_INPUT;
            }
            for n in &laid.notes {
                say!("{label}: {n}");
            }
            say!(
                "{label}: ok, {} page{}",
                laid.doc.pages.len(),
                plural(laid.doc.pages.len())
            );
            0
        }
        Err(errors) => {
            diagnostics(&shown, text, &errors);
            let n = error_count(&errors);
            say!("{label}: {n} error{} found", plural(n));
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
    /// Builds every target, in parallel; the exit status is the worst of them.
    fn run_all(&self, targets: &[Target]) -> u8 {
        if targets.len() == 1 {
            return guarded(&targets[0].input, || self.build_target(&targets[0], Mode::Once));
        }
        let threads = std::thread::available_parallelism()
            .map_or(2, |n| n.get())
            .min(targets.len());
        let next = std::sync::atomic::AtomicUsize::new(0);
        let worst = std::sync::atomic::AtomicU8::new(0);
        std::thread::scope(|s| {
            for _ in 0..threads {
                s.spawn(|| {
                    loop {
                        let k = next.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                        let Some(target) = targets.get(k) else { break };
                        let status = guarded(&target.input, || self.build_target(target, Mode::Once));
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
    fn plan(
        &self,
        input: &Path,
        output: Option<PathBuf>,
        default: Option<PathBuf>,
    ) -> Result<Vec<Planned>, (u8, String)> {
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
                let base = default.unwrap_or_else(|| default_output(input));
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

    /// Builds one input, the whole resume, into each of its outputs; returns its exit status.
    pub fn build(&self, input: &Path, output: Option<PathBuf>, mode: Mode) -> u8 {
        self.build_target(
            &Target {
                input: input.to_path_buf(),
                variant: None,
                output,
                default: None,
            },
            mode,
        )
    }

    /// Builds one target (an input, or a variant of it); returns its exit status.
    pub fn build_target(&self, target: &Target, mode: Mode) -> u8 {
        let (input, output) = (target.input.as_path(), target.output.clone());
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
        let plan = match self.plan(input, output, target.default.clone()) {
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
        let label = match &target.variant {
            Some(v) => format!("{shown} (variant {v})"),
            None => shown.clone(),
        };
        let mut options = for_input(&self.options, input);
        options.select.variant = target.variant.clone();
        let formats: Vec<Format> = plan.iter().map(|p| p.format).collect();
        match vitae::compile_formats(&text, &options, &formats, self.dpi) {
            Ok(built) => {
                diagnostics(&shown, &text, &built.warnings);
                if !self.quiet {
                    for n in &built.notes {
                        say!("{label}: {n}");
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
                say!("{label}: {n} error{} found; no PDF written", plural(n));
                EXIT_INPUT
            }
        }
    }
}
