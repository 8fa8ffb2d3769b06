//! [`Metadata`] and its attributes: [`Currency`], [`Scale`], [`PriceBasis`],
//! [`SeasonalAdjustment`].

use core::fmt;
use core::str::FromStr;

use chrono::NaiveDate;

use crate::error::{Attribute, Error, Result};
use crate::period::Year;

/// A currency, as its three-letter ISO 4217 code (`USD`, `EUR`, `CNY`).
///
/// The code is stored in upper case; [`Currency::new`] and [`FromStr`] accept
/// either case. Whether the code is actually assigned by ISO is not checked.
///
/// # Example
/// ```
/// use econseries::indicator::Currency;
///
/// assert_eq!(Currency::new("usd")?, Currency::USD);
/// assert_eq!("CNY".parse::<Currency>()?.to_string(), "CNY");
/// assert!(Currency::new("US$").is_err());
/// # Ok::<(), econseries::Error>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(into = "String", try_from = "String"))]
pub struct Currency([u8; 3]);

#[cfg(feature = "serde")]
impl From<Currency> for String {
    fn from(c: Currency) -> String {
        c.to_string()
    }
}

#[cfg(feature = "serde")]
impl TryFrom<String> for Currency {
    type Error = Error;

    fn try_from(s: String) -> Result<Currency> {
        Currency::new(&s)
    }
}

impl Currency {
    /// US dollar.
    pub const USD: Currency = Currency(*b"USD");
    /// Euro.
    pub const EUR: Currency = Currency(*b"EUR");
    /// Chinese yuan renminbi.
    pub const CNY: Currency = Currency(*b"CNY");
    /// Japanese yen.
    pub const JPY: Currency = Currency(*b"JPY");
    /// Pound sterling.
    pub const GBP: Currency = Currency(*b"GBP");

    /// The currency with ISO code `code` (three ASCII letters, any case).
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] unless `code` is three ASCII letters.
    ///
    /// # Example
    /// ```
    /// use econseries::indicator::Currency;
    /// assert_eq!(Currency::new("Eur")?.as_str(), "EUR");
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn new(code: &str) -> Result<Currency> {
        match code.as_bytes() {
            &[a, b, c] if [a, b, c].iter().all(u8::is_ascii_alphabetic) => Ok(Currency([
                a.to_ascii_uppercase(),
                b.to_ascii_uppercase(),
                c.to_ascii_uppercase(),
            ])),
            _ => Err(Error::InvalidArgument {
                name: "currency",
                value: code.to_owned().into(),
                expected: "a three-letter ISO 4217 code such as USD",
            }),
        }
    }

    /// The ISO code, such as `"USD"`.
    ///
    /// # Example
    /// ```
    /// use econseries::indicator::Currency;
    ///
    /// assert_eq!(Currency::USD.as_str(), "USD");
    /// assert_eq!(Currency::new("cny")?.as_str(), "CNY");
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn as_str(&self) -> &str {
        // Only ever built from three ASCII letters.
        core::str::from_utf8(&self.0).unwrap_or("???")
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

impl fmt::Debug for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Currency({})", self.as_str())
    }
}

impl FromStr for Currency {
    type Err = Error;

    /// Same as [`Currency::new`].
    fn from_str(s: &str) -> Result<Currency> {
        Currency::new(s)
    }
}

/// The unit multiplier of published amounts: values "in millions of dollars"
/// have scale [`Scale::Millions`].
///
/// # Example
/// ```
/// use econseries::indicator::Scale;
///
/// assert_eq!(Scale::Millions.factor(), 1e6);
/// assert_eq!(Scale::Billions.to_string(), "billions");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Scale {
    /// Amounts as they are (factor 1).
    #[default]
    Units,
    /// Thousands (10³).
    Thousands,
    /// Millions (10⁶).
    Millions,
    /// Billions, thousands of millions (10⁹).
    Billions,
    /// Trillions, millions of millions (10¹²).
    Trillions,
}

impl Scale {
    /// The multiplier: 1, 10³, 10⁶, 10⁹ or 10¹².
    ///
    /// # Example
    /// ```
    /// use econseries::indicator::Scale;
    ///
    /// assert_eq!(Scale::Millions.factor(), 1e6); // "millions of USD"
    /// assert_eq!(Scale::Trillions.factor() / Scale::Billions.factor(), 1e3);
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub const fn factor(self) -> f64 {
        match self {
            Scale::Units => 1.0,
            Scale::Thousands => 1e3,
            Scale::Millions => 1e6,
            Scale::Billions => 1e9,
            Scale::Trillions => 1e12,
        }
    }

