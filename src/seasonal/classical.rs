//! Classical decomposition by centred moving averages (statsmodels'
//! `seasonal_decompose`).

use crate::error::{Error, Operation, Result};
use crate::period::Period;
use crate::seasonal::decomposition::{Decomposition, Missing, Model, prepare};
use crate::series::Series;

/// Classical decomposition: the textbook method, and the simple reference for
/// [`Stl`](crate::seasonal::Stl). Equal to statsmodels'
/// `seasonal_decompose(x, model, period)` (two-sided, no trend extrapolation).
///
/// ```text
/// trend      centred moving average: 2×12 for monthly data, 2×4 for quarterly
///            (weights ½, 1, …, 1, ½ over period + 1 values, divided by period);
///            a plain period-long mean for an odd period
/// detrended  x − trend              (multiplicative: x / trend)
/// seasonal   mean of the detrended values at each position of the cycle,
///            centred to sum to 0     (multiplicative: to average 1)
/// remainder  detrended − seasonal   (multiplicative: detrended / seasonal)
/// ```
///
/// The trend and remainder are missing for the first and last `period / 2`
/// periods, where the moving average does not fit. The seasonal pattern is the
/// same every year, unlike STL's, which evolves.
///
/// # Example
/// ```
/// use econseries::{Quarter, Series, seasonal::{Classical, Model}};
///
/// let q = Quarter::new(2020, 1)?;
/// let x = Series::from_values(q, (0..16).map(|i| 100.0 + i as f64 + [3.0, -1.0, -4.0, 2.0][i % 4]))?;
/// let d = Classical::new().fit(&x)?;
/// assert_eq!(d.trend().get(q), None); // the moving average needs two quarters each side
/// let s = d.seasonal().get(q).ok_or("missing")?;
/// assert!((s - 3.0).abs() < 1e-9);
/// assert_eq!(Classical::new().model(Model::Multiplicative).fit(&x)?.model(), Model::Multiplicative);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Classical {
    period: Option<usize>,
    model: Model,
    missing: Missing,
}

impl Classical {
    /// Additive, period from the series' frequency, rejecting missing values.
    pub const fn new() -> Classical {
        Classical {
            period: None,
            model: Model::Additive,
            missing: Missing::Reject,
        }
    }

    /// The length of the cycle (default: periods per year).
    pub const fn period(mut self, period: usize) -> Classical {
        self.period = Some(period);
        self
    }

    /// Additive (default) or multiplicative.
    pub const fn model(mut self, model: Model) -> Classical {
        self.model = model;
        self
    }

    /// What to do with missing values (default: [`Missing::Reject`]).
    pub const fn missing(mut self, missing: Missing) -> Classical {
        self.missing = missing;
        self
    }

