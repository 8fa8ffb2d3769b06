//! The regARIMA run: a builder for the model, transformation, regressors,
//! outliers and forecasts, and its typed results.

use crate::error::{Error, Result};
use crate::period::Period;
use crate::series::Series;
use crate::x13::arima::{self, ArimaOrder, Arma, ArmaCoefficients};
use crate::x13::estimate::{Estimate, Problem};
use crate::x13::outlier::{self, Outlier, OutlierKind, OutlierSearch};
use crate::x13::transform::{Transform, leap_factor};

/// The value the program puts in place of a missing value before it
/// estimates it (`series{missingval=}`, 10⁹ by default).
const MISSING_FILL: f64 = 1e9;

/// The two-sided 95% normal quantile the program's intervals use.
const Z95: f64 = 1.959_963_984_540_054;

/// This implementation's cap on outliers found automatically (the most the
/// program finds on the test corpus is 17): beyond it the search is refused.
const MAX_OUTLIERS: usize = 100;

/// A regARIMA run, configured by value: `RegArima::new(order)`, then
/// options, then [`fit`](RegArima::fit) or [`fit_slice`](RegArima::fit_slice).
///
/// The defaults are the program's: no transformation, no regressors, exact
/// maximum likelihood for AR and MA, no forecasts.
///
/// # Example
/// ```
/// use econseries::x13::{ArimaOrder, RegArima, Transform};
///
/// // Monthly airline passengers 1949–1952 (Box and Jenkins' series G).
/// let y = [112., 118., 132., 129., 121., 135., 148., 148., 136., 119., 104., 118.,
///          115., 126., 141., 135., 125., 149., 170., 170., 158., 133., 114., 140.,
///          145., 150., 178., 163., 172., 178., 199., 199., 184., 162., 146., 166.,
///          171., 180., 193., 181., 183., 218., 230., 242., 209., 191., 172., 194.];
/// let fit = RegArima::new(ArimaOrder::airline())
///     .transform(Transform::Log)
///     .forecasts(12)
///     .fit_slice(&y, 12, (1949, 1))?;
/// assert_eq!(fit.arma().len(), 2);
/// assert_eq!(fit.forecasts().len(), 12);
/// assert!(fit.forecasts()[0].value > 150.0);
/// # Ok::<(), econseries::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct RegArima {
    order: ArimaOrder,
    transform: Transform,
    leap_year: bool,
    constant: bool,
    regressors: Vec<(String, Vec<f64>)>,
    outliers: Vec<Outlier>,
    forecasts: usize,
    backcasts: usize,
    max_iter: usize,
    tol: f64,
    fixed: Option<Vec<f64>>,
    search: Option<OutlierSearch>,
    /// Positions of missing values (filled by `fit`).
    missing: Vec<usize>,
    /// ARMA starting values from a previous estimation.
    start: Option<Vec<f64>>,
}

/// An estimated coefficient with its standard error.
#[derive(Clone, Debug, PartialEq)]
pub struct Coefficient {
    /// The program's name: `ar1`, `sma12`, `Constant`, `AO1953.Mar`, or the
    /// user regressor's name.
    pub name: String,
    /// The estimate.
    pub estimate: f64,
    /// Its standard error.
    pub se: f64,
}

impl Coefficient {
    /// The t-value, estimate over standard error.
    pub fn t_value(&self) -> f64 {
        self.estimate / self.se
    }
}

/// A forecast (or backcast) with its standard error and 95% interval.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Forecast {
    /// The forecast on the transformed scale.
    pub transformed: f64,
    /// Its standard error (transformed scale), regression coefficients'
    /// estimation error included, the ARMA coefficients' not.
    pub se: f64,
    /// The forecast on the series' scale (the inverse transformation).
    pub value: f64,
    /// Lower bound of the 95% interval, series' scale.
    pub lower: f64,
    /// Upper bound of the 95% interval, series' scale.
    pub upper: f64,
}

/// The likelihood and information criteria of a fitted model, as the
/// program's `lks` table gives them.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Likelihood {
    /// Observations in the span.
    pub nobs: usize,
    /// Observations after differencing (the likelihood's N).
    pub nefobs: usize,
    /// Parameters estimated: regression, ARMA and the variance.
    pub np: usize,
    /// The exact log-likelihood of the (transformed, differenced) series.
    pub loglik: f64,
    /// The log-Jacobian of the transformation over the differenced span.
    pub transform_adjustment: f64,
    /// The maximum likelihood innovation variance.
    pub variance: f64,
    /// AIC = −2(L + adj) + 2 np.
    pub aic: f64,
    /// AICC = −2(L + adj) + 2 np N/(N − np − 1).
    pub aicc: f64,
    /// BIC = −2(L + adj) + np ln N.
    pub bic: f64,
    /// Hannan–Quinn = −2(L + adj) + 2 np ln ln N.
    pub hannan_quinn: f64,
}

