//! `econ chart`: a series with its findings marked, as SVG.

use std::io::{self, Write};
use std::path::PathBuf;

use clap::{Args, ValueEnum};
use econseries::detect::{Event, EventKind};
use econseries::plot::{Chart, Style};
use econseries::{AnySeries, Error, Frequency, Percent, Period, Series, Units};

use crate::common::{Failure, Input, parser, read};
use crate::detect::{DetectorArgs, is_change, parse_spec};

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
    /// A detector whose events to mark, as `econ detect` takes it
    /// (`--mark "records --low" --mark recessions`); repeatable. Detectors
    /// run on the charted series (after --transform); of records, the last
    /// record and the latest value if it is the lowest or highest for at
    /// least a year are marked.
    #[arg(long, value_name = "DETECTOR", value_parser = parse_spec)]
    mark: Vec<DetectorArgs>,
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
    let style = match args.style {
        Some(StyleArg::Bars) => Style::Bars,
        Some(StyleArg::Line) => Style::Line,
        None if is_change(args.transform) => Style::Bars,
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
    for mark in &args.mark {
        let detector = mark.build()?;
        let events = if is_change(args.transform) {
            detector.detect(&shown.clone().into_unit::<Percent>())?
        } else {
            detector.detect(&shown)?
        };
        chart = chart.mark(&newsworthy(events));
    }
    chart.to_svg_string()
}

/// The events worth a label: of the records and "lowest since"s, the last
/// record and the latest event if it reaches back at least a year; every
/// other event.
fn newsworthy<P: Period>(events: Vec<Event<P>>) -> Vec<Event<P>> {
    let is_record_kind =
        |e: &Event<P>| matches!(e.kind, EventKind::Low { .. } | EventKind::High { .. });
    let last_record = events.iter().rposition(|e| e.is_record());
    let latest = events.iter().rposition(is_record_kind).filter(|&i| {
        events
            .get(i)
            .and_then(Event::periods_back)
            .is_some_and(|back| back >= P::PER_YEAR as i32)
    });
    events
        .iter()
        .enumerate()
        .filter(|&(i, e)| !is_record_kind(e) || Some(i) == last_record || Some(i) == latest)
        .map(|(_, e)| *e)
        .collect()
}
