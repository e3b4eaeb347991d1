//! Walks a provider's list for `sessions list`: one page, the first N records, or all of
//! them, handing each record on as soon as its page arrives in order. Generic over the
//! record ([`Keyed`]): it needs only each record's key, to de-duplicate.
//!
//! The provider says how it pages ([`Paging`]); this module drives it. With numbered pages,
//! page 1 tells how many pages there are, and the rest are fetched concurrently, at most
//! `concurrency` at once. `buffered` yields them in page order, so the reorder buffer holds
//! at most `concurrency` pages and memory does not grow with the list. Offset paging shifts
//! when sessions are created mid-export, so sessions are de-duplicated by ID (the set of IDs
//! seen, as 128-bit digests, is the one thing kept per session) and a change of the provider's total is
//! reported. Cursor paging and whole-list providers walk one request after another.

use std::collections::HashSet;
use std::future::Future;

mod digests;
mod numbered;

use crate::error::{Error, Malformed, PagingProblem};
use crate::provider::{Listed, Mapped, Page, PageRequest, Paging};
use crate::record::Keyed;
use crate::warnings::Warnings;
use digests::DigestSet;

/// What part of the list to fetch.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Plan {
    /// Exactly one numbered page.
    Page { page: u32, per_page: u32 },
    /// The first `n` sessions, with the largest pages the provider allows.
    Limit(u64),
    /// Every session.
    All,
}

impl Plan {
    fn limit(self) -> Option<u64> {
        match self {
            Self::Limit(n) => Some(n),
            Self::Page { .. } | Self::All => None,
        }
    }
}

/// What the walk saw.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Outcome {
    /// Records handed to `emit`.
    pub emitted: u64,
    /// Records skipped because they had no usable ID (they still count as received).
    pub skipped: u64,
    /// The provider's total as the first page gave it, when it says.
    pub total: Option<u64>,
    /// The provider's total as the last page fetched gave it.
    pub final_total: Option<u64>,
    /// The last page's number, when the provider pages by number.
    pub last_page: Option<u32>,
    /// Whether the provider holds records that were not fetched or not emitted.
    pub more: bool,
    /// Records skipped because their ID was already emitted (the list shifted mid-walk).
    pub duplicates: u64,
    /// What tolerant mapping noticed on the way.
    pub warnings: Warnings,
    /// Whether `total` was counted here (a whole list) rather than announced by the provider:
    /// then nothing can be missing from it.
    pub counted: bool,
    /// Records the selection left out (they still count as received).
    pub rejected: u64,
    /// Whether a selection could leave records out.
    pub selected: bool,
    /// Whether the walk stopped before the end because the list is newest first and was
    /// past the selection: then the rest was not fetched, and is not missing.
    pub stopped_early: bool,
}

impl Outcome {
    /// How many records the walk should have brought but did not: fewer distinct records
    /// arrived than the provider announced (the smaller of its first and last word, so that
    /// records deleted meanwhile are not counted as lost) or than the limit asked for.
    pub fn missing(&self, plan: Plan) -> Option<Missing> {
        if self.counted || self.stopped_early {
            return None;
        }
        let announced = match (self.total, self.final_total) {
            (Some(first), Some(last)) => first.min(last),
            (one, other) => one.or(other)?,
        };
        let expected = match plan {
            Plan::Page { .. } => return None,
            // With a selection the limit counts only what it kept: one not reached means
            // the walk read to the end, where everything announced should have come.
            Plan::Limit(n) if !self.selected || self.emitted >= n => announced.min(n),
            Plan::Limit(_) | Plan::All => announced,
        };
        let arrived = self.emitted + self.skipped + self.rejected;
        (arrived < expected).then_some(Missing { arrived, expected })
    }
}

/// Records an export lacks: `arrived` of the `expected`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Missing {
    pub arrived: u64,
    pub expected: u64,
}

/// Progress after each page, for a progress bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    pub pages: u32,
    /// The pages the walk expects to fetch, once known (a list that grows meanwhile adds some).
    pub pages_total: Option<u32>,
    pub sessions: u64,
}

/// What a page brought: how many records it held.
#[derive(Clone, Copy, Debug)]
struct Taken {
    received: usize,
}

/// Fetches the list: one page at a time, or — for a provider that answers with the whole
/// list — record by record from its one response.
pub trait FetchPage<R> {
    fn fetch(&self, request: PageRequest) -> impl Future<Output = Result<Page<R>, Error>>;

