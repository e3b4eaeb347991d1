//! The hidden `avatarctl man`: the man page, generated from the command tree in
//! [`crate::cli`] (the same visible tree the completions use), so it can never drift from the
//! real flags. Needs no configuration, key or network.

use std::io::{self, Write};

use clap::Command;
use clap_mangen::Man;

use super::completions::visible_command;

/// Writes the man page, in roff, for section 1: one page for the whole tool.
///
/// clap_mangen's whole-page render lists subcommands as references to pages of their own
/// (`avatarctl-sessions(1)`) that `avatarctl man > avatarctl.1` would never install. So the
/// page is put together from its sections instead, with a COMMANDS section that gives each
/// command its usage, description and own options in place.
pub fn write_man(out: &mut dyn Write) -> io::Result<()> {
    let mut root = visible_command();
    root.build();
    let man = Man::new(root.clone());
    let mut page = Vec::new();
    man.render_title(&mut page)?;
    append(&mut page, Heading::Keep, |w| man.render_name_section(w))?;
    append(&mut page, Heading::Keep, |w| man.render_synopsis_section(w))?;
    append(&mut page, Heading::Keep, |w| {
        man.render_description_section(w)
    })?;
    append(&mut page, Heading::Keep, |w| man.render_options_section(w))?;
    page.extend_from_slice(b".SH COMMANDS\n");
    let documented: Vec<&str> = root.get_arguments().map(|a| a.get_id().as_str()).collect();
    for command in leaf_commands(&root) {
        write_command_subsection(command, &documented, &mut page)?;
    }
    page.extend_from_slice(crate::cli::docs::man_sections().as_bytes());
    append(&mut page, Heading::Keep, |w| man.render_version_section(w))?;
    out.write_all(&page)
}

/// The commands that do something (`sessions list`, not `sessions`), in declaration order,
/// without `help`.
fn leaf_commands(command: &Command) -> Vec<&Command> {
    let visible = command
        .get_subcommands()
        .filter(|c| !c.is_hide_set() && c.get_name() != "help");
    visible
        .flat_map(|c| match c.has_subcommands() {
            true => leaf_commands(c),
            false => vec![c],
        })
        .collect()
}

/// `.SS avatarctl sessions list`, then what it does, its usage and its own options; the
/// options the root takes too (`documented`) are documented once, in OPTIONS.
fn write_command_subsection(
    command: &Command,
    documented: &[&str],
    page: &mut Vec<u8>,
) -> io::Result<()> {
    let own = command.clone().mut_args(|arg| {
        let id = arg.get_id().as_str();
        let hidden =
            arg.is_global_set() || documented.contains(&id) || matches!(id, "help" | "version");
        // One options list per command: a heading would open a section of the page.
        arg.hide(hidden).help_heading(None::<&str>)
    });
    let has_options = own.get_arguments().any(|arg| !arg.is_hide_set());
    let man = Man::new(own);
    let name = command.get_bin_name().unwrap_or_else(|| command.get_name());
    writeln!(page, ".SS \"{name}\"")?;
    append(page, Heading::Drop, |w| man.render_description_section(w))?;
    append(page, Heading::Drop, |w| man.render_synopsis_section(w))?;
    if has_options {
        append(page, Heading::Drop, |w| man.render_options_section(w))?;
    }
    Ok(())
}

/// Whether a section keeps its `.SH` heading when appended.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Heading {
    Keep,
    /// In its place, a paragraph break: the section becomes part of a command's subsection.
    Drop,
}

/// Appends one section rendered by clap_mangen, without the definition of the apostrophe
/// string that each of its renders repeats (the title already made it).
fn append(
    page: &mut Vec<u8>,
    heading: Heading,
    render: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let mut section = Vec::new();
    render(&mut section)?;
    let section = String::from_utf8_lossy(&section);
    let mut lines = section.lines().peekable();
    while lines
        .next_if(|line| line.starts_with(".ie ") || line.starts_with(".el "))
        .is_some()
    {}
    if heading == Heading::Drop && lines.next_if(|line| line.starts_with(".SH ")).is_some() {
        page.extend_from_slice(b".PP\n");
    }
    for line in lines {
        page.extend_from_slice(line.as_bytes());
        page.push(b'\n');
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::tests::{Closed, text};

    #[test]
    fn the_man_page_is_one_roff_page_with_every_command_in_place() {
        let page = text(|out| write_man(out));
        assert!(page.contains(".TH avatarctl 1"), "{page}");
        // The apostrophe string is defined once, before the title.
        assert_eq!(page.matches(".ds Aq").count(), 2, "{page}");
        let headings: Vec<&str> = page.lines().filter(|l| l.starts_with(".S")).collect();
        assert_eq!(
            headings,
            [
                ".SH NAME",
                ".SH SYNOPSIS",
                ".SH DESCRIPTION",
                ".SH OPTIONS",
                ".SH \"CONNECTION OPTIONS\"",
                ".SH \"OUTPUT OPTIONS\"",
                ".SH \"GLOBAL OPTIONS\"",
                ".SH COMMANDS",
                ".SS \"avatarctl sessions list\"",
                ".SS \"avatarctl sessions get\"",
                ".SS \"avatarctl sessions transcript\"",
                ".SS \"avatarctl sessions recording\"",
                ".SS \"avatarctl sessions analytics\"",
                ".SS \"avatarctl sessions stats\"",
                ".SS \"avatarctl usage\"",
                ".SS \"avatarctl auth status\"",
                ".SS \"avatarctl providers\"",
                ".SS \"avatarctl completions\"",
                ".SH \"EXIT STATUS\"",
                ".SH ENVIRONMENT",
                ".SH EXAMPLES",
                ".SH VERSION",
            ]
        );
        // Options that apply to every command are documented once, under their group.
        assert_eq!(
            page.matches("\\-\\-provider").count(),
            3,
            "synopsis, OPTIONS and ENVIRONMENT"
        );
    }

    #[test]
    fn a_failing_writer_is_an_error_not_a_panic() {
        assert_eq!(
            write_man(&mut Closed).unwrap_err().kind(),
            io::ErrorKind::BrokenPipe
        );
    }
}
