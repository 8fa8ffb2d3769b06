//! [`TradeBalance`]: exports minus imports, with differences only.

use super::metadata::{Checks, check_compatible, missing};
use super::{
    Exports, Imports, Indicator, MeasureKind, Metadata, Scale, aggregate_flow, combine, rescale,
};
use crate::error::{Attribute, Result};
use crate::period::{Period, Within};
use crate::series::Series;

/// A trade balance: exports minus imports of one reporter with one partner,
/// in one currency and scale.
///
/// A balance is signed and crosses zero, so it has **no percent changes**: a
/// deficit narrowing from −10 to −5 would be "−50%", a swing from −10 to +5
/// "−150%", and a change from 0 is undefined. Only differences exist,
/// [`change`](TradeBalance::change) and [`yoy_change`](TradeBalance::yoy_change),
/// in the balance's currency and scale. Percent-change methods do not exist on
/// this type:
///
/// ```compile_fail,E0599
/// # use econseries::{Month, Series};
/// # use econseries::indicator::{Currency, Exports, Imports, Metadata, TradeBalance};
/// # let meta = Metadata::new("x", "US").with_currency(Currency::USD);
/// # let s = Series::from_values(Month::new(2025, 1)?, [1.0])?;
/// # let balance = TradeBalance::new(&Exports::new(s.clone(), meta.clone())?, &Imports::new(s, meta)?)?;
/// let growth = balance.yoy(); // no such method: a percent change of a balance is meaningless
/// # Ok::<(), econseries::Error>(())
/// ```
///
/// # Example
/// ```
/// use econseries::{Month, Series};
/// use econseries::indicator::{Currency, Exports, Imports, Metadata, Scale, TradeBalance};
///
/// let meta = |name: &str| {
///     Metadata::new(name, "US").with_partner("CN").with_currency(Currency::USD).with_scale(Scale::Millions)
/// };
/// let may = Month::new(2025, 5)?;
/// let exports = Exports::new(Series::from_values(may, [6_553.3])?, meta("exports"))?;
/// let imports = Imports::new(Series::from_values(may, [20_493.855247])?, meta("imports"))?;
/// let balance = TradeBalance::new(&exports, &imports)?;
/// assert_eq!(balance.get(may), Some(6_553.3 - 20_493.855247));
/// assert_eq!(balance.yoy_change().get(may), None); // no year-earlier value
/// # Ok::<(), econseries::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct TradeBalance<P: Period> {
    pub(super) series: Series<P>,
    pub(super) metadata: Metadata,
}

impl<P: Period> TradeBalance<P> {
    /// Exports minus imports on the periods the two series have in common;
    /// missing where either is missing.
    ///
    /// The two must agree on reporting area, partner, currency, scale, price
    /// basis, seasonal adjustment and annual-rate flag (checked in this
    /// order); the frequency is checked by the type system. The balance's
    /// metadata is the exports' with the name "trade balance"; its source
    /// and vintage are kept only where the two agree.
    ///
    /// # Errors
    /// [`Error::Incompatible`](crate::Error::Incompatible) naming the first
    /// attribute that differs (`"area"`, `"partner"`, `"currency"`,
    /// `"scale"`, `"price basis"`, `"seasonal adjustment"`, `"annual rate"`),
    /// with the two values.
    ///
    /// # Example
    /// ```
    /// use econseries::{Attribute, Error, Month, Series};
    /// use econseries::indicator::{Currency, Exports, Imports, Metadata, Scale, TradeBalance};
    ///
    /// let s = Series::from_values(Month::new(2025, 5)?, [28.8])?;
    /// let meta = Metadata::new("China exports to the US", "CN").with_partner("US").with_currency(Currency::USD);
    /// let exports = Exports::new(s.clone(), meta.clone().with_scale(Scale::Billions))?;
    /// let imports = Imports::new(s, meta.with_scale(Scale::Millions))?;
    /// let e = TradeBalance::new(&exports, &imports).unwrap_err();
    /// assert!(matches!(e, Error::Incompatible { attribute: Attribute::Scale, .. }));
    /// assert_eq!(e.to_string(), "incompatible scale: billions vs millions");
    ///
    /// // Rescaling one side explicitly makes them compatible.
    /// let balance = TradeBalance::new(&exports.rescaled(Scale::Millions), &imports)?;
    /// assert_eq!(balance.get(Month::new(2025, 5)?), Some(28_800.0 - 28.8));
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn new(exports: &Exports<P>, imports: &Imports<P>) -> Result<TradeBalance<P>> {
        let (x, m) = (exports.metadata(), imports.metadata());
        check_compatible(
            x,
            m,
            Checks {
                area: true,
                partner: true,
                price_basis: true,
            },
        )?;
        let mut metadata = x.clone().with_name("trade balance");
        if x.source() != m.source() {
            metadata = metadata.without_source();
        }
        if x.vintage() != m.vintage() {
            metadata = metadata.without_vintage();
        }
        Ok(TradeBalance {
            series: combine(&exports.series, &imports.series, |x, m| x - m),
            metadata,
        })
    }

