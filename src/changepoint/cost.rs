//! Segment costs, each O(1) per segment from running sums.
//!
//! The searches only ever compare costs, so each cost here may leave out a
//! term that is a sum over single observations (such as `Σ y²` for the
//! change in mean): such a term adds the same amount to every segmentation and
//! to both sides of every pruning test. The documented costs, with those terms,
//! are computed once per segment of the answer by [`describe`], directly from
//! the data.

use core::f64::consts::PI;

use crate::error::{Error, Result};

/// The model whose parameters change at a change point, and so the cost of a segment.
///
/// `y[a..b]` is a segment of length `ℓ = b − a`. The costs:
///
/// ```text
/// Mean          Σ (y − ȳ)²                                  squared error about the segment mean
/// Variance      ℓ·(ln 2π + ln v) + S/v,  S = Σ (y − μ)²,    −2·log-likelihood, normal, known mean μ
///               v = max(S/ℓ, floor)
/// MeanVariance  ℓ·(ln 2π + ln v) + R/v,  R = Σ (y − ȳ)²,    −2·log-likelihood, normal
///               v = max(R/ℓ, floor)
/// Trend         Σ (y − a − b·i)²                            squared error of the least-squares line
/// Poisson       2·x·(ln ℓ − ln x),  x = Σ y  (0 if x = 0)   −2·log-likelihood less Σ (2y + 2 ln y!)
/// ```
///
/// Where the variance estimate would fall below the floor, the likelihood is
/// maximised over variances at least the floor (`R/v` instead of `ℓ`), so the
/// cost stays finite and a split never costs more than the whole: the
/// property that keeps PELT and FPOP exact. The floor is `1e-10` times the
/// variance of the whole series (about the known mean for `Variance`), or the
/// smallest positive `f64` if that is zero.
///
/// `Poisson` drops `Σ (2y + 2 ln y!)` from −2·log-likelihood: it is the same for
/// every segmentation of the series (the cost of R's changepoint package).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Cost {
    /// A change in mean: squared error about each segment's mean (ruptures' `l2`, R's `cpt.mean`).
    Mean,
    /// A change in variance about a known mean: normal likelihood (R's `cpt.var`).
    Variance,
    /// A change in mean and variance: normal likelihood (R's `cpt.meanvar`).
    MeanVariance,
    /// A change in a linear trend: squared error of a least-squares line per segment.
    Trend,
    /// A change in the rate of counts: Poisson likelihood (R's `cpt.meanvar(test.stat = "Poisson")`).
    Poisson,
}

impl Cost {
    /// Every cost, in a fixed order.
    pub const ALL: [Cost; 5] = [
        Cost::Mean,
        Cost::Variance,
        Cost::MeanVariance,
        Cost::Trend,
        Cost::Poisson,
    ];

    /// The cost's name as the CLI spells it: `mean`, `var`, `meanvar`, `trend`, `poisson`.
    pub const fn name(self) -> &'static str {
        match self {
            Cost::Mean => "mean",
            Cost::Variance => "var",
            Cost::MeanVariance => "meanvar",
            Cost::Trend => "trend",
            Cost::Poisson => "poisson",
        }
    }

    /// The number of parameters that change at a change point (`p` in the
    /// penalty formulas): 1 for mean, variance and Poisson, 2 for mean and
    /// variance and for a trend (level and slope).
    pub const fn parameters(self) -> u32 {
        match self {
            Cost::Mean | Cost::Variance | Cost::Poisson => 1,
            Cost::MeanVariance | Cost::Trend => 2,
        }
    }

    /// Whether the cost is a squared error in the data's units (mean, trend),
    /// so that a likelihood-based penalty must be multiplied by the noise
    /// variance σ² to be on the same scale.
    pub const fn is_squared_error(self) -> bool {
        matches!(self, Cost::Mean | Cost::Trend)
    }

    /// The default minimum segment length: 1 for mean and Poisson, 2 for the
    /// variance costs (one point has no spread), 3 for a trend (two points
    /// fit a line exactly).
    pub const fn default_min_size(self) -> usize {
        match self {
            Cost::Mean | Cost::Poisson => 1,
            Cost::Variance | Cost::MeanVariance => 2,
            Cost::Trend => 3,
        }
    }

    /// The smallest minimum segment length the cost accepts: 2 for mean and
    /// variance (a single point would make the variance zero), else 1.
    pub const fn smallest_min_size(self) -> usize {
        match self {
            Cost::MeanVariance => 2,
            _ => 1,
        }
    }
}

