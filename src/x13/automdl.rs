//! Automatic ARIMA model identification, as the program's `automdl{}` spec
//! does it: the procedure of Gómez and Maravall (TRAMO) as X-13ARIMA-SEATS
//! adapts it (reference manual, `automdl` spec; Gómez and Maravall 2001,
//! "Automatic modeling methods for univariate series").
//!
//! The steps, with the program's defaults:
//! 1. the default model (0 1 1)(0 1 1) is estimated, outliers are searched
//!    for at the default critical value, and the mean is tested;
//! 2. the differencing orders are identified on the series less the
//!    outliers' effects by the unit-root procedure: an AR(2)(1) fit, then
//!    (1 d 1)(1 D 1) fits, differencing when an AR root is close to one and
//!    does not cancel with the MA root (`ub1` 1/0.96, `ub2` 0.88,
//!    `cancel` 0.1), at most (2 1);
//! 3. the ARMA orders are chosen by BIC within `maxorder` (2 1): seasonal
//!    orders with the regular part (3 0), regular orders with the best
//!    seasonal part, seasonal orders again, then the program's preference
//!    for fewer parameters among models within a small BIC distance (the
//!    search leaves the mean out, as the program's does);
//! 4. outliers are searched for again with the chosen model and the mean
//!    the unit-root step decided (kept whatever its t-value then);
//! 5. the model is accepted when the confidence of its Ljung–Box Q is below
//!    `ljungboxlimit` (0.95); otherwise the identification is repeated with
//!    the critical value reduced by `reducecv` (14.286%), and if the model
//!    still fails, the default model is taken when it passes.

use crate::error::{Error, Result};
use crate::x13::arima::ArimaOrder;
use crate::x13::outlier::{Outlier, OutlierKind, OutlierSearch, default_critical_value};
use crate::x13::regarima::{RegArima, RegArimaFit};
use crate::x13::transform::Transform;

/// The program's `cancel`: AR and MA roots closer than this cancel.
const CANCEL: f64 = 0.1;
/// The program's `ub1` (1/0.96): an AR root of modulus up to this in the
/// first unit-root test counts as a unit root.
const UB1: f64 = 1.0 / 0.96;
/// The program's `ubfin` (1.05): an AR root of the final model of modulus
/// up to this becomes a difference.
const UBFIN: f64 = 1.05;
/// The program's `ub2` (0.88): the later unit-root tests difference when
/// the AR coefficient is within 1.005 − ub2 (+ ub2 − 0.869) of one.
const UB2: f64 = 0.88;

/// Automatic model identification (`automdl{}`), configured by value.
///
/// # Example
/// ```
/// use econseries::x13::{AutoModel, Transform};
///
/// // Monthly airline passengers 1949–1954 (Box and Jenkins' series G).
/// let y = [112., 118., 132., 129., 121., 135., 148., 148., 136., 119., 104., 118.,
///          115., 126., 141., 135., 125., 149., 170., 170., 158., 133., 114., 140.,
///          145., 150., 178., 163., 172., 178., 199., 199., 184., 162., 146., 166.,
///          171., 180., 193., 181., 183., 218., 230., 242., 209., 191., 172., 194.,
///          196., 196., 236., 235., 229., 243., 264., 272., 237., 211., 180., 201.,
///          204., 188., 235., 227., 234., 264., 302., 293., 259., 229., 203., 229.];
/// let auto = AutoModel::new().transform(Transform::Log).fit_slice(&y, 12, (1949, 1))?;
/// assert_eq!(auto.fit().order().d + auto.fit().order().sd, 2);
/// assert!(!auto.best().is_empty());
/// # Ok::<(), econseries::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct AutoModel {
    transform: Transform,
    max_order: (usize, usize),
    max_diff: (usize, usize),
    mixed: bool,
    check_mean: bool,
    outliers: Option<Vec<OutlierKind>>,
    critical: Option<f64>,
    ljung_box_limit: f64,
    reduce_cv: f64,
}

/// A model the identification estimated, with its BIC over the number of
/// differenced observations (the program's `automdl.best5` value).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Candidate {
    /// The orders.
    pub order: ArimaOrder,
    /// (−2 log L + np ln N) / N, without the transformation's Jacobian.
    pub bic: f64,
}

/// The result of [`AutoModel`]: the final fit and what led to it.
#[derive(Clone, Debug)]
pub struct AutoModelFit {
    fit: RegArimaFit,
    differencing: (usize, usize),
    best: Vec<Candidate>,
    first: ArimaOrder,
    mean: bool,
    critical: f64,
    default_taken: bool,
}

impl Default for AutoModel {
    fn default() -> Self {
        AutoModel::new()
    }
}

impl AutoModel {
    /// The program's defaults: no transformation, `maxorder=(2 1)`,
    /// `maxdiff=(2 1)`, mixed models, the mean tested, AO and LS outliers
    /// searched for at the default critical value, `ljungboxlimit=0.95`,
    /// `reducecv=0.14286`.
    pub fn new() -> AutoModel {
        AutoModel {
            transform: Transform::None,
            max_order: (2, 1),
            max_diff: (2, 1),
            mixed: true,
            check_mean: true,
            outliers: Some(vec![OutlierKind::Ao, OutlierKind::Ls]),
            critical: None,
            ljung_box_limit: 0.95,
            reduce_cv: 0.14286,
        }
    }

    /// The transformation (`Transform::Auto` chooses with the default model
    /// before the identification, as the program does).
    pub fn transform(mut self, transform: Transform) -> AutoModel {
        self.transform = transform;
        self
    }

    /// The outlier types searched for, `None` for no outlier search (the
    /// program without an `outlier{}` spec).
    pub fn outliers(mut self, kinds: Option<Vec<OutlierKind>>) -> AutoModel {
        self.outliers = kinds;
        self
    }

    /// The outlier critical value (`outlier{critical=}`); by default the
    /// program's for the span's length ([`default_critical_value`]).
    pub fn critical(mut self, cv: f64) -> AutoModel {
        self.critical = Some(cv);
        self
    }

    /// The largest regular and seasonal ARMA orders (`maxorder=`).
    pub fn max_order(mut self, regular: usize, seasonal: usize) -> AutoModel {
        self.max_order = (regular, seasonal);
        self
    }

    /// The largest regular and seasonal differencing (`maxdiff=`).
    pub fn max_diff(mut self, regular: usize, seasonal: usize) -> AutoModel {
        self.max_diff = (regular.min(2), seasonal.min(1));
        self
    }

