//! Secrets: the API key never reaches stdout or stderr (not in the `-v` log, not in errors,
//! not when a provider echoes it back), is not sent along a redirect to another origin, and
//! credential fields of responses print as `[REDACTED]` in every format unless
//! `--show-secrets`.

use serde_json::{Value, json};

use crate::support::agenthuman::{self as ah, room_token};
use crate::support::anam;
use crate::support::{
    self as s, AH_KEY, ANAM_KEY, FakeAgentHuman, FakeAnam, FakeServer, Reply, run,
};

#[test]
fn verbose_logs_each_request_to_stderr_without_the_key() {
    let server = FakeAnam::new(ANAM_KEY).with_sessions(250).start();
    let run = run(
        s::avatarctl_anam(&server, ANAM_KEY)
            .args(["-v", "sessions", "list", "--limit", "210", "-o", "json"]),
        ANAM_KEY,
    );
    assert_eq!(s::ids(&run.json()).len(), 210, "stdout is still pure data");
    let mut log: Vec<&str> = run
        .stderr
        .lines()
        .filter(|line| !line.starts_with("note: "))
        .collect();
    // Pages after the first are fetched concurrently, so their lines come in any order.
    log.sort_unstable();
    assert_eq!(log.len(), 3, "{}", run.stderr);
    for (line, page) in log.iter().zip(1..) {
        let url = format!("{}/v1/sessions?page={page}&perPage=100", server.url());
        assert!(line.starts_with(&format!("GET {url} → 200 OK (")), "{line}");
        assert!(line.ends_with(" ms)"), "{line}");
    }
}

#[test]
fn verbose_logs_a_refused_key_without_it() {
    let server = FakeAgentHuman::new("ah_test_expected")
        .with_sessions(1)
        .start();
    let run = run(
        s::avatarctl_agenthuman(&server, AH_KEY).args(["-v", "sessions", "get", "sess_x"]),
        AH_KEY,
    );
    assert_eq!(run.code, Some(4));
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(lines.len(), 2, "{}", run.stderr);
    assert!(
        lines[0].contains("/v1/sessions/sess_x → 401 Unauthorized"),
        "{}",
        lines[0]
    );
    assert!(lines[1].starts_with("error: agenthuman refused the API key from AGENTHUMAN_API_KEY"));
}

/// DESIGN.md: "The API key is never printed: not in errors". A provider that quotes the key
/// it refused must not make avatarctl print it.
#[test]
fn a_key_echoed_by_the_provider_is_not_printed() {
    let server = FakeServer::start(|request| {
        let sent = request
            .header("authorization")
            .unwrap_or_default()
            .to_owned();
        Reply::json(
            401,
            &json!({"message": format!("Invalid credentials: {sent}")}),
        )
    });
    let run = run(
        s::avatarctl_anam(&server, ANAM_KEY).args(["-v", "--retries", "0", "sessions", "list"]),
        ANAM_KEY,
    );
    assert_eq!(run.code, Some(4));
}

#[test]
fn a_redirect_to_another_origin_drops_the_key() {
    let elsewhere = FakeServer::start(|_| {
        Reply::json(
            200,
            &json!({"data": [anam::session(7)], "meta": {"total": 1, "lastPage": 1}}),
        )
    });
    let target = format!("{}/mirror/v1/sessions", elsewhere.url());
    let origin =
        FakeServer::start(move |_| Reply::text(302, "text/plain", "").header("location", &target));
    let run = run(
        s::avatarctl_anam(&origin, ANAM_KEY).args(["-v", "sessions", "list", "-o", "json"]),
        ANAM_KEY,
    );
    assert_eq!(s::ids(&run.json()), [anam::session_id(7)]);
    let bearer = format!("Bearer {ANAM_KEY}");
    assert_eq!(
        origin.requests()[0].header("authorization"),
        Some(bearer.as_str())
    );
    let followed = elsewhere.requests();
    assert_eq!(followed.len(), 1);
    assert_eq!(followed[0].path, "/mirror/v1/sessions");
    assert_eq!(
        followed[0].header("authorization"),
        None,
        "the key went to another origin"
    );
    run.assert_stderr_contains("following without the API key");
}

