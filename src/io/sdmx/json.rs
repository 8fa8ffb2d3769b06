//! SDMX-JSON 1.0 and 2.0 data messages, streamed a series at a time into a
//! [`Sink`].

use std::fmt;
use std::io::Read;

use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::value::RawValue;
use serde_json::{Map, Value as Json};

use crate::error::{Error, Result};
use crate::input::json::{Slot, Wrong, at, expected, fail, parse, reject_others};
use crate::input::{HoldLimit, Missing, Peeked, Pos, ReadOptions, SDMX_MISSING, parse_number};

use super::sink::{Action, Row, Sink};

/// How much data-set text is held while the structure has not been read,
/// without [`ReadOptions::max_bytes`].
const HELD: u64 = 128 << 20;

/// Reads an SDMX-JSON message into `sink`.
///
/// # Errors
/// See [`SdmxData::read`](super::SdmxData::read).
pub(crate) fn read<R: Read>(
    input: Peeked<R>,
    options: &ReadOptions,
    sink: &mut impl Sink,
) -> Result<()> {
    read_holding(
        input,
        options,
        sink,
        options.get_max_bytes().unwrap_or(HELD),
    )
}

/// [`read`], holding at most `held` bytes of data sets that come before
/// their structure.
fn read_holding<R: Read>(
    input: R,
    options: &ReadOptions,
    sink: &mut impl Sink,
    held: u64,
) -> Result<()> {
    let missing = Missing::new(options, SDMX_MISSING);
    let mut count = 0usize;
    let mut state = State {
        sink,
        missing: &missing,
        count: &mut count,
        structures: None,
        held: None,
    };
    parse(input, options, |de, slot, hold| {
        let root = Root {
            state: &mut state,
            slot,
            hold,
            held,
            path: "$",
        };
        de.deserialize_any(root)
    })?;
    // Data sets held until the structure came.
    if let Some((path, raw)) = state.held.take() {
        let Some(structures) = state.structures.take() else {
            return Err(expected("$.structure", "an object", None));
        };
        let slot = Slot::default();
        let mut de = serde_json::Deserializer::from_str(raw.get());
        let seed = DataSets {
            structures: &structures,
            sink: &mut *state.sink,
            missing: state.missing,
            count: &mut *state.count,
            slot: &slot,
            path: &path,
        };
        seed.deserialize(&mut de)
            .map_err(|e| slot.take().unwrap_or(Error::Json(e)))?;
    }
    if count == 0 {
        return Err(Error::NoObservations);
    }
    Ok(())
}

/// What the reader has seen so far.
struct State<'a, S> {
    sink: &'a mut S,
    missing: &'a Missing,
    count: &'a mut usize,
    structures: Option<Vec<Structure>>,
    /// Data sets that came before their structure: their path and text.
    held: Option<(String, Box<RawValue>)>,
}

/// The message object (`$`, or `$.data` in 2.0).
struct Root<'s, 'a, S> {
    state: &'s mut State<'a, S>,
    slot: &'s Slot,
    hold: &'s HoldLimit,
    held: u64,
    path: &'static str,
}

impl<S> Root<'_, '_, S> {
    fn wrong(&self) -> Wrong<'_> {
        Wrong {
            slot: self.slot,
            path: self.path,
            expected: "an object",
        }
    }
}