    /// Decomposes a series.
    ///
    /// # Errors
    /// - [`Error::Undefined`] naming the first missing value (see
    ///   [`Missing`]), or for a multiplicative model the first value that is
    ///   not positive.
    /// - [`Error::NoObservations`] for an empty series.
    /// - [`Error::InvalidArgument`] for a period below 2, or an annual series
    ///   without an explicit period.
    /// - [`Error::TooShort`] for fewer than two full cycles.
    pub fn fit<P: Period>(&self, series: &Series<P>) -> Result<Decomposition<P>> {
        let (x, filled) = prepare(series, self.missing, Operation::Classical)?;
        let period = match self.period {
            Some(p) => p,
            None => P::PER_YEAR as usize,
        };
        if period < 2 {
            return Err(Error::InvalidArgument {
                name: "period",
                value: period.to_string().into(),
                expected: "at least 2 (an annual series needs an explicit period)",
            });
        }
        let n = x.len();
        if n < 2 * period {
            return Err(Error::TooShort {
                need: 2 * period,
                got: n,
            });
        }
        let multiplicative = self.model == Model::Multiplicative;
        if multiplicative && let Some(i) = x.iter().position(|&v| v <= 0.0) {
            let period = series.period(i).into();
            return Err(Error::Undefined {
                operation: Operation::Classical,
                period,
                reason: crate::error::UndefinedReason::NonPositiveLog(period),
            });
        }
        let trend = centred_mean(&x, period);
        let detrended: Vec<f64> = x
            .iter()
            .zip(&trend)
            .map(|(&x, &t)| if multiplicative { x / t } else { x - t })
            .collect();
        let mut means: Vec<f64> = (0..period)
            .map(|j| {
                let (sum, count) = detrended
                    .iter()
                    .skip(j)
                    .step_by(period)
                    .filter(|v| !v.is_nan())
                    .fold((0.0, 0usize), |(s, c), v| (s + v, c + 1));
                sum / count as f64
            })
            .collect();
        let centre = means.iter().sum::<f64>() / period as f64;
        for m in &mut means {
            if multiplicative {
                *m /= centre;
            } else {
                *m -= centre;
            }
        }
        let seasonal: Vec<f64> = means.iter().copied().cycle().take(n).collect();
        let remainder = detrended
            .iter()
            .zip(&seasonal)
            .map(|(&d, &s)| if multiplicative { d / s } else { d - s })
            .collect();
        Ok(Decomposition::new(
            self.model,
            series,
            x,
            [trend, seasonal, remainder],
            None,
            &filled,
        ))
    }
}

/// The centred moving average (NaN where the window does not fit).
fn centred_mean(x: &[f64], period: usize) -> Vec<f64> {
    let n = x.len();
    let half = period / 2;
    let mut out = vec![f64::NAN; n];
    let p = period as f64;
    // The weighted mean of a window of values times `scale`.
    let mean = |window: &[f64], scale: f64| -> f64 {
        if period.is_multiple_of(2) {
            // `period + 1` values: half weights on the two ends.
            let (Some(&first), Some(&last)) = (window.first(), window.last()) else {
                return f64::NAN;
            };
            let inner: f64 = window
                .get(1..period)
                .unwrap_or_default()
                .iter()
                .map(|v| v * scale)
                .sum();
            (0.5 * (first * scale) + inner + 0.5 * (last * scale)) / p
        } else {
            window.iter().map(|v| v * scale).sum::<f64>() / p
        }
    };
    for (t, slot) in out.iter_mut().enumerate().take(n - half).skip(half) {
        let window = x.get(t - half..=t + half).unwrap_or_default();
        let m = mean(window, 1.0);
        // A mean of finite values is finite even where their sum is not:
        // then the values are scaled by 2⁻⁶⁴ (exact) for the sum.
        *slot = if m.is_finite() {
            m
        } else {
            (mean(window, DOWN) * UP).clamp(-f64::MAX, f64::MAX)
        };
    }
    out
}

/// 2⁻⁶⁴ and 2⁶⁴ (see `transform::kernel::DOWN`).
const DOWN: f64 = 5.421_010_862_427_522e-20;
const UP: f64 = 18_446_744_073_709_551_616.0;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn centred_weights() {
        let x: Vec<f64> = (0..10).map(f64::from).collect();
        let t = centred_mean(&x, 4);
        assert!(t[..2].iter().chain(&t[8..]).all(|v| v.is_nan()));
        for (i, v) in t.iter().enumerate().take(8).skip(2) {
            assert!((v - i as f64).abs() < 1e-12);
        }
        let t = centred_mean(&x, 3);
        assert!(t[0].is_nan() && t[9].is_nan() && (t[1] - 1.0).abs() < 1e-12);
        // Means of values whose sum overflows are still the means.
        for period in [3, 4] {
            let t = centred_mean(&[1e308; 7], period);
            assert!(t[3] == 1e308, "{t:?}");
            let t = centred_mean(&[f64::MAX; 7], period);
            assert!(t[3] == f64::MAX, "{t:?}");
        }
    }
}
