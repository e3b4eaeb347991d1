//! The one HTTP client: every request to a provider goes through [`Client::fetch`].
//!
//! It puts the key in the provider's auth header (and only on requests to the configured
//! origin: a redirect elsewhere is followed without it; a loopback base URL bypasses any
//! proxy), bounds each request by `--timeout` and each body by [`MAX_BODY`], paces requests
//! through the shared [`Pacer`], retries what is worth retrying, logs requests for `-v`
//! without secrets, and turns statuses, network failures and unreadable bodies into
//! [`Error`]s that say what to do.
//!
//! Retry policy: 429, every 5xx, connection failures and timeouts are retried up to
//! `--retries` times. The wait is the provider's `Retry-After` (seconds or an HTTP date) when
//! it sends one, else exponential backoff with full jitter (a random wait up to
//! [`BACKOFF_BASE`] × 2^attempt, at most [`MAX_BACKOFF`]). A 429 also halves the concurrency
//! and holds every request, not just the one refused. No single wait exceeds
//! [`MAX_RETRY_WAIT`], and the waits after one request's failures (its own backoff and any
//! rate-limit hold) stop being retried past [`MAX_TOTAL_WAIT`], so a run never hangs on a
//! provider that asks for hours.

use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use reqwest::header::{AUTHORIZATION, HeaderMap, HeaderValue, LOCATION, RETRY_AFTER};
use reqwest::{RequestBuilder, Response};
use url::Url;

use crate::config::{Config, is_loopback};
use crate::error::{ApiError, Error};
use crate::log::Log;
use crate::output::sanitize::sanitize;
use crate::pacer::{Pacer, read_rate_limit};
use crate::provider::{ApiRequest, Auth, Provider};
use crate::secret::{ApiKey, REDACTED, redact_credentials};

/// The most of one response body that is read: far above any real page, far below harm.
pub const MAX_BODY: usize = 64 * 1024 * 1024;

/// Redirects followed before giving up.
const MAX_REDIRECTS: usize = 5;

/// The longest provider message quoted in an error.
const MAX_MESSAGE_CHARS: usize = 300;

/// The longest start of a body shown by `-v`.
const MAX_EXCERPT_CHARS: usize = 200;

/// The first backoff's upper bound; each retry doubles it.
pub const BACKOFF_BASE: Duration = Duration::from_millis(100);
/// The most a backoff grows to.
pub const MAX_BACKOFF: Duration = Duration::from_secs(10);
/// The longest single wait before a retry; a `Retry-After` beyond it fails at once.
pub const MAX_RETRY_WAIT: Duration = Duration::from_secs(60);
/// The most one request waits between its attempts, in all.
pub const MAX_TOTAL_WAIT: Duration = Duration::from_secs(120);

pub struct Client {
    http: reqwest::Client,
    base: Url,
    provider: &'static dyn Provider,
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
    retry: Retry,
}

enum Retry {
    No,
    /// After a backoff, or the provider's `Retry-After`.
    After(Option<Duration>),
    /// Rate limited: slow everyone down, then retry.
    RateLimited(Option<Duration>),
}

impl Client {
    /// A client whose requests share a pacer with `concurrency` slots.
    pub fn new(config: &Config, concurrency: usize, log: Log) -> Result<Self, Error> {
        let mut builder = reqwest::Client::builder();
        if is_loopback(&config.base_url) {
            // A proxy would carry the key off this machine, over plain http at that.
            builder = builder.no_proxy();
        }
        let http = builder
            .timeout(config.timeout)
            .connect_timeout(config.timeout.min(Duration::from_secs(10)))
            .redirect(reqwest::redirect::Policy::none())
            .user_agent(concat!("avatarctl/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| {
                Error::Network(format!("cannot set up the HTTP client: {}", root_cause(&e)))
            })?;
        Ok(Self {
            http,
            base: config.base_url.clone(),
            provider: config.provider.api(),
            key: config.key.clone(),
            key_source: config.key_source.clone(),
            timeout: config.timeout,
            retries: config.retries,
            pacer: Pacer::new(concurrency),
            log,
        })
    }

