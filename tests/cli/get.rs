//! `sessions get`: one ID prints an object, several an array in the order given though fetched
//! concurrently, NDJSON a line each, a table FIELD/VALUE rows; IDs are validated before any
//! request; a 404 names the ID; partial failures still print the rest; `--raw` and secrets.

use std::sync::Arc;
use std::time::Duration;

use serde_json::{Value, json};

use crate::support::anam::{self, SECRET};
use crate::support::{
    self as s, AH_KEY, ANAM_KEY, Barrier, FakeAgentHuman, FakeAnam, FakeServer, Gate, Run, ids, run,
};

const SEED_AH_ID: &str = "sess_01H3Z8G9YR3K2N5M6P7Q8W4T";
const SEED_ANAM_ID: &str = "00000000-0000-0000-0000-000000000000";

fn anam_get(server: &FakeServer, args: &[&str]) -> Run {
    run(
        s::avatarctl_anam(server, ANAM_KEY)
            .args(["sessions", "get"])
            .args(args),
        ANAM_KEY,
    )
}

fn agenthuman_get(server: &FakeServer, args: &[&str]) -> Run {
    run(
        s::avatarctl_agenthuman(server, AH_KEY)
            .args(["sessions", "get"])
            .args(args),
        AH_KEY,
    )
}

/// The last path segment of each request, decoded, in arrival order.
fn ids_requested(server: &FakeServer) -> Vec<String> {
    server
        .requests()
        .iter()
        .map(|r| r.path_segments().last().cloned().unwrap_or_default())
        .collect()
}

#[test]
fn one_anam_id_prints_one_normalized_object() {
    let server = FakeAnam::new(ANAM_KEY).with_sessions(3).start();
    let id = anam::session_id(1);
    let session = anam_get(&server, &[&id, "-o", "json"]).json();
    assert_eq!(session["provider"], "anam");
    assert_eq!(session["id"], id);
    assert_eq!(session["status"], "ended");
    assert_eq!(session["end_reason"], "NORMAL_EXIT");
    assert_eq!(session["started_at"], "2026-04-20T09:10:00Z");
    assert_eq!(session["ended_at"], "2026-04-20T09:12:13Z");
    assert_eq!(session["duration_ms"], 133_000);
    assert_eq!(session["persona_id"], anam::PERSONA_IDS[1]);
    assert_eq!(session["persona_name"], "Cara");
    assert_eq!(session["label"], "label-1");
    assert_eq!(session["created_at"], "2026-04-20T09:10:00Z");
    assert_eq!(session["raw"]["engineVersion"], "v5.1.0");
    let llm = &session["raw"]["personaConfig"]["llmConfig"];
    assert_eq!(llm["encrypted_secret"], "[REDACTED]");
    assert_eq!(ids_requested(&server), [id]);
}

#[test]
fn an_active_anam_session_has_null_end_fields() {
    let server = FakeAnam::new(ANAM_KEY)
        .with_session(s::fixture_json("anam_active.json"))
        .start();
    let session = anam_get(
        &server,
        &["11111111-2222-4333-8444-555555555555", "-o", "json"],
    )
    .json();
    assert_eq!(session["status"], "active");
    for field in ["ended_at", "duration_ms", "end_reason", "persona_id"] {
        assert_eq!(session[field], Value::Null, "{field}");
    }
}

/// A fake that holds the requests for `order` until all of them are in flight, then answers
/// them last-given first: each waits until the one given after it has been answered.
fn answering_in_reverse(order: &[String]) -> (FakeServer, Arc<Barrier>) {
    let handler = FakeAnam::new(ANAM_KEY).with_sessions(4).handler();
    let barrier = Arc::new(Barrier::new(order.len()));
    let held = Arc::clone(&barrier);
    let answered: Vec<Gate> = order.iter().map(|_| Gate::default()).collect();
    let order = order.to_vec();
    let server = FakeServer::start(move |request| {
        let id = request.path_segments().last().cloned().unwrap_or_default();
        let Some(i) = order.iter().position(|given| *given == id) else {
            return handler(request);
        };
        // (Fetched one at a time, they never meet; then nobody waits for anybody.)
        if held.arrive()
            && held.met()
            && let Some(next) = answered.get(i + 1)
        {
            next.wait();
        }
        let reply = handler(request);
        answered[i].open();
        reply
    });
    (server, barrier)
}

