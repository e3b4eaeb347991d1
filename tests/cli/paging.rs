//! Listing at scale: `--all` and `--limit` against fakes that count pages, measure how many
//! requests overlap, move the list mid-export, and enforce a rate limit.

use std::collections::HashSet;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::support::{
    Barrier, FakeAgentHuman, FakeAnam, FakeServer, Gate, Reply, anam, avatarctl_agenthuman,
    avatarctl_anam, ids, run, stream_anam,
};

const KEY: &str = "anam-paging-key";
/// The AgentHuman key of these tests.
const AGENTHUMAN_KEY: &str = "ah_test_k";

fn pages_asked(server: &FakeServer) -> Vec<u32> {
    let mut pages: Vec<u32> = server
        .requests()
        .iter()
        .map(|r| r.query_param("page").unwrap().parse().unwrap())
        .collect();
    pages.sort_unstable();
    pages
}

#[test]
fn all_returns_every_session_exactly_once_in_order() {
    for n in [0, 1, 100, 101, 3456] {
        let server = FakeAnam::new(KEY).with_sessions(n).start();
        let run = run(
            avatarctl_anam(&server, KEY).args(["sessions", "list", "--all", "-o", "ndjson"]),
            KEY,
        );
        run.quiet_success();
        let expected: Vec<String> = (0..n).map(anam::session_id).collect();
        assert_eq!(run.ndjson_ids(), expected, "n = {n}");
        // Every page up to the announced last one, and one more after a full last page:
        // a provider's count is not taken on trust.
        let pages = (n / 100 + 1) as u32;
        assert_eq!(
            pages_asked(&server),
            (1..=pages).collect::<Vec<_>>(),
            "n = {n}"
        );
        assert!(
            server
                .requests()
                .iter()
                .all(|r| r.query_param("perPage") == Some("100"))
        );
    }
}

#[test]
fn all_as_csv_and_json_streams_the_same_sessions() {
    let server = FakeAnam::new(KEY).with_sessions(250).start();
    let csv = run(
        avatarctl_anam(&server, KEY).args(["sessions", "list", "--all", "-o", "csv"]),
        KEY,
    );
    assert_eq!(csv.success().lines().count(), 251, "a header and 250 rows");
    let json = run(
        avatarctl_anam(&server, KEY).args(["sessions", "list", "--all", "-o", "json"]),
        KEY,
    );
    let sessions = ids(&json.json());
    assert_eq!(sessions.len(), 250);
    assert_eq!(sessions[249], anam::session_id(249));
}

#[test]
fn pages_overlap_but_never_beyond_the_concurrency() {
    // The first three pages after page 1 are held until all three are in flight, so three
    // overlap however slow the machine; every other request lasts 40 ms at the fake, so that
    // a fourth at once would show.
    let handler = FakeAnam::new(KEY).with_sessions(1200).handler();
    let barrier = Arc::new(Barrier::new(3));
    let held = Arc::clone(&barrier);
    let server = FakeServer::start(move |request| {
        if request.query_param("page") != Some("1") && held.arrive() {
            return handler(request);
        }
        handler(request).delay(Duration::from_millis(40))
    });
    let args = [
        "sessions",
        "list",
        "--all",
        "--concurrency",
        "3",
        "-o",
        "ndjson",
    ];
    let run = run(avatarctl_anam(&server, KEY).args(args), KEY);
    assert_eq!(run.ndjson_ids().len(), 1200);
    assert!(
        barrier.met(),
        "only {} pages were ever in flight at once",
        barrier.most_held()
    );
    assert_eq!(
        server.max_in_flight(),
        3,
        "pages 2..12 with 3 in flight at most"
    );
}

#[test]
fn a_session_created_mid_export_yields_no_duplicate() {
    let fake = FakeAnam::new(KEY).with_sessions(450);
    let list = fake.sessions_handle();
    let handler = fake.handler();
    let served = AtomicUsize::new(0);
    let server = FakeServer::start(move |request| {
        let reply = handler(request);
        if served.fetch_add(1, Ordering::SeqCst) == 0 {
            // Created at the top right after page 1: every later page shifts by one.
            list.lock().unwrap().insert(0, anam::session(9999));
        }
        reply
    });
    let run = run(
        avatarctl_anam(&server, KEY).args(["sessions", "list", "--all", "-o", "ndjson"]),
        KEY,
    );
    let expected: Vec<String> = (0..450).map(anam::session_id).collect();
    assert_eq!(
        run.ndjson_ids(),
        expected,
        "every session there at the start, once, in order"
    );
    run.assert_stderr_contains("total changed from 450 to 451");
}

#[test]
fn a_limit_stops_requesting_pages_once_it_has_enough() {
    let server = FakeAnam::new(KEY).with_sessions(2000).start();
    let run = run(
        avatarctl_anam(&server, KEY).args(["sessions", "list", "--limit", "250", "-o", "json"]),
        KEY,
    );
    assert_eq!(ids(&run.json()).len(), 250);
    assert_eq!(pages_asked(&server), [1, 2, 3]);
    run.assert_stderr_contains("showing 250 of 2000 sessions");
}

