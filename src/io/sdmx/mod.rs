//! SDMX data messages: SDMX-CSV 1.0 and 2.0, and SDMX-JSON 1.0 and 2.0.
//!
//! OECD, ECB, Eurostat, IMF, BIS and many national offices serve SDMX. A
//! data message holds many series, each identified by its **series key**:
//! the values of its dimensions other than time, joined by dots, in the
//! order of the data structure (`M.USD.EUR.SP00.A` in the ECB's `EXR`
//! dataflow; ECB style with the dataflow id in front, `EXR.M.USD.EUR.SP00.A`,
//! is accepted by [`SdmxData::get`] too).
//!
//! Reading is two steps. [`SdmxData`] holds what the message says, as text:
//! series keys, dimensions, attributes, and for every observation its
//! `TIME_PERIOD`, `OBS_VALUE`, status ([`ObsStatus`], from `OBS_STATUS`, or
//! Eurostat's `OBS_FLAG`) and other attributes. [`SdmxSeries::to_series`] and
//! [`SdmxSeries::to_any`] then build the crate's [`Series`]; the statuses stay
//! beside it in [`SdmxSeries::statuses`], so the core series pays nothing for
//! them.
//!
//! # Time periods
//!
//! `2025-05` and `2025-M05` are months, `2025-Q1` quarters, `2025` and
//! `2025-A1` years. A date `2025-04-01` is the period of the series'
//! frequency starting that day. The frequency is the series' `FREQ`
//! dimension or attribute (`M`, `Q`, `A`), else what its periods show
//! (see [`AnySeries::read_csv`]). Daily, business, weekly, semi-annual and
//! other frequencies, date-times and time ranges are
//! [`Error::UnsupportedFrequency`]: the crate has no period type for them,
//! though [`SdmxData`] still reads such messages.
//!
//! # SDMX-CSV
//!
//! Version 1.0 starts with a `DATAFLOW` column, version 2.0 with `STRUCTURE`,
//! `STRUCTURE_ID` (and optionally `ACTION`); the field separator is the
//! character after that first header field (`DATAFLOW;…` is read with `;`,
//! and then `12,4` is a decimal comma). Columns before `OBS_VALUE` other
//! than the reserved ones and `TIME_PERIOD` are dimensions, columns after it
//! attributes (as the data structure orders them and as the ECB, Eurostat and
//! `sdmx1` write them); [`SdmxCsvOptions`] names the time, value and
//! dimension columns where a file differs. Header fields and values written
//! with labels (`FREQ: Frequency`, `M: Monthly`) are reduced to their ids. A
//! value of `NaN`, `:`, `.` or an empty field is missing.
//!
//! # SDMX-JSON (feature `serde`)
//!
//! Version 1.0 (`structure`, `dataSets`) and 2.0 (`data.structures`,
//! `data.dataSets`); data sets by series (`series` with `observations`) or
//! flat (`observations` keyed by every dimension); dimensions at the data
//! set, series and observation levels, with `keyPosition` giving the key
//! order.
//!
//! # Errors
//!
//! Malformed SDMX gives a typed error with its position: SDMX-CSV problems
//! are [`Error::Read`] with the line and the record, wrapping
//! [`Error::Field`] with the column; SDMX-JSON problems are [`Error::At`]
//! with the JSON path (`$.dataSets[0].series["0:1"].observations["3"][0]`).
//!
//! # Example
//! ```
//! use econseries::io::sdmx::{ObsStatus, SdmxData};
//! use econseries::{Month, Series};
//!
//! let csv = "DATAFLOW,FREQ,CURRENCY,CURRENCY_DENOM,EXR_TYPE,EXR_SUFFIX,TIME_PERIOD,OBS_VALUE,OBS_STATUS\n\
//!            ECB:EXR(1.0),M,USD,EUR,SP00,A,1999-01,1.16078,A\n\
//!            ECB:EXR(1.0),M,USD,EUR,SP00,A,1999-02,1.120765,P\n";
//! let data = SdmxData::from_csv_str(csv)?;
//! let usd = data.pick(Some("EXR.M.USD.EUR.SP00.A"))?;
//! assert_eq!(usd.key(), "M.USD.EUR.SP00.A");
//! assert_eq!(usd.dimension("CURRENCY"), Some("USD"));
//! let rate: Series<Month> = usd.to_series()?;
//! let feb = Month::new(1999, 2)?;
//! assert_eq!(rate.get(feb), Some(1.120765));
//! assert_eq!(usd.statuses::<Month>()?.get(&feb), Some(&ObsStatus::Provisional));
//! # Ok::<(), econseries::Error>(())
//! ```

