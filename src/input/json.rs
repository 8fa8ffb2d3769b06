//! JSON through the [`Guard`], streamed with serde: the document is never
//! held whole, and the crate's errors (with their JSON path) survive serde.

use std::cell::RefCell;
use std::fmt;
use std::io::{BufReader, Read};

use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::Value as Json;

use crate::error::{Error, Result};

use super::{CHUNK, Guard, HoldLimit, Missing, ReadOptions, parse_number};

/// Where a visitor leaves the crate's error, which serde cannot carry.
pub(crate) type Slot = RefCell<Option<Error>>;

/// Stores `e` in `slot` and gives serde an error that stops the parse.
pub(crate) fn fail<E: serde::de::Error>(slot: &Slot, e: Error) -> E {
    let message = e.to_string();
    *slot.borrow_mut() = Some(e);
    E::custom(message)
}

/// The JSON deserializer of a guarded reader.
pub(crate) type De<'a, 'g, R> =
    serde_json::Deserializer<serde_json::de::IoRead<&'a mut BufReader<&'g mut Guard<R>>>>;

/// Parses `reader` as one JSON document with `run`, through a [`Guard`]
/// enforcing `options`; `run` gets the slot for the crate's errors and the
/// guard's [`HoldLimit`].
///
/// # Errors
/// The error `run` left in the slot; a limit of the guard
/// ([`Error::InputTooLarge`], [`Error::DataBeforeStructure`]); [`Error::Json`]
/// for malformed JSON (including invalid UTF-8) or trailing characters;
/// [`Error::Io`] if the reader fails.
pub(crate) fn parse<R: Read, T>(
    reader: R,
    options: &ReadOptions,
    run: impl FnOnce(
        &mut De<'_, '_, R>,
        &Slot,
        &HoldLimit,
    ) -> core::result::Result<T, serde_json::Error>,
) -> Result<T> {
    let mut guard = Guard::document(reader, options);
    let hold = guard.hold_limit();
    let slot = Slot::default();
    let out = {
        // serde_json reads a byte at a time: the buffer spares the guard.
        let mut buffered = BufReader::with_capacity(CHUNK, &mut guard);
        let mut de = serde_json::Deserializer::from_reader(&mut buffered);
        run(&mut de, &slot, &hold).and_then(|t| de.end().map(|()| t))
    };
    out.map_err(|e| match slot.take() {
        Some(mine) => mine,
        None if e.is_io() => guard.explain(Error::Io(e.into())),
        None => guard.explain(Error::Json(e)),
    })
}

/// The JSON type of `v`, for messages.
pub(crate) fn kind(v: &Json) -> &'static str {
    match v {
        Json::Null => "null",
        Json::Bool(_) => "a boolean",
        Json::Number(_) => "a number",
        Json::String(_) => "a string",
        Json::Array(_) => "an array",
        Json::Object(_) => "an object",
    }
}

/// `source` at the JSON path `path`.
pub(crate) fn at(path: impl Into<String>, source: Error) -> Error {
    Error::At {
        path: path.into().into(),
        source: Box::new(source),
    }
}

/// [`Error::UnexpectedJson`] at `path`: `expected` there, `found` instead
/// (`None` for an absent member).
pub(crate) fn expected(
    path: impl Into<String>,
    expected: &'static str,
    found: Option<&Json>,
) -> Error {
    at(
        path,
        Error::UnexpectedJson {
            expected,
            found: found.map_or("missing", kind),
        },
    )
}

/// A visitor that accepts one JSON type and reports any other as
/// [`Error::UnexpectedJson`] at its path, through the slot.
pub(crate) struct Wrong<'a> {
    pub(crate) slot: &'a Slot,
    pub(crate) path: &'a str,
    pub(crate) expected: &'static str,
}

impl Wrong<'_> {
    pub(crate) fn found<E: serde::de::Error>(&self, found: &'static str) -> E {
        fail(
            self.slot,
            at(
                self.path,
                Error::UnexpectedJson {
                    expected: self.expected,
                    found,
                },
            ),
        )
    }
}

/// Implements the visitor methods of every JSON type but the accepted ones
/// as a [`Wrong`] report.
macro_rules! reject_others {
    ($wrong:ident; $($method:ident($($arg:ty)?) => $found:literal),* $(,)?) => {
        $(
            fn $method<E: serde::de::Error>(self $(, _: $arg)?) -> core::result::Result<Self::Value, E> {
                Err(self.$wrong().found($found))
            }
        )*
    };
}
pub(crate) use reject_others;

/// What a FRED/ALFRED `series/observations` document says besides its
/// observations: the document's real-time period, the default of each
/// observation's.
#[derive(Debug, Default)]
pub(crate) struct FredDocument {
    pub(crate) realtime_start: Option<Json>,
    pub(crate) realtime_end: Option<Json>,
}

/// Streams the observations of a FRED/ALFRED JSON document, calling `each`
/// with the index and the object of every one, in order, without holding
/// the document.
///
/// # Errors
/// [`Error::UnexpectedJson`] at `$` for a document that is not an object, at
/// `$.observations` if it is absent or not an array; whatever `each`
/// returns; as [`parse`].
pub(crate) fn fred_observations<R: Read>(
    reader: R,
    options: &ReadOptions,
    mut each: impl FnMut(usize, &Json) -> Result<()>,
) -> Result<FredDocument> {
    parse(reader, options, |de, slot, _| {
        let root = FredRoot {
            slot,
            each: &mut each,
        };
        de.deserialize_any(root)
    })
}

