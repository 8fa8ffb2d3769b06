//! Optimal partitioning, PELT and binary segmentation over any [`SegmentCost`].
//!
//! All three minimise (binary segmentation approximately)
//!
//! ```text
//! Σᵢ [C(y[τᵢ₋₁..τᵢ]) + w·ln(τᵢ − τᵢ₋₁)] + β·m,    τᵢ − τᵢ₋₁ ≥ L
//! ```
//!
//! through the recursion `F(0) = −β`, `F(t) = min over legal s of
//! F(s) + C(s, t) + w·ln(t − s) + β`, where `s` is legal for `t` if
//! `t − s ≥ L` and `F(s)` is finite (`s = 0` or `s ≥ L`).

use core::cmp::Ordering;
use std::collections::BinaryHeap;

use super::cost::{SegmentCost, TrendCost, at, set};

/// The numbers a search needs besides the cost.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Problem {
    /// Penalty per change.
    pub(crate) beta: f64,
    /// Weight of `ln ℓ` per segment (MBIC), 0 otherwise.
    pub(crate) weight: f64,
    /// Minimum segment length, at least 1.
    pub(crate) min_size: usize,
}

impl Problem {
    #[inline]
    pub(crate) fn segment_term(&self, len: usize) -> f64 {
        if self.weight == 0.0 {
            0.0
        } else {
            self.weight * (len as f64).ln()
        }
    }
}

/// Whether `v = F(s) + C(s, t)` exceeds `f = F(t)` by more than rounding.
#[inline]
pub(crate) fn dominated(v: f64, f: f64) -> bool {
    v - f > 1e-12 * (v.abs() + f.abs())
}

/// The change points from the back-pointers: `last[t]` is the optimal last change before `t`.
pub(crate) fn backtrack(last: &[usize], n: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let mut t = n;
    while t > 0 {
        let s = last.get(t).copied().unwrap_or(0);
        if s == 0 {
            break;
        }
        out.push(s);
        t = s;
    }
    out.reverse();
    out
}

/// How often the quadratic searches report their progress: every this many
/// values of `t` (a power of two, so the test is a mask).
const PROGRESS_EVERY: usize = 1 << 10;

/// Calls `progress(t, n)` every [`PROGRESS_EVERY`] steps `t` of `n`.
#[inline]
fn report(progress: &mut dyn FnMut(usize, usize), t: usize, n: usize) {
    if t & (PROGRESS_EVERY - 1) == 0 {
        progress(t, n);
    }
}

/// Optimal partitioning: the recursion over every legal `s`, O(n²). The reference.
#[cfg(test)]
pub(crate) fn optimal<C: SegmentCost>(c: &C, pb: &Problem) -> Vec<usize> {
    optimal_with(c, pb, &mut |_, _| {})
}

/// [`optimal`], calling `progress(t, n)` as it goes.
pub(crate) fn optimal_with<C: SegmentCost>(
    c: &C,
    pb: &Problem,
    progress: &mut dyn FnMut(usize, usize),
) -> Vec<usize> {
    let n = c.len();
    let l = pb.min_size.max(1);
    let mut f = vec![f64::INFINITY; n + 1];
    let mut last = vec![0usize; n + 1];
    set(&mut f, 0, -pb.beta);
    for t in l..=n {
        report(progress, t, n);
        let (mut best, mut arg) = (f64::INFINITY, 0);
        for (s, &fs) in f.iter().enumerate().take(t - l + 1) {
            if !fs.is_finite() {
                continue;
            }
            let v = fs + c.cost(s, t) + pb.segment_term(t - s) + pb.beta;
            if v < best {
                best = v;
                arg = s;
            }
        }
        set(&mut f, t, best);
        set(&mut last, t, arg);
    }
    backtrack(&last, n)
}

/// PELT (Killick, Fearnhead & Eckley 2012), exact under a minimum segment length.
///
/// Candidate `s` is found dominated at time `t` when `F(s) + C(s, t) ≥ F(t)`:
/// from then on `t` is at least as good a last change as `s` for every end
/// `T` for which `t` is legal, that is `T ≥ t + L`. For `T < t + L`, `t` cannot
/// end a segment yet and `s` may still be the best, so `s` is removed only at
/// `t + L` (ruptures and R's changepoint remove it at once, which loses the
/// optimum; ruptures PR #383). The segment terms `w·ln ℓ` are left out of the
/// test: `ln` grows more slowly than the segment does, so the test stays valid
/// (`K = −w·ln(t − s)` in the paper's notation).
pub(crate) fn pelt<C: SegmentCost>(
    c: &C,
    pb: &Problem,
    progress: &mut dyn FnMut(usize, usize),
) -> Vec<usize> {
    let n = c.len();
    let l = pb.min_size.max(1);
    let mut f = vec![f64::INFINITY; n + 1];
    let mut last = vec![0usize; n + 1];
    set(&mut f, 0, -pb.beta);
    // Candidates in increasing order of `s`.
    let mut cands = vec![Candidate {
        s: 0,
        remove_at: usize::MAX,
        value: f64::NEG_INFINITY,
    }];
    for t in 1..=n {
        report(progress, t, n);
        let (mut best, mut arg) = (f64::INFINITY, 0);
        cands.retain_mut(|cand| {
            if cand.remove_at <= t {
                return false;
            }
            cand.value = f64::NEG_INFINITY;
            if t - cand.s >= l {
                let v = at(&f, cand.s) + c.cost(cand.s, t);
                let total = v + pb.segment_term(t - cand.s) + pb.beta;
                if total < best {
                    best = total;
                    arg = cand.s;
                }
                cand.value = v;
            }
            true
        });
        set(&mut f, t, best);
        set(&mut last, t, arg);
        if best.is_finite() {
            for cand in &mut cands {
                if cand.remove_at == usize::MAX && dominated(cand.value, best) {
                    cand.remove_at = t.saturating_add(l);
                }
            }
            cands.push(Candidate {
                s: t,
                remove_at: usize::MAX,
                value: f64::NEG_INFINITY,
            });
        }
    }
    backtrack(&last, n)
}

