//! X-13 spec files: every text is a run description or a typed error
//! naming a line of the text; a description runs (with its saved tables) or
//! fails with an error naming a line of the text; regressors of its
//! variables generate or fail.
#![no_main]

use econseries::Error;
use econseries::x13::regressors::RegressorOptions;
use econseries::x13::spec::X13Spec;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = core::str::from_utf8(data) else {
        return;
    };
    match X13Spec::parse(text) {
        Ok(spec) => {
            let _ = spec.x11_settings();
            match spec.run() {
                Ok(run) => {
                    let _ = spec.saved_tables(&run);
                }
                Err(Error::Spec { line, .. }) => {
                    assert!(line as usize <= text.lines().count().max(1) + 1, "line {line}");
                }
                Err(_) => {}
            }
            if let (Some(r), Ok((span, _))) = (&spec.regression, spec.data_in_span()) {
                if span.len() <= 2_000 {
                    let _ = r.variables.matrix(&span.extend(24), &RegressorOptions::new());
                }
            }
        }
        Err(Error::Spec { line, .. }) => {
            assert!(line as usize <= text.lines().count().max(1) + 1, "line {line}");
        }
        Err(_) => {}
    }
});
