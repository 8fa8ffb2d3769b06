//! Integration tests: fixtures.
//!
//! Loaders for the pandas reference tables in `tests/fixtures/` (see its
//! README) and for the shipped data files in `data/`, plus the one float
//! comparison every reference test goes through. The data loader is a few
//! lines of std parsing on purpose: the crate's own readers are tested
//! elsewhere and must not be trusted by the tests that check the transforms.

use std::fmt::Display;
use std::path::Path;

use econseries::{Error, Period, Series, Value};

/// Relative tolerance against a reference value: `|got − want| <= TOL·max(1, |want|)`.
///
/// pandas sums in other orders (pairwise, Kahan) and numpy's `pow` is not
/// `powf`, so agreement is to the last few bits, not bit for bit.
pub(crate) const TOL: f64 = 1e-10;

/// A CSV table from `tests/fixtures/`: `#` comment lines skipped, then a
/// header row, then rows of raw fields (an empty field is a missing value).
pub(crate) struct Table {
    /// The file name, for failure messages.
    pub(crate) file: String,
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl Table {
    /// Loads `tests/fixtures/<file>`.
    #[track_caller]
    pub(crate) fn fixture(file: &str) -> Table {
        let text = read(
            &Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/fixtures")
                .join(file),
        );
        let mut lines = text
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty());
        let split = |l: &str| l.split(',').map(str::to_owned).collect::<Vec<_>>();
        let header = split(lines.next().unwrap_or_else(|| panic!("{file}: no header")));
        let rows: Vec<_> = lines.map(split).collect();
        for (i, r) in rows.iter().enumerate() {
            assert_eq!(
                r.len(),
                header.len(),
                "{file}: row {} has {} fields",
                i + 1,
                r.len()
            );
        }
        Table {
            file: file.to_owned(),
            header,
            rows,
        }
    }

    /// The column names after the first (the period or key) column.
    pub(crate) fn columns(&self) -> &[String] {
        &self.header[1..]
    }

    /// The raw fields of column `name`.
    #[track_caller]
    pub(crate) fn fields(&self, name: &str) -> impl Iterator<Item = &str> {
        let j = self
            .header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("{}: no column {name:?} in {:?}", self.file, self.header));
        self.rows.iter().map(move |r| r[j].as_str())
    }

    /// Column `name` as numbers keyed by the period in the first column.
    #[track_caller]
    pub(crate) fn column<P: Period>(&self, name: &str) -> Vec<(P, Option<f64>)> {
        self.rows
            .iter()
            .map(|r| period::<P>(&r[0]))
            .zip(self.fields(name).map(number))
            .collect()
    }

    /// Column `name` as a series (the periods must be contiguous).
    #[track_caller]
    pub(crate) fn series<P: Period>(&self, name: &str) -> Series<P> {
        let col = self.column::<P>(name);
        let s = Series::from_pairs(col.iter().copied()).expect("fixture column builds a series");
        assert_eq!(
            s.len(),
            col.len(),
            "{}: periods are not contiguous",
            self.file
        );
        s
    }
}

/// Loads `data/<stem>.csv` (header `period,value`, empty value = missing).
#[track_caller]
pub(crate) fn data<P: Period>(stem: &str) -> Series<P> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("data")
        .join(format!("{stem}.csv"));
    let text = read(&path);
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("period,value"), "{stem}: header");
    let pairs = lines.filter(|l| !l.is_empty()).map(|l| {
        let (p, v) = l
            .split_once(',')
            .unwrap_or_else(|| panic!("{stem}: bad line {l:?}"));
        (period::<P>(p), number(v))
    });
    Series::from_pairs(pairs).unwrap_or_else(|e| panic!("{stem}: {e}"))
}

/// Asserts that `got` spans exactly the periods of `want` and matches it
/// under [`assert_all_close`].
#[track_caller]
pub(crate) fn assert_series_close<P: Period, U: Value>(
    file: &str,
    column: &str,
    got: &Series<P, U>,
    want: &[(P, Option<f64>)],
) {
    let periods: Vec<P> = got.iter().map(|(p, _)| p).collect();
    let expected: Vec<P> = want.iter().map(|&(p, _)| p).collect();
    if periods != expected {
        panic!(
            "{file} [{column}]: span {:?}..{:?} ({} periods), reference {:?}..{:?} ({})",
            periods.first(),
            periods.last(),
            periods.len(),
            expected.first(),
            expected.last(),
            expected.len()
        );
    }
    assert_all_close(
        file,
        column,
        got.iter()
            .zip(want)
            .map(|((p, g), &(_, w))| (p, g.map(Value::get), w)),
    );
}

