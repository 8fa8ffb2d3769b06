//! The settings of a change-point search, for `econ detect changepoints`
//! and everything else that parses the detector registry.

use clap::Args;
use econseries::changepoint::{ChangePoints, Cost, Method, Missing, Noise, Penalty};

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
