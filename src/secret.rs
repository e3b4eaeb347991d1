//! Credentials as a type, so that no `{:?}`, `{}` or panic can print one.
//!
//! The API key is wrapped in [`ApiKey`] from the moment it is read. Its `Debug` and `Display`
//! print `[REDACTED]`; [`ApiKey::expose`] is the one way to the value, and only the HTTP layer
//! calls it. Credential fields inside provider responses are masked by [`redact_credentials`].

use std::fmt;

use serde_json::Value;

/// What a masked value prints as, everywhere.
pub const REDACTED: &str = "[REDACTED]";

/// Texts up to this long are searched for the key without [`memchr::memmem`].
const SHORT_TEXT: usize = 64;

/// An API key. Prints as `[REDACTED]`.
#[derive(Clone)]
pub struct ApiKey {
    key: String,
    /// A search for the key, built once: it runs on every string a provider's object shows.
    finder: memchr::memmem::Finder<'static>,
}

impl PartialEq for ApiKey {
    fn eq(&self, other: &Self) -> bool {
        self.key == other.key
    }
}

impl Eq for ApiKey {}

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
            Ok(Self {
                key: trimmed.to_owned(),
                finder: memchr::memmem::Finder::new(trimmed).into_owned(),
            })
        }
    }

    /// The key itself, for the request header. Only the HTTP layer calls this.
    pub fn expose(&self) -> &str {
        &self.key
    }

    /// `text` (a provider's message, a header it echoed) with the key masked wherever it
    /// holds it, before any cutting so that no part survives. Keys shorter than 8 characters
    /// are not real keys and are left alone, since masking them would garble ordinary text.
    pub fn mask(&self, text: &str) -> String {
        if self.key.len() >= 8 {
            text.replace(&self.key, REDACTED)
        } else {
            text.to_owned()
        }
    }

    /// Whether `text` holds the key, when it is long enough to be masked at all.
    pub fn is_in(&self, text: &str) -> bool {
        let (key, text) = (self.key.as_bytes(), text.as_bytes());
        if key.len() < 8 || text.len() < key.len() {
            return false;
        }
        if text.len() > SHORT_TEXT {
            return self.finder.find(text).is_some();
        }
        // A short text (an ID, a label): each place its first byte starts, compared, costs
        // less than setting up the vectorized search.
        let last_start = text.len() - key.len();
        memchr::memchr_iter(key[0], &text[..=last_start]).any(|at| &text[at..at + key.len()] == key)
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

/// The longest key split into words on the stack; a longer or non-ASCII key takes
/// [`words`]. (A key's words are at most twice as long as the key.)
const SHORT_KEY: usize = 48;

/// [`words`] for an ASCII key of at most [`SHORT_KEY`] bytes, into `out` without allocating;
/// returns the length written. For ASCII the two agree: the Unicode case rules of `words`
/// are the ASCII ones there.
fn ascii_words(key: &[u8], out: &mut [u8; 2 * SHORT_KEY]) -> usize {
    // A word break: one `_`, never first and never doubled.
    fn separate(out: &mut [u8; 2 * SHORT_KEY], len: &mut usize) {
        if *len > 0 && out[*len - 1] != b'_' {
            out[*len] = b'_';
            *len += 1;
        }
    }
    let mut len = 0;
    for (i, &c) in key.iter().enumerate() {
        if matches!(c, b'-' | b'_' | b' ') {
            separate(out, &mut len);
            continue;
        }
        let previous = i.checked_sub(1).map(|p| key[p]);
        let next = key.get(i + 1);
        let starts = c.is_ascii_uppercase()
            && match previous {
                Some(p) if p.is_ascii_lowercase() || p.is_ascii_digit() => true,
                Some(p) if p.is_ascii_uppercase() => next.is_some_and(u8::is_ascii_lowercase),
                _ => false,
            };
        if starts {
            separate(out, &mut len);
        }
        out[len] = c.to_ascii_lowercase();
        len += 1;
    }
    len
}

/// Whether a key's words (as [`words`] joins them) name a credential.
fn names_credential(name: &[u8]) -> bool {
    CREDENTIAL_NAMES.iter().any(|n| n.as_bytes() == name)
        || name.ends_with(b"_token")
        || name.ends_with(b"_secret")
}

/// Whether a key names a credential: one of `CREDENTIAL_NAMES`, or any name ending in
/// `_token` or `_secret` (`access_token`, `meeting_token`, `encrypted_secret`). Names that
/// merely name a key (`api_key_id`, `api_key_type`) are not credentials.
///
/// This runs for every key of every object shown, so the usual key — short, ASCII — is split
/// into words on the stack, with no allocation.
pub fn is_credential_key(key: &str) -> bool {
    let bytes = key.as_bytes();
    if bytes.len() <= SHORT_KEY && bytes.is_ascii() {
        // Every credential name has five letters or more and its last word is one of
        // `token`, `secret`, `password`, `authorization`, `key`, `iv` or `url`; an ASCII
        // key's last word is its last letters, lower-cased: most keys (`…Id`, `…At`,
        // `…Name`) are passed on that alone, found by their last letter.
        let ends_in = |word: &[u8]| {
            bytes.len() >= word.len()
                && bytes[bytes.len() - word.len()..].eq_ignore_ascii_case(word)
        };
        let last_word = match bytes.last().map(u8::to_ascii_lowercase) {
            _ if bytes.len() < 5 => false,
            Some(b'n') => ends_in(b"token") || ends_in(b"authorization"),
            Some(b't') => ends_in(b"secret"),
            Some(b'd') => ends_in(b"password"),
            Some(b'y') => ends_in(b"key"),
            Some(b'v') => ends_in(b"iv"),
            Some(b'l') => ends_in(b"url"),
            _ => false,
        };
        if !last_word {
            return false;
        }
        let mut name = [0; 2 * SHORT_KEY];
        let len = ascii_words(bytes, &mut name);
        return names_credential(&name[..len]);
    }
    // Every credential name holds one of these words; most keys hold none, and are passed
    // without splitting them into words.
    const STEMS: [&[u8]; 6] = [
        b"token",
        b"secret",
        b"password",
        b"authorization",
        b"key",
        b"recording",
    ];
    let holds = |stem: &[u8]| {
        bytes
            .windows(stem.len())
            .any(|window| window.eq_ignore_ascii_case(stem))
    };
    if !STEMS.iter().any(|stem| holds(stem)) {
        return false;
    }
    names_credential(words(key).as_bytes())
}

/// Whether a string is a signed URL: http(s) with a signature or token in its query.
pub fn is_signed_url(text: &str) -> bool {
    // The scheme, case-insensitive, within the first 8 bytes when they are whole characters.
    let Some(head) = text.get(..8).map(str::as_bytes) else {
        return false;
    };
    if !(head.eq_ignore_ascii_case(b"https://") || head[..7].eq_ignore_ascii_case(b"http://")) {
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

/// What a string value inside a provider's object is shown as, when it is not shown as it
/// is: `[REDACTED]` for a signed URL, the text with the API key masked where it holds it.
/// The one rule for strings, used by [`redact`] and by the output's transcoder.
pub fn masked_text(text: &str, key: Option<&ApiKey>) -> Option<String> {
    if is_signed_url(text) {
        Some(REDACTED.to_owned())
    } else {
        key.filter(|key| key.is_in(text)).map(|key| key.mask(text))
    }
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
            // A name that holds the API key is masked too, in its place.
            if let Some(api_key) = key.filter(|k| map.keys().any(|name| k.is_in(name))) {
                *map = std::mem::take(map)
                    .into_iter()
                    .map(|(name, inner)| {
                        let name = if api_key.is_in(&name) {
                            api_key.mask(&name)
                        } else {
                            name
                        };
                        (name, inner)
                    })
                    .collect();
            }
            for (name, inner) in map.iter_mut() {
                if is_credential_key(name) && !inner.is_null() {
                    *inner = Value::String(REDACTED.to_owned());
                } else {
                    redact(inner, key);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|item| redact(item, key)),
        Value::String(text) => {
            if let Some(masked) = masked_text(text, key) {
                *text = masked;
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
    fn the_key_is_found_in_short_and_long_texts_alike() {
        let key = ApiKey::new("ah_live_abc123").unwrap();
        for len in [0, 13, 14, 40, 64, 65, 200] {
            let filler = "a".repeat(len);
            assert!(!key.is_in(&filler), "{len}");
            // At the start, the end, after a false start, and cut short by one byte.
            for text in [
                format!("ah_live_abc123{filler}"),
                format!("{filler}ah_live_abc123"),
                format!("{filler}ah_live_ah_live_abc123"),
            ] {
                assert!(key.is_in(&text), "{text}");
                assert!(!key.is_in(&text.replace("abc123", "abc12")), "{text}");
            }
        }
        assert!(!ApiKey::new("short").unwrap().is_in("a short text"));
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
    fn short_ascii_keys_split_on_the_stack_as_words_does() {
        let mut keys: Vec<String> = [
            "",
            "_",
            "__a__",
            "a--b",
            "a - b",
            "sessionToken",
            "SESSION_TOKEN",
            "APIKey",
            "APIKeyID",
            "IDToken",
            "JWTSecret",
            "X-API-Key",
            "x_api_key",
            "ABC",
            "aB",
            "Ab",
            "a1B",
            "1a",
            "A1b",
            "token2",
            "meeting-token_",
            "-secret",
            "secret-",
            "ZZToken",
            "apiKeyId",
            "recordingUrl",
            "RecordingURL",
            "client  secret",
        ]
        .map(String::from)
        .to_vec();
        // Every short mix of the characters the rule looks at.
        let alphabet = ['a', 'B', 'k', 'T', '1', '-', '_', ' '];
        for a in alphabet {
            for b in alphabet {
                for c in alphabet {
                    keys.push([a, b, c].iter().collect());
                }
            }
        }
        keys.push("a".repeat(SHORT_KEY));
        keys.push("aB".repeat(SHORT_KEY / 2));
        for key in &keys {
            let mut out = [0; 2 * SHORT_KEY];
            let len = ascii_words(key.as_bytes(), &mut out);
            assert_eq!(&out[..len], words(key).as_bytes(), "{key:?}");
        }
    }

    #[test]
    fn the_quick_pass_on_a_key_s_last_letters_agrees_with_the_word_rule() {
        let vocabulary = [
            "token",
            "secret",
            "password",
            "authorization",
            "key",
            "iv",
            "url",
            "api",
            "x",
            "private",
            "client",
            "recording",
            "id",
            "count",
            "secretary",
            "monkey",
            "at",
        ];
        let cases: [fn(&str) -> String; 3] = [str::to_owned, str::to_uppercase, |w| {
            w[..1].to_uppercase() + &w[1..]
        }];
        let mut credentials = 0;
        for first in vocabulary {
            for last in vocabulary {
                for separator in ["", "_", "-", " "] {
                    for case in cases {
                        for key in [
                            format!("{first}{separator}{}", case(last)),
                            format!("{}{separator}{}", case(first), case(last)),
                            format!("x{separator}{}{}", case(first), case(last)),
                        ] {
                            let rule = names_credential(words(&key).as_bytes());
                            assert_eq!(is_credential_key(&key), rule, "{key:?}");
                            credentials += usize::from(rule);
                        }
                    }
                }
            }
        }
        assert!(
            credentials > 100,
            "credentials among the keys: {credentials}"
        );
    }

    #[test]
    fn long_and_non_ascii_keys_follow_the_same_rule() {
        let long = format!("{}AccessToken", "x".repeat(SHORT_KEY));
        assert!(is_credential_key(&long));
        assert!(!is_credential_key(&format!("{}Id", "x".repeat(SHORT_KEY))));
        assert!(is_credential_key("clé_token"));
        assert!(is_credential_key("ÜberSecret"));
        assert!(!is_credential_key("clé"));
        assert!(!is_credential_key("tökenCount"));
    }

    #[test]
    fn string_values_are_masked_by_one_rule() {
        let key = ApiKey::new("ah_live_abc123").unwrap();
        assert_eq!(
            masked_text("https://s/x?sig=1", None).as_deref(),
            Some(REDACTED)
        );
        assert_eq!(
            masked_text("echo ah_live_abc123", Some(&key)).as_deref(),
            Some("echo [REDACTED]")
        );
        assert_eq!(masked_text("echo ah_live_abc123", None), None);
        assert_eq!(masked_text("plain", Some(&key)), None);
        let short = ApiKey::new("short").unwrap();
        assert_eq!(masked_text("short", Some(&short)), None);
    }

    #[test]
    fn signed_urls_are_recognised_by_their_query() {
        for url in [
            "https://s3.amazonaws.com/b/k.mp4?X-Amz-Algorithm=A&X-Amz-Signature=abc",
            "https://cdn.example.com/v?Expires=1&Signature=xyz&Key-Pair-Id=K",
            "https://x.blob.core.windows.net/c/b?sv=1&sig=abc",
            "https://tavus.daily.co/room?t=1&token=eyJ",
            "HTTPS://storage.googleapis.com/b/o?X-Goog-Signature=1",
            "Http://a?SIG",
            "http://ab?x=1&sig=2#frag",
        ] {
            assert!(is_signed_url(url), "{url}");
        }
        for text in [
            "https://example.com/a?b=c",
            "https://example.com/signature",
            "not a url?sig=1",
            "https://example.com",
            "http://",
            "http:/?sig=1",
            "ftp://example.com/?sig=1",
            // The scheme is read from the first 8 bytes only when they are whole characters.
            "http://é?sig=1",
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
