//! `avatarctl sessions list`: checks the options against what the provider can do, walks
//! the list (streaming what it can), and says on stderr what was left out or moved meanwhile.

use std::io::Write;
use std::sync::Arc;
use std::time::Duration;

use chrono::Utc;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::cli::{ListArgs, SelectionArgs};
use crate::context::Context;
use crate::error::{Error, Malformed, PagingProblem, Part};
use crate::http::Client;
use crate::log::Log;
use crate::model::Session;
use crate::output::{Format, Layout, Renderer, View, write_list};
use crate::paginate::{FetchPage, Missing, Outcome, Plan, Progress, paginate_selected};
use crate::provider::{
    ApiRequest, Filter, Filters, Listed, Page, PageRequest, Paging, Provider, ProviderInfo, Raw,
};
use crate::record::{FieldPath, Record};
use crate::selection::{Selection, SortSpec};
use crate::window::Window;

/// Sessions shown when no paging option is given.
pub const DEFAULT_LIMIT: u64 = 20;

/// The most rows a table holds: it is sized only once every row is in memory.
pub const MAX_TABLE_ROWS: u64 = 10_000;

pub async fn run(ctx: &Context, args: &ListArgs, out: &mut dyn Write) -> Result<(), Error> {
    let log = &ctx.log;
    let info = ctx.provider.info();
    let mut query = Query::new(ctx, &args.selection)?;
    let requested = plan(info, args)?;
    let plan = cap_for_table(requested, ctx.output.format);
    let view = ctx.view::<Session>(Layout::List)?;
    query.raw = raw_for(&view);
    if let Some(sort) = &args.sort {
        return sorted(ctx, &query, sort, plan, &view, out).await;
    }
    if wants_progress(ctx, view.format(), plan, info.paging) {
        log.show_progress(progress_bar());
    }
    let mut renderer = Renderer::new(&view, ctx.terminal, out)?;
    let walked = walk(ctx, &query, plan, |session| renderer.write(session)).await;
    log.clear_progress();
    let outcome = match walked {
        Ok(outcome) => outcome,
        Err(error) => return abandon(renderer, error, log),
    };
    warn_of(ctx, &outcome, &view);
    if let Some(Missing { arrived, expected }) = outcome.missing(plan) {
        let missing = PagingProblem::Missing { arrived, expected };
        return abandon(renderer, Error::malformed(Malformed::Paging(missing)), log);
    }
    let left_out = renderer.finish()?;
    // The data first, then what is said about it, when both go to one terminal.
    out.flush()?;
    if left_out > 0 {
        log.note(format_args!(
            "{left_out} column(s) left out to fit the terminal — pass --wide to see every \
             column, or choose them with --fields"
        ));
    }
    for note in notes(requested, plan, &outcome, query.selection.filters()) {
        log.note(note);
    }
    Ok(())
}

/// `--provider all`: every provider's walk at once, printed as one list, provider by provider
/// in the table's order, with a `PROVIDER` column in tables. Each provider's options are
/// checked before any request; one provider's failure is reported and the others still
/// print. `--limit` applies to each provider; with `--sort`, to the merged, sorted list.
pub async fn run_all(ctxs: &[Context], args: &ListArgs, out: &mut dyn Write) -> Result<(), Error> {
    let first = &ctxs[0];
    let format = first.output.format;
    let mut walks = Vec::new();
    for ctx in ctxs {
        let query = Query::new(ctx, &args.selection)?;
        let requested = plan(ctx.provider.info(), args)?;
        let plan = match args.sort {
            Some(_) => Plan::All,
            None => cap_for_table(requested, format),
        };
        walks.push((ctx, query, requested, plan));
    }
    let view = all_view(first)?;
    for (_, query, _, _) in &mut walks {
        query.raw = raw_for(&view);
    }
    let fetched =
        futures_util::future::join_all(walks.iter().map(|(ctx, query, _, plan)| async move {
            let mut sessions = Vec::new();
            let outcome = walk(ctx, query, *plan, |session| {
                sessions.push(session);
                Ok(())
            })
            .await;
            (sessions, outcome)
        }))
        .await;
    let mut failures = Vec::new();
    let mut selected = Vec::new();
    let mut notes = Vec::new();
    for ((ctx, query, requested, plan), (mut sessions, outcome)) in walks.iter().zip(fetched) {
        let outcome = match outcome {
            Ok(outcome) => outcome,
            Err(error) => {
                failures.push(error);
                continue;
            }
        };
        warn_of(ctx, &outcome, &view);
        if let Some(Missing { arrived, expected }) = outcome.missing(*plan) {
            let missing = PagingProblem::Missing { arrived, expected };
            failures.push(Error::malformed(Malformed::Paging(missing)));
            continue;
        }
        // Each provider's own key is masked where its data echoes it.
        let own = ctx.view::<Session>(Layout::List)?;
        for session in &mut sessions {
            own.protect(session);
        }
        if args.sort.is_none() {
            for note in self::notes(*requested, *plan, &outcome, query.selection.filters()) {
                notes.push(format!("{}: {note}", ctx.name()));
            }
        }
        selected.append(&mut sessions);
    }
    if let Some(sort) = &args.sort {
        sort.sort(&mut selected);
        let limit = match cap_for_table(plan(first.provider.info(), args)?, format) {
            Plan::Limit(n) => usize::try_from(n).unwrap_or(usize::MAX),
            _ => usize::MAX,
        };
        selected.truncate(limit);
    }
    let written = write_list(selected, &view, first.terminal, out).map(|_| ());
    crate::commands::finish(first, written, out, &failures, ctxs.len(), Part::Providers)?;
    for note in notes {
        first.log.note(note);
    }
    Ok(())
}

