//! Running a spec as the program does: `series`, `transform` with
//! `function=none` or `log` (and the length-of-period or leap-year prior
//! adjustment), a regARIMA model (`regression`, `arima`, `estimate`,
//! `forecast`, `outlier`; the model step is `model.rs`) and `x11` on the
//! series less the model's regression effects, extended by its forecasts
//! and backcasts.
//!
//! Without a regARIMA model the program's transform changes nothing in the
//! X-11 tables (checked against build 62: D10 and D11 of a spec with
//! `transform{function=log}` equal those without it, in every mode); a
//! prior adjustment divides the series by its factors (table A2) before
//! X-11 (B1 = A1 / A2), and the combined adjustment factors are then
//! D16 = D10 · A2 (multiplicative), as the program writes them.

use crate::error::{Error, Operation, Result, SpecProblem, UndefinedReason};
use crate::seasonal::{Table, X11Fit, X11Mode};
use crate::x13::regressors::Span;

use super::model::{Component, ModelStep};
use super::{PriorAdjust, TransformFunction, X13Spec};
use crate::x13::RegArimaFit;

/// What a run of a spec file produced: the series (A1), the prior
/// adjustment factors (A2) if any, the regARIMA model if the spec has one
/// with its regression components (A6 `td`, A7 `hol`, A8 `otl`, `ao`, `ls`,
/// `tc`, A9 `usr`), the X-11 tables of the pre-adjusted series (B1) and the
/// final tables (D10–D13, D16, D18), with the program's names for saving
/// them.
///
/// # Example
/// ```
/// use econseries::x13::spec::X13Spec;
///
/// let data: Vec<String> = (0..60).map(|i| (100.0 + (i % 12) as f64 * 3.0 + i as f64).to_string()).collect();
/// let spec = X13Spec::parse(&format!(
///     "series{{start=2001.1 data=({})}} transform{{function=log adjust=lom}} x11{{save=(d10 d11)}}",
///     data.join(" ")
/// ))?;
/// let run = spec.run()?;
/// // January's length-of-month factor: 31 days over the mean month's 30.4375.
/// assert_eq!(run.prior().map(|a2| a2[0]), Some(31.0 / 30.4375));
/// assert_eq!(run.seasonal().len(), 60);
/// # Ok::<(), econseries::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct X13Run {
    span: Span,
    original: Vec<f64>,
    prior: Option<Vec<f64>>,
    fit: X11Fit,
    d16: Vec<f64>,
    model: Option<Box<ModelRun>>,
}

/// The regARIMA part of a run and the final tables it changes.
#[derive(Clone, Debug)]
struct ModelRun {
    step: ModelStep,
    /// Over the span: B1 (the series X-11 adjusts), D10–D13, D18 and the
    /// components A6 (td), A7 (hol), A8 (otl) and its AO, LS, TC parts, A9
    /// (usr).
    tables: Vec<(&'static str, Vec<f64>)>,
}

/// The names the program accepts in `save=` for the tables a run here
/// produces, with the file extension it writes them under (its long names
/// are aliases of the short ones; checked against build 62).
const ALIASES: [(&str, &str); 12] = [
    ("seasonal", "d10"),
    ("seasadj", "d11"),
    ("trend", "d12"),
    ("irregular", "d13"),
    ("adjustfac", "d16"),
    ("tradingday", "td"),
    ("holiday", "hol"),
    ("outlier", "otl"),
    ("aoutlier", "ao"),
    ("levelshift", "ls"),
    ("temporarychange", "tc"),
    ("userdef", "usr"),
];

impl X13Run {
    /// The dates of the data in the span.
    pub fn span(&self) -> Span {
        self.span
    }

    /// Table A1: the series in the span.
    pub fn original(&self) -> &[f64] {
        &self.original
    }

    /// Table A2: the prior adjustment factors (`transform{adjust=}`, or
    /// the leap-year factors the program divides out before a log model
    /// with `td` or `td1coef`).
    pub fn prior(&self) -> Option<&[f64]> {
        self.prior.as_deref().or_else(|| {
            let m = self.model.as_deref()?;
            let l = m.step.leap.as_deref()?;
            l.get(m.step.back..m.step.back + self.original.len())
        })
    }