impl<'de, S: Sink> DeserializeSeed<'de> for Root<'_, '_, S> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> core::result::Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de, S: Sink> Visitor<'de> for Root<'_, '_, S> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> core::result::Result<(), A::Error> {
        let data_path = if self.path == "$" {
            "$.dataSets"
        } else {
            "$.data.dataSets"
        };
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "data" if self.path == "$" => {
                    let value = map.next_value_seed(Root {
                        state: &mut *self.state,
                        slot: self.slot,
                        hold: self.hold,
                        held: self.held,
                        path: "$.data",
                    });
                    value?;
                }
                "structure" => {
                    let st: Json = map.next_value()?;
                    let path = format!("{}.structure", self.path);
                    let parsed = Structure::parse(&st, &path).map_err(|e| fail(self.slot, e))?;
                    self.state.structures = Some(vec![parsed]);
                }
                "structures" if self.path == "$.data" => {
                    let list: Json = map.next_value()?;
                    let Json::Array(list) = list else {
                        return Err(fail(
                            self.slot,
                            expected("$.data.structures", "an array", Some(&list)),
                        ));
                    };
                    let parsed = list
                        .iter()
                        .enumerate()
                        .map(|(i, s)| Structure::parse(s, &format!("$.data.structures[{i}]")))
                        .collect::<Result<Vec<_>>>()
                        .map_err(|e| fail(self.slot, e))?;
                    self.state.structures = Some(parsed);
                }
                "dataSets" => match &self.state.structures {
                    Some(structures) => {
                        map.next_value_seed(DataSets {
                            structures,
                            sink: &mut *self.state.sink,
                            missing: self.state.missing,
                            count: &mut *self.state.count,
                            slot: self.slot,
                            path: data_path,
                        })?;
                    }
                    None => {
                        // The structure comes later: hold the text, within a limit.
                        self.hold.set(Some(self.held));
                        let raw = map.next_value::<Box<RawValue>>();
                        self.hold.set(None);
                        self.state.held = Some((data_path.to_owned(), raw?));
                    }
                },
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        if self.state.structures.is_none() {
            return Err(fail(
                self.slot,
                if self.path == "$" {
                    expected("$.structure", "an object", None)
                } else {
                    expected("$.data.structures", "an array", None)
                },
            ));
        }
        Ok(())
    }

    reject_others!(wrong;
        visit_bool(bool) => "a boolean",
        visit_i64(i64) => "a number",
        visit_u64(u64) => "a number",
        visit_f64(f64) => "a number",
        visit_str(&str) => "a string",
        visit_unit() => "null",
    );

    fn visit_seq<A: SeqAccess<'de>>(self, _: A) -> core::result::Result<(), A::Error> {
        Err(self.wrong().found("an array"))
    }
}

/// The `dataSets` array, read one data set and one series at a time.
struct DataSets<'s, S> {
    structures: &'s [Structure],
    sink: &'s mut S,
    missing: &'s Missing,
    count: &'s mut usize,
    slot: &'s Slot,
    path: &'s str,
}

impl<S> DataSets<'_, S> {
    fn wrong(&self) -> Wrong<'_> {
        Wrong {
            slot: self.slot,
            path: self.path,
            expected: "an array",
        }
    }
}

impl<'de, S: Sink> DeserializeSeed<'de> for DataSets<'_, S> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> core::result::Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de, S: Sink> Visitor<'de> for DataSets<'_, S> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> core::result::Result<(), A::Error> {
        let mut d = 0usize;
        loop {
            let path = format!("{}[{d}]", self.path);
            let seed = DataSet {
                structures: self.structures,
                sink: &mut *self.sink,
                missing: self.missing,
                count: &mut *self.count,
                slot: self.slot,
                path: &path,
            };
            if seq.next_element_seed(seed)?.is_none() {
                return Ok(());
            }
            d += 1;
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, _: A) -> core::result::Result<(), A::Error> {
        Err(self.wrong().found("an object"))
    }

    reject_others!(wrong;
        visit_bool(bool) => "a boolean",
        visit_i64(i64) => "a number",
        visit_u64(u64) => "a number",
        visit_f64(f64) => "a number",
        visit_str(&str) => "a string",
        visit_unit() => "null",
    );
}

/// One data set: its members in any order, its series one at a time.
struct DataSet<'s, S> {
    structures: &'s [Structure],
    sink: &'s mut S,
    missing: &'s Missing,
    count: &'s mut usize,
    slot: &'s Slot,
    path: &'s str,
}

impl<S> DataSet<'_, S> {
    fn wrong(&self) -> Wrong<'_> {
        Wrong {
            slot: self.slot,
            path: self.path,
            expected: "an object",
        }
    }
}

