//! [`Event`]: the one finding every detector reports.

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
    ///
    /// # Example
    /// ```
    /// use econseries::detect::Direction;
    /// assert_eq!(Direction::Down.name(), "down");
    /// ```
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
/// Every [`Detector`](super::Detector) yields events, and everything
/// downstream reads them: [`narrate`](crate::narrate) writes sentences,
/// charts mark them, panels tabulate them, vintages replay them as known on
/// a date. Nothing in `detect` produces text.
///
/// An event is about one period; a finding that spans periods (a streak, a
/// technical recession) has an event at each of its periods, counting so
/// far, so that the events at a period are all that is known there.
///
/// | kind | `value` | `compared_with` |
/// |---|---|---|
/// | [`Low`](EventKind::Low) / [`High`](EventKind::High) | the observation | the last earlier period at least as extreme; for a record, the first observed period |
/// | [`Streak`](EventKind::Streak) | the observation | the first period of the run |
/// | [`Crossing`](EventKind::Crossing) | the observation | the last earlier period on the new side (`None`: never before) |
/// | [`Decline`](EventKind::Decline) | the observation | the previous decline (`None`: none earlier) |
/// | [`TechnicalRecession`](EventKind::TechnicalRecession) | the observation | the first period of decline |
/// | [`Sahm`](EventKind::Sahm) | S(t) in percentage points | `None` |
/// | [`Peak`](EventKind::Peak) / [`Trough`](EventKind::Trough) | the observation | the previous turning point (`None` for the first) |
/// | [`Anomaly`](EventKind::Anomaly) | the observation | the first period of the trailing window |
/// | [`Shift`](EventKind::Shift) | the observation (the first of the new segment) | the first period of the previous segment |
///
/// # Example
/// ```
/// use econseries::{Month, Series};
/// use econseries::detect::{Detector, EventKind, Records};
///
/// let s = Series::from_values(Month::new(2025, 1)?, [3.0, 1.0, 2.0, 0.5])?;
/// let events = Records::low().detect(&s)?;
/// assert_eq!(events[3].kind, EventKind::Low { record: true });
/// assert_eq!(events[3].compared_with, Some(Month::new(2025, 1)?)); // the span's start
/// assert_eq!(events[2].compared_with, Some(Month::new(2025, 2)?)); // lowest since February
/// # Ok::<(), econseries::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
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
    /// An event: for findings of your own, to chart or tabulate them with
    /// the detectors' ones.
    ///
    /// # Example
    /// ```
    /// use econseries::Quarter;
    /// use econseries::detect::{Event, EventKind};
    ///
    /// let q = Quarter::new(2020, 2)?;
    /// let trough = Event::new(q, 19_056.6, EventKind::Trough, Some(q - 1));
    /// assert_eq!(trough.periods_back(), Some(1));
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn new(period: P, value: f64, kind: EventKind, compared_with: Option<P>) -> Event<P> {
        Event {
            period,
            value,
            kind,
            compared_with,
        }
    }

    /// How many periods back the comparison reaches (`period −
    /// compared_with`), `None` without a comparison: how far back "the lowest
    /// since …" goes.
    ///
    /// # Example
    /// ```
    /// use econseries::{Month, Series};
    /// use econseries::detect::{Detector, Records};
    ///
    /// let jan = Month::new(2025, 1)?;
    /// let s = Series::from_values(jan, [2.0, 5.0, 3.0, 4.0])?;
    /// let high = Records::high().detect_at(&s, jan + 3)?;
    /// assert_eq!(high[0].periods_back(), Some(2)); // highest since February
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn periods_back(&self) -> Option<i32> {
        self.compared_with.map(|p| self.period.periods_since(p))
    }

    /// Whether the event is a record: a [`Low`](EventKind::Low) or
    /// [`High`](EventKind::High) that no earlier value matched.
    ///
    /// # Example
    /// ```
    /// use econseries::{Month, Series};
    /// use econseries::detect::{Detector, Records};
    ///
    /// let s = Series::from_values(Month::new(2025, 1)?, [3.0, 1.0, 2.0])?;
    /// let lows = Records::low().detect(&s)?;
    /// assert_eq!(lows.iter().map(|e| e.is_record()).collect::<Vec<_>>(), [true, true, false]);
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn is_record(&self) -> bool {
        matches!(
            self.kind,
            EventKind::Low { record: true } | EventKind::High { record: true }
        )
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
        /// The number of consecutive periods so far, this one included.
        length: usize,
        /// For a run of changes ([`StreakBasis::Change`](super::StreakBasis::Change)),
        /// the cumulative change since the period before the run; `None` for
        /// a run of signs.
        change: Option<f64>,
    },
    /// The series crossed `threshold` in `direction`.
    Crossing {
        /// Up: from below to above; down: from above to below.
        direction: Direction,
        /// The level crossed.
        threshold: f64,
    },
    /// A decline: a level below the previous period's, or a growth rate
    /// below zero. Whether it is a contraction (output) or a fall (trade,
    /// prices) is a matter of words, for [`narrate`](crate::narrate).
    Decline,
    /// The `length`-th consecutive quarterly decline, from the second on: a
    /// technical recession by the rule of thumb of two.
    TechnicalRecession {
        /// The number of consecutive declines so far (at least 2).
        length: usize,
    },
    /// A Sahm-rule reading.
    Sahm {
        /// Whether S(t) reached the threshold.
        signal: bool,
        /// How many of the twelve prior three-month averages the minimum was
        /// taken over.
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
    /// A change point: the first period of a segment whose fit differs from
    /// the one before.
    Shift {
        /// The fit of the previous segment.
        before: Fit,
        /// The fit of the segment starting here.
        after: Fit,
        /// Why the change was declared.
        evidence: Evidence,
    },
}

