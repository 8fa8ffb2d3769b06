//! What the decompositions and filters return, and how they treat missing values.

use crate::error::{Error, Operation, Result, UndefinedReason};
use crate::period::Period;
use crate::series::Series;

/// How the seasonal component combines with the rest.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Model {
    /// `observed = trend + seasonal + remainder`; the seasonal component is in
    /// the series' own unit and the adjusted series is `observed − seasonal`.
    #[default]
    Additive,
    /// `observed = trend × seasonal × remainder`; the seasonal component is a
    /// factor around 1 and the adjusted series is `observed / seasonal`. Needs
    /// every value positive.
    Multiplicative,
}

/// What a decomposition or filter does with a missing value inside the series.
///
/// statsmodels' STL turns a single NaN into an all-NaN result without a word,
/// and its `seasonal_decompose` refuses missing values. Here the default is to
/// refuse, naming the period; interpolation is something the caller asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Missing {
    /// Any missing value is an [`Error::Undefined`] naming its period.
    #[default]
    Reject,
    /// Missing values between two observations are filled by linear
    /// interpolation before fitting (the filled periods are reported by
    /// [`Decomposition::filled`]); a missing first or last value is still an
    /// error, since filling it would be extrapolation.
    Interpolate,
}

/// The values of `series` ready for a filter: finite, none missing.
///
/// Returns the values and the positions that were filled by interpolation.
pub(crate) fn prepare<P: Period>(
    series: &Series<P>,
    missing: Missing,
    operation: Operation,
) -> Result<(Vec<f64>, Vec<usize>)> {
    let x = series.raw();
    if x.is_empty() {
        return Err(Error::NoObservations);
    }
    let undefined = |i: usize| Error::Undefined {
        operation,
        period: series.period(i).into(),
        reason: UndefinedReason::MissingValue,
    };
    let Some(first_gap) = x.iter().position(|v| v.is_nan()) else {
        return Ok((x.to_vec(), Vec::new()));
    };
    if missing == Missing::Reject || first_gap == 0 {
        return Err(undefined(first_gap));
    }
    if x.last().is_some_and(|v| v.is_nan()) {
        return Err(undefined(x.len() - 1));
    }
    let mut out = x.to_vec();
    let mut filled = Vec::new();
    let mut last_valid = first_gap - 1;
    for (i, &xi) in x.iter().enumerate().skip(first_gap) {
        if xi.is_nan() {
            filled.push(i);
            continue;
        }
        if i > last_valid + 1 {
            let (a, b) = (x.get(last_valid).copied().unwrap_or(xi), xi);
            let span = (i - last_valid) as f64;
            let gap = out.get_mut(last_valid + 1..i).unwrap_or_default();
            for (k, slot) in gap.iter_mut().enumerate() {
                *slot = a + (b - a) * ((k + 1) as f64 / span);
            }
        }
        last_valid = i;
    }
    Ok((out, filled))
}

/// Natural logarithms for a multiplicative model, refusing non-positive values.
pub(crate) fn logs<P: Period>(
    series: &Series<P>,
    x: &mut [f64],
    operation: Operation,
) -> Result<()> {
    for (i, v) in x.iter_mut().enumerate() {
        if *v <= 0.0 {
            let period = series.period(i).into();
            return Err(Error::Undefined {
                operation,
                period,
                reason: UndefinedReason::NonPositiveLog(period),
            });
        }
        *v = v.ln();
    }
    Ok(())
}

/// A series split into trend, seasonal and remainder components, as returned
/// by [`Stl`](crate::seasonal::Stl) and [`Classical`](crate::seasonal::Classical).
///
/// ```text
/// additive:        observed = trend + seasonal + remainder
/// multiplicative:  observed = trend × seasonal × remainder
/// ```
///
/// Every component spans the periods of the input. A component is missing
/// only where the method leaves it undefined (the ends of a classical moving
/// average trend); STL defines all of them.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(
        deny_unknown_fields,
        try_from = "serde_check::Decomposition<P>",
        bound(deserialize = "P: serde::Deserialize<'de>")
    )
)]
pub struct Decomposition<P: Period> {
    model: Model,
    observed: Series<P>,
    trend: Series<P>,
    seasonal: Series<P>,
    remainder: Series<P>,
    weights: Option<Series<P>>,
    filled: Vec<P>,
}

impl<P: Period> Decomposition<P> {
    /// Assembles a decomposition from raw components on the scale of `model`
    /// (already exponentiated for a multiplicative model).
    pub(crate) fn new(
        model: Model,
        observed: &Series<P>,
        values: Vec<f64>,
        parts: [Vec<f64>; 3],
        weights: Option<Vec<f64>>,
        filled: &[usize],
    ) -> Decomposition<P> {
        let start = observed.start();
        let [trend, seasonal, remainder] = parts;
        Decomposition {
            model,
            observed: Series::from_raw(start, values),
            trend: Series::from_raw(start, trend),
            seasonal: Series::from_raw(start, seasonal),
            remainder: Series::from_raw(start, remainder),
            weights: weights.map(|w| Series::from_raw(start, w)),
            filled: filled.iter().map(|&i| observed.period(i)).collect(),
        }
    }

