//! The typed specs of a run, each with the program's defaults (X-13ARIMA-SEATS
//! reference manual, chapter 7; the automdl, estimate, forecast and outlier
//! defaults checked against what build 62 prints in its output).

use crate::seasonal::{CalendarSigma, SeasonalFilter, X11Mode};
use crate::x13::regressors::{Regressors, SpecDate};

/// A span of dates (`span=(1990.1, 2005.12)`); either end may be open.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct SpanLimits {
    /// The first date, or the series' first.
    pub start: Option<SpecDate>,
    /// The last date, or the series' last.
    pub end: Option<SpecDate>,
}

/// The `series` spec: the data and their dates.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct SeriesSpec {
    /// `title`.
    pub title: Option<String>,
    /// `name`.
    pub name: Option<String>,
    /// `start`: the date of the first value (the program's default is
    /// 1.1; a spec here must give it).
    pub start: SpecDate,
    /// `period`: 12 (default) or 4.
    pub period: u32,
    /// The values, from `data=` or `file=`.
    pub data: Vec<f64>,
    /// `span`: the part of the data to use.
    pub span: Option<SpanLimits>,
    /// `modelspan`: the part the regARIMA model is estimated on.
    pub modelspan: Option<SpanLimits>,
    /// `missingcode`: the value that stands for a missing one (−99999).
    pub missing_code: f64,
    /// `save`: tables to save.
    pub save: Vec<String>,
    /// `print`: tables to print (kept for the caller; nothing is printed).
    pub print: Vec<String>,
}

impl SeriesSpec {
    /// Monthly (`period` 12) or quarterly (4) values from `start`.
    ///
    /// # Example
    /// ```
    /// use econseries::x13::{regressors::SpecDate, spec::SeriesSpec};
    ///
    /// let s = SeriesSpec::new(SpecDate::new(2000, 1), 12, vec![1.0; 36]).title("demo");
    /// assert_eq!((s.period, s.data.len(), s.title.as_deref()), (12, 36, Some("demo")));
    /// ```
    pub fn new(start: SpecDate, period: u32, data: Vec<f64>) -> SeriesSpec {
        SeriesSpec {
            title: None,
            name: None,
            start,
            period,
            data,
            span: None,
            modelspan: None,
            missing_code: -99999.0,
            save: Vec::new(),
            print: Vec::new(),
        }
    }

    /// With a title.
    pub fn title(mut self, title: impl Into<String>) -> SeriesSpec {
        self.title = Some(title.into());
        self
    }

    /// With a span.
    pub fn span(mut self, start: Option<SpecDate>, end: Option<SpecDate>) -> SeriesSpec {
        self.span = Some(SpanLimits { start, end });
        self
    }
}

/// The transform `function`.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
#[non_exhaustive]
pub enum TransformFunction {
    /// `none` (default).
    #[default]
    None,
    /// `log`.
    Log,
    /// `auto`: log or none by the AICC test.
    Auto,
    /// `power=λ`: Box–Cox with that exponent.
    Power(f64),
}

/// A length-of-period or leap-year prior adjustment (`adjust`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum PriorAdjust {
    /// `lom` / `loq`.
    LengthOfPeriod,
    /// `lpyear`.
    LeapYear,
}

/// The `transform` spec.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct TransformSpec {
    /// `function` or `power`.
    pub function: TransformFunction,
    /// `adjust`.
    pub adjust: Option<PriorAdjust>,
    /// `aicdiff` of the automatic choice (−2).
    pub aicdiff: f64,
    /// `constant` added before transforming (0).
    pub constant: f64,
    /// `save`.
    pub save: Vec<String>,
    /// `print`.
    pub print: Vec<String>,
}

impl Default for TransformSpec {
    fn default() -> TransformSpec {
        TransformSpec::new(TransformFunction::None)
    }
}

