//! Helpers shared by the fuzz targets: turning raw bytes into values and series.
#![allow(dead_code)]

use econseries::io::{Format, ReadOptions};
use econseries::{AnySeries, Month, Period, Quarter, Series, Year};

// The byte decoding lives beside the regression tests (`tests/it/fuzz_decode.rs`),
// so that a crash input kept there reads exactly as the target read it.
#[path = "../../tests/it/fuzz_decode.rs"]
mod decode;
// Each target includes this module; not every one decodes values.
#[allow(unused_imports)]
pub use decode::values;

/// The values with every non-finite number made missing, after checking that
/// the series constructor refuses them.
pub fn finite_series<P: Period>(start: P, values: &[Option<f64>]) -> Series<P> {
    let has_non_finite = values.iter().flatten().any(|x| !x.is_finite());
    let direct = Series::<P>::from_options(start, values.iter().copied());
    assert_eq!(
        direct.is_err(),
        has_non_finite,
        "constructor must reject exactly the non-finite values"
    );
    let cleaned = values.iter().map(|v| v.filter(|x| x.is_finite()));
    match Series::from_options(start, cleaned) {
        Ok(s) => s,
        Err(_) => Series::empty(start),
    }
}

/// A start period for the given frequency selector (0 monthly, 1 quarterly,
/// 2 annual), early enough that a few thousand periods fit.
pub fn any_series(selector: u8, values: &[Option<f64>]) -> AnySeries {
    match selector % 3 {
        0 => AnySeries::Monthly(finite_series(
            Month::new(1990, 1 + u32::from(selector % 12)).unwrap_or(Month::MIN),
            values,
        )),
        1 => AnySeries::Quarterly(finite_series(
            Quarter::new(1990, 1 + u32::from(selector % 4)).unwrap_or(Quarter::MIN),
            values,
        )),
        _ => AnySeries::Annual(finite_series(Year::new(1900).unwrap_or(Year::MIN), values)),
    }
}

/// Every value of `s` is finite (missing values are fine).
pub fn assert_finite<P: Period, U: econseries::Value>(what: &str, s: &Series<P, U>) {
    for (p, v) in s.iter() {
        if let Some(v) = v {
            assert!(v.get().is_finite(), "{what}: non-finite {} at {p}", v.get());
        }
    }
}

/// Every value of `any` is finite.
pub fn assert_any_finite(what: &str, any: &AnySeries) {
    match any {
        AnySeries::Monthly(s) => assert_finite(what, s),
        AnySeries::Quarterly(s) => assert_finite(what, s),
        AnySeries::Annual(s) => assert_finite(what, s),
        _ => {}
    }
}

/// CSV and JSON round trips of a series read from untrusted input: both give
/// back the same series, values bit for bit.
pub fn assert_round_trips(any: &AnySeries) {
    // Two periods far apart make a span of up to 119,988 slots; writing it
    // out twice per input would slow the search a hundredfold for no new code.
    if any.len() > 4096 {
        return;
    }
    let csv = any.to_csv_string();
    let opts = ReadOptions::new().frequency(any.frequency());
    let back = AnySeries::read(csv.as_bytes(), &opts);
    match back {
        Ok(back) => assert_same(any, &back, "csv"),
        // A series with no value at all writes rows of empty values only, which read back as
        // the same span; an empty series writes only the header.
        Err(e) => assert!(any.is_empty(), "csv round trip failed: {e}\n{csv}"),
    }
    let json = any.to_json().unwrap_or_default();
    let back = AnySeries::read(json.as_bytes(), &ReadOptions::new().format(Format::Json))
        .unwrap_or_else(|e| panic!("json round trip failed: {e}\n{json}"));
    assert_same(any, &back, "json");
}

fn assert_same(a: &AnySeries, b: &AnySeries, how: &str) {
    assert_eq!(a.frequency(), b.frequency(), "{how}");
    let bits = |x: &AnySeries| -> Vec<(String, Option<u64>)> {
        match x {
            AnySeries::Monthly(s) => s
                .iter()
                .map(|(p, v)| (p.to_string(), v.map(f64::to_bits)))
                .collect(),
            AnySeries::Quarterly(s) => s
                .iter()
                .map(|(p, v)| (p.to_string(), v.map(f64::to_bits)))
                .collect(),
            AnySeries::Annual(s) => s
                .iter()
                .map(|(p, v)| (p.to_string(), v.map(f64::to_bits)))
                .collect(),
            _ => Vec::new(),
        }
    };
    assert_eq!(bits(a), bits(b), "{how} round trip changed the series");
}
