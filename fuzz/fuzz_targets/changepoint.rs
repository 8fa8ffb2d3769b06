//! The change-point module fed arbitrary values (finite and not) and
//! arbitrary settings: every cost through every search (optimal partitioning,
//! PELT, FPOP, binary segmentation, auto), CROPS, the series entry points
//! under both missing-value policies, CUSUM, the σ estimate and the online
//! detector. A result must be a valid segmentation (changes strictly
//! increasing inside `(0, n)`, segments covering `0..n`, none shorter than the
//! minimum size, binary segmentation within its cap) with finite numbers; the
//! exact searches must reach optimal partitioning's cost; everything else must
//! be a typed error.
#![no_main]

use econseries::changepoint::{
    Bocpd, ChangePoints, Cost, Cusum, MbicVariant, Method, Missing, Noise, NormalGamma, Penalty,
    Segmentation, estimate_sigma,
};
use econseries::{Error, Month, Period, Quarter, Series, Year};
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

/// At most this many values per input: optimal partitioning is O(n²) and runs on every input.
const MAX_VALUES: usize = 2000;
/// At most this many values for CROPS, which solves once per segmentation on its path.
const MAX_CROPS: usize = 300;

/// The settings, read from the first bytes of the input (missing bytes read as 0).
struct Header<'a>(&'a [u8]);

impl Header<'_> {
    fn byte(&self, i: usize) -> u8 {
        self.0.get(i).copied().unwrap_or(0)
    }

    /// A number from eight bytes at `i`: raw `f64` bits if `raw`, else a
    /// small non-negative number in 1/16ths.
    fn number(&self, i: usize, raw: bool) -> f64 {
        let mut b = [0u8; 8];
        for (k, slot) in b.iter_mut().enumerate() {
            *slot = self.byte(i + k);
        }
        if raw {
            f64::from_le_bytes(b)
        } else {
            f64::from(u16::from_le_bytes([b[0], b[1]])) / 16.0
        }
    }
}

const HEADER: usize = 24;

const METHODS: [Method; 5] = [
    Method::Auto,
    Method::Optimal,
    Method::Pelt,
    Method::Fpop,
    Method::BinSeg,
];

fn penalty(h: &Header<'_>) -> Penalty {
    let raw = h.byte(3) & 0x80 != 0;
    match h.byte(3) % 8 {
        0 => Penalty::Bic,
        1 => Penalty::Bic0,
        2 => Penalty::Aic,
        3 => Penalty::HannanQuinn,
        4 => Penalty::Mbic(MbicVariant::R),
        5 => Penalty::Mbic(MbicVariant::ZhangSiegmund),
        _ => Penalty::Manual(h.number(4, raw)),
    }
}

/// A valid segmentation of `n` values with minimum segment length `l`, every number finite.
fn check_valid(seg: &Segmentation, n: usize, l: usize, what: &str) {
    assert_eq!(seg.len(), n, "{what}: length");
    let changes = seg.changes();
    assert!(
        changes.windows(2).all(|w| w[0] < w[1]),
        "{what}: changes not strictly increasing: {changes:?}"
    );
    assert!(
        changes.iter().all(|&c| 0 < c && c < n),
        "{what}: change outside (0, {n}): {changes:?}"
    );
    let segments = seg.segments();
    assert_eq!(segments.len(), changes.len() + 1, "{what}: segment count");
    let mut start = 0;
    for (i, s) in segments.iter().enumerate() {
        assert_eq!(s.start, start, "{what}: segments not contiguous");
        assert!(
            s.len() >= l,
            "{what}: segment {i} shorter than {l}: {changes:?}"
        );
        assert!(!s.is_empty());
        assert!(s.mean.is_finite(), "{what}: mean {}", s.mean);
        assert!(s.cost.is_finite(), "{what}: segment cost {}", s.cost);
        assert!(s.variance.is_none_or(f64::is_finite), "{what}: variance");
        assert!(s.slope.is_none_or(f64::is_finite), "{what}: slope");
        if i > 0 {
            assert_eq!(
                changes.get(i - 1),
                Some(&s.start),
                "{what}: change vs segment"
            );
        }
        start = s.end;
    }
    assert_eq!(start, n, "{what}: segments do not end at n");
    assert!(seg.fit_cost().is_finite(), "{what}: fit cost");
    assert!(seg.cost().is_finite(), "{what}: cost {}", seg.cost());
    assert!(
        seg.penalty().is_finite() && seg.penalty() >= 0.0,
        "{what}: penalty {}",
        seg.penalty()
    );
    assert_eq!(seg.ruptures_breakpoints().last(), Some(&n));
    assert_eq!(seg.r_cpts(), changes);
}

