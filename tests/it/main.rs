//! One integration-test binary; one module per area.

mod fixtures;
mod indicator;
mod io;
mod properties;
mod transform;

#[cfg(feature = "cli")]
mod cli;
#[cfg(feature = "polars")]
mod polars;
