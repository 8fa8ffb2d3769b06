//! LOESS as STL uses it: the `est` (one local fit) and `ess` (a smoothed
//! series, optionally evaluated every `jump` points and interpolated) routines
//! of Cleveland et al.'s Fortran STL, with statsmodels' conventions.
//!
//! Windows are given 1-based (`nleft..=nright`) and so is the abscissa `xs`,
//! as in the original, because its arithmetic (the window shift, the
//! bandwidth) is defined on 1-based positions; `xs` may be 0 or `n + 1` when
//! STL extrapolates a cycle-subseries one step beyond its ends.
//!
//! Two things differ from a line-by-line port, neither changes a result by
//! more than rounding: a local fit gathers its five weighted sums in one pass
//! (the closed form of the weighted linear fit) instead of normalising and
//! re-weighting the window three times, and, since the bandwidth of a window
//! shorter than the series depends only on where the point sits in it, the
//! tricube weights of every position (and, without robustness weights, the
//! whole fit as a linear filter) are computed once per series length rather
//! than once per point. Positions are taken relative to `xs`, so the sums stay
//! small and the weighted variance does not lose digits to cancellation.

/// Degree of the local polynomial: 0 (local mean) or 1 (local line).
pub(crate) type Degree = u8;

/// Tricube weight `(1 − (r/h)³)³`, with the original's cut-offs: full weight
/// within `0.001·h`, none beyond `0.999·h`.
#[inline]
fn tricube(r: f64, h: f64) -> f64 {
    if r <= 0.001 * h {
        1.0
    } else if r <= 0.999 * h {
        let q = r / h;
        let t = 1.0 - q * q * q;
        t * t * t
    } else {
        0.0
    }
}

/// The local fit at `xs` from `y[nleft-1..nright]`; `None` if every weight
/// is zero (the caller then keeps the data value, as the original does).
///
/// ```text
/// h = max(xs − nleft, nright − xs) + max(0, ⌊(len − n)/2⌋)
/// w_j = tricube(|j − xs|, h) · rw_j
/// degree 0: Σ w_j y_j / Σ w_j
/// degree 1: the weighted least-squares line through the window, at xs
///           (degree 0 if the window's weighted spread is below 0.001·(n − 1))
/// ```
pub(crate) fn est(
    y: &[f64],
    len: usize,
    deg: Degree,
    xs: i64,
    nleft: usize,
    nright: usize,
    rw: Option<&[f64]>,
) -> Option<f64> {
    let n = y.len();
    let mut h = (xs - nleft as i64).max(nright as i64 - xs) as f64;
    if len > n {
        h += ((len - n) / 2) as f64;
    }
    let lo = nleft.saturating_sub(1);
    let (h1, h9, inv_h) = (0.001 * h, 0.999 * h, 1.0 / h);
    let (mut s0, mut su, mut suu, mut sy, mut suy) = (0.0, 0.0, 0.0, 0.0, 0.0);
    let mut u = lo as f64 + 1.0 - xs as f64;
    // The window `nleft..=nright` (1-based) lies inside `y` and `rw`.
    let window = y.get(lo..nright).unwrap_or_default();
    let rw = rw.map(|rw| rw.get(lo..nright).unwrap_or_default());
    for (j, &yj) in window.iter().enumerate() {
        let r = u.abs();
        let mut w = if r <= h1 {
            1.0
        } else if r <= h9 {
            let q = r * inv_h;
            let t = 1.0 - q * q * q;
            t * t * t
        } else {
            0.0
        };
        if let Some(rw) = rw {
            w *= rw.get(j).copied().unwrap_or(0.0);
        }
        let wy = w * yj;
        s0 += w;
        su += w * u;
        suu += w * u * u;
        sy += wy;
        suy += wy * u;
        u += 1.0;
    }
    local_fit(
        s0,
        su,
        suu,
        sy,
        suy,
        h > 0.0 && deg > 0,
        0.001 * (n as f64 - 1.0),
    )
}

/// The local fit at one position of a window of fixed length: its tricube
/// weights, and without robustness weights the whole fit as a linear filter.
///
/// When the window is shorter than the series, the bandwidth depends only on
/// where `xs` sits in the window (`rel = xs − nleft`), so one kernel per
/// position serves every point of the series: the interior (all centred),
/// each boundary point, and the one-step extrapolations of the
/// cycle-subseries (`rel = −1` and `rel = len`). Zero weights at the ends are
/// left out.
struct Kernel {
    /// Offset of the first stored weight from the window's left end.
    skip: usize,
    /// Tricube weights, and the same times `u` and `u²` (`u` = position − xs).
    t: Vec<f64>,
    tu: Vec<f64>,
    tuu: Vec<f64>,
    /// The fit without robustness weights; empty if every weight is zero.
    coef: Vec<f64>,
    line: bool,
    min_spread: f64,
}

