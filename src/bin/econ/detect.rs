//! `econ records`, `econ recessions`, `econ sahm` and `econ turning-points`.

use std::fmt::Write as _;
use std::io::{self, Write};

use clap::Args;
use econseries::detect::{
    Bbq, BryBoschan, Extreme, Sahm, TurningPoint, records, technical_recessions,
};
use econseries::io::format_value;
use econseries::{AnySeries, Error, Frequency, Month, Period, Quarter, Series};

use crate::common::{Failure, Input, read};

#[derive(Debug, Args)]
#[group(required = true, multiple = false)]
pub(crate) struct Which {
    /// "Lowest since": the last earlier period with a value at most as high.
    #[arg(long)]
    low: bool,
    /// "Highest since": the last earlier period with a value at least as high.
    #[arg(long)]
    high: bool,
}

#[derive(Debug, Args)]
pub(crate) struct RecordsArgs {
    #[command(flatten)]
    which: Which,
    #[command(flatten)]
    input: Input,
}

#[derive(Debug, Args)]
pub(crate) struct RecessionsArgs {
    #[command(flatten)]
    input: Input,
}

#[derive(Debug, Args)]
pub(crate) struct SahmArgs {
    /// Missing unless all twelve prior three-month averages exist (default:
    /// the minimum over those that exist).
    #[arg(long)]
    strict: bool,
    #[command(flatten)]
    input: Input,
}

#[derive(Debug, Args)]
pub(crate) struct TurningPointsArgs {
    #[command(flatten)]
    input: Input,
}

/// Writes `text` to standard output.
fn emit(text: &str) -> Result<(), Failure> {
    let mut out = io::stdout().lock();
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .map_err(Failure::Output)
}

fn wrong_frequency(expected: Frequency, found: Frequency) -> Failure {
    Failure::input(Error::FrequencyMismatch { expected, found })
}

/// `period,value,since` for every observation.
pub(crate) fn records_cmd(args: RecordsArgs) -> Result<(), Failure> {
    let extreme = if args.which.low {
        Extreme::Low
    } else {
        Extreme::High
    };
    fn rows<P: Period>(s: &Series<P>, extreme: Extreme) -> String {
        let mut out = String::from("period,value,since\n");
        for r in records(s, extreme) {
            let since = r.since.map(|p| p.to_string()).unwrap_or_default();
            let _ = writeln!(out, "{},{},{since}", r.period, format_value(r.value));
        }
        out
    }
    let text = match read(&args.input)? {
        AnySeries::Monthly(s) => rows(&s, extreme),
        AnySeries::Quarterly(s) => rows(&s, extreme),
        AnySeries::Annual(s) => rows(&s, extreme),
        other => return Err(wrong_frequency(Frequency::Monthly, other.frequency())),
    };
    emit(&text)
}

/// `start,end` of every technical recession in a quarterly level.
pub(crate) fn recessions_cmd(args: RecessionsArgs) -> Result<(), Failure> {
    let any = read(&args.input)?;
    let gdp: Series<Quarter> = match any {
        AnySeries::Quarterly(s) => s,
        other => return Err(wrong_frequency(Frequency::Quarterly, other.frequency())),
    };
    let mut out = String::from("start,end\n");
    for r in technical_recessions(&gdp) {
        let _ = writeln!(out, "{},{}", r.start, r.end);
    }
    emit(&out)
}

/// `period,value` of the Sahm rule for a monthly unemployment rate.
pub(crate) fn sahm_cmd(args: SahmArgs) -> Result<(), Failure> {
    let any = read(&args.input)?;
    let rate: Series<Month> = match any {
        AnySeries::Monthly(s) => s,
        other => return Err(wrong_frequency(Frequency::Monthly, other.frequency())),
    };
    let rule = if args.strict {
        Sahm::new().strict()
    } else {
        Sahm::new()
    };
    rule.series(&rate)
        .into_raw()
        .write_csv(io::stdout().lock())
        .map_err(Failure::output)
}

/// `period,kind` of the turning points: BBQ for quarterly, Bry–Boschan for monthly.
pub(crate) fn turning_points_cmd(args: TurningPointsArgs) -> Result<(), Failure> {
    fn rows<P: Period>(turns: &[TurningPoint<P>]) -> String {
        let mut out = String::from("period,kind\n");
        for t in turns {
            let _ = writeln!(out, "{},{}", t.period, t.turn.name());
        }
        out
    }
    let text = match read(&args.input)? {
        AnySeries::Quarterly(s) => rows(&Bbq::new().date(&s.trim()).map_err(Failure::input)?),
        AnySeries::Monthly(s) => rows(&BryBoschan::new().date(&s.trim()).map_err(Failure::input)?),
        other => return Err(wrong_frequency(Frequency::Quarterly, other.frequency())),
    };
    emit(&text)
}
