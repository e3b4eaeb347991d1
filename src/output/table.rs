//! Tables with comfy-table: a list of records, and one record's every field.
//!
//! Cells hold untrusted text, so each goes through [`sanitize`]. On a terminal the table fits
//! its width; piped, it keeps full width and the same header, so `> file` loses nothing.

use std::borrow::Cow;
use std::io::{self, Write};

use chrono::{DateTime, Local, Utc};
use comfy_table::{Attribute, Cell, Color, ContentArrangement, Table, presets};
use serde_json::Value;

use super::view::{Column, Columns, View};
use super::{Terminal, text};
use crate::record::{FieldPath, Kind, RAW, Record};
use crate::sanitize::sanitize;

/// What an absent value shows as.
const NONE: &str = "-";

/// The list table, filled row by row and printed by [`ListTable::finish`].
pub struct ListTable {
    table: Table,
    columns: Vec<Column>,
    utc: bool,
}

impl ListTable {
    pub fn new(view: &View) -> Self {
        let columns = match &view.columns {
            Columns::Fields(columns) => columns.clone(),
            // A list table always has columns; the others are JSON shapes.
            _ => Vec::new(),
        };
        let mut table = new_table(view.options.color);
        table.set_header(
            columns
                .iter()
                .map(|c| Cell::new(&c.header).add_attribute(Attribute::Bold)),
        );
        Self {
            table,
            columns,
            utc: view.options.utc,
        }
    }

    pub fn add(&mut self, record: &impl Record) {
        let row = self.columns.iter().map(|column| {
            let text = cell_text(&record.select(&column.path), column.kind, self.utc);
            styled(&column.path, text)
        });
        self.table.add_row(row);
    }

    pub fn finish(self, terminal: &Terminal, out: &mut dyn Write) -> io::Result<()> {
        print(self.table, terminal, out)
    }
}

/// One record as a FIELD / VALUE table: the chosen fields, or the normalized fields and then
/// every provider field as a `raw.` path.
pub fn write_detail<R: Record>(
    record: &R,
    view: &View,
    terminal: &Terminal,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut table = new_table(view.options.color);
    table.set_header(["FIELD", "VALUE"].map(|h| Cell::new(h).add_attribute(Attribute::Bold)));
    let rows: Vec<Column> = match &view.columns {
        Columns::Fields(columns) => columns.clone(),
        _ => R::SCHEMA
            .fields
            .iter()
            .map(|f| Column::named(FieldPath::top(f.name), f.kind))
            .chain(
                record
                    .raw()
                    .map(|raw| leaf_paths(raw, &mut Vec::new()))
                    .unwrap_or_default()
                    .into_iter()
                    .map(|path| Column::named(path, Kind::Text)),
            )
            .collect(),
    };
    for row in &rows {
        let text = cell_text(&record.select(&row.path), row.kind, view.options.utc);
        table.add_row([Cell::new(sanitize(&row.header)), styled(&row.path, text)]);
    }
    print(table, terminal, out)
}

/// Every leaf below `value` as a `raw.` path (arrays by index; empty containers are leaves).
fn leaf_paths(value: &Value, prefix: &mut Vec<String>) -> Vec<FieldPath> {
    let children: Vec<(String, &Value)> = match value {
        Value::Object(map) if !map.is_empty() => map.iter().map(|(k, v)| (k.clone(), v)).collect(),
        Value::Array(items) if !items.is_empty() => items
            .iter()
            .enumerate()
            .map(|(i, v)| (i.to_string(), v))
            .collect(),
        _ => {
            return vec![FieldPath {
                field: RAW.to_owned(),
                path: prefix.clone(),
            }];
        }
    };
    let mut paths = Vec::new();
    for (key, child) in children {
        prefix.push(key);
        paths.extend(leaf_paths(child, prefix));
        prefix.pop();
    }
    paths
}

