//! Streaks: "a fourth straight monthly decline".

use super::detector::Detector;
use super::event::{Direction, Event, EventKind};
use crate::error::Result;
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

/// Streaks: "a fourth straight monthly decline".
///
/// With [`StreakBasis::Change`] ([`Streaks::changes`]), period `t` is a
/// rise if `x(t) > x(t − 1)` and a fall if `x(t) < x(t − 1)`, the previous
/// *calendar* period; with [`StreakBasis::Sign`] ([`Streaks::signs`]), a
/// rise if `x(t) > 0` and a fall if `x(t) < 0`. A period that is neither (no
/// change, a zero, a missing value or a missing previous value) ends the
/// run: a streak never spans a gap.
///
/// Every period of a run has an event counting the run so far: the third
/// straight fall has `length` 3 and is compared with the run's first
/// period; the run's last event is its full length.
///
/// # Example
/// ```
/// use econseries::{Month, Series};
/// use econseries::detect::{Detector, Direction, EventKind, Streaks};
///
/// let jan = Month::new(2025, 1)?;
/// let s = Series::from_values(jan, [10.0, 9.0, 8.5, 8.0, 8.0, 9.0])?;
/// let runs = Streaks::changes().detect(&s)?;
/// assert_eq!(runs.len(), 4); // three falls, then (after a flat month) a rise
/// assert_eq!(runs[2].kind, EventKind::Streak { direction: Direction::Down, length: 3, change: Some(-2.0) });
/// assert_eq!((runs[2].period, runs[2].compared_with), (jan + 3, Some(jan + 1)));
/// assert_eq!((runs[3].period, runs[3].compared_with), (jan + 5, Some(jan + 5)));
/// # Ok::<(), econseries::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Streaks {
    basis: StreakBasis,
}

impl Streaks {
    /// Streaks on `basis`.
    pub const fn new(basis: StreakBasis) -> Streaks {
        Streaks { basis }
    }

    /// Runs of rises and falls of a level: [`StreakBasis::Change`].
    pub const fn changes() -> Streaks {
        Streaks::new(StreakBasis::Change)
    }

    /// Runs of positive and negative values of a growth series:
    /// [`StreakBasis::Sign`].
    pub const fn signs() -> Streaks {
        Streaks::new(StreakBasis::Sign)
    }

    /// The basis.
    pub const fn basis(&self) -> StreakBasis {
        self.basis
    }

    /// The event at slot `i` of a run in `direction` that started at slot
    /// `first`.
    fn event<P: Period, U: Value>(
        &self,
        series: &Series<P, U>,
        direction: Direction,
        first: usize,
        i: usize,
    ) -> Option<Event<P>> {
        let values = series.raw();
        let change = match self.basis {
            // A Change run's first slot has a present previous value.
            StreakBasis::Change => first
                .checked_sub(1)
                .and_then(|b| Some(values.get(i)? - values.get(b)?))
                .filter(|c| c.is_finite()),
            StreakBasis::Sign => None,
        };
        Some(Event::new(
            series.period(i),
            *values.get(i)?,
            EventKind::Streak {
                direction,
                length: i - first + 1,
                change,
            },
            Some(series.period(first)),
        ))
    }
}

impl<P: Period, U: Value> Detector<P, U> for Streaks {
    fn detect(&self, series: &Series<P, U>) -> Result<Vec<Event<P>>> {
        let values = series.raw();
        let mut out = Vec::new();
        // The run being built: (direction, first index).
        let mut run: Option<(Direction, usize)> = None;
        for i in 0..values.len() {
            let d = step(values, i, self.basis);
            run = match (run, d) {
                (Some((r, first)), Some(d)) if r == d => Some((r, first)),
                (_, Some(d)) => Some((d, i)),
                (_, None) => None,
            };
            if let Some((d, first)) = run {
                out.extend(self.event(series, d, first, i));
            }
        }
        Ok(out)
    }

    fn detect_at(&self, series: &Series<P, U>, at: P) -> Result<Vec<Event<P>>> {
        let values = series.raw();
        let Some(end) = series.position(at) else {
            return Ok(Vec::new());
        };
        let Some(d) = step(values, end, self.basis) else {
            return Ok(Vec::new());
        };
        let mut first = end;
        while first > 0 && step(values, first - 1, self.basis) == Some(d) {
            first -= 1;
        }
        Ok(self.event(series, d, first, end).into_iter().collect())
    }
}

/// The events that end their run: those whose next event is not the same
/// run one period on. For a streak or a recession, the whole run.
#[cfg(any(feature = "plot", test))]
pub(crate) fn run_ends<P: Period>(events: &[Event<P>]) -> impl Iterator<Item = &Event<P>> {
    events
        .iter()
        .enumerate()
        .filter(move |(i, e)| {
            events.get(i + 1).is_none_or(|next| {
                next.compared_with != e.compared_with
                    || next.kind.name() != e.kind.name()
                    || next.period.periods_since(e.period) != 1
            })
        })
        .map(|(_, e)| e)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Month;

    fn lengths(events: &[Event<Month>]) -> Vec<(Direction, usize)> {
        run_ends(events)
            .map(|e| match e.kind {
                EventKind::Streak {
                    direction, length, ..
                } => (direction, length),
                _ => unreachable!(),
            })
            .collect()
    }

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
        let events = Streaks::changes().detect(&s).unwrap();
        // 2020-02..03 up; 2020-04 missing, 2020-05 has no previous value; 2020-06 up; 2020-07 flat.
        assert_eq!(lengths(&events), [(Direction::Up, 2), (Direction::Up, 1)]);
        let ends: Vec<_> = run_ends(&events).collect();
        assert_eq!(
            (ends[0].compared_with, ends[0].period),
            (Some(jan + 1), jan + 2)
        );
        assert!(matches!(
            ends[0].kind,
            EventKind::Streak {
                change: Some(2.0),
                ..
            }
        ));
        assert!(
            Streaks::changes()
                .detect_at(&s, jan + 6)
                .unwrap()
                .is_empty()
        );
        for e in &events {
            assert_eq!(Streaks::changes().detect_at(&s, e.period).unwrap(), [*e]);
        }
    }

    #[test]
    fn sign_basis() {
        let jan = Month::new(2020, 1).unwrap();
        let s: Series<Month> = Series::from_values(jan, [-1.0, -2.0, 0.0, -3.0, 4.0, 5.0]).unwrap();
        let events = Streaks::signs().detect(&s).unwrap();
        assert_eq!(
            lengths(&events),
            [
                (Direction::Down, 2),
                (Direction::Down, 1),
                (Direction::Up, 2)
            ]
        );
        assert!(
            events
                .iter()
                .all(|e| matches!(e.kind, EventKind::Streak { change: None, .. }))
        );
        let empty = Series::<Month>::empty(jan);
        assert!(Streaks::signs().detect(&empty).unwrap().is_empty());
    }
}
