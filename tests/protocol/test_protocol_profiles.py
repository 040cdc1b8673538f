"""Profiles are validated data; a third council needs a file, not code."""

from __future__ import annotations

import copy
import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from rhi_assistant.protocol import (
    ENV_VAR,
    ChildFacts,
    EpisodeFacts,
    PreviousEpisode,
    ProfileError,
    evaluate,
    evaluate_episode,
    label_for,
    list_profiles,
    load_profile,
)
from rhi_assistant.protocol.profile import parse_profile

BUILTIN = Path(load_profile("bcp").path).parent

#: A fictional third council: RHI when missing 12h+ or when the child is under 13,
#: a strategy meeting due 8 hours after the report for high risk.
WESSEX = {
    "schema_version": 1,
    "name": "wessex_vale",
    "title": "Wessex Vale (fictional)",
    "description": "A made-up council used to prove profiles need no code.",
    "rhi": {
        "due_hours_after_found": 48,
        "reasons": [
            {"reason": "long_absence", "label": "Missing 12 hours or more",
             "when": {"missing_hours_at_least": 12}},
            {"reason": "young_child", "label": "Under 13", "when": {"age_under": 13}},
            {"reason": "late_night", "label": "Out between 22:00 and 05:00",
             "when": {"overlaps_local_hours": [22, 5]}},
        ],
    },
    "safe_and_well": {"due_hours_after_found": {"high": 2, "medium": 4, "default": 6}},
    "consent": {"child_consents_from_age": 13, "parent_or_carer_unless_looked_after": False},
    "actions": [
        {"action": "strategy_meeting", "label": "Strategy meeting",
         "when": {"police_risk_in": ["high"]},
         "due": {"hours_after": 8, "from": "reported_missing"}},
        {"action": "return_review", "label": "Return review",
         "when": {"all": [{"found": True}, {"not": {"episodes_total_at_least": 2}}]},
         "due": {"hours_after": 24, "from": "found"}},
    ],
}


def write(directory: Path, data: dict) -> Path:
    path = directory / f"{data['name']}.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


# ---------------------------------------------------------------- built-ins


def test_builtin_profiles_are_listed_with_titles() -> None:
    names = {p.name: p for p in list_profiles()}
    assert {"bcp", "north_somerset"} <= names.keys()
    assert names["bcp"].title and names["north_somerset"].description


def test_every_reason_and_action_has_a_label() -> None:
    assert label_for("bcp", "overnight_6h").startswith("Missing for 6 hours")
    assert "NRM" in label_for("north_somerset", "nrm_referral")
    for name in ("bcp", "north_somerset"):
        profile = load_profile(name)
        assert all(label.strip() for label in profile.labels().values())
    with pytest.raises(KeyError):
        label_for("bcp", "every_return")


def test_builtin_settings() -> None:
    for name in ("bcp", "north_somerset"):
        p = load_profile(name)
        assert p.rhi_due_hours == 72
        assert p.child_consent_age == 16
        assert p.safe_and_well_hours == {
            "high": 1, "medium": 3, "low": 3, "no_apparent_risk": 3, None: 3}
        assert p.timezone == "Europe/London"


# --------------------------------------------------------------- validation


def _bcp() -> dict:
    return json.loads((BUILTIN / "bcp.json").read_text(encoding="utf-8"))


def _broken(mutate) -> dict:
    data = copy.deepcopy(_bcp())
    mutate(data)
    return data


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d["rhi"]["reasons"][0].update(when={"overlap_local_hours": [0, 6]}),
         r"rhi\.reasons\[0\]\.when: unknown condition 'overlap_local_hours'"),
        (lambda d: d["actions"][0].update(when={"flag": "kidnapped"}),
         r"actions\[0\]\.when\.flag: unknown episode flag 'kidnapped'"),
        (lambda d: d["actions"][0].update(when={"police_risk_in": ["severe"]}),
         r"unknown police risk 'severe'"),
        (lambda d: d["actions"][0].update(when={"child": "in_care"}), r"unknown child fact"),
        (lambda d: d["rhi"]["reasons"][0]["when"]["all"].append({"missing_hours_at_least": -1}),
         r"when\.all\[2\]\.missing_hours_at_least: expected a number >= 0"),
        (lambda d: d["rhi"]["reasons"][0].pop("label"),
         r"rhi\.reasons\[0\]: missing required field\(s\): label"),
        (lambda d: d.pop("consent"), r"missing required field\(s\): consent"),
        (lambda d: d.update(colour="blue"), r"unknown field\(s\): colour"),
        (lambda d: d["actions"][1].update(due={"hours_after": 4, "from": "breakfast"}),
         r"due\.from: expected one of found, reported_missing, last_seen"),
        (lambda d: d["safe_and_well"]["due_hours_after_found"].pop("default"),
         r"no hours for medium, low, no_apparent_risk and no 'default'"),
        (lambda d: d.update(name="bcp2"), r"does not match the file name 'bcp'"),
        (lambda d: d.update(schema_version=2), r"schema_version"),
        (lambda d: d.update(timezone="Europe/Atlantis"), r"timezone"),
        (lambda d: d["rhi"]["reasons"].append(d["rhi"]["reasons"][0]), r"listed twice"),
        (lambda d: d["rhi"]["reasons"][0].update(when={"all": [], "any": []}),
         r"exactly one key"),
    ],
)
def test_bad_profile_is_rejected_with_a_clear_message(mutate, message: str) -> None:
    with pytest.raises(ProfileError, match=message):
        parse_profile(_broken(mutate), "bcp", "/somewhere/bcp.json")


