//! What `--help`, the man page and README say alike: the exit codes, the environment and
//! examples, written once here (a test checks README's exit-code table against them).

use std::fmt::Write;

/// The exit codes and what each means, as README's table states them.
pub const EXIT_CODES: &[(u8, &str)] = &[
    (
        0,
        "success, an empty list too; also when the reader of a pipe stops early (`avatarctl sessions list | head -1` ends quietly)",
    ),
    (
        1,
        "any other error, e.g. another 4xx such as 400, or a failure to write output (or a downloaded recording), or a --jq filter that fails at run time",
    ),
    (
        2,
        "usage error: bad flag or value, missing key or provider, an option the provider does not support, an invalid session ID (no request is sent)",
    ),
    (3, "not found (HTTP 404)"),
    (4, "the provider refused the key (HTTP 401/403)"),
    (
        5,
        "the provider or the network failed: 5xx, timeout or connection error after retries, a malformed response, an export with fewer sessions than the provider announced, a recording download cut short or refused by its host",
    ),
    (6, "still rate-limited (HTTP 429) after retries"),
    (7, "a `sessions stats --check` failed (on complete data)"),
    (
        130,
        "interrupted (Ctrl-C): stops at once; what was printed ends on a whole line or row",
    ),
];

/// The environment variables avatarctl reads.
pub const ENVIRONMENT: &[(&str, &str)] = &[
    (
        "ANAM_API_KEY, AGENTHUMAN_API_KEY, TAVUS_API_KEY, BEY_API_KEY",
        "each provider's API key; the one set picks the provider",
    ),
    (
        "ANAM_BASE_URL, AGENTHUMAN_BASE_URL, TAVUS_BASE_URL, BEY_BASE_URL",
        "each provider's API root, under AVATARCTL_BASE_URL",
    ),
    ("AVATARCTL_PROVIDER", "the provider (or all), as --provider"),
    (
        "AVATARCTL_PROFILE",
        "the config file's profile to use, as --profile",
    ),
    (
        "AVATARCTL_CONFIG",
        "the config file of profiles [default: $XDG_CONFIG_HOME/avatarctl/config.toml, else ~/.config/avatarctl/config.toml]",
    ),
    (
        "AVATARCTL_BASE_URL",
        "the API root for the selected provider, as --base-url",
    ),
    ("AVATARCTL_OUTPUT", "the output format, as --output"),
    ("AVATARCTL_TIMEOUT", "the per-request timeout, as --timeout"),
    (
        "TZ",
        "the local time zone of tables and of dates without an offset",
    ),
    (
        "NO_COLOR, CLICOLOR, CLICOLOR_FORCE",
        "table colors with --color auto",
    ),
    (
        "HTTPS_PROXY, HTTP_PROXY, ALL_PROXY, NO_PROXY",
        "proxies (never used for a loopback base URL)",
    ),
    (
        "GITHUB_ACTIONS",
        "true: errors are also written as workflow annotations",
    ),
];

/// Examples for `avatarctl --help` and the man page's EXAMPLES.
pub const EXAMPLES: &[(&str, &str)] = &[
    (
        "avatarctl sessions list --since 24h --end-reason ERROR",
        "the sessions of the last day that ended in an error",
    ),
    (
        "avatarctl sessions list --all -o csv > sessions.csv",
        "every session, as CSV",
    ),
    (
        "avatarctl sessions get 3f1c2b9e-8d4a-4c6f-9e21-7a5b0c3d1e2f -o json",
        "one session in full",
    ),
    (
        "avatarctl sessions list --limit 50 --jq '.[].id' | avatarctl sessions transcript -",
        "the transcripts of 50 sessions",
    ),
    (
        "avatarctl -p all usage",
        "minutes left and concurrency, for every provider with a key",
    ),
];

/// Each command's examples, after its options in `--help`.
pub const LIST_EXAMPLES: &str = "Examples:
  avatarctl sessions list --since 24h --status ended
  avatarctl sessions list --since 2026-11-01 --until 2026-12-01 --all -o csv > november.csv
  avatarctl sessions list --end-reason ERROR,TIMEOUT --sort -duration_ms --limit 10";
