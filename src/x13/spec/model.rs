//! The regARIMA step of a spec run: the model of the `regression`,
//! `arima`, `estimate`, `forecast` and `outlier` specs fitted with
//! [`RegArima`], and the regression effects split into the program's
//! components (checked against build 62's saved tables):
//!
//! | component | variables | table | final table it joins |
//! |---|---|---|---|
//! | trading day | `td`, `td1coef`, `tdnolpyear`, `td1nolpyear`, `tdstock`, `lpyear`, `lom`, user `td` | A6 `td` | D18, D16 |
//! | holiday | `easter`, `labor`, `thank`, user `holiday` | A7 `hol` | D18, D16 |
//! | AO, TC | `ao`, `tc`, found AO and TC | A8.AO `ao`, A8.TC `tc` | D13 |
//! | level change | `ls`, `rp`, `tl`, found LS | A8.LS `ls` | D12 |
//! | user | user `user` | A9 `usr` | D11 (kept in the adjusted series) |
//!
//! With `function=log` the effects are factors (exp of the regression
//! effect on the log scale), and with `td` or `td1coef` the program divides
//! the series by the leap-year factors before the model (its A2 "from
//! trading day regression") and folds them into the trading-day factors.

use crate::error::{Error, Result, SpecProblem};
use crate::x13::regressors::{Effect, RegressorOptions, Regressors, Span, SpecDate, Variable};
use crate::x13::{
    AicTests, ArimaOrder, ArmaCoefficients, AutoModel, AutoModelFit, OutlierKind, OutlierSearch,
    RegArima, RegArimaFit, Transform,
};

use super::{
    ArimaModel, ArimaSpec, AutomdlSpec, Exact, OutlierMethod, OutlierSpec, OutlierType,
    RegressionSpec, UserType, X13Spec,
};

/// Where a regression effect goes among the program's tables.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Component {
    /// The trend constant: in the model only, not removed.
    Constant,
    /// Trading day, leap year, length of period (table A6, `td`).
    TradingDay,
    /// Moving holidays (table A7, `hol`).
    Holiday,
    /// Additive outliers (A8.AO, `ao`): in the final irregular.
    Ao,
    /// Level shifts, ramps and temporary level shifts (A8.LS, `ls`): in the
    /// final trend.
    LevelShift,
    /// Temporary changes (A8.TC, `tc`): in the final irregular.
    Tc,
    /// User regressors of `usertype=user` (A9, `usr`): kept in the final
    /// seasonally adjusted series.
    User,
}

/// One regressor of the model: its name, component and values over
/// backcasts, span and forecasts.
#[derive(Clone, Debug)]
struct Column {
    name: String,
    component: Component,
    values: Vec<f64>,
}

/// The model part of a run.
#[derive(Clone, Debug)]
pub(super) struct ModelStep {
    /// The fitted model.
    pub(super) fit: RegArimaFit,
    /// Backcasts and forecasts that extend the series for X-11.
    pub(super) back: usize,
    pub(super) fore: usize,
    /// The series X-11 adjusts (B1 extended): prior-adjusted, less the
    /// regression effects, over backcasts, span and forecasts.
    pub(super) preadjusted: Vec<f64>,
    /// Each component's effect over backcasts, span and forecasts: factors
    /// under the log, additive effects without it.
    pub(super) effects: Vec<(Component, Vec<f64>)>,
    /// Whether the effects are factors.
    pub(super) log: bool,
    /// The leap-year factors the program divides out before a log model
    /// with `td` or `td1coef` (over backcasts, span and forecasts).
    pub(super) leap: Option<Vec<f64>>,
    /// The names of the outliers the search added (`AO1976.Feb`).
    pub(super) found: Vec<String>,
}

