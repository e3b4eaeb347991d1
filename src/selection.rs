//! What `sessions list` and `sessions stats` select beyond the provider's own filters, checked
//! here on every session: a time window by start, a status, end reasons — and, for `list`,
//! the sort order. No provider documents a date filter or a sort order for its session list,
//! so these are applied client-side; a status the provider can filter is also pushed down.

use std::cmp::Ordering;

use chrono::{DateTime, Utc};
use serde_json::Value;

use crate::model::Session;
use crate::paginate::Selector;
use crate::provider::StatusFilter;
use crate::record::{Kind, Record};
use crate::window::Window;

/// The client-side selection of sessions.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    pub window: Option<Window>,
    pub status: Option<StatusFilter>,
    /// Upper-cased; a session matches one of them exactly, ignoring case.
    pub end_reasons: Vec<String>,
}

/// When a session happened, for windows and time groups: its start, or its creation when it
/// never started.
pub fn start_of(session: &Session) -> Option<DateTime<Utc>> {
    session.started_at.or(session.created_at)
}

impl Selection {
    /// Whether any session could be left out.
    pub fn filters(&self) -> bool {
        self.window.is_some() || self.status.is_some() || !self.end_reasons.is_empty()
    }

    pub fn keeps(&self, session: &Session) -> bool {
        self.in_window(session) && self.has_status(session) && self.has_end_reason(session)
    }

    /// At or after `since`, before `until`; a session with no time at all is in no window.
    fn in_window(&self, session: &Session) -> bool {
        let Some(window) = &self.window else {
            return true;
        };
        let Some(start) = start_of(session) else {
            return window.since.is_none() && window.until.is_none();
        };
        window.since.is_none_or(|since| start >= since)
            && window.until.is_none_or(|until| start < until)
    }

    fn has_status(&self, session: &Session) -> bool {
        self.status.is_none_or(|wanted| {
            session
                .status
                .as_deref()
                .is_some_and(|status| status.eq_ignore_ascii_case(wanted.name()))
        })
    }

    fn has_end_reason(&self, session: &Session) -> bool {
        self.end_reasons.is_empty()
            || session.end_reason.as_deref().is_some_and(|reason| {
                self.end_reasons
                    .iter()
                    .any(|wanted| wanted.eq_ignore_ascii_case(reason.trim()))
            })
    }
}

impl Selector<Session> for Selection {
    fn filters(&self) -> bool {
        Selection::filters(self)
    }

    fn keeps(&self, session: &Session) -> bool {
        Selection::keeps(self, session)
    }

    fn since(&self) -> Option<i64> {
        self.window?.since.map(|since| since.timestamp_millis())
    }

    fn order_key(&self, session: &Session) -> Option<i64> {
        start_of(session).map(|start| start.timestamp_millis())
    }
}

/// `--sort FIELD[,FIELD...]`: session fields, each ascending or (`-`) descending.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SortSpec {
    pub keys: Vec<SortKey>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SortKey {
    pub field: &'static str,
    pub descending: bool,
    kind: Kind,
}

