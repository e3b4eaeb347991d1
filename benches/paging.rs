//! `cargo bench --bench paging`: how fast a full export is, measured end to end.
//!
//! Starts a local fake Anam (the test suite's server, answering from pages rendered once, so
//! the fake costs next to nothing), runs the release-profile binary against it, and prints
//! wall time and the binary's peak RSS for each case. Sizes and latency can be changed with
//! `BENCH_SESSIONS` (default 10000), `BENCH_LATENCY_MS` (50), `BENCH_BIG_SESSIONS` (100000),
//! `BENCH_WHOLE_SESSIONS` (50000, in one AgentHuman response), `BENCH_STATS_SESSIONS`
//! (1000000, for `sessions stats`) and `BENCH_RUNS` (3, the median
//! is reported).
#![allow(clippy::print_stdout)] // The results table is the output.

#[path = "../tests/cli/support/server.rs"]
#[allow(dead_code, unused_imports)]
// The bench uses a part of the server; its own tests do not run here.
mod server;

use std::io::{BufRead, BufReader, Read};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde_json::json;
use server::{FakeServer, Reply};

const PER_PAGE: usize = 100;
const BIN: &str = env!("CARGO_BIN_EXE_avatarctl");

fn main() {
    let sessions = setting("BENCH_SESSIONS", 10_000);
    let latency = Duration::from_millis(setting("BENCH_LATENCY_MS", 50) as u64);
    let big = setting("BENCH_BIG_SESSIONS", 100_000);
    // A median needs at least one run.
    let runs = setting("BENCH_RUNS", 3).max(1);

    println!("| case | wall (median of {runs}) | peak RSS | sessions/s |");
    println!("| --- | --- | --- | --- |");

    let server = fake_anam(sessions, latency);
    let concurrent = measure(runs, &server, sessions, &["--all", "-o", "ndjson"]);
    report(
        &format!(
            "{sessions} sessions, {} ms latency, `--all -o ndjson`",
            latency.as_millis()
        ),
        &concurrent,
        sessions,
    );
    let serial = measure(
        runs,
        &server,
        sessions,
        &["--all", "-o", "ndjson", "--concurrency", "1"],
    );
    report(
        "same, `--concurrency 1` (one page after another)",
        &serial,
        sessions,
    );
    let pages = sessions.div_ceil(PER_PAGE).max(1);
    let bound = latency * (1 + (pages as u32 - 1).div_ceil(8));
    println!(
        "| concurrency bound (1 + ⌈{}/8⌉) × {} ms | {} ms | | speed-up over serial: {:.1}× |",
        pages - 1,
        latency.as_millis(),
        bound.as_millis(),
        serial.wall.as_secs_f64() / concurrent.wall.as_secs_f64()
    );
    drop(server);

    let server = fake_anam(big, Duration::ZERO);
    let csv = measure(runs, &server, big + 1, &["--all", "-o", "csv"]);
    report(
        &format!("{big} sessions, no latency, `--all -o csv`"),
        &csv,
        big,
    );
    drop(server);

    let counted = setting("BENCH_STATS_SESSIONS", 1_000_000);
    let server = fake_anam(counted, Duration::ZERO);
    let stats = measure(runs, &server, 1, &["stats", "-o", "ndjson"]);
    report(
        &format!("{counted} sessions, `sessions stats -o ndjson` (kept: IDs and durations)"),
        &stats,
        counted,
    );
    drop(server);

    let whole = setting("BENCH_WHOLE_SESSIONS", 50_000);
    let (server, bytes) = fake_agenthuman(whole);
    let listed = measure_as(
        "AGENTHUMAN_API_KEY",
        runs,
        &server,
        whole,
        &["--all", "-o", "ndjson"],
    );
    report(
        &format!(
            "{whole} sessions in one AgentHuman response ({:.0} MB), `--all -o ndjson`",
            bytes as f64 / 1e6
        ),
        &listed,
        whole,
    );
    drop(server);

    let mut walls: Vec<Duration> = (0..50)
        .map(|_| {
            let started = Instant::now();
            let status = Command::new(BIN)
                .arg("--version")
                .stdout(Stdio::null())
                .status()
                .unwrap();
            assert!(status.success());
            started.elapsed()
        })
        .collect();
    walls.sort();
    println!(
        "| `avatarctl --version` (median of 50) | {:.2} ms | | |",
        walls[25].as_secs_f64() * 1000.0
    );
}

struct Measured {
    wall: Duration,
    peak_rss_kib: Option<u64>,
}

fn report(case: &str, measured: &Measured, sessions: usize) {
    let rss = measured.peak_rss_kib.map_or("n/a".to_owned(), |kib| {
        format!("{:.1} MB", kib as f64 / 1024.0)
    });
    let rate = sessions as f64 / measured.wall.as_secs_f64();
    println!(
        "| {case} | {:.3} s | {rss} | {rate:.0} |",
        measured.wall.as_secs_f64()
    );
}

/// Runs the binary against the fake Anam `runs` times; checks it printed `lines` lines;
/// returns the median run.
fn measure(runs: usize, server: &FakeServer, lines: usize, args: &[&str]) -> Measured {
    measure_as("ANAM_API_KEY", runs, server, lines, args)
}

/// [`measure`] for the provider whose key variable is `key_env`.
fn measure_as(
    key_env: &str,
    runs: usize,
    server: &FakeServer,
    lines: usize,
    args: &[&str],
) -> Measured {
    let mut results: Vec<Measured> = (0..runs)
        .map(|_| run_once(key_env, server, lines, args))
        .collect();
    results.sort_by_key(|m| m.wall);
    results.swap_remove(runs / 2)
}

