//! `sessions analytics`: the documented Anam reports in every format — per session (several
//! IDs in order, IDs on stdin, `--messages`, `--fields`, the 404 with the provider's reason)
//! and aggregate (the query sent, windows refused before any request, local times read in
//! `TZ` across a change of the clocks, the truncated note) — the users' words kept out of
//! `-v`, and a provider without analytics refused.

use serde_json::{Value, json};

use crate::support::{
    self as s, AH_KEY, ANAM_KEY, FakeAgentHuman, FakeAnam, FakeServer, Reply, Run, run,
};

const ID: &str = "00000000-0000-0000-0000-000000000000";
const SECOND: &str = "00000000-0000-4000-8000-000000000002";

fn report() -> Value {
    s::fixture_json("anam_analytics.json")
}

fn aggregate_body() -> Value {
    s::fixture_json("anam_analytics_aggregate.json")
}

/// The documented report with each turn's words, as Anam sends them with `includeMessages`.
fn report_with_messages(user: &str, persona: &str) -> Value {
    let mut body = report();
    for turn in body["turns"].as_array_mut().unwrap() {
        turn["userMessage"] = json!(user);
        turn["assistantMessage"] = json!(persona);
    }
    body
}

fn server() -> FakeServer {
    FakeAnam::new(ANAM_KEY)
        .with_resource(ID, "analytics", report())
        .with_aggregate(aggregate_body())
        .start()
}

fn analytics(server: &FakeServer, args: &[&str]) -> Run {
    run(
        s::avatarctl_anam(server, ANAM_KEY)
            .args(["sessions", "analytics"])
            .args(args),
        ANAM_KEY,
    )
}

fn keys(value: &Value) -> Vec<&str> {
    value
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect()
}

/// The normalized turn fields in their documented order: the CSV header of a report.
const TURN_FIELDS: [&str; 27] = [
    "session_id",
    "turn_index",
    "correlation_id",
    "user_speech_start_time",
    "user_speech_end_time",
    "user_speech_duration_ms",
    "user_transcription_time",
    "transcription_latency_ms",
    "llm_first_output_time",
    "llm_final_output_time",
    "llm_time_to_first_output_ms",
    "llm_generation_duration_ms",
    "tts_start_time",
    "tts_end_time",
    "tts_generation_duration_ms",
    "tts_time_to_first_audio_ms",
    "persona_start_speaking_time",
    "persona_stop_speaking_time",
    "first_audio_latency_ms",
    "speaking_duration_ms",
    "finish_reason",
    "was_interrupted",
    "interrupted_stage",
    "tool_calls",
    "tool_call_details",
    "user_text",
    "persona_text",
];

