//! RFC 3339 times as sessions carry them, read at the rate of an export: the form providers
//! send (`2026-04-20T09:12:34.000Z`) read by hand, and anything else left to chrono, which
//! decides.

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};

/// An RFC 3339 time, as chrono's `parse_from_rfc3339` reads it, in UTC.
pub fn parse_utc(text: &str) -> Option<DateTime<Utc>> {
    plain_utc(text.as_bytes()).or_else(|| {
        DateTime::parse_from_rfc3339(text)
            .ok()
            .map(|time| time.with_timezone(&Utc))
    })
}

/// `YYYY-MM-DDTHH:MM:SS[.f{1,9}]Z`, without a leap second: the one form read by hand.
/// `None` for anything else, valid or not.
fn plain_utc(text: &[u8]) -> Option<DateTime<Utc>> {
    let (head, fraction) = match text {
        [head @ .., b'Z'] if head.len() == 19 => (head, &[][..]),
        [head @ .., b'Z'] if head.len() > 20 && head.len() <= 29 && head[19] == b'.' => {
            (&head[..19], &head[20..])
        }
        _ => return None,
    };
    let digits = |range: std::ops::Range<usize>| -> Option<u32> {
        head[range].iter().try_fold(0, |n, &b| {
            b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0'))
        })
    };
    let separators = [(4, b'-'), (7, b'-'), (10, b'T'), (13, b':'), (16, b':')];
    if separators.iter().any(|&(at, byte)| head[at] != byte) {
        return None;
    }
    let second = digits(17..19)?;
    if second > 59 {
        return None;
    }
    let mut nanos = 0;
    for (place, &b) in fraction.iter().enumerate() {
        if !b.is_ascii_digit() {
            return None;
        }
        nanos += u32::from(b - b'0') * 10u32.pow(8 - place as u32);
    }
    let year = i32::try_from(digits(0..4)?).ok()?;
    NaiveDate::from_ymd_opt(year, digits(5..7)?, digits(8..10)?)?
        .and_hms_nano_opt(digits(11..13)?, digits(14..16)?, second, nanos)
        .map(|time| time.and_utc())
}

/// A time as RFC 3339 in UTC, with fractional seconds only when there are some.
pub fn format_utc(time: &DateTime<Utc>) -> String {
    time.to_rfc3339_opts(SecondsFormat::AutoSi, true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Datelike;

    fn chrono_parse(text: &str) -> Option<DateTime<Utc>> {
        DateTime::parse_from_rfc3339(text)
            .ok()
            .map(|time| time.with_timezone(&Utc))
    }

    #[test]
    fn times_read_by_hand_are_the_ones_chrono_reads() {
        let mut texts: Vec<String> = [
            "2026-04-20T09:12:34.000Z",
            "2026-04-20T09:12:34Z",
            "2026-04-20T09:12:34.1Z",
            "2026-04-20T09:12:34.123456789Z",
            "2026-04-20T09:12:34.1234567891Z",
            "2026-04-20T09:12:34.Z",
            "2024-02-29T23:59:59Z",
            "2026-02-29T00:00:00Z",
            "2026-13-01T00:00:00Z",
            "2026-00-01T00:00:00Z",
            "2026-04-31T00:00:00Z",
            "2026-04-20T24:00:00Z",
            "2026-04-20T09:60:00Z",
            "2026-04-20T23:59:60Z",
            "2026-04-20T23:59:60.5Z",
            "0000-01-01T00:00:00Z",
            "9999-12-31T23:59:59.999Z",
            "2026-04-20t09:12:34z",
            "2026-04-20 09:12:34Z",
            "2026-04-20T09:12:34+02:00",
            "2026-04-20T09:12:34.5-00:30",
            "2026-04-20T09:12:34",
            "+2026-04-20T09:12:34Z",
            "2026-4-20T09:12:34Z",
            "２026-04-20T09:12:34Z",
            "",
        ]
        .map(String::from)
        .to_vec();
        // Every byte of a plain time changed to each of a few others.
        let plain = "2026-04-20T09:12:34.567Z";
        for at in 0..plain.len() {
            for byte in ["0", "9", "-", ":", "T", ".", "Z", "a", " ", "5"] {
                let mut text = plain.to_owned();
                text.replace_range(at..=at, byte);
                texts.push(text);
            }
        }
        for text in &texts {
            let by_hand = plain_utc(text.as_bytes());
            if let Some(time) = by_hand {
                assert_eq!(Some(time), chrono_parse(text), "{text}");
            }
            assert_eq!(parse_utc(text), chrono_parse(text), "{text}");
        }
        assert!(plain_utc(plain.as_bytes()).is_some());
    }

    #[test]
    fn times_as_avatarctl_writes_them_are_read_back() {
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let mut times: Vec<DateTime<Utc>> = [
            "2026-04-20T09:12:34Z",
            "2026-04-20T09:12:34.5Z",
            "2026-04-20T09:12:34.000001Z",
            "2026-04-20T09:12:34.000000001Z",
            "0001-01-01T00:00:00Z",
            "9999-12-31T23:59:59.999999999Z",
            "2016-12-31T23:59:60.25Z",
        ]
        .iter()
        .map(|text| chrono_parse(text).unwrap())
        .collect();
        for _ in 0..10_000 {
            let seconds = (next() % 400_000_000_000) as i64 - 100_000_000_000;
            let nanos = match next() % 4 {
                0 => 0,
                1 => (next() % 1000) as u32 * 1_000_000,
                2 => (next() % 1_000_000) as u32 * 1000,
                _ => (next() % 1_000_000_000) as u32,
            };
            times.extend(DateTime::from_timestamp(seconds, nanos));
        }
        for time in &times {
            let written = format_utc(time);
            // (RFC 3339 has four-digit years: chrono writes others, but does not read them.)
            if (0..=9999).contains(&time.year()) {
                assert_eq!(parse_utc(&written), Some(*time), "{written}");
                assert_eq!(parse_utc(&written), chrono_parse(&written), "{written}");
            }
        }
    }
}
