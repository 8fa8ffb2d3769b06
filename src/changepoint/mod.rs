//! Statistical change points: costs, exact and approximate searches, penalties, CUSUM and online detection.
