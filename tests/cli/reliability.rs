//! Reliability: retries and their limits, timeouts, hostile or broken bodies, redirects that
//! must not carry the key, partial exports, closed pipes and Ctrl-C.

use std::net::TcpListener;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, mpsc};
use std::time::{Duration, Instant};

use assert_cmd::Command;
use serde_json::json;

use crate::support::{
    FakeAnam, FakeServer, Reply, anam, avatarctl, avatarctl_anam, avatarctl_process, run,
    stream_anam,
};

const KEY: &str = "anam-reliability-key-4242";

/// A fake that answers the first `failures` requests with `failure`, then as Anam would.
fn failing_first(failures: usize, failure: Reply) -> FakeServer {
    let served = AtomicUsize::new(0);
    FakeAnam::new(KEY)
        .with_sessions(5)
        .start_answering(move |_| {
            (served.fetch_add(1, Ordering::SeqCst) < failures).then(|| failure.clone())
        })
}

#[test]
fn transient_failures_are_retried() {
    for status in [429, 500, 502, 503, 504, 507] {
        let server = failing_first(
            2,
            Reply::json(status, &json!({"message": "busy"})).header("Retry-After", 0),
        );
        let run = run(
            avatarctl_anam(&server, KEY).args(["sessions", "list", "-o", "ndjson"]),
            KEY,
        );
        assert_eq!(run.success().lines().count(), 5, "{status}");
        assert_eq!(
            server.request_count(),
            3,
            "{status}: two failures, then the answer"
        );
    }
}

#[test]
fn when_retries_run_out_the_error_gives_the_status_and_attempts() {
    let cases = [
        (503, 5, "HTTP 503: busy, after 3 attempts"),
        (429, 6, "HTTP 429: busy, after 3 attempts"),
    ];
    for (status, code, says) in cases {
        let server = failing_first(
            usize::MAX,
            Reply::json(status, &json!({"message": "busy"})).header("Retry-After", 0),
        );
        let run = run(
            avatarctl_anam(&server, KEY).args(["--retries", "2", "sessions", "list"]),
            KEY,
        );
        let error = run.failure(code);
        assert!(error.contains(says), "{error}");
        assert_eq!(server.request_count(), 3);
    }
}

#[test]
fn other_client_errors_are_never_retried() {
    for (status, code) in [(400, 1), (401, 4), (403, 4), (404, 3)] {
        let server = failing_first(usize::MAX, Reply::json(status, &json!({"message": "no"})));
        let run = run(avatarctl_anam(&server, KEY).args(["sessions", "list"]), KEY);
        assert_eq!(run.code, Some(code), "{status}");
        assert_eq!(server.request_count(), 1, "{status}");
    }
}

#[test]
fn retry_after_is_honoured_and_an_absurd_one_is_not_waited_for() {
    let server = failing_first(1, Reply::json(503, &json!({})).header("Retry-After", 1));
    run(avatarctl_anam(&server, KEY).args(["sessions", "list"]), KEY).success();
    let arrivals: Vec<Instant> = server.requests().iter().map(|r| r.at).collect();
    assert_eq!(arrivals.len(), 2);
    let spacing = arrivals[1] - arrivals[0];
    assert!(
        spacing >= Duration::from_secs(1),
        "the retry came after {spacing:?}"
    );

    let server = failing_first(
        usize::MAX,
        Reply::json(429, &json!({})).header("Retry-After", 3600),
    );
    let started = Instant::now();
    let run = run(avatarctl_anam(&server, KEY).args(["sessions", "list"]), KEY);
    assert_eq!(run.code, Some(6));
    assert_eq!(server.request_count(), 1);
    assert!(started.elapsed() < Duration::from_secs(10));
}

