//! Output options: `-o` and `AVATARCTL_OUTPUT`, `--fields` (dotted raw paths, unknown names),
//! `--raw` lists, `--utc` and local time zones, `--color` / `NO_COLOR`, and tables that
//! neutralise control characters and are not cut to a width when piped.

use serde_json::{Value, json};

use crate::support::anam::{self, SECRET};
use crate::support::{self as s, ANAM_KEY, FakeAnam, FakeServer, Run, run};

fn list(server: &FakeServer, args: &[&str]) -> Run {
    run(
        s::avatarctl_anam(server, ANAM_KEY)
            .args(["sessions", "list"])
            .args(args),
        ANAM_KEY,
    )
}

/// Generated Anam session `i` with another client label and persona name.
fn labelled(i: usize, label: &str, persona: &str) -> Value {
    let mut session = anam::session(i);
    session["clientLabel"] = json!(label);
    session["personaConfig"]["name"] = json!(persona);
    session
}

/// The cells of a table line: columns are separated by at least three spaces.
fn cells(line: &str) -> Vec<&str> {
    line.split("   ")
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect()
}

#[test]
fn the_default_format_is_a_table_even_when_piped() {
    let server = FakeAnam::new(ANAM_KEY).with_sessions(3).start();
    let run = list(&server, &[]);
    let lines: Vec<&str> = run.quiet_success().lines().collect();
    assert_eq!(
        cells(lines[0]),
        [
            "ID",
            "STATUS",
            "STARTED AT",
            "DURATION",
            "PERSONA NAME",
            "END REASON"
        ]
    );
    assert_eq!(
        cells(lines[1]),
        [
            anam::session_id(0).as_str(),
            "ended",
            "2026-04-20 09:00:00 +00:00",
            "1m",
            "Cara",
            "NORMAL_EXIT"
        ]
    );
    assert_eq!(
        cells(lines[3])[1..4],
        ["active", "2026-04-20 09:20:00 +00:00", "-"]
    );
    assert_eq!(lines.len(), 4);
}

#[test]
fn the_output_env_var_sets_the_default_and_the_flag_wins() {
    let server = FakeAnam::new(ANAM_KEY).with_sessions(2).start();
    let by_env = |format: &str, args: &[&str]| {
        run(
            s::avatarctl_anam(&server, ANAM_KEY)
                .env("AVATARCTL_OUTPUT", format)
                .args(["sessions", "list"])
                .args(args),
            ANAM_KEY,
        )
    };
    assert_eq!(by_env("ndjson", &[]).ndjson().len(), 2);
    assert!(
        by_env("csv", &[])
            .quiet_success()
            .starts_with("provider,id,status,")
    );
    assert!(by_env("json", &[]).json().is_array());
    let flag_wins = by_env("csv", &["-o", "json"]);
    assert_eq!(flag_wins.json().as_array().map(Vec::len), Some(2));
    let bad = Run::of(
        s::avatarctl_anam(&server, ANAM_KEY)
            .env("AVATARCTL_OUTPUT", "yaml")
            .args(["sessions", "list"]),
    );
    bad.parse_error();
}

#[test]
fn json_keys_follow_the_documented_order() {
    let server = FakeAnam::new(ANAM_KEY).with_sessions(1).start();
    let sessions = list(&server, &["-o", "json"]).json();
    let keys: Vec<&String> = sessions[0].as_object().unwrap().keys().collect();
    let mut expected = crate::support::SESSION_FIELDS.to_vec();
    expected.push("raw");
    assert_eq!(keys, expected);
}

#[test]
fn fields_select_top_level_and_dotted_raw_paths_in_every_format() {
    let server = FakeAnam::new(ANAM_KEY).with_sessions(2).start();
    let fields = "id,status,raw.personaConfig.llmConfig.modelName,raw.no.such.path";
    let json = list(&server, &["-o", "json", "--fields", fields]).json();
    assert_eq!(
        json,
        json!([
            {"id": anam::session_id(0), "status": "ended",
             "raw.personaConfig.llmConfig.modelName": "gpt-4o", "raw.no.such.path": null},
            {"id": anam::session_id(1), "status": "ended",
             "raw.personaConfig.llmConfig.modelName": "gpt-4o", "raw.no.such.path": null},
        ])
    );
    let csv = list(&server, &["-o", "csv", "--fields", fields]);
    assert_eq!(
        csv.quiet_success(),
        format!(
            "id,status,raw.personaConfig.llmConfig.modelName,raw.no.such.path\n{},ended,gpt-4o,\n{},ended,gpt-4o,\n",
            anam::session_id(0),
            anam::session_id(1)
        )
    );
    // --columns is the same option.
    let table = list(&server, &["--columns", fields]);
    let lines: Vec<&str> = table.quiet_success().lines().collect();
    assert_eq!(
        cells(lines[0]),
        [
            "ID",
            "STATUS",
            "raw.personaConfig.llmConfig.modelName",
            "raw.no.such.path"
        ]
    );
    assert_eq!(
        cells(lines[2]),
        [anam::session_id(1).as_str(), "ended", "gpt-4o", "-"]
    );
}

