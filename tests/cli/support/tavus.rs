//! A fake Tavus: `GET /v2/conversations` (`page`, `limit`, `status`; `{data, total_count}`)
//! and `GET /v2/conversations/{id}` (events with `verbose=true`), behind `x-api-key`. Built
//! on the one fake server core, like every provider's fake.

use std::sync::Arc;

use serde_json::{Value, json};

use super::server::{FakeServer, Recorded, Reply};

/// The ID of generated conversation `i`.
pub fn conversation_id(i: usize) -> String {
    format!("c{i:06}")
}

/// Whether generated conversation `i` is still running: every fourth one.
pub fn is_active(i: usize) -> bool {
    i % 4 == 3
}

/// Generated conversation `i`, created 5 minutes after `i - 1` from 2026-04-29T10:00Z; the
/// replica joins 4 s after creation and an ended one shuts down `60 + i` seconds later.
pub fn conversation(i: usize) -> Value {
    let created = 1_777_456_800 + 300 * i as i64; // 2026-04-29T10:00:00Z
    let time = |t: i64| {
        chrono::DateTime::from_timestamp(t, 0)
            .unwrap()
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
    };
    let mut events =
        vec![json!({"event_type": "system.replica_joined", "timestamp": time(created + 4)})];
    if !is_active(i) {
        events.push(json!({"event_type": "application.transcription_ready", "timestamp": time(created + 64 + i as i64),
            "properties": {"transcript": [
                {"role": "assistant", "content": format!("Hello {i}"), "timestamp": (created + 5) as f64 + 0.5,
                 "seconds_from_start": 1.5, "duration": 1.25},
                {"role": "user", "content": "Hi there", "timestamp": (created + 9) as f64, "seconds_from_start": 5.0, "duration": 0.75}]}}));
        events.push(json!({"event_type": "system.shutdown", "timestamp": time(created + 64 + i as i64),
            "properties": {"reason": (["participant_left_timeout", "max_call_duration", "error"][i % 3])}}));
    }
    json!({
        "conversation_id": conversation_id(i),
        "conversation_name": format!("Call {i}"),
        "status": if is_active(i) { "active" } else { "ended" },
        "conversation_url": format!("https://tavus.daily.co/{}", conversation_id(i)),
        "callback_url": "https://example.com/webhook",
        "replica_id": "r90bbd427f71",
        "persona_id": (["p1", "p2"][i % 2]),
        "meeting_token": "eyJhbGciOi.tavus-meeting-secret",
        "created_at": time(created),
        "updated_at": time(created + 70),
        "events": events,
    })
}

/// Builds a Tavus fake: `FakeTavus::new(key).with_conversations(25).start()`.
#[derive(Clone, Debug)]
pub struct FakeTavus {
    key: String,
    conversations: Arc<Vec<Value>>,
}

impl FakeTavus {
    pub fn new(key: &str) -> Self {
        Self {
            key: key.to_owned(),
            conversations: Arc::new(Vec::new()),
        }
    }

    pub fn with_conversations(mut self, n: usize) -> Self {
        Arc::make_mut(&mut self.conversations).extend((0..n).map(conversation));
        self
    }

    pub fn with_conversation(mut self, conversation: Value) -> Self {
        Arc::make_mut(&mut self.conversations).push(conversation);
        self
    }

    pub fn start(self) -> FakeServer {
        FakeServer::start(move |request| self.answer(request))
    }

    fn answer(&self, request: &Recorded) -> Reply {
        if request.header("x-api-key") != Some(self.key.as_str()) {
            return Reply::json(401, &json!({"message": "Invalid access token"}));
        }
        let segments = request.path_segments();
        let segments: Vec<&str> = segments.iter().map(String::as_str).collect();
        match (request.method.as_str(), segments.as_slice()) {
            ("GET", ["v2", "conversations"]) => self.list(request),
            ("GET", ["v2", "conversations", id]) => {
                match self
                    .conversations
                    .iter()
                    .find(|c| c["conversation_id"] == *id)
                {
                    Some(found) => {
                        let mut found = found.clone();
                        if request.query_param("verbose") != Some("true") {
                            found.as_object_mut().unwrap().remove("events");
                        }
                        Reply::json(200, &found)
                    }
                    None => Reply::json(400, &json!({"error": "Invalid conversation_id"})),
                }
            }
            _ => Reply::json(404, &json!({"message": "Not Found"})),
        }
    }

    fn list(&self, request: &Recorded) -> Reply {
        let number = |name: &str, default: usize| {
            request.query_param(name).map_or(Ok(default), |v| {
                v.parse::<usize>().map_err(|_| name.to_owned())
            })
        };
        let (page, limit) = match (number("page", 1), number("limit", 10)) {
            (Ok(page), Ok(limit)) if page >= 1 && limit >= 1 => (page, limit),
            _ => return Reply::json(400, &json!({"error": "Invalid page or limit"})),
        };
        let status = request.query_param("status");
        if status.is_some_and(|s| s != "active" && s != "ended") {
            return Reply::json(400, &json!({"error": "Invalid status"}));
        }
        let matching: Vec<&Value> = self
            .conversations
            .iter()
            .filter(|c| status.is_none_or(|s| c["status"] == s))
            .collect();
        let data: Vec<Value> = matching
            .iter()
            .skip((page - 1) * limit)
            .take(limit)
            .map(|c| {
                let mut item = (*c).clone();
                // List items carry no events.
                item.as_object_mut().unwrap().remove("events");
                item
            })
            .collect();
        Reply::json(200, &json!({"data": data, "total_count": matching.len()}))
    }
}
