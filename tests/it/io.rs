//! Integration tests: io. Reading every shipped data file, the accepted and
//! rejected CSV forms, frequency inference, writing, and JSON round trips.

use std::io::Read;
use std::path::PathBuf;

use econseries::io::{ReadOptions, format_value};
use econseries::{AnySeries, Error, Frequency, Month, ParseProblem, Quarter, Series, Year};
use proptest::prelude::*;

/// Reads the file at `path` with the default options.
fn read_file(path: impl AsRef<std::path::Path>) -> econseries::Result<AnySeries> {
    AnySeries::read(std::fs::File::open(path)?, &ReadOptions::new())
}

fn data(file: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("data")
        .join(file)
}

/// One shipped file, as listed in `data/PROVENANCE.md`.
struct DataFile {
    file: &'static str,
    frequency: Frequency,
    first: &'static str,
    last: &'static str,
    /// Rows in the file (PROVENANCE's `rows`).
    rows: usize,
    /// Rows with an empty value (PROVENANCE's `empty`).
    empty: usize,
    /// Whether every period from first to last has a row.
    contiguous: bool,
}

/// Source: data/PROVENANCE.md, the summary table.
const FILES: [DataFile; 20] = {
    use Frequency::{Annual as A, Monthly as M, Quarterly as Q};
    const fn f(
        file: &'static str,
        frequency: Frequency,
        first: &'static str,
        last: &'static str,
        rows: usize,
        empty: usize,
        contiguous: bool,
    ) -> DataFile {
        DataFile {
            file,
            frequency,
            first,
            last,
            rows,
            empty,
            contiguous,
        }
    }
    [
        f(
            "us_imports_goods_from_china_impch_monthly.csv",
            M,
            "1985-01",
            "2025-12",
            492,
            0,
            true,
        ),
        f(
            "us_exports_goods_to_china_census_monthly_2024_2026.csv",
            M,
            "2024-01",
            "2026-01",
            25,
            0,
            true,
        ),
        f(
            "us_exports_goods_to_china_census_monthly_2001_2019.csv",
            M,
            "2001-01",
            "2019-12",
            228,
            0,
            true,
        ),
        f(
            "china_exports_to_us_customs_press_spot_values_usd_bn.csv",
            M,
            "2008-06",
            "2025-09",
            20,
            0,
            false,
        ),
        f(
            "china_exports_to_us_customs_press_yoy_pct.csv",
            M,
            "2009-05",
            "2025-09",
            5,
            0,
            false,
        ),
        f(
            "us_real_gdp_gdpc1_quarterly_1947_2025q1.csv",
            Q,
            "1947-Q1",
            "2025-Q1",
            313,
            0,
            true,
        ),
        f(
            "us_real_gdp_gdpc1_quarterly_1980_2025q3.csv",
            Q,
            "1980-Q1",
            "2025-Q3",
            183,
            0,
            true,
        ),
        f(
            "us_nominal_gdp_quarterly_1980_2025q3.csv",
            Q,
            "1980-Q1",
            "2025-Q3",
            183,
            0,
            true,
        ),
        f(
            "us_real_gdp_growth_a191rl1q225sbea_1947q2_2024q4.csv",
            Q,
            "1947-Q2",
            "2024-Q4",
            311,
            0,
            true,
        ),
        f(
            "us_real_gdp_growth_a191rl1q225sbea_2020q1_2025q4.csv",
            Q,
            "2020-Q1",
            "2025-Q4",
            24,
            0,
            true,
        ),
        f(
            "umich_consumer_sentiment_umcsent_monthly_1952_2025-09.csv",
            M,
            "1952-11",
            "2025-09",
            875,
            210,
            true,
        ),
        f(
            "umich_consumer_sentiment_umcsent_monthly_1980_2025-11.csv",
            M,
            "1980-01",
            "2025-11",
            551,
            0,
            true,
        ),
        f(
            "oecd_consumer_confidence_us_cscicp03usm665s_monthly.csv",
            M,
            "1960-01",
            "2024-01",
            769,
            0,
            true,
        ),
        f(
            "us_unemployment_rate_unrate_monthly.csv",
            M,
            "1948-01",
            "2026-06",
            942,
            1,
            true,
        ),
        f(
            "bundled_R_datasets_Nile_annual.csv",
            A,
            "1871",
            "1970",
            100,
            0,
            true,
        ),
        f(
            "china_total_exports_customs_press_yoy_pct.csv",
            M,
            "2025-04",
            "2025-09",
            5,
            0,
            false,
        ),
        f(
            "china_total_exports_goods_oecd_xtexva01cnm667s_monthly_sa.csv",
            M,
            "2000-02",
            "2020-04",
            243,
            0,
            true,
        ),
        f(
            "us_recession_indicator_usrec_monthly.csv",
            M,
            "1854-12",
            "2026-06",
            2059,
            0,
            true,
        ),
        f(
            "bundled_strucchange_USIncExp_income_monthly.csv",
            M,
            "1959-01",
            "2001-02",
            506,
            0,
            true,
        ),
        f(
            "bundled_strucchange_USIncExp_expenditure_monthly.csv",
            M,
            "1959-01",
            "2001-02",
            506,
            0,
            true,
        ),
    ]
};

/// The files whose value column holds words (`peak`, `trough`), not numbers:
/// event lists read by the turning-point tests (tests/it/detect.rs), never by
/// the numeric reader.
const EVENT_FILES: [&str; 2] = [
    "nber_turning_points_monthly.csv",
    "nber_turning_points_quarterly.csv",
];

