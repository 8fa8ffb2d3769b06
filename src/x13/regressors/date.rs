//! Dates as spec files write them, and spans of periods.

use std::fmt;

use crate::error::{Error, RegressorProblem, Result};
use crate::period::{Month, Period, Quarter};

/// A date as X-13 spec files write it: a year and a period number
/// (`2003.04` is April 2003 in a monthly series, `2003.4` the fourth
/// quarter in a quarterly one), so the same value serves both frequencies;
/// [`Span`] checks the period against its frequency.
///
/// # Example
/// ```
/// use econseries::x13::regressors::SpecDate;
///
/// let d: SpecDate = "2003.apr".parse()?;
/// assert_eq!(d, SpecDate::new(2003, 4));
/// assert_eq!(d.to_string(), "2003.04");
/// # Ok::<(), econseries::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SpecDate {
    year: i32,
    period: u32,
}

const MONTH_NAMES: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

impl SpecDate {
    /// A date from its year and 1-based period number (not checked against
    /// a frequency until used with a [`Span`]).
    pub const fn new(year: i32, period: u32) -> SpecDate {
        SpecDate { year, period }
    }

    /// The year.
    pub const fn year(self) -> i32 {
        self.year
    }

    /// The 1-based period within the year (month or quarter).
    pub const fn period(self) -> u32 {
        self.period
    }

    /// The date in the program's column-name form for `per_year` periods a
    /// year: `2003.04` for months, `2003.4` for quarters.
    pub(crate) fn label(self, per_year: u32) -> String {
        if per_year == 12 {
            format!("{}.{:02}", self.year, self.period)
        } else {
            format!("{}.{}", self.year, self.period)
        }
    }
}

impl fmt::Display for SpecDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{:02}", self.year, self.period)
    }
}

impl std::str::FromStr for SpecDate {
    type Err = Error;

    /// Parses `YYYY.MM`, `YYYY.Q` or `YYYY.mon` (a three-letter month name,
    /// any case).
    fn from_str(s: &str) -> Result<SpecDate> {
        let bad = || Error::Regressor {
            variable: s.to_owned().into(),
            problem: RegressorProblem::Syntax {
                expected: "a date YYYY.MM, YYYY.Q or YYYY.mon",
            },
        };
        let (y, p) = s.split_once('.').ok_or_else(bad)?;
        if y.is_empty() || y.len() > 4 || !y.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        let year: i32 = y.parse().map_err(|_| bad())?;
        let lower = p.to_ascii_lowercase();
        let period = if let Some(i) = MONTH_NAMES.iter().position(|m| *m == lower) {
            i as u32 + 1
        } else if !p.is_empty() && p.len() <= 2 && p.bytes().all(|b| b.is_ascii_digit()) {
            p.parse().map_err(|_| bad())?
        } else {
            return Err(bad());
        };
        if period == 0 || period > 12 {
            return Err(bad());
        }
        Ok(SpecDate { year, period })
    }
}

/// A run of consecutive monthly or quarterly periods over which regressors
/// are generated: the data's span, or the data and a forecast horizon.
///
/// # Example
/// ```
/// use econseries::{Month, x13::regressors::Span};
///
/// let span = Span::new(Month::new(2000, 1)?, 120 + 24)?;
/// assert_eq!(span.per_year(), 12);
/// assert_eq!(span.date(143).to_string(), "2011.12");
/// # Ok::<(), econseries::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Span {
    per_year: u32,
    start: SpecDate,
    len: usize,
}

impl Span {
    /// `len` periods from `start` (a [`Month`] or a [`Quarter`]).
    ///
    /// # Errors
    /// [`Error::FrequencyMismatch`] for an annual period type.
    pub fn new<P: Period>(start: P, len: usize) -> Result<Span> {
        Span::from_date(
            P::PER_YEAR,
            SpecDate::new(start.year(), start.position()),
            len,
        )
    }

    /// `len` periods of a series with `per_year` periods a year (12 or 4)
    /// from `start`.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] for another `per_year` or a start period
    /// beyond it; [`Error::YearOutOfRange`] for a year outside 1..=9999.
    pub fn from_date(per_year: u32, start: SpecDate, len: usize) -> Result<Span> {
        if per_year != 12 && per_year != 4 {
            return Err(Error::FrequencyMismatch {
                expected: crate::period::Frequency::Monthly,
                found: crate::period::Frequency::Annual,
            });
        }
        if start.period == 0 || start.period > per_year {
            return Err(Error::InvalidArgument {
                name: "start",
                value: start.to_string().into(),
                expected: "a period within the year of the series' frequency",
            });
        }
        let years = len / per_year as usize + 2;
        let last = i64::from(start.year) + years as i64;
        if start.year < crate::period::MIN_YEAR || last > i64::from(crate::period::MAX_YEAR) + 2 {
            return Err(Error::YearOutOfRange {
                year: if start.year < crate::period::MIN_YEAR {
                    i64::from(start.year)
                } else {
                    last
                },
            });
        }
        Ok(Span {
            per_year,
            start,
            len,
        })
    }

