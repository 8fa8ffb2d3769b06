//! The plain `period,value` CSV and FRED's download form.

use std::io::Read;

use crate::error::{Error, Result};
use crate::input::{
    COMMA, CSV_MISSING, Format, Missing, ReadOptions, Records, Rows, SeriesRows, Write, any_period,
    at_period,
};

/// Reads one series of plain or FRED CSV.
///
/// # Errors
/// See [`AnySeries::read`](crate::AnySeries::read).
pub(crate) fn read(input: impl Read, options: &ReadOptions) -> Result<Rows> {
    options.no_selector(Format::Csv)?;
    let missing = Missing::new(options, CSV_MISSING);
    let mut records = Records::new(input, options, COMMA);
    let mut rows = SeriesRows::new(options.get_frequency(), options);
    let mut first = true;
    while records.next()? {
        if records.len() != 2 {
            return Err(records.at(Error::FieldCount {
                expected: 2,
                found: records.len(),
            }));
        }
        if core::mem::take(&mut first) && is_header(&records.field(0), &records.field(1), &missing)
        {
            continue;
        }
        records.count_row()?;
        let (period, value) = (records.field(0), records.field(1));
        let pos = || records.pos();
        let month = rows
            .classifier()
            .classify(&period, pos)
            .map_err(|e| records.at(e))?;
        let value = missing.parse(&value).map_err(|e| {
            let p = any_period(rows.classifier().frequency(), month);
            records.at(at_period(e, p))
        })?;
        rows.put(month, value, Write::Add)
            .map_err(|e| records.at(e))?;
    }
    rows.finish()
}

/// Whether the first record names its columns: a period field without a
/// digit (`period`, `observation_date`, `DATE`) and a value field that is a
/// name (not a number, not empty, not a missing marker). Anything else is
/// data, so a first row in a form the reader does not know (`2025-5`,
/// `May 2025`) is an error like on any other line, never dropped.
fn is_header(period: &str, value: &str, missing: &Missing) -> bool {
    !period.bytes().any(|b| b.is_ascii_digit())
        && !missing.is_missing(value)
        && value.parse::<f64>().is_err()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str) -> Result<Rows> {
        read(text.as_bytes(), &ReadOptions::new())
    }

    #[test]
    fn header_by_names_and_headerless_first_rows() {
        assert_eq!(rows("period,value\n2025-01,1\n").unwrap().1.len(), 1);
        assert_eq!(rows("2025-01,1\n2025-02,2\n").unwrap().1.len(), 2);
        for first in ["2025-5", "May 2025", "2025M05", "05/2025"] {
            let e = rows(&format!("{first},1\n2025-06,2\n")).unwrap_err();
            assert_eq!(e.line(), Some(1), "{first}: {e}");
            assert!(
                matches!(e, Error::Read { ref source, .. } if matches!(**source, Error::UnrecognisedPeriod { .. })),
                "{first}: {e}"
            );
        }
        // A name in the period field with a number or a missing value: data, so an error.
        assert_eq!(rows("period,1\n").unwrap_err().line(), Some(1));
        assert_eq!(rows("date,.\n").unwrap_err().line(), Some(1));
    }

    #[test]
    fn long_input_keeps_little() {
        let mut text = String::from("period,value\n");
        for y in 1900..2000 {
            for m in 1..=12 {
                text.push_str(&format!("{y}-{m:02},{y}.{m}\n"));
            }
        }
        text.push_str("1950-06,1\n");
        let e = rows(&text).unwrap_err();
        assert_eq!(e.line(), Some(1202));
        assert!(matches!(e, Error::Read { ref text, ref source, .. }
            if &**text == "1950-06,1" && matches!(**source, Error::DuplicatePeriod { ref period } if period.to_string() == "1950-06")));
    }
}
