//! `econ detect`: every detector of the library, through its one trait.
//!
//! [`DetectorArgs`] is the CLI's one registry of detectors: `econ detect`,
//! `econ panel detect` and `econ chart --mark` all parse it, and build the
//! library's detector as a `dyn AnyDetector`, so a detector added here is
//! available in all three.

use std::fmt::Write as _;
use std::io::{self, Write};
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};
use econseries::changepoint::{Cusum, Noise, OnlineChanges};
use econseries::detect::{
    AnyDetector, Crossings, Declines, Event, FieldValue, Records, RobustZ, Sahm, StreakBasis,
    Streaks, TechnicalRecessions, TurningPoints,
};
use econseries::io::format_value;
use econseries::plot::{Chart, Style};
use econseries::{AnySeries, Error, Frequency, Percent, Period, Series, Units};

use crate::changepoints::{SearchArgs, WithProgress};
use crate::common::{Failure, Input, parser, read};

/// A detector and its settings.
#[derive(Clone, Debug, Subcommand)]
pub(crate) enum DetectorArgs {
    /// Records: for every observation, the last earlier period at least as
    /// low (--low) or high (--high); `record` when there is none.
    Records(RecordsArgs),
    /// Runs of rises and falls: of the level's changes, or of the sign of a
    /// growth rate (--signs).
    Streaks(StreaksArgs),
    /// Crossings of a threshold (an index's neutral level).
    Crossings(CrossingsArgs),
    /// Declines: a level below the previous period's, or (with --units
    /// pch, pc1, pca...) growth below zero; each compared with the previous one.
    Declines,
    /// Technical recessions: two or more consecutive quarterly declines
    /// (quarterly input only).
    Recessions,
    /// The Sahm rule of a monthly unemployment rate: S(t) for every month
    /// with a reading, `signal` where it reaches the threshold.
    Sahm(SahmArgs),
    /// Business-cycle peaks and troughs: BBQ for quarterly and annual
    /// input, Bry-Boschan for monthly.
    TurningPoints,
    /// Robust z-score anomalies against a trailing window.
    Anomalies(AnomaliesArgs),
    /// Statistical change points (PELT, FPOP, binary segmentation): one
    /// `shift` per change, with the fits before and after.
    Changepoints(SearchArgs),
    /// The CUSUM test for one change in mean: the change if significant.
    Cusum(CusumArgs),
    /// Bayesian online change points, as they would have been seen in real time.
    Online(OnlineArgs),
}

#[derive(Clone, Debug, Args)]
#[group(required = true, multiple = false)]
pub(crate) struct Which {
    /// "Lowest since": the last earlier period with a value at most as high.
    #[arg(long)]
    low: bool,
    /// "Highest since": the last earlier period with a value at least as high.
    #[arg(long)]
    high: bool,
}

#[derive(Clone, Debug, Args)]
pub(crate) struct RecordsArgs {
    #[command(flatten)]
    which: Which,
}

#[derive(Clone, Debug, Args)]
pub(crate) struct StreaksArgs {
    /// Runs of the sign of the value (a growth rate) instead of runs of its
    /// changes.
    #[arg(long)]
    signs: bool,
}

#[derive(Clone, Debug, Args)]
pub(crate) struct CrossingsArgs {
    /// The level crossed.
    #[arg(long, value_name = "LEVEL", allow_hyphen_values = true)]
    threshold: f64,
}

#[derive(Clone, Debug, Args)]
pub(crate) struct SahmArgs {
    /// Missing unless all twelve prior three-month averages exist (default:
    /// the minimum over those that exist).
    #[arg(long)]
    strict: bool,
    /// The signal threshold in percentage points.
    #[arg(long, value_name = "PP", default_value_t = 0.5)]
    threshold: f64,
}

#[derive(Clone, Debug, Args)]
pub(crate) struct AnomaliesArgs {
    /// The trailing window, in periods.
    #[arg(long, value_name = "N", default_value_t = 24)]
    window: usize,
    /// The absolute z-score above which a value is an anomaly.
    #[arg(long, value_name = "Z", default_value_t = 3.5)]
    threshold: f64,
}

#[derive(Clone, Debug, Args)]
pub(crate) struct CusumArgs {
    /// The noise standard deviation (default: estimated as the MAD of first
    /// differences / sqrt 2).
    #[arg(long, value_name = "SIGMA")]
    sigma: Option<f64>,
    /// The significance level below which the change is reported.
    #[arg(long, value_name = "P", default_value_t = 0.05)]
    level: f64,
}

#[derive(Clone, Debug, Args)]
pub(crate) struct OnlineArgs {
    /// The expected segment length, in periods.
    #[arg(long, value_name = "N", default_value_t = 60.0)]
    lambda: f64,
}

impl DetectorArgs {
    /// The library's detector for these settings.
    pub(crate) fn build(&self) -> Result<Box<dyn AnyDetector>, Error> {
        Ok(match self {
            DetectorArgs::Records(a) => Box::new(if a.which.low {
                Records::low()
            } else {
                Records::high()
            }),
            DetectorArgs::Streaks(a) => Box::new(Streaks::new(if a.signs {
                StreakBasis::Sign
            } else {
                StreakBasis::Change
            })),
            DetectorArgs::Crossings(a) => Box::new(Crossings::new(a.threshold)?),
            DetectorArgs::Declines => Box::new(Declines),
            DetectorArgs::Recessions => Box::new(TechnicalRecessions),
            DetectorArgs::Sahm(a) => {
                let rule = Sahm::new().threshold(a.threshold)?;
                Box::new(if a.strict { rule.strict() } else { rule })
            }
            DetectorArgs::TurningPoints => Box::new(TurningPoints),
            DetectorArgs::Anomalies(a) => Box::new(RobustZ::new(a.window)?.threshold(a.threshold)?),
            DetectorArgs::Changepoints(a) => Box::new(WithProgress(a.build())),
            DetectorArgs::Cusum(a) => {
                let noise = a.sigma.map_or(Noise::Estimate, Noise::Sigma);
                Box::new(Cusum::new().noise(noise).level(a.level)?)
            }
            DetectorArgs::Online(a) => Box::new(OnlineChanges::new(a.lambda)?),
        })
    }
}

