//! The base URL: https anywhere, plain http only to this machine, so that the key never
//! travels in clear text; no credentials, query or fragment in it.

use std::net::IpAddr;

use url::{Host, Url};

use crate::error::Error;

/// Whether a URL's host is this machine: `localhost`, `127.0.0.0/8` or `[::1]`.
pub fn is_loopback(url: &Url) -> bool {
    match url.host() {
        Some(Host::Domain(domain)) => domain.eq_ignore_ascii_case("localhost"),
        Some(Host::Ipv4(ip)) => IpAddr::V4(ip).is_loopback(),
        Some(Host::Ipv6(ip)) => IpAddr::V6(ip).is_loopback(),
        None => false,
    }
}

/// Parses a base URL: https anywhere, plain http only to a loopback host. `source` names
/// where it came from (`--base-url`, `AVATARCTL_BASE_URL`) for the messages.
pub fn parse_base_url(text: &str, source: &str) -> Result<Url, Error> {
    // A URL with credentials in it is never quoted back, whatever else is wrong with it.
    let shown = if text.contains('@') {
        "(not shown: it holds an @)".to_owned()
    } else {
        format!("{text:?}")
    };
    let url = Url::parse(text)
        .map_err(|e| Error::usage(format!("{source} {shown} is not a URL: {e}")))?;
    if !url.username().is_empty() || url.password().is_some() {
        return Err(Error::usage(format!(
            "{source} must not carry credentials — pass the key with --api-key-file or the env var"
        )));
    }
    if url.host().is_none() {
        return Err(Error::usage(format!(
            "{source} {shown} has no host — e.g. https://api.anam.ai"
        )));
    }
    let loopback = is_loopback(&url);
    match url.scheme() {
        "https" => {}
        "http" if loopback => {}
        "http" => {
            return Err(Error::usage(format!(
                "refusing plain http:// base URL {shown} from {source}: the API key would travel in \
                 clear text — use https:// (plain http is allowed only for loopback hosts)"
            )));
        }
        other => {
            return Err(Error::usage(format!(
                "{source} must be https://, not {other}:// — e.g. https://api.anam.ai"
            )));
        }
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(Error::usage(format!(
            "{source} must not carry a query or fragment — give the API root only, e.g. \
             https://proxy.example.com/anam"
        )));
    }
    Ok(url)
}
