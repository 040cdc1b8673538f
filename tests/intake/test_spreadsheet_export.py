"""Formula text stays inert in every CSV the app writes (OWASP "CSV injection")."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest

from rhi_assistant.reports.spreadsheet import csv_text, inert


@pytest.mark.parametrize("text", ['=HYPERLINK("http://example.com","x")', "+44 7700 900999",
                                  "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"])
def test_formula_text_gets_a_quote_and_reads_back_exactly(text: str) -> None:
    assert inert(text) == "'" + text
    (row,) = csv.reader(io.StringIO(csv_text([[text, 3, -1, "plain"]]), newline=""))
    assert row == ["'" + text, "3", "-1", "plain"]


def test_every_csv_writer_in_the_app_goes_through_the_helper() -> None:
    package = Path(__file__).resolve().parents[2] / "rhi_assistant"
    writers = [path for path in package.rglob("*.py")
               if re.search(r"csv\.(writer|DictWriter)\(", path.read_text(encoding="utf-8"))]
    assert writers == [package / "reports" / "spreadsheet.py"]
