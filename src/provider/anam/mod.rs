//! Anam: session IDs are UUIDs; [`sessions`] maps `GET /v1/sessions` and
//! `GET /v1/sessions/{id}`, [`transcript`] a session's messages, [`recording`] its
//! recording's URL, [`analytics`] its per-turn report and the aggregate report over a
//! window, [`usage`] the concurrency snapshot.

mod analytics;
mod recording;
mod sessions;
mod transcript;
mod usage;

use super::kind::{ProviderInfo, ProviderKind};
use super::{Analytics, Provider, Recordings, Sessions, Transcripts, UsageReport};
use crate::model::SessionId;

pub struct Anam;

impl Provider for Anam {
    fn info(&self) -> &'static ProviderInfo {
        ProviderKind::Anam.info()
    }

    fn parse_id(&self, raw: &str) -> Result<SessionId, String> {
        if is_uuid(raw) {
            Ok(SessionId::validated(raw))
        } else {
            Err(format!(
                "{raw:?} is not an anam session ID — anam IDs are UUIDs such as 3f1c2b9e-8d4a-4c6f-9e21-7a5b0c3d1e2f"
            ))
        }
    }

    fn sessions(&self) -> &dyn Sessions {
        self
    }

    fn transcripts(&self) -> Option<&dyn Transcripts> {
        Some(self)
    }

    fn recordings(&self) -> Option<&dyn Recordings> {
        Some(self)
    }

    fn analytics(&self) -> Option<&dyn Analytics> {
        Some(self)
    }

    fn usage(&self) -> Option<&dyn UsageReport> {
        Some(self)
    }
}

/// A hyphenated UUID, the only form Anam uses for session IDs.
pub fn is_uuid(text: &str) -> bool {
    text.len() == 36 && uuid::Uuid::try_parse(text).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_must_be_uuids() {
        assert!(
            Anam.parse_id("3f1c2b9e-8d4a-4c6f-9e21-7a5b0c3d1e2f")
                .is_ok()
        );
        for bad in [
            "",
            "../x",
            "a/b",
            "x?y=1",
            "%2e%2e",
            "3f1c2b9e8d4a4c6f9e217a5b0c3d1e2f",
        ] {
            assert!(Anam.parse_id(bad).is_err(), "{bad}");
        }
    }
}