impl Kernel {
    fn new(len: usize, rel: i64, deg: Degree, n: usize) -> Kernel {
        let mut k = Kernel {
            skip: 0,
            t: Vec::new(),
            tu: Vec::new(),
            tuu: Vec::new(),
            coef: Vec::new(),
            line: false,
            min_spread: 0.0,
        };
        k.fill(len, rel, deg, n);
        k
    }

    /// Recomputes the kernel in place for another position, reusing its
    /// buffers (no allocation once they have grown to the window's length).
    fn fill(&mut self, len: usize, rel: i64, deg: Degree, n: usize) {
        let h = rel.max(len as i64 - 1 - rel) as f64;
        let min_spread = 0.001 * (n as f64 - 1.0);
        let line = h > 0.0 && deg > 0;
        let u = |k: usize| k as f64 - rel as f64;
        let weight = |k: usize| tricube(u(k).abs(), h);
        let first = (0..len).find(|&k| weight(k) > 0.0).unwrap_or(0);
        let last = (0..len)
            .rev()
            .find(|&k| weight(k) > 0.0)
            .map_or(0, |i| i + 1);
        // The non-zero weights, with their positions in the window.
        let kept = (first..last.max(first)).map(|k| (k, weight(k)));
        self.t.clear();
        self.t.extend(kept.clone().map(|(_, w)| w));
        self.tu.clear();
        self.tu.extend(kept.clone().map(|(k, w)| w * u(k)));
        self.tuu.clear();
        self.tuu.extend(kept.clone().map(|(k, w)| w * u(k) * u(k)));
        let s0: f64 = self.t.iter().sum();
        self.coef.clear();
        if s0 > 0.0 {
            let a = self.tu.iter().sum::<f64>() / s0;
            let c = self.tuu.iter().sum::<f64>() / s0 - a * a;
            let linear = line && c > min_spread * min_spread;
            self.coef.extend(kept.map(|(k, w)| {
                let w = w / s0;
                if linear {
                    w * (1.0 + (-a / c) * (u(k) - a))
                } else {
                    w
                }
            }));
        }
        self.skip = first;
        self.line = line;
        self.min_spread = min_spread;
    }

    /// The fit from the window starting at `lo` (0-based); `None` if every
    /// weight is zero.
    #[inline]
    fn fit(&self, y: &[f64], robust: Option<(&[f64], &[f64])>, lo: usize) -> Option<f64> {
        let start = lo + self.skip;
        let end = start + self.t.len();
        let Some((rw, ry)) = robust else {
            if self.coef.is_empty() {
                return None;
            }
            return Some(dot(&self.coef, y.get(start..end)?));
        };
        let (rw, ry) = (rw.get(start..end)?, ry.get(start..end)?);
        let (mut s0, mut su, mut suu, mut sy, mut suy) = (0.0, 0.0, 0.0, 0.0, 0.0);
        let weights = self.t.iter().zip(&self.tu).zip(&self.tuu);
        for (((&t, &tu), &tuu), (&r, &q)) in weights.zip(rw.iter().zip(ry)) {
            s0 += t * r;
            su += tu * r;
            suu += tuu * r;
            sy += t * q;
            suy += tu * q;
        }
        local_fit(s0, su, suu, sy, suy, self.line, self.min_spread)
    }
}

/// A dot product in four independent lanes, so that the additions do not
/// wait on each other (a single running sum would be bound by the latency of
/// one addition per element).
#[inline]
fn dot(a: &[f64], b: &[f64]) -> f64 {
    const L: usize = 4;
    let n = a.len().min(b.len());
    let (a, b) = (
        a.get(..n).unwrap_or_default(),
        b.get(..n).unwrap_or_default(),
    );
    let (a, b) = (a.chunks_exact(L), b.chunks_exact(L));
    let (ra, rb) = (a.remainder(), b.remainder());
    let mut acc = [0.0; L];
    for (a, b) in a.zip(b) {
        for ((acc, a), b) in acc.iter_mut().zip(a).zip(b) {
            *acc += a * b;
        }
    }
    let [a0, a1, a2, a3] = acc;
    let mut sum = (a0 + a1) + (a2 + a3);
    for (a, b) in ra.iter().zip(rb) {
        sum += a * b;
    }
    sum
}

