//! The moving seasonality ratio (table D9.A) and the automatic choice of the
//! final seasonal filter from it.
//!
//! ```text
//! for each month: S = 7-term moving average of its SI values (the series
//!   extended at each end by three copies of the mean of its first / last
//!   three values), I = SI / S (SI − S; pseudo-additive SI − S + 1)
//!   Ī_m = mean |ΔI| (÷ I_{t−1} multiplicatively) × f_I(N_m),
//!   S̄_m = mean |ΔS| (÷ S_{t−1}) × f_S(N_m), N_m = changes of month m
//!   f_I(N) = N·12.247449 / (73.239334 + (N − 6)·12.247449) for N ≥ 6
//!   f_S(N) = N·1.732051 / (8.485281 + (N − 6)·1.732051)   for N ≥ 6
//!   (tabulated below 6)
//! MSR = Σ_m N_m Ī_m / Σ_m N_m S̄_m
//! MSR < 2.5 → 3×3, 3.5 ≤ MSR < 5.5 → 3×5, MSR ≥ 6.5 → 3×9, otherwise
//! drop the last year and compute again
//! ```
//!
//! The correction factors f_I and f_S are those of X-11-ARIMA (Lothian,
//! 1984), which make the averages of a 7-term smoother comparable across
//! spans of different lengths.
//!
//! Found by experiment against the program (not, or not exactly, in the
//! reference manual):
//! - the printed MSR (D9.A) uses every value; the choice uses complete
//!   calendar years only, dropping a part year at the end (not at the start);
//! - when fewer than five years (60 months) remain, whether at the start or
//!   after dropping ambiguous years, the 3×5 filter is used without a ratio
//!   (and the quality statistic M6 is then left out of Q, as for any choice
//!   other than 3×5);
//! - a ratio beyond 999.99 (seasonal factors that do not move) prints as
//!   999.99.

use super::seasonal_filter::{Filter, mean};

/// How the irregular is taken out of the SI ratio.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Ratio {
    Multiplicative,
    Additive,
    PseudoAdditive,
}

const SMALL: [f64; 8] = [
    1.00000, 1.02584, 1.01779, 1.01383, 1.00000, 3.00000, 1.55291, 1.30095,
];

fn f_irregular(n: usize) -> f64 {
    match n {
        0 | 1 => 1.0,
        2..=5 => SMALL.get(n - 2).copied().unwrap_or(1.0),
        _ => n as f64 * 12.247449 / (73.239334 + (n - 6) as f64 * 12.247449),
    }
}

fn f_seasonal(n: usize) -> f64 {
    match n {
        0 | 1 => 1.0,
        2..=5 => SMALL.get(n + 2).copied().unwrap_or(1.0),
        _ => n as f64 * 1.732051 / (8.485281 + (n - 6) as f64 * 1.732051),
    }
}

/// The D9.A table: for each position in the year (0-based from January or
/// the first quarter), the irregular and seasonal averages and their count.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct MsrTable {
    pub(crate) irregular: Vec<f64>,
    pub(crate) seasonal: Vec<f64>,
    pub(crate) changes: Vec<usize>,
}

impl MsrTable {
    /// The global ratio.
    pub(crate) fn global(&self) -> f64 {
        let (mut i, mut s) = (0.0, 0.0);
        for ((a, b), n) in self.irregular.iter().zip(&self.seasonal).zip(&self.changes) {
            i += a * *n as f64;
            s += b * *n as f64;
        }
        i / s
    }
}

/// One month's SI values with the running sums that do not depend on where
/// the span ends, so that MSRs of spans cut a year shorter each time cost a
/// few terms each (the sums are the same left-to-right sums as a direct
/// computation, so the ratios are identical to the last bit).
struct Column {
    x: Vec<f64>,
    /// `prefix[u]`: Σ of the first `u` absolute changes of I and of S of the
    /// whole column, for `u` up to `len − 4` (where the 7-term average does
    /// not reach the column's end).
    prefix: Vec<(f64, f64)>,
}

impl Column {
    fn new(x: Vec<f64>, ratio: Ratio) -> Column {
        let m = x.len();
        let stop = m.saturating_sub(4);
        // The 7-term averages and irregulars that no end of a span reaches.
        let s: Vec<f64> = (0..=stop.min(m.saturating_sub(1)))
            .map(|t| smooth(&x, m, t))
            .collect();
        let mut prefix = Vec::with_capacity(stop + 1);
        prefix.push((0.0, 0.0));
        let (mut si, mut ss) = (0.0, 0.0);
        for u in 1..=stop {
            let (s0, s1) = (
                s.get(u - 1).copied().unwrap_or(0.0),
                s.get(u).copied().unwrap_or(0.0),
            );
            let (x0, x1) = (
                x.get(u - 1).copied().unwrap_or(0.0),
                x.get(u).copied().unwrap_or(0.0),
            );
            let (ti, ts) = changes(x0, x1, s0, s1, ratio);
            si += ti;
            ss += ts;
            prefix.push((si, ss));
        }
        Column { x, prefix }
    }

