//! The retry decision, as a pure function: given the attempt, what failed and how long this
//! request has waited so far, wait how long — or give up, and why. No clock, no randomness
//! (the jitter is an argument), so every branch is unit-tested.
//!
//! Policy: 429, every 5xx, connection failures and timeouts are retried up to `--retries`
//! times. The wait is the provider's `Retry-After` when it sends one, else exponential backoff
//! with full jitter (a random share of [`BACKOFF_BASE`] × 2^attempt, at most [`MAX_BACKOFF`]).
//! No single wait exceeds [`MAX_RETRY_WAIT`], and a request stops being retried once its waits
//! would pass [`MAX_TOTAL_WAIT`], so a run never hangs on a provider that asks for hours.

use std::time::Duration;

/// The first backoff's upper bound; each retry doubles it.
pub const BACKOFF_BASE: Duration = Duration::from_millis(100);
/// The most a backoff grows to.
pub const MAX_BACKOFF: Duration = Duration::from_secs(10);
/// The longest single wait before a retry; a `Retry-After` beyond it fails at once.
pub const MAX_RETRY_WAIT: Duration = Duration::from_secs(60);
/// The most one request waits between its attempts, in all.
pub const MAX_TOTAL_WAIT: Duration = Duration::from_secs(120);

/// Whether a failed attempt may succeed when tried again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Retryable {
    /// It will fail the same way: a 4xx, a body that does not parse, a bad redirect.
    No,
    /// A 5xx or a network failure, with the provider's `Retry-After` if it sent one.
    After(Option<Duration>),
    /// A 429: slow every request down, then retry (after `Retry-After`, if sent).
    RateLimited(Option<Duration>),
}

/// What to do after a failed attempt.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decision {
    /// Wait this long, then send again; `rate_limited` says to hold every request meanwhile.
    Retry {
        wait: Duration,
        rate_limited: bool,
    },
    GiveUp(GiveUp),
}

/// Why a request is not retried.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GiveUp {
    NotRetryable,
    /// `--retries` retries were made.
    OutOfRetries,
    /// The wait asked for (`Retry-After`) is longer than [`MAX_RETRY_WAIT`].
    WaitTooLong(Duration),
    /// The wait would take the request past [`MAX_TOTAL_WAIT`].
    BudgetSpent,
}

/// Decides after attempt number `attempt` (from 1) failed as `failure`, with `retries`
/// allowed, `waited` spent waiting so far, and `jitter` a number in `[0, 1)`.
pub fn decide(
    attempt: u32,
    retries: u32,
    failure: Retryable,
    waited: Duration,
    jitter: f64,
) -> Decision {
    let (asked, rate_limited) = match failure {
        Retryable::No => return Decision::GiveUp(GiveUp::NotRetryable),
        Retryable::After(asked) => (asked, false),
        Retryable::RateLimited(asked) => (asked, true),
    };
    if attempt > retries {
        return Decision::GiveUp(GiveUp::OutOfRetries);
    }
    let wait = asked.unwrap_or_else(|| backoff(attempt, jitter));
    if wait > MAX_RETRY_WAIT {
        return Decision::GiveUp(GiveUp::WaitTooLong(wait));
    }
    if waited.saturating_add(wait) > MAX_TOTAL_WAIT {
        return Decision::GiveUp(GiveUp::BudgetSpent);
    }
    Decision::Retry { wait, rate_limited }
}

/// Full jitter: `jitter` of the attempt's exponential bound.
fn backoff(attempt: u32, jitter: f64) -> Duration {
    let bound = BACKOFF_BASE
        .saturating_mul(1 << attempt.min(16))
        .min(MAX_BACKOFF);
    bound.mul_f64(jitter.clamp(0.0, 1.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    const S: fn(u64) -> Duration = Duration::from_secs;

    #[test]
    fn what_will_fail_again_is_not_retried() {
        assert_eq!(
            decide(1, 3, Retryable::No, Duration::ZERO, 0.5),
            Decision::GiveUp(GiveUp::NotRetryable)
        );
    }

    #[test]
    fn retries_stop_after_the_allowed_number() {
        let failure = Retryable::After(None);
        assert!(matches!(
            decide(3, 3, failure, Duration::ZERO, 0.5),
            Decision::Retry { .. }
        ));
        assert_eq!(
            decide(4, 3, failure, Duration::ZERO, 0.5),
            Decision::GiveUp(GiveUp::OutOfRetries)
        );
        assert_eq!(
            decide(1, 0, failure, Duration::ZERO, 0.5),
            Decision::GiveUp(GiveUp::OutOfRetries)
        );
    }

    #[test]
    fn retry_after_is_honoured_and_a_429_holds_everyone() {
        assert_eq!(
            decide(1, 3, Retryable::After(Some(S(7))), Duration::ZERO, 0.9),
            Decision::Retry {
                wait: S(7),
                rate_limited: false
            }
        );
        assert_eq!(
            decide(
                1,
                3,
                Retryable::RateLimited(Some(S(0))),
                Duration::ZERO,
                0.9
            ),
            Decision::Retry {
                wait: S(0),
                rate_limited: true
            }
        );
    }

    #[test]
    fn backoff_is_a_jittered_share_of_a_doubling_bound() {
        let wait = |attempt, jitter| match decide(
            attempt,
            20,
            Retryable::After(None),
            Duration::ZERO,
            jitter,
        ) {
            Decision::Retry { wait, .. } => wait,
            other => panic!("{other:?}"),
        };
        assert_eq!(wait(1, 0.5), Duration::from_millis(100));
        assert_eq!(wait(2, 0.5), Duration::from_millis(200));
        assert_eq!(wait(3, 0.0), Duration::ZERO);
        assert_eq!(wait(3, 1.0), Duration::from_millis(800));
        assert_eq!(wait(12, 1.0), MAX_BACKOFF);
        assert_eq!(wait(20, 1.0), MAX_BACKOFF);
    }

    #[test]
    fn no_single_wait_and_no_request_waits_too_long() {
        assert_eq!(
            decide(
                1,
                3,
                Retryable::RateLimited(Some(S(3600))),
                Duration::ZERO,
                0.5
            ),
            Decision::GiveUp(GiveUp::WaitTooLong(S(3600)))
        );
        assert!(matches!(
            decide(
                1,
                3,
                Retryable::After(Some(MAX_RETRY_WAIT)),
                Duration::ZERO,
                0.5
            ),
            Decision::Retry { .. }
        ));
        assert_eq!(
            decide(2, 3, Retryable::After(Some(S(30))), S(100), 0.5),
            Decision::GiveUp(GiveUp::BudgetSpent)
        );
        assert!(matches!(
            decide(2, 3, Retryable::After(Some(S(20))), S(100), 0.5),
            Decision::Retry { .. }
        ));
    }
}
