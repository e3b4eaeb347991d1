//! Profiles in the config file: chosen by `--profile` / `AVATARCTL_PROFILE` or the file's
//! `default`, with the precedence flags > chosen profile > env vars > default profile; each key
//! source (`api_key_env`, `api_key_file`, `api_key_command`); a file that does not parse; a
//! key command that fails; and the key never in the output.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::support::{self as s, ANAM_KEY, FakeAnam, FakeServer, Run, ids, run};

/// Keys for the fakes of two organizations (`ANAM_KEY` is the env var's).
const ACME_KEY: &str = "anam_sk_acme_81jd73hs62kq";
const GLOBEX_KEY: &str = "anam_sk_globex_4kd8s7ja1l";

/// A folder holding `config.toml` with `text`.
struct ConfigDir {
    dir: tempfile::TempDir,
}

impl ConfigDir {
    fn new(text: &str) -> Self {
        let dir = tempfile::tempdir().expect("a temporary folder");
        std::fs::write(dir.path().join("config.toml"), text).expect("write the config file");
        Self { dir }
    }

    fn path(&self) -> PathBuf {
        self.dir.path().join("config.toml")
    }

    fn write(&self, name: &str, text: &str) {
        std::fs::write(self.dir.path().join(name), text).expect("write a file beside it");
    }
}

/// `avatarctl` reading the config file in `config`.
fn with_config(config: &ConfigDir) -> assert_cmd::Command {
    let mut command = s::avatarctl();
    command.env("AVATARCTL_CONFIG", config.path());
    command
}

fn anam(key: &str) -> FakeServer {
    FakeAnam::new(key).with_sessions(2).start()
}

/// `auth status -o json`'s one row.
fn status(command: &mut assert_cmd::Command, keys: &[&str]) -> Value {
    let run = Run::of(command.args(["auth", "status", "-o", "json"]));
    for key in keys {
        run.assert_hides(key);
    }
    let rows = run.json();
    assert_eq!(rows.as_array().map(Vec::len), Some(1), "{rows}");
    rows[0].clone()
}

/// A shell command that prints `key`.
fn printing(key: &str) -> String {
    format!("printf '%s\\n' {key}")
}

#[cfg(unix)]
#[test]
fn flags_then_the_chosen_profile_then_env_vars_then_the_default_profile() {
    let (acme, globex, env) = (anam(ACME_KEY), anam(GLOBEX_KEY), anam(ANAM_KEY));
    let config = ConfigDir::new(&format!(
        "default = \"acme\"\n\n\
         [profiles.acme]\nprovider = \"anam\"\nbase_url = \"{}\"\napi_key_env = \"ACME_KEY\"\n\n\
         [profiles.globex]\nprovider = \"anam\"\nbase_url = \"{}\"\napi_key_command = \"{}\"\n",
        acme.url(),
        globex.url(),
        printing(GLOBEX_KEY)
    ));
    let keys = [ACME_KEY, GLOBEX_KEY, ANAM_KEY];
    let base = |server: &FakeServer| format!("{}/", server.url());

    // The default profile alone: its provider, base URL and key.
    let row = status(with_config(&config).env("ACME_KEY", ACME_KEY), &keys);
    assert_eq!(row["provider"], "anam");
    assert_eq!(row["profile"], "acme");
    assert_eq!(row["key_source"], "ACME_KEY (profile acme)");
    assert_eq!(row["base_url"], base(&acme));
    assert_eq!(row["accepted"], true, "{row}");

    // The env vars come before the default profile.
    let row = status(
        with_config(&config)
            .env("ACME_KEY", ACME_KEY)
            .env("ANAM_API_KEY", ANAM_KEY)
            .env("ANAM_BASE_URL", env.url()),
        &keys,
    );
    assert_eq!(
        (&row["key_source"], &row["base_url"], &row["accepted"]),
        (&"ANAM_API_KEY".into(), &base(&env).into(), &true.into())
    );

    // A chosen profile comes before the env vars, by flag or by variable.
    for by_flag in [true, false] {
        let mut command = with_config(&config);
        command
            .env("ANAM_API_KEY", ANAM_KEY)
            .env("AVATARCTL_BASE_URL", env.url())
            .env("AVATARCTL_PROVIDER", "tavus");
        match by_flag {
            true => command.args(["--profile", "globex"]),
            false => command.env("AVATARCTL_PROFILE", "globex"),
        };
        let row = status(&mut command, &keys);
        assert_eq!(row["profile"], "globex");
        assert_eq!(row["key_source"], "api_key_command (profile globex)");
        assert_eq!(row["base_url"], base(&globex));
        assert_eq!(row["accepted"], true, "{row}");
    }

    // Flags come before everything.
    let row = status(
        with_config(&config)
            .env("AVATARCTL_PROFILE", "globex")
            .args(["--api-key", ANAM_KEY, "--base-url", &env.url()]),
        &keys,
    );
    assert_eq!(
        (&row["key_source"], &row["base_url"], &row["accepted"]),
        (&"--api-key".into(), &base(&env).into(), &true.into())
    );

    // Sessions come from where the profile points, with its key.
    let listed = run(
        with_config(&config).args(["--profile", "globex", "sessions", "list", "-o", "json"]),
        GLOBEX_KEY,
    );
    assert_eq!(ids(&listed.json()).len(), 2);
}