#[test]
fn one_id_in_json_is_the_normalized_report() {
    let server = server();
    let document = analytics(&server, &[ID, "-o", "json"]).json();
    assert_eq!(
        keys(&document),
        [
            "provider",
            "session_id",
            "start_time",
            "end_time",
            "duration_ms",
            "session_type",
            "exit_status",
            "client_label",
            "client_metadata",
            "persona_id",
            "api_key_id",
            "config",
            "summary",
            "turns"
        ]
    );
    assert_eq!(document["provider"], "anam");
    assert_eq!(document["session_id"], ID);
    assert_eq!(document["duration_ms"], 754_000);
    assert_eq!(document["end_time"], "2026-04-20T09:12:34Z");
    assert_eq!(document["config"]["tts_voice"], "lcMyyd2HUfFzxdCaC4Ta");
    assert_eq!(document["config"]["transcripts_enabled"], true);
    assert_eq!(
        document["summary"],
        json!({
            "total_turns": 4, "completed_turns": 1, "interrupted_turns": 1,
            "interruption_rate": 0.5, "total_user_speech_duration_ms": 9400,
            "total_user_words": 24, "total_assistant_words": 61, "total_warnings": 0,
            "total_errors": 0,
            "tool_calls": {"total": 1, "succeeded": 1, "failed": 0,
                           "by_name": {"lookup_order": 1}},
            "average_latencies": {"transcription_latency_ms": 310,
                                  "llm_time_to_first_output_ms": 580,
                                  "tts_generation_duration_ms": 1120,
                                  "first_audio_latency_ms": 1240}
        })
    );
    let turns = document["turns"].as_array().unwrap();
    assert_eq!(turns.len(), 2, "the turns listed, whatever totalTurns says");
    assert_eq!(keys(&turns[1]), TURN_FIELDS);
    assert_eq!(turns[1]["first_audio_latency_ms"], 1390);
    assert_eq!(turns[1]["user_speech_end_time"], "2026-04-20T09:00:11.300Z");
    assert_eq!(turns[1]["tool_calls"], 1);
    assert_eq!(
        turns[1]["tool_call_details"],
        json!([{"tool_call_id": "tool-0001", "tool_name": "lookup_order",
                "tool_type": "SERVER_WEBHOOK", "status": "completed",
                "started_at": "2026-04-20T09:00:12.400Z",
                "completed_at": "2026-04-20T09:00:13.100Z", "duration_ms": 700,
                "error_message": null}])
    );
    assert_eq!(turns[0]["first_audio_latency_ms"], Value::Null);
    assert_eq!(turns[0]["user_text"], Value::Null);
    let request = &server.requests()[0];
    assert_eq!(request.path, format!("/v1/sessions/{ID}/analytics"));
    assert!(request.query.is_empty(), "{:?}", request.query);
}

#[test]
fn ndjson_and_csv_are_one_turn_a_line_session_id_first() {
    let server = server();
    let lines = analytics(&server, &[ID, "-o", "ndjson"]).ndjson();
    assert_eq!(lines.len(), 2);
    assert_eq!(keys(&lines[0])[0], "session_id");
    assert_eq!(lines[1]["tts_time_to_first_audio_ms"], 390);
    let csv = analytics(&server, &[ID, "-o", "csv"]);
    let mut rows = csv.success().lines();
    assert_eq!(rows.next(), Some(TURN_FIELDS.join(",").as_str()));
    assert!(
        rows.next()
            .unwrap()
            .starts_with(&format!("{ID},0,corr-0000,,,"))
    );
    assert_eq!(rows.count(), 1);
    let picked = analytics(
        &server,
        &[
            ID,
            "-o",
            "csv",
            "--fields",
            "turn_index,first_audio_latency_ms,was_interrupted,tool_calls",
        ],
    );
    assert_eq!(
        picked.success(),
        "turn_index,first_audio_latency_ms,was_interrupted,tool_calls\n0,,false,0\n1,1390,true,1\n"
    );
    let json = analytics(&server, &[ID, "-o", "json", "--fields", "turn_index"]).json();
    assert_eq!(json["turns"], json!([{"turn_index": 0}, {"turn_index": 1}]));
    assert_eq!(json["summary"]["total_turns"], 4, "the report stays whole");
    let unknown = Run::of(s::avatarctl_anam(&server, ANAM_KEY).args([
        "sessions",
        "analytics",
        ID,
        "--fields",
        "x",
    ]));
    assert!(
        unknown
            .usage_error()
            .contains("valid fields: session_id, turn_index")
    );
}