fn run_once(key_env: &str, server: &FakeServer, lines: usize, args: &[&str]) -> Measured {
    let started = Instant::now();
    // `stats …` runs `sessions stats`; anything else is `sessions list`'s arguments.
    let command: &[&str] = match args.first() {
        Some(&"stats") => &["-q", "sessions"],
        _ => &["-q", "sessions", "list"],
    };
    let mut child = Command::new(BIN)
        .args(command)
        .args(args)
        .env_clear()
        .env(key_env, "bench-key")
        .env("AVATARCTL_BASE_URL", server.url())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run avatarctl");
    let pid = child.id();
    let stdout = child.stdout.take().unwrap();
    let counter = std::thread::spawn(move || BufReader::new(stdout).lines().count());
    // Read while the child runs: an unread pipe stalls it once the pipe's buffer is full.
    let mut stderr = child.stderr.take().unwrap();
    let errors = std::thread::spawn(move || {
        let mut text = String::new();
        stderr.read_to_string(&mut text).map(|_| text)
    });
    // The high-water mark only grows, so the last reading before exit is the peak.
    let mut peak = None;
    while child.try_wait().unwrap().is_none() {
        peak = peak_rss_kib(pid).or(peak);
        std::thread::sleep(Duration::from_millis(2));
    }
    let wall = started.elapsed();
    let status = child.wait().unwrap();
    let printed = counter.join().unwrap();
    let stderr = errors
        .join()
        .unwrap()
        .unwrap_or_else(|e| format!("(stderr unreadable: {e})"));
    assert!(status.success(), "avatarctl failed: {stderr}");
    assert_eq!(printed, lines, "lines printed by avatarctl {args:?}");
    Measured {
        wall,
        peak_rss_kib: peak,
    }
}

/// `VmHWM` from `/proc/<pid>/status` (Linux only).
fn peak_rss_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|line| line.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// A fake Anam whose `perPage=100` pages are rendered once, up front.
fn fake_anam(sessions: usize, latency: Duration) -> FakeServer {
    let last_page = sessions.div_ceil(PER_PAGE).max(1);
    let pages: Vec<Vec<u8>> = (1..=last_page)
        .map(|page| {
            let data: Vec<_> = ((page - 1) * PER_PAGE..(page * PER_PAGE).min(sessions)).map(session).collect();
            let meta = json!({"total": sessions, "lastPage": last_page, "currentPage": page, "perPage": PER_PAGE});
            serde_json::to_vec(&json!({"data": data, "meta": meta})).unwrap()
        })
        .collect();
    let pages = Arc::new(pages);
    // The pages are looked up, never built here: the handler runs inline, so that the fake
    // costs next to nothing and avatarctl is what is measured.
    FakeServer::start_inline(move |request| {
        // A 400 that avatarctl reports, so the run fails with this message; a panic here
        // would only end the server's thread and leave the run to fail obscurely.
        let per_page = request.query_param("perPage");
        if per_page != Some("100") {
            let message = format!(
                "the bench serves pages of {PER_PAGE} only, not perPage={}",
                per_page.unwrap_or("(none)")
            );
            return Reply::json(400, &json!({ "message": message }));
        }
        let page: usize = request
            .query_param("page")
            .and_then(|p| p.parse().ok())
            .unwrap_or(1);
        let body = page
            .checked_sub(1)
            .and_then(|index| pages.get(index))
            .cloned()
            .unwrap_or_else(|| b"{\"data\":[]}".to_vec());
        Reply::text(200, "application/json", body).delay(latency)
    })
}

/// A fake AgentHuman answering its one list response, `sessions` seed-shaped sessions
/// rendered once; also returns the body's size.
fn fake_agenthuman(sessions: usize) -> (FakeServer, usize) {
    let list: Vec<_> = (0..sessions)
        .map(|i| {
            json!({
                "session_id": format!("sess_{i:026}"),
                "avatar": {"avatar_id": "avat_01H3Z8G9YR3K2N5M6P7Q8W4T", "name": "Professional Avatar",
                           "url": "https://example.com/avatar.jpg"},
                "session_type": "webrtc_video",
                "status": "ended",
                "started_at": "2024-01-15T12:00:00Z",
                "ended_at": "2024-01-15T12:05:30Z",
                "expiration": "2024-01-15T14:35:00Z",
                "duration": 330,
                "daily_room": {"url": "https://agenthuman.daily.co/example-room-name",
                               "name": "example-room-name", "token": "eyJhbGciOi"},
                "created_at": "2024-01-15T12:00:00Z",
                "metadata": {"user_name": "John Doe", "session_purpose": "Customer Support"},
            })
        })
        .collect();
    let body = Arc::new(serde_json::to_vec(&json!({"success": true, "sessions": list})).unwrap());
    let size = body.len();
    let server = FakeServer::start_inline(move |_| {
        Reply::text(200, "application/json", body.as_ref().clone())
    });
    (server, size)
}

fn session(i: usize) -> serde_json::Value {
    json!({
        "id": format!("00000000-0000-4000-8000-{i:012}"),
        "personaId": "00000000-0000-4000-9000-0000000000b0",
        "clientLabel": format!("label-{i}"),
        "startTime": "2026-04-20T09:00:00.000Z",
        "endTime": "2026-04-20T09:12:34.000Z",
        "sessionLengthMs": 754000,
        "exitStatus": "NORMAL_EXIT",
        "engineHost": "connect-eu.anam.ai/v1/webrtc/engines/anam-engine-0",
        "personaConfig": {"name": "Cara", "llmConfig": {"modelName": "gpt-4o"}},
        "apiKeyId": "00000000-0000-4000-a000-0000000000a1",
        "organizationId": "org_V1StGXR8Z5jdHi6B",
        "createdAt": "2026-04-20T09:00:00.000Z",
        "updatedAt": "2026-04-20T09:12:34.000Z",
    })
}

fn setting(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}
