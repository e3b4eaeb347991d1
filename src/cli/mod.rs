//! The command tree, declared once with clap's derive. Each `///` comment is `--help` text.
//!
//! Values become typed here where clap can do it alone (formats, providers, numbers,
//! durations); what depends on several flags or the environment is resolved in `config.rs`.
//! Options come in groups ([`options`]); each command declares the groups it uses
//! ([`Command::option_groups`]), and [`Cli::parse_from_args`] refuses an option given to a
//! command outside them — one check for every command, generated from those declarations.

pub mod options;
pub mod sessions;

use std::ffi::OsString;

use clap::error::ErrorKind;
use clap::parser::ValueSource;
use clap::{ArgMatches, Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

pub use options::{ConnectionArgs, OutputArgs, parse_timeout};
pub use sessions::{GetArgs, ListArgs, SelectionArgs, SessionsCommand};

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

/// Every option: the groups, and what applies to every command.
#[derive(Debug, Args)]
pub struct GlobalArgs {
    #[command(flatten)]
    pub connection: ConnectionArgs,

    #[command(flatten)]
    pub output: OutputArgs,

    /// When to use colors (NO_COLOR, CLICOLOR and CLICOLOR_FORCE are honoured)
    #[arg(long, global = true, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto,
        help_heading = "Global options")]
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

/// A group of options that commands declare they use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OptionGroup {
    /// Provider, key, base URL, timeout, retries, concurrency.
    Connection,
    /// Format, fields, csv-safe, raw, utc, show-secrets.
    Output,
}

impl OptionGroup {
    const ALL: [Self; 2] = [Self::Connection, Self::Output];

    /// The clap group id, as `#[group(id = …)]` in [`options`] names it.
    fn id(self) -> &'static str {
        match self {
            Self::Connection => "connection-options",
            Self::Output => "output-options",
        }
    }

    fn noun(self) -> &'static str {
        match self {
            Self::Connection => "connection",
            Self::Output => "output",
        }
    }

    /// The noun with its article: `an output`.
    fn a_noun(self) -> &'static str {
        match self {
            Self::Connection => "a connection",
            Self::Output => "an output",
        }
    }
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

impl Command {
    /// The option groups this command uses: the one declaration the scope check reads.
    /// `-v`, `-q` and `--color` apply everywhere.
    pub fn option_groups(&self) -> &'static [OptionGroup] {
        match self {
            Self::Sessions(_) => &[OptionGroup::Connection, OptionGroup::Output],
            Self::Providers => &[OptionGroup::Output],
            Self::Completions { .. } | Self::Man => &[],
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
    /// Parses a command line, then refuses an option given to a command that does not use
    /// its group. Errors are clap's, printed and mapped to exit 2 like every parse error.
    pub fn parse_from_args<I, T>(args: I) -> Result<Self, clap::Error>
    where
        I: IntoIterator<Item = T>,
        T: Into<OsString> + Clone,
    {
        let mut command = Self::command();
        let matches = command.try_get_matches_from_mut(args)?;
        let cli = Self::from_arg_matches(&matches)?;
        if let Some(message) = out_of_scope(&command, &matches, cli.command.option_groups()) {
            return Err(command.error(ErrorKind::ArgumentConflict, message));
        }
        Ok(cli)
    }
}

/// The first option given on the command line from a group that `allowed` leaves out, as a
/// message naming it, the command, and what the command does take.
fn out_of_scope(
    root: &clap::Command,
    matches: &ArgMatches,
    allowed: &[OptionGroup],
) -> Option<String> {
    let (path, leaf) = leaf_matches(matches);
    let flag_of = |id: &str| {
        root.get_arguments()
            .find(|arg| arg.get_id() == id)
            .and_then(|arg| arg.get_long())
            .map(|long| format!("--{long}"))
    };
    let given_from = |group: OptionGroup| -> Vec<String> {
        root.get_groups()
            .filter(|g| g.get_id() == group.id())
            .flat_map(|g| g.get_args())
            .filter(|id| leaf.value_source(id.as_str()) == Some(ValueSource::CommandLine))
            .filter_map(|id| flag_of(id.as_str()))
            .collect()
    };
    let refused = OptionGroup::ALL
        .into_iter()
        .filter(|group| !allowed.contains(group))
        .find_map(|group| {
            given_from(group)
                .into_iter()
                .next()
                .map(|flag| (flag, group))
        })?;
    let (flag, group) = refused;
    let takes = match allowed {
        [] => "it takes no options but -v, -q and --color".to_owned(),
        groups => {
            let nouns: Vec<&str> = groups.iter().map(|g| g.noun()).collect();
            format!("it takes {} options only", nouns.join(" and "))
        }
    };
    Some(format!(
        "{flag} is {} option and does not apply to `avatarctl {path}` — {takes}; leave it out",
        group.a_noun()
    ))
}

/// The matches of the command that runs (`sessions list`, not `sessions`), with its path.
fn leaf_matches(matches: &ArgMatches) -> (String, &ArgMatches) {
    let mut path = Vec::new();
    let mut leaf = matches;
    while let Some((name, sub)) = leaf.subcommand() {
        path.push(name);
        leaf = sub;
    }
    (path.join(" "), leaf)
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
                Some(crate::provider::ProviderKind::Anam)
            );
            assert_eq!(cli.global.output.output, Some(crate::output::Format::Json));
        }
    }

    #[test]
    fn an_option_outside_the_commands_groups_is_refused() {
        let error = parse(&["completions", "bash", "--fields", "id"]).unwrap_err();
        assert!(
            error.starts_with(
                "error: --fields is an output option and does not apply to `avatarctl \
                 completions` — it takes no options but -v, -q and --color; leave it out"
            ),
            "{error}"
        );
        let error = parse(&["providers", "--timeout", "1s"]).unwrap_err();
        assert!(
            error.contains("--timeout is a connection option and does not apply to `avatarctl providers` — it takes output options only"),
            "{error}"
        );
        let error = parse(&["--retries", "2", "providers"]).unwrap_err();
        assert!(error.contains("--retries"), "{error}");
        assert!(parse(&["providers", "-o", "json", "-v", "--color", "never"]).is_ok());
        assert!(parse(&["completions", "bash", "-q"]).is_ok());
        assert!(parse(&["sessions", "get", "x", "--timeout", "1s", "--fields", "id"]).is_ok());
    }

    #[test]
    fn every_group_has_options_in_the_tree() {
        let root = Cli::command();
        for group in OptionGroup::ALL {
            let found = root.get_groups().find(|g| g.get_id() == group.id());
            assert!(found.is_some_and(|g| g.get_args().count() > 0), "{group:?}");
        }
    }
}
