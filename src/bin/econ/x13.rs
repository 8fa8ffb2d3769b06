//! `econ x13`: runs an X-13ARIMA-SEATS spec file (series, transform none/log
//! with a prior adjustment, a regARIMA model from regression, arima,
//! estimate, forecast and outlier, and x11).

use std::fmt::Write as _;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use clap::Args;
use econseries::io::format_value;
use econseries::x13::spec::{PriorAdjust, TransformFunction, X13Run, X13Spec};
use econseries::{Error, Month, Quarter};

use crate::common::Failure;

#[derive(Debug, Args)]
pub(crate) struct X13Args {
    /// The spec file (`file=` paths in it are relative to its folder).
    spec: PathBuf,
    /// Write every table the spec's `save=` arguments name to
    /// DIR/NAME.TABLE.csv: NAME the spec file's name without `.spc`, TABLE
    /// the program's table code (d10); DIR is created if missing.
    #[arg(long, value_name = "DIR")]
    save: Option<PathBuf>,
    /// Also print the run (transform, prior adjustment, model) and the X-11
    /// quality statistics on standard error.
    #[arg(long)]
    diagnostics: bool,
}

pub(crate) fn x13(args: X13Args) -> Result<(), Failure> {
    let shown = args.spec.display().to_string();
    let in_spec = |e: Error| match e {
        Error::Io(e) => Failure::Input(format!("cannot read {shown}: {e}")),
        e => Failure::Input(format!("{shown}: {e}")),
    };
    let spec = X13Spec::read(&args.spec).map_err(in_spec)?;
    let run = spec.run().map_err(in_spec)?;
    let saved = spec.saved_tables(&run).map_err(in_spec)?;
    let periods = labels(&run).map_err(in_spec)?;

    let columns = [run.seasonal(), run.adjusted(), run.trend(), run.irregular()];
    let mut out = String::from("period,seasonal,adjusted,trend,irregular\n");
    for (i, p) in periods.iter().enumerate() {
        out.push_str(p);
        for c in &columns {
            out.push(',');
            push_value(&mut out, c.get(i).copied());
        }
        out.push('\n');
    }
    if let Some(dir) = &args.save {
        let name = args
            .spec
            .file_stem()
            .map_or_else(|| "x13".to_owned(), |s| s.to_string_lossy().into_owned());
        save(dir, &name, &periods, &saved)?;
    }
    io::stdout()
        .lock()
        .write_all(out.as_bytes())
        .map_err(Failure::Output)?;
    if args.diagnostics {
        io::stderr()
            .lock()
            .write_all(report(&spec, &run, &periods).as_bytes())
            .map_err(Failure::Output)?;
    }
    Ok(())
}

/// The periods of the run as the crate writes them (`2001-01`, `2001-Q1`).
fn labels(run: &X13Run) -> Result<Vec<String>, Error> {
    let span = run.span();
    (0..span.len())
        .map(|i| {
            let d = span.date(i);
            Ok(if span.per_year() == 12 {
                Month::new(d.year(), d.period())?.to_string()
            } else {
                Quarter::new(d.year(), d.period())?.to_string()
            })
        })
        .collect()
}

/// A value, or nothing where the table has none.
fn push_value(out: &mut String, v: Option<f64>) {
    if let Some(v) = v.filter(|v| v.is_finite()) {
        out.push_str(&format_value(v));
    }
}

fn save(
    dir: &Path,
    name: &str,
    periods: &[String],
    tables: &[(&'static str, &[f64])],
) -> Result<(), Failure> {
    std::fs::create_dir_all(dir).map_err(Failure::Output)?;
    for (table, values) in tables {
        let mut text = format!("period,{table}\n");
        for (p, v) in periods.iter().zip(values.iter()) {
            text.push_str(p);
            text.push(',');
            push_value(&mut text, Some(*v));
            text.push('\n');
        }
        std::fs::write(dir.join(format!("{name}.{table}.csv")), text).map_err(Failure::Output)?;
    }
    Ok(())
}

/// The run as text, one item a line: what ran, then the X-11 statistics.
fn report(spec: &X13Spec, run: &X13Run, periods: &[String]) -> String {
    let mut s = String::new();
    let first = periods.first().map_or("", String::as_str);
    let last = periods.last().map_or("", String::as_str);
    let _ = writeln!(
        s,
        "series: {} values, {first} to {last}, {} a year",
        periods.len(),
        run.span().per_year()
    );
    let transform = match spec.transform.as_ref().map(|t| t.function) {
        Some(TransformFunction::Log) => "log",
        _ => "none",
    };
    let _ = writeln!(s, "transform: {transform}");
    let prior = match spec.transform.as_ref().and_then(|t| t.adjust) {
        Some(PriorAdjust::LengthOfPeriod) if run.span().per_year() == 12 => "length of month (lom)",
        Some(PriorAdjust::LengthOfPeriod) => "length of quarter (loq)",
        Some(PriorAdjust::LeapYear) => "leap year (lpyear)",
        _ => "none",
    };
    let _ = writeln!(s, "prior adjustment (A2): {prior}");
    match run.model() {
        None => {
            let _ = writeln!(
                s,
                "regARIMA model: none (the spec has no regression, arima, estimate, forecast or outlier spec)"
            );
        }
        Some(m) => {
            let l = m.likelihood();
            let _ = writeln!(
                s,
                "regARIMA model: ARIMA {} on the {} scale, {} observations ({} after differencing), {} iterations",
                m.order(),
                if matches!(m.transform(), econseries::x13::Transform::Log) {
                    "log"
                } else {
                    "original"
                },
                l.nobs,
                l.nefobs,
                m.iterations()
            );
            let _ = writeln!(
                s,
                "likelihood: log L {:.6}, AICC {:.4}, BIC {:.4}, innovation variance {:.6e}",
                l.loglik + l.transform_adjustment,
                l.aicc,
                l.bic,
                l.variance
            );
            let _ = writeln!(s, "estimates: name, estimate, standard error, t");
            for c in m.arma().iter().chain(m.regression()) {
                let _ = writeln!(
                    s,
                    "  {}, {:.6e}, {:.6e}, {:.2}",
                    c.name,
                    c.estimate,
                    c.se,
                    c.t_value()
                );
            }
            let found = run.outliers_found();
            if spec.outlier.is_some() {
                let _ = writeln!(
                    s,
                    "outliers found by the search: {}",
                    if found.is_empty() {
                        "none".to_owned()
                    } else {
                        found.join(" ")
                    }
                );
            }
            let (back, fore) = run.extension();
            let _ = writeln!(
                s,
                "X-11 runs on the series less the regression effects, extended by {back} backcasts and {fore} forecasts"
            );
        }
    }
    s.push_str(&crate::x11::report(
        run.x11().mode(),
        run.x11().diagnostics(),
    ));
    if run.model().is_some() {
        s.push_str(
            "note: with a regARIMA model the X-11 statistics above are computed over the extended series \
             (the filter choices leave the forecasts out, as the program does); the program's M and Q \
             statistics are not checked for these runs\n",
        );
    }
    if run.prior().is_some() && run.model().is_none() {
        s.push_str(
            "note: with a prior adjustment M2 and Q are computed on the prior-adjusted series (B1); \
             the program's differ (docs/x13.md)\n",
        );
    }
    s
}