impl SortSpec {
    /// Reads `-started_at,id`; the error lists the fields there are.
    pub fn parse(text: &str) -> Result<Self, String> {
        let schema = Session::SCHEMA;
        let keys = text
            .split(',')
            .map(|part| {
                let part = part.trim();
                let (name, descending) = match part.strip_prefix('-') {
                    Some(name) => (name.trim(), true),
                    None => (part.strip_prefix('+').unwrap_or(part).trim(), false),
                };
                let Some(spec) = schema.field(name) else {
                    let valid: Vec<&str> = schema.fields.iter().map(|f| f.name).collect();
                    return Err(format!(
                        "cannot sort by {name:?} — sort by a session field: {} (`-` before \
                         one for descending, e.g. --sort -started_at)",
                        valid.join(", ")
                    ));
                };
                Ok(SortKey {
                    field: spec.name,
                    descending,
                    kind: spec.kind,
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Self { keys })
    }

    /// Sorts in place, stably (ties keep the provider's order); nulls last either way.
    pub fn sort(&self, sessions: &mut [Session]) {
        sessions.sort_by(|a, b| {
            self.keys
                .iter()
                .map(|key| key.compare(a, b))
                .find(|order| order.is_ne())
                .unwrap_or(Ordering::Equal)
        });
    }
}

impl SortKey {
    fn compare(&self, a: &Session, b: &Session) -> Ordering {
        let (a, b) = (a.value(self.field), b.value(self.field));
        match (a.is_null(), b.is_null()) {
            (true, true) => Ordering::Equal,
            (true, false) => Ordering::Greater,
            (false, true) => Ordering::Less,
            (false, false) => {
                let order = compare_values(&a, &b, self.kind);
                if self.descending {
                    order.reverse()
                } else {
                    order
                }
            }
        }
    }
}

/// Two non-null values of one field: times as instants (their text would not sort when one
/// has fractional seconds), numbers as numbers, the rest as text.
fn compare_values(a: &Value, b: &Value, kind: Kind) -> Ordering {
    let instant = |v: &Value| {
        v.as_str()
            .and_then(|s| DateTime::parse_from_rfc3339(s).ok())
    };
    if kind == Kind::Time
        && let (Some(a), Some(b)) = (instant(a), instant(b))
    {
        return a.cmp(&b);
    }
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => match (x.as_u64(), y.as_u64()) {
            (Some(x), Some(y)) => x.cmp(&y),
            _ => x
                .as_f64()
                .partial_cmp(&y.as_f64())
                .unwrap_or(Ordering::Equal),
        },
        (Value::Bool(x), Value::Bool(y)) => x.cmp(y),
        _ => crate::output::text(a).cmp(&crate::output::text(b)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> Option<DateTime<Utc>> {
        Some(
            DateTime::parse_from_rfc3339(text)
                .unwrap()
                .with_timezone(&Utc),
        )
    }

    fn session(id: &str, started: Option<&str>, created: Option<&str>) -> Session {
        Session {
            started_at: started.and_then(at),
            created_at: created.and_then(at),
            ..Session::bare(id)
        }
    }

    #[test]
    fn windows_include_since_exclude_until_and_fall_back_to_the_creation_time() {
        let selection = Selection {
            window: Some(Window {
                since: at("2026-04-20T00:00:00Z"),
                until: at("2026-04-21T00:00:00Z"),
            }),
            ..Selection::default()
        };
        let keeps = |s: &Session| selection.keeps(s);
        assert!(keeps(&session(
            "on since",
            Some("2026-04-20T00:00:00Z"),
            None
        )));
        assert!(!keeps(&session(
            "on until",
            Some("2026-04-21T00:00:00Z"),
            None
        )));
        assert!(!keeps(&session(
            "a ms before",
            Some("2026-04-19T23:59:59.999Z"),
            None
        )));
        assert!(keeps(&session(
            "never started",
            None,
            Some("2026-04-20T12:00:00Z")
        )));
        assert!(
            !keeps(&session(
                "started outside, created inside",
                Some("2026-04-22T00:00:00Z"),
                Some("2026-04-20T12:00:00Z")
            )),
            "the start decides"
        );
        assert!(!keeps(&session("no time at all", None, None)));
        assert!(Selection::default().keeps(&session("anything", None, None)));
    }

    #[test]
    fn status_and_end_reasons_match_exactly_ignoring_case() {
        let ended = Session {
            status: Some("ended".into()),
            end_reason: Some("Error".into()),
            ..Session::bare("a")
        };
        let by_status = |status| Selection {
            status: Some(status),
            ..Selection::default()
        };
        assert!(by_status(StatusFilter::Ended).keeps(&ended));
        assert!(!by_status(StatusFilter::Active).keeps(&ended));
        assert!(!by_status(StatusFilter::Created).keeps(&Session::bare("no status")));
        let reasons = |list: &[&str]| Selection {
            end_reasons: list.iter().map(|r| r.to_uppercase()).collect(),
            ..Selection::default()
        };
        assert!(reasons(&["ERROR", "TIMEOUT"]).keeps(&ended));
        assert!(!reasons(&["ERR"]).keeps(&ended), "exact, not a substring");
        assert!(!reasons(&["ERROR"]).keeps(&Session::bare("no reason")));
    }

    #[test]
    fn sorting_is_by_typed_values_with_nulls_last_both_ways() {
        let sessions = || {
            vec![
                Session {
                    duration_ms: Some(5),
                    started_at: at("2026-04-20T09:00:00Z"),
                    ..Session::bare("a")
                },
                Session::bare("b"),
                Session {
                    duration_ms: Some(700),
                    started_at: at("2026-04-20T09:00:00.500Z"),
                    ..Session::bare("c")
                },
                Session {
                    duration_ms: Some(5),
                    ..Session::bare("d")
                },
            ]
        };
        let ids = |spec: &str| {
            let mut list = sessions();
            SortSpec::parse(spec).unwrap().sort(&mut list);
            list.into_iter().map(|s| s.id).collect::<Vec<_>>().join("")
        };
        assert_eq!(ids("duration_ms"), "adcb", "ties keep their order");
        assert_eq!(ids("-duration_ms"), "cadb", "nulls last descending too");
        assert_eq!(ids("-duration_ms,-id"), "cdab");
        assert_eq!(
            ids("started_at"),
            "acbd",
            "a fraction of a second later sorts later"
        );
        assert_eq!(ids("-started_at"), "cabd");
        let error = SortSpec::parse("-nope").unwrap_err();
        assert!(
            error.starts_with("cannot sort by \"nope\" — sort by a session field: provider, id"),
            "{error}"
        );
    }
}