/// Every CSV in `data/` and in the project's shared data folder
/// (`../shared/data/`, present in a checkout beside it and in CI), by name,
/// with its path; the shared copy wins for a name in both, being the source.
fn all_data_files() -> Vec<(String, PathBuf)> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut files = std::collections::BTreeMap::new();
    for dir in [root.join("data"), root.join("../shared/data")] {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for e in entries {
            let path = e.expect("directory entry").path();
            if path.extension().is_some_and(|x| x == "csv") {
                let name = path
                    .file_name()
                    .expect("a file name")
                    .to_string_lossy()
                    .into_owned();
                files.insert(name, path);
            }
        }
    }
    files.into_iter().collect()
}

/// The (period, value) rows of a shipped file, parsed independently of the
/// crate's reader: split on commas, `str::parse::<f64>` for the value.
fn raw_rows(file: &str) -> Vec<(String, Option<f64>)> {
    let text = std::fs::read_to_string(data(file)).expect("readable");
    text.lines()
        .skip(1)
        .map(|l| {
            let (p, v) = l.split_once(',').expect("two fields");
            (
                p.to_owned(),
                if v.is_empty() {
                    None
                } else {
                    Some(v.parse().expect("number"))
                },
            )
        })
        .collect()
}

/// The slots of a series of any frequency as bits, `None` for missing.
fn bits(any: &AnySeries) -> Vec<Option<u64>> {
    fn of<P: econseries::Period>(s: &Series<P>) -> Vec<Option<u64>> {
        s.values().map(|v| v.map(f64::to_bits)).collect()
    }
    match any {
        AnySeries::Monthly(s) => of(s),
        AnySeries::Quarterly(s) => of(s),
        AnySeries::Annual(s) => of(s),
        _ => unreachable!("no other frequency"),
    }
}

/// The first and last periods of a series of any frequency, canonical.
fn span(any: &AnySeries) -> (String, String) {
    fn of<P: econseries::Period>(s: &Series<P>) -> (String, String) {
        (
            s.start().to_string(),
            s.end().expect("non-empty").to_string(),
        )
    }
    match any {
        AnySeries::Monthly(s) => of(s),
        AnySeries::Quarterly(s) => of(s),
        AnySeries::Annual(s) => of(s),
        _ => unreachable!("no other frequency"),
    }
}

/// The error wrapped in an [`Error::Read`], with its line and text.
fn row_error(r: Result<AnySeries, Error>) -> (u64, Box<str>, Error) {
    match r {
        Err(Error::Read { line, text, source }) => (line, text, *source),
        other => panic!("expected a row error, got {other:?}"),
    }
}

fn reject(csv: &str) -> (u64, Box<str>, Error) {
    row_error(AnySeries::read(csv.as_bytes(), &ReadOptions::new()))
}

// ---- the shipped data files ----

/// Source: data/PROVENANCE.md (rows, empty counts, coverage of each file).
#[test]
fn every_data_file_reads_with_its_frequency_rows_and_gaps() {
    for f in &FILES {
        let any = read_file(data(f.file)).unwrap_or_else(|e| panic!("{}: {e}", f.file));
        assert_eq!(any.frequency(), f.frequency, "{}", f.file);
        assert_eq!(
            span(&any),
            (f.first.to_owned(), f.last.to_owned()),
            "{}",
            f.file
        );
        assert_eq!(any.count(), f.rows - f.empty, "{}", f.file);
        assert_eq!(any.len() == f.rows, f.contiguous, "{}", f.file);
        assert_eq!(
            raw_rows(f.file).len(),
            f.rows,
            "{}: PROVENANCE row count",
            f.file
        );
    }
}

#[test]
fn every_data_file_has_its_values_bit_for_bit() {
    for f in &FILES {
        let any = read_file(data(f.file)).expect("reads");
        let csv = any.to_csv_string();
        let written: std::collections::HashMap<&str, &str> = csv
            .lines()
            .skip(1)
            .map(|l| l.split_once(',').expect("two fields"))
            .collect();
        for (period, value) in raw_rows(f.file) {
            // The file writes quarters as 1980Q1; the canonical form is 1980-Q1.
            let canonical = period.replace('Q', "-Q");
            let cell = written
                .get(canonical.as_str())
                .unwrap_or_else(|| panic!("{}: {period}", f.file));
            let back = if cell.is_empty() {
                None
            } else {
                Some(cell.parse::<f64>().expect("number"))
            };
            assert_eq!(
                back.map(f64::to_bits),
                value.map(f64::to_bits),
                "{} {period}",
                f.file
            );
        }
    }
}

#[test]
fn every_data_file_survives_csv_series_csv() {
    for f in &FILES {
        let any = read_file(data(f.file)).expect("reads");
        let csv = any.to_csv_string();
        let back = AnySeries::read(csv.as_bytes(), &ReadOptions::new()).expect("reads back");
        assert_eq!(bits(&back), bits(&any), "{}", f.file);
        assert_eq!(back.to_csv_string(), csv, "{}", f.file);
        assert_eq!(csv.lines().count(), any.len() + 1, "{}", f.file);
    }
}