#[test]
fn an_unknown_field_is_a_usage_error_listing_the_valid_ones() {
    let server = FakeAnam::new(ANAM_KEY).with_sessions(1).start();
    let run = list(&server, &["--fields", "id,persona"]);
    assert_eq!(
        run.usage_error(),
        "--fields: unknown field \"persona\" — valid fields: provider, id, status, end_reason, \
         started_at, ended_at, duration_ms, persona_id, persona_name, label, created_at, raw \
         (and raw.<path> for provider fields)"
    );
    let run = list(&server, &["--fields", "status.code"]);
    assert!(
        run.usage_error().contains("has no sub-fields"),
        "{}",
        run.stderr
    );
    assert_eq!(server.request_count(), 0);
}

/// A repeated field would make a JSON object one key short and a CSV row one cell short of
/// its header; it is refused before any request, naming the field.
#[test]
fn a_field_named_twice_is_a_usage_error() {
    let server = FakeAnam::new(ANAM_KEY).with_sessions(1).start();
    for format in ["csv", "json", "table"] {
        let run = list(&server, &["-o", format, "--fields", "id,status,id"]);
        assert_eq!(
            run.usage_error(),
            "--fields names \"id\" twice — list each field once",
            "-o {format}"
        );
    }
    let run = list(
        &server,
        &["--fields", "raw.personaConfig.name,raw.personaConfig.name"],
    );
    assert_eq!(
        run.usage_error(),
        "--fields names \"raw.personaConfig.name\" twice — list each field once"
    );
    assert_eq!(server.request_count(), 0);
}

#[test]
fn fields_cannot_reach_a_redacted_credential() {
    let server = FakeAnam::new(ANAM_KEY).with_sessions(1).start();
    let path = "raw.personaConfig.llmConfig.encrypted_secret";
    for format in ["json", "csv", "table"] {
        let run = list(&server, &["-o", format, "--fields", path]);
        run.assert_hides(SECRET);
        assert!(
            run.stdout.contains("[REDACTED]"),
            "{format}: {}",
            run.stdout
        );
    }
}

#[test]
fn raw_lists_are_the_provider_objects() {
    let server = FakeAnam::new(ANAM_KEY).with_sessions(2).start();
    let expected: Vec<Value> = (0..2)
        .map(|i| {
            let mut session = anam::session(i);
            session["personaConfig"]["llmConfig"]["encrypted_secret"] = json!("[REDACTED]");
            session
        })
        .collect();
    assert_eq!(
        list(&server, &["--raw", "-o", "json"]).json(),
        json!(expected)
    );
    assert_eq!(list(&server, &["--raw", "-o", "ndjson"]).ndjson(), expected);
    let run = list(&server, &["--raw", "-o", "csv"]);
    assert!(
        run.usage_error()
            .contains("--raw applies to -o json and -o ndjson"),
        "{}",
        run.stderr
    );
}

#[test]
fn utc_and_local_time_zones_in_tables() {
    let server = FakeAnam::new(ANAM_KEY).with_sessions(2).start();
    let started = |tz: &str, args: &[&str]| {
        let run = run(
            s::avatarctl_anam(&server, ANAM_KEY)
                .env("TZ", tz)
                .args(["sessions", "list", "--fields", "id,started_at"])
                .args(args),
            ANAM_KEY,
        );
        let second = run.quiet_success().lines().nth(2).unwrap().to_owned();
        cells(&second)[1].to_owned()
    };
    assert_eq!(started("UTC", &[]), "2026-04-20 09:10:00 +00:00");
    assert_eq!(started("Asia/Kolkata", &[]), "2026-04-20 14:40:00 +05:30");
    assert_eq!(
        started("America/New_York", &[]),
        "2026-04-20 05:10:00 -04:00"
    );
    assert_eq!(
        started("Asia/Kolkata", &["--utc"]),
        "2026-04-20 09:10:00 +00:00"
    );
    // The time zone changes only tables: JSON and CSV are always UTC.
    let json = run(
        s::avatarctl_anam(&server, ANAM_KEY)
            .env("TZ", "Asia/Kolkata")
            .args(["sessions", "list", "-o", "json", "--fields", "started_at"]),
        ANAM_KEY,
    );
    assert_eq!(json.json()[1]["started_at"], "2026-04-20T09:10:00Z");
}

/// A `sessionLengthMs` at the top of the u64 range (as a float, the way JSON carries it) must
/// not overflow the table's rounding to whole seconds: it shows as a huge duration.
#[test]
fn a_huge_duration_shows_in_tables_without_overflowing() {
    let mut session = anam::session(0);
    session["sessionLengthMs"] = json!(1.844_674_407_370_955_2e19);
    let server = FakeAnam::new(ANAM_KEY).with_session(session).start();
    // u64::MAX ms, rounded to whole seconds, is 584,542,046 years and some.
    let huge = "584542046years";

    let listed = list(&server, &["--fields", "id,duration_ms"]);
    let row = listed.quiet_success().lines().nth(1).unwrap().to_owned();
    let duration = cells(&row)[1];
    assert!(duration.starts_with(huge), "{row}");

    let detail = run(
        s::avatarctl_anam(&server, ANAM_KEY).args(["sessions", "get", &anam::session_id(0)]),
        ANAM_KEY,
    );
    let row = detail
        .quiet_success()
        .lines()
        .find(|line| line.starts_with("DURATION "))
        .unwrap_or_else(|| panic!("no DURATION row:\n{}", detail.stdout));
    assert!(cells(row)[1].starts_with(huge), "{row}");
}

