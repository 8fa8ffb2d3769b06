//! Hamilton's (2018) regression filter.

use crate::error::{Error, Operation, Result};
use crate::period::{Frequency, Period};
use crate::seasonal::decomposition::{Missing, TrendCycle, prepare};
use crate::series::Series;

/// Hamilton's regression filter ("Why you should never use the
/// Hodrick–Prescott filter", *Review of Economics and Statistics* 100(5),
/// 2018): the trend at `t + h` is what a linear regression on the `p` most
/// recent values at `t` predicts, and the cycle is the forecast error.
///
/// ```text
/// x(t+h) = β₀ + β₁ x(t) + β₂ x(t−1) + … + β_p x(t−p+1) + v(t+h)
/// trend(t+h) = fitted value      cycle(t+h) = v(t+h)
/// ```
///
/// Hamilton's recommendation is a two-year horizon and a year of lags:
/// `h = 8, p = 4` for quarterly data and `h = 24, p = 12` for monthly data
/// (the defaults here); for annual data the same rule gives `h = 2, p = 1`,
/// the default here (our reading of the rule, not a figure from the paper).
/// Hamilton applies it to 100 × the log of a level, so that the cycle reads as
/// a percent deviation: take [`Series::ln`](crate::Series::ln) first if that
/// is what you want.
///
/// The first `h + p − 1` periods have no trend or cycle. The regression is
/// solved by Householder QR (numerically stable on the strongly collinear
/// lagged levels) and agrees with `numpy.linalg.lstsq` to within 1e-14 of the
/// series' largest value.
///
/// # Example
/// ```
/// use econseries::{Quarter, Series, seasonal::Hamilton};
///
/// let q = Quarter::new(2000, 1)?;
/// let x = Series::from_values(q, (0..60).map(|i| 100.0 + 0.5 * i as f64 + [1.0, -1.0, 0.5, 0.0, -0.5][i % 5]))?;
/// let f = Hamilton::new().apply(&x)?;
/// assert_eq!(f.trend().get(q + 10), None); // h + p − 1 = 11 periods without a value
/// assert!(f.cycle().get(q + 11).is_some());
/// # Ok::<(), econseries::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Hamilton {
    horizon: Option<usize>,
    lags: Option<usize>,
    missing: Missing,
}

impl Hamilton {
    /// Hamilton's defaults for the series' frequency, rejecting missing values.
    pub const fn new() -> Hamilton {
        Hamilton {
            horizon: None,
            lags: None,
            missing: Missing::Reject,
        }
    }

    /// The horizon `h` (at least 1).
    pub const fn horizon(mut self, h: usize) -> Hamilton {
        self.horizon = Some(h);
        self
    }

    /// The number of lags `p` (at least 1).
    pub const fn lags(mut self, p: usize) -> Hamilton {
        self.lags = Some(p);
        self
    }

    /// What to do with missing values (default: [`Missing::Reject`]).
    pub const fn missing(mut self, missing: Missing) -> Hamilton {
        self.missing = missing;
        self
    }

    /// Hamilton's `(h, p)` for a frequency: two years ahead, one year of lags.
    ///
    /// # Example
    /// ```
    /// use econseries::{Frequency, seasonal::Hamilton};
    /// assert_eq!(Hamilton::defaults(Frequency::Quarterly), (8, 4));
    /// assert_eq!(Hamilton::defaults(Frequency::Monthly), (24, 12));
    /// ```
    pub fn defaults(frequency: Frequency) -> (usize, usize) {
        let f = frequency.per_year() as usize;
        (2 * f, f)
    }

