//! avatarctl: a read-only inspector for the sessions of real-time AI avatar platforms.
//!
//! The flow of one invocation, and the module that owns each step:
//!
//! 1. [`cli`] declares the command tree (clap derive); `main` parses it.
//! 2. [`config`] resolves flags and environment into one typed [`config::Config`] — the only
//!    place that reads env vars or the key file.
//! 3. A command in [`commands`] asks a [`provider`] to describe requests and parse bodies
//!    (pure, no I/O), and sends them through the one HTTP layer, [`http`]. `sessions list`
//!    walks pages with [`paginate`].
//! 4. [`output`] renders [`session::Session`]s into any `Write`: table, JSON, NDJSON or CSV,
//!    with untrusted text neutralised and credentials masked ([`secret`]).
//! 5. Errors travel as one [`error::Error`] enum, mapped once to the documented exit codes.
//!
//! `completions` and `man` stop after step 1: they render documents from the command tree
//! ([`commands::completions`]) and need no configuration, key or HTTP client.
//!
//! Data goes to stdout only; notes, the `-v` log and errors go to stderr through [`log`].

pub mod cli;
pub mod commands;
pub mod config;
pub mod error;
pub mod http;
pub mod log;
pub mod output;
pub mod pacer;
pub mod paginate;
pub mod provider;
pub mod secret;
pub mod session;

use std::io::Write;
use std::sync::Arc;

use cli::{Cli, Command, SessionsCommand};
use config::{Config, EnvLookup};
use error::Error;
use log::Log;
use output::Terminal;

/// Runs one parsed command line, writing data to `out` and messages to `log`.
pub fn run(
    cli: &Cli,
    env: EnvLookup,
    terminal: Terminal,
    out: &mut dyn Write,
    log: &Log,
) -> Result<(), Error> {
    match &cli.command {
        // Generated from the command tree alone: no config, no key, no HTTP client.
        Command::Completions { shell } => {
            Ok(commands::completions::write_completions(*shell, out)?)
        }
        Command::Man => Ok(commands::completions::write_man(out)?),
        Command::Providers => {
            let options = config::resolve_output(&cli.global, env, terminal.stdout_tty)?;
            commands::providers::run(&options, env, terminal, out)
        }
        Command::Sessions(command) => {
            let config = Config::resolve(
                &cli.global,
                env,
                &mut std::io::stdin().lock(),
                terminal.stdout_tty,
            )?;
            // The HTTP client (and its certificate store) is built only for commands that need it.
            let concurrency = match command {
                SessionsCommand::List(args) => usize::from(args.concurrency),
                SessionsCommand::Get(_) => commands::sessions::get::CONCURRENCY,
            };
            let client = Arc::new(http::Client::new(&config, concurrency, log.clone())?);
            // Requests run on worker threads, so a slow reader of stdout, which blocks this
            // thread's writes, cannot stall them into timeouts.
            let runtime = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .enable_all()
                .build()
                .map_err(|e| {
                    Error::Other(anyhow::Error::new(e).context("cannot start the async runtime"))
                })?;
            let options = &config.output;
            let command = async {
                match command {
                    SessionsCommand::List(args) => {
                        commands::sessions::list::run(&client, args, options, terminal, out, log)
                            .await
                    }
                    SessionsCommand::Get(args) => {
                        let ids = &args.ids;
                        commands::sessions::get::run(&client, ids, options, terminal, out, log)
                            .await
                    }
                }
            };
            let result = runtime.block_on(async {
                // Ctrl-C ends the command where it stands: whole records only, exit 130.
                tokio::select! {
                    result = command => result,
                    _ = tokio::signal::ctrl_c() => Err(Error::Interrupted),
                }
            });
            log.clear_progress();
            result
        }
    }
}
