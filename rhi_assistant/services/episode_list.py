"""The team's open episodes, a page at a time, most urgent first, without asking the protocol
engine about every episode on every view.

Children still missing are evaluated live (their deadlines move with the clock, and a team
has few of them at any moment). Found episodes are sorted on the soonest deadline kept in
`EpisodeDue` (`services.episode_due`), read as light rows; only the page shown is loaded
and evaluated in full. The order
is the one `EpisodeStatus.urgency` defines: missing at high risk, then overdue, then other
missing, then the soonest deadline, then the rest.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import exists, not_, or_, select

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


def _light_rows(team_id: int):
    """One row per open episode of the team, with only what sorting and counting need."""
    return db.session.execute(
        select(Episode.id, Episode.child_id, Episode.found, Episode.police_risk,
               EpisodeDue.next_due_at, EpisodeDue.profile, EpisodeDue.computed_at)
        .join(Child, Episode.child_id == Child.id)
        .outerjoin(EpisodeDue, EpisodeDue.episode_id == Episode.id)
        .where(Child.team_id == team_id, open_condition())).all()


def team_page(team_id: int, now: datetime, *, page: int = 1, per_page: int = PER_PAGE,
              show: str = "open", risk: str | None = None,
              child_ids: set[int] | None = None) -> EpisodePage:
    """One page of the team's open episodes, most urgent first, narrowed as asked.

    `child_ids` (a name search's answer) keeps only those children's episodes. The team's
    open episodes are read once as light rows (ids, police risk, kept soonest deadline);
    only the episodes still missing and the page shown are loaded and evaluated in full."""
    profile = service.team_profile(team_id)
    key = episode_due.profile_key(profile)
    rows = _light_rows(team_id)
    stale = [r.id for r in rows if r.found is not None and r.profile != key]
    old = sorted((r.computed_at, r.id) for r in rows if r.found is not None
                 and r.profile == key and r.computed_at < now - episode_due.RECHECK_AFTER)
    stale += [eid for _at, eid in old[:episode_due.RECHECK_PER_VIEW]]
    if stale:  # changed since last seen, new, or long kept: worked out again
        episode_due.refresh(stale, profile, now)
        rows = _light_rows(team_id)

    # Still missing: few, and their answer moves with the clock, so evaluated now.
    missing_ids = [r.id for r in rows if r.found is None]
    missing_all = service.statuses_for(list(db.session.scalars(service.with_related(
        select(Episode).where(Episode.id.in_(missing_ids))))), now, profile) \
        if missing_ids else []
    found = [r for r in rows if r.found is not None]

    def wanted(risk_code: str | None, child_id: int) -> bool:
        return (risk is None or risk_code == risk) and (child_ids is None
                                                         or child_id in child_ids)

    keyed: list[tuple[tuple, int]] = []
    if show in ("open", "missing", "overdue"):
        keyed += [(r.urgency(), r.episode.id) for r in missing_all
                  if wanted(r.episode.police_risk, r.child.id)
                  and (show != "overdue" or r.overdue)]
    if show in ("open", "overdue", "found"):
        for r in found:
            rank = _rank(r.next_due_at, now)
            if wanted(r.police_risk, r.child_id) and (show != "overdue" or rank == 1):
                keyed.append(((rank, r.next_due_at or _FAR, r.id), r.id))
    keyed.sort(key=lambda k: k[0])

    matching = len(keyed)
    pages = max(1, math.ceil(matching / per_page))
    page = min(max(1, page), pages)
    shown = [eid for _key, eid in keyed[(page - 1) * per_page:page * per_page]]

    live = {r.episode.id: r for r in missing_all}
    found_shown = [eid for eid in shown if eid not in live]
    if found_shown:
        episodes = db.session.scalars(service.with_related(
            select(Episode).where(Episode.id.in_(found_shown))))
        live.update({r.episode.id: r for r in service.statuses_for(list(episodes), now,
                                                                   profile)})
    return EpisodePage(
        rows=[live[eid] for eid in shown], matching=matching, page=page, pages=pages,
        per_page=per_page, missing=len(missing_all), found_open=len(found),
        overdue=sum(1 for r in missing_all if r.overdue)
        + sum(1 for r in found if _rank(r.next_due_at, now) == 1),
    )


def _rank(next_due: datetime | None, now: datetime) -> int:
    """The urgency category of a found episode from its kept soonest deadline (1, 3 or 4),
    as `EpisodeStatus.urgency` gives it."""
    if next_due is None:
        return 4
    return 1 if next_due < now else 3
