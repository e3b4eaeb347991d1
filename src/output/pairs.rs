//! A block of labelled values — a report's summary above its rows — as two aligned columns
//! under an optional title, each cell neutralised like every table cell.

use std::io::{self, Write};

use comfy_table::Cell;

use super::table::{new_table, print};
use super::{Terminal, View};
use crate::sanitize::sanitize;

/// `title` (when given) on a line of its own, then one `label   value` line per pair.
pub fn write_pairs(
    title: Option<&str>,
    pairs: &[(String, String)],
    view: &View,
    terminal: &Terminal,
    out: &mut dyn Write,
) -> io::Result<()> {
    if let Some(title) = title {
        writeln!(out, "{}", sanitize(title))?;
    }
    let mut table = new_table(view.options.color);
    for (label, value) in pairs {
        table.add_row([Cell::new(sanitize(label)), Cell::new(sanitize(value))]);
    }
    let terminal = if view.options.wide {
        Terminal::piped()
    } else {
        *terminal
    };
    print(table, &terminal, out)
}