/// The local fit at `u = 0` from the weighted sums of a window: the weighted
/// mean, or the intercept of the weighted least-squares line.
///
/// ```text
/// mean      Sy / S0
/// line      (Suu·Sy − Su·Suy) / D,   D = S0·Suu − Su²
///           used when the weighted spread sqrt(D)/S0 exceeds min_spread
/// ```
///
/// One division per fit: with windows this short, divisions rather than the
/// sums set the cost.
#[inline]
fn local_fit(
    s0: f64,
    su: f64,
    suu: f64,
    sy: f64,
    suy: f64,
    line: bool,
    min_spread: f64,
) -> Option<f64> {
    if s0 <= 0.0 {
        return None;
    }
    if line {
        let d = s0 * suu - su * su;
        let m = min_spread * s0;
        if d > m * m {
            return Some((suu * sy - su * suy) / d);
        }
    }
    Some(sy / s0)
}

/// A LOESS smoother of one window length, degree and jump.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Smoother {
    pub(crate) len: usize,
    pub(crate) deg: Degree,
    pub(crate) jump: usize,
}

/// Above this many weights (`len·(len + 2)`, the kernels of every window
/// position) or `8·n`, whichever is larger, only the interior kernel is
/// kept and those of the other positions are computed when needed, into one
/// reused buffer: memory stays O(n + len) whatever the period (a period of
/// 10,000 has a trend window of 19,091 and would need 11.7 GB of kernels),
/// at the price of recomputing the boundary kernels in every pass.
const KERNEL_BUDGET: usize = 1 << 16;

impl Smoother {
    /// The smoother for series of length `n`, with its kernels computed.
    pub(crate) fn prepare(self, n: usize) -> Prepared {
        self.prepare_within(n, KERNEL_BUDGET.max(n.saturating_mul(8)))
    }

    /// [`prepare`](Smoother::prepare) keeping every kernel only if they hold
    /// at most `budget` weights.
    fn prepare_within(self, n: usize, budget: usize) -> Prepared {
        let len = self.len;
        let every = len <= n && len.saturating_mul(len + 2) <= budget;
        let kernels = if every {
            (-1..=len as i64)
                .map(|rel| Kernel::new(len, rel, self.deg, n))
                .collect()
        } else {
            Vec::new()
        };
        // The position of the point in a window that slides, as an index
        // `rel + 1` (see `smooth`).
        let centre = (len + 2) / 2;
        let interior = (!every && len <= n)
            .then(|| (centre, Kernel::new(len, centre as i64 - 1, self.deg, n)));
        Prepared {
            sm: self,
            n,
            kernels,
            interior,
            scratch: Kernel::new(0, 0, self.deg, n),
            ry: Vec::with_capacity(n),
        }
    }
}

/// A [`Smoother`] for one series length, with the kernels of the window
/// positions (when the window is no longer than the series) and buffers.
pub(crate) struct Prepared {
    sm: Smoother,
    n: usize,
    /// Indexed by `rel + 1`, `rel = −1 ..= len`; empty when over the budget.
    kernels: Vec<Kernel>,
    /// Over the budget: the kernel of the sliding window's centre, with its index.
    interior: Option<(usize, Kernel)>,
    /// Over the budget: the kernel of the last other position asked for.
    scratch: Kernel,
    ry: Vec<f64>,
}

impl Prepared {
    /// The window length.
    pub(crate) fn len(&self) -> usize {
        self.sm.len
    }

    /// The number of kernel weights held, for the memory tests.
    #[cfg(test)]
    fn weights_held(&self) -> usize {
        let size =
            |k: &Kernel| k.t.capacity() + k.tu.capacity() + k.tuu.capacity() + k.coef.capacity();
        self.kernels.iter().map(size).sum::<usize>()
            + self.interior.as_ref().map_or(0, |(_, k)| size(k))
            + size(&self.scratch)
    }

