//! CSV through the `csv` crate: a header row of field names, then one row per session.
//! `--csv-safe` defuses cells a spreadsheet would run as a formula.

use std::borrow::Cow;
use std::io::{self, Write};

use serde_json::Value;

use super::{RecordSink, text};

pub struct Csv<'a> {
    writer: csv::Writer<&'a mut dyn Write>,
    /// The column names; each row is read from its record by these keys.
    header: Vec<String>,
    header_written: bool,
    safe: bool,
}

impl<'a> Csv<'a> {
    /// A CSV with this header row, written before the first row, or at the end of a complete
    /// empty list — but not for a list that failed before its first row.
    /// `with_header: false` (`--no-headers`) leaves the header row out.
    pub fn new(
        out: &'a mut dyn Write,
        header: &[String],
        safe: bool,
        with_header: bool,
    ) -> io::Result<Self> {
        Ok(Self {
            writer: csv::Writer::from_writer(out),
            header: header.to_vec(),
            header_written: !with_header,
            safe,
        })
    }

    fn write_header(&mut self) -> io::Result<()> {
        if !self.header_written {
            self.header_written = true;
            self.writer.write_record(&self.header).map_err(into_io)?;
        }
        Ok(())
    }
}

impl RecordSink for Csv<'_> {
    /// `record` is a JSON object keyed by the header's names. Every row has one cell per
    /// column, in the header's order; a key the record lacks is an empty cell.
    fn write(&mut self, record: &Value) -> io::Result<()> {
        self.write_header()?;
        let cells = self
            .header
            .iter()
            .map(|name| Cell(cell(record.get(name).unwrap_or(&Value::Null), self.safe)));
        self.writer.write_record(cells).map_err(into_io)
    }

    fn write_cells(&mut self, cells: &[Value]) -> io::Result<()> {
        self.write_header()?;
        let cells = cells.iter().map(|value| Cell(cell(value, self.safe)));
        self.writer.write_record(cells).map_err(into_io)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.writer.flush()
    }

    fn finish(mut self: Box<Self>) -> io::Result<()> {
        self.write_header()?;
        self.writer.flush()
    }
}

/// A cell's text as the csv crate takes it.
struct Cell<'a>(Cow<'a, str>);

impl AsRef<[u8]> for Cell<'_> {
    fn as_ref(&self) -> &[u8] {
        self.0.as_bytes()
    }
}

/// A JSON value as CSV text: null is empty, nested values are compact JSON. A string is
/// borrowed, not copied, unless it is defused.
fn cell(value: &Value, safe: bool) -> Cow<'_, str> {
    let text = text(value).unwrap_or_default();
    if safe && text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{text}"))
    } else {
        text
    }
}

/// A CSV error as an I/O error: the writer's own I/O error as it is (so a closed pipe stays
/// a broken pipe), anything else with the csv crate's message for people, not its `Debug`.
fn into_io(error: csv::Error) -> io::Error {
    let message = error.to_string();
    match error.into_kind() {
        csv::ErrorKind::Io(e) => e,
        _ => io::Error::other(message),
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

    #[test]
    fn rows_follow_the_header_whatever_the_order_of_the_record() {
        let mut out = Vec::new();
        let header = ["id", "status", "label"].map(String::from);
        let mut csv = Box::new(Csv::new(&mut out, &header, false, true).unwrap());
        csv.write(&json!({"status": "ended", "id": "a", "extra": 1}))
            .unwrap();
        csv.write_cells(&[json!("b"), json!(null), json!({"x": [1]})])
            .unwrap();
        csv.finish().unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "id,status,label\na,ended,\nb,,\"{\"\"x\"\":[1]}\"\n"
        );
    }

    #[test]
    fn csv_errors_read_as_messages_not_debug_output() {
        let mut writer = csv::Writer::from_writer(Vec::new());
        writer.write_record(["a", "b"]).unwrap();
        let error = into_io(writer.write_record(["a"]).unwrap_err());
        let message = error.to_string();
        assert!(message.contains("found record with 1 field"), "{message}");
        assert!(!message.contains("UnequalLengths"), "{message}");
        let pipe = io::Error::new(io::ErrorKind::BrokenPipe, "gone");
        assert_eq!(
            into_io(csv::Error::from(pipe)).kind(),
            io::ErrorKind::BrokenPipe
        );
    }
}
