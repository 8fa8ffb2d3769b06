//! Outlier regressors (AO, LS, TC) and the program's automatic outlier
//! detection.

use crate::x13::arima::{self, Arma, ArmaCoefficients};
use crate::x13::estimate::{Estimate, Problem};

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

/// The outlier search of the program's `outlier{}` spec, `method=addone`.
///
/// # Example
/// ```
/// use econseries::x13::{OutlierKind, OutlierSearch};
///
/// let search = OutlierSearch::new(3.9);
/// assert_eq!(search.kinds, vec![OutlierKind::Ao, OutlierKind::Ls]);
/// // outlier{types=(ao ls tc) span=(…)} over positions 24..=119 of a span,
/// // at the program's default critical value for those 96 observations.
/// let search = OutlierSearch::program_default(96)
///     .kinds(vec![OutlierKind::Ao, OutlierKind::Ls, OutlierKind::Tc])
///     .span(24, 119);
/// assert_eq!(format!("{:.3}", search.critical), "3.801");
/// # Ok::<(), econseries::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct OutlierSearch {
    /// The types searched for (`types=`; the program's default is AO and LS).
    /// A TC decays at the program's default rate, 0.7 a month.
    pub kinds: Vec<OutlierKind>,
    /// The critical |t| (`critical=`).
    pub critical: f64,
    /// The positions searched, first and last (0-based, inclusive) in the
    /// span modelled (`span=`); `None`, the whole span.
    pub span: Option<(usize, usize)>,
}

impl OutlierSearch {
    /// AO and LS (the program's default types) over the whole span at the
    /// given critical value.
    pub fn new(critical: f64) -> OutlierSearch {
        OutlierSearch {
            kinds: vec![OutlierKind::Ao, OutlierKind::Ls],
            critical,
            span: None,
        }
    }

    /// AO and LS over the whole span at the program's default critical
    /// value for `searched` observations ([`default_critical_value`]); pass
    /// the length of the span searched (after [`span`](Self::span), its
    /// length).
    pub fn program_default(searched: usize) -> OutlierSearch {
        OutlierSearch::new(default_critical_value(searched))
    }

    /// The types searched for (`types=`).
    pub fn kinds(mut self, kinds: Vec<OutlierKind>) -> OutlierSearch {
        self.kinds = kinds;
        self
    }

    /// Search only positions `first..=last` of the span (`span=`).
    pub fn span(mut self, first: usize, last: usize) -> OutlierSearch {
        self.span = Some((first, last));
        self
    }
}

/// The program's significance level for its default critical value
/// (`outlier{}`'s internal `cvalfa`, 0.05).
const DEFAULT_ALPHA: f64 = 0.05;

/// Φ⁻¹(1 − α/2) for α = 0.05: the two-sided normal critical value, the
/// program's value for an outlier span of one observation
/// (`python3 -c "from statistics import NormalDist; print(NormalDist().inv_cdf(0.975))"`).
const Z_HALF_ALPHA: f64 = 1.959_963_984_540_053_6;

/// Φ⁻¹((1 + √(1 − α))/2) for α = 0.05: the critical value of the larger of two
/// independent |N(0,1)| at level α, the curve's anchor at two observations
/// (`python3 -c "from statistics import NormalDist; from math import sqrt;
/// print(NormalDist().inv_cdf((1 + sqrt(0.95)) / 2))"`).
const Z_TWO: f64 = 2.236_476_644_557_789_5;

/// Ljung's (1993) asymptotic critical value for the largest of `n` outlier
/// statistics at level α: the Gumbel approximation
/// a = √(2 ln n), b = a − (ln ln n + ln 4π)/(2a),
/// cv = −ln(−½ ln(2 − √(1 + α)))/a + b.
fn ljung(n: f64, alpha: f64) -> f64 {
    let a = (2.0 * n.ln()).sqrt();
    let b = a - (n.ln().ln() + (4.0 * std::f64::consts::PI).ln()) / (2.0 * a);
    -(-0.5 * (2.0 - (1.0 + alpha).sqrt()).ln()).ln() / a + b
}

/// The two functions of n the program's curve combines: a(n) = √(2 ln n) and
/// c(n) = (ln ln n + ln 4π)/(2 a(n)).
fn basis(n: f64) -> [f64; 3] {
    let a = (2.0 * n.ln()).sqrt();
    [
        1.0,
        (n.ln().ln() + (4.0 * std::f64::consts::PI).ln()) / (2.0 * a),
        a,
    ]
}

/// The determinant of a 3×3 matrix given by rows.
fn det3(m: &[[f64; 3]; 3]) -> f64 {
    let [[a, b, c], [d, e, f], [g, h, i]] = *m;
    a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g)
}

