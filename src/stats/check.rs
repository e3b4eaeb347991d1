//! `--check 'METRIC OP VALUE'`: a gate on the total, for CI. Parsed when the arguments are
//! (a malformed check is a usage error before any request), evaluated on the finished
//! report: pass, fail (one line naming the metric, its value and the threshold), or no data
//! (a metric without a value passes, with a note).

use std::fmt;
use std::str::FromStr;

use super::render::table_text;
use super::{Measure, Metric, Metrics, Reading};
use crate::error::Error;

/// A comparison.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    Lt,
    Le,
    Gt,
    Ge,
    Eq,
    Ne,
}

impl Op {
    /// Two-character operators first, so that `<=` is not read as `<`.
    const ALL: [Op; 6] = [Op::Le, Op::Ge, Op::Eq, Op::Ne, Op::Lt, Op::Gt];

    pub fn symbol(self) -> &'static str {
        match self {
            Self::Lt => "<",
            Self::Le => "<=",
            Self::Gt => ">",
            Self::Ge => ">=",
            Self::Eq => "==",
            Self::Ne => "!=",
        }
    }

    pub fn holds(self, value: f64, threshold: f64) -> bool {
        match self {
            Self::Lt => value < threshold,
            Self::Le => value <= threshold,
            Self::Gt => value > threshold,
            Self::Ge => value >= threshold,
            Self::Eq => value == threshold,
            Self::Ne => value != threshold,
        }
    }

    /// The comparison that holds when this one does not: how a failure is written.
    pub fn negation(self) -> Self {
        match self {
            Self::Lt => Self::Ge,
            Self::Le => Self::Gt,
            Self::Gt => Self::Le,
            Self::Ge => Self::Lt,
            Self::Eq => Self::Ne,
            Self::Ne => Self::Eq,
        }
    }
}

/// One `--check`.
#[derive(Clone, Debug, PartialEq)]
pub struct Check {
    pub metric: Metric,
    pub op: Op,
    /// In the metric's unit: a count, a fraction, minutes, milliseconds.
    pub threshold: f64,
    /// The threshold as written (`5%`, `10m`).
    pub written: String,
}

/// What became of one check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    Pass,
    /// The line for stderr: `check failed: error_rate 7.1% > 5%`.
    Fail(String),
    /// The metric has no value, so the check passes; the note for stderr.
    NoData(String),
}

impl fmt::Display for Check {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {} {}",
            self.metric.name(),
            self.op.symbol(),
            self.written
        )
    }
}

const FORM: &str = "write a check as 'METRIC OP VALUE', e.g. 'error_rate <= 5%'";

fn checkable() -> String {
    Metric::ALL
        .into_iter()
        .filter(|m| m.measure() != Measure::Time)
        .map(Metric::name)
        .collect::<Vec<_>>()
        .join(", ")
}

impl FromStr for Check {
    type Err = String;

    /// Reads `METRIC OP VALUE`, spaces around the operator optional.
    fn from_str(text: &str) -> Result<Self, String> {
        let text = text.trim();
        let name_end = text
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(text.len());
        let (name, rest) = text.split_at(name_end);
        if name.is_empty() {
            return Err(format!("no metric — {FORM}"));
        }
        let metric = Metric::named(name).ok_or_else(|| {
            format!(
                "unknown metric {name:?} — checkable metrics: {}",
                checkable()
            )
        })?;
        if metric.measure() == Measure::Time {
            return Err(format!(
                "{name} is a time and cannot be checked — checkable metrics: {}",
                checkable()
            ));
        }
        let rest = rest.trim_start();
        let Some(op) = Op::ALL.into_iter().find(|op| rest.starts_with(op.symbol())) else {
            let hint = if rest.starts_with('=') {
                " (equality is ==)"
            } else {
                ""
            };
            return Err(format!(
                "no comparison after {name}{hint} — use one of < <= > >= == !=, e.g. '{name} <= 5'"
            ));
        };
        let value = rest[op.symbol().len()..].trim();
        if value.starts_with(['<', '>', '=', '!']) {
            let written: String = rest.chars().take_while(|c| "<>=!".contains(*c)).collect();
            return Err(format!(
                "unknown comparison {written:?} — use one of < <= > >= == !=, e.g. '{name} <= 5'"
            ));
        }
        if value.is_empty() {
            return Err(format!("no value after {name} {} — {FORM}", op.symbol()));
        }
        let threshold = threshold(metric, value)?;
        Ok(Self {
            metric,
            op,
            threshold,
            written: value.to_owned(),
        })
    }
}

