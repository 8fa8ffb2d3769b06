//! Records: "the lowest since …", "the highest since …", "on record".

use super::detector::Detector;
use super::event::{Event, EventKind};
use crate::error::Result;
use crate::period::Period;
use crate::series::Series;
use crate::unit::Value;

/// Which extreme a record is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum Extreme {
    /// "Lowest since": an earlier value blocks if it is `<=` this one.
    Low,
    /// "Highest since": an earlier value blocks if it is `>=` this one.
    High,
}

/// Records: for every observation, the most recent earlier period whose
/// value was at least as extreme, as a [`Low`](EventKind::Low) or
/// [`High`](EventKind::High) event.
///
/// ```text
/// Low:  since(t) = max { s < t : x(s) present, x(s) <= x(t) }   (none: a record low)
/// High: since(t) = max { s < t : x(s) present, x(s) >= x(t) }   (none: a record high)
/// ```
///
/// Every observation gets an event, compared with `since(t)`, or for a
/// record with the first observed period, which is what "on record (since
/// …)" means; how far back that reaches is for the reader to judge ("the
/// lowest since last month" is not news, [`narrate`](crate::narrate) leaves
/// it out).
///
/// Ties block: an equal earlier value counts as "at least as low", so a
/// value that only equals the previous record is *not* a record. Missing
/// values are skipped: they are neither records nor blockers, and no event
/// is reported for them. A record is a record for the series' span so far;
/// it says nothing about history before the first observation.
///
/// Applied to a growth series this gives "the steepest decline since …"
/// (`low` on year-on-year growth: the last time growth was at least as
/// negative) and "the fastest growth since …" (`high`).
///
/// [`detect`](Detector::detect) is one pass with a monotonic stack: O(n)
/// for the whole series, however the values are ordered;
/// [`detect_at`](Detector::detect_at) one backward scan that stops at the
/// first blocker.
///
/// # Example
/// ```
/// use econseries::{Month, Series};
/// use econseries::detect::{Detector, Records};
///
/// let jan = Month::new(2025, 1)?;
/// let s = Series::from_options(jan, [Some(5.0), Some(3.0), None, Some(4.0), Some(3.0), Some(1.0)])?;
/// let lows = Records::low().detect(&s)?;
/// assert_eq!(lows.len(), 5); // the missing March is not an observation
/// assert_eq!(lows[2].period, jan + 3);
/// assert_eq!(lows[2].compared_with, Some(jan + 1)); // 4.0: lowest since February (3.0)
/// assert!(!lows[3].is_record()); // 3.0 ties February: not a record
/// assert!(lows[4].is_record()); // 1.0: a record low
/// assert_eq!(lows[4].compared_with, Some(jan)); // on record since January
/// # Ok::<(), econseries::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Records {
    extreme: Extreme,
}

impl Records {
    /// Records of `extreme`.
    pub const fn new(extreme: Extreme) -> Records {
        Records { extreme }
    }

    /// "The lowest since …": [`Extreme::Low`].
    pub const fn low() -> Records {
        Records::new(Extreme::Low)
    }

    /// "The highest since …": [`Extreme::High`].
    pub const fn high() -> Records {
        Records::new(Extreme::High)
    }

    /// Which extreme.
    pub const fn extreme(&self) -> Extreme {
        self.extreme
    }

    fn kind(&self, record: bool) -> EventKind {
        match self.extreme {
            Extreme::Low => EventKind::Low { record },
            Extreme::High => EventKind::High { record },
        }
    }
}

impl<P: Period, U: Value> Detector<P, U> for Records {
    fn detect(&self, series: &Series<P, U>) -> Result<Vec<Event<P>>> {
        let values = series.raw();
        let mut since = Vec::with_capacity(values.len());
        since_kernel(values, self.extreme, &mut since);
        let Some(first) = values.iter().position(|x| !x.is_nan()) else {
            return Ok(Vec::new());
        };
        let first = series.period(first);
        // Each slot's period is computed once and looked up for later
        // "since"s: building periods costs more than the stack itself.
        let periods: Vec<P> = (0..values.len()).map(|i| series.period(i)).collect();
        let mut out = Vec::with_capacity(values.len());
        for ((&x, &s), &period) in values.iter().zip(&since).zip(&periods) {
            if !x.is_nan() {
                let blocker = periods.get(s).copied();
                out.push(Event::new(
                    period,
                    x,
                    self.kind(blocker.is_none()),
                    blocker.or(Some(first)),
                ));
            }
        }
        Ok(out)
    }

