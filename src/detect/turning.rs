//! Business-cycle turning points: Harding–Pagan BBQ (quarterly) and
//! Bry–Boschan (monthly).

use super::detector::Detector;
use super::event::{Event, EventKind};
use crate::error::{Error, Operation, Result, UndefinedReason};
use crate::period::Period;
use crate::series::Series;
use crate::unit::Value;

/// A peak or a trough.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Turn {
    /// A local maximum: the end of an expansion.
    Peak,
    /// A local minimum: the end of a contraction.
    Trough,
}

/// A candidate turn on the working curve: (index, turn).
type Cand = (usize, Turn);

/// The values of `series`, or [`Error::Undefined`] naming the first missing
/// period inside it (a dating rule cannot see across a hole).
fn complete<P: Period, U: Value>(series: &Series<P, U>, operation: Operation) -> Result<Vec<f64>> {
    if let Some(p) = series.missing().next() {
        return Err(Error::Undefined {
            operation,
            period: p.into(),
            reason: UndefinedReason::MissingValue,
        });
    }
    Ok(series.raw().to_vec())
}

/// Local extrema of `x` within ±`k`: a peak is strictly above the `k`
/// values before it and at least as high as the `k` after it (so of a
/// plateau of equal maxima the first is the peak; smoothed one-decimal
/// rates have such ties), a trough likewise; the window must lie inside
/// the series.
fn local_extrema(x: &[f64], k: usize) -> Vec<Cand> {
    let n = x.len();
    let mut out = Vec::new();
    if n < 2 * k + 1 {
        return out;
    }
    for t in k..n - k {
        let (Some(before), Some(&xt), Some(after)) =
            (x.get(t - k..t), x.get(t), x.get(t + 1..=t + k))
        else {
            continue;
        };
        if before.iter().all(|&y| xt > y) && after.iter().all(|&y| xt >= y) {
            out.push((t, Turn::Peak));
        } else if before.iter().all(|&y| xt < y) && after.iter().all(|&y| xt <= y) {
            out.push((t, Turn::Trough));
        }
    }
    out
}

/// `x[i]`, NaN (which compares false with everything) outside `x`.
fn at(x: &[f64], i: usize) -> f64 {
    x.get(i).copied().unwrap_or(f64::NAN)
}

/// Whether turn `a` is more extreme than `b` (a higher peak, a lower trough),
/// judged on `x`; ties go to the earlier turn.
fn more_extreme(x: &[f64], a: Cand, b: Cand) -> bool {
    let (va, vb) = (at(x, a.0), at(x, b.0));
    let better = match a.1 {
        Turn::Peak => va > vb,
        Turn::Trough => va < vb,
    };
    better || (va == vb && a.0 < b.0)
}

/// Enforces alternation: of two consecutive peaks keep the higher, of two
/// consecutive troughs the lower (the earlier on a tie).
fn alternate(x: &[f64], turns: &mut Vec<Cand>) {
    let mut out: Vec<Cand> = Vec::with_capacity(turns.len());
    for &c in turns.iter() {
        match out.last_mut() {
            Some(last) if last.1 == c.1 => {
                if more_extreme(x, c, *last) {
                    *last = c;
                }
            }
            _ => out.push(c),
        }
    }
    *turns = out;
}

/// Drops, one at a time, the less extreme of two same-type turns closer than
/// `cycle` periods (peak to peak, trough to trough), re-alternating after
/// each drop. Returns whether anything changed.
fn enforce_cycle(x: &[f64], turns: &mut Vec<Cand>, cycle: usize) -> bool {
    let mut changed = false;
    loop {
        // Turns are in time order, so each pair is (earlier, later).
        let short = turns
            .windows(3)
            .position(|w| matches!(w, [a, _, b] if b.0.abs_diff(a.0) < cycle));
        let Some(i) = short else { return changed };
        let (Some(&a), Some(&b)) = (turns.get(i), turns.get(i + 2)) else {
            return changed;
        };
        let drop = if more_extreme(x, a, b) { i + 2 } else { i };
        turns.remove(drop);
        alternate(x, turns);
        changed = true;
    }
}

/// Removes both turns of a phase (turn to next turn) shorter than `phase`
/// periods, one phase at a time. Returns whether anything changed.
fn enforce_phase(x: &[f64], turns: &mut Vec<Cand>, phase: usize) -> bool {
    let mut changed = false;
    while let Some(j) = turns
        .windows(2)
        .position(|w| matches!(w, [a, b] if b.0.abs_diff(a.0) < phase))
        .map(|i| i + 1)
    {
        if j + 1 == turns.len() {
            // The final phase: only its last turn is in doubt.
            turns.remove(j);
        } else {
            turns.drain(j - 1..=j);
        }
        alternate(x, turns);
        changed = true;
    }
    changed
}

