//! Generated documents: the committed completion scripts are exactly what the binary prints,
//! each of the bash, zsh and fish scripts completes in a real shell, and `man` prints roff.
//!
//! A shell that is not installed skips its test with a printed note, unless
//! `AVATARCTL_REQUIRE_SHELLS` is set (as `.ci/run` and the Linux CI job do), where a missing
//! shell fails the test instead (see `support::installed`). On Windows the shell tests do not
//! run: `bash` there may be WSL's launcher, and the helpers take Unix paths.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::process::Stdio;

use crate::support::{avatarctl, avatarctl_process};

/// Each shell `avatarctl completions` knows, and its committed script under `completions/`.
const SCRIPTS: [(&str, &str); 5] = [
    ("bash", "avatarctl.bash"),
    ("zsh", "_avatarctl"),
    ("fish", "avatarctl.fish"),
    ("powershell", "_avatarctl.ps1"),
    ("elvish", "avatarctl.elv"),
];

fn repository() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn committed(file: &str) -> PathBuf {
    repository().join("completions").join(file)
}

fn completions(shell: &str) -> Vec<u8> {
    let output = avatarctl().args(["completions", shell]).output().unwrap();
    assert!(
        output.status.success(),
        "completions {shell}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        output.stderr.is_empty(),
        "completions {shell} wrote to stderr"
    );
    output.stdout
}

#[test]
fn committed_completion_scripts_are_what_the_binary_prints() {
    let stale: Vec<String> = SCRIPTS
        .iter()
        .filter(|(shell, file)| std::fs::read(committed(file)).ok() != Some(completions(shell)))
        .map(|(shell, file)| format!("cargo run -q -- completions {shell} > completions/{file}"))
        .collect();
    assert!(
        stale.is_empty(),
        "completions/ is stale: the command tree changed since its scripts were generated. \
         Regenerate them with:\n\n{}\n",
        stale.join("\n")
    );
}

#[test]
fn the_profile_names_are_listed_for_the_scripts_and_never_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    let names = |text: Option<&str>| {
        match text {
            Some(text) => std::fs::write(&config, text).unwrap(),
            None => std::fs::remove_file(&config).unwrap(),
        }
        let output = avatarctl()
            .env("AVATARCTL_CONFIG", &config)
            .arg("complete-profiles")
            .output()
            .unwrap();
        assert!(
            output.status.success() && output.stderr.is_empty(),
            "{output:?}"
        );
        String::from_utf8(output.stdout).unwrap()
    };
    assert_eq!(
        names(Some(
            "default = \"b\"\n[profiles.b]\nprovider = \"anam\"\n[a]\nprovider = \"tavus\"\n"
        )),
        "a\nb\n"
    );
    // A file that does not parse, or no file: no names, and nothing said while typing.
    assert_eq!(names(Some("[profiles.b\n")), "");
    assert_eq!(names(None), "");
}

#[test]
fn completions_holds_one_script_per_shell_and_nothing_else() {
    let present: BTreeSet<String> = std::fs::read_dir(repository().join("completions"))
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .collect();
    let expected: BTreeSet<String> = SCRIPTS.iter().map(|(_, f)| f.to_string()).collect();
    assert_eq!(present, expected);
}

#[test]
fn completions_need_no_key_and_ignore_the_configuration() {
    // A broken configuration would fail any command that resolves it; completions do not.
    let output = avatarctl()
        .env("AVATARCTL_OUTPUT", "xml")
        .env("AVATARCTL_BASE_URL", "http://example.com")
        .env("AVATARCTL_TIMEOUT", "soon")
        .args(["completions", "bash"])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(output.stdout, completions("bash"));
}