    fn detect_at(&self, series: &Series<P, U>, at: P) -> Result<Vec<Event<P>>> {
        let values = series.raw();
        let Some(i) = series.position(at) else {
            return Ok(Vec::new());
        };
        let Some(&x) = values.get(i).filter(|x| !x.is_nan()) else {
            return Ok(Vec::new());
        };
        let before = values.get(..i).unwrap_or_default();
        let blocker = before.iter().rposition(|&y| blocks(y, x, self.extreme));
        let compared_with = match blocker {
            Some(s) => s,
            // A record: compared with the first observation (`at` itself
            // for the first one).
            None => before.iter().position(|y| !y.is_nan()).unwrap_or(i),
        };
        Ok(vec![Event::new(
            at,
            x,
            self.kind(blocker.is_none()),
            Some(series.period(compared_with)),
        )])
    }
}

/// No blocker.
pub(crate) const NONE: usize = usize::MAX;

/// Whether an earlier `y` is at least as extreme as `x`; false for NaN.
#[inline]
fn blocks(y: f64, x: f64, extreme: Extreme) -> bool {
    match extreme {
        Extreme::Low => y <= x,
        Extreme::High => y >= x,
    }
}

/// `out[i]` = the index of the last earlier non-NaN value at least as
/// extreme as `values[i]`, or [`NONE`] (also for NaN slots).
///
/// The stack holds, in order, the indices that can still block a later
/// value: once `x` arrives, an earlier value less extreme than `x` can never
/// be the answer again (`x` is later and blocks whatever it would block), so
/// it is popped. Each index is pushed and popped at most once: O(n).
pub(crate) fn since_kernel(values: &[f64], extreme: Extreme, out: &mut Vec<usize>) {
    out.clear();
    out.reserve(values.len());
    let mut stack: Vec<usize> = Vec::new();
    // Written twice rather than through a closure on `extreme` so that each
    // loop compiles to one comparison per step.
    match extreme {
        Extreme::Low => {
            for (i, &x) in values.iter().enumerate() {
                if x.is_nan() {
                    out.push(NONE);
                    continue;
                }
                // An index whose value is above x can never block a later
                // value that x does not already block (x is later and lower).
                while let Some(&top) = stack.last() {
                    if values.get(top).is_some_and(|&y| y > x) {
                        stack.pop();
                    } else {
                        break;
                    }
                }
                out.push(stack.last().copied().unwrap_or(NONE));
                stack.push(i);
            }
        }
        Extreme::High => {
            for (i, &x) in values.iter().enumerate() {
                if x.is_nan() {
                    out.push(NONE);
                    continue;
                }
                while let Some(&top) = stack.last() {
                    if values.get(top).is_some_and(|&y| y < x) {
                        stack.pop();
                    } else {
                        break;
                    }
                }
                out.push(stack.last().copied().unwrap_or(NONE));
                stack.push(i);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Month;

    /// The definition, scanned backwards from every point.
    fn brute(values: &[f64], extreme: Extreme) -> Vec<usize> {
        (0..values.len())
            .map(|i| {
                let x = values[i];
                if x.is_nan() {
                    return NONE;
                }
                values[..i]
                    .iter()
                    .rposition(|&y| blocks(y, x, extreme))
                    .unwrap_or(NONE)
            })
            .collect()
    }

    #[test]
    fn kernel_matches_the_definition_on_small_patterns() {
        // Every sequence of length 6 over {NaN, 0, 1, 2}: ties, missing, runs.
        let alphabet = [f64::NAN, 0.0, 1.0, 2.0];
        let mut out = Vec::new();
        for code in 0..4usize.pow(6) {
            let values: Vec<f64> = (0..6)
                .map(|k| alphabet[(code / 4usize.pow(k)) % 4])
                .collect();
            for extreme in [Extreme::Low, Extreme::High] {
                since_kernel(&values, extreme, &mut out);
                assert_eq!(out, brute(&values, extreme), "{values:?} {extreme:?}");
            }
        }
    }

    #[test]
    fn detect_at_agrees_with_detect() {
        let s: Series<Month> = Series::from_options(
            Month::new(2020, 1).unwrap(),
            [Some(3.0), None, Some(1.0), Some(2.0), Some(2.0), Some(0.5)],
        )
        .unwrap();
        for r in [Records::low(), Records::high()] {
            let all = r.detect(&s).unwrap();
            assert_eq!(all.len(), 5);
            for p in (0..8).map(|i| Month::new(2019, 12).unwrap() + i) {
                let at: Vec<_> = all.iter().filter(|e| e.period == p).copied().collect();
                assert_eq!(r.detect_at(&s, p).unwrap(), at, "{p}");
            }
        }
        let first = Records::low().detect(&s).unwrap()[0];
        assert!(first.is_record());
        assert_eq!(first.compared_with, Some(first.period));
        let empty = Series::<Month>::empty(Month::new(2020, 1).unwrap());
        assert!(Records::low().detect(&empty).unwrap().is_empty());
    }
}
