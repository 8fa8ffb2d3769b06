//! Regression variables of X-13ARIMA-SEATS, generated over any span of
//! monthly or quarterly periods (the data and a forecast horizon beyond
//! it), equal to the program's regression matrix (`save=(rmx)`).
//!
//! | spec name | [`Variable`] | columns |
//! |---|---|---|
//! | `const` | [`Constant`](Variable::Constant) | the trend constant (depends on the ARIMA differencing) |
//! | `td`, `tdnolpyear` | [`TradingDay`](Variable::TradingDay), [`TradingDayNoLeapYear`](Variable::TradingDayNoLeapYear) | Mon … Sat minus Sunday (+ leap year for `td` without a log transform) |
//! | `td1coef`, `td1nolpyear` | [`TradingDay1Coef`](Variable::TradingDay1Coef), [`TradingDay1CoefNoLeapYear`](Variable::TradingDay1CoefNoLeapYear) | weekdays − 5/2 weekend days (+ leap year likewise) |
//! | `tdstock[w]` | [`TradingDayStock`](Variable::TradingDayStock) | day of the week of day w (monthly) |
//! | `lpyear`, `lom`, `loq` | [`LeapYear`](Variable::LeapYear), [`LengthOfPeriod`](Variable::LengthOfPeriod) | one column |
//! | `easter[w]`, `labor[w]`, `thank[w]` | [`Easter`](Variable::Easter), [`Labor`](Variable::Labor), [`Thanksgiving`](Variable::Thanksgiving) | one centred column |
//! | `seasonal`, `sincos[j…]` | [`Seasonal`](Variable::Seasonal), [`SinCos`](Variable::SinCos) | s − 1 dummies; cosine and sine pairs |
//! | `aoYYYY.MM`, `lsYYYY.MM`, `tcYYYY.MM`, `soYYYY.MM` | [`Ao`](Variable::Ao), [`Ls`](Variable::Ls), [`Tc`](Variable::Tc), [`So`](Variable::So) | one column |
//! | `rpYYYY.MM-YYYY.MM`, `tlYYYY.MM-YYYY.MM` | [`Ramp`](Variable::Ramp), [`TemporaryLevelShift`](Variable::TemporaryLevelShift) | one column |
//!
//! User regressors with holiday effects for moving holidays given by their
//! dates (Chinese New Year first) come from [`HolidayRegressor`], the
//! method of Census' `genhol`.
//!
//! Each file states its formulas. Equality: `tests/fixtures/x13/regressors/`
//! holds the program's regression matrices over 1901–2100 in windows it
//! accepts, made by the committed `make_rmx.py`; the tests require every
//! column equal within 1e-12.

mod calendar;
mod date;
mod days;
mod fixed;
mod genhol;
mod holidays;

use std::fmt;

pub use date::{Span, SpecDate};
pub use genhol::{Centering, Holiday, HolidayRegressor};

use crate::error::{Error, RegressorProblem, Result};
use holidays::BuiltIn;

/// One regression variable as the program's `regression{variables=(...)}`
/// names it. [`Display`](fmt::Display) writes the spec name back and
/// [`FromStr`](std::str::FromStr) reads it (any case).
///
/// # Example
/// ```
/// use econseries::x13::regressors::{SpecDate, Variable};
///
/// assert_eq!("Easter[8]".parse::<Variable>()?, Variable::Easter(8));
/// let rp: Variable = "rp2006.01-2006.06".parse()?;
/// assert_eq!(rp, Variable::Ramp(SpecDate::new(2006, 1), SpecDate::new(2006, 6)));
/// assert_eq!(rp.to_string(), "rp2006.01-2006.06");
/// assert!("easter[26]".parse::<Variable>().is_err());
/// # Ok::<(), econseries::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Variable {
    /// `const`: the trend constant.
    Constant,
    /// `td`: six day-of-week contrasts, and the leap-year regressor unless
    /// the series is log-transformed (the program then pre-adjusts for leap
    /// years instead).
    TradingDay,
    /// `tdnolpyear`: the six contrasts alone.
    TradingDayNoLeapYear,
    /// `td1coef`: weekdays against weekends, with leap year as for `td`.
    TradingDay1Coef,
    /// `td1nolpyear`: weekdays against weekends alone.
    TradingDay1CoefNoLeapYear,
    /// `tdstock[w]`: stock trading day on day `w` (1–31) of the month.
    TradingDayStock(u32),
    /// `lpyear`: the leap-year regressor.
    LeapYear,
    /// `lom` (monthly) or `loq` (quarterly): length of the period.
    LengthOfPeriod,
    /// `easter[w]`: the `w` days (1–25) before Easter.
    Easter(u32),
    /// `labor[w]`: the `w` days (1–25) before Labor Day (monthly).
    Labor(u32),
    /// `thank[w]`: from `w` days (−8–17, not 0) before Thanksgiving to
    /// December 24 (monthly).
    Thanksgiving(i32),
    /// `seasonal`: fixed seasonal dummies.
    Seasonal,
    /// `sincos[j1,j2,…]`: trigonometric seasonal terms of the frequencies
    /// `j/s`, `1 ≤ j ≤ s/2`.
    SinCos(Vec<u32>),
    /// `aoDATE`: additive outlier.
    Ao(SpecDate),
    /// `lsDATE`: level shift.
    Ls(SpecDate),
    /// `tcDATE`: temporary change.
    Tc(SpecDate),
    /// `soDATE`: seasonal outlier.
    So(SpecDate),
    /// `rpDATE-DATE`: ramp.
    Ramp(SpecDate, SpecDate),
    /// `tlDATE-DATE`: temporary level shift.
    TemporaryLevelShift(SpecDate, SpecDate),
}

