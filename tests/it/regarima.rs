//! regARIMA against the Census X-13ARIMA-SEATS program (build 62).
//!
//! Source: tests/fixtures/regarima/{cases,estimates,forecasts}.csv, written by
//! tests/fixtures/regarima/make_fixtures.py from the program's saved tables
//! (`est`, `lks`, `fct`, `ftr`, `bct`) on the series of
//! tests/fixtures/x11/series/.

use std::collections::HashMap;

use econseries::x13::{ArimaOrder, OutlierKind, RegArima, RegArimaFit, Transform};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/regarima");
const SERIES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/x11/series");

#[derive(Clone, Debug)]
pub(crate) struct Case {
    pub(crate) case: String,
    pub(crate) series: String,
    pub(crate) ok: bool,
    pub(crate) transform: String,
    pub(crate) model: String,
    pub(crate) nefobs: usize,
    pub(crate) np: usize,
    pub(crate) lnlkhd: f64,
    pub(crate) var: f64,
    pub(crate) aicc: f64,
    pub(crate) cv_or_error: String,
}

fn rows(file: &str) -> Vec<Vec<String>> {
    let text = std::fs::read_to_string(format!("{DIR}/{file}")).unwrap();
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .skip(1)
        .map(|l| l.split(',').map(str::to_string).collect())
        .collect()
}

fn num(s: &str) -> f64 {
    s.trim().parse().unwrap_or(f64::NAN)
}

pub(crate) fn cases() -> Vec<Case> {
    rows("cases.csv")
        .into_iter()
        .map(|r| Case {
            case: r[0].clone(),
            series: r[1].clone(),
            ok: r[2] == "ok",
            transform: r[3].clone(),
            model: r[4].clone(),
            nefobs: r[6].parse().unwrap_or(0),
            np: r[7].parse().unwrap_or(0),
            lnlkhd: num(&r[8]),
            var: num(&r[10]),
            aicc: num(&r[11]),
            cv_or_error: r[13..].join(","),
        })
        .collect()
}

/// (case, series) → [(kind, name, estimate, se)]
pub(crate) fn estimates() -> HashMap<(String, String), Vec<(String, String, f64, f64)>> {
    let mut m: HashMap<_, Vec<_>> = HashMap::new();
    for r in rows("estimates.csv") {
        m.entry((r[0].clone(), r[1].clone())).or_default().push((r[2].clone(), r[3].clone(), num(&r[4]), num(&r[5])));
    }
    m
}

/// One forecast row: direction, transformed value, se, value, lower, upper.
type FcRow = (String, f64, f64, f64, f64, f64);

pub(crate) fn forecasts() -> HashMap<(String, String), Vec<FcRow>> {
    let mut m: HashMap<_, Vec<_>> = HashMap::new();
    for r in rows("forecasts.csv") {
        m.entry((r[0].clone(), r[1].clone())).or_default().push((
            r[2].clone(),
            num(&r[4]),
            num(&r[5]),
            num(&r[6]),
            num(&r[7]),
            num(&r[8]),
        ));
    }
    m
}

/// A series of the X-11 fixtures: (start year, start position), period, values.
pub(crate) fn series(name: &str) -> ((i32, u32), usize, Vec<f64>) {
    let text = std::fs::read_to_string(format!("{SERIES}/{name}.csv")).unwrap();
    let mut start = None;
    let mut values = Vec::new();
    let mut period = 12;
    for l in text.lines().filter(|l| !l.starts_with('#') && !l.starts_with("period")) {
        let (p, v) = l.split_once(',').unwrap();
        if start.is_none() {
            let y: i32 = p[..4].parse().unwrap();
            let rest = p[4..].trim_start_matches('-');
            if let Some(q) = rest.strip_prefix('Q') {
                period = 4;
                start = Some((y, q.parse().unwrap()));
            } else {
                start = Some((y, rest.parse().unwrap()));
            }
        }
        values.push(v.parse().unwrap());
    }
    (start.unwrap(), period, values)
}

pub(crate) fn parse_model(m: &str) -> Option<ArimaOrder> {
    let d: Vec<usize> = m.chars().filter(|c| c.is_ascii_digit()).map(|c| c as usize - '0' as usize).collect();
    (d.len() == 6).then(|| ArimaOrder::new(d[0], d[1], d[2]).seasonal(d[3], d[4], d[5]))
}

