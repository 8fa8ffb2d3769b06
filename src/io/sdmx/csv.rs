//! SDMX-CSV 1.0 and 2.0 data messages.

use std::io::{BufRead, BufReader, Read};
use std::path::Path;

use super::{Builder, Obs, SdmxData, parse_obs_value};
use crate::error::{Error, Result};
use crate::io::ReadOptions;
use crate::io::limits::{CHUNK, Guard, Records};
use crate::vintage::raw::Pos;

/// Columns reserved by SDMX-CSV that are neither dimensions nor attributes of
/// the data (ids compared ASCII case-insensitively).
const STRUCTURE: &[&str] = &[
    "DATAFLOW",
    "STRUCTURE",
    "STRUCTURE_ID",
    "STRUCTURE_NAME",
    "SERIES_KEY",
    "OBS_KEY",
];

/// Columns kept as attributes even before `OBS_VALUE`: the action of a 2.0
/// row and Eurostat's `LAST UPDATE`.
const NOT_DIMENSIONS: &[&str] = &["ACTION", "LAST UPDATE"];

/// How to read an SDMX-CSV file whose columns differ from the usual layout.
///
/// # Example
/// ```
/// use econseries::io::sdmx::{SdmxCsvOptions, SdmxData};
///
/// // The SDMX-CSV 1.0 specification's own example: time is the dimension DIM_3.
/// let csv = "DATAFLOW,DIM_1,DIM_2,DIM_3,OBS_VALUE,ATTR_2,ATTR_3,ATTR_1,SERIESKEY\n\
///            ESTAT:NA_MAIN(1.6),A,B,2014-01,12.4,Y,\"Normal, special and other values\",N,A.B\n";
/// let options = SdmxCsvOptions::new().time_column("DIM_3");
/// let data = SdmxData::read_csv_with(csv.as_bytes(), &options)?;
/// assert_eq!(data.series()[0].key(), "A.B");
/// # Ok::<(), econseries::Error>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct SdmxCsvOptions {
    time: Option<String>,
    value: Option<String>,
    dimensions: Option<Vec<String>>,
    limits: ReadOptions,
}

impl SdmxCsvOptions {
    /// The default layout: `TIME_PERIOD`, `OBS_VALUE`, dimensions before the value.
    pub fn new() -> SdmxCsvOptions {
        SdmxCsvOptions::default()
    }

    /// The time column (default `TIME_PERIOD`).
    pub fn time_column(mut self, id: &str) -> SdmxCsvOptions {
        self.time = Some(id.to_owned());
        self
    }

    /// The value column (default `OBS_VALUE`; `OBS_VALUE1` etc. in a 2.0
    /// message with several measures).
    pub fn value_column(mut self, id: &str) -> SdmxCsvOptions {
        self.value = Some(id.to_owned());
        self
    }

    /// The dimension columns other than time, in key order (default: the
    /// columns before the value that are not reserved).
    pub fn dimensions<S: AsRef<str>>(mut self, ids: impl IntoIterator<Item = S>) -> SdmxCsvOptions {
        self.dimensions = Some(ids.into_iter().map(|s| s.as_ref().to_owned()).collect());
        self
    }

    /// Bounds on the input (record length, rows, bytes); the default is
    /// [`ReadOptions::new`].
    ///
    /// # Example
    /// ```
    /// use econseries::Error;
    /// use econseries::io::ReadOptions;
    /// use econseries::io::sdmx::{SdmxCsvOptions, SdmxData};
    ///
    /// let csv = "DATAFLOW,FREQ,TIME_PERIOD,OBS_VALUE\nX,M,2025-01,1\nX,M,2025-02,2\n";
    /// let opts = SdmxCsvOptions::new().limits(ReadOptions::new().max_rows(1));
    /// let e = SdmxData::read_csv_with(csv.as_bytes(), &opts).unwrap_err();
    /// assert_eq!(e.line(), Some(3));
    /// assert!(matches!(e, Error::Read { ref source, .. } if matches!(**source, Error::TooManyRows { limit: 1 })));
    /// # Ok::<(), Error>(())
    /// ```
    pub fn limits(mut self, limits: ReadOptions) -> SdmxCsvOptions {
        self.limits = limits;
        self
    }
}

