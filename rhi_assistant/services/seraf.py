"""SERAF: pre-fill from confirmed suggestions only, score with the working shown."""

from __future__ import annotations

from flask import current_app
from sqlalchemy.orm.attributes import set_committed_value

from rhi_assistant import clock, vocabulary
from rhi_assistant.extensions import db
from rhi_assistant.models import Interview, SerafAssessment, Team
from rhi_assistant.protocol import load_profile
from rhi_assistant.seraf import SerafChildFacts, SerafTicks, score_seraf
from rhi_assistant.services.episodes import profile_for, record_for, team_profile
from rhi_assistant.services.interviews import confirmed_suggestions

TICK_KEYS = ("vulnerabilities", "moderate", "significant_recent", "significant_6_12")


def assessment_for(interview: Interview, user, create: bool = True) -> SerafAssessment:
    """The interview's assessment, pre-filled and scored.

    With `create` false (opening the page) and none stored yet, a draft that is never
    saved: reading a page must not create records; the first save stores it.
    """
    seraf = db.session.scalar(db.select(SerafAssessment).filter_by(interview_id=interview.id))
    if seraf is None and not create:
        draft = _new_assessment(interview, user, linked=False)
        # Linked without the back-reference, so the interview never pulls it into the session.
        set_committed_value(draft, "interview", interview)
        prefill(draft, interview)
        rescore(draft)
        return draft
    if seraf is None:
        seraf = _new_assessment(interview, user, linked=True)
        db.session.add(seraf)
    prefill(seraf, interview)
    rescore(seraf)
    db.session.commit()
    return seraf


def _new_assessment(interview: Interview, user, linked: bool) -> SerafAssessment:
    worker = interview.conducted_by or user
    link = {"interview": interview} if linked else {"interview_id": interview.id}
    return SerafAssessment(
        **link,
        assessment_date=clock.today(profile_for(interview.episode.child)),
        # The worker who ran the interview, whoever opens the form first.
        worker_name=worker.name,
        worker_agency=worker.team.agency if worker.team else None,
        worker_contact=worker.email,
        ticks={k: [] for k in TICK_KEYS},
        prefilled_from=[],
    )


def tick_for(indicator: str, window: str | None) -> str | None:
    """Which box a confirmed finding ticks; None when it falls outside the form's windows."""
    group = vocabulary.group(indicator)
    window = window or "recent"
    if group == "seraf_vulnerability":
        return "vulnerabilities"  # lifetime factors
    if group == "seraf_moderate":
        return "moderate" if window == "recent" else None
    if group == "seraf_significant":
        return {"recent": "significant_recent", "6_to_12_months": "significant_6_12"}.get(window)
    return None


RECORD = "record:"  # a prefilled_from entry for a tick the record set, not a suggestion


def prefill(seraf: SerafAssessment, interview: Interview) -> None:
    """Add ticks for newly confirmed suggestions and for what the record sets (the profile's
    ``from_record`` rules: three episodes in 70 days are "periods of going missing"); never
    re-tick one a person unticked."""
    ticks = {k: list(seraf.ticks.get(k, [])) for k in TICK_KEYS}
    used = set(seraf.prefilled_from or [])
    for s in confirmed_suggestions(interview):
        if s.id in used:
            continue
        used.add(s.id)
        box = tick_for(s.indicator, s.window)
        if box and s.indicator not in ticks[box]:
            ticks[box].append(s.indicator)
    for indicator in from_the_record(interview):
        if RECORD + indicator in used:
            continue
        used.add(RECORD + indicator)
        box = tick_for(indicator, "recent")
        if box and indicator not in ticks[box]:
            ticks[box].append(indicator)
    seraf.ticks = ticks
    seraf.prefilled_from = sorted(used, key=str)


def from_the_record(interview: Interview) -> tuple[str, ...]:
    """SERAF indicators the record ticks for this interview's episode (shown so)."""
    return record_for(interview.episode).seraf


def facts_for(interview: Interview) -> SerafChildFacts:
    child = interview.episode.child
    age = child.age_on(interview.created_at.date())
    sen = (child.sen_or_disability or "").lower()
    return SerafChildFacts(
        age=age,
        learning_disability="learning" in sen,
        physical_disability="physical" in sen,
        sexual_exploitation_disclosed=False,
    )


def scoring_for(interview: Interview) -> str:
    """The SERAF scoring file for the child's team.

    The team's own choice first, then its protocol profile's, so a council's
    scoring travels with its profile; the install's setting only as a last resort.
    """
    team = db.session.get(Team, interview.episode.child.team_id)
    if team is not None and team.seraf_scoring:
        return team.seraf_scoring
    named = load_profile(team_profile(team.id if team else None)).seraf_scoring
    return named or current_app.config["SERAF_SCORING"]


def current_score(seraf: SerafAssessment):
    t = seraf.ticks or {}
    ticks = SerafTicks(
        vulnerabilities=frozenset(t.get("vulnerabilities", [])),
        moderate=frozenset(t.get("moderate", [])),
        significant_recent=frozenset(t.get("significant_recent", [])),
        significant_6_12=frozenset(t.get("significant_6_12", [])),
    )
    return score_seraf(ticks, scoring_for(seraf.interview), facts_for(seraf.interview))


def sign_off(seraf: SerafAssessment, manager_id: int) -> None:
    """A manager signs the assessment off, at the app's clock (``CLOCK_NOW`` when set)."""
    seraf.status = "signed_off"
    seraf.signed_off_by_id = manager_id
    seraf.signed_off_at = clock.now()
    db.session.commit()


def rescore(seraf: SerafAssessment) -> None:
    score = current_score(seraf)
    seraf.score_total = score.total
    seraf.computed_category = score.category