    /// The lowercase name: `units`, `thousands`, ...
    ///
    /// # Example
    /// ```
    /// use econseries::indicator::Scale;
    ///
    /// assert_eq!(Scale::Millions.name(), "millions");
    /// assert_eq!(Scale::default().name(), "units");
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub const fn name(self) -> &'static str {
        match self {
            Scale::Units => "units",
            Scale::Thousands => "thousands",
            Scale::Millions => "millions",
            Scale::Billions => "billions",
            Scale::Trillions => "trillions",
        }
    }

    /// `x`, an amount at scale `self`, expressed at scale `to`
    /// (`Scale::Millions.convert(6553.3, Scale::Billions)` is 6.5533).
    ///
    /// # Example
    /// ```
    /// use econseries::indicator::Scale;
    /// assert_eq!(Scale::Billions.convert(28.8, Scale::Millions), 28_800.0);
    /// assert_eq!(Scale::Millions.convert(6553.3, Scale::Billions), 6.5533);
    /// ```
    pub fn convert(self, x: f64, to: Scale) -> f64 {
        // Powers of ten up to 10^12 are exact in f64, so one multiplication or
        // one division by an exact ratio is correctly rounded.
        if self >= to {
            x * (self.factor() / to.factor())
        } else {
            x / (to.factor() / self.factor())
        }
    }
}

impl fmt::Display for Scale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.name())
    }
}

/// Whether amounts are in current prices or in volumes.
///
/// # Example
/// ```
/// use econseries::Year;
/// use econseries::indicator::PriceBasis;
///
/// let real = PriceBasis::Chained { reference_year: Year::new(2017)? };
/// assert!(real.is_real());
/// assert_eq!(real.to_string(), "chained (reference year 2017)");
/// assert!(!PriceBasis::Nominal.is_real());
/// # Ok::<(), econseries::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(tag = "type", rename_all = "snake_case"))]
#[non_exhaustive]
pub enum PriceBasis {
    /// Current prices (nominal), such as US GDP in billions of dollars (FRED `GDP`).
    Nominal,
    /// Chain-linked volumes expressed in the prices of a reference year, such
    /// as "billions of chained 2017 dollars" (FRED `GDPC1`). Chained
    /// components are not additive.
    Chained {
        /// The year whose prices the volumes are expressed in.
        reference_year: Year,
    },
    /// Volumes at the constant prices of a base year (fixed-base Laspeyres).
    Constant {
        /// The year whose prices are used throughout.
        base_year: Year,
    },
}

impl PriceBasis {
    /// Whether the amounts are volumes (chained or constant prices).
    ///
    /// # Example
    /// ```
    /// use econseries::Year;
    /// use econseries::indicator::PriceBasis;
    ///
    /// assert!(PriceBasis::Chained { reference_year: Year::new(2017)? }.is_real()); // FRED GDPC1
    /// assert!(!PriceBasis::Nominal.is_real()); // FRED GDP
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub const fn is_real(self) -> bool {
        !matches!(self, PriceBasis::Nominal)
    }
}

impl fmt::Display for PriceBasis {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PriceBasis::Nominal => f.write_str("nominal"),
            PriceBasis::Chained { reference_year } => {
                write!(f, "chained (reference year {reference_year})")
            }
            PriceBasis::Constant { base_year } => write!(f, "constant prices of {base_year}"),
        }
    }
}

/// Whether a series is seasonally adjusted.
///
/// Part of a series' identity: period-on-period changes (m/m, q/q) are only
/// informative on adjusted data, while year-on-year changes work on either
/// (Eurostat's convention: q/q-1 on SCA data, q/q-4 on raw data).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum SeasonalAdjustment {
    /// Seasonally (and possibly calendar) adjusted.
    Adjusted,
    /// Not seasonally adjusted (raw).
    NotAdjusted,
    /// Seasonally adjusted by the X-11 method of the Census X-13ARIMA-SEATS
    /// program, in the given mode ([`X11`](crate::seasonal::X11)).
    X11(crate::seasonal::X11Mode),
}

