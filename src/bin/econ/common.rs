//! What every subcommand shares: the input arguments, reading, and failures.

use std::fs::File;
use std::io::{self, Read};
use std::path::PathBuf;

use clap::Args;
use clap::builder::{PossibleValuesParser, TypedValueParser};
use econseries::io::{Format, ReadOptions};
use econseries::vintage::AnyVintagedSeries;
use econseries::{AnySeries, Error, Frequency};

pub(crate) use crate::failure::{Failure, report};
use crate::fetch::{self, Network};

/// The input arguments. Global, so that a command with subcommands (`econ
/// detect records --low FILE`) takes them after its subcommand too.
#[derive(Debug, Args)]
pub(crate) struct Input {
    /// Read the input at this frequency instead of inferring it.
    #[arg(long, global = true, value_parser = parser::<Frequency>(&["monthly", "quarterly", "annual"]))]
    pub(crate) frequency: Option<Frequency>,
    /// The series to read from a multi-series input: an SDMX series
    /// (`ECB:EXR(1.0)/M.USD.EUR.SP00.A`, or any shorter form that names one
    /// series: `EXR.M.USD.EUR.SP00.A`, `USD.EUR.SP00.A`), a long CSV's series
    /// id, or an ALFRED series id.
    #[arg(long, global = true, value_name = "KEY")]
    pub(crate) series: Option<String>,
    /// The input's format, instead of detecting it.
    #[arg(long, global = true, value_parser = parser::<Format>(&Format::ALL.map(Format::name)))]
    pub(crate) format: Option<Format>,
    /// The file to read; standard input if omitted or `-`. A source
    /// (fred:ID, alfred:ID, sdmx:AGENCY/FLOW/KEY, dbnomics:PROVIDER/DATASET/SERIES)
    /// is fetched instead (write ./fred:x for a file of that name).
    #[arg(global = true, value_name = "FILE")]
    pub(crate) file: Option<PathBuf>,
    #[command(flatten)]
    pub(crate) network: Network,
}

impl Input {
    /// The library's options for this input.
    pub(crate) fn options(&self) -> ReadOptions {
        let mut o = ReadOptions::new();
        if let Some(f) = self.frequency {
            o = o.frequency(f);
        }
        if let Some(s) = &self.series {
            o = o.series(s.clone());
        }
        if let Some(f) = self.format {
            o = o.format(f);
        }
        o
    }
}

/// A parser accepting exactly `names` (listed in `--help`), parsed by `T::from_str`.
pub(crate) fn parser<T>(names: &[&'static str]) -> impl TypedValueParser<Value = T>
where
    T: std::str::FromStr<Err = Error> + Clone + Send + Sync + 'static,
{
    PossibleValuesParser::new(names.iter().copied()).try_map(|s| s.parse::<T>())
}

/// Reads the input series with the library's reader (any format it
/// detects), naming the file or standard input in read errors.
pub(crate) fn read(input: &Input) -> Result<AnySeries, Failure> {
    if let Some(source) = source(input) {
        return fetch::read_series(&source?, &input.options(), &input.network);
    }
    let (name, reader) = open(input)?;
    AnySeries::read(reader, &input.options()).map_err(|e| input_error(e, &name))
}

/// Reads the input as a vintaged series with the library's reader.
pub(crate) fn read_vintaged(input: &Input) -> Result<AnyVintagedSeries, Failure> {
    if let Some(source) = source(input) {
        return fetch::read_vintaged(&source?, &input.options(), &input.network);
    }
    let (name, reader) = open(input)?;
    AnyVintagedSeries::read(reader, &input.options()).map_err(|e| input_error(e, &name))
}

/// The input's source, if its FILE is written as one.
fn source(input: &Input) -> Option<Result<econseries::fetch::Source, Failure>> {
    let text = input.file.as_ref()?.to_str()?;
    fetch::source_of(text)
}

/// The input file or standard input, with the name to use in messages.
fn open(input: &Input) -> Result<(String, Box<dyn Read>), Failure> {
    match &input.file {
        Some(path) if path.as_os_str() != "-" => {
            let name = path.display().to_string();
            let file =
                File::open(path).map_err(|e| Failure::Input(format!("cannot read {name}: {e}")))?;
            Ok((name, Box::new(file)))
        }
        _ => Ok(("standard input".to_owned(), Box::new(io::stdin().lock()))),
    }
}

/// A library error while reading `name`, as a failure message.
pub(crate) fn input_error(e: Error, name: &str) -> Failure {
    Failure::Input(match e {
        Error::Io(e) => format!("cannot read {name}: {e}"),
        Error::NoObservations => format!("no observations in {name}"),
        e => e.to_string(),
    })
}
