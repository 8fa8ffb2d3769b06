//! SDMX data messages: SDMX-CSV 1.0 and 2.0, and SDMX-JSON 1.0 and 2.0.
//!
//! OECD, ECB, Eurostat, IMF, BIS and many national offices serve SDMX. A
//! data message holds many series, each identified by its **dataflow**
//! (agency, id and version, `ECB:EXR(1.0)`) and its **series key**: the
//! values of its dimensions other than time, joined by dots, in the order of
//! the data structure (`M.USD.EUR.SP00.A`). Rows of two dataflows are two
//! series even when their keys are equal. The full identifier is
//! `ECB:EXR(1.0)/M.USD.EUR.SP00.A` ([`SdmxSeries::id`]).
//!
//! Two ways to read a message, both streaming, both configured by
//! [`ReadOptions`]:
//!
//! - [`AnySeries::read`] (and [`Series::read`]) keeps one series, the one
//!   [`ReadOptions::series`](crate::io::ReadOptions::series) selects (or the
//!   only one): its values alone are kept while the rest of the message goes
//!   by, so a message of any size costs the memory of that series. A
//!   selector is the full identifier or any shorter form that names one
//!   series: `EXR.M.USD.EUR.SP00.A` (ECB style), `M.USD.EUR.SP00.A`,
//!   `USD.EUR.SP00.A`; one that matches several is an
//!   [`Error::AmbiguousSeries`] listing them.
//! - [`SdmxData::read`] keeps every series (or those the selector matches)
//!   with what the message says about them, as text: dimensions, attributes,
//!   and for every observation its `TIME_PERIOD`, `OBS_VALUE`, status
//!   ([`ObsStatus`], from `OBS_STATUS`, or Eurostat's `OBS_FLAG`) and other
//!   attributes. [`SdmxSeries::to_series`] and [`SdmxSeries::to_any`] build
//!   the crate's [`Series`]; the statuses stay beside it in
//!   [`SdmxSeries::statuses`].
//!
//! # Time periods
//!
//! `2025-05` and `2025-M05` are months, `2025-Q1` quarters, `2025` and
//! `2025-A1` years. A date `2025-04-01` is the period of the series'
//! frequency starting that day. The frequency is the series' `FREQ`
//! dimension or attribute (`M`, `Q`, `A`), else what its periods show
//! (the rule of [`AnySeries::read`]). Daily, business, weekly, semi-annual
//! and other frequencies, date-times and time ranges are
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
//! `sdmx1` write them); [`ReadOptions::time_column`](crate::io::ReadOptions::time_column),
//! [`value_column`](crate::io::ReadOptions::value_column) and
//! [`key_columns`](crate::io::ReadOptions::key_columns) name them where a
//! file differs. A column named twice is an [`Error::DuplicateColumn`].
//! Header fields and values written with labels (`FREQ: Frequency`,
//! `M: Monthly`) are reduced to their ids. A value of `NaN`, `:`, `.` or an
//! empty field is missing.
//!
//! Version 2.0's `ACTION` is applied row by row, as a database receiving the
//! message would: `I` (information, the default) and `A` (append) add an
//! observation, and one given twice is an [`Error::DuplicatePeriod`]; `R`
//! (replace) replaces an observation given before (or adds it); `D`
//! (delete) removes what the row identifies, never adding a value: with
//! the time period and an empty value, that observation; with a value
//! marked (such as `-`), only the value, the observation staying as missing;
//! without a time period, every observation of the key, where empty
//! dimensions match any value.
//!
//! # SDMX-JSON (feature `serde`)
//!
//! Version 1.0 (`structure`, `dataSets`) and 2.0 (`data.structures`,
//! `data.dataSets`); data sets by series (`series` with `observations`) or
//! flat (`observations` keyed by every dimension); dimensions at the data
//! set, series and observation levels, with `keyPosition` giving the key
//! order. The message is streamed: a series at a time is held, and a series
//! the selector does not name is skipped unread. Data sets that come before
//! the structure explaining them are held as text until it arrives, at most
//! [`ReadOptions::max_bytes`](crate::io::ReadOptions::max_bytes) bytes, or
//! 128 MiB without it ([`Error::DataBeforeStructure`]). Within a data set,
//! its `structure` index and `attributes` apply to the series that follow
//! them (every published message gives them first); an index given after
//! the series is an [`Error::UnexpectedJson`].
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
//! use econseries::io::ReadOptions;
//! use econseries::{AnySeries, Month, Series};
//!
//! let csv = "DATAFLOW,FREQ,CURRENCY,CURRENCY_DENOM,EXR_TYPE,EXR_SUFFIX,TIME_PERIOD,OBS_VALUE,OBS_STATUS\n\
//!            ECB:EXR(1.0),M,USD,EUR,SP00,A,1999-01,1.16078,A\n\
//!            ECB:EXR(1.0),M,USD,EUR,SP00,A,1999-02,1.120765,P\n\
//!            ECB:EXR(1.0),M,JPY,EUR,SP00,A,1999-01,131.9,A\n";
//! // One series, streamed: the JPY rows are skipped, not kept.
//! let opts = ReadOptions::new().series("USD.EUR.SP00.A");
//! let rate = Series::<Month>::read(csv.as_bytes(), &opts)?;
//! assert_eq!(rate.get(Month::new(1999, 2)?), Some(1.120765));
//!
//! // The whole message, with statuses and attributes.
//! let data = SdmxData::read(csv.as_bytes(), &ReadOptions::new())?;
//! let usd = data.pick(Some("EXR.M.USD.EUR.SP00.A"))?;
//! assert_eq!(usd.id(), "ECB:EXR(1.0)/M.USD.EUR.SP00.A");
//! assert_eq!(usd.dimension("CURRENCY"), Some("USD"));
//! let feb = Month::new(1999, 2)?;
//! assert_eq!(usd.statuses::<Month>()?.get(&feb), Some(&ObsStatus::Provisional));
//!
//! // "M" ends both keys' first dimension: a selector must name one series.
//! let e = AnySeries::read(csv.as_bytes(), &ReadOptions::new().series("EUR.SP00.A")).unwrap_err();
//! assert!(e.to_string().contains("matches 2 series"), "{e}");
//! # Ok::<(), econseries::Error>(())
//! ```

