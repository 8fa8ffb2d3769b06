//! FRED's JSON, as the API's `fred/series/observations` returns it, read as
//! one series (its real-time periods ignored; see
//! [`AnyVintagedSeries::read`](crate::vintage::AnyVintagedSeries::read) for
//! ALFRED's vintages).
//!
//! ```text
//! {"realtime_start":"2026-01-09","realtime_end":"2026-01-09", …,
//!  "observations":[
//!    {"realtime_start":"2026-01-09","realtime_end":"2026-01-09","date":"2025-09-01","value":"4.4"},
//!    {"realtime_start":"2026-01-09","realtime_end":"2026-01-09","date":"2025-10-01","value":"."}]}
//! ```
//!
//! `date` is FRED's first-of-period date (any period form the crate reads is
//! accepted); `value` is a string, `"."` for a missing value (a JSON number or
//! `null` is accepted too). Members other than these are ignored. The
//! document is streamed: an observation at a time is held.
//!
//! Errors are [`Error::At`](crate::Error::At) with the JSON path of the
//! offending value (`$.observations[3].value`); malformed JSON is
//! [`Error::Json`](crate::Error::Json), whose message gives the line and
//! column. A date given twice is an [`Error::DuplicatePeriod`](crate::Error::DuplicatePeriod):
//! a document with several real-time periods is a vintaged series.

use std::io::Read;

use crate::error::Result;
use crate::input::json::{at, fred_date_value, fred_observations};
use crate::input::{CSV_MISSING, Format, Missing, Pos, ReadOptions, Rows, SeriesRows, Write};

/// Reads FRED JSON as one series.
///
/// # Errors
/// See [`AnySeries::read`](crate::AnySeries::read).
pub(crate) fn read(input: impl Read, options: &ReadOptions) -> Result<Rows> {
    options.no_selector(Format::FredJson)?;
    let missing = Missing::new(options, CSV_MISSING);
    let mut rows = SeriesRows::new(options.get_frequency(), options);
    fred_observations(input, options, |i, obs| {
        let (date, value) = fred_date_value(i, obs, &missing)?;
        let path = format!("$.observations[{i}].date");
        let month = rows
            .classifier()
            .classify(&date, || Pos::Path(path.clone()))
            .map_err(|e| at(path.clone(), e))?;
        rows.put(month, value, Write::Add).map_err(|e| at(path, e))
    })?;
    rows.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Error;

    fn err(json: &str) -> String {
        read(json.as_bytes(), &ReadOptions::new())
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn paths_in_errors() {
        assert_eq!(err("[]"), "at $: expected an object, found an array");
        assert_eq!(
            err(r#"{"observations":[{"date":"2025-01-01","value":"x"}]}"#),
            "at $.observations[0].value: \"x\" is not a number"
        );
        assert_eq!(
            err(r#"{"observations":[{"date":"2025-01-01","value":"1e309"}]}"#),
            "at $.observations[0].value: 1e309 is too large for a 64-bit float (the largest is about 1.8e308)"
        );
        assert!(
            err(r#"{"observations":[{"date":"2025-01-01","value":"1"},{"date":"2025-13-01","value":"1"}]}"#)
                .starts_with("at $.observations[1].date: ")
        );
        assert_eq!(
            err(
                r#"{"observations":[{"date":"2025-01-01","value":"1"},{"date":"2025-01-01","value":"2"}]}"#
            ),
            "at $.observations[1].date: duplicate period 2025-01"
        );
        assert!(matches!(
            read(r#"{"observations":[]}"#.as_bytes(), &ReadOptions::new()),
            Err(Error::NoObservations)
        ));
    }
}
