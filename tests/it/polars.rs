//! Integration tests: polars.