impl SdmxData {
    /// Reads an SDMX-CSV 1.0 or 2.0 data message (see the
    /// [module docs](crate::io::sdmx)).
    ///
    /// # Errors
    /// A header that does not start with `DATAFLOW` or `STRUCTURE` is an
    /// [`Error::BadHeader`], a missing time or value column an
    /// [`Error::MissingColumn`], both as an [`Error::Read`] on line 1. A row
    /// of the wrong width is [`Error::FieldCount`], a value that is not a
    /// number [`Error::NotANumber`] or [`Error::NonFinite`] inside an
    /// [`Error::Field`] naming the column, all as [`Error::Read`] with the
    /// line. [`Error::Csv`] for bad quoting or text that is not UTF-8;
    /// [`Error::NoObservations`] for a message without rows.
    ///
    /// # Example
    /// ```
    /// use econseries::io::sdmx::SdmxData;
    ///
    /// let bad = "DATAFLOW,FREQ,TIME_PERIOD,OBS_VALUE\nX:Y(1.0),M,2025-01,1\nX:Y(1.0),M,2025-02,one\n";
    /// let e = SdmxData::from_csv_str(bad).unwrap_err();
    /// assert_eq!(e.line(), Some(3));
    /// assert!(e.to_string().contains("column OBS_VALUE (field 4)"));
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn read_csv(reader: impl Read) -> Result<SdmxData> {
        Self::read_csv_with(reader, &SdmxCsvOptions::default())
    }

    /// Reads an SDMX-CSV message with the given column layout, streaming: only
    /// the observations are kept, and the limits of
    /// [`SdmxCsvOptions::limits`] bound them.
    ///
    /// # Errors
    /// As [`read_csv`](Self::read_csv), and as
    /// [`Series::read_csv_with`](crate::Series::read_csv_with) for the limits.
    pub fn read_csv_with(reader: impl Read, options: &SdmxCsvOptions) -> Result<SdmxData> {
        let limits = &options.limits;
        let mut input = BufReader::with_capacity(CHUNK, reader);
        let first_line = skip_preamble(&mut input)?;
        // The header line decides the separator; it is read again by the parser.
        let mut head = Vec::new();
        let cap = limits
            .get_max_line_len()
            .map_or(u64::MAX, |n| (n as u64).saturating_add(1));
        (&mut input).take(cap).read_until(b'\n', &mut head)?;
        if let Some(limit) = limits.get_max_line_len()
            && head.len() > limit
        {
            return Err(Error::Read {
                line: first_line,
                text: String::from_utf8_lossy(head.get(..80).unwrap_or_default()).into_owned()
                    + "…",
                source: Box::new(Error::LineTooLong { limit }),
            });
        }
        let delimiter = delimiter(&head).map_err(|e| Error::Read {
            line: first_line,
            text: String::from_utf8_lossy(head.split(|&b| b == b'\n').next().unwrap_or_default())
                .trim_end()
                .to_owned(),
            source: Box::new(e),
        })?;
        // The parser reads the header again, then the rest, through the guard.
        let guard = Guard::csv(std::io::Cursor::new(head).chain(input), limits);
        let mut builder = ::csv::ReaderBuilder::new();
        builder
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter);
        let mut records = Records::new(builder, guard, 0, first_line - 1, limits);
        let mut header = ::csv::StringRecord::new();
        if !records.next(&mut header)? {
            return Err(Error::NoObservations);
        }
        let joined = |r: &::csv::StringRecord| {
            r.iter()
                .collect::<Vec<_>>()
                .join(&char::from(delimiter).to_string())
        };
        let labels = header.iter().any(|h| h.contains(": "));
        let ids: Vec<String> = header.iter().map(column_id).collect();
        let layout = Layout::find(&ids, options).map_err(|e| Error::Read {
            line: first_line,
            text: joined(&header),
            source: Box::new(e),
        })?;
        let decimal_comma = delimiter == b';';
        let mut builder = Builder::default();
        let mut rows = 0usize;
        let mut record = ::csv::StringRecord::new();
        while records.next(&mut record)? {
            if record.iter().all(|f| f.trim().is_empty()) {
                continue;
            }
            let line = records.line(record.position().map_or(0, ::csv::Position::line));
            records.count_row(line, || joined(&record))?;
            let pos = Pos::Line(line, joined(&record).into());
            if record.len() != ids.len() {
                return Err(pos.wrap(Error::FieldCount {
                    expected: ids.len(),
                    found: record.len(),
                }));
            }
            let field = |i: usize| {
                let f = record.get(i).unwrap_or_default().trim();
                if labels { strip_label(f) } else { f }
            };
            let id = |i: usize| ids.get(i).cloned().unwrap_or_default();
            let value =
                parse_obs_value(record.get(layout.value).unwrap_or_default(), decimal_comma)
                    .map_err(|e| {
                        pos.wrap(Error::Field {
                            column: id(layout.value),
                            index: layout.value + 1,
                            source: Box::new(e),
                        })
                    })?;
            let time = field(layout.time).to_owned();
            if time.is_empty() {
                return Err(pos.wrap(Error::Field {
                    column: id(layout.time),
                    index: layout.time + 1,
                    source: Box::new(Error::UnrecognisedPeriod { input: time }),
                }));
            }
            builder.push(Obs {
                dataflow: layout.flow.map(|i| field(i).to_owned()),
                dimensions: layout
                    .dimensions
                    .iter()
                    .map(|&i| (id(i), field(i).to_owned()))
                    .collect(),
                time,
                value,
                attributes: layout
                    .attributes
                    .iter()
                    .map(|&i| (id(i), field(i).to_owned()))
                    .collect(),
                pos,
            });
            rows += 1;
        }
        if rows == 0 {
            return Err(Error::NoObservations);
        }
        Ok(builder.finish())
    }

    /// Reads an SDMX-CSV message from text; see [`read_csv`](Self::read_csv).
    ///
    /// # Errors
    /// As [`read_csv`](Self::read_csv).
    pub fn from_csv_str(text: &str) -> Result<SdmxData> {
        Self::read_csv(text.as_bytes())
    }

    /// Reads the SDMX-CSV file at `path`; see [`read_csv`](Self::read_csv).
    ///
    /// # Errors
    /// [`Error::Io`] if the file cannot be read, otherwise as [`read_csv`](Self::read_csv).
    pub fn read_csv_path(path: impl AsRef<Path>) -> Result<SdmxData> {
        Self::read_csv(std::fs::File::open(path)?)
    }
}

