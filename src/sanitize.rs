//! Neutralises control and invisible characters in untrusted text (labels, names, metadata, provider
//! messages) before it reaches a terminal, so no API response can move the cursor, change
//! colors, set the window title or reorder what a reader sees.

use std::borrow::Cow;
use std::fmt::Write;

/// Returns the text with C0/C1 controls as caret or `<U+XXXX>` notation (`ESC` → `^[`), and
/// invisible and format characters (bidi controls, zero-width and soft-hyphen characters,
/// interlinear annotations, tag characters) as `<U+XXXX>`. Borrows when nothing needs to change.
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

/// Controls, and the invisible or format characters that can hide or reorder text: the set
/// fd's `sanitize.rs` neutralises.
fn needs_escape(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{00AD}' // soft hyphen
                | '\u{061C}' // Arabic letter mark
                | '\u{180E}' // Mongolian vowel separator
                | '\u{200B}'..='\u{200F}' // zero-width characters, LRM, RLM
                | '\u{202A}'..='\u{202E}' // bidi embeddings and overrides
                | '\u{2060}'..='\u{206F}' // word joiner, invisible operators, bidi isolates, deprecated format characters
                | '\u{FEFF}' // zero-width no-break space (BOM)
                | '\u{FFF9}'..='\u{FFFB}' // interlinear annotation
                | '\u{E0000}'..='\u{E007F}' // tag characters
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

    #[test]
    fn every_invisible_and_format_character_is_shown() {
        for c in [
            '\u{00AD}',
            '\u{180E}',
            '\u{2066}',
            '\u{206A}',
            '\u{206F}',
            '\u{FFF9}',
            '\u{FFFB}',
            '\u{E0000}',
            '\u{E0041}',
            '\u{E007F}',
        ] {
            let text = format!("a{c}b");
            assert_eq!(sanitize(&text), format!("a<U+{:04X}>b", c as u32), "{c:?}");
        }
        for kept in ['\u{00AC}', '\u{2070}', '\u{FFFC}', '\u{E0080}'] {
            let text = format!("a{kept}b");
            assert!(matches!(sanitize(&text), Cow::Borrowed(_)), "{kept:?}");
        }
    }
}
