//! STL: Seasonal-Trend decomposition using LOESS (Cleveland, Cleveland,
//! McRae and Terpenning 1990), with statsmodels' parameters and defaults.

use crate::error::{Error, Operation, Result};
use crate::period::Period;
use crate::seasonal::decomposition::{Decomposition, Missing, Model, logs, prepare};
use crate::seasonal::loess::{Degree, Prepared, Smoother};
use crate::series::Series;

/// STL decomposition settings: a by-value builder with the parameters and
/// defaults of statsmodels' `STL` (0.15) and its `fit()`.
///
/// | setting | default | statsmodels |
/// |---|---|---|
/// | [`period`](Stl::period) | periods per year of the series (12, 4) | `period` |
/// | [`seasonal`](Stl::seasonal) | 7 | `seasonal` |
/// | [`trend`](Stl::trend) | smallest odd integer ≥ ⌈1.5·period / (1 − 1.5/seasonal)⌉ | `trend` |
/// | [`low_pass`](Stl::low_pass) | smallest odd integer > period | `low_pass` |
/// | [`degrees`](Stl::degrees) | 1, 1, 1 (seasonal, trend, low-pass) | `seasonal_deg`, `trend_deg`, `low_pass_deg` |
/// | [`jumps`](Stl::jumps) | 1, 1, 1 | `seasonal_jump`, `trend_jump`, `low_pass_jump` |
/// | [`robust`](Stl::robust) | off | `robust` |
/// | [`iterations`](Stl::iterations) | inner 5, outer 0; robust: inner 2, outer 15 | `fit(inner_iter, outer_iter)` |
///
/// Beyond statsmodels: a [`Model`] (multiplicative through logs) and a
/// [`Missing`] policy (statsmodels returns all-NaN output for one NaN; here a
/// missing value is an error naming it unless interpolation is asked for).
///
/// Results agree with statsmodels' `STL(...).fit()` on the crate's monthly
/// and quarterly data, robust or not: the largest difference is below 1e-14 of
/// the series' largest value without robustness iterations and below 2e-11
/// with them (robustness weights within 1e-9); the tests hold every
/// component to 1e-10 of that scale (`tests/it/seasonal.rs`, with the script
/// that computed the reference beside its fixtures). The LOESS routines follow the original Fortran as
/// statsmodels ports it; a fit without robustness weights is computed as a
/// fixed linear filter per window position, which is where most of the speed
/// over statsmodels comes from. Those filters are kept for every position
/// only while they are small (the windows of periods up to about 130);
/// beyond, only the centred one is kept and the others are recomputed when
/// needed, so memory stays O(n) whatever the period (`--period 10000` on
/// 20,000 months: 8 MB peak instead of an 11.7 GB allocation failure) and
/// the results are the same bit for bit. Time is O(n·w) for windows of
/// length w, as in the original.
///
/// # Example
/// ```
/// use econseries::{Month, Series, seasonal::Stl};
///
/// // Four years of a level with a strong December peak.
/// let jan = Month::new(2021, 1)?;
/// let x = Series::from_values(jan, (0..48).map(|i| 100.0 + i as f64 + if i % 12 == 11 { 30.0 } else { 0.0 }))?;
/// let fit = Stl::new().robust(true).fit(&x)?;
/// let dec = Month::new(2023, 12)?;
/// assert!(fit.seasonal().get(dec).ok_or("missing")? > 20.0);
/// assert!(fit.seasonal_strength() > 0.9);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Stl {
    period: Option<usize>,
    seasonal: usize,
    trend: Option<usize>,
    low_pass: Option<usize>,
    degrees: [Degree; 3],
    jumps: [usize; 3],
    robust: bool,
    inner: Option<usize>,
    outer: Option<usize>,
    model: Model,
    missing: Missing,
}

impl Default for Stl {
    fn default() -> Stl {
        Stl::new()
    }
}

