//! AgentHuman's usage: `GET /v1/usage`, the billing period's minutes, the sessions active now
//! and the concurrency of the plan. Its example bodies come with and without the
//! `{success, usage}` envelope; both are read.

use serde_json::Value;

use super::AgentHuman;
use crate::model::{RawObject, Usage};
use crate::provider::json::{BodyError, Mapped, RecordReader};
use crate::provider::{ApiRequest, ProviderKind, UsageReport, json};

impl UsageReport for AgentHuman {
    fn usage_request(&self) -> ApiRequest {
        ApiRequest::report(&["v1", "usage"], "usage report")
    }

    fn parse_usage(&self, body: &[u8]) -> Result<Mapped<Usage>, BodyError> {
        let mut body = json::parse_json(body)?;
        let report = match body.get_mut("usage") {
            Some(usage @ Value::Object(_)) => usage.take(),
            _ => body,
        };
        let fields = RecordReader::of(&report, "usage report")?;
        let usage = Usage {
            provider: ProviderKind::AgentHuman.name(),
            period_start: fields.time("period_start", "period.start"),
            period_end: fields.time("period_end", "period.end"),
            minutes_included: fields.exact_number("minutes_included", "included_minutes.total"),
            minutes_used: fields.exact_number("minutes_used", "included_minutes.used"),
            minutes_remaining: fields
                .exact_number("minutes_remaining", "included_minutes.remaining"),
            minutes_purchased: fields.exact_number("minutes_purchased", "purchased_minutes.total"),
            minutes_purchased_remaining: fields
                .exact_number("minutes_purchased_remaining", "purchased_minutes.remaining"),
            active_sessions: fields
                .count("active_sessions", "concurrency.current")
                .or_else(|| fields.count("active_sessions", "active_sessions")),
            concurrency_limit: fields.count("concurrency_limit", "concurrency.max"),
            can_start: None,
            estimated_wait_ms: None,
            plan: fields
                .text("plan", "plan.name")
                .or_else(|| fields.text("plan", "plan.key")),
            raw: RawObject::from_value(report.clone()),
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

    fn usage(body: &str) -> Usage {
        let Mapped { record, problems } = AgentHuman.parse_usage(body.as_bytes()).unwrap();
        assert!(problems.is_empty(), "{problems:?}");
        record
    }

    #[test]
    fn the_documented_examples_map_with_and_without_the_envelope() {
        let page = usage(include_str!(
            "../../../tests/fixtures/agenthuman_usage.json"
        ));
        assert_eq!(page.provider, "agenthuman");
        assert_eq!(
            page.period_start.unwrap().to_rfc3339(),
            "2024-01-01T00:00:00+00:00"
        );
        assert_eq!(
            page.period_end.unwrap().to_rfc3339(),
            "2024-01-31T23:59:59+00:00"
        );
        let minutes = [
            &page.minutes_included,
            &page.minutes_used,
            &page.minutes_remaining,
            &page.minutes_purchased,
            &page.minutes_purchased_remaining,
        ]
        .map(|n| n.as_ref().unwrap().to_string());
        assert_eq!(minutes, ["120", "75", "45", "100", "100"]);
        assert_eq!(page.active_sessions, Some(1));
        assert_eq!(page.concurrency_limit, Some(20));
        assert_eq!(page.plan.as_deref(), Some("Pro"));
        assert_eq!((page.can_start, page.estimated_wait_ms), (None, None));
        assert_eq!(page.raw.tree()["total_remaining"], 145);

        let schema = usage(include_str!(
            "../../../tests/fixtures/agenthuman_usage_schema.json"
        ));
        assert_eq!(schema.concurrency_limit, Some(2));
        assert_eq!(schema.minutes_used, page.minutes_used);
        assert_eq!(schema.period_end, page.period_end);
    }

    #[test]
    fn active_sessions_fall_back_to_the_list_and_odd_fields_are_problems() {
        let body =
            br#"{"usage": {"active_sessions": [{}, {}], "included_minutes": {"used": "lots"}}}"#;
        let Mapped { record, problems } = AgentHuman.parse_usage(body).unwrap();
        assert_eq!(record.active_sessions, Some(2));
        assert_eq!(record.minutes_used, None);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].field, "minutes_used");
        assert!(AgentHuman.parse_usage(b"\"x\"").is_err());
    }
}
