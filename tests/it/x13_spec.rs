//! X-13 spec files: the spec files of `tests/fixtures/x13/specs/` (only
//! `series` and `x11`) run through [`X13Spec`] against the program's D10 and
//! D11, and hostile input that must give errors, never panics.
//!
//! Source: `tests/fixtures/x13/specs/make_specs.py`, which runs the Census
//! X-13ARIMA-SEATS program (build 62, Linux) on each spec file as written.
//! Tolerance: D10 and D11 within 1e-8 relative to the program's value (in
//! the additive mode D10, which crosses zero, within 1e-8 of its largest
//! magnitude), the X-11 tolerance of `tests/it/x11.rs`; the files carry
//! the program's 15 significant digits.

use std::fs;
use std::path::Path;

use econseries::seasonal::{Table, X11Mode};
use econseries::x13::spec::X13Spec;
use econseries::{Error, SpecProblem};
use proptest::prelude::*;

const REL: f64 = 1e-8;

#[test]
fn spec_files_equal_the_program() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/x13/specs");
    let mut specs: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "spc"))
        .collect();
    specs.sort();
    assert_eq!(specs.len(), 7);
    for path in specs {
        let spec = X13Spec::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let fit = spec
            .x11_fit()
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let text = fs::read_to_string(path.with_extension("csv")).unwrap();
        let rows: Vec<Vec<f64>> = text
            .lines()
            .skip(2)
            .map(|l| l.split(',').skip(1).map(|x| x.parse().unwrap()).collect())
            .collect();
        let (d10, d11) = (fit.table(Table::D10), fit.table(Table::D11));
        assert_eq!(d10.len(), rows.len(), "{}", path.display());
        let additive = spec.x11.as_ref().unwrap().mode == X11Mode::Additive;
        let scale10 = rows.iter().map(|r| r[0].abs()).fold(0.0, f64::max);
        let mut worst = (0.0f64, 0.0f64);
        for (i, r) in rows.iter().enumerate() {
            let e10 = (d10[i] - r[0]).abs() / if additive { scale10 } else { r[0].abs() };
            let e11 = (d11[i] - r[1]).abs() / r[1].abs().max(1e-300);
            worst = (worst.0.max(e10), worst.1.max(e11));
        }
        println!(
            "{}: D10 {:.1e}, D11 {:.1e}",
            path.file_stem().unwrap().to_string_lossy(),
            worst.0,
            worst.1
        );
        assert!(
            worst.0 <= REL && worst.1 <= REL,
            "{}: {worst:?}",
            path.display()
        );
    }
}

#[test]
fn the_builder_gives_the_parsed_value() {
    use econseries::seasonal::{CalendarSigma, SeasonalFilter};
    use econseries::x13::regressors::SpecDate;
    use econseries::x13::spec::{SeasonalMa, SeriesSpec, X11Spec};

    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/x13/specs");
    let parsed = X13Spec::read(dir.join("china_imports_span_select.spc")).unwrap();
    let mut x11 = X11Spec::default();
    let s = SeasonalFilter::S3x5;
    let n = SeasonalFilter::S3x9;
    x11.seasonalma = SeasonalMa::PerPeriod(vec![n, n, s, s, s, s, s, s, s, s, s, n]);
    let mut sel = [false; 12];
    sel[0] = true;
    sel[1] = true;
    x11.calendarsigma = CalendarSigma::Select(sel);
    x11.save = vec!["d10".into(), "d11".into()];
    let mut series = SeriesSpec::new(SpecDate::new(1985, 1), 12, parsed.series.data.clone())
        .title("US imports of goods from China")
        .span(Some(SpecDate::new(2001, 1)), Some(SpecDate::new(2019, 12)));
    series.period = 12;
    assert_eq!(X13Spec::new(series).x11(x11), parsed);
}

