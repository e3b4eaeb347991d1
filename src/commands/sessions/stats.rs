//! `avatarctl sessions stats`: walks the selection `sessions list` would print (every page
//! unless `--limit`), feeding each session to the [`Stats`] accumulator and keeping nothing
//! else of it; then prints the report, says what it could not count, and gates on
//! `--check` — only when the data is complete.

use std::cell::RefCell;
use std::io::Write;

use serde_json::{Value, json};

use super::list::{Query, progress_bar, walk, wants_progress};
use crate::cli::{SelectionArgs, StatsArgs};
use crate::context::Context;
use crate::error::{Error, Malformed, PagingProblem};
use crate::output::Format;
use crate::paginate::{Missing, Outcome, Plan};
use crate::provider::Raw;
use crate::stats::check::Outcome as Checked;
use crate::stats::render::{time_json, write_report};
use crate::stats::{Clock, ErrorReasons, Report, Stats};

/// The fields stats reads: a problem mapping one of them is worth a warning.
const READS: [&str; 9] = [
    "status",
    "end_reason",
    "started_at",
    "created_at",
    "duration_ms",
    "persona_id",
    "persona_name",
    "label",
    "provider",
];

pub async fn run(ctx: &Context, args: &StatsArgs, out: &mut dyn Write) -> Result<(), Error> {
    refuse_list_output(ctx)?;
    let query = Query {
        raw: Raw::Skip,
        ..Query::new(ctx, &args.selection)?
    };
    let plan = plan(args);
    let stats = RefCell::new(new_stats(ctx, args));
    if wants_progress(ctx, Format::Table, plan, ctx.provider.info().paging) {
        ctx.log.show_progress(progress_bar());
    }
    let walked = walk(ctx, &query, plan, |session| {
        stats.borrow_mut().add(&session);
        Ok(())
    })
    .await;
    ctx.log.clear_progress();
    let complete = walked.and_then(|outcome| complete(ctx, plan, outcome));
    let outcome = match complete {
        Ok(outcome) => outcome,
        Err(error) => return Err(not_checked(ctx, args, error)),
    };
    let report = stats.into_inner().finish();
    let selection = selection(&[ctx], &query, args);
    finish(ctx, args, &report, &selection, out)?;
    for note in moved_notes(&outcome) {
        ctx.log.note(note);
    }
    check(ctx, args, &report)
}

