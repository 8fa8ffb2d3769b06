//! The Hodrick–Prescott filter, two-sided and one-sided.

use crate::error::{Error, Result};
use crate::period::{Frequency, Period};
use crate::seasonal::decomposition::{Missing, TrendCycle, prepare};
use crate::series::Series;

/// Hodrick–Prescott filter settings: the smoothing parameter λ, two-sided
/// (the default, statsmodels' `hpfilter`) or one-sided, and the missing-value
/// policy.
///
/// The trend minimises
///
/// ```text
/// Σ_t (x_t − τ_t)² + λ Σ_t (τ_{t+1} − 2τ_t + τ_{t−1})²
/// ```
///
/// that is `τ = (I + λ K'K)⁻¹ x`, with `K` the second-difference matrix. The
/// matrix is symmetric, positive definite and pentadiagonal, so the trend is
/// solved by a banded LDLᵀ factorisation in O(n) time and memory, not by a
/// dense or general sparse solver.
///
/// λ defaults by frequency to Ravn and Uhlig's rule `1600·(f/4)⁴`: 129,600
/// monthly, 1,600 quarterly, 6.25 annual.
///
/// The one-sided filter ([`one_sided`](HpFilter::one_sided)) gives at each
/// period the trend that a two-sided filter would give on the data up to that
/// period, its last value: no future observation moves it, so it is usable in
/// real time. It is computed by the Kalman filter of the HP model
/// (`τ_t = 2τ_{t−1} − τ_{t−2} + ε_t`, `x_t = τ_t + η_t`,
/// `Var ε / Var η = 1/λ`) with an exactly diffuse start, in O(n); the result is
/// the same as the O(n²) definition (checked against it in the tests).
///
/// # Example
/// ```
/// use econseries::{Quarter, Series, seasonal::HpFilter};
///
/// // The test vector of the project's notes, checked against statsmodels' hpfilter.
/// let x = [100.0, 102.0, 101.0, 105.0, 107.0, 106.0, 110.0, 112.0, 111.0, 115.0, 118.0, 117.0];
/// let s = Series::from_values(Quarter::new(2020, 1)?, x)?;
/// let hp = HpFilter::new().apply(&s)?;
/// let first = hp.trend().get(Quarter::new(2020, 1)?).ok_or("missing")?;
/// assert!((first - 99.482773).abs() < 1e-6);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct HpFilter {
    lambda: Option<f64>,
    one_sided: bool,
    missing: Missing,
}

impl HpFilter {
    /// Two-sided, λ by frequency, rejecting missing values.
    pub const fn new() -> HpFilter {
        HpFilter {
            lambda: None,
            one_sided: false,
            missing: Missing::Reject,
        }
    }

    /// The smoothing parameter (finite, ≥ 0; 0 gives the series itself).
    pub const fn lambda(mut self, lambda: f64) -> HpFilter {
        self.lambda = Some(lambda);
        self
    }

    /// The one-sided (real-time) filter instead of the two-sided one.
    pub const fn one_sided(mut self) -> HpFilter {
        self.one_sided = true;
        self
    }

    /// What to do with missing values (default: [`Missing::Reject`]).
    pub const fn missing(mut self, missing: Missing) -> HpFilter {
        self.missing = missing;
        self
    }

    /// Ravn and Uhlig's λ for a frequency: `1600·(f/4)⁴` with `f` periods a
    /// year, so 129,600 (monthly), 1,600 (quarterly) and 6.25 (annual).
    ///
    /// # Example
    /// ```
    /// use econseries::{Frequency, seasonal::HpFilter};
    /// assert_eq!(HpFilter::default_lambda(Frequency::Monthly), 129_600.0);
    /// assert_eq!(HpFilter::default_lambda(Frequency::Annual), 6.25);
    /// ```
    pub fn default_lambda(frequency: Frequency) -> f64 {
        1600.0 * (f64::from(frequency.per_year()) / 4.0).powi(4)
    }

