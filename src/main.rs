//! The `vitae` command line: reads files, calls the library, writes the PDF
//! atomically, prints diagnostics to standard error and sets the exit status.

use clap::{Parser, Subcommand};
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Typeset a resume written in YAML into a PDF.
#[derive(Parser, Debug)]
#[command(name = "vitae", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Build a resume into a PDF.
    ///
    /// Example: `vitae build resume.yaml` writes `resume.pdf` next to it.
    Build {
        /// The resume to build.
        #[arg(default_value = "resume.yaml")]
        input: PathBuf,
        /// Where to write the PDF [default: INPUT with the extension .pdf].
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Fail when there is any warning (e.g. a character no font can show).
        #[arg(long)]
        deny_warnings: bool,
        /// Fit the resume into N pages by scaling the type down (to 85 % at most);
        /// overrides `design.fit_pages`.
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=200))]
        fit_pages: Option<u32>,
    },
}

/// Exit status for a problem in the input (it cannot be built).
const EXIT_INPUT: u8 = 1;
/// Exit status for a file that cannot be read or written.
const EXIT_IO: u8 = 3;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Build { input, output, deny_warnings, fit_pages } => build(&input, output, vitae::Options { deny_warnings, fit_pages }),
    }
}

fn build(input: &Path, output: Option<PathBuf>, options: vitae::Options) -> ExitCode {
    let shown = input.display().to_string();
    let output = output.unwrap_or_else(|| input.with_extension("pdf"));
    if same_file(input, &output) {
        eprintln!("{shown}: error: the output {} is the input itself; choose another path with -o", output.display());
        return ExitCode::from(EXIT_IO);
    }
    let bytes = match std::fs::read(input) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{shown}: error: cannot read the input ({e})");
            return ExitCode::from(EXIT_IO);
        }
    };
    let text = match vitae::decode(&bytes) {
        Ok(t) => t,
        Err(d) => {
            eprintln!("{}", d.render(&shown, ""));
            return ExitCode::from(EXIT_INPUT);
        }
    };
    match vitae::compile(&text, &options) {
        Ok(out) => {
            for w in &out.warnings {
                eprintln!("{}", w.render(&shown, &text));
            }
            for n in &out.notes {
                eprintln!("{shown}: {n}");
            }
            if let Err(e) = write_atomically(&output, &out.pdf) {
                eprintln!("{}: error: cannot write the PDF: {}", output.display(), explain_write_error(&output, &e));
                return ExitCode::from(EXIT_IO);
            }
            ExitCode::SUCCESS
        }
        Err(errors) => {
            for e in &errors {
                eprintln!("{}", e.render(&shown, &text));
            }
            let n = errors.len();
            eprintln!("{shown}: {n} error{} found; no PDF written", if n == 1 { "" } else { "s" });
            ExitCode::from(EXIT_INPUT)
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
/// so a reader never sees a partial PDF and a failure leaves the old one intact.
fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "out.pdf".into());
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
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
