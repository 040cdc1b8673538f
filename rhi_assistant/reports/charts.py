"""Charts drawn on the server as SVG: no JavaScript, the same picture on screen and on paper.

Why server-side SVG: a manager's browser may block scripts, a PDF cannot run them, and a
picture that is only pixels says nothing to a screen reader. Each chart here is a plain
string of SVG with ``role="img"``, a ``<title>`` and a ``<desc>`` (named by
``aria-labelledby``), scaled by its ``viewBox`` to the width it is given. The chart is never
the only way to read the numbers: `ChartTable` carries the same numbers for the table shown
beside every chart (templates/_charts.html), and the description says what the chart shows.

Plain Python, no Flask: callers pass labels already in the reader's language.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

#: GOV.UK colours with at least 3:1 contrast on white (WCAG 1.4.11), one per series; a
#: series is also told apart by its marker shape and by the legend's words, not colour alone.
COLOURS = ("#1d70b8", "#d4351c", "#00703c", "#4c2c92", "#505a5f")
MARKERS = ("circle", "square", "diamond", "triangle", "cross")
TEXT = "#0b0c0c"
GRID = "#b1b4b6"
FONT = 'font-family="GDS Transport, arial, sans-serif"'


@dataclass(frozen=True)
class Series:
    """One line (or one set of columns) across the categories: a name and a value for each."""

    name: str
    values: tuple[float, ...]


@dataclass(frozen=True)
class ChartTable:
    """The chart's numbers as a table: a caption, column headings, rows of label + values."""

    caption: str
    headings: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Chart:
    """What a page shows: the SVG and the table of the same numbers beside it."""

    svg: str
    table: ChartTable


def _a(text: str) -> str:
    """Text for an attribute or element, escaped (labels may hold a place's name)."""
    return escape(str(text), quote=True)


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


def nice_ticks(top: float, count: int = 4) -> list[float]:
    """Round axis ticks from 0 covering `top` (1, 2 or 5 times a power of ten apart).

    Counts are whole numbers, so a step is never below 1: an axis of 0, 0.5, 1 for a
    count of one would suggest half a child."""
    if top <= 0:
        return [0.0, 1.0]
    raw = top / count
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    step = max(step, 1.0)
    ticks = [0.0]
    while ticks[-1] < top:
        ticks.append(ticks[-1] + step)
    return ticks


def _open(chart_id: str, title: str, description: str, width: int, height: int) -> list[str]:
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="app-chart" id="{_a(chart_id)}" '
        f'role="img" aria-labelledby="{_a(chart_id)}-title {_a(chart_id)}-desc" '
        f'viewBox="0 0 {width} {height}" width="100%" preserveAspectRatio="xMinYMin meet" '
        f'focusable="false">',
        f'<title id="{_a(chart_id)}-title">{_a(title)}</title>',
        f'<desc id="{_a(chart_id)}-desc">{_a(description)}</desc>',
    ]


def _shorten(label: str, chars: int) -> str:
    """A label cut to fit its column; the full label is in the bar's tooltip and the table."""
    return label if len(label) <= chars else label[: max(chars - 1, 1)].rstrip() + "…"


def bar_chart(chart_id: str, title: str, description: str,
              bars: Sequence[tuple[str, float]], *, width: int = 640) -> str:
    """Horizontal bars, one per label, longest first as given; the value written at the end.

    Horizontal because places and other labels are long words that do not fit under columns,
    and a bar's length reads more accurately than an area."""
    row, gap, top = 26, 8, 8
    label_chars = max(8, min(max((len(label) for label, _v in bars), default=8), 28))
    label_width = int(label_chars * 7.2) + 8
    value_room = 48
    plot = max(width - label_width - value_room, 80)
    highest = max((value for _l, value in bars), default=0) or 1
    height = top + len(bars) * (row + gap) + 4 if bars else 40
    out = _open(chart_id, title, description, width, height)
    out.append(f'<g {FONT} font-size="13" fill="{TEXT}">')
    if not bars:
        out.append(f'<text x="0" y="24">{_a(description)}</text>')
    for index, (label, value) in enumerate(bars):
        y = top + index * (row + gap)
        length = plot * value / highest
        out.append('<g class="app-chart__bar">')
        out.append(f"<title>{_a(label)}: {_a(_number(value))}</title>")
        out.append(f'<text x="{label_width - 8}" y="{y + row * 0.68:.1f}" '
                   f'text-anchor="end">{_a(_shorten(label, label_chars))}</text>')
        out.append(f'<rect x="{label_width}" y="{y}" width="{length:.1f}" height="{row}" '
                   f'fill="{COLOURS[0]}"/>')
        out.append(f'<text x="{label_width + length + 6:.1f}" y="{y + row * 0.68:.1f}">'
                   f"{_a(_number(value))}</text>")
        out.append("</g>")
    out.append("</g></svg>")
    return "\n".join(out)


def _marker(shape: str, x: float, y: float, colour: str) -> str:
    if shape == "square":
        return f'<rect x="{x - 4:.1f}" y="{y - 4:.1f}" width="8" height="8" fill="{colour}"/>'
    if shape == "diamond":
        return (f'<polygon points="{x:.1f},{y - 5:.1f} {x + 5:.1f},{y:.1f} {x:.1f},{y + 5:.1f} '
                f'{x - 5:.1f},{y:.1f}" fill="{colour}"/>')
    if shape == "triangle":
        return (f'<polygon points="{x:.1f},{y - 5:.1f} {x + 5:.1f},{y + 4:.1f} '
                f'{x - 5:.1f},{y + 4:.1f}" fill="{colour}"/>')
    if shape == "cross":
        return (f'<path d="M{x - 4:.1f},{y - 4:.1f}L{x + 4:.1f},{y + 4:.1f}M{x + 4:.1f},'
                f'{y - 4:.1f}L{x - 4:.1f},{y + 4:.1f}" stroke="{colour}" stroke-width="2"/>')
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4.5" fill="{colour}"/>'