/// The end rules: no turn within `censor` periods of either end; a first
/// (last) peak must not be below the first (last) value, a first (last)
/// trough must not be above it. Returns whether anything changed.
fn enforce_ends(x: &[f64], turns: &mut Vec<Cand>, censor: usize) -> bool {
    let n = x.len();
    let before = turns.len();
    turns.retain(|&(t, _)| t >= censor && t + censor < n);
    let (Some(&x0), Some(&xn)) = (x.first(), x.last()) else {
        return turns.len() != before;
    };
    let beyond = |c: Cand, edge: f64| match c.1 {
        Turn::Peak => at(x, c.0) < edge,
        Turn::Trough => at(x, c.0) > edge,
    };
    while let (Some(&first), Some(&last)) = (turns.first(), turns.last()) {
        if beyond(first, x0) {
            turns.remove(0);
        } else if beyond(last, xn) {
            turns.pop();
        } else {
            break;
        }
    }
    turns.len() != before
}

fn dated<P: Period, U: Value>(series: &Series<P, U>, x: &[f64], turns: &[Cand]) -> Vec<Event<P>> {
    let mut previous = None;
    turns
        .iter()
        .map(|&(t, turn)| {
            let period = series.period(t);
            let kind = match turn {
                Turn::Peak => EventKind::Peak,
                Turn::Trough => EventKind::Trough,
            };
            let e = Event::new(period, at(x, t), kind, previous);
            previous = Some(period);
            e
        })
        .collect()
}

/// Harding and Pagan's BBQ rule for quarterly series ("Dissecting the
/// cycle", *Journal of Monetary Economics* 49, 2002).
///
/// 1. Candidates: a peak at t if `x(t)` is above every value in t − 2 … t + 2
///    (strictly above the earlier ones, at least as high as the later ones,
///    so that of tied maxima the first is the peak), a trough likewise (the
///    window, `k`, is 2).
/// 2. Peaks and troughs alternate: of two peaks in a row the higher stays,
///    of two troughs the lower (the earlier on a tie).
/// 3. Censoring, repeated until nothing changes: a cycle (peak to peak,
///    trough to trough) lasts at least 5 quarters, otherwise the less
///    extreme turn goes; a phase (peak to trough, trough to peak) lasts at
///    least 2 quarters, otherwise both of its turns go; no turn within 2
///    quarters of either end, and a first or last peak (trough) must not be
///    below (above) the value at that end of the series.
///
/// Works on any frequency with the corresponding parameters; the defaults
/// are the quarterly ones of Harding and Pagan, Stata's `sbbq` and R's
/// `BCDating::BBQ`.
///
/// # Example
/// ```
/// use econseries::{Quarter, Series};
/// use econseries::detect::{Bbq, Detector, EventKind};
///
/// let levels = [100.0, 101.0, 102.0, 103.0, 102.0, 101.0, 100.5, 101.5, 103.0, 104.0, 105.0, 106.0];
/// let gdp = Series::from_values(Quarter::new(2000, 1)?, levels)?;
/// let turns = Bbq::new().detect(&gdp)?;
/// assert_eq!(turns.len(), 2);
/// assert_eq!((turns[0].period, turns[0].kind), ("2000-Q4".parse()?, EventKind::Peak));
/// assert_eq!((turns[1].period, turns[1].kind), ("2001-Q3".parse()?, EventKind::Trough));
/// assert_eq!(turns[1].compared_with, Some(turns[0].period)); // the previous turn
/// # Ok::<(), econseries::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Bbq {
    window: usize,
    phase: usize,
    cycle: usize,
    censor: usize,
}

impl Default for Bbq {
    fn default() -> Self {
        Bbq::new()
    }
}

impl Bbq {
    /// The quarterly rule: window ±2, phase ≥ 2, cycle ≥ 5, end censoring 2.
    pub const fn new() -> Bbq {
        Bbq {
            window: 2,
            phase: 2,
            cycle: 5,
            censor: 2,
        }
    }

    /// Other parameters (for monthly data Harding and Pagan suggest window 5,
    /// phase 6, cycle 15, censoring 6).
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] if `window` is 0.
    pub fn with(window: usize, phase: usize, cycle: usize, censor: usize) -> Result<Bbq> {
        if window == 0 {
            return Err(Error::InvalidArgument {
                name: "window",
                value: "0".to_owned().into(),
                expected: "at least 1",
            });
        }
        Ok(Bbq {
            window,
            phase,
            cycle,
            censor,
        })
    }
}

