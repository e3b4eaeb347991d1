//! Flags, environment and profile → one typed [`Config`]. The only module that reads env
//! vars, the config file or the key file: `AVATARCTL_*` are read here rather than by clap, so
//! that an empty one counts as unset and a bad one is named in its error.
//!
//! `key.rs` finds the provider and its key; `base_url.rs` checks where requests may go;
//! `profile.rs` reads the config file's profiles and runs a key command.

mod base_url;
mod key;
mod profile;

use std::io::Read;
use std::time::Duration;

use clap::ValueEnum;

use crate::cli::{ColorChoice, GlobalArgs, OutputArgs, ProviderChoice, parse_timeout};
use crate::error::Error;
use crate::http::Connection;
use crate::output::{Format, OutputOptions};
use crate::provider::ProviderKind;
use crate::record::FieldPath;

pub use base_url::{is_loopback, parse_base_url};
pub use profile::{
    Chosen, KEY_COMMAND_TIMEOUT, KeySource, Profile, choose as choose_profile, profile_names,
};

/// Everything a command that talks to a provider needs, resolved and validated.
#[derive(Debug)]
pub struct Config {
    pub connection: Connection,
    pub output: OutputOptions,
    /// The profile that applied to this provider, if one did.
    pub profile: Option<String>,
}

/// What a run reads besides its flags: the environment, and the profile in play.
#[derive(Clone, Copy)]
pub struct Sources<'a> {
    pub env: EnvLookup<'a>,
    pub profile: Option<&'a Chosen>,
}

impl<'a> Sources<'a> {
    /// The environment alone, with no profile.
    pub fn env_only(env: EnvLookup<'a>) -> Self {
        Self { env, profile: None }
    }

    /// The profile in play, if it is for `provider` and was chosen (`explicit`) or is the
    /// file's default (`!explicit`).
    fn profile_for(&self, provider: ProviderKind, explicit: bool) -> Option<&'a Profile> {
        self.profile
            .filter(|chosen| chosen.explicit == explicit && chosen.profile.provider == provider)
            .map(|chosen| &chosen.profile)
    }

    /// The explicitly chosen profile, whatever its provider.
    fn explicit(&self) -> Option<&'a Profile> {
        self.profile
            .filter(|chosen| chosen.explicit)
            .map(|chosen| &chosen.profile)
    }

    /// A setting for `provider` by the precedence of profiles: the chosen profile's, else the
    /// environment's, else the default profile's.
    fn layered<T>(
        &self,
        provider: ProviderKind,
        from_profile: impl Fn(&'a Profile) -> Option<T>,
        from_env: impl FnOnce() -> Option<T>,
    ) -> Option<T> {
        self.profile_for(provider, true)
            .and_then(&from_profile)
            .or_else(from_env)
            .or_else(|| self.profile_for(provider, false).and_then(&from_profile))
    }

    /// Whether `provider` has a key: its env var, or the profile in play gives one (an
    /// `api_key_env` one only when that variable is set).
    pub fn has_key(&self, provider: ProviderKind) -> bool {
        (self.env)(provider.key_env()).is_some() || self.profile_gives_key(provider)
    }

    /// Whether the profile in play is for `provider` and gives its key.
    fn profile_gives_key(&self, provider: ProviderKind) -> bool {
        self.profile.is_some_and(|chosen| {
            chosen.profile.provider == provider
                && match &chosen.profile.key {
                    Some(KeySource::Env(var)) => (self.env)(var).is_some(),
                    Some(_) => true,
                    None => false,
                }
        })
    }

    /// The providers to infer from when none is named: those whose key env var is set; when
    /// none is, the default profile's (env vars come before a default profile).
    pub fn inferable(&self) -> Vec<ProviderKind> {
        let from_env: Vec<ProviderKind> = ProviderKind::all()
            .filter(|p| (self.env)(p.key_env()).is_some())
            .collect();
        if !from_env.is_empty() {
            return from_env;
        }
        ProviderKind::all()
            .filter(|p| self.profile_gives_key(*p))
            .collect()
    }
}