#[test]
fn a_profile_for_another_provider_than_the_flag_is_refused() {
    let config = ConfigDir::new("[profiles.acme]\nprovider = \"anam\"\napi_key_env = \"K\"\n");
    let run = Run::of(with_config(&config).args([
        "-p",
        "tavus",
        "--profile",
        "acme",
        "sessions",
        "list",
    ]));
    assert_eq!(
        run.usage_error(),
        "--provider tavus and profile \"acme\" (provider anam) disagree — leave out one of them"
    );
}

#[test]
fn a_key_file_is_read_beside_the_config_file() {
    let server = anam(ACME_KEY);
    let config = ConfigDir::new(&format!(
        "[acme]\nprovider = \"anam\"\nbase_url = \"{}\"\napi_key_file = \"acme.key\"\n",
        server.url()
    ));
    config.write("acme.key", &format!("{ACME_KEY}\n"));
    let listed = run(
        with_config(&config)
            .current_dir(std::env::temp_dir())
            .args(["--profile", "acme", "sessions", "list", "-o", "json"]),
        ACME_KEY,
    );
    assert_eq!(ids(&listed.json()).len(), 2);
    let row = status(
        with_config(&config).args(["--profile", "acme"]),
        &[ACME_KEY],
    );
    let source = row["key_source"].as_str().unwrap();
    assert!(
        source.starts_with("api_key_file ")
            && source.ends_with("acme.key (profile acme)")
            && Path::new(&source["api_key_file ".len()..source.len() - " (profile acme)".len()])
                .starts_with(config.dir.path()),
        "{source}"
    );

    let missing = ConfigDir::new("[acme]\nprovider = \"anam\"\napi_key_file = \"gone.key\"\n");
    let run = Run::of(with_config(&missing).args(["--profile", "acme", "sessions", "list"]));
    let line = run.usage_error();
    assert!(
        line.starts_with("cannot read api_key_file ")
            && line.contains("gone.key (profile acme): ")
            && line.ends_with("— check the path in the config file"),
        "{line}"
    );
}

#[test]
fn a_key_env_var_the_profile_names_must_be_set() {
    let config = ConfigDir::new("[acme]\nprovider = \"anam\"\napi_key_env = \"ACME_KEY\"\n");
    let run = Run::of(
        with_config(&config)
            .env("AVATARCTL_PROFILE", "acme")
            .args(["sessions", "list"]),
    );
    assert_eq!(
        run.usage_error(),
        "profile \"acme\" reads its API key from ACME_KEY, which is not set"
    );
}