    /// A published balance (such as Census' "Balance" column), described by
    /// `metadata`.
    ///
    /// # Errors
    /// [`Error::InvalidMetadata`](crate::Error::InvalidMetadata) if the
    /// metadata has no currency.
    ///
    /// # Example
    /// ```
    /// use econseries::{Month, Series};
    /// use econseries::indicator::{Currency, Metadata, TradeBalance};
    ///
    /// let meta = Metadata::new("US balance with China", "US").with_partner("CN").with_currency(Currency::USD);
    /// let balance = TradeBalance::from_series(Series::from_values(Month::new(2025, 5)?, [-13_940.6])?, meta)?;
    /// assert_eq!(balance.metadata().name(), "US balance with China");
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn from_series(series: Series<P>, metadata: Metadata) -> Result<TradeBalance<P>> {
        if metadata.currency().is_none() {
            return Err(missing(Attribute::Currency, "set for a trade balance"));
        }
        Ok(TradeBalance { series, metadata })
    }

    /// The metadata.
    ///
    /// # Example
    /// ```
    /// use econseries::{Month, Series};
    /// use econseries::indicator::{Currency, Metadata, Scale, TradeBalance};
    ///
    /// let meta = Metadata::new("US goods balance with China", "US").with_partner("CN")
    ///     .with_currency(Currency::USD).with_scale(Scale::Millions);
    /// let balance = TradeBalance::from_series(Series::from_values(Month::new(2025, 5)?, [-13_940.6])?, meta)?;
    /// assert_eq!(balance.metadata().partner(), Some("CN"));
    /// assert_eq!(balance.metadata().scale(), Scale::Millions);
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
    /// use econseries::indicator::{Currency, Metadata, TradeBalance};
    ///
    /// let may = Month::new(2025, 5)?;
    /// let meta = Metadata::new("US goods balance with China", "US").with_currency(Currency::USD);
    /// let balance = TradeBalance::from_series(Series::from_values(may, [-13_940.6])?, meta)?;
    /// let (series, meta) = balance.into_parts();
    /// assert_eq!((series.get(may), meta.currency()), (Some(-13_940.6), Some(Currency::USD)));
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn into_parts(self) -> (Series<P>, Metadata) {
        (self.series, self.metadata)
    }

    /// The same balance under another name.
    ///
    /// # Example
    /// ```
    /// use econseries::{Month, Series};
    /// use econseries::indicator::{Currency, Exports, Imports, Metadata, TradeBalance};
    ///
    /// let may = Month::new(2025, 5)?;
    /// let meta = Metadata::new("US goods trade with China", "US").with_partner("CN").with_currency(Currency::USD);
    /// let exports = Exports::new(Series::from_values(may, [6_553.3])?, meta.clone())?;
    /// let imports = Imports::new(Series::from_values(may, [20_493.9])?, meta)?;
    /// let balance = TradeBalance::new(&exports, &imports)?;
    /// assert_eq!(balance.metadata().name(), "trade balance");
    /// let balance = balance.with_name("US goods balance with China");
    /// assert_eq!(balance.metadata().name(), "US goods balance with China");
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn with_name(mut self, name: impl Into<String>) -> TradeBalance<P> {
        self.metadata = self.metadata.with_name(name);
        self
    }

