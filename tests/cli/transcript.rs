//! `sessions transcript`: the documented Anam transcript in every format, several IDs in the
//! order given, IDs on stdin, the 404 in words, transcripts that were off, hostile text in
//! the chat view, the users' words kept out of `-v`, and providers without transcripts.

use serde_json::{Value, json};

use crate::support::{
    self as s, AH_KEY, ANAM_KEY, FakeAgentHuman, FakeAnam, FakeServer, Reply, Run, run,
};

const ID: &str = "00000000-0000-0000-0000-000000000000";

fn fixture() -> Value {
    s::fixture_json("anam_transcript.json")
}

fn transcript_for(id: &str, words: &[(&str, &str)]) -> Value {
    let messages: Vec<Value> = words
        .iter()
        .enumerate()
        .map(|(i, (role, text))| {
            json!({"role": role, "message": text,
                   "timestamp": format!("2026-04-20T09:00:{:02}.000Z", i * 3 + 1),
                   "speakingDurationSeconds": 1.0})
        })
        .collect();
    json!({"sessionId": id, "personaName": "Cara", "startTime": "2026-04-20T09:00:00.000Z",
           "endTime": null, "transcriptsEnabled": true, "messages": messages})
}

fn server() -> FakeServer {
    FakeAnam::new(ANAM_KEY)
        .with_resource(ID, "transcript", fixture())
        .start()
}

fn transcript(server: &FakeServer, args: &[&str]) -> Run {
    run(
        s::avatarctl_anam(server, ANAM_KEY)
            .args(["sessions", "transcript"])
            .args(args),
        ANAM_KEY,
    )
}

#[test]
fn one_id_in_json_is_one_document_with_its_messages() {
    let server = server();
    let document = transcript(&server, &[ID, "-o", "json"]).json();
    assert_eq!(
        document,
        json!({
            "provider": "anam",
            "session_id": ID,
            "persona_name": "Cara",
            "started_at": "2026-04-20T09:00:00Z",
            "ended_at": "2026-04-20T09:12:34Z",
            "messages": [
                {"session_id": ID, "index": 0, "at": "2026-04-20T09:00:01Z", "offset_ms": 1000,
                 "role": "persona", "text": "Hi! How can I help?", "speaking_ms": 1400,
                 "interrupted": false},
                {"session_id": ID, "index": 1, "at": "2026-04-20T09:00:05Z", "offset_ms": 5000,
                 "role": "user", "text": "Can you tell me a joke?", "speaking_ms": 2100,
                 "interrupted": null}
            ]
        })
    );
    let request = &server.requests()[0];
    assert_eq!(request.path, format!("/v1/sessions/{ID}/transcript"));
}

#[test]
fn ndjson_and_csv_are_one_message_a_line() {
    let server = server();
    let lines = transcript(&server, &[ID, "-o", "ndjson"]).ndjson();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[1]["role"], "user");
    assert_eq!(lines[1]["session_id"], ID);
    let csv = transcript(&server, &[ID, "-o", "csv"]);
    let mut rows = csv.success().lines();
    assert_eq!(
        rows.next(),
        Some("session_id,index,at,offset_ms,role,text,speaking_ms,interrupted")
    );
    assert_eq!(
        rows.next(),
        Some(
            format!("{ID},0,2026-04-20T09:00:01Z,1000,persona,Hi! How can I help?,1400,false")
                .as_str()
        )
    );
    let picked = transcript(&server, &[ID, "-o", "csv", "--fields", "role,text"]);
    assert_eq!(
        picked.success(),
        "role,text\npersona,Hi! How can I help?\nuser,Can you tell me a joke?\n"
    );
    let json = transcript(&server, &[ID, "-o", "json", "--fields", "text"]).json();
    assert_eq!(json["messages"][0], json!({"text": "Hi! How can I help?"}));
}

#[test]
fn the_table_is_a_chat() {
    let server = server();
    let table = transcript(&server, &[ID]);
    let lines: Vec<&str> = table.success().lines().collect();
    assert_eq!(
        lines[0].split_whitespace().collect::<Vec<_>>(),
        ["AT", "ROLE", "TEXT"]
    );
    assert!(lines[1].starts_with("+00:01"), "{lines:?}");
    assert!(lines[1].contains("persona") && lines[1].ends_with("Hi! How can I help?"));
    assert!(lines[2].contains("user") && lines[2].ends_with("Can you tell me a joke?"));
}

#[test]
fn hostile_text_is_neutralised_and_long_lines_wrap_without_being_cut() {
    let long = "word ".repeat(60);
    let hostile = "evil\x1b[31mred\u{202e}desrever\nsecond line";
    let body = transcript_for(ID, &[("user", hostile), ("persona", long.trim_end())]);
    let server = FakeAnam::new(ANAM_KEY)
        .with_resource(ID, "transcript", body)
        .start();
    let table = transcript(&server, &[ID]);
    let out = table.success();
    assert!(
        !out.contains('\x1b') && !out.contains('\u{202e}'),
        "{out:?}"
    );
    assert!(out.contains("evil^[[31mred<U+202E>desrever"), "{out}");
    assert!(
        out.contains("second line"),
        "a line break stays a line: {out}"
    );
    assert_eq!(out.matches("word").count(), 60, "piped, nothing is cut");
}