/// The timeout when neither `--timeout` nor `AVATARCTL_TIMEOUT` is given.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);
/// Retries when `--retries` is not given.
pub const DEFAULT_RETRIES: u32 = 3;
/// Requests in flight when `--concurrency` is not given.
pub const DEFAULT_CONCURRENCY: u16 = 8;

/// A value from an env var (unset or empty: `None`) read with `parse`; a value it refuses is
/// a usage error naming the variable and listing `choices`.
fn from_env_with<T>(
    env: EnvLookup,
    name: &str,
    parse: impl FnOnce(&str) -> Option<T>,
    choices: impl FnOnce() -> String,
) -> Result<Option<T>, Error> {
    let Some(text) = env(name) else {
        return Ok(None);
    };
    match parse(text.trim()) {
        Some(value) => Ok(Some(value)),
        None => Err(Error::usage(format!(
            "{name}={text:?} is not valid — use one of {}",
            choices()
        ))),
    }
}

/// A clap value enum (a format, a color choice) from an env var, in any case.
fn from_env<T: ValueEnum>(env: EnvLookup, name: &str) -> Result<Option<T>, Error> {
    from_env_with(
        env,
        name,
        |text| T::from_str(text, true).ok(),
        || {
            let choices: Vec<String> = T::value_variants()
                .iter()
                .filter_map(|v| Some(v.to_possible_value()?.get_name().to_owned()))
                .collect();
            choices.join(", ")
        },
    )
}

/// Reads an env var; empty counts as unset.
pub type EnvLookup<'a> = &'a dyn Fn(&str) -> Option<String>;

/// The process environment, for `main`. A value that is not UTF-8 is kept (lossily) rather
/// than taken for unset, so that it is reported as invalid where it is used — a key with a
/// stray byte is named as such, not as missing.
pub fn process_env(name: &str) -> Option<String> {
    let value = std::env::var_os(name)?;
    Some(value.to_string_lossy().into_owned()).filter(|v| !v.is_empty())
}

impl Config {
    /// Resolves the connection and output groups. `stdin` is read only for
    /// `--api-key-file -`.
    pub fn resolve(
        args: &GlobalArgs,
        sources: Sources,
        stdin: &mut dyn Read,
        stdout_is_tty: bool,
    ) -> Result<Self, Error> {
        let connection = &args.connection;
        let provider = match key::choice(connection, sources)? {
            Some(ProviderChoice::One(provider)) => provider,
            Some(ProviderChoice::All) => {
                return Err(Error::usage(
                    "--provider all works with sessions list, sessions stats and usage — a \
                     session ID and this command belong to one provider: pick it with -p",
                ));
            }
            None => key::resolve_provider(sources, key::key_flag(connection))?,
        };
        Self::resolve_for(args, provider, sources, stdin, stdout_is_tty)
    }

    /// Whether one provider was named (`-p anam`, `AVATARCTL_PROVIDER=anam`, a chosen
    /// profile), or a key given by flag or file, which belongs to one: else `auth status`
    /// checks every key set.
    pub fn selects_one(args: &GlobalArgs, sources: Sources) -> Result<bool, Error> {
        Ok(matches!(
            key::choice(&args.connection, sources)?,
            Some(ProviderChoice::One(_))
        ) || key::key_flag(&args.connection).is_some())
    }

    /// Whether `--provider all` (or `AVATARCTL_PROVIDER=all`) was asked for.
    pub fn wants_all(args: &GlobalArgs, sources: Sources) -> Result<bool, Error> {
        Ok(key::choice(&args.connection, sources)? == Some(ProviderChoice::All))
    }

