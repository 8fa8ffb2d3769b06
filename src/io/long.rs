//! A tidy long CSV: one row per series, period and (optionally) vintage.
//!
//! ```text
//! series_id,period,value,vintage
//! GDPC1,2025-Q1,23526.085,2025-04-30
//! GDPC1,2025-Q1,23548.21,2025-12-23
//! ```
//!
//! Columns are found by name in the header (ASCII case-insensitive), in any
//! order; other columns are ignored:
//!
//! | column | also accepted | |
//! |---|---|---|
//! | `series_id` | `series`, `id`, `key` | required |
//! | `period` | `date`, `observation_date`, `time_period` | required; any period form the crate reads |
//! | `value` | `obs_value` | required; empty or `.` is missing |
//! | `vintage` | `vintage_date` | optional: the date the row's value was published (ALFRED's vintage date) |
//! | `realtime_start`, `realtime_end` | | optional, together: the row's real-time interval |
//!
//! Without vintage columns each series has one row per period. With
//! `vintage`, each (series, vintage) is the whole series as published that
//! day, as in [`VintagedSeries::from_vintages`]; with `realtime_start` and
//! `realtime_end`, rows are ALFRED's observations by real-time period, as in
//! [`VintagedSeries::new`]. [`write_vintaged`] writes the latter form, which
//! reads back to an equal [`VintagedSeries`].
//!
//! # Example
//! ```
//! use econseries::io::long::LongCsv;
//!
//! let csv = "series_id,period,value,vintage\n\
//!            GDPC1,2025-Q1,23526.085,2025-04-30\n\
//!            GDPC1,2025-Q1,23548.21,2025-12-23\n";
//! let file = LongCsv::from_csv_str(csv)?;
//! assert_eq!(file.ids().collect::<Vec<_>>(), ["GDPC1"]);
//! let gdp = file.vintaged(Some("GDPC1"))?;
//! assert_eq!(gdp.first_release().to_csv_string(), "period,value\n2025-Q1,23526.085\n");
//! assert_eq!(file.series(None)?.to_csv_string(), "period,value\n2025-Q1,23548.21\n");
//! # Ok::<(), econseries::Error>(())
//! ```

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;

use chrono::NaiveDate;

use crate::error::{Error, Result};
use crate::io::AnySeries;
use crate::io::ReadOptions;
use crate::io::alfred::record_text;
use crate::io::limits::{CHUNK, Records};
use crate::io::read::parse_value;
use crate::io::write::push_value;
use crate::period::Period;
use crate::vintage::raw::{Pos, RawRow, RawVintaged, When};
use crate::vintage::{AnyVintagedSeries, RealtimeInterval, VintagedSeries};

/// The series of a long CSV file, by id in order of first appearance.
#[derive(Clone, Debug)]
pub struct LongCsv {
    series: Vec<(String, RawVintaged)>,
    vintaged: bool,
}

/// The columns of a long CSV header.
struct Columns {
    id: usize,
    period: usize,
    value: usize,
    when: Option<WhenColumns>,
}

enum WhenColumns {
    Vintage(usize),
    Interval(usize, usize),
}

impl LongCsv {
    /// Reads a long CSV (see the [module docs](self)).
    ///
    /// # Errors
    /// [`Error::MissingColumn`] (as an [`Error::Read`] on the header's line) if
    /// a required column is absent; for a row, an [`Error::Read`] with its line
    /// wrapping [`Error::FieldCount`] or an [`Error::Field`] naming the column
    /// ([`Error::NotANumber`], [`Error::NonFinite`], a bad date); a bad or
    /// duplicate period is reported when a series is taken out
    /// ([`series`](Self::series), [`vintaged`](Self::vintaged)), also with its
    /// line. [`Error::NoObservations`] if there is no data row.
    pub fn read(reader: impl Read) -> Result<LongCsv> {
        Self::read_with(reader, &ReadOptions::new())
    }