    /// Filters a series into trend and cycle (`cycle = observed − trend`).
    ///
    /// # Errors
    /// - [`Error::Undefined`] naming the first missing value (see [`Missing`]).
    /// - [`Error::NoObservations`] for an empty series.
    /// - [`Error::InvalidArgument`] for a negative or non-finite λ.
    /// - [`Error::Overflow`] if λ or the values are so large that the trend
    ///   or the cycle does not fit in an `f64`.
    pub fn apply<P: Period>(&self, series: &Series<P>) -> Result<TrendCycle<P>> {
        let transform = if self.one_sided { "hp_one_sided" } else { "hp" };
        let (x, _) = prepare(series, self.missing, transform)?;
        let lambda = self
            .lambda
            .unwrap_or_else(|| HpFilter::default_lambda(P::FREQUENCY));
        let trend = if self.one_sided {
            hp_trend_one_sided(&x, lambda)?
        } else {
            hp_trend(&x, lambda)?
        };
        let cycle: Vec<f64> = x.iter().zip(&trend).map(|(x, t)| x - t).collect();
        let cycle = finite(cycle, transform)?;
        Ok(TrendCycle::new(series.start(), trend, cycle))
    }
}

fn check(x: &[f64], lambda: f64) -> Result<()> {
    if !(lambda.is_finite() && lambda >= 0.0) {
        return Err(Error::InvalidArgument {
            name: "lambda",
            value: lambda.to_string(),
            expected: "a finite smoothing parameter >= 0",
        });
    }
    if let Some(v) = x.iter().find(|v| !v.is_finite()) {
        return Err(Error::InvalidArgument {
            name: "x",
            value: v.to_string(),
            expected: "finite values",
        });
    }
    Ok(())
}

/// The two-sided HP trend of a slice: `(I + λK'K)⁻¹ x`, solved in O(n) by a
/// banded LDLᵀ factorisation (the cycle is `x − trend`). Series of fewer than
/// three values have no second difference and are their own trend.
///
/// # Errors
/// [`Error::InvalidArgument`] for a negative or non-finite λ or a non-finite
/// value; [`Error::Overflow`] if λ or the values are so large that the
/// factorisation overflows (λ beyond about 1e150).
///
/// # Example
/// ```
/// use econseries::seasonal::hp_trend;
/// // A straight line has no curvature to penalise: it is its own trend.
/// let x: Vec<f64> = (0..1000).map(|i| 3.0 + 0.5 * i as f64).collect();
/// let t = hp_trend(&x, 1600.0)?;
/// assert!(t.iter().zip(&x).all(|(t, x)| (t - x).abs() < 1e-6));
/// # Ok::<(), econseries::Error>(())
/// ```
// Bounds: `d`, `l1` and `t` have length `n` like `x`; every index is `i`,
// `i + 1`, `i + 2` under `< n` guards, or `i − 1`, `i − 2` under `>= 1`,
// `>= 2` guards, with `i < n`.
#[allow(clippy::indexing_slicing)]
pub fn hp_trend(x: &[f64], lambda: f64) -> Result<Vec<f64>> {
    check(x, lambda)?;
    let n = x.len();
    if n < 3 || lambda == 0.0 {
        return Ok(x.to_vec());
    }
    // Row i of K'K: column i of K meets rows i−2, i−1, i of K (those in 0..n−2)
    // with coefficients 1, −2, 1.
    let rows = n - 2;
    let valid = |r: usize| usize::from(r < rows);
    let diag = |i: usize| {
        let a = if i >= 2 { valid(i - 2) } else { 0 };
        let b = if i >= 1 { valid(i - 1) } else { 0 };
        (a + 4 * b + valid(i)) as f64
    };
    let off1 = |i: usize| {
        let b = if i >= 1 { valid(i - 1) } else { 0 };
        -2.0 * (b + valid(i)) as f64
    };
    // LDLᵀ with L unit lower triangular, bands l1 (i+1, i) and
    // l2 (i+2, i) = λ·[i < n − 2] / d_i (so not stored); the forward
    // substitution runs alongside, and the back substitution overwrites its
    // result: three arrays of n in all.
    let l2 = |i: usize, d: &[f64]| lambda * valid(i) as f64 / d[i];
    let mut d = vec![0.0; n];
    let mut l1 = vec![0.0; n];
    let mut t = vec![0.0; n];
    for i in 0..n {
        let mut di = 1.0 + lambda * diag(i);
        let mut zi = x[i];
        if i >= 1 {
            di -= l1[i - 1] * l1[i - 1] * d[i - 1];
            zi -= l1[i - 1] * t[i - 1];
        }
        if i >= 2 {
            let l = l2(i - 2, &d);
            di -= l * l * d[i - 2];
            zi -= l * t[i - 2];
        }
        d[i] = di;
        t[i] = zi;
        if i + 1 < n {
            let mut e = lambda * off1(i);
            if i >= 1 {
                e -= l2(i - 1, &d) * d[i - 1] * l1[i - 1];
            }
            l1[i] = e / di;
        }
    }
    for i in (0..n).rev() {
        let mut v = t[i] / d[i];
        if i + 1 < n {
            v -= l1[i] * t[i + 1];
        }
        if i + 2 < n {
            v -= l2(i, &d) * t[i + 2];
        }
        t[i] = v;
    }
    finite(t, "hp_trend")
}

