//! The commands other than `build` and `check`: `init`, `convert`, `expand`, `schema`, `fonts`.

use crate::cli::{ConvertArgs, ExpandArgs, InitArgs};
use crate::output::Output;
use crate::read::{self, Mode};
use crate::report::{EXIT_INPUT, EXIT_IO, EXIT_USAGE, diagnostics, error_count, plural};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// `vitae init`: writes the starter resume and, beside it, the JSON Schema its
/// modeline points at; both or neither (an existing file is kept unless `--force`).
pub fn init(args: InitArgs) -> u8 {
    let path = &args.path;
    let schema_path = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.join(vitae::schema::SCHEMA_FILE),
        _ => PathBuf::from(vitae::schema::SCHEMA_FILE),
    };
    if !args.force {
        let existing: Vec<&PathBuf> = [path, &schema_path].into_iter().filter(|p| p.exists()).collect();
        for p in &existing {
            say!("{}: error: the file exists; use --force to overwrite it", p.display());
        }
        if !existing.is_empty() {
            return EXIT_IO;
        }
    }
    let schema_existed = schema_path.exists();
    let schema = format!("{}\n", vitae::schema::json());
    let write = |p: &Path, bytes: &[u8], what: &str| Output::resolve(p, what).and_then(|o| o.write(bytes, what));
    if let Err(m) = write(&schema_path, schema.as_bytes(), "JSON Schema") {
        say!("{m}; nothing written");
        return EXIT_IO;
    }
    if let Err(m) = write(path, vitae::schema::STARTER.as_bytes(), "starter resume") {
        say!("{m}");
        if !schema_existed {
            let _ = std::fs::remove_file(&schema_path);
        }
        return EXIT_IO;
    }
    say!(
        "{}: written, with {} for your editor; build it with `vitae build {}`",
        path.display(),
        schema_path.display(),
        path.display()
    );
    0
}

/// `vitae convert`: writes the vitae YAML of a JSON Resume, or the JSON Resume of a
/// resume in vitae's format ([`export`]); returns the exit status.
pub fn convert(args: ConvertArgs) -> u8 {
    let input = &args.input;
    let (shown, text) = match read::load(input, Mode::Once, "; nothing written") {
        Ok(x) => x,
        Err(status) => return status,
    };
    let json_in = vitae::model::precheck(&text).is_ok_and(vitae::model::jsonresume::is_json_resume);
    let to_json = !json_in && vitae::model::precheck(&text).is_ok();
    let output = args.output.clone().unwrap_or_else(|| {
        if input == Path::new("-") {
            PathBuf::from("-")
        } else {
            input.with_extension(if to_json { "json" } else { "yaml" })
        }
    });
    if to_json {
        return export(&args, &shown, &text, &output);
    }
    let output = match new_output(&output, input, args.force) {
        Ok(o) => o,
        Err(status) => return status,
    };
    let overrides = crate::job::for_input(&vitae::Options::default(), input).overrides;
    match vitae::input::convert_json(&text, &overrides) {
        Ok(c) => {
            diagnostics(&shown, &text, &c.prepared.warnings);
            if let Err(m) = output.write(c.yaml.as_bytes(), "YAML") {
                say!("{m}");
                return EXIT_IO;
            }
            if !output.is_stdout() {
                say!(
                    "{}: written; build it with `vitae build {}`",
                    output.shown(),
                    output.shown()
                );
            }
            0
        }
        Err(errors) => {
            diagnostics(&shown, &text, &errors);
            let n = error_count(&errors);
            say!("{shown}: {n} error{} found; nothing written", plural(n));
            EXIT_INPUT
        }
    }
}

