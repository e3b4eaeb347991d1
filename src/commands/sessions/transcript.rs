//! `avatarctl sessions transcript <ID>...`: what was said, fetched as [`by_id`] fetches, and
//! shown as a chat at a terminal, as one document per session in JSON, and message by
//! message in NDJSON and CSV.

use std::io::{self, BufRead, Write};

use serde_json::Value;

use super::by_id;
use crate::cli::IdsArgs;
use crate::context::Context;
use crate::error::{Error, Part};
use crate::model::{Message, SessionId, Transcript};
use crate::output::{Format, Layout, Renderer, View, write_chat, write_json_document};
use crate::provider::{Mapped, Resource, Transcripts};
use crate::warnings::Warnings;

pub async fn run(
    ctx: &Context,
    args: &IdsArgs,
    stdin: &mut dyn BufRead,
    out: &mut dyn Write,
) -> Result<(), Error> {
    let part = ctx.part(Resource::Transcript, |p| p.transcripts())?;
    let ids = by_id::session_ids(ctx, &args.ids, stdin)?;
    let view = ctx.view::<Message>(Layout::List)?;
    let results = by_id::fetch_each(ctx, &ids, |id| fetch(ctx, part, id)).await?;
    let mut transcripts = Vec::new();
    let mut failures = Vec::new();
    let mut warnings = Warnings::default();
    for result in results {
        match result {
            Ok(Mapped { record, problems }) => {
                for problem in problems {
                    warnings.field(&record.session_id, problem);
                }
                if record.messages.is_empty() && record.enabled == Some(false) {
                    ctx.log.note(format_args!(
                        "session {}: transcripts were off for it, so there is nothing to show",
                        record.session_id
                    ));
                    continue;
                }
                transcripts.push(record);
            }
            Err(error) => failures.push(error),
        }
    }
    for line in warnings.lines(
        "session",
        |field| view.shows_field(field),
        |text| ctx.client.mask(text),
    ) {
        ctx.log.warning(line);
    }
    let written = if transcripts.is_empty() {
        Ok(())
    } else {
        render(ctx, transcripts, ids.len() == 1, &view, out)
    };
    crate::commands::finish(ctx, written, out, &failures, ids.len(), Part::Sessions)
}

/// The transcript of `id`; for a provider whose messages need it, with the session fetched
/// alongside to place them (a session that cannot be fetched leaves them unplaced).
async fn fetch(
    ctx: &Context,
    part: &dyn Transcripts,
    id: &SessionId,
) -> Result<Mapped<Transcript>, Error> {
    let request = part.transcript_request(id);
    let transcript = ctx
        .client
        .fetch(&request, |body| part.parse_transcript(id, body));
    if !part.session_alongside() {
        return transcript.await;
    }
    let sessions = ctx.provider.sessions();
    let get = sessions.get_request(id);
    let session = ctx.client.fetch(&get, |body| sessions.parse_session(body));
    let (transcript, session) = tokio::join!(transcript, session);
    let mut transcript = transcript?;
    if let Ok(Mapped { record, .. }) = session {
        transcript.record.place(record.started_at, record.ended_at);
    }
    Ok(transcript)
}

/// A chat at a terminal (a list table with `--fields`); in JSON one document per session
/// (an array of them for several IDs); NDJSON and CSV one message a line.
fn render(
    ctx: &Context,
    transcripts: Vec<Transcript>,
    one_id: bool,
    view: &View,
    out: &mut dyn Write,
) -> io::Result<()> {
    match view.format() {
        Format::Table if view.options.fields.is_none() => {
            write_chat(&transcripts, view, &ctx.terminal, out)
        }
        Format::Json => {
            let mut documents: Vec<Value> = transcripts
                .iter()
                .map(|transcript| document(transcript, view))
                .collect();
            let document = if one_id {
                documents.pop().expect("one transcript")
            } else {
                Value::Array(documents)
            };
            write_json_document(out, &document)
        }
        _ => {
            let mut renderer = Renderer::new(view, ctx.terminal, out)?;
            for message in transcripts.into_iter().flat_map(|t| t.messages) {
                renderer.write(message)?;
            }
            renderer.finish().map(|_| ())
        }
    }
}

/// `{provider, session_id, persona_name, started_at, ended_at, messages}`, each message as
/// the view shows it (`--fields` chooses its fields).
fn document(transcript: &Transcript, view: &View) -> Value {
    let mut document = serde_json::to_value(transcript).expect("a transcript serializes");
    document["messages"] = transcript
        .messages
        .iter()
        .map(|message| view.json(message))
        .collect();
    document
}
