//! CSV through the `csv` crate: a header row of field names, then one row per session.
//! `--csv-safe` defuses cells a spreadsheet would run as a formula.

use std::io::{self, Write};

use serde_json::Value;

use super::{RecordSink, text};

pub struct Csv<'a> {
    writer: csv::Writer<&'a mut dyn Write>,
    safe: bool,
}

impl<'a> Csv<'a> {
    /// Starts the CSV with its header row (written even when no row follows).
    pub fn new(out: &'a mut dyn Write, header: &[String], safe: bool) -> io::Result<Self> {
        let mut writer = csv::Writer::from_writer(out);
        writer.write_record(header).map_err(into_io)?;
        Ok(Self { writer, safe })
    }
}

impl RecordSink for Csv<'_> {
    /// `record` is a JSON object whose values are in header order.
    fn write(&mut self, record: &Value) -> io::Result<()> {
        let cells = record
            .as_object()
            .into_iter()
            .flat_map(|map| map.values())
            .map(|value| cell(value, self.safe));
        self.writer.write_record(cells).map_err(into_io)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.writer.flush()
    }

    fn finish(mut self: Box<Self>) -> io::Result<()> {
        self.writer.flush()
    }
}

/// A JSON value as CSV text: null is empty, nested values are compact JSON.
fn cell(value: &Value, safe: bool) -> String {
    let text = text(value).unwrap_or_default();
    if safe && text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.into_owned()
    }
}

fn into_io(error: csv::Error) -> io::Error {
    match error.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn cells_and_formula_defusing() {
        assert_eq!(cell(&json!(null), false), "");
        assert_eq!(cell(&json!({"a": [1]}), false), r#"{"a":[1]}"#);
        assert_eq!(cell(&json!("=1+1"), false), "=1+1");
        for risky in ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(cell(&json!(risky), true), format!("'{risky}"));
        }
        assert_eq!(cell(&json!("plain"), true), "plain");
    }
}
