//! Credentials as a type, so that no `{:?}`, `{}` or panic can print one.
//!
//! The API key is wrapped in [`ApiKey`] from the moment it is read. Its `Debug` and `Display`
//! print `[REDACTED]`; [`ApiKey::expose`] is the one way to the value, and only the HTTP layer
//! calls it. Credential fields inside provider responses are masked by [`redact_credentials`].

use std::fmt;

use serde_json::Value;

/// What a masked value prints as, everywhere.
pub const REDACTED: &str = "[REDACTED]";

/// An API key. Prints as `[REDACTED]`.
#[derive(Clone, PartialEq, Eq)]
pub struct ApiKey(String);

/// Why a value cannot be used as an API key. Says nothing of the value itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyProblem {
    /// Nothing is left after trimming.
    Empty,
    /// A character outside printable ASCII (`0x20..=0x7E`): a control character, DEL or
    /// anything non-ASCII, which an HTTP header value cannot safely carry.
    NotHeaderSafe,
}

impl ApiKey {
    /// Wraps a key, trimming the whitespace a file or a pasted value tends to carry.
    ///
    /// The key travels in a request header, so what is left must be printable ASCII (inner
    /// spaces allowed); checking here makes a stray control character or a paste error a
    /// usage error, rather than a request that fails before it is sent and is retried as a
    /// network error.
    pub fn new(raw: &str) -> Result<Self, KeyProblem> {
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            Err(KeyProblem::Empty)
        } else if !trimmed.bytes().all(|b| matches!(b, 0x20..=0x7E)) {
            Err(KeyProblem::NotHeaderSafe)
        } else {
            Ok(Self(trimmed.to_owned()))
        }
    }

    /// The key itself, for the request header. Only the HTTP layer calls this.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// `text` (a provider's message, a header it echoed) with the key masked wherever it
    /// holds it, before any cutting so that no part survives. Keys shorter than 8 characters
    /// are not real keys and are left alone, since masking them would garble ordinary text.
    pub fn mask(&self, text: &str) -> String {
        if self.0.len() >= 8 {
            text.replace(&self.0, REDACTED)
        } else {
            text.to_owned()
        }
    }
}

impl fmt::Debug for ApiKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(REDACTED)
    }
}

impl fmt::Display for ApiKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(REDACTED)
    }
}

/// Key names (as words joined by `_`) whose values are credentials.
const CREDENTIAL_NAMES: &[&str] = &[
    "token",
    "secret",
    "password",
    "authorization",
    "x_api_key",
    "api_key",
    "private_key",
    "client_secret",
    "secret_iv",
    // Anam's presigned download link, whether or not its query shows a signature.
    "recording_url",
];

/// Query parameters that make a URL a signed one, whose holder may fetch what it points to.
const SIGNATURE_PARAMS: &[&str] = &[
    "x-amz-signature",
    "signature",
    "sig",
    "token",
    "x-goog-signature",
];

/// A key's words, lower case, joined by `_`: `sessionToken`, `session-token` and
/// `SESSION_TOKEN` are all `session_token`; `apiKeyId` is `api_key_id`.
fn words(key: &str) -> String {
    let chars: Vec<char> = key.chars().collect();
    let mut out = String::with_capacity(key.len() + 4);
    for (i, &c) in chars.iter().enumerate() {
        if c == '-' || c == '_' || c == ' ' {
            if !out.is_empty() && !out.ends_with('_') {
                out.push('_');
            }
            continue;
        }
        // A word starts at a capital after a lower-case letter or digit (`apiKey`), and at
        // the last capital of a run before a lower-case letter (`APIKey`, `IDToken`).
        let previous = i.checked_sub(1).map(|p| chars[p]);
        let next = chars.get(i + 1);
        let starts = c.is_uppercase()
            && match previous {
                Some(p) if p.is_lowercase() || p.is_ascii_digit() => true,
                Some(p) if p.is_uppercase() => next.is_some_and(|n| n.is_lowercase()),
                _ => false,
            };
        if starts && !out.is_empty() && !out.ends_with('_') {
            out.push('_');
        }
        out.extend(c.to_lowercase());
    }
    out
}

/// Whether a key names a credential: one of `CREDENTIAL_NAMES`, or any name ending in
/// `_token` or `_secret` (`access_token`, `meeting_token`, `encrypted_secret`). Names that
/// merely name a key (`api_key_id`, `api_key_type`) are not credentials.
pub fn is_credential_key(key: &str) -> bool {
    // Every credential name holds one of these words; most keys hold none, and are passed
    // without splitting them into words (this runs for every key of every object shown).
    const STEMS: [&[u8]; 6] = [
        b"token",
        b"secret",
        b"password",
        b"authorization",
        b"key",
        b"recording",
    ];
    let holds = |stem: &[u8]| {
        key.as_bytes()
            .windows(stem.len())
            .any(|window| window.eq_ignore_ascii_case(stem))
    };
    if !STEMS.iter().any(|stem| holds(stem)) {
        return false;
    }
    let name = words(key);
    CREDENTIAL_NAMES.contains(&name.as_str())
        || name.ends_with("_token")
        || name.ends_with("_secret")
}

