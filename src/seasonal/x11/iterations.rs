//! The B, C and D iterations of X-11 (tables B2 to D13), on plain slices.
//!
//! ```text
//! B  B2 = 2×12 MA(B1)          B3 = B1 / B2            (SI ratios)
//!    B4: preliminary factors 3×3(B3), irregular B3/S, extreme values,
//!        replacement SI ratios; B5 = 3×3 factors of the modified B3
//!    B6 = B1 / B5              B7 = Henderson(B6)      B8 = B1 / B7
//!    B9: as B4 with the 3×5 filter on B8; B10 = 3×5 factors of modified B8
//!    B11 = B1 / B10            B13 = B11 / B7          (irregular)
//!    B17 = weights of B13      B20 = extreme-value adjustment factors
//! C  C1 = B1 / B20, then C2 … C20 as B2 … B20 without the replacement
//!    steps (C4 = C1 / C2 is already modified), C7 with the chosen filter
//! D  D1 = B1 / C20, D2 … D7 likewise; D8 = B1 / D7 (unmodified SI),
//!    D9 = D1 / D7 where it differs from D8 (replaced SI), D10 = final
//!    filter of D9's series, normalised; D11 = B1 / D10;
//!    D12 = Henderson(D1 / D10); D13 = D11 / D12
//! ```
//!
//! `/` is division in the multiplicative mode and subtraction in the
//! additive one. The pseudo-additive mode (`Y = T (S + I − 1)`) divides where
//! the multiplicative mode divides except where a seasonally adjusted series
//! is formed: `SA = Y − T (S − 1)` with the trend of the same step
//! (`Y / S` at the ends where the 2×12 trend is missing), SI − S + 1 for the
//! irregular of the replacement steps, and the modified series
//! `C1 = B1 + B7 (B13 / B20 − B13)`, `D1 = B1 + C7 (C13 / C20 − C13)`;
//! `D8 = (D1 / D7) · C20`.
//!
//! With calendar sigma (all months or groups), D9 replaces the extreme SI
//! ratios of D8 found by C17 as B4 and B9 do, and D10 filters that series.
//! The program does this for `calendarsigma=all` and `select` but not for
//! `signif`, even when Cochran's test chose calendar sigma (found by
//! experiment; the manual does not say).

use super::extremes::{Limits, Scope, adjustment_factors, cochran_rejects, replace, weights};
use super::henderson::centred_year_average;
use super::msr::{self, Ratio};
use super::seasonal_filter::{Filter, seasonal_factors};
use super::trend_choice::TrendChoice;

/// How components combine inside the iterations.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    Multiplicative,
    Additive,
    PseudoAdditive,
}

/// Where extreme values get their standard deviation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Calendar {
    None,
    All,
    Significant,
    Groups(Vec<bool>),
}

/// Everything the iterations need.
#[derive(Clone, Debug)]
pub(crate) struct Plan {
    pub(crate) period: usize,
    /// Position of the first value in its year (0-based).
    pub(crate) first: usize,
    pub(crate) kind: Kind,
    /// Filters of the first (B5, C5, D5) and second (B10, C10, D10) estimate
    /// in each iteration, by position in the year.
    pub(crate) initial: Vec<Filter>,
    pub(crate) last: Vec<Filter>,
    /// A per-month choice (changes the normalisation's end values).
    pub(crate) mixed: bool,
    /// Choose D10's filter by the moving seasonality ratio.
    pub(crate) msr: bool,
    pub(crate) trend: Option<usize>,
    pub(crate) lower: f64,
    pub(crate) upper: f64,
    pub(crate) calendar: Calendar,
    /// The centre of the irregular for Cochran's test (1 but additively).
    pub(crate) cochran_centre: f64,
    /// The part of the series without its regARIMA forecasts (X-13): the
    /// trend filter's I/C ratios and the moving seasonality ratio are
    /// computed on it.
    pub(crate) span: (usize, usize),
    /// The range the quality statistics cover: the series without its
    /// backcasts and forecasts.
    pub(crate) quality: (usize, usize),
}

/// The filter D10 used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Used {
    One(Filter),
    PerPeriod,
}