impl fmt::Display for SeasonalAdjustment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(match self {
            SeasonalAdjustment::Adjusted => "seasonally adjusted",
            SeasonalAdjustment::NotAdjusted => "not seasonally adjusted",
            SeasonalAdjustment::X11(mode) => {
                return write!(f, "seasonally adjusted (X-11, {mode})");
            }
        })
    }
}

/// What a series is: its name, where it is from, and the unit of its numbers.
///
/// Built with [`Metadata::new`] and by-value `with_*` setters. Attributes that
/// were not set are `None` (currency, price basis, seasonal adjustment,
/// partner, source, vintage), `Scale::Units`, and not at an annual rate.
/// Compatibility checks ([`TradeBalance::new`](crate::indicator::TradeBalance::new),
/// [`Gdp::deflator`](crate::indicator::Gdp::deflator)) compare attributes
/// exactly, so "not set" only matches "not set".
///
/// Areas and partners are free text compared exactly: use one convention
/// throughout (ISO 3166 codes such as `US` and `CN` are a good one).
///
/// # Example
/// ```
/// use econseries::indicator::{Currency, Metadata, Scale, SeasonalAdjustment};
///
/// let meta = Metadata::new("US imports of goods from China", "US")
///     .with_partner("CN")
///     .with_currency(Currency::USD)
///     .with_scale(Scale::Millions)
///     .with_seasonal_adjustment(SeasonalAdjustment::NotAdjusted)
///     .with_source("US Census Bureau via FRED (IMPCH)");
/// assert_eq!(meta.partner(), Some("CN"));
/// assert_eq!(meta.scale(), Scale::Millions);
/// assert_eq!(meta.annual_rate(), None); // not stated
/// # Ok::<(), econseries::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Metadata {
    name: String,
    area: String,
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    partner: Option<String>,
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    currency: Option<Currency>,
    #[cfg_attr(feature = "serde", serde(default))]
    scale: Scale,
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    price_basis: Option<PriceBasis>,
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    seasonal_adjustment: Option<SeasonalAdjustment>,
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    annual_rate: Option<bool>,
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    source: Option<String>,
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    vintage: Option<NaiveDate>,
}

impl Metadata {
    /// Metadata with a name and a (reporting) area; everything else unset.
    ///
    /// # Example
    /// ```
    /// use econseries::indicator::{Metadata, Scale};
    ///
    /// let meta = Metadata::new("US imports of goods from China", "US");
    /// assert_eq!((meta.name(), meta.area()), ("US imports of goods from China", "US"));
    /// assert_eq!((meta.partner(), meta.currency(), meta.scale()), (None, None, Scale::Units));
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn new(name: impl Into<String>, area: impl Into<String>) -> Metadata {
        Metadata {
            name: name.into(),
            area: area.into(),
            partner: None,
            currency: None,
            scale: Scale::Units,
            price_basis: None,
            seasonal_adjustment: None,
            annual_rate: None,
            source: None,
            vintage: None,
        }
    }

    /// With another name.
    ///
    /// # Example
    /// ```
    /// use econseries::indicator::Metadata;
    ///
    /// let meta = Metadata::new("IMPCH", "US").with_name("US imports of goods from China");
    /// assert_eq!(meta.name(), "US imports of goods from China");
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn with_name(mut self, name: impl Into<String>) -> Metadata {
        self.name = name.into();
        self
    }

    /// With another reporting area.
    ///
    /// # Example
    /// ```
    /// use econseries::indicator::Metadata;
    ///
    /// // The same flow reported by the other side.
    /// let meta = Metadata::new("China exports to the US", "US").with_area("CN");
    /// assert_eq!(meta.area(), "CN");
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn with_area(mut self, area: impl Into<String>) -> Metadata {
        self.area = area.into();
        self
    }

    /// With a partner area (the counterpart of bilateral trade: China for US
    /// imports from China).
    ///
    /// # Example
    /// ```
    /// use econseries::indicator::Metadata;
    ///
    /// let meta = Metadata::new("US imports of goods from China", "US").with_partner("CN");
    /// assert_eq!((meta.area(), meta.partner()), ("US", Some("CN")));
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn with_partner(mut self, partner: impl Into<String>) -> Metadata {
        self.partner = Some(partner.into());
        self
    }

