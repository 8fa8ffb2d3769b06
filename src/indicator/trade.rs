//! [`Exports`] and [`Imports`]: trade flows, distinct types so that one
//! cannot be passed as the other.

use super::metadata::missing;
use super::{Indicator, MeasureKind, Metadata, Scale, aggregate_flow, rescale};
use crate::error::{Attribute, Result};
use crate::period::{Period, Within};
use crate::series::Series;
use crate::unit::Percent;

macro_rules! trade_flow {
    (
        $(#[$doc:meta])*
        $name:ident, $what:literal, $example_name:literal, $v0:literal, $v1:literal, $v12:literal
    ) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq)]
        pub struct $name<P: Period> {
            pub(super) series: Series<P>,
            pub(super) metadata: Metadata,
        }

        impl<P: Period> $name<P> {
            #[doc = concat!("The ", $what, " in `series`, described by `metadata`.")]
            ///
            /// # Errors
            /// [`Error::InvalidMetadata`](crate::Error::InvalidMetadata) if the
            /// metadata has no currency: a trade flow is an amount of money.
            ///
            /// # Example
            /// ```
            /// use econseries::{Attribute, Error, Month, Series};
            #[doc = concat!("use econseries::indicator::{Currency, ", stringify!($name), ", Metadata};")]
            ///
            /// let s = Series::from_values(Month::new(2025, 1)?, [1.0, 2.0])?;
            #[doc = concat!("let no_currency = ", stringify!($name), "::new(s.clone(), Metadata::new(\"x\", \"US\"));")]
            /// assert!(matches!(no_currency, Err(Error::InvalidMetadata { attribute: Attribute::Currency, .. })));
            #[doc = concat!(stringify!($name), "::new(s, Metadata::new(\"x\", \"US\").with_currency(Currency::USD))?;")]
            /// # Ok::<(), econseries::Error>(())
            /// ```
            pub fn new(series: Series<P>, metadata: Metadata) -> Result<$name<P>> {
                if metadata.currency().is_none() {
                    return Err(missing(Attribute::Currency, "set for a trade flow"));
                }
                Ok($name { series, metadata })
            }

            /// The metadata.
            ///
            /// # Example
            /// ```
            /// use econseries::{Month, Series};
            #[doc = concat!("use econseries::indicator::{Currency, ", stringify!($name), ", Metadata, Scale};")]
            ///
            #[doc = concat!("let meta = Metadata::new(", stringify!($example_name), ", \"US\")")]
            ///     .with_partner("CN").with_currency(Currency::USD).with_scale(Scale::Millions);
            #[doc = concat!("let flow = ", stringify!($name), "::new(Series::from_values(Month::new(2025, 5)?, [", stringify!($v12), "])?, meta)?;")]
            /// assert_eq!(flow.metadata().partner(), Some("CN"));
            /// assert_eq!(flow.metadata().scale(), Scale::Millions);
            /// # Ok::<(), econseries::Error>(())
            /// ```
            pub fn metadata(&self) -> &Metadata {
                &self.metadata
            }

            /// The values and the metadata.
            ///
            /// # Example
            /// ```
            /// use econseries::{Month, Series};
            #[doc = concat!("use econseries::indicator::{Currency, ", stringify!($name), ", Metadata};")]
            ///
            #[doc = concat!("let meta = Metadata::new(", stringify!($example_name), ", \"US\").with_currency(Currency::USD);")]
            /// let may = Month::new(2025, 5)?;
            #[doc = concat!("let flow = ", stringify!($name), "::new(Series::from_values(may, [", stringify!($v12), "])?, meta)?;")]
            /// let (series, meta) = flow.into_parts();
            #[doc = concat!("assert_eq!(series.get(may), Some(", stringify!($v12), "));")]
            /// assert_eq!(meta.currency(), Some(Currency::USD));
            /// # Ok::<(), econseries::Error>(())
            /// ```
            pub fn into_parts(self) -> (Series<P>, Metadata) {
                (self.series, self.metadata)
            }

            /// Percent change from a year earlier (FRED `pc1`).
            ///
            /// ```text
            /// 100 · (x(t) / x(t − n) − 1),  n = periods per year
            /// ```
            ///
            /// Missing where either value is missing or the year-earlier value
            /// is not positive.
            ///
            /// # Example
            /// ```
            /// use econseries::{Month, Series};
            #[doc = concat!("use econseries::indicator::{Currency, ", stringify!($name), ", Metadata, Scale};")]
            ///
            #[doc = concat!(" ", "let meta = Metadata::new(", stringify!($example_name), ", \"US\")")]
            ///     .with_partner("CN")
            ///     .with_currency(Currency::USD)
            ///     .with_scale(Scale::Millions);
            #[doc = concat!(" ", "let mut values = vec![", stringify!($v0), "; 13];")]
            #[doc = concat!(" ", "values[12] = ", stringify!($v12), ";")]
            #[doc = concat!("let flow = ", stringify!($name), "::new(Series::from_values(Month::new(2024, 5)?, values)?, meta)?;")]
            /// let yoy = flow.yoy().get(Month::new(2025, 5)?).map(|p| p.get());
            /// assert_eq!(yoy.map(|p| (p * 10.0).round() / 10.0), Some(-41.4));
            /// # Ok::<(), econseries::Error>(())
            /// ```
            pub fn yoy(&self) -> Series<P, Percent> {
                self.series.pc1()
            }

            /// Percent change from the previous period (FRED `pch`): month on
            /// month for monthly data, quarter on quarter for quarterly data.
            ///
            /// Only informative on seasonally adjusted data; on raw data the
            /// change mixes the trend with the season.
            ///
            /// # Example
            /// ```
            /// use econseries::{Month, Series};
            #[doc = concat!("use econseries::indicator::{Currency, ", stringify!($name), ", Metadata};")]
            ///
            #[doc = concat!(" ", "let meta = Metadata::new(", stringify!($example_name), ", \"US\").with_currency(Currency::USD);")]
            #[doc = concat!("let flow = ", stringify!($name), "::new(Series::from_values(Month::new(2025, 1)?, [", stringify!($v0), ", ", stringify!($v1), "])?, meta)?;")]
            /// let pch = flow.pch().get(Month::new(2025, 2)?).map(|p| p.get());
            #[doc = concat!(" ", "assert!((pch.unwrap_or(f64::NAN) - 100.0 * (", stringify!($v1), " / ", stringify!($v0), " - 1.0)).abs() < 1e-12);")]
            /// # Ok::<(), econseries::Error>(())
            /// ```
            pub fn pch(&self) -> Series<P, Percent> {
                self.series.pch()
            }

            /// Change from the previous period (FRED `chg`), in the
            /// metadata's currency and scale.
            ///
            /// # Example
            /// ```
            /// use econseries::{Month, Series};
            #[doc = concat!("use econseries::indicator::{Currency, ", stringify!($name), ", Metadata};")]
            ///
            #[doc = concat!(" ", "let meta = Metadata::new(", stringify!($example_name), ", \"US\").with_currency(Currency::USD);")]
            #[doc = concat!("let flow = ", stringify!($name), "::new(Series::from_values(Month::new(2025, 1)?, [100.0, 90.0])?, meta)?;")]
            /// assert_eq!(flow.change().get(Month::new(2025, 2)?), Some(-10.0));
            /// # Ok::<(), econseries::Error>(())
            /// ```
            pub fn change(&self) -> Series<P> {
                self.series.chg()
            }

            /// Change from a year earlier (FRED `ch1`), in the metadata's
            /// currency and scale.
            ///
            /// # Example
            /// ```
            /// use econseries::{Quarter, Series};
            #[doc = concat!("use econseries::indicator::{Currency, ", stringify!($name), ", Metadata};")]
            ///
            #[doc = concat!(" ", "let meta = Metadata::new(", stringify!($example_name), ", \"US\").with_currency(Currency::USD);")]
            /// let s = Series::from_values(Quarter::new(2024, 1)?, [100.0, 101.0, 102.0, 103.0, 110.0])?;
            #[doc = concat!("let flow = ", stringify!($name), "::new(s, meta)?;")]
            /// assert_eq!(flow.yoy_change().get(Quarter::new(2025, 1)?), Some(10.0));
            /// # Ok::<(), econseries::Error>(())
            /// ```
            pub fn yoy_change(&self) -> Series<P> {
                self.series.ch1()
            }

            /// The same flow expressed at another scale (values in billions
            /// from values in millions), so that it can be combined with a
            /// flow published at that scale.
            ///
            /// # Example
            /// ```
            /// use econseries::{Month, Series};
            #[doc = concat!("use econseries::indicator::{Currency, ", stringify!($name), ", Metadata, Scale};")]
            ///
            #[doc = concat!(" ", "let meta = Metadata::new(", stringify!($example_name), ", \"US\").with_currency(Currency::USD).with_scale(Scale::Millions);")]
            #[doc = concat!("let flow = ", stringify!($name), "::new(Series::from_values(Month::new(2025, 5)?, [6_553.3])?, meta)?;")]
            /// let bn = flow.rescaled(Scale::Billions);
            /// assert_eq!(bn.metadata().scale(), Scale::Billions);
            /// assert_eq!(bn.get(Month::new(2025, 5)?), Some(6.5533));
            /// # Ok::<(), econseries::Error>(())
            /// ```
            pub fn rescaled(self, scale: Scale) -> $name<P> {
                let series = rescale(&self.series, self.metadata.scale(), scale);
                let mut metadata = self.metadata;
                metadata.set_scale(scale);
                $name { series, metadata }
            }

            /// The flow over the coarser period `C` (months to quarters or
            /// years, quarters to years): the sum of the sub-periods, or their
            /// mean if the values are at an annual rate
            /// ([`Metadata::annual_rate`]). A coarser period is missing
            /// unless all its sub-periods are present.
            ///
            /// # Errors
            /// [`Error::InvalidMetadata`](crate::Error::InvalidMetadata)
            /// unless the metadata states whether the values are at an
            /// annual rate ([`Metadata::with_annual_rate`]).
            ///
            /// # Example
            /// ```
            /// use econseries::{Month, Quarter, Series};
            #[doc = concat!("use econseries::indicator::{Currency, ", stringify!($name), ", Metadata};")]
            ///
            #[doc = concat!(" ", "let meta = Metadata::new(", stringify!($example_name), ", \"US\").with_currency(Currency::USD);")]
            /// let s = Series::from_values(Month::new(2025, 1)?, [1.0, 2.0, 3.0, 4.0])?;
            #[doc = concat!("let flow = ", stringify!($name), "::new(s, meta)?;")]
            /// assert!(flow.aggregate::<Quarter>().is_err()); // annual rate or not?
            #[doc = concat!("let flow = ", stringify!($name), "::new(flow.as_plain_series().clone(), flow.metadata().clone().with_annual_rate(false))?;")]
            #[doc = concat!("let q: ", stringify!($name), "<Quarter> = flow.aggregate()?;")]
            /// assert_eq!(q.get(Quarter::new(2025, 1)?), Some(6.0));
            /// assert_eq!(q.get(Quarter::new(2025, 2)?), None); // April only
            /// # Ok::<(), econseries::Error>(())
            /// ```
            pub fn aggregate<C: Period>(&self) -> Result<$name<C>>
            where
                P: Within<C>,
            {
                Ok($name {
                    series: aggregate_flow(&self.series, &self.metadata)?,
                    metadata: self.metadata.clone(),
                })
            }
        }

        impl<P: Period> From<$name<P>> for Indicator<P> {
            /// A generic indicator of kind [`MeasureKind::Flow`].
            fn from(x: $name<P>) -> Indicator<P> {
                Indicator::from_parts(x.series, x.metadata, MeasureKind::Flow)
            }
        }
    };
}

