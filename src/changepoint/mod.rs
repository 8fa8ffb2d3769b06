//! Statistical change points: costs, exact and approximate searches, penalties, CUSUM and online detection.
//!
//! [`ChangePoints`] finds the segmentation of a series that minimises
//!
//! ```text
//! Σᵢ C(segment i) + β·m          (m changes, every segment at least L long)
//! ```
//!
//! for a segment [`Cost`] (change in mean, variance, mean and variance, linear
//! trend, Poisson rate) and a [`Penalty`] β (manual, BIC, AIC, Hannan–Quinn,
//! MBIC), by a [`Method`]:
//!
//! - [`Method::Optimal`]: optimal partitioning, O(n²), the brute-force reference.
//! - [`Method::Pelt`]: PELT, exact, O(n) when changes are many, O(n²) when
//!   they are few. Exact also under a minimum segment length, where ruptures
//!   and R's changepoint are not (their pruning drops candidates that the
//!   minimum length still needs; ruptures PR #383). Quadratic means minutes
//!   for the longest series: the trend cost on 119,988 months with no change
//!   took 44 s on this project's 2-core machine (145 s before its
//!   candidates were kept as columns, which made each step vectorise), and
//!   optimal partitioning always does that much work. Both report their
//!   progress through [`ChangePoints::segment_slice_with_progress`]; `econ
//!   detect changepoints` draws it on a terminal.
//! - [`Method::Fpop`]: functional pruning, exact, for the change in mean;
//!   close to O(n log n) whatever the number of changes. From 4,096 values
//!   (without MBIC) it searches from both ends at once on two threads (rayon)
//!   and joins the halves exactly.
//! - [`Method::BinSeg`]: binary segmentation, approximate, O(n log n).
//!
//! [`crops`](ChangePoints::crops) gives every optimal segmentation over a
//! range of penalties; [`Cusum`] tests for a single change in mean;
//! [`Bocpd`] watches a series one observation at a time, and
//! [`OnlineChanges`] runs it over a whole series.
//!
//! Every detector here is a [`Detector`]: on a [`Series`], the changes come
//! out as [`Shift`](EventKind::Shift) events with the fits before and
//! after, for sentences, charts, panels and vintages like every other
//! finding. `segment`/`segment_slice` (and `test`/`test_slice` for CUSUM)
//! give the full results, on a series or on a slice.
//!
//! # One index convention
//!
//! A change point is the **first period of a new segment**: for `y` of
//! length `n` split into `y[0..5]` and `y[5..n]`, the change is `5` (0-based),
//! or the period of `y[5]` for a [`Series`]. The start `0` and the end `n` are
//! never reported. Other tools, for the same split:
//!
//! ```text
//! this crate       [5]                       first index of each new segment, 0-based
//! ruptures         [5, n]                    exclusive end of every segment, n included
//! R cpts()         [5]                       last index of each old segment, 1-based
//! R @cpts          [5, n]                    the same with n appended
//! ```
//!
//! The numbers coincide (0-based start of the new segment = 1-based end of
//! the old one); [`Segmentation::ruptures_breakpoints`] and
//! [`Segmentation::r_cpts`] give them in those forms.
//!
//! # Scale
//!
//! The squared-error costs are in the data's units squared, so a named
//! penalty is multiplied by the noise variance σ² ([`Noise`]): given by the
//! caller or estimated robustly ([`estimate_sigma`]); never assumed to be 1,
//! which makes R's `cpt.mean` find 0 or 138 changes in the same data
//! depending on its units. A [`Penalty::Manual`] is in the cost's units.
//!
//! # Magnitudes
//!
//! With `D` the largest distance between two values, a series whose costs
//! cannot fit in an `f64` (`4·n·D` squared overflows: `D` above about 1e150
//! for 2,000 values) is refused with [`Error::Overflow`] before any search; a
//! constant series is fine at any magnitude. Values so close together that
//! their squared deviations would underflow (`D` below 2⁻²⁰⁰) are multiplied
//! by a power of two for the search, which is exact and changes no decision.
//! The searches compare costs computed from running sums, exact up to about
//! `1e-16·n·D²`: a manual penalty far below that cannot be resolved, and the
//! optimum is then one among segmentations whose costs differ by rounding
//! only (a named penalty follows the data's scale).
//!
//! # Example
//! ```
//! use econseries::changepoint::{ChangePoints, Cost, Penalty};
//!
//! let y = [0.1, -0.2, 0.0, 0.2, -0.1, 5.0, 5.2, 4.9, 5.1, 4.8];
//! let seg = ChangePoints::new(Cost::Mean).penalty(Penalty::Manual(1.0)).segment_slice(&y)?;
//! assert_eq!(seg.changes(), [5]);
//! assert_eq!(seg.ruptures_breakpoints(), [5, 10]);
//! assert!((seg.segments()[1].mean - 5.0).abs() < 1e-12);
//! # Ok::<(), econseries::Error>(())
//! ```

mod bocpd;
mod cost;
mod crops;
mod cusum;
mod fpop;
mod penalty;
mod search;

