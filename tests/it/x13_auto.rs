//! Spec runs with the program's automatic choices (`transform{function=auto}`,
//! `power=`, `regression{aictest=…}` with `outlier{}`) against the Census
//! program, build 62.
//!
//! Source: tests/fixtures/x13/auto/{cases,estimates,d11}.csv, written by
//! tests/fixtures/x13/auto/make_auto.py (its header describes the specs au,
//! an, pw, ao, aa, dflt and the variants `est`, the spec as written, and
//! `fix`, the same spec with its ARMA coefficients fixed at the est run's).
//!
//! Tolerances: D11 within 1e-5 relative (the fixture has 10 significant
//! digits), coefficients within 1e-4 absolute. Counts of equal cases are
//! printed and held as floors; every difference is listed.

use std::collections::{BTreeMap, HashMap};

use econseries::x13::Transform;
use econseries::x13::spec::{X13Run, X13Spec};

use crate::x13_model::spec_text;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/x13/auto");

/// A row of cases.csv.
pub(crate) struct Case {
    pub(crate) case: String,
    pub(crate) series: String,
    pub(crate) spec: String,
    pub(crate) variant: String,
    /// "ok" or the program's error.
    pub(crate) status: String,
    pub(crate) transform: String,
    pub(crate) model: String,
    /// The program's regression groups other than outliers.
    pub(crate) regressors: Vec<String>,
    pub(crate) outliers: Vec<String>,
    pub(crate) body: String,
}

fn data_lines(file: &str) -> Vec<String> {
    std::fs::read_to_string(format!("{DIR}/{file}"))
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with('#'))
        .skip(1)
        .map(str::to_owned)
        .collect()
}

fn list(s: &str) -> Vec<String> {
    s.split(';')
        .filter(|x| !x.is_empty())
        .map(str::to_owned)
        .collect()
}

pub(crate) fn cases() -> Vec<Case> {
    data_lines("cases.csv")
        .iter()
        .map(|l| {
            let f: Vec<&str> = l.splitn(13, ',').collect();
            Case {
                case: f[0].to_owned(),
                series: f[1].to_owned(),
                spec: f[2].to_owned(),
                variant: f[3].to_owned(),
                status: f[4].to_owned(),
                transform: f[5].to_owned(),
                model: f[6].to_owned(),
                regressors: list(f[7]),
                outliers: list(f[8]),
                body: f[12].to_owned(),
            }
        })
        .collect()
}

pub(crate) fn d11() -> HashMap<(String, String), Vec<f64>> {
    data_lines("d11.csv")
        .iter()
        .map(|l| {
            let f: Vec<&str> = l.splitn(3, ',').collect();
            let v = f[2].split(';').map(|x| x.parse().unwrap()).collect();
            ((f[0].to_owned(), f[1].to_owned()), v)
        })
        .collect()
}

fn estimates() -> HashMap<(String, String), Vec<(String, f64)>> {
    let mut m: HashMap<(String, String), Vec<(String, f64)>> = HashMap::new();
    for l in data_lines("estimates.csv") {
        let f: Vec<&str> = l.split(',').collect();
        m.entry((f[0].to_owned(), f[1].to_owned()))
            .or_default()
            .push((f[2].to_owned(), f[3].parse().unwrap()));
    }
    m
}

/// The program's name of the transformation chosen.
pub(crate) fn transform_name(run: &X13Run) -> &'static str {
    match run.model().map(|m| m.transform()) {
        Some(Transform::Log) => "log",
        Some(Transform::Power(_)) => "power",
        _ => "none",
    }
}

/// The program's regression groups of a run's coefficients (outliers and
/// the constant aside, which the .est table groups the same way).
pub(crate) fn groups(run: &X13Run) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let found = run.outliers_found();
    for c in run.model().map_or(&[][..], |m| m.regression()) {
        if found.contains(&c.name) {
            continue;
        }
        let g = match c.name.as_str() {
            "Mon" | "Tue" | "Wed" | "Thu" | "Fri" | "Sat" => "Trading Day".to_owned(),
            "Weekday" => "1-Coefficient Trading Day".to_owned(),
            other => other.to_owned(),
        };
        if !out.contains(&g) {
            out.push(g);
        }
    }
    out
}