impl TransformSpec {
    /// A transform with the program's other defaults.
    pub fn new(function: TransformFunction) -> TransformSpec {
        TransformSpec {
            function,
            adjust: None,
            aicdiff: -2.0,
            constant: 0.0,
            save: Vec::new(),
            print: Vec::new(),
        }
    }

    /// With a prior adjustment (`adjust=lom`, `loq` or `lpyear`).
    pub fn adjust(mut self, adjust: PriorAdjust) -> TransformSpec {
        self.adjust = Some(adjust);
        self
    }
}

/// What a user regressor models (`usertype`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum UserType {
    /// `user` (default): kept in the final adjusted series.
    #[default]
    User,
    /// `constant`.
    Constant,
    /// `seasonal`.
    Seasonal,
    /// `td`.
    TradingDay,
    /// `lom`, `loq`.
    LengthOfPeriod,
    /// `lpyear`.
    LeapYear,
    /// `holiday`, `holiday2` … `holiday5`: a holiday effect (1–5), removed
    /// with the calendar effects.
    Holiday(u8),
    /// `ao`.
    Ao,
    /// `ls`.
    Ls,
    /// `so`.
    So,
    /// `transitory`.
    Transitory,
}

/// How user regressors are centred before use (`centeruser`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CenterUser {
    /// `mean`: minus the overall mean.
    Mean,
    /// `seasonal`: minus each calendar period's mean.
    Seasonal,
}

/// A user regressor: its name, type and values (from the regression
/// spec's `data=`/`file=` starting at its `start`).
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct UserRegressor {
    /// Its name in `user=`.
    pub name: String,
    /// Its `usertype`.
    pub usertype: UserType,
    /// Its values.
    pub values: Vec<f64>,
}

/// An effect the AICC test may drop (`aictest`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum AicTest {
    /// `td`.
    TradingDay,
    /// `tdnolpyear`.
    TradingDayNoLeapYear,
    /// `td1coef`.
    TradingDay1Coef,
    /// `td1nolpyear`.
    TradingDay1CoefNoLeapYear,
    /// `tdstock`.
    TradingDayStock,
    /// `lom`, `loq`.
    LengthOfPeriod,
    /// `lpyear`.
    LeapYear,
    /// `easter`.
    Easter,
    /// `labor`.
    Labor,
    /// `thank`.
    Thanksgiving,
    /// `user`.
    User,
}

/// The `regression` spec.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct RegressionSpec {
    /// `variables`.
    pub variables: Regressors,
    /// `user`, `usertype`, `data`/`file`, `start`.
    pub user: Vec<UserRegressor>,
    /// `start` of the user regressors (the series' start by default).
    pub user_start: Option<SpecDate>,
    /// `aictest`.
    pub aictest: Vec<AicTest>,
    /// `aicdiff` (0).
    pub aicdiff: f64,
    /// `tcrate` (0.7 a month by default).
    pub tcrate: Option<f64>,
    /// `centeruser`.
    pub centeruser: Option<CenterUser>,
    /// `save`.
    pub save: Vec<String>,
    /// `print`.
    pub print: Vec<String>,
}

impl RegressionSpec {
    /// Regressors with the program's other defaults.
    pub fn new(variables: Regressors) -> RegressionSpec {
        RegressionSpec {
            variables,
            user: Vec::new(),
            user_start: None,
            aictest: Vec::new(),
            aicdiff: 0.0,
            tcrate: None,
            centeruser: None,
            save: Vec::new(),
            print: Vec::new(),
        }
    }

    /// With a user regressor (`user=`, `usertype=`, `data=`): `values`
    /// start at [`user_start`](RegressionSpec::user_start) (the series'
    /// start by default) and cover the span with its backcasts and
    /// forecasts.
    ///
    /// # Example
    /// ```
    /// use econseries::x13::spec::{RegressionSpec, UserType};
    ///
    /// let r = RegressionSpec::default().user("cny", UserType::Holiday(1), vec![0.0; 60]);
    /// assert_eq!((r.user[0].name.as_str(), r.user[0].usertype), ("cny", UserType::Holiday(1)));
    /// ```
    pub fn user(
        mut self,
        name: impl Into<String>,
        usertype: UserType,
        values: Vec<f64>,
    ) -> RegressionSpec {
        self.user.push(UserRegressor {
            name: name.into(),
            usertype,
            values,
        });
        self
    }

