//! The command tree, declared once with clap's derive. Each `///` comment is `--help` text.
//!
//! Values become typed here where clap can do it alone (formats, providers, numbers,
//! durations); what depends on several flags or the environment is resolved in `config.rs`.
//! Options come in groups ([`options`]); a command declares the groups it uses by flattening
//! them, so its own parser refuses the rest, and [`Cli::parse_from_args`] refuses an option
//! given before a command outside them — one check for every command, read off the tree.

pub mod docs;
pub mod options;
pub mod sessions;

use std::ffi::OsString;

use clap::error::ErrorKind;
use clap::parser::ValueSource;
use clap::{ArgMatches, Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

pub use options::{ConnectionArgs, OutputArgs, ProviderChoice, parse_timeout};

use crate::provider::kind::PROVIDERS;
pub use sessions::{
    AnalyticsArgs, IdsArgs, ListArgs, RecordingArgs, SelectionArgs, SessionType, SessionsArgs,
    SessionsCommand, StatsArgs,
};

#[derive(Debug, Parser)]
#[command(
    name = "avatarctl",
    version,
    about = about(),
    long_about = format!("{}\n\n{DATA_AND_MESSAGES}", about()),
    after_long_help = docs::root_after_help(),
    propagate_version = true,
    max_term_width = 100
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,

    #[command(subcommand)]
    pub command: Command,
}

/// The one-line description, naming every provider in the table.
fn about() -> String {
    let names: Vec<&str> = PROVIDERS.iter().map(|row| row.display_name).collect();
    format!(
        "Inspect the sessions your users had with real-time AI avatars ({})",
        names.join(", ")
    )
}

const DATA_AND_MESSAGES: &str =
    "Data goes to stdout (a table, JSON, NDJSON or CSV); hints and errors go to stderr.";

/// The options before the command: the groups (merged with those given after it by
/// [`Cli::parse_from_args`]), and what applies to every command.
#[derive(Debug, Args)]
pub struct GlobalArgs {
    #[command(flatten)]
    pub connection: ConnectionArgs,

    #[command(flatten)]
    pub output: OutputArgs,

    /// When to use colors (NO_COLOR, CLICOLOR and CLICOLOR_FORCE are honoured)
    #[arg(long, global = true, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto,
        ignore_case = true, help_heading = "Global options")]
    pub color: ColorChoice,

    /// Log each HTTP request (method, URL, status, time) to stderr, secrets redacted
    #[arg(short, long, global = true, help_heading = "Global options")]
    pub verbose: bool,

    /// No hints or progress on stderr (errors are still printed)
    #[arg(short, long, global = true, help_heading = "Global options")]
    pub quiet: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// The option groups a command may declare, by the id its struct gives clap.
const GROUPS: [(&str, &str); 2] = [
    ("connection-options", "a connection"),
    ("output-options", "an output"),
];

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List sessions, or show them in full
    #[command(visible_alias = "session")]
    Sessions(Box<SessionsArgs>),

    /// Plan minutes, concurrency and sessions active now
    #[command(after_help = docs::USAGE_EXAMPLES)]
    #[command(mut_arg("fields", options::fields_of::<crate::model::Usage>))]
    Usage(UsageArgs),

    /// Which API key is in use, and whether the provider accepts it
    #[command(after_help = docs::AUTH_EXAMPLES)]
    Auth(AuthArgs),

    /// The providers, their API key env vars and base URLs
    #[command(after_help = docs::PROVIDERS_EXAMPLES)]
    Providers(ProvidersArgs),

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

    /// The config file's profile names, one a line, for the completion scripts to offer
    #[command(hide = true)]
    CompleteProfiles,
}

/// `avatarctl usage`: one record from the provider.
#[derive(Debug, Args)]
pub struct UsageArgs {
    #[command(flatten)]
    pub connection: ConnectionArgs,

    #[command(flatten)]
    pub output: OutputArgs,
}

/// `avatarctl auth …`.
#[derive(Debug, Args)]
pub struct AuthArgs {
    #[command(subcommand)]
    pub command: AuthCommand,
}

#[derive(Debug, Subcommand)]
pub enum AuthCommand {
    /// For the selected provider, or every provider with a key: where its key comes from
    /// (never the key), the base URL in effect, and whether the provider accepts the key (one
    /// cheap request each). Exit 4 if any key is refused
    #[command(after_help = docs::AUTH_EXAMPLES)]
    Status(UsageArgs),
}

