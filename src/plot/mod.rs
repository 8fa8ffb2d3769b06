//! Charts: a series with its findings marked, as SVG (feature `plot`).
//!
//! Readers of economic data look before they read. A [`Chart`] draws a
//! [`Series`] as a line (levels) or as bars (growth rates, negative bars in
//! another colour) and marks on it what the detectors found:
//!
//! | finding | drawn as | builder method |
//! |---|---|---|
//! | record lows and highs, "lowest since …" | labelled point | [`Chart::mark`] with [`EventKind::Low`] / [`EventKind::High`] |
//! | contractions, technical recessions, peak-to-trough phases | shaded span | [`Chart::mark`] |
//! | streaks | shaded span | [`Chart::mark`] with [`EventKind::Streak`] |
//! | crossings, Sahm-rule signals, anomalies | labelled point | [`Chart::mark`] |
//! | any span, such as NBER recessions | shaded span | [`Chart::span`] |
//! | change points ([`EventKind::Shift`]) | alternately shaded segments, each with its mean (or fitted line) across it | [`Chart::mark`] |
//! | an index's neutral level | dashed line | [`Chart::neutral`] |
//!
//! The x axis is labelled with period names (`2020-01`, `2020-Q1`, `2020`)
//! on calendar boundaries; the y axis with the unit, taken from the series'
//! unit type ([`Percent`](crate::Percent) reads "percent") or from the
//! indicator's [`Metadata`] ("millions of USD"). The title defaults to the
//! metadata's name, the footnote to its source.
//!
//! # Rendering
//!
//! Geometry is laid out by [plotters] with only its SVG backend: text is
//! written as SVG `<text>` elements that the viewer sets in its own
//! sans-serif font, so no font file, font library or C library is needed.
//! Label placement uses plotters' width estimate (0.7 em per character).
//!
//! [plotters]: https://docs.rs/plotters
//!
//! # Example
//! ```
//! use econseries::{Month, Series};
//! use econseries::detect::{Detector, Records};
//! use econseries::plot::Chart;
//!
//! let jan = Month::new(2024, 1)?;
//! let yoy = Series::from_values(jan, [2.0, 1.5, -0.5, -3.0, -1.0, 0.5])?;
//! // The record lows after the first month: 1.5, -0.5 and -3.0.
//! let mut lows = Records::low().detect(&yoy)?;
//! lows.retain(|e| e.is_record() && e.period > jan);
//! assert_eq!(lows.len(), 3);
//! let svg = Chart::new(&yoy)
//!     .title("Imports, % change from a year earlier")
//!     .units("%")
//!     .bars()
//!     .mark(&lows)
//!     .to_svg_string()?;
//! assert!(svg.starts_with("<svg"));
//! assert!(svg.contains("Imports, % change from a year earlier"));
//! assert!(svg.contains("2024-04: -3.0, record low"));
//! # Ok::<(), econseries::Error>(())
//! ```

mod axis;
mod draw;
mod palette;

use std::path::Path;

pub use palette::{Palette, Rgb};

use crate::detect::{Direction, Event, EventKind, run_ends};
use crate::error::{Error, Result};
use crate::indicator::{Metadata, Neutral};
use crate::period::Period;
use crate::series::Series;
use crate::unit::Value;

/// How the series itself is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Style {
    /// A line through the observations, broken at missing values (levels).
    Line,
    /// One bar per observation from zero, negative bars in
    /// [`Palette::negative`] (growth rates and changes).
    Bars,
}

/// The smallest chart drawn, in pixels: below it the axes leave no room for data.
const MIN_SIZE: (u32, u32) = (320, 200);
/// The largest chart drawn, in pixels.
const MAX_SIZE: u32 = 20_000;

/// A chart of one series with its findings marked, written as SVG.
///
/// A by-value builder: start with [`Chart::new`], add a title, units and
/// marks, then [`to_svg_string`](Chart::to_svg_string) or
/// [`write_svg`](Chart::write_svg). Nothing is checked until then, so the
/// builder methods never fail.
///
/// Defaults: bars if the series' unit is a change (`Percent`,
/// `PercentagePoints`), a line otherwise; 960 × 480 pixels; no title; the
/// [`Palette::default`] colours.
///
/// # Example
/// ```
/// use econseries::{Month, Neutral, Series};
/// use econseries::indicator::Metadata;
/// use econseries::plot::Chart;
///
/// let s = Series::from_values(Month::new(2025, 1)?, [71.7, 64.7, 57.0, 52.2, 52.2, 60.7])?;
/// let meta = Metadata::new("Consumer sentiment", "US").with_source("University of Michigan");
/// let svg = Chart::new(&s).metadata(&meta).neutral(Neutral::BasePeriod100).to_svg_string()?;
/// assert!(svg.contains("Consumer sentiment"));
/// assert!(svg.contains("Source: University of Michigan."));
/// # Ok::<(), econseries::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct Chart<P: Period> {
    start: P,
    /// The values, NaN for missing (as in [`Series`]).
    values: Vec<f64>,
    /// [`Value::LABEL`] of the series' unit.
    value_label: &'static str,
    style: Option<Style>,
    title: Option<String>,
    units: Option<String>,
    metadata_units: Option<String>,
    note: Option<String>,
    neutral: Option<(f64, String)>,
    events: Vec<Event<P>>,
    spans: Vec<(P, P, String)>,
    /// The legend's name of the charted series, when other series are compared.
    label: Option<String>,
    /// Series drawn as lines beside the charted one: start, values, name.
    compared: Vec<(P, Vec<f64>, String)>,
    size: (u32, u32),
    palette: Palette,
}

