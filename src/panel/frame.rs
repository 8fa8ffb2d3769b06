//! Output columns: values, periods (as `Date` or text), flags and labels.

use ::polars::prelude::{
    ChunkFullNull, Column, Float64Chunked, Int32Chunked, IntoColumn, IntoSeries, NewChunkedArray,
    StringChunked,
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

/// A `String` column.
pub(crate) fn labels<'a>(name: &str, v: impl Iterator<Item = &'a str>) -> Column {
    let v: Vec<&str> = v.collect();
    StringChunked::from_slice(name.into(), &v)
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