#[test]
fn regarima_specs_are_described_not_run() {
    let text = "series{start=2000.1 data=(1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24\n\
                25 26 27 28 29 30 31 32 33 34 35 36)}\n\
                transform{function=auto} regression{variables=(td easter[8] ao2001.05) aictest=(td easter)}\n\
                automdl{maxorder=(3 1)} outlier{types=all critical=4.0} forecast{maxlead=24} x11{appendfcst=yes}";
    let spec = X13Spec::parse(text).unwrap();
    assert_eq!(spec.automdl.as_ref().map(|a| a.maxorder), Some((3, 1)));
    assert_eq!(
        spec.outlier.as_ref().map(|o| o.critical),
        Some([Some(4.0); 3])
    );
    match spec.x11_fit() {
        Err(Error::Spec { line: 4, problem }) => assert!(
            matches!(*problem, SpecProblem::NeedsRegarima { ref spec, argument: Some(ref a) } if &**spec == "x11" && &**a == "appendfcst"),
            "{problem:?}"
        ),
        other => panic!("{other:?}"),
    }
}

/// Every line of a real spec file, with a token dropped, doubled or
/// replaced: an error or a value, never a panic.
fn mutate(text: &str, at: usize, how: u8, with: &str) -> String {
    let tokens: Vec<&str> = text
        .split_inclusive([' ', '\n', '(', ')', '{', '}', '='])
        .collect();
    let i = at % tokens.len().max(1);
    let mut out = String::new();
    for (k, t) in tokens.iter().enumerate() {
        if k == i {
            match how % 3 {
                0 => {}
                1 => {
                    out.push_str(t);
                    out.push_str(t);
                }
                _ => out.push_str(with),
            }
        } else {
            out.push_str(t);
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,300}") {
        let _ = X13Spec::parse(&text);
    }

    #[test]
    fn spec_like_text_never_panics(
        parts in proptest::collection::vec(
            prop_oneof![
                Just("series{".to_owned()), Just("x11{".to_owned()), Just("regression{".to_owned()),
                Just("arima{".to_owned()), Just("}".to_owned()), Just("(".to_owned()), Just(")".to_owned()),
                Just("=".to_owned()), Just(",".to_owned()), Just("\"".to_owned()), Just("#".to_owned()),
                Just("\n".to_owned()), Just("start=".to_owned()), Just("data=".to_owned()), Just("2000.1 ".to_owned()),
                Just("variables=".to_owned()), Just("model=".to_owned()), Just("(0 1 1)(0 1 1)12".to_owned()),
                Just("easter[8] ".to_owned()), Just("rp2000.1-1999.1 ".to_owned()), Just("1e308 ".to_owned()),
                Just("-1 ".to_owned()), Just("NaN ".to_owned()), Just("seasonalma=".to_owned()), Just("period=4 ".to_owned()),
                "[a-z0-9.\\[\\]-]{1,8}".prop_map(|s| s + " "),
            ],
            0..60,
        )
    ) {
        let text: String = parts.concat();
        if let Ok(spec) = X13Spec::parse(&text) {
            let _ = spec.data_in_span();
            let _ = spec.x11_fit();
        }
    }

    #[test]
    fn mutated_fixture_specs_never_panic(file in 0usize..74, at in 0usize..2000, how in 0u8..3, with in "[ -~]{0,12}") {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/x13");
        let mut specs: Vec<_> = ["specs", "runs"].iter()
            .flat_map(|d| fs::read_dir(root.join(d)).unwrap().map(|e| e.unwrap().path()))
            .filter(|p| p.extension().is_some_and(|e| e == "spc")).collect();
        specs.sort();
        let text = fs::read_to_string(&specs[file % specs.len()]).unwrap();
        let text = mutate(&text, at, how, &with);
        let lines = text.lines().count().max(1) + 1;
        match X13Spec::parse(&text).and_then(|spec| {
            let run = spec.run()?;
            spec.saved_tables(&run).map(|_| ())
        }) {
            Ok(()) => {}
            Err(Error::Spec { line, problem }) => {
                // The line is one of the text's (or the last, for a missing end).
                prop_assert!(line as usize <= lines, "{line} {problem:?}");
                let _: &SpecProblem = &problem;
            }
            Err(_) => {}
        }
    }
}
