//! Anam's recordings: `GET /v1/sessions/{id}/recording` answers a presigned URL (valid for an
//! hour) and nothing else.

use super::Anam;
use crate::model::SessionId;
use crate::provider::json::{BodyError, ObjectReader};
use crate::provider::{ApiRequest, Recordings, json};

impl Recordings for Anam {
    fn recording_request(&self, id: &SessionId) -> ApiRequest {
        ApiRequest::get(
            &["v1", "sessions", id.as_str(), "recording"],
            format!("the recording of session {id}"),
        )
        .not_found(
            format!("no recording for {id}"),
            "the session may still be running, or it was not recorded",
        )
        // The body is a presigned URL: never quoted in the `-v` log or an error.
        .private()
    }

    fn parse_recording(&self, body: &[u8]) -> Result<String, BodyError> {
        let body = json::parse_json(body)?;
        let envelope = ObjectReader::of(&body, "the body")?;
        match envelope.str("recordingUrl") {
            Some(url) if !url.trim().is_empty() => Ok(url.trim().to_owned()),
            _ => Err(BodyError::Shape(
                "`recordingUrl` is missing or not a URL".into(),
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::provider::Provider;

    #[test]
    fn the_documented_body_gives_its_url() {
        let body = include_str!("../../../tests/fixtures/anam_recording.json");
        let url = Anam.parse_recording(body.as_bytes()).unwrap();
        assert!(
            url.starts_with("https://cdn.anam.ai/recordings/00000000-"),
            "{url}"
        );
        assert!(url.ends_with("X-Amz-Signature=…"), "{url}");
        for bad in [
            &br#"{}"#[..],
            br#"{"recordingUrl": 5}"#,
            br#"{"recordingUrl": " "}"#,
            b"[]",
        ] {
            assert!(Anam.parse_recording(bad).is_err());
        }
    }

    #[test]
    fn the_request_is_private_and_says_what_a_404_means() {
        let id = Anam
            .parse_id("3f1c2b9e-8d4a-4c6f-9e21-7a5b0c3d1e2f")
            .unwrap();
        let request = Anam.recording_request(&id);
        assert!(request.private);
        assert_eq!(
            request.segments.last().map(String::as_str),
            Some("recording")
        );
        let not_found = request.not_found.unwrap();
        assert_eq!(not_found.what, format!("no recording for {id}"));
    }
}
