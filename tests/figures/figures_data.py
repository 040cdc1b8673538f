"""Fictional episodes with known times for the figures tests (imported by path).

April 2026 is in British Summer Time (from 29 March): midnight UK time is 23:00 UTC
the day before, so an episode at 23:30 UTC on 30 April is already in May.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from rhi_assistant import vocabulary
from rhi_assistant.extensions import db
from rhi_assistant.models import (
    Answer,
    Child,
    Episode,
    Interview,
    Refusal,
    SerafAssessment,
    Suggestion,
    Team,
    User,
)

NS = "North Somerset Missing Children Team"
BCP = "BCP Children's Services Missing Team"
NOW = datetime(2026, 5, 2, 12, 0, tzinfo=UTC)  # CLOCK_NOW for the April figures


def at(text: str) -> datetime:
    """'04-05 20:00' -> that time in 2026, UTC."""
    return datetime.fromisoformat(f"2026-{text}").replace(tzinfo=UTC)


def only(concerns: set[str]) -> str:
    """An indicator whose concerns are exactly these (read from the spec, not hard-coded)."""
    return next(i for i, meta in vocabulary.indicators().items()
                if set(meta["concerns"]) == concerns)


def _user(email: str) -> User:
    return db.session.scalar(db.select(User).filter_by(email=email))


def child(reference: str, team: str = NS, dob: date | None = date(2012, 5, 1)) -> Child:
    team_id = db.session.scalar(db.select(Team.id).filter_by(name=team))
    row = Child(reference=reference, team_id=team_id, first_name="Figure", last_name="Test",
                date_of_birth=dob)
    db.session.add(row)
    db.session.flush()
    return row


def episode(who: Child, last_seen: str, found: str | None, risk: str = "medium") -> Episode:
    row = Episode(child=who, last_seen=at(last_seen), reported_missing=at(last_seen),
                  found=at(found) if found else None, police_risk=risk)
    db.session.add(row)
    db.session.flush()
    return row


def interview(ep: Episode, created: str, kind: str = "rhi",
              completed: str | None = None, held: str | bool = True) -> Interview:
    """An interview started at `created`; an RHI is held (the child's first answer saved)
    then too unless `held` names another time, or is False (started, never answered)."""
    held_at = None
    if kind == "rhi" and held is not False:
        held_at = at(created if held is True else held)
    row = Interview(episode_id=ep.id, kind=kind, flow_id=kind,
                    conducted_by_id=_user("rhi.worker@example.org").id,
                    created_at=at(created), completed_at=at(completed) if completed else None,
                    status="completed" if completed else "in_progress", held_at=held_at)
    db.session.add(row)
    db.session.flush()
    return row


def suggestion(iv: Interview, indicator: str, status: str = "confirmed",
               assertion: str = "present") -> None:
    answer = db.session.scalar(db.select(Answer).filter_by(interview_id=iv.id))
    if answer is None:
        answer = Answer(interview_id=iv.id, page_id="time_away_account", text="Fictional note.")
        db.session.add(answer)
        db.session.flush()
    db.session.add(Suggestion(answer_id=answer.id, indicator=indicator, status=status,
                              assertion=assertion))
    db.session.flush()


def refusal(ep: Episode, reason: str, when: str) -> None:
    db.session.add(Refusal(episode_id=ep.id, reason=reason, refused_at=at(when),
                           recorded_by_id=_user("rhi.worker@example.org").id))
    db.session.flush()


def seraf(iv: Interview, computed: int | None, override: int | None = None,
          signed_off: str | None = None) -> None:
    db.session.add(SerafAssessment(
        interview_id=iv.id, assessment_date=date(2026, 4, 1), ticks={}, prefilled_from=[],
        computed_category=computed, override_category=override,
        status="signed_off" if signed_off else "draft",
        signed_off_by_id=_user("manager@example.org").id if signed_off else None,
        signed_off_at=at(signed_off) if signed_off else None))
    db.session.flush()


def build_april() -> dict[str, Episode]:
    """The April 2026 scenario; see the expected counts in the tests."""
    cse, cce, harm = only({"CSE"}), only({"CCE"}), only({"HARM"})
    trafficking, cce_and_trafficking = only({"TRAFFICKING"}), only({"CCE", "TRAFFICKING"})
    eps: dict[str, Episode] = {}

    a = child("FIG-A")  # three episodes in 90 days, two of them in April
    eps["a0"] = episode(a, "03-20 10:00", "03-20 18:00")
    eps["a1"] = episode(a, "04-02 10:00", "04-02 20:00")  # RHI due 04-05 20:00
    a1_rhi = interview(eps["a1"], "04-05 20:00")  # started exactly at 72 hours: on time
    interview(eps["a1"], "04-02 23:00", "safe_and_well", completed="04-02 23:00")  # exactly due
    a1_second = interview(eps["a1"], "04-06 09:00")
    eps["a2"] = episode(a, "04-10 08:00", "04-10 12:00")
    a2_rhi = interview(eps["a2"], "04-13 12:01")  # a minute late
    interview(eps["a2"], "04-10 13:00", "safe_and_well", completed="04-10 16:00")  # an hour late

    b = child("FIG-B")  # three episodes, but one more than 90 days before the end of April
    episode(b, "01-20 10:00", "01-20 12:00")
    episode(b, "02-15 10:00", "02-15 12:00")
    eps["b1"] = episode(b, "04-15 09:00", "04-15 18:00")
    refusal(eps["b1"], "not_reached", "04-15 20:00")
    refusal(eps["b1"], "child_declined", "04-16 10:00")  # the reason recorded last counts
    interview(eps["b1"], "04-15 19:00", "safe_and_well")  # started in time, not finished

    eps["c1"] = episode(child("FIG-C"), "04-20 09:00", "04-21 09:00")  # nothing: overdue
    # Found at 23:30 on the last evening of April, UK time (22:30 UTC): April, still in time.
    eps["d1"] = episode(child("FIG-D"), "04-30 20:00", "04-30 22:30")
    # Last seen 23:00 UK time on 30 April (April), found 00:30 UK time on 1 May (May).
    eps["e1"] = episode(child("FIG-E"), "04-30 22:00", "04-30 23:30")
    e1_rhi = interview(eps["e1"], "04-30 23:45")  # held in May, UK time
    eps["f1"] = episode(child("FIG-F", dob=None), "04-05 10:00", "04-05 12:00")
    # Last seen 00:30 UK time on 1 April (UTC says 31 March): April.
    eps["g1"] = episode(child("FIG-G"), "03-31 23:30", "04-01 10:00")
    g1_rhi = interview(eps["g1"], "04-01 15:00")
    # Last seen 23:30 UK time on 31 March (March), found 00:30 UK time on 1 April (April).
    eps["h1"] = episode(child("FIG-H"), "03-31 22:30", "03-31 23:30")

    suggestion(a1_rhi, cse)
    suggestion(a1_rhi, cce, status="rejected")
    suggestion(a2_rhi, cse)  # the same child again: counted once
    suggestion(a2_rhi, trafficking, status="suggested")  # no decision yet
    suggestion(g1_rhi, cce_and_trafficking, status="added")
    suggestion(g1_rhi, cse, assertion="negated")  # confirmed as *not* happening
    suggestion(e1_rhi, harm)  # a May interview

    seraf(a1_rhi, 2, signed_off="04-10 10:00")
    seraf(a2_rhi, 2, override=4, signed_off="04-20 10:00")
    seraf(a1_second, None, signed_off="04-15 10:00")
    seraf(g1_rhi, 3)  # a draft
    seraf(e1_rhi, 1, signed_off="04-30 23:30")  # signed off in May, UK time

    # Another council's child, missing, found, interviewed and assessed in April.
    other = episode(child("FIG-BCP", team=BCP), "04-10 02:00", "04-10 14:00")  # over 9 hours
    episode(child("FIG-BCP2", team=BCP), "04-12 10:00", "04-12 14:00")  # BCP: no RHI needed
    other_rhi = interview(other, "04-11 10:00")
    suggestion(other_rhi, cse)
    seraf(other_rhi, 3, signed_off="04-12 10:00")
    refusal(other, "parent_refused", "04-11 09:00")
    db.session.commit()
    return eps