pub use bocpd::{Bocpd, BocpdStep, NormalGamma, OnlineChanges};
pub use cost::Cost;
pub use crops::CropsSolution;
pub use cusum::{Cusum, CusumTest};
pub use penalty::{MbicVariant, Noise, Penalty, estimate_sigma};

use crate::detect::{Detector, Event, EventKind, Evidence, Fit};
use crate::error::{Error, Operation, Result, UndefinedReason};
use crate::period::Period;
use crate::series::Series;
use crate::unit::Value;

use cost::{
    MeanCost, MeanVarianceCost, PoissonCost, SegmentCost, TrendCost, VarianceCost, Whole,
    check_counts, describe, fits, search_scale, spread, summary,
};
use penalty::Resolved;
use search::Problem;

/// The search for the optimal segmentation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Method {
    /// FPOP for the change in mean, PELT for the other costs.
    #[default]
    Auto,
    /// Optimal partitioning: every candidate at every step, O(n²). Exact.
    Optimal,
    /// PELT: optimal partitioning with pruning. Exact.
    Pelt,
    /// Functional pruning (Maidstone et al. 2017; change in mean only).
    /// Exact, also under a minimum segment length (a candidate joins the
    /// comparison only once it can end a legal segment) and with MBIC. On
    /// 4,096 values or more (MBIC aside) the two halves of the series are
    /// searched at once, forwards and backwards, on two threads of rayon's
    /// pool, and joined exactly at the middle; the answer is the same either
    /// way. `RAYON_NUM_THREADS=1` (or a one-core machine) keeps it on one thread.
    Fpop,
    /// Binary segmentation: approximate; see [`ChangePoints::max_changes`].
    BinSeg,
}

impl core::str::FromStr for Method {
    type Err = Error;

    /// `auto`, `op`, `pelt`, `fpop` or `binseg`.
    fn from_str(s: &str) -> Result<Method> {
        Ok(match s {
            "auto" => Method::Auto,
            "op" => Method::Optimal,
            "pelt" => Method::Pelt,
            "fpop" => Method::Fpop,
            "binseg" => Method::BinSeg,
            _ => {
                return Err(Error::InvalidArgument {
                    name: "method",
                    value: s.to_owned().into(),
                    expected: "one of auto, op, pelt, fpop, binseg",
                });
            }
        })
    }
}

/// What to do with missing values in a [`Series`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Missing {
    /// Fail with [`Error::Undefined`] (a [`MissingValue`](crate::UndefinedReason::MissingValue)) naming the first missing period.
    #[default]
    Error,
    /// Detect on the observed values only, as if they were consecutive, and
    /// report each change at the period of the first observed value of its
    /// new segment. `n` in the penalties and the minimum segment length count
    /// observed values.
    Skip,
}

/// One segment of a [`Segmentation`]: `y[start..end]` with its fitted parameters.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct Segment {
    /// The first index of the segment.
    pub start: usize,
    /// One past the last index of the segment.
    pub end: usize,
    /// The segment's mean (the Poisson rate for [`Cost::Poisson`]).
    pub mean: f64,
    /// The variance (divided by the length): about the known mean for
    /// [`Cost::Variance`], about the segment mean for [`Cost::MeanVariance`];
    /// `None` for the other costs.
    pub variance: Option<f64>,
    /// The slope per period of the least-squares line ([`Cost::Trend`] only);
    /// the line passes through the segment's mean at its middle.
    pub slope: Option<f64>,
    /// The segment's cost, as documented on [`Cost`].
    pub cost: f64,
}

impl Segment {
    /// The segment's fitted parameters, as events carry them.
    pub fn fit(&self) -> Fit {
        Fit::new(self.mean, self.variance, self.slope)
    }

    /// The number of observations in the segment.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the segment is empty (never, for a segment of a [`Segmentation`]).
    pub fn is_empty(&self) -> bool {
        self.end == self.start
    }
}

/// The result of a search: change points, segments, and costs.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(deny_unknown_fields, try_from = "serde_check::Segmentation")
)]
pub struct Segmentation {
    n: usize,
    changes: Vec<usize>,
    segments: Vec<Segment>,
    fit_cost: f64,
    cost: f64,
    penalty: f64,
}

