//! ALFRED's vintage-column CSV: a typed error or a vintaged series whose
//! views are finite or missing.
#![no_main]

use econseries::vintage::AnyVintagedSeries;
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let full = AnyVintagedSeries::read_alfred_csv(data);
    let small = econseries::io::ReadOptions::new()
        .max_line_len(48)
        .max_rows(4);
    if let Ok(limited) = AnyVintagedSeries::read_alfred_csv_with(data, &small) {
        assert_eq!(Some(&limited), full.as_ref().ok());
    }
    let Ok(v) = full else {
        return;
    };
    common::assert_any_finite("latest", &v.latest());
    common::assert_any_finite("first release", &v.first_release());
    common::assert_any_finite("second release", &v.release(1));
    for d in v.vintage_dates() {
        common::assert_any_finite("as of", &v.as_of(d));
    }
    if let Ok((first, latest, stats)) = v.revisions() {
        common::assert_any_finite("first", &first);
        common::assert_any_finite("latest", &latest);
        let _ = stats;
    }
    let _ = v.units(econseries::Units::Pc1);
});