/// `trend` if every value is finite, else [`Error::Overflow`]: a λ or values
/// so large that the recursion overflows give no trend rather than NaN.
fn finite(trend: Vec<f64>, computation: &'static str) -> Result<Vec<f64>> {
    if trend.iter().all(|v| v.is_finite()) {
        Ok(trend)
    } else {
        Err(Error::Overflow { computation })
    }
}

/// The one-sided HP trend of a slice: at each `t`, the last value of the
/// two-sided trend of `x[..=t]`, by a Kalman filter with an exactly diffuse
/// start (the first two values are their own trend), in O(n).
///
/// # Errors
/// As [`hp_trend`].
///
/// # Example
/// ```
/// use econseries::seasonal::{hp_trend, hp_trend_one_sided};
/// let x = [100.0, 102.0, 101.0, 105.0, 107.0, 106.0, 110.0, 112.0];
/// let one = hp_trend_one_sided(&x, 1600.0)?;
/// // Its value at t is the end point of a two-sided fit on the data up to t.
/// let two = hp_trend(&x[..6], 1600.0)?;
/// assert!((one[5] - two[5]).abs() < 1e-9);
/// # Ok::<(), econseries::Error>(())
/// ```
pub fn hp_trend_one_sided(x: &[f64], lambda: f64) -> Result<Vec<f64>> {
    check(x, lambda)?;
    let n = x.len();
    if n < 3 || lambda == 0.0 {
        return Ok(x.to_vec());
    }
    let q = 1.0 / lambda;
    let Some((&[x0, x1], rest)) = x.split_first_chunk::<2>() else {
        return Ok(x.to_vec());
    };
    let mut out = Vec::with_capacity(n);
    out.extend_from_slice(&[x0, x1]);
    // State (τ_t, τ_{t−1}) after x_1, x_2 under a flat prior: mean (x_2, x_1),
    // covariance the identity (in units of the observation noise).
    let (mut a0, mut a1) = (x1, x0);
    let (mut p00, mut p01, mut p11) = (1.0, 0.0, 1.0);
    for &y in rest {
        // Predict with T = [[2, −1], [1, 0]] and Q = diag(1/λ, 0).
        let b0 = 2.0 * a0 - a1;
        let b1 = a0;
        let m00 = 4.0 * p00 - 4.0 * p01 + p11 + q;
        let m01 = 2.0 * p00 - p01;
        let m11 = p00;
        // Update with x = τ + η, Var η = 1.
        let f = m00 + 1.0;
        let (k0, k1) = (m00 / f, m01 / f);
        let v = y - b0;
        a0 = b0 + k0 * v;
        a1 = b1 + k1 * v;
        p00 = m00 - k0 * m00;
        p01 = m01 - k0 * m01;
        p11 = m11 - k1 * m01;
        out.push(a0);
    }
    finite(out, "hp_trend_one_sided")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Source: statsmodels `hpfilter` on this vector, λ = 1600
    /// (notes/peers-transforms.md §2.4, marked verified there).
    #[test]
    fn notes_test_vector() {
        let x = [
            100.0, 102.0, 101.0, 105.0, 107.0, 106.0, 110.0, 112.0, 111.0, 115.0, 118.0, 117.0,
        ];
        let want = [
            99.482773, 101.149738, 102.817028, 104.485495, 106.154858, 107.825160, 109.496968,
            111.169711, 112.843130, 114.517488, 116.191894, 117.865758,
        ];
        let t = hp_trend(&x, 1600.0).unwrap();
        for (g, w) in t.iter().zip(want) {
            assert!((g - w).abs() < 5e-7, "{g} vs {w}");
        }
    }

    /// The banded solve against a dense Gaussian elimination of the same system.
    #[test]
    #[allow(clippy::needless_range_loop)]
    fn banded_equals_dense() {
        for n in [3usize, 4, 5, 9] {
            let x: Vec<f64> = (0..n)
                .map(|i| ((i * 7) % 5) as f64 + 0.3 * i as f64)
                .collect();
            let lambda = 10.0;
            let mut a = vec![vec![0.0; n]; n];
            for (i, row) in a.iter_mut().enumerate() {
                row[i] = 1.0;
            }
            for r in 0..n - 2 {
                let k = [(r, 1.0), (r + 1, -2.0), (r + 2, 1.0)];
                for &(i, ki) in &k {
                    for &(j, kj) in &k {
                        a[i][j] += lambda * ki * kj;
                    }
                }
            }
            let mut b = x.clone();
            for c in 0..n {
                for r in c + 1..n {
                    let f = a[r][c] / a[c][c];
                    for k in c..n {
                        a[r][k] -= f * a[c][k];
                    }
                    b[r] -= f * b[c];
                }
            }
            let mut want = vec![0.0; n];
            for r in (0..n).rev() {
                let s: f64 = (r + 1..n).map(|k| a[r][k] * want[k]).sum();
                want[r] = (b[r] - s) / a[r][r];
            }
            let got = hp_trend(&x, lambda).unwrap();
            for (g, w) in got.iter().zip(&want) {
                assert!((g - w).abs() < 1e-12, "n={n}: {g} vs {w}");
            }
            let one = hp_trend_one_sided(&x, lambda).unwrap();
            assert!((one[n - 1] - want[n - 1]).abs() < 1e-12, "n={n}");
        }
    }

    #[test]
    fn degenerate_inputs() {
        assert_eq!(hp_trend(&[], 1600.0).unwrap(), Vec::<f64>::new());
        assert_eq!(hp_trend(&[1.0, 5.0], 1600.0).unwrap(), [1.0, 5.0]);
        assert_eq!(hp_trend(&[1.0, 5.0, 2.0], 0.0).unwrap(), [1.0, 5.0, 2.0]);
        assert_eq!(
            hp_trend_one_sided(&[1.0, 5.0, 2.0], 0.0).unwrap(),
            [1.0, 5.0, 2.0]
        );
        for bad in [-1.0, f64::NAN, f64::INFINITY] {
            assert!(matches!(
                hp_trend(&[1.0; 5], bad),
                Err(Error::InvalidArgument { name: "lambda", .. })
            ));
        }
        assert!(hp_trend_one_sided(&[1.0, f64::NAN, 2.0], 1.0).is_err());
    }
}
