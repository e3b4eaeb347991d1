//! Profiles: named sets of provider, base URL and key source in a TOML file, for a user with
//! several organizations. The file is read once per run, and a profile's key command runs only
//! when its key is needed. The key itself never belongs in the file, and is refused there.
//!
//! ```toml
//! default = "acme"
//!
//! [profiles.acme]
//! provider = "anam"
//! api_key_env = "ACME_ANAM_KEY"
//!
//! [profiles.globex]
//! provider = "anam"
//! base_url = "https://eu.api.anam.ai"
//! api_key_command = "pass show anam/globex"
//! ```

use std::collections::BTreeMap;
use std::io::{ErrorKind, Read};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex, mpsc};
use std::time::{Duration, Instant};

use serde::Deserialize;
use serde::de::{Deserializer, Error as _};

use super::EnvLookup;
use crate::error::Error;
use crate::provider::ProviderKind;
use crate::provider::kind::names;
use crate::sanitize::sanitize;
use crate::secret::REDACTED;

/// How long an `api_key_command` may run before it is stopped.
pub const KEY_COMMAND_TIMEOUT: Duration = Duration::from_secs(10);

/// One profile of the file.
#[derive(Debug)]
pub struct Profile {
    pub name: String,
    pub provider: ProviderKind,
    pub base_url: Option<String>,
    pub key: Option<KeySource>,
}

/// Where a profile's key comes from.
#[derive(Debug, PartialEq, Eq)]
pub enum KeySource {
    /// An env var, by name.
    Env(String),
    /// A file; a relative path is read from the config file's folder.
    File(PathBuf),
    /// A command run by the shell, whose stdout (trimmed) is the key.
    Command(String),
}

/// The profile a run uses, and how: chosen by `--profile` or `AVATARCTL_PROFILE` (it then
/// comes before the env vars), or the file's `default` (it then comes after them).
#[derive(Debug)]
pub struct Chosen {
    pub profile: Profile,
    pub explicit: bool,
}

/// The file's form: `default`, and each profile as a `[profiles.NAME]` table (or a top-level
/// `[NAME]` table).
#[derive(Deserialize)]
struct FileForm {
    default: Option<String>,
    #[serde(default)]
    profiles: BTreeMap<String, Entry>,
    /// Top-level profile tables, read one by one so that a stray key is named as such.
    #[serde(flatten)]
    tables: BTreeMap<String, toml::Value>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    #[serde(deserialize_with = "provider_name")]
    provider: ProviderKind,
    base_url: Option<String>,
    api_key_env: Option<String>,
    api_key_file: Option<PathBuf>,
    api_key_command: Option<String>,
    /// Refused whatever it holds, with a message that says why and what to use instead.
    #[serde(default, rename = "api_key", deserialize_with = "refuse_key")]
    _api_key: Option<()>,
}

fn provider_name<'de, D: Deserializer<'de>>(de: D) -> Result<ProviderKind, D::Error> {
    let name = String::deserialize(de).map_err(|_| D::Error::custom("provider must be a name"))?;
    ProviderKind::from_name(&name).ok_or_else(|| {
        D::Error::custom(format!(
            "provider is not one avatarctl knows — use one of {}",
            names(", ")
        ))
    })
}

fn refuse_key<'de, D: Deserializer<'de>>(_: D) -> Result<Option<()>, D::Error> {
    Err(D::Error::custom(
        "api_key is not read: a key does not belong in a config file — use api_key_env, \
         api_key_file or api_key_command",
    ))
}

/// The config file: `AVATARCTL_CONFIG`, else `$XDG_CONFIG_HOME/avatarctl/config.toml` (an
/// absolute one), else `~/.config/avatarctl/config.toml`; `%APPDATA%\avatarctl\config.toml`
/// on Windows. The flag says whether it was named, so that its absence is an error.
pub fn config_path(env: EnvLookup) -> Option<(PathBuf, bool)> {
    if let Some(path) = env("AVATARCTL_CONFIG") {
        return Some((PathBuf::from(path), true));
    }
    let dir = if cfg!(windows) {
        env("APPDATA").map(PathBuf::from)
    } else {
        env("XDG_CONFIG_HOME")
            .map(PathBuf::from)
            .filter(|dir| dir.is_absolute())
            .or_else(|| env("HOME").map(|home| Path::new(&home).join(".config")))
    };
    Some((dir?.join("avatarctl").join("config.toml"), false))
}

