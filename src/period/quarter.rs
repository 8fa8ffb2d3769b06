use core::fmt;
use core::str::FromStr;

use chrono::{Datelike, NaiveDate};

use super::{Frequency, Period, Token, Within, Year, check_year, first_of_month, tokenize};
use crate::error::{Error, ParseProblem, Result};

/// A calendar quarter, such as `2025-Q1` (January to March 2025).
///
/// # Example
/// ```
/// use econseries::{Period, Quarter};
///
/// let q = Quarter::new(2025, 1)?;
/// assert_eq!(q.to_string(), "2025-Q1");
/// assert_eq!("2025Q1".parse::<Quarter>()?, q);
/// assert_eq!("2025-01-01".parse::<Quarter>()?, q); // FRED's date form
/// assert_eq!(q - 1, Quarter::new(2024, 4)?);
/// assert_eq!(q.last_day().to_string(), "2025-03-31");
/// # Ok::<(), econseries::Error>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Quarter {
    year: i16,
    quarter: u8,
}

impl Quarter {
    /// Quarter `quarter` (1–4) of `year`.
    ///
    /// # Errors
    /// [`Error::InvalidQuarter`] unless `1 <= quarter <= 4`;
    /// [`Error::YearOutOfRange`] unless the year is supported.
    ///
    /// # Example
    /// ```
    /// use econseries::{Error, Quarter};
    ///
    /// assert_eq!(Quarter::new(2025, 1)?.to_string(), "2025-Q1");
    /// assert!(matches!(Quarter::new(2025, 5), Err(Error::InvalidQuarter { quarter: 5 })));
    /// assert!(matches!(Quarter::new(0, 1), Err(Error::YearOutOfRange { year: 0 })));
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn new(year: i32, quarter: u32) -> Result<Quarter> {
        let year = check_year(i64::from(year))?;
        if !(1..=4).contains(&quarter) {
            return Err(Error::InvalidQuarter { quarter });
        }
        Ok(Quarter {
            year: year as i16,
            quarter: quarter as u8,
        })
    }

    /// Built from parts already validated by another period type.
    pub(crate) const fn from_parts(year: i16, quarter: u8) -> Quarter {
        Quarter { year, quarter }
    }

    /// The quarter number, 1–4.
    ///
    /// # Example
    /// ```
    /// use econseries::Quarter;
    ///
    /// assert_eq!("2025-Q3".parse::<Quarter>()?.quarter(), 3);
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub const fn quarter(self) -> u32 {
        self.quarter as u32
    }

    /// The first month of the quarter (1, 4, 7 or 10).
    ///
    /// # Example
    /// ```
    /// use econseries::Quarter;
    ///
    /// assert_eq!(Quarter::new(2025, 1)?.first_month(), 1);
    /// assert_eq!(Quarter::new(2025, 4)?.first_month(), 10);
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub const fn first_month(self) -> u32 {
        (self.quarter as u32 - 1) * 3 + 1
    }

    /// The year containing this quarter, as a period.
    ///
    /// # Example
    /// ```
    /// use econseries::{Quarter, Year};
    ///
    /// assert_eq!(Quarter::new(2025, 1)?.to_year(), Year::new(2025)?);
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn to_year(self) -> Year {
        self.coarsen()
    }
}

impl Period for Quarter {
    const FREQUENCY: Frequency = Frequency::Quarterly;
    const PER_YEAR: u32 = 4;
    const MIN: Quarter = Quarter {
        year: super::MIN_YEAR as i16,
        quarter: 1,
    };
    const MAX: Quarter = Quarter {
        year: super::MAX_YEAR as i16,
        quarter: 4,
    };

    fn index(self) -> i32 {
        i32::from(self.year) * 4 + i32::from(self.quarter) - 1
    }

    fn from_index(index: i64) -> Result<Quarter> {
        let year = check_year(index.div_euclid(4))?;
        Ok(Quarter {
            year: year as i16,
            quarter: index.rem_euclid(4) as u8 + 1,
        })
    }

