//! The command line's arguments, as clap derive structs: one struct per command, its
//! flags as documented fields. The doc comments are the `--help` text.
//!
//! [`Common::options`] is the one place the flags become [`vitae::Options`] (their
//! values checked by [`vitae::style::Overrides`]);
//! [`source_date_epoch`] reads the one environment variable a build depends on.

use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

/// The version, with the commit it was built from when git knew it.
pub const VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), env!("VITAE_COMMIT"));

/// Typeset a resume written in YAML into a PDF.
#[derive(Parser, Debug)]
#[command(name = "vitae", version = VERSION, about, long_about = None, after_help = "Examples:\n  vitae init                  write a starter resume.yaml\n  vitae build                 resume.yaml → resume.pdf\n  vitae check cv.yaml         report every problem, write nothing\n  vitae build resume.json     a JSON Resume → resume.pdf\n  vitae convert resume.json   a JSON Resume → resume.yaml, vitae's format\n\nThe format: docs/format.md. Exit status: 0 ok, 1 invalid input, 2 usage, 3 file error, 70 internal error.")]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The commands.
#[derive(Subcommand, Debug)]
pub enum Command {
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
    ///   vitae build cv.yaml --variant industry   (cv.yaml → cv-industry.pdf)
    ///   vitae build cv.yaml --all-variants       (one PDF per variant)
    ///   vitae build cv.yaml -o cv.html       (the web page; .md, .txt, .png likewise)
    ///   vitae build cv.yaml --format pdf,html,md,txt,png
    ///   vitae build cv.yaml --format md -o -
    #[command(verbatim_doc_comment)]
    Build(BuildArgs),
    /// Check resumes without writing anything: report every error and warning
    ///
    /// The exit status says whether each input would build.
    ///
    /// Example: vitae check resume.yaml
    Check(CheckArgs),
    /// Write a commented starter resume (a fictional person) that builds as it is
    ///
    /// Example: vitae init cv.yaml
    Init(InitArgs),
    /// Convert a JSON Resume into vitae's YAML, or vitae's YAML into a JSON Resume
    ///
    /// INPUT is a JSON Resume (https://jsonresume.org/schema), written in JSON or in
    /// YAML: the YAML goes next to it with the extension .yaml. INPUT in vitae's format
    /// becomes a JSON Resume (v1.0.0) next to it with the extension .json, what the
    /// schema has no place for (design, tags, variants, markup) under `meta.vitae`.
    /// An existing file is kept unless --force; `-o -` writes to standard output.
    /// Either way, building the result gives the same PDF as building INPUT.
    ///
    /// Examples:
    ///   vitae convert resume.json            (resume.json → resume.yaml)
    ///   vitae convert resume.json -o cv.yaml
    ///   vitae convert resume.json -o - | less
    ///   vitae convert cv.yaml -o resume.json (cv.yaml → a JSON Resume)
    #[command(verbatim_doc_comment)]
    Convert(ConvertArgs),
    /// Write the resume one build sets, with nothing left to choose
    ///
    /// The variant's filter applied, one language, the design merged: YAML in the
    /// format, to standard output (or -o FILE). Building it gives the same PDF as
    /// building that variant of INPUT.
    ///
    /// Examples:
    ///   vitae expand cv.yaml --variant industry
    ///   vitae expand cv.yaml --language de -o cv-de.yaml
    #[command(verbatim_doc_comment)]
    Expand(ExpandArgs),
    /// Print the JSON Schema of the resume format, for editors' YAML language servers
    ///
    /// Example: vitae schema > vitae.schema.json
    Schema,
    /// List the font families vitae can use: bundled, then installed
    ///
    /// Example: vitae fonts
    Fonts,
}

