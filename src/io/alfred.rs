//! ALFRED's CSV download, "observations by vintage date": one column per vintage.
//!
//! ```text
//! observation_date,GDPC1_20250430,GDPC1_20251223
//! 2024-10-01,23542.349,23586.542
//! 2025-07-01,.,24024.957
//! ```
//!
//! The first column holds the observation dates (FRED's first-of-period dates,
//! or any period form the crate reads); every other header field is
//! `SERIESID_YYYYMMDD`, the series as published on that vintage date. A value
//! of `.`, `#N/A`, `NA` or an empty field means the period was not published
//! in that vintage. Vintages follow each other: each is the published one
//! until the day before the next column's date, the last one is still current
//! (see [`VintagedSeries::from_vintages`]).

use std::collections::HashSet;
use std::io::Read;
use std::path::Path;

use chrono::NaiveDate;

use crate::error::{Error, Result};
use crate::io::ReadOptions;
use crate::io::limits::Records;
use crate::io::read::parse_value;
use crate::period::{Frequency, Period};
use crate::vintage::raw::{Pos, RawRow, RawVintaged, When};
use crate::vintage::{AnyVintagedSeries, VintagedSeries};

const BOM: &str = "\u{feff}";

impl<P: Period> VintagedSeries<P> {
    /// Reads ALFRED's vintage-column CSV (see the [module docs](crate::io)).
    ///
    /// # Errors
    /// Every problem is an [`Error::Read`] with the 1-based line and the
    /// record: [`Error::BadHeader`] for a header field that is not
    /// `SERIESID_YYYYMMDD`, [`Error::DuplicateVintage`],
    /// [`Error::FieldCount`] for a row whose width differs from the header's,
    /// and, wrapped in an [`Error::Field`] naming the column, a bad period or
    /// value ([`Error::ParsePeriod`], [`Error::NotANumber`],
    /// [`Error::NonFinite`]); [`Error::DuplicatePeriod`] for a date given
    /// twice. [`Error::NoObservations`] if no vintage holds a value.
    ///
    /// # Example
    /// ```
    /// use econseries::{Quarter, vintage::VintagedSeries};
    ///
    /// let csv = "observation_date,GDPC1_20250430,GDPC1_20251223\n2025-01-01,23526.085,23548.21\n";
    /// let gdp = VintagedSeries::<Quarter>::read_alfred_csv(csv.as_bytes())?;
    /// let q1 = "2025-Q1".parse()?;
    /// assert_eq!(gdp.as_of("2025-05-01".parse()?).get(q1), Some(23526.085));
    /// assert_eq!(gdp.latest().get(q1), Some(23548.21));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn read_alfred_csv(reader: impl Read) -> Result<VintagedSeries<P>> {
        read_alfred(reader, &ReadOptions::new())?.into_typed()
    }

    /// Reads ALFRED's vintage CSV within the limits of `options`; see
    /// [`read_alfred_csv`](VintagedSeries::read_alfred_csv).
    ///
    /// # Errors
    /// As [`read_alfred_csv`](VintagedSeries::read_alfred_csv), and as
    /// [`Series::read_csv_with`](crate::Series::read_csv_with) for the limits
    /// (a row counts once, whatever its number of vintages).
    ///
    /// # Example
    /// ```
    /// use econseries::{Quarter, io::ReadOptions, vintage::VintagedSeries};
    ///
    /// let csv = "observation_date,GDPC1_20250430\n2025-01-01,23526.085\n2025-04-01,.\n";
    /// let opts = ReadOptions::new().max_rows(1);
    /// let e = VintagedSeries::<Quarter>::read_alfred_csv_with(csv.as_bytes(), &opts).unwrap_err();
    /// assert_eq!(e.line(), Some(3));
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn read_alfred_csv_with(
        reader: impl Read,
        options: &ReadOptions,
    ) -> Result<VintagedSeries<P>> {
        read_alfred(reader, options)?.into_typed()
    }
}

