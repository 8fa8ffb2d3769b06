//! Seasonal filters: 3×k moving averages applied to each month (quarter)
//! across years, with their asymmetric end weights, the stable filter, and
//! the normalisation of the resulting factors.
//!
//! ```text
//! 3×1   1 1 1 / 3              3×3   1 2 3 2 1 / 9
//! 3×5   1 2 3 3 3 2 1 / 15     3×9   1 2 3 3 3 3 3 3 3 2 1 / 27
//! 3×15  1 2 3 ×13 2 1 / 45     stable: the mean of all values of the month
//! ```
//!
//! End weights (the last value of a month is filtered by the last row, the
//! one before by the row above it; the first values by the same rows
//! reversed) are X-11's, as tabulated by Ladiray and Quenneville (2001,
//! section 3.3) and in the X-11 documentation (Shiskin, Young and Musgrave,
//! 1967): for example 3×3 `5 11 11 / 27` and `3 7 10 7 / 27`; 3×5
//! `9 17 17 17 / 60`, `4 11 15 15 15 / 60`, `4 8 13 13 13 9 / 60`; the 3×9 and
//! 3×15 rows to three and five decimals as published. A month with fewer
//! values than the symmetric filter needs gets the end rows that fit, and the
//! overall mean where none does.
//!
//! Normalisation divides the filtered values by their centred 2×12 (2×4)
//! moving average (subtracts it, additively); the six (two) averages missing
//! at each end are the nearest available one, except for a month filtered by
//! the stable filter in a mixed per-month choice (or by the 3×15 filter there,
//! when the values span fewer than 20 years counting a part year as one),
//! which takes the average of the same month a year later (earlier).
//!
//! Found by experiment against the program (not in the reference manual):
//! - any filter is replaced by the stable one when the values being smoothed
//!   span fewer than five years (`len / period < 5`, whole years counted
//!   down);
//! - the 3×15 filter is replaced by the stable one month by month, for each
//!   month with fewer than 20 values (so a 19½-year series mixes both).

use super::henderson::{centred_year_average, dot};

/// A seasonal moving average.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Filter {
    S3x1,
    S3x3,
    S3x5,
    S3x9,
    S3x15,
    Stable,
}

const S3X9_ENDS: [&[f64]; 5] = [
    &[
        0.034, 0.073, 0.111, 0.113, 0.114, 0.116, 0.117, 0.118, 0.12, 0.084,
    ],
    &[
        0.034, 0.075, 0.113, 0.117, 0.123, 0.128, 0.132, 0.137, 0.141,
    ],
    &[0.032, 0.079, 0.123, 0.133, 0.143, 0.154, 0.163, 0.173],
    &[0.028, 0.092, 0.144, 0.160, 0.176, 0.192, 0.208],
    &[0.051, 0.112, 0.173, 0.197, 0.221, 0.246],
];

const S3X15_ENDS: [&[f64]; 8] = [
    &[
        0.0222, 0.04444, 0.06667, 0.06667, 0.06667, 0.06667, 0.06667, 0.06667, 0.06667, 0.06667,
        0.06667, 0.07111, 0.07111, 0.07111, 0.07111, 0.04889,
    ],
    &[
        0.0222, 0.04444, 0.06667, 0.06667, 0.06667, 0.06667, 0.06667, 0.06667, 0.06667, 0.06667,
        0.08, 0.08, 0.08, 0.08, 0.08,
    ],
    &[
        0.02222, 0.04444, 0.06667, 0.06667, 0.06667, 0.06667, 0.06667, 0.06667, 0.06667, 0.09333,
        0.09333, 0.09333, 0.09333, 0.09333,
    ],
    &[
        0.02219, 0.04444, 0.06667, 0.06667, 0.06667, 0.06667, 0.06667, 0.06667, 0.10667, 0.10667,
        0.10667, 0.10667, 0.10667,
    ],
    &[
        0.02221, 0.04444, 0.06667, 0.06667, 0.06667, 0.06667, 0.06667, 0.12, 0.12, 0.12, 0.12, 0.12,
    ],
    &[
        0.02223, 0.04444, 0.06667, 0.06667, 0.06667, 0.06667, 0.13333, 0.13333, 0.13333, 0.13333,
        0.13333,
    ],
    &[
        0.0222, 0.04444, 0.06667, 0.06667, 0.06667, 0.14667, 0.14667, 0.14667, 0.14667, 0.14667,
    ],
    &[
        0.02222, 0.04444, 0.06667, 0.06667, 0.16, 0.16, 0.16, 0.16, 0.16,
    ],
];

