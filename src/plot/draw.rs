//! Drawing a checked [`Plan`] with plotters' SVG backend.

use std::ops::Range;

use plotters::coord::Shift;
use plotters::coord::ranged1d::{KeyPointHint, NoDefaultFormatting, Ranged, ValueFormatter};
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::axis::{tick_labels, value_ticks};
use super::{Palette, Rgb, Style};
use crate::error::{Error, Result};

/// Everything a chart shows, resolved to indices and values.
#[derive(Debug)]
pub(super) struct Plan {
    /// Period ticks: index and label.
    pub(super) ticks: Vec<(usize, String)>,
    /// The values, NaN for missing.
    pub(super) values: Vec<f64>,
    pub(super) style: Style,
    pub(super) title: Option<String>,
    pub(super) units: Option<String>,
    pub(super) note: Option<String>,
    pub(super) neutral: Option<(f64, String)>,
    pub(super) spans: Vec<Span>,
    pub(super) points: Vec<Point>,
    pub(super) segments: Vec<Segment>,
    /// Compared series on the same indices (NaN for no value), with names.
    pub(super) compared: Vec<(Vec<f64>, String)>,
    /// The charted series' name in the legend when others are compared.
    pub(super) label: Option<String>,
    pub(super) size: (u32, u32),
    pub(super) palette: Palette,
}

/// What a shaded span stands for, which decides its colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum SpanKind {
    Recession,
    Contraction,
    Cycle,
    Streak,
}

/// A shaded span over `from..=to`.
#[derive(Debug)]
pub(super) struct Span {
    pub(super) from: usize,
    pub(super) to: usize,
    pub(super) kind: SpanKind,
    pub(super) label: String,
}

/// A labelled point at index `at`.
#[derive(Debug)]
pub(super) struct Point {
    pub(super) at: usize,
    pub(super) value: f64,
    /// Put the label below the point (lows) rather than above.
    pub(super) below: bool,
    /// A record ("lowest since" too) rather than another finding.
    pub(super) record: bool,
    pub(super) label: String,
}

/// A change-point segment over `from..=to` with its fitted line.
#[derive(Debug)]
pub(super) struct Segment {
    pub(super) from: usize,
    pub(super) to: usize,
    pub(super) start_value: f64,
    pub(super) end_value: f64,
    pub(super) darker: bool,
}

const FONT: &str = "sans-serif";
/// plotters writes `font-size` as the given size / 1.24; these are the sizes
/// that come out as 18, 14 and 12 pixels (exactly: 13 would print as 13.000000000000002).
const TITLE_SIZE: f64 = 18.0 * 1.24;
const LABEL_SIZE: f64 = 14.0 * 1.24;
const NOTE_SIZE: f64 = 12.0 * 1.24;
/// Opacity of recession and streak spans, and of the lighter and darker segments.
const SPAN_OPACITY: f64 = 0.25;
/// Single periods need a stronger tint to be seen.
const CONTRACTION_OPACITY: f64 = 0.45;
const SEGMENT_OPACITY: (f64, f64) = (0.10, 0.22);

/// A linear axis over `range` with the given ticks and their labels:
/// plotters' own `f64` axis chooses its ticks itself, and its key-point
/// combinator cannot be labelled.
struct Axis {
    range: Range<f64>,
    ticks: Vec<(f64, String)>,
}

impl Ranged for Axis {
    type FormatOption = NoDefaultFormatting;
    type ValueType = f64;

    fn map(&self, value: &f64, limit: (i32, i32)) -> i32 {
        let (start, end) = (self.range.start, self.range.end);
        let span = end - start;
        let fraction = if end <= start {
            0.5
        } else if span.is_finite() {
            (value - start) / span
        } else {
            // Wider than f64::MAX (a range from −1e308 to 1e308): in halves.
            (value / 2.0 - start / 2.0) / (end / 2.0 - start / 2.0)
        };
        let pixels = f64::from(limit.1 - limit.0);
        // The cast saturates, so values far outside the range stay finite.
        limit.0 + (pixels * fraction).round() as i32
    }

