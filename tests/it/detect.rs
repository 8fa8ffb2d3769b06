//! Integration tests: detect.