/// The list view for several providers: a table's default columns begin with `PROVIDER`.
fn all_view(ctx: &Context) -> Result<View, Error> {
    let mut options = ctx.output.clone();
    if options.fields.is_none() && options.format == Format::Table && !options.raw {
        let columns = std::iter::once("provider").chain(Session::SCHEMA.table.iter().copied());
        options.fields = Some(columns.map(FieldPath::top).collect());
    }
    View::new::<Session>(&options, Layout::List)
}

/// What a walk over the session list selects: the provider's own filters, sent with each
/// request, and the client-side selection, checked on each session.
pub struct Query {
    pub filters: Filters,
    pub selection: Selection,
    /// Whether sessions keep their provider objects (`raw`): [`Query::new`] keeps them, and
    /// a command whose output shows none of them says so, for a faster read of each page.
    pub raw: Raw,
}

impl Query {
    /// From the selection options: refuses a filter the provider lacks, and resolves the
    /// window (local times in `TZ`, or UTC with `--utc`) — both before any request.
    pub fn new(ctx: &Context, args: &SelectionArgs) -> Result<Self, Error> {
        let info = ctx.provider.info();
        let pushes_status = info.filters.contains(&Filter::Status);
        let filters = Filters {
            search: args.search.clone(),
            persona_id: args.persona_id.clone(),
            api_key_id: args.api_key_id.clone(),
            status: args.status.map(Into::into).filter(|_| pushes_status),
        };
        filters.check(info).map_err(Error::Usage)?;
        let window = match (&args.since, &args.until) {
            (None, None) => None,
            (since, until) => Some(
                Window::resolve(since.as_ref(), until.as_ref(), Utc::now(), ctx.output.utc)
                    .map_err(Error::Usage)?,
            ),
        };
        let end_reasons = args
            .end_reason
            .iter()
            .map(|reason| reason.trim().to_uppercase())
            .filter(|reason| !reason.is_empty())
            .collect();
        Ok(Self {
            filters,
            selection: Selection {
                window,
                status: args.status.map(Into::into),
                end_reasons,
            },
            raw: Raw::Keep,
        })
    }
}

/// Whether the sessions of a list shown in `view` need their provider objects.
fn raw_for(view: &View) -> Raw {
    if view.reads_raw() {
        Raw::Keep
    } else {
        Raw::Skip
    }
}

/// Walks the session list as `plan` says, handing each session the query selects to `emit`
/// in the provider's order, with the progress bar (if one is shown) kept up to date; says on
/// `-v` when it stopped early.
pub async fn walk(
    ctx: &Context,
    query: &Query,
    plan: Plan,
    emit: impl FnMut(Session) -> std::io::Result<()>,
) -> Result<Outcome, Error> {
    let log = &ctx.log;
    let outcome = paginate_selected(
        ctx.provider.info().paging,
        plan,
        ctx.concurrency,
        Pages {
            ctx,
            filters: &query.filters,
            raw: query.raw,
        },
        &query.selection,
        emit,
        |progress| log.progress(|bar| show(bar, progress)),
    )
    .await?;
    if outcome.stopped_early {
        log.verbose("stopping early: the provider lists newest first, and the pages left are older than --since");
    }
    Ok(outcome)
}

