use core::fmt;
use core::str::FromStr;

use chrono::{Datelike, NaiveDate};

use super::{
    Frequency, Period, Quarter, Token, Within, Year, check_year, first_of_month, tokenize,
};
use crate::error::{Error, ParseProblem, Result};

/// A calendar month, such as `2025-05`.
///
/// # Example
/// ```
/// use econseries::Month;
///
/// let may = Month::new(2025, 5)?;
/// assert_eq!(may.to_string(), "2025-05");
/// assert_eq!("2025-05".parse::<Month>()?, may);
/// assert_eq!("2025-05-01".parse::<Month>()?, may); // FRED's date form
/// assert_eq!(may - 12, Month::new(2024, 5)?);
/// assert_eq!(may - Month::new(2024, 5)?, 12);
/// # Ok::<(), econseries::Error>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    year: i16,
    month: u8,
}

impl Month {
    /// The month `month` (1–12) of `year`.
    ///
    /// # Errors
    /// [`Error::InvalidMonth`] unless `1 <= month <= 12`;
    /// [`Error::YearOutOfRange`] unless the year is supported.
    ///
    /// # Example
    /// ```
    /// use econseries::{Error, Month};
    ///
    /// assert_eq!(Month::new(2025, 5)?.to_string(), "2025-05");
    /// assert!(matches!(Month::new(2025, 13), Err(Error::InvalidMonth { month: 13 })));
    /// assert!(matches!(Month::new(10_000, 1), Err(Error::YearOutOfRange { .. })));
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn new(year: i32, month: u32) -> Result<Month> {
        let year = check_year(i64::from(year))?;
        if !(1..=12).contains(&month) {
            return Err(Error::InvalidMonth { month });
        }
        Ok(Month {
            year: year as i16,
            month: month as u8,
        })
    }

    /// The month number, 1–12.
    ///
    /// # Example
    /// ```
    /// use econseries::Month;
    ///
    /// assert_eq!("2025-05".parse::<Month>()?.month(), 5);
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub const fn month(self) -> u32 {
        self.month as u32
    }

    /// The quarter containing this month.
    ///
    /// # Example
    /// ```
    /// use econseries::{Month, Quarter};
    ///
    /// assert_eq!(Month::new(2025, 5)?.quarter(), Quarter::new(2025, 2)?);
    /// assert_eq!(Month::new(2025, 12)?.quarter().to_string(), "2025-Q4");
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn quarter(self) -> Quarter {
        self.coarsen()
    }

    /// The year containing this month, as a period.
    ///
    /// # Example
    /// ```
    /// use econseries::{Month, Year};
    ///
    /// assert_eq!(Month::new(2025, 5)?.to_year(), Year::new(2025)?);
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn to_year(self) -> Year {
        self.coarsen()
    }
}

impl Period for Month {
    const FREQUENCY: Frequency = Frequency::Monthly;
    const PER_YEAR: u32 = 12;
    const MIN: Month = Month {
        year: super::MIN_YEAR as i16,
        month: 1,
    };
    const MAX: Month = Month {
        year: super::MAX_YEAR as i16,
        month: 12,
    };

    fn index(self) -> i32 {
        i32::from(self.year) * 12 + i32::from(self.month) - 1
    }

    fn from_index(index: i64) -> Result<Month> {
        let year = check_year(index.div_euclid(12))?;
        Ok(Month {
            year: year as i16,
            month: index.rem_euclid(12) as u8 + 1,
        })
    }

    fn year(self) -> i32 {
        i32::from(self.year)
    }

    fn position(self) -> u32 {
        self.month()
    }

    fn first_day(self) -> NaiveDate {
        first_of_month(self.year(), self.month())
    }

    fn last_day(self) -> NaiveDate {
        let (y, m) = if self.month == 12 {
            (self.year() + 1, 1)
        } else {
            (self.year(), self.month() + 1)
        };
        first_of_month(y, m).pred_opt().unwrap_or(NaiveDate::MIN)
    }

    fn containing(date: NaiveDate) -> Result<Month> {
        Month::new(date.year(), date.month())
    }
}

impl Within<Quarter> for Month {
    const PER_PARENT: u32 = 3;