/// Whether a string is a signed URL: http(s) with a signature or token in its query.
pub fn is_signed_url(text: &str) -> bool {
    let lower = text
        .get(..8)
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    if !(lower.starts_with("https://") || lower.starts_with("http://")) {
        return false;
    }
    let Some((_, query)) = text.split_once('?') else {
        return false;
    };
    let query = query.split('#').next().unwrap_or_default();
    query.split('&').any(|pair| {
        let name = pair.split('=').next().unwrap_or_default();
        SIGNATURE_PARAMS
            .iter()
            .any(|p| p.eq_ignore_ascii_case(name))
    })
}

/// Replaces, at any depth, every non-null value under a credential key, and every string
/// that is a signed URL, with `[REDACTED]`.
pub fn redact_credentials(value: &mut Value) {
    redact(value, None);
}

/// [`redact_credentials`], and in the same walk the API key masked in every string that
/// holds it (a provider that echoes the caller's key in its data).
pub fn redact(value: &mut Value, key: Option<&ApiKey>) {
    match value {
        Value::Object(map) => {
            for (name, inner) in map.iter_mut() {
                if is_credential_key(name) && !inner.is_null() {
                    *inner = Value::String(REDACTED.to_owned());
                } else {
                    redact(inner, key);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|item| redact(item, key)),
        Value::String(text) if is_signed_url(text) => *text = REDACTED.to_owned(),
        Value::String(text) => {
            if let Some(key) = key
                && key.0.len() >= 8
                && text.contains(key.0.as_str())
            {
                *text = key.mask(text);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn key_never_prints() {
        let key = ApiKey::new("  ah_live_abc123\n").unwrap();
        assert_eq!(key.expose(), "ah_live_abc123");
        assert_eq!(format!("{key} {key:?}"), "[REDACTED] [REDACTED]");
        assert_eq!(ApiKey::new(" \n"), Err(KeyProblem::Empty));
    }

    #[test]
    fn an_echoed_key_is_masked() {
        let key = ApiKey::new("ah_live_abc123").unwrap();
        assert_eq!(key.mask("bad key ah_live_abc123!"), "bad key [REDACTED]!");
        assert_eq!(
            ApiKey::new("short").unwrap().mask("short text"),
            "short text"
        );
    }

    #[test]
    fn a_key_must_fit_in_a_header() {
        assert_eq!(
            ApiKey::new("with inner space").unwrap().expose(),
            "with inner space"
        );
        assert_eq!(ApiKey::new("!~").unwrap().expose(), "!~");
        for bad in [
            "abc\x01def",
            "a\tb",
            "a\nb",
            "del\x7f",
            "clé",
            "ключ",
            "a\u{200b}b",
        ] {
            assert_eq!(ApiKey::new(bad), Err(KeyProblem::NotHeaderSafe), "{bad:?}");
        }
    }

    #[test]
    fn credential_names_follow_the_word_rule() {
        for name in [
            "token",
            "Token",
            "accessToken",
            "access_token",
            "session-token",
            "sessionToken",
            "participantToken",
            "meeting_token",
            "refresh_token",
            "id_token",
            "idToken",
            "client_secret",
            "clientSecret",
            "encrypted_secret",
            "secret_iv",
            "secretIv",
            "password",
            "authorization",
            "Authorization",
            "x-api-key",
            "X-Api-Key",
            "api_key",
            "apiKey",
            "API_KEY",
            "private_key",
            "privateKey",
            "recordingUrl",
            "APIKey",
            "IDToken",
            "JWTSecret",
            "X-API-Key",
        ] {
            assert!(is_credential_key(name), "{name}");
        }
        for name in [
            "apiKeyId",
            "APIKeyID",
            "api_key_id",
            "api_key_type",
            "tokens_used",
            "token_count",
            "secretary",
            "passwordless",
            "url",
            "session_id",
        ] {
            assert!(!is_credential_key(name), "{name}");
        }
    }

    #[test]
    fn signed_urls_are_recognised_by_their_query() {
        for url in [
            "https://s3.amazonaws.com/b/k.mp4?X-Amz-Algorithm=A&X-Amz-Signature=abc",
            "https://cdn.example.com/v?Expires=1&Signature=xyz&Key-Pair-Id=K",
            "https://x.blob.core.windows.net/c/b?sv=1&sig=abc",
            "https://tavus.daily.co/room?t=1&token=eyJ",
            "HTTPS://storage.googleapis.com/b/o?X-Goog-Signature=1",
        ] {
            assert!(is_signed_url(url), "{url}");
        }
        for text in [
            "https://example.com/a?b=c",
            "https://example.com/signature",
            "not a url?sig=1",
            "https://example.com",
        ] {
            assert!(!is_signed_url(text), "{text}");
        }
    }

    #[test]
    fn credentials_are_masked_at_any_depth() {
        let mut body = json!({
            "daily_room": {"url": "https://x", "token": "eyJ"},
            "llm": [{"encrypted_secret": "e", "secret_iv": "iv", "apiKeyId": "keep"}],
            "recordingUrl": "https://signed",
            "accessToken": "a",
            "password": null,
            "download": ["https://s3/x?X-Amz-Signature=s"],
            "meetingToken": "m"
        });
        redact_credentials(&mut body);
        assert_eq!(
            body,
            json!({
                "daily_room": {"url": "https://x", "token": "[REDACTED]"},
                "llm": [{"encrypted_secret": "[REDACTED]", "secret_iv": "[REDACTED]", "apiKeyId": "keep"}],
                "recordingUrl": "[REDACTED]",
                "accessToken": "[REDACTED]",
                "password": null,
                "download": ["[REDACTED]"],
                "meetingToken": "[REDACTED]"
            })
        );
    }
}
