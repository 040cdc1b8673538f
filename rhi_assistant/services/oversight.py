"""What waits for a manager, and a child's SERAF assessments over time.

Why: outcomes and SERAF assessments need a manager's signature, and nothing listed them, so
they waited unseen; and each SERAF was read alone, so a child's rising risk across episodes
was not visible. Lists here are one team's records only; the pages decide who may open them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import selectinload

from rhi_assistant.extensions import db
from rhi_assistant.models import Child, Episode, EpisodeOutcome, Interview, SerafAssessment


def serafs_waiting(team_id: int) -> list[SerafAssessment]:
    """Saved assessments of the team's children not signed off yet, oldest change first."""
    return list(db.session.scalars(
        db.select(SerafAssessment).join(Interview, SerafAssessment.interview_id == Interview.id)
        .join(Episode, Interview.episode_id == Episode.id)
        .join(Child, Episode.child_id == Child.id)
        .where(Child.team_id == team_id, SerafAssessment.status != "signed_off")
        .options(selectinload(SerafAssessment.interview).selectinload(Interview.episode)
                 .selectinload(Episode.child))
        .order_by(SerafAssessment.updated_at, SerafAssessment.id)))


def outcomes_waiting(team_id: int) -> list[tuple[EpisodeOutcome, Episode]]:
    """Recorded outcomes of the team's episodes not authorised yet, with their episodes,
    oldest first."""
    return [(row, episode) for row, episode in db.session.execute(
        db.select(EpisodeOutcome, Episode).join(Episode, EpisodeOutcome.episode_id == Episode.id)
        .join(Child, Episode.child_id == Child.id)
        .where(Child.team_id == team_id, EpisodeOutcome.authorised_at.is_(None))
        .order_by(EpisodeOutcome.recorded_at, EpisodeOutcome.id))]


@dataclass(frozen=True)
class SerafPoint:
    """One assessment on the child's trend: its date, score, category and whether signed."""

    assessment: SerafAssessment
    day: date
    score: int | None
    category: int | None
    signed_off: bool


def seraf_trend(child_id: int) -> list[SerafPoint]:
    """The child's saved SERAF assessments in date order (the category as on the
    assessment: an override wins)."""
    rows = db.session.scalars(
        db.select(SerafAssessment).join(Interview, SerafAssessment.interview_id == Interview.id)
        .join(Episode, Interview.episode_id == Episode.id)
        .where(Episode.child_id == child_id)
        .order_by(SerafAssessment.assessment_date, SerafAssessment.id))
    return [SerafPoint(row, row.assessment_date, row.score_total, row.category,
                       row.status == "signed_off") for row in rows]