    /// Reads a long CSV within the limits of `options`. Every row is kept
    /// (a long file holds many series), so [`ReadOptions::max_rows`] is the
    /// bound on memory for input that is not trusted.
    ///
    /// # Errors
    /// As [`read`](Self::read), and as
    /// [`Series::read_csv_with`](crate::Series::read_csv_with) for the limits.
    ///
    /// # Example
    /// ```
    /// use econseries::{Error, io::{ReadOptions, long::LongCsv}};
    ///
    /// let csv = "id,period,value\nA,2025-01,1\nB,2025-01,2\nC,2025-01,3\n";
    /// let e = LongCsv::read_with(csv.as_bytes(), &ReadOptions::new().max_rows(2)).unwrap_err();
    /// assert_eq!(e.line(), Some(4));
    /// assert_eq!(LongCsv::read_with(csv.as_bytes(), &ReadOptions::new().max_rows(3))?.len(), 3);
    /// # Ok::<(), Error>(())
    /// ```
    pub fn read_with(reader: impl Read, options: &ReadOptions) -> Result<LongCsv> {
        let mut records = Records::trimmed(reader, options);
        let header = records.header()?;
        let columns = Columns::find(&header).map_err(|e| Error::Read {
            line: header.position().map_or(1, csv::Position::line),
            text: record_text(&header),
            source: Box::new(e),
        })?;
        let width = header.len();
        let mut out = LongCsv {
            series: Vec::new(),
            vintaged: columns.when.is_some(),
        };
        let mut rows = 0usize;
        // Series ids to their slot, so that many series cost no more per row than one.
        let mut slots: HashMap<String, usize> = HashMap::new();
        let mut record = csv::StringRecord::new();
        while records.next(&mut record)? {
            if record.iter().all(str::is_empty) {
                continue;
            }
            let line = record.position().map_or(0, csv::Position::line);
            records.count_row(line, || record_text(&record))?;
            let pos = Pos::Line(line, record_text(&record).into());
            if record.len() != width {
                return Err(pos.wrap(Error::FieldCount {
                    expected: width,
                    found: record.len(),
                }));
            }
            let field = |i: usize| record.get(i).unwrap_or_default();
            let named = |i: usize, e: Error| {
                pos.wrap(Error::Field {
                    column: header.get(i).unwrap_or_default().to_owned(),
                    index: i + 1,
                    source: Box::new(e),
                })
            };
            let period = field(columns.period).to_owned();
            let value =
                parse_value(field(columns.value), &period).map_err(|e| named(columns.value, e))?;
            let date = |i: usize| {
                field(i).parse::<NaiveDate>().map_err(|_| {
                    named(
                        i,
                        Error::BadHeader {
                            column: field(i).to_owned(),
                            expected: "a date YYYY-MM-DD",
                        },
                    )
                })
            };
            let when = match columns.when {
                None => When::Vintage(NaiveDate::MIN),
                Some(WhenColumns::Vintage(i)) => When::Vintage(date(i)?),
                Some(WhenColumns::Interval(s, e)) => {
                    let (start, end) = (date(s)?, date(e)?);
                    When::Interval(RealtimeInterval::new(start, end).map_err(|x| named(e, x))?)
                }
            };
            let id = field(columns.id);
            let slot = match slots.get(id) {
                Some(&i) => i,
                None => {
                    out.series.push((id.to_owned(), RawVintaged::default()));
                    slots.insert(id.to_owned(), out.series.len() - 1);
                    out.series.len() - 1
                }
            };
            if let Some((_, raw)) = out.series.get_mut(slot) {
                raw.rows.push(RawRow {
                    period,
                    pos,
                    when,
                    value,
                });
            }
            rows += 1;
        }
        if rows == 0 {
            return Err(Error::NoObservations);
        }
        Ok(out)
    }

    /// Reads a long CSV from text; see [`read`](Self::read).
    ///
    /// # Errors
    /// As [`read`](Self::read).
    pub fn from_csv_str(text: &str) -> Result<LongCsv> {
        Self::read(text.as_bytes())
    }

    /// Reads the long CSV file at `path`; see [`read`](Self::read).
    ///
    /// # Errors
    /// [`Error::Io`] if the file cannot be read, otherwise as [`read`](Self::read).
    pub fn read_path(path: impl AsRef<Path>) -> Result<LongCsv> {
        Self::read(std::fs::File::open(path)?)
    }