impl<'de, S: Sink> DeserializeSeed<'de> for DataSet<'_, S> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> core::result::Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de, S: Sink> Visitor<'de> for DataSet<'_, S> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> core::result::Result<(), A::Error> {
        let slot = self.slot;
        let path = self.path;
        let mut index: Option<usize> = None;
        let mut used = false;
        let mut action = Action::Information;
        let mut attributes: Option<Json> = None;
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "structure" => {
                    let v: Json = map.next_value()?;
                    let i = match &v {
                        Json::Number(n) => n.as_u64().map_or(usize::MAX, |n| n as usize),
                        other => {
                            return Err(fail(
                                slot,
                                expected(format!("{path}.structure"), "an index", Some(other)),
                            ));
                        }
                    };
                    if used && i != index.unwrap_or(0) {
                        return Err(fail(
                            slot,
                            at(
                                format!("{path}.structure"),
                                Error::UnexpectedJson {
                                    expected: "the data set's structure before its observations",
                                    found: "an index after them",
                                },
                            ),
                        ));
                    }
                    index = Some(i);
                }
                "action" => {
                    let v: Json = map.next_value()?;
                    action = match v.as_str() {
                        Some("Replace") => Action::Replace,
                        Some("Delete") => Action::Delete { measure: false },
                        _ => Action::Information,
                    };
                }
                "attributes" => attributes = Some(map.next_value()?),
                "series" | "observations" => {
                    used = true;
                    let i = index.unwrap_or(0);
                    let Some(structure) = self.structures.get(i) else {
                        return Err(fail(
                            slot,
                            at(
                                format!("{path}.structure"),
                                Error::UnexpectedJson {
                                    expected: "an index into the structures",
                                    found: "an index out of range",
                                },
                            ),
                        ));
                    };
                    let ds_attrs = structure
                        .dataset_attributes(attributes.as_ref(), path)
                        .map_err(|e| fail(slot, e))?;
                    let member = Member {
                        structure,
                        sink: &mut *self.sink,
                        missing: self.missing,
                        count: &mut *self.count,
                        slot,
                        path,
                        series: key == "series",
                        action,
                        ds_attrs: &ds_attrs,
                    };
                    map.next_value_seed(member)?;
                }
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(())
    }

    reject_others!(wrong;
        visit_bool(bool) => "a boolean",
        visit_i64(i64) => "a number",
        visit_u64(u64) => "a number",
        visit_f64(f64) => "a number",
        visit_str(&str) => "a string",
        visit_unit() => "null",
    );

    fn visit_seq<A: SeqAccess<'de>>(self, _: A) -> core::result::Result<(), A::Error> {
        Err(self.wrong().found("an array"))
    }
}

/// A data set's `series` (series key → series object, each read whole) or
/// flat `observations` (observation key → cells).
struct Member<'s, S> {
    structure: &'s Structure,
    sink: &'s mut S,
    missing: &'s Missing,
    count: &'s mut usize,
    slot: &'s Slot,
    path: &'s str,
    series: bool,
    action: Action,
    ds_attrs: &'s [(String, String)],
}

impl<S> Member<'_, S> {
    fn wrong(&self) -> Wrong<'_> {
        Wrong {
            slot: self.slot,
            path: self.path,
            expected: "an object",
        }
    }
}

impl<'de, S: Sink> DeserializeSeed<'de> for Member<'_, S> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> core::result::Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de, S: Sink> Visitor<'de> for Member<'_, S> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> core::result::Result<(), A::Error> {
        let st = self.structure;
        let ds_dims: Vec<usize> = vec![0; Structure::level(&st.dims, Level::DataSet).len()];
        while let Some(key) = map.next_key::<String>()? {
            if self.series
                && let Some(series_key) = st.series_key(&ds_dims, &key)
            {
                let values: Vec<&str> = series_key.iter().map(String::as_str).collect();
                if !self.sink.wants(st.flow.as_deref(), &values) {
                    // Not selected: read past it without building it.
                    map.next_value::<IgnoredAny>()?;
                    continue;
                }
            }
            let value: Json = map.next_value()?;
            let emitted = if self.series {
                st.series(
                    &key,
                    &value,
                    self.path,
                    &ds_dims,
                    self.ds_attrs,
                    self.missing,
                    self.action,
                    &mut *self.sink,
                )
            } else {
                let opath = format!("{}.observations[{key:?}]", self.path);
                indices(
                    &key,
                    Structure::level(&st.dims, Level::Observation).len(),
                    &opath,
                )
                .and_then(|o_dims| {
                    let levels = [&ds_dims, &Vec::new(), &o_dims];
                    st.emit(
                        levels,
                        &value,
                        &opath,
                        [self.ds_attrs, &[]],
                        self.missing,
                        self.action,
                        &mut *self.sink,
                    )
                    .map(|()| 1)
                })
            };
            *self.count += emitted.map_err(|e| fail(self.slot, e))?;
        }
        Ok(())
    }

    reject_others!(wrong;
        visit_bool(bool) => "a boolean",
        visit_i64(i64) => "a number",
        visit_u64(u64) => "a number",
        visit_f64(f64) => "a number",
        visit_str(&str) => "a string",
        visit_unit() => "null",
    );

    fn visit_seq<A: SeqAccess<'de>>(self, _: A) -> core::result::Result<(), A::Error> {
        Err(self.wrong().found("an array"))
    }
}

