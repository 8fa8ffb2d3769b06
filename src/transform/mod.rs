//! Growth transforms with calendar lags: FRED's nine units, rolling windows,
//! year-to-date sums, rebasing, deflating, compound annual growth and frequency
//! conversion.
//!
//! Every transform is a method on [`Series`](crate::Series) and a pure function
//! of it. Undefined results (a missing lag, a zero or negative base for a ratio,
//! a non-positive value under a logarithm) are missing values, never `inf` or
//! NaN; the `*_strict` variants return [`Error::Undefined`](crate::Error::Undefined)
//! naming the first period where that happens.

mod aggregate;
mod rebase;
mod units;
mod window;

pub use aggregate::Aggregation;
pub use units::Units;
