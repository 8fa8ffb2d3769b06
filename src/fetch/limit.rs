//! [`RateLimit`] and the limiter that enforces a provider's limits.

use std::collections::VecDeque;
use std::sync::{Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use crate::error::{Error, Result};

/// At most [`requests`](RateLimit::requests) requests in any window of
/// [`per`](RateLimit::per): FRED's 2 per second and 120 per minute, the
/// OECD's 60 per hour.
///
/// The limit holds for the service however long requests take: a request
/// counts from the moment it is sent until `per` after its response has
/// been received, so no `per`-long window at the server can see more than
/// `requests` arrivals, whatever the network delays (a window that sees a
/// request arrive starts after that request was sent, and the limiter
/// counted every request then in flight or answered less than `per` before).
///
/// # Example
/// ```
/// use std::time::Duration;
/// use econseries::fetch::RateLimit;
///
/// let fred = RateLimit::per_second(2)?;
/// assert_eq!((fred.requests(), fred.per()), (2, Duration::from_secs(1)));
/// assert!(RateLimit::new(0, Duration::from_secs(1)).is_err());
/// # Ok::<(), econseries::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct RateLimit {
    requests: u32,
    per: Duration,
}

impl RateLimit {
    /// At most `requests` requests in any window of `per`.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] if `requests` or `per` is zero.
    ///
    /// # Example
    /// ```
    /// use std::time::Duration;
    /// use econseries::fetch::RateLimit;
    ///
    /// let oecd = RateLimit::new(60, Duration::from_secs(3600))?;
    /// assert_eq!(oecd, RateLimit::per_hour(60)?);
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn new(requests: u32, per: Duration) -> Result<RateLimit> {
        if requests == 0 {
            return Err(Error::InvalidArgument {
                name: "requests",
                value: "0".to_owned().into(),
                expected: "at least one request per window",
            });
        }
        if per.is_zero() {
            return Err(Error::InvalidArgument {
                name: "per",
                value: "0s".to_owned().into(),
                expected: "a window longer than zero",
            });
        }
        Ok(RateLimit { requests, per })
    }

    /// At most `requests` a second.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] if `requests` is zero.
    ///
    /// # Example
    /// ```
    /// use econseries::fetch::RateLimit;
    ///
    /// assert_eq!(RateLimit::per_second(2)?.requests(), 2);
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn per_second(requests: u32) -> Result<RateLimit> {
        RateLimit::new(requests, Duration::from_secs(1))
    }

    /// At most `requests` a minute.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] if `requests` is zero.
    ///
    /// # Example
    /// ```
    /// use std::time::Duration;
    /// use econseries::fetch::RateLimit;
    ///
    /// assert_eq!(RateLimit::per_minute(120)?.per(), Duration::from_secs(60));
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn per_minute(requests: u32) -> Result<RateLimit> {
        RateLimit::new(requests, Duration::from_secs(60))
    }

    /// At most `requests` an hour.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] if `requests` is zero.
    ///
    /// # Example
    /// ```
    /// use std::time::Duration;
    /// use econseries::fetch::RateLimit;
    ///
    /// assert_eq!(RateLimit::per_hour(60)?.per(), Duration::from_secs(3600));
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn per_hour(requests: u32) -> Result<RateLimit> {
        RateLimit::new(requests, Duration::from_secs(3600))
    }

    /// The requests allowed in one window.
    pub const fn requests(self) -> u32 {
        self.requests
    }

    /// The window's length.
    pub const fn per(self) -> Duration {
        self.per
    }
}

/// The requests of one pool: those in flight, and when the last ones were
/// answered.
#[derive(Debug, Default)]
struct State {
    in_flight: usize,
    /// When recent requests were answered, oldest first; at most as many
    /// as the largest window allows.
    answered: VecDeque<Instant>,
}

/// Enforces a set of [`RateLimit`]s for every thread sharing it.
#[derive(Debug)]
pub(crate) struct Limiter {
    limits: Vec<RateLimit>,
    keep: usize,
    state: Mutex<State>,
    changed: Condvar,
}

/// A request admitted by a [`Limiter`]: it counts as in flight until
/// dropped, then as answered at that moment.
#[derive(Debug)]
pub(crate) struct Permit<'a> {
    limiter: &'a Limiter,
}

impl Limiter {
    /// A limiter enforcing every one of `limits` (none: no limit).
    pub(crate) fn new(limits: Vec<RateLimit>) -> Limiter {
        let keep = limits
            .iter()
            .map(|l| l.requests as usize)
            .max()
            .unwrap_or(0);
        Limiter {
            limits,
            keep,
            state: Mutex::new(State::default()),
            changed: Condvar::new(),
        }
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        // A thread that panicked while holding the lock left counts that are
        // still consistent (every update is a single push or decrement).
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Waits until one more request fits every limit, and admits it.
    pub(crate) fn acquire(&self) -> Permit<'_> {
        let mut state = self.lock();
        loop {
            match self.wait_needed(&state, Instant::now()) {
                None => break,
                Some(Wait::ForAnswer) => {
                    state = self.changed.wait(state).unwrap_or_else(|e| e.into_inner());
                }
                Some(Wait::Until(t)) => {
                    let d = t.saturating_duration_since(Instant::now());
                    state = self
                        .changed
                        .wait_timeout(state, d)
                        .map(|(s, _)| s)
                        .unwrap_or_else(|e| e.into_inner().0);
                }
            }
        }
        state.in_flight += 1;
        Permit { limiter: self }
    }

