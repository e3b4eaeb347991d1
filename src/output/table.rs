//! Tables with comfy-table: the session list, and one session's every field.
//!
//! Cells hold untrusted text, so each goes through [`sanitize`]. On a terminal the table fits
//! its width; piped, it keeps full width and the same header, so `> file` loses nothing.

use std::borrow::Cow;
use std::io::{self, Write};

use chrono::{DateTime, Local, Utc};
use comfy_table::{Attribute, Cell, Color, ContentArrangement, Table, presets};
use serde_json::Value;

use super::sanitize::sanitize;
use super::{OutputOptions, Terminal, text};
use crate::session::{Field, FieldPath, Session};

/// What an absent value shows as.
const NONE: &str = "-";

/// One column of the list table.
struct Column {
    header: String,
    value: ColumnValue,
}

enum ColumnValue {
    Field(FieldPath),
    /// The persona's name, else its ID.
    Persona,
}

impl Column {
    fn field(header: &str, field: Field) -> Self {
        Self {
            header: header.into(),
            value: ColumnValue::Field(FieldPath::top(field)),
        }
    }

    /// A `--fields` column: `end_reason` → `END REASON`; a `raw.` path as written.
    fn selected(path: &FieldPath) -> Self {
        let header = if path.field == Field::DurationMs {
            // Shown as `12m 34s`, not milliseconds.
            "DURATION".to_owned()
        } else if path.path.is_empty() {
            header_of(path.field.name())
        } else {
            path.name()
        };
        Self {
            header,
            value: ColumnValue::Field(path.clone()),
        }
    }
}

/// The list table, filled row by row and printed by [`ListTable::finish`].
pub struct ListTable {
    table: Table,
    columns: Vec<Column>,
    utc: bool,
}

impl ListTable {
    pub fn new(options: &OutputOptions) -> Self {
        let columns = match &options.fields {
            Some(fields) => fields.iter().map(Column::selected).collect(),
            None => vec![
                Column::field("ID", Field::Id),
                Column::field("STATUS", Field::Status),
                Column::field("STARTED", Field::StartedAt),
                Column::field("DURATION", Field::DurationMs),
                Column {
                    header: "PERSONA".into(),
                    value: ColumnValue::Persona,
                },
                Column::field("END REASON", Field::EndReason),
            ],
        };
        let mut table = new_table(options);
        table.set_header(
            columns
                .iter()
                .map(|c| Cell::new(&c.header).add_attribute(Attribute::Bold)),
        );
        Self {
            table,
            columns,
            utc: options.utc,
        }
    }

    pub fn add(&mut self, session: &Session) {
        let row = self.columns.iter().map(|column| match &column.value {
            ColumnValue::Field(path) => styled(path, cell_text(session, path, self.utc)),
            ColumnValue::Persona => {
                let persona = session
                    .persona_name
                    .as_deref()
                    .or(session.persona_id.as_deref());
                Cell::new(sanitize(persona.unwrap_or(NONE)))
            }
        });
        self.table.add_row(row);
    }

    pub fn finish(self, terminal: &Terminal, out: &mut dyn Write) -> io::Result<()> {
        print(self.table, terminal, out)
    }
}

/// One session as a FIELD / VALUE table: the normalized fields, then every provider field
/// as a `raw.` path.
pub fn write_detail(
    session: &Session,
    options: &OutputOptions,
    terminal: &Terminal,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut table = new_table(options);
    table.set_header(["FIELD", "VALUE"].map(|h| Cell::new(h).add_attribute(Attribute::Bold)));
    let paths: Vec<FieldPath> = match &options.fields {
        Some(fields) => fields.clone(),
        None => Field::ALL
            .into_iter()
            .filter(|f| *f != Field::Raw)
            .map(FieldPath::top)
            .chain(leaf_paths(&session.raw, &mut Vec::new()))
            .collect(),
    };
    for path in &paths {
        let text = cell_text(session, path, options.utc);
        table.add_row([Cell::new(sanitize(&path.name())), styled(path, text)]);
    }
    print(table, terminal, out)
}

/// Plain records as a table: one column per key of the first record, headers upper-cased.
pub fn write_records(
    records: &[Value],
    options: &OutputOptions,
    terminal: &Terminal,
    out: &mut dyn Write,
) -> io::Result<()> {
    let keys: Vec<&String> = records
        .first()
        .and_then(Value::as_object)
        .map(|m| m.keys().collect())
        .unwrap_or_default();
    let mut table = new_table(options);
    table.set_header(
        keys.iter()
            .map(|k| Cell::new(header_of(k)).add_attribute(Attribute::Bold)),
    );
    for record in records {
        table.add_row(keys.iter().map(|key| {
            let text = text(&record[key.as_str()]).unwrap_or(Cow::Borrowed(NONE));
            Cell::new(sanitize(&text))
        }));
    }
    print(table, terminal, out)
}

/// A column header from a field name: `end_reason` → `END REASON`.
fn header_of(name: &str) -> String {
    name.replace('_', " ").to_uppercase()
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
                field: Field::Raw,
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

fn new_table(options: &OutputOptions) -> Table {
    let mut table = Table::new();
    table.load_style(presets::NOTHING).force_no_tty();
    if options.color {
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

/// A field as table text: times local with offset (or UTC), durations as `12m 34s`.
fn cell_text(session: &Session, path: &FieldPath, utc: bool) -> String {
    let time = |t: &Option<DateTime<Utc>>| t.as_ref().map(|t| format_time(t, utc));
    let text = match path.field {
        Field::StartedAt => time(&session.started_at),
        Field::EndedAt => time(&session.ended_at),
        Field::CreatedAt => time(&session.created_at),
        Field::DurationMs => session.duration_ms.map(format_duration),
        _ => text(&session.value(path)).map(Cow::into_owned),
    };
    text.unwrap_or_else(|| NONE.to_owned())
}

/// A cell, sanitized, with the status words colored.
fn styled(path: &FieldPath, text: String) -> Cell {
    let cell = Cell::new(sanitize(&text));
    let color = match (path.field, text.as_str()) {
        (Field::Status, "active") => Some(Color::Green),
        (Field::Status, "ended") => Some(Color::Blue),
        (Field::Status | Field::EndReason, word) if word.eq_ignore_ascii_case("error") => {
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
}