/// A threshold in the metric's unit: a number; for `error_rate` also a percentage; for
/// durations also a duration (a bare number is milliseconds).
fn threshold(metric: Metric, value: &str) -> Result<f64, String> {
    let name = metric.name();
    let number = |text: &str| text.trim().parse::<f64>().ok().filter(|x| x.is_finite());
    if let Some(percent) = value.strip_suffix('%') {
        if metric.measure() != Measure::Rate {
            return Err(format!(
                "{value} is a percentage, which applies to error_rate only — write {name}'s \
                 threshold as a number"
            ));
        }
        return number(percent)
            .map(|p| p / 100.0)
            .ok_or_else(|| format!("{value:?} is not a percentage — write e.g. 5% or 0.05"));
    }
    if let Some(x) = number(value) {
        if metric.measure() == Measure::Rate && !(0.0..=1.0).contains(&x) {
            return Err(format!(
                "error_rate is a fraction from 0 to 1, and {value} is not — write {value}% for \
                 a percentage"
            ));
        }
        return Ok(x);
    }
    let duration = humantime::parse_duration(value).ok();
    match (metric.measure(), duration) {
        (Measure::Duration, Some(duration)) => Ok(duration.as_secs_f64() * 1000.0),
        (Measure::Duration, None) => Err(format!(
            "{value:?} is not a duration — write e.g. 10m, 500ms, 1h30m, or milliseconds as a \
             number"
        )),
        (_, Some(_)) => Err(format!(
            "{value} is a duration, which applies to the duration_ms_* metrics only — write \
             {name}'s threshold as a number"
        )),
        (Measure::Rate, None) => Err(format!(
            "{value:?} is not a number — write error_rate as a percentage (5%) or a fraction (0.05)"
        )),
        (_, None) => Err(format!("{value:?} is not a number — {FORM}")),
    }
}

impl Check {
    /// Evaluates the check on the total.
    pub fn evaluate(&self, total: &Metrics) -> Verdict {
        let name = self.metric.name();
        let value = match total.get(self.metric) {
            Reading::Count(n) => n as f64,
            Reading::Number(x) => x,
            // Time metrics are refused when parsed.
            Reading::Time(_) | Reading::None => {
                let why = match self.metric.measure() {
                    Measure::Rate => "no ended sessions",
                    _ => "no ended session with a known duration",
                };
                return Verdict::NoData(format!(
                    "{name}: no data ({why}), so the check '{self}' passes — require data with \
                     --check 'sessions >= 1'"
                ));
            }
        };
        if self.op.holds(value, self.threshold) {
            return Verdict::Pass;
        }
        let shown = self.shown(total, value);
        Verdict::Fail(format!(
            "check failed: {name} {shown} {} {}",
            self.op.negation().symbol(),
            self.written
        ))
    }

    /// The value as a table shows it, unless rounding it so would hide why the check failed
    /// (5.04% shown as 5.0% against `<= 5%`): then with more digits.
    fn shown(&self, total: &Metrics, value: f64) -> String {
        let failing = self.op.negation();
        match self.metric.measure() {
            Measure::Rate | Measure::Minutes => {
                let scale = if self.metric.measure() == Measure::Rate {
                    100.0
                } else {
                    1.0
                };
                let suffix = if scale == 100.0 { "%" } else { "" };
                let places = (1..=6)
                    .find(|places| {
                        let factor = 10f64.powi(*places);
                        let rounded = (value * scale * factor).round() / factor / scale;
                        failing.holds(rounded, self.threshold)
                    })
                    .unwrap_or(6) as usize;
                format!("{:.places$}{suffix}", value * scale)
            }
            Measure::Duration => {
                let ms = value as u64;
                let whole_seconds = ((ms + 500) / 1000 * 1000) as f64;
                if ms >= 1000 && !failing.holds(whole_seconds, self.threshold) {
                    crate::output::format_latency(ms)
                } else {
                    table_text(total, self.metric, false)
                }
            }
            Measure::Count | Measure::Time => table_text(total, self.metric, false),
        }
    }
}

/// What the checks of a run came to.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Outcome {
    /// One line per failed check.
    pub failures: Vec<String>,
    /// One note per check without data.
    pub notes: Vec<String>,
    pub checked: usize,
}

