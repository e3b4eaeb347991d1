//! `avatarctl sessions analytics [<ID>...]`: with IDs, each session's per-turn latency
//! report, fetched as [`by_id`] fetches (a summary and a row per turn at a terminal, one
//! document per session in JSON, a turn a line in NDJSON and CSV); with none, the aggregate
//! report over a window (a row per latency metric, then counts, rates and the slowest turns;
//! the whole document in JSON; a latency metric a line in NDJSON and CSV).

use std::io::{self, BufRead, Write};

use chrono::{TimeDelta, Utc};
use serde_json::Value;

use super::by_id;
use crate::cli::AnalyticsArgs;
use crate::context::Context;
use crate::error::{Error, Part};
use crate::model::analytics::{MESSAGE_COLUMNS, TURN_COLUMNS};
use crate::model::{Aggregate, LatencyRow, Report, SessionId, SlowTurn, Turn};
use crate::output::{
    Columns, Format, Layout, Renderer, View, format_duration, format_latency, format_time,
    write_json_document, write_pairs,
};
use crate::provider::{AggregateQuery, Analytics, Mapped, Resource};
use crate::record::{FieldPath, Record};
use crate::secret::redact;
use crate::warnings::Warnings;
use crate::window::Window;

/// The longest window Anam aggregates.
const MAX_WINDOW_DAYS: i64 = 31;
/// Anam's window when neither end is given, and its start when only `--until` is.
const DEFAULT_WINDOW_HOURS: i64 = 24;

pub async fn run(
    ctx: &Context,
    args: &AnalyticsArgs,
    stdin: &mut dyn BufRead,
    out: &mut dyn Write,
) -> Result<(), Error> {
    let part = ctx.part(Resource::Analytics, |p| p.analytics())?;
    if args.ids.is_empty() {
        aggregate(ctx, part, args, out).await
    } else {
        reports(ctx, part, args, stdin, out).await
    }
}

/// Each session's report, in the order given.
async fn reports(
    ctx: &Context,
    part: &dyn Analytics,
    args: &AnalyticsArgs,
    stdin: &mut dyn BufRead,
    out: &mut dyn Write,
) -> Result<(), Error> {
    let ids = by_id::session_ids(ctx, &args.ids, stdin)?;
    let view = turn_view(ctx, args.messages)?;
    let chosen = |field: &str| {
        matches!(&view.columns, Columns::Fields(columns)
            if columns.iter().any(|c| c.path.field == field))
    };
    if !args.messages && MESSAGE_COLUMNS.iter().any(|field| chosen(field)) {
        ctx.log.note(
            "user_text and persona_text come only with --messages (the provider leaves them \
             out otherwise) — add --messages to ask for what was said",
        );
    }
    let results = by_id::fetch_each(ctx, &ids, |id| fetch(ctx, part, id, args.messages)).await?;
    let mut reports = Vec::new();
    let mut failures = Vec::new();
    let mut warnings = Warnings::default();
    let mut in_turns = Warnings::default();
    for result in results {
        match result {
            Ok(Mapped {
                mut record,
                problems,
            }) => {
                for problem in problems {
                    warnings.field(&record.session_id, problem);
                }
                for (position, problem) in std::mem::take(&mut record.turn_problems) {
                    let turn = format!("{position} of session {}", record.session_id);
                    in_turns.field(&turn, problem);
                }
                if !ctx.output.show_secrets {
                    redact(&mut record.client_metadata, Some(ctx.client.key()));
                }
                reports.push(record);
            }
            Err(error) => failures.push(error),
        }
    }
    // A report's own field shows in the table (the summary) and JSON; a turn's, where the
    // view shows that field.
    let whole = matches!(view.format(), Format::Table | Format::Json);
    let mask = |text: &str| ctx.client.mask(text);
    let lines = warnings
        .lines("session", |_| whole, mask)
        .into_iter()
        .chain(in_turns.lines("turn", |field| view.shows_field(field), mask));
    for line in lines {
        ctx.log.warning(line);
    }
    let written = if reports.is_empty() {
        Ok(0)
    } else {
        render_reports(ctx, reports, ids.len() == 1, &view, out)
    };
    let written = written.and_then(|left_out| note_left_out(ctx, left_out, out));
    crate::commands::finish(ctx, written, out, &failures, ids.len(), Part::Sessions)
}

