//! Bayesian online change points (Adams & MacKay 2007), normal model.

use crate::detect::{Detector, Event, EventKind, Evidence, Fit};
use crate::error::{Error, Operation, Result, UndefinedReason};
use crate::period::Period;
use crate::series::Series;
use crate::unit::Value;

use super::cost::mean_var;
use super::penalty::{estimate_sigma, median};

/// A normal–gamma prior on a segment's mean μ and precision τ = 1/σ²:
/// `τ ~ Gamma(α, β)` (rate β), `μ | τ ~ N(μ₀, 1/(κ·τ))`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NormalGamma {
    mu: f64,
    kappa: f64,
    alpha: f64,
    beta: f64,
}

impl NormalGamma {
    /// The prior with location `mu`, strength `kappa` (in observations),
    /// shape `alpha` and rate `beta`.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] unless `mu` is finite and `kappa`, `alpha`, `beta` are finite and positive.
    pub fn new(mu: f64, kappa: f64, alpha: f64, beta: f64) -> Result<NormalGamma> {
        let positive = |v: f64| v.is_finite() && v > 0.0;
        if !(mu.is_finite() && positive(kappa) && positive(alpha) && positive(beta)) {
            return Err(Error::InvalidArgument {
                name: "prior",
                value: format!("mu={mu}, kappa={kappa}, alpha={alpha}, beta={beta}").into(),
                expected: "finite mu and positive finite kappa, alpha, beta",
            });
        }
        Ok(NormalGamma {
            mu,
            kappa,
            alpha,
            beta,
        })
    }

    /// A prior on the data's scale, from a stretch of history:
    ///
    /// ```text
    /// μ₀ = median(history),  σ̂ = estimate_sigma(history),  α = 1,  β = σ̂²,
    /// κ = σ̂² / var(history)   (at most 1)
    /// ```
    ///
    /// so the prior's typical noise is σ̂ (`E[τ] = α/β = 1/σ̂²`) and a new
    /// segment's mean may lie anywhere within the history's spread (prior
    /// standard deviation of μ about `σ̂/√κ = sd(history)`). Priors in fixed
    /// units make detection depend on the data's units; this one does not.
    ///
    /// # Errors
    /// As [`estimate_sigma`](super::estimate_sigma): at least 3 finite values whose differences vary.
    pub fn from_history(history: &[f64]) -> Result<NormalGamma> {
        let sigma = estimate_sigma(history)?;
        let s2 = sigma * sigma;
        let (_, var) = mean_var(history);
        let kappa = if var > s2 { s2 / var } else { 1.0 };
        let mut h = history.to_vec();
        NormalGamma::new(median(&mut h), kappa, 1.0, s2)
    }

    /// Whether every parameter is finite, and the scale ones positive.
    fn is_finite(&self) -> bool {
        self.mu.is_finite()
            && self.kappa.is_finite()
            && self.alpha.is_finite()
            && self.beta.is_finite()
            && self.kappa > 0.0
            && self.alpha > 0.0
            && self.beta > 0.0
    }

    /// The posterior after one more observation `x`.
    fn update(self, x: f64) -> NormalGamma {
        let k = self.kappa + 1.0;
        let d = x - self.mu;
        NormalGamma {
            mu: self.mu + d / k,
            kappa: k,
            alpha: self.alpha + 0.5,
            beta: self.beta + self.kappa * d * d / (2.0 * k),
        }
    }

    /// The log predictive density of `x`: Student t with `2α` degrees of
    /// freedom, location μ and squared scale `β(κ + 1)/(ακ)`.
    fn log_predictive(&self, x: f64) -> f64 {
        let nu = 2.0 * self.alpha;
        let scale2 = self.beta * (self.kappa + 1.0) / (self.alpha * self.kappa);
        let z = (x - self.mu) * (x - self.mu) / (nu * scale2);
        ln_gamma_half_step(self.alpha)
            - 0.5 * (nu * core::f64::consts::PI * scale2).ln()
            - (nu + 1.0) / 2.0 * z.ln_1p()
    }
}

/// `ln Γ(a + ½) − ln Γ(a)`. For large `a` the two terms are huge and nearly
/// equal (a difference of numbers near 1e27 for `a` = 5e25), so the
/// asymptotic series `½·ln a − 1/(8a) + 1/(192a³)` is used past 1e7, where
/// its error (of order `a⁻⁵`) is below 1e-30.
fn ln_gamma_half_step(a: f64) -> f64 {
    if a > 1e7 {
        0.5 * a.ln() - 1.0 / (8.0 * a) + 1.0 / (192.0 * a * a * a)
    } else {
        ln_gamma(a + 0.5) - ln_gamma(a)
    }
}