/// The turning points, in order, alternating, each compared with the turn
/// before. Leading and trailing missing values are trimmed.
///
/// # Errors
/// [`Error::Undefined`] naming the first missing period inside the series
/// (a hole cannot be dated across).
impl<P: Period, U: Value> Detector<P, U> for Bbq {
    fn detect(&self, series: &Series<P, U>) -> Result<Vec<Event<P>>> {
        let series = series.trim();
        let series = &series;
        let x = complete(series, Operation::Bbq)?;
        let mut turns = local_extrema(&x, self.window);
        alternate(&x, &mut turns);
        censor(&x, &mut turns, self.phase, self.cycle, self.censor);
        Ok(dated(series, &x, &turns))
    }
}

/// The censoring loop shared by both rules.
fn censor(x: &[f64], turns: &mut Vec<Cand>, phase: usize, cycle: usize, ends: usize) {
    // Each pass removes at least one turn when it changes anything, so the
    // loop ends after at most `turns.len()` passes.
    loop {
        let a = enforce_ends(x, turns, ends);
        let b = enforce_cycle(x, turns, cycle);
        let c = enforce_phase(x, turns, phase);
        if !(a || b || c) {
            break;
        }
    }
}

/// The Bry–Boschan procedure for monthly series (*Cyclical Analysis of Time
/// Series: Selected Procedures and Computer Programs*, NBER Technical Paper
/// 20, 1971).
///
/// 1. Extreme values: deviations from a 15-term Spencer curve larger than
///    3.5 standard deviations are replaced by the Spencer value.
/// 2. Turns of a centred 12-month moving average (2×12) of the adjusted
///    series: extremes within ±5 months, alternating.
/// 3. Turns of the Spencer curve within ±5 months of those; cycles of at
///    least 15 months.
/// 4. Turns of a short moving average (its length the *months for cyclical
///    dominance*, MCD, between 3 and 6) within ±5 months of those.
/// 5. Turns of the unsmoothed series within ±max(4, MCD) months of those;
///    then the censoring of [`Bbq`] with phase ≥ 6, cycle ≥ 15 and no turn
///    within 6 months of either end.
///
/// At each refinement the extreme within the window on the finer curve
/// replaces the coarser turn (for a peak the highest value, the earliest on
/// a tie). The moving averages are extended at each end by repeating the
/// end value, so that every month has a smoothed value.
///
/// # Example
/// ```
/// use econseries::{Month, Series};
/// use econseries::detect::{BryBoschan, Detector, EventKind};
///
/// // Synthetic: a 48-month cycle peaking in month 12 (January 2001).
/// let x: Vec<f64> = (0..120)
///     .map(|t| 100.0 + 5.0 * (std::f64::consts::TAU * t as f64 / 48.0).sin())
///     .collect();
/// let s = Series::from_values(Month::new(2000, 1)?, x)?;
/// let turns = BryBoschan::new().detect(&s)?;
/// assert!(turns.windows(2).all(|w| w[0].kind != w[1].kind));
/// assert_eq!(turns[0].kind, EventKind::Peak);
/// assert_eq!(turns[0].period.to_string(), "2001-01");
/// # Ok::<(), econseries::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BryBoschan {
    window: usize,
    phase: usize,
    cycle: usize,
    censor: usize,
}

impl Default for BryBoschan {
    fn default() -> Self {
        BryBoschan::new()
    }
}

/// Spencer's 15-term weights (sum 320).
const SPENCER: [f64; 15] = [
    -3.0, -6.0, -5.0, 3.0, 21.0, 46.0, 67.0, 74.0, 67.0, 46.0, 21.0, 3.0, -5.0, -6.0, -3.0,
];

impl BryBoschan {
    /// Window ±5 months, phase ≥ 6, cycle ≥ 15, end censoring 6.
    pub const fn new() -> BryBoschan {
        BryBoschan {
            window: 5,
            phase: 6,
            cycle: 15,
            censor: 6,
        }
    }
}

