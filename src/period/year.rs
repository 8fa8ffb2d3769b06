use core::fmt;
use core::str::FromStr;

use chrono::{Datelike, NaiveDate};

use super::{Frequency, Period, Token, check_year, first_of_month, tokenize};
use crate::error::{Error, ParseProblem, Result};

/// A calendar year as a period, such as `2025`.
///
/// # Example
/// ```
/// use econseries::{Period, Year};
///
/// let y = Year::new(2025)?;
/// assert_eq!(y.to_string(), "2025");
/// assert_eq!("2025-01-01".parse::<Year>()?, y); // FRED's date form
/// assert_eq!(y - 10, Year::new(2015)?);
/// assert_eq!(y.last_day().to_string(), "2025-12-31");
/// # Ok::<(), econseries::Error>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Year {
    year: i16,
}

impl Year {
    /// The year `year`.
    ///
    /// # Errors
    /// [`Error::YearOutOfRange`] unless the year is supported.
    ///
    /// # Example
    /// ```
    /// use econseries::{Error, Year};
    ///
    /// assert_eq!(Year::new(2025)?.to_string(), "2025");
    /// assert!(matches!(Year::new(10_000), Err(Error::YearOutOfRange { year: 10_000 })));
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn new(year: i32) -> Result<Year> {
        let year = check_year(i64::from(year))?;
        Ok(Year { year: year as i16 })
    }

    /// Built from a year already validated by another period type.
    pub(crate) const fn from_parts(year: i16) -> Year {
        Year { year }
    }
}

impl Period for Year {
    const FREQUENCY: Frequency = Frequency::Annual;
    const PER_YEAR: u32 = 1;
    const MIN: Year = Year {
        year: super::MIN_YEAR as i16,
    };
    const MAX: Year = Year {
        year: super::MAX_YEAR as i16,
    };

    fn index(self) -> i32 {
        i32::from(self.year)
    }

    fn from_index(index: i64) -> Result<Year> {
        let year = check_year(index)?;
        Ok(Year { year: year as i16 })
    }

    fn year(self) -> i32 {
        i32::from(self.year)
    }

    fn position(self) -> u32 {
        1
    }

    fn first_day(self) -> NaiveDate {
        first_of_month(self.year(), 1)
    }

    fn last_day(self) -> NaiveDate {
        first_of_month(self.year() + 1, 1)
            .pred_opt()
            .unwrap_or(NaiveDate::MIN)
    }

    fn containing(date: NaiveDate) -> Result<Year> {
        Year::new(date.year())
    }
}

impl fmt::Display for Year {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)
    }
}

impl fmt::Debug for Year {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Year({self})")
    }
}

impl FromStr for Year {
    type Err = Error;

    /// Parses `YYYY` or FRED's first-of-year date `YYYY-01-01`.
    fn from_str(s: &str) -> Result<Year> {
        let err = |problem| Error::ParsePeriod {
            frequency: Frequency::Annual,
            input: s.to_owned().into(),
            problem,
        };
        let syntax = ParseProblem::Syntax {
            expected: "YYYY or a first-of-year date YYYY-01-01",
        };
        match tokenize(s) {
            Ok(Token::Year(y)) => Year::new(y),
            Ok(Token::Date(d)) if d.day() == 1 && d.month() == 1 => Year::containing(d),
            Ok(Token::Date(d)) => Err(err(ParseProblem::NotFirstDay(d))),
            Ok(_) => Err(err(syntax)),
            Err(ParseProblem::Syntax { .. }) => Err(err(syntax)),
            Err(problem) => Err(err(problem)),
        }
    }
}

super::period_ops!(Year);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn basics() {
        let y = Year::new(2024).unwrap();
        assert_eq!(y + 1, Year::new(2025).unwrap());
        assert_eq!(y.first_day().to_string(), "2024-01-01");
        assert_eq!(y.last_day().to_string(), "2024-12-31");
        assert_eq!("2024".parse::<Year>().unwrap(), y);
        let e = "12345".parse::<Year>().unwrap_err().to_string();
        assert_eq!(
            e,
            "invalid annual period \"12345\": year 12345 is out of range 1..=9999"
        );
        assert!("2024-07-01".parse::<Year>().is_err());
        assert!("2024-Q1".parse::<Year>().is_err());
    }
}