impl Segmentation {
    /// # Errors
    /// [`Error::Overflow`] if a number does not fit in an `f64` (which
    /// [`fits`] rules out before any search).
    ///
    /// `scaled` is the data the search ran on, `y` times `scale`, with its
    /// context `whole_scaled`. The normal likelihoods are taken from it and
    /// shifted by `−ℓ·ln scale²`, so that their variance floor is the one the
    /// search used (1e-10 of the whole series' variance, which may itself
    /// underflow in `y`'s units).
    fn build(
        cost: Cost,
        (y, whole): (&[f64], Whole),
        (scaled, whole_scaled, scale): (&[f64], Whole, f64),
        changes: Vec<usize>,
        resolved: &Resolved,
    ) -> Result<Segmentation> {
        let n = y.len();
        let likelihood = matches!(cost, Cost::Variance | Cost::MeanVariance);
        let mut segments = Vec::with_capacity(changes.len() + 1);
        let mut a = 0;
        for &b in changes.iter().chain(core::iter::once(&n)) {
            let fit = describe(cost, y.get(a..b).unwrap_or_default(), whole);
            let seg_cost = if likelihood && scale != 1.0 {
                let len = (b - a) as f64;
                describe(cost, scaled.get(a..b).unwrap_or_default(), whole_scaled).cost
                    - len * 2.0 * scale.ln()
            } else {
                fit.cost
            };
            segments.push(Segment {
                start: a,
                end: b,
                mean: fit.mean,
                variance: fit.variance,
                slope: fit.slope,
                cost: seg_cost,
            });
            a = b;
        }
        let fit_cost = segments.iter().map(|s| s.cost).sum::<f64>();
        let cost = fit_cost + resolved.total(segments.iter().map(Segment::len));
        let finite = |v: Option<f64>| v.is_none_or(f64::is_finite);
        let all_finite = cost.is_finite()
            && fit_cost.is_finite()
            && segments.iter().all(|s| {
                s.mean.is_finite() && s.cost.is_finite() && finite(s.variance) && finite(s.slope)
            });
        if !all_finite {
            return Err(Error::Overflow {
                operation: Operation::ChangePoints,
            });
        }
        Ok(Segmentation {
            n,
            changes,
            segments,
            fit_cost,
            cost,
            penalty: resolved.beta,
        })
    }

    /// The change points: the first index of every segment but the first, increasing.
    pub fn changes(&self) -> &[usize] {
        &self.changes
    }

    /// The segments, in order; they cover `0..n` without gaps.
    pub fn segments(&self) -> &[Segment] {
        &self.segments
    }

    /// The number of observations segmented.
    pub fn len(&self) -> usize {
        self.n
    }

    /// Whether no observation was segmented (never, for a search's result).
    pub fn is_empty(&self) -> bool {
        self.n == 0
    }

    /// The sum of the segments' costs, without any penalty.
    pub fn fit_cost(&self) -> f64 {
        self.fit_cost
    }

    /// The penalised cost: [`fit_cost`](Segmentation::fit_cost) plus the
    /// penalty per change (and MBIC's segment terms).
    pub fn cost(&self) -> f64 {
        self.cost
    }

    /// The penalty per change β that was used, in the cost's units.
    pub fn penalty(&self) -> f64 {
        self.penalty
    }

    /// The change points in ruptures' form: the exclusive end of every segment, `n` included.
    pub fn ruptures_breakpoints(&self) -> Vec<usize> {
        self.segments.iter().map(|s| s.end).collect()
    }

    /// The change points in the form of R changepoint's `cpts()`: the 1-based
    /// index of the last observation of every segment but the last.
    pub fn r_cpts(&self) -> Vec<usize> {
        // The 1-based last index of the old segment is the 0-based first index of the new one.
        self.changes.clone()
    }
}

/// The segmentation of a [`Series`]: the [`Segmentation`] of its observed
/// values, with periods.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(
        deny_unknown_fields,
        try_from = "serde_check::SeriesSegmentation<P>",
        bound(deserialize = "P: serde::Deserialize<'de>")
    )
)]
pub struct SeriesSegmentation<P: Period> {
    observed: Vec<P>,
    values: Vec<f64>,
    periods: Vec<P>,
    segmentation: Segmentation,
}

impl<P: Period> SeriesSegmentation<P> {
    /// The change points: the first period of every segment but the first.
    pub fn periods(&self) -> &[P] {
        &self.periods
    }

    /// The first and the last period of every segment (observed periods).
    pub fn segment_periods(&self) -> Vec<(P, P)> {
        self.segmentation
            .segments
            .iter()
            .filter_map(|s| Some((*self.observed.get(s.start)?, *self.observed.get(s.end - 1)?)))
            .collect()
    }

    /// The segmentation of the observed values (indices count observed values only).
    pub fn segmentation(&self) -> &Segmentation {
        &self.segmentation
    }

    /// The changes as [`Shift`](EventKind::Shift) events: at the first
    /// period of each new segment, valued at the observation there, with
    /// the fits of the segments before and after, compared with the first
    /// period of the segment before.
    ///
    /// # Example
    /// ```
    /// use econseries::{Series, Year};
    /// use econseries::changepoint::{ChangePoints, Cost, Penalty};
    /// use econseries::detect::EventKind;
    ///
    /// let s = Series::from_values(Year::new(2000)?, [1.0, 1.1, 0.9, 4.0, 4.1, 3.9])?;
    /// let seg = ChangePoints::new(Cost::Mean).penalty(Penalty::Manual(1.0)).segment(&s)?;
    /// let e = seg.events();
    /// assert_eq!((e[0].period, e[0].compared_with), (Year::new(2003)?, Some(Year::new(2000)?)));
    /// let EventKind::Shift { before, after, .. } = e[0].kind else { panic!("not a shift") };
    /// assert!((before.mean - 1.0).abs() < 1e-12 && (after.mean - 4.0).abs() < 1e-12);
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn events(&self) -> Vec<Event<P>> {
        let penalty = self.segmentation.penalty;
        self.segmentation
            .segments
            .windows(2)
            .filter_map(|w| {
                let [before, after] = w else { return None };
                Some(Event::new(
                    *self.observed.get(after.start)?,
                    *self.values.get(after.start)?,
                    EventKind::Shift {
                        before: before.fit(),
                        after: after.fit(),
                        evidence: Evidence::Penalised { penalty },
                    },
                    Some(*self.observed.get(before.start)?),
                ))
            })
            .collect()
    }
}