#[test]
fn a_redirect_within_the_origin_keeps_the_key() {
    for status in [301, 308] {
        let server = FakeAnam::new(ANAM_KEY)
            .with_sessions(2)
            .start_answering(move |request| {
                request.path.starts_with("/old").then(|| {
                    Reply::text(status, "text/plain", "")
                        .header("location", "/v1/sessions?page=1&perPage=20")
                })
            });
        let run = run(
            s::avatarctl_anam(&server, ANAM_KEY)
                .args(["--base-url", &format!("{}/old", server.url())])
                .args(["sessions", "list", "-o", "json"]),
            ANAM_KEY,
        );
        assert_eq!(s::ids(&run.json()).len(), 2);
        let requests = server.requests();
        assert_eq!(requests.len(), 2);
        let bearer = format!("Bearer {ANAM_KEY}");
        assert!(
            requests
                .iter()
                .all(|r| r.header("authorization") == Some(bearer.as_str())),
            "{status}"
        );
    }
}

/// Two generated AgentHuman sessions, each with a `daily_room.token`.
fn agenthuman_with_token() -> FakeServer {
    FakeAgentHuman::new(AH_KEY).with_sessions(2).start()
}

#[test]
fn agenthuman_room_tokens_are_redacted_in_every_format() {
    let server = agenthuman_with_token();
    let token = room_token(1);
    let id = ah::session_id(1);
    // Each rendering, and whether it also shows the room's (non-secret) URL.
    let renderings: [(&[&str], bool); 7] = [
        (&["sessions", "get", &id, "-o", "json"], true),
        (&["sessions", "get", &id, "--raw", "-o", "json"], true),
        (&["sessions", "get", &id], true),
        (&["sessions", "list", "-o", "ndjson"], true),
        (
            &[
                "sessions",
                "list",
                "-o",
                "csv",
                "--fields",
                "id,raw.daily_room",
            ],
            true,
        ),
        (
            &["sessions", "list", "--fields", "id,raw.daily_room.token"],
            false,
        ),
        (&["sessions", "list", "--raw", "-o", "ndjson"], true),
    ];
    for (args, shows_url) in renderings {
        let run = run(s::avatarctl_agenthuman(&server, AH_KEY).args(args), AH_KEY);
        run.assert_hides(&token);
        assert!(
            run.quiet_success().contains("[REDACTED]"),
            "{args:?}: {}",
            run.stdout
        );
        let url = "https://agenthuman.daily.co/room-1";
        assert_eq!(
            run.stdout.contains(url),
            shows_url,
            "{args:?}: {}",
            run.stdout
        );
    }
}

#[test]
fn show_secrets_prints_them_in_every_format() {
    let server = agenthuman_with_token();
    let token = room_token(1);
    let id = ah::session_id(1);
    for args in [
        &["sessions", "get", &id, "-o", "json"][..],
        &["sessions", "get", &id],
        &[
            "sessions",
            "list",
            "-o",
            "csv",
            "--fields",
            "raw.daily_room.token",
        ],
    ] {
        let run = run(
            s::avatarctl_agenthuman(&server, AH_KEY)
                .arg("--show-secrets")
                .args(args),
            AH_KEY,
        );
        assert!(
            run.quiet_success().contains(&token),
            "{args:?}: {}",
            run.stdout
        );
    }
}

#[test]
fn every_documented_credential_name_is_redacted_at_any_depth() {
    let mut session = anam::session(0);
    session["recordingUrl"] = json!("https://rec.example/x.mp4?X-Amz-Signature=sig-recording");
    session["toolCalls"] = json!([
        {"name": "crm", "auth": {"access_token": "sig-access", "api_key": "sig-apikey"}},
        {"name": "db", "password": "sig-password", "session_token": "sig-session"},
    ]);
    session["clientMetadata"]["participant_token"] = json!("sig-participant");
    session["personaConfig"]["llmConfig"]["secret_iv"] = json!("sig-iv");
    session["personaConfig"]["secret"] = json!("sig-secret");
    let server = FakeAnam::new(ANAM_KEY).with_session(session).start();
    let id = anam::session_id(0);
    for args in [
        &["sessions", "get", &id, "-o", "json"][..],
        &["sessions", "get", &id, "--raw", "-o", "ndjson"],
        &["sessions", "get", &id],
    ] {
        let run = run(s::avatarctl_anam(&server, ANAM_KEY).args(args), ANAM_KEY);
        run.quiet_success();
        for secret in [
            "sig-recording",
            "sig-access",
            "sig-apikey",
            "sig-password",
            "sig-session",
            "sig-participant",
            "sig-iv",
            "sig-secret",
            anam::SECRET,
        ] {
            run.assert_hides(secret);
        }
    }
    let raw = run(
        s::avatarctl_anam(&server, ANAM_KEY).args(["sessions", "get", &id, "--raw", "-o", "json"]),
        ANAM_KEY,
    )
    .json();
    assert_eq!(raw["recordingUrl"], "[REDACTED]");
    assert_eq!(
        raw["toolCalls"][0]["auth"],
        json!({"access_token": "[REDACTED]", "api_key": "[REDACTED]"})
    );
    assert_eq!(
        raw["toolCalls"][1]["name"], "db",
        "non-credential fields stay"
    );
    assert_eq!(
        raw["apiKeyId"],
        Value::from(anam::API_KEY_ID),
        "apiKeyId is an ID, not a key"
    );
}