/// One change-point segment, from the [`Shift`](EventKind::Shift) events.
#[derive(Clone, Copy, Debug, PartialEq)]
struct SegmentMark<P: Period> {
    first: P,
    last: P,
    mean: f64,
    slope: Option<f64>,
}

impl<P: Period> Chart<P> {
    /// A chart of `series`.
    ///
    /// # Example
    /// ```
    /// use econseries::{Month, Series};
    /// use econseries::plot::Chart;
    ///
    /// let s = Series::from_values(Month::new(2025, 1)?, [1.0, 2.0, 1.5])?;
    /// assert!(Chart::new(&s).to_svg_string()?.contains("<polyline"));
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn new<U: Value>(series: &Series<P, U>) -> Chart<P> {
        Chart {
            start: series.start(),
            values: series.raw().to_vec(),
            value_label: U::LABEL,
            style: None,
            title: None,
            units: None,
            metadata_units: None,
            note: None,
            neutral: None,
            events: Vec::new(),
            spans: Vec::new(),
            label: None,
            compared: Vec::new(),
            size: (960, 480),
            palette: Palette::default(),
        }
    }

    /// The title, drawn above the chart (default: the metadata's name).
    ///
    /// # Example
    /// ```
    /// # use econseries::{Month, Series};
    /// # use econseries::plot::Chart;
    /// # let s = Series::from_values(Month::new(2025, 1)?, [1.0, 2.0])?;
    /// let svg = Chart::new(&s).title("Exports & imports").to_svg_string()?;
    /// assert!(svg.contains("Exports &amp; imports"));
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn title(mut self, title: impl Into<String>) -> Chart<P> {
        self.title = Some(title.into());
        self
    }

    /// The unit, written along the y axis. Without it: "percent" or
    /// "percentage points" for series of those units, else the metadata's
    /// unit ("millions of USD"), else nothing.
    ///
    /// # Example
    /// ```
    /// # use econseries::{Month, Series};
    /// # use econseries::plot::Chart;
    /// # let s = Series::from_values(Month::new(2025, 1)?, [1.0, 2.0])?;
    /// let svg = Chart::new(&s).units("index, 1966-Q1 = 100").to_svg_string()?;
    /// assert!(svg.contains("index, 1966-Q1 = 100"));
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn units(mut self, units: impl Into<String>) -> Chart<P> {
        self.units = Some(units.into());
        self
    }

    /// Takes the title (unless set), the unit of level series and the
    /// footnote (source, seasonal adjustment) from an indicator's metadata.
    ///
    /// # Example
    /// ```
    /// use econseries::{Month, Series};
    /// use econseries::indicator::{Currency, Metadata, Scale};
    /// use econseries::plot::Chart;
    ///
    /// let s = Series::from_values(Month::new(2025, 4)?, [25_378.1, 18_870.3])?;
    /// let meta = Metadata::new("US imports of goods from China", "US")
    ///     .with_currency(Currency::USD)
    ///     .with_scale(Scale::Millions);
    /// let svg = Chart::new(&s).metadata(&meta).to_svg_string()?;
    /// assert!(svg.contains("millions of USD"));
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn metadata(mut self, metadata: &Metadata) -> Chart<P> {
        if self.title.is_none() {
            self.title = Some(metadata.name().to_owned());
        }
        self.metadata_units = axis::metadata_units(metadata);
        self.note = axis::metadata_note(metadata);
        self
    }

    /// A footnote below the chart, such as the source (replaces the one
    /// taken from the metadata).
    ///
    /// # Example
    /// ```
    /// # use econseries::{Month, Series};
    /// # use econseries::plot::Chart;
    /// # let s = Series::from_values(Month::new(2025, 1)?, [1.0, 2.0])?;
    /// let svg = Chart::new(&s).note("Source: FRED (UNRATE).").to_svg_string()?;
    /// assert!(svg.contains("Source: FRED (UNRATE)."));
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn note(mut self, note: impl Into<String>) -> Chart<P> {
        self.note = Some(note.into());
        self
    }