    fn year(self) -> i32 {
        i32::from(self.year)
    }

    fn position(self) -> u32 {
        self.quarter()
    }

    fn first_day(self) -> NaiveDate {
        first_of_month(self.year(), self.first_month())
    }

    fn last_day(self) -> NaiveDate {
        let (y, m) = if self.quarter == 4 {
            (self.year() + 1, 1)
        } else {
            (self.year(), self.first_month() + 3)
        };
        first_of_month(y, m).pred_opt().unwrap_or(NaiveDate::MIN)
    }

    fn containing(date: NaiveDate) -> Result<Quarter> {
        Quarter::new(date.year(), (date.month() - 1) / 3 + 1)
    }
}

impl Within<Year> for Quarter {
    const PER_PARENT: u32 = 4;

    fn parent(self) -> Year {
        Year::from_parts(self.year)
    }

    fn first_in(parent: Year) -> Quarter {
        Quarter {
            year: parent.year() as i16,
            quarter: 1,
        }
    }
}

impl fmt::Display for Quarter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-Q{}", self.year, self.quarter)
    }
}

impl fmt::Debug for Quarter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Quarter({self})")
    }
}

impl FromStr for Quarter {
    type Err = Error;

    /// Parses `YYYY-Qn`, `YYYYQn` (either case of `Q`) or FRED's
    /// first-of-quarter date `YYYY-MM-01` with `MM` in 01, 04, 07, 10.
    fn from_str(s: &str) -> Result<Quarter> {
        let err = |problem| Error::ParsePeriod {
            frequency: Frequency::Quarterly,
            input: s.to_owned().into(),
            problem,
        };
        let syntax = ParseProblem::Syntax {
            expected: "YYYY-Qn, YYYYQn or a first-of-quarter date YYYY-MM-01",
        };
        match tokenize(s) {
            Ok(Token::Quarter(y, q)) => Quarter::new(y, q),
            Ok(Token::Date(d)) if d.day() == 1 && d.month() % 3 == 1 => Quarter::containing(d),
            Ok(Token::Date(d)) => Err(err(ParseProblem::NotFirstDay(d))),
            Ok(_) => Err(err(syntax)),
            Err(ParseProblem::Syntax { .. }) => Err(err(syntax)),
            Err(problem) => Err(err(problem)),
        }
    }
}

super::period_ops!(Quarter);

#[cfg(test)]
mod tests {
    use super::*;

    fn q(y: i32, n: u32) -> Quarter {
        Quarter::new(y, n).unwrap()
    }

    #[test]
    fn arithmetic_and_days() {
        assert_eq!(q(2025, 1) - 4, q(2024, 1));
        assert_eq!(q(2024, 4) + 1, q(2025, 1));
        assert_eq!(q(2025, 3) - q(2019, 4), 23);
        assert_eq!(q(2025, 2).first_day().to_string(), "2025-04-01");
        assert_eq!(q(2025, 2).last_day().to_string(), "2025-06-30");
        assert_eq!(q(2025, 4).last_day().to_string(), "2025-12-31");
        assert_eq!(
            Quarter::containing(NaiveDate::from_ymd_opt(2025, 9, 30).unwrap()).unwrap(),
            q(2025, 3)
        );
    }

    #[test]
    fn parse() {
        assert_eq!("2025-Q1".parse::<Quarter>().unwrap(), q(2025, 1));
        assert_eq!("2025Q3".parse::<Quarter>().unwrap(), q(2025, 3));
        assert_eq!("2025-10-01".parse::<Quarter>().unwrap(), q(2025, 4));
        let e = "2025-Q5".parse::<Quarter>().unwrap_err().to_string();
        assert_eq!(
            e,
            "invalid quarterly period \"2025-Q5\": quarter 5 is out of range 1..=4"
        );
        let e = "2025-02-01".parse::<Quarter>().unwrap_err().to_string();
        assert!(e.contains("not the first day"), "{e}");
        assert!("2025-05".parse::<Quarter>().is_err());
        assert!("2025".parse::<Quarter>().is_err());
    }
}
