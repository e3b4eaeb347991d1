//! A fake of Anam's session API, kept to the documented contract (`seeds/000_*`, `seeds/001_*`).
//!
//! It checks what Anam checks (the bearer key, the bounds of `page` and `perPage`, UUID filters)
//! and pages the way Anam documents, so the CLI's paging, filters and error mapping are tested
//! against the provider's contract rather than against the CLI's own idea of it.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use chrono::{DateTime, SecondsFormat, Utc};
use serde_json::{Value, json};

use super::server::{FakeServer, Recorded, Reply};

/// The `encrypted_secret` of every generated session: it must never reach the output unredacted.
pub const SECRET: &str = "s3cr3t";
/// The `apiKeyId` of every generated session.
pub const API_KEY_ID: &str = "00000000-0000-4000-a000-0000000000a1";
/// Generated session `i` has `personaId` `PERSONA_IDS[i % 2]`.
pub const PERSONA_IDS: [&str; 2] = [
    "00000000-0000-4000-9000-0000000000b0",
    "00000000-0000-4000-9000-0000000000b1",
];
/// Documented default and maximum of `perPage`.
pub const DEFAULT_PER_PAGE: u64 = 10;
pub const MAX_PER_PAGE: u64 = 100;

/// The ID of generated session `i`, a valid v4 UUID.
pub fn session_id(i: usize) -> String {
    format!("00000000-0000-4000-8000-{i:012}")
}

/// Whether generated session `i` is still running: every third one (i = 2, 5, 8, …).
pub fn is_active(i: usize) -> bool {
    i % 3 == 2
}

/// Generated session `i`: starts 10 minutes after session `i - 1` (from 2026-04-20T09:00Z),
/// lasts under 8 minutes, and when active has null `endTime`, `sessionLengthMs`, `exitStatus`.
pub fn session(i: usize) -> Value {
    let index = i64::try_from(i).expect("a session index fits in i64");
    let start = 1_776_675_600 + index * 600; // 2026-04-20T09:00:00Z
    let length_ms = ((index % 7 + 1) * 60 + (index * 13) % 60) * 1000;
    let ended = !is_active(i);
    let end = ended.then(|| time(start + length_ms / 1000));
    json!({
        "id": session_id(i),
        "personaId": PERSONA_IDS[i % 2],
        "clientLabel": format!("label-{i}"),
        "startTime": time(start),
        "endTime": end,
        "sessionLengthMs": ended.then_some(length_ms),
        "exitStatus": ended.then(|| ["NORMAL_EXIT", "CLOSED_BY_ENGINE", "ERROR"][i / 3 % 3]),
        "engineHost": "connect-eu.anam.ai/v1/webrtc/engines/anam-engine-0",
        "engineProtocol": "https",
        "engineVersion": "v5.1.0",
        "clientMetadata": {"userAgent": "Mozilla/5.0"},
        "personaConfig": {
            "name": "Cara",
            "llmConfig": {"modelName": "gpt-4o", "encrypted_secret": SECRET},
        },
        "apiKeyId": API_KEY_ID,
        "organizationId": "org_V1StGXR8Z5jdHi6B",
        "createdAt": time(start),
        "updatedAt": end.clone().unwrap_or_else(|| time(start)),
    })
}

