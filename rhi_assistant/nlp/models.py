"""Result types returned by the NLP engine.

They are frozen dataclasses so that results can be cached, hashed and passed
between the web app and the CLI without anyone mutating a finding after the
engine produced it (the evidence offsets must always stay true to the text).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Finding:
    """One indicator mention found in a note, with the evidence that supports it."""

    indicator: str
    label: str
    concerns: tuple[str, ...]
    assertion: str
    window: str | None
    evidence: str
    start: int
    end: int
    cue: str | None
    window_cue: str | None
    reason: str
    match: str = "exact"
    score: float = 100.0
    # hypothetical because the child is unsure whether it happened to them, not because
    # it is imagined or future: shown apart, to explore ("might have been raped")
    unsure: bool = False

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["concerns"] = list(self.concerns)
        return d

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Finding:
        """Back from ``to_dict``, for a reading stored with an answer."""
        return cls(**{**data, "concerns": tuple(data.get("concerns") or ())})

    @classmethod
    def build(cls, **fields: Any) -> Finding:
        """The engine's fast constructor: a frozen dataclass ``__init__`` pays an
        ``object.__setattr__`` per field, which cost more than the matching itself.
        Callers must pass every field."""
        obj = object.__new__(cls)
        obj.__dict__.update(fields)
        return obj


@dataclass(frozen=True)
class Entity:
    """A person, place, vehicle, plate, phone number or social media handle."""

    type: str
    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Entity:
        return cls(**data)


@dataclass(frozen=True)
class Analysis:
    """Everything the engine found in one note."""

    text: str
    findings: list[Finding] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)

    @property
    def present(self) -> list[Finding]:
        """Findings the web app may offer as ticks (about this child, not denied)."""
        return [s for s in self.findings if s.assertion == "present"]

    def to_dict(self) -> dict[str, Any]:
        return {
            # "suggestions" is the prediction format's field name, scored by the shared eval.
            "suggestions": [s.to_dict() for s in self.findings],
            "entities": [e.to_dict() for e in self.entities],
        }


@dataclass(frozen=True)
class QuestionClassification:
    """The type of a practitioner's question and, for closed or leading ones, an open rewording."""

    text: str
    question_type: str
    rewording: str | None
    reason: str
    # a caution whatever the type ("why" questions can sound blaming to a child)
    note: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "question_type": self.question_type,
            "rewording": self.rewording,
            "reason": self.reason,
            "note": self.note,
        }
