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

impl ApiKey {
    /// Wraps a key, trimming the whitespace a file or a pasted value tends to carry.
    /// Returns `None` when nothing is left.
    pub fn new(raw: &str) -> Option<Self> {
        let trimmed = raw.trim();
        (!trimmed.is_empty()).then(|| Self(trimmed.to_owned()))
    }

    /// The key itself, for the request header. Only `http.rs` calls this.
    pub fn expose(&self) -> &str {
        &self.0
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
        assert!(ApiKey::new(" \n").is_none());
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
