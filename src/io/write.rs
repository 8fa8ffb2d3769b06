//! CSV writing and the number format shared by every writer.

use core::fmt::Write as _;
use std::io::{BufWriter, Write};

use crate::error::Result;
use crate::period::Period;
use crate::series::Series;
use crate::unit::Value;

/// The header line every writer emits.
pub(crate) const HEADER: &str = "period,value\n";

/// Formats a number with the fewest significant digits that read back to the
/// same `f64`.
///
/// The digits are the shortest round-trip digits (Rust's `{}` and `{:e}`
/// both produce them). The notation follows Python's `repr`: plain for
/// magnitudes from `1e-4` up to `1e16`, where data live (`250`, `20493.855247`,
/// `0.30000000000000004`), and the shorter of plain and exponent outside it,
/// so `1e300` is not written as 301 digits. `-0.0` is `-0`. Non-finite
/// numbers, which no series holds, come out as `NaN`, `inf` and `-inf`.
///
/// # Example
/// ```
/// use econseries::io::format_value;
///
/// assert_eq!(format_value(-41.43798), "-41.43798");
/// assert_eq!(format_value(1e300), "1e300");
/// assert_eq!(format_value(5e-324), "5e-324");
/// assert_eq!(format_value(0.1 + 0.2), "0.30000000000000004");
/// assert_eq!(format_value(250.0), "250");
/// assert_eq!(format_value(20000.0), "20000");
/// assert_eq!(format_value(0.00012), "0.00012");
/// for x in [1e300, 5e-324, -0.0, 0.1 + 0.2, 123456.789] {
///     assert_eq!(format_value(x).parse::<f64>()?.to_bits(), x.to_bits());
/// }
/// # Ok::<(), std::num::ParseFloatError>(())
/// ```
pub fn format_value(x: f64) -> String {
    let mut out = String::new();
    push_value(&mut out, x);
    out
}

/// Appends [`format_value`]`(x)` to `out`.
pub(crate) fn push_value(out: &mut String, x: f64) {
    let mark = out.len();
    let _ = write!(out, "{x}");
    if !x.is_finite() {
        return;
    }
    let plain = out.len() - mark;
    if x == 0.0 || (1e-4..1e16).contains(&x.abs()) {
        return;
    }
    let _ = write!(out, "{x:e}");
    let exp = out.len() - mark - plain;
    if exp < plain {
        out.replace_range(mark..mark + plain, "");
    } else {
        out.truncate(mark + plain);
    }
}

/// Appends the CSV line for one slot: `period,value` or `period,` if missing.
pub(crate) fn push_line<P: Period>(out: &mut String, period: P, value: Option<f64>) {
    let _ = write!(out, "{period},");
    if let Some(x) = value {
        push_value(out, x);
    }
    out.push('\n');
}

impl<P: Period, U: Value> Series<P, U> {
    /// Writes the series as CSV: a `period,value` header, then one line per
    /// period of the span in order, periods in canonical form (`2025-05`,
    /// `2025-Q1`, `2025`), values as [`format_value`], a missing value as an
    /// empty field, lines ending in `\n`.
    ///
    /// The output reads back with [`read`](Series::read) to an equal
    /// series, bit for bit, missing values and leading or trailing gaps
    /// included, unless the series is empty: a header alone holds no
    /// observations.
    ///
    /// The writer is buffered internally.
    ///
    /// # Errors
    /// [`Error::Io`](crate::Error::Io) if writing fails.
    ///
    /// # Example
    /// ```
    /// use econseries::{Quarter, Series};
    ///
    /// let s = Series::from_options("2025-Q1".parse::<Quarter>()?, [Some(1.5), None, Some(1e300)])?;
    /// let mut out = Vec::new();
    /// s.write_csv(&mut out)?;
    /// assert_eq!(String::from_utf8(out).unwrap(), "period,value\n2025-Q1,1.5\n2025-Q2,\n2025-Q3,1e300\n");
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn write_csv(&self, writer: impl Write) -> Result<()> {
        let mut w = BufWriter::new(writer);
        w.write_all(HEADER.as_bytes())?;
        let mut line = String::new();
        for (p, v) in self.iter() {
            line.clear();
            push_line(&mut line, p, v.map(Value::get));
            w.write_all(line.as_bytes())?;
        }
        w.flush()?;
        Ok(())
    }

    /// The series as CSV text, exactly as [`write_csv`](Series::write_csv) writes it.
    ///
    /// # Example
    /// ```
    /// use econseries::{Month, Series, io::ReadOptions};
    ///
    /// let s = Series::from_options(Month::new(2025, 9)?, [Some(4.3), None])?;
    /// assert_eq!(s.to_csv_string(), "period,value\n2025-09,4.3\n2025-10,\n");
    /// assert_eq!(Series::<Month>::read(s.to_csv_string().as_bytes(), &ReadOptions::new())?, s);
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn to_csv_string(&self) -> String {
        let mut out = String::with_capacity(HEADER.len() + 16 * self.len());
        out.push_str(HEADER);
        for (p, v) in self.iter() {
            push_line(&mut out, p, v.map(Value::get));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shortest_notation() {
        assert_eq!(format_value(0.0), "0");
        assert_eq!(format_value(-0.0), "-0");
        assert_eq!(format_value(100.0), "100");
        assert_eq!(format_value(1000.0), "1000");
        assert_eq!(format_value(1100.0), "1100");
        assert_eq!(format_value(0.01), "0.01");
        assert_eq!(format_value(0.001), "0.001");
        assert_eq!(format_value(0.0012), "0.0012");
        assert_eq!(format_value(0.0001), "0.0001");
        assert_eq!(format_value(0.00001), "1e-5");
        assert_eq!(format_value(1e17), "1e17");
        assert_eq!(format_value(-1.5e-10), "-1.5e-10");
        assert_eq!(format_value(f64::MAX), "1.7976931348623157e308");
        assert_eq!(format_value(f64::NAN), "NaN");
        assert_eq!(format_value(f64::NEG_INFINITY), "-inf");
        let mut s = String::from("x=");
        push_value(&mut s, 1e300);
        assert_eq!(s, "x=1e300");
    }
}