    /// Whether models with both AR and MA terms of one kind are tried
    /// (`mixed=`).
    pub fn mixed(mut self, yes: bool) -> AutoModel {
        self.mixed = yes;
        self
    }

    /// Whether the mean is tested (`checkmu=`).
    pub fn check_mean(mut self, yes: bool) -> AutoModel {
        self.check_mean = yes;
        self
    }

    /// The confidence of the Ljung–Box Q above which a model is not
    /// accepted (`ljungboxlimit=`).
    pub fn ljung_box_limit(mut self, limit: f64) -> AutoModel {
        self.ljung_box_limit = limit;
        self
    }

    /// The fraction by which the critical value is reduced when the model
    /// fails the Ljung–Box check (`reducecv=`).
    pub fn reduce_cv(mut self, fraction: f64) -> AutoModel {
        self.reduce_cv = fraction;
        self
    }

    /// Identifies and fits a model to plain values (`period` 12 or 4,
    /// `start` as in [`RegArima::fit_slice`]), with no regressors: the
    /// [`fit_with`](AutoModel::fit_with) of a plain model with this
    /// [`transform`](AutoModel::transform).
    ///
    /// # Errors
    /// Those of [`RegArima::fit_slice`]; [`Error::X13Estimation`] when no
    /// candidate model can be estimated.
    pub fn fit_slice(&self, y: &[f64], period: usize, start: (i32, u32)) -> Result<AutoModelFit> {
        let base = RegArima::new(ArimaOrder::airline()).transform(self.transform);
        self.fit_with(&base, y, period, start)
    }

    /// Identifies a model for `base`'s regression: `base` supplies the
    /// transformation ([`Transform::Auto`] chooses with the default model
    /// and `base`'s regressors first, as the program does), the leap-year
    /// adjustment, user and calendar regressors, outliers given in advance,
    /// forecasts and backcasts, the tolerance and iteration cap; its ARIMA
    /// orders and any outlier search of its own are ignored. This
    /// `AutoModel`'s settings govern the identification and the outlier
    /// search ([`transform`](AutoModel::transform) is not used: `base`'s
    /// transformation is). With a constant in `base` (the program's
    /// `regression{variables=const}`) the mean is kept, not tested.
    ///
    /// The regressors take part in every estimation with a full model (the
    /// default model, the outlier searches, the mean tests, the final
    /// model); the unit-root tests and the ARMA search run on the series
    /// less the regression effects estimated with the default model, as in
    /// the program.
    ///
    /// # Example
    /// ```
    /// use econseries::x13::{ArimaOrder, AutoModel, RegArima, Transform};
    ///
    /// // Box and Jenkins' airline passengers 1949–1954, with a user
    /// // regressor (a level shift from 1953 on, as a plain column).
    /// let y = [112., 118., 132., 129., 121., 135., 148., 148., 136., 119., 104., 118.,
    ///          115., 126., 141., 135., 125., 149., 170., 170., 158., 133., 114., 140.,
    ///          145., 150., 178., 163., 172., 178., 199., 199., 184., 162., 146., 166.,
    ///          171., 180., 193., 181., 183., 218., 230., 242., 209., 191., 172., 194.,
    ///          196., 196., 236., 235., 229., 243., 264., 272., 237., 211., 180., 201.,
    ///          204., 188., 235., 227., 234., 264., 302., 293., 259., 229., 203., 229.];
    /// // The regressor covers the span and the 12 forecasts.
    /// let shift: Vec<f64> = (0..y.len() + 12).map(|i| if i >= 48 { 1.0 } else { 0.0 }).collect();
    /// let base = RegArima::new(ArimaOrder::airline())
    ///     .transform(Transform::Log)
    ///     .regressor("shift1953", shift)
    ///     .forecasts(12);
    /// let auto = AutoModel::new().fit_with(&base, &y, 12, (1949, 1))?;
    /// assert!(auto.fit().regression().iter().any(|c| c.name == "shift1953"));
    /// assert_eq!(auto.fit().forecasts().len(), 12);
    /// # Ok::<(), econseries::Error>(())
    /// ```
    ///
    /// # Errors
    /// Those of [`RegArima::fit_slice`] for `base`; [`Error::X13Estimation`]
    /// when no candidate model can be estimated.
    pub fn fit_with(
        &self,
        base: &RegArima,
        y: &[f64],
        period: usize,
        start: (i32, u32),
    ) -> Result<AutoModelFit> {
        let n = y.len();
        let t = match base.transform_setting() {
            Transform::Auto => base
                .span_only(n)
                .order(ArimaOrder::airline())
                .fit_slice(y, period, start)?
                .transform(),
            other => other,
        };
        let force_mean = base.has_constant();
        let check_mean = self.check_mean && !force_mean;
        let cv0 = self.critical.unwrap_or_else(|| default_critical_value(n));
        let id = Identify {
            auto: self,
            base: base.span_only(n).transform(t),
            check_mean,
            y,
            period,
            start,
        };
        let result = self.identify(&id, cv0, force_mean)?;
        let (forecasts, backcasts) = base.horizons();
        if forecasts + backcasts == 0 {
            return Ok(result);
        }
        // The final model once more with the forecasts and backcasts (the
        // same span, so the same estimates).
        let fit = base
            .clone()
            .transform(t)
            .order(result.fit.order())
            .constant(result.mean)
            .with_outlier_list(result.fit.outliers().to_vec())
            .fit_slice(y, period, start)?;
        Ok(AutoModelFit { fit, ..result })
    }

