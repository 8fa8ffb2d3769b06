//! How the fuzz targets (`fuzz/`) decode their bytes into values: shared by
//! the targets (through `#[path]`) and by the regression tests that keep
//! their crash inputs, so both read an input the same way.

/// Values decoded from `data`. The first byte picks the encoding, so that the
/// fuzzer reaches both extreme bit patterns and the small, tied, sign-changing
/// numbers that exercise the detectors:
/// - `0`: eight bytes per value as raw `f64` bits (NaN, infinities, subnormals,
///   1e308, ...); a value whose first byte is `0xff` is missing;
/// - `1`: one byte per value as a small integer, `-128` is missing;
/// - otherwise: two bytes per value in hundredths, `i16::MIN` is missing.
pub fn values(data: &[u8]) -> Vec<Option<f64>> {
    let Some((&mode, rest)) = data.split_first() else {
        return Vec::new();
    };
    match mode % 3 {
        0 => rest
            .chunks_exact(8)
            .map(|c| {
                let mut b = [0u8; 8];
                b.copy_from_slice(c);
                (c.first() != Some(&0xff)).then(|| f64::from_le_bytes(b))
            })
            .collect(),
        1 => rest
            .iter()
            .map(|&b| {
                let x = b as i8;
                (x != i8::MIN).then_some(f64::from(x))
            })
            .collect(),
        _ => rest
            .chunks_exact(2)
            .map(|c| {
                let x = i16::from_le_bytes([c[0], c[1]]);
                (x != i16::MIN).then(|| f64::from(x) / 100.0)
            })
            .collect(),
    }
}