    fn key_points<Hint: KeyPointHint>(&self, hint: Hint) -> Vec<f64> {
        if hint.weight().allow_light_points() {
            Vec::new()
        } else {
            self.ticks.iter().map(|(t, _)| *t).collect()
        }
    }

    fn range(&self) -> Range<f64> {
        self.range.clone()
    }
}

impl ValueFormatter<f64> for Axis {
    fn format(value: &f64) -> String {
        value.to_string()
    }

    fn format_ext(&self, value: &f64) -> String {
        // Relative to the tick itself, so that ticks 1e-310 apart stay apart.
        self.ticks
            .iter()
            .find(|(t, _)| t == value || (t - value).abs() <= 1e-9 * t.abs())
            .map_or_else(String::new, |(_, label)| label.clone())
    }
}

fn color(c: Rgb) -> RGBColor {
    RGBColor(c.0, c.1, c.2)
}

fn draw_error(e: impl std::fmt::Display) -> Error {
    Error::Draw {
        message: e.to_string().into(),
    }
}

/// Estimated width in pixels of `text` at `px` pixels: 0.56 em per
/// character, about the mean of a sans-serif font over digits (0.64 em in
/// DejaVu Sans) and lower-case letters.
fn text_width(text: &str, px: f64) -> i32 {
    (text.chars().count() as f64 * px * 0.56).ceil() as i32
}

/// The chart as an SVG string.
pub(super) fn render(plan: &Plan) -> Result<String> {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, plan.size).into_drawing_area();
        draw(&root, plan)?;
        root.present().map_err(draw_error)?;
    }
    Ok(svg)
}

/// The value range to show: the data, zero for bars, the neutral line and
/// the segment lines, with a margin.
fn value_range(plan: &Plan) -> (f64, f64) {
    let mut lo = f64::INFINITY;
    let mut hi = f64::NEG_INFINITY;
    let extra = plan
        .neutral
        .iter()
        .map(|(level, _)| *level)
        .chain(
            plan.segments
                .iter()
                .flat_map(|s| [s.start_value, s.end_value]),
        )
        .chain((plan.style == Style::Bars).then_some(0.0));
    for v in plan
        .values
        .iter()
        .chain(plan.compared.iter().flat_map(|(values, _)| values))
        .copied()
        .filter(|v| !v.is_nan())
        .chain(extra)
    {
        lo = lo.min(v);
        hi = hi.max(v);
    }
    // 7% of the range, computed on its half so that ±1e308 do not overflow.
    let pad = if hi > lo {
        (hi / 2.0 - lo / 2.0) * 0.14
    } else {
        (hi.abs() * 0.05).max(1.0)
    };
    // Room for the labels of points near the top or the bottom.
    let label_room = |below: bool| {
        if plan.points.iter().any(|p| p.below == below) {
            pad * 1.5
        } else {
            0.0
        }
    };
    // The margins cannot reach beyond the largest f64.
    (
        (lo - pad - label_room(true)).max(-f64::MAX),
        (hi + pad + label_room(false)).min(f64::MAX),
    )
}