mod csv;
#[cfg(feature = "serde")]
mod json;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use std::io::Write;

use chrono::Datelike;

pub use self::csv::SdmxCsvOptions;
use crate::error::{Error, Result};
use crate::io::AnySeries;
use crate::io::read::infer;
use crate::io::write::push_value;
use crate::period::{Frequency, Period, Token, tokenize};
use crate::series::Series;
use crate::vintage::raw::Pos;

/// The status of an observation (SDMX `OBS_STATUS`, code list `CL_OBS_STATUS`).
///
/// Codes without a variant of their own are kept as [`ObsStatus::Other`], so
/// nothing is lost. Eurostat's lower-case `OBS_FLAG` letters map to the
/// variant of the same upper-case letter where the meaning is the same
/// (`p` provisional, `e` estimated, `b` break, `f` forecast, `u` low
/// reliability, `d` definition differs); its other flags are `Other`.
///
/// # Example
/// ```
/// use econseries::io::sdmx::ObsStatus;
///
/// assert_eq!(ObsStatus::from_code("P"), ObsStatus::Provisional);
/// assert_eq!(ObsStatus::from_code("SD"), ObsStatus::Other("SD".into()));
/// assert_eq!(ObsStatus::Estimated.code(), "E");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ObsStatus {
    /// `A`: normal value.
    Normal,
    /// `B`: time series break.
    Break,
    /// `D`: definition differs.
    DefinitionDiffers,
    /// `E`: estimated value.
    Estimated,
    /// `F`: forecast value.
    Forecast,
    /// `G`: experimental value.
    Experimental,
    /// `I`: imputed value.
    Imputed,
    /// `M`: missing value, data cannot exist.
    Missing,
    /// `N`: not significant.
    NotSignificant,
    /// `P`: provisional value.
    Provisional,
    /// `S`: strike and other special events.
    Special,
    /// `U`: low reliability.
    LowReliability,
    /// `V`: unvalidated value.
    Unvalidated,
    /// Any other code, as written.
    Other(String),
}

impl ObsStatus {
    /// The status of an `OBS_STATUS` (or Eurostat `OBS_FLAG`) code.
    pub fn from_code(code: &str) -> ObsStatus {
        let single = |c: &str| match c {
            "A" => Some(ObsStatus::Normal),
            "B" => Some(ObsStatus::Break),
            "D" => Some(ObsStatus::DefinitionDiffers),
            "E" => Some(ObsStatus::Estimated),
            "F" => Some(ObsStatus::Forecast),
            "G" => Some(ObsStatus::Experimental),
            "I" => Some(ObsStatus::Imputed),
            "M" => Some(ObsStatus::Missing),
            "N" => Some(ObsStatus::NotSignificant),
            "P" => Some(ObsStatus::Provisional),
            "S" => Some(ObsStatus::Special),
            "U" => Some(ObsStatus::LowReliability),
            "V" => Some(ObsStatus::Unvalidated),
            _ => None,
        };
        if let Some(s) = single(code) {
            return s;
        }
        match code {
            "p" | "e" | "b" | "f" | "u" | "d" => {
                single(&code.to_ascii_uppercase()).unwrap_or(ObsStatus::Other(code.to_owned()))
            }
            _ => ObsStatus::Other(code.to_owned()),
        }
    }