impl ModelStep {
    /// A component's effect over the span (the neutral value without it).
    /// `mult`: whether the final tables are multiplicative (the effects
    /// are factors whenever there are effects under the log).
    pub(super) fn effect(&self, c: Component, n: usize, mult: bool) -> Vec<f64> {
        let neutral = if mult { 1.0 } else { 0.0 };
        let mut out = vec![neutral; n];
        for (k, v) in &self.effects {
            if *k == c {
                for (o, x) in out.iter_mut().zip(v.iter().skip(self.back)) {
                    *o = if mult { *o * x } else { *o + x };
                }
            }
        }
        if c == Component::TradingDay
            && let Some(l) = &self.leap
        {
            for (o, x) in out.iter_mut().zip(l.iter().skip(self.back)) {
                *o *= x;
            }
        }
        out
    }
}

/// A model ready to fit, with what its effects need afterwards.
#[derive(Clone, Debug)]
struct Prepared {
    model: RegArima,
    cols: Vec<Column>,
    outliers: Vec<(OutlierKind, usize)>,
    constant: bool,
    leap: Option<Vec<f64>>,
    back: usize,
    fore: usize,
    period: usize,
    start: (i32, u32),
    transform: Transform,
}

impl X13Spec {
    pub(super) fn spec_error(&self, spec: &str, argument: Option<&str>, p: SpecProblem) -> Error {
        Error::Spec {
            line: self.lines.line(spec, argument),
            problem: Box::new(p),
        }
    }

    fn unsupported(&self, spec: &'static str, argument: &'static str) -> Error {
        self.spec_error(
            spec,
            Some(argument),
            SpecProblem::UnsupportedArgument {
                spec: spec.into(),
                argument: argument.into(),
            },
        )
    }

    /// Whether the spec asks for a regARIMA model.
    pub(super) fn has_model(&self) -> bool {
        self.regression.is_some()
            || self.arima.is_some()
            || self.automdl.is_some()
            || self.outlier.is_some()
            || self.forecast.is_some()
            || self.estimate.is_some()
    }

    /// Fits the model to `y` (the span's values divided by the prior
    /// factors) on the scale of `transform` (none, log or power; an
    /// automatic choice is made before, by
    /// [`choose_transform`](X13Spec::choose_transform)) and splits its
    /// effects.
    /// `start`: ARMA starting values (the last fit of the automatic
    /// transformation's test, from which the program estimates the chosen
    /// model again when nothing else is searched).
    pub(super) fn model_step(
        &self,
        span: &Span,
        y: &[f64],
        transform: Transform,
        start: Option<Vec<f64>>,
    ) -> Result<ModelStep> {
        if let Some(a) = &self.automdl {
            return self.automdl_step(a, span, y, transform);
        }
        if let Some(r) = &self.regression
            && !r.aictest.is_empty()
        {
            return self.aictest_step(r, span, y, transform);
        }
        let mut p = self.prepare(span, y, transform)?;
        if let Some(s) = start
            && self.outlier.is_none()
        {
            p.model = p.model.initial_arma(s);
        }
        let fit = p.model.fit_slice(y, p.period, p.start)?;
        Ok(self.finish(p, fit, y))
    }

    /// The model's fit alone, without its effects and pre-adjusted series
    /// (what the AICC tests compare).
    fn fit_only(&self, span: &Span, y: &[f64], transform: Transform) -> Result<RegArimaFit> {
        let p = self.prepare(span, y, transform)?;
        p.model.fit_slice(y, p.period, p.start)
    }

