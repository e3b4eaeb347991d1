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

/// Keys (compared without case, `_` or `-`) whose values are credentials or signed URLs.
const CREDENTIAL_KEYS: &[&str] = &[
    "token",
    "accesstoken",
    "sessiontoken",
    "participanttoken",
    "secret",
    "encryptedsecret",
    "secretiv",
    "apikey",
    "password",
    "recordingurl",
];

/// Compares without case, `_` or `-`, and without allocating: it runs for every key of
/// every session shown.
fn is_credential_key(key: &str) -> bool {
    let folded = || {
        key.bytes()
            .filter(|b| *b != b'_' && *b != b'-')
            .map(|b| b.to_ascii_lowercase())
    };
    CREDENTIAL_KEYS
        .iter()
        .any(|candidate| folded().eq(candidate.bytes()))
}

/// Replaces every non-null value under a credential key, at any depth, with `[REDACTED]`.
pub fn redact_credentials(value: &mut Value) {
    match value {
        Value::Object(map) => {
            for (key, inner) in map.iter_mut() {
                if is_credential_key(key) && !inner.is_null() {
                    *inner = Value::String(REDACTED.to_owned());
                } else {
                    redact_credentials(inner);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(redact_credentials),
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
    fn credentials_are_masked_at_any_depth() {
        let mut body = json!({
            "daily_room": {"url": "https://x", "token": "eyJ"},
            "llm": [{"encrypted_secret": "e", "secret_iv": "iv", "apiKeyId": "keep"}],
            "recordingUrl": "https://signed",
            "accessToken": "a",
            "password": null
        });
        redact_credentials(&mut body);
        assert_eq!(
            body,
            json!({
                "daily_room": {"url": "https://x", "token": "[REDACTED]"},
                "llm": [{"encrypted_secret": "[REDACTED]", "secret_iv": "[REDACTED]", "apiKeyId": "keep"}],
                "recordingUrl": "[REDACTED]",
                "accessToken": "[REDACTED]",
                "password": null
            })
        );
    }
}
