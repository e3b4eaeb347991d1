//! Terminal and CI conventions: colors only on a terminal, as `--color`, NO_COLOR, CLICOLOR,
//! CLICOLOR_FORCE and TERM say; no pager; and under GitHub Actions (`GITHUB_ACTIONS=true`)
//! each error also as an `::error::` annotation on stderr.

use serde_json::json;

use crate::support::{FakeAnam, FakeServer, Reply, avatarctl, avatarctl_anam};

const KEY: &str = "anam-terminal-key";
const ESC: char = '\x1b';

/// Three sessions: two ended, one active, so the STATUS column has words to color.
fn anam() -> FakeServer {
    FakeAnam::new(KEY).with_sessions(3).start()
}

/// The table `sessions list` prints with `args` and the extra env vars, stdout piped.
fn table(server: &FakeServer, args: &[&str], vars: &[(&str, &str)]) -> String {
    let mut command = avatarctl_anam(server, KEY);
    command.args(["sessions", "list"]).args(args);
    for (name, value) in vars {
        command.env(name, value);
    }
    let output = command.output().unwrap();
    assert!(
        output.status.success(),
        "{args:?} {vars:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn piped_output_is_colored_only_when_forced_or_asked() {
    let server = anam();
    let colored = |args: &[&str], vars: &[(&str, &str)]| table(&server, args, vars).contains(ESC);
    // (flags, env vars, colored?)
    type Case<'a> = (&'a [&'a str], &'a [(&'a str, &'a str)], bool);
    let cases: [Case; 11] = [
        (&[], &[], false),
        (&[], &[("TERM", "xterm-256color")], false),
        (&[], &[("CLICOLOR", "1")], false),
        (&[], &[("CLICOLOR_FORCE", "1")], true),
        // Any non-empty value forces, "0" too, as the clicolors spec now says (anstyle-query
        // follows it); an empty one is unset.
        (&[], &[("CLICOLOR_FORCE", "0")], true),
        (&[], &[("CLICOLOR_FORCE", "")], false),
        (&[], &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")], false),
        // An empty NO_COLOR is no request (no-color.org).
        (&[], &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "")], true),
        (&["--color", "always"], &[], true),
        // The flag is the most specific request, so it wins over the environment.
        (&["--color", "always"], &[("NO_COLOR", "1")], true),
        (&["--color", "never"], &[("CLICOLOR_FORCE", "1")], false),
    ];
    for (args, vars, expected) in cases {
        assert_eq!(colored(args, vars), expected, "{args:?} {vars:?}");
    }
    // Colors change the decoration only: the same words, in the same places.
    let plain = table(&server, &["--color", "never"], &[]);
    let forced = table(&server, &["--color", "always"], &[]);
    assert_eq!(strip_ansi(&forced).lines().count(), plain.lines().count());
    for (forced, plain) in strip_ansi(&forced).lines().zip(plain.lines()) {
        assert_eq!(forced.trim_end(), plain);
    }
}

#[test]
fn data_formats_never_carry_colors() {
    let server = anam();
    for format in ["json", "ndjson", "csv"] {
        let text = table(
            &server,
            &["-o", format, "--color", "always"],
            &[("CLICOLOR_FORCE", "1")],
        );
        assert!(!text.contains(ESC), "{format}: {text:?}");
        assert!(text.contains("00000000-0000-4000-8000-000000000002"));
    }
}

/// Removes `ESC [ … m` sequences.
fn strip_ansi(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == ESC {
            chars.by_ref().find(|&c| c == 'm');
        } else {
            out.push(c);
        }
    }
    out
}

/// Runs `avatarctl sessions list` on a pseudo-terminal with util-linux `script`, which is
/// how a person at a terminal sees it: stdout and stderr are the terminal.
#[cfg(target_os = "linux")]
mod on_a_terminal {
    use super::*;
    use crate::support::{avatarctl_path, clean_process, installed};

    fn on_terminal(server: &FakeServer, vars: &[(&str, &str)]) -> Option<String> {
        sized_terminal(server, 160, "", vars)
    }

    /// `avatarctl sessions list <args>` on a terminal `cols` wide.
    fn sized_terminal(
        server: &FakeServer,
        cols: u16,
        args: &str,
        vars: &[(&str, &str)],
    ) -> Option<String> {
        terminal_run(server, cols, &format!("sessions list {args}"), vars)
    }