    /// The kernel of window position `index = rel + 1` (`0 ..= len + 1`) for
    /// a window of the full length, `None` if the window is longer than the
    /// series or the index out of range.
    fn kernel(&mut self, index: usize) -> Option<&Kernel> {
        let len = self.sm.len;
        if len > self.n || index > len + 1 {
            return None;
        }
        if !self.kernels.is_empty() {
            return self.kernels.get(index);
        }
        if let Some((i, k)) = &self.interior
            && *i == index
        {
            return Some(k);
        }
        self.scratch
            .fill(len, index as i64 - 1, self.sm.deg, self.n);
        Some(&self.scratch)
    }

    /// The local fit at 1-based `xs` (0 and n + 1 extrapolate) from
    /// `nleft..=nright`, `None` if every weight is zero.
    pub(crate) fn est(
        &mut self,
        y: &[f64],
        robust: Option<(&[f64], &[f64])>,
        xs: i64,
        nleft: usize,
        nright: usize,
    ) -> Option<f64> {
        let rel = xs - nleft as i64;
        if nright + 1 - nleft == self.sm.len
            && let Some(k) = usize::try_from(rel + 1).ok().and_then(|i| self.kernel(i))
        {
            return k.fit(y, robust, nleft - 1);
        }
        est(
            y,
            self.sm.len,
            self.sm.deg,
            xs,
            nleft,
            nright,
            robust.map(|r| r.0),
        )
    }

