//! Integration tests: indicator.