fn draw(root: &DrawingArea<SVGBackend<'_>, Shift>, plan: &Plan) -> Result<()> {
    let p = &plan.palette;
    let text = color(p.text);
    let height = plan.size.1;
    root.fill(&WHITE).map_err(draw_error)?;

    let legend = legend(plan);
    let footer = 8 + 20 * (u32::from(!legend.is_empty()) + u32::from(plan.note.is_some()));
    let (upper, _) = root.split_vertically(height.saturating_sub(footer));

    let (lo, hi) = value_range(plan);
    let (y_ticks, step) = value_ticks(lo, hi, 6);
    let y_labels = tick_labels(&y_ticks, step);
    let widest = y_labels
        .iter()
        .map(|l| text_width(l, LABEL_PX))
        .max()
        .unwrap_or(0);
    let y_area = widest + 12 + if plan.units.is_some() { 26 } else { 0 };
    let n = plan.values.len();
    let (x0, x1) = (-0.5, n as f64 - 0.5);

    let mut builder = ChartBuilder::on(&upper);
    builder
        .margin_top(12)
        .margin_left(8)
        .margin_right(24)
        .margin_bottom(4)
        .x_label_area_size(30)
        .y_label_area_size(y_area);
    if let Some(title) = &plan.title {
        builder.caption(title, (FONT, TITLE_SIZE).into_font().color(&text));
    }
    let x_axis = Axis {
        range: x0..x1,
        ticks: plan
            .ticks
            .iter()
            .map(|(i, label)| (*i as f64, label.clone()))
            .collect(),
    };
    let y_axis = Axis {
        range: lo..hi,
        ticks: y_ticks.into_iter().zip(y_labels).collect(),
    };
    let mut chart = builder
        .build_cartesian_2d(x_axis, y_axis)
        .map_err(draw_error)?;

    let label_style = (FONT, LABEL_SIZE).into_font().color(&text);
    let mut mesh = chart.configure_mesh();
    mesh.disable_x_mesh()
        .bold_line_style(color(p.grid))
        .light_line_style(TRANSPARENT)
        .axis_style(text)
        .label_style(label_style.clone())
        .axis_desc_style(label_style.clone());
    if let Some(units) = &plan.units {
        mesh.y_desc(units);
    }
    mesh.draw().map_err(draw_error)?;

    // Spans and segment shading go under the data.
    for s in &plan.spans {
        let (c, opacity) = match s.kind {
            SpanKind::Recession => (p.recession, SPAN_OPACITY),
            SpanKind::Contraction => (p.contraction, CONTRACTION_OPACITY),
            SpanKind::Cycle => (p.cycle, SPAN_OPACITY),
            SpanKind::Streak => (p.streak, SPAN_OPACITY),
        };
        chart
            .draw_series(std::iter::once(Rectangle::new(
                [(s.from as f64 - 0.5, hi), (s.to as f64 + 0.5, lo)],
                color(c).mix(opacity).filled(),
            )))
            .map_err(draw_error)?;
    }
    for s in &plan.segments {
        let opacity = if s.darker {
            SEGMENT_OPACITY.1
        } else {
            SEGMENT_OPACITY.0
        };
        chart
            .draw_series(std::iter::once(Rectangle::new(
                [(s.from as f64 - 0.5, hi), (s.to as f64 + 0.5, lo)],
                color(p.segment).mix(opacity).filled(),
            )))
            .map_err(draw_error)?;
    }

    let plot_px = chart.plotting_area().get_pixel_range();
    let period_px = f64::from(plot_px.0.end - plot_px.0.start) / n.max(1) as f64;
    match plan.style {
        Style::Bars => {
            // Gaps between bars only where there is room for them.
            let half = if period_px >= 4.0 { 0.4 } else { 0.5 };
            let bars = plan
                .values
                .iter()
                .enumerate()
                .filter(|(_, v)| !v.is_nan())
                .map(|(i, &v)| {
                    let c = if v < 0.0 { p.negative } else { p.positive };
                    Rectangle::new(
                        [(i as f64 - half, 0.0), (i as f64 + half, v)],
                        color(c).filled(),
                    )
                });
            chart.draw_series(bars).map_err(draw_error)?;
        }
        Style::Line => draw_line(&mut chart, &plan.values, color(p.line))?,
    }
    // Compared series go over the charted one's bars, under its marks.
    let colours = [p.compare, p.streak, p.point];
    for (k, (values, _)) in plan.compared.iter().enumerate() {
        let c = colours.get(k).copied().unwrap_or(p.point);
        draw_line(&mut chart, values, color(c))?;
    }

    for s in &plan.segments {
        chart
            .draw_series(std::iter::once(PathElement::new(
                vec![
                    (s.from as f64 - 0.5, s.start_value),
                    (s.to as f64 + 0.5, s.end_value),
                ],
                color(p.mean).stroke_width(3),
            )))
            .map_err(draw_error)?;
    }

    let small = (FONT, LABEL_SIZE).into_font();
    let plot_box = Box {
        left: plot_px.0.start,
        top: plot_px.1.start,
        right: plot_px.0.end,
        bottom: plot_px.1.end,
    };
    let data = data_boxes(plan, |x, y| chart.backend_coord(&(x, y)));
    // Labels already placed, and the points, which labels must not cover.
    let mut taken: Vec<Box> = plan
        .points
        .iter()
        .map(|pt| {
            let (x, y) = chart.backend_coord(&(pt.at as f64, pt.value));
            Box {
                left: x - 6,
                top: y - 6,
                right: x + 6,
                bottom: y + 6,
            }
        })
        .collect();
    if let Some((level, label)) = &plan.neutral {
        chart
            .draw_series(std::iter::once(DashedPathElement::new(
                vec![(x0, *level), (x1, *level)],
                8,
                5,
                color(p.neutral).stroke_width(2),
            )))
            .map_err(draw_error)?;
        // On the line at its left or right end, above or below it,
        // wherever the data leaves room.
        let (_, py) = chart.backend_coord(&(x1, *level));
        let w = text_width(label, LABEL_PX);
        let spots: Vec<Box> = [plot_box.left + 6, plot_box.right - 6 - w]
            .into_iter()
            .flat_map(|left| {
                [py - 3 - LINE_PX, py + 3].map(|top| Box {
                    left,
                    top,
                    right: left + w,
                    bottom: top + LINE_PX,
                })
            })
            .collect();
        let free = |b: &Box| b.inside(&plot_box) && !taken.iter().any(|t| t.overlaps(b));
        let spot = spots
            .iter()
            .find(|b| free(b) && !data.iter().any(|d| d.overlaps(b)))
            .or_else(|| spots.iter().find(|b| free(b)))
            .or(spots.first())
            .copied()
            .unwrap_or(plot_box);
        taken.push(spot);
        label_at(root, label, spot, color(p.neutral))?;
    }

    for pt in &plan.points {
        let c = if pt.record { p.record } else { p.point };
        chart
            .draw_series(std::iter::once(Circle::new(
                (pt.at as f64, pt.value),
                5,
                color(c).filled(),
            )))
            .map_err(draw_error)?;
    }
    for pt in &plan.points {
        let (px, py) = chart.backend_coord(&(pt.at as f64, pt.value));
        let w = text_width(&pt.label, LABEL_PX);
        // Left of the point in the right half of the chart, right of it otherwise.
        let right_half = px > (plot_box.left + plot_box.right) / 2;
        let x = if right_half { px - 8 - w } else { px + 8 };
        let spot = place(&plot_box, &taken, &data, (x, py), w, pt.below, !right_half);
        taken.push(spot);
        // A label moved away from its point gets a leader line to it.
        let near = (
            px.clamp(spot.left, spot.right),
            py.clamp(spot.top, spot.bottom),
        );
        if (near.0 - px).abs() + (near.1 - py).abs() > 16 {
            root.draw(&PathElement::new(
                vec![(px, py), near],
                color(p.leader).stroke_width(1),
            ))
            .map_err(draw_error)?;
        }
        label_at(root, &pt.label, spot, text)?;
    }

    // Legend and note, below the x axis labels.
    let mut y = i32::try_from(height.saturating_sub(footer)).unwrap_or(0) + 6;
    if !legend.is_empty() {
        let mut x = plot_px.0.start;
        for (symbol, c, opacity, label) in &legend {
            root.draw(&Text::new(
                symbol.to_string(),
                (x, y),
                small
                    .clone()
                    .color(&color(*c).mix(*opacity))
                    .pos(Pos::new(HPos::Left, VPos::Top)),
            ))
            .map_err(draw_error)?;
            root.draw(&Text::new(
                label.clone(),
                (x + 18, y),
                small
                    .clone()
                    .color(&text)
                    .pos(Pos::new(HPos::Left, VPos::Top)),
            ))
            .map_err(draw_error)?;
            x += 18 + text_width(label, LABEL_PX) + 20;
        }
        y += 20;
    }
    if let Some(note) = &plan.note {
        root.draw(&Text::new(
            note.clone(),
            (plot_px.0.start, y),
            (FONT, NOTE_SIZE)
                .into_font()
                .color(&RGBColor(90, 90, 90))
                .pos(Pos::new(HPos::Left, VPos::Top)),
        ))
        .map_err(draw_error)?;
    }
    Ok(())
}