    /// With the currency the amounts are in.
    ///
    /// # Example
    /// ```
    /// use econseries::indicator::{Currency, Metadata};
    ///
    /// let meta = Metadata::new("US imports of goods from China", "US").with_currency(Currency::USD);
    /// assert_eq!(meta.currency(), Some(Currency::USD));
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn with_currency(mut self, currency: Currency) -> Metadata {
        self.currency = Some(currency);
        self
    }

    /// With the unit multiplier of the amounts.
    ///
    /// # Example
    /// ```
    /// use econseries::indicator::{Metadata, Scale};
    ///
    /// let meta = Metadata::new("US imports of goods from China", "US").with_scale(Scale::Millions);
    /// assert_eq!(meta.scale(), Scale::Millions);
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn with_scale(mut self, scale: Scale) -> Metadata {
        self.scale = scale;
        self
    }

    /// With a price basis (nominal, chained or constant prices).
    ///
    /// # Example
    /// ```
    /// use econseries::Year;
    /// use econseries::indicator::{Metadata, PriceBasis};
    ///
    /// let chained = PriceBasis::Chained { reference_year: Year::new(2017)? };
    /// let meta = Metadata::new("US real GDP", "US").with_price_basis(chained);
    /// assert!(meta.price_basis().is_some_and(PriceBasis::is_real));
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn with_price_basis(mut self, price_basis: PriceBasis) -> Metadata {
        self.price_basis = Some(price_basis);
        self
    }

    /// With a seasonal-adjustment status.
    ///
    /// # Example
    /// ```
    /// use econseries::indicator::{Metadata, SeasonalAdjustment};
    ///
    /// let meta = Metadata::new("US imports of goods from China", "US")
    ///     .with_seasonal_adjustment(SeasonalAdjustment::NotAdjusted);
    /// assert_eq!(meta.seasonal_adjustment(), Some(SeasonalAdjustment::NotAdjusted));
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn with_seasonal_adjustment(mut self, sa: SeasonalAdjustment) -> Metadata {
        self.seasonal_adjustment = Some(sa);
        self
    }

    /// Whether the values of a flow are expressed at an annual rate (BEA's
    /// quarterly and monthly NIPA levels: the quarter's flow times 4, the
    /// month's times 12). Such a series aggregates to a coarser period by the
    /// mean, not the sum.
    ///
    /// # Example
    /// ```
    /// use econseries::indicator::Metadata;
    ///
    /// // FRED GDP: billions of dollars, seasonally adjusted annual rate.
    /// let meta = Metadata::new("US GDP", "US").with_annual_rate(true);
    /// assert_eq!(meta.annual_rate(), Some(true));
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn with_annual_rate(mut self, annual_rate: bool) -> Metadata {
        self.annual_rate = Some(annual_rate);
        self
    }

    /// With a source (agency, database, series id).
    ///
    /// # Example
    /// ```
    /// use econseries::indicator::Metadata;
    ///
    /// let meta = Metadata::new("US imports of goods from China", "US")
    ///     .with_source("US Census Bureau via FRED (IMPCH)");
    /// assert_eq!(meta.source(), Some("US Census Bureau via FRED (IMPCH)"));
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn with_source(mut self, source: impl Into<String>) -> Metadata {
        self.source = Some(source.into());
        self
    }

    /// With a vintage: the date the values were published or downloaded,
    /// which tells apart releases of the same series (GDP's advance estimate
    /// from the revised one).
    ///
    /// # Example
    /// ```
    /// use econseries::{Month, Period};
    /// use econseries::indicator::Metadata;
    ///
    /// // Downloaded on 2025-08-01.
    /// let meta = Metadata::new("US imports of goods from China", "US").with_vintage(Month::new(2025, 8)?.first_day());
    /// assert_eq!(meta.vintage().map(|d| d.to_string()), Some("2025-08-01".to_owned()));
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn with_vintage(mut self, vintage: NaiveDate) -> Metadata {
        self.vintage = Some(vintage);
        self
    }

    /// The series' name.
    ///
    /// # Example
    /// ```
    /// use econseries::indicator::Metadata;
    ///
    /// let meta = Metadata::new("US imports of goods from China", "US");
    /// assert_eq!(meta.name(), "US imports of goods from China");
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The reporting area.
    ///
    /// # Example
    /// ```
    /// use econseries::indicator::Metadata;
    ///
    /// let meta = Metadata::new("US imports of goods from China", "US");
    /// assert_eq!(meta.area(), "US");
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn area(&self) -> &str {
        &self.area
    }

