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
use super::{OutputOptions, Terminal, text};
use crate::record::{FieldPath, Kind, RAW, Record};
use crate::sanitize::sanitize;

/// What an absent value shows as.
const NONE: &str = "-";

/// The list table, filled row by row and printed by [`ListTable::finish`], fitted to the
/// terminal there (it needs every row to know the widths).
pub struct ListTable {
    columns: Vec<Column>,
    /// Each row's values, one per column, formatted once the layout is known.
    rows: Vec<Vec<Value>>,
    utc: bool,
    color: bool,
    headers: bool,
    wide: bool,
}

/// The fewest characters a cut column keeps, `…` included.
const MIN_CUT: usize = 6;
/// The gap between two columns.
const GAP: usize = 3;

impl ListTable {
    pub fn new(view: &View) -> Self {
        let columns = match &view.columns {
            Columns::Fields(columns) => columns.clone(),
            // A list table always has columns; the others are JSON shapes.
            _ => Vec::new(),
        };
        Self::with_columns(columns, &view.options)
    }

    /// A table of rows that are not records (a report's rows), with these columns.
    pub fn with_columns(columns: Vec<Column>, options: &OutputOptions) -> Self {
        Self {
            columns,
            rows: Vec::new(),
            utc: options.utc,
            color: options.color,
            headers: !options.no_headers,
            wide: options.wide,
        }
    }

    /// A row of values, one per column.
    pub fn add_values(&mut self, row: Vec<Value>) {
        self.rows.push(row);
    }

    pub fn add(&mut self, record: &impl Record) {
        let row = self
            .columns
            .iter()
            .map(|c| record.select(&c.path))
            .collect();
        self.rows.push(row);
    }