/// The resolved parameters of one fit.
#[derive(Clone, Copy, Debug)]
struct Config {
    period: usize,
    seasonal: Smoother,
    trend: Smoother,
    low_pass: Smoother,
    inner: usize,
    outer: usize,
}

/// The components of an STL fit on a plain slice: see [`Stl::fit_slice`].
#[derive(Clone, Debug, PartialEq)]
pub struct StlComponents {
    trend: Vec<f64>,
    seasonal: Vec<f64>,
    remainder: Vec<f64>,
    weights: Vec<f64>,
}

impl StlComponents {
    /// The trend component.
    pub fn trend(&self) -> &[f64] {
        &self.trend
    }

    /// The seasonal component.
    pub fn seasonal(&self) -> &[f64] {
        &self.seasonal
    }

    /// `y − trend − seasonal`.
    pub fn remainder(&self) -> &[f64] {
        &self.remainder
    }

    /// The robustness weights (all 1 for a fit that is not robust).
    pub fn weights(&self) -> &[f64] {
        &self.weights
    }
}

impl Stl {
    /// statsmodels' defaults, additive, rejecting missing values.
    pub const fn new() -> Stl {
        Stl {
            period: None,
            seasonal: 7,
            trend: None,
            low_pass: None,
            degrees: [1, 1, 1],
            jumps: [1, 1, 1],
            robust: false,
            inner: None,
            outer: None,
            model: Model::Additive,
            missing: Missing::Reject,
        }
    }

    /// The length of the seasonal cycle, in periods (at least 2). Defaults to
    /// the number of periods per year of the series; required for
    /// [`fit_slice`](Stl::fit_slice).
    pub const fn period(mut self, period: usize) -> Stl {
        self.period = Some(period);
        self
    }

    /// Length of the seasonal smoother, in cycles (odd, at least 3; default 7).
    pub const fn seasonal(mut self, length: usize) -> Stl {
        self.seasonal = length;
        self
    }

    /// Length of the trend smoother, in periods (odd, at least 3, greater than
    /// the period).
    pub const fn trend(mut self, length: usize) -> Stl {
        self.trend = Some(length);
        self
    }

    /// Length of the low-pass filter, in periods (odd, at least 3, greater
    /// than the period).
    pub const fn low_pass(mut self, length: usize) -> Stl {
        self.low_pass = Some(length);
        self
    }

    /// Degrees (0 or 1) of the seasonal, trend and low-pass LOESS.
    pub const fn degrees(mut self, seasonal: u8, trend: u8, low_pass: u8) -> Stl {
        self.degrees = [seasonal, trend, low_pass];
        self
    }

    /// Jumps (at least 1) of the seasonal, trend and low-pass LOESS: each is
    /// evaluated every `jump` points and interpolated linearly in between.
    pub const fn jumps(mut self, seasonal: usize, trend: usize, low_pass: usize) -> Stl {
        self.jumps = [seasonal, trend, low_pass];
        self
    }

    /// Robust fitting: outer iterations down-weight outliers (bisquare
    /// weights on the remainder), so one aberrant month does not leak into
    /// the seasonal factors of its neighbours.
    pub const fn robust(mut self, robust: bool) -> Stl {
        self.robust = robust;
        self
    }

    /// Inner (backfitting) and outer (robustness) iterations, overriding the
    /// defaults (5 and 0; robust: 2 and 15).
    pub const fn iterations(mut self, inner: usize, outer: usize) -> Stl {
        self.inner = Some(inner);
        self.outer = Some(outer);
        self
    }

    /// Additive (default) or multiplicative. A multiplicative fit decomposes
    /// `ln(y)` additively and returns the exponentials: trend in the series'
    /// unit, seasonal and remainder as factors around 1.
    pub const fn model(mut self, model: Model) -> Stl {
        self.model = model;
        self
    }

    /// What to do with missing values (default: [`Missing::Reject`]).
    pub const fn missing(mut self, missing: Missing) -> Stl {
        self.missing = missing;
        self
    }

