"""The team's open episodes, a page at a time, most urgent first, without asking the protocol
engine about every episode on every view.

Children still missing are evaluated live (their deadlines move with the clock, and a team
has few of them at any moment). Found episodes are sorted in SQL on the deadlines kept in
`EpisodeDue` (`services.episode_due`); only the page shown is evaluated in full. The order
is the one `EpisodeStatus.urgency` defines: missing at high risk, then overdue, then other
missing, then the soonest deadline, then the rest.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import case, exists, func, not_, or_, select

from rhi_assistant.extensions import db
from rhi_assistant.models import Child, Episode, EpisodeDue, EpisodeOutcome
from rhi_assistant.services import episode_due
from rhi_assistant.services import episodes as service

PER_PAGE = 25
#: What the list can be narrowed to (besides police risk and a name search).
SHOW = ("open", "missing", "overdue", "found")
_FAR = datetime.max.replace(tzinfo=UTC)


@dataclass
class EpisodePage:
    rows: list[service.EpisodeStatus]
    #: Episodes matching the filters, on every page.
    matching: int
    page: int
    pages: int
    per_page: int
    #: The team's open episodes, whatever the filters: still missing, found, overdue.
    missing: int
    found_open: int
    overdue: int

    @property
    def first(self) -> int:
        return (self.page - 1) * self.per_page + 1 if self.rows else 0

    @property
    def last(self) -> int:
        return self.first + len(self.rows) - 1 if self.rows else 0


def open_condition():
    """Listed until a manager authorises the episode's outcomes (as `episodes.is_open`)."""
    authorised = exists().where(EpisodeOutcome.episode_id == Episode.id,
                                EpisodeOutcome.authorised_at.is_not(None))
    return or_(Episode.found.is_(None), not_(authorised))


def _team_open(team_id: int, risk: str | None, child_ids: set[int] | None):
    query = (select(Episode.id).join(Child, Episode.child_id == Child.id)
             .where(Child.team_id == team_id, open_condition()))
    if risk:
        query = query.where(Episode.police_risk == risk)
    if child_ids is not None:
        query = query.where(Episode.child_id.in_(child_ids))
    return query


def _found_rank(now: datetime):
    """The urgency category of a found episode from its kept soonest deadline (1, 3 or 4)."""
    return case((EpisodeDue.next_due_at < now, 1),
                (EpisodeDue.next_due_at.is_not(None), 3), else_=4)


def team_page(team_id: int, now: datetime, *, page: int = 1, per_page: int = PER_PAGE,
              show: str = "open", risk: str | None = None,
              child_ids: set[int] | None = None) -> EpisodePage:
    """One page of the team's open episodes, most urgent first, narrowed as asked.

    `child_ids` (a name search's answer) keeps only those children's episodes."""
    profile = service.team_profile(team_id)
    everyone = _team_open(team_id, None, None)
    narrowed = _team_open(team_id, risk, child_ids)

    # Still missing: few, and their answer moves with the clock, so evaluated now.
    missing_all = service.statuses_for(list(db.session.scalars(service.with_related(
        select(Episode).where(Episode.id.in_(everyone.where(Episode.found.is_(None))))))),
        now, profile)
    # Found: the kept deadlines, worked out again only where something changed.
    episode_due.ensure_fresh(everyone, profile, now)
    found_ids = everyone.where(Episode.found.is_not(None))
    found_open = db.session.scalar(select(func.count()).select_from(found_ids.subquery()))
    found_overdue = db.session.scalar(
        select(func.count()).select_from(EpisodeDue)
        .where(EpisodeDue.episode_id.in_(found_ids), EpisodeDue.next_due_at < now))

    wanted = set(db.session.scalars(narrowed.where(Episode.found.is_(None))))
    missing = [r for r in missing_all if r.episode.id in wanted
               and (show in ("open", "missing") or (show == "overdue" and r.overdue))]
    keyed: list[tuple[tuple, int]] = [(r.urgency(), r.episode.id) for r in missing]
    found_query = None
    found_matching = 0
    if show in ("open", "overdue", "found"):
        found_query = (select(Episode.id, EpisodeDue.next_due_at)
                       .join(EpisodeDue, EpisodeDue.episode_id == Episode.id)
                       .where(Episode.id.in_(narrowed.where(Episode.found.is_not(None)))))
        if show == "overdue":
            found_query = found_query.where(EpisodeDue.next_due_at < now)
        found_matching = db.session.scalar(
            select(func.count()).select_from(found_query.subquery()))

    matching = len(missing) + found_matching
    pages = max(1, math.ceil(matching / per_page))
    page = min(max(1, page), pages)
    offset = (page - 1) * per_page
    if found_query is not None:
        # Only as many found episodes as could reach this page, in urgency order.
        ordered = found_query.order_by(_found_rank(now), EpisodeDue.next_due_at, Episode.id)
        for eid, due in db.session.execute(ordered.limit(offset + per_page)):
            rank = 1 if due is not None and due < now else 3 if due is not None else 4
            keyed.append(((rank, due or _FAR, eid), eid))
    keyed.sort(key=lambda k: k[0])
    shown = [eid for _key, eid in keyed[offset:offset + per_page]]

    live = {r.episode.id: r for r in missing}
    found_shown = [eid for eid in shown if eid not in live]
    if found_shown:
        episodes = db.session.scalars(service.with_related(
            select(Episode).where(Episode.id.in_(found_shown))))
        live.update({r.episode.id: r for r in service.statuses_for(list(episodes), now,
                                                                   profile)})
    return EpisodePage(
        rows=[live[eid] for eid in shown], matching=matching, page=page, pages=pages,
        per_page=per_page, missing=len(missing_all), found_open=found_open or 0,
        overdue=sum(1 for r in missing_all if r.overdue) + (found_overdue or 0),
    )