/// A fitted regARIMA model.
#[derive(Clone, Debug)]
pub struct RegArimaFit {
    order: ArimaOrder,
    period: usize,
    transform: Transform,
    arma: Vec<Coefficient>,
    regression: Vec<Coefficient>,
    outliers: Vec<Outlier>,
    likelihood: Likelihood,
    forecasts: Vec<Forecast>,
    backcasts: Vec<Forecast>,
    linearized: Vec<f64>,
    residuals: Vec<f64>,
    iterations: usize,
    missing: Vec<(usize, f64)>,
}

impl Default for RegArima {
    fn default() -> Self {
        RegArima::new(ArimaOrder::airline())
    }
}

impl RegArima {
    /// A run with the given ARIMA orders and the program's defaults.
    pub fn new(order: ArimaOrder) -> RegArima {
        RegArima {
            order,
            transform: Transform::None,
            leap_year: false,
            constant: false,
            regressors: Vec::new(),
            outliers: Vec::new(),
            forecasts: 0,
            backcasts: 0,
            max_iter: 1500,
            tol: 1e-5,
            fixed: None,
            search: None,
            missing: Vec::new(),
            start: None,
        }
    }

    /// The ARIMA orders.
    pub fn order(mut self, order: ArimaOrder) -> RegArima {
        self.order = order;
        self
    }

    /// The transformation (`transform{function=}`).
    pub fn transform(mut self, transform: Transform) -> RegArima {
        self.transform = transform;
        self
    }

    /// Divide by the leap-year factor before a log transformation
    /// (`transform{adjust=lpyear}`): February (the first quarter) by its
    /// length over 28.25 (90.25) days. Only with [`Transform::Log`] or
    /// [`Transform::Auto`] (which applies it when it chooses the log);
    /// with another transformation the fit is an
    /// [`Error::InvalidArgument`].
    pub fn leap_year_adjust(mut self, yes: bool) -> RegArima {
        self.leap_year = yes;
        self
    }

    /// Include the program's `const` regressor: the constant of the
    /// differenced model, (1 − B)⁻ᵈ(1 − Bˢ)⁻ᴰ applied to 1 from the first
    /// observation.
    pub fn constant(mut self, yes: bool) -> RegArima {
        self.constant = yes;
        self
    }

    /// A user regressor: `values` covers the backcasts, the span and the
    /// forecasts (`backcasts + n + forecasts` values).
    pub fn regressor(mut self, name: impl Into<String>, values: Vec<f64>) -> RegArima {
        self.regressors.push((name.into(), values));
        self
    }

    /// An outlier regressor at a 0-based position of the span.
    pub fn outlier(mut self, kind: OutlierKind, position: usize) -> RegArima {
        self.outliers.push(Outlier { kind, position });
        self
    }

    /// Search for outliers as the program's `outlier{}` does with
    /// `method=addone`: forward addition of the candidate (type and date)
    /// with the largest robust |t| above the critical value, re-estimating
    /// the whole model after each, then backward deletion of the outliers
    /// found whose |t| in the final model falls below it. After an
    /// automatic transformation choice, the search runs on the chosen scale.
    pub fn outlier_search(mut self, search: OutlierSearch) -> RegArima {
        self.search = Some(search);
        self
    }

    /// Forecast `h` periods past the span (`forecast{maxlead=}`).
    pub fn forecasts(mut self, h: usize) -> RegArima {
        self.forecasts = h;
        self
    }

    /// Backcast `h` periods before the span (`forecast{maxback=}`).
    pub fn backcasts(mut self, h: usize) -> RegArima {
        self.backcasts = h;
        self
    }

    /// The cap on Levenberg–Marquardt iterations (`estimate{maxiter=}`,
    /// 1500 by default).
    pub fn max_iterations(mut self, n: usize) -> RegArima {
        self.max_iter = n.max(1);
        self
    }

    /// The convergence tolerance (`estimate{tol=}`, 1e-5 by default), as the
    /// program applies it: a bound on the change of the log-likelihood,
    /// turned into a relative change of the deviance of 2·tol/N (N the
    /// differenced observations), MINPACK's `ftol` for the search over the
    /// ARMA coefficients and the test between two GLS steps of the
    /// regression; the first two searches with regressors run at 100·tol.
    pub fn tolerance(mut self, tol: f64) -> RegArima {
        self.tol = tol;
        self
    }

    /// Starting values for the ARMA estimation (the program's Hannan–Rissanen
    /// start of its automatic identification); ignored when they do not
    /// match the orders or are not stationary and invertible (the default
    /// start, 0.1 for every coefficient, is used then).
    pub(crate) fn initial_arma(mut self, coefficients: Vec<f64>) -> RegArima {
        self.start = Some(coefficients);
        self
    }

