//! Contractions, technical recessions and the Sahm rule.

use super::event::{Direction, Event, EventKind};
use super::streaks::{StreakBasis, streaks};
use crate::error::{Error, Result};
use crate::period::{Month, Period};
use crate::series::Series;
use crate::unit::PercentagePoints;

/// A period whose level is below the previous period's: a quarter-on-quarter
/// contraction of GDP.
#[derive(Clone, Copy, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Contraction<P: Period> {
    /// The period of the decline.
    pub period: P,
    /// The level at that period.
    pub level: f64,
    /// The level in the previous period.
    pub previous_level: f64,
    /// The previous contraction in the series (`None`: none earlier in the
    /// span). When it is not the period just before, this is "the first
    /// contraction since …".
    pub previous: Option<P>,
}

impl<P: Period> Contraction<P> {
    /// Whether the period before was not a contraction: "the first
    /// contraction since [`previous`](Contraction::previous)".
    pub fn is_first(&self) -> bool {
        match self.previous {
            None => true,
            Some(p) => self.period.periods_since(p) > 1,
        }
    }

    /// The contraction as an [`Event`] of kind [`EventKind::Contraction`],
    /// valued at the level and compared with the previous contraction.
    pub fn event(&self) -> Event<P> {
        Event::new(
            self.period,
            self.level,
            EventKind::Contraction,
            self.previous,
        )
    }
}

/// Every period whose level is strictly below the previous calendar period's
/// (a zero change is not a contraction; a missing value on either side is
/// not one either).
///
/// For GDP levels this is the quarter-on-quarter contraction: the sign of
/// the annualised rate and of the plain quarter-on-quarter change is the
/// same, so there is one rule for both.
///
/// # Example
/// ```
/// use econseries::{Quarter, Series};
/// use econseries::detect::contractions;
///
/// let q = Quarter::new(2021, 4)?;
/// let gdp = Series::from_values(q, [100.0, 99.0, 99.5, 100.0, 101.0, 100.5])?;
/// let c = contractions(&gdp);
/// assert_eq!(c.len(), 2);
/// assert_eq!((c[1].period, c[1].previous), (q + 5, Some(q + 1)));
/// assert!(c[1].is_first()); // the first contraction since 2022-Q1
/// # Ok::<(), econseries::Error>(())
/// ```
pub fn contractions<P: Period>(level: &Series<P>) -> Vec<Contraction<P>> {
    let values = level.raw();
    let mut out = Vec::new();
    let mut previous = None;
    for (i, w) in values.windows(2).enumerate() {
        let &[before, now] = w else { continue };
        if now < before {
            let period = level.period(i + 1);
            out.push(Contraction {
                period,
                level: now,
                previous_level: before,
                previous,
            });
            previous = Some(period);
        }
    }
    out
}

/// A technical recession: two or more consecutive period-on-period declines.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Recession<P: Period> {
    /// The first period of decline.
    pub start: P,
    /// The last period of decline.
    pub end: P,
    /// The number of consecutive declines (at least 2).
    pub length: usize,
}

impl<P: Period> Recession<P> {
    /// The recession as an [`Event`] at its last period, of kind
    /// [`EventKind::TechnicalRecession`], compared with its first period.
    pub fn event(&self, level: &Series<P>) -> Event<P> {
        Event::new(
            self.end,
            level.get(self.end).unwrap_or(f64::NAN),
            EventKind::TechnicalRecession {
                length: self.length,
            },
            Some(self.start),
        )
    }
}

