//! X-11 seasonal adjustment equal to the Census Bureau's X-13ARIMA-SEATS
//! program (build 62), without regARIMA: its `x11` spec with no `series`
//! pre-adjustment.
//!
//! The method is the one of the X-13ARIMA-SEATS Reference Manual and of
//! Ladiray and Quenneville, *Seasonal Adjustment with the X-11 Method*
//! (Springer, 2001): three iterations (B, C, D) of moving averages that
//! estimate trend-cycle, seasonal factors and irregular in turn, with
//! extreme values found from the irregular and replaced, the seasonal filter
//! chosen by the moving seasonality ratio and the Henderson filter by the I/C
//! ratio. Each file documents its part with formulas, and what the program
//! does that the published descriptions leave out, found by running the
//! program on real series and comparing every table it can save:
//!
//! | part | file |
//! |---|---|
//! | Henderson filters, Musgrave end weights, 2×12 average | `henderson.rs` |
//! | seasonal filters, end weights, normalisation | `seasonal_filter.rs` |
//! | extreme values, calendar sigma, Cochran's test | `extremes.rs` |
//! | I/C ratio and the choice of the trend filter | `trend_choice.rs` |
//! | moving seasonality ratio and the choice of the seasonal filter | `msr.rs` |
//! | the B, C and D iterations, the modes | `iterations.rs`, this file |
//! | M1–M11, Q, Q2, F-tests | `quality.rs` |
//!
//! Equality: on the real series of `tests/fixtures/x11/` (provenance in its
//! README), in every mode and with every seasonal filter option, D10, D11,
//! D12 and D13 agree with the program's saved tables within 1e-8 relative
//! (additive seasonal and irregular components, which cross zero, relative
//! to their largest magnitude), the filters chosen are the same, and M1–M11,
//! Q and Q2 equal the program's three-decimal figures.
//!
//! Not supported: `msr` for some months and a fixed filter for others (the
//! program then replaces extreme SI ratios in D9 by a rule that could not be
//! matched); regARIMA pre-adjustment, trading-day and holiday effects.

mod extremes;
mod henderson;
mod iterations;
mod msr;
mod quality;
mod seasonal_filter;
mod table;
mod trend_choice;

pub use table::Table;

use std::sync::OnceLock;

use crate::error::{Error, Operation, Result, UndefinedReason};
use crate::indicator::{Metadata, SeasonalAdjustment};
use crate::period::{AnyPeriod, Period};
use crate::series::Series;
use henderson::Henderson;
use iterations::{Calendar, Kind, Plan, Used};
use seasonal_filter::Filter;

/// How the components combine.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum X11Mode {
    /// `Y = T × S × I` (the program's default, `mode=mult`); seasonal and
    /// irregular are factors around 1. Needs positive values.
    #[default]
    Multiplicative,
    /// `Y = T + S + I` (`mode=add`).
    Additive,
    /// `Y = T × (S + I − 1)` (`mode=pseudoadd`), for series with values near
    /// zero in some months. Needs values that are not negative.
    PseudoAdditive,
    /// `ln Y = ln T + ln S + ln I` (`mode=logadd`): the additive method on
    /// logarithms, with the trend corrected for the bias of the
    /// exponential. Needs positive values.
    LogAdditive,
}

impl X11Mode {
    /// The operation errors name for this mode.
    const fn operation(self) -> Operation {
        match self {
            X11Mode::Multiplicative => Operation::X11Multiplicative,
            X11Mode::Additive => Operation::X11,
            X11Mode::PseudoAdditive => Operation::X11PseudoAdditive,
            X11Mode::LogAdditive => Operation::X11LogAdditive,
        }
    }

    /// The program's name: `mult`, `add`, `pseudoadd`, `logadd`.
    pub const fn name(self) -> &'static str {
        match self {
            X11Mode::Multiplicative => "mult",
            X11Mode::Additive => "add",
            X11Mode::PseudoAdditive => "pseudoadd",
            X11Mode::LogAdditive => "logadd",
        }
    }
}

impl std::fmt::Display for X11Mode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(match self {
            X11Mode::Multiplicative => "multiplicative",
            X11Mode::Additive => "additive",
            X11Mode::PseudoAdditive => "pseudo-additive",
            X11Mode::LogAdditive => "log-additive",
        })
    }
}

impl std::str::FromStr for X11Mode {
    type Err = Error;
    fn from_str(s: &str) -> Result<X11Mode> {
        match s.trim().to_ascii_lowercase().as_str() {
            "mult" | "multiplicative" => Ok(X11Mode::Multiplicative),
            "add" | "additive" => Ok(X11Mode::Additive),
            "pseudoadd" | "pseudo-additive" => Ok(X11Mode::PseudoAdditive),
            "logadd" | "log-additive" => Ok(X11Mode::LogAdditive),
            _ => Err(Error::InvalidArgument {
                name: "mode",
                value: s.to_owned().into(),
                expected: "mult, add, pseudoadd or logadd",
            }),
        }
    }
}

