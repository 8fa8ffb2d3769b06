//! Where the rows of an SDMX message go as they are read: into one selected
//! series ([`OneSeries`]) or into a whole [`SdmxData`] ([`AllSeries`]),
//! applying each row's action and the selector on the way, so that nothing
//! else is kept.

use std::collections::{BTreeMap, HashMap, HashSet};

use crate::error::{Error, Result};
use crate::input::{Pos, ReadOptions, Rows, SeriesRows, Write, token_month};
use crate::period::Frequency;

use super::select::{Selector, full_id};
use super::{ObsAt, ObsStatus, SdmxData, SdmxObservation, SdmxSeries, freq_of, time_token};

/// What a row does (SDMX-CSV 2.0 `ACTION`; SDMX-JSON's data-set `action`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Action {
    /// `I` (or no action): information, read as an append; an observation
    /// given twice is a duplicate.
    Information,
    /// `A`: append; as `I`.
    Append,
    /// `R`: replace an observation given before, or add it.
    Replace,
    /// `D`: delete what the row identifies (empty dimensions are wildcards,
    /// an empty time all periods); with `measure`, only the value.
    Delete {
        /// Whether the row marks the measure (a non-empty value such as `-`):
        /// the value is deleted, the observation stays, missing.
        measure: bool,
    },
}

impl Action {
    /// The action of an `ACTION` field.
    ///
    /// # Errors
    /// [`Error::InvalidAction`] for anything but `I`, `A`, `R`, `D` (or empty).
    pub(crate) fn parse(text: &str, value_given: bool) -> Result<Action> {
        match text.trim() {
            "" | "I" | "i" => Ok(Action::Information),
            "A" | "a" => Ok(Action::Append),
            "R" | "r" => Ok(Action::Replace),
            "D" | "d" => Ok(Action::Delete {
                measure: value_given,
            }),
            other => Err(Error::InvalidAction {
                action: other.to_owned().into(),
            }),
        }
    }

    fn write(self) -> Write {
        match self {
            Action::Replace => Write::Replace,
            _ => Write::Add,
        }
    }
}

/// One row of an SDMX message.
#[derive(Debug)]
pub(crate) struct Row<'a> {
    /// The dataflow (or structure) reference, `AGENCY:ID(VERSION)`.
    pub(crate) flow: Option<&'a str>,
    /// The dimensions other than time, in key order: (id, value).
    pub(crate) dims: &'a [(&'a str, &'a str)],
    /// The time period as written (empty in a delete row for every period).
    pub(crate) time: &'a str,
    /// The value, parsed (never used for a delete row).
    pub(crate) value: Option<f64>,
    pub(crate) action: Action,
    /// The attributes with a value, at any level.
    pub(crate) attributes: &'a [(&'a str, &'a str)],
}

impl Row<'_> {
    fn key(&self) -> String {
        self.dims
            .iter()
            .map(|(_, v)| *v)
            .collect::<Vec<_>>()
            .join(".")
    }

    fn values(&self) -> Vec<&str> {
        self.dims.iter().map(|(_, v)| *v).collect()
    }

    fn same_series(&self, flow: &Option<String>, key: &[String]) -> bool {
        self.flow.filter(|f| !f.is_empty()) == flow.as_deref()
            && self.dims.len() == key.len()
            && self.dims.iter().zip(key).all(|((_, a), b)| a == b)
    }

    /// Whether this delete row's partial key (empty dimensions are
    /// wildcards) covers the series `flow`/`key`.
    fn covers(&self, flow: &Option<String>, key: &[String]) -> bool {
        let flow_ok = match self.flow.filter(|f| !f.is_empty()) {
            None => true,
            Some(f) => Some(f) == flow.as_deref(),
        };
        flow_ok
            && self.dims.len() == key.len()
            && self
                .dims
                .iter()
                .zip(key)
                .all(|((_, a), b)| a.is_empty() || a == b)
    }

    fn freq(&self) -> Option<&str> {
        freq_of(self.dims.iter().chain(self.attributes).copied())
    }
}

/// The receiver of an SDMX message's rows.
pub(crate) trait Sink {
    /// Takes one row; `pos` gives its position for an error found later.
    ///
    /// # Errors
    /// A problem with the row, without its position (the caller adds it).
    fn row(&mut self, row: &Row<'_>, pos: &dyn Fn() -> Pos) -> Result<()>;

    /// Whether the rows of the series `flow`/`key` (dimension values in key
    /// order) are wanted at all, so a reader may skip them unread (only
    /// the JSON reader can).
    #[cfg_attr(not(feature = "serde"), allow(dead_code))]
    fn wants(&mut self, flow: Option<&str>, key: &[&str]) -> bool;
}

/// How a series identity meets the selector.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Match {
    /// Not named (rows skipped).
    No,
    /// Named by a shorter form, or no selector at all.
    Partial,
    /// Named by its full identifier: no other series can be meant.
    Exact,
}

