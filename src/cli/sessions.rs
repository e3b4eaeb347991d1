//! `avatarctl sessions …`: the commands over sessions and their own arguments. The
//! selection options (the list filters) are flattened into `list` only, so the parser itself
//! refuses them elsewhere.

use clap::{Args, Subcommand, ValueEnum};

use super::options::fields_of;
use super::{ConnectionArgs, OutputArgs};
use crate::model::{Message, Session};

use crate::provider::StatusFilter;
use crate::provider::kind::{Filter, PROVIDERS, Paging, Resource, only_for};
use crate::selection::SortSpec;
use crate::stats::GroupKey;
use crate::stats::check::Check;
use crate::window::TimeSpec;

/// `avatarctl sessions`: the groups may stand here too (`avatarctl sessions -o json list`).
#[derive(Debug, Args)]
pub struct SessionsArgs {
    #[command(flatten)]
    pub connection: ConnectionArgs,

    #[command(flatten)]
    pub output: OutputArgs,

    #[command(subcommand)]
    pub command: SessionsCommand,
}

#[derive(Debug, Subcommand)]
pub enum SessionsCommand {
    /// List sessions, in the order the provider returns them
    #[command(visible_alias = "ls", after_help = super::docs::LIST_EXAMPLES)]
    #[command(mut_arg("fields", fields_of::<Session>))]
    List(ListArgs),

    /// Show sessions in full, fetched concurrently and printed in the order given
    #[command(after_help = super::docs::GET_EXAMPLES)]
    #[command(mut_arg("fields", fields_of::<Session>))]
    Get(IdsArgs),

    /// What was said in sessions, message by message
    #[command(long_about = transcript_about(), after_help = super::docs::TRANSCRIPT_EXAMPLES)]
    #[command(mut_arg("fields", fields_of::<Message>))]
    Transcript(IdsArgs),

    /// A session's recording: its download URL, or the file itself with --download
    #[command(after_help = super::docs::RECORDING_EXAMPLES)]
    #[command(long_about = only_for(|row| row.resources.contains(&Resource::Recording),
        "A session's recording: its presigned download URL, or the file itself with --download"))]
    Recording(RecordingArgs),

    /// Per-turn latency reports of sessions; with no ID, the aggregate report over a window
    #[command(after_help = super::docs::ANALYTICS_EXAMPLES)]
    #[command(long_about = only_for(|row| row.resources.contains(&Resource::Analytics),
        "Per-turn latency reports of sessions (NDJSON and CSV: a turn a line); with no ID, \
         the aggregate report over a window of at most 31 days (NDJSON and CSV: a latency \
         metric a line; -o json for the whole report)"))]
    Analytics(AnalyticsArgs),

    /// How the selected sessions went: counts, minutes, errors and duration percentiles,
    /// in total and grouped with --by; --check makes it a CI gate (exit 7)
    #[command(after_help = super::docs::STATS_EXAMPLES)]
    Stats(StatsArgs),
}

fn transcript_about() -> String {
    only_for(
        |row| row.resources.contains(&Resource::Transcript),
        "What was said in sessions, message by message",
    )
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// One page, as the provider numbers them (from 1)
    #[arg(long, value_name = "N", value_parser = positive::<u32>, conflicts_with = "limit")]
    pub page: Option<u32>,

    #[arg(long, value_name = "N", value_parser = positive::<u32>,
        conflicts_with = "limit", help = per_page_help())]
    pub per_page: Option<u32>,

    /// At most N sessions, fetching as many pages as needed [default: 20]
    #[arg(long, value_name = "N", value_parser = positive::<u64>)]
    pub limit: Option<u64>,

    /// Every session: page 1 tells how many pages there are, the rest are fetched concurrently
    #[arg(long, conflicts_with_all = ["page", "per_page", "limit"])]
    pub all: bool,

    /// Sort by session fields, `-` before one for descending (--sort -duration_ms,id); nulls
    /// last. Reads the whole selection and holds it in memory, then applies --limit
    #[arg(long, value_name = "FIELDS", value_parser = SortSpec::parse, allow_hyphen_values = true,
        conflicts_with_all = ["page", "per_page"])]
    pub sort: Option<SortSpec>,

    #[command(flatten)]
    pub selection: SelectionArgs,

    #[command(flatten)]
    pub connection: ConnectionArgs,

    #[command(flatten)]
    pub output: OutputArgs,
}

