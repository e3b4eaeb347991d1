//! Snapshots (insta) of the same session list rendered as a table, CSV, JSON and NDJSON, and
//! of AgentHuman's list and detail tables. The snapshots in `snapshots/` are reviewed files:
//! regenerate with `INSTA_UPDATE=always cargo test --test cli rendering` and read the diff.

use serde_json::json;

use crate::support::anam;
use crate::support::{self as s, AH_KEY, ANAM_KEY, FakeAgentHuman, FakeAnam, FakeServer, run};

/// Four Anam sessions: ended normally, still active, ended by the engine with a label that
/// needs CSV quoting, and the documented seed (no persona ID, secrets already masked).
fn anam_fixture_list() -> FakeServer {
    let mut quoted = anam::session(3);
    quoted["clientLabel"] = json!("demo, \"beta\" ✓");
    FakeAnam::new(ANAM_KEY)
        .with_session(anam::session(0))
        .with_session(anam::session(2))
        .with_session(quoted)
        .with_session(s::fixture_json("anam_get.json"))
        .start()
}

fn anam_list(format: &str) -> String {
    let server = anam_fixture_list();
    let run = run(
        s::avatarctl_anam(&server, ANAM_KEY).args(["sessions", "list", "--utc", "-o", format]),
        ANAM_KEY,
    );
    run.quiet_success().to_owned()
}

#[test]
fn anam_list_as_a_table() {
    insta::assert_snapshot!("anam_list_table", anam_list("table"));
}

#[test]
fn anam_list_as_csv() {
    insta::assert_snapshot!("anam_list_csv", anam_list("csv"));
}

#[test]
fn anam_list_as_json() {
    insta::assert_snapshot!("anam_list_json", anam_list("json"));
}

#[test]
fn anam_list_as_ndjson() {
    insta::assert_snapshot!("anam_list_ndjson", anam_list("ndjson"));
}

#[test]
fn agenthuman_list_and_detail_tables() {
    let fixture = s::fixture_json("agenthuman_list.json");
    let fake = fixture["sessions"]
        .as_array()
        .expect("a sessions array")
        .iter()
        .fold(FakeAgentHuman::new(AH_KEY), |fake, session| {
            fake.with_session(session.clone())
        });
    let server = fake.start();
    let list = run(
        s::avatarctl_agenthuman(&server, AH_KEY).args(["sessions", "list", "--utc"]),
        AH_KEY,
    );
    insta::assert_snapshot!("agenthuman_list_table", list.quiet_success());
    let detail = run(
        s::avatarctl_agenthuman(&server, AH_KEY).args([
            "sessions",
            "get",
            "sess_01H3Z8G9YR3K2N5M6P7Q8W4T",
            "--utc",
        ]),
        AH_KEY,
    );
    insta::assert_snapshot!("agenthuman_get_table", detail.quiet_success());
}