    /// Draws the series as a line or as bars (default: bars for changes,
    /// a line for levels).
    ///
    /// # Example
    /// ```
    /// # use econseries::{Month, Series};
    /// use econseries::plot::{Chart, Style};
    /// # let s = Series::from_values(Month::new(2025, 1)?, [1.0, -2.0])?;
    /// let svg = Chart::new(&s).style(Style::Bars).to_svg_string()?;
    /// assert!(!svg.contains("<polyline fill=\"none\" opacity=\"1\" stroke=\"#005AA0\""));
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn style(mut self, style: Style) -> Chart<P> {
        self.style = Some(style);
        self
    }

    /// Shorthand for [`style`](Chart::style)`(Style::Bars)`.
    ///
    /// # Example
    /// ```
    /// # use econseries::{Month, Series};
    /// # use econseries::plot::Chart;
    /// # let s = Series::from_values(Month::new(2025, 1)?, [1.0, -2.0])?;
    /// assert!(Chart::new(&s).bars().to_svg_string()?.contains("<rect"));
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn bars(self) -> Chart<P> {
        self.style(Style::Bars)
    }

    /// Shorthand for [`style`](Chart::style)`(Style::Line)`.
    ///
    /// # Example
    /// ```
    /// # use econseries::{Month, Percent, Series};
    /// # use econseries::plot::Chart;
    /// let s = Series::<Month, Percent>::from_values(Month::new(2025, 1)?, [Percent::new(1.0)?, Percent::new(2.0)?])?;
    /// assert!(Chart::new(&s).line().to_svg_string()?.contains("<polyline"));
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn line(self) -> Chart<P> {
        self.style(Style::Line)
    }

    /// A dashed horizontal line at an index's neutral level, labelled with it
    /// (`100 (base period)`, `50 (no change)`).
    ///
    /// # Example
    /// ```
    /// # use econseries::{Month, Neutral, Series};
    /// # use econseries::plot::Chart;
    /// # let s = Series::from_values(Month::new(2025, 1)?, [48.0, 52.0])?;
    /// let svg = Chart::new(&s).neutral(Neutral::Diffusion50).to_svg_string()?;
    /// assert!(svg.contains("neutral: 50 (no change)"));
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn neutral(self, neutral: Neutral) -> Chart<P> {
        self.reference(neutral.level(), format!("neutral: {neutral}"))
    }

    /// A dashed horizontal line at `level`, labelled `label` (a threshold,
    /// a long-run average). Replaces any earlier neutral or reference line.
    ///
    /// # Example
    /// ```
    /// # use econseries::{Month, Series};
    /// # use econseries::plot::Chart;
    /// # let s = Series::from_values(Month::new(2025, 1)?, [0.2, 0.6])?;
    /// let svg = Chart::new(&s).reference(0.5, "Sahm threshold").to_svg_string()?;
    /// assert!(svg.contains("Sahm threshold"));
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn reference(mut self, level: f64, label: impl Into<String>) -> Chart<P> {
        self.neutral = Some((level, label.into()));
        self
    }

    /// Marks the events of a [`Detector`](crate::detect::Detector) (see the
    /// module table for how each kind is drawn). Every event given is drawn:
    /// pass the records you want labelled, not every "lowest since". Points
    /// sit on the charted value of their period; a streak or a technical
    /// recession is shaded over its whole run; a [`Peak`](EventKind::Peak)
    /// followed by a [`Trough`](EventKind::Trough) shades the phase between
    /// them; Sahm-rule readings are marked only where they signal; the
    /// [`Shift`](EventKind::Shift) events of a change-point search shade the
    /// segments between them, alternately lighter and darker, with each
    /// segment's mean (for a change in trend, its fitted line) across it.
    ///
    /// # Example
    /// ```
    /// use econseries::{Quarter, Series, Year};
    /// use econseries::changepoint::{ChangePoints, Cost, Penalty};
    /// use econseries::detect::{Detector, TechnicalRecessions};
    /// use econseries::plot::Chart;
    ///
    /// let gdp = Series::from_values(Quarter::new(2022, 1)?, [100.0, 99.5, 99.0, 99.8, 100.5])?;
    /// let svg = Chart::new(&gdp).mark(&TechnicalRecessions.detect(&gdp)?).to_svg_string()?;
    /// assert!(svg.contains("technical recession"));
    ///
    /// let s = Series::from_values(Year::new(2000)?, [1.0, 1.2, 0.9, 5.0, 5.1, 4.9])?;
    /// let shifts = ChangePoints::new(Cost::Mean).penalty(Penalty::Manual(1.0)).detect(&s)?;
    /// assert!(Chart::new(&s).mark(&shifts).to_svg_string()?.contains("segment mean"));
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn mark(mut self, events: &[Event<P>]) -> Chart<P> {
        self.events.extend_from_slice(events);
        self
    }