    /// `avatarctl <command>` on a terminal `cols` wide.
    fn terminal_run(
        server: &FakeServer,
        cols: u16,
        command_line: &str,
        vars: &[(&str, &str)],
    ) -> Option<String> {
        let script = installed("script")?;
        let binary = avatarctl_path().to_str().unwrap();
        assert!(!binary.contains('\''), "{binary}");
        let mut command = clean_process(script);
        command
            .args(["--quiet", "--return", "--command"])
            // A pseudo-terminal starts with no size; give it one, as a real terminal has.
            .arg(format!(
                "stty cols {cols} rows 40; exec '{binary}' {command_line}"
            ))
            .arg("/dev/null")
            .env("SHELL", "/bin/sh")
            .env("AVATARCTL_PROVIDER", "anam")
            .env("AVATARCTL_BASE_URL", server.url())
            .env("ANAM_API_KEY", KEY)
            .env_remove("TERM")
            .stdin(std::process::Stdio::null());
        for (name, value) in vars {
            command.env(name, value);
        }
        let output = command.output().unwrap();
        let text = String::from_utf8(output.stdout).unwrap();
        assert!(output.status.success(), "{vars:?}: {text}");
        Some(text)
    }

    #[test]
    fn a_terminal_gets_colors_unless_term_no_color_or_clicolor_say_no() {
        let server = anam();
        let Some(text) = on_terminal(&server, &[("TERM", "xterm-256color")]) else {
            return;
        };
        assert!(text.contains(ESC), "{text:?}");
        assert!(
            text.contains("00000000-0000-4000-8000-000000000002"),
            "{text:?}"
        );
        let cases: [&[(&str, &str)]; 4] = [
            &[("TERM", "dumb")],
            // No TERM at all: nothing says the terminal knows escape sequences.
            &[],
            &[("TERM", "xterm-256color"), ("NO_COLOR", "1")],
            &[("TERM", "xterm-256color"), ("CLICOLOR", "0")],
        ];
        for vars in cases {
            let text = on_terminal(&server, vars).unwrap();
            assert!(!text.contains(ESC), "{vars:?}: {text:?}");
            assert!(
                text.contains("00000000-0000-4000-8000-000000000002"),
                "{text:?}"
            );
        }
    }

    /// The lines of a terminal's output, without the CRs the terminal adds.
    fn screen_lines(text: &str) -> Vec<String> {
        text.lines()
            .map(|l| l.trim_end_matches('\r').to_owned())
            .collect()
    }

    fn display_width(line: &str) -> usize {
        line.chars().count()
    }

    #[test]
    fn a_transcript_wraps_to_the_terminal_and_is_never_cut() {
        let id = "00000000-0000-4000-8000-000000000001";
        let long = "word ".repeat(60);
        let body = serde_json::json!({"startTime": "2026-04-20T09:00:00Z", "messages": [
            {"role": "persona", "message": long.trim_end(), "timestamp": "2026-04-20T09:00:01Z"}
        ]});
        let server = FakeAnam::new(KEY)
            .with_resource(id, "transcript", body)
            .start();
        let Some(text) = terminal_run(&server, 60, &format!("sessions transcript {id}"), &[])
        else {
            return;
        };
        let lines = screen_lines(&text);
        assert_eq!(
            text.matches("word").count(),
            60,
            "wrapped, never cut: {text}"
        );
        assert!(lines.len() > 3, "{text}");
        assert!(lines.iter().all(|l| display_width(l) <= 60), "{text}");
        assert!(!text.contains('…'), "{text}");
    }

    #[test]
    fn a_table_fits_the_terminal_and_never_cuts_an_id() {
        let server = anam();
        for cols in [80u16, 100] {
            let Some(text) = sized_terminal(&server, cols, "", &[]) else {
                return;
            };
            // The table's lines; a note on stderr is not the table.
            let lines: Vec<String> = screen_lines(&text)
                .into_iter()
                .filter(|l| !l.starts_with("note: "))
                .collect();
            for line in &lines {
                assert!(
                    display_width(line) <= usize::from(cols),
                    "{cols}: {line:?}\n{text}"
                );
            }
            for i in 0..3 {
                let id = format!("00000000-0000-4000-8000-00000000000{i}");
                assert!(
                    lines.iter().any(|l| l.starts_with(&id)),
                    "{cols}: {id} whole:\n{text}"
                );
            }
            assert!(lines[0].starts_with("ID "), "{text}");
            assert!(text.contains("STARTED AT (+00:00)"), "{cols}: {text}");
        }
        let narrow = sized_terminal(&server, 100, "", &[]).unwrap();
        assert!(narrow.contains('…'), "a text column is cut: {narrow}");
        let tight = sized_terminal(&server, 80, "", &[]).unwrap();
        let note = screen_lines(&tight)
            .into_iter()
            .position(|l| l.contains("left out to fit"));
        assert_eq!(
            note,
            Some(4),
            "the note follows the table (a header and three rows):\n{tight}"
        );
    }