/// The program's default outlier critical value when `outlier{}` has no
/// `critical=`, for an outlier span of `n` observations (the span searched,
/// `outlier{span=}`, by default the model's span).
///
/// Ljung's (1993) asymptotic formula is too large for short spans, so the
/// program bends it toward the normal distribution: it fits
/// cv(n) = β₀ + β₁ c(n) + β₂ a(n), with a(n) = √(2 ln n) and
/// c(n) = (ln ln n + ln 4π)/(2a(n)) (the terms of Ljung's formula), through
/// three points: at n = 2 the exact critical value of the larger of two
/// independent |N(0,1)|, Φ⁻¹((1 + √(1 − α))/2), and at n = 100 and
/// n = 200 Ljung's value, all at α = 0.05. One observation gives the
/// normal Φ⁻¹(1 − α/2) = 1.96. (The rule is the program's function `setcv`
/// in its published source, build 61; the tests check it against the
/// binary's printed value, three decimals, for every n from 1 to 1000.)
/// With `n = 0` there is nothing to search: the value is +∞.
///
/// # Example
/// ```
/// use econseries::x13::default_critical_value;
///
/// // 12 years of monthly data: the program prints 3.890.
/// assert_eq!(format!("{:.3}", default_critical_value(144)), "3.890");
/// assert_eq!(format!("{:.2}", default_critical_value(4)), "2.62");
/// # Ok::<(), econseries::Error>(())
/// ```
pub fn default_critical_value(n: usize) -> f64 {
    match n {
        0 => f64::INFINITY,
        1 => Z_HALF_ALPHA,
        _ => {
            let xs = [2.0, 100.0, 200.0];
            let ys = [
                Z_TWO,
                ljung(100.0, DEFAULT_ALPHA),
                ljung(200.0, DEFAULT_ALPHA),
            ];
            let m = xs.map(basis);
            let d = det3(&m);
            // Cramer's rule for the three coefficients.
            let beta: [f64; 3] = std::array::from_fn(|j| {
                let mut mj = m;
                for (row, y) in mj.iter_mut().zip(ys) {
                    if let Some(v) = row.get_mut(j) {
                        *v = y;
                    }
                }
                det3(&mj) / d
            });
            let x = basis(n as f64);
            beta.iter().zip(x).map(|(b, v)| b * v).sum()
        }
    }
}

/// The columns of the outliers over the span `0..n`.
pub(crate) fn columns(outliers: &[Outlier], period: usize, n: usize) -> Vec<Vec<f64>> {
    outliers
        .iter()
        .map(|o| {
            o.kind
                .column(o.position, period, 0, i64::try_from(n).unwrap_or(i64::MAX))
        })
        .collect()
}

/// The robust standard deviation of residuals the search uses: 1.48 times
/// their median absolute deviation.
pub(crate) fn robust_sigma(resid: &[f64]) -> f64 {
    let mut a: Vec<f64> = resid.iter().map(|v| v.abs()).collect();
    a.sort_by(f64::total_cmp);
    let m = a.len();
    if m == 0 {
        return 0.0;
    }
    let med = if m % 2 == 1 {
        a.get(m / 2).copied().unwrap_or(0.0)
    } else {
        0.5 * (a.get(m / 2 - 1).copied().unwrap_or(0.0) + a.get(m / 2).copied().unwrap_or(0.0))
    };
    1.48 * med
}

/// The largest outlier t-statistic among the candidates not yet in the
/// model, for the model `problem` at the ARMA estimates `est`: each
/// candidate's differenced regressor is filtered like the data (x̃) and
/// regressed alone on the model's GLS residuals ẽ, t = x̃ᵀẽ / (σ̂ √(x̃ᵀx̃))
/// with σ̂ the robust residual standard deviation. The regressors already
/// in the model are not projected out: with them projected out, 55 of the
/// corpus' 65 searches end as the program's do, without, 58.
#[allow(clippy::indexing_slicing)]
pub(crate) fn best_candidate(
    problem: &Problem,
    est: &Estimate,
    n: usize,
    search: &OutlierSearch,
    present: &[Outlier],
) -> Option<(Outlier, f64)> {
    let order = problem.order;
    let period = problem.period;
    let nn = problem.n;
    let arma = Arma::new(&ArmaCoefficients::from_slice(&order, &est.theta), period);
    let sigma = robust_sigma(&est.eval.resid);
    if sigma.is_nan() || sigma <= 0.0 {
        return None;
    }
    let delta = arima::differencing(&order, period);
    let deg = delta.len().saturating_sub(1);
    let (first, last) = search.span.unwrap_or((0, n.saturating_sub(1)));
    let positions = (last.min(n.saturating_sub(1)) + 1).saturating_sub(first);
    let mut cands = Vec::with_capacity(search.kinds.len() * positions);
    let mut w = Vec::with_capacity(search.kinds.len() * positions * nn);
    // Where each candidate's differenced column has its first nonzero value:
    // the filtered column is (signed) zero before it, and so adds nothing to
    // the sums below.
    let mut firsts = Vec::with_capacity(cands.capacity());
    for &kind in &search.kinds {
        for t in first..=last.min(n.saturating_sub(1)) {
            let o = Outlier { kind, position: t };
            if present.contains(&o) {
                continue;
            }
            let d = differenced_column(kind, t, period, n, &delta, deg);
            let Some(nonzero) = d.iter().position(|v| *v != 0.0) else {
                continue;
            };
            w.extend(d);
            cands.push(o);
            firsts.push(nonzero);
        }
    }
    if cands.is_empty() {
        return None;
    }
    let fil = arima::filter(&arma, &w, nn, cands.len())?;
    let resid = &est.eval.resid;
    let mut best: Option<(Outlier, f64)> = None;
    for (c, (o, &from)) in cands.iter().zip(&firsts).enumerate() {
        let x = &fil.e[c * nn + from..(c + 1) * nn];
        let (xx, num) = dot_pair(x, &resid[from..]);
        if xx.is_nan() || xx <= 1e-12 {
            continue;
        }
        let t = num / (sigma * xx.sqrt());
        if best.as_ref().is_none_or(|b| t.abs() > b.1.abs()) {
            best = Some((*o, t));
        }
    }
    best
}

