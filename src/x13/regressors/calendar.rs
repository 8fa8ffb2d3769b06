//! Trading-day, leap-year and length-of-period regressors.
//!
//! Following Bell and Hillmer (1983) as the X-13ARIMA-SEATS reference
//! manual describes them (regression spec, "td"):
//!
//! ```text
//! td, tdnolpyear   T_j,t = (number of weekday j in period t) − (number of Sundays in t),
//!                  j = Monday … Saturday (six columns)
//! td1coef          (weekdays in t) − 5/2 (Saturdays and Sundays in t)
//! lpyear           LY_t = 0.75 in February (Q1) of a leap year, −0.25 in other
//!                  Februaries (Q1), 0 elsewhere
//! lom / loq        (days in t) − 30.4375 (91.3125): the length of the period
//!                  minus its long-run mean
//! tdstock[w]       the day of the week of day w of the month (its last day if the
//!                  month is shorter): 1 in that day's column, −1 in every column
//!                  on a Sunday
//! ```
//!
//! Quarterly values sum the quarter's months.

use super::date::Span;
use super::days::{days_from_civil, is_leap, month_len, weekday_counts};

/// Counts of Mondays … Sundays in each period of the span.
fn counts(span: &Span) -> Vec<[u32; 7]> {
    let per = 12 / span.per_year();
    span.dates()
        .map(|d| {
            let mut c = [0u32; 7];
            let first = (d.period() - 1) * per + 1;
            for m in first..first + per {
                for (acc, n) in c.iter_mut().zip(weekday_counts(d.year(), m)) {
                    *acc += n;
                }
            }
            c
        })
        .collect()
}

/// Six columns Monday … Saturday minus Sunday.
pub(super) fn trading_day(span: &Span) -> Vec<Vec<f64>> {
    let c = counts(span);
    (0..6)
        .map(|j| {
            c.iter()
                .map(|k| {
                    let day = k.get(j).copied().unwrap_or(0);
                    f64::from(day) - f64::from(k[6])
                })
                .collect()
        })
        .collect()
}

/// One column: weekdays minus 5/2 weekend days.
pub(super) fn weekday_vs_weekend(span: &Span) -> Vec<f64> {
    counts(span)
        .iter()
        .map(|k| {
            let week: u32 = k[..5].iter().sum();
            f64::from(week) - 2.5 * f64::from(k[5] + k[6])
        })
        .collect()
}

/// The leap-year regressor.
pub(super) fn leap_year(span: &Span) -> Vec<f64> {
    span.dates()
        .map(|d| {
            if d.period() != 1 && span.per_year() == 4 || d.period() != 2 && span.per_year() == 12 {
                0.0
            } else if is_leap(d.year()) {
                0.75
            } else {
                -0.25
            }
        })
        .collect()
}

/// Length of the period minus its mean over the four-year leap cycle
/// (365.25 / 12 or / 4: the program's constant, not the Gregorian 365.2425).
pub(super) fn length_of_period(span: &Span) -> Vec<f64> {
    let per = 12 / span.per_year();
    let mean = 365.25 / f64::from(span.per_year());
    span.dates()
        .map(|d| {
            let first = (d.period() - 1) * per + 1;
            let days: u32 = (first..first + per).map(|m| month_len(d.year(), m)).sum();
            f64::from(days) - mean
        })
        .collect()
}

/// Stock trading day on day `w` of each month (monthly spans only).
pub(super) fn stock(span: &Span, w: u32) -> Vec<Vec<f64>> {
    let mut cols = vec![vec![0.0; span.len()]; 6];
    for (i, d) in span.dates().enumerate() {
        let day = w.min(month_len(d.year(), d.period()));
        let wd = super::days::weekday(days_from_civil(d.year(), d.period(), day));
        for (j, col) in cols.iter_mut().enumerate() {
            if let Some(v) = col.get_mut(i) {
                *v = if wd == 6 {
                    -1.0
                } else if wd == j {
                    1.0
                } else {
                    0.0
                };
            }
        }
    }
    cols
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::x13::regressors::SpecDate;

    #[test]
    fn january_2000() {
        // Source: the calendar. January 2000 began on a Saturday: 5 Mondays,
        // Saturdays and Sundays, 4 of the other days.
        let span = Span::from_date(12, SpecDate::new(2000, 1), 2).unwrap();
        let td = trading_day(&span);
        assert_eq!(
            td.iter().map(|c| c[0]).collect::<Vec<_>>(),
            [0.0, -1.0, -1.0, -1.0, -1.0, 0.0]
        );
        assert_eq!(weekday_vs_weekend(&span)[0], 21.0 - 25.0);
        assert_eq!(leap_year(&span), [0.0, 0.75]);
        assert_eq!(length_of_period(&span)[1], 29.0 - 30.4375);
    }
}