    /// The identification proper, on the span.
    fn identify(&self, id: &Identify<'_>, cv0: f64, force_mean: bool) -> Result<AutoModelFit> {
        let period = id.period;
        let airline = ArimaOrder::airline();
        // 1. The default model: the mean, the outliers, the mean again.
        let mut mean0 = if id.check_mean {
            id.mean_significant(airline, &[], 1.96)?
        } else {
            force_mean
        };
        let mut air = id.with_outliers(airline, mean0, cv0)?;
        if id.check_mean && mean0 && !constant_significant(&air, 1.96) {
            mean0 = false;
            air = id.fixed(airline, false, air.outliers())?;
        }
        // The model the identified one is compared with: the default model
        // in the first round, the first round's model in the second.
        let mut prev = (airline, mean0, air.clone());
        let mut plbox0 = ljung_box_confidence(&air, period);
        let mut pcr = self.ljung_box_limit;
        let mut cv = cv0;
        let mut outliers = air.outliers().to_vec();
        let mut last: Option<AutoModelFit> = None;
        for nloop in 1..=2 {
            // 2. Differencing, on the series less the outliers' effects.
            // The program removes the outliers' effects (estimated with the
            // default model) for the identification and adds the outliers
            // back afterwards.
            let u = id.linearized(&outliers, mean0)?;
            let (d, sd, mean) = id.differencing(&u, mean0)?;
            // 3. ARMA orders by BIC, on the series less the outliers' effects.
            // The program's ARMA search leaves the mean out even when the
            // test kept it (its BIC values equal those of fits without the
            // constant, with the same np; checked with fixed-model runs of
            // the binary); the mean returns in the model estimated next.
            let (order, best) = id.arma_orders(d, sd, false, &u)?;
            let first = best.first().map_or(order, |c| c.order);
            // 4. Outliers searched for anew with the chosen model.
            let mut fit = id.with_outliers(order, mean, cv)?;
            let mut mean = mean;
            let mut plbox = ljung_box_confidence(&fit, period);
            let mut default_taken = false;
            // 5. The program's comparison with the earlier model.
            let (order0, mu0, fit0) = &prev;
            if order != *order0 || mean != *mu0 {
                let rvr = fit.likelihood().variance.sqrt();
                // The earlier model with the outliers just found.
                let again = if fit0.outliers() == fit.outliers() {
                    None
                } else {
                    id.fixed(*order0, *mu0, fit.outliers()).ok()
                };
                let fit0 = again.as_ref().unwrap_or(fit0);
                let plbox0 = if again.is_some() {
                    ljung_box_confidence(fit0, period)
                } else {
                    plbox0
                };
                let rvr0 = fit0.likelihood().variance.sqrt();
                let fct = 1.0 / (1.0 - 0.0125);
                let ar1 = fit.arma().first().map_or(0.0, |c| c.estimate);
                let o = order;
                let revert = (plbox < 0.95 && plbox0 < 0.75 && rvr0 < rvr)
                    || (nloop == 1 && plbox >= 0.95 && plbox0 < 0.95)
                    || (plbox < 0.95 && plbox0 < 0.75 && plbox0 < plbox && rvr0 < fct * rvr)
                    || (o.d == 0
                        && o.sd == 1
                        && o.p == 1
                        && ar1 >= 0.82
                        && o.sp == 0
                        && o.q <= 1
                        && o.sq == 1)
                    || (o.d == 1
                        && o.sd == 0
                        && o.p == 0
                        && ar1 >= 0.65
                        && o.sp == 1
                        && o.q == 1
                        && o.sq <= 1);
                if revert {
                    fit = id.fixed(*order0, *mu0, fit.outliers())?;
                    mean = *mu0;
                    plbox = plbox0;
                    default_taken = true;
                }
            }
            plbox0 = plbox;
            pcr += if nloop == 1 { 0.025 } else { 0.015 };
            let result = AutoModelFit {
                differencing: (d, sd),
                best,
                first,
                mean,
                critical: cv,
                default_taken,
                fit,
            };
            if plbox <= pcr {
                return id.finish(result);
            }
            if nloop == 1 {
                if self.outliers.is_some() && cv > 2.8 {
                    cv = (cv - cv * self.reduce_cv).max(2.8);
                }
                outliers = result.fit.outliers().to_vec();
                prev = (result.fit.order(), result.mean, result.fit.clone());
                last = Some(result);
            } else {
                // Still rejected: the program's fallback (3 d 1)(P D 1).
                let o = result.fit.order();
                let sp = if o.sd > 0 { 0 } else { o.sp };
                let sq = usize::from(self.max_order.1 > 0);
                let q = usize::from(self.mixed);
                for p in (0..=3).rev() {
                    let fb = ArimaOrder::new(p, o.d, q).seasonal(sp, o.sd, sq);
                    if let Ok(fit) = id.fixed(fb, result.mean, result.fit.outliers()) {
                        return id.finish(AutoModelFit {
                            fit,
                            default_taken: false,
                            ..result
                        });
                    }
                }
                return id.finish(result);
            }
        }
        last.ok_or(Error::X13Estimation {
            reason: "the automatic identification ended without a model",
        })
    }
}

/// Whether the fit's constant has |t| ≥ `cv` (false without a constant).
fn constant_significant(fit: &RegArimaFit, cv: f64) -> bool {
    fit.regression()
        .iter()
        .find(|c| c.name == "Constant")
        .is_some_and(|c| c.t_value().abs() >= cv)
}

/// The series and settings of one identification.
struct Identify<'a> {
    auto: &'a AutoModel,
    /// The user's model on the chosen scale, without forecasts.
    base: RegArima,
    /// Whether the mean is tested (not when the user's model has one).
    check_mean: bool,
    y: &'a [f64],
    period: usize,
    start: (i32, u32),
}