    /// The sums of absolute changes of I and S over the first `m` values.
    fn sums(&self, m: usize, ratio: Ratio) -> (f64, f64) {
        let known = m.saturating_sub(4).min(self.prefix.len().saturating_sub(1));
        let (mut si, mut ss) = self.prefix.get(known).copied().unwrap_or((0.0, 0.0));
        for u in known + 1..m {
            let (ti, ts) = term(&self.x, m, u, ratio);
            si += ti;
            ss += ts;
        }
        (si, ss)
    }
}

/// The 7-term average at `t` of the first `m` values of `x`, extended by the
/// means of the first and last three.
fn smooth(x: &[f64], m: usize, t: usize) -> f64 {
    let head = mean(x.get(..m.min(3)).unwrap_or(&[]));
    let tail = mean(x.get(m.saturating_sub(3)..m).unwrap_or(&[]));
    let mut s = 0.0;
    for j in t as isize - 3..=t as isize + 3 {
        s += if j < 0 {
            head
        } else if j as usize >= m {
            tail
        } else {
            x.get(j as usize).copied().unwrap_or(tail)
        };
    }
    s / 7.0
}

/// The absolute changes of I and S from `u − 1` to `u` within the first `m`
/// values.
fn term(x: &[f64], m: usize, u: usize, ratio: Ratio) -> (f64, f64) {
    let (s0, s1) = (smooth(x, m, u - 1), smooth(x, m, u));
    let (x0, x1) = (
        x.get(u - 1).copied().unwrap_or(0.0),
        x.get(u).copied().unwrap_or(0.0),
    );
    changes(x0, x1, s0, s1, ratio)
}

/// The absolute changes of I and S between two SI values `x0`, `x1` whose
/// 7-term averages are `s0`, `s1`.
fn changes(x0: f64, x1: f64, s0: f64, s1: f64, ratio: Ratio) -> (f64, f64) {
    let irr = |x: f64, s: f64| match ratio {
        Ratio::Multiplicative => x / s,
        Ratio::Additive => x - s,
        Ratio::PseudoAdditive => x - s + 1.0,
    };
    let (i0, i1) = (irr(x0, s0), irr(x1, s1));
    let change = |a: f64, b: f64| {
        let d = b - a;
        (if ratio == Ratio::Additive { d } else { d / a }).abs()
    };
    (change(i0, i1), change(s0, s1))
}

/// The columns of `si` by position in the series (offset 0 is `si[0]`'s month).
fn columns(si: &[f64], period: usize, ratio: Ratio) -> Vec<Column> {
    (0..period.min(si.len()))
        .map(|o| Column::new(si.iter().skip(o).step_by(period).copied().collect(), ratio))
        .collect()
}

/// The table of the first `end` values, from the columns of the whole SI.
fn table_of(cols: &[Column], first: usize, period: usize, end: usize, ratio: Ratio) -> MsrTable {
    let mut table = MsrTable {
        irregular: vec![0.0; period],
        seasonal: vec![0.0; period],
        changes: vec![0; period],
    };
    for (offset, col) in cols.iter().enumerate() {
        let pos = (first + offset) % period;
        let m = end.saturating_sub(offset).div_ceil(period).min(col.x.len());
        let (si, ss) = col.sums(m, ratio);
        let k = m.saturating_sub(1);
        if let (Some(ti), Some(ts), Some(tn)) = (
            table.irregular.get_mut(pos),
            table.seasonal.get_mut(pos),
            table.changes.get_mut(pos),
        ) {
            *ti = si / k as f64 * f_irregular(k);
            *ts = ss / k as f64 * f_seasonal(k);
            *tn = k;
        }
    }
    table
}

/// The table for SI values `si` whose first is at position `first`.
pub(crate) fn msr_table(si: &[f64], first: usize, period: usize, ratio: Ratio) -> MsrTable {
    table_of(&columns(si, period, ratio), first, period, si.len(), ratio)
}

/// The outcome of the automatic choice.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct MsrChoice {
    pub(crate) filter: Filter,
    /// True when no ratio settled the choice and 3×5 was taken by default.
    pub(crate) by_default: bool,
}

/// Chooses the final seasonal filter for the SI values `si`.
pub(crate) fn choose(si: &[f64], first: usize, period: usize, ratio: Ratio) -> MsrChoice {
    let cols = columns(si, period, ratio);
    let mut end = si.len() - (first + si.len()) % period;
    loop {
        if end < 5 * period {
            return MsrChoice {
                filter: Filter::S3x5,
                by_default: true,
            };
        }
        let r = table_of(&cols, first, period, end, ratio).global();
        let filter = if r < 2.5 {
            Some(Filter::S3x3)
        } else if r < 3.5 {
            None
        } else if r < 5.5 {
            Some(Filter::S3x5)
        } else if r < 6.5 {
            None
        } else {
            Some(Filter::S3x9)
        };
        if let Some(filter) = filter {
            return MsrChoice {
                filter,
                by_default: false,
            };
        }
        end -= period;
    }
}