/// The tables, each as long as the series (NaN where a table has no value).
#[derive(Clone, Debug, Default)]
#[allow(missing_docs)]
pub(crate) struct Tables {
    pub(crate) b2: Vec<f64>,
    pub(crate) b3: Vec<f64>,
    pub(crate) b4: Vec<f64>,
    pub(crate) b5: Vec<f64>,
    pub(crate) b6: Vec<f64>,
    pub(crate) b7: Vec<f64>,
    pub(crate) b8: Vec<f64>,
    pub(crate) b9: Vec<f64>,
    pub(crate) b10: Vec<f64>,
    pub(crate) b11: Vec<f64>,
    pub(crate) b13: Vec<f64>,
    pub(crate) b17: Vec<f64>,
    pub(crate) b20: Vec<f64>,
    pub(crate) c1: Vec<f64>,
    pub(crate) c2: Vec<f64>,
    pub(crate) c4: Vec<f64>,
    pub(crate) c5: Vec<f64>,
    pub(crate) c6: Vec<f64>,
    pub(crate) c7: Vec<f64>,
    pub(crate) c9: Vec<f64>,
    pub(crate) c10: Vec<f64>,
    pub(crate) c11: Vec<f64>,
    pub(crate) c13: Vec<f64>,
    pub(crate) c17: Vec<f64>,
    pub(crate) c20: Vec<f64>,
    pub(crate) d1: Vec<f64>,
    pub(crate) d2: Vec<f64>,
    pub(crate) d4: Vec<f64>,
    pub(crate) d5: Vec<f64>,
    pub(crate) d6: Vec<f64>,
    pub(crate) d7: Vec<f64>,
    pub(crate) d8: Vec<f64>,
    pub(crate) d9: Vec<f64>,
    pub(crate) d10: Vec<f64>,
    pub(crate) d11: Vec<f64>,
    pub(crate) d12: Vec<f64>,
    pub(crate) d13: Vec<f64>,
    /// D11 modified for extremes (D1 / D10), the series D12 smooths.
    pub(crate) d11_modified: Vec<f64>,
    /// The series D10 smooths (D1 / D7, or D8 with replacements).
    pub(crate) d9_series: Vec<f64>,
}

/// What the iterations chose and found, besides the tables.
#[derive(Clone, Debug)]
pub(crate) struct Run {
    pub(crate) tables: Tables,
    pub(crate) d10_filter: Used,
    pub(crate) msr_by_default: bool,
    /// Henderson lengths of B7, C7, D7 and D12.
    pub(crate) trend_lengths: [usize; 4],
    /// I/C ratios (as printed) of C7, D7 and D12.
    pub(crate) ic: [Option<f64>; 3],
}

fn nan_vec(n: usize) -> Vec<f64> {
    vec![f64::NAN; n]
}

/// The positions where `x` has values (a contiguous range).
fn defined(x: &[f64]) -> (usize, usize) {
    let a = x.iter().position(|v| !v.is_nan()).unwrap_or(0);
    let b = x.iter().rposition(|v| !v.is_nan()).map_or(a, |i| i + 1);
    (a, b)
}

struct Steps<'a> {
    plan: &'a Plan,
    n: usize,
    mul: bool,
    pseudo: bool,
}