/// What kind of effect a variable models: the program groups regressors
/// this way in its tables and its AICC tests (`aictest=(td easter)`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Effect {
    /// The constant.
    Constant,
    /// Trading day (flow or stock) and its leap-year and length-of-period
    /// companions.
    TradingDay,
    /// Easter.
    Easter,
    /// Labor Day.
    Labor,
    /// Thanksgiving.
    Thanksgiving,
    /// Fixed seasonal effects.
    Seasonal,
    /// Outliers and interventions at given dates.
    Outlier,
}

impl Variable {
    /// The kind of effect, for grouping and AICC tests.
    pub const fn effect(&self) -> Effect {
        match self {
            Variable::Constant => Effect::Constant,
            Variable::TradingDay
            | Variable::TradingDayNoLeapYear
            | Variable::TradingDay1Coef
            | Variable::TradingDay1CoefNoLeapYear
            | Variable::TradingDayStock(_)
            | Variable::LeapYear
            | Variable::LengthOfPeriod => Effect::TradingDay,
            Variable::Easter(_) => Effect::Easter,
            Variable::Labor(_) => Effect::Labor,
            Variable::Thanksgiving(_) => Effect::Thanksgiving,
            Variable::Seasonal | Variable::SinCos(_) => Effect::Seasonal,
            Variable::Ao(_)
            | Variable::Ls(_)
            | Variable::Tc(_)
            | Variable::So(_)
            | Variable::Ramp(..)
            | Variable::TemporaryLevelShift(..) => Effect::Outlier,
        }
    }

    fn problem(&self, problem: RegressorProblem) -> Error {
        Error::Regressor {
            variable: self.to_string().into(),
            problem,
        }
    }

