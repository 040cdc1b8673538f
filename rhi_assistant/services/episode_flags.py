"""An episode's concern flags: what people recorded, and what the record sets.

Confirmed findings and the recorded episodes set flags by the profile's ``from_record``
rules (data: a confirmed trafficking indicator sets ``trafficking_concern``, which the
protocol's NRM referral rule reads). A flag the record sets counts as set, shown as "from the
record", until a person decides it on the concerns page; from then on their decision stands.
"""

from __future__ import annotations

from collections import Counter

from rhi_assistant import vocabulary
from rhi_assistant.extensions import db
from rhi_assistant.models import Answer, Episode, Interview, Suggestion
from rhi_assistant.protocol.models import CONCERNS, EPISODE_FLAGS
from rhi_assistant.vocabulary import CONFIRMED_STATUSES


def confirmed_for(episode: Episode) -> list[Suggestion]:
    """Indicators confirmed (or added) in the episode's interviews, about the child now."""
    if episode.id is None:
        return []
    return list(db.session.scalars(
        db.select(Suggestion).join(Answer, Suggestion.answer_id == Answer.id)
        .join(Interview, Answer.interview_id == Interview.id)
        .where(Interview.episode_id == episode.id,
               Suggestion.status.in_(sorted(s.value for s in CONFIRMED_STATUSES)),
               Suggestion.assertion == "present")
        .order_by(Suggestion.id)))


def confirmed_concern_counts(episode: Episode) -> tuple[tuple[str, int], ...]:
    """(concern, how many confirmed indicators count towards it), for the protocol's facts."""
    counts: Counter[str] = Counter()
    for s in confirmed_for(episode):
        for concern in dict.fromkeys(vocabulary.concerns(s.indicator)):
            if concern in CONCERNS:
                counts[concern] += 1
    return tuple(sorted(counts.items()))


def decided(episode: Episode) -> set[str]:
    return {f for f in (episode.flags_decided or []) if f in EPISODE_FLAGS}


def effective(episode: Episode, from_record: tuple[str, ...]) -> dict[str, bool]:
    """Each flag as the protocol reads it: a person's decision, else recorded or from the record."""
    chosen = decided(episode)
    return {f: bool(getattr(episode, f)) if f in chosen
            else bool(getattr(episode, f)) or f in from_record
            for f in EPISODE_FLAGS}


def decide(episode: Episode, values: dict[str, bool], from_record: tuple[str, ...]) -> list[str]:
    """Store what a person set on the concerns page; the flags they changed become decided.

    A flag left as the record set it keeps following the record. Returns the changed flags.
    """
    before = effective(episode, from_record)
    changed = [f for f in EPISODE_FLAGS if values.get(f, False) != before[f]]
    chosen = decided(episode) | set(changed)
    for f in EPISODE_FLAGS:
        if f in chosen:
            setattr(episode, f, values.get(f, False))
    episode.flags_decided = sorted(chosen)
    db.session.commit()
    return changed