    /// The series ids, in order of first appearance.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.series.iter().map(|(k, _)| k.as_str())
    }

    /// The number of series.
    pub fn len(&self) -> usize {
        self.series.len()
    }

    /// Whether the file holds no series (never true for a file that was read).
    pub fn is_empty(&self) -> bool {
        self.series.is_empty()
    }

    /// Whether the file has vintage columns.
    pub fn is_vintaged(&self) -> bool {
        self.vintaged
    }

    fn raw(&self, id: Option<&str>) -> Result<&RawVintaged> {
        match id {
            Some(key) => self
                .series
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, r)| r)
                .ok_or_else(|| Error::SeriesNotFound {
                    key: key.to_owned(),
                    available: self.series.len(),
                }),
            None => match self.series.as_slice() {
                [(_, only)] => Ok(only),
                [(first, _), ..] => Err(Error::MultipleSeries {
                    count: self.series.len(),
                    first: first.clone(),
                }),
                [] => Err(Error::NoObservations),
            },
        }
    }

    /// The series `id` (or the only series, for `None`), with its frequency
    /// inferred; for a file with vintages, as of its latest vintage.
    ///
    /// # Errors
    /// [`Error::SeriesNotFound`]; [`Error::MultipleSeries`] for `None` and
    /// several series; a bad or duplicate period as an [`Error::Read`] with
    /// its line.
    pub fn series(&self, id: Option<&str>) -> Result<AnySeries> {
        Ok(self.vintaged(id)?.latest())
    }

    /// The series `id` (or the only series) with its vintages.
    ///
    /// # Errors
    /// As [`series`](Self::series); also [`Error::OverlappingRealtime`].
    pub fn vintaged(&self, id: Option<&str>) -> Result<AnyVintagedSeries> {
        self.raw(id)?.clone().into_any()
    }
}

impl Columns {
    fn find(header: &csv::StringRecord) -> Result<Columns> {
        let find = |names: &[&str]| {
            header.iter().position(|h| {
                let h = h.trim_start_matches('\u{feff}');
                names.iter().any(|n| h.eq_ignore_ascii_case(n))
            })
        };
        let need = |names: &[&str]| {
            find(names).ok_or_else(|| Error::MissingColumn {
                column: names.first().copied().unwrap_or_default().to_owned(),
            })
        };
        let id = need(&["series_id", "series", "id", "key"])?;
        let period = need(&["period", "date", "observation_date", "time_period"])?;
        let value = need(&["value", "obs_value"])?;
        let when = match (
            find(&["vintage", "vintage_date"]),
            find(&["realtime_start"]),
            find(&["realtime_end"]),
        ) {
            (Some(v), _, _) => Some(WhenColumns::Vintage(v)),
            (None, Some(s), Some(e)) => Some(WhenColumns::Interval(s, e)),
            (None, Some(_), None) => {
                return Err(Error::MissingColumn {
                    column: "realtime_end".to_owned(),
                });
            }
            (None, None, Some(_)) => {
                return Err(Error::MissingColumn {
                    column: "realtime_start".to_owned(),
                });
            }
            (None, None, None) => None,
        };
        Ok(Columns {
            id,
            period,
            value,
            when,
        })
    }
}