/// Worst relative difference of two series of the same length.
pub(crate) fn worst(ours: &[f64], theirs: &[f64]) -> f64 {
    if ours.len() != theirs.len() {
        return f64::INFINITY;
    }
    ours.iter()
        .zip(theirs)
        .map(|(a, b)| ((a - b) / b.abs().max(1e-300)).abs())
        .fold(0.0, f64::max)
}

fn sorted(v: &[String]) -> Vec<String> {
    let mut v = v.to_vec();
    v.sort();
    v
}

/// Source: tests/fixtures/x13/auto/make_auto.py, specs au, an and pw.
#[test]
fn automatic_and_power_transforms_equal_the_program() {
    let d11 = d11();
    let est = estimates();
    // (spec, variant) -> [cases, transform equal, D11 within 1e-5, coefficients within 1e-4]
    let mut counts: BTreeMap<(String, String), [usize; 4]> = BTreeMap::new();
    let mut differences = Vec::new();
    for c in cases()
        .iter()
        .filter(|c| matches!(c.spec.as_str(), "au" | "an" | "pw"))
    {
        let spec = X13Spec::parse(&spec_text(&c.series, &c.body)).unwrap();
        let run = spec.run();
        let key = (c.spec.clone(), c.variant.clone());
        if c.status != "ok" {
            // The program refused: so must the run, or it is listed.
            if run.is_ok() {
                differences.push(format!(
                    "{} {}: the program refused ({})",
                    c.case, c.variant, c.status
                ));
            }
            continue;
        }
        let count = counts.entry(key).or_default();
        count[0] += 1;
        let run = match run {
            Ok(r) => r,
            Err(e) => {
                differences.push(format!("{} {}: error {e}", c.case, c.variant));
                continue;
            }
        };
        let t = transform_name(&run);
        if t == c.transform {
            count[1] += 1;
        } else {
            differences.push(format!(
                "{} {}: transform {t}, program {}",
                c.case, c.variant, c.transform
            ));
        }
        let w = worst(run.adjusted(), &d11[&(c.case.clone(), c.variant.clone())]);
        if w <= 1e-5 {
            count[2] += 1;
        } else {
            differences.push(format!("{} {}: D11 off by {w:.2e}", c.case, c.variant));
        }
        let fit = run.model().unwrap();
        let ours: Vec<(String, f64)> = fit
            .arma()
            .iter()
            .chain(fit.regression())
            .map(|k| (k.name.clone(), k.estimate))
            .collect();
        let theirs = &est[&(c.case.clone(), c.variant.clone())];
        let close = theirs.iter().all(|(n, e)| {
            ours.iter()
                .find(|(m, _)| m.eq_ignore_ascii_case(n))
                .is_some_and(|(_, v)| (v - e).abs() <= 1e-4)
        });
        if close {
            count[3] += 1;
        }
    }
    println!("spec variant: cases, transform equal, D11 within 1e-5, coefficients within 1e-4");
    for ((s, v), n) in &counts {
        println!("{s} {v}: {n:?}");
    }
    for d in &differences {
        println!("  {d}");
    }
    // Floors at the level reached (the printed counts): the transform
    // always; D11 and coefficients with the differences listed above.
    // au fix misses R_datasets_ldeaths, whose MA is fixed at 0.99999999995
    // (a unit root: the regression's GLS is ill-conditioned, its estimates
    // differ by 2e-4); pw misses R_fpp2_h02 and R_datasets_Seatbelts_PetrolPrice
    // in the last three D11 values (the forecasts of series below 1).
    let floors = [
        ("an", "est", 67, 64, 65),
        ("an", "fix", 67, 67, 67),
        ("au", "est", 67, 63, 64),
        ("au", "fix", 67, 66, 66),
        ("pw", "est", 52, 50, 52),
        ("pw", "fix", 52, 50, 52),
    ];
    for (s, v, all, d11, coef) in floors {
        let n = counts[&(s.to_owned(), v.to_owned())];
        assert_eq!(n[0], all, "{s} {v}: cases");
        assert_eq!(n[1], all, "{s} {v}: transform");
        assert!(n[2] >= d11, "{s} {v}: D11 {n:?}");
        assert!(n[3] >= coef, "{s} {v}: coefficients {n:?}");
    }
}

