//! The long CSV (series id, period, value, optional vintage) and the format
//! sniffer behind `econ vintage`: a typed error or series that are finite or
//! missing; the long form written back reads to the same series.
#![no_main]

use econseries::io::long::{LongCsv, write_series};
use econseries::vintage::AnyVintagedSeries;
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let auto = AnyVintagedSeries::read_auto(data, None);
    let small = econseries::io::ReadOptions::new()
        .max_line_len(48)
        .max_rows(4)
        .max_bytes(512);
    if let Ok(limited) = AnyVintagedSeries::read_auto_with(data, None, &small) {
        assert_eq!(Some(&limited), auto.as_ref().ok());
    }
    let Ok(file) = LongCsv::read(data) else {
        return;
    };
    let ids: Vec<String> = file.ids().map(str::to_owned).collect();
    for id in &ids {
        if let Ok(any) = file.series(Some(id)) {
            common::assert_any_finite("long", &any);
            if !file.is_vintaged() && !any.is_empty() && any.len() <= 4096 {
                let mut out = Vec::new();
                if write_series(&mut out, [(id.as_str(), &any)]).is_ok() {
                    let back = LongCsv::read(out.as_slice()).and_then(|f| f.series(Some(id)));
                    match back {
                        Ok(back) => assert_eq!(back, any, "long CSV round trip"),
                        Err(e) => panic!("long CSV round trip failed: {e}"),
                    }
                }
            }
        }
        if let Ok(v) = file.vintaged(Some(id)) {
            common::assert_any_finite("first release", &v.first_release());
        }
    }
});
