//! `sessions stats` against the Anam fake: totals checked against figures this file computes
//! from the fake's own sessions (never from avatarctl's output), every `--by` key, every
//! output format, `--check` passing, failing (exit 7) and malformed (exit 2, no request),
//! sessions without a duration, and checks left unevaluated when the walk fails.

use std::collections::BTreeMap;

use serde_json::{Value, json};

use crate::support::anam;
use crate::support::{self as s, ANAM_KEY, FakeAnam, FakeServer, Reply, run};

const N: usize = 250;

fn server() -> FakeServer {
    FakeAnam::new(ANAM_KEY).with_sessions(N).start()
}

fn stats(server: &FakeServer, args: &[&str]) -> crate::support::Run {
    run(
        s::avatarctl_anam(server, ANAM_KEY)
            .args(["sessions", "stats", "--utc"])
            .args(args),
        ANAM_KEY,
    )
}

/// The fake's sessions as sent.
fn sent() -> Vec<Value> {
    (0..N).map(anam::session).collect()
}

fn ended(session: &Value) -> bool {
    !session["endTime"].is_null()
}

fn is_error(session: &Value) -> bool {
    let reason = session["exitStatus"]
        .as_str()
        .unwrap_or_default()
        .to_uppercase();
    reason.contains("ERROR") || reason.contains("FAIL")
}

/// The nearest-rank percentile of sorted values: the ⌈p/100 × n⌉-th.
fn percentile(sorted: &[u64], p: usize) -> u64 {
    let rank = (p * sorted.len()).div_ceil(100).max(1);
    sorted[rank - 1]
}

/// The metrics this test expects of a set of the fake's sessions.
fn expected(sessions: &[&Value]) -> Value {
    let ended: Vec<&&Value> = sessions.iter().filter(|s| ended(s)).collect();
    let errors = ended.iter().filter(|s| is_error(s)).count();
    let mut durations: Vec<u64> = ended
        .iter()
        .filter_map(|s| s["sessionLengthMs"].as_u64())
        .collect();
    durations.sort_unstable();
    let sum: u64 = durations.iter().sum();
    let n = durations.len() as u64;
    let round = |x: f64, places: i32| (x * 10f64.powi(places)).round() / 10f64.powi(places);
    let starts: Vec<&str> = sessions
        .iter()
        .map(|s| s["startTime"].as_str().unwrap())
        .collect();
    let utc = |t: &str| t.replace(".000Z", "Z");
    json!({
        "sessions": sessions.len(),
        "active": sessions.len() - ended.len(),
        "ended": ended.len(),
        "errors": errors,
        "error_rate": (!ended.is_empty()).then(|| round(errors as f64 / ended.len() as f64, 4)),
        "minutes": round(sum as f64 / 60_000.0, 2),
        "duration_ms_mean": (n > 0).then(|| (sum + n / 2) / n),
        "duration_ms_p50": (n > 0).then(|| percentile(&durations, 50)),
        "duration_ms_p90": (n > 0).then(|| percentile(&durations, 90)),
        "duration_ms_p95": (n > 0).then(|| percentile(&durations, 95)),
        "duration_ms_max": durations.last(),
        "first_started_at": starts.iter().min().map(|t| utc(t)),
        "last_started_at": starts.iter().max().map(|t| utc(t)),
    })
}

/// Numbers compared as numbers (`0.3` and `0.30` alike), everything else exactly.
fn assert_metrics(got: &Value, want: &Value, what: &str) {
    for (name, want) in want.as_object().unwrap() {
        let got = &got[name];
        match (got.as_f64(), want.as_f64()) {
            (Some(g), Some(w)) => assert!((g - w).abs() < 1e-9, "{what} {name}: {got} != {want}"),
            _ => assert_eq!(got, want, "{what} {name}"),
        }
    }
}

#[test]
fn the_total_matches_what_the_fake_sent_and_every_page_is_read() {
    let server = server();
    let run = stats(&server, &["-o", "json"]);
    let out = run.json();
    let sent = sent();
    let all: Vec<&Value> = sent.iter().collect();
    assert_metrics(&out["total"], &expected(&all), "total");
    assert_eq!(out["groups"], json!([]));
    assert_eq!(out["selection"]["providers"], json!(["anam"]));
    assert_eq!(out["selection"]["since"], Value::Null);
    // 250 sessions in pages of 100: every page, no default limit of 20.
    assert_eq!(server.request_count(), 3);
    assert_eq!(run.stderr, "", "every fake session has its duration");
}

/// A `--by` key's value for one of the fake's sessions, as JSON.
type KeyOf = fn(&Value) -> Value;

