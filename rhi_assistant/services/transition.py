"""Young people turning 18: their stage today, their handover plans, adult episodes.

The ages come from the team's protocol profile (``transition``), "today" from
the clock on the profile's wall clock, so a test or a demonstration can move
time and a council can change the ages without code.
"""

from __future__ import annotations

from rhi_assistant import clock
from rhi_assistant.extensions import db
from rhi_assistant.models import Child, Episode, TransitionPlan
from rhi_assistant.protocol import load_profile
from rhi_assistant.protocol.transition import TransitionStage, adult_at, stage_on
from rhi_assistant.services.episodes import profile_for


def stage_for(child: Child) -> TransitionStage | None:
    """Where the young person stands today; None when the date of birth is not recorded."""
    if child.date_of_birth is None:
        return None
    profile = profile_for(child)
    return stage_on(load_profile(profile).transition, child.date_of_birth, clock.today(profile))


def episode_is_adult(episode: Episode) -> bool:
    """An episode is a young adult's when they were 18 (the profile's age) on the day last seen."""
    child = episode.child
    if child.date_of_birth is None:
        return False
    profile = load_profile(profile_for(child))
    return adult_at(profile.transition, child.date_of_birth, episode.last_seen, profile.timezone)


def plans(child_id: int) -> list[TransitionPlan]:
    """Every handover plan recorded for the child, newest first (the newest counts)."""
    return list(db.session.scalars(
        db.select(TransitionPlan).filter_by(child_id=child_id)
        .order_by(TransitionPlan.id.desc())))


def latest_plan(child_id: int) -> TransitionPlan | None:
    return db.session.scalar(
        db.select(TransitionPlan).filter_by(child_id=child_id)
        .order_by(TransitionPlan.id.desc()).limit(1))


def record_plan(child: Child, user_id: int, route: str, wishes: str | None,
                plan: str | None) -> TransitionPlan:
    """Add a plan (never change an earlier one: what was agreed then stays readable)."""
    row = TransitionPlan(child_id=child.id, route=route,
                         young_person_wishes=(wishes or "").strip() or None,
                         plan=(plan or "").strip() or None,
                         recorded_by_id=user_id, recorded_at=clock.now())
    db.session.add(row)
    db.session.commit()
    return row
