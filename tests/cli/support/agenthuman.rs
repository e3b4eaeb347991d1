//! A fake of AgentHuman's session API, kept to its documented contract (`seeds/002_*` and the
//! notes in DESIGN.md): one unpaged list with a `status` filter, one session by ID, the
//! `x-api-key` header, and the provider's three error shapes.

use std::sync::{Arc, Mutex, PoisonError};

use chrono::{DateTime, SecondsFormat, Utc};
use serde_json::{Value, json};

use super::server::{FakeServer, Recorded, Reply};

/// Generated session `i` has avatar `AVATARS[i % 2]` (ID, name).
pub const AVATARS: [(&str, &str); 2] = [
    ("avat_01H3Z8G9YR3K2N5M6P7Q8W4T", "Professional Avatar"),
    ("avat_01H3Z8G9YR3K2N5M6P7Q8W4V", "Friendly Guide"),
];

/// The ID of generated session `i`.
pub fn session_id(i: usize) -> String {
    format!("sess_{i:026}")
}

/// The `daily_room.token` of generated session `i`: it must never reach the output unredacted.
pub fn room_token(i: usize) -> String {
    format!("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.room-token-{i}")
}

/// Whether generated session `i` is still running (`started`): every third one (i = 2, 5, …).
pub fn is_active(i: usize) -> bool {
    i % 3 == 2
}

/// Generated session `i`, shaped like the seed: starts 10 minutes after session `i - 1` (from
/// 2024-01-15T12:00Z); when active, `ended_at` and `duration` (seconds) are null.
pub fn session(i: usize) -> Value {
    let index = i64::try_from(i).expect("a session index fits in i64");
    let start = 1_705_320_000 + index * 600; // 2024-01-15T12:00:00Z
    let duration = (index % 7 + 1) * 60 + (index * 13) % 60;
    let ended = !is_active(i);
    let (avatar_id, avatar_name) = AVATARS[i % 2];
    json!({
        "session_id": session_id(i),
        "avatar": {
            "avatar_id": avatar_id,
            "name": avatar_name,
            "url": "https://example.com/avatar.jpg",
        },
        "session_type": "webrtc_video",
        "status": if ended { "ended" } else { "started" },
        "started_at": time(start),
        "ended_at": ended.then(|| time(start + duration)),
        "expiration": time(start + 9300),
        "duration": ended.then_some(duration),
        "daily_room": {
            "url": format!("https://agenthuman.daily.co/room-{i}"),
            "name": format!("room-{i}"),
            "token": room_token(i),
        },
        "created_at": time(start),
        "metadata": {"user_name": format!("user-{i}")},
    })
}

