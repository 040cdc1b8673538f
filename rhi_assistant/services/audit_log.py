"""Reading the audit trail: who opened or exported which child's record, and when.

Why: audit events were written but nobody could read them, so a look at a record nobody
should have opened went unseen. Least privilege decides the scope before any filter: a
manager reads their own team's events (done by the team's staff, or about the team's
children); an admin, who looks after accounts and sees no child's record, reads every event
but is shown a child only by reference. Filters narrow that scope; they never widen it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import Select, func, select
from sqlalchemy.orm import aliased

from rhi_assistant.extensions import db
from rhi_assistant.intake.references import reference_key
from rhi_assistant.models import AuditEvent, Child, User

PER_PAGE = 100


@dataclass(frozen=True)
class Filters:
    user_id: int | None = None
    child_reference: str | None = None
    action: str | None = None
    since: date | None = None
    until: date | None = None  # included

    def detail(self) -> str:
        """The filters as codes for the audit event of reading the log (no free text)."""
        parts = [f"{name}={value}" for name, value in (
            ("user", self.user_id), ("child", self.child_reference), ("action", self.action),
            ("from", self.since), ("to", self.until)) if value]
        return " ".join(parts)[:200]


def scope(team_id: int | None, everything: bool) -> Select:
    """Events the reader may see: everything (an admin), or their team's (a manager)."""
    actor = aliased(User)
    query = (select(AuditEvent).outerjoin(actor, AuditEvent.user_id == actor.id)
             .outerjoin(Child, AuditEvent.child_id == Child.id))
    if not everything:
        query = query.where(db.or_(actor.team_id == team_id, Child.team_id == team_id))
    return query


def filtered(query: Select, filters: Filters, zone: ZoneInfo) -> Select:
    if filters.user_id:
        query = query.where(AuditEvent.user_id == filters.user_id)
    if filters.child_reference:
        # Compared as references are (case and spaces ignored); Child is joined by `scope`.
        wanted = reference_key(filters.child_reference) or ""
        query = query.where(func.upper(func.replace(Child.reference, " ", "")) == wanted)
    if filters.action:
        query = query.where(AuditEvent.action == filters.action)
    if filters.since:
        query = query.where(AuditEvent.at >= datetime.combine(filters.since, time(), zone))
    if filters.until:
        end = datetime.combine(filters.until + timedelta(days=1), time(), zone)
        query = query.where(AuditEvent.at < end)
    return query


@dataclass(frozen=True)
class EventPage:
    events: list[AuditEvent]
    total: int
    page: int
    pages: int


def page_of(query: Select, page: int | None, per_page: int = PER_PAGE) -> EventPage:
    """Newest first, `per_page` at a time."""
    total = db.session.scalar(select(func.count()).select_from(query.subquery())) or 0
    pages = max(1, math.ceil(total / per_page))
    page = min(max(1, page or 1), pages)
    events = list(db.session.scalars(query.order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
                                     .limit(per_page).offset((page - 1) * per_page)))
    return EventPage(events, total, page, pages)


def all_of(query: Select) -> list[AuditEvent]:
    """Every event the query finds, newest first (the CSV)."""
    return list(db.session.scalars(query.order_by(AuditEvent.at.desc(), AuditEvent.id.desc())))


def actions(query: Select) -> list[str]:
    """The kinds of event in the reader's scope, for the filter's choices."""
    sub = query.with_only_columns(AuditEvent.action).distinct().subquery()
    return sorted(db.session.scalars(select(sub.c.action)))


def users(team_id: int | None, everything: bool) -> list[User]:
    query = select(User).order_by(User.name)
    if not everything:
        query = query.where(User.team_id == team_id)
    return list(db.session.scalars(query))