#[test]
fn the_table_is_a_summary_then_a_row_per_turn() {
    let server = server();
    let table = analytics(&server, &[ID]);
    let out = table.success();
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[0],
        format!("session {ID} · Cara · 2026-04-20 09:00:00 +00:00 · 12m 34s · turnkey")
    );
    let row = |label: &str| {
        lines
            .iter()
            .find(|line| line.starts_with(label))
            .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
            .unwrap_or_else(|| panic!("no {label:?} line in:\n{out}"))
    };
    assert_eq!(row("turns"), "turns 4 (2 listed)");
    assert_eq!(row("interruption rate"), "interruption rate 50.0%");
    assert_eq!(
        row("average first audio latency"),
        "average first audio latency 1s 240ms"
    );
    assert_eq!(row("tool calls"), "tool calls 1 (1 ok, 0 failed)");
    let header = lines
        .iter()
        .position(|line| line.starts_with("TURN INDEX"))
        .expect("the turn table");
    assert_eq!(
        lines[header]
            .split("   ")
            .map(str::trim)
            .filter(|h| !h.is_empty())
            .collect::<Vec<_>>(),
        [
            "TURN INDEX",
            "USER SPEECH DURATION",
            "FIRST AUDIO LATENCY",
            "LLM TIME TO FIRST OUTPUT",
            "TTS TIME TO FIRST AUDIO",
            "SPEAKING DURATION",
            "WAS INTERRUPTED",
            "TOOL CALLS"
        ]
    );
    assert_eq!(
        lines[header + 2].split_whitespace().collect::<Vec<_>>(),
        [
            "1", "2s", "300ms", "1s", "390ms", "570ms", "390ms", "3s", "510ms", "true", "1"
        ]
    );
    assert_eq!(lines.len(), header + 3);
}

#[test]
fn messages_are_asked_for_with_messages_and_kept_out_of_the_verbose_log() {
    let words = "my card number is 4111";
    let server = FakeAnam::new(ANAM_KEY)
        .with_resource(ID, "analytics", report_with_messages(words, "Let me look."))
        .start();
    let table = analytics(&server, &[ID, "--messages", "-v"]);
    let out = table.success();
    assert!(
        out.contains("USER TEXT") && out.contains("PERSONA TEXT"),
        "{out}"
    );
    assert!(out.contains(words) && out.contains("Let me look."), "{out}");
    assert!(!table.stderr.contains("4111"), "{}", table.stderr);
    assert_eq!(
        server.requests()[0].query_param("includeMessages"),
        Some("true")
    );
    let json = analytics(&server, &[ID, "--messages", "-o", "json"]).json();
    assert_eq!(json["turns"][1]["user_text"], words);
    let plain = self::server();
    let without = analytics(&plain, &[ID, "-o", "csv", "--fields", "user_text"]);
    // A row of one empty cell is written `""`, so that it is not a blank line.
    assert_eq!(without.success(), "user_text\n\"\"\n\"\"\n");
    without.assert_stderr_contains("come only with --messages");
    assert_eq!(plain.requests()[0].query_param("includeMessages"), None);
    assert_eq!(json["turns"][1]["persona_text"], "Let me look.");

    let mut broken = serde_json::to_string(&report_with_messages(words, "x")).unwrap();
    broken.truncate(broken.len() - 3);
    let server = FakeAnam::new(ANAM_KEY)
        .answering(
            ID,
            "analytics",
            Reply::text(200, "application/json", broken),
        )
        .start();
    let failed = analytics(&server, &[ID, "--messages", "-v"]);
    assert_eq!(failed.code, Some(5));
    assert!(!failed.stderr.contains("4111"), "{}", failed.stderr);
}

#[test]
fn several_ids_keep_their_order_and_stdin_gives_ids_one_per_line() {
    let mut second = report();
    second["sessionId"] = json!(SECOND);
    second["turns"].as_array_mut().unwrap().truncate(1);
    let server = FakeAnam::new(ANAM_KEY)
        .with_resource(ID, "analytics", report())
        .with_resource(SECOND, "analytics", second)
        .start();
    let both = analytics(&server, &[SECOND, ID, "-o", "json"]).json();
    let order: Vec<&str> = both
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["session_id"].as_str().unwrap())
        .collect();
    assert_eq!(order, [SECOND, ID]);
    let piped = run(
        s::avatarctl_anam(&server, ANAM_KEY)
            .args([
                "sessions",
                "analytics",
                "-",
                "-o",
                "ndjson",
                "--fields",
                "session_id,turn_index",
            ])
            .write_stdin(format!("{ID}\n\n  {SECOND}  \n")),
        ANAM_KEY,
    );
    assert_eq!(
        piped.ndjson(),
        [
            json!({"session_id": ID, "turn_index": 0}),
            json!({"session_id": ID, "turn_index": 1}),
            json!({"session_id": SECOND, "turn_index": 0}),
        ]
    );
    let table = analytics(&server, &[ID, SECOND]);
    assert_eq!(table.success().matches("session 0000").count(), 2);
    let empty = run(
        s::avatarctl_anam(&server, ANAM_KEY)
            .args(["sessions", "analytics", "-"])
            .write_stdin(""),
        ANAM_KEY,
    );
    assert_eq!(empty.quiet_success(), "");
    assert_eq!(server.request_count(), 6);
}

