//! Reading and writing series: CSV (plain and FRED's download form), long
//! CSV, SDMX-CSV and SDMX-JSON, FRED JSON and the crate's own JSON.
//!
//! # Reading
//!
//! One entry point reads every format, configured by one options value:
//!
//! | to get | call |
//! |---|---|
//! | a series of a known frequency from a file | [`Series::read_path`](crate::Series::read_path) |
//! | a series of a known frequency | [`Series::read`](crate::Series::read)`(reader, &options)` |
//! | a series of the frequency the input shows | [`AnySeries::read`]`(reader, &options)` |
//! | a whole SDMX message, statuses and attributes | [`sdmx::SdmxData::read`]`(reader, &options)` |
//! | a vintaged series (ALFRED CSV or JSON, long CSV with vintages) | [`AnyVintagedSeries::read`](crate::vintage::AnyVintagedSeries::read)`(reader, &options)` |
//!
//! [`ReadOptions`] holds everything a read can be told: the [`Format`]
//! (detected from the input by default), the frequency (inferred by
//! default), which series of a multi-series input
//! ([`ReadOptions::series`]), what marks a missing value, the column names
//! of a table, and the limits for input that is not trusted.
//!
//! | format | what | series |
//! |---|---|---|
//! | [`Format::Csv`] | `period,value`, or FRED's `observation_date,ID` with `.` for missing | one |
//! | [`Format::LongCsv`] | `series_id,period,value[,vintage]` ([`long`]) | many, by id |
//! | [`Format::SdmxCsv`], [`Format::SdmxJson`] | SDMX data messages ([`sdmx`]) | many, by dataflow and key |
//! | [`Format::FredJson`] | FRED/ALFRED API `series/observations` ([`fred_json`]) | one |
//! | [`Format::AlfredCsv`] | ALFRED's one column per vintage (see [`crate::vintage`]) | one per series id |
//! | [`Format::Json`] | `{"frequency":"monthly","start":"2025-01","values":[1.5,null,2.0]}` | one |
//!
//! JSON formats need the `serde` feature.
//!
//! # Untrusted input
//!
//! Every reader streams its input and keeps only what it returns: the rows
//! of other series are checked and dropped as they go by, a row is held
//! only until it is handled, and JSON is parsed as it arrives (SDMX-JSON a
//! series at a time). A problem is reported when its row is reached, with
//! its line (or JSON path). A single series is bounded by the
//! [maximum span](crate::period#range) (119,988 months), so a file of valid
//! rows for one series fails at its first repeated period; a record longer
//! than 1 MiB is refused by default, and at most 4 million values are kept
//! by default; [`ReadOptions`] sets tighter bounds on record length, rows,
//! values and bytes.
//!
//! # Writing
//!
//! [`Series::write_csv`](crate::Series::write_csv) writes `period,value`
//! with canonical periods and [`format_value`] numbers;
//! [`long::write_series`] writes many series; `to_json` (feature `serde`)
//! writes the series JSON, which reads back bit for bit.
//!
//! # Example
//! ```
//! use econseries::{AnySeries, Frequency, Month, Series, io::ReadOptions};
//!
//! let fred = "\u{feff}observation_date,UNRATE\r\n2025-09-01,4.4\r\n2025-10-01,.\r\n2025-11-01,4.6\r\n";
//! let any = AnySeries::read(fred.as_bytes(), &ReadOptions::new())?;
//! assert_eq!(any.frequency(), Frequency::Monthly);
//! let rate = Series::<Month>::try_from(any)?;
//! assert_eq!(rate.to_csv_string(), "period,value\n2025-09,4.4\n2025-10,\n2025-11,4.6\n");
//! # Ok::<(), econseries::Error>(())
//! ```

mod any;
mod csv;
#[cfg(feature = "serde")]
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
pub mod fred_json;
#[cfg(feature = "serde")]
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
mod json;
pub mod long;
mod read;
pub mod sdmx;
pub(crate) mod write;

pub use crate::input::{Format, ReadOptions};
// Kept for the readers, which build one; the public path is the crate root.
pub(crate) use crate::series::AnySeries;
pub use write::format_value;
