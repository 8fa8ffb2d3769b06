//! The Sahm recession rule.

use super::detector::{Detector, bound_to_one_frequency};
use super::event::{Event, EventKind};
use crate::error::{Error, Operation, Result};
use crate::period::{Frequency, Month};
use crate::series::Series;
use crate::unit::{Percent, PercentagePoints};

/// The Sahm recession rule on a monthly unemployment rate.
///
/// ```text
/// MA3(t) = (u(t) + u(t − 1) + u(t − 2)) / 3
/// S(t)   = MA3(t) − min(MA3(t − 1), …, MA3(t − 12))
/// signal when S(t) ≥ 0.50 percentage points
/// ```
///
/// The minimum is over the twelve *previous* months, as in FRED's
/// `SAHMCURRENT` (which is negative when the average is at a new low).
///
/// Missing months are handled explicitly: an MA3 that needs a missing month
/// is missing (so one hole blanks three averages), and S(t) is missing where
/// MA3(t) is. Otherwise, by default, the minimum is taken over the prior
/// averages that exist, and the event's `prior` says how many of the twelve
/// that was; [`strict`](Sahm::strict) makes S(t) missing unless all twelve
/// exist (which is also what happens in the first fourteen months of the
/// series, before twelve prior averages can exist).
///
/// Every month with a reading has an event of kind
/// [`Sahm`](EventKind::Sahm) valued at S(t), with `signal` set where it
/// reaches the threshold; [`series`](Sahm::series) gives S(t) as a series.
/// The rule is about monthly rates: `Detector<Month>` only.
///
/// ```compile_fail,E0277
/// use econseries::{Quarter, Series};
/// use econseries::detect::{Detector, Sahm};
/// let quarterly = Series::from_values(Quarter::new(2025, 1)?, [4.0, 4.2, 4.4])?;
/// Sahm::new().detect(&quarterly)?;
/// # Ok::<(), econseries::Error>(())
/// ```
///
/// The signal compares a difference of averages of one-decimal rates with
/// 0.50, so it allows 1e-9 for binary rounding: 4.1 − 3.6 must signal even
/// though it evaluates to 0.49999999999999956.
///
/// # Example
/// ```
/// use econseries::{Month, Series};
/// use econseries::detect::{Detector, EventKind, Sahm};
///
/// let jan = Month::new(2025, 1)?;
/// let mut rate = vec![Some(4.0); 15];
/// rate.extend([Some(4.3), None, Some(4.9), Some(5.0), Some(5.1)]);
/// let unrate = Series::from_options(jan, rate)?;
/// assert!(Sahm::new().detect_at(&unrate, jan + 16)?.is_empty()); // MA3 needs the missing month
/// let last = Sahm::new().detect_at(&unrate, jan + 19)?;
/// // MA3 = 5.0; the minimum is over the 9 prior averages that exist (4.0).
/// assert_eq!(last[0].kind, EventKind::Sahm { signal: true, prior: 9 });
/// assert!((last[0].value - 1.0).abs() < 1e-12);
/// assert!(Sahm::new().strict().detect_at(&unrate, jan + 19)?.is_empty());
/// # Ok::<(), econseries::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Sahm {
    threshold: f64,
    strict: bool,
}

impl Default for Sahm {
    fn default() -> Self {
        Sahm::new()
    }
}

/// Allowance for binary rounding in the signal comparison.
const SIGNAL_SLACK: f64 = 1e-9;

impl Sahm {
    /// The rule as published: threshold 0.50, minimum over the prior
    /// averages that exist.
    pub const fn new() -> Sahm {
        Sahm {
            threshold: 0.5,
            strict: false,
        }
    }

    /// S(t) is missing unless all twelve prior averages exist.
    pub const fn strict(self) -> Sahm {
        Sahm {
            strict: true,
            ..self
        }
    }

    /// Another signal threshold, in percentage points.
    ///
    /// # Errors
    /// [`Error::NonFinite`] if `threshold` is NaN or infinite.
    ///
    /// # Example
    /// ```
    /// use econseries::detect::Sahm;
    /// assert!(Sahm::new().threshold(0.3).is_ok());
    /// assert!(Sahm::new().threshold(f64::NAN).is_err());
    /// ```
    pub fn threshold(self, threshold: f64) -> Result<Sahm> {
        if threshold.is_finite() {
            Ok(Sahm { threshold, ..self })
        } else {
            Err(Error::NonFinite {
                value: threshold,
                period: None,
            })
        }
    }

