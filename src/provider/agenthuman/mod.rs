//! AgentHuman: session IDs are `sess_…`; [`sessions`] maps `GET /v1/sessions` (the whole list
//! in one response) and `GET /v1/sessions/{session_id}`, [`usage`] the plan's minutes and
//! concurrency.

mod sessions;
mod usage;

use super::kind::{ProviderInfo, ProviderKind};
use super::{Provider, Sessions, UsageReport, word_id};
use crate::model::SessionId;

pub struct AgentHuman;

impl Provider for AgentHuman {
    fn info(&self) -> &'static ProviderInfo {
        ProviderKind::AgentHuman.info()
    }

    fn parse_id(&self, raw: &str) -> Result<SessionId, String> {
        word_id(raw, "agenthuman", "sess_01H3Z8G9YR3K2N5M6P7Q8W4T")
    }

    fn sessions(&self) -> &dyn Sessions {
        self
    }

    fn usage(&self) -> Option<&dyn UsageReport> {
        Some(self)
    }

    /// `GET /v1/usage`: small, where the session list is the whole list.
    fn probe_request(&self) -> super::ApiRequest {
        self.usage_request()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_letters_digits_underscores_and_dashes() {
        assert!(AgentHuman.parse_id("sess_01H3Z8G9YR3K2N5M6P7Q8W4T").is_ok());
        for bad in ["", "../x", "a/b", "x?y=1", "%2e%2e", "a b"] {
            assert!(AgentHuman.parse_id(bad).is_err(), "{bad}");
        }
    }
}
