//! `avatarctl sessions list`: checks the options against what the provider can do, walks
//! the list, and says on stderr when sessions were left out.

use std::io::Write;

use crate::cli::ListArgs;
use crate::error::Error;
use crate::http::Client;
use crate::log::Log;
use crate::output::{OutputOptions, Renderer, Terminal};
use crate::paginate::{Outcome, Plan, paginate};
use crate::provider::{Filters, Paging, Provider};

/// Sessions shown when no paging option is given.
pub const DEFAULT_LIMIT: u64 = 20;

pub async fn run(
    client: &Client,
    args: &ListArgs,
    options: &OutputOptions,
    terminal: Terminal,
    out: &mut dyn Write,
    log: &Log,
) -> Result<(), Error> {
    let provider = client.provider();
    let filters = Filters {
        search: args.search.clone(),
        persona_id: args.persona_id.clone(),
        api_key_id: args.api_key_id.clone(),
        status: args.status,
    };
    provider.check_filters(&filters)?;
    let plan = plan(provider, args)?;
    let mut renderer = Renderer::new(options, terminal, out)?;
    let outcome = paginate(client, &filters, plan, |session| renderer.write(session)).await?;
    renderer.finish()?;
    if let Some(note) = left_out_note(plan, &outcome) {
        log.note(note);
    }
    Ok(())
}

/// Turns the paging flags into a plan, refusing those the provider cannot honour.
fn plan(provider: &dyn Provider, args: &ListArgs) -> Result<Plan, Error> {
    let paging_flags = args.page.is_some() || args.per_page.is_some();
    match provider.paging() {
        Paging::Whole if paging_flags => Err(Error::usage(format!(
            "{} returns its whole session list in one response, so --page and --per-page do not apply — \
             use --limit N to cut it",
            provider.kind().name()
        ))),
        Paging::Numbered { max_per_page } if args.per_page.is_some_and(|n| n > max_per_page) => {
            Err(Error::usage(format!(
                "--per-page {} is out of range for {} (1–{max_per_page})",
                args.per_page.unwrap_or_default(),
                provider.kind().name()
            )))
        }
        _ if paging_flags => Ok(Plan::Page {
            page: args.page.unwrap_or(1),
            per_page: args.per_page.unwrap_or(DEFAULT_LIMIT as u32),
        }),
        _ => Ok(Plan::Limit(args.limit.unwrap_or(DEFAULT_LIMIT))),
    }
}

/// One line saying how many sessions there are beyond those shown, and how to get them.
fn left_out_note(plan: Plan, outcome: &Outcome) -> Option<String> {
    let shown = outcome.emitted;
    match plan {
        Plan::Page { page, per_page } => {
            let last = outcome.last_page?;
            let total = outcome.total.map(|t| format!(" ({t} sessions)")).unwrap_or_default();
            if page > last {
                Some(format!("page {page} is past the last page, {last}{total}"))
            } else if outcome.more {
                Some(format!(
                    "page {page} of {last}{total} — next: --page {} --per-page {per_page}, or --limit N for more at once",
                    page + 1
                ))
            } else {
                None
            }
        }
        Plan::Limit(_) => match outcome.total {
            Some(total) if total > shown => Some(format!(
                "showing {shown} of {total} sessions — pass --limit {total} to see them all"
            )),
            Some(_) => None,
            None if outcome.more => Some(format!(
                "showing the first {shown} sessions; there are more — raise --limit to see them"
            )),
            None => None,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outcome(emitted: u64, total: Option<u64>, last_page: Option<u32>, more: bool) -> Outcome {
        Outcome { emitted, total, last_page, more }
    }

    #[test]
    fn notes_say_how_many_and_how_to_get_them() {
        let note = left_out_note(Plan::Limit(20), &outcome(20, Some(57), Some(3), true));
        assert_eq!(note.as_deref(), Some("showing 20 of 57 sessions — pass --limit 57 to see them all"));
        assert_eq!(left_out_note(Plan::Limit(20), &outcome(7, Some(7), Some(1), false)), None);
        let page = left_out_note(Plan::Page { page: 2, per_page: 50 }, &outcome(50, Some(120), Some(3), true));
        assert_eq!(
            page.as_deref(),
            Some("page 2 of 3 (120 sessions) — next: --page 3 --per-page 50, or --limit N for more at once")
        );
        let past = left_out_note(Plan::Page { page: 9, per_page: 50 }, &outcome(0, Some(120), Some(3), false));
        assert_eq!(past.as_deref(), Some("page 9 is past the last page, 3 (120 sessions)"));
    }
}
