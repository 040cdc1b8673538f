"""The police officer's own work: the safe and well checks due on the cases they may run.

An officer's team rarely owns a child's case: the council's RHI team shares it with
them (`services.sharing`). So the checks due are those of found episodes of children
their team owns or has an active share of, not yet marked done, soonest deadline
first. Each deadline is the one the check's own page shows
(`interviews.safe_and_well_deadline`, by the owning team's protocol profile), so the
list and the check never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import or_, select

from rhi_assistant.extensions import db
from rhi_assistant.models import CaseShare, Child, Episode, Interview
from rhi_assistant.services import episodes as episode_service
from rhi_assistant.services.episode_list import open_condition
from rhi_assistant.services.interviews import SafeAndWellDeadline, safe_and_well_deadline


@dataclass(frozen=True)
class CheckDue:
    """One safe and well check still to do (or to finish), with its deadline."""

    episode: Episode
    child: Child
    deadline: SafeAndWellDeadline
    #: A check already started on this episode and not yet marked done, if any.
    started: Interview | None
    #: True when the case is shared with the officer's team (not owned by it).
    shared: bool
    now: datetime

    @property
    def due(self) -> datetime:
        assert self.deadline.due is not None  # only found episodes are listed
        return self.deadline.due

    @property
    def overdue(self) -> bool:
        return self.deadline.overdue

    @property
    def time_left(self) -> timedelta:
        """Until the deadline (zero once it has passed: `deadline.late_by` says by how much)."""
        return max(timedelta(0), self.due - self.now)


def visible_children(team_id: int):
    """A select of the ids of children the team owns or has an active share of."""
    shared = select(CaseShare.child_id).where(CaseShare.team_id == team_id,
                                             CaseShare.revoked_at.is_(None))
    return select(Child.id).where(or_(Child.team_id == team_id, Child.id.in_(shared)))


def checks_due(team_id: int, now: datetime) -> list[CheckDue]:
    """Safe and well checks not yet done on the team's and shared open found episodes,
    soonest deadline first (the most overdue at the top)."""
    episodes = db.session.scalars(episode_service.with_related(
        select(Episode).where(Episode.child_id.in_(visible_children(team_id)),
                              Episode.found.is_not(None), open_condition()))).all()
    profiles: dict[int | None, str] = {}
    rows: list[CheckDue] = []
    for episode in episodes:
        checks = [iv for iv in episode.interviews if iv.kind == "safe_and_well"]
        if any(iv.completed_at is not None for iv in checks):
            continue
        child = episode.child
        if child.team_id not in profiles:
            profiles[child.team_id] = episode_service.team_profile(child.team_id)
        deadline = safe_and_well_deadline(episode, None, now, profiles[child.team_id])
        started = max(checks, key=lambda iv: (iv.created_at, iv.id)) if checks else None
        rows.append(CheckDue(episode=episode, child=child, deadline=deadline, started=started,
                             shared=child.team_id != team_id, now=now))
    return sorted(rows, key=lambda r: (r.due, r.episode.id))