    /// A shaded span from `first` to `last` (both included), such as an
    /// NBER recession, drawn like recessions and named `label` in the legend.
    ///
    /// # Example
    /// ```
    /// # use econseries::{Month, Series};
    /// # use econseries::plot::Chart;
    /// let jan = Month::new(2020, 1)?;
    /// let s = Series::from_values(jan, [3.5, 3.5, 4.4, 14.8, 13.2])?;
    /// let svg = Chart::new(&s).span(jan + 2, jan + 3, "NBER recession").to_svg_string()?;
    /// assert!(svg.contains("NBER recession"));
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn span(mut self, first: P, last: P, label: impl Into<String>) -> Chart<P> {
        self.spans.push((first, last, label.into()));
        self
    }
    /// Another series drawn as a line on the same axes (in
    /// [`Palette::compare`], the second one in [`Palette::streak`], the
    /// third in [`Palette::point`]), named `label` in the legend: the same
    /// indicator adjusted two ways, or a model's fit. Only its periods within
    /// the charted series' are drawn; its missing values break the line.
    /// The charted series is named by [`label`](Chart::label) in the legend.
    ///
    /// # Example
    /// ```
    /// use econseries::{Month, Series};
    /// use econseries::plot::Chart;
    ///
    /// let jan = Month::new(2025, 1)?;
    /// let x11 = Series::from_values(jan, [100.0, 96.0, 104.0])?;
    /// let x13 = Series::from_values(jan, [100.0, 100.5, 101.0])?;
    /// let svg = Chart::new(&x11)
    ///     .label("X-11 alone")
    ///     .compare(&x13, "with holiday regressors")
    ///     .to_svg_string()?;
    /// assert!(svg.contains("X-11 alone") && svg.contains("with holiday regressors"));
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn compare<U: Value>(
        mut self,
        series: &Series<P, U>,
        label: impl Into<String>,
    ) -> Chart<P> {
        self.compared
            .push((series.start(), series.raw().to_vec(), label.into()));
        self
    }

    /// The charted series' name in the legend, shown when other series are
    /// [compared](Chart::compare) (default: "series").
    pub fn label(mut self, label: impl Into<String>) -> Chart<P> {
        self.label = Some(label.into());
        self
    }

    /// The size in pixels (default 960 × 480; at least 320 × 200).
    ///
    /// # Example
    /// ```
    /// # use econseries::{Month, Series};
    /// # use econseries::plot::Chart;
    /// # let s = Series::from_values(Month::new(2025, 1)?, [1.0, 2.0])?;
    /// let svg = Chart::new(&s).size(640, 360).to_svg_string()?;
    /// assert!(svg.contains(r#"width="640" height="360""#));
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn size(mut self, width: u32, height: u32) -> Chart<P> {
        self.size = (width, height);
        self
    }

    /// The colours (default [`Palette::default`]).
    ///
    /// # Example
    /// ```
    /// # use econseries::{Month, Series};
    /// use econseries::plot::{Chart, Palette, Rgb};
    /// # let s = Series::from_values(Month::new(2025, 1)?, [1.0, -2.0])?;
    /// let mut palette = Palette::default();
    /// palette.negative = Rgb(200, 0, 0);
    /// let svg = Chart::new(&s).bars().palette(palette).to_svg_string()?;
    /// assert!(svg.contains("#C80000"));
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn palette(mut self, palette: Palette) -> Chart<P> {
        self.palette = palette;
        self
    }

    /// The chart as an SVG document.
    ///
    /// # Errors
    /// - [`Error::NoObservations`] if the series has no observed value.
    /// - [`Error::InvalidArgument`] (`mark`) if a marked event, span or
    ///   segment lies outside the series, or a point falls on a missing
    ///   value; (`size`) if the size is below 320 × 200 or above 20,000
    ///   pixels; (`reference`) if the neutral or reference level is not finite.
    /// - [`Error::Draw`] if the drawing library fails.
    ///
    /// # Example
    /// ```
    /// use econseries::{Error, Month, Series};
    /// use econseries::plot::Chart;
    ///
    /// let empty = Series::<Month>::empty(Month::new(2025, 1)?);
    /// assert!(matches!(Chart::new(&empty).to_svg_string(), Err(Error::NoObservations)));
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn to_svg_string(&self) -> Result<String> {
        let plan = self.plan()?;
        draw::render(&plan)
    }

