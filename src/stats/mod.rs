//! `sessions stats` without I/O: a [`Stats`] accumulator fed one session at a time, grouped
//! by `--by` keys, which ends in a [`Report`] of the documented metrics for each group and
//! for the total; `--check` gates on that total ([`check`]); and the report in every output
//! format ([`render`]).
//!
//! Memory grows by the durations alone — each known duration is stored once, in its group
//! ([`durations`]) — and never by the session, so a month of sessions aggregates in a few
//! bytes each.

pub mod check;
pub mod durations;
pub mod group;
pub mod render;

use std::cmp::Ordering;
use std::collections::HashMap;

use chrono::{DateTime, Utc};
use serde_json::Value;

use crate::model::Session;
use crate::model::session::format_utc;
use durations::{Durations, Summary, summarize};
pub use group::{Clock, GroupKey, start_of};

/// Which end reasons count as errors (`--error-reasons`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum ErrorReasons {
    /// Any reason containing `ERROR` or `FAIL`, in any case.
    #[default]
    Default,
    /// These reasons exactly, in any case.
    Exact(Vec<String>),
}

impl ErrorReasons {
    /// The reasons of `--error-reasons A,B`, blanks left out; none at all is the default.
    pub fn exact<S: AsRef<str>>(reasons: &[S]) -> Self {
        let reasons: Vec<String> = reasons
            .iter()
            .map(|r| r.as_ref().trim().to_owned())
            .filter(|r| !r.is_empty())
            .collect();
        if reasons.is_empty() {
            Self::Default
        } else {
            Self::Exact(reasons)
        }
    }

    pub fn matches(&self, reason: &str) -> bool {
        match self {
            Self::Default => {
                let upper = reason.to_uppercase();
                upper.contains("ERROR") || upper.contains("FAIL")
            }
            Self::Exact(reasons) => reasons.iter().any(|r| eq_ignore_case(r, reason)),
        }
    }
}

fn eq_ignore_case(a: &str, b: &str) -> bool {
    a.eq_ignore_ascii_case(b) || a.to_lowercase() == b.to_lowercase()
}

/// One group's running counts.
#[derive(Clone, Debug, Default)]
struct Tally {
    sessions: u64,
    active: u64,
    ended: u64,
    errors: u64,
    /// Ended sessions with no known duration: left out of minutes and percentiles.
    duration_unknown: u64,
    durations: Durations,
    first_started: Option<DateTime<Utc>>,
    last_started: Option<DateTime<Utc>>,
}

impl Tally {
    fn add(&mut self, session: &Session, reasons: &ErrorReasons) {
        self.sessions += 1;
        let status = session.status.as_deref().unwrap_or_default();
        if status.eq_ignore_ascii_case("active") {
            self.active += 1;
        }
        if status.eq_ignore_ascii_case("ended") {
            self.ended += 1;
            if session
                .end_reason
                .as_deref()
                .is_some_and(|r| reasons.matches(r))
            {
                self.errors += 1;
            }
            match session.duration_ms {
                Some(ms) => self.durations.push(ms),
                None => self.duration_unknown += 1,
            }
        }
        if let Some(started) = session.started_at {
            self.first_started = Some(self.first_started.map_or(started, |t| t.min(started)));
            self.last_started = Some(self.last_started.map_or(started, |t| t.max(started)));
        }
    }

    /// The counts of several tallies, durations aside (they stay where they are).
    fn counts_of<'a>(tallies: impl IntoIterator<Item = &'a Tally>) -> Tally {
        tallies.into_iter().fold(Tally::default(), |mut sum, t| {
            sum.sessions += t.sessions;
            sum.active += t.active;
            sum.ended += t.ended;
            sum.errors += t.errors;
            sum.duration_unknown += t.duration_unknown;
            sum.first_started = earliest(sum.first_started, t.first_started);
            sum.last_started = latest(sum.last_started, t.last_started);
            sum
        })
    }

    fn metrics(&self, durations: Summary) -> Metrics {
        let [p50, p90, p95] = durations.percentiles;
        Metrics {
            sessions: self.sessions,
            active: self.active,
            ended: self.ended,
            errors: self.errors,
            error_rate: (self.ended > 0).then(|| self.errors as f64 / self.ended as f64),
            minutes: durations.sum as f64 / 60_000.0,
            duration_ms_mean: durations.mean,
            duration_ms_p50: p50,
            duration_ms_p90: p90,
            duration_ms_p95: p95,
            duration_ms_max: durations.max,
            first_started_at: self.first_started,
            last_started_at: self.last_started,
            duration_unknown: self.duration_unknown,
        }
    }
}