#[test]
fn every_by_key_groups_as_the_fake_data_says() {
    let server = server();
    let sent = sent();
    let keys: [(&str, KeyOf); 9] = [
        ("provider", |_| json!("anam")),
        ("status", |s| {
            json!(if ended(s) { "ended" } else { "active" })
        }),
        ("end_reason", |s| s["exitStatus"].clone()),
        ("persona", |s| s["personaConfig"]["name"].clone()),
        ("label", |s| s["clientLabel"].clone()),
        ("day", |s| json!(s["startTime"].as_str().unwrap()[..10])),
        ("week", |_| json!("2026-W17")),
        ("month", |s| json!(s["startTime"].as_str().unwrap()[..7])),
        ("hour", |s| json!(s["startTime"].as_str().unwrap()[..13])),
    ];
    for (key, of) in keys {
        let out = stats(&server, &["--by", key, "-o", "json"]).json();
        let mut want: BTreeMap<String, Vec<&Value>> = BTreeMap::new();
        for session in &sent {
            want.entry(of(session).to_string())
                .or_default()
                .push(session);
        }
        let groups = out["groups"].as_array().unwrap();
        assert_eq!(groups.len(), want.len(), "--by {key}");
        for group in groups {
            let value = group["key"][key].to_string();
            let sessions = want.get(&value).unwrap_or_else(|| panic!("{key}: {value}"));
            assert_metrics(group, &expected(sessions), &format!("--by {key} = {value}"));
        }
    }
}

#[test]
fn several_keys_make_one_group_per_combination() {
    let server = server();
    let out = stats(&server, &["--by", "STATUS,end_reason", "-o", "ndjson"]).ndjson();
    // active/null, then ended with each of the three reasons; then the total.
    assert_eq!(out.len(), 5);
    assert_eq!(
        out[0]["key"],
        json!({"status": "active", "end_reason": null})
    );
    assert_eq!(out[1]["key"]["status"], "ended");
    assert_eq!(out[4]["key"], Value::Null);
    assert_eq!(out[4]["sessions"], N);
    let summed: u64 = out[..4]
        .iter()
        .map(|g| g["sessions"].as_u64().unwrap())
        .sum();
    assert_eq!(summed, N as u64);
}

#[test]
fn csv_is_a_row_per_group_and_without_by_the_total() {
    let server = server();
    let out = stats(&server, &["--by", "day", "-o", "csv"])
        .success()
        .to_owned();
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines[0].starts_with("day,sessions,active,ended,errors,error_rate,minutes,"));
    // 250 sessions, 10 minutes apart from 20 April 09:00: three days, and no total row.
    assert_eq!(lines.len(), 4, "{out}");
    assert!(lines[1].starts_with("2026-04-20,90,"), "{out}");
    assert!(lines[3].starts_with("2026-04-22,"), "{out}");
    let total = stats(&server, &["-o", "csv"]).success().to_owned();
    let lines: Vec<&str> = total.lines().collect();
    assert_eq!(lines.len(), 2);
    assert!(lines[0].starts_with("sessions,active,"), "{total}");
    assert!(lines[1].starts_with(&format!("{N},")), "{total}");
}

#[test]
fn the_table_has_a_total_row_and_rates_in_percent() {
    let server = server();
    let out = stats(&server, &["--by", "status"]).success().to_owned();
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 4, "{out}");
    assert!(lines[0].starts_with("STATUS "), "{out}");
    assert!(lines[0].contains("ERROR RATE"), "{out}");
    assert!(lines[0].contains("DURATION P95"), "{out}");
    assert!(lines[1].starts_with("active "), "{out}");
    assert!(lines[3].starts_with(&format!("TOTAL    {N} ")), "{out}");
    assert!(lines[3].contains('%'), "{out}");
}

#[test]
fn checks_pass_quietly_and_fail_with_exit_7() {
    let server = server();
    let sent = sent();
    let all: Vec<&Value> = sent.iter().collect();
    let want = expected(&all);
    let rate = want["error_rate"].as_f64().unwrap();
    let passing = stats(
        &server,
        &[
            "-o",
            "json",
            "--check",
            "sessions >= 1",
            "--check",
            "error_rate < 50%",
        ],
    );
    passing.success();
    assert_eq!(passing.stderr, "");
    let failing = stats(
        &server,
        &[
            "-o",
            "json",
            "--check",
            "error_rate <= 5%",
            "--check",
            "duration_ms_p95 < 1m",
            "--check",
            "sessions >= 1",
        ],
    );
    assert_eq!(failing.code, Some(7), "{}", failing.stderr);
    // The data is printed all the same.
    let printed: Value = serde_json::from_str(&failing.stdout).unwrap();
    assert_eq!(printed["total"]["sessions"], N);
    let shown = format!("{:.1}%", rate * 100.0);
    assert!(
        failing
            .stderr
            .contains(&format!("check failed: error_rate {shown} > 5%")),
        "{}",
        failing.stderr
    );
    assert!(
        failing.stderr.contains("check failed: duration_ms_p95 "),
        "{}",
        failing.stderr
    );
    assert!(
        failing
            .stderr
            .ends_with("error: 2 of 3 checks failed — each is reported above\n"),
        "{}",
        failing.stderr
    );
}

