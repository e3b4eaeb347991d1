//! A [`Report`] in each output format: a table with a row per group and a `TOTAL` row; one
//! JSON document `{selection, total, groups}`; NDJSON, a line per group and then the total
//! (`"key": null`); CSV, a row per group with the key columns first (without `--by`, the one
//! row of the total).

use std::io::{self, Write};

use chrono::{DateTime, Utc};
use serde_json::{Map, Value, json};

use super::{Group, GroupKey, Measure, Metric, Metrics, Reading, Report};
use crate::output::{
    Column, Format, OutputOptions, Terminal, format_duration, format_time, header_of, record_sink,
    write_json_document, write_table,
};
use crate::record::{FieldPath, Kind};

/// Writes the report; `selection` is what the command echoes of what was asked (JSON only).
/// Returns how many table columns were left out to fit the terminal.
pub fn write_report(
    report: &Report,
    selection: &Value,
    options: &OutputOptions,
    terminal: Terminal,
    out: &mut dyn Write,
) -> io::Result<usize> {
    match options.format {
        Format::Table => write_table(
            table_columns(&report.keys),
            table_rows(report),
            options,
            terminal,
            out,
        ),
        Format::Json => {
            let document = json!({
                "selection": selection,
                "total": Value::Object(metrics_json(&report.total)),
                "groups": report.groups.iter().map(|g| group_json(&report.keys, g)).collect::<Vec<_>>(),
            });
            write_json_document(out, &document).map(|()| 0)
        }
        Format::Ndjson => {
            let mut sink = record_sink(out, &[], options)?.expect("a record format");
            for group in &report.groups {
                sink.write(&group_json(&report.keys, group))?;
            }
            let mut total = Map::new();
            total.insert("key".into(), Value::Null);
            total.extend(metrics_json(&report.total));
            sink.write(&Value::Object(total))?;
            sink.finish().map(|()| 0)
        }
        Format::Csv => {
            let header: Vec<String> = report
                .keys
                .iter()
                .map(|k| k.name())
                .chain(Metric::ALL.map(Metric::name))
                .map(str::to_owned)
                .collect();
            let mut sink = record_sink(out, &header, options)?.expect("a record format");
            if report.keys.is_empty() {
                sink.write(&Value::Object(metrics_json(&report.total)))?;
            }
            for group in &report.groups {
                let mut row = key_json(&report.keys, group);
                row.extend(metrics_json(&group.metrics));
                sink.write(&Value::Object(row))?;
            }
            sink.finish().map(|()| 0)
        }
    }
}

/// The metrics as JSON, in the documented order.
fn metrics_json(metrics: &Metrics) -> Map<String, Value> {
    Metric::ALL
        .into_iter()
        .map(|m| (m.name().to_owned(), metrics.json(m)))
        .collect()
}

/// A group's key values by key name, in `--by` order.
fn key_json(keys: &[GroupKey], group: &Group) -> Map<String, Value> {
    keys.iter()
        .zip(&group.key)
        .map(|(k, v)| {
            (
                k.name().to_owned(),
                v.clone().map_or(Value::Null, Value::String),
            )
        })
        .collect()
}

/// `{"key": {...}, ...metrics}`.
fn group_json(keys: &[GroupKey], group: &Group) -> Value {
    let mut object = Map::new();
    object.insert("key".into(), Value::Object(key_json(keys, group)));
    object.extend(metrics_json(&group.metrics));
    Value::Object(object)
}

/// The key columns (or, without `--by`, one unnamed column for the `TOTAL` label), then a
/// column per metric, headed as every table is (`_ms` dropped: durations read in words).
fn table_columns(keys: &[GroupKey]) -> Vec<Column> {
    let label = || Column {
        path: FieldPath::top(""),
        header: String::new(),
        kind: Kind::Text,
    };
    let keys = keys
        .iter()
        .map(|k| Column::named(FieldPath::top(k.name()), Kind::Text));
    let keys: Vec<Column> = if keys.len() == 0 {
        vec![label()]
    } else {
        keys.collect()
    };
    let metrics = Metric::ALL.into_iter().map(|m| Column {
        path: FieldPath::top(m.name()),
        header: header_of(&m.name().replace("_ms_", "_")),
        kind: match m.measure() {
            Measure::Duration => Kind::DurationMs,
            Measure::Time => Kind::Time,
            Measure::Count | Measure::Rate | Measure::Minutes => Kind::Plain,
        },
    });
    keys.into_iter().chain(metrics).collect()
}

/// A row per group, then `TOTAL` (its other key cells empty, unlike a null key's `-`).
fn table_rows(report: &Report) -> Vec<Vec<Value>> {
    let key_columns = report.keys.len().max(1);
    let mut rows: Vec<Vec<Value>> = report
        .groups
        .iter()
        .map(|group| {
            group
                .key
                .iter()
                .map(|v| v.clone().map_or(Value::Null, Value::String))
                .chain(table_metrics(&group.metrics))
                .collect()
        })
        .collect();
    let label = std::iter::once(Value::from("TOTAL"))
        .chain(std::iter::repeat_n(Value::from(""), key_columns - 1));
    rows.push(label.chain(table_metrics(&report.total)).collect());
    rows
}