    /// The code of the status (`A`, `P`, …, or the `Other` code as written).
    pub fn code(&self) -> &str {
        match self {
            ObsStatus::Normal => "A",
            ObsStatus::Break => "B",
            ObsStatus::DefinitionDiffers => "D",
            ObsStatus::Estimated => "E",
            ObsStatus::Forecast => "F",
            ObsStatus::Experimental => "G",
            ObsStatus::Imputed => "I",
            ObsStatus::Missing => "M",
            ObsStatus::NotSignificant => "N",
            ObsStatus::Provisional => "P",
            ObsStatus::Special => "S",
            ObsStatus::LowReliability => "U",
            ObsStatus::Unvalidated => "V",
            ObsStatus::Other(code) => code,
        }
    }
}

impl fmt::Display for ObsStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// One observation of an SDMX series, as the message gives it.
#[derive(Clone, Debug)]
pub struct SdmxObservation {
    time: String,
    value: Option<f64>,
    status: Option<ObsStatus>,
    attributes: BTreeMap<String, String>,
    pos: Pos,
}

impl PartialEq for SdmxObservation {
    /// Same time, value, status and attributes (where in the file does not matter).
    fn eq(&self, other: &Self) -> bool {
        self.time == other.time
            && self.value.map(f64::to_bits) == other.value.map(f64::to_bits)
            && self.status == other.status
            && self.attributes == other.attributes
    }
}

impl SdmxObservation {
    /// The `TIME_PERIOD` as written (ids only, labels removed).
    pub fn time(&self) -> &str {
        &self.time
    }

    /// The `OBS_VALUE`, `None` if missing.
    pub fn value(&self) -> Option<f64> {
        self.value
    }

    /// The observation's status, if the message gives one.
    pub fn status(&self) -> Option<&ObsStatus> {
        self.status.as_ref()
    }

    /// The observation's other attributes (those that vary within the series;
    /// attributes with one value for the whole series are on the
    /// [`SdmxSeries`]). Empty attributes are left out.
    pub fn attributes(&self) -> &BTreeMap<String, String> {
        &self.attributes
    }
}

/// One series of an SDMX data message.
#[derive(Clone, Debug, PartialEq)]
pub struct SdmxSeries {
    key: String,
    dataflow: Option<String>,
    dimensions: Vec<(String, String)>,
    attributes: BTreeMap<String, String>,
    observations: Vec<SdmxObservation>,
}

impl SdmxSeries {
    /// The series key: the dimension values other than time, dot-separated
    /// (`M.USD.EUR.SP00.A`).
    pub fn key(&self) -> &str {
        &self.key
    }

    /// The dataflow (or structure) reference, such as `ECB:EXR(1.0)`.
    pub fn dataflow(&self) -> Option<&str> {
        self.dataflow.as_deref()
    }

    /// The dimensions other than time, in key order, as (id, value).
    pub fn dimensions(&self) -> &[(String, String)] {
        &self.dimensions
    }

    /// The value of dimension `id`.
    pub fn dimension(&self, id: &str) -> Option<&str> {
        self.dimensions
            .iter()
            .find(|(k, _)| k == id)
            .map(|(_, v)| v.as_str())
    }

    /// The attributes with one value for the whole series (title, unit,
    /// decimals, …).
    pub fn attributes(&self) -> &BTreeMap<String, String> {
        &self.attributes
    }

    /// The observations, in the order of the message.
    pub fn observations(&self) -> &[SdmxObservation] {
        &self.observations
    }

    /// The `FREQ` code of the series (dimension or attribute; Eurostat's `freq`).
    fn freq_code(&self) -> Option<&str> {
        self.dimensions
            .iter()
            .map(|(k, v)| (k, v))
            .chain(&self.attributes)
            .find(|(k, _)| k.eq_ignore_ascii_case("FREQ") || k.eq_ignore_ascii_case("FREQUENCY"))
            .map(|(_, v)| v.as_str())
    }

