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

/// `x` with `precision` digits after the point (plain) or in the mantissa
/// (scientific, for magnitudes from 1e15 or below 1e-4, where plain
/// digits would run to hundreds); never `-0.0`.
fn figure_at(x: f64, precision: usize) -> String {
    let a = x.abs();
    let text = if a != 0.0 && !(1e-4..1e15).contains(&a) {
        format!("{x:.precision$e}")
    } else {
        format!("{x:.precision$}")
    };
    match text.strip_prefix('-') {
        Some(rest) if looks_zero(rest) => rest.to_owned(),
        _ => text,
    }
}

/// Whether a formatted number shows only zeros.
fn looks_zero(text: &str) -> bool {
    text.chars()
        .take_while(|c| *c != 'e')
        .all(|c| matches!(c, '0' | '.' | '-'))
}

/// The most digits ever tried before falling back to the shortest exact
/// form: beyond 20 decimals no two `f64` at or above 1e-4 print alike.
const MAX_PRECISION: usize = 20;

/// A number as a headline writes it: one decimal (`41.4`), more where one
/// would show a non-zero value as zero (`0.04`), a compact scientific form
/// for very large or small magnitudes (`1.8e308`, `3.0e-7`).
pub(crate) fn figure(x: f64) -> String {
    (1..=MAX_PRECISION)
        .map(|p| figure_at(x, p))
        .find(|t| x == 0.0 || !looks_zero(t))
        .unwrap_or_else(|| format!("{x:e}"))
}

/// Two numbers written side by side ("fell to 1.01 from 1.04"): as
/// [`figure`], with as many more digits as it takes for two different
/// values to print differently.
pub(crate) fn figures(a: f64, b: f64) -> (String, String) {
    for p in 1..=MAX_PRECISION {
        let (ta, tb) = (figure_at(a, p), figure_at(b, p));
        let zero_shown = (a != 0.0 && looks_zero(&ta)) || (b != 0.0 && looks_zero(&tb));
        if !zero_shown && (a == b || ta != tb) {
            return (ta, tb);
        }
    }
    // Shortest round-trip digits: distinct for distinct values.
    (format!("{a:e}"), format!("{b:e}"))
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
    use proptest::prelude::*;

    proptest! {
        /// Two different values never print alike, and a non-zero value
        /// never prints as zero.
        #[test]
        fn different_values_print_differently(a in any_finite(), b in any_finite()) {
            let (ta, tb) = figures(a, b);
            if a != b {
                prop_assert_ne!(&ta, &tb);
            }
            prop_assert!(a == 0.0 || !looks_zero(&ta), "{a} printed as {ta}");
            prop_assert!(a == 0.0 || !looks_zero(&figure(a)), "{a} printed as {}", figure(a));
        }

        /// Neighbouring floats, the hardest case for the rule above.
        #[test]
        fn neighbours_print_differently(a in any_finite()) {
            let b = a.next_up();
            if b.is_finite() {
                let (ta, tb) = figures(a, b);
                prop_assert_ne!(ta, tb);
            }
        }
    }

    /// Finite floats of every magnitude, subnormals and zeros included.
    fn any_finite() -> impl Strategy<Value = f64> {
        prop_oneof![
            any::<f64>().prop_filter("finite", |x| x.is_finite()),
            -1e6..1e6f64,
            -1.0..1.0f64,
            Just(0.0),
            Just(-0.0),
        ]
    }

    #[test]
    fn words() {
        assert_eq!(figure(-41.438), "-41.4");
        assert_eq!(figure(0.04), "0.04");
        assert_eq!(figure(-0.0), "0.0");
        assert_eq!(figure(0.0), "0.0");
        assert_eq!(figure(1.7e308), "1.7e308");
        assert_eq!(figure(3e-7), "3.0e-7");
        assert_eq!(figures(1.04, 1.01), ("1.04".to_owned(), "1.01".to_owned()));
        assert_eq!(figures(53.6, 51.0), ("53.6".to_owned(), "51.0".to_owned()));
        assert_eq!(figures(-0.0, 0.0), ("0.0".to_owned(), "0.0".to_owned()));
        let (a, b) = figures(f64::MAX, f64::MAX.next_down());
        assert_ne!(a, b);
        assert_eq!(capitalised("the index"), "The index");
        assert_eq!(capitalised(""), "");
        assert_eq!(ordinal(0), "0th");
        assert_eq!(ordinal(13), "13th");
        assert_eq!(ordinal(102), "102nd");
        assert_eq!(adjective(Frequency::Annual), "annual");
        assert_eq!(noun(Frequency::Quarterly), "quarter");
    }
}
