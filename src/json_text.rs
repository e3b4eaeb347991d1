//! Scanning JSON text by hand, where serde_json's reader costs too much (a list body's every
//! record, an export's every kept object): the end of a string, checked as JSON.

/// The start of the keys serde_json reads as its own markers (a number or a raw value in
/// disguise): an object with one is left to serde_json.
pub const SERDE_PRIVATE_KEY: &str = "$serde_json::private::";

/// The string whose opening quote is at `start`: the index just past its closing quote, and
/// whether it has escapes. `None` unless it is a JSON string: closed, without control
/// characters, with only JSON's escapes (a `\u` escape's surrogates are not paired here).
pub fn string_end(bytes: &[u8], start: usize) -> Option<(usize, bool)> {
    let mut at = start + 1;
    let mut escaped = false;
    loop {
        at = stop_at(bytes, at)?;
        match bytes[at] {
            b'"' => return Some((at + 1, escaped)),
            b'\\' => {}
            _ => return None,
        }
        escaped = true;
        at += match bytes.get(at + 1)? {
            b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't' => 2,
            b'u' => {
                let hex = bytes.get(at + 2..at + 6)?;
                if !hex.iter().all(u8::is_ascii_hexdigit) {
                    return None;
                }
                6
            }
            _ => return None,
        };
    }
}

/// How far a string is read eight bytes at a time before the rest is searched with
/// `memchr` (whose start costs more than a short string's whole scan).
const SHORT: usize = 32;

/// The first byte from `at` on that stops a string: a quote, a backslash or a control
/// character. Most strings are short, and are read eight bytes at a time; a long one's rest
/// is searched for the first two with `memchr`, then checked for control characters.
fn stop_at(bytes: &[u8], at: usize) -> Option<usize> {
    const ONES: u64 = u64::from_ne_bytes([1; 8]);
    const HIGHS: u64 = ONES << 7;
    let zero_bytes = |x: u64| x.wrapping_sub(ONES) & !x;
    let mut word_at = at;
    while word_at - at < SHORT {
        let Some(word) = bytes.get(word_at..word_at + 8) else {
            // The last few bytes, one at a time.
            return bytes[word_at..]
                .iter()
                .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
                .map(|i| word_at + i);
        };
        let word = u64::from_le_bytes(word.try_into().expect("eight bytes"));
        // The high bit of each byte that is a quote, a backslash, or below 0x20: exact for
        // the lowest such byte (a borrow only runs on from a byte that is one).
        let stops = (zero_bytes(word ^ (ONES * u64::from(b'"')))
            | zero_bytes(word ^ (ONES * u64::from(b'\\')))
            | (word.wrapping_sub(ONES * 0x20) & !word))
            & HIGHS;
        if stops != 0 {
            return Some(word_at + (stops.trailing_zeros() / 8) as usize);
        }
        word_at += 8;
    }
    let rest = &bytes[word_at..];
    let stop = memchr::memchr2(b'"', b'\\', rest).unwrap_or(rest.len());
    let stop = if has_control(&rest[..stop]) {
        rest.iter().position(|&b| b < 0x20).unwrap_or(stop)
    } else {
        stop
    };
    (stop < rest.len()).then_some(word_at + stop)
}

/// Whether any byte is a control character, which valid JSON has none of inside a string.
/// (No early exit: the whole run is checked at once, as wide as the machine goes.)
fn has_control(bytes: &[u8]) -> bool {
    bytes.iter().fold(0, |any, &b| any | u8::from(b < 0x20)) != 0
}