#[cfg(feature = "serde")]
#[test]
fn every_data_file_survives_csv_series_json_series_csv() {
    for f in &FILES {
        let any = read_file(data(f.file)).expect("reads");
        let json = any.to_json().expect("serialises");
        let back = AnySeries::read(
            json.as_bytes(),
            &ReadOptions::new().format(econseries::io::Format::Json),
        )
        .expect("deserialises");
        assert_eq!(back.frequency(), any.frequency(), "{}", f.file);
        assert_eq!(bits(&back), bits(&any), "{}", f.file);
        assert_eq!(back.to_csv_string(), any.to_csv_string(), "{}", f.file);
        // Typed, through serde_json directly.
        match &any {
            AnySeries::Monthly(s) => {
                let t: Series<Month> = serde_json::from_str(&json).expect("typed");
                assert_eq!(&t, s);
                assert_eq!(
                    Series::<Month>::read(
                        s.to_json().expect("json").as_bytes(),
                        &ReadOptions::new().format(econseries::io::Format::Json)
                    )
                    .expect("typed"),
                    *s
                );
            }
            AnySeries::Quarterly(s) => {
                assert_eq!(
                    Series::<Quarter>::read(
                        json.as_bytes(),
                        &ReadOptions::new().format(econseries::io::Format::Json)
                    )
                    .expect("typed"),
                    *s
                )
            }
            AnySeries::Annual(s) => {
                assert_eq!(
                    Series::<Year>::read(
                        json.as_bytes(),
                        &ReadOptions::new().format(econseries::io::Format::Json)
                    )
                    .expect("typed"),
                    *s
                )
            }
            _ => unreachable!(),
        }
    }
}

/// No data loss: every numeric file of `data/` and of the shared data folder
/// survives CSV → `Series` → JSON → `Series` → CSV: each row's value bit for
/// bit (checked against an independent parse of the file), every missing
/// value still missing, every period of the span present once, and the CSV
/// written after the JSON trip equal to the one written before it. The event
/// files (words, not numbers) are checked to be exactly that and to be
/// refused by the numeric reader with a typed error on their first row.
#[cfg(feature = "serde")]
#[test]
fn every_numeric_file_survives_csv_series_json_series_csv() {
    every_numeric_file_survives(|any| {
        let json = any.to_json().expect("serialises");
        AnySeries::read(
            json.as_bytes(),
            &ReadOptions::new().format(econseries::io::Format::Json),
        )
        .expect("deserialises")
    });
}

/// The same without JSON (builds without `serde`): CSV → `Series` → CSV →
/// `Series` → CSV.
#[test]
fn every_numeric_file_survives_csv_series_csv_series_csv() {
    every_numeric_file_survives(|any| {
        AnySeries::read(any.to_csv_string().as_bytes(), &ReadOptions::new()).expect("reads back")
    });
}

fn every_numeric_file_survives(trip: fn(&AnySeries) -> AnySeries) {
    let files = all_data_files();
    assert!(files.len() >= FILES.len() + EVENT_FILES.len(), "{files:?}");
    let mut numeric = 0;
    for (name, path) in &files {
        let text = std::fs::read_to_string(path).expect("readable");
        let rows: Vec<(&str, &str)> = text
            .lines()
            .skip(1)
            .map(|l| l.split_once(',').expect("two fields"))
            .collect();
        if EVENT_FILES.contains(&name.as_str()) {
            assert!(
                rows.iter().all(|(_, v)| matches!(*v, "peak" | "trough")),
                "{name}"
            );
            let e = read_file(path).expect_err("words are not numbers");
            assert_eq!(e.line(), Some(2), "{name}");
            assert!(
                matches!(e, Error::Read { ref source, .. } if matches!(**source, Error::NotANumber { .. })),
                "{name}: {e}"
            );
            continue;
        }
        numeric += 1;
        let any = read_file(path).unwrap_or_else(|e| panic!("{name}: {e}"));
        let before = any.to_csv_string();
        let back = trip(&any);
        let after = back.to_csv_string();
        assert_eq!(after, before, "{name}: the trip changed the CSV");
        let reread = AnySeries::read(after.as_bytes(), &ReadOptions::new()).expect("reads back");
        assert_eq!(bits(&reread), bits(&any), "{name}");
        // Against the file itself, parsed without the crate.
        let written: std::collections::HashMap<&str, &str> = after
            .lines()
            .skip(1)
            .map(|l| l.split_once(',').expect("two fields"))
            .collect();
        assert_eq!(written.len(), any.len(), "{name}: one row per period");
        for (period, value) in &rows {
            let canonical = period.replace('Q', "-Q");
            let cell = written
                .get(canonical.as_str())
                .unwrap_or_else(|| panic!("{name}: {period} lost"));
            let parse = |s: &str| (!s.is_empty()).then(|| s.parse::<f64>().expect("a number"));
            assert_eq!(
                parse(cell).map(f64::to_bits),
                parse(value).map(f64::to_bits),
                "{name} {period}"
            );
        }
        // Periods the file does not list are gaps, written as missing.
        let listed: std::collections::HashSet<String> =
            rows.iter().map(|(p, _)| p.replace('Q', "-Q")).collect();
        for (period, cell) in &written {
            if !listed.contains(*period) {
                assert!(cell.is_empty(), "{name}: {period} invented");
            }
        }
    }
    assert!(numeric >= FILES.len(), "{numeric} numeric files");
}