/// The turning points, in order, alternating, each compared with the turn
/// before. Leading and trailing missing values are trimmed.
///
/// # Errors
/// [`Error::Undefined`] naming the first missing period inside the series;
/// [`Error::TooShort`] for fewer than 2 × 15 observations.
impl<P: Period, U: Value> Detector<P, U> for BryBoschan {
    fn detect(&self, series: &Series<P, U>) -> Result<Vec<Event<P>>> {
        let series = series.trim();
        let series = &series;
        let raw = complete(series, Operation::BryBoschan)?;
        let n = raw.len();
        if n < 2 * self.cycle {
            return Err(Error::TooShort {
                need: 2 * self.cycle,
                got: n,
            });
        }
        // The rule compares values and ratios only, so values near f64::MAX
        // are dated on an exactly rescaled copy, where the moving averages
        // and the standard deviation cannot overflow.
        let scale = crate::transform::safe_scale(&raw);
        let work: Vec<f64> = raw.iter().map(|x| x * scale).collect();
        // 1. Extreme values.
        let spencer0 = weighted_ma(&work, &SPENCER);
        let resid: Vec<f64> = work.iter().zip(&spencer0).map(|(a, b)| a - b).collect();
        let sd = std_dev(&resid);
        let adjusted: Vec<f64> = work
            .iter()
            .zip(&spencer0)
            .zip(&resid)
            .map(|((&x, &s), &r)| {
                if sd > 0.0 && (r / sd).abs() >= 3.5 {
                    s
                } else {
                    x
                }
            })
            .collect();
        // 2. The 2×12 moving average.
        let mut w = [1.0; 13];
        w[0] = 0.5;
        w[12] = 0.5;
        let ma12 = weighted_ma(&adjusted, &w);
        let mut turns = local_extrema(&ma12, self.window);
        alternate(&ma12, &mut turns);
        enforce_cycle(&ma12, &mut turns, self.cycle);
        // 3. The Spencer curve of the adjusted series.
        let spencer = weighted_ma(&adjusted, &SPENCER);
        refine(&spencer, &mut turns, self.window);
        enforce_cycle(&spencer, &mut turns, self.cycle);
        // 4. The short moving average.
        let mcd = mcd(&adjusted, &spencer);
        let short = weighted_ma(&adjusted, &vec![1.0; mcd]);
        refine(&short, &mut turns, self.window);
        // 5. The series itself.
        refine(&work, &mut turns, mcd.max(4));
        censor(&work, &mut turns, self.phase, self.cycle, self.censor);
        Ok(dated(series, &raw, &turns))
    }
}

/// Business-cycle turning points by the rule made for the series'
/// frequency: [`BryBoschan`] for monthly series, [`Bbq`] for quarterly and
/// annual ones, each with its published parameters.
///
/// # Errors
/// As the rule's.
///
/// # Example
/// ```
/// use econseries::{Quarter, Series};
/// use econseries::detect::{Bbq, Detector, TurningPoints};
///
/// let levels = [100.0, 101.0, 102.0, 103.0, 102.0, 101.0, 100.5, 101.5, 103.0, 104.0, 105.0, 106.0];
/// let gdp = Series::from_values(Quarter::new(2000, 1)?, levels)?;
/// assert_eq!(TurningPoints.detect(&gdp)?, Bbq::new().detect(&gdp)?);
/// # Ok::<(), econseries::Error>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct TurningPoints;

impl<P: Period, U: Value> Detector<P, U> for TurningPoints {
    fn detect(&self, series: &Series<P, U>) -> Result<Vec<Event<P>>> {
        match P::FREQUENCY {
            crate::period::Frequency::Monthly => BryBoschan::new().detect(series),
            _ => Bbq::new().detect(series),
        }
    }
}

/// Moves every turn to the extreme of `curve` within ±`k` of it, then
/// re-alternates (two turns may land on the same extreme).
fn refine(curve: &[f64], turns: &mut Vec<Cand>, k: usize) {
    let n = curve.len();
    for c in turns.iter_mut() {
        let (lo, hi) = (c.0.saturating_sub(k), (c.0 + k).min(n.saturating_sub(1)));
        let mut best = lo;
        for t in lo..=hi {
            if more_extreme(curve, (t, c.1), (best, c.1)) {
                best = t;
            }
        }
        c.0 = best;
    }
    // Turns move independently, so one may pass its neighbour: restore time
    // order before merging turns that landed on the same period.
    turns.sort_by_key(|c| c.0);
    turns.dedup_by_key(|c| c.0);
    alternate(curve, turns);
}

/// A moving average with `weights` (normalised to sum 1), centred (for an
/// even length, on the later of the two middle slots), the series extended
/// at each end by repeating its end values.
fn weighted_ma(x: &[f64], weights: &[f64]) -> Vec<f64> {
    let total: f64 = weights.iter().sum();
    let half = weights.len() / 2;
    let n = x.len() as isize;
    (0..n)
        .map(|t| {
            weights
                .iter()
                .enumerate()
                .map(|(j, w)| {
                    let s = (t + j as isize - half as isize).clamp(0, n - 1) as usize;
                    w * at(x, s)
                })
                .sum::<f64>()
                / total
        })
        .collect()
}

