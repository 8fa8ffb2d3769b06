//! The program's built-in moving-holiday regressors: Easter, Labor Day and
//! Thanksgiving.
//!
//! Each is the share of a window of days around the holiday that falls in
//! each month (X-13ARIMA-SEATS reference manual, regression spec; Bell and
//! Hillmer 1983), minus that share's long-run mean for the month, so that the
//! regressor carries no seasonal level of its own:
//!
//! ```text
//! easter[w]   window: the w days before Easter Sunday (Easter − w … Easter − 1), w = 1…25;
//!             shares in February, March, April
//! labor[w]    window: the w days before Labor Day (first Monday of September), w = 1…25;
//!             shares in August and September
//! thank[w]    window: from w days before Thanksgiving (fourth Thursday of November;
//!             after it for w < 0) through December 24, w = −8…17 but not 0; shares in November
//!             and December
//! x_t = share_t − mean_month(t)         (quarterly: the sum over the quarter's months)
//! ```
//!
//! The means are what the program subtracts, established by matching its
//! saved regression matrix (`save=(rmx)`) over 1901–2100 to 1e-15:
//!
//! - Easter: the mean over the 500 years 1600–2099 (the span of Census'
//!   `easter500.txt`), rounded to 7 significant digits;
//! - Labor Day and Thanksgiving: the mean over the seven equally likely
//!   weekdays of the month's first day, rounded to 4 decimals.
//!
//! The program refuses Easter and Labor Day effects before 1901 and
//! Thanksgiving before 1939; here Easter is defined from 1583 (the first
//! full Gregorian year), Labor Day from 1894 (the first federal one) and
//! Thanksgiving, as a fourth Thursday, from 1939, the year the program starts
//! from too.
//!
//! One difference is kept on purpose: in 2100 the program puts Labor Day on
//! Sunday September 5 and Thanksgiving a day early too, as if 2100 were a
//! leap year (it is not: the Gregorian rule skips century years not
//! divisible by 400; its trading-day regressors do get 2100 right). Here
//! both holidays fall on their real dates in 2100.

use super::date::Span;
use super::days::{days_from_civil, easter, weekday};
use crate::error::{Error, RegressorProblem, Result};

/// Days of the window in each month of its year: `(month, days)` pairs.
type Shares = [(u32, u32); 3];

/// Splits `len` days starting at `first` (days since the epoch) by month.
fn split(first: i64, len: u32) -> Shares {
    let mut out = [(0, 0); 3];
    let mut slot = 0usize;
    for k in 0..i64::from(len) {
        let (_, m, _) = super::days::civil_from_days(first + k);
        if let Some(cur) = out.get_mut(slot)
            && cur.1 != 0
            && cur.0 != m
        {
            slot += 1;
        }
        if let Some(cur) = out.get_mut(slot) {
            cur.0 = m;
            cur.1 += 1;
        }
    }
    out
}

/// A holiday whose window and means are known for each year.
#[derive(Clone, Copy, Debug)]
pub(super) enum BuiltIn {
    Easter(u32),
    Labor(u32),
    Thanksgiving(i32),
}

impl BuiltIn {
    /// The window of `year`: first day and length.
    fn window(self, year: i32) -> (i64, u32) {
        match self {
            BuiltIn::Easter(w) => {
                let (m, d) = easter(year);
                (days_from_civil(year, m, d) - i64::from(w), w)
            }
            BuiltIn::Labor(w) => {
                let d = labor_day(year);
                (days_from_civil(year, 9, d) - i64::from(w), w)
            }
            BuiltIn::Thanksgiving(w) => {
                let d = thanksgiving(year);
                let first = days_from_civil(year, 11, d) - i64::from(w);
                let last = days_from_civil(year, 12, 24);
                (first, (last - first + 1) as u32)
            }
        }
    }