#[test]
fn typed_reads_of_data_files() {
    let s = Series::<Month>::read_path(data("us_imports_goods_from_china_impch_monthly.csv"))
        .expect("monthly");
    assert_eq!(
        s.get(Month::new(2025, 5).expect("month")),
        Some(20493.855247)
    );
    let rate = Series::<Month>::read_path(data("us_unemployment_rate_unrate_monthly.csv"))
        .expect("monthly");
    assert_eq!(rate.get(Month::new(2025, 10).expect("month")), None);
    assert_eq!(rate.missing().count(), 1);
    let e = Series::<Month>::read_path(data("bundled_R_datasets_Nile_annual.csv")).unwrap_err();
    assert_eq!(e.line(), Some(2));
    assert!(matches!(e, Error::Read { source, .. } if matches!(*source,
        Error::FrequencyMismatch { expected: Frequency::Monthly, found: Frequency::Annual })));
    let e = Series::<Year>::read_path(data("no_such_file.csv")).unwrap_err();
    assert!(matches!(e, Error::Io(_)));
}

// ---- accepted forms ----

#[test]
fn fred_form_with_dots() {
    let csv =
        "observation_date,UNRATE\n2025-08-01,4.3\n2025-09-01,4.4\n2025-10-01,.\n2025-11-01,4.6\n";
    let s = Series::<Month>::read(csv.as_bytes(), &ReadOptions::new()).expect("reads");
    assert_eq!(
        s.to_csv_string(),
        "period,value\n2025-08,4.3\n2025-09,4.4\n2025-10,\n2025-11,4.6\n"
    );
    let q = AnySeries::read(
        "observation_date,GDPC1\n2024-10-01,23542.349\n2025-01-01,.\n".as_bytes(),
        &ReadOptions::new(),
    )
    .expect("reads");
    assert_eq!(
        q.to_csv_string(),
        "period,value\n2024-Q4,23542.349\n2025-Q1,\n"
    );
}

#[test]
fn bom_crlf_spaces_quotes_and_blank_lines() {
    let messy = "\u{feff}\r\n  period , value \r\n\r\n \"2025-01\" , \"1.5\" \r\n   \r\n2025-02,\" 2 \"\r\n,\r\n\"2025-03\",\r\n\r\n";
    let s = Series::<Month>::read(messy.as_bytes(), &ReadOptions::new()).expect("reads");
    assert_eq!(
        s.to_csv_string(),
        "period,value\n2025-01,1.5\n2025-02,2\n2025-03,\n"
    );
    let plain = "\u{feff}2025-01,1.5\r\n2025-02,2\r\n";
    assert_eq!(
        Series::<Month>::read(plain.as_bytes(), &ReadOptions::new())
            .expect("headerless with BOM")
            .len(),
        2
    );
}

#[test]
fn headerless_input_and_any_header() {
    let s =
        AnySeries::read("1871,1120\n1872,1160\n".as_bytes(), &ReadOptions::new()).expect("reads");
    assert_eq!((s.frequency(), s.len()), (Frequency::Annual, 2));
    for header in [
        "period,value",
        "date,cci",
        "observation_date,IMPCH",
        "Year,Flow (10^8 m^3)",
        "\"period\",\"value\"",
    ] {
        let s = AnySeries::read(
            format!("{header}\n2025-Q1,1\n").as_bytes(),
            &ReadOptions::new(),
        )
        .expect(header);
        assert_eq!(s.frequency(), Frequency::Quarterly, "{header}");
    }
}

#[test]
fn rows_in_any_order_and_gaps_become_missing() {
    let s = Series::<Quarter>::read(
        "q,v\n2025Q3,3\n2025q1,1\n2024-Q4,0\n".as_bytes(),
        &ReadOptions::new(),
    )
    .expect("reads");
    assert_eq!(
        s.to_csv_string(),
        "period,value\n2024-Q4,0\n2025-Q1,1\n2025-Q2,\n2025-Q3,3\n"
    );
}

#[test]
fn numbers_in_every_f64_form() {
    let s = Series::<Year>::read(
        "2001,-0\n2002,+1.5\n2003,1e300\n2004,.5\n2005,5.\n2006,2.5E-3\n".as_bytes(),
        &ReadOptions::new(),
    )
    .expect("reads");
    let v: Vec<_> = s.values().map(|v| v.expect("present")).collect();
    assert_eq!(v[0].to_bits(), (-0.0f64).to_bits());
    assert_eq!(&v[1..], [1.5, 1e300, 0.5, 5.0, 0.0025]);
    assert_eq!(
        s.to_csv_string(),
        "period,value\n2001,-0\n2002,1.5\n2003,1e300\n2004,0.5\n2005,5\n2006,0.0025\n"
    );
}

#[test]
fn rows_of_missing_values_still_span() {
    let s =
        AnySeries::read("2025-01,\n2025-03,.\n".as_bytes(), &ReadOptions::new()).expect("reads");
    assert_eq!((s.len(), s.count()), (3, 0));
}

#[test]
fn reads_one_byte_at_a_time() {
    /// A reader that hands out one byte per call.
    struct Trickle<'a>(&'a [u8]);
    impl Read for Trickle<'_> {
        fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
            match (self.0.split_first(), out.first_mut()) {
                (Some((&b, rest)), Some(slot)) => {
                    *slot = b;
                    self.0 = rest;
                    Ok(1)
                }
                _ => Ok(0),
            }
        }
    }
    let csv = "\u{feff}period,value\r\n2025-01,1\r\n\r\n2025-02,\"2\"\r\n2025-02,3\r\n";
    let e = AnySeries::read(Trickle(csv.as_bytes()), &ReadOptions::new()).unwrap_err();
    assert_eq!(e.line(), Some(5));
    let (line, text, _) = row_error(Err(e));
    assert_eq!((line, &*text), (5, "2025-02,3"));
    let ok = AnySeries::read(
        Trickle(&csv.as_bytes()[..csv.len() - 11]),
        &ReadOptions::new(),
    )
    .expect("reads");
    assert_eq!(ok.len(), 2);
}