#[test]
fn a_missing_report_quotes_the_reason_the_provider_named() {
    let still = "00000000-0000-4000-8000-000000000007";
    let hostile = "00000000-0000-4000-8000-000000000008";
    let server = FakeAnam::new(ANAM_KEY)
        .with_resource(ID, "analytics", report())
        .answering(
            still,
            "analytics",
            Reply::json(404, &json!({"message": "Session is still in progress"})),
        )
        .answering(
            hostile,
            "analytics",
            Reply::json(
                404,
                &json!({"message": format!("\x1b[31mlivekit sessions have no reports {ANAM_KEY}")}),
            ),
        )
        .start();
    let line = analytics(&server, &[still]).failure(3).to_owned();
    assert!(
        line.starts_with(&format!(
            "no analytics report for {still} on anam (HTTP 404: Session is still in progress)"
        )),
        "{line}"
    );
    assert!(line.contains("LiveKit"), "{line}");
    let line = analytics(&server, &[hostile]).failure(3).to_owned();
    assert!(
        line.contains("(HTTP 404: ^[[31mlivekit sessions have no reports"),
        "{line}"
    );
    // With one of two missing, the other still prints and the exit code is the 404's.
    let partial = analytics(&server, &[ID, still, "-o", "ndjson"]);
    assert_eq!(partial.code, Some(3));
    assert_eq!(partial.stdout.lines().count(), 2);
    partial.assert_stderr_contains("Session is still in progress");
}

#[test]
fn an_odd_field_is_null_with_one_warning_and_the_rest_stays() {
    let mut body = report();
    body["turns"][0]["firstAudioLatencySeconds"] = json!("fast");
    body["turns"][1]["firstAudioLatencySeconds"] = json!("slow");
    let server = FakeAnam::new(ANAM_KEY)
        .with_resource(ID, "analytics", body)
        .start();
    let run = analytics(&server, &[ID, "-o", "ndjson"]);
    let lines = run.ndjson();
    assert_eq!(lines[1]["first_audio_latency_ms"], Value::Null);
    assert_eq!(lines[1]["speaking_duration_ms"], 3510);
    let warnings: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(warnings.len(), 1, "{}", run.stderr);
    assert!(
        warnings[0].starts_with(&format!(
            "warning: turn 0 of session {ID}: `firstAudioLatencySeconds` is \"fast\", not a \
             duration — its first_audio_latency_ms is shown as null (and in 1 more turn)"
        )),
        "{}",
        warnings[0]
    );
}

#[test]
fn credentials_in_the_client_metadata_are_masked_unless_asked_for() {
    let mut body = report();
    body["clientMetadata"] = json!({"userAgent": "Mozilla/5.0", "sessionToken": "tok-123"});
    let server = FakeAnam::new(ANAM_KEY)
        .with_resource(ID, "analytics", body)
        .start();
    let masked = analytics(&server, &[ID, "-o", "json"]).json();
    assert_eq!(
        masked["client_metadata"],
        json!({"userAgent": "Mozilla/5.0", "sessionToken": "[REDACTED]"})
    );
    let shown = analytics(&server, &[ID, "-o", "json", "--show-secrets"]).json();
    assert_eq!(shown["client_metadata"]["sessionToken"], "tok-123");
}

