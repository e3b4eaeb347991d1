//! `cargo bench --bench throughput`: how close a full export comes to the wire.
//!
//! A local fake Anam serves realistic sessions (seed-shaped, about 2 KB each, with a long
//! `systemPrompt`) in pages of 100, rendered once and answered inline, so the fake costs next
//! to nothing. In the same run it measures, side by side:
//!
//! - the transport floor: every page fetched by one `curl --parallel --parallel-max 8` to
//!   `/dev/null` (the server's and loopback's cost alone, no parsing);
//! - serde_json's validating scan of every page, alone, on one thread of the bench: the
//!   least any reader built on serde_json spends on a session;
//! - the shell pipeline avatarctl replaces: the same parallel curl with bodies to files, then
//!   `jq -r '.data[] | [...] | @csv'` over them;
//! - `avatarctl sessions list --all` as CSV, NDJSON, JSON and `--raw` NDJSON: wall time, the
//!   ratio to the floor, CPU time (user + sys) per session, and peak RSS;
//! - the same CSV export with the fake compressing its pages (gzip), against a floor that
//!   fetches them compressed too;
//! - CSV and NDJSON of 1,000,000 such sessions (`BENCH_BIG_SESSIONS`; 0 leaves them out),
//!   for the peak RSS of a long export, from pages made as they are asked for: one page
//!   rendered once, with each session's ID written in for the page asked;
//! - `avatarctl --version`, the start-up cost of any command (median of 21 runs);
//! - with valgrind installed, the instructions a session takes in each format, counted by
//!   cachegrind over `BENCH_COUNT_SESSIONS` sessions (10000; 0 leaves them out): a figure
//!   that does not move with the load on a shared machine, to compare two builds by.
//!
//! `BENCH_SESSIONS` (default 100000) and `BENCH_RUNS` (3, the median is reported) change it;
//! `BENCH_BIN` runs another avatarctl binary (a copy of an earlier build, to compare two in
//! alternating runs on a noisy machine).
//! Needs `curl`, `jq` and GNU `time` (`/usr/bin/time`) on PATH; a missing one skips its rows.
#![allow(clippy::print_stdout)] // The results table is the output.

#[path = "../tests/cli/support/server.rs"]
#[allow(dead_code, unused_imports)]
// The bench uses a part of the server; its own tests do not run here.
mod server;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use server::{FakeServer, Reply};

const PER_PAGE: usize = 100;
const BIN: &str = env!("CARGO_BIN_EXE_avatarctl");