/// A detector spec as written after `--mark` (`"records --low"`), parsed by
/// the same registry as `econ detect`.
#[derive(Debug, Parser)]
#[command(no_binary_name = true)]
struct Spec {
    #[command(subcommand)]
    detector: DetectorArgs,
}

/// Parses a `--mark` spec.
pub(crate) fn parse_spec(text: &str) -> Result<DetectorArgs, String> {
    Spec::try_parse_from(text.split_whitespace())
        .map(|s| s.detector)
        .map_err(|e| {
            let first = e.to_string();
            first
                .lines()
                .next()
                .unwrap_or("invalid detector")
                .to_owned()
        })
}

#[derive(Debug, Args)]
pub(crate) struct DetectArgs {
    #[command(subcommand)]
    detector: DetectorArgs,
    #[command(flatten)]
    on: On,
}

/// What the detector runs on, and where a chart goes.
#[derive(Debug, Args)]
pub(crate) struct On {
    /// Run the detector on this transformation of the input (FRED's units
    /// codes): pc1 for "the steepest fall since" of year-on-year growth.
    /// A percent change is a growth rate, whose declines are values below zero.
    #[arg(long, global = true, value_parser = parser::<Units>(&Units::ALL.map(Units::code)))]
    units: Option<Units>,
    /// Also draw the (transformed) series with the events marked, as SVG,
    /// to this file.
    #[arg(long, global = true, value_name = "FILE.svg")]
    chart: Option<PathBuf>,
    #[command(flatten)]
    input: Input,
}

pub(crate) fn detect(args: DetectArgs) -> Result<(), Failure> {
    let detector = args.detector.build().map_err(Failure::input)?;
    let series = read(&args.on.input)?;
    let text = match series {
        AnySeries::Monthly(s) => run(&*detector, &args.on, s),
        AnySeries::Quarterly(s) => run(&*detector, &args.on, s),
        AnySeries::Annual(s) => run(&*detector, &args.on, s),
        other => {
            return Err(Failure::input(Error::FrequencyMismatch {
                expected: Frequency::Monthly,
                found: other.frequency(),
            }));
        }
    }
    .map_err(Failure::input)?;
    let mut out = io::stdout().lock();
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .map_err(Failure::Output)
}

/// Whether `units` gives a growth rate (or another change), whose
/// declines are values below zero.
pub(crate) fn is_change(units: Option<Units>) -> bool {
    units.is_some_and(|u| !matches!(u, Units::Lin | Units::Log))
}

/// The events of `detector` on `level` transformed by `on.units`, as CSV;
/// the chart written where asked.
fn run<P: Period>(detector: &dyn AnyDetector, on: &On, level: Series<P>) -> Result<String, Error> {
    // A file of empty values has nothing to detect in: say so, as every
    // other command does, rather than print no events.
    if level.first_valid().is_none() {
        return Err(Error::NoObservations);
    }
    let shown = match on.units {
        Some(u) => level.units(u),
        None => level,
    };
    let events = if is_change(on.units) {
        detector.detect(&shown.clone().into_unit::<Percent>())?
    } else {
        detector.detect(&shown)?
    };
    if let Some(path) = &on.chart {
        let style = if is_change(on.units) {
            Style::Bars
        } else {
            Style::Line
        };
        Chart::new(&shown)
            .style(style)
            .mark(&events)
            .write_svg(path)?;
    }
    Ok(events_csv(&events))
}

/// Events as CSV: `period,kind,value,compared_with`, then every field of
/// their kinds (the union, in order of first appearance), empty where an
/// event has none.
pub(crate) fn events_csv<P: Period>(events: &[Event<P>]) -> String {
    let mut names: Vec<&'static str> = Vec::new();
    let fields: Vec<Vec<(&'static str, FieldValue)>> =
        events.iter().map(|e| e.kind.fields()).collect();
    for (name, _) in fields.iter().flatten() {
        if !names.contains(name) {
            names.push(name);
        }
    }
    let mut out = String::from("period,kind,value,compared_with");
    for n in &names {
        out.push(',');
        out.push_str(n);
    }
    out.push('\n');
    for (e, f) in events.iter().zip(&fields) {
        let compared = e.compared_with.map(|p| p.to_string()).unwrap_or_default();
        let _ = write!(
            out,
            "{},{},{},{compared}",
            e.period,
            e.kind.name(),
            format_value(e.value)
        );
        for n in &names {
            out.push(',');
            if let Some((_, v)) = f.iter().find(|(m, _)| m == n) {
                out.push_str(&field_text(*v));
            }
        }
        out.push('\n');
    }
    out
}

/// A field as written in CSV.
pub(crate) fn field_text(v: FieldValue) -> String {
    match v {
        FieldValue::Flag(b) => b.to_string(),
        FieldValue::Count(n) => n.to_string(),
        FieldValue::Number(x) => format_value(x),
        FieldValue::Text(t) => t.to_owned(),
        _ => String::new(),
    }
}
