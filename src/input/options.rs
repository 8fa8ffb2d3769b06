//! [`ReadOptions`]: the one options value of every reader.

use crate::error::{Error, Result};
use crate::period::Frequency;

use super::Format;

/// How to read an input: its format, frequency, which series, what marks a
/// missing value, the column names of a table, and bounds for input that is
/// not trusted. Every reader of the crate takes one; the default
/// ([`ReadOptions::new`]) detects the format and infers the frequency.
///
/// # Limits
///
/// Every reader streams its input and keeps only what it returns (the
/// selected series), so memory follows the result, not the input:
///
/// - a record (line) longer than [`max_line_len`](ReadOptions::max_line_len)
///   (1 MiB by default) is an error as soon as the reader has pulled that many
///   bytes of it plus at most 16 KiB, so one endless line cannot exhaust memory;
/// - one series holds at most one value per period of years 1 to 9999 (the
///   [maximum span](crate::period#range)), so a file of valid rows for one
///   series fails at the first repeated period;
/// - readers that keep many values (vintages, whole SDMX messages) stop at
///   [`max_values`](ReadOptions::max_values) values kept (4 million by
///   default, about 100 MB);
/// - [`max_rows`](ReadOptions::max_rows) and
///   [`max_bytes`](ReadOptions::max_bytes) bound the rows and bytes read
///   (no limit by default).
///
/// # Example
/// ```
/// use econseries::{Error, Month, Series, io::ReadOptions};
///
/// let csv = "period,value\n2025-01,1\n2025-02,2\n2025-03,3\n";
/// let e = Series::<Month>::read(csv.as_bytes(), &ReadOptions::new().max_rows(2)).unwrap_err();
/// assert_eq!(e.line(), Some(4));
/// assert!(matches!(e, Error::Read { ref source, .. } if matches!(**source, Error::TooManyRows { limit: 2 })));
///
/// // FRED's download form with "#N/A" for a missing value.
/// let fred = "observation_date,UNRATE\n2025-09-01,4.4\n2025-10-01,#N/A\n";
/// let opts = ReadOptions::new().missing(["#N/A"]);
/// let s = Series::<Month>::read(fred.as_bytes(), &opts)?;
/// assert_eq!(s.values().collect::<Vec<_>>(), [Some(4.4), None]);
/// # Ok::<(), econseries::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadOptions {
    format: Option<Format>,
    frequency: Option<Frequency>,
    series: Option<String>,
    missing: Option<Vec<String>>,
    time_column: Option<String>,
    value_column: Option<String>,
    key_columns: Option<Vec<String>>,
    max_line_len: Option<usize>,
    max_rows: Option<u64>,
    max_bytes: Option<u64>,
    max_values: Option<u64>,
}

impl Default for ReadOptions {
    fn default() -> ReadOptions {
        ReadOptions::new()
    }
}

impl ReadOptions {
    /// The default limit on the length of a record: 1 MiB, a thousand times
    /// the longest line of any statistics portal's CSV the crate reads (an
    /// ALFRED file of 40,000 vintages has lines of about 600 KB).
    pub const DEFAULT_MAX_LINE_LEN: usize = 1 << 20;

    /// The default limit on the values a reader keeps: 4 million, about
    /// 100 MB of vintaged values (a monthly series of a century in a thousand
    /// vintages is 1.2 million).
    pub const DEFAULT_MAX_VALUES: u64 = 4_000_000;

    /// Format detected from the input, frequency inferred, the only series of
    /// the input, the format's own missing-value markers, its usual column
    /// names; records of at most [`DEFAULT_MAX_LINE_LEN`](Self::DEFAULT_MAX_LINE_LEN)
    /// bytes, at most [`DEFAULT_MAX_VALUES`](Self::DEFAULT_MAX_VALUES) values
    /// kept, any number of rows and bytes.
    ///
    /// # Example
    /// ```
    /// use econseries::io::ReadOptions;
    ///
    /// assert_eq!(ReadOptions::new().get_max_line_len(), Some(1 << 20));
    /// assert_eq!(ReadOptions::new().get_max_rows(), None);
    /// assert_eq!(ReadOptions::new().get_format(), None);
    /// ```
    pub const fn new() -> ReadOptions {
        ReadOptions {
            format: None,
            frequency: None,
            series: None,
            missing: None,
            time_column: None,
            value_column: None,
            key_columns: None,
            max_line_len: Some(Self::DEFAULT_MAX_LINE_LEN),
            max_rows: None,
            max_bytes: None,
            max_values: Some(Self::DEFAULT_MAX_VALUES),
        }
    }

