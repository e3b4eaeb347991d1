//! The option groups: each is one struct, flattened into the commands that use it, so the
//! parser itself refuses an option a command ignores, and each command's `--help` and
//! completions show only its own. The groups are flattened into the root (and `sessions`)
//! too, so that options may stand before the command (`avatarctl -p anam sessions list`);
//! [`super::Cli::parse_from_args`] merges the levels and refuses an option given before a
//! command whose own declaration lacks its group.

use std::path::PathBuf;
use std::time::Duration;

use std::ffi::OsStr;

use clap::builder::{PossibleValue, PossibleValuesParser, StringValueParser, TypedValueParser};
use clap::{Arg, Args};

use crate::output::Format;
use crate::provider::ProviderKind;
use crate::provider::kind::{PROVIDERS, key_envs};
use crate::record::{RAW, Record, Schema};

/// Where and how to reach the provider: the options of every command that makes requests.
#[derive(Clone, Debug, Default, Args)]
#[group(id = "connection-options", multiple = true)]
#[command(next_help_heading = "Connection options")]
pub struct ConnectionArgs {
    #[arg(short, long, ignore_case = true, value_parser = provider_parser(),
        help = "Which provider, or `all`: every provider whose API key env var is set (sessions list, \
                sessions stats, usage) [env: AVATARCTL_PROVIDER] [default: the one whose API key env var is set]")]
    pub provider: Option<ProviderChoice>,

    /// Use a profile of the config file: its provider, base URL and key [env: AVATARCTL_PROFILE]
    #[arg(long, value_name = "NAME")]
    pub profile: Option<String>,

    #[arg(long, value_name = "KEY", help = key_help())]
    pub api_key: Option<String>,

    /// Read the API key from a file (`-` for stdin), keeping it out of the process list
    #[arg(long, value_name = "PATH", conflicts_with = "api_key")]
    pub api_key_file: Option<PathBuf>,

    /// The provider's API root, for proxies, regional endpoints and tests (https, or http on
    /// loopback) [env: AVATARCTL_BASE_URL]
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,

    /// Per-request timeout, e.g. 30s, 2m, 500ms [env: AVATARCTL_TIMEOUT] [default: 30s]
    #[arg(long, value_name = "DURATION", value_parser = parse_timeout)]
    pub timeout: Option<Duration>,

    /// Retries (0-10) for 429, 5xx, connection errors and timeouts [default: 3]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(0..=10))]
    pub retries: Option<u32>,

    /// Requests in flight at once (1-64): pages for --all and --limit, IDs for get; halves
    /// by itself on 429 [default: 8]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=64))]
    pub concurrency: Option<u16>,
}

/// How records are written: the options of every command that prints records.
#[derive(Clone, Debug, Default, Args)]
#[group(id = "output-options", multiple = true)]
#[command(next_help_heading = "Output options")]
pub struct OutputArgs {
    /// Output format [env: AVATARCTL_OUTPUT] [default: table]
    #[arg(short, long, value_enum, ignore_case = true)]
    pub output: Option<Format>,

    /// Comma-separated fields to show; dotted paths reach into raw (raw.personaConfig.name)
    #[arg(long, visible_alias = "columns", value_name = "LIST")]
    pub fields: Option<String>,

    /// Filter the JSON output with a jq expression (built in: no jq needed); implies -o json,
    /// applies to each line with -o ndjson; strings print raw
    #[arg(long, value_name = "EXPR")]
    pub jq: Option<String>,

    /// CSV for spreadsheets: prefix cells that start with = + - @ tab or CR with '
    #[arg(long)]
    pub csv_safe: bool,

    /// JSON/NDJSON: each provider object exactly as the API returned it
    #[arg(long)]
    pub raw: bool,

    /// Tables: show times in UTC instead of local time
    #[arg(long)]
    pub utc: bool,

    /// Print credential fields of responses instead of `[REDACTED]`
    #[arg(long)]
    pub show_secrets: bool,

    /// Tables and CSV: leave out the header row (for scripts that read columns)
    #[arg(long)]
    pub no_headers: bool,

    /// Tables: every column at full width, even on a terminal (nothing cut or left out)
    #[arg(long)]
    pub wide: bool,
}