impl Identify<'_> {
    /// The program's last check: the highest-order coefficient of one
    /// polynomial is dropped when its |t| is below 1 and its size below 0.15
    /// (0.1 beyond 150 observations), the one with the smallest |t| among
    /// such (AR, then seasonal AR, MA, seasonal MA, when tied), unless the
    /// model has a single coefficient.
    fn finish(&self, mut result: AutoModelFit) -> Result<AutoModelFit> {
        // The final unit-root check: an AR root of modulus up to 1.05 (`ubfin`)
        // becomes a difference.
        let o = result.fit.order();
        let c: Vec<f64> = result.fit.arma().iter().map(|c| c.estimate).collect();
        let (ur, _) = unit_roots(&ar_roots(c.get(..o.p).unwrap_or(&[])), UBFIN);
        let (us, _) = unit_roots(&ar_roots(c.get(o.p..o.p + o.sp).unwrap_or(&[])), UBFIN);
        let mut n = o;
        if ur > 0 && o.d < self.auto.max_diff.0 {
            n.p -= 1;
            n.d += 1;
        }
        if us > 0 && o.sd < self.auto.max_diff.1 {
            n.sp -= 1;
            n.sd += 1;
        }
        // A new difference takes the constant out of the model (unless the
        // user's model has it), as the program reports.
        let mean = result.mean && !self.check_mean;
        if n != o
            && let Ok(fit) = self.fixed(n, mean, result.fit.outliers())
        {
            result.fit = fit;
            result.mean = mean;
        }
        // Overdifferencing: a regular MA polynomial with a root within 0.001
        // of one (θ(1) = 1 − Σθ ≈ 0) cancels a regular difference.
        let o = result.fit.order();
        if o.d > 0 && o.q > 0 {
            let ma: f64 = result
                .fit
                .arma()
                .get(o.p + o.sp..o.p + o.sp + o.q)
                .map_or(0.0, |c| c.iter().map(|c| c.estimate).sum());
            if (ma - 1.0).abs() < 0.001 {
                let mut n = o;
                n.d -= 1;
                n.q -= 1;
                if let Ok(fit) = self.fixed(n, result.mean, result.fit.outliers()) {
                    result.fit = fit;
                }
            }
        }
        let o = result.fit.order();
        if o.arma_count() <= 1 {
            return Ok(result);
        }
        let cmin = if self.y.len() <= 150 { 0.15 } else { 0.1 };
        let coef = result.fit.arma();
        // The last coefficient of each polynomial: its index and order.
        let ends = [
            (o.p, o.p),
            (o.sp, o.p + o.sp),
            (o.q, o.p + o.sp + o.q),
            (o.sq, o.p + o.sp + o.q + o.sq),
        ];
        let mut drop = [false; 4];
        let mut bmin = f64::INFINITY;
        for (k, &(deg, end)) in ends.iter().enumerate() {
            if deg == 0 {
                continue;
            }
            let Some(c) = coef.get(end - 1) else { continue };
            let tv = c.t_value().abs();
            if tv < 1.0 && c.estimate.abs() < cmin {
                if let Some(d) = drop.get_mut(k) {
                    *d = true;
                }
                if bmin > tv {
                    bmin = tv;
                    for d in drop.iter_mut().take(k) {
                        *d = false;
                    }
                }
            }
        }
        let Some(k) = drop.iter().position(|d| *d) else {
            return Ok(result);
        };
        let mut n = o;
        match k {
            0 => n.p -= 1,
            1 => n.sp -= 1,
            2 => n.q -= 1,
            _ => n.sq -= 1,
        }
        if let Ok(fit) = self.fixed(n, result.mean, result.fit.outliers()) {
            result.fit = fit;
        }
        Ok(result)
    }

    /// A model with given outliers (and the mean when `mean`).
    fn fixed(&self, order: ArimaOrder, mean: bool, outliers: &[Outlier]) -> Result<RegArimaFit> {
        self.base
            .clone()
            .order(order)
            .constant(mean)
            .with_outlier_list(outliers.to_vec())
            .fit_slice(self.y, self.period, self.start)
    }

    /// A model with its outliers searched for at `cv` (none searched when
    /// the run has no outlier search).
    fn with_outliers(&self, order: ArimaOrder, mean: bool, cv: f64) -> Result<RegArimaFit> {
        let mut b = self.base.clone().order(order).constant(mean);
        if let Some(kinds) = &self.auto.outliers {
            b = b.outlier_search(OutlierSearch::new(cv).kinds(kinds.clone()));
        }
        b.fit_slice(self.y, self.period, self.start)
    }

    /// Whether the constant of `order` with `outliers` has |t| ≥ `cv`.
    fn mean_significant(&self, order: ArimaOrder, outliers: &[Outlier], cv: f64) -> Result<bool> {
        let fit = self.fixed(order, true, outliers)?;
        Ok(fit
            .regression()
            .iter()
            .find(|c| c.name == "Constant")
            .is_some_and(|c| c.t_value().abs() >= cv))
    }

    /// The series less the outliers' effects (on the transformed scale),
    /// estimated with the default model.
    fn linearized(&self, outliers: &[Outlier], mean: bool) -> Result<Vec<f64>> {
        let fit = self.fixed(ArimaOrder::airline(), mean, outliers)?;
        Ok(fit.linearized().to_vec())
    }

    /// The unit-root procedure: the regular and seasonal differencing and
    /// whether the model has a mean.
    fn differencing(&self, u: &[f64], mean0: bool) -> Result<(usize, usize, bool)> {
        let s = self.period;
        let (lim_d, lim_sd) = self.auto.max_diff;
        // Round 1: AR(2)(1) by Hannan–Rissanen on the undifferenced series.
        let (mut d, mut sd) = (0usize, 0usize);
        let (mut rmax_r, mut rmax_s) = (f64::NEG_INFINITY, f64::NEG_INFINITY);
        if let Some(c) = hannan_rissanen(&demeaned(u), 2, 1, 0, 0, s) {
            let (ur, mr) = unit_roots(&ar_roots(c.get(..2).unwrap_or(&[])), UB1);
            let (us, ms) = unit_roots(&ar_roots(c.get(2..3).unwrap_or(&[])), UB1);
            d += ur;
            sd += us;
            rmax_r = mr;
            rmax_s = ms;
        }
        d = d.min(lim_d);
        sd = sd.min(lim_sd);
        let mut cancel = CANCEL;
        let din = 1.005 - UB2 + (UB2 - 0.869);
        let mut round = 2;
        loop {
            let w = demeaned(&difference(u, d, sd, s));
            let Some(c) = hannan_rissanen(&w, 1, 1, 1, 1, s) else {
                break;
            };
            let g = |i: usize| c.get(i).copied().unwrap_or(0.0);
            let (phi, sphi, theta, stheta) = (g(0), g(1), g(2), g(3));
            cancel -= 0.002;
            let mut icon = 0;
            if (1.0 - phi).abs() <= din && phi <= 1.02 && (phi - theta).abs() > cancel {
                icon += 1;
                d += 1;
            }
            if (1.0 - sphi).abs() <= 0.19
                && sphi <= 1.02
                && (sphi - stheta).abs() > cancel
                && sd == 0
            {
                icon += 1;
                sd += 1;
            }
            let none_yet = d == 0 && sd == 0;
            if round == 2
                && none_yet
                && ((phi - theta).abs() <= cancel || (sphi - stheta).abs() <= cancel)
                && (rmax_r >= 0.9 || rmax_s >= 0.9)
            {
                icon += 1;
                if rmax_r > rmax_s {
                    d += 1;
                } else {
                    sd += 1;
                }
            }
            let none_yet = d == 0 && sd == 0;
            if round == 2
                && none_yet
                && ((((1.0 - phi).abs() <= 0.15 || (1.0 - sphi).abs() <= 0.16)
                    && (rmax_r >= 0.9 || rmax_s >= 0.88))
                    || (((1.0 - phi).abs() <= 0.16 || (1.0 - sphi).abs() <= 0.17)
                        && (rmax_r >= 0.91 || rmax_s >= 0.89)))
            {
                icon += 1;
                if rmax_r > rmax_s {
                    d += 1;
                } else {
                    sd += 1;
                }
            }
            if d == 0 && sd == 0 && ((1.0 - phi).abs() <= 0.15 || (1.0 - sphi).abs() <= 0.25) {
                icon += 1;
                if phi > sphi {
                    d += 1;
                } else {
                    sd += 1;
                }
            }
            if icon == 2 {
                d = d.saturating_sub(1);
                sd = sd.saturating_sub(1);
                if rmax_r > rmax_s {
                    d += 1;
                } else {
                    sd += 1;
                }
            }
            round += 1;
            if d > lim_d || sd > lim_sd {
                d = d.min(lim_d);
                sd = sd.min(lim_sd);
                break;
            }
            if !(icon >= 1 && round <= 7) {
                break;
            }
        }
        // The mean, for the differencing chosen.
        let mut mean = mean0;
        if self.check_mean {
            let n = u.len();
            if d + sd == 0 {
                let m = u.iter().sum::<f64>() / n as f64;
                let sdv = (u.iter().map(|v| (v - m) * (v - m)).sum::<f64>() / n as f64).sqrt();
                let tv = (n as f64).sqrt() * m / sdv;
                let vct = if n <= 80 {
                    1.96
                } else if n <= 200 {
                    2.0
                } else {
                    2.55
                };
                mean = tv.abs() >= vct;
            } else {
                let vct = if n <= 80 {
                    1.96
                } else if n <= 155 {
                    1.98
                } else if n <= 230 {
                    2.1
                } else if n <= 350 {
                    2.3
                } else {
                    2.5
                };
                let order = ArimaOrder::new(1, d, 1).seasonal(1, sd, 1);
                mean = RegArima::new(order)
                    .constant(true)
                    .fit_slice(u, self.period, self.start)
                    .is_ok_and(|f| constant_significant(&f, vct));
            }
        }
        Ok((d, sd, mean))
    }

    /// The program's BIC of one model, or `None` when it cannot be estimated.
    fn bic(&self, order: ArimaOrder, mean: bool, u: &[f64]) -> Option<f64> {
        // Started, as the program does, from Hannan–Rissanen estimates on the
        // differenced series (less its mean with a mean in the model).
        let s = self.period;
        let mut w = difference(u, order.d, order.sd, s);
        if mean {
            w = demeaned(&w);
        }
        let mut b = RegArima::new(order).constant(mean);
        if order.arma_count() > 0
            && let Some(start) = hannan_rissanen(&w, order.p, order.sp, order.q, order.sq, s)
        {
            b = b.initial_arma(start);
        }
        let fit = b.fit_slice(u, s, self.start).ok()?;
        let l = fit.likelihood();
        let nn = l.nefobs as f64;
        let v = (-2.0 * l.loglik + l.np as f64 * nn.ln()) / nn;
        v.is_finite().then_some(v)
    }

    /// The ARMA orders for differencing (d, sd): the program's sequential
    /// BIC search and its preference rules.
    fn arma_orders(
        &self,
        d: usize,
        sd: usize,
        mean: bool,
        u: &[f64],
    ) -> Result<(ArimaOrder, Vec<Candidate>)> {
        let (mr, ms) = self.auto.max_order;
        let mixed = self.auto.mixed;
        let ok = |a: usize, b: usize| mixed || a == 0 || b == 0;
        let mut best: Vec<Candidate> = Vec::new();
        let try_model = |order: ArimaOrder, best: &mut Vec<Candidate>| {
            if best.iter().any(|c| c.order == order) {
                return;
            }
            if let Some(bic) = self.bic(order, mean, u) {
                insert_best(best, Candidate { order, bic });
            }
        };
        // Seasonal orders with the regular part (3 d 0).
        for sp in 0..=ms {
            for sq in 0..=ms {
                if ok(sp, sq) {
                    try_model(ArimaOrder::new(3, d, 0).seasonal(sp, sd, sq), &mut best);
                }
            }
        }
        let (bsp, bsq) = best.first().map_or((0, 0), |c| (c.order.sp, c.order.sq));
        if mr < 3 {
            best.clear();
        }
        for p in 0..=mr {
            for q in 0..=mr {
                if ok(p, q) {
                    try_model(ArimaOrder::new(p, d, q).seasonal(bsp, sd, bsq), &mut best);
                }
            }
        }
        let Some(b1) = best.first().copied() else {
            return Err(Error::X13Estimation {
                reason: "no candidate model of the automatic identification can be estimated",
            });
        };
        let (mut bp, mut bq) = (b1.order.p, b1.order.q);
        if bp + bq + bsp + bsq == 0
            && let Some(b2) = best.get(1)
        {
            bp = b2.order.p;
            bq = b2.order.q;
        }
        let psar = if ms < 2 && sd == 1 { 0 } else { ms };
        for sp in 0..=psar {
            for sq in 0..=ms {
                if ok(sp, sq) {
                    try_model(ArimaOrder::new(bp, d, bq).seasonal(sp, sd, sq), &mut best);
                }
            }
        }
        Ok((choose(&best), best))
    }
}