/// Lanczos approximation (g = 7, 9 terms) of `ln Γ(x)` for `x > 0`; relative error below 1e-13.
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
    if x < 0.5 {
        let pi = core::f64::consts::PI;
        return (pi / (pi * x).sin()).ln() - ln_gamma(1.0 - x);
    }
    let x = x - 1.0;
    let mut a = G[0];
    let t = x + 7.5;
    for (i, g) in G.iter().enumerate().skip(1) {
        a += g / (x + i as f64);
    }
    0.5 * (2.0 * core::f64::consts::PI).ln() + (x + 0.5) * t.ln() - t + a.ln()
}

/// One run-length hypothesis: the current segment holds the last `len` observations.
#[derive(Clone, Copy, Debug)]
struct Run {
    len: usize,
    log_p: f64,
    post: NormalGamma,
}

/// What [`Bocpd::update`] learnt from one observation.
#[derive(Clone, Copy, Debug, PartialEq)]
#[non_exhaustive]
pub struct BocpdStep {
    /// The index of the observation (0 for the first one).
    pub t: usize,
    /// The most probable length of the current segment, this observation included.
    pub run_length: usize,
    /// The first index of the current segment under the most probable run
    /// length: `t + 1 − run_length`. A change point when it is above 0.
    pub run_start: usize,
    /// The posterior probability that this observation is the first of a new
    /// segment, `P(run length = 1 | y₀..y_t)`.
    pub change_probability: f64,
    /// The posterior probability of the most probable run length.
    pub run_probability: f64,
}

/// Bayesian online change-point detection (Adams & MacKay 2007) for a normal
/// series with changes in mean and variance, one observation at a time.
///
/// With a constant hazard `H = 1/λ` (segments last λ observations on average)
/// and the run length `r` counting the observations of the current segment,
/// the new observation `x` included:
///
/// ```text
/// P(r = 1,     y₀..y_t) = H · p₀(x) · Σ_r P(r, y₀..y_{t−1})
/// P(r = r + 1, y₀..y_t) = (1 − H) · p_r(x) · P(r, y₀..y_{t−1})
/// ```
///
/// where `p_r` is the Student-t predictive of the normal–gamma posterior
/// after the run's `r` observations and `p₀` the prior predictive. A new
/// segment's first observation is scored under the prior, so `P(r = 1)`
/// measures how surprising it is (the paper's original indexing, where the new
/// run starts after `x`, makes `P(r = 0)` equal to `H` at every step).
/// Probabilities are kept in logs; run lengths whose probability falls below
/// `e⁻³⁰` of the most probable one are dropped, so a step costs O(number of
/// plausible run lengths).
///
/// # Example
/// ```
/// use econseries::changepoint::{Bocpd, NormalGamma};
///
/// let history = [0.1, -0.2, 0.05, 0.3, -0.1, 0.0, 0.2, -0.3, 0.1, -0.05];
/// let mut det = Bocpd::new(100.0, NormalGamma::from_history(&history)?)?;
/// let mut last = None;
/// for &x in history.iter().chain(&[3.0, 3.2, 2.9, 3.1, 3.05, 2.95]) {
///     last = Some(det.update(x)?);
/// }
/// assert_eq!(last.map(|s| s.run_start), Some(10));
/// # Ok::<(), econseries::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct Bocpd {
    log_h: f64,
    log_1mh: f64,
    prior: NormalGamma,
    /// Run-length hypotheses, longest first.
    runs: Vec<Run>,
    t: usize,
}

impl Bocpd {
    /// A detector expecting segments of `lambda` observations on average.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] unless `lambda` is finite and above 1.
    pub fn new(lambda: f64, prior: NormalGamma) -> Result<Bocpd> {
        if !(lambda.is_finite() && lambda > 1.0) {
            return Err(Error::InvalidArgument {
                name: "lambda",
                value: lambda.to_string().into(),
                expected: "an expected segment length above 1",
            });
        }
        let h = 1.0 / lambda;
        Ok(Bocpd {
            log_h: h.ln(),
            log_1mh: (-h).ln_1p(),
            prior,
            runs: Vec::new(),
            t: 0,
        })
    }

