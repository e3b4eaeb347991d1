//! Which provider, and its API key: from `--provider`, a chosen profile, `AVATARCTL_PROVIDER`
//! or the one provider with a key; the key from `--api-key`, `--api-key-file` (or stdin), a
//! chosen profile, the provider's env var or the default profile. Messages name where a key
//! came from, never the key.

use std::io::{IsTerminal, Read};
use std::path::Path;

use super::profile::{KEY_COMMAND_TIMEOUT, KeySource, Profile, run_key_command};
use super::{EnvLookup, Sources, from_env_with};
use crate::cli::{ConnectionArgs, ProviderChoice};
use crate::error::Error;
use crate::provider::ProviderKind;
use crate::provider::kind::{key_envs, names};
use crate::secret::{ApiKey, KeyProblem};

/// The flag that gave the key, if one did: a key alone does not say whose it is.
pub(super) fn key_flag(args: &ConnectionArgs) -> Option<&'static str> {
    if args.api_key.is_some() {
        Some("--api-key")
    } else if args.api_key_file.is_some() {
        Some("--api-key-file")
    } else {
        None
    }
}

/// The one provider with a key (its env var, or the profile in play). `key_flag` names the
/// flag that gave the key, for the message when that does not decide.
pub(super) fn resolve_provider(
    sources: Sources,
    key_flag: Option<&str>,
) -> Result<ProviderKind, Error> {
    let with_key = sources.inferable();
    let choices = names("|");
    match (with_key.as_slice(), key_flag) {
        ([one], _) => Ok(*one),
        (_, Some(flag)) => Err(Error::usage(format!(
            "{flag} was given but no provider selected — pass --provider {choices} \
             (or set AVATARCTL_PROVIDER)"
        ))),
        ([], None) => Err(Error::usage(format!(
            "no provider selected and no API key found — set {}, or pass --provider {choices} \
             (or set AVATARCTL_PROVIDER)",
            key_envs(" or ")
        ))),
        (several, None) => {
            let vars: Vec<&str> = several.iter().map(|p| p.key_env()).collect();
            let both = if vars.len() == 2 { "both " } else { "" };
            Err(Error::usage(format!(
                "{both}{} are set — choose one with --provider {choices} (or AVATARCTL_PROVIDER), \
                 or -p all for sessions list, sessions stats and usage over every one",
                vars.join(" and ")
            )))
        }
    }
}

/// The providers with a key, in the table's order.
pub(super) fn with_keys(sources: Sources) -> Vec<ProviderKind> {
    ProviderKind::all()
        .filter(|p| sources.has_key(*p))
        .collect()
}

/// `--provider`, else a chosen profile's provider, else `AVATARCTL_PROVIDER` (a provider's
/// name or `all`, in any case). A `--provider` that is not the chosen profile's is refused:
/// one of the two is a mistake.
pub(super) fn choice(
    args: &ConnectionArgs,
    sources: Sources,
) -> Result<Option<ProviderChoice>, Error> {
    match (args.provider, sources.explicit()) {
        (Some(ProviderChoice::One(provider)), Some(profile)) if provider != profile.provider => {
            Err(Error::usage(format!(
                "--provider {provider} and profile {:?} (provider {}) disagree — leave out one \
                 of them",
                profile.name, profile.provider
            )))
        }
        (Some(choice), _) => Ok(Some(choice)),
        (None, Some(profile)) => Ok(Some(ProviderChoice::One(profile.provider))),
        (None, None) => from_env_with(
            sources.env,
            "AVATARCTL_PROVIDER",
            ProviderChoice::from_name,
            || format!("{}, all", names(", ")),
        ),
    }
}

/// The key and where it came from, by the precedence of flags, profiles and env vars.
pub(super) fn resolve_key<'a>(
    args: &ConnectionArgs,
    provider: ProviderKind,
    sources: Sources<'a>,
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
    /// Where the key is, when no flag gave it.
    enum Found<'a> {
        Env(String),
        Profile(&'a str, &'a KeySource),
    }
    // A profile that names no key leaves the key to the env var.
    let from_profile =
        |profile: &'a Profile| Some(Found::Profile(&profile.name, profile.key.as_ref()?));
    let from_env = || (sources.env)(var).map(Found::Env);
    match sources.layered(provider, from_profile, from_env) {
        Some(Found::Env(raw)) => Ok((parse_key(&raw, var, missing)?, var.into())),
        Some(Found::Profile(name, source)) => profile_key(name, source, sources.env),
        None => Err(missing()),
    }
}

/// The key from profile `name`'s `source`, and where it came from; its errors name the
/// profile.
fn profile_key(name: &str, source: &KeySource, env: EnvLookup) -> Result<(ApiKey, String), Error> {
    match source {
        KeySource::Env(var) => {
            let source = format!("{var} (profile {name})");
            let missing = || {
                Error::usage(format!(
                    "profile {name:?} reads its API key from {var}, which is not set"
                ))
            };
            let raw = env(var).ok_or_else(missing)?;
            Ok((parse_key(&raw, &source, missing)?, source))
        }
        KeySource::File(path) => key_from_file(
            path,
            format!("api_key_file {} (profile {name})", path.display()),
            "check the path in the config file",
        ),
        KeySource::Command(command) => {
            let source = format!("api_key_command (profile {name})");
            let text = run_key_command(command, KEY_COMMAND_TIMEOUT).map_err(|why| {
                Error::usage(format!("the api_key_command of profile {name:?} {why}"))
            })?;
            key_from_text(&text, source)
        }
    }
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
        let source = "--api-key-file - (stdin)".to_owned();
        let cannot =
            |e: std::io::Error| Error::usage(format!("cannot read the API key from stdin: {e}"));
        if std::io::stdin().is_terminal() {
            // Typed at a terminal: prompt on stderr's terminal and do not echo it.
            (
                rpassword::prompt_password("API key: ").map_err(cannot)?,
                source,
            )
        } else {
            let mut text = String::new();
            stdin.read_to_string(&mut text).map_err(cannot)?;
            (text, source)
        }
    } else {
        return key_from_file(
            path,
            format!("--api-key-file {}", path.display()),
            "check the path, or pass the key in the env var",
        );
    };
    key_from_text(&text, source)
}

/// The key in the file at `path`; `source` names it in messages, `hint` says what to do
/// when it cannot be read.
fn key_from_file(path: &Path, source: String, hint: &str) -> Result<(ApiKey, String), Error> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| Error::usage(format!("cannot read {source}: {e} — {hint}")))?;
    key_from_text(&text, source)
}

fn key_from_text(text: &str, source: String) -> Result<(ApiKey, String), Error> {
    let key = parse_key(text, &source, || {
        Error::usage(format!("{source} is empty — it should hold the API key"))
    })?;
    Ok((key, source))
}
