//! Flags and environment → one typed [`Config`]. The only module that reads env vars or the
//! key file: `AVATARCTL_*` are read here rather than by clap, so that an empty one counts as
//! unset and a bad one is named in its error.

use std::io::Read;
use std::net::IpAddr;
use std::path::Path;
use std::time::Duration;

use url::{Host, Url};

use clap::ValueEnum;

use crate::cli::{ColorChoice, GlobalArgs, parse_timeout};
use crate::error::Error;
use crate::output::{Format, OutputOptions};
use crate::provider::ProviderKind;
use crate::secret::{ApiKey, KeyProblem};
use crate::session::FieldPath;

/// Everything a command that talks to a provider needs, resolved and validated.
#[derive(Debug)]
pub struct Config {
    pub provider: ProviderKind,
    pub key: ApiKey,
    /// Where the key came from, for messages: `ANAM_API_KEY`, `--api-key`, …
    pub key_source: String,
    pub base_url: Url,
    pub output: OutputOptions,
    pub timeout: Duration,
    pub retries: u32,
    pub verbose: bool,
    pub quiet: bool,
}

/// The timeout when neither `--timeout` nor `AVATARCTL_TIMEOUT` is given.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);

/// A choice such as a format or provider from an env var (unset or empty: `None`).
fn from_env<T: ValueEnum>(env: EnvLookup, name: &str) -> Result<Option<T>, Error> {
    let Some(text) = env(name) else {
        return Ok(None);
    };
    T::from_str(text.trim(), true).map(Some).map_err(|_| {
        let choices: Vec<String> = T::value_variants()
            .iter()
            .filter_map(|v| Some(v.to_possible_value()?.get_name().to_owned()))
            .collect();
        Error::usage(format!(
            "{name}={text:?} is not valid — use one of {}",
            choices.join(", ")
        ))
    })
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
    /// Resolves the global flags. `stdin` is read only for `--api-key-file -`.
    pub fn resolve(
        args: &GlobalArgs,
        env: EnvLookup,
        stdin: &mut dyn Read,
        stdout_is_tty: bool,
    ) -> Result<Self, Error> {
        let output = resolve_output(args, env, stdout_is_tty)?;
        let provider = match args.provider {
            Some(provider) => provider,
            None => resolve_provider(env, key_flag(args))?,
        };
        let (key, key_source) = resolve_key(args, provider, env, stdin)?;
        let base_url = match (&args.base_url, env("AVATARCTL_BASE_URL")) {
            (Some(flag), _) => parse_base_url(flag, "--base-url")?,
            (None, Some(var)) => parse_base_url(&var, "AVATARCTL_BASE_URL")?,
            (None, None) => parse_base_url(provider.default_base_url(), "the default base URL")?,
        };
        let timeout = match args.timeout {
            Some(timeout) => timeout,
            None => match env("AVATARCTL_TIMEOUT") {
                Some(text) => parse_timeout(&text).map_err(|e| {
                    Error::usage(format!("AVATARCTL_TIMEOUT={text:?} is not a timeout: {e}"))
                })?,
                None => DEFAULT_TIMEOUT,
            },
        };
        Ok(Self {
            provider,
            key,
            key_source,
            base_url,
            output,
            timeout,
            retries: args.retries,
            verbose: args.verbose,
            quiet: args.quiet,
        })
    }
}

/// The flag that gave the key, if one did: a key alone does not say whose it is.
fn key_flag(args: &GlobalArgs) -> Option<&'static str> {
    if args.api_key.is_some() {
        Some("--api-key")
    } else if args.api_key_file.is_some() {
        Some("--api-key-file")
    } else {
        None
    }
}

/// The provider from `AVATARCTL_PROVIDER`, else the one whose key env var is set.
/// `key_flag` names the flag that gave the key, for the message when neither decides.
fn resolve_provider(env: EnvLookup, key_flag: Option<&str>) -> Result<ProviderKind, Error> {
    if let Some(provider) = from_env(env, "AVATARCTL_PROVIDER")? {
        return Ok(provider);
    }
    let with_key: Vec<ProviderKind> = ProviderKind::ALL
        .into_iter()
        .filter(|p| env(p.key_env()).is_some())
        .collect();
    match (with_key.as_slice(), key_flag) {
        ([one], _) => Ok(*one),
        (_, Some(flag)) => Err(Error::usage(format!(
            "{flag} was given but no provider selected — pass --provider anam|agenthuman \
             (or set AVATARCTL_PROVIDER)"
        ))),
        ([], None) => Err(Error::usage(
            "no provider selected and no API key found — set ANAM_API_KEY or AGENTHUMAN_API_KEY, \
             or pass --provider anam|agenthuman (or set AVATARCTL_PROVIDER)",
        )),
        (_, None) => Err(Error::usage(
            "both ANAM_API_KEY and AGENTHUMAN_API_KEY are set — choose one with \
             --provider anam|agenthuman (or AVATARCTL_PROVIDER)",
        )),
    }
}