/// The builder for one of the fixed-model cases, as the script's spec.
pub(crate) fn fixed_builder(case: &str, values: &[f64], period: usize) -> Option<RegArima> {
    let n = values.len();
    let positive = values.iter().all(|v| *v > 0.0);
    let air = RegArima::new(ArimaOrder::airline()).forecasts(2 * period).backcasts(period);
    Some(match case {
        "air_log" => air.transform(Transform::Log),
        "air" => air,
        "arma" => air.order(ArimaOrder::new(2, 1, 0).seasonal(0, 1, 1)).constant(true),
        "reg" => air
            .transform(if positive { Transform::Log } else { Transform::None })
            .outlier(OutlierKind::Ao, n / 3)
            .outlier(OutlierKind::Ls, n / 2)
            .outlier(OutlierKind::Tc, 2 * n / 3),
        "atr" => air.transform(Transform::Auto),
        _ => return None,
    })
}

#[derive(Default, Debug)]
pub(crate) struct Stats {
    pub(crate) cases: usize,
    pub(crate) coef_ok: usize,
    pub(crate) worst_coef: (f64, String),
    pub(crate) worst_se: (f64, String),
    pub(crate) worst_aicc: (f64, String),
    pub(crate) worst_fc: (f64, String),
    pub(crate) worst_fse: (f64, String),
    pub(crate) worst_bc: (f64, String),
    pub(crate) failures: Vec<String>,
}

fn worst(w: &mut (f64, String), v: f64, what: String) {
    if !(v <= w.0) {
        *w = (v, what);
    }
}

/// Compares one fit with the program's tables; returns whether every
/// coefficient is within 1e-4.
pub(crate) fn compare(
    c: &Case,
    fit: &RegArimaFit,
    est: &[(String, String, f64, f64)],
    fc: &[FcRow],
    s: &mut Stats,
) -> bool {
    let id = format!("{} {}", c.case, c.series);
    let mut ok = true;
    let mine: HashMap<String, (f64, f64)> = fit
        .arma()
        .iter()
        .chain(fit.regression())
        .map(|k| (k.name.to_lowercase(), (k.estimate, k.se)))
        .collect();
    for (_, name, e, se) in est {
        let Some((me, mse)) = mine.get(&name.to_lowercase()) else {
            ok = false;
            s.failures.push(format!("{id}: no {name}"));
            continue;
        };
        // Regression coefficients relative to their standard error's scale.
        let scale = if name.starts_with(|ch: char| ch.is_ascii_uppercase()) { se.max(1e-300) / 0.1 } else { 1.0 };
        let d = (me - e).abs() / scale.max(1.0);
        worst(&mut s.worst_coef, d, format!("{id} {name}: {me} vs {e}"));
        if d > 1e-4 {
            ok = false;
        }
        worst(&mut s.worst_se, (mse - se).abs() / se, format!("{id} {name}: se {mse} vs {se}"));
    }
    let l = fit.likelihood();
    worst(&mut s.worst_aicc, (l.aicc - c.aicc).abs(), format!("{id}: aicc {} vs {}", l.aicc, c.aicc));
    let f: Vec<_> = fc.iter().filter(|r| r.0 == "f").collect();
    let b: Vec<_> = fc.iter().filter(|r| r.0 == "b").collect();
    for (i, (mine, theirs)) in fit.forecasts().iter().zip(&f).enumerate() {
        let rel = (mine.value - theirs.3).abs() / theirs.3.abs().max(1e-300);
        let scale = theirs.4.max(theirs.5) - theirs.4.min(theirs.5);
        worst(&mut s.worst_fc, (mine.value - theirs.3).abs() / scale.max(1e-300), format!("{id} h={}: {} vs {} (rel {rel:.1e})", i + 1, mine.value, theirs.3));
        if theirs.2.is_finite() {
            worst(&mut s.worst_fse, (mine.se - theirs.2).abs() / theirs.2, format!("{id} h={}: se {} vs {}", i + 1, mine.se, theirs.2));
        }
    }
    for (i, (mine, theirs)) in fit.backcasts().iter().zip(&b).enumerate() {
        let scale = theirs.4.max(theirs.5) - theirs.4.min(theirs.5);
        worst(&mut s.worst_bc, (mine.value - theirs.3).abs() / scale.max(1e-300), format!("{id} b{}: {} vs {}", i, mine.value, theirs.3));
    }
    if f.len() != fit.forecasts().len() {
        s.failures.push(format!("{id}: {} forecasts vs {}", fit.forecasts().len(), f.len()));
    }
    if !ok {
        s.failures.push(format!("{id}: loglik mine − program {:+.3e}", l.loglik - c.lnlkhd));
    }
    ok
}

