//! One module per command; the file path follows the command path.

pub mod auth;
pub mod completions;
pub mod man;
pub mod providers;
pub mod sessions;
pub mod usage;

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
