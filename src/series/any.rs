//! [`AnySeries`]: a series whose frequency is known only at run time.

use super::Series;
use crate::error::{Error, Result};
use crate::period::{Frequency, Month, Quarter, Year};

/// A plain-number series whose frequency is decided at run time, such as one
/// read from a file: monthly, quarterly or annual.
///
/// Convert to a typed [`Series`] with `TryFrom` (or borrow with
/// [`as_monthly`](AnySeries::as_monthly) and friends), and back with `From`.
///
/// # Example
/// ```
/// use econseries::{AnySeries, Frequency, Quarter, Series, io::ReadOptions};
///
/// let any = AnySeries::read("date,GDPC1\n2024-10-01,23542.349\n2025-01-01,23526.085\n".as_bytes(), &ReadOptions::new())?;
/// assert_eq!(any.frequency(), Frequency::Quarterly);
/// let gdp = Series::<Quarter>::try_from(any)?;
/// assert_eq!(gdp.get("2025-Q1".parse()?), Some(23526.085));
/// # Ok::<(), econseries::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum AnySeries {
    /// A monthly series.
    Monthly(Series<Month>),
    /// A quarterly series.
    Quarterly(Series<Quarter>),
    /// An annual series.
    Annual(Series<Year>),
}

/// Evaluates `$body` with `$s` bound to the inner series, whatever its frequency.
macro_rules! each_any {
    ($any:expr, $s:ident => $body:expr) => {
        match $any {
            AnySeries::Monthly($s) => $body,
            AnySeries::Quarterly($s) => $body,
            AnySeries::Annual($s) => $body,
        }
    };
}

/// Like `each!`, rewrapping the result in the same variant.
macro_rules! map_any {
    ($any:expr, $s:ident => $body:expr) => {
        match $any {
            AnySeries::Monthly($s) => AnySeries::Monthly($body),
            AnySeries::Quarterly($s) => AnySeries::Quarterly($body),
            AnySeries::Annual($s) => AnySeries::Annual($body),
        }
    };
}

pub(crate) use each_any;
pub(crate) use map_any;

impl AnySeries {
    /// The series' frequency.
    ///
    /// # Example
    /// ```
    /// use econseries::{AnySeries, Frequency, io::ReadOptions};
    ///
    /// let gdp = AnySeries::read("observation_date,GDP\n2025-01-01,30042.113\n2025-04-01,30485.729\n".as_bytes(), &ReadOptions::new())?;
    /// assert_eq!(gdp.frequency(), Frequency::Quarterly);
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn frequency(&self) -> Frequency {
        each_any!(self, s => s.frequency())
    }

    /// The number of periods spanned, missing ones included.
    ///
    /// # Example
    /// ```
    /// use econseries::{AnySeries, io::ReadOptions};
    ///
    /// let imports = AnySeries::read("period,value\n2025-04,25378.1\n2025-06,18948.7\n".as_bytes(), &ReadOptions::new())?;
    /// assert_eq!(imports.len(), 3); // May is absent: missing, but in the span
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn len(&self) -> usize {
        each_any!(self, s => s.len())
    }

    /// Whether the series spans no periods.
    ///
    /// # Example
    /// ```
    /// use econseries::{AnySeries, Month, Series, io::ReadOptions};
    ///
    /// assert!(!AnySeries::read("period,value\n2025-05,20493.9\n".as_bytes(), &ReadOptions::new())?.is_empty());
    /// assert!(AnySeries::from(Series::<Month>::empty(Month::new(2025, 5)?)).is_empty());
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn is_empty(&self) -> bool {
        each_any!(self, s => s.is_empty())
    }

    /// The number of non-missing values.
    ///
    /// # Example
    /// ```
    /// use econseries::{AnySeries, io::ReadOptions};
    ///
    /// let imports = AnySeries::read("period,value\n2025-04,25378.1\n2025-06,18948.7\n".as_bytes(), &ReadOptions::new())?;
    /// assert_eq!((imports.count(), imports.len()), (2, 3));
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn count(&self) -> usize {
        each_any!(self, s => s.count())
    }

    /// The monthly series, if it is one.
    ///
    /// # Example
    /// ```
    /// use econseries::{AnySeries, Month, io::ReadOptions};
    ///
    /// let imports = AnySeries::read("period,value\n2025-05,20493.9\n".as_bytes(), &ReadOptions::new())?;
    /// let may = Month::new(2025, 5)?;
    /// assert_eq!(imports.as_monthly().and_then(|s| s.get(may)), Some(20_493.9));
    /// assert!(imports.as_quarterly().is_none());
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn as_monthly(&self) -> Option<&Series<Month>> {
        match self {
            AnySeries::Monthly(s) => Some(s),
            _ => None,
        }
    }

    /// The quarterly series, if it is one.
    ///
    /// # Example
    /// ```
    /// use econseries::{AnySeries, Quarter, io::ReadOptions};
    ///
    /// let gdp = AnySeries::read("period,value\n2025-Q1,30042.113\n".as_bytes(), &ReadOptions::new())?;
    /// let q1 = Quarter::new(2025, 1)?;
    /// assert_eq!(gdp.as_quarterly().and_then(|s| s.get(q1)), Some(30_042.113));
    /// assert!(gdp.as_monthly().is_none());
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn as_quarterly(&self) -> Option<&Series<Quarter>> {
        match self {
            AnySeries::Quarterly(s) => Some(s),
            _ => None,
        }
    }

    /// The annual series, if it is one.
    ///
    /// # Example
    /// ```
    /// use econseries::{AnySeries, Year, io::ReadOptions};
    ///
    /// let gdp = AnySeries::read("period,value\n2024,29298.013\n".as_bytes(), &ReadOptions::new())?;
    /// let y2024 = Year::new(2024)?;
    /// assert_eq!(gdp.as_annual().and_then(|s| s.get(y2024)), Some(29_298.013));
    /// assert!(gdp.as_quarterly().is_none());
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn as_annual(&self) -> Option<&Series<Year>> {
        match self {
            AnySeries::Annual(s) => Some(s),
            _ => None,
        }
    }
}

macro_rules! conversions {
    ($period:ty, $variant:ident) => {
        impl From<Series<$period>> for AnySeries {
            fn from(s: Series<$period>) -> AnySeries {
                AnySeries::$variant(s)
            }
        }

        impl TryFrom<AnySeries> for Series<$period> {
            type Error = Error;

            /// The typed series.
            ///
            /// # Errors
            /// [`Error::FrequencyMismatch`] if the series has another frequency.
            fn try_from(any: AnySeries) -> Result<Series<$period>> {
                match any {
                    AnySeries::$variant(s) => Ok(s),
                    other => Err(Error::FrequencyMismatch {
                        expected: Frequency::$variant,
                        found: other.frequency(),
                    }),
                }
            }
        }
    };
}

conversions!(Month, Monthly);
conversions!(Quarter, Quarterly);
conversions!(Year, Annual);
