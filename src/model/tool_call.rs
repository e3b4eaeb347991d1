//! A tool the persona called during a session (Anam's `toolCalls` on one session): shown by
//! `sessions get`, in the JSON as `tool_calls` and in the table one line a call.

use chrono::{DateTime, Utc};
use serde::Serialize;
use serde_json::Value;

use super::session::rfc3339;

/// One call, in conversational order. `arguments` is the provider's object: credential
/// keys in it are masked like `raw`'s.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ToolCall {
    /// The turn it was made in (`turn_index` of `sessions analytics`).
    pub turn_index: Option<u64>,
    pub id: Option<String>,
    pub name: Option<String>,
    /// `server`, `client` or `system`.
    #[serde(rename = "type")]
    pub kind: Option<String>,
    pub subtype: Option<String>,
    /// `started`, `completed` or `failed`.
    pub status: Option<String>,
    #[serde(serialize_with = "rfc3339")]
    pub started_at: Option<DateTime<Utc>>,
    #[serde(serialize_with = "rfc3339")]
    pub completed_at: Option<DateTime<Utc>>,
    pub duration_ms: Option<u64>,
    pub error: Option<String>,
    pub arguments: Option<Value>,
    pub result: Option<String>,
    pub documents_accessed: Option<Vec<String>>,
}

impl ToolCall {
    /// The table's line: `knowledge_base  completed  646ms`, and the error of a failed call.
    pub fn summary(&self, duration: impl Fn(u64) -> String) -> String {
        let mut parts = vec![
            self.name.clone().unwrap_or_else(|| "(unnamed)".into()),
            self.status.clone().unwrap_or_else(|| "-".into()),
        ];
        if let Some(ms) = self.duration_ms {
            parts.push(duration(ms));
        }
        let mut line = parts.join("  ");
        if let Some(error) = &self.error {
            line.push_str(&format!(": {error}"));
        }
        line
    }
}