    /// The date of the user regressors' first value (`start=`).
    pub fn user_start(mut self, start: SpecDate) -> RegressionSpec {
        self.user_start = Some(start);
        self
    }
}

impl Default for RegressionSpec {
    fn default() -> RegressionSpec {
        RegressionSpec::new(Regressors::default())
    }
}

/// A seasonal ARIMA model `(p d q)(P D Q)s`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct ArimaModel {
    /// Regular orders `(p, d, q)`.
    pub regular: (u32, u32, u32),
    /// Seasonal orders `(P, D, Q)` (zeros for a non-seasonal model).
    pub seasonal: (u32, u32, u32),
    /// The seasonal period, if written after the seasonal group (the
    /// series' period otherwise).
    pub period: Option<u32>,
}

impl ArimaModel {
    /// `(p d q)(P D Q)`.
    pub const fn new(regular: (u32, u32, u32), seasonal: (u32, u32, u32)) -> ArimaModel {
        ArimaModel {
            regular,
            seasonal,
            period: None,
        }
    }

    /// The airline model `(0 1 1)(0 1 1)`.
    pub const fn airline() -> ArimaModel {
        ArimaModel::new((0, 1, 1), (0, 1, 1))
    }
}

/// An initial or fixed ARMA coefficient (`ar=`, `ma=`; `0.5f` is fixed).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Coefficient {
    /// The value.
    pub value: f64,
    /// Whether it is held fixed (`f` suffix).
    pub fixed: bool,
}

/// The `arima` spec.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct ArimaSpec {
    /// `model`.
    pub model: ArimaModel,
    /// `ar`: initial values, `None` where left to the estimation.
    pub ar: Vec<Option<Coefficient>>,
    /// `ma`.
    pub ma: Vec<Option<Coefficient>>,
    /// `title`.
    pub title: Option<String>,
}

impl ArimaSpec {
    /// A model, coefficients left to the estimation.
    pub fn new(model: ArimaModel) -> ArimaSpec {
        ArimaSpec {
            model,
            ar: Vec::new(),
            ma: Vec::new(),
            title: None,
        }
    }

    /// With every ARMA coefficient fixed (`ar=(… f)`, `ma=(… f)`): the AR
    /// coefficients (nonseasonal, then seasonal) and the MA ones likewise,
    /// in the program's sign convention.
    pub fn fixed(mut self, ar: &[f64], ma: &[f64]) -> ArimaSpec {
        let fixed = |v: &[f64]| {
            v.iter()
                .map(|x| {
                    Some(Coefficient {
                        value: *x,
                        fixed: true,
                    })
                })
                .collect()
        };
        self.ar = fixed(ar);
        self.ma = fixed(ma);
        self
    }
}

/// The `automdl` spec, with the program's defaults.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct AutomdlSpec {
    /// `maxorder`: regular and seasonal ARMA orders at most (2, 1).
    pub maxorder: (u32, u32),
    /// `maxdiff`: differencing orders at most (2, 1).
    pub maxdiff: (u32, u32),
    /// `diff`: fixed differencing orders instead of the test.
    pub diff: Option<(u32, u32)>,
    /// `acceptdefault` (no).
    pub acceptdefault: bool,
    /// `checkmu` (yes).
    pub checkmu: bool,
    /// `ljungboxlimit` (0.95).
    pub ljungboxlimit: f64,
    /// `mixed` (yes).
    pub mixed: bool,
    /// `armalimit` (1.0).
    pub armalimit: f64,
    /// `balanced` (no).
    pub balanced: bool,
    /// `hrinitial` (no).
    pub hrinitial: bool,
    /// `reducecv` (0.14268).
    pub reducecv: f64,
    /// `rejectfcst` (no).
    pub rejectfcst: bool,
    /// `fcstlim` (15).
    pub fcstlim: f64,
    /// `urfinal` (1.05).
    pub urfinal: f64,
}

