//! Integration tests: the bad-input table of the README. One test per row for
//! the library and, with the `cli` feature, one for the `econ` binary; each
//! test is named after its row. Inputs are made up here (synthetic, labelled
//! so) except where a shipped file is the point.

use std::io::Read;

use econseries::io::ReadOptions;
use econseries::{AnySeries, Error, Month, ParseProblem, Quarter, Series, Units, Year};

/// The error inside an [`Error::Read`], with its line.
fn at_line(e: Error) -> (u64, Error) {
    match e {
        Error::Read { line, source, .. } => (line, *source),
        other => panic!("expected an error naming a line, got {other:?}"),
    }
}

fn read(csv: &str) -> Result<AnySeries, Error> {
    AnySeries::read(csv.as_bytes(), &ReadOptions::new())
}

fn monthly(csv: &str) -> Series<Month> {
    Series::<Month>::read(csv.as_bytes(), &ReadOptions::new()).unwrap_or_else(|e| panic!("{e}"))
}

/// A reader of `total` bytes made on the fly from `make(i)` chunks, counting
/// what it hands out: "a 1 GB file" without a file or a gigabyte of memory.
struct Generated<F> {
    make: F,
    chunk: Vec<u8>,
    pos: usize,
    index: u64,
    total: u64,
    pulled: u64,
}

impl<F: FnMut(u64) -> Vec<u8>> Generated<F> {
    fn new(total: u64, make: F) -> Generated<F> {
        Generated {
            make,
            chunk: Vec::new(),
            pos: 0,
            index: 0,
            total,
            pulled: 0,
        }
    }
}

impl<F: FnMut(u64) -> Vec<u8>> Read for Generated<F> {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        if self.pulled >= self.total {
            return Ok(0);
        }
        if self.pos == self.chunk.len() {
            self.chunk = (self.make)(self.index);
            self.index += 1;
            self.pos = 0;
        }
        let room = usize::try_from(self.total - self.pulled).unwrap_or(usize::MAX);
        let n = out.len().min(self.chunk.len() - self.pos).min(room);
        out[..n].copy_from_slice(&self.chunk[self.pos..self.pos + n]);
        self.pos += n;
        self.pulled += n as u64;
        Ok(n)
    }
}

const GIB: u64 = 1 << 30;

/// One line of digits after a header and a period: 1 GiB in all.
fn one_giant_line(i: u64) -> Vec<u8> {
    if i == 0 {
        b"period,value\n2025-01,".to_vec()
    } else {
        vec![b'7'; 64 * 1024]
    }
}

/// Valid monthly rows from 0001-01 on, starting again at 0001-01 after
/// 9999-12, then again...: 1 GiB of rows that are each fine on their own.
fn valid_rows(i: u64) -> Vec<u8> {
    if i == 0 {
        return b"period,value\n".to_vec();
    }
    // Chunks of 1,000 rows.
    let mut out = Vec::with_capacity(16 * 1000);
    for k in 0..1000u64 {
        let n = ((i - 1) * 1000 + k) % 119_988;
        out.extend_from_slice(format!("{:04}-{:02},1.5\n", 1 + n / 12, 1 + n % 12).as_bytes());
    }
    out
}

// ---- empty file ----

#[test]
fn empty_file_lib() {
    assert!(matches!(read(""), Err(Error::NoObservations)));
    assert!(matches!(read("\n\n  \r\n"), Err(Error::NoObservations)));
}

// ---- header only ----

#[test]
fn header_only_lib() {
    assert!(matches!(read("period,value\n"), Err(Error::NoObservations)));
    assert!(matches!(
        read("observation_date,IMPCH\r\n\r\n"),
        Err(Error::NoObservations)
    ));
}

// ---- duplicate period ----

#[test]
fn duplicate_period_lib() {
    let (line, e) = at_line(read("period,value\n2025-01,1\n2025-02,2\n2025-01,3\n").unwrap_err());
    assert_eq!(line, 4);
    assert!(matches!(e, Error::DuplicatePeriod { period } if period.to_string() == "2025-01"));
    // The same period written two ways is still a duplicate.
    let (line, e) = at_line(read("d,v\n2025-Q1,1\n2025q1,2\n").unwrap_err());
    assert_eq!(line, 3);
    assert!(matches!(e, Error::DuplicatePeriod { period } if period.to_string() == "2025-Q1"));
}

// ---- unsorted rows ----

#[test]
fn unsorted_rows_lib() {
    let s = monthly("period,value\n2025-03,3\n2025-01,1\n2025-02,2\n");
    assert_eq!(s.start(), Month::new(2025, 1).expect("valid"));
    assert_eq!(
        s.values().collect::<Vec<_>>(),
        [Some(1.0), Some(2.0), Some(3.0)]
    );
}

// ---- gaps ----

#[test]
fn gaps_lib() {
    let s = monthly("period,value\n2025-01,1\n2025-04,4\n2025-05,\n2025-06,.\n");
    assert_eq!(
        s.values().collect::<Vec<_>>(),
        [Some(1.0), None, None, Some(4.0), None, None]
    );
    // A gap is never bridged: the year-on-year change touching it is missing.
    let pc1 = Series::<Month>::read(
        "p,v\n2024-01,1\n2024-03,3\n2025-01,2\n2025-02,2\n2025-03,6\n".as_bytes(),
        &ReadOptions::new(),
    )
    .expect("reads")
    .pc1();
    assert_eq!(pc1.get(Month::new(2025, 2).expect("valid")), None);
    assert!(pc1.get(Month::new(2025, 3).expect("valid")).is_some());
}

// ---- non-numeric value ----

#[test]
fn non_numeric_value_lib() {
    for bad in ["n/a", "1,000", "12 %", "0x10", "--1", "1.2.3"] {
        let csv = format!("period,value\n2025-01,1\n2025-02,\"{bad}\"\n");
        let (line, e) = at_line(read(&csv).unwrap_err());
        assert_eq!(line, 3, "{bad}");
        assert!(matches!(e, Error::NotANumber { .. }), "{bad}: {e}");
    }
}

// ---- inf / NaN text ----