/// `vitae build`'s arguments.
#[derive(Args, Debug)]
pub struct BuildArgs {
    /// The resumes to build [default: resume.yaml].
    pub inputs: Vec<PathBuf>,
    /// Where to write the output (only with one input; `-` for standard output). Its
    /// extension picks the format: .pdf, .html, .md, .txt, .json (a JSON Resume) or
    /// .png (pages as
    /// NAME-1.png, NAME-2.png, …); a name without an extension is a PDF.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// The formats to write next to each input, comma-separated: pdf, html, md, txt,
    /// json, png (e.g. `--format pdf,html,md`), laid out once; with -o, the one format
    /// written there (`--format md -o -`).
    #[arg(long, value_name = "LIST", value_parser = parse_formats)]
    pub format: Option<Formats>,
    /// Resolution of PNG pages, dots per inch.
    #[arg(long, value_name = "DPI", default_value_t = vitae::write::png::DEFAULT_DPI, value_parser = parse_dpi)]
    pub dpi: f64,
    /// The flags `build` shares with `check`.
    #[command(flatten)]
    pub common: Common,
    /// Print nothing on success.
    #[arg(short, long)]
    pub quiet: bool,
    /// Rebuild whenever the input changes (until interrupted); a failed rebuild
    /// keeps the last good PDF (the whole resume; not with --variant).
    #[arg(long, conflicts_with_all = ["variant", "all_variants"])]
    pub watch: bool,
    /// Build this variant of the input (its `variants` key); the PDF goes to the
    /// variant's `output`, or `<input stem>-<variant>.pdf`.
    #[arg(long, value_name = "NAME", conflicts_with = "all_variants")]
    pub variant: Option<String>,
    /// Build every variant of each input, in parallel, one PDF each.
    #[arg(long, conflicts_with = "output")]
    pub all_variants: bool,
}

/// `vitae expand`'s arguments.
#[derive(Args, Debug)]
pub struct ExpandArgs {
    /// The resume to expand (`-` for standard input).
    #[arg(default_value = "resume.yaml")]
    pub input: PathBuf,
    /// The variant to expand (without it: the whole resume, tags dropped).
    #[arg(long, value_name = "NAME")]
    pub variant: Option<String>,
    /// The language to choose (over the variant's and `design.language`).
    #[arg(long, value_name = "TAG", value_parser = parse_language)]
    pub language: Option<String>,
    /// Where to write the YAML (default: standard output).
    #[arg(short, long)]
    pub output: Option<PathBuf>,
}

/// `vitae check`'s arguments.
#[derive(Args, Debug)]
pub struct CheckArgs {
    /// The resumes to check [default: resume.yaml].
    pub inputs: Vec<PathBuf>,
    /// The flags `check` shares with `build`.
    #[command(flatten)]
    pub common: Common,
}

/// `vitae init`'s arguments.
#[derive(Args, Debug)]
pub struct InitArgs {
    /// Where to write it.
    #[arg(default_value = "resume.yaml")]
    pub path: PathBuf,
    /// Overwrite an existing file.
    #[arg(long)]
    pub force: bool,
}

/// `vitae convert`'s arguments.
#[derive(Args, Debug)]
pub struct ConvertArgs {
    /// The JSON Resume, or the resume in vitae's format, to convert (`-` for standard
    /// input).
    #[arg(default_value = "resume.json")]
    pub input: PathBuf,
    /// Where to write the result (`-` for standard output).
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// Overwrite an existing file.
    #[arg(long)]
    pub force: bool,
}

/// Options shared by `build` and `check` (so that `check` judges what `build` would
/// set).
#[derive(Args, Debug, Clone)]
pub struct Common {
    /// Fail when there is any warning (for CI).
    #[arg(long)]
    pub deny_warnings: bool,
    /// Use this theme instead of `design.theme`: classic, modern, compact, banking or engineer
    /// (the file's other design keys still apply).
    #[arg(long, value_name = "THEME", value_parser = parse_theme)]
    pub theme: Option<vitae::style::Theme>,
    /// Fit into N pages by scaling the type down (to 85 % at most); overrides
    /// `design.fit_pages`.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=200))]
    pub fit_pages: Option<u32>,
    /// Page size for this run: `letter`, `a4`, `legal`, `a5`, `b5` or `executive`;
    /// overrides `design.page`.
    #[arg(long, value_name = "SIZE")]
    pub page: Option<String>,
    /// Body size for this run (e.g. `10pt`, `9.5`); overrides `design.font_size`.
    #[arg(long, value_name = "LENGTH")]
    pub font_size: Option<String>,
    /// The language of this run (`en-US`, `de`, …): translated text, month names and
    /// hyphenation; overrides a variant's `language` and `design.language`.
    #[arg(long, value_name = "TAG", value_parser = parse_language)]
    pub language: Option<String>,
}

