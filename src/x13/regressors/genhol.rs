//! Generated regressors for moving holidays given by their dates, as the
//! Census Bureau's `genhol` utility makes them (Chinese New Year, Diwali,
//! Ramadan, …), to be used as user regressors of type holiday.
//!
//! From the genhol documentation: for a window of days from `begin` to `end`
//! days after each occurrence of the holiday (negative: before it), the
//! regressor in a period is the share of the window's days that fall in the
//! period; it is then optionally centred, by the overall mean (`mean`) or by
//! each calendar month's (quarter's) mean (`calendar`), the means taken over
//! whole years of the holiday's dates:
//!
//! ```text
//! raw_t      = Σ_occurrences #{days of the window in period t} / (end − begin + 1)
//! mean       x_t = raw_t − mean over all periods of the centring years
//! calendar   x_t = raw_t − mean over the centring years of raw in t's month (quarter)
//! ```

use chrono::{Datelike, NaiveDate};

use super::date::{Span, SpecDate};
use super::days::{civil_from_days, days_from_civil};
use crate::error::{Error, RegressorProblem, Result};

#[path = "cny_table.rs"]
mod cny_table;

/// A moving holiday: the dates it falls on, over the years they are known.
///
/// # Example
/// ```
/// use econseries::x13::regressors::Holiday;
///
/// let cny = Holiday::chinese_new_year();
/// assert_eq!(cny.years(), (1900, 2100));
/// assert_eq!(cny.date(2025).map(|d| d.to_string()).as_deref(), Some("2025-01-29"));
/// # Ok::<(), econseries::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Holiday {
    name: String,
    /// Days since 1970-01-01, ascending, distinct.
    days: Vec<i64>,
    first_year: i32,
    last_year: i32,
}

impl Holiday {
    /// A holiday from its dates (any order; several in one year are
    /// allowed, as for Islamic holidays that fall twice in some Gregorian
    /// years). The holiday is known for the years from the earliest date's
    /// to the latest's: a regressor over other years is an error.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] for no date or a date given twice.
    pub fn new(
        name: impl Into<String>,
        dates: impl IntoIterator<Item = NaiveDate>,
    ) -> Result<Holiday> {
        let name = name.into();
        let mut days: Vec<i64> = dates
            .into_iter()
            .map(|d| days_from_civil(d.year(), d.month(), d.day()))
            .collect();
        days.sort_unstable();
        let n = days.len();
        days.dedup();
        let (Some(&first), Some(&last)) = (days.first(), days.last()) else {
            return Err(Error::InvalidArgument {
                name: "holiday dates",
                value: name.into(),
                expected: "at least one date",
            });
        };
        if days.len() != n {
            return Err(Error::InvalidArgument {
                name: "holiday dates",
                value: name.into(),
                expected: "each date once",
            });
        }
        Ok(Holiday {
            name,
            days,
            first_year: civil_from_days(first).0,
            last_year: civil_from_days(last).0,
        })
    }

    /// Chinese (Lunar) New Year, the first day of the first lunar month,
    /// 1900–2100: from PyPI's `lunar-python`, equal to `lunardate` on every
    /// year to 2099 (`tests/fixtures/x13/make_holidays.py` writes the table
    /// and checks the agreement).
    pub fn chinese_new_year() -> Holiday {
        let days = cny_table::DATES
            .iter()
            .zip(cny_table::FIRST_YEAR..)
            .map(|(&(m, d), y)| days_from_civil(y, u32::from(m), u32::from(d)))
            .collect();
        Holiday {
            name: "cny".to_owned(),
            days,
            first_year: cny_table::FIRST_YEAR,
            last_year: cny_table::LAST_YEAR,
        }
    }

    /// The holiday's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The first and last years its dates cover.
    pub const fn years(&self) -> (i32, i32) {
        (self.first_year, self.last_year)
    }

