//! The one error type that reaches `main`, and its one mapping to the documented exit codes.
//!
//! Every message is a single line in the form `<what> — <how to fix>`; `main` prefixes
//! `error: `. Text that came from a provider is sanitized before it is stored here.

use std::io;
use std::time::Duration;

use crate::provider::{BodyError, NotFound, ProviderKind};
use crate::sanitize::sanitize;

/// Exit codes, as documented in README.md and DESIGN.md.
pub mod exit {
    pub const OTHER: u8 = 1;
    pub const USAGE: u8 = 2;
    pub const NOT_FOUND: u8 = 3;
    pub const AUTH: u8 = 4;
    pub const PROVIDER: u8 = 5;
    pub const RATE_LIMITED: u8 = 6;
    /// A `sessions stats --check` failed, on complete data.
    pub const CHECK_FAILED: u8 = 7;
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
    Network(Box<NetworkError>),
    /// The provider answered with something that is not what it documents.
    #[error("{0}")]
    Malformed(Box<Malformed>),
    /// A recording's download failed, or its URL may not be fetched.
    #[error("{0}")]
    Download(Box<DownloadError>),
    /// Several requests failed — of sessions asked for by ID, or of providers with
    /// `--provider all`; each was already reported on its own line.
    #[error("{}", partial_message(*failed, *total, *of))]
    Partial {
        failed: usize,
        total: usize,
        code: u8,
        of: Part,
    },
    /// `sessions stats --check` gates that failed; each was already reported on its own line.
    #[error("{}", checks_failed_message(*failed, *total))]
    ChecksFailed { failed: usize, total: usize },
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

    pub fn malformed(problem: Malformed) -> Self {
        Self::Malformed(Box::new(problem))
    }

    /// The process exit code for this error.
    pub fn exit_code(&self) -> u8 {
        match self {
            Self::Usage(_) => exit::USAGE,
            Self::Api(api) => match api.meaning() {
                404 => exit::NOT_FOUND,
                401 | 403 => exit::AUTH,
                429 => exit::RATE_LIMITED,
                500..=599 => exit::PROVIDER,
                _ => exit::OTHER,
            },
            Self::Network(_) | Self::Malformed(_) => exit::PROVIDER,
            Self::Download(download) => match download.problem {
                DownloadProblem::Status(404, _) => exit::NOT_FOUND,
                DownloadProblem::Status(429, _) => exit::RATE_LIMITED,
                DownloadProblem::Write { .. } => exit::OTHER,
                _ => exit::PROVIDER,
            },
            Self::Partial { code, .. } => *code,
            Self::ChecksFailed { .. } => exit::CHECK_FAILED,
            Self::Interrupted => exit::INTERRUPTED,
            Self::Io(_) | Self::Other(_) => exit::OTHER,
        }
    }

    /// Whether the provider refused the API key (401 or 403): every other request would be
    /// refused too.
    pub fn is_refused_key(&self) -> bool {
        matches!(self, Self::Api(api) if matches!(api.meaning(), 401 | 403))
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

/// A wait for a message: `1h 30m`, or `an absurdly long time` for what no run would wait.
fn describe_wait(wait: Duration) -> String {
    const YEAR: Duration = Duration::from_secs(365 * 24 * 3600);
    if wait > YEAR {
        "more than a year".to_owned()
    } else {
        humantime::format_duration(Duration::from_secs(wait.as_secs())).to_string()
    }
}

/// When several failures happened in one run, the exit code that stands: the first of
/// usage, auth, rate limit, provider, not found, other that occurred (DESIGN.md). A failed
/// check ranks after them all: checks run only on complete data, so it stands only alone.
pub fn first_by_precedence(codes: impl IntoIterator<Item = u8>) -> Option<u8> {
    const ORDER: [u8; 7] = [
        exit::USAGE,
        exit::AUTH,
        exit::RATE_LIMITED,
        exit::PROVIDER,
        exit::NOT_FOUND,
        exit::OTHER,
        exit::CHECK_FAILED,
    ];
    let codes: Vec<u8> = codes.into_iter().collect();
    let rank = |code: &u8| ORDER.iter().position(|c| c == code).unwrap_or(ORDER.len());
    codes.into_iter().min_by_key(rank)
}

fn checks_failed_message(failed: usize, total: usize) -> String {
    if total == 1 {
        "the check failed — it is reported above".to_owned()
    } else {
        format!("{failed} of {total} checks failed — each is reported above")
    }
}

/// What the parts of a partly failed run are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// Sessions asked for by ID.
    Sessions,
    /// Providers, with `--provider all`.
    Providers,
}

fn partial_message(failed: usize, total: usize, of: Part) -> String {
    match (of, failed == total) {
        (Part::Sessions, true) => {
            format!("none of the {total} sessions could be fetched — each failure is above")
        }
        (Part::Sessions, false) => format!(
            "{failed} of {total} sessions could not be fetched — the others were printed; each \
             failure is above"
        ),
        (Part::Providers, true) => {
            format!("every one of the {total} providers failed — each failure is above")
        }
        (Part::Providers, false) => format!(
            "{failed} of {total} providers failed — the others were printed; each failure is above"
        ),
    }
}

/// A request that got no answer: what was asked, why it failed, after how many attempts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NetworkError {
    /// The request's path, e.g. `/v1/sessions`.
    pub path: String,
    pub cause: NetworkCause,
    /// How many times the request was sent.
    pub attempts: u32,
}

