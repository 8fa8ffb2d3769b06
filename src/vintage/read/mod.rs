//! Reading vintaged series: ALFRED's vintage-column CSV, ALFRED's JSON by
//! real-time period, and the long CSV with a vintage or real-time columns.
//!
//! These readers live with [`vintage`](crate::vintage) and use only the
//! shared building blocks of the crate's readers (the input guard and CSV
//! records, the period classifier, value parsing, [`ReadOptions`] and
//! [`Format`] detection), never the internals of [`io`](crate::io).
//!
//! Each keeps its values in the compact form they end up in: a period, a
//! real-time interval and a value. ALFRED's columns are turned into
//! intervals row by row, consecutive vintages with the same value joined as
//! they are read, so a file costs the memory of its distinct values, and the
//! time of one pass over its cells.

mod alfred;
#[cfg(feature = "serde")]
mod fred_json;
mod long;

use std::io::Read;

use chrono::NaiveDate;

use crate::error::{Error, Result};
use crate::input::{Format, Pos, ReadOptions, peek, period_index};
use crate::period::{Frequency, Month, Period, Quarter, Year};

use super::any::AnyVintagedSeries;
use super::interval::RealtimeInterval;
use super::series::VintagedSeries;

/// The values of one vintaged series as read: the frequency, and each value
/// (NaN for one published as missing) with its period (as a month index)
/// and real-time interval; intervals of one period never overlap.
#[derive(Debug)]
pub(super) struct Built {
    frequency: Frequency,
    rows: Vec<(i32, RealtimeInterval, f64)>,
}

impl Built {
    fn typed<P: Period>(self) -> Result<VintagedSeries<P>> {
        if self.frequency != P::FREQUENCY {
            return Err(Error::FrequencyMismatch {
                expected: P::FREQUENCY,
                found: self.frequency,
            });
        }
        let f = self.frequency;
        let rows = self
            .rows
            .into_iter()
            .map(|(m, iv, v)| Ok((P::from_index(i64::from(period_index(f, m)))?, iv, v)))
            .collect::<Result<Vec<_>>>()?;
        if rows.is_empty() {
            return Err(Error::NoObservations);
        }
        Ok(VintagedSeries::from_disjoint(rows))
    }

    fn any(self) -> Result<AnyVintagedSeries> {
        Ok(match self.frequency {
            Frequency::Monthly => AnyVintagedSeries::Monthly(self.typed::<Month>()?),
            Frequency::Quarterly => AnyVintagedSeries::Quarterly(self.typed::<Quarter>()?),
            Frequency::Annual => AnyVintagedSeries::Annual(self.typed::<Year>()?),
        })
    }
}

/// Reads the vintaged series `options` selects from any vintage format.
fn read(reader: impl Read, options: &ReadOptions) -> Result<Built> {
    let (format, input) = peek(reader, options)?;
    match format {
        Format::AlfredCsv => alfred::read(input, options),
        Format::LongCsv => long::read(input, options),
        #[cfg(feature = "serde")]
        Format::FredJson => fred_json::read(input, options),
        other => Err(Error::UnsupportedFormat {
            format: other.name(),
            hint: "a vintaged series is read from ALFRED CSV, ALFRED JSON (serde feature) or a long CSV",
        }),
    }
}