/// A dimension or attribute with the ids (or labels) of its values.
struct Component {
    id: String,
    values: Vec<Option<String>>,
    key_position: Option<u64>,
    time: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Level {
    DataSet,
    Series,
    Observation,
}

const LEVELS: [(Level, &str); 3] = [
    (Level::DataSet, "dataSet"),
    (Level::Series, "series"),
    (Level::Observation, "observation"),
];

struct Structure {
    flow: Option<String>,
    dims: Vec<(Level, Vec<Component>)>,
    attrs: Vec<(Level, Vec<Component>)>,
    /// Non-time dimensions in key order, as (level, index within level).
    key: Vec<(Level, usize)>,
}

/// The text of a value object: its `id`, else `value`, else its name.
fn label(v: &Json) -> Option<String> {
    match v {
        Json::String(s) => Some(s.clone()),
        Json::Number(n) => Some(n.to_string()),
        Json::Object(o) => ["id", "value", "name"]
            .iter()
            .find_map(|k| o.get(*k).and_then(label))
            .or_else(|| o.get("names").and_then(label)),
        _ => None,
    }
    .or_else(|| match v {
        // A localised text: English if present, else any language.
        Json::Object(o) if !o.contains_key("id") => o
            .get("en")
            .or_else(|| o.values().next())
            .and_then(|x| x.as_str().map(str::to_owned)),
        _ => None,
    })
}

impl Structure {
    fn parse(st: &Json, path: &str) -> Result<Structure> {
        let Json::Object(st) = st else {
            return Err(expected(path, "an object", Some(st)));
        };
        let components = |member: &str| -> Result<Vec<(Level, Vec<Component>)>> {
            let group = match st.get(member) {
                None => return Ok(Vec::new()),
                Some(Json::Object(g)) => g,
                Some(other) => {
                    return Err(expected(
                        format!("{path}.{member}"),
                        "an object",
                        Some(other),
                    ));
                }
            };
            let mut out = Vec::new();
            for (level, name) in LEVELS {
                let list = match group.get(name) {
                    None | Some(Json::Null) => Vec::new(),
                    Some(Json::Array(list)) => list
                        .iter()
                        .enumerate()
                        .map(|(i, c)| Component::parse(c, &format!("{path}.{member}.{name}[{i}]")))
                        .collect::<Result<_>>()?,
                    Some(other) => {
                        return Err(expected(
                            format!("{path}.{member}.{name}"),
                            "an array",
                            Some(other),
                        ));
                    }
                };
                out.push((level, list));
            }
            Ok(out)
        };
        let dims = components("dimensions")?;
        let attrs = components("attributes")?;
        if !dims.iter().flat_map(|(_, l)| l).any(|c| c.time) {
            return Err(at(
                format!("{path}.dimensions"),
                Error::UnexpectedJson {
                    expected: "a TIME_PERIOD dimension",
                    found: "missing",
                },
            ));
        }
        let mut key: Vec<(Level, usize, Option<u64>)> = dims
            .iter()
            .flat_map(|(level, list)| {
                list.iter()
                    .enumerate()
                    .filter(|(_, c)| !c.time)
                    .map(move |(i, c)| (*level, i, c.key_position))
            })
            .collect();
        if key.iter().all(|(_, _, p)| p.is_some()) {
            key.sort_by_key(|(_, _, p)| *p);
        }
        Ok(Structure {
            flow: flow(st),
            dims,
            attrs,
            key: key.into_iter().map(|(l, i, _)| (l, i)).collect(),
        })
    }