    /// The regARIMA model of the specs, ready to fit.
    fn prepare(&self, span: &Span, y: &[f64], transform: Transform) -> Result<Prepared> {
        let log = matches!(transform, Transform::Log);
        let Some(arima) = &self.arima else {
            let present = [
                ("regression", self.regression.is_some()),
                ("outlier", self.outlier.is_some()),
                ("forecast", self.forecast.is_some()),
                ("estimate", self.estimate.is_some()),
            ];
            let spec = present
                .iter()
                .find(|(_, p)| *p)
                .map_or("regression", |(s, _)| s);
            // The program: "no provision for an ARIMA model was found".
            return Err(self.spec_error(
                spec,
                None,
                SpecProblem::Missing {
                    spec: spec.into(),
                    argument: "an arima or automdl spec (the regARIMA model)",
                },
            ));
        };
        let per = span.per_year();
        let period = per as usize;
        let n = y.len();
        let order = self.order(arima, per)?;
        let (fore, back) = match &self.forecast {
            Some(f) => {
                if f.probability != 0.95 {
                    return Err(self.unsupported("forecast", "probability"));
                }
                if f.exclude != 0 {
                    return Err(self.unsupported("forecast", "exclude"));
                }
                if f.lognormal {
                    return Err(self.unsupported("forecast", "lognormal"));
                }
                (f.maxlead.unwrap_or(per) as usize, f.maxback as usize)
            }
            // The program extends the series by a year of forecasts for X-11.
            None => (period, 0),
        };
        let ext_start = shift(span.start(), per, -(back as i64));
        let ext = Span::from_date(per, ext_start, back + n + fore)?;
        let mut cols: Vec<Column> = Vec::new();
        let mut outliers: Vec<(OutlierKind, usize)> = Vec::new();
        let mut constant = false;
        let mut leap_adjust = false;
        let prior = self.transform.as_ref().and_then(|t| t.adjust);
        if let Some(r) = &self.regression {
            if r.centeruser.is_some() {
                return Err(self.unsupported("regression", "centeruser"));
            }
            let mut options = RegressorOptions::new()
                .log(log)
                .differencing(order.d as u32, order.sd as u32);
            if let Some(rate) = r.tcrate {
                if self.outlier.is_some() {
                    return Err(self.spec_error(
                        "regression",
                        Some("tcrate"),
                        SpecProblem::Conflict {
                            first: "regression: tcrate".into(),
                            second: "the outlier search (which uses the default rate)".into(),
                        },
                    ));
                }
                options = options.tc_rate(rate);
            }
            for v in r.variables.variables() {
                let component = match v.effect() {
                    Effect::Constant => {
                        constant = true;
                        continue;
                    }
                    Effect::TradingDay => Component::TradingDay,
                    Effect::Easter | Effect::Labor | Effect::Thanksgiving => Component::Holiday,
                    Effect::Seasonal => {
                        return Err(self.spec_error(
                            "regression",
                            Some("variables"),
                            SpecProblem::UnsupportedArgument {
                                spec: "regression".into(),
                                argument: v.to_string().into(),
                            },
                        ));
                    }
                    Effect::Outlier => match v {
                        Variable::Ao(_) => Component::Ao,
                        Variable::Tc(_) => Component::Tc,
                        Variable::Ls(_)
                        | Variable::Ramp(..)
                        | Variable::TemporaryLevelShift(..) => Component::LevelShift,
                        // Seasonal outliers: where the program puts them is
                        // not established here.
                        _ => {
                            return Err(self.spec_error(
                                "regression",
                                Some("variables"),
                                SpecProblem::UnsupportedArgument {
                                    spec: "regression".into(),
                                    argument: v.to_string().into(),
                                },
                            ));
                        }
                    },
                };
                if log
                    && matches!(v, Variable::TradingDay | Variable::TradingDay1Coef)
                    && prior.is_none()
                {
                    leap_adjust = true;
                }
                if prior.is_some()
                    && (matches!(v, Variable::LeapYear | Variable::LengthOfPeriod)
                        || (log && matches!(v, Variable::TradingDay | Variable::TradingDay1Coef)))
                {
                    // The program refuses both: a length-of-period effect as
                    // a prior factor and in the regression.
                    return Err(self.spec_error(
                        "transform",
                        Some("adjust"),
                        SpecProblem::Conflict {
                            first: "transform: adjust".into(),
                            second: format!("regression variable {v}").into(),
                        },
                    ));
                }
                // Outliers in the span with the default TC rate go to the
                // model as outliers, so that the search knows them.
                let at = |d: &SpecDate| {
                    let o = span.offset(*d);
                    (0..n as i64).contains(&o).then_some(o as usize)
                };
                let kind = match v {
                    Variable::Ao(d) => at(d).map(|p| (OutlierKind::Ao, p)),
                    Variable::Ls(d) => at(d).map(|p| (OutlierKind::Ls, p)),
                    Variable::Tc(d) if r.tcrate.is_none() => at(d).map(|p| (OutlierKind::Tc, p)),
                    _ => None,
                };
                if let Some(k) = kind {
                    outliers.push(k);
                    continue;
                }
                for c in v.columns(&ext, &options)? {
                    cols.push(Column {
                        name: c.name,
                        component,
                        values: c.values,
                    });
                }
            }
            for u in &r.user {
                let component = match u.usertype {
                    UserType::User => Component::User,
                    UserType::Holiday(_) => Component::Holiday,
                    UserType::TradingDay => Component::TradingDay,
                    _ => {
                        return Err(self.spec_error(
                            "regression",
                            Some("usertype"),
                            SpecProblem::UnsupportedArgument {
                                spec: "regression".into(),
                                argument: "usertype (other than user, holiday or td)".into(),
                            },
                        ));
                    }
                };
                let from = r.user_start.unwrap_or(self.series.start);
                let user_span = Span::from_date(per, from, u.values.len())?;
                let first = user_span.offset(ext_start);
                let values: Option<Vec<f64>> = (0..ext.len() as i64)
                    .map(|i| {
                        usize::try_from(first + i)
                            .ok()
                            .and_then(|k| u.values.get(k).copied())
                    })
                    .collect();
                let Some(values) = values else {
                    return Err(Error::X13Regressor {
                        name: u.name.as_str().into(),
                        reason: "its values do not cover the span with its backcasts and forecasts",
                    });
                };
                cols.push(Column {
                    name: u.name.clone(),
                    component,
                    values,
                });
            }
        }
        let mut model = RegArima::new(order)
            .transform(transform)
            .constant(constant)
            .forecasts(fore)
            .backcasts(back);
        for (kind, at) in &outliers {
            model = model.outlier(*kind, *at);
        }
        for c in &cols {
            model = model.regressor(c.name.clone(), c.values.clone());
        }
        if let Some(e) = &self.estimate {
            if e.exact != Exact::Arma {
                return Err(self.unsupported("estimate", "exact"));
            }
            if e.outofsample {
                return Err(self.unsupported("estimate", "outofsample"));
            }
            model = model.tolerance(e.tol).max_iterations(e.maxiter as usize);
        }
        if let Some(o) = &self.outlier {
            model = model.outlier_search(self.search(o, n)?);
        }
        if let Some(theta) = self.fixed_coefficients(arima, &order)? {
            model = model.fixed_arma(theta);
        }
        let leap: Option<Vec<f64>> = leap_adjust.then(|| {
            (0..ext.len())
                .map(|i| {
                    let d = ext.date(i);
                    crate::x13::transform::leap_factor(d.year(), d.period(), period)
                })
                .collect()
        });
        let start = (span.start().year(), span.start().period());
        // The model divides by the same leap-year factors and counts their
        // Jacobian in the likelihood, as the program's AICC does.
        let model = model.leap_year_adjust(leap.is_some());
        Ok(Prepared {
            model,
            cols,
            outliers,
            constant,
            leap,
            back,
            fore,
            period,
            start,
            transform,
        })
    }