/// Source: tests/fixtures/x13/auto/make_auto.py, specs ao (log or none with
/// `aictest=(td easter)` and `outlier{}`) and aa (the same with
/// `function=auto`).
#[test]
fn aictest_with_outlier_search_equals_the_program() {
    let d11 = d11();
    // spec -> [cases, transform, regressors kept, outliers, all three, D11 within 1e-5]
    let mut counts: BTreeMap<String, [usize; 6]> = BTreeMap::new();
    let mut differences = Vec::new();
    for c in cases()
        .iter()
        .filter(|c| matches!(c.spec.as_str(), "ao" | "aa") && c.status == "ok")
    {
        let n = counts.entry(c.spec.clone()).or_default();
        n[0] += 1;
        let run = match X13Spec::parse(&spec_text(&c.series, &c.body))
            .unwrap()
            .run()
        {
            Ok(r) => r,
            Err(e) => {
                differences.push(format!("{}: error {e}", c.case));
                continue;
            }
        };
        let t = transform_name(&run) == c.transform;
        let g = sorted(&groups(&run)) == sorted(&c.regressors);
        let o = sorted(run.outliers_found()) == sorted(&c.outliers);
        let w = worst(run.adjusted(), &d11[&(c.case.clone(), c.variant.clone())]);
        for (k, ok) in [t, g, o, t && g && o, w <= 1e-5].into_iter().enumerate() {
            n[k + 1] += usize::from(ok);
        }
        if !(t && g && o) {
            differences.push(format!(
                "{}: transform {} ({}), regressors {:?} ({:?}), outliers {:?} ({:?})",
                c.case,
                transform_name(&run),
                c.transform,
                groups(&run),
                c.regressors,
                run.outliers_found(),
                c.outliers
            ));
        } else if w > 1e-5 {
            differences.push(format!("{}: D11 off by {w:.2e}", c.case));
        }
    }
    println!("spec: cases, transform, regressors kept, outliers, all three equal, D11 within 1e-5");
    for (s, n) in &counts {
        println!("{s}: {n:?}");
    }
    for d in &differences {
        println!("  {d}");
    }
    // The tests choose the program's regressors in every case; the
    // outliers differ where the search itself does (the listed cases, most
    // of them quarterly), below the 95%: floors at the level reached.
    for (s, all, outliers, d11) in [("aa", 66, 60, 54), ("ao", 66, 58, 53)] {
        let n = counts[s];
        assert_eq!(n[..3], [all, all, all], "{s}: {n:?}");
        assert!(n[4] >= outliers && n[5] >= d11, "{s}: {n:?}");
    }
}

/// The program's model text with the seasonal part written out.
fn full_model(m: &str) -> String {
    if m.len() == 7 {
        format!("{m}(0 0 0)")
    } else {
        m.to_owned()
    }
}