fn newlines(bytes: &[u8]) -> u64 {
    bytes.iter().filter(|&&b| b == b'\n').count() as u64
}

/// Skips a byte-order mark and the whitespace before the header (keeping
/// none of it), returning the header's 1-based line.
///
/// # Errors
/// [`Error::NoObservations`] if the input holds nothing else.
fn skip_preamble(input: &mut impl BufRead) -> Result<u64> {
    const BOM: &[u8] = b"\xEF\xBB\xBF";
    let mut lines = 0u64;
    let mut first = true;
    loop {
        let buf = input.fill_buf()?;
        if buf.is_empty() {
            return Err(Error::NoObservations);
        }
        let bom = if first && buf.starts_with(BOM) {
            BOM.len()
        } else {
            0
        };
        first = false;
        let rest = buf.get(bom..).unwrap_or_default();
        let blank = rest.iter().take_while(|b| b.is_ascii_whitespace()).count();
        lines += newlines(rest.get(..blank).unwrap_or_default());
        let done = blank < rest.len();
        let n = bom + blank;
        input.consume(n);
        if done {
            return Ok(1 + lines);
        }
    }
}

/// The field separator: the character after `DATAFLOW`, or after
/// `STRUCTURE` and its optional `[…]` sub-field separator.
fn delimiter(text: &[u8]) -> Result<u8> {
    let upper = |n: usize| text.get(..n).map(<[u8]>::to_ascii_uppercase);
    let rest = if upper(8).as_deref() == Some(b"DATAFLOW") {
        text.get(8..)
    } else if upper(9).as_deref() == Some(b"STRUCTURE") {
        let rest = text.get(9..).unwrap_or_default();
        match rest.first() {
            Some(b'[') => rest
                .iter()
                .position(|&b| b == b']')
                .and_then(|i| rest.get(i + 1..)),
            _ => Some(rest),
        }
    } else {
        None
    };
    let first_field = String::from_utf8_lossy(
        text.split(|&b| matches!(b, b',' | b';' | b'\t' | b'|' | b'\n' | b'\r'))
            .next()
            .unwrap_or_default(),
    )
    .into_owned();
    let bad = || Error::BadHeader {
        column: first_field.clone(),
        expected: "DATAFLOW (SDMX-CSV 1.0) or STRUCTURE (SDMX-CSV 2.0) followed by the field separator",
    };
    match rest.and_then(|r| r.first()) {
        Some(&b) if b.is_ascii_punctuation() && b != b'"' || b == b'\t' => Ok(b),
        _ => Err(bad()),
    }
}

