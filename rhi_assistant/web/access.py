"""Who may see which child's case: the one place every route asks.

A team owns a child's case. Teams the case is shared with (the police missing
team, say) may read its summaries and, for police officers, run the police
safe and well check on the child's episodes; nothing else. Admins manage
accounts and see no child's record at all.
"""

from __future__ import annotations

from enum import Enum

from flask import abort
from flask_login import current_user
from sqlalchemy.orm import joinedload

from rhi_assistant.extensions import db
from rhi_assistant.models import (
    CaseShare,
    Child,
    Episode,
    EpisodeOutcome,
    Interview,
    Referral,
)


class Access(Enum):
    NONE = 0
    SHARED = 1
    FULL = 2


def access_to(user, child: Child) -> Access:
    if not user.is_authenticated or user.role == "admin" or user.team_id is None:
        return Access.NONE
    if child.team_id == user.team_id:
        return Access.FULL
    shared = db.session.scalar(
        db.select(CaseShare).filter_by(child_id=child.id, team_id=user.team_id,
                                       revoked_at=None)
    )
    return Access.SHARED if shared else Access.NONE


def child_or_404(child_id: int, need: Access = Access.FULL) -> Child:
    """Load a child the current user may see; a child they may not see does not exist for them."""
    return _may_see_or_404(db.session.get(Child, child_id), need)


def _may_see_or_404(child: Child | None, need: Access) -> Child:
    if child is None or access_to(current_user, child).value < need.value:
        abort(404)
    return child


def episode_or_404(episode_id: int, need: Access = Access.FULL) -> Episode:
    episode = db.session.get(Episode, episode_id)
    if episode is None:
        abort(404)
    # Through the relationship, so the child stays loaded for the rest of the request: a
    # child fetched by id and dropped leaves the session's (weak) identity map, and the
    # page's next `episode.child` would read it again.
    _may_see_or_404(episode.child, need)
    return episode


def _interview_with_child(interview_id: int) -> Interview | None:
    """The interview with its episode, child and the child's team in one query: every
    interview route checks the child's team next and asks the team's protocol profile,
    and four reads by id cost a page more than a millisecond more."""
    return db.session.get(Interview, interview_id, options=[_WITH_CHILD])


_WITH_CHILD = joinedload(Interview.episode).joinedload(Episode.child).joinedload(Child.team)


def interview_or_404(interview_id: int, need: Access = Access.FULL) -> Interview:
    interview = _interview_with_child(interview_id)
    if interview is None:
        abort(404)
    _may_see_or_404(interview.episode.child, need)
    return interview


def may_run_safe_and_well(user, child: Child) -> bool:
    """A police officer whose team the case is shared with (or owns it) may do the check.

    This is the only thing sharing adds beyond summaries: the officer sees the
    safe and well check they run, never the RHI or anything else of the child's.
    """
    if not user.is_authenticated or user.role != "police_officer":
        return False
    return access_to(user, child) in (Access.SHARED, Access.FULL)


def safe_and_well_episode_or_404(episode_id: int) -> Episode:
    episode = db.session.get(Episode, episode_id)
    if episode is None or not may_run_safe_and_well(current_user, episode.child):
        abort(404)
    return episode


def interview_to_run_or_404(interview_id: int) -> Interview:
    """An interview the current user may open: their team's, or a shared safe and well check."""
    interview = _interview_with_child(interview_id)
    if interview is None:
        abort(404)
    child = interview.episode.child  # kept loaded for the page (see episode_or_404)
    if interview.kind == "safe_and_well" and may_run_safe_and_well(current_user, child):
        return interview
    _may_see_or_404(child, Access.FULL)
    return interview


def trigger_plan_child_or_404(child_id: int) -> Child:
    """A child whose trigger plan the current user may read: their team's, or, for a police
    officer, a case shared with their team (the plan is written to be given to the police)."""
    child = db.session.get(Child, child_id)
    if child is None:
        abort(404)
    level = access_to(current_user, child)
    if level is Access.FULL:
        return child
    if level is Access.SHARED and current_user.role == "police_officer":
        return child
    abort(404)


def may_record(user, child: Child) -> bool:
    """RHI workers and managers of the owning team record and correct a child's details and
    episodes; nobody a case is only shared with does."""
    return (user.is_authenticated and user.role in RECORDERS
            and access_to(user, child) is Access.FULL)


def may_share(user, child: Child) -> bool:
    """Only a manager of the owning team decides who else sees a child's case."""
    return (user.is_authenticated and user.role == "manager"
            and access_to(user, child) is Access.FULL)


RECORDERS = ("rhi_worker", "manager")


def may_authorise(outcome: EpisodeOutcome, user) -> bool:
    """Four eyes: a manager authorises an episode's outcomes, but never ones they recorded
    themselves; another manager must. (Whether the user may see the child is asked first.)"""
    return (user.is_authenticated and user.role == "manager"
            and outcome.recorded_by_id != user.id)


def require_role(*roles: str) -> None:
    if not current_user.is_authenticated or current_user.role not in roles:
        abort(403)


def referral_or_404(referral_id: int) -> Referral:
    """A request for help the signed-in duty manager may read: their team's, or one no team
    was named for (an install with no RHI_REFERRAL_TEAM), as on the request list."""
    require_role("manager")
    item = db.session.scalar(db.select(Referral).where(
        Referral.id == referral_id,
        db.or_(Referral.team_id.is_(None), Referral.team_id == current_user.team_id)))
    if item is None:
        abort(404)
    return item
