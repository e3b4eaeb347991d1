//! Pacing shared by every request: how many may be in flight, and when the next may start.
//!
//! Two limits meet here. The *concurrency* limit starts at `--concurrency` and halves on
//! each 429, so a busy provider sees fewer requests at once. The *budget* comes from the
//! provider's rate-limit headers: when it says no requests remain in the current window,
//! requests wait for the window to reset instead of running into a wall of 429s. A 429's
//! `Retry-After` pauses everyone, not just the request that got it.
//!
//! The budget is estimated conservatively: a reported `remaining` is lowered by the requests
//! still in flight (the server may not have counted them yet), and each request sent spends
//! one from the estimate until the next report.

use std::sync::{Mutex, PoisonError};
use std::time::Duration;

use reqwest::header::HeaderMap;
use tokio::sync::Notify;
use tokio::time::Instant;

/// Extra wait past a reported reset, for clocks that disagree by a little.
const RESET_MARGIN: Duration = Duration::from_millis(50);

/// The longest a rate-limit window is waited for: a reset further away is waited for this
/// long, then requests try again (and a 429 then goes through the retry policy).
const MAX_RESET_WAIT: Duration = Duration::from_secs(120);

pub struct Pacer {
    state: Mutex<State>,
    changed: Notify,
}

struct State {
    limit: usize,
    in_flight: usize,
    /// No request starts before this (a 429's `Retry-After`, or an exhausted window).
    not_before: Option<Instant>,
    budget: Option<Budget>,
}

/// What the provider's headers said about the current window.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Budget {
    remaining: u64,
    reset_at: Instant,
}

/// A rate-limit report read from response headers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RateLimit {
    pub remaining: u64,
    /// Time until the window resets.
    pub reset_in: Duration,
}

/// A slot to send one request; dropping it frees the slot.
pub struct Slot<'a> {
    pacer: &'a Pacer,
}

impl Drop for Slot<'_> {
    fn drop(&mut self) {
        self.pacer.lock().in_flight -= 1;
        self.pacer.changed.notify_waiters();
    }
}

impl Pacer {
    pub fn new(concurrency: usize) -> Self {
        Self {
            state: Mutex::new(State {
                limit: concurrency.max(1),
                in_flight: 0,
                not_before: None,
                budget: None,
            }),
            changed: Notify::new(),
        }
    }