#[test]
fn the_aggregate_in_json_is_the_normalized_document() {
    let server = server();
    let document = analytics(&server, &["-o", "json"]).json();
    assert_eq!(
        keys(&document),
        [
            "provider",
            "from",
            "to",
            "filters",
            "session_count",
            "sessions_with_reports",
            "truncated",
            "turn_count",
            "latencies",
            "counts",
            "rates",
            "slowest_turns"
        ]
    );
    assert_eq!(document["latencies"]["first_audio_latency_ms"]["p95"], 2210);
    assert_eq!(
        document["latencies"]["speaking_duration_ms"],
        json!({"count": 1698, "avg": 7850, "p50": 6920, "p90": 13410, "p95": 16080,
               "p99": 22600, "max": 41190})
    );
    assert_eq!(
        document["filters"],
        json!({"persona_id": null, "api_key_id": null, "client_label": null, "session_type": null})
    );
    assert_eq!(document["counts"]["interrupted_before_audio_turns"], 22);
    assert_eq!(document["rates"]["error_session_rate"], 0.0248);
    assert_eq!(
        document["slowest_turns"][0],
        json!({"session_id": ID, "correlation_id": "corr-1042",
               "metric": "first_audio_latency_ms", "value_ms": 6750,
               "session_start_time": "2026-04-20T08:41:12Z", "persona_id": null,
               "client_label": "js-sdk-api-key"})
    );
    let request = &server.requests()[0];
    assert_eq!(request.path, "/v1/sessions/analytics");
    assert!(request.query.is_empty(), "the provider's default window");
    assert!(server.requests().len() == 1);
}

#[test]
fn the_aggregate_is_a_latency_metric_a_line_in_ndjson_and_csv() {
    let server = server();
    let lines = analytics(&server, &["-o", "ndjson"]).ndjson();
    assert_eq!(lines.len(), 8);
    assert_eq!(
        lines[5],
        json!({"metric": "first_audio_latency_ms", "count": 1698, "avg_ms": 1310,
               "p50_ms": 1180, "p90_ms": 1860, "p95_ms": 2210, "p99_ms": 3420,
               "max_ms": 6750, "from": "2026-04-19T09:00:00Z", "to": "2026-04-20T09:00:00Z"})
    );
    let csv = analytics(&server, &["-o", "csv"]);
    let rows: Vec<&str> = csv.success().lines().collect();
    assert_eq!(
        rows[0],
        "metric,count,avg_ms,p50_ms,p90_ms,p95_ms,p99_ms,max_ms,from,to"
    );
    assert_eq!(
        rows[1],
        "transcription_latency_ms,1702,340,290,520,610,940,1870,2026-04-19T09:00:00Z,2026-04-20T09:00:00Z"
    );
    assert_eq!(rows.len(), 9);
    let picked = analytics(&server, &["-o", "csv", "--fields", "metric,p95_ms"]);
    assert_eq!(
        picked.success().lines().nth(6),
        Some("first_audio_latency_ms,2210")
    );
    let json = analytics(&server, &["-o", "json", "--fields", "p95_ms"]).json();
    assert_eq!(
        json["latencies"]["first_audio_latency_ms"],
        json!({"p95_ms": 2210})
    );
    assert_eq!(json["session_count"], 128);
}

