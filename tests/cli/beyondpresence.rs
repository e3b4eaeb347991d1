//! Beyond Presence through its own fake and `BEY_BASE_URL`, inferred from `BEY_API_KEY`:
//! cursor pages followed while `has_more`, a repeated cursor refused, a limit that stops
//! early, the get, the transcript placed by the call's start, and a wrong key.

use serde_json::json;

use crate::support::beyondpresence::{self, call_id};
use crate::support::{self as s, FakeBeyond, FakeServer, Run, run};

const KEY: &str = "bey-test-key-0123456789";

fn bey_cmd(server: &FakeServer, key: &str) -> assert_cmd::Command {
    let mut command = s::avatarctl();
    command
        .env("BEY_API_KEY", key)
        .env("BEY_BASE_URL", server.url());
    command
}

fn bey(server: &FakeServer, args: &[&str]) -> Run {
    run(bey_cmd(server, KEY).args(args), KEY)
}

#[test]
fn all_follows_the_cursors_fifty_at_a_time() {
    let server = FakeBeyond::new(KEY).with_calls(120).start();
    let all = bey(&server, &["sessions", "list", "--all", "-o", "ndjson"]);
    let expected: Vec<String> = (0..120).map(call_id).collect();
    assert_eq!(all.ndjson_ids(), expected);
    let cursors: Vec<Option<String>> = server
        .requests()
        .iter()
        .map(|r| r.query_param("cursor").map(str::to_owned))
        .collect();
    assert_eq!(
        cursors,
        [None, Some("cur-50".into()), Some("cur-100".into())]
    );
    assert!(
        server
            .requests()
            .iter()
            .all(|r| r.query_param("limit") == Some("50"))
    );
    let lines = all.ndjson();
    let active = &lines[4];
    assert_eq!(
        (active["status"].clone(), active["duration_ms"].clone()),
        (json!("active"), json!(null))
    );
    assert_eq!(lines[0]["status"], "ended");
    assert_eq!(lines[0]["duration_ms"], 90_000);
    assert_eq!(lines[1]["persona_id"], "agent_b");

    let limited = bey(
        &server,
        &[
            "sessions", "list", "--limit", "3", "-o", "csv", "--fields", "id",
        ],
    );
    assert_eq!(
        limited.success(),
        format!("id\n{}\n{}\n{}\n", call_id(0), call_id(1), call_id(2))
    );
}

#[test]
fn a_repeated_cursor_is_an_error_not_a_loop() {
    let server = FakeBeyond::new(KEY)
        .with_calls(120)
        .with_a_stuck_cursor()
        .start();
    let run = bey(&server, &["sessions", "list", "--all", "-o", "ndjson"]);
    assert_eq!(run.code, Some(5));
    assert!(server.request_count() <= 3, "{}", server.request_count());
}

#[test]
fn get_and_the_transcript_placed_by_the_calls_start() {
    let server = FakeBeyond::new(KEY).with_calls(3).start();
    let id = call_id(2);
    let call = bey(&server, &["sessions", "get", &id, "-o", "json"]).json();
    assert_eq!(call["duration_ms"], 92_000);
    assert_eq!(call["raw"]["tags"]["n"], 2);
    let document = bey(&server, &["sessions", "transcript", &id, "-o", "json"]).json();
    assert_eq!(document["started_at"], call["started_at"]);
    assert_eq!(document["messages"][0]["role"], "persona");
    assert_eq!(document["messages"][0]["offset_ms"], 2000);
    assert_eq!(document["messages"][1]["offset_ms"], 6000);
    let paths: Vec<String> = server.requests().iter().map(|r| r.path.clone()).collect();
    assert!(
        paths.contains(&format!("/v1/calls/{id}/messages")),
        "{paths:?}"
    );
    let missing = bey(&server, &["sessions", "transcript", &call_id(77)]);
    assert!(missing.failure(3).contains("Call not found"));
    assert!(!beyondpresence::is_active(2));
}

#[test]
fn a_wrong_key_is_exit_4_naming_its_variable() {
    let server = FakeBeyond::new(KEY).with_calls(1).start();
    let refused = Run::of(bey_cmd(&server, "nope").args(["sessions", "list"]));
    let line = refused.failure(4);
    assert!(line.contains("BEY_API_KEY"), "{line}");
    let bad = bey(&server, &["sessions", "get", "c123"]);
    assert!(
        bad.usage_error()
            .contains("is not a beyondpresence call ID")
    );
}
