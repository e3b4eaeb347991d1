//! `sessions recording`: the URL in every format, and `--download` — exact bytes through a
//! `.part` file, no API key at the download host (a second fake), a short body leaving
//! nothing, an existing file refused, the URL kept out of `-v`, and the 404 in words.

use std::io::{Read, Write};
use std::net::TcpListener;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use serde_json::json;

use crate::support::{
    self as s, AH_KEY, ANAM_KEY, FakeAgentHuman, FakeAnam, FakeServer, Reply, Run, Streaming,
    avatarctl_process, run,
};

const ID: &str = "00000000-0000-0000-0000-000000000000";
const SIGNATURE: &str = "X-Amz-Signature=f00dfeed";

/// A recording's bytes: every byte value, so that nothing is decoded or cut on the way.
fn video() -> Vec<u8> {
    (0..=255u8).cycle().take(300_000).collect()
}

/// The download host: serves the video at its presigned path, to anyone.
fn cdn() -> FakeServer {
    FakeServer::start(|request| {
        if request.query_param("X-Amz-Signature") == Some("f00dfeed") {
            Reply::text(200, "video/mp4", video())
        } else {
            Reply::text(403, "application/xml", "<Error>AccessDenied</Error>")
        }
    })
}

fn anam_pointing_at(url: &str) -> FakeServer {
    FakeAnam::new(ANAM_KEY)
        .with_resource(ID, "recording", json!({ "recordingUrl": url }))
        .start()
}

fn recording(server: &FakeServer, args: &[&str]) -> Run {
    run(
        s::avatarctl_anam(server, ANAM_KEY)
            .args(["sessions", "recording"])
            .args(args),
        ANAM_KEY,
    )
}

fn signed_url(cdn: &FakeServer) -> String {
    format!("{}/recordings/{ID}.mp4?{SIGNATURE}", cdn.url())
}

#[test]
fn the_url_is_printed_whole_in_every_format() {
    let url = "https://cdn.anam.ai/recordings/r.mp4?X-Amz-Signature=abc&X-Amz-Expires=3600";
    let server = anam_pointing_at(url);
    assert_eq!(recording(&server, &[ID]).success(), format!("{url}\n"));
    assert_eq!(
        recording(&server, &[ID, "-o", "json"]).json(),
        json!({"session_id": ID, "url": url})
    );
    assert_eq!(
        recording(&server, &[ID, "-o", "ndjson"]).ndjson(),
        [json!({"session_id": ID, "url": url})]
    );
    assert_eq!(
        recording(&server, &[ID, "-o", "csv"]).success(),
        format!("session_id,url\n{ID},{url}\n")
    );
    assert_eq!(
        recording(&server, &[ID, "-o", "csv", "--fields", "url"]).success(),
        format!("url\n{url}\n")
    );
    assert_eq!(
        server.requests()[0].path,
        format!("/v1/sessions/{ID}/recording")
    );
}

#[test]
fn a_download_is_exact_atomic_and_never_carries_the_key() {
    let cdn = cdn();
    let server = anam_pointing_at(&signed_url(&cdn));
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("call.mp4");
    let target_arg = target.to_str().unwrap();
    let run = recording(&server, &[ID, "--download", target_arg, "-v"]);
    assert_eq!(run.success(), "", "the file, not stdout, gets the bytes");
    assert_eq!(std::fs::read(&target).unwrap(), video());
    assert!(!dir.path().join("call.mp4.part").exists());
    let fetched = &cdn.requests()[0];
    assert_eq!(fetched.header("authorization"), None);
    assert_eq!(fetched.header("x-api-key"), None);
    assert!(
        !run.stderr.contains(SIGNATURE) && !run.stderr.contains("f00dfeed"),
        "{}",
        run.stderr
    );
    run.assert_stderr_contains("GET the recording from 127.0.0.1:");

    // An existing file is refused before any request, and kept; --force replaces it.
    std::fs::write(&target, b"mine").unwrap();
    let before = server.request_count();
    let refused = recording(&server, &[ID, "--download", target_arg]);
    assert!(refused.usage_error().contains("exists — pass --force"));
    assert_eq!(server.request_count(), before);
    assert_eq!(std::fs::read(&target).unwrap(), b"mine");
    recording(&server, &[ID, "--download", target_arg, "--force"]).quiet_success();
    assert_eq!(std::fs::read(&target).unwrap(), video());
}

#[test]
fn a_download_to_stdout_streams_the_bytes() {
    let cdn = cdn();
    let server = anam_pointing_at(&signed_url(&cdn));
    let output = s::avatarctl_anam(&server, ANAM_KEY)
        .args(["sessions", "recording", ID, "--download", "-"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(output.stdout, video());
}

/// A download host that announces `announced` bytes, sends `sent`, and hangs up — or with
/// `hold`, keeps the connection open, silent, until the test ends, after telling `sent_all`.
fn short_cdn(announced: usize, sent: usize) -> String {
    stalling_cdn(announced, sent, None)
}

fn stalling_cdn(announced: usize, sent: usize, hold: Option<mpsc::Sender<()>>) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let mut stream = stream.unwrap();
            let mut request = [0u8; 4096];
            let _ = stream.read(&mut request);
            let head = format!(
                "HTTP/1.1 200 OK\r\ncontent-type: video/mp4\r\ncontent-length: {announced}\r\n\r\n"
            );
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(&vec![7u8; sent]);
            let _ = stream.flush();
            if let Some(sent_all) = &hold {
                let _ = sent_all.send(());
                // Held open, silent, until the process ends.
                let _ = stream.read(&mut request);
            }
            // Dropped: the connection closes short of what was announced.
        }
    });
    format!("http://{addr}/r.mp4?{SIGNATURE}")
}