#[test]
fn several_ids_print_in_the_order_given_though_they_finish_in_reverse() {
    // The first ID answers last and the last first, so completion order is reversed.
    let order = [
        anam::session_id(3),
        anam::session_id(0),
        anam::session_id(2),
    ];
    // The first ID goes alone (a refused key costs one request); the rest go together.
    let first = anam::session_id(1);
    let (server, together) = answering_in_reverse(&order);
    let array = anam_get(
        &server,
        &[&first, &order[0], &order[1], &order[2], "-o", "json"],
    )
    .json();
    let given = [first.as_str(), &order[0], &order[1], &order[2]];
    assert_eq!(ids(&array), given);
    // All three were in flight at once, so the second-given finished before the first-given.
    assert!(
        together.met(),
        "fetched one at a time: {} at once",
        together.most_held()
    );
    assert_eq!(server.max_in_flight(), 3, "fetched one at a time");
    let (server, together) = answering_in_reverse(&order);
    let lines = anam_get(
        &server,
        &[&first, &order[0], &order[1], &order[2], "-o", "ndjson"],
    )
    .ndjson();
    let got: Vec<&str> = lines.iter().map(|l| l["id"].as_str().unwrap()).collect();
    assert_eq!(got, given);
    assert!(together.met(), "fetched one at a time");
}

#[test]
fn ndjson_prints_one_compact_line_per_session() {
    let server = FakeAnam::new(ANAM_KEY).with_sessions(2).start();
    let (a, b) = (anam::session_id(0), anam::session_id(1));
    let run = anam_get(&server, &[&a, &b, "-o", "ndjson"]);
    let lines: Vec<&str> = run.quiet_success().lines().collect();
    assert_eq!(lines.len(), 2, "{}", run.stdout);
    assert!(
        lines
            .iter()
            .all(|l| l.starts_with("{\"provider\":\"anam\",\"id\":"))
    );
    let one = anam_get(&server, &[&a, "-o", "ndjson"]);
    assert_eq!(
        one.ndjson().len(),
        1,
        "one ID is still a line, not a pretty object"
    );
}

/// The FIELD/VALUE rows of a detail table, as (field, value) pairs.
fn rows(table: &str) -> Vec<(String, String)> {
    table
        .lines()
        .map(|line| match line.split_once("   ") {
            Some((field, value)) => (field.to_owned(), value.trim().to_owned()),
            None => (line.to_owned(), String::new()),
        })
        .collect()
}

#[test]
fn a_table_shows_field_value_rows_then_the_provider_fields() {
    let server = FakeAnam::new(ANAM_KEY)
        .with_session(s::fixture_json("anam_get.json"))
        .start();
    let run = anam_get(&server, &[SEED_ANAM_ID, "--utc"]);
    let rows = rows(run.quiet_success());
    let value = |field: &str| {
        rows.iter()
            .find(|(f, _)| f == field)
            .map(|(_, v)| v.as_str())
            .unwrap_or_else(|| panic!("no row {field} in:\n{}", run.stdout))
    };
    assert_eq!(rows[0], ("FIELD".to_owned(), "VALUE".to_owned()));
    // Labels follow the table header rule: the field's name in capitals, `_ms` dropped.
    assert_eq!(rows[1].0, "PROVIDER");
    assert_eq!(value("ID"), SEED_ANAM_ID);
    assert_eq!(value("STATUS"), "ended");
    assert_eq!(value("END REASON"), "CLOSED_BY_ENGINE");
    assert_eq!(value("STARTED AT"), "2026-04-20 09:00:00 +00:00");
    assert_eq!(value("DURATION"), "12m 34s");
    assert_eq!(value("PERSONA ID"), "-");
    assert_eq!(value("LABEL"), "anam-lab-chat");
    assert_eq!(value("raw.personaConfig.llmConfig.modelName"), "gpt-4o");
    assert_eq!(
        value("raw.engineHost"),
        "connect-eu.anam.ai/v1/webrtc/engines/anam-engine-7dddcb9ccd-db8v9"
    );
    assert!(
        !rows.iter().any(|(f, _)| f == "raw"),
        "raw is shown by its leaves"
    );
}

