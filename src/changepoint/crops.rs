//! CROPS: every optimal segmentation over a range of penalties.

use std::collections::BTreeMap;

use crate::error::Result;

use super::Segmentation;

/// One segmentation on the CROPS path, with the penalties for which it is optimal.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct CropsSolution {
    /// The smallest penalty (within the range searched) for which this segmentation is optimal.
    pub penalty_min: f64,
    /// The largest penalty (within the range searched) for which this segmentation is optimal.
    pub penalty_max: f64,
    /// The segmentation, as found at a penalty inside `penalty_min..=penalty_max`.
    pub segmentation: Segmentation,
}

/// Haynes, Eckley & Fearnhead (2017): solve at both ends of the range; where
/// two solutions differ by more than one change, solve again at the penalty
/// where their penalised costs are equal, `(Q₁ − Q₀)/(m₀ − m₁)`, until no new
/// segmentation appears. Needs an exact solver: O(#segmentations) solves.
pub(crate) fn crops(
    min: f64,
    max: f64,
    mut solve: impl FnMut(f64) -> Result<Segmentation>,
) -> Result<Vec<CropsSolution>> {
    // Keyed by the number of changes: an optimal segmentation for a linear
    // penalty is determined (up to ties) by its number of changes.
    let mut found: BTreeMap<usize, Segmentation> = BTreeMap::new();
    let lo = solve(min)?;
    let hi = solve(max)?;
    let mut stack = vec![(lo.clone(), hi.clone())];
    found.insert(lo.changes().len(), lo);
    found.entry(hi.changes().len()).or_insert(hi);
    while let Some((s0, s1)) = stack.pop() {
        let (m0, m1) = (s0.changes().len(), s1.changes().len());
        if m0 <= m1 + 1 {
            continue;
        }
        let beta = (s1.fit_cost() - s0.fit_cost()) / (m0 - m1) as f64;
        if !beta.is_finite() {
            continue;
        }
        let s = solve(beta)?;
        let m = s.changes().len();
        if m1 < m && m < m0 && !found.contains_key(&m) {
            found.insert(m, s.clone());
            stack.push((s0, s.clone()));
            stack.push((s, s1));
        }
    }
    // From most changes (smallest penalty) to fewest; neighbours swap at the
    // penalty where their penalised costs are equal. A segmentation on an
    // edge of the lower hull of (changes, cost) is optimal at one penalty
    // only, where rounding can put its two boundaries in the wrong order:
    // the running maximum keeps the ranges in order (such a range is a point).
    let sols: Vec<Segmentation> = found.into_values().rev().collect();
    let mut bounds = Vec::with_capacity(sols.len() + 1);
    bounds.push(min);
    let mut floor = min;
    for (a, b) in sols.iter().zip(sols.iter().skip(1)) {
        let at = (b.fit_cost() - a.fit_cost()) / (a.changes().len() - b.changes().len()) as f64;
        if !at.is_nan() {
            floor = at.clamp(floor, max);
        }
        bounds.push(floor);
    }
    bounds.push(max);
    let mut out = Vec::with_capacity(sols.len());
    for (s, w) in sols.into_iter().zip(bounds.windows(2)) {
        if let [penalty_min, penalty_max] = *w {
            out.push(CropsSolution {
                penalty_min,
                penalty_max,
                segmentation: s,
            });
        }
    }
    Ok(out)
}
