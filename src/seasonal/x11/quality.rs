//! The quality assessment statistics (tables F2 and F3): M1 to M11, Q and
//! Q2, and the F-tests for seasonality of tables B1 and D8.A they use.
//!
//! ```text
//! Ō(k) = mean |X_t − X_{t−k}| (in % of X_{t−k} in the multiplicative modes)
//! M1  = 10 · Ī²/(Ī² + C̄² + S̄²) over 3 months (1 quarter); I from E3,
//!       C from D12, S from D10
//! M2  = 10 · var(I) / var(O): the irregular's share of the variance of
//!       the original series after a linear trend is taken out (logarithms
//!       in the multiplicative modes; I from E3, O from E1, trend fitted to
//!       D12, I's variance about 0)
//! M3  = (I/C − 1)/2 with the I/C ratio of D12 (tripled for quarterly data)
//! M4  = |3·runs − (2n − 1)| / (2.577 √(1.6n − 2.9)), runs of equal sign of
//!       the changes of D13 (the average duration of run, F2.D)
//! M5  = (MCD − 0.5)/5, MCD the months for cyclical dominance (F2.E),
//!       interpolated between the spans where Ī/C̄ crosses 1
//! M6  = |MSR − 4| / 2.5, only counted in Q when the 3×5 filter was chosen
//! M7  = √((7/F_S + 3 F_M/F_S)/2), F_S and F_M the stable and moving
//!       seasonality F statistics of D8 (each term at most 9)
//! M8..M11 on D10 standardised by its root mean square deviation from the
//!       neutral value: the mean absolute year-on-year change (M8), the mean
//!       linear movement per year (M9), and both over the three years before
//!       the last (M10, M11); not computed for series under six years
//! Q  = Σ w_i min(M_i, 3) / Σ w_i, w = 10 11 10 8 11 10 18 7 7 4 4
//!      (under six years: 14 15 10 8 11 10 32 for M1..M7); Q2 leaves out M2
//! ```
//!
//! These are the definitions of Lothian and Morry (1978) as Ladiray and
//! Quenneville (2001, chapter 5) restate them; the program prints each M
//! clipped to 0..3. Differences from those texts found by experiment:
//! - the I/C ratio of D12 is computed on D11 modified for extremes (the
//!   series D12 is filtered from) and printed untripled for quarterly data,
//!   while M3 uses it tripled;
//! - M6 enters Q only when the 3×5 filter was actually used for D10 and not
//!   as the fallback of the automatic choice;
//! - pseudo-additively, M1, M2 and M5 leave out the periods whose original
//!   or seasonally adjusted value is not positive (changes from them, and
//!   their terms of the variances);
//! - the log-additive mode computes the F-tests on the logged SI ratios as
//!   additive ones and the M statistics on the final tables as
//!   multiplicative ones;
//! - after a regARIMA model (X-13), the statistics describe the series'
//!   span and its original values: see `X11Fit::with_regression_effects`
//!   and docs/x13.md ("The X-11 quality statistics of model runs").

/// Mean absolute changes of `x` over lags 1..=`lags` (in percent of the
/// earlier value when `mul`), over the pairs whose earlier value is valid:
/// `out[k − 1]` for lag `k`.
fn mean_abs_changes(x: &[f64], lags: usize, mul: bool, valid: Option<&[bool]>) -> Vec<f64> {
    // Percent of the earlier value: one division per value, not per pair.
    let scale: Vec<f64> = x
        .iter()
        .enumerate()
        .map(|(i, a)| {
            if valid.is_some_and(|v| !v.get(i).copied().unwrap_or(true)) {
                0.0
            } else if mul {
                100.0 / a.abs()
            } else {
                1.0
            }
        })
        .collect();
    let count = |lag: usize| match valid {
        None => x.len().saturating_sub(lag),
        Some(v) => v
            .iter()
            .take(x.len().saturating_sub(lag))
            .filter(|ok| **ok)
            .count(),
    };
    (1..=lags)
        .map(|lag| {
            let s: f64 = x
                .iter()
                .zip(x.iter().skip(lag))
                .zip(&scale)
                .map(|((a, b), w)| (b - a).abs() * w)
                .sum();
            s / count(lag) as f64
        })
        .collect()
}

/// The mean absolute change over `lag` periods: see [`mean_abs_changes`].
fn mean_abs_change(x: &[f64], lag: usize, mul: bool, valid: Option<&[bool]>) -> f64 {
    mean_abs_changes(x, lag, mul, valid)
        .last()
        .copied()
        .unwrap_or(f64::NAN)
}