impl AnyVintagedSeries {
    /// Reads ALFRED's vintage-column CSV, inferring the frequency from the
    /// observation dates as [`AnySeries::read_csv`](crate::AnySeries::read_csv) does.
    ///
    /// # Errors
    /// As [`VintagedSeries::read_alfred_csv`].
    pub fn read_alfred_csv(reader: impl Read) -> Result<AnyVintagedSeries> {
        Self::read_alfred_csv_with(reader, &ReadOptions::new())
    }

    /// Reads ALFRED's vintage CSV within the limits of `options`, inferring
    /// the frequency; see [`VintagedSeries::read_alfred_csv_with`].
    ///
    /// # Errors
    /// As [`VintagedSeries::read_alfred_csv_with`].
    ///
    /// # Example
    /// ```
    /// use econseries::{Error, io::ReadOptions, vintage::AnyVintagedSeries};
    ///
    /// let csv = format!("observation_date,{}\n", "GDPC1_20250430,".repeat(100));
    /// let opts = ReadOptions::new().max_line_len(256);
    /// let e = AnyVintagedSeries::read_alfred_csv_with(csv.as_bytes(), &opts).unwrap_err();
    /// assert_eq!(e.line(), Some(1));
    /// # Ok::<(), Error>(())
    /// ```
    pub fn read_alfred_csv_with(
        reader: impl Read,
        options: &ReadOptions,
    ) -> Result<AnyVintagedSeries> {
        read_alfred(reader, options)?.into_any()
    }

    /// Reads ALFRED's vintage-column CSV at the stated frequency.
    ///
    /// # Errors
    /// As [`VintagedSeries::read_alfred_csv`].
    pub fn read_alfred_csv_as(
        reader: impl Read,
        frequency: Frequency,
    ) -> Result<AnyVintagedSeries> {
        read_alfred(reader, &ReadOptions::new())?.into_any_as(frequency)
    }

    /// Reads ALFRED's vintage-column CSV from text.
    ///
    /// # Errors
    /// As [`VintagedSeries::read_alfred_csv`].
    pub fn from_alfred_csv_str(text: &str) -> Result<AnyVintagedSeries> {
        Self::read_alfred_csv(text.as_bytes())
    }

    /// Reads ALFRED's vintage-column CSV file at `path`.
    ///
    /// # Errors
    /// [`Error::Io`] if the file cannot be read, otherwise as
    /// [`VintagedSeries::read_alfred_csv`].
    pub fn read_alfred_csv_path(path: impl AsRef<Path>) -> Result<AnyVintagedSeries> {
        Self::read_alfred_csv(std::fs::File::open(path)?)
    }
}

/// Whether a header field names a vintage column (`ID_YYYYMMDD`).
pub(crate) fn is_vintage_column(field: &str) -> bool {
    vintage_date(field).is_some()
}

fn vintage_date(field: &str) -> Option<NaiveDate> {
    let (_, date) = field.rsplit_once('_')?;
    if date.len() != 8 || !date.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    NaiveDate::parse_from_str(date, "%Y%m%d").ok()
}

/// A missing marker in a vintage column.
fn unpublished(text: &str) -> bool {
    matches!(text, "" | "." | "#N/A" | "NA")
}

pub(crate) fn record_text(record: &csv::StringRecord) -> String {
    record.iter().collect::<Vec<_>>().join(",")
}