    pub fn provider(&self) -> &'static dyn Provider {
        self.provider
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
        parse: impl FnOnce(&[u8]) -> Result<T, String>,
    ) -> Result<T, Error> {
        let url = self.url(request);
        let body = self.get_with_retries(request, &url).await?;
        parse(&body).map_err(|what| {
            if self.log.is_verbose() {
                self.log
                    .verbose(format_args!("the body began: {}", self.excerpt(&body)));
            }
            Error::Malformed(format!(
                "malformed response from {} for GET {}: {} — check --base-url; if it persists, \
                 the provider's API may have changed",
                self.provider.kind().name(),
                url.path(),
                sanitize(&what)
            ))
        })
    }

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
            let outcome = self.get(request, url.clone()).await;
            drop(slot);
            let failure = match outcome {
                Ok(body) => return Ok(body),
                Err(failure) => failure,
            };
            let wait = match failure.retry {
                _ if attempt > self.retries => None,
                Retry::No => None,
                Retry::After(after) | Retry::RateLimited(after) => {
                    Some(after.unwrap_or_else(|| backoff(attempt)))
                }
            };
            let Some(wait) =
                wait.filter(|wait| *wait <= MAX_RETRY_WAIT && waited + *wait <= MAX_TOTAL_WAIT)
            else {
                // (A wait that would pass either cap fails now instead of hanging the run.)
                return Err(with_attempts(failure.error, attempt));
            };
            waited += wait;
            if let Retry::RateLimited(_) = failure.retry {
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

    /// One attempt: follows redirects (dropping the key off-origin) and reads the body.
    async fn get(&self, request: &ApiRequest, mut url: Url) -> Result<Vec<u8>, Failure> {
        let origin = url.origin();
        for _ in 0..=MAX_REDIRECTS {
            let mut builder = self.http.get(url.clone());
            if url.origin() == origin {
                builder = self.authorize(builder);
            }
            let started = Instant::now();
            let response = builder
                .send()
                .await
                .map_err(|e| self.network_failure(&url, &e))?;
            let status = response.status();
            self.log.verbose(format_args!(
                "GET {url} → {status} ({} ms)",
                started.elapsed().as_millis()
            ));
            // Only the provider's own budget paces its requests.
            if url.origin() == origin
                && let Some(report) = read_rate_limit(response.headers(), unix_now())
            {
                self.pacer.observe(report);
            }
            if status.is_redirection() {
                url = redirect_target(&url, response.headers()).map_err(Failure::fatal)?;
                if url.origin() != origin {
                    self.log.verbose(format_args!(
                        "redirected to another origin ({}): following without the API key",
                        url.origin().ascii_serialization()
                    ));
                }
                continue;
            }
            let request_id = request_id(response.headers());
            let retry_after = retry_after(response.headers(), SystemTime::now());
            let body = read_body(response, &url)
                .await
                .map_err(|e| self.network_failure(&url, &e))?;
            if status.is_success() {
                return body.map_err(Failure::fatal);
            }
            let said = self
                .provider
                .parse_error(body.as_deref().unwrap_or_default());
            let error = Error::Api(Box::new(ApiError {
                status: status.as_u16(),
                provider: self.provider.kind().name(),
                subject: request.subject.clone(),
                key_source: self.key_source.clone(),
                message: said
                    .message
                    .map(|text| self.quote(&text))
                    .or_else(|| status.canonical_reason().map(str::to_owned)),
                suggestion: said.suggestion.map(|text| self.quote(&text)),
                request_id,
                attempts: 1,
            }));
            let retry = match status.as_u16() {
                429 => Retry::RateLimited(retry_after),
                500..=599 => Retry::After(retry_after),
                _ => Retry::No,
            };
            return Err(Failure { error, retry });
        }
        Err(Failure::fatal(Error::Network(format!(
            "GET {} was redirected more than {MAX_REDIRECTS} times — check --base-url",
            url.path()
        ))))
    }

    /// Provider text for a message: made safe and short, and with the key masked should the
    /// provider echo it back.
    fn quote(&self, text: &str) -> String {
        shorten(&self.mask_key(text), MAX_MESSAGE_CHARS)
    }

    /// The start of a body for the `-v` log, in quotes: credential fields masked when it is
    /// JSON (it failed to parse as a session, not necessarily as JSON), then as [`Self::quote`].
    fn excerpt(&self, body: &[u8]) -> String {
        let text = match serde_json::from_slice::<serde_json::Value>(body) {
            Ok(mut value) => {
                redact_credentials(&mut value);
                value.to_string()
            }
            Err(_) => String::from_utf8_lossy(body).into_owned(),
        };
        format!("{:?}", shorten(&self.mask_key(&text), MAX_EXCERPT_CHARS))
    }

    /// Masks the key wherever the text holds it (before any cutting, so no part survives).
    /// Keys shorter than 8 characters are not real keys and are left alone, since masking
    /// them would garble ordinary text.
    fn mask_key(&self, text: &str) -> String {
        let key = self.key.expose();
        if key.len() >= 8 {
            text.replace(key, REDACTED)
        } else {
            text.to_owned()
        }
    }

    /// Adds the key, marked sensitive so that no debug view of the request shows it.
    fn authorize(&self, builder: RequestBuilder) -> RequestBuilder {
        let (name, value) = match self.provider.auth() {
            Auth::Bearer => (
                AUTHORIZATION.as_str(),
                format!("Bearer {}", self.key.expose()),
            ),
            Auth::Header(name) => (name, self.key.expose().to_owned()),
        };
        // Config accepts only keys a header can carry; should one slip through, the request
        // fails to build (and is not retried) rather than carry a mangled key.
        match HeaderValue::from_str(&value) {
            Ok(mut value) => {
                value.set_sensitive(true);
                builder.header(name, value)
            }
            Err(_) => builder.header(name, value),
        }
    }

    /// A failure to connect, send or read: all worth another try.
    fn network_failure(&self, url: &Url, error: &reqwest::Error) -> Failure {
        // A request that could not even be built will not build the next time either.
        let retry = if error.is_builder() {
            Retry::No
        } else {
            Retry::After(None)
        };
        Failure {
            error: self.network_error(url, error),
            retry,
        }
    }

    fn network_error(&self, url: &Url, error: &reqwest::Error) -> Error {
        let cause = root_cause(error);
        if error.is_timeout() {
            Error::Network(format!(
                "GET {} timed out after {} — raise --timeout, or try again later",
                url.path(),
                humantime::format_duration(self.timeout)
            ))
        } else if error.is_connect() {
            Error::Network(format!(
                "cannot connect to {}: {cause} — check the network, HTTPS_PROXY, or --base-url",
                url.host_str().unwrap_or("the provider")
            ))
        } else {
            Error::Network(format!(
                "GET {} failed: {cause} — try again later",
                url.path()
            ))
        }
    }
}

