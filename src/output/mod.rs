//! Rendering records to stdout: the format, the terminal it goes to, the [`View`] of one
//! record type, and one [`Renderer`] that every command writes through.
//!
//! Renderers write into `&mut dyn Write`, never to the process's stdout directly, so tests
//! hand them a `Vec<u8>` and a [`Terminal`] of their choosing. They know records only through
//! [`crate::record::Record`].

mod chat;
mod csv;
mod jq;
mod json;
mod pairs;
mod table;
pub(crate) mod transcode;
mod view;

use std::borrow::Cow;
use std::io::{self, IsTerminal, Write};
use std::marker::PhantomData;

use clap::ValueEnum;
use serde_json::Value;

use crate::record::{FieldPath, Record};

pub use chat::write_chat;
pub use jq::{JqFilter, JqWriter};
pub use pairs::write_pairs;
pub use table::{format_duration, format_latency, format_time};
pub use view::{Column, Columns, Layout, View, header_of};

/// The output format. A terminal never changes it, only its decoration.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Table,
    Json,
    Ndjson,
    Csv,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Self::Table => "table",
            Self::Json => "json",
            Self::Ndjson => "ndjson",
            Self::Csv => "csv",
        }
    }
}

/// How records are rendered, resolved from the flags by `config.rs`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutputOptions {
    pub format: Format,
    pub fields: Option<Vec<FieldPath>>,
    pub csv_safe: bool,
    pub raw: bool,
    pub utc: bool,
    pub show_secrets: bool,
    pub color: bool,
    /// Tables and CSV without their header row.
    pub no_headers: bool,
    /// Tables at full width, nothing cut or left out, even on a terminal.
    pub wide: bool,
}

impl OutputOptions {
    /// The default for `format`, as the flags leave it.
    pub fn new(format: Format) -> Self {
        Self {
            format,
            fields: None,
            csv_safe: false,
            raw: false,
            utc: false,
            show_secrets: false,
            color: false,
            no_headers: false,
            wide: false,
        }
    }
}

/// What stdout is connected to, decided once in `main`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Terminal {
    pub stdout_tty: bool,
    pub stderr_tty: bool,
    /// Columns, when stdout is a terminal.
    pub width: Option<u16>,
}

impl Terminal {
    pub fn detect() -> Self {
        let stdout_tty = io::stdout().is_terminal();
        Self {
            stdout_tty,
            stderr_tty: io::stderr().is_terminal(),
            width: stdout_tty
                .then(terminal_size::terminal_size)
                .flatten()
                .map(|(width, _)| width.0),
        }
    }

    /// Not a terminal: what tests and pipes see.
    pub fn piped() -> Self {
        Self {
            stdout_tty: false,
            stderr_tty: false,
            width: None,
        }
    }
}

/// A streaming writer of JSON-shaped records (JSON array, NDJSON, CSV).
pub trait RecordSink {
    fn write(&mut self, record: &Value) -> io::Result<()>;
    /// One row of cells, one per column in the header's order: how a CSV row is written
    /// without an object keyed by the column names. Only CSV takes it.
    fn write_cells(&mut self, _cells: &[Value]) -> io::Result<()> {
        Err(io::Error::other("this format has no columns"))
    }
    /// A record already serialized (pretty when [`RecordSink::json`] says so): how a whole
    /// record reaches JSON and NDJSON without a copy of its tree. Only JSON sinks take it.
    fn write_json(&mut self, _json: &[u8]) -> io::Result<()> {
        Err(io::Error::other("this format is not JSON"))
    }
    /// Whether the sink writes JSON, and pretty: `Some(pretty)`; `None` for CSV.
    fn json(&self) -> Option<bool> {
        None
    }
    /// Writes out what is buffered, without closing the document.
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
    fn finish(self: Box<Self>) -> io::Result<()>;
}

/// Writes records in the view's format as they come: records stream, a table is printed
/// at the end (it needs every row to size its columns).
pub struct Renderer<'a, R> {
    view: &'a View,
    sink: Sink<'a>,
    /// One record's JSON, the same allocation for every record.
    buffer: Vec<u8>,
    /// One CSV row's values, likewise.
    cells: Vec<Value>,

    written: u64,
    record: PhantomData<fn(R)>,
}

