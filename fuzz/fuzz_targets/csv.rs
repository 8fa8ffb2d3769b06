//! CSV reading, plain and FRED forms, typed and inferred: a typed error or a
//! series that round-trips through CSV and JSON bit for bit.
#![no_main]

use econseries::io::{Format, ReadOptions};
use econseries::{AnySeries, Frequency, Month, Quarter, Series, Year};
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let csv = ReadOptions::new().format(Format::Csv);
    let inferred = AnySeries::read(data, &csv);
    // Limits only ever turn a result into an error, never into another result.
    let small = csv
        .clone()
        .max_line_len(24)
        .max_rows(6)
        .max_bytes(256)
        .max_values(5);
    if let Ok(limited) = AnySeries::read(data, &small) {
        assert_eq!(Some(&limited), inferred.as_ref().ok());
    }
    // Detection: input that reads as CSV reads the same when detected as CSV.
    if Format::detect(data) == Format::Csv {
        assert_eq!(
            AnySeries::read(data, &ReadOptions::new()).ok(),
            inferred.as_ref().ok().cloned()
        );
    }
    if let Ok(any) = &inferred {
        common::assert_round_trips(any);
        // Reading at the inferred frequency gives the same series.
        let stated = AnySeries::read(data, &csv.clone().frequency(any.frequency()));
        assert_eq!(stated.ok().as_ref(), Some(any));
    }
    for f in [Frequency::Monthly, Frequency::Quarterly, Frequency::Annual] {
        if let Ok(any) = AnySeries::read(data, &csv.clone().frequency(f)) {
            assert_eq!(any.frequency(), f);
            common::assert_round_trips(&any);
        }
    }
    let stated = |f: Frequency| AnySeries::read(data, &csv.clone().frequency(f)).ok();
    if let Ok(s) = Series::<Month>::read(data, &csv) {
        assert_eq!(stated(Frequency::Monthly), Some(AnySeries::Monthly(s)));
    }
    if let Ok(s) = Series::<Quarter>::read(data, &csv) {
        assert_eq!(stated(Frequency::Quarterly), Some(AnySeries::Quarterly(s)));
    }
    if let Ok(s) = Series::<Year>::read(data, &csv) {
        assert_eq!(stated(Frequency::Annual), Some(AnySeries::Annual(s)));
    }
});