/// The one series a reader returns: the only one of the message, or the one
/// the selector names. Only its values are kept.
#[derive(Debug)]
pub(crate) struct OneSeries {
    selector: Option<Selector>,
    stated: Option<Frequency>,
    options: ReadOptions,
    /// The last series identity seen, with how it matched.
    last: Option<(Option<String>, Vec<String>, Match)>,
    chosen: Option<Chosen>,
    /// The full ids of the series a shorter selector matched, once more
    /// than one did (and none by its full identifier).
    matches: Option<(Vec<String>, HashSet<String>)>,
    /// The first few series ids, for a selector that matches none.
    examples: Vec<String>,
}

#[derive(Debug)]
struct Chosen {
    flow: Option<String>,
    key: Vec<String>,
    exact: bool,
    rows: SeriesRows,
}

impl OneSeries {
    /// A sink for the series `options` selects.
    pub(crate) fn new(options: &ReadOptions) -> OneSeries {
        OneSeries {
            selector: options.get_series().map(Selector::new),
            stated: options.get_frequency(),
            options: options.clone(),
            last: None,
            chosen: None,
            matches: None,
            examples: Vec::new(),
        }
    }

    fn note_example(&mut self, id: String) {
        if self.examples.len() < 5 && !self.examples.contains(&id) {
            self.examples.push(id);
        }
    }

    /// How the series `flow`/`key` meets the selector.
    fn classify(&self, flow: Option<&str>, key: &[&str]) -> Match {
        match &self.selector {
            None => Match::Partial,
            Some(s) if full_id(flow, &key.join(".")) == s.text() => Match::Exact,
            Some(s) if s.matches(flow, key) => Match::Partial,
            Some(_) => Match::No,
        }
    }

    fn matches(&mut self, row: &Row<'_>) -> Match {
        if let Some((flow, key, m)) = &self.last
            && row.same_series(flow, key)
        {
            return *m;
        }
        let m = self.classify(row.flow, &row.values());
        self.note_example(full_id(row.flow, &row.key()));
        self.last = Some((
            row.flow.filter(|f| !f.is_empty()).map(str::to_owned),
            row.dims.iter().map(|(_, v)| (*v).to_owned()).collect(),
            m,
        ));
        m
    }

    /// Starts keeping the series of `row`.
    fn choose(&mut self, row: &Row<'_>, exact: bool) -> Result<()> {
        let freq = match row.freq() {
            Some(code) => {
                let f = frequency_code(code, row.time)?;
                match self.stated {
                    Some(s) if s != f => {
                        return Err(Error::FrequencyMismatch {
                            expected: s,
                            found: f,
                        });
                    }
                    _ => Some(f),
                }
            }
            None => self.stated,
        };
        self.chosen = Some(Chosen {
            flow: row.flow.filter(|f| !f.is_empty()).map(str::to_owned),
            key: row.dims.iter().map(|(_, v)| (*v).to_owned()).collect(),
            exact,
            rows: SeriesRows::new(freq, &self.options),
        });
        Ok(())
    }

    /// The series' frequency and rows.
    ///
    /// # Errors
    /// [`Error::AmbiguousSeries`], [`Error::SeriesNotFound`],
    /// [`Error::NoObservations`]; as [`SeriesRows::finish`].
    pub(crate) fn finish(self) -> Result<Rows> {
        if let Some((mut list, all)) = self.matches {
            let count = u32::try_from(all.len()).unwrap_or(u32::MAX);
            list.truncate(20);
            return Err(Error::AmbiguousSeries {
                selector: self
                    .selector
                    .map(|s| s.text().to_owned())
                    .unwrap_or_default()
                    .into(),
                matches: list.into(),
                count,
            });
        }
        match (self.chosen, self.selector) {
            (Some(c), _) => c.rows.finish(),
            (None, Some(s)) => Err(Error::SeriesNotFound {
                selector: s.text().to_owned().into(),
                examples: self.examples.into(),
            }),
            (None, None) => Err(Error::NoObservations),
        }
    }
}

impl Sink for OneSeries {
    fn wants(&mut self, flow: Option<&str>, key: &[&str]) -> bool {
        if self.classify(flow, key) == Match::No {
            self.note_example(full_id(flow, &key.join(".")));
            return false;
        }
        true
    }