/// Every technical recession in a level series (real GDP): a run of two or
/// more consecutive periods whose level is strictly below the previous
/// period's. The start is the first quarter of decline, the end the last.
///
/// The rule of thumb of the press, not the NBER's definition: a missing
/// value ends a run, and a flat quarter is not a decline.
///
/// # Example
/// ```
/// use econseries::{Quarter, Series};
/// use econseries::detect::technical_recessions;
///
/// let q = Quarter::new(2008, 1)?;
/// let gdp = Series::from_values(q, [100.0, 100.5, 100.0, 99.0, 98.5, 99.0, 98.0])?;
/// let r = technical_recessions(&gdp);
/// assert_eq!(r.len(), 1); // 2008-Q3..2009-Q1; the single decline in 2009-Q3 is not one
/// assert_eq!((r[0].start, r[0].end, r[0].length), (q + 2, q + 4, 3));
/// # Ok::<(), econseries::Error>(())
/// ```
pub fn technical_recessions<P: Period>(level: &Series<P>) -> Vec<Recession<P>> {
    streaks(level, StreakBasis::Change)
        .into_iter()
        .filter(|s| s.direction == Direction::Down && s.length >= 2)
        .map(|s| Recession {
            start: s.start,
            end: s.end,
            length: s.length,
        })
        .collect()
}

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
/// averages that exist, and [`SahmReading::prior`] says how many of the
/// twelve that was; [`strict`](Sahm::strict) makes S(t) missing unless all
/// twelve exist (which is also what happens in the first fourteen months of
/// the series, before twelve prior averages can exist).
///
/// The signal compares a difference of averages of one-decimal rates with
/// 0.50, so it allows 1e-9 for binary rounding: 4.1 − 3.6 must signal even
/// though it evaluates to 0.49999999999999956.
///
/// # Example
/// ```
/// use econseries::{Month, Series};
/// use econseries::detect::Sahm;
///
/// let jan = Month::new(2025, 1)?;
/// let mut rate = vec![Some(4.0); 15];
/// rate.extend([Some(4.3), None, Some(4.9), Some(5.0), Some(5.1)]);
/// let unrate = Series::from_options(jan, rate)?;
/// let readings = Sahm::new().compute(&unrate);
/// let at = |m| readings.iter().find(|r| r.period == m).ok_or("no reading");
/// assert_eq!(at(jan + 16)?.value, None); // MA3 needs the missing month
/// let last = at(jan + 19)?;
/// // MA3 = 5.0; the minimum is over the 9 prior averages that exist (4.0).
/// assert_eq!((last.prior, last.signal), (9, true));
/// assert!((last.value.ok_or("missing")?.get() - 1.0).abs() < 1e-12);
/// assert_eq!(Sahm::new().strict().compute(&unrate)[19].value, None);
/// # Ok::<(), Box<dyn std::error::Error>>(())
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
    /// [`Error::NotFinite`] if `threshold` is NaN or infinite.
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
            Err(Error::NotFinite { value: threshold })
        }
    }

    /// One reading per month of `rate` (the unemployment rate in percent).
    pub fn compute(&self, rate: &Series<Month>) -> Vec<SahmReading> {
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
                let value = PercentagePoints::new(s).ok();
                SahmReading {
                    period: rate.period(t),
                    value,
                    ma3: (!now.is_nan()).then_some(now),
                    prior,
                    signal: value.is_some_and(|v| v.get() >= self.threshold - SIGNAL_SLACK),
                }
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
        let values = self
            .compute(rate)
            .into_iter()
            .map(|r| r.value.map_or(f64::NAN, PercentagePoints::get))
            .collect();
        Series::from_raw(rate.start(), values)
    }
}

/// The Sahm rule at one month.
#[derive(Clone, Copy, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct SahmReading {
    /// The month.
    pub period: Month,
    /// S(t); `None` where MA3(t) is missing or no (strict: not all twelve)
    /// prior averages exist.
    pub value: Option<PercentagePoints>,
    /// The three-month average MA3(t), `None` if a month of it is missing.
    pub ma3: Option<f64>,
    /// How many of the twelve prior averages exist (the minimum is over these).
    pub prior: u8,
    /// Whether S(t) reached the threshold.
    pub signal: bool,
}

impl SahmReading {
    /// The reading as an [`Event`] of kind [`EventKind::Sahm`] (`None` if
    /// S(t) is missing).
    pub fn event(&self) -> Option<Event<Month>> {
        self.value.map(|v| {
            Event::new(
                self.period,
                v.get(),
                EventKind::Sahm {
                    signal: self.signal,
                    prior: self.prior,
                },
                None,
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Quarter;

    #[test]
    fn rounding_slack_in_the_signal() {
        let jan = Month::new(2020, 1).unwrap();
        // 3.6 for a year, then 4.1: MA3 4.1 − 3.6 = 0.49999999999999956.
        let mut v = vec![3.6; 14];
        v.extend([4.1; 3]);
        let s: Series<Month> = Series::from_values(jan, v).unwrap();
        let r = Sahm::new().compute(&s);
        let last = r.last().unwrap();
        assert!(last.value.unwrap().get() < 0.5);
        assert!(last.signal);
        assert_eq!(last.prior, 12);
        assert_eq!(
            last.event().unwrap().kind,
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
        let r = Sahm::new().compute(&s);
        assert!(r.iter().all(|r| r.value.is_none() && !r.signal));
        assert_eq!(r[2].ma3, Some(4.0));
        assert_eq!(r[2].prior, 0);
        assert!(Sahm::new().compute(&Series::empty(jan)).is_empty());
        assert!(Sahm::new().threshold(f64::INFINITY).is_err());
    }

    #[test]
    fn recessions_and_contractions_skip_gaps() {
        let q = Quarter::new(2020, 1).unwrap();
        let s: Series<Quarter> =
            Series::from_options(q, [Some(3.0), Some(2.0), None, Some(1.0), Some(0.5)]).unwrap();
        let c = contractions(&s);
        assert_eq!(c.len(), 2);
        assert_eq!(c[1].previous, Some(q + 1));
        assert!(c[1].is_first());
        assert!(technical_recessions(&s).is_empty());
        let ev = c[0].event();
        assert_eq!((ev.kind, ev.compared_with), (EventKind::Contraction, None));
    }
}
