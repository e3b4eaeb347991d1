//! Neutralises control characters in untrusted text (labels, names, metadata, provider
//! messages) before it reaches a terminal, so no API response can move the cursor, change
//! colors, set the window title or reorder what a reader sees.

use std::borrow::Cow;
use std::fmt::Write;

/// Returns the text with C0/C1 controls as caret or `<U+XXXX>` notation (`ESC` → `^[`), and
/// bidi overrides and zero-width characters as `<U+XXXX>`. Borrows when nothing needs to change.
pub fn sanitize(text: &str) -> Cow<'_, str> {
    if !text.chars().any(needs_escape) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\0'..='\x1f' => {
                out.push('^');
                out.push(char::from(c as u8 + b'@'));
            }
            '\x7f' => out.push_str("^?"),
            c if needs_escape(c) => {
                let _ = write!(out, "<U+{:04X}>", c as u32);
            }
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

fn needs_escape(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061C}'
                | '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2060}'..='\u{2069}'
                | '\u{FEFF}'
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_borrowed() {
        assert!(matches!(sanitize("Cara — ok ✓ 日本"), Cow::Borrowed(_)));
    }

    #[test]
    fn controls_are_neutralised() {
        assert_eq!(sanitize("\x1b[31mred\x1b[0m"), "^[[31mred^[[0m");
        assert_eq!(sanitize("a\nb\tc\rd\x07"), "a^Jb^Ic^Md^G");
        assert_eq!(sanitize("del\x7f"), "del^?");
        assert_eq!(sanitize("c1\u{9b}31m"), "c1<U+009B>31m");
        assert_eq!(sanitize("bidi\u{202E}txt.exe"), "bidi<U+202E>txt.exe");
        assert_eq!(
            sanitize("zero\u{200B}width\u{FEFF}"),
            "zero<U+200B>width<U+FEFF>"
        );
    }
}