/// Σ xᵢ² and Σ xᵢ rᵢ, each summed in order from −0 as `Iterator::sum` does
/// (the two sums interleaved, which changes nothing in either).
#[allow(clippy::indexing_slicing)]
fn dot_pair(x: &[f64], r: &[f64]) -> (f64, f64) {
    let mut xx = -0.0;
    let mut xr = -0.0;
    for (u, v) in x.iter().zip(r) {
        xx += u * u;
        xr += u * v;
    }
    (xx, xr)
}

/// The candidate's column over `0..n` differenced by `delta` (degree `deg`).
/// AO and LS columns hold 0, 1 and −1, so with the integer coefficients of a
/// differencing polynomial every partial sum is an integer and exact: the
/// differenced AO column is `delta` placed at the outlier and the LS column
/// minus the tail sums of `delta`, whatever the order of summation. Exact
/// zeros are +0, as the sums give them. TC columns are differenced term by
/// term.
#[allow(clippy::indexing_slicing)]
fn differenced_column(
    kind: OutlierKind,
    at: usize,
    period: usize,
    n: usize,
    delta: &[f64],
    deg: usize,
) -> Vec<f64> {
    if n <= deg {
        return Vec::new();
    }
    let integral = delta.iter().all(|v| v.fract() == 0.0);
    match kind {
        OutlierKind::Ao if integral => {
            // Differenced index s is original index s + deg: the AO at `at`
            // reaches s + deg − at = j ∈ 0..=deg.
            let mut out = vec![0.0; n - deg];
            for (j, dj) in delta.iter().enumerate() {
                if let Some(s) = (at + j).checked_sub(deg)
                    && let Some(slot) = out.get_mut(s)
                {
                    *slot = *dj + 0.0;
                }
            }
            out
        }
        OutlierKind::Ls if integral => {
            // Σᵢ δᵢ x_{s+deg−i} with x_m = −1 for m < at: −Σ_{i > s+deg−at} δᵢ.
            let mut tail = vec![0.0; deg + 2];
            for i in (0..=deg).rev() {
                tail[i] = tail[i + 1] + delta[i];
            }
            (deg..n)
                .map(|m| {
                    // i > m − at, i ≤ deg.
                    let from = if m < at { 0 } else { m - at + 1 };
                    if from > deg { 0.0 } else { -tail[from] + 0.0 }
                })
                .collect()
        }
        _ => arima::apply_difference(
            delta,
            &kind.column(at, period, 0, i64::try_from(n).unwrap_or(i64::MAX)),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn critical_values_follow_the_published_table() {
        // The reference manual's table (two decimals).
        for (n, cv) in [(1, "1.96"), (2, "2.24"), (3, "2.44"), (4, "2.62")] {
            assert_eq!(format!("{:.2}", default_critical_value(n)), cv, "n = {n}");
        }
        assert!(default_critical_value(0).is_infinite());
        // The curve passes through Ljung's value at its anchors.
        assert!((default_critical_value(100) - ljung(100.0, 0.05)).abs() < 1e-12);
        assert!((default_critical_value(2) - Z_TWO).abs() < 1e-12);
    }

    #[test]
    fn columns_follow_the_program() {
        assert_eq!(
            OutlierKind::Ao.column(2, 12, 0, 5),
            vec![0.0, 0.0, 1.0, 0.0, 0.0]
        );
        assert_eq!(
            OutlierKind::Ls.column(2, 12, 0, 4),
            vec![-1.0, -1.0, 0.0, 0.0]
        );
        let tc = OutlierKind::Tc.column(1, 12, 0, 4);
        assert_eq!(tc[0], 0.0);
        assert!((tc[3] - 0.49).abs() < 1e-15);
        let q = OutlierKind::Tc.column(0, 4, 0, 2);
        assert!((q[1] - 0.7f64.powi(3)).abs() < 1e-15);
    }
}