    /// Decomposes a series.
    ///
    /// # Errors
    /// - [`Error::Undefined`] naming the first missing value (unless
    ///   [`Missing::Interpolate`] is set and the value lies between two
    ///   observations), or, for a multiplicative model, the first value that
    ///   is not positive.
    /// - [`Error::NoObservations`] for an empty series.
    /// - [`Error::InvalidArgument`] for an invalid setting, or an annual
    ///   series without an explicit [`period`](Stl::period).
    /// - [`Error::TooShort`] for a series shorter than two cycles.
    /// - [`Error::Overflow`] for values so large that the fit overflows.
    ///
    /// # Example
    /// ```
    /// use econseries::{Error, Month, Series, seasonal::{Missing, Stl}};
    ///
    /// let jan = Month::new(2022, 1)?;
    /// let mut v: Vec<Option<f64>> = (0..36).map(|i| Some(50.0 + (i % 12) as f64)).collect();
    /// v[20] = None; // 2023-09
    /// let x = Series::from_options(jan, v)?;
    /// match Stl::new().fit(&x) {
    ///     Err(Error::Undefined { period, .. }) => assert_eq!(period, Month::new(2023, 9)?),
    ///     other => panic!("{other:?}"),
    /// }
    /// let fit = Stl::new().missing(Missing::Interpolate).fit(&x)?;
    /// assert_eq!(fit.filled(), [Month::new(2023, 9)?]);
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn fit<P: Period>(&self, series: &Series<P>) -> Result<Decomposition<P>> {
        let (mut y, filled) = prepare(series, self.missing, Operation::Stl)?;
        let period = match (self.period, P::PER_YEAR) {
            (Some(p), _) => p,
            (None, 1) => {
                return Err(Error::InvalidArgument {
                    name: "period",
                    value: "none".to_owned().into(),
                    expected: "an explicit period for an annual series",
                });
            }
            (None, n) => n as usize,
        };
        let observed = y.clone();
        if self.model == Model::Multiplicative {
            logs(series, &mut y, Operation::Stl)?;
        }
        let config = self.config(period, y.len())?;
        let (c, remainder) = run_scaled(&y, &config);
        let mut parts = [c.trend, c.seasonal, remainder];
        if self.model == Model::Multiplicative {
            for part in &mut parts {
                for v in part.iter_mut() {
                    *v = v.exp();
                }
            }
        }
        if parts.iter().flatten().any(|v| !v.is_finite()) {
            return Err(Error::Overflow {
                operation: Operation::Stl,
            });
        }
        let weights = self.robust_fit(&config).then_some(c.weights);
        Ok(Decomposition::new(
            self.model, series, observed, parts, weights, &filled,
        ))
    }

    /// Decomposes a plain slice (additively, whatever the [`model`](Stl::model)
    /// setting): the kernel behind [`fit`](Stl::fit), for data that is not a
    /// calendar series or for loops over many series.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] if no [`period`](Stl::period) is set, for an
    /// invalid setting, or for a non-finite value; [`Error::TooShort`] for
    /// fewer than two cycles; [`Error::Overflow`] for values so large that
    /// the fit overflows.
    ///
    /// # Example
    /// ```
    /// use econseries::seasonal::Stl;
    /// let y: Vec<f64> = (0..40).map(|i| [1.0, -1.0, 2.0, -2.0][i % 4] + 0.1 * i as f64).collect();
    /// let c = Stl::new().period(4).fit_slice(&y)?;
    /// assert!((c.seasonal()[20] - 1.0).abs() < 0.05);
    /// assert!((c.trend()[20] - 2.0).abs() < 0.05);
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn fit_slice(&self, y: &[f64]) -> Result<StlComponents> {
        let Some(period) = self.period else {
            return Err(Error::InvalidArgument {
                name: "period",
                value: "none".to_owned().into(),
                expected: "a period for a slice",
            });
        };
        if let Some(v) = y.iter().find(|v| !v.is_finite()) {
            return Err(Error::InvalidArgument {
                name: "y",
                value: v.to_string().into(),
                expected: "finite values",
            });
        }
        let config = self.config(period, y.len())?;
        let (c, remainder) = run_scaled(y, &config);
        let parts = [&c.trend, &c.seasonal, &remainder];
        if parts.iter().any(|p| p.iter().any(|v| !v.is_finite())) {
            return Err(Error::Overflow {
                operation: Operation::Stl,
            });
        }
        Ok(StlComponents {
            trend: c.trend,
            seasonal: c.seasonal,
            remainder,
            weights: c.weights,
        })
    }