    /// One configuration per provider with a key (its env var, or the profile in play), for
    /// `--provider all`: each with its own key and its own base URL (`ANAM_BASE_URL`, …). A
    /// key or base URL given for one provider cannot serve them all, so those options are
    /// refused.
    pub fn resolve_all(
        args: &GlobalArgs,
        sources: Sources,
        stdout_is_tty: bool,
    ) -> Result<Vec<Self>, Error> {
        let env = sources.env;
        let connection = &args.connection;
        let refused = [
            ("--api-key", connection.api_key.is_some()),
            ("--api-key-file", connection.api_key_file.is_some()),
            ("--base-url", connection.base_url.is_some()),
            ("AVATARCTL_BASE_URL", env("AVATARCTL_BASE_URL").is_some()),
        ];
        if let Some((option, _)) = refused.iter().find(|(_, given)| *given) {
            let what = if option.contains("BASE") || option.contains("base") {
                "each provider's own variable (ANAM_BASE_URL, …) sets its base URL"
            } else {
                "each provider's key comes from its env var"
            };
            return Err(Error::usage(format!(
                "{option} cannot be used with --provider all: {what} — or pick one provider with -p"
            )));
        }
        let providers = key::with_keys(sources);
        if providers.is_empty() {
            return Err(Error::usage(format!(
                "--provider all found no API key — set one or more of {}",
                crate::provider::kind::key_envs(", ")
            )));
        }
        providers
            .into_iter()
            .map(|provider| {
                Self::resolve_for(
                    args,
                    provider,
                    sources,
                    &mut std::io::empty(),
                    stdout_is_tty,
                )
            })
            .collect()
    }

    /// The configuration for `provider`.
    fn resolve_for(
        args: &GlobalArgs,
        provider: ProviderKind,
        sources: Sources,
        stdin: &mut dyn Read,
        stdout_is_tty: bool,
    ) -> Result<Self, Error> {
        let env = sources.env;
        let output = resolve_output(&args.output, args.color, env, stdout_is_tty)?;
        let connection = &args.connection;
        // The base URL first: a key command runs only once everything else is known good.
        let base_url = base_url_of(provider, connection.base_url.as_deref(), sources)?;
        let (key, key_source) = key::resolve_key(connection, provider, sources, stdin)?;
        let timeout = match connection.timeout {
            Some(timeout) => timeout,
            None => match env("AVATARCTL_TIMEOUT") {
                Some(text) => parse_timeout(&text).map_err(|e| {
                    Error::usage(format!("AVATARCTL_TIMEOUT={text:?} is not a timeout: {e}"))
                })?,
                None => DEFAULT_TIMEOUT,
            },
        };
        Ok(Self {
            connection: Connection {
                provider,
                base_url,
                key,
                key_source,
                timeout,
                retries: connection.retries.unwrap_or(DEFAULT_RETRIES),
                concurrency: usize::from(connection.concurrency.unwrap_or(DEFAULT_CONCURRENCY)),
            },
            output,
            profile: sources
                .profile_for(provider, true)
                .or_else(|| sources.profile_for(provider, false))
                .map(|profile| profile.name.clone()),
        })
    }
}

/// Resolves the output group; `color` is the global `--color`.
pub fn resolve_output(
    args: &OutputArgs,
    color: ColorChoice,
    env: EnvLookup,
    stdout_is_tty: bool,
) -> Result<OutputOptions, Error> {
    let format = match (args.output, &args.jq) {
        (Some(Format::Table | Format::Csv), Some(_)) => {
            return Err(Error::usage(format!(
                "--jq filters JSON, and -o {} is not JSON — leave out -o, or use -o json or -o ndjson",
                args.output.map_or("", Format::name)
            )));
        }
        (Some(format), _) => format,
        // --jq implies JSON, over AVATARCTL_OUTPUT.
        (None, Some(_)) => Format::Json,
        (None, None) => from_env(env, "AVATARCTL_OUTPUT")?.unwrap_or(Format::Table),
    };
    let fields = args.fields.as_deref().map(parse_fields).transpose()?;
    Ok(OutputOptions {
        format,
        fields,
        csv_safe: args.csv_safe,
        raw: args.raw,
        utc: args.utc,
        show_secrets: args.show_secrets,
        no_headers: args.no_headers,
        wide: args.wide,
        color: color_enabled(color, stdout_is_tty),
    })
}