/// `--provider all`: every provider's walk at once into one accumulator (so that `--by
/// provider` compares them); a provider that fails is reported, the others still counted,
/// and then the checks are not evaluated.
pub async fn run_all(ctxs: &[Context], args: &StatsArgs, out: &mut dyn Write) -> Result<(), Error> {
    let first = &ctxs[0];
    refuse_list_output(first)?;
    let plan = plan(args);
    let queries = ctxs
        .iter()
        .map(|ctx| {
            let query = Query::new(ctx, &args.selection)?;
            Ok::<_, Error>(Query {
                raw: Raw::Skip,
                ..query
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    let stats = RefCell::new(new_stats(first, args));
    if wants_progress(first, Format::Table, plan, first.provider.info().paging) {
        first.log.show_progress(progress_bar());
    }
    let walks = ctxs.iter().zip(&queries).map(|(ctx, query)| {
        let stats = &stats;
        async move {
            walk(ctx, query, plan, |session| {
                stats.borrow_mut().add(&session);
                Ok(())
            })
            .await
            .and_then(|outcome| complete(ctx, plan, outcome))
        }
    });
    let walked = futures_util::future::join_all(walks).await;
    first.log.clear_progress();
    let mut failures = Vec::new();
    let mut notes = Vec::new();
    for (ctx, walked) in ctxs.iter().zip(walked) {
        match walked {
            Ok(outcome) => notes.extend(
                moved_notes(&outcome)
                    .into_iter()
                    .map(|note| format!("{}: {note}", ctx.name())),
            ),
            Err(error) => failures.push(error),
        }
    }
    let report = stats.into_inner().finish();
    let refs: Vec<&Context> = ctxs.iter().collect();
    let selection = selection(&refs, &queries[0], args);
    if !failures.is_empty() {
        // What the others said is printed, marked incomplete by the failure and the code.
        let written = finish(first, args, &report, &selection, out);
        if !args.check.is_empty() {
            first
                .log
                .error("checks not evaluated: the data is incomplete");
        }
        return crate::commands::finish(
            first,
            written.map_err(into_io),
            out,
            &failures,
            ctxs.len(),
            crate::error::Part::Providers,
        );
    }
    finish(first, args, &report, &selection, out)?;
    for note in notes {
        first.log.note(note);
    }
    check(first, args, &report)
}

fn into_io(error: Error) -> std::io::Error {
    match error {
        Error::Io(io) => io,
        other => std::io::Error::other(other.to_string()),
    }
}

/// `--fields` and `--raw` choose what of a session is shown, and stats shows none.
fn refuse_list_output(ctx: &Context) -> Result<(), Error> {
    if ctx.output.fields.is_some() {
        return Err(Error::usage(
            "--fields changes nothing in sessions stats, which prints its own metrics — leave \
             it out, or use --jq to pick from -o json",
        ));
    }
    if ctx.output.raw {
        return Err(Error::usage(
            "--raw changes nothing in sessions stats, which prints no provider objects — leave \
             it out",
        ));
    }
    Ok(())
}

/// Every page, unless `--limit`.
fn plan(args: &StatsArgs) -> Plan {
    args.limit.map_or(Plan::All, Plan::Limit)
}

fn new_stats(ctx: &Context, args: &StatsArgs) -> Stats {
    let clock = if ctx.output.utc {
        Clock::utc()
    } else {
        Clock::local()
    };
    Stats::new(
        args.by.clone(),
        ErrorReasons::exact(&args.error_reasons),
        clock,
    )
}

/// The walk's outcome, once it is known to hold every session the provider announced;
/// warns of what tolerant mapping noticed in the fields stats reads.
fn complete(ctx: &Context, plan: Plan, outcome: Outcome) -> Result<Outcome, Error> {
    for line in outcome.warnings.lines(
        "session",
        |field| READS.contains(&field),
        |text| ctx.client.mask(text),
    ) {
        ctx.log.warning(line);
    }
    if let Some(Missing { arrived, expected }) = outcome.missing(plan) {
        let missing = PagingProblem::Missing { arrived, expected };
        return Err(Error::malformed(Malformed::Paging(missing)));
    }
    Ok(outcome)
}

/// A failed walk: the checks are not evaluated, and the failure's exit code stands.
fn not_checked(ctx: &Context, args: &StatsArgs, error: Error) -> Error {
    if !args.check.is_empty() && !error.is_broken_pipe() {
        ctx.log
            .error("checks not evaluated: the data is incomplete");
    }
    error
}

/// Prints the report, then what it could not count.
fn finish(
    ctx: &Context,
    args: &StatsArgs,
    report: &Report,
    selection: &Value,
    out: &mut dyn Write,
) -> Result<(), Error> {
    let left_out = write_report(report, selection, &ctx.output, ctx.terminal, out)?;
    // The data first, then what is said about it, when both go to one terminal.
    out.flush()?;
    if left_out > 0 {
        ctx.log.note(format_args!(
            "{left_out} column(s) left out to fit the terminal — pass --wide to see every \
             column, or -o csv"
        ));
    }
    let unknown = report.total.duration_unknown;
    if unknown > 0 {
        ctx.log.note(format_args!(
            "duration unknown for {unknown} ended sessions: left out of minutes and percentiles"
        ));
    }
    if let Some(limit) = args.limit
        && report.total.sessions >= limit
    {
        ctx.log.note(format_args!(
            "stats of the first {limit} matching sessions only (--limit) — leave --limit out \
             to count them all"
        ));
    }
    Ok(())
}

/// Sessions that moved between pages, or a total that changed, during the walk.
fn moved_notes(outcome: &Outcome) -> Vec<String> {
    let mut notes = Vec::new();
    if let (Some(first), Some(last)) = (outcome.total, outcome.final_total)
        && first != last
    {
        notes.push(format!(
            "the provider's total changed from {first} to {last} during the walk: sessions \
             created or deleted meanwhile may be missing — run it again to catch them"
        ));
    }
    if outcome.duplicates > 0 {
        notes.push(format!(
            "{} sessions moved to a later page during the walk and were counted once only",
            outcome.duplicates
        ));
    }
    notes
}

/// Evaluates `--check` on the total: a line per failure, a note per check without data.
fn check(ctx: &Context, args: &StatsArgs, report: &Report) -> Result<(), Error> {
    let checked = Checked::of(&args.check, &report.total);
    for note in &checked.notes {
        ctx.log.note(note);
    }
    for failure in &checked.failures {
        ctx.log.error(failure);
    }
    checked.result()
}

/// What was asked, as JSON echoes it: the providers, the window resolved to RFC 3339, the
/// filters, the limit, the groups and the error reasons.
fn selection(ctxs: &[&Context], query: &Query, args: &StatsArgs) -> Value {
    let SelectionArgs {
        search,
        persona_id,
        api_key_id,
        ..
    } = &args.selection;
    let window = query.selection.window;
    let error_reasons = match ErrorReasons::exact(&args.error_reasons) {
        ErrorReasons::Default => Value::Null,
        ErrorReasons::Exact(reasons) => reasons.into(),
    };
    json!({
        "providers": ctxs.iter().map(|ctx| ctx.name()).collect::<Vec<_>>(),
        "since": time_json(window.and_then(|w| w.since)),
        "until": time_json(window.and_then(|w| w.until)),
        "status": query.selection.status.map(|s| s.name()),
        "end_reasons": query.selection.end_reasons,
        "search": search,
        "persona_id": persona_id,
        "api_key_id": api_key_id,
        "limit": args.limit,
        "by": args.by.iter().map(|k| k.name()).collect::<Vec<_>>(),
        "error_reasons": error_reasons,
        "utc": ctxs.first().is_some_and(|ctx| ctx.output.utc),
    })
}
