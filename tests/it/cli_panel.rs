//! Integration tests: `econ panel`. Runs the real `econ` binary; the
//! reference is the library's single-series methods on each series alone.

use std::process::{Command, Output};

fn econ(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_econ"))
        .args(args)
        .output()
        .expect("econ runs")
}

/// Without the `panel` feature the subcommand does not exist.
#[cfg(not(feature = "panel"))]
#[test]
fn no_panel_subcommand_without_the_feature() {
    let o = econ(&["panel", "--help"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("unrecognized subcommand"));
}

#[cfg(feature = "panel")]
mod with_panel {
    use std::collections::HashMap;
    use std::path::PathBuf;

    use econseries::changepoint::{ChangePoints, Cost, Penalty};
    use econseries::detect::{Detector, Records};
    use econseries::io::ReadOptions;
    use econseries::{AnySeries, Month, Quarter, Series};
    use polars::prelude::{ParquetReader, SerReader};

    use super::*;

    /// A scratch directory for one test.
    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!(
            "econseries-cli-panel-{name}-{}",
            std::process::id()
        ));
        std::fs::create_dir_all(&dir).expect("scratch dir");
        dir
    }

    fn data(stem: &str) -> AnySeries {
        let path = format!("{}/data/{stem}.csv", env!("CARGO_MANIFEST_DIR"));
        let file = std::fs::File::open(path).expect("data file");
        AnySeries::read(file, &ReadOptions::new()).expect("data file")
    }

    const MONTHLY: [&str; 3] = [
        "us_imports_goods_from_china_impch_monthly",
        "us_unemployment_rate_unrate_monthly",
        "umich_consumer_sentiment_umcsent_monthly_1952_2025-09",
    ];

    /// The monthly files as one long CSV, rows interleaved (reverse order
    /// within each file, files round-robin), with a key that looks numeric.
    fn long_csv(dir: &std::path::Path) -> (PathBuf, HashMap<String, Series<Month>>) {
        let mut singles = HashMap::new();
        let mut per_file: Vec<Vec<String>> = Vec::new();
        for (n, stem) in MONTHLY.iter().enumerate() {
            let AnySeries::Monthly(s) = data(stem) else {
                panic!("{stem} is monthly")
            };
            let key = format!("00{n}");
            let mut lines: Vec<String> = s
                .iter()
                .map(|(p, v)| format!("{key},{p},{}", v.map_or(String::new(), |v| v.to_string())))
                .collect();
            lines.reverse();
            per_file.push(lines);
            singles.insert(key, s);
        }
        let mut text = String::from("series,month,value\n");
        let longest = per_file.iter().map(Vec::len).max().unwrap_or(0);
        for i in 0..longest {
            for f in &per_file {
                if let Some(l) = f.get(i) {
                    text.push_str(l);
                    text.push('\n');
                }
            }
        }
        let path = dir.join("long.csv");
        std::fs::write(&path, text).expect("write input");
        (path, singles)
    }

    /// CSV output rows as fields.
    fn rows(o: &Output) -> (Vec<String>, Vec<Vec<String>>) {
        assert!(
            o.status.success(),
            "status {:?}: {}",
            o.status,
            String::from_utf8_lossy(&o.stderr)
        );
        // Piped standard error: no progress bar, nothing at all.
        assert!(
            o.stderr.is_empty(),
            "{}",
            String::from_utf8_lossy(&o.stderr)
        );
        let text = String::from_utf8_lossy(&o.stdout);
        let mut lines = text.lines();
        let header = lines
            .next()
            .expect("header")
            .split(',')
            .map(str::to_owned)
            .collect();
        let body = lines
            .map(|l| l.split(',').map(str::to_owned).collect())
            .collect();
        (header, body)
    }

    fn number(s: &str) -> Option<f64> {
        (!s.is_empty()).then(|| s.parse().expect("number"))
    }

    #[test]
    fn transform_pc1_equals_single_series() {
        let dir = scratch("transform");
        let (input, singles) = long_csv(&dir);
        let input = input.display().to_string();
        let o = econ(&[
            "panel",
            "transform",
            "--units",
            "pc1",
            "--key",
            "series",
            "--period",
            "month",
            "--value",
            "value",
            &input,
        ]);
        let (header, body) = rows(&o);
        assert_eq!(header, ["series", "month", "pc1"]);
        let total: usize = singles.values().map(Series::len).sum();
        assert_eq!(body.len(), total);
        for r in &body {
            let s = &singles[&r[0]];
            let p: Month = r[1].parse().expect("period");
            let want = s.pc1().get(p).map(|x| x.get());
            // Written with enough digits to read back bit for bit.
            assert_eq!(
                number(&r[2]).map(f64::to_bits),
                want.map(f64::to_bits),
                "{r:?}"
            );
        }
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn records_of_growth_and_parquet_output() {
        let dir = scratch("records");
        let (input, singles) = long_csv(&dir);
        let out = dir.join("lows.parquet");
        let o = econ(&[
            "panel",
            "detect",
            "--units",
            "pc1",
            "--key",
            "series",
            "--period",
            "month",
            "--value",
            "value",
            &input.display().to_string(),
            "-o",
            &out.display().to_string(),
            "records",
            "--low",
        ]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        assert!(o.stdout.is_empty() && o.stderr.is_empty());
        let df = ParquetReader::new(std::fs::File::open(&out).expect("output"))
            .finish()
            .expect("parquet");
        let key: Vec<Option<&str>> = df.column("series").unwrap().str().unwrap().iter().collect();
        let month: Vec<Option<&str>> = df.column("month").unwrap().str().unwrap().iter().collect();
        let record: Vec<Option<bool>> = df
            .column("record")
            .unwrap()
            .bool()
            .unwrap()
            .iter()
            .collect();
        let since: Vec<Option<&str>> = df
            .column("compared_with")
            .unwrap()
            .str()
            .unwrap()
            .iter()
            .collect();
        let mut want: HashMap<(String, Month), (bool, Option<Month>)> = HashMap::new();
        for (k, s) in &singles {
            let growth = s.pc1();
            for e in Records::low().detect(&growth).expect("records") {
                want.insert((k.clone(), e.period), (e.is_record(), e.compared_with));
            }
        }
        assert_eq!(df.height(), want.len(), "one row per observed growth rate");
        for i in 0..df.height() {
            let k = key[i].expect("key").to_owned();
            let p: Month = month[i].expect("month").parse().expect("period");
            let got = record[i].map(|r| (r, since[i].map(|s| s.parse::<Month>().expect("since"))));
            assert_eq!(got, want.get(&(k, p)).copied(), "{i}");
        }
        std::fs::remove_dir_all(&dir).ok();
    }

    /// Batches of a sorted Parquet file give the same output as one pass.
    #[test]
    fn batches_equal_one_pass() {
        let dir = scratch("batches");
        let (input, _) = long_csv(&dir);
        let sorted = dir.join("sorted.parquet");
        // Sort by writing through the library: read the CSV, sort, write.
        let cols = econseries::panel::PanelColumns::new(["series"], "month", "value");
        let panel = econseries::panel::Panel::scan_csv(&input, &cols).expect("read");
        let mut df = panel
            .to_dataframe()
            .expect("frame")
            .sort(["series"], Default::default())
            .expect("sort");
        let mut file = std::fs::File::create(&sorted).expect("create");
        polars::prelude::ParquetWriter::new(&mut file)
            .with_row_group_size(Some(64))
            .finish(&mut df)
            .expect("write");
        let args = |extra: &[&str]| {
            let mut a = vec![
                "panel",
                "transform",
                "--units",
                "pch",
                "--key",
                "series",
                "--period",
                "month",
                "--value",
                "value",
            ];
            a.extend_from_slice(extra);
            a.iter().map(|s| s.to_string()).collect::<Vec<_>>()
        };
        let path = sorted.display().to_string();
        let run = |a: Vec<String>| econ(&a.iter().map(String::as_str).collect::<Vec<_>>());
        let whole = run(args(&[&path]));
        let batched = run(args(&["--batch-rows", "100", &path]));
        assert_eq!(rows(&whole), rows(&batched));
        // A CSV input cannot be read in batches; an unsorted file is an error.
        let o = run(args(&["--batch-rows", "100", &input.display().to_string()]));
        assert_eq!(o.status.code(), Some(2));
        let unsorted = dir.join("unsorted.parquet");
        let mut df = panel.to_dataframe().expect("frame");
        let mut file = std::fs::File::create(&unsorted).expect("create");
        polars::prelude::ParquetWriter::new(&mut file)
            .finish(&mut df)
            .expect("write");
        let o = run(args(&[
            "--batch-rows",
            "100",
            &unsorted.display().to_string(),
        ]));
        assert_eq!(o.status.code(), Some(2));
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains("not sorted by key"), "{err}");
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn changepoints_equal_single_series() {
        let dir = scratch("changepoints");
        let stems = [
            "us_real_gdp_growth_a191rl1q225sbea_1947q2_2024q4",
            "us_real_gdp_gdpc1_quarterly_1980_2025q3",
        ];
        let mut text = String::from("country,variable,quarter,v\n");
        let mut singles = Vec::new();
        for (n, stem) in stems.iter().enumerate() {
            let AnySeries::Quarterly(s) = data(stem) else {
                panic!("{stem} is quarterly")
            };
            for (p, v) in s.iter() {
                let v = v.map_or(String::new(), |v| v.to_string());
                text.push_str(&format!("US,{n},{p},{v}\n"));
            }
            singles.push(s);
        }
        let input = dir.join("gdp.csv");
        std::fs::write(&input, text).expect("write");
        let o = econ(&[
            "panel",
            "detect",
            "--key",
            "country,variable",
            "--period",
            "quarter",
            "--value",
            "v",
            &input.display().to_string(),
            "changepoints",
            "--cost",
            "mean",
            "--penalty",
            "bic",
        ]);
        let (header, body) = rows(&o);
        assert_eq!(
            header[..7],
            [
                "country",
                "variable",
                "quarter",
                "kind",
                "v",
                "compared_with",
                "before_mean"
            ]
        );
        assert!(body.iter().all(|r| r[3] == "shift"));
        let cp = ChangePoints::new(Cost::Mean).penalty(Penalty::Bic);
        for (n, s) in singles.iter().enumerate() {
            let want: Vec<Quarter> = cp.segment(s).expect("detect").periods().to_vec();
            let got: Vec<Quarter> = body
                .iter()
                .filter(|r| r[1] == n.to_string())
                .map(|r| r[2].parse().expect("quarter"))
                .collect();
            assert!(!want.is_empty());
            assert_eq!(got, want, "{}", stems[n]);
        }
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn bad_input_exits_2_with_one_line() {
        let dir = scratch("errors");
        let input = dir.join("dup.csv");
        std::fs::write(&input, "k,p,v\nA,2025-01,1\nB,2025-01,2\nA,2025-01,3\n").expect("write");
        let path = input.display().to_string();
        let run = |value: &str, file: &str| {
            econ(&[
                "panel",
                "transform",
                "--units",
                "pc1",
                "--key",
                "k",
                "--period",
                "p",
                "--value",
                value,
                file,
            ])
        };
        for (o, needle) in [
            (run("v", &path), "series A: duplicate period 2025-01"),
            (run("nope", &path), "nope"),
            (
                run("v", "/nonexistent/x.csv"),
                "cannot read /nonexistent/x.csv",
            ),
        ] {
            assert_eq!(o.status.code(), Some(2));
            let err = String::from_utf8_lossy(&o.stderr);
            assert_eq!(err.lines().count(), 1, "{err}");
            assert!(err.starts_with("econ: ") && err.contains(needle), "{err}");
            assert!(o.stdout.is_empty());
        }
        std::fs::remove_dir_all(&dir).ok();
    }
}