#[test]
fn a_server_that_never_answers_costs_at_most_the_timeouts() {
    let server = failing_first(
        usize::MAX,
        Reply::json(200, &json!({})).delay(Duration::from_secs(60)),
    );
    let started = Instant::now();
    let args = ["--timeout", "300ms", "--retries", "1", "sessions", "list"];
    let run = run(avatarctl_anam(&server, KEY).args(args), KEY);
    assert_eq!(run.code, Some(5));
    run.assert_stderr_contains("timed out after 300ms");
    run.assert_stderr_contains("after 2 attempts");
    assert_eq!(server.request_count(), 2);
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
}

#[test]
fn connection_resets_are_retried_then_reported() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    let accepted = Arc::new(AtomicUsize::new(0));
    let count = Arc::clone(&accepted);
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            count.fetch_add(1, Ordering::SeqCst);
            drop(stream); // closed before any answer
        }
    });
    let run = run(
        avatarctl().env("ANAM_API_KEY", KEY).args([
            "--base-url",
            &format!("http://{addr}"),
            "--retries",
            "2",
            "sessions",
            "list",
        ]),
        KEY,
    );
    assert_eq!(run.code, Some(5));
    run.assert_stderr_contains("after 3 attempts");
    assert_eq!(accepted.load(Ordering::SeqCst), 3);
}

#[test]
fn hostile_bodies_are_exit_5_with_one_line_naming_the_path() {
    let bodies: [(&str, Vec<u8>, &str); 7] = [
        (
            "application/json",
            br#"{"data": [{"id": "x""#.to_vec(),
            "the JSON ends early",
        ),
        (
            "text/html",
            b"<html><body><h1>502 Bad Gateway</h1></body></html>".to_vec(),
            "not valid JSON",
        ),
        ("application/json", Vec::new(), "the body is empty"),
        (
            "text/plain",
            b"[1, 2, 3]".to_vec(),
            "the body is an array, not an object",
        ),
        (
            "application/json",
            br#"{"data": {"id": 1}}"#.to_vec(),
            "`data` is an object, not an array",
        ),
        (
            "application/json",
            b"{\"data\": [], \"x\": \"\xff\xfe\"}".to_vec(),
            "not valid JSON",
        ),
        (
            "application/json",
            br#"{"data": [], "meta": {"total": 3, "lastPage": 4000000000}}"#.to_vec(),
            "page count is not believable",
        ),
    ];
    for (content_type, body, says) in bodies {
        let server = failing_first(usize::MAX, Reply::text(200, content_type, body));
        let run = run(
            avatarctl_anam(&server, KEY).args(["sessions", "list", "--all"]),
            KEY,
        );
        assert_eq!(run.code, Some(5), "{says}");
        let stderr = &run.stderr;
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(stderr.contains(says), "{says}: {stderr}");
        assert!(!stderr.contains("<h1>"), "{stderr}");
        assert!(
            run.stdout.is_empty()
                || run.stdout
                    == "ID   STATUS   STARTED AT   DURATION   PERSONA NAME   END REASON\n"
        );
    }
    let server = failing_first(
        usize::MAX,
        Reply::text(200, "text/html", "<html>proxy login</html>"),
    );
    let run = run(
        avatarctl_anam(&server, KEY).args(["-v", "sessions", "list"]),
        KEY,
    );
    run.assert_stderr_contains("GET /v1/sessions");
    run.assert_stderr_contains("the body began: \"<html>proxy login</html>\"");
}

#[test]
fn a_huge_body_is_refused() {
    let huge = vec![b' '; 65 * 1024 * 1024];
    let server = failing_first(usize::MAX, Reply::text(200, "application/json", huge));
    let run = run(avatarctl_anam(&server, KEY).args(["sessions", "list"]), KEY);
    assert_eq!(run.code, Some(5));
    run.assert_stderr_contains("larger than 64 MiB");
}