    /// Takes one observation.
    ///
    /// # Errors
    /// [`Error::NonFinite`] for a NaN or infinite `x`; [`Error::Overflow`] if
    /// `x` is so far from the prior and every run's posterior, on their
    /// scales, that a predictive density or a posterior parameter does not fit
    /// in an `f64` (such as `x = 1e300` after a prior with β = 1). The state
    /// is unchanged after an error.
    pub fn update(&mut self, x: f64) -> Result<BocpdStep> {
        if !x.is_finite() {
            return Err(Error::NonFinite {
                value: x,
                period: None,
            });
        }
        let overflow = Error::Overflow {
            operation: Operation::OnlineChanges,
        };
        let new_run = if self.runs.is_empty() {
            0.0
        } else {
            let total = log_sum_exp(self.runs.iter().map(|r| r.log_p));
            self.log_h + total + self.prior.log_predictive(x)
        };
        // The next state is built aside so that an overflow leaves this one as it was.
        let mut runs = Vec::with_capacity(self.runs.len() + 1);
        for r in &self.runs {
            runs.push(Run {
                len: r.len + 1,
                log_p: r.log_p + self.log_1mh + r.post.log_predictive(x),
                post: r.post.update(x),
            });
        }
        runs.push(Run {
            len: 1,
            log_p: new_run,
            post: self.prior.update(x),
        });
        if runs
            .iter()
            .any(|r| r.log_p.is_nan() || r.log_p == f64::INFINITY || !r.post.is_finite())
        {
            return Err(overflow);
        }
        let top = runs
            .iter()
            .map(|r| r.log_p)
            .fold(f64::NEG_INFINITY, f64::max);
        if !top.is_finite() {
            // Every hypothesis gives `x` a density of 0 in f64.
            return Err(overflow);
        }
        // Relative to the most probable run first, then normalised: where the
        // log-probabilities are large (absurd priors), `top + ln Σ` would lose
        // the `ln Σ` to rounding and the posterior would not sum to 1.
        for r in &mut runs {
            r.log_p -= top;
        }
        let ln_total = runs.iter().map(|r| r.log_p.exp()).sum::<f64>().ln();
        runs.retain(|r| r.log_p >= -30.0 || r.len == 1);
        let mut map = (1usize, f64::NEG_INFINITY);
        // (length, log-probability) of the most probable run.
        for r in &mut runs {
            r.log_p -= ln_total;
            if r.log_p > map.1 {
                map = (r.len, r.log_p);
            }
        }
        let change_probability = runs.last().map_or(0.0, |r| r.log_p.exp().clamp(0.0, 1.0));
        self.runs = runs;
        let t = self.t;
        self.t += 1;
        Ok(BocpdStep {
            t,
            run_length: map.0,
            run_start: t + 1 - map.0,
            change_probability,
            run_probability: map.1.exp().clamp(0.0, 1.0),
        })
    }

    /// The posterior over the current run length: (length, probability), longest first.
    pub fn run_lengths(&self) -> impl Iterator<Item = (usize, f64)> + '_ {
        self.runs.iter().map(|r| (r.len, r.log_p.exp()))
    }

    /// The number of observations taken.
    pub fn observations(&self) -> usize {
        self.t
    }
}

/// Bayesian online change points ([`Bocpd`]) run over a whole series, as a
/// [`Detector`].
///
/// The detector takes the observations in order and reports a change each
/// time its most probable run (the current segment) starts later than the
/// one before: a [`Shift`](EventKind::Shift) at the first period of the new
/// segment, with the means before and after (the part of the new segment
/// seen when it was detected), compared with the first period of the
/// previous segment, and [`Evidence::Online`] with the run's posterior
/// probability and how many periods after the change it was detected. A
/// later observation never withdraws a change: this is what the detector
/// would have said in real time.
///
/// The prior is [`NormalGamma::from_history`] of the whole series unless
/// one is given. Leading and trailing missing values are trimmed; a missing
/// value inside the series is an [`Error::Undefined`] (a [`MissingValue`](crate::UndefinedReason::MissingValue)).
///
/// # Example
/// ```
/// use econseries::{Month, Series};
/// use econseries::changepoint::OnlineChanges;
/// use econseries::detect::{Detector, EventKind, Evidence};
///
/// let jan = Month::new(2020, 1)?;
/// let y: Vec<f64> = (0..40).map(|i| if i < 24 { 0.0 } else { 3.0 } + [0.2, -0.1, 0.15, -0.25][i % 4]).collect();
/// let found = OnlineChanges::new(100.0)?.detect(&Series::from_values(jan, y)?)?;
/// assert_eq!(found.len(), 1);
/// assert_eq!(found[0].period, jan + 24);
/// assert!(matches!(found[0].kind, EventKind::Shift { evidence: Evidence::Online { .. }, .. }));
/// # Ok::<(), econseries::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct OnlineChanges {
    lambda: f64,
    prior: Option<NormalGamma>,
}

