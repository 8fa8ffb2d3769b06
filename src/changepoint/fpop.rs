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
//! From [`SPLIT_MIN`] values the search runs from both ends at once and the
//! halves are joined exactly at the middle ([`split`]), on two threads.
//!
//! The segment terms `w·ln ℓ` of MBIC are left out of the envelope (a
//! candidate is only ever displaced by a newer one, whose `ln ℓ` is the smaller)
//! and included when `F(t)` is computed, so the search stays exact for MBIC.

use super::cost::{MeanCost, SegmentCost, at, set};
use super::search::{Problem, backtrack};

/// An interval of μ owned by candidate `owner`, with the owner's `F` and
/// running sum copied in so that the loop reads only the pieces (`own` is
/// `owner` as a float: the conversion from `usize` costs several instructions).
#[derive(Clone, Copy, Debug)]
struct Piece {
    lo: f64,
    hi: f64,
    f: f64,
    sum: f64,
    own: f64,
    owner: usize,
}

/// Appends `[lo, hi]` owned by `owner`, or extends the last piece if that has
/// the same owner; `tail` is the last piece's owner, kept by the caller so
/// that the test needs no load of what was just stored.
#[inline(always)]
fn push(out: &mut Vec<Piece>, tail: &mut usize, lo: f64, hi: f64, owner: &Piece) {
    if *tail == owner.owner {
        if let Some(last) = out.last_mut() {
            last.hi = hi;
        }
        return;
    }
    *tail = owner.owner;
    out.push(Piece { lo, hi, ..*owner });
}

/// The smallest `F(t)` candidate so far and its last change.
struct Best {
    value: f64,
    arg: usize,
}

impl Best {
    /// Takes `v` from candidate `o` if lower; ties go to the earliest
    /// candidate, as in optimal partitioning. Without branches (which
    /// candidate wins depends on the data, and a mispredicted branch here
    /// cost a quarter of the search): `&`/`|` rather than `&&`/`||`, and the
    /// value through `min`, which the compiler does not turn into a jump.
    #[inline(always)]
    fn offer(&mut self, o: usize, v: f64) {
        let better = (v < self.value) | ((v == self.value) & (o < self.arg));
        self.arg = if better { o } else { self.arg };
        self.value = self.value.min(v);
    }
}

/// Below this many values FPOP runs on one thread: starting a second costs
/// more than half the search saves.
const SPLIT_MIN: usize = 4096;

/// The change points minimising the penalised squared error, by FPOP.
pub(crate) fn fpop(c: &MeanCost, pb: &Problem) -> Vec<usize> {
    let n = c.len();
    if n == 0 {
        return Vec::new();
    }
    let l = pb.min_size.max(1);
    // With a pool of one thread (one core, or RAYON_NUM_THREADS=1) the
    // halves would only take turns.
    if pb.weight == 0.0 && n >= SPLIT_MIN && n >= 8 * l && rayon::current_num_threads() >= 2 {
        return split(c, pb, n / 2);
    }
    let (lo, hi) = domain(c);
    let run = if pb.weight == 0.0 {
        forward::<false>(&c.s1, lo, hi, pb, None)
    } else {
        forward::<true>(&c.s1, lo, hi, pb, None)
    };
    backtrack(&run.last, n)
}

/// Where every segment mean lies: the smallest and largest (centred) value.
fn domain(c: &MeanCost) -> (f64, f64) {
    let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
    for i in 0..c.len() {
        let v = c.sum(i, i + 1);
        lo = if v < lo { v } else { lo };
        hi = if v > hi { v } else { hi };
    }
    (lo, hi)
}

/// What one FPOP pass leaves: `f[t] = F(t) + β`, the optimal last change
/// before every `t`, and the envelope as it was at the step asked for.
struct Run {
    f: Vec<f64>,
    last: Vec<usize>,
    envelope: Vec<Piece>,
}