fn read_alfred(reader: impl Read, options: &ReadOptions) -> Result<RawVintaged> {
    let mut records = Records::trimmed(reader, options);
    let header = records.header()?;
    let line = header.position().map_or(1, csv::Position::line);
    let at = |e: Error| Error::Read {
        line,
        text: record_text(&header),
        source: Box::new(e),
    };
    let mut dates: Vec<(String, NaiveDate)> = Vec::new();
    let mut seen = HashSet::new();
    for (i, field) in header.iter().enumerate().skip(1) {
        let field = field.strip_prefix(BOM).unwrap_or(field);
        let date = vintage_date(field).ok_or_else(|| {
            at(Error::Field {
                column: field.to_owned(),
                index: i + 1,
                source: Box::new(Error::BadHeader {
                    column: field.to_owned(),
                    expected: "a vintage column SERIESID_YYYYMMDD",
                }),
            })
        })?;
        if !seen.insert(date) {
            return Err(at(Error::DuplicateVintage { date }));
        }
        dates.push((field.to_owned(), date));
    }
    if dates.is_empty() {
        return Err(at(Error::MissingColumn {
            column: "SERIESID_YYYYMMDD".to_owned(),
        }));
    }
    let mut raw = RawVintaged::default();
    let mut record = csv::StringRecord::new();
    while records.next(&mut record)? {
        if record.iter().all(str::is_empty) {
            continue;
        }
        let line = record.position().map_or(0, csv::Position::line);
        records.count_row(line, || record_text(&record))?;
        let pos = Pos::Line(line, record_text(&record).into());
        if record.len() != dates.len() + 1 {
            return Err(pos.wrap(Error::FieldCount {
                expected: dates.len() + 1,
                found: record.len(),
            }));
        }
        let period = record.get(0).unwrap_or_default().to_owned();
        for (i, ((column, date), text)) in dates.iter().zip(record.iter().skip(1)).enumerate() {
            if unpublished(text) {
                continue;
            }
            let value = parse_value(text, &period).map_err(|e| {
                pos.wrap(Error::Field {
                    column: column.clone(),
                    index: i + 2,
                    source: Box::new(e),
                })
            })?;
            raw.rows.push(RawRow {
                period: period.clone(),
                pos: pos.clone(),
                when: When::Vintage(*date),
                value,
            });
        }
    }
    Ok(raw)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Quarter;

    #[test]
    fn header_and_row_errors_carry_positions() {
        let e = AnyVintagedSeries::from_alfred_csv_str("date,GDPC1\n2025-01-01,1\n").unwrap_err();
        assert_eq!(e.line(), Some(1));
        assert!(e.to_string().contains("SERIESID_YYYYMMDD"), "{e}");
        let e = AnyVintagedSeries::from_alfred_csv_str(
            "date,X_20250101,X_20250201\n\n2025-01-01,1,2\n2025-04-01,1,abc\n",
        )
        .unwrap_err();
        assert_eq!(e.line(), Some(4));
        assert!(e.to_string().contains("column X_20250201 (field 3)"), "{e}");
        let e = AnyVintagedSeries::from_alfred_csv_str("date,X_20250101\n2025-01-01,1,2\n")
            .unwrap_err();
        assert!(
            matches!(e, Error::Read { ref source, .. } if matches!(**source, Error::FieldCount { .. }))
        );
        let e = AnyVintagedSeries::from_alfred_csv_str("date,X_20250101,X_20250101\n").unwrap_err();
        assert!(e.to_string().contains("duplicate vintage"), "{e}");
        let e =
            AnyVintagedSeries::from_alfred_csv_str("date,X_20250101\n2025-01-01,1\n2025-01-01,2\n")
                .unwrap_err();
        assert_eq!(e.line(), Some(3));
    }

    #[test]
    fn unpublished_markers_and_frequency() {
        let v = VintagedSeries::<Quarter>::read_alfred_csv(
            "date,X_20250101,X_20250401\n2024-10-01,1,#N/A\n2025-01-01,.,2\n".as_bytes(),
        )
        .unwrap();
        let q = |s: &str| s.parse::<Quarter>().unwrap();
        assert_eq!(v.first_release().get(q("2025-Q1")), Some(2.0));
        // Absent from the second vintage: no longer published.
        assert_eq!(v.latest().get(q("2024-Q4")), None);
        assert!(is_vintage_column("GDPC1_20250430"));
        assert!(!is_vintage_column("GDPC1_2025043"));
        assert!(!is_vintage_column("GDPC1_20251340"));
    }
}
