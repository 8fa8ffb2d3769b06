//! CUSUM test for a single change in mean.

use super::penalty::{Noise, estimate_sigma};
use crate::detect::{Detector, Event, EventKind, Evidence, Fit};
use crate::error::{Error, Operation, Result, UndefinedReason};
use crate::period::Period;
use crate::series::Series;
use crate::unit::Value;

/// The result of a [`Cusum`] test. `C` is where the change is: an index
/// for [`Cusum::test_slice`], a period for [`Cusum::test`].
#[derive(Clone, Copy, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct CusumTest<C = usize> {
    /// The most likely change: the first index (period) of the new segment.
    pub change: C,
    /// The test statistic `max_k |S_k − (k/n)·S_n| / (σ·√n)`.
    pub statistic: f64,
    /// The asymptotic p-value under "no change": `P(sup |B(u)| > statistic)`
    /// for a Brownian bridge `B` (the Kolmogorov distribution).
    pub p_value: f64,
    /// The noise standard deviation σ used.
    pub sigma: f64,
    /// The mean before the change.
    pub mean_before: f64,
    /// The mean from the change on.
    pub mean_after: f64,
}

/// The CUSUM test for one change in mean.
///
/// ```text
/// S_k = y₀ + … + y_{k−1},   T = max over 1 ≤ k < n of |S_k − (k/n)·S_n| / (σ·√n)
/// p   = P(sup |B| > T) = 2·Σ_{j≥1} (−1)^{j−1}·exp(−2j²T²)
/// ```
///
/// The change is the `k` that attains the maximum (the new segment starts
/// at index `k`). Under no change and independent noise of standard deviation
/// σ, `T` tends to the supremum of a Brownian bridge's absolute value. σ comes
/// from [`Noise`]: given, or estimated by [`estimate_sigma`], which is robust
/// to the change itself.
///
/// As a [`Detector`], the change is a [`Shift`](EventKind::Shift) event
/// when its p-value is below the level (default 0.05), with the means before
/// and after; leading and trailing missing values of a series are trimmed,
/// and a missing value inside it is an [`Error::Undefined`] (a [`MissingValue`](crate::UndefinedReason::MissingValue)).
///
/// # Example
/// ```
/// use econseries::changepoint::{Cusum, Noise};
/// let y = [0.1, -0.1, 0.0, 0.2, -0.2, 2.1, 1.9, 2.0, 2.2, 1.8];
/// let c = Cusum::new().noise(Noise::Sigma(0.15)).test_slice(&y)?;
/// assert_eq!(c.change, 5);
/// assert!(c.p_value < 0.001);
/// # Ok::<(), econseries::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Cusum {
    noise: Noise,
    level: f64,
}

impl Default for Cusum {
    fn default() -> Cusum {
        Cusum::new()
    }
}

impl Cusum {
    /// The test with σ estimated and a level of 0.05.
    pub const fn new() -> Cusum {
        Cusum {
            noise: Noise::Estimate,
            level: 0.05,
        }
    }

    /// The noise standard deviation: given, or estimated.
    pub const fn noise(self, noise: Noise) -> Cusum {
        Cusum { noise, ..self }
    }

    /// The level below which a p-value makes the change an event.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] unless `0 < level <= 1`.
    pub fn level(self, level: f64) -> Result<Cusum> {
        if level > 0.0 && level <= 1.0 {
            Ok(Cusum { level, ..self })
        } else {
            Err(Error::InvalidArgument {
                name: "level",
                value: level.to_string().into(),
                expected: "a probability in (0, 1]",
            })
        }
    }

    /// The test on `values`.
    ///
    /// # Errors
    /// [`Error::TooShort`] with fewer than 3 values; [`Error::NonFinite`] for a
    /// NaN or infinite value; [`Error::InvalidArgument`] for a σ that is not
    /// positive and finite; [`Error::ZeroNoise`] if σ is estimated as 0;
    /// [`Error::Overflow`] if the statistic does not fit in an `f64` (values
    /// near `f64::MAX` apart, or a σ so small that the ratio overflows).
    pub fn test_slice(&self, values: &[f64]) -> Result<CusumTest> {
        let n = values.len();
        if n < 3 {
            return Err(Error::TooShort { need: 3, got: n });
        }
        if let Some(&bad) = values.iter().find(|v| !v.is_finite()) {
            return Err(Error::NonFinite {
                value: bad,
                period: None,
            });
        }
        let sigma = match self.noise {
            Noise::Sigma(s) if s.is_finite() && s > 0.0 => s,
            Noise::Sigma(s) => {
                return Err(Error::InvalidArgument {
                    name: "sigma",
                    value: s.to_string().into(),
                    expected: "a finite, positive noise standard deviation",
                });
            }
            Noise::Estimate => estimate_sigma(values)?,
        };
        // Centring leaves S_k − (k/n)·S_n unchanged and keeps the sums small.
        let mean = super::cost::mean(values);
        let (mut s, mut best, mut change) = (0.0f64, -1.0f64, 1usize);
        for (k, v) in values.iter().enumerate().take(n - 1) {
            s += v - mean;
            if s.abs() > best {
                best = s.abs();
                change = k + 1;
            }
        }
        let statistic = best / (sigma * (n as f64).sqrt());
        let (before, after) = values.split_at(change.min(n));
        let (mean_before, mean_after) = (super::cost::mean(before), super::cost::mean(after));
        if !(statistic.is_finite() && mean_before.is_finite() && mean_after.is_finite()) {
            return Err(Error::Overflow {
                operation: Operation::Cusum,
            });
        }
        Ok(CusumTest {
            change,
            statistic,
            p_value: kolmogorov_sf(statistic),
            sigma,
            mean_before,
            mean_after,
        })
    }