/// The metrics as table cells: rates as percentages, minutes to a tenth; durations and times
/// as values the table writes in words and in the table's zone.
fn table_metrics(metrics: &Metrics) -> impl Iterator<Item = Value> + '_ {
    Metric::ALL
        .into_iter()
        .map(|m| match (m.measure(), metrics.get(m)) {
            (_, Reading::None) => Value::Null,
            (Measure::Rate | Measure::Minutes, Reading::Number(_)) => {
                table_text(metrics, m, true).into()
            }
            _ => metrics.json(m),
        })
}

/// A metric as a table shows it: `7.1%`, `12.6`, `12m 34s`, a time in the table's zone.
pub fn table_text(metrics: &Metrics, metric: Metric, utc: bool) -> String {
    match metrics.get(metric) {
        Reading::None => "-".to_owned(),
        Reading::Count(n) if metric.measure() == Measure::Duration => format_duration(n),
        Reading::Count(n) => n.to_string(),
        Reading::Number(x) if metric.measure() == Measure::Rate => {
            format!("{:.1}%", x * 100.0)
        }
        Reading::Number(x) => format!("{x:.1}"),
        Reading::Time(t) => format_time(&t, utc),
    }
}

/// A time as JSON and CSV write it (for the command's `selection`).
pub fn time_json(time: Option<DateTime<Utc>>) -> Value {
    time.map_or(Value::Null, |t| {
        crate::model::session::format_utc(&t).into()
    })
}

#[cfg(test)]
mod tests {
    use super::super::{Clock, ErrorReasons, Stats, tests::ended};
    use super::*;
    use crate::model::Session;

    fn report(keys: Vec<GroupKey>) -> Report {
        let mut stats = Stats::new(keys, ErrorReasons::default(), Clock::utc());
        for session in [
            ended("a", "2026-04-20T09:00:00Z", Some(60_000), Some("USER_LEFT")),
            ended(
                "b",
                "2026-04-20T10:00:00Z",
                Some(120_000),
                Some("LLM_ERROR"),
            ),
            ended("c", "2026-04-19T08:00:00Z", Some(574_200), None),
            Session {
                status: Some("active".into()),
                ..Session::bare("d")
            },
        ] {
            stats.add(&session);
        }
        stats.finish()
    }

