//! `--jq <EXPR>`: the JSON output filtered with jq syntax by the `jaq` crates, so that no jq
//! binary is needed. The filter is compiled before any request (a typo costs nothing); the
//! command's JSON is collected and filtered once it is complete, or with NDJSON line by line
//! as it streams. String results print raw, as `jq -r` and `gh --jq` do; other values as
//! compact JSON, one a line.

use std::io::{self, Write};

use jaq_core::load::{Arena, File, Loader};
use jaq_core::{Compiler, Ctx, Vars, data, unwrap_valr};
use jaq_json::Val;

use crate::error::Error;

type Data = data::JustLut<Val>;

/// A compiled filter.
pub struct JqFilter {
    filter: jaq_core::Filter<Data>,
}

impl JqFilter {
    /// Compiles `code`; the error is one line that names the expression.
    pub fn compile(code: &str) -> Result<Self, Error> {
        let defs = jaq_core::defs()
            .chain(jaq_std::defs())
            .chain(jaq_json::defs());
        let funs = jaq_core::funs()
            .chain(jaq_std::funs())
            .chain(jaq_json::funs());
        let loader = Loader::new(defs);
        let arena = Arena::default();
        let program = File { code, path: () };
        let refuse = |what: &str| {
            Error::usage(format!(
                "--jq {code:?} is not a filter jq understands: {what} — e.g. --jq '.[].id'"
            ))
        };
        let modules = loader
            .load(&arena, program)
            .map_err(|errors| refuse(&describe_load(&errors)))?;
        let filter = Compiler::default()
            .with_funs(funs)
            .compile(modules)
            .map_err(|errors| {
                let names: Vec<String> = errors
                    .iter()
                    .flat_map(|(_, errs)| errs.iter().map(|(name, _)| format!("`{name}`")))
                    .collect();
                refuse(&format!("{} is not defined", names.join(", ")))
            })?;
        Ok(Self { filter })
    }

    /// Runs the filter on one JSON text and writes its results, one a line.
    pub fn apply(&self, json: &[u8], out: &mut dyn Write) -> Result<(), Error> {
        let input = jaq_json::read::parse_single(json).map_err(|e| {
            Error::Other(anyhow::anyhow!(
                "--jq: the output is not JSON ({e}) — use --jq with -o json or -o ndjson"
            ))
        })?;
        let ctx = Ctx::<Data>::new(&self.filter.lut, Vars::new([]));
        for result in self.filter.id.run((ctx, input)).map(unwrap_valr) {
            match result {
                Ok(Val::TStr(text)) => {
                    out.write_all(&text)?;
                    out.write_all(b"\n")?;
                }
                Ok(value) => writeln!(out, "{value}")?,
                Err(error) => {
                    return Err(Error::Other(anyhow::anyhow!(
                        "--jq: {error} — check the filter against the output's shape (-o json \
                         without --jq shows it)"
                    )));
                }
            }
        }
        Ok(())
    }
}

/// What the loader refused, in a few words.
fn describe_load<E: std::fmt::Debug>(errors: &E) -> String {
    let text = format!("{errors:?}");
    let short: String = text.chars().take(120).collect();
    if short.len() < text.len() {
        format!("{short}…")
    } else {
        short
    }
}

/// Collects what a command writes and filters it: a whole document at the end, or each line
/// of NDJSON as it comes.
pub struct JqWriter<'a> {
    filter: &'a JqFilter,
    out: &'a mut dyn Write,
    per_line: bool,
    buffer: Vec<u8>,
    /// A run-time failure of the filter, reported when the command ends.
    failed: Option<Error>,
}

impl<'a> JqWriter<'a> {
    pub fn new(filter: &'a JqFilter, out: &'a mut dyn Write, per_line: bool) -> Self {
        Self {
            filter,
            out,
            per_line,
            buffer: Vec::new(),
            failed: None,
        }
    }

    /// Filters what is left and reports a failure of the filter.
    pub fn finish(mut self) -> Result<(), Error> {
        if let Some(error) = self.failed.take() {
            return Err(error);
        }
        let rest = std::mem::take(&mut self.buffer);
        if !rest.iter().all(u8::is_ascii_whitespace) {
            self.filter.apply(&rest, self.out)?;
        }
        self.out.flush()?;
        Ok(())
    }

    fn filter_lines(&mut self) -> io::Result<()> {
        while let Some(end) = self.buffer.iter().position(|&b| b == b'\n') {
            let line: Vec<u8> = self.buffer.drain(..=end).collect();
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            if let Err(error) = self.filter.apply(&line, self.out) {
                return Err(match error {
                    Error::Io(io) => io,
                    other => {
                        self.failed = Some(other);
                        io::Error::other("the --jq filter failed")
                    }
                });
            }
        }
        Ok(())
    }
}

impl Write for JqWriter<'_> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        if self.failed.is_some() {
            return Err(io::Error::other("the --jq filter failed"));
        }
        self.buffer.extend_from_slice(bytes);
        if self.per_line {
            self.filter_lines()?;
        }
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.per_line {
            self.out.flush()?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(code: &str, json: &str) -> Result<String, Error> {
        let filter = JqFilter::compile(code)?;
        let mut out = Vec::new();
        filter.apply(json.as_bytes(), &mut out)?;
        Ok(String::from_utf8(out).unwrap())
    }

    #[test]
    fn strings_print_raw_and_other_values_as_compact_json() {
        let json =
            r#"[{"id": "a", "n": 1, "big": 12345678901234567890123}, {"id": "b\n", "n": null}]"#;
        assert_eq!(run(".[].id", json).unwrap(), "a\nb\n\n");
        assert_eq!(
            run(".[0]", json).unwrap(),
            "{\"id\":\"a\",\"n\":1,\"big\":12345678901234567890123}\n"
        );
        assert_eq!(
            run("map(select(.n != null)) | length", json).unwrap(),
            "1\n"
        );
        assert_eq!(
            run("[.[].id] | join(\",\")", r#"[{"id":"x"},{"id":"y"}]"#).unwrap(),
            "x,y\n"
        );
    }

    #[test]
    fn a_bad_filter_is_a_usage_error_and_a_failing_one_says_why() {
        for bad in [".[", "nosuchfn(1)", "..."] {
            let error = JqFilter::compile(bad).err().unwrap();
            assert_eq!(error.exit_code(), 2, "{bad}");
            assert!(error.to_string().starts_with("--jq "), "{error}");
        }
        let error = run(".id", "[1]").unwrap_err();
        assert_eq!(error.exit_code(), 1);
        assert!(error.to_string().starts_with("--jq: "), "{error}");
    }

    #[test]
    fn ndjson_is_filtered_line_by_line_as_it_comes() {
        let filter = JqFilter::compile(".id").unwrap();
        let mut out = Vec::new();
        let mut writer = JqWriter::new(&filter, &mut out, true);
        writer.write_all(b"{\"id\":\"a\"}\n{\"id\"").unwrap();
        writer.write_all(b":\"b\"}\n").unwrap();
        writer.finish().unwrap();
        assert_eq!(out, b"a\nb\n");
    }
}
