//! `usage`: AgentHuman's usage summary and Anam's concurrency snapshot as one normalized
//! record, in every format, with nulls where a provider has no figure.

use serde_json::json;

use crate::support::{self as s, AH_KEY, ANAM_KEY, FakeAgentHuman, FakeAnam, FakeServer, Run, run};

fn agenthuman() -> FakeServer {
    FakeAgentHuman::new(AH_KEY)
        .with_usage(s::fixture_json("agenthuman_usage.json"))
        .start()
}

fn anam() -> FakeServer {
    FakeAnam::new(ANAM_KEY)
        .with_report("concurrency", s::fixture_json("anam_concurrency.json"))
        .start()
}

fn usage_agenthuman(server: &FakeServer, args: &[&str]) -> Run {
    run(
        s::avatarctl_agenthuman(server, AH_KEY)
            .arg("usage")
            .args(args),
        AH_KEY,
    )
}

fn usage_anam(server: &FakeServer, args: &[&str]) -> Run {
    run(
        s::avatarctl_anam(server, ANAM_KEY).arg("usage").args(args),
        ANAM_KEY,
    )
}

#[test]
fn agenthuman_usage_in_json_is_the_normalized_record_with_raw() {
    let server = agenthuman();
    let mut usage = usage_agenthuman(&server, &["-o", "json"]).json();
    let raw = usage.as_object_mut().unwrap().remove("raw").unwrap();
    assert_eq!(
        usage,
        json!({
            "provider": "agenthuman",
            "period_start": "2024-01-01T00:00:00Z",
            "period_end": "2024-01-31T23:59:59Z",
            "minutes_included": 120,
            "minutes_used": 75,
            "minutes_remaining": 45,
            "minutes_purchased": 100,
            "minutes_purchased_remaining": 100,
            "active_sessions": 1,
            "concurrency_limit": 20,
            "can_start": null,
            "estimated_wait_ms": null,
            "plan": "Pro"
        })
    );
    assert_eq!(raw["total_remaining"], 145);
    assert_eq!(server.requests()[0].path, "/v1/usage");
}

#[test]
fn anam_usage_has_the_snapshot_and_null_minutes_in_every_format() {
    let server = anam();
    let usage = usage_anam(&server, &["-o", "json"]).json();
    assert_eq!(usage["concurrency_limit"], 10);
    assert_eq!(usage["active_sessions"], 7);
    assert_eq!(usage["can_start"], true);
    assert_eq!(usage["estimated_wait_ms"], 0);
    assert_eq!(usage["minutes_remaining"], json!(null));
    assert_eq!(server.requests()[0].path, "/v1/sessions/concurrency");

    let lines = usage_anam(&server, &["-o", "ndjson"]).ndjson();
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["provider"], "anam");

    let csv = usage_anam(&server, &["-o", "csv"]);
    let rows: Vec<&str> = csv.success().lines().collect();
    assert_eq!(
        rows,
        [
            "provider,period_start,period_end,minutes_included,minutes_used,minutes_remaining,\
             minutes_purchased,minutes_purchased_remaining,active_sessions,concurrency_limit,\
             can_start,estimated_wait_ms,plan",
            "anam,,,,,,,,7,10,true,0,"
        ]
    );
    let picked = usage_anam(
        &server,
        &[
            "-o",
            "csv",
            "--fields",
            "active_sessions,concurrency_limit,raw.limit",
        ],
    );
    assert_eq!(
        picked.success(),
        "active_sessions,concurrency_limit,raw.limit\n7,10,10\n"
    );
}

#[test]
fn the_table_is_one_field_a_line() {
    let server = agenthuman();
    let table = usage_agenthuman(&server, &[]);
    let out = table.success();
    let line = |label: &str| {
        out.lines()
            .find(|l| l.trim_start().starts_with(label))
            .unwrap_or_else(|| panic!("no {label} in {out}"))
            .to_owned()
    };
    assert!(line("MINUTES REMAINING").ends_with("45"), "{out}");
    assert!(line("CONCURRENCY LIMIT").ends_with("20"), "{out}");
    assert!(line("PLAN").ends_with("Pro"), "{out}");
}

#[test]
fn an_odd_figure_is_null_with_a_warning_and_the_rest_still_prints() {
    let server = FakeAnam::new(ANAM_KEY)
        .with_report(
            "concurrency",
            json!({"limit": "ten", "active": 3, "canStartSession": true, "estimatedWaitSeconds": 1.5}),
        )
        .start();
    let run = usage_anam(&server, &["-o", "json"]);
    let usage = run.json();
    assert_eq!(usage["concurrency_limit"], json!(null));
    assert_eq!(usage["active_sessions"], 3);
    assert_eq!(usage["estimated_wait_ms"], 1500);
    run.assert_stderr_contains("concurrency_limit is shown as null");
}

#[test]
fn a_wrong_key_is_exit_4_and_a_missing_report_blames_the_base_url() {
    let server = agenthuman();
    let refused = Run::of(s::avatarctl_agenthuman(&server, "wrong-key").arg("usage"));
    assert!(refused.failure(4).contains("refused the API key"));
    let bare = FakeAnam::new(ANAM_KEY).start();
    let missing = usage_anam(&bare, &[]);
    let line = missing.failure(3);
    assert!(
        line.starts_with("no concurrency report at GET /v1/sessions/concurrency on anam"),
        "{line}"
    );
    assert!(line.contains("check --base-url"), "{line}");
}
