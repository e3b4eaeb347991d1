//! Providers describe their API without doing any I/O ("sans-IO").
//!
//! A [`Provider`] builds the request for a query and turns a response body into normalized
//! [`Session`]s, a page description, or an error message. The HTTP layer (`http.rs`) sends
//! what a provider builds; the paginator (`paginate.rs`) drives its paging. Because nothing
//! here touches the network, each provider is unit-tested on the bodies its documentation
//! shows (`tests/fixtures/`).

mod agenthuman;
mod anam;
mod fields;

use clap::ValueEnum;
use serde::Serialize;
use serde_json::Value;

use crate::error::Error;
use crate::session::{Session, SessionId};

pub use anam::is_uuid;
pub use fields::Fields;

/// The providers avatarctl knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ProviderKind {
    Anam,
    #[value(name = "agenthuman")]
    #[serde(rename = "agenthuman")]
    AgentHuman,
}

impl ProviderKind {
    pub const ALL: [Self; 2] = [Self::Anam, Self::AgentHuman];

    pub fn name(self) -> &'static str {
        match self {
            Self::Anam => "anam",
            Self::AgentHuman => "agenthuman",
        }
    }

    /// The env var that holds this provider's API key.
    pub fn key_env(self) -> &'static str {
        match self {
            Self::Anam => "ANAM_API_KEY",
            Self::AgentHuman => "AGENTHUMAN_API_KEY",
        }
    }

    pub fn default_base_url(self) -> &'static str {
        match self {
            Self::Anam => "https://api.anam.ai",
            Self::AgentHuman => "https://api.agenthuman.com",
        }
    }

    /// The provider's request builder and body parser.
    pub fn api(self) -> &'static dyn Provider {
        match self {
            Self::Anam => &anam::Anam,
            Self::AgentHuman => &agenthuman::AgentHuman,
        }
    }
}

/// How a provider expects the API key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Auth {
    /// `Authorization: Bearer <key>`.
    Bearer,
    /// The key as the value of the named header.
    Header(&'static str),
}

/// How a provider pages its session list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Paging {
    /// Numbered pages of a chosen size; the first answer tells how many there are.
    Numbered { max_per_page: u32 },
    /// Opaque cursors: each page names the next (other avatar platforms page this way).
    Cursor { max_per_page: u32 },
    /// One response holds the whole list.
    Whole,
}

/// Which part of the list to ask for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PageRequest {
    Number {
        page: u32,
        per_page: u32,
    },
    Cursor {
        cursor: Option<String>,
        per_page: u32,
    },
    Whole,
}

/// The server-side filters of `sessions list`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filters {
    pub search: Option<String>,
    pub persona_id: Option<String>,
    pub api_key_id: Option<String>,
    pub status: Option<StatusFilter>,
}

/// AgentHuman's `status` filter, in avatarctl's words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum StatusFilter {
    #[value(alias = "started")]
    Active,
    Ended,
}

/// A request, as a provider describes it: path segments below the base URL and a query.
/// The HTTP layer percent-encodes each segment (so `/`, `?` and `#` stay inside it), and IDs
/// are validated by [`Provider::parse_id`] before: together no ID can change the path (a bare
/// `.` or `..` segment, which URL parsing would resolve, never passes validation).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApiRequest {
    pub segments: Vec<String>,
    pub query: Vec<(&'static str, String)>,
    /// What the request asks for, for error messages: `session <ID>`, `the session list`.
    pub subject: String,
}

impl ApiRequest {
    /// `GET /v1/sessions` with a query, which both providers document.
    fn list(query: Vec<(&'static str, String)>) -> Self {
        Self {
            segments: vec!["v1".into(), "sessions".into()],
            query,
            subject: "the session list".into(),
        }
    }
}

/// One page of a session list.
#[derive(Debug, Default)]
pub struct Page {
    pub sessions: Vec<Session>,
    /// How many sessions the provider has in all, when it says.
    pub total: Option<u64>,
    /// The number of the last page, when the provider pages by number.
    pub last_page: Option<u32>,
    /// The cursor of the next page, when the provider pages by cursor; `None` on the last.
    pub next_cursor: Option<String>,
    /// The page size the provider used, when it says (it may serve fewer than asked for).
    pub per_page: Option<u32>,
}

/// What a provider said about an error, all optional: error bodies are often absent or HTML.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct ErrorBody {
    pub message: Option<String>,
    pub suggestion: Option<String>,
}

pub trait Provider: Sync {
    fn kind(&self) -> ProviderKind;

    fn auth(&self) -> Auth;

    fn paging(&self) -> Paging;

    /// Checks an ID given on the command line; the error says what an ID looks like.
    fn parse_id(&self, raw: &str) -> Result<SessionId, String>;

    /// Refuses the filters this provider cannot apply, saying what to use instead.
    fn check_filters(&self, filters: &Filters) -> Result<(), Error>;

