//! SDMX-CSV 1.0/2.0: a typed error or a message whose series convert to
//! series (or fail with a typed error) and whose CSV output reads back.
#![no_main]

use econseries::io::ReadOptions;
use econseries::io::sdmx::{SdmxCsvOptions, SdmxData};
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let full = SdmxData::read_csv(data);
    let small = SdmxCsvOptions::new().limits(ReadOptions::new().max_line_len(64).max_rows(4));
    if let Ok(limited) = SdmxData::read_csv_with(data, &small) {
        assert_eq!(
            Some(limited.to_csv_string()),
            full.as_ref().ok().map(SdmxData::to_csv_string)
        );
    }
    let Ok(msg) = full else {
        return;
    };
    for s in msg.series() {
        let _ = s.key();
        let _ = s.frequency();
        if let Ok(any) = s.to_any() {
            common::assert_any_finite("sdmx csv", &any);
        }
        for o in s.observations() {
            assert!(o.value().is_none_or(f64::is_finite));
        }
    }
    let _ = msg.pick(None);
    let out = msg.to_csv_string();
    let back = SdmxData::from_csv_str(&out);
    assert!(
        back.is_ok(),
        "written SDMX-CSV does not read back: {back:?}\n{out}"
    );
});