#[test]
fn the_default_place_is_read_and_its_absence_changes_nothing() {
    let server = anam(ACME_KEY);
    let config = ConfigDir::new(&format!(
        "default = \"acme\"\n[profiles.acme]\nprovider = \"anam\"\nbase_url = \"{}\"\n\
         api_key_env = \"ACME_KEY\"\n",
        server.url()
    ));
    let xdg = tempfile::tempdir().unwrap();
    std::fs::create_dir(xdg.path().join("avatarctl")).unwrap();
    std::fs::copy(config.path(), xdg.path().join("avatarctl/config.toml")).unwrap();
    let home = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(home.path().join(".config/avatarctl")).unwrap();
    std::fs::copy(
        config.path(),
        home.path().join(".config/avatarctl/config.toml"),
    )
    .unwrap();
    for (var, dir) in [("XDG_CONFIG_HOME", xdg.path()), ("HOME", home.path())] {
        if cfg!(windows) {
            break;
        }
        let listed = run(
            s::avatarctl()
                .env(var, dir)
                .env("ACME_KEY", ACME_KEY)
                .args(["sessions", "list", "-o", "json"]),
            ACME_KEY,
        );
        assert_eq!(ids(&listed.json()).len(), 2, "config under {var}");
    }
    // With no file there, nothing changes: the env var's provider and key.
    let run = Run::of(s::avatarctl().env("ANAM_API_KEY", ANAM_KEY).args([
        "--base-url",
        &server.url(),
        "sessions",
        "list",
    ]));
    assert_eq!(run.code, Some(4), "the env var's key, refused: {run:?}");
    // But a profile asked for with no file is an error naming where it looked.
    let asked = Run::of(
        s::avatarctl()
            .env("AVATARCTL_PROFILE", "acme")
            .args(["sessions", "list"]),
    );
    let line = asked.usage_error();
    assert!(
        line.starts_with("cannot read the config file ")
            && line.contains("config.toml for AVATARCTL_PROFILE \"acme\": "),
        "{line}"
    );
}

#[test]
fn a_file_that_does_not_parse_is_a_usage_error_naming_the_file_and_line() {
    let server = anam(ACME_KEY);
    let config = ConfigDir::new(
        "default = \"acme\"\n[profiles.acme]\nprovider = \"anam\"\nbase_url https://x\n",
    );
    let run = Run::of(
        with_config(&config)
            .env("ANAM_API_KEY", ANAM_KEY)
            .env("ANAM_BASE_URL", server.url())
            .args(["sessions", "list"]),
    );
    assert_eq!(
        run.usage_error(),
        format!(
            "{}:4:10: key with no value, expected `=`",
            config.path().display()
        )
    );
    assert_eq!(server.request_count(), 0, "no request with a broken config");

    // The key itself in the file is refused, and not quoted back.
    let keyed = ConfigDir::new(&format!(
        "[profiles.acme]\nprovider = \"anam\"\napi_key = \"{ACME_KEY}\"\n"
    ));
    let run = Run::of(with_config(&keyed).args(["--profile", "acme", "sessions", "list"]));
    run.assert_hides(ACME_KEY);
    assert_eq!(
        run.usage_error(),
        format!(
            "{}:3:11: api_key is not read: a key does not belong in a config file — use \
             api_key_env, api_key_file or api_key_command",
            keyed.path().display()
        )
    );

    // A profile that is not there is named, with those that are.
    let config = ConfigDir::new(
        "[profiles.acme]\nprovider = \"anam\"\n[profiles.globex]\nprovider = \"tavus\"\n",
    );
    let run = Run::of(with_config(&config).args(["--profile", "initech", "usage"]));
    assert_eq!(
        run.usage_error(),
        format!(
            "no profile \"initech\" in {} — its profiles: acme, globex",
            config.path().display()
        )
    );
}

