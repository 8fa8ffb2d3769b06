//! Declines: "the first contraction since …", "imports fell for the first
//! time since …".

use super::detector::Detector;
use super::event::{Event, EventKind};
use crate::error::Result;
use crate::period::Period;
use crate::series::Series;
use crate::unit::Percent;

/// Declines: every period whose level is strictly below the previous
/// calendar period's, or (on a growth series) whose growth is below zero,
/// as a [`Decline`](EventKind::Decline) event compared with the previous
/// decline ("the first contraction since …" when that is more than one
/// period back).
///
/// The two forms give the same periods for the same data: a level falls
/// exactly when its period-on-period growth (plain or annualised) is
/// negative. On year-on-year growth they give "the first year-on-year
/// decline since …". A zero change is not a decline; a missing value on
/// either side is not one either, and declines are compared across gaps.
///
/// # Example
/// ```
/// use econseries::{Quarter, Series};
/// use econseries::detect::{Declines, Detector};
///
/// let q = Quarter::new(2021, 4)?;
/// let gdp = Series::from_values(q, [100.0, 99.0, 99.5, 100.0, 101.0, 100.5])?;
/// let d = Declines.detect(&gdp)?;
/// assert_eq!(d.len(), 2);
/// assert_eq!((d[1].period, d[1].compared_with), (q + 5, Some(q + 1))); // the first since 2022-Q1
/// let growth = gdp.pca();
/// assert_eq!(Declines.detect(&growth)?.iter().map(|e| e.period).collect::<Vec<_>>(), [q + 1, q + 5]);
/// # Ok::<(), econseries::Error>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Declines;

/// Decline events at the slots where `declined(i)` holds.
pub(crate) fn declines<P: Period, U: crate::unit::Value>(
    series: &Series<P, U>,
    declined: impl Fn(usize) -> bool,
) -> Vec<Event<P>> {
    let mut out = Vec::new();
    let mut previous = None;
    for (i, &x) in series.raw().iter().enumerate() {
        if declined(i) {
            let period = series.period(i);
            out.push(Event::new(period, x, EventKind::Decline, previous));
            previous = Some(period);
        }
    }
    out
}

/// Whether the level at slot `i` is below the one before (false where
/// either is missing).
pub(crate) fn level_fell(values: &[f64], i: usize) -> bool {
    match (i.checked_sub(1).and_then(|j| values.get(j)), values.get(i)) {
        (Some(&before), Some(&now)) => now < before,
        _ => false,
    }
}

impl<P: Period> Detector<P> for Declines {
    fn detect(&self, level: &Series<P>) -> Result<Vec<Event<P>>> {
        let values = level.raw();
        Ok(declines(level, |i| level_fell(values, i)))
    }
}

impl<P: Period> Detector<P, Percent> for Declines {
    fn detect(&self, growth: &Series<P, Percent>) -> Result<Vec<Event<P>>> {
        let values = growth.raw();
        Ok(declines(growth, |i| {
            values.get(i).is_some_and(|&x| x < 0.0)
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Quarter;

    #[test]
    fn gaps_are_not_declines_but_declines_compare_across_them() {
        let q = Quarter::new(2020, 1).unwrap();
        let s: Series<Quarter> =
            Series::from_options(q, [Some(3.0), Some(2.0), None, Some(1.0), Some(0.5)]).unwrap();
        let d = Declines.detect(&s).unwrap();
        assert_eq!(d.len(), 2);
        assert_eq!((d[0].period, d[0].compared_with), (q + 1, None));
        assert_eq!((d[1].period, d[1].compared_with), (q + 4, Some(q + 1)));
        assert_eq!(d[1].kind, EventKind::Decline);
    }
}