#[test]
fn agenthuman_all_is_one_request() {
    let server = FakeAgentHuman::new(AGENTHUMAN_KEY)
        .with_sessions(130)
        .start();
    let run = run(
        avatarctl_agenthuman(&server, AGENTHUMAN_KEY)
            .args(["sessions", "list", "--all", "-o", "ndjson"]),
        AGENTHUMAN_KEY,
    );
    assert_eq!(run.success().lines().count(), 130);
    assert_eq!(server.request_count(), 1);
}

#[test]
fn all_conflicts_with_page_and_limit() {
    let server = FakeAnam::new(KEY).with_sessions(1).start();
    for extra in [["--page", "2"], ["--limit", "5"]] {
        let run = run(
            avatarctl_anam(&server, KEY)
                .args(["sessions", "list", "--all"])
                .args(extra),
            KEY,
        );
        assert_eq!(run.code, Some(2), "{extra:?}");
    }
    let run = run(
        avatarctl_anam(&server, KEY).args(["sessions", "list", "--all", "--concurrency", "0"]),
        KEY,
    );
    assert_eq!(run.code, Some(2));
    assert_eq!(server.request_count(), 0);
}

#[test]
fn a_table_of_everything_is_capped_and_says_so() {
    let server = FakeAnam::new(KEY).with_sessions(10_050).start();
    let run = run(
        avatarctl_anam(&server, KEY).args(["sessions", "list", "--all"]),
        KEY,
    );
    assert_eq!(
        run.success().lines().count(),
        10_001,
        "a header and 10000 rows"
    );
    run.assert_stderr_contains(
        "a table shows at most 10000 sessions; showing 10000 of 10050 — use -o csv",
    );
    assert_eq!(
        server.request_count(),
        100,
        "no page past the cap is fetched"
    );
}

#[test]
fn ndjson_rows_stream_before_the_last_page_arrives() {
    let gate = Arc::new(Gate::default());
    let handler = FakeAnam::new(KEY).with_sessions(300).handler();
    let held = Arc::clone(&gate);
    let server = FakeServer::start(move |request| {
        if request.query_param("page") == Some("3") {
            held.wait();
        }
        handler(request)
    });
    let args = [
        "sessions",
        "list",
        "--all",
        "--concurrency",
        "1",
        "-o",
        "ndjson",
    ];
    let mut stream = stream_anam(&server, KEY, &args);
    // Page 3 is held back until a row of page 1 has been read: a tool that printed only
    // at the end would never get there.
    let first = stream.next_line();
    assert!(first.contains(&anam::session_id(0)), "{first}");
    gate.open();
    let run = stream.finish();
    assert_eq!(
        run.success().lines().count(),
        1 + 299,
        "the first line, then the other 299"
    );
}

/// A fake that allows `budget` requests per window of one second (reset as a Unix time, as
/// AgentHuman sends it), answering 429 past it; counts the 429s it sent.
fn rate_limited_agenthuman(budget: u64, refused: Arc<AtomicUsize>) -> FakeServer {
    let handler = FakeAgentHuman::new(AGENTHUMAN_KEY)
        .with_sessions(50)
        .handler();
    let window = Mutex::new((0u64, 0u64)); // (second, requests in it)
    FakeServer::start(move |request| {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_secs();
        // Counted under the lock, answered after it.
        let counted = {
            let mut window = window.lock().unwrap();
            if window.0 != now {
                *window = (now, 0);
            }
            window.1 += 1;
            window.1
        };
        let remaining = budget.saturating_sub(counted);
        let reply = if counted > budget {
            refused.fetch_add(1, Ordering::SeqCst);
            Reply::json(
                429,
                &serde_json::json!({"success": false, "error": "Too many requests"}),
            )
        } else {
            handler(request)
        };
        reply
            .header("X-RateLimit-Limit", budget)
            .header("X-RateLimit-Remaining", remaining)
            .header("X-RateLimit-Reset", now + 1)
    })
}

#[test]
fn a_small_announced_budget_is_paced_without_a_429() {
    let refused = Arc::new(AtomicUsize::new(0));
    let server = rate_limited_agenthuman(20, Arc::clone(&refused));
    let ids: Vec<String> = (0..50)
        .map(crate::support::agenthuman::session_id)
        .collect();
    let started = Instant::now();
    let run = run(
        avatarctl_agenthuman(&server, AGENTHUMAN_KEY)
            .args(["sessions", "get", "-o", "ndjson"])
            .args(&ids),
        AGENTHUMAN_KEY,
    );
    assert_eq!(run.success().lines().count(), 50);
    assert_eq!(refused.load(Ordering::SeqCst), 0, "429s sent");
    assert_eq!(server.request_count(), 50);
    // Pacing waits out whole windows: 50 requests at 20 a window are three windows or more
    // (more when in-flight requests make the estimate cautious), each waited for up to about
    // 2 s, since a reset comes in whole seconds. Typically 3 s; far from a crawl of one
    // request a second (50 s) or a wait for the longest reset (2 minutes).
    let elapsed = started.elapsed();
    assert!(elapsed < Duration::from_secs(20), "{elapsed:?}");
}