    /// Fixes the ARMA coefficients instead of estimating them (the
    /// program's `arima{ar=(… f) ma=(… f)}` with every coefficient fixed);
    /// the regression is still estimated.
    pub fn fixed_arma(mut self, coefficients: ArmaCoefficients) -> RegArima {
        self.fixed = Some(coefficients.to_vec());
        self
    }

    /// The transformation as configured (`Auto` before it is chosen).
    pub(crate) fn transform_setting(&self) -> Transform {
        self.transform
    }

    /// Whether the model has the `const` regressor.
    pub(crate) fn has_constant(&self) -> bool {
        self.constant
    }

    /// Forecasts and backcasts asked for.
    pub(crate) fn horizons(&self) -> (usize, usize) {
        (self.forecasts, self.backcasts)
    }

    /// The outliers in the model, replacing those given before.
    pub(crate) fn with_outlier_list(mut self, outliers: Vec<Outlier>) -> RegArima {
        self.outliers = outliers;
        self
    }

    /// The same model without an outlier search, fixed coefficients or start
    /// values, and without forecasts or backcasts (the user regressors cut
    /// to the span of `n` observations): the model an automatic
    /// identification estimates many times over, where forecasts would be
    /// wasted work.
    pub(crate) fn span_only(&self, n: usize) -> RegArima {
        let b = self.backcasts;
        let mut out = self.clone();
        out.search = None;
        out.fixed = None;
        out.start = None;
        out.forecasts = 0;
        out.backcasts = 0;
        for (_, v) in &mut out.regressors {
            // A regressor of the wrong length is left as it is: the fit
            // reports it.
            if v.len() == b + n + self.forecasts {
                *v = v.get(b..b + n).map(<[f64]>::to_vec).unwrap_or_default();
            }
        }
        out
    }

    /// Fits a monthly or quarterly series.
    ///
    /// A missing value is handled as the program does (`series{missingcode=}`):
    /// replaced by 10⁹ (`missingval`) with an additive-outlier regressor
    /// `MV<date>` at its period, whose coefficient estimates it; the estimates
    /// are [`RegArimaFit::missing_values`].
    ///
    /// # Errors
    /// [`Error::FrequencyMismatch`] for another frequency, and those of
    /// [`fit_slice`](RegArima::fit_slice).
    pub fn fit<P: Period>(&self, series: &Series<P>) -> Result<RegArimaFit> {
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
        let mut y = Vec::with_capacity(series.len());
        let mut run = self.clone();
        for (i, (_, v)) in series.iter().enumerate() {
            match v {
                Some(v) => y.push(v),
                None => {
                    y.push(MISSING_FILL);
                    run.missing.push(i);
                }
            }
        }
        let start = series.start();
        run.fit_slice(&y, period, (start.year(), start.position()))
    }

