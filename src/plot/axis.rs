//! Axis ticks and labels: period ticks on calendar boundaries, "nice" value
//! ticks, number formatting, and the unit label from an indicator's metadata.

use crate::indicator::{Metadata, PriceBasis, Scale};
use crate::period::Period;

/// The positions (0-based indices from `start`) of at most `max_labels` period
/// ticks over `n` periods, on calendar boundaries: every k-th month or
/// quarter within a year, or the first period of every k-th year.
pub(super) fn period_ticks<P: Period>(start: P, n: usize, max_labels: usize) -> Vec<usize> {
    let per_year = i64::from(P::PER_YEAR);
    let max_labels = max_labels.max(2) as i64;
    let n = n as i64;
    // Steps that divide a year, then whole years in a 1-2-5 progression.
    let mut steps: Vec<i64> = (1..per_year).filter(|k| per_year % k == 0).collect();
    let mut years = 1_i64;
    while years <= 10_000 {
        for m in [1, 2, 5] {
            steps.push(per_year * years * m);
        }
        years *= 10;
    }
    let step = steps
        .into_iter()
        .find(|&s| (n + s - 1) / s <= max_labels)
        .unwrap_or(per_year * 10_000);
    let first = i64::from(start.index());
    (0..n)
        .filter(|i| {
            let index = first + i;
            let position = index.rem_euclid(per_year);
            if step < per_year {
                position % step == 0
            } else {
                position == 0 && index.div_euclid(per_year).rem_euclid(step / per_year) == 0
            }
        })
        .filter_map(|i| usize::try_from(i).ok())
        .collect()
}

/// Nice value ticks (1, 2, 2.5 or 5 times a power of ten) inside `lo..=hi`,
/// about `target` of them, and the step between them.
pub(super) fn value_ticks(lo: f64, hi: f64, target: usize) -> (Vec<f64>, f64) {
    // Halves first: the width of ±1e308 does not fit in an f64, its half does.
    let half = hi / 2.0 - lo / 2.0;
    if !(half.is_finite() && hi > lo) {
        return (vec![lo], 1.0);
    }
    let target = target.max(2) as f64;
    let raw = if hi - lo < f64::MAX {
        (hi - lo) / target
    } else {
        half / target * 2.0
    };
    let magnitude = 10_f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .into_iter()
        .map(|m| m * magnitude)
        .find(|&s| s >= raw)
        .unwrap_or(10.0 * magnitude);
    let first = (lo / step).ceil() as i64;
    let last = (hi / step).floor() as i64;
    // At most a few dozen by construction; the bound only guards against
    // a pathological range.
    let ticks = (first..=last)
        .take(100)
        .map(|k| k as f64 * step)
        .map(|t| if t == 0.0 { 0.0 } else { t })
        .collect();
    (ticks, step)
}

/// The labels of value ticks `step` apart: [`format_number`] with the
/// decimals of [`decimals_for`], or scientific notation with as many digits
/// as tell the ticks apart where plain decimals would not (steps from 10¹⁵
/// on, or below 10⁻⁴, which six decimals cannot show).
pub(super) fn tick_labels(ticks: &[f64], step: f64) -> Vec<String> {
    if (1e-4..1e15).contains(&step) {
        let decimals = decimals_for(step);
        return ticks.iter().map(|&t| format_number(t, decimals)).collect();
    }
    let top = ticks.iter().fold(0.0f64, |m, t| m.max(t.abs()));
    // Digits after the point: from the largest tick's exponent down to the
    // step's, and one more for a step of 2.5·10ᵏ.
    let exponent = |x: f64| x.abs().log10().floor();
    let mantissa = step / 10f64.powf(exponent(step));
    let extra = usize::from((mantissa - mantissa.round()).abs() > 1e-6);
    let digits = (exponent(top) - exponent(step)).clamp(0.0, 15.0) as usize + extra;
    ticks
        .iter()
        .map(|&t| {
            if t == 0.0 {
                "0".to_owned()
            } else {
                format!("{t:.digits$e}")
            }
        })
        .collect()
}

/// The number of decimals that shows every multiple of `step` exactly.
pub(super) fn decimals_for(step: f64) -> usize {
    (0..=6)
        .find(|&d| {
            let scaled = step * 10_f64.powi(d as i32);
            (scaled - scaled.round()).abs() < 1e-6 * scaled.abs().max(1.0)
        })
        .unwrap_or(6)
}

