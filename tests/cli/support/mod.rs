//! What the integration tests share: fake provider servers (and holds that make them wait
//! for an event), a command builder that runs the real binary in a clean environment (and one
//! that reads its output while it runs), and the fixture files.
//!
//! The environment is cleaned because a developer's or CI runner's own `ANAM_API_KEY`,
//! `AVATARCTL_OUTPUT` or proxy settings would otherwise change what a test sees.
#![allow(dead_code)] // Not every test module uses every helper.

pub mod agenthuman;
pub mod anam;
pub mod beyondpresence;
pub mod hold;
pub mod run;
pub mod server;
pub mod stream;
pub mod tavus;

use std::ffi::{OsStr, OsString};
use std::io::Write;
use std::path::{Path, PathBuf};

use assert_cmd::Command;

// Shortcuts for the test modules; unused until one of them needs it.
#[allow(unused_imports)]
pub use agenthuman::FakeAgentHuman;
#[allow(unused_imports)]
pub use anam::FakeAnam;
pub use beyondpresence::FakeBeyond;
#[allow(unused_imports)]
pub use hold::{Barrier, Gate};
#[allow(unused_imports)]
pub use run::{AH_KEY, ANAM_KEY, Run, ids, run};
#[allow(unused_imports)]
pub use server::{FakeServer, Recorded, Reply};
#[allow(unused_imports)]
pub use stream::{Streaming, stream_anam};
pub use tavus::FakeTavus;

/// The normalized session fields in their documented order (DESIGN.md), `raw` aside: the
/// CSV header, and the JSON keys before `raw`.
pub const SESSION_FIELDS: [&str; 11] = [
    "provider",
    "id",
    "status",
    "end_reason",
    "started_at",
    "ended_at",
    "duration_ms",
    "persona_id",
    "persona_name",
    "label",
    "created_at",
];

/// Inherited variables whose name starts with one of these are removed.
const CLEARED_PREFIXES: [&str; 5] = ["AVATARCTL_", "ANAM_", "AGENTHUMAN_", "TAVUS_", "BEY_"];
/// Inherited variables with one of these names (in any case) are removed.
const CLEARED_NAMES: [&str; 12] = [
    "NO_COLOR",
    "CLICOLOR",
    "CLICOLOR_FORCE",
    "GITHUB_ACTIONS",
    "HTTP_PROXY",
    "HTTPS_PROXY",
    "ALL_PROXY",
    "NO_PROXY",
    "COLUMNS",
    "LINES",
    // Where the config file of profiles is looked for: HOME is set to an empty folder instead.
    "XDG_CONFIG_HOME",
    "APPDATA",
];

/// The `avatarctl` binary with none of the caller's configuration: every variable above is
/// removed, `TZ=UTC`, and `HOME` is an empty folder, so that no config file applies. Add what the test needs with `.env(…)` and `.args(…)`.
pub fn avatarctl() -> Command {
    Command::from_std(avatarctl_process())
}

/// The same clean `avatarctl`, as a `std` command, for a test that reads its output while it runs.
pub fn avatarctl_process() -> std::process::Command {
    clean_process(avatarctl_path())
}

/// The path of the `avatarctl` binary under test.
pub fn avatarctl_path() -> &'static Path {
    assert_cmd::cargo::cargo_bin!("avatarctl")
}

/// `program` in the same clean environment as [`avatarctl`], for a test that runs the binary
/// through another program (e.g. `script`, which gives it a terminal).
pub fn clean_process(program: impl AsRef<OsStr>) -> std::process::Command {
    let mut command = std::process::Command::new(program);
    clear_configuration(&mut command, std::env::vars_os().map(|(name, _)| name));
    command.env("TZ", "UTC").env("HOME", empty_home());
    command
}