impl Steps<'_> {
    fn op(&self, a: &[f64], b: &[f64]) -> Vec<f64> {
        a.iter()
            .zip(b)
            .map(|(x, y)| if self.mul { x / y } else { x - y })
            .collect()
    }

    fn inv(&self, a: &[f64], b: &[f64]) -> Vec<f64> {
        a.iter()
            .zip(b)
            .map(|(x, y)| if self.mul { x * y } else { x + y })
            .collect()
    }

    /// The 2×12 (2×4) trend, as long as `x`, NaN at the ends.
    fn year_average(&self, x: &[f64]) -> Vec<f64> {
        let p = self.plan.period;
        let mut out = nan_vec(self.n);
        let inner = centred_year_average(x, p);
        for (o, v) in out.iter_mut().skip(p / 2).zip(inner) {
            *o = v;
        }
        out
    }

    /// Normalised seasonal factors from SI values defined on a contiguous
    /// range, extended over the whole series by repeating the nearest year.
    /// Returns the factors and the filter that D10 reports.
    #[allow(clippy::indexing_slicing)]
    fn factors(&self, si: &[f64], filters: &[Filter]) -> (Vec<f64>, Used) {
        let p = self.plan.period;
        let (a, b) = defined(si);
        // Bounds: a ≤ b ≤ n from `defined`.
        let part = &si[a..b];
        let first = (self.plan.first + a) % p;
        let f = seasonal_factors(part, first, p, filters, self.plan.mixed, self.mul);
        let mut out = nan_vec(self.n);
        out[a..b].copy_from_slice(&f);
        // Bounds: i + p < b and i − p ≥ a for the copied positions, since
        // the SI range spans at least two years.
        for i in (0..a).rev() {
            out[i] = out[i + p];
        }
        for i in b..self.n {
            out[i] = out[i - p];
        }
        let used = if self.plan.mixed {
            Used::PerPeriod
        } else {
            let f0 = filters.first().copied().unwrap_or(Filter::Stable);
            let len = b - a;
            let longest = len.div_ceil(p);
            if len / p < 5 || (f0 == Filter::S3x15 && longest < 20) {
                Used::One(Filter::Stable)
            } else {
                Used::One(f0)
            }
        };
        (out, used)
    }

    /// The irregular of the replacement steps: SI / S (SI − S + 1 pseudo-additively).
    fn si_irregular(&self, si: &[f64], s: &[f64]) -> Vec<f64> {
        if self.pseudo {
            si.iter().zip(s).map(|(x, s)| x - s + 1.0).collect()
        } else {
            self.op(si, s)
        }
    }

    /// The seasonally adjusted series of steps 6: Y / S, or pseudo-additively
    /// Y − T (S − 1) with the 2×12 trend `t` (Y / S where it is missing).
    fn adjusted(&self, y: &[f64], t: &[f64], s: &[f64]) -> Vec<f64> {
        if self.pseudo {
            y.iter()
                .zip(t)
                .zip(s)
                .map(|((y, t), s)| if t.is_nan() { y / s } else { y - t * (s - 1.0) })
                .collect()
        } else {
            self.op(y, s)
        }
    }

    /// Y − T (S − 1) pseudo-additively, Y / S otherwise.
    fn final_adjusted(&self, y: &[f64], t: &[f64], s: &[f64]) -> Vec<f64> {
        if self.pseudo {
            y.iter()
                .zip(t)
                .zip(s)
                .map(|((y, t), s)| y - t * (s - 1.0))
                .collect()
        } else {
            self.op(y, s)
        }
    }

    fn limits<'b>(&self, calendar: bool, groups: &'b [bool]) -> Limits<'b> {
        let scope = if !calendar {
            Scope::Moving
        } else if groups.is_empty() {
            Scope::Calendar
        } else {
            Scope::Groups(groups)
        };
        Limits {
            period: self.plan.period,
            centre: if self.mul { 1.0 } else { 0.0 },
            lower: self.plan.lower,
            upper: self.plan.upper,
            scope,
        }
    }
}

