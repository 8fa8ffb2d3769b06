//! SDMX-JSON 1.0 and 2.0 data messages.

use serde_json::{Map, Value as Json};

use super::{Builder, Obs, SdmxData, parse_obs_value};
use crate::error::{Error, Result};
use crate::io::fred_json::{at, expected};
use crate::vintage::raw::Pos;

impl SdmxData {
    /// Reads an SDMX-JSON 1.0 or 2.0 data message (see the
    /// [module docs](crate::io::sdmx)).
    ///
    /// # Errors
    /// [`Error::Json`] for malformed JSON (its message gives line and
    /// column); otherwise [`Error::At`] with the JSON path of the offending
    /// value, wrapping [`Error::UnexpectedJson`] (a missing or mistyped
    /// member, a key or index that does not fit the structure) or a value
    /// error ([`Error::NotANumber`], [`Error::NonFinite`]).
    /// [`Error::NoObservations`] if no data set holds an observation.
    ///
    /// # Example
    /// ```
    /// use econseries::io::sdmx::SdmxData;
    ///
    /// let json = r#"{"structure":{"dimensions":{
    ///     "series":[{"id":"FREQ","keyPosition":0,"values":[{"id":"Q"}]},
    ///               {"id":"REF_AREA","keyPosition":1,"values":[{"id":"DE"},{"id":"FR"}]}],
    ///     "observation":[{"id":"TIME_PERIOD","values":[{"id":"2025-Q1"},{"id":"2025-Q2"}]}]},
    ///   "attributes":{"observation":[{"id":"OBS_STATUS","values":[{"id":"A"},{"id":"P"}]}]}},
    ///  "dataSets":[{"series":{"0:1":{"observations":{"0":[0.1,0],"1":[0.3,1]}}}}]}"#;
    /// let data = SdmxData::from_json(json)?;
    /// let fr = data.pick(Some("Q.FR"))?;
    /// assert_eq!(fr.observations()[1].value(), Some(0.3));
    /// assert_eq!(fr.observations()[1].status().map(|s| s.code()), Some("P"));
    ///
    /// let bad = json.replace(r#""1":[0.3,1]"#, r#""7":[0.3,1]"#);
    /// let e = SdmxData::from_json(&bad).unwrap_err();
    /// assert!(e.to_string().starts_with(r#"at $.dataSets[0].series["0:1"].observations["7"]: "#));
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn from_json(json: &str) -> Result<SdmxData> {
        Self::from_json_document(json)
    }

    /// Reads an SDMX-JSON data message from a reader, within
    /// [`ReadOptions::max_bytes`](crate::io::ReadOptions::max_bytes) (the
    /// message is parsed as a whole, so its size bounds memory).
    ///
    /// # Errors
    /// As [`from_json`](Self::from_json); [`Error::InputTooLarge`] past the
    /// limit; [`Error::Io`] if the reader fails.
    ///
    /// # Example
    /// ```
    /// use econseries::{Error, io::{ReadOptions, sdmx::SdmxData}};
    ///
    /// let e = SdmxData::read_json_with(std::io::repeat(b' '), &ReadOptions::new().max_bytes(4096)).unwrap_err();
    /// assert!(matches!(e, Error::InputTooLarge { limit: 4096 }));
    /// # Ok::<(), Error>(())
    /// ```
    pub fn read_json_with(
        reader: impl std::io::Read,
        options: &crate::io::ReadOptions,
    ) -> Result<SdmxData> {
        Self::from_json_document(&crate::io::limits::read_document(reader, options)?)
    }

