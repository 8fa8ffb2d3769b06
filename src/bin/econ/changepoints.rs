//! The settings of a change-point search, for `econ detect changepoints`
//! and everything else that parses the detector registry.

use std::io::{self, IsTerminal};
use std::time::{Duration, Instant};

use clap::Args;
use econseries::changepoint::{ChangePoints, Cost, Method, Missing, Noise, Penalty};
use econseries::detect::{AnyDetector, Event};
use econseries::{Month, Percent, Period, Quarter, Series, Value, Year};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::common::parser;

/// The search settings.
#[derive(Clone, Debug, Args)]
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

/// A change-point search that draws its progress (see [`Bar`]): the
/// library's detector, through the same trait, with a bar on a terminal.
pub(crate) struct WithProgress(pub(crate) ChangePoints);

impl WithProgress {
    fn run<P: Period, U: Value>(&self, s: &Series<P, U>) -> econseries::Result<Vec<Event<P>>> {
        if s.first_valid().is_none() {
            // As the trait: nothing to find in a series without observations.
            return Ok(Vec::new());
        }
        let bar = Bar::new();
        let found = self
            .0
            .segment_with_progress(s, &mut |t, n| bar.update(t, n));
        bar.done();
        Ok(found?.events())
    }
}

impl AnyDetector for WithProgress {
    fn detect_monthly(&self, s: &Series<Month>) -> econseries::Result<Vec<Event<Month>>> {
        self.run(s)
    }

    fn detect_quarterly(&self, s: &Series<Quarter>) -> econseries::Result<Vec<Event<Quarter>>> {
        self.run(s)
    }

    fn detect_annual(&self, s: &Series<Year>) -> econseries::Result<Vec<Event<Year>>> {
        self.run(s)
    }

    fn detect_monthly_growth(
        &self,
        s: &Series<Month, Percent>,
    ) -> econseries::Result<Vec<Event<Month>>> {
        self.run(s)
    }

    fn detect_quarterly_growth(
        &self,
        s: &Series<Quarter, Percent>,
    ) -> econseries::Result<Vec<Event<Quarter>>> {
        self.run(s)
    }

    fn detect_annual_growth(
        &self,
        s: &Series<Year, Percent>,
    ) -> econseries::Result<Vec<Event<Year>>> {
        self.run(s)
    }
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