    /// Fits plain values: `period` 12 or 4, `start` the year and 1-based
    /// position in it of `y[0]` (used by the leap-year adjustment and in
    /// outlier names).
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] for a period other than 12 or 4 or a
    /// leap-year adjustment without the log,
    /// [`Error::NonFinite`] for a NaN or infinite value,
    /// [`Error::TooShort`] when the differenced series is too short for the
    /// model, [`Error::X13Transform`] for a non-positive value under a log or
    /// power transformation, [`Error::X13Regressor`] for a regressor of the
    /// wrong length, outside the span, or collinear with others, and
    /// [`Error::X13Estimation`] when the likelihood cannot be evaluated
    /// (a non-stationary start).
    pub fn fit_slice(&self, y: &[f64], period: usize, start: (i32, u32)) -> Result<RegArimaFit> {
        if period != 12 && period != 4 {
            return Err(Error::InvalidArgument {
                name: "period",
                value: period.to_string().into(),
                expected: "12 (monthly) or 4 (quarterly)",
            });
        }
        if let Some(i) = y.iter().position(|v| !v.is_finite()) {
            return Err(Error::NonFinite {
                value: y.get(i).copied().unwrap_or(f64::NAN),
                period: None,
            });
        }
        arima::check_order(&self.order, period, y.len())?;
        if self.leap_year && matches!(self.transform, Transform::None | Transform::Power(_)) {
            return Err(Error::InvalidArgument {
                name: "leap_year_adjust",
                value: self.transform.name().into(),
                expected: "the log transformation (or auto, which applies it when it chooses the log)",
            });
        }
        let chosen = match self.transform {
            Transform::Auto => {
                let none = self.run(y, period, start, Transform::None)?;
                let log = self.run(y, period, start, Transform::Log)?;
                // The program's aicdiff = −2: no transformation only if its
                // AICC beats the log's by more than 2.
                let last: Vec<f64> = log.arma.iter().map(|c| c.estimate).collect();
                let fit = if none.likelihood.aicc - log.likelihood.aicc < -2.0 {
                    none
                } else {
                    log
                };
                if self.search.is_none() {
                    // The program estimates the chosen model once more,
                    // from the test's last estimates (the log's).
                    let mut again = self.clone();
                    again.start = Some(last);
                    return again.run(y, period, start, fit.transform);
                }
                fit.transform
            }
            t => t,
        };
        match &self.search {
            Some(search) => {
                let found = self.detect(y, period, start, chosen, search)?;
                let mut run = self.clone();
                run.outliers.extend(found);
                run.run(y, period, start, chosen)
            }
            None => self.run(y, period, start, chosen),
        }
    }

    /// The automatic outlier search: the outliers it adds to the model.
    #[allow(clippy::indexing_slicing)]
    fn detect(
        &self,
        y: &[f64],
        period: usize,
        start: (i32, u32),
        t: Transform,
        search: &OutlierSearch,
    ) -> Result<Vec<Outlier>> {
        let n = y.len();
        if let Some((first, last)) = search.span
            && (first > last || last >= n)
        {
            return Err(Error::InvalidArgument {
                name: "outlier span",
                value: format!("{first}..={last} of {n} observations").into(),
                expected: "first <= last < the number of observations",
            });
        }
        let z = self.transformed(y, period, start, t)?;
        let b = self.backcasts;
        let base: Vec<Vec<f64>> = self
            .design(n, period, start)?
            .into_iter()
            .map(|(_, c)| c.get(b..b + n).unwrap_or(&[]).to_vec())
            .collect();
        let fit = |found: &[Outlier]| -> Result<(Problem, Estimate)> {
            let mut cols = base.clone();
            cols.extend(outlier::columns(found, period, n));
            let refs: Vec<&[f64]> = cols.iter().map(Vec::as_slice).collect();
            let problem = Problem::new(self.order, period, &z, &refs);
            // Fixed ARMA coefficients hold during the search too, as in the
            // program.
            let est = match &self.fixed {
                Some(theta) => problem.evaluate(theta).map(|eval| Estimate {
                    theta: theta.clone(),
                    theta_cov: vec![0.0; theta.len() * theta.len()],
                    eval,
                    iterations: 0,
                }),
                None => problem.maximise(None, self.max_iter, self.tol),
            }
            .ok_or(Error::X13Estimation {
                reason: "the likelihood cannot be evaluated during the outlier search",
            })?;
            Ok((problem, est))
        };
        let mut found: Vec<Outlier> = Vec::new();
        // The fit of the model with `found`, kept for the backward deletion
        // (which starts from the same model as the last forward step).
        let mut last_fit;
        // Forward addition, one outlier at a time.
        loop {
            let (problem, est) = fit(&found)?;
            let sigma = outlier::robust_sigma(&est.eval.resid);
            if sigma.is_nan() || sigma <= 0.0 {
                return Err(Error::X13Estimation {
                    reason: "the robust standard deviation of the residuals is zero: no outlier search",
                });
            }
            // A missing value's regressor is an AO: none is sought there.
            let present: Vec<Outlier> = self
                .outliers
                .iter()
                .chain(&found)
                .copied()
                .chain(self.missing.iter().map(|&position| Outlier {
                    kind: OutlierKind::Ao,
                    position,
                }))
                .collect();
            match outlier::best_candidate(&problem, &est, n, search, &present) {
                Some((o, tv)) if tv.abs() > search.critical => {
                    if found.len() == MAX_OUTLIERS {
                        return Err(Error::X13Estimation {
                            reason: "the outlier search finds more than 100 outliers: the model does not describe the series",
                        });
                    }
                    found.push(o);
                }
                _ => {
                    last_fit = Some((problem, est));
                    break;
                }
            }
        }
        // Backward deletion, the least significant first.
        let k0 = base.len();
        while !found.is_empty() {
            let (problem, est) = match last_fit.take() {
                Some(f) => f,
                None => fit(&found)?,
            };
            let k = k0 + found.len();
            let sigma2 = est.eval.sse / problem.n as f64;
            let mut weakest: Option<(usize, f64)> = None;
            for i in 0..found.len() {
                let j = k0 + i;
                let tv = est.eval.beta[j] / (est.eval.xtx_inv[j * k + j] * sigma2).sqrt();
                if weakest.is_none_or(|w| tv.abs() < w.1.abs()) {
                    weakest = Some((i, tv));
                }
            }
            match weakest {
                Some((i, tv)) if tv.abs() < search.critical => {
                    found.remove(i);
                }
                _ => break,
            }
        }
        Ok(found)
    }

    /// The series on the transformed scale (after any leap-year adjustment).
    fn transformed(
        &self,
        y: &[f64],
        period: usize,
        start: (i32, u32),
        t: Transform,
    ) -> Result<Vec<f64>> {
        let mut pre = y.to_vec();
        if self.leap_year && matches!(t, Transform::Log) {
            for (i, v) in pre.iter_mut().enumerate() {
                let (yr, pos) = calendar(start, period, i as i64);
                *v /= leap_factor(yr, pos, period);
            }
        }
        t.apply(&pre)
    }

    /// The regressor columns over backcasts + span + forecasts, with names.
    fn design(
        &self,
        n: usize,
        period: usize,
        start: (i32, u32),
    ) -> Result<Vec<(String, Vec<f64>)>> {
        let (b, f) = (self.backcasts, self.forecasts);
        let total = b + n + f;
        let mut cols = Vec::new();
        if self.constant {
            cols.push((
                "Constant".to_string(),
                constant_column(&self.order, period, b, n + f),
            ));
        }
        for o in &self.outliers {
            if o.position >= n {
                return Err(Error::X13Regressor {
                    name: format!("{}{}", o.kind.code(), o.position).into(),
                    reason: "outside the span",
                });
            }
            let name = format!(
                "{}{}",
                o.kind.code(),
                date_name(start, period, o.position as i64)
            );
            cols.push((
                name,
                o.kind
                    .column(o.position, period, -(b as i64), (n + f) as i64),
            ));
        }
        for (name, v) in &self.regressors {
            if v.len() != total {
                return Err(Error::X13Regressor {
                    name: name.as_str().into(),
                    reason: "length is not backcasts + span + forecasts",
                });
            }
            if v.iter().any(|x| !x.is_finite()) {
                return Err(Error::X13Regressor {
                    name: name.as_str().into(),
                    reason: "a value is not finite",
                });
            }
            cols.push((name.clone(), v.clone()));
        }
        for &i in &self.missing {
            cols.push((
                format!("MV{}", date_name(start, period, i as i64)),
                OutlierKind::Ao.column(i, period, -(b as i64), (n + f) as i64),
            ));
        }
        Ok(cols)
    }

    fn run(
        &self,
        y: &[f64],
        period: usize,
        start: (i32, u32),
        t: Transform,
    ) -> Result<RegArimaFit> {
        let n = y.len();
        let z = self.transformed(y, period, start, t)?;
        let cols = self.design(n, period, start)?;
        let b = self.backcasts;
        let span: Vec<&[f64]> = cols
            .iter()
            .map(|(_, c)| c.get(b..b + n).unwrap_or(&[]))
            .collect();
        let problem = Problem::new(self.order, period, &z, &span);
        let est = match &self.fixed {
            Some(theta) if theta.len() == self.order.arma_count() => {
                problem.evaluate(theta).map(|eval| Estimate {
                    theta: theta.clone(),
                    theta_cov: vec![0.0; theta.len() * theta.len()],
                    eval,
                    iterations: 0,
                })
            }
            Some(_) => {
                return Err(Error::X13Model {
                    order: self.order.to_string().into(),
                    reason: "fixed coefficients do not match the orders",
                });
            }
            None => problem.maximise(self.start.as_deref(), self.max_iter, self.tol),
        };
        let est = est.ok_or(Error::X13Estimation {
            reason: "the likelihood cannot be evaluated at the start values",
        })?;
        if est.eval.beta.len() != cols.len() && !cols.is_empty() {
            return Err(Error::X13Estimation {
                reason: "regression failed",
            });
        }
        let deg = self.order.diff_degree(period);
        // The Jacobian of z = T(y/l) in y, with l the leap-year factors (fixed
        // numbers): T'(y/l)/l, which for the log, the only transformation
        // combined with them, is 1/y whatever l.
        let adj = t.log_jacobian(y.get(deg..).unwrap_or(&[]));
        let likelihood = likelihood(&problem, &est, adj, cols.len(), n);
        let sigma2 = likelihood.variance;
        let names = ArmaCoefficients::names(&self.order, period);
        let arma = names
            .into_iter()
            .enumerate()
            .map(|(i, name)| Coefficient {
                name,
                estimate: est.theta.get(i).copied().unwrap_or(f64::NAN),
                se: est
                    .theta_cov
                    .get(i * est.theta.len() + i)
                    .map_or(f64::NAN, |v| v.sqrt()),
            })
            .collect();
        let k = cols.len();
        let regression = cols
            .iter()
            .enumerate()
            .map(|(i, (name, _))| Coefficient {
                name: name.clone(),
                estimate: est.eval.beta.get(i).copied().unwrap_or(f64::NAN),
                se: est
                    .eval
                    .xtx_inv
                    .get(i * k + i)
                    .map_or(f64::NAN, |v| (v * sigma2).sqrt()),
            })
            .collect();
        let all_cols: Vec<&[f64]> = cols.iter().map(|(_, c)| c.as_slice()).collect();
        let forecasts = if self.forecasts > 0 {
            forecast(&problem, &est, &z, &all_cols, b, self.forecasts, sigma2, t)
        } else {
            Vec::new()
        };
        let backcasts = if b > 0 {
            let rz: Vec<f64> = z.iter().rev().copied().collect();
            let rcols: Vec<Vec<f64>> = all_cols
                .iter()
                .map(|c| c.iter().rev().copied().collect())
                .collect();
            let rspan: Vec<&[f64]> = rcols
                .iter()
                .map(|c| c.get(self.forecasts..self.forecasts + n).unwrap_or(&[]))
                .collect();
            let rproblem = Problem::new(self.order, period, &rz, &rspan);
            let rall: Vec<&[f64]> = rcols.iter().map(|c| c.as_slice()).collect();
            let mut r = match rproblem.evaluate(&est.theta) {
                Some(ev) => {
                    let rest = Estimate {
                        theta: est.theta.clone(),
                        theta_cov: Vec::new(),
                        eval: ev,
                        iterations: 0,
                    };
                    let mut rest = rest;
                    rest.eval.beta.clone_from(&est.eval.beta);
                    rest.eval.xtx_inv.clone_from(&est.eval.xtx_inv);
                    forecast(&rproblem, &rest, &rz, &rall, self.forecasts, b, sigma2, t)
                }
                None => Vec::new(),
            };
            r.reverse();
            r
        } else {
            Vec::new()
        };
        let mut linearized = z.clone();
        for (i, (name, c)) in cols.iter().enumerate() {
            if name == "Constant" {
                continue;
            }
            let beta = est.eval.beta.get(i).copied().unwrap_or(0.0);
            for (l, x) in linearized.iter_mut().zip(c.iter().skip(b)) {
                *l -= beta * x;
            }
        }
        let residuals = est.eval.resid.clone();
        // The missing values' regressors are the design's last columns.
        let first_mv = cols.len().saturating_sub(self.missing.len());
        let missing = self
            .missing
            .iter()
            .enumerate()
            .map(|(j, &i)| {
                let lf = if self.leap_year && matches!(t, Transform::Log) {
                    let (yr, pos) = calendar(start, period, i as i64);
                    leap_factor(yr, pos, period)
                } else {
                    1.0
                };
                let beta = est.eval.beta.get(first_mv + j).copied().unwrap_or(f64::NAN);
                (i, t.inverse(t.forward(MISSING_FILL / lf) - beta) * lf)
            })
            .collect();
        Ok(RegArimaFit {
            order: self.order,
            period,
            transform: t,
            arma,
            regression,
            outliers: self.outliers.clone(),
            likelihood,
            forecasts,
            backcasts,
            linearized,
            residuals,
            iterations: est.iterations,
            missing,
        })
    }
}

