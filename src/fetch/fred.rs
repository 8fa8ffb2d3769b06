//! FRED: a series' observations (`fred/series/observations`, read by the
//! crate's FRED JSON reader) and what FRED says about it (`fred/series`,
//! [`FredSeries`]).

use std::io::Read;

use serde::Deserialize;

use super::cache::Body;
use super::client::{Client, Request};
use super::provider::{self, Spec};
use crate::error::{Error, Result};
use crate::indicator::{Currency, Metadata, PriceBasis, Scale, SeasonalAdjustment};
use crate::io::{AnySeries, Format, ReadOptions};
use crate::period::{Frequency, Year};
use crate::series::Series;

/// What FRED says about a series (its `fred/series` record).
///
/// [`metadata`](FredSeries::metadata) turns it into the crate's
/// [`Metadata`]: the title as the name, the scale, currency and price
/// basis read from the units, the seasonal adjustment and annual rate.
///
/// # Example
/// ```
/// use econseries::fetch::FredSeries;
/// use econseries::indicator::{Scale, SeasonalAdjustment};
/// use econseries::{Frequency, Year};
///
/// let json = r#"{"seriess":[{"id":"GDPC1","title":"Real Gross Domestic Product",
///   "frequency":"Quarterly","frequency_short":"Q",
///   "units":"Billions of Chained 2017 Dollars","units_short":"Bil. of Chn. 2017 $",
///   "seasonal_adjustment":"Seasonally Adjusted Annual Rate","seasonal_adjustment_short":"SAAR",
///   "last_updated":"2025-12-23 07:54:02-06"}]}"#;
/// let gdp = FredSeries::read(json.as_bytes())?;
/// assert_eq!(gdp.frequency(), Some(Frequency::Quarterly));
/// let meta = gdp.metadata();
/// assert_eq!(meta.name(), "Real Gross Domestic Product");
/// assert_eq!(meta.scale(), Scale::Billions);
/// assert_eq!(meta.price_basis().map(|p| p.is_real()), Some(true));
/// assert_eq!(meta.seasonal_adjustment(), Some(SeasonalAdjustment::Adjusted));
/// assert_eq!(meta.annual_rate(), Some(true));
/// # Ok::<(), econseries::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct FredSeries {
    /// The series id (`GDPC1`).
    pub id: String,
    /// The title (`Real Gross Domestic Product`).
    pub title: String,
    /// The frequency as FRED writes it (`Quarterly`).
    #[serde(default)]
    pub frequency: String,
    /// The frequency's code (`M`, `Q`, `A`, `D`, `W`, ...).
    #[serde(default)]
    pub frequency_short: String,
    /// The units (`Billions of Chained 2017 Dollars`).
    #[serde(default)]
    pub units: String,
    /// The seasonal adjustment (`Seasonally Adjusted Annual Rate`).
    #[serde(default)]
    pub seasonal_adjustment: String,
    /// Its code (`SA`, `SAAR`, `NSA`).
    #[serde(default)]
    pub seasonal_adjustment_short: String,
    /// When FRED last updated the series (`2025-12-23 07:54:02-06`).
    #[serde(default)]
    pub last_updated: String,
    /// The first observation's date.
    #[serde(default)]
    pub observation_start: String,
    /// The last observation's date.
    #[serde(default)]
    pub observation_end: String,
    /// FRED's notes, if any.
    #[serde(default)]
    pub notes: Option<String>,
}

#[derive(Deserialize)]
struct Seriess {
    seriess: Vec<FredSeries>,
}

impl FredSeries {
    /// Reads a `fred/series` response (its first series).
    ///
    /// # Errors
    /// [`Error::Json`] for malformed JSON or a missing member;
    /// [`Error::NoObservations`] if it lists no series.
    pub fn read(reader: impl Read) -> Result<FredSeries> {
        let doc: Seriess = serde_json::from_reader(std::io::BufReader::new(reader))?;
        doc.seriess.into_iter().next().ok_or(Error::NoObservations)
    }

    /// The frequency, if it is one the crate has periods for.
    pub fn frequency(&self) -> Option<Frequency> {
        match self.frequency_short.as_str() {
            "M" => Some(Frequency::Monthly),
            "Q" => Some(Frequency::Quarterly),
            "A" => Some(Frequency::Annual),
            _ => None,
        }
    }

