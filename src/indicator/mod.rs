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
//! assert_eq!(balance.get(start), Some(-17_000.0));
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
//! A balance has no percent change, and gives its levels back only through
//! the named escape hatch:
//! ```compile_fail,E0599
//! # use econseries::{Month, Series};
//! # use econseries::indicator::{Currency, Metadata, TradeBalance};
//! let meta = Metadata::new("US trade balance", "US").with_currency(Currency::USD);
//! let balance = TradeBalance::from_series(Series::from_values(Month::new(2025, 1)?, [-1.0, 2.0])?, meta)?;
//! let nonsense = balance.yoy();
//! # Ok::<(), econseries::Error>(())
//! ```
//! ```compile_fail,E0599
//! # use econseries::{Month, Series};
//! # use econseries::indicator::{Currency, Metadata, TradeBalance};
//! # let meta = Metadata::new("US trade balance", "US").with_currency(Currency::USD);
//! # let balance = TradeBalance::from_series(Series::from_values(Month::new(2025, 1)?, [-1.0, 2.0])?, meta)?;
//! let nonsense = balance.series().pc1();
//! # Ok::<(), econseries::Error>(())
//! ```
//! A confidence index changes in index points, never in percent:
//! ```compile_fail,E0599
//! # use econseries::{Month, Series};
//! # use econseries::indicator::{ConfidenceIndex, Metadata, Neutral};
//! let umich = ConfidenceIndex::new(Series::from_values(Month::new(2025, 1)?, [52.2, 51.0])?,
//!     Metadata::new("sentiment", "US"), Neutral::BasePeriod100)?;
//! let nonsense = umich.pch();
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

/// The read-only accessors every indicator shares, the escape hatch to its
/// plain series, and the conversion by reference to [`Indicator`].
///
/// `$make` builds an example of the type from a `Series<Month>` named `s`
/// (the names it needs imported by `$uses`), for the doc examples.
macro_rules! levels {
    ($name:ident, $uses:literal, $make:literal) => {
        impl<P: $crate::period::Period> $name<P> {
            /// The level at `p`: `None` if it is missing or `p` lies outside
            /// the series.
            ///
            /// # Example
            /// ```
            /// use econseries::{Month, Series};
            #[doc = concat!("use econseries::indicator::{", $uses, "};")]
            ///
            /// let may = Month::new(2025, 5)?;
            /// let s = Series::from_options(may, [Some(51.0), None])?;
            #[doc = concat!("let x = ", $make, ";")]
            /// assert_eq!((x.get(may), x.get(may + 1)), (Some(51.0), None));
            /// # Ok::<(), econseries::Error>(())
            /// ```
            pub fn get(&self, p: P) -> Option<f64> {
                self.series.get(p)
            }

            /// The latest observation: its period and level (trailing
            /// missing values skipped).
            ///
            /// # Example
            /// ```
            /// use econseries::{Month, Series};
            #[doc = concat!("use econseries::indicator::{", $uses, "};")]
            ///
            /// let may = Month::new(2025, 5)?;
            /// let s = Series::from_options(may, [Some(51.0), None])?;
            #[doc = concat!("let x = ", $make, ";")]
            /// assert_eq!(x.last(), Some((may, 51.0)));
            /// # Ok::<(), econseries::Error>(())
            /// ```
            pub fn last(&self) -> Option<(P, f64)> {
                self.series.last()
            }

            /// The first period of the series.
            ///
            /// # Example
            /// ```
            /// use econseries::{Month, Series};
            #[doc = concat!("use econseries::indicator::{", $uses, "};")]
            ///
            /// let may = Month::new(2025, 5)?;
            /// let s = Series::from_options(may, [Some(51.0), None])?;
            #[doc = concat!("let x = ", $make, ";")]
            /// assert_eq!((x.start(), x.end()), (may, Some(may + 1)));
            /// # Ok::<(), econseries::Error>(())
            /// ```
            pub fn start(&self) -> P {
                self.series.start()
            }

            /// The last period of the series (missing or not), `None` if it
            /// is empty.
            pub fn end(&self) -> Option<P> {
                self.series.end()
            }

            /// The observations (period, level), missing periods skipped.
            ///
            /// # Example
            /// ```
            /// use econseries::{Month, Series};
            #[doc = concat!("use econseries::indicator::{", $uses, "};")]
            ///
            /// let may = Month::new(2025, 5)?;
            /// let s = Series::from_options(may, [Some(51.0), None, Some(52.5)])?;
            #[doc = concat!("let x = ", $make, ";")]
            /// assert_eq!(x.observations().collect::<Vec<_>>(), [(may, 51.0), (may + 2, 52.5)]);
            /// # Ok::<(), econseries::Error>(())
            /// ```
            pub fn observations(&self) -> impl Iterator<Item = (P, f64)> + '_ {
                self.series.observations()
            }

            /// The escape hatch: the levels as a plain
            /// [`Series`](crate::Series), outside the indicator's rules.
            /// Every transform of a plain series compiles on it, those the
            /// indicator withholds included (a percent change of a balance,
            /// of an index); prefer the indicator's own methods.
            ///
            /// # Example
            /// ```
            /// use econseries::{Month, Series};
            #[doc = concat!("use econseries::indicator::{", $uses, "};")]
            ///
            /// let may = Month::new(2025, 5)?;
            /// let s = Series::from_values(may, [51.0, 52.5])?;
            #[doc = concat!("let x = ", $make, ";")]
            /// assert_eq!(x.as_plain_series().rolling_mean(2)?.get(may + 1), Some(51.75));
            /// # Ok::<(), econseries::Error>(())
            /// ```
            pub fn as_plain_series(&self) -> &$crate::series::Series<P> {
                &self.series
            }
        }

        impl<P: $crate::period::Period> From<&$name<P>> for $crate::indicator::Indicator<P> {
            /// The run-time checked indicator of the same data (a copy).
            fn from(x: &$name<P>) -> $crate::indicator::Indicator<P> {
                x.clone().into()
            }
        }
    };
}

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