    /// The whole list, each record handed to `each` as it is read (`false`: stop reading).
    fn fetch_each(
        &self,
        each: &mut dyn FnMut(Listed<R>) -> bool,
    ) -> impl Future<Output = Result<(), Error>>;
}

/// Any `Fn(PageRequest) -> impl Future<Output = Result<Page<R>, Error>>` fetches pages (and
/// the whole list as one page): what the unit tests hand the walk.
impl<R, F, Fut> FetchPage<R> for F
where
    F: Fn(PageRequest) -> Fut,
    Fut: Future<Output = Result<Page<R>, Error>>,
{
    fn fetch(&self, request: PageRequest) -> impl Future<Output = Result<Page<R>, Error>> {
        self(request)
    }

    async fn fetch_each(&self, each: &mut dyn FnMut(Listed<R>) -> bool) -> Result<(), Error> {
        let page = self(PageRequest::Whole).await?;
        let records = page.records.into_iter().map(|record| {
            Listed::Record(Mapped {
                record,
                problems: Vec::new(),
            })
        });
        let skipped = page.notes.skipped.into_iter().map(Listed::Skipped);
        for listed in records.chain(skipped) {
            if !each(listed) {
                break;
            }
        }
        Ok(())
    }
}

/// Which records a walk hands on, checked on each as it arrives, and whether it may stop
/// before the end: only for a selection that starts at `since`, and only while every page
/// seen lists its records newest first by `order_key` (within and across pages) — then the
/// first page wholly older than `since` ends the walk.
pub trait Selector<R> {
    /// Whether any record could be left out (a limit then needs more pages than it counts).
    fn filters(&self) -> bool {
        false
    }

    fn keeps(&self, _record: &R) -> bool {
        true
    }

    /// The oldest time selected, as Unix milliseconds.
    fn since(&self) -> Option<i64> {
        None
    }

    /// A record's time in the order that lets a walk stop early, as Unix milliseconds.
    fn order_key(&self, _record: &R) -> Option<i64> {
        None
    }
}

/// Every record.
pub struct Everything;

impl<R> Selector<R> for Everything {}

/// Fetches the planned pages with `fetch`, calling `emit` for each record in the
/// provider's order and `progress` after each page.
pub async fn paginate<R: Keyed>(
    paging: Paging,
    plan: Plan,
    concurrency: usize,
    fetch: impl FetchPage<R>,
    emit: impl FnMut(R) -> std::io::Result<()>,
    progress: impl FnMut(Progress),
) -> Result<Outcome, Error> {
    paginate_selected(
        paging,
        plan,
        concurrency,
        fetch,
        &Everything,
        emit,
        progress,
    )
    .await
}

/// [`paginate`], handing on only the records `selector` keeps: a limit counts those, and a
/// walk over a list that is newest first may stop once it is past the selection.
pub async fn paginate_selected<R: Keyed>(
    paging: Paging,
    plan: Plan,
    concurrency: usize,
    fetch: impl FetchPage<R>,
    selector: &dyn Selector<R>,
    emit: impl FnMut(R) -> std::io::Result<()>,
    progress: impl FnMut(Progress),
) -> Result<Outcome, Error> {
    let mut walk = Walk {
        selector,
        order: Order::default(),
        limit: plan.limit(),
        seen: DigestSet::default(),
        digester: Digester::new(),
        pages_seen: HashSet::new(),
        outcome: Outcome {
            selected: selector.filters(),
            ..Outcome::default()
        },
        pages: 0,
        planned_pages: None,
        emit,
        progress,
    };
    match (paging, plan) {
        (_, Plan::Page { page, per_page }) => {
            let first = fetch.fetch(PageRequest::Number { page, per_page }).await?;
            walk.outcome.more = first.last_page.is_some_and(|last| page < last);
            walk.take(first)?;
        }
        (Paging::Whole, _) => walk.whole(&fetch).await?,
        (Paging::Cursor { max_per_page }, _) => walk.cursors(max_per_page, &fetch).await?,
        (Paging::Numbered { max_per_page }, _) => {
            walk.numbered(max_per_page, concurrency, &fetch).await?;
        }
    }
    Ok(walk.outcome)
}

/// What the walk has seen of the list's order, for an early stop.
#[derive(Debug, Default)]
struct Order {
    /// A record out of newest-first order, or without a time, or a page shorter than an
    /// earlier one (sessions lost on the way) was seen: read everything, and check it.
    broken: bool,
    /// The most records a page has held so far.
    largest_page: usize,
    /// The time of the last record seen.
    last: Option<i64>,
}

