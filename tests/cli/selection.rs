//! `sessions list --since/--until/--status/--end-reason/--sort`: windows at their edges,
//! local dates in `TZ` across a DST change, a session that never started, the early stop on
//! a newest-first list (fewer requests) and the full walk on a shuffled one (the same
//! selection), and sorting with nulls last. Expected sessions are computed here from the
//! fake's data.

use chrono::{DateTime, Utc};
use serde_json::{Value, json};

use crate::support::anam::{self, session};
use crate::support::{self as s, ANAM_KEY, FakeAnam, FakeServer, Run, run};

/// The fake's session `i` starts at 2026-04-20T09:00Z + 10 minutes × i.
fn start_of(i: usize) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-04-20T09:00:00Z")
        .unwrap()
        .with_timezone(&Utc)
        + chrono::TimeDelta::minutes(10 * i as i64)
}

fn ids_where(range: impl Iterator<Item = usize>, keep: impl Fn(usize) -> bool) -> Vec<String> {
    range.filter(|&i| keep(i)).map(anam::session_id).collect()
}

fn list(server: &FakeServer, args: &[&str]) -> Run {
    run(
        s::avatarctl_anam(server, ANAM_KEY)
            .args(["sessions", "list", "-o", "ndjson"])
            .args(args),
        ANAM_KEY,
    )
}

#[test]
fn since_is_inclusive_and_until_exclusive_on_sessions_exactly_at_each() {
    let server = FakeAnam::new(ANAM_KEY).with_sessions(40).start();
    // Sessions 6 (10:00) through 11: 12 (11:00) starts exactly at --until and is left out.
    let got = list(
        &server,
        &[
            "--all",
            "--since",
            "2026-04-20T10:00:00Z",
            "--until",
            "2026-04-20T11:00:00+00:00",
        ],
    )
    .ndjson_ids();
    let since = start_of(6);
    let until = start_of(12);
    assert_eq!(
        got,
        ids_where(0..40, |i| start_of(i) >= since && start_of(i) < until)
    );
    assert_eq!(got.len(), 6);
}

#[test]
fn a_local_date_is_read_in_tz_across_a_dst_change() {
    // Europe/Berlin moves to summer time on 2026-03-29: that day is 23 hours long.
    let sessions: Vec<Value> = [
        ("a", "2026-03-28T22:59:59Z"), // 23:59:59 CET on the 28th
        ("b", "2026-03-28T23:00:00Z"), // 00:00 CET on the 29th
        ("c", "2026-03-29T21:59:59Z"), // 23:59:59 CEST on the 29th
        ("d", "2026-03-29T22:00:00Z"), // 00:00 CEST on the 30th
    ]
    .iter()
    .enumerate()
    .map(|(i, (_, at))| {
        let mut session = session(i);
        session["startTime"] = json!(at);
        session["createdAt"] = json!(at);
        session
    })
    .collect();
    let mut fake = FakeAnam::new(ANAM_KEY);
    for session in sessions {
        fake = fake.with_session(session);
    }
    let server = fake.start();
    let day = run(
        s::avatarctl_anam(&server, ANAM_KEY)
            .env("TZ", "Europe/Berlin")
            .args([
                "sessions",
                "list",
                "-o",
                "ndjson",
                "--since",
                "2026-03-29",
                "--until",
                "2026-03-30",
            ]),
        ANAM_KEY,
    );
    assert_eq!(day.ndjson_ids(), [anam::session_id(1), anam::session_id(2)]);
    // With --utc the same dates are UTC days.
    let utc = list(
        &server,
        &["--since", "2026-03-29", "--until", "2026-03-30", "--utc"],
    );
    assert_eq!(utc.ndjson_ids(), [anam::session_id(2), anam::session_id(3)]);
}

#[test]
fn a_session_that_never_started_is_placed_by_its_creation() {
    let mut never = session(0);
    never["startTime"] = Value::Null;
    never["createdAt"] = json!("2026-04-20T12:00:00.000Z");
    let mut timeless = session(1);
    timeless["startTime"] = Value::Null;
    timeless["createdAt"] = Value::Null;
    let server = FakeAnam::new(ANAM_KEY)
        .with_session(never)
        .with_session(timeless)
        .start();
    let got = list(&server, &["--since", "2026-04-20T11:00:00Z"]).ndjson_ids();
    assert_eq!(
        got,
        [anam::session_id(0)],
        "a session with no time is in no window"
    );
    assert_eq!(
        list(&server, &[]).ndjson_ids().len(),
        2,
        "but in the whole list"
    );
}

/// 300 sessions, newest first: page 1 holds sessions 299..=200, and so on.
fn newest_first(n: usize) -> FakeServer {
    let server = FakeAnam::new(ANAM_KEY).with_sessions(n);
    server.sessions_handle().lock().unwrap().reverse();
    server.start()
}

