//! Providers describe their API without doing any I/O ("sans-IO").
//!
//! The provider table ([`kind`]) says who each provider is and what it can do; each provider's
//! folder holds its mapper, one file per resource: request builders and body parsers that turn
//! a response into normalized records ([`crate::model`]). The HTTP layer sends what a mapper
//! builds; the paginator drives its paging. Nothing here touches the network, so each mapper
//! is unit-tested on the bodies its documentation shows (`tests/fixtures/`).

mod agenthuman;
mod anam;
mod beyondpresence;
pub mod json;
pub mod kind;
mod project;
mod scan;
mod stream;
mod tavus;

pub use json::Raw;

use crate::model::{Aggregate, Report, Session, SessionId, Transcript, Usage};
use crate::window::Window;

pub use anam::is_uuid;
pub use json::{BodyError, FieldProblem, Listed, Mapped, MappingNotes};
pub use kind::{Auth, Filter, Paging, ProviderInfo, ProviderKind, Resource};

/// The mapper of a provider.
pub fn mapper(kind: ProviderKind) -> &'static dyn Provider {
    match kind {
        ProviderKind::Anam => &anam::Anam,
        ProviderKind::AgentHuman => &agenthuman::AgentHuman,
        ProviderKind::Tavus => &tavus::Tavus,
        ProviderKind::BeyondPresence => &beyondpresence::BeyondPresence,
    }
}

/// A provider's mapper: its ID rule, and one part per resource. A resource a provider lacks
/// will be an `Option` that is `None` (every provider has sessions).
pub trait Provider: Sync {
    fn info(&self) -> &'static ProviderInfo;

    /// Checks an ID given on the command line; the error says what an ID looks like.
    fn parse_id(&self, raw: &str) -> Result<SessionId, String>;

    fn sessions(&self) -> &dyn Sessions;

    /// [`Resource::Transcript`]; the table's `resources` must agree (a test checks).
    fn transcripts(&self) -> Option<&dyn Transcripts> {
        None
    }

    /// [`Resource::Recording`].
    fn recordings(&self) -> Option<&dyn Recordings> {
        None
    }

    /// [`Resource::Usage`].
    fn usage(&self) -> Option<&dyn UsageReport> {
        None
    }

    /// The cheapest authenticated request, for `auth status`: by default the first page of
    /// the session list, one session long.
    fn probe_request(&self) -> ApiRequest {
        let page = match self.info().paging {
            Paging::Numbered { .. } => PageRequest::Number {
                page: 1,
                per_page: 1,
            },
            Paging::Cursor { .. } => PageRequest::Cursor {
                cursor: None,
                per_page: 1,
            },
            Paging::Whole => PageRequest::Whole,
        };
        let mut request = self.sessions().list_request(&Filters::default(), page);
        request.subject = "the API key's check".into();
        request
    }

    /// [`Resource::Analytics`]; the table's `resources` must agree (a test checks).
    fn analytics(&self) -> Option<&dyn Analytics> {
        None
    }
}

/// A session's recording, as a presigned download URL.
pub trait Recordings: Sync {
    fn recording_request(&self, id: &SessionId) -> ApiRequest;

    /// The download URL of session `id`'s recording.
    fn parse_recording(&self, body: &[u8]) -> Result<String, BodyError>;
}

/// What the organization has left and is using now.
pub trait UsageReport: Sync {
    fn usage_request(&self) -> ApiRequest;

    fn parse_usage(&self, body: &[u8]) -> Result<Mapped<Usage>, BodyError>;
}

impl ApiRequest {
    /// A GET of an organization-wide report at `segments`: a 404 there is a wrong base URL,
    /// not a wrong ID.
    fn report(segments: &[&str], subject: &str) -> Self {
        let path = segments.join("/");
        Self::get(segments, subject.to_owned()).not_found(
            format!("no {subject} at GET /{path}"),
            "check --base-url: the host, and any path prefix",
        )
    }
}

/// What was said in a session.
pub trait Transcripts: Sync {
    fn transcript_request(&self, id: &SessionId) -> ApiRequest;

    /// Whether the transcript needs the session fetched alongside for its start and end
    /// (its messages carry only their own times).
    fn session_alongside(&self) -> bool {
        false
    }

    /// The transcript of session `id`.
    fn parse_transcript(
        &self,
        id: &SessionId,
        body: &[u8],
    ) -> Result<Mapped<Transcript>, BodyError>;
}

