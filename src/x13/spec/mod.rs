//! The program's spec files, read into a typed run description
//! ([`X13Spec`]) that a library user can also build without spec text.
//!
//! Supported specs: `series` (inline `data=` or `file=` in free or
//! datevalue format, `start`, `period`, `span`, `modelspan`, `title`,
//! `name`), `transform`, `regression` (the variables of
//! [`regressors`](crate::x13::regressors), user regressors with
//! `usertype`), `arima`, `automdl`, `outlier`, `forecast`, `estimate` and
//! `x11`, each with the program's defaults. The grammar is the reference
//! manual's: `#` comments, quoted strings, parenthesised lists across lines,
//! case-insensitive names, dates `YYYY.MM`, `YYYY.Q` or `YYYY.mon`.
//!
//! Nothing is ignored: a spec or an argument of the program that this crate
//! does not implement ([`SpecProblem::UnsupportedSpec`],
//! [`SpecProblem::UnsupportedArgument`]), one the program does not have
//! either ([`SpecProblem::UnknownSpec`], [`SpecProblem::UnknownArgument`]),
//! and any bad value are errors naming the line.
//!
//! [`X13Spec::run`] runs `series`, `transform` (`none`, `log`, `auto`,
//! `power`) and its prior adjustments, a regARIMA model from `regression`
//! (with `aictest` of `td` and `easter`), `arima`, `estimate`, `forecast`
//! and `outlier`, and `x11`, as the program does; `automdl` is
//! [`SpecProblem::NeedsRegarima`] naming the spec and line, and an argument
//! of the model specs the run does not implement is
//! [`SpecProblem::UnsupportedArgument`].
//! [`X13Spec::x11_settings`] maps the `x11` spec onto [`X11`].
//!
//! # Example
//! ```
//! use econseries::x13::spec::X13Spec;
//! use econseries::seasonal::X11Mode;
//!
//! let spec = X13Spec::parse(r#"
//!   series { title = "demo"  start = 2001.jan  period = 12
//!            data = (1 2 3 4 5 6 7 8 9 10 11 12) }   # one year
//!   x11 { mode = add  sigmalim = (1.8, 2.8) }
//! "#)?;
//! assert_eq!(spec.series.data.len(), 12);
//! assert_eq!(spec.x11.as_ref().map(|x| x.mode), Some(X11Mode::Additive));
//! // An argument the crate does not implement is an error with its line.
//! let e = X13Spec::parse("series{start=2001.1 data=(1 2)}\nx11{ sfshort=yes }").unwrap_err();
//! assert_eq!(e.to_string(), "spec file line 2: argument sfshort of the x11 spec is not supported");
//! # Ok::<(), econseries::Error>(())
//! ```

mod convert;
mod model;
mod parts;
mod run;
mod syntax;

use std::path::Path;

pub use model::Component;
pub use parts::{
    AicTest, ArimaModel, ArimaSpec, AutomdlSpec, CenterUser, Coefficient, EstimateSpec, Exact,
    FinalAdjust, ForecastSpec, OutlierMethod, OutlierSpec, OutlierType, PriorAdjust,
    RegressionSpec, SeasonalMa, SeriesSpec, SpanLimits, TransformFunction, TransformSpec,
    UserRegressor, UserType, X11Spec,
};
pub use run::X13Run;

use crate::error::{Error, Result, SpecProblem};
use crate::period::{Frequency, Period};
use crate::seasonal::{SeasonalFilter, X11, X11Fit};
use crate::series::Series;
use crate::x13::regressors::{Span, SpecDate};

/// Inputs larger than this are refused before lexing (the program itself
/// refuses more than 1,020 data values and lines over 132 characters).
const MAX_SPEC_BYTES: usize = 64 << 20;

