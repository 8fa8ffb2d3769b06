//! X-13ARIMA-SEATS without the binary: the regARIMA model (seasonal ARIMA
//! with regression effects, exact maximum likelihood, forecasts and
//! backcasts), transformations, outliers, regression variables and the
//! program's spec files, as the Census Bureau's program does them.
//!
//! The reference is the program itself (build 62): the integration tests
//! compare estimates, likelihoods, forecasts and choices with its saved
//! tables on the real series of `tests/fixtures/x11/series/`
//! (`tests/fixtures/regarima/make_fixtures.py` made them).

mod aictest;
mod arima;
mod estimate;
mod outlier;
mod regarima;
pub mod regressors;
pub mod spec;
mod transform;

pub use aictest::{AicChoice, AicComparison, AicTests};
pub use arima::{ArimaOrder, ArmaCoefficients};
pub use outlier::{Outlier, OutlierKind, OutlierSearch};
pub use regarima::{Coefficient, Forecast, Likelihood, RegArima, RegArimaFit};
pub use transform::Transform;
