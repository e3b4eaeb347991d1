//! Running the binary and reading what it printed.
//!
//! [`run`] is the way every test that hands the binary a key runs it: it fails the test if the
//! key shows up anywhere on stdout or stderr, whatever else the test checks. [`Run`]'s methods
//! check the documented shape of success and failure (data on stdout only; one `error: ` line).

use assert_cmd::Command;
use serde_json::Value;

/// The Anam key most tests use: long and distinctive, so finding it in output means a leak.
pub const ANAM_KEY: &str = "anam_sk_test_Q7xV2mP9LwT4";
/// The AgentHuman key most tests use, shaped like the provider's (`ah_test_…`).
pub const AH_KEY: &str = "ah_test_Z3kR8wN1fJ6yBq0";

/// One finished run of `avatarctl`.
#[derive(Debug)]
pub struct Run {
    /// `None` when the process was killed by a signal.
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

/// Runs `command` and fails the test if `secret` appears in its stdout or stderr.
pub fn run(command: &mut Command, secret: &str) -> Run {
    let run = Run::of(command);
    run.assert_hides(secret);
    run
}

impl Run {
    /// Runs `command` without any secret to watch for (usage errors before a key is read).
    pub fn of(command: &mut Command) -> Self {
        let output = command.output().expect("run avatarctl");
        Self {
            code: output.status.code(),
            stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
            stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
        }
    }

    /// Fails if `secret` appears in stdout or stderr.
    pub fn assert_hides(&self, secret: &str) {
        assert!(
            !secret.is_empty(),
            "watching for an empty secret proves nothing"
        );
        for (stream, text) in [("stdout", &self.stdout), ("stderr", &self.stderr)] {
            assert!(
                !text.contains(secret),
                "the secret {secret:?} leaked into {stream}:\n{text}"
            );
        }
    }

    /// Fails unless stderr contains `text`, whatever the exit code.
    pub fn assert_stderr_contains(&self, text: &str) {
        assert!(
            self.stderr.contains(text),
            "stderr lacks {text:?}:\n{}",
            self.stderr
        );
    }

    /// Asserts exit code 0 and returns stdout.
    pub fn success(&self) -> &str {
        assert_eq!(self.code, Some(0), "expected success; {self:#?}");
        &self.stdout
    }

    /// Asserts exit code 0 with nothing on stderr, and returns stdout.
    pub fn quiet_success(&self) -> &str {
        self.success();
        assert_eq!(self.stderr, "", "expected nothing on stderr");
        &self.stdout
    }

    /// Asserts success and parses stdout as one JSON value.
    pub fn json(&self) -> Value {
        serde_json::from_str(self.success())
            .unwrap_or_else(|err| panic!("stdout is not JSON ({err}):\n{}", self.stdout))
    }

    /// Asserts success and parses each line of stdout as JSON.
    pub fn ndjson(&self) -> Vec<Value> {
        self.success()
            .lines()
            .map(|line| {
                serde_json::from_str(line)
                    .unwrap_or_else(|err| panic!("line is not JSON ({err}): {line}"))
            })
            .collect()
    }

    /// Asserts success and returns the `id` of each NDJSON line, in order.
    pub fn ndjson_ids(&self) -> Vec<String> {
        ids(&Value::Array(self.ndjson()))
    }

    /// Asserts an avatarctl error with `code`: nothing on stdout and exactly one line on
    /// stderr starting `error: `. Returns the line without `error: `. (That the line also
    /// says how to fix it, after ` — `, is checked on its own in `errors.rs`.)
    pub fn failure(&self, code: i32) -> &str {
        assert_eq!(self.code, Some(code), "wrong exit code; {self:#?}");
        assert_eq!(self.stdout, "", "stdout must stay empty on an error");
        let line = self
            .stderr
            .strip_suffix('\n')
            .unwrap_or_else(|| panic!("stderr must end with a newline: {:?}", self.stderr));
        assert!(
            !line.contains('\n'),
            "stderr must be one line: {:?}",
            self.stderr
        );
        line.strip_prefix("error: ")
            .unwrap_or_else(|| panic!("stderr must start with `error: `: {line:?}"))
    }

    /// Whether the run ended with `code` (for a failure whose stderr has more than one line,
    /// such as `-v` output before the error).
    pub fn failure_code_is(&self, code: i32) -> bool {
        self.code == Some(code) && self.stdout.is_empty()
    }

    /// Asserts a usage error (exit 2) in avatarctl's own one-line form.
    pub fn usage_error(&self) -> &str {
        self.failure(2)
    }

    /// Asserts a usage error reported by the argument parser (exit 2, `error:` first, stdout
    /// empty); the parser adds a usage block, so it may be several lines. Returns stderr.
    pub fn parse_error(&self) -> &str {
        assert_eq!(self.code, Some(2), "wrong exit code; {self:#?}");
        assert_eq!(self.stdout, "", "stdout must stay empty on an error");
        assert!(self.stderr.starts_with("error: "), "{}", self.stderr);
        &self.stderr
    }
}

/// The `id` of every session in a JSON array.
pub fn ids(value: &Value) -> Vec<String> {
    value
        .as_array()
        .unwrap_or_else(|| panic!("expected a JSON array, got {value}"))
        .iter()
        .map(|session| {
            session["id"]
                .as_str()
                .unwrap_or_else(|| panic!("a session without an id: {session}"))
                .to_owned()
        })
        .collect()
}