/// A line through `values` (NaN breaks it; an observation alone between
/// gaps is a dot).
fn draw_line<DB, CT>(
    chart: &mut ChartContext<'_, DB, CT>,
    values: &[f64],
    line: RGBColor,
) -> Result<()>
where
    DB: DrawingBackend,
    CT: CoordTranslate<From = (f64, f64)>,
{
    let mut runs: Vec<Vec<(f64, f64)>> = Vec::new();
    let mut run = Vec::new();
    for (i, &v) in values.iter().enumerate() {
        if v.is_nan() {
            if !run.is_empty() {
                runs.push(std::mem::take(&mut run));
            }
        } else {
            run.push((i as f64, v));
        }
    }
    if !run.is_empty() {
        runs.push(run);
    }
    for run in runs {
        match run.as_slice() {
            // An observation between two missing values has no line to sit on.
            [single] => {
                chart
                    .draw_series(std::iter::once(Circle::new(*single, 2, line.filled())))
                    .map_err(draw_error)?;
            }
            _ => {
                chart
                    .draw_series(std::iter::once(PathElement::new(run, line.stroke_width(2))))
                    .map_err(draw_error)?;
            }
        }
    }
    Ok(())
}

/// A rectangle in pixels.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Box {
    left: i32,
    top: i32,
    right: i32,
    bottom: i32,
}