/// A seasonal filter option, as the program's `seasonalma` names them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum SeasonalFilter {
    /// The program's default: 3×3 for the first and 3×5 for the second
    /// estimate of the B and C iterations, and for D10 the filter the moving
    /// seasonality ratio picks (3×3, 3×5 or 3×9).
    #[default]
    Msr,
    /// X-11's classic choice: 3×3 first, 3×5 second in every iteration.
    X11Default,
    /// A 3-term average of the month's values.
    S3x1,
    /// A 3×3 moving average.
    S3x3,
    /// A 3×5 moving average.
    S3x5,
    /// A 3×9 moving average.
    S3x9,
    /// A 3×15 moving average (stable for a month with fewer than 20 values).
    S3x15,
    /// The month's mean over the whole series.
    Stable,
}

impl SeasonalFilter {
    /// The program's name: `msr`, `x11default`, `s3x1`, …, `stable`.
    pub const fn name(self) -> &'static str {
        match self {
            SeasonalFilter::Msr => "msr",
            SeasonalFilter::X11Default => "x11default",
            SeasonalFilter::S3x1 => "s3x1",
            SeasonalFilter::S3x3 => "s3x3",
            SeasonalFilter::S3x5 => "s3x5",
            SeasonalFilter::S3x9 => "s3x9",
            SeasonalFilter::S3x15 => "s3x15",
            SeasonalFilter::Stable => "stable",
        }
    }

    fn from_filter(f: Filter) -> SeasonalFilter {
        match f {
            Filter::S3x1 => SeasonalFilter::S3x1,
            Filter::S3x3 => SeasonalFilter::S3x3,
            Filter::S3x5 => SeasonalFilter::S3x5,
            Filter::S3x9 => SeasonalFilter::S3x9,
            Filter::S3x15 => SeasonalFilter::S3x15,
            Filter::Stable => SeasonalFilter::Stable,
        }
    }

    /// The filters of the first and second estimates.
    fn pair(self) -> (Filter, Filter) {
        match self {
            SeasonalFilter::Msr | SeasonalFilter::X11Default => (Filter::S3x3, Filter::S3x5),
            SeasonalFilter::S3x1 => (Filter::S3x1, Filter::S3x1),
            SeasonalFilter::S3x3 => (Filter::S3x3, Filter::S3x3),
            SeasonalFilter::S3x5 => (Filter::S3x5, Filter::S3x5),
            SeasonalFilter::S3x9 => (Filter::S3x9, Filter::S3x9),
            SeasonalFilter::S3x15 => (Filter::S3x15, Filter::S3x15),
            SeasonalFilter::Stable => (Filter::Stable, Filter::Stable),
        }
    }
}

impl std::fmt::Display for SeasonalFilter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(self.name())
    }
}

impl std::str::FromStr for SeasonalFilter {
    type Err = Error;
    fn from_str(s: &str) -> Result<SeasonalFilter> {
        Ok(match s.trim().to_ascii_lowercase().as_str() {
            "msr" => SeasonalFilter::Msr,
            "x11default" => SeasonalFilter::X11Default,
            "s3x1" | "3x1" => SeasonalFilter::S3x1,
            "s3x3" | "3x3" => SeasonalFilter::S3x3,
            "s3x5" | "3x5" => SeasonalFilter::S3x5,
            "s3x9" | "3x9" => SeasonalFilter::S3x9,
            "s3x15" | "3x15" => SeasonalFilter::S3x15,
            "stable" => SeasonalFilter::Stable,
            _ => {
                return Err(Error::InvalidArgument {
                    name: "seasonal filter",
                    value: s.to_owned().into(),
                    expected: "msr, x11default, s3x1, s3x3, s3x5, s3x9, s3x15 or stable",
                });
            }
        })
    }
}

/// Where extreme values take their standard deviation from (the program's
/// `calendarsigma` and `sigmavec`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum CalendarSigma {
    /// Five-year moving spans of all months together (the default).
    #[default]
    None,
    /// Each month (quarter) separately, over the whole series.
    All,
    /// Each month separately when Cochran's test finds their variances
    /// unequal (`signif`).
    Significant,
    /// Two groups: the months marked `true` (January first; quarterly series
    /// use the first four entries) and the others (`select` with `sigmavec`).
    Select([bool; 12]),
}

/// X-11 seasonal adjustment settings: a by-value builder with the Census
/// program's options and defaults.
///
/// | setting | default | program |
/// |---|---|---|
/// | [`mode`](X11::mode) | multiplicative | `mode` |
/// | [`seasonal_filter`](X11::seasonal_filter), [`seasonal_filters`](X11::seasonal_filters) | MSR | `seasonalma` |
/// | [`trend_filter`](X11::trend_filter) | by the I/C ratio | `trendma` |
/// | [`sigma_limits`](X11::sigma_limits) | 1.5, 2.5 | `sigmalim` |
/// | [`calendar_sigma`](X11::calendar_sigma) | none | `calendarsigma`, `sigmavec` |
///
/// The input is a monthly or quarterly series of at least three years with
/// no missing value, positive in the multiplicative and log-additive modes
/// (not negative in the pseudo-additive one), of any length (the program
/// stops at 1,020 values).
///
/// # Example
/// ```
/// use econseries::{Month, Series, seasonal::{SeasonalFilter, X11}};
///
/// // Ten years of a rising series with a December peak and some noise.
/// let jan = Month::new(2015, 1)?;
/// let x = Series::from_values(jan, (0..120).map(|i| {
///     let season = if i % 12 == 11 { 1.3 } else { 0.97 };
///     (100.0 + i as f64) * season * (1.0 + 0.01 * ((i * 37 % 11) as f64 - 5.0) / 5.0)
/// }))?;
/// let sa = X11::new().fit(&x)?;
/// let dec = Month::new(2020, 12)?;
/// assert!(sa.seasonal().get(dec).ok_or("missing")? > 1.25);
/// // A seasonally adjusted December is close to its trend again.
/// let adj = sa.adjusted().get(dec).ok_or("missing")?;
/// assert!((adj / sa.trend().get(dec).ok_or("missing")? - 1.0).abs() < 0.02);
/// let d = sa.diagnostics();
/// assert!(d.q() < 1.0);
/// assert_eq!(X11::new().seasonal_filter(SeasonalFilter::S3x9).fit(&x)?.diagnostics().seasonal_filter(), SeasonalFilter::S3x9);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct X11 {
    mode: X11Mode,
    seasonal: SeasonalFilter,
    per_period: Option<[SeasonalFilter; 12]>,
    trend: Option<usize>,
    lower: f64,
    upper: f64,
    calendar: CalendarSigma,
    /// Trailing values that extend the series (regARIMA forecasts, X-13):
    /// left out of the trend filter's I/C ratios and the moving seasonality
    /// ratio, as the program does.
    forecasts: usize,
    /// Leading values that extend the series (regARIMA backcasts): with the
    /// forecasts, left out of the quality statistics (F2, F3).
    backcasts: usize,
}

