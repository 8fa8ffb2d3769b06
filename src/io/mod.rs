//! Reading and writing series: CSV (plain and FRED's download form) and JSON.
//!
//! # CSV
//!
//! [`Series::read_csv`](crate::Series::read_csv) reads a series of a known
//! frequency; [`AnySeries::read_csv`] infers the frequency and
//! [`AnySeries::read_csv_as`] takes it from the caller. Both stream their input
//! through the `csv` crate. [`Series::write_csv`](crate::Series::write_csv)
//! writes `period,value` with canonical periods and [`format_value`] numbers.
//!
//! Accepted input:
//!
//! - two fields per row, period then value; an optional header whose first
//!   field is not a period (`period,value`, FRED's `observation_date,IMPCH`,
//!   anything else), or no header at all;
//! - periods as `2025-05`, `2025-Q1`/`2025Q1`/`2025q1`, `2025`, or FRED's
//!   first-of-period dates `2025-04-01`; rows in any order, gaps between the
//!   first and last period becoming missing values;
//! - values as Rust's `f64` syntax (`1.5`, `-2e3`); an empty field or `.` is
//!   a missing value, and such a row still counts towards the span;
//! - a UTF-8 byte-order mark, `\r\n` line endings, blank lines (skipped),
//!   spaces around fields, and quoted fields (`"2025-05","1.5"`).
//!
//! Rejected, each as an [`Error::Read`](crate::Error::Read) naming the
//! 1-based line and quoting it as written: an impossible or unrecognised
//! period, a date that is not the first day of its period, a value that is
//! not a number, `inf`/`NaN`/an overflowing number, a duplicate period,
//! periods of mixed frequencies, and a row without exactly two fields. Input
//! with no data rows at all is [`Error::NoObservations`](crate::Error::NoObservations).
//! The first error in reading order is reported.
//!
//! ## Frequency inference
//!
//! [`AnySeries::read_csv`] decides the frequency as follows.
//!
//! 1. An explicit period decides it: `2025-05` is monthly, `2025-Q1` or
//!    `2025Q1` quarterly, `2025` annual. Every other explicit period must have
//!    the same frequency (else [`Error::MixedFrequency`](crate::Error::MixedFrequency)),
//!    and every date must be the first day of a period of it.
//! 2. A file of dates only (FRED's form) is read at the **coarsest frequency
//!    whose periods start on every date**: annual if every date is 1 January,
//!    else quarterly if every date is the first of January, April, July or
//!    October, else monthly. Rows with a missing value count too, which is why
//!    FRED's monthly sentiment file, with a `.` row for every month without a
//!    survey, reads as monthly.
//! 3. A single date is read as monthly: it starts a period of every frequency
//!    and shows no spacing, and monthly is the most common FRED frequency.
//!
//! Rule 2 implies the smallest gap between consecutive dates is at least one
//! period of the chosen frequency; it cannot tell a quarterly series from a
//! monthly one observed only in quarter-start months, nor an annual series
//! from a monthly one observed only in Januaries. Where that matters, state
//! the frequency with [`AnySeries::read_csv_as`] or read a typed
//! [`Series`](crate::Series).
//!
//! # JSON (feature `serde`)
//!
//! `Serialize`/`Deserialize` for [`Series`](crate::Series) and [`AnySeries`],
//! plus `to_json`/`from_json` helpers:
//!
//! ```text
//! {"frequency":"monthly","start":"2025-01","values":[1.5,null,2.0]}
//! ```
//!
//! # Untrusted input
//!
//! Every reader streams its input and keeps only what it returns. A single
//! series is bounded by the [maximum span](crate::period#range) (119,988
//! months), so a plain or FRED CSV of any size fails with a typed error, naming
//! its line, once a period repeats or leaves the range; a record longer than
//! 1 MiB is refused by default. [`ReadOptions`] lets a caller set tighter
//! bounds on record length, data rows and bytes (the `*_with` readers:
//! [`Series::read_csv_with`](crate::Series::read_csv_with),
//! [`AnySeries::read_csv_with`], `read_json_with`,
//! [`long::LongCsv::read_with`], ALFRED's `read_alfred_csv_with`,
//! [`sdmx::SdmxCsvOptions::limits`], `read_auto_with`). Formats parsed as a
//! document (JSON) are bounded by [`ReadOptions::max_bytes`].
//!
//! # Other formats
//!
//! - [`sdmx`]: SDMX-CSV 1.0/2.0 and SDMX-JSON 1.0/2.0 data messages (OECD,
//!   ECB, Eurostat, IMF, BIS), many series per message, observation statuses kept.
//! - `fred_json` (feature `serde`): FRED's and ALFRED's API JSON
//!   (`series/observations`, `"."` for missing), as a series or a vintaged series.
//! - ALFRED's CSV download with one column per vintage:
//!   [`VintagedSeries::read_alfred_csv`](crate::vintage::VintagedSeries::read_alfred_csv).
//! - [`long`]: a tidy long CSV (series id, period, value, optional vintage).
//!
//! # Example
//! ```
//! use econseries::{AnySeries, Frequency, Month, Series};
//!
//! let fred = "\u{feff}observation_date,UNRATE\r\n2025-09-01,4.4\r\n2025-10-01,.\r\n2025-11-01,4.6\r\n";
//! let any = AnySeries::from_csv_str(fred)?;
//! assert_eq!(any.frequency(), Frequency::Monthly);
//! let rate = Series::<Month>::try_from(any)?;
//! assert_eq!(rate.to_csv_string(), "period,value\n2025-09,4.4\n2025-10,\n2025-11,4.6\n");
//! # Ok::<(), econseries::Error>(())
//! ```

mod alfred;
mod any;
#[cfg(feature = "serde")]
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
pub mod fred_json;
#[cfg(feature = "serde")]
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
mod json;
mod limits;
pub mod long;
pub(crate) mod read;
pub mod sdmx;
pub(crate) mod write;

pub use any::AnySeries;
pub use limits::ReadOptions;
pub use write::format_value;