    /// The fitted model's regression effects split by component and the
    /// series X-11 adjusts.
    fn finish(&self, p: Prepared, fit: RegArimaFit, y: &[f64]) -> ModelStep {
        let Prepared {
            cols,
            outliers,
            constant,
            leap,
            back,
            fore,
            period,
            transform,
            ..
        } = p;
        let log = matches!(transform, Transform::Log);
        let n = y.len();
        let total = back + n + fore;
        let mut k = usize::from(constant);
        let found: Vec<String> = fit
            .regression()
            .iter()
            .skip(k + outliers.len())
            .take(fit.outliers().len().saturating_sub(outliers.len()))
            .map(|c| c.name.clone())
            .collect();
        if let Transform::Power(_) = transform {
            // The program removes no regression effect under a power
            // transformation ("regARIMA preadjustment factors are only
            // produced for either the log or no transformation"): X-11
            // adjusts the series extended by the model's forecasts and
            // backcasts on the series' scale.
            let value = |f: Option<&crate::x13::Forecast>| f.map_or(f64::NAN, |f| f.value);
            let preadjusted = (0..total)
                .map(|i| {
                    if i < back {
                        value(fit.backcasts().get(i))
                    } else if i < back + n {
                        y.get(i - back).copied().unwrap_or(f64::NAN)
                    } else {
                        value(fit.forecasts().get(i - back - n))
                    }
                })
                .collect();
            return ModelStep {
                fit,
                back,
                fore,
                preadjusted,
                effects: Vec::new(),
                log: false,
                leap: None,
                found,
            };
        }
        // The series over the span less the leap-year factors.
        let ys: Vec<f64> = match &leap {
            Some(l) => y
                .iter()
                .zip(l.iter().skip(back))
                .map(|(v, f)| v / f)
                .collect(),
            None => y.to_vec(),
        };

        // The regression effects, component by component, on the model's
        // scale, over backcasts + span + forecasts.
        let coef = fit.regression();
        let mut effects: Vec<(Component, Vec<f64>)> = Vec::new();
        for o in fit.outliers() {
            let beta = coef.get(k).map_or(0.0, |c| c.estimate);
            k += 1;
            let comp = match o.kind {
                OutlierKind::Ao => Component::Ao,
                OutlierKind::Ls => Component::LevelShift,
                OutlierKind::Tc => Component::Tc,
            };
            let col = o
                .kind
                .column(o.position, period, -(back as i64), (n + fore) as i64);
            effects.push((comp, col.iter().map(|x| beta * x).collect()));
        }
        for c in &cols {
            let beta = coef.get(k).map_or(0.0, |c| c.estimate);
            k += 1;
            effects.push((c.component, c.values.iter().map(|x| beta * x).collect()));
        }
        let mut removed = vec![0.0; total];
        for (_, e) in &effects {
            for (r, x) in removed.iter_mut().zip(e) {
                *r += x;
            }
        }
        // The series less its effects: the data over the span, the
        // transformed forecasts and backcasts beyond it.
        let mut preadjusted = Vec::with_capacity(total);
        for (i, r) in removed.iter().enumerate() {
            let v = if i < back {
                let z = fit.backcasts().get(i).map_or(f64::NAN, |f| f.transformed);
                if log { (z - r).exp() } else { z - r }
            } else if i < back + n {
                let v = ys.get(i - back).copied().unwrap_or(f64::NAN);
                if log { v / r.exp() } else { v - r }
            } else {
                let z = fit
                    .forecasts()
                    .get(i - back - n)
                    .map_or(f64::NAN, |f| f.transformed);
                if log { (z - r).exp() } else { z - r }
            };
            preadjusted.push(v);
        }
        if log {
            for (_, e) in &mut effects {
                for x in e.iter_mut() {
                    *x = x.exp();
                }
            }
        }
        ModelStep {
            fit,
            back,
            fore,
            preadjusted,
            effects,
            log,
            leap,
            found,
        }
    }

