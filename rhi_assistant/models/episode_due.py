"""What the protocol said about a found episode, kept so a long list need not ask it again.

The protocol engine is the only judge of deadlines; asking it for every open
episode on every page view made the Episodes page grow by about 10 ms a child.
Once a child is found, the engine's answer no longer depends on the clock (it
measures the episode up to `found`), so it can be kept: the deadlines, and the
soonest thing still to do. Whether that is overdue is then `next_due_at < now`
in SQL. A row is deleted whenever anything it was worked out from changes (see
`services.episode_due`), and worked out again when next needed. Episodes whose
child is still missing are never kept: their answer changes as time passes.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, delete, event, or_, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from rhi_assistant.extensions import Model
from rhi_assistant.models._common import UTCDateTime, utcnow


class EpisodeDue(Model):
    """One found episode's deadlines as the protocol engine gave them (a cache, never typed)."""

    __tablename__ = "episode_due"

    episode_id: Mapped[int] = mapped_column(
        ForeignKey("episode.id", ondelete="CASCADE"), primary_key=True)
    #: The protocol profile (name and content fingerprint) it was worked out with.
    profile: Mapped[str] = mapped_column(String(120))
    #: False when the protocol cannot be applied (no date of birth).
    assessed: Mapped[bool] = mapped_column(default=False)
    rhi_required: Mapped[bool] = mapped_column(default=False)
    #: "due" (due or overdue, by the clock), "held", "refused", "not_required", "unknown".
    rhi_state: Mapped[str] = mapped_column(String(20))
    rhi_due_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    safe_and_well_due_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    #: The soonest deadline of anything not yet done; None when nothing is left with a time.
    next_due_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    computed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


#: Tables whose rows carry an `episode_id` and change what the protocol or the list says.
_EPISODE_FACTS = frozenset({"rhi_offer", "rhi_refusal", "interview", "protocol_action_record"})


def _changed(session: Session) -> tuple[set[int], set[int], set[int]]:
    """Episode, child and team ids touched by the flush that is ending."""
    episodes: set[int] = set()
    children: set[int] = set()
    teams: set[int] = set()
    for obj in (*session.new, *session.dirty, *session.deleted):
        table = getattr(obj, "__tablename__", None)
        if table == "episode":
            # Earlier episodes count in a later one's evaluation: redo the child's.
            children.add(obj.child_id)
            episodes.add(obj.id)
        elif table == "child":
            children.add(obj.id)
        elif table == "team" and obj not in session.new:
            teams.add(obj.id)
        elif table in _EPISODE_FACTS:
            episodes.add(obj.episode_id)
    episodes.discard(None)
    children.discard(None)
    return episodes, children, teams


@event.listens_for(Session, "after_flush")
def _forget_what_changed(session: Session, _context) -> None:
    """Any write through the ORM that could change an episode's deadlines drops its row.

    Listening on every flush, rather than calling a refresh from each page that records
    something, keeps the rows right whichever page, import or command writes."""
    episodes, children, teams = _changed(session)
    if not (episodes or children or teams):
        return
    from rhi_assistant.models.cases import Child, Episode

    conditions = []
    if episodes:
        conditions.append(EpisodeDue.episode_id.in_(episodes))
    if children:
        conditions.append(EpisodeDue.episode_id.in_(
            select(Episode.id).where(Episode.child_id.in_(children))))
    if teams:
        conditions.append(EpisodeDue.episode_id.in_(
            select(Episode.id).join(Child, Episode.child_id == Child.id)
            .where(Child.team_id.in_(teams))))
    session.connection().execute(delete(EpisodeDue).where(or_(*conditions)))


def _episode_indexes() -> None:
    """Indexes the lists and the month's figures filter on (found in a month, began in one)."""
    from rhi_assistant.models.cases import Episode

    Index("ix_episode_found", Episode.found)
    Index("ix_episode_last_seen", Episode.last_seen)


_episode_indexes()
