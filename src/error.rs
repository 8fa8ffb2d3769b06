//! The crate's one error type.

use crate::period::{AnyPeriod, Frequency};
use chrono::NaiveDate;

/// An error that can occur in this crate.
///
/// Variants carry the data a caller needs to react (the period, the line, the
/// rejected value) rather than pre-formatted strings: periods as
/// [`AnyPeriod`] values, operations as [`Operation`], metadata attributes as
/// [`Attribute`]; text taken from the input is kept as written (`Box<str>`,
/// compare with `&*text == "..."`). The value is 56 bytes on 64-bit targets
/// (it was 80 with `String` payloads), so that `Result<T>` stays cheap to
/// return. Callers branch on the predicates ([`is_input_error`],
/// [`is_missing_data`], [`is_io`]) or match the variants; wrappers
/// ([`Read`], [`Row`], [`Field`], [`At`], [`InSeries`]) say where, and
/// [`period`] and [`line`] find the period and line through them.
///
/// [`is_input_error`]: Error::is_input_error
/// [`is_missing_data`]: Error::is_missing_data
/// [`is_io`]: Error::is_io
/// [`Read`]: Error::Read
/// [`Row`]: Error::Row
/// [`Field`]: Error::Field
/// [`At`]: Error::At
/// [`InSeries`]: Error::InSeries
/// [`period`]: Error::period
/// [`line`]: Error::line
///
/// # Example
/// ```
/// use econseries::{Error, Month, Series, UndefinedReason, Units};
///
/// let x = Series::from_pairs([
///     (Month::new(2024, 2)?, None),
///     (Month::new(2025, 2)?, Some(10.0)),
/// ])?;
/// let e = x.units_strict(Units::Pc1).unwrap_err();
/// assert!(e.is_missing_data());
/// assert_eq!(e.period(), Some(Month::new(2025, 2)?.into()));
/// assert!(matches!(e, Error::Undefined { reason: UndefinedReason::MissingComparison { .. }, .. }));
/// assert_eq!(
///     e.to_string(),
///     "pc1 (percent change from a year ago) is undefined at 2025-02: the year-earlier value 2024-02 is missing"
/// );
/// # Ok::<(), econseries::Error>(())
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A period string or date that does not name a valid period.
    #[error("invalid {frequency} period {input:?}: {problem}")]
    ParsePeriod {
        /// The frequency that was being parsed.
        frequency: Frequency,
        /// The rejected text.
        input: Box<str>,
        /// What was wrong with it.
        problem: ParseProblem,
    },
    /// A period string whose frequency could not be recognised at all.
    #[error(
        "unrecognised period {input:?}: expected YYYY-MM, YYYY-Qn, YYYY or a first-of-period date YYYY-MM-01"
    )]
    UnrecognisedPeriod {
        /// The rejected text.
        input: Box<str>,
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
        period: AnyPeriod,
        /// `+` or `-`.
        op: char,
        /// The number of periods added or subtracted.
        amount: i64,
    },
    /// The same period appeared twice when building a series.
    #[error("duplicate period {period}")]
    DuplicatePeriod {
        /// The repeated period.
        period: AnyPeriod,
    },
    /// A NaN or infinite value where a finite one is required, with its
    /// period when it has one (not for plain slices and scalars).
    #[error("value {value}{} is not finite", at(period))]
    NonFinite {
        /// The rejected value.
        value: f64,
        /// The period of the value, if it belongs to a series.
        period: Option<AnyPeriod>,
    },
    /// A number written with a non-zero digit that is too small in magnitude
    /// for an `f64` (below about 2.5e-324, such as `1e-400`): it would read as
    /// zero. Subnormal numbers that do not round to zero are kept.
    #[error("{text} is too small for a 64-bit float: it would read as 0")]
    Underflow {
        /// The number as written.
        text: Box<str>,
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
        period: Box<str>,
    },
    /// A series of one unit where another was required (a JSON series of
    /// growth rates read as percentage points, say).
    #[error("unit mismatch: expected {expected}, found {found}")]
    UnitMismatch {
        /// The unit required ([`Value::NAME`](crate::unit::Value::NAME)).
        expected: &'static str,
        /// The unit found.
        found: Box<str>,
    },
    /// A series of one frequency where another was required.
    #[error("frequency mismatch: expected {expected}, found {found}")]
    FrequencyMismatch {
        /// The frequency required.
        expected: Frequency,
        /// The frequency supplied.
        found: Frequency,
    },
    /// A result that is undefined at a period: a strict transform, a filter
    /// or a detector that needs a value which is missing or outside its
    /// domain.
    #[error("{operation} is undefined at {period}: {reason}")]
    Undefined {
        /// The operation, e.g. [`Operation::Pc1`].
        operation: Operation,
        /// The period whose result is undefined.
        period: AnyPeriod,
        /// Why it is undefined.
        reason: UndefinedReason,
    },
    /// An argument outside its valid range (a zero window, a `min_count` of 0, ...).
    #[error("invalid argument {name} = {value}: {expected}")]
    InvalidArgument {
        /// The argument's name.
        name: &'static str,
        /// The rejected value, as written.
        value: Box<str>,
        /// What was expected instead.
        expected: &'static str,
    },
    /// Two series or indicators that cannot be combined.
    #[error("incompatible {attribute}: {left} vs {right}")]
    Incompatible {
        /// The attribute that differs.
        attribute: Attribute,
        /// The left-hand value.
        left: Box<str>,
        /// The right-hand value.
        right: Box<str>,
    },
    /// A transform that the indicator's measure kind does not allow.
    #[error("{operation} is not meaningful for {kind} series")]
    NotAllowed {
        /// The operation asked for.
        operation: Operation,
        /// The measure kind of the series
        /// ([`MeasureKind::name`](crate::indicator::MeasureKind::name)), or
        /// `growth` for a series of growth rates.
        kind: &'static str,
    },
    /// An indicator whose metadata does not fit: an attribute that is not set
    /// or has the wrong value for the operation (a real series where a
    /// nominal one is needed, a trade flow without a currency).
    #[error("{attribute} must be {expected}, found {found}")]
    InvalidMetadata {
        /// The attribute.
        attribute: Attribute,
        /// What the operation needs.
        expected: &'static str,
        /// What the metadata holds (`none` if not set).
        found: Box<str>,
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
    #[error("{operation} needs {}, found {value} at {}", if *zero_allowed { "values that are not negative" } else { "positive values" }, period.map_or_else(|| format!("position {index}"), |p| p.to_string()))]
    NotPositive {
        /// The method and mode, e.g. [`Operation::X11Multiplicative`].
        operation: Operation,
        /// The period of the value (`None` for a plain slice).
        period: Option<AnyPeriod>,
        /// The value's 0-based position in the data.
        index: usize,
        /// The rejected value.
        value: f64,
        /// Whether zero is allowed (the pseudo-additive mode needs values
        /// that are not negative, the others positive values).
        zero_allowed: bool,
    },
    /// A series shorter than a method needs, given with its first and last
    /// periods.
    #[error(
        "{operation} needs at least {need} observations (three years), the series {first} to {last} has {got}"
    )]
    TooFewYears {
        /// The method, e.g. [`Operation::X11`].
        operation: Operation,
        /// Observations required.
        need: usize,
        /// Observations available.
        got: usize,
        /// The series' first period.
        first: AnyPeriod,
        /// The series' last period.
        last: AnyPeriod,
    },
    /// An error while reading input, with the line it occurred on.
    #[error("line {line}: {source} (in {text:?})")]
    Read {
        /// The 1-based line number in the input.
        line: u64,
        /// The offending line (or field) as read.
        text: Box<str>,
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
        text: Box<str>,
    },
    /// A malformed CSV record (bad quoting, invalid UTF-8), as the CSV
    /// parser describes it.
    #[error("malformed CSV: {message}")]
    Csv {
        /// The CSV parser's description of the problem.
        message: Box<str>,
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
        start: NaiveDate,
        /// The last day of the interval.
        end: NaiveDate,
    },
    /// Two real-time intervals of one period that share a day, so the period
    /// would have two values as known on that day.
    #[error("period {period} has overlapping real-time intervals {}..={} and {}..={}", first.0, first.1, second.0, second.1)]
    OverlappingRealtime {
        /// The period.
        period: AnyPeriod,
        /// The earlier interval, first and last day.
        first: (NaiveDate, NaiveDate),
        /// The interval that overlaps it.
        second: (NaiveDate, NaiveDate),
    },
    /// The same vintage date given twice.
    #[error("duplicate vintage {date}")]
    DuplicateVintage {
        /// The repeated vintage date.
        date: NaiveDate,
    },
    /// A header field that does not have the form the format requires.
    #[error("header field {column:?} is not {expected}")]
    BadHeader {
        /// The header field as written.
        column: Box<str>,
        /// The form required.
        expected: &'static str,
    },
    /// A column that the format requires is absent from the header.
    #[error("no {column} column in the header")]
    MissingColumn {
        /// The required column.
        column: Box<str>,
    },
    /// An error in one field of a delimited row; the enclosing [`Error::Read`]
    /// carries the line.
    #[error("column {column} (field {index}): {source}")]
    Field {
        /// The column's name in the header.
        column: Box<str>,
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
        path: Box<str>,
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
        code: Box<str>,
        /// The period as written.
        period: Box<str>,
    },
    /// No series of a multi-series input matches the selector
    /// ([`ReadOptions::series`](crate::io::ReadOptions::series)).
    #[error(
        "no series matches {selector:?}{}",
        list(" (the input holds ", examples, ")")
    )]
    SeriesNotFound {
        /// The selector as given.
        selector: Box<str>,
        /// The identifiers of the first few series of the input, to show
        /// what a selector looks like there (empty if it holds none).
        examples: Box<[String]>,
    },
    /// Several series where exactly one was needed: give a selector.
    #[error(
        "the input holds more than one series ({first}, {second}, ...): pick one with a series selector"
    )]
    MultipleSeries {
        /// The identifier of the first series.
        first: Box<str>,
        /// The identifier of the second series, where it was found.
        second: Box<str>,
    },
    /// A selector that matches several series; every match is listed (up
    /// to 20, then a count).
    #[error("{selector:?} matches {count} series: {}{}; give more of the key", matches.join(", "), if *count as usize > matches.len() { ", ..." } else { "" })]
    AmbiguousSeries {
        /// The selector as given.
        selector: Box<str>,
        /// The full identifiers of the matching series (the first 20).
        matches: Box<[String]>,
        /// How many series match.
        count: u32,
    },
    /// An error in one series of a panel, with the series' key (the value, or
    /// `name=value` pairs for a composite key).
    #[error("series {key}: {source}")]
    InSeries {
        /// The key of the series.
        key: Box<str>,
        /// What was wrong.
        #[source]
        source: Box<Error>,
    },
    /// A key out of order in input that must be sorted by key (a panel read
    /// in batches): a series would be split between batches.
    #[error("input is not sorted by key: {key} comes after {previous}")]
    NotSortedByKey {
        /// The key out of order.
        key: Box<str>,
        /// The key before it.
        previous: Box<str>,
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
    #[error("{text} is too large for a 64-bit float (the largest is about 1.8e308)")]
    ValueTooLarge {
        /// The number as written.
        text: Box<str>,
    },
    /// A column name that appears twice in a header, so it is unclear which
    /// one holds the data.
    #[error("column {column} appears twice in the header")]
    DuplicateColumn {
        /// The repeated column name.
        column: Box<str>,
    },
    /// An ALFRED vintage column whose eight digits are not a date.
    #[error("vintage column {column}: {digits} is not a date YYYYMMDD")]
    InvalidVintageDate {
        /// The header field as written.
        column: Box<str>,
        /// Its eight digits.
        digits: Box<str>,
    },
    /// A field that should hold a date `YYYY-MM-DD`.
    #[error("expected a date YYYY-MM-DD, found {}", if text.is_empty() { "an empty field".to_owned() } else { format!("{text:?}") })]
    InvalidDate {
        /// The field as written (empty for an empty field).
        text: Box<str>,
    },
    /// An SDMX-CSV 2.0 `ACTION` other than `I`, `A`, `R` and `D`.
    #[error("unknown SDMX action {action:?}: expected I, A, R or D")]
    InvalidAction {
        /// The action as written.
        action: Box<str>,
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
    #[error("{operation} overflows: the result is too large for a 64-bit float")]
    Overflow {
        /// The operation, e.g. [`Operation::Hp`].
        operation: Operation,
    },
    /// The drawing library failed to lay out or draw a chart (only with the
    /// `plot` feature); carries its message.
    #[cfg(feature = "plot")]
    #[cfg_attr(docsrs, doc(cfg(feature = "plot")))]
    #[error("cannot draw the chart: {message}")]
    Draw {
        /// The drawing library's message.
        message: Box<str>,
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
    Polars(Box<polars::error::PolarsError>),
    /// An ARIMA model the regARIMA estimation does not take.
    #[error("ARIMA model {order}: {reason}")]
    X13Model {
        /// The orders, as the program writes them: `(0 1 1)(0 1 1)`.
        order: Box<str>,
        /// Why it is refused.
        reason: &'static str,
    },
    /// A value the regARIMA transformation cannot take (a non-positive value
    /// under log or power), or `auto` where a function is needed.
    #[error("transform {transform} cannot take the value at position {position}")]
    X13Transform {
        /// The transformation (`log`, `power`, `auto`).
        transform: &'static str,
        /// 0-based position of the value in the span.
        position: usize,
    },
    /// A regression variable that cannot enter the model.
    #[error("regressor {name}: {reason}")]
    X13Regressor {
        /// The regressor's name.
        name: Box<str>,
        /// What is wrong with it.
        reason: &'static str,
    },
    /// The regARIMA likelihood could not be maximised.
    #[error("regARIMA estimation failed: {reason}")]
    X13Estimation {
        /// What went wrong.
        reason: &'static str,
    },

    // Fetching (feature `fetch`). No variant ever holds an API key: URLs are
    // given without it, and service messages have it blanked out.
    /// A source that is not one the crate fetches (`fred:ID`, `alfred:ID`,
    /// `sdmx:AGENCY/FLOW/KEY`, `sdmx:URL`, `dbnomics:PROVIDER/DATASET/SERIES`).
    #[cfg(feature = "fetch")]
    #[cfg_attr(docsrs, doc(cfg(feature = "fetch")))]
    #[error("invalid source {input:?}: expected {expected}")]
    InvalidSource {
        /// The source as written.
        input: Box<str>,
        /// The forms accepted there.
        expected: &'static str,
    },
    /// A request to a web service that did not give the data: the network
    /// failed, the service refused or has no such series, or (offline) the
    /// cache does not hold the response.
    #[cfg(feature = "fetch")]
    #[cfg_attr(docsrs, doc(cfg(feature = "fetch")))]
    #[error("{provider}: {problem} ({url})")]
    Fetch {
        /// The provider's name (`FRED`, `ECB`, ...).
        provider: &'static str,
        /// The request, without the API key.
        url: Box<str>,
        /// What went wrong (boxed to keep [`Error`] small).
        problem: Box<FetchProblem>,
    },
    /// A provider that needs an API key and was given none.
    #[cfg(feature = "fetch")]
    #[cfg_attr(docsrs, doc(cfg(feature = "fetch")))]
    #[error(
        "{provider} needs an API key: set {variable}, or write `{} = KEY` in {file}",
        variable.to_ascii_lowercase()
    )]
    MissingApiKey {
        /// The provider's name.
        provider: &'static str,
        /// The environment variable read.
        variable: &'static str,
        /// The configuration file read (its path).
        file: Box<str>,
    },
    /// A plain-HTTP URL to a host that is not a loopback address: only
    /// HTTPS is used beyond this machine.
    #[cfg(feature = "fetch")]
    #[cfg_attr(docsrs, doc(cfg(feature = "fetch")))]
    #[error(
        "{url} is not HTTPS: plain HTTP is accepted only for loopback addresses (127.0.0.1, ::1, localhost)"
    )]
    InsecureUrl {
        /// The URL as given.
        url: Box<str>,
    },
    /// A response that is not what the provider's format promises; the
    /// source names the line or JSON path.
    #[cfg(feature = "fetch")]
    #[cfg_attr(docsrs, doc(cfg(feature = "fetch")))]
    #[error("{provider} response to {url}: {source}")]
    InResponse {
        /// The provider's name.
        provider: &'static str,
        /// The request, without the API key.
        url: Box<str>,
        /// What was wrong with the response.
        #[source]
        source: Box<Error>,
    },
    /// An X-13 regression variable that cannot be generated (a window out
    /// of range, a variable the frequency lacks, a year before a holiday's
    /// rule or beyond its dates).
    #[error("regression variable {variable}: {problem}")]
    Regressor {
        /// The variable as the spec names it (`easter[30]`, `cny[-10,-1]`).
        variable: Box<str>,
        /// What is wrong.
        problem: RegressorProblem,
    },
    /// An X-13 spec file the crate cannot run as written: a syntax error, an
    /// unknown or unsupported spec or argument, a bad value. Never ignored.
    #[error("spec file line {line}: {problem}")]
    Spec {
        /// The 1-based line of the spec file.
        line: u32,
        /// What is wrong there (boxed: the problem carries several names
        /// and the error stays small).
        problem: Box<SpecProblem>,
    },
}