impl Default for X11 {
    fn default() -> X11 {
        X11::new()
    }
}

impl X11 {
    /// The program's defaults: multiplicative, MSR, automatic Henderson
    /// filter, sigma limits 1.5 and 2.5, no calendar sigma.
    pub const fn new() -> X11 {
        X11 {
            mode: X11Mode::Multiplicative,
            seasonal: SeasonalFilter::Msr,
            per_period: None,
            trend: None,
            lower: 1.5,
            upper: 2.5,
            calendar: CalendarSigma::None,
            forecasts: 0,
            backcasts: 0,
        }
    }

    /// The series given to [`fit_slice`](X11::fit_slice) ends with `fore`
    /// forecasts (the X-13 program's regARIMA extension): the statistics
    /// that choose the filters leave them out, as the program does (found
    /// against build 62: its I/C ratios and moving seasonality ratio are
    /// those of the series without the forecasts, and with the backcasts).
    pub(crate) const fn forecast_extended(mut self, fore: usize) -> X11 {
        self.forecasts = fore;
        self
    }

    /// The series given to [`fit_slice`](X11::fit_slice) starts with `back`
    /// backcasts: the quality statistics (M1–M11, Q, Q2) leave them and the
    /// forecasts out, as the program computes them on the series' span.
    pub(crate) const fn backcast_extended(mut self, back: usize) -> X11 {
        self.backcasts = back;
        self
    }

    /// The decomposition mode.
    pub const fn mode(mut self, mode: X11Mode) -> X11 {
        self.mode = mode;
        self
    }

    /// One seasonal filter option for every month.
    pub const fn seasonal_filter(mut self, filter: SeasonalFilter) -> X11 {
        self.seasonal = filter;
        self.per_period = None;
        self
    }

    /// A seasonal filter for each month (January first) or quarter (the first
    /// four entries): the program's `seasonalma` with one entry per period.
    /// [`SeasonalFilter::Msr`] cannot be mixed with other options (an error
    /// from [`fit`](X11::fit)).
    pub const fn seasonal_filters(mut self, filters: [SeasonalFilter; 12]) -> X11 {
        self.per_period = Some(filters);
        self
    }

    /// A Henderson trend filter of fixed odd length (3 to 101, at most the
    /// series' length) instead of the automatic choice.
    pub const fn trend_filter(mut self, length: usize) -> X11 {
        self.trend = Some(length);
        self
    }

    /// The limits, in standard deviations of the irregular, below which a
    /// value keeps its full weight and beyond which it gets none (0 < lower ≤
    /// upper).
    pub const fn sigma_limits(mut self, lower: f64, upper: f64) -> X11 {
        self.lower = lower;
        self.upper = upper;
        self
    }

    /// Where extreme values take their standard deviation from.
    pub const fn calendar_sigma(mut self, calendar: CalendarSigma) -> X11 {
        self.calendar = calendar;
        self
    }