/// The series less its mean.
fn demeaned(x: &[f64]) -> Vec<f64> {
    let m = x.iter().sum::<f64>() / x.len().max(1) as f64;
    x.iter().map(|v| v - m).collect()
}

/// (1 − B)ᵈ(1 − Bˢ)ᴰ x: `x.len() − d − sD` values.
fn difference(x: &[f64], d: usize, sd: usize, s: usize) -> Vec<f64> {
    let mut w = x.to_vec();
    for _ in 0..d {
        w = w.iter().zip(w.iter().skip(1)).map(|(a, b)| b - a).collect();
    }
    for _ in 0..sd {
        w = w.iter().zip(w.iter().skip(s)).map(|(a, b)| b - a).collect();
    }
    w
}

/// Autocorrelations r₁ … r_k of a zero-mean series and its variance c₀.
fn autocorrelations(x: &[f64], k: usize) -> (Vec<f64>, f64) {
    let n = x.len() as f64;
    let c0 = x.iter().map(|v| v * v).sum::<f64>() / n;
    let r = (1..=k)
        .map(|lag| {
            x.iter()
                .zip(x.iter().skip(lag))
                .map(|(a, b)| a * b)
                .sum::<f64>()
                / n
                / c0
        })
        .collect();
    (r, c0)
}