/// The profile this run uses: `flag` (`--profile`), else `AVATARCTL_PROFILE`, else the file's
/// `default`; none when there is no file and none was asked for.
pub fn choose(flag: Option<&str>, env: EnvLookup) -> Result<Option<Chosen>, Error> {
    let asked = match flag {
        Some(name) => Some((name.to_owned(), "--profile")),
        None => env("AVATARCTL_PROFILE").map(|name| (name, "AVATARCTL_PROFILE")),
    };
    let Some((path, named)) = config_path(env) else {
        return match asked {
            Some((name, from)) => Err(Error::usage(format!(
                "{from} {name:?}: there is no config file to read it from — set AVATARCTL_CONFIG \
                 to the file's path"
            ))),
            None => Ok(None),
        };
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == ErrorKind::NotFound && !named && asked.is_none() => return Ok(None),
        Err(e) => {
            let why = match &asked {
                Some((name, from)) => format!(" for {from} {name:?}"),
                None => String::new(),
            };
            return Err(Error::usage(format!(
                "cannot read the config file {}{why}: {e}",
                path.display()
            )));
        }
    };
    let (default, mut profiles) = parse(&text, &path)?;
    let (name, explicit) = match (asked, default) {
        (Some((name, _)), _) => (name, true),
        (None, Some(name)) => (name, false),
        (None, None) => return Ok(None),
    };
    let Some(profile) = profiles.remove(&name) else {
        let known: Vec<&str> = profiles.keys().map(String::as_str).collect();
        let known = match known.as_slice() {
            [] => "it has none".to_owned(),
            known => format!("its profiles: {}", known.join(", ")),
        };
        let what = if explicit {
            format!("no profile {name:?} in {}", path.display())
        } else {
            format!("{}: `default` names no profile of the file", path.display())
        };
        return Err(Error::usage(format!("{what} — {known}")));
    };
    Ok(Some(Chosen { profile, explicit }))
}

/// The names of the config file's profiles, for shell completion: none when there is no
/// file, or it does not parse.
pub fn profile_names(env: EnvLookup) -> Vec<String> {
    let Some((path, _)) = config_path(env) else {
        return Vec::new();
    };
    let Ok(text) = std::fs::read_to_string(&path) else {
        return Vec::new();
    };
    parse(&text, &path).map_or_else(
        |_| Vec::new(),
        |(_, profiles)| profiles.into_keys().collect(),
    )
}

/// The file's `default` and its profiles, checked: a problem is one line naming the file (and
/// the line and column where the parser knows them), never quoting the file's text.
fn parse(text: &str, path: &Path) -> Result<(Option<String>, BTreeMap<String, Profile>), Error> {
    let at = |offset: Option<usize>| match offset {
        Some(offset) => {
            let before = &text[..offset.min(text.len())];
            let line = before.matches('\n').count() + 1;
            let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            format!("{}:{line}:{column}", path.display())
        }
        None => path.display().to_string(),
    };
    let problem = |offset: Option<usize>, e: toml::de::Error| {
        Error::usage(format!("{}: {}", at(offset), unquoted(e.message())))
    };
    let form: FileForm =
        toml::from_str(text).map_err(|e| problem(e.span().map(|span| span.start), e))?;
    let mut entries: Vec<(String, Entry)> = form.profiles.into_iter().collect();
    for (name, value) in form.tables {
        // The parser's spans do not reach into these: the line is found by the name.
        let line_of = |prefix: &str| {
            let mut offset = 0;
            text.split_inclusive('\n').find_map(|line| {
                let start = offset;
                offset += line.len();
                let rest = line.trim_start().strip_prefix(prefix)?;
                let ends = prefix.ends_with(']')
                    || rest.starts_with(|c: char| c.is_whitespace() || c == '=' || c == '.');
                ends.then_some(start)
            })
        };
        if !value.is_table() {
            return Err(Error::usage(format!(
                "{}: unknown setting `{name}` — the file holds `default = \"NAME\"` and \
                 [profiles.NAME] tables",
                at(line_of(&name))
            )));
        }
        let entry =
            Entry::deserialize(value).map_err(|e| problem(line_of(&format!("[{name}]")), e))?;
        entries.push((name, entry));
    }
    let mut profiles = BTreeMap::new();
    for (name, entry) in entries {
        let key = key_source(&entry, path).map_err(|problem| {
            Error::usage(format!("{}: profile {name:?} {problem}", path.display()))
        })?;
        let profile = Profile {
            name: name.clone(),
            provider: entry.provider,
            base_url: entry.base_url.filter(|url| !url.trim().is_empty()),
            key,
        };
        if profiles.insert(name.clone(), profile).is_some() {
            return Err(Error::usage(format!(
                "{}: profile {name:?} is defined twice — keep one",
                path.display()
            )));
        }
    }
    Ok((form.default, profiles))
}