    /// The X-11 adjustment of the series B1 (A1 / A2, less the regression
    /// effects of a regARIMA model), over the span extended by the model's
    /// backcasts and forecasts when there is a model: its tables cover
    /// [`extension`](X13Run::extension) more periods than the span.
    pub fn x11(&self) -> &X11Fit {
        &self.fit
    }

    /// The backcasts and forecasts of the regARIMA model that extend the
    /// series for X-11 (0, 0 without a model).
    pub fn extension(&self) -> (usize, usize) {
        self.model
            .as_deref()
            .map_or((0, 0), |m| (m.step.back, m.step.fore))
    }

    /// The fitted regARIMA model, if the spec has one.
    pub fn model(&self) -> Option<&RegArimaFit> {
        self.model.as_deref().map(|m| &m.step.fit)
    }

    /// The outliers the `outlier` spec's search added to the model, by the
    /// program's names (`AO1976.Feb`, `LS2008.3`).
    pub fn outliers_found(&self) -> &[String] {
        self.model
            .as_deref()
            .map_or(&[], |m| m.step.found.as_slice())
    }

    /// An X-11 table over the span (without the model's extension).
    fn x11_table(&self, t: Table) -> &[f64] {
        let (b, _) = self.extension();
        let all = self.fit.table(t);
        all.get(b..b + self.original.len()).unwrap_or(all)
    }

    /// A final table the model changes, else X-11's over the span.
    fn final_table(&self, name: &str, t: Table) -> &[f64] {
        self.model
            .as_deref()
            .and_then(|m| m.tables.iter().find(|(k, _)| *k == name))
            .map_or_else(|| self.x11_table(t), |(_, v)| v.as_slice())
    }

    /// D10: the final seasonal factors.
    pub fn seasonal(&self) -> &[f64] {
        self.final_table("d10", Table::D10)
    }

    /// D11: the final seasonally adjusted series.
    pub fn adjusted(&self) -> &[f64] {
        self.final_table("d11", Table::D11)
    }

    /// D12: the final trend-cycle.
    pub fn trend(&self) -> &[f64] {
        self.final_table("d12", Table::D12)
    }

    /// D13: the final irregular.
    pub fn irregular(&self) -> &[f64] {
        self.final_table("d13", Table::D13)
    }

    /// D16: the combined adjustment factors (seasonal, calendar and prior).
    pub fn combined(&self) -> &[f64] {
        &self.d16
    }

    /// D18: the combined calendar factors (trading day and holiday), with
    /// a regARIMA model that has them.
    pub fn calendar(&self) -> Option<&[f64]> {
        let m = self.model.as_deref()?;
        m.tables
            .iter()
            .find(|(k, _)| *k == "d18")
            .map(|(_, v)| v.as_slice())
    }

    /// A table by the name `save=` gives it (`d10`, `seasonal`, `a2`, …),
    /// with the program's file extension for it (`d10`); `None` for a name
    /// this run does not produce. NaN where the table has no value (the
    /// ends of B2, the unreplaced values of D9).
    ///
    /// # Example
    /// ```
    /// use econseries::x13::spec::X13Spec;
    ///
    /// let data: Vec<String> = (0..48).map(|i| (50.0 + (i % 4) as f64).to_string()).collect();
    /// let run = X13Spec::parse(&format!("series{{start=2001.1 period=4 data=({})}} x11{{}}", data.join(" ")))?.run()?;
    /// let (ext, d10) = run.table("seasonal").unwrap_or(("", &[]));
    /// assert_eq!((ext, d10.len()), ("d10", 48));
    /// assert!(run.table("f1").is_none());
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn table(&self, name: &str) -> Option<(&'static str, &[f64])> {
        let lower = name.to_ascii_lowercase();
        let short = ALIASES
            .iter()
            .find(|(long, _)| *long == lower)
            .map_or(lower.as_str(), |(_, short)| short);
        if let Some(m) = self.model.as_deref()
            && let Some((k, v)) = m.tables.iter().find(|(k, _)| *k == short)
        {
            return Some((k, v.as_slice()));
        }
        match short {
            "a1" => Some(("a1", &self.original)),
            "a2" => self.prior().map(|p| ("a2", p)),
            "d16" => Some(("d16", &self.d16)),
            _ => {
                let t = short.parse::<Table>().ok()?;
                Some((t.name(), self.x11_table(t)))
            }
        }
    }
}

/// The tables each spec may save in a run here: `series` A1 and B1,
/// `transform` A2, `x11` its tables from B2 on.
fn saves_in(spec: &str, ext: &str) -> bool {
    const REGRESSION: [&str; 7] = ["td", "hol", "otl", "ao", "ls", "tc", "usr"];
    match spec {
        "series" => matches!(ext, "a1" | "b1"),
        "transform" => ext == "a2",
        "regression" => REGRESSION.contains(&ext),
        "x11" => !matches!(ext, "a1" | "a2" | "b1") && !REGRESSION.contains(&ext),
        _ => false,
    }
}

impl X13Spec {
    fn not_yet(&self, spec: &'static str, argument: Option<&'static str>) -> Error {
        Error::Spec {
            line: self.lines.line(spec, argument),
            problem: Box::new(SpecProblem::NeedsRegarima {
                spec: spec.into(),
                argument: argument.map(Into::into),
            }),
        }
    }

