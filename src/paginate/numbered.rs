//! Numbered pages: page 1 for the count, then every page up to the announced last one,
//! concurrently and in order, then on while the last page was full.

use futures_util::{FutureExt, StreamExt, stream};

use super::{FetchPage, Progress, Taken, Walk};
use crate::error::{Error, Malformed, PagingProblem};
use crate::provider::{Page, PageRequest};
use crate::record::Keyed;

impl<R: Keyed, E, P> Walk<'_, R, E, P>
where
    P: FnMut(Progress),
{
    /// Numbered pages: page 1 for the count, then every page up to the announced last one
    /// concurrently, in order — a short or empty page before it does not end the walk — and
    /// then on, one at a time, while the last page fetched was full, whatever the count said.
    pub(super) async fn numbered(
        &mut self,
        max_per_page: u32,
        concurrency: usize,
        fetch: &impl FetchPage<R>,
    ) -> Result<(), Error>
    where
        E: FnMut(R) -> std::io::Result<()>,
    {
        // With records left out by the selection, a limit says nothing of the pages needed.
        let asked = match self.limit {
            Some(n) if !self.selector.filters() => {
                u32::try_from(n).unwrap_or(u32::MAX).min(max_per_page)
            }
            _ => max_per_page,
        };
        let first = fetch
            .fetch(PageRequest::Number {
                page: 1,
                per_page: asked,
            })
            .await?;
        // A provider may serve smaller pages than asked for; page numbers follow its size.
        let per_page = first
            .per_page
            .filter(|p| (1..asked).contains(p))
            .unwrap_or(asked);
        check_page_count(&first, per_page)?;
        // A provider that counts its records but not its pages (Tavus) numbers them by size.
        let counted_pages = first
            .total
            .map(|total| u32::try_from(total.div_ceil(u64::from(per_page))).unwrap_or(u32::MAX));
        let last_page = first.last_page.or(counted_pages).unwrap_or(1).max(1);
        self.planned_pages = Some(match self.limit {
            Some(n) if !self.selector.filters() => {
                last_page.min(u32::try_from(n.div_ceil(u64::from(per_page))).unwrap_or(u32::MAX))
            }
            _ => last_page,
        });
        let mut taken = self.take(first)?;
        let mut next: u32 = 2;
        while next <= last_page && !self.full() {
            let end = self.round_end(next, last_page, per_page, concurrency);
            let (last_taken, round) = self.round(next..=end, per_page, concurrency, fetch).await?;
            taken = round;
            next = last_taken.saturating_add(1);
        }
        self.past_the_count(next, last_page, per_page, taken, fetch)
            .await
    }

    /// After the announced last page: on, one page at a time, while the last page fetched was
    /// full — but not forever: a list that goes on past twice its announced total is not the
    /// list it announced.
    async fn past_the_count(
        &mut self,
        mut next: u32,
        last_page: u32,
        per_page: u32,
        mut taken: Taken,
        fetch: &impl FetchPage<R>,
    ) -> Result<(), Error>
    where
        E: FnMut(R) -> std::io::Result<()>,
    {
        let full_page = per_page as usize;
        let bound = match self.outcome.total {
            Some(total) => (total.saturating_mul(2) / u64::from(per_page)).saturating_add(2),
            None => u64::from(MAX_PAGES_WITHOUT_TOTAL),
        };
        while taken.received >= full_page
            && !self.full()
            && u64::from(next) <= bound
            && next < u32::MAX
        {
            let page = fetch
                .fetch(PageRequest::Number {
                    page: next,
                    per_page,
                })
                .await?;
            check_page_count(&page, per_page)?;
            taken = self.take(page)?;
            next += 1;
        }
        if taken.received >= full_page && !self.full() {
            // Still full at the bound: the list runs on past what it announced.
            return Err(Error::malformed(Malformed::Paging(
                PagingProblem::Runaway {
                    pages: next - 1,
                    total: self.outcome.total,
                },
            )));
        }
        let arrived = self.outcome.emitted + self.outcome.skipped + self.outcome.duplicates;
        self.outcome.more |= self.full()
            && match self.outcome.final_total {
                Some(total) => arrived < total,
                None => next <= last_page || taken.received >= full_page,
            };
        Ok(())
    }

    /// The last page of the next concurrent round from `next`: with a limit, only the pages
    /// it still needs (a round shortened by duplicates is topped up by the next).
    /// With a selection that leaves records out, a round is as many pages as are fetched at
    /// once, and the next round follows while the limit is not reached.
    fn round_end(&self, next: u32, last_page: u32, per_page: u32, concurrency: usize) -> u32 {
        match self.limit {
            Some(n) => {
                let pages = (n - self.outcome.emitted).div_ceil(u64::from(per_page));
                let mut pages = u32::try_from(pages).unwrap_or(u32::MAX).max(1);
                if self.selector.filters() {
                    pages = pages.max(u32::try_from(concurrency).unwrap_or(u32::MAX));
                }
                last_page.min(next.saturating_add(pages - 1))
            }
            None => last_page,
        }
    }

    /// Fetches `pages` concurrently, at most `concurrency` at once, and takes them in order
    /// until the limit is reached: the number of the last page taken, and what it brought.
    async fn round(
        &mut self,
        pages: std::ops::RangeInclusive<u32>,
        per_page: u32,
        concurrency: usize,
        fetch: &impl FetchPage<R>,
    ) -> Result<(u32, Taken), Error>
    where
        E: FnMut(R) -> std::io::Result<()>,
    {
        let mut last = (pages.start().saturating_sub(1), Taken { received: 0 });
        let mut fetched = stream::iter(pages)
            .map(|number| {
                let request = PageRequest::Number {
                    page: number,
                    per_page,
                };
                fetch.fetch(request).map(move |page| (number, page))
            })
            .buffered(concurrency.max(1));
        while let Some((number, page)) = fetched.next().await {
            let page = page?;
            check_page_count(&page, per_page)?;
            last = (number, self.take(page)?);
            if self.full() {
                break;
            }
        }
        Ok(last)
    }
}

/// The most pages a list may claim without saying how many sessions it holds.
const MAX_PAGES_WITHOUT_TOTAL: u32 = 1_000_000;

/// Refuses a page count that cannot be true, rather than request billions of pages.
pub(super) fn check_page_count<R>(page: &Page<R>, per_page: u32) -> Result<(), Error> {
    let believable = match (page.total, page.last_page) {
        (Some(total), Some(last_page)) => {
            u64::from(last_page) <= total.div_ceil(u64::from(per_page)).max(1).saturating_add(1)
        }
        (None, Some(last_page)) => last_page <= MAX_PAGES_WITHOUT_TOTAL,
        (_, None) => true,
    };
    if believable {
        return Ok(());
    }
    Err(Error::malformed(Malformed::Paging(
        PagingProblem::PageCount {
            last_page: page.last_page.unwrap_or_default(),
            per_page,
            total: page.total,
        },
    )))
}
