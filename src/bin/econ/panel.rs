//! `econ panel`: transforms and detectors of every series of a long table
//! (CSV or Parquet), in parallel.
//!
//! ```text
//! econ panel transform --units pc1 --key partner --period date --value imports trade.parquet -o yoy.parquet
//! econ panel detect --units pc1 --key reporter,partner --period month --value v trade.csv records --low
//! econ panel detect --key id --period p --value v panel.csv changepoints --cost mean --penalty bic
//! econ panel x11 --mode mult --key id --period month --value v panel.parquet -o sa.parquet
//! econ panel x13 --spec template.spc --key id --period month --value v panel.csv
//! ```
//!
//! Output is CSV on standard output, or a file with `-o` (Parquet if its
//! name ends in `.parquet`). `--batch-rows N` reads a Parquet input sorted by
//! key in batches of whole series, so that memory is bounded by the batch.
//! Runs longer than two seconds show a progress bar on a terminal (never
//! when standard error is piped).

use std::fs::File;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

use clap::{Args, Subcommand};
use econseries::detect::AnyDetector;
use econseries::panel::{Panel, PanelColumns, ParquetBatches, Transform};
use econseries::{Error, Frequency, Units};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use polars::prelude::{CsvWriter, DataFrame, ParquetWriter, SerWriter};

use crate::common::{Failure, parser};
use crate::detect::DetectorArgs;
use crate::x11::X11Options;
use econseries::seasonal::X11;
use econseries::x13::spec::X13Spec;

#[derive(Debug, Args)]
pub(crate) struct PanelArgs {
    #[command(subcommand)]
    command: PanelCommand,
}

#[derive(Debug, Subcommand)]
enum PanelCommand {
    /// Apply one of FRED's units transformations to every series:
    /// writes the key columns, the period and the result.
    Transform(TransformArgs),
    /// Run a detector on every series (as `econ detect` takes it): writes
    /// the key columns, then one row per event as `econ detect` does.
    Detect(DetectArgs),
    /// X-11 seasonal adjustment of every series: writes key, period, seasonal,
    /// adjusted, trend, irregular (D10 to D13).
    X11(X11PanelArgs),
    /// Run an X-13 spec template on every series (a spec file whose series
    /// spec leaves out data and start; as `econ x13` runs it): writes key,
    /// period, seasonal, adjusted, trend, irregular (D10 to D13).
    X13(X13PanelArgs),
}

#[derive(Debug, Args)]
struct X13PanelArgs {
    /// The spec template (series without data; transform, x11).
    #[arg(long, value_name = "SPEC.spc")]
    spec: PathBuf,
    #[command(flatten)]
    table: Table,
}

#[derive(Debug, Args)]
struct X11PanelArgs {
    #[command(flatten)]
    options: X11Options,
    #[command(flatten)]
    table: Table,
}

/// The long table: which columns, which file, where to write.
#[derive(Debug, Args)]
struct Table {
    /// The key column(s), comma-separated for a composite key.
    #[arg(long, value_name = "COL[,COL]", value_delimiter = ',', required = true)]
    key: Vec<String>,
    /// The period column: dates at the first day of each period, or period text.
    #[arg(long, value_name = "COL")]
    period: String,
    /// The value column.
    #[arg(long, value_name = "COL")]
    value: String,
    /// Read the periods at this frequency instead of inferring it.
    #[arg(long, value_parser = parser::<Frequency>(&["monthly", "quarterly", "annual"]))]
    frequency: Option<Frequency>,
    /// Write to this file instead of standard output (Parquet if it ends in .parquet).
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Read a Parquet input sorted by key in batches of at least N rows
    /// (whole series each), keeping memory bounded by the batch.
    #[arg(long, value_name = "N")]
    batch_rows: Option<usize>,
    /// The input: a CSV file with a header row, or a Parquet file (.parquet).
    #[arg(value_name = "FILE")]
    file: PathBuf,
}

