//! The option groups: each is one struct, and a command declares the groups it uses
//! ([`super::Command::option_groups`]). They are global in clap's sense, so they may stand
//! before or after the command (`avatarctl -p anam sessions list`); the scope check in
//! [`super`] refuses one given to a command that does not use it.

use std::path::PathBuf;
use std::time::Duration;

use clap::Args;
use clap::builder::{PossibleValuesParser, TypedValueParser};

use crate::output::Format;
use crate::provider::ProviderKind;
use crate::provider::kind::{PROVIDERS, key_envs};

/// Where and how to reach the provider: the options of every command that makes requests.
#[derive(Debug, Args)]
#[group(id = "connection-options", multiple = true)]
#[command(next_help_heading = "Connection options")]
pub struct ConnectionArgs {
    #[arg(short, long, global = true, ignore_case = true, value_parser = provider_parser(),
        help = "Which provider [env: AVATARCTL_PROVIDER] [default: the one whose API key env var is set]")]
    pub provider: Option<ProviderKind>,

    #[arg(long, global = true, value_name = "KEY", help = key_help())]
    pub api_key: Option<String>,

    /// Read the API key from a file (`-` for stdin), keeping it out of the process list
    #[arg(long, global = true, value_name = "PATH", conflicts_with = "api_key")]
    pub api_key_file: Option<PathBuf>,

    /// The provider's API root, for proxies, regional endpoints and tests (https, or http on
    /// loopback) [env: AVATARCTL_BASE_URL]
    #[arg(long, global = true, value_name = "URL")]
    pub base_url: Option<String>,

    /// Per-request timeout, e.g. 30s, 2m, 500ms [env: AVATARCTL_TIMEOUT] [default: 30s]
    #[arg(long, global = true, value_name = "DURATION", value_parser = parse_timeout)]
    pub timeout: Option<Duration>,

    /// Retries (0-10) for 429, 5xx, connection errors and timeouts
    #[arg(long, global = true, value_name = "N", default_value_t = 3, value_parser = clap::value_parser!(u32).range(0..=10))]
    pub retries: u32,

    /// Requests in flight at once (1-64): pages for --all and --limit, IDs for get; halves
    /// by itself on 429
    #[arg(long, global = true, value_name = "N", default_value_t = 8, value_parser = clap::value_parser!(u16).range(1..=64))]
    pub concurrency: u16,
}

/// How records are written: the options of every command that prints records.
#[derive(Debug, Args)]
#[group(id = "output-options", multiple = true)]
#[command(next_help_heading = "Output options")]
pub struct OutputArgs {
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

    /// Print credential fields of responses instead of `[REDACTED]`
    #[arg(long, global = true)]
    pub show_secrets: bool,
}

/// Provider names as the table spells them, in any case.
fn provider_parser() -> impl TypedValueParser<Value = ProviderKind> {
    PossibleValuesParser::new(PROVIDERS.iter().map(|row| row.name)).map(|name| {
        ProviderKind::from_name(&name).expect("the parser accepts only the table's names")
    })
}

/// `--api-key`'s help, naming every provider's key env var.
fn key_help() -> String {
    format!(
        "The API key [default: ${}, for the provider]",
        key_envs(" or $")
    )
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timeouts_parse_as_durations() {
        assert_eq!(parse_timeout("30s"), Ok(Duration::from_secs(30)));
        assert_eq!(parse_timeout("5"), Ok(Duration::from_secs(5)));
        assert_eq!(parse_timeout("250ms"), Ok(Duration::from_millis(250)));
        assert!(parse_timeout("0s").is_err());
        assert!(parse_timeout("soon").is_err());
    }

    #[test]
    fn the_key_help_names_every_providers_variable() {
        assert_eq!(
            key_help(),
            "The API key [default: $ANAM_API_KEY or $AGENTHUMAN_API_KEY, for the provider]"
        );
    }
}