    fn render(report: &Report, format: Format) -> String {
        let mut options = OutputOptions::new(format);
        options.utc = true;
        let mut out = Vec::new();
        let selection = json!({"providers": ["anam"]});
        write_report(report, &selection, &options, Terminal::piped(), &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn json_is_one_document_with_the_selection_the_total_and_the_groups() {
        let out: Value =
            serde_json::from_str(&render(&report(vec![GroupKey::Day]), Format::Json)).unwrap();
        assert_eq!(out["selection"], json!({"providers": ["anam"]}));
        let total = &out["total"];
        assert_eq!(total["sessions"], 4);
        assert_eq!(total["active"], 1);
        assert_eq!(total["ended"], 3);
        assert_eq!(total["errors"], 1);
        assert_eq!(total["error_rate"], 0.3333);
        assert_eq!(total["minutes"], 12.57);
        assert_eq!(total["duration_ms_mean"], 251_400);
        assert_eq!(total["duration_ms_p50"], 120_000);
        assert_eq!(total["duration_ms_p95"], 574_200);
        assert_eq!(total["first_started_at"], "2026-04-19T08:00:00Z");
        assert_eq!(total["last_started_at"], "2026-04-20T10:00:00Z");
        let keys: Vec<&str> = total
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(keys, Metric::ALL.map(Metric::name));
        let groups = out["groups"].as_array().unwrap();
        assert_eq!(groups.len(), 3);
        assert_eq!(groups[0]["key"], json!({"day": "2026-04-19"}));
        assert_eq!(groups[0]["sessions"], 1);
        assert_eq!(groups[1]["key"], json!({"day": "2026-04-20"}));
        assert_eq!(groups[1]["error_rate"], 0.5);
        assert_eq!(groups[2]["key"], json!({"day": null}));
        assert_eq!(groups[2]["error_rate"], Value::Null);
        assert_eq!(groups[2]["duration_ms_p50"], Value::Null);
        assert_eq!(groups[2]["minutes"], 0.0);
    }

    #[test]
    fn json_without_groups_still_has_them_empty() {
        let out: Value = serde_json::from_str(&render(&report(Vec::new()), Format::Json)).unwrap();
        assert_eq!(out["groups"], json!([]));
        assert_eq!(out["total"]["sessions"], 4);
    }

    #[test]
    fn ndjson_is_a_line_per_group_then_the_total() {
        let out = render(&report(vec![GroupKey::Status]), Format::Ndjson);
        let lines: Vec<Value> = out
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines.len(), 3);
        assert_eq!(lines[0]["key"], json!({"status": "active"}));
        assert_eq!(lines[1]["key"], json!({"status": "ended"}));
        assert_eq!(lines[1]["ended"], 3);
        assert_eq!(lines[2]["key"], Value::Null);
        assert_eq!(lines[2]["sessions"], 4);
        let alone = render(&report(Vec::new()), Format::Ndjson);
        assert_eq!(alone.lines().count(), 1);
        assert!(alone.starts_with(r#"{"key":null,"sessions":4,"#), "{alone}");
    }

    #[test]
    fn csv_is_a_row_per_group_with_the_keys_first_and_no_total() {
        let out = render(
            &report(vec![GroupKey::Day, GroupKey::EndReason]),
            Format::Csv,
        );
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(
            lines[0],
            "day,end_reason,sessions,active,ended,errors,error_rate,minutes,duration_ms_mean,\
             duration_ms_p50,duration_ms_p90,duration_ms_p95,duration_ms_max,first_started_at,\
             last_started_at"
        );
        assert_eq!(
            &lines[1..],
            [
                "2026-04-19,,1,0,1,0,0.0,9.57,574200,574200,574200,574200,574200,\
                 2026-04-19T08:00:00Z,2026-04-19T08:00:00Z",
                "2026-04-20,LLM_ERROR,1,0,1,1,1.0,2.0,120000,120000,120000,120000,120000,\
                 2026-04-20T10:00:00Z,2026-04-20T10:00:00Z",
                "2026-04-20,USER_LEFT,1,0,1,0,0.0,1.0,60000,60000,60000,60000,60000,\
                 2026-04-20T09:00:00Z,2026-04-20T09:00:00Z",
                ",,1,1,0,0,,0.0,,,,,,,",
            ]
        );
    }

    #[test]
    fn csv_without_groups_is_the_total_alone() {
        let out = render(&report(Vec::new()), Format::Csv);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 2);
        assert!(lines[0].starts_with("sessions,active,"), "{}", lines[0]);
        assert!(
            lines[1].starts_with("4,1,3,1,0.3333,12.57,251400,120000,"),
            "{}",
            lines[1]
        );
    }

    #[test]
    fn the_table_has_a_row_per_group_and_a_total() {
        let out = render(&report(vec![GroupKey::Day]), Format::Table);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 5, "{out}");
        let header: Vec<&str> = lines[0]
            .split("   ")
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .collect();
        assert_eq!(
            header,
            [
                "DAY",
                "SESSIONS",
                "ACTIVE",
                "ENDED",
                "ERRORS",
                "ERROR RATE",
                "MINUTES",
                "DURATION MEAN",
                "DURATION P50",
                "DURATION P90",
                "DURATION P95",
                "DURATION MAX",
                "FIRST STARTED AT",
                "LAST STARTED AT",
            ]
        );
        let cells = |line: &str| -> Vec<String> {
            line.split("   ")
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .map(str::to_owned)
                .collect()
        };
        assert_eq!(
            cells(lines[2]),
            [
                "2026-04-20",
                "2",
                "0",
                "2",
                "1",
                "50.0%",
                "3.0",
                "1m 30s",
                "1m",
                "2m",
                "2m",
                "2m",
                "2026-04-20 09:00:00 +00:00",
                "2026-04-20 10:00:00 +00:00",
            ]
        );
        let null_group = cells(lines[3]);
        assert_eq!(null_group[..8], ["-", "1", "1", "0", "0", "-", "0.0", "-"]);
        let total = cells(lines[4]);
        assert_eq!(
            total[..9],
            ["TOTAL", "4", "1", "3", "1", "33.3%", "12.6", "4m 11s", "2m"]
        );
    }

    #[test]
    fn a_table_without_groups_is_the_total_row() {
        let out = render(&report(Vec::new()), Format::Table);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 2, "{out}");
        assert!(lines[0].trim_start().starts_with("SESSIONS"), "{out}");
        assert!(lines[1].starts_with("TOTAL   4"), "{out}");
    }

    #[test]
    fn table_text_reads_like_the_table() {
        let total = report(Vec::new()).total;
        assert_eq!(table_text(&total, Metric::ErrorRate, true), "33.3%");
        assert_eq!(table_text(&total, Metric::Minutes, true), "12.6");
        assert_eq!(table_text(&total, Metric::DurationMax, true), "9m 34s");
        assert_eq!(table_text(&total, Metric::Sessions, true), "4");
        assert_eq!(
            table_text(&total, Metric::FirstStartedAt, true),
            "2026-04-19 08:00:00 +00:00"
        );
        let empty = Stats::new(Vec::new(), ErrorReasons::default(), Clock::utc()).finish();
        assert_eq!(table_text(&empty.total, Metric::ErrorRate, true), "-");
    }
}