fn resolve_key(
    args: &GlobalArgs,
    provider: ProviderKind,
    env: EnvLookup,
    stdin: &mut dyn Read,
) -> Result<(ApiKey, String), Error> {
    if let Some(raw) = &args.api_key {
        let key = parse_key(raw, "--api-key", || {
            Error::usage("--api-key is empty — pass the key, or use the env var")
        })?;
        return Ok((key, "--api-key".into()));
    }
    if let Some(path) = &args.api_key_file {
        return read_key_file(path, stdin);
    }
    let var = provider.key_env();
    let missing = || {
        Error::usage(format!(
            "no API key for {} — set {var}, or pass --api-key or --api-key-file",
            provider.name()
        ))
    };
    let raw = env(var).ok_or_else(missing)?;
    Ok((parse_key(&raw, var, missing)?, var.into()))
}

/// Wraps a key read from `source`; `empty` is the error when nothing is left of it. The
/// errors name the source, never the key.
fn parse_key(raw: &str, source: &str, empty: impl FnOnce() -> Error) -> Result<ApiKey, Error> {
    ApiKey::new(raw).map_err(|problem| match problem {
        KeyProblem::Empty => empty(),
        KeyProblem::NotHeaderSafe => Error::usage(format!(
            "the API key from {source} contains characters an HTTP header cannot carry — check \
             for a stray control character or paste error"
        )),
    })
}

fn read_key_file(path: &Path, stdin: &mut dyn Read) -> Result<(ApiKey, String), Error> {
    let (text, source) = if path == Path::new("-") {
        let mut text = String::new();
        stdin
            .read_to_string(&mut text)
            .map_err(|e| Error::usage(format!("cannot read the API key from stdin: {e}")))?;
        (text, "--api-key-file - (stdin)".to_owned())
    } else {
        let text = std::fs::read_to_string(path).map_err(|e| {
            Error::usage(format!(
                "cannot read --api-key-file {}: {e} — check the path, or pass the key in the env var",
                path.display()
            ))
        })?;
        (text, format!("--api-key-file {}", path.display()))
    };
    let key = parse_key(&text, &source, || {
        Error::usage(format!("{source} is empty — it should hold the API key"))
    })?;
    Ok((key, source))
}

/// Whether a URL's host is this machine: `localhost`, `127.0.0.0/8` or `[::1]`.
pub fn is_loopback(url: &Url) -> bool {
    match url.host() {
        Some(Host::Domain(domain)) => domain.eq_ignore_ascii_case("localhost"),
        Some(Host::Ipv4(ip)) => IpAddr::V4(ip).is_loopback(),
        Some(Host::Ipv6(ip)) => IpAddr::V6(ip).is_loopback(),
        None => false,
    }
}

/// Parses a base URL: https anywhere, plain http only to a loopback host. `source` names
/// where it came from (`--base-url`, `AVATARCTL_BASE_URL`) for the messages.
pub fn parse_base_url(text: &str, source: &str) -> Result<Url, Error> {
    let url = Url::parse(text)
        .map_err(|e| Error::usage(format!("{source} {text:?} is not a URL: {e}")))?;
    if url.host().is_none() {
        return Err(Error::usage(format!(
            "{source} {text:?} has no host — e.g. https://api.anam.ai"
        )));
    }
    let loopback = is_loopback(&url);
    match url.scheme() {
        "https" => {}
        "http" if loopback => {}
        "http" => {
            return Err(Error::usage(format!(
                "refusing plain http:// base URL {text:?} from {source}: the API key would travel in \
                 clear text — use https:// (plain http is allowed only for loopback hosts)"
            )));
        }
        other => {
            return Err(Error::usage(format!(
                "{source} must be https://, not {other}:// — e.g. https://api.anam.ai"
            )));
        }
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(Error::usage(format!(
            "{source} must not carry credentials — pass the key with --api-key-file or the env var"
        )));
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(Error::usage(format!(
            "{source} must not carry a query or fragment — give the API root only, e.g. \
             https://proxy.example.com/anam"
        )));
    }
    Ok(url)
}