impl Box {
    fn overlaps(&self, other: &Box) -> bool {
        self.left < other.right
            && other.left < self.right
            && self.top < other.bottom
            && other.top < self.bottom
    }

    fn inside(&self, outer: &Box) -> bool {
        self.left >= outer.left
            && self.right <= outer.right
            && self.top >= outer.top
            && self.bottom <= outer.bottom
    }
}

/// The height of a label line in pixels.
const LINE_PX: i32 = 18;
/// The label font size in pixels.
const LABEL_PX: f64 = 14.0;

/// Where to put a label `w` pixels wide next to the anchor `(x, y)`.
///
/// Candidates: below or above the anchor as asked, then the other way, each
/// further out line by line, then on the other side of the anchor, then
/// every spot of the plot on a grid, nearest first. The first that lies
/// inside the plot and overlaps neither a label already placed nor the data
/// wins; failing that, the first of the spots near the anchor that avoids
/// the labels only; failing that, the first candidate.
fn place(
    plot: &Box,
    taken: &[Box],
    data: &[Box],
    (x, y): (i32, i32),
    w: i32,
    below: bool,
    right: bool,
) -> Box {
    let other_x = if right { x - w - 16 } else { x + w + 16 };
    let mut candidates = Vec::new();
    for dx in [x, other_x] {
        for down in [below, !below] {
            for k in 0..10 {
                let top = if down {
                    y + 6 + k * LINE_PX
                } else {
                    y - 6 - LINE_PX - k * LINE_PX
                };
                candidates.push(Box {
                    left: dx,
                    top,
                    right: dx + w,
                    bottom: top + LINE_PX,
                });
            }
        }
    }
    let free = |b: &Box, obstacles: &[Box]| {
        b.inside(plot) && !taken.iter().chain(obstacles).any(|t| t.overlaps(b))
    };
    // Anywhere else in the plot, nearest first (the label gets a leader line).
    let anchor = (x + if right { -8 } else { w + 8 }, y);
    let distance = |b: &Box| {
        let dx = (anchor.0.clamp(b.left, b.right) - anchor.0).abs();
        let dy = (anchor.1.clamp(b.top, b.bottom) - anchor.1).abs();
        dx + dy
    };
    let mut grid: Vec<Box> = (plot.left..=plot.right - w)
        .step_by(8)
        .flat_map(|left| {
            (plot.top..=plot.bottom - LINE_PX)
                .step_by(6)
                .map(move |top| Box {
                    left,
                    top,
                    right: left + w,
                    bottom: top + LINE_PX,
                })
        })
        .collect();
    grid.sort_by_key(distance);
    candidates
        .iter()
        .chain(&grid)
        .find(|b| free(b, data))
        .or_else(|| candidates.iter().find(|b| free(b, &[])))
        .or(candidates.first())
        .copied()
        .unwrap_or(Box {
            left: x,
            top: y,
            right: x + w,
            bottom: y + LINE_PX,
        })
}

