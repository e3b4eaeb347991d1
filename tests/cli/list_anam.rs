//! `sessions list` on Anam: the default limit of 20, `--limit` walking numbered pages of up
//! to 100 in order, `--page/--per-page` as exactly one request, the filters forwarded as query
//! parameters, `--status` refused, the note about sessions left out (and `-q`), empty lists,
//! and the command's aliases.

use crate::support::anam::{self, PERSONA_IDS};
use crate::support::{self as s, ANAM_KEY, FakeAnam, FakeServer, Reply, Run, ids, run};

fn anam_ids(range: std::ops::Range<usize>) -> Vec<String> {
    range.map(anam::session_id).collect()
}

/// `(page, perPage)` of each request the fake saw, in arrival order.
/// The (page, perPage) of each request, by page number: pages after the first are fetched
/// concurrently and arrive in any order (the output's order is checked on the sessions).
fn pages_asked(server: &FakeServer) -> Vec<(String, String)> {
    let mut asked: Vec<(String, String)> = server
        .requests()
        .iter()
        .map(|request| {
            assert_eq!(request.path, "/v1/sessions");
            let param = |name| request.query_param(name).unwrap_or("-").to_owned();
            (param("page"), param("perPage"))
        })
        .collect();
    asked.sort_by_key(|(page, _)| page.parse::<u32>().unwrap_or(0));
    asked
}

fn pages(list: &[(u32, u32)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(page, per_page)| (page.to_string(), per_page.to_string()))
        .collect()
}

#[test]
fn anam_default_is_one_page_of_20_with_a_note_about_the_rest() {
    let server = FakeAnam::new(ANAM_KEY).with_sessions(25).start();
    let run = run(
        s::avatarctl_anam(&server, ANAM_KEY).args(["sessions", "list", "-o", "json"]),
        ANAM_KEY,
    );
    assert_eq!(ids(&run.json()), anam_ids(0..20));
    assert_eq!(pages_asked(&server), pages(&[(1, 20)]));
    let request = &server.requests()[0];
    let bearer = format!("Bearer {ANAM_KEY}");
    assert_eq!(request.header("authorization"), Some(bearer.as_str()));
    // Shown although stderr is a pipe, so a script's log records the cut.
    assert_eq!(
        run.stderr,
        "note: showing 20 of 25 sessions — pass --all to see them all, or --limit N\n"
    );
}

#[test]
fn anam_limit_fetches_pages_of_100_in_order() {
    let server = FakeAnam::new(ANAM_KEY).with_sessions(300).start();
    let run = run(
        s::avatarctl_anam(&server, ANAM_KEY)
            .args(["sessions", "list", "--limit", "250", "-o", "ndjson"]),
        ANAM_KEY,
    );
    let lines = run.ndjson();
    let got: Vec<&str> = lines.iter().map(|l| l["id"].as_str().unwrap()).collect();
    assert_eq!(got, anam_ids(0..250));
    assert_eq!(pages_asked(&server), pages(&[(1, 100), (2, 100), (3, 100)]));
    assert_eq!(
        run.stderr,
        "note: showing 250 of 300 sessions — pass --all to see them all, or --limit N\n"
    );
}

#[test]
fn anam_limit_stops_at_the_last_page_without_a_note() {
    let server = FakeAnam::new(ANAM_KEY).with_sessions(120).start();
    let run = run(
        s::avatarctl_anam(&server, ANAM_KEY)
            .args(["sessions", "list", "--limit", "500", "-o", "json"]),
        ANAM_KEY,
    );
    assert_eq!(ids(&run.json()), anam_ids(0..120));
    assert_eq!(pages_asked(&server), pages(&[(1, 100), (2, 100)]));
    assert_eq!(run.stderr, "");
}

#[test]
fn anam_limit_on_a_page_boundary_asks_for_no_extra_page() {
    let server = FakeAnam::new(ANAM_KEY).with_sessions(250).start();
    let run = run(
        s::avatarctl_anam(&server, ANAM_KEY)
            .args(["sessions", "list", "--limit", "200", "-o", "json"]),
        ANAM_KEY,
    );
    assert_eq!(ids(&run.json()).len(), 200);
    assert_eq!(pages_asked(&server), pages(&[(1, 100), (2, 100)]));
    run.assert_stderr_contains("showing 200 of 250");
}

#[test]
fn anam_page_and_per_page_send_exactly_one_request() {
    let server = FakeAnam::new(ANAM_KEY).with_sessions(60).start();
    let run = run(
        s::avatarctl_anam(&server, ANAM_KEY).args([
            "sessions",
            "list",
            "--page",
            "2",
            "--per-page",
            "25",
            "-o",
            "json",
        ]),
        ANAM_KEY,
    );
    assert_eq!(ids(&run.json()), anam_ids(25..50));
    assert_eq!(pages_asked(&server), pages(&[(2, 25)]));
    assert_eq!(
        run.stderr,
        "note: page 2 of 3 (60 sessions) — next: --page 3 --per-page 25, or --all for every page\n"
    );
}

