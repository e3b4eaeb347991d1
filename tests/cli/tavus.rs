//! Tavus through its own fake and its own base-URL variable (`TAVUS_BASE_URL`), the provider
//! inferred from `TAVUS_API_KEY` alone: the list (`--all`, `--limit`, `--status` sent and
//! checked), the verbose get, the transcript from the events, every format, the error shapes
//! and a wrong key.

use serde_json::{Value, json};

use crate::support::tavus::{self, conversation_id};
use crate::support::{self as s, FakeServer, FakeTavus, Run, run};

const KEY: &str = "tavus-test-key-0123456789";

fn tavus_cmd(server: &FakeServer, key: &str) -> assert_cmd::Command {
    let mut command = s::avatarctl();
    command
        .env("TAVUS_API_KEY", key)
        .env("TAVUS_BASE_URL", server.url());
    command
}

fn tavus_run(server: &FakeServer, args: &[&str]) -> Run {
    run(tavus_cmd(server, KEY).args(args), KEY)
}

#[test]
fn the_list_is_inferred_paged_by_limit_and_has_no_end_fields() {
    let server = FakeTavus::new(KEY).with_conversations(230).start();
    let all = tavus_run(&server, &["sessions", "list", "--all", "-o", "ndjson"]);
    let expected: Vec<String> = (0..230).map(conversation_id).collect();
    assert_eq!(all.ndjson_ids(), expected);
    let first = &all.ndjson()[0];
    assert_eq!(first["provider"], "tavus");
    assert_eq!(first["label"], "Call 0");
    assert_eq!(
        first["started_at"], first["created_at"],
        "list items carry no events"
    );
    assert_eq!(
        (first["ended_at"].clone(), first["duration_ms"].clone()),
        (Value::Null, Value::Null)
    );
    assert_eq!(first["raw"]["meeting_token"], "[REDACTED]");
    let pages: Vec<(Option<String>, Option<String>)> = server
        .requests()
        .iter()
        .map(|r| {
            (
                r.query_param("page").map(str::to_owned),
                r.query_param("limit").map(str::to_owned),
            )
        })
        .collect();
    assert_eq!(pages[0], (Some("1".into()), Some("100".into())));
    assert_eq!(
        server.request_count(),
        3,
        "total_count gives the pages: 3 of 100"
    );

    let limited = tavus_run(
        &server,
        &["sessions", "list", "--limit", "5", "-o", "ndjson"],
    );
    assert_eq!(limited.ndjson_ids(), expected[..5]);
    limited.assert_stderr_contains("showing 5 of 230 sessions");
}

#[test]
fn status_is_sent_to_tavus_and_checked_here() {
    let server = FakeTavus::new(KEY).with_conversations(40).start();
    let active = tavus_run(
        &server,
        &[
            "sessions", "list", "--all", "--status", "active", "-o", "ndjson",
        ],
    );
    let expected: Vec<String> = (0..40)
        .filter(|&i| tavus::is_active(i))
        .map(conversation_id)
        .collect();
    assert_eq!(active.ndjson_ids(), expected);
    assert_eq!(server.requests()[0].query_param("status"), Some("active"));
}

#[test]
fn get_reads_start_end_and_reason_from_the_verbose_events() {
    let server = FakeTavus::new(KEY).with_conversations(3).start();
    let id = conversation_id(1);
    let session = tavus_run(&server, &["sessions", "get", &id, "-o", "json"]).json();
    assert_eq!(session["started_at"], "2026-04-29T10:05:04Z");
    assert_eq!(session["ended_at"], "2026-04-29T10:06:05Z");
    assert_eq!(session["duration_ms"], 61_000);
    assert_eq!(session["end_reason"], "max_call_duration");
    assert_eq!(server.requests()[0].query_param("verbose"), Some("true"));
    let table = tavus_run(&server, &["sessions", "get", &id]);
    assert!(table.success().contains("1m 1s"), "{}", table.stdout);
    let csv = tavus_run(
        &server,
        &[
            "sessions",
            "get",
            &id,
            "-o",
            "csv",
            "--fields",
            "id,end_reason",
        ],
    );
    assert_eq!(
        csv.success(),
        format!("id,end_reason\n{id},max_call_duration\n")
    );
}

#[test]
fn the_transcript_comes_from_the_transcription_event() {
    let server = FakeTavus::new(KEY).with_conversations(3).start();
    let id = conversation_id(0);
    let document = tavus_run(&server, &["sessions", "transcript", &id, "-o", "json"]).json();
    assert_eq!(document["provider"], "tavus");
    assert_eq!(
        document["messages"][0],
        json!({"session_id": id, "index": 0, "at": "2026-04-29T10:00:05.500Z", "offset_ms": 1500,
               "role": "persona", "text": "Hello 0", "speaking_ms": 1250, "interrupted": null})
    );
    let lines = tavus_run(&server, &["sessions", "transcript", &id, "-o", "ndjson"]).ndjson();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[1]["role"], "user");
    let chat = tavus_run(&server, &["sessions", "transcript", &id]);
    assert!(chat.success().contains("+00:05"), "{}", chat.stdout);
}

#[test]
fn errors_are_read_in_both_shapes_and_a_wrong_key_is_exit_4() {
    let server = FakeTavus::new(KEY).with_conversations(1).start();
    let refused = Run::of(tavus_cmd(&server, "wrong").args(["sessions", "list"]));
    let line = refused.failure(4);
    assert!(
        line.contains("Invalid access token") && line.contains("TAVUS_API_KEY"),
        "{line}"
    );
    let missing = tavus_run(&server, &["sessions", "get", "c999999"]);
    let line = missing.failure(1);
    assert!(line.contains("HTTP 400: Invalid conversation_id"), "{line}");
    let bad = tavus_run(&server, &["sessions", "get", "../x"]);
    assert!(bad.usage_error().contains("is not a tavus session ID"));
    let recording = tavus_run(&server, &["sessions", "recording", "c000000"]);
    assert!(
        recording
            .usage_error()
            .starts_with("tavus has no recordings")
    );
}