#[test]
fn streams_a_long_input_with_exact_line_numbers() {
    /// 120,000 generated rows (years 1..=9999 monthly is 119,988 periods, so
    /// the last twelve rows repeat 9999), produced on demand.
    struct Rows {
        next: u32,
        pending: Vec<u8>,
    }
    impl Read for Rows {
        fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
            if self.pending.is_empty() && self.next < 120_000 {
                let i = self.next.min(119_987);
                let (y, m) = (1 + i / 12, 1 + i % 12);
                self.pending = format!("{y:04}-{m:02},{i}.5\n").into_bytes();
                self.next += 1;
            }
            let n = self.pending.len().min(out.len());
            out[..n].copy_from_slice(&self.pending[..n]);
            self.pending.drain(..n);
            Ok(n)
        }
    }
    let e = AnySeries::read(
        Rows {
            next: 0,
            pending: Vec::new(),
        },
        &ReadOptions::new(),
    )
    .unwrap_err();
    let (line, text, source) = row_error(Err(e));
    assert_eq!((line, &*text), (119_989, "9999-12,119987.5"));
    assert!(matches!(source, Error::DuplicatePeriod { period } if period.to_string() == "9999-12"));
}

#[test]
fn a_failing_reader_is_an_io_error() {
    struct Failing(bool);
    impl Read for Failing {
        fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
            if std::mem::replace(&mut self.0, true) {
                Err(std::io::Error::other("disk on fire"))
            } else {
                let line = b"2025-01,1\n";
                out[..line.len()].copy_from_slice(line);
                Ok(line.len())
            }
        }
    }
    let e = AnySeries::read(Failing(false), &ReadOptions::new()).unwrap_err();
    assert!(
        matches!(e, Error::Io(ref io) if io.to_string() == "disk on fire"),
        "{e:?}"
    );
}

// ---- rejected input ----

#[test]
fn rejects_a_non_numeric_value() {
    let (line, text, e) = reject("period,value\n2025-01,1\n2025-02,n/a\n");
    assert_eq!((line, &*text), (3, "2025-02,n/a"));
    assert!(matches!(e, Error::NotANumber { text } if &*text == "n/a"));
    let (line, _, e) = reject("2025-01,\"1,5\"\n");
    assert_eq!(line, 1);
    assert!(matches!(e, Error::NotANumber { .. }));
}

#[test]
fn rejects_non_finite_text() {
    for bad in ["inf", "-inf", "NaN", "nan", "infinity", "-Infinity"] {
        let (line, _, e) = reject(&format!("p,v\n2025-01,1\n2025-02,{bad}\n"));
        assert_eq!(line, 3, "{bad}");
        assert!(
            matches!(e, Error::NonFinite { period: Some(p), .. } if p.to_string() == "2025-02"),
            "{bad}: {e:?}"
        );
    }
    // Digits too large for an f64 are not called "non-finite": too large.
    for bad in ["1e400", "-1e309"] {
        let (line, _, e) = reject(&format!("p,v\n2025-01,1\n2025-02,{bad}\n"));
        assert_eq!(line, 3, "{bad}");
        assert!(
            matches!(e, Error::ValueTooLarge { ref text } if &**text == bad),
            "{bad}: {e:?}"
        );
    }
}

#[test]
fn rejects_a_duplicate_period_with_the_brief_message() {
    let e = AnySeries::read(
        "period,value\n2025-01,1\n2025-02,2\n\n2025-03,3\n2025-04,4\n2025-03,12\n".as_bytes(),
        &ReadOptions::new(),
    )
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "line 7: duplicate period 2025-03 (in \"2025-03,12\")"
    );
    // Different spellings of one period are still one period.
    let (line, _, e) = reject("2025-Q1,1\n2025q1,2\n");
    assert_eq!(line, 2);
    assert!(matches!(e, Error::DuplicatePeriod { period } if period.to_string() == "2025-Q1"));
    let (line, _, e) = reject("d,v\n2025-04-01,1\n2025-04-01,.\n");
    assert_eq!(line, 3);
    assert!(matches!(e, Error::DuplicatePeriod { .. }));
}

#[test]
fn rejects_impossible_periods() {
    type Check = fn(&ParseProblem) -> bool;
    let cases: [(&str, Check); 5] = [
        ("2025-13", |p| *p == ParseProblem::Month(13)),
        ("2025-Q5", |p| *p == ParseProblem::Quarter(5)),
        ("2025-02-30", |p| *p == ParseProblem::InvalidDate),
        ("2025-03-31", |p| matches!(p, ParseProblem::NotFirstDay(_))),
        ("0000", |p| *p == ParseProblem::Year(0)),
    ];
    for (period, expected) in cases {
        let (line, text, e) = reject(&format!("period,value\n\n{period},1\n"));
        assert_eq!((line, &*text), (3, &*format!("{period},1")), "{period}");
        match e {
            Error::ParsePeriod { input, problem, .. } => {
                assert_eq!(&*input, period);
                assert!(expected(&problem), "{period}: {problem:?}");
            }
            e => panic!("{period}: {e:?}"),
        }
    }
    let (line, _, e) = reject("2025-01,1\nMay 2025,2\n");
    assert_eq!(line, 2);
    assert!(matches!(e, Error::UnrecognisedPeriod { input } if &*input == "May 2025"));
    // In a typed read the period type words the problem.
    let e =
        Series::<Month>::read("2025-01,1\nTotal,2\n".as_bytes(), &ReadOptions::new()).unwrap_err();
    assert_eq!(e.line(), Some(2));
    assert!(
        matches!(e, Error::Read { source, .. } if matches!(*source, Error::ParsePeriod { frequency: Frequency::Monthly, .. }))
    );
}

