//! What tolerant mapping noticed, for people: a field shown as null is reported once per
//! field (the first record it happened in, and how many more), and records skipped for want
//! of a usable ID once (the first reason, and how many more). Memory stays one entry a field.

use crate::provider::{FieldProblem, MappingNotes};
use crate::sanitize::sanitize;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Warnings {
    fields: Vec<FieldNote>,
    skipped: Option<(String, u64)>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct FieldNote {
    field: &'static str,
    /// The first record it happened in, and what was wrong there.
    id: String,
    what: String,
    /// In how many records.
    count: u64,
}

impl Warnings {
    /// Notes one unreadable field of the record `id`.
    pub fn field(&mut self, id: &str, problem: FieldProblem) {
        match self.fields.iter_mut().find(|n| n.field == problem.field) {
            Some(note) => note.count += 1,
            None => self.fields.push(FieldNote {
                field: problem.field,
                id: id.to_owned(),
                what: problem.what,
                count: 1,
            }),
        }
    }

    /// Notes one record skipped, and why.
    pub fn skipped(&mut self, reason: String) {
        match &mut self.skipped {
            Some((_, count)) => *count += 1,
            None => self.skipped = Some((reason, 1)),
        }
    }

    pub fn add(&mut self, notes: MappingNotes) {
        for (id, problem) in notes.problems {
            self.field(&id, problem);
        }
        for reason in notes.skipped {
            self.skipped(reason);
        }
    }

    /// One line for each field that `shown` says the output shows, and one for skipped
    /// records; `noun` names a record (`session`). Provider text in them (IDs, values) goes
    /// through `mask` (the key) and the sanitizer before it is shown.
    pub fn lines(
        &self,
        noun: &str,
        shown: impl Fn(&str) -> bool,
        mask: impl Fn(&str) -> String,
    ) -> Vec<String> {
        let quote = |text: &str| sanitize(&mask(text)).into_owned();
        let more = |count: u64| match count {
            1 => String::new(),
            2 => format!(" (and in 1 more {noun})"),
            n => format!(" (and in {} more {noun}s)", n - 1),
        };
        let mut lines: Vec<String> = self
            .fields
            .iter()
            .filter(|note| shown(note.field))
            .map(|note| {
                format!(
                    "{noun} {}: {} — its {} is shown as null{}",
                    quote(&note.id),
                    quote(&note.what),
                    note.field,
                    more(note.count)
                )
            })
            .collect();
        if let Some((reason, count)) = &self.skipped {
            let others = match count {
                1 => String::new(),
                n => format!(" (and {} more like it)", n - 1),
            };
            lines.push(format!(
                "skipped a {noun} without a usable ID: {}{others}",
                quote(reason)
            ));
        }
        lines
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(field: &'static str, what: &str) -> FieldProblem {
        FieldProblem {
            field,
            what: what.to_owned(),
        }
    }

    #[test]
    fn what_is_quoted_is_masked_and_neutralised() {
        let mut warnings = Warnings::default();
        warnings.field(
            "id\x1b[31m",
            problem("label", "`clientLabel` is \"KEY123456\", not text"),
        );
        let lines = warnings.lines(
            "session",
            |_| true,
            |t| t.replace("KEY123456", "[REDACTED]"),
        );
        assert_eq!(
            lines,
            [
                "session id^[[31m: `clientLabel` is \"[REDACTED]\", not text — its label is shown as null"
            ]
        );
    }

    #[test]
    fn one_line_per_field_with_a_count() {
        let mut warnings = Warnings::default();
        warnings.field(
            "a",
            problem("duration_ms", "`sessionLengthMs` is -5, not a duration"),
        );
        warnings.field(
            "b",
            problem("duration_ms", "`sessionLengthMs` is \"9\", not a duration"),
        );
        warnings.field("c", problem("duration_ms", "x"));
        warnings.field("c", problem("label", "`clientLabel` is 7, not text"));
        warnings.skipped("`id` is missing".into());
        warnings.skipped("`id` is null".into());
        assert_eq!(
            warnings.lines("session", |_| true, str::to_owned),
            [
                "session a: `sessionLengthMs` is -5, not a duration — its duration_ms is shown as \
                 null (and in 2 more sessions)",
                "session c: `clientLabel` is 7, not text — its label is shown as null",
                "skipped a session without a usable ID: `id` is missing (and 1 more like it)",
            ]
        );
        assert_eq!(
            warnings
                .lines("session", |field| field == "label", str::to_owned)
                .len(),
            2,
            "a field the output does not show is not reported; a skipped record is"
        );
    }
}
