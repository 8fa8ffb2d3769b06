//! Reading ALFRED's vintage-column CSV against the floor of any CSV reader
//! of the same bytes, in one run.
//!
//! Shapes (synthetic data, made here as `benches/alfred_vintages.py` makes
//! it: 300 monthly rows, a vintage a day, ALFRED's triangle of first
//! releases, a revision every 50 vintages):
//!
//! - `alfred_4000`: 4,000 vintages (1.2 million cells, 5.5 MB);
//! - `alfred_40000`: 40,000 vintages (12 million cells, 55 MB).
//!
//! Each shape times `AnyVintagedSeries::read` (the crate's reader: records,
//! periods, values, runs of equal values joined into real-time intervals)
//! against `floor`: the `csv` crate reading every record of the same bytes
//! and parsing every cell as a number or a missing marker, keeping nothing,
//! which any reader of the file must at least do. Both see the same number
//! of published values (checked before timing).
//!
//! Run: `cargo bench --bench readers`.

use std::hint::black_box;

use chrono::{Days, NaiveDate};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use econseries::io::ReadOptions;
use econseries::vintage::AnyVintagedSeries;

const ROWS: usize = 300;

/// The ALFRED CSV of `vintages` columns (see the module documentation).
fn alfred(vintages: usize) -> Vec<u8> {
    let day0 = NaiveDate::from_ymd_opt(1900, 1, 1).expect("a date");
    let mut out = String::from("observation_date");
    for k in 0..vintages {
        let d = day0 + Days::new(k as u64);
        out.push_str(&format!(",X_{}", d.format("%Y%m%d")));
    }
    out.push('\n');
    for r in 0..ROWS {
        let first = r * vintages / ROWS;
        out.push_str(&format!("{:04}-{:02}-01", 2000 + r / 12, r % 12 + 1));
        for k in 0..vintages {
            if k < first {
                out.push_str(",.");
            } else {
                let v = 100.0 + r as f64 + 0.01 * ((k - first) / 50) as f64;
                out.push_str(&format!(",{v:.2}"));
            }
        }
        out.push('\n');
    }
    out.into_bytes()
}

/// The floor: every record read and every cell parsed, nothing kept; the
/// number of published values.
fn floor(bytes: &[u8]) -> usize {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(bytes);
    let mut record = csv::ByteRecord::new();
    let mut published = 0;
    while reader.read_byte_record(&mut record).expect("valid CSV") {
        for cell in record.iter().skip(1) {
            if cell != b"." {
                let text = std::str::from_utf8(cell).expect("UTF-8");
                published += usize::from(text.parse::<f64>().is_ok());
            }
        }
    }
    published
}

fn bench(c: &mut Criterion) {
    for vintages in [4_000, 40_000] {
        let bytes = alfred(vintages);
        let read = || AnyVintagedSeries::read(bytes.as_slice(), &ReadOptions::new());
        // Same input, read whole by both: as of the last vintage every row
        // is known, and the floor sees every cell of the triangle.
        let v = read().expect("reads");
        assert_eq!(v.latest().count(), ROWS);
        assert_eq!(
            floor(&bytes),
            (0..ROWS)
                .map(|r| vintages - r * vintages / ROWS)
                .sum::<usize>()
        );
        let mut group = c.benchmark_group(format!("alfred_{vintages}"));
        group.sample_size(10);
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_function("read", |b| b.iter(|| black_box(read().expect("reads"))));
        group.bench_function("floor", |b| b.iter(|| black_box(floor(&bytes))));
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
