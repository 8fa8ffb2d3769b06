//! Day arithmetic on the proleptic Gregorian calendar, in plain integers so
//! that regressors over centuries need no fallible date constructors.

/// Days from 1970-01-01 to `year-month-day` (negative before), for any
/// year the crate supports. Howard Hinnant's `days_from_civil`.
pub(super) fn days_from_civil(year: i32, month: u32, day: u32) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// `(year, month, day)` of a day count from 1970-01-01 (the inverse of
/// [`days_from_civil`]).
pub(super) fn civil_from_days(z: i64) -> (i32, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year as i32, month, day)
}

/// Day of the week, Monday 0 … Sunday 6.
pub(super) fn weekday(days: i64) -> usize {
    // 1970-01-01 was a Thursday (3).
    (days + 3).rem_euclid(7) as usize
}

/// Whether `year` is a Gregorian leap year.
pub(super) fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Days in `month` of `year`.
pub(super) fn month_len(year: i32, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// How many Mondays … Sundays a month has: four of each, and one more for
/// each of the `len - 28` weekdays from the first day on.
pub(super) fn weekday_counts(year: i32, month: u32) -> [u32; 7] {
    let len = month_len(year, month);
    let first = weekday(days_from_civil(year, month, 1));
    let mut counts = [4u32; 7];
    for k in 0..(len - 28) as usize {
        if let Some(c) = counts.get_mut((first + k) % 7) {
            *c += 1;
        }
    }
    counts
}

/// Easter Sunday of a Gregorian year as `(month, day)`: the anonymous
/// Gregorian computus (Meeus, *Astronomical Algorithms*, ch. 8), valid from
/// 1583 on.
pub(super) fn easter(year: i32) -> (u32, u32) {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    (month as u32, day as u32)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Datelike, NaiveDate};

    #[test]
    fn civil_round_trip_against_chrono() {
        for (y, m, d) in [
            (1, 1, 1),
            (1600, 2, 29),
            (1900, 3, 1),
            (1970, 1, 1),
            (2024, 12, 31),
            (9999, 12, 31),
        ] {
            let z = days_from_civil(y, m, d);
            assert_eq!(civil_from_days(z), (y, m, d));
            let date = NaiveDate::from_ymd_opt(y, m, d).unwrap();
            assert_eq!(weekday(z), date.weekday().num_days_from_monday() as usize);
            assert_eq!(
                z,
                (date - NaiveDate::from_ymd_opt(1970, 1, 1).unwrap()).num_days()
            );
        }
    }

    #[test]
    fn easter_known_dates() {
        // Source: the dates of Easter Sunday as churches publish them.
        assert_eq!(easter(2000), (4, 23));
        assert_eq!(easter(2002), (3, 31));
        assert_eq!(easter(2008), (3, 23));
        assert_eq!(easter(2019), (4, 21));
        assert_eq!(easter(2285), (3, 22));
        assert_eq!(easter(2038), (4, 25));
    }

    #[test]
    fn weekday_counts_sum_to_month_length() {
        // January 2000 began on a Saturday: five Saturdays, Sundays, Mondays.
        assert_eq!(weekday_counts(2000, 1), [5, 4, 4, 4, 4, 5, 5]);
        assert_eq!(weekday_counts(2000, 2).iter().sum::<u32>(), 29);
    }
}
