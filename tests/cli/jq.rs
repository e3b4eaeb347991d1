//! `--jq`: the built-in filter over list, get and usage in JSON and NDJSON, strings raw, a
//! filter that does not parse refused before any request, and one that fails at run time.

use crate::support::anam;
use crate::support::{self as s, ANAM_KEY, FakeAnam, FakeServer, Run, run};

fn jq(server: &FakeServer, args: &[&str]) -> Run {
    run(s::avatarctl_anam(server, ANAM_KEY).args(args), ANAM_KEY)
}

#[test]
fn a_list_filtered_in_json_prints_strings_raw() {
    let server = FakeAnam::new(ANAM_KEY).with_sessions(5).start();
    let ids = jq(&server, &["sessions", "list", "--jq", ".[].id"]);
    let expected: String = (0..5)
        .map(|i| format!("{}\n", anam::session_id(i)))
        .collect();
    assert_eq!(ids.success(), expected);
    let count = jq(
        &server,
        &[
            "sessions",
            "list",
            "--jq",
            "map(select(.status == \"ended\")) | length",
        ],
    );
    assert_eq!(count.success(), "4\n");
    // Over AVATARCTL_OUTPUT too: --jq implies JSON.
    let env = run(
        s::avatarctl_anam(&server, ANAM_KEY)
            .env("AVATARCTL_OUTPUT", "csv")
            .args(["sessions", "list", "--jq", ".[0].provider"]),
        ANAM_KEY,
    );
    assert_eq!(env.success(), "anam\n");
}

#[test]
fn ndjson_is_filtered_line_by_line_and_get_as_its_object() {
    let server = FakeAnam::new(ANAM_KEY).with_sessions(3).start();
    let lines = jq(
        &server,
        &["sessions", "list", "-o", "ndjson", "--jq", "{id, status}"],
    );
    let out: Vec<&str> = lines.success().lines().collect();
    assert_eq!(out.len(), 3);
    assert_eq!(
        out[2],
        format!(
            "{{\"id\":\"{}\",\"status\":\"active\"}}",
            anam::session_id(2)
        )
    );
    let id = anam::session_id(1);
    let get = jq(
        &server,
        &["sessions", "get", &id, "--jq", ".raw.personaConfig.name"],
    );
    assert_eq!(get.success(), "Cara\n");
}

#[test]
fn a_filter_that_does_not_parse_sends_nothing_and_one_that_fails_is_exit_1() {
    let server = FakeAnam::new(ANAM_KEY).with_sessions(3).start();
    let bad =
        Run::of(s::avatarctl_anam(&server, ANAM_KEY).args(["sessions", "list", "--jq", ".[] |"]));
    assert!(
        bad.usage_error()
            .starts_with("--jq \".[] |\" is not a filter jq understands")
    );
    let table = Run::of(
        s::avatarctl_anam(&server, ANAM_KEY).args(["sessions", "list", "-o", "csv", "--jq", "."]),
    );
    assert!(table.usage_error().contains("--jq filters JSON"));
    assert_eq!(server.request_count(), 0);
    let fails = Run::of(s::avatarctl_anam(&server, ANAM_KEY).args([
        "sessions",
        "list",
        "--jq",
        ".[0] | keys | .[] + 1",
    ]));
    let line = fails.failure(1);
    assert!(line.starts_with("--jq: "), "{line}");
}