impl core::fmt::Display for Cost {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.name())
    }
}

impl core::str::FromStr for Cost {
    type Err = Error;

    fn from_str(s: &str) -> Result<Cost> {
        Cost::ALL
            .into_iter()
            .find(|c| c.name() == s)
            .ok_or_else(|| Error::InvalidArgument {
                name: "cost",
                value: s.to_owned().into(),
                expected: "one of mean, var, meanvar, trend, poisson",
            })
    }
}

/// A segment cost the searches can evaluate in O(1): `cost(a, b)` for `y[a..b]`,
/// possibly less a sum of per-observation terms (see the module docs).
pub(crate) trait SegmentCost {
    /// The number of observations.
    fn len(&self) -> usize;
    /// The (reduced) cost of `y[a..b]`, `a < b <= len`.
    fn cost(&self, a: usize, b: usize) -> f64;
}

/// `v[i]`. Past the end, which the searches never ask for (checked in debug
/// builds), NaN: every comparison rejects it, where indexing would panic.
#[inline]
pub(crate) fn at(v: &[f64], i: usize) -> f64 {
    debug_assert!(i < v.len());
    v.get(i).copied().unwrap_or(f64::NAN)
}

/// `v[i] = x` for an `i` in bounds (as in the searches, checked in debug builds).
#[inline]
pub(crate) fn set<T>(v: &mut [T], i: usize, x: T) {
    debug_assert!(i < v.len());
    if let Some(slot) = v.get_mut(i) {
        *slot = x;
    }
}

/// Running sums with Neumaier compensation, so the stored prefix sums are
/// correctly rounded however long the series.
fn prefix(values: impl Iterator<Item = f64>, n: usize) -> Vec<f64> {
    let mut out = Vec::with_capacity(n + 1);
    out.push(0.0);
    let (mut sum, mut comp) = (0.0f64, 0.0f64);
    for v in values {
        let t = sum + v;
        // Both terms, then a select: which one is exact depends on the data,
        // and as a branch it is mispredicted half the time.
        let (big, small) = ((sum - t) + v, (v - t) + sum);
        comp += if sum.abs() >= v.abs() { big } else { small };
        sum = t;
        out.push(sum + comp);
    }
    out
}

/// The mean of finite `values` (0 if empty), finite even where their sum is
/// not (values near `f64::MAX`), and never outside their range, so that a
/// constant series is its own mean exactly.
pub(crate) fn mean(values: &[f64]) -> f64 {
    summary(values).mean
}

/// [`mean`] and the range of finite `values`, in one pass.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Summary {
    pub(crate) mean: f64,
    pub(crate) lo: f64,
    pub(crate) hi: f64,
}

/// [`Summary`] of finite `values` (all 0 if empty).
pub(crate) fn summary(values: &[f64]) -> Summary {
    let Some(&first) = values.first() else {
        return Summary {
            mean: 0.0,
            lo: 0.0,
            hi: 0.0,
        };
    };
    let n = values.len() as f64;
    // The sum in order (as `Iterator::sum`) and the range, as three
    // independent chains of one loop.
    let (mut sum, mut lo, mut hi) = (-0.0f64, first, first);
    for &v in values {
        sum += v;
        lo = if v < lo { v } else { lo };
        hi = if v > hi { v } else { hi };
    }
    let mean = if sum.is_finite() {
        sum / n
    } else {
        values.iter().map(|v| v / n).sum::<f64>()
    };
    Summary {
        mean: mean.clamp(lo, hi),
        lo,
        hi,
    }
}

/// The mean and the variance (divided by `n`) of `values`, two passes.
pub(crate) fn mean_var(values: &[f64]) -> (f64, f64) {
    if values.is_empty() {
        return (0.0, 0.0);
    }
    let n = values.len() as f64;
    let mean = mean(values);
    let var = values.iter().map(|v| (v - mean) * (v - mean)).sum::<f64>() / n;
    (mean, var)
}

