//! A fake Beyond Presence: `GET /v1/calls` (cursor pages: `limit` ≤ 50, `cursor`;
//! `{data, has_more, next_cursor}`), `GET /v1/calls/{id}` and `GET /v1/calls/{id}/messages`,
//! behind `x-api-key`. Built on the one fake server core.

use std::sync::Arc;

use serde_json::{Value, json};

use super::server::{FakeServer, Recorded, Reply};

/// The ID of generated call `i`, a UUID.
pub fn call_id(i: usize) -> String {
    format!("01234567-89ab-cdef-0123-{i:012}")
}

/// Whether generated call `i` is still running (`ended_at` null): every fifth one.
pub fn is_active(i: usize) -> bool {
    i % 5 == 4
}

/// Generated call `i`: starts 7 minutes after `i - 1` from 2026-04-20T09:00Z and, when it has
/// ended, lasts `90 + i` seconds.
pub fn call(i: usize) -> Value {
    let start = 1_776_675_600 + 420 * i as i64;
    json!({
        "id": call_id(i),
        "agent_id": (["agent_a", "agent_b"][i % 2]),
        "started_at": time(start),
        "ended_at": (!is_active(i)).then(|| time(start + 90 + i as i64)),
        "tags": {"n": i},
    })
}

fn time(t: i64) -> String {
    chrono::DateTime::from_timestamp(t, 0)
        .unwrap()
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// Call `i`'s messages: the agent 2 s in, the user 6 s in.
pub fn messages(i: usize) -> Value {
    let start = 1_776_675_600 + 420 * i as i64;
    json!([
        {"message": format!("Welcome, caller {i}"), "sent_at": time(start + 2), "sender": "ai"},
        {"message": "Thanks", "sent_at": time(start + 6), "sender": "user"},
    ])
}

/// Builds a Beyond Presence fake; cursors are opaque (`cur-<offset>`).
#[derive(Clone, Debug)]
pub struct FakeBeyond {
    key: String,
    calls: Arc<Vec<Value>>,
    /// The same cursor on every page, as a broken server would send.
    stuck_cursor: bool,
}

impl FakeBeyond {
    pub fn new(key: &str) -> Self {
        Self {
            key: key.to_owned(),
            calls: Arc::new(Vec::new()),
            stuck_cursor: false,
        }
    }

    pub fn with_calls(mut self, n: usize) -> Self {
        Arc::make_mut(&mut self.calls).extend((0..n).map(call));
        self
    }

    /// Answers every page with the same `next_cursor`.
    pub fn with_a_stuck_cursor(mut self) -> Self {
        self.stuck_cursor = true;
        self
    }

    pub fn start(self) -> FakeServer {
        FakeServer::start(move |request| self.answer(request))
    }

    fn answer(&self, request: &Recorded) -> Reply {
        if request.header("x-api-key") != Some(self.key.as_str()) {
            return Reply::json(401, &json!({"detail": "Invalid API key"}));
        }
        let segments = request.path_segments();
        let segments: Vec<&str> = segments.iter().map(String::as_str).collect();
        let find = |id: &str| self.calls.iter().position(|c| c["id"] == id);
        match (request.method.as_str(), segments.as_slice()) {
            ("GET", ["v1", "calls"]) => self.list(request),
            ("GET", ["v1", "auth", "verify"]) => Reply::json(200, &json!({"status": "ok"})),
            ("GET", ["v1", "calls", id]) => match find(id) {
                Some(i) => Reply::json(200, &self.calls[i]),
                None => Reply::json(404, &json!({"detail": "Call not found"})),
            },
            ("GET", ["v1", "calls", id, "messages"]) => match find(id) {
                Some(i) => Reply::json(200, &messages(i)),
                None => Reply::json(404, &json!({"detail": "Call not found"})),
            },
            _ => Reply::json(404, &json!({"detail": "Not Found"})),
        }
    }

    fn list(&self, request: &Recorded) -> Reply {
        let limit = match request.query_param("limit").map(str::parse::<usize>) {
            None => 10,
            Some(Ok(n)) if (1..=50).contains(&n) => n,
            Some(_) => {
                return Reply::json(422, &json!({"detail": [{"msg": "limit must be 1–50"}]}));
            }
        };
        let offset = match request.query_param("cursor") {
            None => 0,
            Some(cursor) => match cursor.strip_prefix("cur-").and_then(|n| n.parse().ok()) {
                Some(offset) => offset,
                None => return Reply::json(422, &json!({"detail": [{"msg": "bad cursor"}]})),
            },
        };
        let data: Vec<&Value> = self.calls.iter().skip(offset).take(limit).collect();
        let next = offset + data.len();
        let has_more = next < self.calls.len();
        let cursor = if self.stuck_cursor {
            "cur-0".to_owned()
        } else {
            format!("cur-{next}")
        };
        Reply::json(
            200,
            &json!({"data": data, "has_more": has_more, "next_cursor": has_more.then_some(cursor)}),
        )
    }
}
