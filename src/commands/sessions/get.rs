//! `avatarctl sessions get <ID>...`: validates every ID first, fetches them concurrently,
//! prints them in the order given, and reports each failure on its own line.

use std::io::Write;

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
    let (sessions, failures): (Vec<_>, Vec<_>) = results.into_iter().partition(Result::is_ok);
    let sessions = sessions.into_iter().flatten().collect();
    let mut failures = failures.into_iter().filter_map(Result::err);
    if ids.len() == 1
        && let Some(error) = failures.next()
    {
        return Err(error);
    }
    write_sessions(sessions, ids.len() == 1, options, terminal, out)?;
    out.flush()?;
    let failures: Vec<Error> = failures.collect();
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