    /// Adjusts a monthly or quarterly series.
    ///
    /// # Errors
    /// - [`Error::Undefined`] naming the first missing period;
    /// - [`Error::NotPositive`] naming the first value that is zero or
    ///   negative in the multiplicative and log-additive modes, or negative in
    ///   the pseudo-additive mode;
    /// - [`Error::TooFewYears`] for fewer than three years of data, naming
    ///   the series' first and last periods;
    /// - [`Error::FrequencyMismatch`] for an annual series;
    /// - [`Error::InvalidArgument`] for an invalid setting (an even, too
    ///   short or too long trend filter, sigma limits out of order, MSR
    ///   mixed with other per-month filters).
    ///
    /// # Example
    /// ```
    /// use econseries::{Error, Quarter, Series, seasonal::{X11, X11Mode}};
    ///
    /// let q = Quarter::new(2020, 1)?;
    /// let x = Series::from_values(q, [5.0, 3.0, -1.0, 4.0, 6.0, 3.0, 1.0, 5.0, 6.0, 4.0, 1.0, 5.0])?;
    /// match X11::new().fit(&x) {
    ///     Err(Error::NotPositive { period, .. }) => assert_eq!(period, Some(Quarter::new(2020, 3)?.into())),
    ///     other => panic!("{other:?}"),
    /// }
    /// let sa = X11::new().mode(X11Mode::Additive).fit(&x)?;
    /// assert_eq!(sa.adjusted().len(), 12);
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn fit<P: Period>(&self, series: &Series<P>) -> Result<X11Adjustment<P>> {
        let period = match P::PER_YEAR {
            12 => 12,
            4 => 4,
            _ => {
                return Err(Error::FrequencyMismatch {
                    expected: crate::period::Frequency::Monthly,
                    found: P::FREQUENCY,
                });
            }
        };
        let start = series.start();
        let mut y = Vec::with_capacity(series.len());
        for (p, v) in series.iter() {
            match v {
                Some(v) => y.push(v),
                None => {
                    return Err(Error::Undefined {
                        operation: Operation::X11,
                        period: p.into(),
                        reason: UndefinedReason::MissingValue,
                    });
                }
            }
        }
        let first = (start.position() as usize).saturating_sub(1);
        let fit = self.run(&y, period, first).map_err(|e| match e {
            Failure::NotPositive { index, value } => Error::NotPositive {
                operation: self.mode.operation(),
                period: period_at(start, index),
                index,
                value,
                zero_allowed: self.mode == X11Mode::PseudoAdditive,
            },
            Failure::TooShort { got } => Error::TooFewYears {
                operation: Operation::X11,
                need: 3 * period,
                got,
                first: start.into(),
                last: series.end().unwrap_or(start).into(),
            },
            Failure::Other(e) => e,
        })?;
        Ok(X11Adjustment { start, fit })
    }

    /// Adjusts plain values: `period` 12 or 4, `first` the 0-based position
    /// of `y[0]` in its year. The kernel behind [`fit`](X11::fit), for panels
    /// and data that is not a calendar series.
    ///
    /// # Errors
    /// As [`fit`](X11::fit), with [`Error::InvalidArgument`] for a period
    /// other than 12 or 4 and [`Error::NonFinite`] for a NaN or infinite
    /// value; errors name positions instead of periods, and a series too
    /// short is [`Error::TooShort`].
    ///
    /// # Example
    /// ```
    /// use econseries::seasonal::{Table, X11};
    /// let y: Vec<f64> = (0..48).map(|i| (10.0 + i as f64) * [1.1, 0.9, 1.0, 1.0][i % 4]).collect();
    /// let fit = X11::new().fit_slice(&y, 4, 0)?;
    /// assert!((fit.table(Table::D10)[0] - 1.1).abs() < 0.02);
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn fit_slice(&self, y: &[f64], period: usize, first: usize) -> Result<X11Fit> {
        if period != 12 && period != 4 {
            return Err(Error::InvalidArgument {
                name: "period",
                value: period.to_string().into(),
                expected: "12 (monthly) or 4 (quarterly)",
            });
        }
        if let Some(v) = y.iter().find(|v| !v.is_finite()) {
            return Err(Error::NonFinite {
                value: *v,
                period: None,
            });
        }
        self.run(y, period, first % period).map_err(|e| match e {
            Failure::NotPositive { index, value } => Error::NotPositive {
                operation: self.mode.operation(),
                period: None,
                index,
                value,
                zero_allowed: self.mode == X11Mode::PseudoAdditive,
            },
            Failure::TooShort { got } => Error::TooShort {
                need: 3 * period,
                got,
            },
            Failure::Other(e) => e,
        })
    }

    fn plan(&self, period: usize, first: usize, n: usize) -> Result<Plan> {
        let bad = |name: &'static str, value: String, expected: &'static str| {
            Err(Error::InvalidArgument {
                name,
                value: value.into(),
                expected,
            })
        };
        if let Some(len) = self.trend {
            if len % 2 == 0 || !(3..=101).contains(&len) {
                return bad(
                    "trend filter",
                    len.to_string(),
                    "an odd length from 3 to 101",
                );
            }
            if len > n {
                return bad(
                    "trend filter",
                    len.to_string(),
                    "a length no longer than the series",
                );
            }
        }
        let ok = |x: f64| x.is_finite() && x > 0.0;
        if !ok(self.lower) || !ok(self.upper) || self.lower > self.upper {
            return bad(
                "sigma limits",
                format!("{},{}", self.lower, self.upper),
                "two positive limits, the lower no greater than the upper",
            );
        }
        let options: Vec<SeasonalFilter> = match self.per_period {
            Some(list) => list.iter().take(period).copied().collect(),
            None => vec![self.seasonal; period],
        };
        let mixed = options.iter().any(|f| Some(f) != options.first());
        if mixed && options.contains(&SeasonalFilter::Msr) {
            return bad(
                "seasonal filters",
                options
                    .iter()
                    .map(|f| f.name())
                    .collect::<Vec<_>>()
                    .join(","),
                "msr only for every month at once",
            );
        }
        let msr = !mixed && options.first() == Some(&SeasonalFilter::Msr);
        let kind = match self.mode {
            X11Mode::Multiplicative => Kind::Multiplicative,
            X11Mode::Additive | X11Mode::LogAdditive => Kind::Additive,
            X11Mode::PseudoAdditive => Kind::PseudoAdditive,
        };
        let calendar = match self.calendar {
            CalendarSigma::None => Calendar::None,
            CalendarSigma::All => Calendar::All,
            CalendarSigma::Significant => Calendar::Significant,
            CalendarSigma::Select(g) => Calendar::Groups(g.iter().take(period).copied().collect()),
        };
        Ok(Plan {
            period,
            first,
            kind,
            initial: options.iter().map(|f| f.pair().0).collect(),
            last: options.iter().map(|f| f.pair().1).collect(),
            mixed,
            msr,
            trend: self.trend,
            lower: self.lower,
            upper: self.upper,
            calendar,
            span: (0, n.saturating_sub(self.forecasts)),
            quality: (
                self.backcasts.min(n.saturating_sub(self.forecasts)),
                n.saturating_sub(self.forecasts),
            ),
            cochran_centre: if self.mode == X11Mode::Additive {
                0.0
            } else {
                1.0
            },
        })
    }

