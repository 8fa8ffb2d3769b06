//! Fetching series where they live (feature `fetch`): FRED, ALFRED, SDMX
//! web services (ECB, Eurostat, OECD, IMF, BIS, any URL) and DBnomics,
//! returned as the crate's own types.
//!
//! A [`Source`] names what to fetch (`fred:IMPCH`, `alfred:GDPC1`,
//! `sdmx:ECB/EXR/M.USD.EUR.SP00.A`, `dbnomics:AMECO/ZUTN/EA19.1.0.0.0.ZUTN`);
//! a [`Client`] fetches it. This module only moves bytes: every response is
//! saved to a file and read by the crate's streaming readers (the FRED JSON
//! reader, [`AnyVintagedSeries::read`](crate::vintage::AnyVintagedSeries::read),
//! [`SdmxData::read`](crate::io::sdmx::SdmxData::read)), so it is
//! size-limited and checked as any file is.
//!
//! | call | sources | result |
//! |---|---|---|
//! | [`Client::series`] | `fred:`, `sdmx:`, `dbnomics:` | [`AnySeries`] |
//! | [`Client::vintaged`] | `alfred:` | [`AnyVintagedSeries`] (every vintage) |
//! | [`Client::as_of`] | `alfred:`, `fred:` | [`AnySeries`] as known on a date |
//! | [`Client::sdmx`] | `sdmx:` | [`SdmxData`]: every series, keys, statuses |
//! | [`Client::fred_series_info`] | a FRED id | [`FredSeries`] → [`Metadata`](crate::Metadata) |
//! | [`Client::series_many`] | any number | one result per source |
//!
//! # Configuration
//!
//! [`Client::from_env`] reads:
//!
//! | variable | what |
//! |---|---|
//! | `FRED_API_KEY` | the FRED/ALFRED API key (else `fred_api_key = KEY` in `$ECON_CONFIG`, or `$XDG_CONFIG_HOME/econseries/config`, or `~/.config/econseries/config`) |
//! | `ECON_FRED_URL`, `ECON_ALFRED_URL`, `ECON_DBNOMICS_URL`, `ECON_SDMX_<AGENCY>_URL` (`ECB`, `ESTAT`, `OECD`, `IMF`, `BIS`) | a provider's base URL, for mirrors, proxies and tests; the API's paths go below it; `https://`, or `http://` to a loopback address only |
//! | `ECON_CACHE_DIR` | the cache folder (else `$XDG_CACHE_HOME/econseries` or `~/.cache/econseries` on Linux, `~/Library/Caches/econseries` on macOS, `%LOCALAPPDATA%\econseries` on Windows) |
//! | `ECON_OFFLINE=1` | offline mode |
//!
//! The built-in endpoints are HTTPS only (redirects included); the table
//! of endpoints, formats, rate limits and cache freshness is one data file,
//! `src/fetch/providers.json`, compiled in.
//!
//! # Cache
//!
//! Every response is stored under the cache folder, keyed by its URL
//! (without the API key) and `Accept` header, with its `ETag` and
//! `Last-Modified`. **Freshness rule:** an entry younger than the
//! provider's `fresh_for` (one hour for FRED, ALFRED, DBnomics, the ECB,
//! Eurostat, the IMF and the BIS; one day for the OECD, whose limit is 60
//! downloads an hour) is used without asking the service, so a repeated
//! run makes no request at all; an older one is revalidated with
//! `If-None-Match`/`If-Modified-Since` where the service gave validators (a
//! `304 Not Modified` renews it without sending the data again), else
//! fetched anew. [`ClientBuilder::refresh`] revalidates even fresh entries;
//! [`ClientBuilder::fresh_for`] changes the rule.
//! **Offline mode** ([`ClientBuilder::offline`], `ECON_OFFLINE=1`, `econ
//! --offline`) answers from the cache whatever the entry's age and never
//! touches the network; a response not in the cache is an [`Error::Fetch`]
//! with [`FetchProblem::NotCached`]. A failed request never falls back to
//! a stale entry silently.
//!
//! # Rate limits, retries, timeouts
//!
//! Each provider has its [`RateLimit`]s, all enforced at once across the
//! threads sharing a client: FRED and ALFRED (one pool, one key) 2 requests
//! a second and 120 a minute, the OECD 60 an hour, DBnomics 3 a second,
//! the others 2 a second, an `sdmx:` URL 1 a second
//! ([`ClientBuilder::rate_limit`] changes them). HTTP 429 and 5xx
//! responses, timeouts and broken connections are retried as [`Retry`]
//! says, honouring `Retry-After`. Each request has a timeout from
//! connecting to the last byte ([`ClientBuilder::timeout`]) and a size
//! limit ([`ClientBuilder::max_bytes`]).
//!
//! # API keys
//!
//! The FRED key goes only into the request sent. It is never part of a
//! cache key or file name, an error, a log line
//! ([`ClientBuilder::log`]) or a `Debug` output; messages a service sends
//! back have it blanked out.
//!
//! # Errors
//!
//! [`Error::Fetch`] names the provider, the URL (without the key) and the
//! [`FetchProblem`]: [`NotFound`](FetchProblem::NotFound) for an unknown
//! series, [`Refused`](FetchProblem::Refused) for a bad key or parameter,
//! [`RateLimited`](FetchProblem::RateLimited),
//! [`Unavailable`](FetchProblem::Unavailable),
//! [`Timeout`](FetchProblem::Timeout), [`Network`](FetchProblem::Network)
//! for a response cut short, [`TooLarge`](FetchProblem::TooLarge),
//! [`NotCached`](FetchProblem::NotCached). A response that is not what the
//! format promises is an [`Error::InResponse`] wrapping the reader's error
//! with its line or JSON path. [`Error::MissingApiKey`],
//! [`Error::InvalidSource`] and [`Error::InsecureUrl`] are found before any
//! request.
//!
//! # Example
//! ```
//! use econseries::error::FetchProblem;
//! use econseries::fetch::{ClientBuilder, Source};
//! use econseries::{Error, io::ReadOptions};
//!
//! // Offline with an empty cache: nothing is fetched, and the error says so.
//! let dir = std::env::temp_dir().join("econseries-doc-offline-cache");
//! let client = ClientBuilder::new().cache_dir(&dir).offline(true).build()?;
//! let imports: Source = "sdmx:ECB/EXR/M.USD.EUR.SP00.A".parse()?;
//! let e = client.series(&imports, &ReadOptions::new()).unwrap_err();
//! assert!(matches!(e, Error::Fetch { ref problem, .. } if **problem == FetchProblem::NotCached), "{e}");
//! # Ok::<(), econseries::Error>(())
//! ```
//!
//! Against the real services (not run here: it needs the internet and,
//! for FRED, a key):
//! ```no_run
//! use econseries::fetch::Client;
//! use econseries::{Month, Series, io::ReadOptions};
//!
//! let client = Client::from_env()?;
//! let imports = client.series(&"fred:IMPCH".parse()?, &ReadOptions::new())?;
//! let imports = Series::<Month>::try_from(imports)?;
//! let gdp = client.vintaged(&"alfred:GDPC1".parse()?, &ReadOptions::new())?;
//! println!("{} months of imports, {} GDP vintages", imports.len(), gdp.vintage_dates().len());
//! # Ok::<(), econseries::Error>(())
//! ```

