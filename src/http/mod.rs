//! The one HTTP layer: every request to a provider goes through [`Client::fetch`].
//!
//! It knows nothing of providers' bodies: a command hands it a request (from a provider's
//! mapper) and a parser, and it does the rest in four parts —
//!
//! - `client.rs` sends one attempt: the key in the provider's auth header, only to the base
//!   URL's origin (a redirect elsewhere is followed without it; a loopback base URL bypasses
//!   any proxy), bounded by `--timeout` and a body limit, logged for `-v` without
//!   secrets;
//! - [`retry`] decides, as a pure function, whether and when to try again;
//! - [`pacer`] bounds the requests in flight and follows the provider's rate-limit budget;
//! - `download.rs` streams a presigned URL (a recording) with a client of its own that
//!   never carries the key;
//! - `errors.rs` turns statuses, network failures and error bodies into typed errors that say
//!   what to do.

mod client;
mod download;
mod errors;
pub mod pacer;
pub mod retry;

use std::time::{Duration, Instant};

use url::Url;

use crate::error::{Error, Malformed, NetworkCause, NetworkError};
use crate::log::Log;
use crate::provider::{ApiRequest, Auth, BodyError, ProviderKind};
use crate::secret::{ApiKey, redact_credentials};
use pacer::Pacer;
use retry::{Decision, GiveUp, Retryable};

/// Where and how to reach one provider, resolved by `config.rs`.
#[derive(Debug, Clone)]
pub struct Connection {
    /// Whose API this is, for messages; its row of the provider table gives the auth style.
    pub provider: ProviderKind,
    pub base_url: Url,
    pub key: ApiKey,
    /// Where the key came from, for messages: `ANAM_API_KEY`, `--api-key`, …
    pub key_source: String,
    pub timeout: Duration,
    pub retries: u32,
    /// Requests in flight at once; halves by itself on a 429.
    pub concurrency: usize,
}

pub struct Client {
    http: reqwest::Client,
    base: Url,
    provider: ProviderKind,
    auth: Auth,
    key: ApiKey,
    key_source: String,
    timeout: Duration,
    retries: u32,
    pacer: Pacer,
    log: Log,
}

/// One failed attempt, and whether another may succeed.
struct Failure {
    error: Error,
    retry: Retryable,
}

impl Failure {
    fn fatal(error: Error) -> Self {
        Self {
            error,
            retry: Retryable::No,
        }
    }
}

/// The longest start of a body shown by `-v`.
const MAX_EXCERPT_CHARS: usize = 200;

impl Client {
    /// A client for `connection`, whose requests share one pacer.
    pub fn new(connection: &Connection, log: Log) -> Result<Self, Error> {
        let mut builder = reqwest::Client::builder();
        if crate::config::is_loopback(&connection.base_url) {
            // A proxy would carry the key off this machine, over plain http at that.
            builder = builder.no_proxy();
        }
        let http = builder
            .timeout(connection.timeout)
            .connect_timeout(connection.timeout.min(Duration::from_secs(10)))
            .redirect(reqwest::redirect::Policy::none())
            .user_agent(concat!("avatarctl/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| {
                Error::Network(Box::new(NetworkError {
                    path: String::new(),
                    cause: NetworkCause::Setup(errors::root_cause(&e)),
                    attempts: 1,
                }))
            })?;
        Ok(Self {
            http,
            base: connection.base_url.clone(),
            provider: connection.provider,
            auth: connection.provider.info().auth,
            key: connection.key.clone(),
            key_source: connection.key_source.clone(),
            timeout: connection.timeout,
            retries: connection.retries,
            pacer: Pacer::new(connection.concurrency),
            log,
        })
    }

    /// The URL of a request: the base URL's path, then each segment percent-encoded.
    pub fn url(&self, request: &ApiRequest) -> Url {
        let mut url = self.base.clone();
        url.path_segments_mut()
            .expect("config accepts only http(s) base URLs, which have a path")
            .pop_if_empty()
            .extend(&request.segments);
        if !request.query.is_empty() {
            url.query_pairs_mut().extend_pairs(&request.query);
        }
        url
    }