    /// Runs the spec as the program does: `series`; `transform` with
    /// `function=none` or `log` (given or by default) and optionally
    /// `adjust=lom`, `loq` or `lpyear` (with `log`, as the program
    /// requires); a regARIMA model from `regression`, `arima`, `estimate`,
    /// `forecast` and `outlier` (see [`X13Run`]); and `x11` on the
    /// prior-adjusted series, less the model's regression effects and
    /// extended by its forecasts (a year by default) and backcasts.
    ///
    /// # Errors
    /// - [`Error::Spec`] naming the spec (and argument) and its line: with
    ///   [`SpecProblem::NeedsRegarima`] for `automdl`,
    ///   `transform{function=auto}` or `power`, a transform `constant`,
    ///   `series{modelspan}`, and `x11{appendfcst, appendbcst, final}`; with
    ///   [`SpecProblem::UnsupportedArgument`] for an argument of the model
    ///   specs the run does not implement (`regression{aictest}` with an
    ///   outlier search, `estimate{exact=ma}`, `outlier{method=addall}`,
    ///   initial ARMA values, …) or a variable it does not place
    ///   (`seasonal`, `sincos`, seasonal outliers); with
    ///   [`SpecProblem::Missing`] without an
    ///   `x11` spec or with a model but no `arima` spec; with
    ///   [`SpecProblem::Conflict`] for a prior adjustment without `log` or
    ///   with a length-of-period regressor, or a transform the X-11 mode
    ///   does not match; and with [`SpecProblem::UnsupportedTable`] for a
    ///   `save=` name this run does not produce;
    /// - [`Error::Undefined`] for a value equal to `missingcode`;
    /// - [`Error::NotPositive`] for a value the log transform or the X-11
    ///   mode cannot take, naming its period;
    /// - as [`data_in_span`](X13Spec::data_in_span),
    ///   [`RegArima::fit_slice`](crate::x13::RegArima::fit_slice) and
    ///   [`X11::fit_slice`](crate::seasonal::X11::fit_slice).
    pub fn run(&self) -> Result<X13Run> {
        if self.automdl.is_some() {
            return Err(self.not_yet("automdl", None));
        }
        if self.series.modelspan.is_some() {
            return Err(self.not_yet("series", Some("modelspan")));
        }
        let mut log = false;
        let mut adjust = None;
        if let Some(t) = &self.transform {
            match t.function {
                TransformFunction::None => {}
                TransformFunction::Log => log = true,
                TransformFunction::Auto => return Err(self.not_yet("transform", Some("function"))),
                TransformFunction::Power(_) => {
                    return Err(self.not_yet("transform", Some("power")));
                }
            }
            if t.constant != 0.0 {
                return Err(self.not_yet("transform", Some("constant")));
            }
            adjust = t.adjust;
            if adjust.is_some() && !log {
                return Err(Error::Spec {
                    line: self.lines.line("transform", Some("adjust")),
                    problem: Box::new(SpecProblem::Conflict {
                        first: "transform: adjust".into(),
                        second: "a function other than log".into(),
                    }),
                });
            }
        }
        let (Some(x), Some(settings)) = (&self.x11, self.x11_settings()) else {
            return Err(Error::Spec {
                line: self.lines.line("series", None),
                problem: Box::new(SpecProblem::Missing {
                    spec: "x11".into(),
                    argument: "to be given (a run without X-11 is a regARIMA run)",
                }),
            });
        };
        if x.appendfcst {
            return Err(self.not_yet("x11", Some("appendfcst")));
        }
        if x.appendbcst {
            return Err(self.not_yet("x11", Some("appendbcst")));
        }
        if !x.final_adjust.is_empty() {
            return Err(self.not_yet("x11", Some("final")));
        }
        if adjust.is_some() && matches!(x.mode, X11Mode::Additive | X11Mode::PseudoAdditive) {
            // The program refuses both: prior factors divide the series.
            return Err(Error::Spec {
                line: self.lines.line("x11", Some("mode")),
                problem: Box::new(SpecProblem::Conflict {
                    first: "transform: adjust".into(),
                    second: "x11: mode=add or pseudoadd".into(),
                }),
            });
        }
        let model = self.has_model();
        if model {
            let clash = match x.mode {
                X11Mode::Additive => log.then_some("transform: function=log"),
                X11Mode::PseudoAdditive => Some("a regARIMA model (not supported)"),
                _ => None,
            };
            if let Some(first) = clash {
                return Err(Error::Spec {
                    line: self.lines.line("x11", Some("mode")),
                    problem: Box::new(SpecProblem::Conflict {
                        first: first.into(),
                        second: "x11: mode".into(),
                    }),
                });
            }
        }
        let (span, values) = self.data_in_span()?;
        if let Some(i) = values.iter().position(|v| *v == self.series.missing_code) {
            return Err(Error::Undefined {
                operation: Operation::X11,
                period: span.any_period(i)?,
                reason: UndefinedReason::MissingValue,
            });
        }
        if log && let Some(i) = values.iter().position(|v| *v <= 0.0) {
            return Err(Error::NotPositive {
                operation: Operation::Log,
                period: Some(span.any_period(i)?),
                index: i,
                value: values.get(i).copied().unwrap_or(f64::NAN),
                zero_allowed: false,
            });
        }
        let prior = adjust.map(|a| prior_factors(&span, a));
        let b1: Vec<f64> = match &prior {
            Some(p) => values.iter().zip(p).map(|(y, f)| y / f).collect(),
            None => values.to_vec(),
        };
        let step = if model {
            let step = self.model_step(&span, &b1, log)?;
            if !log
                && x.mode != X11Mode::Additive
                && step.effects.iter().any(|(c, _)| *c != Component::Constant)
            {
                // Additive regression effects cannot be removed from a
                // multiplicative decomposition without a rule for it.
                return Err(Error::Spec {
                    line: self.lines.line("x11", Some("mode")),
                    problem: Box::new(SpecProblem::Conflict {
                        first: "regression effects without transform{function=log}".into(),
                        second: "x11: a multiplicative mode".into(),
                    }),
                });
            }
            Some(step)
        } else {
            None
        };
        let (x11_input, back, fore) = match &step {
            Some(s) => (s.preadjusted.as_slice(), s.back, s.fore),
            None => (b1.as_slice(), 0, 0),
        };
        let settings = settings.forecast_extended(fore).backcast_extended(back);
        let per = span.per_year() as usize;
        let first = (span.start().period() as usize - 1 + per * back - back) % per;
        let fit = settings
            .fit_slice(x11_input, per, first)
            .map_err(|e| match e {
                Error::NotPositive {
                    operation,
                    period: None,
                    index,
                    value,
                    zero_allowed,
                } => Error::NotPositive {
                    operation,
                    period: index
                        .checked_sub(back)
                        .and_then(|i| span.any_period(i).ok()),
                    index,
                    value,
                    zero_allowed,
                },
                e => e,
            })?;
        let n = values.len();
        let Some(step) = step else {
            let d16 = match &prior {
                Some(p) => fit
                    .table(Table::D10)
                    .iter()
                    .zip(p)
                    .map(|(s, f)| s * f)
                    .collect(),
                None => fit.table(Table::D16).to_vec(),
            };
            return Ok(X13Run {
                span,
                original: values.to_vec(),
                prior,
                fit,
                d16,
                model: None,
            });
        };
        let x11 = |t: Table| -> Vec<f64> {
            let all = fit.table(t);
            all.get(back..back + n).unwrap_or(all).to_vec()
        };
        let mult = step.log;
        let combine = |a: &[f64], b: &[f64]| -> Vec<f64> {
            a.iter()
                .zip(b)
                .map(|(x, y)| if mult { x * y } else { x + y })
                .collect()
        };
        let td = step.effect(Component::TradingDay, n);
        let hol = step.effect(Component::Holiday, n);
        let ao = step.effect(Component::Ao, n);
        let ls = step.effect(Component::LevelShift, n);
        let tc = step.effect(Component::Tc, n);
        let usr = step.effect(Component::User, n);
        // The quality statistics count effects X-11 did not see.
        let otl = combine(&combine(&ao, &ls), &tc);
        let effects = (vec![td.clone(), hol.clone()], ls.clone(), otl.clone());
        let d18 = combine(&td, &hol);
        let d10 = x11(Table::D10);
        let mut d16 = combine(&d10, &d18);
        if let Some(p) = &prior {
            d16 = combine(&d16, p);
        }
        let d11: Vec<f64> = values
            .iter()
            .zip(&d16)
            .map(|(a, f)| if mult { a / f } else { a - f })
            .collect();
        let d12 = combine(&x11(Table::D12), &ls);
        let d13 = combine(&combine(&x11(Table::D13), &ao), &tc);
        let mut tables = vec![
            ("d10", d10),
            ("d11", d11),
            ("d12", d12),
            ("d13", d13),
            ("d18", d18),
            ("b1", x11(Table::B1)),
            ("td", td),
            ("hol", hol),
            ("otl", otl),
            ("ao", ao),
            ("ls", ls),
            ("tc", tc),
        ];
        if step.effects.iter().any(|(c, _)| *c == Component::User) {
            tables.push(("usr", usr));
        }
        Ok(X13Run {
            span,
            original: values.to_vec(),
            prior,
            fit: fit.with_regression_effects(effects.0, effects.1, effects.2),
            d16,
            model: Some(Box::new(ModelRun { step, tables })),
        })
    }

