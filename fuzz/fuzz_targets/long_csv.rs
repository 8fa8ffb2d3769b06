//! The long CSV (series id, period, value, optional vintage), as a series and
//! as a vintaged series: a typed error or series that are finite or missing;
//! the long form written back reads to the same series; limits never change
//! a result; a selected series is the one read alone.
#![no_main]

use econseries::AnySeries;
use econseries::io::long::write_series;
use econseries::io::{Format, ReadOptions};
use econseries::vintage::AnyVintagedSeries;
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let long = ReadOptions::new().format(Format::LongCsv);
    let small = long
        .clone()
        .max_line_len(48)
        .max_rows(4)
        .max_bytes(512)
        .max_values(3);
    let vintaged = AnyVintagedSeries::read(data, &long);
    if let Ok(limited) = AnyVintagedSeries::read(data, &small) {
        assert_eq!(Some(&limited), vintaged.as_ref().ok());
    }
    if let Ok(v) = &vintaged {
        common::assert_any_finite("first release", &v.first_release());
        common::assert_any_finite("latest", &v.latest());
    }
    // The id of the first data row, as a selector.
    let text = String::from_utf8_lossy(data);
    let id = text
        .lines()
        .nth(1)
        .and_then(|l| l.split(',').next())
        .map(|s| s.trim().to_owned())
        .unwrap_or_default();
    for opts in [long.clone(), long.clone().series(id.clone())] {
        let plain = AnySeries::read(data, &opts);
        if let Ok(limited) = AnySeries::read(data, &opts.clone().max_rows(4).max_values(3)) {
            assert_eq!(Some(&limited), plain.as_ref().ok());
        }
        let Ok(any) = plain else { continue };
        common::assert_any_finite("long", &any);
        if !any.is_empty() && any.len() <= 4096 {
            let mut out = Vec::new();
            if write_series(&mut out, [("X", &any)]).is_ok() {
                match AnySeries::read(out.as_slice(), &ReadOptions::new().series("X")) {
                    Ok(back) => assert_eq!(back, any, "long CSV round trip"),
                    Err(e) => panic!("long CSV round trip failed: {e}"),
                }
            }
        }
    }
});