/// Writes series as a long CSV `series_id,period,value`, every period of
/// each span (missing values as empty fields).
///
/// # Errors
/// [`Error::Io`] if writing fails.
///
/// # Example
/// ```
/// use econseries::{AnySeries, io::long};
///
/// let a = AnySeries::from_csv_str("2025-01,1\n2025-02,2\n")?;
/// let mut out = Vec::new();
/// long::write_series(&mut out, [("A", &a)])?;
/// assert_eq!(out, b"series_id,period,value\nA,2025-01,1\nA,2025-02,2\n");
/// assert_eq!(long::LongCsv::read(&out[..])?.series(Some("A"))?, a);
/// # Ok::<(), econseries::Error>(())
/// ```
pub fn write_series<'a>(
    mut writer: impl Write,
    series: impl IntoIterator<Item = (&'a str, &'a AnySeries)>,
) -> Result<()> {
    let mut out = String::from("series_id,period,value\n");
    for (id, s) in series {
        let id = quote(id);
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

/// Writes a vintaged series as a long CSV
/// `series_id,period,value,realtime_start,realtime_end`, one row per stored
/// value; [`LongCsv::vintaged`] reads it back to an equal series.
///
/// # Errors
/// [`Error::Io`] if writing fails.
///
/// # Example
/// ```
/// use econseries::{Quarter, Series, io::long, vintage::VintagedSeries};
///
/// let q: Quarter = "2025-Q1".parse()?;
/// let v = VintagedSeries::from_vintages([
///     ("2025-04-30".parse()?, Series::from_values(q, [-0.3])?),
///     ("2025-12-23".parse()?, Series::from_values(q, [-0.6])?),
/// ])?;
/// let mut out = Vec::new();
/// long::write_vintaged(&mut out, "GDP", &v)?;
/// assert_eq!(String::from_utf8(out.clone())?, "series_id,period,value,realtime_start,realtime_end\n\
///     GDP,2025-Q1,-0.3,2025-04-30,2025-12-22\nGDP,2025-Q1,-0.6,2025-12-23,9999-12-31\n");
/// let back = long::LongCsv::read(&out[..])?.vintaged(None)?;
/// assert_eq!(VintagedSeries::<Quarter>::try_from(back)?, v);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn write_vintaged<P: Period>(
    mut writer: impl Write,
    id: &str,
    series: &VintagedSeries<P>,
) -> Result<()> {
    let id = quote(id);
    let mut out = String::from("series_id,period,value,realtime_start,realtime_end\n");
    for o in series.observations() {
        out.push_str(&id);
        out.push(',');
        out.push_str(&o.period.to_string());
        out.push(',');
        if let Some(x) = o.value {
            push_value(&mut out, x);
        }
        out.push_str(&format!(",{},{}\n", o.realtime.start(), o.realtime.end()));
    }
    writer.write_all(out.as_bytes())?;
    Ok(())
}

/// An id as a CSV field, quoted if it needs it.
/// The first non-blank line of `bytes` (after a byte-order mark), trimmed.
fn first_line(bytes: &[u8]) -> String {
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    text.split(|&b| b == b'\n')
        .map(|l| String::from_utf8_lossy(l).trim().to_owned())
        .find(|l| !l.is_empty())
        .unwrap_or_default()
}

fn quote(id: &str) -> String {
    if id.contains([',', '"', '\n', '\r']) || id != id.trim() {
        format!("\"{}\"", id.replace('"', "\"\""))
    } else {
        id.to_owned()
    }
}

impl AnyVintagedSeries {
    /// Reads a vintaged series in any of the shapes the crate knows, decided
    /// from the content: FRED/ALFRED JSON (text starting with `{`, feature
    /// `serde`), ALFRED's vintage-column CSV (a header field
    /// `SERIESID_YYYYMMDD`), or the long CSV of [`crate::io::long`] (its only
    /// series, or the one named `id`).
    ///
    /// # Errors
    /// As the reader of the detected shape; [`Error::MultipleSeries`] or
    /// [`Error::SeriesNotFound`] for a long CSV.
    ///
    /// # Example
    /// ```
    /// use econseries::vintage::AnyVintagedSeries;
    ///
    /// let wide = AnyVintagedSeries::read_auto(b"date,X_20250101\n2025-01-01,1\n", None)?;
    /// let long = AnyVintagedSeries::read_auto(b"id,period,value,vintage\nX,2025-01,1,2025-01-01\n", None)?;
    /// assert_eq!(wide, long);
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn read_auto(bytes: &[u8], id: Option<&str>) -> Result<AnyVintagedSeries> {
        Self::read_auto_with(bytes, id, &ReadOptions::new())
    }

    /// Reads a vintaged series in any shape [`read_auto`](Self::read_auto)
    /// knows from a reader, streaming, within the limits of `options`: only
    /// the first non-blank line is looked at before the reader of the shape
    /// takes over. JSON is parsed as a document, so
    /// [`ReadOptions::max_bytes`] bounds it.
    ///
    /// # Errors
    /// As [`read_auto`](Self::read_auto), and as the reader of the detected
    /// shape for the limits ([`Error::LineTooLong`], [`Error::TooManyRows`],
    /// [`Error::InputTooLarge`]).
    ///
    /// # Example
    /// ```
    /// use econseries::{io::ReadOptions, vintage::AnyVintagedSeries};
    ///
    /// let file = "\n\nid,period,value,vintage\nX,2025-01,1,2025-01-01\n";
    /// let v = AnyVintagedSeries::read_auto_with(file.as_bytes(), None, &ReadOptions::new())?;
    /// assert_eq!(v.len(), 1);
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn read_auto_with(
        reader: impl Read,
        id: Option<&str>,
        options: &ReadOptions,
    ) -> Result<AnyVintagedSeries> {
        let mut input = BufReader::with_capacity(CHUNK, reader);
        // The first non-blank line (bounded), read again by the chosen reader.
        let mut head = Vec::new();
        let cap = options
            .get_max_line_len()
            .map_or(u64::MAX, |n| (n as u64).saturating_add(CHUNK as u64));
        loop {
            let before = head.len();
            let room = cap.saturating_sub(before as u64);
            if (&mut input).take(room).read_until(b'\n', &mut head)? == 0
                || !first_line(&head).is_empty()
                || head.len() as u64 >= cap
            {
                break;
            }
            // Blank lines so far: keep only their line ends, for line numbers.
            let blank = head.iter().filter(|&&b| b == b'\n').count();
            head.clear();
            head.resize(blank, b'\n');
        }
        let body = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&head);
        let json = body.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{');
        let vintage_columns = first_line(&head)
            .split(',')
            .skip(1)
            .any(|f| crate::io::alfred::is_vintage_column(f.trim()));
        let all = std::io::Cursor::new(head).chain(input);
        if json {
            #[cfg(feature = "serde")]
            {
                let text = crate::io::limits::read_document(all, options)?;
                return AnyVintagedSeries::from_fred_json(&text);
            }
            #[cfg(not(feature = "serde"))]
            return Err(Error::BadHeader {
                column: "{".to_owned(),
                expected: "CSV (JSON input needs the serde feature)",
            });
        }
        if vintage_columns {
            AnyVintagedSeries::read_alfred_csv_with(all, options)
        } else {
            LongCsv::read_with(all, options)?.vintaged(id)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_errors() {
        let e = LongCsv::from_csv_str("id,value\nA,1\n").unwrap_err();
        assert_eq!(e.line(), Some(1));
        assert!(e.to_string().contains("no period column"), "{e}");
        let e = LongCsv::from_csv_str("id,period,value,realtime_start\nA,2025,1,2025-01-01\n")
            .unwrap_err();
        assert!(e.to_string().contains("realtime_end"), "{e}");
        let e = LongCsv::from_csv_str("id,period,value\n").unwrap_err();
        assert!(matches!(e, Error::NoObservations));
    }

    #[test]
    fn row_errors_carry_line_and_column() {
        let f = LongCsv::from_csv_str(
            "id,period,value,vintage\nA,2025,1,2025-01-01\nA,2026,1,2025-13-01\n",
        );
        let e = f.unwrap_err();
        assert_eq!(e.line(), Some(3));
        assert!(e.to_string().contains("column vintage (field 4)"), "{e}");
        let f = LongCsv::from_csv_str("id,period,value\nA,2025,1\nA,2025,2\n").unwrap();
        let e = f.series(None).unwrap_err();
        assert_eq!(e.line(), Some(3));
        assert!(e.to_string().contains("duplicate period 2025"), "{e}");
        let f = LongCsv::from_csv_str("id,period,value\nA,2025,1\nB,2025-13,2\n").unwrap();
        assert!(matches!(
            f.series(None),
            Err(Error::MultipleSeries { count: 2, .. })
        ));
        assert!(matches!(
            f.series(Some("C")),
            Err(Error::SeriesNotFound { .. })
        ));
        assert_eq!(f.series(Some("B")).unwrap_err().line(), Some(3));
    }

    #[test]
    fn quoting_ids() {
        assert_eq!(quote("EXR.M.USD.EUR.SP00.A"), "EXR.M.USD.EUR.SP00.A");
        assert_eq!(quote("a,b"), "\"a,b\"");
        assert_eq!(quote("say \"x\""), "\"say \"\"x\"\"\"");
    }
}