fn new_table(color: bool) -> Table {
    let mut table = Table::new();
    table.load_style(presets::NOTHING).force_no_tty();
    if color {
        table.enforce_styling();
    }
    table
}

fn print(mut table: Table, terminal: &Terminal, out: &mut dyn Write) -> io::Result<()> {
    for column in table.column_iter_mut() {
        column.set_padding((0, 3));
    }
    match terminal.width.filter(|_| terminal.stdout_tty) {
        Some(width) => {
            table
                .set_width(width)
                .set_content_arrangement(ContentArrangement::Dynamic);
        }
        None => {
            table.set_content_arrangement(ContentArrangement::Disabled);
        }
    }
    for line in table.lines() {
        out.write_all(line.trim_end().as_bytes())?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// A value as table text: times local with offset (or UTC), durations as `12m 34s`.
fn cell_text(value: &Value, kind: Kind, utc: bool) -> String {
    let shown = match (kind, value) {
        (Kind::Time, Value::String(time)) => DateTime::parse_from_rfc3339(time)
            .ok()
            .map(|t| format_time(&t.with_timezone(&Utc), utc)),
        (Kind::DurationMs, Value::Number(ms)) => ms.as_u64().map(format_duration),
        _ => None,
    };
    shown
        .or_else(|| text(value).map(Cow::into_owned))
        .unwrap_or_else(|| NONE.to_owned())
}

/// A cell, sanitized, with the status words colored.
fn styled(path: &FieldPath, text: String) -> Cell {
    let cell = Cell::new(sanitize(&text));
    let top = path.path.is_empty();
    let color = match (path.field.as_str(), text.as_str()) {
        ("status", "active") if top => Some(Color::Green),
        ("status", "ended") if top => Some(Color::Blue),
        ("status" | "end_reason", word) if top && word.eq_ignore_ascii_case("error") => {
            Some(Color::Red)
        }
        _ => None,
    };
    match color {
        Some(color) => cell.fg(color),
        None => cell,
    }
}

pub fn format_time(time: &DateTime<Utc>, utc: bool) -> String {
    const FORMAT: &str = "%Y-%m-%d %H:%M:%S %:z";
    if utc {
        time.format(FORMAT).to_string()
    } else {
        time.with_timezone(&Local).format(FORMAT).to_string()
    }
}

/// `754000` → `12m 34s`; whole seconds, rounded half up, since a table is read by people.
/// Rounds without adding first, so a provider's absurd `u64::MAX` cannot overflow.
pub fn format_duration(ms: u64) -> String {
    let seconds = std::time::Duration::from_secs(ms / 1000 + u64::from(ms % 1000 >= 500));
    humantime::format_duration(seconds).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_like_people_write_them() {
        assert_eq!(format_duration(754_000), "12m 34s");
        assert_eq!(format_duration(754_499), "12m 34s");
        assert_eq!(format_duration(0), "0s");
        assert_eq!(format_duration(3_723_000), "1h 2m 3s");
        assert_eq!(format_duration(754_500), "12m 35s");
        assert_eq!(
            format_duration(u64::MAX),
            "584542046years 1month 2days 15h 52m 16s"
        );
    }

    #[test]
    fn utc_times_carry_their_offset() {
        let time = DateTime::parse_from_rfc3339("2026-04-20T09:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        assert_eq!(format_time(&time, true), "2026-04-20 09:00:00 +00:00");
    }

    #[test]
    fn cells_show_times_and_durations_for_people() {
        let time = serde_json::json!("2026-04-20T09:00:00Z");
        assert_eq!(
            cell_text(&time, Kind::Time, true),
            "2026-04-20 09:00:00 +00:00"
        );
        assert_eq!(cell_text(&time, Kind::Text, true), "2026-04-20T09:00:00Z");
        assert_eq!(
            cell_text(&serde_json::json!(754_000), Kind::DurationMs, true),
            "12m 34s"
        );
        assert_eq!(cell_text(&Value::Null, Kind::Time, true), NONE);
    }
}
