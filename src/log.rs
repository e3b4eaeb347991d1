//! Messages for people, on stderr: notes and hints (silenced by `-q`), the `-v` request log,
//! and error lines. stdout carries data only.

use std::fmt::Display;
use std::io::Write;
use std::sync::{Arc, Mutex};

/// A shared handle to stderr (or, in tests, a buffer).
#[derive(Clone)]
pub struct Log {
    inner: Arc<Inner>,
}

struct Inner {
    out: Mutex<Box<dyn Write + Send>>,
    verbose: bool,
    quiet: bool,
}

impl Log {
    pub fn new(out: Box<dyn Write + Send>, verbose: bool, quiet: bool) -> Self {
        Self { inner: Arc::new(Inner { out: Mutex::new(out), verbose, quiet }) }
    }

    /// A note for people (`note: …`), unless `-q`.
    pub fn note(&self, message: impl Display) {
        if !self.inner.quiet {
            self.line(format_args!("note: {message}"));
        }
    }

    /// A line of the `-v` request log.
    pub fn verbose(&self, message: impl Display) {
        if self.inner.verbose {
            self.line(format_args!("{message}"));
        }
    }

    pub fn is_verbose(&self) -> bool {
        self.inner.verbose
    }

    /// An error line, always written.
    pub fn error(&self, message: impl Display) {
        self.line(format_args!("error: {message}"));
    }

    fn line(&self, message: impl Display) {
        // A closed stderr leaves nobody to tell, so a failed write is dropped.
        if let Ok(mut out) = self.inner.out.lock() {
            let _ = writeln!(out, "{message}");
            let _ = out.flush();
        }
    }
}
