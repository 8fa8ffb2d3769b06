//! [`AnySeries`]: a series whose frequency is known only at run time.

use std::io::Write;

use crate::error::{Error, Result};
use crate::period::{Frequency, Month, Quarter, Year};
use crate::series::Series;
use crate::transform::{Aggregation, Units};

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
macro_rules! each {
    ($any:expr, $s:ident => $body:expr) => {
        match $any {
            AnySeries::Monthly($s) => $body,
            AnySeries::Quarterly($s) => $body,
            AnySeries::Annual($s) => $body,
        }
    };
}

/// Like `each!`, rewrapping the result in the same variant.
macro_rules! map {
    ($any:expr, $s:ident => $body:expr) => {
        match $any {
            AnySeries::Monthly($s) => AnySeries::Monthly($body),
            AnySeries::Quarterly($s) => AnySeries::Quarterly($body),
            AnySeries::Annual($s) => AnySeries::Annual($body),
        }
    };
}

impl AnySeries {
    /// Writes the series as CSV, as [`Series::write_csv`] does.
    ///
    /// # Errors
    /// [`Error::Io`] if writing fails.
    ///
    /// # Example
    /// ```
    /// use econseries::{AnySeries, io::ReadOptions};
    ///
    /// let any = AnySeries::read("observation_date,GDP\n2025-01-01,1\n2025-07-01,3\n".as_bytes(), &ReadOptions::new())?;
    /// let mut out = Vec::new();
    /// any.write_csv(&mut out)?;
    /// assert_eq!(out, b"period,value\n2025-Q1,1\n2025-Q2,\n2025-Q3,3\n");
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn write_csv(&self, writer: impl Write) -> Result<()> {
        each!(self, s => s.write_csv(writer))
    }

    /// The series as CSV text, as [`Series::to_csv_string`] gives it.
    ///
    /// # Example
    /// ```
    /// use econseries::{AnySeries, io::ReadOptions};
    ///
    /// let any = AnySeries::read(" 1871 , 1120 \r\n1872,1160\r\n".as_bytes(), &ReadOptions::new())?;
    /// assert_eq!(any.to_csv_string(), "period,value\n1871,1120\n1872,1160\n");
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn to_csv_string(&self) -> String {
        each!(self, s => s.to_csv_string())
    }

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
        each!(self, s => s.frequency())
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
        each!(self, s => s.len())
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
        each!(self, s => s.is_empty())
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
        each!(self, s => s.count())
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

    /// Applies one of FRED's units, as [`Series::units`] does.
    ///
    /// # Example
    /// ```
    /// use econseries::{AnySeries, Units, io::ReadOptions};
    ///
    /// let any = AnySeries::read("1871,100\n1872,110\n".as_bytes(), &ReadOptions::new())?;
    /// let growth = any.units(Units::Pch);
    /// assert_eq!(growth.to_csv_string(), "period,value\n1871,\n1872,10.000000000000009\n");
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn units(&self, units: Units) -> AnySeries {
        map!(self, s => s.units(units))
    }

    /// Converts to the coarser frequency `to`, as [`Series::aggregate`] does: a
    /// coarser period is missing unless all its sub-periods are present.
    ///
    /// # Errors
    /// [`Error::NotCoarser`] unless `to` is coarser than the series' frequency.
    ///
    /// # Example
    /// ```
    /// use econseries::{AnySeries, Aggregation, Frequency, io::ReadOptions};
    ///
    /// let any = AnySeries::read("2025-01,1\n2025-02,2\n2025-03,6\n".as_bytes(), &ReadOptions::new())?;
    /// let q = any.aggregate(Frequency::Quarterly, Aggregation::Mean)?;
    /// assert_eq!(q.to_csv_string(), "period,value\n2025-Q1,3\n");
    /// assert!(q.aggregate(Frequency::Monthly, Aggregation::Mean).is_err());
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn aggregate(&self, to: Frequency, method: Aggregation) -> Result<AnySeries> {
        self.convert(to, method, None)
    }

    /// Like [`aggregate`](AnySeries::aggregate), but a coarser period needs
    /// only `min_count` present sub-periods, as [`Series::aggregate_with`].
    ///
    /// # Errors
    /// [`Error::NotCoarser`] unless `to` is coarser than the series'
    /// frequency; [`Error::InvalidArgument`] unless `min_count` is between 1
    /// and the number of sub-periods in a `to` period.
    ///
    /// # Example
    /// ```
    /// use econseries::{AnySeries, Aggregation, Frequency, io::ReadOptions};
    ///
    /// let any = AnySeries::read("2025-01,1\n2025-02,2\n".as_bytes(), &ReadOptions::new())?;
    /// let strict = any.aggregate(Frequency::Quarterly, Aggregation::Mean)?;
    /// assert_eq!(strict.count(), 0);
    /// let lenient = any.aggregate_with(Frequency::Quarterly, Aggregation::Mean, 2)?;
    /// assert_eq!(lenient.to_csv_string(), "period,value\n2025-Q1,1.5\n");
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn aggregate_with(
        &self,
        to: Frequency,
        method: Aggregation,
        min_count: u32,
    ) -> Result<AnySeries> {
        self.convert(to, method, Some(min_count))
    }

    fn convert(
        &self,
        to: Frequency,
        method: Aggregation,
        min_count: Option<u32>,
    ) -> Result<AnySeries> {
        Ok(match (self, to) {
            (AnySeries::Monthly(s), Frequency::Quarterly) => {
                AnySeries::Quarterly(match min_count {
                    None => s.aggregate(method),
                    Some(n) => s.aggregate_with(method, n)?,
                })
            }
            (AnySeries::Monthly(s), Frequency::Annual) => AnySeries::Annual(match min_count {
                None => s.aggregate(method),
                Some(n) => s.aggregate_with(method, n)?,
            }),
            (AnySeries::Quarterly(s), Frequency::Annual) => AnySeries::Annual(match min_count {
                None => s.aggregate(method),
                Some(n) => s.aggregate_with(method, n)?,
            }),
            _ => {
                return Err(Error::NotCoarser {
                    from: self.frequency(),
                    to,
                });
            }
        })
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
