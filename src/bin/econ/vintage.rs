//! `econ vintage` and `econ revisions`: vintaged (real-time) series.
//!
//! The input is any shape `AnyVintagedSeries::read` knows: ALFRED's
//! vintage-column CSV, ALFRED's JSON by real-time period, or the long CSV of
//! `econseries::io::long`.

use std::io::{self, Write};
use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{ArgGroup, Args};
use econseries::vintage::AnyVintagedSeries;
use econseries::{AnySeries, Units, io::format_value};

use crate::common::{Failure, Input, parser, read_vintaged as read_input};
use crate::fetch::Network;

#[derive(Debug, Args)]
pub(crate) struct VintageInput {
    /// Compute one of FRED's units within every vintage first (pca = annualised growth, ...).
    #[arg(long, value_parser = parser::<Units>(&Units::ALL.map(Units::code)))]
    units: Option<Units>,
    /// The series id, for an input holding several series (a long CSV's id,
    /// an ALFRED column's series id).
    #[arg(long, value_name = "ID")]
    series: Option<String>,
    /// The vintage file (ALFRED CSV or JSON, or long CSV); standard input if
    /// omitted or `-`; or a source, alfred:ID, fetched with every vintage.
    #[arg(value_name = "FILE")]
    file: Option<PathBuf>,
    #[command(flatten)]
    network: Network,
}

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("view").required(true).args(["as_of", "first_release", "latest", "release"])))]
pub(crate) struct VintageArgs {
    /// The series as known on this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    as_of: Option<NaiveDate>,
    /// The first published value of every period.
    #[arg(long)]
    first_release: bool,
    /// The series as of the latest vintage.
    #[arg(long)]
    latest: bool,
    /// The N-th published value of every period (0 = first release).
    #[arg(long, value_name = "N")]
    release: Option<usize>,
    #[command(flatten)]
    input: VintageInput,
}

#[derive(Debug, Args)]
pub(crate) struct RevisionsArgs {
    /// Write the summary statistics (statistic,value) instead of the table.
    #[arg(long)]
    summary: bool,
    #[command(flatten)]
    input: VintageInput,
}

fn read_vintaged(input: &VintageInput) -> Result<AnyVintagedSeries, Failure> {
    let v = read_input(&Input {
        frequency: None,
        series: input.series.clone(),
        format: None,
        file: input.file.clone(),
        network: input.network.clone(),
    })?;
    Ok(match input.units {
        Some(u) => v.units(u),
        None => v,
    })
}

pub(crate) fn vintage(args: VintageArgs) -> Result<(), Failure> {
    let v = read_vintaged(&args.input)?;
    let out = match (args.as_of, args.release) {
        (Some(date), _) => v.as_of(date),
        (None, Some(n)) => v.release(n),
        (None, None) if args.first_release => v.first_release(),
        (None, None) => v.latest(),
    };
    out.write_csv(io::stdout().lock()).map_err(Failure::output)
}

pub(crate) fn revisions(args: RevisionsArgs) -> Result<(), Failure> {
    let v = read_vintaged(&args.input)?;
    let (first, latest, stats) = v.revisions().map_err(Failure::input)?;
    let mut out = String::new();
    if args.summary {
        out.push_str("statistic,value\n");
        out.push_str(&format!("count,{}\n", stats.count));
        out.push_str(&format!("revised,{}\n", stats.revised));
        out.push_str(&format!("mean,{}\n", format_value(stats.mean)));
        out.push_str(&format!(
            "mean_absolute,{}\n",
            format_value(stats.mean_absolute)
        ));
        out.push_str(&format!("sign_changes,{}\n", stats.sign_changes));
        out.push_str(&format!(
            "sign_change_share,{}\n",
            format_value(stats.sign_change_share())
        ));
    } else {
        out.push_str("period,first_release,latest,revision\n");
        for (period, f, l) in rows(&first, &latest) {
            let cell = |x: Option<f64>| x.map(format_value).unwrap_or_default();
            let r = match (f, l) {
                (Some(a), Some(b)) => Some(a - b),
                _ => None,
            };
            out.push_str(&format!(
                "{period},{},{},{}\n",
                cell(f),
                cell(l),
                cell(r.filter(|x| x.is_finite()))
            ));
        }
    }
    io::stdout()
        .lock()
        .write_all(out.as_bytes())
        .map_err(Failure::Output)
}

/// Every period of either series with both values, in order.
fn rows(first: &AnySeries, latest: &AnySeries) -> Vec<(String, Option<f64>, Option<f64>)> {
    fn join<P: econseries::Period>(
        a: &econseries::Series<P>,
        b: &econseries::Series<P>,
    ) -> Vec<(String, Option<f64>, Option<f64>)> {
        let lo = a.start().min(b.start());
        let hi = match (a.end(), b.end()) {
            (Some(x), Some(y)) => x.max(y),
            (Some(x), None) | (None, Some(x)) => x,
            (None, None) => return Vec::new(),
        };
        let mut out = Vec::new();
        let mut p = lo;
        while p <= hi {
            out.push((p.to_string(), a.get(p), b.get(p)));
            match p.checked_add(1) {
                Ok(next) => p = next,
                Err(_) => break,
            }
        }
        out
    }
    match (first, latest) {
        (AnySeries::Monthly(a), AnySeries::Monthly(b)) => join(a, b),
        (AnySeries::Quarterly(a), AnySeries::Quarterly(b)) => join(a, b),
        (AnySeries::Annual(a), AnySeries::Annual(b)) => join(a, b),
        _ => Vec::new(),
    }
}
