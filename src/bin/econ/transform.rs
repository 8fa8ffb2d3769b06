//! `econ transform` and `econ aggregate`.

use std::io;

use clap::Args;
use econseries::{Aggregation, Frequency, Units};

use crate::common::{Failure, Input, parser, read};

#[derive(Debug, Args)]
pub(crate) struct TransformArgs {
    /// The transformation, as FRED's `units` codes.
    #[arg(long, value_parser = parser::<Units>(&Units::ALL.map(Units::code)))]
    units: Units,
    #[command(flatten)]
    input: Input,
}

#[derive(Debug, Args)]
pub(crate) struct AggregateArgs {
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
}

pub(crate) fn transform(args: TransformArgs) -> Result<(), Failure> {
    let output = read(&args.input)?.units(args.units);
    output
        .write_csv(io::stdout().lock())
        .map_err(Failure::output)
}

pub(crate) fn aggregate(args: AggregateArgs) -> Result<(), Failure> {
    let series = read(&args.input)?;
    let output = match args.min_count {
        None => series.aggregate(args.to, args.method),
        Some(n) => series.aggregate_with(args.to, args.method, n),
    }
    .map_err(Failure::input)?;
    output
        .write_csv(io::stdout().lock())
        .map_err(Failure::output)
}
