//! [`Retry`]: how often and how long to try again.

use std::time::Duration;

/// When to try a request again: after HTTP 429 (too many requests), a
/// server error (5xx), a timeout or a broken connection, up to
/// [`attempts`](Retry::attempts) tries in all. The wait is the service's
/// `Retry-After` when it gives one (seconds or an HTTP date), else
/// exponential: [`first_wait`](Retry::first_wait), doubled after each
/// failure, at most [`longest_wait`](Retry::longest_wait). A `Retry-After`
/// longer than the longest wait ends the retries at once with
/// [`FetchProblem::RateLimited`](crate::error::FetchProblem::RateLimited)
/// naming it, rather than blocking for an hour. Every retry passes the
/// rate limiter again.
///
/// The defaults: 5 attempts, 1 s first wait, 60 s longest (so 1, 2, 4 and
/// 8 s without `Retry-After`, where fredr waits 20 s six times).
///
/// # Example
/// ```
/// use std::time::Duration;
/// use econseries::fetch::Retry;
///
/// let r = Retry::new().attempts(3).first_wait(Duration::from_millis(200));
/// assert_eq!(r.get_attempts(), 3);
/// assert_eq!(Retry::none().get_attempts(), 1);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Retry {
    attempts: u32,
    first_wait: Duration,
    longest_wait: Duration,
}

impl Default for Retry {
    fn default() -> Retry {
        Retry::new()
    }
}

impl Retry {
    /// 5 attempts, waits from 1 s doubling up to 60 s.
    pub const fn new() -> Retry {
        Retry {
            attempts: 5,
            first_wait: Duration::from_secs(1),
            longest_wait: Duration::from_secs(60),
        }
    }

    /// One attempt, no retry.
    pub const fn none() -> Retry {
        Retry::new().attempts(1)
    }

    /// At most `attempts` tries in all (0 is taken as 1).
    pub const fn attempts(mut self, attempts: u32) -> Retry {
        self.attempts = if attempts == 0 { 1 } else { attempts };
        self
    }

    /// The wait after the first failure when the service gives no
    /// `Retry-After`.
    pub const fn first_wait(mut self, wait: Duration) -> Retry {
        self.first_wait = wait;
        self
    }

    /// The longest wait between attempts; a `Retry-After` beyond it ends
    /// the retries.
    pub const fn longest_wait(mut self, wait: Duration) -> Retry {
        self.longest_wait = wait;
        self
    }

    /// The attempts in all.
    pub const fn get_attempts(&self) -> u32 {
        self.attempts
    }

    /// The first wait.
    pub const fn get_first_wait(&self) -> Duration {
        self.first_wait
    }

    /// The longest wait.
    pub const fn get_longest_wait(&self) -> Duration {
        self.longest_wait
    }
}