/// The program's default automatic run, `transform{function=auto}
/// regression{aictest=(td easter)} automdl{} outlier{} x11{}`, end to end.
///
/// Source: tests/fixtures/x13/auto/make_auto.py, spec dflt. Each case is
/// counted under the first thing that differs, in the order transform,
/// ARIMA model, regressors kept, outliers, D11 (within 1e-5).
#[test]
fn default_automatic_run_against_the_program() {
    let d11 = d11();
    let mut causes: BTreeMap<&str, usize> = BTreeMap::new();
    let mut differences = Vec::new();
    let mut n = 0;
    // Each part equal on its own: transform, model, regressors, outliers, D11.
    let mut alone = [0usize; 5];
    for c in cases()
        .iter()
        .filter(|c| c.spec == "dflt" && c.status == "ok")
    {
        n += 1;
        let run = match X13Spec::parse(&spec_text(&c.series, &c.body))
            .unwrap()
            .run()
        {
            Ok(r) => r,
            Err(e) => {
                *causes.entry("error").or_default() += 1;
                differences.push(format!("{}: error {e}", c.case));
                continue;
            }
        };
        let fit = run.model().unwrap();
        let model = fit.order().to_string();
        let w = worst(run.adjusted(), &d11[&(c.case.clone(), c.variant.clone())]);
        let cause = if transform_name(&run) != c.transform {
            "transform"
        } else if model != full_model(&c.model) {
            "model"
        } else if sorted(&groups(&run)) != sorted(&c.regressors) {
            "regressors"
        } else if sorted(run.outliers_found()) != sorted(&c.outliers) {
            "outliers"
        } else if w > 1e-5 {
            "d11"
        } else {
            "equal"
        };
        *causes.entry(cause).or_default() += 1;
        let same = [
            transform_name(&run) == c.transform,
            model == full_model(&c.model),
            sorted(&groups(&run)) == sorted(&c.regressors),
            sorted(run.outliers_found()) == sorted(&c.outliers),
            w <= 1e-5,
        ];
        for (k, s) in same.into_iter().enumerate() {
            alone[k] += usize::from(s);
        }
        if cause != "equal" {
            differences.push(format!(
                "{}: {cause}: {} {model} {:?} {:?} D11 {w:.1e} (program {} {} {:?} {:?})",
                c.case,
                transform_name(&run),
                groups(&run),
                run.outliers_found(),
                c.transform,
                c.model,
                c.regressors,
                c.outliers
            ));
        }
    }
    println!("default automatic run: {n} series; first difference: {causes:?}");
    println!("each equal alone (transform, model, regressors, outliers, D11 1e-5): {alone:?}");
    for d in &differences {
        println!("  {d}");
    }
    // Floors at the level reached, far below the 95%: the
    // identification (x13::AutoModel) picks another ARIMA model in 17 of
    // 65 series, and the regressors kept follow the model the tests use.
    assert_eq!(n, 65);
    assert_eq!(alone[0], 65, "transform");
    assert!(alone[1] >= 48 && alone[2] >= 44, "{alone:?}");
    assert!(
        causes.get("equal").copied().unwrap_or(0) >= 29,
        "{causes:?}"
    );
}

/// The automdl arguments the run does not implement are refused with
/// their line; the ones it does reach the identification.
#[test]
fn automdl_arguments_not_implemented_are_named_with_their_line() {
    use econseries::Error;
    use econseries::error::SpecProblem;
    let body = |automdl: &str| {
        spec_text(
            "R_datasets_AirPassengers",
            &format!("transform{{function=log}}\n{automdl}\nx11{{}}"),
        )
    };
    for arg in [
        "diff=(1 1)",
        "acceptdefault=yes",
        "balanced=yes",
        "hrinitial=yes",
        "armalimit=2",
        "rejectfcst=yes",
        "fcstlim=10",
        "urfinal=1.1",
    ] {
        let name = arg.split('=').next().unwrap();
        match X13Spec::parse(&body(&format!("automdl{{\n{arg}}}")))
            .unwrap()
            .run()
        {
            Err(Error::Spec { line: 4, problem }) => assert_eq!(
                *problem,
                SpecProblem::UnsupportedArgument {
                    spec: "automdl".into(),
                    argument: name.into()
                }
            ),
            other => panic!("{arg}: {other:?}"),
        }
    }
    // maxorder=(1 1): no model with two regular ARMA terms.
    let run = X13Spec::parse(&body(
        "automdl{maxorder=(1 1) maxdiff=(1 1) mixed=no checkmu=no ljungboxlimit=0.99 reducecv=0.2}",
    ))
    .unwrap()
    .run()
    .unwrap();
    let order = run.model().unwrap().order();
    assert!(order.p <= 1 && order.q <= 1 && order.d <= 1, "{order}");
    assert!(!(order.p > 0 && order.q > 0), "mixed=no: {order}");
}

/// A model without regression effects and without the log, under a
/// multiplicative X-11: the final tables are multiplicative (D11 = A1 / D16),
/// as the program's (checked by hand against build 62 on AirPassengers:
/// D11 within 1.6e-9).
#[test]
fn a_model_without_effects_keeps_a_multiplicative_x11() {
    let text = spec_text(
        "R_datasets_AirPassengers",
        "arima{model=(0 1 1)(0 1 1)} x11{}",
    );
    let run = X13Spec::parse(&text).unwrap().run().unwrap();
    for ((a, d11), d16) in run
        .original()
        .iter()
        .zip(run.adjusted())
        .zip(run.combined())
    {
        assert!((a / d16 - d11).abs() <= 1e-12 * a, "{a} {d11} {d16}");
    }
    assert!(run.combined().iter().all(|f| (0.7..1.3).contains(f)));
}