/// The detail table lists an array's elements by index (`raw.….urls.0.region`); each row
/// must show the element's value, not `-`.
#[test]
fn a_table_shows_the_values_inside_arrays() {
    let server = FakeAnam::new(ANAM_KEY)
        .with_session(s::fixture_json("anam_get.json"))
        .start();
    let run = anam_get(&server, &[SEED_ANAM_ID, "--utc"]);
    let rows = rows(run.quiet_success());
    let urls: Vec<(&str, &str)> = rows
        .iter()
        .filter(|(field, _)| field.starts_with("raw.personaConfig.llmConfig.urls"))
        .map(|(field, value)| (field.as_str(), value.as_str()))
        .collect();
    assert_eq!(
        urls,
        [
            (
                "raw.personaConfig.llmConfig.urls.0.url",
                "https://api.openai.com/v1"
            ),
            ("raw.personaConfig.llmConfig.urls.0.region", "default"),
        ]
    );
}

#[test]
fn a_table_of_several_sessions_separates_them_with_a_blank_line() {
    let server = FakeAnam::new(ANAM_KEY).with_sessions(2).start();
    let (a, b) = (anam::session_id(0), anam::session_id(1));
    let run = anam_get(&server, &[&a, &b, "--fields", "id,status"]);
    assert_eq!(
        run.quiet_success(),
        format!(
            "FIELD    VALUE\nID       {a}\nSTATUS   ended\n\nFIELD    VALUE\nID       {b}\nSTATUS   ended\n"
        )
    );
}

#[test]
fn invalid_ids_are_usage_errors_before_any_request() {
    let anam = FakeAnam::new(ANAM_KEY).with_sessions(1).start();
    let agenthuman = FakeAgentHuman::new(AH_KEY).with_sessions(1).start();
    for bad in ["../x", "a/b", "x?y=1", "%2e%2e", "", "sess_1 2", "sess_1#x"] {
        let message = anam_get(&anam, &[bad]).usage_error().to_owned();
        assert!(
            message.contains("is not an anam session ID"),
            "{bad:?}: {message}"
        );
        let message = agenthuman_get(&agenthuman, &[bad]).usage_error().to_owned();
        assert!(
            message.contains("is not an agenthuman session ID"),
            "{bad:?}: {message}"
        );
    }
    // One bad ID among good ones stops them all: nothing is fetched.
    let good = anam::session_id(0);
    anam_get(&anam, &[&good, "../x", &good]).usage_error();
    assert_eq!(anam.request_count(), 0);
    assert_eq!(agenthuman.request_count(), 0);
}

#[test]
fn a_missing_session_names_its_id_and_exits_3() {
    let server = FakeAnam::new(ANAM_KEY).with_sessions(1).start();
    let missing = anam::session_id(42);
    let run = anam_get(&server, &[&missing]);
    let message = run.failure(3);
    assert!(
        message.starts_with(&format!(
            "session {missing} not found on anam (HTTP 404: Session not found)"
        )),
        "{message}"
    );
}

#[test]
fn with_one_failure_among_several_the_others_still_print() {
    let server = FakeAnam::new(ANAM_KEY).with_sessions(3).start();
    let (a, missing, b) = (
        anam::session_id(0),
        anam::session_id(9),
        anam::session_id(2),
    );
    let run = anam_get(&server, &[&a, &missing, &b, "-o", "json"]);
    assert_eq!(run.code, Some(3));
    let printed: Value = serde_json::from_str(&run.stdout).expect("the others, as JSON");
    assert_eq!(ids(&printed), [a, b]);
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert!(
        lines.iter().all(|l| l.starts_with("error: ")),
        "{}",
        run.stderr
    );
    assert!(
        lines[0].contains(&format!("session {missing} not found")),
        "{}",
        run.stderr
    );
    assert_eq!(
        lines.last(),
        Some(
            &"error: 1 of 3 sessions could not be fetched — the others were printed; each failure is above"
        )
    );
    assert_eq!(server.request_count(), 3);
}