    /// [`new`](Self::new) without any limit (only the maximum span bounds a
    /// single series).
    ///
    /// # Example
    /// ```
    /// use econseries::io::ReadOptions;
    ///
    /// assert_eq!(ReadOptions::unlimited().get_max_line_len(), None);
    /// assert_eq!(ReadOptions::unlimited().get_max_values(), None);
    /// ```
    pub const fn unlimited() -> ReadOptions {
        ReadOptions {
            format: None,
            frequency: None,
            series: None,
            missing: None,
            time_column: None,
            value_column: None,
            key_columns: None,
            max_line_len: None,
            max_rows: None,
            max_bytes: None,
            max_values: None,
        }
    }

    /// Reads the input as `format` instead of detecting it with
    /// [`Format::detect`].
    ///
    /// # Example
    /// ```
    /// use econseries::io::{Format, ReadOptions};
    ///
    /// let opts = ReadOptions::new().format(Format::SdmxCsv);
    /// assert_eq!(opts.get_format(), Some(Format::SdmxCsv));
    /// ```
    pub fn format(mut self, format: Format) -> ReadOptions {
        self.format = Some(format);
        self
    }

    /// Reads periods at `frequency` instead of inferring it (FRED's
    /// first-of-period dates must then start periods of it). For SDMX, a
    /// series whose `FREQ` is another frequency is an
    /// [`Error::FrequencyMismatch`].
    ///
    /// # Example
    /// ```
    /// use econseries::{AnySeries, Frequency, io::ReadOptions};
    ///
    /// // Two January dates: annual if inferred, but these are monthly data with a gap.
    /// let csv = "observation_date,X\n2024-01-01,1\n2025-01-01,2\n";
    /// assert_eq!(AnySeries::read(csv.as_bytes(), &ReadOptions::new())?.frequency(), Frequency::Annual);
    /// let monthly = AnySeries::read(csv.as_bytes(), &ReadOptions::new().frequency(Frequency::Monthly))?;
    /// assert_eq!((monthly.frequency(), monthly.len()), (Frequency::Monthly, 13));
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn frequency(mut self, frequency: Frequency) -> ReadOptions {
        self.frequency = Some(frequency);
        self
    }

    /// Reads the series `selector` of a multi-series input; only its values
    /// are kept while reading.
    ///
    /// - SDMX: the dataflow and the full series key,
    ///   `ECB:EXR(1.0)/M.USD.EUR.SP00.A`, or any shorter form that matches one
    ///   series only: the key with the dataflow id (`EXR.M.USD.EUR.SP00.A`,
    ///   `EXR/M.USD.EUR.SP00.A`), the key (`M.USD.EUR.SP00.A`) or its last
    ///   dimensions (`USD.EUR.SP00.A`); several matches are an
    ///   [`Error::AmbiguousSeries`] listing them.
    /// - long CSV: the value of the series id column, exactly.
    /// - ALFRED CSV: the series id before the vintage date (`GDPC1` in
    ///   `GDPC1_20250430`).
    ///
    /// Without a selector the input must hold one series
    /// ([`Error::MultipleSeries`] names the first two otherwise). A
    /// single-series format given a selector is an [`Error::InvalidArgument`].
    ///
    /// # Example
    /// ```
    /// use econseries::{AnySeries, io::ReadOptions};
    ///
    /// let csv = "id,period,value\nA,2025-01,1\nB,2025-01,2\n";
    /// let b = AnySeries::read(csv.as_bytes(), &ReadOptions::new().series("B"))?;
    /// assert_eq!(b.to_csv_string(), "period,value\n2025-01,2\n");
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn series(mut self, selector: impl Into<String>) -> ReadOptions {
        self.series = Some(selector.into());
        self
    }

    /// The texts that mark a missing value, in place of the format's own (an
    /// empty field is always missing). The defaults: `.` in CSV, long CSV and
    /// FRED JSON; `.`, `#N/A` and `NA` in ALFRED CSV; `.`, `:` and `NaN` in
    /// SDMX.
    ///
    /// # Example
    /// ```
    /// use econseries::io::ReadOptions;
    ///
    /// let opts = ReadOptions::new().missing(["n/a", "-"]);
    /// assert_eq!(opts.get_missing(), Some(&["n/a".to_owned(), "-".to_owned()][..]));
    /// ```
    pub fn missing<S: Into<String>>(mut self, markers: impl IntoIterator<Item = S>) -> ReadOptions {
        self.missing = Some(markers.into_iter().map(Into::into).collect());
        self
    }

