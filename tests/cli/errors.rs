//! Exit codes and error messages: 3 not found, 4 refused key, 5 provider failure (5xx,
//! malformed bodies, timeouts, no connection), 6 rate-limited, 1 other, 2 usage. Every
//! documented error-body shape of both providers is shown; errors are one line on stderr.

use std::net::TcpListener;
use std::time::{Duration, Instant};

use serde_json::json;

use crate::support::{
    self as s, AH_KEY, ANAM_KEY, FakeAgentHuman, FakeAnam, FakeServer, Reply, Run, run,
};

/// `sessions list` against a fake that answers every request with `reply`, no retries.
fn anam_list_answered(reply: Reply) -> (FakeServer, Run) {
    let server = FakeServer::start(move |_| reply.clone());
    let run = run(
        s::avatarctl_anam(&server, ANAM_KEY).args(["--retries", "0", "sessions", "list"]),
        ANAM_KEY,
    );
    (server, run)
}

fn agenthuman_list_answered(reply: Reply) -> Run {
    let server = FakeServer::start(move |_| reply.clone());
    run(
        s::avatarctl_agenthuman(&server, AH_KEY).args(["--retries", "0", "sessions", "list"]),
        AH_KEY,
    )
}

#[test]
fn a_refused_anam_key_exits_4_and_names_its_env_var() {
    let server = FakeAnam::new("the-right-key-9c1e").with_sessions(1).start();
    let run = run(
        s::avatarctl_anam(&server, ANAM_KEY).args(["sessions", "list"]),
        ANAM_KEY,
    );
    assert_eq!(
        run.failure(4),
        "anam refused the API key from ANAM_API_KEY (HTTP 401: Unauthorized) — check the key, \
         or pass another with --api-key or --api-key-file"
    );
}

#[test]
fn a_403_is_also_a_refused_key() {
    let (_, run) = anam_list_answered(Reply::json(403, &json!({"message": "Forbidden resource"})));
    let message = run.failure(4);
    assert!(
        message.contains("ANAM_API_KEY (HTTP 403: Forbidden resource)"),
        "{message}"
    );
}

#[test]
fn agenthuman_error_string_shape() {
    let server = FakeAgentHuman::new("ah_test_other")
        .with_sessions(1)
        .start();
    let run = run(
        s::avatarctl_agenthuman(&server, AH_KEY).args(["sessions", "list"]),
        AH_KEY,
    );
    let message = run.failure(4);
    assert!(
        message.starts_with(
            "agenthuman refused the API key from AGENTHUMAN_API_KEY (HTTP 401: Invalid API key)"
        ),
        "{message}"
    );
}

#[test]
fn agenthuman_key_required_shape() {
    let run = agenthuman_list_answered(Reply::json(401, &json!({"error": "API key required"})));
    let message = run.failure(4);
    assert!(
        message.contains("(HTTP 401: API key required)"),
        "{message}"
    );
}

#[test]
fn agenthuman_structured_error_shows_message_and_suggestion() {
    let body = json!({"success": false, "error": {
        "message": "Invalid status",
        "suggestion": "Use one of: all, started, ended",
        "code": "INVALID_PARAMETER",
        "details": {"field": "status"},
    }});
    let run = agenthuman_list_answered(Reply::json(400, &body));
    assert_eq!(
        run.failure(1),
        "agenthuman rejected the request for the session list (HTTP 400: Invalid status; \
         Use one of: all, started, ended) — check the options given"
    );
}

#[test]
fn anam_message_shapes_string_and_list() {
    let (_, run) = anam_list_answered(Reply::json(
        500,
        &json!({"message": "Internal server error"}),
    ));
    assert_eq!(
        run.failure(5),
        "anam failed to answer for the session list (HTTP 500: Internal server error) — try again later"
    );
    let nest = json!({"message": ["perPage must not be greater than 100", "page must not be less than 1"],
                      "error": "Bad Request", "statusCode": 400});
    let (_, run) = anam_list_answered(Reply::json(400, &nest));
    let message = run.failure(1);
    assert!(
        message.contains(
            "(HTTP 400: perPage must not be greater than 100; page must not be less than 1)"
        ),
        "{message}"
    );
}

#[test]
fn a_5xx_is_exit_5_after_one_request_with_no_retries() {
    let (server, run) = anam_list_answered(Reply::json(502, &json!({"message": "upstream"})));
    run.failure(5);
    assert_eq!(server.request_count(), 1);
}