#[test]
fn an_unknown_shell_is_a_usage_error_listing_the_shells() {
    let output = avatarctl().args(["completions", "tcsh"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("[possible values: bash, elvish, fish, powershell, zsh]"),
        "{stderr}"
    );
}

#[test]
fn a_reader_that_closes_early_ends_the_script_quietly() {
    let mut child = avatarctl_process()
        .args(["completions", "zsh"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Close the reading end before the script is written, as `| head -0` would.
    drop(child.stdout.take());
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert!(
        output.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn the_man_page_is_roff_and_hidden_from_the_help() {
    let output = avatarctl().arg("man").output().unwrap();
    assert!(output.status.success());
    let page = String::from_utf8(output.stdout).unwrap();
    // clap_mangen defines the `Aq` (apostrophe) string before the title; nothing else may.
    let first_macro = page
        .lines()
        .find(|line| !line.starts_with(".ie ") && !line.starts_with(".el "))
        .unwrap();
    assert!(
        first_macro.starts_with(".TH avatarctl 1 "),
        "the page does not open with its title: {first_macro}"
    );
    for needed in [".SH NAME", ".SH SYNOPSIS", ".SH OPTIONS", ".SH COMMANDS"] {
        assert!(page.contains(needed), "no {needed}:\n{page}");
    }
    assert!(page.contains("\\-\\-provider"), "{page}");
    // One page for everything: each command in place, with its own options, and no
    // references to pages of their own that `avatarctl man` does not write.
    for command in [
        "sessions list",
        "sessions get",
        "sessions stats",
        "providers",
        "completions",
    ] {
        let heading = format!(".SS \"avatarctl {command}\"");
        assert!(page.contains(&heading), "no {heading}:\n{page}");
    }
    assert!(page.contains("\\-\\-per\\-page"), "{page}");
    assert!(!page.contains("avatarctl\\-sessions"), "{page}");
    assert!(!page.contains("\"avatarctl man\""), "{page}");

    let help = avatarctl().arg("--help").output().unwrap();
    let help = String::from_utf8(help.stdout).unwrap();
    assert!(help.contains("completions"), "{help}");
    assert!(!help.contains("man "), "`man` is listed in --help:\n{help}");
}

/// The scripts in real shells.
#[cfg(unix)]
mod in_shells {
    use std::ffi::OsStr;
    use std::path::Path;
    use std::process::Command;

    use super::*;
    use crate::support::installed;

    /// A scratch home for the shell, and a working directory whose file names start with `l`,
    /// so that a script falling back to file names offers them next to `list`.
    struct Scratch {
        dir: tempfile::TempDir,
    }

    impl Scratch {
        fn new() -> Self {
            let dir = tempfile::tempdir().unwrap();
            std::fs::create_dir(dir.path().join("work")).unwrap();
            for file in ["lfile", "list.txt"] {
                std::fs::write(dir.path().join("work").join(file), "").unwrap();
            }
            // Profiles for `--profile <TAB>`, in the config file the shell's avatarctl reads.
            let config = dir.path().join(".config/avatarctl");
            std::fs::create_dir_all(&config).unwrap();
            std::fs::write(
                config.join("config.toml"),
                "[profiles.acme]\nprovider = \"anam\"\n[profiles.globex]\nprovider = \"tavus\"\n",
            )
            .unwrap();
            Self { dir }
        }

        fn path(&self) -> &Path {
            self.dir.path()
        }

        fn work(&self) -> PathBuf {
            self.path().join("work")
        }

        /// `program` with nothing of the caller's shell setup: PATH (with the binary under
        /// test first, for the scripts that ask it for profile names), a scratch HOME.
        fn shell(&self, program: &Path) -> Command {
            let binary_dir = crate::support::avatarctl_path()
                .parent()
                .unwrap()
                .to_owned();
            let inherited = std::env::var_os("PATH").unwrap_or_default();
            let path = std::env::join_paths(
                std::iter::once(binary_dir).chain(std::env::split_paths(&inherited)),
            )
            .unwrap();
            let mut command = Command::new(program);
            command
                .env_clear()
                .env("PATH", path)
                .env("HOME", self.path())
                .env("XDG_CONFIG_HOME", self.path().join(".config"))
                .env("XDG_DATA_HOME", self.path().join(".local/share"))
                .current_dir(self.work())
                .stdin(Stdio::null());
            command
        }
    }

    /// Runs a completion helper and returns the candidates it printed, one a line.
    fn candidates(mut command: Command, line: &str) -> Vec<String> {
        let output = command.output().unwrap();
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(
            output.status.success(),
            "completing {line:?} failed ({}): {}{}",
            output.status,
            stdout,
            String::from_utf8_lossy(&output.stderr)
        );
        // fish prints `candidate<TAB>description`.
        stdout
            .lines()
            .map(|l| l.split('\t').next().unwrap_or_default().to_owned())
            .filter(|l| !l.is_empty())
            .collect()
    }

    /// What each shell must offer, whatever the shell: (line, check).
    fn check_the_shell(shell: &str, complete: impl Fn(&str) -> Vec<String>) {
        let sorted = |line: &str| {
            let mut found = complete(line);
            found.sort();
            found
        };
        // The subcommand position: `list` and its alias, and no file names.
        assert_eq!(sorted("avatarctl sessions l"), ["list", "ls"], "{shell}");
        assert_eq!(sorted("avatarctl session g"), ["get"], "{shell}");
        // Values of an argument and of an option.
        assert_eq!(sorted("avatarctl completions f"), ["fish"], "{shell}");
        assert_eq!(sorted("avatarctl --output n"), ["ndjson"], "{shell}");
        assert_eq!(
            sorted("avatarctl -p a"),
            ["agenthuman", "all", "anam"],
            "{shell}"
        );
        assert_eq!(sorted("avatarctl sessions list -o c"), ["csv"], "{shell}");
        // The keys of --by, and the field names of the command's records for --fields.
        assert_eq!(
            sorted("avatarctl sessions stats --by mo"),
            ["month"],
            "{shell}"
        );
        assert_eq!(
            sorted("avatarctl sessions list --fields persona_"),
            ["persona_id", "persona_name"],
            "{shell}"
        );
        assert_eq!(
            sorted("avatarctl sessions get --columns ended"),
            ["ended_at"],
            "{shell}"
        );
        assert_eq!(
            sorted("avatarctl session transcript --fields rol"),
            ["role"],
            "{shell}"
        );
        // Profile names, asked of the binary as the user types.
        assert_eq!(
            sorted("avatarctl --profile "),
            ["acme", "globex"],
            "{shell}"
        );
        assert_eq!(
            sorted("avatarctl sessions list --profile g"),
            ["globex"],
            "{shell}"
        );
        assert_eq!(
            sorted("avatarctl usage --fields minutes_u"),
            ["minutes_used"],
            "{shell}"
        );
        // The commands, without the hidden `man`.
        let top = complete("avatarctl ");
        for command in ["sessions", "providers", "completions"] {
            assert!(
                top.iter().any(|c| c == command),
                "{shell}: {command}: {top:?}"
            );
        }
        assert!(
            !top.iter().any(|c| c == "man"),
            "{shell} offers man: {top:?}"
        );
    }

    fn helper(name: &str) -> PathBuf {
        repository().join("tests/shells").join(name)
    }

    #[test]
    fn bash_completes_the_committed_script() {
        let Some(bash) = installed("bash") else {
            return;
        };
        let scratch = Scratch::new();
        check_the_shell("bash", |line| {
            let mut command = scratch.shell(&bash);
            command
                .args(["--norc", "--noprofile"])
                .arg(helper("complete.bash"))
                .arg(committed("avatarctl.bash"))
                .arg(line);
            candidates(command, line)
        });
    }

    #[test]
    fn zsh_completes_the_committed_script() {
        let Some(zsh) = installed("zsh") else { return };
        let scratch = Scratch::new();
        // Installed the way README.md says: `_avatarctl` in a directory on fpath.
        let functions = scratch.path().join("zfunc");
        std::fs::create_dir(&functions).unwrap();
        std::fs::copy(committed("_avatarctl"), functions.join("_avatarctl")).unwrap();
        check_the_shell("zsh", |line| {
            let mut command = scratch.shell(&zsh);
            command.arg("-f").arg(helper("complete.zsh")).args([
                functions.as_os_str(),
                scratch.work().as_os_str(),
                OsStr::new(line),
            ]);
            candidates(command, line)
        });
    }

    #[test]
    fn fish_completes_the_committed_script() {
        let Some(fish) = installed("fish") else {
            return;
        };
        let scratch = Scratch::new();
        check_the_shell("fish", |line| {
            let mut command = scratch.shell(&fish);
            command
                .args([
                    "--no-config",
                    "-c",
                    "source $argv[1]; and complete -C $argv[2]",
                ])
                .arg(committed("avatarctl.fish"))
                .arg(line);
            candidates(command, line)
        });
    }
}

/// README's exit-code table, `avatarctl --help` and the man page say the same, from one source.
#[test]
fn readme_help_and_man_agree_on_the_exit_codes() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let section = readme
        .split("## Exit codes")
        .nth(1)
        .expect("an exit-code section");
    let table: Vec<(u8, String)> = section
        .lines()
        .skip_while(|l| !l.starts_with("| code"))
        .skip(2)
        .take_while(|l| l.starts_with('|'))
        .map(|l| {
            let (code, meaning) = l.trim_matches('|').split_once('|').unwrap();
            (
                code.trim().parse().unwrap(),
                meaning.trim().replace("\\|", "|"),
            )
        })
        .collect();
    let expected: Vec<(u8, String)> = avatarctl::cli::docs::EXIT_CODES
        .iter()
        .map(|(code, meaning)| (*code, (*meaning).to_owned()))
        .collect();
    assert_eq!(table, expected, "README's table is not src/cli/docs.rs's");
    let help = crate::support::avatarctl().arg("--help").output().unwrap();
    let help = String::from_utf8(help.stdout).unwrap();
    let flat = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    let man = crate::support::avatarctl().arg("man").output().unwrap();
    let man = String::from_utf8(man.stdout).unwrap().replace("\\-", "-");
    for (code, meaning) in &expected {
        assert!(
            flat(&help).contains(&format!("{code} {}", flat(meaning))),
            "--help lacks {code}"
        );
        assert!(
            man.contains(&format!("\\fB{code}\\fR\n{meaning}")),
            "man lacks {code}"
        );
    }
}