#[test]
fn the_aggregate_table_shows_latencies_counts_rates_and_the_slowest_turns() {
    let server = server();
    let table = analytics(&server, &[]);
    let out = table.success();
    let lines: Vec<&str> = out.lines().collect();
    let words = |line: &str| line.split_whitespace().collect::<Vec<_>>().join(" ");
    assert_eq!(
        words(lines[0]),
        "window 2026-04-19 09:00:00 +00:00 – 2026-04-20 09:00:00 +00:00"
    );
    assert_eq!(words(lines[1]), "sessions 128 (121 with reports)");
    let header = lines
        .iter()
        .position(|l| l.starts_with("METRIC"))
        .expect("the latency table");
    assert_eq!(words(lines[header]), "METRIC COUNT AVG P50 P90 P95 P99 MAX");
    let first_audio = lines
        .iter()
        .find(|l| l.starts_with("first_audio_latency_ms"))
        .unwrap();
    assert_eq!(
        words(first_audio),
        "first_audio_latency_ms 1698 1s 310ms 1s 180ms 1s 860ms 2s 210ms 3s 420ms 6s 750ms"
    );
    for heading in ["COUNTS", "RATES", "SLOWEST TURNS"] {
        assert!(lines.contains(&heading), "{heading} in:\n{out}");
    }
    assert!(out.contains("interrupted before audio rate"), "{out}");
    assert!(
        lines.iter().any(|l| words(l) == "error session rate 2.5%"),
        "{out}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with(ID) && l.contains("corr-1042")),
        "{out}"
    );
}

#[test]
fn the_window_and_filters_are_sent_as_anam_names_them() {
    let server = server();
    analytics(
        &server,
        &[
            "--since",
            "2026-04-13T09:00:00Z",
            "--until",
            "2026-04-20T09:00:00+02:00",
            "--persona-id",
            "3f1c2b9e-8d4a-4c6f-9e21-7a5b0c3d1e2f",
            "--api-key-id",
            "00000000-0000-4000-a000-0000000000a1",
            "--label",
            "web app",
            "--session-type",
            "custom-llm-server",
            "-o",
            "json",
        ],
    )
    .json();
    let request = &server.requests()[0];
    let sent: Vec<(&str, &str)> = request
        .query
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    assert_eq!(
        sent,
        [
            ("from", "2026-04-13T09:00:00Z"),
            ("to", "2026-04-20T07:00:00Z"),
            ("personaId", "3f1c2b9e-8d4a-4c6f-9e21-7a5b0c3d1e2f"),
            ("apiKeyId", "00000000-0000-4000-a000-0000000000a1"),
            ("clientLabel", "web app"),
            ("sessionType", "custom_llm_server"),
        ]
    );
    // A span back from now sends `from` alone: Anam's `to` defaults to now.
    analytics(&server, &["--since", "7d", "-o", "json"]).json();
    let request = &server.requests()[1];
    let from = request.query_param("from").expect("from");
    let from = chrono::DateTime::parse_from_rfc3339(from).unwrap();
    let ago = chrono::Utc::now().signed_duration_since(from);
    assert!(
        (ago - chrono::TimeDelta::days(7)).num_seconds().abs() < 60,
        "{ago}"
    );
    assert_eq!(request.query_param("to"), None);
}

#[test]
fn local_times_are_read_in_tz_across_a_change_of_the_clocks_or_in_utc_with_utc() {
    let server = server();
    let window = ["--since", "2026-03-29 00:00", "--until", "2026-03-29T04:00"];
    // Central European time as a POSIX rule, so no tz database is needed: on 29 March 2026
    // the clocks go from 02:00 +01:00 to 03:00 +02:00.
    run(
        s::avatarctl_anam(&server, ANAM_KEY)
            .env("TZ", "CET-1CEST,M3.5.0,M10.5.0/3")
            .args(["sessions", "analytics", "-o", "json"])
            .args(window),
        ANAM_KEY,
    )
    .json();
    run(
        s::avatarctl_anam(&server, ANAM_KEY)
            .env("TZ", "CET-1CEST,M3.5.0,M10.5.0/3")
            .args(["sessions", "analytics", "-o", "json", "--utc"])
            .args(window),
        ANAM_KEY,
    )
    .json();
    let requests = server.requests();
    let sent = |i: usize| {
        (
            requests[i].query_param("from").unwrap().to_owned(),
            requests[i].query_param("to").unwrap().to_owned(),
        )
    };
    assert_eq!(
        sent(0),
        ("2026-03-28T23:00:00Z".into(), "2026-03-29T02:00:00Z".into())
    );
    assert_eq!(
        sent(1),
        ("2026-03-29T00:00:00Z".into(), "2026-03-29T04:00:00Z".into())
    );
    let skipped = Run::of(
        s::avatarctl_anam(&server, ANAM_KEY)
            .env("TZ", "CET-1CEST,M3.5.0,M10.5.0/3")
            .args(["sessions", "analytics", "--since", "2026-03-29 02:30"]),
    );
    assert!(
        skipped
            .usage_error()
            .contains("2026-03-29 02:30 does not exist in the local time zone"),
        "{}",
        skipped.stderr
    );
    assert_eq!(server.request_count(), 2);
}

