"""CSV for spreadsheets, with text that can never run as a formula.

A spreadsheet runs a cell beginning with `=`, `+`, `-`, `@`, a tab or a carriage return as
a formula (OWASP "CSV injection"): a police notification's `=HYPERLINK(...)` typed into a
"where found" box would become a live link in a manager's export. Every CSV the app writes
goes through here: such text gets a single quote in front, so the spreadsheet shows it as
text, exactly as typed. Numbers are written as numbers.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def inert(value: object) -> object:
    """The value as a spreadsheet should show it: formula text behind a `'`."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_text(rows: Iterable[Iterable[object]]) -> str:
    """Rows as CSV text (CRLF, as spreadsheets expect), every text cell made inert."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    for row in rows:
        writer.writerow([inert(value) for value in row])
    return out.getvalue()