mod alfred;
mod cache;
mod client;
mod dbnomics;
mod fred;
mod limit;
mod provider;
mod retry;
mod sdmx;
mod source;

use chrono::NaiveDate;

pub use crate::error::FetchProblem;
pub use alfred::MAX_VINTAGES_PER_REQUEST;
pub use client::{Client, ClientBuilder};
pub use fred::FredSeries;
pub use limit::RateLimit;
pub use retry::Retry;
pub use source::Source;

use crate::error::{Error, Result};
use crate::io::sdmx::SdmxData;
use crate::io::{AnySeries, ReadOptions};
use crate::vintage::AnyVintagedSeries;

impl Client {
    /// One series from `source`, read with `options` (a selector for a
    /// multi-series SDMX or DBnomics response, a frequency, limits):
    /// FRED's latest observations, the SDMX response's series, the DBnomics
    /// series.
    ///
    /// # Errors
    /// [`Error::InvalidSource`] for `alfred:` (its vintages are read with
    /// [`vintaged`](Client::vintaged) or [`as_of`](Client::as_of));
    /// [`Error::MissingApiKey`]; [`Error::Fetch`]; [`Error::InResponse`]
    /// with the reader's error (for a multi-series response without a
    /// selector, [`Error::MultipleSeries`] naming the first two).
    ///
    /// # Example
    /// ```no_run
    /// use econseries::fetch::Client;
    /// use econseries::io::ReadOptions;
    ///
    /// let client = Client::from_env()?;
    /// let usd = client.series(&"sdmx:ECB/EXR/M.USD.EUR.SP00.A".parse()?, &ReadOptions::new())?;
    /// println!("{}", usd.to_csv_string());
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn series(&self, source: &Source, options: &ReadOptions) -> Result<AnySeries> {
        match source {
            Source::Fred { id } => self.fred_series(fred::checked_id(id)?, options),
            Source::Alfred { .. } => Err(Error::InvalidSource {
                input: source.to_string().into(),
                expected: "a source of one series (fred:ID for the latest values; alfred:ID gives vintages, read as a vintaged series or as of a date)",
            }),
            Source::Sdmx { .. } | Source::SdmxUrl { .. } => self.sdmx_series(source, options),
            Source::Dbnomics {
                provider,
                dataset,
                series,
            } => self.dbnomics_series(provider, dataset, series, options),
        }
    }