    /// Writes the chart as an SVG file at `path`.
    ///
    /// # Errors
    /// As [`to_svg_string`](Chart::to_svg_string), and [`Error::Io`] if the
    /// file cannot be written.
    ///
    /// # Example
    /// ```
    /// # use econseries::{Month, Series};
    /// # use econseries::plot::Chart;
    /// # let s = Series::from_values(Month::new(2025, 1)?, [1.0, 2.0])?;
    /// let path = std::env::temp_dir().join("econseries-doc-chart.svg");
    /// Chart::new(&s).title("Two months").write_svg(&path)?;
    /// assert!(std::fs::read_to_string(&path)?.contains("Two months"));
    /// # std::fs::remove_file(&path)?;
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn write_svg(&self, path: impl AsRef<Path>) -> Result<()> {
        let svg = self.to_svg_string()?;
        std::fs::write(path, svg)?;
        Ok(())
    }

    /// The index of `p` in the chart, or an error naming it.
    /// The compared series on the charted series' indices, NaN where they
    /// have no value.
    fn compared_values(&self) -> Vec<(Vec<f64>, String)> {
        self.compared
            .iter()
            .map(|(start, values, label)| {
                let offset = i64::from(start.periods_since(self.start));
                let aligned = (0..self.values.len())
                    .map(|i| {
                        i64::try_from(i)
                            .ok()
                            .and_then(|i| i.checked_sub(offset))
                            .and_then(|j| usize::try_from(j).ok())
                            .and_then(|j| values.get(j).copied())
                            .unwrap_or(f64::NAN)
                    })
                    .collect();
                (aligned, label.clone())
            })
            .collect()
    }

    fn index(&self, p: P) -> Result<usize> {
        usize::try_from(p.periods_since(self.start))
            .ok()
            .filter(|&i| i < self.values.len())
            .ok_or_else(|| Error::InvalidArgument {
                name: "mark",
                value: p.to_string().into(),
                expected: "a period within the charted series",
            })
    }

    /// The index and charted value at `p`, or an error naming it.
    fn observed(&self, p: P) -> Result<(usize, f64)> {
        let i = self.index(p)?;
        match self.values.get(i) {
            Some(&v) if !v.is_nan() => Ok((i, v)),
            _ => Err(Error::InvalidArgument {
                name: "mark",
                value: p.to_string().into(),
                expected: "a period with a value in the charted series",
            }),
        }
    }

