//! `econ fetch SOURCE...`, and the client every subcommand uses when its
//! FILE is a source (`econ transform --units pc1 fred:IMPCH`).
//!
//! The client is configured from the environment (`FRED_API_KEY`,
//! `ECON_<PROVIDER>_URL`, `ECON_CACHE_DIR`, `ECON_OFFLINE`; see
//! `econseries::fetch`). A pull of several requests draws a progress line
//! on standard error when it is a terminal.

use std::io::{self, IsTerminal, Write};
use std::sync::Mutex;

use chrono::NaiveDate;
use clap::{Args, ValueEnum};
use econseries::fetch::{Client, ClientBuilder, Source};
use econseries::io::{Format, ReadOptions, long};
use econseries::vintage::AnyVintagedSeries;
use econseries::{AnySeries, Error};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::failure::Failure;

/// The SDMX format asked of the service.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum SdmxFormat {
    /// SDMX-CSV (every provider serves it).
    Csv,
    /// SDMX-JSON.
    Json,
}

/// How to reach the services; global, so that every subcommand reading a
/// source takes them.
#[derive(Clone, Debug, Default, Args)]
pub(crate) struct Network {
    /// Answer from the cache only, never touching the network (also
    /// ECON_OFFLINE=1).
    #[arg(long, global = true)]
    pub(crate) offline: bool,
    /// Ask the service again even for fresh cache entries.
    #[arg(long, global = true)]
    pub(crate) refresh: bool,
}

#[derive(Debug, Args)]
pub(crate) struct FetchArgs {
    /// What to fetch: fred:ID, alfred:ID, sdmx:AGENCY/FLOW/KEY (or
    /// sdmx:https://URL), dbnomics:PROVIDER/DATASET/SERIES. Several sources
    /// give one long CSV (series_id,period,value).
    #[arg(value_name = "SOURCE", required = true)]
    sources: Vec<String>,
    /// An ALFRED (or FRED) series as it was known on this date (YYYY-MM-DD):
    /// period,value instead of every vintage.
    #[arg(long, value_name = "DATE")]
    as_of: Option<NaiveDate>,
    /// What FRED says about the series (title, units, frequency, seasonal
    /// adjustment) instead of its values.
    #[arg(long)]
    metadata: bool,
    /// The series to keep from a multi-series SDMX or DBnomics response.
    #[arg(long, value_name = "KEY")]
    series: Option<String>,
    /// The SDMX format to ask for.
    #[arg(long, value_enum, default_value = "csv")]
    sdmx_format: SdmxFormat,
    /// Print every request (its URL without the API key) and its outcome on
    /// standard error.
    #[arg(long)]
    verbose: bool,
    #[command(flatten)]
    network: Network,
}

/// The client of the environment, with `network`'s options, a progress
/// line on a terminal, and the request log if `verbose`.
pub(crate) fn client(
    network: &Network,
    verbose: bool,
    sdmx: SdmxFormat,
) -> Result<Client, Failure> {
    let mut b = ClientBuilder::from_env().map_err(service)?;
    if network.offline {
        b = b.offline(true);
    }
    b = b.refresh(network.refresh);
    if sdmx == SdmxFormat::Json {
        b = b.sdmx_format(Format::SdmxJson).map_err(Failure::input)?;
    }
    if verbose {
        b = b.log(|line| {
            let _ = writeln!(io::stderr(), "econ: {line}");
        });
    }
    if io::stderr().is_terminal() {
        let bar = Mutex::new(None::<ProgressBar>);
        b = b.progress(move |done, total| {
            let Ok(mut bar) = bar.lock() else { return };
            let b = bar.get_or_insert_with(|| {
                let b =
                    ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::stderr());
                if let Ok(style) = ProgressStyle::with_template(
                    "{elapsed_precise} [{bar:40}] {pos}/{len} requests",
                ) {
                    b.set_style(style.progress_chars("=> "));
                }
                b
            });
            b.set_length(total as u64);
            b.set_position(done as u64);
            if done >= total {
                b.finish_and_clear();
            }
        });
    }
    b.build().map_err(service)
}

/// A library error from the services or the configuration: status 3 for
/// the network and the services, 2 for what the user gave.
pub(crate) fn service(e: Error) -> Failure {
    match e {
        Error::Fetch { .. } | Error::MissingApiKey { .. } => Failure::Service(e.to_string()),
        other => Failure::input(other),
    }
}