/// A typed X-13 run: the specs of a spec file, each `None` when absent.
/// [`X13Spec::parse`] produces it from spec text; the builder methods
/// produce the same value from Rust.
///
/// # Example
/// ```
/// use econseries::x13::{regressors::{Regressors, SpecDate, Variable}, spec::*};
///
/// let data: Vec<f64> = (0..48).map(|i| 100.0 + (i % 12) as f64).collect();
/// let text: Vec<String> = data.iter().map(f64::to_string).collect();
/// let parsed = X13Spec::parse(&format!(
///     "series{{start=2000.1 period=12 data=({})}}
///      transform{{function=log}}
///      regression{{variables=(td easter[8])}}
///      arima{{model=(0 1 1)(0 1 1)}}
///      forecast{{maxlead=24}}
///      x11{{}}",
///     text.join(" ")
/// ))?;
/// let built = X13Spec::new(SeriesSpec::new(SpecDate::new(2000, 1), 12, data))
///     .transform(TransformSpec::new(TransformFunction::Log))
///     .regression(RegressionSpec::new(Regressors::new([Variable::TradingDay, Variable::Easter(8)])))
///     .arima(ArimaSpec::new(ArimaModel::airline()))
///     .forecast(ForecastSpec::default().maxlead(24))
///     .x11(X11Spec::default());
/// assert_eq!(parsed, built);
/// # Ok::<(), econseries::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct X13Spec {
    /// `series`.
    pub series: SeriesSpec,
    /// `transform`.
    pub transform: Option<TransformSpec>,
    /// `regression`.
    pub regression: Option<RegressionSpec>,
    /// `arima`.
    pub arima: Option<ArimaSpec>,
    /// `automdl`.
    pub automdl: Option<AutomdlSpec>,
    /// `outlier`.
    pub outlier: Option<OutlierSpec>,
    /// `forecast`.
    pub forecast: Option<ForecastSpec>,
    /// `estimate`.
    pub estimate: Option<EstimateSpec>,
    /// `x11`.
    pub x11: Option<X11Spec>,
    /// Where each spec and argument was written, for errors found when the
    /// spec is run (empty for a built spec: its errors name line 0).
    lines: SpecLines,
}

/// The lines of a spec file's specs and arguments. Not part of what a run
/// means, so equal whatever they hold: a parsed spec equals the same run
/// built in Rust.
#[derive(Clone, Debug, Default)]
struct SpecLines(Vec<(String, Option<String>, u32)>);

impl PartialEq for SpecLines {
    fn eq(&self, _: &SpecLines) -> bool {
        true
    }
}

impl SpecLines {
    /// Whether the spec file gives `spec`'s `argument`.
    fn has(&self, spec: &str, argument: &str) -> bool {
        self.0
            .iter()
            .any(|(s, a, _)| s == spec && a.as_deref() == Some(argument))
    }

    /// The line of `spec`'s `argument`, else of `spec`, else 0.
    fn line(&self, spec: &str, argument: Option<&str>) -> u32 {
        let find = |arg: Option<&str>| {
            self.0
                .iter()
                .find(|(s, a, _)| s == spec && a.as_deref() == arg)
                .map(|(_, _, l)| *l)
        };
        argument
            .and_then(|a| find(Some(a)))
            .or_else(|| find(None))
            .unwrap_or(0)
    }
}

impl X13Spec {
    /// A run with only its data.
    pub fn new(series: SeriesSpec) -> X13Spec {
        X13Spec {
            series,
            transform: None,
            regression: None,
            arima: None,
            automdl: None,
            outlier: None,
            forecast: None,
            estimate: None,
            x11: None,
            lines: SpecLines::default(),
        }
    }

    /// With a `transform` spec.
    pub fn transform(mut self, t: TransformSpec) -> X13Spec {
        self.transform = Some(t);
        self
    }

    /// With a `regression` spec.
    pub fn regression(mut self, r: RegressionSpec) -> X13Spec {
        self.regression = Some(r);
        self
    }

    /// With an `arima` spec (and no `automdl`).
    pub fn arima(mut self, a: ArimaSpec) -> X13Spec {
        self.arima = Some(a);
        self.automdl = None;
        self
    }

    /// With an `automdl` spec (and no `arima`).
    pub fn automdl(mut self, a: AutomdlSpec) -> X13Spec {
        self.automdl = Some(a);
        self.arima = None;
        self
    }

    /// With an `outlier` spec.
    pub fn outlier(mut self, o: OutlierSpec) -> X13Spec {
        self.outlier = Some(o);
        self
    }

    /// With a `forecast` spec.
    pub fn forecast(mut self, f: ForecastSpec) -> X13Spec {
        self.forecast = Some(f);
        self
    }