    /// GETs a request (retrying as the policy allows) and parses a successful body with `parse`.
    pub async fn fetch<T>(
        &self,
        request: &ApiRequest,
        parse: impl FnOnce(&[u8]) -> Result<T, BodyError>,
    ) -> Result<T, Error> {
        let url = self.url(request);
        let body = self.get_with_retries(request, &url).await?;
        parse(&body).map_err(|problem| {
            // A body of users' words is not quoted, even to the one who asked for it.
            if self.log.is_verbose() && !request.private {
                self.log
                    .verbose(format_args!("the body began: {}", self.excerpt(&body)));
            }
            Error::malformed(Malformed::Body {
                provider: self.provider,
                path: url.path().to_owned(),
                // It may quote the body, and the body may echo the key.
                problem: problem.map_text(|text| self.key.mask(text)),
            })
        })
    }

    /// Sends attempts through the pacer until one succeeds or [`retry::decide`] gives up.
    async fn get_with_retries(&self, request: &ApiRequest, url: &Url) -> Result<Vec<u8>, Error> {
        let mut attempt: u32 = 0;
        let mut waited = Duration::ZERO;
        loop {
            attempt += 1;
            let queued = Instant::now();
            let slot = self.pacer.acquire().await;
            let held = queued.elapsed();
            if held >= Duration::from_secs(1) {
                self.log.verbose(format_args!(
                    "held {} ms by the provider's rate limit",
                    held.as_millis()
                ));
            }
            if attempt > 1 {
                // Held back after a failure: part of the retry's wait.
                waited += held;
            }
            let outcome = self.attempt(request, url.clone()).await;
            drop(slot);
            let failure = match outcome {
                Ok(body) => return Ok(body),
                Err(failure) => failure,
            };
            let decision = retry::decide(
                attempt,
                self.retries,
                failure.retry,
                waited,
                fastrand::f64(),
            );
            let wait_and_hold = match decision {
                Decision::Retry { wait, rate_limited } => (wait, rate_limited),
                Decision::GiveUp(why) => return Err(given_up(failure.error, attempt, why)),
            };
            let (wait, rate_limited) = wait_and_hold;
            waited += wait;
            if rate_limited {
                let limit = self.pacer.back_off(wait);
                self.log.verbose(format_args!(
                    "rate limited: {limit} request(s) at once from now on, retrying in {} ms",
                    wait.as_millis()
                ));
            } else {
                self.log.verbose(format_args!(
                    "{}; retrying in {} ms",
                    failure.error,
                    wait.as_millis()
                ));
                tokio::time::sleep(wait).await;
            }
        }
    }

    /// Provider text with the key masked wherever it holds it, for what a command says about
    /// the data (warnings quote provider values).
    pub fn mask(&self, text: &str) -> String {
        self.key.mask(text)
    }

    /// Where the key came from (`ANAM_API_KEY`, `--api-key-file`, …), never the key.
    pub fn key_source(&self) -> &str {
        &self.key_source
    }

    /// The base URL requests go to.
    pub fn base_url(&self) -> &Url {
        &self.base
    }

    /// The key in use, for masking where the provider's data echoes it.
    pub fn key(&self) -> &ApiKey {
        &self.key
    }

    /// Provider text for a message: made safe and short, and with the key masked should the
    /// provider echo it back.
    fn quote(&self, text: &str) -> String {
        errors::shorten(&self.key.mask(text), errors::MAX_MESSAGE_CHARS)
    }

    /// The start of a body for the `-v` log, in quotes: credential fields masked when it is
    /// JSON (it failed to parse as a record, not necessarily as JSON), then as [`Self::quote`].
    fn excerpt(&self, body: &[u8]) -> String {
        let text = match serde_json::from_slice::<serde_json::Value>(body) {
            Ok(mut value) => {
                redact_credentials(&mut value);
                value.to_string()
            }
            Err(_) => String::from_utf8_lossy(body).into_owned(),
        };
        format!(
            "{:?}",
            errors::shorten(&self.key.mask(&text), MAX_EXCERPT_CHARS)
        )
    }
}

/// Records how many attempts an error took, and a wait asked for that was too long to
/// make, for the message.
fn given_up(error: Error, attempts: u32, why: GiveUp) -> Error {
    match error {
        Error::Api(mut api) => {
            api.attempts = attempts;
            if let GiveUp::WaitTooLong(wait) = why {
                api.asked_to_wait = Some(wait);
            }
            Error::Api(api)
        }
        Error::Network(mut network) => {
            network.attempts = attempts;
            Error::Network(network)
        }
        other => other,
    }
}