/// `avatarctl providers`: it prints records, so it takes the output options.
#[derive(Debug, Args)]
pub struct ProvidersArgs {
    #[command(flatten)]
    pub output: OutputArgs,
}

impl Command {
    /// Moves the option groups given after the command into `global`, where they take
    /// precedence over those given before it.
    fn merge_options_into(&mut self, global: &mut GlobalArgs) {
        use std::mem::take;
        let (connection, output) = match self {
            Self::Sessions(sessions) => {
                let (connection, output) = sessions.command.options();
                (
                    Some(take(&mut sessions.connection).then(take(connection))),
                    Some(take(&mut sessions.output).then(take(output))),
                )
            }
            Self::Usage(usage) => (
                Some(take(&mut usage.connection)),
                Some(take(&mut usage.output)),
            ),
            Self::Auth(auth) => match &mut auth.command {
                AuthCommand::Status(status) => (
                    Some(take(&mut status.connection)),
                    Some(take(&mut status.output)),
                ),
            },
            Self::Providers(providers) => (None, Some(take(&mut providers.output))),
            Self::Completions { .. } | Self::Man | Self::CompleteProfiles => (None, None),
        };
        if let Some(connection) = connection {
            global.connection = take(&mut global.connection).then(connection);
        }
        if let Some(output) = output {
            global.output = take(&mut global.output).then(output);
        }
    }
}

/// Where each shell looks for the script (README.md says more).
const COMPLETIONS_INSTALL: &str = "\
Install the script where the shell looks for it:
  bash        avatarctl completions bash > ~/.local/share/bash-completion/completions/avatarctl
  zsh         avatarctl completions zsh > ~/.zfunc/_avatarctl  (with ~/.zfunc on fpath)
  fish        avatarctl completions fish > ~/.config/fish/completions/avatarctl.fish
  powershell  in $PROFILE: avatarctl completions powershell | Out-String | Invoke-Expression
  elvish      in rc.elv: eval (avatarctl completions elvish | slurp)";

impl Cli {
    /// Parses a command line: refuses an option given before a command that does not take
    /// its group, then merges each group's options from every level into [`Cli::global`].
    /// Errors are clap's, printed and mapped to exit 2 like every parse error.
    pub fn parse_from_args<I, T>(args: I) -> Result<Self, clap::Error>
    where
        I: IntoIterator<Item = T>,
        T: Into<OsString> + Clone,
    {
        let mut command = Self::command();
        let matches = command.try_get_matches_from_mut(args)?;
        let mut cli = Self::from_arg_matches(&matches)?;
        if let Some(message) = out_of_scope(&command, &matches) {
            return Err(command.error(ErrorKind::ArgumentConflict, message));
        }
        cli.command.merge_options_into(&mut cli.global);
        let connection = &cli.global.connection;
        let ids_on_stdin = match &cli.command {
            Command::Sessions(sessions) => sessions.command.ids() == ["-"],
            _ => false,
        };
        if ids_on_stdin
            && connection
                .api_key_file
                .as_deref()
                .is_some_and(|path| path == std::path::Path::new("-"))
        {
            return Err(command.error(
                ErrorKind::ArgumentConflict,
                "--api-key-file - and the IDs cannot both come from stdin — put the key in a \
                 file or an env var",
            ));
        }
        if connection.api_key.is_some() && connection.api_key_file.is_some() {
            return Err(command.error(
                ErrorKind::ArgumentConflict,
                "--api-key and --api-key-file cannot be used together — pass the key one way",
            ));
        }
        Ok(cli)
    }
}

