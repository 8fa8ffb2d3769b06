//! `econ`: FRED's units transformations and frequency conversion for CSV series.
//!
//! ```text
//! econ transform --units pc1 data/us_imports_goods_from_china_impch_monthly.csv
//! econ aggregate --to quarterly --method mean --min-count 2 < UNRATE.csv
//! ```
//!
//! Input is CSV in the plain `period,value` form or FRED's download form
//! (`observation_date,SERIESID`, `.` for missing), from a file or standard
//! input; the frequency is inferred unless `--frequency` states it. Output is
//! `period,value` on standard output, one row per period, missing values as
//! empty fields. Bad input exits with status 2 and one line on standard error.
//! All parsing and formatting live in the library (`econseries::io`).

use std::fs::File;
use std::io::{self, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::{Args, Parser, Subcommand};
use econseries::{Aggregation, AnySeries, Error, Frequency, Units};

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
    Transform {
        /// The transformation, as FRED's `units` codes.
        #[arg(long, value_parser = parser::<Units>(&Units::ALL.map(Units::code)))]
        units: Units,
        #[command(flatten)]
        input: Input,
    },
    /// Convert to a coarser frequency.
    Aggregate {
        /// The target frequency; it must be coarser than the input's.
        #[arg(long, value_parser = parser::<Frequency>(&["quarterly", "annual"]))]
        to: Frequency,
        /// How the sub-periods of a target period combine.
        #[arg(long, value_parser = parser::<Aggregation>(&["mean", "sum", "last", "first", "min", "max"]))]
        method: Aggregation,
        /// Fill a target period from at least this many present sub-periods
        /// (default: all of them).
        #[arg(long, value_name = "N")]
        min_count: Option<u32>,
        #[command(flatten)]
        input: Input,
    },
}

#[derive(Debug, Args)]
struct Input {
    /// Read the input at this frequency instead of inferring it.
    #[arg(long, value_parser = parser::<Frequency>(&["monthly", "quarterly", "annual"]))]
    frequency: Option<Frequency>,
    /// The CSV file to read; standard input if omitted or `-`.
    #[arg(value_name = "FILE")]
    file: Option<PathBuf>,
}

/// A parser accepting exactly `names` (listed in `--help`), parsed by `T::from_str`.
fn parser<T>(names: &[&'static str]) -> impl TypedValueParser<Value = T>
where
    T: std::str::FromStr<Err = Error> + Clone + Send + Sync + 'static,
{
    PossibleValuesParser::new(names.iter().copied()).try_map(|s| s.parse::<T>())
}

/// Why the command failed: bad input (status 2) or failing output (status 1).
enum Failure {
    Input(String),
    Output(io::Error),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli.command) {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (`econ ... | head`) is the reader's choice, not an error.
        Err(Failure::Output(e)) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(Failure::Output(e)) => report(&format!("cannot write output: {e}"), 1),
        Err(Failure::Input(message)) => report(&message, 2),
    }
}

/// Prints `econ: message` as one line on standard error and returns `status`.
fn report(message: &str, status: u8) -> ExitCode {
    let line = message.split(['\r', '\n']).collect::<Vec<_>>().join(" ");
    let _ = writeln!(io::stderr(), "econ: {line}");
    ExitCode::from(status)
}

fn run(command: Command) -> Result<(), Failure> {
    let output = match command {
        Command::Transform { units, input } => read(&input)?.units(units),
        Command::Aggregate {
            to,
            method,
            min_count,
            input,
        } => {
            let series = read(&input)?;
            match min_count {
                None => series.aggregate(to, method),
                Some(n) => series.aggregate_with(to, method, n),
            }
            .map_err(|e| Failure::Input(e.to_string()))?
        }
    };
    output.write_csv(io::stdout().lock()).map_err(|e| match e {
        Error::Io(e) => Failure::Output(e),
        other => Failure::Output(io::Error::other(other)),
    })
}

fn read(input: &Input) -> Result<AnySeries, Failure> {
    let (name, reader): (String, Box<dyn Read>) = match &input.file {
        Some(path) if path.as_os_str() != "-" => {
            let name = path.display().to_string();
            let file =
                File::open(path).map_err(|e| Failure::Input(format!("cannot read {name}: {e}")))?;
            (name, Box::new(file))
        }
        _ => ("standard input".to_owned(), Box::new(io::stdin().lock())),
    };
    let series = match input.frequency {
        Some(f) => AnySeries::read_csv_as(reader, f),
        None => AnySeries::read_csv(reader),
    };
    series.map_err(|e| {
        Failure::Input(match e {
            Error::Io(e) => format!("cannot read {name}: {e}"),
            Error::NoObservations => format!("no observations in {name}"),
            e => e.to_string(),
        })
    })
}