/// `a` and `b` are the same optimum up to rounding. The searches compare
/// costs computed from running sums, whose absolute error is about
/// `ε·n·D²` (`D` the range of the values) for the squared-error costs and,
/// through the logarithm of a small variance, up to about `1e-2` per
/// observation for the normal likelihoods (whose variance floor is 1e-10 of
/// the series'); a penalty below that cannot be resolved.
fn same_cost(a: &Segmentation, b: &Segmentation, cost: Cost, values: &[f64]) -> bool {
    let n = values.len() as f64;
    let (lo, hi) = values
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(l, h), &v| {
            (l.min(v), h.max(v))
        });
    let d = hi - lo;
    let rounding = match cost {
        Cost::Mean | Cost::Trend => 1e-13 * n * n * d * d,
        Cost::Variance | Cost::MeanVariance => 1e-2 * n,
        _ => 1e-12 * n * values.iter().sum::<f64>(),
    };
    let tol = 1e-9 * (a.cost().abs() + b.cost().abs() + 1.0) + rounding;
    (a.cost() - b.cost()).abs() <= tol
}

fn search(values: &[f64], h: &Header<'_>) {
    let cost = Cost::ALL[usize::from(h.byte(0)) % Cost::ALL.len()];
    let pen = penalty(h);
    let min_size = match h.byte(2) {
        255 => Some(usize::MAX),
        b if b >= 200 => None,
        b => Some(usize::from(b % 12)),
    };
    let noise = if h.byte(12) % 3 == 0 {
        Noise::Sigma(h.number(13, h.byte(12) & 0x80 != 0))
    } else {
        Noise::Estimate
    };
    let max_changes = (h.byte(21) < 240).then(|| usize::from(h.byte(21) % 16));
    let known_mean = (h.byte(22) % 4 == 0).then(|| h.number(13, true));
    let mut cp = ChangePoints::new(cost).penalty(pen).noise(noise);
    if let Some(l) = min_size {
        cp = cp.min_size(l);
    }
    if let Some(m) = max_changes {
        cp = cp.max_changes(m);
    }
    if let Some(mu) = known_mean {
        cp = cp.known_mean(mu);
    }
    let l = min_size.unwrap_or(cost.default_min_size());
    let n = values.len();
    let non_finite = values.iter().any(|v| !v.is_finite());

    let results: Vec<(Method, Result<Segmentation, Error>)> = METHODS
        .iter()
        .map(|&m| (m, cp.clone().method(m).segment_slice(values)))
        .collect();
    for (m, r) in &results {
        match r {
            Ok(seg) => {
                assert!(!non_finite, "{m:?}: accepted a non-finite value");
                check_valid(seg, n, l, &format!("{cost:?} {m:?} {pen:?}"));
                if *m == Method::BinSeg {
                    assert!(
                        seg.changes().len() <= max_changes.unwrap_or(usize::MAX),
                        "binseg beyond its cap"
                    );
                }
            }
            Err(e) => {
                let _ = e.to_string();
                if non_finite {
                    assert!(matches!(e, Error::NonFinite { .. }), "{m:?}: {e:?}");
                }
            }
        }
    }
    // Every method accepts the same inputs (FPOP only the mean), and the
    // exact ones reach optimal partitioning's cost.
    let op = results
        .iter()
        .find(|(m, _)| *m == Method::Optimal)
        .map(|(_, r)| r);
    if let Some(op) = op {
        for (m, r) in &results {
            let fpop_refused = *m == Method::Fpop && cost != Cost::Mean;
            if fpop_refused {
                assert!(r.is_err());
                continue;
            }
            assert_eq!(
                op.is_ok(),
                r.is_ok(),
                "{cost:?} L={l} {m:?}: {r:?} vs optimal {op:?} on {values:?}"
            );
            if let (Ok(op), Ok(seg)) = (op, r) {
                if *m == Method::BinSeg {
                    assert!(
                        seg.cost() >= op.cost() || same_cost(op, seg, cost, values),
                        "binseg below the optimum: {} < {}",
                        seg.cost(),
                        op.cost()
                    );
                } else {
                    assert!(
                        same_cost(op, seg, cost, values),
                        "{cost:?} {m:?} {pen:?} L={l}: cost {} vs optimal {} ({:?} vs {:?})",
                        seg.cost(),
                        op.cost(),
                        seg.changes(),
                        op.changes()
                    );
                }
            }
        }
    }

    if n <= MAX_CROPS {
        let raw = h.byte(23) & 0x80 != 0;
        let lo = h.number(4, raw);
        let hi = if raw {
            h.number(13, true)
        } else {
            lo + h.number(14, false) * 8.0
        };
        let method = METHODS[usize::from(h.byte(1)) % METHODS.len()];
        match cp.clone().method(method).crops_slice(values, lo, hi) {
            Ok(path) => {
                assert!(!non_finite);
                assert!(!path.is_empty());
                let mut prev: Option<(f64, usize)> = None;
                for s in &path {
                    assert!(s.penalty_min.is_finite() && s.penalty_max.is_finite());
                    assert!(
                        lo <= s.penalty_min
                            && s.penalty_min <= s.penalty_max
                            && s.penalty_max <= hi,
                        "crops range {}..{} outside {lo}..{hi} or inverted",
                        s.penalty_min,
                        s.penalty_max
                    );
                    let m = s.segmentation.changes().len();
                    if let Some((prev_max, prev_m)) = prev {
                        assert!(prev_max <= s.penalty_min, "crops penalties not monotone");
                        assert!(prev_m > m, "crops change counts not decreasing");
                    }
                    prev = Some((s.penalty_max, m));
                    check_valid(&s.segmentation, n, l, "crops");
                }
                assert_eq!(path.first().map(|s| s.penalty_min), Some(lo));
                assert_eq!(path.last().map(|s| s.penalty_max), Some(hi));
            }
            Err(e) => {
                let _ = e.to_string();
            }
        }
    }

    if let Ok(c) = Cusum::new().noise(noise).test_slice(values) {
        assert!(!non_finite);
        assert!(0 < c.change && c.change < n, "cusum change {}", c.change);
        assert!(
            c.statistic.is_finite() && c.statistic >= 0.0,
            "cusum {}",
            c.statistic
        );
        assert!((0.0..=1.0).contains(&c.p_value), "cusum p {}", c.p_value);
        assert!(c.sigma.is_finite() && c.sigma > 0.0);
    }
    if let Ok(s) = estimate_sigma(values) {
        assert!(s.is_finite() && s > 0.0, "sigma {s}");
    }
}