pub const GET_EXAMPLES: &str = "Examples:
  avatarctl sessions get 3f1c2b9e-8d4a-4c6f-9e21-7a5b0c3d1e2f
  avatarctl sessions get ID1 ID2 -o ndjson
  avatarctl sessions list --jq '.[].id' | avatarctl sessions get - -o json";
pub const TRANSCRIPT_EXAMPLES: &str = "Examples:
  avatarctl sessions transcript 3f1c2b9e-8d4a-4c6f-9e21-7a5b0c3d1e2f
  avatarctl sessions transcript ID -o ndjson --jq 'select(.role == \"user\") | .text'
  avatarctl sessions list --end-reason ERROR --jq '.[].id' | avatarctl sessions transcript - -o csv";
pub const RECORDING_EXAMPLES: &str = "Examples:
  avatarctl sessions recording 3f1c2b9e-8d4a-4c6f-9e21-7a5b0c3d1e2f
  avatarctl sessions recording ID --download call.mp4
  avatarctl sessions recording ID --download - > call.mp4";
pub const ANALYTICS_EXAMPLES: &str = "Examples:
  avatarctl sessions analytics 3f1c2b9e-8d4a-4c6f-9e21-7a5b0c3d1e2f
  avatarctl sessions analytics ID --messages -o csv
  avatarctl sessions analytics --since 7d --jq '.latencies.first_audio_latency_ms.p95'";
pub const STATS_EXAMPLES: &str = "Examples:
  avatarctl sessions stats --since 7d --by day
  avatarctl sessions stats --since 30d --by persona,end_reason -o csv > report.csv
  avatarctl sessions stats --since 1h --check 'error_rate <= 5%' --check 'duration_ms_p95 < 20m'";
pub const USAGE_EXAMPLES: &str = "Examples:
  avatarctl usage
  avatarctl -p anam usage --jq .can_start
  avatarctl -p all usage -o json";
pub const AUTH_EXAMPLES: &str = "Examples:
  avatarctl auth status
  avatarctl -p tavus auth status
  avatarctl auth status -o json --jq '.[] | select(.accepted == false) | .provider'";
pub const PROVIDERS_EXAMPLES: &str = "Examples:
  avatarctl providers
  avatarctl providers -o json --jq '.[] | select(.selected) | .provider'";

/// The root's `--help` epilogue: examples, exit codes and environment.
pub fn root_after_help() -> String {
    let mut text = String::from("Examples:\n");
    for (command, what) in EXAMPLES {
        let _ = writeln!(text, "  {command}\n      {what}");
    }
    text.push_str("\nExit status:\n");
    for (code, meaning) in EXIT_CODES {
        let _ = writeln!(text, "  {code:<4} {meaning}");
    }
    text.push_str("\nEnvironment:\n");
    for (names, what) in ENVIRONMENT {
        let _ = writeln!(text, "  {names}\n      {what}");
    }
    text.trim_end().to_owned()
}

/// The man page's EXIT STATUS, ENVIRONMENT and EXAMPLES sections, in roff.
pub fn man_sections() -> String {
    let escape = |text: &str| text.replace('\\', "\\\\").replace('-', "\\-");
    let mut roff = String::from(".SH \"EXIT STATUS\"\n");
    for (code, meaning) in EXIT_CODES {
        let _ = writeln!(roff, ".TP\n\\fB{code}\\fR\n{}", escape(meaning));
    }
    roff.push_str(".SH ENVIRONMENT\n");
    for (names, what) in ENVIRONMENT {
        let _ = writeln!(roff, ".TP\n\\fB{}\\fR\n{}", escape(names), escape(what));
    }
    roff.push_str(".SH EXAMPLES\n");
    for (command, what) in EXAMPLES {
        let _ = writeln!(roff, ".TP\n\\fB{}\\fR\n{}", escape(command), escape(what));
    }
    roff
}