    #[test]
    fn wide_shows_every_column_uncut_and_no_headers_leaves_the_header_out() {
        let server = anam();
        let Some(text) = sized_terminal(&server, 80, "--wide", &[]) else {
            return;
        };
        assert!(!text.contains('…'), "{text}");
        assert!(
            text.contains("END REASON") && text.contains("NORMAL_EXIT"),
            "{text}"
        );
        assert!(
            screen_lines(&text).iter().any(|l| display_width(l) > 80),
            "{text}"
        );
        let text = sized_terminal(&server, 160, "--no-headers", &[]).unwrap();
        assert!(
            screen_lines(&text)[0].starts_with("00000000-0000-4000-8000-000000000000"),
            "{text}"
        );
    }

    #[test]
    fn a_terminal_is_never_paged() {
        let server = anam();
        // A pager that was started would swallow the table and print this instead.
        let pager = "sh -c 'cat >/dev/null; echo PAGED'";
        let vars = [("TERM", "xterm-256color"), ("PAGER", pager), ("LESS", "")];
        let Some(text) = on_terminal(&server, &vars) else {
            return;
        };
        assert!(!text.contains("PAGED"), "{text}");
        for i in 0..3 {
            let id = format!("00000000-0000-4000-8000-00000000000{i}");
            assert!(text.contains(&id), "{text}");
        }
    }
}

// ---- GitHub Actions annotations ----

fn stderr_lines(output: &std::process::Output) -> Vec<String> {
    String::from_utf8_lossy(&output.stderr)
        .lines()
        .map(str::to_owned)
        .collect()
}

#[test]
fn under_github_actions_an_error_is_also_an_annotation() {
    // A usage error, found before any request.
    let output = avatarctl()
        .env("GITHUB_ACTIONS", "true")
        .args(["sessions", "list"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    let lines = stderr_lines(&output);
    let message = lines[0]
        .strip_prefix("error: ")
        .expect("an error line first");
    assert!(message.starts_with("no provider selected"), "{message}");
    assert_eq!(lines[1], format!("::error::{message}"));
    assert_eq!(lines.len(), 2, "{lines:?}");

    // A bad flag, reported by clap: its first line becomes the annotation.
    let output = avatarctl()
        .env("GITHUB_ACTIONS", "true")
        .args(["sessions", "list", "--bogus"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let lines = stderr_lines(&output);
    assert_eq!(lines[0], "error: unexpected argument '--bogus' found");
    assert_eq!(
        lines.last().unwrap(),
        "::error::unexpected argument '--bogus' found"
    );
}

#[test]
fn an_annotation_escapes_what_the_provider_said() {
    let server = FakeServer::start(|_| {
        Reply::json(401, &json!({"message": "key 100% expired\r\nrotate it"}))
    });
    let output = avatarctl_anam(&server, KEY)
        .env("GITHUB_ACTIONS", "true")
        .args(["sessions", "list"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(4));
    let lines = stderr_lines(&output);
    assert_eq!(
        lines.len(),
        2,
        "one error line and one annotation: {lines:?}"
    );
    let message = lines[0].strip_prefix("error: ").unwrap();
    assert!(message.contains("key 100% expired"), "{message}");
    let annotation = lines[1].strip_prefix("::error::").unwrap();
    assert_eq!(
        annotation,
        message
            .replace('%', "%25")
            .replace('\r', "%0D")
            .replace('\n', "%0A")
    );
    assert!(annotation.contains("key 100%25 expired"), "{annotation}");
}

#[test]
fn outside_github_actions_there_is_no_annotation() {
    for value in [None, Some("false"), Some("")] {
        let mut command = avatarctl();
        command.args(["sessions", "list"]);
        if let Some(value) = value {
            command.env("GITHUB_ACTIONS", value);
        }
        let output = command.output().unwrap();
        assert_eq!(output.status.code(), Some(2));
        let lines = stderr_lines(&output);
        assert_eq!(lines.len(), 1, "GITHUB_ACTIONS={value:?}: {lines:?}");
        assert!(lines[0].starts_with("error: "), "{lines:?}");
    }
}
