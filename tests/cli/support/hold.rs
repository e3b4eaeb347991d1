//! Holding requests at a fake until something has happened (so many requests are in flight,
//! the test has read a line) rather than for a while: a loaded machine can make any "while"
//! too short, but not an event.
//!
//! A hold waits at most [`HANG_GUARD`], only so that a CLI which never sends what the test
//! waits for fails the test instead of hanging it; no passing run comes near it.

use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};

pub use super::server::HANG_GUARD;

/// Holds the first `parties` requests that reach it until all of them are there at once,
/// then lets them go together; later requests pass straight through. Used in a handler, it
/// proves that `parties` requests were in flight at once, whatever the machine's speed.
pub struct Barrier {
    parties: usize,
    state: Mutex<BarrierState>,
    changed: Condvar,
}

#[derive(Default)]
struct BarrierState {
    /// Requests that reached the barrier while it was holding.
    arrived: usize,
    /// Requests waiting at it now.
    waiting: usize,
    /// The most that ever waited at once.
    most: usize,
    /// All `parties` waited at once.
    met: bool,
    /// A party gave up after [`HANG_GUARD`]: nobody is held any more.
    broken: bool,
}

impl Barrier {
    pub fn new(parties: usize) -> Self {
        assert!(parties > 0, "a barrier for nobody");
        Self {
            parties,
            state: Mutex::default(),
            changed: Condvar::new(),
        }
    }

    /// Waits here if this is one of the first `parties` arrivals, until all of them are here,
    /// and returns `true`; returns `false` at once for a later arrival. A party that waits
    /// [`HANG_GUARD`] in vain goes on, and so does everyone after it; [`met`](Self::met)
    /// then stays `false`.
    pub fn arrive(&self) -> bool {
        let mut state = lock(&self.state);
        if state.met || state.broken || state.arrived == self.parties {
            return false;
        }
        state.arrived += 1;
        state.waiting += 1;
        state.most = state.most.max(state.waiting);
        if state.waiting == self.parties {
            state.met = true;
            self.changed.notify_all();
        }
        let (mut state, waited) = self
            .changed
            .wait_timeout_while(state, HANG_GUARD, |s| !s.met && !s.broken)
            .unwrap_or_else(PoisonError::into_inner);
        if waited.timed_out() {
            state.broken = true;
            self.changed.notify_all();
        }
        state.waiting -= 1;
        true
    }

    /// Whether all the parties were held at once.
    pub fn met(&self) -> bool {
        lock(&self.state).met
    }

    /// The most requests that were ever held at once, for a failure's message.
    pub fn most_held(&self) -> usize {
        lock(&self.state).most
    }
}

/// A hold that something else opens (the test, or another request's handler); requests
/// that wait at it go on once it is open, and pass straight through afterwards.
#[derive(Default)]
pub struct Gate {
    open: Mutex<bool>,
    opened: Condvar,
}

impl Gate {
    /// Waits until the gate is open; fails (the handler, and so the request) after
    /// [`HANG_GUARD`].
    pub fn wait(&self) {
        let open = lock(&self.open);
        let (_open, waited) = self
            .opened
            .wait_timeout_while(open, HANG_GUARD, |open| !*open)
            .unwrap_or_else(PoisonError::into_inner);
        assert!(!waited.timed_out(), "the gate was never opened");
    }

    pub fn open(&self) {
        *lock(&self.open) = true;
        self.opened.notify_all();
    }
}

/// A panicking holder must not wedge every other request.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::super::server::{FakeServer, Reply};
    use super::*;

    #[test]
    fn a_barrier_holds_its_parties_until_all_are_there() {
        let barrier = Barrier::new(3);
        let held = std::thread::scope(|scope| {
            let parties: Vec<_> = (0..3).map(|_| scope.spawn(|| barrier.arrive())).collect();
            parties
                .into_iter()
                .map(|party| party.join().unwrap())
                .collect::<Vec<_>>()
        });
        assert_eq!(held, [true, true, true]);
        assert!(barrier.met());
        assert_eq!(barrier.most_held(), 3);
        assert!(!barrier.arrive(), "a later arrival passes straight through");
    }

    #[test]
    fn a_gate_lets_through_once_open() {
        let gate = Gate::default();
        std::thread::scope(|scope| {
            let waiter = scope.spawn(|| gate.wait());
            gate.open();
            waiter.join().unwrap();
        });
        gate.wait();
    }

    #[test]
    fn handlers_held_at_a_barrier_hold_up_no_other_request() {
        // More handlers held at once than the fake has async workers: if handlers ran on the
        // workers, the third request would never be read and the barrier never met.
        let barrier = Arc::new(Barrier::new(3));
        let held = Arc::clone(&barrier);
        let server = FakeServer::start(move |_| {
            held.arrive();
            Reply::text(200, "text/plain", "together")
        });
        std::thread::scope(|scope| {
            let clients: Vec<_> = (0..3)
                .map(|_| scope.spawn(|| server.get("/", &[]).expect("GET")))
                .collect();
            for client in clients {
                let (status, _, body) = client.join().expect("client thread");
                assert_eq!((status, body.as_str()), (200, "together"));
            }
        });
        assert!(
            barrier.met(),
            "{} handlers ran at once",
            barrier.most_held()
        );
        assert_eq!(server.max_in_flight(), 3);
    }
}