#[test]
fn rejects_mixed_frequencies() {
    let (line, text, e) = reject("period,value\n2025-01,1\n2025-Q2,2\n");
    assert_eq!((line, &*text), (3, "2025-Q2,2"));
    assert!(matches!(
        e,
        Error::MixedFrequency {
            expected: Frequency::Monthly,
            found: Frequency::Quarterly,
            ..
        }
    ));
    let (line, _, e) = reject("2025,1\n2026-01,2\n");
    assert_eq!(line, 2);
    assert!(matches!(
        e,
        Error::MixedFrequency {
            expected: Frequency::Annual,
            found: Frequency::Monthly,
            ..
        }
    ));
    // Stated frequency: a first row of another frequency is a mismatch, a later one mixed.
    let e = row_error(AnySeries::read(
        "2025-Q1,1\n".as_bytes(),
        &ReadOptions::new().frequency(Frequency::Monthly),
    ))
    .2;
    assert!(matches!(
        e,
        Error::FrequencyMismatch {
            expected: Frequency::Monthly,
            found: Frequency::Quarterly
        }
    ));
    let (line, _, e) = row_error(AnySeries::read(
        "2025-01-01,1\n2025-Q1,1\n".as_bytes(),
        &ReadOptions::new().frequency(Frequency::Monthly),
    ));
    assert_eq!(line, 2);
    assert!(matches!(e, Error::MixedFrequency { .. }));
}

#[test]
fn rejects_a_wrong_number_of_fields() {
    for (csv, line, found) in [
        ("period,value\n2025-01,1,2\n", 2, 3),
        ("period,value\n2025-01\n", 2, 1),
        ("period,value,note\n2025-01,1\n", 1, 3),
        ("2025-01,1\n2025-02,2,\n", 2, 3),
    ] {
        let (l, _, e) = reject(csv);
        assert_eq!(l, line, "{csv:?}");
        assert!(
            matches!(e, Error::FieldCount { expected: 2, found: f } if f == found),
            "{csv:?}: {e:?}"
        );
    }
}

#[test]
fn rejects_input_without_rows() {
    for csv in [
        "",
        "period,value\n",
        "\n\n\r\n",
        "\u{feff}",
        "\u{feff}observation_date,IMPCH\r\n\r\n",
        " , \n",
    ] {
        let e = AnySeries::read(csv.as_bytes(), &ReadOptions::new()).unwrap_err();
        assert!(matches!(e, Error::NoObservations), "{csv:?}: {e:?}");
        assert_eq!(e.line(), None);
    }
    assert!(matches!(
        Series::<Month>::read("period,value\n".as_bytes(), &ReadOptions::new()),
        Err(Error::NoObservations)
    ));
}

#[test]
fn rejects_invalid_utf8_naming_the_line() {
    let e = AnySeries::read(
        &b"period,value\n2025-01,1\n2025-02,\xff\n"[..],
        &ReadOptions::new(),
    )
    .unwrap_err();
    let (line, text, e) = row_error(Err(e));
    assert_eq!((line, &*text), (3, "2025-02,\u{fffd}"));
    assert!(matches!(e, Error::InvalidUtf8 { field: 2 }), "{e}");
}

#[test]
fn a_date_not_starting_its_period_names_the_line() {
    let (line, _, e) = reject("observation_date,X\n2025-01-01,1\n2025-02-15,2\n");
    assert_eq!(line, 3);
    assert!(matches!(
        e,
        Error::ParsePeriod {
            problem: ParseProblem::NotFirstDay(_),
            ..
        }
    ));
    // Quarterly stated: a first-of-month date that is not a quarter start.
    let (line, _, e) = row_error(AnySeries::read(
        "d,v\n2025-01-01,1\n2025-02-01,2\n".as_bytes(),
        &ReadOptions::new().frequency(Frequency::Quarterly),
    ));
    assert_eq!(line, 3);
    assert!(matches!(
        e,
        Error::ParsePeriod {
            frequency: Frequency::Quarterly,
            ..
        }
    ));
    // Quarterly established by a later explicit period: the earlier date's line is named.
    let (line, text, _) = reject("d,v\n2025-01-01,1\n2025-02-01,2\n2025-Q3,3\n");
    assert_eq!((line, &*text), (3, "2025-02-01,2"));
}

// ---- frequency inference ----

