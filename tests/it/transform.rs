//! Integration tests: transform.
