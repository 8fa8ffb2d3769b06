//! Integration tests: fixtures.
