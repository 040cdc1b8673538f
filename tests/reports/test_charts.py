"""Server-drawn SVG charts: well-formed, named for a screen reader, honest about the numbers."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from rhi_assistant.reports.charts import (
    Series,
    bar_chart,
    bar_chart_with_table,
    nice_ticks,
    trend_chart,
    trend_chart_with_table,
)

SVG = "{http://www.w3.org/2000/svg}"


def _parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def _named(root: ET.Element) -> tuple[str, str]:
    """The chart's title and description, found through aria-labelledby as a reader would."""
    ids = root.get("aria-labelledby", "").split()
    found = {el.get("id"): (el.text or "") for el in root.iter() if el.get("id") in ids}
    assert list(found) == ids or set(found) == set(ids)
    return found[ids[0]], found[ids[1]]


def test_a_bar_chart_is_an_image_with_a_title_and_a_description():
    root = _parse(bar_chart("places", "Places", "Where children were found", [("Bus station", 3)]))
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    assert _named(root) == ("Places", "Where children were found")
    assert root.find(f"{SVG}title").text == "Places"
    assert "script" not in bar_chart("x", "t", "d", [("a", 1)])


def test_bars_are_as_long_as_their_values_and_say_them():
    root = _parse(bar_chart("c", "t", "d", [("Park", 4), ("Station", 2), ("Flat", 1)]))
    rects = [r for r in root.iter(f"{SVG}rect")]
    widths = [float(r.get("width")) for r in rects]
    assert widths[0] == pytest.approx(2 * widths[1], abs=0.2)
    assert widths[0] == pytest.approx(4 * widths[2], abs=0.4)
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert ["Park", "4", "Station", "2", "Flat", "1"] == texts
    tips = [t.text for t in root.iter(f"{SVG}title")][1:]
    assert tips == ["Park: 4", "Station: 2", "Flat: 1"]


def test_labels_are_escaped_and_long_ones_shortened_but_whole_in_the_tooltip():
    name = "<Flat> above the chip shop & the bookmakers, Station Road, Weston"
    root = _parse(bar_chart("c", "t", "d", [(name, 1)]))  # parses: nothing unescaped
    shown = next(root.iter(f"{SVG}text")).text
    assert shown.endswith("…") and len(shown) <= 28
    assert [t.text for t in root.iter(f"{SVG}title")][1] == f"{name}: 1"


def test_an_empty_bar_chart_says_so_in_words():
    root = _parse(bar_chart("c", "Places", "No places recorded", []))
    assert [t.text for t in root.iter(f"{SVG}text")] == ["No places recorded"]


def test_ticks_are_round_whole_numbers_from_zero():
    assert nice_ticks(7) == [0, 2, 4, 6, 8]
    assert nice_ticks(1) == [0, 1]
    assert nice_ticks(0) == [0, 1]
    assert nice_ticks(230) == [0, 100, 200, 300]


def test_a_column_chart_draws_one_column_per_month_and_series_with_a_legend():
    months = ["Jan", "Feb", "Mar"]
    root = _parse(trend_chart("m", "Episodes", "Episodes each month", months,
                              [Series("Episodes", (1, 3, 2)), Series("Children", (1, 2, 2))]))
    columns = [r for r in root.iter(f"{SVG}rect") if r.find(f"{SVG}title") is not None]
    assert len(columns) == 6
    heights = [float(r.get("height")) for r in columns[:3]]
    assert heights[1] == pytest.approx(3 * heights[0], abs=0.2)
    tips = [r.find(f"{SVG}title").text for r in columns]
    assert tips[0] == "Jan, Episodes: 1" and tips[5] == "Mar, Children: 2"
    words = [t.text for t in root.iter(f"{SVG}text")]
    assert "Episodes" in words and "Children" in words and "Feb" in words


def test_a_line_chart_marks_each_point_and_higher_values_sit_higher():
    root = _parse(trend_chart("s", "SERAF", "Scores", ["1 Oct", "9 Nov"],
                              [Series("Score", (4, 12))], kind="line"))
    line = next(root.iter(f"{SVG}polyline"))
    (x1, y1), (x2, y2) = (tuple(map(float, p.split(","))) for p in line.get("points").split())
    assert x2 > x1 and y2 < y1  # SVG y grows downwards
    assert len(list(root.iter(f"{SVG}circle"))) == 3  # two points and the legend's sample


def test_a_series_must_have_a_value_for_each_category():
    with pytest.raises(ValueError):
        trend_chart("x", "t", "d", ["a", "b"], [Series("s", (1,))])
    with pytest.raises(ValueError):
        trend_chart("x", "t", "d", ["a"], [Series("s", (1,))], kind="pie")


def test_every_chart_comes_with_the_same_numbers_as_a_table():
    bars = bar_chart_with_table("p", "Places", "d", "Place", "Children", [("Park", 2)])
    assert bars.table.headings == ("Place", "Children") and bars.table.rows == (("Park", "2"),)
    trend = trend_chart_with_table("t", "By month", "d", "Month", ["Jan", "Feb"],
                                   [Series("Episodes", (1, 2)), Series("Children", (1, 1))])
    assert trend.table.headings == ("Month", "Episodes", "Children")
    assert trend.table.rows == (("Jan", "1", "1"), ("Feb", "2", "1"))
    _parse(trend.svg)