levels!(
    Exports,
    "Currency, Exports, Metadata",
    "Exports::new(s, Metadata::new(\"US exports to China\", \"US\").with_currency(Currency::USD))?"
);
levels!(
    Imports,
    "Currency, Imports, Metadata",
    "Imports::new(s, Metadata::new(\"US imports from China\", \"US\").with_currency(Currency::USD))?"
);
levels!(
    Gdp,
    "Gdp, Metadata, PriceBasis",
    "Gdp::new(s, Metadata::new(\"GDP\", \"US\").with_price_basis(PriceBasis::Nominal))?"
);
levels!(
    TradeBalance,
    "Currency, Metadata, TradeBalance",
    "TradeBalance::from_series(s, Metadata::new(\"US trade balance\", \"US\").with_currency(Currency::USD))?"
);
levels!(
    ConfidenceIndex,
    "ConfidenceIndex, Metadata, Neutral",
    "ConfidenceIndex::new(s, Metadata::new(\"Sentiment\", \"US\"), Neutral::Diffusion50)?"
);
levels!(
    Indicator,
    "Indicator, MeasureKind, Metadata",
    "Indicator::new(s, Metadata::new(\"Unemployment rate\", \"US\"), MeasureKind::Rate)?"
);

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
///
/// # Errors
/// [`Error::InvalidMetadata`](crate::Error::InvalidMetadata) unless the
/// metadata states whether the values are at an annual rate: guessing
/// would make a SAAR series four or twelve times too large.
fn aggregate_flow<P, C>(series: &Series<P>, meta: &Metadata) -> crate::Result<Series<C>>
where
    P: Within<C>,
    C: Period,
{
    let method = match meta.annual_rate() {
        Some(true) => Aggregation::Mean,
        Some(false) => Aggregation::Sum,
        None => {
            return Err(crate::error::Error::InvalidMetadata {
                attribute: crate::error::Attribute::AnnualRate,
                expected: "stated (Metadata::with_annual_rate) to aggregate a flow",
                found: "not stated".to_owned().into(),
            });
        }
    };
    Ok(series.aggregate(method))
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

/// Serde for the indicators: their metadata and their series (frequency and
/// unit included), and for the run-time indicator its kind, for a
/// confidence index its neutral level. Reading goes through the same
/// constructors as code, so an indicator read is as valid as one built
/// (a trade flow without a currency is refused).
#[cfg(feature = "serde")]
mod serde_impls {
    use serde::de::Error as _;
    use serde::ser::SerializeStruct as _;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    use super::{
        ConfidenceIndex, Exports, Gdp, Imports, Indicator, MeasureKind, Metadata, Neutral,
        TradeBalance,
    };
    use crate::period::Period;
    use crate::series::Series;

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields, bound(deserialize = ""))]
    struct Plain<P: Period> {
        metadata: Metadata,
        series: Series<P>,
    }

    /// Serde for an indicator of metadata and series, built by `$make`.
    macro_rules! plain {
        ($($name:ident => $make:path),*) => {$(
            impl<P: Period> Serialize for $name<P> {
                fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                    let mut st = s.serialize_struct(stringify!($name), 2)?;
                    st.serialize_field("metadata", &self.metadata)?;
                    st.serialize_field("series", &self.series)?;
                    st.end()
                }
            }

            impl<'de, P: Period> Deserialize<'de> for $name<P> {
                fn deserialize<D: Deserializer<'de>>(d: D) -> Result<$name<P>, D::Error> {
                    let r = Plain::<P>::deserialize(d)?;
                    $make(r.series, r.metadata).map_err(D::Error::custom)
                }
            }
        )*};
    }

    plain!(
        Exports => Exports::new,
        Imports => Imports::new,
        Gdp => Gdp::new,
        TradeBalance => TradeBalance::from_series
    );

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields, bound(deserialize = ""))]
    struct Index<P: Period> {
        metadata: Metadata,
        neutral: Neutral,
        series: Series<P>,
    }

    impl<P: Period> Serialize for ConfidenceIndex<P> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let mut st = s.serialize_struct("ConfidenceIndex", 3)?;
            st.serialize_field("metadata", &self.metadata)?;
            st.serialize_field("neutral", &self.neutral)?;
            st.serialize_field("series", &self.series)?;
            st.end()
        }
    }

    impl<'de, P: Period> Deserialize<'de> for ConfidenceIndex<P> {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<ConfidenceIndex<P>, D::Error> {
            let r = Index::<P>::deserialize(d)?;
            ConfidenceIndex::new(r.series, r.metadata, r.neutral).map_err(D::Error::custom)
        }
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields, bound(deserialize = ""))]
    struct General<P: Period> {
        kind: MeasureKind,
        metadata: Metadata,
        series: Series<P>,
    }

    impl<P: Period> Serialize for Indicator<P> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let mut st = s.serialize_struct("Indicator", 3)?;
            st.serialize_field("kind", &self.kind)?;
            st.serialize_field("metadata", &self.metadata)?;
            st.serialize_field("series", &self.series)?;
            st.end()
        }
    }

    impl<'de, P: Period> Deserialize<'de> for Indicator<P> {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Indicator<P>, D::Error> {
            let r = General::<P>::deserialize(d)?;
            Indicator::new(r.series, r.metadata, r.kind).map_err(D::Error::custom)
        }
    }
}