    /// The (first) date of the holiday in `year`, if it falls in that year.
    pub fn date(&self, year: i32) -> Option<NaiveDate> {
        let from = days_from_civil(year, 1, 1);
        let i = self.days.partition_point(|&d| d < from);
        let d = *self.days.get(i)?;
        let (y, m, day) = civil_from_days(d);
        if y == year {
            NaiveDate::from_ymd_opt(y, m, day)
        } else {
            None
        }
    }
}

/// How a generated holiday regressor is centred.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Centering {
    /// Not centred: the raw shares (genhol's default).
    #[default]
    None,
    /// Minus the mean over all periods of the centring years.
    Mean,
    /// Minus each calendar month's (quarter's) mean over the centring
    /// years: what the program does to its Easter regressor, and what
    /// Census recommends for Chinese New Year.
    Calendar,
}

/// A holiday regressor as `genhol` generates it: a window of days around
/// each occurrence of a [`Holiday`], and its centring.
///
/// # Example
/// ```
/// use econseries::{Month, x13::regressors::{Centering, Holiday, HolidayRegressor, Span}};
///
/// // The week from Chinese New Year's day on, centred on calendar-month means.
/// let cny = HolidayRegressor::new(Holiday::chinese_new_year(), 0, 6)?.centering(Centering::Calendar);
/// let x = cny.values(&Span::new(Month::new(2025, 1)?, 12)?)?;
/// // 2025-01-29: three of the seven days in January, four in February.
/// assert!(x[0] > 0.0 && x[1] < 0.0 && x[2] == 0.0);
/// # Ok::<(), econseries::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct HolidayRegressor {
    holiday: Holiday,
    begin: i32,
    end: i32,
    centering: Centering,
    mean_years: Option<(i32, i32)>,
}

/// genhol's limit on a window's length.
const MAX_WINDOW: i32 = 150;

impl HolidayRegressor {
    /// The window from `begin` to `end` days after the holiday (both
    /// included; negative: before it), not centred.
    ///
    /// # Errors
    /// [`Error::Regressor`] if `begin > end` or the window is longer than
    /// genhol's 150 days.
    pub fn new(holiday: Holiday, begin: i32, end: i32) -> Result<HolidayRegressor> {
        if begin > end || i64::from(end) - i64::from(begin) >= i64::from(MAX_WINDOW) {
            return Err(Error::Regressor {
                variable: format!("{}[{begin},{end}]", holiday.name).into(),
                problem: RegressorProblem::Window {
                    min: -MAX_WINDOW,
                    max: MAX_WINDOW,
                },
            });
        }
        Ok(HolidayRegressor {
            holiday,
            begin,
            end,
            centering: Centering::None,
            mean_years: None,
        })
    }

    /// The centring.
    pub fn centering(mut self, centering: Centering) -> HolidayRegressor {
        self.centering = centering;
        self
    }

    /// The years whose means centre the regressor (default: every year
    /// of the holiday's dates).
    pub fn mean_years(mut self, first: i32, last: i32) -> HolidayRegressor {
        self.mean_years = Some((first, last));
        self
    }

    /// The regressor's name: the holiday's, with its window.
    pub fn name(&self) -> String {
        format!("{}[{},{}]", self.holiday.name, self.begin, self.end)
    }

    fn out_of_range(&self, year: i32) -> Error {
        Error::Regressor {
            variable: self.name().into(),
            problem: RegressorProblem::YearOutOfRange {
                year,
                first: self.holiday.first_year,
                last: self.holiday.last_year,
            },
        }
    }

