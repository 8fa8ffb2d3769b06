//! Extreme values: the irregular's standard deviation, the weights it gives
//! each value, replacement values for extreme SI ratios, and Cochran's test
//! for calendar-month heteroskedasticity.
//!
//! ```text
//! σ_y   = √(Σ (I_t − c)² / N) over the five complete years centred on year y
//!         (c = 1 multiplicative, 0 additive; the first and last two years
//!         take the σ of the first and last five)
//! then values with |I − c| > U·σ are left out and σ computed again, and
//! w_t = 1                            if |I_t − c| ≤ L·σ
//!       (U·σ − |I_t − c|) / ((U − L)·σ)  between
//!       0                            beyond U·σ          (L, U: 1.5, 2.5)
//! replacement of an SI value with w < 1:
//!   (w·SI_t + the two nearest full-weight values of the same month before
//!   and after) / (4 + w); four from one side when the other has fewer than
//!   two; the month's mean when there are not four.
//! ```
//!
//! Calendar sigma computes σ separately for each month (quarter) over the
//! whole series, or for two groups of months; `signif` does so only when
//! Cochran's test finds the months' variances unequal.
//!
//! Found by experiment against the program (not, or not exactly, in the
//! reference manual):
//! - a partial first (last) calendar year is folded into the first (last)
//!   five-year span: the first three (for a partial first year) or two years
//!   take the σ of the partial year plus the five complete years after it;
//! - the replacement of a value with fewer than four full-weight neighbours
//!   is the mean of all values of its month, the value itself included;
//! - Cochran's test (`calendarsigma=signif`) is run twice, on the irregular
//!   of the first (B4) and of the third (B13) extreme-value step; the first
//!   decision holds for B4 and B9, the second for B17 and C17. Its statistic
//!   is `max_m s_m² / Σ_m s_m²`, `s_m² = Σ (I − c)² / N_m` over all values of
//!   month m; the test rejects at the 5% critical value of Cochran's C for
//!   `k` = 12 (4) groups and `ν = min_m N_m − 1` degrees of freedom,
//!   `1 / (1 + (k − 1)/F(1 − 0.05/k; ν, (k − 1)ν))`. 1,500 runs of the
//!   program on random spans of real series gave decisions consistent with
//!   these values for every `ν` from 1 to 38 (the tables in circulation,
//!   which repeat 0.15 for monthly `ν` from 19 to 34, are not). Beyond 40
//!   degrees of freedom the program keeps the value for 40: 61 years of
//!   monthly data (ν = 59, 60) are decided at that value; log-additive
//!   runs centre the (logged) irregular at 1 as multiplicative ones do, which
//!   makes the test accept equal variances in practice.

/// Which values share a standard deviation.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Scope<'a> {
    /// Five-year moving spans of calendar years.
    Moving,
    /// Each month (quarter) over the whole series.
    Calendar,
    /// Two groups of months: `true` marks the first.
    Groups(&'a [bool]),
}

/// Settings of one extreme-value analysis.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Limits<'a> {
    pub(crate) period: usize,
    /// 1 for multiplicative and pseudo-additive irregulars, 0 for additive.
    pub(crate) centre: f64,
    pub(crate) lower: f64,
    pub(crate) upper: f64,
    pub(crate) scope: Scope<'a>,
}

const EPS: f64 = 1e-15;

/// `√(Σ e² / N)` over the values not excluded.
fn rms(e: &[f64], keep: &[bool]) -> f64 {
    let (mut s, mut n) = (0.0, 0usize);
    for (x, k) in e.iter().zip(keep) {
        if *k {
            s += x * x;
            n += 1;
        }
    }
    (s / n as f64).sqrt()
}