    /// This spec with the regression variables `variables` in place of its
    /// own and no AICC tests (`None`: its variables as they are), with or
    /// without the outlier search: one candidate of the tests or of the
    /// identification.
    fn variant(&self, variables: Option<&Regressors>, search: bool) -> X13Spec {
        let mut spec = self.clone();
        if let (Some(reg), Some(v)) = (spec.regression.as_mut(), variables) {
            reg.variables = v.clone();
            reg.aictest.clear();
            reg.aicdiff = 0.0;
        }
        if !search {
            spec.outlier = None;
        }
        spec
    }

    /// `aictest=`: the calendar effects kept by the program's AICC tests
    /// ([`AicTests`]), each candidate fitted as the rest of the spec says
    /// but without the outlier search, then the model with the effects kept
    /// and the search. The program's order (build 62's output with a fixed
    /// ARIMA model: the tests' AICCs printed before the outlier search,
    /// equal to fits without outliers, and not run again after it).
    fn aictest_step(
        &self,
        r: &RegressionSpec,
        span: &Span,
        y: &[f64],
        transform: Transform,
    ) -> Result<ModelStep> {
        let tests = AicTests::from_spec(&r.aictest, r.aicdiff)
            .map_err(|_| self.unsupported("regression", "aictest"))?;
        let with = |variables: &Regressors, search: bool| self.variant(Some(variables), search);
        let choice = tests.run(&r.variables, |v| {
            Ok(with(v, false)
                .fit_only(span, y, transform)?
                .likelihood()
                .aicc)
        })?;
        with(choice.regressors(), true).model_step(span, y, transform, None)
    }

