//! The command tree, declared once with clap's derive. Each `///` comment is `--help` text.
//!
//! Values become typed here where clap can do it alone (formats, providers, numbers,
//! durations); what depends on several flags or the environment is resolved in `config.rs`.

use std::path::PathBuf;
use std::time::Duration;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::output::Format;
use crate::provider::{ProviderKind, StatusFilter};

/// Inspect the sessions your users had with real-time AI avatars (Anam, AgentHuman).
///
/// Data goes to stdout (a table, JSON, NDJSON or CSV); hints and errors go to stderr.
#[derive(Debug, Parser)]
#[command(
    name = "avatarctl",
    version,
    propagate_version = true,
    max_term_width = 100
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Args)]
#[command(next_help_heading = "Global options")]
pub struct GlobalArgs {
    /// Which provider [env: AVATARCTL_PROVIDER] [default: the one whose API key env var is set]
    #[arg(short, long, global = true, value_enum)]
    pub provider: Option<ProviderKind>,

    /// The API key [default: $ANAM_API_KEY or $AGENTHUMAN_API_KEY, for the provider]
    #[arg(long, global = true, value_name = "KEY")]
    pub api_key: Option<String>,

    /// Read the API key from a file (`-` for stdin), keeping it out of the process list
    #[arg(long, global = true, value_name = "PATH", conflicts_with = "api_key")]
    pub api_key_file: Option<PathBuf>,

    /// The provider's API root, for proxies, regional endpoints and tests (https, or http on
    /// loopback) [env: AVATARCTL_BASE_URL]
    #[arg(long, global = true, value_name = "URL")]
    pub base_url: Option<String>,

    /// Output format [env: AVATARCTL_OUTPUT] [default: table]
    #[arg(short, long, global = true, value_enum)]
    pub output: Option<Format>,

    /// Comma-separated fields to show; dotted paths reach into raw (raw.personaConfig.name)
    #[arg(long, visible_alias = "columns", global = true, value_name = "LIST")]
    pub fields: Option<String>,

    /// CSV for spreadsheets: prefix cells that start with = + - @ tab or CR with '
    #[arg(long, global = true)]
    pub csv_safe: bool,

    /// JSON/NDJSON: each provider object exactly as the API returned it
    #[arg(long, global = true)]
    pub raw: bool,

    /// Tables: show times in UTC instead of local time
    #[arg(long, global = true)]
    pub utc: bool,

    /// When to use colors (NO_COLOR, CLICOLOR and CLICOLOR_FORCE are honoured)
    #[arg(long, global = true, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    /// Per-request timeout, e.g. 30s, 2m, 500ms [env: AVATARCTL_TIMEOUT] [default: 30s]
    #[arg(long, global = true, value_name = "DURATION", value_parser = parse_timeout)]
    pub timeout: Option<Duration>,

    /// Retries (0-10) for 429, 5xx, connection errors and timeouts
    #[arg(long, global = true, value_name = "N", default_value_t = 3, value_parser = clap::value_parser!(u32).range(0..=10))]
    pub retries: u32,

    /// Log each HTTP request (method, URL, status, time) to stderr, secrets redacted
    #[arg(short, long, global = true)]
    pub verbose: bool,

    /// No hints or progress on stderr (errors are still printed)
    #[arg(short, long, global = true)]
    pub quiet: bool,

    /// Print credential fields of responses instead of `[REDACTED]`
    #[arg(long, global = true)]
    pub show_secrets: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List sessions, or show them in full
    #[command(subcommand, visible_alias = "session")]
    Sessions(SessionsCommand),

    /// The providers, their API key env vars and base URLs
    Providers,

    /// Print a shell completion script to stdout
    #[command(after_long_help = COMPLETIONS_INSTALL)]
    Completions {
        /// The shell to complete for
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },

    /// Print the man page, in roff, to stdout
    #[command(hide = true)]
    Man,
}

/// Where each shell looks for the script (README.md says more).
const COMPLETIONS_INSTALL: &str = "\
Install the script where the shell looks for it:
  bash        avatarctl completions bash > ~/.local/share/bash-completion/completions/avatarctl
  zsh         avatarctl completions zsh > ~/.zfunc/_avatarctl  (with ~/.zfunc on fpath)
  fish        avatarctl completions fish > ~/.config/fish/completions/avatarctl.fish
  powershell  in $PROFILE: avatarctl completions powershell | Out-String | Invoke-Expression
  elvish      in rc.elv: eval (avatarctl completions elvish | slurp)";

#[derive(Debug, Subcommand)]
pub enum SessionsCommand {
    /// List sessions, in the order the provider returns them
    #[command(visible_alias = "ls")]
    List(ListArgs),

    /// Show sessions in full, fetched concurrently and printed in the order given
    Get(GetArgs),
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// One page, as the provider numbers them (from 1)
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..), conflicts_with = "limit")]
    pub page: Option<u32>,

    /// Sessions per page, with --page (anam: 1-100) [default: 20]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..), conflicts_with = "limit")]
    pub per_page: Option<u32>,

    /// At most N sessions, fetching as many pages as needed [default: 20]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    pub limit: Option<u64>,

    /// Every session: page 1 tells how many pages there are, the rest are fetched concurrently
    #[arg(long, conflicts_with_all = ["page", "per_page", "limit"])]
    pub all: bool,

    /// Pages in flight at once (1-64) for --all and --limit; halves by itself on 429
    #[arg(long, value_name = "N", default_value_t = 8, value_parser = clap::value_parser!(u16).range(1..=64))]
    pub concurrency: u16,

    /// Anam: sessions whose ID or client label matches
    #[arg(long, value_name = "TERM")]
    pub search: Option<String>,

    /// Anam: sessions of one persona
    #[arg(long, value_name = "UUID", value_parser = parse_uuid)]
    pub persona_id: Option<String>,

    /// Anam: sessions minted with one API key
    #[arg(long, value_name = "UUID", value_parser = parse_uuid)]
    pub api_key_id: Option<String>,

    /// AgentHuman: only active (started) or ended sessions
    #[arg(long, value_enum)]
    pub status: Option<StatusFilter>,
}

#[derive(Debug, Args)]
pub struct GetArgs {
    /// Session IDs (anam: UUIDs; agenthuman: sess_…)
    #[arg(required = true, value_name = "ID")]
    pub ids: Vec<String>,
}

/// A duration such as `30s`, `2m` or `500ms`; a bare number is seconds. Zero is refused.
pub fn parse_timeout(text: &str) -> Result<Duration, String> {
    let duration = match text.trim().parse::<u64>() {
        Ok(seconds) => Duration::from_secs(seconds),
        Err(_) => humantime::parse_duration(text.trim())
            .map_err(|e| format!("{e} (examples: 30s, 2m, 500ms)"))?,
    };
    if duration.is_zero() {
        return Err("must be more than zero".into());
    }
    Ok(duration)
}

fn parse_uuid(text: &str) -> Result<String, String> {
    if crate::provider::is_uuid(text) {
        Ok(text.to_owned())
    } else {
        Err("expected a UUID such as 3f1c2b9e-8d4a-4c6f-9e21-7a5b0c3d1e2f".into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_tree_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn timeouts_parse_as_durations() {
        assert_eq!(parse_timeout("30s"), Ok(Duration::from_secs(30)));
        assert_eq!(parse_timeout("5"), Ok(Duration::from_secs(5)));
        assert_eq!(parse_timeout("250ms"), Ok(Duration::from_millis(250)));
        assert!(parse_timeout("0s").is_err());
        assert!(parse_timeout("soon").is_err());
    }
}
