//! Rendering sessions to stdout: the format, the terminal it goes to, and one [`Renderer`]
//! that every command writes through.
//!
//! Renderers write into `&mut dyn Write`, never to the process's stdout directly, so tests
//! hand them a `Vec<u8>` and a [`Terminal`] of their choosing.

mod csv;
mod json;
pub mod sanitize;
mod table;

use std::borrow::Cow;
use std::io::{self, IsTerminal, Write};

use clap::ValueEnum;
use serde_json::Value;

use crate::secret::redact_credentials;
use crate::session::{Field, FieldPath, Session};

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

/// How sessions are rendered, resolved from the flags by `config.rs`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutputOptions {
    pub format: Format,
    pub fields: Option<Vec<FieldPath>>,
    pub csv_safe: bool,
    pub raw: bool,
    pub utc: bool,
    pub show_secrets: bool,
    pub color: bool,
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
    /// Writes out what is buffered, without closing the document.
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
    fn finish(self: Box<Self>) -> io::Result<()>;
}

/// Writes sessions in the chosen format as they come: records stream, a table is printed
/// at the end (it needs every row to size its columns).
pub struct Renderer<'a> {
    options: &'a OutputOptions,
    sink: Sink<'a>,
    /// Whether `raw` reaches the output, and so must have its credentials masked first.
    shows_raw: bool,
    written: u64,
}

enum Sink<'a> {
    Records(Box<dyn RecordSink + 'a>),
    Table {
        table: Box<table::ListTable>,
        terminal: Terminal,
        out: &'a mut dyn Write,
    },
}

impl<'a> Renderer<'a> {
    pub fn new(
        options: &'a OutputOptions,
        terminal: Terminal,
        out: &'a mut dyn Write,
    ) -> io::Result<Self> {
        let sink = match options.format {
            Format::Table => Sink::Table {
                table: Box::new(table::ListTable::new(options)),
                terminal,
                out,
            },
            Format::Json => Sink::Records(Box::new(json::JsonArray::new(out))),
            Format::Ndjson => Sink::Records(Box::new(json::Ndjson::new(out))),
            Format::Csv => {
                let header: Vec<String> = csv_fields(options).iter().map(FieldPath::name).collect();
                Sink::Records(Box::new(csv::Csv::new(out, &header, options.csv_safe)?))
            }
        };
        let shows_raw = match &options.fields {
            _ if options.raw => true,
            Some(fields) => fields.iter().any(|path| path.field == Field::Raw),
            None => matches!(options.format, Format::Json | Format::Ndjson),
        };
        Ok(Self {
            options,
            sink,
            shows_raw,
            written: 0,
        })
    }

    pub fn write(&mut self, mut session: Session) -> io::Result<()> {
        if self.shows_raw {
            protect(&mut session, self.options);
        }
        match &mut self.sink {
            Sink::Records(sink) => sink.write(&record(&session, self.options))?,
            Sink::Table { table, .. } => table.add(&session),
        }
        self.written += 1;
        Ok(())
    }

    /// How many sessions were written so far.
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

    pub fn finish(self) -> io::Result<()> {
        match self.sink {
            Sink::Records(sink) => sink.finish(),
            Sink::Table {
                table,
                terminal,
                out,
            } => table.finish(&terminal, out),
        }
    }
}

/// Renders the sessions of `sessions get`: one object when one ID was asked for in JSON,
/// a FIELD/VALUE table per session, else the same as a list.
pub fn write_sessions(
    sessions: Vec<Session>,
    one_id: bool,
    options: &OutputOptions,
    terminal: Terminal,
    out: &mut dyn Write,
) -> io::Result<()> {
    match (options.format, one_id && sessions.len() == 1) {
        (Format::Table, _) => {
            for (i, mut session) in sessions.into_iter().enumerate() {
                if i > 0 {
                    out.write_all(b"\n")?;
                }
                protect(&mut session, options);
                table::write_detail(&session, options, &terminal, out)?;
            }
            Ok(())
        }
        (Format::Json, true) => {
            let mut session = sessions.into_iter().next().expect("one session");
            protect(&mut session, options);
            json::write_object(out, &record(&session, options))
        }
        _ => {
            let mut renderer = Renderer::new(options, terminal, out)?;
            for session in sessions {
                renderer.write(session)?;
            }
            renderer.finish()
        }
    }
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

/// Masks credential fields unless `--show-secrets`.
fn protect(session: &mut Session, options: &OutputOptions) {
    if !options.show_secrets {
        redact_credentials(&mut session.raw);
    }
}

/// The JSON shape of a session: the provider's object (`--raw`), the selected fields, or
/// the whole normalized record.
fn record(session: &Session, options: &OutputOptions) -> Value {
    if options.raw {
        return session.raw.clone();
    }
    match (&options.fields, options.format) {
        (Some(fields), _) => session.select(fields),
        (None, Format::Csv) => session.select(&csv_fields(options)),
        (None, _) => serde_json::to_value(session).expect("a session serializes"),
    }
}

/// CSV columns: the selected fields, else every normalized field but `raw`.
fn csv_fields(options: &OutputOptions) -> Vec<FieldPath> {
    options.fields.clone().unwrap_or_else(|| {
        Field::ALL
            .into_iter()
            .filter(|f| *f != Field::Raw)
            .map(FieldPath::top)
            .collect()
    })
}

/// Renders plain records that are not sessions (e.g. `avatarctl providers`): a table whose
/// columns are the records' keys, or the records as JSON, NDJSON or CSV.
pub fn write_records(
    records: &[Value],
    options: &OutputOptions,
    terminal: Terminal,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut sink: Box<dyn RecordSink + '_> = match options.format {
        Format::Table => return table::write_records(records, options, &terminal, out),
        Format::Json => Box::new(json::JsonArray::new(out)),
        Format::Ndjson => Box::new(json::Ndjson::new(out)),
        Format::Csv => {
            let header: Vec<String> = records
                .first()
                .and_then(Value::as_object)
                .map(|first| first.keys().cloned().collect())
                .unwrap_or_default();
            Box::new(csv::Csv::new(out, &header, options.csv_safe)?)
        }
    };
    for record in records {
        sink.write(record)?;
    }
    sink.finish()
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
