//! Trend filters: the centred 2×12 (2×4) moving average of the first step of
//! each iteration, and Henderson moving averages with Musgrave's asymmetric
//! end weights.
//!
//! ```text
//! Henderson weights, length 2m+1, n = m + 2, j = −m..m:
//!   w_j = 315 ((n−1)² − j²)(n² − j²)((n+1)² − j²)(3n² − 16 − 11j²)
//!         / (8n (n² − 1)(4n² − 1)(4n² − 9)(4n² − 25))
//!
//! Musgrave's end weights for the last point with M = m + 1 + k values
//! (t − m … t + k), from the symmetric weights h_1..h_{2m+1} and D = 4/(π R²):
//!   u_i = h_i + (1/M) Σ_{j>M} h_j
//!         + (i − (M+1)/2) D / (1 + M(M−1)(M+1) D / 12) · Σ_{j>M} (j − (M+1)/2) h_j
//! ```
//!
//! The ratio R stands for the I/C ratio the end weights assume: 1.0 for
//! Henderson filters of up to 9 terms, 3.5 up to 13 and 4.5 beyond (monthly);
//! for quarterly series 0.001 up to 5 terms and 4.5 beyond. When the program
//! chooses the filter itself it keeps the ratio of the last 9- or 23-term
//! (7-term quarterly) choice for a later 13-term filter: see
//! [`super::trend_choice`].
//!
//! Found by experiment against the program (not in the reference manual): a
//! 7-term Henderson filter, monthly or quarterly, uses the *5-term* filter
//! near the ends, the symmetric 5-term weights three points from the end and
//! the 5-term Musgrave weights with R = 0.001 at the last two points; the
//! 7-term weights only apply where the whole window fits. Fitting the end
//! weights by least squares from 37 runs of the program on random quarterly
//! series gave exactly these weights (residual 1e-23).

use std::f64::consts::PI;

/// The symmetric Henderson weights of odd `len` (at least 3).
pub(crate) fn henderson_weights(len: usize) -> Vec<f64> {
    let m = (len / 2) as f64;
    let n = m + 2.0;
    let n2 = n * n;
    let denom = 8.0 * n * (n2 - 1.0) * (4.0 * n2 - 1.0) * (4.0 * n2 - 9.0) * (4.0 * n2 - 25.0);
    (0..len)
        .map(|i| {
            let j = i as f64 - m;
            let j2 = j * j;
            315.0
                * ((n - 1.0) * (n - 1.0) - j2)
                * (n2 - j2)
                * ((n + 1.0) * (n + 1.0) - j2)
                * (3.0 * n2 - 16.0 - 11.0 * j2)
                / denom
        })
        .collect()
}

/// Musgrave's asymmetric weights for `avail` values (the first `avail` of the
/// symmetric window), given the symmetric weights `h` and the I/C ratio `ic`.
pub(crate) fn musgrave(h: &[f64], ic: f64, avail: usize) -> Vec<f64> {
    let d = 4.0 / (PI * ic * ic);
    let mf = avail as f64;
    let centre = (mf + 1.0) / 2.0;
    let (mut p1, mut p2) = (0.0, 0.0);
    for (j, &w) in h.iter().enumerate().skip(avail) {
        p1 += w;
        p2 += w * ((j + 1) as f64 - centre);
    }
    p1 /= mf;
    let slope = d / (1.0 + mf * (mf - 1.0) * (mf + 1.0) * d / 12.0) * p2;
    h.iter()
        .take(avail)
        .enumerate()
        .map(|(i, &w)| w + p1 + ((i + 1) as f64 - centre) * slope)
        .collect()
}

/// A Henderson trend filter with its end weights, ready to apply.
#[derive(Clone, Debug)]
pub(crate) struct Henderson {
    /// Symmetric weights over `t − half ..= t + half`.
    central: Vec<f64>,
    /// `ends[k]`: weights over `t − past ..= t + k` for a point with `k`
    /// values after it (`k < half`), with `past = ends[k].len() − 1 − k`.
    ends: Vec<Vec<f64>>,
}

impl Henderson {
    /// The filter of odd `len` (at least 3) whose end weights assume the I/C
    /// ratio `ic`.
    pub(crate) fn new(len: usize, ic: f64) -> Henderson {
        let central = henderson_weights(len);
        let half = len / 2;
        let ends = if len == 7 {
            // The program's 7-term filter ends as a 5-term one (see the module docs).
            let h5 = henderson_weights(5);
            vec![musgrave(&h5, 0.001, 3), musgrave(&h5, 0.001, 4), h5]
        } else {
            (0..half)
                .map(|k| musgrave(&central, ic, half + 1 + k))
                .collect()
        };
        Henderson { central, ends }
    }