fn time(unix_seconds: i64) -> String {
    DateTime::<Utc>::from_timestamp(unix_seconds, 0)
        .expect("a time in range")
        .to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// Builds an Anam fake: `FakeAnam::new(key).with_sessions(25).start()`.
///
/// Lists answer the sessions in insertion order (Anam documents no order).
#[derive(Debug, Clone)]
pub struct FakeAnam {
    key: String,
    sessions: Arc<Mutex<Vec<Value>>>,
    /// The answers of `GET /v1/sessions/{id}/{resource}`, by ID and resource.
    resources: HashMap<(String, String), Reply>,
    /// The answers of the organization's reports, `GET /v1/sessions/{report}`.
    reports: HashMap<String, Reply>,
    /// The answer of `GET /v1/sessions/analytics` to a valid query.
    aggregate: Option<Reply>,
}

impl FakeAnam {
    /// A fake that accepts only `Authorization: Bearer <key>`.
    pub fn new(key: &str) -> Self {
        Self {
            key: key.to_owned(),
            sessions: Arc::default(),
            resources: HashMap::new(),
            reports: HashMap::new(),
            aggregate: None,
        }
    }

    /// Answers `GET /v1/sessions/{report}` (`concurrency`) with a 200 and `body`.
    pub fn with_report(mut self, report: &str, body: Value) -> Self {
        self.reports
            .insert(report.to_owned(), Reply::json(200, &body));
        self
    }

    /// Answers `GET /v1/sessions/{id}/{resource}` (`transcript`, `recording`, …) with a 200
    /// and `body`; the same path for another ID is a 404.
    pub fn with_resource(self, id: &str, resource: &str, body: Value) -> Self {
        self.answering(id, resource, Reply::json(200, &body))
    }

    /// Answers `GET /v1/sessions/{id}/{resource}` with `reply`.
    pub fn answering(mut self, id: &str, resource: &str, reply: Reply) -> Self {
        self.resources
            .insert((id.to_owned(), resource.to_owned()), reply);
        self
    }

    /// Answers `GET /v1/sessions/analytics` (the aggregate report) with a 200 and `body`
    /// when its query is valid as Anam documents it (see [`aggregate_query_problem`]); without
    /// it, that path is a 404.
    pub fn with_aggregate(self, body: Value) -> Self {
        self.answering_aggregate(Reply::json(200, &body))
    }

    /// Answers a valid `GET /v1/sessions/analytics` with `reply`.
    pub fn answering_aggregate(mut self, reply: Reply) -> Self {
        self.aggregate = Some(reply);
        self
    }

    /// Appends generated sessions `0..n` (see [`session`]).
    pub fn with_sessions(self, n: usize) -> Self {
        self.lock().extend((0..n).map(session));
        self
    }

    /// Appends one session object as Anam would send it, e.g. `fixture_json("anam_get.json")`.
    pub fn with_session(self, session: Value) -> Self {
        self.lock().push(session);
        self
    }

    /// The live session list, for changing it while the server runs (e.g.
    /// `handle.lock().unwrap().insert(0, session(999))`). Do not hold the lock while calling
    /// the handler: it takes the same lock.
    pub fn sessions_handle(&self) -> Arc<Mutex<Vec<Value>>> {
        Arc::clone(&self.sessions)
    }

    pub fn start(self) -> FakeServer {
        FakeServer::start(self.handler())
    }

    /// Starts the fake, but answers with `instead` wherever it gives a reply (a failure, a
    /// redirect), and as Anam would elsewhere.
    pub fn start_answering(
        self,
        instead: impl Fn(&Recorded) -> Option<Reply> + Send + Sync + 'static,
    ) -> FakeServer {
        let handler = self.handler();
        FakeServer::start(move |request| instead(request).unwrap_or_else(|| handler(request)))
    }

    /// The request handler, for a test to wrap (inject a failure, add headers, count pages).
    pub fn handler(self) -> impl Fn(&Recorded) -> Reply + Send + Sync + 'static {
        move |request| self.answer(request)
    }

    fn answer(&self, request: &Recorded) -> Reply {
        let segments = request.path_segments();
        let segments: Vec<&str> = segments.iter().map(String::as_str).collect();
        let route = match (request.method.as_str(), segments.as_slice()) {
            ("GET", ["v1", "sessions"]) => Route::List,
            ("GET", ["v1", "sessions", "analytics"]) => Route::Aggregate,
            ("GET", ["v1", "sessions", report]) if self.reports.contains_key(*report) => {
                Route::Report(report)
            }
            ("GET", ["v1", "sessions", id]) => Route::Get(id),
            ("GET", ["v1", "sessions", id, resource]) => Route::Resource(id, resource),
            _ => {
                let message = format!("Cannot {} {}", request.method, request.path);
                return nest_error(404, "Not Found", json!(message));
            }
        };
        if request.header("authorization") != Some(format!("Bearer {}", self.key).as_str()) {
            return Reply::json(401, &json!({"message": "Unauthorized"}));
        }
        match route {
            Route::List => self
                .list(request)
                .unwrap_or_else(|message| nest_error(400, "Bad Request", json!([message]))),
            Route::Aggregate => match (&self.aggregate, aggregate_query_problem(request)) {
                (_, Some(problem)) => nest_error(400, "Bad Request", json!([problem])),
                (Some(reply), None) => reply.clone(),
                (None, None) => nest_error(404, "Not Found", json!("Cannot GET")),
            },
            Route::Resource(id, resource) => {
                let key = (id.to_owned(), resource.to_owned());
                self.resources.get(&key).cloned().unwrap_or_else(|| {
                    Reply::json(404, &json!({"message": format!("No {resource} for {id}")}))
                })
            }
            Route::Report(report) => self.reports[report].clone(),
            Route::Get(id) => {
                let found = self.lock().iter().find(|s| s["id"] == id).cloned();
                match found {
                    Some(session) => Reply::json(200, &session),
                    None => Reply::json(404, &json!({"message": "Session not found"})),
                }
            }
        }
    }

    /// `GET /v1/sessions`, or the validation message of a bad query.
    fn list(&self, request: &Recorded) -> Result<Reply, String> {
        let page = integer(request, "page", 1, u64::MAX)?;
        let per_page = integer(request, "perPage", DEFAULT_PER_PAGE, MAX_PER_PAGE)?;
        let search = request.query_param("search").map(str::to_lowercase);
        let persona_id = uuid(request, "personaId")?;
        let api_key_id = uuid(request, "apiKeyId")?;

        let skip = usize::try_from((page - 1).saturating_mul(per_page)).unwrap_or(usize::MAX);
        // Only the count and a copy of the page are taken under the lock; the JSON is built
        // after it, so that requests for other pages do not queue behind this one.
        let (total, data) = {
            let sessions = self.lock();
            let mut total: u64 = 0;
            let mut data: Vec<Value> = Vec::new();
            let matching = sessions
                .iter()
                .filter(|s| search.as_deref().is_none_or(|term| contains(s, term)))
                .filter(|s| persona_id.is_none_or(|id| s["personaId"] == id))
                .filter(|s| api_key_id.is_none_or(|id| s["apiKeyId"] == id));
            for (i, session) in matching.enumerate() {
                total += 1;
                if i >= skip && (data.len() as u64) < per_page {
                    data.push(session.clone());
                }
            }
            (total, data)
        };
        let last_page = total.div_ceil(per_page).max(1);
        Ok(Reply::json(
            200,
            &json!({
                "data": data,
                "meta": {
                    "total": total,
                    "lastPage": last_page,
                    "currentPage": page,
                    "perPage": per_page,
                    "prev": (page > 1).then(|| page - 1),
                    "next": (page < last_page).then(|| page + 1),
                },
            }),
        ))
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<Value>> {
        self.sessions.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

enum Route<'a> {
    List,
    Aggregate,
    Get(&'a str),
    Resource(&'a str, &'a str),
    Report(&'a str),
}

/// What Anam would refuse in an aggregate analytics query (a 400, "Invalid query parameters
/// or date range"): `from`/`to` that are not ISO 8601 or not in order, a range over 31 days
/// (either end defaulting as documented), UUID filters that are not UUIDs, an unknown
/// `sessionType`.
pub fn aggregate_query_problem(request: &Recorded) -> Option<String> {
    let time = |name: &str| match request.query_param(name) {
        None => Ok(None),
        Some(text) => DateTime::parse_from_rfc3339(text)
            .map(|t| Some(t.with_timezone(&Utc)))
            .map_err(|_| format!("{name} must be a valid ISO 8601 date string")),
    };
    let (from, to) = match (time("from"), time("to")) {
        (Ok(from), Ok(to)) => (from, to),
        (Err(problem), _) | (_, Err(problem)) => return Some(problem),
    };
    let to = to.unwrap_or_else(Utc::now);
    let from = from.unwrap_or(to - chrono::TimeDelta::hours(24));
    if from >= to {
        return Some("from must be before to".into());
    }
    if to - from > chrono::TimeDelta::days(31) {
        return Some("the maximum range is 31 days".into());
    }
    for name in ["personaId", "apiKeyId"] {
        if let Err(problem) = uuid(request, name) {
            return Some(problem);
        }
    }
    const TYPES: [&str; 5] = [
        "turnkey",
        "custom_llm_server",
        "custom_llm_client",
        "livekit",
        "elevenlabs_agent",
    ];
    match request.query_param("sessionType") {
        Some(kind) if !TYPES.contains(&kind) => Some(format!(
            "sessionType must be one of the following values: {}",
            TYPES.join(", ")
        )),
        _ => None,
    }
}

/// Anam's API is a NestJS app; its framework errors have this shape.
fn nest_error(status: u16, error: &str, message: Value) -> Reply {
    Reply::json(
        status,
        &json!({"message": message, "error": error, "statusCode": status}),
    )
}

/// Search matches a substring of the ID or the client label, ignoring case.
fn contains(session: &Value, term: &str) -> bool {
    ["id", "clientLabel"].iter().any(|field| {
        session[field]
            .as_str()
            .is_some_and(|value| value.to_lowercase().contains(term))
    })
}

/// An integer query parameter in `1..=max`, with class-validator's messages.
fn integer(request: &Recorded, name: &str, default: u64, max: u64) -> Result<u64, String> {
    let Some(raw) = request.query_param(name) else {
        return Ok(default);
    };
    match raw.parse::<i128>() {
        Err(_) => Err(format!("{name} must be an integer number")),
        Ok(value) if value < 1 => Err(format!("{name} must not be less than 1")),
        Ok(value) if value > i128::from(max) => {
            Err(format!("{name} must not be greater than {max}"))
        }
        Ok(value) => Ok(value as u64),
    }
}

fn uuid<'a>(request: &'a Recorded, name: &str) -> Result<Option<&'a str>, String> {
    match request.query_param(name) {
        Some(value) if !is_uuid(value) => Err(format!("{name} must be a UUID")),
        value => Ok(value),
    }
}

fn is_uuid(value: &str) -> bool {
    let groups: Vec<&str> = value.split('-').collect();
    groups.iter().map(|group| group.len()).eq([8, 4, 4, 4, 12])
        && groups
            .iter()
            .all(|group| group.bytes().all(|b| b.is_ascii_hexdigit()))
}

#[cfg(test)]
mod tests {
    use super::super::fixture_json;
    use super::*;

    const KEY: &str = "anam-test-key";

    fn get(server: &FakeServer, target: &str) -> (u16, Value) {
        let auth = format!("Bearer {KEY}");
        let (status, _, body) = server
            .get(target, &[("Authorization", &auth)])
            .expect("GET");
        (status, serde_json::from_str(&body).expect("a JSON body"))
    }

    #[test]
    fn pages_as_documented() {
        let server = FakeAnam::new(KEY).with_sessions(25).start();

        let (status, body) = get(&server, "/v1/sessions");
        assert_eq!(status, 200);
        assert_eq!(body["data"].as_array().unwrap().len(), 10);
        assert_eq!(body["data"][0]["id"], session_id(0));
        assert_eq!(
            body["meta"],
            json!({"total": 25, "lastPage": 3, "currentPage": 1, "perPage": 10, "prev": null, "next": 2})
        );

        let (_, body) = get(&server, "/v1/sessions?page=3&perPage=10");
        assert_eq!(body["data"].as_array().unwrap().len(), 5);
        assert_eq!(body["data"][0]["id"], session_id(20));
        assert_eq!(body["meta"]["prev"], 2);
        assert_eq!(body["meta"]["next"], Value::Null);

        let (_, body) = get(&server, "/v1/sessions?page=9&perPage=100");
        assert_eq!(body["data"], json!([]));
        assert_eq!(body["meta"]["lastPage"], 1);
        assert_eq!(server.request_count(), 3);
    }

    #[test]
    fn an_empty_list_has_one_page() {
        let server = FakeAnam::new(KEY).start();
        let (status, body) = get(&server, "/v1/sessions");
        assert_eq!(status, 200);
        assert_eq!(
            body,
            json!({"data": [], "meta": {"total": 0, "lastPage": 1, "currentPage": 1, "perPage": 10, "prev": null, "next": null}})
        );
    }

    #[test]
    fn rejects_out_of_range_paging() {
        let server = FakeAnam::new(KEY).with_sessions(1).start();
        let (status, body) = get(&server, "/v1/sessions?perPage=101");
        assert_eq!(status, 400);
        assert_eq!(
            body,
            json!({"message": ["perPage must not be greater than 100"], "error": "Bad Request", "statusCode": 400})
        );
        assert_eq!(get(&server, "/v1/sessions?perPage=0").0, 400);
        assert_eq!(get(&server, "/v1/sessions?page=0").0, 400);
        assert_eq!(get(&server, "/v1/sessions?page=x").0, 400);
        assert_eq!(get(&server, "/v1/sessions?personaId=nope").0, 400);
    }

    #[test]
    fn filters() {
        let server = FakeAnam::new(KEY).with_sessions(30).start();
        let (_, body) = get(&server, "/v1/sessions?search=LABEL-1&perPage=100");
        assert_eq!(body["meta"]["total"], 11); // label-1 and label-10 … label-19
        let (_, body) = get(&server, &format!("/v1/sessions?search={}", session_id(7)));
        assert_eq!(body["data"][0]["clientLabel"], "label-7");
        let target = format!("/v1/sessions?personaId={}&perPage=100", PERSONA_IDS[1]);
        assert_eq!(get(&server, &target).1["meta"]["total"], 15);
        let target = format!("/v1/sessions?apiKeyId={API_KEY_ID}");
        assert_eq!(get(&server, &target).1["meta"]["total"], 30);
    }

    #[test]
    fn gets_one_session() {
        let fixture = fixture_json("anam_get.json");
        let server = FakeAnam::new(KEY)
            .with_sessions(3)
            .with_session(fixture.clone())
            .start();
        let (status, body) = get(&server, "/v1/sessions/00000000-0000-0000-0000-000000000000");
        assert_eq!((status, body), (200, fixture));

        let (status, active) = get(&server, &format!("/v1/sessions/{}", session_id(2)));
        assert_eq!(status, 200);
        assert_eq!(active["endTime"], Value::Null);
        assert_eq!(active["exitStatus"], Value::Null);
        assert_eq!(
            active["personaConfig"]["llmConfig"]["encrypted_secret"],
            SECRET
        );
        let (_, ended) = get(&server, &format!("/v1/sessions/{}", session_id(1)));
        assert_eq!(ended["startTime"], "2026-04-20T09:10:00.000Z");
        assert_eq!(ended["sessionLengthMs"], 133_000);
        assert_eq!(ended["endTime"], "2026-04-20T09:12:13.000Z");

        let (status, body) = get(&server, &format!("/v1/sessions/{}", session_id(9)));
        assert_eq!(
            (status, body),
            (404, json!({"message": "Session not found"}))
        );
    }

    #[test]
    fn answers_the_aggregate_report_to_a_valid_query_only() {
        let body = fixture_json("anam_analytics_aggregate.json");
        let server = FakeAnam::new(KEY).with_aggregate(body.clone()).start();
        assert_eq!(get(&server, "/v1/sessions/analytics"), (200, body));
        let week = "/v1/sessions/analytics?from=2026-04-13T09:00:00Z&to=2026-04-20T09:00:00Z";
        assert_eq!(get(&server, week).0, 200);
        for bad in [
            "from=2026-03-01T00:00:00Z&to=2026-04-20T00:00:00Z",
            "from=2026-04-20T00:00:00Z&to=2026-04-19T00:00:00Z",
            "from=yesterday",
            "sessionType=zoom",
            "personaId=nope",
        ] {
            let (status, body) = get(&server, &format!("/v1/sessions/analytics?{bad}"));
            assert_eq!(
                (status, &body["error"]),
                (400, &json!("Bad Request")),
                "{bad}"
            );
        }
        let (status, _) = get(
            &server,
            &format!("/v1/sessions/{}/analytics", session_id(1)),
        );
        assert_eq!(status, 404);
        let bare = FakeAnam::new(KEY).start();
        assert_eq!(get(&bare, "/v1/sessions/analytics").0, 404);
    }

    #[test]
    fn requires_the_bearer_key() {
        let server = FakeAnam::new(KEY).with_sessions(1).start();
        for headers in [vec![], vec![("Authorization", "Bearer wrong")]] {
            let (status, _, body) = server.get("/v1/sessions", &headers).expect("GET");
            assert_eq!(
                (status, body.as_str()),
                (401, r#"{"message":"Unauthorized"}"#)
            );
        }
    }

    #[test]
    fn sessions_can_be_added_while_running() {
        let fake = FakeAnam::new(KEY).with_sessions(2);
        let handle = fake.sessions_handle();
        let server = fake.start();
        handle.lock().unwrap().insert(0, session(99));
        let (_, body) = get(&server, "/v1/sessions");
        assert_eq!(body["meta"]["total"], 3);
        assert_eq!(body["data"][0]["id"], session_id(99));
    }
}