/// The drawn data as pixel boxes, for labels to keep clear of: one per line
/// segment (a period wide, so its bounding box is close to the stroke) or
/// per bar.
fn data_boxes<F: Fn(f64, f64) -> (i32, i32)>(plan: &Plan, to_px: F) -> Vec<Box> {
    let around = |(x0, y0): (i32, i32), (x1, y1): (i32, i32)| Box {
        left: x0.min(x1) - 2,
        top: y0.min(y1) - 2,
        right: x0.max(x1) + 2,
        bottom: y0.max(y1) + 2,
    };
    let observed = plan
        .values
        .iter()
        .enumerate()
        .filter(|(_, v)| !v.is_nan())
        .map(|(i, &v)| (i, v));
    match plan.style {
        Style::Bars => observed
            .map(|(i, v)| around(to_px(i as f64 - 0.4, 0.0), to_px(i as f64 + 0.4, v)))
            .collect(),
        Style::Line => {
            let points: Vec<(usize, f64)> = observed.collect();
            let mut out: Vec<Box> = points
                .iter()
                .zip(points.iter().skip(1))
                .filter(|((i, _), (j, _))| j - i == 1)
                .map(|((i, a), (j, b))| around(to_px(*i as f64, *a), to_px(*j as f64, *b)))
                .collect();
            out.extend(points.iter().map(|&(i, v)| {
                let p = to_px(i as f64, v);
                around(p, p)
            }));
            out
        }
    }
}

/// Draws `label` in `spot` over a translucent white box, so that it stays
/// legible over the line and the grid.
fn label_at(
    root: &DrawingArea<SVGBackend<'_>, Shift>,
    label: &str,
    spot: Box,
    fill: RGBColor,
) -> Result<()> {
    root.draw(&Rectangle::new(
        [(spot.left - 2, spot.top), (spot.right + 2, spot.bottom)],
        WHITE.mix(0.65).filled(),
    ))
    .map_err(draw_error)?;
    root.draw(&Text::new(
        label.to_owned(),
        (spot.left, spot.top + 2),
        (FONT, LABEL_SIZE)
            .into_font()
            .color(&fill)
            .pos(Pos::new(HPos::Left, VPos::Top)),
    ))
    .map_err(draw_error)
}

/// The legend: one entry per kind of span (by label, first seen first) and
/// for change-point segments; symbols are text, so the legend adds no shapes.
fn legend(plan: &Plan) -> Vec<(char, Rgb, f64, String)> {
    let p = &plan.palette;
    let mut out: Vec<(char, Rgb, f64, String)> = Vec::new();
    if !plan.compared.is_empty() {
        let main = if plan.style == Style::Bars {
            ('\u{25A0}', p.positive)
        } else {
            ('\u{2014}', p.line)
        };
        let name = plan.label.clone().unwrap_or_else(|| "series".to_owned());
        out.push((main.0, main.1, 1.0, name));
        for (k, (_, label)) in plan.compared.iter().enumerate() {
            let c = [p.compare, p.streak, p.point]
                .get(k)
                .copied()
                .unwrap_or(p.point);
            out.push(('\u{2014}', c, 1.0, label.clone()));
        }
    }
    for s in &plan.spans {
        if !out.iter().any(|e| e.3 == s.label) {
            let c = match s.kind {
                SpanKind::Recession => p.recession,
                SpanKind::Contraction => p.contraction,
                SpanKind::Cycle => p.cycle,
                SpanKind::Streak => p.streak,
            };
            out.push(('\u{25A0}', c, 0.5, s.label.clone()));
        }
    }
    if !plan.segments.is_empty() {
        out.push((
            '\u{25A0}',
            p.segment,
            0.4,
            "change-point segments".to_owned(),
        ));
        out.push(('\u{2014}', p.mean, 1.0, "segment mean".to_owned()));
    }
    out
}