/// The year and 1-based position of the period `i` after `start`.
pub(crate) fn calendar(start: (i32, u32), period: usize, i: i64) -> (i32, u32) {
    let p = period as i64;
    let k = i64::from(start.0) * p + i64::from(start.1) - 1 + i;
    (
        i32::try_from(k.div_euclid(p)).unwrap_or(i32::MAX),
        u32::try_from(k.rem_euclid(p) + 1).unwrap_or(1),
    )
}

/// The program's date in regressor names: `1953.Mar`, `1953.2`.
pub(crate) fn date_name(start: (i32, u32), period: usize, i: i64) -> String {
    const M: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let (y, p) = calendar(start, period, i);
    if period == 12 {
        format!("{y}.{}", M.get(p as usize - 1).copied().unwrap_or("?"))
    } else {
        format!("{y}.{p}")
    }
}

/// The `const` regressor: δ(B) c_t = 1 for t ≥ 0 with c_t = 0 before, over
/// `b` backcast positions (zeros) and `len` positions from the first
/// observation on.
#[allow(clippy::indexing_slicing)]
fn constant_column(order: &ArimaOrder, period: usize, b: usize, len: usize) -> Vec<f64> {
    let delta = arima::differencing(order, period);
    let mut c = vec![0.0; len];
    for t in 0..len {
        let mut v = 1.0;
        for i in 1..delta.len() {
            // Bounds: i < delta.len(); t ≥ i checked.
            if t >= i {
                v -= delta[i] * c[t - i];
            }
        }
        c[t] = v;
    }
    let mut out = vec![0.0; b];
    out.extend(c);
    out
}