#[test]
fn inf_nan_text_lib() {
    for bad in ["inf", "-inf", "Infinity", "NaN", "nan"] {
        let (line, e) = at_line(read(&format!("period,value\n2025-01,{bad}\n")).unwrap_err());
        assert_eq!(line, 2, "{bad}");
        assert!(matches!(e, Error::NonFinite { .. }), "{bad}: {e}");
    }
    // In JSON: serde_json refuses them as numbers; a string is not a value.
    #[cfg(feature = "serde")]
    for bad in ["NaN", "Infinity", "\"NaN\""] {
        let json = format!(r#"{{"frequency":"monthly","start":"2025-01","values":[{bad}]}}"#);
        assert!(
            matches!(
                AnySeries::read(
                    json.as_bytes(),
                    &ReadOptions::new().format(econseries::io::Format::Json)
                ),
                Err(Error::Json(_))
            ),
            "{bad}"
        );
    }
}

// ---- mixed frequencies ----

#[test]
fn mixed_frequencies_lib() {
    let (line, e) = at_line(read("period,value\n2025-01,1\n2025-Q2,2\n").unwrap_err());
    assert_eq!(line, 3);
    assert!(matches!(e, Error::MixedFrequency { .. }), "{e}");
    let (line, e) = at_line(
        Series::<Quarter>::read("p,v\n2025-01,1\n".as_bytes(), &ReadOptions::new()).unwrap_err(),
    );
    assert_eq!(line, 2);
    assert!(matches!(e, Error::FrequencyMismatch { .. }), "{e}");
}

// ---- impossible period ----

#[test]
fn impossible_period_lib() {
    for (bad, problem) in [
        ("2025-13", ParseProblem::Month(13)),
        ("2025-Q5", ParseProblem::Quarter(5)),
        ("2025-02-30", ParseProblem::InvalidDate),
        ("0000", ParseProblem::Year(0)),
    ] {
        let (line, e) = at_line(read(&format!("period,value\n2025-01,1\n{bad},2\n")).unwrap_err());
        assert_eq!(line, 3, "{bad}");
        assert!(
            matches!(e, Error::ParsePeriod { problem: p, .. } if p == problem),
            "{bad}: {e}"
        );
    }
    // A date that is not the first day of its period is not silently moved.
    let (line, e) = at_line(read("period,value\n2025-01-15,1\n").unwrap_err());
    assert_eq!(line, 2);
    assert!(matches!(
        e,
        Error::ParsePeriod {
            problem: ParseProblem::NotFirstDay(_),
            ..
        }
    ));
}

// ---- zero or negative base ----

#[test]
fn zero_or_negative_base_lib() {
    let jan = Month::new(2025, 1).expect("valid");
    let s = Series::from_values(jan, [0.0, 5.0, -2.0, 4.0]).expect("finite");
    // Percent changes and logs from a non-positive base are missing, never inf or NaN.
    let pch = s.pch();
    assert_eq!(
        pch.values().map(|v| v.map(|p| p.get())).collect::<Vec<_>>(),
        [None, None, Some(-140.0), None]
    );
    assert_eq!(s.ln().count(), 2);
    match s.units_strict(Units::Pch) {
        Err(Error::Undefined { period, reason, .. }) => {
            assert_eq!(period.to_string(), "2025-02");
            assert_eq!(
                reason,
                econseries::UndefinedReason::NonPositiveBase(
                    Month::new(2025, 1).expect("valid").into()
                )
            );
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        s.rebase_to_period(jan),
        Err(Error::Undefined {
            reason: econseries::UndefinedReason::NonPositiveBase(_),
            ..
        })
    ));
}

// ---- single observation ----

#[test]
fn single_observation_lib() {
    let s = monthly("period,value\n2025-05,20493.9\n");
    assert_eq!((s.len(), s.count()), (1, 1));
    for u in Units::ALL {
        let out = s.units(u);
        assert_eq!(out.len(), 1);
        if u.lag(econseries::Frequency::Monthly) > 0 {
            assert_eq!(out.count(), 0, "{}", u.code());
            assert!(matches!(
                s.units_strict(u),
                Err(Error::TooShort { got: 1, .. })
            ));
        }
    }
    assert!(matches!(
        s.rolling_mean_strict(3),
        Err(Error::TooShort { .. })
    ));
    assert!(
        econseries::detect::Detector::detect(&econseries::detect::Streaks::changes(), &s)
            .expect("streaks")
            .is_empty()
    );
    assert!(matches!(s.stl(), Err(Error::TooShort { .. })));
}

// ---- extreme magnitudes ----

#[test]
fn extreme_magnitudes_lib() {
    let csv = "period,value\n2025-01,1.7976931348623157e308\n2025-02,-1.7976931348623157e308\n\
               2025-03,5e-324\n2025-04,-0\n";
    let s = monthly(csv);
    let bits: Vec<u64> = s.values().map(|v| v.expect("present").to_bits()).collect();
    assert_eq!(bits, [f64::MAX, f64::MIN, 5e-324, -0.0].map(f64::to_bits));
    // Written and read back bit for bit.
    let back = Series::<Month>::read(s.to_csv_string().as_bytes(), &ReadOptions::new())
        .expect("reads back");
    assert_eq!(
        back.values()
            .map(|v| v.map(f64::to_bits))
            .collect::<Vec<_>>(),
        bits.iter().map(|&b| Some(b)).collect::<Vec<_>>()
    );
    // A number too large for an f64 is refused as too large, naming the line.
    let (line, e) = at_line(read("period,value\n2025-01,1e309\n").unwrap_err());
    assert_eq!(line, 2);
    assert!(
        matches!(e, Error::ValueTooLarge { ref text } if &**text == "1e309"),
        "{e}"
    );
    assert_eq!(
        e.to_string(),
        "1e309 is too large for a 64-bit float (the largest is about 1.8e308)"
    );
    // So is a number too small for an f64, which would read as 0 (issue 15);
    // zeros written any way and subnormals that do not round to 0 are values.
    let (line, e) = at_line(read("period,value\n2025-01,1\n2025-02,1e-400\n").unwrap_err());
    assert_eq!(line, 3);
    assert!(
        matches!(e, Error::Underflow { ref text } if &**text == "1e-400"),
        "{e:?}"
    );
    let zeros =
        monthly("period,value\n2025-01,0\n2025-02,0.0\n2025-03,-0\n2025-04,0e5\n2025-05,3e-324\n");
    assert_eq!(
        zeros.values().collect::<Vec<_>>(),
        [Some(0.0), Some(0.0), Some(-0.0), Some(0.0), Some(5e-324)]
    );
    // Results that overflow are missing (strict: an error), never infinite.
    let chg = s.chg();
    assert_eq!(chg.get(Month::new(2025, 2).expect("valid")), None);
    assert!(matches!(
        s.slice(..Month::new(2025, 3).expect("valid"))
            .units_strict(Units::Chg),
        Err(Error::Undefined {
            reason: econseries::UndefinedReason::Overflow,
            ..
        })
    ));
    // Means of values whose sum overflows are representable (issue 15:
    // they used to come out missing): aggregation, rolling means, rebasing.
    let huge =
        Series::from_values(Month::new(2025, 1).expect("valid"), [1e308; 6]).expect("finite");
    let q = huge.aggregate::<econseries::Quarter>(econseries::Aggregation::Mean);
    assert_eq!(q.values().collect::<Vec<_>>(), [Some(1e308), Some(1e308)]);
    assert_eq!(
        huge.rolling_mean(3)
            .expect("k >= 1")
            .get(Month::new(2025, 6).expect("valid")),
        Some(1e308)
    );
    let sum = huge.aggregate::<econseries::Quarter>(econseries::Aggregation::Sum);
    assert_eq!(sum.count(), 0, "a sum that does not fit stays missing");
    // Any finite λ gives the true trend (issue 15: λ = 1e300 used to
    // overflow); at that λ it is the least-squares line, 1.5·t + 5/6.
    let t = econseries::seasonal::HpFilter::new()
        .lambda(1e300)
        .trend_slice(&[1.0, 2.0, 4.0])
        .expect("finite trend");
    for (i, v) in t.iter().enumerate() {
        assert!((v - (1.5 * i as f64 + 5.0 / 6.0)).abs() < 1e-12, "{t:?}");
    }
    // A cycle that does not fit in an f64 is an overflow: ±f64::MAX alternating.
    let alt = Series::from_values(
        Month::new(2025, 1).expect("valid"),
        (0..12).map(|i| if i % 2 == 0 { f64::MAX } else { -f64::MAX }),
    )
    .expect("finite");
    assert!(matches!(
        econseries::seasonal::HpFilter::new().apply(&alt),
        Err(Error::Overflow { .. })
    ));
}

// ---- BOM ----

#[test]
fn bom_lib() {
    let s = monthly("\u{feff}observation_date,UNRATE\n2025-09-01,4.4\n");
    assert_eq!(s.get(Month::new(2025, 9).expect("valid")), Some(4.4));
    // Without a header the BOM sits before the first period, and is still skipped.
    let s = monthly("\u{feff}2025-09,4.4\n");
    assert_eq!(s.len(), 1);
    // Errors quote the line without it.
    match read("\u{feff}2025-13,1\n") {
        Err(Error::Read { line, text, .. }) => assert_eq!((line, &*text), (1, "2025-13,1")),
        other => panic!("{other:?}"),
    }
}

// ---- CRLF ----

#[test]
fn crlf_lib() {
    let s = monthly("period,value\r\n2025-01,1\r\n\r\n2025-02,\r\n2025-03,3\r\n");
    assert_eq!(s.values().collect::<Vec<_>>(), [Some(1.0), None, Some(3.0)]);
    match read("period,value\r\n2025-01,1\r\n\r\n2025-02,x\r\n") {
        Err(Error::Read { line, text, .. }) => assert_eq!((line, &*text), (4, "2025-02,x")),
        other => panic!("{other:?}"),
    }
}

// ---- a 1 GB file ----

/// One line of 1 GiB (generated, never stored): the default record limit
/// (1 MiB) stops it after about 1 MiB + 16 KiB, naming line 2.
#[test]
fn one_gb_file_lib_one_line() {
    let mut input = Generated::new(GIB, one_giant_line);
    let e = Series::<Month>::read(&mut input, &ReadOptions::new()).unwrap_err();
    let (line, e) = at_line(e);
    assert_eq!(line, 2);
    assert!(
        matches!(e, Error::LineTooLong { limit } if limit == ReadOptions::DEFAULT_MAX_LINE_LEN)
    );
    assert!(input.pulled < 2 << 20, "pulled {} bytes", input.pulled);
}

/// 1 GiB of valid rows: the periods repeat (or leave the range) after the
/// maximum span, 119,988 months, so the reader stops with a typed error after
/// about 1.7 MB whatever the file's size.
#[test]
fn one_gb_file_lib_valid_rows() {
    let mut input = Generated::new(GIB, valid_rows);
    let e = AnySeries::read(&mut input, &ReadOptions::new()).unwrap_err();
    let (line, e) = at_line(e);
    assert_eq!(line, 119_988 + 2);
    assert!(matches!(e, Error::DuplicatePeriod { period } if period.to_string() == "0001-01"));
    assert!(input.pulled < 4 << 20, "pulled {} bytes", input.pulled);
    // A caller who wants less sets a row limit.
    let mut input = Generated::new(GIB, valid_rows);
    let e = AnySeries::read(&mut input, &ReadOptions::new().max_rows(1000)).unwrap_err();
    assert!(matches!(
        at_line(e),
        (1002, Error::TooManyRows { limit: 1000 })
    ));
    assert!(input.pulled < 64 << 10);
}

/// The multi-series readers stream too: 1 GiB of one line into the
/// vintage sniffer (ALFRED or long CSV) or SDMX-CSV stops at the record limit.
#[test]
fn one_gb_file_lib_other_readers() {
    use econseries::io::sdmx::SdmxData;
    use econseries::vintage::AnyVintagedSeries;
    let mut input = Generated::new(GIB, |i| {
        if i == 0 {
            b"observation_date,GDPC1_20250430\n2025-01-01,".to_vec()
        } else {
            vec![b'7'; 64 * 1024]
        }
    });
    let e = AnyVintagedSeries::read(&mut input, &ReadOptions::new()).unwrap_err();
    assert!(matches!(at_line(e), (2, Error::LineTooLong { .. })));
    assert!(input.pulled < 2 << 20, "pulled {} bytes", input.pulled);
    let mut input = Generated::new(GIB, |i| {
        if i == 0 {
            b"DATAFLOW,FREQ,TIME_PERIOD,OBS_VALUE\nX,M,2025-01,".to_vec()
        } else {
            vec![b'7'; 64 * 1024]
        }
    });
    let e = SdmxData::read(&mut input, &ReadOptions::new()).unwrap_err();
    assert!(matches!(at_line(e), (2, Error::LineTooLong { .. })));
    assert!(input.pulled < 2 << 20, "pulled {} bytes", input.pulled);
    // A header line of 1 GiB: the SDMX sniff reads at most the limit.
    let mut input = Generated::new(GIB, |_| b"DATAFLOW,".repeat(8 * 1024));
    let e = SdmxData::read(&mut input, &ReadOptions::new()).unwrap_err();
    assert!(matches!(at_line(e), (1, Error::LineTooLong { .. })));
    assert!(input.pulled < 2 << 20, "pulled {} bytes", input.pulled);
}

/// 1 GiB of a long CSV of vintages whose periods repeat in one vintage after
/// the maximum span: the duplicate is reported when it is reached, at line
/// 119,990, after about 4 MB, not after reading the file.
#[test]
fn one_gb_file_lib_long_vintages() {
    use econseries::vintage::AnyVintagedSeries;
    let mut input = Generated::new(GIB, |i| {
        if i == 0 {
            return b"series_id,period,value,vintage\n".to_vec();
        }
        let mut out = Vec::with_capacity(32 * 1000);
        for k in 0..1000u64 {
            let n = ((i - 1) * 1000 + k) % 119_988;
            out.extend_from_slice(
                format!("X,{:04}-{:02},1.5,2025-01-01\n", 1 + n / 12, 1 + n % 12).as_bytes(),
            );
        }
        out
    });
    let e = AnyVintagedSeries::read(&mut input, &ReadOptions::new()).unwrap_err();
    let (line, e) = at_line(e);
    assert_eq!(line, 119_988 + 2);
    assert!(matches!(e, Error::DuplicatePeriod { period } if period.to_string() == "0001-01"));
    assert!(input.pulled < 8 << 20, "pulled {} bytes", input.pulled);
}

/// 1 GiB of JSON: a byte limit stops it; without one, values past the
/// maximum span are counted, not stored.
#[cfg(feature = "serde")]
#[test]
fn one_gb_file_lib_json() {
    let mut input = Generated::new(GIB, |i| {
        if i == 0 {
            br#"{"frequency":"monthly","start":"2000-01","values":["#.to_vec()
        } else {
            b"1.5,".repeat(16 * 1024)
        }
    });
    let opts = ReadOptions::new().max_bytes(8 << 20);
    let e = AnySeries::read(&mut input, &opts).unwrap_err();
    assert!(
        matches!(e, Error::InputTooLarge { limit } if limit == 8 << 20),
        "{e}"
    );
    // The limit, plus the reader's fixed buffers (the format sniff and one chunk).
    assert!(
        input.pulled <= (8 << 20) + (128 << 10),
        "pulled {}",
        input.pulled
    );
}

// ---- a span beyond the maximum ----

#[test]
fn span_beyond_the_maximum_lib() {
    // The whole range is fine, and small: 119,988 slots.
    let s = monthly("period,value\n0001-01,1\n9999-12,2\n");
    assert_eq!(s.len(), 119_988);
    // A five-digit or absurd year is a typed error naming the line.
    for bad in ["10000-01", "100000-01", "99999999999999999999999-01"] {
        let (line, e) = at_line(read(&format!("period,value\n2025-01,1\n{bad},2\n")).unwrap_err());
        assert_eq!(line, 3, "{bad}");
        assert!(
            matches!(
                e,
                Error::ParsePeriod {
                    problem: ParseProblem::Year(_),
                    ..
                }
            ),
            "{bad}: {e}"
        );
    }
    assert!(matches!(
        Month::new(100_000, 1),
        Err(Error::YearOutOfRange { year: 100_000 })
    ));
    // Values running past 9999: PeriodOverflow, in the builder and in JSON.
    let last = Year::new(9999).expect("valid");
    assert!(matches!(
        Series::from_values(last, [1.0, 2.0]),
        Err(Error::PeriodOverflow { .. })
    ));
    #[cfg(feature = "serde")]
    assert!(matches!(
        Series::<Quarter>::read(
            r#"{"frequency":"quarterly","start":"9999-Q4","values":[1,2]}"#.as_bytes(),
            &ReadOptions::new().format(econseries::io::Format::Json)
        ),
        Err(Error::PeriodOverflow { .. })
    ));
}

// ---- the CLI ----

#[cfg(feature = "cli")]
mod cli {
    use std::io::Write;
    use std::process::{Command, Output, Stdio};

    use super::{GIB, Generated, one_giant_line, valid_rows};

    /// `econ transform --units <units>` on `stdin`.
    fn econ(units: &str, stdin: &[u8]) -> Output {
        crate::cli_support::econ(&["transform", "--units", units], stdin)
    }

    /// Pipes `input` into `econ transform --units lin` until it exits;
    /// returns its output and the bytes it took.
    fn econ_stream(input: &mut impl std::io::Read) -> (Output, u64) {
        let mut child = Command::new(env!("CARGO_BIN_EXE_econ"))
            .args(["transform", "--units", "lin"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("econ starts");
        let mut stdin = child.stdin.take().expect("stdin");
        let mut written = 0u64;
        let mut buf = vec![0u8; 64 * 1024];
        loop {
            let n = input.read(&mut buf).expect("generated");
            if n == 0 || stdin.write_all(&buf[..n]).is_err() {
                break;
            }
            written += n as u64;
        }
        drop(stdin);
        (child.wait_with_output().expect("econ finishes"), written)
    }

    fn rows(o: &Output) -> Vec<String> {
        assert_eq!(
            o.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&o.stderr)
        );
        String::from_utf8(o.stdout.clone())
            .expect("utf-8")
            .lines()
            .map(str::to_owned)
            .collect()
    }

    /// Status 2, nothing on stdout, one line on stderr containing `needle`.
    fn refused(o: &Output, needle: &str) {
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{err}");
        assert!(o.stdout.is_empty());
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains(needle), "{err:?} lacks {needle:?}");
    }

    #[test]
    fn empty_file_cli() {
        refused(&econ("lin", b""), "no observations in standard input");
    }

    #[test]
    fn header_only_cli() {
        refused(&econ("lin", b"period,value\n"), "no observations");
    }

    #[test]
    fn duplicate_period_cli() {
        refused(
            &econ("lin", b"period,value\n2025-01,1\n2025-01,2\n"),
            "line 3: duplicate period 2025-01",
        );
    }

    #[test]
    fn unsorted_rows_cli() {
        let o = econ("lin", b"period,value\n2025-02,2\n2025-01,1\n");
        assert_eq!(rows(&o), ["period,value", "2025-01,1", "2025-02,2"]);
    }

    #[test]
    fn gaps_cli() {
        let o = econ("lin", b"period,value\n2025-01,1\n2025-03,3\n");
        assert_eq!(
            rows(&o),
            ["period,value", "2025-01,1", "2025-02,", "2025-03,3"]
        );
    }

    #[test]
    fn non_numeric_value_cli() {
        refused(
            &econ("lin", b"period,value\n2025-01,n/a\n"),
            "line 2: \"n/a\" is not a number",
        );
    }

    #[test]
    fn inf_nan_text_cli() {
        refused(
            &econ("lin", b"period,value\n2025-01,NaN\n"),
            "line 2: value NaN at 2025-01 is not finite",
        );
        refused(
            &econ("lin", b"period,value\n2025-01,inf\n"),
            "line 2: value inf at 2025-01 is not finite",
        );
    }

    #[test]
    fn mixed_frequencies_cli() {
        refused(
            &econ("lin", b"period,value\n2025-01,1\n2025-Q2,2\n"),
            "line 3: mixed frequencies",
        );
    }

    #[test]
    fn impossible_period_cli() {
        refused(
            &econ("lin", b"period,value\n2025-13,1\n"),
            "line 2: invalid monthly period",
        );
        refused(&econ("lin", b"period,value\n2025-02-30,1\n"), "line 2:");
    }

    #[test]
    fn zero_or_negative_base_cli() {
        let o = econ(
            "pch",
            b"period,value\n2025-01,0\n2025-02,5\n2025-03,-2\n2025-04,4\n",
        );
        assert_eq!(
            rows(&o),
            [
                "period,value",
                "2025-01,",
                "2025-02,",
                "2025-03,-140",
                "2025-04,"
            ]
        );
    }

    #[test]
    fn single_observation_cli() {
        let o = econ("pc1", b"period,value\n2025-05,20493.9\n");
        assert_eq!(rows(&o), ["period,value", "2025-05,"]);
        let o = econ("lin", b"period,value\n2025-05,20493.9\n");
        assert_eq!(rows(&o), ["period,value", "2025-05,20493.9"]);
    }

    #[test]
    fn extreme_magnitudes_cli() {
        let o = econ(
            "lin",
            b"period,value\n2025-01,1.7976931348623157e308\n2025-02,5e-324\n",
        );
        let out = rows(&o);
        let back: Vec<f64> = out[1..]
            .iter()
            .map(|r| {
                r.split_once(',')
                    .expect("two fields")
                    .1
                    .parse()
                    .expect("number")
            })
            .collect();
        assert_eq!(back, [f64::MAX, 5e-324]);
        // The change overflows: missing, not inf.
        let o = econ(
            "chg",
            b"period,value\n2025-01,-1.7976931348623157e308\n2025-02,1.7976931348623157e308\n",
        );
        assert_eq!(rows(&o), ["period,value", "2025-01,", "2025-02,"]);
        refused(
            &econ("lin", b"period,value\n2025-01,1e309\n"),
            "line 2: 1e309 is too large for a 64-bit float",
        );
        refused(
            &econ("lin", b"period,value\n2025-01,1e-400\n"),
            "line 2: 1e-400 is too small for a 64-bit float",
        );
        // The mean of three 1e308 is 1e308 (their sum overflows).
        let o = crate::cli_support::econ(
            &["aggregate", "--to", "quarterly", "--method", "mean"],
            b"period,value\n2025-01,1e308\n2025-02,1e308\n2025-03,1e308\n",
        );
        assert_eq!(rows(&o), ["period,value", "2025-Q1,1e308"]);
    }

    #[test]
    fn bom_cli() {
        let o = econ(
            "lin",
            "\u{feff}observation_date,X\n2025-01-01,1\n".as_bytes(),
        );
        assert_eq!(rows(&o), ["period,value", "2025-01,1"]);
    }

    #[test]
    fn crlf_cli() {
        let o = econ("lin", b"period,value\r\n2025-01,1\r\n2025-02,2\r\n");
        assert_eq!(rows(&o), ["period,value", "2025-01,1", "2025-02,2"]);
        refused(&econ("lin", b"period,value\r\n2025-01,x\r\n"), "line 2:");
    }

    /// 1 GiB on standard input, generated while it is read: econ stops after
    /// reading a bounded prefix (the pipe takes the rest as a broken pipe).
    #[test]
    fn one_gb_file_cli() {
        let (o, written) = econ_stream(&mut Generated::new(GIB, one_giant_line));
        refused(&o, "line 2: the record is longer than 1048576 bytes");
        assert!(written < 8 << 20, "econ took {written} bytes");
        let (o, written) = econ_stream(&mut Generated::new(GIB, valid_rows));
        refused(&o, "line 119990: duplicate period 0001-01");
        assert!(written < 16 << 20, "econ took {written} bytes");
    }

    #[test]
    fn span_beyond_the_maximum_cli() {
        let o = econ("lin", b"period,value\n0001-01,1\n9999-12,2\n");
        assert_eq!(rows(&o).len(), 1 + 119_988);
        refused(&econ("lin", b"period,value\n10000-01,1\n"), "line 2:");
        refused(
            &econ("lin", b"period,value\n2025,1\n99999999999999999999,2\n"),
            "line 3:",
        );
    }
}

// ---- change points (`econseries::changepoint`, `econ changepoints`) ----
//
// One test per row of the change-point part of the table, library and CLI.
// The inputs are synthetic (made up here).

mod changepoint {
    use econseries::changepoint::{
        Bocpd, ChangePoints, Cost, Cusum, Method, Missing, Noise, NormalGamma, Penalty,
        estimate_sigma,
    };
    use econseries::detect::Detector;
    use econseries::{Error, Month, Series};

    const METHODS: [Method; 4] = [Method::Auto, Method::Optimal, Method::Pelt, Method::BinSeg];

    fn manual(cost: Cost, beta: f64) -> ChangePoints {
        ChangePoints::new(cost).penalty(Penalty::Manual(beta))
    }

    #[test]
    fn changepoint_single_observation_lib() {
        let y = [5.0];
        // A manual penalty or a given σ: one segment, cost 0.
        for cp in [
            manual(Cost::Mean, 1.0),
            ChangePoints::new(Cost::Mean).noise(Noise::Sigma(1.0)),
            manual(Cost::Poisson, 1.0),
        ] {
            for m in METHODS {
                let seg = cp.clone().method(m).segment_slice(&y).expect("one segment");
                assert!(seg.changes().is_empty());
                assert_eq!(seg.segments().len(), 1);
                assert!(seg.cost().is_finite());
            }
        }
        // σ to estimate (or Hannan–Quinn) needs 3 values; the variance costs
        // need segments of 2, the trend of 3.
        assert!(matches!(
            ChangePoints::new(Cost::Mean).segment_slice(&y),
            Err(Error::TooShort { need: 3, got: 1 })
        ));
        assert!(matches!(
            ChangePoints::new(Cost::MeanVariance)
                .penalty(Penalty::HannanQuinn)
                .min_size(2)
                .segment_slice(&[1.0, 2.0]),
            Err(Error::TooShort { need: 3, got: 2 })
        ));
        for (cost, need) in [
            (Cost::Variance, 2),
            (Cost::MeanVariance, 2),
            (Cost::Trend, 3),
        ] {
            assert!(
                matches!(manual(cost, 1.0).segment_slice(&y), Err(Error::TooShort { need: n, got: 1 }) if n == need),
                "{cost:?}"
            );
        }
        assert_eq!(
            manual(Cost::Mean, 1.0)
                .segment_slice(&y)
                .expect("one segment")
                .cost(),
            0.0
        );
        let path = manual(Cost::Mean, 0.0)
            .crops_slice(&y, 0.0, 10.0)
            .expect("one segmentation");
        assert_eq!(path.len(), 1);
        assert!(matches!(
            Cusum::new().noise(Noise::Sigma(1.0)).test_slice(&y),
            Err(Error::TooShort { need: 3, got: 1 })
        ));
        assert!(matches!(
            estimate_sigma(&y),
            Err(Error::TooShort { need: 3, got: 1 })
        ));
        // Online: the first observation starts the first segment.
        let mut det =
            Bocpd::new(50.0, NormalGamma::new(0.0, 1.0, 1.0, 1.0).expect("prior")).expect("λ");
        let step = det.update(5.0).expect("finite");
        assert_eq!((step.t, step.run_length, step.run_start), (0, 1, 0));
        assert_eq!(step.change_probability, 1.0);
        // A series of one period.
        let s =
            Series::from_values(Month::new(2025, 5).expect("valid"), [20493.9]).expect("finite");
        let found = manual(Cost::Mean, 1.0).segment(&s).expect("one segment");
        assert!(found.periods().is_empty());
        assert_eq!(
            found.segment_periods(),
            [(
                Month::new(2025, 5).expect("valid"),
                Month::new(2025, 5).expect("valid")
            )]
        );
    }

    #[test]
    fn changepoint_all_equal_values_lib() {
        let y = [2.0; 12];
        // σ estimated from all-equal values is 0: an error, not a zero penalty.
        assert!(matches!(
            ChangePoints::new(Cost::Mean).segment_slice(&y),
            Err(Error::ZeroNoise)
        ));
        assert!(matches!(
            ChangePoints::new(Cost::Trend).segment_slice(&y),
            Err(Error::ZeroNoise)
        ));
        assert!(matches!(
            Cusum::new().noise(Noise::Estimate).test_slice(&y),
            Err(Error::ZeroNoise)
        ));
        assert!(matches!(
            NormalGamma::from_history(&y),
            Err(Error::ZeroNoise)
        ));
        // Otherwise: no change, cost 0 (or the variance floor's finite likelihood).
        for cost in Cost::ALL {
            for m in METHODS {
                // (With a penalty of 0 every segmentation of a constant series is optimal.)
                for cp in [
                    ChangePoints::new(cost).noise(Noise::Sigma(1.0)),
                    manual(cost, 0.5),
                ] {
                    let seg = cp
                        .method(m)
                        .segment_slice(&y)
                        .unwrap_or_else(|e| panic!("{cost:?} {m:?}: {e}"));
                    assert!(seg.changes().is_empty(), "{cost:?} {m:?}");
                    assert!(seg.cost().is_finite());
                    assert_eq!(seg.segments()[0].mean, 2.0);
                    if cost.is_squared_error() {
                        assert_eq!(seg.fit_cost(), 0.0);
                    }
                }
            }
        }
        let c = Cusum::new()
            .noise(Noise::Sigma(1.0))
            .test_slice(&y)
            .expect("σ given");
        assert_eq!((c.statistic, c.p_value), (0.0, 1.0));
    }

    #[test]
    fn changepoint_all_missing_lib() {
        let start = Month::new(2025, 1).expect("valid");
        let s: Series<Month> = Series::from_options(start, [None; 6]).expect("missing values");
        let cp = manual(Cost::Mean, 1.0);
        // Missing values at the edges are trimmed (every growth rate starts
        // with some): an all-missing series has no observations under
        // either policy, and the detector finds nothing in it.
        assert!(matches!(cp.segment(&s), Err(Error::NoObservations)));
        assert!(cp.detect(&s).expect("nothing to find").is_empty());
        let inside: Series<Month> =
            Series::from_options(start, [Some(1.0), None, Some(2.0)]).expect("missing inside");
        assert!(matches!(
            cp.segment(&inside),
            Err(Error::Undefined { period, reason: econseries::UndefinedReason::MissingValue, .. }) if period.to_string() == "2025-02"
        ));
        let skip = cp.clone().missing(Missing::Skip);
        assert!(matches!(skip.segment(&s), Err(Error::NoObservations)));
        assert!(matches!(
            skip.crops(&s, 0.0, 1.0),
            Err(Error::NoObservations)
        ));
        // On a slice, a missing value is NaN: not finite; no value at all: no observations.
        assert!(matches!(
            cp.segment_slice(&[f64::NAN; 6]),
            Err(Error::NonFinite { .. })
        ));
        assert!(matches!(cp.segment_slice(&[]), Err(Error::NoObservations)));
        assert!(matches!(
            Cusum::new()
                .noise(Noise::Sigma(1.0))
                .test_slice(&[f64::NAN; 6]),
            Err(Error::NonFinite { .. })
        ));
        let mut det =
            Bocpd::new(50.0, NormalGamma::new(0.0, 1.0, 1.0, 1.0).expect("prior")).expect("λ");
        assert!(matches!(det.update(f64::NAN), Err(Error::NonFinite { .. })));
        assert_eq!(det.observations(), 0);
    }

    #[test]
    fn changepoint_extreme_magnitudes_lib() {
        // Values 2e300 apart: their squared deviations do not fit in an f64.
        let wild = [1e300, -1e300, 1e300, -1e300, 1e300];
        for cost in [Cost::Mean, Cost::Variance, Cost::MeanVariance, Cost::Trend] {
            for m in METHODS {
                assert!(
                    matches!(
                        manual(cost, 1.0).method(m).segment_slice(&wild),
                        Err(Error::Overflow { .. })
                    ),
                    "{cost:?} {m:?}"
                );
            }
            assert!(matches!(
                manual(cost, 1.0).crops_slice(&wild, 0.0, 1.0),
                Err(Error::Overflow { .. })
            ));
        }
        // CUSUM's statistic is a ratio: 1e300 apart is fine, a subnormal σ overflows it.
        let c = Cusum::new()
            .noise(Noise::Sigma(1.0))
            .test_slice(&wild)
            .expect("finite");
        assert!(c.statistic.is_finite() && c.p_value == 0.0);
        assert!(matches!(
            Cusum::new()
                .noise(Noise::Sigma(1e-320))
                .test_slice(&[0.0, 0.0, 1.0, 1.0, 1.0]),
            Err(Error::Overflow { .. })
        ));
        assert!(matches!(
            estimate_sigma(&[f64::MAX, -f64::MAX, f64::MAX]),
            Err(Error::Overflow { .. })
        ));
        // Counts of 1e300 are fine for the Poisson cost.
        let counts = [1e300, 1e300, 0.0, 0.0, 1e300];
        let seg = manual(Cost::Poisson, 1.0)
            .segment_slice(&counts)
            .expect("finite");
        assert_eq!(seg.changes(), [2, 4]);
        assert!(seg.cost().is_finite());
        // A constant series is fine at any magnitude, f64::MAX included.
        for v in [1e300, f64::MAX, -f64::MAX] {
            let seg = manual(Cost::Mean, 1.0)
                .segment_slice(&[v; 7])
                .expect("constant");
            assert!(seg.changes().is_empty());
            assert_eq!((seg.segments()[0].mean, seg.cost()), (v, 0.0));
        }
        // A shift of 1e150 in 6 values is within range; 1e153 is not (4·n·D squared overflows).
        let shift = |d: f64| [0.0, 0.0, 0.0, d, d, d];
        // (On this scale a manual penalty of 1 is below the costs' rounding, about
        // 1e-16·n·D²: the penalty must be on the data's scale, as BIC with σ is.)
        let bic = |sigma: f64| {
            ChangePoints::new(Cost::Mean)
                .penalty(Penalty::Bic)
                .noise(Noise::Sigma(sigma))
        };
        assert_eq!(
            bic(1e148)
                .segment_slice(&shift(1e150))
                .expect("fits")
                .changes(),
            [3]
        );
        assert!(matches!(
            manual(Cost::Mean, 1.0).segment_slice(&shift(1e153)),
            Err(Error::Overflow { .. })
        ));
        // Tiny values: the searches rescale them, so the change is still found.
        for d in [1e-200, 1e-310] {
            let seg = ChangePoints::new(Cost::Mean)
                .penalty(Penalty::Bic)
                .noise(Noise::Sigma(d / 100.0))
                .segment_slice(&shift(d))
                .expect("tiny");
            assert_eq!(seg.changes(), [3], "{d:e}");
        }
        // The online detector: an observation 1e300 from a unit prior overflows
        // the posterior; the state is left as it was.
        let mut det =
            Bocpd::new(50.0, NormalGamma::new(0.0, 1.0, 1.0, 1.0).expect("prior")).expect("λ");
        det.update(0.5).expect("finite");
        assert!(matches!(det.update(1e300), Err(Error::Overflow { .. })));
        assert_eq!(det.observations(), 1);
        let step = det.update(0.4).expect("finite");
        assert!((0.0..=1.0).contains(&step.change_probability));
    }

    #[test]
    fn changepoint_min_size_larger_than_n_lib() {
        let y = [1.0, 2.0, 3.0];
        for m in METHODS {
            assert!(matches!(
                manual(Cost::Mean, 1.0)
                    .min_size(5)
                    .method(m)
                    .segment_slice(&y),
                Err(Error::TooShort { need: 5, got: 3 })
            ));
        }
        assert!(matches!(
            manual(Cost::Mean, 1.0)
                .min_size(usize::MAX)
                .segment_slice(&y),
            Err(Error::TooShort { got: 3, .. })
        ));
        assert!(matches!(
            manual(Cost::Mean, 1.0)
                .min_size(5)
                .crops_slice(&y, 0.0, 1.0),
            Err(Error::TooShort { need: 5, got: 3 })
        ));
        // Exactly n: one segment. Below the smallest allowed: an argument error.
        let seg = manual(Cost::Mean, 0.0)
            .min_size(3)
            .segment_slice(&y)
            .expect("one segment");
        assert!(seg.changes().is_empty());
        assert!(matches!(
            manual(Cost::Mean, 1.0).min_size(0).segment_slice(&y),
            Err(Error::InvalidArgument {
                name: "min_size",
                ..
            })
        ));
        assert!(matches!(
            manual(Cost::MeanVariance, 1.0)
                .min_size(1)
                .segment_slice(&y),
            Err(Error::InvalidArgument {
                name: "min_size",
                ..
            })
        ));
    }

    #[test]
    fn changepoint_negative_or_nan_penalty_lib() {
        let y = [1.0, 2.0, 3.0, 10.0, 11.0];
        for beta in [-1.0, f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            for m in METHODS {
                assert!(
                    matches!(
                        manual(Cost::Mean, beta).method(m).segment_slice(&y),
                        Err(Error::InvalidArgument {
                            name: "penalty",
                            ..
                        })
                    ),
                    "{beta} {m:?}"
                );
            }
            assert!(matches!(
                manual(Cost::Mean, 1.0).crops_slice(&y, beta, 5.0),
                Err(Error::InvalidArgument {
                    name: "penalty range",
                    ..
                })
            ));
        }
        assert!(matches!(
            manual(Cost::Mean, 1.0).crops_slice(&y, 5.0, 1.0),
            Err(Error::InvalidArgument {
                name: "penalty range",
                ..
            })
        ));
        for text in ["-1", "nan", "NaN", "inf", "-0.5", ""] {
            assert!(text.parse::<Penalty>().is_err(), "{text:?}");
        }
        // −0 is a penalty of 0.
        assert_eq!(
            manual(Cost::Mean, -0.0)
                .segment_slice(&y)
                .expect("zero")
                .changes()
                .len(),
            4
        );
        // σ must be positive and finite even where only a manual penalty is used.
        for sigma in [0.0, -1.0, f64::NAN, f64::INFINITY] {
            assert!(matches!(
                manual(Cost::Mean, 1.0)
                    .noise(Noise::Sigma(sigma))
                    .segment_slice(&y),
                Err(Error::InvalidArgument { name: "sigma", .. })
            ));
            assert!(matches!(
                Cusum::new().noise(Noise::Sigma(sigma)).test_slice(&y),
                Err(Error::InvalidArgument { name: "sigma", .. })
            ));
        }
        assert!(matches!(
            manual(Cost::Variance, 1.0)
                .known_mean(f64::NAN)
                .segment_slice(&y),
            Err(Error::InvalidArgument {
                name: "known mean",
                ..
            })
        ));
        for lambda in [1.0, 0.5, f64::NAN, f64::INFINITY] {
            assert!(
                Bocpd::new(lambda, NormalGamma::new(0.0, 1.0, 1.0, 1.0).expect("prior")).is_err()
            );
        }
        assert!(NormalGamma::new(0.0, -1.0, 1.0, 1.0).is_err());
        assert!(NormalGamma::new(f64::NAN, 1.0, 1.0, 1.0).is_err());
    }

    #[cfg(feature = "cli")]
    mod cli {

        use std::process::Output;

        /// `econ detect changepoints <args>` on `stdin`.
        fn econ(args: &[&str], stdin: &str) -> Output {
            crate::cli_support::econ(
                &[&["detect", "changepoints"], args].concat(),
                stdin.as_bytes(),
            )
        }

        /// Exit 0 and the periods of the events written (the first column,
        /// after the header).
        fn periods(o: &Output) -> Vec<String> {
            assert_eq!(
                o.status.code(),
                Some(0),
                "{}",
                String::from_utf8_lossy(&o.stderr)
            );
            let out = String::from_utf8(o.stdout.clone()).expect("utf-8");
            let mut lines = out.lines();
            assert!(
                lines
                    .next()
                    .is_some_and(|h| h.starts_with("period,kind,value,compared_with"))
            );
            lines
                .map(|l| l.split(',').next().unwrap_or_default().to_owned())
                .collect()
        }

        /// Exit 2, nothing on stdout, `needle` on stderr (one line, from econ).
        fn refused(o: &Output, needle: &str) {
            let err = String::from_utf8_lossy(&o.stderr);
            assert_eq!(o.status.code(), Some(2), "{err}");
            assert!(o.stdout.is_empty());
            assert_eq!(err.lines().count(), 1, "{err}");
            assert!(err.contains(needle), "{err:?} lacks {needle:?}");
        }

        /// Exit 2 from the argument parser (usage on stderr, several lines).
        fn bad_argument(o: &Output, needle: &str) {
            let err = String::from_utf8_lossy(&o.stderr);
            assert_eq!(o.status.code(), Some(2), "{err}");
            assert!(o.stdout.is_empty());
            assert!(err.contains(needle), "{err:?} lacks {needle:?}");
        }

        const ONE: &str = "period,value\n2025-05,20493.9\n";
        const EQUAL: &str =
            "period,value\n2025-01,2\n2025-02,2\n2025-03,2\n2025-04,2\n2025-05,2\n2025-06,2\n";
        const THREE: &str = "period,value\n2025-01,1\n2025-02,2\n2025-03,3\n";

        #[test]
        fn changepoint_single_observation_cli() {
            refused(
                &econ(&["--cost", "mean", "--penalty", "bic"], ONE),
                "need at least 3 observations, got 1",
            );
            assert!(periods(&econ(&["--cost", "mean", "--penalty", "1"], ONE)).is_empty());
            assert!(
                periods(&econ(
                    &["--cost", "mean", "--penalty", "bic", "--sigma", "1"],
                    ONE
                ))
                .is_empty()
            );
            refused(
                &econ(&["--cost", "meanvar", "--penalty", "1"], ONE),
                "need at least 2 observations, got 1",
            );
        }

        #[test]
        fn changepoint_all_equal_values_cli() {
            refused(
                &econ(&["--cost", "mean", "--penalty", "bic"], EQUAL),
                "the noise estimate (MAD of first differences) is zero",
            );
            assert!(
                periods(&econ(
                    &["--cost", "mean", "--penalty", "bic", "--sigma", "1"],
                    EQUAL
                ))
                .is_empty()
            );
            assert!(periods(&econ(&["--cost", "meanvar", "--penalty", "bic"], EQUAL)).is_empty());
            assert!(
                periods(&econ(
                    &["--cost", "mean", "--penalty", "0", "--method", "binseg"],
                    EQUAL
                ))
                .is_empty()
            );
        }

        #[test]
        fn changepoint_all_missing_cli() {
            let csv = "period,value\n2025-01,\n2025-02,\n2025-03,\n";
            refused(
                &econ(&["--cost", "mean", "--penalty", "1"], csv),
                "no observations",
            );
            let hole = "period,value\n2025-01,1\n2025-02,\n2025-03,2\n";
            refused(
                &econ(&["--cost", "mean", "--penalty", "1"], hole),
                "change-point detection is undefined at 2025-02: the value is missing",
            );
            refused(
                &econ(&["--cost", "mean", "--penalty", "1", "--skip-missing"], csv),
                "no observations",
            );
        }

        #[test]
        fn changepoint_extreme_magnitudes_cli() {
            let wild = "period,value\n2025-01,1e300\n2025-02,-1e300\n2025-03,1e300\n";
            refused(
                &econ(&["--cost", "mean", "--penalty", "1"], wild),
                "change-point detection overflows",
            );
            let flat = "period,value\n2025-01,1.7976931348623157e308\n2025-02,1.7976931348623157e308\n2025-03,1.7976931348623157e308\n";
            assert!(periods(&econ(&["--cost", "mean", "--penalty", "1"], flat)).is_empty());
            let tiny = "period,value\n2025-01,0\n2025-02,0\n2025-03,0\n2025-04,1e-300\n2025-05,1e-300\n2025-06,1e-300\n";
            assert_eq!(
                periods(&econ(
                    &["--cost", "mean", "--penalty", "bic", "--sigma", "1e-302"],
                    tiny
                )),
                ["2025-04"]
            );
        }

        #[test]
        fn changepoint_min_size_larger_than_n_cli() {
            refused(
                &econ(
                    &["--cost", "mean", "--penalty", "1", "--min-size", "5"],
                    THREE,
                ),
                "need at least 5 observations, got 3",
            );
            refused(
                &econ(
                    &["--cost", "mean", "--penalty", "1", "--min-size", "0"],
                    THREE,
                ),
                "invalid argument min_size = 0",
            );
        }

        #[test]
        fn changepoint_negative_or_nan_penalty_cli() {
            for p in ["-1", "nan", "inf"] {
                bad_argument(
                    &econ(&["--cost", "mean", "--penalty", p], THREE),
                    &format!("invalid value '{p}' for '--penalty <PENALTY>'"),
                );
            }
            refused(
                &econ(
                    &["--cost", "mean", "--penalty", "1", "--sigma", "nan"],
                    THREE,
                ),
                "invalid argument sigma = NaN",
            );
            refused(
                &econ(&["--cost", "mean", "--penalty", "1", "--sigma=-2"], THREE),
                "invalid argument sigma = -2",
            );
        }
    }
}