fn earliest(a: Option<DateTime<Utc>>, b: Option<DateTime<Utc>>) -> Option<DateTime<Utc>> {
    a.into_iter().chain(b).min()
}

fn latest(a: Option<DateTime<Utc>>, b: Option<DateTime<Utc>>) -> Option<DateTime<Utc>> {
    a.into_iter().chain(b).max()
}

/// A group's key: one value per `--by` key, in their order (`None`: the session had none).
pub type Key = Vec<Option<String>>;

/// The accumulator: sessions in, one at a time; a [`Report`] out.
#[derive(Debug)]
pub struct Stats {
    keys: Vec<GroupKey>,
    reasons: ErrorReasons,
    clock: Clock,
    groups: HashMap<Key, Tally>,
}

impl Stats {
    /// Groups by `keys` (none: one group, the total), counting `reasons` as errors and
    /// reading time keys on `clock`.
    pub fn new(keys: Vec<GroupKey>, reasons: ErrorReasons, clock: Clock) -> Self {
        Self {
            keys,
            reasons,
            clock,
            groups: HashMap::new(),
        }
    }

    pub fn add(&mut self, session: &Session) {
        let key: Key = self
            .keys
            .iter()
            .map(|k| k.value(session, &self.clock))
            .collect();
        self.groups
            .entry(key)
            .or_default()
            .add(session, &self.reasons);
    }

    /// The metrics of every group, in key order (nulls last), and of the total.
    pub fn finish(self) -> Report {
        let mut groups: Vec<(Key, Tally)> = self.groups.into_iter().collect();
        for (_, tally) in &mut groups {
            tally.durations.sort();
        }
        groups.sort_by(|a, b| compare_keys(&a.0, &b.0));
        let parts: Vec<&Durations> = groups.iter().map(|(_, t)| &t.durations).collect();
        let total = Tally::counts_of(groups.iter().map(|(_, t)| t)).metrics(summarize(&parts));
        // Without --by, the one group is the total.
        let groups = groups
            .iter()
            .filter(|_| !self.keys.is_empty())
            .map(|(key, tally)| Group {
                key: key.clone(),
                metrics: tally.metrics(tally.durations.summary()),
            })
            .collect();
        Report {
            keys: self.keys,
            total,
            groups,
        }
    }
}

/// Keys in order, value by value; a null value after every other.
fn compare_keys(a: &Key, b: &Key) -> Ordering {
    for (a, b) in a.iter().zip(b) {
        let order = match (a, b) {
            (Some(a), Some(b)) => a.cmp(b),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        };
        if order != Ordering::Equal {
            return order;
        }
    }
    Ordering::Equal
}

/// What `sessions stats` reports, for the total and for each group.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    pub keys: Vec<GroupKey>,
    pub total: Metrics,
    /// Empty without `--by`.
    pub groups: Vec<Group>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Group {
    pub key: Key,
    pub metrics: Metrics,
}

/// The metrics of a group or of the total.
#[derive(Clone, Debug, PartialEq)]
pub struct Metrics {
    pub sessions: u64,
    pub active: u64,
    pub ended: u64,
    pub errors: u64,
    /// Errors per ended session; `None` without ended sessions.
    pub error_rate: Option<f64>,
    /// The known durations of ended sessions, summed, in minutes.
    pub minutes: f64,
    pub duration_ms_mean: Option<u64>,
    pub duration_ms_p50: Option<u64>,
    pub duration_ms_p90: Option<u64>,
    pub duration_ms_p95: Option<u64>,
    pub duration_ms_max: Option<u64>,
    pub first_started_at: Option<DateTime<Utc>>,
    pub last_started_at: Option<DateTime<Utc>>,
    /// Ended sessions with no duration: not a reported metric, but said on stderr.
    pub duration_unknown: u64,
}