/// [`pelt`] for the trend cost, the same decisions bit for bit, faster:
/// the candidates are kept as columns (their `s`, `F(s)` and the two prefix
/// sums at `s`), so the cost of every candidate at `t` is one pass of
/// straight-line arithmetic over contiguous arrays that the compiler
/// vectorises, its two divisions included, instead of a call per candidate
/// through two lookups; removals are compacted only when one is due. With
/// few changes PELT keeps O(t) candidates and stays O(n²): this makes the
/// constant smaller, not the order.
// Bounds: the candidate columns all have the same length; `i < p <= len`;
// `t <= n` indexes `f`, `last` and the prefix sums of length `n + 1`.
#[allow(clippy::indexing_slicing)]
pub(crate) fn pelt_trend(
    c: &TrendCost,
    pb: &Problem,
    progress: &mut dyn FnMut(usize, usize),
) -> Vec<usize> {
    let n = c.len();
    let l = pb.min_size.max(1);
    let mut f = vec![f64::INFINITY; n + 1];
    let mut last = vec![0usize; n + 1];
    f[0] = -pb.beta;
    // The columns of the candidates: s (exact as an f64 below 2⁵³), F(s), the
    // two prefix sums at s, and when s is to be removed.
    let mut cand_a: Vec<f64> = vec![0.0];
    let mut cand_f: Vec<f64> = vec![f[0]];
    let mut cand_s1: Vec<f64> = vec![c.s1[0]];
    let mut cand_sxy: Vec<f64> = vec![c.sxy[0]];
    let mut remove_at: Vec<usize> = vec![usize::MAX];
    let mut next_removal = usize::MAX;
    let mut value: Vec<f64> = Vec::new();
    for t in 1..=n {
        report(progress, t, n);
        if next_removal <= t {
            let mut k = 0;
            for i in 0..remove_at.len() {
                if remove_at[i] > t {
                    cand_a[k] = cand_a[i];
                    cand_f[k] = cand_f[i];
                    cand_s1[k] = cand_s1[i];
                    cand_sxy[k] = cand_sxy[i];
                    remove_at[k] = remove_at[i];
                    k += 1;
                }
            }
            for col in [&mut cand_a, &mut cand_f, &mut cand_s1, &mut cand_sxy] {
                col.truncate(k);
            }
            remove_at.truncate(k);
            next_removal = remove_at.iter().copied().min().unwrap_or(usize::MAX);
        }
        let b = t as f64;
        // Candidates that can end a segment at t: those with s + l <= t, a prefix.
        let p = cand_a.partition_point(|&a| a + l as f64 <= b);
        // F(s) + C(s, t), as TrendCost::cost computes it.
        let (s1b, sxyb) = (c.s1[t], c.sxy[t]);
        // Equal-length slices and an indexed loop into a slice: bounds checks
        // go and the loop vectorises (a `Vec::extend` of the same map did not).
        value.resize(p, 0.0);
        let (ca, cf) = (&cand_a[..p], &cand_f[..p]);
        let (cs1, csxy, out) = (&cand_s1[..p], &cand_sxy[..p], &mut value[..p]);
        let cost = |i: usize| {
            let a = ca[i];
            let len = b - a;
            let s1 = s1b - cs1[i];
            let level = -s1 * (s1 / len);
            let xbar = (a + b - 1.0) / 2.0;
            let sxy = (sxyb - csxy[i]) - xbar * s1;
            let sxx = len * (len * len - 1.0) / 12.0;
            (level, level - sxy * (sxy / sxx))
        };
        if l >= 2 {
            // Every legal segment has at least two values: the line's cost.
            for i in 0..p {
                out[i] = cf[i] + cost(i).1;
            }
        } else {
            for i in 0..p {
                let (level, trend) = cost(i);
                out[i] = cf[i] + if b - ca[i] < 2.0 { level } else { trend };
            }
        }
        // The first candidate of least total, as the generic search's strict `<`.
        let (mut best, mut arg) = (f64::INFINITY, 0);
        if pb.weight == 0.0 {
            for (i, &v) in value.iter().enumerate() {
                let total = v + 0.0 + pb.beta;
                if total < best {
                    best = total;
                    arg = i;
                }
            }
        } else {
            for (i, (&v, &a)) in value.iter().zip(&cand_a).enumerate() {
                let total = v + pb.segment_term(t - a as usize) + pb.beta;
                if total < best {
                    best = total;
                    arg = i;
                }
            }
        }
        f[t] = best;
        last[t] = if best.is_finite() {
            cand_a[arg] as usize
        } else {
            0
        };
        if best.is_finite() {
            for (r, &v) in remove_at[..p].iter_mut().zip(&value) {
                if *r == usize::MAX && dominated(v, best) {
                    *r = t.saturating_add(l);
                    next_removal = next_removal.min(*r);
                }
            }
            cand_a.push(b);
            cand_f.push(best);
            cand_s1.push(s1b);
            cand_sxy.push(sxyb);
            remove_at.push(usize::MAX);
        }
    }
    backtrack(&last, n)
}