/// The walk's state: what was emitted, and how to report it.
struct Walk<'s, R, E, P> {
    selector: &'s dyn Selector<R>,
    order: Order,
    limit: Option<u64>,
    /// A 128-bit digest of each ID emitted: the one thing kept per record.
    seen: DigestSet,
    digester: Digester,
    /// A fingerprint of each page's records, to tell a page served twice.
    pages_seen: HashSet<u64>,
    outcome: Outcome,
    pages: u32,
    /// The pages the walk expects to fetch, once known, for progress.
    planned_pages: Option<u32>,
    emit: E,
    progress: P,
}

impl<R, E, P> Walk<'_, R, E, P> {
    /// Whether the walk needs no more records: the limit is reached, or the list is past
    /// the selection.
    fn full(&self) -> bool {
        self.outcome.stopped_early || self.limit.is_some_and(|n| self.outcome.emitted >= n)
    }

    /// Follows the list's order through one page's records (their times), and ends the walk
    /// after a page wholly older than the selection, while the order holds.
    fn follow_order(&mut self, received: usize, times: impl Iterator<Item = Option<i64>>) {
        let Some(since) = self.selector.since() else {
            return;
        };
        if received < self.order.largest_page {
            self.order.broken = true;
        }
        self.order.largest_page = self.order.largest_page.max(received);
        let mut older = 0usize;
        let mut seen = 0usize;
        for time in times {
            seen += 1;
            match (time, self.order.last) {
                (None, _) => self.order.broken = true,
                (Some(time), Some(last)) if time > last => self.order.broken = true,
                (Some(time), _) => {
                    self.order.last = Some(time);
                    older += usize::from(time < since);
                }
            }
        }
        if !self.order.broken && seen > 0 && older == seen {
            self.outcome.stopped_early = true;
        }
    }
}

impl<R: Keyed, E, P> Walk<'_, R, E, P>
where
    P: FnMut(Progress),
{
    /// Emits a page's new records, up to the limit. The first page taken gives the counts.
    /// A page whose records are exactly those of an earlier page (a server that ignores the
    /// page asked for) is an error: the walk would otherwise end, or loop, with records lost.
    fn take(&mut self, page: Page<R>) -> Result<Taken, Error>
    where
        E: FnMut(R) -> std::io::Result<()>,
    {
        self.outcome.final_total = page.total.or(self.outcome.final_total);
        if self.pages == 0 {
            self.outcome.total = page.total;
            self.outcome.last_page = page.last_page;
        }
        self.pages += 1;
        let digests: Vec<u128> = page
            .records
            .iter()
            .map(|record| self.digester.digest(record.key()))
            .collect();
        if !page.records.is_empty() && !self.pages_seen.insert(fingerprint(&digests)) {
            return Err(Error::malformed(Malformed::Paging(
                PagingProblem::RepeatedPage(self.pages),
            )));
        }
        // What the provider served, records without a usable ID included: a page is full by
        // what was sent, not by what could be read.
        let received = page.records.len() + page.notes.skipped.len();
        self.outcome.skipped += page.notes.skipped.len() as u64;
        self.outcome.warnings.add(page.notes);
        let selector = self.selector;
        let times: Vec<Option<i64>> = match selector.since() {
            Some(_) => page.records.iter().map(|r| selector.order_key(r)).collect(),
            None => Vec::new(),
        };
        for (record, digest) in page.records.into_iter().zip(digests) {
            if self.full() {
                self.outcome.more = true;
                break;
            }
            self.offer(record, digest)?;
        }
        self.follow_order(received, times.into_iter());
        (self.progress)(Progress {
            pages: self.pages,
            pages_total: self.planned_pages,
            sessions: self.outcome.emitted,
        });
        Ok(Taken { received })
    }

    /// Hands on a record not seen before that the selection keeps.
    fn offer(&mut self, record: R, digest: u128) -> std::io::Result<()>
    where
        E: FnMut(R) -> std::io::Result<()>,
    {
        if !self.seen.insert(digest) {
            self.outcome.duplicates += 1;
        } else if !self.selector.keeps(&record) {
            self.outcome.rejected += 1;
        } else {
            (self.emit)(record)?;
            self.outcome.emitted += 1;
        }
        Ok(())
    }

    /// The whole list in one response, read record by record: memory holds one record and
    /// the set of IDs, not the list. Past the limit, records are still counted (not kept),
    /// so that the note can say how many there are.
    async fn whole(&mut self, fetch: &impl FetchPage<R>) -> Result<(), Error>
    where
        E: FnMut(R) -> std::io::Result<()>,
    {
        let mut received: u64 = 0;
        let mut failed = None;
        let read = fetch
            .fetch_each(&mut |listed| {
                received += 1;
                match listed {
                    Listed::Skipped(reason) => {
                        self.outcome.skipped += 1;
                        self.outcome.warnings.skipped(reason);
                    }
                    Listed::Record(_) if self.full() => self.outcome.more = true,
                    Listed::Record(Mapped { record, problems }) => {
                        for problem in problems {
                            self.outcome.warnings.field(record.key(), problem);
                        }
                        let digest = self.digester.digest(record.key());
                        if let Err(error) = self.offer(record, digest) {
                            failed = Some(error);
                            return false;
                        }
                    }
                }
                true
            })
            .await;
        if let Some(error) = failed {
            return Err(error.into());
        }
        read?;
        self.outcome.total = Some(received);
        self.outcome.final_total = Some(received);
        self.outcome.counted = true;
        self.outcome.last_page = Some(1);
        self.pages = 1;
        (self.progress)(Progress {
            pages: 1,
            pages_total: Some(1),
            sessions: self.outcome.emitted,
        });
        Ok(())
    }

    /// Cursor pages: one after another, each naming the next.
    async fn cursors(&mut self, max_per_page: u32, fetch: &impl FetchPage<R>) -> Result<(), Error>
    where
        E: FnMut(R) -> std::io::Result<()>,
    {
        let mut cursor: Option<String> = None;
        let mut followed = HashSet::new();
        loop {
            let request = PageRequest::Cursor {
                cursor: cursor.take(),
                per_page: max_per_page,
            };
            let page = fetch.fetch(request).await?;
            let next = page.next_cursor.clone();
            self.take(page)?;
            let Some(next) = next else {
                return Ok(());
            };
            if self.full() {
                self.outcome.more = true;
                return Ok(());
            }
            // A cursor seen before would walk the same pages forever.
            if !followed.insert(next.clone()) {
                return Err(Error::malformed(Malformed::Paging(
                    PagingProblem::CursorRepeats,
                )));
            }
            cursor = Some(next);
        }
    }
}