    /// Filters a series into trend and cycle.
    ///
    /// # Errors
    /// - [`Error::Undefined`] naming the first missing value (see [`Missing`]).
    /// - [`Error::NoObservations`] for an empty series.
    /// - [`Error::InvalidArgument`] for `h` or `p` of 0.
    /// - [`Error::TooShort`] with fewer than `h + 2p + 1` periods (the
    ///   regression needs more rows than coefficients).
    /// - [`Error::Overflow`] for values so large that the regression overflows.
    pub fn apply<P: Period>(&self, series: &Series<P>) -> Result<TrendCycle<P>> {
        let (x, _) = prepare(series, self.missing, Operation::Hamilton)?;
        let (dh, dp) = Hamilton::defaults(P::FREQUENCY);
        let (h, p) = (self.horizon.unwrap_or(dh), self.lags.unwrap_or(dp));
        let cycle = hamilton_cycle(&x, h, p)?;
        let skip = x.len().saturating_sub(cycle.len());
        let mut trend = vec![f64::NAN; x.len()];
        let mut full = vec![f64::NAN; x.len()];
        let slots = trend.iter_mut().zip(full.iter_mut()).skip(skip);
        for ((t, f), (&xi, &c)) in slots.zip(x.iter().skip(skip).zip(&cycle)) {
            *t = xi - c;
            *f = c;
        }
        Ok(TrendCycle::new(series.start(), trend, full))
    }

    /// The cycle of Hamilton's filter on a plain slice, which has no
    /// frequency to choose `h` and `p` by: both must be set. Element `i`
    /// belongs to `x[i + h + p − 1]` (the trend is `x` minus the cycle).
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] if `h` or `p` is unset or 0, or for a
    /// non-finite value; [`Error::TooShort`] with fewer than `h + 2p + 1`
    /// values; [`Error::Overflow`] for values so large that the regression
    /// overflows.
    ///
    /// # Example
    /// ```
    /// use econseries::seasonal::Hamilton;
    /// // A straight line is perfectly predictable: no cycle.
    /// let x: Vec<f64> = (0..40).map(|i| 2.0 * i as f64).collect();
    /// let c = Hamilton::new().horizon(8).lags(4).cycle_slice(&x)?;
    /// assert_eq!(c.len(), 40 - 11);
    /// assert!(c.iter().all(|v| v.abs() < 1e-9));
    /// assert!(Hamilton::new().cycle_slice(&x).is_err()); // h and p unset
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn cycle_slice(&self, x: &[f64]) -> Result<Vec<f64>> {
        let unset = |name| Error::InvalidArgument {
            name,
            value: "unset".to_owned().into(),
            expected: "set for a slice, which has no frequency to choose it by",
        };
        let h = self.horizon.ok_or_else(|| unset("h"))?;
        let p = self.lags.ok_or_else(|| unset("p"))?;
        hamilton_cycle(x, h, p)
    }
}

/// The cycle of Hamilton's filter on a slice (see [`Hamilton::cycle_slice`]).
pub(crate) fn hamilton_cycle(x: &[f64], h: usize, p: usize) -> Result<Vec<f64>> {
    for (name, v) in [("h", h), ("p", p)] {
        if v == 0 {
            return Err(Error::InvalidArgument {
                name,
                value: v.to_string().into(),
                expected: "at least 1",
            });
        }
    }
    if let Some(v) = x.iter().find(|v| !v.is_finite()) {
        return Err(Error::InvalidArgument {
            name: "x",
            value: v.to_string().into(),
            expected: "finite values",
        });
    }
    let need = p
        .checked_mul(2)
        .and_then(|p2| p2.checked_add(h))
        .and_then(|n| n.checked_add(1))
        .unwrap_or(usize::MAX);
    if x.len() < need {
        return Err(Error::TooShort { need, got: x.len() });
    }
    // `x.len() >= h + 2p + 1`, so none of the differences below underflow.
    let first = h + p - 1;
    let m = x.len() - first;
    // Columns: the constant, then x(t−h), x(t−h−1), …, x(t−h−p+1) for t ≥ first.
    let mut cols: Vec<Vec<f64>> = Vec::with_capacity(p + 1);
    cols.push(vec![1.0; m]);
    for j in 0..p {
        let lagged = x.get(first - h - j..x.len() - h - j).unwrap_or_default();
        cols.push(lagged.to_vec());
    }
    let mut y = x.get(first..).unwrap_or_default().to_vec();
    let cycle = residual(&mut cols, &mut y);
    if cycle.iter().any(|c| !c.is_finite()) {
        return Err(Error::Overflow {
            operation: Operation::Hamilton,
        });
    }
    Ok(cycle)
}