    /// The half-length of the symmetric filter.
    pub(crate) fn half(&self) -> usize {
        self.central.len() / 2
    }

    /// Applies the filter to `x`, which must hold at least as many values as
    /// the filter has terms (the caller checks).
    #[allow(clippy::indexing_slicing)]
    pub(crate) fn apply(&self, x: &[f64]) -> Vec<f64> {
        let n = x.len();
        let half = self.half();
        let mut out = vec![0.0; n];
        debug_assert!(n > 2 * half);
        // Bounds: every window below lies in 0..n because n ≥ 2·half + 1 and
        // each end filter spans at most 2·half values.
        for t in half..n - half {
            out[t] = dot(&self.central, &x[t - half..=t + half]);
        }
        for (k, w) in self.ends.iter().enumerate() {
            let past = w.len() - 1 - k;
            let t = n - 1 - k;
            out[t] = dot(w, &x[t - past..=t + k]);
            // The first values: the same weights on the reversed series.
            let s = k;
            out[s] = w
                .iter()
                .zip(x[s - k..=s + past].iter().rev())
                .map(|(a, b)| a * b)
                .sum();
        }
        out
    }
}

/// `Σ a_i b_i`.
pub(crate) fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// The centred moving average over one year: 2×12 for monthly, 2×4 for
/// quarterly data (`period` even). Returns the `n − period` values from
/// position `period / 2` on; empty if the series is too short.
pub(crate) fn centred_year_average(x: &[f64], period: usize) -> Vec<f64> {
    let h = period / 2;
    let p = period as f64;
    x.windows(period + 1)
        .map(|w| {
            let (first, rest) = w.split_first().unwrap_or((&0.0, &[]));
            let (last, inner) = rest.split_last().unwrap_or((&0.0, &[]));
            (0.5 * (first + last) + inner.iter().sum::<f64>()) / p
        })
        .take(x.len().saturating_sub(2 * h))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn henderson_13_weights_are_the_published_ones() {
        // Source: Ladiray and Quenneville (2001), table 3.3: the 13-term
        // weights to five decimals.
        let w = henderson_weights(13);
        let published = [-0.01935, -0.02786, 0.0, 0.06549, 0.14736, 0.21434, 0.24006];
        for (a, b) in w.iter().zip(published) {
            assert!((a - b).abs() < 6e-6, "{a} vs {b}");
        }
        assert!((w.iter().sum::<f64>() - 1.0).abs() < 1e-14);
    }

    #[test]
    fn musgrave_weights_sum_to_one_and_match_x11() {
        for len in [5, 9, 13, 23] {
            let h = henderson_weights(len);
            for avail in len / 2 + 1..len {
                let w = musgrave(&h, 3.5, avail);
                assert_eq!(w.len(), avail);
                assert!((w.iter().sum::<f64>() - 1.0).abs() < 1e-12);
            }
        }
        // Source: X-11's 13-term end weights to three decimals (Shiskin, Young
        // and Musgrave 1967), last point and the one before, oldest first.
        let last = [-0.092, -0.058, 0.012, 0.120, 0.244, 0.353, 0.421];
        let before = [-0.042, -0.039, 0.002, 0.080, 0.174, 0.254, 0.292, 0.279];
        let h = henderson_weights(13);
        for (w, want) in [
            (musgrave(&h, 3.5, 7), &last[..]),
            (musgrave(&h, 3.5, 8), &before[..]),
        ] {
            for (a, b) in w.iter().zip(want) {
                assert!((a - b).abs() < 1e-3, "{a} vs {b}");
            }
        }
    }

    #[test]
    fn seven_term_ends_are_five_term() {
        let f = Henderson::new(7, 4.5);
        let x: Vec<f64> = (0..20).map(|i| ((i * 7919) % 13) as f64).collect();
        let y = f.apply(&x);
        let h5 = henderson_weights(5);
        let n = x.len();
        let at = dot(&h5, &x[n - 5..]);
        assert!((y[n - 3] - at).abs() < 1e-12);
    }

    #[test]
    fn centred_average_of_a_constant() {
        let x = [3.0; 30];
        let m = centred_year_average(&x, 12);
        assert_eq!(m.len(), 18);
        assert!(m.iter().all(|v| (v - 3.0).abs() < 1e-15));
    }
}