    /// The partner area, for bilateral series.
    ///
    /// # Example
    /// ```
    /// use econseries::indicator::Metadata;
    ///
    /// let meta = Metadata::new("US imports of goods from China", "US");
    /// assert_eq!(meta.partner(), None);
    /// assert_eq!(meta.with_partner("CN").partner(), Some("CN"));
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn partner(&self) -> Option<&str> {
        self.partner.as_deref()
    }

    /// The currency, for amounts of money.
    ///
    /// # Example
    /// ```
    /// use econseries::indicator::{Currency, Metadata};
    ///
    /// let meta = Metadata::new("US imports of goods from China", "US");
    /// assert_eq!(meta.currency(), None);
    /// assert_eq!(meta.with_currency(Currency::USD).currency(), Some(Currency::USD));
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn currency(&self) -> Option<Currency> {
        self.currency
    }

    /// The unit multiplier.
    ///
    /// # Example
    /// ```
    /// use econseries::indicator::{Metadata, Scale};
    ///
    /// let meta = Metadata::new("US imports of goods from China", "US");
    /// assert_eq!(meta.scale(), Scale::Units); // unless set
    /// assert_eq!(meta.with_scale(Scale::Millions).scale(), Scale::Millions);
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn scale(&self) -> Scale {
        self.scale
    }

    /// The price basis, if stated.
    ///
    /// # Example
    /// ```
    /// use econseries::indicator::{Metadata, PriceBasis};
    ///
    /// let meta = Metadata::new("US GDP", "US");
    /// assert_eq!(meta.price_basis(), None);
    /// assert_eq!(meta.with_price_basis(PriceBasis::Nominal).price_basis(), Some(PriceBasis::Nominal));
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn price_basis(&self) -> Option<PriceBasis> {
        self.price_basis
    }

    /// The seasonal-adjustment status, if stated.
    ///
    /// # Example
    /// ```
    /// use econseries::indicator::{Metadata, SeasonalAdjustment};
    ///
    /// let meta = Metadata::new("US GDP", "US");
    /// assert_eq!(meta.seasonal_adjustment(), None);
    /// let sa = meta.with_seasonal_adjustment(SeasonalAdjustment::Adjusted);
    /// assert_eq!(sa.seasonal_adjustment(), Some(SeasonalAdjustment::Adjusted));
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn seasonal_adjustment(&self) -> Option<SeasonalAdjustment> {
        self.seasonal_adjustment
    }

    /// Whether the values are at an annual rate: `None` unless stated. A
    /// flow's aggregation to a coarser period needs it stated (the mean of
    /// annual-rate levels, the sum of plain flows), so that a SAAR series is
    /// never summed into a number four or twelve times too large.
    ///
    /// # Example
    /// ```
    /// use econseries::indicator::Metadata;
    ///
    /// let meta = Metadata::new("US GDP", "US");
    /// assert_eq!(meta.annual_rate(), None); // unless stated
    /// assert_eq!(meta.with_annual_rate(true).annual_rate(), Some(true));
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn annual_rate(&self) -> Option<bool> {
        self.annual_rate
    }

    /// The source, if stated.
    ///
    /// # Example
    /// ```
    /// use econseries::indicator::Metadata;
    ///
    /// let meta = Metadata::new("US GDP", "US");
    /// assert_eq!(meta.source(), None);
    /// assert_eq!(meta.with_source("BEA via FRED (GDP)").source(), Some("BEA via FRED (GDP)"));
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn source(&self) -> Option<&str> {
        self.source.as_deref()
    }

    /// The vintage, if stated.
    ///
    /// # Example
    /// ```
    /// use econseries::{Period, Quarter};
    /// use econseries::indicator::Metadata;
    ///
    /// let meta = Metadata::new("US GDP", "US");
    /// assert_eq!(meta.vintage(), None);
    /// let release = Quarter::new(2025, 3)?.first_day(); // downloaded on 2025-07-01
    /// assert_eq!(meta.with_vintage(release).vintage(), Some(release));
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn vintage(&self) -> Option<NaiveDate> {
        self.vintage
    }

    /// Sets the scale without touching anything else (the caller rescales
    /// the values).
    pub(crate) fn set_scale(&mut self, scale: Scale) {
        self.scale = scale;
    }