/// FPOP over the values whose running sums are `s1` (`s1[0] = 0`), μ in `[lo, hi]`.
///
/// `F(t)` is the smallest of `f_o`'s minima over every candidate the pass
/// reads: the owners before the new candidate is inserted, and the new one.
/// That is a superset of the owners after the insertion, and every candidate
/// in it is legal for `t`, so the minimum is the same (with ties to the
/// earliest candidate, as in optimal partitioning) and one loop does both jobs.
fn forward<const WEIGHTED: bool>(
    s1: &[f64],
    lo: f64,
    hi: f64,
    pb: &Problem,
    snapshot: Option<usize>,
) -> Run {
    let n = s1.len().saturating_sub(1);
    let l = pb.min_size.max(1);
    let mut f = vec![f64::INFINITY; n + 1];
    let mut last = vec![0usize; n + 1];
    set(&mut f, 0, -pb.beta);
    let mut pieces: Vec<Piece> = Vec::with_capacity(64);
    let mut scratch: Vec<Piece> = Vec::with_capacity(64);
    let mut envelope = Vec::new();
    let term = |len: usize| if WEIGHTED { pb.segment_term(len) } else { 0.0 };
    // s and t as floats, counted rather than converted.
    let mut sf = -1.0;
    let lf = l as f64;
    for t in l..=n {
        let s = t - l;
        sf += 1.0;
        let tf = sf + lf;
        let fs = at(&f, s);
        let st = at(s1, t);
        // f_o's minimum at t: F(o) + β less Σ²/ℓ (reduced), plus MBIC's term.
        // 1/ℓ by a division: a table of them was no faster, and its loads
        // miss the cache on long series.
        let minimum = |o: usize, own: f64, fo: f64, so: f64| {
            let d = st - so;
            fo - d * d * (1.0 / (tf - own)) + term(t - o)
        };
        let mut best = Best {
            value: f64::INFINITY,
            arg: 0,
        };
        if fs.is_finite() {
            let new = Piece {
                lo,
                hi,
                f: fs,
                sum: at(s1, s),
                own: sf,
                owner: s,
            };
            scratch.clear();
            let mut tail = usize::MAX;
            for p in &pieces {
                best.offer(p.owner, minimum(p.owner, p.own, p.f, p.sum));
                // With ℓ = s − o and Σ = Σ y[o..s]: the mean is m = Σ/ℓ and
                // d = F(s) − F(o) − RSS(y[o..s]) = F(s) − F(o) + Σ·m in the
                // reduced cost (−Σ²/ℓ). Scaled by ℓ (ℓ·d and ℓ·(x − m)), the
                // two usual cases, where the owner keeps its whole piece or
                // loses it whole, need no division or square root.
                let len = sf - p.own;
                let sum = new.sum - p.sum;
                let dl = (fs - p.f) * len + sum * sum;
                let (el, eh) = (len * p.lo - sum, len * p.hi - sum);
                let (el2, eh2) = (el * el, eh * eh);
                // `dl > 0`: at an exact tie (d = 0, a one-point piece at
                // m) the new candidate takes the point, as it always has.
                if dl > 0.0 && el2 <= dl && eh2 <= dl {
                    push(&mut scratch, &mut tail, p.lo, p.hi, p);
                    continue;
                }
                // No radius at all, or both ends beyond it on the same side
                // of the owner's mean: the new candidate is lower on all of it.
                if dl <= 0.0 || (el2 > dl && eh2 > dl && (el > 0.0) == (eh > 0.0)) {
                    push(&mut scratch, &mut tail, p.lo, p.hi, &new);
                    continue;
                }
                let inv = 1.0 / len;
                let m = sum * inv;
                let r = dl.sqrt() * inv;
                // Plain comparisons rather than f64::max/min (whose NaN
                // handling costs more); a NaN bound keeps the piece's end, as they would.
                let a = if m - r > p.lo { m - r } else { p.lo };
                let b = if m + r < p.hi { m + r } else { p.hi };
                // Closed intervals: an owner keeps even a single point (a
                // constant series has a one-point domain).
                if a > b {
                    push(&mut scratch, &mut tail, p.lo, p.hi, &new);
                    continue;
                }
                if p.lo < a {
                    push(&mut scratch, &mut tail, p.lo, a, &new);
                }
                push(&mut scratch, &mut tail, a, b, p);
                if b < p.hi {
                    push(&mut scratch, &mut tail, b, p.hi, &new);
                }
            }
            if scratch.is_empty() {
                scratch.push(new);
            }
            core::mem::swap(&mut pieces, &mut scratch);
            best.offer(s, minimum(s, sf, fs, new.sum));
        } else {
            for p in &pieces {
                best.offer(p.owner, minimum(p.owner, p.own, p.f, p.sum));
            }
        }
        set(&mut f, t, best.value + pb.beta);
        set(&mut last, t, best.arg);
        if snapshot == Some(t) {
            envelope.clone_from(&pieces);
        }
    }
    Run { f, last, envelope }
}