    fn list_request(&self, filters: &Filters, page: PageRequest) -> ApiRequest;

    /// Parses a list response; the error says what was wrong with the body.
    fn parse_list(&self, body: &[u8]) -> Result<Page, String>;

    /// `GET /v1/sessions/{id}`, which both providers document.
    fn get_request(&self, id: &SessionId) -> ApiRequest {
        ApiRequest {
            segments: vec!["v1".into(), "sessions".into(), id.as_str().into()],
            query: Vec::new(),
            subject: format!("session {id}"),
        }
    }

    fn parse_session(&self, body: &[u8]) -> Result<Session, String>;

    /// Reads the provider's message out of an error body, whichever documented shape it has.
    fn parse_error(&self, body: &[u8]) -> ErrorBody {
        parse_error_body(body)
    }
}

/// Reads `message` (a string or a list of strings), else `error` (a string, or an object
/// with `message` and `suggestion`): between them, every error shape Anam and AgentHuman
/// document. Anything else — empty, HTML, another shape — yields no message.
pub fn parse_error_body(body: &[u8]) -> ErrorBody {
    let Ok(Value::Object(map)) = serde_json::from_slice::<Value>(body) else {
        return ErrorBody::default();
    };
    let text = |value: Option<&Value>| -> Option<String> {
        match value? {
            Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_owned()),
            Value::Array(items) => {
                let parts: Vec<&str> = items.iter().filter_map(Value::as_str).collect();
                (!parts.is_empty()).then(|| parts.join("; "))
            }
            _ => None,
        }
    };
    let error = map.get("error");
    let nested = error.and_then(Value::as_object);
    ErrorBody {
        message: text(map.get("message"))
            .or_else(|| text(error))
            .or_else(|| nested.and_then(|e| text(e.get("message")))),
        suggestion: nested.and_then(|e| text(e.get("suggestion"))),
    }
}

/// Takes the session array of a list body out from under the first of `keys` it has (moved,
/// not copied: a page's sessions become their `raw` values), and maps each with `map`.
fn map_list(
    body: &mut Value,
    keys: &[&str],
    map: fn(Value) -> Result<Session, String>,
) -> Result<Vec<Session>, String> {
    let Some(object) = body.as_object_mut() else {
        return Err(format!("the body is {}, not an object", fields::kind(body)));
    };
    let Some((key, items)) = keys
        .iter()
        .find_map(|key| Some((key, object.remove(*key)?)))
    else {
        return Err(format!("the body has no `{}` array", keys[0]));
    };
    let Value::Array(items) = items else {
        return Err(format!("`{key}` is {}, not an array", fields::kind(&items)));
    };
    items
        .into_iter()
        .enumerate()
        .map(|(i, item)| map(item).map_err(|e| format!("session {i} of the list: {e}")))
        .collect()
}

/// Parses a body as a JSON value, with a short description of what was wrong.
fn parse_json(body: &[u8]) -> Result<Value, String> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err("the body is empty".into());
    }
    serde_json::from_slice(body).map_err(|e| match e.classify() {
        serde_json::error::Category::Eof => format!("the JSON ends early ({e})"),
        _ => format!("the body is not valid JSON ({e})"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_bodies_of_every_documented_shape() {
        let cases: &[(&str, Option<&str>, Option<&str>)] = &[
            (
                r#"{"success":false,"error":"Invalid API key"}"#,
                Some("Invalid API key"),
                None,
            ),
            (
                r#"{"success":false,"error":{"message":"Not found","suggestion":"Check the ID","code":"X","details":{}}}"#,
                Some("Not found"),
                Some("Check the ID"),
            ),
            (
                r#"{"error":"API key required"}"#,
                Some("API key required"),
                None,
            ),
            (r#"{"message":"Unauthorized"}"#, Some("Unauthorized"), None),
            (
                r#"{"message":["perPage too big","page too small"],"error":"Bad Request"}"#,
                Some("perPage too big; page too small"),
                None,
            ),
            ("", None, None),
            ("<html><body>502 Bad Gateway</body></html>", None, None),
            ("[1,2]", None, None),
        ];
        for (body, message, suggestion) in cases {
            let parsed = parse_error_body(body.as_bytes());
            assert_eq!(parsed.message.as_deref(), *message, "{body}");
            assert_eq!(parsed.suggestion.as_deref(), *suggestion, "{body}");
        }
    }

    #[test]
    fn bad_bodies_are_described() {
        assert_eq!(parse_json(b"  ").unwrap_err(), "the body is empty");
        assert!(
            parse_json(b"{\"data\": [")
                .unwrap_err()
                .starts_with("the JSON ends early")
        );
        assert!(
            parse_json(b"<html>")
                .unwrap_err()
                .starts_with("the body is not valid JSON")
        );
    }
}