#[derive(Debug, Args)]
struct TransformArgs {
    /// The transformation, as FRED's `units` codes.
    #[arg(long, value_parser = parser::<Units>(&Units::ALL.map(Units::code)))]
    units: Units,
    #[command(flatten)]
    table: Table,
}

#[derive(Debug, Args)]
struct DetectArgs {
    /// Transform each series first (pc1: records of year-on-year growth,
    /// "the steepest fall since ..."; a percent change is a growth rate,
    /// whose declines are values below zero).
    #[arg(long, value_parser = parser::<Units>(&Units::ALL.map(Units::code)))]
    units: Option<Units>,
    #[command(flatten)]
    table: Table,
    #[command(subcommand)]
    detector: DetectorArgs,
}

/// What to compute for each panel (the whole input, or one batch).
enum Job {
    Transform(Units),
    Detect(Box<dyn AnyDetector>, Option<Units>),
    X11(X11),
    X13(Box<X13Spec>),
}

impl Job {
    /// Runs the job, dropping the input panel as soon as it is no longer
    /// needed (memory).
    fn run(&self, panel: Panel) -> econseries::Result<DataFrame> {
        match self {
            Job::Transform(u) => {
                let out = panel.transform(Transform::Units(*u))?;
                drop(panel);
                out.to_dataframe()
            }
            Job::Detect(d, None) => panel.detect(d.as_ref()),
            Job::Detect(d, Some(u)) => {
                let out = panel.transform(Transform::Units(*u))?;
                drop(panel);
                out.detect(d.as_ref())
            }
            Job::X11(x11) => panel.x11(x11),
            Job::X13(spec) => panel.x13(spec),
        }
    }
}

pub(crate) fn panel(args: PanelArgs) -> Result<(), Failure> {
    let (job, table) = match args.command {
        PanelCommand::Transform(a) => (Job::Transform(a.units), a.table),
        PanelCommand::Detect(a) => (
            Job::Detect(a.detector.build().map_err(Failure::input)?, a.units),
            a.table,
        ),
        PanelCommand::X11(a) => (Job::X11(a.options.build()), a.table),
        PanelCommand::X13(a) => {
            let spec = X13Spec::read_template(&a.spec).map_err(|e| match e {
                Error::Io(e) => Failure::Input(format!("cannot read {}: {e}", a.spec.display())),
                e => Failure::Input(format!("{}: {e}", a.spec.display())),
            })?;
            (Job::X13(Box::new(spec)), a.table)
        }
    };
    let mut cols = PanelColumns::new(table.key.clone(), &table.period, &table.value);
    if let Some(f) = table.frequency {
        cols = cols.frequency(f);
    }
    let name = table.file.display().to_string();
    let progress = Progress::new();
    let mut sink = Sink::new(table.output.as_deref())?;
    match table.batch_rows {
        Some(n) => {
            if !is_parquet(&table.file) {
                return Err(Failure::Input(format!(
                    "--batch-rows needs a Parquet input, not {name}"
                )));
            }
            let batches =
                ParquetBatches::open(&table.file, &cols, n).map_err(|e| input(&name, e))?;
            progress.rows(batches.total_rows() as u64);
            for batch in batches {
                let batch = batch.map_err(|e| input(&name, e))?;
                let rows = batch.rows() as u64;
                let mut df = job.run(batch).map_err(Failure::input)?;
                progress.advance(rows);
                sink.write(&mut df)?;
            }
        }
        None => {
            progress.stage("reading");
            let panel = if is_parquet(&table.file) {
                Panel::scan_parquet(&table.file, &cols)
            } else {
                Panel::scan_csv(&table.file, &cols)
            }
            .map_err(|e| input(&name, e))?;
            progress.stage(&format!("{} series", panel.len()));
            let mut df = job.run(panel).map_err(Failure::input)?;
            progress.stage("writing");
            sink.write(&mut df)?;
        }
    }
    sink.finish()?;
    progress.done();
    Ok(())
}

/// A library error while reading `name`.
fn input(name: &str, e: Error) -> Failure {
    Failure::Input(match e {
        Error::Io(e) => format!("cannot read {name}: {e}"),
        Error::NoObservations => format!("no observations in {name}"),
        e => format!("{name}: {e}"),
    })
}