    fn level(list: &[(Level, Vec<Component>)], level: Level) -> &[Component] {
        list.iter()
            .find(|(l, _)| *l == level)
            .map_or(&[], |(_, c)| c.as_slice())
    }

    /// The key of series `skey` when every key dimension is at the data-set
    /// or series level (else an observation decides part of it); `None` too
    /// for a key that does not fit the structure (reported when read).
    fn series_key(&self, ds_dims: &[usize], skey: &str) -> Option<Vec<String>> {
        let s_dims = indices(skey, Self::level(&self.dims, Level::Series).len(), "").ok()?;
        self.key
            .iter()
            .map(|&(level, i)| {
                let c = Self::level(&self.dims, level).get(i)?;
                let which = match level {
                    Level::DataSet => ds_dims.get(i)?,
                    Level::Series => s_dims.get(i)?,
                    Level::Observation => return None,
                };
                c.values.get(*which).cloned().flatten()
            })
            .collect()
    }

    /// Emits the observations of one series object, returning how many.
    #[allow(clippy::too_many_arguments)]
    fn series(
        &self,
        skey: &str,
        s: &Json,
        path: &str,
        ds_dims: &Vec<usize>,
        ds_attrs: &[(String, String)],
        missing: &Missing,
        action: Action,
        sink: &mut impl Sink,
    ) -> Result<usize> {
        let spath = format!("{path}.series[{skey:?}]");
        let s_dims = indices(skey, Self::level(&self.dims, Level::Series).len(), &spath)?;
        let Json::Object(s) = s else {
            return Err(expected(spath, "an object", Some(s)));
        };
        let s_attrs = match s.get("attributes") {
            None | Some(Json::Null) => Vec::new(),
            Some(Json::Array(a)) => {
                self.attribute_values(Level::Series, a, &format!("{spath}.attributes"))?
            }
            Some(other) => {
                return Err(expected(
                    format!("{spath}.attributes"),
                    "an array",
                    Some(other),
                ));
            }
        };
        let observations = match s.get("observations") {
            None | Some(Json::Null) => return Ok(0),
            Some(Json::Object(o)) => o,
            Some(other) => {
                return Err(expected(
                    format!("{spath}.observations"),
                    "an object",
                    Some(other),
                ));
            }
        };
        let mut count = 0;
        for (okey, obs) in observations {
            let opath = format!("{spath}.observations[{okey:?}]");
            let o_dims = indices(
                okey,
                Self::level(&self.dims, Level::Observation).len(),
                &opath,
            )?;
            let levels = [ds_dims, &s_dims, &o_dims];
            self.emit(
                levels,
                obs,
                &opath,
                [ds_attrs, &s_attrs],
                missing,
                action,
                sink,
            )?;
            count += 1;
        }
        Ok(count)
    }

    /// Emits one observation into `sink`.
    #[allow(clippy::too_many_arguments)]
    fn emit(
        &self,
        levels: [&Vec<usize>; 3],
        obs: &Json,
        path: &str,
        attrs: [&[(String, String)]; 2],
        missing: &Missing,
        action: Action,
        sink: &mut impl Sink,
    ) -> Result<()> {
        let o = self.observation(levels, obs, path, attrs, missing)?;
        let dims: Vec<(&str, &str)> = o
            .dimensions
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        let attributes: Vec<(&str, &str)> = o
            .attributes
            .iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        let row = Row {
            flow: self.flow.as_deref(),
            dims: &dims,
            time: &o.time,
            value: o.value,
            action,
            attributes: &attributes,
        };
        let pos = || Pos::Path(path.to_owned());
        sink.row(&row, &pos).map_err(|e| pos().wrap(e))
    }

    /// Data-set attributes: given by index in the data set (2.0), or the one
    /// value of the attribute in the structure (1.0).
    fn dataset_attributes(
        &self,
        given: Option<&Json>,
        path: &str,
    ) -> Result<Vec<(String, String)>> {
        if let Some(Json::Array(a)) = given {
            return self.attribute_values(Level::DataSet, a, &format!("{path}.attributes"));
        }
        Ok(Self::level(&self.attrs, Level::DataSet)
            .iter()
            .filter_map(|c| match c.values.as_slice() {
                [Some(v)] => Some((c.id.clone(), v.clone())),
                _ => None,
            })
            .collect())
    }