    fn robust_fit(&self, config: &Config) -> bool {
        self.robust || config.outer > 0
    }

    /// Validates the settings and fills in statsmodels' defaults.
    fn config(&self, period: usize, n: usize) -> Result<Config> {
        let bad = |name: &'static str, value: usize, expected: &'static str| {
            Err(Error::InvalidArgument {
                name,
                value: value.to_string().into(),
                expected,
            })
        };
        if period < 2 {
            return bad("period", period, "at least 2");
        }
        let ns = self.seasonal;
        if ns < 3 || ns.is_multiple_of(2) {
            return bad("seasonal", ns, "an odd length of at least 3");
        }
        let nt = match self.trend {
            Some(t) => t,
            None => {
                let t = (1.5 * period as f64 / (1.0 - 1.5 / ns as f64)).ceil() as usize;
                t + usize::from(t.is_multiple_of(2))
            }
        };
        if nt < 3 || nt.is_multiple_of(2) || nt <= period {
            return bad(
                "trend",
                nt,
                "an odd length of at least 3, greater than the period",
            );
        }
        let nl = self
            .low_pass
            .unwrap_or(period.saturating_add(1 + usize::from(!period.is_multiple_of(2))));
        if nl < 3 || nl.is_multiple_of(2) || nl <= period {
            return bad(
                "low_pass",
                nl,
                "an odd length of at least 3, greater than the period",
            );
        }
        for (name, d) in [
            ("seasonal_deg", self.degrees[0]),
            ("trend_deg", self.degrees[1]),
            ("low_pass_deg", self.degrees[2]),
        ] {
            if d > 1 {
                return bad(name, usize::from(d), "0 or 1");
            }
        }
        for (name, j) in [
            ("seasonal_jump", self.jumps[0]),
            ("trend_jump", self.jumps[1]),
            ("low_pass_jump", self.jumps[2]),
        ] {
            if j == 0 {
                return bad(name, j, "at least 1");
            }
        }
        let inner = self.inner.unwrap_or(if self.robust { 2 } else { 5 });
        if inner == 0 {
            return bad("inner", inner, "at least 1");
        }
        let outer = self.outer.unwrap_or(if self.robust { 15 } else { 0 });
        let need = period.saturating_mul(2);
        if n < need {
            return Err(Error::TooShort { need, got: n });
        }
        Ok(Config {
            period,
            seasonal: Smoother {
                len: ns,
                deg: self.degrees[0],
                jump: self.jumps[0],
            },
            trend: Smoother {
                len: nt,
                deg: self.degrees[1],
                jump: self.jumps[1],
            },
            low_pass: Smoother {
                len: nl,
                deg: self.degrees[2],
                jump: self.jumps[2],
            },
            inner,
            outer,
        })
    }
}

struct Raw {
    trend: Vec<f64>,
    seasonal: Vec<f64>,
    weights: Vec<f64>,
}

