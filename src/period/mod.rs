//! Calendar periods: [`Month`], [`Quarter`] and [`Year`] as values.
//!
//! A period is a whole calendar interval, not a timestamp: `2025-05` is all of
//! May 2025. Periods of one frequency are totally ordered and support ordinal
//! arithmetic (`Month + 12` is the same month a year later), which is what makes
//! lags "by calendar, never by row" cheap: on a regular [`Series`](crate::Series)
//! a lag is an index offset.
//!
//! # Text forms
//!
//! | type | canonical | also accepted |
//! |---|---|---|
//! | [`Month`] | `2025-05` | `2025-05-01` (FRED's first-of-period date) |
//! | [`Quarter`] | `2025-Q1` | `2025Q1`, `2025q1`, `2025-q1`, `2025-01-01` |
//! | [`Year`] | `2025` | `2025-01-01` |
//!
//! A date that is not the first day of its period (`2025-03-31`) is rejected
//! rather than silently mapped: use [`Period::containing`] for that.
//!
//! # Range
//!
//! Years run from [`MIN_YEAR`] to [`MAX_YEAR`] (1 to 9999, the four-digit years
//! of the text forms). This bound is also **the maximum span** of any series:
//! 119,988 monthly periods (`0001-01` to `9999-12`), 39,996 quarters or 9,999
//! years, so no input can make the crate allocate more than about a megabyte
//! of slots for one series. Past it every path gives a typed error, never a
//! huge allocation:
//!
//! - a period text with a year outside the range (`10000-01`,
//!   `99999999999999999999-Q1`) is [`Error::ParsePeriod`] with
//!   [`ParseProblem::Year`](crate::ParseProblem::Year), and `Month::new(10_000, 1)`
//!   is [`Error::YearOutOfRange`];
//! - period arithmetic past either end (`Month::MAX.checked_add(1)`), and a
//!   series built from values that would run past `9999-12`, are
//!   [`Error::PeriodOverflow`];
//! - a reader meeting such a period names its line ([`Error::Read`]).
//!
//! ```
//! use econseries::{Error, Month, Period, Series};
//!
//! // The whole range: 119,988 slots, about 1 MB.
//! let all = Series::from_values(Month::MIN, vec![0.0; 119_988])?;
//! assert_eq!(all.end(), Some(Month::MAX));
//! // One value more is an error, not a larger allocation.
//! let e = Series::from_values(Month::MIN, vec![0.0; 119_989]).unwrap_err();
//! assert!(matches!(e, Error::PeriodOverflow { .. }));
//! assert!(matches!("10000-01".parse::<Month>(), Err(Error::ParsePeriod { .. })));
//! # Ok::<(), econseries::Error>(())
//! ```

mod any;
mod month;
mod parse;
mod quarter;
mod year;

use core::fmt::{Debug, Display};
use core::hash::Hash;
use core::str::FromStr;

use chrono::NaiveDate;

pub use any::AnyPeriod;
pub use month::Month;
pub use quarter::Quarter;
pub use year::Year;

use crate::error::{Error, Result};

/// The first supported year.
pub const MIN_YEAR: i32 = 1;
/// The last supported year.
pub const MAX_YEAR: i32 = 9999;

/// The frequency of a period type, for run-time use (files, the CLI, errors).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Frequency {
    /// Twelve periods a year.
    Monthly,
    /// Four periods a year.
    Quarterly,
    /// One period a year.
    Annual,
}

impl Frequency {
    /// Number of periods in a year: 12, 4 or 1 (FRED's `n_obs_per_yr`).
    ///
    /// # Example
    /// ```
    /// use econseries::Frequency;
    /// assert_eq!(Frequency::Quarterly.per_year(), 4);
    /// ```
    pub const fn per_year(self) -> u32 {
        match self {
            Frequency::Monthly => 12,
            Frequency::Quarterly => 4,
            Frequency::Annual => 1,
        }
    }

    /// The lowercase name used in messages and on the command line.
    ///
    /// # Example
    /// ```
    /// use econseries::Frequency;
    ///
    /// assert_eq!(Frequency::Monthly.as_str(), "monthly");
    /// assert_eq!("q".parse::<Frequency>()?.as_str(), "quarterly");
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Frequency::Monthly => "monthly",
            Frequency::Quarterly => "quarterly",
            Frequency::Annual => "annual",
        }
    }
}

impl Display for Frequency {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.pad(self.as_str())
    }
}

impl FromStr for Frequency {
    type Err = Error;