trade_flow!(
    /// Exports of goods (or services) from the metadata's area to its partner
    /// (or to the world if there is none): a flow in a currency.
    ///
    /// Percent changes exist (`pch`, `yoy`), as do changes in currency units.
    /// A distinct type from [`Imports`], so that
    /// [`TradeBalance::new`](super::TradeBalance::new) cannot receive them in
    /// the wrong order.
    ///
    /// # Example
    /// ```
    /// use econseries::{Month, Series};
    /// use econseries::indicator::{Currency, Exports, Metadata, Scale, SeasonalAdjustment};
    ///
    /// let meta = Metadata::new("US exports of goods to China", "US")
    ///     .with_partner("CN")
    ///     .with_currency(Currency::USD)
    ///     .with_scale(Scale::Millions)
    ///     .with_seasonal_adjustment(SeasonalAdjustment::NotAdjusted)
    ///     .with_source("US Census Bureau, c5700");
    /// let exports = Exports::new(Series::from_values(Month::new(2025, 5)?, [6_553.3])?, meta)?;
    /// assert_eq!(exports.metadata().partner(), Some("CN"));
    /// # Ok::<(), econseries::Error>(())
    /// ```
    Exports, "exports", "US exports of goods to China", 12_000.0, 11_000.0, 7_029.6
);