#[test]
fn anam_page_alone_uses_20_per_page_and_the_last_page_has_no_note() {
    let server = FakeAnam::new(ANAM_KEY).with_sessions(30).start();
    let run = run(
        s::avatarctl_anam(&server, ANAM_KEY)
            .args(["sessions", "list", "--page", "2", "-o", "json"]),
        ANAM_KEY,
    );
    assert_eq!(ids(&run.json()), anam_ids(20..30));
    assert_eq!(pages_asked(&server), pages(&[(2, 20)]));
    assert_eq!(run.stderr, "");
}

#[test]
fn anam_page_past_the_end_is_empty_with_a_note() {
    let server = FakeAnam::new(ANAM_KEY).with_sessions(30).start();
    let run = run(
        s::avatarctl_anam(&server, ANAM_KEY)
            .args(["sessions", "list", "--page", "9", "-o", "json"]),
        ANAM_KEY,
    );
    assert_eq!(run.json(), serde_json::json!([]));
    assert_eq!(server.request_count(), 1);
    assert_eq!(
        run.stderr,
        "note: page 9 is past the last page, 2 (30 sessions)\n"
    );
}

#[test]
fn anam_per_page_above_100_is_a_usage_error_before_any_request() {
    let server = FakeAnam::new(ANAM_KEY).with_sessions(1).start();
    let run = run(
        s::avatarctl_anam(&server, ANAM_KEY).args(["sessions", "list", "--per-page", "101"]),
        ANAM_KEY,
    );
    let message = run.usage_error();
    assert!(
        message.contains("--per-page 101") && message.contains("1–100"),
        "{message}"
    );
    assert_eq!(server.request_count(), 0);
}

#[test]
fn anam_filters_are_forwarded_as_query_parameters() {
    let server = FakeAnam::new(ANAM_KEY).with_sessions(30).start();
    let run = run(
        s::avatarctl_anam(&server, ANAM_KEY).args([
            "sessions",
            "list",
            "--search",
            "label-1",
            "--persona-id",
            PERSONA_IDS[1],
            "--api-key-id",
            anam::API_KEY_ID,
            "-o",
            "json",
        ]),
        ANAM_KEY,
    );
    // label-1 and label-10…19 match the search; of those, the odd ones have persona 1.
    let expected: Vec<String> = [1, 11, 13, 15, 17, 19].map(anam::session_id).to_vec();
    assert_eq!(ids(&run.json()), expected);
    let requests = server.requests();
    assert_eq!(requests.len(), 1);
    let request = &requests[0];
    assert_eq!(request.query_param("search"), Some("label-1"));
    assert_eq!(request.query_param("personaId"), Some(PERSONA_IDS[1]));
    assert_eq!(request.query_param("apiKeyId"), Some(anam::API_KEY_ID));
    assert_eq!(request.query_param("status"), None);
}

#[test]
fn anam_status_is_checked_here_and_not_sent() {
    let server = FakeAnam::new(ANAM_KEY).with_sessions(30).start();
    let list = |status: &str| {
        run(
            s::avatarctl_anam(&server, ANAM_KEY).args([
                "sessions", "list", "--all", "-o", "ndjson", "--status", status,
            ]),
            ANAM_KEY,
        )
        .ndjson_ids()
    };
    let ended: Vec<String> = (0..30)
        .filter(|&i| !anam::is_active(i))
        .map(anam::session_id)
        .collect();
    assert_eq!(list("ended"), ended);
    assert_eq!(list("ACTIVE").len(), 10);
    assert_eq!(
        list("created"),
        Vec::<String>::new(),
        "Anam has no created sessions"
    );
    assert!(
        server
            .requests()
            .iter()
            .all(|r| r.query_param("status").is_none()),
        "Anam has no status parameter"
    );
}

#[test]
fn anam_persona_id_must_be_a_uuid() {
    let server = FakeAnam::new(ANAM_KEY).start();
    let run = Run::of(s::avatarctl_anam(&server, ANAM_KEY).args([
        "sessions",
        "list",
        "--persona-id",
        "cara",
    ]));
    assert!(
        run.parse_error().contains("expected a UUID"),
        "{}",
        run.stderr
    );
    assert_eq!(server.request_count(), 0);
}

#[test]
fn page_and_limit_conflict() {
    let server = FakeAnam::new(ANAM_KEY).start();
    let run = Run::of(
        s::avatarctl_anam(&server, ANAM_KEY)
            .args(["sessions", "list", "--page", "2", "--limit", "50"]),
    );
    run.parse_error();
    assert_eq!(server.request_count(), 0);
}

