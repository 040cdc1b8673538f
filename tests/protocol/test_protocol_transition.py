"""Young people turning 18: the profile's ages become calendar days, and adult episodes."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from rhi_assistant.protocol import ProfileError, load_profile
from rhi_assistant.protocol.profile import parse_profile
from rhi_assistant.protocol.transition import (
    DEFAULT_TRANSITION,
    Transition,
    adult_at,
    date_at_age,
    stage_on,
)

DOB = date(2009, 3, 14)


@pytest.mark.parametrize(("dob", "years", "day"), [
    (DOB, 16, date(2025, 3, 14)),
    (DOB, 17.5, date(2026, 9, 14)),
    (DOB, 18, date(2027, 3, 14)),
    (date(2008, 8, 31), 17.5, date(2026, 3, 1)),   # no 28 or 29 Feb 31st: the 1st of March
    (date(2008, 2, 29), 18, date(2026, 3, 1)),     # a leap-day birthday in a common year
    (date(2008, 2, 29), 16, date(2024, 2, 29)),
    (date(2009, 12, 20), 17.5, date(2027, 6, 20)),
])
def test_the_day_an_age_is_reached(dob: date, years: float, day: date) -> None:
    assert date_at_age(dob, years) == day


@pytest.mark.parametrize(("today", "stage"), [
    (date(2025, 3, 13), "child"),
    (date(2025, 3, 14), "young_person"),
    (date(2026, 9, 13), "young_person"),
    (date(2026, 9, 14), "plan_handover"),
    (date(2027, 3, 13), "plan_handover"),
    (date(2027, 3, 14), "adult"),
])
def test_stages_change_on_the_day(today: date, stage: str) -> None:
    got = stage_on(DEFAULT_TRANSITION, DOB, today)
    assert got.stage == stage
    assert got.needs_plan is (stage in ("plan_handover", "adult"))


def test_a_profile_may_start_planning_earlier() -> None:
    early = Transition(16, 17, 18)
    assert stage_on(early, DOB, date(2026, 3, 14)).stage == "plan_handover"
    assert stage_on(DEFAULT_TRANSITION, DOB, date(2026, 3, 14)).stage == "young_person"


def test_an_episode_is_an_adults_from_the_local_birthday() -> None:
    # 00:15 BST on 14 July is 23:15 UTC on the 13th: already the 18th birthday locally
    dob = date(2009, 7, 14)
    assert adult_at(DEFAULT_TRANSITION, dob, datetime(2027, 7, 13, 23, 15, tzinfo=UTC))
    assert not adult_at(DEFAULT_TRANSITION, dob, datetime(2027, 7, 13, 22, 15, tzinfo=UTC))


def test_the_result_says_when_the_episode_is_an_adults() -> None:
    child = {"date_of_birth": "2008-11-09"}
    assert not _adult(child, "2026-11-08T12:00:00Z")
    assert _adult(child, "2026-11-09T12:00:00Z")


def _adult(child: dict[str, Any], last_seen: str) -> bool:
    from rhi_assistant.protocol import evaluate_episode
    from rhi_assistant.protocol.exchange import child_from_json, episode_from_json

    episode = episode_from_json({"last_seen": last_seen, "police_risk": "low"})
    return evaluate_episode("bcp", child_from_json(child), episode,
                            now=datetime(2026, 12, 1, tzinfo=UTC)).adult


def test_shipped_profiles_hold_the_ages_as_data() -> None:
    for name in ("north_somerset", "bcp"):
        raw = json.loads(Path(load_profile(name).path).read_text(encoding="utf-8"))
        assert raw["transition"] == {"young_person_from_age": 16,
                                     "plan_handover_from_age": 17.5, "adult_from_age": 18}
        assert load_profile(name).transition == Transition(16, 17.5, 18)


@pytest.mark.parametrize(("transition", "message"), [
    ({"young_person_from_age": 16, "plan_handover_from_age": 17.25, "adult_from_age": 18},
     "whole or half years"),
    ({"young_person_from_age": 16, "plan_handover_from_age": 19, "adult_from_age": 18},
     "must not decrease"),
    ({"young_person_from_age": 16, "adult_from_age": 18}, "plan_handover_from_age"),
])
def test_a_broken_transition_fails_loudly(transition: dict, message: str) -> None:
    raw = json.loads(Path(load_profile("bcp").path).read_text(encoding="utf-8"))
    raw["transition"] = transition
    with pytest.raises(ProfileError, match=message):
        parse_profile(raw, "bcp")
