//! Typed indicators: what a series measures decides which transforms exist.
//!
//! A [`Series`] holds numbers; an indicator adds what they mean: a
//! [`Metadata`] (name, area and partner, currency and [`Scale`],
//! [`PriceBasis`], [`SeasonalAdjustment`], annual rate, source, vintage) and a
//! measure kind ([`MeasureKind`]: flow, stock, balance, rate or index).
//!
//! The named indicators enforce the rules at compile time, by offering only
//! the methods that make sense:
//!
//! | type | kind | percent changes | changes in |
//! |---|---|---|---|
//! | [`Exports`], [`Imports`] | flow | `pch`, `yoy` → [`Percent`](crate::Percent) | currency units |
//! | [`TradeBalance`] | balance | none | currency units |
//! | [`Gdp`] | flow | `pch`, `yoy`, `annualized_growth` → [`Percent`](crate::Percent) | currency units |
//! | [`ConfidenceIndex`] | index | none | [`IndexPoints`](crate::IndexPoints) |
//!
//! [`Indicator`] is the generic indicator for everything else (the
//! unemployment rate, a budget balance, a PMI): its kind is a run-time value
//! and its methods refuse with [`Error::NotAllowed`](crate::Error::NotAllowed)
//! what the kind forbids.
//!
//! The frequency is the type parameter `P`, so combining a monthly and a
//! quarterly series does not compile; attributes that are run-time values
//! (currency, scale, partner, ...) are checked when two indicators are
//! combined and a mismatch is an [`Error::Incompatible`](crate::Error::Incompatible)
//! naming the attribute.
//!
//! # Example
//! ```
//! use econseries::{Month, Series};
//! use econseries::indicator::{Currency, Exports, Imports, Metadata, Scale, TradeBalance};
//!
//! let meta = |name: &str| {
//!     Metadata::new(name, "US").with_partner("CN").with_currency(Currency::USD).with_scale(Scale::Millions)
//! };
//! let start = Month::new(2025, 4)?;
//! let exports = Exports::new(Series::from_values(start, [8_000.0, 6_553.3])?, meta("exports"))?;
//! let imports = Imports::new(Series::from_values(start, [25_000.0, 20_493.9])?, meta("imports"))?;
//! let balance = TradeBalance::new(&exports, &imports)?;
//! assert_eq!(balance.series().get(start), Some(-17_000.0));
//! # Ok::<(), econseries::Error>(())
//! ```
//!
//! The types keep apart what must not be mixed. Imports cannot be passed as
//! exports:
//! ```compile_fail,E0308
//! # use econseries::{Month, Series};
//! # use econseries::indicator::{Currency, Exports, Imports, Metadata, TradeBalance};
//! # let meta = Metadata::new("x", "US").with_currency(Currency::USD);
//! # let s = Series::from_values(Month::new(2025, 1)?, [1.0])?;
//! let exports = Exports::new(s.clone(), meta.clone())?;
//! let imports = Imports::new(s, meta)?;
//! let balance = TradeBalance::new(&imports, &exports)?; // arguments swapped
//! # Ok::<(), econseries::Error>(())
//! ```
//! Monthly exports cannot be combined with quarterly imports:
//! ```compile_fail,E0308
//! # use econseries::{Month, Quarter, Series};
//! # use econseries::indicator::{Currency, Exports, Imports, Metadata, TradeBalance};
//! # let meta = Metadata::new("x", "US").with_currency(Currency::USD);
//! let exports = Exports::new(Series::from_values(Month::new(2025, 1)?, [1.0])?, meta.clone())?;
//! let imports = Imports::new(Series::from_values(Quarter::new(2025, 1)?, [1.0])?, meta)?;
//! let balance = TradeBalance::new(&exports, &imports)?;
//! # Ok::<(), econseries::Error>(())
//! ```
//! A year-on-year change in percent is not a change in percentage points:
//! ```compile_fail,E0308
//! use econseries::{Month, Percent, PercentagePoints, Series};
//!
//! fn report_rate_change(change: &Series<Month, PercentagePoints>) { let _ = change; }
//!
//! let growth: Series<Month, Percent> = Series::from_values(Month::new(2025, 1)?, [Percent::new(2.0)?])?;
//! report_rate_change(&growth);
//! # Ok::<(), econseries::Error>(())
//! ```

mod balance;
mod confidence;
mod gdp;
mod generic;
mod kind;
mod metadata;
mod trade;

pub use balance::TradeBalance;
pub use confidence::{ConfidenceIndex, Neutral};
pub use gdp::Gdp;
pub use generic::Indicator;
pub use kind::MeasureKind;
pub use metadata::{Currency, Metadata, PriceBasis, Scale, SeasonalAdjustment};
pub use trade::{Exports, Imports};

use crate::period::{Period, Within};
use crate::series::Series;
use crate::transform::Aggregation;

/// `f(a, b)` on the periods the two series have in common; missing where
/// either value is missing or `f` gives a non-finite result.
fn combine<P: Period>(a: &Series<P>, b: &Series<P>, f: impl Fn(f64, f64) -> f64) -> Series<P> {
    let (a, b) = a.align(b);
    let values = a
        .raw()
        .iter()
        .zip(b.raw())
        .map(|(&x, &y)| f(x, y))
        .collect();
    Series::from_raw(a.start(), values)
}

/// The values of `series`, an amount at scale `from`, expressed at scale `to`.
fn rescale<P: Period>(series: &Series<P>, from: Scale, to: Scale) -> Series<P> {
    series.map_raw(|x| from.convert(x, to))
}

/// A flow to the coarser period `C`: the mean if the values are at an annual
/// rate (the calendar-year value of SAAR quarters is their average), the sum
/// otherwise. Every sub-period must be present.
fn aggregate_flow<P, C>(series: &Series<P>, meta: &Metadata) -> Series<C>
where
    P: Within<C>,
    C: Period,
{
    let method = if meta.is_annual_rate() {
        Aggregation::Mean
    } else {
        Aggregation::Sum
    };
    series.aggregate(method)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Month;

    #[test]
    fn combine_on_common_periods() {
        let a: Series<Month> =
            Series::from_options(Month::new(2025, 1).unwrap(), [Some(1.0), Some(2.0), None])
                .unwrap();
        let b: Series<Month> = Series::from_options(
            Month::new(2025, 2).unwrap(),
            [Some(10.0), Some(20.0), Some(30.0)],
        )
        .unwrap();
        let d = combine(&a, &b, |x, y| x - y);
        assert_eq!(d.start(), Month::new(2025, 2).unwrap());
        assert_eq!(d.values().collect::<Vec<_>>(), [Some(-8.0), None]);
        let r = combine(&a, &b, |x, y| x / (y - 10.0));
        assert_eq!(r.values().collect::<Vec<_>>(), [None, None]);
    }

    #[test]
    fn rescale_values() {
        let a: Series<Month> = Series::from_values(Month::new(2025, 1).unwrap(), [28.8]).unwrap();
        let m = rescale(&a, Scale::Billions, Scale::Millions);
        assert_eq!(m.get(Month::new(2025, 1).unwrap()), Some(28_800.0));
    }
}