/// A PELT candidate: a last change `s`, the time it is to be removed, and
/// `F(s) + C(s, t)` at the current `t` (−∞ while `s` is too recent to end a segment).
#[derive(Clone, Copy, Debug)]
struct Candidate {
    s: usize,
    remove_at: usize,
    value: f64,
}

/// A segment's best split, ordered by gain (ties: the earlier split first).
#[derive(Clone, Copy, Debug)]
struct Split {
    gain: f64,
    a: usize,
    b: usize,
    tau: usize,
}

impl PartialEq for Split {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}
impl Eq for Split {}
impl PartialOrd for Split {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Split {
    fn cmp(&self, other: &Self) -> Ordering {
        self.gain
            .total_cmp(&other.gain)
            .then(other.tau.cmp(&self.tau))
    }
}

fn best_split<C: SegmentCost>(c: &C, pb: &Problem, a: usize, b: usize) -> Option<Split> {
    let l = pb.min_size.max(1);
    if b - a < 2 * l {
        return None;
    }
    let whole = c.cost(a, b) + pb.segment_term(b - a);
    let mut best: Option<Split> = None;
    for tau in a + l..=b - l {
        let gain = whole
            - (c.cost(a, tau) + pb.segment_term(tau - a))
            - (c.cost(tau, b) + pb.segment_term(b - tau));
        if best.is_none_or(|s| gain > s.gain) {
            best = Some(Split { gain, a, b, tau });
        }
    }
    best
}

/// Binary segmentation: split at the largest gain in cost while that gain
/// exceeds the penalty, at most `max_changes` times (ruptures' `Binseg`
/// with `jump = 1`). Approximate: a split once made is never revised.
pub(crate) fn binseg<C: SegmentCost>(c: &C, pb: &Problem, max_changes: usize) -> Vec<usize> {
    let n = c.len();
    let mut heap = BinaryHeap::new();
    heap.extend(best_split(c, pb, 0, n));
    let mut out = Vec::new();
    while out.len() < max_changes {
        let Some(s) = heap.pop() else { break };
        if s.gain <= pb.beta {
            break;
        }
        out.push(s.tau);
        heap.extend(best_split(c, pb, s.a, s.tau));
        heap.extend(best_split(c, pb, s.tau, s.b));
    }
    out.sort_unstable();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The column PELT for the trend cost decides exactly as the generic one,
    /// on series with and without changes, any minimum size, with MBIC's
    /// segment terms and penalties small enough for ties.
    #[test]
    fn pelt_trend_equals_generic_pelt() {
        let mut state = 0x9e37_79b9_7f4a_7c15_u64;
        let mut uniform = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 11) as f64 / (1u64 << 53) as f64
        };
        for case in 0..60 {
            let n = 20 + case * 7;
            let y: Vec<f64> = (0..n)
                .map(|i| {
                    let slope = if i < n / 3 {
                        0.5
                    } else if i < 2 * n / 3 {
                        -1.0
                    } else {
                        0.2
                    };
                    let v = slope * i as f64 + 3.0 * (uniform() - 0.5);
                    // Every fourth case on a coarse grid, for exact ties.
                    if case % 4 == 0 { v.round() } else { v }
                })
                .collect();
            let c = TrendCost::new(&y);
            for (beta, weight, min_size) in [
                (5.0, 0.0, 3),
                (0.5, 0.0, 2),
                (50.0, 0.0, 5),
                (8.0, 1.5, 3),
                (0.0, 0.0, 1),
            ] {
                let pb = Problem {
                    beta,
                    weight,
                    min_size,
                };
                let generic = pelt(&c, &pb, &mut |_, _| {});
                let columns = pelt_trend(&c, &pb, &mut |_, _| {});
                assert_eq!(
                    generic, columns,
                    "case {case} β={beta} w={weight} L={min_size}"
                );
            }
        }
    }
}
