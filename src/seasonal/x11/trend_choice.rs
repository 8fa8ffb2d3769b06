//! The automatic choice of the Henderson filter by the I/C ratio.
//!
//! ```text
//! C = the central values of the 13-term (quarterly: 5-term) Henderson
//!     filter of the seasonally adjusted series, I = SA / C (SA − C)
//! Ī = mean |I_t − I_{t−1}| (÷ I_{t−1} × 100 multiplicatively), C̄ likewise
//! I/C = Ī / C̄ (quarterly: 3 Ī / C̄ for the choice; the program prints Ī / C̄)
//! monthly:   I/C < 1 → 9 terms, < 3.5 → 13 terms, else 23 terms
//! quarterly: I/C < 3.5 → 5 terms, else 7 terms
//! ```
//!
//! The choice is made for C7, D7 and D12 (the series the filter is applied
//! to: C6, D6, and D11 modified for extremes). For B7 the program only
//! chooses between 9 and 13 terms (an I/C ratio of B6 below 1 or not), and
//! quarterly series always get 5 terms there.
//!
//! Found by experiment against the program (not in the reference manual):
//! the end weights of a 13-term filter chosen automatically assume the I/C
//! ratio of the last 9- or 23-term choice before it (1.0 or 4.5), not 3.5,
//! once such a choice has been made; a 5-term quarterly filter always
//! assumes 0.001.

use super::henderson::{Henderson, dot, henderson_weights};

/// The I/C ratio of `x` as the program prints it (not yet tripled for
/// quarterly series).
pub(crate) fn ic_ratio(x: &[f64], period: usize, mul: bool) -> f64 {
    let len = period + 1;
    let h = henderson_weights(len);
    let c: Vec<f64> = x.windows(len).map(|w| dot(&h, w)).collect();
    let half = len / 2;
    let i: Vec<f64> = x
        .iter()
        .skip(half)
        .zip(&c)
        .map(|(x, c)| if mul { x / c } else { x - c })
        .collect();
    mean_abs_change(&i, 1, mul) / mean_abs_change(&c, 1, mul)
}

/// The mean absolute change over `lag` periods, in percent of the earlier
/// value when `mul`.
pub(crate) fn mean_abs_change(x: &[f64], lag: usize, mul: bool) -> f64 {
    let n = x.len().saturating_sub(lag);
    let s: f64 = x
        .iter()
        .zip(x.iter().skip(lag))
        .map(|(a, b)| {
            let d = (b - a).abs();
            if mul { d * 100.0 / a.abs() } else { d }
        })
        .sum();
    s / n as f64
}

/// The I/C ratio the end weights of a Henderson filter of `len` terms assume
/// when the user fixes the length.
pub(crate) fn end_ratio(len: usize, period: usize) -> f64 {
    if period == 4 {
        if len <= 5 { 0.001 } else { 4.5 }
    } else if len <= 9 {
        1.0
    } else if len <= 13 {
        3.5
    } else {
        4.5
    }
}

/// The state of the automatic choice across the iterations.
#[derive(Clone, Copy, Debug)]
pub(crate) struct TrendChoice {
    period: usize,
    fixed: Option<usize>,
    /// The ratio a 13-term filter's end weights assume.
    ratio: f64,
}

/// One choice: the filter, its length, and the I/C ratio as printed (None
/// when the length was fixed).
#[derive(Clone, Debug)]
pub(crate) struct Chosen {
    pub(crate) filter: Henderson,
    pub(crate) len: usize,
    pub(crate) ic: Option<f64>,
}

impl TrendChoice {
    pub(crate) fn new(period: usize, fixed: Option<usize>) -> TrendChoice {
        TrendChoice {
            period,
            fixed,
            ratio: if period == 4 { 0.001 } else { 3.5 },
        }
    }

    /// The filter of B7 for `sa` (B6): the user's, or 13 terms (9 for an
    /// I/C ratio below 1; quarterly always 5).
    pub(crate) fn first(&mut self, sa: &[f64], mul: bool) -> Chosen {
        if let Some(len) = self.fixed {
            return Chosen {
                filter: Henderson::new(len, end_ratio(len, self.period)),
                len,
                ic: None,
            };
        }
        if self.period == 4 {
            return Chosen {
                filter: Henderson::new(5, 0.001),
                len: 5,
                ic: None,
            };
        }
        let printed = ic_ratio(sa, self.period, mul);
        let len = if printed < 1.0 {
            self.ratio = 1.0;
            9
        } else {
            13
        };
        Chosen {
            filter: Henderson::new(len, self.ratio),
            len,
            ic: Some(printed),
        }
    }

    /// The filter for the seasonally adjusted series `sa` (C7, D7, D12).
    pub(crate) fn choose(&mut self, sa: &[f64], mul: bool) -> Chosen {
        let printed = ic_ratio(sa, self.period, mul);
        if let Some(len) = self.fixed {
            return Chosen {
                filter: Henderson::new(len, end_ratio(len, self.period)),
                len,
                ic: Some(printed),
            };
        }
        let (len, ratio) = if self.period == 4 {
            if 3.0 * printed < 3.5 {
                (5, 0.001)
            } else {
                self.ratio = 4.5;
                (7, 4.5)
            }
        } else if printed < 1.0 {
            self.ratio = 1.0;
            (9, 1.0)
        } else if printed < 3.5 {
            (13, self.ratio)
        } else {
            self.ratio = 4.5;
            (23, 4.5)
        };
        Chosen {
            filter: Henderson::new(len, ratio),
            len,
            ic: Some(printed),
        }
    }
}