/// The one comparison with reference values: for every `(label, got, want)`,
/// both missing, or both present with `|got − want| <= TOL·max(1, |want|)`.
/// Panics listing the file, column and label (period) of the mismatches.
#[track_caller]
pub(crate) fn assert_all_close<L: Display>(
    file: &str,
    column: &str,
    rows: impl IntoIterator<Item = (L, Option<f64>, Option<f64>)>,
) {
    let mut bad = Vec::new();
    let mut n = 0;
    for (label, got, want) in rows {
        n += 1;
        let ok = match (got, want) {
            (None, None) => true,
            (Some(g), Some(w)) => (g - w).abs() <= TOL * w.abs().max(1.0),
            _ => false,
        };
        if !ok {
            bad.push(format!("  {label}: got {got:?}, want {want:?}"));
        }
    }
    assert!(n > 0, "{file} [{column}]: nothing compared");
    if !bad.is_empty() {
        let shown = bad.len().min(10);
        panic!(
            "{file} [{column}]: {} of {n} values differ (tolerance {TOL:e} relative):\n{}",
            bad.len(),
            bad[..shown].join("\n")
        );
    }
}

/// A strict result as an option: `Ok` is its value, `Error::Undefined` is missing.
#[track_caller]
pub(crate) fn defined<T>(r: Result<T, Error>) -> Option<T> {
    match r {
        Ok(v) => Some(v),
        Err(Error::Undefined { .. }) => None,
        Err(e) => panic!("unexpected error: {e}"),
    }
}

#[track_caller]
fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[track_caller]
pub(crate) fn period<P: Period>(s: &str) -> P {
    s.parse().unwrap_or_else(|e| panic!("period {s:?}: {e}"))
}

#[track_caller]
fn number(s: &str) -> Option<f64> {
    (!s.is_empty()).then(|| s.parse().unwrap_or_else(|e| panic!("number {s:?}: {e}")))
}

#[test]
fn comparison_rule() {
    assert_all_close(
        "t",
        "c",
        [
            ("a", Some(1e12), Some(1e12 * (1.0 + 0.5e-10))),
            ("b", None, None),
        ],
    );
    let r = std::panic::catch_unwind(|| assert_all_close("t", "c", [("p", Some(1.0), None)]));
    assert!(r.is_err(), "missing on one side only must fail");
    let r = std::panic::catch_unwind(|| {
        assert_all_close("t", "c", [("p", Some(1.0 + 2e-10), Some(1.0))])
    });
    assert!(r.is_err(), "outside the tolerance must fail");
}

/// The runs of events that span periods (streaks, technical recessions):
/// each run's last event, which counts the whole run, with the run's first
/// period. A run's events are consecutive and share their first period.
pub(crate) fn runs<P: Period>(
    events: &[econseries::detect::Event<P>],
) -> Vec<(P, econseries::detect::Event<P>)> {
    events
        .iter()
        .enumerate()
        .filter(|(i, e)| {
            events.get(i + 1).is_none_or(|next| {
                next.compared_with != e.compared_with || next.period.periods_since(e.period) != 1
            })
        })
        .map(|(_, e)| (e.compared_with.expect("a run has a first period"), *e))
        .collect()
}

/// The data rows of a reference program's CSV fixture under
/// `tests/fixtures/` (`dir/file`): `#` comment lines and the header row
/// skipped, fields split at commas outside double quotes (quotes dropped).
#[track_caller]
pub(crate) fn csv_rows(path: &str) -> Vec<Vec<String>> {
    read(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(path),
    )
    .lines()
    .filter(|l| !l.starts_with('#'))
    .skip(1)
    .map(csv_fields)
    .collect()
}

fn csv_fields(line: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut quoted = false;
    for c in line.chars() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => out.push(String::new()),
            c => out.last_mut().map_or((), |f| f.push(c)),
        }
    }
    out
}

/// The values of one table (a column of `tests/fixtures/x13/runs/runs.csv`,
/// the program's runs) for one case, in date order.
#[cfg(any(feature = "cli", feature = "panel"))]
#[track_caller]
pub(crate) fn program_table(case: &str, table: &str) -> Vec<f64> {
    let text =
        read(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/x13/runs/runs.csv"));
    let mut lines = text.lines().filter(|l| !l.starts_with('#'));
    let header: Vec<&str> = lines.next().expect("header").split(',').collect();
    let col = header
        .iter()
        .position(|h| *h == table)
        .unwrap_or_else(|| panic!("runs.csv has no table {table}"));
    lines
        .filter(|l| l.split(',').next() == Some(case))
        .map(|l| {
            l.split(',')
                .nth(col)
                .expect("cell")
                .parse()
                .expect("number")
        })
        .collect()
}
