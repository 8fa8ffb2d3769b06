//! `econ`: FRED's units transformations and frequency conversion for CSV series.
//!
//! ```text
//! econ transform --units pc1 data/us_imports_goods_from_china_impch_monthly.csv
//! econ aggregate --to quarterly --method mean --min-count 2 < UNRATE.csv
//! ```
//!
//! Input is CSV in the plain `period,value` form or FRED's download form
//! (`observation_date,SERIESID`, `.` for missing), from a file or standard
//! input, or fetched from a web service when FILE is a source (`fred:IMPCH`,
//! `alfred:GDPC1`, `sdmx:ECB/EXR/M.USD.EUR.SP00.A`,
//! `dbnomics:PROVIDER/DATASET/SERIES`; `econ fetch`); the frequency is
//! inferred unless `--frequency` states it. Output is `period,value` on
//! standard output, one row per period, missing values as empty fields. Bad
//! input exits with status 2 and one line on standard error; a failing web
//! service or network with status 3.
//! All parsing and formatting live in the library (`econseries::io`); each
//! subcommand is one module here, sharing the input and error handling of
//! [`common`].

// As in the library: no unwrap, expect, panic! or unchecked indexing outside
// tests.
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]

use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod changepoints;
mod chart;
mod common;
mod detect;
mod failure;
mod fetch;
mod headline;
#[cfg(feature = "panel")]
mod panel;
mod seasonal;
mod transform;
mod vintage;
mod x11;
mod x13;

use common::{Failure, report};

/// Transform and convert economic time series in CSV.
#[derive(Debug, Parser)]
#[command(name = "econ", version)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Apply one of FRED's units transformations (pc1 = percent change from a year ago, ...).
    Transform(transform::TransformArgs),
    /// Convert to a coarser frequency.
    Aggregate(transform::AggregateArgs),
    /// STL decomposition: writes period,trend,seasonal,remainder.
    Stl(seasonal::StlArgs),
    /// Hodrick-Prescott filter: writes period,trend,cycle.
    Hp(seasonal::HpArgs),
    /// X-11 seasonal adjustment as the Census X-13ARIMA-SEATS program computes it: writes
    /// period,seasonal,adjusted,trend,irregular (D10, D11, D12, D13).
    X11(x11::X11Args),
    /// Run an X-13ARIMA-SEATS spec file (series, transform none/log with
    /// lom/loq/lpyear prior adjustment, x11; regARIMA specs not yet): writes
    /// period,seasonal,adjusted,trend,irregular (D10, D11, D12, D13).
    X13(x13::X13Args),
    /// Run a detector (records, streaks, declines, recessions, Sahm, turning
    /// points, anomalies, change points...): writes one row per event.
    Detect(detect::DetectArgs),
    /// A vintaged (real-time) series as known on a date, as first released, or latest.
    Vintage(vintage::VintageArgs),
    /// First release against latest of a vintaged series: table or --summary statistics.
    Revisions(vintage::RevisionsArgs),
    /// Newsroom sentences about one period.
    Headline(headline::HeadlineArgs),
    /// A chart of the series with its findings marked, as SVG.
    Chart(chart::ChartArgs),
    /// Fetch a series from FRED, ALFRED, an SDMX web service or DBnomics: writes
    /// period,value (every vintage as series_id,period,value,realtime_start,realtime_end
    /// for alfred:).
    Fetch(fetch::FetchArgs),
    /// Every series of a long table (CSV or Parquet): transform, records, change points.
    #[cfg(feature = "panel")]
    #[command(subcommand_required = true)]
    Panel(panel::PanelArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Transform(args) => transform::transform(args),
        Command::Aggregate(args) => transform::aggregate(args),
        Command::Stl(args) => seasonal::stl(args),
        Command::Hp(args) => seasonal::hp(args),
        Command::X11(args) => x11::x11(args),
        Command::X13(args) => x13::x13(args),
        Command::Detect(args) => detect::detect(args),
        Command::Headline(args) => headline::headline(args),
        Command::Vintage(args) => vintage::vintage(args),
        Command::Revisions(args) => vintage::revisions(args),
        Command::Chart(args) => chart::chart(args),
        Command::Fetch(args) => fetch::fetch(args),
        #[cfg(feature = "panel")]
        Command::Panel(args) => panel::panel(args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (`econ ... | head`) is the reader's choice, not an error.
        Err(Failure::Output(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(Failure::Output(e)) => report(&format!("cannot write output: {e}"), 1),
        Err(Failure::Input(message)) => report(&message, 2),
        Err(Failure::Service(message)) => report(&message, 3),
    }
}