#[test]
fn a_bad_window_is_refused_before_any_request() {
    let server = server();
    let refused = |args: &[&str]| {
        Run::of(
            s::avatarctl_anam(&server, ANAM_KEY)
                .args(["sessions", "analytics"])
                .args(args),
        )
    };
    let reversed = refused(&["--since", "2026-04-20", "--until", "2026-04-19"]);
    assert!(
        reversed
            .usage_error()
            .starts_with("--since (2026-04-20T00:00:00Z) is not before --until"),
        "{}",
        reversed.stderr
    );
    let long = refused(&[
        "--since",
        "2026-03-01T00:00:00Z",
        "--until",
        "2026-04-20T00:00:00Z",
    ]);
    assert!(
        long.usage_error()
            .starts_with("the aggregate report covers at most 31 days, and this window is 50 days"),
        "{}",
        long.stderr
    );
    let long = refused(&["--since", "5w"]);
    assert!(long.usage_error().contains("at most 31 days"));
    let future = refused(&["--since", "2099-01-01"]);
    assert!(future.usage_error().contains("is not in the past"));
    let typo = refused(&["--since", "yesterday"]);
    assert!(
        typo.parse_error().contains("is not a time"),
        "{}",
        typo.stderr
    );
    let messages = refused(&["--messages"]);
    assert!(messages.usage_error().starts_with("--messages applies to"));
    let both = refused(&[ID, "--since", "7d"]);
    assert!(
        both.parse_error().contains("cannot be used with"),
        "{}",
        both.stderr
    );
    // Exactly 31 days is the most Anam allows, and is sent.
    analytics(
        &server,
        &[
            "--since",
            "2026-03-20T00:00:00Z",
            "--until",
            "2026-04-20T00:00:00Z",
            "-o",
            "json",
        ],
    )
    .json();
    assert_eq!(server.request_count(), 1, "only the 31-day window was sent");
}

#[test]
fn a_truncated_aggregate_is_a_note_after_the_data() {
    let mut body = aggregate_body();
    body["truncated"] = json!(true);
    let server = FakeAnam::new(ANAM_KEY).with_aggregate(body).start();
    let run = analytics(&server, &["-o", "json"]);
    assert_eq!(run.json()["truncated"], true);
    run.assert_stderr_contains("only the 1000 most recent reports were used");
    let quiet = analytics(&server, &["-o", "json", "-q"]);
    assert_eq!(quiet.stderr, "");
    let untruncated = analytics(
        &FakeAnam::new(ANAM_KEY)
            .with_aggregate(aggregate_body())
            .start(),
        &["-o", "csv"],
    );
    assert_eq!(untruncated.quiet_success().lines().count(), 9);
}

#[test]
fn a_provider_without_analytics_is_refused_before_any_request() {
    let server = FakeAgentHuman::new(AH_KEY).start();
    for args in [
        &["sessions", "analytics", "sess_1"][..],
        &["sessions", "analytics"],
    ] {
        let refused = run(s::avatarctl_agenthuman(&server, AH_KEY).args(args), AH_KEY);
        assert_eq!(
            refused.usage_error(),
            "agenthuman has no session analytics — `sessions analytics` works with anam; pick \
             one with -p"
        );
    }
    assert_eq!(server.request_count(), 0);
}
