//! Growth transforms with calendar lags: FRED's nine units, rolling windows,
//! year-to-date sums, rebasing, deflating, compound annual growth and frequency
//! conversion.
//!
//! Every transform is a method on [`Series`](crate::Series) and a pure function
//! of it. Undefined results (a missing lag, a zero or negative base for a ratio,
//! a non-positive value under a logarithm) are missing values, never `inf` or
//! NaN; the `*_strict` variants return [`Error::Undefined`](crate::Error::Undefined)
//! naming the first period where that happens.
//!
//! | what | methods |
//! |---|---|
//! | FRED units ([`Units`]) | [`units`](crate::Series::units), [`units_strict`](crate::Series::units_strict), [`chg`](crate::Series::chg), [`ch1`](crate::Series::ch1), [`pch`](crate::Series::pch), [`pc1`](crate::Series::pc1), [`pca`](crate::Series::pca), [`cch`](crate::Series::cch), [`cca`](crate::Series::cca), [`ln`](crate::Series::ln) |
//! | rolling windows | [`rolling_mean`](crate::Series::rolling_mean), [`rolling_sum`](crate::Series::rolling_sum) and their `_strict` forms |
//! | year to date | [`ytd_sum`](crate::Series::ytd_sum), [`ytd_sum_strict`](crate::Series::ytd_sum_strict), [`ytd_yoy`](crate::Series::ytd_yoy), [`from_ytd`](crate::Series::from_ytd) |
//! | index maths | [`rebase_to_period`](crate::Series::rebase_to_period), [`rebase_to_year`](crate::Series::rebase_to_year), [`deflate`](crate::Series::deflate), [`cagr`](crate::Series::cagr) |
//! | frequency conversion ([`Aggregation`]) | [`aggregate`](crate::Series::aggregate), [`aggregate_with`](crate::Series::aggregate_with), [`aggregate_count`](crate::Series::aggregate_count) |
//!
//! Results agree with an independent pandas implementation (the fixtures in
//! `tests/fixtures/`) to within 1e-13 relative, and with BEA's published
//! growth rates to their one published decimal.
//!
//! # Example
//! ```
//! use econseries::{Aggregation, Month, Quarter, Series};
//!
//! // A missing month never becomes a wrong figure.
//! let jan = Month::new(2025, 1)?;
//! let level = |i| if i < 12 { 100.0 } else { 125.0 };
//! let x = Series::from_options(jan, (0..15).map(|i| (i != 13).then_some(level(i))))?;
//! let yoy = x.pc1();
//! assert_eq!(yoy.get(jan + 12).map(|p| p.get()), Some(25.0));
//! assert_eq!(yoy.get(jan + 13), None); // 2026-02 is missing
//! let q = x.aggregate::<Quarter>(Aggregation::Mean);
//! assert_eq!(q.get("2026-Q1".parse()?), None); // a quarter needs its three months
//! # Ok::<(), econseries::Error>(())
//! ```

mod aggregate;
mod any;
mod kernel;
pub(crate) use kernel::safe_scale;
mod rebase;
mod units;
mod window;

pub use aggregate::Aggregation;
pub use units::Units;
