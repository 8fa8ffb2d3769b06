//! X-13 runs with a regARIMA model (`X13Spec::run` with regression, arima,
//! estimate, forecast and outlier specs) against the Census program, build 62.
//!
//! Source: tests/fixtures/x13/model/{cases,estimates,tables}.csv, written by
//! tests/fixtures/x13/model/make_models.py (its header describes the specs
//! a, b, c, d, t and the two variants of each run: `est`, the program's own
//! estimation, and `fix`, the same spec with its ARMA coefficients fixed at
//! the est run's values and its outliers given).
//!
//! Tolerances: `fix` runs, whose model is the program's, every table D10,
//! D11, D12, D13, D16, D18 within 1e-8 relative (D10, D13, D16, D18 of the
//! additive mode, which cross zero, relative to the table's largest
//! magnitude; the fixture has 10 significant digits). `est` runs:
//! coefficients within 1e-4 absolute, tables within 1e-5 relative; the
//! shares of equal cases are printed and held as floors.

use std::collections::HashMap;

use econseries::Error;
use econseries::error::SpecProblem;
use econseries::seasonal::Table;
use econseries::x13::regressors::{Regressors, SpecDate, Variable};
use econseries::x13::spec::{
    ArimaModel, ArimaSpec, ForecastSpec, RegressionSpec, TransformFunction, TransformSpec, X11Spec,
    X13Spec,
};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/x13/model");
const SERIES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/x11/series");
const TABLES: [&str; 6] = ["d10", "d11", "d12", "d13", "d16", "d18"];

struct Case {
    case: String,
    series: String,
    spec: String,
    variant: String,
    tables: bool,
    /// The program's log-likelihood, or its error.
    result: Result<f64, String>,
    body: String,
}

fn data_lines(file: &str) -> impl Iterator<Item = String> {
    std::fs::read_to_string(format!("{DIR}/{file}"))
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with('#'))
        .skip(1)
        .map(str::to_owned)
        .collect::<Vec<_>>()
        .into_iter()
}

fn cases() -> Vec<Case> {
    data_lines("cases.csv")
        .map(|l| {
            let f: Vec<&str> = l.splitn(7, ',').collect();
            Case {
                case: f[0].to_owned(),
                series: f[1].to_owned(),
                spec: f[2].to_owned(),
                variant: f[3].to_owned(),
                tables: f[4] == "yes",
                result: match f[5].strip_prefix("error: ") {
                    Some(e) => Err(e.to_owned()),
                    None => Ok(f[5].parse().unwrap()),
                },
                body: f[6].to_owned(),
            }
        })
        .collect()
}

/// case → (name, estimate, standard error).
fn estimates() -> HashMap<String, Vec<(String, f64, f64)>> {
    let mut m: HashMap<String, Vec<_>> = HashMap::new();
    for l in data_lines("estimates.csv") {
        let f: Vec<&str> = l.split(',').collect();
        m.entry(f[0].to_owned()).or_default().push((
            f[1].to_owned(),
            f[2].trim().parse().unwrap(),
            f[3].trim().parse().unwrap(),
        ));
    }
    m
}

/// (case, variant) → one row of D10 … D18 per period (None: no table).
type Rows = Vec<[Option<f64>; 6]>;

fn tables() -> HashMap<(String, String), Rows> {
    let mut m: HashMap<(String, String), Rows> = HashMap::new();
    for l in data_lines("tables.csv") {
        let f: Vec<&str> = l.split(',').collect();
        let mut row = [None; 6];
        for (k, v) in row.iter_mut().zip(&f[3..]) {
            *k = v.parse().ok();
        }
        m.entry((f[0].to_owned(), f[1].to_owned()))
            .or_default()
            .push(row);
    }
    m
}

/// The spec text of a case: the series as the script writes it, then the
/// case's specs.
pub(crate) fn spec_text(series: &str, body: &str) -> String {
    let text = std::fs::read_to_string(format!("{SERIES}/{series}.csv")).unwrap();
    let rows: Vec<(&str, &str)> = text
        .lines()
        .filter(|l| l.starts_with(|c: char| c.is_ascii_digit()))
        .map(|l| l.split_once(',').unwrap())
        .collect();
    let first = rows[0].0;
    let (year, rest) = first.split_at(4);
    let rest = rest.trim_start_matches('-');
    let (period, pos) = match rest.strip_prefix('Q') {
        Some(q) => (4, q.parse::<u32>().unwrap()),
        None => (12, rest.parse::<u32>().unwrap()),
    };
    let data: Vec<&str> = rows.iter().map(|r| r.1).collect();
    format!(
        "series{{start={year}.{pos} period={period} data=({})}}\n{body}",
        data.join(" ")
    )
}

