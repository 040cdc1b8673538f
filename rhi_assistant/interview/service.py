"""Interview work that routes call: build the routing context, save answers, suggest.

Kept out of the routes so the same rules apply to a form post, an autosave and
a test.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from rhi_assistant import nlp
from rhi_assistant.extensions import db
from rhi_assistant.flows import FlowContext, Page, load_flow
from rhi_assistant.flows.engine import Flow, age_band
from rhi_assistant.models import Answer, Interview, Suggestion
from rhi_assistant.models.interviews import ANSWER_STATES


def flow_for(interview: Interview) -> Flow:
    return load_flow(interview.flow_id)


def context_for(interview: Interview) -> FlowContext:
    child = interview.episode.child
    found = interview.episode.found
    age = child.age_on((found or datetime.now(UTC)).date())
    meta = {
        "age_band": age_band(age),
        "easy_read": interview.easy_read,
        "language": interview.language,
        "parent_consent_needed": bool(age is not None and age < 16 and not child.looked_after),
        "child_consent_needed": bool(age is not None and age >= 16),
    }
    answers: dict[str, str | None] = {}
    completed: set[str] = set()
    for answer in interview.answers:
        if answer.is_draft:
            continue
        answers[answer.page_id] = answer.choice or answer.state
        completed.add(answer.page_id)
    return FlowContext(meta=meta, answers=answers, completed=completed)


def save_answer(
    interview: Interview,
    page: Page,
    user_id: int,
    *,
    text: str | None = None,
    choice: str | None = None,
    state: str = "answered",
    draft: bool = False,
) -> Answer:
    """Save what was typed; a final save (not a draft) also refreshes the suggestions."""
    if state not in ANSWER_STATES:
        raise ValueError(f"unknown answer state {state!r}")
    answer = interview.answer_for(page.id)
    if answer is None:
        answer = Answer(interview=interview, page_id=page.id)
        db.session.add(answer)
    elif draft and not answer.is_draft and (answer.text or "") == (text or ""):
        return answer  # nothing new typed: keep the submitted answer as it is
    answer.text = text
    answer.choice = choice
    answer.state = state
    answer.is_draft = draft
    answer.updated_by_id = user_id
    if page.analyse:
        refresh_suggestions(answer, interview_date(interview))
    db.session.commit()
    return answer


def interview_date(interview: Interview) -> date:
    return interview.created_at.date()


def refresh_suggestions(answer: Answer, when: date) -> None:
    """Re-read the notes, keeping every decision a person already made.

    Undecided suggestions are replaced by the engine's fresh reading. Decided
    ones stay; if their evidence is still in the text, their offsets follow it.
    Only `present` findings become suggestions: a negated, hypothetical or
    other-person mention is never offered as a tick for the child.
    """
    text = answer.text or ""
    decided = [s for s in answer.suggestions if s.status != "suggested"]
    for s in list(answer.suggestions):
        if s.status == "suggested":
            answer.suggestions.remove(s)
    for s in decided:
        if s.evidence and s.start is not None and text[s.start : s.end] != s.evidence:
            at = text.find(s.evidence)
            if at >= 0:
                s.start, s.end = at, at + len(s.evidence)
    if answer.state != "answered" or not text.strip():
        return
    taken = {(s.indicator, s.evidence) for s in decided}
    taken_ids = {s.indicator for s in decided}
    for found in nlp.analyse(text, interview_date=when).suggestions:
        if found.assertion != "present":
            continue
        if (found.indicator, found.evidence) in taken or found.indicator in taken_ids:
            continue
        taken_ids.add(found.indicator)
        answer.suggestions.append(
            Suggestion(
                indicator=found.indicator,
                assertion=found.assertion,
                window=found.window or "recent",
                evidence=found.evidence,
                start=found.start,
                end=found.end,
                reason=found.reason,
                match=found.match,
                status="suggested",
            )
        )


def not_suggested(answer: Answer, when: date) -> list:
    """Mentions the engine read as denied, imagined or about someone else, with why."""
    if not answer.text or answer.state != "answered":
        return []
    return [s for s in nlp.analyse(answer.text, interview_date=when).suggestions
            if s.assertion != "present"]


def decide(suggestion: Suggestion, user_id: int, decision: str, reason: str | None) -> None:
    if decision not in ("confirmed", "rejected", "suggested"):
        raise ValueError(decision)
    suggestion.status = decision
    suggestion.decided_by_id = user_id if decision != "suggested" else None
    suggestion.decided_at = datetime.now(UTC) if decision != "suggested" else None
    suggestion.decision_reason = (reason or None) if decision == "rejected" else None
    db.session.commit()


def add_indicator(
    answer: Answer, user_id: int, indicator: str, window: str, evidence: str | None
) -> Suggestion:
    """A practitioner adds what the engine missed: it counts as decided from the start."""
    text = answer.text or ""
    start = end = None
    if evidence:
        at = text.find(evidence)
        if at >= 0:
            start, end = at, at + len(evidence)
    suggestion = Suggestion(
        indicator=indicator,
        assertion="present",
        window=window,
        evidence=evidence or None,
        start=start,
        end=end,
        reason="added by the practitioner",
        match="manual",
        status="added",
        decided_by_id=user_id,
        decided_at=datetime.now(UTC),
    )
    answer.suggestions.append(suggestion)
    db.session.commit()
    return suggestion


def confirmed_suggestions(interview: Interview) -> list[Suggestion]:
    return [
        s
        for a in interview.answers
        for s in a.suggestions
        if s.is_confirmed and s.assertion == "present"
    ]


def pending_count(interview: Interview) -> int:
    return sum(1 for a in interview.answers for s in a.suggestions if s.status == "suggested")
