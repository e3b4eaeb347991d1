//! JSON (a pretty array, or one object) and NDJSON (one compact object per line), written as
//! sessions arrive so that memory does not grow with the list.

use std::io::{self, Write};

use serde_json::Value;

use super::RecordSink;

/// A JSON array, element by element: the same bytes `to_writer_pretty` gives for the whole.
pub struct JsonArray<'a> {
    out: &'a mut dyn Write,
    written: usize,
    /// One element as indented, the same allocation for every element.
    element: Vec<u8>,
}

impl<'a> JsonArray<'a> {
    pub fn new(out: &'a mut dyn Write) -> Self {
        Self {
            out,
            written: 0,
            element: Vec::new(),
        }
    }
}

impl RecordSink for JsonArray<'_> {
    fn write(&mut self, record: &Value) -> io::Result<()> {
        let pretty = serde_json::to_vec_pretty(record)?;
        self.write_json(&pretty)
    }

    fn json(&self) -> Option<bool> {
        Some(true)
    }

    /// One element, indented into the array, and written at once.
    fn write_json(&mut self, pretty: &[u8]) -> io::Result<()> {
        let element = &mut self.element;
        element.clear();
        element.extend_from_slice(if self.written == 0 {
            b"[\n  "
        } else {
            b",\n  "
        });
        let mut rest = pretty;
        while let Some(end) = memchr::memchr(b'\n', rest) {
            element.extend_from_slice(&rest[..=end]);
            element.extend_from_slice(b"  ");
            rest = &rest[end + 1..];
        }
        element.extend_from_slice(rest);
        self.out.write_all(element)?;
        self.written += 1;
        Ok(())
    }

    fn finish(self: Box<Self>) -> io::Result<()> {
        self.out
            .write_all(if self.written == 0 { b"[]\n" } else { b"\n]\n" })
    }
}

/// One compact JSON object per line.
pub struct Ndjson<'a> {
    out: &'a mut dyn Write,
}

impl<'a> Ndjson<'a> {
    pub fn new(out: &'a mut dyn Write) -> Self {
        Self { out }
    }
}

impl RecordSink for Ndjson<'_> {
    fn write(&mut self, record: &Value) -> io::Result<()> {
        serde_json::to_writer(&mut *self.out, record)?;
        self.out.write_all(b"\n")
    }

    fn json(&self) -> Option<bool> {
        Some(false)
    }

    fn write_json(&mut self, compact: &[u8]) -> io::Result<()> {
        self.out.write_all(compact)?;
        self.out.write_all(b"\n")
    }

    fn finish(self: Box<Self>) -> io::Result<()> {
        Ok(())
    }
}

/// One pretty JSON object, for `sessions get` with a single ID.
pub fn write_object(out: &mut dyn Write, record: &Value) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, record)?;
    out.write_all(b"\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_streamed_array_equals_the_pretty_whole() {
        let records = [json!({"a": 1, "b": {"c": [1, 2]}}), json!({"a": null})];
        let mut out = Vec::new();
        let mut sink: Box<dyn RecordSink> = Box::new(JsonArray::new(&mut out));
        for record in &records {
            sink.write(record).unwrap();
        }
        sink.finish().unwrap();
        let whole = serde_json::to_string_pretty(&records).unwrap() + "\n";
        assert_eq!(String::from_utf8(out).unwrap(), whole);
    }

    #[test]
    fn an_empty_array_is_valid_json() {
        let mut out = Vec::new();
        Box::new(JsonArray::new(&mut out)).finish().unwrap();
        assert_eq!(out, b"[]\n");
    }
}