/// A reported metric, by its documented name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Metric {
    Sessions,
    Active,
    Ended,
    Errors,
    ErrorRate,
    Minutes,
    DurationMean,
    DurationP50,
    DurationP90,
    DurationP95,
    DurationMax,
    FirstStartedAt,
    LastStartedAt,
}

/// What a metric measures, which decides how it is written and what a check compares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Measure {
    Count,
    /// A fraction: a percentage in tables.
    Rate,
    Minutes,
    /// Milliseconds: words in tables.
    Duration,
    Time,
}

impl Metric {
    /// Every metric, in the documented order (the columns of the table and the CSV).
    pub const ALL: [Metric; 13] = [
        Self::Sessions,
        Self::Active,
        Self::Ended,
        Self::Errors,
        Self::ErrorRate,
        Self::Minutes,
        Self::DurationMean,
        Self::DurationP50,
        Self::DurationP90,
        Self::DurationP95,
        Self::DurationMax,
        Self::FirstStartedAt,
        Self::LastStartedAt,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Self::Sessions => "sessions",
            Self::Active => "active",
            Self::Ended => "ended",
            Self::Errors => "errors",
            Self::ErrorRate => "error_rate",
            Self::Minutes => "minutes",
            Self::DurationMean => "duration_ms_mean",
            Self::DurationP50 => "duration_ms_p50",
            Self::DurationP90 => "duration_ms_p90",
            Self::DurationP95 => "duration_ms_p95",
            Self::DurationMax => "duration_ms_max",
            Self::FirstStartedAt => "first_started_at",
            Self::LastStartedAt => "last_started_at",
        }
    }

    /// A metric by its exact name.
    pub fn named(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.name() == name)
    }

    pub fn measure(self) -> Measure {
        match self {
            Self::Sessions | Self::Active | Self::Ended | Self::Errors => Measure::Count,
            Self::ErrorRate => Measure::Rate,
            Self::Minutes => Measure::Minutes,
            Self::DurationMean
            | Self::DurationP50
            | Self::DurationP90
            | Self::DurationP95
            | Self::DurationMax => Measure::Duration,
            Self::FirstStartedAt | Self::LastStartedAt => Measure::Time,
        }
    }
}

/// A metric's value.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Reading {
    Number(f64),
    Count(u64),
    Time(DateTime<Utc>),
    /// No data: no ended sessions for a rate, no known durations for a duration.
    None,
}

impl Metrics {
    pub fn get(&self, metric: Metric) -> Reading {
        let count = Reading::Count;
        let ms = |v: Option<u64>| v.map_or(Reading::None, Reading::Count);
        let time = |v: Option<DateTime<Utc>>| v.map_or(Reading::None, Reading::Time);
        match metric {
            Metric::Sessions => count(self.sessions),
            Metric::Active => count(self.active),
            Metric::Ended => count(self.ended),
            Metric::Errors => count(self.errors),
            Metric::ErrorRate => self.error_rate.map_or(Reading::None, Reading::Number),
            Metric::Minutes => Reading::Number(self.minutes),
            Metric::DurationMean => ms(self.duration_ms_mean),
            Metric::DurationP50 => ms(self.duration_ms_p50),
            Metric::DurationP90 => ms(self.duration_ms_p90),
            Metric::DurationP95 => ms(self.duration_ms_p95),
            Metric::DurationMax => ms(self.duration_ms_max),
            Metric::FirstStartedAt => time(self.first_started_at),
            Metric::LastStartedAt => time(self.last_started_at),
        }
    }

    /// A metric as JSON and CSV write it: counts and milliseconds as integers, `minutes`
    /// to the hundredth, `error_rate` a fraction to four places, times RFC 3339 UTC.
    pub fn json(&self, metric: Metric) -> Value {
        match (metric, self.get(metric)) {
            (_, Reading::None) => Value::Null,
            (_, Reading::Count(n)) => n.into(),
            (_, Reading::Time(t)) => format_utc(&t).into(),
            (Metric::ErrorRate, Reading::Number(x)) => round_to(x, 4).into(),
            (_, Reading::Number(x)) => round_to(x, 2).into(),
        }
    }
}