    /// Without a source.
    pub(crate) fn without_source(mut self) -> Metadata {
        self.source = None;
        self
    }

    /// Without a vintage.
    pub(crate) fn without_vintage(mut self) -> Metadata {
        self.vintage = None;
        self
    }
}

/// Renders an optional attribute for an error message.
fn show<T: fmt::Display>(x: Option<T>) -> String {
    x.map_or_else(|| "none".to_owned(), |x| x.to_string())
}

/// `Ok` if `left == right`, else [`Error::Incompatible`] naming `attribute`.
fn same<T: PartialEq + fmt::Display>(
    attribute: Attribute,
    left: Option<T>,
    right: Option<T>,
) -> Result<()> {
    if left == right {
        Ok(())
    } else {
        Err(Error::Incompatible {
            attribute,
            left: show(left).into(),
            right: show(right).into(),
        })
    }
}

/// The attributes that must agree for two amounts to be added, subtracted or
/// divided, checked in a fixed order; the first that differs is named in the
/// error. `area` and `partner` are checked only when asked.
pub(crate) struct Checks {
    pub(crate) area: bool,
    pub(crate) partner: bool,
    pub(crate) price_basis: bool,
}

pub(crate) fn check_compatible(left: &Metadata, right: &Metadata, checks: Checks) -> Result<()> {
    if checks.area {
        same(Attribute::Area, Some(left.area()), Some(right.area()))?;
    }
    if checks.partner {
        same(Attribute::Partner, left.partner(), right.partner())?;
    }
    same(Attribute::Currency, left.currency, right.currency)?;
    same(Attribute::Scale, Some(left.scale), Some(right.scale))?;
    if checks.price_basis {
        same(Attribute::PriceBasis, left.price_basis, right.price_basis)?;
    }
    same(
        Attribute::SeasonalAdjustment,
        left.seasonal_adjustment,
        right.seasonal_adjustment,
    )?;
    same(Attribute::AnnualRate, left.annual_rate, right.annual_rate)?;
    Ok(())
}

/// [`Error::InvalidMetadata`] for an attribute that is not set.
pub(crate) fn missing(attribute: Attribute, expected: &'static str) -> Error {
    Error::InvalidMetadata {
        attribute,
        expected,
        found: "none".to_owned().into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn currency_codes() {
        assert_eq!(Currency::new("cny").unwrap(), Currency::CNY);
        assert_eq!(format!("{:?}", Currency::EUR), "Currency(EUR)");
        for bad in ["", "US", "USDT", "U$D", "ÉUR"] {
            assert!(
                matches!(Currency::new(bad), Err(Error::InvalidArgument { .. })),
                "{bad}"
            );
        }
    }

    #[test]
    fn scale_conversion_is_exact_for_round_numbers() {
        assert_eq!(
            Scale::Millions.convert(20_493.855_247, Scale::Millions),
            20_493.855_247
        );
        assert_eq!(Scale::Thousands.convert(1.5, Scale::Units), 1500.0);
        assert_eq!(Scale::Units.convert(1500.0, Scale::Thousands), 1.5);
        assert_eq!(Scale::Trillions.convert(1.0, Scale::Millions), 1e6);
    }

    #[test]
    fn compatibility_names_the_first_difference() {
        let a = Metadata::new("a", "US")
            .with_currency(Currency::USD)
            .with_scale(Scale::Millions);
        let b = a.clone().with_scale(Scale::Billions).with_annual_rate(true);
        let all = || Checks {
            area: true,
            partner: true,
            price_basis: true,
        };
        let e = check_compatible(&a, &b, all()).unwrap_err();
        assert_eq!(e.to_string(), "incompatible scale: millions vs billions");
        let c = a.clone().with_partner("CN");
        let e = check_compatible(&a, &c, all()).unwrap_err();
        assert_eq!(e.to_string(), "incompatible partner: none vs CN");
        assert!(
            check_compatible(
                &a,
                &c,
                Checks {
                    partner: false,
                    ..all()
                }
            )
            .is_ok()
        );
        let d = a.clone().with_annual_rate(true);
        assert!(matches!(
            check_compatible(&a, &d, all()),
            Err(Error::Incompatible {
                attribute: Attribute::AnnualRate,
                ..
            })
        ));
    }
}