async fn fetch(
    ctx: &Context,
    part: &dyn Analytics,
    id: &SessionId,
    messages: bool,
) -> Result<Mapped<Report>, Error> {
    ctx.client
        .fetch(&part.report_request(id, messages), |body| {
            part.parse_report(id, body)
        })
        .await
}

/// The turns' view: with `--messages`, the turn table shows what was said too.
fn turn_view(ctx: &Context, messages: bool) -> Result<View, Error> {
    let mut options = ctx.output.clone();
    if messages && options.fields.is_none() && options.format == Format::Table {
        options.fields = Some(
            TURN_COLUMNS
                .iter()
                .chain(&MESSAGE_COLUMNS)
                .map(|name| FieldPath::top(name))
                .collect(),
        );
    }
    Ok(View::new::<Turn>(&options, Layout::List)?.masking(ctx.client.key()))
}

/// A summary and a turn table per session; in JSON one document per session (an array of
/// them for several IDs); NDJSON and CSV one turn a line. Returns how many columns a table
/// left out to fit the terminal.
fn render_reports(
    ctx: &Context,
    reports: Vec<Report>,
    one_id: bool,
    view: &View,
    out: &mut dyn Write,
) -> io::Result<usize> {
    match view.format() {
        Format::Table => {
            let mut left_out = 0;
            for (i, report) in reports.into_iter().enumerate() {
                if i > 0 {
                    out.write_all(b"\n")?;
                }
                write_pairs(
                    Some(&title(&report, view.options.utc)),
                    &summary(&report),
                    view,
                    &ctx.terminal,
                    out,
                )?;
                if !report.turns.is_empty() {
                    out.write_all(b"\n")?;
                    left_out = left_out.max(write_rows(report.turns, view, ctx, out)?);
                }
            }
            Ok(left_out)
        }
        Format::Json => {
            let mut documents: Vec<Value> = reports
                .iter()
                .map(|report| {
                    let mut document = serde_json::to_value(report).expect("a report serializes");
                    document["turns"] = report.turns.iter().map(|turn| view.json(turn)).collect();
                    document
                })
                .collect();
            let document = if one_id {
                documents.pop().expect("one report")
            } else {
                Value::Array(documents)
            };
            write_json_document(out, &document).map(|()| 0)
        }
        Format::Ndjson | Format::Csv => write_rows(
            reports.into_iter().flat_map(|report| report.turns),
            view,
            ctx,
            out,
        ),
    }
}

/// `session 3f1c… · Cara · 2026-04-20 09:00:00 +00:00 · 12m 34s · turnkey`.
fn title(report: &Report, utc: bool) -> String {
    let mut parts = vec![format!("session {}", report.session_id)];
    parts.extend(report.config.persona_name.clone());
    parts.extend(report.start_time.map(|t| format_time(&t, utc)));
    parts.extend(report.duration_ms.map(format_duration));
    parts.extend(report.session_type.clone());
    parts.join(" · ")
}

/// The provider's summary of a session, for people.
fn summary(report: &Report) -> Vec<(String, String)> {
    let summary = &report.summary;
    let listed = report.turns.len() as u64;
    let turns = match summary.total_turns {
        Some(total) if total != listed => format!("{total} ({listed} listed)"),
        Some(total) => total.to_string(),
        None => format!("{listed} listed"),
    };
    let mut pairs = vec![
        ("turns".to_owned(), turns),
        ("completed".to_owned(), count(summary.completed_turns)),
        ("interrupted".to_owned(), count(summary.interrupted_turns)),
        (
            "interruption rate".to_owned(),
            percent(summary.interruption_rate),
        ),
    ];
    for (name, value) in &summary.average_latencies {
        pairs.push((format!("average {}", words(name)), latency(value)));
    }
    let calls = &summary.tool_calls;
    pairs.push((
        "tool calls".to_owned(),
        format!(
            "{} ({} ok, {} failed)",
            count(calls.total),
            count(calls.succeeded),
            count(calls.failed)
        ),
    ));
    pairs.push(("errors".to_owned(), count(summary.total_errors)));
    pairs.push(("warnings".to_owned(), count(summary.total_warnings)));
    pairs
}

