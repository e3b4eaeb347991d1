//! The chat view of transcripts: one row per message — its time from the session's start,
//! the role, the text — with the text wrapped to the terminal's width and never cut. Each
//! line of a message is neutralised on its own, so its line breaks stay line breaks and
//! nothing in it can reach the terminal as a control.

use std::io::{self, Write};

use comfy_table::{Attribute, Cell, Color};

use super::table::{format_time, new_table, print};
use super::{Terminal, View};
use crate::model::{Message, Transcript};
use crate::sanitize::sanitize;

/// Each transcript as a chat, under a title line when there are several.
pub fn write_chat(
    transcripts: &[Transcript],
    view: &View,
    terminal: &Terminal,
    out: &mut dyn Write,
) -> io::Result<()> {
    let utc = view.options.utc;
    for (i, transcript) in transcripts.iter().enumerate() {
        if transcripts.len() > 1 {
            if i > 0 {
                out.write_all(b"\n")?;
            }
            writeln!(out, "{}", title(transcript, utc))?;
        }
        let mut table = new_table(view.options.color);
        if !view.options.no_headers {
            table.set_header(
                ["AT", "ROLE", "TEXT"].map(|h| Cell::new(h).add_attribute(Attribute::Bold)),
            );
        }
        for message in &transcript.messages {
            table.add_row([
                Cell::new(at(message, utc)),
                role_cell(message.role.as_deref()),
                Cell::new(text(message.text.as_deref().unwrap_or("-"))),
            ]);
        }
        let terminal = if view.options.wide {
            Terminal::piped()
        } else {
            *terminal
        };
        print(table, &terminal, out)?;
    }
    Ok(())
}

/// `session 3f1c… · Cara · 2026-04-20 09:00:00 +00:00`.
fn title(transcript: &Transcript, utc: bool) -> String {
    let mut parts = vec![format!("session {}", transcript.session_id)];
    parts.extend(transcript.persona_name.clone());
    parts.extend(transcript.started_at.map(|t| format_time(&t, utc)));
    sanitize(&parts.join(" · ")).into_owned()
}

/// `+MM:SS` from the session's start (`+H:MM:SS` past an hour); the time itself when the
/// start is unknown; `-` when neither is.
fn at(message: &Message, utc: bool) -> String {
    match (message.offset_ms, message.at) {
        (Some(ms), _) => offset(ms),
        (None, Some(time)) => format_time(&time, utc),
        (None, None) => "-".to_owned(),
    }
}

fn offset(ms: i64) -> String {
    let sign = if ms < 0 { '-' } else { '+' };
    let seconds = ms.unsigned_abs() / 1000;
    let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    if h > 0 {
        format!("{sign}{h}:{m:02}:{s:02}")
    } else {
        format!("{sign}{m:02}:{s:02}")
    }
}

fn role_cell(role: Option<&str>) -> Cell {
    let cell = Cell::new(sanitize(role.unwrap_or("-")));
    match role {
        Some("persona") => cell.fg(Color::Cyan),
        Some("user") => cell.fg(Color::Green),
        _ => cell,
    }
}

/// A message's text with each line neutralised on its own.
fn text(text: &str) -> String {
    text.lines()
        .map(|line| sanitize(line).into_owned())
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_read_as_minutes_and_seconds() {
        assert_eq!(offset(0), "+00:00");
        assert_eq!(offset(65_400), "+01:05");
        assert_eq!(offset(3_723_000), "+1:02:03");
        assert_eq!(offset(-2_000), "-00:02");
    }

    #[test]
    fn line_breaks_stay_and_controls_do_not() {
        assert_eq!(text("one\ntwo\x1b[31m"), "one\ntwo^[[31m");
        assert_eq!(text("a\u{202e}b"), "a<U+202E>b");
    }
}