    /// With an `estimate` spec.
    pub fn estimate(mut self, e: EstimateSpec) -> X13Spec {
        self.estimate = Some(e);
        self
    }

    /// With an `x11` spec.
    pub fn x11(mut self, x: X11Spec) -> X13Spec {
        self.x11 = Some(x);
        self
    }

    /// Reads spec text. A `file=` path is taken relative to the current
    /// directory, as the program does.
    ///
    /// # Errors
    /// [`Error::Spec`] naming the line of the first problem.
    pub fn parse(text: &str) -> Result<X13Spec> {
        X13Spec::parse_in(text, None)
    }

    /// Reads a spec file; its `file=` paths are taken relative to the spec
    /// file's directory (so that a spec and its data move together).
    ///
    /// # Errors
    /// [`Error::Io`] if the file cannot be read, else as
    /// [`parse`](X13Spec::parse).
    pub fn read(path: impl AsRef<Path>) -> Result<X13Spec> {
        let path = path.as_ref();
        let text = std::fs::read_to_string(path)?;
        X13Spec::parse_in(&text, path.parent())
    }

    /// Reads a spec template: a spec file whose `series` spec (or the
    /// whole spec) may leave out the data and `start`, which
    /// [`with_series`](X13Spec::with_series) fills in for each series of a
    /// panel.
    ///
    /// # Example
    /// ```
    /// use econseries::{Month, Series, x13::spec::X13Spec};
    ///
    /// let template = X13Spec::parse_template("transform{function=log} x11{mode=mult}")?;
    /// let s = Series::from_values(Month::new(2001, 1)?, (0..48).map(|i| 10.0 + (i % 12) as f64))?;
    /// let run = template.with_series(&s)?.run()?;
    /// assert_eq!(run.adjusted().len(), 48);
    /// # Ok::<(), econseries::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`parse`](X13Spec::parse), except for the missing data.
    pub fn parse_template(text: &str) -> Result<X13Spec> {
        X13Spec::parse_with(text, None, true)
    }

    /// Reads a spec template file (see
    /// [`parse_template`](X13Spec::parse_template)).
    ///
    /// # Errors
    /// [`Error::Io`] if the file cannot be read, else as
    /// [`parse_template`](X13Spec::parse_template).
    pub fn read_template(path: impl AsRef<Path>) -> Result<X13Spec> {
        let path = path.as_ref();
        let text = std::fs::read_to_string(path)?;
        X13Spec::parse_with(&text, path.parent(), true)
    }

    /// This spec with the data, `start` and `period` of `series`; a missing
    /// value becomes the spec's `missingcode`.
    ///
    /// # Errors
    /// [`Error::FrequencyMismatch`] if the spec gives a `period` other than
    /// the series' or the series is annual.
    pub fn with_series<P: Period>(&self, series: &Series<P>) -> Result<X13Spec> {
        let found = match P::PER_YEAR {
            12 => Frequency::Monthly,
            4 => Frequency::Quarterly,
            _ => Frequency::Annual,
        };
        let given = self.lines.line("series", Some("period")) != 0;
        if found == Frequency::Annual || (given && self.series.period != P::PER_YEAR) {
            return Err(Error::FrequencyMismatch {
                expected: if self.series.period == 4 {
                    Frequency::Quarterly
                } else {
                    Frequency::Monthly
                },
                found,
            });
        }
        let mut out = self.clone();
        let start = series.start();
        out.series.start = SpecDate::new(start.year(), start.position());
        out.series.period = P::PER_YEAR;
        let code = out.series.missing_code;
        out.series.data = series.values().map(|v| v.unwrap_or(code)).collect();
        Ok(out)
    }

    fn parse_in(text: &str, dir: Option<&Path>) -> Result<X13Spec> {
        X13Spec::parse_with(text, dir, false)
    }

    fn parse_with(text: &str, dir: Option<&Path>, template: bool) -> Result<X13Spec> {
        if text.len() > MAX_SPEC_BYTES {
            return Err(Error::InputTooLarge {
                limit: MAX_SPEC_BYTES as u64,
            });
        }
        let specs = syntax::parse(text)?;
        let last_line = u32::try_from(text.lines().count().max(1)).unwrap_or(u32::MAX);
        let mut lines = Vec::new();
        for s in &specs {
            lines.push((s.name.clone(), None, s.line));
            for a in &s.arguments {
                lines.push((s.name.clone(), Some(a.name.clone()), a.line));
            }
        }
        let mut spec = convert::convert(specs, dir, last_line, template)?;
        spec.lines = SpecLines(lines);
        Ok(spec)
    }