/// Parses `--fields`: the syntax of each entry (which fields a command's records have is
/// checked by its view), at least one, and none twice.
fn parse_fields(list: &str) -> Result<Vec<FieldPath>, Error> {
    let fields = list
        .split(',')
        .filter(|part| !part.trim().is_empty())
        .map(FieldPath::parse)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| Error::usage(format!("--fields: {e}")))?;
    if fields.is_empty() {
        return Err(Error::usage(
            "--fields is empty — name at least one field, e.g. --fields id,status",
        ));
    }
    // A repeat would be one JSON key and one CSV column too few: refuse it.
    if let Some(repeat) = fields
        .iter()
        .enumerate()
        .find_map(|(i, field)| fields[..i].contains(field).then_some(field))
    {
        return Err(Error::usage(format!(
            "--fields names {:?} twice — list each field once",
            repeat.name()
        )));
    }
    Ok(fields)
}

/// `--color`, then the conventions anstyle-query reads (NO_COLOR, CLICOLOR_FORCE, CLICOLOR,
/// TERM), then whether stdout is a terminal.
pub fn color_enabled(choice: ColorChoice, stdout_is_tty: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto if anstyle_query::no_color() => false,
        ColorChoice::Auto if anstyle_query::clicolor_force() => true,
        ColorChoice::Auto => {
            anstyle_query::clicolor() != Some(false)
                && stdout_is_tty
                && anstyle_query::term_supports_ansi_color()
        }
    }
}

/// Whether GitHub Actions runs this process: the runner sets `GITHUB_ACTIONS=true`.
pub fn github_actions(env: EnvLookup) -> bool {
    env("GITHUB_ACTIONS").is_some_and(|value| value == "true")
}

/// Which providers a run without `-p` would use now: the chosen profile's, else the one
/// named by `AVATARCTL_PROVIDER` (every one with a key for `all`), else the one with a key;
/// none when that is ambiguous or unset.
pub fn selected_now(sources: Sources) -> Vec<ProviderKind> {
    if let Some(profile) = sources.explicit() {
        return vec![profile.provider];
    }
    match (sources.env)("AVATARCTL_PROVIDER").and_then(|name| ProviderChoice::from_name(&name)) {
        Some(ProviderChoice::One(provider)) => vec![provider],
        Some(ProviderChoice::All) => key::with_keys(sources),
        None => match sources.inferable().as_slice() {
            [one] => vec![*one],
            _ => Vec::new(),
        },
    }
}

/// Where `provider`'s requests go, and what said so: `--base-url`, else a chosen profile's
/// `base_url`, else `AVATARCTL_BASE_URL`, else the provider's own variable (`ANAM_BASE_URL`,
/// …), else the default profile's `base_url`, else the provider's default.
pub fn base_url_text(
    provider: ProviderKind,
    flag: Option<&str>,
    sources: Sources,
) -> (String, String) {
    let own = provider.info().base_url_env;
    let env = sources.env;
    let from_profile = |profile: &Profile| {
        let url = profile.base_url.clone()?;
        Some((url, format!("base_url of profile {:?}", profile.name)))
    };
    let from_env = || {
        let var = |name: &str| Some((env(name)?, name.to_owned()));
        var("AVATARCTL_BASE_URL").or_else(|| var(own))
    };
    flag.map(|flag| (flag.to_owned(), "--base-url".to_owned()))
        .or_else(|| sources.layered(provider, from_profile, from_env))
        .unwrap_or_else(|| {
            let default = provider.default_base_url().to_owned();
            (default, "the default base URL".to_owned())
        })
}

