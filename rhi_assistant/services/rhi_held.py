"""When an RHI counts as held, and why an episode cannot be both refused and interviewed.

Held means the first answer the child gave was saved (`Interview.held_at`): words, a
choice, "I don't know" or "I don't want to say". Clicking Start, a consent question, a
skipped question or a draft is not holding it; a child who says nothing has not been
interviewed. The episode list, the offer page and the Figures page all read it from here.

Refused and held are exclusive, in this order: once an interview is held, a refusal
cannot be recorded (`record_refusal` refuses it); a child who refused and later changed
their mind and was interviewed counts as held, and the refusal stays on the record,
explained beside it ("refused, then interviewed").
"""

from __future__ import annotations

from datetime import datetime

from flask_babel import lazy_gettext as _l

from rhi_assistant import clock
from rhi_assistant.extensions import db
from rhi_assistant.flows import Page
from rhi_assistant.models import Answer, Episode, Interview, Refusal
from rhi_assistant.services import consent

#: The answer states that are the child's own answer (not "skipped" by the worker).
CHILDS_STATES = frozenset({"answered", "dont_know", "prefer_not_to_say"})


class RefusalNotAllowed(ValueError):
    """A refusal on an episode whose RHI was held."""


def is_childs_answer(page: Page, answer: Answer) -> bool:
    """A submitted answer that shows the child was interviewed."""
    if answer.is_draft or page.id in consent.FLOW_PAGES or answer.state not in CHILDS_STATES:
        return False
    if answer.state != "answered":
        return True
    return page.kind in ("notes", "text", "choice") and bool(answer.text or answer.choice)


def note_answer(interview: Interview, page: Page, answer: Answer) -> None:
    """Mark the RHI held at its first answer from the child (not committed here)."""
    if interview.kind == "rhi" and interview.held_at is None and is_childs_answer(page, answer):
        interview.held_at = clock.now()


def held_at(episode: Episode) -> datetime | None:
    """When the episode's RHI was first held; None when none was."""
    times = [iv.held_at for iv in episode.interviews if iv.kind == "rhi" and iv.held_at]
    return min(times) if times else None


def record_refusal(episode: Episode, reason: str, refused_at: datetime, detail: str | None,
                   by_id: int) -> Refusal:
    """Record why the RHI will not take place; committed.

    Raises `RefusalNotAllowed` once an interview was held: the episode's RHI happened,
    and counting it as refused too would tell the Figures page both."""
    when = held_at(episode)
    if when is not None:
        raise RefusalNotAllowed(_l(
            "An interview was held on this episode, so it cannot also be recorded as "
            "refused. If the child stopped part way, write that in the interview notes."))
    row = Refusal(episode_id=episode.id, reason=reason, refused_at=refused_at, detail=detail,
                  recorded_by_id=by_id)
    db.session.add(row)
    db.session.commit()
    return row
