//! FRED/ALFRED API JSON: a typed error or a (vintaged) series whose views are
//! finite or missing.
#![no_main]

use econseries::vintage::AnyVintagedSeries;
use econseries::{AnySeries, Month, Series};
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = core::str::from_utf8(data) else {
        return;
    };
    if let Ok(any) = AnySeries::from_fred_json(text) {
        common::assert_any_finite("fred json", &any);
        common::assert_round_trips(&any);
    }
    if let Ok(s) = Series::<Month>::from_fred_json(text) {
        common::assert_finite("fred json", &s);
    }
    if let Ok(v) = AnyVintagedSeries::from_fred_json(text) {
        common::assert_any_finite("latest", &v.latest());
        common::assert_any_finite("first release", &v.first_release());
        for d in v.vintage_dates() {
            common::assert_any_finite("as of", &v.as_of(d));
        }
        let _ = v.revisions();
    }
});
