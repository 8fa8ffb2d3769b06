//! [`Gdp`]: gross domestic product, nominal or real.

use super::metadata::{Checks, check_compatible, missing};
use super::{
    Indicator, MeasureKind, Metadata, PriceBasis, Scale, aggregate_flow, combine, rescale,
};
use crate::error::{Attribute, Error, Result};
use crate::period::{Period, Within, Year};
use crate::series::Series;
use crate::unit::Percent;

/// Gross domestic product: a flow, nominal or real (chained or constant
/// prices), seasonally adjusted or not, at an annual rate or not, all of it
/// in the [`Metadata`].
///
/// US quarterly GDP (FRED `GDP`, `GDPC1`) is seasonally adjusted **at an
/// annual rate**: each quarter's value is the quarter's flow times four, its
/// headline growth is the quarter-on-quarter change compounded to a year
/// ([`annualized_growth`](Gdp::annualized_growth)), and its calendar-year
/// value is the mean of the four quarters ([`annual`](Gdp::annual)).
///
/// # Example
/// ```
/// use econseries::{Quarter, Series, Year};
/// use econseries::indicator::{Currency, Gdp, Metadata, PriceBasis, Scale, SeasonalAdjustment};
///
/// let meta = Metadata::new("US real GDP", "US")
///     .with_currency(Currency::USD)
///     .with_scale(Scale::Billions)
///     .with_price_basis(PriceBasis::Chained { reference_year: Year::new(2017)? })
///     .with_seasonal_adjustment(SeasonalAdjustment::Adjusted)
///     .with_annual_rate(true)
///     .with_source("BEA via FRED (GDPC1), advance estimate");
/// let q4 = Quarter::new(2024, 4)?;
/// let gdp = Gdp::new(Series::from_values(q4, [23_542.349, 23_526.085])?, meta)?;
/// let growth = gdp.annualized_growth().get(q4 + 1).map(|p| p.get());
/// assert_eq!(growth.map(|g| (g * 10.0).round() / 10.0), Some(-0.3));
/// # Ok::<(), econseries::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Gdp<P: Period> {
    pub(super) series: Series<P>,
    pub(super) metadata: Metadata,
}

impl<P: Period> Gdp<P> {
    /// GDP in `series`, described by `metadata`.
    ///
    /// # Errors
    /// [`Error::InvalidMetadata`] if the metadata states no price basis: GDP
    /// is either nominal or real, and [`deflator`](Gdp::deflator) needs to
    /// know which.
    ///
    /// # Example
    /// ```
    /// use econseries::{Attribute, Error, Quarter, Series};
    /// use econseries::indicator::{Gdp, Metadata, PriceBasis};
    ///
    /// let s = Series::from_values(Quarter::new(2025, 1)?, [30_042.113])?;
    /// let e = Gdp::new(s.clone(), Metadata::new("US GDP", "US")).unwrap_err();
    /// assert!(matches!(e, Error::InvalidMetadata { attribute: Attribute::PriceBasis, .. }));
    /// Gdp::new(s, Metadata::new("US GDP", "US").with_price_basis(PriceBasis::Nominal))?;
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn new(series: Series<P>, metadata: Metadata) -> Result<Gdp<P>> {
        if metadata.price_basis().is_none() {
            return Err(missing(Attribute::PriceBasis, "set for GDP"));
        }
        Ok(Gdp { series, metadata })
    }

    /// The metadata.
    ///
    /// # Example
    /// ```
    /// use econseries::{Quarter, Series};
    /// use econseries::indicator::{Gdp, Metadata, PriceBasis, Scale};
    ///
    /// let meta = Metadata::new("US GDP", "US").with_price_basis(PriceBasis::Nominal)
    ///     .with_scale(Scale::Billions).with_annual_rate(true);
    /// let gdp = Gdp::new(Series::from_values(Quarter::new(2025, 1)?, [30_042.113])?, meta)?;
    /// assert_eq!(gdp.metadata().annual_rate(), Some(true));
    /// assert_eq!(gdp.metadata().scale(), Scale::Billions);
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn metadata(&self) -> &Metadata {
        &self.metadata
    }

