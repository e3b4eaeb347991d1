//! `--provider all`: every provider with a key, each through its own base-URL variable, in
//! one stream provider by provider; a provider that fails is reported while the others
//! print; what cannot serve several providers is refused before any request.

use serde_json::Value;

use crate::support::{
    self as s, AH_KEY, ANAM_KEY, FakeAgentHuman, FakeAnam, FakeServer, FakeTavus, Reply, Run, run,
};

const TAVUS_KEY: &str = "tavus-test-key-0123456789";

struct Fleet {
    anam: FakeServer,
    agenthuman: FakeServer,
    tavus: FakeServer,
}

fn fleet() -> Fleet {
    Fleet {
        anam: FakeAnam::new(ANAM_KEY)
            .with_sessions(30)
            .with_report("concurrency", s::fixture_json("anam_concurrency.json"))
            .start(),
        agenthuman: FakeAgentHuman::new(AH_KEY)
            .with_sessions(7)
            .with_usage(s::fixture_json("agenthuman_usage.json"))
            .start(),
        tavus: FakeTavus::new(TAVUS_KEY).with_conversations(12).start(),
    }
}

/// `avatarctl` with the keys and base URLs of `which` of the fleet.
fn all(fleet: &Fleet, which: &[&str]) -> assert_cmd::Command {
    let mut command = s::avatarctl();
    for name in which {
        match *name {
            "anam" => command
                .env("ANAM_API_KEY", ANAM_KEY)
                .env("ANAM_BASE_URL", fleet.anam.url()),
            "agenthuman" => command
                .env("AGENTHUMAN_API_KEY", AH_KEY)
                .env("AGENTHUMAN_BASE_URL", fleet.agenthuman.url()),
            "tavus" => command
                .env("TAVUS_API_KEY", TAVUS_KEY)
                .env("TAVUS_BASE_URL", fleet.tavus.url()),
            other => panic!("{other}"),
        };
    }
    command
}

fn providers_of(lines: &[Value]) -> Vec<String> {
    let mut seen: Vec<String> = Vec::new();
    for line in lines {
        let name = line["provider"].as_str().unwrap().to_owned();
        if seen.last() != Some(&name) {
            seen.push(name);
        }
    }
    seen
}

#[test]
fn two_providers_print_one_after_the_other() {
    let fleet = fleet();
    let run = run(
        all(&fleet, &["anam", "agenthuman"])
            .args(["-p", "all", "sessions", "list", "--all", "-o", "ndjson"]),
        ANAM_KEY,
    );
    let lines = run.ndjson();
    assert_eq!(lines.len(), 37);
    assert_eq!(providers_of(&lines), ["anam", "agenthuman"]);
    assert_eq!(fleet.tavus.request_count(), 0, "no key, not asked");
}

#[test]
fn three_providers_from_the_env_var_with_a_provider_column_and_a_limit_each() {
    let fleet = fleet();
    let run = run(
        all(&fleet, &["anam", "agenthuman", "tavus"])
            .env("AVATARCTL_PROVIDER", "ALL")
            .args(["sessions", "list", "--limit", "5"]),
        ANAM_KEY,
    );
    let out = run.success().to_owned();
    let mut lines = out.lines();
    let header: Vec<&str> = lines
        .next()
        .unwrap()
        .split("   ")
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect();
    assert_eq!(header[0], "PROVIDER");
    let providers: Vec<&str> = lines
        .map(|l| l.split_whitespace().next().unwrap())
        .collect();
    assert_eq!(
        providers,
        [["anam"; 5].as_slice(), &["agenthuman"; 5], &["tavus"; 5]].concat()
    );
    run.assert_stderr_contains("anam: showing 5 of 30 sessions");
}