    /// Additive or multiplicative.
    pub fn model(&self) -> Model {
        self.model
    }

    /// The series that was decomposed, with any interpolated values filled in.
    pub fn observed(&self) -> &Series<P> {
        &self.observed
    }

    /// The trend(-cycle) component.
    pub fn trend(&self) -> &Series<P> {
        &self.trend
    }

    /// The seasonal component: an amount (additive) or a factor around 1
    /// (multiplicative).
    pub fn seasonal(&self) -> &Series<P> {
        &self.seasonal
    }

    /// What trend and season leave: a difference (additive) or a ratio
    /// around 1 (multiplicative).
    pub fn remainder(&self) -> &Series<P> {
        &self.remainder
    }

    /// STL's robustness weights (1 for an ordinary point, 0 for an outlier),
    /// if the fit was robust.
    pub fn robust_weights(&self) -> Option<&Series<P>> {
        self.weights.as_ref()
    }

    /// The periods whose values were filled by interpolation
    /// ([`Missing::Interpolate`]); empty otherwise.
    pub fn filled(&self) -> &[P] {
        &self.filled
    }

    /// The seasonally adjusted series: `observed − seasonal` (additive) or
    /// `observed / seasonal` (multiplicative).
    ///
    /// Month-on-month changes of this series, unlike those of the raw one,
    /// are not dominated by the calendar.
    pub fn adjusted(&self) -> Series<P> {
        let x = self.observed.raw();
        let s = self.seasonal.raw();
        let out = x
            .iter()
            .zip(s)
            .map(|(&x, &s)| match self.model {
                Model::Additive => x - s,
                Model::Multiplicative => x / s,
            })
            .collect();
        Series::from_raw(self.observed.start(), out)
    }

    /// Strength of seasonality in `[0, 1]` (Wang, Smith and Hyndman 2006):
    /// near 0 when the seasonal component is small beside the remainder, near
    /// 1 when it dominates. Computed on logs for a multiplicative model, over
    /// the periods where both components are defined.
    ///
    /// ```text
    /// F_S = max(0, 1 − Var(remainder) / Var(seasonal + remainder))
    /// ```
    ///
    /// A strongly seasonal series needs adjusting before its month-on-month
    /// changes mean anything: US imports from China, not seasonally adjusted,
    /// score 0.83 with STL's defaults; US real GDP, adjusted at the source,
    /// 0.32 (STL always finds some pattern in noise, so values of that order
    /// mean "no seasonality to speak of").
    pub fn seasonal_strength(&self) -> f64 {
        strength(self.model, self.seasonal.raw(), self.remainder.raw())
    }

    /// Strength of the trend in `[0, 1]`, the same measure with the trend in
    /// place of the seasonal component.
    ///
    /// ```text
    /// F_T = max(0, 1 − Var(remainder) / Var(trend + remainder))
    /// ```
    pub fn trend_strength(&self) -> f64 {
        strength(self.model, self.trend.raw(), self.remainder.raw())
    }
}

/// `max(0, 1 − Var(r) / Var(c + r))` over the slots where both are present.
fn strength(model: Model, component: &[f64], remainder: &[f64]) -> f64 {
    let scale = |v: f64| match model {
        Model::Additive => v,
        Model::Multiplicative => v.ln(),
    };
    let scaled: Vec<(f64, f64)> = component
        .iter()
        .zip(remainder)
        .filter(|(c, r)| !c.is_nan() && !r.is_nan())
        .map(|(&c, &r)| (scale(c), scale(r)))
        .collect();
    // The ratio of variances does not change when both are divided by the
    // largest magnitude, which keeps the squares of values near f64::MAX finite.
    let big = scaled
        .iter()
        .map(|&(c, r)| c.abs().max(r.abs()))
        .fold(0.0, f64::max);
    let unit = if big.is_finite() && big > 0.0 {
        big
    } else {
        1.0
    };
    let pairs: Vec<(f64, f64)> = scaled
        .iter()
        .map(|&(c, r)| (r / unit, c / unit + r / unit))
        .collect();
    let var = |f: fn(&(f64, f64)) -> f64| {
        let n = pairs.len() as f64;
        let mean = pairs.iter().map(f).sum::<f64>() / n;
        pairs.iter().map(|p| (f(p) - mean).powi(2)).sum::<f64>()
    };
    if pairs.len() < 2 {
        return 0.0;
    }
    let total = var(|p| p.1);
    if total.is_nan() || total <= 0.0 {
        return 0.0;
    }
    let strength = 1.0 - var(|p| p.0) / total;
    if strength.is_nan() {
        0.0
    } else {
        strength.clamp(0.0, 1.0)
    }
}