/// What went wrong with a request; carried by [`Error::Fetch`].
#[cfg(feature = "fetch")]
#[cfg_attr(docsrs, doc(cfg(feature = "fetch")))]
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum FetchProblem {
    /// No answer in time (connecting, or a response that stalled), after
    /// every retry.
    #[error("timed out after {attempts} attempts")]
    Timeout {
        /// The attempts made.
        attempts: u32,
    },
    /// The host could not be reached (no such host, connection refused).
    #[error("cannot connect after {attempts} attempts")]
    Connect {
        /// The attempts made.
        attempts: u32,
    },
    /// The connection broke (a response cut short, reset), after every
    /// retry.
    #[error("the connection failed after {attempts} attempts ({kind})")]
    Network {
        /// The attempts made.
        attempts: u32,
        /// The I/O error's kind.
        kind: std::io::ErrorKind,
    },
    /// A TLS or HTTP protocol failure (not retried).
    #[error("{what} error")]
    Protocol {
        /// `TLS` or `HTTP`.
        what: &'static str,
    },
    /// The service has no such series or data (HTTP 404, FRED's "series
    /// does not exist", SDMX `NoResultsFound`).
    #[error("not found{}", message.as_deref().map(|m| format!(": {m}")).unwrap_or_default())]
    NotFound {
        /// The service's message, if it gave one.
        message: Option<Box<str>>,
    },
    /// The service refused the request (a bad API key, a bad parameter).
    #[error("HTTP {status}{}", message.as_deref().map(|m| format!(": {m}")).unwrap_or_default())]
    Refused {
        /// The HTTP status.
        status: u16,
        /// The service's message, if it gave one.
        message: Option<Box<str>>,
    },
    /// Still rate limited (HTTP 429) after every retry, or asked to wait
    /// longer than the client's longest wait.
    #[error("rate limited (HTTP 429){}", retry_after.map(|s| format!(", asked to retry after {s} s")).unwrap_or_default())]
    RateLimited {
        /// The wait the service asked for, in seconds, if it said.
        retry_after: Option<u64>,
    },
    /// A server error (HTTP 5xx) after every retry.
    #[error("server error HTTP {status} after {attempts} attempts")]
    Unavailable {
        /// The last HTTP status.
        status: u16,
        /// The attempts made.
        attempts: u32,
    },
    /// A response larger than the client's limit.
    #[error("the response is larger than {limit} bytes")]
    TooLarge {
        /// The limit in bytes.
        limit: u64,
    },
    /// Offline, and the cache does not hold this response.
    #[error("offline and not in the cache")]
    NotCached,
    /// The cache could not be written or read.
    #[error("cache error ({kind})")]
    Cache {
        /// The I/O error's kind.
        kind: std::io::ErrorKind,
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
        found: Box<str>,
    },
    /// A spec name the program does not have.
    #[error("unknown spec {spec}")]
    UnknownSpec {
        /// The name as written.
        spec: Box<str>,
    },
    /// A spec of the program that this crate does not run (`seats`,
    /// `history`, …).
    #[error("the {spec} spec is not supported")]
    UnsupportedSpec {
        /// The spec's name.
        spec: Box<str>,
    },
    /// An argument the spec does not have.
    #[error("unknown argument {argument} in the {spec} spec")]
    UnknownArgument {
        /// The spec.
        spec: Box<str>,
        /// The argument as written.
        argument: Box<str>,
    },
    /// An argument of the program that this crate does not implement.
    #[error("argument {argument} of the {spec} spec is not supported")]
    UnsupportedArgument {
        /// The spec.
        spec: Box<str>,
        /// The argument.
        argument: Box<str>,
    },
    /// A value the argument does not accept.
    #[error("{spec}: {argument}={value}: expected {expected}")]
    InvalidValue {
        /// The spec.
        spec: Box<str>,
        /// The argument.
        argument: Box<str>,
        /// The value as written.
        value: Box<str>,
        /// What the argument accepts.
        expected: &'static str,
    },
    /// A spec given twice.
    #[error("the {spec} spec is given twice")]
    DuplicateSpec {
        /// The spec.
        spec: Box<str>,
    },
    /// An argument given twice in one spec.
    #[error("argument {argument} is given twice in the {spec} spec")]
    DuplicateArgument {
        /// The spec.
        spec: Box<str>,
        /// The argument.
        argument: Box<str>,
    },
    /// Two arguments or specs that exclude each other (`data` and `file`,
    /// `arima` and `automdl`).
    #[error("{first} cannot be used with {second}")]
    Conflict {
        /// The one found first.
        first: Box<str>,
        /// The one that conflicts with it.
        second: Box<str>,
    },
    /// A required spec or argument is absent (the line is the last one).
    #[error("the {spec} spec needs {argument}")]
    Missing {
        /// The spec.
        spec: Box<str>,
        /// What it needs.
        argument: &'static str,
    },
    /// A series data file that cannot be read.
    #[error("cannot read {path}: {kind}")]
    File {
        /// The path as written.
        path: Box<str>,
        /// The I/O error's kind.
        kind: std::io::ErrorKind,
    },
    /// A regression variable that cannot be used.
    #[error(transparent)]
    Regressor(#[from] RegressorProblem),
    /// A spec, or an argument, that spec runs do not support yet: the
    /// automatic model (`automdl`) and transformation (`function=auto`,
    /// `power`), and the other parts the run does not wire in.
    #[error("{} is not supported in spec runs yet", needs_what(spec, argument.as_deref()))]
    NeedsRegarima {
        /// The spec.
        spec: Box<str>,
        /// The argument, when the spec itself can run.
        argument: Option<Box<str>>,
    },
    /// A table in `save=` that the run does not produce.
    #[error("table {table} of the {spec} spec cannot be saved: the run does not produce it")]
    UnsupportedTable {
        /// The spec whose `save` names it.
        spec: Box<str>,
        /// The table as written.
        table: Box<str>,
    },
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

/// Why a result is undefined at a period; carried by [`Error::Undefined`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum UndefinedReason {
    /// The value at the period itself is missing.
    #[error("the value is missing")]
    MissingValue,
    /// The value the result compares with is missing or lies before the
    /// series starts.
    #[error("the {comparison} value {period} is missing")]
    MissingComparison {
        /// The period of the missing value.
        period: AnyPeriod,
        /// Which value it is.
        comparison: Comparison,
    },
    /// A ratio's base is zero or negative.
    #[error("the base value at {0} is not positive")]
    NonPositiveBase(AnyPeriod),
    /// A logarithm of a zero or negative value.
    #[error("the value at {0} is not positive, so it has no logarithm")]
    NonPositiveLog(AnyPeriod),
    /// A window (rolling, year-to-date, aggregation) lacks some of its values.
    #[error("the window is incomplete")]
    IncompleteWindow,
    /// Every input is present and in the domain, but the result is too large
    /// for an `f64` (e.g. a ratio of 1e200 to 1e-200).
    #[error("the result overflows")]
    Overflow,
}

impl Error {
    /// Whether this error comes from the data: malformed input (parse
    /// errors, bad values, duplicates, unknown series) or data a
    /// computation cannot take (missing or out-of-domain values), as
    /// opposed to an I/O failure or a misuse of the API (an invalid
    /// argument).
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
        match self.innermost() {
            Error::Io(_) | Error::InvalidArgument { .. } => false,
            #[cfg(feature = "polars")]
            Error::Polars(_) => false,
            _ => true,
        }
    }

    /// Whether the result needs a value that is missing: the value itself,
    /// the one it compares with, or part of a window. Filling or skipping
    /// missing values (or a non-strict transform) is the remedy.
    ///
    /// # Example
    /// ```
    /// use econseries::{Month, Series, Units};
    ///
    /// let x = Series::from_pairs([(Month::new(2025, 1)?, Some(1.0)), (Month::new(2025, 2)?, None)])?;
    /// assert!(x.units_strict(Units::Pch).is_err_and(|e| e.is_missing_data()));
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn is_missing_data(&self) -> bool {
        matches!(
            self.innermost(),
            Error::Undefined {
                reason: UndefinedReason::MissingValue
                    | UndefinedReason::MissingComparison { .. }
                    | UndefinedReason::IncompleteWindow,
                ..
            }
        )
    }

    /// Whether this is an I/O failure of the underlying reader or writer.
    pub fn is_io(&self) -> bool {
        matches!(self.innermost(), Error::Io(_))
    }

    /// The error inside the wrappers that say where it occurred
    /// ([`Read`](Error::Read), [`Row`](Error::Row), [`Field`](Error::Field),
    /// [`At`](Error::At), [`InSeries`](Error::InSeries)).
    pub fn innermost(&self) -> &Error {
        let mut e = self;
        while let Error::Read { source, .. }
        | Error::Row { source, .. }
        | Error::Field { source, .. }
        | Error::At { source, .. }
        | Error::InSeries { source, .. } = e
        {
            e = source;
        }
        e
    }

    /// The period the error is about, if it names one (looking through the
    /// wrappers): the period of an undefined result, a duplicate, a
    /// non-finite or non-positive value, a period overflow, an overlap of
    /// real-time intervals.
    ///
    /// # Example
    /// ```
    /// use econseries::{Month, Series};
    ///
    /// let may = Month::new(2025, 5)?;
    /// let e = Series::from_pairs([(may, 1.0), (may, 2.0)]).unwrap_err();
    /// assert_eq!(e.period(), Some(may.into()));
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn period(&self) -> Option<AnyPeriod> {
        match self.innermost() {
            Error::Undefined { period, .. }
            | Error::DuplicatePeriod { period }
            | Error::PeriodOverflow { period, .. }
            | Error::OverlappingRealtime { period, .. } => Some(*period),
            Error::NonFinite { period, .. } | Error::NotPositive { period, .. } => *period,
            _ => None,
        }
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
        let mut e = self;
        loop {
            match e {
                Error::Read { line, .. } => return Some(*line),
                Error::Spec { line, .. } => return Some(u64::from(*line)),
                Error::Row { source, .. }
                | Error::Field { source, .. }
                | Error::At { source, .. }
                | Error::InSeries { source, .. } => e = source,
                _ => return None,
            }
        }
    }
}