    /// Every vintage of an `alfred:` source (see
    /// [`MAX_VINTAGES_PER_REQUEST`] for how the requests are split), as a
    /// vintaged series; progress is reported per request.
    ///
    /// # Errors
    /// [`Error::InvalidSource`] for a source that is not `alfred:`;
    /// [`Error::MissingApiKey`]; [`Error::Fetch`]; [`Error::InResponse`].
    ///
    /// # Example
    /// ```no_run
    /// use econseries::fetch::Client;
    /// use econseries::io::ReadOptions;
    ///
    /// let gdp = Client::from_env()?.vintaged(&"alfred:GDPC1".parse()?, &ReadOptions::new())?;
    /// println!("first release:\n{}", gdp.first_release().to_csv_string());
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn vintaged(&self, source: &Source, options: &ReadOptions) -> Result<AnyVintagedSeries> {
        match source {
            Source::Alfred { id } => self.alfred(fred::checked_id(id)?, options),
            other => Err(Error::InvalidSource {
                input: other.to_string().into(),
                expected: "alfred:ID for a vintaged series",
            }),
        }
    }

    /// An `alfred:` (or `fred:`) series as it was known on `date`: one
    /// request for that day's real-time period, so each period has exactly
    /// one value, the one published then (a wider real-time window is what
    /// gives other clients several rows per date).
    ///
    /// # Errors
    /// [`Error::InvalidSource`] for another source; as
    /// [`vintaged`](Client::vintaged).
    ///
    /// # Example
    /// ```no_run
    /// use econseries::fetch::Client;
    /// use econseries::io::ReadOptions;
    ///
    /// let client = Client::from_env()?;
    /// let gdp = client.as_of(&"alfred:GDPC1".parse()?, "2025-05-01".parse()?, &ReadOptions::new())?;
    /// println!("{}", gdp.to_csv_string());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn as_of(
        &self,
        source: &Source,
        date: NaiveDate,
        options: &ReadOptions,
    ) -> Result<AnySeries> {
        match source {
            Source::Alfred { id } | Source::Fred { id } => {
                self.alfred_as_of(fred::checked_id(id)?, date, options)
            }
            other => Err(Error::InvalidSource {
                input: other.to_string().into(),
                expected: "alfred:ID or fred:ID for a series as known on a date",
            }),
        }
    }

    /// The whole SDMX message of an `sdmx:` source: every series with its
    /// key, attributes and observation statuses.
    ///
    /// # Errors
    /// [`Error::InvalidSource`] for another source; [`Error::Fetch`];
    /// [`Error::InResponse`].
    ///
    /// # Example
    /// ```no_run
    /// use econseries::fetch::Client;
    /// use econseries::io::ReadOptions;
    ///
    /// let client = Client::from_env()?;
    /// let rates = client.sdmx(&"sdmx:ECB/EXR/M.USD+JPY.EUR.SP00.A".parse()?, &ReadOptions::new())?;
    /// for s in rates.series() {
    ///     println!("{}: {} observations", s.id(), s.observations().len());
    /// }
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn sdmx(&self, source: &Source, options: &ReadOptions) -> Result<SdmxData> {
        match source {
            Source::Sdmx { .. } | Source::SdmxUrl { .. } => self.sdmx_data(source, options),
            other => Err(Error::InvalidSource {
                input: other.to_string().into(),
                expected: "sdmx:AGENCY/FLOW/KEY or sdmx:https://URL",
            }),
        }
    }

    /// One series from each of `sources`, in order, each as
    /// [`series`](Client::series) gives it (one failing does not stop the
    /// others); progress is reported after each. The rate limits make a
    /// bulk pull as fast as the services allow and no faster.
    ///
    /// # Example
    /// ```no_run
    /// use econseries::fetch::{Client, Source};
    /// use econseries::io::ReadOptions;
    ///
    /// let ids = ["IMPCH", "EXPCH", "UNRATE"].map(|id| Source::Fred { id: id.into() });
    /// for (source, result) in ids.iter().zip(Client::from_env()?.series_many(&ids, &ReadOptions::new())) {
    ///     println!("{source}: {} periods", result?.len());
    /// }
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn series_many(&self, sources: &[Source], options: &ReadOptions) -> Vec<Result<AnySeries>> {
        let total = sources.len();
        sources
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let r = self.series(s, options);
                self.report(i + 1, total);
                r
            })
            .collect()
    }
}
