//! Beyond Presence: calls. [`sessions`] maps `GET /v1/calls` (cursor pages) and
//! `GET /v1/calls/{id}`; [`transcript`] maps `GET /v1/calls/{id}/messages`.

mod sessions;
mod transcript;

use super::kind::{ProviderInfo, ProviderKind};
use super::{Provider, Sessions, Transcripts, is_uuid};
use crate::model::SessionId;

pub struct BeyondPresence;

impl Provider for BeyondPresence {
    fn info(&self) -> &'static ProviderInfo {
        ProviderKind::BeyondPresence.info()
    }

    fn parse_id(&self, raw: &str) -> Result<SessionId, String> {
        if is_uuid(raw) {
            Ok(SessionId::validated(raw))
        } else {
            Err(format!(
                "{raw:?} is not a beyondpresence call ID — call IDs are UUIDs such as \
                 01234567-89ab-cdef-0123-456789abcdef"
            ))
        }
    }

    fn sessions(&self) -> &dyn Sessions {
        self
    }

    fn transcripts(&self) -> Option<&dyn Transcripts> {
        Some(self)
    }

    /// `GET /v1/auth/verify`, which Beyond Presence documents for checking a key.
    fn probe_request(&self) -> super::ApiRequest {
        super::ApiRequest::report(&["v1", "auth", "verify"], "key check")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_uuids() {
        assert!(
            BeyondPresence
                .parse_id("01234567-89ab-cdef-0123-456789abcdef")
                .is_ok()
        );
        for bad in [
            "",
            "../x",
            "c123456",
            "01234567-89ab-cdef-0123-456789abcdef/x",
        ] {
            assert!(BeyondPresence.parse_id(bad).is_err(), "{bad}");
        }
    }
}