    /// The series' frequency: its `FREQ` code, else what its periods show.
    ///
    /// # Errors
    /// [`Error::UnsupportedFrequency`] for a `FREQ` other than `M`, `Q`, `A`
    /// (or a period form of another frequency); [`Error::NoObservations`].
    pub fn frequency(&self) -> Result<Frequency> {
        let first = self
            .observations
            .first()
            .map(|o| o.time.clone())
            .unwrap_or_default();
        if let Some(code) = self.freq_code() {
            return match code {
                "M" => Ok(Frequency::Monthly),
                "Q" => Ok(Frequency::Quarterly),
                "A" | "Y" => Ok(Frequency::Annual),
                other => Err(Error::UnsupportedFrequency {
                    code: other.to_owned(),
                    period: first,
                }),
            };
        }
        let mut dates = HashSet::new();
        let (mut quarter_starts, mut year_starts) = (true, true);
        for o in &self.observations {
            match time_token(&o.time).map_err(|e| o.pos.wrap(e))? {
                Token::Month(..) => return Ok(Frequency::Monthly),
                Token::Quarter(..) => return Ok(Frequency::Quarterly),
                Token::Year(..) => return Ok(Frequency::Annual),
                Token::Date(d) => {
                    if dates.insert(d) {
                        quarter_starts &= d.day() == 1 && d.month() % 3 == 1;
                        year_starts &= d.day() == 1 && d.month() == 1;
                    }
                }
            }
        }
        if dates.is_empty() {
            return Err(Error::NoObservations);
        }
        Ok(infer(dates.len(), quarter_starts, year_starts))
    }

    /// The (period, observation) pairs bound to `P`.
    fn typed<P: Period>(&self) -> Result<Vec<(P, &SdmxObservation)>> {
        let frequency = self.frequency()?;
        if frequency != P::FREQUENCY {
            return Err(Error::FrequencyMismatch {
                expected: P::FREQUENCY,
                found: frequency,
            });
        }
        let mut seen = HashSet::new();
        let mut out = Vec::with_capacity(self.observations.len());
        for o in &self.observations {
            let p = period::<P>(&o.time).map_err(|e| o.pos.wrap(e))?;
            if !seen.insert(p) {
                return Err(o.pos.wrap(Error::DuplicatePeriod {
                    period: p.to_string(),
                }));
            }
            out.push((p, o));
        }
        Ok(out)
    }

    /// The series as a typed [`Series`]: observations in any order, gaps
    /// missing.
    ///
    /// # Errors
    /// [`Error::FrequencyMismatch`] if the series is not of `P`'s frequency;
    /// [`Error::UnsupportedFrequency`]; a bad or duplicate period, with its
    /// position ([`Error::Read`] or [`Error::At`]); [`Error::NoObservations`].
    pub fn to_series<P: Period>(&self) -> Result<Series<P>> {
        let rows = self.typed::<P>()?;
        if rows.is_empty() {
            return Err(Error::NoObservations);
        }
        Series::from_pairs(rows.into_iter().map(|(p, o)| (p, o.value)))
    }

    /// The series at the frequency it has; see [`to_series`](Self::to_series).
    ///
    /// # Errors
    /// As [`to_series`](Self::to_series).
    pub fn to_any(&self) -> Result<AnySeries> {
        Ok(match self.frequency()? {
            Frequency::Monthly => AnySeries::Monthly(self.to_series()?),
            Frequency::Quarterly => AnySeries::Quarterly(self.to_series()?),
            Frequency::Annual => AnySeries::Annual(self.to_series()?),
        })
    }

    /// The status of every observation that has one, by period.
    ///
    /// # Errors
    /// As [`to_series`](Self::to_series).
    pub fn statuses<P: Period>(&self) -> Result<BTreeMap<P, ObsStatus>> {
        Ok(self
            .typed::<P>()?
            .into_iter()
            .filter_map(|(p, o)| o.status.clone().map(|s| (p, s)))
            .collect())
    }
}

/// The series of one SDMX data message, in the order of the message.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct SdmxData {
    series: Vec<SdmxSeries>,
}

impl SdmxData {
    /// The series.
    pub fn series(&self) -> &[SdmxSeries] {
        &self.series
    }

