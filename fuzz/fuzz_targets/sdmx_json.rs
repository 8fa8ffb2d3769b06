//! SDMX-JSON 1.0/2.0, streamed: a typed error or a message whose series
//! convert (or fail with a typed error); the streamed single series equals
//! the whole message's.
#![no_main]

use econseries::AnySeries;
use econseries::io::sdmx::SdmxData;
use econseries::io::{Format, ReadOptions};
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let sdmx = ReadOptions::new().format(Format::SdmxJson);
    let full = SdmxData::read(data, &sdmx);
    if let Ok(any) = AnySeries::read(data, &sdmx) {
        common::assert_any_finite("sdmx json", &any);
        let whole = full
            .as_ref()
            .ok()
            .and_then(|m| m.pick(None).ok())
            .and_then(|s| s.to_any().ok());
        assert_eq!(
            whole.as_ref(),
            Some(&any),
            "streamed and whole readings differ"
        );
    }
    let Ok(msg) = full else {
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
