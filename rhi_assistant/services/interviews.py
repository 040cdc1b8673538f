"""Interview work that routes call: build the routing context, save answers, suggest.

Kept out of the routes so the same rules apply to a form post, an autosave and
a test.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from flask_babel import lazy_gettext as _l
from sqlalchemy.exc import IntegrityError

from rhi_assistant import clock, nlp
from rhi_assistant.extensions import commit_keeping_loaded_rows, db
from rhi_assistant.flows import FlowContext, Page, load_flow
from rhi_assistant.flows.engine import Flow, FlowError, age_band
from rhi_assistant.models import Answer, Episode, Interview, Suggestion
from rhi_assistant.models._common import utcnow
from rhi_assistant.models.interviews import ANSWER_STATES
from rhi_assistant.services import consent, readings, rhi_held


def start_interview(
    episode: Episode, kind: str, user_id: int, language: str, easy_read: bool
) -> Interview:
    """A new interview of a kind; its flow has the kind's name."""
    interview = Interview(
        episode=episode,
        kind=kind,
        flow_id=kind,
        conducted_by_id=user_id,
        language=language,
        easy_read=easy_read,
    )
    db.session.add(interview)
    db.session.commit()
    return interview


def flow_for(interview: Interview) -> Flow:
    return load_flow(interview.flow_id)


def context_for(interview: Interview) -> FlowContext:
    """What the flow's conditions read: the child's age band, the language, whose consent.

    Whose consent is needed is the team's local protocol's answer alone; when it
    cannot tell (no date of birth yet) both stay None, and no consent page shows.
    """
    from rhi_assistant.services.episodes import consent_for, profile_for

    episode = interview.episode
    profile = profile_for(episode.child)
    now = clock.now()
    age = episode.child.age_on(episode.found.date() if episode.found else clock.today(profile))
    # Only whose consent: the whole evaluation (other episodes, confirmed concerns) was most
    # of an interview page's database work and none of it changes this answer.
    needed = consent_for(episode, profile, now)
    meta = {
        "age_band": age_band(age),
        "easy_read": interview.easy_read,
        "language": interview.language,
        "parent_consent_needed": needed.parent_or_carer if needed else None,
        "child_consent_needed": needed.child if needed else None,
        "police_risk": episode.police_risk,
    }
    answers: dict[str, str | None] = {}
    completed: set[str] = set()
    for answer in interview.answers:
        if answer.is_draft:
            continue
        answers[answer.page_id] = answer.choice or answer.state
        completed.add(answer.page_id)
    if _records_consent(interview):
        # Consent lives on the offer, whichever page recorded it.
        for page_id, value in consent.recorded(episode).items():
            if answers.get(page_id) in (None, "answered"):
                answers[page_id] = value
                completed.add(page_id)
    return FlowContext(meta=meta, answers=answers, completed=completed)


def _records_consent(interview: Interview) -> bool:
    return interview.kind == "rhi"