/// `sessions stats`: the selection of `sessions list`, aggregated.
#[derive(Debug, Args)]
pub struct StatsArgs {
    /// At most N sessions (those the selection keeps), as `sessions list --limit N` would
    /// list them [default: every page]
    #[arg(long, value_name = "N", value_parser = positive::<u64>)]
    pub limit: Option<u64>,

    /// Every page: what stats reads anyway unless --limit is given
    #[arg(long, conflicts_with = "limit")]
    pub all: bool,

    /// Group by KEY[,KEY...]: provider, status, end_reason, persona (its name, else its ID),
    /// label, day, week (ISO, 2026-W17), month, hour — time keys by start, in local time or
    /// with --utc in UTC
    #[arg(
        long,
        value_name = "KEYS",
        value_enum,
        ignore_case = true,
        value_delimiter = ','
    )]
    pub by: Vec<GroupKey>,

    /// The end reasons that count as errors, exactly, ignoring case (e.g. ERROR,TIMEOUT)
    /// [default: any reason containing ERROR or FAIL]
    #[arg(long, value_name = "LIST", value_delimiter = ',')]
    pub error_reasons: Vec<String>,

    /// A gate on the total, 'METRIC OP VALUE' (repeatable): OP one of < <= > >= == !=;
    /// VALUE a number, a percentage for error_rate (5%), or a duration for duration_ms_*
    /// metrics (10m, 500ms). Any failed check exits 7; a metric with no data passes, with a
    /// note. Checked only when every page was read
    #[arg(long, value_name = "CHECK", value_parser = parse_check)]
    pub check: Vec<Check>,

    /// Refused: stats reads the whole selection, in any order
    #[arg(long, hide = true, allow_hyphen_values = true, value_parser = refuse_in_stats("--sort"))]
    pub sort: Option<String>,

    /// Refused: stats reads every page (or --limit N sessions)
    #[arg(long, hide = true, value_parser = refuse_in_stats("--page"))]
    pub page: Option<String>,

    /// Refused: stats chooses its own page size
    #[arg(long, hide = true, value_parser = refuse_in_stats("--per-page"))]
    pub per_page: Option<String>,

    #[command(flatten)]
    pub selection: SelectionArgs,

    #[command(flatten)]
    pub connection: ConnectionArgs,

    #[command(flatten)]
    pub output: OutputArgs,
}

fn parse_check(text: &str) -> Result<Check, String> {
    text.parse()
}

/// A value parser that refuses its option: it changes nothing in `sessions stats`.
fn refuse_in_stats(flag: &'static str) -> impl Fn(&str) -> Result<String, String> + Clone {
    move |_| {
        Err(format!(
            "{flag} changes nothing in sessions stats, which reads the whole selection (or \
             --limit N sessions) — leave it out"
        ))
    }
}

impl SessionsCommand {
    /// The option groups given after the command, for [`super::Cli::parse_from_args`].
    pub(super) fn options(&mut self) -> (&mut ConnectionArgs, &mut OutputArgs) {
        match self {
            Self::List(args) => (&mut args.connection, &mut args.output),
            Self::Get(args) | Self::Transcript(args) => (&mut args.connection, &mut args.output),
            Self::Recording(args) => (&mut args.connection, &mut args.output),
            Self::Analytics(args) => (&mut args.connection, &mut args.output),
            Self::Stats(args) => (&mut args.connection, &mut args.output),
        }
    }