    fn run(&self, y: &[f64], period: usize, first: usize) -> std::result::Result<X11Fit, Failure> {
        let n = y.len();
        if n < 3 * period {
            return Err(Failure::TooShort { got: n });
        }
        let bad = y.iter().enumerate().find(|(_, v)| match self.mode {
            X11Mode::Multiplicative | X11Mode::LogAdditive => **v <= 0.0,
            X11Mode::PseudoAdditive => **v < 0.0,
            X11Mode::Additive => false,
        });
        if let Some((index, value)) = bad {
            return Err(Failure::NotPositive {
                index,
                value: *value,
            });
        }
        let plan = self.plan(period, first, n).map_err(Failure::Other)?;
        Ok(X11Fit::compute(y, &plan, self.mode))
    }
}

/// Why `run` failed, before the caller names positions.
enum Failure {
    NotPositive { index: usize, value: f64 },
    TooShort { got: usize },
    Other(Error),
}

fn period_at<P: Period>(start: P, index: usize) -> Option<AnyPeriod> {
    P::from_index(i64::from(start.index()) + index as i64)
        .ok()
        .map(Into::into)
}

/// The result of [`X11::fit_slice`]: every table as plain values, and the
/// diagnostics.
#[derive(Clone, Debug)]
pub struct X11Fit {
    mode: X11Mode,
    period: usize,
    b1: Vec<f64>,
    tables: iterations::Tables,
    d16: Vec<f64>,
    e: [Vec<f64>; 3],
    forecast: Vec<f64>,
    facts: Facts,
    diagnostics: OnceLock<X11Diagnostics>,
    /// The regARIMA model's calendar components (trading day, holiday) over
    /// the quality range, which X-11 did not see: the F2/F3 statistics
    /// count them.
    regression: Vec<Vec<f64>>,
    level_shift: Vec<f64>,
    outliers: Vec<f64>,
}

impl X11Fit {
    #[allow(clippy::indexing_slicing)]
    fn compute(y: &[f64], plan: &Plan, mode: X11Mode) -> X11Fit {
        let n = y.len();
        let p = plan.period;
        let logs: Vec<f64>;
        let input = if mode == X11Mode::LogAdditive {
            logs = y.iter().map(|v| v.ln()).collect();
            &logs
        } else {
            y
        };
        let run = iterations::run(input, plan);
        let mut t = run.tables;
        // D10A: a year ahead, S_T + (S_T − S_{T−1}) / 2 for each month.
        // Bounds: n ≥ 3p.
        let mut forecast: Vec<f64> = (n - p..n)
            .map(|i| t.d10[i] + (t.d10[i] - t.d10[i - p]) / 2.0)
            .collect();
        if mode == X11Mode::LogAdditive {
            for v in &mut forecast {
                *v = v.exp();
            }
            let sigma = (t.c13.iter().map(|v| v * v).sum::<f64>() / (2.0 * n as f64)).exp();
            let d10: Vec<f64> = t.d10.iter().map(|v| v.exp()).collect();
            // The trend's bias correction: the seasonal factors smoothed by a
            // 23-term (7-term) Henderson filter, times e^(Σ ln²I / 2n).
            let smooth = Henderson::new(2 * p - 1, 4.5).apply(&d10);
            t.d12 = t
                .d12
                .iter()
                .zip(&smooth)
                .map(|(c, s)| c.exp() * s * sigma)
                .collect();
            t.d11 = y.iter().zip(&d10).map(|(y, s)| y / s).collect();
            t.d13 = t.d11.iter().zip(&t.d12).map(|(a, c)| a / c).collect();
            t.d10 = d10;
        }
        let additive = mode == X11Mode::Additive;
        let neutral = if additive { 0.0 } else { 1.0 };
        let d16 = t.d10.clone();
        let zero = |i: usize| t.c17[i] == 0.0;
        let e1: Vec<f64> = (0..n)
            .map(|i| match (zero(i), additive) {
                (false, _) => y[i],
                (true, true) => y[i] - t.d13[i],
                (true, false) => y[i] / t.d13[i],
            })
            .collect();
        let e2: Vec<f64> = (0..n)
            .map(|i| if zero(i) { t.d12[i] } else { t.d11[i] })
            .collect();
        let e3: Vec<f64> = (0..n)
            .map(|i| if zero(i) { neutral } else { t.d13[i] })
            .collect();
        let used = match run.d10_filter {
            Used::One(f) => Some(SeasonalFilter::from_filter(f)),
            Used::PerPeriod => None,
        };
        // M6 counts when the final filter asked for is 3×5, even where a short
        // series made it stable, or when MSR chose 3×5 from a ratio.
        let asked_3x5 = !plan.msr && !plan.mixed && plan.last.first() == Some(&Filter::S3x5);
        let m6_counts =
            asked_3x5 || (plan.msr && used == Some(SeasonalFilter::S3x5) && !run.msr_by_default);
        // M8..M11 measure moving seasonality: left out when any month's
        // factors are stable.
        let stable = used == Some(SeasonalFilter::Stable)
            || (plan.mixed && plan.last.contains(&Filter::Stable));
        let facts = Facts {
            first: plan.first,
            kernel_mul: plan.kind != Kind::Additive,
            ratio: match plan.kind {
                Kind::Multiplicative => msr::Ratio::Multiplicative,
                Kind::Additive => msr::Ratio::Additive,
                Kind::PseudoAdditive => msr::Ratio::PseudoAdditive,
            },
            used,
            m6_counts,
            stable,
            msr_by_default: run.msr_by_default,
            ic: run.ic,
            trend_lengths: run.trend_lengths,
            span: plan.span,
            quality: plan.quality,
        };
        X11Fit {
            mode,
            period: p,
            b1: y.to_vec(),
            tables: t,
            d16,
            e: [e1, e2, e3],
            forecast,
            facts,
            diagnostics: OnceLock::new(),
            regression: Vec::new(),
            level_shift: Vec::new(),
            outliers: Vec::new(),
        }
    }