    /// The values and the metadata.
    ///
    /// # Example
    /// ```
    /// use econseries::{Quarter, Series};
    /// use econseries::indicator::{Gdp, Metadata, PriceBasis};
    ///
    /// let q1 = Quarter::new(2025, 1)?;
    /// let meta = Metadata::new("US GDP", "US").with_price_basis(PriceBasis::Nominal);
    /// let (series, meta) = Gdp::new(Series::from_values(q1, [30_042.113])?, meta)?.into_parts();
    /// assert_eq!((series.get(q1), meta.price_basis()), (Some(30_042.113), Some(PriceBasis::Nominal)));
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn into_parts(self) -> (Series<P>, Metadata) {
        (self.series, self.metadata)
    }

    /// The price basis (always stated for GDP).
    ///
    /// # Example
    /// ```
    /// use econseries::{Quarter, Series, Year};
    /// use econseries::indicator::{Gdp, Metadata, PriceBasis};
    ///
    /// let chained = PriceBasis::Chained { reference_year: Year::new(2017)? };
    /// let meta = Metadata::new("US real GDP", "US").with_price_basis(chained);
    /// let gdp = Gdp::new(Series::from_values(Quarter::new(2025, 1)?, [23_548.21])?, meta)?;
    /// assert_eq!(gdp.price_basis(), chained);
    /// assert!(gdp.price_basis().is_real());
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn price_basis(&self) -> PriceBasis {
        self.metadata.price_basis().unwrap_or(PriceBasis::Nominal)
    }

    /// Growth from the previous period compounded to an annual rate (FRED
    /// `pca`, BEA's headline "at an annual rate"); for annual data, the
    /// growth from the previous year.
    ///
    /// ```text
    /// 100 · ((x(t) / x(t − 1))^n − 1),  n = periods per year
    /// ```
    ///
    /// Missing where either value is missing or the earlier one is not
    /// positive. Meant for seasonally adjusted data.
    ///
    /// # Example
    /// ```
    /// use econseries::{Quarter, Series};
    /// use econseries::indicator::{Gdp, Metadata, PriceBasis};
    ///
    /// let meta = Metadata::new("GDP", "US").with_price_basis(PriceBasis::Nominal);
    /// let gdp = Gdp::new(Series::from_values(Quarter::new(2025, 1)?, [100.0, 105.0])?, meta)?;
    /// let g = gdp.annualized_growth().get(Quarter::new(2025, 2)?).map(|p| p.get());
    /// assert!((g.unwrap_or(f64::NAN) - 21.550625).abs() < 1e-9); // BEA's worked example
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn annualized_growth(&self) -> Series<P, Percent> {
        self.series.pca()
    }

    /// Growth from the previous period, not annualized (FRED `pch`):
    /// quarter on quarter for quarterly data, as Eurostat and the ONS report
    /// it. Meant for seasonally adjusted data.
    ///
    /// # Example
    /// ```
    /// use econseries::{Quarter, Series};
    /// use econseries::indicator::{Gdp, Metadata, PriceBasis};
    ///
    /// let meta = Metadata::new("GDP", "EA").with_price_basis(PriceBasis::Nominal);
    /// let gdp = Gdp::new(Series::from_values(Quarter::new(2025, 1)?, [100.0, 100.5])?, meta)?;
    /// let g = gdp.pch().get(Quarter::new(2025, 2)?).map(|p| p.get());
    /// assert!((g.unwrap_or(f64::NAN) - 0.5).abs() < 1e-9);
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn pch(&self) -> Series<P, Percent> {
        self.series.pch()
    }

    /// Growth from a year earlier (FRED `pc1`); works on raw and adjusted
    /// data alike.
    ///
    /// # Example
    /// ```
    /// use econseries::{Quarter, Series};
    /// use econseries::indicator::{Gdp, Metadata, PriceBasis};
    ///
    /// let meta = Metadata::new("GDP", "US").with_price_basis(PriceBasis::Nominal);
    /// let s = Series::from_values(Quarter::new(2024, 1)?, [100.0, 101.0, 102.0, 103.0, 102.0])?;
    /// let g = Gdp::new(s, meta)?.yoy().get(Quarter::new(2025, 1)?).map(|p| p.get());
    /// assert!((g.unwrap_or(f64::NAN) - 2.0).abs() < 1e-9);
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn yoy(&self) -> Series<P, Percent> {
        self.series.pc1()
    }