    /// Waits until a request may start, and takes a slot for it.
    pub async fn acquire(&self) -> Slot<'_> {
        loop {
            let changed = self.changed.notified();
            tokio::pin!(changed);
            changed.as_mut().enable();
            let wait_until = {
                let mut state = self.lock();
                let now = Instant::now();
                if state.not_before.is_some_and(|t| t <= now) {
                    state.not_before = None;
                }
                if state.budget.is_some_and(|b| b.reset_at <= now) {
                    // A new window: its budget is unknown until the next report.
                    state.budget = None;
                }
                let exhausted = state
                    .budget
                    .filter(|b| b.remaining == 0)
                    .map(|b| b.reset_at);
                match state.not_before.or(exhausted) {
                    Some(until) => Some(until),
                    None if state.in_flight < state.limit => {
                        state.in_flight += 1;
                        if let Some(budget) = &mut state.budget {
                            budget.remaining -= 1;
                        }
                        return Slot { pacer: self };
                    }
                    None => None,
                }
            };
            match wait_until {
                Some(until) => {
                    tokio::select! {
                        () = tokio::time::sleep_until(until) => {}
                        () = &mut changed => {}
                    }
                }
                None => changed.await,
            }
        }
    }

    /// Records a rate-limit report from a response.
    pub fn observe(&self, report: RateLimit) {
        let mut state = self.lock();
        let reset_at = Instant::now() + report.reset_in.min(MAX_RESET_WAIT) + RESET_MARGIN;
        // Requests still in flight (other than the one reporting) may not be counted yet.
        let remaining = report
            .remaining
            .saturating_sub(state.in_flight.saturating_sub(1) as u64);
        state.budget = Some(match state.budget {
            // The same window: trust the lower of what we counted and what it says.
            Some(old) if reset_at <= old.reset_at + Duration::from_secs(1) => Budget {
                remaining: remaining.min(old.remaining),
                reset_at: old.reset_at.max(reset_at),
            },
            _ => Budget {
                remaining,
                reset_at,
            },
        });
        drop(state);
        self.changed.notify_waiters();
    }

    /// After a 429: halve the concurrency, and hold every request for `wait`. A burst of 429s
    /// to requests sent together halves it once, not once each.
    pub fn back_off(&self, wait: Duration) -> usize {
        let mut state = self.lock();
        if state.not_before.is_none_or(|t| t <= Instant::now()) {
            state.limit = (state.limit / 2).max(1);
        }
        let until = Instant::now() + wait;
        state.not_before = Some(state.not_before.map_or(until, |t| t.max(until)));
        let limit = state.limit;
        drop(state);
        self.changed.notify_waiters();
        limit
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// Reads a rate-limit report from either documented header style: AgentHuman's
/// `X-RateLimit-Remaining` / `X-RateLimit-Reset` (a Unix time), or the IETF draft's
/// `RateLimit-Remaining` / `RateLimit-Reset` (seconds from now) that Anam uses.
pub fn read_rate_limit(headers: &HeaderMap, now_unix: u64) -> Option<RateLimit> {
    let number =
        |name: &str| -> Option<u64> { headers.get(name)?.to_str().ok()?.trim().parse().ok() };
    if let (Some(remaining), Some(reset)) =
        (number("ratelimit-remaining"), number("ratelimit-reset"))
    {
        return Some(RateLimit {
            remaining,
            reset_in: Duration::from_secs(reset),
        });
    }
    let remaining = number("x-ratelimit-remaining")?;
    let reset = number("x-ratelimit-reset")?;
    // A Unix time; a small number is a server that sends seconds-from-now instead.
    let reset_in = if reset > 1_000_000_000 {
        reset.saturating_sub(now_unix)
    } else {
        reset
    };
    Some(RateLimit {
        remaining,
        reset_in: Duration::from_secs(reset_in),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderValue;

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.insert(*name, HeaderValue::from_str(value).unwrap());
        }
        map
    }

    #[test]
    fn reads_both_header_styles() {
        let ietf = headers(&[("RateLimit-Remaining", "7"), ("RateLimit-Reset", "30")]);
        assert_eq!(
            read_rate_limit(&ietf, 0),
            Some(RateLimit {
                remaining: 7,
                reset_in: Duration::from_secs(30)
            })
        );
        let unix = headers(&[
            ("X-RateLimit-Remaining", "0"),
            ("X-RateLimit-Reset", "1700000042"),
        ]);
        assert_eq!(
            read_rate_limit(&unix, 1_700_000_000),
            Some(RateLimit {
                remaining: 0,
                reset_in: Duration::from_secs(42)
            })
        );
        assert_eq!(
            read_rate_limit(&headers(&[("X-RateLimit-Remaining", "3")]), 0),
            None
        );
        assert_eq!(
            read_rate_limit(
                &headers(&[("RateLimit-Remaining", "x"), ("RateLimit-Reset", "1")]),
                0
            ),
            None
        );
    }

    #[tokio::test(start_paused = true)]
    async fn concurrency_is_bounded_and_halves() {
        let pacer = Pacer::new(3);
        let slots: Vec<_> = [
            pacer.acquire().await,
            pacer.acquire().await,
            pacer.acquire().await,
        ]
        .into();
        let fourth = tokio::time::timeout(Duration::from_secs(1), pacer.acquire()).await;
        assert!(fourth.is_err(), "a fourth slot while three are held");
        drop(slots);
        assert_eq!(pacer.back_off(Duration::ZERO), 1);
        let _one = pacer.acquire().await;
        assert!(
            tokio::time::timeout(Duration::from_secs(1), pacer.acquire())
                .await
                .is_err()
        );
    }

    #[tokio::test(start_paused = true)]
    async fn an_exhausted_budget_waits_for_the_reset() {
        let pacer = Pacer::new(8);
        drop(pacer.acquire().await);
        pacer.observe(RateLimit {
            remaining: 1,
            reset_in: Duration::from_secs(10),
        });
        let started = Instant::now();
        drop(pacer.acquire().await); // spends the last one
        assert!(started.elapsed() < Duration::from_millis(1));
        drop(pacer.acquire().await); // waits for the window
        assert!(
            started.elapsed() >= Duration::from_secs(10),
            "{:?}",
            started.elapsed()
        );
    }

    #[tokio::test(start_paused = true)]
    async fn a_back_off_holds_every_request() {
        let pacer = Pacer::new(4);
        let started = Instant::now();
        assert_eq!(pacer.back_off(Duration::from_secs(3)), 2);
        drop(pacer.acquire().await);
        assert!(started.elapsed() >= Duration::from_secs(3));
    }
}