    /// Parses `monthly`/`m`, `quarterly`/`q`, `annual`/`yearly`/`a`/`y`
    /// (ASCII case-insensitive).
    fn from_str(s: &str) -> Result<Self> {
        match s.to_ascii_lowercase().as_str() {
            "monthly" | "m" | "month" => Ok(Frequency::Monthly),
            "quarterly" | "q" | "quarter" => Ok(Frequency::Quarterly),
            "annual" | "yearly" | "a" | "y" | "year" => Ok(Frequency::Annual),
            _ => Err(Error::InvalidArgument {
                name: "frequency",
                value: s.to_owned().into(),
                expected: "monthly, quarterly or annual",
            }),
        }
    }
}

mod sealed {
    pub trait Sealed {}
}

/// A calendar period of fixed frequency: [`Month`], [`Quarter`] or [`Year`].
///
/// Every period has an *index*, the number of periods since the start of year
/// 0 (`year * PER_YEAR + position - 1`); arithmetic and series storage work on
/// it. The trait is sealed: the set of frequencies is closed.
///
/// # Example
/// ```
/// use econseries::{Month, Period, Quarter};
///
/// let may: Month = "2025-05".parse()?;
/// assert_eq!(may.checked_sub(12)?, Month::new(2024, 5)?);
/// assert_eq!(may.coarsen::<Quarter>(), "2025-Q2".parse()?);
/// assert_eq!(may.first_day().to_string(), "2025-05-01");
/// assert_eq!(may.last_day().to_string(), "2025-05-31");
/// # Ok::<(), econseries::Error>(())
/// ```
pub trait Period:
    Copy
    + Eq
    + Ord
    + Hash
    + Debug
    + Display
    + FromStr<Err = Error>
    + Send
    + Sync
    + 'static
    + Into<AnyPeriod>
    + TryFrom<AnyPeriod, Error = Error>
    + sealed::Sealed
{
    /// The frequency of this period type.
    const FREQUENCY: Frequency;
    /// Periods per year: 12, 4 or 1.
    const PER_YEAR: u32;
    /// The earliest supported period (the first period of [`MIN_YEAR`]).
    const MIN: Self;
    /// The latest supported period (the last period of [`MAX_YEAR`]).
    const MAX: Self;

    /// The period's index: periods since the start of year 0.
    fn index(self) -> i32;

    /// The period with the given index.
    ///
    /// # Errors
    /// [`Error::YearOutOfRange`] if the index falls outside
    /// [`MIN_YEAR`]`..=`[`MAX_YEAR`].
    fn from_index(index: i64) -> Result<Self>;

    /// The calendar year the period lies in.
    fn year(self) -> i32;

    /// The 1-based position of the period within its year (month 1–12,
    /// quarter 1–4, always 1 for a year).
    fn position(self) -> u32;

    /// The first day of the period.
    fn first_day(self) -> NaiveDate;

    /// The last day of the period.
    fn last_day(self) -> NaiveDate;

    /// The period containing `date`.
    ///
    /// # Errors
    /// [`Error::YearOutOfRange`] if the date's year is outside the supported range.
    fn containing(date: NaiveDate) -> Result<Self>;

    /// `self` moved `n` periods forward (backward if `n < 0`).
    ///
    /// # Errors
    /// [`Error::PeriodOverflow`] if the result leaves the supported range.
    fn checked_add(self, n: i64) -> Result<Self> {
        i64::from(self.index())
            .checked_add(n)
            .and_then(|i| Self::from_index(i).ok())
            .ok_or_else(|| Error::PeriodOverflow {
                period: self.into(),
                op: '+',
                amount: n,
            })
    }

    /// `self` moved `n` periods backward.
    ///
    /// # Errors
    /// [`Error::PeriodOverflow`] if the result leaves the supported range.
    fn checked_sub(self, n: i64) -> Result<Self> {
        i64::from(self.index())
            .checked_sub(n)
            .and_then(|i| Self::from_index(i).ok())
            .ok_or_else(|| Error::PeriodOverflow {
                period: self.into(),
                op: '-',
                amount: n,
            })
    }

    /// The number of periods from `earlier` to `self` (negative if `earlier`
    /// is later). `m.periods_since(m - 12) == 12`.
    fn periods_since(self, earlier: Self) -> i32 {
        self.index() - earlier.index()
    }

    /// The coarser period containing this one (month → quarter → year).
    fn coarsen<C: Period>(self) -> C
    where
        Self: Within<C>,
    {
        Within::parent(self)
    }
}

