//! `avatarctl sessions get <ID>...`: validates every ID first, fetches them concurrently,
//! prints them in the order given, and reports each failure on its own line.

use std::io::{self, Write};

use futures_util::{StreamExt, stream};

use crate::error::Error;
use crate::http::Client;
use crate::log::Log;
use crate::output::{OutputOptions, Terminal, write_sessions};
use crate::session::SessionId;

/// Sessions fetched at once.
pub const CONCURRENCY: usize = 8;

pub async fn run(
    client: &Client,
    raw_ids: &[String],
    options: &OutputOptions,
    terminal: Terminal,
    out: &mut dyn Write,
    log: &Log,
) -> Result<(), Error> {
    let provider = client.provider();
    let ids: Vec<SessionId> = raw_ids
        .iter()
        .map(|raw| provider.parse_id(raw).map_err(Error::Usage))
        .collect::<Result<_, _>>()?;
    let results: Vec<_> = stream::iter(&ids)
        .map(|id| async move {
            client
                .fetch(&provider.get_request(id), |body| {
                    provider.parse_session(body)
                })
                .await
        })
        .buffered(CONCURRENCY)
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
        write_sessions(sessions, ids.len() == 1, options, terminal, out).and_then(|()| out.flush())
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
        log.error(failure);
    }
    Err(Error::Partial {
        failed: failures.len(),
        total: ids.len(),
        code,
    })
}
