//! SDMX-JSON 1.0/2.0: a typed error or a message whose series convert to
//! series (or fail with a typed error).
#![no_main]

use econseries::io::sdmx::SdmxData;
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = core::str::from_utf8(data) else {
        return;
    };
    let Ok(msg) = SdmxData::from_json(text) else {
        return;
    };
    for s in msg.series() {
        let _ = s.frequency();
        if let Ok(any) = s.to_any() {
            common::assert_any_finite("sdmx json", &any);
        }
        for o in s.observations() {
            assert!(o.value().is_none_or(f64::is_finite));
        }
    }
    let _ = msg.to_csv_string();
});