/// The standard deviation that applies to each value of `e` (deviations from
/// the centre; `keep` false for values left out), `first` the position of
/// `e[0]` in its year.
#[allow(clippy::indexing_slicing)]
fn sigmas(e: &[f64], keep: &[bool], first: usize, limits: &Limits<'_>) -> Vec<f64> {
    let p = limits.period;
    let n = e.len();
    match limits.scope {
        Scope::Calendar | Scope::Groups(_) => {
            let group = |pos: usize| match limits.scope {
                Scope::Groups(g) => usize::from(!g.get(pos).copied().unwrap_or(false)),
                _ => pos,
            };
            let mut sums = vec![(0.0, 0usize); p];
            for (i, (x, k)) in e.iter().zip(keep).enumerate() {
                if *k {
                    // Bounds: group() < p.
                    let s = &mut sums[group((first + i) % p)];
                    s.0 += x * x;
                    s.1 += 1;
                }
            }
            (0..n)
                .map(|i| {
                    let (s, c) = sums[group((first + i) % p)];
                    (s / c as f64).sqrt()
                })
                .collect()
        }
        Scope::Moving => {
            let years = (first + n - 1) / p + 1;
            let head = (p - first) % p;
            let tail = (first + n) % p;
            let full = years - usize::from(head > 0) - usize::from(tail > 0);
            let mut by_year = vec![0.0; years];
            if full < 5 {
                let s = rms(e, keep);
                by_year.iter_mut().for_each(|v| *v = s);
            } else {
                // Sums of squares and counts by calendar year (year 0 may be
                // partial), so that each five-year span costs five additions.
                let mut yearly = vec![(0.0, 0usize); years];
                for (i, (x, k)) in e.iter().zip(keep).enumerate() {
                    if *k {
                        // Bounds: (first + i) / p < years for i < n.
                        let y = &mut yearly[(first + i) / p];
                        y.0 += x * x;
                        y.1 += 1;
                    }
                }
                // Bounds: every range of years below lies in 0..years.
                let span = |a: usize, b: usize| {
                    let (s, c) = yearly[a..b]
                        .iter()
                        .fold((0.0, 0usize), |(s, c), y| (s + y.0, c + y.1));
                    (s / c as f64).sqrt()
                };
                let h = usize::from(head > 0);
                let mut y = 2 + h;
                let last = y + full - 5;
                let s = span(0, 5 + h);
                by_year[..y].iter_mut().for_each(|v| *v = s);
                let mut k = 0;
                while y <= last {
                    by_year[y] = span(h + k, h + k + 5);
                    y += 1;
                    k += 1;
                }
                let s = if tail > 0 {
                    span(h + k - 1, years)
                } else {
                    by_year[y - 1]
                };
                by_year[y..].iter_mut().for_each(|v| *v = s);
            }
            (0..n).map(|i| by_year[(first + i) / p]).collect()
        }
    }
}

/// The weight of each irregular value (1 normal, 0 extreme, between for
/// values between the limits).
pub(crate) fn weights(irr: &[f64], first: usize, limits: &Limits<'_>) -> Vec<f64> {
    let e: Vec<f64> = irr.iter().map(|x| x - limits.centre).collect();
    let mut keep = vec![true; e.len()];
    let mut sd = sigmas(&e, &keep, first, limits);
    let beyond = |sd: &[f64]| -> Vec<bool> {
        e.iter()
            .zip(sd)
            .map(|(x, s)| x.abs() - s * limits.upper > EPS)
            .collect()
    };
    let mut zero = beyond(&sd);
    if zero.iter().any(|z| *z) {
        keep.iter_mut().zip(&zero).for_each(|(k, z)| *k = !z);
        sd = sigmas(&e, &keep, first, limits);
        zero = beyond(&sd);
    }
    e.iter()
        .zip(&sd)
        .zip(&zero)
        .map(|((x, s), z)| {
            let dev = x.abs();
            if *z {
                0.0
            } else if dev - s * limits.lower > EPS {
                (s * limits.upper - dev) / (s * (limits.upper - limits.lower))
            } else {
                1.0
            }
        })
        .collect()
}

/// Replaces each SI value whose weight is below 1. Returns the modified
/// series and the replacement values (NaN where nothing was replaced).
#[allow(clippy::indexing_slicing)]
pub(crate) fn replace(si: &[f64], w: &[f64], period: usize) -> (Vec<f64>, Vec<f64>) {
    let n = si.len();
    let mut out = si.to_vec();
    let mut repl = vec![f64::NAN; n];
    for i in 0..n {
        // Bounds: i < n = w.len(); every j below is a multiple of `period`
        // away from i and within 0..n.
        let wi = w[i];
        if wi >= 1.0 {
            continue;
        }
        let full = |j: &usize| w[*j] == 1.0;
        let before: Vec<usize> = (0..=i / period)
            .skip(1)
            .map(|k| i - k * period)
            .filter(full)
            .take(4)
            .collect();
        let after: Vec<usize> = (1..)
            .map(|k| i + k * period)
            .take_while(|j| *j < n)
            .filter(full)
            .take(4)
            .collect();
        let (nb, na) = match (before.len().min(2), after.len().min(2)) {
            (b, _) if b < 2 => (b, (4 - b).min(after.len())),
            (_, a) if a < 2 => ((4 - a).min(before.len()), a),
            (b, a) => (b, a),
        };
        let x = if nb + na < 4 {
            let month: Vec<f64> = si
                .iter()
                .skip(i % period)
                .step_by(period)
                .copied()
                .collect();
            month.iter().sum::<f64>() / month.len() as f64
        } else {
            let s: f64 = before[..nb]
                .iter()
                .chain(&after[..na])
                .map(|j| si[*j])
                .sum();
            (wi * si[i] + s) / (4.0 + wi)
        };
        out[i] = x;
        repl[i] = x;
    }
    (out, repl)
}

/// Extreme-value adjustment factors (B20, C20) from the irregular and its
/// weights: `I / (1 + w (I − 1))` multiplicatively, `I (1 − w)` additively,
/// the neutral value for full-weight values.
pub(crate) fn adjustment_factors(irr: &[f64], w: &[f64], mul: bool) -> Vec<f64> {
    irr.iter()
        .zip(w)
        .map(|(&i, &w)| match (w < 1.0, mul) {
            (true, true) => i / (1.0 + w * (i - 1.0)),
            (true, false) => i * (1.0 - w),
            (false, true) => 1.0,
            (false, false) => 0.0,
        })
        .collect()
}

