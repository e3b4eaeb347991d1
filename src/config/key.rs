//! Which provider, and its API key: from `--provider`, `AVATARCTL_PROVIDER` or the one key
//! env var that is set; the key from `--api-key`, `--api-key-file` (or stdin) or the
//! provider's env var. Messages name where a key came from, never the key.

use std::io::{IsTerminal, Read};
use std::path::Path;

use super::{EnvLookup, from_env_with};
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

/// The provider from `AVATARCTL_PROVIDER`, else the one whose key env var is set.
/// `key_flag` names the flag that gave the key, for the message when neither decides.
pub(super) fn resolve_provider(
    env: EnvLookup,
    key_flag: Option<&str>,
) -> Result<ProviderKind, Error> {
    let with_key = with_keys(env);
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

/// The providers whose key env var is set, in the table's order.
pub(super) fn with_keys(env: EnvLookup) -> Vec<ProviderKind> {
    ProviderKind::all()
        .filter(|p| env(p.key_env()).is_some())
        .collect()
}

/// `--provider`, else `AVATARCTL_PROVIDER` (a provider's name or `all`, in any case).
pub(super) fn choice(
    args: &ConnectionArgs,
    env: EnvLookup,
) -> Result<Option<ProviderChoice>, Error> {
    match args.provider {
        Some(choice) => Ok(Some(choice)),
        None => from_env_with(env, "AVATARCTL_PROVIDER", ProviderChoice::from_name, || {
            format!("{}, all", names(", "))
        }),
    }
}

pub(super) fn resolve_key(
    args: &ConnectionArgs,
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