/// The F statistic for stable seasonality: a one-way analysis of variance
/// of `si` by month.
pub(crate) fn stable_f(si: &[f64], period: usize) -> f64 {
    let n = si.len();
    let mu = si.iter().sum::<f64>() / n as f64;
    let (mut between, mut within) = (0.0, 0.0);
    for offset in 0..period.min(n) {
        let x: Vec<f64> = si.iter().skip(offset).step_by(period).copied().collect();
        let m = x.iter().sum::<f64>() / x.len() as f64;
        between += x.len() as f64 * (m - mu) * (m - mu);
        within += x.iter().map(|v| (v - m) * (v - m)).sum::<f64>();
    }
    (between / (period - 1) as f64) / (within / (n - period) as f64)
}

/// The F statistic for moving seasonality: a two-way analysis of variance
/// (years × months) of `|SI − 1|` (`|SI|` additively) over complete years.
#[allow(clippy::indexing_slicing)]
pub(crate) fn moving_f(si: &[f64], first: usize, period: usize, mul: bool) -> f64 {
    let skip = (period - first) % period;
    let years = si.len().saturating_sub(skip) / period;
    if years < 2 {
        return f64::NAN;
    }
    // Bounds: skip + years·period ≤ si.len().
    let x: Vec<f64> = si[skip..skip + years * period]
        .iter()
        .map(|v| if mul { (v - 1.0).abs() } else { v.abs() })
        .collect();
    let total = x.len() as f64;
    let mu = x.iter().sum::<f64>() / total;
    let mut ss_years = 0.0;
    for y in 0..years {
        let m = x[y * period..(y + 1) * period].iter().sum::<f64>() / period as f64;
        ss_years += period as f64 * (m - mu) * (m - mu);
    }
    let mut ss_months = 0.0;
    for p in 0..period {
        let m = x.iter().skip(p).step_by(period).sum::<f64>() / years as f64;
        ss_months += years as f64 * (m - mu) * (m - mu);
    }
    let ss_total: f64 = x.iter().map(|v| (v - mu) * (v - mu)).sum();
    let residual = ss_total - ss_years - ss_months;
    (ss_years / (years - 1) as f64) / (residual / ((years - 1) * (period - 1)) as f64)
}

/// The inputs of the statistics, in the program's final form.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Inputs<'a> {
    pub(crate) period: usize,
    /// Percent changes (every mode but additive).
    pub(crate) mul: bool,
    pub(crate) e1: &'a [f64],
    pub(crate) e3: &'a [f64],
    pub(crate) d10: &'a [f64],
    /// D10 for M8–M11: with the backcasts of an extended series (the
    /// program's choice; the other statistics leave them out).
    pub(crate) d10_moving: &'a [f64],
    pub(crate) d12: &'a [f64],
    pub(crate) d13: &'a [f64],
    /// Calendar components removed before X-11 (trading day, holiday; see
    /// `X11Fit::with_regression_effects`): M1 counts each beside I, C
    /// and S, and M2's original series has them.
    pub(crate) regression: &'a [Vec<f64>],
    /// The level shifts a regARIMA model removed before X-11 (empty
    /// without): the program's M2 puts them back into the original series
    /// (not into the trend-cycle whose line detrends it).
    pub(crate) level_shift: &'a [f64],
    /// All outlier effects (AO, LS, TC) of a regARIMA model (empty
    /// without): M2 leaves their variance out of the original series'.
    pub(crate) outliers: &'a [f64],
    /// Backcasts before the span: M4's formula counts them (the program's
    /// run duration is the span's).
    pub(crate) backcasts: usize,
    /// D12's I/C ratio as printed.
    pub(crate) ic: f64,
    /// The printed MSR.
    pub(crate) msr: f64,
    /// Whether M6 counts (3×5 asked for, or chosen by MSR and not by default).
    pub(crate) m6_counts: bool,
    /// Whether M8..M11 are left out although the series is six years or
    /// longer (stable seasonal factors in some month).
    pub(crate) stable: bool,
    /// Pseudo-additive runs: the periods whose original and adjusted values
    /// are positive, the only ones M1, M2 and M5 use.
    pub(crate) valid: Option<&'a [bool]>,
    pub(crate) f_stable: f64,
    pub(crate) f_moving: f64,
}

/// M1..M11 (unclipped; `None` where not defined), Q and Q2.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Scores {
    pub(crate) m: [Option<f64>; 11],
    pub(crate) q: f64,
    pub(crate) q2: f64,
}