/// Two hash keys drawn at random for this run: a provider cannot choose IDs that collide.
struct Digester([std::hash::RandomState; 2]);

impl Digester {
    fn new() -> Self {
        Self([std::hash::RandomState::new(), std::hash::RandomState::new()])
    }

    /// An ID as 128 bits: two independent 64-bit hashes, so that distinct IDs collide with a
    /// chance of about 2⁻¹²⁸ a pair — never, in any list — while memory holds 16 bytes an ID.
    fn digest(&self, key: &str) -> u128 {
        use std::hash::BuildHasher;
        let [a, b] = &self.0;
        (u128::from(a.hash_one(key)) << 64) | u128::from(b.hash_one(key))
    }
}

/// A page's records, as one number from their IDs' digests: the same records give the same,
/// in any order (a server that ignores the page asked for may shuffle what it repeats).
fn fingerprint(digests: &[u128]) -> u64 {
    digests.iter().fold(digests.len() as u64, |sum, &digest| {
        sum.wrapping_add(digest as u64)
    })
}

#[cfg(test)]
mod tests {
    use std::cell::RefCell;

    use super::numbered::check_page_count;
    use super::*;
    use crate::model::Session;

    fn session(i: u64) -> Session {
        Session::bare(&format!("s{i}"))
    }

    /// An offset-paged list of `ids`, answering as Anam does; records the pages asked for.
    struct Numbered {
        ids: RefCell<Vec<u64>>,
        asked: RefCell<Vec<u32>>,
    }

    impl Numbered {
        fn new(n: u64) -> Self {
            Self {
                ids: RefCell::new((0..n).collect()),
                asked: RefCell::default(),
            }
        }

        async fn fetch(&self, request: PageRequest) -> Result<Page<Session>, Error> {
            let PageRequest::Number { page, per_page } = request else {
                panic!("{request:?}")
            };
            self.asked.borrow_mut().push(page);
            let ids = self.ids.borrow();
            let total = ids.len() as u64;
            let records = ids
                .iter()
                .skip(((page - 1) * per_page) as usize)
                .take(per_page as usize)
                .map(|i| session(*i))
                .collect();
            let last_page = u32::try_from(total.div_ceil(u64::from(per_page)).max(1)).ok();
            Ok(Page {
                records,
                total: Some(total),
                last_page,
                ..Page::default()
            })
        }
    }