    /// Periods per year: 12 or 4.
    pub const fn per_year(&self) -> u32 {
        self.per_year
    }

    /// The first period.
    pub const fn start(&self) -> SpecDate {
        self.start
    }

    /// The number of periods.
    pub const fn len(&self) -> usize {
        self.len
    }

    /// Whether the span has no period.
    pub const fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The same start, `extra` more periods (a forecast horizon).
    pub const fn extend(self, extra: usize) -> Span {
        Span {
            len: self.len + extra,
            ..self
        }
    }

    /// The date of the `i`-th period (0-based; any `i`, also past the end).
    pub fn date(&self, i: usize) -> SpecDate {
        let k = self.ordinal(self.start) + i as i64;
        let s = i64::from(self.per_year);
        SpecDate::new(k.div_euclid(s) as i32, k.rem_euclid(s) as u32 + 1)
    }

    /// The `i`-th period as a typed period, for errors that name it.
    pub(crate) fn any_period(&self, i: usize) -> Result<crate::period::AnyPeriod> {
        let d = self.date(i);
        Ok(if self.per_year == 12 {
            Month::new(d.year, d.period)?.into()
        } else {
            Quarter::new(d.year, d.period)?.into()
        })
    }

    /// Periods since year 0 of a date, in this span's frequency.
    pub(crate) fn ordinal(&self, d: SpecDate) -> i64 {
        i64::from(d.year) * i64::from(self.per_year) + i64::from(d.period) - 1
    }

    /// The position of `d` relative to the span's start (negative before).
    pub(crate) fn offset(&self, d: SpecDate) -> i64 {
        self.ordinal(d) - self.ordinal(self.start)
    }

    /// Year and period of every period of the span.
    pub(crate) fn dates(&self) -> impl Iterator<Item = SpecDate> + '_ {
        (0..self.len).map(|i| self.date(i))
    }

    /// The span of a monthly series as [`Month`]s, for callers that want
    /// typed periods back.
    ///
    /// # Errors
    /// [`Error::FrequencyMismatch`] if the span is quarterly.
    pub fn start_month(&self) -> Result<Month> {
        if self.per_year != 12 {
            return Err(Error::FrequencyMismatch {
                expected: crate::period::Frequency::Monthly,
                found: crate::period::Frequency::Quarterly,
            });
        }
        Month::new(self.start.year, self.start.period)
    }

    /// The first quarter of a quarterly span.
    ///
    /// # Errors
    /// [`Error::FrequencyMismatch`] if the span is monthly.
    pub fn start_quarter(&self) -> Result<Quarter> {
        if self.per_year != 4 {
            return Err(Error::FrequencyMismatch {
                expected: crate::period::Frequency::Quarterly,
                found: crate::period::Frequency::Monthly,
            });
        }
        Quarter::new(self.start.year, self.start.period)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_dates() {
        assert_eq!(
            "1990.1".parse::<SpecDate>().unwrap(),
            SpecDate::new(1990, 1)
        );
        assert_eq!(
            "1990.DEC".parse::<SpecDate>().unwrap(),
            SpecDate::new(1990, 12)
        );
        for bad in [
            "1990", "1990.", "1990.13", "1990.0", ".5", "19x0.1", "1990.123", "12345.1",
        ] {
            assert!(bad.parse::<SpecDate>().is_err(), "{bad}");
        }
    }

    #[test]
    fn span_dates() {
        let s = Span::from_date(4, SpecDate::new(1999, 3), 10).unwrap();
        assert_eq!(s.date(0), SpecDate::new(1999, 3));
        assert_eq!(s.date(2), SpecDate::new(2000, 1));
        assert_eq!(s.offset(SpecDate::new(1999, 1)), -2);
        assert!(Span::from_date(4, SpecDate::new(1999, 5), 10).is_err());
        assert!(Span::from_date(1, SpecDate::new(1999, 1), 10).is_err());
    }
}
