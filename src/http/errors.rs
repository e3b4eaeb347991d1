//! What a failed request said, in avatarctl's words: the provider's message out of an error
//! body (every documented shape), the status as an [`ApiError`], a network failure as a typed
//! [`NetworkCause`], and the headers worth quoting (`Retry-After`, the request ID). Provider
//! text is made safe and short here, before it reaches any message.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use reqwest::header::{HeaderMap, RETRY_AFTER};
use serde_json::Value;

use super::retry::Retryable;
use crate::error::NetworkCause;
use crate::sanitize::sanitize;

/// The longest provider message quoted in an error.
pub const MAX_MESSAGE_CHARS: usize = 300;

/// What a provider said about an error, all optional: error bodies are often absent or HTML.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct ErrorBody {
    pub message: Option<String>,
    pub suggestion: Option<String>,
}

/// Reads `message` (a string or a list of strings), else `error` (a string, or an object
/// with `message` and `suggestion`), else `detail` (Beyond Presence's FastAPI shape: a
/// string, or validation errors with a `msg` each): between them, every error shape the
/// providers document. Anything else — empty, HTML, another shape — yields no message.
pub fn parse_error_body(body: &[u8]) -> ErrorBody {
    let Ok(Value::Object(map)) = serde_json::from_slice::<Value>(body) else {
        return ErrorBody::default();
    };
    let text = |value: Option<&Value>| -> Option<String> {
        match value? {
            Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_owned()),
            Value::Array(items) => {
                let parts: Vec<&str> = items.iter().filter_map(Value::as_str).collect();
                (!parts.is_empty()).then(|| parts.join("; "))
            }
            _ => None,
        }
    };
    let error = map.get("error");
    let nested = error.and_then(Value::as_object);
    ErrorBody {
        message: text(map.get("message"))
            .or_else(|| text(error))
            .or_else(|| nested.and_then(|e| text(e.get("message"))))
            .or_else(|| detail(map.get("detail"))),
        suggestion: nested.and_then(|e| text(e.get("suggestion"))),
    }
}

/// FastAPI's `detail`: a string, or a list of `{msg, …}` validation errors.
fn detail(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_owned()),
        Value::Array(items) => {
            let parts: Vec<&str> = items
                .iter()
                .filter_map(|item| item.get("msg").and_then(Value::as_str))
                .collect();
            (!parts.is_empty()).then(|| parts.join("; "))
        }
        _ => None,
    }
}

/// The status a 2xx body that says `{"success": false, "error": …}` stands for, read from
/// its error code where it gives one (auth → 401, not found → 404, rate limit → 429), else a
/// provider failure (502); `None` for a body that does not say it failed.
pub fn failure_in_body(body: &[u8]) -> Option<u16> {
    /// The envelope's two fields; the rest of the body (a whole list, maybe) is skipped
    /// unread rather than built into a tree.
    #[derive(serde::Deserialize)]
    struct Envelope {
        success: Option<bool>,
        error: Option<Value>,
        code: Option<Value>,
    }
    // A body that never says "success" cannot say it failed: most pages are not read twice
    // (and the look costs next to nothing: memchr's search, not a byte-by-byte compare).
    memchr::memmem::find(body, b"\"success\"")?;
    let body = body.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(body);
    let envelope: Envelope = serde_json::from_slice(body).ok()?;
    if envelope.success != Some(false) {
        return None;
    }
    let code = envelope
        .error
        .as_ref()
        .and_then(|e| e.get("code"))
        .or(envelope.code.as_ref())
        .map(|code| match code {
            Value::String(s) => s.to_ascii_lowercase(),
            other => other.to_string(),
        })
        .unwrap_or_default();
    Some(status_of_code(&code))
}

/// The status an error code stands for, by whole words, so that `GENERATE_FAILED` is not a
/// rate limit nor `KEYFRAME_…` a key: auth → 401, not found → 404, rate limit → 429, else a
/// provider failure (502).
fn status_of_code(code: &str) -> u16 {
    let words: Vec<&str> = code
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let has = |word: &str| words.contains(&word);
    let auth = [
        "unauthorized",
        "unauthenticated",
        "forbidden",
        "auth",
        "authentication",
    ];
    if auth.iter().any(|w| has(w))
        || has("permission")
        || (has("key") && (has("invalid") || has("missing") || has("api")))
        || has("401")
        || has("403")
    {
        401
    } else if (has("not") && has("found")) || has("notfound") || has("404") {
        404
    } else if (has("rate") && (has("limit") || has("limited")))
        || has("ratelimited")
        || (has("too") && has("many"))
        || has("429")
    {
        429
    } else {
        502
    }
}

/// Whether an error status is worth another try.
pub fn retryable_status(status: u16, retry_after: Option<Duration>) -> Retryable {
    match status {
        429 => Retryable::RateLimited(retry_after),
        500..=599 => Retryable::After(retry_after),
        _ => Retryable::No,
    }
}