#[cfg(feature = "polars")]
impl From<polars::error::PolarsError> for Error {
    fn from(e: polars::error::PolarsError) -> Error {
        Error::Polars(Box::new(e))
    }
}

/// Which earlier value a result compares with; carried by
/// [`UndefinedReason::MissingComparison`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Comparison {
    /// The previous period's (a period-on-period change).
    Previous,
    /// The same period a year earlier (a year-on-year change).
    YearEarlier,
    /// The base period's (a rebased index, a compound rate over a span).
    Base,
    /// A value some other number of periods earlier.
    Earlier,
}

impl core::fmt::Display for Comparison {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(match self {
            Comparison::Previous => "previous",
            Comparison::YearEarlier => "year-earlier",
            Comparison::Base => "base",
            Comparison::Earlier => "earlier",
        })
    }
}

/// A metadata attribute; carried by [`Error::Incompatible`] and
/// [`Error::InvalidMetadata`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Attribute {
    /// The currency of a monetary series.
    Currency,
    /// The scale (units, thousands, millions, ...).
    Scale,
    /// Nominal or real (chained, constant prices).
    PriceBasis,
    /// Whether levels are annual rates (SAAR).
    AnnualRate,
    /// Seasonally adjusted or not.
    SeasonalAdjustment,
    /// The reporting area.
    Area,
    /// The partner area of a bilateral flow.
    Partner,
}