def test_bad_file_in_extra_dir_names_the_file(tmp_path: Path) -> None:
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(ProfileError, match=r"broken\.json: not valid JSON"):
        load_profile("broken", profiles_dir=tmp_path)


def test_unknown_profile_lists_the_available_ones() -> None:
    with pytest.raises(ProfileError, match=r"unknown profile 'atlantis' \(available: .*bcp"):
        load_profile("atlantis")


# ----------------------------------------------------- a third council's file


def _wessex_scenario(**episode) -> dict:
    ep = {"last_seen": "2026-11-10T20:00:00Z", "reported_missing": "2026-11-10T21:00:00Z",
          "found": "2026-11-11T09:00:00Z", "police_risk": "high"}
    ep.update(episode)
    return {"id": "w1", "profile": "wessex_vale",
            "child": {"date_of_birth": "2013-01-01", "looked_after": True},
            "episode": ep, "previous_episodes": []}


def test_third_profile_from_a_directory_argument(tmp_path: Path) -> None:
    write(tmp_path, WESSEX)
    assert "wessex_vale" in {p.name for p in list_profiles(profiles_dir=tmp_path)}
    result = evaluate(_wessex_scenario(), profiles_dir=tmp_path)
    assert result == {
        "id": "w1",
        "rhi": {"offer": True, "reasons": ["long_absence", "late_night"],
                "due": "2026-11-13T09:00:00Z"},
        "safe_and_well_due": "2026-11-11T11:00:00Z",
        # consents from 13 here, and the looked-after exception is switched off
        "consent": {"parent_or_carer": False, "child": True},
        "actions": [
            {"action": "strategy_meeting", "due": "2026-11-11T05:00:00Z"},
            {"action": "return_review", "due": "2026-11-12T09:00:00Z"},
        ],
    }


def test_third_profile_from_the_environment(tmp_path: Path, monkeypatch) -> None:
    write(tmp_path, WESSEX)
    monkeypatch.setenv(ENV_VAR, str(tmp_path))
    assert label_for("wessex_vale", "late_night") == "Out between 22:00 and 05:00"
    result = evaluate(_wessex_scenario(found=None, police_risk="low"))
    assert result["rhi"]["offer"] is False
    assert result["actions"] == []  # return_review waits for the return
    # built-ins are still there alongside it
    assert {"bcp", "north_somerset", "wessex_vale"} <= {p.name for p in list_profiles()}


def test_typed_api_gives_labels_and_exchange_dict(tmp_path: Path) -> None:
    write(tmp_path, WESSEX)
    result = evaluate_episode(
        "wessex_vale",
        ChildFacts(date_of_birth=date(2016, 3, 1)),
        EpisodeFacts(
            last_seen=datetime(2026, 11, 10, 15, tzinfo=UTC),
            found=datetime(2026, 11, 10, 17, tzinfo=UTC),
            police_risk="medium",
        ),
        [PreviousEpisode(last_seen=datetime(2026, 1, 1, tzinfo=UTC))],
        profiles_dir=tmp_path,
    )
    assert [(r.code, r.label) for r in result.rhi.reasons] == [("young_child", "Under 13")]
    assert result.actions == ()
    assert result.missing_hours == 2
    assert result.age_years == 10
    assert result.to_dict()["rhi"]["due"] == "2026-11-12T17:00:00Z"


def test_typed_api_rejects_naive_datetimes() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        EpisodeFacts(last_seen=datetime(2026, 11, 10, 15), police_risk="medium")


def test_still_missing_shows_provisional_reasons_without_offering() -> None:
    result = evaluate_episode(
        "bcp",
        ChildFacts(date_of_birth=date(2012, 1, 1)),
        EpisodeFacts(last_seen=datetime(2026, 11, 10, 20, tzinfo=UTC), police_risk="medium",
                     hurt_or_harmed=True),
        now=datetime(2026, 11, 11, 7, tzinfo=UTC),
    )
    assert result.still_missing and not result.rhi.offer and result.rhi.due is None
    assert [r.code for r in result.provisional_reasons] == [
        "overnight_6h", "over_9h", "hurt_or_harmed"]


def test_ungraded_risk_without_default_gets_the_earliest_check() -> None:
    data = _bcp()
    data["safe_and_well"]["due_hours_after_found"] = {
        "high": 1, "medium": 3, "low": 4, "no_apparent_risk": 6}
    assert parse_profile(data, "bcp").safe_and_well_hours[None] == 1


def test_a_profile_added_to_a_folder_already_listed_is_found(tmp_path):
    """The folder listing is kept until the folder changes (protocol/profile.py): a file
    added at once after a listing, within the same tick of the file clock, is found."""
    data = json.loads(Path(load_profile("bcp").path).read_text(encoding="utf-8"))
    for name in ("first_council", "second_council"):
        data["name"] = name
        (tmp_path / f"{name}.json").write_text(json.dumps(data), encoding="utf-8")
        if name == "first_council":
            assert load_profile(name, profiles_dir=tmp_path).name == name
    assert load_profile("second_council", profiles_dir=tmp_path).name == "second_council"
    (tmp_path / "second_council.json").unlink()
    with pytest.raises(ProfileError):
        load_profile("second_council", profiles_dir=tmp_path)