#[test]
fn a_429_halves_the_concurrency() {
    // Pages 2..=9 are held until all eight are in flight; then page 2 is refused (Retry-After:
    // 0) and the other seven answered. Page 2 is first in line and at most --concurrency pages
    // wait in memory, so no page past 9 starts before page 2's retry has succeeded: every
    // request after the 429 was sent after the CLI had it. Those requests last 40 ms at the
    // fake, so that more than 4 at once would show.
    const DELAY: Duration = Duration::from_millis(40);
    let handler = FakeAnam::new(KEY).with_sessions(8000).handler();
    let barrier = Arc::new(Barrier::new(8));
    let refused = Arc::new(AtomicBool::new(false));
    // For each request after the 429, how many were in flight at the fake when it arrived.
    let after: Arc<Mutex<Vec<usize>>> = Arc::default();
    let (held, refusal, counts) = (
        Arc::clone(&barrier),
        Arc::clone(&refused),
        Arc::clone(&after),
    );
    let server = FakeServer::start(move |request| {
        let page = request.query_param("page");
        if page == Some("1") {
            return handler(request);
        }
        if held.arrive() {
            if page == Some("2") && !refusal.swap(true, Ordering::SeqCst) {
                return Reply::json(429, &serde_json::json!({"message": "slow down"}))
                    .header("Retry-After", 0);
            }
            return handler(request);
        }
        if refusal.load(Ordering::SeqCst) {
            counts.lock().unwrap().push(request.in_flight);
        }
        handler(request).delay(DELAY)
    });
    let args = [
        "sessions",
        "list",
        "--all",
        "--concurrency",
        "8",
        "-o",
        "ndjson",
    ];
    let run = run(avatarctl_anam(&server, KEY).args(args), KEY);
    assert!(
        barrier.met(),
        "before the 429: {} at once, not 8",
        barrier.most_held()
    );
    assert!(refused.load(Ordering::SeqCst), "page 2 was refused once");
    let ids = run.ndjson_ids();
    assert_eq!(ids.len(), 8000);
    let after = after.lock().unwrap();
    let most = after.iter().copied().max().unwrap_or(0);
    assert!((1..=4).contains(&most), "after the 429: {most} at once");
    assert_eq!(server.max_in_flight(), 8, "never more than --concurrency");
    // Page 2 twice (refused, then retried), every other page once, and page 81 after the
    // full page 80.
    let mut expected: Vec<u32> = (1..=81).collect();
    expected.insert(1, 2);
    assert_eq!(pages_asked(&server), expected);
    let unique: HashSet<String> = ids.into_iter().collect();
    assert_eq!(unique.len(), 8000);
}

#[test]
fn a_server_that_ignores_the_page_number_cannot_loop_the_walk() {
    // No counts, and the same full page whatever page is asked for: an error, not the end.
    let page: Vec<serde_json::Value> = (0..100).map(anam::session).collect();
    let server = FakeServer::start(move |_| Reply::json(200, &serde_json::json!({ "data": page })));
    for args in [&["--all"][..], &["--limit", "500"]] {
        let run = run(
            avatarctl_anam(&server, KEY)
                .args(["sessions", "list", "-o", "ndjson"])
                .args(args),
            KEY,
        );
        assert_eq!(run.code, Some(5), "{args:?}: {run:#?}");
        assert_eq!(run.stdout.lines().count(), 100, "page 1 was streamed");
        run.assert_stderr_contains("page 2 of the list repeats an earlier page");
        run.assert_stderr_contains("the list is incomplete: 100 sessions were written");
    }
    assert_eq!(
        server.request_count(),
        4,
        "two pages a walk: the second repeats the first"
    );
}

#[test]
fn a_server_serving_smaller_pages_than_asked_is_followed() {
    // The fake caps perPage at 50, as a provider may, and says so in `meta.perPage`.
    let handler = FakeAnam::new(KEY).with_sessions(420).handler();
    let server = FakeServer::start(move |request| {
        let mut capped = request.clone();
        for (name, value) in &mut capped.query {
            if name == "perPage" {
                *value = value.parse::<u32>().unwrap().min(50).to_string();
            }
        }
        handler(&capped)
    });
    let run = run(
        avatarctl_anam(&server, KEY).args(["sessions", "list", "--all", "-o", "ndjson"]),
        KEY,
    );
    let expected: Vec<String> = (0..420).map(anam::session_id).collect();
    assert_eq!(run.ndjson_ids(), expected);
    assert_eq!(server.request_count(), 9);
}
