//! Typed, calendar-correct economic-indicator time series.
//!
//! econseries computes the numbers behind sentences such as *"US imports from
//! China fell 41.4% year on year in May 2025"* or *"GDP contracted at an annual
//! rate of 0.3% in the first quarter"* without the silent errors of row-based
//! tools: a lag is always by calendar, a missing month stays missing in every
//! figure that touches it, and a quarter is never averaged from one month
//! unless you ask.
//!
//! # Overview
//!
//! - [`period`]: [`Month`], [`Quarter`], [`Year`] as values, behind the
//!   [`Period`] trait, with `Display`/`FromStr` (`2025-05`, `2025-Q1`, `2025`,
//!   and FRED's first-of-period dates).
//! - [`Series`]: a regular series indexed by periods, missing values explicit.
//! - [`unit`]: [`Percent`], [`PercentagePoints`] and [`IndexPoints`], so a growth
//!   rate and a change in a rate are different types.
//!
//! # Example
//! ```
//! use econseries::{Month, Series};
//!
//! let s = Series::from_values(Month::new(2024, 1)?, (0..13).map(|i| 100.0 + i as f64))?;
//! assert_eq!(s.get(Month::new(2025, 1)?), Some(112.0));
//! # Ok::<(), econseries::Error>(())
//! ```
//!
//! # Crate features
//!
//! - `serde`: `Serialize`/`Deserialize` for periods, units and series (periods
//!   through their string form), and JSON reading and writing.
//! - `cli`: the `econ` command-line tool.
//! - `polars`: conversions between [`Series`] and polars `DataFrame`s. Heavy, so
//!   opt-in; no polars type appears outside the `polars` module.
#![deny(missing_docs)]
#![warn(missing_debug_implementations, unreachable_pub)]
#![forbid(unsafe_code)]
#![cfg_attr(docsrs, feature(doc_cfg))]

pub mod error;
pub mod indicator;
pub mod io;
pub mod period;
pub mod series;
pub mod transform;
pub mod unit;

pub use error::{Error, ParseProblem, Result, UndefinedReason};
pub use period::{Frequency, Month, Period, Quarter, Within, Year};
pub use series::Series;
pub use transform::{Aggregation, Units};
pub use unit::{IndexPoints, Percent, PercentagePoints, Value};
