//! avatarctl: a read-only inspector for the sessions of real-time AI avatar platforms.
//!
//! The flow of one invocation, and the module that owns each step:
//!
//! 1. [`cli`] declares the command tree (clap derive) and its option groups; `main` parses it,
//!    and an option given to a command outside its groups is refused there.
//! 2. [`config`] resolves flags and environment into one typed [`config::Config`] — the only
//!    place that reads env vars or the key file.
//! 3. A networked command gets a [`context::Context`]: the provider's mapper from
//!    [`provider`] (pure, no I/O; the provider table is [`provider::kind`]), the one HTTP
//!    layer [`http`], the output options, the terminal and the log. Lists are walked by
//!    [`paginate`].
//! 4. [`output`] renders any [`record::Record`] — a [`model::Session`], a provider row —
//!    into any `Write`: table, JSON, NDJSON or CSV, with untrusted text neutralised
//!    ([`sanitize`]) and credentials masked ([`secret`]).
//! 5. Errors travel as one [`error::Error`] enum, mapped once to the documented exit codes.
//!
//! `providers` needs output options only; `completions` and `man` stop after step 1: they
//! render documents from the command tree and need no configuration, key or HTTP client.
//!
//! Data goes to stdout only; notes, the `-v` log and errors go to stderr through [`log`].
//!
//! The layout, file by file:
//!
//! - `main.rs` — the doorway; `lib.rs` — this overview and the dispatch.
//! - `cli/` — `mod.rs` the tree, the option groups each command declares and the scope check;
//!   `options.rs` the connection and output groups; `sessions.rs` the `sessions` commands and
//!   the selection group.
//! - `config/` — `mod.rs` flags + env + profile → `Config`; `key.rs` provider inference and
//!   the key; `base_url.rs` where requests may go; `profile.rs` the config file's profiles and
//!   the key command.
//! - `context.rs` — what a networked command gets; the runtime and Ctrl-C, once.
//! - `record.rs` — the record seam: `Record`, `Schema`, `FieldPath`.
//! - `model/` — the normalized records and their schemas: `session.rs` (with `tool_call.rs`),
//!   `transcript.rs`, `usage.rs`, `analytics.rs` (a session's report, its turns, and the
//!   aggregate report's latency rows).
//! - `provider/` — `mod.rs` the mapper traits and request types; `kind.rs` the provider table;
//!   `json.rs` reading bodies tolerantly; `stream.rs` a list body read record by record;
//!   `anam/`, `agenthuman/`, `tavus/`, `beyondpresence/` one folder per provider, one file
//!   per resource.
//! - `http/` — `mod.rs` the client and its retry loop; `client.rs` one attempt; `retry.rs`
//!   the pure retry decision; `pacer.rs` concurrency and rate limits; `errors.rs` error
//!   bodies, statuses and network failures; `download.rs` a presigned URL, without the key.
//! - `paginate/` — `mod.rs` the walk over any keyed record (whole lists, cursors, what was
//!   missing); `numbered.rs` numbered pages.
//! - `commands/` — one file per command: `sessions/list.rs`, `sessions/get.rs`,
//!   `sessions/transcript.rs`, `sessions/recording.rs`, `sessions/analytics.rs`, `sessions/stats.rs`, `usage.rs`,
//!   `providers.rs`, `completions.rs`, `man.rs`; `sessions/by_id.rs` what the ID commands share.
//! - `output/` — `mod.rs` formats and the renderer; `view.rs` the columns of one record type
//!   (and so what is masked); `table.rs`, `json.rs`, `csv.rs`; `chat.rs` the transcript view.
//! - `stats/` — `sessions stats` without I/O: `mod.rs` the accumulator and its metrics;
//!   `group.rs` the `--by` keys; `durations.rs` exact percentiles; `check.rs` `--check`;
//!   `render.rs` the report in every format.
//! - `warnings.rs` — what tolerant mapping noticed, once per field.
//! - `window.rs` — `--since`/`--until` as written, resolved to instants; `selection.rs` what
//!   `sessions list` and `stats` select client-side (window, status, end reasons) and `--sort`.
//! - `error.rs`, `log.rs`, `secret.rs`, `sanitize.rs`.

pub mod cli;
pub mod commands;
pub mod config;
pub mod context;
pub mod error;
pub mod http;
pub mod json_text;
pub mod log;
pub mod model;
pub mod output;
pub mod paginate;
pub mod provider;
pub mod record;
pub mod sanitize;
pub mod secret;
pub mod selection;
pub mod stats;
pub mod warnings;
pub mod window;

use std::io::Write;