def choice_for(interview: Interview, page: Page, answer: Answer | None) -> str | None:
    """The option chosen on a page; a consent page's is the one on the RHI offer."""
    if page.id in consent.FLOW_PAGES and _records_consent(interview):
        if answer is not None and answer.is_draft and answer.choice:
            return answer.choice
        held = consent.recorded(interview.episode).get(page.id)
        if held:
            return held
    return answer.choice if answer is not None else None


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
    """Save what was typed, read once by the engine where that is wanted.

    Pages marked `analyse` are read on every save, drafts included, so the
    suggestions beside the notes follow the typing. Any other page's words are
    read when the answer is submitted, for the names a summary may list.
    """
    if state not in ANSWER_STATES:
        raise ValueError(f"unknown answer state {state!r}")
    found = interview.answer_for(page.id)
    if found is not None and draft and not found.is_draft and (found.text or "") == (text or ""):
        return found  # nothing new typed: keep the submitted answer as it is
    reads = page.analyse or not draft
    if found is not None and _same_draft(found, user_id, text, choice, state, draft, reads):
        # An autosave of words already saved (a pause with nothing typed since, a tab out
        # of the notes): nothing to read, write or commit; its reading and suggestions
        # are those of these very words.
        return found
    when, born = interview_date(interview), interview.episode.child.date_of_birth
    key = readings.words_key(text, state, when, born) if reads else None
    # Words read already (the key hashes them), with the same date and date of birth, by
    # this engine (the tab out of the notes autosaved them a moment before the button
    # submits them): their stored reading and the suggestions made from it stand, and
    # reading them again would only give them back.
    read_already = key is not None and found is not None and readings.read_as(found) == key
    # Read the words before the first write: the engine must not run while this
    # save holds a write transaction (on SQLite, a lock on the whole database).
    analysis = (
        readings.analyse_words(text, state, when, born)
        if reads and not read_already
        else None
    )
    answer = found if found is not None else _new_answer(interview, page.id)
    created = found is None and answer.text is None and answer.choice is None
    if not created and draft and not answer.is_draft and (answer.text or "") == (text or ""):
        return answer  # nothing new typed: keep the submitted answer as it is
    answer.text = text
    answer.choice = choice
    if (page.id in consent.FLOW_PAGES and _records_consent(interview) and not draft
            and state == "answered" and choice):
        consent.record(interview.episode, user_id, {consent.FLOW_PAGES[page.id]: choice})
        answer.choice = None  # one record: the offer's
    answer.state = state
    answer.is_draft = draft
    answer.updated_by_id = user_id
    rhi_held.note_answer(interview, page, answer)
    if read_already:
        pass  # the reading and suggestions kept are these words' (see above)
    elif reads:
        readings.keep_reading(answer, analysis, key)
        if page.analyse:
            _hold(answer)
            refresh_suggestions(answer, analysis)
    else:
        readings.forget_reading(answer)
    # The rows this save read and wrote stay loaded: the autosave's panel and the page
    # after a save read the same interview, child and suggestions again otherwise.
    commit_keeping_loaded_rows()
    return answer


def _same_draft(found: Answer, user_id: int, text: str | None, choice: str | None, state: str,
                draft: bool, reads: bool) -> bool:
    """Whether saving would leave a draft exactly as it is: the same words, choice and
    state from the same person, with the reading kept that such a save keeps."""
    return (draft and found.is_draft and found.text == text and found.choice == choice
            and found.state == state and found.updated_by_id == user_id
            and (found.reading is not None) == (reads and readings.has_words(found)))


# The choices a child always has instead of an answer, each recorded as itself.
DECLINE_STATES = {
    "dont_know": _l("I don't know"),
    "prefer_not_to_say": _l("I don't want to say"),
    "skipped": _l("Skipped"),
}


def pause(interview: Interview, page_id: str | None = None) -> None:
    """A break: the interview shows as paused on the task list until someone carries on,
    and carrying on starts on the page the break was taken on (`page_id`)."""
    interview.status = "paused"
    interview.break_page_id = page_id
    db.session.commit()


def resume_page(interview: Interview, flow: Flow, ctx: FlowContext) -> Page | None:
    """Where "continue where you left off" goes: the page of the break while paused (if
    the flow still has it), else the first page not yet answered."""
    if interview.status == "paused" and interview.break_page_id:
        try:
            page = flow.page(interview.break_page_id)
        except FlowError:
            page = None
        if page is not None:
            return page
    return flow.first_incomplete(ctx)


def carry_on(interview: Interview) -> None:
    if interview.status == "paused":
        interview.status = "in_progress"
        db.session.commit()


@dataclass(frozen=True)
class SafeAndWellDeadline:
    """When a safe and well check is due, and whether it is late.

    The hours come from the team's protocol profile (through the engine's
    ``safe_and_well_due``), never from a table here.
    """

    hours: float
    due: datetime | None
    done_at: datetime | None
    overdue: bool
    minutes_late: int

    @property
    def hours_shown(self) -> str:
        """The hours as a person writes them: 1, 3 or 1.5, never 1.0."""
        return f"{self.hours:g}"

    @property
    def late_by(self) -> timedelta:
        """How late it was done, or is (shown as hours and minutes, `labels.duration_label`)."""
        return timedelta(minutes=self.minutes_late)