/// The aggregate report over the window `--since`/`--until` (the provider's last 24 hours
/// when neither is given), refused before any request when it is empty or too long.
async fn aggregate(
    ctx: &Context,
    part: &dyn Analytics,
    args: &AnalyticsArgs,
    out: &mut dyn Write,
) -> Result<(), Error> {
    if args.messages {
        return Err(Error::usage(
            "--messages applies to the reports of sessions given by ID — give session IDs, or \
             leave --messages out for the aggregate report",
        ));
    }
    let now = Utc::now();
    let window = Window::resolve(
        args.since.as_ref(),
        args.until.as_ref(),
        now,
        ctx.output.utc,
    )
    .map_err(Error::Usage)?;
    let length = window.length(now, TimeDelta::hours(DEFAULT_WINDOW_HOURS));
    // Anam refuses a window that does not run forward; say so before asking.
    if length <= TimeDelta::zero() {
        return Err(Error::usage(
            "the window is empty: --since is not before --until (or, alone, not in the past) — \
             give an earlier --since",
        ));
    }
    if length > TimeDelta::days(MAX_WINDOW_DAYS) {
        return Err(Error::usage(format!(
            "the aggregate report covers at most {MAX_WINDOW_DAYS} days, and this window is {} \
             — narrow --since/--until, or ask for one report per month",
            days(length)
        )));
    }
    let view = ctx.view::<LatencyRow>(Layout::List)?;
    let given = args.since.is_some() || args.until.is_some();
    let query = AggregateQuery {
        window: given.then_some(window),
        persona_id: args.persona_id.clone(),
        api_key_id: args.api_key_id.clone(),
        label: args.label.clone(),
        session_type: args.session_type.map(|t| t.api_name().to_owned()),
    };
    let Mapped { record, problems } = ctx
        .client
        .fetch(&part.aggregate_request(&query), |body| {
            part.parse_aggregate(body)
        })
        .await?;
    let mut warnings = Warnings::default();
    for problem in problems {
        warnings.field("report", problem);
    }
    let whole = matches!(view.format(), Format::Table | Format::Json);
    for line in warnings.lines(
        "aggregate",
        |field| whole || matches!(field, "latencies" | "from" | "to"),
        |text| ctx.client.mask(text),
    ) {
        ctx.log.warning(line);
    }
    let truncated = record.truncated == Some(true);
    let left_out = render_aggregate(ctx, record, &view, out)?;
    note_left_out(ctx, left_out, out)?;
    if truncated {
        ctx.log.note(
            "only the 1000 most recent reports were used (the provider's limit; truncated: \
             true) — narrow --since/--until or add a filter to cover every session",
        );
    }
    Ok(())
}

/// Latency rows, then counts, rates and the slowest turns at a terminal; the whole document
/// in JSON (`--fields` choosing each metric's figures); a latency metric a line in NDJSON and
/// CSV.
fn render_aggregate(
    ctx: &Context,
    aggregate: Aggregate,
    view: &View,
    out: &mut dyn Write,
) -> io::Result<usize> {
    match view.format() {
        Format::Table => write_aggregate_table(ctx, aggregate, view, out),
        Format::Json => {
            let mut document = serde_json::to_value(&aggregate).expect("a report serializes");
            if let Columns::Fields(_) = view.columns {
                document["latencies"] = aggregate
                    .latencies
                    .iter()
                    .map(|row| (row.metric.clone(), view.json(row)))
                    .collect::<serde_json::Map<String, Value>>()
                    .into();
            }
            write_json_document(out, &document).map(|()| 0)
        }
        Format::Ndjson | Format::Csv => write_rows(aggregate.latencies, view, ctx, out),
    }
}