#[test]
fn one_provider_down_is_reported_and_the_others_still_print() {
    let fleet = fleet();
    let down =
        FakeServer::start(|_| Reply::json(503, &serde_json::json!({"message": "maintenance"})));
    let run = Run::of(
        all(&fleet, &["anam", "tavus"])
            .env("AGENTHUMAN_API_KEY", AH_KEY)
            .env("AGENTHUMAN_BASE_URL", down.url())
            .args([
                "-p",
                "all",
                "--retries",
                "0",
                "sessions",
                "list",
                "--all",
                "-o",
                "ndjson",
            ]),
    );
    assert_eq!(run.code, Some(5));
    let lines: Vec<Value> = run
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(providers_of(&lines), ["anam", "tavus"]);
    assert!(
        run.stderr.contains("agenthuman failed to answer"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("1 of 3 providers failed"),
        "{}",
        run.stderr
    );
}

#[test]
fn usage_over_every_provider_leaves_out_those_without_one() {
    let fleet = fleet();
    let run = run(
        all(&fleet, &["anam", "agenthuman", "tavus"]).args(["-p", "all", "usage", "-o", "json"]),
        ANAM_KEY,
    );
    let reports = run.json();
    let providers: Vec<&str> = reports
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["provider"].as_str().unwrap())
        .collect();
    assert_eq!(providers, ["anam", "agenthuman"]);
    run.assert_stderr_contains("tavus has no usage report");
}

#[test]
fn what_cannot_serve_several_providers_is_refused_before_any_request() {
    let fleet = fleet();
    let both = || all(&fleet, &["anam", "agenthuman"]);
    let cases: &[(&[&str], &str)] = &[
        (
            &["-p", "all", "sessions", "get", "sess_1"],
            "--provider all works with sessions list",
        ),
        (
            &["-p", "all", "sessions", "transcript", "sess_1"],
            "--provider all works with sessions list",
        ),
        (
            &[
                "-p",
                "all",
                "--base-url",
                "http://127.0.0.1:1",
                "sessions",
                "list",
            ],
            "--base-url cannot be used with --provider all",
        ),
        (
            &["-p", "all", "--api-key", "k", "sessions", "list"],
            "--api-key cannot be used with --provider all",
        ),
        (
            &["-p", "all", "sessions", "list", "--search", "x"],
            "agenthuman has no search filter",
        ),
    ];
    for (args, message) in cases {
        let refused = Run::of(both().args(*args));
        assert!(
            refused.usage_error().starts_with(message),
            "{args:?}: {}",
            refused.stderr
        );
    }
    let env_base = Run::of(
        both()
            .env("AVATARCTL_BASE_URL", fleet.anam.url())
            .args(["-p", "all", "sessions", "list"]),
    );
    assert!(
        env_base
            .usage_error()
            .starts_with("AVATARCTL_BASE_URL cannot be used with --provider all")
    );
    let none = Run::of(s::avatarctl().args(["-p", "all", "sessions", "list"]));
    assert!(
        none.usage_error()
            .starts_with("--provider all found no API key")
    );
    let inferred = Run::of(both().args(["sessions", "list"]));
    assert!(
        inferred.usage_error().contains("or -p all"),
        "{}",
        inferred.stderr
    );
    assert_eq!(
        fleet.anam.request_count() + fleet.agenthuman.request_count(),
        0
    );
}

#[test]
fn stats_by_provider_count_every_provider_and_tavus_durations_are_unknown() {
    let fleet = fleet();
    let run = run(
        all(&fleet, &["anam", "agenthuman", "tavus"]).args([
            "-p", "all", "sessions", "stats", "--by", "provider", "-o", "json",
        ]),
        ANAM_KEY,
    );
    let report = run.json();
    let groups: Vec<(String, u64)> = report["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| {
            (
                g["key"]["provider"].as_str().unwrap().to_owned(),
                g["sessions"].as_u64().unwrap(),
            )
        })
        .collect();
    let mut groups = groups;
    groups.sort();
    assert_eq!(
        groups,
        [
            ("agenthuman".to_owned(), 7),
            ("anam".to_owned(), 30),
            ("tavus".to_owned(), 12)
        ]
    );
    assert_eq!(report["total"]["sessions"], 49);
    // Tavus list rows carry no duration: counted, not guessed.
    run.assert_stderr_contains("duration unknown");
}