    /// The variable's columns over `span`, named as in the program's
    /// regression matrix.
    ///
    /// # Errors
    /// [`Error::Regressor`] for a variable the span's frequency does not
    /// have (Labor Day, Thanksgiving and stock trading day are monthly), a
    /// window out of range, a year before the holiday's rule, or a date of
    /// a period the frequency does not have.
    pub fn columns(&self, span: &Span, options: &RegressorOptions) -> Result<Vec<Column>> {
        let s = span.per_year();
        let col = |name: String, values: Vec<f64>| Column { name, values };
        let lp = || col("Leap Year".to_owned(), calendar::leap_year(span));
        let monthly_only = || {
            if s == 12 {
                Ok(())
            } else {
                Err(self.problem(RegressorProblem::Frequency { per_year: s }))
            }
        };
        let check_date = |d: &SpecDate| {
            if d.period() > s {
                Err(self.problem(RegressorProblem::Frequency { per_year: s }))
            } else {
                Ok(())
            }
        };
        let window = |w: i64, min: i64, max: i64| {
            if (min..=max).contains(&w) {
                Ok(())
            } else {
                Err(self.problem(RegressorProblem::Window {
                    min: min as i32,
                    max: max as i32,
                }))
            }
        };
        const DAYS: [&str; 6] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
        Ok(match self {
            Variable::Constant => {
                vec![col(
                    "Constant".to_owned(),
                    fixed::constant(span, options.diff, options.seasonal_diff),
                )]
            }
            Variable::TradingDay | Variable::TradingDayNoLeapYear => {
                let mut v: Vec<Column> = DAYS
                    .iter()
                    .zip(calendar::trading_day(span))
                    .map(|(n, c)| col((*n).to_owned(), c))
                    .collect();
                if *self == Variable::TradingDay && !options.log {
                    v.push(lp());
                }
                v
            }
            Variable::TradingDay1Coef | Variable::TradingDay1CoefNoLeapYear => {
                let mut v = vec![col(
                    "Weekday".to_owned(),
                    calendar::weekday_vs_weekend(span),
                )];
                if *self == Variable::TradingDay1Coef && !options.log {
                    v.push(lp());
                }
                v
            }
            Variable::TradingDayStock(w) => {
                monthly_only()?;
                window(i64::from(*w), 1, 31)?;
                DAYS.iter()
                    .zip(calendar::stock(span, *w))
                    .map(|(n, c)| col((*n).to_owned(), c))
                    .collect()
            }
            Variable::LeapYear => vec![lp()],
            Variable::LengthOfPeriod => {
                let name = if s == 12 {
                    "Length-of-Month"
                } else {
                    "Length-of-Quarter"
                };
                vec![col(name.to_owned(), calendar::length_of_period(span))]
            }
            Variable::Easter(w) => {
                window(i64::from(*w), 1, 25)?;
                vec![col(
                    format!("Easter[{w}]"),
                    BuiltIn::Easter(*w).values(span, &self.to_string())?,
                )]
            }
            Variable::Labor(w) => {
                monthly_only()?;
                window(i64::from(*w), 1, 25)?;
                vec![col(
                    format!("Labor[{w}]"),
                    BuiltIn::Labor(*w).values(span, &self.to_string())?,
                )]
            }
            Variable::Thanksgiving(w) => {
                monthly_only()?;
                window(i64::from(*w), -8, 17)?;
                if *w == 0 {
                    return Err(self.problem(RegressorProblem::Window { min: -8, max: 17 }));
                }
                vec![col(
                    format!("Thanksgiving[{w}]"),
                    BuiltIn::Thanksgiving(*w).values(span, &self.to_string())?,
                )]
            }
            Variable::Seasonal => {
                const MONTHS: [&str; 11] = [
                    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
                ];
                const QUARTERS: [&str; 3] = ["1st", "2nd", "3rd"];
                let names: &[&str] = if s == 12 { &MONTHS } else { &QUARTERS };
                names
                    .iter()
                    .zip(fixed::seasonal(span))
                    .map(|(n, c)| col((*n).to_owned(), c))
                    .collect()
            }
            Variable::SinCos(js) => {
                if js.is_empty() {
                    return Err(self.problem(RegressorProblem::Window {
                        min: 1,
                        max: s as i32 / 2,
                    }));
                }
                let mut v = Vec::new();
                for &j in js {
                    window(i64::from(j), 1, i64::from(s / 2))?;
                    let (c, sn) = fixed::sincos(span, j);
                    v.push(col(format!("cos(2pi*{j}t/{s})"), c));
                    if let Some(sn) = sn {
                        v.push(col(format!("sin(2pi*{j}t/{s})"), sn));
                    }
                }
                v
            }
            Variable::Ao(d) => {
                check_date(d)?;
                vec![col(
                    format!("AO{}", d.label(s)),
                    fixed::additive_outlier(span, *d),
                )]
            }
            Variable::Ls(d) => {
                check_date(d)?;
                vec![col(
                    format!("LS{}", d.label(s)),
                    fixed::level_shift(span, *d),
                )]
            }
            Variable::Tc(d) => {
                check_date(d)?;
                let rate = options.tc_rate.unwrap_or_else(|| default_tc_rate(s));
                vec![col(
                    format!("TC{}", d.label(s)),
                    fixed::temporary_change(span, *d, rate),
                )]
            }
            Variable::So(d) => {
                check_date(d)?;
                vec![col(
                    format!("SO{}", d.label(s)),
                    fixed::seasonal_outlier(span, *d),
                )]
            }
            Variable::Ramp(a, b) | Variable::TemporaryLevelShift(a, b) => {
                check_date(a)?;
                check_date(b)?;
                if b <= a {
                    return Err(self.problem(RegressorProblem::DateOrder));
                }
                let range = format!("{}-{}", a.label(s), b.label(s));
                if matches!(self, Variable::Ramp(..)) {
                    vec![col(format!("Rp{range}"), fixed::ramp(span, *a, *b))]
                } else {
                    vec![col(
                        format!("TL{range}"),
                        fixed::temporary_level_shift(span, *a, *b),
                    )]
                }
            }
        })
    }
}

