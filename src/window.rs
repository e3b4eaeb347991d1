//! Time windows as people write them on the command line (`--since`, `--until`): RFC 3339
//! with its offset, a date or date-time without one (read in the local time zone, or UTC
//! with `--utc`), or a span back from now (`30m`, `24h`, `7d`, `2w`).
//!
//! Parsing is in two steps, so that a typo is refused by the argument parser before
//! anything else happens: [`TimeSpec::parse`] reads the syntax, and [`Window::resolve`]
//! turns the specs into instants once "now" and the time zone are known (one "now" for both
//! ends, so `--since 2h --until 1h` is exactly an hour).

use std::time::Duration;

use chrono::{DateTime, Local, LocalResult, NaiveDate, NaiveDateTime, TimeDelta, TimeZone, Utc};

use crate::model::session::format_utc;

/// One end of a window, as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TimeSpec {
    /// RFC 3339, offset included: `2026-04-20T09:00:00Z`.
    Instant(DateTime<Utc>),
    /// A date (its midnight) or a date-time without offset, read in the local time zone:
    /// `2026-04-20`, `2026-04-20 09:00`, `2026-04-20T09:00:30`.
    Local(NaiveDateTime),
    /// A span back from now: `30m`, `24h`, `7d`, `2w` (humantime's units, combinable:
    /// `1h 30m`).
    Ago(Duration),
}

/// The forms of a local date-time, most specific first.
const LOCAL_FORMS: [&str; 4] = [
    "%Y-%m-%dT%H:%M:%S%.f",
    "%Y-%m-%d %H:%M:%S%.f",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%d %H:%M",
];

impl TimeSpec {
    /// Reads one `--since`/`--until` value; the error says which forms there are.
    pub fn parse(text: &str) -> Result<Self, String> {
        let text = text.trim();
        if let Ok(time) = DateTime::parse_from_rfc3339(text) {
            return Ok(Self::Instant(time.with_timezone(&Utc)));
        }
        if let Ok(date) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
            return Ok(Self::Local(date.and_time(chrono::NaiveTime::MIN)));
        }
        if let Some(time) = LOCAL_FORMS
            .iter()
            .find_map(|form| NaiveDateTime::parse_from_str(text, form).ok())
        {
            return Ok(Self::Local(time));
        }
        // A span needs a unit: a bare number is too easily a mistyped date.
        if text.chars().any(|c| c.is_ascii_alphabetic())
            && let Ok(span) = humantime::parse_duration(text)
        {
            return Ok(Self::Ago(span));
        }
        Err(format!(
            "{text:?} is not a time — write RFC 3339 (2026-04-20T09:00:00Z), a local date or \
             date-time (2026-04-20, 2026-04-20 09:00), or a span back from now (30m, 24h, 7d, 2w)"
        ))
    }

    /// The instant it stands for, `now` and `zone` given. A local time the clocks skip (a
    /// change to summer time) is an error; one they pass twice is the earlier of the two.
    pub fn resolve<Tz: TimeZone>(
        &self,
        now: DateTime<Utc>,
        zone: &Tz,
    ) -> Result<DateTime<Utc>, String> {
        match self {
            Self::Instant(time) => Ok(*time),
            Self::Ago(span) => TimeDelta::from_std(*span)
                .ok()
                .and_then(|span| now.checked_sub_signed(span))
                .ok_or_else(|| {
                    format!(
                        "{} back from now is too far back",
                        humantime::format_duration(*span)
                    )
                }),
            Self::Local(naive) => match zone.from_local_datetime(naive) {
                LocalResult::Single(time) | LocalResult::Ambiguous(time, _) => {
                    Ok(time.with_timezone(&Utc))
                }
                LocalResult::None => Err(format!(
                    "{} does not exist in the local time zone (the clocks skip it) — give \
                     an offset, e.g. {}+01:00, or pass --utc",
                    naive.format("%Y-%m-%d %H:%M"),
                    naive.format("%Y-%m-%dT%H:%M:%S")
                )),
            },
        }
    }
}

/// A window resolved to instants: sessions at or after `since` and before `until`; an end
/// not given is open (each command says what that means).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Window {
    pub since: Option<DateTime<Utc>>,
    pub until: Option<DateTime<Utc>>,
}

impl Window {
    /// Resolves `--since`/`--until` at `now`, reading times without an offset in the local
    /// time zone, or in UTC when `utc`. `--since` must come before `--until` (or, without
    /// `--until`, before now): anything else is an empty window, refused.
    pub fn resolve(
        since: Option<&TimeSpec>,
        until: Option<&TimeSpec>,
        now: DateTime<Utc>,
        utc: bool,
    ) -> Result<Self, String> {
        if utc {
            Self::resolve_in(since, until, now, &Utc)
        } else {
            Self::resolve_in(since, until, now, &Local)
        }
    }