impl Failure {
    fn fatal(error: Error) -> Self {
        Self {
            error,
            retry: Retry::No,
        }
    }
}

/// Records how many attempts an error took, for the message.
fn with_attempts(error: Error, attempts: u32) -> Error {
    match error {
        _ if attempts == 1 => error,
        Error::Api(mut api) => {
            api.attempts = attempts;
            Error::Api(api)
        }
        Error::Network(message) => Error::Network(format!("{message} (after {attempts} attempts)")),
        other => other,
    }
}

/// Full jitter: a random wait between zero and the attempt's exponential bound.
fn backoff(attempt: u32) -> Duration {
    let bound = BACKOFF_BASE
        .saturating_mul(1 << attempt.min(16))
        .min(MAX_BACKOFF);
    bound.mul_f64(fastrand::f64())
}

/// `Retry-After` as seconds or as an HTTP date.
fn retry_after(headers: &HeaderMap, now: SystemTime) -> Option<Duration> {
    let value = headers.get(RETRY_AFTER)?.to_str().ok()?.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let date = chrono::DateTime::parse_from_rfc2822(value).ok()?;
    let at = UNIX_EPOCH + Duration::from_secs(u64::try_from(date.timestamp()).ok()?);
    Some(at.duration_since(now).unwrap_or_default())
}