/// The program's default temporary-change decay rate: 0.7 a month, so
/// 0.7^(12/s) a period.
pub fn default_tc_rate(per_year: u32) -> f64 {
    0.7f64.powf(12.0 / f64::from(per_year))
}

impl fmt::Display for Variable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Variable::Constant => f.write_str("const"),
            Variable::TradingDay => f.write_str("td"),
            Variable::TradingDayNoLeapYear => f.write_str("tdnolpyear"),
            Variable::TradingDay1Coef => f.write_str("td1coef"),
            Variable::TradingDay1CoefNoLeapYear => f.write_str("td1nolpyear"),
            Variable::TradingDayStock(w) => write!(f, "tdstock[{w}]"),
            Variable::LeapYear => f.write_str("lpyear"),
            Variable::LengthOfPeriod => f.write_str("lom"),
            Variable::Easter(w) => write!(f, "easter[{w}]"),
            Variable::Labor(w) => write!(f, "labor[{w}]"),
            Variable::Thanksgiving(w) => write!(f, "thank[{w}]"),
            Variable::Seasonal => f.write_str("seasonal"),
            Variable::SinCos(js) => {
                let js: Vec<String> = js.iter().map(u32::to_string).collect();
                write!(f, "sincos[{}]", js.join(","))
            }
            Variable::Ao(d) => write!(f, "ao{d}"),
            Variable::Ls(d) => write!(f, "ls{d}"),
            Variable::Tc(d) => write!(f, "tc{d}"),
            Variable::So(d) => write!(f, "so{d}"),
            Variable::Ramp(a, b) => write!(f, "rp{a}-{b}"),
            Variable::TemporaryLevelShift(a, b) => write!(f, "tl{a}-{b}"),
        }
    }
}

impl std::str::FromStr for Variable {
    type Err = Error;

    fn from_str(text: &str) -> Result<Variable> {
        let s = text.trim().to_ascii_lowercase();
        let bad = |expected: &'static str| Error::Regressor {
            variable: text.to_owned().into(),
            problem: RegressorProblem::Syntax { expected },
        };
        let simple = match s.as_str() {
            "const" => Some(Variable::Constant),
            "td" => Some(Variable::TradingDay),
            "tdnolpyear" => Some(Variable::TradingDayNoLeapYear),
            "td1coef" => Some(Variable::TradingDay1Coef),
            "td1nolpyear" => Some(Variable::TradingDay1CoefNoLeapYear),
            "lpyear" => Some(Variable::LeapYear),
            "lom" | "loq" => Some(Variable::LengthOfPeriod),
            "seasonal" => Some(Variable::Seasonal),
            _ => None,
        };
        if let Some(v) = simple {
            return Ok(v);
        }
        // name[arg]
        if let Some((name, rest)) = s.split_once('[') {
            let arg = rest.strip_suffix(']').ok_or_else(|| bad("a closing ]"))?;
            let int = |a: &str| {
                a.trim()
                    .parse::<i64>()
                    .map_err(|_| bad("an integer in [ ]"))
            };
            let v = match name.trim() {
                "easter" => Variable::Easter(u32::try_from(int(arg)?).map_err(|_| bad("1..=25"))?),
                "labor" => Variable::Labor(u32::try_from(int(arg)?).map_err(|_| bad("1..=25"))?),
                "thank" => {
                    Variable::Thanksgiving(i32::try_from(int(arg)?).map_err(|_| bad("-8..=17"))?)
                }
                "tdstock" => {
                    Variable::TradingDayStock(u32::try_from(int(arg)?).map_err(|_| bad("1..=31"))?)
                }
                "sincos" => {
                    let js = arg
                        .split(',')
                        .map(|a| {
                            int(a).and_then(|j| {
                                u32::try_from(j).map_err(|_| bad("positive frequencies"))
                            })
                        })
                        .collect::<Result<Vec<u32>>>()?;
                    Variable::SinCos(js)
                }
                _ => return Err(bad("a regression variable of the program")),
            };
            // Windows are checked here too, so that a spec names its line.
            let ok = match &v {
                Variable::Easter(w) | Variable::Labor(w) => (1..=25).contains(w),
                Variable::Thanksgiving(w) => (-8..=17).contains(w) && *w != 0,
                Variable::TradingDayStock(w) => (1..=31).contains(w),
                Variable::SinCos(js) => !js.is_empty() && js.iter().all(|j| (1..=6).contains(j)),
                _ => true,
            };
            return if ok {
                Ok(v)
            } else {
                Err(bad("a window the program accepts"))
            };
        }
        let date = |t: &str| {
            t.parse::<SpecDate>()
                .map_err(|_| bad("a date YYYY.MM or YYYY.Q"))
        };
        let two = |t: &str| -> Result<(SpecDate, SpecDate)> {
            let (a, b) = t
                .split_once('-')
                .ok_or_else(|| bad("two dates DATE-DATE"))?;
            Ok((date(a)?, date(b)?))
        };
        let prefix = s.get(..2).unwrap_or("");
        let rest = s.get(2..).unwrap_or("");
        match prefix {
            "ao" => Ok(Variable::Ao(date(rest)?)),
            "ls" => Ok(Variable::Ls(date(rest)?)),
            "tc" => Ok(Variable::Tc(date(rest)?)),
            "so" => Ok(Variable::So(date(rest)?)),
            "rp" => two(rest).map(|(a, b)| Variable::Ramp(a, b)),
            "tl" => two(rest).map(|(a, b)| Variable::TemporaryLevelShift(a, b)),
            _ => Err(bad("a regression variable of the program")),
        }
    }
}