mod csv;
#[cfg(feature = "serde")]
mod json;
mod select;
pub(crate) mod sink;

use std::collections::BTreeMap;
use std::fmt;
use std::io::{Read, Write};

use crate::error::{Error, ParseProblem, Result};
use crate::input::{
    Classifier, Format, Peeked, Pos, ReadOptions, Rows, SeriesRows, Write as Put, peek,
};
use crate::io::AnySeries;
use crate::io::write::push_value;
use crate::period::{Frequency, Period, Token, tokenize};
use crate::series::Series;

use self::select::{Selector, full_id};
use self::sink::{AllSeries, OneSeries, frequency_code};

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

/// Where an observation was in the message, for errors found when it is
/// converted.
#[derive(Clone, Debug)]
pub(crate) enum ObsAt {
    /// A line of SDMX-CSV.
    Line(u64),
    /// A JSON path in SDMX-JSON.
    #[cfg_attr(not(feature = "serde"), allow(dead_code))]
    Path(String),
}

/// One observation of an SDMX series, as the message gives it.
#[derive(Clone, Debug)]
pub struct SdmxObservation {
    pub(crate) time: String,
    pub(crate) value: Option<f64>,
    pub(crate) status: Option<ObsStatus>,
    pub(crate) attributes: BTreeMap<String, String>,
    pub(crate) at: ObsAt,
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

    /// `source` at this observation's position, quoting its time period.
    fn wrap(&self, source: Error) -> Error {
        match &self.at {
            ObsAt::Line(line) => Pos::Line {
                line: *line,
                text: self.time.clone(),
            },
            ObsAt::Path(path) => Pos::Path(path.clone()),
        }
        .wrap(source)
    }
}

/// One series of an SDMX data message.
#[derive(Clone, Debug, PartialEq)]
pub struct SdmxSeries {
    pub(crate) key: String,
    pub(crate) dataflow: Option<String>,
    pub(crate) key_values: Vec<String>,
    pub(crate) dimensions: Vec<(String, String)>,
    pub(crate) attributes: BTreeMap<String, String>,
    pub(crate) observations: Vec<SdmxObservation>,
    /// The `FREQ` code of the series' first row (a dimension, or an attribute
    /// that may vary later), as the streaming reader takes it.
    pub(crate) freq: Option<String>,
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

