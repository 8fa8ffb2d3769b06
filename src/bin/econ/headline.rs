//! `econ headline`: the sentences for one period of a series.

use std::io::{self, Write};

use clap::{Args, ValueEnum};
use econseries::indicator::{Indicator, MeasureKind, Metadata};
use econseries::narrate::{Basis, Headline};
use econseries::{AnySeries, Error, Period, Series};

use crate::common::{Failure, Input, read};

/// The number the headline is about.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub(crate) enum BasisArg {
    /// Percent change from a year earlier.
    Yoy,
    /// Growth from the previous period at an annual rate.
    AnnualRate,
    /// Percent change from the previous period.
    Pop,
    /// The level.
    Level,
}

#[derive(Debug, Args)]
pub(crate) struct HeadlineArgs {
    /// The period to write about (`2025-05`, `2025-Q1`, `2025`).
    #[arg(long, value_name = "PERIOD")]
    at: String,
    /// The series' name, the subject of the sentences.
    #[arg(long, value_name = "TEXT", default_value = "The series")]
    name: String,
    /// The number the headline is about.
    #[arg(long, value_enum, default_value = "yoy")]
    basis: BasisArg,
    #[command(flatten)]
    input: Input,
}

pub(crate) fn headline(args: HeadlineArgs) -> Result<(), Failure> {
    let basis = match args.basis {
        BasisArg::Yoy => Basis::YearOnYear,
        BasisArg::AnnualRate => Basis::AnnualRate,
        BasisArg::Pop => Basis::PeriodOnPeriod,
        BasisArg::Level => Basis::Level,
    };
    fn run<P: Period>(
        s: Series<P>,
        at: &str,
        name: &str,
        basis: Basis,
    ) -> Result<Vec<String>, Error> {
        let at: P = at.parse()?;
        // A plain series is read as a flow: growth rates are what it has.
        let indicator = Indicator::new(s, Metadata::new(name, ""), MeasureKind::Flow)?;
        Headline::new(basis).sentences(&indicator, at)
    }
    let sentences = match read(&args.input)? {
        AnySeries::Monthly(s) => run(s, &args.at, &args.name, basis),
        AnySeries::Quarterly(s) => run(s, &args.at, &args.name, basis),
        AnySeries::Annual(s) => run(s, &args.at, &args.name, basis),
        other => {
            return Err(Failure::input(Error::FrequencyMismatch {
                expected: econseries::Frequency::Monthly,
                found: other.frequency(),
            }));
        }
    }
    .map_err(Failure::input)?;
    let mut out = io::stdout().lock();
    for s in sentences {
        writeln!(out, "{s}").map_err(Failure::Output)?;
    }
    out.flush().map_err(Failure::Output)
}
