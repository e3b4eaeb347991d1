//! `sessions list` on AgentHuman: one unpaged response cut by `--limit` (default 20) with a
//! note about the rest, `--status` forwarded as `started`/`ended`, and the paging and Anam
//! filter options refused before any request.

use crate::support::anam::{self, PERSONA_IDS};
use crate::support::{self as s, AH_KEY, FakeAgentHuman, ids, run};

fn agenthuman_ids(range: std::ops::Range<usize>) -> Vec<String> {
    range.map(s::agenthuman::session_id).collect()
}

#[test]
fn agenthuman_default_cuts_the_one_response_to_20_with_a_note() {
    let server = FakeAgentHuman::new(AH_KEY).with_sessions(25).start();
    let run = run(
        s::avatarctl_agenthuman(&server, AH_KEY).args(["sessions", "list", "-o", "json"]),
        AH_KEY,
    );
    assert_eq!(ids(&run.json()), agenthuman_ids(0..20));
    let requests = server.requests();
    assert_eq!(requests.len(), 1);
    assert_eq!(requests[0].path, "/v1/sessions");
    assert_eq!(
        requests[0].query,
        [],
        "AgentHuman documents no paging parameters"
    );
    assert_eq!(requests[0].header("x-api-key"), Some(AH_KEY));
    assert_eq!(requests[0].header("authorization"), None);
    assert_eq!(
        run.stderr,
        "note: showing 20 of 25 sessions — pass --all to see them all, or --limit N\n"
    );
}

#[test]
fn agenthuman_limit_cuts_the_one_response() {
    let server = FakeAgentHuman::new(AH_KEY).with_sessions(150).start();
    let run = run(
        s::avatarctl_agenthuman(&server, AH_KEY)
            .args(["sessions", "list", "--limit", "120", "-o", "json"]),
        AH_KEY,
    );
    assert_eq!(ids(&run.json()), agenthuman_ids(0..120));
    assert_eq!(server.request_count(), 1);
    run.assert_stderr_contains("showing 120 of 150");
}

#[test]
fn agenthuman_status_is_forwarded_as_started_or_ended() {
    let server = FakeAgentHuman::new(AH_KEY).with_sessions(6).start();
    let list = |status: &str| {
        let run = run(
            s::avatarctl_agenthuman(&server, AH_KEY)
                .args(["sessions", "list", "--status", status, "-o", "json"]),
            AH_KEY,
        );
        run.json()
    };
    let active = list("active");
    assert_eq!(
        ids(&active),
        agenthuman_ids(2..3)
            .into_iter()
            .chain(agenthuman_ids(5..6))
            .collect::<Vec<_>>()
    );
    assert!(
        active
            .as_array()
            .unwrap()
            .iter()
            .all(|s| s["status"] == "active")
    );
    let ended = list("ended");
    assert_eq!(ids(&ended).len(), 4);
    assert!(
        ended
            .as_array()
            .unwrap()
            .iter()
            .all(|s| s["status"] == "ended")
    );
    let sent: Vec<Option<String>> = server
        .requests()
        .iter()
        .map(|r| r.query_param("status").map(str::to_owned))
        .collect();
    assert_eq!(sent, [Some("started".to_owned()), Some("ended".to_owned())]);
}

#[test]
fn agenthuman_refuses_paging_and_anam_filters_without_a_request() {
    let server = FakeAgentHuman::new(AH_KEY).with_sessions(3).start();
    let cases: [(&[&str], &str); 5] = [
        (&["--page", "2"], "--page"),
        (&["--per-page", "10"], "--per-page"),
        (&["--search", "x"], "--search"),
        (&["--persona-id", PERSONA_IDS[0]], "--persona-id"),
        (&["--api-key-id", anam::API_KEY_ID], "--api-key-id"),
    ];
    for (flags, named) in cases {
        let run = run(
            s::avatarctl_agenthuman(&server, AH_KEY)
                .args(["sessions", "list"])
                .args(flags),
            AH_KEY,
        );
        let message = run.usage_error();
        assert!(message.starts_with("agenthuman "), "{flags:?}: {message}");
        assert!(message.contains(named), "{flags:?}: {message}");
    }
    assert_eq!(server.request_count(), 0);
}

#[test]
fn agenthuman_empty_list_is_success() {
    let server = FakeAgentHuman::new(AH_KEY).start();
    let run = run(
        s::avatarctl_agenthuman(&server, AH_KEY).args(["sessions", "list", "-o", "json"]),
        AH_KEY,
    );
    assert_eq!(run.quiet_success(), "[]\n");
}

#[test]
fn agenthuman_list_fixture_maps_null_avatar_and_active_status() {
    let fixture = s::fixture_json("agenthuman_list.json");
    let fake = fixture["sessions"]
        .as_array()
        .unwrap()
        .iter()
        .fold(FakeAgentHuman::new(AH_KEY), |fake, session| {
            fake.with_session(session.clone())
        });
    let server = fake.start();
    let run = run(
        s::avatarctl_agenthuman(&server, AH_KEY).args(["sessions", "list", "-o", "json"]),
        AH_KEY,
    );
    let sessions = run.json();
    assert_eq!(sessions[0]["duration_ms"], 330_000);
    assert_eq!(sessions[0]["persona_name"], "Professional Avatar");
    let active = &sessions[1];
    assert_eq!(active["status"], "active");
    assert_eq!(active["ended_at"], serde_json::Value::Null);
    assert_eq!(active["duration_ms"], serde_json::Value::Null);
    assert_eq!(active["persona_id"], serde_json::Value::Null);
    assert_eq!(active["provider"], "agenthuman");
}