    /// The crate's [`Metadata`]: the title as the name (FRED states no
    /// area: it is left empty, set it with
    /// [`Metadata::with_area`]); the scale from `Thousands of`, `Millions
    /// of`, `Billions of`, `Trillions of`; US dollars for units in
    /// `Dollars` or `U.S. Dollars`, euros for `Euros`; a chained price
    /// basis for `Chained YYYY Dollars`, nominal for other amounts in a
    /// currency; seasonally adjusted for `SA`/`SAAR`, not for `NSA`, at an
    /// annual rate for `SAAR`; the source `FRED <id>`.
    pub fn metadata(&self) -> Metadata {
        let mut meta =
            Metadata::new(self.title.clone(), "").with_source(format!("FRED {}", self.id));
        let mut rest = self.units.trim();
        for (prefix, scale) in [
            ("Thousands of ", Scale::Thousands),
            ("Millions of ", Scale::Millions),
            ("Billions of ", Scale::Billions),
            ("Trillions of ", Scale::Trillions),
        ] {
            if let Some(r) = rest.strip_prefix(prefix) {
                meta = meta.with_scale(scale);
                rest = r;
            }
        }
        let mut chained = None;
        if let Some(r) = rest.strip_prefix("Chained ")
            && let Some((year, r)) = r.split_once(' ')
            && let Ok(y) = year.parse::<i32>()
            && let Ok(y) = Year::new(y)
        {
            chained = Some(y);
            rest = r;
        }
        let rest = rest.strip_prefix("U.S. ").unwrap_or(rest);
        let currency = if rest.starts_with("Dollars") {
            Some(Currency::USD)
        } else if rest.starts_with("Euros") {
            Currency::new("EUR").ok()
        } else {
            None
        };
        if let Some(c) = currency {
            meta = meta.with_currency(c).with_price_basis(match chained {
                Some(reference_year) => PriceBasis::Chained { reference_year },
                None => PriceBasis::Nominal,
            });
        }
        match self.seasonal_adjustment_short.as_str() {
            "SA" => {
                meta = meta
                    .with_seasonal_adjustment(SeasonalAdjustment::Adjusted)
                    .with_annual_rate(false);
            }
            "SAAR" => {
                meta = meta
                    .with_seasonal_adjustment(SeasonalAdjustment::Adjusted)
                    .with_annual_rate(true);
            }
            "NSA" => {
                meta = meta
                    .with_seasonal_adjustment(SeasonalAdjustment::NotAdjusted)
                    .with_annual_rate(false);
            }
            _ => {}
        }
        meta
    }
}

/// What a FRED list response says about its size (`count`, `offset`,
/// `limit`); its other members are skipped unread.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct Paging {
    #[serde(default)]
    pub(crate) count: Option<u64>,
}

impl Paging {
    /// The paging members of the JSON document in `body`.
    pub(crate) fn of(body: &Body) -> Option<Paging> {
        let file = body.open().ok()?;
        serde_json::from_reader(std::io::BufReader::new(file)).ok()
    }
}

/// `url` with `&name=value` appended.
pub(crate) fn with(url: &str, name: &str, value: impl std::fmt::Display) -> String {
    format!("{url}&{name}={value}")
}

