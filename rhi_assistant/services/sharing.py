"""Share a child's case with another team, with a reason, and revoke it.

A share gives the other team what the access levels allow a shared case (summaries, and
the police safe and well check for officers); nothing more. Each share and revocation is
audited by the caller; the row keeps who shared, why, and who revoked and when.
"""

from __future__ import annotations

from datetime import datetime

from rhi_assistant.extensions import db
from rhi_assistant.models import CaseShare, Child, Team


def teams_to_share_with(child: Child) -> list[Team]:
    """Every team but the owner's, by name."""
    return list(db.session.scalars(
        db.select(Team).where(Team.id != child.team_id).order_by(Team.name)))


def shares(child: Child) -> list[CaseShare]:
    """The child's shares, active first, then revoked, newest first within each."""
    rows = db.session.scalars(db.select(CaseShare).filter_by(child_id=child.id)).all()
    return sorted(rows, key=lambda s: (not s.active, -(s.id or 0)))


def share(child: Child, team_id: int, reason: str, by_id: int, when: datetime) -> CaseShare:
    """Share the case with a team; a revoked share with it is reopened. Committed."""
    row = db.session.scalar(db.select(CaseShare).filter_by(child_id=child.id, team_id=team_id))
    if row is None:
        row = CaseShare(child_id=child.id, team_id=team_id)
        db.session.add(row)
    row.reason = reason.strip()
    row.shared_by_id = by_id
    row.created_at = when
    row.revoked_at = None
    row.revoked_by_id = None
    db.session.commit()
    return row


def revoke(row: CaseShare, by_id: int, when: datetime) -> None:
    """The team no longer sees the case; committed."""
    row.revoked_at = when
    row.revoked_by_id = by_id
    db.session.commit()
