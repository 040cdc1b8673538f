"""What one mention names: complete (links to its equals), partial (joins the one complete
group that fits it) or too little to link at all."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from rhi_assistant.vocabulary import ENTITY_KINDS

#: The entity types of the NLP engine, the types a mention may have.
TYPES = ENTITY_KINDS


class Strength(StrEnum):
    COMPLETE = "complete"
    PARTIAL = "partial"
    NONE = "none"     # never links: a town alone, a colour alone, a bare scrap


@dataclass(frozen=True)
class Reading:
    """A mention as the matching rules see it.

    `key`: for a complete mention of a type matched by equality, its normalised form (equal
    keys are one thing); `data`: what the type's own rules compare (name parts, vehicle
    attributes, a place's name and locations)."""

    type: str
    strength: Strength
    key: str = ""
    data: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @property
    def links(self) -> bool:
        return self.strength is not Strength.NONE


def read_mention(type_: str, text: str) -> Reading:
    """Read a confirmed mention of one of the NLP engine's entity types."""
    from rhi_assistant.links import handles, people, phones, places, plates, vehicles

    readers = {"PLATE": plates.read, "PHONE": phones.read, "HANDLE": handles.read,
               "VEHICLE": vehicles.read, "PERSON": people.read, "PLACE": places.read}
    reader = readers.get(type_)
    if reader is None:
        raise ValueError(f"not an entity type: {type_!r}")
    return reader(text)
