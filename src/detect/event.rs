//! [`Event`]: the one structured finding every detector can report.

use crate::period::Period;

/// A direction: up (a rise, a crossing from below) or down (a fall, a
/// crossing from above).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum Direction {
    /// A rise, or a crossing from below to above.
    Up,
    /// A fall, or a crossing from above to below.
    Down,
}

impl Direction {
    /// The lowercase name: `up` or `down`.
    pub const fn name(self) -> &'static str {
        match self {
            Direction::Up => "up",
            Direction::Down => "down",
        }
    }
}

/// What a detector found at a period, as data: the period, the value there,
/// what kind of finding it is, and the period it is compared with.
///
/// Every detector's result converts into events (an `event` method), and
/// [`narrate`](crate::narrate) turns events into sentences; nothing in
/// `detect` produces text.
///
/// | kind | `value` | `compared_with` |
/// |---|---|---|
/// | [`Low`](EventKind::Low) / [`High`](EventKind::High) | the observation | the last earlier period at least as extreme; for a record, the first period of the series |
/// | [`Streak`](EventKind::Streak) | the observation | the first period of the run |
/// | [`Crossing`](EventKind::Crossing) | the observation | the last earlier period on the new side (`None`: never before) |
/// | [`Contraction`](EventKind::Contraction) | the observation | the previous contraction (`None`: none earlier) |
/// | [`TechnicalRecession`](EventKind::TechnicalRecession) | the last period's observation | the first period of the recession |
/// | [`Sahm`](EventKind::Sahm) | S(t) in percentage points | `None` |
/// | [`Peak`](EventKind::Peak) / [`Trough`](EventKind::Trough) | the level | the previous turning point (`None` for the first) |
/// | [`Anomaly`](EventKind::Anomaly) | the observation | the first period of the trailing window |
///
/// # Example
/// ```
/// use econseries::{Month, Series};
/// use econseries::detect::{records, EventKind, Extreme};
///
/// let s = Series::from_values(Month::new(2025, 1)?, [3.0, 1.0, 2.0, 0.5])?;
/// let events: Vec<_> = records(&s, Extreme::Low).iter().map(|r| r.event(&s, Extreme::Low)).collect();
/// assert_eq!(events[3].kind, EventKind::Low { record: true });
/// assert_eq!(events[3].compared_with, Some(Month::new(2025, 1)?)); // the span's start
/// assert_eq!(events[2].compared_with, Some(Month::new(2025, 2)?)); // lowest since February
/// # Ok::<(), econseries::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Event<P: Period> {
    /// The period the finding is about.
    pub period: P,
    /// The value at that period (see the table for which value).
    pub value: f64,
    /// What was found.
    pub kind: EventKind,
    /// The period it is compared with (see the table).
    pub compared_with: Option<P>,
}

impl<P: Period> Event<P> {
    /// An event.
    pub fn new(period: P, value: f64, kind: EventKind, compared_with: Option<P>) -> Event<P> {
        Event {
            period,
            value,
            kind,
            compared_with,
        }
    }
}

/// The kinds of [`Event`].
#[derive(Clone, Copy, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(tag = "type", rename_all = "snake_case"))]
#[non_exhaustive]
pub enum EventKind {
    /// The lowest value since `compared_with`; `record` if no earlier value
    /// was as low.
    Low {
        /// No earlier value of the series is at least as low.
        record: bool,
    },
    /// The highest value since `compared_with`; `record` if no earlier value
    /// was as high.
    High {
        /// No earlier value of the series is at least as high.
        record: bool,
    },
    /// The `length`-th consecutive rise or fall.
    Streak {
        /// Rises or falls.
        direction: Direction,
        /// The number of consecutive periods, this one included.
        length: usize,
    },
    /// The series crossed `threshold` in `direction`.
    Crossing {
        /// Up: from below to above; down: from above to below.
        direction: Direction,
        /// The level crossed.
        threshold: f64,
    },
    /// A period-on-period decline of the level.
    Contraction,
    /// Two or more consecutive period-on-period declines, ending here.
    TechnicalRecession {
        /// The number of consecutive declines.
        length: usize,
    },
    /// A Sahm-rule reading.
    Sahm {
        /// Whether S(t) reached the threshold.
        signal: bool,
        /// How many of the twelve prior three-month averages the minimum was taken over.
        prior: u8,
    },
    /// A cyclical peak.
    Peak,
    /// A cyclical trough.
    Trough,
    /// An outlier against a trailing window.
    Anomaly {
        /// The robust z-score.
        z: f64,
    },
}