impl Client {
    /// The FRED request for `path` (`series/observations`) about `id`.
    pub(crate) fn fred_request(
        &self,
        spec: &'static Spec,
        path: &str,
        id: &str,
    ) -> Result<Request<'static>> {
        Ok(Request {
            spec,
            url: format!(
                "{}/{path}?series_id={id}&file_type=json",
                self.base_url(&spec.id)?
            ),
            with_key: true,
            accept: None,
        })
    }

    /// Every page of a FRED list request: the first, then as many more as
    /// its `count` says (`offset` by [`page_size`](Client::page_size)).
    pub(crate) fn fred_pages(&self, request: Request<'static>) -> Result<(Vec<Body>, String)> {
        let size = self.page_size();
        let first = Request {
            url: with(&request.url, "limit", size),
            ..request
        };
        let body = self.get(&first)?;
        let count = Paging::of(&body).and_then(|p| p.count).unwrap_or(0);
        let mut pages = vec![body];
        let total = count.div_ceil(size.max(1)) as usize;
        let mut offset = size;
        while offset < count {
            self.report(pages.len(), total);
            let next = Request {
                url: with(&with(&request.url, "limit", size), "offset", offset),
                spec: first.spec,
                with_key: first.with_key,
                accept: None,
            };
            pages.push(self.get(&next)?);
            offset += size;
        }
        if total > 1 {
            self.report(total, total);
        }
        Ok((pages, first.url))
    }

    /// A FRED series' latest observations, read by the FRED JSON reader.
    pub(crate) fn fred_series(&self, id: &str, options: &ReadOptions) -> Result<AnySeries> {
        let spec = provider::by_id("fred")?;
        let request = self.fred_request(spec, "series/observations", id)?;
        let (pages, url) = self.fred_pages(request)?;
        let options = options.clone().format(Format::FredJson);
        let mut parts = Vec::with_capacity(pages.len());
        for page in &pages {
            parts.push(read_body(spec, &url, page, |r| {
                AnySeries::read(r, &options)
            })?);
        }
        join_series(parts).map_err(|e| in_response(spec, &url, e))
    }

    /// What FRED says about series `id`.
    ///
    /// # Errors
    /// [`Error::MissingApiKey`]; [`Error::Fetch`] (an unknown series is
    /// [`FetchProblem::NotFound`](crate::error::FetchProblem::NotFound));
    /// [`Error::InResponse`] for a response that is not FRED's JSON.
    ///
    /// # Example
    /// ```no_run
    /// use econseries::fetch::Client;
    ///
    /// let client = Client::from_env()?;
    /// let imports = client.fred_series_info("IMPCH")?;
    /// println!("{} ({})", imports.title, imports.units);
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn fred_series_info(&self, id: &str) -> Result<FredSeries> {
        let spec = provider::by_id("fred")?;
        let request = self.fred_request(spec, "series", checked_id(id)?)?;
        let body = self.get(&request)?;
        read_body(spec, &request.url, &body, FredSeries::read)
    }
}

/// `id` if it is a FRED series id (letters, digits, `_`).
///
/// # Errors
/// [`Error::InvalidSource`].
pub(crate) fn checked_id(id: &str) -> Result<&str> {
    if !id.is_empty() && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
        Ok(id)
    } else {
        Err(Error::InvalidSource {
            input: id.to_owned().into(),
            expected: "a FRED series id: letters, digits and _",
        })
    }
}

/// Reads `body` with `read`, a failure being an [`Error::InResponse`]
/// (an unreadable file an [`Error::Io`]).
pub(crate) fn read_body<T>(
    spec: &'static Spec,
    url: &str,
    body: &Body,
    read: impl FnOnce(std::fs::File) -> Result<T>,
) -> Result<T> {
    read(body.open()?).map_err(|e| in_response(spec, url, e))
}

/// `e` as an error in the response to `url`.
pub(crate) fn in_response(spec: &'static Spec, url: &str, e: Error) -> Error {
    Error::InResponse {
        provider: spec.name.as_str(),
        url: url.to_owned().into(),
        source: Box::new(e),
    }
}

/// One series from pages of consecutive observations.
pub(crate) fn join_series(parts: Vec<AnySeries>) -> Result<AnySeries> {
    fn join<P: crate::period::Period>(parts: Vec<Series<P>>) -> Result<Series<P>> {
        // Pages hold distinct periods: a period on two pages is a duplicate.
        Series::from_pairs(parts.iter().flat_map(|s| s.iter()).collect::<Vec<_>>())
    }
    let mut parts = parts.into_iter();
    let Some(first) = parts.next() else {
        return Err(Error::NoObservations);
    };
    let rest: Vec<AnySeries> = parts.collect();
    if rest.is_empty() {
        return Ok(first);
    }
    macro_rules! same {
        ($variant:ident) => {{
            let mut all = Vec::new();
            for p in std::iter::once(first).chain(rest) {
                let freq = p.frequency();
                match p {
                    AnySeries::$variant(s) => all.push(s),
                    _ => {
                        return Err(Error::MixedFrequency {
                            expected: Frequency::$variant,
                            found: freq,
                            period: String::new().into(),
                        });
                    }
                }
            }
            AnySeries::$variant(join(all)?)
        }};
    }
    Ok(match first.frequency() {
        Frequency::Monthly => same!(Monthly),
        Frequency::Quarterly => same!(Quarterly),
        Frequency::Annual => same!(Annual),
    })
}
