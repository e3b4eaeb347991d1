//! Trust: one odd record never costs the export, `--all` never loses sessions silently, and
//! the errors and secrets a hostile provider can provoke — each class tested against fakes
//! that misbehave the way real APIs do.

use serde_json::{Value, json};

use crate::support::{
    self as s, AH_KEY, ANAM_KEY, FakeAgentHuman, FakeAnam, FakeServer, Recorded, Reply, anam,
    avatarctl_agenthuman, avatarctl_anam, ids, run,
};

fn list(server: &FakeServer, args: &[&str]) -> s::Run {
    run(
        avatarctl_anam(server, ANAM_KEY)
            .args(["sessions", "list"])
            .args(args),
        ANAM_KEY,
    )
}

/// A list whose sessions 1 to 4 each have one odd field, and session 5 no ID at all.
fn odd_sessions() -> FakeServer {
    let mut sessions: Vec<Value> = (0..7).map(anam::session).collect();
    sessions[1]["sessionLengthMs"] = json!(-5);
    sessions[2]["sessionLengthMs"] = json!("90000");
    sessions[3]["endTime"] = json!("not a date");
    sessions[4]["clientLabel"] = json!(42);
    sessions[5].as_object_mut().unwrap().remove("id");
    sessions[6]["sessionLengthMs"] = json!(-1);
    let fake = sessions
        .into_iter()
        .fold(FakeAnam::new(ANAM_KEY), FakeAnam::with_session);
    fake.start()
}

#[test]
fn an_odd_field_is_null_with_one_warning_per_field_and_the_export_completes() {
    let server = odd_sessions();
    let run = list(&server, &["--all", "-o", "ndjson"]);
    let rows = run.ndjson();
    assert_eq!(run.code, Some(0), "{run:#?}");
    assert_eq!(rows.len(), 6, "every session with an ID, once");
    assert_eq!(rows[1]["duration_ms"], Value::Null);
    assert_eq!(
        rows[1]["raw"]["sessionLengthMs"], -5,
        "raw keeps what was sent"
    );
    assert_eq!(rows[2]["duration_ms"], Value::Null);
    assert_eq!(rows[3]["ended_at"], Value::Null);
    assert_eq!(
        rows[3]["status"], "ended",
        "an endTime was sent, if not a readable one"
    );
    assert_eq!(rows[4]["label"], Value::Null);
    assert_eq!(
        rows[0]["duration_ms"], 60_000,
        "the other fields are read as ever"
    );
    let warnings: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(
        warnings.len(),
        4,
        "one line per field and one for the skip:\n{}",
        run.stderr
    );
    assert!(
        warnings[0].starts_with(&format!(
            "warning: session {}: `sessionLengthMs` is -5, not a duration — its duration_ms is \
             shown as null (and in 2 more sessions)",
            anam::session_id(1)
        )),
        "{}",
        run.stderr
    );
    run.assert_stderr_contains("`endTime` is \"not a date\", not an RFC 3339 time");
    run.assert_stderr_contains("`clientLabel` is 42, not text — its label is shown as null");
    run.assert_stderr_contains("warning: skipped a session without a usable ID: `id` is missing");
    assert!(!run.stderr.contains("check --base-url"), "{}", run.stderr);
}

#[test]
fn raw_reads_no_normalized_field_and_warns_of_none() {
    let server = odd_sessions();
    let run = list(&server, &["--all", "-o", "ndjson", "--raw"]);
    assert_eq!(run.ndjson().len(), 6);
    assert_eq!(
        run.stderr.lines().count(),
        1,
        "only the skipped session:\n{}",
        run.stderr
    );
    // With --fields, only the fields shown are worth a warning.
    let run = list(&server, &["--all", "-o", "csv", "--fields", "id,label"]);
    assert_eq!(run.success().lines().count(), 7);
    assert!(run.stderr.contains("label"), "{}", run.stderr);
    assert!(!run.stderr.contains("duration_ms"), "{}", run.stderr);
}