    /// The number of series.
    pub fn len(&self) -> usize {
        self.series.len()
    }

    /// Whether the message holds no series.
    pub fn is_empty(&self) -> bool {
        self.series.is_empty()
    }

    /// The series with `key`: its series key (`M.USD.EUR.SP00.A`) or the key
    /// preceded by the dataflow id (`EXR.M.USD.EUR.SP00.A`).
    pub fn get(&self, key: &str) -> Option<&SdmxSeries> {
        self.series.iter().find(|s| s.key == key).or_else(|| {
            self.series.iter().find(|s| {
                s.dataflow
                    .as_deref()
                    .map(flow_id)
                    .and_then(|flow| key.strip_prefix(flow)?.strip_prefix('.'))
                    == Some(s.key.as_str())
            })
        })
    }

    /// The series with `key` (see [`get`](Self::get)), or for `None` the only
    /// series.
    ///
    /// # Errors
    /// [`Error::SeriesNotFound`]; [`Error::MultipleSeries`] for `None` and
    /// several series; [`Error::NoObservations`] for an empty message.
    pub fn pick(&self, key: Option<&str>) -> Result<&SdmxSeries> {
        match key {
            Some(k) => self.get(k).ok_or_else(|| Error::SeriesNotFound {
                key: k.to_owned(),
                available: self.series.len(),
            }),
            None => match self.series.as_slice() {
                [only] => Ok(only),
                [first, ..] => Err(Error::MultipleSeries {
                    count: self.series.len(),
                    first: first.key.clone(),
                }),
                [] => Err(Error::NoObservations),
            },
        }
    }

    /// Writes the message as SDMX-CSV 1.0: `DATAFLOW`, the dimensions,
    /// `TIME_PERIOD`, `OBS_VALUE`, `OBS_STATUS` and the other attributes;
    /// reading it back gives an equal [`SdmxData`].
    ///
    /// # Errors
    /// [`Error::Io`] if writing fails.
    pub fn write_csv(&self, mut writer: impl Write) -> Result<()> {
        let mut dims: Vec<&str> = Vec::new();
        let mut attrs: Vec<&str> = Vec::new();
        for s in &self.series {
            for (k, _) in &s.dimensions {
                if !dims.contains(&k.as_str()) {
                    dims.push(k);
                }
            }
            let names = s
                .attributes
                .keys()
                .chain(s.observations.iter().flat_map(|o| o.attributes.keys()));
            for k in names {
                if !attrs.contains(&k.as_str()) && k != "OBS_STATUS" {
                    attrs.push(k);
                }
            }
        }
        let mut out = ::csv::WriterBuilder::new().from_writer(Vec::new());
        let mut header = vec!["DATAFLOW"];
        header.extend(&dims);
        header.extend(["TIME_PERIOD", "OBS_VALUE", "OBS_STATUS"]);
        header.extend(&attrs);
        out.write_record(&header).map_err(csv_write_error)?;
        for s in &self.series {
            for o in &s.observations {
                let mut row: Vec<String> = vec![s.dataflow.clone().unwrap_or_default()];
                row.extend(
                    dims.iter()
                        .map(|d| s.dimension(d).unwrap_or_default().to_owned()),
                );
                row.push(o.time.clone());
                let mut v = String::new();
                if let Some(x) = o.value {
                    push_value(&mut v, x);
                }
                row.push(v);
                row.push(
                    o.status
                        .as_ref()
                        .map(|s| s.code().to_owned())
                        .unwrap_or_default(),
                );
                row.extend(attrs.iter().map(|a| {
                    o.attributes
                        .get(*a)
                        .or_else(|| s.attributes.get(*a))
                        .cloned()
                        .unwrap_or_default()
                }));
                out.write_record(&row).map_err(csv_write_error)?;
            }
        }
        let bytes = out.into_inner().map_err(|e| Error::Io(e.into_error()))?;
        writer.write_all(&bytes)?;
        Ok(())
    }

