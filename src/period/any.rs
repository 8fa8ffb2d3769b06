//! A period of any frequency, for values that cross frequencies at run time
//! (errors, run-time series, the CLI).

use core::fmt;
use core::str::FromStr;

use super::{Frequency, Month, Quarter, Token, Year, tokenize};
use crate::error::{Error, Result};

/// A [`Month`], [`Quarter`] or [`Year`] whose frequency is known only at run
/// time: what an [`Error`] names, what an [`AnySeries`](crate::AnySeries)
/// starts at.
///
/// It is a small `Copy` value (six bytes) that compares with the typed
/// periods, prints as they do and parses their canonical forms (a date such
/// as `2025-04-01` has no frequency of its own and is not accepted).
///
/// # Example
/// ```
/// use econseries::{AnyPeriod, Frequency, Month, Period};
///
/// let may = Month::new(2025, 5)?;
/// let any = AnyPeriod::from(may);
/// assert_eq!(any, may);
/// assert_eq!(any.to_string(), "2025-05");
/// assert_eq!(any.frequency(), Frequency::Monthly);
/// assert_eq!("2025-Q2".parse::<AnyPeriod>()?.frequency(), Frequency::Quarterly);
/// assert_eq!(Month::try_from(any)?, may);
/// # Ok::<(), econseries::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum AnyPeriod {
    /// A month.
    Month(Month),
    /// A quarter.
    Quarter(Quarter),
    /// A year.
    Year(Year),
}

impl AnyPeriod {
    /// The period of `frequency` with the given index (periods since the
    /// start of year 0, see [`Period::index`](super::Period::index)).
    ///
    /// # Errors
    /// [`Error::YearOutOfRange`] outside the supported years.
    ///
    /// # Example
    /// ```
    /// use econseries::{AnyPeriod, Frequency, Period, Quarter};
    ///
    /// let q = Quarter::new(2025, 2)?;
    /// let i = i64::from(q.index());
    /// assert_eq!(AnyPeriod::from_index(Frequency::Quarterly, i)?, q);
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn from_index(frequency: Frequency, index: i64) -> Result<AnyPeriod> {
        use super::Period;
        match frequency {
            Frequency::Monthly => Month::from_index(index).map(AnyPeriod::Month),
            Frequency::Quarterly => Quarter::from_index(index).map(AnyPeriod::Quarter),
            Frequency::Annual => Year::from_index(index).map(AnyPeriod::Year),
        }
    }

    /// The period's frequency.
    pub const fn frequency(self) -> Frequency {
        match self {
            AnyPeriod::Month(_) => Frequency::Monthly,
            AnyPeriod::Quarter(_) => Frequency::Quarterly,
            AnyPeriod::Year(_) => Frequency::Annual,
        }
    }
}

impl fmt::Display for AnyPeriod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AnyPeriod::Month(p) => p.fmt(f),
            AnyPeriod::Quarter(p) => p.fmt(f),
            AnyPeriod::Year(p) => p.fmt(f),
        }
    }
}

impl FromStr for AnyPeriod {
    type Err = Error;

    /// Parses `YYYY-MM`, `YYYY-Qn` (or `YYYYQn`) and `YYYY`.
    ///
    /// # Errors
    /// [`Error::UnrecognisedPeriod`] for any other text, a date included.
    fn from_str(s: &str) -> Result<AnyPeriod> {
        let bad = || Error::UnrecognisedPeriod { input: s.into() };
        match tokenize(s).map_err(|_| bad())? {
            Token::Month(y, m) => Month::new(y, m).map(AnyPeriod::Month),
            Token::Quarter(y, q) => Quarter::new(y, q).map(AnyPeriod::Quarter),
            Token::Year(y) => Year::new(y).map(AnyPeriod::Year),
            Token::Date(_) => Err(bad()),
        }
        .map_err(|_| bad())
    }
}

macro_rules! any_period_from {
    ($t:ident) => {
        impl From<$t> for AnyPeriod {
            fn from(p: $t) -> AnyPeriod {
                AnyPeriod::$t(p)
            }
        }

        impl TryFrom<AnyPeriod> for $t {
            type Error = Error;

            /// The typed period, if the frequency matches.
            ///
            /// # Errors
            /// [`Error::FrequencyMismatch`] otherwise.
            fn try_from(p: AnyPeriod) -> Result<$t> {
                match p {
                    AnyPeriod::$t(p) => Ok(p),
                    other => Err(Error::FrequencyMismatch {
                        expected: <$t as super::Period>::FREQUENCY,
                        found: other.frequency(),
                    }),
                }
            }
        }

        impl PartialEq<$t> for AnyPeriod {
            fn eq(&self, other: &$t) -> bool {
                matches!(self, AnyPeriod::$t(p) if p == other)
            }
        }
    };
}

any_period_from!(Month);
any_period_from!(Quarter);
any_period_from!(Year);

#[cfg(feature = "serde")]
impl serde::Serialize for AnyPeriod {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for AnyPeriod {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<AnyPeriod, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_compares() {
        for s in ["2025-05", "2025-Q2", "2025", "0001-01", "9999-Q4"] {
            let p: AnyPeriod = s.parse().unwrap();
            assert_eq!(p.to_string(), s);
        }
        for s in ["2025-04-01", "2025-13", "25", "", "2025-Q5", "10000"] {
            assert!(
                matches!(
                    s.parse::<AnyPeriod>(),
                    Err(Error::UnrecognisedPeriod { .. })
                ),
                "{s}"
            );
        }
        let q = Quarter::new(2025, 2).unwrap();
        assert_eq!(AnyPeriod::from(q), q);
        assert_ne!(AnyPeriod::from(q), Month::new(2025, 4).unwrap());
        assert!(Month::try_from(AnyPeriod::from(q)).is_err());
        assert!(core::mem::size_of::<AnyPeriod>() <= 6);
    }
}
