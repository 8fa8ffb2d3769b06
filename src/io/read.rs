//! The entry points: [`AnySeries::read`], [`Series::read`] and
//! [`Series::read_path`].

use std::fs::File;
use std::io::Read;
use std::path::Path;

use crate::error::{Error, Result};
use crate::input::{Format, ReadOptions, peek};
use crate::io::AnySeries;
use crate::period::{Frequency, Period};
use crate::series::Series;

impl AnySeries {
    /// Reads one series, streaming, in any format the crate reads
    /// ([`Format`]: detected from the input unless
    /// [`ReadOptions::format`] names it), at the frequency the periods show
    /// unless [`ReadOptions::frequency`] states it.
    ///
    /// - CSV: two fields per row, period then value; a first row that names
    ///   its columns (a period field without a digit and a value field that is
    ///   not a number: `period,value`, FRED's `observation_date,UNRATE`) is a
    ///   header, any other first row is data; periods as `2025-05`,
    ///   `2025-Q1`/`2025Q1`/`2025q1`, `2025`, or FRED's first-of-period dates
    ///   `2025-04-01`; values as Rust's `f64` syntax, an empty field or `.`
    ///   missing (see [`ReadOptions::missing`]); a UTF-8 byte-order mark,
    ///   `\r\n`, blank lines, spaces around fields and quoted fields accepted.
    /// - long CSV, SDMX-CSV and SDMX-JSON: the series
    ///   [`ReadOptions::series`] selects, or the only one; only its values are
    ///   kept while the rest goes by (see [`crate::io::long`] and
    ///   [`crate::io::sdmx`]).
    /// - FRED JSON (its real-time periods ignored) and the crate's series
    ///   JSON (with the `serde` feature).
    ///
    /// Rows may come in any order; periods between the first and the last
    /// that have no row are missing values. The frequency: an explicit period
    /// decides it; a series of first-of-period dates only is read at the
    /// coarsest frequency whose periods start on every date (annual if all are
    /// 1 January, quarterly if all start a quarter, else monthly; a single
    /// date is monthly). That rule cannot tell a quarterly series from a
    /// monthly one observed only in quarter-start months; state the frequency
    /// where it matters.
    ///
    /// # Errors
    /// Every problem with a row is reported when the row is reached, as an
    /// [`Error::Read`] carrying the 1-based line and the line as written (or
    /// an [`Error::At`] with the JSON path), wrapping one of:
    /// [`Error::ParsePeriod`] or [`Error::UnrecognisedPeriod`] for a period
    /// that is impossible or not one of the accepted forms (including a date
    /// that is not the first day of a period); [`Error::FrequencyMismatch`]
    /// if the first period is not of the stated frequency,
    /// [`Error::MixedFrequency`] if a later one differs from the first;
    /// [`Error::NotANumber`]; [`Error::NonFinite`] for `inf` or `NaN`;
    /// [`Error::ValueTooLarge`] for a number too large for an `f64`;
    /// [`Error::DuplicatePeriod`]; [`Error::FieldCount`];
    /// [`Error::InvalidUtf8`]; [`Error::MultipleSeries`],
    /// [`Error::SeriesNotFound`] or [`Error::AmbiguousSeries`] for the
    /// selection; [`Error::LineTooLong`], [`Error::TooManyRows`],
    /// [`Error::TooManyValues`] for the limits, and [`Error::InputTooLarge`].
    /// Input without a single data row is [`Error::NoObservations`]; ALFRED
    /// CSV and a long CSV with vintages are [`Error::UnsupportedFormat`]
    /// (read them with [`AnyVintagedSeries::read`](crate::vintage::AnyVintagedSeries::read));
    /// a failing reader is [`Error::Io`].
    ///
    /// # Example
    /// ```
    /// use econseries::{AnySeries, Frequency, Month, Series, io::ReadOptions};
    ///
    /// let fred = "\u{feff}observation_date,UNRATE\r\n2025-09-01,4.4\r\n2025-10-01,.\r\n2025-11-01,4.6\r\n";
    /// let any = AnySeries::read(fred.as_bytes(), &ReadOptions::new())?;
    /// assert_eq!(any.frequency(), Frequency::Monthly);
    /// let rate = Series::<Month>::try_from(any)?;
    /// assert_eq!(rate.to_csv_string(), "period,value\n2025-09,4.4\n2025-10,\n2025-11,4.6\n");
    ///
    /// // Without a header; a period in a form the reader does not know is an
    /// // error on the first line as on any other, never skipped as a header.
    /// let e = AnySeries::read("May 2025,1\n2025-06,2\n".as_bytes(), &ReadOptions::new()).unwrap_err();
    /// assert_eq!(e.line(), Some(1));
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn read(reader: impl Read, options: &ReadOptions) -> Result<AnySeries> {
        let (format, input) = peek(reader, options)?;
        let (frequency, rows) = match format {
            Format::Csv => super::csv::read(input, options)?,
            Format::LongCsv => super::long::read(input, options)?,
            Format::SdmxCsv => super::sdmx::read_one(input, format, options)?,
            #[cfg(feature = "serde")]
            Format::SdmxJson => super::sdmx::read_one(input, format, options)?,
            #[cfg(feature = "serde")]
            Format::FredJson => super::fred_json::read(input, options)?,
            #[cfg(feature = "serde")]
            Format::Json => return super::json::read(input, options),
            Format::AlfredCsv => {
                return Err(Error::UnsupportedFormat {
                    format: "ALFRED CSV",
                    hint: "it holds vintages: read it as a vintaged series (vintage::AnyVintagedSeries::read, econ vintage)",
                });
            }
            #[cfg(not(feature = "serde"))]
            _ => {
                return Err(Error::UnsupportedFormat {
                    format: format.name(),
                    hint: "JSON needs the serde feature",
                });
            }
        };
        AnySeries::from_rows(frequency, rows)
    }