    /// The message as SDMX-CSV 1.0 text; see [`write_csv`](Self::write_csv).
    pub fn to_csv_string(&self) -> String {
        let mut out = Vec::new();
        // Writing to a Vec cannot fail.
        let _ = self.write_csv(&mut out);
        String::from_utf8_lossy(&out).into_owned()
    }
}

fn csv_write_error(e: ::csv::Error) -> Error {
    match e.into_kind() {
        ::csv::ErrorKind::Io(io) => Error::Io(io),
        other => Error::Csv {
            message: format!("{other:?}"),
        },
    }
}

/// `EXR` from `ECB:EXR(1.0)`.
fn flow_id(flow: &str) -> &str {
    let id = flow.rsplit_once(':').map_or(flow, |(_, id)| id);
    id.split_once('(').map_or(id, |(id, _)| id)
}

/// Whether `header` (a first line) starts an SDMX-CSV message: `DATAFLOW`
/// (version 1.0) or `STRUCTURE` (version 2.0), ASCII case-insensitive.
pub fn is_sdmx_csv(header: &str) -> bool {
    let h = header.trim_start_matches('\u{feff}').trim_start();
    let starts = |p: &str| h.get(..p.len()).is_some_and(|s| s.eq_ignore_ascii_case(p));
    starts("DATAFLOW") || starts("STRUCTURE")
}

/// The period token of an SDMX time period: SDMX's `2025-M05` and `2025-A1`
/// forms besides the crate's own.
fn time_token(text: &str) -> Result<Token> {
    let unsupported = |code: &str| Error::UnsupportedFrequency {
        code: code.to_owned(),
        period: text.to_owned(),
    };
    if text.contains('/') {
        return Err(unsupported("time range"));
    }
    if text.contains('T') {
        return Err(unsupported("date-time"));
    }
    let normalised = normalise(text);
    if let Some((_, rest)) = text.split_once('-') {
        match rest.as_bytes().first() {
            Some(b'S') => return Err(unsupported("S")),
            Some(b'W') => return Err(unsupported("W")),
            Some(b'D') => return Err(unsupported("D")),
            Some(b'T') => return Err(unsupported("T")),
            _ => {}
        }
    }
    tokenize(&normalised).map_err(|problem| match problem {
        crate::error::ParseProblem::Syntax { .. } => Error::UnrecognisedPeriod {
            input: text.to_owned(),
        },
        problem => Error::ParsePeriod {
            frequency: Frequency::Monthly,
            input: text.to_owned(),
            problem,
        },
    })
}

/// `2025-M05` → `2025-05`, `2025-A1` → `2025`; other text unchanged.
fn normalise(text: &str) -> String {
    if let Some((year, rest)) = text.split_once('-') {
        if let Some(m) = rest.strip_prefix('M')
            && m.len() == 2
        {
            return format!("{year}-{m}");
        }
        if rest == "A1" {
            return year.to_owned();
        }
    }
    text.to_owned()
}

/// The `P` period of an SDMX time period.
fn period<P: Period>(text: &str) -> Result<P> {
    time_token(text)?;
    normalise(text).parse::<P>()
}

/// Groups observations into series by their non-time dimensions.
#[derive(Default)]
pub(crate) struct Builder {
    index: HashMap<Vec<String>, usize>,
    series: Vec<SdmxSeries>,
}

/// One observation with everything the message attaches to it.
pub(crate) struct Obs {
    pub(crate) dataflow: Option<String>,
    /// Non-time dimensions in key order.
    pub(crate) dimensions: Vec<(String, String)>,
    pub(crate) time: String,
    pub(crate) value: Option<f64>,
    /// Attributes at any level (empty values left out).
    pub(crate) attributes: Vec<(String, String)>,
    pub(crate) pos: Pos,
}