/// Per-turn latency reports of sessions, and their aggregate over a window.
pub trait Analytics: Sync {
    /// The report of session `id`; `messages`: with each turn's user and persona text.
    fn report_request(&self, id: &SessionId, messages: bool) -> ApiRequest;

    /// The report of session `id`.
    fn parse_report(&self, id: &SessionId, body: &[u8]) -> Result<Mapped<Report>, BodyError>;

    /// The aggregate report over a window, with filters.
    fn aggregate_request(&self, query: &AggregateQuery) -> ApiRequest;

    fn parse_aggregate(&self, body: &[u8]) -> Result<Mapped<Aggregate>, BodyError>;
}

/// What the aggregate analytics report covers: a window (an end not given is the provider's
/// default) and the sessions it counts.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AggregateQuery {
    pub window: Option<Window>,
    pub persona_id: Option<String>,
    pub api_key_id: Option<String>,
    /// The client label, matched exactly.
    pub label: Option<String>,
    /// The session type, as the provider names it (`turnkey`, `livekit`, …).
    pub session_type: Option<String>,
}

/// The session list and one session.
pub trait Sessions: Sync {
    fn list_request(&self, filters: &Filters, page: PageRequest) -> ApiRequest;

    /// A page of the list; its sessions keep their provider objects as `raw` says.
    fn parse_list(&self, body: &[u8], raw: Raw) -> Result<Page<Session>, BodyError>;

    /// A list body read record by record, each handed to `each` (which returns `false` to
    /// stop) before the next is read, so that memory holds one session rather than the list:
    /// what a whole-list provider's ([`Paging::Whole`]) one response is read with.
    fn each_in_list(
        &self,
        body: &[u8],
        raw: Raw,
        each: &mut dyn FnMut(Listed<Session>) -> bool,
    ) -> Result<(), BodyError>;

    /// `GET /v1/sessions/{id}`, which both providers document.
    fn get_request(&self, id: &SessionId) -> ApiRequest {
        ApiRequest::get(&["v1", "sessions", id.as_str()], format!("session {id}"))
    }

    /// One session; a body without a usable ID is malformed.
    fn parse_session(&self, body: &[u8]) -> Result<Mapped<Session>, BodyError>;
}

/// A session mapped field by field, given its provider object back as `raw` with the
/// problems its reader noticed. (Taking `problems` first lets a caller end the reader's
/// borrow of the object before handing the object over.)
fn mapped(
    problems: Vec<FieldProblem>,
    session: Session,
    raw: Option<json::Kept<'_>>,
) -> Mapped<Session> {
    Mapped {
        record: Session {
            raw: raw.map_or_else(crate::model::RawObject::null, |raw| {
                crate::model::RawObject::from_text(
                    raw.text.into(),
                    raw.verbatim == json::Verbatim::Yes,
                )
            }),
            ..session
        },
        problems,
    }
}

/// The time from the session's start to `at`, when both are known.
pub(crate) fn offset_ms(
    started_at: Option<chrono::DateTime<chrono::Utc>>,
    at: Option<chrono::DateTime<chrono::Utc>>,
) -> Option<i64> {
    Some((at? - started_at?).num_milliseconds())
}

/// A transcript role in avatarctl's words: `user`, `persona`, `system`, `tool`; another as
/// sent, in lower case.
pub(crate) fn message_role(role: &str) -> String {
    let lower = role.trim().to_ascii_lowercase();
    match lower.as_str() {
        "assistant" | "ai" | "agent" | "replica" => "persona".to_owned(),
        _ => lower,
    }
}

/// Checks an ID of letters, digits, `_` and `-` (at most 128), as AgentHuman and Tavus use.
fn word_id(raw: &str, provider: &str, example: &str) -> Result<SessionId, String> {
    let valid = !raw.is_empty()
        && raw.len() <= 128
        && raw
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
    if valid {
        Ok(SessionId::validated(raw))
    } else {
        let article = if provider.starts_with(['a', 'e', 'i', 'o', 'u']) {
            "an"
        } else {
            "a"
        };
        Err(format!(
            "{raw:?} is not {article} {provider} session ID — IDs are letters, digits, _ and -, \
             such as {example}"
        ))
    }
}