/// The least-squares residual of `y` on the columns, by Householder QR.
/// A column that is (numerically) a combination of the previous ones is
/// skipped: the projection onto the span is the same without it.
fn residual(cols: &mut [Vec<f64>], y: &mut [f64]) -> Vec<f64> {
    let m = y.len();
    let mut reflectors: Vec<(usize, Vec<f64>)> = Vec::new();
    let norms: Vec<f64> = cols
        .iter()
        .map(|c| c.iter().map(|v| v * v).sum::<f64>().sqrt())
        .collect();
    let mut row = 0;
    for (j, &col_norm) in norms.iter().enumerate() {
        if row >= m {
            break;
        }
        let v = cols.get(j).and_then(|c| c.get(row..)).unwrap_or_default();
        let norm = v.iter().map(|v| v * v).sum::<f64>().sqrt();
        if norm.is_nan() || norm <= 1e-10 * col_norm {
            continue;
        }
        let mut u = v.to_vec();
        if let Some(u0) = u.first_mut() {
            *u0 += if *u0 >= 0.0 { norm } else { -norm };
        }
        let uu: f64 = u.iter().map(|v| v * v).sum();
        let reflect = |target: &mut [f64]| {
            let dot: f64 = u.iter().zip(target.iter()).map(|(a, b)| a * b).sum();
            let f = 2.0 * dot / uu;
            for (t, a) in target.iter_mut().zip(&u) {
                *t -= f * a;
            }
        };
        for col in cols.iter_mut().skip(j + 1) {
            reflect(col.get_mut(row..).unwrap_or_default());
        }
        reflect(y.get_mut(row..).unwrap_or_default());
        reflectors.push((row, u));
        row += 1;
    }
    // Qᵀy with its first `row` coordinates (the fitted part) removed, rotated back.
    for v in y.iter_mut().take(row) {
        *v = 0.0;
    }
    for (start, u) in reflectors.iter().rev() {
        let uu: f64 = u.iter().map(|v| v * v).sum();
        let target = y.get_mut(*start..).unwrap_or_default();
        let dot: f64 = u.iter().zip(target.iter()).map(|(a, b)| a * b).sum();
        let f = 2.0 * dot / uu;
        for (t, a) in target.iter_mut().zip(u) {
            *t -= f * a;
        }
    }
    y.to_vec()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn residual_is_orthogonal_to_the_columns() {
        let x: Vec<f64> = (0..50)
            .map(|i| f64::from(i).sin() * 10.0 + f64::from(i))
            .collect();
        let c = hamilton_cycle(&x, 3, 2).unwrap();
        let first = 3 + 2 - 1;
        assert!(c.iter().sum::<f64>().abs() < 1e-9);
        for j in 0..2 {
            let lagged = &x[first - 3 - j..x.len() - 3 - j];
            let dot: f64 = lagged.iter().zip(&c).map(|(a, b)| a * b).sum();
            assert!(dot.abs() < 1e-8, "{dot}");
        }
    }

    #[test]
    fn collinear_columns_and_bad_input() {
        // A constant series: every column is the constant; the cycle is 0.
        let c = hamilton_cycle(&[5.0; 30], 8, 4).unwrap();
        assert!(c.iter().all(|v| v.abs() < 1e-12));
        assert!(matches!(
            hamilton_cycle(&[1.0; 16], 8, 4),
            Err(Error::TooShort { need: 17, got: 16 })
        ));
        assert!(hamilton_cycle(&[1.0; 30], 0, 4).is_err());
        assert!(hamilton_cycle(&[1.0, f64::NAN], 1, 1).is_err());
    }
}
