//! Records the commit vitae is built from, for `vitae --version`.
//!
//! In a clone, git says which commit. A crate unpacked from crates.io (or by `cargo
//! package`) has no `.git`, but `cargo package` wrote the commit it was made from into
//! `.cargo_vcs_info.json`; that file is read instead, and git is not asked, since the
//! unpacked crate may sit inside another repository (`target/package/` of a clone). When
//! neither says, the version is printed without a commit.
use std::path::{Path, PathBuf};
use std::process::Command;

fn main() {
    let dir = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    println!("cargo:rerun-if-changed=build.rs");
    let vcs_info = dir.join(".cargo_vcs_info.json");
    let commit = if vcs_info.is_file() {
        println!("cargo:rerun-if-changed=.cargo_vcs_info.json");
        std::fs::read_to_string(&vcs_info).ok().and_then(|t| sha1_of(&t))
    } else {
        from_git(&dir)
    };
    match commit {
        Some(c) => println!("cargo:rustc-env=VITAE_COMMIT= (commit {c})"),
        None => println!("cargo:rustc-env=VITAE_COMMIT="),
    }
}

/// `git rev-parse` in `dir`, when `dir` is the top of its work tree (a crate copied into
/// someone else's repository is not that repository's commit).
fn from_git(dir: &Path) -> Option<String> {
    let git = |args: &[&str]| -> Option<String> {
        let o = Command::new("git").args(args).current_dir(dir).output().ok()?;
        let s = String::from_utf8(o.stdout).ok()?.trim().to_string();
        (o.status.success() && !s.is_empty()).then_some(s)
    };
    let top = PathBuf::from(git(&["rev-parse", "--show-toplevel"])?);
    if top.canonicalize().ok()? != dir.canonicalize().ok()? {
        return None;
    }
    // Build again when HEAD moves: HEAD lives in the git dir (its own one in a worktree),
    // the branches in the common dir. Only paths that exist: a missing one would make
    // cargo run this script on every build.
    for (flag, names) in [
        ("--git-dir", &["HEAD"][..]),
        ("--git-common-dir", &["refs/heads", "packed-refs"][..]),
    ] {
        if let Some(d) = git(&["rev-parse", flag]) {
            for name in names {
                let p = dir.join(&d).join(name);
                if p.exists() {
                    println!("cargo:rerun-if-changed={}", p.display());
                }
            }
        }
    }
    git(&["rev-parse", "--short=12", "HEAD"])
}

/// The commit of `.cargo_vcs_info.json` (`{"git": {"sha1": "…"}, …}`), shortened as git
/// would: a plain scan, so that the build script needs no dependency.
fn sha1_of(json: &str) -> Option<String> {
    let rest = &json[json.find("\"sha1\"")? + 6..];
    let rest = rest.trim_start().strip_prefix(':')?.trim_start().strip_prefix('"')?;
    let sha: String = rest.chars().take_while(|c| c.is_ascii_hexdigit()).collect();
    (sha.len() >= 12).then(|| sha[..12].to_string())
}