    /// Walks with `fetch`, returning what the walk ended with and the IDs emitted in order.
    fn walk(
        paging: Paging,
        plan: Plan,
        concurrency: usize,
        fetch: impl FetchPage<Session>,
    ) -> (Result<Outcome, Error>, Vec<String>) {
        let mut ids = Vec::new();
        let emit = |session: Session| {
            ids.push(session.id);
            Ok(())
        };
        let walked = paginate(paging, plan, concurrency, fetch, emit, |_| {});
        let outcome = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap()
            .block_on(walked);
        (outcome, ids)
    }

    /// A walk of a [`Numbered`] list, four pages at once.
    fn run(paging: Paging, plan: Plan, source: &Numbered) -> (Vec<String>, Outcome) {
        let (outcome, ids) = walk(paging, plan, 4, |request| source.fetch(request));
        (ids, outcome.unwrap())
    }

    const NUMBERED: Paging = Paging::Numbered { max_per_page: 10 };

    /// Sessions whose number is at least `since` (a session's "time" is its number, so a
    /// list of falling numbers is newest first); even numbers only with `evens`.
    struct AtLeast {
        since: i64,
        evens: bool,
    }

    impl Selector<Session> for AtLeast {
        fn filters(&self) -> bool {
            true
        }

        fn keeps(&self, session: &Session) -> bool {
            let n = self.order_key(session).unwrap();
            n >= self.since && (!self.evens || n % 2 == 0)
        }

        fn since(&self) -> Option<i64> {
            Some(self.since)
        }

        fn order_key(&self, session: &Session) -> Option<i64> {
            session.id[1..].parse().ok()
        }
    }

    fn run_selected(plan: Plan, source: &Numbered, selector: &AtLeast) -> (Vec<String>, Outcome) {
        let mut ids = Vec::new();
        let emit = |session: Session| {
            ids.push(session.id);
            Ok(())
        };
        let fetch = |request| source.fetch(request);
        let walked = paginate_selected(NUMBERED, plan, 4, fetch, selector, emit, |_| {});
        let outcome = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap()
            .block_on(walked)
            .unwrap();
        (ids, outcome)
    }

    #[test]
    fn a_newest_first_list_stops_after_the_first_page_past_the_window() {
        // 100 sessions numbered 99 down to 0, ten a page; the window holds 99..=75.
        let source = Numbered::new(0);
        *source.ids.borrow_mut() = (0..100).rev().collect();
        let selector = AtLeast {
            since: 75,
            evens: false,
        };
        let (ids, outcome) = run_selected(Plan::All, &source, &selector);
        let expected: Vec<String> = (75..100).rev().map(|i| format!("s{i}")).collect();
        assert_eq!(ids, expected);
        assert!(outcome.stopped_early);
        assert_eq!(
            outcome.missing(Plan::All),
            None,
            "what was not fetched is not missing"
        );
        // Pages 1–3 hold the window, page 4 (69..=60) is wholly older: the walk ends there,
        // though pages up to 5 may have been asked for at once.
        let asked = source.asked.borrow().clone();
        assert!(asked.contains(&4) && asked.len() <= 5, "{asked:?}");

        // The same sessions in another order: every page is read, and the selection is the same.
        let shuffled = Numbered::new(0);
        *shuffled.ids.borrow_mut() = (0..100).map(|i| (i * 37) % 100).collect();
        let (mut ids, outcome) = run_selected(Plan::All, &shuffled, &selector);
        assert!(!outcome.stopped_early);
        assert_eq!(
            shuffled.asked.borrow().len(),
            11,
            "every page, and one past the last"
        );
        ids.sort_by_key(|id| std::cmp::Reverse(id[1..].parse::<u64>().unwrap()));
        assert_eq!(ids, expected);
        assert_eq!(outcome.rejected, 75);
    }

