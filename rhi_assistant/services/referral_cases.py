"""A young person's request for help becomes a case: assigned to someone who follows it up,
noted as it goes, linked to a child, and closed with an outcome, so no request is left
without one.

Who may read which request is web.access.referral_or_404's business.
"""

from __future__ import annotations

from datetime import datetime

from rhi_assistant.extensions import db
from rhi_assistant.models import Child, Referral, ReferralNote, User


def link(referral: Referral, child: Child) -> None:
    """The request is about this child; committed."""
    referral.child_id = child.id
    db.session.commit()


def record_outcome(referral: Referral, outcome: str, note: str | None, by_id: int,
                   when: datetime) -> None:
    """What was done about the request; committed. Recording again corrects it."""
    referral.outcome = outcome
    referral.outcome_note = (note or "").strip() or None
    referral.outcome_by_id = by_id
    referral.outcome_at = when
    db.session.commit()


def who_can_follow_up(team_id: int | None) -> list[User]:
    """The active managers and RHI workers of the team a request may be assigned to."""
    query = db.select(User).where(User.active.is_(True),
                                  User.role.in_(("manager", "rhi_worker")))
    if team_id is not None:
        query = query.where(User.team_id == team_id)
    return list(db.session.scalars(query.order_by(User.name)))


def assign(referral: Referral, user: User, when: datetime) -> None:
    """`user` follows the request up from now on; committed."""
    referral.assigned_to_id = user.id
    referral.assigned_at = when
    db.session.commit()


def add_note(referral: Referral, text: str, by_id: int, when: datetime) -> ReferralNote:
    """A note on what was done or learnt while following the request up; committed."""
    note = ReferralNote(referral_id=referral.id, author_id=by_id, written_at=when,
                        text=text.strip())
    db.session.add(note)
    db.session.commit()
    return note