impl EventKind {
    /// The snake-case name of the kind, as the CLI, panels and JSON write it:
    /// `low`, `high`, `streak`, `crossing`, `decline`, `technical_recession`,
    /// `sahm`, `peak`, `trough`, `anomaly` or `shift`.
    ///
    /// # Example
    /// ```
    /// use econseries::detect::EventKind;
    /// assert_eq!(EventKind::TechnicalRecession { length: 2 }.name(), "technical_recession");
    /// ```
    pub const fn name(&self) -> &'static str {
        match self {
            EventKind::Low { .. } => "low",
            EventKind::High { .. } => "high",
            EventKind::Streak { .. } => "streak",
            EventKind::Crossing { .. } => "crossing",
            EventKind::Decline => "decline",
            EventKind::TechnicalRecession { .. } => "technical_recession",
            EventKind::Sahm { .. } => "sahm",
            EventKind::Peak => "peak",
            EventKind::Trough => "trough",
            EventKind::Anomaly { .. } => "anomaly",
            EventKind::Shift { .. } => "shift",
        }
    }

    /// The kind's data as named fields, for tables (the CLI's CSV, a panel's
    /// frame): `record`; `direction`, `length`, `change`; `direction`,
    /// `threshold`; `length`; `signal`, `prior`; `z`; `before_mean`,
    /// `after_mean` (and `before_variance`, `after_variance`,
    /// `before_slope`, `after_slope` where the fit has them), then the
    /// evidence (`penalty`, `p_value`, or `probability` and `delay`). An
    /// absent optional value is left out.
    ///
    /// # Example
    /// ```
    /// use econseries::detect::{Direction, EventKind, FieldValue};
    ///
    /// let k = EventKind::Streak { direction: Direction::Down, length: 4, change: None };
    /// assert_eq!(k.fields(), [("direction", FieldValue::Text("down")), ("length", FieldValue::Count(4))]);
    /// ```
    pub fn fields(&self) -> Vec<(&'static str, FieldValue)> {
        use FieldValue::{Count, Flag, Number, Text};
        match *self {
            EventKind::Low { record } | EventKind::High { record } => {
                vec![("record", Flag(record))]
            }
            EventKind::Streak {
                direction,
                length,
                change,
            } => {
                let mut f = vec![
                    ("direction", Text(direction.name())),
                    ("length", Count(length)),
                ];
                if let Some(c) = change {
                    f.push(("change", Number(c)));
                }
                f
            }
            EventKind::Crossing {
                direction,
                threshold,
            } => vec![
                ("direction", Text(direction.name())),
                ("threshold", Number(threshold)),
            ],
            EventKind::Decline | EventKind::Peak | EventKind::Trough => Vec::new(),
            EventKind::TechnicalRecession { length } => vec![("length", Count(length))],
            EventKind::Sahm { signal, prior } => {
                vec![
                    ("signal", Flag(signal)),
                    ("prior", Count(usize::from(prior))),
                ]
            }
            EventKind::Anomaly { z } => vec![("z", Number(z))],
            EventKind::Shift {
                before,
                after,
                evidence,
            } => {
                let mut f = vec![
                    ("before_mean", Number(before.mean)),
                    ("after_mean", Number(after.mean)),
                ];
                for (name, v) in [
                    ("before_variance", before.variance),
                    ("after_variance", after.variance),
                    ("before_slope", before.slope),
                    ("after_slope", after.slope),
                ] {
                    if let Some(v) = v {
                        f.push((name, Number(v)));
                    }
                }
                match evidence {
                    Evidence::Penalised { penalty } => f.push(("penalty", Number(penalty))),
                    Evidence::PValue { p_value } => f.push(("p_value", Number(p_value))),
                    Evidence::Online { probability, delay } => {
                        f.push(("probability", Number(probability)));
                        f.push(("delay", Count(delay)));
                    }
                }
                f
            }
        }
    }
}

