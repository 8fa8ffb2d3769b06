//! Value parsing: numbers, missing-value markers, and why a text is refused.

use crate::error::{Error, Result};
use crate::period::AnyPeriod;

use super::ReadOptions;

/// The texts that mark a missing value in one read: the format's own unless
/// [`ReadOptions::missing`] replaces them; an empty field always does.
#[derive(Clone, Debug)]
pub(crate) struct Missing {
    markers: Vec<String>,
    /// Whether markers compare ASCII case-insensitively (SDMX's `NaN`/`nan`).
    fold_case: bool,
}

impl Missing {
    /// The markers of `options`, else `defaults`.
    pub(crate) fn new(options: &ReadOptions, defaults: &[&str]) -> Missing {
        match options.get_missing() {
            Some(m) => Missing {
                markers: m.to_vec(),
                fold_case: false,
            },
            None => Missing {
                markers: defaults.iter().map(|s| (*s).to_owned()).collect(),
                fold_case: true,
            },
        }
    }

    /// Whether `text` (trimmed) marks a missing value.
    pub(crate) fn is_missing(&self, text: &str) -> bool {
        text.is_empty()
            || self.markers.iter().any(|m| {
                if self.fold_case {
                    m.eq_ignore_ascii_case(text)
                } else {
                    m == text
                }
            })
    }

    /// Parses a value field: a marker is missing, else a finite number.
    ///
    /// # Errors
    /// As [`parse_number`].
    pub(crate) fn parse(&self, text: &str) -> Result<Option<f64>> {
        if self.is_missing(text) {
            return Ok(None);
        }
        parse_number(text).map(Some)
    }
}

/// `e` with the period of the value it is about, when the value was read
/// before its period was known to it (the number parsers take text only).
pub(crate) fn at_period(e: Error, p: AnyPeriod) -> Error {
    match e {
        Error::NonFinite {
            value,
            period: None,
        } => Error::NonFinite {
            value,
            period: Some(p),
        },
        other => other,
    }
}

/// The markers of plain and long CSV.
pub(crate) const CSV_MISSING: &[&str] = &["."];
/// The markers of ALFRED's CSV.
pub(crate) const ALFRED_MISSING: &[&str] = &[".", "#N/A", "NA"];
/// The markers of SDMX.
pub(crate) const SDMX_MISSING: &[&str] = &[".", ":", "NaN"];

/// Parses a finite number in Rust's `f64` syntax.
///
/// # Errors
/// [`Error::NonFinite`] for `inf`, `NaN` and their spellings; [`Error::ValueTooLarge`] for a number too large for an `f64`
/// (`1e309`); [`Error::Underflow`] for non-zero digits too small for one
/// (`1e-400`: read as 0 it would be a silently wrong number; subnormals
/// such as `5e-324` are values); [`Error::NotANumber`] otherwise.
pub(crate) fn parse_number(text: &str) -> Result<f64> {
    match text.parse::<f64>() {
        // Zero from non-zero digits: too small to represent, not zero.
        Ok(0.0)
            if text
                .split(['e', 'E'])
                .next()
                .is_some_and(|m| m.contains(|c: char| matches!(c, '1'..='9'))) =>
        {
            Err(Error::Underflow {
                text: text.to_owned().into(),
            })
        }
        Ok(x) if x.is_finite() => Ok(x),
        // Digits that overflow, as opposed to a spelled-out infinity or NaN.
        Ok(x) if x.is_infinite() && text.bytes().any(|b| b.is_ascii_digit()) => {
            Err(Error::ValueTooLarge {
                text: text.to_owned().into(),
            })
        }
        // The reader's wrapper names the line or path, and with it the period.
        Ok(x) => Err(Error::NonFinite {
            value: x,
            period: None,
        }),
        Err(_) => Err(Error::NotANumber {
            text: text.to_owned().into(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_markers_and_refusals() {
        let csv = Missing::new(&ReadOptions::new(), CSV_MISSING);
        assert_eq!(csv.parse("").unwrap(), None);
        assert_eq!(csv.parse(".").unwrap(), None);
        assert_eq!(csv.parse("-1.5e3").unwrap(), Some(-1500.0));
        for t in ["inf", "-inf", "NaN", "nan", "infinity", "+Infinity"] {
            assert!(matches!(csv.parse(t), Err(Error::NonFinite { .. })), "{t}");
        }
        for t in [
            "1e309",
            "-1e400",
            "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497792",
        ] {
            assert!(
                matches!(csv.parse(t), Err(Error::ValueTooLarge { .. })),
                "{t}"
            );
        }
        for t in ["abc", "1,000", "1 000", "0x10", "--1", "#N/A"] {
            assert!(matches!(csv.parse(t), Err(Error::NotANumber { .. })), "{t}");
        }
        // Underflow is an error like overflow; zeros and subnormals are values.
        for t in ["1e-400", "-2e-324", "0.000001e-320", "9E-999"] {
            assert!(matches!(csv.parse(t), Err(Error::Underflow { .. })), "{t}");
        }
        for t in ["0", "0.0", "-0", "0e5", "000.000E-400", "+0"] {
            assert_eq!(csv.parse(t).unwrap(), Some(0.0), "{t}");
        }
        assert_eq!(csv.parse("5e-324").unwrap(), Some(5e-324));
        assert_eq!(csv.parse("3e-324").unwrap(), Some(5e-324));
        let alfred = Missing::new(&ReadOptions::new(), ALFRED_MISSING);
        assert_eq!(alfred.parse("#N/A").unwrap(), None);
        let sdmx = Missing::new(&ReadOptions::new(), SDMX_MISSING);
        assert_eq!(sdmx.parse("nan").unwrap(), None);
        let own = Missing::new(&ReadOptions::new().missing(["-"]), CSV_MISSING);
        assert_eq!(own.parse("-").unwrap(), None);
        assert!(own.parse(".").is_err());
        assert_eq!(own.parse("").unwrap(), None);
    }
}