    /// S(t) and the number of prior averages it used, for every month of
    /// `rate` (NaN where S(t) is missing).
    fn readings(&self, rate: &Series<Month>) -> Vec<(f64, u8)> {
        let u = rate.raw();
        let ma3: Vec<f64> = (0..u.len())
            .map(|t| {
                match t.checked_sub(2).and_then(|s| u.get(s..=t)) {
                    // NaN in any of the three propagates; an average too large
                    // for an f64 is missing too, never an infinity.
                    Some(&[a, b, c]) => Some((c + b + a) / 3.0)
                        .filter(|m| m.is_finite())
                        .unwrap_or(f64::NAN),
                    _ => f64::NAN,
                }
            })
            .collect();
        ma3.iter()
            .enumerate()
            .map(|(t, &now)| {
                let (min, prior) = ma3
                    .get(t.saturating_sub(12)..t)
                    .unwrap_or_default()
                    .iter()
                    .filter(|x| !x.is_nan())
                    .fold((f64::INFINITY, 0u8), |(m, n), &x| (m.min(x), n + 1));
                let usable = if self.strict { prior == 12 } else { prior > 0 };
                let s = if usable { now - min } else { f64::NAN };
                (if s.is_finite() { s } else { f64::NAN }, prior)
            })
            .collect()
    }

    /// The readings as a series of S(t).
    ///
    /// # Example
    /// ```
    /// use econseries::{Month, Series};
    /// use econseries::detect::Sahm;
    ///
    /// let unrate = Series::from_values(Month::new(2025, 1)?, [4.0, 4.0, 4.0, 4.3])?;
    /// let s = Sahm::new().series(&unrate);
    /// assert_eq!(s.len(), 4);
    /// assert!((s.get(Month::new(2025, 4)?).ok_or("missing")?.get() - 0.1).abs() < 1e-12);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn series(&self, rate: &Series<Month>) -> Series<Month, PercentagePoints> {
        let values = self.readings(rate).into_iter().map(|(s, _)| s).collect();
        Series::from_raw(rate.start(), values)
    }
}

impl Detector<Month> for Sahm {
    fn detect(&self, rate: &Series<Month>) -> Result<Vec<Event<Month>>> {
        Ok(self
            .readings(rate)
            .into_iter()
            .enumerate()
            .filter(|(_, (s, _))| !s.is_nan())
            .map(|(t, (s, prior))| {
                Event::new(
                    rate.period(t),
                    s,
                    EventKind::Sahm {
                        signal: s >= self.threshold - SIGNAL_SLACK,
                        prior,
                    },
                    None,
                )
            })
            .collect())
    }
}

impl Sahm {
    fn levels(&self, rate: &Series<Month>) -> Result<Vec<Event<Month>>> {
        self.detect(rate)
    }

    /// The rule is about the level of a rate, never its growth.
    fn growth(&self, _: &Series<Month, Percent>) -> Result<Vec<Event<Month>>> {
        Err(Error::NotAllowed {
            operation: Operation::Sahm,
            kind: "growth",
        })
    }
}

bound_to_one_frequency!(Sahm, Frequency::Monthly, Month, levels, growth);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounding_slack_in_the_signal() {
        let jan = Month::new(2020, 1).unwrap();
        // 3.6 for a year, then 4.1: MA3 4.1 − 3.6 = 0.49999999999999956.
        let mut v = vec![3.6; 14];
        v.extend([4.1; 3]);
        let s: Series<Month> = Series::from_values(jan, v).unwrap();
        let last = *Sahm::new().detect(&s).unwrap().last().unwrap();
        assert!(last.value < 0.5);
        assert_eq!(
            last.kind,
            EventKind::Sahm {
                signal: true,
                prior: 12
            }
        );
    }

    #[test]
    fn edges() {
        let jan = Month::new(2020, 1).unwrap();
        let s: Series<Month> = Series::from_values(jan, [4.0, 4.0, 4.0]).unwrap();
        assert!(Sahm::new().detect(&s).unwrap().is_empty());
        assert_eq!(Sahm::new().series(&s).count(), 0);
        assert!(Sahm::new().detect(&Series::empty(jan)).unwrap().is_empty());
        assert!(Sahm::new().threshold(f64::INFINITY).is_err());
    }
}