    /// Change from the previous period (FRED `chg`), in the metadata's
    /// currency and scale.
    ///
    /// # Example
    /// ```
    /// use econseries::{Quarter, Series};
    /// use econseries::indicator::{Gdp, Metadata, PriceBasis};
    ///
    /// let meta = Metadata::new("GDP", "US").with_price_basis(PriceBasis::Nominal);
    /// let gdp = Gdp::new(Series::from_values(Quarter::new(2025, 1)?, [100.0, 98.5])?, meta)?;
    /// assert_eq!(gdp.change().get(Quarter::new(2025, 2)?), Some(-1.5));
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn change(&self) -> Series<P> {
        self.series.chg()
    }

    /// Change from a year earlier (FRED `ch1`), in the metadata's currency
    /// and scale.
    ///
    /// # Example
    /// ```
    /// use econseries::{Quarter, Series};
    /// use econseries::indicator::{Gdp, Metadata, PriceBasis};
    ///
    /// let meta = Metadata::new("GDP", "US").with_price_basis(PriceBasis::Nominal);
    /// let s = Series::from_values(Quarter::new(2024, 1)?, [100.0, 101.0, 102.0, 103.0, 104.0])?;
    /// assert_eq!(Gdp::new(s, meta)?.yoy_change().get(Quarter::new(2025, 1)?), Some(4.0));
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn yoy_change(&self) -> Series<P> {
        self.series.ch1()
    }

    /// The same GDP expressed at another scale.
    ///
    /// # Example
    /// ```
    /// use econseries::{Quarter, Series};
    /// use econseries::indicator::{Gdp, Metadata, PriceBasis, Scale};
    ///
    /// let meta = Metadata::new("GDP", "US").with_price_basis(PriceBasis::Nominal).with_scale(Scale::Billions);
    /// let gdp = Gdp::new(Series::from_values(Quarter::new(2025, 3)?, [31_095.089])?, meta)?;
    /// let tn = gdp.rescaled(Scale::Trillions);
    /// assert_eq!(tn.get(Quarter::new(2025, 3)?), Some(31.095089));
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn rescaled(self, scale: Scale) -> Gdp<P> {
        let series = rescale(&self.series, self.metadata.scale(), scale);
        let mut metadata = self.metadata;
        metadata.set_scale(scale);
        Gdp { series, metadata }
    }

    /// GDP over the coarser period `C`: the mean of the sub-periods if the
    /// values are at an annual rate (SAAR quarters average to the year), their
    /// sum otherwise. A coarser period is missing unless all its sub-periods
    /// are present.
    ///
    /// # Errors
    /// [`Error::InvalidMetadata`] unless the metadata states whether the
    /// values are at an annual rate ([`Metadata::with_annual_rate`]): summing
    /// SAAR quarters would give a year four times too large.
    ///
    /// # Example
    /// ```
    /// use econseries::{Quarter, Series, Year};
    /// use econseries::indicator::{Gdp, Metadata, PriceBasis};
    ///
    /// // Quarterly GDP, not at an annual rate (Eurostat's millions of euro): the year is the sum.
    /// let meta = Metadata::new("GDP", "EA").with_price_basis(PriceBasis::Nominal).with_annual_rate(false);
    /// let gdp = Gdp::new(Series::from_values(Quarter::new(2024, 1)?, [1.0, 2.0, 3.0, 4.0, 5.0])?, meta)?;
    /// let annual: Gdp<Year> = gdp.aggregate()?;
    /// assert_eq!(annual.get(Year::new(2024)?), Some(10.0));
    /// assert_eq!(annual.get(Year::new(2025)?), None); // one quarter only
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn aggregate<C: Period>(&self) -> Result<Gdp<C>>
    where
        P: Within<C>,
    {
        Ok(Gdp {
            series: aggregate_flow(&self.series, &self.metadata)?,
            metadata: self.metadata.clone(),
        })
    }