impl OnlineChanges {
    /// Expecting segments of `lambda` observations on average, with the
    /// prior taken from the series.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] unless `lambda` is finite and above 1.
    pub fn new(lambda: f64) -> Result<OnlineChanges> {
        Bocpd::new(lambda, NormalGamma::new(0.0, 1.0, 1.0, 1.0)?)?;
        Ok(OnlineChanges {
            lambda,
            prior: None,
        })
    }

    /// A prior of your own instead of the series' own scale.
    pub fn prior(self, prior: NormalGamma) -> OnlineChanges {
        OnlineChanges {
            prior: Some(prior),
            ..self
        }
    }
}

impl<P: Period, U: Value> Detector<P, U> for OnlineChanges {
    fn detect(&self, series: &Series<P, U>) -> Result<Vec<Event<P>>> {
        let series = series.trim();
        if let Some(p) = series.missing().next() {
            return Err(Error::Undefined {
                operation: Operation::OnlineChanges,
                period: p.into(),
                reason: UndefinedReason::MissingValue,
            });
        }
        let y: Vec<f64> = series
            .values()
            .map(|v| v.map_or(f64::NAN, Value::get))
            .collect();
        if y.is_empty() {
            return Ok(Vec::new());
        }
        let prior = match self.prior {
            Some(p) => p,
            None => NormalGamma::from_history(&y)?,
        };
        let mut bocpd = Bocpd::new(self.lambda, prior)?;
        let mut start = 0usize;
        let mut out = Vec::new();
        for &x in &y {
            let step = bocpd.update(x)?;
            if step.run_start > start {
                let (before, after) = (
                    y.get(start..step.run_start).unwrap_or_default(),
                    y.get(step.run_start..=step.t).unwrap_or_default(),
                );
                let period = series.start().checked_add(step.run_start as i64)?;
                out.push(Event::new(
                    period,
                    y.get(step.run_start).copied().unwrap_or(f64::NAN),
                    EventKind::Shift {
                        before: Fit::new(super::cost::mean(before), None, None),
                        after: Fit::new(super::cost::mean(after), None, None),
                        evidence: Evidence::Online {
                            probability: step.run_probability,
                            delay: step.t - step.run_start,
                        },
                    },
                    Some(series.start().checked_add(start as i64)?),
                ));
                start = step.run_start;
            }
        }
        Ok(out)
    }
}

fn log_sum_exp(values: impl Iterator<Item = f64> + Clone) -> f64 {
    let top = values.clone().fold(f64::NEG_INFINITY, f64::max);
    if !top.is_finite() {
        return top;
    }
    top + values.map(|v| (v - top).exp()).sum::<f64>().ln()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ln_gamma_matches_known_values() {
        assert!(ln_gamma(1.0).abs() < 1e-13);
        assert!((ln_gamma(0.5) - core::f64::consts::PI.sqrt().ln()).abs() < 1e-13);
        assert!((ln_gamma(10.0) - 362_880f64.ln()).abs() < 1e-12);
    }

    /// The asymptotic series agrees with the direct difference where both are accurate.
    #[test]
    fn half_step_of_ln_gamma() {
        for a in [0.5, 1.0, 3.5, 100.0, 1e4, 1e6] {
            let direct = ln_gamma(a + 0.5) - ln_gamma(a);
            let series = 0.5 * f64::ln(a) - 1.0 / (8.0 * a) + 1.0 / (192.0 * a * a * a);
            assert!((ln_gamma_half_step(a) - direct).abs() < 1e-9, "{a}");
            if a >= 100.0 {
                assert!((series - direct).abs() < 1e-9, "{a}");
            }
        }
        assert!((ln_gamma_half_step(1e8) - 0.5 * 1e8f64.ln()).abs() < 1e-8);
    }

    #[test]
    fn run_length_posterior_sums_to_one() -> Result<()> {
        let mut det = Bocpd::new(50.0, NormalGamma::new(0.0, 0.1, 1.0, 1.0)?)?;
        for i in 0..200 {
            det.update(f64::from(i % 7) - 3.0 + if i > 120 { 10.0 } else { 0.0 })?;
            let total: f64 = det.run_lengths().map(|(_, p)| p).sum();
            assert!((total - 1.0).abs() < 1e-9);
        }
        assert!(det.update(f64::NAN).is_err());
        Ok(())
    }
}