#[test]
fn the_exit_code_is_that_of_the_failure() {
    let broken = anam::session_id(1);
    let server = FakeAnam::new(ANAM_KEY)
        .with_sessions(2)
        .start_answering(move |request| {
            request
                .path
                .ends_with(&broken)
                .then(|| s::Reply::json(503, &json!({"message": "engine pool drained"})))
        });
    let (a, b) = (anam::session_id(0), anam::session_id(1));
    let run = anam_get(&server, &["--retries", "0", &a, &b, "-o", "ndjson"]);
    assert_eq!(run.code, Some(5), "{run:#?}");
    assert_eq!(run.stdout.lines().count(), 1);
    run.assert_stderr_contains("HTTP 503: engine pool drained");
}

#[test]
fn when_every_id_fails_nothing_is_printed_and_the_summary_says_so() {
    let server = FakeAnam::new(ANAM_KEY).start();
    let (a, b) = (anam::session_id(0), anam::session_id(1));
    let run = anam_get(&server, &[&a, &b, "-o", "json"]);
    assert_eq!(run.code, Some(3), "{run:#?}");
    assert_eq!(run.stdout, "", "no data, not even an empty array");
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(lines.len(), 3, "{}", run.stderr);
    assert!(
        lines[0].contains(&a) && lines[1].contains(&b),
        "{}",
        run.stderr
    );
    assert_eq!(
        lines[2],
        "error: none of the 2 sessions could be fetched — each failure is above"
    );
}

#[test]
fn agenthuman_get_of_the_documented_seed() {
    let fixture = s::fixture_json("agenthuman_get.json");
    let server = FakeAgentHuman::new(AH_KEY)
        .with_sessions(2)
        .with_session(fixture["session"].clone())
        .start();
    let session = agenthuman_get(&server, &[SEED_AH_ID, "-o", "json"]).json();
    let mut expected_raw = fixture["session"].clone();
    expected_raw["daily_room"]["token"] = json!("[REDACTED]");
    assert_eq!(
        session,
        json!({
            "provider": "agenthuman",
            "id": SEED_AH_ID,
            "status": "ended",
            "end_reason": null,
            "started_at": "2024-01-15T12:00:00Z",
            "ended_at": "2024-01-15T12:05:30Z",
            "duration_ms": 330_000,
            "persona_id": "avat_01H3Z8G9YR3K2N5M6P7Q8W4T",
            "persona_name": "Professional Avatar",
            "label": null,
            "created_at": "2024-01-15T12:00:00Z",
            "raw": expected_raw,
        })
    );
    let request = &server.requests()[0];
    assert_eq!(request.path, format!("/v1/sessions/{SEED_AH_ID}"));
    assert_eq!(request.header("x-api-key"), Some(AH_KEY));
}

#[test]
fn agenthuman_missing_session_shows_the_suggestion() {
    let server = FakeAgentHuman::new(AH_KEY).with_sessions(1).start();
    let message = agenthuman_get(&server, &["sess_nope"])
        .failure(3)
        .to_owned();
    assert!(
        message.starts_with("session sess_nope not found on agenthuman (HTTP 404: Session not found; Check the session ID)"),
        "{message}"
    );
}

#[test]
fn raw_json_is_the_provider_object_with_credentials_redacted() {
    let fixture = s::fixture_json("agenthuman_get.json");
    let server = FakeAgentHuman::new(AH_KEY)
        .with_session(fixture["session"].clone())
        .start();
    let redacted = agenthuman_get(&server, &[SEED_AH_ID, "--raw", "-o", "json"]).json();
    let mut expected = fixture["session"].clone();
    expected["daily_room"]["token"] = json!("[REDACTED]");
    assert_eq!(redacted, expected);

    let shown = agenthuman_get(
        &server,
        &[SEED_AH_ID, "--raw", "-o", "json", "--show-secrets"],
    );
    assert_eq!(shown.json(), fixture["session"]);
}