/// A failure to connect, send or read, as a typed cause, and whether to try again: all are
/// worth another try but a request that could not even be built.
pub fn network_cause(
    error: &reqwest::Error,
    host: &str,
    timeout: Duration,
) -> (NetworkCause, Retryable) {
    let retry = if error.is_builder() {
        Retryable::No
    } else {
        Retryable::After(None)
    };
    let cause = if error.is_timeout() {
        NetworkCause::Timeout(timeout)
    } else if error.is_connect() {
        NetworkCause::Connect {
            host: host.to_owned(),
            detail: root_cause(error),
        }
    } else {
        NetworkCause::Failed(root_cause(error))
    };
    (cause, retry)
}

/// `Retry-After` as seconds or as an HTTP date. A number of seconds too large to hold is
/// a wait too long to make, not no wait at all.
pub fn retry_after(headers: &HeaderMap, now: SystemTime) -> Option<Duration> {
    let value = headers.get(RETRY_AFTER)?.to_str().ok()?.trim();
    if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
        return Some(
            value
                .parse::<u64>()
                .map_or(Duration::MAX, Duration::from_secs),
        );
    }
    let date = chrono::DateTime::parse_from_rfc2822(value).ok()?;
    let at = UNIX_EPOCH + Duration::from_secs(u64::try_from(date.timestamp()).ok()?);
    Some(at.duration_since(now).unwrap_or_default())
}

/// The provider's request ID, for support tickets (as sent: the caller masks and shortens).
pub fn request_id(headers: &HeaderMap) -> Option<&str> {
    ["x-request-id", "request-id", "x-amzn-requestid"]
        .iter()
        .find_map(|name| headers.get(*name)?.to_str().ok())
}

/// Untrusted provider text made safe for a one-line message: controls neutralised, at most
/// `max_chars` characters (then `…`).
pub fn shorten(text: &str, max_chars: usize) -> String {
    let clean = sanitize(text.trim()).into_owned();
    match clean.char_indices().nth(max_chars) {
        Some((cut, _)) => format!("{}…", &clean[..cut]),
        None => clean,
    }
}

/// The innermost cause of an error: the part that says what happened, without the URL
/// reqwest puts in its own message.
pub fn root_cause(error: &(dyn std::error::Error + 'static)) -> String {
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
    fn error_bodies_of_every_documented_shape() {
        let cases: &[(&str, Option<&str>, Option<&str>)] = &[
            (
                r#"{"detail": "Call not found"}"#,
                Some("Call not found"),
                None,
            ),
            (
                r#"{"detail": [{"loc": ["query", "limit"], "msg": "too big"}, {"msg": "bad"}]}"#,
                Some("too big; bad"),
                None,
            ),
            (
                r#"{"success":false,"error":"Invalid API key"}"#,
                Some("Invalid API key"),
                None,
            ),
            (
                r#"{"success":false,"error":{"message":"Not found","suggestion":"Check the ID","code":"X","details":{}}}"#,
                Some("Not found"),
                Some("Check the ID"),
            ),
            (
                r#"{"error":"API key required"}"#,
                Some("API key required"),
                None,
            ),
            (r#"{"message":"Unauthorized"}"#, Some("Unauthorized"), None),
            (
                r#"{"message":["perPage too big","page too small"],"error":"Bad Request"}"#,
                Some("perPage too big; page too small"),
                None,
            ),
            ("", None, None),
            ("<html><body>502 Bad Gateway</body></html>", None, None),
            ("[1,2]", None, None),
        ];
        for (body, message, suggestion) in cases {
            let parsed = parse_error_body(body.as_bytes());
            assert_eq!(parsed.message.as_deref(), *message, "{body}");
            assert_eq!(parsed.suggestion.as_deref(), *suggestion, "{body}");
        }
    }

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
        headers.insert(
            RETRY_AFTER,
            HeaderValue::from_static("99999999999999999999999"),
        );
        assert_eq!(retry_after(&headers, now), Some(Duration::MAX));
    }

    #[test]
    fn a_success_false_is_read_by_its_code() {
        let said = |body: &str| failure_in_body(body.as_bytes());
        assert_eq!(
            said(r#"{"success":false,"error":{"message":"m","code":"INVALID_API_KEY"}}"#),
            Some(401)
        );
        assert_eq!(
            said(r#"{"success":false,"error":{"code":"SESSION_NOT_FOUND"}}"#),
            Some(404)
        );
        assert_eq!(
            said(r#"{"success":false,"error":{"code":"RATE_LIMITED"}}"#),
            Some(429)
        );
        assert_eq!(
            said(r#"{"success":false,"error":"Database unavailable"}"#),
            Some(502)
        );
        assert_eq!(said(r#"{"success":true,"sessions":[]}"#), None);
        assert_eq!(said(r#"{"data":[]}"#), None);
        assert_eq!(said("<html>"), None);
    }

    #[test]
    fn statuses_worth_another_try() {
        assert_eq!(retryable_status(429, None), Retryable::RateLimited(None));
        assert_eq!(retryable_status(503, None), Retryable::After(None));
        assert_eq!(retryable_status(404, None), Retryable::No);
    }

    #[test]
    fn quoted_text_is_cut_and_neutralised() {
        assert_eq!(shorten("  a\x1b[31m  ", 10), "a^[[31m");
        assert_eq!(shorten("abcdef", 3), "abc…");
    }
}