impl core::fmt::Display for Attribute {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(match self {
            Attribute::Currency => "currency",
            Attribute::Scale => "scale",
            Attribute::PriceBasis => "price basis",
            Attribute::AnnualRate => "annual rate",
            Attribute::SeasonalAdjustment => "seasonal adjustment",
            Attribute::Area => "area",
            Attribute::Partner => "partner",
        })
    }
}

/// The unit a change is asked in; part of [`Operation::Change`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ChangeUnit {
    /// The series' own unit (a level's change).
    Level,
    /// Percent.
    Percent,
    /// Percentage points.
    PercentagePoints,
    /// Index points.
    IndexPoints,
}

/// The operation an error is about: a transform, filter, detector or
/// arithmetic. Carried by [`Error::Undefined`], [`Error::NotAllowed`],
/// [`Error::Overflow`], [`Error::NotPositive`] and [`Error::TooFewYears`].
///
/// Prints as a phrase for messages; FRED's units keep their codes
/// (`pc1 (percent change from a year ago)`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Operation {
    /// FRED `lin` (levels: never fails, named for completeness).
    Lin,
    /// FRED `chg`.
    Chg,
    /// FRED `ch1`.
    Ch1,
    /// FRED `pch`.
    Pch,
    /// FRED `pc1`.
    Pc1,
    /// FRED `pca`.
    Pca,
    /// FRED `cch`.
    Cch,
    /// FRED `cca`.
    Cca,
    /// FRED `log`.
    Log,
    /// A change in a given unit, period on period or year on year (what a
    /// typed indicator allows depends on its kind).
    Change {
        /// Year on year rather than period on period.
        year_on_year: bool,
        /// The unit asked for.
        unit: ChangeUnit,
    },
    /// Adding two values.
    Add,
    /// Subtracting two values.
    Subtract,
    /// A rolling mean.
    RollingMean,
    /// A rolling sum.
    RollingSum,
    /// A year-to-date sum.
    YtdSum,
    /// Aggregation to a coarser frequency.
    Aggregate,
    /// Rebasing to an index.
    Rebase,
    /// A compound annual growth rate.
    Cagr,
    /// A revision between vintages.
    Revision,
    /// STL decomposition.
    Stl,
    /// Classical decomposition.
    Classical,
    /// The Hodrick–Prescott filter.
    Hp,
    /// The one-sided Hodrick–Prescott filter.
    HpOneSided,
    /// Hamilton's regression filter.
    Hamilton,
    /// X-11, any mode.
    X11,
    /// X-11 in the multiplicative mode.
    X11Multiplicative,
    /// X-11 in the pseudo-additive mode.
    X11PseudoAdditive,
    /// X-11 in the log-additive mode.
    X11LogAdditive,
    /// The regARIMA model of X-13ARIMA-SEATS.
    RegArima,
    /// The Sahm rule.
    Sahm,
    /// Bry–Boschan quarterly turning points (BBQ).
    Bbq,
    /// Bry–Boschan monthly turning points.
    BryBoschan,
    /// A change-point cost.
    ChangePoints,
    /// The CUSUM test.
    Cusum,
    /// The online (Bayesian) change-point detector.
    OnlineChanges,
    /// The robust noise estimate that scales penalties.
    NoiseEstimate,
}