    /// The transformation of `function=auto`: the model of the specs (its
    /// `variables`, without the AICC tests of `aictest` and without the
    /// outlier search) fitted to the series and to its log, the log kept
    /// unless the untransformed model's AICC is lower by more than
    /// `-aicdiff` (2 by default). Under the log, `td` and `td1coef` come
    /// with the leap-year pre-adjustment; without it, with the leap-year
    /// regressor (build 62's np of the two fits). A series with a value
    /// that is not positive is not transformed.
    ///
    /// Returns the choice and the log fit's ARMA estimates.
    pub(super) fn choose_transform(
        &self,
        span: &Span,
        y: &[f64],
        aicdiff: f64,
    ) -> Result<(Transform, Vec<f64>)> {
        if y.iter().any(|v| *v <= 0.0) {
            return Ok((Transform::None, Vec::new()));
        }
        let mut spec = self.clone();
        spec.outlier = None;
        if let Some(reg) = spec.regression.as_mut() {
            reg.aictest.clear();
        }
        if spec.automdl.take().is_some() {
            // The program's test with automdl: its default model.
            spec.arima = Some(ArimaSpec::new(ArimaModel::airline()));
        }
        let none = spec.fit_only(span, y, Transform::None)?.likelihood().aicc;
        let log_fit = spec.fit_only(span, y, Transform::Log)?;
        let last = log_fit.arma().iter().map(|c| c.estimate).collect();
        let chosen = if none - log_fit.likelihood().aicc < aicdiff {
            Transform::None
        } else {
            Transform::Log
        };
        Ok((chosen, last))
    }

