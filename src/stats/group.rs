//! What `--by` groups sessions by: a key's value for one session, time keys read on a
//! [`Clock`] that the command chooses (local time, or UTC with `--utc`) and tests inject.

use std::fmt;
use std::sync::Arc;

use chrono::{DateTime, Datelike, Local, NaiveDateTime, TimeZone, Utc};
use clap::ValueEnum;

use crate::model::Session;
pub use crate::selection::start_of;

/// A `--by` key.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, ValueEnum)]
pub enum GroupKey {
    Provider,
    Status,
    #[value(name = "end_reason", alias = "end-reason")]
    EndReason,
    /// `persona_name`, else `persona_id`.
    Persona,
    Label,
    /// `2026-04-20`, by the session's start.
    Day,
    /// The ISO week, `2026-W17`.
    Week,
    /// `2026-04`.
    Month,
    /// `2026-04-20T09`.
    Hour,
}

impl GroupKey {
    /// The key's name, as `--by` takes it and as JSON and CSV name it.
    pub fn name(self) -> &'static str {
        match self {
            Self::Provider => "provider",
            Self::Status => "status",
            Self::EndReason => "end_reason",
            Self::Persona => "persona",
            Self::Label => "label",
            Self::Day => "day",
            Self::Week => "week",
            Self::Month => "month",
            Self::Hour => "hour",
        }
    }

    /// This key's value for `session`; `None` when the session has none (its own group).
    pub fn value(self, session: &Session, clock: &Clock) -> Option<String> {
        let time = |format: fn(&NaiveDateTime) -> String| {
            start_of(session).map(|start| format(&clock.local_time(&start)))
        };
        match self {
            Self::Provider => Some(session.provider.to_owned()),
            Self::Status => session.status.clone(),
            Self::EndReason => session.end_reason.clone(),
            Self::Persona => session
                .persona_name
                .clone()
                .or_else(|| session.persona_id.clone()),
            Self::Label => session.label.clone(),
            Self::Day => time(|t| t.format("%Y-%m-%d").to_string()),
            Self::Week => time(|t| {
                let week = t.iso_week();
                format!("{:04}-W{:02}", week.year(), week.week())
            }),
            Self::Month => time(|t| t.format("%Y-%m").to_string()),
            Self::Hour => time(|t| t.format("%Y-%m-%dT%H").to_string()),
        }
    }
}

/// The wall clock time keys are read on: an instant to its local date and time.
#[derive(Clone)]
pub struct Clock(Arc<LocalTime>);

/// An instant to its wall-clock date and time in some zone.
type LocalTime = dyn Fn(&DateTime<Utc>) -> NaiveDateTime + Send + Sync;

impl Clock {
    /// UTC (`--utc`).
    pub fn utc() -> Self {
        Self::in_zone(Utc)
    }

    /// The process's local time zone (`TZ`).
    pub fn local() -> Self {
        Self::in_zone(Local)
    }

    /// Any time zone: what tests use, so that they do not depend on the process's `TZ`.
    pub fn in_zone<Tz>(zone: Tz) -> Self
    where
        Tz: TimeZone + Send + Sync + 'static,
    {
        Self(Arc::new(move |time| {
            zone.from_utc_datetime(&time.naive_utc()).naive_local()
        }))
    }

    /// The local date and time of an instant.
    pub fn local_time(&self, time: &DateTime<Utc>) -> NaiveDateTime {
        (self.0)(time)
    }
}

impl fmt::Debug for Clock {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Clock")
    }
}

#[cfg(test)]
mod tests {
    use chrono::{FixedOffset, TimeDelta};

    use super::*;

