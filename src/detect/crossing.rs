//! Threshold crossings: "back above 50 for the first time since …".

use super::event::{Direction, Event, EventKind};
use crate::error::{Error, Result};
use crate::indicator::ConfidenceIndex;
use crate::period::Period;
use crate::series::Series;
use crate::unit::Value;

/// A crossing of a threshold between two observations.
#[derive(Clone, Copy, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Crossing<P: Period> {
    /// The first period on the new side.
    pub period: P,
    /// The value there.
    pub value: f64,
    /// Up: from below to above; down: from above to below.
    pub direction: Direction,
    /// The level crossed.
    pub threshold: f64,
    /// The last observation on the old side (earlier missing values are
    /// skipped, so this may be more than one period back).
    pub from: P,
    /// The last earlier period that was on the new side, `None` if the
    /// series had never been there: "above 50 for the first time since …".
    pub last_on_side: Option<P>,
}

impl<P: Period> Crossing<P> {
    /// The number of periods since the series was last on the new side.
    pub fn periods_away(&self) -> Option<i32> {
        self.last_on_side.map(|p| self.period.periods_since(p))
    }

    /// The crossing as an [`Event`] of kind [`EventKind::Crossing`], compared
    /// with the last period on the new side.
    pub fn event(&self) -> Event<P> {
        Event::new(
            self.period,
            self.value,
            EventKind::Crossing {
                direction: self.direction,
                threshold: self.threshold,
            },
            self.last_on_side,
        )
    }
}

/// Every crossing of `threshold` in `series`.
///
/// A value is *above* if it is strictly greater than the threshold and
/// *below* if strictly less; a value exactly at the threshold touches it
/// without crossing and leaves the side unchanged. Missing values are
/// skipped: a crossing compares with the last observation, which
/// [`Crossing::from`] names. The first observation starts on its side
/// without a crossing.
///
/// # Errors
/// [`Error::NotFinite`] if `threshold` is NaN or infinite.
///
/// # Example
/// ```
/// use econseries::{Month, Series};
/// use econseries::detect::{crossings, Direction};
///
/// let jan = Month::new(2025, 1)?;
/// let pmi = Series::from_options(jan, [Some(51.0), Some(49.5), Some(50.0), None, Some(50.2), Some(48.0)])?;
/// let c = crossings(&pmi, 50.0)?;
/// assert_eq!(c.len(), 3);
/// assert_eq!((c[0].period, c[0].direction), (jan + 1, Direction::Down));
/// assert_eq!((c[1].period, c[1].from, c[1].last_on_side), (jan + 4, jan + 1, Some(jan)));
/// assert_eq!(c[2].periods_away(), Some(4)); // below 50 for the first time since February
/// # Ok::<(), econseries::Error>(())
/// ```
pub fn crossings<P: Period, U: Value>(
    series: &Series<P, U>,
    threshold: f64,
) -> Result<Vec<Crossing<P>>> {
    if !threshold.is_finite() {
        return Err(Error::NotFinite { value: threshold });
    }
    let mut out = Vec::new();
    // (side is above, last period on that side), and the last period below / above.
    let mut side: Option<(bool, usize)> = None;
    let mut last_above: Option<usize> = None;
    let mut last_below: Option<usize> = None;
    for (i, &x) in series.raw().iter().enumerate() {
        let now = if x > threshold {
            Some(true)
        } else if x < threshold {
            Some(false)
        } else {
            // Missing (NaN) or exactly at the threshold: no side.
            None
        };
        let Some(above) = now else { continue };
        if let Some((was_above, from)) = side
            && was_above != above
        {
            let before = if above { last_above } else { last_below };
            out.push(Crossing {
                period: series.period(i),
                value: x,
                direction: if above {
                    Direction::Up
                } else {
                    Direction::Down
                },
                threshold,
                from: series.period(from),
                last_on_side: before.map(|b| series.period(b)),
            });
        }
        side = Some((above, i));
        if above {
            last_above = Some(i);
        } else {
            last_below = Some(i);
        }
    }
    Ok(out)
}

impl<P: Period> ConfidenceIndex<P> {
    /// Every crossing of the index's neutral level (100, 50 or 0); see
    /// [`crossings`](crate::detect::crossings).
    ///
    /// # Example
    /// ```
    /// use econseries::{Month, Series};
    /// use econseries::indicator::{ConfidenceIndex, Metadata, Neutral};
    ///
    /// let s = Series::from_values(Month::new(2025, 1)?, [48.0, 51.0])?;
    /// let pmi = ConfidenceIndex::new(s, Metadata::new("PMI", "US"), Neutral::Diffusion50)?;
    /// assert_eq!(pmi.neutral_crossings().len(), 1);
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn neutral_crossings(&self) -> Vec<Crossing<P>> {
        // The neutral level is checked finite when the index is built.
        crossings(self.series(), self.neutral().level()).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Month;

    #[test]
    fn touching_is_not_crossing() {
        let jan = Month::new(2020, 1).unwrap();
        let s: Series<Month> = Series::from_values(jan, [1.0, 0.0, 1.0, 0.0, -1.0]).unwrap();
        let c = crossings(&s, 0.0).unwrap();
        assert_eq!(c.len(), 1);
        assert_eq!(
            (c[0].period, c[0].from, c[0].last_on_side),
            (jan + 4, jan + 2, None)
        );
        assert_eq!(c[0].event().compared_with, None);
        assert!(crossings(&s, f64::NAN).is_err());
    }
}