const S3X1: [f64; 3] = [1.0 / 3.0, 1.0 / 3.0, 1.0 / 3.0];
const S3X3: [f64; 5] = [1.0 / 9.0, 2.0 / 9.0, 3.0 / 9.0, 2.0 / 9.0, 1.0 / 9.0];
const S3X5: [f64; 7] = [
    1.0 / 15.0,
    2.0 / 15.0,
    3.0 / 15.0,
    3.0 / 15.0,
    3.0 / 15.0,
    2.0 / 15.0,
    1.0 / 15.0,
];
const S3X9: [f64; 11] = [
    1.0 / 27.0,
    2.0 / 27.0,
    3.0 / 27.0,
    3.0 / 27.0,
    3.0 / 27.0,
    3.0 / 27.0,
    3.0 / 27.0,
    3.0 / 27.0,
    3.0 / 27.0,
    2.0 / 27.0,
    1.0 / 27.0,
];
const S3X15: [f64; 17] = [
    1.0 / 45.0,
    2.0 / 45.0,
    3.0 / 45.0,
    3.0 / 45.0,
    3.0 / 45.0,
    3.0 / 45.0,
    3.0 / 45.0,
    3.0 / 45.0,
    3.0 / 45.0,
    3.0 / 45.0,
    3.0 / 45.0,
    3.0 / 45.0,
    3.0 / 45.0,
    3.0 / 45.0,
    3.0 / 45.0,
    2.0 / 45.0,
    1.0 / 45.0,
];
const S3X1_ENDS: [&[f64]; 1] = [&[0.39, 0.61]];
const S3X3_ENDS: [&[f64]; 2] = [
    &[3.0 / 27.0, 7.0 / 27.0, 10.0 / 27.0, 7.0 / 27.0],
    &[5.0 / 27.0, 11.0 / 27.0, 11.0 / 27.0],
];
const S3X5_ENDS: [&[f64]; 3] = [
    &[
        4.0 / 60.0,
        8.0 / 60.0,
        13.0 / 60.0,
        13.0 / 60.0,
        13.0 / 60.0,
        9.0 / 60.0,
    ],
    &[
        4.0 / 60.0,
        11.0 / 60.0,
        15.0 / 60.0,
        15.0 / 60.0,
        15.0 / 60.0,
    ],
    &[9.0 / 60.0, 17.0 / 60.0, 17.0 / 60.0, 17.0 / 60.0],
];

impl Filter {
    /// The symmetric weights (empty for the stable filter): the 3-term
    /// average of k-term averages, 1 2 3 … 3 2 1 (1 1 1 for k = 1).
    fn central(self) -> &'static [f64] {
        match self {
            Filter::S3x1 => &S3X1,
            Filter::S3x3 => &S3X3,
            Filter::S3x5 => &S3X5,
            Filter::S3x9 => &S3X9,
            Filter::S3x15 => &S3X15,
            Filter::Stable => &[],
        }
    }

    /// End weights, from the row with the most values after the point to
    /// the one with none. Row `r` covers `t − half … t + (half − 1 − r)`.
    fn ends(self) -> &'static [&'static [f64]] {
        match self {
            Filter::S3x1 => &S3X1_ENDS,
            Filter::S3x3 => &S3X3_ENDS,
            Filter::S3x5 => &S3X5_ENDS,
            Filter::S3x9 => &S3X9_ENDS,
            Filter::S3x15 => &S3X15_ENDS,
            Filter::Stable => &[],
        }
    }
}

/// The mean of `x` (NaN for an empty slice, which callers never pass).
pub(crate) fn mean(x: &[f64]) -> f64 {
    x.iter().sum::<f64>() / x.len() as f64
}

/// Smooths the values of one month across years.
#[allow(clippy::indexing_slicing)]
pub(crate) fn smooth_month(x: &[f64], filter: Filter) -> Vec<f64> {
    let n = x.len();
    if n == 0 {
        return Vec::new();
    }
    if filter == Filter::Stable || (filter == Filter::S3x15 && n < 20) {
        return vec![mean(x); n];
    }
    let central = filter.central();
    let half = central.len() / 2;
    let ends = filter.ends();
    let mut out = vec![0.0; n];
    // Bounds: the symmetric window t − half ..= t + half lies in 0..n.
    if 2 * half < n {
        for t in half..n - half {
            out[t] = dot(central, &x[t - half..=t + half]);
        }
    }
    // The end rows, as many as fit: row `r` needs `len(r)` values.
    let nf = ends.len();
    let mut first = (2 * nf).saturating_sub(n);
    if first >= nf {
        // Not even the shortest end row fits.
        return vec![mean(x); n];
    }
    let mut start = nf - first;
    let half_n = n.div_ceil(2);
    if start > half_n {
        start = half_n;
        first = nf - start;
    }
    let span = 2 * nf - first;
    // Bounds: span ≤ n (when 2·nf > n, span = n), and each row used has at
    // most `span` weights since rows shorten by one as `cur` falls.
    let mut end_lo = n - span;
    let mut beg_hi = span;
    let mut cur = start;
    let mut row = first;
    while cur > 0 {
        let w = ends[row];
        row += 1;
        out[n - cur] = dot(w, &x[end_lo..end_lo + w.len()]);
        end_lo += 1;
        cur -= 1;
        out[cur] = w
            .iter()
            .zip(x[beg_hi - w.len()..beg_hi].iter().rev())
            .map(|(a, b)| a * b)
            .sum();
        beg_hi -= 1;
    }
    if start < nf {
        let m = mean(x);
        for v in &mut out[start..n - start] {
            *v = m;
        }
    }
    out
}

