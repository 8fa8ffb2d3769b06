//! Penalties and the noise scale they are measured in.

use crate::error::{Error, Operation, Result};

use super::cost::Cost;

/// The price of one change point, added to the total cost per change.
///
/// With `n` observations and `p` = [`Cost::parameters`], the named penalties,
/// on the −2·log-likelihood scale:
///
/// ```text
/// Bic, also SIC        β = (p + 1)·ln n        (the change's position counts as a parameter)
/// Bic0                 β = p·ln n              (R changepoint's "SIC0"/"BIC0")
/// Aic                  β = 2·(p + 1)
/// HannanQuinn          β = 2·(p + 1)·ln ln n
/// Mbic(R)              β = (p + 2)·ln n, and ln ℓᵢ added for every segment i
/// Mbic(ZhangSiegmund)  β = (p + 2)·ln n, and ln(ℓᵢ / n) added for every segment i
/// Manual(β)            β as given, in the cost's own units
/// ```
///
/// For the squared-error costs ([`Cost::Mean`], [`Cost::Trend`]) the
/// −2·log-likelihood of normal noise with variance σ² is the squared error
/// divided by σ², so every named penalty, MBIC's segment terms included, is
/// multiplied by σ² (given by [`Noise::Sigma`] or estimated, never assumed to
/// be 1). The likelihood costs (variance, mean and variance, Poisson) are
/// already on that scale. A manual penalty is used as given.
///
/// MBIC (Zhang & Siegmund 2007) comes in two forms. Zhang–Siegmund's is
/// `3m·ln n + Σ ln(ℓᵢ/n)` for a change in mean (`p = 1`); R's changepoint
/// package adds `ln ℓᵢ` instead of `ln(ℓᵢ/n)`, so its criterion is larger by
/// `(m + 1)·ln n` and it finds fewer changes. Both are offered; the segment
/// terms keep PELT and FPOP exact (they prune on the cost without them, which
/// is valid because `ln ℓ` grows more slowly than the segment does).
#[derive(Clone, Copy, Debug, PartialEq)]
#[non_exhaustive]
pub enum Penalty {
    /// A fixed amount per change, in the cost's units (ruptures' `pen`, R's `"Manual"`).
    Manual(f64),
    /// Schwarz's criterion: `(p + 1)·ln n` (R's `"SIC"`/`"BIC"`).
    Bic,
    /// `p·ln n` (R's `"SIC0"`/`"BIC0"`).
    Bic0,
    /// Akaike's criterion: `2·(p + 1)`.
    Aic,
    /// Hannan and Quinn's criterion: `2·(p + 1)·ln ln n`.
    HannanQuinn,
    /// The modified BIC, in the stated variant.
    Mbic(MbicVariant),
}

/// Which MBIC: see [`Penalty`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum MbicVariant {
    /// R changepoint's: `(p + 2)·ln n` per change plus `ln ℓᵢ` per segment.
    R,
    /// Zhang and Siegmund's: `(p + 2)·ln n` per change plus `ln(ℓᵢ / n)` per segment.
    ZhangSiegmund,
}

impl core::str::FromStr for Penalty {
    type Err = Error;

    /// `bic` (or `sic`), `bic0`, `aic`, `hq`, `mbic` (R's variant), `mbic-zs`
    /// (Zhang–Siegmund's), or a non-negative number (a manual penalty).
    fn from_str(s: &str) -> Result<Penalty> {
        Ok(match s.to_ascii_lowercase().as_str() {
            "bic" | "sic" => Penalty::Bic,
            "bic0" | "sic0" => Penalty::Bic0,
            "aic" => Penalty::Aic,
            "hq" => Penalty::HannanQuinn,
            "mbic" => Penalty::Mbic(MbicVariant::R),
            "mbic-zs" => Penalty::Mbic(MbicVariant::ZhangSiegmund),
            _ => match s.trim().parse::<f64>() {
                Ok(v) if v.is_finite() && v >= 0.0 => Penalty::Manual(v),
                _ => {
                    return Err(Error::InvalidArgument {
                        name: "penalty",
                        value: s.to_owned().into(),
                        expected: "bic, bic0, aic, hq, mbic, mbic-zs or a non-negative number",
                    });
                }
            },
        })
    }
}

/// The noise scale that the named penalties of the squared-error costs are multiplied by.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
#[non_exhaustive]
pub enum Noise {
    /// Estimate σ robustly from the data (see [`estimate_sigma`]).
    #[default]
    Estimate,
    /// The noise standard deviation σ, as known to the caller.
    Sigma(f64),
}

