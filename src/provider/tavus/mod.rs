//! Tavus: conversations. [`sessions`] maps `GET /v2/conversations` (numbered pages with a
//! `total_count`) and `GET /v2/conversations/{id}?verbose=true`, whose events give the start,
//! end and end reason; [`transcript`] reads the transcript from the same events.

mod sessions;
mod transcript;

use super::kind::{ProviderInfo, ProviderKind};
use super::{Provider, Sessions, Transcripts, word_id};
use crate::model::SessionId;

pub struct Tavus;

impl Provider for Tavus {
    fn info(&self) -> &'static ProviderInfo {
        ProviderKind::Tavus.info()
    }

    fn parse_id(&self, raw: &str) -> Result<SessionId, String> {
        word_id(raw, "tavus", "c123456")
    }

    fn sessions(&self) -> &dyn Sessions {
        self
    }

    fn transcripts(&self) -> Option<&dyn Transcripts> {
        Some(self)
    }
}

/// `GET /v2/conversations/{id}?verbose=true`: one conversation with its events, what both
/// `sessions get` and `sessions transcript` read.
fn verbose_get(id: &SessionId, subject: String) -> super::ApiRequest {
    let mut request = super::ApiRequest::get(&["v2", "conversations", id.as_str()], subject);
    request.query.push(("verbose", "true".to_owned()));
    request
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_letters_digits_underscores_and_dashes() {
        assert!(Tavus.parse_id("c123456").is_ok());
        assert!(Tavus.parse_id("conv_123").is_ok());
        for bad in ["", "../x", "a/b", "x?y=1", "%2e%2e", "a b"] {
            assert!(Tavus.parse_id(bad).is_err(), "{bad}");
        }
    }
}