/// Whether every cost of every segment of `y`, and every intermediate sum of
/// the searches, fits in an `f64`; `spread` is [`spread`]'s `D`.
///
/// ```text
/// squared-error and normal costs   16·n²·D² finite,  D = the largest distance between
///                                  two values (and, for Variance, to μ)
/// Poisson                          1500·Σ y finite  (|ln ℓ − ln x| ≤ 710 for counts x ≥ 1)
/// ```
///
/// Every deviation inside a segment is at most `D`, every running sum at most
/// `n·D`, so every square the costs and FPOP's envelope form is at most
/// `4·n²·D²` (a trend's residuals stay within a few `D`·√n).
pub(crate) fn fits(cost: Cost, y: &[f64], spread: f64) -> bool {
    match cost {
        Cost::Poisson => (y.iter().sum::<f64>() * 1500.0).is_finite(),
        _ => {
            let bound = 4.0 * y.len() as f64 * spread;
            (bound * bound).is_finite()
        }
    }
}

/// `D` of [`fits`] for values in `[lo, hi]`: the largest distance between two
/// values, and for [`Cost::Variance`] between a value and the known mean `mu`.
pub(crate) fn spread(cost: Cost, lo: f64, hi: f64, mu: f64) -> f64 {
    let d = hi - lo;
    if cost == Cost::Variance {
        d.max((hi - mu).abs()).max((lo - mu).abs())
    } else {
        d
    }
}

/// The power of two the searches multiply the values (and `mu`) by: 1,
/// unless the values are so close together (`D` below 2⁻²⁰⁰ ≈ 6e-61) that
/// their squared deviations would underflow and every segmentation would
/// cost 0. Then `D` is brought to about 1 (at most 2¹⁰⁰⁰ for subnormal
/// values). Multiplying by a power of two is exact, and the costs scale by
/// its square (squared errors) or shift by `n·ln c²` for every segmentation
/// alike (normal likelihoods), so the optimum is unchanged. Poisson counts
/// are never scaled.
pub(crate) fn search_scale(cost: Cost, spread: f64) -> f64 {
    const TINY: f64 = 6.223_015_277_861_142e-61; // 2^-200
    let d = spread;
    if cost == Cost::Poisson || d == 0.0 || d >= TINY || !d.is_finite() {
        return 1.0;
    }
    // -log2(d) lies in (200, 1075); its floor fits any integer type.
    let k = (-d.log2()).floor().min(1000.0);
    2f64.powf(k)
}

/// The variance floor for a series whose variance is `var`.
fn floor(var: f64) -> f64 {
    (var * 1e-10).max(f64::MIN_POSITIVE)
}

/// −2·log-likelihood of `ℓ` normal observations with residual sum of squares
/// `rss`, maximised over variances of at least `floor`.
#[inline]
fn normal_cost(len: f64, rss: f64, floor: f64) -> f64 {
    let v = (rss / len).max(floor);
    len * ((2.0 * PI).ln() + v.ln()) + rss / v
}

/// Change in mean: the reduced cost `−(Σ y)²/ℓ` on data centred on the
/// series mean (the squared error less `Σ y²`, which avoids the cancellation
/// of `Σ y² − (Σ y)²/ℓ`).
#[derive(Debug)]
pub(crate) struct MeanCost {
    pub(crate) s1: Vec<f64>,
}

impl MeanCost {
    /// The costs of `y`, whose [`mean`] is `mean`.
    pub(crate) fn new(y: &[f64], mean: f64) -> MeanCost {
        MeanCost {
            s1: prefix(y.iter().map(|v| v - mean), y.len()),
        }
    }

    /// The sum of the centred values of `y[a..b]`.
    #[inline]
    pub(crate) fn sum(&self, a: usize, b: usize) -> f64 {
        at(&self.s1, b) - at(&self.s1, a)
    }
}

impl SegmentCost for MeanCost {
    fn len(&self) -> usize {
        self.s1.len() - 1
    }

    #[inline]
    fn cost(&self, a: usize, b: usize) -> f64 {
        let s = at(&self.s1, b) - at(&self.s1, a);
        -s * (s / (b - a) as f64)
    }
}

/// Change in variance about a known mean.
#[derive(Debug)]
pub(crate) struct VarianceCost {
    s2: Vec<f64>,
    floor: f64,
}

impl VarianceCost {
    pub(crate) fn new(y: &[f64], mu: f64) -> VarianceCost {
        let n = y.len();
        let s2 = prefix(y.iter().map(|v| (v - mu) * (v - mu)), n);
        let var = at(&s2, n) / n.max(1) as f64;
        VarianceCost {
            s2,
            floor: floor(var),
        }
    }
}

impl SegmentCost for VarianceCost {
    fn len(&self) -> usize {
        self.s2.len() - 1
    }