#[test]
fn a_malformed_check_is_a_usage_error_before_any_request() {
    let server = server();
    for bad in [
        "p95 < 10m",
        "error_rate <> 5%",
        "first_started_at > 1",
        "duration_ms_p95 < soon",
        "sessions > 5%",
    ] {
        let run = stats(&server, &["--check", bad]);
        assert_eq!(run.code, Some(2), "{bad}: {}", run.stderr);
        assert!(run.stderr.contains(bad), "{bad}: {}", run.stderr);
    }
    assert_eq!(server.request_count(), 0);
}

#[test]
fn options_that_change_nothing_are_refused() {
    let server = server();
    for args in [
        &["--sort", "-duration_ms"][..],
        &["--page", "2"],
        &["--per-page", "10"],
        &["--fields", "id"],
        &["--raw", "-o", "json"],
    ] {
        let run = stats(&server, args);
        assert_eq!(run.code, Some(2), "{args:?}: {}", run.stderr);
        assert!(
            run.stderr.contains("changes nothing in sessions stats"),
            "{args:?}: {}",
            run.stderr
        );
    }
    assert_eq!(server.request_count(), 0);
}

#[test]
fn sessions_without_a_duration_are_counted_and_said_never_guessed() {
    let mut odd = anam::session(0);
    odd["id"] = json!(anam::session_id(9_000));
    odd["sessionLengthMs"] = Value::Null;
    let server = FakeAnam::new(ANAM_KEY)
        .with_session(anam::session(1))
        .with_session(odd)
        .start();
    let run = stats(&server, &["-o", "json", "--check", "duration_ms_max > 0"]);
    let total = &run.json()["total"];
    assert_eq!(total["ended"], 2);
    let known = anam::session(1)["sessionLengthMs"].as_u64().unwrap();
    assert_eq!(total["duration_ms_max"], known);
    assert_eq!(total["duration_ms_p50"], known);
    assert_eq!(
        run.stderr,
        "note: duration unknown for 1 ended sessions: left out of minutes and percentiles\n"
    );
}

#[test]
fn no_data_passes_with_a_note() {
    let server = FakeAnam::new(ANAM_KEY).start();
    let run = stats(&server, &["-o", "json", "--check", "error_rate <= 5%"]);
    run.success();
    assert!(
        run.stderr.starts_with("note: error_rate: no data"),
        "{}",
        run.stderr
    );
    let required = stats(&server, &["-o", "json", "--check", "sessions >= 1"]);
    assert_eq!(required.code, Some(7));
}

#[test]
fn a_failed_walk_leaves_the_checks_unevaluated_and_keeps_its_exit_code() {
    let server = FakeAnam::new(ANAM_KEY)
        .with_sessions(N)
        .start_answering(|request| {
            (request.query_param("page") == Some("2"))
                .then(|| Reply::json(500, &json!({"message": "down"})))
        });
    let run = stats(
        &server,
        &["--retries", "0", "-o", "json", "--check", "sessions >= 1"],
    );
    assert_eq!(run.code, Some(5), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("checks not evaluated: the data is incomplete"),
        "{}",
        run.stderr
    );
    assert_eq!(run.stdout, "", "no report of a part taken for the whole");
}

#[test]
fn the_window_and_the_filters_narrow_what_is_counted() {
    let server = server();
    let out = stats(
        &server,
        &[
            "--since",
            "2026-04-20T10:00:00Z",
            "--until",
            "2026-04-20T12:00:00Z",
            "--status",
            "ended",
            "-o",
            "json",
        ],
    )
    .json();
    let sent = sent();
    let kept: Vec<&Value> = sent
        .iter()
        .filter(|s| {
            let start = s["startTime"].as_str().unwrap();
            ("2026-04-20T10:00:00.000Z".."2026-04-20T12:00:00.000Z").contains(&start) && ended(s)
        })
        .collect();
    assert!(!kept.is_empty());
    assert_metrics(&out["total"], &expected(&kept), "window");
    assert_eq!(out["selection"]["since"], "2026-04-20T10:00:00Z");
    assert_eq!(out["selection"]["status"], "ended");
}