/// One field of [`EventKind::fields`].
#[derive(Clone, Copy, Debug, PartialEq)]
#[non_exhaustive]
pub enum FieldValue {
    /// A yes/no flag.
    Flag(bool),
    /// A count (a length, a number of averages).
    Count(usize),
    /// A number.
    Number(f64),
    /// A word (`up`, `down`).
    Text(&'static str),
}

/// A segment's fitted parameters, for [`EventKind::Shift`].
#[derive(Clone, Copy, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct Fit {
    /// The segment's mean (for a trend, the mean of its fitted line; for a
    /// Poisson rate, the rate).
    pub mean: f64,
    /// The segment's variance, for the costs that fit one.
    pub variance: Option<f64>,
    /// The slope per period, for a change in trend.
    pub slope: Option<f64>,
}

impl Fit {
    /// A fit.
    ///
    /// # Example
    /// ```
    /// use econseries::detect::Fit;
    /// let f = Fit::new(2.5, Some(0.25), None);
    /// assert_eq!((f.mean, f.variance, f.slope), (2.5, Some(0.25), None));
    /// ```
    pub const fn new(mean: f64, variance: Option<f64>, slope: Option<f64>) -> Fit {
        Fit {
            mean,
            variance,
            slope,
        }
    }
}

/// Why a change point was declared, for [`EventKind::Shift`].
#[derive(Clone, Copy, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(tag = "type", rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Evidence {
    /// A penalised search (PELT, FPOP, binary segmentation, optimal
    /// partitioning) found that the change lowers the total cost by more
    /// than `penalty`.
    Penalised {
        /// The penalty per change, in cost units.
        penalty: f64,
    },
    /// A test of one change (CUSUM) rejected no change at this p-value.
    PValue {
        /// The p-value.
        p_value: f64,
    },
    /// An online detector (Bayesian online change points) moved its most
    /// probable segment start here, `delay` periods later.
    Online {
        /// The posterior probability of the run length that starts here, at
        /// the observation where it became the most probable.
        probability: f64,
        /// How many periods after the change it was detected.
        delay: usize,
    },
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Month;

    #[test]
    fn event_size() {
        // Records yield one event per observation, so an event's size is
        // the memory a detection over 10 million points writes (1.28 GB at
        // 128 bytes, most of it the change-point variant's two fits): do not
        // let it grow unnoticed.
        assert!(core::mem::size_of::<Event<Month>>() <= 128);
    }
}