/// Worst relative error of `ours` against the program's column `k` of
/// `rows`; with `scaled`, relative to the column's largest magnitude.
fn worst(ours: &[f64], rows: &Rows, k: usize, scaled: bool) -> Option<f64> {
    let theirs: Vec<f64> = rows.iter().map(|r| r[k]).collect::<Option<_>>()?;
    assert_eq!(ours.len(), theirs.len());
    let scale = theirs.iter().fold(0.0f64, |m, v| m.max(v.abs()));
    Some(
        ours.iter()
            .zip(&theirs)
            .map(|(a, b)| (a - b).abs() / if scaled { scale } else { b.abs() }.max(1e-300))
            .fold(0.0, f64::max),
    )
}

/// The worst error of each of D10 … D18 of a run against the program's
/// rows (None where the program has no D18: no calendar effects). In the
/// additive mode every table is compared relative to its largest
/// magnitude: the series here cross zero (growth rates, changes).
fn table_errors(run: &econseries::x13::spec::X13Run, rows: &Rows, add: bool) -> [Option<f64>; 6] {
    let mut out = [None; 6];
    for (k, t) in TABLES.iter().enumerate() {
        if let Some((_, v)) = run.table(t) {
            out[k] = worst(v, rows, k, add);
        }
    }
    out
}

#[derive(Default, Debug)]
struct Tally {
    runs: usize,
    refused_by_program: usize,
    coef_equal: usize,
    higher_likelihood: usize,
    lower_likelihood: Vec<(String, f64)>,
    other_outliers: Vec<String>,
    table_runs: usize,
    d11_equal: usize,
    all_equal: usize,
    worst_fix: [f64; 6],
    fix_runs: usize,
}