/// `text` as a source, if it is written as one.
pub(crate) fn source_of(text: &str) -> Option<Result<Source, Failure>> {
    Source::is_source(text).then(|| text.parse::<Source>().map_err(Failure::input))
}

/// One series from `source`, for the subcommands that read one.
pub(crate) fn read_series(
    source: &Source,
    options: &ReadOptions,
    network: &Network,
) -> Result<AnySeries, Failure> {
    let client = client(network, false, SdmxFormat::Csv)?;
    client.series(source, options).map_err(service)
}

/// The vintaged series of `source`, for the subcommands that read one.
pub(crate) fn read_vintaged(
    source: &Source,
    options: &ReadOptions,
    network: &Network,
) -> Result<AnyVintagedSeries, Failure> {
    let client = client(network, false, SdmxFormat::Csv)?;
    client.vintaged(source, options).map_err(service)
}

pub(crate) fn fetch(args: FetchArgs) -> Result<(), Failure> {
    let client = client(&args.network, args.verbose, args.sdmx_format)?;
    let mut options = ReadOptions::new();
    if let Some(s) = &args.series {
        options = options.series(s.clone());
    }
    let sources = args
        .sources
        .iter()
        .map(|s| s.parse::<Source>().map_err(Failure::input))
        .collect::<Result<Vec<_>, _>>()?;
    let mut out = io::stdout().lock();
    if let [source] = sources.as_slice() {
        return one(&client, source, &args, &options, &mut out);
    }
    if args.as_of.is_some() || args.metadata {
        return Err(Failure::Input(
            "--as-of and --metadata take one source".to_owned(),
        ));
    }
    let results = client.series_many(&sources, &options);
    let mut named = Vec::with_capacity(sources.len());
    for (s, r) in sources.iter().zip(results) {
        named.push((s.to_string(), r.map_err(service)?));
    }
    long::write_series(&mut out, named.iter().map(|(n, s)| (n.as_str(), s)))
        .map_err(Failure::output)
}

/// Writes what one source gives.
fn one(
    client: &Client,
    source: &Source,
    args: &FetchArgs,
    options: &ReadOptions,
    out: &mut impl Write,
) -> Result<(), Failure> {
    if args.metadata {
        let (Source::Fred { id } | Source::Alfred { id }) = source else {
            return Err(Failure::Input(
                "--metadata is for fred: and alfred: sources".to_owned(),
            ));
        };
        let info = client.fred_series_info(id).map_err(service)?;
        let mut csv = String::from("field,value\n");
        for (k, v) in [
            ("id", &info.id),
            ("title", &info.title),
            ("frequency", &info.frequency),
            ("units", &info.units),
            ("seasonal_adjustment", &info.seasonal_adjustment),
            ("last_updated", &info.last_updated),
        ] {
            csv.push_str(&format!("{k},{}\n", quote(v)));
        }
        return out.write_all(csv.as_bytes()).map_err(Failure::Output);
    }
    if let Some(date) = args.as_of {
        let s = client.as_of(source, date, options).map_err(service)?;
        return s.write_csv(out).map_err(Failure::output);
    }
    match source {
        Source::Alfred { id } => {
            let v = client.vintaged(source, options).map_err(service)?;
            match &v {
                AnyVintagedSeries::Monthly(s) => s.write_long_csv(out, id),
                AnyVintagedSeries::Quarterly(s) => s.write_long_csv(out, id),
                AnyVintagedSeries::Annual(s) => s.write_long_csv(out, id),
                _ => Err(Error::UnsupportedFormat {
                    format: "vintaged series",
                    hint: "a frequency this command does not write",
                }),
            }
            .map_err(Failure::output)
        }
        Source::Sdmx { .. } | Source::SdmxUrl { .. } => {
            let data = client.sdmx(source, options).map_err(service)?;
            if options.get_series().is_some() || data.len() == 1 {
                let s = data.pick(options.get_series()).map_err(Failure::input)?;
                s.to_any()
                    .map_err(Failure::input)?
                    .write_csv(out)
                    .map_err(Failure::output)
            } else {
                // Several series: the whole message, keys and statuses kept.
                data.write_csv(out).map_err(Failure::output)
            }
        }
        _ => {
            let s = client.series(source, options).map_err(service)?;
            s.write_csv(out).map_err(Failure::output)
        }
    }
}

/// A CSV field, quoted if it needs it.
fn quote(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}