impl Default for AutomdlSpec {
    fn default() -> AutomdlSpec {
        AutomdlSpec {
            maxorder: (2, 1),
            maxdiff: (2, 1),
            diff: None,
            acceptdefault: false,
            checkmu: true,
            ljungboxlimit: 0.95,
            mixed: true,
            armalimit: 1.0,
            balanced: false,
            hrinitial: false,
            reducecv: 0.14268,
            rejectfcst: false,
            fcstlim: 15.0,
            urfinal: 1.05,
        }
    }
}

/// An outlier type the automatic search looks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum OutlierType {
    /// `ao`.
    Ao,
    /// `ls`.
    Ls,
    /// `tc`.
    Tc,
    /// `so`.
    So,
}

/// `method` of the outlier search.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum OutlierMethod {
    /// `addone` (default).
    #[default]
    AddOne,
    /// `addall`.
    AddAll,
}

/// The `outlier` spec.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct OutlierSpec {
    /// `types` (ao ls).
    pub types: Vec<OutlierType>,
    /// `critical` per type (AO, LS, TC), `None` for the program's value by
    /// series length.
    pub critical: [Option<f64>; 3],
    /// `method`.
    pub method: OutlierMethod,
    /// `lsrun` (0).
    pub lsrun: u32,
    /// `span`.
    pub span: Option<SpanLimits>,
    /// `almost` (0.5).
    pub almost: f64,
    /// `save`.
    pub save: Vec<String>,
    /// `print`.
    pub print: Vec<String>,
}

impl OutlierSpec {
    /// A search for `types` at one critical |t| for each.
    ///
    /// # Example
    /// ```
    /// use econseries::x13::spec::{OutlierSpec, OutlierType};
    ///
    /// let o = OutlierSpec::new(vec![OutlierType::Ao, OutlierType::Ls, OutlierType::Tc], 3.5);
    /// assert_eq!(o.critical, [Some(3.5); 3]);
    /// ```
    pub fn new(types: Vec<OutlierType>, critical: f64) -> OutlierSpec {
        OutlierSpec {
            types,
            critical: [Some(critical); 3],
            ..OutlierSpec::default()
        }
    }
}

impl Default for OutlierSpec {
    fn default() -> OutlierSpec {
        OutlierSpec {
            types: vec![OutlierType::Ao, OutlierType::Ls],
            critical: [None; 3],
            method: OutlierMethod::AddOne,
            lsrun: 0,
            span: None,
            almost: 0.5,
            save: Vec::new(),
            print: Vec::new(),
        }
    }
}

/// The `forecast` spec.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct ForecastSpec {
    /// `maxlead` (one year: 12 or 4 when `None`).
    pub maxlead: Option<u32>,
    /// `maxback` (0).
    pub maxback: u32,
    /// `probability` of the intervals (0.95).
    pub probability: f64,
    /// `exclude` (0).
    pub exclude: u32,
    /// `lognormal` (no).
    pub lognormal: bool,
    /// `save`.
    pub save: Vec<String>,
    /// `print`.
    pub print: Vec<String>,
}

impl ForecastSpec {
    /// With `maxlead` forecasts.
    pub fn maxlead(mut self, n: u32) -> ForecastSpec {
        self.maxlead = Some(n);
        self
    }

    /// With `maxback` backcasts.
    pub fn maxback(mut self, n: u32) -> ForecastSpec {
        self.maxback = n;
        self
    }
}