enum Sink<'a> {
    Records(Box<dyn RecordSink + 'a>),
    Table {
        table: Box<table::ListTable>,
        terminal: Terminal,
        out: &'a mut dyn Write,
    },
}

impl<'a, R: Record> Renderer<'a, R> {
    pub fn new(view: &'a View, terminal: Terminal, out: &'a mut dyn Write) -> io::Result<Self> {
        let sink = match view.format() {
            Format::Table => Sink::Table {
                table: Box::new(table::ListTable::new(view)),
                terminal,
                out,
            },
            Format::Json => Sink::Records(Box::new(json::JsonArray::new(out))),
            Format::Ndjson => Sink::Records(Box::new(json::Ndjson::new(out))),
            Format::Csv => Sink::Records(Box::new(csv::Csv::new(
                out,
                &view.csv_header(),
                view.options.csv_safe,
                !view.options.no_headers,
            )?)),
        };
        Ok(Self {
            view,
            sink,
            buffer: Vec::new(),
            cells: Vec::new(),
            written: 0,
            record: PhantomData,
        })
    }

    pub fn write(&mut self, mut record: R) -> io::Result<()> {
        match &mut self.sink {
            Sink::Records(sink) => match (
                sink.json(),
                self.view.serializes_whole(),
                &self.view.columns,
            ) {
                // The record (or its provider object) straight to JSON: the provider object
                // from its text, masked as it is written, and else from its tree.
                (Some(pretty), Some(raw_only), _) => {
                    self.view.protect_nested(&mut record);
                    let buffer = &mut self.buffer;
                    let masking = self.view.mask_rule();
                    if !transcode::write_record(&mut record, raw_only, pretty, masking, buffer)? {
                        self.view.protect(&mut record);
                        buffer.clear();
                        match (raw_only, record.raw()) {
                            (true, Some(raw)) => write_json(buffer, raw, pretty),
                            (true, None) => write_json(buffer, &Value::Null, pretty),
                            (false, _) => write_json(buffer, &record, pretty),
                        }?;
                    }
                    sink.write_json(buffer)?;
                }
                // CSV: each column's value read off the record, in the header's order.
                (None, _, Columns::Fields(columns)) => {
                    self.view.protect(&mut record);
                    self.cells.clear();
                    // Each field moved out of the record: no column repeats one (the view
                    // refuses a field named twice).
                    self.cells.extend(columns.iter().map(|c| {
                        if !c.path.is_raw() {
                            record.take_value(&c.path.field)
                        } else {
                            record.select(&c.path)
                        }
                    }));
                    sink.write_cells(&self.cells)?;
                }
                _ => {
                    self.view.protect(&mut record);
                    sink.write(&self.view.json(&record))?;
                }
            },
            Sink::Table { table, .. } => {
                self.view.protect(&mut record);
                table.add(&record);
            }
        }
        self.written += 1;
        Ok(())
    }

    /// Whether records reach the output as they come (every format but a table).
    pub fn streams(&self) -> bool {
        matches!(self.sink, Sink::Records(_))
    }

    /// How many records were written so far.
    pub fn written(&self) -> u64 {
        self.written
    }

    /// Writes out the complete records of a list that failed midway, leaving a JSON array
    /// unclosed so that no parser takes it for the whole list. A table is not printed.
    pub fn abandon(mut self) -> io::Result<()> {
        match &mut self.sink {
            Sink::Records(sink) => sink.flush(),
            Sink::Table { .. } => Ok(()),
        }
    }

    /// Ends the output; returns how many columns a table left out to fit the terminal.
    pub fn finish(self) -> io::Result<usize> {
        match self.sink {
            Sink::Records(sink) => sink.finish().map(|()| 0),
            Sink::Table {
                table,
                terminal,
                out,
            } => table.finish(&terminal, out),
        }
    }
}