    /// Change from the previous period (FRED `chg`), in the balance's
    /// currency and scale: a negative change is a widening deficit or a
    /// narrowing surplus.
    ///
    /// # Example
    /// ```
    /// use econseries::{Month, Series};
    /// use econseries::indicator::{Currency, Metadata, TradeBalance};
    ///
    /// let meta = Metadata::new("balance", "US").with_currency(Currency::USD);
    /// let b = TradeBalance::from_series(Series::from_values(Month::new(2025, 1)?, [-10.0, 5.0])?, meta)?;
    /// assert_eq!(b.change().get(Month::new(2025, 2)?), Some(15.0));
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn change(&self) -> Series<P> {
        self.series.chg()
    }

    /// Change from a year earlier (FRED `ch1`), in the balance's currency and
    /// scale.
    ///
    /// # Example
    /// ```
    /// use econseries::{Quarter, Series};
    /// use econseries::indicator::{Currency, Metadata, TradeBalance};
    ///
    /// let meta = Metadata::new("balance", "US").with_currency(Currency::USD);
    /// let s = Series::from_values(Quarter::new(2024, 1)?, [-10.0, -8.0, -6.0, -4.0, 2.0])?;
    /// let b = TradeBalance::from_series(s, meta)?;
    /// assert_eq!(b.yoy_change().get(Quarter::new(2025, 1)?), Some(12.0));
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn yoy_change(&self) -> Series<P> {
        self.series.ch1()
    }

    /// The same balance expressed at another scale.
    ///
    /// # Example
    /// ```
    /// use econseries::{Month, Series};
    /// use econseries::indicator::{Currency, Metadata, Scale, TradeBalance};
    ///
    /// let meta = Metadata::new("balance", "US").with_currency(Currency::USD).with_scale(Scale::Millions);
    /// let b = TradeBalance::from_series(Series::from_values(Month::new(2025, 5)?, [-13_940.5])?, meta)?;
    /// assert_eq!(b.rescaled(Scale::Billions).get(Month::new(2025, 5)?), Some(-13.9405));
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn rescaled(self, scale: Scale) -> TradeBalance<P> {
        let series = rescale(&self.series, self.metadata.scale(), scale);
        let mut metadata = self.metadata;
        metadata.set_scale(scale);
        TradeBalance { series, metadata }
    }

    /// The balance over the coarser period `C`: the sum of the sub-periods
    /// (the mean if at an annual rate); missing unless all are present.
    ///
    /// # Errors
    /// [`Error::InvalidMetadata`](crate::Error::InvalidMetadata) unless the
    /// metadata states whether the values are at an annual rate.
    ///
    /// # Example
    /// ```
    /// use econseries::{Month, Series, Year};
    /// use econseries::indicator::{Currency, Metadata, TradeBalance};
    ///
    /// let meta = Metadata::new("balance", "US").with_currency(Currency::USD).with_annual_rate(false);
    /// let b = TradeBalance::from_series(Series::from_values(Month::new(2025, 1)?, [-1.0; 12])?, meta)?;
    /// let annual: TradeBalance<Year> = b.aggregate()?;
    /// assert_eq!(annual.get(Year::new(2025)?), Some(-12.0));
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn aggregate<C: Period>(&self) -> Result<TradeBalance<C>>
    where
        P: Within<C>,
    {
        Ok(TradeBalance {
            series: aggregate_flow(&self.series, &self.metadata)?,
            metadata: self.metadata.clone(),
        })
    }
}

impl<P: Period> From<TradeBalance<P>> for Indicator<P> {
    /// A generic indicator of kind [`MeasureKind::Balance`].
    fn from(b: TradeBalance<P>) -> Indicator<P> {
        Indicator::from_parts(b.series, b.metadata, MeasureKind::Balance)
    }
}
