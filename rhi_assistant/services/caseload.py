"""Moving a council's existing caseload in: its children, one JSON object a line.

Every line becomes its own child. Nothing is matched or merged here: the council's list
is the record (twins, and children it has recorded twice, stay as given), and a line that
cannot be read refuses the whole file so a half-loaded caseload is never mistaken for all
of it. Later police notifications are matched against these children (services/intake.py).
"""

from __future__ import annotations

import json
from datetime import date

from sqlalchemy import Boolean, Date, inspect, select

from rhi_assistant.crypto import EncryptedBool, EncryptedDate
from rhi_assistant.extensions import db
from rhi_assistant.intake.notifications import parse_date
from rhi_assistant.models import Child, Team
from rhi_assistant.services.intake import new_child_reference

#: Columns the app sets itself, never taken from a line.
_NOT_GIVEN = {"id", "team_id", "created_at", "date_of_birth_index"}
_REQUIRED = ("first_name", "last_name", "date_of_birth")
_YES_NO = {"yes": True, "y": True, "true": True, "no": False, "n": False, "false": False}


class CaseloadError(ValueError):
    """A line cannot be recorded; nothing from the file is."""


def _columns() -> dict[str, object]:
    return {c.key: c.type for c in inspect(Child).columns if c.key not in _NOT_GIVEN}


def _value(name: str, kind: object, raw: object, number: int) -> object:
    if raw is None or raw == "":
        return None
    if isinstance(kind, Date | EncryptedDate):
        parsed = parse_date(str(raw).strip())
        if parsed is None:
            raise CaseloadError(f"line {number}: {name} {raw!r} is not a date (yyyy-mm-dd)")
        return parsed
    if isinstance(kind, Boolean | EncryptedBool):
        if isinstance(raw, bool):
            return raw
        flag = _YES_NO.get(str(raw).strip().casefold())
        if flag is None:
            raise CaseloadError(f"line {number}: {name} {raw!r} is not yes or no")
        return flag
    if not isinstance(raw, str | int | float):
        raise CaseloadError(f"line {number}: {name} is not text")
    return str(raw).strip()


def read_children(lines: list[str]) -> tuple[list[dict[str, object]], set[str]]:
    """Each line's child fields, checked; and the keys no child field has (ignored)."""
    columns = _columns()
    children: list[dict[str, object]] = []
    ignored: set[str] = set()
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except ValueError as exc:
            raise CaseloadError(f"line {number} is not JSON: {exc}") from exc
        if not isinstance(obj, dict):
            raise CaseloadError(f"line {number} is not a JSON object")
        values: dict[str, object] = {}
        for key, raw in obj.items():
            if key not in columns:
                ignored.add(key)
                continue
            values[key] = _value(key, columns[key], raw, number)
        for name in _REQUIRED:
            if not values.get(name):
                raise CaseloadError(f"line {number} has no {name}")
        children.append(values)
    return children, ignored


def import_children(team: Team, children: list[dict[str, object]]) -> int:
    """Record each child in `team` (flushed; the caller commits)."""
    taken: set[str] = set()
    for values in children:
        reference = values.pop("reference", None)
        if reference is not None:
            reference = str(reference)
            if reference in taken or db.session.scalar(
                    select(Child.id).filter_by(reference=reference)) is not None:
                raise CaseloadError(f"a child with the reference {reference} is recorded")
            taken.add(reference)
        born = values["date_of_birth"]
        assert isinstance(born, date)
        db.session.add(Child(team_id=team.id, reference=reference or new_child_reference(),
                             **values))
        db.session.flush()
    return len(children)