impl Builder {
    pub(crate) fn push(&mut self, obs: Obs) {
        let values: Vec<String> = obs.dimensions.iter().map(|(_, v)| v.clone()).collect();
        let i = match self.index.get(&values) {
            Some(&i) => i,
            None => {
                self.series.push(SdmxSeries {
                    key: values.join("."),
                    dataflow: obs.dataflow.clone(),
                    dimensions: obs.dimensions.clone(),
                    attributes: BTreeMap::new(),
                    observations: Vec::new(),
                });
                self.index.insert(values, self.series.len() - 1);
                self.series.len() - 1
            }
        };
        let mut attributes = BTreeMap::new();
        let mut status = None;
        let mut flag = None;
        for (k, v) in obs.attributes {
            if v.is_empty() {
                continue;
            }
            match k.as_str() {
                "OBS_STATUS" => status = Some(ObsStatus::from_code(&v)),
                "OBS_FLAG" => flag = Some(ObsStatus::from_code(&v)),
                _ => {}
            }
            if k != "OBS_STATUS" {
                attributes.insert(k, v);
            }
        }
        if let Some(s) = self.series.get_mut(i) {
            s.observations.push(SdmxObservation {
                time: obs.time,
                value: obs.value,
                status: status.or(flag),
                attributes,
                pos: obs.pos,
            });
        }
    }

    /// The series, with attributes constant over a series moved to it.
    pub(crate) fn finish(mut self) -> SdmxData {
        for s in &mut self.series {
            let Some(first) = s.observations.first() else {
                continue;
            };
            let constant: Vec<(String, String)> = first
                .attributes
                .iter()
                .filter(|(k, v)| {
                    s.observations
                        .iter()
                        .all(|o| o.attributes.get(*k) == Some(*v))
                })
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
            for (k, v) in constant {
                for o in &mut s.observations {
                    o.attributes.remove(&k);
                }
                s.attributes.insert(k, v);
            }
        }
        SdmxData {
            series: self.series,
        }
    }
}

/// A missing `OBS_VALUE` in SDMX: empty, `NaN`, `:` or `.`.
pub(crate) fn parse_obs_value(text: &str, decimal_comma: bool) -> Result<Option<f64>> {
    let t = text.trim();
    if t.is_empty() || t == "." || t == ":" || t.eq_ignore_ascii_case("nan") {
        return Ok(None);
    }
    let owned;
    let t = if decimal_comma && t.contains(',') {
        owned = t.replace(',', ".");
        owned.as_str()
    } else {
        t
    };
    crate::io::read::parse_value(t, "")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Month, Quarter, Year};

    #[test]
    fn time_forms() {
        assert_eq!(period::<Month>("2025-M05").unwrap().to_string(), "2025-05");
        assert_eq!(period::<Year>("2025-A1").unwrap().to_string(), "2025");
        assert_eq!(period::<Quarter>("2025-Q1").unwrap().to_string(), "2025-Q1");
        assert_eq!(
            period::<Quarter>("2025-04-01").unwrap().to_string(),
            "2025-Q2"
        );
        for t in [
            "2025-S1",
            "2025-W01",
            "2025-D001",
            "2025-01-01T00:00:00",
            "2025-01/P1M",
        ] {
            assert!(
                matches!(time_token(t), Err(Error::UnsupportedFrequency { .. })),
                "{t}"
            );
        }
        assert!(matches!(
            time_token("soon"),
            Err(Error::UnrecognisedPeriod { .. })
        ));
    }

    #[test]
    fn statuses_and_flow_ids() {
        assert_eq!(ObsStatus::from_code("p"), ObsStatus::Provisional);
        assert_eq!(ObsStatus::from_code("c"), ObsStatus::Other("c".into()));
        assert_eq!(ObsStatus::from_code("L").code(), "L");
        assert_eq!(flow_id("ECB:EXR(1.0)"), "EXR");
        assert_eq!(flow_id("EXR"), "EXR");
        assert!(is_sdmx_csv("\u{feff}DATAFLOW,FREQ"));
        assert!(is_sdmx_csv("STRUCTURE[;],STRUCTURE_ID"));
        assert!(!is_sdmx_csv("period,value"));
        assert_eq!(parse_obs_value("12,4", true).unwrap(), Some(12.4));
        assert_eq!(parse_obs_value("NaN", false).unwrap(), None);
    }
}
