"""Local missing-children protocols as data, and the engine that applies them.

Plain Python (no Flask) so the CLI, the tests and the web app share one
implementation. Entry points:

* ``list_profiles()`` / ``load_profile(name)`` - the councils' rule sets;
* ``evaluate_episode(profile_name, child, episode, previous, now)`` - typed;
* ``evaluate(scenario)`` - one exchange-format scenario dict in, result dict out;
* ``label_for(profile_name, code)`` - the label of a reason or action code.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from rhi_assistant import clock
from rhi_assistant.protocol.conditions import CONDITIONS, ProfileError
from rhi_assistant.protocol.evaluator import evaluate_with
from rhi_assistant.protocol.exchange import (
    ScenarioError,
    child_from_json,
    episode_from_json,
    now_from_json,
    previous_from_json,
)
from rhi_assistant.protocol.models import (
    CHILD_FLAGS,
    EPISODE_FLAGS,
    POLICE_RISKS,
    Action,
    ChildFacts,
    Consent,
    EpisodeFacts,
    PreviousEpisode,
    ProtocolResult,
    Reason,
    RhiOutcome,
)
from rhi_assistant.protocol.profile import (
    ENV_VAR,
    Profile,
    ProfileInfo,
    list_profiles,
    load_profile,
)

__all__ = [
    "CHILD_FLAGS",
    "CONDITIONS",
    "ENV_VAR",
    "EPISODE_FLAGS",
    "POLICE_RISKS",
    "Action",
    "ChildFacts",
    "Consent",
    "EpisodeFacts",
    "PreviousEpisode",
    "Profile",
    "ProfileError",
    "ProfileInfo",
    "ProtocolResult",
    "Reason",
    "RhiOutcome",
    "ScenarioError",
    "evaluate",
    "evaluate_episode",
    "label_for",
    "list_profiles",
    "load_profile",
]

PathLike = str | os.PathLike[str]


def evaluate_episode(
    profile_name: str,
    child: ChildFacts,
    episode: EpisodeFacts,
    previous: Sequence[PreviousEpisode] = (),
    now: datetime | None = None,
    *,
    profiles_dir: PathLike | None = None,
) -> ProtocolResult:
    """Apply the named profile to one episode.

    ``now`` only matters while the child is still missing (``episode.found``
    is None); it defaults to ``rhi_assistant.clock.now()``. All datetimes must
    be aware.
    """
    profile = load_profile(profile_name, profiles_dir)
    return evaluate_with(profile, child, episode, previous, now or clock.now())


def evaluate(scenario: dict[str, Any], *, profiles_dir: PathLike | None = None) -> dict[str, Any]:
    """One exchange-format scenario in, the exchange-format result out.

    Raises ``ScenarioError`` for malformed input and ``ProfileError`` for an
    unknown or broken profile.
    """
    if not isinstance(scenario, dict):
        raise ScenarioError("a scenario is a JSON object")
    name = scenario.get("profile")
    if not isinstance(name, str):
        raise ScenarioError("profile: required")
    profile = load_profile(name, profiles_dir)
    tz = profile.timezone
    result = evaluate_with(
        profile,
        child_from_json(scenario.get("child")),
        episode_from_json(scenario.get("episode"), tz),
        previous_from_json(scenario.get("previous_episodes"), tz),
        now_from_json(scenario, tz) or clock.now(),
        scenario_id=None if scenario.get("id") is None else str(scenario["id"]),
    )
    out = result.to_dict()
    if scenario.get("id") is not None:
        out["id"] = scenario["id"]  # echo the id as given (string or number)
    return out


def label_for(profile_name: str, code: str, *, profiles_dir: PathLike | None = None) -> str:
    """Human-readable label of a reason or action code in a profile."""
    return load_profile(profile_name, profiles_dir).label_for(code)