impl Common {
    /// The build options these flags give, or a usage error's message: the one place
    /// the command line's overrides of the design become [`vitae::Options`].
    pub fn options(&self) -> Result<vitae::Options, String> {
        use vitae::style::Overrides;
        let page = self.page.as_deref().map(Overrides::parse_page).transpose()?;
        let font_size = self.font_size.as_deref().map(Overrides::parse_font_size).transpose()?;
        let overrides = Overrides {
            theme: self.theme,
            page,
            font_size,
            fit_pages: self.fit_pages,
            base_dir: None,
        };
        Ok(vitae::Options {
            deny_warnings: self.deny_warnings,
            overrides,
            select: vitae::model::variant::Select {
                variant: None,
                language: self.language.clone(),
            },
            ..Default::default()
        })
    }
}

/// `--language`'s value: a tag vitae knows.
fn parse_language(s: &str) -> Result<String, String> {
    match vitae::lang::Language::from_tag(s) {
        Some(_) => Ok(s.trim().to_string()),
        None => Err(format!(
            "`{s}` is not a language vitae knows (expected one of {})",
            vitae::lang::LANGUAGES.map(|l| l.tag()).join(", ")
        )),
    }
}

/// `--format`'s value: the formats in the order given.
#[derive(Clone, Debug)]
pub struct Formats(pub Vec<vitae::write::Format>);

/// `--format`'s value.
fn parse_formats(s: &str) -> Result<Formats, String> {
    vitae::write::parse_formats(s).map(Formats)
}

/// `--dpi`'s value: a number in [`vitae::write::png::DPI_RANGE`].
fn parse_dpi(s: &str) -> Result<f64, String> {
    let r = vitae::write::png::DPI_RANGE;
    match s.trim().parse::<f64>() {
        Ok(x) if r.contains(&x) => Ok(x),
        _ => Err(format!(
            "expected a resolution from {} to {} dots per inch",
            r.start(),
            r.end()
        )),
    }
}

/// `--theme`'s value.
fn parse_theme(s: &str) -> Result<vitae::style::Theme, String> {
    vitae::style::Overrides::parse_theme(s)
}

/// The latest `SOURCE_DATE_EPOCH` accepted: 9999-12-31 23:59:59 UTC, the last second a
/// PDF date's four-digit year can hold.
pub const MAX_EPOCH: i64 = 253_402_300_799;

/// The PDF's date from `SOURCE_DATE_EPOCH`: `None` when it is not set; an error's
/// message (naming the variable and its value) when it is not a whole number of
/// seconds from 0 to [`MAX_EPOCH`]. Space around the number is allowed.
pub fn source_date_epoch() -> Result<Option<i64>, String> {
    let Some(raw) = std::env::var_os("SOURCE_DATE_EPOCH") else {
        return Ok(None);
    };
    let value = raw.to_string_lossy();
    let t = value.trim();
    let digits = t.strip_prefix(['-', '+']).unwrap_or(t);
    let expected = format!("expected a count of seconds since 1970-01-01 00:00 UTC, from 0 to {MAX_EPOCH}");
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!(
            "SOURCE_DATE_EPOCH: `{value}` is not a whole number ({expected})"
        ));
    }
    match t.parse::<i64>() {
        Ok(s) if (0..=MAX_EPOCH).contains(&s) => Ok(Some(s)),
        _ => Err(format!("SOURCE_DATE_EPOCH: `{value}` is out of range ({expected})")),
    }
}