#[test]
fn empty_and_html_error_bodies_fall_back_to_the_status_reason() {
    let (_, run) = anam_list_answered(Reply::text(503, "text/plain", ""));
    assert!(
        run.failure(5).contains("(HTTP 503: Service Unavailable)"),
        "{}",
        run.stderr
    );
    let html = "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>";
    let (_, run) = anam_list_answered(Reply::text(502, "text/html", html));
    let message = run.failure(5);
    assert!(message.contains("(HTTP 502: Bad Gateway)"), "{message}");
    assert!(
        !message.contains("<html>") && !message.contains("nginx"),
        "{message}"
    );
}

#[test]
fn a_429_exits_6() {
    let reply =
        Reply::json(429, &json!({"message": "Too Many Requests"})).header("RateLimit-Reset", 30);
    let (server, run) = anam_list_answered(reply);
    let message = run.failure(6);
    assert!(
        message.starts_with("anam is rate limiting requests"),
        "{message}"
    );
    assert_eq!(server.request_count(), 1);
    let run = agenthuman_list_answered(
        Reply::json(
            429,
            &json!({"success": false, "error": "Rate limit exceeded"}),
        )
        .header("X-RateLimit-Remaining", 0),
    );
    assert!(
        run.failure(6).contains("HTTP 429: Rate limit exceeded"),
        "{}",
        run.stderr
    );
}

#[test]
fn malformed_success_bodies_exit_5() {
    let cases = [
        (
            Reply::text(200, "text/html", "<html>maintenance</html>"),
            "the body is not valid JSON",
        ),
        (
            Reply::text(200, "application/json", r#"{"data": [{"id": "x""#),
            "the JSON ends early",
        ),
        (
            Reply::text(200, "application/json", ""),
            "the body is empty",
        ),
        (
            Reply::json(200, &json!({"items": []})),
            "the body has no `data` array",
        ),
    ];
    for (reply, why) in cases {
        let (_, run) = anam_list_answered(reply);
        let message = run.failure(5);
        assert!(
            message.starts_with(&format!(
                "malformed response from anam for GET /v1/sessions: {why}"
            )),
            "{message}"
        );
    }
    let run = agenthuman_list_answered(Reply::json(200, &json!({"success": true})));
    assert!(
        run.failure(5).contains("the body has no `sessions` array"),
        "{}",
        run.stderr
    );
}

#[test]
fn the_request_id_is_quoted_for_support() {
    let reply = Reply::json(500, &json!({"message": "boom"})).header("x-request-id", "req-7f3a");
    let (_, run) = anam_list_answered(reply);
    assert!(
        run.failure(5)
            .contains("(HTTP 500: boom, request ID req-7f3a)"),
        "{}",
        run.stderr
    );
}

#[test]
fn control_characters_in_a_provider_message_are_neutralised() {
    let body = json!({"message": "bad\u{1b}[2J\u{1b}]0;owned\u{7}\nsecond line"});
    let (_, run) = anam_list_answered(Reply::json(500, &body));
    let message = run.failure(5);
    assert!(
        message.contains("bad^[[2J^[]0;owned^G^Jsecond line"),
        "{message}"
    );
    assert!(!run.stderr.contains('\u{1b}'));
}

#[test]
fn a_slow_provider_times_out_with_exit_5() {
    let server = FakeServer::start(|_| {
        Reply::text(200, "application/json", "{}").delay(Duration::from_secs(30))
    });
    let started = Instant::now();
    let run = run(
        s::avatarctl_anam(&server, ANAM_KEY).args([
            "--timeout",
            "300ms",
            "--retries",
            "0",
            "sessions",
            "list",
        ]),
        ANAM_KEY,
    );
    assert_eq!(
        run.failure(5),
        "GET /v1/sessions timed out after 300ms — raise --timeout, or try again later"
    );
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "{:?}",
        started.elapsed()
    );
    // The same from the environment.
    let run = run_with_env_timeout(&server);
    assert!(
        run.failure(5).contains("timed out after 250ms"),
        "{}",
        run.stderr
    );
}

fn run_with_env_timeout(server: &FakeServer) -> Run {
    run(
        s::avatarctl_anam(server, ANAM_KEY)
            .env("AVATARCTL_TIMEOUT", "250ms")
            .args(["--retries", "0", "sessions", "list"]),
        ANAM_KEY,
    )
}