    /// The months the window can touch.
    fn months(self) -> &'static [u32] {
        match self {
            BuiltIn::Easter(_) => &[2, 3, 4],
            BuiltIn::Labor(_) => &[8, 9],
            BuiltIn::Thanksgiving(_) => &[11, 12],
        }
    }

    fn first_year(self) -> i32 {
        match self {
            BuiltIn::Easter(_) => 1583,
            BuiltIn::Labor(_) => 1894,
            BuiltIn::Thanksgiving(_) => 1939,
        }
    }

    /// The long-run mean share of `month`, as the program rounds it.
    fn mean(self, month: u32) -> f64 {
        match self {
            BuiltIn::Easter(w) => easter_means(w)
                .get((month as usize).wrapping_sub(2))
                .copied()
                .unwrap_or(0.0),
            BuiltIn::Labor(w) => {
                // Labor Day on September 1 … 7 with equal weight.
                let days: u32 = (1..=7u32)
                    .map(|d| {
                        if month == 9 {
                            (d - 1).min(w)
                        } else {
                            w.saturating_sub(d - 1)
                        }
                    })
                    .sum();
                let den = 7 * w;
                f64::from((2 * days * 10_000 + den) / (2 * den)) / 1e4
            }
            BuiltIn::Thanksgiving(w) => {
                let share: f64 = (22..=28i32)
                    .map(|d| {
                        let total = 55 - d + w;
                        let nov = (31 - d + w).clamp(0, total);
                        let days = if month == 11 { nov } else { total - nov };
                        f64::from(days) / f64::from(total)
                    })
                    .sum::<f64>()
                    / 7.0;
                (share * 1e4).round() / 1e4
            }
        }
    }

    /// The centred regressor over the span.
    pub(super) fn values(self, span: &Span, name: &str) -> Result<Vec<f64>> {
        if let Some(d) = span.dates().next().filter(|d| d.year() < self.first_year()) {
            return Err(Error::Regressor {
                variable: name.to_owned().into(),
                problem: RegressorProblem::YearOutOfRange {
                    year: d.year(),
                    first: self.first_year(),
                    last: crate::period::MAX_YEAR,
                },
            });
        }
        let months = self.months();
        let means: Vec<(u32, f64)> = months.iter().map(|&m| (m, self.mean(m))).collect();
        let per = 12 / span.per_year();
        let mut out = Vec::with_capacity(span.len());
        let mut cache: Option<(i32, Shares, u32)> = None;
        for d in span.dates() {
            let first = (d.period() - 1) * per + 1;
            let range = first..first + per;
            if !months.iter().any(|m| range.contains(m)) {
                out.push(0.0);
                continue;
            }
            let (shares, len) = match cache {
                Some((y, s, l)) if y == d.year() => (s, l),
                _ => {
                    let (start, len) = self.window(d.year());
                    let s = split(start, len);
                    cache = Some((d.year(), s, len));
                    (s, len)
                }
            };
            let mut v = 0.0;
            for &(m, mean) in &means {
                if range.contains(&m) {
                    let days: u32 = shares.iter().filter(|s| s.0 == m).map(|s| s.1).sum();
                    v += f64::from(days) / f64::from(len) - mean;
                }
            }
            out.push(v);
        }
        Ok(out)
    }
}

/// The program's Easter means of February, March and April for window
/// `w` (1–25), computed once: integer day counts over 1600..=2099, rounded
/// exactly to 7 significant digits.
fn easter_means(w: u32) -> [f64; 3] {
    static MEANS: std::sync::OnceLock<Vec<[f64; 3]>> = std::sync::OnceLock::new();
    let table = MEANS.get_or_init(|| {
        (0..=25u32)
            .map(|w| {
                let mut days = [0u64; 3];
                for y in 1600..2100 {
                    let (first, len) = BuiltIn::Easter(w).window(y);
                    for (m, d) in split(first, len) {
                        if let Some(slot) = days.get_mut((m as usize).wrapping_sub(2)) {
                            *slot += u64::from(d);
                        }
                    }
                }
                days.map(|k| round_significant(k, 500 * u64::from(w), 7))
            })
            .collect()
    });
    table.get(w as usize).copied().unwrap_or([0.0; 3])
}

/// `num / den` rounded to `digits` significant digits (half up), exactly:
/// the scaled quotient is rounded in integers, then divided by a power of
/// ten, which is itself exact, so the result is the double nearest the
/// decimal the program stores.
fn round_significant(num: u64, den: u64, digits: u32) -> f64 {
    if num == 0 || den == 0 {
        return 0.0;
    }
    let (num, den) = (u128::from(num), u128::from(den));
    let floor = 10u128.pow(digits - 1);
    let mut p = 0i32;
    while num * 10u128.pow(p as u32) < den * floor && p < 30 {
        p += 1;
    }
    let n = (2 * num * 10u128.pow(p as u32) + den) / (2 * den);
    n as f64 / 10f64.powi(p)
}

/// Day of September of Labor Day (the first Monday).
fn labor_day(year: i32) -> u32 {
    let wd = weekday(days_from_civil(year, 9, 1)) as u32;
    1 + (7 - wd) % 7
}

/// Day of November of Thanksgiving (the fourth Thursday).
fn thanksgiving(year: i32) -> u32 {
    let wd = weekday(days_from_civil(year, 11, 1)) as u32;
    1 + (3 + 7 - wd) % 7 + 21
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holiday_dates() {
        // Source: the US federal calendar.
        assert_eq!(labor_day(2000), 4);
        assert_eq!(labor_day(2025), 1);
        assert_eq!(thanksgiving(2000), 23);
        assert_eq!(thanksgiving(2025), 27);
    }

    #[test]
    fn means_seen_in_the_program_output() {
        // Source: the program's rmx for easter[1], labor[1], thank[-8]
        // (tests/fixtures/x13/regressors).
        assert_eq!(BuiltIn::Easter(1).mean(3), 0.266);
        assert_eq!(BuiltIn::Labor(1).mean(8), 0.1429);
        assert_eq!(BuiltIn::Thanksgiving(-8).mean(11), 0.0057);
        // Seven significant digits, not seven decimals (easter[22]).
        assert_eq!(BuiltIn::Easter(22).mean(2), 0.000_272_727_3);
        assert_eq!(round_significant(2, 3, 7), 0.666_666_7);
        assert_eq!(labor_day(2100), 6);
    }

    #[test]
    fn split_crosses_months() {
        let s = split(days_from_civil(2000, 2, 27), 5);
        assert_eq!(s, [(2, 3), (3, 2), (0, 0)]);
    }
}
