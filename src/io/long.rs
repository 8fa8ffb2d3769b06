//! A tidy long CSV: one row per series and period (and, for vintaged data,
//! per vintage).
//!
//! ```text
//! series_id,period,value
//! GDPC1,2025-Q1,23526.085
//! UNRATE,2025-05,4.2
//! ```
//!
//! Columns are found by name in the header (ASCII case-insensitive), in any
//! order; other columns are ignored. Two columns that could be the same one
//! (`id` and `series_id`) are an [`Error::DuplicateColumn`].
//!
//! | column | also accepted | |
//! |---|---|---|
//! | `series_id` | `series`, `id`, `key` | required ([`ReadOptions::key_columns`](crate::io::ReadOptions::key_columns) names another) |
//! | `period` | `date`, `observation_date`, `time_period` | required ([`time_column`](crate::io::ReadOptions::time_column)); any period form the crate reads |
//! | `value` | `obs_value` | required ([`value_column`](crate::io::ReadOptions::value_column)); empty or `.` is missing |
//! | `vintage` | `vintage_date` | optional: the date the row's value was published (ALFRED's vintage date) |
//! | `realtime_start`, `realtime_end` | | optional, together: the row's real-time interval |
//!
//! [`AnySeries::read`] reads one series of a file without vintage columns:
//! the one [`ReadOptions::series`](crate::io::ReadOptions::series) names
//! (only its rows are kept), or the only one. A file with vintage columns
//! is read by [`AnyVintagedSeries::read`](crate::vintage::AnyVintagedSeries::read),
//! and [`VintagedSeries::write_long_csv`](crate::vintage::VintagedSeries::write_long_csv)
//! writes one.
//!
//! # Example
//! ```
//! use econseries::{AnySeries, io::{ReadOptions, long}};
//!
//! let csv = "series_id,period,value\nGDPC1,2025-Q1,23526.085\nUNRATE,2025-05,4.2\n";
//! let gdp = AnySeries::read(csv.as_bytes(), &ReadOptions::new().series("GDPC1"))?;
//! assert_eq!(gdp.to_csv_string(), "period,value\n2025-Q1,23526.085\n");
//! let mut out = Vec::new();
//! long::write_series(&mut out, [("GDPC1", &gdp)])?;
//! assert_eq!(out, b"series_id,period,value\nGDPC1,2025-Q1,23526.085\n");
//! # Ok::<(), econseries::Error>(())
//! ```

use std::io::{Read, Write};

use crate::error::{Error, Result};
use crate::input::csv_field;
use crate::input::long::{LongColumns, SeriesPick};
use crate::input::{
    COMMA, CSV_MISSING, Missing, ReadOptions, Records, Rows, SeriesRows, Write as Put, any_period,
    at_period,
};
use crate::io::AnySeries;
use crate::io::write::push_value;

/// Reads the selected (or only) series of a long CSV without vintages.
///
/// # Errors
/// See [`AnySeries::read`].
pub(crate) fn read(input: impl Read, options: &ReadOptions) -> Result<Rows> {
    let missing = Missing::new(options, CSV_MISSING);
    let mut records = Records::new(input, options, COMMA);
    if !records.next()? {
        return Err(Error::NoObservations);
    }
    let cols = LongColumns::find(&records, options)?;
    if cols.when.is_some() {
        return Err(records.at(Error::UnsupportedFormat {
            format: "long CSV with vintages",
            hint: "read it as a vintaged series (vintage::AnyVintagedSeries::read, econ vintage)",
        }));
    }
    let mut pick = SeriesPick::new(options);
    let mut rows = SeriesRows::new(options.get_frequency(), options);
    while records.next()? {
        records.count_row()?;
        if !pick.admit(&records, &cols)? {
            continue;
        }
        let period = records.field(cols.period);
        let month = rows
            .classifier()
            .classify(&period, || records.pos())
            .map_err(|e| records.in_field(cols.name(cols.period), cols.period, e))?;
        let value = missing.parse(&records.field(cols.value)).map_err(|e| {
            let p = any_period(rows.classifier().frequency(), month);
            records.in_field(cols.name(cols.value), cols.value, at_period(e, p))
        })?;
        rows.put(month, value, Put::Add)
            .map_err(|e| records.at(e))?;
    }
    pick.finish()?;
    rows.finish()
}

