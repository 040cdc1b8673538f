"""Consent by age at the time found, and deadlines in real elapsed time."""

from __future__ import annotations

import pytest

from rhi_assistant.protocol import ScenarioError


@pytest.mark.parametrize("profile", ["bcp", "north_somerset"])
@pytest.mark.parametrize(
    ("dob", "looked_after", "found", "parent", "child"),
    [
        ("2012-05-01", False, "2026-11-10T14:00:00Z", True, False),  # 14
        ("2010-11-11", False, "2026-11-10T14:00:00Z", True, False),  # 16 tomorrow
        ("2010-11-10", False, "2026-11-10T14:00:00Z", False, True),  # 16 today
        ("2010-11-10", False, "2026-11-10T00:00:00Z", False, True),  # first minute of birthday
        ("2012-05-01", True, "2026-11-10T14:00:00Z", False, False),  # looked after, under 16
        ("2009-05-01", True, "2026-11-10T14:00:00Z", False, True),  # looked after, 17
        # 23:30 UTC on 14 July is already 15 July in London (BST)
        ("2010-07-15", False, "2026-07-14T23:30:00Z", False, True),
        ("2010-07-15", False, "2026-07-14T22:59:00Z", True, False),
        # an input offset is honoured: 01:00+02:00 on the 15th is 23:00 on the 14th in London
        ("2010-11-15", False, "2026-11-15T01:00:00+02:00", True, False),
        # 29 February birthday (the 16th always falls in a leap year before 2100)
        ("2008-02-29", False, "2024-02-28T12:00:00Z", True, False),
        ("2008-02-29", False, "2024-02-29T12:00:00Z", False, True),
        ("2010-02-28", False, "2026-02-28T12:00:00Z", False, True),
    ],
)
def test_consent_by_age_when_found(run, profile, dob, looked_after, found, parent, child) -> None:
    result = run(profile=profile, child={"date_of_birth": dob, "looked_after": looked_after},
                 last_seen="2024-01-01T00:00:00Z", reported_missing=None, found=found)
    assert result["consent"] == {"parent_or_carer": parent, "child": child}


def test_still_missing_age_is_taken_at_now(run) -> None:
    before = run(child={"date_of_birth": "2010-11-12"}, last_seen="2026-11-10T12:00:00Z",
                 found=None, now="2026-11-11T23:59:00Z")
    after = run(child={"date_of_birth": "2010-11-12"}, last_seen="2026-11-10T12:00:00Z",
                found=None, now="2026-11-12T00:00:00Z")
    assert before["consent"] == {"parent_or_carer": True, "child": False}
    assert after["consent"] == {"parent_or_carer": False, "child": True}


@pytest.mark.parametrize(
    ("found", "rhi_due"),
    [
        ("2026-11-10T14:00:00Z", "2026-11-13T14:00:00Z"),
        # 72 real hours across the March change: 10:00 GMT becomes 11:00 BST on the clock
        ("2026-03-27T10:00:00Z", "2026-03-30T10:00:00Z"),
        # and across October: 11:00 BST becomes 10:00 GMT on the clock
        ("2026-10-24T10:00:00Z", "2026-10-27T10:00:00Z"),
        ("2026-07-01T12:00:00+01:00", "2026-07-04T11:00:00Z"),
    ],
)
def test_rhi_due_72_real_hours_after_found_in_utc(run, found: str, rhi_due: str) -> None:
    result = run(profile="north_somerset", last_seen="2026-03-01T00:00:00Z", found=found)
    assert result["rhi"]["due"] == rhi_due


@pytest.mark.parametrize(
    ("risk", "hours"), [("high", 1), ("medium", 3), ("low", 3), ("no_apparent_risk", 3)]
)
@pytest.mark.parametrize("profile", ["bcp", "north_somerset"])
def test_safe_and_well_due_by_risk(run, profile: str, risk: str, hours: int) -> None:
    # found at 00:30 GMT on the March change night; 01:30Z is 02:30 BST
    result = run(profile=profile, police_risk=risk, last_seen="2026-03-28T22:00:00Z",
                 found="2026-03-29T00:30:00Z")
    assert result["safe_and_well_due"] == f"2026-03-29T0{hours}:30:00Z"


def test_time_without_offset_is_read_as_london_time(run) -> None:
    result = run(profile="north_somerset", last_seen="2026-07-01T09:00:00",
                 found="2026-07-01T12:00:00")
    assert result["rhi"]["due"] == "2026-07-04T11:00:00Z"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"police_risk": "severe"}, "police_risk"),
        ({"found": "2026-11-10T11:00:00Z"}, "earlier than last_seen"),
        ({"last_seen": "yesterday"}, "episode.last_seen"),
        ({"hurt_or_harmed": "yes"}, "hurt_or_harmed"),
    ],
)
def test_bad_scenarios_are_rejected_with_the_field_named(run, changes, message) -> None:
    with pytest.raises(ScenarioError, match=message):
        run(**changes)


@pytest.mark.parametrize("profile", ["bcp", "north_somerset"])
def test_ungraded_police_risk_uses_the_default_hours_and_no_risk_rules(run, actions, profile):
    result = run(profile=profile, police_risk=None, last_seen="2026-11-10T12:00:00Z",
                 found="2026-11-14T12:00:00Z")
    assert result["safe_and_well_due"] == "2026-11-14T15:00:00Z"
    expected = set() if profile == "bcp" else {"strategy_meeting", "serious_incident_notification"}
    assert actions(result) == expected
