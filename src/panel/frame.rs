//! Output columns: values, periods (as `Date` or text), flags and labels.

use ::polars::prelude::{
    BooleanChunked, ChunkFullNull, Column, Float64Chunked, Int32Chunked, IntoColumn, IntoSeries,
    NewChunkedArray, StringChunked,
};

use std::sync::Arc;

use polars_arrow::array::PrimitiveArray;
use polars_arrow::bitmap::Bitmap;
use polars_arrow::datatypes::ArrowDataType;
use polars_buffer::Buffer;

use super::load::{period_days, period_text};
use crate::period::Frequency;

/// A `Float64` column, null where `v` is NaN.
pub(crate) fn floats(name: &str, v: &[f64]) -> Column {
    // One copy of the values and a validity bitmap: no per-value builder.
    let valid: Bitmap = v.iter().map(|x| !x.is_nan()).collect();
    let validity = (valid.unset_bits() > 0).then_some(valid);
    Float64Chunked::from_vec_validity(name.into(), v.to_vec(), validity)
        .into_series()
        .into_column()
}

/// The owner of a panel's values, shared with the columns built from them.
struct Shared(Arc<Vec<f64>>);

impl AsRef<[f64]> for Shared {
    fn as_ref(&self) -> &[f64] {
        &self.0
    }
}

/// A `Float64` column over `v` without copying it, null where `v` is NaN.
pub(crate) fn shared_floats(name: &str, v: &Arc<Vec<f64>>) -> Column {
    let valid: Bitmap = v.iter().map(|x| !x.is_nan()).collect();
    let validity = (valid.unset_bits() > 0).then_some(valid);
    let values = Buffer::from_owner(Shared(Arc::clone(v)));
    let arr = PrimitiveArray::new(ArrowDataType::Float64, values, validity);
    Float64Chunked::with_chunk(name.into(), arr)
        .into_series()
        .into_column()
}

/// A nullable `Float64` column.
pub(crate) fn opt_floats(name: &str, v: impl Iterator<Item = Option<f64>>) -> Column {
    let ca: Float64Chunked = v.collect();
    ca.with_name(name.into()).into_series().into_column()
}

/// A nullable `Boolean` column.
pub(crate) fn bools(name: &str, v: impl Iterator<Item = Option<bool>>) -> Column {
    let ca: BooleanChunked = v.collect();
    ca.with_name(name.into()).into_series().into_column()
}

/// A `String` column.
pub(crate) fn labels<'a>(name: &str, v: impl Iterator<Item = &'a str>) -> Column {
    let v: Vec<&str> = v.collect();
    StringChunked::from_slice(name.into(), &v)
        .into_series()
        .into_column()
}

/// An `Int64` column.
pub(crate) fn ints(name: &str, v: Vec<i64>) -> Column {
    Column::new(name.into(), v)
}

/// Like [`periods`], consuming the indices (codes for which `null` holds
/// are nulls): a `Date` column reuses their memory.
// Bounds: every index lies in lo..=hi, the range the table was built over.
#[allow(clippy::indexing_slicing)]
pub(crate) fn periods_owned(
    name: &str,
    frequency: Frequency,
    dates: bool,
    mut v: Vec<i32>,
    null: impl Fn(i32) -> bool,
) -> Column {
    if !dates {
        return periods(
            name,
            frequency,
            dates,
            v.iter().map(|&i| (!null(i)).then_some(i)),
        );
    }
    let (lo, hi) = v
        .iter()
        .filter(|&&i| !null(i))
        .fold((i32::MAX, i32::MIN), |(lo, hi), &i| (lo.min(i), hi.max(i)));
    let table: Vec<i32> = if lo <= hi {
        (lo..=hi).map(|i| period_days(frequency, i)).collect()
    } else {
        Vec::new()
    };
    let valid: Bitmap = v.iter().map(|&i| !null(i)).collect();
    for i in &mut v {
        *i = if null(*i) {
            0
        } else {
            table[(*i - lo) as usize]
        };
    }
    let validity = (valid.unset_bits() > 0).then_some(valid);
    Int32Chunked::from_vec_validity(name.into(), v, validity)
        .into_date()
        .into_series()
        .into_column()
}

/// A period column from period indices of `frequency` (`None`: null): a
/// polars `Date` of each period's first day if `dates`, else canonical text.
// Bounds: every index lies in lo..=hi, the range the table was built over.
#[allow(clippy::indexing_slicing)]
pub(crate) fn periods(
    name: &str,
    frequency: Frequency,
    dates: bool,
    index: impl Iterator<Item = Option<i32>> + Clone,
) -> Column {
    let (lo, hi) = index
        .clone()
        .flatten()
        .fold((i32::MAX, i32::MIN), |(lo, hi), i| (lo.min(i), hi.max(i)));
    if lo > hi {
        // No period at all: an all-null column of the right type.
        let n = index.count();
        return if dates {
            Int32Chunked::full_null(name.into(), n)
                .into_date()
                .into_series()
                .into_column()
        } else {
            StringChunked::full_null(name.into(), n)
                .into_series()
                .into_column()
        };
    }
    // A panel spans a few hundred distinct periods; convert each once.
    if dates {
        let table: Vec<i32> = (lo..=hi).map(|i| period_days(frequency, i)).collect();
        let days: Vec<i32> = index
            .clone()
            .map(|i| i.map_or(0, |i| table[(i - lo) as usize]))
            .collect();
        let valid: Bitmap = index.map(|i| i.is_some()).collect();
        let validity = (valid.unset_bits() > 0).then_some(valid);
        Int32Chunked::from_vec_validity(name.into(), days, validity)
            .into_date()
            .into_series()
            .into_column()
    } else {
        let table: Vec<String> = (lo..=hi).map(|i| period_text(frequency, i)).collect();
        let ca: StringChunked = index
            .map(|i| i.map(|i| table[(i - lo) as usize].as_str()))
            .collect();
        ca.with_name(name.into()).into_series().into_column()
    }
}