#[test]
fn an_export_that_fails_midway_says_how_much_was_written() {
    let server = FakeAnam::new(KEY)
        .with_sessions(500)
        .start_answering(|request| {
            (request.query_param("page") == Some("3"))
                .then(|| Reply::json(500, &json!({"message": "boom"})))
        });
    let export = |format| {
        run(
            avatarctl_anam(&server, KEY).args([
                "--retries",
                "0",
                "sessions",
                "list",
                "--all",
                "--concurrency",
                "1",
                "-o",
                format,
            ]),
            KEY,
        )
    };
    for (format, lines) in [("ndjson", 200), ("csv", 201)] {
        let run = export(format);
        assert_eq!(run.code, Some(5));
        assert_eq!(run.stdout.lines().count(), lines, "{format}");
        run.assert_stderr_contains("the list is incomplete: 200 sessions were written");
    }
    assert!(
        serde_json::from_str::<serde_json::Value>(&export("json").stdout).is_err(),
        "a partial array must not parse"
    );
}

/// The literal pipeline, through a shell; `output.rs` checks the same without one.
#[cfg(unix)]
#[test]
fn a_reader_that_closes_early_ends_quietly_with_0() {
    let server = FakeAnam::new(KEY).with_sessions(3000).start();
    let program = assert_cmd::cargo::cargo_bin!("avatarctl");
    let run = run(
        Command::new("bash")
            .env_clear()
            .env("ANAM_API_KEY", KEY)
            .env("AVATARCTL_BASE_URL", server.url())
            .env("BIN", program)
            .args([
                "-c",
                "set -o pipefail; \"$BIN\" sessions list --all -o ndjson | head -1",
            ]),
        KEY,
    );
    assert_eq!(run.quiet_success().lines().count(), 1);
}

#[cfg(unix)]
#[test]
fn ctrl_c_stops_promptly_with_130_and_whole_lines() {
    let (arrived, page_two) = mpsc::channel();
    let arrived = Mutex::new(arrived);
    let handler = FakeAnam::new(KEY).with_sessions(300).handler();
    let server = FakeServer::start(move |request| {
        if request.query_param("page") == Some("2") {
            let _ = arrived.lock().unwrap().send(());
            return handler(request).delay(Duration::from_secs(60));
        }
        handler(request)
    });
    // Read as it comes: page 1 is more than a pipe holds.
    let args = [
        "sessions",
        "list",
        "--all",
        "--concurrency",
        "1",
        "-o",
        "ndjson",
    ];
    let stream = stream_anam(&server, KEY, &args);
    page_two
        .recv_timeout(Duration::from_secs(20))
        .expect("page 2 was requested");
    let started = Instant::now();
    stream.interrupt();
    let run = stream.finish();
    assert_eq!(run.code, Some(130));
    assert!(started.elapsed() < Duration::from_secs(5));
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 100, "page 1, whole");
    for line in &lines {
        serde_json::from_str::<serde_json::Value>(line).expect("a whole JSON line");
    }
    assert!(lines[99].contains(&anam::session_id(99)));
}

