//! JSON (serde) for [`Series`] and [`AnySeries`].
//!
//! ```text
//! {"frequency":"monthly","unit":"percent","start":"2025-01","values":[1.5,null,2.0]}
//! ```
//!
//! The unit is [`Value::NAME`] (`level`, `percent`, `percentage_points`,
//! `index_points`); reading checks it against the unit asked for, so a
//! growth rate does not come back as percentage points. A document without
//! a `unit` is a series of levels (the form written before the unit was).

use serde::de::Error as _;
use serde::ser::SerializeStruct as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use std::io::Read;

use crate::error::{Error, Result};
use crate::input::json::parse;
use crate::io::AnySeries;
use crate::io::ReadOptions;
use crate::period::{Frequency, Period};
use crate::series::Series;
use crate::unit::Value;

/// The JSON form of a series, before validation.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename = "Series")]
struct Repr {
    frequency: String,
    #[serde(default)]
    unit: Option<String>,
    start: String,
    values: RawValues,
}

/// The `values` array, kept up to the maximum span: a longer array cannot
/// be a series, so its values past the span are checked but not stored, and
/// the error names the full count. A huge array costs time, not memory.
struct RawValues {
    kept: Vec<Option<f64>>,
    count: usize,
}

/// The most slots any series can have: monthly periods from year 1 to 9999.
const MAX_SLOTS: usize = 12 * (crate::period::MAX_YEAR - crate::period::MIN_YEAR + 1) as usize;

impl<'de> Deserialize<'de> for RawValues {
    fn deserialize<D: Deserializer<'de>>(d: D) -> core::result::Result<RawValues, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = RawValues;
            fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str("an array of numbers and nulls")
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> core::result::Result<RawValues, A::Error> {
                let mut kept = Vec::new();
                let mut count = 0usize;
                while let Some(v) = seq.next_element::<Option<f64>>()? {
                    if count < MAX_SLOTS {
                        kept.push(v);
                    }
                    count = count.saturating_add(1);
                }
                Ok(RawValues { kept, count })
            }
        }
        d.deserialize_seq(V)
    }
}

impl Repr {
    fn frequency(&self) -> Result<Frequency> {
        self.frequency.parse()
    }

    /// The series, checking that its frequency is `P`'s, its unit `U`'s
    /// and its span fits.
    fn into_series<P: Period, U: Value>(self) -> Result<Series<P, U>> {
        let found = self.frequency()?;
        if found != P::FREQUENCY {
            return Err(Error::FrequencyMismatch {
                expected: P::FREQUENCY,
                found,
            });
        }
        let unit = self.unit.as_deref().unwrap_or(<f64 as Value>::NAME);
        if unit != U::NAME {
            return Err(Error::UnitMismatch {
                expected: U::NAME,
                found: unit.to_owned().into(),
            });
        }
        let start: P = self.start.parse()?;
        let room = i64::from(P::MAX.index()) - i64::from(start.index()) + 1;
        if self.values.count as i64 > room {
            return Err(Error::PeriodOverflow {
                period: start.into(),
                op: '+',
                amount: self.values.count as i64 - 1,
            });
        }
        // `from_options` rejects non-finite numbers, so wrapping them first is safe.
        Series::from_options(
            start,
            self.values
                .kept
                .into_iter()
                .map(|v| v.map(<U as crate::unit::Sealed>::wrap)),
        )
    }

    fn into_any(self) -> Result<AnySeries> {
        Ok(match self.frequency()? {
            Frequency::Monthly => AnySeries::Monthly(self.into_series()?),
            Frequency::Quarterly => AnySeries::Quarterly(self.into_series()?),
            Frequency::Annual => AnySeries::Annual(self.into_series()?),
        })
    }
}

/// The values of a series as a JSON array, `null` for missing.
struct Values<'a, P: Period, U: Value>(&'a Series<P, U>);

impl<P: Period, U: Value> Serialize for Values<'_, P, U> {
    fn serialize<S: Serializer>(&self, s: S) -> core::result::Result<S::Ok, S::Error> {
        s.collect_seq(self.0.values().map(|v| v.map(Value::get)))
    }
}