#[test]
fn color_always_styles_a_table_and_never_or_no_color_do_not() {
    let server = FakeAnam::new(ANAM_KEY).with_sessions(3).start();
    let table = |env: &[(&str, &str)], args: &[&str]| {
        let run = run(
            s::avatarctl_anam(&server, ANAM_KEY)
                .envs(env.iter().copied())
                .args(["sessions", "list"])
                .args(args),
            ANAM_KEY,
        );
        run.quiet_success().to_owned()
    };
    let styled = table(&[], &["--color", "always"]);
    assert!(styled.contains("\u{1b}["), "{styled:?}");
    assert!(styled.contains("\u{1b}[1m"), "a bold header: {styled:?}");
    for plain in [
        table(&[], &[]),
        table(&[], &["--color", "never"]),
        table(&[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")], &[]),
        table(&[("NO_COLOR", "1")], &[]),
    ] {
        assert!(!plain.contains('\u{1b}'), "{plain:?}");
    }
    let forced = table(&[("CLICOLOR_FORCE", "1")], &[]);
    assert!(
        forced.contains("\u{1b}["),
        "CLICOLOR_FORCE colors a pipe: {forced:?}"
    );
    // Color never changes data formats.
    let json = run(
        s::avatarctl_anam(&server, ANAM_KEY)
            .args(["sessions", "list", "--color", "always", "-o", "json"]),
        ANAM_KEY,
    );
    assert!(!json.stdout.contains('\u{1b}'));
}

#[test]
fn tables_neutralise_control_characters_from_the_api() {
    let server = FakeAnam::new(ANAM_KEY)
        .with_session(labelled(
            0,
            "\u{1b}[31mred\u{1b}[0m",
            "\u{1b}]0;pwned\u{7}Cara",
        ))
        .with_session(labelled(1, "two\nlines\ttab\u{9b}c1", "Bob\u{202e}evil"))
        .start();
    let labels = list(&server, &["--fields", "id,label"]);
    let lines: Vec<&str> = labels.quiet_success().lines().collect();
    assert_eq!(
        lines.len(),
        3,
        "a newline in a label must not add a row: {lines:?}"
    );
    assert_eq!(cells(lines[1])[1], "^[[31mred^[[0m");
    assert_eq!(cells(lines[2])[1], "two^Jlines^Itab<U+009B>c1");
    let personas = list(&server, &["--color", "always"]);
    assert!(
        personas.stdout.contains("^[]0;pwned^GCara"),
        "{}",
        personas.stdout
    );
    assert!(
        personas.stdout.contains("Bob<U+202E>evil"),
        "{}",
        personas.stdout
    );
    assert!(
        !personas.stdout.contains("\u{1b}]"),
        "no escape from the API reaches the terminal"
    );
    // JSON keeps the data exactly (escaped by JSON itself).
    let json = list(&server, &["-o", "json", "--fields", "label"]).json();
    assert_eq!(json[0]["label"], "\u{1b}[31mred\u{1b}[0m");
}

#[test]
fn a_piped_table_is_not_cut_to_a_width() {
    let long = "x".repeat(300);
    let server = FakeAnam::new(ANAM_KEY)
        .with_session(labelled(0, &long, "Cara"))
        .start();
    let run = run(
        s::avatarctl_anam(&server, ANAM_KEY)
            .env("COLUMNS", "40")
            .args(["sessions", "list", "--fields", "id,label,persona_name"]),
        ANAM_KEY,
    );
    let lines: Vec<&str> = run.quiet_success().lines().collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(
        cells(lines[1]),
        [anam::session_id(0).as_str(), long.as_str(), "Cara"]
    );
}

#[test]
fn a_reader_that_stops_early_ends_the_run_quietly() {
    use std::io::{BufRead, BufReader};
    use std::process::Stdio;

    // Far more output than a pipe buffers, so avatarctl is still writing when the reader goes.
    let server = FakeAnam::new(ANAM_KEY).with_sessions(1000).start();
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin!("avatarctl"))
        .env_clear()
        .env("AVATARCTL_BASE_URL", server.url())
        .env("ANAM_API_KEY", ANAM_KEY)
        .args(["sessions", "list", "--limit", "1000", "-o", "json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start avatarctl");
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .expect("read the first line");
    assert_eq!(first, "[\n");
    // The reader (and so the pipe) is gone here, like `| head -1`.
    let output = child.wait_with_output().expect("wait for avatarctl");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert_eq!(stderr, "", "no panic, no error");
}