    /// The name of the period column: SDMX-CSV's time dimension (default
    /// `TIME_PERIOD`), a long CSV's period column (default one of `period`,
    /// `date`, `observation_date`, `time_period`).
    ///
    /// # Example
    /// ```
    /// use econseries::io::sdmx::SdmxData;
    /// use econseries::io::ReadOptions;
    ///
    /// // The SDMX-CSV 1.0 specification's own example: time is the dimension DIM_3.
    /// let csv = "DATAFLOW,DIM_1,DIM_2,DIM_3,OBS_VALUE,ATTR_2,ATTR_3,ATTR_1,SERIESKEY\n\
    ///            ESTAT:NA_MAIN(1.6),A,B,2014-01,12.4,Y,\"Normal, special and other values\",N,A.B\n";
    /// let data = SdmxData::read(csv.as_bytes(), &ReadOptions::new().time_column("DIM_3"))?;
    /// assert_eq!(data.series()[0].key(), "A.B");
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn time_column(mut self, name: impl Into<String>) -> ReadOptions {
        self.time_column = Some(name.into());
        self
    }

    /// The name of the value column: SDMX-CSV's measure (default
    /// `OBS_VALUE`; `OBS_VALUE1` and so on in a 2.0 message with several
    /// measures), a long CSV's value column (default `value` or `obs_value`).
    ///
    /// # Example
    /// ```
    /// use econseries::io::ReadOptions;
    ///
    /// assert_eq!(ReadOptions::new().value_column("OBS_VALUE2").get_value_column(), Some("OBS_VALUE2"));
    /// ```
    pub fn value_column(mut self, name: impl Into<String>) -> ReadOptions {
        self.value_column = Some(name.into());
        self
    }

    /// The columns that identify a series: SDMX-CSV's dimensions other than
    /// time, in key order (default: the columns before the value that are
    /// not reserved); a long CSV's series id column (one name; default one of
    /// `series_id`, `series`, `id`, `key`). Naming a column (this, the time or
    /// the value column) makes a CSV that is not SDMX read as a long CSV.
    ///
    /// # Example
    /// ```
    /// use econseries::{AnySeries, io::ReadOptions};
    ///
    /// let csv = "country,period,value\nFR,2025,1\nDE,2025,2\n";
    /// let opts = ReadOptions::new().key_columns(["country"]).series("DE");
    /// let de = AnySeries::read(csv.as_bytes(), &opts)?;
    /// assert_eq!(de.to_csv_string(), "period,value\n2025,2\n");
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn key_columns<S: Into<String>>(
        mut self,
        names: impl IntoIterator<Item = S>,
    ) -> ReadOptions {
        self.key_columns = Some(names.into_iter().map(Into::into).collect());
        self
    }

    /// At most `bytes` bytes in one CSV record (a line, or several lines for a
    /// quoted field that spans them), terminator and blank lines before it
    /// not counted.
    ///
    /// # Example
    /// ```
    /// use econseries::{Error, Month, Series, io::ReadOptions};
    ///
    /// // A generated endless line: the reader gives up after about 1 KiB + 16 KiB.
    /// let endless = std::io::repeat(b'7');
    /// let e = Series::<Month>::read(endless, &ReadOptions::new().max_line_len(1024)).unwrap_err();
    /// assert_eq!(e.line(), Some(1));
    /// assert!(matches!(e, Error::Read { ref source, .. } if matches!(**source, Error::LineTooLong { limit: 1024 })));
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub const fn max_line_len(mut self, bytes: usize) -> ReadOptions {
        self.max_line_len = Some(bytes);
        self
    }

    /// At most `rows` data rows (records other than the header and blank
    /// lines), whether their series is selected or not.
    ///
    /// # Example
    /// ```
    /// use econseries::io::ReadOptions;
    ///
    /// assert_eq!(ReadOptions::new().max_rows(10_000).get_max_rows(), Some(10_000));
    /// ```
    pub const fn max_rows(mut self, rows: u64) -> ReadOptions {
        self.max_rows = Some(rows);
        self
    }