#[test]
fn quiet_silences_the_note_but_not_the_data() {
    let server = FakeAnam::new(ANAM_KEY).with_sessions(25).start();
    let run = run(
        s::avatarctl_anam(&server, ANAM_KEY).args(["-q", "sessions", "list", "-o", "json"]),
        ANAM_KEY,
    );
    run.quiet_success();
    assert_eq!(ids(&run.json()).len(), 20);
}

#[test]
fn an_empty_list_is_success_in_every_format() {
    let server = FakeAnam::new(ANAM_KEY).start();
    let list = |format: &str| {
        run(
            s::avatarctl_anam(&server, ANAM_KEY).args(["sessions", "list", "-o", format]),
            ANAM_KEY,
        )
    };
    assert_eq!(list("json").quiet_success(), "[]\n");
    assert_eq!(list("ndjson").quiet_success(), "");
    assert_eq!(
        list("csv").quiet_success(),
        "provider,id,status,end_reason,started_at,ended_at,duration_ms,persona_id,persona_name,label,created_at\n"
    );
    let table = list("table");
    assert!(table.quiet_success().starts_with("ID "), "{}", table.stdout);
    assert_eq!(table.stdout.lines().count(), 1, "only the header");
}

#[test]
fn ls_and_session_are_aliases() {
    let server = FakeAnam::new(ANAM_KEY).with_sessions(3).start();
    let list = |args: &[&str]| {
        let run = run(s::avatarctl_anam(&server, ANAM_KEY).args(args), ANAM_KEY);
        run.quiet_success().to_owned()
    };
    let canonical = list(&["sessions", "list", "-o", "json"]);
    assert_eq!(
        ids(&serde_json::from_str(&canonical).unwrap()),
        anam_ids(0..3)
    );
    assert_eq!(list(&["sessions", "ls", "-o", "json"]), canonical);
    assert_eq!(list(&["session", "list", "-o", "json"]), canonical);
    assert_eq!(list(&["session", "ls", "-o", "json"]), canonical);
    assert_eq!(server.request_count(), 4);
}

#[test]
fn a_search_term_cannot_add_query_parameters() {
    let server = FakeAnam::new(ANAM_KEY).with_sessions(3).start();
    let term = "a&perPage=1&b=c d#e";
    let run = run(
        s::avatarctl_anam(&server, ANAM_KEY)
            .args(["sessions", "list", "--search", term, "-o", "json"]),
        ANAM_KEY,
    );
    assert_eq!(run.json(), serde_json::json!([]));
    let query = &server.requests()[0].query;
    let expected = [("page", "1"), ("perPage", "20"), ("search", term)]
        .map(|(k, v)| (k.to_owned(), v.to_owned()));
    assert_eq!(query, &expected);
}

#[test]
fn without_a_page_count_a_short_page_is_the_last() {
    // Keep the data and drop `meta`, as a changed API might: paging must still end.
    let handler = FakeAnam::new(ANAM_KEY).with_sessions(150).handler();
    let server = FakeServer::start(move |request| {
        let mut body: serde_json::Value = serde_json::from_slice(&handler(request).body).unwrap();
        body.as_object_mut().unwrap().remove("meta");
        Reply::json(200, &body)
    });
    let run = run(
        s::avatarctl_anam(&server, ANAM_KEY)
            .args(["sessions", "list", "--limit", "500", "-o", "json"]),
        ANAM_KEY,
    );
    assert_eq!(ids(&run.json()), anam_ids(0..150));
    assert_eq!(pages_asked(&server), pages(&[(1, 100), (2, 100)]));
}

/// DESIGN.md gives `paginate.rs` "de-duplication": a session that starts while pages are
/// being fetched shifts the list, and the first session of the next page is one already seen.
#[test]
fn a_session_added_between_pages_is_not_listed_twice() {
    let fake = FakeAnam::new(ANAM_KEY).with_sessions(150);
    let sessions = fake.sessions_handle();
    let handler = fake.handler();
    let server = FakeServer::start(move |request| {
        let reply = handler(request);
        if request.query_param("page") == Some("1") {
            sessions.lock().unwrap().insert(0, anam::session(999));
        }
        reply
    });
    let run = run(
        s::avatarctl_anam(&server, ANAM_KEY)
            .args(["sessions", "list", "--limit", "150", "-o", "json"]),
        ANAM_KEY,
    );
    let listed = ids(&run.json());
    let twice: Vec<&String> = listed
        .iter()
        .enumerate()
        .filter(|(i, id)| listed[..*i].contains(id))
        .map(|(_, id)| id)
        .collect();
    assert_eq!(twice, Vec::<&String>::new(), "listed twice");
}