impl Default for ForecastSpec {
    fn default() -> ForecastSpec {
        ForecastSpec {
            maxlead: None,
            maxback: 0,
            probability: 0.95,
            exclude: 0,
            lognormal: false,
            save: Vec::new(),
            print: Vec::new(),
        }
    }
}

/// `exact` likelihood of the estimation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Exact {
    /// `arma` (default): exact for both parts.
    #[default]
    Arma,
    /// `ma`: conditional for the AR part.
    Ma,
    /// `none`: conditional likelihood.
    None,
}

/// The `estimate` spec.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct EstimateSpec {
    /// `tol` (1e-5).
    pub tol: f64,
    /// `maxiter` (1500).
    pub maxiter: u32,
    /// `exact`.
    pub exact: Exact,
    /// `outofsample` (no).
    pub outofsample: bool,
    /// `save`.
    pub save: Vec<String>,
    /// `print`.
    pub print: Vec<String>,
}

impl EstimateSpec {
    /// With a convergence tolerance (`tol=`).
    pub fn tol(mut self, tol: f64) -> EstimateSpec {
        self.tol = tol;
        self
    }

    /// With a cap on iterations (`maxiter=`).
    pub fn maxiter(mut self, n: u32) -> EstimateSpec {
        self.maxiter = n;
        self
    }
}

impl Default for EstimateSpec {
    fn default() -> EstimateSpec {
        EstimateSpec {
            tol: 1e-5,
            maxiter: 1500,
            exact: Exact::Arma,
            outofsample: false,
            save: Vec::new(),
            print: Vec::new(),
        }
    }
}

/// The seasonal filters of `seasonalma`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum SeasonalMa {
    /// Not given: the program's choice ([`SeasonalFilter::Msr`]).
    #[default]
    Default,
    /// One filter for every period.
    All(SeasonalFilter),
    /// One filter per month (quarter), January first.
    PerPeriod(Vec<SeasonalFilter>),
}

/// Outliers removed from the final seasonally adjusted series (`final`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum FinalAdjust {
    /// `ao`.
    Ao,
    /// `ls`.
    Ls,
    /// `tc`.
    Tc,
    /// `user`.
    User,
}

/// The `x11` spec.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct X11Spec {
    /// `mode` (mult).
    pub mode: X11Mode,
    /// `seasonalma`.
    pub seasonalma: SeasonalMa,
    /// `trendma`: a Henderson length, or the automatic choice.
    pub trendma: Option<usize>,
    /// `sigmalim` (1.5, 2.5).
    pub sigmalim: (f64, f64),
    /// `calendarsigma` with `sigmavec`.
    pub calendarsigma: CalendarSigma,
    /// `appendfcst` (no).
    pub appendfcst: bool,
    /// `appendbcst` (no).
    pub appendbcst: bool,
    /// `final` (none).
    pub final_adjust: Vec<FinalAdjust>,
    /// `title`.
    pub title: Option<String>,
    /// `save`.
    pub save: Vec<String>,
    /// `print`.
    pub print: Vec<String>,
    /// `savelog`.
    pub savelog: Vec<String>,
}

impl Default for X11Spec {
    fn default() -> X11Spec {
        X11Spec {
            mode: X11Mode::Multiplicative,
            seasonalma: SeasonalMa::Default,
            trendma: None,
            sigmalim: (1.5, 2.5),
            calendarsigma: CalendarSigma::None,
            appendfcst: false,
            appendbcst: false,
            final_adjust: Vec::new(),
            title: None,
            save: Vec::new(),
            print: Vec::new(),
            savelog: Vec::new(),
        }
    }
}

impl X11Spec {
    /// With a mode.
    pub fn mode(mut self, mode: X11Mode) -> X11Spec {
        self.mode = mode;
        self
    }

    /// With one seasonal filter for every period.
    pub fn seasonal_filter(mut self, filter: SeasonalFilter) -> X11Spec {
        self.seasonalma = SeasonalMa::All(filter);
        self
    }
}
