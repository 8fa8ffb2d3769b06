//! [`AnyVintagedSeries`]: a vintaged series whose frequency is known only at run time.

use chrono::NaiveDate;

use super::revision::RevisionStats;
use super::series::VintagedSeries;
use crate::error::{Error, Result};
use crate::io::AnySeries;
use crate::period::{Frequency, Month, Quarter, Year};
use crate::transform::Units;

/// A plain-number [`VintagedSeries`] of a frequency decided at run time, such
/// as one read from an ALFRED file.
///
/// # Example
/// ```
/// use econseries::{Frequency, io::ReadOptions, vintage::AnyVintagedSeries};
///
/// let alfred = "observation_date,GDPC1_20250430,GDPC1_20251223\n\
///               2024-10-01,23542.349,23586.542\n\
///               2025-01-01,23526.085,23548.21\n";
/// let gdp = AnyVintagedSeries::read(alfred.as_bytes(), &ReadOptions::new())?;
/// assert_eq!(gdp.frequency(), Frequency::Quarterly);
/// let first = gdp.first_release();
/// assert_eq!(first.to_csv_string(), "period,value\n2024-Q4,23542.349\n2025-Q1,23526.085\n");
/// # Ok::<(), econseries::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum AnyVintagedSeries {
    /// A monthly vintaged series.
    Monthly(VintagedSeries<Month>),
    /// A quarterly vintaged series.
    Quarterly(VintagedSeries<Quarter>),
    /// An annual vintaged series.
    Annual(VintagedSeries<Year>),
}

macro_rules! each {
    ($any:expr, $s:ident => $body:expr) => {
        match $any {
            AnyVintagedSeries::Monthly($s) => $body,
            AnyVintagedSeries::Quarterly($s) => $body,
            AnyVintagedSeries::Annual($s) => $body,
        }
    };
}

macro_rules! to_any {
    ($any:expr, $s:ident => $body:expr) => {
        match $any {
            AnyVintagedSeries::Monthly($s) => AnySeries::Monthly($body),
            AnyVintagedSeries::Quarterly($s) => AnySeries::Quarterly($body),
            AnyVintagedSeries::Annual($s) => AnySeries::Annual($body),
        }
    };
}

impl AnyVintagedSeries {
    /// The series' frequency.
    pub fn frequency(&self) -> Frequency {
        match self {
            AnyVintagedSeries::Monthly(_) => Frequency::Monthly,
            AnyVintagedSeries::Quarterly(_) => Frequency::Quarterly,
            AnyVintagedSeries::Annual(_) => Frequency::Annual,
        }
    }

    /// The number of stored values; see [`VintagedSeries::len`].
    pub fn len(&self) -> usize {
        each!(self, s => s.len())
    }

    /// Whether there are no values at all.
    pub fn is_empty(&self) -> bool {
        each!(self, s => s.is_empty())
    }

    /// The dates on which some value was published or revised.
    pub fn vintage_dates(&self) -> Vec<NaiveDate> {
        each!(self, s => s.vintage_dates())
    }

    /// The series as known on `date`; see [`VintagedSeries::as_of`].
    pub fn as_of(&self, date: NaiveDate) -> AnySeries {
        to_any!(self, s => s.as_of(date))
    }

    /// The first release of every period; see [`VintagedSeries::first_release`].
    pub fn first_release(&self) -> AnySeries {
        to_any!(self, s => s.first_release())
    }

    /// The `n`-th release of every period; see [`VintagedSeries::release`].
    pub fn release(&self, n: usize) -> AnySeries {
        to_any!(self, s => s.release(n))
    }

    /// The series as of the latest vintage date; see [`VintagedSeries::latest`].
    pub fn latest(&self) -> AnySeries {
        to_any!(self, s => s.latest())
    }

    /// One of FRED's units computed within every vintage, as
    /// [`VintagedSeries::map_vintages`] does with [`Series::units`](crate::Series::units).
    ///
    /// # Example
    /// ```
    /// use econseries::{Units, io::ReadOptions, vintage::AnyVintagedSeries};
    ///
    /// let alfred = "observation_date,GDPC1_20250430,GDPC1_20251223\n\
    ///               2024-10-01,23542.349,23586.542\n\
    ///               2025-01-01,23526.085,23548.21\n";
    /// let growth = AnyVintagedSeries::read(alfred.as_bytes(), &ReadOptions::new())?.units(Units::Pca);
    /// let first = growth.first_release().to_csv_string();
    /// assert!(first.contains("\n2025-Q1,-0.27604983724")); // and more digits
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn units(&self, units: Units) -> AnyVintagedSeries {
        match self {
            AnyVintagedSeries::Monthly(s) => {
                AnyVintagedSeries::Monthly(s.map_vintages(|v| v.units(units)))
            }
            AnyVintagedSeries::Quarterly(s) => {
                AnyVintagedSeries::Quarterly(s.map_vintages(|v| v.units(units)))
            }
            AnyVintagedSeries::Annual(s) => {
                AnyVintagedSeries::Annual(s.map_vintages(|v| v.units(units)))
            }
        }
    }

    /// First release against latest: the two series and their revision
    /// statistics; see [`Revisions`](super::Revisions).
    ///
    /// # Errors
    /// As [`Revisions::stats`](super::Revisions::stats).
    pub fn revisions(&self) -> Result<(AnySeries, AnySeries, RevisionStats)> {
        Ok(match self {
            AnyVintagedSeries::Monthly(s) => {
                let r = s.revisions();
                let stats = r.stats()?;
                (r.first().clone().into(), r.latest().clone().into(), stats)
            }
            AnyVintagedSeries::Quarterly(s) => {
                let r = s.revisions();
                let stats = r.stats()?;
                (r.first().clone().into(), r.latest().clone().into(), stats)
            }
            AnyVintagedSeries::Annual(s) => {
                let r = s.revisions();
                let stats = r.stats()?;
                (r.first().clone().into(), r.latest().clone().into(), stats)
            }
        })
    }
}

macro_rules! conversions {
    ($period:ty, $variant:ident) => {
        impl From<VintagedSeries<$period>> for AnyVintagedSeries {
            fn from(s: VintagedSeries<$period>) -> AnyVintagedSeries {
                AnyVintagedSeries::$variant(s)
            }
        }

        impl TryFrom<AnyVintagedSeries> for VintagedSeries<$period> {
            type Error = Error;

            /// The typed vintaged series.
            ///
            /// # Errors
            /// [`Error::FrequencyMismatch`] if the series has another frequency.
            fn try_from(any: AnyVintagedSeries) -> Result<VintagedSeries<$period>> {
                match any {
                    AnyVintagedSeries::$variant(s) => Ok(s),
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