    /// `automdl{}`: the program's automatic model ([`AutoModel`]) with the
    /// regressors of the `regression` spec and the outlier search of the
    /// `outlier` spec. With `aictest=`, the program's order (from build
    /// 62's `.udg`: its AICC differences are those of the identified model,
    /// with its mean, without outliers): the tests with the default
    /// airline model first, the identification with the effects kept,
    /// the tests again with the model identified (before its final checks),
    /// and the identification again if they keep other effects.
    fn automdl_step(
        &self,
        a: &AutomdlSpec,
        span: &Span,
        y: &[f64],
        transform: Transform,
    ) -> Result<ModelStep> {
        let defaults = AutomdlSpec::default();
        let refuse = [
            ("diff", a.diff.is_some()),
            ("acceptdefault", a.acceptdefault),
            ("balanced", a.balanced),
            ("hrinitial", a.hrinitial),
            ("armalimit", a.armalimit != defaults.armalimit),
            ("rejectfcst", a.rejectfcst),
            ("fcstlim", a.fcstlim != defaults.fcstlim),
            ("urfinal", a.urfinal != defaults.urfinal),
        ];
        if let Some((arg, _)) = refuse.iter().find(|(_, r)| *r) {
            return Err(self.unsupported("automdl", arg));
        }
        let mut auto = AutoModel::new()
            .max_order(a.maxorder.0 as usize, a.maxorder.1 as usize)
            .max_diff(a.maxdiff.0 as usize, a.maxdiff.1 as usize)
            .mixed(a.mixed)
            .check_mean(a.checkmu)
            .ljung_box_limit(a.ljungboxlimit);
        if a.reducecv != defaults.reducecv {
            auto = auto.reduce_cv(a.reducecv);
        }
        let n = y.len();
        auto = match &self.outlier {
            Some(o) => {
                let search = self.search(o, n)?;
                let given = o.critical.iter().any(Option::is_some);
                let auto = auto.outliers(Some(search.kinds));
                if given {
                    auto.critical(search.critical)
                } else {
                    auto
                }
            }
            None => auto.outliers(None),
        };
        // The spec with a fixed model in place of automdl: `order` with the
        // regressors `variables` (and the mean), no tests, with or without
        // the outlier search.
        let with = |order: ArimaOrder, variables: Option<&Regressors>, search: bool| {
            let mut spec = self.variant(variables, search);
            spec.automdl = None;
            let u = |x: usize| x as u32;
            spec.arima = Some(ArimaSpec::new(ArimaModel::new(
                (u(order.p), u(order.d), u(order.q)),
                (u(order.sp), u(order.sd), u(order.sq)),
            )));
            spec
        };
        let tests = match &self.regression {
            Some(r) if !r.aictest.is_empty() => Some((
                AicTests::from_spec(&r.aictest, r.aicdiff)
                    .map_err(|_| self.unsupported("regression", "aictest"))?,
                r.variables.clone(),
            )),
            _ => None,
        };
        let test = |order: ArimaOrder, from: &Regressors| -> Result<Regressors> {
            let Some((t, _)) = &tests else {
                return Ok(from.clone());
            };
            Ok(t.run(from, |v| {
                Ok(with(order, Some(v), false)
                    .fit_only(span, y, transform)?
                    .likelihood()
                    .aicc)
            })?
            .regressors()
            .clone())
        };
        let identify = |variables: &Regressors| -> Result<(Prepared, AutoModelFit)> {
            let p =
                with(ArimaOrder::airline(), Some(variables), false).prepare(span, y, transform)?;
            let fit = auto.fit_with(&p.model, y, p.period, p.start)?;
            Ok((p, fit))
        };
        let given = tests
            .as_ref()
            .map(|(_, v)| v.clone())
            .or_else(|| self.regression.as_ref().map(|r| r.variables.clone()))
            .unwrap_or_default();
        let mut kept = test(ArimaOrder::airline(), &given)?;
        let (mut p, mut fit) = identify(&kept)?;
        if tests.is_some() {
            let mut base = kept.clone();
            if fit.mean() && !base.contains(&Variable::Constant) {
                base = base.with(Variable::Constant);
            }
            let mut again = test(fit.first(), &base)?;
            if fit.mean() && !kept.contains(&Variable::Constant) {
                again = again.without_effect(Effect::Constant);
            }
            // An effect the first tests dropped stays out (build 62 drops
            // trading day on R_datasets_UKDriverDeaths and R_fpp2_ausbeer
            // although its .udg gives the second test's AICC difference
            // for it as positive).
            for effect in [Effect::TradingDay, Effect::Easter] {
                if !kept.variables().iter().any(|v| v.effect() == effect) {
                    again = again.without_effect(effect);
                }
            }
            if again != kept {
                kept = again;
                (p, fit) = identify(&kept)?;
            }
        }
        let fit = fit.fit().clone();
        // The identified model's constant comes first among its regressors.
        p.constant = fit
            .regression()
            .first()
            .is_some_and(|c| c.name == "Constant");
        Ok(self.finish(p, fit, y))
    }