#[test]
fn raw_anam_objects_come_back_as_sent_apart_from_secrets() {
    let server = FakeAnam::new(ANAM_KEY).with_sessions(2).start();
    let (a, b) = (anam::session_id(0), anam::session_id(1));
    let lines = anam_get(&server, &[&a, &b, "--raw", "-o", "ndjson"]).ndjson();
    for (line, i) in lines.iter().zip([0, 1]) {
        let mut expected = anam::session(i);
        expected["personaConfig"]["llmConfig"]["encrypted_secret"] = json!("[REDACTED]");
        assert_eq!(line, &expected);
    }
    let shown = anam_get(&server, &[&a, "--raw", "-o", "json", "--show-secrets"]);
    assert_eq!(shown.json(), anam::session(0));
    assert!(shown.stdout.contains(SECRET));
}

#[test]
fn raw_needs_a_json_format() {
    let server = FakeAnam::new(ANAM_KEY).with_sessions(1).start();
    let message = anam_get(&server, &[&anam::session_id(0), "--raw"])
        .usage_error()
        .to_owned();
    assert!(
        message.starts_with("--raw applies to -o json and -o ndjson"),
        "{message}"
    );
    assert_eq!(server.request_count(), 0);
}

#[test]
fn many_ids_are_fetched_with_bounded_concurrency() {
    // The first ID goes alone; of the rest, the first two are held until both are in flight,
    // so two overlap however slow the machine; every request lasts 150 ms at the fake, so
    // that more than 8 at once would show.
    let handler = FakeAnam::new(ANAM_KEY).with_sessions(12).handler();
    let barrier = Arc::new(Barrier::new(2));
    let held = Arc::clone(&barrier);
    let alone = anam::session_id(11);
    let server = FakeServer::start(move |request| {
        if request.path_segments().last() != Some(&alone) {
            held.arrive();
        }
        handler(request).delay(Duration::from_millis(150))
    });
    let wanted: Vec<String> = (0..12).rev().map(anam::session_id).collect();
    let args: Vec<&str> = wanted.iter().map(String::as_str).collect();
    let array = anam_get(&server, &[&args[..], &["-o", "json"]].concat()).json();
    assert_eq!(ids(&array), wanted);
    assert!(barrier.met(), "fetched one at a time");
    let most = server.max_in_flight();
    assert!((2..=8).contains(&most), "{most} requests at once");
}

#[test]
fn one_id_as_csv_is_a_header_and_a_row() {
    let server = FakeAnam::new(ANAM_KEY).with_sessions(1).start();
    let id = anam::session_id(0);
    let run = anam_get(
        &server,
        &[&id, "-o", "csv", "--fields", "id,status,duration_ms"],
    );
    assert_eq!(
        run.quiet_success(),
        format!("id,status,duration_ms\n{id},ended,60000\n")
    );
}

/// `sessions get A B … | head -1` where one ID fails: the reader goes away while the sessions
/// are being written, yet the failure is not in what it read, so it is still reported on
/// stderr and decides the exit code.
#[test]
fn a_failure_is_reported_even_when_the_reader_stops_early() {
    use std::io::{BufRead, BufReader};
    use std::process::Stdio;

    // Far more output than a pipe buffers, so avatarctl is still writing when the reader goes.
    let server = FakeAnam::new(ANAM_KEY).with_sessions(300).start();
    let missing = anam::session_id(999);
    let mut wanted: Vec<String> = (0..300).map(anam::session_id).collect();
    wanted.insert(150, missing.clone());
    let mut child = s::avatarctl_process()
        .env("AVATARCTL_PROVIDER", "anam")
        .env("AVATARCTL_BASE_URL", server.url())
        .env("ANAM_API_KEY", ANAM_KEY)
        .args(["sessions", "get", "-o", "ndjson"])
        .args(&wanted)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start avatarctl");
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .expect("read the first line");
    assert!(first.contains(&wanted[0]), "{first}");
    // The reader (and so the pipe) is gone here, like `| head -1`.
    let output = child.wait_with_output().expect("wait for avatarctl");
    let run = Run {
        code: output.status.code(),
        stdout: String::new(),
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    };
    run.assert_hides(ANAM_KEY);
    assert_eq!(run.code, Some(3), "{run:#?}");
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(lines.len(), 2, "{}", run.stderr);
    assert!(
        lines[0].starts_with(&format!("error: session {missing} not found on anam")),
        "{}",
        run.stderr
    );
    assert_eq!(
        lines[1],
        "error: 1 of 301 sessions could not be fetched — the others were printed; each failure \
         is above"
    );
}

