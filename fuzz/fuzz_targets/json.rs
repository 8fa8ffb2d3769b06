//! The series JSON: a typed error or a series that serialises back to JSON
//! reading to the same series; limits never change a result.
#![no_main]

use econseries::io::{Format, ReadOptions};
use econseries::{AnySeries, Month, Quarter, Series, Year};
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let json = ReadOptions::new().format(Format::Json);
    let full = AnySeries::read(data, &json);
    let small = json.clone().max_bytes(128);
    if let Ok(limited) = AnySeries::read(data, &small) {
        assert_eq!(Some(limited), full.as_ref().ok().cloned());
    }
    if let Ok(any) = &full {
        common::assert_any_finite("json", any);
        if !any.is_empty() {
            common::assert_round_trips(any);
        }
        let text = any.to_json().unwrap_or_default();
        let again = AnySeries::read(text.as_bytes(), &json);
        assert_eq!(again.ok().as_ref(), Some(any));
    }
    if let Ok(s) = Series::<Month>::read(data, &json) {
        common::assert_finite("json", &s);
    }
    if let Ok(s) = Series::<Quarter>::read(data, &json) {
        common::assert_finite("json", &s);
    }
    if let Ok(s) = Series::<Year>::read(data, &json) {
        common::assert_finite("json", &s);
    }
});