/// Runs the iterations on `y` (positive in the multiplicative modes; the
/// caller has checked the length and the values).
#[allow(clippy::indexing_slicing)]
pub(crate) fn run(y: &[f64], plan: &Plan) -> Run {
    let n = y.len();
    let p = plan.period;
    let st = Steps {
        plan,
        n,
        mul: plan.kind != Kind::Additive,
        pseudo: plan.kind == Kind::PseudoAdditive,
    };
    let groups: Vec<bool> = match &plan.calendar {
        Calendar::Groups(g) => g.clone(),
        _ => Vec::new(),
    };
    let mut calendar = matches!(plan.calendar, Calendar::All | Calendar::Groups(_));
    let cochran = |irr: &[f64], first: usize| cochran_rejects(irr, first, p, plan.cochran_centre);
    let mut t = Tables::default();
    let b1 = y;

    // B iteration.
    t.b2 = st.year_average(b1);
    t.b3 = st.op(b1, &t.b2);
    let (a, b) = defined(&t.b3);
    let first_si = (plan.first + a) % p;
    let (s, _) = st.factors(&t.b3, &plan.initial);
    let irr = st.si_irregular(&t.b3[a..b], &s[a..b]);
    if plan.calendar == Calendar::Significant {
        calendar = cochran(&irr, first_si);
    }
    let w = weights(&irr, first_si, &st.limits(calendar, &groups));
    let (modified, repl) = replace(&t.b3[a..b], &w, p);
    t.b4 = nan_vec(n);
    t.b4[a..b].copy_from_slice(&repl);
    let mut b4g = nan_vec(n);
    b4g[a..b].copy_from_slice(&modified);
    (t.b5, _) = st.factors(&b4g, &plan.initial);
    t.b6 = st.adjusted(b1, &t.b2, &t.b5);
    let mut trend = TrendChoice::new(p, plan.trend);
    let b7 = trend.first(in_span(&t.b6, plan.span), st.mul);
    t.b7 = b7.filter.apply(&t.b6);
    t.b8 = st.op(b1, &t.b7);
    let (s, _) = st.factors(&t.b8, &plan.last);
    let irr = st.si_irregular(&t.b8, &s);
    let w = weights(&irr, plan.first, &st.limits(calendar, &groups));
    let (b9g, repl) = replace(&t.b8, &w, p);
    t.b9 = repl;
    (t.b10, _) = st.factors(&b9g, &plan.last);
    t.b11 = st.final_adjusted(b1, &t.b7, &t.b10);
    t.b13 = st.op(&t.b11, &t.b7);
    if plan.calendar == Calendar::Significant {
        calendar = cochran(&t.b13, plan.first);
    }
    t.b17 = weights(&t.b13, plan.first, &st.limits(calendar, &groups));
    t.b20 = adjustment_factors(&t.b13, &t.b17, st.mul);

    // C iteration.
    t.c1 = if st.pseudo {
        (0..n)
            .map(|i| b1[i] + t.b7[i] * (t.b13[i] / t.b20[i] - t.b13[i]))
            .collect()
    } else {
        st.op(b1, &t.b20)
    };
    t.c2 = st.year_average(&t.c1);
    t.c4 = st.op(&t.c1, &t.c2);
    (t.c5, _) = st.factors(&t.c4, &plan.initial);
    t.c6 = st.adjusted(&t.c1, &t.c2, &t.c5);
    let c7 = trend.choose(in_span(&t.c6, plan.span), st.mul);
    t.c7 = c7.filter.apply(&t.c6);
    t.c9 = st.op(&t.c1, &t.c7);
    (t.c10, _) = st.factors(&t.c9, &plan.last);
    t.c11 = st.final_adjusted(b1, &t.c7, &t.c10);
    t.c13 = st.op(&t.c11, &t.c7);
    t.c17 = weights(&t.c13, plan.first, &st.limits(calendar, &groups));
    t.c20 = adjustment_factors(&t.c13, &t.c17, st.mul);

    // D iteration.
    t.d1 = if st.pseudo {
        (0..n)
            .map(|i| b1[i] + t.c7[i] * (t.c13[i] / t.c20[i] - t.c13[i]))
            .collect()
    } else {
        st.op(b1, &t.c20)
    };
    t.d2 = st.year_average(&t.d1);
    t.d4 = st.op(&t.d1, &t.d2);
    (t.d5, _) = st.factors(&t.d4, &plan.initial);
    t.d6 = st.adjusted(&t.d1, &t.d2, &t.d5);
    let d7 = trend.choose(in_span(&t.d6, plan.span), st.mul);
    t.d7 = d7.filter.apply(&t.d6);
    t.d8 = st.inv(&st.op(&t.d1, &t.d7), &t.c20);
    if matches!(plan.calendar, Calendar::All | Calendar::Groups(_)) {
        let (g, repl) = replace(&t.d8, &t.c17, p);
        t.d9_series = g;
        t.d9 = repl;
    } else {
        t.d9_series = st.op(&t.d1, &t.d7);
        t.d9 = t
            .d9_series
            .iter()
            .zip(&t.d8)
            .map(|(a, b)| if (a - b).abs() > 1e-9 { *a } else { f64::NAN })
            .collect();
    }
    let ratio = match plan.kind {
        Kind::Multiplicative => Ratio::Multiplicative,
        Kind::Additive => Ratio::Additive,
        Kind::PseudoAdditive => Ratio::PseudoAdditive,
    };
    let mut by_default = false;
    let last_filters = if plan.msr {
        let choice = msr::choose(
            in_span(&t.d9_series, plan.span),
            (plan.first + plan.span.0) % p,
            p,
            ratio,
        );
        by_default = choice.by_default;
        vec![choice.filter; p]
    } else {
        plan.last.clone()
    };
    let used;
    (t.d10, used) = st.factors(&t.d9_series, &last_filters);
    t.d11_modified = st.final_adjusted(&t.d1, &t.d7, &t.d10);
    let d12 = trend.choose(in_span(&t.d11_modified, plan.span), st.mul);
    t.d12 = d12.filter.apply(&t.d11_modified);
    t.d11 = st.final_adjusted(b1, &t.d12, &t.d10);
    t.d13 = st.op(&t.d11, &t.d12);
    Run {
        tables: t,
        d10_filter: used,
        msr_by_default: by_default,
        trend_lengths: [b7.len, c7.len, d7.len, d12.len],
        ic: [c7.ic, d7.ic, d12.ic],
    }
}

/// The values of `x` in `span` (all of them if the span does not fit).
fn in_span(x: &[f64], span: (usize, usize)) -> &[f64] {
    x.get(span.0..span.1).unwrap_or(x)
}
