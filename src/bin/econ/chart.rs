//! `econ chart`: a series with its findings marked, as SVG.

use std::io::{self, Write};
use std::path::PathBuf;

use clap::{Args, ValueEnum};
use econseries::changepoint::{ChangePoints, Cost, Missing, Penalty};
use econseries::detect::{
    Bbq, BryBoschan, Event, Extreme, record_at, records, technical_recessions,
};
use econseries::plot::{Chart, Style};
use econseries::{AnySeries, Error, Frequency, Period, Series, Units};

use crate::common::{Failure, Input, parser, read};

/// A kind of finding to mark.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum MarkArg {
    /// The record low and high, and the latest value if it is the lowest or
    /// highest for at least a year.
    Records,
    /// Statistical change points: a change in mean, BIC penalty, segments of
    /// at least a year, each segment shaded with its mean.
    Changepoints,
    /// Technical recessions: two or more consecutive declines of the level
    /// (of the input, before --transform).
    Recessions,
    /// Single-period declines of the level (of the input, before --transform).
    Contractions,
    /// Business-cycle phases from peak to trough of the level (BBQ for
    /// quarterly, Bry-Boschan for monthly input).
    TurningPoints,
}

/// How to draw the series.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum StyleArg {
    /// A line (default for levels).
    Line,
    /// Bars from zero, negative ones in another colour (default for changes).
    Bars,
}

#[derive(Debug, Args)]
pub(crate) struct ChartArgs {
    /// Chart this transformation of the input (FRED's units codes), e.g.
    /// pc1 for the percent change from a year ago.
    #[arg(long, value_parser = parser::<Units>(&Units::ALL.map(Units::code)))]
    transform: Option<Units>,
    /// Findings to mark, comma-separated.
    #[arg(long, value_enum, value_delimiter = ',')]
    mark: Vec<MarkArg>,
    /// The title above the chart.
    #[arg(long, value_name = "TEXT")]
    title: Option<String>,
    /// The unit written along the y axis (default: from --transform).
    #[arg(long, value_name = "TEXT")]
    y_label: Option<String>,
    /// A footnote below the chart, such as the source.
    #[arg(long, value_name = "TEXT")]
    note: Option<String>,
    /// A dashed line at this neutral level (100 for an index based on a
    /// period, 50 for a diffusion index).
    #[arg(long, value_name = "LEVEL", allow_hyphen_values = true)]
    neutral: Option<f64>,
    /// Draw the series as a line or as bars (default: bars for changes).
    #[arg(long, value_enum)]
    style: Option<StyleArg>,
    /// The width in pixels.
    #[arg(long, default_value_t = 960)]
    width: u32,
    /// The height in pixels.
    #[arg(long, default_value_t = 480)]
    height: u32,
    /// Write the SVG to this file instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    #[command(flatten)]
    input: Input,
}

/// The default y-axis unit of a transform.
fn transform_label(units: Units) -> Option<&'static str> {
    Some(match units {
        Units::Chg => "change from the previous period",
        Units::Ch1 => "change from a year earlier",
        Units::Pch => "% change from the previous period",
        Units::Pc1 => "% change from a year earlier",
        Units::Pca => "% change at an annual rate",
        Units::Cch => "continuously compounded % change",
        Units::Cca => "continuously compounded annual % change",
        Units::Log => "natural log",
        _ => return None,
    })
}

pub(crate) fn chart(args: ChartArgs) -> Result<(), Failure> {
    let series = read(&args.input)?;
    let svg = match series {
        AnySeries::Monthly(s) => build(&args, s),
        AnySeries::Quarterly(s) => build(&args, s),
        AnySeries::Annual(s) => build(&args, s),
        other => {
            return Err(Failure::input(Error::FrequencyMismatch {
                expected: Frequency::Monthly,
                found: other.frequency(),
            }));
        }
    }
    .map_err(Failure::input)?;
    match &args.output {
        Some(path) => std::fs::write(path, svg).map_err(|e| {
            Failure::Output(io::Error::new(e.kind(), format!("{}: {e}", path.display())))
        }),
        None => {
            let mut out = io::stdout().lock();
            out.write_all(svg.as_bytes())
                .and_then(|()| out.flush())
                .map_err(Failure::Output)
        }
    }
}