/// [`run`] and the remainder, on `y` rescaled by a power of two when its
/// values come near `f64::MAX` (the loess fits are linear in `y` and the
/// robustness weights depend only on ratios, so the components scale
/// exactly); the components are scaled back, and an overflow there is left
/// for the caller to report.
fn run_scaled(y: &[f64], c: &Config) -> (Raw, Vec<f64>) {
    let scale = crate::transform::safe_scale(y);
    let scaled: Vec<f64>;
    let y = if scale == 1.0 {
        y
    } else {
        scaled = y.iter().map(|v| v * scale).collect();
        &scaled
    };
    let mut raw = run(y, c);
    let mut remainder: Vec<f64> = y
        .iter()
        .zip(&raw.seasonal)
        .zip(&raw.trend)
        .map(|((y, s), t)| y - s - t)
        .collect();
    if scale != 1.0 {
        for part in [&mut raw.trend, &mut raw.seasonal, &mut remainder] {
            for v in part.iter_mut() {
                *v /= scale;
            }
        }
    }
    (raw, remainder)
}

/// The STL loops: `outer + 1` passes of `inner` backfitting iterations, robustness
/// weights recomputed between passes.
fn run(y: &[f64], c: &Config) -> Raw {
    let n = y.len();
    let np = c.period;
    let mut trend = vec![0.0; n];
    let mut season = vec![0.0; n];
    let mut rw = vec![1.0; n];
    let mut work = Work::new(n, c);
    let mut detrended = vec![0.0; n];
    let mut use_rw = false;
    for pass in 0..=c.outer {
        for _ in 0..c.inner {
            for ((d, &y), &t) in detrended.iter_mut().zip(y).zip(&trend) {
                *d = y - t;
            }
            cycle_subseries(&detrended, np, use_rw.then_some(&rw[..]), &mut work);
            low_pass(np, &mut work);
            work.low_pass.smooth(&work.ma3, None, &mut work.low);
            // The smoothed subseries run one period before the series: skip it.
            let cycle = work.cycle.get(np..).unwrap_or_default();
            let parts = season.iter_mut().zip(detrended.iter_mut());
            for (((s, d), &y), (&c, &l)) in parts.zip(y).zip(cycle.iter().zip(&work.low)) {
                *s = c - l;
                *d = y - *s;
            }
            work.trend
                .smooth(&detrended, use_rw.then_some(&rw[..]), &mut trend);
        }
        if pass < c.outer {
            robustness_weights(y, &trend, &season, &mut rw, &mut work.scratch);
            use_rw = true;
        }
    }
    Raw {
        trend,
        seasonal: season,
        weights: rw,
    }
}

/// Buffers and prepared smoothers, reused across iterations.
struct Work {
    /// The smoothed cycle-subseries, one period longer at each end: n + 2·np.
    cycle: Vec<f64>,
    ma1: Vec<f64>,
    ma2: Vec<f64>,
    ma3: Vec<f64>,
    low: Vec<f64>,
    sub_y: Vec<f64>,
    sub_rw: Vec<f64>,
    sub_ry: Vec<f64>,
    sub_fit: Vec<f64>,
    scratch: Vec<f64>,
    /// The seasonal smoother for the two lengths a cycle-subseries can have.
    seasonal: [Prepared; 2],
    low_pass: Prepared,
    trend: Prepared,
}

impl Work {
    fn new(n: usize, c: &Config) -> Work {
        let np = c.period;
        let k = n / np;
        Work {
            cycle: vec![0.0; n + 2 * np],
            ma1: vec![0.0; n + np + 1],
            ma2: vec![0.0; n + 2],
            ma3: vec![0.0; n],
            low: vec![0.0; n],
            sub_y: Vec::with_capacity(k + 1),
            sub_rw: Vec::with_capacity(k + 1),
            sub_ry: Vec::with_capacity(k + 1),
            sub_fit: vec![0.0; k + 3],
            scratch: Vec::with_capacity(n),
            seasonal: [c.seasonal.prepare(k), c.seasonal.prepare(k + 1)],
            low_pass: c.low_pass.prepare(n),
            trend: c.trend.prepare(n),
        }
    }
}