/// [`base_url_text`], parsed and checked.
pub fn base_url_of(
    provider: ProviderKind,
    flag: Option<&str>,
    sources: Sources,
) -> Result<url::Url, Error> {
    let (text, source) = base_url_text(provider, flag, sources);
    parse_base_url(&text, &source)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::Cli;

    fn args(argv: &[&str]) -> GlobalArgs {
        let mut full = vec!["avatarctl"];
        full.extend_from_slice(argv);
        full.extend_from_slice(&["sessions", "list"]);
        Cli::parse_from_args(full).unwrap().global
    }

    fn resolve(argv: &[&str], vars: &[(&str, &str)]) -> Result<Config, Error> {
        let env = |name: &str| {
            vars.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
        };
        Config::resolve(
            &args(argv),
            Sources::env_only(&env),
            &mut "stdin-key\n".as_bytes(),
            false,
        )
    }

    #[test]
    fn provider_is_inferred_from_the_one_key_set() {
        let config = resolve(&[], &[("AGENTHUMAN_API_KEY", "ah_test_1")]).unwrap();
        assert_eq!(config.connection.provider, ProviderKind::AgentHuman);
        assert_eq!(config.connection.key.expose(), "ah_test_1");
        assert_eq!(config.connection.key_source, "AGENTHUMAN_API_KEY");
        assert_eq!(
            config.connection.base_url.as_str(),
            "https://api.agenthuman.com/"
        );
    }

    #[test]
    fn both_or_no_keys_is_a_usage_error_listing_the_choices() {
        let both = resolve(&[], &[("ANAM_API_KEY", "a"), ("AGENTHUMAN_API_KEY", "b")]).unwrap_err();
        assert!(
            both.to_string().contains("--provider anam|agenthuman"),
            "{both}"
        );
        let none = resolve(&[], &[]).unwrap_err();
        assert_eq!(none.exit_code(), 2);
        assert!(
            none.to_string()
                .contains("ANAM_API_KEY or AGENTHUMAN_API_KEY"),
            "{none}"
        );
    }

    #[test]
    fn a_key_flag_without_a_provider_asks_for_the_provider() {
        let none = resolve(&[], &[]).unwrap_err();
        assert!(
            none.to_string()
                .starts_with("no provider selected and no API key found"),
            "{none}"
        );
        let flag = resolve(&["--api-key", "k"], &[]).unwrap_err();
        assert_eq!(flag.exit_code(), 2);
        assert_eq!(
            flag.to_string(),
            "--api-key was given but no provider selected — pass --provider anam|agenthuman|tavus|beyondpresence \
             (or set AVATARCTL_PROVIDER)"
        );
        let both = [("ANAM_API_KEY", "a"), ("AGENTHUMAN_API_KEY", "b")];
        let file = resolve(&["--api-key-file", "-"], &both).unwrap_err();
        assert!(
            file.to_string()
                .starts_with("--api-key-file was given but no provider selected"),
            "{file}"
        );
        // One key env var still picks the provider; the flag's key is the one used.
        let config = resolve(&["--api-key", "flag"], &[("AGENTHUMAN_API_KEY", "env")]).unwrap();
        assert_eq!(config.connection.provider, ProviderKind::AgentHuman);
        assert_eq!(config.connection.key.expose(), "flag");
    }

    #[test]
    fn the_flag_wins_over_the_env_var_and_stdin_works() {
        let config = resolve(
            &["-p", "anam", "--api-key", "flag"],
            &[("ANAM_API_KEY", "env")],
        )
        .unwrap();
        assert_eq!(
            (
                config.connection.key.expose(),
                config.connection.key_source.as_str()
            ),
            ("flag", "--api-key")
        );
        let config = resolve(&["-p", "anam", "--api-key-file", "-"], &[]).unwrap();
        assert_eq!(config.connection.key.expose(), "stdin-key");
        let missing = resolve(&["-p", "anam"], &[("AGENTHUMAN_API_KEY", "x")]).unwrap_err();
        assert!(
            missing
                .to_string()
                .starts_with("no API key for anam — set ANAM_API_KEY"),
            "{missing}"
        );
    }

    #[test]
    fn a_key_a_header_cannot_carry_is_a_usage_error_naming_its_source() {
        let message = |result: Result<Config, Error>| {
            let error = result.unwrap_err();
            assert_eq!(error.exit_code(), 2, "{error}");
            error.to_string()
        };
        let from_env = message(resolve(&[], &[("ANAM_API_KEY", "abc\x01def")]));
        assert_eq!(
            from_env,
            "the API key from ANAM_API_KEY contains characters an HTTP header cannot carry — \
             check for a stray control character or paste error"
        );
        let from_flag = message(resolve(&["-p", "anam", "--api-key", "clé"], &[]));
        assert!(
            from_flag.starts_with("the API key from --api-key contains"),
            "{from_flag}"
        );
        assert!(!from_flag.contains("clé"), "{from_flag}");
        let env = |_: &str| None;
        let stdin = Config::resolve(
            &args(&["-p", "anam", "--api-key-file", "-"]),
            Sources::env_only(&env),
            &mut "key\x7f\n".as_bytes(),
            false,
        );
        assert!(message(stdin).starts_with("the API key from --api-key-file - (stdin) contains"),);
    }

    #[test]
    fn base_urls_must_not_expose_the_key() {
        assert!(parse_base_url("http://127.0.0.1:8080", "--base-url").is_ok());
        assert!(parse_base_url("http://localhost:1/prefix/", "--base-url").is_ok());
        assert!(parse_base_url("http://[::1]:9", "--base-url").is_ok());
        assert!(parse_base_url("https://proxy.example.com/anam", "--base-url").is_ok());
        for bad in [
            "http://api.anam.ai",
            "ftp://x",
            "https://u:p@x.com",
            "not a url",
            "https://x.com/?a=1",
        ] {
            assert_eq!(
                parse_base_url(bad, "--base-url").unwrap_err().exit_code(),
                2,
                "{bad}"
            );
        }
    }

    #[test]
    fn fields_are_parsed_and_a_repeat_is_refused() {
        let key = [("ANAM_API_KEY", "k")];
        assert!(resolve(&["-o", "csv", "--csv-safe", "--fields", "id,raw.a.b"], &key).is_ok());
        let repeated = resolve(&["-o", "csv", "--fields", "id,status, id"], &key).unwrap_err();
        assert_eq!(
            repeated.to_string(),
            "--fields names \"id\" twice — list each field once"
        );
        assert!(resolve(&["--fields", "raw.a.b,raw.a,raw.a.b"], &key).is_err());
        assert!(resolve(&["--fields", "id,,raw..x"], &key).is_err());
    }

    #[test]
    fn empty_env_vars_count_as_unset_and_bad_ones_are_named() {
        let vars = [
            ("ANAM_API_KEY", "k"),
            ("AVATARCTL_OUTPUT", ""),
            ("AVATARCTL_TIMEOUT", ""),
            ("AVATARCTL_BASE_URL", ""),
        ];
        let env = |name: &str| process_like(&vars, name);
        let config = Config::resolve(
            &args(&[]),
            Sources::env_only(&env),
            &mut "".as_bytes(),
            false,
        )
        .unwrap();
        assert_eq!(
            (config.output.format, config.connection.timeout),
            (Format::Table, DEFAULT_TIMEOUT)
        );
        assert_eq!(config.connection.base_url.as_str(), "https://api.anam.ai/");
        let config = resolve(
            &[],
            &[
                ("ANAM_API_KEY", "k"),
                ("AVATARCTL_OUTPUT", "CSV"),
                ("AVATARCTL_TIMEOUT", "2m"),
            ],
        )
        .unwrap();
        assert_eq!(
            (config.output.format, config.connection.timeout),
            (Format::Csv, Duration::from_secs(120))
        );
        let bad = resolve(&[], &[("ANAM_API_KEY", "k"), ("AVATARCTL_OUTPUT", "xml")]).unwrap_err();
        assert_eq!(
            bad.to_string(),
            "AVATARCTL_OUTPUT=\"xml\" is not valid — use one of table, json, ndjson, csv"
        );
        let flag_wins = resolve(
            &["-o", "json"],
            &[("ANAM_API_KEY", "k"), ("AVATARCTL_OUTPUT", "xml")],
        )
        .unwrap();
        assert_eq!(flag_wins.output.format, Format::Json);
        let provider = resolve(
            &[],
            &[
                ("AGENTHUMAN_API_KEY", "k"),
                ("ANAM_API_KEY", "k"),
                ("AVATARCTL_PROVIDER", "agenthuman"),
            ],
        );
        assert_eq!(
            provider.unwrap().connection.provider,
            ProviderKind::AgentHuman
        );
    }

    #[test]
    fn each_provider_reads_its_own_base_url_variable_under_the_general_one() {
        let url = |args: &[&str], env: &[(&str, &str)]| {
            resolve(args, env).unwrap().connection.base_url.to_string()
        };
        let tavus = [
            ("TAVUS_API_KEY", "k"),
            ("TAVUS_BASE_URL", "http://127.0.0.1:9/t"),
        ];
        assert_eq!(url(&[], &tavus), "http://127.0.0.1:9/t");
        let both = [
            tavus[0],
            tavus[1],
            ("AVATARCTL_BASE_URL", "https://proxy.example.com"),
        ];
        assert_eq!(url(&[], &both), "https://proxy.example.com/");
        assert_eq!(
            url(&["--base-url", "https://flag.example.com"], &both),
            "https://flag.example.com/"
        );
        // Another provider's variable is not this one's.
        let other = [
            ("BEY_API_KEY", "k"),
            ("TAVUS_BASE_URL", "http://127.0.0.1:9/t"),
        ];
        assert_eq!(url(&[], &other), "https://api.bey.dev/");
        let bad = resolve(&[], &[("BEY_API_KEY", "k"), ("BEY_BASE_URL", "ftp://x")]).unwrap_err();
        assert!(
            bad.to_string().starts_with("BEY_BASE_URL must be https://"),
            "{bad}"
        );
    }

    #[test]
    fn a_bad_base_url_names_where_it_came_from() {
        let from_env = resolve(
            &[],
            &[("ANAM_API_KEY", "k"), ("AVATARCTL_BASE_URL", "ftp://x")],
        )
        .unwrap_err();
        assert!(
            from_env
                .to_string()
                .starts_with("AVATARCTL_BASE_URL must be https://"),
            "{from_env}"
        );
        let from_flag = resolve(
            &["--base-url", "http://example.com"],
            &[("ANAM_API_KEY", "k")],
        )
        .unwrap_err();
        assert!(
            from_flag.to_string().contains("from --base-url"),
            "{from_flag}"
        );
    }

    /// `process_env`'s rule (empty is unset) over a fixed list.
    fn process_like(vars: &[(&str, &str)], name: &str) -> Option<String> {
        vars.iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.to_string())
            .filter(|v| !v.is_empty())
    }

    #[test]
    fn github_actions_is_recognised_by_its_documented_value() {
        let with = |value: &'static str| {
            move |name: &str| (name == "GITHUB_ACTIONS").then(|| value.to_owned())
        };
        assert!(github_actions(&with("true")));
        assert!(!github_actions(&with("false")));
        assert!(!github_actions(&with("1")));
        assert!(!github_actions(&|_: &str| None));
    }

    #[test]
    fn an_explicit_color_choice_wins() {
        assert!(color_enabled(ColorChoice::Always, false));
        assert!(!color_enabled(ColorChoice::Never, true));
    }
}