/// FPOP from both ends at once, on two threads, joined at `mid`.
///
/// Every segmentation either has a change at some `b` within `L − 1` of `mid`,
/// costing `F(b) + B(b)` (`B(b)`: the optimal cost of `y[b..n]` with `β` for
/// each of its segments), or has one segment `[s, e)` with `s ≤ mid − L` and
/// `e ≥ mid + L`. The forward search gives `F` up to `mid + L − 1` and its
/// envelope at `mid`, `Φ(μ) = min over s ≤ mid − L of F(s) + β + Σ_{s ≤ i < mid} (yᵢ − μ)²`;
/// the same search on the reversed series from `mid − L + 1` gives `B` and
/// `Ψ(μ) = min over e ≥ mid + L of B(e) + Σ_{mid ≤ i < e} (yᵢ − μ)²`. The best
/// such segment costs `min over μ of Φ(μ) + Ψ(μ)`, the smallest over pairs of
/// owners `(s, e)` of their joint minimum: at the optimal μ each envelope is
/// one of its owners, and every pair is a legal segment (length ≥ 2L). Both
/// searches centre on the whole series' mean and use the whole series'
/// `[lo, hi]`, so their reduced costs add up.
fn split(c: &MeanCost, pb: &Problem, mid: usize) -> Vec<usize> {
    let n = c.len();
    let l = pb.min_size.max(1);
    let (lo, hi) = domain(c);
    let s1 = c.s1.as_slice();
    let total = at(s1, n);
    // The reversed series from n − 1 down to mid − L + 1: its running sums.
    let back_len = n - (mid + 1 - l);
    // The back search on a pool thread, the front one on this thread: one
    // wake-up, and no waiting for a pool thread to pick up the front.
    let mut back = None;
    let front = rayon::in_place_scope(|scope| {
        scope.spawn(|_| {
            let z: Vec<f64> = (0..=back_len).map(|u| total - at(s1, n - u)).collect();
            back = Some(forward::<false>(&z, lo, hi, pb, Some(n - mid)));
        });
        forward::<false>(s1.get(..mid + l).unwrap_or_default(), lo, hi, pb, Some(mid))
    });
    let Some(back) = back else {
        // The spawned search always runs before the scope ends.
        let run = forward::<false>(s1, lo, hi, pb, None);
        return backtrack(&run.last, n);
    };
    // B(e) = back.f[n − e]: the reversed search's F + β.
    let bf = |e: usize| at(&back.f, n - e);
    let (mut best, mut pick) = (f64::INFINITY, (0usize, n));
    for b in (mid + 1 - l).max(1)..=(mid + l - 1).min(n - 1) {
        let v = at(&front.f, b) - pb.beta + bf(b);
        if v < best {
            best = v;
            pick = (b, b);
        }
    }
    // The reversed search's running sum at e is total − s1[e].
    let sm = at(s1, mid);
    for p in &front.envelope {
        let (l1, sum1) = ((mid - p.owner) as f64, sm - p.sum);
        for q in &back.envelope {
            let e = n - q.owner;
            let (l2, sum2) = ((e - mid) as f64, at(s1, e) - sm);
            let sum = sum1 + sum2;
            let v = p.f + q.f - sum * sum / (l1 + l2);
            if v < best {
                best = v;
                pick = (p.owner, e);
            }
        }
    }
    let (s, e) = pick;
    let mut out = backtrack(&front.last, s);
    if s > 0 {
        out.push(s);
    }
    if e < n && e != s {
        out.push(e);
    }
    // The changes after e are the backward search's changes in y[e..n]
    // reversed: u there is n − u here.
    out.extend(backtrack(&back.last, n - e).iter().rev().map(|&u| n - u));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::changepoint::cost::{SegmentCost, mean};
    use crate::changepoint::search::optimal;
    use proptest::prelude::*;

    /// The penalised cost of `changes` (reduced, as the searches see it), or
    /// infinity if a segment is shorter than `l`.
    fn total(c: &MeanCost, beta: f64, l: usize, changes: &[usize]) -> f64 {
        let mut a = 0;
        let mut sum = 0.0;
        for &b in changes.iter().chain(core::iter::once(&c.len())) {
            if b < a + l {
                return f64::INFINITY;
            }
            sum += c.cost(a, b) + beta;
            a = b;
        }
        sum - beta
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        /// The two-ended search at any split point costs what optimal
        /// partitioning costs, on values with ties (one decimal) and without.
        #[test]
        fn split_search_is_exact(
            raw in prop::collection::vec(-30i32..30, 4..90),
            jumps in prop::collection::vec((0usize..90, -40i32..40), 0..4),
            l in 1usize..5,
            beta_tenths in 0u32..200,
            mid_frac in 0.0f64..1.0,
            smooth in any::<bool>(),
        ) {
            let n = raw.len();
            prop_assume!(n > 2 * l);
            let mut y: Vec<f64> = raw
                .iter()
                .enumerate()
                .map(|(i, &v)| f64::from(v) / 10.0 + if smooth { (i as f64 * 0.7).sin() * 1e-3 } else { 0.0 })
                .collect();
            for &(at_i, jump) in &jumps {
                for v in y.iter_mut().skip(at_i) {
                    *v += f64::from(jump) / 10.0;
                }
            }
            let c = MeanCost::new(&y, mean(&y));
            let pb = Problem { beta: f64::from(beta_tenths) / 10.0, weight: 0.0, min_size: l };
            // mid in [l, n − l]
            let mid = l + ((n - 2 * l) as f64 * mid_frac) as usize;
            let got = split(&c, &pb, mid);
            let want = optimal(&c, &pb);
            let (g, w) = (total(&c, pb.beta, l, &got), total(&c, pb.beta, l, &want));
            prop_assert!(got.windows(2).all(|p| p[0] < p[1]), "{got:?}");
            prop_assert!((g - w).abs() <= 1e-9 * (1.0 + w.abs()), "split {got:?} {g} vs optimal {want:?} {w} (mid {mid})");
        }
    }

    /// A change exactly at, just before and just after the split point.
    #[test]
    fn changes_next_to_the_split_point() {
        for l in 1..=3 {
            for at_change in 46..=54 {
                let y: Vec<f64> = (0..100)
                    .map(
                        |i| if i < at_change { 0.0 } else { 5.0 } + ((i * 7919) % 13) as f64 * 0.01,
                    )
                    .collect();
                let c = MeanCost::new(&y, mean(&y));
                let pb = Problem {
                    beta: 3.0,
                    weight: 0.0,
                    min_size: l,
                };
                assert_eq!(
                    split(&c, &pb, 50),
                    vec![at_change],
                    "L {l}, change at {at_change}"
                );
                assert_eq!(fpop(&c, &pb), optimal(&c, &pb));
            }
        }
    }
}