fn std_dev(x: &[f64]) -> f64 {
    let n = x.len() as f64;
    let mean = x.iter().sum::<f64>() / n;
    (x.iter().map(|v| (v - mean) * (v - mean)).sum::<f64>() / (n - 1.0)).sqrt()
}

/// Months for cyclical dominance: the smallest span k at which the mean
/// absolute k-month change of the irregular (series − Spencer curve) falls
/// below that of the cycle (the Spencer curve), clamped to 3..=6 as Bry and
/// Boschan do.
fn mcd(x: &[f64], cycle: &[f64]) -> usize {
    let irregular: Vec<f64> = x.iter().zip(cycle).map(|(a, b)| a - b).collect();
    let mean_abs_change = |v: &[f64], k: usize| {
        let d: Vec<f64> = v
            .windows(k + 1)
            .map(|w| match (w.first(), w.last()) {
                (Some(a), Some(b)) => (b - a).abs(),
                _ => 0.0,
            })
            .collect();
        d.iter().sum::<f64>() / d.len().max(1) as f64
    };
    (1..=6)
        .find(|&k| mean_abs_change(&irregular, k) < mean_abs_change(cycle, k))
        .unwrap_or(6)
        .clamp(3, 6)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Month, Quarter};

    #[test]
    fn helpers() {
        let x = [1.0, 3.0, 2.0, 5.0, 4.0];
        let mut t = vec![(1, Turn::Peak), (3, Turn::Peak), (4, Turn::Trough)];
        alternate(&x, &mut t);
        assert_eq!(t, [(3, Turn::Peak), (4, Turn::Trough)]);
        assert_eq!(
            weighted_ma(&[1.0, 2.0, 3.0], &[1.0, 1.0, 1.0]),
            [4.0 / 3.0, 2.0, 8.0 / 3.0]
        );
        let mut short = vec![(2, Turn::Peak), (3, Turn::Trough), (9, Turn::Peak)];
        assert!(enforce_phase(&[0.0; 12], &mut short, 2));
        assert_eq!(short, [(9, Turn::Peak)]);
    }

    #[test]
    fn bry_boschan_dates_values_near_the_largest_float() {
        // A ten-year cycle with noise-free turns; scaled to about 1e308 the
        // moving averages' plain sums would overflow. Turns depend only on
        // comparisons, so the dates must be those of the unscaled series, and
        // the events carry the values as given.
        let start = Month::new(2000, 1).unwrap();
        let small: Vec<f64> = (0..240)
            .map(|t| 100.0 + 10.0 * (f64::from(t) * core::f64::consts::TAU / 120.0).sin())
            .collect();
        let big: Vec<f64> = small.iter().map(|x| x * 1.5e306).collect();
        let a = BryBoschan::new()
            .detect(&Series::from_values(start, small).unwrap())
            .unwrap();
        let b = BryBoschan::new()
            .detect(&Series::from_values(start, big).unwrap())
            .unwrap();
        assert!(a.len() >= 3, "{a:?}");
        assert_eq!(
            a.iter().map(|e| (e.period, e.kind)).collect::<Vec<_>>(),
            b.iter().map(|e| (e.period, e.kind)).collect::<Vec<_>>()
        );
        assert!(b.iter().all(|e| e.value > 1e307 && e.value.is_finite()));
    }

    #[test]
    fn missing_values_are_an_error() {
        let s: Series<Quarter> =
            Series::from_options(Quarter::new(2000, 1).unwrap(), [Some(1.0), None, Some(2.0)])
                .unwrap();
        let e = Bbq::new().detect(&s).unwrap_err();
        assert_eq!(
            e.to_string(),
            "BBQ turning-point dating is undefined at 2000-Q2: the value is missing"
        );
        let m: Series<Month> =
            Series::from_values(Month::new(2000, 1).unwrap(), [1.0; 10]).unwrap();
        assert!(matches!(
            BryBoschan::new().detect(&m),
            Err(Error::TooShort { .. })
        ));
        assert!(Bbq::with(0, 2, 5, 2).is_err());
        assert!(
            Bbq::new()
                .detect(&Series::<Quarter>::empty(Quarter::new(2000, 1).unwrap()))
                .unwrap()
                .is_empty()
        );
    }
}