#[test]
fn no_listener_is_a_connection_error_with_exit_5() {
    let port = {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        listener.local_addr().expect("addr").port()
    };
    let run = run(
        s::avatarctl().env("ANAM_API_KEY", ANAM_KEY).args([
            "--base-url",
            &format!("http://127.0.0.1:{port}"),
            "--retries",
            "0",
            "sessions",
            "list",
        ]),
        ANAM_KEY,
    );
    let message = run.failure(5);
    assert!(
        message.starts_with("cannot connect to 127.0.0.1"),
        "{message}"
    );
}

#[test]
fn parse_errors_exit_2_with_nothing_on_stdout() {
    for args in [
        &["sessions", "list", "--bogus"][..],
        &["sessions", "get"],
        &["sessions", "list", "-o", "yaml"],
        &["sessions", "list", "--limit", "0"],
        &["--timeout", "0s", "sessions", "list"],
        &["--color", "sometimes", "sessions", "list"],
    ] {
        let run = Run::of(s::avatarctl().env("ANAM_API_KEY", ANAM_KEY).args(args));
        run.parse_error();
        run.assert_hides(ANAM_KEY);
    }
}

/// DESIGN.md: "Errors are one line, `error: <what> — <how to fix>`". Collects every usage
/// error avatarctl itself reports and lists those that do not say how to fix the problem.
#[test]
fn every_error_says_how_to_fix_it() {
    let server = FakeAnam::new(ANAM_KEY).start();
    let ah = FakeAgentHuman::new(AH_KEY).start();
    let dir = tempfile::tempdir().expect("a temporary directory");
    let missing = dir.path().join("no-such-key-file");
    let missing = missing.to_str().unwrap();
    let anam_cases: &[&[&str]] = &[
        &["sessions", "list", "--per-page", "101"],
        &[
            "sessions",
            "list",
            "--since",
            "2026-04-21",
            "--until",
            "2026-04-20",
        ],
        &["sessions", "list", "--fields", "bogus"],
        &["sessions", "list", "--fields", "id.sub"],
        &["sessions", "list", "--fields", "raw..x"],
        &["sessions", "list", "--fields", ","],
        &["sessions", "list", "--raw"],
        &["sessions", "list", "--raw", "-o", "json", "--fields", "id"],
        &["sessions", "list", "--csv-safe"],
        &["sessions", "list", "--api-key", " "],
        &["sessions", "list", "--api-key-file", missing],
        &["sessions", "list", "--base-url", "http://api.example.com"],
        &["sessions", "list", "--base-url", "ftp://127.0.0.1"],
        &["sessions", "list", "--base-url", "https://u:p@example.com"],
        &["sessions", "list", "--base-url", "https://example.com/?a=1"],
        &["sessions", "get", "not-a-uuid"],
    ];
    let mut without_fix = Vec::new();
    for args in anam_cases {
        let run = run(s::avatarctl_anam(&server, ANAM_KEY).args(*args), ANAM_KEY);
        let message = run.usage_error().to_owned();
        if !message.contains(" — ") {
            without_fix.push(message);
        }
    }
    for args in [
        &["sessions", "list", "--page", "2"][..],
        &["sessions", "get", "a/b"],
    ] {
        let run = run(s::avatarctl_agenthuman(&ah, AH_KEY).args(args), AH_KEY);
        let message = run.usage_error().to_owned();
        if !message.contains(" — ") {
            without_fix.push(message);
        }
    }
    for env in [
        vec![],
        vec![("ANAM_API_KEY", "a"), ("AGENTHUMAN_API_KEY", "b")],
    ] {
        let run = Run::of(s::avatarctl().envs(env).args(["sessions", "list"]));
        let message = run.usage_error().to_owned();
        if !message.contains(" — ") {
            without_fix.push(message);
        }
    }
    assert_eq!(server.request_count() + ah.request_count(), 0);
    assert!(
        without_fix.is_empty(),
        "errors that do not say how to fix them:\n{}",
        without_fix.join("\n")
    );
}

#[test]
fn quiet_does_not_silence_errors() {
    let server = FakeAnam::new("another-key").start();
    let run = run(
        s::avatarctl_anam(&server, ANAM_KEY).args(["-q", "sessions", "list"]),
        ANAM_KEY,
    );
    assert!(
        run.failure(4).starts_with("anam refused the API key"),
        "{}",
        run.stderr
    );
}
