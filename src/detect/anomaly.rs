//! Anomalies: robust z-scores against a trailing window.

use super::detector::Detector;
use super::event::{Event, EventKind};
use crate::error::{Error, Result};
use crate::period::Period;
use crate::series::Series;
use crate::unit::Value;

/// Robust z-scores of each observation against a trailing window (the
/// modified z-score of Iglewicz and Hoaglin, 1993).
///
/// ```text
/// window(t) = the present values among x(t − w), …, x(t − 1)
/// m(t)      = median(window(t))
/// MAD(t)    = median(|x − m(t)| for x in window(t))
/// z(t)      = 0.6745 · (x(t) − m(t)) / MAD(t)
/// anomaly when |z(t)| > threshold (default 3.5)
/// ```
///
/// The window excludes the observation itself, so an outlier cannot mask
/// itself. z(t) is missing when x(t) is, when fewer than `min_count` values
/// of the window are present (default: all `w`), and when MAD(t) is zero
/// (a constant window: any departure would be an infinite z, and an
/// infinite score is not a finding).
///
/// # Example
/// ```
/// use econseries::{Month, Series};
/// use econseries::detect::{Detector, EventKind, RobustZ};
///
/// let jan = Month::new(2025, 1)?;
/// let s = Series::from_values(jan, [10.0, 11.0, 10.0, 12.0, 11.0, 30.0])?;
/// let found = RobustZ::new(5)?.detect(&s)?;
/// assert_eq!(found.len(), 1);
/// assert_eq!((found[0].period, found[0].compared_with), (jan + 5, Some(jan)));
/// // median 11, MAD 1: z = 0.6745 · 19
/// let EventKind::Anomaly { z } = found[0].kind else { panic!("not an anomaly") };
/// assert!((z - 0.6745 * 19.0).abs() < 1e-12);
/// # Ok::<(), econseries::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RobustZ {
    window: usize,
    min_count: usize,
    threshold: f64,
}

/// 0.6745 = Φ⁻¹(0.75): MAD/0.6745 estimates the standard deviation of a
/// normal sample, so z is on the scale of a standard score.
const CONSISTENCY: f64 = 0.6745;

impl RobustZ {
    /// Trailing window of `window` periods, every value of it required,
    /// threshold 3.5.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] if `window` is below 2 (a median absolute
    /// deviation needs two values to be anything but zero).
    pub fn new(window: usize) -> Result<RobustZ> {
        if window < 2 {
            return Err(Error::InvalidArgument {
                name: "window",
                value: window.to_string().into(),
                expected: "at least 2",
            });
        }
        Ok(RobustZ {
            window,
            min_count: window,
            threshold: 3.5,
        })
    }

    /// Score with at least `min_count` present values in the window.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] unless `2 <= min_count <= window`.
    pub fn min_count(self, min_count: usize) -> Result<RobustZ> {
        if !(2..=self.window).contains(&min_count) {
            return Err(Error::InvalidArgument {
                name: "min_count",
                value: min_count.to_string().into(),
                expected: "between 2 and the window",
            });
        }
        Ok(RobustZ { min_count, ..self })
    }

    /// Flag scores whose absolute value exceeds `threshold`.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] unless `threshold` is finite and positive.
    pub fn threshold(self, threshold: f64) -> Result<RobustZ> {
        if !(threshold.is_finite() && threshold > 0.0) {
            return Err(Error::InvalidArgument {
                name: "threshold",
                value: threshold.to_string().into(),
                expected: "a finite positive number",
            });
        }
        Ok(RobustZ { threshold, ..self })
    }

    /// The z-score of every period (missing where undefined; see the type's
    /// documentation).
    pub fn scores<P: Period, U: Value>(&self, series: &Series<P, U>) -> Series<P> {
        let x = series.raw();
        let mut buf = Vec::with_capacity(self.window);
        let z = x
            .iter()
            .enumerate()
            .map(|(t, &xt)| {
                if xt.is_nan() || t < self.min_count {
                    return f64::NAN;
                }
                buf.clear();
                buf.extend(
                    x.get(t.saturating_sub(self.window)..t)
                        .unwrap_or_default()
                        .iter()
                        .filter(|v| !v.is_nan()),
                );
                if buf.is_empty() || buf.len() < self.min_count {
                    return f64::NAN;
                }
                let m = median(&mut buf);
                for v in buf.iter_mut() {
                    *v = (*v - m).abs();
                }
                let mad = median(&mut buf);
                if mad > 0.0 {
                    CONSISTENCY * (xt - m) / mad
                } else {
                    f64::NAN
                }
            })
            .collect();
        Series::from_raw(series.start(), z)
    }
}

impl<P: Period, U: Value> Detector<P, U> for RobustZ {
    /// The observations whose score exceeds the threshold in absolute value,
    /// as [`Anomaly`](EventKind::Anomaly) events compared with the first
    /// period of their trailing window.
    fn detect(&self, series: &Series<P, U>) -> Result<Vec<Event<P>>> {
        let scores = self.scores(series);
        Ok(scores
            .observations()
            .filter(|&(_, z)| z.abs() > self.threshold)
            .filter_map(|(p, z)| {
                Some(Event::new(
                    p,
                    series.get(p)?.get(),
                    EventKind::Anomaly { z },
                    Some(p.checked_sub(self.window as i64).ok()?.max(series.start())),
                ))
            })
            .collect())
    }
}

/// The median of a slice (the mean of the middle two for an even length;
/// NaN for an empty slice); reorders the slice.
fn median(v: &mut [f64]) -> f64 {
    let n = v.len();
    if n == 0 {
        return f64::NAN;
    }
    let mid = n / 2;
    let (_, &mut hi, _) = v.select_nth_unstable_by(mid, f64::total_cmp);
    if n % 2 == 1 {
        hi
    } else {
        // After the selection every value below `mid` is <= hi; the largest is the other middle.
        let lo = v
            .get(..mid)
            .unwrap_or_default()
            .iter()
            .copied()
            .fold(f64::NEG_INFINITY, f64::max);
        (lo + hi) / 2.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Month;

    #[test]
    fn medians() {
        assert_eq!(median(&mut [3.0, 1.0, 2.0]), 2.0);
        assert_eq!(median(&mut [4.0, 1.0, 3.0, 2.0]), 2.5);
        assert_eq!(median(&mut [5.0]), 5.0);
    }

    #[test]
    fn undefined_scores_are_missing() {
        let jan = Month::new(2020, 1).unwrap();
        let s: Series<Month> = Series::from_options(
            jan,
            [Some(1.0), Some(1.0), Some(1.0), Some(9.0), None, Some(2.0)],
        )
        .unwrap();
        let z = RobustZ::new(3).unwrap().scores(&s);
        // constant window: MAD 0; missing value; window with a hole (needs 3).
        assert_eq!(z.values().collect::<Vec<_>>(), [None; 6]);
        let z = RobustZ::new(3).unwrap().min_count(2).unwrap().scores(&s);
        // 2020-06: window {9} ∪ {1} present = [1, 9]: median 5, MAD 4.
        assert!((z.get(jan + 5).unwrap() - 0.6745 * (2.0 - 5.0) / 4.0).abs() < 1e-12);
        assert!(RobustZ::new(1).is_err());
        assert!(RobustZ::new(3).unwrap().min_count(4).is_err());
        assert!(RobustZ::new(3).unwrap().threshold(0.0).is_err());
    }
}