impl AnyVintagedSeries {
    /// Reads a vintaged series, streaming, from any of the shapes the crate
    /// knows, detected from the input ([`Format::detect`]) unless
    /// [`ReadOptions::format`] names it:
    ///
    /// - ALFRED's CSV, "observations by vintage date" ([`Format::AlfredCsv`]):
    ///   the first column holds the observation dates (FRED's
    ///   first-of-period dates, or any period form the crate reads), every
    ///   other header field is `SERIESID_YYYYMMDD`, the series as published
    ///   on that vintage date; `.`, `#N/A`, `NA` or an empty field means not
    ///   published in that vintage. Each vintage is the published one until
    ///   the day before the next vintage with a value, the last one is still
    ///   current (see [`VintagedSeries::from_vintages`]). Columns of several
    ///   series ids are several series: [`ReadOptions::series`] picks one by
    ///   its id (`GDPC1`), only its columns are read; without a selector
    ///   they are an [`Error::MultipleSeries`], never merged.
    /// - ALFRED's API JSON by real-time period ([`Format::FredJson`], feature
    ///   `serde`): one object per value and real-time period; an
    ///   observation's `realtime_start`/`realtime_end` default to the
    ///   document's.
    /// - the long CSV of [`crate::io::long`] ([`Format::LongCsv`]): with a
    ///   `vintage` column, each (series, vintage) is the whole series as
    ///   published that day, as in [`VintagedSeries::from_vintages`]; with
    ///   `realtime_start` and `realtime_end`, each row is a value with its
    ///   real-time interval, as in [`VintagedSeries::new`]; without either,
    ///   one vintage known since [`NaiveDate::MIN`]. The series is the one
    ///   [`ReadOptions::series`] names, or the only one.
    ///
    /// The frequency is inferred from the periods as for a plain series
    /// (see [`AnySeries::read`](crate::AnySeries::read)) unless
    /// [`ReadOptions::frequency`] states it.
    ///
    /// # Errors
    /// Every problem is reported where it is found, as an [`Error::Read`]
    /// with the 1-based line and the record (or an [`Error::At`] with the
    /// JSON path): in the header, [`Error::BadHeader`] for a field that is
    /// not `SERIESID_YYYYMMDD`, [`Error::InvalidVintageDate`] for one whose
    /// digits are not a date, [`Error::DuplicateVintage`],
    /// [`Error::MissingColumn`], [`Error::DuplicateColumn`]; in a row,
    /// [`Error::FieldCount`], and inside an [`Error::Field`] naming the
    /// column a bad period or value ([`Error::ParsePeriod`],
    /// [`Error::NotANumber`], [`Error::ValueTooLarge`], [`Error::NonFinite`])
    /// or date ([`Error::InvalidDate`], [`Error::InvalidRealtime`]);
    /// [`Error::DuplicatePeriod`] for a period given twice in one vintage
    /// (or one ALFRED row); [`Error::OverlappingRealtime`] at the later of
    /// two rows whose intervals share a day; the selection
    /// ([`Error::MultipleSeries`], [`Error::SeriesNotFound`]) and the limits
    /// of [`ReadOptions`]. [`Error::NoObservations`] if no value is
    /// published; [`Error::UnsupportedFormat`] for a format without vintages.
    ///
    /// # Example
    /// ```
    /// use econseries::{io::ReadOptions, vintage::AnyVintagedSeries};
    ///
    /// let wide = "observation_date,GDPC1_20250430,GDPC1_20251223\n\
    ///             2024-10-01,23542.349,23586.542\n2025-01-01,23526.085,23548.21\n";
    /// let gdp = AnyVintagedSeries::read(wide.as_bytes(), &ReadOptions::new())?;
    /// let first = gdp.first_release();
    /// assert_eq!(first.to_csv_string(), "period,value\n2024-Q4,23542.349\n2025-Q1,23526.085\n");
    ///
    /// let long = "id,period,value,vintage\nX,2025-01,1,2025-01-01\n";
    /// let wide = "date,X_20250101\n2025-01-01,1\n";
    /// let opts = ReadOptions::new();
    /// assert_eq!(AnyVintagedSeries::read(long.as_bytes(), &opts)?, AnyVintagedSeries::read(wide.as_bytes(), &opts)?);
    ///
    /// // Columns of two series are never merged into one.
    /// let two = "date,GDPC1_20250101,UNRATE_20250201\n2025-01-01,23000,4.1\n";
    /// let e = AnyVintagedSeries::read(two.as_bytes(), &opts).unwrap_err();
    /// assert!(e.to_string().contains("more than one series (GDPC1, UNRATE"), "{e}");
    /// let unrate = AnyVintagedSeries::read(two.as_bytes(), &ReadOptions::new().series("UNRATE"))?;
    /// assert_eq!(unrate.latest().to_csv_string(), "period,value\n2025-01,4.1\n");
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn read(reader: impl Read, options: &ReadOptions) -> Result<AnyVintagedSeries> {
        read(reader, options)?.any()
    }
}