/// The id of a header field: without a `: label` and a `[…]` suffix.
fn column_id(field: &str) -> String {
    let f = field.trim().trim_start_matches('\u{feff}');
    let f = strip_label(f);
    let f = match f.find('[') {
        Some(i) if f.ends_with(']') => f.get(..i).unwrap_or(f),
        _ => f,
    };
    f.to_owned()
}

/// `A: Value A` → `A`.
fn strip_label(field: &str) -> &str {
    field.split_once(": ").map_or(field, |(id, _)| id)
}

/// Which columns hold what.
struct Layout {
    flow: Option<usize>,
    time: usize,
    value: usize,
    dimensions: Vec<usize>,
    attributes: Vec<usize>,
}

impl Layout {
    fn find(ids: &[String], options: &SdmxCsvOptions) -> Result<Layout> {
        let position = |name: &str| ids.iter().position(|h| h.eq_ignore_ascii_case(name));
        let need = |name: &str| {
            position(name).ok_or_else(|| Error::MissingColumn {
                column: name.to_owned(),
            })
        };
        let time = need(options.time.as_deref().unwrap_or("TIME_PERIOD"))?;
        let value = need(options.value.as_deref().unwrap_or("OBS_VALUE"))?;
        let flow = position("STRUCTURE_ID").or_else(|| position("DATAFLOW"));
        let reserved = |i: usize| {
            ids.get(i)
                .is_some_and(|h| STRUCTURE.iter().any(|r| h.eq_ignore_ascii_case(r)))
        };
        let dimensions: Vec<usize> = match &options.dimensions {
            Some(names) => names.iter().map(|n| need(n)).collect::<Result<_>>()?,
            None => (0..value)
                .filter(|&i| {
                    i != time
                        && !reserved(i)
                        && !ids.get(i).is_some_and(|h| {
                            NOT_DIMENSIONS.iter().any(|r| h.eq_ignore_ascii_case(r))
                        })
                })
                .collect(),
        };
        let attributes = (0..ids.len())
            .filter(|&i| i != time && i != value && !reserved(i) && !dimensions.contains(&i))
            .filter(|&i| {
                options.dimensions.is_some()
                    || i > value
                    || NOT_DIMENSIONS
                        .iter()
                        .any(|r| ids.get(i).is_some_and(|h| h.eq_ignore_ascii_case(r)))
            })
            .collect();
        Ok(Layout {
            flow,
            time,
            value,
            dimensions,
            attributes,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separators_and_labels() {
        assert_eq!(delimiter(b"DATAFLOW;A").unwrap(), b';');
        assert_eq!(delimiter(b"STRUCTURE[;],STRUCTURE_ID").unwrap(), b',');
        assert_eq!(delimiter(b"structure,x").unwrap(), b',');
        assert!(delimiter(b"period,value").is_err());
        assert!(delimiter(b"DATAFLOWX").is_err());
        assert_eq!(column_id("ATTR_1[]"), "ATTR_1");
        assert_eq!(column_id("DIM_1: Dimension 1"), "DIM_1");
        assert_eq!(column_id("STRUCTURE[;]"), "STRUCTURE");
    }

    #[test]
    fn header_errors_name_line_one() {
        let e = SdmxData::from_csv_str("period,value\n2025-01,1\n").unwrap_err();
        assert_eq!(e.line(), Some(1));
        assert!(e.to_string().contains("DATAFLOW"), "{e}");
        let e = SdmxData::from_csv_str("\n\nDATAFLOW,FREQ,OBS_VALUE\nX,M,1\n").unwrap_err();
        assert_eq!(e.line(), Some(3));
        assert!(e.to_string().contains("no TIME_PERIOD column"), "{e}");
        let e = SdmxData::from_csv_str("DATAFLOW,FREQ,TIME_PERIOD,OBS_VALUE\nX,M,2025-01\n")
            .unwrap_err();
        assert_eq!(e.line(), Some(2));
        assert!(
            matches!(e, Error::Read { ref source, .. } if matches!(**source, Error::FieldCount { .. }))
        );
        let e = SdmxData::from_csv_str("DATAFLOW,FREQ,TIME_PERIOD,OBS_VALUE\n").unwrap_err();
        assert!(matches!(e, Error::NoObservations));
    }
}