    /// The series of `rows` (period indices of `frequency`, sorted).
    pub(crate) fn from_rows(
        frequency: Frequency,
        rows: Vec<(i32, Option<f64>)>,
    ) -> Result<AnySeries> {
        fn typed<P: Period>(rows: Vec<(i32, Option<f64>)>) -> Result<Series<P>> {
            let pairs = rows
                .into_iter()
                .map(|(i, v)| Ok((P::from_index(i64::from(i))?, v)))
                .collect::<Result<Vec<_>>>()?;
            Series::from_pairs(pairs)
        }
        Ok(match frequency {
            Frequency::Monthly => AnySeries::Monthly(typed(rows)?),
            Frequency::Quarterly => AnySeries::Quarterly(typed(rows)?),
            Frequency::Annual => AnySeries::Annual(typed(rows)?),
        })
    }
}

impl<P: Period> Series<P> {
    /// Reads a series of `P`'s frequency, streaming; see [`AnySeries::read`]
    /// for the formats, and [`ReadOptions`] for the rest.
    ///
    /// # Errors
    /// As [`AnySeries::read`] at `P`'s frequency: the first period of
    /// another frequency is an [`Error::FrequencyMismatch`], as is an SDMX
    /// series whose `FREQ` is another, a series JSON of another frequency, and
    /// options stating another frequency.
    ///
    /// # Example
    /// ```
    /// use econseries::{Month, Series, io::ReadOptions};
    ///
    /// let fred = "observation_date,IMPCH\n2025-04-01,25000.5\n2025-05-01,.\n2025-06-01,19000\n";
    /// let s = Series::<Month>::read(fred.as_bytes(), &ReadOptions::new())?;
    /// assert_eq!(s.len(), 3);
    /// assert_eq!(s.get(Month::new(2025, 5)?), None);
    /// assert_eq!(s.get(Month::new(2025, 6)?), Some(19000.0));
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn read(reader: impl Read, options: &ReadOptions) -> Result<Series<P>> {
        if let Some(f) = options.get_frequency().filter(|&f| f != P::FREQUENCY) {
            return Err(Error::FrequencyMismatch {
                expected: P::FREQUENCY,
                found: f,
            });
        }
        let options = options.clone().frequency(P::FREQUENCY);
        match AnySeries::read(reader, &options)? {
            AnySeries::Monthly(s) => s.into_period(),
            AnySeries::Quarterly(s) => s.into_period(),
            AnySeries::Annual(s) => s.into_period(),
        }
    }

    /// Reads the series in the file at `path` with the default
    /// [`ReadOptions`]: a CSV file of `period,value` or FRED's download, or
    /// any other format [`AnySeries::read`] detects.
    ///
    /// # Errors
    /// [`Error::Io`] if the file cannot be opened or read, otherwise as
    /// [`read`](Series::read).
    ///
    /// # Example
    /// ```
    /// use econseries::{Quarter, Series};
    ///
    /// let gdp = Series::<Quarter>::read_path("data/us_real_gdp_gdpc1_quarterly_1947_2025q1.csv")?;
    /// assert_eq!(gdp.len(), 313);
    /// assert_eq!(gdp.get("2025-Q1".parse()?), Some(23526.085));
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn read_path(path: impl AsRef<Path>) -> Result<Series<P>> {
        Self::read(File::open(path)?, &ReadOptions::new())
    }
}

impl<Q: Period> Series<Q> {
    /// This series as a `P` series, `P` being `Q` (checked by frequency).
    fn into_period<P: Period>(self) -> Result<Series<P>> {
        if P::FREQUENCY != Q::FREQUENCY {
            return Err(Error::FrequencyMismatch {
                expected: P::FREQUENCY,
                found: Q::FREQUENCY,
            });
        }
        let start = P::from_index(i64::from(self.start().index()))?;
        Series::from_options(start, self.values())
    }
}