    /// Computes the diagnostics from the tables (on first use).
    #[allow(clippy::indexing_slicing)]
    fn compute_diagnostics(&self) -> X11Diagnostics {
        let t = &self.tables;
        let p = self.period;
        let f = &self.facts;
        let (a, b) = {
            let a = t.b3.iter().position(|v| !v.is_nan()).unwrap_or(0);
            let b = t.b3.iter().rposition(|v| !v.is_nan()).map_or(a, |i| i + 1);
            (a, b)
        };
        // Bounds: a ≤ b ≤ n from the positions above.
        let f_b1 = quality::stable_f(&t.b3[a..b], p);
        // The stable-seasonality F covers the span, the moving one the
        // backcasts too (its years' degrees of freedom in the program's D8.A).
        let (qa, qb) = f.quality;
        let f_stable = quality::stable_f(t.d8.get(qa..qb).unwrap_or(&t.d8), p);
        let f_moving = quality::moving_f(t.d8.get(..qb).unwrap_or(&t.d8), f.first, p, f.kernel_mul);
        let table = msr::msr_table(
            t.d9_series.get(f.span.0..f.span.1).unwrap_or(&t.d9_series),
            (f.first + f.span.0) % p,
            p,
            f.ratio,
        );
        let msr_raw = table.global();
        let msr = if msr_raw.is_finite() {
            msr_raw.min(999.99)
        } else {
            999.99
        };
        let ic = f.ic[2].unwrap_or(f64::NAN);
        let valid: Option<Vec<bool>> = (self.mode == X11Mode::PseudoAdditive).then(|| {
            self.b1
                .iter()
                .zip(&t.d11)
                .map(|(o, a)| *o > 0.0 && *a > 0.0)
                .collect()
        });
        let [e1, _, e3] = &self.e;
        let cut = |x: &'_ [f64]| -> Vec<f64> { x.get(qa..qb).unwrap_or(x).to_vec() };
        let (e1, e3, d10, d12, d13) = (cut(e1), cut(e3), cut(&t.d10), cut(&t.d12), cut(&t.d13));
        let valid = valid.map(|v| v.get(qa..qb).unwrap_or(&v).to_vec());
        let scores = quality::scores(&quality::Inputs {
            period: p,
            mul: self.mode != X11Mode::Additive,
            e1: &e1,
            e3: &e3,
            d10: &d10,
            d10_moving: t.d10.get(..qb).unwrap_or(&t.d10),
            d12: &d12,
            d13: &d13,
            regression: &self.regression,
            level_shift: &self.level_shift,
            outliers: &self.outliers,
            backcasts: qa,
            ic,
            msr,
            m6_counts: f.m6_counts,
            stable: f.stable,
            valid: valid.as_deref(),
            f_stable,
            f_moving,
        });
        X11Diagnostics {
            m: scores.m,
            q: scores.q,
            q2: scores.q2,
            msr,
            msr_by_period: table
                .irregular
                .iter()
                .zip(&table.seasonal)
                .map(|(i, s)| (*i, *s))
                .collect(),
            msr_by_default: f.msr_by_default,
            ic,
            ic_by_step: f.ic,
            trend_lengths: f.trend_lengths,
            seasonal: f.used,
            f_b1,
            f_stable,
            f_moving,
        }
    }

    /// The decomposition mode.
    pub fn mode(&self) -> X11Mode {
        self.mode
    }

    /// Periods per year: 12 or 4.
    pub fn period(&self) -> usize {
        self.period
    }

