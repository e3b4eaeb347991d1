//! `avatarctl completions <SHELL>`: a script generated from the command tree in
//! [`crate::cli`], so it can never drift from the real flags.
//!
//! It only builds the clap `Command`; no configuration is resolved and no HTTP client is
//! made, so it works without an API key or a network.

use std::io::{self, Write};

use clap::{Command, CommandFactory};
use clap_complete::Shell;

use crate::cli::Cli;
use crate::config::{EnvLookup, profile_names};

/// The name the scripts complete, and the man page's title.
pub(crate) const BIN_NAME: &str = "avatarctl";

/// Writes the completion script for `shell`.
pub fn write_completions(shell: Shell, out: &mut dyn Write) -> io::Result<()> {
    // clap_complete panics when its writer fails; render into memory so that a closed pipe
    // (`avatarctl completions bash | head`) is an ordinary I/O error for `main` to handle.
    let mut command = visible_command();
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, BIN_NAME, &mut script);
    match shell {
        Shell::Fish => {
            script = repair_fish(&String::from_utf8_lossy(&script), &command).into_bytes();
        }
        Shell::Zsh => script = repair_zsh(&String::from_utf8_lossy(&script)).into_bytes(),
        _ => {}
    }
    if let Some(script_text) = complete_profiles(shell, &String::from_utf8_lossy(&script)) {
        script = script_text.into_bytes();
    }
    out.write_all(&script)
}

/// The hidden command the scripts run to complete `--profile`.
const PROFILES_COMMAND: &str = "complete-profiles";

/// `avatarctl complete-profiles`: the profile names, one a line.
pub fn write_profile_names(env: EnvLookup, out: &mut dyn Write) -> io::Result<()> {
    for name in profile_names(env) {
        writeln!(out, "{name}")?;
    }
    Ok(())
}

