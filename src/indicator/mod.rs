//! Typed indicators: what a series measures decides which transforms exist.