/// Writes series as a long CSV `series_id,period,value`, every period of
/// each span (missing values as empty fields).
///
/// # Errors
/// [`Error::Io`] if writing fails.
///
/// # Example
/// ```
/// use econseries::{AnySeries, io::{ReadOptions, long}};
///
/// let a = AnySeries::read("2025-01,1\n2025-02,2\n".as_bytes(), &ReadOptions::new())?;
/// let mut out = Vec::new();
/// long::write_series(&mut out, [("A", &a)])?;
/// assert_eq!(out, b"series_id,period,value\nA,2025-01,1\nA,2025-02,2\n");
/// assert_eq!(AnySeries::read(&out[..], &ReadOptions::new().series("A"))?, a);
/// # Ok::<(), econseries::Error>(())
/// ```
pub fn write_series<'a>(
    mut writer: impl Write,
    series: impl IntoIterator<Item = (&'a str, &'a AnySeries)>,
) -> Result<()> {
    let mut out = String::from("series_id,period,value\n");
    for (id, s) in series {
        let id = csv_field(id);
        let rows: Vec<(String, Option<f64>)> = match s {
            AnySeries::Monthly(s) => s.iter().map(|(p, v)| (p.to_string(), v)).collect(),
            AnySeries::Quarterly(s) => s.iter().map(|(p, v)| (p.to_string(), v)).collect(),
            AnySeries::Annual(s) => s.iter().map(|(p, v)| (p.to_string(), v)).collect(),
        };
        for (p, v) in rows {
            out.push_str(&id);
            out.push(',');
            out.push_str(&p);
            out.push(',');
            if let Some(x) = v {
                push_value(&mut out, x);
            }
            out.push('\n');
        }
    }
    writer.write_all(out.as_bytes())?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str, options: &ReadOptions) -> Result<Rows> {
        read(text.as_bytes(), options)
    }

    #[test]
    fn header_errors() {
        let e = one("id,value\nA,1\n", &ReadOptions::new()).unwrap_err();
        assert_eq!(e.line(), Some(1));
        assert!(e.to_string().contains("no period column"), "{e}");
        let e = one(
            "id,period,value,realtime_start\nA,2025,1,2025-01-01\n",
            &ReadOptions::new(),
        )
        .unwrap_err();
        assert!(e.to_string().contains("realtime_end"), "{e}");
        assert!(matches!(
            one("id,period,value\n", &ReadOptions::new()),
            Err(Error::NoObservations)
        ));
        let e = one(
            "id,series_id,period,value\nA,B,2025,1\n",
            &ReadOptions::new(),
        )
        .unwrap_err();
        assert!(
            e.to_string().contains("column series_id appears twice"),
            "{e}"
        );
    }

    #[test]
    fn selection_and_identity() {
        let f = "id,period,value\nA,2025,1\nB,2025-13,2\nA,2026,3\n";
        let e = one(f, &ReadOptions::new()).unwrap_err();
        assert_eq!(e.line(), Some(3));
        assert!(
            matches!(e, Error::Read { ref source, .. } if matches!(**source, Error::MultipleSeries { .. })),
            "{e}"
        );
        let (_, a) = one(f, &ReadOptions::new().series("A")).unwrap();
        assert_eq!(a, [(2025, Some(1.0)), (2026, Some(3.0))]);
        let e = one(f, &ReadOptions::new().series("C")).unwrap_err();
        assert!(e.to_string().contains("(the input holds A, B)"), "{e}");
        assert_eq!(
            one(f, &ReadOptions::new().series("B")).unwrap_err().line(),
            Some(3)
        );
        let e = one("id,period,value\nA,2025,1\nA,2025,2\n", &ReadOptions::new()).unwrap_err();
        assert_eq!(e.line(), Some(3));
        assert!(e.to_string().contains("duplicate period 2025"), "{e}");
    }
}
