"""What every stored column is: identifying, sensitive or operational (column_classes.csv).

One table, read by the test that keeps it whole (tests/records/test_stored_in_clear.py)
and summed up in the README's "What is encrypted at rest". A column
that identifies a child (or a person) or says what a child lives through or was assessed
for is encrypted (crypto.Encrypted*); one that stays plain says why in ``plain_because``
(a blind index, a time the caseload selects by range in SQL, a staff account's
sign-in address). Operational columns (ids, workflow codes, when a row was written) say
nothing about a child on their own.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

TABLE = Path(__file__).with_name("column_classes.csv")
IDENTIFYING = "identifying"
SENSITIVE = "sensitive"
OPERATIONAL = "operational"
CLASSES = (IDENTIFYING, SENSITIVE, OPERATIONAL)


@dataclass(frozen=True)
class ColumnClass:
    table: str
    column: str
    kind: str
    #: Why an identifying or sensitive column is stored in clear; empty if it is encrypted.
    plain_because: str

    @property
    def private(self) -> bool:
        return self.kind in (IDENTIFYING, SENSITIVE)


@cache
def column_classes() -> dict[tuple[str, str], ColumnClass]:
    """(table, column) -> its class, as the CSV says."""
    with TABLE.open(newline="", encoding="utf-8") as handle:
        rows = [ColumnClass(r["table"], r["column"], r["class"], r["plain_because"].strip())
                for r in csv.DictReader(handle)]
    return {(r.table, r.column): r for r in rows}