    fn row(&mut self, row: &Row<'_>, pos: &dyn Fn() -> Pos) -> Result<()> {
        if let Action::Delete { measure } = row.action {
            if let Some(c) = &mut self.chosen
                && row.covers(&c.flow, &c.key)
            {
                let month = match row.time {
                    "" => None,
                    t => match time_token(t).ok().and_then(token_month) {
                        Some(m) => Some(m),
                        // Text that names no period: nothing to delete.
                        None => return Ok(()),
                    },
                };
                match (measure, month) {
                    (true, Some(m)) => c.rows.clear_value(m),
                    _ => {
                        c.rows.remove(month);
                    }
                }
            }
            return Ok(());
        }
        let m = self.matches(row);
        if m == Match::No {
            return Ok(());
        }
        let current = self
            .chosen
            .as_ref()
            .map(|c| (row.same_series(&c.flow, &c.key), c.exact));
        match current {
            Some((true, _)) => {}
            // The series named by its full identifier is chosen: others named
            // by a shorter form are not meant.
            Some((false, true)) => return Ok(()),
            _ if m == Match::Exact => {
                self.matches = None;
                self.choose(row, true)?;
            }
            Some((false, false)) => {
                let first = self
                    .chosen
                    .as_ref()
                    .map(|c| full_id(c.flow.as_deref(), &c.key.join(".")))
                    .unwrap_or_default();
                let second = full_id(row.flow, &row.key());
                if self.selector.is_none() {
                    return Err(Error::MultipleSeries {
                        first: first.into(),
                        second: second.into(),
                    });
                }
                self.matches = Some((
                    vec![first.clone(), second.clone()],
                    HashSet::from([first, second]),
                ));
                self.chosen = None;
                return Ok(());
            }
            None => {
                if let Some((list, all)) = &mut self.matches {
                    let id = full_id(row.flow, &row.key());
                    if all.insert(id.clone()) && list.len() < 20 {
                        list.push(id);
                    }
                    return Ok(());
                }
                self.choose(row, false)?;
            }
        }
        let Some(chosen) = &mut self.chosen else {
            return Ok(());
        };
        let token = time_token(row.time)?;
        chosen
            .rows
            .push_token(token, row.time, row.value, row.action.write(), pos)
    }
}

/// The frequency of a `FREQ` code.
///
/// # Errors
/// [`Error::UnsupportedFrequency`] for a code other than `M`, `Q`, `A`, `Y`.
pub(crate) fn frequency_code(code: &str, period: &str) -> Result<Frequency> {
    match code {
        "M" => Ok(Frequency::Monthly),
        "Q" => Ok(Frequency::Quarterly),
        "A" | "Y" => Ok(Frequency::Annual),
        other => Err(Error::UnsupportedFrequency {
            code: other.to_owned().into(),
            period: period.to_owned().into(),
        }),
    }
}

/// Every series of a message (or those the selector matches), observations
/// as written.
#[derive(Debug)]
pub(crate) struct AllSeries {
    selector: Option<Selector>,
    options: ReadOptions,
    index: HashMap<(Option<String>, Vec<String>), usize>,
    series: Vec<Building>,
    /// The last series identity that did not match, so its rows are skipped cheaply.
    skipped: Option<(Option<String>, Vec<String>)>,
    values: u64,
}

#[derive(Debug)]
struct Building {
    series: SdmxSeries,
    /// Observations deleted or replaced, as `None`, compacted at the end.
    observations: Vec<Option<SdmxObservation>>,
    /// Time → index of its live observation, built at the first row that
    /// replaces or deletes.
    times: Option<HashMap<String, usize>>,
}

impl Building {
    fn times(&mut self) -> &mut HashMap<String, usize> {
        let observations = &self.observations;
        self.times.get_or_insert_with(|| {
            observations
                .iter()
                .enumerate()
                .filter_map(|(i, o)| o.as_ref().map(|o| (period_key(&o.time), i)))
                .collect()
        })
    }
}

impl AllSeries {
    /// A sink for every series `options` selects (all without a selector).
    pub(crate) fn new(options: &ReadOptions) -> AllSeries {
        AllSeries {
            selector: options.get_series().map(Selector::new),
            options: options.clone(),
            index: HashMap::new(),
            series: Vec::new(),
            skipped: None,
            values: 0,
        }
    }

