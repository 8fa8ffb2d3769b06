//! What every subcommand shares: the input arguments, reading, and failures.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use clap::builder::{PossibleValuesParser, TypedValueParser};
use econseries::io::sdmx::{SdmxData, is_sdmx_csv};
use econseries::{AnySeries, Error, Frequency};

#[derive(Debug, Args)]
pub(crate) struct Input {
    /// Read the input at this frequency instead of inferring it.
    #[arg(long, value_parser = parser::<Frequency>(&["monthly", "quarterly", "annual"]))]
    pub(crate) frequency: Option<Frequency>,
    /// The series to read from a multi-series input (SDMX: its series key,
    /// e.g. `M.USD.EUR.SP00.A` or `EXR.M.USD.EUR.SP00.A`).
    #[arg(long, value_name = "KEY")]
    pub(crate) series: Option<String>,
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
///
/// SDMX-CSV input (a header starting with `DATAFLOW` or `STRUCTURE`) is read
/// as an SDMX data message and `--series` picks one of its series; other CSV
/// is the plain or FRED form.
pub(crate) fn read(input: &Input) -> Result<AnySeries, Failure> {
    let (name, reader) = open(input)?;
    let (head, reader) = peek_head(reader).map_err(|e| input_error(Error::Io(e), &name))?;
    let series = if is_sdmx_csv(first_line(&head)) {
        SdmxData::read_csv(reader).and_then(|data| {
            let any = data.pick(input.series.as_deref())?.to_any()?;
            match input.frequency {
                Some(f) if f != any.frequency() => Err(Error::FrequencyMismatch {
                    expected: f,
                    found: any.frequency(),
                }),
                _ => Ok(any),
            }
        })
    } else if input.series.is_some() {
        return Err(Failure::Input(format!(
            "--series picks a series of SDMX-CSV input; {name} is not SDMX-CSV (its header must start with DATAFLOW or STRUCTURE)"
        )));
    } else {
        match input.frequency {
            Some(f) => AnySeries::read_csv_as(reader, f),
            None => AnySeries::read_csv(reader),
        }
    };
    series.map_err(|e| input_error(e, &name))
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

/// The most a format sniff reads before giving up on finding a first line.
const SNIFF_LIMIT: usize = 64 * 1024;

/// Reads up to the first non-blank line (at most [`SNIFF_LIMIT`] bytes) and
/// returns it with a reader that yields those bytes again followed by the rest,
/// so the format can be sniffed while the input still streams.
fn peek_head(reader: Box<dyn Read>) -> io::Result<(Vec<u8>, impl Read)> {
    let mut rest = BufReader::new(reader);
    let mut head = Vec::new();
    while head.len() < SNIFF_LIMIT && first_line(&head).is_empty() {
        let room = (SNIFF_LIMIT - head.len()) as u64;
        if (&mut rest).take(room).read_until(b'\n', &mut head)? == 0 {
            break;
        }
    }
    Ok((head.clone(), io::Cursor::new(head).chain(rest)))
}

/// The input as a stream, with the name to use in messages.
pub(crate) fn open_input(input: &Input) -> Result<(String, Box<dyn Read>), Failure> {
    open(input)
}

/// The first non-blank line of `bytes`, lossily decoded.
pub(crate) fn first_line(bytes: &[u8]) -> &str {
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    text.split(|&b| b == b'\n')
        .map(|l| core::str::from_utf8(l).unwrap_or("").trim())
        .find(|l| !l.is_empty())
        .unwrap_or("")
}

/// A library error while reading `name`, as a failure message.
pub(crate) fn input_error(e: Error, name: &str) -> Failure {
    Failure::Input(match e {
        Error::Io(e) => format!("cannot read {name}: {e}"),
        Error::NoObservations => format!("no observations in {name}"),
        e => e.to_string(),
    })
}