/// Every `fix` run (the program's model) equals the program's tables within
/// 1e-8; every `est` run whose coefficients are the program's within 1e-4
/// has its tables within ten times the coefficients' largest difference
/// (1e-6 at least), and the shares of equal coefficients and
/// tables are printed (`cargo test --release --test it x13_model -- --nocapture`
/// for all series; a debug build skips the est runs of series over about 190
/// values, as `tests/it/regarima.rs` does).
#[test]
fn model_runs_equal_the_program() {
    let full = !cfg!(debug_assertions) || std::env::var("X13_FULL").is_ok();
    let est = estimates();
    let tab = tables();
    let mut tally: HashMap<String, Tally> = HashMap::new();
    let mut failures = Vec::new();
    for c in cases() {
        let t = tally.entry(c.spec.clone()).or_default();
        let loglik = match &c.result {
            Ok(l) => *l,
            Err(_) => {
                if c.variant == "est" {
                    t.refused_by_program += 1;
                }
                continue;
            }
        };
        if c.variant == "fix" && !c.tables {
            continue;
        }
        let text = spec_text(&c.series, &c.body);
        if c.variant == "est" && !full && text.split_whitespace().count() > 200 {
            continue;
        }
        let run = X13Spec::parse(&text)
            .and_then(|s| s.run())
            .unwrap_or_else(|e| panic!("{} {}: {e}", c.case, c.variant));
        let add = c.body.contains("mode=add");
        let errs = c
            .tables
            .then(|| table_errors(&run, &tab[&(c.case.clone(), c.variant.clone())], add));
        if c.variant == "fix" {
            t.fix_runs += 1;
            for (k, e) in errs.unwrap_or_default().iter().enumerate() {
                if let Some(e) = e {
                    t.worst_fix[k] = t.worst_fix[k].max(*e);
                    if *e >= 1e-8 {
                        failures.push(format!("{} fix {}: {e:.1e}", c.case, TABLES[k]));
                    }
                }
            }
            continue;
        }
        t.runs += 1;
        let model = run.model().expect("a model");
        let ours: HashMap<String, f64> = model
            .arma()
            .iter()
            .chain(model.regression())
            .map(|k| (k.name.to_ascii_lowercase(), k.estimate))
            .collect();
        let theirs = &est[&c.case];
        let same_terms = theirs.len() == ours.len()
            && theirs
                .iter()
                .all(|(n, _, _)| ours.contains_key(&n.to_ascii_lowercase()));
        let mut coef_equal = None;
        if same_terms {
            let d = theirs
                .iter()
                .map(|(n, e, _)| (ours[&n.to_ascii_lowercase()] - e).abs())
                .fold(0.0, f64::max);
            let gap = model.likelihood().loglik - loglik;
            if d <= 1e-4 {
                coef_equal = Some(d);
                t.coef_equal += 1;
            } else if gap >= -1e-9 * loglik.abs().max(1.0) {
                t.higher_likelihood += 1;
            } else {
                t.lower_likelihood.push((c.case.clone(), gap));
            }
        } else {
            t.other_outliers.push(c.case.clone());
        }
        if let Some(errs) = errs {
            let all = errs.iter().flatten().fold(0.0f64, |m, e| m.max(*e));
            if std::env::var("X13_VERBOSE").is_ok() {
                println!(
                    "{} d11 {:.1e} all {all:.1e}",
                    c.case,
                    errs[1].unwrap_or(f64::NAN)
                );
            }
            t.table_runs += 1;
            if errs[1].is_some_and(|e| e < 1e-5) {
                t.d11_equal += 1;
            }
            if all < 1e-5 {
                t.all_equal += 1;
            }
            // With the program's coefficients to 1e-4 the tables differ as
            // the coefficients do: by at most ten times as much.
            if let Some(d) = coef_equal
                && all > (10.0 * d).max(1e-6)
            {
                failures.push(format!(
                    "{} est: coefficients within {d:.1e}, tables {all:.1e}",
                    c.case
                ));
            }
        }
    }
    let mut keys: Vec<&String> = tally.keys().collect();
    keys.sort();
    println!(
        "| spec | est runs | program refuses | coefficients within 1e-4 | other optimum, higher likelihood | lower likelihood | other outliers | est runs with tables | D11 within 1e-5 | D10-D18 within 1e-5 | fix runs | fix worst D10 | D11 | D12 | D13 | D16 | D18 |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
    for k in keys {
        let t = &tally[k];
        let w = t.worst_fix.map(|x| format!("{x:.1e}"));
        println!(
            "| {k} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
            t.runs,
            t.refused_by_program,
            t.coef_equal,
            t.higher_likelihood,
            t.lower_likelihood.len(),
            t.other_outliers.len(),
            t.table_runs,
            t.d11_equal,
            t.all_equal,
            t.fix_runs,
            w.join(" | ")
        );
        for (case, gap) in &t.lower_likelihood {
            println!("  {k}: lower likelihood {case} ({gap:.1e})");
            // The program stops a little above the crate's optimum, never
            // far: a larger gap would be an estimation fault.
            if *gap < -1e-2 {
                failures.push(format!(
                    "{case}: log-likelihood {gap:.1e} below the program's"
                ));
            }
        }
        if !t.other_outliers.is_empty() {
            println!("  {k}: other outliers {:?}", t.other_outliers);
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

/// The X-11 quality statistics of the `fix` runs (the program's model)
/// against the program's `.udg` values (tests/fixtures/x13/model/quality.csv,
/// from make_quality.py), which it rounds: M1–M11 to 3 decimals (tolerance
/// 0.0005), Q, Q2 and the I/C ratio to 2 (0.005); the Henderson length and
/// the seasonal filter chosen by MSR exactly. The program writes no F3
/// statistics for series over 600 values (empty cells, skipped).
///
/// What the program does, found here (docs/x13.md): the statistics cover
/// the series' span, without the backcasts and forecasts X-11 ran on,
/// except M8–M11 and the moving-seasonality F of M7, which take the
/// backcasts, and M4, whose formula counts them; M1 weighs the trading-day
/// and holiday components beside I, C and S; M2's original series has the
/// calendar effects and level shifts, less the outliers' variance.
/// Not found yet (held as ceilings, by statistic and spec of
/// make_models.py): M1 of 19 spec a runs (off by at most 0.015), M2 of a
/// few runs with outliers (additive series that cross zero, one
/// multiplicative), and the Q that weighs them; every other statistic
/// equals the program's in every run.
#[test]
fn model_run_quality_statistics_equal_the_program() {
    let bodies: HashMap<String, (String, String)> = cases()
        .into_iter()
        .filter(|c| c.variant == "fix" && c.result.is_ok())
        .map(|c| (c.case, (c.series, c.body)))
        .collect();
    let names = [
        "M1", "M2", "M3", "M4", "M5", "M6", "M7", "M8", "M9", "M10", "M11", "Q", "Q2", "I/C",
    ];
    let mut differ: HashMap<(&str, char), Vec<String>> = HashMap::new();
    let (mut checked, mut runs) = (0, 0);
    for row in data_lines("quality.csv") {
        let f: Vec<&str> = row.split(',').collect();
        let (series, body) = &bodies[f[0]];
        let spec = f[0].chars().last().unwrap();
        let run = X13Spec::parse(&spec_text(series, body))
            .and_then(|s| s.run())
            .unwrap_or_else(|e| panic!("{}: {e}", f[0]));
        let d = run.x11().diagnostics();
        let ours = (1..=11)
            .map(|i| (d.m(i).unwrap_or(f64::NAN), 0.0005))
            .chain([(d.q(), 0.005), (d.q2(), 0.005), (d.ic_ratio(), 0.005)]);
        for (k, ((v, tol), theirs)) in ours.zip(&f[1..15]).enumerate() {
            if theirs.is_empty() {
                continue;
            }
            let theirs: f64 = theirs.parse().unwrap();
            checked += 1;
            if (v - theirs).abs() > tol + 1e-9 {
                differ
                    .entry((names[k], spec))
                    .or_default()
                    .push(format!("{}: {v:.4} vs {theirs}", f[0]));
            }
        }
        if d.trend_filter().to_string() != f[15] {
            differ.entry(("trend", spec)).or_default().push(format!(
                "{}: {} vs {}",
                f[0],
                d.trend_filter(),
                f[15]
            ));
        }
        if !f[16].is_empty() && d.seasonal_filter() != econseries::seasonal::SeasonalFilter::Stable
        {
            let theirs = f[16].to_ascii_lowercase();
            let theirs = if theirs.starts_with('3') {
                format!("s{theirs}")
            } else {
                theirs
            };
            if d.seasonal_filter().name() != theirs {
                differ.entry(("filter", spec)).or_default().push(format!(
                    "{}: {} vs {theirs}",
                    f[0],
                    d.seasonal_filter().name()
                ));
            }
        }
        runs += 1;
    }
    let ceilings = [
        (("M1", 'a'), 19),
        (("M2", 'd'), 6),
        (("M2", 't'), 6),
        (("Q", 'a'), 1),
        (("Q", 'd'), 3),
        (("Q", 't'), 4),
    ];
    let mut keys: Vec<_> = differ.keys().copied().collect();
    keys.sort();
    let mut over = Vec::new();
    for k in &keys {
        let d = &differ[k];
        println!(
            "{} spec {}: {} differ, e.g. {:?}",
            k.0,
            k.1,
            d.len(),
            &d[..d.len().min(2)]
        );
        let ceiling = ceilings.iter().find(|c| c.0 == *k).map_or(0, |c| c.1);
        if d.len() > ceiling {
            over.push((k, d));
        }
    }
    let total: usize = differ.values().map(Vec::len).sum();
    println!("quality statistics: {runs} runs, {checked} values, {total} differ");
    assert!(runs > 300, "{runs}");
    assert!(over.is_empty(), "{over:#?}");
}

/// The program's saved table `ext` of the run `base` (tab-separated, two
/// header lines), in date order.
fn saved(base: &str, ext: &str) -> Option<Vec<f64>> {
    let text = std::fs::read_to_string(format!("{base}.{ext}")).ok()?;
    Some(
        text.lines()
            .skip(2)
            .map(|l| l.split('\t').nth(1).unwrap().trim().parse().unwrap())
            .collect(),
    )
}

/// Compares a spec file run by the program in a scratch folder with the
/// crate's run of it, table by table (a debugging aid, not a check).
#[test]
#[ignore = "debugging aid: X13_BASE=/path/name (name.spc and the program's saved tables)"]
fn debug_one_spec() {
    let base = std::env::var("X13_BASE").unwrap();
    let spec = X13Spec::read(format!("{base}.spc")).unwrap();
    let run = spec.run().unwrap();
    if let Some(m) = run.model() {
        for c in m.arma().iter().chain(m.regression()) {
            println!("{} {:.10} {:.6}", c.name, c.estimate, c.se);
        }
        println!("outliers {:?}", m.outliers());
    }
    let d = run.x11().diagnostics();
    println!("msr by period {:?}", d.msr_by_period());
    println!(
        "x11: trends {:?} trend {} seasonal {:?} msr {} ic {}",
        d.trend_filters(),
        d.trend_filter(),
        d.seasonal_filter(),
        d.msr(),
        d.ic_ratio()
    );
    for t in [
        "b1", "a2", "td", "hol", "otl", "ao", "ls", "tc", "usr", "b7", "b17", "b20", "c1", "c6",
        "c7", "c11", "c13", "c17", "c20", "d7", "d8", "d9", "d10", "d11", "d12", "d13", "d16",
        "d18",
    ] {
        let (Some(theirs), Some((_, ours))) = (saved(&base, t), run.table(t)) else {
            continue;
        };
        if std::env::var("X13_ALL").is_ok() {
            for (i, (a, b)) in ours.iter().zip(&theirs).enumerate() {
                if (a - b).abs() > 1e-9 * b.abs().max(1e-3) {
                    println!("  {t} {i}: {a} vs {b}");
                }
            }
        }
        let worst = ours
            .iter()
            .zip(&theirs)
            .enumerate()
            .map(|(i, (a, b))| ((a - b).abs() / b.abs().max(1e-300), i))
            .fold((0.0, 0), |m, x| if x.0 > m.0 { x } else { m });
        println!(
            "{t}: {} vs {} values, worst rel {:.2e} at {} ({} vs {})",
            ours.len(),
            theirs.len(),
            worst.0,
            worst.1,
            ours.get(worst.1).copied().unwrap_or(f64::NAN),
            theirs.get(worst.1).copied().unwrap_or(f64::NAN)
        );
    }
}

fn spec_error(text: &str) -> (u32, SpecProblem) {
    match X13Spec::parse(text).and_then(|s| s.run().map(|_| ())) {
        Err(Error::Spec { line, problem }) => (line, *problem),
        other => panic!("{text}: {other:?}"),
    }
}

/// Four years of a positive monthly series, as spec text.
fn data() -> String {
    let v: Vec<String> = (0..48)
        .map(|i| format!("{}", 100 + (i % 12) * 3 + i + (i * 7) % 5))
        .collect();
    format!("series{{start=2000.1 data=({})}}\n", v.join(" "))
}

#[test]
fn outlier_spec_without_critical_takes_the_programs_default() {
    // The default for the 48 observations searched, as given explicitly:
    // the same outliers (the value itself is checked against the program
    // in regarima_auto::default_critical_value).
    let d = data();
    let cv = econseries::x13::default_critical_value(48);
    let run = |outlier: &str| {
        let text =
            format!("{d}transform{{function=log}} arima{{model=(0 1 1)(0 1 1)}} {outlier} x11{{}}");
        X13Spec::parse(&text).and_then(|s| s.run()).unwrap()
    };
    let default = run("outlier{}");
    let given = run(&format!("outlier{{critical={cv}}}"));
    assert_eq!(default.outliers_found(), given.outliers_found());
    assert_eq!(default.adjusted(), given.adjusted());
    let strict = run("outlier{critical=0.5}");
    assert_ne!(
        strict.outliers_found(),
        default.outliers_found(),
        "the critical value reaches the search"
    );
}

#[test]
fn what_the_model_run_does_not_do_is_named_with_its_line() {
    let d = data();
    for (tail, line, argument) in [
        (
            "arima{model=(0 1 1)(0 1 1)}\nregression{aictest=td variables=td} outlier{} x11{}",
            3,
            "aictest",
        ),
        (
            "arima{model=(0 1 1)(0 1 1)}\nestimate{\nexact=ma} x11{}",
            4,
            "exact",
        ),
        (
            "arima{model=(0 1 1)(0 1 1)} outlier{method=addall critical=4} x11{}",
            2,
            "method",
        ),
        (
            "arima{model=(0 1 1)(0 1 1)} outlier{critical=(4 3.5)} x11{}",
            2,
            "critical",
        ),
        (
            "arima{model=(0 1 1)(0 1 1)} outlier{types=so critical=4} x11{}",
            2,
            "types",
        ),
        (
            "arima{model=(0 1 1)(0 1 1)}\nforecast{probability=0.9} x11{}",
            3,
            "probability",
        ),
        ("arima{model=(0 1 1)(0 1 1)\n ma=(0.5 0.5)} x11{}", 3, "ma"),
        (
            "arima{model=(0 1 1)(0 1 0)}\nregression{variables=(seasonal)} x11{}",
            3,
            "seasonal",
        ),
    ] {
        let (l, p) = spec_error(&format!("{d}{tail}"));
        assert_eq!(l, line, "{tail}");
        match p {
            SpecProblem::UnsupportedArgument { argument: a, .. } => {
                assert_eq!(&*a, argument, "{tail}")
            }
            other => panic!("{tail}: {other:?}"),
        }
    }
    // A model spec without an ARIMA model, as the program refuses it.
    let (l, p) = spec_error(&format!("{d}x11{{}}\nregression{{variables=td}}"));
    assert_eq!(l, 3);
    assert!(
        matches!(p, SpecProblem::Missing { ref spec, .. } if &**spec == "regression"),
        "{p:?}"
    );
    // The program's conflicts: a leap-year prior adjustment twice, a log
    // model with an additive X-11.
    let (l, p) = spec_error(&format!(
        "{d}transform{{function=log\n adjust=lom}} regression{{variables=td}} arima{{model=(0 1 1)}} x11{{}}"
    ));
    assert_eq!(l, 3);
    assert!(matches!(p, SpecProblem::Conflict { .. }), "{p:?}");
    let (l, p) = spec_error(&format!(
        "{d}transform{{function=log}} arima{{model=(0 1 1)}} x11{{\nmode=add}}"
    ));
    assert_eq!(l, 3);
    assert!(matches!(p, SpecProblem::Conflict { .. }), "{p:?}");
    // Tables the run does not produce are refused by name.
    let spec = X13Spec::parse(&format!(
        "{d}arima{{model=(0 1 1)(0 1 1)}} forecast{{save=(fct)}} x11{{}}"
    ))
    .unwrap();
    let run = spec.run().unwrap();
    assert!(matches!(
        spec.saved_tables(&run),
        Err(Error::Spec { problem, .. }) if matches!(*problem, SpecProblem::UnsupportedTable { ref table, .. } if &**table == "fct")
    ));
}

/// The run built in Rust is the parsed spec's, and the regression effects
/// split as the program's tables do.
#[test]
fn a_built_spec_runs_as_the_parsed_one() {
    let text = spec_text(
        "R_datasets_AirPassengers",
        "transform{function=log} regression{variables=(td easter[8] ao1955.mar ls1958.jan tc1960.mar) save=(td hol otl)}\n\
         arima{model=(0 1 1)(0 1 1)} forecast{maxlead=18 maxback=12} x11{save=(d16 d18)}",
    );
    let parsed = X13Spec::parse(&text).unwrap();
    let built = X13Spec::new(parsed.series.clone())
        .transform(TransformSpec::new(TransformFunction::Log))
        .regression(RegressionSpec::new(Regressors::new([
            Variable::TradingDay,
            Variable::Easter(8),
            Variable::Ao(SpecDate::new(1955, 3)),
            Variable::Ls(SpecDate::new(1958, 1)),
            Variable::Tc(SpecDate::new(1960, 3)),
        ])))
        .arima(ArimaSpec::new(ArimaModel::airline()))
        .forecast(ForecastSpec::default().maxlead(18).maxback(12))
        .x11(X11Spec::default());
    let (a, b) = (parsed.run().unwrap(), built.run().unwrap());
    assert_eq!(a.adjusted(), b.adjusted());
    assert_eq!(a.extension(), (12, 18));
    let saved: Vec<&str> = parsed
        .saved_tables(&a)
        .unwrap()
        .iter()
        .map(|t| t.0)
        .collect();
    assert_eq!(saved, ["td", "hol", "otl", "d16", "d18"]);
    // D16 = D10 · D18 and D11 = A1 / D16; the outliers stay in D11, the
    // level shift in the trend, AO and TC in the irregular.
    let n = a.original().len();
    let (td, hol) = (a.table("td").unwrap().1, a.table("hol").unwrap().1);
    let (ao, ls, tc) = (
        a.table("ao").unwrap().1,
        a.table("ls").unwrap().1,
        a.table("tc").unwrap().1,
    );
    let d18 = a.calendar().unwrap();
    for i in 0..n {
        let close = |x: f64, y: f64| (x - y).abs() <= 1e-12 * y.abs();
        assert!(close(d18[i], td[i] * hol[i]));
        assert!(close(a.combined()[i], a.seasonal()[i] * d18[i]));
        assert!(close(a.adjusted()[i], a.original()[i] / a.combined()[i]));
        assert!(close(a.trend()[i] * a.irregular()[i], a.adjusted()[i]));
        assert!(close(
            a.trend()[i],
            a.x11().table(Table::D12)[i + 12] * ls[i]
        ));
        assert!(close(
            a.irregular()[i],
            a.x11().table(Table::D13)[i + 12] * ao[i] * tc[i]
        ));
    }
}