#[test]
fn a_short_body_is_exit_5_and_leaves_no_file() {
    let server = anam_pointing_at(&short_cdn(100_000, 4_000));
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("call.mp4");
    let run = recording(&server, &[ID, "--download", target.to_str().unwrap()]);
    let line = run.failure(5);
    assert!(line.contains("ended after 4000 of 100000 bytes"), "{line}");
    assert!(!line.contains("f00dfeed"), "{line}");
    assert!(!target.exists());
    assert!(!dir.path().join("call.mp4.part").exists());
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[cfg(unix)]
#[test]
fn ctrl_c_mid_download_removes_the_part_file() {
    let (sent_all, sent) = mpsc::channel();
    let server = anam_pointing_at(&stalling_cdn(10_000_000, 600_000, Some(sent_all)));
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("call.mp4");
    let part = dir.path().join("call.mp4.part");
    let mut command = avatarctl_process();
    command
        .env("AVATARCTL_PROVIDER", "anam")
        .env("AVATARCTL_BASE_URL", server.url())
        .env("ANAM_API_KEY", ANAM_KEY)
        .args(["sessions", "recording", ID, "--download"])
        .arg(&target);
    let download = Streaming::spawn(&mut command, ANAM_KEY);
    sent.recv_timeout(Duration::from_secs(20))
        .expect("the download started");
    // The bytes sent reach the file (past the write buffer) before the interrupt.
    let deadline = Instant::now() + Duration::from_secs(20);
    while std::fs::metadata(&part).map_or(0, |m| m.len()) == 0 {
        assert!(
            Instant::now() < deadline,
            "nothing reached {}",
            part.display()
        );
        std::thread::sleep(Duration::from_millis(10));
    }
    download.interrupt();
    let run = download.finish();
    assert_eq!(run.code, Some(130));
    assert!(!part.exists() && !target.exists());
}

#[test]
fn an_expired_link_and_a_plain_http_host_are_refused_without_the_url() {
    let cdn = cdn();
    let expired = format!("{}/recordings/r.mp4?X-Amz-Signature=stale", cdn.url());
    let server = anam_pointing_at(&expired);
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("call.mp4");
    let run = recording(&server, &[ID, "--download", target.to_str().unwrap()]);
    let line = run.failure(5);
    assert!(line.contains("answered HTTP 403 Forbidden"), "{line}");
    assert!(line.contains("expires an hour"), "{line}");
    assert!(!line.contains("stale"), "{line}");
    assert!(!target.exists());

    let plain = anam_pointing_at("http://cdn.example.com/r.mp4?X-Amz-Signature=abc");
    let run = recording(&plain, &[ID, "--download", target.to_str().unwrap()]);
    let line = run.failure(5);
    assert!(line.contains("plain http to another machine"), "{line}");
    assert!(
        !line.contains("abc") && !line.contains("cdn.example.com/r"),
        "{line}"
    );
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn a_missing_recording_is_exit_3_in_words() {
    let server = FakeAnam::new(ANAM_KEY).start();
    let line = recording(&server, &[ID]).failure(3).to_owned();
    assert!(
        line.starts_with(&format!("no recording for {ID} on anam (HTTP 404")),
        "{line}"
    );
    assert!(line.contains("still be running"), "{line}");
}

#[test]
fn the_recording_url_stays_out_of_the_verbose_log_when_the_body_is_odd() {
    let server = FakeAnam::new(ANAM_KEY)
        .answering(
            ID,
            "recording",
            Reply::json(
                200,
                &json!({"recordingUrl": 5, "leak": "https://x/r?X-Amz-Signature=secret1"}),
            ),
        )
        .start();
    let run = recording(&server, &[ID, "-v"]);
    assert_eq!(run.code, Some(5));
    assert!(!run.stderr.contains("secret1"), "{}", run.stderr);
}

#[test]
fn refusals_come_before_any_request() {
    let server = FakeAgentHuman::new(AH_KEY).start();
    let refused = run(
        s::avatarctl_agenthuman(&server, AH_KEY).args(["sessions", "recording", "sess_1"]),
        AH_KEY,
    );
    assert_eq!(
        refused.usage_error(),
        "agenthuman has no recordings — `sessions recording` works with anam; pick one with -p"
    );
    assert_eq!(server.request_count(), 0);
    let anam = FakeAnam::new(ANAM_KEY).start();
    let dir = tempfile::tempdir().unwrap();
    let into_dir = recording(&anam, &[ID, "--download", dir.path().to_str().unwrap()]);
    assert!(into_dir.usage_error().contains("is a directory"));
    let no_dir = dir.path().join("missing/call.mp4");
    let run = recording(&anam, &[ID, "--download", no_dir.to_str().unwrap()]);
    assert!(run.failure(1).contains("cannot write the recording to"));
    // Someone else's `.part` is neither overwritten nor removed.
    let part = dir.path().join("busy.mp4.part");
    std::fs::write(&part, b"half").unwrap();
    let busy = recording(
        &anam,
        &[
            ID,
            "--download",
            dir.path().join("busy.mp4").to_str().unwrap(),
        ],
    );
    assert!(busy.usage_error().contains("busy.mp4.part exists"));
    assert_eq!(std::fs::read(&part).unwrap(), b"half");
    assert!(
        Run::of(s::avatarctl_anam(&anam, ANAM_KEY).args(["sessions", "recording", ID, "--force"]))
            .parse_error()
            .contains("--download")
    );
    assert_eq!(anam.request_count(), 0);
}