/// A series split into a smooth trend and the cycle around it, as returned by
/// the Hodrick–Prescott and Hamilton filters.
///
/// ```text
/// observed = trend + cycle
/// ```
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(
        deny_unknown_fields,
        try_from = "serde_check::TrendCycle<P>",
        bound(deserialize = "")
    )
)]
pub struct TrendCycle<P: Period> {
    trend: Series<P>,
    cycle: Series<P>,
}

impl<P: Period> TrendCycle<P> {
    pub(crate) fn new(start: P, trend: Vec<f64>, cycle: Vec<f64>) -> TrendCycle<P> {
        TrendCycle {
            trend: Series::from_raw(start, trend),
            cycle: Series::from_raw(start, cycle),
        }
    }

    /// The trend.
    pub fn trend(&self) -> &Series<P> {
        &self.trend
    }

    /// The cycle: observed minus trend.
    pub fn cycle(&self) -> &Series<P> {
        &self.cycle
    }
}

/// The serde forms of the decompositions, checked on the way in: every
/// component spans the observed periods.
#[cfg(feature = "serde")]
mod serde_check {
    use super::{Model, Period, Series};
    use crate::error::Error;

    fn invalid() -> Error {
        Error::InvalidArgument {
            name: "decomposition",
            value: "components of other spans".to_owned().into(),
            expected: "every component over the observed periods",
        }
    }

    fn same_span<P: Period>(a: &Series<P>, b: &Series<P>) -> bool {
        a.start() == b.start() && a.len() == b.len()
    }

    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields, bound(deserialize = "P: serde::Deserialize<'de>"))]
    pub(super) struct Decomposition<P: Period> {
        model: Model,
        observed: Series<P>,
        trend: Series<P>,
        seasonal: Series<P>,
        remainder: Series<P>,
        weights: Option<Series<P>>,
        filled: Vec<P>,
    }

    impl<P: Period> TryFrom<Decomposition<P>> for super::Decomposition<P> {
        type Error = Error;

        fn try_from(r: Decomposition<P>) -> Result<super::Decomposition<P>, Error> {
            let o = &r.observed;
            let spans = [&r.trend, &r.seasonal, &r.remainder]
                .into_iter()
                .chain(&r.weights)
                .all(|c| same_span(o, c));
            if !spans || !r.filled.iter().all(|p| o.get(*p).is_some()) {
                return Err(invalid());
            }
            Ok(super::Decomposition {
                model: r.model,
                observed: r.observed,
                trend: r.trend,
                seasonal: r.seasonal,
                remainder: r.remainder,
                weights: r.weights,
                filled: r.filled,
            })
        }
    }

    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields, bound(deserialize = ""))]
    pub(super) struct TrendCycle<P: Period> {
        trend: Series<P>,
        cycle: Series<P>,
    }

    impl<P: Period> TryFrom<TrendCycle<P>> for super::TrendCycle<P> {
        type Error = Error;

        fn try_from(r: TrendCycle<P>) -> Result<super::TrendCycle<P>, Error> {
            if !same_span(&r.trend, &r.cycle) {
                return Err(invalid());
            }
            Ok(super::TrendCycle {
                trend: r.trend,
                cycle: r.cycle,
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Month;

    #[test]
    fn interpolation_policy() {
        let m = Month::new(2025, 1).unwrap();
        let s = Series::<Month>::from_options(m, [Some(1.0), None, None, Some(4.0), Some(5.0)])
            .unwrap();
        let e = prepare(&s, Missing::Reject, Operation::Stl).unwrap_err();
        assert_eq!(
            e.to_string(),
            "STL is undefined at 2025-02: the value is missing"
        );
        let (x, filled) = prepare(&s, Missing::Interpolate, Operation::Stl).unwrap();
        assert_eq!(filled, [1, 2]);
        for (a, b) in x.iter().zip([1.0, 2.0, 3.0, 4.0, 5.0]) {
            assert!((a - b).abs() < 1e-15);
        }
        let edge = Series::<Month>::from_options(m, [Some(1.0), Some(2.0), None]).unwrap();
        let e = prepare(&edge, Missing::Interpolate, Operation::Hp).unwrap_err();
        assert_eq!(
            e.to_string(),
            "the HP filter is undefined at 2025-03: the value is missing"
        );
        assert!(matches!(
            prepare(&Series::<Month>::empty(m), Missing::Reject, Operation::Hp),
            Err(Error::NoObservations)
        ));
    }

    #[test]
    fn strength_extremes() {
        let s = [1.0, -1.0, 1.0, -1.0];
        assert_eq!(strength(Model::Additive, &s, &[0.0; 4]), 1.0);
        assert_eq!(strength(Model::Additive, &[0.0; 4], &s), 0.0);
        assert_eq!(strength(Model::Additive, &[0.0; 4], &[0.0; 4]), 0.0);
    }
}