    /// Smooths `y` (of the prepared length) into `ys`: fits at every
    /// `jump`-th point (and the last), linear interpolation in between.
    // The loops keep the original's index arithmetic (windows, jumps and
    // interpolation are defined on positions), which is clearer than iterators.
    // Bounds: `ys` and `y` have length `n` (`debug_assert` above and every
    // caller in stl.rs); `i` runs below `n`; `i + newnj < n` guards the
    // interpolation; `1 <= k <= n` since `newnj >= 1`; windows have
    // `1 <= nleft <= nright <= n`, so `xs - 1` and `nleft - 1` index `y`;
    // `i + 2 - nleft >= 1` because `nleft <= i + 1` in the `newnj == 1` loop.
    #[allow(clippy::needless_range_loop, clippy::indexing_slicing)]
    pub(crate) fn smooth(&mut self, y: &[f64], rw: Option<&[f64]>, ys: &mut [f64]) {
        let n = y.len();
        debug_assert_eq!(n, self.n);
        let len = self.sm.len;
        if n == 0 {
            return;
        }
        if n < 2 {
            ys[0] = y[0];
            return;
        }
        let mut ry = std::mem::take(&mut self.ry);
        ry.clear();
        if let Some(rw) = rw {
            ry.extend(rw.iter().zip(y).map(|(r, y)| r * y));
        }
        let robust = rw.map(|rw| (rw, &ry[..]));
        let fit = |this: &mut Prepared, xs: usize, nleft: usize, nright: usize| -> f64 {
            this.est(y, robust, xs as i64, nleft, nright)
                .unwrap_or(y[xs - 1])
        };
        let newnj = self.sm.jump.min(n - 1).max(1);
        let (mut nleft, mut nright) = (1, n);
        if len >= n {
            let mut i = 0;
            while i < n {
                ys[i] = fit(self, i + 1, nleft, nright);
                i += newnj;
            }
        } else if newnj == 1 {
            let nsh = (len + 2) / 2;
            nright = len;
            for i in 0..n {
                if i + 1 > nsh && nright != n {
                    nleft += 1;
                    nright += 1;
                }
                // Every window here has length len: straight to the kernel of
                // the point's position in it (rel + 1 = i + 2 − nleft).
                ys[i] = match self.kernel(i + 2 - nleft) {
                    Some(k) => k.fit(y, robust, nleft - 1).unwrap_or(y[i]),
                    None => fit(self, i + 1, nleft, nright),
                };
            }
        } else {
            let nsh = len.div_ceil(2);
            let mut i = 0;
            while i < n {
                if i + 1 < nsh {
                    nleft = 1;
                    nright = len;
                } else if i + 1 > n - nsh {
                    nleft = n - len + 1;
                    nright = n;
                } else {
                    nleft = i + 2 - nsh;
                    nright = len + i + 1 - nsh;
                }
                ys[i] = fit(self, i + 1, nleft, nright);
                i += newnj;
            }
        }
        if newnj > 1 {
            let step = newnj as f64;
            let mut i = 0;
            while i + newnj < n {
                let delta = (ys[i + newnj] - ys[i]) / step;
                let base = ys[i];
                for j in i + 1..i + newnj {
                    ys[j] = base + delta * (j - i) as f64;
                }
                i += newnj;
            }
            let k = ((n - 1) / newnj) * newnj + 1;
            if k != n {
                // The original fits the last point with the window of the
                // last evaluated point, whatever it was.
                ys[n - 1] = fit(self, n, nleft, nright);
                if k != n - 1 {
                    let delta = (ys[n - 1] - ys[k - 1]) / (n - k) as f64;
                    let base = ys[k - 1];
                    for j in k..n {
                        ys[j] = base + delta * (j + 1 - k) as f64;
                    }
                }
            }
        }
        self.ry = ry;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tricube_cutoffs() {
        assert_eq!(tricube(0.0, 0.0), 1.0);
        assert_eq!(tricube(0.0, 3.0), 1.0);
        assert_eq!(tricube(3.0, 3.0), 0.0);
        let w = tricube(1.0, 2.0);
        assert!((w - (1.0 - 0.125_f64).powi(3)).abs() < 1e-15);
    }

    #[test]
    fn local_line_reproduces_a_line() {
        let y: Vec<f64> = (0..20).map(|i| 3.0 + 0.5 * f64::from(i)).collect();
        let mut ys = vec![0.0; 20];
        for jump in [1, 3] {
            Smoother {
                len: 7,
                deg: 1,
                jump,
            }
            .prepare(20)
            .smooth(&y, None, &mut ys);
            for (a, b) in ys.iter().zip(&y) {
                assert!((a - b).abs() < 1e-12, "{a} {b}");
            }
            let rw = vec![0.5; 20];
            Smoother {
                len: 7,
                deg: 1,
                jump,
            }
            .prepare(20)
            .smooth(&y, Some(&rw), &mut ys);
            for (a, b) in ys.iter().zip(&y) {
                assert!((a - b).abs() < 1e-12, "{a} {b}");
            }
        }
        // Extrapolation one step beyond either end stays on the line.
        let left = est(&y, 7, 1, 0, 1, 7, None).unwrap_or(f64::NAN);
        assert!((left - 2.5).abs() < 1e-12, "{left}");
    }

    /// Kernels computed when needed give the same fits, bit for bit, as
    /// kernels kept for every position, and hold O(len) weights where those
    /// hold len² (a period of 10,000 has a trend window of 19,091).
    #[test]
    fn kernels_on_demand_equal_kept_kernels() {
        let n = 400;
        let y: Vec<f64> = (0..n)
            .map(|i| (f64::from(i) * 0.37).sin() * 10.0 + f64::from(i % 7))
            .collect();
        let rw: Vec<f64> = (0..n).map(|i| 0.5 + 0.5 * f64::from(i % 3) / 2.0).collect();
        for (len, deg, jump) in [(301, 1, 1), (301, 0, 1), (151, 1, 3), (399, 1, 1)] {
            let sm = Smoother { len, deg, jump };
            let mut kept = sm.prepare_within(n as usize, usize::MAX);
            let mut lazy = sm.prepare_within(n as usize, 0);
            assert!(lazy.weights_held() < 10 * len && kept.weights_held() > len * len);
            for w in [None, Some(&rw[..])] {
                let (mut a, mut b) = (vec![0.0; n as usize], vec![0.0; n as usize]);
                kept.smooth(&y, w, &mut a);
                lazy.smooth(&y, w, &mut b);
                assert_eq!(
                    a,
                    b,
                    "len {len} deg {deg} jump {jump} robust {}",
                    w.is_some()
                );
                // Extrapolation one step beyond the ends goes through the kernels too.
                for (xs, l, r) in [
                    (0, 1, len),
                    (i64::from(n) + 1, n as usize - len + 1, n as usize),
                ] {
                    let robust = w.map(|w| (w, w));
                    assert_eq!(
                        kept.est(&y, robust, xs, l, r),
                        lazy.est(&y, robust, xs, l, r)
                    );
                }
            }
        }
        let big = Smoother {
            len: 19_091,
            deg: 1,
            jump: 1,
        }
        .prepare(20_000);
        assert!(big.weights_held() < 16 * 19_091, "{}", big.weights_held());
    }

    #[test]
    fn zero_weights_keep_the_data() {
        let y = [1.0, 2.0, 9.0, 4.0, 5.0];
        let rw = [0.0; 5];
        let mut ys = [0.0; 5];
        Smoother {
            len: 3,
            deg: 1,
            jump: 1,
        }
        .prepare(5)
        .smooth(&y, Some(&rw), &mut ys);
        assert_eq!(ys, y);
    }
}