/// A robust estimate of the noise standard deviation: the median absolute
/// deviation of the first differences, scaled to σ for normal noise.
///
/// ```text
/// dᵢ = yᵢ₊₁ − yᵢ,   σ̂ = 1.4826 · median |dᵢ − median d| / √2
/// ```
///
/// Differencing removes the level (and the changes in level, except at the
/// few change points themselves), centring on the median difference removes a
/// linear trend, and a difference of two independent noise terms has variance
/// 2σ². This is R's `mad(diff(y)) / sqrt(2)`.
///
/// # Errors
/// [`Error::TooShort`] with fewer than 3 observations; [`Error::NonFinite`]
/// for a NaN or infinite value; [`Error::ZeroNoise`] when the estimate is 0
/// (more than half the differences are equal): give σ explicitly then;
/// [`Error::Overflow`] if a difference or the estimate is too large for an `f64`.
///
/// # Example
/// ```
/// use econseries::changepoint::estimate_sigma;
/// // Differences 1, 2, 4, 8: median 3, absolute deviations 2, 1, 1, 5, MAD 1.5.
/// let sigma = estimate_sigma(&[0.0, 1.0, 3.0, 7.0, 15.0])?;
/// assert!((sigma - 1.4826 * 1.5 / 2f64.sqrt()).abs() < 1e-12);
/// # Ok::<(), econseries::Error>(())
/// ```
pub fn estimate_sigma(values: &[f64]) -> Result<f64> {
    if values.len() < 3 {
        return Err(Error::TooShort {
            need: 3,
            got: values.len(),
        });
    }
    if let Some(&bad) = values.iter().find(|v| !v.is_finite()) {
        return Err(Error::NonFinite {
            value: bad,
            period: None,
        });
    }
    let mut d: Vec<f64> = values
        .iter()
        .zip(values.iter().skip(1))
        .map(|(a, b)| b - a)
        .collect();
    let med = median(&mut d);
    let mut dev: Vec<f64> = d.iter().map(|v| (v - med).abs()).collect();
    let sigma = 1.4826 * median(&mut dev) / core::f64::consts::SQRT_2;
    if !(d.iter().all(|v| v.is_finite()) && sigma.is_finite()) {
        Err(Error::Overflow {
            operation: Operation::NoiseEstimate,
        })
    } else if sigma > 0.0 {
        Ok(sigma)
    } else {
        Err(Error::ZeroNoise)
    }
}

/// The median of non-empty finite `v` (reordered in place).
pub(crate) fn median(v: &mut [f64]) -> f64 {
    let n = v.len();
    if n == 0 {
        return f64::NAN;
    }
    let (_, &mut hi, _) = v.select_nth_unstable_by(n / 2, f64::total_cmp);
    if n % 2 == 1 {
        hi
    } else {
        let lo = v
            .iter()
            .take(n / 2)
            .copied()
            .fold(f64::NEG_INFINITY, f64::max);
        (lo + hi) / 2.0
    }
}

/// A penalty resolved to numbers: `beta` per change, `weight·ln ℓ` per
/// segment, and `offset` once (so that MBIC's Zhang–Siegmund form
/// `Σ ln(ℓᵢ/n) = Σ ln ℓᵢ − (m + 1)·ln n` folds into `beta` and `offset`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Resolved {
    pub(crate) beta: f64,
    pub(crate) weight: f64,
    pub(crate) offset: f64,
}

impl Resolved {
    /// The penalty in units `factor` times the cost's, saturating at `f64::MAX`
    /// (such a penalty allows no change either way).
    pub(crate) fn scaled(&self, factor: f64) -> Resolved {
        if factor == 1.0 {
            return *self;
        }
        // `factor` may be infinite (the square of a scale up to 2¹⁰⁰⁰); 0 stays 0.
        let sat = |v: f64| {
            if v == 0.0 {
                0.0
            } else {
                (v * factor).clamp(-f64::MAX, f64::MAX)
            }
        };
        Resolved {
            beta: sat(self.beta),
            weight: sat(self.weight),
            offset: sat(self.offset),
        }
    }

    /// The number of the penalty terms for segments of lengths `lens`.
    pub(crate) fn total(&self, lens: impl Iterator<Item = usize>) -> f64 {
        let mut total = self.offset;
        let mut segments = 0usize;
        for len in lens {
            segments += 1;
            if self.weight != 0.0 {
                total += self.weight * (len as f64).ln();
            }
        }
        total + self.beta * segments.saturating_sub(1) as f64
    }
}