    /// Prints the table. On a terminal (unless `--wide`) it is fitted to the width: IDs and
    /// times are never cut; times first drop their seconds (and the offset, which then stands
    /// once in the header when every row shares it); then text columns are cut with `…`;
    /// then columns drop from the right. Returns how many columns were dropped.
    pub fn finish(self, terminal: &Terminal, out: &mut dyn Write) -> io::Result<usize> {
        let width = terminal
            .width
            .filter(|_| terminal.stdout_tty && !self.wide)
            .map(usize::from);
        let mut layout = Layout::of(&self, TimeStyle::Full);
        let mut dropped = 0;
        if let Some(width) = width.filter(|w| layout.width() > *w) {
            layout = Layout::of(&self, TimeStyle::Short);
            while layout.width() > width && !layout.cut_to(width) {
                if !layout.drop_last() {
                    break;
                }
                dropped += 1;
            }
        }
        layout.print(&self, out)?;
        Ok(dropped)
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum TimeStyle {
    /// `2026-04-20 09:00:00 +00:00`.
    Full,
    /// `2026-04-20 09:00`, the offset in the header when every row shares it.
    Short,
}

/// The table's text, cell by cell, and the width of each column.
struct Layout {
    headers: Vec<String>,
    cells: Vec<Vec<String>>,
    widths: Vec<usize>,
    /// Whether a column may be cut (text, not an ID, a time or a duration).
    cuttable: Vec<bool>,
}

impl Layout {
    fn of(table: &ListTable, style: TimeStyle) -> Self {
        let mut headers: Vec<String> = table.columns.iter().map(|c| c.header.clone()).collect();
        let mut cells: Vec<Vec<String>> = table
            .rows
            .iter()
            .map(|row| {
                row.iter()
                    .zip(&table.columns)
                    .map(|(value, column)| match (style, column.kind, value) {
                        (TimeStyle::Short, Kind::Time, Value::String(time)) => {
                            short_time(time, table.utc).unwrap_or_else(|| time.clone())
                        }
                        _ => cell_text(value, column.kind, table.utc),
                    })
                    .map(|text| sanitize(&text).into_owned())
                    .collect()
            })
            .collect();
        if style == TimeStyle::Short {
            for (i, column) in table.columns.iter().enumerate() {
                if column.kind == Kind::Time {
                    shared_offset_to_header(&mut headers[i], &mut cells, i);
                }
            }
        }
        let widths = (0..headers.len())
            .map(|i| {
                let header = if table.headers {
                    width_of(&headers[i])
                } else {
                    0
                };
                cells
                    .iter()
                    .map(|row| width_of(&row[i]))
                    .fold(header, usize::max)
            })
            .collect();
        let cuttable = table
            .columns
            .iter()
            .map(|c| matches!(c.kind, Kind::Text | Kind::Plain))
            .collect();
        Self {
            headers,
            cells,
            widths,
            cuttable,
        }
    }

    fn width(&self) -> usize {
        self.widths.iter().sum::<usize>() + GAP * self.widths.len().saturating_sub(1)
    }

    /// Cuts the cuttable columns, widest first, until the table fits in `width`; false when
    /// even cut to [`MIN_CUT`] they do not fit.
    fn cut_to(&mut self, width: usize) -> bool {
        while self.width() > width {
            let widest = (0..self.widths.len())
                .filter(|i| self.cuttable[*i] && self.widths[*i] > MIN_CUT)
                .max_by_key(|i| self.widths[*i]);
            let Some(i) = widest else {
                return false;
            };
            let excess = self.width() - width;
            self.widths[i] = self.widths[i].saturating_sub(excess).max(MIN_CUT);
        }
        for (i, limit) in self.widths.iter().enumerate() {
            if !self.cuttable[i] {
                continue;
            }
            self.headers[i] = cut(&self.headers[i], *limit);
            for row in &mut self.cells {
                row[i] = cut(&row[i], *limit);
            }
        }
        true
    }

    /// Drops the rightmost column that is not the first; false when only it is left.
    fn drop_last(&mut self) -> bool {
        if self.widths.len() <= 1 {
            return false;
        }
        self.headers.pop();
        self.widths.pop();
        self.cuttable.pop();
        for row in &mut self.cells {
            row.pop();
        }
        true
    }

    fn print(self, table: &ListTable, out: &mut dyn Write) -> io::Result<()> {
        let mut comfy = new_table(table.color);
        if table.headers {
            comfy.set_header(
                self.headers
                    .iter()
                    .map(|h| Cell::new(h).add_attribute(Attribute::Bold)),
            );
        }
        let paths: Vec<&FieldPath> = table.columns.iter().map(|c| &c.path).collect();
        for row in self.cells {
            comfy.add_row(
                row.into_iter()
                    .zip(&paths)
                    .map(|(text, path)| styled_text(path, text)),
            );
        }
        print(comfy, &Terminal::piped(), out)
    }
}

/// `text` in at most `limit` columns of the terminal, cut with `…`.
fn cut(text: &str, limit: usize) -> String {
    if width_of(text) <= limit {
        return text.to_owned();
    }
    let mut kept = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w + 1 > limit {
            break;
        }
        kept.push(c);
        used += w;
    }
    kept.push('…');
    kept
}

fn width_of(text: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(text)
}

/// A time without its seconds, in the table's zone, with its offset: `2026-04-20 09:00 +01:00`.
fn short_time(time: &str, utc: bool) -> Option<String> {
    let time = DateTime::parse_from_rfc3339(time).ok()?.with_timezone(&Utc);
    const FORMAT: &str = "%Y-%m-%d %H:%M %:z";
    Some(if utc {
        time.format(FORMAT).to_string()
    } else {
        time.with_timezone(&Local).format(FORMAT).to_string()
    })
}

/// When every time in column `i` ends in the same offset, moves it into the header:
/// `STARTED AT (+01:00)`.
fn shared_offset_to_header(header: &mut String, cells: &mut [Vec<String>], i: usize) {
    let offset_of = |cell: &str| cell.rsplit_once(' ').map(|(_, o)| o.to_owned());
    let times: Vec<&Vec<String>> = cells.iter().filter(|row| row[i] != NONE).collect();
    let Some(first) = times.first().and_then(|row| offset_of(&row[i])) else {
        return;
    };
    if !times
        .iter()
        .all(|row| offset_of(&row[i]).as_deref() == Some(first.as_str()))
    {
        return;
    }
    for row in cells.iter_mut().filter(|row| row[i] != NONE) {
        if let Some((time, _)) = row[i].rsplit_once(' ') {
            row[i] = time.to_owned();
        }
    }
    header.push_str(&format!(" ({first})"));
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
    if !view.options.no_headers {
        table.set_header(["FIELD", "VALUE"].map(|h| Cell::new(h).add_attribute(Attribute::Bold)));
    }
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
    let whole = !matches!(view.columns, Columns::Fields(_));
    let (normalized, provider) = rows.split_at(if whole { R::SCHEMA.fields.len() } else { 0 });
    for row in normalized {
        add_detail_row(&mut table, record, row, view.options.utc);
    }
    // Nested lists (tool calls) after the fields, before the provider's own.
    if whole {
        for (label, text) in record.detail_rows(&format_latency) {
            table.add_row([Cell::new(label), Cell::new(sanitize(&text))]);
        }
    }
    for row in provider {
        add_detail_row(&mut table, record, row, view.options.utc);
    }
    // `--wide`: values at full length even on a terminal, as in a pipe.
    let terminal = if view.options.wide {
        Terminal::piped()
    } else {
        *terminal
    };
    print(table, &terminal, out)
}

fn add_detail_row(table: &mut Table, record: &impl Record, row: &Column, utc: bool) {
    let text = cell_text(&record.select(&row.path), row.kind, utc);
    let text = sanitize(&text).into_owned();
    table.add_row([
        Cell::new(sanitize(&row.header)),
        styled_text(&row.path, text),
    ]);
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

pub(super) fn new_table(color: bool) -> Table {
    let mut table = Table::new();
    table.load_style(presets::NOTHING).force_no_tty();
    if color {
        table.enforce_styling();
    }
    table
}

pub(super) fn print(mut table: Table, terminal: &Terminal, out: &mut dyn Write) -> io::Result<()> {
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
        (Kind::LatencyMs, Value::Number(ms)) => ms.as_u64().map(format_latency),
        _ => None,
    };
    shown
        .or_else(|| text(value).map(Cow::into_owned))
        .unwrap_or_else(|| NONE.to_owned())
}

/// A cell of sanitized text, with the status words colored.
fn styled_text(path: &FieldPath, text: String) -> Cell {
    let cell = Cell::new(&text);
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

/// `754000` → `12m 34s`; whole seconds, rounded half up, since a table is read by people;
/// under a second, milliseconds (`646ms`).
/// Rounds without adding first, so a provider's absurd `u64::MAX` cannot overflow.
pub fn format_duration(ms: u64) -> String {
    // Under a second (a latency, a tool call) milliseconds say more than `1s`.
    if ms < 1000 {
        return format!("{ms}ms");
    }
    let seconds = std::time::Duration::from_secs(ms / 1000 + u64::from(ms % 1000 >= 500));
    humantime::format_duration(seconds).to_string()
}

/// `1390` → `1s 390ms`: a latency to the millisecond, where whole seconds would hide it.
pub fn format_latency(ms: u64) -> String {
    humantime::format_duration(std::time::Duration::from_millis(ms)).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latencies_keep_their_milliseconds() {
        assert_eq!(format_latency(1390), "1s 390ms");
        assert_eq!(format_latency(420), "420ms");
        assert_eq!(format_latency(0), "0s");
        assert_eq!(
            cell_text(&serde_json::json!(420), Kind::LatencyMs, true),
            "420ms"
        );
    }

    #[test]
    fn durations_read_like_people_write_them() {
        assert_eq!(format_duration(754_000), "12m 34s");
        assert_eq!(format_duration(754_499), "12m 34s");
        assert_eq!(format_duration(0), "0ms");
        assert_eq!(format_duration(646), "646ms");
        assert_eq!(format_duration(999), "999ms");
        assert_eq!(format_duration(1_000), "1s");
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
    fn text_is_cut_by_display_width_with_an_ellipsis() {
        assert_eq!(cut("CLOSED_BY_ENGINE", 6), "CLOSE…");
        assert_eq!(cut("short", 6), "short");
        assert_eq!(cut("日本語のテキスト", 7), "日本語…");
        assert_eq!(width_of(&cut("日本語のテキスト", 7)), 7);
    }

    #[test]
    fn a_shared_offset_moves_into_the_header() {
        let mut header = "STARTED AT".to_owned();
        let mut cells = vec![
            vec!["2026-04-20 09:00 +01:00".to_owned()],
            vec![NONE.to_owned()],
            vec!["2026-04-20 10:00 +01:00".to_owned()],
        ];
        shared_offset_to_header(&mut header, &mut cells, 0);
        assert_eq!(header, "STARTED AT (+01:00)");
        assert_eq!(cells[0][0], "2026-04-20 09:00");
        assert_eq!(cells[1][0], NONE);
        let mut header = "STARTED AT".to_owned();
        let mut mixed = vec![
            vec!["2026-03-29 00:30 +00:00".to_owned()],
            vec!["2026-03-29 03:30 +01:00".to_owned()],
        ];
        shared_offset_to_header(&mut header, &mut mixed, 0);
        assert_eq!(
            header, "STARTED AT",
            "offsets differ: each cell keeps its own"
        );
        assert_eq!(mixed[1][0], "2026-03-29 03:30 +01:00");
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
