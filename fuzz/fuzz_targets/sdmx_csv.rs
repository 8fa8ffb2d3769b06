//! SDMX-CSV 1.0/2.0: a typed error or a message whose series convert (or
//! fail with a typed error) and whose CSV output reads back; the streamed
//! single series equals the whole message's; limits never change a result.
#![no_main]

use econseries::AnySeries;
use econseries::io::sdmx::SdmxData;
use econseries::io::{Format, ReadOptions};
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let sdmx = ReadOptions::new().format(Format::SdmxCsv);
    let full = SdmxData::read(data, &sdmx);
    let small = sdmx.clone().max_line_len(64).max_rows(4).max_values(3);
    if let Ok(limited) = SdmxData::read(data, &small) {
        assert_eq!(
            Some(limited.to_csv_string()),
            full.as_ref().ok().map(SdmxData::to_csv_string)
        );
    }
    let one = AnySeries::read(data, &sdmx);
    if let Ok(any) = &one {
        common::assert_any_finite("sdmx csv", any);
        // The streamed series is the message's only series, converted.
        let whole = full
            .as_ref()
            .ok()
            .and_then(|m| m.pick(None).ok())
            .and_then(|s| s.to_any().ok());
        assert_eq!(
            whole.as_ref(),
            Some(any),
            "streamed and whole readings differ"
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
            // Selected by its full id, streamed: the same series, unless the
            // stream met an invalid row (reported when reached) that a later
            // `D` row deleted from the whole message.
            if let Ok(picked) = AnySeries::read(data, &sdmx.clone().series(s.id())) {
                assert_eq!(picked, any, "selected {}", s.id());
            }
        }
        for o in s.observations() {
            assert!(o.value().is_none_or(f64::is_finite));
        }
    }
    let out = msg.to_csv_string();
    let back = SdmxData::read(out.as_bytes(), &sdmx);
    assert!(
        back.is_ok() || msg.is_empty(),
        "written SDMX-CSV does not read back: {back:?}\n{out}"
    );
});