fn write_aggregate_table(
    ctx: &Context,
    aggregate: Aggregate,
    view: &View,
    out: &mut dyn Write,
) -> io::Result<usize> {
    let utc = view.options.utc;
    let time =
        |t: Option<chrono::DateTime<Utc>>| t.map_or("-".to_owned(), |t| format_time(&t, utc));
    let mut head = vec![
        (
            "window".to_owned(),
            format!("{} – {}", time(aggregate.from), time(aggregate.to)),
        ),
        (
            "sessions".to_owned(),
            format!(
                "{} ({} with reports)",
                count(aggregate.session_count),
                count(aggregate.sessions_with_reports)
            ),
        ),
        ("turns".to_owned(), count(aggregate.turn_count)),
    ];
    let filters = &aggregate.filters;
    for (name, value) in [
        ("persona", &filters.persona_id),
        ("API key", &filters.api_key_id),
        ("label", &filters.client_label),
        ("session type", &filters.session_type),
    ] {
        if let Some(value) = value {
            head.push((name.to_owned(), value.clone()));
        }
    }
    if aggregate.truncated == Some(true) {
        head.push((
            "truncated".to_owned(),
            "yes: the 1000 most recent reports".to_owned(),
        ));
    }
    write_pairs(None, &head, view, &ctx.terminal, out)?;
    out.write_all(b"\n")?;
    let mut left_out = write_rows(aggregate.latencies, view, ctx, out)?;

    let counts = &aggregate.counts;
    let calls = &counts.tool_calls;
    let count_pairs = [
        ("completed turns", counts.completed_turns),
        ("interrupted turns", counts.interrupted_turns),
        (
            "interrupted before audio",
            counts.interrupted_before_audio_turns,
        ),
        ("errors", counts.total_errors),
        ("warnings", counts.total_warnings),
        ("sessions with errors", counts.sessions_with_errors),
        ("sessions with warnings", counts.sessions_with_warnings),
    ]
    .into_iter()
    .map(|(name, value)| (name.to_owned(), count(value)))
    .chain(std::iter::once((
        "tool calls".to_owned(),
        format!(
            "{} ({} ok, {} failed)",
            count(calls.total),
            count(calls.succeeded),
            count(calls.failed)
        ),
    )))
    .collect::<Vec<_>>();
    out.write_all(b"\n")?;
    write_pairs(Some("COUNTS"), &count_pairs, view, &ctx.terminal, out)?;

    let rate_pairs: Vec<(String, String)> = aggregate
        .rates
        .iter()
        .map(|(name, value)| (words(name), percent(value.as_f64())))
        .collect();
    if !rate_pairs.is_empty() {
        out.write_all(b"\n")?;
        write_pairs(Some("RATES"), &rate_pairs, view, &ctx.terminal, out)?;
    }
    if !aggregate.slowest_turns.is_empty() {
        // Their own columns: --fields chooses the latency rows'.
        let mut options = view.options.clone();
        options.fields = None;
        let slow_view = View::new::<SlowTurn>(&options, Layout::List)
            .map_err(|e| io::Error::other(e.to_string()))?
            .masking(ctx.client.key());
        out.write_all(b"\nSLOWEST TURNS\n")?;
        left_out = left_out.max(write_rows(aggregate.slowest_turns, &slow_view, ctx, out)?);
    }
    Ok(left_out)
}

/// Records through the one renderer; returns how many columns a table left out.
fn write_rows<R: Record>(
    records: impl IntoIterator<Item = R>,
    view: &View,
    ctx: &Context,
    out: &mut dyn Write,
) -> io::Result<usize> {
    let mut renderer = Renderer::new(view, ctx.terminal, out)?;
    for record in records {
        renderer.write(record)?;
    }
    renderer.finish()
}

/// The data first, then the note about what a table left out, when both go to one terminal.
fn note_left_out(ctx: &Context, left_out: usize, out: &mut dyn Write) -> io::Result<()> {
    if left_out > 0 {
        out.flush()?;
        ctx.log.note(format_args!(
            "{left_out} column(s) left out to fit the terminal — pass --wide to see every \
             column, or choose them with --fields"
        ));
    }
    Ok(())
}

/// `50 days`, `31 days 2 hours`.
fn days(length: TimeDelta) -> String {
    let hours = length.num_hours();
    match (hours / 24, hours % 24) {
        (days, 0) => format!("{days} days"),
        (days, hours) => format!("{days} days {hours} hours"),
    }
}

fn count(value: Option<u64>) -> String {
    value.map_or("-".to_owned(), |n| n.to_string())
}

/// A fraction as a percentage: `0.013` → `1.3%`.
fn percent(value: Option<f64>) -> String {
    value.map_or("-".to_owned(), |v| format!("{:.1}%", v * 100.0))
}

fn latency(value: &Value) -> String {
    value.as_u64().map_or("-".to_owned(), format_latency)
}

/// A field name as words: `first_audio_latency_ms` → `first audio latency`.
fn words(name: &str) -> String {
    name.strip_suffix("_ms").unwrap_or(name).replace('_', " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_read_as_words() {
        assert_eq!(percent(Some(0.5)), "50.0%");
        assert_eq!(percent(Some(0.013)), "1.3%");
        assert_eq!(percent(None), "-");
        assert_eq!(words("first_audio_latency_ms"), "first audio latency");
        assert_eq!(words("interruption_rate"), "interruption rate");
        assert_eq!(latency(&Value::from(1240)), "1s 240ms");
        assert_eq!(latency(&Value::Null), "-");
        assert_eq!(days(TimeDelta::days(50)), "50 days");
        assert_eq!(days(TimeDelta::hours(31 * 24 + 2)), "31 days 2 hours");
    }
}