    /// Attribute values of one level from an array of indices or values.
    fn attribute_values(
        &self,
        level: Level,
        values: &[Json],
        path: &str,
    ) -> Result<Vec<(String, String)>> {
        let comps = Self::level(&self.attrs, level);
        let mut out = Vec::new();
        for (j, (c, v)) in comps.iter().zip(values).enumerate() {
            let text = match v {
                Json::Null => None,
                Json::Number(n) => {
                    let i = n.as_u64().and_then(|i| usize::try_from(i).ok());
                    match i.and_then(|i| c.values.get(i)) {
                        Some(v) => v.clone(),
                        None => {
                            return Err(at(
                                format!("{path}[{j}]"),
                                Error::UnexpectedJson {
                                    expected: "an index into the attribute's values",
                                    found: "an index out of range",
                                },
                            ));
                        }
                    }
                }
                Json::Array(items) => {
                    Some(items.iter().filter_map(label).collect::<Vec<_>>().join(";"))
                }
                other => label(other),
            };
            if let Some(t) = text {
                out.push((c.id.clone(), t));
            }
        }
        Ok(out)
    }

    fn observation(
        &self,
        levels: [&Vec<usize>; 3],
        obs: &Json,
        path: &str,
        attrs: [&[(String, String)]; 2],
        missing: &Missing,
    ) -> Result<Obs> {
        let Json::Array(cells) = obs else {
            return Err(expected(path, "an array [value, attributes…]", Some(obs)));
        };
        let value = match cells.first() {
            None | Some(Json::Null) => None,
            Some(Json::Number(n)) => match n.as_f64().filter(|x| x.is_finite()) {
                Some(x) => Some(x),
                None => {
                    return Err(at(
                        format!("{path}[0]"),
                        Error::NotANumber {
                            text: n.to_string().into(),
                        },
                    ));
                }
            },
            Some(Json::String(s)) if missing.is_missing(s.trim()) => None,
            Some(Json::String(s)) => {
                Some(parse_number(s.trim()).map_err(|e| at(format!("{path}[0]"), e))?)
            }
            Some(other) => return Err(expected(format!("{path}[0]"), "a number", Some(other))),
        };
        let value_of = |level: Level, i: usize| -> Option<(String, Option<String>)> {
            let comps = Self::level(&self.dims, level);
            let c = comps.get(i)?;
            let [data_set, series, observation] = levels;
            let which = match level {
                Level::DataSet => data_set,
                Level::Series => series,
                Level::Observation => observation,
            }
            .get(i)?;
            Some((c.id.clone(), c.values.get(*which).cloned().flatten()))
        };
        let out_of_range = || {
            at(
                path,
                Error::UnexpectedJson {
                    expected: "dimension indices within the structure's values",
                    found: "an index out of range",
                },
            )
        };
        let mut dimensions = Vec::with_capacity(self.key.len());
        for &(level, i) in &self.key {
            match value_of(level, i) {
                Some((id, Some(v))) => dimensions.push((id, v)),
                _ => return Err(out_of_range()),
            }
        }
        let mut time = None;
        for (level, comps) in &self.dims {
            for (i, c) in comps.iter().enumerate() {
                if c.time {
                    time = value_of(*level, i).and_then(|(_, v)| v);
                }
            }
        }
        let Some(time) = time else {
            return Err(out_of_range());
        };
        let mut attributes: Vec<(String, String)> =
            attrs[0].iter().chain(attrs[1]).cloned().collect();
        attributes.extend(self.attribute_values(
            Level::Observation,
            cells.get(1..).unwrap_or_default(),
            path,
        )?);
        Ok(Obs {
            dimensions,
            time,
            value,
            attributes,
        })
    }
}

impl Component {
    fn parse(c: &Json, path: &str) -> Result<Component> {
        let Json::Object(o) = c else {
            return Err(expected(path, "an object", Some(c)));
        };
        let id = match o.get("id") {
            Some(Json::String(s)) => s.clone(),
            other => return Err(expected(format!("{path}.id"), "a string", other)),
        };
        let values = match o.get("values") {
            None | Some(Json::Null) => Vec::new(),
            Some(Json::Array(v)) => v.iter().map(label).collect(),
            Some(other) => return Err(expected(format!("{path}.values"), "an array", Some(other))),
        };
        let role = |r: &Json| {
            r.as_str()
                .is_some_and(|r| r.eq_ignore_ascii_case("TIME_PERIOD"))
        };
        let time = id == "TIME_PERIOD"
            || o.get("role").is_some_and(role)
            || matches!(o.get("roles"), Some(Json::Array(rs)) if rs.iter().any(role));
        Ok(Component {
            id,
            values,
            key_position: o.get("keyPosition").and_then(Json::as_u64),
            time,
        })
    }
}

/// The dimension indices of a key such as `0:1:0`.
fn indices(key: &str, expected_len: usize, path: &str) -> Result<Vec<usize>> {
    if expected_len == 0 && key.is_empty() {
        return Ok(Vec::new());
    }
    let parts: Option<Vec<usize>> = key.split(':').map(|p| p.parse().ok()).collect();
    match parts {
        Some(p) if p.len() == expected_len => Ok(p),
        _ => Err(at(
            path,
            Error::UnexpectedJson {
                expected: "a key of one index per dimension at this level",
                found: "a key that does not fit",
            },
        )),
    }
}

/// The dataflow reference from a structure's links: the URN after `=`, or
/// `AGENCY:ID(VERSION)` from a `…/dataflow/AGENCY/ID/VERSION` address.
fn flow(st: &Map<String, Json>) -> Option<String> {
    let links = st.get("links")?.as_array()?;
    let link = links
        .iter()
        .find(|l| l.get("rel").and_then(Json::as_str) == Some("dataflow"))?;
    if let Some(urn) = link.get("urn").and_then(Json::as_str)
        && let Some((_, r)) = urn.split_once('=')
    {
        return Some(r.to_owned());
    }
    let href = link.get("href").and_then(Json::as_str)?;
    let parts: Vec<&str> = href.trim_end_matches('/').rsplit('/').take(3).collect();
    match parts.as_slice() {
        [version, id, agency] => Some(format!("{agency}:{id}({version})")),
        _ => None,
    }
}

/// One observation with everything the message attaches to it.
struct Obs {
    /// Non-time dimensions in key order.
    dimensions: Vec<(String, String)>,
    time: String,
    value: Option<f64>,
    /// Attributes at any level.
    attributes: Vec<(String, String)>,
}

#[cfg(test)]
mod tests {
    use super::super::sink::AllSeries;
    use super::*;

