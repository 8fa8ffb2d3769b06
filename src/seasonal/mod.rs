//! Seasonal adjustment and trend filters: STL, classical decomposition, HP and Hamilton filters, Lunar New Year handling.