fn write_json<T: serde::Serialize + ?Sized>(
    out: &mut Vec<u8>,
    value: &T,
    pretty: bool,
) -> io::Result<()> {
    let written = if pretty {
        serde_json::to_writer_pretty(out, value)
    } else {
        serde_json::to_writer(out, value)
    };
    written.map_err(io::Error::from)
}

/// Renders records asked for by ID (`sessions get`): one object when one ID was asked for in
/// JSON, a FIELD/VALUE table per record, else the same as a list.
pub fn write_details<R: Record>(
    records: Vec<R>,
    one_id: bool,
    view: &View,
    terminal: Terminal,
    out: &mut dyn Write,
) -> io::Result<()> {
    match (view.format(), one_id && records.len() == 1) {
        (Format::Table, _) => {
            for (i, mut record) in records.into_iter().enumerate() {
                if i > 0 {
                    out.write_all(b"\n")?;
                }
                view.protect(&mut record);
                table::write_detail(&record, view, &terminal, out)?;
            }
            Ok(())
        }
        (Format::Json, true) => {
            let mut record = records.into_iter().next().expect("one record");
            view.protect(&mut record);
            json::write_object(out, &view.json(&record))
        }
        _ => write_list(records, view, terminal, out).map(|_| ()),
    }
}

/// One JSON document, pretty, for a shape that is not a list of records (a transcript).
pub fn write_json_document(out: &mut dyn Write, document: &Value) -> io::Result<()> {
    json::write_object(out, document)
}

/// A table of rows that are not records (a report's), fitted to the terminal as a list
/// table is; returns how many columns were left out to fit it.
pub fn write_table(
    columns: Vec<Column>,
    rows: Vec<Vec<Value>>,
    options: &OutputOptions,
    terminal: Terminal,
    out: &mut dyn Write,
) -> io::Result<usize> {
    let mut table = table::ListTable::with_columns(columns, options);
    for row in rows {
        table.add_values(row);
    }
    table.finish(&terminal, out)
}

/// A streaming writer of JSON objects in `format` (JSON array, NDJSON, or CSV with this
/// header, honouring `--csv-safe` and `--no-headers`); `None` for a table.
pub fn record_sink<'a>(
    out: &'a mut dyn Write,
    header: &[String],
    options: &OutputOptions,
) -> io::Result<Option<Box<dyn RecordSink + 'a>>> {
    Ok(match options.format {
        Format::Table => None,
        Format::Json => Some(Box::new(json::JsonArray::new(out))),
        Format::Ndjson => Some(Box::new(json::Ndjson::new(out))),
        Format::Csv => Some(Box::new(csv::Csv::new(
            out,
            header,
            options.csv_safe,
            !options.no_headers,
        )?)),
    })
}

/// Renders a short list of records that are all at hand (e.g. `avatarctl providers`);
/// returns how many columns a table left out to fit the terminal.
pub fn write_list<R: Record>(
    records: Vec<R>,
    view: &View,
    terminal: Terminal,
    out: &mut dyn Write,
) -> io::Result<usize> {
    let mut renderer = Renderer::new(view, terminal, out)?;
    for record in records {
        renderer.write(record)?;
    }
    renderer.finish()
}

/// A JSON value as the text of a table or CSV cell: `None` for null (each format shows
/// absence its own way), a string as itself, anything else as compact JSON.
pub(crate) fn text(value: &Value) -> Option<Cow<'_, str>> {
    match value {
        Value::Null => None,
        Value::String(s) => Some(Cow::Borrowed(s)),
        other => Some(Cow::Owned(other.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn values_as_cell_text() {
        assert_eq!(text(&json!(null)), None);
        assert_eq!(text(&json!("a \"b\"")).as_deref(), Some("a \"b\""));
        assert_eq!(text(&json!(12)).as_deref(), Some("12"));
        assert_eq!(text(&json!(true)).as_deref(), Some("true"));
        assert_eq!(
            text(&json!({"a": [1, null]})).as_deref(),
            Some(r#"{"a":[1,null]}"#)
        );
    }
}
