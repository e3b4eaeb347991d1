//! Walks a provider's session list for `sessions list`: one page, or as many pages as
//! `--limit` needs, handing each session to the renderer as its page arrives.
//!
//! The provider says how it pages ([`Paging`]); this module drives it, so a provider that
//! returns its whole list at once and one with numbered pages share one loop.

use crate::error::Error;
use crate::http::Client;
use crate::provider::{Filters, PageRequest, Paging};
use crate::session::Session;

/// What part of the list to fetch.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Plan {
    /// Exactly one numbered page.
    Page { page: u32, per_page: u32 },
    /// The first `n` sessions, with the largest pages the provider allows.
    Limit(u64),
}

/// What the walk saw, for the note about sessions left out.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Outcome {
    /// Sessions handed to `emit`.
    pub emitted: u64,
    /// The provider's total, when it says.
    pub total: Option<u64>,
    /// The last page's number, when the provider pages by number.
    pub last_page: Option<u32>,
    /// Whether the provider may hold more sessions than were emitted.
    pub more: bool,
}

/// Fetches the planned pages in order, calling `emit` for each session.
pub async fn paginate(
    client: &Client,
    filters: &Filters,
    plan: Plan,
    mut emit: impl FnMut(Session) -> std::io::Result<()>,
) -> Result<Outcome, Error> {
    let provider = client.provider();
    let mut outcome = Outcome::default();
    let (mut page, per_page, limit) = match (plan, provider.paging()) {
        (Plan::Page { page, per_page }, _) => (page, per_page, None),
        (Plan::Limit(n), Paging::Numbered { max_per_page }) => {
            (1, u32::try_from(n).unwrap_or(u32::MAX).min(max_per_page), Some(n))
        }
        (Plan::Limit(n), Paging::Whole) => (1, 0, Some(n)),
    };
    loop {
        let request = match provider.paging() {
            Paging::Numbered { .. } => PageRequest::Number { page, per_page },
            Paging::Whole => PageRequest::Whole,
        };
        let listed = client
            .fetch(&provider.list_request(filters, request), |body| provider.parse_list(body))
            .await?;
        outcome.total = listed.total;
        outcome.last_page = listed.last_page;
        let received = listed.sessions.len();
        for session in listed.sessions {
            if limit.is_some_and(|n| outcome.emitted >= n) {
                outcome.more = true;
                break;
            }
            emit(session)?;
            outcome.emitted += 1;
        }
        let last_page = match (provider.paging(), listed.last_page) {
            (Paging::Whole, _) => true,
            (Paging::Numbered { .. }, Some(last_page)) => page >= last_page,
            // Without a page count, a short page is the last one.
            (Paging::Numbered { .. }, None) => received < per_page as usize,
        };
        if last_page || received == 0 {
            break;
        }
        if limit.is_none_or(|n| outcome.emitted >= n) {
            outcome.more = true;
            break;
        }
        page += 1;
    }
    Ok(outcome)
}
