//! Messages for people, on stderr: notes and hints (silenced by `-q`), the `-v` request log,
//! and error lines. stdout carries data only.
//!
//! Under GitHub Actions an error line is followed by the same message as an `::error::`
//! workflow command, which the runner shows as an annotation on the run's summary page.

use std::fmt::Display;
use std::io::Write;
use std::sync::{Arc, Mutex, PoisonError};

use indicatif::ProgressBar;

/// A shared handle to stderr (or, in tests, a buffer).
#[derive(Clone)]
pub struct Log {
    inner: Arc<Inner>,
    github_annotations: bool,
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
            github_annotations: false,
        }
    }

    /// Also writes each error as a GitHub Actions annotation (see [`github_annotation`]).
    pub fn with_github_annotations(mut self, on: bool) -> Self {
        self.github_annotations = on;
        self
    }

    /// A note for people (`note: …`), unless `-q`.
    pub fn note(&self, message: impl Display) {
        if !self.inner.quiet {
            self.line(format_args!("note: {message}"));
        }
    }

    /// A warning about the data (`warning: …`), unless `-q`.
    pub fn warning(&self, message: impl Display) {
        if !self.inner.quiet {
            self.line(format_args!("warning: {message}"));
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

    /// An error line, always written; under GitHub Actions followed by its annotation.
    pub fn error(&self, message: impl Display) {
        if self.github_annotations {
            let message = message.to_string();
            // One write, so that the two lines stay together.
            self.line(format_args!(
                "error: {message}\n{}",
                github_annotation(&message)
            ));
        } else {
            self.line(format_args!("error: {message}"));
        }
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

/// The first line of a command-line error as clap renders it (`error: …`), as a GitHub
/// Actions annotation, for `main` to print after clap's own message.
pub fn parse_error_annotation(rendered: &str) -> String {
    let message = rendered
        .lines()
        .next()
        .and_then(|l| l.strip_prefix("error: "));
    github_annotation(message.unwrap_or("a command is missing — see avatarctl --help"))
}

/// `message` as a GitHub Actions `::error::` workflow command, escaped as the runner
/// expects (`%` → `%25`, CR → `%0D`, LF → `%0A`), so it stays one line and reads back as is.
pub fn github_annotation(message: &str) -> String {
    let escaped = message
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A");
    format!("::error::{escaped}")
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A `Write` that the test can read back after the log wrote into it.
    #[derive(Clone, Default)]
    struct Shared(Arc<Mutex<Vec<u8>>>);

    impl Write for Shared {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            lock(&self.0).write(buf)
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    impl Shared {
        fn text(&self) -> String {
            String::from_utf8(lock(&self.0).clone()).unwrap()
        }
    }

    #[test]
    fn annotations_escape_what_the_runner_would_read_as_syntax() {
        assert_eq!(github_annotation("plain"), "::error::plain");
        assert_eq!(
            github_annotation("100% done\r\nnext:line, a::b"),
            "::error::100%25 done%0D%0Anext:line, a::b"
        );
        // `%0A` typed by someone stays text, not a newline.
        assert_eq!(github_annotation("%0A"), "::error::%250A");
    }

    #[test]
    fn a_parse_error_is_annotated_by_its_first_line() {
        assert_eq!(
            parse_error_annotation("error: unexpected argument '--x'\n\nUsage: avatarctl"),
            "::error::unexpected argument '--x'"
        );
        assert_eq!(
            parse_error_annotation("Usage: avatarctl <COMMAND>"),
            "::error::a command is missing — see avatarctl --help"
        );
    }

    #[test]
    fn errors_are_annotated_only_when_asked() {
        let plain = Shared::default();
        Log::new(Box::new(plain.clone()), false, false).error("no key");
        assert_eq!(plain.text(), "error: no key\n");

        let github = Shared::default();
        let log = Log::new(Box::new(github.clone()), false, true).with_github_annotations(true);
        log.error("no key");
        log.note("not an error");
        assert_eq!(github.text(), "error: no key\n::error::no key\n");
    }
}