#[test]
fn a_newest_first_list_stops_early_and_a_shuffled_one_is_read_whole_for_the_same_selection() {
    let cutoff = start_of(850);
    let since = cutoff.to_rfc3339();
    let since = since.as_str();
    let expected: Vec<String> = ids_where((0..1000).rev(), |i| start_of(i) >= cutoff);
    let server = newest_first(1000);
    let early = list(
        &server,
        &["--all", "--since", since, "--concurrency", "1", "-v"],
    );
    assert_eq!(early.ndjson_ids(), expected);
    early.assert_stderr_contains("stopping early: the provider lists newest first");
    // Pages of 100: page 1 holds 999..=900, page 2 899..=800 (850 and up are in the window),
    // page 3 is wholly older: the walk ends there, after 3 of the 11 requests a whole walk makes.
    assert_eq!(server.request_count(), 3);

    // The same sessions in another order: every page is read, and the selection is the same.
    let shuffled = FakeAnam::new(ANAM_KEY).with_sessions(1000);
    {
        let handle = shuffled.sessions_handle();
        let mut list = handle.lock().unwrap();
        let original = list.clone();
        for (k, slot) in list.iter_mut().enumerate() {
            *slot = original[(k * 337) % 1000].clone();
        }
    }
    let shuffled = shuffled.start();
    let whole = list(&shuffled, &["--all", "--since", since]);
    let mut got = whole.ndjson_ids();
    got.sort();
    let mut want = expected.clone();
    want.sort();
    assert_eq!(got, want);
    assert!(!whole.stderr.contains("stopping early"));
    assert_eq!(
        shuffled.request_count(),
        11,
        "every page, and one past the last"
    );
}

#[test]
fn a_limit_counts_sessions_that_pass() {
    let server = FakeAnam::new(ANAM_KEY).with_sessions(200).start();
    let run = list(&server, &["--end-reason", "error", "--limit", "5"]);
    let expected: Vec<String> = ids_where(0..200, |i| !anam::is_active(i) && i / 3 % 3 == 2)
        .into_iter()
        .take(5)
        .collect();
    assert_eq!(run.ndjson_ids(), expected);
    run.assert_stderr_contains("showing the first 5 matching sessions");
    let reasons = list(
        &server,
        &[
            "--all",
            "--end-reason",
            "ERROR,normal_exit",
            "--status",
            "ended",
        ],
    );
    let expected = ids_where(0..200, |i| !anam::is_active(i) && i / 3 % 3 != 1);
    assert_eq!(reasons.ndjson_ids(), expected);
}

#[test]
fn sort_orders_the_whole_selection_with_nulls_last_then_limits() {
    let server = FakeAnam::new(ANAM_KEY).with_sessions(120).start();
    let run = list(&server, &["--sort", "-duration_ms,id", "--limit", "10"]);
    let mut all: Vec<(Option<i64>, String)> = (0..120)
        .map(|i| {
            let length = session(i)["sessionLengthMs"].as_i64();
            (length, anam::session_id(i))
        })
        .collect();
    all.sort_by(|(a, x), (b, y)| match (a, b) {
        (Some(a), Some(b)) => b.cmp(a).then(x.cmp(y)),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => x.cmp(y),
    });
    let expected: Vec<String> = all.iter().take(10).map(|(_, id)| id.clone()).collect();
    assert_eq!(run.ndjson_ids(), expected);
    run.assert_stderr_contains("showing the first 10 of 120 sessions in this order");
    // `=` and a space both take a leading `-`; nulls (the active sessions) come last.
    let ascending = list(&server, &["--all", "--sort=duration_ms"]).ndjson();
    assert!(ascending.last().unwrap()["duration_ms"].is_null());
    assert!(!ascending.first().unwrap()["duration_ms"].is_null());
    let bad =
        Run::of(s::avatarctl_anam(&server, ANAM_KEY).args(["sessions", "list", "--sort", "-nope"]));
    assert!(bad.parse_error().contains("cannot sort by \"nope\""));
}

#[test]
fn a_bad_window_is_refused_before_any_request() {
    let server = FakeAnam::new(ANAM_KEY).with_sessions(3).start();
    let reversed = Run::of(s::avatarctl_anam(&server, ANAM_KEY).args([
        "sessions",
        "list",
        "--since",
        "2026-04-21",
        "--until",
        "2026-04-20",
    ]));
    assert!(reversed.usage_error().contains("is not before --until"));
    let typo = Run::of(s::avatarctl_anam(&server, ANAM_KEY).args([
        "sessions",
        "list",
        "--since",
        "yesterday",
    ]));
    assert!(typo.parse_error().contains("is not a time"));
    assert_eq!(server.request_count(), 0);
}