/// Makes `--profile <TAB>` offer the config file's profile names, asked of the binary as the
/// user types (a profile is the user's own, so no script can list them ahead of time): bash,
/// zsh and fish run `avatarctl complete-profiles`, where clap_complete would offer file names.
/// PowerShell and elvish scripts offer nothing there, as before.
fn complete_profiles(shell: Shell, script: &str) -> Option<String> {
    let ask = format!("{BIN_NAME} {PROFILES_COMMAND} 2>/dev/null");
    let mut out = String::with_capacity(script.len() + 1024);
    let mut after_case = false;
    for line in script.split_inclusive('\n') {
        let trimmed = line.trim_start();
        let repaired = match shell {
            // The line after a `--profile)` case: `COMPREPLY=($(compgen -f "${cur}"))`.
            Shell::Bash if after_case => line.replacen(
                r#"compgen -f "${cur}""#,
                &format!(r#"compgen -W "$({ask})" -- "${{cur}}""#),
                1,
            ),
            Shell::Zsh if trimmed.starts_with("'--profile=[") => line.replacen(
                ":NAME:_default'",
                &format!(r#":NAME:{{compadd -- ${{(f)"$({ask})"}}}}'"#),
                1,
            ),
            Shell::Fish if trimmed.contains(" -l profile ") => {
                let end = line.trim_end();
                format!("{end} -f -a '({ask})'\n")
            }
            Shell::Bash | Shell::Zsh | Shell::Fish => line.to_owned(),
            _ => return None,
        };
        after_case = shell == Shell::Bash && trimmed.trim_end() == "--profile)";
        out.push_str(&repaired);
    }
    Some(out)
}

/// The command tree without its hidden subcommands (`man`).
///
/// clap_complete offers hidden subcommands like any other (clap issue #1335), and clap has no
/// way to remove a subcommand, so the root is put together again from the declared one: the
/// same arguments, the visible subcommands, and the root settings that completions read.
pub(crate) fn visible_command() -> Command {
    let full = Cli::command();
    Command::new(BIN_NAME)
        .about(full.get_about().cloned().unwrap_or_default())
        .long_about(full.get_long_about().cloned().unwrap_or_default())
        .version(env!("CARGO_PKG_VERSION"))
        .propagate_version(full.is_propagate_version_set())
        .subcommand_required(full.is_subcommand_required_set())
        .arg_required_else_help(full.is_arg_required_else_help_set())
        .args(full.get_arguments().cloned())
        .subcommands(full.get_subcommands().filter(|c| !c.is_hide_set()).cloned())
}

/// Fills two places where clap_complete's fish script completes nothing, so that fish falls
/// back to offering file names there (found by running the script in fish; see
/// `tests/cli/completions.rs`):
///
/// - the value of a root option, `avatarctl --output <TAB>`: the script's "needs a command"
///   guard parses the root options with `argparse`, which fails while an option still waits
///   for its value, and the guard then says no. At the root, it should say yes.
/// - a positional argument with fixed values, `avatarctl completions <TAB>`: the fish
///   generator writes entries for options only (clap issue #6295), so one entry per such
///   command is appended, with the condition the generator uses for that command's options.
fn repair_fish(script: &str, command: &Command) -> String {
    const GUARD: &str = "-- $cmd 2>/dev/null\n    or return\n";
    let mut script = script.replacen(GUARD, "-- $cmd 2>/dev/null\n    or return 0\n", 1);
    for (condition, values) in fish_positional_values(command) {
        script.push_str(&format!(
            "complete -c {BIN_NAME} -n \"{condition}\" -f -a \"{}\"\n",
            values.join(" ")
        ));
    }
    script
}

/// Makes zsh complete an option's value with the spec of the command it is given to.
///
/// clap_complete's zsh script has one `_arguments` call per level. Without `-A`, `_arguments`
/// parses options anywhere on the line, so the root's call claims `--fields` even after
/// `sessions list`, and completes its value with the root's free-form spec instead of the
/// field names `sessions list` offers (found by running the script in zsh; see
/// `tests/cli/completions.rs`). `-A "-*"` makes a level stop at its first non-option word:
/// given to the calls of levels whose only positional is their subcommand, it hands every
/// word after the subcommand to that subcommand's own call.
fn repair_zsh(script: &str) -> String {
    const CALL: &str = "_arguments \"${_arguments_options[@]}\" : \\";
    const STOPPING: &str = "_arguments \"${_arguments_options[@]}\" -A \"-*\" : \\";
    let lines: Vec<&str> = script.split_inclusive('\n').collect();
    let mut out = String::with_capacity(script.len() + 256);
    for (i, line) in lines.iter().enumerate() {
        let call_of_a_parent = line.trim_start().starts_with(CALL)
            && lines[i + 1..]
                .iter()
                .take_while(|spec| !spec.contains("&& ret=0"))
                .any(|spec| spec.starts_with("\"*::: :->"));
        match call_of_a_parent {
            true => out.push_str(&line.replacen(CALL, STOPPING, 1)),
            false => out.push_str(line),
        }
    }
    out
}

/// For each subcommand (one and two levels down, as the fish generator writes them) whose
/// positional arguments take fixed values: the fish condition for that subcommand, and the
/// values.
fn fish_positional_values(root: &Command) -> Vec<(String, Vec<String>)> {
    let names = |c: &Command| -> Vec<String> {
        std::iter::once(c.get_name())
            .chain(c.get_visible_aliases())
            .map(str::to_owned)
            .collect()
    };
    let values = |c: &Command| -> Vec<String> {
        c.get_positionals()
            .flat_map(|arg| arg.get_possible_values())
            .filter(|value| !value.is_hide_set())
            .map(|value| value.get_name().to_owned())
            .collect()
    };
    let children = |c: &Command| -> Vec<String> { c.get_subcommands().flat_map(names).collect() };
    let using = format!("__fish_{}_using_subcommand", BIN_NAME.replace('-', "_"));
    let mut entries = Vec::new();
    for command in root.get_subcommands() {
        for name in names(command) {
            let condition = format!("{using} {name}");
            let own = values(command);
            if !own.is_empty() {
                let not_nested = match children(command).as_slice() {
                    [] => String::new(),
                    nested => format!("; and not __fish_seen_subcommand_from {}", nested.join(" ")),
                };
                entries.push((format!("{condition}{not_nested}"), own));
            }
            for nested in command.get_subcommands() {
                let nested_values = values(nested);
                if !nested_values.is_empty() {
                    let seen = names(nested).join(" ");
                    let condition = format!("{condition}; and __fish_seen_subcommand_from {seen}");
                    entries.push((condition, nested_values));
                }
            }
        }
    }
    entries
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::tests::{Closed, text};
    use clap::ValueEnum;

    #[test]
    fn completions_cover_the_declared_tree_except_hidden_commands() {
        let full = Cli::command();
        let visible = visible_command();
        visible.clone().debug_assert();
        let ids = |c: &Command| -> Vec<String> {
            c.get_arguments().map(|a| a.get_id().to_string()).collect()
        };
        assert_eq!(ids(&visible), ids(&full));
        let names = |c: &Command| -> Vec<String> {
            c.get_subcommands()
                .filter(|s| !s.is_hide_set())
                .map(|s| s.get_name().to_owned())
                .collect()
        };
        assert_eq!(names(&visible), names(&full));
        assert!(full.find_subcommand("man").is_some());
        assert!(visible.find_subcommand("man").is_none());
        assert_eq!(visible.get_version(), full.get_version());
        assert_eq!(
            visible.is_subcommand_required_set(),
            full.is_subcommand_required_set()
        );
    }

    #[test]
    fn every_shell_gets_a_script_that_knows_the_subcommands() {
        for shell in Shell::value_variants() {
            let script = text(|out| write_completions(*shell, out));
            assert!(script.contains("sessions"), "{shell}");
            assert!(script.contains("list"), "{shell}");
            assert!(script.contains("provider"), "{shell}: global options");
            assert!(!script.contains("roff"), "{shell}: offers the hidden `man`");
        }
    }

    #[test]
    fn the_zsh_script_stops_each_parent_level_at_its_subcommand() {
        let mut script = Vec::new();
        write_completions(Shell::Zsh, &mut script).unwrap();
        let script = String::from_utf8(script).unwrap();
        let stopping = script.matches(r#"_arguments "${_arguments_options[@]}" -A "-*" :"#);
        // The root, sessions (and its help), auth (and its help), and the root's help.
        assert!(stopping.count() >= 4, "{script}");
        // A leaf such as `sessions get`, whose IDs follow its options, is left as it was.
        let get = script
            .split("(get)\n")
            .nth(1)
            .and_then(|rest| rest.lines().next())
            .unwrap();
        assert_eq!(get, r#"_arguments "${_arguments_options[@]}" : \"#);
    }

    #[test]
    fn the_fish_script_is_repaired_where_fish_would_offer_file_names() {
        let script = text(|out| write_completions(Shell::Fish, out));
        assert!(
            script.contains("-- $cmd 2>/dev/null\n    or return 0\n"),
            "the fish generator's guard changed; revisit repair_fish:\n{script}"
        );
        assert!(script.ends_with(
            "complete -c avatarctl -n \"__fish_avatarctl_using_subcommand completions\" \
             -f -a \"bash elvish fish powershell zsh\"\n"
        ));
    }

    #[test]
    fn positional_values_are_found_one_and_two_levels_down() {
        let root = Command::new("avatarctl")
            .subcommand(Command::new("free").arg(clap::Arg::new("text")))
            .subcommand(
                Command::new("top")
                    .visible_alias("t")
                    .arg(clap::Arg::new("v").value_parser(["a", "b"]))
                    .subcommand(Command::new("inner").arg(clap::Arg::new("w").value_parser(["c"]))),
            );
        let using = "__fish_avatarctl_using_subcommand";
        let expected = |name: &str| {
            [
                (
                    format!("{using} {name}; and not __fish_seen_subcommand_from inner"),
                    vec!["a".to_owned(), "b".to_owned()],
                ),
                (
                    format!("{using} {name}; and __fish_seen_subcommand_from inner"),
                    vec!["c".to_owned()],
                ),
            ]
        };
        let mut all = expected("top").to_vec();
        all.extend(expected("t"));
        assert_eq!(fish_positional_values(&root), all);
    }

    #[test]
    fn a_failing_writer_is_an_error_not_a_panic() {
        let error = write_completions(Shell::Bash, &mut Closed).unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::BrokenPipe);
    }
}
