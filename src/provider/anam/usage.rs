//! Anam's usage: `GET /v1/sessions/concurrency`, an advisory snapshot of the organization's
//! concurrent-session slots. Anam reports no plan minutes, so those fields are null.

use super::Anam;
use crate::model::{RawObject, Usage};
use crate::provider::json::{BodyError, Mapped, RecordReader};
use crate::provider::{ApiRequest, ProviderKind, UsageReport, json};

impl UsageReport for Anam {
    fn usage_request(&self) -> ApiRequest {
        ApiRequest::report(&["v1", "sessions", "concurrency"], "concurrency report")
    }

    fn parse_usage(&self, body: &[u8]) -> Result<Mapped<Usage>, BodyError> {
        let body = json::parse_json(body)?;
        let fields = RecordReader::of(&body, "concurrency report")?;
        let usage = Usage {
            provider: ProviderKind::Anam.name(),
            period_start: None,
            period_end: None,
            minutes_included: None,
            minutes_used: None,
            minutes_remaining: None,
            minutes_purchased: None,
            minutes_purchased_remaining: None,
            active_sessions: fields.count("active_sessions", "active"),
            concurrency_limit: fields.count("concurrency_limit", "limit"),
            can_start: fields.flag("can_start", "canStartSession"),
            estimated_wait_ms: fields.millis("estimated_wait_ms", "estimatedWaitSeconds", 1000.0),
            plan: None,
            raw: RawObject::from_value(body.clone()),
        };
        Ok(Mapped {
            record: usage,
            problems: fields.problems(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_documented_snapshot_maps_and_the_minutes_are_null() {
        let body = include_str!("../../../tests/fixtures/anam_concurrency.json");
        let Mapped { record, problems } = Anam.parse_usage(body.as_bytes()).unwrap();
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(record.provider, "anam");
        assert_eq!(record.concurrency_limit, Some(10));
        assert_eq!(record.active_sessions, Some(7));
        assert_eq!(record.can_start, Some(true));
        assert_eq!(record.estimated_wait_ms, Some(0));
        assert_eq!(record.minutes_remaining, None);
        assert_eq!(record.plan, None);
        assert_eq!(record.raw.tree()["limit"], 10);
    }

    #[test]
    fn a_null_wait_is_no_estimate_and_an_odd_field_is_a_problem_not_a_failure() {
        let body = br#"{"limit": "ten", "active": 3, "canStartSession": false, "estimatedWaitSeconds": null}"#;
        let Mapped { record, problems } = Anam.parse_usage(body).unwrap();
        assert_eq!(record.estimated_wait_ms, None);
        assert_eq!(record.concurrency_limit, None);
        assert_eq!(record.active_sessions, Some(3));
        assert_eq!(record.can_start, Some(false));
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].field, "concurrency_limit");
        assert!(Anam.parse_usage(b"[1]").is_err());
    }
}