/// A parser's message, on one line, with any string it quotes left out: the text a user put
/// in the wrong place may be a key.
fn unquoted(message: &str) -> String {
    let line = message.lines().next().unwrap_or("does not parse").trim();
    match (line.find("string \""), line.rfind("\", expected")) {
        (Some(start), Some(end)) if start < end => {
            format!("{}a string{}", &line[..start], &line[end + 1..])
        }
        _ => line.to_owned(),
    }
}

/// The one key source an entry names, if any.
fn key_source(entry: &Entry, path: &Path) -> Result<Option<KeySource>, String> {
    let nonblank = |value: &Option<String>| value.clone().filter(|v| !v.trim().is_empty());
    let mut sources = Vec::new();
    if let Some(var) = nonblank(&entry.api_key_env) {
        sources.push(("api_key_env", KeySource::Env(var)));
    }
    if let Some(file) = entry
        .api_key_file
        .as_ref()
        .filter(|f| !f.as_os_str().is_empty())
    {
        let dir = path.parent().unwrap_or(Path::new("."));
        sources.push(("api_key_file", KeySource::File(dir.join(file))));
    }
    if let Some(command) = nonblank(&entry.api_key_command) {
        sources.push(("api_key_command", KeySource::Command(command)));
    }
    match sources.len() {
        0 | 1 => Ok(sources.pop().map(|(_, source)| source)),
        _ => {
            let given: Vec<&str> = sources.iter().map(|(name, _)| *name).collect();
            Err(format!(
                "sets {} — keep one: a profile's key comes from one place",
                given.join(" and ")
            ))
        }
    }
}

/// Runs `command` with the shell (`sh -c`, `cmd /C` on Windows), stdin closed, for at most
/// `timeout`; its stdout, trimmed, is the key. A failure is one line: how it ended and the
/// first line of its stderr, with anything it printed on stdout masked.
pub fn run_key_command(command: &str, timeout: Duration) -> Result<String, String> {
    let mut shell = if cfg!(windows) {
        let mut shell = Command::new("cmd");
        shell.arg("/C");
        shell
    } else {
        let mut shell = Command::new("sh");
        shell.arg("-c");
        shell
    };
    let mut child = shell
        .arg(command)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("could not be started: {e}"))?;
    let stdout = drain(child.stdout.take());
    let stderr = drain(child.stderr.take());
    let deadline = Instant::now() + timeout;
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if Instant::now() < deadline => std::thread::sleep(Duration::from_millis(5)),
            Ok(None) => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!(
                    "did not finish within {}s and was stopped",
                    timeout.as_secs_f64()
                ));
            }
            Err(e) => return Err(format!("could not be waited for: {e}")),
        }
    };
    // A process it left behind may hold the pipes open: wait for them no longer than the rest.
    // One short grace in all, for the pipes to end after the command did.
    let grace = Instant::now() + Duration::from_millis(200);
    for (_, ended) in [&stdout, &stderr] {
        let _ = ended.recv_timeout(grace.saturating_duration_since(Instant::now()));
    }
    let taken = |(kept, _): &(Arc<Mutex<Vec<u8>>>, _)| {
        let kept = kept.lock().unwrap_or_else(|e| e.into_inner());
        String::from_utf8_lossy(&kept).into_owned()
    };
    let (out, err) = (taken(&stdout), taken(&stderr));
    let out = out.trim().to_owned();
    if status.success() {
        if out.is_empty() {
            return Err("printed nothing on stdout — it should print the key".into());
        }
        return Ok(out);
    }
    let first = err.lines().map(str::trim).find(|line| !line.is_empty());
    let said = match first {
        Some(line) => {
            // Whatever it printed may be the key, whole or in part: each line and word of it.
            let mut printed: Vec<&str> = out.lines().chain(out.split_whitespace()).collect();
            printed.retain(|part| part.trim().len() >= 4);
            printed.sort_by_key(|part| std::cmp::Reverse(part.len()));
            let masked = printed.iter().fold(line.to_owned(), |line, part| {
                line.replace(part.trim(), REDACTED)
            });
            let mut shown = sanitize(&masked).into_owned();
            if shown.chars().count() > 200 {
                shown = shown.chars().take(200).collect::<String>() + "…";
            }
            format!(": {shown}")
        }
        None => " (nothing on stderr)".into(),
    };
    let ended = match status.code() {
        Some(code) => format!("exited with status {code}"),
        None => "was killed by a signal".into(),
    };
    Err(format!("{ended}{said}"))
}

