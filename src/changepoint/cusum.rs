//! CUSUM test for a single change in mean.

use crate::error::{Error, Result};

use super::penalty::{Noise, estimate_sigma};

/// The result of [`cusum`].
#[derive(Clone, Copy, Debug, PartialEq)]
#[non_exhaustive]
pub struct Cusum {
    /// The most likely change: the first index of the new segment (`1..n`).
    pub change: usize,
    /// The test statistic `max_k |S_k − (k/n)·S_n| / (σ·√n)`.
    pub statistic: f64,
    /// The asymptotic p-value under "no change": `P(sup |B(u)| > statistic)`
    /// for a Brownian bridge `B` (the Kolmogorov distribution).
    pub p_value: f64,
    /// The noise standard deviation σ used.
    pub sigma: f64,
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
/// # Errors
/// [`Error::TooShort`] with fewer than 3 values; [`Error::NotFinite`] for a
/// NaN or infinite value; [`Error::InvalidArgument`] for a σ that is not
/// positive and finite; [`Error::ZeroNoise`] if σ is estimated as 0;
/// [`Error::Overflow`] if the statistic does not fit in an `f64` (values
/// near `f64::MAX` apart, or a σ so small that the ratio overflows).
///
/// # Example
/// ```
/// use econseries::changepoint::{Noise, cusum};
/// let y = [0.1, -0.1, 0.0, 0.2, -0.2, 2.1, 1.9, 2.0, 2.2, 1.8];
/// let c = cusum(&y, Noise::Sigma(0.15))?;
/// assert_eq!(c.change, 5);
/// assert!(c.p_value < 0.001);
/// # Ok::<(), econseries::Error>(())
/// ```
pub fn cusum(values: &[f64], noise: Noise) -> Result<Cusum> {
    let n = values.len();
    if n < 3 {
        return Err(Error::TooShort { need: 3, got: n });
    }
    if let Some(&bad) = values.iter().find(|v| !v.is_finite()) {
        return Err(Error::NotFinite { value: bad });
    }
    let sigma = match noise {
        Noise::Sigma(s) if s.is_finite() && s > 0.0 => s,
        Noise::Sigma(s) => {
            return Err(Error::InvalidArgument {
                name: "sigma",
                value: s.to_string(),
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
    if !statistic.is_finite() {
        return Err(Error::Overflow {
            computation: "CUSUM statistic",
        });
    }
    Ok(Cusum {
        change,
        statistic,
        p_value: kolmogorov_sf(statistic),
        sigma,
    })
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