/// Change-point detection: a cost, a penalty and a search, configured by
/// value and run on a slice or a [`Series`].
///
/// Defaults: [`Penalty::Bic`], [`Method::Auto`], the cost's
/// [`default_min_size`](Cost::default_min_size), [`Noise::Estimate`],
/// [`Missing::Error`], and for [`Cost::Variance`] the sample mean as the known mean.
///
/// # Example
/// ```
/// use econseries::changepoint::{ChangePoints, Cost, Method, Noise, Penalty};
///
/// let y: Vec<f64> = (0..60).map(|i| if i < 30 { 0.0 } else { 3.0 } + [0.3, -0.2, 0.1][i % 3]).collect();
/// let cp = ChangePoints::new(Cost::Mean)
///     .penalty(Penalty::Bic)
///     .noise(Noise::Sigma(0.25))
///     .method(Method::Pelt)
///     .min_size(5);
/// assert_eq!(cp.segment_slice(&y)?.changes(), [30]);
/// # Ok::<(), econseries::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct ChangePoints {
    cost: Cost,
    penalty: Penalty,
    method: Method,
    min_size: Option<usize>,
    max_changes: Option<usize>,
    noise: Noise,
    missing: Missing,
    known_mean: Option<f64>,
}

impl ChangePoints {
    /// Detection of changes in `cost`'s parameters, with the defaults above.
    pub fn new(cost: Cost) -> ChangePoints {
        ChangePoints {
            cost,
            penalty: Penalty::Bic,
            method: Method::Auto,
            min_size: None,
            max_changes: None,
            noise: Noise::Estimate,
            missing: Missing::Error,
            known_mean: None,
        }
    }

    /// The penalty per change.
    pub fn penalty(mut self, penalty: Penalty) -> ChangePoints {
        self.penalty = penalty;
        self
    }

    /// The search method.
    pub fn method(mut self, method: Method) -> ChangePoints {
        self.method = method;
        self
    }

    /// The minimum segment length `L` (every segment, the first and last included).
    pub fn min_size(mut self, min_size: usize) -> ChangePoints {
        self.min_size = Some(min_size);
        self
    }

    /// The most changes binary segmentation may add (default: no limit
    /// besides the penalty). Ignored by the exact methods.
    pub fn max_changes(mut self, max_changes: usize) -> ChangePoints {
        self.max_changes = Some(max_changes);
        self
    }

    /// The noise scale for the named penalties of the squared-error costs.
    pub fn noise(mut self, noise: Noise) -> ChangePoints {
        self.noise = noise;
        self
    }

    /// The missing-value policy for missing values inside a series
    /// ([`segment`](ChangePoints::segment)).
    pub fn missing(mut self, missing: Missing) -> ChangePoints {
        self.missing = missing;
        self
    }

    /// The known mean of [`Cost::Variance`] (default: the sample mean).
    pub fn known_mean(mut self, mean: f64) -> ChangePoints {
        self.known_mean = Some(mean);
        self
    }

    /// The segmentation of `values` that minimises the penalised cost (approximately, for [`Method::BinSeg`]).
    ///
    /// # Errors
    /// - [`Error::NoObservations`] for an empty slice; [`Error::NonFinite`] for a NaN or infinite value;
    /// - [`Error::TooShort`] with fewer values than the minimum segment length
    ///   (or than 3 where σ is estimated or the penalty is Hannan–Quinn);
    /// - [`Error::InvalidArgument`] for a minimum segment length below
    ///   [`Cost::smallest_min_size`], [`Method::Fpop`] with a cost other than
    ///   the mean, a negative or non-finite manual penalty, a σ that is not
    ///   positive and finite (even where no named penalty uses it), a
    ///   non-finite known mean, or counts that are negative or fractional for
    ///   [`Cost::Poisson`];
    /// - [`Error::ZeroNoise`] when σ is to be estimated and the estimate is 0;
    /// - [`Error::Overflow`] for values so far apart that the costs do not fit
    ///   in an `f64`: with `D` the largest distance between two values (or to
    ///   the known mean), unless `4·n·D` squared is finite (for `n` = 2,000,
    ///   `D` up to about 1.6e150); for [`Cost::Poisson`], unless `1500·Σ y` is
    ///   finite. A constant series is fine at any magnitude.
    pub fn segment_slice(&self, values: &[f64]) -> Result<Segmentation> {
        self.segment_slice_with_progress(values, &mut |_, _| {})
    }

