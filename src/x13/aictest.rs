//! AICC tests of calendar effects, as the program's `regression{aictest=…}`
//! runs them: keep trading day or Easter only if the model with it has a
//! lower AICC than the model without, by the margin `aicdiff`.

use crate::error::{Error, Result};
use crate::x13::regressors::{Effect, Regressors, Variable};
use crate::x13::spec::AicTest;

/// Which calendar effects to test by AICC, and the margin a model with an
/// effect must beat.
///
/// The program's procedure (checked against build 62 on 67 real series,
/// `tests/fixtures/regarima/make_aictest.py`):
/// - trading day first, then Easter, each on the model as chosen so far;
/// - if `variables` already hold the effect (`td`, `easter[8]`, …) the test
///   is with or without that variable; otherwise the candidates are
///   `td1coef` then `td` for trading day, and `easter[1]`, `easter[8]`,
///   `easter[15]` for Easter;
/// - the candidates are taken in that order, a later one replacing the
///   best so far only if its AICC is lower by more than `aicdiff`; the best
///   is kept only if its AICC is lower than the model without the effect
///   by more than `aicdiff` (default 0).
///
/// The model is fitted by the caller's function (one fit per candidate), so
/// the same test serves a fixed model, an automatic one, or any transform.
///
/// # Example
/// ```
/// use econseries::x13::AicTests;
/// use econseries::x13::regressors::{Regressors, Variable};
///
/// // A stand-in for the AICC of a fitted model: Easter[8] helps, trading
/// // day does not.
/// let aicc = |r: &Regressors| -> econseries::Result<f64> {
///     let mut a = 100.0;
///     if r.contains(&Variable::Easter(8)) { a -= 5.0 }
///     if r.contains(&Variable::Easter(1)) { a -= 2.0 }
///     if r.contains(&Variable::TradingDay) { a += 3.0 }
///     Ok(a)
/// };
/// let choice = AicTests::new().trading_day(true).easter(true).run(&Regressors::default(), aicc)?;
/// assert_eq!(choice.regressors().variables(), [Variable::Easter(8)]);
/// assert_eq!(choice.comparisons().len(), 2);
/// # Ok::<(), econseries::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct AicTests {
    trading_day: bool,
    easter: bool,
    aicdiff: f64,
}

/// One effect's test: each model's AICC and the choice.
#[derive(Clone, Debug, PartialEq)]
pub struct AicComparison {
    effect: Effect,
    without: f64,
    candidates: Vec<(Variable, f64)>,
    chosen: Option<Variable>,
}

impl AicComparison {
    /// The effect tested.
    pub fn effect(&self) -> Effect {
        self.effect
    }

    /// The AICC of the model without the effect.
    pub fn aicc_without(&self) -> f64 {
        self.without
    }

    /// Each candidate with the AICC of the model holding it, in the order
    /// tried.
    pub fn candidates(&self) -> &[(Variable, f64)] {
        &self.candidates
    }

    /// The variable kept, or `None` if the model without the effect won.
    pub fn chosen(&self) -> Option<&Variable> {
        self.chosen.as_ref()
    }
}

/// The result of [`AicTests::run`]: the regressors kept and each test.
#[derive(Clone, Debug, PartialEq)]
pub struct AicChoice {
    regressors: Regressors,
    comparisons: Vec<AicComparison>,
}

impl AicChoice {
    /// The model's regressors after the tests.
    pub fn regressors(&self) -> &Regressors {
        &self.regressors
    }

    /// The tests run, trading day first.
    pub fn comparisons(&self) -> &[AicComparison] {
        &self.comparisons
    }
}

impl AicTests {
    /// No test, margin 0.
    pub fn new() -> AicTests {
        AicTests::default()
    }

    /// Whether to test trading day (`aictest=(td)`).
    pub fn trading_day(mut self, yes: bool) -> AicTests {
        self.trading_day = yes;
        self
    }

    /// Whether to test Easter (`aictest=(easter)`).
    pub fn easter(mut self, yes: bool) -> AicTests {
        self.easter = yes;
        self
    }

    /// The margin (`aicdiff`, default 0).
    pub fn aicdiff(mut self, aicdiff: f64) -> AicTests {
        self.aicdiff = aicdiff;
        self
    }

    /// The tests a spec's `aictest=` and `aicdiff=` ask for.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] for a test other than `td` and `easter`
    /// (the others are not checked against the program yet) or a margin
    /// that is not finite.
    pub fn from_spec(tests: &[AicTest], aicdiff: f64) -> Result<AicTests> {
        let mut out = AicTests::new().aicdiff(aicdiff);
        if !aicdiff.is_finite() {
            return Err(Error::InvalidArgument {
                name: "aicdiff",
                value: aicdiff.to_string().into(),
                expected: "a finite number",
            });
        }
        for t in tests {
            match t {
                AicTest::TradingDay => out.trading_day = true,
                AicTest::Easter => out.easter = true,
                other => {
                    return Err(Error::InvalidArgument {
                        name: "aictest",
                        value: format!("{other:?}").into(),
                        expected: "td or easter (the tests checked against the program)",
                    });
                }
            }
        }
        Ok(out)
    }

