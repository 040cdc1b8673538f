"""North Somerset rules on fresh fictional scenarios."""

from __future__ import annotations

import pytest

NS = "north_somerset"


def test_rhi_after_every_return(run) -> None:
    result = run(profile=NS)
    assert result["rhi"] == {"offer": True, "reasons": ["every_return"],
                             "due": "2026-11-13T14:00:00Z"}
    assert result["actions"] == []


def test_no_rhi_while_still_missing(run) -> None:
    result = run(profile=NS, found=None, now="2026-11-10T15:00:00Z")
    assert result["rhi"] == {"offer": False, "reasons": [], "due": None}
    assert result["safe_and_well_due"] is None


@pytest.mark.parametrize(
    ("found", "expected"),
    [
        ("2026-11-11T11:59:59Z", set()),
        ("2026-11-11T12:00:00Z", {"strategy_meeting", "serious_incident_notification"}),
    ],
)
def test_24_hours_or_longer(run, actions, found: str, expected: set) -> None:
    assert actions(run(profile=NS, last_seen="2026-11-10T12:00:00Z", found=found)) == expected


def test_24_hours_measured_in_real_time_across_march_change(run, actions) -> None:
    # 12:00 GMT Saturday to 12:00 BST Sunday: a calendar day, but only 23 real hours
    result = run(profile=NS, last_seen="2026-03-28T12:00:00Z", found="2026-03-29T11:00:00Z")
    assert actions(result) == set()
    result = run(profile=NS, last_seen="2026-03-28T12:00:00Z", found="2026-03-29T12:00:00Z")
    assert actions(result) == {"strategy_meeting", "serious_incident_notification"}


def test_24_hours_while_still_missing_runs_to_now(run, actions) -> None:
    result = run(profile=NS, last_seen="2026-11-10T12:00:00Z", found=None,
                 now="2026-11-11T12:00:00Z")
    assert actions(result) == {"strategy_meeting", "serious_incident_notification"}


@pytest.mark.parametrize("fact", ["looked_after", "child_in_need_plan", "child_protection_plan"])
def test_serious_incident_for_care_status(run, actions, fact: str) -> None:
    assert actions(run(profile=NS, child={fact: True})) == {"serious_incident_notification"}


def test_open_to_childrens_services_alone_is_not_a_serious_incident(run, actions) -> None:
    assert actions(run(profile=NS, child={"open_to_childrens_services": True})) == set()


@pytest.mark.parametrize(("previous", "expected"), [(0, False), (1, False), (2, True), (5, True)])
def test_multi_agency_meeting_from_third_episode(run, actions, previous: int, expected) -> None:
    # years-old episodes count too: the North Somerset rule has no time window
    prev = [{"last_seen": f"20{20 + i}-01-01T10:00:00Z", "found": None} for i in range(previous)]
    assert ("multi_agency_meeting" in actions(run(profile=NS, previous=prev))) is expected


def test_nrm_referral_for_trafficking(run, actions) -> None:
    assert actions(run(profile=NS, trafficking_concern=True)) == {"nrm_referral"}
    assert run(profile=NS, trafficking_concern=True)["rhi"]["reasons"] == ["every_return"]
