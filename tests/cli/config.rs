//! Global options that pick the provider, the key and the API root: provider inference from
//! the key env vars, `--api-key` over the env var, `--api-key-file PATH` and `-` (stdin),
//! `--base-url` / `AVATARCTL_BASE_URL` and the refusal of plain http to a remote host.

use std::io::Write;

use crate::support::{
    self as s, AH_KEY, ANAM_KEY, FakeAgentHuman, FakeAnam, FakeServer, Run, ids, run,
};

/// A fake Anam with three sessions that accepts only [`ANAM_KEY`].
fn anam() -> FakeServer {
    FakeAnam::new(ANAM_KEY).with_sessions(3).start()
}

/// `avatarctl` with only the base URL set: no provider, no key.
fn bare(server: &FakeServer) -> assert_cmd::Command {
    let mut command = s::avatarctl();
    command.env("AVATARCTL_BASE_URL", server.url());
    command
}

fn list_json() -> [&'static str; 4] {
    ["sessions", "list", "-o", "json"]
}

fn key_file(content: &str) -> tempfile::NamedTempFile {
    let mut file = tempfile::NamedTempFile::new().expect("a temporary file");
    file.write_all(content.as_bytes())
        .expect("write the key file");
    file
}

#[test]
fn the_provider_is_inferred_from_the_one_key_set() {
    let server = anam();
    let listed = run(
        bare(&server)
            .env("ANAM_API_KEY", ANAM_KEY)
            .args(list_json()),
        ANAM_KEY,
    );
    assert_eq!(ids(&listed.json()).len(), 3);
    assert_eq!(listed.json()[0]["provider"], "anam");

    let server = FakeAgentHuman::new(AH_KEY).with_sessions(2).start();
    let run = run(
        bare(&server)
            .env("AGENTHUMAN_API_KEY", AH_KEY)
            .args(list_json()),
        AH_KEY,
    );
    assert_eq!(run.json()[1]["provider"], "agenthuman");
    assert_eq!(server.requests()[0].header("x-api-key"), Some(AH_KEY));
}

#[test]
fn both_keys_set_is_a_usage_error_listing_the_choices() {
    let server = anam();
    let run = run(
        bare(&server)
            .env("ANAM_API_KEY", ANAM_KEY)
            .env("AGENTHUMAN_API_KEY", AH_KEY)
            .args(list_json()),
        ANAM_KEY,
    );
    run.assert_hides(AH_KEY);
    let message = run.usage_error();
    assert!(
        message.contains("both ANAM_API_KEY and AGENTHUMAN_API_KEY are set"),
        "{message}"
    );
    assert!(message.contains("--provider anam|agenthuman"), "{message}");
    assert!(message.contains("AVATARCTL_PROVIDER"), "{message}");
    assert_eq!(server.request_count(), 0);
}

#[test]
fn no_key_set_is_a_usage_error_naming_both_env_vars() {
    let server = anam();
    let run = Run::of(bare(&server).args(list_json()));
    let message = run.usage_error();
    assert!(
        message.contains("set ANAM_API_KEY or AGENTHUMAN_API_KEY"),
        "{message}"
    );
    assert!(message.contains("--provider anam|agenthuman"), "{message}");
    assert_eq!(server.request_count(), 0);
}

#[test]
fn a_key_flag_without_a_provider_asks_for_the_provider_not_a_key() {
    let server = anam();
    let by_flag = run(
        bare(&server)
            .args(["--api-key", ANAM_KEY])
            .args(list_json()),
        ANAM_KEY,
    );
    assert_eq!(
        by_flag.usage_error(),
        "--api-key was given but no provider selected — pass --provider anam|agenthuman|tavus|beyondpresence (or set \
         AVATARCTL_PROVIDER)"
    );
    let file = key_file(ANAM_KEY);
    let by_file = run(
        bare(&server)
            .args(["--api-key-file", file.path().to_str().unwrap()])
            .args(list_json()),
        ANAM_KEY,
    );
    assert!(
        by_file
            .usage_error()
            .starts_with("--api-key-file was given but no provider selected — pass --provider"),
        "{}",
        by_file.stderr
    );
    assert_eq!(server.request_count(), 0);
}