/// `x` with `decimals` decimals and thousands separators: `-1,234.5`; in
/// scientific notation from 10¹⁵ on, where separators stop helping.
pub(super) fn format_number(x: f64, decimals: usize) -> String {
    if x.abs() >= 1e15 {
        return format!("{x:.2e}");
    }
    let text = format!("{:.*}", decimals, x.abs());
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let mut grouped = String::with_capacity(text.len() + int.len() / 3 + 1);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    if !frac.is_empty() {
        grouped.push('.');
        grouped.push_str(frac);
    }
    // No "-0.0": a negative number that rounds to zero is shown as zero.
    let is_zero = grouped.chars().all(|c| matches!(c, '0' | '.' | ','));
    if x < 0.0 && !is_zero {
        grouped.insert(0, '-');
    }
    grouped
}

/// The suffix of a value in a point label for a unit label of
/// [`Value::LABEL`](crate::unit::Value::LABEL): `%`, ` pp`, ` points` or nothing.
pub(super) fn value_suffix(label: &str) -> String {
    match label {
        "" => String::new(),
        "%" => "%".to_owned(),
        other => format!(" {other}"),
    }
}

/// The axis title for a unit label of [`Value::LABEL`](crate::unit::Value::LABEL).
pub(super) fn unit_title(label: &str) -> Option<String> {
    match label {
        "%" => Some("percent".to_owned()),
        "pp" => Some("percentage points".to_owned()),
        "" => None,
        other => Some(other.to_owned()),
    }
}

/// The unit of an indicator's numbers, as an axis title: `millions of USD`,
/// `billions of chained 2017 USD, annual rate`; `None` if the metadata
/// names neither a currency nor a scale.
pub(super) fn metadata_units(meta: &Metadata) -> Option<String> {
    let scale = meta.scale();
    let amount = match meta.currency() {
        Some(currency) => {
            let currency = match meta.price_basis() {
                Some(PriceBasis::Chained { reference_year }) => {
                    format!("chained {reference_year} {}", currency.as_str())
                }
                Some(PriceBasis::Constant { base_year }) => {
                    format!("{} at {base_year} prices", currency.as_str())
                }
                _ => currency.as_str().to_owned(),
            };
            if scale == Scale::Units {
                currency
            } else {
                format!("{scale} of {currency}")
            }
        }
        None if scale == Scale::Units => return None,
        None => scale.name().to_owned(),
    };
    Some(if meta.annual_rate() == Some(true) {
        format!("{amount}, annual rate")
    } else {
        amount
    })
}