/// `--sort`: the whole selection, sorted in memory, then the limit.
async fn sorted(
    ctx: &Context,
    query: &Query,
    sort: &SortSpec,
    plan: Plan,
    view: &View,
    out: &mut dyn Write,
) -> Result<(), Error> {
    let log = &ctx.log;
    let keep = match plan {
        Plan::Limit(n) => Some(n),
        Plan::All | Plan::Page { .. } => None,
    };
    if wants_progress(ctx, Format::Table, Plan::All, ctx.provider.info().paging) {
        log.show_progress(progress_bar());
    }
    let mut sessions = Vec::new();
    let walked = walk(ctx, query, Plan::All, |session| {
        sessions.push(session);
        Ok(())
    })
    .await;
    log.clear_progress();
    let outcome = walked?;
    if let Some(Missing { arrived, expected }) = outcome.missing(Plan::All) {
        let missing = PagingProblem::Missing { arrived, expected };
        return Err(Error::malformed(Malformed::Paging(missing)));
    }
    warn_of(ctx, &outcome, view);
    sort.sort(&mut sessions);
    let selected = sessions.len();
    if let Some(n) = keep {
        sessions.truncate(usize::try_from(n).unwrap_or(usize::MAX));
    }
    let shown = sessions.len();
    let left_out = write_list(sessions, view, ctx.terminal, out)?;
    out.flush()?;
    if left_out > 0 {
        log.note(format_args!(
            "{left_out} column(s) left out to fit the terminal — pass --wide to see every \
             column, or choose them with --fields"
        ));
    }
    if shown < selected {
        log.note(format_args!(
            "showing the first {shown} of {selected} sessions in this order — pass --all to see \
             them all, or --limit N"
        ));
    }
    Ok(())
}

/// What tolerant mapping noticed, for the fields the output shows.
fn warn_of(ctx: &Context, outcome: &Outcome, view: &View) {
    for line in outcome.warnings.lines(
        "session",
        |field| view.shows_field(field),
        |text| ctx.client.mask(text),
    ) {
        ctx.log.warning(line);
    }
}

/// Ends a list that failed midway: what was streamed stays (a JSON array unclosed, so that
/// no parser takes it for the whole list), and a line says how much it holds, so that a
/// script does not take it for the whole list either.
fn abandon(renderer: Renderer<'_, Session>, error: Error, log: &Log) -> Result<(), Error> {
    if error.is_broken_pipe() {
        return Err(error);
    }
    let written = renderer.written();
    let streamed = renderer.streams();
    renderer.abandon()?;
    // A failed write leaves unknown how much of what was rendered reached the output.
    if written > 0 && streamed && !matches!(error, Error::Io(_)) {
        log.error(format_args!(
            "the list is incomplete: {written} sessions were written before this failure"
        ));
    }
    Err(error)
}

/// The session list of the selected provider, with its filters.
struct Pages<'a> {
    ctx: &'a Context,
    filters: &'a Filters,
    raw: Raw,
}

impl FetchPage<Session> for Pages<'_> {
    fn fetch(&self, page: PageRequest) -> impl Future<Output = Result<Page<Session>, Error>> {
        let provider = self.ctx.provider;
        let request = provider.sessions().list_request(self.filters, page);
        spawn_fetch(&self.ctx.client, provider, request, self.raw)
    }

    /// The one response of a whole-list provider, read here record by record as the body
    /// is parsed (the body itself arrives on the runtime's workers).
    async fn fetch_each(&self, each: &mut dyn FnMut(Listed<Session>) -> bool) -> Result<(), Error> {
        let sessions = self.ctx.provider.sessions();
        let request = sessions.list_request(self.filters, PageRequest::Whole);
        let parse = |body: &[u8]| sessions.each_in_list(body, self.raw, each);
        self.ctx.client.fetch(&request, parse).await
    }
}

/// Fetches one page on the runtime's workers, so that the request runs to its end while
/// this thread writes what came before (`paginate` bounds how many are started). Dropping the
/// future cancels the request.
fn spawn_fetch(
    client: &Arc<Client>,
    provider: &'static dyn Provider,
    request: ApiRequest,
    raw: Raw,
) -> impl Future<Output = Result<Page<Session>, Error>> + use<> {
    let client = Arc::clone(client);
    let fetched = tokio::spawn(async move {
        client
            .fetch(&request, |body| provider.sessions().parse_list(body, raw))
            .await
    });
    let abort = AbortOnDrop(fetched.abort_handle());
    async move {
        let _abort = abort;
        fetched
            .await
            .map_err(|e| Error::Other(anyhow::Error::new(e).context("a page fetch failed")))?
    }
}