/// One record of a body already parsed (a single session's answer), as text for its mapper.
fn as_text(value: &serde_json::Value) -> String {
    value.to_string()
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

impl Filters {
    /// The filters that are set.
    fn given(&self) -> Vec<Filter> {
        [
            (Filter::Search, self.search.is_some()),
            (Filter::PersonaId, self.persona_id.is_some()),
            (Filter::ApiKeyId, self.api_key_id.is_some()),
            (Filter::Status, self.status.is_some()),
        ]
        .into_iter()
        .filter_map(|(filter, given)| given.then_some(filter))
        .collect()
    }

    /// Refuses a filter the provider cannot apply, saying who can and what to do instead.
    /// The one place that writes this message, for every provider and filter.
    pub fn check(&self, info: &ProviderInfo) -> Result<(), String> {
        let Some(missing) = self
            .given()
            .into_iter()
            .find(|filter| !info.filters.contains(filter))
        else {
            return Ok(());
        };
        let own: Vec<&str> = info.filters.iter().map(|f| f.flag()).collect();
        let others = kind::providers_with(|row| row.filters.contains(&missing));
        Err(format!(
            "{} has no {} filter (its filters: {}) — {} works with {}; filter the output \
             instead, e.g. -o json | jq",
            info.name,
            missing.noun(),
            own.join(", "),
            missing.flag(),
            others.join(", ")
        ))
    }
}

/// The `status` filter, in avatarctl's words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StatusFilter {
    Active,
    Ended,
    Created,
}

impl StatusFilter {
    /// The normalized `status` it selects.
    pub fn name(self) -> &'static str {
        match self {
            Self::Active => "active",
            Self::Ended => "ended",
            Self::Created => "created",
        }
    }
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
    /// Whether it asks for a list (whose path is the provider's, so a 404 there means the
    /// base URL is wrong).
    pub lists: bool,
    /// Whether the answer is a whole list in one body, which may be far larger than a page.
    pub whole_list: bool,
    /// What a 404 means here, when it means more than a wrong ID (a transcript that does
    /// not exist yet): said in place of "not found — check the ID".
    pub not_found: Option<NotFound>,
    /// Whether the body holds what users said (transcripts, turn texts): never quoted in the
    /// `-v` log or in an error.
    pub private: bool,
}

/// What a 404 means for one request, as the provider documents it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NotFound {
    /// What is missing: `no transcript for session 3f1c…`.
    pub what: String,
    /// Why it may be, and what to do: `the session may still be running, or …`.
    pub why: String,
}

impl ApiRequest {
    /// A GET of one thing at the path `segments`, asking for `subject`.
    pub fn get(segments: &[&str], subject: String) -> Self {
        Self {
            segments: segments.iter().map(|s| (*s).to_owned()).collect(),
            query: Vec::new(),
            subject,
            lists: false,
            whole_list: false,
            not_found: None,
            private: false,
        }
    }