fn likelihood(problem: &Problem, est: &Estimate, adj: f64, k: usize, nobs: usize) -> Likelihood {
    let nn = problem.n as f64;
    let variance = est.eval.sse / nn;
    let loglik =
        -0.5 * nn * ((2.0 * std::f64::consts::PI * variance).ln() + 1.0) - 0.5 * est.eval.logdet;
    let np = k + est.theta.len() + 1;
    let npf = np as f64;
    let m2l = -2.0 * (loglik + adj);
    Likelihood {
        nobs,
        nefobs: problem.n,
        np,
        loglik,
        transform_adjustment: adj,
        variance,
        aic: m2l + 2.0 * npf,
        aicc: m2l + 2.0 * npf * nn / (nn - npf - 1.0),
        bic: m2l + npf * nn.ln(),
        hannan_quinn: m2l + 2.0 * npf * nn.ln().ln(),
    }
}

/// Forecasts `h` periods after the span. `cols` are the regressors over
/// `offset` earlier positions, the span and at least `h` later ones.
///
/// As the program does: the AR part conditions on the differenced series'
/// first values (u_t = φ(B)w_t is a pure MA process, forecast exactly by the
/// Kalman filter from its stationary start), and the standard errors are
/// those of the ψ-weights of the full ARIMA model, σ²Σψ*², plus the
/// regression coefficients' estimation error; they leave out the ARMA
/// coefficients' estimation error and the finite-sample uncertainty of the
/// start.
#[allow(clippy::too_many_arguments, clippy::indexing_slicing)]
fn forecast(
    problem: &Problem,
    est: &Estimate,
    z: &[f64],
    cols: &[&[f64]],
    offset: usize,
    h: usize,
    sigma2: f64,
    t: Transform,
) -> Vec<Forecast> {
    let n = z.len();
    let order = &problem.order;
    let period = problem.period;
    let arma = Arma::new(&ArmaCoefficients::from_slice(order, &est.theta), period);
    let k = cols.len();
    let nn = problem.n;
    let delta = arima::differencing(order, period);
    let beta = &est.eval.beta;
    let p = arma.a.len();
    // v_t = φ(B) w_t for every column (series, then regressors).
    let nv = nn.saturating_sub(p);
    let mut v = vec![0.0; nv * (k + 1)];
    for c in 0..=k {
        let w = &problem.w[c * nn..(c + 1) * nn];
        for tt in 0..nv {
            let mut x = w[tt + p];
            for (i, a) in arma.a.iter().enumerate() {
                x -= a * w[tt + p - 1 - i];
            }
            v[c * nv + tt] = x;
        }
    }
    let ma = Arma {
        a: Vec::new(),
        b: arma.b.clone(),
    };
    let r = ma.dim();
    let Some(fil) = arima::filter(&ma, &v, nv, k + 1) else {
        return Vec::new();
    };
    let ncols = k + 1;
    // Level forecasts of one column (series c = 0, regressor c = j + 1), given
    // its MA state, its differenced values and its levels over the span.
    let level_forecasts = |state: &[f64], w: &[f64], levels: &[f64]| -> Vec<f64> {
        let mut x = state.to_vec();
        let mut wf = w.to_vec();
        let mut full = levels.to_vec();
        for _ in 0..h {
            x.rotate_left(1);
            if let Some(l) = x.last_mut() {
                *l = 0.0;
            }
            let m = wf.len();
            let mut wn = x[0];
            for (i, a) in arma.a.iter().enumerate() {
                wn += a * wf[m - 1 - i];
            }
            wf.push(wn);
            let m = full.len();
            let mut un = wn;
            for i in 1..delta.len() {
                un -= delta[i] * full[m - i];
            }
            full.push(un);
        }
        full.split_off(levels.len())
    };
    let state_of = |c: usize| -> Vec<f64> { (0..r).map(|i| fil.state[i * ncols + c]).collect() };
    let w_of = |c: usize| &problem.w[c * nn..(c + 1) * nn];
    // u = z − Xβ: its state, differenced values and levels, all linear.
    let mut su = state_of(0);
    let mut wu = w_of(0).to_vec();
    let mut u: Vec<f64> = z.to_vec();
    for (j, bj) in beta.iter().enumerate() {
        for (a, b) in su.iter_mut().zip(state_of(j + 1)) {
            *a -= bj * b;
        }
        for (a, b) in wu.iter_mut().zip(w_of(j + 1)) {
            *a -= bj * b;
        }
        for (i, ui) in u.iter_mut().enumerate() {
            *ui -= bj * cols[j][offset + i];
        }
    }
    let uhat = level_forecasts(&su, &wu, &u);
    // Forecasts of the regressors as if they were data: the error from β.
    let xhat: Vec<Vec<f64>> = (0..k)
        .map(|j| level_forecasts(&state_of(j + 1), w_of(j + 1), &cols[j][offset..offset + n]))
        .collect();
    // ψ* weights of φ(B)δ(B) y = θ(B) a.
    let full_ar: Vec<f64> = {
        let phi: Vec<f64> = std::iter::once(1.0)
            .chain(arma.a.iter().map(|a| -a))
            .collect();
        arima::multiply(&phi, &delta)
    };
    let mut psistar = vec![0.0; h];
    for j in 0..h {
        let mut x = if j == 0 {
            1.0
        } else {
            arma.b.get(j - 1).map_or(0.0, |b| -b)
        };
        for i in 1..full_ar.len().min(j + 1) {
            x -= full_ar[i] * psistar[j - i];
        }
        psistar[j] = x;
    }
    let cov_beta: Vec<f64> = est.eval.xtx_inv.iter().map(|x| x * sigma2).collect();
    (0..h)
        .map(|hh| {
            let shocks: f64 = psistar[..=hh].iter().map(|p| p * p).sum();
            let d: Vec<f64> = (0..k)
                .map(|j| cols[j][offset + n + hh] - xhat[j][hh])
                .collect();
            let mut reg = 0.0;
            for a in 0..k {
                for b in 0..k {
                    reg += d[a] * cov_beta[a * k + b] * d[b];
                }
            }
            let xb: f64 = (0..k).map(|j| beta[j] * cols[j][offset + n + hh]).sum();
            let transformed = xb + uhat[hh];
            let se = (sigma2 * shocks + reg).max(0.0).sqrt();
            Forecast {
                transformed,
                se,
                value: t.inverse(transformed),
                lower: t.inverse(transformed - Z95 * se),
                upper: t.inverse(transformed + Z95 * se),
            }
        })
        .collect()
}

