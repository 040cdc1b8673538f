"""Children recorded by the team: possible matches before a new one is saved, and saving.

Names are encrypted at rest, so candidates are found by date of birth (stored in the clear)
and their names decrypted here, in Python, for the name rules of
``rhi_assistant.intake.names`` (the same rules the police notification import uses). Only
the team's own children are candidates: a user is never shown a child they may not see.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from rhi_assistant.extensions import db
from rhi_assistant.intake.names import ChildMatch, row_matches_child
from rhi_assistant.models import Child, Team
from rhi_assistant.models._common import set_fields
from rhi_assistant.models.cases import date_of_birth_digest


@dataclass(frozen=True)
class PossibleMatch:
    """A recorded child who may be the one being recorded, and why."""

    child: Child
    why: ChildMatch


def possible_matches(team_id: int, first: str, last: str, preferred: str | None,
                     date_of_birth: date | None, exclude_id: int | None = None
                     ) -> list[PossibleMatch]:
    """The team's children born the same day whose names match (twins with different given
    names never do: the name rules never match given names by spelling)."""
    if date_of_birth is None:
        return []
    query = db.select(Child).filter_by(team_id=team_id,
                                       date_of_birth_index=date_of_birth_digest(date_of_birth))
    if exclude_id is not None:
        query = query.where(Child.id != exclude_id)
    found = []
    for child in db.session.scalars(query.order_by(Child.id)):
        why = row_matches_child(first, last, preferred, child.first_name, child.last_name,
                                child.preferred_name)
        if why is not None:
            found.append(PossibleMatch(child, why))
    return found


def new_reference(team: Team) -> str:
    """A short case reference: the team's initials and the next free number (NSMCT-1001)."""
    initials = "".join(w[0] for w in re.findall(r"[A-Za-z]+", team.name) if w[0].isupper())
    prefix = (initials or "C")[:6]
    number = 1001 + (db.session.scalar(
        db.select(db.func.count(Child.id)).filter_by(team_id=team.id)) or 0)
    while db.session.scalar(db.select(Child.id).filter_by(reference=f"{prefix}-{number}")):
        number += 1
    return f"{prefix}-{number}"


def apply_details(child: Child, values: Mapping[str, Any]) -> list[str]:
    """Set the child's fields; the names of those that changed, for the audit trail."""
    return set_fields(child, values)


def record_child(team: Team, details: Mapping[str, Any]) -> Child:
    """A new child in the team's caseload; committed."""
    child = Child(team_id=team.id, reference=new_reference(team))
    apply_details(child, details)
    db.session.add(child)
    db.session.commit()
    return child