/// What the columns of some variables depend on besides the span: the
/// transform (trading day includes leap year only without a log), the
/// ARIMA differencing (the trend constant) and the TC rate.
///
/// # Example
/// ```
/// use econseries::{Month, x13::regressors::{RegressorOptions, Span, Variable}};
///
/// let span = Span::new(Month::new(2000, 1)?, 24)?;
/// let level = Variable::TradingDay.columns(&span, &RegressorOptions::new())?;
/// let log = Variable::TradingDay.columns(&span, &RegressorOptions::new().log(true))?;
/// assert_eq!((level.len(), log.len()), (7, 6));
/// # Ok::<(), econseries::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct RegressorOptions {
    log: bool,
    diff: u32,
    seasonal_diff: u32,
    tc_rate: Option<f64>,
}

impl RegressorOptions {
    /// A series in levels, no differencing, the default TC rate.
    pub const fn new() -> RegressorOptions {
        RegressorOptions {
            log: false,
            diff: 0,
            seasonal_diff: 0,
            tc_rate: None,
        }
    }

    /// Whether the series is log-transformed (then `td` and `td1coef` have
    /// no leap-year column).
    pub const fn log(mut self, log: bool) -> RegressorOptions {
        self.log = log;
        self
    }

    /// The ARIMA model's differencing orders `d` and `D`, which the trend
    /// constant integrates.
    pub const fn differencing(mut self, d: u32, seasonal: u32) -> RegressorOptions {
        self.diff = d;
        self.seasonal_diff = seasonal;
        self
    }

    /// The TC decay rate per period (the program's `tcrate`; default
    /// [`default_tc_rate`]).
    pub const fn tc_rate(mut self, rate: f64) -> RegressorOptions {
        self.tc_rate = Some(rate);
        self
    }
}

/// One column of a regression matrix.
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    /// The program's name for it (`Mon`, `Leap Year`, `Easter[8]`, `AO2003.04`).
    pub name: String,
    /// One value per period of the span.
    pub values: Vec<f64>,
}

/// An ordered set of regression variables: the model's regressors, to be
/// generated together, compared and varied (with and without trading day,
/// as the AICC tests do).
///
/// # Example
/// ```
/// use econseries::{Month, x13::regressors::{RegressorOptions, Regressors, Span, Variable}};
///
/// let with = Regressors::new([Variable::TradingDay, Variable::Easter(8)]);
/// let without = with.without(|v| v == &Variable::TradingDay);
/// assert!(with.contains(&Variable::Easter(8)) && !without.contains(&Variable::TradingDay));
/// let span = Span::new(Month::new(2000, 1)?, 144)?;
/// let x = with.matrix(&span, &RegressorOptions::new())?;
/// assert_eq!(x.names(), ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Leap Year", "Easter[8]"]);
/// assert_eq!(x.column("Easter[8]").map(|c| c.len()), Some(144));
/// # Ok::<(), econseries::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, Default)]
pub struct Regressors {
    variables: Vec<Variable>,
}

impl Regressors {
    /// The variables in order, each once (later repeats are dropped).
    pub fn new(variables: impl IntoIterator<Item = Variable>) -> Regressors {
        let mut out = Regressors::default();
        for v in variables {
            out = out.with(v);
        }
        out
    }

