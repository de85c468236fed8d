//! The `vitae` command line: parses the arguments ([`cli`]) and hands each command to
//! its module; reading inputs ([`read`]), writing outputs ([`output`]) and what is
//! said on standard error ([`report`]) live beside it. The library has no terminal or
//! file-writing code.
//!
//! Exit status: 0 success; 1 an input is invalid or cannot be set; 2 a usage error
//! (from clap); 3 an input cannot be read or an output cannot be written; 70 an
//! internal error (a panic, caught: reported with the input's name, nothing written).
#![forbid(unsafe_code)]

#[macro_use]
mod report;
mod cli;
mod commands;
mod job;
mod output;
mod read;
mod watch;

use clap::Parser as _;
use cli::{Cli, Command};
use std::process::ExitCode;

fn main() -> ExitCode {
    // Panics are reported by `report::guarded`, in the user's terms, not by the
    // default hook.
    std::panic::set_hook(Box::new(|_| {}));
    let status = match Cli::parse().command {
        Command::Build(args) => job::build(args),
        Command::Check(args) => job::check(args),
        Command::Init(args) => commands::init(args),
        Command::Convert(args) => {
            let input = args.input.clone();
            report::guarded(&input, || commands::convert(args))
        }
        Command::Expand(args) => commands::expand(args),
        Command::Schema => commands::schema(),
        Command::Fonts => commands::fonts(),
    };
    ExitCode::from(status)
}
