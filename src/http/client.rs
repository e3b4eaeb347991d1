//! Sending one attempt of a request: the key only to the base URL's origin, redirects
//! followed by hand (so the key can be dropped off-origin), the rate-limit headers reported
//! to the pacer, and the body read up to [`MAX_BODY`].

use std::time::{Instant, SystemTime, UNIX_EPOCH};

use reqwest::header::{AUTHORIZATION, HeaderMap, HeaderValue, LOCATION};
use reqwest::{RequestBuilder, Response, StatusCode};
use url::Url;

use super::errors::{self, failure_in_body, parse_error_body, retryable_status};
use super::pacer::read_rate_limit;
use super::{Client, Failure};
use crate::error::{ApiError, Error, Malformed, NetworkCause, NetworkError, RedirectProblem};
use crate::provider::{ApiRequest, Auth};

/// The most of one response body that is read: far above any real page, far below harm.
pub const MAX_BODY: usize = 64 * 1024 * 1024;

/// The most of a whole session list in one response (AgentHuman's): it is read record by
/// record, so memory holds the body and one record; about two million sessions.
pub const MAX_LIST_BODY: usize = 1024 * 1024 * 1024;

/// Redirects followed before giving up.
const MAX_REDIRECTS: usize = 5;

impl Client {
    /// One attempt: follows redirects (dropping the key off-origin) and reads the body. (One
    /// pass of the redirect loop reads as one story — send, log, pace, redirect or answer —
    /// so it stays in one function.)
    pub(super) async fn attempt(
        &self,
        request: &ApiRequest,
        mut url: Url,
    ) -> Result<Vec<u8>, Failure> {
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
            // A header is provider text like a body: it may echo the key.
            let request_id = errors::request_id(response.headers()).map(|id| self.quote(id));
            let retry_after = errors::retry_after(response.headers(), SystemTime::now());
            let limit = if request.whole_list {
                MAX_LIST_BODY
            } else {
                MAX_BODY
            };
            let body = read_body(response, &url, limit, request.whole_list)
                .await
                .map_err(|e| self.network_failure(&url, &e))?;
            let body = body.map_err(Failure::fatal)?;
            let said = status
                .is_success()
                .then(|| failure_in_body(&body))
                .flatten();
            if status.is_success() && said.is_none() {
                return Ok(body);
            }
            let error = self.api_error(request, (status, said), &url, request_id, &body);
            return Err(Failure {
                error,
                retry: retryable_status(said.unwrap_or(status.as_u16()), retry_after),
            });
        }
        Err(Failure::fatal(network_error(
            &url,
            NetworkCause::TooManyRedirects(MAX_REDIRECTS),
        )))
    }

    /// An error status (and for a 2xx that says `success: false`, the status it stands for),
    /// with what the provider said in its body.
    fn api_error(
        &self,
        request: &ApiRequest,
        (status, said_status): (StatusCode, Option<u16>),
        url: &Url,
        request_id: Option<String>,
        body: &[u8],
    ) -> Error {
        let said = parse_error_body(body);
        Error::Api(Box::new(ApiError {
            status: status.as_u16(),
            provider: self.provider,
            subject: request.subject.clone(),
            path: url.path().to_owned(),
            lists: request.lists,
            not_found: request.not_found.clone(),
            said_status,
            key_source: self.key_source.clone(),
            message: said.message.map(|text| self.quote(&text)).or_else(|| {
                // "OK" would contradict the failure a 2xx body reports.
                let reason = status.canonical_reason().filter(|_| said_status.is_none());
                reason.map(str::to_owned)
            }),
            suggestion: said.suggestion.map(|text| self.quote(&text)),
            request_id,
            attempts: 1,
            asked_to_wait: None,
        }))
    }

    /// Adds the key, marked sensitive so that no debug view of the request shows it.
    fn authorize(&self, builder: RequestBuilder) -> RequestBuilder {
        let (name, value) = match self.auth {
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

    fn network_failure(&self, url: &Url, error: &reqwest::Error) -> Failure {
        // The port too when the URL names one: `127.0.0.1:8080` says which server it was.
        let host = match (url.host_str(), url.port()) {
            (Some(host), Some(port)) => format!("{host}:{port}"),
            (Some(host), None) => host.to_owned(),
            (None, _) => "the provider".to_owned(),
        };
        let (cause, retry) = errors::network_cause(error, &host, self.timeout);
        Failure {
            error: network_error(url, cause),
            retry,
        }
    }
}

fn network_error(url: &Url, cause: NetworkCause) -> Error {
    Error::Network(Box::new(NetworkError {
        path: url.path().to_owned(),
        cause,
        attempts: 1,
    }))
}

fn unix_now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// Reads a body up to `limit` bytes. The outer error is the network's; the inner one a body
/// too large to be a real answer.
async fn read_body(
    mut response: Response,
    url: &Url,
    limit: usize,
    whole_list: bool,
) -> Result<Result<Vec<u8>, Error>, reqwest::Error> {
    let too_large = || {
        Err(Error::malformed(Malformed::TooLarge {
            path: url.path().to_owned(),
            limit_mib: limit / (1024 * 1024),
            whole_list,
        }))
    };
    let announced = response.content_length();
    if announced.is_some_and(|n| n > limit as u64) {
        return Ok(too_large());
    }
    // Sized once when the length is announced: growing by doubling would hold up to twice
    // a large list's bytes for a moment.
    let mut body = Vec::with_capacity(announced.map_or(0, |n| n as usize));
    while let Some(chunk) = response.chunk().await? {
        if body.len() + chunk.len() > limit {
            return Ok(too_large());
        }
        body.extend_from_slice(&chunk);
    }
    Ok(Ok(body))
}

fn redirect_target(from: &Url, headers: &HeaderMap) -> Result<Url, Error> {
    let refuse = |problem| {
        Error::malformed(Malformed::Redirect {
            path: from.path().to_owned(),
            problem,
        })
    };
    let location = headers
        .get(LOCATION)
        .and_then(|value| value.to_str().ok())
        .ok_or_else(|| refuse(RedirectProblem::NoLocation))?;
    let target = from
        .join(location)
        .map_err(|_| refuse(RedirectProblem::InvalidTarget))?;
    match target.scheme() {
        "https" | "http" => Ok(target),
        other => Err(refuse(RedirectProblem::Scheme(other.to_owned()))),
    }
}
