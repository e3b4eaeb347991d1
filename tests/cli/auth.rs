//! `auth status`: where each key comes from (never the key), the base URL in effect, and
//! whether the provider accepts it, with one cheap request each; exit 4 if any is refused.

use serde_json::Value;

use crate::support::{self as s, AH_KEY, ANAM_KEY, FakeAgentHuman, FakeAnam, FakeBeyond, Run, run};

fn rows(run: &Run) -> Vec<Value> {
    let rows: Value = serde_json::from_str(&run.stdout).expect("a JSON array on stdout");
    rows.as_array().unwrap().clone()
}

#[test]
fn every_key_set_is_checked_with_one_cheap_request() {
    let anam = FakeAnam::new(ANAM_KEY).with_sessions(30).start();
    let agenthuman = FakeAgentHuman::new(AH_KEY)
        .with_usage(s::fixture_json("agenthuman_usage.json"))
        .start();
    let beyond = FakeBeyond::new("bey-key-0123456789").start();
    let run = run(
        s::avatarctl()
            .env("ANAM_API_KEY", ANAM_KEY)
            .env("ANAM_BASE_URL", anam.url())
            .env("AGENTHUMAN_API_KEY", AH_KEY)
            .env("AGENTHUMAN_BASE_URL", agenthuman.url())
            .env("BEY_API_KEY", "bey-key-0123456789")
            .env("BEY_BASE_URL", beyond.url())
            .args(["auth", "status", "-o", "json"]),
        ANAM_KEY,
    );
    run.assert_hides(AH_KEY);
    let rows = rows(&run);
    let names: Vec<&str> = rows
        .iter()
        .map(|r| r["provider"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["anam", "agenthuman", "beyondpresence"]);
    assert!(rows.iter().all(|r| r["accepted"] == true), "{rows:?}");
    assert_eq!(rows[0]["key_source"], "ANAM_API_KEY");
    assert_eq!(rows[0]["base_url"], format!("{}/", anam.url()));
    let anam_asked = &anam.requests()[0];
    assert_eq!(
        (
            anam_asked.query_param("page"),
            anam_asked.query_param("perPage")
        ),
        (Some("1"), Some("1"))
    );
    assert_eq!(
        agenthuman.requests()[0].path,
        "/v1/usage",
        "not the whole session list"
    );
    assert_eq!(beyond.requests()[0].path, "/v1/auth/verify");
}

#[test]
fn a_refused_key_is_exit_4_and_shown_as_refused() {
    let anam = FakeAnam::new(ANAM_KEY).start();
    let agenthuman = FakeAgentHuman::new(AH_KEY)
        .with_usage(s::fixture_json("agenthuman_usage.json"))
        .start();
    let run = Run::of(
        s::avatarctl()
            .env("ANAM_API_KEY", "anam-wrong-key-999")
            .env("ANAM_BASE_URL", anam.url())
            .env("AGENTHUMAN_API_KEY", AH_KEY)
            .env("AGENTHUMAN_BASE_URL", agenthuman.url())
            .args(["auth", "status", "-o", "json"]),
    );
    assert_eq!(run.code, Some(4));
    assert!(
        !run.stdout.contains("anam-wrong-key-999") && !run.stderr.contains("anam-wrong-key-999")
    );
    let rows = rows(&run);
    assert_eq!(rows[0]["accepted"], false);
    assert!(
        rows[0]["detail"]
            .as_str()
            .unwrap()
            .contains("refused the API key from ANAM_API_KEY")
    );
    assert_eq!(rows[1]["accepted"], true);
    assert!(
        run.stderr.contains("1 of 2 providers failed"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_named_provider_with_a_key_file_is_the_only_one_checked() {
    let anam = FakeAnam::new(ANAM_KEY).start();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("key");
    std::fs::write(&file, format!("{ANAM_KEY}\n")).unwrap();
    let run = run(
        s::avatarctl()
            .env("AGENTHUMAN_API_KEY", AH_KEY)
            .args([
                "-p",
                "anam",
                "--base-url",
                &anam.url(),
                "auth",
                "status",
                "--api-key-file",
            ])
            .arg(&file)
            .args(["-o", "csv"]),
        ANAM_KEY,
    );
    let out = run.success();
    let expected = format!(
        "provider,profile,key_source,base_url,accepted,detail\nanam,,--api-key-file {},",
        file.display()
    );
    assert!(out.starts_with(&expected), "{out}");
    assert!(out.trim_end().ends_with(",true,"), "{out}");
}
