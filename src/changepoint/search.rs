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

use super::cost::{SegmentCost, at, set};

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