fn time(unix_seconds: i64) -> String {
    DateTime::<Utc>::from_timestamp(unix_seconds, 0)
        .expect("a time in range")
        .to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// Builds an AgentHuman fake: `FakeAgentHuman::new(key).with_sessions(5).start()`.
///
/// The list answers every matching session in insertion order, in one response: AgentHuman
/// documents no paging, and the fake ignores any paging parameters the CLI might send.
#[derive(Debug, Clone)]
pub struct FakeAgentHuman {
    key: String,
    sessions: Arc<Mutex<Vec<Value>>>,
    /// The answer of `GET /v1/usage`; a 404 without one.
    usage: Option<Value>,
}

impl FakeAgentHuman {
    /// A fake that accepts only `x-api-key: <key>`.
    pub fn new(key: &str) -> Self {
        Self {
            key: key.to_owned(),
            sessions: Arc::default(),
            usage: None,
        }
    }

    /// Answers `GET /v1/usage` with a 200 and `body`.
    pub fn with_usage(mut self, body: Value) -> Self {
        self.usage = Some(body);
        self
    }

    /// Appends generated sessions `0..n` (see [`session`]).
    pub fn with_sessions(self, n: usize) -> Self {
        self.lock().extend((0..n).map(session));
        self
    }

    /// Appends one session object (the value of `"session"`), e.g.
    /// `fixture_json("agenthuman_get.json")["session"].clone()`.
    pub fn with_session(self, session: Value) -> Self {
        self.lock().push(session);
        self
    }

    /// The live session list, for changing it while the server runs. Do not hold the lock
    /// while calling the handler: it takes the same lock.
    pub fn sessions_handle(&self) -> Arc<Mutex<Vec<Value>>> {
        Arc::clone(&self.sessions)
    }

    pub fn start(self) -> FakeServer {
        FakeServer::start(self.handler())
    }

    /// The request handler, for a test to wrap (inject a failure, add headers, count requests).
    pub fn handler(self) -> impl Fn(&Recorded) -> Reply + Send + Sync + 'static {
        move |request| self.answer(request)
    }

    fn answer(&self, request: &Recorded) -> Reply {
        match request.header("x-api-key") {
            None => return Reply::json(401, &json!({"error": "API key required"})),
            Some(key) if key != self.key => {
                return Reply::json(401, &json!({"success": false, "error": "Invalid API key"}));
            }
            Some(_) => {}
        }
        let segments = request.path_segments();
        let segments: Vec<&str> = segments.iter().map(String::as_str).collect();
        match (request.method.as_str(), segments.as_slice()) {
            ("GET", ["v1", "sessions"]) => self.list(request),
            ("GET", ["v1", "usage"]) => match &self.usage {
                Some(body) => Reply::json(200, body),
                None => error(404, "Not found", "Check the path", "NOT_FOUND"),
            },
            ("GET", ["v1", "sessions", id]) => {
                let found = self.lock().iter().find(|s| s["session_id"] == *id).cloned();
                match found {
                    Some(session) => {
                        Reply::json(200, &json!({"success": true, "session": session}))
                    }
                    None => error(
                        404,
                        "Session not found",
                        "Check the session ID",
                        "SESSION_NOT_FOUND",
                    ),
                }
            }
            _ => error(
                404,
                "Route not found",
                "Check the endpoint path",
                "NOT_FOUND",
            ),
        }
    }

    fn list(&self, request: &Recorded) -> Reply {
        let wanted: &[&str] = match request.query_param("status").unwrap_or("all") {
            "all" => &[],
            "started" => &["started", "active"],
            "ended" => &["ended", "completed"],
            _ => {
                return error(
                    400,
                    "Invalid status",
                    "Use one of: all, started, ended",
                    "INVALID_PARAMETER",
                );
            }
        };
        // Copied out of the lock, so that the JSON is built without holding it.
        let sessions: Vec<Value> = self
            .lock()
            .iter()
            .filter(|s| wanted.is_empty() || wanted.iter().any(|status| s["status"] == *status))
            .cloned()
            .collect();
        Reply::json(200, &json!({"success": true, "sessions": sessions}))
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<Value>> {
        self.sessions.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// AgentHuman's structured error shape.
fn error(status: u16, message: &str, suggestion: &str, code: &str) -> Reply {
    Reply::json(
        status,
        &json!({
            "success": false,
            "error": {"message": message, "suggestion": suggestion, "code": code},
        }),
    )
}

#[cfg(test)]
mod tests {
    use super::super::fixture_json;
    use super::*;

    const KEY: &str = "ah_test_key";

    fn get(server: &FakeServer, target: &str) -> (u16, Value) {
        let (status, _, body) = server.get(target, &[("x-api-key", KEY)]).expect("GET");
        (status, serde_json::from_str(&body).expect("a JSON body"))
    }

    fn ids(body: &Value) -> Vec<&str> {
        body["sessions"]
            .as_array()
            .expect("a sessions array")
            .iter()
            .map(|s| s["session_id"].as_str().expect("a session_id"))
            .collect()
    }

    #[test]
    fn lists_everything_in_one_response() {
        let server = FakeAgentHuman::new(KEY).with_sessions(150).start();
        let (status, body) = get(&server, "/v1/sessions?page=2");
        assert_eq!(status, 200);
        assert_eq!(body["success"], true);
        assert_eq!(ids(&body).len(), 150);
        assert_eq!(ids(&body)[0], session_id(0));
        assert_eq!(body.as_object().unwrap().len(), 2, "no paging block");
    }

    #[test]
    fn filters_by_status() {
        let server = FakeAgentHuman::new(KEY).with_sessions(6).start();
        let (_, body) = get(&server, "/v1/sessions?status=started");
        assert_eq!(ids(&body), [session_id(2), session_id(5)]);
        assert_eq!(
            get(&server, "/v1/sessions?status=ended").1["sessions"]
                .as_array()
                .unwrap()
                .len(),
            4
        );
        assert_eq!(
            get(&server, "/v1/sessions?status=all").1["sessions"]
                .as_array()
                .unwrap()
                .len(),
            6
        );
        let (status, body) = get(&server, "/v1/sessions?status=active");
        assert_eq!(status, 400);
        assert_eq!(body["error"]["code"], "INVALID_PARAMETER");
    }

    #[test]
    fn gets_one_session() {
        let fixture = fixture_json("agenthuman_get.json");
        let server = FakeAgentHuman::new(KEY)
            .with_sessions(3)
            .with_session(fixture["session"].clone())
            .start();
        let (status, body) = get(&server, "/v1/sessions/sess_01H3Z8G9YR3K2N5M6P7Q8W4T");
        assert_eq!((status, body), (200, fixture));

        let (_, body) = get(&server, &format!("/v1/sessions/{}", session_id(2)));
        let active = &body["session"];
        assert_eq!(active["status"], "started");
        assert_eq!(active["duration"], Value::Null);
        assert_eq!(active["daily_room"]["token"], room_token(2));
        let (_, body) = get(&server, &format!("/v1/sessions/{}", session_id(1)));
        assert_eq!(body["session"]["started_at"], "2024-01-15T12:10:00Z");
        assert_eq!(body["session"]["ended_at"], "2024-01-15T12:12:13Z");
        assert_eq!(body["session"]["duration"], 133);

        let (status, body) = get(&server, "/v1/sessions/sess_nope%2F..%2Fx");
        assert_eq!(status, 404);
        assert_eq!(
            body,
            json!({"success": false, "error": {"message": "Session not found", "suggestion": "Check the session ID", "code": "SESSION_NOT_FOUND"}})
        );
        assert_eq!(server.requests()[3].path, "/v1/sessions/sess_nope%2F..%2Fx");
    }

    #[test]
    fn requires_the_api_key() {
        let server = FakeAgentHuman::new(KEY).with_sessions(1).start();
        let (status, _, body) = server.get("/v1/sessions", &[]).expect("GET");
        assert_eq!(
            (status, body.as_str()),
            (401, r#"{"error":"API key required"}"#)
        );
        let (status, _, body) = server
            .get("/v1/sessions", &[("x-api-key", "ah_test_wrong")])
            .expect("GET");
        assert_eq!(
            (status, body.as_str()),
            (401, r#"{"success":false,"error":"Invalid API key"}"#)
        );
    }

    #[test]
    fn the_list_fixture_is_served_as_is() {
        let fixture = fixture_json("agenthuman_list.json");
        let fake = fixture["sessions"]
            .as_array()
            .unwrap()
            .iter()
            .fold(FakeAgentHuman::new(KEY), |fake, s| {
                fake.with_session(s.clone())
            });
        let server = fake.start();
        assert_eq!(get(&server, "/v1/sessions").1, fixture);
    }
}