impl core::fmt::Display for Operation {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        let units =
            |f: &mut core::fmt::Formatter<'_>, code: &str, what: &str| write!(f, "{code} ({what})");
        match self {
            Operation::Lin => units(f, "lin", "levels"),
            Operation::Chg => units(f, "chg", "change"),
            Operation::Ch1 => units(f, "ch1", "change from a year ago"),
            Operation::Pch => units(f, "pch", "percent change"),
            Operation::Pc1 => units(f, "pc1", "percent change from a year ago"),
            Operation::Pca => units(f, "pca", "compounded annual rate of change"),
            Operation::Cch => units(f, "cch", "continuously compounded rate of change"),
            Operation::Cca => units(f, "cca", "continuously compounded annual rate of change"),
            Operation::Log => units(f, "log", "natural log"),
            Operation::Change { year_on_year, unit } => {
                if *year_on_year {
                    f.write_str("year-on-year ")?;
                }
                f.write_str(match unit {
                    ChangeUnit::Level => "change in the series' unit",
                    ChangeUnit::Percent => "change in percent",
                    ChangeUnit::PercentagePoints => "change in percentage points",
                    ChangeUnit::IndexPoints => "change in index points",
                })
            }
            other => f.write_str(match other {
                Operation::Add => "addition",
                Operation::Subtract => "subtraction",
                Operation::RollingMean => "rolling mean",
                Operation::RollingSum => "rolling sum",
                Operation::YtdSum => "year-to-date sum",
                Operation::Aggregate => "aggregation",
                Operation::Rebase => "rebasing",
                Operation::Cagr => "compound annual growth rate",
                Operation::Revision => "revision",
                Operation::Stl => "STL",
                Operation::Classical => "classical decomposition",
                Operation::Hp => "the HP filter",
                Operation::HpOneSided => "the one-sided HP filter",
                Operation::Hamilton => "Hamilton's filter",
                Operation::X11 => "X-11",
                Operation::X11Multiplicative => "X-11 in multiplicative mode",
                Operation::X11PseudoAdditive => "X-11 in pseudo-additive mode",
                Operation::X11LogAdditive => "X-11 in log-additive mode",
                Operation::RegArima => "regARIMA",
                Operation::Sahm => "the Sahm rule",
                Operation::Bbq => "BBQ turning-point dating",
                Operation::BryBoschan => "Bry-Boschan turning-point dating",
                Operation::ChangePoints => "change-point detection",
                Operation::Cusum => "the CUSUM test",
                Operation::OnlineChanges => "online change-point detection",
                Operation::NoiseEstimate => "the noise estimate",
                _ => "the operation",
            }),
        }
    }
}

