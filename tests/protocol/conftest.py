"""Builders for exchange-format scenarios, so each test states only what it is about."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import pytest

from rhi_assistant.protocol import evaluate

BASE: dict[str, Any] = {
    "id": "t",
    "profile": "bcp",
    "child": {"date_of_birth": "2012-05-01", "looked_after": False},
    "episode": {
        "last_seen": "2026-11-10T12:00:00Z",
        "reported_missing": "2026-11-10T12:30:00Z",
        "found": "2026-11-10T14:00:00Z",
        "police_risk": "medium",
    },
    "previous_episodes": [],
}


def build(
    profile: str = "bcp",
    child: dict[str, Any] | None = None,
    previous: list[dict[str, Any]] | None = None,
    now: str | None = None,
    **episode: Any,
) -> dict[str, Any]:
    """A fictional scenario: the base one with the given fields replaced."""
    s = copy.deepcopy(BASE)
    s["profile"] = profile
    s["child"].update(child or {})
    s["episode"].update(episode)
    s["previous_episodes"] = previous or []
    if now is not None:
        s["now"] = now
    return s


@pytest.fixture
def run() -> Callable[..., dict[str, Any]]:
    """``run(profile=..., last_seen=..., found=..., ...)`` -> exchange-format result."""

    def _run(**kwargs: Any) -> dict[str, Any]:
        return evaluate(build(**kwargs))

    return _run


def action_names(result: dict[str, Any]) -> set[str]:
    return {a["action"] for a in result["actions"]}


@pytest.fixture
def actions() -> Callable[[dict[str, Any]], set[str]]:
    return action_names