/// Serialises as
/// `{"frequency":"monthly","unit":"level","start":"2025-01","values":[1.5,null,2.0]}`:
/// the frequency's name, the unit's ([`Value::NAME`]), the first period in
/// canonical form (also for an empty series, whose anchor it is) and one
/// number or `null` per period.
impl<P: Period, U: Value> Serialize for Series<P, U> {
    fn serialize<S: Serializer>(&self, s: S) -> core::result::Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Series", 4)?;
        st.serialize_field("frequency", P::FREQUENCY.as_str())?;
        st.serialize_field("unit", U::NAME)?;
        st.serialize_field("start", &self.start().to_string())?;
        st.serialize_field("values", &Values(self))?;
        st.end()
    }
}

/// Deserialises the form [`Serialize`] writes, rejecting unknown fields, a
/// frequency other than `P`'s, a unit other than `U`'s (no `unit` means
/// levels), and a span that runs past [`Period::MAX`].
impl<'de, P: Period, U: Value> Deserialize<'de> for Series<P, U> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> core::result::Result<Self, D::Error> {
        Repr::deserialize(d)?
            .into_series()
            .map_err(D::Error::custom)
    }
}

/// Serialises the inner series.
impl Serialize for AnySeries {
    fn serialize<S: Serializer>(&self, s: S) -> core::result::Result<S::Ok, S::Error> {
        match self {
            AnySeries::Monthly(x) => x.serialize(s),
            AnySeries::Quarterly(x) => x.serialize(s),
            AnySeries::Annual(x) => x.serialize(s),
        }
    }
}

/// Deserialises a series of any frequency, dispatching on its `frequency` field.
impl<'de> Deserialize<'de> for AnySeries {
    fn deserialize<D: Deserializer<'de>>(d: D) -> core::result::Result<Self, D::Error> {
        Repr::deserialize(d)?.into_any().map_err(D::Error::custom)
    }
}

impl<P: Period, U: Value> Series<P, U> {
    /// The series as JSON:
    /// `{"frequency":"monthly","unit":"level","start":"2025-01","values":[1.5,null,2.0]}`.
    ///
    /// Numbers are written in their shortest round-trip form, so reading it
    /// back ([`Series::read`]) gives the same bits.
    ///
    /// # Errors
    /// [`Error::Json`] if serialisation fails (it does not for this type; the
    /// `Result` follows `serde_json`).
    ///
    /// # Example
    /// ```
    /// use econseries::{Month, Series};
    ///
    /// let s = Series::from_options(Month::new(2025, 1)?, [Some(1.5), None, Some(2.0)])?;
    /// assert_eq!(s.to_json()?, r#"{"frequency":"monthly","unit":"level","start":"2025-01","values":[1.5,null,2.0]}"#);
    /// // The unit travels with the numbers and is checked on the way back.
    /// let growth = s.pch().to_json()?;
    /// assert!(growth.contains(r#""unit":"percent""#));
    /// let back: Result<Series<Month, econseries::PercentagePoints>, _> = serde_json::from_str(&growth);
    /// assert!(back.is_err());
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn to_json(&self) -> Result<String> {
        Ok(serde_json::to_string(self)?)
    }
}

/// Reads the series JSON, streaming, through the guard of `options`.
///
/// Values past the [maximum span](crate::period#range) are checked but not
/// stored, so even without a byte limit an endless `values` array costs
/// time, not memory.
///
/// # Errors
/// [`Error::Json`] for malformed JSON, a missing or unknown field, or a
/// number too large for an `f64`; [`Error::InvalidArgument`] for an unknown
/// frequency name; [`Error::FrequencyMismatch`] if it is not the stated
/// frequency; [`Error::ParsePeriod`] for a bad `start`;
/// [`Error::PeriodOverflow`] if the values run past the last period;
/// [`Error::InputTooLarge`] past [`ReadOptions::max_bytes`].
pub(crate) fn read(reader: impl Read, options: &ReadOptions) -> Result<AnySeries> {
    let repr = parse(reader, options, |de, _, _| Repr::deserialize(de))?;
    let any = repr.into_any()?;
    match options.get_frequency() {
        Some(f) if f != any.frequency() => Err(Error::FrequencyMismatch {
            expected: f,
            found: any.frequency(),
        }),
        _ => Ok(any),
    }
}