/// Cancels a spawned fetch when the walk no longer wants it (it stopped at a limit or an
/// error), so that nothing runs or logs after the command has ended.
struct AbortOnDrop(tokio::task::AbortHandle);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// Whether a walk deserves a progress bar: a long one, on a terminal's stderr, unless `-q`.
/// Streamed rows on the same terminal are progress enough; a bar drawn among them would be
/// left behind in the scrollback.
pub fn wants_progress(ctx: &Context, format: Format, plan: Plan, paging: Paging) -> bool {
    let streams_to_terminal = ctx.terminal.stdout_tty && format != Format::Table;
    ctx.terminal.stderr_tty && !ctx.log.is_quiet() && !streams_to_terminal && is_long(plan, paging)
}

/// A table keeps every row in memory, so it stops at [`MAX_TABLE_ROWS`].
fn cap_for_table(plan: Plan, format: Format) -> Plan {
    match plan {
        Plan::All if format == Format::Table => Plan::Limit(MAX_TABLE_ROWS),
        Plan::Limit(n) if format == Format::Table => Plan::Limit(n.min(MAX_TABLE_ROWS)),
        other => other,
    }
}

/// Whether a walk may take more than one request, and so deserves a progress bar.
fn is_long(plan: Plan, paging: Paging) -> bool {
    match (plan, paging) {
        (Plan::Page { .. }, _) | (_, Paging::Whole) => false,
        (Plan::All, _) => true,
        (Plan::Limit(n), Paging::Numbered { max_per_page } | Paging::Cursor { max_per_page }) => {
            n > u64::from(max_per_page)
        }
    }
}

pub fn progress_bar() -> ProgressBar {
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    bar.set_style(
        ProgressStyle::with_template("{spinner} [{bar:24}] {pos}/{len} pages, {msg} [{elapsed}]")
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
    );
    bar.set_message("starting");
    bar.enable_steady_tick(Duration::from_millis(120));
    bar
}

/// Pages fetched of those planned, and sessions with their rate.
fn show(bar: &ProgressBar, progress: Progress) {
    if let Some(total) = progress.pages_total {
        bar.set_length(total.max(progress.pages).into());
    }
    bar.set_position(progress.pages.into());
    let seconds = bar.elapsed().as_secs_f64().max(0.001);
    bar.set_message(format!(
        "{} sessions, {:.0}/s",
        progress.sessions,
        progress.sessions as f64 / seconds
    ));
}

/// Turns the paging flags into a plan, refusing those the provider cannot honour.
fn plan(info: &ProviderInfo, args: &ListArgs) -> Result<Plan, Error> {
    let paging_flags = args.page.is_some() || args.per_page.is_some();
    match info.paging {
        Paging::Whole if paging_flags => Err(Error::usage(format!(
            "{} returns its whole session list in one response, so --page and --per-page do not apply — \
             use --limit N to cut it",
            info.name
        ))),
        Paging::Numbered { max_per_page } if args.per_page.is_some_and(|n| n > max_per_page) => {
            Err(Error::usage(format!(
                "--per-page {} is out of range for {} — use 1–{max_per_page}, or --all for every page",
                args.per_page.unwrap_or_default(),
                info.name
            )))
        }
        _ if paging_flags => Ok(Plan::Page {
            page: args.page.unwrap_or(1),
            per_page: args.per_page.unwrap_or(DEFAULT_LIMIT as u32),
        }),
        _ if args.all => Ok(Plan::All),
        _ => Ok(Plan::Limit(args.limit.unwrap_or(DEFAULT_LIMIT))),
    }
}

/// Lines for stderr: sessions left out and how to get them, and a list that moved meanwhile.
fn notes(requested: Plan, plan: Plan, outcome: &Outcome, selects: bool) -> Vec<String> {
    let left_out = if selects {
        selected_left_out_note(plan, outcome)
    } else {
        left_out_note(requested, plan, outcome)
    };
    let mut notes: Vec<String> = left_out.into_iter().collect();
    if let (Some(first), Some(last)) = (outcome.total, outcome.final_total)
        && first != last
    {
        notes.push(format!(
            "the provider's total changed from {first} to {last} during the listing: sessions \
                 created or deleted meanwhile may be missing — run it again to catch them"
        ));
    }
    if outcome.duplicates > 0 {
        notes.push(format!(
            "{} sessions moved to a later page during the listing and were shown once only",
            outcome.duplicates
        ));
    }
    notes
}

