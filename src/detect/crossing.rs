//! Threshold crossings: "back above 50 for the first time since …".

use super::detector::Detector;
use super::event::{Direction, Event, EventKind};
use crate::error::{Error, Result};
use crate::indicator::ConfidenceIndex;
use crate::period::Period;
use crate::series::Series;
use crate::unit::Value;

/// Crossings of a threshold (an index's neutral level, a policy target).
///
/// A value is *above* if it is strictly greater than the threshold and
/// *below* if strictly less; a value exactly at the threshold touches it
/// without crossing and leaves the side unchanged. Missing values are
/// skipped: a crossing compares with the last observation before it. The
/// first observation starts on its side without a crossing.
///
/// Each crossing is an event at the first period on the new side, compared
/// with the last earlier period that was on that side (`None` if the series
/// had never been there): "above 50 for the first time since …".
///
/// # Example
/// ```
/// use econseries::{Month, Series};
/// use econseries::detect::{Crossings, Detector, Direction, EventKind};
///
/// let jan = Month::new(2025, 1)?;
/// let pmi = Series::from_options(jan, [Some(51.0), Some(49.5), Some(50.0), None, Some(50.2), Some(48.0)])?;
/// let c = Crossings::new(50.0)?.detect(&pmi)?;
/// assert_eq!(c.len(), 3);
/// assert_eq!(c[0].period, jan + 1);
/// assert!(matches!(c[0].kind, EventKind::Crossing { direction: Direction::Down, .. }));
/// assert_eq!((c[1].period, c[1].compared_with), (jan + 4, Some(jan)));
/// assert_eq!(c[2].periods_back(), Some(4)); // below 50 for the first time since February
/// # Ok::<(), econseries::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Crossings {
    threshold: f64,
}

impl Crossings {
    /// Crossings of `threshold`.
    ///
    /// # Errors
    /// [`Error::NonFinite`] if `threshold` is NaN or infinite.
    ///
    /// # Example
    /// ```
    /// use econseries::detect::Crossings;
    /// assert_eq!(Crossings::new(50.0)?.threshold(), 50.0);
    /// assert!(Crossings::new(f64::NAN).is_err());
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn new(threshold: f64) -> Result<Crossings> {
        if threshold.is_finite() {
            Ok(Crossings { threshold })
        } else {
            Err(Error::NonFinite {
                value: threshold,
                period: None,
            })
        }
    }

    /// The threshold.
    pub const fn threshold(&self) -> f64 {
        self.threshold
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Crossings {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> core::result::Result<Self, D::Error> {
        #[derive(serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Repr {
            threshold: f64,
        }
        let r = Repr::deserialize(d)?;
        Crossings::new(r.threshold).map_err(serde::de::Error::custom)
    }
}

impl<P: Period, U: Value> Detector<P, U> for Crossings {
    fn detect(&self, series: &Series<P, U>) -> Result<Vec<Event<P>>> {
        let threshold = self.threshold;
        let mut out = Vec::new();
        let mut side: Option<bool> = None;
        let mut last_above: Option<usize> = None;
        let mut last_below: Option<usize> = None;
        for (i, &x) in series.raw().iter().enumerate() {
            let above = if x > threshold {
                true
            } else if x < threshold {
                false
            } else {
                // Missing (NaN) or exactly at the threshold: no side.
                continue;
            };
            if side.is_some_and(|was| was != above) {
                let before = if above { last_above } else { last_below };
                let direction = if above {
                    Direction::Up
                } else {
                    Direction::Down
                };
                out.push(Event::new(
                    series.period(i),
                    x,
                    EventKind::Crossing {
                        direction,
                        threshold,
                    },
                    before.map(|b| series.period(b)),
                ));
            }
            side = Some(above);
            if above {
                last_above = Some(i);
            } else {
                last_below = Some(i);
            }
        }
        Ok(out)
    }
}

impl<P: Period> ConfidenceIndex<P> {
    /// Every crossing of the index's neutral level (100, 50 or 0); see
    /// [`Crossings`].
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
    pub fn neutral_crossings(&self) -> Vec<Event<P>> {
        // The neutral level is checked finite when the index is built, and
        // crossings cannot fail otherwise.
        Crossings::new(self.neutral().level())
            .and_then(|c| c.detect(self.as_plain_series()))
            .unwrap_or_default()
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
        let c = Crossings::new(0.0).unwrap().detect(&s).unwrap();
        assert_eq!(c.len(), 1);
        assert_eq!((c[0].period, c[0].compared_with), (jan + 4, None));
        assert!(Crossings::new(f64::NAN).is_err());
    }
}
