//! Slice kernels shared by the transforms.
//!
//! They work on raw slots (NaN = missing) and return slots that are finite or
//! NaN. The hot ones are written as single passes over slices with
//! branch-free bodies, so that the compiler vectorises them.

/// Neumaier's compensated sum: for any realistic number of terms the error
/// stays within a few units in the last place of the exact sum, which keeps
/// the windowed sums as close to pandas' (also compensated) sums as the data
/// allow.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Sum {
    sum: f64,
    compensation: f64,
}

impl Sum {
    /// A sum that is already missing: adding to it keeps it missing.
    pub(super) const MISSING: Sum = Sum {
        sum: f64::NAN,
        compensation: 0.0,
    };

    pub(super) fn add(&mut self, x: f64) {
        let t = self.sum + x;
        self.compensation += if self.sum.abs() >= x.abs() {
            (self.sum - t) + x
        } else {
            (x - t) + self.sum
        };
        self.sum = t;
    }

    /// The sum; NaN if a NaN was added or an intermediate sum overflowed.
    pub(super) fn total(self) -> f64 {
        self.sum + self.compensation
    }

    #[cfg(test)]
    pub(super) fn of(xs: &[f64]) -> f64 {
        let mut s = Sum::default();
        for &x in xs {
            s.add(x);
        }
        s.total()
    }
}

/// 2⁻⁶⁴ and 2⁶⁴. A sum of fewer than 2⁶⁰ values of magnitude at most
/// `f64::MAX` fits once each is multiplied by 2⁻⁶⁴, which is exact (bar
/// values below 2⁻⁹⁶⁰, whose lost bits cannot matter next to one that made
/// the plain sum overflow).
pub(crate) const DOWN: f64 = 5.421_010_862_427_522e-20;
/// See [`DOWN`].
pub(crate) const UP: f64 = 18_446_744_073_709_551_616.0;

/// 1, or a power of two that brings every magnitude in `xs` below 2⁴⁸⁰ when
/// one is above it: then squared deviations and their sums cannot overflow,
/// and a scale-free computation (a standardisation, a dating rule) gives
/// the same answer on `x · scale`. Multiplying by a power of two is exact,
/// bar values below 2⁻⁵⁰⁰, which cannot matter next to one above 2⁴⁸⁰.
pub(crate) fn safe_scale(xs: &[f64]) -> f64 {
    const BIG: f64 = 3.121_748_550_315_992_2e144; // 2^480
    let largest = xs
        .iter()
        .filter(|v| v.is_finite())
        .fold(0.0_f64, |m, v| m.max(v.abs()));
    if largest > BIG {
        // largest < 2^1024, so largest · 2^-544 < 2^480.
        2.0_f64.powi(-544)
    } else {
        1.0
    }
}

/// `sum / count` for a sum taken on values scaled by [`DOWN`]: the mean,
/// scaled back, kept within `±f64::MAX` (a mean of finite values is at most
/// their largest magnitude, so only rounding could take it past).
#[inline]
pub(crate) fn unscaled_mean(scaled_sum: f64, count: f64) -> f64 {
    (scaled_sum / count * UP).clamp(-f64::MAX, f64::MAX)
}

/// The mean of the present values of `xs` (NaN = missing); NaN if none is.
/// Finite whenever the values are, also when their sum is not (three values
/// of 1e308): the sum is then taken again on the values times 2⁻⁶⁴, exactly,
/// so results are unchanged wherever the plain sum fits.
pub(crate) fn mean(xs: &[f64]) -> f64 {
    let (mut sum, mut count) = (Sum::default(), 0usize);
    for &v in xs.iter().filter(|v| !v.is_nan()) {
        sum.add(v);
        count += 1;
    }
    let m = sum.total() / count as f64;
    if m.is_finite() || count == 0 {
        return m;
    }
    let mut scaled = Sum::default();
    for &v in xs.iter().filter(|v| !v.is_nan()) {
        scaled.add(v * DOWN);
    }
    unscaled_mean(scaled.total(), count as f64)
}