    /// The span of the data, after `series{span=}`: its dates and the
    /// values in it.
    ///
    /// # Errors
    /// [`Error::Spec`] (line 0: the value, not a line, is wrong) if the span
    /// lies outside the data or ends before it starts.
    pub fn data_in_span(&self) -> Result<(Span, &[f64])> {
        let s = &self.series;
        let all = Span::from_date(s.period, s.start, s.data.len())?;
        let Some(lim) = s.span else {
            return Ok((all, &s.data));
        };
        let from = lim.start.map_or(0, |d| all.offset(d));
        let to = lim.end.map_or(s.data.len() as i64 - 1, |d| all.offset(d));
        let bad = |d: Option<crate::x13::regressors::SpecDate>| Error::Spec {
            line: 0,
            problem: Box::new(SpecProblem::InvalidValue {
                spec: "series".to_owned().into(),
                argument: "span".to_owned().into(),
                value: d.map_or_else(String::new, |d| d.to_string()).into(),
                expected: "dates within the data, the first before the last",
            }),
        };
        if from < 0 || to >= s.data.len() as i64 || from > to {
            return Err(bad(if from < 0 || from > to {
                lim.start
            } else {
                lim.end
            }));
        }
        let (from, to) = (from as usize, to as usize);
        let values = s.data.get(from..=to).ok_or_else(|| bad(lim.start))?;
        Ok((
            Span::from_date(s.period, all.date(from), values.len())?,
            values,
        ))
    }

    /// The `x11` spec as [`X11`] settings (`None` without an `x11` spec):
    /// `mode`, `seasonalma`, `trendma`, `sigmalim`, `calendarsigma` and
    /// `sigmavec` map onto its builder; `appendfcst`, `appendbcst` and
    /// `final` concern the regARIMA extension and stay in [`X11Spec`].
    ///
    /// # Example
    /// ```
    /// use econseries::{seasonal::{SeasonalFilter, X11, X11Mode}, x13::spec::X13Spec};
    ///
    /// let spec = X13Spec::parse("series{start=1990.1 data=(1 2 3)} x11{mode=logadd seasonalma=s3x9 trendma=13}")?;
    /// let want = X11::new().mode(X11Mode::LogAdditive).seasonal_filter(SeasonalFilter::S3x9).trend_filter(13);
    /// assert_eq!(spec.x11_settings(), Some(want));
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn x11_settings(&self) -> Option<X11> {
        let x = self.x11.as_ref()?;
        let mut out = X11::new()
            .mode(x.mode)
            .sigma_limits(x.sigmalim.0, x.sigmalim.1)
            .calendar_sigma(x.calendarsigma);
        match &x.seasonalma {
            SeasonalMa::Default => {}
            SeasonalMa::All(f) => out = out.seasonal_filter(*f),
            SeasonalMa::PerPeriod(fs) => {
                let mut all = [SeasonalFilter::S3x3; 12];
                for (slot, f) in all.iter_mut().zip(fs) {
                    *slot = *f;
                }
                out = out.seasonal_filters(all);
            }
        }
        if let Some(t) = x.trendma {
            out = out.trend_filter(t);
        }
        Some(out)
    }

