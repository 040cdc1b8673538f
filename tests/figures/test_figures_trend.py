"""Figures month on month (issue 14 point 11): server-drawn SVG charts of the last 12 months,
each with a table of the same numbers, agreeing with the month's own figures."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from figures_data import NOW


@pytest.fixture(autouse=True)
def _early_may(clock):
    clock.set(NOW)


def _figures(html: str) -> dict[str, str]:
    return dict(re.findall(r'data-figure="([^"]+)">.*?data-value="([^"]*)"', html, re.S))


def _table_rows(html: str, table_id: str) -> list[list[str]]:
    table = html[html.index(f'id="{table_id}"'):]
    table = table[:table.index("</table>")]
    body = table[table.index("<tbody"):]
    return [re.findall(r"<t[hd][^>]*>([^<]*)</t[hd]>", row)
            for row in re.findall(r"<tr[^>]*>(.*?)</tr>", body, re.S)]


def test_figures_show_twelve_months_as_charts_with_tables_that_agree(make_client, april):
    html = make_client("manager@example.org").get("/figures?month=2026-04").get_data(
        as_text=True)
    assert html.count('role="img"') == 2
    assert 'id="trend-missing-title"' in html and 'id="trend-rhi-desc"' in html
    assert "<script" not in html[html.index('id="trend-heading"'):].split("</main>")[0]
    missing = _table_rows(html, "trend-1-table")
    rhi = _table_rows(html, "trend-2-table")
    assert len(missing) == len(rhi) == 12
    assert missing[0][0] == "May 2025" and missing[-1][0] == "Apr 2026"
    month = _figures(html)
    assert missing[-1][1:] == [month["missing.episodes"], month["missing.children"]]
    assert rhi[-1][1:] == [month["rhi.required"], month["rhi.held_on_time"]]
    # An earlier month's row agrees with that month's own page.
    march = _figures(make_client("manager@example.org").get("/figures?month=2026-03")
                     .get_data(as_text=True))
    assert missing[-2][1:] == [march["missing.episodes"], march["missing.children"]]
    assert rhi[-2][1:] == [march["rhi.required"], march["rhi.held_on_time"]]
    # The column chart draws a column per month and series, each with its number.
    assert len(re.findall(r"<rect [^>]*><title>[^<]*Episodes that began: \d+</title>", html)) == 12
