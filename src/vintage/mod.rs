//! Vintages: series as they were known on past dates (ALFRED's real-time model).
//!
//! Official statistics are revised. US real GDP for 2025-Q1 was first
//! reported as a contraction at an annual rate of 0.3% (BEA's advance
//! estimate of 30 April 2025), and is now published as a contraction of 0.6%.
//! A sentence written on 1 May 2025 was right to say −0.3%; one written in
//! 2026 must say −0.6%. This module keeps both.
//!
//! - [`RealtimeInterval`]: the days, both ends included, on which a value was
//!   the published one (ALFRED's `realtime_start`/`realtime_end`).
//! - [`VintagedSeries`]: every value every period has had, each with its
//!   interval. Views as ordinary [`Series`](crate::Series):
//!   [`as_of`](VintagedSeries::as_of) a date, [`first_release`](VintagedSeries::first_release),
//!   the `n`-th [`release`](VintagedSeries::release),
//!   [`latest`](VintagedSeries::latest); [`history`](VintagedSeries::history) of
//!   one period; transforms within each vintage with
//!   [`map_vintages`](VintagedSeries::map_vintages).
//! - [`Revisions`] and [`RevisionStats`]: first release minus latest, mean and
//!   mean absolute revision, sign changes.
//! - [`AnyVintagedSeries`]: the same when the frequency is known only at run time.
//!
//! # Detectors on vintages
//!
//! Every view is a plain [`Series`](crate::Series), so any transform or
//! detector can run "as known on date d": `detector(&vintaged.as_of(d))`.
//! The module makes that explicit:
//!
//! - [`KnownOn`] ([`VintagedSeries::known_on`]): the series as known on a
//!   date with every headline detector by name (records, streaks,
//!   crossings, contractions, technical recessions, the Sahm rule, BBQ and
//!   Bry–Boschan turning points, anomalies) and
//!   [`detect`](KnownOn::detect) for any other;
//! - [`VintagedSeries::detect_each_vintage`]: what a detector said on every
//!   day, one result per stretch of days with the same known series (a
//!   technical recession that was revised away shows as such);
//! - [`PeriodRevision`] ([`VintagedSeries::first_vs_known`],
//!   [`VintagedSeries::first_vs_latest`]): one period's value as first
//!   reported and as known later, with the [`RevisionKind`] (deeper,
//!   shallower, sign change), which [`narrate`](crate::narrate) writes as
//!   "first reported on 30 April 2025 as a 0.3% contraction, the figure was
//!   revised to a 0.6% contraction on 23 December 2025".
//!
//! A derived number (growth) is computed within each vintage, never from the
//! first release of each level: [`map_vintages`](VintagedSeries::map_vintages)
//! for every date, [`KnownOn::map`] for one.
//!
//! # Files
//!
//! [`AnyVintagedSeries::read`] (or [`VintagedSeries::read`] for a known
//! frequency) reads every shape, detected from the content, configured by
//! one [`ReadOptions`](crate::io::ReadOptions) value;
//! [`VintagedSeries::write_long_csv`] writes the long form.
//!
//! | shape | [`Format`](crate::io::Format) |
//! |---|---|
//! | ALFRED CSV, one column per vintage (`observation_date,GDPC1_20250430,…`) | `AlfredCsv` |
//! | FRED/ALFRED API JSON, `series/observations` with `realtime_start`/`realtime_end` per observation (feature `serde`) | `FredJson` |
//! | tidy long CSV, `series_id,period,value` plus `vintage` or `realtime_start,realtime_end` ([`crate::io::long`]) | `LongCsv` |
//!
//! # Example
//! ```
//! use econseries::vintage::AnyVintagedSeries;
//! use econseries::{Units, io::ReadOptions};
//!
//! // Two real vintages of FRED's GDPC1 (billions of chained 2017 dollars).
//! let alfred = "observation_date,GDPC1_20250430,GDPC1_20251223\n\
//!               2024-10-01,23542.349,23586.542\n\
//!               2025-01-01,23526.085,23548.21\n";
//! let growth = AnyVintagedSeries::read(alfred.as_bytes(), &ReadOptions::new())?.units(Units::Pca);
//! let (first, latest, stats) = growth.revisions()?;
//! assert_eq!(first.as_quarterly().and_then(|s| s.get("2025-Q1".parse().ok()?)).map(|x| format!("{x:.1}")), Some("-0.3".into()));
//! assert_eq!(latest.as_quarterly().and_then(|s| s.get("2025-Q1".parse().ok()?)).map(|x| format!("{x:.1}")), Some("-0.6".into()));
//! assert_eq!(stats.sign_changes, 0);
//! # Ok::<(), econseries::Error>(())
//! ```

mod any;
mod detect;
mod headline;
mod interval;
mod read;
mod reported;
mod revision;
mod series;
mod write;

pub use any::AnyVintagedSeries;
pub use detect::KnownOn;
pub use interval::RealtimeInterval;
pub use reported::{PeriodRevision, RevisionKind};
pub use revision::{RevisionStats, Revisions};
pub use series::{VintageObservation, VintagedSeries};