    /// Calendar-year GDP: [`aggregate`](Gdp::aggregate) to [`Year`] (the mean
    /// of the quarters if at an annual rate, as BEA computes annual GDP; the
    /// sum otherwise).
    ///
    /// # Errors
    /// As [`aggregate`](Gdp::aggregate): the annual rate must be stated.
    ///
    /// # Example
    /// ```
    /// use econseries::{Attribute, Error, Quarter, Series, Year};
    /// use econseries::indicator::{Gdp, Metadata, PriceBasis};
    ///
    /// let meta = Metadata::new("US GDP", "US").with_price_basis(PriceBasis::Nominal);
    /// let q = Series::from_values(Quarter::new(2024, 1)?, [100.0, 102.0, 104.0, 106.0])?;
    /// let unstated = Gdp::new(q.clone(), meta.clone())?;
    /// assert!(matches!(unstated.annual(), Err(Error::InvalidMetadata { attribute: Attribute::AnnualRate, .. })));
    /// let gdp = Gdp::new(q, meta.with_annual_rate(true))?;
    /// assert_eq!(gdp.annual()?.get(Year::new(2024)?), Some(103.0));
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn annual(&self) -> Result<Gdp<Year>>
    where
        P: Within<Year>,
    {
        self.aggregate()
    }

    /// The implicit price deflator, `self` being nominal GDP and `real` real
    /// GDP of the same economy, on the periods they have in common:
    ///
    /// ```text
    /// deflator(t) = 100 · nominal(t) / real(t)
    /// ```
    ///
    /// For real GDP in chained dollars of a reference year, the deflator
    /// averages about 100 over that year (exactly 100 for constant prices).
    /// Missing where either value is missing or the real value is not
    /// positive.
    ///
    /// # Errors
    /// - [`Error::InvalidMetadata`] if `self` is not nominal or `real` is not
    ///   real (chained or constant prices);
    /// - [`Error::Incompatible`] if the two differ in area, partner,
    ///   currency, scale, seasonal adjustment or annual-rate flag.
    ///
    /// # Example
    /// ```
    /// use econseries::{Attribute, Error, Quarter, Series, Year};
    /// use econseries::indicator::{Currency, Gdp, Metadata, PriceBasis, Scale};
    ///
    /// let base = Metadata::new("US GDP", "US").with_currency(Currency::USD).with_scale(Scale::Billions);
    /// let chained = PriceBasis::Chained { reference_year: Year::new(2017)? };
    /// let q = Quarter::new(2025, 1)?;
    /// let nominal = Gdp::new(Series::from_values(q, [250.0])?, base.clone().with_price_basis(PriceBasis::Nominal))?;
    /// let real = Gdp::new(Series::from_values(q, [200.0])?, base.clone().with_price_basis(chained))?;
    /// assert_eq!(nominal.deflator(&real)?.get(q), Some(125.0));
    ///
    /// assert!(matches!(real.deflator(&nominal), Err(Error::InvalidMetadata { attribute: Attribute::PriceBasis, .. })));
    /// let real_mn = real.clone().rescaled(Scale::Millions);
    /// assert!(matches!(nominal.deflator(&real_mn), Err(Error::Incompatible { attribute: Attribute::Scale, .. })));
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn deflator(&self, real: &Gdp<P>) -> Result<Series<P>> {
        let nominal_basis = self.price_basis();
        if nominal_basis.is_real() {
            return Err(Error::InvalidMetadata {
                attribute: Attribute::PriceBasis,
                expected: "nominal for the numerator of a deflator",
                found: nominal_basis.to_string().into(),
            });
        }
        let real_basis = real.price_basis();
        if !real_basis.is_real() {
            return Err(Error::InvalidMetadata {
                attribute: Attribute::PriceBasis,
                expected: "chained or constant prices for the denominator of a deflator",
                found: real_basis.to_string().into(),
            });
        }
        check_compatible(
            &self.metadata,
            &real.metadata,
            Checks {
                area: true,
                partner: true,
                price_basis: false,
            },
        )?;
        Ok(combine(&self.series, &real.series, |n, r| {
            if r > 0.0 { 100.0 * n / r } else { f64::NAN }
        }))
    }
}

impl<P: Period> From<Gdp<P>> for Indicator<P> {
    /// A generic indicator of kind [`MeasureKind::Output`].
    fn from(g: Gdp<P>) -> Indicator<P> {
        Indicator::from_parts(g.series, g.metadata, MeasureKind::Output)
    }
}
