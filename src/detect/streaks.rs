//! Streaks: "a fourth straight monthly decline".

use super::event::{Direction, Event, EventKind};
use crate::period::Period;
use crate::series::Series;
use crate::unit::Value;

/// What makes a period a rise or a fall in a streak.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum StreakBasis {
    /// The level's change from the previous period: `x(t) > x(t − 1)` is a
    /// rise, `<` a fall (levels, indices, rates).
    Change,
    /// The value's sign: positive is a rise, negative a fall (a growth
    /// series: "a third month of year-on-year decline").
    Sign,
}

/// A run of consecutive rises or falls.
#[derive(Clone, Copy, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Streak<P: Period> {
    /// Rises or falls.
    pub direction: Direction,
    /// The first period of the run (the first rise or fall).
    pub start: P,
    /// The last period of the run.
    pub end: P,
    /// The number of periods in the run.
    pub length: usize,
    /// For [`StreakBasis::Change`], the cumulative change over the run,
    /// `x(end) − x(start − 1)`; `None` for [`StreakBasis::Sign`].
    pub change: Option<f64>,
}

impl<P: Period> Streak<P> {
    /// The streak as an [`Event`] at its last period, of kind
    /// [`EventKind::Streak`], compared with its first period; `value` is
    /// the observation at `end` in `series`.
    pub fn event<U: Value>(&self, series: &Series<P, U>) -> Event<P> {
        Event::new(
            self.end,
            series.get(self.end).map_or(f64::NAN, Value::get),
            EventKind::Streak {
                direction: self.direction,
                length: self.length,
            },
            Some(self.start),
        )
    }
}

/// Every maximal run of consecutive rises or falls in `series`.
///
/// With [`StreakBasis::Change`], period `t` is a rise if `x(t) > x(t − 1)`
/// and a fall if `x(t) < x(t − 1)`, the previous *calendar* period; with
/// [`StreakBasis::Sign`], a rise if `x(t) > 0` and a fall if `x(t) < 0`.
/// A period that is neither (no change, a zero, a missing value or a
/// missing previous value) ends the run: a streak never spans a gap.
///
/// # Example
/// ```
/// use econseries::{Month, Series};
/// use econseries::detect::{streaks, Direction, StreakBasis};
///
/// let jan = Month::new(2025, 1)?;
/// let s = Series::from_values(jan, [10.0, 9.0, 8.5, 8.0, 8.0, 9.0])?;
/// let runs = streaks(&s, StreakBasis::Change);
/// assert_eq!(runs.len(), 2);
/// assert_eq!((runs[0].direction, runs[0].start, runs[0].length), (Direction::Down, jan + 1, 3));
/// assert_eq!(runs[0].change, Some(-2.0));
/// assert_eq!((runs[1].direction, runs[1].start, runs[1].length), (Direction::Up, jan + 5, 1));
/// # Ok::<(), econseries::Error>(())
/// ```
pub fn streaks<P: Period, U: Value>(series: &Series<P, U>, basis: StreakBasis) -> Vec<Streak<P>> {
    let values = series.raw();
    let mut out = Vec::new();
    // The run being built: (direction, first index).
    let mut run: Option<(Direction, usize)> = None;
    for i in 0..=values.len() {
        let step = if i < values.len() {
            step(values, i, basis)
        } else {
            None
        };
        match (run, step) {
            (Some((d, _)), Some(s)) if d == s => {}
            _ => {
                if let Some((d, first)) = run {
                    out.push(make(series, basis, d, first, i - 1));
                }
                run = step.map(|s| (s, i));
            }
        }
    }
    out
}

