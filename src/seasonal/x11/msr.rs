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

/// The table for SI values `si` whose first is at position `first`.
pub(crate) fn msr_table(si: &[f64], first: usize, period: usize, ratio: Ratio) -> MsrTable {
    let mul = ratio != Ratio::Additive;
    let mut table = MsrTable {
        irregular: vec![0.0; period],
        seasonal: vec![0.0; period],
        changes: vec![0; period],
    };
    for offset in 0..period.min(si.len()) {
        let pos = (first + offset) % period;
        let x: Vec<f64> = si.iter().skip(offset).step_by(period).copied().collect();
        let n = x.len();
        let head = mean(x.get(..n.min(3)).unwrap_or(&[]));
        let tail = mean(x.get(n.saturating_sub(3)..).unwrap_or(&[]));
        let mut ext = vec![head; 3];
        ext.extend_from_slice(&x);
        ext.extend([tail; 3]);
        let s: Vec<f64> = ext.windows(7).map(mean).collect();
        let i: Vec<f64> = x
            .iter()
            .zip(&s)
            .map(|(x, s)| match ratio {
                Ratio::Multiplicative => x / s,
                Ratio::Additive => x - s,
                Ratio::PseudoAdditive => x - s + 1.0,
            })
            .collect();
        let changes = |v: &[f64]| -> f64 {
            let total: f64 = v
                .windows(2)
                .map(|w| match w {
                    [a, b] => {
                        let d = b - a;
                        (if mul { d / a } else { d }).abs()
                    }
                    _ => 0.0,
                })
                .sum();
            total / n.saturating_sub(1) as f64
        };
        if let (Some(ti), Some(ts), Some(tn)) = (
            table.irregular.get_mut(pos),
            table.seasonal.get_mut(pos),
            table.changes.get_mut(pos),
        ) {
            *ti = changes(&i) * f_irregular(n.saturating_sub(1));
            *ts = changes(&s) * f_seasonal(n.saturating_sub(1));
            *tn = n.saturating_sub(1);
        }
    }
    table
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
    let mut end = si.len() - (first + si.len()) % period;
    loop {
        if end < 5 * period {
            return MsrChoice {
                filter: Filter::S3x5,
                by_default: true,
            };
        }
        let r = msr_table(si.get(..end).unwrap_or(si), first, period, ratio).global();
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