    #[test]
    fn one_page_out_of_order_means_reading_everything() {
        let source = Numbered::new(0);
        let mut ids: Vec<u64> = (0..100).rev().collect();
        ids.swap(85, 86); // on page 9: 14 before 13 is out of order
        *source.ids.borrow_mut() = ids;
        let selector = AtLeast {
            since: 50,
            evens: false,
        };
        let (_, early) = run_selected(Plan::All, &source, &selector);
        assert!(
            early.stopped_early,
            "the order is broken only after the stop"
        );
        let source = Numbered::new(0);
        let mut ids: Vec<u64> = (0..100).rev().collect();
        ids.swap(5, 6); // on page 1
        *source.ids.borrow_mut() = ids;
        let (kept, late) = run_selected(Plan::All, &source, &selector);
        assert!(!late.stopped_early);
        assert_eq!(kept.len(), 50);
        assert_eq!(source.asked.borrow().len(), 11);
    }

    #[test]
    fn a_short_page_before_the_stop_means_reading_everything() {
        // Newest first, but page 2 comes back short: sessions were lost there, so the walk
        // does not stop early, and the missing sessions are reported.
        let source = Numbered::new(0);
        *source.ids.borrow_mut() = (0..100).rev().collect();
        let selector = AtLeast {
            since: 75,
            evens: false,
        };
        let fetch = |request| {
            let page = source.fetch(request);
            async move {
                let mut page = page.await?;
                if page.records.first().is_some_and(|s| s.id == "s89") {
                    page.records.truncate(5);
                }
                Ok(page)
            }
        };
        let walked =
            paginate_selected(NUMBERED, Plan::All, 1, fetch, &selector, |_| Ok(()), |_| {});
        let outcome = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap()
            .block_on(walked)
            .unwrap();
        assert!(!outcome.stopped_early);
        assert_eq!(
            outcome.missing(Plan::All),
            Some(Missing {
                arrived: 95,
                expected: 100
            })
        );
    }

    #[test]
    fn a_limit_not_reached_with_a_selection_still_checks_the_total() {
        // 1000 announced, 50 served, 3 kept: the limit of 20 was not what ended the walk.
        let outcome = Outcome {
            emitted: 3,
            rejected: 47,
            selected: true,
            total: Some(1000),
            final_total: Some(1000),
            ..Outcome::default()
        };
        assert_eq!(
            outcome.missing(Plan::Limit(20)),
            Some(Missing {
                arrived: 50,
                expected: 1000
            })
        );
        let full = Outcome {
            emitted: 20,
            ..outcome
        };
        assert_eq!(full.missing(Plan::Limit(20)), None);
    }

    #[test]
    fn a_limit_counts_the_records_the_selection_keeps() {
        let source = Numbered::new(95);
        let selector = AtLeast {
            since: 0,
            evens: true,
        };
        let (ids, outcome) = run_selected(Plan::Limit(25), &source, &selector);
        assert_eq!(ids.len(), 25);
        assert_eq!(ids.last().unwrap(), "s48");
        assert!(outcome.more);
        assert_eq!(outcome.missing(Plan::Limit(25)), None);
        let (ids, outcome) = run_selected(Plan::Limit(500), &Numbered::new(95), &selector);
        assert_eq!((ids.len(), outcome.rejected), (48, 47));
        assert_eq!(outcome.missing(Plan::Limit(500)), None, "all 95 arrived");
    }

    #[test]
    fn all_returns_every_session_once_in_order() {
        for n in [0, 1, 10, 11, 95] {
            let source = Numbered::new(n);
            let (ids, outcome) = run(NUMBERED, Plan::All, &source);
            let expected: Vec<String> = (0..n).map(|i| format!("s{i}")).collect();
            assert_eq!(ids, expected, "n = {n}");
            assert_eq!(
                (outcome.emitted, outcome.more, outcome.total),
                (n, false, Some(n))
            );
            // Every page up to the count, and one more after a full last page.
            let pages = (n / 10 + 1) as u32;
            assert_eq!(
                *source.asked.borrow(),
                (1..=pages).collect::<Vec<_>>(),
                "n = {n}"
            );
        }
    }

    #[test]
    fn a_limit_requests_only_the_pages_it_needs() {
        let source = Numbered::new(95);
        let (ids, outcome) = run(NUMBERED, Plan::Limit(25), &source);
        assert_eq!(ids.len(), 25);
        assert_eq!(*source.asked.borrow(), [1, 2, 3]);
        assert!(outcome.more);
        let source = Numbered::new(95);
        let (ids, _) = run(NUMBERED, Plan::Limit(7), &source);
        assert_eq!((ids.len(), source.asked.borrow().clone()), (7, vec![1]));
    }