    /// The test on a series' observations, the change at its period.
    /// Leading and trailing missing values are trimmed.
    ///
    /// # Errors
    /// As [`test_slice`](Cusum::test_slice); [`Error::Undefined`] (a [`MissingValue`](crate::UndefinedReason::MissingValue)) naming
    /// the first missing period inside the series.
    ///
    /// # Example
    /// ```
    /// use econseries::{Month, Series};
    /// use econseries::changepoint::{Cusum, Noise};
    ///
    /// let jan = Month::new(2025, 1)?;
    /// let s = Series::from_values(jan, [0.1, -0.1, 0.0, 0.2, -0.2, 2.1, 1.9, 2.0, 2.2, 1.8])?;
    /// assert_eq!(Cusum::new().noise(Noise::Sigma(0.15)).test(&s)?.change, jan + 5);
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn test<P: Period, U: Value>(&self, series: &Series<P, U>) -> Result<CusumTest<P>> {
        let series = series.trim();
        if let Some(p) = series.missing().next() {
            return Err(Error::Undefined {
                operation: Operation::Cusum,
                period: p.into(),
                reason: UndefinedReason::MissingValue,
            });
        }
        let values: Vec<f64> = series
            .values()
            .map(|v| v.map_or(f64::NAN, Value::get))
            .collect();
        let t = self.test_slice(&values)?;
        Ok(CusumTest {
            change: series.start().checked_add(t.change as i64)?,
            statistic: t.statistic,
            p_value: t.p_value,
            sigma: t.sigma,
            mean_before: t.mean_before,
            mean_after: t.mean_after,
        })
    }
}

/// The change as a [`Shift`](EventKind::Shift) event if significant; a
/// series without observations has none.
impl<P: Period, U: Value> Detector<P, U> for Cusum {
    fn detect(&self, series: &Series<P, U>) -> Result<Vec<Event<P>>> {
        if series.first_valid().is_none() {
            return Ok(Vec::new());
        }
        let t = self.test(series)?;
        if t.p_value >= self.level {
            return Ok(Vec::new());
        }
        let first = series.first_valid();
        Ok(series
            .get(t.change)
            .map(|v| {
                Event::new(
                    t.change,
                    v.get(),
                    EventKind::Shift {
                        before: Fit::new(t.mean_before, None, None),
                        after: Fit::new(t.mean_after, None, None),
                        evidence: Evidence::PValue { p_value: t.p_value },
                    },
                    first,
                )
            })
            .into_iter()
            .collect())
    }
}

/// `P(K > x)` for the Kolmogorov distribution (the supremum of a Brownian
/// bridge's absolute value).
pub(crate) fn kolmogorov_sf(x: f64) -> f64 {
    // Below 0.05 the distribution function is below e^-490 (it would
    // compute 0·∞ for a subnormal x).
    if x.is_nan() || x <= 0.05 {
        return 1.0;
    }
    if x < 1.0 {
        // The alternating series converges slowly for small x; use the theta-function form
        // P(K ≤ x) = √(2π)/x · Σ_{j≥1} exp(−(2j−1)²π²/(8x²)).
        let c = core::f64::consts::PI * core::f64::consts::PI / (8.0 * x * x);
        let mut cdf = 0.0;
        for j in 1..=20 {
            let k = (2 * j - 1) as f64;
            cdf += (-k * k * c).exp();
        }
        cdf *= (2.0 * core::f64::consts::PI).sqrt() / x;
        (1.0 - cdf).clamp(0.0, 1.0)
    } else {
        let mut sf = 0.0;
        for j in 1..=100 {
            let jf = j as f64;
            let term = (-2.0 * jf * jf * x * x).exp();
            sf += if j % 2 == 1 { term } else { -term };
            if term < 1e-300 {
                break;
            }
        }
        (2.0 * sf).clamp(0.0, 1.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two forms of the same distribution agree where both converge, and the
    /// 5% critical value is 1.3581 (Kolmogorov's table).
    #[test]
    fn kolmogorov_tail() {
        assert!((kolmogorov_sf(1.3581) - 0.05).abs() < 1e-4);
        assert!((kolmogorov_sf(1.6276) - 0.01).abs() < 1e-4);
        assert_eq!(kolmogorov_sf(0.0), 1.0);
        // Found by the `changepoint` fuzz target: a subnormal statistic gave NaN.
        assert_eq!(kolmogorov_sf(1e-320), 1.0);
        assert!((kolmogorov_sf(0.051) - 1.0).abs() < 1e-300);
        let near = kolmogorov_sf(0.999_999_9);
        let far = kolmogorov_sf(1.000_000_1);
        assert!((near - far).abs() < 1e-6);
    }
}