impl<P: Period> VintagedSeries<P> {
    /// Reads a vintaged series of `P`'s frequency; see
    /// [`AnyVintagedSeries::read`].
    ///
    /// # Errors
    /// As [`AnyVintagedSeries::read`]; [`Error::FrequencyMismatch`] if the
    /// periods are of another frequency.
    ///
    /// # Example
    /// ```
    /// use econseries::{Quarter, io::ReadOptions, vintage::VintagedSeries};
    ///
    /// let csv = "observation_date,GDPC1_20250430,GDPC1_20251223\n2025-01-01,23526.085,23548.21\n";
    /// let gdp = VintagedSeries::<Quarter>::read(csv.as_bytes(), &ReadOptions::new())?;
    /// let q1 = "2025-Q1".parse()?;
    /// assert_eq!(gdp.as_of("2025-05-01".parse()?).get(q1), Some(23526.085));
    /// assert_eq!(gdp.latest().get(q1), Some(23548.21));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn read(reader: impl Read, options: &ReadOptions) -> Result<VintagedSeries<P>> {
        if let Some(f) = options.get_frequency().filter(|&f| f != P::FREQUENCY) {
            return Err(Error::FrequencyMismatch {
                expected: P::FREQUENCY,
                found: f,
            });
        }
        read(reader, &options.clone().frequency(P::FREQUENCY))?.typed()
    }
}

/// Values with real-time intervals as a reader finds them (long CSV with
/// real-time columns, ALFRED JSON), each with where it was, to be checked
/// for overlaps once all are in.
#[derive(Debug, Default)]
pub(super) struct Intervals {
    rows: Vec<(i32, RealtimeInterval, f64, u64)>,
}

impl Intervals {
    /// Adds a value (NaN: published as missing) of the period at month index
    /// `month`, known during `realtime`, found at `at` (a line, or an
    /// observation's index).
    pub(super) fn push(&mut self, month: i32, realtime: RealtimeInterval, value: f64, at: u64) {
        self.rows.push((month, realtime, value, at));
    }

    /// The number of values.
    pub(super) fn len(&self) -> usize {
        self.rows.len()
    }

    /// The values, checked: two intervals of one period that share a day
    /// are an [`Error::OverlappingRealtime`] at the position (from `pos`) of
    /// the one found later.
    pub(super) fn finish(
        mut self,
        frequency: Frequency,
        pos: impl Fn(u64, String) -> Pos,
    ) -> Result<Built> {
        self.rows
            .sort_unstable_by_key(|&(m, iv, _, at)| (m, iv.start(), iv.end(), at));
        for pair in self.rows.windows(2) {
            if let [(m, a, _, at_a), (n, b, _, at_b)] = pair
                && m == n
                && a.overlaps(*b)
            {
                let period = crate::input::any_period(Some(frequency), *m);
                let (first, second, at) = if at_a < at_b {
                    (a, b, at_b)
                } else {
                    (b, a, at_a)
                };
                return Err(pos(*at, format!("{period} {second}")).wrap(
                    Error::OverlappingRealtime {
                        period,
                        first: (first.start(), first.end()),
                        second: (second.start(), second.end()),
                    },
                ));
            }
        }
        Ok(Built {
            frequency,
            rows: self
                .rows
                .into_iter()
                .map(|(m, iv, v, _)| (m, iv, v))
                .collect(),
        })
    }
}

/// Parses a date `YYYY-MM-DD`.
///
/// # Errors
/// [`Error::InvalidDate`].
pub(super) fn date(text: &str) -> Result<NaiveDate> {
    text.trim().parse().map_err(|_| Error::InvalidDate {
        text: text.trim().to_owned().into(),
    })
}
