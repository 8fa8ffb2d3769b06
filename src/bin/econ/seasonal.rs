//! `econ stl` and `econ hp`.

use std::io::{self, Write};

use clap::Args;
use econseries::io::format_value;
use econseries::seasonal::{HpFilter, Missing, Model, Stl};
use econseries::{AnySeries, Period, Series};

use crate::common::{Failure, Input, read};

#[derive(Debug, Args)]
pub(crate) struct StlArgs {
    /// The length of the seasonal cycle (default: 12 for monthly, 4 for
    /// quarterly input; required for annual input).
    #[arg(long, value_name = "N")]
    period: Option<usize>,
    /// Robust fitting: down-weight outliers (15 robustness iterations).
    #[arg(long)]
    robust: bool,
    /// Length of the seasonal smoother, odd (default 7).
    #[arg(long, value_name = "N")]
    seasonal: Option<usize>,
    /// Multiplicative model (STL of the logarithm); seasonal and remainder
    /// are then factors around 1.
    #[arg(long)]
    multiplicative: bool,
    /// Fill missing values between two observations by linear interpolation
    /// instead of failing.
    #[arg(long)]
    interpolate: bool,
    #[command(flatten)]
    input: Input,
}

#[derive(Debug, Args)]
pub(crate) struct HpArgs {
    /// The smoothing parameter (default by frequency: 129600 monthly, 1600
    /// quarterly, 6.25 annual).
    #[arg(long, value_name = "L")]
    lambda: Option<f64>,
    /// The one-sided (real-time) filter: each trend value uses only the data
    /// up to its period.
    #[arg(long)]
    one_sided: bool,
    /// Fill missing values between two observations by linear interpolation
    /// instead of failing.
    #[arg(long)]
    interpolate: bool,
    #[command(flatten)]
    input: Input,
}

fn missing(interpolate: bool) -> Missing {
    if interpolate {
        Missing::Interpolate
    } else {
        Missing::Reject
    }
}

/// Writes `period,<names...>` and one row per period of the first column.
fn write<P: Period>(names: &[&str], columns: &[&Series<P>]) -> Result<(), Failure> {
    let mut out = String::from("period");
    for name in names {
        out.push(',');
        out.push_str(name);
    }
    out.push('\n');
    if let Some(first) = columns.first() {
        for (p, _) in first.iter() {
            out.push_str(&p.to_string());
            for c in columns {
                out.push(',');
                if let Some(v) = c.get(p) {
                    out.push_str(&format_value(v));
                }
            }
            out.push('\n');
        }
    }
    io::stdout()
        .lock()
        .write_all(out.as_bytes())
        .map_err(Failure::Output)
}

pub(crate) fn stl(args: StlArgs) -> Result<(), Failure> {
    let mut stl = Stl::new()
        .robust(args.robust)
        .missing(missing(args.interpolate));
    if let Some(p) = args.period {
        stl = stl.period(p);
    }
    if let Some(s) = args.seasonal {
        stl = stl.seasonal(s);
    }
    if args.multiplicative {
        stl = stl.model(Model::Multiplicative);
    }
    fn run<P: Period>(stl: &Stl, s: &Series<P>) -> Result<(), Failure> {
        let d = stl.fit(s).map_err(Failure::input)?;
        write(
            &["trend", "seasonal", "remainder"],
            &[d.trend(), d.seasonal(), d.remainder()],
        )
    }
    each(
        &read(&args.input)?,
        |s| run(&stl, s),
        |s| run(&stl, s),
        |s| run(&stl, s),
    )
}

pub(crate) fn hp(args: HpArgs) -> Result<(), Failure> {
    let mut hp = HpFilter::new().missing(missing(args.interpolate));
    if let Some(l) = args.lambda {
        hp = hp.lambda(l);
    }
    if args.one_sided {
        hp = hp.one_sided();
    }
    fn run<P: Period>(hp: &HpFilter, s: &Series<P>) -> Result<(), Failure> {
        let f = hp.apply(s).map_err(Failure::input)?;
        write(&["trend", "cycle"], &[f.trend(), f.cycle()])
    }
    each(
        &read(&args.input)?,
        |s| run(&hp, s),
        |s| run(&hp, s),
        |s| run(&hp, s),
    )
}

type Outcome = Result<(), Failure>;

/// Runs the closure for the input's frequency.
fn each(
    any: &AnySeries,
    monthly: impl FnOnce(&Series<econseries::Month>) -> Outcome,
    quarterly: impl FnOnce(&Series<econseries::Quarter>) -> Outcome,
    annual: impl FnOnce(&Series<econseries::Year>) -> Outcome,
) -> Outcome {
    if let Some(s) = any.as_monthly() {
        monthly(s)
    } else if let Some(s) = any.as_quarterly() {
        quarterly(s)
    } else if let Some(s) = any.as_annual() {
        annual(s)
    } else {
        Err(Failure::Input(format!(
            "{} series are not supported",
            any.frequency()
        )))
    }
}
