//! One integration-test binary; one module per area.

mod aictest;
mod bad_input;
mod changepoint;
mod changepoint_properties;
mod detect;
mod detector_paths;
mod fixtures;
mod fuzz_decode;
mod fuzz_regressions;
mod identity;
mod indicator;
mod io;
mod narrate;
mod properties;
mod public_api;
mod regarima;
mod regarima_auto;
mod sdmx;
mod seasonal;
#[cfg(feature = "serde")]
mod serde;
mod transform;
mod vintage;
mod x11;
mod x11_properties;
mod x13_auto;
mod x13_model;
mod x13_regressors;
mod x13_run;
mod x13_spec;
mod x13_story;

#[cfg(feature = "cli")]
mod cli;
#[cfg(feature = "cli")]
mod cli_changepoint;
#[cfg(feature = "cli")]
mod cli_detect;
#[cfg(feature = "cli")]
mod cli_fetch;
#[cfg(feature = "cli")]
mod cli_panel;
#[cfg(feature = "cli")]
mod cli_seasonal;
#[cfg(feature = "cli")]
mod cli_support;
#[cfg(feature = "cli")]
mod cli_vintage;
#[cfg(feature = "cli")]
mod cli_x11;
#[cfg(feature = "cli")]
mod cli_x13;
#[cfg(feature = "fetch")]
mod fetch;
#[cfg(feature = "fetch")]
mod fetch_server;
#[cfg(feature = "panel")]
mod panel;
#[cfg(feature = "panel")]
mod panel_x11;
#[cfg(feature = "panel")]
mod panel_x13;
#[cfg(feature = "plot")]
mod plot;
#[cfg(feature = "polars")]
mod polars;
