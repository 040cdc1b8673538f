"""Whether a name in the notes was said of the child now, or only imagined, denied or of someone
else: the sentence it sits in tells.

The engine marks each indicator mention with its assertion; an entity carries none. A place
named in a sentence whose only mentions were read as hypothetical, denied or about someone
else ("if she went to Bristol...", "her cousin stays at Flat 4") is not a fact about the
child, so it is not offered ready-ticked for a summary and never reaches a trigger plan.
"""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from rhi_assistant import nlp
from rhi_assistant.models import Answer
from rhi_assistant.nlp.sentences import sentences
from rhi_assistant.services.readings import Reading
from rhi_assistant.vocabulary import Assertion, SuggestionStatus

# Findings that are the child's to tick but tell what happened to the child's friends: the
# places and people in their sentence are the friend's ("Her friend Amy was taken to Station
# Road"), so they do not make that sentence a fact about the child's own whereabouts.
ABOUT_PEERS = frozenset({"seraf.sig.peers_exploited"})


def aside(answer: Answer, reading: Reading, entity: nlp.Entity) -> str | None:
    """The assertion (``hypothetical``, ``negated``, ``other_person``...) of the sentence an
    entity is named in, or None when nothing marks that sentence as other than present."""
    sentence = next((s for s in sentences(answer.text) if s.start <= entity.start < s.end), None)
    if sentence is None:
        return None

    def inside(start: int | None) -> bool:
        return start is not None and sentence.start <= start < sentence.end

    if any(inside(s.start) and s.assertion == Assertion.PRESENT
           and s.status != SuggestionStatus.REJECTED and s.indicator not in ABOUT_PEERS
           for s in answer.suggestions):
        return None
    return next((f.assertion for f in reading.not_suggested if inside(f.start)), None)


ASIDE_LABELS = {
    Assertion.HYPOTHETICAL.value: _l("said as a possibility, not as something that happened"),
    Assertion.NEGATED.value: _l("said in a denial"),
    Assertion.OTHER_PERSON.value: _l("said about someone else"),
}


def aside_label(assertion: str | None) -> str | None:
    """Plain words for why an entity is not offered ready-ticked."""
    if assertion is None:
        return None
    return str(ASIDE_LABELS.get(assertion, _l("not said as a fact about the child")))
