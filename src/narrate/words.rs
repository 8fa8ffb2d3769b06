//! Newsroom words: period names, ordinals, numbers.

use chrono::NaiveDate;

use crate::period::{Frequency, Period};

/// A period as a newsroom writes it: `May 2025`, `the first quarter of 2025`,
/// `2025`.
///
/// # Example
/// ```
/// use econseries::{Month, Quarter, Year};
/// use econseries::narrate::period_name;
///
/// assert_eq!(period_name(Month::new(2025, 5)?), "May 2025");
/// assert_eq!(period_name(Quarter::new(2025, 1)?), "the first quarter of 2025");
/// assert_eq!(period_name(Year::new(2025)?), "2025");
/// # Ok::<(), econseries::Error>(())
/// ```
pub fn period_name<P: Period>(p: P) -> String {
    match P::FREQUENCY {
        Frequency::Monthly => p.first_day().format("%B %Y").to_string(),
        Frequency::Quarterly => {
            let which = ["first", "second", "third", "fourth"]
                .get(p.position() as usize - 1)
                .copied()
                .unwrap_or("last");
            format!("the {which} quarter of {}", p.year())
        }
        _ => p.year().to_string(),
    }
}

/// A day as a newsroom writes it: `30 April 2025`.
///
/// # Example
/// ```
/// use chrono::NaiveDate;
/// use econseries::narrate::date_name;
///
/// assert_eq!(date_name("2025-04-30".parse::<NaiveDate>()?), "30 April 2025");
/// assert_eq!(date_name("2025-12-03".parse::<NaiveDate>()?), "3 December 2025");
/// # Ok::<(), chrono::ParseError>(())
/// ```
pub fn date_name(date: NaiveDate) -> String {
    date.format("%-d %B %Y").to_string()
}

/// An ordinal in words up to the twelfth, in figures after: `first`,
/// `fourth`, `13th`, `22nd`.
///
/// # Example
/// ```
/// use econseries::narrate::ordinal;
///
/// assert_eq!(ordinal(4), "fourth");
/// assert_eq!(ordinal(12), "twelfth");
/// assert_eq!(ordinal(21), "21st");
/// assert_eq!(ordinal(113), "113th");
/// ```
pub fn ordinal(n: usize) -> String {
    const WORDS: [&str; 12] = [
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
        "tenth", "eleventh", "twelfth",
    ];
    if let Some(w) = n.checked_sub(1).and_then(|i| WORDS.get(i)) {
        return (*w).to_owned();
    }
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// `x` with one decimal, never `-0.0`.
pub(crate) fn one_decimal(x: f64) -> String {
    let s = format!("{x:.1}");
    if s == "-0.0" { "0.0".to_owned() } else { s }
}

/// The text with its first letter in upper case.
pub(crate) fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// The adjective of a frequency: `monthly`, `quarterly`, `annual`.
pub(crate) fn adjective(f: Frequency) -> &'static str {
    match f {
        Frequency::Monthly => "monthly",
        Frequency::Quarterly => "quarterly",
        _ => "annual",
    }
}

/// The noun of one period: `month`, `quarter`, `year`.
pub(crate) fn noun(f: Frequency) -> &'static str {
    match f {
        Frequency::Monthly => "month",
        Frequency::Quarterly => "quarter",
        _ => "year",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words() {
        assert_eq!(one_decimal(-0.04), "0.0");
        assert_eq!(one_decimal(-41.438), "-41.4");
        assert_eq!(capitalised("the index"), "The index");
        assert_eq!(capitalised(""), "");
        assert_eq!(ordinal(0), "0th");
        assert_eq!(ordinal(13), "13th");
        assert_eq!(ordinal(102), "102nd");
        assert_eq!(adjective(Frequency::Annual), "annual");
        assert_eq!(noun(Frequency::Quarterly), "quarter");
    }
}