impl RegArimaFit {
    /// The ARIMA orders.
    pub fn order(&self) -> ArimaOrder {
        self.order
    }

    /// The seasonal period (12 or 4).
    pub fn period(&self) -> usize {
        self.period
    }

    /// The transformation used (for `Auto`, the one chosen).
    pub fn transform(&self) -> Transform {
        self.transform
    }

    /// The ARMA coefficients (AR, seasonal AR, MA, seasonal MA) with their
    /// standard errors.
    pub fn arma(&self) -> &[Coefficient] {
        &self.arma
    }

    /// The regression coefficients with their standard errors.
    pub fn regression(&self) -> &[Coefficient] {
        &self.regression
    }

    /// The outliers in the model (given and found).
    pub fn outliers(&self) -> &[Outlier] {
        &self.outliers
    }

    /// Likelihood, variance and information criteria.
    pub fn likelihood(&self) -> &Likelihood {
        &self.likelihood
    }

    /// Forecasts past the span.
    pub fn forecasts(&self) -> &[Forecast] {
        &self.forecasts
    }

    /// Backcasts before the span, earliest first.
    pub fn backcasts(&self) -> &[Forecast] {
        &self.backcasts
    }

    /// The transformed series less every regression effect but the
    /// constant: the series the ARIMA model describes.
    pub fn linearized(&self) -> &[f64] {
        &self.linearized
    }

