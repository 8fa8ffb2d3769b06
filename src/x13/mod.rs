//! X-13ARIMA-SEATS without the binary: regression variables and the
//! program's spec files.

pub mod regressors;
pub mod spec;