    #[test]
    fn a_shifted_list_yields_no_duplicate() {
        let source = Numbered::new(30);
        let fetch = |request| {
            // A session is created at the top once page 1 has been served.
            if source.asked.borrow().len() == 1 {
                source.ids.borrow_mut().insert(0, 1000);
            }
            source.fetch(request)
        };
        let (outcome, ids) = walk(NUMBERED, Plan::All, 1, fetch);
        let outcome = outcome.unwrap();
        let expected: Vec<String> = (0..30).map(|i| format!("s{i}")).collect();
        assert_eq!(
            ids, expected,
            "every session that was there at the start, once"
        );
        assert_eq!(outcome.duplicates, 1);
        assert_eq!((outcome.total, outcome.final_total), (Some(30), Some(31)));
    }

    #[test]
    fn cursor_paging_follows_the_cursor() {
        let fetch = |request: PageRequest| async move {
            let PageRequest::Cursor { cursor, .. } = request else {
                panic!()
            };
            let at: u64 = cursor.map_or(0, |c| c.parse().unwrap());
            let next = (at < 4).then(|| (at + 2).to_string());
            Ok(Page {
                records: vec![session(at), session(at + 1)],
                next_cursor: next,
                ..Page::default()
            })
        };
        let (outcome, ids) = walk(Paging::Cursor { max_per_page: 2 }, Plan::Limit(5), 8, fetch);
        let outcome = outcome.unwrap();
        assert_eq!(ids, ["s0", "s1", "s2", "s3", "s4"]);
        assert!(outcome.more);
    }

    /// A walk of pages made by `serve(page, per_page)`; also returns how many were asked for.
    fn walk_served(
        plan: Plan,
        serve: impl Fn(u32, u32) -> Page<Session>,
    ) -> (Result<Outcome, Error>, Vec<String>, u32) {
        let asked = std::cell::Cell::new(0);
        let fetch = |request: PageRequest| {
            asked.set(asked.get() + 1);
            let PageRequest::Number { page, per_page } = request else {
                panic!("{request:?}")
            };
            let page = serve(page, per_page);
            async move { Ok(page) }
        };
        let (outcome, ids) = walk(NUMBERED, plan, 2, fetch);
        (outcome, ids, asked.get())
    }

    fn page_of(ids: std::ops::Range<u64>) -> Page<Session> {
        Page {
            records: ids.map(session).collect(),
            ..Page::default()
        }
    }

    #[test]
    fn a_server_that_ignores_the_page_number_is_an_error_not_the_end() {
        // No counts, and the same full page whatever is asked.
        for plan in [Plan::All, Plan::Limit(500)] {
            let (outcome, ids, asked) = walk_served(plan, |_, _| page_of(0..10));
            assert_eq!((ids.len(), asked), (10, 2));
            assert!(
                matches!(&outcome, Err(Error::Malformed(m)) if **m == Malformed::Paging(PagingProblem::RepeatedPage(2))),
                "{outcome:?}"
            );
        }
        // With counts that claim three pages, too.
        let (outcome, _, asked) = walk_served(Plan::All, |_, _| Page {
            total: Some(30),
            last_page: Some(3),
            ..page_of(0..10)
        });
        assert!(outcome.is_err());
        assert!(asked <= 3);
    }

    #[test]
    fn a_last_page_smaller_than_the_data_does_not_end_the_walk() {
        // Announces 35 sessions on one page; serves all 35 in pages of 10.
        let (outcome, ids, asked) = walk_served(Plan::All, |page, _| {
            let start = u64::from(page - 1) * 10;
            Page {
                total: Some(35),
                last_page: Some(1),
                ..page_of(start..(start + 10).min(35))
            }
        });
        let outcome = outcome.unwrap();
        assert_eq!((ids.len(), asked), (35, 4));
        assert_eq!(outcome.missing(Plan::All), None);
    }

    #[test]
    fn an_empty_page_before_the_last_does_not_end_the_walk() {
        let (outcome, ids, asked) = walk_served(Plan::All, |page, _| match page {
            2 | 4.. => Page {
                total: Some(30),
                last_page: Some(3),
                ..Page::default()
            },
            _ => Page {
                total: Some(30),
                last_page: Some(3),
                ..page_of(u64::from(page - 1) * 10..u64::from(page) * 10)
            },
        });
        let outcome = outcome.unwrap();
        assert_eq!(asked, 4, "pages 1 to 3, and 4 after a full page 3");
        assert_eq!(ids.len(), 20);
        assert_eq!(
            outcome.missing(Plan::All),
            Some(Missing {
                arrived: 20,
                expected: 30
            })
        );
    }

