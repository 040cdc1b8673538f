"""A young person's request for help becomes a case: linked to a child, and closed with an
outcome, so no request is left without one.

Who may read which request is web.access.referral_or_404's business.
"""

from __future__ import annotations

from datetime import datetime

from rhi_assistant.extensions import db
from rhi_assistant.models import Child, Referral


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