fn main() {
    let sessions = setting("BENCH_SESSIONS", 100_000);
    let runs = setting("BENCH_RUNS", 3).max(1);
    let pages = render_pages(sessions);
    let bytes: usize = pages.iter().map(Vec::len).sum();
    println!(
        "{sessions} sessions, {} pages, {:.0} MB of JSON ({:.0} bytes a session); median of {runs}",
        pages.len(),
        bytes as f64 / 1e6,
        bytes as f64 / sessions as f64
    );
    println!();
    println!("| case | wall | × floor | CPU µs/session | peak RSS |");
    println!("| --- | --- | --- | --- | --- |");
    let server = fake_anam(Arc::new(pages.clone()), false);
    let urls = page_urls(&server, pages.len());
    let floor = median(runs, || curl_floor(&urls, false));
    match floor {
        Some(floor) => row("floor: parallel curl to /dev/null", floor, floor.wall, None),
        None => println!("| floor: curl is not installed | | | | |"),
    }
    let floor_wall = floor.map_or(Duration::ZERO, |f| f.wall);
    let scan = median(runs, || Some(scan_alone(&pages))).expect("runs");
    row(
        "serde_json's scan of every page, alone (one thread)",
        scan,
        floor_wall,
        Some(sessions),
    );
    if let Some(jq) = median(runs, || curl_then_jq(&urls)) {
        row(
            "parallel curl, then `jq -r … @csv`",
            jq,
            floor_wall,
            Some(sessions),
        );
    }
    let cases: [(&str, &[&str]); 4] = [
        ("avatarctl `--all -o csv`", &["-o", "csv"]),
        ("avatarctl `--all -o ndjson`", &["-o", "ndjson"]),
        ("avatarctl `--all -o json`", &["-o", "json"]),
        (
            "avatarctl `--all -o ndjson --raw`",
            &["-o", "ndjson", "--raw"],
        ),
    ];
    for (name, args) in cases {
        if let Some(run) = median(runs, || avatarctl(&server, args)) {
            row(name, run, floor_wall, Some(sessions));
        }
    }
    drop(server);

    let compressed: Vec<Vec<u8>> = pages.iter().map(|page| gzip(page)).collect();
    let zipped: usize = compressed.iter().map(Vec::len).sum();
    println!(
        "| gzip: {:.0} MB on the wire ({:.0}% of the JSON) | | | | |",
        zipped as f64 / 1e6,
        100.0 * zipped as f64 / bytes as f64
    );
    let server = fake_anam(Arc::new(compressed), true);
    let urls = page_urls(&server, pages.len());
    let floor = median(runs, || curl_floor(&urls, true));
    if let Some(floor) = floor {
        row(
            "gzip floor: parallel curl `--compressed`",
            floor,
            floor.wall,
            None,
        );
    }
    let floor_wall = floor.map_or(Duration::ZERO, |f| f.wall);
    if let Some(run) = median(runs, || avatarctl(&server, &["-o", "csv"])) {
        row(
            "gzip: avatarctl `--all -o csv`",
            run,
            floor_wall,
            Some(sessions),
        );
    }
    drop(server);

    let big = setting("BENCH_BIG_SESSIONS", 1_000_000);
    if big > 0 {
        let server = fake_anam_made(big);
        let urls = page_urls(&server, big.div_ceil(PER_PAGE));
        let floor = median(runs, || curl_floor(&urls, false));
        let name = format!("{}M", big as f64 / 1e6);
        if let Some(floor) = floor {
            row(&format!("{name}: floor"), floor, floor.wall, None);
        }
        let floor_wall = floor.map_or(Duration::ZERO, |f| f.wall);
        for format in ["csv", "ndjson"] {
            if let Some(run) = median(runs, || avatarctl(&server, &["-o", format])) {
                let case = format!("{name}: avatarctl `--all -o {format}`");
                row(&case, run, floor_wall, Some(big));
            }
        }
    }

    let bin = bench_bin();
    let mut starts: Vec<Duration> = (0..21)
        .map(|_| {
            let started = Instant::now();
            let status = Command::new(&bin)
                .arg("--version")
                .stdout(Stdio::null())
                .status()
                .expect("avatarctl runs");
            assert!(status.success());
            started.elapsed()
        })
        .collect();
    starts.sort();
    println!(
        "| avatarctl `--version` (median of 21) | {:.1} ms | | | |",
        starts[10].as_secs_f64() * 1e3
    );

    let counted = setting("BENCH_COUNT_SESSIONS", 10_000);
    if counted > 0 && which("valgrind").is_some() {
        println!();
        println!(
            "Instructions, counted by valgrind's cachegrind over {counted} sessions (start-up \
             included):"
        );
        println!();
        println!("| case | instructions a session |");
        println!("| --- | --- |");
        let server = fake_anam(Arc::new(render_pages(counted)), false);
        for (name, args) in cases {
            if let Some(count) = instructions(&server, args) {
                println!("| {name} | {:.1}k |", count as f64 / counted as f64 / 1e3);
            }
        }
    }
}