    /// Everything to draw, in chart coordinates, checked.
    fn plan(&self) -> Result<draw::Plan> {
        if self.values.iter().all(|v| v.is_nan()) {
            return Err(Error::NoObservations);
        }
        let (w, h) = self.size;
        if w < MIN_SIZE.0 || h < MIN_SIZE.1 || w > MAX_SIZE || h > MAX_SIZE {
            return Err(Error::InvalidArgument {
                name: "size",
                value: format!("{w}x{h}").into(),
                expected: "at least 320x200 and at most 20000x20000 pixels",
            });
        }
        if let Some((level, _)) = &self.neutral
            && !level.is_finite()
        {
            return Err(Error::InvalidArgument {
                name: "reference",
                value: level.to_string().into(),
                expected: "a finite level",
            });
        }
        let suffix = axis::value_suffix(self.value_label);
        let decimals = 1;
        let value_text = |v: f64| format!("{}{suffix}", axis::format_number(v, decimals));
        let mut spans = Vec::new();
        let mut points = Vec::new();
        for (first, last, label) in &self.spans {
            let (a, b) = (self.index(*first)?, self.index(*last)?);
            spans.push(draw::Span {
                from: a.min(b),
                to: a.max(b),
                kind: draw::SpanKind::Recession,
                label: label.clone(),
            });
        }
        let mut open_peak: Option<P> = None;
        let mut shifts: Vec<&Event<P>> = Vec::new();
        // A run (a streak, a recession) has an event at each of its periods,
        // counting so far: its last event spans it all.
        let run_ends: Vec<&Event<P>> = run_ends(&self.events).collect();
        for e in &self.events {
            let spanning = matches!(
                e.kind,
                EventKind::Streak { .. } | EventKind::TechnicalRecession { .. }
            );
            if spanning && !run_ends.iter().any(|r| core::ptr::eq(*r, e)) {
                continue;
            }
            match e.kind {
                EventKind::Low { record } | EventKind::High { record } => {
                    let low = matches!(e.kind, EventKind::Low { .. });
                    let (i, v) = self.observed(e.period)?;
                    let what = match (record, low, e.compared_with) {
                        (true, true, _) => "record low".to_owned(),
                        (true, false, _) => "record high".to_owned(),
                        (false, true, Some(since)) => format!("lowest since {since}"),
                        (false, false, Some(since)) => format!("highest since {since}"),
                        (false, true, None) => "low".to_owned(),
                        (false, false, None) => "high".to_owned(),
                    };
                    points.push(draw::Point {
                        at: i,
                        value: v,
                        below: low,
                        record: true,
                        label: format!("{}: {}, {what}", e.period, value_text(v)),
                    });
                }
                EventKind::Streak { direction, .. } => {
                    let first = e.compared_with.unwrap_or(e.period);
                    let (a, b) = (self.index(first)?, self.index(e.period)?);
                    let which = match direction {
                        Direction::Up => "rises",
                        Direction::Down => "falls",
                    };
                    spans.push(draw::Span {
                        from: a.min(b),
                        to: a.max(b),
                        kind: draw::SpanKind::Streak,
                        label: format!("streak of {which}"),
                    });
                }
                EventKind::Decline => {
                    let i = self.index(e.period)?;
                    spans.push(draw::Span {
                        from: i,
                        to: i,
                        kind: draw::SpanKind::Contraction,
                        label: "decline".to_owned(),
                    });
                }
                EventKind::Shift { .. } => shifts.push(e),
                EventKind::TechnicalRecession { .. } => {
                    let first = e.compared_with.unwrap_or(e.period);
                    let (a, b) = (self.index(first)?, self.index(e.period)?);
                    spans.push(draw::Span {
                        from: a.min(b),
                        to: a.max(b),
                        kind: draw::SpanKind::Recession,
                        label: "technical recession".to_owned(),
                    });
                }
                EventKind::Peak => {
                    if let Some(p) = open_peak.replace(e.period) {
                        points.push(self.point(p, "peak", &value_text)?);
                    }
                }
                EventKind::Trough => match open_peak.take() {
                    Some(peak) => {
                        let (a, b) = (self.index(peak)?, self.index(e.period)?);
                        spans.push(draw::Span {
                            from: a.min(b),
                            to: a.max(b),
                            kind: draw::SpanKind::Cycle,
                            label: "peak to trough".to_owned(),
                        });
                    }
                    None => points.push(self.point(e.period, "trough", &value_text)?),
                },
                EventKind::Crossing {
                    direction,
                    threshold,
                } => {
                    let which = match direction {
                        Direction::Up => "above",
                        Direction::Down => "below",
                    };
                    let what = format!(
                        "crossed {which} {}",
                        axis::format_number(threshold, axis::decimals_for(threshold))
                    );
                    points.push(self.point(e.period, &what, &value_text)?);
                }
                EventKind::Sahm { signal, .. } => {
                    if signal {
                        points.push(self.point(e.period, "Sahm rule signal", &value_text)?);
                    }
                }
                EventKind::Anomaly { z } => {
                    let what = format!("anomaly (z = {z:.1})");
                    points.push(self.point(e.period, &what, &value_text)?);
                }
            }
        }
        if let Some(p) = open_peak {
            points.push(self.point(p, "peak", &value_text)?);
        }
        let mut segments = Vec::new();
        for (k, s) in self.segment_marks(&shifts)?.iter().enumerate() {
            let (a, b) = (self.index(s.first)?, self.index(s.last)?);
            if !s.mean.is_finite() {
                return Err(Error::NonFinite {
                    value: s.mean,
                    period: None,
                });
            }
            // The trend cost's line passes through the mean at the middle of
            // the segment, with `slope` per period; it is drawn over the
            // segment's full width, half a period beyond its first and last
            // observations.
            let half = s.slope.unwrap_or(0.0) * ((b.abs_diff(a) + 1) as f64) / 2.0;
            segments.push(draw::Segment {
                from: a.min(b),
                to: a.max(b),
                start_value: s.mean - half,
                end_value: s.mean + half,
                darker: k % 2 == 1,
            });
        }
        let units = self
            .units
            .clone()
            .or_else(|| axis::unit_title(self.value_label).or_else(|| self.metadata_units.clone()));
        let style = self
            .style
            .unwrap_or(if matches!(self.value_label, "%" | "pp") {
                Style::Bars
            } else {
                Style::Line
            });
        Ok(draw::Plan {
            ticks: axis::period_ticks(self.start, self.values.len(), (w / 90) as usize)
                .into_iter()
                .filter_map(|i| {
                    let p = self.start.checked_add(i64::try_from(i).ok()?).ok()?;
                    Some((i, p.to_string()))
                })
                .collect(),
            values: self.values.clone(),
            style,
            title: self.title.clone(),
            units,
            note: self.note.clone(),
            neutral: self.neutral.clone(),
            spans,
            points,
            segments,
            compared: self.compared_values(),
            label: self.label.clone(),
            size: self.size,
            palette: self.palette,
        })
    }