/// `vitae convert` of a resume in vitae's format: checked as a build checks it (every
/// variant), then written as a JSON Resume to `output` (`.json`, or `-`).
fn export(args: &ConvertArgs, shown: &str, text: &str, output: &Path) -> u8 {
    let input = &args.input;
    let is_json = output == Path::new("-") || output.extension().is_some_and(|e| e.eq_ignore_ascii_case("json"));
    if !is_json {
        say!(
            "{}: error: this is a resume in vitae's format already; convert writes a JSON Resume from it (-o {}), and `vitae expand` the YAML a build sets",
            shown,
            input
                .with_extension("json")
                .file_name()
                .map_or("resume.json".into(), |n| n.to_string_lossy())
        );
        return EXIT_USAGE;
    }
    let output = match new_output(output, input, args.force) {
        Ok(o) => o,
        Err(status) => return status,
    };
    let overrides = crate::job::for_input(&vitae::Options::default(), input).overrides;
    let fail = |errors: &[vitae::diag::Diagnostic]| {
        diagnostics(shown, text, errors);
        let n = error_count(errors);
        say!("{shown}: {n} error{} found; nothing written", plural(n));
        EXIT_INPUT
    };
    // The resume and each of its variants must load, as `vitae check` would have them.
    let mut selects = vec![vitae::model::variant::Select::default()];
    if let Ok(vs) = vitae::model::variant::variants(text) {
        selects.extend(vs.into_iter().map(|v| vitae::model::variant::Select {
            variant: Some(v.name),
            language: None,
        }));
    }
    for (k, select) in selects.iter().enumerate() {
        match vitae::input::prepare_for(text, &overrides, select) {
            Ok(p) if k == 0 => diagnostics(shown, text, &p.warnings),
            Ok(_) => {}
            Err(errors) => return fail(&errors),
        }
    }
    let json = match vitae::model::jsonresume::export::export(text) {
        Ok(j) => j,
        Err(d) => return fail(&[d]),
    };
    if let Err(m) = output.write(json.as_bytes(), "JSON Resume") {
        say!("{m}");
        return EXIT_IO;
    }
    if !output.is_stdout() {
        say!(
            "{}: written (JSON Resume v1.0.0, vitae's own parts under meta.vitae); build it with `vitae build {}`",
            output.shown(),
            output.shown()
        );
    }
    0
}

/// `vitae expand`: writes the resume one build sets (a variant, one language) as
/// YAML in the format; nothing when the input or the expanded resume has an error.
pub fn expand(args: ExpandArgs) -> u8 {
    let input = &args.input;
    let (shown, text) = match read::load(input, Mode::Once, "; nothing written") {
        Ok(x) => x,
        Err(status) => return status,
    };
    let select = vitae::model::variant::Select {
        variant: args.variant.clone(),
        language: args.language.clone(),
    };
    let fail = |errors: &[vitae::diag::Diagnostic]| {
        diagnostics(&shown, &text, errors);
        let n = error_count(errors);
        say!("{shown}: {n} error{} found; nothing written", plural(n));
        EXIT_INPUT
    };
    let expanded = match vitae::model::variant::expand(&text, &select) {
        Ok(e) => e,
        Err(errors) => return fail(&errors),
    };
    // The expanded resume must load as it is written: check it as a build would.
    let overrides = crate::job::for_input(&vitae::Options::default(), input).overrides;
    match vitae::input::prepare_for(&text, &overrides, &select) {
        Ok(p) => diagnostics(&shown, &text, &p.warnings),
        Err(errors) => return fail(&errors),
    }
    match &args.output {
        None => print(&expanded.yaml, "expanded resume"),
        Some(path) => {
            let output = match output_beside(path, input) {
                Ok(o) => o,
                Err(status) => return status,
            };
            if let Err(m) = output.write(expanded.yaml.as_bytes(), "YAML") {
                say!("{m}");
                return EXIT_IO;
            }
            0
        }
    }
}

/// Writes `text` to standard output; a failure (a closed or full standard output)
/// is reported and gives exit status 3.
/// The YAML output at `path`, refused (with its message said and [`EXIT_IO`] returned)
/// when it cannot be written or is the input itself.
/// [`output_beside`], refused (exit 3) when it would replace a file without `--force`.
fn new_output(path: &Path, input: &Path, force: bool) -> Result<Output, u8> {
    let output = output_beside(path, input)?;
    if output.replaces_a_file() && !force {
        say!(
            "{}: error: the file exists; use --force to overwrite it",
            output.shown()
        );
        return Err(EXIT_IO);
    }
    Ok(output)
}

fn output_beside(path: &Path, input: &Path) -> Result<Output, u8> {
    let output = Output::resolve(path, "YAML").map_err(|m| {
        say!("{m}");
        EXIT_IO
    })?;
    if let Some(m) = output.is_input(input) {
        say!("{m}");
        return Err(EXIT_IO);
    }
    Ok(output)
}

fn print(text: &str, what: &str) -> u8 {
    match Output::stdout().write(text.as_bytes(), what) {
        Ok(()) => 0,
        Err(m) => {
            say!("{m}");
            EXIT_IO
        }
    }
}

/// `vitae schema`: the JSON Schema on standard output.
pub fn schema() -> u8 {
    print(&format!("{}\n", vitae::schema::json()), "schema")
}

/// `vitae fonts`: the bundled families, then the installed ones.
pub fn fonts() -> u8 {
    let mut text = String::new();
    for f in vitae::text::families() {
        let _ = writeln!(text, "{f}");
    }
    let installed = vitae::text::resolve::installed();
    let _ = writeln!(
        text,
        "\n{} famil{} installed on this system (`font: <name>`):",
        installed.len(),
        if installed.len() == 1 { "y" } else { "ies" }
    );
    for f in installed {
        let _ = writeln!(text, "  {f}");
    }
    print(&text, "list of fonts")
}