    /// Runs the tests from `regressors`, fitting each model compared with
    /// `aicc` (which returns the fitted model's AICC).
    ///
    /// # Errors
    /// The first error of `aicc`, or [`Error::NonFinite`] if it returns a
    /// value that is not finite.
    pub fn run<F>(&self, regressors: &Regressors, mut aicc: F) -> Result<AicChoice>
    where
        F: FnMut(&Regressors) -> Result<f64>,
    {
        let mut fit = |r: &Regressors| -> Result<f64> {
            let a = aicc(r)?;
            if a.is_finite() {
                Ok(a)
            } else {
                Err(Error::NonFinite {
                    value: a,
                    period: None,
                })
            }
        };
        let mut current = regressors.clone();
        let mut comparisons = Vec::new();
        let tests = [
            (self.trading_day, Effect::TradingDay),
            (self.easter, Effect::Easter),
        ];
        for (effect, default_candidates) in tests
            .into_iter()
            .filter(|(on, _)| *on)
            .map(|(_, effect)| (effect, defaults(effect)))
        {
            // The variables of this effect already in the model: then the
            // test is with or without them (leap year and length of period
            // go with trading day).
            let present: Vec<Variable> = current
                .variables()
                .iter()
                .filter(|v| v.effect() == effect)
                .cloned()
                .collect();
            let base = current.without_effect(effect);
            let candidates: Vec<Vec<Variable>> = if present.is_empty() {
                default_candidates.into_iter().map(|v| vec![v]).collect()
            } else {
                vec![present]
            };
            let without = fit(&base)?;
            let mut tried = Vec::with_capacity(candidates.len());
            let mut best: Option<(usize, f64)> = None;
            for (k, vars) in candidates.iter().enumerate() {
                let model = vars.iter().fold(base.clone(), |r, v| r.with(v.clone()));
                let a = fit(&model)?;
                if let Some(v) = vars.first() {
                    tried.push((v.clone(), a));
                }
                if best.is_none_or(|(_, b)| a + self.aicdiff < b) {
                    best = Some((k, a));
                }
            }
            let kept = best
                .filter(|(_, a)| a + self.aicdiff < without)
                .and_then(|(k, _)| candidates.get(k));
            current = match kept {
                Some(vars) => vars.iter().fold(base, |r, v| r.with(v.clone())),
                None => base,
            };
            comparisons.push(AicComparison {
                effect,
                without,
                candidates: tried,
                chosen: kept.and_then(|v| v.first().cloned()),
            });
        }
        Ok(AicChoice {
            regressors: current,
            comparisons,
        })
    }
}

/// The program's candidates when the model does not hold the effect yet,
/// in the order it tries them.
fn defaults(effect: Effect) -> Vec<Variable> {
    match effect {
        Effect::TradingDay => vec![Variable::TradingDay1Coef, Variable::TradingDay],
        Effect::Easter => vec![
            Variable::Easter(1),
            Variable::Easter(8),
            Variable::Easter(15),
        ],
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_later_candidate_must_beat_the_best_by_the_margin() -> Result<()> {
        // easter[15] is lower than easter[8] by less than the margin: 8 stays.
        let aicc = |r: &Regressors| -> Result<f64> {
            Ok(if r.contains(&Variable::Easter(1)) {
                908.8
            } else if r.contains(&Variable::Easter(8)) {
                902.8
            } else if r.contains(&Variable::Easter(15)) {
                901.7
            } else {
                914.5
            })
        };
        let with_margin = AicTests::new().easter(true).aicdiff(2.0);
        let c = with_margin.run(&Regressors::default(), aicc)?;
        assert_eq!(c.regressors().variables(), [Variable::Easter(8)]);
        let c = AicTests::new()
            .easter(true)
            .run(&Regressors::default(), aicc)?;
        assert_eq!(c.regressors().variables(), [Variable::Easter(15)]);
        Ok(())
    }

    #[test]
    fn a_variable_in_the_model_is_tested_alone() -> Result<()> {
        let start = Regressors::new([Variable::TradingDay, Variable::Easter(8)]);
        let mut seen = Vec::new();
        let c = AicTests::new()
            .trading_day(true)
            .easter(true)
            .run(&start, |r| {
                seen.push(r.clone());
                Ok(if r.contains(&Variable::TradingDay) {
                    1.0
                } else {
                    2.0
                })
            })?;
        // Trading day: without, with td; Easter: without, with easter[8].
        assert_eq!(seen.len(), 4);
        assert_eq!(c.comparisons()[1].candidates().len(), 1);
        // Ties keep the model without the effect.
        assert_eq!(c.regressors().variables(), [Variable::TradingDay]);
        Ok(())
    }

    #[test]
    fn an_infinite_aicc_is_an_error() {
        let r = AicTests::new()
            .trading_day(true)
            .run(&Regressors::default(), |_| Ok(f64::INFINITY));
        assert!(matches!(r, Err(Error::NonFinite { .. })));
    }

    #[test]
    fn unsupported_tests_are_refused() {
        assert!(AicTests::from_spec(&[AicTest::Labor], 0.0).is_err());
        assert!(AicTests::from_spec(&[AicTest::TradingDay], f64::NAN).is_err());
        assert!(AicTests::from_spec(&[AicTest::TradingDay, AicTest::Easter], 0.0).is_ok());
    }
}