/// Seasonal factors from SI values: each month smoothed by its filter, then
/// normalised.
///
/// `si` holds consecutive values whose first is at position `first` of the
/// year (0-based); `filters[p]` is the filter of position `p`. `mul` divides
/// by the moving average (multiplicative and pseudo-additive modes) instead of
/// subtracting it. `mixed` marks a per-month choice, whose normalisation ends
/// differ for stable months.
#[allow(clippy::indexing_slicing)]
pub(crate) fn seasonal_factors(
    si: &[f64],
    first: usize,
    period: usize,
    filters: &[Filter],
    mixed: bool,
    mul: bool,
) -> Vec<f64> {
    let n = si.len();
    let short = n / period < 5;
    let mut smoothed = vec![0.0; n];
    let mut column = Vec::with_capacity(n / period + 1);
    for offset in 0..period.min(n) {
        let pos = (first + offset) % period;
        let filter = if short { Filter::Stable } else { filters[pos] };
        column.clear();
        column.extend(si.iter().skip(offset).step_by(period));
        for (i, v) in smooth_month(&column, filter).into_iter().enumerate() {
            // Bounds: offset + i·period < n for every i < column.len().
            smoothed[offset + i * period] = v;
        }
    }
    let h = period / 2;
    let inner = centred_year_average(&smoothed, period);
    let mut avg = vec![0.0; n];
    if inner.is_empty() {
        // Too short for a year's average: nothing to normalise against.
        let m = mean(&smoothed);
        avg.iter_mut().for_each(|v| *v = m);
    } else {
        // Bounds: inner has n − 2h values (n ≥ 3 years), placed at h..n − h.
        avg[h..n - h].copy_from_slice(&inner);
        let first_avg = avg[h];
        let last_avg = avg[n - h - 1];
        for i in 0..h {
            // In a mixed choice, a 3×15 month also counts as stable when the
            // values span fewer than 20 years, counting a part year as one.
            let few_years = n.div_ceil(period) < 20;
            let stable_at = |j: usize| {
                let f = if short {
                    Filter::Stable
                } else {
                    filters[(first + j) % period]
                };
                mixed && (f == Filter::Stable || (f == Filter::S3x15 && few_years))
            };
            avg[i] = if stable_at(i) {
                avg[i + period]
            } else {
                first_avg
            };
            let j = n - h + i;
            avg[j] = if stable_at(j) {
                avg[j - period]
            } else {
                last_avg
            };
        }
    }
    smoothed
        .iter()
        .zip(&avg)
        .map(|(s, a)| if mul { s / a } else { s - a })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn symmetric_weights() {
        assert_eq!(
            Filter::S3x3.central(),
            [1.0 / 9.0, 2.0 / 9.0, 3.0 / 9.0, 2.0 / 9.0, 1.0 / 9.0]
        );
        let w = Filter::S3x15.central();
        assert_eq!(w.len(), 17);
        assert!((w.iter().sum::<f64>() - 1.0).abs() < 1e-15);
        assert!((Filter::S3x9.central().iter().sum::<f64>() - 1.0).abs() < 1e-15);
    }

    #[test]
    fn end_rows_sum_to_one() {
        for f in [
            Filter::S3x1,
            Filter::S3x3,
            Filter::S3x5,
            Filter::S3x9,
            Filter::S3x15,
        ] {
            for r in f.ends() {
                assert!((r.iter().sum::<f64>() - 1.0).abs() < 2e-4, "{f:?} {r:?}");
            }
        }
    }

    #[test]
    fn constant_months_stay_constant() {
        for f in [
            Filter::S3x1,
            Filter::S3x3,
            Filter::S3x5,
            Filter::S3x9,
            Filter::S3x15,
        ] {
            for n in 1..30 {
                let y = smooth_month(&vec![2.5; n], f);
                assert_eq!(y.len(), n);
                // The published 3×9 and 3×15 end rows sum to 1 within their rounding.
                assert!(
                    y.iter().all(|v| (v - 2.5).abs() < 5e-4),
                    "{f:?} n={n}: {y:?}"
                );
            }
        }
    }

    #[test]
    fn last_value_uses_the_last_row() {
        let x = [1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 64.0];
        let y = smooth_month(&x, Filter::S3x3);
        assert!((y[6] - (5.0 * 16.0 + 11.0 * 32.0 + 11.0 * 64.0) / 27.0).abs() < 1e-12);
        assert!((y[0] - (11.0 * 1.0 + 11.0 * 2.0 + 5.0 * 4.0) / 27.0).abs() < 1e-12);
        assert!((y[5] - (3.0 * 8.0 + 7.0 * 16.0 + 10.0 * 32.0 + 7.0 * 64.0) / 27.0).abs() < 1e-12);
    }
}