fn unix_now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// Reads a body up to [`MAX_BODY`]. The outer error is the network's; the inner one a body
/// too large to be a real answer.
async fn read_body(
    mut response: Response,
    url: &Url,
) -> Result<Result<Vec<u8>, Error>, reqwest::Error> {
    let too_large = || {
        Err(Error::Malformed(format!(
            "the response to GET {} is larger than {} MiB — check --base-url",
            url.path(),
            MAX_BODY / (1024 * 1024)
        )))
    };
    if response
        .content_length()
        .is_some_and(|n| n > MAX_BODY as u64)
    {
        return Ok(too_large());
    }
    let mut body = Vec::new();
    while let Some(chunk) = response.chunk().await? {
        if body.len() + chunk.len() > MAX_BODY {
            return Ok(too_large());
        }
        body.extend_from_slice(&chunk);
    }
    Ok(Ok(body))
}

fn redirect_target(from: &Url, headers: &HeaderMap) -> Result<Url, Error> {
    let location = headers
        .get(LOCATION)
        .and_then(|value| value.to_str().ok())
        .ok_or_else(|| {
            Error::Malformed(format!("GET {} redirected without a Location", from.path()))
        })?;
    let target = from.join(location).map_err(|_| {
        Error::Malformed(format!("GET {} redirected to an invalid URL", from.path()))
    })?;
    match target.scheme() {
        "https" | "http" => Ok(target),
        other => Err(Error::Malformed(format!(
            "GET {} redirected to a {other}: URL, which is not followed",
            from.path()
        ))),
    }
}

/// The provider's request ID, for support tickets.
fn request_id(headers: &HeaderMap) -> Option<String> {
    ["x-request-id", "request-id", "x-amzn-requestid"]
        .iter()
        .find_map(|name| headers.get(*name)?.to_str().ok())
        .map(|id| shorten(id, MAX_MESSAGE_CHARS))
}

/// Untrusted provider text made safe for a one-line message: controls neutralised, at most
/// `max_chars` characters (then `…`).
fn shorten(text: &str, max_chars: usize) -> String {
    let clean = sanitize(text.trim()).into_owned();
    match clean.char_indices().nth(max_chars) {
        Some((cut, _)) => format!("{}…", &clean[..cut]),
        None => clean,
    }
}

/// The innermost cause of an error: the part that says what happened, without the URL
/// reqwest puts in its own message.
fn root_cause(error: &(dyn std::error::Error + 'static)) -> String {
    let mut cause = error;
    while let Some(next) = cause.source() {
        cause = next;
    }
    cause.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderValue;

    #[test]
    fn retry_after_reads_seconds_and_dates() {
        let mut headers = HeaderMap::new();
        headers.insert(RETRY_AFTER, HeaderValue::from_static("7"));
        assert_eq!(
            retry_after(&headers, SystemTime::now()),
            Some(Duration::from_secs(7))
        );
        headers.insert(
            RETRY_AFTER,
            HeaderValue::from_static("Wed, 21 Oct 2015 07:28:00 GMT"),
        );
        let now = UNIX_EPOCH + Duration::from_secs(1_445_412_475); // 5 s before
        assert_eq!(retry_after(&headers, now), Some(Duration::from_secs(5)));
        headers.insert(RETRY_AFTER, HeaderValue::from_static("soon"));
        assert_eq!(retry_after(&headers, now), None);
    }

    #[test]
    fn backoff_grows_and_stays_bounded() {
        for attempt in 1..40 {
            let bound = BACKOFF_BASE
                .saturating_mul(1 << attempt.min(16))
                .min(MAX_BACKOFF);
            assert!(backoff(attempt) <= bound);
        }
        assert!(backoff(30) <= MAX_BACKOFF);
    }
}