    fn utc(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text)
            .unwrap()
            .with_timezone(&Utc)
    }

    fn started(at: &str) -> Session {
        Session {
            started_at: Some(utc(at)),
            ..Session::bare("s")
        }
    }

    /// Central European time in 2026 (+01:00, +02:00 from 29 March 01:00 UTC to 25 October
    /// 01:00 UTC): a zone with a change of the clocks, without a tz database.
    fn cet_2026() -> Clock {
        let summer = utc("2026-03-29T01:00:00Z")..utc("2026-10-25T01:00:00Z");
        Clock(Arc::new(move |time| {
            let hours = if summer.contains(time) { 2 } else { 1 };
            time.naive_utc() + TimeDelta::hours(hours)
        }))
    }

    #[test]
    fn keys_parse_case_insensitively_with_their_documented_names() {
        assert_eq!(
            GroupKey::from_str("end_reason", true),
            Ok(GroupKey::EndReason)
        );
        assert_eq!(GroupKey::from_str("DAY", true), Ok(GroupKey::Day));
        for key in GroupKey::value_variants() {
            assert_eq!(GroupKey::from_str(key.name(), false).as_ref(), Ok(key));
        }
    }

    #[test]
    fn text_keys_read_the_session_fields() {
        let clock = Clock::utc();
        let session = Session {
            status: Some("ended".into()),
            end_reason: Some("TIMEOUT".into()),
            persona_id: Some("p-1".into()),
            label: Some("demo".into()),
            ..Session::bare("s")
        };
        let value = |key: GroupKey, s: &Session| key.value(s, &clock);
        assert_eq!(value(GroupKey::Provider, &session).as_deref(), Some("anam"));
        assert_eq!(value(GroupKey::Status, &session).as_deref(), Some("ended"));
        assert_eq!(
            value(GroupKey::EndReason, &session).as_deref(),
            Some("TIMEOUT")
        );
        assert_eq!(value(GroupKey::Persona, &session).as_deref(), Some("p-1"));
        let named = Session {
            persona_name: Some("Cara".into()),
            ..session.clone()
        };
        assert_eq!(value(GroupKey::Persona, &named).as_deref(), Some("Cara"));
        assert_eq!(value(GroupKey::Label, &session).as_deref(), Some("demo"));
        let bare = Session::bare("b");
        for key in [
            GroupKey::Status,
            GroupKey::EndReason,
            GroupKey::Persona,
            GroupKey::Label,
            GroupKey::Day,
            GroupKey::Week,
            GroupKey::Month,
            GroupKey::Hour,
        ] {
            assert_eq!(value(key, &bare), None, "{key:?}");
        }
    }

    #[test]
    fn time_keys_are_written_as_documented() {
        let clock = Clock::utc();
        let session = started("2026-04-20T09:15:00Z");
        let value = |key: GroupKey| key.value(&session, &clock).unwrap();
        assert_eq!(value(GroupKey::Day), "2026-04-20");
        assert_eq!(value(GroupKey::Week), "2026-W17");
        assert_eq!(value(GroupKey::Month), "2026-04");
        assert_eq!(value(GroupKey::Hour), "2026-04-20T09");
    }

    #[test]
    fn a_session_that_never_started_is_placed_by_its_creation() {
        let session = Session {
            created_at: Some(utc("2026-04-19T23:59:59Z")),
            ..Session::bare("s")
        };
        assert_eq!(
            GroupKey::Day.value(&session, &Clock::utc()).as_deref(),
            Some("2026-04-19")
        );
    }

    #[test]
    fn iso_weeks_belong_to_their_own_year_at_the_boundary() {
        let clock = Clock::utc();
        let week = |at| GroupKey::Week.value(&started(at), &clock).unwrap();
        // 1 January 2027 is a Friday: still week 53 of 2026.
        assert_eq!(week("2027-01-01T12:00:00Z"), "2026-W53");
        assert_eq!(week("2027-01-03T23:00:00Z"), "2026-W53");
        assert_eq!(week("2027-01-04T00:00:00Z"), "2027-W01");
        // 29 December 2025 is a Monday: week 1 of 2026.
        assert_eq!(week("2025-12-29T00:00:00Z"), "2026-W01");
        assert_eq!(week("2025-12-28T23:59:59Z"), "2025-W52");
    }

    #[test]
    fn time_keys_follow_the_zone_across_a_change_of_the_clocks() {
        let clock = cet_2026();
        let day = |at| GroupKey::Day.value(&started(at), &clock).unwrap();
        let hour = |at| GroupKey::Hour.value(&started(at), &clock).unwrap();
        // Winter: local midnight is 23:00 UTC the day before.
        assert_eq!(day("2026-03-27T22:59:00Z"), "2026-03-27");
        assert_eq!(day("2026-03-27T23:00:00Z"), "2026-03-28");
        // Summer: local midnight is 22:00 UTC.
        assert_eq!(day("2026-03-29T21:59:00Z"), "2026-03-29");
        assert_eq!(day("2026-03-29T22:00:00Z"), "2026-03-30");
        // The change itself: 00:59 UTC is 01:59 local, 01:00 UTC is 03:00 local.
        assert_eq!(hour("2026-03-29T00:59:00Z"), "2026-03-29T01");
        assert_eq!(hour("2026-03-29T01:00:00Z"), "2026-03-29T03");
        // The same instants in UTC and at a fixed offset.
        let utc_day = GroupKey::Day.value(&started("2026-03-29T22:00:00Z"), &Clock::utc());
        assert_eq!(utc_day.as_deref(), Some("2026-03-29"));
        let tokyo = Clock::in_zone(FixedOffset::east_opt(9 * 3600).unwrap());
        let tokyo_day = GroupKey::Day.value(&started("2026-03-29T15:00:00Z"), &tokyo);
        assert_eq!(tokyo_day.as_deref(), Some("2026-03-30"));
    }
}