#[test]
fn several_ids_keep_their_order_and_stdin_gives_ids_one_per_line() {
    let second = "00000000-0000-4000-8000-000000000002";
    let server = FakeAnam::new(ANAM_KEY)
        .with_resource(ID, "transcript", fixture())
        .with_resource(
            second,
            "transcript",
            transcript_for(second, &[("user", "hello")]),
        )
        .start();
    let both = transcript(&server, &[second, ID, "-o", "json"]).json();
    let order: Vec<&str> = both
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["session_id"].as_str().unwrap())
        .collect();
    assert_eq!(order, [second, ID]);
    let piped = run(
        s::avatarctl_anam(&server, ANAM_KEY)
            .args([
                "sessions",
                "transcript",
                "-",
                "-o",
                "ndjson",
                "--fields",
                "session_id",
            ])
            .write_stdin(format!("{ID}\n\n  {second}  \n")),
        ANAM_KEY,
    );
    let ids: Vec<Value> = piped
        .ndjson()
        .into_iter()
        .map(|m| m["session_id"].clone())
        .collect();
    assert_eq!(ids, [json!(ID), json!(ID), json!(second)]);
    let empty = run(
        s::avatarctl_anam(&server, ANAM_KEY)
            .args(["sessions", "transcript", "-"])
            .write_stdin(""),
        ANAM_KEY,
    );
    assert_eq!(empty.quiet_success(), "");
    let mixed =
        Run::of(s::avatarctl_anam(&server, ANAM_KEY).args(["sessions", "transcript", "-", ID]));
    assert!(mixed.usage_error().contains("stands alone"));
    let bad = Run::of(
        s::avatarctl_anam(&server, ANAM_KEY)
            .args(["sessions", "transcript", "-"])
            .write_stdin(format!("{ID}\nnot-a-uuid\n")),
    );
    assert!(
        bad.usage_error()
            .contains("\"not-a-uuid\" is not an anam session ID")
    );
    let key_too = Run::of(s::avatarctl_anam(&server, ANAM_KEY).args([
        "sessions",
        "transcript",
        "-",
        "--api-key-file",
        "-",
    ]));
    assert!(
        key_too
            .parse_error()
            .contains("cannot both come from stdin")
    );
    assert_eq!(server.request_count(), 4, "refusals send nothing");
}

#[test]
fn a_missing_transcript_says_why_it_may_be_missing() {
    let server = server();
    let other = "00000000-0000-4000-8000-000000000009";
    let missing = transcript(&server, &[other]);
    let line = missing.failure(3);
    assert!(
        line.starts_with(&format!("no transcript for {other} on anam (HTTP 404")),
        "{line}"
    );
    assert!(
        line.contains("still be running") && line.contains("zero-data-retention"),
        "{line}"
    );
    // With one of two missing, the other still prints and the exit code is the 404's.
    let partial = transcript(&server, &[ID, other, "-o", "ndjson"]);
    assert_eq!(partial.code, Some(3));
    assert_eq!(partial.stdout.lines().count(), 2);
    partial.assert_stderr_contains("no transcript for");
}

#[test]
fn transcripts_that_were_off_are_a_note() {
    let off = json!({"sessionId": ID, "transcriptsEnabled": false, "messages": []});
    let server = FakeAnam::new(ANAM_KEY)
        .with_resource(ID, "transcript", off)
        .start();
    let run = transcript(&server, &[ID, "-o", "json"]);
    assert_eq!(run.success(), "");
    run.assert_stderr_contains("transcripts were off");
}

#[test]
fn the_users_words_stay_out_of_the_verbose_log() {
    let words = "my card number is 4111";
    let body = transcript_for(ID, &[("user", words)]);
    let mut broken = serde_json::to_string(&body).unwrap();
    broken.truncate(broken.len() - 3);
    let server = FakeAnam::new(ANAM_KEY)
        .answering(
            ID,
            "transcript",
            Reply::text(200, "application/json", broken),
        )
        .start();
    let run = transcript(&server, &[ID, "-v"]);
    assert_eq!(run.code, Some(5));
    assert!(!run.stderr.contains("4111"), "{}", run.stderr);
}

#[test]
fn a_provider_without_transcripts_is_refused_before_any_request() {
    let server = FakeAgentHuman::new(AH_KEY).start();
    let refused = run(
        s::avatarctl_agenthuman(&server, AH_KEY).args(["sessions", "transcript", "sess_1"]),
        AH_KEY,
    );
    assert_eq!(
        refused.usage_error(),
        "agenthuman has no transcripts — `sessions transcript` works with anam, tavus, beyondpresence; pick one with -p"
    );
    assert_eq!(server.request_count(), 0);
}
