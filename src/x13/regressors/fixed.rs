//! Regressors that need no calendar: the constant, fixed seasonal effects
//! and the outlier and intervention types at given dates.
//!
//! As the program's regression matrix has them, for a period t, a date t0
//! and a second date t1 > t0:
//!
//! ```text
//! const        1 / ((1 − B)^d (1 − B^s)^D) applied to 1 from the span's start: the
//!              "trend constant", whose differences are 1 (all ones without differencing)
//! AO t0        1 if t = t0, else 0
//! LS t0        −1 if t < t0, else 0
//! TC t0        0 if t < t0, else α^(t − t0); α = 0.7^(12/s) by default (`tcrate`)
//! SO t0        for t < t0: −1 in t0's month (quarter), 1/(s − 1) in the others; 0 from t0 on
//! RP t0-t1     t0 − t1 if t ≤ t0, t − t1 if t0 < t < t1, 0 if t ≥ t1
//! TL t0-t1     1 if t0 ≤ t ≤ t1, else 0
//! seasonal     s − 1 columns: 1 in its own month (quarter), −1 in the last one, 0 else
//! sincos[j…]   cos(2πjt/s) and sin(2πjt/s) (no sine for j = s/2), t the 0-based
//!              position in the year
//! ```

use super::date::{Span, SpecDate};

pub(super) fn constant(span: &Span, d: u32, seasonal_d: u32) -> Vec<f64> {
    let mut v = vec![1.0; span.len()];
    for _ in 0..d {
        let mut acc = 0.0;
        for x in v.iter_mut() {
            acc += *x;
            *x = acc;
        }
    }
    let s = span.per_year() as usize;
    for _ in 0..seasonal_d {
        for i in s..v.len() {
            let prev = v.get(i - s).copied().unwrap_or(0.0);
            if let Some(x) = v.get_mut(i) {
                *x += prev;
            }
        }
    }
    v
}

pub(super) fn additive_outlier(span: &Span, t0: SpecDate) -> Vec<f64> {
    let k = span.offset(t0);
    (0..span.len() as i64)
        .map(|t| f64::from(u8::from(t == k)))
        .collect()
}

pub(super) fn level_shift(span: &Span, t0: SpecDate) -> Vec<f64> {
    let k = span.offset(t0);
    (0..span.len() as i64)
        .map(|t| if t < k { -1.0 } else { 0.0 })
        .collect()
}

pub(super) fn temporary_change(span: &Span, t0: SpecDate, rate: f64) -> Vec<f64> {
    let k = span.offset(t0);
    (0..span.len() as i64)
        .map(|t| {
            if t < k {
                0.0
            } else {
                // Exponents past i32::MAX are zero to any precision.
                rate.powi(i32::try_from(t - k).unwrap_or(i32::MAX))
            }
        })
        .collect()
}

pub(super) fn seasonal_outlier(span: &Span, t0: SpecDate) -> Vec<f64> {
    let k = span.offset(t0);
    let s = i64::from(span.per_year());
    let other = 1.0 / (s - 1) as f64;
    (0..span.len() as i64)
        .map(|t| {
            if t >= k {
                0.0
            } else if (k - t) % s == 0 {
                -1.0
            } else {
                other
            }
        })
        .collect()
}

pub(super) fn ramp(span: &Span, t0: SpecDate, t1: SpecDate) -> Vec<f64> {
    let (a, b) = (span.offset(t0), span.offset(t1));
    (0..span.len() as i64)
        .map(|t| {
            if t <= a {
                (a - b) as f64
            } else if t < b {
                (t - b) as f64
            } else {
                0.0
            }
        })
        .collect()
}

pub(super) fn temporary_level_shift(span: &Span, t0: SpecDate, t1: SpecDate) -> Vec<f64> {
    let (a, b) = (span.offset(t0), span.offset(t1));
    (0..span.len() as i64)
        .map(|t| f64::from(u8::from(a <= t && t <= b)))
        .collect()
}

pub(super) fn seasonal(span: &Span) -> Vec<Vec<f64>> {
    let s = span.per_year();
    (1..s)
        .map(|j| {
            span.dates()
                .map(|d| {
                    if d.period() == j {
                        1.0
                    } else if d.period() == s {
                        -1.0
                    } else {
                        0.0
                    }
                })
                .collect()
        })
        .collect()
}

/// `(cos, sin)` columns of frequency `j` (no sine for j = s/2).
pub(super) fn sincos(span: &Span, j: u32) -> (Vec<f64>, Option<Vec<f64>>) {
    let s = f64::from(span.per_year());
    let angle =
        |d: SpecDate| 2.0 * std::f64::consts::PI * f64::from(j) * f64::from(d.period() - 1) / s;
    let cos = span.dates().map(|d| angle(d).cos()).collect();
    let sin = (2 * j != span.per_year()).then(|| span.dates().map(|d| angle(d).sin()).collect());
    (cos, sin)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn constant_inverts_differencing() {
        // (1 − B)(1 − B^4) c = 1 with c = 0 before the start: 1, 2, 3, 4, 6, …, 28 at t = 13.
        let span = Span::from_date(4, SpecDate::new(2000, 1), 13).unwrap();
        let c = constant(&span, 1, 1);
        assert_eq!(&c[..5], &[1.0, 2.0, 3.0, 4.0, 6.0]);
        assert_eq!(c[12], 28.0);
    }

    #[test]
    fn ramp_and_shift() {
        let span = Span::from_date(12, SpecDate::new(2000, 1), 8).unwrap();
        let r = ramp(&span, SpecDate::new(2000, 3), SpecDate::new(2000, 6));
        assert_eq!(r, [-3.0, -3.0, -3.0, -2.0, -1.0, 0.0, 0.0, 0.0]);
        assert_eq!(
            level_shift(&span, SpecDate::new(2000, 3))[..3],
            [-1.0, -1.0, 0.0]
        );
    }
}
