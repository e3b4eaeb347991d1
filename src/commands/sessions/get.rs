//! `avatarctl sessions get <ID>...`: validates every ID first, fetches the first alone (a
//! refused key costs one request and one error), the rest concurrently, prints them in the
//! order given, and reports each failure on its own line.

use std::io::{self, Write};

use futures_util::{StreamExt, stream};

use crate::cli::GetArgs;
use crate::context::Context;
use crate::error::{Error, first_by_precedence};
use crate::model::{Session, SessionId};
use crate::output::{Layout, write_details};
use crate::provider::Mapped;
use crate::warnings::Warnings;

pub async fn run(ctx: &Context, args: &GetArgs, out: &mut dyn Write) -> Result<(), Error> {
    let ids: Vec<SessionId> = args
        .ids
        .iter()
        .map(|raw| ctx.provider.parse_id(raw).map_err(Error::Usage))
        .collect::<Result<_, _>>()?;
    let view = ctx.view::<Session>(Layout::Detail)?;
    let Some((first_id, rest)) = ids.split_first() else {
        return Ok(());
    };
    let first = match fetch(ctx, first_id).await {
        // A refused key would be refused for every other ID too.
        Err(error) if ids.len() == 1 || error.is_refused_key() => return Err(error),
        first => first,
    };
    let others: Vec<_> = stream::iter(rest)
        .map(|id| fetch(ctx, id))
        .buffered(ctx.concurrency)
        .collect()
        .await;
    let (sessions, failures, warnings) = sort_out(std::iter::once(first).chain(others));
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
        write_details(sessions, ids.len() == 1, &view, ctx.terminal, out).and_then(|()| out.flush())
    };
    match written {
        Ok(()) => {}
        // The reader went away (`| head`) with what it wanted, but the failures are not in
        // what it read: they still go to stderr and decide the exit code.
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe && !failures.is_empty() => {}
        // With no failures, a closed pipe ends the run quietly (`main` sees to that).
        Err(error) => return Err(error.into()),
    }
    let Some(code) = first_by_precedence(failures.iter().map(Error::exit_code)) else {
        return Ok(());
    };
    for failure in &failures {
        ctx.log.error(failure);
    }
    Err(Error::Partial {
        failed: failures.len(),
        total: ids.len(),
        code,
    })
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
