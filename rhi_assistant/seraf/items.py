"""The SERAF form's items, read from the package's own copy of the indicator vocabulary.

The copy in ``data/indicators.json`` mirrors ``shared/spec/indicators.json`` so that
an installed package never reads outside itself; the vocabulary's ids are stable,
so a stale copy can only lack new ids, never mislabel old ones.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Any

SERAF_GROUPS: tuple[str, ...] = ("seraf_vulnerability", "seraf_moderate", "seraf_significant")
"""The three lists on the form, in the form's order."""


@cache
def _vocabulary() -> dict[str, Any]:
    text = (
        resources.files("rhi_assistant.seraf")
        .joinpath("data/indicators.json")
        .read_text(encoding="utf-8")
    )
    data = json.loads(text)
    if not isinstance(data, dict) or not isinstance(data.get("indicators"), list):
        raise ValueError("seraf/data/indicators.json: expected an object with an 'indicators' list")
    return data


@cache
def _seraf_items() -> tuple[tuple[str, tuple[tuple[str, str], ...]], ...]:
    items: dict[str, list[tuple[str, str]]] = {g: [] for g in SERAF_GROUPS}
    for entry in _vocabulary()["indicators"]:
        group = entry.get("group")
        if group in items:
            items[group].append((entry["id"], entry["label"]))
    return tuple((g, tuple(v)) for g, v in items.items())


def seraf_items() -> dict[str, list[tuple[str, str]]]:
    """Map each SERAF group to its ``(id, label)`` pairs, in the form's order.

    A fresh dict on every call, so a caller may change it without touching the cache.
    """
    return {g: list(v) for g, v in _seraf_items()}


def indicator_group(indicator_id: str) -> str | None:
    """The SERAF group an id belongs to, or None if it is not a SERAF item."""
    for group, items in _seraf_items():
        if any(i == indicator_id for i, _label in items):
            return group
    return None


@cache
def concern_labels() -> MappingProxyType[str, str]:
    """Human labels for the exploitation concerns (CSE, CCE, TRAFFICKING, HARM), in order."""
    return MappingProxyType(dict(_vocabulary().get("concerns", {})))


@cache
def indicator_labels() -> MappingProxyType[str, str]:
    """Every indicator id in the vocabulary (not only SERAF) mapped to its label."""
    return MappingProxyType({e["id"]: e["label"] for e in _vocabulary()["indicators"]})