#[test]
fn explicit_forms_decide_the_frequency() {
    let f = |csv: &str| {
        AnySeries::read(csv.as_bytes(), &ReadOptions::new())
            .expect(csv)
            .frequency()
    };
    assert_eq!(f("2025-05,1\n"), Frequency::Monthly);
    assert_eq!(f("2025Q1,1\n"), Frequency::Quarterly);
    assert_eq!(f("2025-Q1,1\n"), Frequency::Quarterly);
    assert_eq!(f("2025,1\n"), Frequency::Annual);
    // An explicit period also binds dates around it.
    assert_eq!(f("d,v\n2025-01-01,1\n2025-02,2\n"), Frequency::Monthly);
    assert_eq!(f("d,v\n2024-01-01,1\n2025,2\n"), Frequency::Annual);
    assert_eq!(f("d,v\n2025-Q1,1\n2025-04-01,2\n"), Frequency::Quarterly);
}

#[test]
fn fred_dates_take_the_coarsest_consistent_frequency() {
    let f = |dates: &[&str]| {
        let csv: String = std::iter::once("observation_date,X\n".to_owned())
            .chain(dates.iter().map(|d| format!("{d},1\n")))
            .collect();
        AnySeries::read(csv.as_bytes(), &ReadOptions::new())
            .expect(&csv)
            .frequency()
    };
    assert_eq!(
        f(&["2025-01-01", "2025-02-01", "2025-03-01"]),
        Frequency::Monthly
    );
    assert_eq!(
        f(&["2025-01-01", "2025-04-01", "2025-07-01"]),
        Frequency::Quarterly
    );
    assert_eq!(
        f(&["2023-01-01", "2024-01-01", "2025-01-01"]),
        Frequency::Annual
    );
    // Gaps do not matter, the calendar does: quarter starts a year apart are quarterly,
    // Januaries two years apart annual.
    assert_eq!(f(&["2024-04-01", "2025-04-01"]), Frequency::Quarterly);
    assert_eq!(f(&["2021-01-01", "2023-01-01"]), Frequency::Annual);
    // One month off the quarter grid makes it monthly, wherever that row is.
    assert_eq!(
        f(&["2025-01-01", "2025-04-01", "2025-07-01", "2025-08-01"]),
        Frequency::Monthly
    );
    assert_eq!(
        f(&["2025-07-01", "2025-01-01", "2025-04-01"]),
        Frequency::Quarterly
    );
    // Ambiguous: a single date is monthly, whatever day of the year it is.
    assert_eq!(f(&["2025-01-01"]), Frequency::Monthly);
    assert_eq!(f(&["2025-04-01"]), Frequency::Monthly);
}

#[test]
fn missing_rows_count_for_inference() {
    // FRED's UMCSENT before 1978: a survey every third month, `.` rows between.
    let csv =
        "observation_date,UMCSENT\n1952-11-01,86.2\n1952-12-01,.\n1953-01-01,.\n1953-02-01,90.7\n";
    let s = AnySeries::read(csv.as_bytes(), &ReadOptions::new()).expect("reads");
    assert_eq!(
        (s.frequency(), s.len(), s.count()),
        (Frequency::Monthly, 4, 2)
    );
}

#[test]
fn stating_the_frequency_resolves_ambiguity() {
    let csv = "observation_date,X\n2025-01-01,1\n2025-04-01,2\n";
    assert_eq!(
        AnySeries::read(csv.as_bytes(), &ReadOptions::new())
            .expect("reads")
            .frequency(),
        Frequency::Quarterly
    );
    let m = AnySeries::read(
        csv.as_bytes(),
        &ReadOptions::new().frequency(Frequency::Monthly),
    )
    .expect("reads");
    assert_eq!(
        (m.frequency(), m.len(), m.count()),
        (Frequency::Monthly, 4, 2)
    );
    let y = AnySeries::read(
        "d,v\n2025-01-01,1\n".as_bytes(),
        &ReadOptions::new().frequency(Frequency::Annual),
    )
    .expect("reads");
    assert_eq!(y.frequency(), Frequency::Annual);
    let q = Series::<Quarter>::read(csv.as_bytes(), &ReadOptions::new()).expect("typed");
    assert_eq!(q.len(), 2);
}

// ---- AnySeries conversions ----

#[test]
fn conversions_check_the_frequency() {
    let any = AnySeries::read("2025-Q1,1\n".as_bytes(), &ReadOptions::new()).expect("reads");
    assert!(
        any.as_quarterly().is_some() && any.as_monthly().is_none() && any.as_annual().is_none()
    );
    let e = Series::<Month>::try_from(any.clone()).unwrap_err();
    assert!(matches!(
        e,
        Error::FrequencyMismatch {
            expected: Frequency::Monthly,
            found: Frequency::Quarterly
        }
    ));
    let q = Series::<Quarter>::try_from(any.clone()).expect("quarterly");
    assert_eq!(AnySeries::from(q), any);
    assert!(!any.is_empty());
}

#[test]
fn aggregate_refuses_a_finer_or_equal_target() {
    let any = AnySeries::read("2025-Q1,1\n".as_bytes(), &ReadOptions::new()).expect("reads");
    for to in [Frequency::Monthly, Frequency::Quarterly] {
        let e = any
            .aggregate(to, econseries::Aggregation::Mean)
            .unwrap_err();
        assert!(
            matches!(
                e,
                Error::NotCoarser {
                    from: Frequency::Quarterly,
                    ..
                }
            ),
            "{e:?}"
        );
    }
}

// ---- writing ----