    /// The segments between consecutive change points: the first from the
    /// series' first observation with the fit before the first change, each
    /// other from its change with the fit after it, to the period before
    /// the next change (the last to the last observation).
    fn segment_marks(&self, shifts: &[&Event<P>]) -> Result<Vec<SegmentMark<P>>> {
        let mut shifts = shifts.to_vec();
        shifts.sort_by_key(|e| e.period);
        let first_observed = self.values.iter().position(|v| !v.is_nan());
        let last_observed = self.values.iter().rposition(|v| !v.is_nan());
        let (Some(first), Some(last), Some(head)) = (first_observed, last_observed, shifts.first())
        else {
            return Ok(Vec::new());
        };
        let at = |i: usize| self.start.checked_add(i as i64);
        let mut out = Vec::new();
        let mut from = at(first)?;
        let EventKind::Shift { before, .. } = head.kind else {
            return Ok(Vec::new());
        };
        let mut fit = before;
        for e in &shifts {
            let EventKind::Shift { after, .. } = e.kind else {
                continue;
            };
            out.push(SegmentMark {
                first: from,
                last: e.period.checked_sub(1)?,
                mean: fit.mean,
                slope: fit.slope,
            });
            from = e.period;
            fit = after;
        }
        out.push(SegmentMark {
            first: from,
            last: at(last)?,
            mean: fit.mean,
            slope: fit.slope,
        });
        Ok(out)
    }