/// Smooths each cycle-subseries (all Januaries, all Februaries, ...) and
/// extends it one cycle beyond both ends, into `work.cycle`.
// Bounds: `config` guarantees `n >= 2 * np`, so every subseries has
// `k = (n − j − 1) / np + 1 >= 2` points, `i * np + j < n` for `i < k`
// (it is the last position of that subseries), `sub_fit` has `k_max + 3 >= k + 2`
// slots, and `m * np + j <= (k + 1) * np + j <= n + 2 * np − 1 < cycle.len()`
// for `m <= k + 1`.
#[allow(clippy::indexing_slicing)]
fn cycle_subseries(y: &[f64], np: usize, rw: Option<&[f64]>, work: &mut Work) {
    let n = y.len();
    for j in 0..np {
        let k = (n - (j + 1)) / np + 1;
        work.sub_y.clear();
        work.sub_y.extend((0..k).map(|i| y[i * np + j]));
        work.sub_rw.clear();
        work.sub_ry.clear();
        if let Some(rw) = rw {
            work.sub_rw.extend((0..k).map(|i| rw[i * np + j]));
            work.sub_ry
                .extend(work.sub_rw.iter().zip(&work.sub_y).map(|(r, y)| r * y));
        }
        let robust = rw.map(|_| (&work.sub_rw[..], &work.sub_ry[..]));
        let sm = &mut work.seasonal[usize::from(k > n / np)];
        let ns = sm.len();
        let fit = &mut work.sub_fit[..k + 2];
        sm.smooth(&work.sub_y, robust.map(|r| r.0), &mut fit[1..=k]);
        let nright = ns.min(k);
        fit[0] = sm.est(&work.sub_y, robust, 0, 1, nright).unwrap_or(fit[1]);
        let nleft = if k >= ns { k - ns + 1 } else { 1 };
        fit[k + 1] = sm
            .est(&work.sub_y, robust, k as i64 + 1, nleft, k)
            .unwrap_or(fit[k]);
        for (m, &v) in fit.iter().enumerate() {
            work.cycle[m * np + j] = v;
        }
    }
}

/// The low-pass filter of the smoothed subseries: moving averages of
/// length np, np and 3, into `work.ma3` (length n).
fn low_pass(np: usize, work: &mut Work) {
    moving_average(&work.cycle, np, &mut work.ma1);
    moving_average(&work.ma1, np, &mut work.ma2);
    moving_average(&work.ma2, 3, &mut work.ma3);
}

/// Running-sum moving average, the original's `ma` (same order of operations,
/// so the same rounding).
fn moving_average(x: &[f64], len: usize, ave: &mut [f64]) {
    let flen = len as f64;
    let (Some(head), Some(first)) = (x.get(..len), ave.first_mut()) else {
        return;
    };
    let mut v: f64 = head.iter().sum();
    *first = v / flen;
    // ave[j] = ave[j − 1] + (x[len + j − 1] − x[j − 1]) / len, for j in 1..=x.len() − len.
    let steps = x.iter().skip(len).zip(x);
    for (a, (&enter, &leave)) in ave.iter_mut().skip(1).zip(steps) {
        v += enter - leave;
        *a = v / flen;
    }
}