#[test]
fn writing_is_canonical() {
    let q = Series::<Quarter>::read(
        "observation_date,GDP\n2025-01-01,1\n2025-07-01,3\n".as_bytes(),
        &ReadOptions::new(),
    )
    .expect("reads");
    let mut out = Vec::new();
    q.write_csv(&mut out).expect("writes");
    assert_eq!(
        String::from_utf8(out).expect("utf-8"),
        "period,value\n2025-Q1,1\n2025-Q2,\n2025-Q3,3\n"
    );
    let empty: Series<Month> = Series::empty(Month::new(2025, 1).expect("month"));
    assert_eq!(empty.to_csv_string(), "period,value\n");
}

#[cfg(feature = "serde")]
#[test]
fn json_form_and_validation() {
    let s = Series::<Month>::read(
        "2025-01,1.5\n2025-02,\n2025-03,2\n".as_bytes(),
        &ReadOptions::new(),
    )
    .expect("reads");
    assert_eq!(
        s.to_json().expect("json"),
        r#"{"frequency":"monthly","unit":"level","start":"2025-01","values":[1.5,null,2.0]}"#
    );
    let reordered = r#"{"values":[1.5,null,2],"start":"2025-01","frequency":"monthly"}"#;
    assert_eq!(
        Series::<Month>::read(
            reordered.as_bytes(),
            &ReadOptions::new().format(econseries::io::Format::Json)
        )
        .expect("keys in any order"),
        s
    );
    let e = Series::<Quarter>::read(
        reordered.as_bytes(),
        &ReadOptions::new().format(econseries::io::Format::Json),
    )
    .unwrap_err();
    assert!(matches!(
        e,
        Error::FrequencyMismatch {
            expected: Frequency::Quarterly,
            found: Frequency::Monthly
        }
    ));
    assert_eq!(
        e.to_string(),
        "frequency mismatch: expected quarterly, found monthly"
    );
    assert!(matches!(
        Series::<Month>::read(
            "[1,2]".as_bytes(),
            &ReadOptions::new().format(econseries::io::Format::Json)
        ),
        Err(Error::Json(_))
    ));
    assert!(matches!(
        Series::<Month>::read(
            r#"{"frequency":"monthly","start":"9999-12","values":[1,2]}"#.as_bytes(),
            &ReadOptions::new().format(econseries::io::Format::Json)
        ),
        Err(Error::PeriodOverflow { .. })
    ));
    let any = AnySeries::read(
        r#"{"frequency":"quarterly","start":"2025-Q4","values":[null]}"#.as_bytes(),
        &ReadOptions::new().format(econseries::io::Format::Json),
    )
    .expect("any");
    assert_eq!(
        (any.frequency(), any.len(), any.count()),
        (Frequency::Quarterly, 1, 0)
    );
    let any: AnySeries = serde_json::from_str(&any.to_json().expect("json")).expect("serde");
    assert_eq!(any.frequency(), Frequency::Quarterly);
}

// ---- number formatting ----

#[test]
fn format_value_examples() {
    assert_eq!(format_value(-41.43820674234286), "-41.43820674234286");
    assert_eq!(format_value(1e300), "1e300");
    assert_eq!(format_value(1e-300), "1e-300");
    assert_eq!(format_value(123.0), "123");
    assert_eq!(format_value(1e21), "1e21");
    assert_eq!(format_value(f64::MIN_POSITIVE), "2.2250738585072014e-308");
    // Plain notation where data live, even where the exponent form is shorter.
    assert_eq!(format_value(20000.0), "20000");
    assert_eq!(format_value(1e15), "1000000000000000");
    assert_eq!(format_value(1e16), "1e16");
    assert_eq!(format_value(0.0001), "0.0001");
    assert_eq!(format_value(0.00001), "1e-5");
}

proptest! {
    /// Any finite f64 (drawn from all bit patterns) reads back bit for bit,
    /// in plain notation from 1e-4 to 1e16 and the shorter notation outside.
    #[test]
    fn format_value_round_trips(bits in any::<u64>()) {
        let x = f64::from_bits(bits);
        prop_assume!(x.is_finite());
        let s = format_value(x);
        prop_assert_eq!(s.parse::<f64>().map(f64::to_bits), Ok(bits));
        let (plain, exp) = (format!("{x}").len(), format!("{x:e}").len());
        if x == 0.0 || (1e-4..1e16).contains(&x.abs()) {
            prop_assert_eq!(s.len(), plain);
        } else {
            prop_assert!(s.len() <= plain && s.len() <= exp);
        }
    }

    /// Ordinary magnitudes too (bit patterns rarely give them).
    #[test]
    fn format_value_round_trips_ordinary_numbers(x in -1e7f64..1e7, scale in -12i32..12) {
        let x = x * 10f64.powi(scale);
        prop_assert_eq!(format_value(x).parse::<f64>().map(f64::to_bits), Ok(x.to_bits()));
    }

    /// Write then read gives back the same series, bit for bit, missing included.
    #[test]
    fn csv_round_trip(
        start in (1i32..=9000, 1u32..=12),
        values in proptest::collection::vec(proptest::option::of(any::<u64>().prop_map(f64::from_bits).prop_filter("finite", |x| x.is_finite())), 1..60),
    ) {
        let start = Month::new(start.0, start.1).expect("month");
        let s = Series::<Month>::from_options(start, values).expect("series");
        let back = Series::<Month>::read(s.to_csv_string().as_bytes(), &ReadOptions::new()).expect("reads back");
        prop_assert_eq!(back.start(), s.start());
        let bits = |s: &Series<Month>| s.values().map(|v| v.map(f64::to_bits)).collect::<Vec<_>>();
        prop_assert_eq!(bits(&back), bits(&s));
    }
}
