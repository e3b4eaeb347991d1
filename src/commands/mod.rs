//! One module per command; the file path follows the command path.

pub mod auth;
pub mod completions;
pub mod man;
pub mod providers;
pub mod sessions;
pub mod usage;

use std::io::{self, Write};

use crate::context::Context;
use crate::error::{Error, Part, first_by_precedence};

/// Ends a command of several parts (sessions by ID, providers with `--provider all`) once
/// what could be fetched was `written`: each failure on stderr, then a summary with the exit
/// code of the one that stands (DESIGN.md's precedence).
pub fn finish(
    ctx: &Context,
    written: io::Result<()>,
    out: &mut dyn Write,
    failures: &[Error],
    total: usize,
    of: Part,
) -> Result<(), Error> {
    match written.and_then(|()| out.flush()) {
        Ok(()) => {}
        // The reader went away (`| head`) with what it wanted, but the failures are not in
        // what it read: they still go to stderr and decide the exit code.
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe && !failures.is_empty() => {}
        // With no failures, a closed pipe ends the run quietly (`main` sees to that).
        Err(error) => return Err(error.into()),
    }
    let Some(code) = first_by_precedence(failures.iter().map(Error::exit_code)) else {
        return Ok(());
    };
    for failure in failures {
        ctx.log.error(failure);
    }
    Err(Error::Partial {
        failed: failures.len(),
        total,
        code,
        of,
    })
}

#[cfg(test)]
pub(crate) mod tests {
    use std::io;

    /// A writer whose reader has gone: every write is a broken pipe.
    pub struct Closed;

    impl io::Write for Closed {
        fn write(&mut self, _: &[u8]) -> io::Result<usize> {
            Err(io::ErrorKind::BrokenPipe.into())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    /// What a command writes, as text.
    pub fn text(write: impl FnOnce(&mut Vec<u8>) -> io::Result<()>) -> String {
        let mut out = Vec::new();
        write(&mut out).unwrap();
        String::from_utf8(out).unwrap()
    }
}