    fn parent(self) -> Quarter {
        Quarter::from_parts(self.year, (self.month - 1) / 3 + 1)
    }

    fn first_in(parent: Quarter) -> Month {
        Month {
            year: parent.year() as i16,
            month: (parent.quarter() as u8 - 1) * 3 + 1,
        }
    }
}

impl Within<Year> for Month {
    const PER_PARENT: u32 = 12;

    fn parent(self) -> Year {
        Year::from_parts(self.year)
    }

    fn first_in(parent: Year) -> Month {
        Month {
            year: parent.year() as i16,
            month: 1,
        }
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl fmt::Debug for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Month({self})")
    }
}

impl FromStr for Month {
    type Err = Error;

    /// Parses `YYYY-MM` or FRED's first-of-month date `YYYY-MM-01`.
    fn from_str(s: &str) -> Result<Month> {
        let err = |problem| Error::ParsePeriod {
            frequency: Frequency::Monthly,
            input: s.to_owned().into(),
            problem,
        };
        let syntax = ParseProblem::Syntax {
            expected: "YYYY-MM or a first-of-month date YYYY-MM-01",
        };
        match tokenize(s) {
            Ok(Token::Month(y, m)) => Month::new(y, m),
            Ok(Token::Date(d)) if d.day() == 1 => Month::containing(d),
            Ok(Token::Date(d)) => Err(err(ParseProblem::NotFirstDay(d))),
            Ok(_) => Err(err(syntax)),
            Err(ParseProblem::Syntax { .. }) => Err(err(syntax)),
            Err(problem) => Err(err(problem)),
        }
    }
}

super::period_ops!(Month);

#[cfg(test)]
mod tests {
    use super::*;

    fn m(y: i32, mo: u32) -> Month {
        Month::new(y, mo).unwrap()
    }

    #[test]
    fn arithmetic() {
        assert_eq!(m(2025, 1) - 1, m(2024, 12));
        assert_eq!(m(2024, 12) + 1, m(2025, 1));
        assert_eq!(m(2025, 5) + 25, m(2027, 6));
        assert_eq!(m(2025, 5) - m(2020, 2), 63);
        assert!(Month::MIN.checked_sub(1).is_err());
        assert!(Month::MAX.checked_add(1).is_err());
        assert!(m(2025, 1).checked_add(i64::MAX).is_err());
        assert_eq!(
            Month::from_index(m(2025, 7).index().into()).unwrap(),
            m(2025, 7)
        );
    }

    #[test]
    fn days() {
        assert_eq!(m(2024, 2).last_day().to_string(), "2024-02-29");
        assert_eq!(m(2023, 2).last_day().to_string(), "2023-02-28");
        assert_eq!(m(2025, 12).last_day().to_string(), "2025-12-31");
        assert_eq!(Month::MAX.last_day().to_string(), "9999-12-31");
        let d = NaiveDate::from_ymd_opt(2025, 8, 17).unwrap();
        assert_eq!(Month::containing(d).unwrap(), m(2025, 8));
    }

    #[test]
    fn parse_errors_name_the_problem() {
        let e = "2025-13".parse::<Month>().unwrap_err().to_string();
        assert_eq!(
            e,
            "invalid monthly period \"2025-13\": month 13 is out of range 1..=12"
        );
        let e = "abc".parse::<Month>().unwrap_err().to_string();
        assert!(e.contains("expected YYYY-MM"), "{e}");
        let e = "2025-Q1".parse::<Month>().unwrap_err().to_string();
        assert!(e.contains("expected YYYY-MM"), "{e}");
        let e = "2025-03-31".parse::<Month>().unwrap_err().to_string();
        assert!(e.contains("2025-03-31 is not the first day"), "{e}");
        assert!("2025-05-01".parse::<Month>().is_ok());
    }

    #[test]
    fn new_rejects() {
        assert!(matches!(
            Month::new(2025, 0),
            Err(Error::InvalidMonth { month: 0 })
        ));
        assert!(matches!(
            Month::new(10_000, 1),
            Err(Error::YearOutOfRange { year: 10_000 })
        ));
        assert!(matches!(
            Month::new(0, 1),
            Err(Error::YearOutOfRange { year: 0 })
        ));
    }
}
