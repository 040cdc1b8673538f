"""What the engine read in an answer's notes, kept with the answer when it is saved.

The notes are read once per save: the same reading gives the suggestions (stored as
`Suggestion` rows, for a person to decide on) and everything else shown beside the
notes, which is stored on the answer. Showing a page or preparing a summary then
reads what was stored instead of running the engine over the notes again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy import update
from sqlalchemy.orm.attributes import set_committed_value

from rhi_assistant import nlp
from rhi_assistant.extensions import db
from rhi_assistant.models import Answer


@dataclass(frozen=True)
class Reading:
    """What else the engine read in the notes, shown beside them but never as ticks.

    `not_suggested`: mentions read as denied, imagined or about someone else, each
    with why. `unsure`: things the child is unsure happened to them ("might have
    been raped but isn't sure"), kept apart because they are to be explored, never
    set aside with the imagined ones, and never ticked unless a person adds them.
    `entities`: people, places, vehicles and contacts named.
    """

    not_suggested: tuple[nlp.Finding, ...] = ()
    entities: tuple[nlp.Entity, ...] = ()
    unsure: tuple[nlp.Finding, ...] = ()

    @classmethod
    def of(cls, analysis: nlp.Analysis) -> Reading:
        split = cls.split(f for f in analysis.findings if f.assertion != "present")
        return replace(split, entities=tuple(analysis.entities))

    @classmethod
    def split(cls, findings: Iterable[nlp.Finding]) -> Reading:
        """Unsure disclosures apart from the rest of what was not suggested."""
        unsure: list[nlp.Finding] = []
        rest: list[nlp.Finding] = []
        for f in findings:
            (unsure if f.unsure else rest).append(f)
        return cls(not_suggested=tuple(rest), unsure=tuple(unsure))

    def to_dict(self) -> dict[str, Any]:
        return {
            "not_suggested": [f.to_dict() for f in self.not_suggested + self.unsure],
            "entities": [e.to_dict() for e in self.entities],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Reading:
        split = cls.split(nlp.Finding.from_dict(f) for f in data.get("not_suggested", ()))
        entities = tuple(nlp.Entity.from_dict(e) for e in data.get("entities", ()))
        return replace(split, entities=entities)


def has_words(answer: Answer) -> bool:
    """Only words given as an answer are read: a decline or a choice has nothing to read."""
    return _has_words(answer.text, answer.state)


def _has_words(text: str | None, state: str) -> bool:
    return state == "answered" and bool((text or "").strip())


def analyse_words(
    text: str | None, state: str, when: date, date_of_birth: date | None = None
) -> nlp.Analysis | None:
    """Read words about to be saved as an answer in `state` (None: nothing to read).

    Called before the save writes anything: on SQLite a write holds the whole
    database locked until commit, so the engine must not run inside that
    transaction or another worker's save waits and fails ("database is locked").
    The child's date of birth lets "when she was 13" or "in Year 8" be dated.
    """
    if not _has_words(text, state):
        return None
    return nlp.analyse(text or "", interview_date=when, date_of_birth=date_of_birth)


@cache
def _engine_id() -> str:
    """The engine's code and word lists, hashed once per process: a reading made by
    another version of them is not taken for this version's."""
    h = hashlib.sha256()
    root = Path(nlp.__file__).resolve().parent
    for path in sorted(root.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            h.update(path.relative_to(root).as_posix().encode())
            h.update(path.read_bytes())
    return h.hexdigest()


def words_key(text: str | None, state: str, when: date,
              date_of_birth: date | None = None) -> str | None:
    """What a reading of these words depends on, hashed (None: nothing to read).

    Kept inside the encrypted reading: a save of words already read (the tab out of
    the notes autosaves them just before the button submits the very same words)
    then need not read them again.
    """
    if not _has_words(text, state):
        return None
    parts = (_engine_id(), when.isoformat(), date_of_birth.isoformat() if date_of_birth
             else "", text or "")
    return hashlib.sha256("\x00".join(parts).encode("utf-8")).hexdigest()


def read_as(answer: Answer) -> str | None:
    """The `words_key` the answer's stored reading was made for (None: unknown)."""
    return (answer.reading or {}).get("words")


def keep_reading(answer: Answer, analysis: nlp.Analysis | None, key: str | None = None) -> None:
    """Keep the reading of the answer's words (from `analyse_words`) on the answer, with
    the `words_key` of what was read."""
    if analysis is None:
        answer.reading = None
        return
    answer.reading = Reading.of(analysis).to_dict() | ({"words": key} if key else {})


def forget_reading(answer: Answer) -> None:
    """The words changed without being read: a stored reading would no longer be theirs."""
    answer.reading = None


def reading_of(answer: Answer | None, when: date) -> Reading:
    """The stored reading of an answer's words (read once now if it was saved without one)."""
    if answer is None or not has_words(answer):
        return Reading()
    if answer.reading is None:
        _keep_late_reading(answer, when)
    return Reading.from_dict(answer.reading or {})


def _keep_late_reading(answer: Answer, when: date) -> None:
    """Read an answer saved before readings were kept, once, and store the reading.

    Written straight to the row so that the answer's `updated_at` (when the words
    were last saved) stays as it was: reading them is not a change to them.
    """
    child = answer.interview.episode.child
    reading = Reading.of(
        # the child's date of birth dates "when she was 13" and "in Year 8", as on a save
        nlp.analyse(answer.text or "", interview_date=when, date_of_birth=child.date_of_birth)
    ).to_dict()
    db.session.execute(
        update(Answer)
        .where(Answer.id == answer.id)
        .values(reading=reading, updated_at=Answer.updated_at)
        .execution_options(synchronize_session=False)
    )
    set_committed_value(answer, "reading", reading)
    db.session.commit()