/// The `date` and `value` of FRED observation `i`: `value` a string (a
/// missing marker or a number), a number, or `null`.
///
/// # Errors
/// [`Error::UnexpectedJson`] for a member of the wrong type or absent; a
/// value error ([`Error::NotANumber`], [`Error::ValueTooLarge`]); each at
/// the member's path.
pub(crate) fn fred_date_value(
    i: usize,
    obs: &Json,
    missing: &Missing,
) -> Result<(String, Option<f64>)> {
    let path = |member: &str| format!("$.observations[{i}]{member}");
    let Json::Object(obs) = obs else {
        return Err(expected(path(""), "an object", Some(obs)));
    };
    let date = match obs.get("date") {
        Some(Json::String(s)) => s.trim().to_owned(),
        other => return Err(expected(path(".date"), "a string", other)),
    };
    let value = match obs.get("value") {
        Some(Json::String(s)) if missing.is_missing(s.trim()) => None,
        Some(Json::String(s)) => Some(parse_number(s.trim()).map_err(|e| at(path(".value"), e))?),
        Some(Json::Number(n)) => match n.as_f64().filter(|x| x.is_finite()) {
            Some(x) => Some(x),
            None => {
                return Err(at(
                    path(".value"),
                    Error::ValueTooLarge {
                        text: n.to_string().into(),
                    },
                ));
            }
        },
        Some(Json::Null) => None,
        other => return Err(expected(path(".value"), "a string", other)),
    };
    Ok((date, value))
}

struct FredRoot<'a, F> {
    slot: &'a Slot,
    each: &'a mut F,
}

impl<'de, F: FnMut(usize, &Json) -> Result<()>> Visitor<'de> for FredRoot<'_, F> {
    type Value = FredDocument;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object")
    }

    fn visit_map<A: MapAccess<'de>>(
        self,
        mut map: A,
    ) -> core::result::Result<FredDocument, A::Error> {
        let mut doc = FredDocument::default();
        let mut seen = false;
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "observations" => {
                    seen = true;
                    map.next_value_seed(Observations {
                        slot: self.slot,
                        each: &mut *self.each,
                    })?;
                }
                "realtime_start" => doc.realtime_start = Some(map.next_value()?),
                "realtime_end" => doc.realtime_end = Some(map.next_value()?),
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        if !seen {
            return Err(fail(
                self.slot,
                expected("$.observations", "an array", None),
            ));
        }
        Ok(doc)
    }

    reject_others!(wrong;
        visit_bool(bool) => "a boolean",
        visit_i64(i64) => "a number",
        visit_u64(u64) => "a number",
        visit_f64(f64) => "a number",
        visit_str(&str) => "a string",
        visit_unit() => "null",
    );

    fn visit_seq<A: SeqAccess<'de>>(self, _: A) -> core::result::Result<FredDocument, A::Error> {
        Err(fail(
            self.slot,
            expected("$", "an object", Some(&Json::Array(Vec::new()))),
        ))
    }
}

impl<F> FredRoot<'_, F> {
    fn wrong(&self) -> Wrong<'_> {
        Wrong {
            slot: self.slot,
            path: "$",
            expected: "an object",
        }
    }
}

struct Observations<'a, F> {
    slot: &'a Slot,
    each: &'a mut F,
}

impl<'de, F: FnMut(usize, &Json) -> Result<()>> DeserializeSeed<'de> for Observations<'_, F> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> core::result::Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de, F: FnMut(usize, &Json) -> Result<()>> Visitor<'de> for Observations<'_, F> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> core::result::Result<(), A::Error> {
        let mut i = 0usize;
        while let Some(obs) = seq.next_element::<Json>()? {
            (self.each)(i, &obs).map_err(|e| fail(self.slot, e))?;
            i += 1;
        }
        Ok(())
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

impl<F> Observations<'_, F> {
    fn wrong(&self) -> Wrong<'_> {
        Wrong {
            slot: self.slot,
            path: "$.observations",
            expected: "an array",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn count(json: &str) -> Result<usize> {
        let mut n = 0;
        fred_observations(json.as_bytes(), &ReadOptions::new(), |_, _| {
            n += 1;
            Ok(())
        })?;
        Ok(n)
    }

    #[test]
    fn streams_and_reports_paths() {
        assert_eq!(
            count(r#"{"a":[1,{"b":2}],"observations":[{},{}],"z":1}"#).unwrap(),
            2
        );
        let e = count("[]").unwrap_err();
        assert_eq!(e.to_string(), "at $: expected an object, found an array");
        let e = count(r#"{"observations":{}}"#).unwrap_err();
        assert_eq!(
            e.to_string(),
            "at $.observations: expected an array, found an object"
        );
        let e = count(r#"{"x":1}"#).unwrap_err();
        assert_eq!(
            e.to_string(),
            "at $.observations: expected an array, found missing"
        );
        let e = count("{\"observations\":[\n{\"date\":}").unwrap_err();
        assert!(matches!(e, Error::Json(_)), "{e}");
        assert!(e.to_string().contains("line 2"), "{e}");
        let e = count("{\"observations\":[]} x").unwrap_err();
        assert!(matches!(e, Error::Json(_)), "{e}");
        // Invalid UTF-8 is a JSON error, not a CSV one.
        let e = fred_observations(
            &b"{\"observations\":[\"\xff\"]}"[..],
            &ReadOptions::new(),
            |_, _| Ok(()),
        )
        .unwrap_err();
        assert!(matches!(e, Error::Json(_)), "{e}");
    }
}