/// `x` to `places` decimal places, as a float.
fn round_to(x: f64, places: i32) -> f64 {
    let scale = 10f64.powi(places);
    let rounded = (x * scale).round() / scale;
    if rounded.is_finite() { rounded } else { x }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text)
            .unwrap()
            .with_timezone(&Utc)
    }

    /// An ended session, started at `at`, of `ms` (if known), for `reason`.
    pub(super) fn ended(id: &str, at: &str, ms: Option<u64>, reason: Option<&str>) -> Session {
        Session {
            status: Some("ended".into()),
            started_at: Some(utc(at)),
            duration_ms: ms,
            end_reason: reason.map(str::to_owned),
            ..Session::bare(id)
        }
    }

    fn active(id: &str, at: &str) -> Session {
        Session {
            status: Some("active".into()),
            started_at: Some(utc(at)),
            ..Session::bare(id)
        }
    }

    #[test]
    fn default_error_reasons_contain_error_or_fail_in_any_case() {
        let reasons = ErrorReasons::default();
        for yes in [
            "ERROR",
            "error",
            "LLM_ERROR",
            "Failed",
            "CONNECTION_FAILURE",
            "fail",
        ] {
            assert!(reasons.matches(yes), "{yes}");
        }
        for no in ["USER_LEFT", "TIMEOUT", "", "FAI L"] {
            assert!(!reasons.matches(no), "{no}");
        }
    }

    #[test]
    fn custom_error_reasons_match_exactly_in_any_case() {
        let reasons = ErrorReasons::exact(&["timeout", " ERROR ", ""]);
        assert_eq!(
            reasons,
            ErrorReasons::Exact(vec!["timeout".into(), "ERROR".into()])
        );
        assert!(reasons.matches("TIMEOUT"));
        assert!(reasons.matches("Error"));
        assert!(!reasons.matches("LLM_ERROR"), "exact, not contained");
        assert!(!reasons.matches("FAILED"));
        assert_eq!(ErrorReasons::exact::<&str>(&[]), ErrorReasons::Default);
    }

    #[test]
    fn the_total_counts_by_hand() {
        let mut stats = Stats::new(Vec::new(), ErrorReasons::default(), Clock::utc());
        for session in [
            ended("a", "2026-04-20T09:00:00Z", Some(60_000), Some("USER_LEFT")),
            ended(
                "b",
                "2026-04-20T10:00:00Z",
                Some(120_000),
                Some("LLM_ERROR"),
            ),
            ended("c", "2026-04-20T11:00:00Z", None, Some("TIMEOUT")),
            ended("d", "2026-04-19T08:00:00Z", Some(574_200), None),
            active("e", "2026-04-21T12:00:00Z"),
            Session {
                status: Some("created".into()),
                ..Session::bare("f")
            },
        ] {
            stats.add(&session);
        }
        let report = stats.finish();
        assert!(report.groups.is_empty());
        let total = &report.total;
        assert_eq!(total.sessions, 6);
        assert_eq!(total.active, 1);
        assert_eq!(total.ended, 4);
        assert_eq!(total.errors, 1);
        assert_eq!(total.error_rate, Some(0.25));
        // 60 000 + 120 000 + 574 200 = 754 200 ms = 12.57 minutes.
        assert!((total.minutes - 12.57).abs() < 1e-9, "{}", total.minutes);
        assert_eq!(total.duration_ms_mean, Some(251_400));
        assert_eq!(total.duration_ms_p50, Some(120_000));
        assert_eq!(total.duration_ms_p90, Some(574_200));
        assert_eq!(total.duration_ms_p95, Some(574_200));
        assert_eq!(total.duration_ms_max, Some(574_200));
        assert_eq!(total.duration_unknown, 1);
        assert_eq!(total.first_started_at, Some(utc("2026-04-19T08:00:00Z")));
        assert_eq!(total.last_started_at, Some(utc("2026-04-21T12:00:00Z")));
    }

    #[test]
    fn nothing_at_all_has_no_rates_and_no_durations() {
        let report = Stats::new(Vec::new(), ErrorReasons::default(), Clock::utc()).finish();
        let total = &report.total;
        assert_eq!(total.sessions, 0);
        assert_eq!(total.error_rate, None);
        assert_eq!(total.minutes, 0.0);
        assert_eq!(total.duration_ms_p50, None);
        assert_eq!(total.first_started_at, None);
        assert!(report.groups.is_empty());
    }

    #[test]
    fn groups_by_several_keys_with_null_keys_last() {
        let mut stats = Stats::new(
            vec![GroupKey::Day, GroupKey::EndReason],
            ErrorReasons::exact(&["TIMEOUT"]),
            Clock::utc(),
        );
        for session in [
            ended("a", "2026-04-20T09:00:00Z", Some(1_000), Some("TIMEOUT")),
            ended("b", "2026-04-20T10:00:00Z", Some(3_000), Some("TIMEOUT")),
            ended("c", "2026-04-20T11:00:00Z", Some(2_000), None),
            ended("d", "2026-04-19T08:00:00Z", Some(4_000), Some("USER_LEFT")),
            Session::bare("e"),
        ] {
            stats.add(&session);
        }
        let report = stats.finish();
        let keys: Vec<Vec<Option<&str>>> = report
            .groups
            .iter()
            .map(|g| g.key.iter().map(Option::as_deref).collect())
            .collect();
        assert_eq!(
            keys,
            [
                vec![Some("2026-04-19"), Some("USER_LEFT")],
                vec![Some("2026-04-20"), Some("TIMEOUT")],
                vec![Some("2026-04-20"), None],
                vec![None, None],
            ]
        );
        let timeout = &report.groups[1].metrics;
        assert_eq!((timeout.sessions, timeout.errors), (2, 2));
        assert_eq!(timeout.error_rate, Some(1.0));
        assert_eq!(timeout.duration_ms_p50, Some(1_000));
        assert_eq!(timeout.duration_ms_max, Some(3_000));
        let bare = &report.groups[3].metrics;
        assert_eq!((bare.sessions, bare.ended), (1, 0));
        assert_eq!(bare.error_rate, None);
        // The total merges the groups' durations: 1 2 3 4 seconds.
        let total = &report.total;
        assert_eq!(total.sessions, 5);
        assert_eq!(total.errors, 2);
        assert_eq!(total.error_rate, Some(0.5));
        assert_eq!(total.duration_ms_p50, Some(2_000));
        assert_eq!(total.duration_ms_p90, Some(4_000));
        assert_eq!(total.duration_ms_mean, Some(2_500));
    }

    #[test]
    fn metrics_are_found_by_their_exact_names() {
        for metric in Metric::ALL {
            assert_eq!(Metric::named(metric.name()), Some(metric));
        }
        assert_eq!(Metric::named("Sessions"), None);
        assert_eq!(Metric::named("p95"), None);
    }

    #[test]
    fn json_values_round_for_people_and_keep_integers_whole() {
        let mut stats = Stats::new(Vec::new(), ErrorReasons::default(), Clock::utc());
        for (i, reason) in [
            "ERROR", "A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M",
        ]
        .iter()
        .enumerate()
        {
            stats.add(&ended(
                &i.to_string(),
                "2026-04-20T09:00:00Z",
                Some(754_200 / 14),
                Some(reason),
            ));
        }
        let total = stats.finish().total;
        assert_eq!(total.json(Metric::ErrorRate), serde_json::json!(0.0714));
        assert_eq!(total.json(Metric::Minutes), serde_json::json!(12.57));
        assert_eq!(total.json(Metric::Sessions), serde_json::json!(14));
        assert_eq!(total.json(Metric::DurationP50), serde_json::json!(53_871));
        assert_eq!(
            total.json(Metric::FirstStartedAt),
            serde_json::json!("2026-04-20T09:00:00Z")
        );
    }
}
