//! CSV reading, plain and FRED forms, typed and inferred: a typed error or a
//! series that round-trips through CSV and JSON bit for bit.
#![no_main]

use econseries::io::ReadOptions;
use econseries::{AnySeries, Frequency, Month, Quarter, Series, Year};
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let inferred = AnySeries::read_csv(data);
    // Limits only ever turn a result into an error, never into another result.
    let small = ReadOptions::new()
        .max_line_len(24)
        .max_rows(6)
        .max_bytes(256);
    if let Ok(limited) = AnySeries::read_csv_with(data, &small) {
        assert_eq!(Some(&limited), inferred.as_ref().ok());
    }
    if let Ok(any) = &inferred {
        common::assert_round_trips(any);
        // Reading at the inferred frequency gives the same series.
        let stated = AnySeries::read_csv_as(data, any.frequency());
        assert_eq!(stated.ok().as_ref(), Some(any));
    }
    for f in [Frequency::Monthly, Frequency::Quarterly, Frequency::Annual] {
        if let Ok(any) = AnySeries::read_csv_as(data, f) {
            assert_eq!(any.frequency(), f);
            common::assert_round_trips(&any);
        }
    }
    let m = Series::<Month>::read_csv(data);
    let q = Series::<Quarter>::read_csv(data);
    let y = Series::<Year>::read_csv(data);
    if let Ok(s) = &m {
        assert_eq!(
            AnySeries::read_csv_as(data, Frequency::Monthly).ok(),
            Some(AnySeries::Monthly(s.clone()))
        );
    }
    if let Ok(s) = &q {
        assert_eq!(
            AnySeries::read_csv_as(data, Frequency::Quarterly).ok(),
            Some(AnySeries::Quarterly(s.clone()))
        );
    }
    if let Ok(s) = &y {
        assert_eq!(
            AnySeries::read_csv_as(data, Frequency::Annual).ok(),
            Some(AnySeries::Annual(s.clone()))
        );
    }
});