    /// The one-step innovations of the differenced model (Kalman filter,
    /// scaled to the innovation standard deviation).
    pub fn residuals(&self) -> &[f64] {
        &self.residuals
    }

    /// Levenberg–Marquardt iterations taken.
    pub fn iterations(&self) -> usize {
        self.iterations
    }

    /// The estimates of the missing values of a [`RegArima::fit`]: (0-based
    /// position, value on the series' scale), the program's `mv` table at
    /// those periods: the fill value on the transformed scale less its `MV`
    /// regressor's coefficient, transformed back.
    ///
    /// # Example
    /// ```
    /// use econseries::{Month, Series};
    /// use econseries::x13::{ArimaOrder, RegArima, Transform};
    ///
    /// // Box and Jenkins' airline passengers 1949–1952, June 1950 missing.
    /// let mut y: Vec<Option<f64>> = [
    ///     112., 118., 132., 129., 121., 135., 148., 148., 136., 119., 104., 118.,
    ///     115., 126., 141., 135., 125., 149., 170., 170., 158., 133., 114., 140.,
    ///     145., 150., 178., 163., 172., 178., 199., 199., 184., 162., 146., 166.,
    ///     171., 180., 193., 181., 183., 218., 230., 242., 209., 191., 172., 194.,
    /// ].into_iter().map(Some).collect();
    /// y[17] = None;
    /// let s = Series::from_options(Month::new(1949, 1)?, y)?;
    /// let fit = RegArima::new(ArimaOrder::airline()).transform(Transform::Log).fit(&s)?;
    /// let (position, value) = fit.missing_values()[0];
    /// assert_eq!(position, 17);
    /// assert!(value > 135.0 && value < 175.0); // the value removed was 149
    /// assert!(fit.regression().iter().any(|c| c.name == "MV1950.Jun"));
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn missing_values(&self) -> &[(usize, f64)] {
        &self.missing
    }
}