/// The chart of `level` (transformed as asked) with the findings asked for.
fn build<P: Period>(args: &ChartArgs, level: Series<P>) -> Result<String, Error> {
    let shown = match args.transform {
        Some(units) => level.units(units),
        None => level.clone(),
    };
    let is_change = args
        .transform
        .is_some_and(|u| !matches!(u, Units::Lin | Units::Log));
    let style = match args.style {
        Some(StyleArg::Bars) => Style::Bars,
        Some(StyleArg::Line) => Style::Line,
        None if is_change => Style::Bars,
        None => Style::Line,
    };
    let mut chart = Chart::new(&shown)
        .style(style)
        .size(args.width, args.height);
    if let Some(title) = &args.title {
        chart = chart.title(title);
    }
    if let Some(label) = args
        .y_label
        .as_deref()
        .or_else(|| args.transform.and_then(transform_label))
    {
        chart = chart.units(label);
    }
    if let Some(note) = &args.note {
        chart = chart.note(note);
    }
    if let Some(level) = args.neutral {
        chart = chart.reference(level, format!("neutral: {level}"));
    }
    for mark in dedup(&args.mark) {
        chart = match mark {
            MarkArg::Records => chart.mark(&record_events(&shown)),
            MarkArg::Changepoints => {
                let changes = ChangePoints::new(Cost::Mean)
                    .penalty(Penalty::Bic)
                    .min_size((P::PER_YEAR as usize).max(2))
                    .missing(Missing::Skip)
                    .detect_series(&shown.trim())?;
                chart.segments(&changes)
            }
            MarkArg::Recessions => {
                let events: Vec<_> = technical_recessions(&level)
                    .iter()
                    .map(|r| r.event(&level))
                    .collect();
                chart.mark(&events)
            }
            MarkArg::Contractions => {
                let events: Vec<_> = econseries::detect::contractions(&level)
                    .iter()
                    .map(|c| c.event())
                    .collect();
                chart.mark(&events)
            }
            MarkArg::TurningPoints => {
                let turns = match P::FREQUENCY {
                    Frequency::Monthly => BryBoschan::new().date(&level)?,
                    _ => Bbq::new().date(&level)?,
                };
                let mut previous = None;
                let events: Vec<Event<P>> = turns
                    .iter()
                    .map(|t| {
                        let e = t.event(previous);
                        previous = Some(t.period);
                        e
                    })
                    .collect();
                chart.mark(&events)
            }
        };
    }
    chart.to_svg_string()
}

/// The marks in the order given, each once.
fn dedup(marks: &[MarkArg]) -> Vec<MarkArg> {
    let mut out = Vec::new();
    for m in marks {
        if !out.contains(m) {
            out.push(*m);
        }
    }
    out
}

/// The record low and high (the last observation no earlier one matched),
/// and the latest observation if it is the lowest or highest for at least
/// a year without being a record.
fn record_events<P: Period>(s: &Series<P>) -> Vec<Event<P>> {
    let mut out = Vec::new();
    for extreme in [Extreme::Low, Extreme::High] {
        if let Some(r) = records(s, extreme).iter().rfind(|r| r.is_record()) {
            out.push(r.event(s, extreme));
        }
        let latest = s
            .last_valid()
            .and_then(|last| record_at(s, extreme, last))
            .filter(|r| {
                r.since
                    .is_some_and(|since| r.period.periods_since(since) >= P::PER_YEAR as i32)
            });
        if let Some(r) = latest {
            out.push(r.event(s, extreme));
        }
    }
    out
}