    #[inline]
    fn cost(&self, a: usize, b: usize) -> f64 {
        let s = (at(&self.s2, b) - at(&self.s2, a)).max(0.0);
        normal_cost((b - a) as f64, s, self.floor)
    }
}

/// Change in mean and variance.
#[derive(Debug)]
pub(crate) struct MeanVarianceCost {
    s1: Vec<f64>,
    s2: Vec<f64>,
    floor: f64,
}

impl MeanVarianceCost {
    pub(crate) fn new(y: &[f64]) -> MeanVarianceCost {
        let n = y.len();
        let (mean, var) = mean_var(y);
        MeanVarianceCost {
            s1: prefix(y.iter().map(|v| v - mean), n),
            s2: prefix(y.iter().map(|v| (v - mean) * (v - mean)), n),
            floor: floor(var),
        }
    }
}

impl SegmentCost for MeanVarianceCost {
    fn len(&self) -> usize {
        self.s1.len() - 1
    }

    #[inline]
    fn cost(&self, a: usize, b: usize) -> f64 {
        let len = (b - a) as f64;
        let s1 = at(&self.s1, b) - at(&self.s1, a);
        let rss = ((at(&self.s2, b) - at(&self.s2, a)) - s1 * (s1 / len)).max(0.0);
        normal_cost(len, rss, self.floor)
    }
}

/// Change in a linear trend: the reduced cost `−(Σ y)²/ℓ − Sxy²/Sxx` (the
/// squared error of the line less `Σ y²`), with `x` the position in the series.
#[derive(Debug)]
pub(crate) struct TrendCost {
    /// Prefix sums of the centred values and of position times centred value.
    pub(crate) s1: Vec<f64>,
    pub(crate) sxy: Vec<f64>,
}

impl TrendCost {
    pub(crate) fn new(y: &[f64]) -> TrendCost {
        let n = y.len();
        let mean = mean(y);
        TrendCost {
            s1: prefix(y.iter().map(|v| v - mean), n),
            sxy: prefix(y.iter().enumerate().map(|(i, v)| i as f64 * (v - mean)), n),
        }
    }
}

impl SegmentCost for TrendCost {
    fn len(&self) -> usize {
        self.s1.len() - 1
    }

    #[inline]
    fn cost(&self, a: usize, b: usize) -> f64 {
        let len = (b - a) as f64;
        let s1 = at(&self.s1, b) - at(&self.s1, a);
        let level = -s1 * (s1 / len);
        if b - a < 2 {
            return level;
        }
        let xbar = (a + b - 1) as f64 / 2.0;
        let sxy = (at(&self.sxy, b) - at(&self.sxy, a)) - xbar * s1;
        let sxx = len * (len * len - 1.0) / 12.0;
        level - sxy * (sxy / sxx)
    }
}

/// # Errors
/// [`Error::InvalidArgument`] for a negative or fractional count.
pub(crate) fn check_counts(y: &[f64]) -> Result<()> {
    match y.iter().find(|v| **v < 0.0 || v.fract() != 0.0) {
        Some(&bad) => Err(Error::InvalidArgument {
            name: "values",
            value: bad.to_string().into(),
            expected: "non-negative whole counts for the Poisson cost",
        }),
        None => Ok(()),
    }
}

/// Poisson counts.
#[derive(Debug)]
pub(crate) struct PoissonCost {
    s1: Vec<f64>,
}

impl PoissonCost {
    /// # Errors
    /// [`Error::InvalidArgument`] for a negative or fractional count.
    pub(crate) fn new(y: &[f64]) -> Result<PoissonCost> {
        check_counts(y)?;
        Ok(PoissonCost {
            s1: prefix(y.iter().copied(), y.len()),
        })
    }
}

impl SegmentCost for PoissonCost {
    fn len(&self) -> usize {
        self.s1.len() - 1
    }

    #[inline]
    fn cost(&self, a: usize, b: usize) -> f64 {
        let x = at(&self.s1, b) - at(&self.s1, a);
        if x <= 0.0 {
            0.0
        } else {
            2.0 * x * (((b - a) as f64).ln() - x.ln())
        }
    }
}

/// The fitted parameters and documented cost of one segment, computed
/// directly from its values (two passes, no running sums).
pub(crate) struct Fit {
    pub(crate) mean: f64,
    pub(crate) variance: Option<f64>,
    pub(crate) slope: Option<f64>,
    pub(crate) cost: f64,
}

/// Context a segment's documented cost needs from the whole series.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Whole {
    /// The known mean (variance cost).
    pub(crate) mu: f64,
    /// The variance floor.
    pub(crate) floor: f64,
}

