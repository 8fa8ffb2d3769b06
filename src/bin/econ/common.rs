//! What every subcommand shares: the input arguments, reading, and failures.

use std::fs::File;
use std::io::{self, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use clap::builder::{PossibleValuesParser, TypedValueParser};
use econseries::{AnySeries, Error, Frequency};

#[derive(Debug, Args)]
pub(crate) struct Input {
    /// Read the input at this frequency instead of inferring it.
    #[arg(long, value_parser = parser::<Frequency>(&["monthly", "quarterly", "annual"]))]
    pub(crate) frequency: Option<Frequency>,
    /// The CSV file to read; standard input if omitted or `-`.
    #[arg(value_name = "FILE")]
    pub(crate) file: Option<PathBuf>,
}

/// A parser accepting exactly `names` (listed in `--help`), parsed by `T::from_str`.
pub(crate) fn parser<T>(names: &[&'static str]) -> impl TypedValueParser<Value = T>
where
    T: std::str::FromStr<Err = Error> + Clone + Send + Sync + 'static,
{
    PossibleValuesParser::new(names.iter().copied()).try_map(|s| s.parse::<T>())
}

/// Why a command failed: bad input (status 2) or failing output (status 1).
pub(crate) enum Failure {
    Input(String),
    Output(io::Error),
}

impl Failure {
    /// A library error caused by the input (or the arguments applied to it).
    pub(crate) fn input(e: Error) -> Failure {
        Failure::Input(e.to_string())
    }

    /// A library error while writing.
    pub(crate) fn output(e: Error) -> Failure {
        match e {
            Error::Io(e) => Failure::Output(e),
            other => Failure::Output(io::Error::other(other)),
        }
    }
}

/// Prints `econ: message` as one line on standard error and returns `status`.
pub(crate) fn report(message: &str, status: u8) -> ExitCode {
    let line = message.split(['\r', '\n']).collect::<Vec<_>>().join(" ");
    let _ = writeln!(io::stderr(), "econ: {line}");
    ExitCode::from(status)
}

/// Reads the input series, naming the file or standard input in read errors.
pub(crate) fn read(input: &Input) -> Result<AnySeries, Failure> {
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