/// The documented session with a second, failed call whose arguments carry a credential.
fn with_tool_calls() -> Value {
    let mut session = s::fixture_json("anam_get_tool_calls.json");
    session["toolCalls"].as_array_mut().unwrap().push(json!({
        "turnIndex": 5, "toolName": "crm_lookup", "toolType": "server", "status": "failed",
        "startedAt": "2026-04-20T09:05:00Z", "completedAt": "2026-04-20T09:05:02.250Z",
        "durationSeconds": 2.25, "errorMessage": "upstream said 502",
        "arguments": {"customer": "c-42", "access_token": "tok-live-123"},
        "result": null, "documentsAccessed": null
    }));
    session
}

#[test]
fn tool_calls_are_normalized_in_json_with_credential_arguments_masked() {
    let server = FakeAnam::new(ANAM_KEY)
        .with_session(with_tool_calls())
        .start();
    let run = anam_get(&server, &[SEED_ANAM_ID, "-o", "json"]);
    let calls = run.json()["tool_calls"].clone();
    assert_eq!(
        calls[0],
        json!({
            "turn_index": 3,
            "id": "fc_f98c6f4e-6441-4061-8c5f-04d6f3e4a726",
            "name": "knowledge_base",
            "type": "server",
            "subtype": "rag",
            "status": "completed",
            "started_at": "2026-04-20T09:03:12.412Z",
            "completed_at": "2026-04-20T09:03:13.058Z",
            "duration_ms": 646,
            "error": null,
            "arguments": {"query": "opening hours"},
            "result": "[Source 1 from \"FAQs.docx\", Relevance: 82%]\nWe are open Monday to Friday, 9am to 5pm.",
            "documents_accessed": ["FAQs.docx"]
        })
    );
    assert_eq!(
        calls[1]["arguments"],
        json!({"customer": "c-42", "access_token": "[REDACTED]"})
    );
    assert!(!run.stdout.contains("tok-live-123"), "raw is masked too");
    // NDJSON writes raw from its text; the calls' arguments are masked all the same.
    let lines = anam_get(&server, &[SEED_ANAM_ID, SEED_ANAM_ID, "-o", "ndjson"]);
    assert!(!lines.stdout.contains("tok-live-123"), "{}", lines.stdout);
    assert_eq!(
        lines.ndjson()[0]["tool_calls"][1]["arguments"]["access_token"],
        "[REDACTED]"
    );
    let shown = anam_get(&server, &[SEED_ANAM_ID, "-o", "json", "--show-secrets"]).json();
    assert_eq!(
        shown["tool_calls"][1]["arguments"]["access_token"],
        "tok-live-123"
    );
    // A list item carries no tool calls, and a list shows no such key.
    let list = run_list(&server);
    assert!(list[0].get("tool_calls").is_none(), "{}", list[0]);
}

fn run_list(server: &FakeServer) -> Vec<Value> {
    run(
        s::avatarctl_anam(server, ANAM_KEY).args(["sessions", "list", "-o", "ndjson"]),
        ANAM_KEY,
    )
    .ndjson()
}

#[test]
fn the_table_shows_one_line_per_tool_call() {
    let server = FakeAnam::new(ANAM_KEY)
        .with_session(with_tool_calls())
        .start();
    let run = anam_get(&server, &[SEED_ANAM_ID]);
    let rows = rows(run.quiet_success());
    let calls: Vec<(&str, &str)> = rows
        .iter()
        .filter(|(field, _)| field.starts_with("TOOL CALL"))
        .map(|(field, value)| (field.as_str(), value.as_str()))
        .collect();
    assert_eq!(
        calls,
        [
            ("TOOL CALL 1", "knowledge_base  completed  646ms"),
            (
                "TOOL CALL 2",
                "crm_lookup  failed  2s 250ms: upstream said 502"
            ),
        ]
    );
    let at = |label: &str| rows.iter().position(|(f, _)| f == label).unwrap();
    assert!(at("CREATED AT") < at("TOOL CALL 1"), "after the fields");
    assert!(
        at("TOOL CALL 2")
            < rows
                .iter()
                .position(|(f, _)| f.starts_with("raw."))
                .unwrap()
    );
    assert!(!run.stdout.contains("tok-live-123"));
}