    #[test]
    fn what_is_missing_counts_against_the_smaller_announcement_and_the_limit() {
        let outcome = |emitted, skipped, total, final_total| Outcome {
            emitted,
            skipped,
            total,
            final_total,
            ..Outcome::default()
        };
        let missing = |arrived, expected| Some(Missing { arrived, expected });
        assert_eq!(
            outcome(90, 0, Some(100), Some(100)).missing(Plan::All),
            missing(90, 100)
        );
        assert_eq!(
            outcome(90, 10, Some(100), Some(100)).missing(Plan::All),
            None
        );
        // Deleted meanwhile, and said so: not lost.
        assert_eq!(outcome(90, 0, Some(100), Some(90)).missing(Plan::All), None);
        // Created meanwhile: the first count stands.
        assert_eq!(
            outcome(100, 0, Some(100), Some(101)).missing(Plan::All),
            None
        );
        assert_eq!(
            outcome(20, 0, Some(100), Some(100)).missing(Plan::Limit(20)),
            None
        );
        assert_eq!(
            outcome(15, 0, Some(100), Some(100)).missing(Plan::Limit(20)),
            missing(15, 20)
        );
        assert_eq!(outcome(5, 0, None, None).missing(Plan::All), None);
        let page = Plan::Page {
            page: 1,
            per_page: 10,
        };
        assert_eq!(outcome(5, 0, Some(100), Some(100)).missing(page), None);
    }

    #[test]
    fn a_later_page_with_an_absurd_total_is_an_error() {
        let (outcome, _, asked) = walk_served(Plan::All, |page, _| match page {
            1 => Page {
                total: Some(30),
                last_page: Some(3),
                ..page_of(0..10)
            },
            _ => Page {
                total: Some(20),
                last_page: Some(3_000_000_000),
                ..page_of(10..20)
            },
        });
        assert!(matches!(outcome, Err(Error::Malformed(_))), "{outcome:?}");
        assert!(asked <= 3);
    }

    #[test]
    fn a_count_that_grows_past_the_data_leaves_the_walk_short() {
        // Page 1 says 3 pages; page 2 claims a huge total; page 3 is empty.
        let (outcome, ids, asked) = walk_served(Plan::All, |page, _| match page {
            1 => Page {
                total: Some(30),
                last_page: Some(3),
                ..page_of(0..10)
            },
            2 => Page {
                total: Some(1_000_000),
                last_page: Some(3),
                ..page_of(10..20)
            },
            _ => Page {
                total: Some(1_000_000),
                last_page: Some(3),
                ..Page::default()
            },
        });
        outcome.unwrap();
        assert_eq!((ids.len(), asked), (20, 3));
    }

    #[test]
    fn smaller_pages_than_asked_are_followed() {
        // Asked for 10 a page, the server serves 5 and counts pages of 5.
        let (outcome, ids, asked) = walk_served(Plan::All, |page, _| {
            let start = u64::from(page - 1) * 5;
            Page {
                total: Some(23),
                last_page: Some(5),
                per_page: Some(5),
                ..page_of(start..(start + 5).min(23))
            }
        });
        outcome.unwrap();
        let expected: Vec<String> = (0..23).map(|i| format!("s{i}")).collect();
        assert_eq!((ids, asked), (expected, 5));
    }

    #[test]
    fn a_repeating_cursor_is_an_error() {
        let fetch = |_| async {
            Ok(Page {
                next_cursor: Some("same".into()),
                ..page_of(0..2)
            })
        };
        let (outcome, _) = walk(Paging::Cursor { max_per_page: 2 }, Plan::All, 1, fetch);
        assert!(matches!(outcome, Err(Error::Malformed(_))), "{outcome:?}");
    }

    #[test]
    fn an_absurd_page_count_is_refused() {
        let counts = |total, last_page| Page::<Session> {
            total,
            last_page,
            ..Page::default()
        };
        assert!(check_page_count(&counts(Some(10), Some(4_000_000_000)), 100).is_err());
        assert!(check_page_count(&counts(None, Some(4_000_000_000)), 100).is_err());
        assert!(check_page_count(&counts(Some(0), Some(1)), 100).is_ok());
        assert!(check_page_count(&counts(Some(250), Some(3)), 100).is_ok());
    }
}