fn online(values: &[f64], h: &Header<'_>) {
    let lambda = if h.byte(12) & 1 == 0 {
        1.0 + h.number(13, false)
    } else {
        h.number(13, true)
    };
    let history: Vec<f64> = values
        .iter()
        .copied()
        .take(2 + usize::from(h.byte(2) % 30))
        .collect();
    let prior = if h.byte(22) & 1 == 0 {
        NormalGamma::from_history(&history)
    } else {
        NormalGamma::new(
            h.number(4, h.byte(3) & 0x80 != 0),
            h.number(5, h.byte(3) & 0x40 != 0),
            h.number(6, h.byte(3) & 0x20 != 0),
            h.number(14, h.byte(3) & 0x10 != 0),
        )
    };
    let Ok(prior) = prior else {
        return;
    };
    let Ok(mut det) = Bocpd::new(lambda, prior) else {
        return;
    };
    for &x in values {
        let before = det.observations();
        match det.update(x) {
            Ok(step) => {
                assert!(x.is_finite());
                assert_eq!(step.t, before);
                assert!(step.run_length >= 1 && step.run_length <= step.t + 1);
                assert_eq!(step.run_start, step.t + 1 - step.run_length);
                assert!(
                    (0.0..=1.0).contains(&step.change_probability),
                    "change probability {}",
                    step.change_probability
                );
                let mut total = 0.0;
                for (len, p) in det.run_lengths() {
                    assert!(len >= 1 && len <= step.t + 1);
                    assert!(p.is_finite() && p >= 0.0, "run-length probability {p}");
                    total += p;
                }
                assert!((total - 1.0).abs() < 1e-6, "posterior sums to {total}");
            }
            Err(_) => assert_eq!(
                det.observations(),
                before,
                "a refused value changed the state"
            ),
        }
    }
}