    /// At most `bytes` bytes of input in all.
    ///
    /// # Example
    /// ```
    /// use econseries::{AnySeries, Error, io::ReadOptions};
    ///
    /// // Every month from year 1 to 9999, about 1.2 MB of valid rows: the byte limit stops it.
    /// let rows: String = (1..=9999)
    ///     .flat_map(|y| (1..=12).map(move |m| format!("{y:04}-{m:02},1\n")))
    ///     .collect();
    /// let e = AnySeries::read(rows.as_bytes(), &ReadOptions::new().max_bytes(1 << 20)).unwrap_err();
    /// assert!(matches!(e, Error::InputTooLarge { limit } if limit == 1 << 20));
    /// # Ok::<(), Error>(())
    /// ```
    pub const fn max_bytes(mut self, bytes: u64) -> ReadOptions {
        self.max_bytes = Some(bytes);
        self
    }

    /// At most `values` values kept (observations of the selected series,
    /// vintaged values, or the observations of a whole SDMX message); the
    /// error names the line of the first value past the limit.
    ///
    /// # Example
    /// ```
    /// use econseries::{Error, io::{ReadOptions, sdmx::SdmxData}};
    ///
    /// let csv = "DATAFLOW,FREQ,TIME_PERIOD,OBS_VALUE\nX:Y(1.0),M,2025-01,1\nX:Y(1.0),M,2025-02,2\n";
    /// let e = SdmxData::read(csv.as_bytes(), &ReadOptions::new().max_values(1)).unwrap_err();
    /// assert_eq!(e.line(), Some(3));
    /// assert!(matches!(e, Error::Read { ref source, .. } if matches!(**source, Error::TooManyValues { limit: 1 })));
    /// # Ok::<(), Error>(())
    /// ```
    pub const fn max_values(mut self, values: u64) -> ReadOptions {
        self.max_values = Some(values);
        self
    }

    /// The format to read, if set (else detected).
    pub const fn get_format(&self) -> Option<Format> {
        self.format
    }

    /// The frequency to read at, if set (else inferred).
    pub const fn get_frequency(&self) -> Option<Frequency> {
        self.frequency
    }

    /// The series selector, if set.
    pub fn get_series(&self) -> Option<&str> {
        self.series.as_deref()
    }

    /// The missing-value markers, if set (else the format's own).
    pub fn get_missing(&self) -> Option<&[String]> {
        self.missing.as_deref()
    }

    /// The period column's name, if set.
    pub fn get_time_column(&self) -> Option<&str> {
        self.time_column.as_deref()
    }

    /// The value column's name, if set.
    pub fn get_value_column(&self) -> Option<&str> {
        self.value_column.as_deref()
    }

    /// The series-identifying columns, if set.
    pub fn get_key_columns(&self) -> Option<&[String]> {
        self.key_columns.as_deref()
    }

    /// The limit on a record's length, if any.
    pub const fn get_max_line_len(&self) -> Option<usize> {
        self.max_line_len
    }

    /// The limit on the number of data rows, if any.
    pub const fn get_max_rows(&self) -> Option<u64> {
        self.max_rows
    }

    /// The limit on the input's size in bytes, if any.
    pub const fn get_max_bytes(&self) -> Option<u64> {
        self.max_bytes
    }

    /// The limit on the number of values kept, if any.
    pub const fn get_max_values(&self) -> Option<u64> {
        self.max_values
    }

    /// [`Error::TooManyRows`] if `rows` data rows exceed the limit.
    pub(crate) fn check_rows(&self, rows: u64) -> Result<()> {
        match self.max_rows {
            Some(limit) if rows > limit => Err(Error::TooManyRows { limit }),
            _ => Ok(()),
        }
    }

    /// [`Error::TooManyValues`] if `values` values kept exceed the limit.
    pub(crate) fn check_values(&self, values: u64) -> Result<()> {
        match self.max_values {
            Some(limit) if values > limit => Err(Error::TooManyValues { limit }),
            _ => Ok(()),
        }
    }

    /// [`Error::InvalidArgument`] if a series selector is given to a format
    /// that holds one series.
    pub(crate) fn no_selector(&self, format: Format) -> Result<()> {
        match &self.series {
            Some(s) => Err(Error::InvalidArgument {
                name: "series",
                value: s.clone().into(),
                expected: match format {
                    Format::Csv => "no series selector: a plain CSV holds one series",
                    Format::FredJson => "no series selector: FRED JSON holds one series",
                    _ => "no series selector: the series JSON holds one series",
                },
            }),
            None => Ok(()),
        }
    }
}