    fn from_json_document(json: &str) -> Result<SdmxData> {
        let doc: Json = serde_json::from_str(json)?;
        let Json::Object(root) = &doc else {
            return Err(expected("$", "an object", Some(&doc)));
        };
        let (structures, datasets, datasets_path): (Vec<(String, &Json)>, Option<&Json>, &str) =
            if let Some(s) = root.get("structure") {
                (
                    vec![("$.structure".to_owned(), s)],
                    root.get("dataSets"),
                    "$.dataSets",
                )
            } else if let Some(data) = root.get("data") {
                let Json::Object(data) = data else {
                    return Err(expected("$.data", "an object", Some(data)));
                };
                let structures = match data.get("structures") {
                    Some(Json::Array(list)) => list
                        .iter()
                        .enumerate()
                        .map(|(i, s)| (format!("$.data.structures[{i}]"), s))
                        .collect(),
                    Some(other) => {
                        return Err(expected("$.data.structures", "an array", Some(other)));
                    }
                    None => match data.get("structure") {
                        Some(s) => vec![("$.data.structure".to_owned(), s)],
                        None => return Err(expected("$.data.structures", "an array", None)),
                    },
                };
                (structures, data.get("dataSets"), "$.data.dataSets")
            } else {
                return Err(expected("$.structure", "an object", None));
            };
        let datasets = match datasets {
            Some(Json::Array(d)) => d,
            other => return Err(expected(datasets_path, "an array", other)),
        };
        let mut builder = Builder::default();
        let mut count = 0usize;
        for (d, ds) in datasets.iter().enumerate() {
            let path = format!("{datasets_path}[{d}]");
            let Json::Object(ds) = ds else {
                return Err(expected(path, "an object", Some(ds)));
            };
            let index = match ds.get("structure") {
                None => 0,
                Some(Json::Number(n)) => n.as_u64().map_or(usize::MAX, |n| n as usize),
                Some(other) => {
                    return Err(expected(
                        format!("{path}.structure"),
                        "an index",
                        Some(other),
                    ));
                }
            };
            let Some((spath, structure)) = structures.get(index) else {
                return Err(at(
                    format!("{path}.structure"),
                    Error::UnexpectedJson {
                        expected: "an index into the structures",
                        found: "an index out of range",
                    },
                ));
            };
            let st = Structure::parse(structure, spath)?;
            count += st.read(ds, &path, &mut builder)?;
        }
        if count == 0 {
            return Err(Error::NoObservations);
        }
        Ok(builder.finish())
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

    /// Reads one data set into `builder`, returning the number of observations.
    fn read(&self, ds: &Map<String, Json>, path: &str, builder: &mut Builder) -> Result<usize> {
        let ds_dims: Vec<usize> = vec![0; Self::level(&self.dims, Level::DataSet).len()];
        let ds_attrs = self.dataset_attributes(ds, path)?;
        let mut count = 0;
        if let Some(series) = ds.get("series") {
            let Json::Object(series) = series else {
                return Err(expected(
                    format!("{path}.series"),
                    "an object",
                    Some(series),
                ));
            };
            for (skey, s) in series {
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
                    None | Some(Json::Null) => continue,
                    Some(Json::Object(o)) => o,
                    Some(other) => {
                        return Err(expected(
                            format!("{spath}.observations"),
                            "an object",
                            Some(other),
                        ));
                    }
                };
                for (okey, obs) in observations {
                    let opath = format!("{spath}.observations[{okey:?}]");
                    let o_dims = indices(
                        okey,
                        Self::level(&self.dims, Level::Observation).len(),
                        &opath,
                    )?;
                    let levels = [&ds_dims, &s_dims, &o_dims];
                    builder.push(self.observation(levels, obs, &opath, [&ds_attrs, &s_attrs])?);
                    count += 1;
                }
            }
        } else if let Some(observations) = ds.get("observations") {
            let Json::Object(observations) = observations else {
                return Err(expected(
                    format!("{path}.observations"),
                    "an object",
                    Some(observations),
                ));
            };
            for (okey, obs) in observations {
                let opath = format!("{path}.observations[{okey:?}]");
                let o_dims = indices(
                    okey,
                    Self::level(&self.dims, Level::Observation).len(),
                    &opath,
                )?;
                let levels = [&ds_dims, &Vec::new(), &o_dims];
                builder.push(self.observation(levels, obs, &opath, [&ds_attrs, &Vec::new()])?);
                count += 1;
            }
        }
        Ok(count)
    }

    /// Data-set attributes: given by index in the data set (2.0), or the one
    /// value of the attribute in the structure (1.0).
    fn dataset_attributes(
        &self,
        ds: &Map<String, Json>,
        path: &str,
    ) -> Result<Vec<(String, String)>> {
        if let Some(Json::Array(a)) = ds.get("attributes") {
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
        attrs: [&Vec<(String, String)>; 2],
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
                            text: n.to_string(),
                        },
                    ));
                }
            },
            Some(Json::String(s)) => {
                parse_obs_value(s, false).map_err(|e| at(format!("{path}[0]"), e))?
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
            dataflow: self.flow.clone(),
            dimensions,
            time,
            value,
            attributes,
            pos: Pos::Path(path.to_owned()),
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
