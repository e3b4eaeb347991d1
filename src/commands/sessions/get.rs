//! `avatarctl sessions get <ID>...`: validates every ID first, fetches them concurrently,
//! prints them in the order given, and reports each failure on its own line.

use std::io::{self, Write};

use futures_util::{StreamExt, stream};

use crate::cli::GetArgs;
use crate::context::Context;
use crate::error::Error;
use crate::model::SessionId;
use crate::output::{Layout, View, write_details};

pub async fn run(ctx: &Context, args: &GetArgs, out: &mut dyn Write) -> Result<(), Error> {
    let (provider, client) = (ctx.provider, &ctx.client);
    let ids: Vec<SessionId> = args
        .ids
        .iter()
        .map(|raw| provider.parse_id(raw).map_err(Error::Usage))
        .collect::<Result<_, _>>()?;
    let view = View::new::<crate::model::Session>(&ctx.output, Layout::Detail)?;
    let sessions_api = provider.sessions();
    let results: Vec<_> = stream::iter(&ids)
        .map(|id| async move {
            client
                .fetch(&sessions_api.get_request(id), |body| {
                    sessions_api.parse_session(body)
                })
                .await
        })
        .buffered(ctx.concurrency)
        .collect()
        .await;
    let mut sessions = Vec::new();
    let mut failures = Vec::new();
    for result in results {
        match result {
            Ok(session) => sessions.push(session),
            Err(error) => failures.push(error),
        }
    }
    if ids.len() == 1
        && let Some(error) = failures.pop()
    {
        return Err(error);
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
    let Some(first) = failures.first() else {
        return Ok(());
    };
    let code = first.exit_code();
    for failure in &failures {
        ctx.log.error(failure);
    }
    Err(Error::Partial {
        failed: failures.len(),
        total: ids.len(),
        code,
    })
}
