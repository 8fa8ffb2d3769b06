//! Headline change detection: records, streaks, crossings, contractions, recession rules, turning points and anomalies.
