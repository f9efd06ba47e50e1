//! The `relais` command: parses the command line, opens the database, runs
//! one command, and says what happened in French (or English).
//!
//! Commands live in `commands/`, one file each; they return `anyhow` errors
//! whose message is already in the user's language. Nothing here decides a
//! business rule: that is `relais-core`'s job.

mod chromium;
mod cli;
mod commands;
mod output;

use std::process::ExitCode;

use clap::Parser;
use relais_core::Lang;

use crate::cli::{Cli, LangArg};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let lang = match cli.lang {
        LangArg::Fr => Lang::Fr,
        LangArg::En => Lang::En,
    };
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("RELAIS_LOG")
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn,sqlx::query=error")),
        )
        .with_writer(std::io::stderr)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .init();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("relais: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(commands::run(cli, lang)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{} {e:#}", lang.pick("erreur :", "error:"));
            ExitCode::FAILURE
        }
    }
}