/// The residuals of a long autoregression fitted by Durbin–Levinson to the
/// autocorrelations (the first stage of Hannan–Rissanen), truncated at
/// the start as the program does.
fn long_ar_residuals(x: &[f64], order: usize) -> Option<Vec<f64>> {
    let (r, _) = autocorrelations(x, order);
    let mut phi: Vec<f64> = Vec::with_capacity(order);
    let mut v = 1.0;
    for i in 0..order {
        let ri = *r.get(i)?;
        let acc: f64 = phi
            .iter()
            .enumerate()
            .map(|(j, p)| p * r.get(i.wrapping_sub(j + 1)).copied().unwrap_or(0.0))
            .sum();
        let k = (ri - acc) / v;
        if !k.is_finite() {
            return None;
        }
        v *= 1.0 - k * k;
        let old = phi.clone();
        for (j, p) in phi.iter_mut().enumerate() {
            *p -= k * old.get(i - 1 - j).copied().unwrap_or(0.0);
        }
        phi.push(k);
    }
    Some(
        (0..x.len())
            .map(|t| {
                let mut e = x.get(t).copied().unwrap_or(0.0);
                for (j, p) in phi.iter().enumerate() {
                    if let Some(tj) = t.checked_sub(j + 1) {
                        e -= p * x.get(tj).copied().unwrap_or(0.0);
                    }
                }
                e
            })
            .collect(),
    )
}

/// The long autoregression's order: ⌊(ln n)²⌋, at least the AR span and
/// twice the MA span, at most 50 (the program's rule).
fn long_ar_order(n: usize, ip: usize, iq: usize) -> usize {
    let n35 = ((n as f64).ln().powi(2)) as usize;
    let m1 = n35.max(ip).max(2 * iq);
    let mut iar = m1.max(n35);
    if iar >= n {
        iar = m1.min(n - n / 4);
    }
    iar.min(50)
}

/// Least squares: the coefficients of `y` on the columns of `x` (rows).
fn ols(rows: &[Vec<f64>], y: &[f64]) -> Option<Vec<f64>> {
    let k = rows.first()?.len();
    let mut a = vec![vec![0.0; k + 1]; k];
    for (row, yi) in rows.iter().zip(y) {
        for i in 0..k {
            let xi = row.get(i).copied().unwrap_or(0.0);
            let ai = a.get_mut(i)?;
            for j in 0..k {
                *ai.get_mut(j)? += xi * row.get(j).copied().unwrap_or(0.0);
            }
            *ai.get_mut(k)? += xi * yi;
        }
    }
    // Gaussian elimination with partial pivoting.
    for c in 0..k {
        let piv = (c..k).max_by(|&i, &j| {
            let ai = a.get(i).and_then(|r| r.get(c)).map_or(0.0, |v| v.abs());
            let aj = a.get(j).and_then(|r| r.get(c)).map_or(0.0, |v| v.abs());
            ai.total_cmp(&aj)
        })?;
        a.swap(c, piv);
        let pivot_row = a.get(c)?.clone();
        let pv = *pivot_row.get(c)?;
        if pv.abs() < 1e-300 {
            return None;
        }
        for (i, row) in a.iter_mut().enumerate() {
            if i == c {
                continue;
            }
            let f = row.get(c).copied().unwrap_or(0.0) / pv;
            for (v, p) in row.iter_mut().zip(&pivot_row) {
                *v -= f * p;
            }
        }
    }
    (0..k)
        .map(|i| {
            let row = a.get(i)?;
            Some(row.get(k)? / row.get(i)?)
        })
        .collect()
}

/// Hannan–Rissanen estimates of (p 0 q)(P 0 Q) for a zero-mean series, in
/// the program's sign convention and order (AR, seasonal AR, MA, seasonal
/// MA), as the program's unit-root step computes them: the seasonal
/// regressors carry the cross lags unconstrained; with both AR and MA
/// terms, the MA part is estimated again on the AR-filtered series.
fn hannan_rissanen(
    x: &[f64],
    p: usize,
    sp: usize,
    q: usize,
    sq: usize,
    s: usize,
) -> Option<Vec<f64>> {
    let n = x.len();
    let ip = p + s * sp;
    let iq = q + s * sq;
    let ncol = p + sp * (p + 1) + q + sq * (q + 1);
    if n < ip.max(iq) + ncol + 2 {
        return None;
    }
    let ahat = if iq > 0 {
        long_ar_residuals(x, long_ar_order(n, ip, iq))?
    } else {
        Vec::new()
    };
    let beta = hr_regression(x, &ahat, p, sp, q, sq, s)?;
    let mut out: Vec<f64> = Vec::with_capacity(p + sp + q + sq);
    out.extend(beta.get(..p)?.iter().map(|b| -b));
    out.extend((1..=sp).map(|j| -beta.get((p + 1) * j - 1).copied().unwrap_or(0.0)));
    let ma0 = p + sp * (p + 1);
    out.extend((0..q).map(|j| -beta.get(ma0 + j).copied().unwrap_or(0.0)));
    out.extend((1..=sq).map(|j| -beta.get(ma0 + (q + 1) * j - 1).copied().unwrap_or(0.0)));
    if ip > 0 && iq > 0 {
        // The AR-filtered series, then the MA part again.
        let ar_poly = {
            let reg: Vec<f64> = std::iter::once(1.0)
                .chain(out.get(..p)?.iter().map(|v| -v))
                .collect();
            let mut sea = vec![0.0; s * sp + 1];
            *sea.first_mut()? = 1.0;
            for j in 1..=sp {
                *sea.get_mut(j * s)? = -out.get(p + j - 1).copied().unwrap_or(0.0);
            }
            crate::x13::arima::multiply(&reg, &sea)
        };
        let deg = ar_poly.len() - 1;
        let y: Vec<f64> = (deg..n)
            .map(|t| {
                ar_poly
                    .iter()
                    .enumerate()
                    .map(|(i, c)| c * x.get(t - i).copied().unwrap_or(0.0))
                    .sum()
            })
            .collect();
        let m = y.len();
        let ahat2 = long_ar_residuals(&y, long_ar_order(m, 0, iq))?;
        let b2 = hr_regression(&y, &ahat2, 0, 0, q, sq, s)?;
        for j in 0..q {
            *out.get_mut(p + sp + j)? = -b2.get(j).copied().unwrap_or(0.0);
        }
        for j in 1..=sq {
            *out.get_mut(p + sp + q + j - 1)? = -b2.get((q + 1) * j - 1).copied().unwrap_or(0.0);
        }
    }
    out.iter().all(|v| v.is_finite()).then_some(out)
}