impl Outcome {
    /// Every check on the total.
    pub fn of(checks: &[Check], total: &Metrics) -> Self {
        let mut outcome = Self {
            checked: checks.len(),
            ..Self::default()
        };
        for check in checks {
            match check.evaluate(total) {
                Verdict::Pass => {}
                Verdict::Fail(line) => outcome.failures.push(line),
                Verdict::NoData(note) => outcome.notes.push(note),
            }
        }
        outcome
    }

    /// Exit code 7 when any check failed (each already reported on its own line).
    pub fn result(&self) -> Result<(), Error> {
        if self.failures.is_empty() {
            Ok(())
        } else {
            Err(Error::ChecksFailed {
                failed: self.failures.len(),
                total: self.checked,
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str) -> Check {
        text.parse().unwrap_or_else(|e| panic!("{text}: {e}"))
    }

    fn refused(text: &str) -> String {
        text.parse::<Check>().unwrap_err()
    }

    /// 14 sessions ended, 1 in error (7.1%), durations 1 s … 14 s.
    fn total() -> Metrics {
        let mut stats = super::super::Stats::new(
            Vec::new(),
            super::super::ErrorReasons::default(),
            super::super::Clock::utc(),
        );
        for i in 1..=14u64 {
            let reason = if i == 14 { "ERROR" } else { "USER_LEFT" };
            stats.add(&super::super::tests::ended(
                &i.to_string(),
                "2026-04-20T09:00:00Z",
                Some(i * 1000),
                Some(reason),
            ));
        }
        stats.finish().total
    }

    fn empty() -> Metrics {
        super::super::Stats::new(
            Vec::new(),
            super::super::ErrorReasons::default(),
            super::super::Clock::utc(),
        )
        .finish()
        .total
    }

    #[test]
    fn every_operator_parses_with_or_without_spaces() {
        for (text, op) in [
            ("sessions < 5", Op::Lt),
            ("sessions<=5", Op::Le),
            ("sessions >5", Op::Gt),
            ("sessions>= 5", Op::Ge),
            (" sessions == 5 ", Op::Eq),
            ("sessions != 5", Op::Ne),
        ] {
            let parsed = check(text);
            assert_eq!(parsed.op, op, "{text}");
            assert_eq!(parsed.metric, Metric::Sessions);
            assert_eq!(parsed.threshold, 5.0);
            assert_eq!(parsed.written, "5");
        }
    }

    #[test]
    fn operators_compare_as_written() {
        let total = total();
        let passes = |text: &str| check(text).evaluate(&total) == Verdict::Pass;
        assert!(passes("sessions == 14"));
        assert!(!passes("sessions != 14"));
        assert!(passes("sessions <= 14"));
        assert!(!passes("sessions < 14"));
        assert!(passes("sessions >= 14"));
        assert!(!passes("sessions > 14"));
        assert!(passes("errors < 2"));
        assert!(passes("minutes > 1.74"), "105 s = 1.75 minutes");
        assert!(!passes("minutes > 1.75"));
    }

    #[test]
    fn percentages_and_fractions_are_error_rates() {
        assert!((check("error_rate <= 5%").threshold - 0.05).abs() < 1e-12);
        assert_eq!(check("error_rate <= 0.05").threshold, 0.05);
        assert_eq!(check("error_rate == 0").threshold, 0.0);
        let total = total();
        assert_eq!(
            check("error_rate <= 5%").evaluate(&total),
            Verdict::Fail("check failed: error_rate 7.1% > 5%".into())
        );
        assert_eq!(check("error_rate <= 7.5%").evaluate(&total), Verdict::Pass);
        assert_eq!(
            check("error_rate < 0.07").evaluate(&total),
            Verdict::Fail("check failed: error_rate 7.1% >= 0.07".into())
        );
        // 1/14 = 7.142…%: shown with the digits that make the failure visible.
        assert_eq!(
            check("error_rate <= 7.14%").evaluate(&total),
            Verdict::Fail("check failed: error_rate 7.143% > 7.14%".into())
        );
    }

    #[test]
    fn durations_are_milliseconds_however_written() {
        assert_eq!(check("duration_ms_p95 < 10m").threshold, 600_000.0);
        assert_eq!(check("duration_ms_p95 < 500ms").threshold, 500.0);
        assert_eq!(check("duration_ms_p95 < 1h30m").threshold, 5_400_000.0);
        assert_eq!(check("duration_ms_mean >= 1500").threshold, 1500.0);
        let total = total();
        // p95 of 1…14 s is the 14th (⌈13.3⌉): 14 s; p50 the 7th: 7 s; max 14 s.
        assert_eq!(
            check("duration_ms_p95 <= 14s").evaluate(&total),
            Verdict::Pass
        );
        assert_eq!(
            check("duration_ms_p95 < 10s").evaluate(&total),
            Verdict::Fail("check failed: duration_ms_p95 14s >= 10s".into())
        );
        assert_eq!(
            check("duration_ms_p50 != 7000").evaluate(&total),
            Verdict::Fail("check failed: duration_ms_p50 7s == 7000".into())
        );
        // The mean is 7.5 s, which a table rounds to 8s: enough to show why `<= 7499ms`
        // failed, not why `>= 7501ms` did.
        assert_eq!(
            check("duration_ms_mean <= 7499ms").evaluate(&total),
            Verdict::Fail("check failed: duration_ms_mean 8s > 7499ms".into())
        );
        assert_eq!(
            check("duration_ms_mean >= 7501ms").evaluate(&total),
            Verdict::Fail("check failed: duration_ms_mean 7s 500ms < 7501ms".into())
        );
        assert_eq!(
            check("duration_ms_max == 14s").evaluate(&total),
            Verdict::Pass
        );
    }

    #[test]
    fn a_metric_without_data_passes_with_a_note() {
        let empty = empty();
        let Verdict::NoData(note) = check("error_rate <= 5%").evaluate(&empty) else {
            panic!("no data");
        };
        assert!(note.starts_with("error_rate: no data"), "{note}");
        assert!(matches!(
            check("duration_ms_p95 < 10m").evaluate(&empty),
            Verdict::NoData(_)
        ));
        assert_eq!(
            check("sessions >= 1").evaluate(&empty),
            Verdict::Fail("check failed: sessions 0 < 1".into())
        );
        assert_eq!(check("minutes == 0").evaluate(&empty), Verdict::Pass);
    }

    #[test]
    fn malformed_checks_say_what_is_valid() {
        let unknown = refused("p95 < 10m");
        assert!(
            unknown.starts_with("unknown metric \"p95\" — checkable metrics: sessions, active"),
            "{unknown}"
        );
        assert!(unknown.ends_with("duration_ms_max"), "{unknown}");
        assert!(refused("Sessions > 1").starts_with("unknown metric \"Sessions\""));
        assert!(
            refused("first_started_at > 2026-04-20")
                .starts_with("first_started_at is a time and cannot be checked")
        );
        assert!(refused("sessions = 1").contains("(equality is ==)"));
        assert!(refused("sessions <> 1").contains("use one of < <= > >= == !="));
        assert!(refused("sessions 1").contains("use one of"));
        assert!(refused("sessions >=").starts_with("no value after sessions >="));
        assert!(refused("").starts_with("no metric"));
        assert!(refused(">= 1").starts_with("no metric"));
        assert!(refused("sessions > many").contains("is not a number"));
        assert!(refused("sessions > 5%").contains("applies to error_rate only"));
        assert!(refused("minutes > 10m").contains("applies to the duration_ms_* metrics"));
        assert!(refused("error_rate < 5").contains("write 5% for a percentage"));
        assert!(refused("error_rate < x%").contains("is not a percentage"));
        assert!(refused("error_rate < lots").contains("as a percentage (5%)"));
        assert!(refused("duration_ms_p95 < soon").contains("is not a duration"));
        assert!(refused("sessions > NaN").contains("is not a number"));
    }

    #[test]
    fn the_outcome_counts_failures_and_exits_7() {
        let checks = ["sessions >= 1", "error_rate <= 5%", "errors == 0"].map(check);
        let outcome = Outcome::of(&checks, &total());
        assert_eq!(outcome.failures.len(), 2);
        let error = outcome.result().unwrap_err();
        assert_eq!(error.exit_code(), 7);
        assert_eq!(
            error.to_string(),
            "2 of 3 checks failed — each is reported above"
        );
        let passed = Outcome::of(&checks[..1], &total());
        assert!(passed.result().is_ok());
        let no_data = Outcome::of(&checks[1..2], &empty());
        assert_eq!(no_data.notes.len(), 1);
        assert!(no_data.result().is_ok());
    }
}