    /// A table, as long as the series; NaN where the table has no value (the
    /// ends of B2, B3, C2, C4, D2, D4; the values of B4, B9 and D9 that were
    /// not replaced).
    pub fn table(&self, table: Table) -> &[f64] {
        let t = &self.tables;
        match table {
            Table::B1 => &self.b1,
            Table::B2 => &t.b2,
            Table::B3 => &t.b3,
            Table::B4 => &t.b4,
            Table::B5 => &t.b5,
            Table::B6 => &t.b6,
            Table::B7 => &t.b7,
            Table::B8 => &t.b8,
            Table::B9 => &t.b9,
            Table::B10 => &t.b10,
            Table::B11 => &t.b11,
            Table::B13 => &t.b13,
            Table::B17 => &t.b17,
            Table::B20 => &t.b20,
            Table::C1 => &t.c1,
            Table::C2 => &t.c2,
            Table::C4 => &t.c4,
            Table::C5 => &t.c5,
            Table::C6 => &t.c6,
            Table::C7 => &t.c7,
            Table::C9 => &t.c9,
            Table::C10 => &t.c10,
            Table::C11 => &t.c11,
            Table::C13 => &t.c13,
            Table::C17 => &t.c17,
            Table::C20 => &t.c20,
            Table::D1 => &t.d1,
            Table::D2 => &t.d2,
            Table::D4 => &t.d4,
            Table::D5 => &t.d5,
            Table::D6 => &t.d6,
            Table::D7 => &t.d7,
            Table::D8 => &t.d8,
            Table::D9 => &t.d9,
            Table::D10 => &t.d10,
            Table::D11 => &t.d11,
            Table::D12 => &t.d12,
            Table::D13 => &t.d13,
            Table::D16 => &self.d16,
            Table::E1 => self.e.first().map_or(&[], |v| v.as_slice()),
            Table::E2 => self.e.get(1).map_or(&[], |v| v.as_slice()),
            Table::E3 => self.e.get(2).map_or(&[], |v| v.as_slice()),
        }
    }

    /// D10.A: the seasonal factors one year ahead, `S_T + (S_T − S_{T−1})/2`
    /// for each month (on logarithms in the log-additive mode).
    pub fn seasonal_forecast(&self) -> &[f64] {
        &self.forecast
    }

    /// The quality statistics and the filters chosen (computed on first
    /// use: an adjustment that never asks pays nothing for them).
    pub fn diagnostics(&self) -> &X11Diagnostics {
        self.diagnostics.get_or_init(|| self.compute_diagnostics())
    }

    /// The regression effects a regARIMA model removed before X-11, each
    /// over the series without its backcasts and forecasts, as factors or
    /// additive effects as the mode: the calendar components (trading day,
    /// holiday), the level shifts, and all outlier effects (AO, LS, TC
    /// combined). The quality statistics then describe
    /// the original series as the program's do (found against build 62):
    /// M1 weighs each calendar component beside the irregular, trend-cycle
    /// and seasonal changes; M2's original series has the calendar effects
    /// and level shifts (not the AO and TC effects), and the outliers'
    /// variance is left out of the original series'.
    pub(crate) fn with_regression_effects(
        mut self,
        calendar: Vec<Vec<f64>>,
        level_shift: Vec<f64>,
        outliers: Vec<f64>,
    ) -> X11Fit {
        self.regression = calendar;
        self.level_shift = level_shift;
        self.outliers = outliers;
        self.diagnostics = OnceLock::new();
        self
    }
}

/// What the diagnostics need to know of the run besides its tables.
#[derive(Clone, Debug)]
struct Facts {
    first: usize,
    kernel_mul: bool,
    ratio: msr::Ratio,
    used: Option<SeasonalFilter>,
    m6_counts: bool,
    stable: bool,
    msr_by_default: bool,
    ic: [Option<f64>; 3],
    trend_lengths: [usize; 4],
    /// The series without its regARIMA extension (X-13).
    span: (usize, usize),
    quality: (usize, usize),
}

/// The quality statistics (tables F2, F3), the moving seasonality ratio
/// (D9.A), the I/C ratios and the filters the adjustment used.
#[derive(Clone, Debug, PartialEq)]
pub struct X11Diagnostics {
    m: [Option<f64>; 11],
    q: f64,
    q2: f64,
    msr: f64,
    msr_by_period: Vec<(f64, f64)>,
    msr_by_default: bool,
    ic: f64,
    ic_by_step: [Option<f64>; 3],
    trend_lengths: [usize; 4],
    seasonal: Option<SeasonalFilter>,
    f_b1: f64,
    f_stable: f64,
    f_moving: f64,
}

impl X11Diagnostics {
    /// Quality statistic M`i` (1 to 11) as the program prints it, clipped to
    /// 0..3; `None` for M8 to M11 of a series under six years (and for `i`
    /// outside 1..=11).
    pub fn m(&self, i: usize) -> Option<f64> {
        self.m_unclipped(i).map(|v| v.clamp(0.0, 3.0))
    }

    /// M`i` before clipping.
    pub fn m_unclipped(&self, i: usize) -> Option<f64> {
        i.checked_sub(1)
            .and_then(|k| self.m.get(k).copied().flatten())
    }

    /// The overall quality Q (acceptable below 1).
    pub fn q(&self) -> f64 {
        self.q
    }

    /// Q without M2.
    pub fn q2(&self) -> f64 {
        self.q2
    }

    /// The moving seasonality ratio of D9.A (over every value; 999.99 when
    /// the seasonal factors do not move).
    pub fn msr(&self) -> f64 {
        self.msr
    }