/// Resolves `penalty` for `n` observations of `cost`, with noise variance
/// `sigma2` (used by the squared-error costs only).
pub(crate) fn resolve(penalty: Penalty, cost: Cost, n: usize, sigma2: f64) -> Result<Resolved> {
    let p = f64::from(cost.parameters());
    let ln_n = (n as f64).ln();
    let scale = if cost.is_squared_error() { sigma2 } else { 1.0 };
    let (beta, weight, offset) = match penalty {
        Penalty::Manual(b) => {
            if !(b.is_finite() && b >= 0.0) {
                return Err(Error::InvalidArgument {
                    name: "penalty",
                    value: b.to_string().into(),
                    expected: "a finite, non-negative number",
                });
            }
            (b, 0.0, 0.0)
        }
        Penalty::Bic => ((p + 1.0) * ln_n, 0.0, 0.0),
        Penalty::Bic0 => (p * ln_n, 0.0, 0.0),
        Penalty::Aic => (2.0 * (p + 1.0), 0.0, 0.0),
        Penalty::HannanQuinn => {
            if n < 3 {
                return Err(Error::TooShort { need: 3, got: n });
            }
            (2.0 * (p + 1.0) * ln_n.ln(), 0.0, 0.0)
        }
        Penalty::Mbic(MbicVariant::R) => ((p + 2.0) * ln_n, 1.0, 0.0),
        Penalty::Mbic(MbicVariant::ZhangSiegmund) => ((p + 1.0) * ln_n, 1.0, -ln_n),
    };
    let r = match penalty {
        Penalty::Manual(_) => Resolved {
            beta,
            weight,
            offset,
        },
        _ => Resolved {
            beta: beta * scale,
            weight: weight * scale,
            offset: offset * scale,
        },
    };
    if r.beta.is_finite() && r.weight.is_finite() && r.offset.is_finite() {
        Ok(r)
    } else {
        Err(Error::InvalidArgument {
            name: "sigma",
            value: sigma2.sqrt().to_string().into(),
            expected: "a noise scale whose square is a finite number",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn penalties_follow_their_formulas() -> Result<()> {
        let n = 100;
        let ln = (100f64).ln();
        let r = |p| resolve(p, Cost::Mean, n, 4.0);
        assert_eq!(r(Penalty::Bic)?.beta, 2.0 * ln * 4.0);
        assert_eq!(r(Penalty::Bic0)?.beta, ln * 4.0);
        assert_eq!(r(Penalty::Aic)?.beta, 4.0 * 4.0);
        assert_eq!(r(Penalty::HannanQuinn)?.beta, 4.0 * ln.ln() * 4.0);
        assert_eq!(r(Penalty::Manual(3.0))?.beta, 3.0);
        let m = resolve(Penalty::Mbic(MbicVariant::R), Cost::MeanVariance, n, 4.0)?;
        assert_eq!((m.beta, m.weight, m.offset), (4.0 * ln, 1.0, 0.0));
        // Zhang–Siegmund: 3m ln n + Σ ln(ℓ/n) for two segments of 50.
        let zs = r(Penalty::Mbic(MbicVariant::ZhangSiegmund))?;
        let want = 4.0 * (3.0 * ln + 2.0 * (0.5f64).ln());
        assert!((zs.total([50, 50].into_iter()) - want).abs() < 1e-9);
        Ok(())
    }

    #[test]
    fn sigma_estimate_is_mad_of_differences() -> Result<()> {
        // Differences 2, -1, 2, -1, 2: median 2, deviations 0, 3, 0, 3, 0 → MAD 0 → error.
        assert!(matches!(
            estimate_sigma(&[1.0, 3.0, 2.0, 4.0, 3.0, 5.0]),
            Err(Error::ZeroNoise)
        ));
        // Differences 1, 2, 4, 8: median 3, deviations 2, 1, 1, 5 → MAD 1.5.
        let s = estimate_sigma(&[0.0, 1.0, 3.0, 7.0, 15.0])?;
        assert!((s - 1.4826 * 1.5 / 2f64.sqrt()).abs() < 1e-12);
        Ok(())
    }

    #[test]
    fn penalty_parses() -> Result<()> {
        assert_eq!("bic".parse::<Penalty>()?, Penalty::Bic);
        assert_eq!("2.5".parse::<Penalty>()?, Penalty::Manual(2.5));
        assert!("-1".parse::<Penalty>().is_err());
        assert!("nan".parse::<Penalty>().is_err());
        Ok(())
    }
}