    /// The X-11 part of [`run`](X13Spec::run), for callers that want only
    /// its tables.
    ///
    /// # Errors
    /// As [`run`](X13Spec::run).
    pub fn x11_fit(&self) -> Result<X11Fit> {
        Ok(self.run()?.x11().clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::x13::regressors::SpecDate;

    fn problem(text: &str) -> (u32, SpecProblem) {
        match X13Spec::parse(text) {
            Err(Error::Spec { line, problem }) => (line, *problem),
            other => panic!("{text}: {other:?}"),
        }
    }

    #[test]
    fn defaults() {
        let s = X13Spec::parse(
            "series{start=1990.1 data=(1 2 3)} automdl{} outlier{} forecast{} estimate{} x11{}",
        )
        .unwrap();
        assert_eq!(s.automdl, Some(AutomdlSpec::default()));
        assert_eq!(
            s.automdl.as_ref().map(|a| (a.maxorder, a.maxdiff)),
            Some(((2, 1), (2, 1)))
        );
        assert_eq!(
            s.outlier.as_ref().map(|o| o.types.clone()),
            Some(vec![OutlierType::Ao, OutlierType::Ls])
        );
        assert_eq!(
            s.estimate.as_ref().map(|e| (e.tol, e.maxiter)),
            Some((1e-5, 1500))
        );
        assert_eq!(s.forecast.as_ref().map(|f| f.maxlead), Some(None));
        assert_eq!(s.series.period, 12);
    }

    #[test]
    fn problems_name_their_line() {
        let base = "series{start=1990.1 data=(1 2 3)}\n";
        for (text, line, want) in [
            (
                "seats{}",
                2,
                SpecProblem::UnsupportedSpec {
                    spec: "seats".into(),
                },
            ),
            ("foo{}", 2, SpecProblem::UnknownSpec { spec: "foo".into() }),
            (
                "x11{bogus=1}",
                2,
                SpecProblem::UnknownArgument {
                    spec: "x11".into(),
                    argument: "bogus".into(),
                },
            ),
            (
                "estimate{\nfix=yes}",
                3,
                SpecProblem::UnsupportedArgument {
                    spec: "estimate".into(),
                    argument: "fix".into(),
                },
            ),
            (
                "x11{}\nx11{}",
                3,
                SpecProblem::DuplicateSpec { spec: "x11".into() },
            ),
            (
                "x11{mode=add\nmode=mult}",
                3,
                SpecProblem::DuplicateArgument {
                    spec: "x11".into(),
                    argument: "mode".into(),
                },
            ),
        ] {
            let (l, p) = problem(&format!("{base}{text}"));
            assert_eq!((l, p), (line, want), "{text}");
        }
        let (l, p) = problem(&format!("{base}regression{{variables=(td\n easter[99])}}"));
        assert_eq!(l, 3);
        assert!(matches!(p, SpecProblem::Regressor(_)));
        let (l, _) = problem(&format!("{base}arima{{model=(0 1 1)}}\nautomdl{{}}"));
        assert_eq!(l, 3);
        let (_, p) = problem("x11{}");
        assert!(matches!(p, SpecProblem::Missing { .. }));
        let (_, p) = problem(&format!("{base}x11{{trendma=4}}"));
        assert!(matches!(p, SpecProblem::InvalidValue { .. }));
    }

    #[test]
    fn user_regressors_and_arima() {
        let s = X13Spec::parse(
            "series{start=2000.1 period=4 data=(1 2 3 4)}\n\
             regression{user=(a b) usertype=(holiday user) start=2000.1 data=(1 10 2 20 3 30 4 40)}\n\
             arima{model=(1 1 0)(0 1 1)4 ar=(0.5f) ma=( , 0.3)}",
        )
        .unwrap();
        let r = s.regression.unwrap();
        assert_eq!(r.user[0].values, [1.0, 2.0, 3.0, 4.0]);
        assert_eq!(r.user[1].values, [10.0, 20.0, 30.0, 40.0]);
        assert_eq!(
            (r.user[0].usertype, r.user[1].usertype),
            (UserType::Holiday(1), UserType::User)
        );
        let a = s.arima.unwrap();
        assert_eq!(a.model.period, Some(4));
        assert_eq!(
            a.ar,
            [Some(Coefficient {
                value: 0.5,
                fixed: true
            })]
        );
        assert_eq!(
            a.ma,
            [
                None,
                Some(Coefficient {
                    value: 0.3,
                    fixed: false
                })
            ]
        );
    }

    #[test]
    fn span_selects_data() {
        let s = X13Spec::parse("series{start=2000.11 data=(1 2 3 4 5) span=(2000.12, 2001.2)}")
            .unwrap();
        let (span, v) = s.data_in_span().unwrap();
        assert_eq!(
            (span.start(), v),
            (SpecDate::new(2000, 12), &[2.0, 3.0, 4.0][..])
        );
        let s = X13Spec::parse("series{start=2000.11 data=(1 2 3 4 5) span=(1999.1, )}").unwrap();
        assert!(s.data_in_span().is_err());
    }
}
