//! `econ changepoints`: statistical change points of a series.

use std::io::{self, IsTerminal, Write};
use std::time::{Duration, Instant};

use clap::Args;
use econseries::changepoint::{ChangePoints, Cost, Method, Missing, Noise, Penalty};
use econseries::{AnySeries, Period, Series};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::common::{Failure, Input, parser, read};

#[derive(Debug, Args)]
pub(crate) struct ChangepointsArgs {
    #[command(flatten)]
    search: SearchArgs,
    #[command(flatten)]
    input: Input,
}

/// The search settings, shared with `econ panel changepoints`.
#[derive(Debug, Args)]
pub(crate) struct SearchArgs {
    /// What changes: the mean, the variance (about the series mean), both,
    /// a linear trend, or the rate of Poisson counts.
    #[arg(long, value_parser = parser::<Cost>(&["mean", "var", "meanvar", "trend", "poisson"]))]
    cost: Cost,
    /// The penalty per change: bic, bic0, aic, hq, mbic (R changepoint's),
    /// mbic-zs (Zhang-Siegmund's), or a number added to the total cost per
    /// change (for the mean, the cost is the sum of squared deviations from
    /// each segment's mean). Named penalties of the mean and trend costs are
    /// multiplied by the noise variance (see --sigma).
    #[arg(long, value_parser = penalty, allow_hyphen_values = true)]
    penalty: Penalty,
    /// The search: pelt, fpop (mean only), binseg (approximate), op
    /// (brute force); auto = fpop for the mean, pelt otherwise.
    #[arg(long, default_value = "auto", value_parser = parser::<Method>(&["auto", "pelt", "fpop", "binseg", "op"]))]
    method: Method,
    /// The minimum segment length (default: 1 for mean and poisson, 2 for var
    /// and meanvar, 3 for trend).
    #[arg(long, value_name = "N")]
    min_size: Option<usize>,
    /// The noise standard deviation that named penalties are scaled by
    /// (default: estimated as the MAD of first differences / sqrt 2, per series).
    #[arg(long, value_name = "SIGMA")]
    sigma: Option<f64>,
    /// Detect on the observed values and map the changes back to their
    /// periods, instead of failing on a missing value.
    #[arg(long)]
    skip_missing: bool,
}

impl SearchArgs {
    /// The configured search.
    pub(crate) fn build(&self) -> ChangePoints {
        let mut cp = ChangePoints::new(self.cost)
            .penalty(self.penalty)
            .method(self.method)
            .missing(if self.skip_missing {
                Missing::Skip
            } else {
                Missing::Error
            });
        if let Some(n) = self.min_size {
            cp = cp.min_size(n);
        }
        if let Some(s) = self.sigma {
            cp = cp.noise(Noise::Sigma(s));
        }
        cp
    }
}

fn penalty(s: &str) -> Result<Penalty, String> {
    s.parse::<Penalty>().map_err(|e| e.to_string())
}

pub(crate) fn changepoints(args: ChangepointsArgs) -> Result<(), Failure> {
    let series = read(&args.input)?;
    let cp = args.search.build();
    let lines = match &series {
        AnySeries::Monthly(s) => periods(&cp, s),
        AnySeries::Quarterly(s) => periods(&cp, s),
        AnySeries::Annual(s) => periods(&cp, s),
        _ => return Err(Failure::Input("unsupported frequency".to_owned())),
    }
    .map_err(Failure::input)?;
    let mut out = io::BufWriter::new(io::stdout().lock());
    let mut write = || -> io::Result<()> {
        writeln!(out, "period")?;
        for l in &lines {
            writeln!(out, "{l}")?;
        }
        out.flush()
    };
    write().map_err(Failure::Output)
}

fn periods<P: Period>(cp: &ChangePoints, s: &Series<P>) -> econseries::Result<Vec<String>> {
    let bar = Bar::new();
    let found = cp.detect_series_with_progress(s, &mut |t, n| bar.update(t, n));
    bar.done();
    Ok(found?.periods().iter().map(ToString::to_string).collect())
}

/// The progress of an exact search that may be quadratic (optimal
/// partitioning, PELT with few changes): a bar on standard error, drawn only
/// on a terminal and only once the search has lasted two seconds, so short
/// runs and pipes see nothing (as `econ panel`).
struct Bar {
    bar: Option<ProgressBar>,
    start: Instant,
}

impl Bar {
    fn new() -> Bar {
        Bar {
            bar: io::stderr().is_terminal().then(ProgressBar::hidden),
            start: Instant::now(),
        }
    }

    /// At value `t` of `n`.
    fn update(&self, t: usize, n: usize) {
        let Some(bar) = &self.bar else { return };
        if bar.is_hidden() {
            if self.start.elapsed() < Duration::from_secs(2) {
                return;
            }
            bar.set_length(n as u64);
            if let Ok(style) = ProgressStyle::with_template(
                "{elapsed_precise} [{bar:40}] {human_pos}/{human_len} values (exact search, up to quadratic)",
            ) {
                bar.set_style(style.progress_chars("=> "));
            }
            bar.set_draw_target(ProgressDrawTarget::stderr());
        }
        bar.set_position(t as u64);
    }

    fn done(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
