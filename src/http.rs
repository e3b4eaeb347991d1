//! The one HTTP client: every request to a provider goes through [`Client::fetch`].
//!
//! It puts the key in the provider's auth header (and only on requests to the configured
//! origin: a redirect elsewhere is followed without it), bounds each request by `--timeout`
//! and each body by [`MAX_BODY`], logs requests for `-v` without secrets, and turns statuses,
//! network failures and unreadable bodies into [`Error`]s that say what to do.

use std::time::{Duration, Instant};

use reqwest::header::{AUTHORIZATION, HeaderMap, LOCATION};
use reqwest::{RequestBuilder, Response};
use url::Url;

use crate::config::Config;
use crate::error::{ApiError, Error};
use crate::log::Log;
use crate::output::sanitize::sanitize;
use crate::provider::{ApiRequest, Auth, Provider};
use crate::secret::ApiKey;

/// The most of one response body that is read: far above any real page, far below harm.
pub const MAX_BODY: usize = 64 * 1024 * 1024;

/// Redirects followed before giving up.
const MAX_REDIRECTS: usize = 5;

/// The longest provider message quoted in an error.
const MAX_MESSAGE_CHARS: usize = 300;

pub struct Client {
    http: reqwest::Client,
    base: Url,
    provider: &'static dyn Provider,
    key: ApiKey,
    key_source: String,
    timeout: Duration,
    log: Log,
}

impl Client {
    pub fn new(config: &Config, log: Log) -> Result<Self, Error> {
        let http = reqwest::Client::builder()
            .timeout(config.timeout)
            .connect_timeout(config.timeout.min(Duration::from_secs(10)))
            .redirect(reqwest::redirect::Policy::none())
            .user_agent(concat!("avatarctl/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| Error::Network(format!("cannot set up the HTTP client: {}", root_cause(&e))))?;
        Ok(Self {
            http,
            base: config.base_url.clone(),
            provider: config.provider.api(),
            key: config.key.clone(),
            key_source: config.key_source.clone(),
            timeout: config.timeout,
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

    /// GETs a request and parses a successful body with `parse`.
    pub async fn fetch<T>(
        &self,
        request: &ApiRequest,
        parse: impl FnOnce(&[u8]) -> Result<T, String>,
    ) -> Result<T, Error> {
        let url = self.url(request);
        let body = self.get(request, url.clone()).await?;
        parse(&body).map_err(|what| {
            Error::Malformed(format!(
                "malformed response from {} for GET {}: {} — check --base-url; if it persists, \
                 the provider's API may have changed",
                self.provider.kind().name(),
                url.path(),
                sanitize(&what)
            ))
        })
    }

    async fn get(&self, request: &ApiRequest, mut url: Url) -> Result<Vec<u8>, Error> {
        let origin = url.origin();
        for _ in 0..=MAX_REDIRECTS {
            let mut builder = self.http.get(url.clone());
            if url.origin() == origin {
                builder = self.authorize(builder);
            }
            let started = Instant::now();
            let response = builder.send().await.map_err(|e| self.network_error(&url, &e))?;
            let status = response.status();
            self.log.verbose(format_args!(
                "GET {url} → {status} ({} ms)",
                started.elapsed().as_millis()
            ));
            if status.is_redirection() {
                url = redirect_target(&url, response.headers())?;
                if url.origin() != origin {
                    self.log.verbose(format_args!(
                        "redirected to another origin ({}): following without the API key",
                        url.origin().ascii_serialization()
                    ));
                }
                continue;
            }
            let request_id = request_id(response.headers());
            let body = read_body(response, &url).await.map_err(|e| self.network_error(&url, &e))?;
            if status.is_success() {
                return Ok(body?);
            }
            let said = self.provider.parse_error(body.as_deref().unwrap_or_default());
            return Err(Error::Api(Box::new(ApiError {
                status: status.as_u16(),
                provider: self.provider.kind().name(),
                subject: request.subject.clone(),
                key_source: self.key_source.clone(),
                message: said.message.map(quote).or_else(|| status.canonical_reason().map(str::to_owned)),
                suggestion: said.suggestion.map(quote),
                request_id,
            })));
        }
        Err(Error::Network(format!(
            "GET {} was redirected more than {MAX_REDIRECTS} times — check --base-url",
            url.path()
        )))
    }

    fn authorize(&self, builder: RequestBuilder) -> RequestBuilder {
        match self.provider.auth() {
            Auth::Bearer => builder.header(AUTHORIZATION, format!("Bearer {}", self.key.expose())),
            Auth::Header(name) => builder.header(name, self.key.expose()),
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
            Error::Network(format!("GET {} failed: {cause} — try again later", url.path()))
        }
    }
}

/// Reads a body up to [`MAX_BODY`]. The outer error is the network's; the inner one a body
/// too large to be a real answer.
async fn read_body(mut response: Response, url: &Url) -> Result<Result<Vec<u8>, Error>, reqwest::Error> {
    let too_large = || {
        Err(Error::Malformed(format!(
            "the response to GET {} is larger than {} MiB — check --base-url",
            url.path(),
            MAX_BODY / (1024 * 1024)
        )))
    };
    if response.content_length().is_some_and(|n| n > MAX_BODY as u64) {
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
        .ok_or_else(|| Error::Malformed(format!("GET {} redirected without a Location", from.path())))?;
    let target = from
        .join(location)
        .map_err(|_| Error::Malformed(format!("GET {} redirected to an invalid URL", from.path())))?;
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
        .map(quote)
}

/// Untrusted provider text, made safe and short for a one-line message.
fn quote(text: impl AsRef<str>) -> String {
    let clean = sanitize(text.as_ref().trim()).into_owned();
    match clean.char_indices().nth(MAX_MESSAGE_CHARS) {
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