    /// The full identifier: the dataflow and the key,
    /// `ECB:EXR(1.0)/M.USD.EUR.SP00.A` (the key alone without a dataflow).
    pub fn id(&self) -> String {
        full_id(self.dataflow.as_deref(), &self.key)
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

    /// The `FREQ` code of the series (dimension or attribute; Eurostat's
    /// `freq`), as its first row gives it.
    fn freq_code(&self) -> Option<&str> {
        self.freq.as_deref()
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
            .map(|o| o.time.as_str())
            .unwrap_or_default();
        if let Some(code) = self.freq_code() {
            return frequency_code(code, first);
        }
        let mut classifier = Classifier::new(None);
        for o in &self.observations {
            let token = time_token(&o.time).map_err(|e| o.wrap(e))?;
            classifier
                .observe(token, &o.time, || Pos::Path(String::new()))
                .map_err(|e| o.wrap(e))?;
        }
        classifier.finish()
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
        let mut rows = SeriesRows::new(Some(frequency), &ReadOptions::unlimited());
        let mut out = Vec::with_capacity(self.observations.len());
        for o in &self.observations {
            let token = time_token(&o.time).map_err(|e| o.wrap(e))?;
            rows.push_token(token, &o.time, o.value, Put::Add, || {
                Pos::Path(String::new())
            })
            .map_err(|e| o.wrap(e))?;
            let p = o.time_period::<P>().map_err(|e| o.wrap(e))?;
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

impl SdmxObservation {
    /// The time period as a `P`.
    fn time_period<P: Period>(&self) -> Result<P> {
        time_token(&self.time)?;
        normalise(&self.time).parse::<P>()
    }
}

/// The series of one SDMX data message, in the order of the message.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct SdmxData {
    pub(crate) series: Vec<SdmxSeries>,
}

impl SdmxData {
    /// Reads an SDMX-CSV or SDMX-JSON data message (told apart by
    /// [`Format::detect`], or as [`ReadOptions::format`] says), streaming:
    /// every series, or those [`ReadOptions::series`] matches; a row's
    /// `ACTION` is applied as it is read.
    ///
    /// # Errors
    /// SDMX-CSV: a header that does not start with `DATAFLOW` or `STRUCTURE`
    /// is an [`Error::BadHeader`], a missing time or value column an
    /// [`Error::MissingColumn`], a column given twice an
    /// [`Error::DuplicateColumn`], all as an [`Error::Read`] on the header's
    /// line. A row of the wrong width is [`Error::FieldCount`], a value that
    /// is not a number [`Error::NotANumber`], [`Error::ValueTooLarge`] or
    /// [`Error::NonFinite`] inside an [`Error::Field`] naming the column, an
    /// unknown action [`Error::InvalidAction`], all as [`Error::Read`] with
    /// the line. SDMX-JSON: [`Error::Json`] for malformed JSON (its message
    /// gives line and column), otherwise [`Error::At`] with the JSON path,
    /// wrapping [`Error::UnexpectedJson`] or a value error. Both:
    /// [`Error::SeriesNotFound`] if a selector matches nothing,
    /// [`Error::NoObservations`] for a message without observations, the
    /// limits of [`ReadOptions`], [`Error::UnsupportedFormat`] for input in
    /// another format.
    ///
    /// # Example
    /// ```
    /// use econseries::io::{ReadOptions, sdmx::SdmxData};
    ///
    /// let bad = "DATAFLOW,FREQ,TIME_PERIOD,OBS_VALUE\nX:Y(1.0),M,2025-01,1\nX:Y(1.0),M,2025-02,one\n";
    /// let e = SdmxData::read(bad.as_bytes(), &ReadOptions::new()).unwrap_err();
    /// assert_eq!(e.line(), Some(3));
    /// assert!(e.to_string().contains("column OBS_VALUE (field 4)"));
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn read(reader: impl Read, options: &ReadOptions) -> Result<SdmxData> {
        let (format, input) = peek(reader, options)?;
        let mut sink = AllSeries::new(options);
        match format {
            Format::SdmxCsv => csv::read(input, options, &mut sink)?,
            #[cfg(feature = "serde")]
            Format::SdmxJson => json::read(input, options, &mut sink)?,
            other => {
                return Err(Error::UnsupportedFormat {
                    format: other.name(),
                    hint: "SdmxData reads SDMX-CSV and SDMX-JSON (the latter with the serde feature)",
                });
            }
        }
        sink.finish()
    }

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

    /// The series `selector` names (the forms of
    /// [`ReadOptions::series`](crate::io::ReadOptions::series)), or for `None`
    /// the only series.
    ///
    /// # Errors
    /// [`Error::SeriesNotFound`]; [`Error::AmbiguousSeries`] listing every
    /// match; [`Error::MultipleSeries`] for `None` and several series;
    /// [`Error::NoObservations`] for an empty message.
    pub fn pick(&self, selector: Option<&str>) -> Result<&SdmxSeries> {
        let Some(text) = selector else {
            return match self.series.as_slice() {
                [only] => Ok(only),
                [first, second, ..] => Err(Error::MultipleSeries {
                    first: first.id().into(),
                    second: second.id().into(),
                }),
                [] => Err(Error::NoObservations),
            };
        };
        let sel = Selector::new(text);
        let found: Vec<&SdmxSeries> = self
            .series
            .iter()
            .filter(|s| {
                let key: Vec<&str> = s.key_values.iter().map(String::as_str).collect();
                sel.matches(s.dataflow.as_deref(), &key)
            })
            .collect();
        // A series named by its full identifier is the one meant, whatever
        // else a shorter reading of the selector matches.
        if let Some(exact) = found.iter().find(|s| s.id() == text) {
            return Ok(exact);
        }
        match found.as_slice() {
            [one] => Ok(one),
            [] => Err(Error::SeriesNotFound {
                selector: text.to_owned().into(),
                examples: self.series.iter().take(5).map(SdmxSeries::id).collect(),
            }),
            many => Err(Error::AmbiguousSeries {
                selector: text.to_owned().into(),
                matches: many.iter().take(20).map(|s| s.id()).collect(),
                count: u32::try_from(many.len()).unwrap_or(u32::MAX),
            }),
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
                if !dims.iter().any(|d| d.eq_ignore_ascii_case(k)) {
                    dims.push(k);
                }
            }
            let names = s
                .attributes
                .keys()
                .chain(s.observations.iter().flat_map(|o| o.attributes.keys()));
            for k in names {
                if !attrs.contains(&k.as_str()) {
                    attrs.push(k);
                }
            }
        }
        // A name used twice would not read back (columns are unique, compared
        // ASCII case-insensitively): an attribute named like a dimension or a
        // reserved column of another series' structure is left out.
        let taken = |k: &str| {
            ["DATAFLOW", "TIME_PERIOD", "OBS_VALUE", "OBS_STATUS"]
                .iter()
                .chain(&dims)
                .any(|d| d.eq_ignore_ascii_case(k))
        };
        attrs.retain(|k| !taken(k));
        let mut lower: Vec<String> = Vec::new();
        attrs.retain(|k| {
            let l = k.to_ascii_lowercase();
            let fresh = !lower.contains(&l);
            lower.push(l);
            fresh
        });
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
            message: format!("{other:?}").into(),
        },
    }
}

/// The `FREQ` code among (id, value) pairs: `FREQ` or `FREQUENCY`, ASCII
/// case-insensitive (Eurostat writes `freq`).
pub(crate) fn freq_of<'a>(mut pairs: impl Iterator<Item = (&'a str, &'a str)>) -> Option<&'a str> {
    pairs
        .find(|(k, _)| k.eq_ignore_ascii_case("FREQ") || k.eq_ignore_ascii_case("FREQUENCY"))
        .map(|(_, v)| v)
}

/// The period token of an SDMX time period: SDMX's `2025-M05` and `2025-A1`
/// forms besides the crate's own.
///
/// # Errors
/// [`Error::UnsupportedFrequency`] for semesters, weeks, days, date-times and
/// time ranges; [`Error::UnrecognisedPeriod`] or [`Error::ParsePeriod`].
pub(crate) fn time_token(text: &str) -> Result<Token> {
    let unsupported = |code: &str| Error::UnsupportedFrequency {
        code: code.to_owned().into(),
        period: text.to_owned().into(),
    };
    if text.contains('/') {
        return Err(unsupported("time range"));
    }
    if text.contains('T') {
        return Err(unsupported("date-time"));
    }
    if let Some((_, rest)) = text.split_once('-') {
        match rest.as_bytes().first() {
            Some(b'S') => return Err(unsupported("S")),
            Some(b'W') => return Err(unsupported("W")),
            Some(b'D') => return Err(unsupported("D")),
            Some(b'T') => return Err(unsupported("T")),
            _ => {}
        }
    }
    tokenize(&normalise(text)).map_err(|problem| match problem {
        ParseProblem::Syntax { .. } => Error::UnrecognisedPeriod {
            input: text.to_owned().into(),
        },
        problem => Error::ParsePeriod {
            frequency: Frequency::Monthly,
            input: text.to_owned().into(),
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

/// Reads the one series of an SDMX message that `options` selects.
pub(crate) fn read_one<R: Read>(
    input: Peeked<R>,
    format: Format,
    options: &ReadOptions,
) -> Result<Rows> {
    let mut sink = OneSeries::new(options);
    match format {
        Format::SdmxCsv => csv::read(input, options, &mut sink)?,
        #[cfg(feature = "serde")]
        Format::SdmxJson => json::read(input, options, &mut sink)?,
        other => {
            return Err(Error::UnsupportedFormat {
                format: other.name(),
                hint: "not an SDMX message",
            });
        }
    }
    sink.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Month, Quarter, Year};

    fn period<P: Period>(text: &str) -> Result<P> {
        time_token(text)?;
        normalise(text).parse::<P>()
    }

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
    fn statuses() {
        assert_eq!(ObsStatus::from_code("p"), ObsStatus::Provisional);
        assert_eq!(ObsStatus::from_code("c"), ObsStatus::Other("c".into()));
        assert_eq!(ObsStatus::from_code("L").code(), "L");
    }
}