/// The run of rises or falls that ends at `at`, counted from its start to
/// `at` (so "the n-th straight decline" at `at`); `None` if `at` is neither
/// a rise nor a fall, or lies outside the series.
///
/// # Example
/// ```
/// use econseries::{Month, Series};
/// use econseries::detect::{streak_at, Direction, StreakBasis};
///
/// let jan = Month::new(2025, 1)?;
/// let yoy = Series::from_values(jan, [1.0, -0.5, -2.0, -3.0, 0.5])?;
/// let run = streak_at(&yoy, StreakBasis::Sign, jan + 3).ok_or("no streak")?;
/// assert_eq!((run.direction, run.start, run.length), (Direction::Down, jan + 1, 3));
/// assert!(streak_at(&yoy, StreakBasis::Change, jan).is_none()); // no previous value
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn streak_at<P: Period, U: Value>(
    series: &Series<P, U>,
    basis: StreakBasis,
    at: P,
) -> Option<Streak<P>> {
    let values = series.raw();
    let end = series.position(at)?;
    let d = step(values, end, basis)?;
    let mut first = end;
    while first > 0 && step(values, first - 1, basis) == Some(d) {
        first -= 1;
    }
    Some(make(series, basis, d, first, end))
}

/// Whether slot `i` is a rise or a fall.
fn step(values: &[f64], i: usize, basis: StreakBasis) -> Option<Direction> {
    let x = *values.get(i)?;
    let reference = match basis {
        StreakBasis::Sign => 0.0,
        StreakBasis::Change => *values.get(i.checked_sub(1)?)?,
    };
    // NaN compares false both ways: a missing value is neither.
    if x > reference {
        Some(Direction::Up)
    } else if x < reference {
        Some(Direction::Down)
    } else {
        None
    }
}

fn make<P: Period, U: Value>(
    series: &Series<P, U>,
    basis: StreakBasis,
    direction: Direction,
    first: usize,
    last: usize,
) -> Streak<P> {
    let values = series.raw();
    let change = match basis {
        // A Change run's first slot has a present previous value.
        StreakBasis::Change => first
            .checked_sub(1)
            .and_then(|b| Some(values.get(last)? - values.get(b)?)),
        StreakBasis::Sign => None,
    };
    Streak {
        direction,
        start: series.period(first),
        end: series.period(last),
        length: last - first + 1,
        change,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Month;

    #[test]
    fn gaps_and_flats_end_runs() {
        let jan = Month::new(2020, 1).unwrap();
        let s: Series<Month> = Series::from_options(
            jan,
            [
                Some(1.0),
                Some(2.0),
                Some(3.0),
                None,
                Some(4.0),
                Some(5.0),
                Some(5.0),
            ],
        )
        .unwrap();
        let runs = streaks(&s, StreakBasis::Change);
        // 2020-02..03 up; 2020-04 missing, 2020-05 has no previous value; 2020-06 up; 2020-07 flat.
        assert_eq!(runs.len(), 2);
        assert_eq!(
            (runs[0].start, runs[0].end, runs[0].length),
            (jan + 1, jan + 2, 2)
        );
        assert_eq!(runs[0].change, Some(2.0));
        assert_eq!((runs[1].start, runs[1].length), (jan + 5, 1));
        assert!(streak_at(&s, StreakBasis::Change, jan + 6).is_none());
        for r in &runs {
            let at = streak_at(&s, StreakBasis::Change, r.end).unwrap();
            assert_eq!(at, *r);
        }
    }

    #[test]
    fn sign_basis() {
        let jan = Month::new(2020, 1).unwrap();
        let s: Series<Month> = Series::from_values(jan, [-1.0, -2.0, 0.0, -3.0, 4.0, 5.0]).unwrap();
        let runs = streaks(&s, StreakBasis::Sign);
        let summary: Vec<_> = runs.iter().map(|r| (r.direction, r.length)).collect();
        assert_eq!(
            summary,
            [
                (Direction::Down, 2),
                (Direction::Down, 1),
                (Direction::Up, 2)
            ]
        );
        assert!(runs.iter().all(|r| r.change.is_none()));
        assert_eq!(
            runs[2].event(&s).kind,
            EventKind::Streak {
                direction: Direction::Up,
                length: 2
            }
        );
        assert!(streaks(&Series::<Month>::empty(jan), StreakBasis::Sign).is_empty());
    }
}
