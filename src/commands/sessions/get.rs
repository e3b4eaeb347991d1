//! `avatarctl sessions get <ID>...`: the sessions in full, in the order given, as
//! [`by_id`] fetches them.

use std::io::{BufRead, Write};

use super::by_id;
use crate::cli::IdsArgs;
use crate::context::Context;
use crate::error::{Error, Part};
use crate::model::{Session, SessionId};
use crate::output::{Layout, write_details};
use crate::provider::Mapped;
use crate::warnings::Warnings;

pub async fn run(
    ctx: &Context,
    args: &IdsArgs,
    stdin: &mut dyn BufRead,
    out: &mut dyn Write,
) -> Result<(), Error> {
    let ids = by_id::session_ids(ctx, &args.ids, stdin)?;
    let view = ctx.view::<Session>(Layout::Detail)?;
    let results = by_id::fetch_each(ctx, &ids, |id| fetch(ctx, id)).await?;
    let (sessions, failures, warnings) = sort_out(results.into_iter());
    for line in warnings.lines(
        "session",
        |field| view.shows_field(field),
        |text| ctx.client.mask(text),
    ) {
        ctx.log.warning(line);
    }
    // With every ID failed there is no data to print, not even an empty array.
    let written = if sessions.is_empty() {
        Ok(())
    } else {
        write_details(sessions, ids.len() == 1, &view, ctx.terminal, out)
    };
    crate::commands::finish(ctx, written, out, &failures, ids.len(), Part::Sessions)
}

/// The sessions fetched, the failures, and what mapping noticed, in the order given.
fn sort_out(
    results: impl Iterator<Item = Result<Mapped<Session>, Error>>,
) -> (Vec<Session>, Vec<Error>, Warnings) {
    let mut sessions = Vec::new();
    let mut failures = Vec::new();
    let mut warnings = Warnings::default();
    for result in results {
        match result {
            Ok(Mapped { record, problems }) => {
                for problem in problems {
                    warnings.field(&record.id, problem);
                }
                sessions.push(record);
            }
            Err(error) => failures.push(error),
        }
    }
    (sessions, failures, warnings)
}

async fn fetch(ctx: &Context, id: &SessionId) -> Result<Mapped<Session>, Error> {
    let sessions = ctx.provider.sessions();
    ctx.client
        .fetch(&sessions.get_request(id), |body| {
            sessions.parse_session(body)
        })
        .await
}