/// Why a request got no answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NetworkCause {
    /// No answer within `--timeout`.
    Timeout(Duration),
    /// The connection was refused or could not be made; the innermost cause.
    Connect { host: String, detail: String },
    /// Sending or reading failed once connected; the innermost cause.
    Failed(String),
    /// Redirected more often than is followed.
    TooManyRedirects(usize),
    /// The HTTP client could not be built.
    Setup(String),
}

/// A download from a presigned URL: the host it was on (never the URL, whose query is the
/// credential) and what went wrong.
#[derive(Debug)]
pub struct DownloadError {
    /// The download host, e.g. `cdn.anam.ai`.
    pub host: String,
    pub problem: DownloadProblem,
}

#[derive(Debug)]
pub enum DownloadProblem {
    /// The URL is not https (nor http to this machine), or has no host.
    Refused(String),
    /// An error status, and its reason phrase.
    Status(u16, String),
    /// The body ended before its `Content-Length`.
    Short { got: u64, expected: u64 },
    /// The connection failed, or went quiet for longer than `--timeout`.
    Network(String),
    /// The file could not be written; `path` is where.
    Write { path: String, detail: String },
}

impl std::fmt::Display for DownloadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let host = &self.host;
        match &self.problem {
            DownloadProblem::Refused(why) => write!(
                f,
                "not downloading the recording: its URL {why} — downloads go over https, or plain \
                 http only to this machine"
            ),
            DownloadProblem::Status(status @ (429 | 500..=599), reason) => write!(
                f,
                "the recording's download from {host} answered HTTP {status} {reason} — try \
                 again later"
            ),
            DownloadProblem::Status(status, reason) => write!(
                f,
                "the recording's download from {host} answered HTTP {status} {reason} — a \
                 recording URL expires an hour after it is made: run the command again for a new one"
            ),
            DownloadProblem::Short { got, expected } => write!(
                f,
                "the recording's download from {host} ended after {got} of {expected} bytes — \
                 nothing was kept; try again"
            ),
            DownloadProblem::Network(detail) => write!(
                f,
                "the recording's download from {host} failed: {detail} — try again, or raise \
                 --timeout on a slow link"
            ),
            DownloadProblem::Write { path, detail } => write!(
                f,
                "cannot write the recording to {path}: {detail} — check the path and the disk space"
            ),
        }
    }
}

impl std::fmt::Display for NetworkError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let path = &self.path;
        match &self.cause {
            NetworkCause::Timeout(after) => write!(
                f,
                "GET {path} timed out after {} — raise --timeout, or try again later",
                humantime::format_duration(*after)
            )?,
            NetworkCause::Connect { host, detail } => write!(
                f,
                "cannot connect to {host}: {detail} — check the network, HTTPS_PROXY, or --base-url"
            )?,
            NetworkCause::Failed(detail) => {
                write!(f, "GET {path} failed: {detail} — try again later")?;
            }
            NetworkCause::TooManyRedirects(max) => write!(
                f,
                "GET {path} was redirected more than {max} times — check --base-url"
            )?,
            NetworkCause::Setup(detail) => write!(f, "cannot set up the HTTP client: {detail}")?,
        }
        if self.attempts > 1 {
            write!(f, " (after {} attempts)", self.attempts)?;
        }
        Ok(())
    }
}