def safe_and_well_deadline(
    episode: Episode,
    interview: Interview | None = None,
    now: datetime | None = None,
    profile: str | None = None,
) -> SafeAndWellDeadline:
    """The check's deadline by the team's profile (or the one named); late if not done by then."""
    from rhi_assistant.services.episodes import profile_for, safe_and_well_hours

    now = now or clock.now()
    hours = safe_and_well_hours(profile or profile_for(episode.child), episode.police_risk)
    due = episode.found + timedelta(hours=hours) if episode.found else None
    done_at = interview.completed_at if interview is not None else None
    until = done_at or now
    late = bool(due and until > due)
    minutes = int((until - due).total_seconds() // 60) if late and due else 0
    return SafeAndWellDeadline(hours=hours, due=due, done_at=done_at,
                               overdue=late and done_at is None, minutes_late=minutes)


class DoneAtRefused(ValueError):
    """The time given for a check is one it cannot have been done at."""


def finish(interview: Interview, done_at: datetime | None = None) -> None:
    """Mark the check done at `done_at` (now when not given): a check done on the street
    is often typed in later, and its deadline is judged against when it was done.

    Refused (`DoneAtRefused`) in the future, or before the child was found: the check
    is of a child who has been found, so an earlier time is a typing mistake."""
    now = clock.now()
    when = done_at or now
    if timedelta(0) <= now - when < timedelta(minutes=1):
        when = now  # the form's own "now", left as it was filled: typed to the minute
    if when > now:
        raise DoneAtRefused(_l("The time the check was done cannot be in the future"))
    found = interview.episode.found
    if found is None:
        raise DoneAtRefused(_l("The child has not been found yet"))
    if when < found:
        raise DoneAtRefused(_l("The check cannot have been done before the child was found"))
    interview.status = "completed"
    interview.completed_at = when
    db.session.commit()


def answer_display(page: Page, answer: Answer | None) -> str | None:
    """What was recorded on a page, as words: the option chosen, the notes, or the decline."""
    if answer is None or answer.is_draft and not answer.text:
        return None
    if answer.state != "answered":
        return DECLINE_STATES.get(answer.state, answer.state)
    if page.kind == "choice":
        return next((o.label for o in page.options if o.value == answer.choice), answer.choice)
    if page.kind == "info":
        return None
    return answer.text


def what_we_already_know(interview: Interview) -> list[dict]:
    """The police safe and well checks on this episode, for the RHI worker to read beforehand.

    Shown only on the practitioner's preparation view: the child should tell
    their own story at the RHI, not hear it read back to them.
    """
    checks = []
    for other in interview.episode.interviews:
        if other.kind != "safe_and_well" or other.id == interview.id:
            continue
        flow = flow_for(other)
        rows = []
        for page in flow.pages:
            shown = answer_display(page, other.answer_for(page.id))
            if shown:
                rows.append({"page": page, "value": shown})
        checks.append({"interview": other, "rows": rows,
                       "deadline": safe_and_well_deadline(other.episode, other)})
    return checks


def _new_answer(interview: Interview, page_id: str) -> Answer:
    """The page's answer row, made once even when two saves race.

    Tabbing out of the notes autosaves (on blur) while Enter submits the page:
    both may find no row yet. The second to arrive updates the row the first
    made instead of failing on the unique (interview, page) constraint.
    """
    answer = Answer(interview=interview, page_id=page_id)
    db.session.add(answer)
    try:
        db.session.flush()
    except IntegrityError:
        db.session.rollback()
        answer = db.session.scalars(
            db.select(Answer).filter_by(interview_id=interview.id, page_id=page_id)).one()
    return answer


def _hold(answer: Answer) -> None:
    """Write the answer row before reading its suggestions, so a second save waits.

    Tabbing out of the notes autosaves while the button submits them: both read
    the same words at once. Whichever writes the row second waits for the first
    to commit, then reads the suggestions the first made and replaces them,
    instead of adding the same ones again beside them.
    """
    answer.updated_at = utcnow()
    db.session.flush()
    db.session.expire(answer, ["suggestions"])


def interview_date(interview: Interview) -> date:
    return interview.created_at.date()


def refresh_suggestions(answer: Answer, analysis: nlp.Analysis | None) -> None:
    """Suggest from a fresh reading of the notes, keeping every decision a person already made.

    Undecided suggestions are replaced by the engine's fresh reading (None: the
    answer has no words to read, so none are suggested). Decided
    ones stay; if their evidence is still in the text, their offsets follow it.
    Only `present` findings become suggestions: a negated, hypothetical or
    other-person mention is never offered as a tick for the child.

    An undecided suggestion the fresh reading makes again (same indicator, words,
    window and reason) is kept as it is, its offsets following the words: typing more
    notes then rewrites no rows, and the Confirm button already on the worker's screen
    still names the same suggestion after an autosave.
    """
    text = answer.text or ""
    decided = [s for s in answer.suggestions if s.status != "suggested"]
    undecided: dict[tuple, list[Suggestion]] = {}
    for s in answer.suggestions:
        if s.status == "suggested":
            undecided.setdefault(_same_finding(s), []).append(s)
    for s in decided:
        if s.evidence and s.start is not None and text[s.start : s.end] != s.evidence:
            at = text.find(s.evidence)
            if at >= 0:
                s.start, s.end = at, at + len(s.evidence)
    taken = {(s.indicator, s.evidence) for s in decided}
    taken_ids = {s.indicator for s in decided}
    for found in analysis.present if analysis is not None else ():
        if (found.indicator, found.evidence) in taken or found.indicator in taken_ids:
            continue
        taken_ids.add(found.indicator)
        window = found.window or "recent"
        # Compared as plain values: a row object is built only for a new suggestion.
        same = undecided.get((found.indicator, found.assertion, window, found.evidence,
                              found.reason, found.match))
        if same:
            kept = same.pop(0)
            if (kept.start, kept.end) != (found.start, found.end):
                kept.start, kept.end = found.start, found.end
            continue
        answer.suggestions.append(Suggestion(
            indicator=found.indicator,
            assertion=found.assertion,
            window=window,
            evidence=found.evidence,
            start=found.start,
            end=found.end,
            reason=found.reason,
            match=found.match,
            status="suggested",
        ))
    for left in undecided.values():
        for s in left:
            answer.suggestions.remove(s)


def _same_finding(s: Suggestion) -> tuple:
    """What makes two suggestions the same one for the worker (everything but where);
    `refresh_suggestions` builds the same tuple from a finding."""
    return (s.indicator, s.assertion, s.window, s.evidence, s.reason, s.match)


def decide(suggestion: Suggestion, user_id: int, decision: str, reason: str | None) -> None:
    if decision not in ("confirmed", "rejected", "suggested"):
        raise ValueError(decision)
    suggestion.status = decision
    suggestion.decided_by_id = user_id if decision != "suggested" else None
    suggestion.decided_at = clock.now() if decision != "suggested" else None
    suggestion.decision_reason = (reason or None) if decision == "rejected" else None
    db.session.commit()


class EvidenceNotInNotes(ValueError):
    """Evidence for an added indicator must be words of the notes, never typed afresh."""


def add_indicator(
    answer: Answer, user_id: int, indicator: str, window: str, evidence: str | None
) -> Suggestion:
    """A practitioner adds what the engine missed: it counts as decided from the start.

    Its evidence is a span of the notes (the form offers their sentences): a quote that is
    not in the notes would reach SERAF and the police as if the child had said it.
    """
    text = answer.text or ""
    evidence = (evidence or "").strip()
    at = text.find(evidence) if evidence else -1
    if at < 0:
        raise EvidenceNotInNotes(evidence)
    suggestion = Suggestion(
        indicator=indicator,
        assertion="present",
        window=window,
        evidence=evidence,
        start=at,
        end=at + len(evidence),
        reason="added by the practitioner",
        match="manual",
        status="added",
        decided_by_id=user_id,
        decided_at=clock.now(),
    )
    answer.suggestions.append(suggestion)
    db.session.commit()
    return suggestion


def withdraw_added(suggestion: Suggestion) -> None:
    """Undo adding an indicator: it goes as if never added (its words stay in the notes)."""
    if suggestion.status != "added":
        raise ValueError("only an added indicator is withdrawn")
    suggestion.answer.suggestions.remove(suggestion)
    db.session.delete(suggestion)
    db.session.commit()


def confirmed_suggestions(interview: Interview) -> list[Suggestion]:
    return [
        s
        for a in interview.answers
        for s in a.suggestions
        if s.is_confirmed and s.assertion == "present"
    ]


def pending_count(interview: Interview) -> int:
    return sum(1 for a in interview.answers for s in a.suggestions if s.status == "suggested")
