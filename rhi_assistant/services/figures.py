"""A team's monthly figures, counted: plain dataclasses in, no Flask views, no names.

Every function takes a team id and a calendar `Month` (UK time) and returns
aggregate counts only. Deadlines and RHI states come from the episode service
(`episodes.build_status`, which asks the protocol engine, kept per found episode
in `EpisodeDue`), so a figure here always agrees with the team's episode list;
nothing is re-decided. Each figure is a few queries over the month's rows only.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import func

from rhi_assistant import vocabulary
from rhi_assistant.extensions import db
from rhi_assistant.models import (
    Answer,
    Child,
    Episode,
    EpisodeDue,
    Interview,
    Refusal,
    SerafAssessment,
    Suggestion,
)
from rhi_assistant.models.offers import REFUSAL_REASONS
from rhi_assistant.protocol import load_profile
from rhi_assistant.protocol.timeutil import DEFAULT_TIMEZONE, zone
from rhi_assistant.seraf.score import CATEGORIES
from rhi_assistant.services import episode_due
from rhi_assistant.services import episodes as service
from rhi_assistant.vocabulary import CONFIRMED_STATUSES, Assertion

#: Children with this many episodes or more in the month count as "repeat missing" this month.
REPEAT_IN_MONTH = 2
#: ... and with this many or more in the REPEAT_WINDOW_DAYS up to the month's end.
REPEAT_IN_WINDOW = 3
REPEAT_WINDOW_DAYS = 90
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


@dataclass(frozen=True, order=True)
class Month:
    """A calendar month on a wall clock: the team's protocol profile's time zone."""

    year: int
    month: int
    tz: str = field(default=DEFAULT_TIMEZONE, compare=False)

    def __post_init__(self) -> None:
        if not 1 <= self.month <= 12 or not 2000 <= self.year <= 2999:
            raise ValueError("not a month")

    @classmethod
    def of(cls, moment: datetime, tz: str = DEFAULT_TIMEZONE) -> Month:
        local = moment.astimezone(zone(tz))
        return cls(local.year, local.month, tz)

    @classmethod
    def parse(cls, text: str | None, tz: str = DEFAULT_TIMEZONE) -> Month | None:
        """`2026-04` -> Month(2026, 4); anything else -> None."""
        match = _MONTH.match((text or "").strip())
        if not match:
            return None
        year, month = int(match.group(1)), int(match.group(2))
        if not 2000 <= year <= 2100 or not 1 <= month <= 12:
            return None
        return cls(year, month, tz)

    @property
    def code(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    @property
    def first_day(self) -> date:
        return date(self.year, self.month, 1)

    @property
    def start(self) -> datetime:
        """Midnight at the start of the 1st, local time (in the UK GMT or BST as it was then)."""
        return datetime(self.year, self.month, 1, tzinfo=zone(self.tz))

    @property
    def end(self) -> datetime:
        """Midnight at the start of the next month, local time: the end, not included."""
        return self.next().start

    def previous(self) -> Month:
        if self.month == 1:
            return Month(self.year - 1, 12, self.tz)
        return Month(self.year, self.month - 1, self.tz)

    def next(self) -> Month:
        if self.month == 12:
            return Month(self.year + 1, 1, self.tz)
        return Month(self.year, self.month + 1, self.tz)

    def contains(self, moment: datetime | None) -> bool:
        return moment is not None and self.start <= moment < self.end


@dataclass(frozen=True)
class MissingFigures:
    episodes: int
    children: int
    children_two_or_more_in_month: int
    children_three_or_more_in_90_days: int


@dataclass(frozen=True)
class RhiFigures:
    """Episodes found in the month where the protocol says an RHI must be offered."""

    required: int
    held_on_time: int
    held_late: int
    refused: int
    refused_by_reason: dict[str, int]
    in_time: int
    overdue: int
    #: Found in the month, but the protocol cannot be applied (no date of birth recorded).
    not_assessed: int
    #: Hours after being found that the team's protocol gives for the RHI.
    due_hours: float

    @property
    def on_time_share(self) -> float | None:
        """Held by the due time, of those held or overdue; None when there are none."""
        decided = self.held_on_time + self.held_late + self.overdue
        return self.held_on_time / decided if decided else None


@dataclass(frozen=True)
class SafeAndWellFigures:
    due: int
    on_time: int
    late: int
    not_recorded: int


@dataclass(frozen=True)
class ConcernFigures:
    rhis_held: int
    #: Concern code (`vocabulary.Concern`) -> children with one confirmed.
    children_by_concern: dict[str, int]


@dataclass(frozen=True)
class SerafFigures:
    signed_off: int
    #: SERAF category (1-4, or None when there is none) -> assessments signed off.
    by_category: dict[int | None, int]


@dataclass(frozen=True)
class MonthFigures:
    month: Month
    missing: MissingFigures
    rhi: RhiFigures
    safe_and_well: SafeAndWellFigures
    concerns: ConcernFigures
    seraf: SerafFigures
    checked_at: datetime


def missing_figures(team_id: int, month: Month) -> MissingFigures:
    """Episodes that began (child last seen) in the month, and repeat missing."""
    window_start = month.end - timedelta(days=REPEAT_WINDOW_DAYS)
    rows = db.session.execute(
        db.select(Episode.child_id, Episode.last_seen).join(Child, Episode.child_id == Child.id)
        .where(Child.team_id == team_id, Episode.last_seen >= min(window_start, month.start),
               Episode.last_seen < month.end)).all()
    in_month = Counter(child for child, seen in rows if month.contains(seen))
    in_window = Counter(child for child, seen in rows if seen >= window_start)
    return MissingFigures(
        episodes=sum(in_month.values()),
        children=len(in_month),
        children_two_or_more_in_month=sum(1 for n in in_month.values() if n >= REPEAT_IN_MONTH),
        children_three_or_more_in_90_days=sum(
            1 for child in in_month if in_window[child] >= REPEAT_IN_WINDOW),
    )


@dataclass(frozen=True)
class FoundEpisode:
    """What the figures need of one episode found in the month: its kept deadlines, when its
    RHI was first held (the child's first answer) and its check done, and the refusal
    reason recorded last."""

    due: EpisodeDue
    first_rhi: datetime | None
    first_check_done: datetime | None
    last_refusal: str | None


def _found_facts(team_id: int, month: Month, now: datetime, profile: str) -> list[FoundEpisode]:
    """The month's found episodes in four queries, however many there are.

    The deadlines are the ones the episode list uses (`EpisodeDue`, worked out by the same
    `episodes.build_status`), so a figure here agrees with the list; they are worked out
    again only for episodes changed since."""
    ids = (db.select(Episode.id).join(Child, Episode.child_id == Child.id)
           .where(Child.team_id == team_id, Episode.found >= month.start,
                  Episode.found < month.end))
    episode_due.ensure_fresh(ids, profile, now)
    dues = list(db.session.scalars(db.select(EpisodeDue).where(EpisodeDue.episode_id.in_(ids))
                                   .order_by(EpisodeDue.episode_id)))
    first_rhi: dict[int, datetime] = {}
    first_check: dict[int, datetime] = {}
    for eid, kind, created, completed, held in db.session.execute(
            db.select(Interview.episode_id, Interview.kind, Interview.created_at,
                      Interview.completed_at, Interview.held_at)
            .where(Interview.episode_id.in_(ids), Interview.kind.in_(("rhi", "safe_and_well")))
            .order_by(Interview.created_at.desc(), Interview.id.desc())):
        # Newest first, so the last one written for an episode is its first interview.
        if kind == "rhi":
            # Held at the child's first answer (services.rhi_held), never at Start.
            if held is not None and (eid not in first_rhi or held < first_rhi[eid]):
                first_rhi[eid] = held
        else:
            first_check[eid] = completed or created
    last_refusal: dict[int, str] = {}
    for eid, reason in db.session.execute(
            db.select(Refusal.episode_id, Refusal.reason).where(Refusal.episode_id.in_(ids))
            .order_by(Refusal.refused_at, Refusal.id)):
        last_refusal[eid] = reason
    return [FoundEpisode(d, first_rhi.get(d.episode_id), first_check.get(d.episode_id),
                         last_refusal.get(d.episode_id)) for d in dues]


def rhi_figures(team_id: int, month: Month, now: datetime,
                found: list[FoundEpisode] | None = None) -> RhiFigures:
    """RHI timeliness for episodes found in the month, states as on the team's episode list."""
    profile = service.team_profile(team_id)
    counts: Counter[str] = Counter()
    reasons: Counter[str] = Counter()
    if found is None:
        found = _found_facts(team_id, month, now, profile)
    for fact in found:
        due = fact.due
        if not due.assessed:
            counts["not_assessed"] += 1
            continue
        if not due.rhi_required:
            continue
        counts["required"] += 1
        if due.rhi_state == "refused":
            counts["refused"] += 1
            if fact.last_refusal:
                reasons[fact.last_refusal] += 1
        elif due.rhi_state == "held":
            late = (fact.first_rhi is not None and due.rhi_due_at is not None
                    and fact.first_rhi > due.rhi_due_at)
            counts["held_late" if late else "held_on_time"] += 1
        elif due.rhi_due_at is not None and due.rhi_due_at < now:
            counts["overdue"] += 1
        else:
            counts["in_time"] += 1
    return RhiFigures(
        required=counts["required"], held_on_time=counts["held_on_time"],
        held_late=counts["held_late"], refused=counts["refused"],
        refused_by_reason={code: reasons.get(code, 0) for code in REFUSAL_REASONS},
        in_time=counts["in_time"], overdue=counts["overdue"],
        not_assessed=counts["not_assessed"], due_hours=load_profile(profile).rhi_due_hours,
    )


def safe_and_well_figures(team_id: int, month: Month, now: datetime,
                          found: list[FoundEpisode] | None = None) -> SafeAndWellFigures:
    """Episodes found in the month with a safe and well check due, and when it was done.

    A check counts as done when it was finished (`completed_at`, as the police
    page times it), or when it was started if it is not finished yet.
    """
    counts: Counter[str] = Counter()
    if found is None:
        found = _found_facts(team_id, month, now, service.team_profile(team_id))
    for fact in found:
        due = fact.due.safe_and_well_due_at
        if due is None:
            continue
        counts["due"] += 1
        if fact.first_check_done is None:
            counts["not_recorded"] += 1
            continue
        counts["late" if fact.first_check_done > due else "on_time"] += 1
    return SafeAndWellFigures(due=counts["due"], on_time=counts["on_time"], late=counts["late"],
                              not_recorded=counts["not_recorded"])


def concern_figures(team_id: int, month: Month) -> ConcernFigures:
    """Children with a confirmed (or practitioner-added) indicator per concern, in RHIs held
    in the month (held at the child's first answer, not at Start: `services.rhi_held`).

    Counted from the indicator codes alone (two queries), so no answer or evidence text is
    loaded or decrypted."""
    in_month = (db.select(Interview.id).join(Episode, Interview.episode_id == Episode.id)
                .join(Child, Episode.child_id == Child.id)
                .where(Child.team_id == team_id, Interview.kind == "rhi",
                       Interview.held_at >= month.start, Interview.held_at < month.end))
    rhis_held = db.session.scalar(db.select(func.count()).select_from(in_month.subquery()))
    rows = db.session.execute(
        db.select(Episode.child_id, Suggestion.indicator)
        .join(Interview, Interview.episode_id == Episode.id)
        .join(Answer, Answer.interview_id == Interview.id)
        .join(Suggestion, Suggestion.answer_id == Answer.id)
        .where(Interview.id.in_(in_month), Suggestion.status.in_(CONFIRMED_STATUSES),
               Suggestion.assertion == Assertion.PRESENT.value)).all()
    children: dict[str, set[int]] = {code.value: set() for code in vocabulary.Concern}
    for child_id, indicator in rows:
        for concern in vocabulary.concerns(indicator):
            children.setdefault(concern, set()).add(child_id)
    return ConcernFigures(rhis_held=rhis_held or 0,
                          children_by_concern={c: len(ids) for c, ids in children.items()})


def seraf_figures(team_id: int, month: Month) -> SerafFigures:
    """SERAF assessments signed off in the month, by category (an override wins)."""
    rows = db.session.scalars(
        db.select(SerafAssessment).join(Interview, SerafAssessment.interview_id == Interview.id)
        .join(Episode, Interview.episode_id == Episode.id)
        .join(Child, Episode.child_id == Child.id)
        .where(Child.team_id == team_id, SerafAssessment.status == "signed_off",
               SerafAssessment.signed_off_at >= month.start,
               SerafAssessment.signed_off_at < month.end)).all()
    by: Counter[int | None] = Counter(row.category for row in rows)
    by_category: dict[int | None, int] = {c: by.get(c, 0) for c in CATEGORIES}
    by_category[None] = sum(n for c, n in by.items() if c not in CATEGORIES)
    return SerafFigures(signed_off=len(rows), by_category=by_category)


def month_figures(team_id: int, month: Month, now: datetime) -> MonthFigures:
    """All of a team's figures for one month, as of `now`."""
    found = _found_facts(team_id, month, now, service.team_profile(team_id))
    return MonthFigures(
        month=month,
        missing=missing_figures(team_id, month),
        rhi=rhi_figures(team_id, month, now, found),
        safe_and_well=safe_and_well_figures(team_id, month, now, found),
        concerns=concern_figures(team_id, month),
        seraf=seraf_figures(team_id, month),
        checked_at=now,
    )