    /// The message, with attributes constant over a series moved to it.
    ///
    /// # Errors
    /// [`Error::SeriesNotFound`] if a selector matched nothing.
    pub(crate) fn finish(self) -> Result<SdmxData> {
        let mut out = Vec::with_capacity(self.series.len());
        for b in self.series {
            let mut s = b.series;
            s.observations = b.observations.into_iter().flatten().collect();
            if let Some(first) = s.observations.first() {
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
            out.push(s);
        }
        if out.is_empty()
            && let Some(s) = self.selector
        {
            return Err(Error::SeriesNotFound {
                selector: s.text().to_owned().into(),
                examples: Vec::new().into(),
            });
        }
        Ok(SdmxData { series: out })
    }
}

impl Sink for AllSeries {
    fn wants(&mut self, flow: Option<&str>, key: &[&str]) -> bool {
        self.selector.as_ref().is_none_or(|s| s.matches(flow, key))
    }

    fn row(&mut self, row: &Row<'_>, pos: &dyn Fn() -> Pos) -> Result<()> {
        if let Action::Delete { measure } = row.action {
            for b in &mut self.series {
                if !row.covers(&b.series.dataflow, &b.series.key_values) {
                    continue;
                }
                if row.time.is_empty() {
                    b.observations.iter_mut().for_each(|o| *o = None);
                    b.times = None;
                    continue;
                }
                let key = period_key(row.time);
                let found = b.times().get(&key).copied();
                if let Some(i) = found
                    && let Some(slot) = b.observations.get_mut(i)
                {
                    if measure {
                        if let Some(o) = slot {
                            o.value = None;
                        }
                    } else {
                        *slot = None;
                        b.times().remove(&key);
                    }
                }
            }
            return Ok(());
        }
        if let Some((flow, key)) = &self.skipped
            && row.same_series(flow, key)
        {
            return Ok(());
        }
        let id = (
            row.flow.filter(|f| !f.is_empty()).map(str::to_owned),
            row.dims
                .iter()
                .map(|(_, v)| (*v).to_owned())
                .collect::<Vec<_>>(),
        );
        let i = match self.index.get(&id) {
            Some(&i) => i,
            None => {
                if let Some(s) = &self.selector
                    && !s.matches(row.flow, &row.values())
                {
                    self.skipped = Some(id);
                    return Ok(());
                }
                self.series.push(Building {
                    series: SdmxSeries {
                        key: row.key(),
                        dataflow: id.0.clone(),
                        key_values: id.1.clone(),
                        dimensions: row
                            .dims
                            .iter()
                            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                            .collect(),
                        attributes: BTreeMap::new(),
                        observations: Vec::new(),
                        freq: row.freq().map(str::to_owned),
                    },
                    observations: Vec::new(),
                    times: None,
                });
                self.index.insert(id, self.series.len() - 1);
                self.series.len() - 1
            }
        };
        let Some(b) = self.series.get_mut(i) else {
            return Ok(());
        };
        let mut attributes = BTreeMap::new();
        let (mut status, mut flag) = (None, None);
        for &(k, v) in row.attributes {
            if v.is_empty() {
                continue;
            }
            // Column ids compare ASCII case-insensitively, as everywhere in SDMX-CSV.
            if k.eq_ignore_ascii_case("OBS_STATUS") {
                status = Some(ObsStatus::from_code(v));
                continue;
            }
            if k.eq_ignore_ascii_case("OBS_FLAG") {
                flag = Some(ObsStatus::from_code(v));
            }
            attributes.insert(k.to_owned(), v.to_owned());
        }
        let at = match pos() {
            Pos::Line { line, .. } => ObsAt::Line(line),
            Pos::Path(p) => ObsAt::Path(p),
            Pos::Row(r) => ObsAt::Line(r as u64),
        };
        let observation = SdmxObservation {
            time: row.time.to_owned(),
            value: row.value,
            status: status.or(flag),
            attributes,
            at,
        };
        let key = period_key(row.time);
        if row.action == Action::Replace
            && let Some(&j) = b.times().get(&key)
            && let Some(slot) = b.observations.get_mut(j)
        {
            *slot = Some(observation);
            return Ok(());
        }
        self.values += 1;
        self.options.check_values(self.values)?;
        let j = b.observations.len();
        if let Some(times) = &mut b.times {
            times.insert(key, j);
        }
        b.observations.push(Some(observation));
        Ok(())
    }
}

/// The key of a time period for replacing and deleting: its first month
/// when it names a period, else the text as written.
fn period_key(time: &str) -> String {
    match time_token(time).ok().and_then(token_month) {
        Some(m) => format!("\u{1}{m}"),
        None => time.to_owned(),
    }
}