/// With sessions left out by the selection, the provider's total says nothing of how many
/// more match: only that the limit stopped the walk.
fn selected_left_out_note(plan: Plan, outcome: &Outcome) -> Option<String> {
    let shown = outcome.emitted;
    match plan {
        Plan::Limit(n) if shown >= n && outcome.more && !outcome.stopped_early => Some(format!(
            "showing the first {shown} matching sessions; there may be more — pass --all to see \
             them all, or --limit N"
        )),
        _ => None,
    }
}

/// One line saying how many sessions there are beyond those shown, and how to get them.
fn left_out_note(requested: Plan, plan: Plan, outcome: &Outcome) -> Option<String> {
    let shown = outcome.emitted;
    if requested != plan && outcome.more {
        let of = outcome
            .total
            .map(|t| format!(" of {t}"))
            .unwrap_or_default();
        return Some(format!(
            "a table shows at most {MAX_TABLE_ROWS} sessions; showing {shown}{of} — use -o csv or \
             -o ndjson for all of them, or --limit"
        ));
    }
    match plan {
        Plan::Page { page, per_page } => {
            let last = outcome.last_page?;
            let total = outcome
                .total
                .map(|t| format!(" ({t} sessions)"))
                .unwrap_or_default();
            if page > last {
                Some(format!("page {page} is past the last page, {last}{total}"))
            } else if outcome.more {
                Some(format!(
                    "page {page} of {last}{total} — next: --page {} --per-page {per_page}, or --all for every page",
                    page + 1
                ))
            } else {
                None
            }
        }
        Plan::Limit(_) => match outcome.total {
            Some(total) if total > shown && outcome.more => Some(format!(
                "showing {shown} of {total} sessions — pass --all to see them all, or --limit N"
            )),
            None if outcome.more => Some(format!(
                "showing the first {shown} sessions; there are more — pass --all to see them all"
            )),
            _ => None,
        },
        Plan::All => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outcome(emitted: u64, total: Option<u64>, last_page: Option<u32>, more: bool) -> Outcome {
        Outcome {
            emitted,
            total,
            final_total: total,
            last_page,
            more,
            ..Outcome::default()
        }
    }

    #[test]
    fn notes_say_how_many_and_how_to_get_them() {
        let limit = Plan::Limit(20);
        let note = left_out_note(limit, limit, &outcome(20, Some(57), Some(3), true));
        assert_eq!(
            note.as_deref(),
            Some("showing 20 of 57 sessions — pass --all to see them all, or --limit N")
        );
        assert_eq!(
            left_out_note(limit, limit, &outcome(7, Some(7), Some(1), false)),
            None
        );
        let page = Plan::Page {
            page: 2,
            per_page: 50,
        };
        let note = left_out_note(page, page, &outcome(50, Some(120), Some(3), true));
        assert_eq!(
            note.as_deref(),
            Some(
                "page 2 of 3 (120 sessions) — next: --page 3 --per-page 50, or --all for every page"
            )
        );
        let page = Plan::Page {
            page: 9,
            per_page: 50,
        };
        let past = left_out_note(page, page, &outcome(0, Some(120), Some(3), false));
        assert_eq!(
            past.as_deref(),
            Some("page 9 is past the last page, 3 (120 sessions)")
        );
    }
}

#[cfg(test)]
mod cap_tests {
    use super::*;

    #[test]
    fn tables_are_capped_and_say_so() {
        assert_eq!(
            cap_for_table(Plan::All, Format::Table),
            Plan::Limit(MAX_TABLE_ROWS)
        );
        assert_eq!(cap_for_table(Plan::All, Format::Csv), Plan::All);
        let outcome = Outcome {
            emitted: MAX_TABLE_ROWS,
            total: Some(12_000),
            more: true,
            ..Outcome::default()
        };
        let note = left_out_note(Plan::All, Plan::Limit(MAX_TABLE_ROWS), &outcome).unwrap();
        assert!(
            note.contains("showing 10000 of 12000 — use -o csv"),
            "{note}"
        );
    }

    #[test]
    fn a_moving_total_is_reported() {
        let outcome = Outcome {
            emitted: 30,
            total: Some(30),
            final_total: Some(31),
            duplicates: 1,
            ..Outcome::default()
        };
        let notes = notes(Plan::All, Plan::All, &outcome, false);
        assert_eq!(notes.len(), 2, "{notes:?}");
        assert!(notes[0].contains("changed from 30 to 31"));
    }
}
