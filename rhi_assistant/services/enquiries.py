"""Lines of enquiry for a search officer, drafted from confirmed, present facts only.

Each line says who, where or what to check and why, in the words of
``vocabulary/enquiries.json`` (data, so a council can change the wording without code): a
place the child was found, each person, place, vehicle and contact a worker chose to share,
and, for each concern with confirmed indicators, what to look for, naming those indicators.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from functools import cache
from importlib import resources
from typing import Any

from rhi_assistant import vocabulary
from rhi_assistant.models import Suggestion
from rhi_assistant.vocabulary import ENTITY_KINDS


@cache
def wording() -> dict[str, Any]:
    source = resources.files("rhi_assistant.vocabulary").joinpath("enquiries.json")
    return json.loads(source.read_text(encoding="utf-8"))


def lines_of_enquiry(
    *,
    found: Sequence[tuple[str, str]],
    entities: dict[str, list[str]],
    confirmed: Iterable[Suggestion],
    cards: Sequence[tuple[str, str]] = (),
) -> list[str]:
    """``found``: (place, when) of each episode, newest first; ``cards``: (who, details) of
    people a worker tied their names and contacts together for; then the loose entities."""
    words = wording()
    out: list[str] = []

    def add(line: str) -> None:
        if line not in out:
            out.append(line)

    for place, when in found:
        add(words["where_found"].format(place=place.strip(), when=when))
    for who, details in cards:
        add(words["card"].format(who=who, details=details))
    for kind in ENTITY_KINDS:
        for text in entities.get(kind, ()):
            add(words["entity"][kind].format(text=text))
    by_concern: dict[str, list[str]] = {}
    for s in confirmed:
        for concern in vocabulary.concerns(s.indicator):
            labels = by_concern.setdefault(concern, [])
            label = vocabulary.label(s.indicator)
            if label not in labels:
                labels.append(label)
    for concern, template in words["concern"].items():
        if concern in by_concern:
            add(template.format(why="confirmed: " + "; ".join(by_concern[concern])))
    return out