    /// `GET /v1/sessions` with a query, which Anam and AgentHuman document, for `page`.
    fn list(query: Vec<(&'static str, String)>, page: &PageRequest) -> Self {
        Self::list_at(&["v1", "sessions"], query, page)
    }

    /// A provider's session list at `segments`, with a query, for `page`.
    fn list_at(segments: &[&str], query: Vec<(&'static str, String)>, page: &PageRequest) -> Self {
        Self {
            query,
            lists: true,
            whole_list: *page == PageRequest::Whole,
            ..Self::get(segments, "the session list".into())
        }
    }

    /// Says what a 404 means here (see [`NotFound`]).
    pub fn not_found(mut self, what: String, why: &str) -> Self {
        self.not_found = Some(NotFound {
            what,
            why: why.to_owned(),
        });
        self
    }

    /// Marks the body as users' words (see [`ApiRequest::private`]).
    pub fn private(mut self) -> Self {
        self.private = true;
        self
    }
}

/// One page of a list.
#[derive(Debug)]
pub struct Page<R> {
    pub records: Vec<R>,
    /// How many records the provider has in all, when it says.
    pub total: Option<u64>,
    /// The number of the last page, when the provider pages by number.
    pub last_page: Option<u32>,
    /// The cursor of the next page, when the provider pages by cursor; `None` on the last.
    pub next_cursor: Option<String>,
    /// The page size the provider used, when it says (it may serve fewer than asked for).
    pub per_page: Option<u32>,
    /// Fields shown as null, and records skipped, while mapping the page.
    pub notes: MappingNotes,
}

impl<R> Default for Page<R> {
    fn default() -> Self {
        Self {
            records: Vec::new(),
            total: None,
            last_page: None,
            next_cursor: None,
            per_page: None,
            notes: MappingNotes::default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::RawObject;
    use serde_json::Value;

    #[test]
    fn each_mapper_has_the_resources_its_row_names() {
        for kind in ProviderKind::all() {
            let (mapper, resources) = (mapper(kind), kind.info().resources);
            let has = |resource| resources.contains(&resource);
            let parts = [
                (mapper.transcripts().is_some(), Resource::Transcript),
                (mapper.recordings().is_some(), Resource::Recording),
                (mapper.analytics().is_some(), Resource::Analytics),
                (mapper.usage().is_some(), Resource::Usage),
            ];
            for (implemented, resource) in parts {
                assert_eq!(implemented, has(resource), "{kind}: {resource:?}");
            }
        }
    }

    #[test]
    fn a_list_read_without_its_provider_objects_maps_the_same_sessions() {
        let odd = r#"{"id":"x","session_id":"x","conversation_id":"x","startTime":"yesterday",
            "started_at":5,"duration":"long","personaConfig":"p","avatar":[1]}"#;
        for kind in ProviderKind::all() {
            let documented = match kind {
                ProviderKind::Anam => include_str!("../../tests/fixtures/anam_list.json"),
                ProviderKind::AgentHuman => {
                    include_str!("../../tests/fixtures/agenthuman_list.json")
                }
                ProviderKind::Tavus => include_str!("../../tests/fixtures/tavus_list.json"),
                ProviderKind::BeyondPresence => {
                    include_str!("../../tests/fixtures/beyondpresence_list.json")
                }
            };
            let key = if kind == ProviderKind::AgentHuman {
                "sessions"
            } else {
                "data"
            };
            // A key with a lone surrogate escape, which only a record's own projection
            // refuses, and an object that begins like serde_json's private number.
            let bad_key = r#"{"id":"y","session_id":"y","conversation_id":"y","\ud800":1}"#;
            let number = r#"{"id":"z","session_id":"z","conversation_id":"z",
                "personaConfig":{"$serde_json::private::Number":"1","name":"n"}}"#;
            let odd = format!(
                r#"{{"{key}":[{odd},"text",{bad_key},{{"no":"id"}},{number},{{"id":"w"}}],"meta":{{"total":3}}}}"#
            );
            for body in [documented, odd.as_str()] {
                let sessions = mapper(kind).sessions();
                let kept = sessions.parse_list(body.as_bytes(), Raw::Keep).unwrap();
                let skipped = sessions.parse_list(body.as_bytes(), Raw::Skip).unwrap();
                assert!(!kept.records.is_empty(), "{kind}");
                assert_eq!(skipped.notes, kept.notes, "{kind}");
                assert_eq!(
                    (skipped.total, skipped.last_page),
                    (kept.total, kept.last_page)
                );
                let without_raw = |session: &Session| Session {
                    raw: RawObject::null(),
                    ..session.clone()
                };
                for (skipped, kept) in skipped.records.iter().zip(&kept.records) {
                    // (The odd body is read again with its text, for its bad key.)
                    if body == documented {
                        assert_ne!(*kept.raw.tree(), Value::Null, "{kind}");
                        assert_eq!(*skipped.raw.tree(), Value::Null, "{kind}");
                    }
                    assert_eq!(without_raw(skipped), without_raw(kept), "{kind}");
                }
                assert_eq!(skipped.records.len(), kept.records.len());
                if body != documented {
                    let ids: Vec<&str> = skipped.records.iter().map(|r| r.id.as_str()).collect();
                    assert!(ids.contains(&"x") && ids.contains(&"z"), "{kind}: {ids:?}");
                    assert!(
                        !ids.contains(&"y"),
                        "{kind}: the bad key's record is skipped"
                    );
                }
            }
        }
    }

    #[test]
    fn a_filter_a_provider_lacks_is_refused_naming_who_has_it() {
        let status = Filters {
            status: Some(StatusFilter::Ended),
            ..Filters::default()
        };
        assert_eq!(
            status.check(ProviderKind::Anam.info()).unwrap_err(),
            "anam has no status filter (its filters: --search, --persona-id, --api-key-id) — \
             --status works with agenthuman, tavus; filter the output instead, e.g. -o json | jq"
        );
        assert!(status.check(ProviderKind::AgentHuman.info()).is_ok());
        let search = Filters {
            search: Some("x".into()),
            ..Filters::default()
        };
        let refused = search.check(ProviderKind::AgentHuman.info()).unwrap_err();
        assert!(
            refused.starts_with("agenthuman has no search filter"),
            "{refused}"
        );
        assert!(search.check(ProviderKind::Anam.info()).is_ok());
        assert!(Filters::default().check(ProviderKind::Anam.info()).is_ok());
    }
}
