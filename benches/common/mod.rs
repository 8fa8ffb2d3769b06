//! Data shared by the seasonal-adjustment benches (each bench includes this
//! file with `mod common;`; not every bench uses every item).
#![allow(dead_code)]

/// Synthetic monthly data (labelled so: not real data): xorshift64 uniform
/// noise driving a random walk in logs, times a fixed 12-month pattern and
/// noise. `benches/compare_x11.py` reimplements it bit for bit, so the
/// Census program adjusts the same numbers.
pub fn synthetic(seed: u64, n: usize) -> Vec<f64> {
    let mut state = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    let mut uniform = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state >> 11) as f64 / (1u64 << 53) as f64
    };
    const PATTERN: [f64; 12] = [
        0.92, 0.95, 1.0, 1.01, 1.02, 1.04, 1.05, 1.04, 1.01, 0.99, 0.98, 0.99,
    ];
    let mut level = 100.0_f64;
    (0..n)
        .map(|i| {
            level *= 1.0 + 0.01 * (uniform() - 0.5);
            level * PATTERN[i % 12] * (1.0 + 0.02 * (uniform() - 0.5))
        })
        .collect()
}

/// FRED IMPCH (US imports of goods from China, `data/`), 1985-01 to 2025-12.
pub fn impch() -> Vec<f64> {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/us_imports_goods_from_china_impch_monthly.csv"
    ))
    .expect("data file");
    text.lines()
        .skip(1)
        .map(|l| l.split(',').nth(1).expect("value").parse().expect("number"))
        .collect()
}