/// The path of `program` on PATH, for a test that needs a tool besides the binary (a shell,
/// `script`). When it is missing the test should return early: this prints a note saying
/// so, or fails when `AVATARCTL_REQUIRE_SHELLS` is set (as `.ci/run` and the Linux CI job
/// do), so that CI cannot pass by skipping.
pub fn installed(program: &str) -> Option<PathBuf> {
    let found = std::env::var_os("PATH").and_then(|path| {
        std::env::split_paths(&path)
            .map(|dir| dir.join(program))
            .find(|candidate| candidate.is_file())
    });
    if found.is_none() {
        let required = std::env::var_os("AVATARCTL_REQUIRE_SHELLS").is_some_and(|v| !v.is_empty());
        assert!(
            !required,
            "{program} is not installed but AVATARCTL_REQUIRE_SHELLS is set — install it \
             (.ci/run does: apt-get install -y zsh fish) or unset the variable"
        );
        // Straight to stderr, past the test harness's capture, so that the skip shows.
        let _ = writeln!(
            std::io::stderr(),
            "skipped: {program} is not installed, so the test that needs it does not run \
             (set AVATARCTL_REQUIRE_SHELLS=1 to make this a failure)"
        );
    }
    found
}

/// A folder with nothing in it, for `HOME`.
fn empty_home() -> &'static Path {
    static HOME: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    HOME.get_or_init(|| {
        let home = Path::new(env!("CARGO_TARGET_TMPDIR")).join("empty-home");
        std::fs::create_dir_all(&home).expect("create the empty HOME");
        home
    })
}

fn clear_configuration(
    command: &mut std::process::Command,
    inherited: impl IntoIterator<Item = OsString>,
) {
    for name in inherited {
        if name.to_str().is_some_and(is_configuration) {
            command.env_remove(name);
        }
    }
}

fn is_configuration(name: &str) -> bool {
    let name = name.to_ascii_uppercase();
    CLEARED_PREFIXES
        .iter()
        .any(|prefix| name.starts_with(prefix))
        || CLEARED_NAMES.contains(&name.as_str())
}

/// `avatarctl` pointed at a fake Anam, configured by environment variables only, so a test's
/// own flags decide everything else.
pub fn avatarctl_anam(server: &FakeServer, key: &str) -> Command {
    let mut command = avatarctl();
    command
        .env("AVATARCTL_PROVIDER", "anam")
        .env("AVATARCTL_BASE_URL", server.url())
        .env("ANAM_API_KEY", key);
    command
}

/// `avatarctl` pointed at a fake AgentHuman, configured by environment variables only.
pub fn avatarctl_agenthuman(server: &FakeServer, key: &str) -> Command {
    let mut command = avatarctl();
    command
        .env("AVATARCTL_PROVIDER", "agenthuman")
        .env("AVATARCTL_BASE_URL", server.url())
        .env("AGENTHUMAN_API_KEY", key);
    command
}

/// The path of `tests/fixtures/<name>`.
pub fn fixture_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// The text of `tests/fixtures/<name>`.
pub fn fixture(name: &str) -> String {
    let path = fixture_path(name);
    std::fs::read_to_string(&path)
        .unwrap_or_else(|err| panic!("cannot read fixture {}: {err}", path.display()))
}

/// `tests/fixtures/<name>`, parsed as JSON.
pub fn fixture_json(name: &str) -> serde_json::Value {
    serde_json::from_str(&fixture(name))
        .unwrap_or_else(|err| panic!("fixture {name} is not JSON: {err}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_configuration_is_cleared() {
        let mut command = std::process::Command::new("true");
        let inherited = [
            "ANAM_API_KEY",
            "AGENTHUMAN_API_KEY",
            "AVATARCTL_OUTPUT",
            "NO_COLOR",
            "https_proxy",
            "PATH",
            "HOME",
            "ANAMNESIS",
        ];
        clear_configuration(&mut command, inherited.map(OsString::from));
        let mut removed: Vec<_> = command
            .get_envs()
            .map(|(name, value)| (name.to_str().unwrap(), value))
            .collect();
        removed.sort();
        let expected = [
            "AGENTHUMAN_API_KEY",
            "ANAM_API_KEY",
            "AVATARCTL_OUTPUT",
            "NO_COLOR",
            "https_proxy",
        ]
        .map(|name| (name, None));
        assert_eq!(removed, expected);
    }

    #[test]
    fn fixtures_load() {
        for name in [
            "anam_get.json",
            "anam_list.json",
            "anam_active.json",
            "agenthuman_get.json",
            "agenthuman_list.json",
            "anam_analytics.json",
            "anam_analytics_aggregate.json",
        ] {
            assert!(fixture_json(name).is_object(), "{name}");
        }
    }
}
