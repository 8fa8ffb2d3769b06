//! Integration tests: seasonal.