#[cfg(unix)]
#[test]
fn a_key_command_that_fails_is_exit_2_with_its_first_stderr_line_masked() {
    let server = anam(ACME_KEY);
    let config = ConfigDir::new(&format!(
        "[profiles.acme]\nprovider = \"anam\"\nbase_url = \"{}\"\napi_key_command = \"echo {ACME_KEY}; \
         echo 'vault: {ACME_KEY} is sealed' >&2; echo 'more detail' >&2; exit 3\"\n",
        server.url()
    ));
    let run = Run::of(with_config(&config).args(["--profile", "acme", "sessions", "list"]));
    run.assert_hides(ACME_KEY);
    assert_eq!(
        run.usage_error(),
        "the api_key_command of profile \"acme\" exited with status 3: vault: [REDACTED] is sealed"
    );
    assert_eq!(server.request_count(), 0);

    let silent = ConfigDir::new("[acme]\nprovider = \"anam\"\napi_key_command = \"true\"\n");
    let run = Run::of(with_config(&silent).args(["--profile", "acme", "sessions", "list"]));
    assert_eq!(
        run.usage_error(),
        "the api_key_command of profile \"acme\" printed nothing on stdout — it should print the key"
    );
}

#[cfg(unix)]
#[test]
fn the_key_command_runs_only_when_its_key_is_needed() {
    let server = anam(ACME_KEY);
    let marker = tempfile::tempdir().unwrap();
    let ran = marker.path().join("ran");
    let config = ConfigDir::new(&format!(
        "default = \"acme\"\n[acme]\nprovider = \"anam\"\nbase_url = \"{}\"\n\
         api_key_command = \"touch '{}'; printf {ACME_KEY}\"\n",
        server.url(),
        ran.display()
    ));
    // The env var's key comes first, and `providers` reads no key.
    let listed = run(
        with_config(&config)
            .env("ANAM_API_KEY", ACME_KEY)
            .args(["sessions", "list", "-o", "json"]),
        ACME_KEY,
    );
    assert_eq!(ids(&listed.json()).len(), 2);
    let providers = Run::of(with_config(&config).args(["providers", "-o", "json"])).json();
    assert_eq!(providers[0]["key_set"], true);
    assert_eq!(providers[0]["selected"], true);
    assert_eq!(providers[0]["base_url"], server.url());
    assert!(
        !ran.exists(),
        "the key command ran though its key was not needed"
    );
    // Without the env var, the default profile's command gives the key.
    let listed = run(
        with_config(&config).args(["sessions", "list", "-o", "json"]),
        ACME_KEY,
    );
    assert_eq!(ids(&listed.json()).len(), 2);
    assert!(ran.exists());
}

#[test]
fn provider_all_takes_the_default_profile_s_provider_with_the_others() {
    let acme = anam(ACME_KEY);
    let agenthuman = s::FakeAgentHuman::new(s::AH_KEY).with_sessions(3).start();
    let config = ConfigDir::new(&format!(
        "default = \"acme\"\n[acme]\nprovider = \"anam\"\nbase_url = \"{}\"\napi_key_env = \"ACME_KEY\"\n",
        acme.url()
    ));
    let listed = run(
        with_config(&config)
            .env("ACME_KEY", ACME_KEY)
            .env("AGENTHUMAN_API_KEY", s::AH_KEY)
            .env("AGENTHUMAN_BASE_URL", agenthuman.url())
            .args(["-p", "all", "sessions", "list", "-o", "json"]),
        ACME_KEY,
    );
    let rows = listed.json();
    let providers: Vec<&str> = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|row| row["provider"].as_str().unwrap())
        .collect();
    assert_eq!(providers.iter().filter(|p| **p == "anam").count(), 2);
    assert_eq!(providers.iter().filter(|p| **p == "agenthuman").count(), 3);
}

#[test]
fn a_key_env_var_comes_before_a_default_profile_for_another_provider() {
    let server = anam(ANAM_KEY);
    let config = ConfigDir::new(
        "default = \"t\"\n[t]\nprovider = \"tavus\"\napi_key_command = \"exit 1\"\n",
    );
    let listed = run(
        with_config(&config)
            .env("ANAM_API_KEY", ANAM_KEY)
            .env("ANAM_BASE_URL", server.url())
            .args(["sessions", "list", "-o", "json"]),
        ANAM_KEY,
    );
    assert_eq!(ids(&listed.json()).len(), 2, "the env var's provider, anam");
}