impl ConnectionArgs {
    /// These options, with those of `later` (given further right) taking precedence.
    pub fn then(self, later: Self) -> Self {
        Self {
            provider: later.provider.or(self.provider),
            profile: later.profile.or(self.profile),
            api_key: later.api_key.or(self.api_key),
            api_key_file: later.api_key_file.or(self.api_key_file),
            base_url: later.base_url.or(self.base_url),
            timeout: later.timeout.or(self.timeout),
            retries: later.retries.or(self.retries),
            concurrency: later.concurrency.or(self.concurrency),
        }
    }
}

impl OutputArgs {
    /// These options, with those of `later` (given further right) taking precedence.
    pub fn then(self, later: Self) -> Self {
        Self {
            output: later.output.or(self.output),
            fields: later.fields.or(self.fields),
            jq: later.jq.or(self.jq),
            csv_safe: self.csv_safe || later.csv_safe,
            raw: self.raw || later.raw,
            utc: self.utc || later.utc,
            show_secrets: self.show_secrets || later.show_secrets,
            no_headers: self.no_headers || later.no_headers,
            wide: self.wide || later.wide,
        }
    }
}

/// One provider, or every provider with a key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProviderChoice {
    One(ProviderKind),
    All,
}

impl ProviderChoice {
    /// A name as the table spells it, or `all`, in any case.
    pub fn from_name(name: &str) -> Option<Self> {
        if name.trim().eq_ignore_ascii_case("all") {
            return Some(Self::All);
        }
        ProviderKind::from_name(name).map(Self::One)
    }
}

/// `--fields` of a command whose records are `R`s: the same free-form list (checked against
/// the record once the command runs, so that a dotted `raw.` path passes), with `R`'s field
/// names offered to shell completion. For `#[command(mut_arg("fields", fields_of::<R>))]`.
pub fn fields_of<R: Record>(arg: Arg) -> Arg {
    arg.value_parser(FieldNames(R::SCHEMA))
        .hide_possible_values(true)
}

/// Parses any text, and names a schema's fields (and `raw`, where records carry it) for
/// completion.
#[derive(Clone)]
struct FieldNames(&'static Schema);

impl TypedValueParser for FieldNames {
    type Value = String;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&Arg>,
        value: &OsStr,
    ) -> Result<String, clap::Error> {
        StringValueParser::new().parse_ref(cmd, arg, value)
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        let names = self.0.fields.iter().map(|field| field.name);
        let raw = self.0.has_raw.then_some(RAW);
        Some(Box::new(names.chain(raw).map(PossibleValue::new)))
    }
}

/// Provider names as the table spells them, and `all`, in any case.
fn provider_parser() -> impl TypedValueParser<Value = ProviderChoice> {
    let names = PROVIDERS.iter().map(|row| row.name).chain(["all"]);
    PossibleValuesParser::new(names).map(|name| {
        ProviderChoice::from_name(&name).expect("the parser accepts only the table's names")
    })
}

/// `--api-key`'s help, naming every provider's key env var.
fn key_help() -> String {
    format!(
        "The API key [default: ${}, for the provider]",
        key_envs(" or $")
    )
}

/// A duration such as `30s`, `2m` or `500ms`; a bare number is seconds (`0.5` too). Zero
/// is refused.
pub fn parse_timeout(text: &str) -> Result<Duration, String> {
    let text = text.trim();
    let seconds = text
        .parse::<f64>()
        .ok()
        .filter(|_| text.bytes().all(|b| b.is_ascii_digit() || b == b'.'));
    let duration = match seconds {
        Some(seconds) => Duration::try_from_secs_f64(seconds)
            .map_err(|_| "is too long (examples: 30s, 2m, 500ms)".to_owned())?,
        None => humantime::parse_duration(text)
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
        assert_eq!(parse_timeout("0.5"), Ok(Duration::from_millis(500)));
        assert_eq!(parse_timeout(" 1.25 "), Ok(Duration::from_millis(1250)));
        assert!(parse_timeout("0.0").is_err());
        assert!(parse_timeout("-1").is_err());
        assert!(parse_timeout("1e999").is_err());
        assert_eq!(parse_timeout("250ms"), Ok(Duration::from_millis(250)));
        assert!(parse_timeout("0s").is_err());
        assert!(parse_timeout("soon").is_err());
    }

    #[test]
    fn the_key_help_names_every_providers_variable() {
        assert_eq!(
            key_help(),
            "The API key [default: $ANAM_API_KEY or $AGENTHUMAN_API_KEY or $TAVUS_API_KEY or \
             $BEY_API_KEY, for the provider]"
        );
    }
}
