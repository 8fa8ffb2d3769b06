//! Sentences from findings, in newsroom style, built from an indicator's metadata.