/// A page of three sessions whose second has a key with a lone surrogate escape and whose
/// third has an end time only serde_json's tree refuses: JSON text no `Value` can hold.
fn unreadable_sessions() -> FakeServer {
    let [a, b, c] = [0, 1, 2].map(|i| serde_json::to_string(&anam::session(i)).unwrap());
    let b = b.replacen('{', r#"{"\ud800":1,"#, 1);
    let c = c.replacen(r#""endTime":"#, r#""endTime":"\udc00","old":"#, 1);
    let body = format!(
        r#"{{"data":[{a},{b},{c}],"meta":{{"total":3,"lastPage":1,"perPage":100,"currentPage":1}}}}"#
    );
    FakeServer::start(move |_| Reply::text(200, "application/json", body.clone()))
}

#[test]
fn a_record_no_tree_can_hold_is_skipped_alone_in_every_format() {
    let server = unreadable_sessions();
    for args in [
        &["-o", "csv", "--fields", "id,status"][..],
        &["-o", "ndjson"],
    ] {
        let run = list(&server, &[&["--all"], args].concat());
        let out = run.success();
        let (first, third) = (anam::session_id(0), anam::session_id(2));
        assert!(
            out.contains(&first) && out.contains(&third),
            "{args:?}: {out}"
        );
        assert!(!out.contains(&anam::session_id(1)), "{args:?}: {out}");
        run.assert_stderr_contains(
            "warning: skipped a session without a usable ID: a session cannot be read: \
             unexpected end of hex escape\n",
        );
    }
    // The third session's end time is there but unreadable: the session ended, and where its
    // end time is shown, a warning says why it is null.
    let run = list(&server, &["--all", "-o", "csv", "--fields", "id,status"]);
    assert!(
        run.success()
            .contains(&format!("{},ended", anam::session_id(2)))
    );
    let run = list(&server, &["--all", "-o", "ndjson"]);
    let third = &run.ndjson()[1];
    assert_eq!(
        (&third["status"], &third["ended_at"]),
        (&json!("ended"), &Value::Null)
    );
    run.assert_stderr_contains("`endTime` cannot be read: ");
}

#[test]
fn integers_in_raw_keep_every_digit() {
    let mut session = anam::session(0);
    session["big"] = json!(9_007_199_254_740_993_u64);
    let huge = "123456789012345678901234567890";
    let text =
        serde_json::to_string(&session)
            .unwrap()
            .replacen('{', &format!("{{\"huger\":{huge},"), 1);
    let server = FakeServer::start(move |_| {
        Reply::text(
            200,
            "application/json",
            format!(r#"{{"data":[{text}],"meta":{{"total":1,"lastPage":1}}}}"#),
        )
    });
    for format in ["ndjson", "json"] {
        let out = list(&server, &["-o", format, "--raw"]).success().to_owned();
        assert!(out.contains("9007199254740993"), "{out}");
        assert!(out.contains(huge) && !out.contains("1.2345"), "{out}");
    }
}

#[test]
fn agenthuman_integer_ids_are_shown_as_decimal_text() {
    let session = json!({
        "session_id": 12345, "status": "completed", "duration": 90,
        "avatar": {"avatar_id": 77, "name": "Old"}, "created_at": "2024-01-15T12:00:00Z"
    });
    let server = FakeAgentHuman::new(AH_KEY).with_session(session).start();
    let listed = run(
        avatarctl_agenthuman(&server, AH_KEY).args(["sessions", "list", "-o", "json"]),
        AH_KEY,
    );
    let rows = listed.json();
    assert_eq!(rows[0]["id"], "12345");
    assert_eq!(rows[0]["persona_id"], "77");
    assert_eq!(rows[0]["status"], "ended");
    assert_eq!(listed.stderr, "");
}

/// An Anam-shaped list of `n` sessions served in pages of `served` whatever is asked, with
/// `meta` as `meta(page, per_page)` says.
fn paged(n: usize, served: usize, meta: fn(u64, u64) -> Value) -> FakeServer {
    let sessions: Vec<Value> = (0..n).map(anam::session).collect();
    FakeServer::start(move |request: &Recorded| {
        let page: u64 = request.query_param("page").unwrap_or("1").parse().unwrap();
        let asked: u64 = request
            .query_param("perPage")
            .unwrap_or("10")
            .parse()
            .unwrap();
        let start = ((page - 1) as usize) * served;
        let data: Vec<&Value> = sessions.iter().skip(start).take(served).collect();
        Reply::json(200, &json!({"data": data, "meta": meta(page, asked)}))
    })
}

#[test]
fn a_last_page_smaller_than_the_data_still_brings_every_session() {
    let server = paged(
        350,
        100,
        |_, _| json!({"total": 350, "lastPage": 1, "perPage": 100}),
    );
    let run = list(&server, &["--all", "-o", "ndjson"]);
    let expected: Vec<String> = (0..350).map(anam::session_id).collect();
    assert_eq!(run.ndjson_ids(), expected);
    assert_eq!(
        server.request_count(),
        4,
        "pages 1 to 4: page 4 came back short"
    );
}

#[test]
fn pages_smaller_than_announced_are_a_partial_export_and_exit_5() {
    let server = paged(
        350,
        28,
        |_, _| json!({"total": 350, "lastPage": 4, "perPage": 100}),
    );
    let run = list(&server, &["--all", "-o", "ndjson"]);
    assert_eq!(run.code, Some(5), "{run:#?}");
    assert_eq!(run.stdout.lines().count(), 112, "what arrived was streamed");
    run.assert_stderr_contains(
        "the list is incomplete: 112 of the 350 sessions expected arrived (238 missing)",
    );
}

#[test]
fn an_empty_page_in_the_middle_does_not_discard_the_pages_after_it() {
    let sessions: Vec<Value> = (0..350).map(anam::session).collect();
    let server = FakeServer::start(move |request: &Recorded| {
        let page: usize = request.query_param("page").unwrap().parse().unwrap();
        let data: Vec<&Value> = match page {
            2 => Vec::new(),
            _ => sessions.iter().skip((page - 1) * 100).take(100).collect(),
        };
        Reply::json(
            200,
            &json!({"data": data, "meta": {"total": 350, "lastPage": 4}}),
        )
    });
    let run = list(&server, &["--all", "-o", "ndjson"]);
    assert_eq!(run.code, Some(5), "{run:#?}");
    let got: Vec<String> = run
        .stdout
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["id"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    assert_eq!(got.len(), 250);
    assert_eq!(
        got[100],
        anam::session_id(200),
        "page 3 followed the empty page 2"
    );
    run.assert_stderr_contains("250 of the 350 sessions expected arrived (100 missing)");
}

#[test]
fn a_limit_that_comes_up_short_is_exit_5_too() {
    // Announces 1000 sessions on 10 pages, but only page 1 has any.
    let server = paged(
        50,
        50,
        |_, _| json!({"total": 1000, "lastPage": 10, "perPage": 100}),
    );
    let run = list(&server, &["--limit", "150", "-o", "csv"]);
    assert_eq!(run.code, Some(5), "{run:#?}");
    run.assert_stderr_contains("50 of the 150 sessions expected arrived");
    let whole = FakeAnam::new(ANAM_KEY).with_sessions(1000).start();
    let run = list(&whole, &["--limit", "150", "-o", "csv"]);
    assert_eq!(run.success().lines().count(), 151);
}

#[test]
fn a_200_that_says_success_false_maps_by_its_code() {
    let cases = [
        (
            json!({"success": false, "error": {"message": "Invalid API key", "code": "INVALID_API_KEY"}}),
            4,
            "Invalid API key",
        ),
        (
            json!({"success": false, "error": {"message": "No such session", "code": "NOT_FOUND"}}),
            3,
            "No such session",
        ),
        (
            json!({"success": false, "error": "Database unavailable"}),
            5,
            "Database unavailable",
        ),
    ];
    for (body, code, says) in cases {
        let server = FakeServer::start(move |_| Reply::json(200, &body));
        let run = run(
            avatarctl_agenthuman(&server, AH_KEY).args(["sessions", "list"]),
            AH_KEY,
        );
        let message = run.failure(code).to_owned();
        assert!(message.contains(says), "{message}");
        assert!(message.contains("success: false"), "{message}");
        assert!(!message.contains("malformed"), "{message}");
    }
}

#[test]
fn a_list_path_not_found_says_to_check_the_base_url() {
    let server = FakeAnam::new(ANAM_KEY).with_sessions(1).start();
    let run = run(
        s::avatarctl()
            .env("ANAM_API_KEY", ANAM_KEY)
            .args([
                "-p",
                "anam",
                "--base-url",
                &format!("{}/wrong-prefix", server.url()),
            ])
            .args(["sessions", "list"]),
        ANAM_KEY,
    );
    let message = run.failure(3);
    assert!(
        message.starts_with("anam has no session list at GET /wrong-prefix/v1/sessions"),
        "{message}"
    );
    assert!(message.contains("check --base-url"), "{message}");
    assert!(!message.contains("check the ID"), "{message}");
}

#[test]
fn a_retry_after_too_long_to_wait_is_named_and_an_absurd_one_is_too_long() {
    for (value, says) in [
        ("7200", "it asked to wait 2h"),
        (
            "99999999999999999999999",
            "it asked to wait more than a year",
        ),
    ] {
        let server = FakeServer::start(move |_| {
            Reply::json(429, &json!({"message": "slow down"})).header("Retry-After", value)
        });
        let run = list(&server, &[]);
        let message = run.failure(6).to_owned();
        assert!(message.contains(says), "{message}");
        assert_eq!(
            server.request_count(),
            1,
            "no retry of a wait too long: {value}"
        );
    }
}

#[test]
fn get_with_a_refused_key_stops_after_the_first_request() {
    let server = FakeAnam::new("another-key").with_sessions(3).start();
    let ids: Vec<String> = (0..3).map(anam::session_id).collect();
    let run = run(
        avatarctl_anam(&server, ANAM_KEY)
            .env("GITHUB_ACTIONS", "true")
            .args(["sessions", "get"])
            .args(&ids),
        ANAM_KEY,
    );
    assert_eq!(run.code, Some(4));
    assert_eq!(server.request_count(), 1);
    assert_eq!(run.stderr.matches("error: ").count(), 1, "{}", run.stderr);
    assert_eq!(run.stderr.matches("::error::").count(), 1, "{}", run.stderr);
}

#[test]
fn several_failures_exit_by_precedence() {
    // One ID not found (3), one failing at the provider (5): 5 ranks first.
    let broken = anam::session_id(1);
    let server = FakeAnam::new(ANAM_KEY)
        .with_sessions(1)
        .start_answering(move |request| {
            (request.path_segments().last() == Some(&broken))
                .then(|| Reply::json(500, &json!({"message": "boom"})))
        });
    let ids = [
        anam::session_id(0),
        anam::session_id(9),
        anam::session_id(1),
    ];
    let run = run(
        avatarctl_anam(&server, ANAM_KEY)
            .args(["sessions", "get", "--retries", "0", "-o", "ndjson"])
            .args(&ids),
        ANAM_KEY,
    );
    assert_eq!(run.code, Some(5), "{run:#?}");
    assert_eq!(run.stdout.lines().count(), 1);
}

#[test]
fn a_refused_connection_names_the_port() {
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let run = run(
        s::avatarctl()
            .env("ANAM_API_KEY", ANAM_KEY)
            .args([
                "-p",
                "anam",
                "--retries",
                "0",
                "--base-url",
                &format!("http://127.0.0.1:{port}"),
            ])
            .args(["sessions", "list"]),
        ANAM_KEY,
    );
    assert!(
        run.failure(5)
            .starts_with(&format!("cannot connect to 127.0.0.1:{port}:")),
        "{}",
        run.stderr
    );
}

#[test]
fn a_csv_export_that_fails_before_its_first_page_writes_nothing() {
    let server = FakeServer::start(|_| Reply::json(500, &json!({"message": "down"})));
    let run = list(&server, &["--all", "-o", "csv", "--retries", "0"]);
    assert_eq!(run.code, Some(5));
    assert_eq!(run.stdout, "", "not even a header");
    let empty = FakeAnam::new(ANAM_KEY).start();
    let header = list(&empty, &["--all", "-o", "csv"]);
    assert_eq!(
        header.success().lines().count(),
        1,
        "an empty list still has its header"
    );
}

#[test]
fn a_request_id_that_echoes_the_key_is_masked_in_messages_and_annotations() {
    let server = FakeServer::start(|_| {
        Reply::json(401, &json!({"message": "no"}))
            .header("x-request-id", format!("req-{ANAM_KEY}"))
    });
    let run = run(
        avatarctl_anam(&server, ANAM_KEY)
            .env("GITHUB_ACTIONS", "true")
            .args(["sessions", "list"]),
        ANAM_KEY,
    );
    assert_eq!(run.code, Some(4));
    run.assert_stderr_contains("request ID req-[REDACTED]");
    assert!(run.stderr.contains("::error::"), "{}", run.stderr);
}

#[test]
fn credential_fields_by_name_and_signed_urls_are_masked_and_key_ids_kept() {
    let mut session = anam::session(0);
    session["meeting_token"] = json!("mt-1");
    session["auth"] = json!({"refresh_token": "rt", "clientSecret": "cs", "id_token": "it", "Authorization": "Bearer x", "x-api-key": "k", "private_key": "pk"});
    session["recording"] =
        json!("https://bucket.s3.amazonaws.com/r.mp4?X-Amz-Expires=60&X-Amz-Signature=abcdef");
    session["page"] = json!("https://example.com/plain?lang=en");
    let server = FakeAnam::new(ANAM_KEY).with_session(session).start();
    let text = list(&server, &["-o", "json"]).success().to_owned();
    for secret in [
        "mt-1", "\"rt\"", "\"cs\"", "\"it\"", "Bearer x", "\"k\"", "\"pk\"", "abcdef",
    ] {
        assert!(!text.contains(secret), "{secret} in {text}");
    }
    assert!(text.contains("https://example.com/plain?lang=en"), "{text}");
    assert!(
        text.contains(anam::API_KEY_ID),
        "apiKeyId names a key, it is not one"
    );
    let shown = list(&server, &["-o", "json", "--show-secrets"])
        .success()
        .to_owned();
    assert!(
        shown.contains("abcdef") && shown.contains("mt-1"),
        "{shown}"
    );
}

#[test]
fn one_rule_for_case_timeouts_ranges_and_format_options() {
    let server = FakeAnam::new(ANAM_KEY).with_sessions(2).start();
    assert_eq!(ids(&list(&server, &["-o", "JSON"]).json()).len(), 2);
    assert_eq!(
        ids(&list(&server, &["-o", "json", "--timeout", "0.5"]).json()).len(),
        2
    );
    assert!(
        list(&server, &["-o", "json", "--utc"]).json().is_array(),
        "--utc is never refused"
    );
    let zero = list(&server, &["--limit", "0"]);
    let stderr = zero.parse_error();
    assert!(
        stderr.contains("is not a whole number of 1 or more"),
        "{stderr}"
    );
    assert!(
        !stderr.contains("4294967295") && !stderr.contains("..="),
        "{stderr}"
    );
    let raw = s::Run::of(s::avatarctl().args(["providers", "--raw"]));
    let message = raw.usage_error();
    assert!(
        !message.contains("-o json"),
        "no advice that leads to another refusal: {message}"
    );
}

#[test]
fn a_utf8_byte_order_mark_before_the_json_is_accepted() {
    let body = format!(
        "\u{feff}{}",
        json!({"data": [anam::session(0)], "meta": {"total": 1, "lastPage": 1}})
    );
    let server = FakeServer::start(move |_| Reply::text(200, "application/json", body.clone()));
    assert_eq!(
        ids(&list(&server, &["-o", "json"]).json()),
        [anam::session_id(0)]
    );
}

#[test]
fn a_whole_list_is_read_record_by_record_and_a_limit_cuts_it() {
    let server = FakeAgentHuman::new(AH_KEY).with_sessions(500).start();
    let run = run(
        avatarctl_agenthuman(&server, AH_KEY)
            .args(["sessions", "list", "--limit", "5", "-o", "ndjson"]),
        AH_KEY,
    );
    assert_eq!(run.success().lines().count(), 5);
    run.assert_stderr_contains("showing 5 of 500 sessions");
    assert_eq!(server.request_count(), 1);
}

#[test]
fn no_headers_leaves_the_header_row_out_and_table_options_name_the_format_they_refuse() {
    let server = FakeAnam::new(ANAM_KEY).with_sessions(2).start();
    let csv = list(&server, &["-o", "csv", "--no-headers", "--fields", "id"]);
    assert_eq!(
        csv.quiet_success(),
        format!("{}\n{}\n", anam::session_id(0), anam::session_id(1))
    );
    let table = list(&server, &["--no-headers", "--fields", "id,status"]);
    assert!(table.quiet_success().starts_with(&anam::session_id(0)));
    let piped = list(&server, &[]);
    assert!(
        !piped.quiet_success().contains('…'),
        "nothing is cut in a pipe"
    );
    for (args, says) in [
        (
            &["-o", "json", "--wide"][..],
            "--wide applies to tables, not -o json",
        ),
        (
            &["-o", "ndjson", "--no-headers"],
            "--no-headers applies to tables and -o csv, not -o ndjson",
        ),
    ] {
        let run = list(&server, args);
        assert!(run.usage_error().starts_with(says), "{}", run.stderr);
    }
    assert_eq!(server.request_count(), 3, "no request for a refused option");
}

#[test]
fn a_repeated_id_in_a_whole_list_is_shown_once_and_is_not_a_loss() {
    let server = FakeAgentHuman::new(AH_KEY)
        .with_sessions(3)
        .with_session(crate::support::agenthuman::session(1))
        .start();
    let run = run(
        avatarctl_agenthuman(&server, AH_KEY).args(["sessions", "list", "--all", "-o", "ndjson"]),
        AH_KEY,
    );
    assert_eq!(run.ndjson_ids().len(), 3);
}

#[test]
fn a_body_or_a_field_that_echoes_the_key_never_shows_it() {
    let body = serde_json::to_string(&json!(ANAM_KEY)).unwrap();
    let server = FakeServer::start(move |_| Reply::text(200, "application/json", body.clone()));
    let run = list(&server, &["-v"]);
    assert!(run.failure_code_is(5), "{run:#?}");
    assert!(
        run.stderr.contains("the body is a string, not an object"),
        "{}",
        run.stderr
    );
    let mut session = anam::session(0);
    session["sessionLengthMs"] = json!(ANAM_KEY);
    let server = FakeAnam::new(ANAM_KEY).with_session(session).start();
    let run = list(&server, &["-o", "json"]);
    assert!(run.stderr.contains("[REDACTED]"), "{}", run.stderr);
}

#[test]
fn full_pages_that_never_end_are_an_error_not_an_endless_walk() {
    // Announces 20 sessions on 2 pages, then serves full pages of new sessions forever.
    let server = FakeServer::start(|request: &Recorded| {
        let page: usize = request.query_param("page").unwrap().parse().unwrap();
        let data: Vec<Value> = (0..10).map(|i| anam::session(page * 10 + i)).collect();
        Reply::json(
            200,
            &json!({"data": data, "meta": {"total": 20, "lastPage": 2, "perPage": 10}}),
        )
    });
    let run = list(&server, &["--all", "-o", "ndjson"]);
    assert_eq!(run.code, Some(5), "{run:#?}");
    run.assert_stderr_contains("the list runs on");
    assert!(
        server.request_count() <= 10,
        "{} requests",
        server.request_count()
    );
}

#[test]
fn a_limit_reached_exactly_at_the_total_says_nothing_is_left() {
    let server = FakeAnam::new(ANAM_KEY).with_sessions(20).start();
    let run = list(&server, &["-o", "ndjson"]);
    assert_eq!(run.quiet_success().lines().count(), 20);
}