    /// The variables.
    pub fn variables(&self) -> &[Variable] {
        &self.variables
    }

    /// Whether `v` is among them.
    pub fn contains(&self, v: &Variable) -> bool {
        self.variables.contains(v)
    }

    /// The set with `v` added at the end (unchanged if present).
    pub fn with(mut self, v: Variable) -> Regressors {
        if !self.variables.contains(&v) {
            self.variables.push(v);
        }
        self
    }

    /// The set without the variables `drop` selects.
    pub fn without(&self, drop: impl Fn(&Variable) -> bool) -> Regressors {
        Regressors {
            variables: self
                .variables
                .iter()
                .filter(|v| !drop(v))
                .cloned()
                .collect(),
        }
    }

    /// The set without the variables of one effect (the alternative an AICC
    /// test compares against).
    pub fn without_effect(&self, effect: Effect) -> Regressors {
        self.without(|v| v.effect() == effect)
    }

    /// Every column over `span`.
    ///
    /// # Errors
    /// As [`Variable::columns`].
    pub fn matrix(&self, span: &Span, options: &RegressorOptions) -> Result<RegressionMatrix> {
        let mut columns = Vec::new();
        let mut groups = Vec::with_capacity(self.variables.len());
        for v in &self.variables {
            let c = v.columns(span, options)?;
            groups.push((v.clone(), columns.len()..columns.len() + c.len()));
            columns.extend(c);
        }
        Ok(RegressionMatrix {
            span: *span,
            columns,
            groups,
        })
    }
}

/// Regressors generated over a span: named columns, grouped by variable.
#[derive(Clone, Debug, PartialEq)]
pub struct RegressionMatrix {
    span: Span,
    columns: Vec<Column>,
    groups: Vec<(Variable, std::ops::Range<usize>)>,
}

impl RegressionMatrix {
    /// The span the columns cover.
    pub const fn span(&self) -> &Span {
        &self.span
    }

    /// Every column, in the order of the variables.
    pub fn columns(&self) -> &[Column] {
        &self.columns
    }

    /// The column names.
    pub fn names(&self) -> Vec<&str> {
        self.columns.iter().map(|c| c.name.as_str()).collect()
    }

    /// The column of that name.
    pub fn column(&self, name: &str) -> Option<&[f64]> {
        self.columns
            .iter()
            .find(|c| c.name == name)
            .map(|c| c.values.as_slice())
    }

    /// The columns of one variable.
    pub fn variable(&self, v: &Variable) -> Option<&[Column]> {
        self.groups
            .iter()
            .find(|(g, _)| g == v)
            .and_then(|(_, r)| self.columns.get(r.clone()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for t in [
            "const",
            "td",
            "tdnolpyear",
            "td1coef",
            "td1nolpyear",
            "tdstock[31]",
            "lpyear",
            "lom",
            "easter[1]",
            "labor[25]",
            "thank[-8]",
            "seasonal",
            "sincos[1,2,6]",
            "ao2001.03",
            "ls1999.12",
            "tc2000.01",
            "so2000.02",
            "rp2000.01-2000.06",
            "tl2000.01-2000.06",
        ] {
            let v: Variable = t.parse().unwrap();
            assert_eq!(v.to_string(), t);
        }
        for bad in [
            "",
            "easter",
            "easter[0]",
            "easter[x]",
            "thank[18]",
            "thank[0]",
            "ao",
            "ao2001",
            "rp2001.1",
            "zz",
            "sincos[]",
            "sincos[7]",
            "easter[1",
        ] {
            assert!(bad.parse::<Variable>().is_err(), "{bad}");
        }
    }

    #[test]
    fn quarterly_rejects_monthly_holidays() {
        let span = Span::from_date(4, SpecDate::new(2000, 1), 8).unwrap();
        for v in [
            Variable::Labor(8),
            Variable::Thanksgiving(1),
            Variable::TradingDayStock(31),
        ] {
            assert!(matches!(
                v.columns(&span, &RegressorOptions::new()),
                Err(Error::Regressor {
                    problem: RegressorProblem::Frequency { per_year: 4 },
                    ..
                })
            ));
        }
        assert!(
            Variable::Ao(SpecDate::new(2000, 5))
                .columns(&span, &RegressorOptions::new())
                .is_err()
        );
        assert!(
            Variable::Ramp(SpecDate::new(2000, 3), SpecDate::new(2000, 2))
                .columns(&span, &RegressorOptions::new())
                .is_err()
        );
    }
}