    /// The session IDs given, for commands that take them.
    pub(super) fn ids(&self) -> &[String] {
        match self {
            Self::Get(args) | Self::Transcript(args) => &args.ids,
            Self::Analytics(args) => &args.ids,
            Self::Recording(args) => std::slice::from_ref(&args.id),
            Self::List(_) | Self::Stats(_) => &[],
        }
    }
}

/// Which sessions a list selects.
#[derive(Debug, Args)]
#[group(id = "selection-options", multiple = true)]
#[command(next_help_heading = "Selection options")]
pub struct SelectionArgs {
    #[arg(long, value_name = "TERM",
        help = filter_help(Filter::Search, "sessions whose ID or client label matches"))]
    pub search: Option<String>,

    #[arg(long, value_name = "UUID", value_parser = parse_uuid,
        help = filter_help(Filter::PersonaId, "sessions of one persona"))]
    pub persona_id: Option<String>,

    #[arg(long, value_name = "UUID", value_parser = parse_uuid,
        help = filter_help(Filter::ApiKeyId, "sessions minted with one API key"))]
    pub api_key_id: Option<String>,

    #[arg(long, value_enum, ignore_case = true, help = status_help())]
    pub status: Option<StatusArg>,

    /// Sessions that started at or after TIME (RFC 3339; a local date or date-time such as
    /// 2026-04-20 or "2026-04-20 09:00", read in TZ or with --utc in UTC; or a span back from
    /// now: 30m, 24h, 7d, 2w). Checked here: no provider filters by date
    #[arg(long, value_name = "TIME", value_parser = TimeSpec::parse)]
    pub since: Option<TimeSpec>,

    /// Sessions that started before TIME (exclusive; the forms of --since). Checked here
    #[arg(long, value_name = "TIME", value_parser = TimeSpec::parse)]
    pub until: Option<TimeSpec>,

    /// Sessions whose end reason is one of LIST, exactly, ignoring case (e.g. ERROR,TIMEOUT).
    /// Checked here
    #[arg(long, value_name = "LIST", value_delimiter = ',')]
    pub end_reason: Vec<String>,
}

/// `--status`'s help: who filters it, and that it is checked here too.
fn status_help() -> String {
    let pushed = crate::provider::kind::providers_with(|row| row.filters.contains(&Filter::Status));
    format!(
        "Sessions with this status: active (started), ended or created. Checked here for every \
         provider, and sent to {} too, which filter it themselves",
        pushed.join(", ")
    )
}

/// `--status`'s values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum StatusArg {
    #[value(alias = "started")]
    Active,
    Ended,
    Created,
}

impl From<StatusArg> for StatusFilter {
    fn from(arg: StatusArg) -> Self {
        match arg {
            StatusArg::Active => Self::Active,
            StatusArg::Ended => Self::Ended,
            StatusArg::Created => Self::Created,
        }
    }
}

#[derive(Debug, Args)]
pub struct IdsArgs {
    #[arg(required = true, value_name = "ID", help = id_help())]
    pub ids: Vec<String>,

    #[command(flatten)]
    pub connection: ConnectionArgs,

    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Args)]
pub struct RecordingArgs {
    #[arg(value_name = "ID", help = "The session ID")]
    pub id: String,

    /// Download the recording to PATH (`-`: stdout) instead of printing its URL: written to
    /// PATH.part, renamed when complete
    #[arg(long, value_name = "PATH")]
    pub download: Option<std::path::PathBuf>,

    /// With --download: replace PATH if it exists
    #[arg(long, requires = "download")]
    pub force: bool,

    #[command(flatten)]
    pub connection: ConnectionArgs,

    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Args)]
pub struct AnalyticsArgs {
    #[arg(value_name = "ID", help = format!("{}; none: the aggregate report", id_help()))]
    pub ids: Vec<String>,

    /// With IDs: each turn's user and persona text too (when transcripts were on)
    #[arg(long)]
    pub messages: bool,