/// The number of sign runs of the changes of `x`, zero changes continuing
/// the current run. (The sign of a relative change is that of the change
/// for positive values; for a pseudo-additive irregular that crosses zero the
/// program counts the signs of the changes.)
fn runs(x: &[f64]) -> usize {
    let mut count = 0;
    let mut sign = 0i8;
    for w in x.windows(2) {
        if let [a, b] = w {
            let d = b - a;
            let cur = if d > 0.0 {
                1
            } else if d < 0.0 {
                -1
            } else {
                0
            };
            if cur != 0 && cur != sign {
                count += 1;
                sign = cur;
            }
        }
    }
    count
}

/// Least-squares line through `y` at 0, 1, 2, …
fn linear_fit(y: &[f64]) -> Vec<f64> {
    let n = y.len() as f64;
    let xm = (n - 1.0) / 2.0;
    let ym = y.iter().sum::<f64>() / n;
    let (mut sxy, mut sxx) = (0.0, 0.0);
    for (i, v) in y.iter().enumerate() {
        let dx = i as f64 - xm;
        sxy += dx * (v - ym);
        sxx += dx * dx;
    }
    let b = sxy / sxx;
    (0..y.len()).map(|i| ym + b * (i as f64 - xm)).collect()
}

/// Computes the statistics.
#[allow(clippy::indexing_slicing)]
pub(crate) fn scores(inp: &Inputs<'_>) -> Scores {
    let p = inp.period;
    let n = inp.d13.len();
    let mul = inp.mul;
    let mut m = [None; 11];
    let lag = if p == 12 { 3 } else { 1 };
    let sq = |x: f64| x * x;
    let valid = inp.valid;
    let ok = |i: usize| valid.is_none_or(|v| v.get(i).copied().unwrap_or(true));
    let mi = sq(mean_abs_change(inp.e3, lag, mul, valid));
    let mt = sq(mean_abs_change(inp.d12, lag, mul, valid));
    let ms = sq(mean_abs_change(inp.d10, lag, mul, valid));
    let mr: f64 = inp
        .regression
        .iter()
        .map(|r| sq(mean_abs_change(r, lag, mul, valid)))
        .sum();
    m[0] = Some(10.0 * mi / (mt + mi + ms + mr));

    let ln = |x: &[f64]| -> Vec<f64> { x.iter().map(|v| if mul { v.ln() } else { *v }).collect() };
    let put_back = |x: &[f64], f: &[f64]| -> Vec<f64> {
        x.iter()
            .zip(
                f.iter()
                    .chain(std::iter::repeat(&if mul { 1.0 } else { 0.0 })),
            )
            .map(|(a, b)| if mul { a * b } else { a + b })
            .collect()
    };
    let c = ln(inp.d12);
    let line = linear_fit(&c);
    // O is the original series less AO and TC effects: E1 with the level
    // shifts and calendar effects put back; the outliers' own variance is
    // then left out of O's.
    let mut e1 = put_back(inp.e1, inp.level_shift);
    for r in inp.regression {
        for (o, f) in e1.iter_mut().zip(r) {
            if mul {
                *o *= f;
            } else {
                *o += f;
            }
        }
    }
    let o: Vec<f64> = ln(&e1)
        .iter()
        .zip(&line)
        .enumerate()
        .filter(|(i, _)| ok(*i))
        .map(|(_, (o, l))| o - l)
        .collect();
    let o_mean = o.iter().sum::<f64>() / o.len() as f64;
    let var_o: f64 = o.iter().map(|v| sq(v - o_mean)).sum();
    let var_i: f64 = ln(inp.e3)
        .iter()
        .enumerate()
        .filter(|(i, _)| ok(*i))
        .map(|(_, v)| v * v)
        .sum();
    let p_log: Vec<f64> = ln(inp.outliers)
        .into_iter()
        .enumerate()
        .filter(|(i, _)| ok(*i))
        .map(|(_, v)| v)
        .collect();
    let var_p = if p_log.is_empty() {
        0.0
    } else {
        let mean = p_log.iter().sum::<f64>() / p_log.len() as f64;
        p_log.iter().map(|v| sq(v - mean)).sum()
    };
    m[1] = Some(10.0 * var_i / (var_o - var_p));

    let ic = if p == 4 { 3.0 * inp.ic } else { inp.ic };
    m[2] = Some(0.5 * (ic - 1.0));

    let r = runs(inp.d13) as f64;
    let adr = (n - 1) as f64 / r;
    let nb = (n + inp.backcasts) as f64;
    m[3] =
        Some((3.0 * (nb - 1.0) / adr - (2.0 * nb - 1.0)).abs() / ((1.6 * nb - 2.9).sqrt() * 2.577));

    let ratios: Vec<f64> = mean_abs_changes(inp.d13, p, mul, valid)
        .iter()
        .zip(mean_abs_changes(inp.d12, p, mul, valid))
        .map(|(i, c)| i / c)
        .collect();
    let ratio = |k: usize| ratios.get(k.wrapping_sub(1)).copied().unwrap_or(f64::NAN);
    let cspan = (12 / p) as f64;
    let mut mcd = p;
    while mcd > 0 && ratio(mcd) < 1.0 {
        mcd -= 1;
    }
    if mcd < p {
        mcd += 1;
    }
    let rmcd = if mcd == 1 {
        (1.0 + (ratio(1) - 1.0) / (ratio(1) - ratio(2))).clamp(0.5, 1.0)
    } else {
        let ds = ratio(mcd - 1) - ratio(mcd);
        if ds <= 0.0 && mcd == p {
            cspan * 15.5
        } else {
            mcd as f64 + (ratio(mcd) - 1.0) / ds
        }
    };
    m[4] = Some((rmcd * cspan - 0.5) / 5.0);

    m[5] = Some(0.4 * (inp.msr - 4.0).abs());

    let t1 = (7.0 / inp.f_stable).min(9.0);
    let t2 = if inp.f_stable == 0.0 {
        9.0
    } else {
        (3.0 * inp.f_moving / inp.f_stable).min(9.0)
    };
    m[6] = Some((0.5 * (t1 + t2)).sqrt());

    let short = n / p < 6 || inp.stable;
    if !short {
        let centre = if mul { 1.0 } else { 0.0 };
        let d10 = inp.d10_moving;
        let n = d10.len();
        let rms = (d10.iter().map(|v| sq(v - centre)).sum::<f64>() / n as f64).sqrt();
        let s: Vec<f64> = d10.iter().map(|v| v / rms).collect();
        let yoy: f64 = s
            .iter()
            .zip(s.iter().skip(p))
            .map(|(a, b)| (b - a).abs())
            .sum();
        m[7] = Some(10.0 * yoy / (n - p) as f64);
        let (mut m9, mut m10, mut m11) = (0.0, 0.0, 0.0);
        for offset in 0..p {
            let x: Vec<f64> = s.iter().skip(offset).step_by(p).copied().collect();
            let k = x.len();
            // Bounds: k ≥ 6 since the series spans at least six years.
            m9 += (x[k - 1] - x[0]).abs() / (k - 1) as f64;
            m10 += (k - 5..k - 2).map(|i| (x[i] - x[i - 1]).abs()).sum::<f64>();
            m11 += (x[k - 3] - x[k - 6]).abs();
        }
        let three = (3 * p) as f64;
        m[8] = Some(m9 / p as f64 * 10.0);
        m[9] = Some(m10 / three * 10.0);
        m[10] = Some(m11 / three * 10.0);
    }
    let weights: &[f64] = if short {
        &[14.0, 15.0, 10.0, 8.0, 11.0, 10.0, 32.0]
    } else {
        &[10.0, 11.0, 10.0, 8.0, 11.0, 10.0, 18.0, 7.0, 7.0, 4.0, 4.0]
    };
    let q = |skip_m2: bool| {
        let (mut total, mut wsum) = (0.0, 0.0);
        for (i, (mv, w)) in m.iter().zip(weights).enumerate() {
            let Some(v) = mv else { continue };
            if (skip_m2 && i == 1) || (i == 5 && !inp.m6_counts) {
                continue;
            }
            wsum += w;
            total += v.clamp(0.0, 3.0) * w;
        }
        total / wsum
    };
    Scores {
        q: q(false),
        q2: q(true),
        m,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_count_sign_changes() {
        assert_eq!(runs(&[1.0, 2.0, 3.0, 2.0, 2.0, 1.0, 4.0]), 3);
    }

    #[test]
    fn stable_f_of_pure_seasonality_is_large() {
        let si: Vec<f64> = (0..60)
            .map(|i| (i % 12) as f64 + 0.01 * ((i * 7 % 5) as f64))
            .collect();
        assert!(stable_f(&si, 12) > 1e3);
    }
}