    #[test]
    fn data_sets_before_the_structure_are_held_within_a_limit() {
        let structure = r#"{"dimensions":{"series":[{"id":"FREQ","values":[{"id":"A"}]}],
            "observation":[{"id":"TIME_PERIOD","values":[{"id":"2024"},{"id":"2025"}]}]}}"#;
        // A long member the reader skips makes the data sets larger than its buffers.
        let pad = "x".repeat(64 * 1024);
        let data = format!(
            r#"[{{"notes":"{pad}","series":{{"0":{{"observations":{{"0":[1.5],"1":[2.5]}}}}}}}}]"#
        );
        let later = format!(r#"{{"dataSets":{data},"structure":{structure}}}"#);
        let first = format!(r#"{{"structure":{structure},"dataSets":{data}}}"#);
        let opts = ReadOptions::new();
        for (json, held, ok) in [
            (&later, 1 << 20, true),
            (&later, 20, false),
            (&first, 20, true),
        ] {
            let mut sink = AllSeries::new(&opts);
            let r = read_holding(json.as_bytes(), &opts, &mut sink, held);
            assert_eq!(r.is_ok(), ok, "{held}: {r:?}");
            if ok {
                let d = sink.finish().unwrap();
                assert_eq!(d.series()[0].observations().len(), 2);
            } else {
                assert!(
                    matches!(r, Err(Error::DataBeforeStructure { limit: 20 })),
                    "{r:?}"
                );
            }
        }
    }
}