/// `r` if finite, else missing (NaN).
///
/// `r − r` is 0 for finite `r` and NaN for ±∞ and NaN, so `r + (r − r)` maps
/// infinities to NaN with two vector operations instead of a compare and a
/// blend (it also turns −0 into +0, which no caller can tell apart).
#[inline]
#[expect(
    clippy::eq_op,
    reason = "r − r is not 0 for infinities, which is the point"
)]
pub(super) fn finite(r: f64) -> f64 {
    r + (r - r)
}

/// `(now / base − 1)·100`; missing unless `base > 0` and the result is finite.
///
/// The base is replaced by NaN before dividing rather than the result
/// after: a `&&` of the two conditions compiles to a branch around the
/// division, which stops the loop in [`lagged`] from being vectorised and
/// made `pc1` more than twice as slow.
#[inline]
pub(super) fn pct(now: f64, base: f64) -> f64 {
    let base = if base > 0.0 { base } else { f64::NAN };
    finite((now / base - 1.0) * 100.0)
}

/// `ln x`, missing unless `x > 0`.
#[inline]
pub(super) fn ln(x: f64) -> f64 {
    if x > 0.0 { x.ln() } else { f64::NAN }
}

/// `f(x[t], x[t − lag])` for every slot; the first `lag` slots, whose lag lies
/// before the start, are missing.
///
/// One pass over two offset slices written with `extend`: no zero-filling, no
/// bounds checks, and a branch-free `f` is auto-vectorised.
#[inline]
pub(super) fn lagged(x: &[f64], lag: usize, f: impl Fn(f64, f64) -> f64) -> Vec<f64> {
    let lag = lag.min(x.len());
    let mut out = Vec::with_capacity(x.len());
    out.resize(lag, f64::NAN);
    // `lag <= x.len()`, so both slices exist; `get` keeps that proof local.
    let now = x.get(lag..).unwrap_or_default();
    let then = x.get(..x.len() - lag).unwrap_or_default();
    out.extend(now.iter().zip(then).map(|(&now, &then)| f(now, then)));
    out
}

/// Sums over the `k` slots ending at each slot (`k >= 1`); missing unless all
/// `k` are present. O(n) whatever `k`.
///
/// Running sums that add the entering value and subtract the leaving one
/// drift, and one overflow poisons them for good. Instead the slots are cut
/// into blocks of `k` (van Herk / Gil-Werman): every window is the tail of one
/// block plus the head of the next, so each output is one addition of two
/// compensated partial sums, computed afresh. A missing slot makes NaN exactly
/// the partial sums that cover it, hence exactly the windows that contain it.
pub(super) fn rolling_sum(x: &[f64], k: usize) -> Vec<f64> {
    debug_assert!(k >= 1);
    let n = x.len();
    // head[i]: from the start of i's block to i; tail[i]: from i to the end of i's block.
    let mut head = Vec::with_capacity(n);
    let mut tail = vec![0.0; n];
    for (block, tail) in x.chunks(k).zip(tail.chunks_mut(k)) {
        let mut s = Sum::default();
        head.extend(block.iter().map(|&v| {
            s.add(v);
            s.total()
        }));
        let mut s = Sum::default();
        for (&v, t) in block.iter().zip(tail).rev() {
            s.add(v);
            *t = s.total();
        }
    }
    let first = (k - 1).min(n);
    let mut out = Vec::with_capacity(n);
    out.resize(first, f64::NAN);
    out.extend(
        head.get(first..)
            .unwrap_or_default()
            .iter()
            .zip(&tail)
            .enumerate()
            .map(|(s, (&head, &tail))| {
                // The window s..=s+k-1 is a whole block when s is block-aligned.
                finite(if s % k == 0 { head } else { tail + head })
            }),
    );
    out
}