    /// A labelled point (not a record) on the charted value at `p`.
    fn point(&self, p: P, what: &str, value_text: &dyn Fn(f64) -> String) -> Result<draw::Point> {
        let (i, v) = self.observed(p)?;
        Ok(draw::Point {
            at: i,
            value: v,
            below: false,
            record: false,
            label: format!("{p}: {}, {what}", value_text(v)),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::changepoint::{ChangePoints, Cost, Penalty};
    use crate::detect::{Detector, Event};
    use crate::period::{Month, Quarter};

    fn spans(plan: &draw::Plan) -> Vec<(usize, usize, draw::SpanKind, &str)> {
        plan.spans
            .iter()
            .map(|s| (s.from, s.to, s.kind, s.label.as_str()))
            .collect()
    }

    #[test]
    fn compared_series_align_on_periods() -> Result<()> {
        let jan = Month::new(2025, 1)?;
        let main = Series::from_values(jan, [1.0, 2.0, 3.0, 4.0])?;
        // Starts a month before the charted series and has a gap: the month
        // before is dropped, the gap stays a gap, the missing tail is NaN.
        let other = Series::from_pairs([
            (Month::new(2024, 12)?, Some(9.0)),
            (jan, Some(10.0)),
            (Month::new(2025, 2)?, None),
            (Month::new(2025, 3)?, Some(30.0)),
        ])?;
        let later = Series::from_values(Month::new(2025, 4)?, [40.0, 50.0])?;
        let chart = Chart::new(&main)
            .compare(&other, "other")
            .compare(&later, "later");
        let plan = chart.plan()?;
        let shown: Vec<Vec<Option<f64>>> = plan
            .compared
            .iter()
            .map(|(v, _)| v.iter().map(|x| (!x.is_nan()).then_some(*x)).collect())
            .collect();
        assert_eq!(
            shown,
            vec![
                vec![Some(10.0), None, Some(30.0), None],
                vec![None, None, None, Some(40.0)]
            ]
        );
        let svg = chart.to_svg_string()?;
        let texts: Vec<&str> = svg.lines().map(str::trim).collect();
        for name in ["series", "other", "later", "40"] {
            // The legend names each line; the value axis reaches the compared 40.
            assert!(texts.contains(&name), "{name} missing");
        }
        Ok(())
    }

    #[test]
    fn peaks_and_troughs_pair_into_phases() -> Result<()> {
        let q = Quarter::new(2020, 1)?;
        let s = Series::from_values(q, [5.0, 4.0, 3.0, 4.0, 6.0, 5.0, 4.5])?;
        let events = [
            Event::new(q + 2, 3.0, EventKind::Trough, None),
            Event::new(q + 4, 6.0, EventKind::Peak, Some(q + 2)),
            Event::new(q + 6, 4.5, EventKind::Trough, Some(q + 4)),
        ];
        let plan = Chart::new(&s).mark(&events).plan()?;
        // A trough without a peak before it is a point; peak to trough a span.
        assert_eq!(
            spans(&plan),
            [(4, 6, draw::SpanKind::Cycle, "peak to trough")]
        );
        assert_eq!(plan.points.len(), 1);
        assert_eq!(plan.points[0].label, "2020-Q3: 3.0, trough");
        // A peak left open at the end is a point too.
        let plan = Chart::new(&s).mark(&events[..2]).plan()?;
        assert_eq!(plan.points.len(), 2);
        assert_eq!(plan.points[1].label, "2021-Q1: 6.0, peak");
        Ok(())
    }

    #[test]
    fn streaks_recessions_and_sahm_readings() -> Result<()> {
        let m = Month::new(2025, 1)?;
        let s = Series::from_values(m, [4.0, 4.1, 4.3, 4.6, 4.5])?;
        let events = [
            Event::new(
                m + 3,
                4.6,
                EventKind::Streak {
                    direction: Direction::Up,
                    length: 3,
                    change: Some(0.6),
                },
                Some(m + 1),
            ),
            Event::new(m + 4, 4.5, EventKind::Decline, None),
            Event::new(
                m + 2,
                0.2,
                EventKind::Sahm {
                    signal: false,
                    prior: 12,
                },
                None,
            ),
            Event::new(
                m + 3,
                0.5,
                EventKind::Sahm {
                    signal: true,
                    prior: 12,
                },
                None,
            ),
        ];
        let plan = Chart::new(&s).mark(&events).plan()?;
        assert_eq!(
            spans(&plan),
            [
                (1, 3, draw::SpanKind::Streak, "streak of rises"),
                (4, 4, draw::SpanKind::Contraction, "decline")
            ]
        );
        // Only the signalling reading is marked, on the charted value.
        assert_eq!(plan.points.len(), 1);
        assert_eq!(plan.points[0].value, 4.6);
        assert_eq!(plan.points[0].label, "2025-04: 4.6, Sahm rule signal");
        Ok(())
    }

    #[test]
    fn trend_segments_are_drawn_as_their_fitted_lines() -> Result<()> {
        let y = Quarter::new(2000, 1)?;
        // Two exact lines: slope 1 then slope -2.
        let values: Vec<f64> = (0..8)
            .map(f64::from)
            .chain((0..8).map(|i| 20.0 - 2.0 * f64::from(i)))
            .collect();
        let s = Series::from_values(y, values)?;
        let shifts = ChangePoints::new(Cost::Trend)
            .penalty(Penalty::Manual(1.0))
            .detect(&s)?;
        let plan = Chart::new(&s).mark(&shifts).plan()?;
        assert_eq!(plan.segments.len(), 2);
        let first = &plan.segments[0];
        // At x = -0.5 and 7.5 the first line is at -0.5 and 7.5.
        assert!((first.start_value + 0.5).abs() < 1e-9 && (first.end_value - 7.5).abs() < 1e-9);
        let second = &plan.segments[1];
        assert!((second.start_value - 21.0).abs() < 1e-9 && (second.end_value - 5.0).abs() < 1e-9);
        assert!(!first.darker && second.darker);
        Ok(())
    }

    #[test]
    fn extreme_values_draw_or_fail_typed() -> Result<()> {
        let m = Month::new(2025, 1)?;
        for values in [
            vec![f64::MAX, -f64::MAX],
            vec![1e300, 1e300],
            vec![5e-324, 0.0, -5e-324],
            vec![1e15, 1e15 + 1.0],
        ] {
            let s = Series::from_values(m, values.clone())?;
            for style in [Style::Line, Style::Bars] {
                let svg = Chart::new(&s)
                    .style(style)
                    .neutral(Neutral::Balance0)
                    .to_svg_string()?;
                assert!(svg.ends_with("</svg>\n"), "{values:?}");
                assert!(!svg.contains("NaN") && !svg.contains("inf"), "{values:?}");
                // Tick labels stay short.
                let longest = svg.lines().map(str::len).max().unwrap_or(0);
                assert!(longest < 300, "{values:?}: {longest}");
            }
        }
        Ok(())
    }

    #[test]
    fn units_follow_the_value_type_then_the_metadata() -> Result<()> {
        use crate::indicator::{Currency, Scale};
        use crate::unit::{Percent, PercentagePoints};
        let m = Month::new(2025, 1)?;
        let meta = Metadata::new("Imports", "US")
            .with_currency(Currency::USD)
            .with_scale(Scale::Millions);
        let level = Series::from_values(m, [1.0, 2.0])?;
        let plan = Chart::new(&level).metadata(&meta).plan()?;
        assert_eq!(plan.units.as_deref(), Some("millions of USD"));
        assert_eq!(plan.title.as_deref(), Some("Imports"));
        assert_eq!(plan.style, Style::Line);
        let growth = Series::<Month, Percent>::from_values(m, [Percent::new(1.0)?])?;
        let plan = Chart::new(&growth).metadata(&meta).plan()?;
        assert_eq!(plan.units.as_deref(), Some("percent"));
        assert_eq!(plan.style, Style::Bars);
        let pp = Series::<Month, PercentagePoints>::from_values(m, [PercentagePoints::new(0.1)?])?;
        let plan = Chart::new(&pp)
            .units("pp")
            .title("Mine")
            .metadata(&meta)
            .plan()?;
        assert_eq!(
            (plan.units.as_deref(), plan.title.as_deref()),
            (Some("pp"), Some("Mine"))
        );
        Ok(())
    }
}