    /// What a new request at `now` must wait for, if anything.
    fn wait_needed(&self, state: &State, now: Instant) -> Option<Wait> {
        let mut until: Option<Instant> = None;
        for limit in &self.limits {
            let n = limit.requests as usize;
            if state.in_flight >= n {
                return Some(Wait::ForAnswer);
            }
            // The answers still inside the window, newest first: with
            // `in_flight` more, the new request must not be the (n+1)-th.
            let recent: Vec<Instant> = state
                .answered
                .iter()
                .rev()
                .copied()
                .take_while(|&t| now.saturating_duration_since(t) < limit.per)
                .collect();
            if state.in_flight + recent.len() >= n {
                // Wait until enough of them leave the window: the
                // (n - in_flight)-th newest must be a full window old.
                let k = n - state.in_flight;
                if let Some(&t) = recent.get(k - 1) {
                    let free = t + limit.per;
                    until = Some(until.map_or(free, |u| u.max(free)));
                }
            }
        }
        until.map(Wait::Until)
    }

    fn release(&self) {
        let mut state = self.lock();
        state.in_flight = state.in_flight.saturating_sub(1);
        state.answered.push_back(Instant::now());
        while state.answered.len() > self.keep {
            state.answered.pop_front();
        }
        drop(state);
        self.changed.notify_all();
    }
}

/// What an admission waits for.
enum Wait {
    /// A request in flight to be answered.
    ForAnswer,
    /// A moment when enough answers have left their window.
    Until(Instant),
}

impl Drop for Permit<'_> {
    fn drop(&mut self) {
        self.limiter.release();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    /// Sends `count` requests from `threads` threads, each "in flight" for
    /// `latency`, and returns the (send, answer) times.
    fn run(
        limits: Vec<RateLimit>,
        count: usize,
        threads: usize,
        latency: Duration,
    ) -> Vec<(Instant, Instant)> {
        let limiter = Arc::new(Limiter::new(limits));
        let out = Arc::new(Mutex::new(Vec::new()));
        let per_thread = count / threads;
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                let (limiter, out) = (limiter.clone(), out.clone());
                std::thread::spawn(move || {
                    for _ in 0..per_thread {
                        let permit = limiter.acquire();
                        let sent = Instant::now();
                        std::thread::sleep(latency);
                        let answered = Instant::now();
                        drop(permit);
                        out.lock().unwrap().push((sent, answered));
                    }
                })
            })
            .collect();
        for h in handles {
            h.join().unwrap();
        }
        let mut v = Arc::try_unwrap(out).unwrap().into_inner().unwrap();
        v.sort();
        v
    }

    /// The most requests whose [sent, answered] spans could all meet one
    /// window of `per` (the server's worst case: every arrival as early or
    /// late as the span allows).
    fn worst_window(spans: &[(Instant, Instant)], per: Duration) -> usize {
        spans
            .iter()
            .map(|&(_, a)| {
                // A window [a, a + per): requests whose span overlaps it.
                spans
                    .iter()
                    .filter(|&&(s, e)| e >= a && s < a + per)
                    .count()
            })
            .max()
            .unwrap_or(0)
    }

    #[test]
    fn never_more_than_the_limit_in_any_window() {
        let per = Duration::from_millis(20);
        let limit = RateLimit::new(3, per).unwrap();
        let spans = run(vec![limit], 60, 4, Duration::from_millis(2));
        assert_eq!(spans.len(), 60);
        assert!(
            worst_window(&spans, per) <= 3,
            "{}",
            worst_window(&spans, per)
        );
        // And not much slower than the limit: 60 requests, 3 per 20 ms
        // (plus latency) take at least 19 windows.
        let took = spans.last().unwrap().1 - spans.first().unwrap().0;
        assert!(took >= per * 19, "{took:?}");
    }

    #[test]
    fn two_windows_both_hold() {
        let short = RateLimit::new(2, Duration::from_millis(10)).unwrap();
        let long = RateLimit::new(5, Duration::from_millis(100)).unwrap();
        let spans = run(vec![short, long], 12, 2, Duration::from_millis(1));
        assert!(worst_window(&spans, short.per()) <= 2);
        assert!(worst_window(&spans, long.per()) <= 5);
    }

    #[test]
    fn no_limit_no_wait() {
        let spans = run(Vec::new(), 100, 2, Duration::ZERO);
        let took = spans.last().unwrap().1 - spans.first().unwrap().0;
        assert!(took < Duration::from_secs(1));
    }
}
