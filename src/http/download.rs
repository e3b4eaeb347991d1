//! Downloading from a presigned URL (a recording): a client of its own that never carries
//! the API key — the URL's query is its credential — and never names the URL in a log or an
//! error, only its host. Plain http is refused except to this machine, as for base URLs, at
//! every redirect too.

use std::io::Write;
use std::time::{Duration, Instant};

use url::Url;

use super::Client;
use super::errors::root_cause;
use crate::config::is_loopback;
use crate::error::{DownloadError, DownloadProblem, Error};

/// Redirects followed before giving up.
const MAX_REDIRECTS: usize = 5;

/// Whether a download may go to `url`, and if not, why not (without quoting it).
fn refusal(url: &Url) -> Option<String> {
    match url.scheme() {
        _ if url.host().is_none() => Some("has no host".into()),
        "https" => None,
        "http" if is_loopback(url) => None,
        "http" => Some("is plain http to another machine".into()),
        other => Some(format!("is {other}://, not https://")),
    }
}

/// The host (and port, when the URL names one) for messages.
fn host_of(url: &Url) -> String {
    match (url.host_str(), url.port()) {
        (Some(host), Some(port)) => format!("{host}:{port}"),
        (Some(host), None) => host.to_owned(),
        (None, _) => "the download host".to_owned(),
    }
}

impl Client {
    /// Streams the body at `url` into `sink`, calling `progress(bytes so far, length)` as
    /// chunks arrive; returns the bytes written. A body shorter than its `Content-Length` is
    /// an error. Errors writing to `sink` come back as [`Error::Io`].
    pub async fn download(
        &self,
        url: &Url,
        sink: &mut dyn Write,
        progress: &mut dyn FnMut(u64, Option<u64>),
    ) -> Result<u64, Error> {
        let host = host_of(url);
        let fail = |problem| {
            Error::Download(Box::new(DownloadError {
                host: host.clone(),
                problem,
            }))
        };
        if let Some(why) = refusal(url) {
            return Err(fail(DownloadProblem::Refused(why)));
        }
        let http = self
            .download_client(url)
            .map_err(|detail| fail(DownloadProblem::Network(detail)))?;
        let started = Instant::now();
        let mut response = http
            .get(url.clone())
            .send()
            .await
            .map_err(|e| fail(DownloadProblem::Network(self.cause(&e))))?;
        let status = response.status();
        self.log.verbose(format_args!(
            "GET the recording from {} → {status} ({} ms; its URL is not shown)",
            host_of(response.url()),
            started.elapsed().as_millis()
        ));
        if !status.is_success() {
            let reason = status.canonical_reason().unwrap_or_default().to_owned();
            return Err(fail(DownloadProblem::Status(status.as_u16(), reason)));
        }
        let expected = response.content_length();
        let mut got: u64 = 0;
        progress(got, expected);
        loop {
            let chunk = match response.chunk().await {
                Ok(Some(chunk)) => chunk,
                Ok(None) => break,
                Err(_) if expected.is_some_and(|n| got < n) => break,
                Err(e) => return Err(fail(DownloadProblem::Network(self.cause(&e)))),
            };
            sink.write_all(&chunk)?;
            got += chunk.len() as u64;
            progress(got, expected);
        }
        match expected {
            Some(expected) if got < expected => Err(fail(DownloadProblem::Short { got, expected })),
            _ => Ok(got),
        }
    }

    /// A client without the key, following redirects only where a download may go, and
    /// timing out when the body goes quiet rather than after a fixed time (a large file on a
    /// slow link takes what it takes). Bodies are kept as sent: no decompression.
    fn download_client(&self, url: &Url) -> Result<reqwest::Client, String> {
        let policy = reqwest::redirect::Policy::custom(|attempt| {
            if attempt.previous().len() > MAX_REDIRECTS {
                attempt.error(format!("redirected more than {MAX_REDIRECTS} times"))
            } else if let Some(why) = refusal(attempt.url()) {
                attempt.error(format!("redirected to a URL that {why}"))
            } else {
                attempt.follow()
            }
        });
        let mut builder = reqwest::Client::builder();
        if is_loopback(url) {
            builder = builder.no_proxy();
        }
        builder
            .connect_timeout(self.timeout.min(Duration::from_secs(10)))
            .read_timeout(self.timeout)
            .redirect(policy)
            .no_gzip()
            .no_brotli()
            .user_agent(concat!("avatarctl/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| root_cause(&e))
    }

    /// What went wrong, without the URL reqwest would put in its message.
    fn cause(&self, error: &reqwest::Error) -> String {
        if error.is_timeout() {
            return format!("no data for {}", humantime::format_duration(self.timeout));
        }
        // reqwest's own message names the URL; its sources do not.
        match std::error::Error::source(error) {
            Some(source) => root_cause(source),
            None => "the request could not be sent".to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn downloads_go_over_https_or_to_this_machine_only() {
        let url = |text: &str| Url::parse(text).unwrap();
        assert_eq!(
            refusal(&url("https://cdn.anam.ai/r.mp4?X-Amz-Signature=x")),
            None
        );
        assert_eq!(refusal(&url("http://127.0.0.1:8080/r.mp4")), None);
        assert_eq!(refusal(&url("http://localhost/r.mp4")), None);
        assert_eq!(
            refusal(&url("http://cdn.example.com/r.mp4")).unwrap(),
            "is plain http to another machine"
        );
        assert_eq!(
            refusal(&url("ftp://cdn.example.com/r.mp4")).unwrap(),
            "is ftp://, not https://"
        );
        assert_eq!(refusal(&url("file:///etc/passwd")).unwrap(), "has no host");
        assert_eq!(host_of(&url("http://127.0.0.1:8080/r")), "127.0.0.1:8080");
        assert_eq!(host_of(&url("https://cdn.anam.ai/r")), "cdn.anam.ai");
    }
}