def trend_chart(chart_id: str, title: str, description: str, categories: Sequence[str],
                series: Sequence[Series], *, kind: str = "column", width: int = 640,
                height: int = 300, axis_top: float | None = None) -> str:
    """Values over time (months, assessments): grouped columns (`kind="column"`) or lines with
    a marker at each point (`kind="line"`), a y axis from 0 and a legend naming each series.

    The axis always starts at 0, so a change from 9 to 10 does not look like a doubling."""
    if kind not in ("column", "line"):
        raise ValueError(f"unknown chart kind: {kind}")
    for s in series:
        if len(s.values) != len(categories):
            raise ValueError(f"series {s.name!r} has {len(s.values)} values for "
                             f"{len(categories)} categories")
    legend_height = 22 * len(series) + 6
    left, right, bottom = 44, 12, 40
    top = legend_height + 8
    plot_w, plot_h = width - left - right, height - top - bottom
    highest = max((v for s in series for v in s.values), default=0)
    ticks = nice_ticks(max(highest, axis_top or 0))
    scale = plot_h / ticks[-1]
    out = _open(chart_id, title, description, width, height)
    out.append(f'<g {FONT} font-size="12" fill="{TEXT}">')
    for index, s in enumerate(series):
        colour, shape = COLOURS[index % len(COLOURS)], MARKERS[index % len(MARKERS)]
        row_y = 6.0 + index * 22
        sample = (f'<rect x="0" y="{row_y}" width="14" height="14" fill="{colour}"/>'
                  if kind == "column" else _marker(shape, 7, row_y + 7, colour))
        out.append(f'<g class="app-chart__legend">{sample}'
                   f'<text x="22" y="{row_y + 12}">{_a(s.name)}</text></g>')
    for tick in ticks:
        y = top + plot_h - tick * scale
        out.append(f'<line x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}" '
                   f'stroke="{GRID}" stroke-width="1"/>')
        out.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">'
                   f"{_a(_number(tick))}</text>")
    slot = plot_w / max(len(categories), 1)
    every = max(1, math.ceil(len(categories) * 42 / plot_w))  # labels that would overlap skip
    for index, category in enumerate(categories):
        if index % every == 0 or index == len(categories) - 1:
            x = left + slot * (index + 0.5)
            out.append(f'<text x="{x:.1f}" y="{top + plot_h + 18}" text-anchor="middle">'
                       f"{_a(category)}</text>")
    if kind == "column":
        inner = slot * 0.8 / max(len(series), 1)
        for s_index, s in enumerate(series):
            colour = COLOURS[s_index % len(COLOURS)]
            for index, value in enumerate(s.values):
                x = left + slot * index + slot * 0.1 + inner * s_index
                h = value * scale
                out.append(f'<rect x="{x:.1f}" y="{top + plot_h - h:.1f}" width="{inner:.1f}" '
                           f'height="{h:.1f}" fill="{colour}"><title>{_a(categories[index])}, '
                           f"{_a(s.name)}: {_a(_number(value))}</title></rect>")
    else:
        for s_index, s in enumerate(series):
            colour, shape = COLOURS[s_index % len(COLOURS)], MARKERS[s_index % len(MARKERS)]
            points = [(left + slot * (i + 0.5), top + plot_h - v * scale)
                      for i, v in enumerate(s.values)]
            path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
            out.append(f'<polyline points="{path}" fill="none" stroke="{colour}" '
                       f'stroke-width="2.5"/>')
            for (x, y), category, value in zip(points, categories, s.values, strict=True):
                out.append(f"<g>{_marker(shape, x, y, colour)}<title>{_a(category)}, "
                           f"{_a(s.name)}: {_a(_number(value))}</title></g>")
    out.append(f'<line x1="{left}" x2="{left}" y1="{top}" y2="{top + plot_h}" '
               f'stroke="{TEXT}" stroke-width="1"/>')
    out.append("</g></svg>")
    return "\n".join(out)


def bar_chart_with_table(chart_id: str, title: str, description: str, label_heading: str,
                         value_heading: str, bars: Sequence[tuple[str, float]]) -> Chart:
    """A bar chart and its table of the same numbers."""
    return Chart(bar_chart(chart_id, title, description, bars), ChartTable(
        title, (label_heading, value_heading),
        tuple((label, _number(value)) for label, value in bars)))


def trend_chart_with_table(chart_id: str, title: str, description: str, category_heading: str,
                           categories: Sequence[str], series: Sequence[Series], *,
                           kind: str = "column", axis_top: float | None = None) -> Chart:
    """A trend chart and its table: one row per category, one column per series."""
    svg = trend_chart(chart_id, title, description, categories, series, kind=kind,
                      axis_top=axis_top)
    rows = tuple((category, *(_number(s.values[i]) for s in series))
                 for i, category in enumerate(categories))
    return Chart(svg, ChartTable(title, (category_heading, *(s.name for s in series)), rows))
