//! Running the binary while reading what it prints, for the tests about *when* output appears
//! (rows before the last page has arrived) or what is left of it after an interruption.
//!
//! [`stream_anam`] starts `avatarctl` against a fake Anam with stdout and stderr piped, each read
//! on its own thread as it comes (a long listing is more than a pipe holds, so waiting for the
//! end before reading would block the binary). [`Streaming::next_line`] waits for the next line
//! of stdout; [`Streaming::finish`] waits for the end and returns a [`Run`] of everything
//! printed, checked for the key like any other [`run`](super::run).

use std::io::{BufRead, BufReader, Read};
use std::process::{Child, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::thread::JoinHandle;
use std::time::Duration;

use super::{FakeServer, Run, avatarctl_process};

/// How long [`Streaming::next_line`] waits for a line before failing the test.
const LINE_TIMEOUT: Duration = Duration::from_secs(20);

/// `avatarctl` running, its output read as it comes.
pub struct Streaming {
    child: Child,
    /// What must not appear in stdout or stderr.
    secret: String,
    /// Each line of stdout, with its `\n`, as the reader thread reads it.
    lines: Receiver<String>,
    /// The lines received so far, in order.
    stdout: String,
    /// The threads reading stdout and stderr; `None` once finished.
    readers: Option<(JoinHandle<()>, JoinHandle<String>)>,
}

/// Starts `avatarctl args…` against the fake Anam at `server`, with `key` as `ANAM_API_KEY`.
pub fn stream_anam(server: &FakeServer, key: &str, args: &[&str]) -> Streaming {
    let mut command = avatarctl_process();
    command
        .env("ANAM_API_KEY", key)
        .env("AVATARCTL_BASE_URL", server.url())
        .args(args);
    Streaming::spawn(&mut command, key)
}

impl Streaming {
    /// Starts `command` with stdout and stderr piped and read on their own threads;
    /// [`finish`](Self::finish) fails the test if `secret` appears in either.
    pub fn spawn(command: &mut std::process::Command, secret: &str) -> Self {
        let mut child = command
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start avatarctl");
        let mut stdout = BufReader::new(child.stdout.take().expect("stdout is piped"));
        let (send, lines) = mpsc::channel();
        let stdout_reader = std::thread::spawn(move || {
            loop {
                let mut line = String::new();
                let read = stdout.read_line(&mut line).expect("stdout is UTF-8");
                if read == 0 || send.send(line).is_err() {
                    break;
                }
            }
        });
        let mut stderr = child.stderr.take().expect("stderr is piped");
        let stderr_reader = std::thread::spawn(move || {
            let mut text = String::new();
            stderr.read_to_string(&mut text).expect("stderr is UTF-8");
            text
        });
        Self {
            child,
            secret: secret.to_owned(),
            lines,
            stdout: String::new(),
            readers: Some((stdout_reader, stderr_reader)),
        }
    }

    /// Waits for the next line of stdout and returns it without its `\n`; fails the test if
    /// none comes within 20 seconds or stdout ends first.
    pub fn next_line(&mut self) -> String {
        match self.lines.recv_timeout(LINE_TIMEOUT) {
            Ok(line) => {
                self.stdout.push_str(&line);
                line.strip_suffix('\n').unwrap_or(&line).to_owned()
            }
            Err(RecvTimeoutError::Timeout) => {
                panic!("no line on stdout within {LINE_TIMEOUT:?}")
            }
            Err(RecvTimeoutError::Disconnected) => {
                panic!("stdout ended; it held:\n{}", self.stdout)
            }
        }
    }

    /// Sends SIGINT, as Ctrl-C in a terminal does.
    #[cfg(unix)]
    pub fn interrupt(&self) {
        let status = std::process::Command::new("kill")
            .args(["-INT", &self.child.id().to_string()])
            .status()
            .expect("run kill");
        assert!(status.success(), "kill -INT failed: {status}");
    }

    /// Waits for the process to end and returns all it printed, the lines already taken by
    /// [`next_line`](Self::next_line) included; fails the test if the secret appears in it.
    pub fn finish(mut self) -> Run {
        let (stdout_reader, stderr_reader) = self.readers.take().expect("finished only once");
        for line in self.lines.iter() {
            self.stdout.push_str(&line);
        }
        stdout_reader.join().expect("read stdout");
        let stderr = stderr_reader.join().expect("read stderr");
        let status = self.child.wait().expect("wait for avatarctl");
        let run = Run {
            code: status.code(),
            stdout: std::mem::take(&mut self.stdout),
            stderr,
        };
        run.assert_hides(&self.secret);
        run
    }
}

impl Drop for Streaming {
    /// A test that fails before [`finish`](Self::finish) leaves no process behind.
    fn drop(&mut self) {
        if self.readers.is_some() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}