#[test]
fn a_named_provider_picks_its_key_when_both_are_set() {
    let server = FakeAgentHuman::new(AH_KEY).with_sessions(1).start();
    let both = |command: &mut assert_cmd::Command| {
        command
            .env("ANAM_API_KEY", ANAM_KEY)
            .env("AGENTHUMAN_API_KEY", AH_KEY)
            .args(list_json());
    };
    let mut flag = bare(&server);
    both(flag.args(["-p", "agenthuman"]));
    let mut env = bare(&server);
    both(env.env("AVATARCTL_PROVIDER", "agenthuman"));
    for mut command in [flag, env] {
        let run = run(&mut command, AH_KEY);
        run.assert_hides(ANAM_KEY);
        assert_eq!(run.json()[0]["provider"], "agenthuman");
    }
    let sent: Vec<_> = server
        .requests()
        .iter()
        .map(|r| r.header("x-api-key").map(str::to_owned))
        .collect();
    assert_eq!(sent, [Some(AH_KEY.to_owned()), Some(AH_KEY.to_owned())]);
}

#[test]
fn a_provider_without_its_key_is_a_usage_error() {
    let server = anam();
    let run = run(
        bare(&server)
            .env("AGENTHUMAN_API_KEY", AH_KEY)
            .args(["-p", "anam"])
            .args(list_json()),
        AH_KEY,
    );
    assert!(
        run.usage_error().starts_with(
            "no API key for anam — set ANAM_API_KEY, or pass --api-key or --api-key-file"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn the_api_key_flag_wins_over_the_env_var() {
    let server = anam();
    let wrong = "anam_env_key_that_is_wrong";
    let run = run(
        bare(&server)
            .env("ANAM_API_KEY", wrong)
            .args(["--api-key", ANAM_KEY])
            .args(list_json()),
        ANAM_KEY,
    );
    run.assert_hides(wrong);
    assert_eq!(ids(&run.json()).len(), 3);
    let bearer = format!("Bearer {ANAM_KEY}");
    assert_eq!(
        server.requests()[0].header("authorization"),
        Some(bearer.as_str())
    );
}

#[test]
fn a_refused_flag_key_is_named_as_the_flag() {
    let server = anam();
    let wrong = "anam_flag_key_that_is_wrong";
    let run = run(
        bare(&server)
            .env("ANAM_API_KEY", ANAM_KEY)
            .args(["--api-key", wrong])
            .args(list_json()),
        wrong,
    );
    run.assert_hides(ANAM_KEY);
    assert!(
        run.failure(4)
            .starts_with("anam refused the API key from --api-key (HTTP 401"),
        "{}",
        run.stderr
    );
}

#[test]
fn the_key_can_come_from_a_file_trimmed() {
    let server = anam();
    let file = key_file(&format!("  {ANAM_KEY}\n\n"));
    let path = file.path().to_str().unwrap();
    let listed = run(
        bare(&server)
            .args(["-p", "anam", "--api-key-file", path])
            .args(list_json()),
        ANAM_KEY,
    );
    assert_eq!(ids(&listed.json()).len(), 3);
    let bearer = format!("Bearer {ANAM_KEY}");
    assert_eq!(
        server.requests()[0].header("authorization"),
        Some(bearer.as_str())
    );

    let wrong = key_file("anam_wrong_key_in_a_file\n");
    let wrong_path = wrong.path().to_str().unwrap();
    let run = run(
        bare(&server)
            .args(["-p", "anam", "--api-key-file", wrong_path])
            .args(list_json()),
        "anam_wrong_key_in_a_file",
    );
    let expected = format!("anam refused the API key from --api-key-file {wrong_path} (HTTP 401");
    assert!(run.failure(4).starts_with(&expected), "{}", run.stderr);
}

#[test]
fn the_key_can_come_from_stdin() {
    let server = FakeAgentHuman::new(AH_KEY).with_sessions(1).start();
    let listed = run(
        bare(&server)
            .args(["-p", "agenthuman", "--api-key-file", "-"])
            .args(list_json())
            .write_stdin(format!("{AH_KEY}\n")),
        AH_KEY,
    );
    assert_eq!(ids(&listed.json()).len(), 1);
    assert_eq!(server.requests()[0].header("x-api-key"), Some(AH_KEY));

    let run = run(
        bare(&server)
            .args(["-p", "agenthuman", "--api-key-file", "-"])
            .args(list_json())
            .write_stdin("ah_test_wrong_from_stdin"),
        "ah_test_wrong_from_stdin",
    );
    assert!(
        run.failure(4).contains("from --api-key-file - (stdin)"),
        "{}",
        run.stderr
    );
}

#[test]
fn an_empty_or_missing_key_file_is_a_usage_error() {
    let server = anam();
    let empty = key_file(" \n");
    let path = empty.path().to_str().unwrap();
    let run = Run::of(
        bare(&server)
            .args(["-p", "anam", "--api-key-file", path])
            .args(list_json()),
    );
    assert!(run.usage_error().contains("is empty"), "{}", run.stderr);
    let run = Run::of(
        bare(&server)
            .args(["-p", "anam", "--api-key-file", "-"])
            .args(list_json())
            .write_stdin(""),
    );
    assert!(run.usage_error().contains("is empty"), "{}", run.stderr);
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("absent");
    let run = Run::of(
        bare(&server)
            .args(["-p", "anam", "--api-key-file", missing.to_str().unwrap()])
            .args(list_json()),
    );
    assert!(
        run.usage_error().starts_with("cannot read --api-key-file"),
        "{}",
        run.stderr
    );
    assert_eq!(server.request_count(), 0);
}

/// A key with a control or non-ASCII character cannot go into a request header. It is a usage
/// error naming where the key came from (never the key), before any request — not a request
/// that fails to build and is retried as a network error.
#[test]
fn a_key_a_header_cannot_carry_is_a_usage_error_naming_its_source() {
    let server = anam();
    let expected = |source: &str| {
        format!(
            "the API key from {source} contains characters an HTTP header cannot carry — check \
             for a stray control character or paste error"
        )
    };
    let control = "anam_key\u{1}with_a_control";
    let from_env = run(
        bare(&server).env("ANAM_API_KEY", control).args(list_json()),
        control,
    );
    assert_eq!(from_env.usage_error(), expected("ANAM_API_KEY"));

    let accented = "anam_clé_pasted";
    let from_flag = run(
        bare(&server)
            .args(["-p", "anam", "--api-key", accented])
            .args(list_json()),
        accented,
    );
    assert_eq!(from_flag.usage_error(), expected("--api-key"));

    // Two lines: one key pasted on top of another.
    let file = key_file("anam_first_key\nanam_second_key\n");
    let path = file.path().to_str().unwrap();
    let from_file = run(
        bare(&server)
            .args(["-p", "anam", "--api-key-file", path])
            .args(list_json()),
        "anam_first_key",
    );
    from_file.assert_hides("anam_second_key");
    assert_eq!(
        from_file.usage_error(),
        expected(&format!("--api-key-file {path}"))
    );
    assert_eq!(server.request_count(), 0);
}

/// A key env var that is not even UTF-8 is a bad key, not a missing one.
#[cfg(unix)]
#[test]
fn a_key_env_var_that_is_not_utf8_is_named_as_a_bad_key() {
    use std::os::unix::ffi::OsStrExt;

    let server = anam();
    let bytes = b"anam_latin1_\xe9_key";
    let run = run(
        bare(&server)
            .env("ANAM_API_KEY", std::ffi::OsStr::from_bytes(bytes))
            .args(list_json()),
        "anam_latin1_",
    );
    assert!(
        run.usage_error()
            .starts_with("the API key from ANAM_API_KEY contains characters an HTTP header"),
        "{}",
        run.stderr
    );
    assert_eq!(server.request_count(), 0);
}

#[test]
fn api_key_and_api_key_file_conflict() {
    let run = Run::of(s::avatarctl().args([
        "-p",
        "anam",
        "--api-key",
        ANAM_KEY,
        "--api-key-file",
        "-",
        "sessions",
        "list",
    ]));
    run.parse_error();
    run.assert_hides(ANAM_KEY);
}

#[test]
fn the_base_url_flag_wins_over_the_env_var() {
    let server = anam();
    let dead = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    let run = run(
        s::avatarctl()
            .env("ANAM_API_KEY", ANAM_KEY)
            .env("AVATARCTL_BASE_URL", format!("http://{dead}"))
            .args(["--base-url", &server.url()])
            .args(list_json()),
        ANAM_KEY,
    );
    assert_eq!(ids(&run.json()).len(), 3);
    assert_eq!(server.request_count(), 1);
}

#[test]
fn a_base_url_path_prefixes_every_request() {
    let server = FakeServer::start(|_| {
        s::Reply::json(
            200,
            &serde_json::json!({"data": [], "meta": {"total": 0, "lastPage": 1}}),
        )
    });
    let run = run(
        s::avatarctl()
            .env("ANAM_API_KEY", ANAM_KEY)
            .args(["--base-url", &format!("{}/proxy/anam/", server.url())])
            .args(list_json()),
        ANAM_KEY,
    );
    assert_eq!(run.json(), serde_json::json!([]));
    assert_eq!(server.requests()[0].path, "/proxy/anam/v1/sessions");
}

#[test]
fn localhost_is_loopback_and_may_use_plain_http() {
    let server = anam();
    let url = format!("http://localhost:{}", server.addr().port());
    let run = run(
        s::avatarctl()
            .env("ANAM_API_KEY", ANAM_KEY)
            .args(["--base-url", &url])
            .args(list_json()),
        ANAM_KEY,
    );
    assert_eq!(ids(&run.json()).len(), 3);
}

#[test]
fn plain_http_to_a_remote_host_is_refused_before_any_request() {
    // 192.0.2.1 is TEST-NET-1: never routed. Were a request attempted, the short timeout
    // would turn it into exit 5, not the usage error asserted here.
    let remote = "http://192.0.2.1:8080";
    let by_flag = run(
        s::avatarctl()
            .env("ANAM_API_KEY", ANAM_KEY)
            .args(["--timeout", "200ms", "--retries", "0", "--base-url", remote])
            .args(list_json()),
        ANAM_KEY,
    );
    let by_env = run(
        s::avatarctl()
            .env("ANAM_API_KEY", ANAM_KEY)
            .env("AVATARCTL_BASE_URL", remote)
            .args(["--timeout", "200ms", "--retries", "0"])
            .args(list_json()),
        ANAM_KEY,
    );
    for run in [by_flag, by_env] {
        let message = run.usage_error();
        assert!(
            message.starts_with("refusing plain http:// base URL"),
            "{message}"
        );
        assert!(message.contains("clear text"), "{message}");
    }
}

#[test]
fn providers_lists_both_with_their_env_vars_and_needs_no_key() {
    let run =
        Run::of(
            s::avatarctl()
                .env("AGENTHUMAN_API_KEY", AH_KEY)
                .args(["providers", "-o", "json"]),
        );
    run.assert_hides(AH_KEY);
    assert_eq!(
        run.json(),
        serde_json::json!([
            {"provider": "anam", "key_env": "ANAM_API_KEY", "key_set": false, "base_url": "https://api.anam.ai", "selected": false},
            {"provider": "agenthuman", "key_env": "AGENTHUMAN_API_KEY", "key_set": true, "base_url": "https://api.agenthuman.com", "selected": true},
            {"provider": "tavus", "key_env": "TAVUS_API_KEY", "key_set": false, "base_url": "https://tavusapi.com", "selected": false},
            {"provider": "beyondpresence", "key_env": "BEY_API_KEY", "key_set": false, "base_url": "https://api.bey.dev", "selected": false},
        ])
    );
    // The base URL in effect, and what a run without -p would pick, follow the environment.
    let moved = Run::of(
        s::avatarctl()
            .env("TAVUS_BASE_URL", "http://127.0.0.1:9/tavus")
            .env("AVATARCTL_PROVIDER", "tavus")
            .args([
                "providers",
                "-o",
                "csv",
                "--fields",
                "provider,base_url,selected",
            ]),
    );
    assert_eq!(
        moved.quiet_success(),
        "provider,base_url,selected\nanam,https://api.anam.ai,false\nagenthuman,https://api.agenthuman.com,false\n\
         tavus,http://127.0.0.1:9/tavus,true\nbeyondpresence,https://api.bey.dev,false\n"
    );
    let table = Run::of(s::avatarctl().args(["providers"]));
    let header = table
        .quiet_success()
        .lines()
        .next()
        .unwrap_or_default()
        .to_owned();
    let header: Vec<&str> = header
        .split("   ")
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect();
    assert_eq!(
        header,
        ["PROVIDER", "KEY ENV", "KEY SET", "BASE URL", "SELECTED"]
    );
}

#[test]
fn providers_selects_fields_and_refuses_raw() {
    let run =
        Run::of(s::avatarctl().args(["providers", "-o", "csv", "--fields", "provider,key_set"]));
    assert_eq!(
        run.quiet_success(),
        "provider,key_set\nanam,false\nagenthuman,false\ntavus,false\nbeyondpresence,false\n"
    );
    let run = Run::of(s::avatarctl().args(["providers", "-o", "json", "--raw"]));
    assert_eq!(
        run.usage_error(),
        "--raw shows provider objects, and a provider is not one — leave it out"
    );
    let run = Run::of(s::avatarctl().args(["providers", "--fields", "bogus"]));
    assert!(
        run.usage_error().starts_with(
            "--fields: unknown field \"bogus\" — valid fields: provider, key_env, key_set, base_url"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn an_option_a_command_does_not_use_is_refused_wherever_it_stands() {
    // Before the command: one check, naming the option's group and what the command takes.
    for (args, flag) in [
        (&["--fields", "id", "completions", "bash"][..], "--fields"),
        (&["-p", "anam", "providers"][..], "--provider"),
        (&["--timeout", "1s", "providers"][..], "--timeout"),
        (&["-o", "json", "man"][..], "--output"),
    ] {
        let run = Run::of(s::avatarctl().env("ANAM_API_KEY", ANAM_KEY).args(args));
        let stderr = run.parse_error();
        assert!(
            stderr.starts_with(&format!("error: {flag} is ")),
            "{args:?}: {stderr}"
        );
        assert!(stderr.contains("does not apply to `avatarctl "), "{stderr}");
    }
    // After it: the command's own parser does not know the option.
    for (args, flag) in [
        (&["completions", "bash", "--fields", "id"][..], "--fields"),
        (&["providers", "--timeout", "1s"][..], "--timeout"),
    ] {
        let run = Run::of(s::avatarctl().env("ANAM_API_KEY", ANAM_KEY).args(args));
        let stderr = run.parse_error();
        assert!(
            stderr.starts_with(&format!("error: unexpected argument '{flag}'")),
            "{args:?}: {stderr}"
        );
    }
    // -v, -q and --color apply everywhere.
    let run = Run::of(s::avatarctl().args(["completions", "bash", "-q", "-v", "--color", "never"]));
    assert!(run.quiet_success().contains("avatarctl"));
}

#[test]
fn an_empty_key_env_var_counts_as_unset() {
    let server = FakeAgentHuman::new(AH_KEY).with_sessions(1).start();
    let run = run(
        bare(&server)
            .env("ANAM_API_KEY", "")
            .env("AGENTHUMAN_API_KEY", AH_KEY)
            .args(list_json()),
        AH_KEY,
    );
    assert_eq!(run.json()[0]["provider"], "agenthuman");
}