/// A fake Anam of `sessions` realistic sessions whose pages are made as they are asked for:
/// page 1 rendered once, and for page N each of its IDs rewritten (they differ only in
/// their last 12 digits) — so that a million sessions need no gigabytes of pages in memory.
fn fake_anam_made(sessions: usize) -> FakeServer {
    // Every page is full: the last one is made like the others.
    assert!(
        sessions.is_multiple_of(PER_PAGE),
        "BENCH_BIG_SESSIONS must be a multiple of {PER_PAGE}"
    );
    let template = render_pages(PER_PAGE.min(sessions)).swap_remove(0);
    let last_page = sessions.div_ceil(PER_PAGE).max(1);
    // The meta of the whole list, in place of the template's own.
    let text = String::from_utf8(template).unwrap();
    let meta_at = text.rfind(r#""meta":"#).unwrap();
    let meta = json!({"total": sessions, "lastPage": last_page, "perPage": PER_PAGE});
    let page = format!("{}\"meta\":{meta}}}", &text[..meta_at]).into_bytes();
    let marker = b"00000000-0000-4000-8000-";
    let ids: Vec<usize> = positions(&page, marker)
        .into_iter()
        .filter(|&at| page[at - 1] == b'"' && page[at - 5..at - 1] == *b"id\":")
        .map(|at| at + marker.len())
        .collect();
    assert_eq!(ids.len(), PER_PAGE.min(sessions), "one ID a session");
    let page = Arc::new(page);
    FakeServer::start_inline(move |request| {
        let number: usize = request
            .query_param("page")
            .and_then(|p| p.parse().ok())
            .unwrap_or(1);
        if number == 0 || number > last_page {
            return Reply::text(200, "application/json", b"{\"data\":[]}".to_vec());
        }
        let mut body = page.as_ref().clone();
        let first = (number - 1) * PER_PAGE;
        for (i, &at) in ids.iter().enumerate() {
            let digits = format!("{:012}", first + i);
            body[at..at + 12].copy_from_slice(digits.as_bytes());
        }
        Reply::text(200, "application/json", body)
    })
}

/// Every position of `needle` in `haystack`.
fn positions(haystack: &[u8], needle: &[u8]) -> Vec<usize> {
    haystack
        .windows(needle.len())
        .enumerate()
        .filter(|(_, window)| *window == needle)
        .map(|(at, _)| at)
        .collect()
}

/// One measured process: wall time, CPU time, peak RSS.
#[derive(Clone, Copy)]
struct Run {
    wall: Duration,
    cpu: Duration,
    rss_kib: u64,
}

fn row(name: &str, run: Run, floor: Duration, sessions: Option<usize>) {
    let ratio = if floor.is_zero() {
        "n/a".to_owned()
    } else {
        format!("{:.2}×", run.wall.as_secs_f64() / floor.as_secs_f64())
    };
    let per_session = sessions.map_or(String::new(), |n| {
        format!("{:.1}", run.cpu.as_secs_f64() * 1e6 / n as f64)
    });
    let rss = match run.rss_kib {
        0 => String::new(),
        kib => format!("{:.1} MB", kib as f64 / 1024.0),
    };
    println!(
        "| {name} | {:.3} s | {ratio} | {per_session} | {rss} |",
        run.wall.as_secs_f64(),
    );
}

/// The median run by wall time of `runs` runs, or `None` when the tool is missing.
fn median(runs: usize, mut once: impl FnMut() -> Option<Run>) -> Option<Run> {
    let mut all: Vec<Run> = (0..runs).map(|_| once()).collect::<Option<_>>()?;
    all.sort_by_key(|r| r.wall);
    Some(all[runs / 2])
}

/// Runs `command` under GNU time, which reports the CPU time and peak RSS of the command
/// and all it waited for (curl's and jq's children included).
fn timed(program: &str, args: &[&str], stdin: Option<&str>) -> Option<Run> {
    if !Path::new("/usr/bin/time").exists() || which(program).is_none() {
        return None;
    }
    let started = Instant::now();
    let mut child = Command::new("/usr/bin/time")
        .args(["-f", "%U %S %M", "--"])
        .arg(program)
        .args(args)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .ok()?;
    if let Some(text) = stdin {
        child.stdin.take()?.write_all(text.as_bytes()).ok()?;
    }
    let output = child.wait_with_output().ok()?;
    let wall = started.elapsed();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{program} failed: {stderr}");
    let last = stderr.lines().last()?;
    let mut fields = last.split_whitespace();
    let user: f64 = fields.next()?.parse().ok()?;
    let sys: f64 = fields.next()?.parse().ok()?;
    let rss_kib: u64 = fields.next()?.parse().ok()?;
    Some(Run {
        wall,
        cpu: Duration::from_secs_f64(user + sys),
        rss_kib,
    })
}

/// What reading a page costs at least with serde_json, which checks every byte of it:
/// every page skipped as `IgnoredAny`, on this thread, in this process.
fn scan_alone(pages: &[Vec<u8>]) -> Run {
    let started = Instant::now();
    for page in pages {
        let scanned: serde::de::IgnoredAny = serde_json::from_slice(page).expect("valid JSON");
        std::hint::black_box(scanned);
    }
    let wall = started.elapsed();
    Run {
        wall,
        cpu: wall,
        rss_kib: 0,
    }
}

fn avatarctl(server: &FakeServer, args: &[&str]) -> Option<Run> {
    let all = list_args(server, args);
    let all: Vec<&str> = all.iter().map(String::as_str).collect();
    timed(&bench_bin(), &all, None)
}

/// The avatarctl binary measured: `BENCH_BIN`, or this build's.
fn bench_bin() -> String {
    std::env::var("BENCH_BIN").unwrap_or_else(|_| BIN.to_owned())
}

/// `sessions list --all` against `server`, with `args`.
fn list_args(server: &FakeServer, args: &[&str]) -> Vec<String> {
    let base = format!("--base-url={}", server.url());
    ["-q", "-p", "anam", "--api-key", "bench-key", &base]
        .into_iter()
        .chain(["sessions", "list", "--all"])
        .chain(args.iter().copied())
        .map(str::to_owned)
        .collect()
}

/// The instructions avatarctl runs for `sessions list --all` with `args`, counted by
/// valgrind's cachegrind: the same from one run to the next, where times on a shared machine
/// are not. `None` when valgrind is not installed.
fn instructions(server: &FakeServer, args: &[&str]) -> Option<u64> {
    which("valgrind")?;
    let output = Command::new("valgrind")
        .args(["--tool=cachegrind", "--cache-sim=no"])
        .arg("--cachegrind-out-file=/dev/null")
        .arg(bench_bin())
        .args(list_args(server, args))
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .output()
        .ok()?;
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "valgrind failed: {stderr}");
    // `==pid== I   refs:      1,234` (one space after `I` from valgrind 3.21 on).
    let count = stderr
        .lines()
        .map(|line| line.rsplit_once("== ").map_or(line, |(_, rest)| rest))
        .find_map(|line| line.strip_prefix('I')?.trim_start().strip_prefix("refs:"))
        .unwrap_or_else(|| panic!("no instruction count in valgrind's report: {stderr}"));
    Some(count.trim().replace(',', "").parse().expect("a count"))
}