    /// The tables the specs' `save=` arguments name, in the order given,
    /// as (the program's file extension, the values), for a run of this
    /// spec.
    ///
    /// # Errors
    /// [`Error::Spec`] with [`SpecProblem::UnsupportedTable`] naming the
    /// spec, the table and the line of its `save` for a table the run does
    /// not produce (the program's F and E4+ tables, regARIMA tables).
    pub fn saved_tables<'r>(&self, run: &'r X13Run) -> Result<Vec<(&'static str, &'r [f64])>> {
        let lists: [(&'static str, &[String]); 7] = [
            ("series", &self.series.save),
            (
                "transform",
                self.transform.as_ref().map_or(&[], |t| &t.save),
            ),
            (
                "regression",
                self.regression.as_ref().map_or(&[], |r| &r.save),
            ),
            ("estimate", self.estimate.as_ref().map_or(&[], |e| &e.save)),
            ("forecast", self.forecast.as_ref().map_or(&[], |f| &f.save)),
            ("outlier", self.outlier.as_ref().map_or(&[], |o| &o.save)),
            ("x11", self.x11.as_ref().map_or(&[], |x| &x.save)),
        ];
        let mut out = Vec::new();
        for (spec, names) in lists {
            for name in names {
                let found = if name == "b1" && spec == "series" {
                    Some(("b1", run.x11_table(Table::B1)))
                } else {
                    run.table(name)
                };
                match found {
                    Some((ext, values)) if saves_in(spec, ext) => out.push((ext, values)),
                    _ => {
                        return Err(Error::Spec {
                            line: self.lines.line(spec, Some("save")),
                            problem: Box::new(SpecProblem::UnsupportedTable {
                                spec: spec.into(),
                                table: name.as_str().into(),
                            }),
                        });
                    }
                }
            }
        }
        Ok(out)
    }
}

/// The prior adjustment factors of the program's `adjust=`: the length of
/// the month (quarter) over its long-run mean 30.4375 (91.3125) days, or
/// for leap years February's (the first quarter's) length over its mean
/// 28.25 (90.25) days, 1 elsewhere.
fn prior_factors(span: &Span, adjust: PriorAdjust) -> Vec<f64> {
    let leap = |y: i32| (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    (0..span.len())
        .map(|i| {
            let d = span.date(i);
            let feb = if leap(d.year()) { 29.0 } else { 28.0 };
            let (year_days, first_days) = if span.per_year() == 12 {
                (30.4375, feb)
            } else {
                (91.3125, 62.0 + feb)
            };
            match (adjust, span.per_year(), d.period()) {
                (PriorAdjust::LeapYear, 12, 2) => feb / 28.25,
                (PriorAdjust::LeapYear, 4, 1) => first_days / 90.25,
                (PriorAdjust::LeapYear, _, _) => 1.0,
                (PriorAdjust::LengthOfPeriod, 12, m) => {
                    f64::from(match m {
                        2 => return feb / year_days,
                        4 | 6 | 9 | 11 => 30u32,
                        _ => 31,
                    }) / year_days
                }
                (PriorAdjust::LengthOfPeriod, _, q) => {
                    f64::from(match q {
                        1 => return first_days / year_days,
                        2 => 91u32,
                        _ => 92,
                    }) / year_days
                }
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::x13::regressors::SpecDate;

    /// The factors from the days of the months (quarters) counted here.
    #[test]
    fn prior_factors_are_days_over_their_mean() {
        let m = Span::from_date(12, SpecDate::new(1999, 12), 4).unwrap();
        let lom = prior_factors(&m, PriorAdjust::LengthOfPeriod);
        assert_eq!(lom, [31.0, 31.0, 29.0, 31.0].map(|d| d / 30.4375));
        let m = Span::from_date(12, SpecDate::new(2100, 1), 14).unwrap();
        let lp = prior_factors(&m, PriorAdjust::LeapYear);
        // 2100 is not a leap year; 2101 neither.
        assert_eq!(lp[1], 28.0 / 28.25);
        assert_eq!(lp[13], 28.0 / 28.25);
        assert!(lp.iter().enumerate().all(|(i, f)| i % 12 == 1 || *f == 1.0));
        let q = Span::from_date(4, SpecDate::new(2000, 1), 5).unwrap();
        let loq = prior_factors(&q, PriorAdjust::LengthOfPeriod);
        assert_eq!(loq, [91.0, 91.0, 92.0, 92.0, 90.0].map(|d| d / 91.3125));
        let lpq = prior_factors(&q, PriorAdjust::LeapYear);
        assert_eq!(lpq, [91.0 / 90.25, 1.0, 1.0, 1.0, 90.0 / 90.25]);
    }

    #[test]
    fn tables_by_short_and_long_name() {
        let data: Vec<String> = (0..48)
            .map(|i| (50.0 + (i % 12) as f64 + i as f64).to_string())
            .collect();
        let spec = X13Spec::parse(&format!(
            "series{{start=2001.1 data=({}) save=(b1)}} x11{{save=(seasadj trend e3)}}",
            data.join(" ")
        ))
        .unwrap();
        let run = spec.run().unwrap();
        assert_eq!(run.table("SEASADJ").map(|t| t.0), Some("d11"));
        assert_eq!(run.table("adjustfac").map(|t| t.0), Some("d16"));
        assert!(run.table("a2").is_none());
        assert!(run.table("f2").is_none());
        let saved: Vec<&str> = spec
            .saved_tables(&run)
            .unwrap()
            .iter()
            .map(|t| t.0)
            .collect();
        assert_eq!(saved, ["b1", "d11", "d12", "e3"]);
        // A2 belongs to transform's save, not x11's.
        let spec = X13Spec::parse(&format!(
            "series{{start=2001.1 data=({})}}\ntransform{{function=log adjust=lom}}\nx11{{save=(a2)}}",
            data.join(" ")
        ))
        .unwrap();
        let run = spec.run().unwrap();
        assert!(matches!(
            spec.saved_tables(&run),
            Err(Error::Spec { line: 3, .. })
        ));
    }
}