/// Reads a pipe to its end on a thread (the first MiB kept), so that neither pipe can fill
/// and stall the command.
/// What has been read so far is shared, so that a process the command left behind holding a
/// pipe open costs nothing of what was printed; the channel says when the pipe ended.
fn drain(pipe: Option<impl Read + Send + 'static>) -> (Arc<Mutex<Vec<u8>>>, mpsc::Receiver<()>) {
    let kept = Arc::new(Mutex::new(Vec::new()));
    let (sender, receiver) = mpsc::channel();
    if let Some(mut pipe) = pipe {
        let filling = Arc::clone(&kept);
        std::thread::spawn(move || {
            let mut buffer = [0; 8192];
            while let Ok(n @ 1..) = pipe.read(&mut buffer) {
                let mut kept = filling.lock().unwrap_or_else(|e| e.into_inner());
                if kept.len() < 1 << 20 {
                    kept.extend_from_slice(&buffer[..n]);
                }
            }
            let _ = sender.send(());
        });
    }
    (kept, receiver)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(text: &str) -> Result<(Option<String>, BTreeMap<String, Profile>), String> {
        parse(text, Path::new("/etc/avatarctl/config.toml")).map_err(|e| e.to_string())
    }

    #[test]
    fn both_table_forms_and_every_key_source_are_read() {
        let (default, profiles) = parsed(
            "default = \"acme\"\n\
             [profiles.acme]\nprovider = \"anam\"\napi_key_env = \"ACME_KEY\"\n\
             [globex]\nprovider = \"Tavus\"\nbase_url = \"https://eu.example.com\"\n\
             api_key_file = \"keys/globex\"\n\
             [profiles.cmd]\nprovider = \"beyondpresence\"\napi_key_command = \"pass show x\"\n",
        )
        .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(default.as_deref(), Some("acme"));
        assert_eq!(profiles["acme"].provider, ProviderKind::Anam);
        assert_eq!(
            profiles["acme"].key,
            Some(KeySource::Env("ACME_KEY".into()))
        );
        assert_eq!(profiles["globex"].provider, ProviderKind::Tavus);
        assert_eq!(
            profiles["globex"].key,
            Some(KeySource::File("/etc/avatarctl/keys/globex".into()))
        );
        assert_eq!(
            profiles["globex"].base_url.as_deref(),
            Some("https://eu.example.com")
        );
        assert_eq!(
            profiles["cmd"].key,
            Some(KeySource::Command("pass show x".into()))
        );
    }

    #[test]
    fn problems_name_the_file_and_line_and_never_quote_a_key() {
        let syntax =
            parsed("[profiles.acme]\nprovider = \"anam\"\nbase_url https://x\n").unwrap_err();
        assert_eq!(
            syntax,
            "/etc/avatarctl/config.toml:3:10: key with no value, expected `=`"
        );
        let unclosed = parsed("[profiles.acme]\nprovider = \"anam\n").unwrap_err();
        assert!(
            unclosed.starts_with("/etc/avatarctl/config.toml:2:"),
            "{unclosed}"
        );
        assert!(!unclosed.contains('\n'), "{unclosed}");
        let key = parsed("[profiles.acme]\nprovider = \"anam\"\napi_key = \"sk-live-123456\"\n")
            .unwrap_err();
        assert!(key.contains("api_key is not read"), "{key}");
        let top =
            parsed("default = \"acme\"\n\n[acme]\nprovider = \"anam\"\nbase = 1\n").unwrap_err();
        assert!(
            top.starts_with("/etc/avatarctl/config.toml:3:1: unknown field `base`"),
            "{top}"
        );
        let stray = parsed("[profiles.a]\nprovider = \"anam\"\n").and(parsed("defualt = \"a\"\n"));
        assert_eq!(
            stray.map(|_| ()).unwrap_err(),
            "/etc/avatarctl/config.toml:1:1: unknown setting `defualt` — the file holds \
             `default = \"NAME\"` and [profiles.NAME] tables"
        );
        // A key put where a table belongs is not quoted back.
        let misplaced = parsed("[profiles]\nacme = \"sk-live-123456\"\n").unwrap_err();
        assert!(!misplaced.contains("sk-live"), "{misplaced}");
        assert!(
            misplaced.contains("invalid type: a string, expected"),
            "{misplaced}"
        );
        assert!(!key.contains("sk-live"), "{key}");
        let unknown = parsed("[profiles.acme]\nprovider = \"anam\"\nbase = \"x\"\n").unwrap_err();
        assert!(unknown.contains("unknown field `base`"), "{unknown}");
        let provider = parsed("[profiles.acme]\nprovider = \"heygen\"\n").unwrap_err();
        assert!(
            provider.contains("provider is not one avatarctl knows")
                && !provider.contains("heygen"),
            "{provider}"
        );
        let two = parsed(
            "[profiles.acme]\nprovider = \"anam\"\napi_key_env = \"A\"\napi_key_command = \"b\"\n",
        )
        .unwrap_err();
        assert_eq!(
            two,
            "/etc/avatarctl/config.toml: profile \"acme\" sets api_key_env and api_key_command \
             — keep one: a profile's key comes from one place"
        );
        let twice = parsed("[profiles.acme]\nprovider = \"anam\"\n[acme]\nprovider = \"tavus\"\n")
            .unwrap_err();
        assert!(twice.contains("defined twice"), "{twice}");
    }

    #[test]
    fn the_config_path_follows_the_platform_rules() {
        let env = |vars: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                vars.iter()
                    .find(|(k, _)| *k == name)
                    .map(|(_, v)| (*v).to_owned())
            }
        };
        let path = |vars| config_path(&env(vars));
        assert_eq!(
            path(&[("AVATARCTL_CONFIG", "my.toml"), ("HOME", "/h")]),
            Some((PathBuf::from("my.toml"), true))
        );
        if cfg!(windows) {
            return;
        }
        assert_eq!(
            path(&[("XDG_CONFIG_HOME", "/x"), ("HOME", "/h")]),
            Some((PathBuf::from("/x/avatarctl/config.toml"), false))
        );
        // A relative XDG_CONFIG_HOME is ignored, as the XDG spec says.
        assert_eq!(
            path(&[("XDG_CONFIG_HOME", "rel"), ("HOME", "/h")]),
            Some((PathBuf::from("/h/.config/avatarctl/config.toml"), false))
        );
        assert_eq!(path(&[]), None);
    }

    #[cfg(unix)]
    #[test]
    fn a_key_command_gives_its_trimmed_stdout_or_one_masked_line() {
        let long = Duration::from_secs(30);
        assert_eq!(
            run_key_command("printf '  sk-from-command\\n'", long),
            Ok("sk-from-command".into())
        );
        assert_eq!(
            run_key_command(
                "echo sk-half-printed; echo 'vault: sk-half-printed denied' >&2; \
                             echo second >&2; exit 3",
                long
            ),
            Err("exited with status 3: vault: [REDACTED] denied".into())
        );
        // A key printed over several lines, and echoed word by word, is masked all the same.
        assert_eq!(
            run_key_command(
                "printf 'sk-live-abcdef\\nwarn\\n'; echo 'token sk-live-abcdef bad' >&2; exit 1",
                long
            ),
            Err("exited with status 1: token [REDACTED] bad".into())
        );
        assert_eq!(
            run_key_command("exit 1", long),
            Err("exited with status 1 (nothing on stderr)".into())
        );
        assert_eq!(
            run_key_command("true", long),
            Err("printed nothing on stdout — it should print the key".into())
        );
        let escape = run_key_command("printf 'bad\\033[31m\\n' >&2; exit 1", long).unwrap_err();
        assert_eq!(escape, "exited with status 1: bad^[[31m");
    }

    #[cfg(unix)]
    #[test]
    fn a_key_command_that_outlives_its_timeout_is_stopped() {
        // The command would run for a minute; the verdict does not depend on how fast the
        // machine is, only on its being stopped long before that.
        let started = Instant::now();
        let result = run_key_command("sleep 60", Duration::from_millis(100));
        assert_eq!(
            result,
            Err("did not finish within 0.1s and was stopped".into())
        );
        assert!(started.elapsed() < Duration::from_secs(50));
    }
}