fn is_parquet(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("parquet"))
}

/// Where results go: CSV on standard output or in a file, or a Parquet file;
/// written one frame (batch) at a time.
enum Sink {
    Csv {
        out: Box<dyn Write>,
        header: bool,
    },
    Parquet {
        path: PathBuf,
        writer: Option<Box<polars::io::parquet::write::BatchedWriter<File>>>,
    },
}

impl Sink {
    fn new(path: Option<&Path>) -> Result<Sink, Failure> {
        Ok(match path {
            Some(p) if is_parquet(p) => Sink::Parquet {
                path: p.to_path_buf(),
                writer: None,
            },
            Some(p) => Sink::Csv {
                out: Box::new(io::BufWriter::new(File::create(p).map_err(|e| {
                    Failure::Input(format!("cannot write {}: {e}", p.display()))
                })?)),
                header: true,
            },
            None => Sink::Csv {
                out: Box::new(io::BufWriter::new(io::stdout().lock())),
                header: true,
            },
        })
    }

    fn write(&mut self, df: &mut DataFrame) -> Result<(), Failure> {
        match self {
            Sink::Csv { out, header } => {
                let r = CsvWriter::new(out).include_header(*header).finish(df);
                *header = false;
                r.map_err(polars_output)
            }
            Sink::Parquet { path, writer } => {
                if writer.is_none() {
                    let file = File::create(&*path).map_err(Failure::Output)?;
                    *writer = Some(Box::new(
                        ParquetWriter::new(file)
                            .batched(df.schema())
                            .map_err(polars_output)?,
                    ));
                }
                // The batched writer needs the columns chunked alike.
                df.align_chunks_par();
                match writer {
                    Some(w) => w.write_batch(df).map_err(polars_output),
                    None => Ok(()),
                }
            }
        }
    }

    fn finish(self) -> Result<(), Failure> {
        match self {
            Sink::Csv { mut out, .. } => out.flush().map_err(Failure::Output),
            Sink::Parquet { writer, .. } => match writer {
                Some(w) => w.finish().map(|_| ()).map_err(polars_output),
                None => Ok(()),
            },
        }
    }
}

fn polars_output(e: polars::error::PolarsError) -> Failure {
    match e {
        polars::error::PolarsError::IO { error, .. } => {
            Failure::Output(io::Error::new(error.kind(), error.to_string()))
        }
        other => Failure::Output(io::Error::other(other)),
    }
}

/// A progress bar on standard error, drawn only on a terminal and only
/// once the run has lasted two seconds, so short runs and pipes see nothing.
struct Progress {
    bar: ProgressBar,
}

impl Progress {
    fn new() -> Progress {
        let bar = ProgressBar::hidden();
        if io::stderr().is_terminal() {
            let late = bar.clone();
            std::thread::spawn(move || {
                std::thread::sleep(Duration::from_secs(2));
                if !late.is_finished() {
                    late.set_draw_target(ProgressDrawTarget::stderr());
                    late.enable_steady_tick(Duration::from_millis(200));
                }
            });
        }
        Progress { bar }
    }

    /// Switches to a bar over `total` rows.
    fn rows(&self, total: u64) {
        self.bar.set_length(total);
        if let Ok(style) = ProgressStyle::with_template(
            "{elapsed_precise} [{bar:40}] {human_pos}/{human_len} rows ({eta})",
        ) {
            self.bar.set_style(style.progress_chars("=> "));
        }
    }

    fn advance(&self, rows: u64) {
        self.bar.inc(rows);
    }

    /// A spinner's message, for a run without batches.
    fn stage(&self, message: &str) {
        if let Ok(style) = ProgressStyle::with_template("{elapsed_precise} {spinner} {msg}") {
            self.bar.set_style(style);
        }
        self.bar.set_message(message.to_owned());
    }

    fn done(&self) {
        self.bar.finish_and_clear();
    }
}