/// An option given before the command (to the root, or to `sessions`) from a group that the
/// command itself does not declare, as a message naming it, the command, and what the
/// command does take. Read off the command tree, so it holds for every command.
fn out_of_scope(root: &clap::Command, matches: &ArgMatches) -> Option<String> {
    // Each level's command and matches, from the root down to the command that runs.
    let mut levels = vec![(root, matches)];
    while let Some((name, sub)) = levels[levels.len() - 1].1.subcommand() {
        let command = levels[levels.len() - 1].0.find_subcommand(name)?;
        levels.push((command, sub));
    }
    let (leaf, _) = levels[levels.len() - 1];
    let declares = |id: &str| leaf.get_groups().any(|g| g.get_id() == id);
    let (flag, a_group) = levels[..levels.len() - 1]
        .iter()
        .flat_map(|(command, matches)| {
            command
                .get_groups()
                .filter(|group| !declares(group.get_id().as_str()))
                .filter_map(|group| {
                    let (_, a_group) = GROUPS.iter().find(|(id, _)| group.get_id() == *id)?;
                    let given = group.get_args().find(|id| {
                        matches.value_source(id.as_str()) == Some(ValueSource::CommandLine)
                    })?;
                    let arg = command.get_arguments().find(|a| a.get_id() == given)?;
                    Some((format!("--{}", arg.get_long()?), *a_group))
                })
                .collect::<Vec<_>>()
        })
        .next()?;
    let takes: Vec<&str> = GROUPS
        .iter()
        .filter(|(id, _)| declares(id))
        .map(|(id, _)| id.trim_end_matches("-options"))
        .collect();
    let takes = match takes.as_slice() {
        [] => "it takes no options but -v, -q and --color".to_owned(),
        groups => format!("it takes {} options only", groups.join(" and ")),
    };
    let path = leaf.get_bin_name().unwrap_or(leaf.get_name());
    Some(format!(
        "{flag} is {a_group} option and does not apply to `{path}` — {takes}; leave it out"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(argv: &[&str]) -> Result<Cli, String> {
        Cli::parse_from_args(std::iter::once("avatarctl").chain(argv.iter().copied()))
            .map_err(|e| e.to_string())
    }

    #[test]
    fn the_command_tree_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn options_stand_before_or_after_the_command() {
        let before = parse(&["-p", "anam", "-o", "json", "sessions", "list"]).unwrap();
        let after = parse(&["sessions", "list", "-p", "ANAM", "-o", "json"]).unwrap();
        for cli in [before, after] {
            assert_eq!(
                cli.global.connection.provider,
                Some(ProviderChoice::One(crate::provider::ProviderKind::Anam))
            );
            assert_eq!(cli.global.output.output, Some(crate::output::Format::Json));
        }
    }

    #[test]
    fn an_option_outside_the_commands_groups_is_refused() {
        let error = parse(&["--fields", "id", "completions", "bash"]).unwrap_err();
        assert!(
            error.starts_with(
                "error: --fields is an output option and does not apply to `avatarctl \
                 completions` — it takes no options but -v, -q and --color; leave it out"
            ),
            "{error}"
        );
        let error = parse(&["--timeout", "1s", "providers"]).unwrap_err();
        assert!(
            error.contains(
                "--timeout is a connection option and does not apply to `avatarctl providers` \
                 — it takes output options only"
            ),
            "{error}"
        );
        // After the command, the command's own parser refuses what it does not declare.
        for argv in [
            &["providers", "--timeout", "1s"][..],
            &["completions", "bash", "--fields", "id"],
        ] {
            let error = parse(argv).unwrap_err();
            assert!(error.contains("unexpected argument '--"), "{error}");
        }
        let error = parse(&["--retries", "2", "providers"]).unwrap_err();
        assert!(error.contains("--retries"), "{error}");
        assert!(parse(&["providers", "-o", "json", "-v", "--color", "never"]).is_ok());
        assert!(parse(&["completions", "bash", "-q"]).is_ok());
        assert!(parse(&["sessions", "get", "x", "--timeout", "1s", "--fields", "id"]).is_ok());
    }

    #[test]
    fn every_group_has_options_in_the_tree() {
        let root = Cli::command();
        for (id, _) in GROUPS {
            let found = root.get_groups().find(|g| g.get_id() == id);
            assert!(found.is_some_and(|g| g.get_args().count() > 0), "{id}");
        }
    }

    #[test]
    fn an_option_after_the_command_wins_over_one_before() {
        let argv = [
            "-o",
            "csv",
            "--timeout",
            "1s",
            "sessions",
            "-o",
            "ndjson",
            "list",
            "-o",
            "json",
        ];
        let cli = parse(&argv).unwrap();
        assert_eq!(cli.global.output.output, Some(crate::output::Format::Json));
        assert_eq!(
            cli.global.connection.timeout,
            Some(std::time::Duration::from_secs(1))
        );
        let both = parse(&["--api-key", "k", "sessions", "list", "--api-key-file", "-"]);
        assert!(both.unwrap_err().contains("cannot be used together"));
    }
}
