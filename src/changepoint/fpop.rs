//! FPOP: functional pruning for the change in mean (Maidstone, Hocking,
//! Rigaill & Fearnhead 2017), exact under a minimum segment length.
//!
//! Each candidate last change `s` is a function of the current segment's mean μ:
//!
//! ```text
//! f_s(μ) = F(s) + β + Σ_{s ≤ i < t} (yᵢ − μ)²
//! ```
//!
//! and `F(t) = min over s of min over μ of f_s(μ)`. Every `f_s` gains the same
//! `(y_t − μ)²` at each step, so the difference of two of them never changes:
//! for an older `o` and a newer `s`,
//!
//! ```text
//! f_o(μ) − f_s(μ) = (s − o)·(μ − m)² − d,    m = mean of y[o..s],
//!                   d = F(s) − F(o) − RSS(y[o..s])
//! ```
//!
//! so `o` is below `s` only on `m ± √(d / (s − o))` (nowhere if `d ≤ 0`). The
//! lower envelope of the candidates over μ ∈ [min y, max y] (where every
//! segment mean lies) is kept as intervals, each owned by the candidate that is
//! lowest there; a candidate that owns no interval can never again give the
//! optimum and is dropped. The envelope changes only when a candidate is added,
//! which happens when it becomes legal (`L` steps after it was computed), so
//! candidates too young to end a segment are never compared. With few changes
//! the envelope holds O(log t) candidates and the whole search is close to
//! O(n log n), where PELT is O(n²).
//!
//! The segment terms `w·ln ℓ` of MBIC are left out of the envelope (a
//! candidate is only ever displaced by a newer one, whose `ln ℓ` is the smaller)
//! and included when `F(t)` is computed, so the search stays exact for MBIC.

use super::cost::{MeanCost, SegmentCost, at, set};
use super::search::{Problem, backtrack};

/// An interval of μ owned by candidate `owner`, with the owner's `F` and
/// running sum copied in so that the insertion loop reads only the pieces.
#[derive(Clone, Copy, Debug)]
struct Piece {
    lo: f64,
    hi: f64,
    owner: usize,
    f: f64,
    sum: f64,
}

#[inline]
fn push(out: &mut Vec<Piece>, lo: f64, hi: f64, owner: &Piece) {
    if let Some(last) = out.last_mut()
        && last.owner == owner.owner
    {
        last.hi = hi;
        return;
    }
    out.push(Piece { lo, hi, ..*owner });
}

/// The change points minimising the penalised squared error, by FPOP.
///
/// Each step makes two passes over the envelope: one to insert the new
/// candidate (no cost values), then one to take `F(t)` as the smallest
/// minimum of the owners. Separating them keeps the insertion loop free of
/// the minimum's data-dependent branches, which cost more than the second,
/// short pass.
pub(crate) fn fpop(c: &MeanCost, pb: &Problem) -> Vec<usize> {
    let n = c.len();
    if n == 0 {
        return Vec::new();
    }
    let l = pb.min_size.max(1);
    let s1 = c.s1.as_slice();
    let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
    for i in 0..n {
        let v = c.sum(i, i + 1);
        lo = if v < lo { v } else { lo };
        hi = if v > hi { v } else { hi };
    }
    let mut f = vec![f64::INFINITY; n + 1];
    let mut last = vec![0usize; n + 1];
    set(&mut f, 0, -pb.beta);
    let mut pieces: Vec<Piece> = Vec::with_capacity(64);
    let mut scratch: Vec<Piece> = Vec::with_capacity(64);
    // 1/ℓ for every segment length: a load is cheaper than a division here.
    let recip: Vec<f64> = (0..=n).map(|k| 1.0 / k.max(1) as f64).collect();
    // Hoisted: the compiler does not take the test out of the loop itself.
    let weighted = pb.weight != 0.0;
    for t in l..=n {
        let s = t - l;
        let fs = at(&f, s);
        if fs.is_finite() {
            let new = Piece {
                lo,
                hi,
                owner: s,
                f: fs,
                sum: at(s1, s),
            };
            if pieces.is_empty() {
                pieces.push(new);
            } else {
                scratch.clear();
                let sf = s as f64;
                for p in &pieces {
                    // With ℓ = s − o and Σ = Σ y[o..s]: the mean is m = Σ/ℓ and
                    // d = F(s) − F(o) − RSS(y[o..s]) = F(s) − F(o) + Σ·m in the
                    // reduced cost (−Σ²/ℓ). Scaled by ℓ (ℓ·d and ℓ·(x − m)), the
                    // two usual cases, where the owner keeps its whole piece or
                    // loses it whole, need no division or square root.
                    let len = sf - p.owner as f64;
                    let sum = new.sum - p.sum;
                    let dl = (fs - p.f) * len + sum * sum;
                    let (el, eh) = (len * p.lo - sum, len * p.hi - sum);
                    let (el2, eh2) = (el * el, eh * eh);
                    // `dl > 0`: at an exact tie (d = 0, a one-point piece at
                    // m) the new candidate takes the point, as it always has.
                    if dl > 0.0 && el2 <= dl && eh2 <= dl {
                        push(&mut scratch, p.lo, p.hi, p);
                        continue;
                    }
                    // No radius at all, or both ends beyond it on the same side
                    // of the owner's mean: the new candidate is lower on all of it.
                    if dl <= 0.0 || (el2 > dl && eh2 > dl && (el > 0.0) == (eh > 0.0)) {
                        push(&mut scratch, p.lo, p.hi, &new);
                        continue;
                    }
                    let inv = at(&recip, s - p.owner);
                    let m = sum * inv;
                    let r = dl.sqrt() * inv;
                    // Plain comparisons rather than f64::max/min (whose NaN
                    // handling costs more); a NaN bound keeps the piece's end, as they would.
                    let a = if m - r > p.lo { m - r } else { p.lo };
                    let b = if m + r < p.hi { m + r } else { p.hi };
                    // Closed intervals: an owner keeps even a single point (a
                    // constant series has a one-point domain).
                    if a > b {
                        push(&mut scratch, p.lo, p.hi, &new);
                        continue;
                    }
                    if p.lo < a {
                        push(&mut scratch, p.lo, a, &new);
                    }
                    push(&mut scratch, a, b, p);
                    if b < p.hi {
                        push(&mut scratch, b, p.hi, &new);
                    }
                }
                core::mem::swap(&mut pieces, &mut scratch);
            }
        }
        // F(t) is the smallest of f_o's minima over the candidates that own an
        // interval (an owner with several pieces is simply counted more than
        // once); ties go to the earliest candidate, as in the other searches.
        let st = at(s1, t);
        let (mut best, mut arg) = (f64::INFINITY, 0usize);
        for p in &pieces {
            let d = st - p.sum;
            let mut v = p.f - d * d * at(&recip, t - p.owner);
            if weighted {
                v += pb.segment_term(t - p.owner);
            }
            let better = v < best || (v == best && p.owner < arg);
            best = if better { v } else { best };
            arg = if better { p.owner } else { arg };
        }
        set(&mut f, t, best + pb.beta);
        set(&mut last, t, arg);
    }
    backtrack(&last, n)
}
