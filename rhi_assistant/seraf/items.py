"""The SERAF form's items, read from the app's one indicator vocabulary.

The form lists the SERAF groups' indicators in the spec's order; which group an
item is on comes from its ``group`` in the vocabulary, never from its id.
"""

from __future__ import annotations

from functools import cache

from rhi_assistant import vocabulary

SERAF_GROUPS: tuple[str, ...] = tuple(str(g) for g in vocabulary.SERAF_GROUPS)
"""The three lists on the form, in the form's order."""


@cache
def _seraf_items() -> tuple[tuple[str, tuple[tuple[str, str], ...]], ...]:
    items: dict[str, list[tuple[str, str]]] = {g: [] for g in SERAF_GROUPS}
    for indicator_id, meta in vocabulary.indicators().items():
        if meta["group"] in items:
            items[meta["group"]].append((indicator_id, meta["label"]))
    return tuple((g, tuple(v)) for g, v in items.items())


def seraf_items() -> dict[str, list[tuple[str, str]]]:
    """Map each SERAF group to its ``(id, label)`` pairs, in the form's order.

    A fresh dict on every call, so a caller may change it without touching the cache.
    """
    return {g: list(v) for g, v in _seraf_items()}


def indicator_group(indicator_id: str) -> str | None:
    """The SERAF group an id belongs to, or None if it is not a SERAF item."""
    group = vocabulary.group(indicator_id)
    return group if group in SERAF_GROUPS else None