/// Year-to-date sums; `pos` is the 0-based position of `x[0]` within its
/// year. Missing from a missing slot to the end of its year, and for the whole
/// first year when the series starts after its first period.
pub(super) fn ytd(x: &[f64], mut pos: u32, per_year: u32) -> Vec<f64> {
    // Unknown until the first period of a year resets it.
    let mut acc = Sum::MISSING;
    x.iter()
        .map(|&v| {
            if pos == 0 {
                acc = Sum::default();
            }
            pos = (pos + 1) % per_year;
            acc.add(v);
            finite(acc.total())
        })
        .collect()
}

/// Single periods from year-to-date sums; `pos` as for [`ytd`].
pub(super) fn from_ytd(y: &[f64], mut pos: u32, per_year: u32) -> Vec<f64> {
    // The period before the start is unknown.
    let mut prev = f64::NAN;
    y.iter()
        .map(|&v| {
            let single = if pos == 0 { v } else { finite(v - prev) };
            prev = v;
            pos = (pos + 1) % per_year;
            single
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Windows summed one by one, the obvious O(n·k) way.
    fn naive(x: &[f64], k: usize) -> Vec<f64> {
        (0..x.len())
            .map(|t| {
                if t + 1 < k {
                    f64::NAN
                } else {
                    finite(x[t + 1 - k..=t].iter().sum())
                }
            })
            .collect()
    }

    fn same(a: &[f64], b: &[f64]) -> bool {
        a.len() == b.len()
            && a.iter().zip(b).all(|(&p, &q)| {
                (p.is_nan() && q.is_nan()) || (p - q).abs() <= 1e-12 * q.abs().max(1.0)
            })
    }

    #[test]
    fn rolling_sum_matches_naive_for_every_k() {
        let mut x: Vec<f64> = (0..23).map(|i| f64::from(i * i % 17) - 5.5).collect();
        x[9] = f64::NAN;
        for k in 1..=25 {
            assert!(same(&rolling_sum(&x, k), &naive(&x, k)), "k = {k}");
        }
        assert!(rolling_sum(&[], 3).is_empty());
    }

    #[test]
    fn rolling_sum_recovers_after_overflow() {
        let x = [1e308, 1e308, 1.0, 2.0, 3.0];
        let s = rolling_sum(&x, 2);
        assert!(s[0].is_nan() && s[1].is_nan() && s[2] == 1e308);
        assert_eq!(&s[3..], &[3.0, 5.0]);
    }

    #[test]
    fn means_of_huge_values_are_finite() {
        assert_eq!(mean(&[1e308, 1e308, 1e308]), 1e308);
        assert_eq!(mean(&[f64::MAX, f64::MAX]), f64::MAX);
        assert_eq!(mean(&[-f64::MAX, f64::NAN, -f64::MAX]), -f64::MAX);
        assert_eq!(mean(&[f64::MAX, -f64::MAX, 0.0]), 0.0);
        assert_eq!(mean(&[1.5e308, 1.5e308, 3.0]), 1e308);
        // Unchanged where the sum fits, and missing values are skipped.
        assert_eq!(mean(&[1.0, f64::NAN, 2.0]), 1.5);
        assert!(mean(&[f64::NAN]).is_nan() && mean(&[]).is_nan());
    }

    #[test]
    fn compensated_sum_is_exact_where_naive_is_not() {
        let xs = [1e16, 1.0, -1e16, 1.0];
        assert_eq!(Sum::of(&xs), 2.0);
        assert!(Sum::of(&[1.0, f64::NAN]).is_nan());
    }

    #[test]
    fn lagged_handles_short_input() {
        assert!(
            lagged(&[1.0, 2.0], 5, |a, b| a - b)
                .iter()
                .all(|v| v.is_nan())
        );
        assert_eq!(lagged(&[1.0, 3.0], 1, |a, b| a - b)[1], 2.0);
    }
}
