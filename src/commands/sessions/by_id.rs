//! What every command over session IDs shares (`get`, `transcript`, `analytics`): the IDs,
//! from the command line or one per line on stdin (`-`), each validated before any request;
//! the first fetched alone (a refused key costs one request and one error), the rest
//! concurrently, kept in the order given; and the failures, each on its own line, deciding
//! the exit code once the rest is printed.

use std::future::Future;
use std::io::BufRead;

use futures_util::{StreamExt, stream};

use crate::context::Context;
use crate::error::Error;
use crate::model::SessionId;

/// The ID that stands for "one per line on stdin".
pub const STDIN: &str = "-";

/// The IDs given, or read from `stdin` when the only one is `-` (blank lines skipped), each
/// validated for the provider. No ID at all (an empty stdin) is no error: nothing to print.
pub fn session_ids(
    ctx: &Context,
    given: &[String],
    stdin: &mut dyn BufRead,
) -> Result<Vec<SessionId>, Error> {
    let from_stdin;
    let raw: &[String] = match given {
        [only] if only == STDIN => {
            from_stdin = read_lines(stdin)?;
            &from_stdin
        }
        _ if given.iter().any(|id| id == STDIN) => {
            return Err(Error::usage(
                "- reads the IDs from stdin, and stands alone — give IDs as arguments or on \
                 stdin, not both",
            ));
        }
        _ => given,
    };
    raw.iter()
        .map(|id| ctx.provider.parse_id(id).map_err(Error::Usage))
        .collect()
}

fn read_lines(stdin: &mut dyn BufRead) -> Result<Vec<String>, Error> {
    let mut ids = Vec::new();
    for line in stdin.lines() {
        let line =
            line.map_err(|e| Error::usage(format!("cannot read the IDs from stdin: {e}")))?;
        let id = line.trim();
        if !id.is_empty() {
            ids.push(id.to_owned());
        }
    }
    Ok(ids)
}

/// Fetches one thing per ID: the first alone, then the rest `ctx.concurrency` at a time.
/// Results come back in the order of `ids`. When the first is refused for its key (or is the
/// only one) its error is returned at once.
pub async fn fetch_each<'a, T, F, Fut>(
    ctx: &Context,
    ids: &'a [SessionId],
    fetch: F,
) -> Result<Vec<Result<T, Error>>, Error>
where
    F: Fn(&'a SessionId) -> Fut,
    Fut: Future<Output = Result<T, Error>>,
{
    let Some((first_id, rest)) = ids.split_first() else {
        return Ok(Vec::new());
    };
    let first = match fetch(first_id).await {
        // A refused key would be refused for every other ID too.
        Err(error) if ids.len() == 1 || error.is_refused_key() => return Err(error),
        first => first,
    };
    let others: Vec<Result<T, Error>> = stream::iter(rest)
        .map(&fetch)
        .buffered(ctx.concurrency)
        .collect()
        .await;
    Ok(std::iter::once(first).chain(others).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stdin_lines_are_trimmed_and_blank_ones_skipped() {
        let mut stdin = "a\n\n  b \r\n\t\nc".as_bytes();
        assert_eq!(read_lines(&mut stdin).unwrap(), ["a", "b", "c"]);
        assert!(read_lines(&mut "".as_bytes()).unwrap().is_empty());
    }
}