fn series<P: Period>(start: P, values: &[Option<f64>], h: &Header<'_>) {
    let s: Series<P> = common::finite_series(start, values);
    let cost = Cost::ALL[usize::from(h.byte(0)) % Cost::ALL.len()];
    let cp = ChangePoints::new(cost)
        .penalty(penalty(h))
        .noise(Noise::Sigma(1.0));
    // Missing values at the edges are trimmed; only those inside count.
    let has_missing = s.trim().iter().any(|(_, v)| v.is_none());
    for missing in [Missing::Error, Missing::Skip] {
        let cp = cp.clone().missing(missing);
        match cp.segment(&s) {
            Ok(found) => {
                assert!(!(missing == Missing::Error && has_missing));
                let seg = found.segmentation();
                let observed = s.observations().count();
                check_valid(seg, observed, cost.default_min_size(), "series");
                assert_eq!(found.periods().len(), seg.changes().len());
                assert!(found.periods().windows(2).all(|w| w[0] < w[1]));
                let spans = found.segment_periods();
                assert_eq!(spans.len(), seg.segments().len());
                for ((first, last), p) in spans.iter().skip(1).zip(found.periods()) {
                    assert_eq!(first, p);
                    assert!(first <= last);
                    assert!(s.get(*first).is_some(), "change at a missing period");
                }
            }
            Err(e) => {
                if missing == Missing::Error && has_missing {
                    assert!(
                        e.is_missing_data() || matches!(e, Error::NoObservations),
                        "{e:?}"
                    );
                }
            }
        }
        if s.len() <= MAX_CROPS {
            let _ = cp.crops(&s, 0.0, 1.0 + f64::from(h.byte(5)));
        }
    }
}

/// The settings' text forms: an error, or a value that means what it says.
fn parse(text: &str) {
    if let Ok(p) = text.parse::<Penalty>()
        && let Penalty::Manual(v) = p
    {
        assert!(v.is_finite() && v >= 0.0, "penalty {text:?} parsed as {v}");
    }
    if let Ok(c) = text.parse::<Cost>() {
        assert_eq!(c.name(), text);
    }
    let _ = text.parse::<Method>();
}

fuzz_target!(|data: &[u8]| {
    let (head, rest) = data.split_at(data.len().min(HEADER));
    let h = Header(head);
    if let Ok(text) = core::str::from_utf8(head) {
        parse(text);
    }
    let mut decoded = common::values(rest);
    decoded.truncate(MAX_VALUES);
    // As a slice: missing values become NaN, which the slice API refuses.
    let with_nan: Vec<f64> = decoded.iter().map(|v| v.unwrap_or(f64::NAN)).collect();
    search(&with_nan, &h);
    // The finite values only: what the searches really run on.
    let finite: Vec<f64> = with_nan.iter().copied().filter(|v| v.is_finite()).collect();
    if finite.len() != with_nan.len() {
        search(&finite, &h);
    }
    online(&with_nan, &h);
    match h.byte(1) % 3 {
        0 => series(Month::new(1990, 1).unwrap_or(Month::MIN), &decoded, &h),
        1 => series(Quarter::new(1990, 1).unwrap_or(Quarter::MIN), &decoded, &h),
        _ => series(Year::new(1900).unwrap_or(Year::MIN), &decoded, &h),
    }
});
