//! `econ headline`: the sentences for one period of a series, or of a
//! vintaged series as known on a date (`--as-of`).

use std::io::{self, Write};

use chrono::NaiveDate;
use clap::{Args, ValueEnum};
use econseries::indicator::{Indicator, MeasureKind, Metadata, Neutral};
use econseries::narrate::{Basis, Headline, sentences};
use econseries::vintage::{AnyVintagedSeries, VintagedSeries};
use econseries::{AnySeries, Error, Period, Series};

use crate::common::{Failure, Input, read, read_vintaged};

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

/// What the series measures, which decides the words and the detectors.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub(crate) enum KindArg {
    /// Real activity (GDP): grows and contracts; quarterly contractions in
    /// a row are a technical recession.
    Output,
    /// An amount per period (exports, imports): rises and falls.
    Flow,
    /// An amount at a point in time (debt): rises and falls.
    Stock,
    /// A rate in percent (unemployment): level basis only.
    Rate,
    /// A confidence or diffusion index (level basis only), with --neutral.
    Index,
    /// A balance that can change sign (level basis only).
    Balance,
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
    /// What the series measures.
    #[arg(long, value_enum, default_value = "flow")]
    kind: KindArg,
    /// An index's neutral level (with --kind index): 100, 50, 0 or any level.
    #[arg(
        long,
        value_name = "LEVEL",
        default_value_t = 100.0,
        allow_hyphen_values = true
    )]
    neutral: f64,
    /// Read FILE as a vintaged series (ALFRED CSV or JSON, or long CSV) and
    /// write the sentences as known on this date (YYYY-MM-DD), saying how the
    /// number was first reported if it has been revised since.
    #[arg(long, value_name = "DATE")]
    as_of: Option<NaiveDate>,
    #[command(flatten)]
    input: Input,
}

/// The measure kind of the arguments.
fn kind(args: &HeadlineArgs) -> MeasureKind {
    match args.kind {
        KindArg::Output => MeasureKind::Output,
        KindArg::Flow => MeasureKind::Flow,
        KindArg::Stock => MeasureKind::Stock,
        KindArg::Rate => MeasureKind::Rate,
        KindArg::Balance => MeasureKind::Balance,
        KindArg::Index => MeasureKind::Index {
            neutral: match args.neutral {
                50.0 => Neutral::Diffusion50,
                0.0 => Neutral::Balance0,
                100.0 => Neutral::LongRunAverage100,
                x => Neutral::Custom(x),
            },
        },
    }
}

pub(crate) fn headline(args: HeadlineArgs) -> Result<(), Failure> {
    let kind = kind(&args);
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
        kind: MeasureKind,
    ) -> Result<Vec<String>, Error> {
        let at: P = at.parse()?;
        let indicator = Indicator::new(s, Metadata::new(name, ""), kind)?;
        Headline::new(basis).sentences(indicator, at)
    }
    if let Some(date) = args.as_of {
        return write(as_of(&args, basis, kind, date)?);
    }
    let sentences = match read(&args.input)? {
        AnySeries::Monthly(s) => run(s, &args.at, &args.name, basis, kind),
        AnySeries::Quarterly(s) => run(s, &args.at, &args.name, basis, kind),
        AnySeries::Annual(s) => run(s, &args.at, &args.name, basis, kind),
        other => {
            return Err(Failure::input(Error::FrequencyMismatch {
                expected: econseries::Frequency::Monthly,
                found: other.frequency(),
            }));
        }
    }
    .map_err(Failure::input)?;
    write(sentences)
}

/// The sentences of a vintaged input as known on `date`.
fn as_of(
    args: &HeadlineArgs,
    basis: Basis,
    kind: MeasureKind,
    date: NaiveDate,
) -> Result<Vec<String>, Failure> {
    fn findings<P: Period>(
        v: &VintagedSeries<P>,
        at: &str,
        name: &str,
        basis: Basis,
        kind: MeasureKind,
        date: NaiveDate,
    ) -> Result<Vec<String>, Error> {
        let at: P = at.parse()?;
        let meta = Metadata::new(name, "");
        let f = v.headline_as_of(&Headline::new(basis), &meta, kind, at, date)?;
        Ok(sentences(&f))
    }
    let v = read_vintaged(&args.input)?;
    let (at, name) = (&args.at, &args.name);
    match &v {
        AnyVintagedSeries::Monthly(s) => findings(s, at, name, basis, kind, date),
        AnyVintagedSeries::Quarterly(s) => findings(s, at, name, basis, kind, date),
        AnyVintagedSeries::Annual(s) => findings(s, at, name, basis, kind, date),
        other => Err(Error::FrequencyMismatch {
            expected: econseries::Frequency::Monthly,
            found: other.frequency(),
        }),
    }
    .map_err(Failure::input)
}

fn write(sentences: Vec<String>) -> Result<(), Failure> {
    let mut out = io::stdout().lock();
    for s in sentences {
        writeln!(out, "{s}").map_err(Failure::Output)?;
    }
    out.flush().map_err(Failure::Output)
}