    fn order(&self, arima: &ArimaSpec, per: u32) -> Result<ArimaOrder> {
        let m = arima.model;
        if m.period.is_some_and(|p| p != per) {
            return Err(self.unsupported("arima", "model"));
        }
        let u = |x: u32| x as usize;
        Ok(
            ArimaOrder::new(u(m.regular.0), u(m.regular.1), u(m.regular.2)).seasonal(
                u(m.seasonal.0),
                u(m.seasonal.1),
                u(m.seasonal.2),
            ),
        )
    }

    /// `ar=`/`ma=` with every coefficient fixed; initial values (not
    /// fixed) are not supported.
    fn fixed_coefficients(
        &self,
        arima: &ArimaSpec,
        order: &ArimaOrder,
    ) -> Result<Option<ArmaCoefficients>> {
        if arima.ar.is_empty() && arima.ma.is_empty() {
            return Ok(None);
        }
        let all_fixed = |v: &[Option<super::Coefficient>], k: usize| {
            v.len() == k && v.iter().all(|c| c.is_some_and(|c| c.fixed))
        };
        if !all_fixed(&arima.ar, order.p + order.sp) {
            return Err(self.unsupported("arima", "ar"));
        }
        if !all_fixed(&arima.ma, order.q + order.sq) {
            return Err(self.unsupported("arima", "ma"));
        }
        let vals = |v: &[Option<super::Coefficient>]| -> Vec<f64> {
            v.iter().map(|c| c.map_or(0.0, |c| c.value)).collect()
        };
        let (ar, ma) = (vals(&arima.ar), vals(&arima.ma));
        Ok(Some(ArmaCoefficients {
            ar: ar.get(..order.p).unwrap_or(&[]).to_vec(),
            sar: ar.get(order.p..).unwrap_or(&[]).to_vec(),
            ma: ma.get(..order.q).unwrap_or(&[]).to_vec(),
            sma: ma.get(order.q..).unwrap_or(&[]).to_vec(),
        }))
    }

    /// The outlier search of the `outlier` spec.
    fn search(&self, o: &OutlierSpec, n: usize) -> Result<OutlierSearch> {
        if o.method != OutlierMethod::AddOne {
            return Err(self.unsupported("outlier", "method"));
        }
        if o.lsrun != 0 {
            return Err(self.unsupported("outlier", "lsrun"));
        }
        if o.span.is_some() {
            return Err(self.unsupported("outlier", "span"));
        }
        if o.almost != 0.5 {
            return Err(self.unsupported("outlier", "almost"));
        }
        let mut kinds = Vec::new();
        for t in &o.types {
            kinds.push(match t {
                OutlierType::Ao => OutlierKind::Ao,
                OutlierType::Ls => OutlierKind::Ls,
                OutlierType::Tc => OutlierKind::Tc,
                _ => return Err(self.unsupported("outlier", "types")),
            });
        }
        // One critical value for every type searched.
        let given: Vec<f64> = o
            .types
            .iter()
            .filter_map(|t| match t {
                OutlierType::Ao => o.critical[0],
                OutlierType::Ls => o.critical[1],
                OutlierType::Tc => o.critical[2],
                _ => None,
            })
            .collect();
        let critical = match given.first() {
            Some(c) if given.len() == o.types.len() && given.iter().all(|g| g == c) => *c,
            Some(_) => return Err(self.unsupported("outlier", "critical")),
            // The program's default for the n observations searched.
            None => crate::x13::default_critical_value(n),
        };
        Ok(OutlierSearch::new(critical).kinds(kinds))
    }
}

/// The date `k` periods after `d`.
fn shift(d: SpecDate, per: u32, k: i64) -> SpecDate {
    let p = i64::from(per);
    let idx = i64::from(d.year()) * p + i64::from(d.period()) - 1 + k;
    SpecDate::new(
        i32::try_from(idx.div_euclid(p)).unwrap_or(i32::MAX),
        u32::try_from(idx.rem_euclid(p) + 1).unwrap_or(1),
    )
}
