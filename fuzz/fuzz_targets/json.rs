//! JSON deserialisation of `Series` and `AnySeries`: a typed error or a series
//! that serialises back to JSON reading to the same series.
#![no_main]

use econseries::{AnySeries, Month, Quarter, Series, Year};
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = core::str::from_utf8(data) else {
        return;
    };
    let small = econseries::io::ReadOptions::new().max_bytes(128);
    if let Ok(limited) = AnySeries::read_json_with(data, &small) {
        assert_eq!(Some(limited), AnySeries::from_json(text).ok());
    }
    if let Ok(any) = AnySeries::from_json(text) {
        common::assert_any_finite("json", &any);
        if !any.is_empty() {
            common::assert_round_trips(&any);
        }
        let again = AnySeries::from_json(&any.to_json().unwrap_or_default());
        assert_eq!(again.ok().as_ref(), Some(&any));
    }
    if let Ok(s) = Series::<Month>::from_json(text) {
        common::assert_finite("json", &s);
    }
    if let Ok(s) = Series::<Quarter>::from_json(text) {
        common::assert_finite("json", &s);
    }
    if let Ok(s) = Series::<Year>::from_json(text) {
        common::assert_finite("json", &s);
    }
});