impl Whole {
    pub(crate) fn new(cost: Cost, y: &[f64], mu: f64) -> Whole {
        // Only the normal likelihoods have a floor.
        let var = match cost {
            Cost::Variance => {
                y.iter().map(|v| (v - mu) * (v - mu)).sum::<f64>() / y.len().max(1) as f64
            }
            Cost::MeanVariance => mean_var(y).1,
            _ => 0.0,
        };
        Whole {
            mu,
            floor: floor(var),
        }
    }
}

/// The documented cost and parameters of segment `seg` of the series.
pub(crate) fn describe(cost: Cost, seg: &[f64], whole: Whole) -> Fit {
    let (mean, var) = mean_var(seg);
    let len = seg.len() as f64;
    match cost {
        Cost::Mean => Fit {
            mean,
            variance: None,
            slope: None,
            cost: var * len,
        },
        Cost::Variance => {
            let s = seg
                .iter()
                .map(|v| (v - whole.mu) * (v - whole.mu))
                .sum::<f64>();
            Fit {
                mean,
                variance: Some(s / len),
                slope: None,
                cost: normal_cost(len, s, whole.floor),
            }
        }
        Cost::MeanVariance => Fit {
            mean,
            variance: Some(var),
            slope: None,
            cost: normal_cost(len, var * len, whole.floor),
        },
        Cost::Trend => {
            let xbar = (len - 1.0) / 2.0;
            let sxx = len * (len * len - 1.0) / 12.0;
            let sxy = seg
                .iter()
                .enumerate()
                .map(|(i, v)| (i as f64 - xbar) * (v - mean))
                .sum::<f64>();
            let slope = if sxx > 0.0 { sxy / sxx } else { 0.0 };
            let rss = seg
                .iter()
                .enumerate()
                .map(|(i, v)| {
                    let r = v - mean - slope * (i as f64 - xbar);
                    r * r
                })
                .sum::<f64>();
            Fit {
                mean,
                variance: None,
                slope: Some(slope),
                cost: rss,
            }
        }
        Cost::Poisson => {
            let x = seg.iter().sum::<f64>();
            Fit {
                mean,
                variance: None,
                slope: None,
                cost: if x <= 0.0 {
                    0.0
                } else {
                    2.0 * x * (len.ln() - x.ln())
                },
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The reduced costs differ from the documented ones by a sum over single
    /// observations, so differences between segmentations agree.
    #[test]
    fn reduced_costs_match_documented_ones_up_to_per_point_terms() {
        let y = [3.0, 1.5, 4.0, 1.0, 5.5, 9.0, 2.0, 6.0, 5.0, 3.5];
        let sq = |s: &[f64]| s.iter().map(|v| v * v).sum::<f64>();
        let m = mean(&y);
        let centred: Vec<f64> = y.iter().map(|v| v - m).collect();
        let mean = MeanCost::new(&y, m);
        let trend = TrendCost::new(&y);
        for a in 0..y.len() {
            for b in a + 1..=y.len() {
                let whole = Whole::new(Cost::Mean, &y, 0.0);
                let want = describe(Cost::Mean, &y[a..b], whole).cost - sq(&centred[a..b]);
                assert!((mean.cost(a, b) - want).abs() < 1e-9, "mean {a}..{b}");
                let want = describe(Cost::Trend, &y[a..b], whole).cost - sq(&centred[a..b]);
                assert!((trend.cost(a, b) - want).abs() < 1e-9, "trend {a}..{b}");
            }
        }
    }

    /// Splitting never costs more than the whole, also where the variance floor binds.
    #[test]
    fn floored_normal_costs_are_subadditive() {
        let y = [1.0, 1.0, 1.0, 2.0, 2.0, 7.0, 7.0, 7.0];
        let c = MeanVarianceCost::new(&y);
        for a in 0..y.len() {
            for t in a + 1..y.len() {
                for b in t + 1..=y.len() {
                    assert!(c.cost(a, t) + c.cost(t, b) <= c.cost(a, b) + 1e-9);
                }
            }
        }
    }

    #[test]
    fn poisson_rejects_negative_and_fractional_counts() {
        assert!(PoissonCost::new(&[1.0, -1.0]).is_err());
        assert!(PoissonCost::new(&[1.0, 0.5]).is_err());
        assert!(PoissonCost::new(&[0.0, 3.0]).is_ok());
    }
}