/// Every page to `/dev/null` with one parallel curl reading its URLs from a config.
fn curl_floor(urls: &[String], compressed: bool) -> Option<Run> {
    let mut config = String::new();
    for url in urls {
        config.push_str(&format!("url = \"{url}\"\noutput = \"/dev/null\"\n"));
    }
    let mut args = vec!["--silent", "--fail", "--parallel", "--parallel-max", "8"];
    args.extend(["-H", "Authorization: Bearer bench-key"]);
    if compressed {
        args.push("--compressed");
    }
    args.extend(["--config", "-"]);
    timed("curl", &args, Some(&config))
}

/// Every page to a file with parallel curl, then `jq -r … @csv` over the files: what a shell
/// script does without avatarctl. Timed as one `sh -c`.
fn curl_then_jq(urls: &[String]) -> Option<Run> {
    which("jq")?;
    let dir = std::env::temp_dir().join(format!("avatarctl-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).ok()?;
    let mut config = String::new();
    for (i, url) in urls.iter().enumerate() {
        let file = dir.join(format!("{i:06}.json"));
        config.push_str(&format!(
            "url = \"{url}\"\noutput = \"{}\"\n",
            file.display()
        ));
    }
    let config_path = dir.join("curl.config");
    std::fs::write(&config_path, config).ok()?;
    let filter = r#".data[] | [.id, (if .endTime == null then "active" else "ended" end), .exitStatus, .startTime, .endTime, .sessionLengthMs, .personaId, .personaConfig.name, .clientLabel, .createdAt] | @csv"#;
    let script = format!(
        "curl --silent --fail --parallel --parallel-max 8 -H 'Authorization: Bearer bench-key' \
         --config '{}' && jq -r '{filter}' '{}'/0*.json",
        config_path.display(),
        dir.display()
    );
    let run = timed("sh", &["-c", &script], None);
    let _ = std::fs::remove_dir_all(&dir);
    run
}

fn page_urls(server: &FakeServer, pages: usize) -> Vec<String> {
    (1..=pages)
        .map(|page| {
            format!(
                "{}/v1/sessions?page={page}&perPage={PER_PAGE}",
                server.url()
            )
        })
        .collect()
}

/// A fake Anam answering pages rendered once; `gzipped` pages carry `Content-Encoding`.
fn fake_anam(pages: Arc<Vec<Vec<u8>>>, gzipped: bool) -> FakeServer {
    FakeServer::start_inline(move |request| {
        let page: usize = request
            .query_param("page")
            .and_then(|p| p.parse().ok())
            .unwrap_or(1);
        match page.checked_sub(1).and_then(|i| pages.get(i)) {
            Some(body) => {
                let reply = Reply::text(200, "application/json", body.clone());
                if gzipped {
                    reply.header("content-encoding", "gzip")
                } else {
                    reply
                }
            }
            None if gzipped => Reply::text(200, "application/json", gzip(b"{\"data\":[]}"))
                .header("content-encoding", "gzip"),
            None => Reply::text(200, "application/json", b"{\"data\":[]}".to_vec()),
        }
    })
}

/// The pages of `sessions` realistic sessions, with the documented `meta`.
fn render_pages(sessions: usize) -> Vec<Vec<u8>> {
    let template: Value =
        serde_json::from_str(include_str!("../tests/fixtures/anam_get.json")).unwrap();
    let last_page = sessions.div_ceil(PER_PAGE).max(1);
    (1..=last_page)
        .map(|page| {
            let data: Vec<Value> = ((page - 1) * PER_PAGE..(page * PER_PAGE).min(sessions))
                .map(|i| realistic(&template, i))
                .collect();
            let meta = json!({"total": sessions, "lastPage": last_page, "currentPage": page, "perPage": PER_PAGE});
            serde_json::to_vec(&json!({"data": data, "meta": meta})).unwrap()
        })
        .collect()
}

/// Session `i`: the documented session with its own ID, times and label, and a system
/// prompt of the length real personas carry.
fn realistic(template: &Value, i: usize) -> Value {
    let mut session = template.clone();
    let minute = i % 60;
    session["id"] = json!(format!("00000000-0000-4000-8000-{i:012}"));
    session["clientLabel"] = json!(format!("web-{}", i % 97));
    session["startTime"] = json!(format!("2026-04-20T09:{minute:02}:00.000Z"));
    session["endTime"] = json!(format!("2026-04-20T09:{minute:02}:34.000Z"));
    session["sessionLengthMs"] = json!(34_000 + i % 1000);
    session["personaConfig"]["systemPrompt"] = json!(
        "You are Cara, a friendly and knowledgeable customer support assistant for an online \
         retailer. Greet the customer warmly, ask how you can help, and keep answers short and \
         clear. You can look up orders, explain return and refund policies, track deliveries \
         and help with account questions. Never ask for full card numbers or passwords. If a \
         request is outside what you can do, say so politely and offer to connect the customer \
         with a human agent. Speak in the customer's language when you can tell it, and stay \
         calm and patient if the customer is upset. Summarise what you did before ending."
    );
    session
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

fn which(program: &str) -> Option<std::path::PathBuf> {
    std::env::var_os("PATH").and_then(|path| {
        std::env::split_paths(&path)
            .map(|dir| dir.join(program))
            .find(|candidate| candidate.is_file())
    })
}

fn setting(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}