/// The program's ARMA estimates of a case, as fixed coefficients.
pub(crate) fn program_arma(order: ArimaOrder, est: &[(String, String, f64, f64)]) -> econseries::x13::ArmaCoefficients {
    let get = |prefix: &str, k: usize| -> Vec<f64> {
        (1..=k)
            .map(|i| {
                est.iter()
                    .filter(|r| r.0 == "arima")
                    .filter(|r| r.1.starts_with(prefix) && r.1[prefix.len()..].chars().all(|c| c.is_ascii_digit()))
                    .nth(i - 1)
                    .map(|r| r.2)
                    .unwrap()
            })
            .collect()
    };
    econseries::x13::ArmaCoefficients { ar: get("ar", order.p), sar: get("sar", order.sp), ma: get("ma", order.q), sma: get("sma", order.sq) }
}

/// At the program's own ARMA estimates, the likelihood, the regression
/// (GLS) estimates with their standard errors, and the forecasts and
/// backcasts with their standard errors equal the program's: the same
/// function, the same forecasting.
#[test]
fn likelihood_and_forecasts_at_the_programs_estimates() {
    let est = estimates();
    let fc = forecasts();
    let (mut worst_l, mut worst_b, mut worst_bse, mut worst_f, mut worst_fse, mut worst_bc) =
        ((0.0f64, String::new()), (0.0f64, String::new()), (0.0f64, String::new()), (0.0f64, String::new()), (0.0f64, String::new()), (0.0f64, String::new()));
    let mut n = 0;
    for c in cases().iter().filter(|c| c.ok && ["air_log", "air", "arma", "reg"].contains(&c.case.as_str())) {
        let (start, period, values) = series(&c.series);
        let key = (c.case.clone(), c.series.clone());
        let e = &est[&key];
        let order = parse_model(&c.model).unwrap();
        let b = fixed_builder(&c.case, &values, period).unwrap().fixed_arma(program_arma(order, e));
        let fit = b.fit_slice(&values, period, start).unwrap();
        n += 1;
        let id = format!("{} {}", c.case, c.series);
        let l = fit.likelihood();
        worst(&mut worst_l, (l.loglik - c.lnlkhd).abs() / c.lnlkhd.abs().max(1.0), format!("{id}: {} vs {}", l.loglik, c.lnlkhd));
        assert_eq!(l.nefobs, c.nefobs, "{id}");
        assert_eq!(l.np, c.np, "{id}");
        worst(&mut worst_l, (l.variance - c.var).abs() / c.var, format!("{id}: var {} vs {}", l.variance, c.var));
        worst(&mut worst_l, (l.aicc - c.aicc).abs() / c.aicc.abs().max(1.0), format!("{id}: aicc {} vs {}", l.aicc, c.aicc));
        for (_, name, v, se) in e.iter().filter(|r| r.0 == "regression") {
            let k = fit.regression().iter().find(|k| k.name.eq_ignore_ascii_case(name)).unwrap();
            worst(&mut worst_b, (k.estimate - v).abs() / se, format!("{id} {name}: {} vs {v}", k.estimate));
            worst(&mut worst_bse, (k.se - se).abs() / se, format!("{id} {name}: se {} vs {se}", k.se));
        }
        let rows = &fc[&key];
        for (mine, theirs) in fit.forecasts().iter().zip(rows.iter().filter(|r| r.0 == "f")) {
            let err = (mine.transformed - theirs.1).abs() / theirs.2;
            if err > 1e-6 {
                println!("FC {id}: {err:.2e} {} vs {}", mine.transformed, theirs.1);
            }
            worst(&mut worst_f, err, format!("{id}: {} vs {}", mine.value, theirs.3));
            worst(&mut worst_fse, (mine.se - theirs.2).abs() / theirs.2, format!("{id}: se {} vs {}", mine.se, theirs.2));
        }
        for (mine, theirs) in fit.backcasts().iter().zip(rows.iter().filter(|r| r.0 == "b")) {
            let half = (theirs.5 - theirs.4).abs();
            worst(&mut worst_bc, (mine.value - theirs.3).abs() / half.max(1e-300), format!("{id}: {} vs {} [{}, {}]", mine.value, theirs.3, theirs.4, theirs.5));
        }
        assert_eq!(fit.forecasts().len(), rows.iter().filter(|r| r.0 == "f").count(), "{id}");
        assert_eq!(fit.backcasts().len(), rows.iter().filter(|r| r.0 == "b").count(), "{id}");
    }
    println!("{n} cases at the program's ARMA estimates");
    println!("loglik/variance/AICC, relative: {:.2e} {}", worst_l.0, worst_l.1);
    println!("regression estimates, in standard errors: {:.2e} {}", worst_b.0, worst_b.1);
    println!("regression standard errors, relative: {:.2e} {}", worst_bse.0, worst_bse.1);
    println!("forecasts, in standard errors: {:.2e} {}", worst_f.0, worst_f.1);
    println!("forecast standard errors, relative: {:.2e} {}", worst_fse.0, worst_fse.1);
    println!("backcasts, relative to the interval's width: {:.2e} {}", worst_bc.0, worst_bc.1);
}