/// Cochran's test of equal variances across months: `true` when they differ
/// (calendar sigma is then used).
pub(crate) fn cochran_rejects(irr: &[f64], first: usize, period: usize, centre: f64) -> bool {
    let mut sums = vec![(0.0, 0usize); period];
    for (i, x) in irr.iter().enumerate() {
        if let Some(s) = sums.get_mut((first + i) % period) {
            s.0 += (x - centre) * (x - centre);
            s.1 += 1;
        }
    }
    let vars: Vec<f64> = sums.iter().map(|(s, c)| s / *c as f64).collect();
    let total: f64 = vars.iter().sum();
    let max = vars.iter().copied().fold(f64::MIN, f64::max);
    let stat = if total == 0.0 { 0.0 } else { max / total };
    let nmin = sums.iter().map(|s| s.1).min().unwrap_or(0);
    stat >= cochran_critical(period, nmin.saturating_sub(1))
}

/// The 5% critical value of Cochran's C for `period` groups with `df` degrees
/// of freedom each; the program's table stops at 40 degrees of freedom.
fn cochran_critical(period: usize, df: usize) -> f64 {
    let table: &[f64] = if period == 4 { &QUARTERLY } else { &MONTHLY };
    let i = df.clamp(1, table.len()) - 1;
    table.get(i).copied().unwrap_or(1.0)
}

// 1 / (1 + (k − 1) / F(1 − 0.05/k; ν, (k − 1)ν)) for ν = 1..=40, from
// scipy.stats.f.ppf, to 6 decimals:
//   [1/(1+(k-1)/f.ppf(1-0.05/k, v, (k-1)*v)) for v in range(1, 41)]
const QUARTERLY: [f64; 40] = [
    0.906464, 0.767921, 0.683880, 0.628724, 0.589446, 0.559800, 0.536468, 0.517521, 0.501757,
    0.488386, 0.476867, 0.466814, 0.457944, 0.450044, 0.442952, 0.436541, 0.430709, 0.425376,
    0.420474, 0.415949, 0.411756, 0.407856, 0.404218, 0.400813, 0.397617, 0.394612, 0.391777,
    0.389099, 0.386563, 0.384157, 0.381871, 0.379695, 0.377621, 0.375640, 0.373747, 0.371935,
    0.370198, 0.368532, 0.366932, 0.365393,
];
const MONTHLY: [f64; 40] = [
    0.540963, 0.392401, 0.326429, 0.288019, 0.262434, 0.243957, 0.229872, 0.218709, 0.209602,
    0.202002, 0.195542, 0.189970, 0.185103, 0.180807, 0.176981, 0.173546, 0.170443, 0.167621,
    0.165041, 0.162672, 0.160487, 0.158463, 0.156582, 0.154828, 0.153188, 0.151651, 0.150205,
    0.148843, 0.147557, 0.146341, 0.145187, 0.144092, 0.143050, 0.142058, 0.141111, 0.140206,
    0.139341, 0.138513, 0.137718, 0.136956,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn critical_values_match_published_tables() {
        // Source: Eisenhart, Hastay and Wallis (1947), Cochran's C at 5%, k = 4 and 12.
        assert!((cochran_critical(4, 1) - 0.9065).abs() < 1e-4);
        assert!((cochran_critical(4, 10) - 0.4884).abs() < 1e-4);
        assert!((cochran_critical(12, 1) - 0.5410).abs() < 1e-4);
        assert!((cochran_critical(12, 36) - 0.1403).abs() < 1e-4);
    }

    #[test]
    fn weights_of_a_clean_irregular_are_one() {
        let irr: Vec<f64> = (0..120)
            .map(|i| 1.0 + 0.01 * ((i * 37 % 11) as f64 - 5.0) / 5.0)
            .collect();
        let lim = Limits {
            period: 12,
            centre: 1.0,
            lower: 1.5,
            upper: 2.5,
            scope: Scope::Moving,
        };
        let w = weights(&irr, 0, &lim);
        assert!(w.iter().all(|w| *w > 0.0));
        let mut spiked = irr.clone();
        spiked[60] = 1.5;
        let w = weights(&spiked, 0, &lim);
        assert_eq!(w[60], 0.0);
    }

    #[test]
    fn replacement_averages_four_neighbours() {
        let si: Vec<f64> = (0..60)
            .map(|i| if i == 24 { 5.0 } else { (i % 12) as f64 })
            .collect();
        let mut w = vec![1.0; 60];
        w[24] = 0.0;
        let (out, repl) = replace(&si, &w, 12);
        assert_eq!(out[24], 0.0);
        assert_eq!(repl[24], 0.0);
        assert!(repl[23].is_nan());
    }
}