/// A period type that nests inside a coarser one: [`Month`] in [`Quarter`] and
/// [`Year`], [`Quarter`] in [`Year`].
///
/// Used for frequency conversion: every coarser period holds exactly
/// [`Within::PER_PARENT`] periods of the finer type.
pub trait Within<C: Period>: Period {
    /// How many of these periods make one `C`.
    const PER_PARENT: u32;

    /// The coarser period containing `self`.
    fn parent(self) -> C;

    /// The first of these periods inside `parent`.
    fn first_in(parent: C) -> Self;
}

/// A date built from parts known to be valid for the supported range.
///
/// Every caller passes a year in `MIN_YEAR..=MAX_YEAR + 1`, a month in 1..=12
/// and day 1, which chrono always accepts; the fallback is unreachable.
pub(crate) fn first_of_month(year: i32, month: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, 1).unwrap_or(NaiveDate::MIN)
}

pub(crate) fn check_year(year: i64) -> Result<i32> {
    if (i64::from(MIN_YEAR)..=i64::from(MAX_YEAR)).contains(&year) {
        Ok(year as i32)
    } else {
        Err(Error::YearOutOfRange { year })
    }
}

/// Implements the operators and serde for a period type.
macro_rules! period_ops {
    ($t:ty) => {
        impl core::ops::Add<i32> for $t {
            type Output = $t;

            /// Moves forward `n` periods.
            ///
            /// # Panics
            /// If the result leaves the supported range of years; use
            /// [`Period::checked_add`](crate::Period::checked_add) to get an error instead.
            #[track_caller]
            // Panics: the operator's documented contract (as chrono's
            // `NaiveDate + Months`); `checked_add` is the non-panicking form.
            #[allow(clippy::panic)]
            fn add(self, n: i32) -> $t {
                match crate::Period::checked_add(self, i64::from(n)) {
                    Ok(p) => p,
                    Err(e) => panic!("{e}"),
                }
            }
        }

        impl core::ops::Sub<i32> for $t {
            type Output = $t;

            /// Moves backward `n` periods.
            ///
            /// # Panics
            /// If the result leaves the supported range of years; use
            /// [`Period::checked_sub`](crate::Period::checked_sub) to get an error instead.
            #[track_caller]
            // Panics: the operator's documented contract; `checked_sub` is
            // the non-panicking form.
            #[allow(clippy::panic)]
            fn sub(self, n: i32) -> $t {
                match crate::Period::checked_sub(self, i64::from(n)) {
                    Ok(p) => p,
                    Err(e) => panic!("{e}"),
                }
            }
        }

        impl core::ops::Sub<$t> for $t {
            type Output = i32;

            /// The number of periods from `rhs` to `self`.
            fn sub(self, rhs: $t) -> i32 {
                crate::Period::periods_since(self, rhs)
            }
        }

        impl super::sealed::Sealed for $t {}

        #[cfg(feature = "serde")]
        impl serde::Serialize for $t {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_str(self)
            }
        }

        #[cfg(feature = "serde")]
        impl<'de> serde::Deserialize<'de> for $t {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<$t, D::Error> {
                struct V;
                impl serde::de::Visitor<'_> for V {
                    type Value = $t;
                    fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                        f.write_str("a period string")
                    }
                    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<$t, E> {
                        v.parse().map_err(E::custom)
                    }
                }
                d.deserialize_str(V)
            }
        }
    };
}
pub(crate) use parse::{Token, tokenize};
pub(crate) use period_ops;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frequency_round_trip() {
        for f in [Frequency::Monthly, Frequency::Quarterly, Frequency::Annual] {
            assert_eq!(f.to_string().parse::<Frequency>().unwrap(), f);
        }
        assert!("weekly".parse::<Frequency>().is_err());
    }

    #[test]
    fn coarsen_chain() {
        let m = Month::new(2025, 11).unwrap();
        let q: Quarter = m.coarsen();
        let y: Year = m.coarsen();
        assert_eq!(q, Quarter::new(2025, 4).unwrap());
        assert_eq!(y, q.coarsen::<Year>());
        assert_eq!(
            <Month as Within<Quarter>>::first_in(q),
            Month::new(2025, 10).unwrap()
        );
        assert_eq!(
            <Month as Within<Year>>::first_in(y),
            Month::new(2025, 1).unwrap()
        );
        assert_eq!(
            <Quarter as Within<Year>>::first_in(y),
            Quarter::new(2025, 1).unwrap()
        );
    }
}