use cli::{Cli, Command, SessionsCommand};
use config::EnvLookup;
use context::Context;
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
    let global = &cli.global;
    // Compiled before anything else, so that a filter that does not parse costs no request.
    let Some(code) = &global.output.jq else {
        return run_command(cli, env, terminal, out, log);
    };
    let filter = output::JqFilter::compile(code)?;
    let per_line = global.output.output == Some(output::Format::Ndjson);
    let mut filtered = output::JqWriter::new(&filter, out, per_line);
    let ran = run_command(cli, env, terminal, &mut filtered, log);
    match ran {
        // The command's own failure first; a filter that failed on the way is the cause of
        // a write error, and is reported in its place.
        Ok(()) => filtered.finish(),
        Err(Error::Io(io)) => filtered.finish().and(Err(Error::Io(io))),
        Err(error) => {
            // Whatever was complete is still filtered and printed, as without --jq.
            let _ = filtered.finish();
            Err(error)
        }
    }
}

fn run_command(
    cli: &Cli,
    env: EnvLookup,
    terminal: Terminal,
    out: &mut dyn Write,
    log: &Log,
) -> Result<(), Error> {
    let global = &cli.global;
    match &cli.command {
        // Generated from the command tree alone: no config, no key, no HTTP client.
        Command::Completions { shell } => {
            return Ok(commands::completions::write_completions(*shell, out)?);
        }
        Command::Man => return Ok(commands::man::write_man(out)?),
        // Asked by a completion script as the user types: never an error.
        Command::CompleteProfiles => {
            return Ok(commands::completions::write_profile_names(env, out)?);
        }
        _ => {}
    }
    // The config file is read once, here, by every command that resolves a configuration.
    let profile = config::choose_profile(global.connection.profile.as_deref(), env)?;
    let sources = config::Sources {
        env,
        profile: profile.as_ref(),
    };
    match &cli.command {
        Command::Completions { .. } | Command::Man | Command::CompleteProfiles => {
            unreachable!("answered above")
        }
        Command::Providers(_) => {
            let options =
                config::resolve_output(&global.output, global.color, env, terminal.stdout_tty)?;
            commands::providers::run(&options, sources, terminal, out)
        }
        Command::Auth(_) => {
            let ctxs = match config::Config::selects_one(global, sources)? {
                true => vec![Context::connect(
                    global,
                    sources,
                    &mut stdin(),
                    terminal,
                    log,
                )?],
                false => Context::connect_all(global, sources, terminal, log)?,
            };
            ctxs[0].run(commands::auth::run(&ctxs, out))
        }
        Command::Usage(_) if config::Config::wants_all(global, sources)? => {
            let ctxs = Context::connect_all(global, sources, terminal, log)?;
            ctxs[0].run(commands::usage::run_all(&ctxs, out))
        }
        Command::Usage(_) => {
            let ctx = Context::connect(global, sources, &mut stdin(), terminal, log)?;
            ctx.run(commands::usage::run(&ctx, out))
        }
        Command::Sessions(sessions) => {
            if let SessionsCommand::List(args) = &sessions.command
                && config::Config::wants_all(global, sources)?
            {
                let ctxs = Context::connect_all(global, sources, terminal, log)?;
                return ctxs[0].run(commands::sessions::list::run_all(&ctxs, args, out));
            }
            if let SessionsCommand::Stats(args) = &sessions.command
                && config::Config::wants_all(global, sources)?
            {
                let ctxs = Context::connect_all(global, sources, terminal, log)?;
                return ctxs[0].run(commands::sessions::stats::run_all(&ctxs, args, out));
            }
            let ctx = Context::connect(global, sources, &mut stdin(), terminal, log)?;
            ctx.run(async {
                match &sessions.command {
                    SessionsCommand::List(args) => {
                        commands::sessions::list::run(&ctx, args, out).await
                    }
                    SessionsCommand::Get(args) => {
                        commands::sessions::get::run(&ctx, args, &mut stdin(), out).await
                    }
                    SessionsCommand::Transcript(args) => {
                        commands::sessions::transcript::run(&ctx, args, &mut stdin(), out).await
                    }
                    SessionsCommand::Recording(args) => {
                        commands::sessions::recording::run(&ctx, args, out).await
                    }
                    SessionsCommand::Analytics(args) => {
                        commands::sessions::analytics::run(&ctx, args, &mut stdin(), out).await
                    }
                    SessionsCommand::Stats(args) => {
                        commands::sessions::stats::run(&ctx, args, out).await
                    }
                }
            })
        }
    }
}

fn stdin() -> std::io::StdinLock<'static> {
    std::io::stdin().lock()
}
