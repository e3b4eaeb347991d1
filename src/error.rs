//! The one error type that reaches `main`, and its one mapping to the documented exit codes.
//!
//! Every message is a single line in the form `<what> — <how to fix>`; `main` prefixes
//! `error: `. Text that came from a provider is sanitized before it is stored here.

use std::io;

/// Exit codes, as documented in README.md and DESIGN.md.
pub mod exit {
    pub const OTHER: u8 = 1;
    pub const USAGE: u8 = 2;
    pub const NOT_FOUND: u8 = 3;
    pub const AUTH: u8 = 4;
    pub const PROVIDER: u8 = 5;
    pub const RATE_LIMITED: u8 = 6;
    pub const INTERRUPTED: u8 = 130;
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A bad flag, a bad value, a missing key or provider.
    #[error("{0}")]
    Usage(String),
    /// The provider answered with an error status.
    #[error("{0}")]
    Api(Box<ApiError>),
    /// The provider could not be reached, or did not answer in time.
    #[error("{0}")]
    Network(String),
    /// The provider answered with something that is not what it documents.
    #[error("{0}")]
    Malformed(String),
    /// Several requests failed; each was already reported on its own line.
    #[error("{}", partial_message(*failed, *total))]
    Partial {
        failed: usize,
        total: usize,
        code: u8,
    },
    /// Ctrl-C.
    #[error("interrupted")]
    Interrupted,
    /// Writing the output failed (a closed pipe is not reported: see `is_broken_pipe`).
    #[error("cannot write the output: {0} — check the disk space and where stdout goes")]
    Io(#[from] io::Error),
    #[error("{0:#}")]
    Other(#[from] anyhow::Error),
}

impl Error {
    pub fn usage(message: impl Into<String>) -> Self {
        Self::Usage(message.into())
    }

    /// The process exit code for this error.
    pub fn exit_code(&self) -> u8 {
        match self {
            Self::Usage(_) => exit::USAGE,
            Self::Api(api) => match api.status {
                404 => exit::NOT_FOUND,
                401 | 403 => exit::AUTH,
                429 => exit::RATE_LIMITED,
                500..=599 => exit::PROVIDER,
                _ => exit::OTHER,
            },
            Self::Network(_) | Self::Malformed(_) => exit::PROVIDER,
            Self::Partial { code, .. } => *code,
            Self::Interrupted => exit::INTERRUPTED,
            Self::Io(_) | Self::Other(_) => exit::OTHER,
        }
    }

    /// True when the error is, somewhere in its chain, a write to a closed pipe.
    pub fn is_broken_pipe(&self) -> bool {
        match self {
            Self::Io(e) => e.kind() == io::ErrorKind::BrokenPipe,
            Self::Other(e) => e.chain().any(|cause| {
                cause
                    .downcast_ref::<io::Error>()
                    .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
            }),
            _ => false,
        }
    }
}

fn partial_message(failed: usize, total: usize) -> String {
    if failed == total {
        format!("none of the {total} sessions could be fetched — each failure is above")
    } else {
        format!(
            "{failed} of {total} sessions could not be fetched — the others were printed; each \
             failure is above"
        )
    }
}

/// An error status from a provider, with what it said about it.
#[derive(Debug, Clone)]
pub struct ApiError {
    pub status: u16,
    /// The provider's name, e.g. `anam`.
    pub provider: &'static str,
    /// What was asked for, e.g. `session 3f1c…` or `the session list`.
    pub subject: String,
    /// Where the key came from (`ANAM_API_KEY`, `--api-key`, …), never the key.
    pub key_source: String,
    /// The provider's own message, sanitized.
    pub message: Option<String>,
    /// AgentHuman's `suggestion`, sanitized.
    pub suggestion: Option<String>,
    pub request_id: Option<String>,
    /// How many times the request was sent.
    pub attempts: u32,
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let Self {
            status,
            provider,
            subject,
            key_source,
            ..
        } = self;
        let mut detail = format!("HTTP {status}");
        if let Some(message) = &self.message {
            detail.push_str(&format!(": {message}"));
        }
        if let Some(suggestion) = &self.suggestion {
            detail.push_str(&format!("; {suggestion}"));
        }
        if let Some(id) = &self.request_id {
            detail.push_str(&format!(", request ID {id}"));
        }
        if self.attempts > 1 {
            detail.push_str(&format!(", after {} attempts", self.attempts));
        }
        match status {
            401 | 403 => write!(
                f,
                "{provider} refused the API key from {key_source} ({detail}) — check the key, \
                 or pass another with --api-key or --api-key-file"
            ),
            404 => write!(
                f,
                "{subject} not found on {provider} ({detail}) — check the ID; \
                 `avatarctl sessions list` shows the sessions there are"
            ),
            429 => write!(
                f,
                "{provider} is rate limiting requests for {subject} ({detail}) — wait a minute \
                 and try again, or raise --retries (sessions list: lower --concurrency)"
            ),
            500..=599 => write!(
                f,
                "{provider} failed to answer for {subject} ({detail}) — try again later"
            ),
            _ => write!(
                f,
                "{provider} rejected the request for {subject} ({detail}) — check the options given"
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn api(status: u16) -> Error {
        Error::Api(Box::new(ApiError {
            status,
            provider: "anam",
            subject: "session 1".into(),
            key_source: "ANAM_API_KEY".into(),
            message: Some("nope".into()),
            suggestion: None,
            request_id: Some("req-1".into()),
            attempts: 1,
        }))
    }

    #[test]
    fn exit_codes_follow_the_documented_table() {
        assert_eq!(Error::usage("x").exit_code(), 2);
        assert_eq!(api(404).exit_code(), 3);
        assert_eq!(api(401).exit_code(), 4);
        assert_eq!(api(403).exit_code(), 4);
        assert_eq!(api(502).exit_code(), 5);
        assert_eq!(api(429).exit_code(), 6);
        assert_eq!(api(400).exit_code(), 1);
        assert_eq!(Error::Network("x".into()).exit_code(), 5);
        assert_eq!(Error::Malformed("x".into()).exit_code(), 5);
        assert_eq!(Error::Interrupted.exit_code(), 130);
        assert_eq!(
            Error::Partial {
                failed: 1,
                total: 2,
                code: 3
            }
            .exit_code(),
            3
        );
    }

    #[test]
    fn auth_error_names_the_key_source_and_request_id() {
        let text = api(401).to_string();
        assert!(text.contains("ANAM_API_KEY"), "{text}");
        assert!(text.contains("HTTP 401: nope, request ID req-1"), "{text}");
    }

    #[test]
    fn broken_pipe_is_found_through_anyhow_context() {
        let io = io::Error::new(io::ErrorKind::BrokenPipe, "pipe");
        let err = Error::Other(anyhow::Error::from(io).context("writing"));
        assert!(err.is_broken_pipe());
        assert!(!Error::usage("x").is_broken_pipe());
    }
}