/// ` at PERIOD` or nothing.
fn needs_what(spec: &str, argument: Option<&str>) -> String {
    match argument {
        Some(a) => format!("argument {a} of the {spec} spec"),
        None => format!("the {spec} spec"),
    }
}

fn at(period: &Option<AnyPeriod>) -> String {
    period.map_or_else(String::new, |p| format!(" at {p}"))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_enough_to_return_by_value() {
        assert!(
            core::mem::size_of::<Error>() <= 56,
            "{}",
            core::mem::size_of::<Error>()
        );
    }

    #[test]
    fn messages_name_what_is_wrong() {
        let m = |s: &str| s.parse::<AnyPeriod>().unwrap();
        let e = Error::Undefined {
            operation: Operation::Pch,
            period: m("2025-03"),
            reason: UndefinedReason::MissingComparison {
                period: m("2025-02"),
                comparison: Comparison::Previous,
            },
        };
        assert_eq!(
            e.to_string(),
            "pch (percent change) is undefined at 2025-03: the previous value 2025-02 is missing"
        );
        assert_eq!(
            Error::ValueTooLarge {
                text: "1e309".into()
            }
            .to_string(),
            "1e309 is too large for a 64-bit float (the largest is about 1.8e308)"
        );
        let nan = Error::NonFinite {
            value: f64::NAN,
            period: Some(m("2025-Q1")),
        };
        assert_eq!(nan.to_string(), "value NaN at 2025-Q1 is not finite");
        assert_eq!(nan.period(), Some(m("2025-Q1")));
        let wrapped = Error::Read {
            line: 7,
            text: "2025-Q1,NaN".into(),
            source: Box::new(nan),
        };
        assert_eq!(wrapped.period(), Some(m("2025-Q1")));
        assert_eq!(wrapped.line(), Some(7));
        assert!(wrapped.is_input_error() && !wrapped.is_missing_data());
        let x11 = Error::NotPositive {
            operation: Operation::X11PseudoAdditive,
            period: None,
            index: 3,
            value: -1.0,
            zero_allowed: true,
        };
        assert_eq!(
            x11.to_string(),
            "X-11 in pseudo-additive mode needs values that are not negative, found -1 at position 3"
        );
    }
}