    /// [`Window::resolve`] in a given time zone.
    pub fn resolve_in<Tz: TimeZone>(
        since: Option<&TimeSpec>,
        until: Option<&TimeSpec>,
        now: DateTime<Utc>,
        zone: &Tz,
    ) -> Result<Self, String> {
        let resolve = |flag: &str, spec: Option<&TimeSpec>| {
            spec.map(|spec| spec.resolve(now, zone))
                .transpose()
                .map_err(|e| format!("{flag}: {e}"))
        };
        let window = Self {
            since: resolve("--since", since)?,
            until: resolve("--until", until)?,
        };
        match (window.since, window.until) {
            // An empty window (equal ends, a --since still to come) selects nothing, which
            // is an answer; only ends given the wrong way round are a mistake.
            (Some(since), Some(until)) if since > until => Err(format!(
                "--since ({}) is after --until ({}) — swap them",
                format_utc(&since),
                format_utc(&until)
            )),
            _ => Ok(window),
        }
    }

    /// How long the window is, once its open ends are closed: `until` by now, and `since`
    /// by `default_length` before `until` (as a provider that defaults them would).
    pub fn length(&self, now: DateTime<Utc>, default_length: TimeDelta) -> TimeDelta {
        let until = self.until.unwrap_or(now);
        let since = self.since.unwrap_or(until - default_length);
        until - since
    }
}

#[cfg(test)]
mod tests {
    use chrono::{FixedOffset, NaiveDate};

    use super::*;