    /// Raw shares over the span.
    fn raw(&self, span: &Span) -> Result<Vec<f64>> {
        let (Some(first), Some(last)) = (
            span.dates().next(),
            span.len().checked_sub(1).map(|i| span.date(i)),
        ) else {
            return Ok(Vec::new());
        };
        for y in [first.year(), last.year()] {
            if y < self.holiday.first_year || y > self.holiday.last_year {
                return Err(self.out_of_range(y));
            }
        }
        let per = 12 / span.per_year();
        let len = f64::from(self.end - self.begin + 1);
        let from = days_from_civil(first.year(), (first.period() - 1) * per + 1, 1);
        let mut out = vec![0.0; span.len()];
        for &h in &self.holiday.days {
            let (a, b) = (h + i64::from(self.begin), h + i64::from(self.end));
            if b < from {
                continue;
            }
            for day in a.max(from)..=b {
                let (y, m, _) = civil_from_days(day);
                let k = span.offset(SpecDate::new(y, (m - 1) / per + 1));
                match usize::try_from(k).ok().and_then(|k| out.get_mut(k)) {
                    Some(v) => *v += 1.0,
                    None if k >= 0 => break,
                    None => {}
                }
            }
        }
        // Whole day counts first, one division: exact shares of exact counts.
        for v in &mut out {
            *v /= len;
        }
        Ok(out)
    }

    /// The regressor over `span`.
    ///
    /// # Errors
    /// [`Error::Regressor`] with [`RegressorProblem::YearOutOfRange`] if the
    /// span or the centring years reach beyond the holiday's dates.
    pub fn values(&self, span: &Span) -> Result<Vec<f64>> {
        let raw = self.raw(span)?;
        if self.centering == Centering::None {
            return Ok(raw);
        }
        let (y0, y1) = self
            .mean_years
            .unwrap_or((self.holiday.first_year, self.holiday.last_year));
        if y0 > y1 {
            return Err(self.out_of_range(y0));
        }
        let s = span.per_year() as usize;
        let years = (y1 - y0 + 1) as usize;
        let base = Span::from_date(span.per_year(), SpecDate::new(y0, 1), years * s)?;
        let full = self.raw(&base)?;
        let mut means = vec![0.0; s];
        for (i, v) in full.iter().enumerate() {
            if let Some(m) = means.get_mut(i % s) {
                *m += v;
            }
        }
        let overall = means.iter().sum::<f64>() / (years * s) as f64;
        for m in &mut means {
            *m /= years as f64;
        }
        Ok(span
            .dates()
            .zip(raw)
            .map(|(d, v)| match self.centering {
                Centering::Mean => v - overall,
                _ => v - means.get(d.period() as usize - 1).copied().unwrap_or(0.0),
            })
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_of_a_window() {
        // 2025-01-29 plus six days: Jan 29–31 and Feb 1–4.
        let r = HolidayRegressor::new(Holiday::chinese_new_year(), 0, 6).unwrap();
        let span = Span::from_date(12, SpecDate::new(2025, 1), 3).unwrap();
        let x = r.values(&span).unwrap();
        assert!(
            (x[0] - 3.0 / 7.0).abs() < 1e-15 && (x[1] - 4.0 / 7.0).abs() < 1e-15 && x[2] == 0.0
        );
        let q = Span::from_date(4, SpecDate::new(2025, 1), 2).unwrap();
        assert_eq!(r.values(&q).unwrap(), [1.0, 0.0]);
    }

    #[test]
    fn out_of_range_years() {
        let r = HolidayRegressor::new(Holiday::chinese_new_year(), -10, -1).unwrap();
        let span = Span::from_date(12, SpecDate::new(2100, 1), 13).unwrap();
        assert!(matches!(
            r.values(&span),
            Err(Error::Regressor {
                problem: RegressorProblem::YearOutOfRange { year: 2101, .. },
                ..
            })
        ));
        assert!(HolidayRegressor::new(Holiday::chinese_new_year(), 1, 0).is_err());
    }

    #[test]
    fn calendar_centring_has_zero_monthly_means() {
        let r = HolidayRegressor::new(Holiday::chinese_new_year(), -20, -1)
            .unwrap()
            .centering(Centering::Calendar)
            .mean_years(1950, 2049);
        let span = Span::from_date(12, SpecDate::new(1950, 1), 1200).unwrap();
        let x = r.values(&span).unwrap();
        for m in 0..12 {
            let s: f64 = x.iter().skip(m).step_by(12).sum();
            assert!(s.abs() < 1e-12, "{m}: {s}");
        }
    }
}