/// The regression of Hannan–Rissanen's second stage: x_t on −x at the AR
/// lags (with the seasonal × regular cross lags) and on the long-AR
/// residuals at the MA lags.
fn hr_regression(
    x: &[f64],
    ahat: &[f64],
    p: usize,
    sp: usize,
    q: usize,
    sq: usize,
    s: usize,
) -> Option<Vec<f64>> {
    let mxlg = (p + s * sp).max(q + s * sq);
    let at = |v: &[f64], i: usize, lag: usize| v.get(i.checked_sub(lag)?).copied();
    let mut rows = Vec::new();
    let mut y = Vec::new();
    for i in mxlg..x.len() {
        let mut row = Vec::new();
        for j in 1..=p {
            row.push(-at(x, i, j)?);
        }
        for j in 1..=sp {
            row.push(-at(x, i, j * s)?);
            for k in 1..=p {
                row.push(-at(x, i, j * s + k)?);
            }
        }
        for j in 1..=q {
            row.push(at(ahat, i, j)?);
        }
        for j in 1..=sq {
            row.push(at(ahat, i, j * s)?);
            for k in 1..=q {
                row.push(at(ahat, i, j * s + k)?);
            }
        }
        rows.push(row);
        y.push(*x.get(i)?);
    }
    ols(&rows, &y)
}

/// Inserts into the five best, sorted by BIC (ties keep the earlier).
fn insert_best(best: &mut Vec<Candidate>, c: Candidate) {
    let at = best
        .iter()
        .position(|b| c.bic < b.bic)
        .unwrap_or(best.len());
    if at < 5 {
        best.insert(at, c);
        best.truncate(5);
    }
}

/// The program's choice among the five best: the first, unless a model
/// with fewer parameters lies within a small BIC distance (its rules for
/// unbalanced models; `balanced=no`).
fn choose(best: &[Candidate]) -> ArimaOrder {
    let Some(first) = best.first() else {
        return ArimaOrder::airline();
    };
    let last = best.last().map_or(first.bic, |c| c.bic);
    let spread = (first.bic - last).abs();
    let bmax = if spread < 0.003 {
        0.0625
    } else if spread < 0.03 {
        0.25
    } else {
        1.0
    };
    let mut vc2 = 0.0025 * bmax;
    let mut vc22 = 0.0075 * bmax;
    let mut chosen = *first;
    let r = |o: &ArimaOrder| o.p + o.q;
    let s = |o: &ArimaOrder| o.sp + o.sq;
    let mut icon = 0;
    for (i, c) in best.iter().enumerate().skip(1) {
        let (ir1, is1) = (r(&chosen.order), s(&chosen.order));
        let (ir2, is2) = (r(&c.order), s(&c.order));
        let dbic = (c.bic - best.get(icon).map_or(c.bic, |b| b.bic)).abs();
        let take = (i == 1 && ir1 == 0 && ir2 == 1 && is2 == is1 && dbic < vc2)
            || (ir2 < ir1 && ir2 > 0 && is2 == is1 && dbic < vc2)
            || (is2 < is1 && is2 > 0 && ir2 == ir1 && dbic < vc2)
            || (c.order.p < chosen.order.p
                && c.order.q == chosen.order.q
                && ir2 > 0
                && is2 == is1
                && dbic < vc22);
        if take {
            let gap = (first.bic - c.bic).abs();
            vc2 -= gap;
            vc22 -= gap;
            chosen = *c;
            icon = i;
        }
    }
    let o = chosen.order;
    if o.p + o.q + o.sp + o.sq == 0
        && let Some(next) = best.get(icon + 1)
    {
        return next.order;
    }
    o
}

/// The roots of 1 − Σ cᵢ zⁱ for one or two coefficients: (real, imaginary).
fn ar_roots(c: &[f64]) -> Vec<(f64, f64)> {
    match c {
        [a] if *a != 0.0 => vec![(1.0 / a, 0.0)],
        [a, b] if *b != 0.0 => {
            // −b z² − a z + 1 = 0.
            let (qa, qb, qc) = (-b, -a, 1.0);
            let disc = qb * qb - 4.0 * qa * qc;
            if disc >= 0.0 {
                let r = disc.sqrt();
                vec![((-qb + r) / (2.0 * qa), 0.0), ((-qb - r) / (2.0 * qa), 0.0)]
            } else {
                let im = (-disc).sqrt() / (2.0 * qa);
                let re = -qb / (2.0 * qa);
                vec![(re, im.abs()), (re, -im.abs())]
            }
        }
        [a, _] if *a != 0.0 => vec![(1.0 / a, 0.0)],
        c if c.len() > 2 => durand_kerner(c),
        _ => Vec::new(),
    }
}

/// The roots of 1 − Σ cᵢ zⁱ (degree three or more) by Durand–Kerner.
fn durand_kerner(c: &[f64]) -> Vec<(f64, f64)> {
    // Trailing zero coefficients lower the degree.
    let k = c.iter().rposition(|v| *v != 0.0).map_or(0, |i| i + 1);
    if k < 3 {
        return ar_roots(c.get(..k).unwrap_or(&[]));
    }
    let lead = -c.get(k - 1).copied().unwrap_or(1.0);
    // Monic coefficients of z^0 … z^k: (1, −c₁, …, −c_k) / lead.
    let mono: Vec<f64> = std::iter::once(1.0)
        .chain(c.iter().take(k).map(|v| -v))
        .map(|v| v / lead)
        .collect();
    let eval = |z: (f64, f64)| -> (f64, f64) {
        let mut acc = (0.0, 0.0);
        for a in mono.iter().rev() {
            acc = (acc.0 * z.0 - acc.1 * z.1 + a, acc.0 * z.1 + acc.1 * z.0);
        }
        acc
    };
    let mut roots: Vec<(f64, f64)> = (0..k)
        .map(|i| {
            let ang = 0.4 + 2.0 * std::f64::consts::PI * i as f64 / k as f64;
            (1.1 * ang.cos(), 1.1 * ang.sin())
        })
        .collect();
    for _ in 0..500 {
        let mut moved = 0.0f64;
        for j in 0..k {
            let Some(&zj) = roots.get(j) else { continue };
            let mut den = (1.0, 0.0);
            for (l, zl) in roots.iter().enumerate() {
                if l != j {
                    let d = (zj.0 - zl.0, zj.1 - zl.1);
                    den = (den.0 * d.0 - den.1 * d.1, den.0 * d.1 + den.1 * d.0);
                }
            }
            let num = eval(zj);
            let m = den.0 * den.0 + den.1 * den.1;
            if m == 0.0 {
                continue;
            }
            let q = (
                (num.0 * den.0 + num.1 * den.1) / m,
                (num.1 * den.0 - num.0 * den.1) / m,
            );
            if let Some(r) = roots.get_mut(j) {
                *r = (zj.0 - q.0, zj.1 - q.1);
            }
            moved = moved.max(q.0.abs() + q.1.abs());
        }
        if moved < 1e-14 {
            break;
        }
    }
    roots
}