/// An answer that is not what the provider documents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Malformed {
    /// A body that does not read as the documented JSON.
    Body {
        provider: ProviderKind,
        path: String,
        problem: BodyError,
    },
    /// A body larger than any real answer; `whole_list` when it was a whole session list.
    TooLarge {
        path: String,
        limit_mib: usize,
        whole_list: bool,
    },
    /// A redirect that cannot be followed.
    Redirect {
        path: String,
        problem: RedirectProblem,
    },
    /// Paging metadata that cannot be true.
    Paging(PagingProblem),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RedirectProblem {
    NoLocation,
    InvalidTarget,
    /// A scheme other than http(s).
    Scheme(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PagingProblem {
    /// More pages than the total could fill.
    PageCount {
        last_page: u32,
        per_page: u32,
        total: Option<u64>,
    },
    /// A next-page cursor seen before.
    CursorRepeats,
    /// Page N brought exactly the records of an earlier page.
    RepeatedPage(u32),
    /// Fewer records arrived than the provider announced.
    Missing { arrived: u64, expected: u64 },
    /// Full pages went on far past the total announced.
    Runaway { pages: u32, total: Option<u64> },
}

/// One arm per problem, each its own message: a long match, kept whole so that every
/// message of the kind can be read in one place.
impl std::fmt::Display for Malformed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Body {
                provider,
                path,
                problem,
            } => write!(
                f,
                "malformed response from {provider} for GET {path}: {} — check --base-url; if it \
                 persists, the provider's API may have changed",
                sanitize(&problem.to_string())
            ),
            Self::TooLarge {
                path,
                limit_mib,
                whole_list: true,
            } => write!(
                f,
                "the session list from GET {path} is larger than {limit_mib} MiB, more than \
                 avatarctl reads in one response — narrow it with a provider filter (--status)"
            ),
            Self::TooLarge {
                path, limit_mib, ..
            } => write!(
                f,
                "the response to GET {path} is larger than {limit_mib} MiB, far more than a page \
                 of the provider's API holds — check --base-url"
            ),
            Self::Redirect { path, problem } => match problem {
                RedirectProblem::NoLocation => {
                    write!(f, "GET {path} redirected without a Location")
                }
                RedirectProblem::InvalidTarget => {
                    write!(f, "GET {path} redirected to an invalid URL")
                }
                RedirectProblem::Scheme(scheme) => write!(
                    f,
                    "GET {path} redirected to a {scheme}: URL, which is not followed"
                ),
            },
            Self::Paging(PagingProblem::PageCount {
                last_page,
                per_page,
                total,
            }) => {
                let total = total.map_or("an unknown number of".to_owned(), |t| t.to_string());
                write!(
                    f,
                    "the provider's page count is not believable: {last_page} pages of {per_page} \
                     for {total} sessions — check --base-url; if it persists, report it to the \
                     provider"
                )
            }
            Self::Paging(PagingProblem::RepeatedPage(page)) => write!(
                f,
                "page {page} of the list repeats an earlier page — the provider (or a proxy) \
                 ignores the page asked for, so the rest of the list cannot be fetched; check \
                 --base-url, or report it to the provider"
            ),
            Self::Paging(PagingProblem::Missing { arrived, expected }) => write!(
                f,
                "the list is incomplete: {arrived} of the {expected} sessions expected arrived \
                 ({} missing) — the provider's paging did not add up; run it again, or report \
                 it to the provider",
                expected - arrived
            ),
            Self::Paging(PagingProblem::Runaway { pages, total }) => {
                let total = total.map_or("no total".to_owned(), |t| format!("a total of {t}"));
                write!(
                    f,
                    "the list runs on: page {pages} was still full, far past {total} the provider \
                     announced — the export stopped there; check --base-url, or report it to the \
                     provider"
                )
            }
            Self::Paging(PagingProblem::CursorRepeats) => f.write_str(
                "the provider's next-page cursor repeats an earlier one — check --base-url; if it \
                 persists, report it to the provider",
            ),
        }
    }
}

/// An error status from a provider, with what it said about it.
#[derive(Debug, Clone)]
pub struct ApiError {
    pub status: u16,
    pub provider: ProviderKind,
    /// What was asked for, e.g. `session 3f1c…` or `the session list`.
    pub subject: String,
    /// The request's path, e.g. `/v1/sessions`.
    pub path: String,
    /// Whether it asked for a list: a list that is not found is a wrong base URL, not a wrong ID.
    pub lists: bool,
    /// What a 404 means for this request, when the provider documents more than a wrong ID.
    pub not_found: Option<NotFound>,
    /// For a 2xx whose body says `success: false`: the status its error code stands for.
    pub said_status: Option<u16>,
    /// Where the key came from (`ANAM_API_KEY`, `--api-key`, …), never the key.
    pub key_source: String,
    /// The provider's own message, sanitized.
    pub message: Option<String>,
    /// AgentHuman's `suggestion`, sanitized.
    pub suggestion: Option<String>,
    pub request_id: Option<String>,
    /// How many times the request was sent.
    pub attempts: u32,
    /// The wait the provider asked for (`Retry-After`), when it was too long to make.
    pub asked_to_wait: Option<Duration>,
}

impl ApiError {
    /// The status the failure amounts to: the HTTP status, or for a 2xx that says
    /// `success: false`, the one its error code stands for.
    pub fn meaning(&self) -> u16 {
        self.said_status.unwrap_or(self.status)
    }
}