/// Bisquare robustness weights from the remainder, scaled by six times its
/// median absolute value.
fn robustness_weights(
    y: &[f64],
    trend: &[f64],
    season: &[f64],
    rw: &mut [f64],
    scratch: &mut Vec<f64>,
) {
    let n = y.len();
    for (((r, &y), &t), &s) in rw.iter_mut().zip(y).zip(trend).zip(season) {
        *r = (y - (t + s)).abs();
    }
    scratch.clear();
    scratch.extend_from_slice(rw);
    if scratch.is_empty() {
        return;
    }
    let hi = n / 2;
    let lo = n - hi - 1;
    let (_, &mut upper, _) = scratch.select_nth_unstable_by(hi, f64::total_cmp);
    let lower = if lo == hi {
        upper
    } else {
        // After the selection every element before `hi` is ≤ upper, so the
        // lower middle is the largest of them.
        scratch
            .get(..hi)
            .unwrap_or_default()
            .iter()
            .copied()
            .fold(f64::NEG_INFINITY, f64::max)
    };
    let cmad = 3.0 * (upper + lower);
    if cmad == 0.0 {
        rw.fill(1.0);
        return;
    }
    let (c1, c9) = (0.001 * cmad, 0.999 * cmad);
    for r in rw.iter_mut() {
        *r = if *r <= c1 {
            1.0
        } else if *r <= c9 {
            let q = *r / cmad;
            let t = 1.0 - q * q;
            t * t
        } else {
            0.0
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_follow_statsmodels() {
        let c = Stl::new().config(12, 100).unwrap();
        assert_eq!((c.seasonal.len, c.trend.len, c.low_pass.len), (7, 23, 13));
        assert_eq!((c.inner, c.outer), (5, 0));
        let c = Stl::new().robust(true).config(4, 100).unwrap();
        assert_eq!((c.trend.len, c.low_pass.len), (9, 5));
        assert_eq!((c.inner, c.outer), (2, 15));
        let c = Stl::new().seasonal(13).config(7, 100).unwrap();
        assert_eq!((c.trend.len, c.low_pass.len), (13, 9));
    }

    #[test]
    fn invalid_settings() {
        for stl in [
            Stl::new().seasonal(8),
            Stl::new().seasonal(1),
            Stl::new().trend(11),
            Stl::new().trend(14),
            Stl::new().low_pass(12),
            Stl::new().degrees(2, 1, 1),
            Stl::new().jumps(1, 0, 1),
            Stl::new().iterations(0, 1),
        ] {
            assert!(
                matches!(stl.config(12, 100), Err(Error::InvalidArgument { .. })),
                "{stl:?}"
            );
        }
        assert!(matches!(
            Stl::new().config(1, 100),
            Err(Error::InvalidArgument { name: "period", .. })
        ));
        assert!(matches!(
            Stl::new().config(12, 23),
            Err(Error::TooShort { need: 24, got: 23 })
        ));
        assert!(Stl::new().fit_slice(&[1.0; 30]).is_err());
        // A huge period used to overflow `period + 1` (a panic in debug builds).
        assert!(matches!(
            Stl::new().period(usize::MAX).fit_slice(&[1.0; 30]),
            Err(Error::InvalidArgument { .. } | Error::TooShort { .. })
        ));
        assert!(
            Stl::new()
                .period(4)
                .fit_slice(&[1.0, f64::NAN, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0])
                .is_err()
        );
    }

    #[test]
    fn median_of_even_and_odd_lengths() {
        let mut rw = vec![0.0; 4];
        let mut scratch = Vec::new();
        // |remainders| 1, 2, 3, 4: median 2.5, cmad 15.
        robustness_weights(
            &[1.0, 2.0, 3.0, 4.0],
            &[0.0; 4],
            &[0.0; 4],
            &mut rw,
            &mut scratch,
        );
        let want = |r: f64| (1.0 - (r / 15.0).powi(2)).powi(2);
        for (got, r) in rw.iter().zip([1.0, 2.0, 3.0, 4.0]) {
            assert!((got - want(r)).abs() < 1e-15);
        }
        let mut rw = vec![0.0; 3];
        robustness_weights(
            &[0.0, 0.0, 0.0],
            &[0.0; 3],
            &[0.0; 3],
            &mut rw,
            &mut scratch,
        );
        assert_eq!(rw, [1.0; 3]);
    }

    #[test]
    fn constant_series_has_no_season() {
        let c = Stl::new()
            .period(12)
            .robust(true)
            .fit_slice(&[5.0; 60])
            .unwrap();
        for (t, s) in c.trend().iter().zip(c.seasonal()) {
            assert!((t - 5.0).abs() < 1e-12 && s.abs() < 1e-12);
        }
    }
}