trade_flow!(
    /// Imports of goods (or services) into the metadata's area from its
    /// partner (or from the world if there is none): a flow in a currency.
    ///
    /// Percent changes exist (`pch`, `yoy`), as do changes in currency units.
    /// A distinct type from [`Exports`], so that
    /// [`TradeBalance::new`](super::TradeBalance::new) cannot receive them in
    /// the wrong order.
    ///
    /// # Example
    /// ```
    /// use econseries::{Month, Series};
    /// use econseries::indicator::{Currency, Imports, Metadata, Scale, SeasonalAdjustment};
    ///
    /// let meta = Metadata::new("US imports of goods from China", "US")
    ///     .with_partner("CN")
    ///     .with_currency(Currency::USD)
    ///     .with_scale(Scale::Millions)
    ///     .with_seasonal_adjustment(SeasonalAdjustment::NotAdjusted)
    ///     .with_source("US Census Bureau via FRED (IMPCH)");
    /// let imports = Imports::new(Series::from_values(Month::new(2025, 5)?, [20_493.855247])?, meta)?;
    /// assert_eq!(imports.metadata().currency(), Some(Currency::USD));
    /// # Ok::<(), econseries::Error>(())
    /// ```
    Imports, "imports", "US imports of goods from China", 35_000.0, 30_000.0, 20_497.0
);
