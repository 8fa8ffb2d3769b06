//! Records: "the lowest since …", "the highest since …", "on record".

use super::event::{Event, EventKind};
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

/// The record status of one observation: the most recent earlier period
/// whose value was at least as extreme.
#[derive(Clone, Copy, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Record<P: Period, U: Value = f64> {
    /// The period of the observation.
    pub period: P,
    /// The observation.
    pub value: U,
    /// The last earlier period with a value at least as extreme (`<=` for
    /// [`Extreme::Low`], `>=` for [`Extreme::High`]); `None` if there is
    /// none, which makes the observation a record for the series so far.
    pub since: Option<P>,
}

impl<P: Period, U: Value> Record<P, U> {
    /// Whether no earlier value was at least as extreme.
    pub fn is_record(&self) -> bool {
        self.since.is_none()
    }

    /// The record as an [`Event`] of kind [`EventKind::Low`] or
    /// [`EventKind::High`] (by `extreme`); a record is compared with the first
    /// observed period of `series`, which is what "on record (since …)" means.
    pub fn event(&self, series: &Series<P, U>, extreme: Extreme) -> Event<P> {
        let record = self.is_record();
        let kind = match extreme {
            Extreme::Low => EventKind::Low { record },
            Extreme::High => EventKind::High { record },
        };
        let compared_with = if record {
            series.first_valid()
        } else {
            self.since
        };
        Event::new(self.period, self.value.get(), kind, compared_with)
    }
}

/// For every observation of `series`, the most recent earlier period whose
/// value was at least as extreme.
///
/// ```text
/// Low:  since(t) = max { s < t : x(s) present, x(s) <= x(t) }   (none: a record low)
/// High: since(t) = max { s < t : x(s) present, x(s) >= x(t) }   (none: a record high)
/// ```
///
/// Ties block: an equal earlier value counts as "at least as low", so a
/// value that only equals the previous record is *not* a record. Missing
/// values are skipped: they are neither records nor blockers, and no record
/// is reported for them. A record is a record for the series' span so far;
/// it says nothing about history before the first observation.
///
/// Applied to a change series this gives "the steepest decline since …"
/// (`Low` on year-on-year growth: the last time growth was at least as
/// negative) and "the fastest growth since …" (`High`).
///
/// One pass with a monotonic stack: O(n) time and O(n) extra space for the
/// whole series, however the values are ordered.
///
/// # Example
/// ```
/// use econseries::{Month, Series};
/// use econseries::detect::{records, Extreme};
///
/// let jan = Month::new(2025, 1)?;
/// let s = Series::from_options(jan, [Some(5.0), Some(3.0), None, Some(4.0), Some(3.0), Some(1.0)])?;
/// let lows = records(&s, Extreme::Low);
/// assert_eq!(lows.len(), 5); // the missing March is not an observation
/// assert_eq!(lows[2].period, jan + 3);
/// assert_eq!(lows[2].since, Some(jan + 1)); // 4.0: lowest since February (3.0)
/// assert_eq!(lows[3].since, Some(jan + 1)); // 3.0 ties February: not a record
/// assert!(lows[4].is_record()); // 1.0: a record low
/// # Ok::<(), econseries::Error>(())
/// ```
pub fn records<P: Period, U: Value>(series: &Series<P, U>, extreme: Extreme) -> Vec<Record<P, U>> {
    let values = series.raw();
    let mut since = Vec::with_capacity(values.len());
    since_kernel(values, extreme, &mut since);
    // Each slot's period is computed once and looked up for later "since"s:
    // building periods costs more than the stack itself.
    let periods: Vec<P> = (0..values.len()).map(|i| series.period(i)).collect();
    let mut out = Vec::with_capacity(values.len());
    for ((&x, &s), &period) in values.iter().zip(&since).zip(&periods) {
        if !x.is_nan() {
            out.push(Record {
                period,
                value: U::wrap(x),
                since: periods.get(s).copied(),
            });
        }
    }
    out
}

/// The record status of the observation at `at`: `None` if `at` is outside
/// the series or its value is missing. Same definition as [`records`]; one
/// backward scan, stopping at the first blocker.
///
/// # Example
/// ```
/// use econseries::{Month, Series};
/// use econseries::detect::{record_at, Extreme};
///
/// let jan = Month::new(2025, 1)?;
/// let s = Series::from_values(jan, [2.0, 5.0, 3.0, 4.0])?;
/// let r = record_at(&s, Extreme::High, jan + 3).ok_or("missing")?;
/// assert_eq!(r.since, Some(jan + 1)); // highest since February
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn record_at<P: Period, U: Value>(
    series: &Series<P, U>,
    extreme: Extreme,
    at: P,
) -> Option<Record<P, U>> {
    let i = series.position(at)?;
    let values = series.raw();
    let x = *values.get(i)?;
    if x.is_nan() {
        return None;
    }
    let since = values
        .get(..i)
        .unwrap_or_default()
        .iter()
        .rposition(|&y| blocks(y, x, extreme))
        .map(|s| series.period(s));
    Some(Record {
        period: at,
        value: U::wrap(x),
        since,
    })
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
    fn record_at_agrees_with_records() {
        let s: Series<Month> = Series::from_options(
            Month::new(2020, 1).unwrap(),
            [Some(3.0), None, Some(1.0), Some(2.0), Some(2.0), Some(0.5)],
        )
        .unwrap();
        for extreme in [Extreme::Low, Extreme::High] {
            for r in records(&s, extreme) {
                assert_eq!(record_at(&s, extreme, r.period), Some(r));
            }
        }
        assert_eq!(
            record_at(&s, Extreme::Low, Month::new(2020, 2).unwrap()),
            None
        );
        assert_eq!(
            record_at(&s, Extreme::Low, Month::new(2030, 2).unwrap()),
            None
        );
        assert!(
            records(
                &Series::<Month>::empty(Month::new(2020, 1).unwrap()),
                Extreme::Low
            )
            .is_empty()
        );
    }
}
