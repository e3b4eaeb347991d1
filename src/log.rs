//! Messages for people, on stderr: notes and hints (silenced by `-q`), the `-v` request log,
//! and error lines. stdout carries data only.

use std::fmt::Display;
use std::io::Write;
use std::sync::{Arc, Mutex, PoisonError};

use indicatif::ProgressBar;

/// A shared handle to stderr (or, in tests, a buffer).
#[derive(Clone)]
pub struct Log {
    inner: Arc<Inner>,
}

struct Inner {
    out: Mutex<Box<dyn Write + Send>>,
    /// A progress bar on stderr, kept out of the way of each line written.
    bar: Mutex<Option<ProgressBar>>,
    verbose: bool,
    quiet: bool,
}

impl Log {
    pub fn new(out: Box<dyn Write + Send>, verbose: bool, quiet: bool) -> Self {
        Self {
            inner: Arc::new(Inner {
                out: Mutex::new(out),
                bar: Mutex::new(None),
                verbose,
                quiet,
            }),
        }
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

    pub fn is_quiet(&self) -> bool {
        self.inner.quiet
    }

    /// Shows `bar` until [`Log::clear_progress`]; lines written meanwhile appear above it.
    pub fn show_progress(&self, bar: ProgressBar) {
        *lock(&self.inner.bar) = Some(bar);
    }

    /// Updates the progress bar, if one is shown.
    pub fn progress(&self, update: impl FnOnce(&ProgressBar)) {
        if let Some(bar) = lock(&self.inner.bar).as_ref() {
            update(bar);
        }
    }

    pub fn clear_progress(&self) {
        if let Some(bar) = lock(&self.inner.bar).take() {
            bar.finish_and_clear();
        }
    }

    /// An error line, always written.
    pub fn error(&self, message: impl Display) {
        self.line(format_args!("error: {message}"));
    }

    fn line(&self, message: impl Display) {
        let write = || {
            // A closed stderr leaves nobody to tell, so a failed write is dropped.
            let mut out = lock(&self.inner.out);
            let _ = writeln!(out, "{message}");
            let _ = out.flush();
        };
        match lock(&self.inner.bar).as_ref() {
            Some(bar) => bar.suspend(write),
            None => write(),
        }
    }
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}