/// A deterministic stand-in for randomness: xorshift over a counter.
fn unlucky(n: usize) -> bool {
    let mut x = (n as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    x.is_multiple_of(5)
}

#[test]
fn an_export_through_a_fifth_of_failures_is_whole() {
    let handler = FakeAnam::new(KEY).with_sessions(3000).handler();
    let served = AtomicUsize::new(0);
    let failed = Arc::new(AtomicUsize::new(0));
    let failures = Arc::clone(&failed);
    let server = FakeServer::start(move |request| {
        let n = served.fetch_add(1, Ordering::SeqCst);
        if unlucky(n) {
            failures.fetch_add(1, Ordering::SeqCst);
            let status = [500, 502, 503, 429][n % 4];
            return Reply::json(status, &json!({"message": "flaky"})).header("Retry-After", 0);
        }
        handler(request)
    });
    let args = [
        "--retries",
        "10",
        "sessions",
        "list",
        "--all",
        "-o",
        "ndjson",
    ];
    let run = run(avatarctl_anam(&server, KEY).args(args), KEY);
    let expected: Vec<String> = (0..3000).map(anam::session_id).collect();
    assert_eq!(run.ndjson_ids(), expected);
    assert!(
        failed.load(Ordering::SeqCst) >= 3,
        "the fake failed {} requests",
        failed.load(Ordering::SeqCst)
    );
}

#[test]
fn a_slow_reader_does_not_time_out_the_requests_in_flight() {
    use std::io::{BufRead, BufReader};
    use std::process::Stdio;

    // Page 5 is in flight (for 300 ms) while the reader below looks away for 1.5 s, longer
    // than --timeout: the request must finish on its own, not wait for the reader.
    let handler = FakeAnam::new(KEY).with_sessions(900).handler();
    let server = FakeServer::start(move |request| {
        let slow = request.query_param("page") == Some("5");
        handler(request).delay(Duration::from_millis(if slow { 300 } else { 0 }))
    });
    let mut child = avatarctl_process()
        .env("ANAM_API_KEY", KEY)
        .env("AVATARCTL_BASE_URL", server.url())
        .args([
            "--timeout",
            "1s",
            "--retries",
            "0",
            "sessions",
            "list",
            "--all",
        ])
        .args(["--concurrency", "4", "-o", "ndjson"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    for _ in 0..150 {
        line.clear();
        stdout.read_line(&mut line).unwrap();
    }
    // A reader that looks away (`| less`): here the sleep is the scenario, not a guess.
    std::thread::sleep(Duration::from_millis(1500));
    let rest = stdout.lines().count();
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert_eq!(150 + rest, 900);
}

#[test]
fn a_loopback_base_url_bypasses_a_proxy_that_would_carry_the_key() {
    let proxy = FakeServer::start(|_| Reply::json(502, &json!({"message": "proxied"})));
    let server = FakeAnam::new(KEY).with_sessions(3).start();
    for variable in ["HTTP_PROXY", "http_proxy", "ALL_PROXY"] {
        run(
            avatarctl_anam(&server, KEY)
                .env(variable, proxy.url())
                .args(["sessions", "list"]),
            KEY,
        )
        .success();
    }
    assert_eq!(proxy.request_count(), 0, "the key went through the proxy");
    assert_eq!(server.request_count(), 3);
}

#[test]
fn a_key_the_provider_echoes_is_masked_whole_even_in_a_long_message() {
    let message = format!("{} Bearer {KEY} was refused", "x".repeat(280));
    let server = failing_first(usize::MAX, Reply::json(401, &json!({ "message": message })));
    let run = run(avatarctl_anam(&server, KEY).args(["sessions", "list"]), KEY);
    let stderr = run.failure(4);
    assert!(
        !stderr.contains(&KEY[..8]),
        "a part of the key leaked: {stderr}"
    );
}

#[test]
fn the_verbose_excerpt_of_a_malformed_body_masks_credentials() {
    let body = json!({"data": {"id": "x", "daily_room": {"token": "SECRETTOKEN-abc"}}});
    let server = failing_first(usize::MAX, Reply::json(200, &body));
    let run = run(
        avatarctl_anam(&server, KEY).args(["-v", "sessions", "list"]),
        KEY,
    );
    assert_eq!(run.code, Some(5), "{run:#?}");
    run.assert_stderr_contains("the body began:");
    assert!(!run.stderr.contains("SECRETTOKEN"), "{}", run.stderr);
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_is_exit_1_with_one_line() {
    let server = FakeAnam::new(KEY).with_sessions(3).start();
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let output = avatarctl_process()
        .env("ANAM_API_KEY", KEY)
        .env("AVATARCTL_BASE_URL", server.url())
        .args(["sessions", "list", "-o", "csv"])
        .stdout(full)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "error: cannot write the output: No space left on device (os error 28) — check the disk \
         space and where stdout goes\n"
    );
}
