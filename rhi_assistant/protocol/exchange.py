"""Adapter between the JSON exchange format and the typed API.

Kept apart from the rules so the web app never needs it, and so that input
errors in a scenario file are reported with the field that is wrong.

Beyond the shared spec (``../shared/spec/protocol-scenarios.md``), a scenario
may say where a looked-after child is placed, for the out-of-area rules:

- ``child.home_authority``: the council responsible for the child (text;
  left out or null: the profile's own council);
- ``episode.placement_out_of_area``: the placement is outside the home
  authority's area (a boolean; left out: false);
- ``episode.placement_area``: where the placement is (text, for people);
- ``episode.home_authority``: the home authority as this report names it
  (overrides the child's).

The result is unchanged: the notifications and the escalation are actions
like the others, with their due times. Examples with expected results are in
``tests/protocol/data/scenarios_out_of_area*.jsonl``.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from rhi_assistant.protocol.models import (
    CHILD_FLAGS,
    EPISODE_FLAGS,
    ChildFacts,
    EpisodeFacts,
    PreviousEpisode,
)
from rhi_assistant.protocol.timeutil import DEFAULT_TIMEZONE, parse_date, parse_instant


class ScenarioError(ValueError):
    """A scenario does not follow the exchange format."""


def _obj(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ScenarioError(f"{where}: expected an object, got {value!r}")
    return value


def _bool(obj: dict[str, Any], key: str, where: str) -> bool:
    value = obj.get(key)
    if value is None:
        return False  # "Booleans left out mean false."
    if not isinstance(value, bool):
        raise ScenarioError(f"{where}.{key}: expected true or false, got {value!r}")
    return value


def _instant(obj: dict[str, Any], key: str, where: str, tz: str) -> datetime | None:
    value = obj.get(key)
    if value is None:
        return None
    try:
        return parse_instant(value, tz)
    except ValueError as exc:
        raise ScenarioError(f"{where}.{key}: {exc}") from exc


def _name(obj: dict[str, Any], key: str, where: str) -> str | None:
    """Optional text (a council, an area); empty means not given."""
    value = obj.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise ScenarioError(f"{where}.{key}: expected text, got {value!r}")
    return value.strip() or None


def child_from_json(data: Any) -> ChildFacts:
    obj = _obj(data, "child")
    if obj.get("date_of_birth") is None:
        raise ScenarioError("child.date_of_birth: required")
    try:
        dob = parse_date(obj["date_of_birth"])
    except ValueError as exc:
        raise ScenarioError(f"child.date_of_birth: {exc}") from exc
    return ChildFacts(dob, **{k: _bool(obj, k, "child") for k in CHILD_FLAGS},
                      home_authority=_name(obj, "home_authority", "child"))


def episode_from_json(data: Any, tz: str = DEFAULT_TIMEZONE) -> EpisodeFacts:
    obj = _obj(data, "episode")
    last_seen = _instant(obj, "last_seen", "episode", tz)
    if last_seen is None:
        raise ScenarioError("episode.last_seen: required")
    try:
        return EpisodeFacts(
            last_seen=last_seen,
            police_risk=obj.get("police_risk"),  # None = not yet graded; values checked there
            reported_missing=_instant(obj, "reported_missing", "episode", tz),
            found=_instant(obj, "found", "episode", tz),
            **_flags(obj),
            placement_out_of_area=_bool(obj, "placement_out_of_area", "episode"),
            placement_area=_name(obj, "placement_area", "episode"),
            home_authority=_name(obj, "home_authority", "episode"),
        )
    except ValueError as exc:
        raise ScenarioError(f"episode: {exc}") from exc


def previous_from_json(data: Any, tz: str = DEFAULT_TIMEZONE) -> list[PreviousEpisode]:
    if data is None:
        return []
    if not isinstance(data, list):
        raise ScenarioError("previous_episodes: expected a list")
    out = []
    for i, item in enumerate(data):
        where = f"previous_episodes[{i}]"
        obj = _obj(item, where)
        out.append(
            PreviousEpisode(
                last_seen=_instant(obj, "last_seen", where, tz),
                reported_missing=_instant(obj, "reported_missing", where, tz),
                found=_instant(obj, "found", where, tz),
            )
        )
    return out


def now_from_json(scenario: dict[str, Any], tz: str = DEFAULT_TIMEZONE) -> datetime | None:
    return _instant(scenario, "now", "scenario", tz)


def _flags(obj: dict) -> dict[str, Any]:
    """The episode concern flags of a scenario, each true or false."""
    return {k: _bool(obj, k, "episode") for k in EPISODE_FLAGS}