/// A list's records that need no masking are written as the provider sent them (compact, as
/// received); one that echoes the key in a field is masked all the same, in every format that
/// shows the provider's object and in its normalized fields, and the others are unchanged.
#[test]
fn records_written_as_received_still_have_an_echoed_key_masked() {
    // As Anam sends them: their secrets already masked.
    let mut sessions = [anam::session(0), anam::session(1)];
    for session in &mut sessions {
        session["personaConfig"]["llmConfig"]["encrypted_secret"] = json!("[REDACTED]");
    }
    sessions[1]["clientLabel"] = json!(format!("label {ANAM_KEY} label"));
    let server = FakeAnam::new(ANAM_KEY)
        .with_session(sessions[0].clone())
        .with_session(sessions[1].clone())
        .start();
    for args in [
        &["sessions", "list", "-o", "ndjson", "--raw"][..],
        &["sessions", "list", "-o", "json", "--raw"],
        &["sessions", "list", "-o", "ndjson"],
        &["sessions", "list", "-o", "json"],
    ] {
        let run = run(s::avatarctl_anam(&server, ANAM_KEY).args(args), ANAM_KEY);
        let raws: Vec<Value> = if args.contains(&"ndjson") {
            run.stdout
                .lines()
                .map(|l| serde_json::from_str(l).unwrap())
                .collect()
        } else {
            serde_json::from_str::<Vec<Value>>(&run.stdout).unwrap()
        };
        let raws: Vec<&Value> = raws
            .iter()
            .map(|r| {
                if args.contains(&"--raw") {
                    r
                } else {
                    &r["raw"]
                }
            })
            .collect();
        assert_eq!(raws[0], &sessions[0], "{args:?}");
        let label = raws[1]["clientLabel"].as_str().unwrap();
        assert!(
            label.starts_with("label ") && label.ends_with(" label"),
            "{label}"
        );
        assert!(!label.contains(ANAM_KEY), "{args:?}");
    }
}

/// DESIGN.md: "The API key is never printed". A provider that echoes it in a field the
/// normalized record reads (a label) does not make CSV or a table print it.
#[test]
fn a_key_echoed_in_a_normalized_field_is_masked_in_every_format() {
    let mut session = anam::session(0);
    session["clientLabel"] = json!(format!("label {ANAM_KEY}"));
    let server = FakeAnam::new(ANAM_KEY).with_session(session).start();
    for format in ["csv", "table", "ndjson"] {
        let args = ["sessions", "list", "-o", format, "--fields", "id,label"];
        let run = run(s::avatarctl_anam(&server, ANAM_KEY).args(args), ANAM_KEY);
        assert!(run.stdout.contains("label "), "{format}: {}", run.stdout);
    }
}

/// The key held in a name of the provider's object, not only in a value, is masked: in
/// records written as received, through the transcoder, and from the tree (`--fields raw`).
#[test]
fn a_key_echoed_in_a_name_of_the_provider_object_is_masked() {
    let mut session = anam::session(0);
    session["clientMetadata"][format!("seen-{ANAM_KEY}")] = json!(1);
    let server = FakeAnam::new(ANAM_KEY).with_session(session).start();
    for args in [
        &["sessions", "list", "-o", "ndjson"][..],
        &["sessions", "list", "-o", "json", "--raw"],
        &[
            "sessions",
            "list",
            "-o",
            "json",
            "--fields",
            "id,raw.clientMetadata",
        ],
    ] {
        let run = run(s::avatarctl_anam(&server, ANAM_KEY).args(args), ANAM_KEY);
        assert!(run.stdout.contains("\"seen-"), "{args:?}: {}", run.stdout);
    }
}
