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
//! - [`mod@unit`]: [`Percent`], [`PercentagePoints`] and [`IndexPoints`], so a growth
//!   rate and a change in a rate are different types.
//! - [`transform`]: FRED's nine units ([`Units`]), rolling windows, year-to-date
//!   sums, rebasing, deflating, compound annual growth, and frequency conversion
//!   ([`Aggregation`]) that never builds a quarter from one month unless asked.
//! - [`indicator`]: what a series measures. [`Exports`], [`Imports`],
//!   [`TradeBalance`], [`Gdp`] and [`ConfidenceIndex`] only offer the transforms
//!   that make sense for them; [`Indicator`] checks the same rules at run time.
//! - [`detect`]: records, streaks, crossings, contractions, technical
//!   recessions, the Sahm rule, turning points and anomalies, as typed
//!   [`Event`](detect::Event)s; [`narrate`] turns them into sentences.
//! - [`seasonal`]: X-11 equal to the Census X-13ARIMA-SEATS program
//!   ([`seasonal::X11`]: every mode and filter option, tables B1–E3, M1–M11
//!   and Q), STL (statsmodels' parameters and results), classical
//!   decomposition, the HP filter in O(n) (two- and one-sided), Hamilton's
//!   filter, seasonal strength, and January–February combined periods for
//!   the Lunar New Year.
//! - [`x13`]: X-13ARIMA-SEATS without the binary: its regression
//!   variables (trading day, leap year, Easter, Labor Day, Thanksgiving,
//!   outliers, genhol holiday regressors with Chinese New Year dates) equal
//!   to the program's, and its spec files read into a typed run description.
//! - [`io`]: one streaming reader for every format (plain and FRED CSV, long
//!   CSV, SDMX-CSV and SDMX-JSON, FRED API JSON, the crate's JSON), detected
//!   from the input and configured by one [`io::ReadOptions`];
//!   [`AnySeries`] when the frequency is only known at run time.
//! - [`vintage`]: real-time data: a series as known on a date, first releases,
//!   latest values and revision statistics.
//!
//! # Example
//! ```
//! use econseries::{Month, Series, io::ReadOptions};
//!
//! let csv = "period,value\n2024-05,100.0\n2024-06,101.0\n2025-05,58.6\n";
//! let imports = Series::<Month>::read(csv.as_bytes(), &ReadOptions::new())?;
//! // 2024-07 .. 2025-04 are absent: they are missing, not skipped over.
//! let may = Month::new(2025, 5)?;
//! let yoy = imports.pc1();
//! assert_eq!(format!("{:.1}", yoy.get(may).ok_or("missing")?), "-41.4%");
//! assert_eq!(yoy.get(Month::new(2025, 4)?), None);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Crate features
//!
//! - `serde`: `Serialize`/`Deserialize` for periods, units and series (periods
//!   through their string form), and JSON reading and writing.
//! - `cli`: the `econ` command-line tool (implies `serde` and `plot`).
//! - `polars`: conversions between [`Series`] and polars `DataFrame`s. Heavy, so
//!   opt-in; no polars type appears outside the `polars` module.
//! - `panel`: `panel::Panel`, every transform and detector per series of a
//!   long table, in parallel, from polars frames, CSV and Parquet files
//!   (implies `polars`; heavier: polars' Parquet and CSV readers).
//! - `plot`: `plot::Chart`, a series with its findings (records, streaks,
//!   recessions, change points, neutral levels) marked, as SVG. plotters with
//!   only its SVG backend: no font files or C libraries. Implied by `cli`.
//! - `fetch`: `fetch::Client`, series fetched from FRED, ALFRED, SDMX web
//!   services (ECB, Eurostat, OECD, IMF, BIS) and DBnomics, with a cache,
//!   rate limits and retries; a blocking client (ureq, rustls), no async
//!   runtime. Implies `serde`; implied by `cli`.
// No panics through the public API (unwrap, expect, panic!, unchecked
// indexing) outside tests; the few exceptions carry their bounds argument
// beside an `allow`.
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]
#![deny(missing_docs)]
#![warn(missing_debug_implementations, unreachable_pub)]
#![forbid(unsafe_code)]
#![cfg_attr(docsrs, feature(doc_cfg))]

pub mod changepoint;
pub mod detect;
pub mod error;
pub mod indicator;
mod input;
pub mod io;
pub mod narrate;
pub mod period;
pub mod prelude;
pub mod seasonal;
pub mod series;
pub mod transform;
pub mod unit;
pub mod vintage;
pub mod x13;

#[cfg(feature = "polars")]
#[cfg_attr(docsrs, doc(cfg(feature = "polars")))]
pub mod polars;

#[cfg(feature = "panel")]
#[cfg_attr(docsrs, doc(cfg(feature = "panel")))]
pub mod panel;

#[cfg(feature = "plot")]
#[cfg_attr(docsrs, doc(cfg(feature = "plot")))]
pub mod plot;

#[cfg(feature = "fetch")]
#[cfg_attr(docsrs, doc(cfg(feature = "fetch")))]
pub mod fetch;

/// The README's code blocks, compiled and run as doc tests so they stay true.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

/// The date type of the API (vintages, real-time intervals, first days of
/// periods), re-exported so that callers need not depend on chrono.
pub use chrono::NaiveDate;
pub use error::{
    Attribute, ChangeUnit, Comparison, Error, Operation, ParseProblem, RegressorProblem, Result,
    SpecProblem, UndefinedReason,
};
pub use indicator::{
    ConfidenceIndex, Currency, Exports, Gdp, Imports, Indicator, MeasureKind, Metadata, Neutral,
    PriceBasis, Scale, SeasonalAdjustment, TradeBalance,
};
pub use period::{AnyPeriod, Frequency, Month, Period, Quarter, Within, Year};
pub use series::{AnySeries, Series};
pub use transform::{Aggregation, Units};
pub use unit::{IndexPoints, Percent, PercentagePoints, Value};