    fn utc(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text)
            .unwrap()
            .with_timezone(&Utc)
    }

    fn local(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S").unwrap()
    }

    #[test]
    fn every_documented_form_parses() {
        let parse = |text| TimeSpec::parse(text).unwrap();
        assert_eq!(
            parse("2026-04-20T09:00:00Z"),
            TimeSpec::Instant(utc("2026-04-20T09:00:00Z"))
        );
        assert_eq!(
            parse("2026-04-20T11:00:00.5+02:00"),
            TimeSpec::Instant(utc("2026-04-20T09:00:00.5Z"))
        );
        assert_eq!(
            parse("2026-04-20"),
            TimeSpec::Local(local("2026-04-20 00:00:00"))
        );
        for text in [
            "2026-04-20 09:00",
            "2026-04-20T09:00",
            " 2026-04-20 09:00:00 ",
        ] {
            assert_eq!(
                parse(text),
                TimeSpec::Local(local("2026-04-20 09:00:00")),
                "{text}"
            );
        }
        assert_eq!(
            parse("2026-04-20T09:00:30.250"),
            TimeSpec::Local(local("2026-04-20 09:00:30") + TimeDelta::milliseconds(250))
        );
        let minutes = |m: u64| TimeSpec::Ago(Duration::from_secs(m * 60));
        assert_eq!(parse("30m"), minutes(30));
        assert_eq!(parse("24h"), minutes(24 * 60));
        assert_eq!(parse("7d"), minutes(7 * 24 * 60));
        assert_eq!(parse("2w"), minutes(14 * 24 * 60));
        assert_eq!(parse("1h 30m"), minutes(90));
    }

    #[test]
    fn anything_else_is_refused_naming_the_forms() {
        for bad in [
            "",
            "yesterday",
            "2026-13-01",
            "2026-04-20 25:00",
            "30",
            "09:00",
        ] {
            let error = TimeSpec::parse(bad).unwrap_err();
            assert!(
                error.contains("is not a time — write RFC 3339"),
                "{bad}: {error}"
            );
        }
    }

    #[test]
    fn spans_count_back_from_one_now_and_local_times_read_in_the_zone() {
        let now = utc("2026-04-20T12:00:00Z");
        let plus_two = FixedOffset::east_opt(2 * 3600).unwrap();
        let since = TimeSpec::parse("2h").unwrap();
        let until = TimeSpec::parse("1h").unwrap();
        let window = Window::resolve_in(Some(&since), Some(&until), now, &plus_two).unwrap();
        assert_eq!(window.since, Some(utc("2026-04-20T10:00:00Z")));
        assert_eq!(window.until, Some(utc("2026-04-20T11:00:00Z")));
        let date = TimeSpec::parse("2026-04-20").unwrap();
        assert_eq!(
            date.resolve(now, &plus_two).unwrap(),
            utc("2026-04-19T22:00:00Z")
        );
        assert_eq!(
            date.resolve(now, &Utc).unwrap(),
            utc("2026-04-20T00:00:00Z")
        );
        let offset = TimeSpec::parse("2026-04-20T09:00:00+05:00").unwrap();
        assert_eq!(
            offset.resolve(now, &plus_two).unwrap(),
            utc("2026-04-20T04:00:00Z"),
            "an offset given wins over the zone"
        );
    }

    #[test]
    fn only_a_window_the_wrong_way_round_is_refused() {
        let now = utc("2026-04-20T12:00:00Z");
        let spec = |text| TimeSpec::parse(text).unwrap();
        let error = Window::resolve_in(
            Some(&spec("2026-04-20")),
            Some(&spec("2026-04-19")),
            now,
            &Utc,
        )
        .unwrap_err();
        assert_eq!(
            error,
            "--since (2026-04-20T00:00:00Z) is after --until (2026-04-19T00:00:00Z) — swap them"
        );
        // Empty windows select nothing, which is an answer.
        let same = spec("2026-04-19");
        assert!(Window::resolve_in(Some(&same), Some(&same), now, &Utc).is_ok());
        let future = Window::resolve_in(Some(&spec("2026-05-01")), None, now, &Utc);
        assert!(future.is_ok());
        let open = Window::resolve_in(None, Some(&spec("2026-05-01")), now, &Utc).unwrap();
        assert_eq!(open.since, None);
    }

    #[test]
    fn the_length_closes_open_ends_as_the_provider_would() {
        let now = utc("2026-04-20T12:00:00Z");
        let day = TimeDelta::hours(24);
        let open = Window {
            since: None,
            until: None,
        };
        assert_eq!(open.length(now, day), day);
        let since = Window {
            since: Some(utc("2026-03-01T12:00:00Z")),
            until: None,
        };
        assert_eq!(since.length(now, day), TimeDelta::days(50));
        let until = Window {
            since: None,
            until: Some(utc("2026-04-01T00:00:00Z")),
        };
        assert_eq!(until.length(now, day), day);
    }

    /// Central European time for 2026, from its two documented changes (29 March 01:00 UTC
    /// to +02:00, 25 October 01:00 UTC back to +01:00): a zone with DST, without a tz
    /// database.
    #[derive(Clone, Copy, Debug)]
    struct Cet2026;

    impl Cet2026 {
        fn offset_at(utc: &NaiveDateTime) -> FixedOffset {
            let summer_from = local("2026-03-29 01:00:00");
            let summer_until = local("2026-10-25 01:00:00");
            let hours = if (summer_from..summer_until).contains(utc) {
                2
            } else {
                1
            };
            FixedOffset::east_opt(hours * 3600).unwrap()
        }
    }

    impl TimeZone for Cet2026 {
        type Offset = FixedOffset;

        fn from_offset(_: &FixedOffset) -> Self {
            Self
        }

        fn offset_from_local_date(&self, local: &NaiveDate) -> LocalResult<FixedOffset> {
            self.offset_from_local_datetime(&local.and_time(chrono::NaiveTime::MIN))
        }

        fn offset_from_local_datetime(&self, local: &NaiveDateTime) -> LocalResult<FixedOffset> {
            // Each offset the zone has, kept when it maps back to itself.
            let fits: Vec<FixedOffset> = [1, 2]
                .into_iter()
                .map(|h| FixedOffset::east_opt(h * 3600).unwrap())
                .filter(|offset| {
                    let utc = *local - TimeDelta::seconds(offset.local_minus_utc().into());
                    Self::offset_at(&utc) == *offset
                })
                .collect();
            match fits.as_slice() {
                [] => LocalResult::None,
                [one] => LocalResult::Single(*one),
                // The later offset (+02:00) is the earlier instant.
                [winter, summer] => LocalResult::Ambiguous(*summer, *winter),
                _ => unreachable!(),
            }
        }

        fn offset_from_utc_date(&self, utc: &NaiveDate) -> FixedOffset {
            Self::offset_at(&utc.and_time(chrono::NaiveTime::MIN))
        }

        fn offset_from_utc_datetime(&self, utc: &NaiveDateTime) -> FixedOffset {
            Self::offset_at(utc)
        }
    }

    #[test]
    fn a_change_of_the_clocks_is_read_in_the_offset_of_each_side() {
        let now = utc("2026-12-01T00:00:00Z");
        let at = |text| TimeSpec::parse(text).unwrap().resolve(now, &Cet2026);
        // Spring: 01:30 is still winter time, 03:30 summer time; 02:30 never happens.
        assert_eq!(at("2026-03-29 01:30").unwrap(), utc("2026-03-29T00:30:00Z"));
        assert_eq!(at("2026-03-29 03:30").unwrap(), utc("2026-03-29T01:30:00Z"));
        let skipped = at("2026-03-29 02:30").unwrap_err();
        assert!(
            skipped.starts_with("2026-03-29 02:30 does not exist in the local time zone"),
            "{skipped}"
        );
        // A window across it is an hour shorter than the clock says.
        let window = Window::resolve_in(
            Some(&TimeSpec::parse("2026-03-29 00:00").unwrap()),
            Some(&TimeSpec::parse("2026-03-29 04:00").unwrap()),
            now,
            &Cet2026,
        )
        .unwrap();
        assert_eq!(window.length(now, TimeDelta::zero()), TimeDelta::hours(3));
        // Autumn: 02:30 happens twice; the first (summer time) is taken.
        assert_eq!(at("2026-10-25 02:30").unwrap(), utc("2026-10-25T00:30:00Z"));
        assert_eq!(at("2026-10-25 03:30").unwrap(), utc("2026-10-25T02:30:00Z"));
        // A date is its local midnight, in the offset of that day.
        assert_eq!(at("2026-07-01").unwrap(), utc("2026-06-30T22:00:00Z"));
        assert_eq!(at("2026-01-01").unwrap(), utc("2025-12-31T23:00:00Z"));
    }
}
