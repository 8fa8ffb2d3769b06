//! Reading and writing series: CSV (plain and FRED's download form) and JSON.