/// The program's unit-root count (roots of modulus up to `limit`, nearly
/// real and positive) and the largest inverse modulus of the other real
/// positive roots.
fn unit_roots(roots: &[(f64, f64)], limit: f64) -> (usize, f64) {
    let mut n = 0;
    let mut rmax = f64::NEG_INFINITY;
    for &(re, im) in roots {
        let m = (re * re + im * im).sqrt();
        if m <= limit && im.abs() <= 0.05 && re > 0.0 {
            n += 1;
        } else if im.abs() <= 0.02 && re > 0.0 {
            rmax = rmax.max(1.0 / m);
        }
    }
    (n, rmax)
}

/// The confidence (1 − p-value) of the Ljung–Box Q of the residuals at the
/// program's lag (24 monthly, 16 quarterly, at most half the residuals),
/// with degrees of freedom the lag less the ARMA coefficients.
pub(crate) fn ljung_box_confidence(fit: &RegArimaFit, period: usize) -> f64 {
    let e = fit.residuals();
    let n = e.len();
    let mut lags = if period == 12 { 24 } else { 4 * period };
    if lags >= n {
        lags = n / 2;
    }
    let mean = e.iter().sum::<f64>() / n.max(1) as f64;
    let c0: f64 = e.iter().map(|v| (v - mean) * (v - mean)).sum();
    if c0 <= 0.0 || lags == 0 {
        return 0.0;
    }
    let nf = n as f64;
    let mut q = 0.0;
    for k in 1..=lags {
        let ck: f64 = e
            .iter()
            .zip(e.iter().skip(k))
            .map(|(a, b)| (a - mean) * (b - mean))
            .sum();
        let r = ck / c0;
        q += r * r / (nf - k as f64);
    }
    q *= nf * (nf + 2.0);
    let df = lags.saturating_sub(fit.arma().len());
    if df == 0 {
        return 0.0;
    }
    gamma_p(df as f64 / 2.0, q / 2.0)
}

/// ln Γ(x), Lanczos (g = 7, nine terms), x > 0.
fn ln_gamma(x: f64) -> f64 {
    const G: [f64; 9] = [
        0.999_999_999_999_809_9,
        676.520_368_121_885_1,
        -1_259.139_216_722_402_8,
        771.323_428_777_653_1,
        -176.615_029_162_140_6,
        12.507_343_278_686_905,
        -0.138_571_095_265_720_12,
        9.984_369_578_019_572e-6,
        1.505_632_735_149_311_6e-7,
    ];
    let x = x - 1.0;
    let mut a = G[0];
    let t = x + 7.5;
    for (i, g) in G.iter().enumerate().skip(1) {
        a += g / (x + i as f64);
    }
    0.5 * (2.0 * std::f64::consts::PI).ln() + (x + 0.5) * t.ln() - t + a.ln()
}

/// The regularized lower incomplete gamma P(a, x): the chi-square CDF of
/// 2x with 2a degrees of freedom (series below a + 1, continued fraction
/// above).
fn gamma_p(a: f64, x: f64) -> f64 {
    if x <= 0.0 {
        return 0.0;
    }
    let lead = -x + a * x.ln() - ln_gamma(a);
    if x < a + 1.0 {
        let (mut sum, mut term, mut ap) = (1.0 / a, 1.0 / a, a);
        for _ in 0..500 {
            ap += 1.0;
            term *= x / ap;
            sum += term;
            if term.abs() < sum.abs() * 1e-15 {
                break;
            }
        }
        (sum.ln() + lead).exp().min(1.0)
    } else {
        // Lentz's continued fraction for Q(a, x).
        let tiny = 1e-300;
        let mut b = x + 1.0 - a;
        let mut c = 1.0 / tiny;
        let mut d = 1.0 / b;
        let mut h = d;
        for i in 1..500 {
            let an = -(i as f64) * (i as f64 - a);
            b += 2.0;
            d = an * d + b;
            if d.abs() < tiny {
                d = tiny;
            }
            c = b + an / c;
            if c.abs() < tiny {
                c = tiny;
            }
            d = 1.0 / d;
            let del = d * c;
            h *= del;
            if (del - 1.0).abs() < 1e-15 {
                break;
            }
        }
        (1.0 - (lead.exp() * h)).max(0.0)
    }
}

impl AutoModelFit {
    /// The final model, estimated with its outliers and mean.
    pub fn fit(&self) -> &RegArimaFit {
        &self.fit
    }

    /// The differencing the unit-root procedure identified (regular,
    /// seasonal), the program's `idnonseasonaldiff`, `idseasonaldiff`.
    pub fn differencing(&self) -> (usize, usize) {
        self.differencing
    }

    /// The five best models of the last ARMA search with their BIC, best
    /// first (the program's `automdl.best5`).
    pub fn best(&self) -> &[Candidate] {
        &self.best
    }

    /// The best model of the last ARMA search before the preference rules
    /// and checks.
    pub fn first(&self) -> ArimaOrder {
        self.first
    }

    /// Whether the identification kept the mean (the program's `automean`).
    pub fn mean(&self) -> bool {
        self.mean
    }

    /// The outlier critical value of the final search.
    pub fn critical(&self) -> f64 {
        self.critical
    }

    /// Whether the identified model failed the Ljung–Box check and the
    /// default model was taken instead.
    pub fn default_taken(&self) -> bool {
        self.default_taken
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chi_square_cdf_matches_known_values() {
        // python3 -c "import scipy.stats as s; print(s.chi2.cdf(22, 24), s.chi2.cdf(36.4, 24))"
        assert!((gamma_p(12.0, 11.0) - 0.420_733_237_078_287_75).abs() < 1e-10);
        assert!((gamma_p(12.0, 18.2) - 0.949_829_897_698_984_2).abs() < 1e-10);
        assert!((ln_gamma(5.0) - 24f64.ln()).abs() < 1e-12);
    }

    #[test]
    fn roots_of_ar_polynomials() {
        let r = ar_roots(&[0.5]);
        assert!((r[0].0 - 2.0).abs() < 1e-15);
        // (1 − 0.5z)(1 − 0.25z) = 1 − 0.75z + 0.125z²: roots 2 and 4.
        let mut r = ar_roots(&[0.75, -0.125]);
        r.sort_by(|a, b| a.0.total_cmp(&b.0));
        assert!((r[0].0 - 2.0).abs() < 1e-12 && (r[1].0 - 4.0).abs() < 1e-12);
        assert_eq!(unit_roots(&[(1.01, 0.0), (3.0, 0.0)], UB1).0, 1);
    }
}
