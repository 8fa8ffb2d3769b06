//! [`RealtimeInterval`]: the days on which a value was the published one.

use core::fmt;

use chrono::NaiveDate;

use crate::error::{Error, Result};

/// A closed interval of days, ALFRED's real-time period: the value of an
/// observation was the published one from [`start`](RealtimeInterval::start)
/// to [`end`](RealtimeInterval::end), both days included.
///
/// ALFRED marks a value that is still current with the end date `9999-12-31`
/// ([`RealtimeInterval::OPEN_END`]).
///
/// # Example
/// ```
/// use chrono::NaiveDate;
/// use econseries::vintage::RealtimeInterval;
///
/// let d = |s: &str| s.parse::<NaiveDate>();
/// let advance = RealtimeInterval::new(d("2025-04-30")?, d("2025-05-28")?)?;
/// assert!(advance.contains(d("2025-04-30")?) && advance.contains(d("2025-05-28")?));
/// assert!(!advance.contains(d("2025-05-29")?));
/// assert!(RealtimeInterval::from(d("2025-12-23")?).is_current());
/// assert!(RealtimeInterval::new(d("2025-05-28")?, d("2025-04-30")?).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RealtimeInterval {
    start: NaiveDate,
    end: NaiveDate,
}

impl RealtimeInterval {
    /// ALFRED's end date for a value that has not been superseded: `9999-12-31`.
    pub const OPEN_END: NaiveDate = match NaiveDate::from_ymd_opt(9999, 12, 31) {
        Some(d) => d,
        None => NaiveDate::MAX,
    };

    /// The interval from `start` to `end`, both included.
    ///
    /// # Errors
    /// [`Error::InvalidRealtime`] if `end` is before `start`.
    ///
    /// # Example
    /// ```
    /// use econseries::vintage::RealtimeInterval;
    /// let day = "2025-04-30".parse()?;
    /// assert_eq!(RealtimeInterval::new(day, day)?.start(), day);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(start: NaiveDate, end: NaiveDate) -> Result<RealtimeInterval> {
        if end < start {
            return Err(Error::InvalidRealtime { start, end });
        }
        Ok(RealtimeInterval { start, end })
    }

    /// The interval from `start` on, still current ([`OPEN_END`](Self::OPEN_END)).
    pub fn from(start: NaiveDate) -> RealtimeInterval {
        RealtimeInterval {
            start,
            end: Self::OPEN_END.max(start),
        }
    }

    /// The interval from `start` to `end` for callers that know `start <= end`;
    /// an inverted pair is clamped to the single day `start`.
    pub(crate) fn from_parts(start: NaiveDate, end: NaiveDate) -> RealtimeInterval {
        RealtimeInterval {
            start,
            end: end.max(start),
        }
    }

    /// The first day on which the value was the published one.
    pub fn start(self) -> NaiveDate {
        self.start
    }

    /// The last day on which the value was the published one.
    pub fn end(self) -> NaiveDate {
        self.end
    }

    /// Whether `date` lies in the interval (both ends included).
    pub fn contains(self, date: NaiveDate) -> bool {
        self.start <= date && date <= self.end
    }

    /// Whether the interval runs to [`OPEN_END`](Self::OPEN_END): the value
    /// had not been superseded when the data were retrieved.
    pub fn is_current(self) -> bool {
        self.end >= Self::OPEN_END
    }

    /// Whether the two intervals share a day.
    pub fn overlaps(self, other: RealtimeInterval) -> bool {
        self.start <= other.end && other.start <= self.end
    }
}

impl fmt::Display for RealtimeInterval {
    /// `2025-04-30..=2025-05-28`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..={}", self.start, self.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn closed_on_both_ends_and_overlap() {
        let a = RealtimeInterval::new(d("2025-01-01"), d("2025-01-31")).unwrap();
        let b = RealtimeInterval::new(d("2025-01-31"), d("2025-02-28")).unwrap();
        let c = RealtimeInterval::new(d("2025-02-01"), d("2025-02-28")).unwrap();
        assert!(a.overlaps(b) && b.overlaps(a));
        assert!(!a.overlaps(c) && !c.overlaps(a));
        assert_eq!(a.to_string(), "2025-01-01..=2025-01-31");
        assert!(!a.is_current());
        let e = RealtimeInterval::new(d("2025-02-01"), d("2025-01-31")).unwrap_err();
        assert!(matches!(e, Error::InvalidRealtime { .. }));
        assert_eq!(RealtimeInterval::OPEN_END, d("9999-12-31"));
    }
}