/// The footnote of a chart of an indicator: its source and seasonal adjustment.
pub(super) fn metadata_note(meta: &Metadata) -> Option<String> {
    let mut parts = Vec::new();
    if let Some(source) = meta.source() {
        parts.push(format!("Source: {source}"));
    }
    if let Some(sa) = meta.seasonal_adjustment() {
        let sa = sa.to_string();
        let mut chars = sa.chars();
        parts.push(
            chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect())
                .unwrap_or_default(),
        );
    }
    (!parts.is_empty()).then(|| parts.join(". ") + ".")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::indicator::{Currency, SeasonalAdjustment};
    use crate::period::{Month, Quarter, Year};

    #[test]
    fn monthly_ticks_fall_on_januaries_of_round_years() -> crate::Result<()> {
        // 1985-01 .. 2025-12: 41 years, at most 10 labels: every 5 years.
        let start = Month::new(1985, 1)?;
        let ticks = period_ticks(start, 492, 10);
        let labels: Vec<String> = ticks
            .iter()
            .map(|&i| (start + i as i32).to_string())
            .collect();
        assert_eq!(
            labels,
            [
                "1985-01", "1990-01", "1995-01", "2000-01", "2005-01", "2010-01", "2015-01",
                "2020-01", "2025-01"
            ]
        );
        Ok(())
    }

    #[test]
    fn short_series_get_ticks_within_the_year() -> crate::Result<()> {
        let start = Month::new(2024, 11)?;
        let labels = |max: usize| -> Vec<String> {
            period_ticks(start, 14, max)
                .iter()
                .map(|&i| (start + i as i32).to_string())
                .collect()
        };
        // Every second month fits ten labels; four labels need every fourth.
        assert_eq!(
            labels(10),
            [
                "2024-11", "2025-01", "2025-03", "2025-05", "2025-07", "2025-09", "2025-11"
            ]
        );
        assert_eq!(labels(4), ["2025-01", "2025-05", "2025-09"]);
        let q = Quarter::new(2019, 3)?;
        let ticks = period_ticks(q, 26, 8);
        let labels: Vec<String> = ticks.iter().map(|&i| (q + i as i32).to_string()).collect();
        assert_eq!(
            labels,
            [
                "2020-Q1", "2021-Q1", "2022-Q1", "2023-Q1", "2024-Q1", "2025-Q1"
            ]
        );
        let y = Year::new(1901)?;
        assert_eq!(period_ticks(y, 100, 6), [19, 39, 59, 79, 99]);
        Ok(())
    }

    #[test]
    fn value_ticks_are_round_and_inside_the_range() {
        let (ticks, step) = value_ticks(-43.2, 61.7, 6);
        assert_eq!(step, 20.0);
        assert_eq!(ticks, [-40.0, -20.0, 0.0, 20.0, 40.0, 60.0]);
        let (ticks, step) = value_ticks(0.12, 0.61, 5);
        assert_eq!(step, 0.1);
        assert_eq!(ticks.len(), 5);
        assert_eq!(decimals_for(step), 1);
        assert_eq!(decimals_for(2.5), 1);
        assert_eq!(decimals_for(5000.0), 0);
        assert_eq!(value_ticks(3.0, 3.0, 5).0, [3.0]);
    }

    #[test]
    fn extreme_ranges_get_ticks_and_distinct_labels() {
        for (lo, hi) in [
            (-f64::MAX, f64::MAX),
            (-1e308, 1e308),
            (1e-310, 3e-310),
            (0.0, 5e-324 * 64.0),
            (1.0e308, 1.0003e308),
        ] {
            let (ticks, step) = value_ticks(lo, hi, 6);
            assert!(ticks.len() >= 2, "{lo}..{hi}: {ticks:?}");
            assert!(step > 0.0 && step.is_finite());
            assert!(ticks.iter().all(|t| (lo..=hi).contains(t)), "{ticks:?}");
            let labels = tick_labels(&ticks, step);
            let distinct: std::collections::BTreeSet<&String> = labels.iter().collect();
            assert_eq!(distinct.len(), labels.len(), "{labels:?}");
            for (t, l) in ticks.iter().zip(&labels) {
                let back: f64 = l.parse().unwrap_or(f64::NAN);
                assert!((back - t).abs() <= 0.5 * step, "{l} for {t}");
            }
        }
        assert_eq!(tick_labels(&[-20.0, 0.0, 20.0], 20.0), ["-20", "0", "20"]);
    }

    #[test]
    fn numbers_have_separators_and_no_negative_zero() {
        assert_eq!(format_number(1_234_567.25, 1), "1,234,567.2");
        assert_eq!(format_number(-41.37, 1), "-41.4");
        assert_eq!(format_number(-0.04, 1), "0.0");
        assert_eq!(format_number(999.0, 0), "999");
        assert_eq!(format_number(-1000.0, 0), "-1,000");
        assert_eq!(format_number(-2.5e300, 0), "-2.50e300");
    }

    #[test]
    fn units_come_from_the_metadata() -> crate::Result<()> {
        let meta = Metadata::new("US imports of goods from China", "US")
            .with_currency(Currency::USD)
            .with_scale(Scale::Millions)
            .with_seasonal_adjustment(SeasonalAdjustment::NotAdjusted)
            .with_source("US Census Bureau");
        assert_eq!(metadata_units(&meta).as_deref(), Some("millions of USD"));
        assert_eq!(
            metadata_note(&meta).as_deref(),
            Some("Source: US Census Bureau. Not seasonally adjusted.")
        );
        let gdp = Metadata::new("US real GDP", "US")
            .with_currency(Currency::USD)
            .with_scale(Scale::Billions)
            .with_price_basis(PriceBasis::Chained {
                reference_year: Year::new(2017)?,
            })
            .with_annual_rate(true);
        assert_eq!(
            metadata_units(&gdp).as_deref(),
            Some("billions of chained 2017 USD, annual rate")
        );
        assert_eq!(metadata_units(&Metadata::new("Index", "US")), None);
        assert_eq!(metadata_note(&Metadata::new("Index", "US")), None);
        Ok(())
    }
}
