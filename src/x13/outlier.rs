//! Outlier regressors (AO, LS, TC) and the program's automatic outlier
//! detection.

/// The type of an outlier regressor, as the program defines them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum OutlierKind {
    /// Additive outlier: 1 at its period, 0 elsewhere.
    Ao,
    /// Level shift: −1 before its period, 0 from it on (the program's
    /// convention; the coefficient is the shift's size).
    Ls,
    /// Temporary change: 0 before its period, then δᵏ k periods after it,
    /// δ = 0.7 for monthly data (0.7^(12/s) for period s, the program's
    /// default `tcrate`).
    Tc,
}

impl OutlierKind {
    /// The program's prefix: `AO`, `LS`, `TC`.
    pub const fn code(&self) -> &'static str {
        match self {
            OutlierKind::Ao => "AO",
            OutlierKind::Ls => "LS",
            OutlierKind::Tc => "TC",
        }
    }

    /// The regressor's value at offset `t − t₀` (negative before the outlier).
    pub(crate) fn value(&self, offset: i64, period: usize) -> f64 {
        match self {
            OutlierKind::Ao => f64::from(u8::from(offset == 0)),
            OutlierKind::Ls => {
                if offset < 0 {
                    -1.0
                } else {
                    0.0
                }
            }
            OutlierKind::Tc => {
                if offset < 0 {
                    0.0
                } else {
                    let rate = 0.7f64.powf(12.0 / period as f64);
                    rate.powi(i32::try_from(offset).unwrap_or(i32::MAX))
                }
            }
        }
    }

    /// The regressor at `at` (0-based position in the span) over positions
    /// `from..to` (`from` may be negative, for backcasts).
    pub(crate) fn column(&self, at: usize, period: usize, from: i64, to: i64) -> Vec<f64> {
        let at = i64::try_from(at).unwrap_or(i64::MAX);
        (from..to).map(|t| self.value(t - at, period)).collect()
    }
}

impl std::fmt::Display for OutlierKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// An outlier: its type and its 0-based position in the span.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Outlier {
    /// The type.
    pub kind: OutlierKind,
    /// 0-based position in the span modelled.
    pub position: usize,
}

/// The program's default critical value for `n` observations searched:
/// Ljung's (1993) approximation at α = 0.01 as X-13ARIMA-SEATS documents it,
/// `x/a + b` with a = √(2 ln n), b = a − (ln ln n + ln 4π)/(2a),
/// x = −ln(−½ ln(2 − √1.01)).
///
/// # Example
/// ```
/// use econseries::x13::default_critical_value;
///
/// // 144 months: the program prints 3.89.
/// assert!((default_critical_value(144) - 3.89).abs() < 0.005);
/// # Ok::<(), econseries::Error>(())
/// ```
pub fn default_critical_value(n: usize) -> f64 {
    let nf = n.max(3) as f64;
    let pmod = 2.0 - (1.0f64 + 0.01).sqrt();
    let a = (2.0 * nf.ln()).sqrt();
    let b = a - (nf.ln().ln() + (4.0 * std::f64::consts::PI).ln()) / (2.0 * a);
    let x = -(-0.5 * pmod.ln()).ln();
    x / a + b
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_follow_the_program() {
        assert_eq!(OutlierKind::Ao.column(2, 12, 0, 5), vec![0.0, 0.0, 1.0, 0.0, 0.0]);
        assert_eq!(OutlierKind::Ls.column(2, 12, 0, 4), vec![-1.0, -1.0, 0.0, 0.0]);
        let tc = OutlierKind::Tc.column(1, 12, 0, 4);
        assert_eq!(tc[0], 0.0);
        assert!((tc[3] - 0.49).abs() < 1e-15);
        let q = OutlierKind::Tc.column(0, 4, 0, 2);
        assert!((q[1] - 0.7f64.powi(3)).abs() < 1e-15);
    }
}