impl AnySeries {
    /// The series as JSON, as [`Series::to_json`] writes it.
    ///
    /// # Errors
    /// [`Error::Json`] if serialisation fails (it does not for this type).
    ///
    /// # Example
    /// ```
    /// use econseries::AnySeries;
    ///
    /// let any = AnySeries::read("1871,1120\n1872,1160\n".as_bytes(), &econseries::io::ReadOptions::new())?;
    /// assert_eq!(any.to_json()?, r#"{"frequency":"annual","unit":"level","start":"1871","values":[1120.0,1160.0]}"#);
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn to_json(&self) -> Result<String> {
        Ok(serde_json::to_string(self)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Month, Percent, Quarter, Year};

    fn from_json<P: Period>(json: &str) -> Result<Series<P>> {
        let opts = ReadOptions::new().format(crate::io::Format::Json);
        Series::<P>::read(json.as_bytes(), &opts)
    }

    #[test]
    fn bits_survive() {
        let xs = [0.1 + 0.2, -0.0, 5e-324, f64::MAX, -1e300, 20493.855247, 1.0];
        let s: Series<Month> =
            Series::from_options(Month::new(2025, 1).unwrap(), xs.map(Some)).unwrap();
        let back = from_json::<Month>(&s.to_json().unwrap()).unwrap();
        for (a, b) in s.values().zip(back.values()) {
            assert_eq!(a.unwrap().to_bits(), b.unwrap().to_bits());
        }
    }

    #[test]
    fn rejects() {
        let bad = |j: &str| from_json::<Quarter>(j).unwrap_err();
        assert!(matches!(
            bad(r#"{"frequency":"weekly","start":"2025-Q1","values":[]}"#),
            Error::InvalidArgument { .. }
        ));
        assert!(matches!(
            bad(r#"{"frequency":"quarterly","start":"2025-05","values":[]}"#),
            Error::ParsePeriod { .. }
        ));
        assert!(matches!(
            bad(r#"{"frequency":"quarterly","start":"2025-Q1","values":[1e400]}"#),
            Error::Json(_)
        ));
        assert!(matches!(
            bad(r#"{"frequency":"quarterly","start":"2025-Q1"}"#),
            Error::Json(_)
        ));
        assert!(matches!(
            bad(r#"{"frequency":"quarterly","start":"2025-Q1","values":[],"x":1}"#),
            Error::Json(_)
        ));
        assert!(matches!(
            bad(r#"{"frequency":"quarterly","start":"9999-Q4","values":[1,2]}"#),
            Error::PeriodOverflow { .. }
        ));
        let e = serde_json::from_str::<Series<Year, Percent>>(
            r#"{"frequency":"monthly","start":"2025-01","values":[]}"#,
        )
        .unwrap_err();
        assert!(
            e.to_string()
                .contains("frequency mismatch: expected annual, found monthly"),
            "{e}"
        );
    }

    #[test]
    fn values_past_the_maximum_span_are_counted_not_kept() {
        let mut json = String::from(r#"{"frequency":"monthly","start":"0001-01","values":["#);
        json.push_str(&vec!["1"; MAX_SLOTS + 5].join(","));
        json.push_str("]}");
        let e = from_json::<Month>(&json).unwrap_err();
        assert!(
            matches!(e, Error::PeriodOverflow { amount, .. } if amount == MAX_SLOTS as i64 + 4),
            "{e}"
        );
        let exact = json.replacen(&",1".repeat(5), "", 1);
        assert_eq!(from_json::<Month>(&exact).unwrap().len(), MAX_SLOTS);
    }

    #[test]
    fn empty_series_keeps_its_anchor() {
        let s: Series<Year> = Series::empty(Year::new(2020).unwrap());
        let j = s.to_json().unwrap();
        assert_eq!(
            j,
            r#"{"frequency":"annual","unit":"level","start":"2020","values":[]}"#
        );
        assert_eq!(from_json::<Year>(&j).unwrap(), s);
    }
}
