//! Integration tests: changepoint.