    /// Aggregate: the window's start (RFC 3339, a date, or a span back from now such as 7d)
    /// [default: 24 hours before --until]
    #[arg(long, value_name = "TIME", value_parser = TimeSpec::parse, conflicts_with = "ids")]
    pub since: Option<TimeSpec>,

    /// Aggregate: the window's end, exclusive [default: now]
    #[arg(long, value_name = "TIME", value_parser = TimeSpec::parse, conflicts_with = "ids")]
    pub until: Option<TimeSpec>,

    /// Aggregate: only sessions of one persona
    #[arg(long, value_name = "UUID", value_parser = parse_uuid, conflicts_with = "ids")]
    pub persona_id: Option<String>,

    /// Aggregate: only sessions minted with one API key
    #[arg(long, value_name = "UUID", value_parser = parse_uuid, conflicts_with = "ids")]
    pub api_key_id: Option<String>,

    /// Aggregate: only sessions whose client label is exactly LABEL
    #[arg(long, value_name = "LABEL", conflicts_with = "ids")]
    pub label: Option<String>,

    /// Aggregate: only sessions of one type
    #[arg(long, value_enum, ignore_case = true, conflicts_with = "ids")]
    pub session_type: Option<SessionType>,

    #[command(flatten)]
    pub connection: ConnectionArgs,

    #[command(flatten)]
    pub output: OutputArgs,
}

/// Anam's session types, as its aggregate report filters them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SessionType {
    Turnkey,
    CustomLlmServer,
    CustomLlmClient,
    Livekit,
    ElevenlabsAgent,
}

impl SessionType {
    /// The value Anam's API takes.
    pub fn api_name(self) -> &'static str {
        match self {
            Self::Turnkey => "turnkey",
            Self::CustomLlmServer => "custom_llm_server",
            Self::CustomLlmClient => "custom_llm_client",
            Self::Livekit => "livekit",
            Self::ElevenlabsAgent => "elevenlabs_agent",
        }
    }
}

/// A filter's help, naming the providers that have it.
fn filter_help(filter: Filter, what: &str) -> String {
    only_for(|row| row.filters.contains(&filter), what)
}

/// `--per-page`'s help, with each numbered provider's range.
fn per_page_help() -> String {
    let ranges: Vec<String> = PROVIDERS
        .iter()
        .filter_map(|row| match row.paging {
            Paging::Numbered { max_per_page } => Some(format!("{}: 1-{max_per_page}", row.name)),
            _ => None,
        })
        .collect();
    format!(
        "Sessions per page, with --page ({}) [default: 20]",
        ranges.join("; ")
    )
}

/// `<ID>`'s help, with each provider's ID form.
fn id_help() -> String {
    let forms: Vec<String> = PROVIDERS
        .iter()
        .map(|row| format!("{}: {}", row.name, row.id_form))
        .collect();
    format!(
        "Session IDs ({}); - reads them from stdin, one per line",
        forms.join("; ")
    )
}

/// A whole number of 1 or more, with a message in words rather than Rust's integer range.
fn positive<T: std::str::FromStr + From<u8> + PartialOrd>(text: &str) -> Result<T, String> {
    let bad = || format!("{text:?} is not a whole number of 1 or more");
    let text = text.trim();
    if !text.bytes().all(|b| b.is_ascii_digit()) || text.is_empty() {
        return Err(bad());
    }
    match text.parse::<T>() {
        Ok(n) if n >= T::from(1) => Ok(n),
        Ok(_) => Err(bad()),
        Err(_) => Err(format!("{text} is too large")),
    }
}

fn parse_uuid(text: &str) -> Result<String, String> {
    if crate::provider::is_uuid(text) {
        Ok(text.to_owned())
    } else {
        Err("expected a UUID such as 3f1c2b9e-8d4a-4c6f-9e21-7a5b0c3d1e2f".into())
    }
}
