//! X-13 runs with a regARIMA model against the Census program (build 62).

use econseries::x13::spec::X13Spec;

/// The program's saved table `ext` beside `spc` (tab-separated, two header
/// lines), in date order.
fn saved(base: &str, ext: &str) -> Option<Vec<f64>> {
    let text = std::fs::read_to_string(format!("{base}.{ext}")).ok()?;
    Some(
        text.lines()
            .skip(2)
            .map(|l| l.split('\t').nth(1).unwrap().trim().parse().unwrap())
            .collect(),
    )
}

/// Compares one spec run in a scratch folder with the program's files there.
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
    for t in ["b1", "td", "hol", "otl", "ao", "ls", "tc", "usr", "d10", "d11", "d12", "d13", "d16", "d18", "a2"] {
        let (Some(theirs), Some((_, ours))) = (saved(&base, t), run.table(t)) else {
            continue;
        };
        let worst = ours
            .iter()
            .zip(&theirs)
            .map(|(a, b)| (a - b).abs() / b.abs().max(1e-300))
            .fold(0.0, f64::max);
        println!("{t}: {} vs {} values, worst rel {worst:.2e}", ours.len(), theirs.len());
    }
}