    /// [`segment_slice`](ChangePoints::segment_slice), calling
    /// `progress(t, n)` every 1,024 values as the exact searches that can be
    /// quadratic ([`Method::Optimal`] always, [`Method::Pelt`] when changes
    /// are few: for the trend cost on 119,988 months without a change, about
    /// a minute) go through the `n` values; `t` counts values, not work,
    /// which grows as `t²` in the worst case. FPOP and binary segmentation do
    /// not call it. The `econ` command draws it as a progress bar on a
    /// terminal.
    ///
    /// # Errors
    /// As [`segment_slice`](ChangePoints::segment_slice).
    ///
    /// # Example
    /// ```
    /// use econseries::changepoint::{ChangePoints, Cost, Method, Penalty};
    ///
    /// let y: Vec<f64> = (0..5000).map(|i| ((i * 7919) % 101) as f64).collect();
    /// let mut seen = 0;
    /// ChangePoints::new(Cost::Trend)
    ///     .penalty(Penalty::Manual(1e6))
    ///     .method(Method::Pelt)
    ///     .segment_slice_with_progress(&y, &mut |t, n| {
    ///         assert!(t <= n && n == 5000);
    ///         seen += 1;
    ///     })?;
    /// assert_eq!(seen, 4); // at t = 1,024, 2,048, 3,072 and 4,096
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn segment_slice_with_progress(
        &self,
        values: &[f64],
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<Segmentation> {
        let setup = self.setup(values)?;
        let (resolved, search) = self.resolve(values, self.penalty, &setup)?;
        self.solve(values, &setup, &resolved, &search, self.method, progress)
    }

    /// [`segment_slice`](ChangePoints::segment_slice) on a series, with
    /// periods in and periods out.
    ///
    /// Leading and trailing missing values are trimmed first: every growth
    /// transform leaves its first periods missing (a year-on-year change has
    /// no value for the first year), and they are not holes in the data.
    /// Missing values inside the series follow the [`Missing`] policy.
    ///
    /// # Errors
    /// As [`segment_slice`](ChangePoints::segment_slice); also
    /// [`Error::Undefined`] (a [`MissingValue`](crate::UndefinedReason::MissingValue)) naming the first missing period inside the
    /// series under [`Missing::Error`], and [`Error::NoObservations`] if no
    /// value is present.
    ///
    /// # Example
    /// ```
    /// use econseries::changepoint::{ChangePoints, Cost, Missing, Penalty};
    /// use econseries::{Series, Year};
    ///
    /// let s = Series::from_options(
    ///     Year::new(2000)?,
    ///     [Some(1.0), Some(1.1), None, Some(0.9), Some(4.0), Some(4.1), Some(3.9)],
    /// )?;
    /// let cp = ChangePoints::new(Cost::Mean).penalty(Penalty::Manual(1.0));
    /// assert!(cp.segment(&s).is_err()); // missing 2002: an error by default
    /// let found = cp.clone().missing(Missing::Skip).segment(&s)?;
    /// assert_eq!(found.periods(), [Year::new(2004)?]);
    /// // Growth rates start with a year of missing values: trimmed, not an error.
    /// let levels = Series::from_values(Year::new(2000)?, [100.0, 101.0, 102.01, 112.211, 123.4321, 135.77531])?;
    /// assert_eq!(cp.segment(&levels.pc1())?.periods(), [Year::new(2003)?]);
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn segment<P: Period, U: Value>(
        &self,
        series: &Series<P, U>,
    ) -> Result<SeriesSegmentation<P>> {
        self.segment_with_progress(series, &mut |_, _| {})
    }

    /// [`segment`](ChangePoints::segment) with the progress calls of
    /// [`segment_slice_with_progress`](ChangePoints::segment_slice_with_progress)
    /// (`n` counts the observed values).
    ///
    /// # Errors
    /// As [`segment`](ChangePoints::segment).
    pub fn segment_with_progress<P: Period, U: Value>(
        &self,
        series: &Series<P, U>,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<SeriesSegmentation<P>> {
        let (observed, values) = self.observed(series)?;
        let segmentation = self.segment_slice_with_progress(&values, progress)?;
        Ok(with_periods(observed, values, segmentation))
    }

    /// CROPS: every segmentation that is optimal for some manual penalty in
    /// `min..=max`, from the most changes to the fewest, each with the range
    /// of penalties for which it is optimal. The configured penalty is not
    /// used; [`Method::Auto`] and the exact methods are accepted.
    ///
    /// ```text
    /// solve at min and max; for neighbours with m₀ > m₁ + 1 changes, solve at
    /// β = (Q₁ − Q₀)/(m₀ − m₁) (Q: the unpenalised cost) until nothing new appears
    /// ```
    ///
    /// # Errors
    /// As [`segment_slice`](ChangePoints::segment_slice);
    /// [`Error::InvalidArgument`] for [`Method::BinSeg`] or a range that is
    /// not `0 <= min <= max < ∞`.
    ///
    /// # Example
    /// ```
    /// use econseries::changepoint::{ChangePoints, Cost};
    ///
    /// let y = [0.0, 0.2, -0.1, 2.0, 2.1, 1.9, 6.0, 6.2, 5.9];
    /// let path = ChangePoints::new(Cost::Mean).crops_slice(&y, 0.1, 100.0)?;
    /// let counts: Vec<usize> = path.iter().map(|s| s.segmentation.changes().len()).collect();
    /// assert!(counts.windows(2).all(|w| w[0] > w[1]));
    /// assert_eq!(path.last().map(|s| s.segmentation.changes().len()), Some(0));
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn crops_slice(&self, values: &[f64], min: f64, max: f64) -> Result<Vec<CropsSolution>> {
        if !(min.is_finite() && max.is_finite() && 0.0 <= min && min <= max) {
            return Err(Error::InvalidArgument {
                name: "penalty range",
                value: format!("{min}..{max}").into(),
                expected: "0 <= min <= max, both finite",
            });
        }
        if self.method == Method::BinSeg {
            return Err(Error::InvalidArgument {
                name: "method",
                value: "binseg".to_owned().into(),
                expected: "an exact method for CROPS (auto, op, pelt, fpop)",
            });
        }
        let setup = self.setup(values)?;
        crops::crops(min, max, |beta| {
            let resolved = penalty::resolve(Penalty::Manual(beta), self.cost, values.len(), 1.0)?;
            let search = resolved.scaled(self.search_factor(&setup));
            self.solve(
                values,
                &setup,
                &resolved,
                &search,
                self.method,
                &mut |_, _| {},
            )
        })
    }

    /// [`crops_slice`](ChangePoints::crops_slice) on a series' values (the
    /// edges trimmed and the inside under the missing-value policy, as
    /// [`segment`](ChangePoints::segment)).
    ///
    /// # Errors
    /// As [`crops_slice`](ChangePoints::crops_slice) and
    /// [`segment`](ChangePoints::segment).
    pub fn crops<P: Period, U: Value>(
        &self,
        series: &Series<P, U>,
        min: f64,
        max: f64,
    ) -> Result<Vec<CropsSolution>> {
        let (_, values) = self.observed(series)?;
        self.crops_slice(&values, min, max)
    }

    /// The observed periods and values of `series` under the missing-value policy.
    fn observed<P: Period, U: Value>(&self, series: &Series<P, U>) -> Result<(Vec<P>, Vec<f64>)> {
        let series = series.trim();
        let raw = series.raw();
        if self.missing == Missing::Error
            && let Some(i) = raw.iter().position(|v| v.is_nan())
        {
            return Err(Error::Undefined {
                operation: Operation::ChangePoints,
                period: series.period(i).into(),
                reason: UndefinedReason::MissingValue,
            });
        }
        let (observed, values): (Vec<P>, Vec<f64>) = raw
            .iter()
            .enumerate()
            .filter(|(_, v)| !v.is_nan())
            .map(|(i, &v)| (series.period(i), v))
            .unzip();
        if values.is_empty() {
            return Err(Error::NoObservations);
        }
        Ok((observed, values))
    }

    fn setup(&self, values: &[f64]) -> Result<Setup> {
        if values.is_empty() {
            return Err(Error::NoObservations);
        }
        if let Some(&bad) = values.iter().find(|v| !v.is_finite()) {
            return Err(Error::NonFinite {
                value: bad,
                period: None,
            });
        }
        let summary = summary(values);
        let min_size = self.min_size.unwrap_or(self.cost.default_min_size());
        if min_size < self.cost.smallest_min_size() {
            return Err(Error::InvalidArgument {
                name: "min_size",
                value: min_size.to_string().into(),
                expected: if self.cost == Cost::MeanVariance {
                    "at least 2 for the mean-and-variance cost"
                } else {
                    "at least 1"
                },
            });
        }
        if values.len() < min_size {
            return Err(Error::TooShort {
                need: min_size,
                got: values.len(),
            });
        }
        let mu = match self.known_mean {
            Some(mu) if mu.is_finite() => mu,
            Some(mu) => {
                return Err(Error::InvalidArgument {
                    name: "known mean",
                    value: mu.to_string().into(),
                    expected: "a finite number",
                });
            }
            None => summary.mean,
        };
        // Checked even where no named penalty uses it: a bad setting is never silently ignored.
        if let Noise::Sigma(s) = self.noise
            && !(s.is_finite() && s > 0.0)
        {
            return Err(Error::InvalidArgument {
                name: "sigma",
                value: s.to_string().into(),
                expected: "a finite, positive noise standard deviation",
            });
        }
        if self.cost == Cost::Poisson {
            check_counts(values)?;
        }
        let spread = spread(self.cost, summary.lo, summary.hi, mu);
        if !fits(self.cost, values, spread) {
            return Err(Error::Overflow {
                operation: Operation::ChangePoints,
            });
        }
        let scale = search_scale(self.cost, spread);
        Ok(Setup {
            min_size,
            mu,
            mean: summary.mean,
            scale,
        })
    }

    /// What the searches' costs are multiplied by when they run on the values
    /// times `setup.scale`: its square for the squared-error costs, else 1.
    fn search_factor(&self, setup: &Setup) -> f64 {
        if self.cost.is_squared_error() {
            setup.scale * setup.scale
        } else {
            1.0
        }
    }

    /// The penalty in the cost's units (reported) and in the units of the
    /// scaled values the searches run on.
    fn resolve(
        &self,
        values: &[f64],
        penalty: Penalty,
        setup: &Setup,
    ) -> Result<(Resolved, Resolved)> {
        let named = !matches!(penalty, Penalty::Manual(_));
        let n = values.len();
        if named && self.cost.is_squared_error() {
            let sigma = match self.noise {
                Noise::Sigma(s) => s,
                Noise::Estimate => estimate_sigma(values)?,
            };
            let reported = penalty::resolve(penalty, self.cost, n, sigma * sigma)?;
            // σ² itself may underflow where the values are tiny; (σ·scale)² does not.
            let scaled = sigma * setup.scale;
            let search = penalty::resolve(penalty, self.cost, n, scaled * scaled)
                .unwrap_or_else(|_| reported.scaled(self.search_factor(setup)));
            Ok((reported, search))
        } else {
            let reported = penalty::resolve(penalty, self.cost, n, 1.0)?;
            Ok((reported, reported.scaled(self.search_factor(setup))))
        }
    }

    fn solve(
        &self,
        y: &[f64],
        setup: &Setup,
        resolved: &Resolved,
        search: &Resolved,
        method: Method,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<Segmentation> {
        let pb = Problem {
            beta: search.beta,
            weight: search.weight,
            min_size: setup.min_size,
        };
        let scaled: Vec<f64>;
        let (ys, mu) = if setup.scale == 1.0 {
            (y, setup.mu)
        } else {
            scaled = y.iter().map(|v| v * setup.scale).collect();
            (scaled.as_slice(), setup.mu * setup.scale)
        };
        let max_changes = self.max_changes.unwrap_or(usize::MAX);
        let changes = match self.cost {
            Cost::Mean => {
                let mean = if setup.scale == 1.0 {
                    setup.mean
                } else {
                    cost::mean(ys)
                };
                let c = MeanCost::new(ys, mean);
                match method {
                    Method::Auto | Method::Fpop => fpop::fpop(&c, &pb),
                    m => run(&c, &pb, m, max_changes, progress),
                }
            }
            other => {
                if method == Method::Fpop {
                    return Err(Error::InvalidArgument {
                        name: "method",
                        value: "fpop".to_owned().into(),
                        expected: "the change-in-mean cost for FPOP (use pelt for the others)",
                    });
                }
                match other {
                    Cost::Variance => run(
                        &VarianceCost::new(ys, mu),
                        &pb,
                        method,
                        max_changes,
                        progress,
                    ),
                    Cost::MeanVariance => run(
                        &MeanVarianceCost::new(ys),
                        &pb,
                        method,
                        max_changes,
                        progress,
                    ),
                    Cost::Trend => {
                        let c = TrendCost::new(ys);
                        match method {
                            Method::Auto | Method::Pelt => search::pelt_trend(&c, &pb, progress),
                            m => run(&c, &pb, m, max_changes, progress),
                        }
                    }
                    _ => run(&PoissonCost::new(ys)?, &pb, method, max_changes, progress),
                }
            }
        };
        let whole = Whole::new(self.cost, y, setup.mu);
        let whole_scaled = if setup.scale == 1.0 {
            whole
        } else {
            Whole::new(self.cost, ys, mu)
        };
        Segmentation::build(
            self.cost,
            (y, whole),
            (ys, whole_scaled, setup.scale),
            changes,
            resolved,
        )
    }
}

/// What every solve of one series shares.
#[derive(Clone, Copy, Debug)]
struct Setup {
    min_size: usize,
    mu: f64,
    /// The mean of the values ([`cost::mean`]).
    mean: f64,
    /// The power of two the searches multiply the values by ([`cost::search_scale`]).
    scale: f64,
}

fn run<C: SegmentCost>(
    c: &C,
    pb: &Problem,
    method: Method,
    max_changes: usize,
    progress: &mut dyn FnMut(usize, usize),
) -> Vec<usize> {
    match method {
        Method::Optimal => search::optimal_with(c, pb, progress),
        Method::BinSeg => search::binseg(c, pb, max_changes),
        Method::Auto | Method::Pelt | Method::Fpop => search::pelt(c, pb, progress),
    }
}

fn with_periods<P: Period>(
    observed: Vec<P>,
    values: Vec<f64>,
    segmentation: Segmentation,
) -> SeriesSegmentation<P> {
    let periods = segmentation
        .changes
        .iter()
        .filter_map(|&i| observed.get(i).copied())
        .collect();
    SeriesSegmentation {
        observed,
        values,
        periods,
        segmentation,
    }
}

/// The changes of [`segment`](ChangePoints::segment) as
/// [`Shift`](EventKind::Shift) events ([`SeriesSegmentation::events`]); a
/// series without observations has none.
impl<P: Period, U: Value> Detector<P, U> for ChangePoints {
    fn detect(&self, series: &Series<P, U>) -> Result<Vec<Event<P>>> {
        match self.segment(series) {
            Ok(s) => Ok(s.events()),
            Err(Error::NoObservations) => Ok(Vec::new()),
            Err(e) => Err(e),
        }
    }
}

/// The serde forms of the segmentations, checked on the way in: the
/// segments cover the observations without gaps, the changes are their
/// starts, the numbers are finite and the costs add up as stated.
#[cfg(feature = "serde")]
mod serde_check {
    use super::{Period, Segment};
    use crate::error::Error;

    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    pub(super) struct Segmentation {
        n: usize,
        changes: Vec<usize>,
        segments: Vec<Segment>,
        fit_cost: f64,
        cost: f64,
        penalty: f64,
    }

    fn invalid(what: &'static str) -> Error {
        Error::InvalidArgument {
            name: "segmentation",
            value: what.to_owned().into(),
            expected: "segments covering 0..n in order, changes at their starts, finite costs",
        }
    }

    impl TryFrom<Segmentation> for super::Segmentation {
        type Error = Error;

        fn try_from(r: Segmentation) -> Result<super::Segmentation, Error> {
            let mut at = 0;
            for s in &r.segments {
                if s.start != at || s.end <= s.start {
                    return Err(invalid("segments out of order"));
                }
                let finite = |v: Option<f64>| v.is_none_or(f64::is_finite);
                if !(s.mean.is_finite()
                    && s.cost.is_finite()
                    && finite(s.variance)
                    && finite(s.slope))
                {
                    return Err(invalid("a non-finite fit"));
                }
                at = s.end;
            }
            let starts: Vec<usize> = r.segments.iter().skip(1).map(|s| s.start).collect();
            if at != r.n || starts != r.changes {
                return Err(invalid("changes that are not the segments' starts"));
            }
            let fit: f64 = r.segments.iter().map(|s| s.cost).sum();
            if fit != r.fit_cost || !(r.cost.is_finite() && r.penalty.is_finite()) {
                return Err(invalid("costs that do not add up"));
            }
            Ok(super::Segmentation {
                n: r.n,
                changes: r.changes,
                segments: r.segments,
                fit_cost: r.fit_cost,
                cost: r.cost,
                penalty: r.penalty,
            })
        }
    }

    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields, bound(deserialize = "P: serde::Deserialize<'de>"))]
    pub(super) struct SeriesSegmentation<P: Period> {
        observed: Vec<P>,
        values: Vec<f64>,
        periods: Vec<P>,
        segmentation: super::Segmentation,
    }

    impl<P: Period> TryFrom<SeriesSegmentation<P>> for super::SeriesSegmentation<P> {
        type Error = Error;

        fn try_from(r: SeriesSegmentation<P>) -> Result<super::SeriesSegmentation<P>, Error> {
            let n = r.segmentation.len();
            let increasing = r
                .observed
                .iter()
                .zip(r.observed.iter().skip(1))
                .all(|(a, b)| a < b);
            let periods: Vec<P> = r
                .segmentation
                .changes()
                .iter()
                .filter_map(|&i| r.observed.get(i).copied())
                .collect();
            if r.observed.len() != n
                || r.values.len() != n
                || !increasing
                || periods != r.periods
                || !r.values.iter().all(|v| v.is_finite())
            {
                return Err(invalid(
                    "periods or values that do not match the segmentation",
                ));
            }
            Ok(super::SeriesSegmentation {
                observed: r.observed,
                values: r.values,
                periods: r.periods,
                segmentation: r.segmentation,
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// ruptures PR #383: with L = 2 and β = 0.1, PELT implementations that
    /// prune at once return a change at 2 (cost 1.2667) where no change (1.2) is optimal.
    #[test]
    fn pelt_is_exact_under_a_minimum_segment_length() -> Result<()> {
        let y = [0.0, 1.0, 0.0, 0.0, 1.0];
        for method in [Method::Optimal, Method::Pelt, Method::Fpop] {
            let seg = ChangePoints::new(Cost::Mean)
                .penalty(Penalty::Manual(0.1))
                .min_size(2)
                .method(method)
                .segment_slice(&y)?;
            assert_eq!(seg.changes(), [] as [usize; 0], "{method:?}");
            assert!((seg.cost() - 1.2).abs() < 1e-12, "{method:?}");
        }
        Ok(())
    }

    /// A constant series has a one-point domain of means; FPOP must keep its
    /// candidate there (found by proptest: `[0, 0]`, β = 0.54 gave a change).
    #[test]
    fn fpop_on_a_constant_series() -> Result<()> {
        for y in [vec![0.0, 0.0], vec![3.0; 7]] {
            let seg = ChangePoints::new(Cost::Mean)
                .penalty(Penalty::Manual(0.54))
                .method(Method::Fpop)
                .segment_slice(&y)?;
            assert!(seg.changes().is_empty());
            assert_eq!(seg.cost(), 0.0);
        }
        Ok(())
    }

    #[test]
    fn conventions_convert() -> Result<()> {
        let y = [0.0, 0.0, 0.0, 9.0, 9.0, 9.0, 9.0];
        let seg = ChangePoints::new(Cost::Mean)
            .penalty(Penalty::Manual(1.0))
            .segment_slice(&y)?;
        assert_eq!(seg.changes(), [3]);
        assert_eq!(seg.ruptures_breakpoints(), [3, 7]);
        assert_eq!(seg.r_cpts(), [3]);
        assert_eq!(seg.segments()[0].len(), 3);
        Ok(())
    }

    #[test]
    fn fpop_only_for_the_mean() {
        let r = ChangePoints::new(Cost::MeanVariance)
            .method(Method::Fpop)
            .segment_slice(&[1.0, 2.0, 3.0, 4.0]);
        assert!(matches!(
            r,
            Err(Error::InvalidArgument { name: "method", .. })
        ));
    }
}
