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

fn push(out: &mut Vec<Piece>, lo: f64, hi: f64, owner: &Piece) {
    if let Some(last) = out.last_mut()
        && last.owner == owner.owner
    {
        last.hi = hi;
        return;
    }
    out.push(Piece { lo, hi, ..*owner });
}

/// Keeps the smaller of `best` and `(v, o)`; ties go to the earliest
/// candidate, as in the other searches.
#[inline]
fn offer(best: &mut (f64, usize), v: f64, o: usize) {
    if v < best.0 || (v == best.0 && o < best.1) {
        *best = (v, o);
    }
}

/// The change points minimising the penalised squared error, by FPOP.
pub(crate) fn fpop(c: &MeanCost, pb: &Problem) -> Vec<usize> {
    let n = c.len();
    if n == 0 {
        return Vec::new();
    }
    let l = pb.min_size.max(1);
    let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
    for i in 0..n {
        let v = c.sum(i, i + 1);
        lo = lo.min(v);
        hi = hi.max(v);
    }
    let mut f = vec![f64::INFINITY; n + 1];
    let mut last = vec![0usize; n + 1];
    set(&mut f, 0, -pb.beta);
    let mut pieces: Vec<Piece> = Vec::new();
    let mut scratch: Vec<Piece> = Vec::new();
    // 1/ℓ for every segment length: a load is cheaper than a division here.
    let recip: Vec<f64> = (0..=n).map(|k| 1.0 / k.max(1) as f64).collect();
    for t in l..=n {
        let s = t - l;
        let fs = at(&f, s);
        let st = at(&c.s1, t);
        // F(t) is the smallest of f_o's minima over the candidates that own
        // an interval; it is computed in the same pass as the insertion (an
        // owner with several pieces is simply offered more than once).
        let value = |p: &Piece| {
            let d = st - p.sum;
            p.f - d * d * at(&recip, t - p.owner) + pb.segment_term(t - p.owner)
        };
        let mut best = (f64::INFINITY, 0usize);
        if fs.is_finite() {
            let new = Piece {
                lo,
                hi,
                owner: s,
                f: fs,
                sum: at(&c.s1, s),
            };
            let mut new_owns = pieces.is_empty();
            if pieces.is_empty() {
                pieces.push(new);
            } else {
                scratch.clear();
                for p in &pieces {
                    // With ℓ = s − o and Σ = Σ y[o..s]: the mean is m = Σ/ℓ and
                    // d = F(s) − F(o) − RSS(y[o..s]) = F(s) − F(o) + Σ·m in the
                    // reduced cost (−Σ²/ℓ). Scaled by ℓ, the usual case (the owner
                    // keeps its whole piece: ℓ·(x − m)² ≤ d at both ends) needs no
                    // division or square root.
                    let len = (s - p.owner) as f64;
                    let sum = new.sum - p.sum;
                    let dl = (fs - p.f) * len + sum * sum;
                    if dl <= 0.0 {
                        push(&mut scratch, p.lo, p.hi, &new);
                        new_owns = true;
                        continue;
                    }
                    let (el, eh) = (len * p.lo - sum, len * p.hi - sum);
                    if el * el <= dl && eh * eh <= dl {
                        push(&mut scratch, p.lo, p.hi, p);
                        offer(&mut best, value(p), p.owner);
                        continue;
                    }
                    let inv = at(&recip, s - p.owner);
                    let m = sum * inv;
                    let r = (dl * inv * inv).sqrt();
                    let (a, b) = ((m - r).max(p.lo), (m + r).min(p.hi));
                    // Closed intervals: an owner keeps even a single point (a
                    // constant series has a one-point domain).
                    if a > b {
                        push(&mut scratch, p.lo, p.hi, &new);
                        new_owns = true;
                        continue;
                    }
                    if p.lo < a {
                        push(&mut scratch, p.lo, a, &new);
                        new_owns = true;
                    }
                    push(&mut scratch, a, b, p);
                    offer(&mut best, value(p), p.owner);
                    if b < p.hi {
                        push(&mut scratch, b, p.hi, &new);
                        new_owns = true;
                    }
                }
                core::mem::swap(&mut pieces, &mut scratch);
            }
            if new_owns {
                offer(&mut best, value(&new), s);
            }
        } else {
            for p in &pieces {
                offer(&mut best, value(p), p.owner);
            }
        }
        set(&mut f, t, best.0 + pb.beta);
        set(&mut last, t, best.1);
    }
    backtrack(&last, n)
}