    /// D9.A by month (quarter), January first: the irregular and seasonal
    /// averages whose ratio is the month's MSR.
    pub fn msr_by_period(&self) -> &[(f64, f64)] {
        &self.msr_by_period
    }

    /// True when the MSR settled nothing and 3×5 was used by default.
    pub fn msr_by_default(&self) -> bool {
        self.msr_by_default
    }

    /// The I/C ratio of the final trend (D12), as printed (not tripled for
    /// quarterly series).
    pub fn ic_ratio(&self) -> f64 {
        self.ic
    }

    /// The I/C ratios of C7, D7 and D12 (`None` for none).
    pub fn ic_ratios(&self) -> [Option<f64>; 3] {
        self.ic_by_step
    }

    /// The length of the Henderson filter of the final trend (D12).
    pub fn trend_filter(&self) -> usize {
        self.trend_lengths.get(3).copied().unwrap_or(0)
    }

    /// The Henderson lengths of B7, C7, D7 and D12.
    pub fn trend_filters(&self) -> [usize; 4] {
        self.trend_lengths
    }

    /// The seasonal filter of the final factors (D10): 3×3, 3×5 or 3×9 when
    /// chosen by MSR, stable where the series is too short for the filter
    /// asked for, [`SeasonalFilter::Msr`] never. A per-month choice reports
    /// [`SeasonalFilter::X11Default`] only if that was asked for every month;
    /// use [`seasonal_filter_mixed`](X11Diagnostics::seasonal_filter_mixed)
    /// to tell.
    pub fn seasonal_filter(&self) -> SeasonalFilter {
        self.seasonal.unwrap_or(SeasonalFilter::X11Default)
    }

    /// True when months had different seasonal filters.
    pub fn seasonal_filter_mixed(&self) -> bool {
        self.seasonal.is_none()
    }

    /// The F statistic for stable seasonality of B3 (the program's "B1
    /// table" test).
    pub fn stable_seasonality_b1(&self) -> f64 {
        self.f_b1
    }

    /// The F statistics for stable and moving seasonality of D8.
    pub fn seasonality_d8(&self) -> (f64, f64) {
        (self.f_stable, self.f_moving)
    }
}

/// An X-11 adjustment of a calendar series: the tables as series, the
/// diagnostics and the year-ahead seasonal factors.
#[derive(Clone, Debug)]
pub struct X11Adjustment<P: Period> {
    start: P,
    fit: X11Fit,
}

impl<P: Period> X11Adjustment<P> {
    fn series(&self, values: &[f64]) -> Series<P> {
        let opts = values.iter().map(|v| v.is_finite().then_some(*v));
        // The values are finite or None by construction.
        Series::from_options(self.start, opts).unwrap_or_else(|_| Series::empty(self.start))
    }

    /// D10, the final seasonal factors (around 1 in the multiplicative
    /// modes, around 0 in the additive one).
    pub fn seasonal(&self) -> Series<P> {
        self.table(Table::D10)
    }

    /// D11, the seasonally adjusted series.
    pub fn adjusted(&self) -> Series<P> {
        self.table(Table::D11)
    }

    /// D12, the final trend-cycle.
    pub fn trend(&self) -> Series<P> {
        self.table(Table::D12)
    }

    /// D13, the final irregular (around 1 or 0).
    pub fn irregular(&self) -> Series<P> {
        self.table(Table::D13)
    }

    /// Any table, missing where it has no value.
    pub fn table(&self, table: Table) -> Series<P> {
        self.series(self.fit.table(table))
    }

    /// D10.A: the seasonal factors for the year after the series ends.
    pub fn seasonal_forecast(&self) -> Series<P> {
        let next = self.start.index() as i64 + self.fit.b1.len() as i64;
        let start = P::from_index(next).unwrap_or(self.start);
        let opts = self
            .fit
            .forecast
            .iter()
            .map(|v| v.is_finite().then_some(*v));
        Series::from_options(start, opts).unwrap_or_else(|_| Series::empty(start))
    }

    /// The quality statistics and the filters chosen.
    pub fn diagnostics(&self) -> &X11Diagnostics {
        self.fit.diagnostics()
    }

    /// The decomposition mode.
    pub fn mode(&self) -> X11Mode {
        self.fit.mode
    }

    /// The plain-value result.
    pub fn as_fit(&self) -> &X11Fit {
        &self.fit
    }

    /// `metadata` of the raw series, marked as seasonally adjusted by X-11 in
    /// this mode: for the indicator built from [`adjusted`](Self::adjusted).
    ///
    /// # Example
    /// ```
    /// use econseries::{Metadata, Month, SeasonalAdjustment, Series, seasonal::{X11, X11Mode}};
    ///
    /// let x = Series::from_values(Month::new(2020, 1)?, (0..48).map(|i| 100.0 + (i % 12) as f64))?;
    /// let meta = Metadata::new("Imports", "US").with_seasonal_adjustment(SeasonalAdjustment::NotAdjusted);
    /// let sa = X11::new().fit(&x)?;
    /// assert_eq!(sa.metadata(&meta).seasonal_adjustment(), Some(SeasonalAdjustment::X11(X11Mode::Multiplicative)));
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn metadata(&self, metadata: &Metadata) -> Metadata {
        metadata
            .clone()
            .with_seasonal_adjustment(SeasonalAdjustment::X11(self.fit.mode))
    }
}
