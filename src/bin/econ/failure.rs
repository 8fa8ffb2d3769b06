//! How a command fails: the failure classes and their exit statuses.

use std::io::{self, Write};
use std::process::ExitCode;

use econseries::Error;

/// Why a command failed: bad input (status 2), failing output (status 1),
/// or a web service or the network (status 3).
pub(crate) enum Failure {
    Input(String),
    Output(io::Error),
    Service(String),
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