pub fn resolve_output(
    args: &GlobalArgs,
    env: EnvLookup,
    stdout_is_tty: bool,
) -> Result<OutputOptions, Error> {
    let format = match args.output {
        Some(format) => format,
        None => from_env(env, "AVATARCTL_OUTPUT")?.unwrap_or(Format::Table),
    };
    let fields = match &args.fields {
        None => None,
        Some(list) => {
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
            Some(fields)
        }
    };
    if args.raw && !matches!(format, Format::Json | Format::Ndjson) {
        return Err(Error::usage(format!(
            "--raw applies to -o json and -o ndjson, not -o {} — add -o json",
            format.name()
        )));
    }
    if args.raw && fields.is_some() {
        return Err(Error::usage(
            "--raw and --fields do not combine — select provider fields with --fields raw.<path>",
        ));
    }
    if args.csv_safe && format != Format::Csv {
        return Err(Error::usage(format!(
            "--csv-safe applies to -o csv, not -o {} — add -o csv",
            format.name()
        )));
    }
    Ok(OutputOptions {
        format,
        fields,
        csv_safe: args.csv_safe,
        raw: args.raw,
        utc: args.utc,
        show_secrets: args.show_secrets,
        color: color_enabled(args.color, stdout_is_tty),
    })
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

/// Whether a provider's key env var is set, for `avatarctl providers`.
pub fn key_is_set(provider: ProviderKind, env: EnvLookup) -> bool {
    env(provider.key_env()).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::Cli;
    use clap::Parser;

    fn args(argv: &[&str]) -> GlobalArgs {
        let mut full = vec!["avatarctl"];
        full.extend_from_slice(argv);
        full.extend_from_slice(&["sessions", "list"]);
        Cli::try_parse_from(full).unwrap().global
    }

    fn resolve(argv: &[&str], vars: &[(&str, &str)]) -> Result<Config, Error> {
        let env = |name: &str| {
            vars.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
        };
        Config::resolve(&args(argv), &env, &mut "stdin-key\n".as_bytes(), false)
    }

    #[test]
    fn provider_is_inferred_from_the_one_key_set() {
        let config = resolve(&[], &[("AGENTHUMAN_API_KEY", "ah_test_1")]).unwrap();
        assert_eq!(config.provider, ProviderKind::AgentHuman);
        assert_eq!(config.key.expose(), "ah_test_1");
        assert_eq!(config.key_source, "AGENTHUMAN_API_KEY");
        assert_eq!(config.base_url.as_str(), "https://api.agenthuman.com/");
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
            "--api-key was given but no provider selected — pass --provider anam|agenthuman \
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
        assert_eq!(config.provider, ProviderKind::AgentHuman);
        assert_eq!(config.key.expose(), "flag");
    }

    #[test]
    fn the_flag_wins_over_the_env_var_and_stdin_works() {
        let config = resolve(
            &["-p", "anam", "--api-key", "flag"],
            &[("ANAM_API_KEY", "env")],
        )
        .unwrap();
        assert_eq!(
            (config.key.expose(), config.key_source.as_str()),
            ("flag", "--api-key")
        );
        let config = resolve(&["-p", "anam", "--api-key-file", "-"], &[]).unwrap();
        assert_eq!(config.key.expose(), "stdin-key");
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
            &env,
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
    fn output_options_that_cannot_apply_are_refused() {
        let key = [("ANAM_API_KEY", "k")];
        assert!(resolve(&["--raw"], &key).is_err());
        assert!(resolve(&["--raw", "-o", "json", "--fields", "id"], &key).is_err());
        assert!(resolve(&["--csv-safe", "-o", "json"], &key).is_err());
        assert!(
            resolve(&["--fields", "id,bogus"], &key)
                .unwrap_err()
                .to_string()
                .contains("valid fields")
        );
        assert!(resolve(&["-o", "csv", "--csv-safe", "--fields", "id,raw.a.b"], &key).is_ok());
        let repeated = resolve(&["-o", "csv", "--fields", "id,status, id"], &key).unwrap_err();
        assert_eq!(
            repeated.to_string(),
            "--fields names \"id\" twice — list each field once"
        );
        assert!(resolve(&["--fields", "raw.a.b,raw.a,raw.a.b"], &key).is_err());
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
        let config = Config::resolve(&args(&[]), &env, &mut "".as_bytes(), false).unwrap();
        assert_eq!(
            (config.output.format, config.timeout),
            (Format::Table, DEFAULT_TIMEOUT)
        );
        assert_eq!(config.base_url.as_str(), "https://api.anam.ai/");
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
            (config.output.format, config.timeout),
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
        assert_eq!(provider.unwrap().provider, ProviderKind::AgentHuman);
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