/// The detail, then one message per kind of status: kept whole so that every message a
/// provider's error can produce reads in one place.
impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let Self {
            status,
            provider,
            subject,
            key_source,
            path,
            ..
        } = self;
        let mut detail = format!("HTTP {status}");
        if self.said_status.is_some() {
            detail.push_str(" with success: false");
        }
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
        if let Some(wait) = self.asked_to_wait {
            detail.push_str(&format!(
                "; it asked to wait {}, longer than avatarctl waits",
                describe_wait(wait)
            ));
        }
        match self.meaning() {
            404 if self.lists => write!(
                f,
                "{provider} has no session list at GET {path} ({detail}) — check --base-url: the \
                 host, and any path prefix"
            ),
            401 | 403 => write!(
                f,
                "{provider} refused the API key from {key_source} ({detail}) — check the key, \
                 or pass another with --api-key or --api-key-file"
            ),
            404 if self.not_found.is_some() => {
                let NotFound { what, why } = self.not_found.as_ref().expect("just checked");
                write!(f, "{what} on {provider} ({detail}) — {why}")
            }
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
            provider: ProviderKind::Anam,
            subject: "session 1".into(),
            path: "/v1/sessions/1".into(),
            lists: false,
            not_found: None,
            said_status: None,
            key_source: "ANAM_API_KEY".into(),
            message: Some("nope".into()),
            suggestion: None,
            request_id: Some("req-1".into()),
            attempts: 1,
            asked_to_wait: None,
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
        let network = NetworkError {
            path: "/v1/sessions".into(),
            cause: NetworkCause::Timeout(Duration::from_secs(2)),
            attempts: 4,
        };
        assert_eq!(
            network.to_string(),
            "GET /v1/sessions timed out after 2s — raise --timeout, or try again later \
             (after 4 attempts)"
        );
        assert_eq!(Error::Network(Box::new(network)).exit_code(), 5);
        let paging = Malformed::Paging(PagingProblem::CursorRepeats);
        assert_eq!(Error::malformed(paging).exit_code(), 5);
        assert_eq!(Error::Interrupted.exit_code(), 130);
        let checks = Error::ChecksFailed {
            failed: 1,
            total: 1,
        };
        assert_eq!(checks.exit_code(), 7);
        assert_eq!(
            checks.to_string(),
            "the check failed — it is reported above"
        );
        assert_eq!(
            Error::Partial {
                failed: 1,
                total: 2,
                code: 3,
                of: Part::Sessions,
            }
            .exit_code(),
            3
        );
    }

    #[test]
    fn several_failures_exit_with_the_code_that_ranks_first() {
        assert_eq!(first_by_precedence([3, 5, 1]), Some(5));
        assert_eq!(first_by_precedence([1, 3]), Some(3));
        assert_eq!(first_by_precedence([3, 6, 4]), Some(4));
        assert_eq!(first_by_precedence([5, 2]), Some(2));
        assert_eq!(first_by_precedence([130]), Some(130));
        assert_eq!(first_by_precedence([7, 1]), Some(1));
        assert_eq!(first_by_precedence([7]), Some(7));
        assert_eq!(first_by_precedence([]), None);
    }

    #[test]
    fn auth_error_names_the_key_source_and_request_id() {
        let text = api(401).to_string();
        assert!(text.contains("ANAM_API_KEY"), "{text}");
        assert!(text.contains("HTTP 401: nope, request ID req-1"), "{text}");
    }

    #[test]
    fn a_list_not_found_is_a_wrong_base_url_and_a_success_false_keeps_its_meaning() {
        let Error::Api(mut api) = api(404) else {
            unreachable!()
        };
        api.lists = true;
        api.path = "/proxy/v1/sessions".into();
        let text = api.to_string();
        assert!(
            text.starts_with("anam has no session list at GET /proxy/v1/sessions (HTTP 404"),
            "{text}"
        );
        assert!(text.contains("check --base-url"), "{text}");
        api.status = 200;
        api.said_status = Some(401);
        let error = Error::Api(api);
        assert_eq!(error.exit_code(), 4);
        assert!(error.is_refused_key());
        assert!(
            error
                .to_string()
                .contains("(HTTP 200 with success: false: nope"),
            "{error}"
        );
    }

    #[test]
    fn a_wait_too_long_to_make_is_named() {
        let Error::Api(mut api) = api(429) else {
            unreachable!()
        };
        api.asked_to_wait = Some(Duration::from_secs(5400));
        assert!(
            api.to_string()
                .contains("; it asked to wait 1h 30m, longer than avatarctl waits"),
            "{api}"
        );
        api.asked_to_wait = Some(Duration::MAX);
        assert!(api.to_string().contains("wait more than a year"), "{api}");
    }

    #[test]
    fn broken_pipe_is_found_through_anyhow_context() {
        let io = io::Error::new(io::ErrorKind::BrokenPipe, "pipe");
        let err = Error::Other(anyhow::Error::from(io).context("writing"));
        assert!(err.is_broken_pipe());
        assert!(!Error::usage("x").is_broken_pipe());
    }
}
