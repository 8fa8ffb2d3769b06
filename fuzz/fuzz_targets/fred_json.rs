//! FRED/ALFRED API JSON, streamed: a typed error or a (vintaged) series
//! whose views are finite or missing; limits never change a result.
#![no_main]

use econseries::io::{Format, ReadOptions};
use econseries::vintage::AnyVintagedSeries;
use econseries::{AnySeries, Month, Series};
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let fred = ReadOptions::new().format(Format::FredJson);
    let plain = AnySeries::read(data, &fred);
    if let Ok(any) = &plain {
        common::assert_any_finite("fred json", any);
        common::assert_round_trips(any);
    }
    let small = fred.clone().max_bytes(200).max_values(3);
    if let Ok(limited) = AnySeries::read(data, &small) {
        assert_eq!(Some(limited), plain.as_ref().ok().cloned());
    }
    if let Ok(s) = Series::<Month>::read(data, &fred) {
        common::assert_finite("fred json", &s);
    }
    let vintaged = AnyVintagedSeries::read(data, &fred);
    if let Ok(limited) = AnyVintagedSeries::read(data, &small) {
        assert_eq!(Some(limited), vintaged.as_ref().ok().cloned());
    }
    if let Ok(v) = vintaged {
        common::assert_any_finite("latest", &v.latest());
        common::assert_any_finite("first release", &v.first_release());
        for d in v.vintage_dates() {
            common::assert_any_finite("as of", &v.as_of(d));
        }
        let _ = v.revisions();
    }
});
