//! The crate's one error type.

use crate::period::Frequency;

/// An error that can occur in this crate.
///
/// Variants carry the data a caller needs to react (the period, the line, the
/// rejected value) rather than pre-formatted strings. Periods are carried in
/// their display form (`2025-05`, `2025-Q1`, `2025`) so that one error type
/// serves every frequency.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A period string or date that does not name a valid period.
    #[error("invalid {frequency} period {input:?}: {problem}")]
    ParsePeriod {
        /// The frequency that was being parsed.
        frequency: Frequency,
        /// The rejected text.
        input: String,
        /// What was wrong with it.
        problem: ParseProblem,
    },
    /// A period string whose frequency could not be recognised at all.
    #[error(
        "unrecognised period {input:?}: expected YYYY-MM, YYYY-Qn, YYYY or a first-of-period date YYYY-MM-01"
    )]
    UnrecognisedPeriod {
        /// The rejected text.
        input: String,
    },
    /// A month number outside `1..=12`.
    #[error("month {month} is out of range 1..=12")]
    InvalidMonth {
        /// The rejected month number.
        month: u32,
    },
    /// A quarter number outside `1..=4`.
    #[error("quarter {quarter} is out of range 1..=4")]
    InvalidQuarter {
        /// The rejected quarter number.
        quarter: u32,
    },
    /// A year outside the supported range.
    #[error("year {year} is out of range {min}..={max}", min = crate::period::MIN_YEAR, max = crate::period::MAX_YEAR)]
    YearOutOfRange {
        /// The rejected year.
        year: i64,
    },
    /// Period arithmetic left the supported range of years.
    #[error("{period} {op} {amount} periods leaves the supported range of years")]
    PeriodOverflow {
        /// The period the arithmetic started from.
        period: String,
        /// `+` or `-`.
        op: char,
        /// The number of periods added or subtracted.
        amount: i64,
    },
    /// The same period appeared twice when building a series.
    #[error("duplicate period {period}")]
    DuplicatePeriod {
        /// The repeated period.
        period: String,
    },
    /// A value that is NaN or infinite.
    #[error("non-finite value {value} at {period}")]
    NonFinite {
        /// The period of the value.
        period: String,
        /// The rejected value.
        value: f64,
    },
    /// A number written with a non-zero digit that is too small in magnitude
    /// for an `f64` (below about 2.5e-324, such as `1e-400`): it would read as
    /// zero. Subnormal numbers that do not round to zero are kept.
    #[error("value {text} is too small for an f64 (it would read as 0)")]
    Underflow {
        /// The number as written.
        text: String,
    },
    /// A NaN or infinite number where a finite one is required.
    #[error("value {value} is not finite")]
    NotFinite {
        /// The rejected value.
        value: f64,
    },
    /// Input that holds no observations at all.
    #[error("no observations")]
    NoObservations,
    /// Periods of different frequencies where one frequency was needed.
    #[error("mixed frequencies: expected {expected} periods, found {found} period {period}")]
    MixedFrequency {
        /// The frequency established by the earlier periods.
        expected: Frequency,
        /// The frequency of the offending period.
        found: Frequency,
        /// The offending period as written.
        period: String,
    },
    /// A series of one unit where another was required (a JSON series of
    /// growth rates read as percentage points, say).
    #[error("unit mismatch: expected {expected}, found {found}")]
    UnitMismatch {
        /// The unit required ([`Value::NAME`](crate::unit::Value::NAME)).
        expected: &'static str,
        /// The unit found.
        found: String,
    },
    /// A series of one frequency where another was required.
    #[error("frequency mismatch: expected {expected}, found {found}")]
    FrequencyMismatch {
        /// The frequency required.
        expected: Frequency,
        /// The frequency supplied.
        found: Frequency,
    },
    /// A transform result that is undefined at a period (strict transforms only).
    #[error("{transform} is undefined at {period}: {reason}")]
    Undefined {
        /// The transform, e.g. `pc1`.
        transform: &'static str,
        /// The period whose result is undefined.
        period: String,
        /// Why it is undefined.
        reason: UndefinedReason,
    },
    /// An argument outside its valid range (a zero window, a `min_count` of 0, ...).
    #[error("invalid argument {name} = {value}: {expected}")]
    InvalidArgument {
        /// The argument's name.
        name: &'static str,
        /// The rejected value, as written.
        value: String,
        /// What was expected instead.
        expected: &'static str,
    },
    /// Two series or indicators that cannot be combined.
    #[error("incompatible {what}: {left} vs {right}")]
    Incompatible {
        /// The attribute that differs (currency, scale, partner, ...).
        what: &'static str,
        /// The left-hand value.
        left: String,
        /// The right-hand value.
        right: String,
    },
    /// A transform that the indicator's measure kind does not allow.
    #[error("{transform} is not meaningful for {kind} series")]
    NotAllowed {
        /// The transform asked for.
        transform: &'static str,
        /// The measure kind of the series.
        kind: &'static str,
    },
    /// An indicator whose metadata does not fit: an attribute that is not set
    /// or has the wrong value for the operation (a real series where a
    /// nominal one is needed, a trade flow without a currency).
    #[error("{what} must be {expected}, found {found}")]
    InvalidMetadata {
        /// The attribute (currency, price basis, ...).
        what: &'static str,
        /// What the operation needs.
        expected: &'static str,
        /// What the metadata holds (`none` if not set).
        found: String,
    },
    /// Too few observations for the requested computation.
    #[error("need at least {need} observations, got {got}")]
    TooShort {
        /// Observations required.
        need: usize,
        /// Observations available.
        got: usize,
    },
    /// A value a method cannot take in the mode asked for: zero or negative
    /// where a multiplicative decomposition needs positive values.
    #[error("{method} in {mode} mode needs positive values, found {value} at {period}")]
    NotPositive {
        /// The method, e.g. `x11`.
        method: &'static str,
        /// The mode, as the method names it (`mult`, `logadd`, ...).
        mode: &'static str,
        /// The period of the value.
        period: String,
        /// The rejected value.
        value: f64,
    },
    /// A series shorter than a method needs, given with its first and last
    /// periods.
    #[error(
        "{method} needs at least {need} observations (three years), the series {first} to {last} has {got}"
    )]
    TooFewYears {
        /// The method, e.g. `x11`.
        method: &'static str,
        /// Observations required.
        need: usize,
        /// Observations available.
        got: usize,
        /// The series' first period.
        first: String,
        /// The series' last period.
        last: String,
    },
    /// An error while reading input, with the line it occurred on.
    #[error("line {line}: {source} (in {text:?})")]
    Read {
        /// The 1-based line number in the input.
        line: u64,
        /// The offending line (or field) as read.
        text: String,
        /// What was wrong.
        #[source]
        source: Box<Error>,
    },
    /// An error in one row of a data frame (0-based row index).
    #[error("row {row}: {source}")]
    Row {
        /// The 0-based row index.
        row: usize,
        /// What was wrong.
        #[source]
        source: Box<Error>,
    },
    /// A value field that is not a number.
    #[error("{text:?} is not a number")]
    NotANumber {
        /// The rejected field.
        text: String,
    },
    /// A malformed CSV record (wrong number of fields, bad quoting, invalid UTF-8).
    #[error("malformed CSV: {message}")]
    Csv {
        /// The CSV parser's description of the problem.
        message: String,
    },
    /// A CSV record with the wrong number of fields.
    #[error("expected {expected} fields, found {found}")]
    FieldCount {
        /// The number of fields required.
        expected: usize,
        /// The number of fields in the record.
        found: usize,
    },
    /// A frequency conversion to a frequency that is not coarser than the source.
    #[error("cannot aggregate {from} to {to}: the target frequency must be coarser")]
    NotCoarser {
        /// The frequency of the series.
        from: Frequency,
        /// The requested target frequency.
        to: Frequency,
    },
    /// A missing value where the computation needs every value (change-point
    /// detection under its default missing-value policy).
    #[error("missing value at {period}: skip missing values explicitly or fill them first")]
    MissingValue {
        /// The first period whose value is missing.
        period: String,
    },
    /// A robust noise estimate of zero (more than half the first differences
    /// are equal), so a penalty cannot be scaled to the noise.
    #[error(
        "the noise estimate (MAD of first differences) is zero: give the noise scale explicitly"
    )]
    ZeroNoise,
    /// A real-time interval (ALFRED's `realtime_start`..=`realtime_end`) that
    /// ends before it starts.
    #[error("real-time interval {start}..={end} ends before it starts")]
    InvalidRealtime {
        /// The first day of the interval.
        start: chrono::NaiveDate,
        /// The last day of the interval.
        end: chrono::NaiveDate,
    },
    /// Two real-time intervals of one period that share a day, so the period
    /// would have two values as known on that day.
    #[error("period {period} has overlapping real-time intervals {first} and {second}")]
    OverlappingRealtime {
        /// The period.
        period: String,
        /// The earlier interval.
        first: String,
        /// The interval that overlaps it.
        second: String,
    },
    /// The same vintage date given twice.
    #[error("duplicate vintage {date}")]
    DuplicateVintage {
        /// The repeated vintage date.
        date: chrono::NaiveDate,
    },
    /// A header field that does not have the form the format requires.
    #[error("header field {column:?} is not {expected}")]
    BadHeader {
        /// The header field as written.
        column: String,
        /// The form required.
        expected: &'static str,
    },
    /// A column that the format requires is absent from the header.
    #[error("no {column} column in the header")]
    MissingColumn {
        /// The required column.
        column: String,
    },
    /// An error in one field of a delimited row; the enclosing [`Error::Read`]
    /// carries the line.
    #[error("column {column} (field {index}): {source}")]
    Field {
        /// The column's name in the header.
        column: String,
        /// The 1-based field number.
        index: usize,
        /// What was wrong.
        #[source]
        source: Box<Error>,
    },
    /// An error at a position in a JSON document, given as a JSON path such as
    /// `$.observations[3].date`.
    #[error("at {path}: {source}")]
    At {
        /// The JSON path of the offending value.
        path: String,
        /// What was wrong.
        #[source]
        source: Box<Error>,
    },
    /// A JSON value of the wrong type or shape (a number where a string is
    /// needed, a missing member).
    #[error("expected {expected}, found {found}")]
    UnexpectedJson {
        /// What the format requires there.
        expected: &'static str,
        /// What the document holds (`missing` for an absent member).
        found: &'static str,
    },
    /// A period of a frequency the crate has no period type for (daily,
    /// weekly, semi-annual, ...).
    #[error(
        "unsupported frequency {code:?} (period {period:?}): only monthly, quarterly and annual series are supported"
    )]
    UnsupportedFrequency {
        /// The frequency code (SDMX `FREQ`) or a description of the period form.
        code: String,
        /// The period as written.
        period: String,
    },
    /// No series of a multi-series input matches the selector
    /// ([`ReadOptions::series`](crate::io::ReadOptions::series)).
    #[error(
        "no series matches {selector:?}{}",
        list(" (the input holds ", examples, ")")
    )]
    SeriesNotFound {
        /// The selector as given.
        selector: String,
        /// The identifiers of the first few series of the input, to show
        /// what a selector looks like there (empty if it holds none).
        examples: Vec<String>,
    },
    /// Several series where exactly one was needed: give a selector.
    #[error(
        "the input holds more than one series ({first}, {second}, ...): pick one with a series selector"
    )]
    MultipleSeries {
        /// The identifier of the first series.
        first: String,
        /// The identifier of the second series, where it was found.
        second: String,
    },
    /// A selector that matches several series; every match is listed (up
    /// to 20, then a count).
    #[error("{selector:?} matches {count} series: {}{}; give more of the key", matches.join(", "), if *count > matches.len() { ", ..." } else { "" })]
    AmbiguousSeries {
        /// The selector as given.
        selector: String,
        /// The full identifiers of the matching series (the first 20).
        matches: Vec<String>,
        /// How many series match.
        count: usize,
    },
    /// An error in one series of a panel, with the series' key (the value, or
    /// `name=value` pairs for a composite key).
    #[error("series {key}: {source}")]
    InSeries {
        /// The key of the series.
        key: String,
        /// What was wrong.
        #[source]
        source: Box<Error>,
    },
    /// A key out of order in input that must be sorted by key (a panel read
    /// in batches): a series would be split between batches.
    #[error("input is not sorted by key: {key} comes after {previous}")]
    NotSortedByKey {
        /// The key out of order.
        key: String,
        /// The key before it.
        previous: String,
    },
    /// More values kept than the reader's
    /// [`max_values`](crate::io::ReadOptions::max_values); the enclosing
    /// [`Error::Read`] or [`Error::At`] names the first value past the limit.
    #[error("more than {limit} values kept")]
    TooManyValues {
        /// The limit on values kept.
        limit: u64,
    },
    /// SDMX-JSON whose data sets come before the structure that explains
    /// them, larger than the reader holds while waiting for it.
    #[error(
        "the data sets come before the structure and exceed {limit} bytes: set a larger max_bytes to read them"
    )]
    DataBeforeStructure {
        /// The bytes held at most.
        limit: u64,
    },
    /// A field that is not valid UTF-8; the enclosing [`Error::Read`] names
    /// the line.
    #[error("field {field} is not valid UTF-8")]
    InvalidUtf8 {
        /// The 1-based field number.
        field: usize,
    },
    /// A number too large in magnitude for an `f64` (`1e309`).
    #[error("{text:?} is too large for an f64 (the largest is about 1.8e308)")]
    ValueTooLarge {
        /// The number as written.
        text: String,
    },
    /// A column name that appears twice in a header, so it is unclear which
    /// one holds the data.
    #[error("column {column} appears twice in the header")]
    DuplicateColumn {
        /// The repeated column name.
        column: String,
    },
    /// An ALFRED vintage column whose eight digits are not a date.
    #[error("vintage column {column}: {digits} is not a date YYYYMMDD")]
    InvalidVintageDate {
        /// The header field as written.
        column: String,
        /// Its eight digits.
        digits: String,
    },
    /// A field that should hold a date `YYYY-MM-DD`.
    #[error("expected a date YYYY-MM-DD, found {}", if text.is_empty() { "an empty field".to_owned() } else { format!("{text:?}") })]
    InvalidDate {
        /// The field as written (empty for an empty field).
        text: String,
    },
    /// An SDMX-CSV 2.0 `ACTION` other than `I`, `A`, `R` and `D`.
    #[error("unknown SDMX action {action:?}: expected I, A, R or D")]
    InvalidAction {
        /// The action as written.
        action: String,
    },
    /// Input of a format that this reader does not read (a vintaged format
    /// read as a plain series, or the reverse).
    #[error("{format} input is not read here: {hint}")]
    UnsupportedFormat {
        /// The format's name.
        format: &'static str,
        /// Which reader to use instead.
        hint: &'static str,
    },
    /// A CSV record (line) longer than the reader's
    /// [`max_line_len`](crate::io::ReadOptions::max_line_len); the enclosing
    /// [`Error::Read`] names its line.
    #[error("the record is longer than {limit} bytes")]
    LineTooLong {
        /// The limit in bytes.
        limit: usize,
    },
    /// More data rows than the reader's
    /// [`max_rows`](crate::io::ReadOptions::max_rows); the enclosing
    /// [`Error::Read`] names the first row past the limit.
    #[error("more than {limit} data rows")]
    TooManyRows {
        /// The limit on data rows.
        limit: u64,
    },
    /// Input larger than the reader's
    /// [`max_bytes`](crate::io::ReadOptions::max_bytes).
    #[error("the input is larger than {limit} bytes")]
    InputTooLarge {
        /// The limit in bytes.
        limit: u64,
    },
    /// A computation whose result does not fit in an `f64` (a smoothing
    /// parameter or values so large that the filter overflows).
    #[error("{computation} overflows: the result is too large for an f64")]
    Overflow {
        /// The computation, e.g. `hp_trend`.
        computation: &'static str,
    },
    /// The drawing library failed to lay out or draw a chart (only with the
    /// `plot` feature); carries its message.
    #[cfg(feature = "plot")]
    #[cfg_attr(docsrs, doc(cfg(feature = "plot")))]
    #[error("cannot draw the chart: {message}")]
    Draw {
        /// The drawing library's message.
        message: String,
    },
    /// An I/O error from the underlying reader or writer.
    #[error(transparent)]
    Io(#[from] std::io::Error),
    /// Malformed JSON (only with the `serde` feature).
    #[cfg(feature = "serde")]
    #[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
    #[error(transparent)]
    Json(#[from] serde_json::Error),
    /// A polars operation failed (only with the `polars` feature).
    #[cfg(feature = "polars")]
    #[cfg_attr(docsrs, doc(cfg(feature = "polars")))]
    #[error(transparent)]
    Polars(#[from] polars::error::PolarsError),
    /// An X-13 regression variable that cannot be generated (a window out
    /// of range, a variable the frequency lacks, a year before a holiday's
    /// rule or beyond its dates).
    #[error("regression variable {variable}: {problem}")]
    Regressor {
        /// The variable as the spec names it (`easter[30]`, `cny[-10,-1]`).
        variable: String,
        /// What is wrong.
        problem: RegressorProblem,
    },
    /// An X-13 spec file the crate cannot run as written: a syntax error, an
    /// unknown or unsupported spec or argument, a bad value. Never ignored.
    #[error("spec file line {line}: {problem}")]
    Spec {
        /// The 1-based line of the spec file.
        line: u32,
        /// What is wrong there.
        problem: SpecProblem,
    },
}

/// Why a regression variable cannot be generated; carried by
/// [`Error::Regressor`].
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum RegressorProblem {
    /// Text that does not name a variable.
    #[error("expected {expected}")]
    Syntax {
        /// What was expected.
        expected: &'static str,
    },
    /// A window (days, frequencies) outside what the program accepts
    /// (Thanksgiving's also excludes 0).
    #[error("the window must lie within {min}..={max}")]
    Window {
        /// The smallest accepted value.
        min: i32,
        /// The largest accepted value.
        max: i32,
    },
    /// A variable, or a date, that a series with this many periods a year
    /// does not have (Labor Day in quarterly data, `ao2000.05` in quarters).
    #[error("not defined for a series of {per_year} periods a year")]
    Frequency {
        /// Periods a year of the series.
        per_year: u32,
    },
    /// A year the holiday's rule or dates do not cover.
    #[error("no dates for {year}: defined for {first}..={last}")]
    YearOutOfRange {
        /// The first year asked for outside the range.
        year: i32,
        /// The first year covered.
        first: i32,
        /// The last year covered.
        last: i32,
    },
    /// The second date of a ramp or temporary level shift is not after the
    /// first.
    #[error("the end date must come after the start date")]
    DateOrder,
}

/// What is wrong at a line of an X-13 spec file; carried by [`Error::Spec`].
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum SpecProblem {
    /// Text that breaks the spec grammar.
    #[error("expected {expected}, found {found:?}")]
    Syntax {
        /// What the grammar expects there.
        expected: &'static str,
        /// What was found (empty at the end of the input).
        found: String,
    },
    /// A spec name the program does not have.
    #[error("unknown spec {spec}")]
    UnknownSpec {
        /// The name as written.
        spec: String,
    },
    /// A spec of the program that this crate does not run (`seats`,
    /// `history`, …).
    #[error("the {spec} spec is not supported")]
    UnsupportedSpec {
        /// The spec's name.
        spec: String,
    },
    /// An argument the spec does not have.
    #[error("unknown argument {argument} in the {spec} spec")]
    UnknownArgument {
        /// The spec.
        spec: String,
        /// The argument as written.
        argument: String,
    },
    /// An argument of the program that this crate does not implement.
    #[error("argument {argument} of the {spec} spec is not supported")]
    UnsupportedArgument {
        /// The spec.
        spec: String,
        /// The argument.
        argument: String,
    },
    /// A value the argument does not accept.
    #[error("{spec}: {argument}={value}: expected {expected}")]
    InvalidValue {
        /// The spec.
        spec: String,
        /// The argument.
        argument: String,
        /// The value as written.
        value: String,
        /// What the argument accepts.
        expected: &'static str,
    },
    /// A spec given twice.
    #[error("the {spec} spec is given twice")]
    DuplicateSpec {
        /// The spec.
        spec: String,
    },
    /// An argument given twice in one spec.
    #[error("argument {argument} is given twice in the {spec} spec")]
    DuplicateArgument {
        /// The spec.
        spec: String,
        /// The argument.
        argument: String,
    },
    /// Two arguments or specs that exclude each other (`data` and `file`,
    /// `arima` and `automdl`).
    #[error("{first} cannot be used with {second}")]
    Conflict {
        /// The one found first.
        first: String,
        /// The one that conflicts with it.
        second: String,
    },
    /// A required spec or argument is absent (the line is the last one).
    #[error("the {spec} spec needs {argument}")]
    Missing {
        /// The spec.
        spec: String,
        /// What it needs.
        argument: &'static str,
    },
    /// A series data file that cannot be read.
    #[error("cannot read {path}: {kind}")]
    File {
        /// The path as written.
        path: String,
        /// The I/O error's kind.
        kind: std::io::ErrorKind,
    },
    /// A regression variable that cannot be used.
    #[error(transparent)]
    Regressor(#[from] RegressorProblem),
}

/// What was wrong with a period string; carried by [`Error::ParsePeriod`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ParseProblem {
    /// The text does not have the expected shape.
    #[error("expected {expected}")]
    Syntax {
        /// The accepted forms.
        expected: &'static str,
    },
    /// A month number outside `1..=12`.
    #[error("month {0} is out of range 1..=12")]
    Month(u32),
    /// A quarter number outside `1..=4`.
    #[error("quarter {0} is out of range 1..=4")]
    Quarter(u32),
    /// A year outside the supported range.
    #[error("year {0} is out of range {min}..={max}", min = crate::period::MIN_YEAR, max = crate::period::MAX_YEAR)]
    Year(i64),
    /// A date that is not a real calendar date (e.g. `2025-02-30`).
    #[error("not a calendar date")]
    InvalidDate,
    /// A date that is not the first day of the period (FRED marks a period by its first day).
    #[error("{0} is not the first day of a period of this frequency")]
    NotFirstDay(chrono::NaiveDate),
}

/// Why a transform's result is undefined at a period; carried by [`Error::Undefined`].
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum UndefinedReason {
    /// The value at the period itself is missing.
    #[error("the value is missing")]
    MissingValue,
    /// The value the transform compares with is missing or lies before the series starts.
    #[error("the value at {0} is missing")]
    MissingLag(String),
    /// A ratio's base is zero or negative.
    #[error("the base at {0} is not positive")]
    NonPositiveBase(String),
    /// A logarithm of a zero or negative value.
    #[error("the log of a non-positive value at {0}")]
    NonPositiveLog(String),
    /// A window (rolling, year-to-date, aggregation) lacks some of its values.
    #[error("the window is incomplete")]
    IncompleteWindow,
    /// Every input is present and in the domain, but the result is too large
    /// for an `f64` (e.g. a ratio of 1e200 to 1e-200).
    #[error("the result overflows")]
    Overflow,
}

impl Error {
    /// Whether this error comes from malformed input (parse errors, bad values,
    /// duplicates) as opposed to an I/O failure or a misuse of the API.
    ///
    /// # Example
    /// ```
    /// use econseries::{Error, Month};
    ///
    /// assert!("2025-13".parse::<Month>().is_err_and(|e| e.is_input_error()));
    /// let io = Error::from(std::io::Error::other("disk full"));
    /// assert!(!io.is_input_error());
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn is_input_error(&self) -> bool {
        !matches!(self, Error::Io(_) | Error::InvalidArgument { .. })
    }

    /// The 1-based input line the error refers to, if it came from a reader.
    ///
    /// # Example
    /// ```
    /// use econseries::{Month, Series};
    ///
    /// // Line 3 holds a value that is not a number.
    /// let csv = "period,value\n2025-04,25378.1\n2025-05,n/a\n";
    /// let e = Series::<Month>::read(csv.as_bytes(), &econseries::io::ReadOptions::new()).err();
    /// assert_eq!(e.and_then(|e| e.line()), Some(3));
    /// assert_eq!(Month::new(2025, 13).err().and_then(|e| e.line()), None);
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn line(&self) -> Option<u64> {
        match self {
            Error::Read { line, .. } => Some(*line),
            _ => None,
        }
    }
}

/// `items` joined by commas between `before` and `after`, or nothing if empty.
fn list(before: &str, items: &[String], after: &str) -> String {
    if items.is_empty() {
        String::new()
    } else {
        format!("{before}{}{after}", items.join(", "))
    }
}

/// Shorthand for `Result<T, Error>`.
pub type Result<T, E = Error> = core::result::Result<T, E>;