/// Every fixed-model case (airline with and without log, (2 1 0)(0 1 1) with
/// a constant, AO/LS/TC regressors) on every series of the corpus.
#[test]
fn fixed_models_equal_the_program() {
    let est = estimates();
    let fc = forecasts();
    let mut stats: HashMap<String, Stats> = HashMap::new();
    for c in cases().iter().filter(|c| c.ok && ["air_log", "air", "arma", "reg"].contains(&c.case.as_str())) {
        let (start, period, values) = series(&c.series);
        let b = fixed_builder(&c.case, &values, period).unwrap();
        let s = stats.entry(c.case.clone()).or_default();
        s.cases += 1;
        let key = (c.case.clone(), c.series.clone());
        match b.fit_slice(&values, period, start) {
            Ok(fit) => {
                if compare(c, &fit, est.get(&key).map_or(&[][..], |v| v), fc.get(&key).map_or(&[][..], |v| v), s) {
                    s.coef_ok += 1;
                }
            }
            Err(e) => s.failures.push(format!("{} {}: {e}", c.case, c.series)),
        }
    }
    let mut keys: Vec<_> = stats.keys().cloned().collect();
    keys.sort();
    for k in &keys {
        let s = &stats[k];
        println!("{k}: {}/{} coefficients within 1e-4", s.coef_ok, s.cases);
        println!("  worst coef {:.2e} {}", s.worst_coef.0, s.worst_coef.1);
        println!("  worst se   {:.2e} {}", s.worst_se.0, s.worst_se.1);
        println!("  worst aicc {:.2e} {}", s.worst_aicc.0, s.worst_aicc.1);
        println!("  worst fc   {:.2e} {}", s.worst_fc.0, s.worst_fc.1);
        println!("  worst fse  {:.2e} {}", s.worst_fse.0, s.worst_fse.1);
        println!("  worst bc   {:.2e} {}", s.worst_bc.0, s.worst_bc.1);
        for f in &s.failures {
            println!("  FAIL {f}");
        }
    }
}

/// Debugging aid: `REGARIMA_CASE=air REGARIMA_SERIES=R_datasets_mdeaths cargo test --test it regarima::debug_one -- --ignored --nocapture`
#[test]
#[ignore]
fn debug_one() {
    use econseries::x13::ArmaCoefficients;
    let case = std::env::var("REGARIMA_CASE").unwrap_or("air".into());
    let name = std::env::var("REGARIMA_SERIES").unwrap_or("R_datasets_mdeaths".into());
    let (start, period, values) = series(&name);
    let b = fixed_builder(&case, &values, period).unwrap();
    let fit = b.clone().fit_slice(&values, period, start).unwrap();
    println!("mine: {:?}\n{:?}\niter {}", fit.arma(), fit.likelihood(), fit.iterations());
    let est = estimates();
    let theirs = &est[&(case.clone(), name.clone())];
    println!("theirs: {theirs:?}");
    let c = cases().into_iter().find(|c| c.case == case && c.series == name).unwrap();
    println!("theirs lnlkhd {} aicc {} var {}", c.lnlkhd, c.aicc, c.var);
    let order = fit.order();
    let v: Vec<f64> = theirs.iter().filter(|r| r.0 == "arima").map(|r| r.2).collect();
    let mut coef = ArmaCoefficients::default();
    let mut it = v.into_iter();
    coef.ar = (0..order.p).map(|_| it.next().unwrap()).collect();
    coef.sar = (0..order.sp).map(|_| it.next().unwrap()).collect();
    coef.ma = (0..order.q).map(|_| it.next().unwrap()).collect();
    coef.sma = (0..order.sq).map(|_| it.next().unwrap()).collect();
    let f2 = b.fixed_arma(coef).fit_slice(&values, period, start).unwrap();
    println!("at theirs: {:?}", f2.likelihood());
}

/// Debugging aid for a hand-made spec: mdeaths (2 1 0)(0 1 1) without a constant.
#[test]
#[ignore]
fn debug_mdeaths_ar() {
    use econseries::x13::ArmaCoefficients;
    let (start, period, values) = series("R_datasets_mdeaths");
    let coef = ArmaCoefficients {
        ar: vec![-0.37746764449608, -0.48467321458323],
        sma: vec![std::env::var("SMA").unwrap().parse().unwrap()],
        ..Default::default()
    };
    let fit = RegArima::new(ArimaOrder::new(2, 1, 0).seasonal(0, 1, 1))
        .fixed_arma(coef)
        .forecasts(4)
        .fit_slice(&values, period, start)
        .unwrap();
    for f in fit.forecasts() {
        println!("{} {}", f.transformed, f.se);
    }
    println!("{:?}", fit.likelihood());
}
