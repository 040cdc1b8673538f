"""BCP rules, one fresh fictional scenario per rule and edge.

2026 clock changes in Europe/London: forward at 01:00 UTC on 29 March,
back at 01:00 UTC on 25 October.
"""

from __future__ import annotations

import pytest


def reasons(result: dict) -> list[str]:
    return result["rhi"]["reasons"]


# ---------------------------------------------------------------- overnight_6h


@pytest.mark.parametrize(
    ("last_seen", "found", "expected"),
    [
        # winter: local = UTC
        ("2026-11-10T22:00:00Z", "2026-11-11T04:00:00Z", True),  # exactly 6h, overnight
        ("2026-11-10T22:01:00Z", "2026-11-11T04:00:00Z", False),  # 5h59
        ("2026-11-10T18:00:00Z", "2026-11-11T00:00:00Z", False),  # ends exactly at midnight
        ("2026-11-10T18:00:00Z", "2026-11-11T00:01:00Z", True),  # one minute past midnight
        ("2026-11-11T06:00:00Z", "2026-11-11T12:00:00Z", False),  # starts exactly at 6am
        ("2026-11-11T05:59:00Z", "2026-11-11T12:00:00Z", True),
        # summer: local = UTC+1, so local midnight is 23:00Z
        ("2026-07-10T17:00:00Z", "2026-07-10T23:00:00Z", False),  # local 18:00-00:00
        ("2026-07-10T17:30:00Z", "2026-07-10T23:30:00Z", True),  # local 18:30-00:30
        ("2026-07-11T05:00:00Z", "2026-07-11T11:00:00Z", False),  # local 06:00-12:00
        ("2026-07-11T04:30:00Z", "2026-07-11T10:30:00Z", True),  # local 05:30-11:30
        # March change night: local 06:00 is already 05:00Z
        ("2026-03-29T05:00:00Z", "2026-03-29T11:00:00Z", False),
        ("2026-03-29T04:59:00Z", "2026-03-29T11:00:00Z", True),
        # October change night: local midnight is 23:00Z the evening before
        ("2026-10-24T17:00:00Z", "2026-10-24T23:00:00Z", False),
        ("2026-10-24T17:30:00Z", "2026-10-24T23:30:00Z", True),
        # multi-day absence that starts and ends in daytime still covers nights
        ("2026-11-10T08:00:00Z", "2026-11-12T09:00:00Z", True),
    ],
)
def test_overnight_6h(run, last_seen: str, found: str, expected: bool) -> None:
    result = run(last_seen=last_seen, reported_missing=last_seen, found=found)
    assert ("overnight_6h" in reasons(result)) is expected


def test_overnight_needs_six_real_hours_across_march_change(run) -> None:
    # local 23:00 GMT to 06:00 BST reads as 7 hours on the wall clock, but only 6 passed
    result = run(last_seen="2026-03-28T23:00:00Z", found="2026-03-29T05:00:00Z")
    assert reasons(result) == ["overnight_6h"]
    # local 00:30 GMT to 06:30 BST: wall clock says 6h, only 5 passed
    result = run(last_seen="2026-03-29T00:30:00Z", found="2026-03-29T05:30:00Z")
    assert result["rhi"]["offer"] is False


def test_overnight_across_october_change_counts_the_repeated_hour(run) -> None:
    # local 01:00 BST to 06:00 GMT: 5 on the wall clock, 6 real hours
    result = run(last_seen="2026-10-25T00:00:00Z", found="2026-10-25T06:00:00Z")
    assert reasons(result) == ["overnight_6h"]


# ---------------------------------------------------------------------- over_9h


@pytest.mark.parametrize(
    ("found", "expected"),
    [("2026-11-10T17:00:00Z", False), ("2026-11-10T17:01:00Z", True)],
)
def test_over_9h_is_strictly_over(run, found: str, expected: bool) -> None:
    result = run(last_seen="2026-11-10T08:00:00Z", found=found)
    assert ("over_9h" in reasons(result)) is expected
    assert "overnight_6h" not in reasons(result)


def test_over_9h_across_october_change_uses_real_hours(run) -> None:
    # local 19:00 BST to 03:00 GMT: 8 on the wall clock, 9 real hours - not over 9
    result = run(last_seen="2026-10-24T18:00:00Z", found="2026-10-25T03:00:00Z")
    assert "over_9h" not in reasons(result)
    result = run(last_seen="2026-10-24T18:00:00Z", found="2026-10-25T03:00:01Z")
    assert "over_9h" in reasons(result)


# ---------------------------------------------------------- repeat_2_in_4_weeks


THIS_REPORTED = "2026-11-30T12:00:00Z"


@pytest.mark.parametrize(
    ("previous", "expected"),
    [
        ({"last_seen": "2026-11-02T10:00:00Z", "reported_missing": "2026-11-03T12:00:00Z"}, True),
        ({"last_seen": "2026-11-02T12:00:00Z", "reported_missing": "2026-11-02T12:00:00Z"}, True),
        ({"last_seen": "2026-11-01T10:00:00Z", "reported_missing": "2026-11-02T11:59:00Z"}, False),
        # seen outside the window but reported inside it: the report time counts
        ({"last_seen": "2026-10-30T10:00:00Z", "reported_missing": "2026-11-03T09:00:00Z"}, True),
        # no reported_missing: fall back to last_seen
        ({"last_seen": "2026-11-20T10:00:00Z", "found": None}, True),
        ({"last_seen": "2026-10-20T10:00:00Z"}, False),
        # reported after this one: not "before" it
        ({"last_seen": "2026-12-01T10:00:00Z", "reported_missing": "2026-12-01T10:00:00Z"}, False),
    ],
)
def test_repeat_within_28_days_of_report(run, actions, previous: dict, expected: bool) -> None:
    result = run(
        last_seen="2026-11-30T11:00:00Z",
        reported_missing=THIS_REPORTED,
        found="2026-11-30T13:00:00Z",
        previous=[previous],
    )
    assert ("repeat_2_in_4_weeks" in reasons(result)) is expected
    assert ("multi_agency_meeting" in actions(result)) is expected


def test_repeat_window_is_28_real_days_across_october_change(run) -> None:
    # 2026-11-20 12:00 GMT minus 28 x 24h = 2026-10-23 12:00 UTC (13:00 BST)
    base = {"last_seen": "2026-11-20T11:00:00Z", "reported_missing": "2026-11-20T12:00:00Z",
            "found": "2026-11-20T13:00:00Z"}
    inside = run(previous=[{"reported_missing": "2026-10-23T12:00:00Z"}], **base)
    outside = run(previous=[{"reported_missing": "2026-10-23T11:59:00Z"}], **base)
    assert "repeat_2_in_4_weeks" in reasons(inside)
    assert "repeat_2_in_4_weeks" not in reasons(outside)


def test_this_episode_without_reported_time_uses_last_seen(run) -> None:
    result = run(
        last_seen="2026-11-30T11:00:00Z", reported_missing=None, found="2026-11-30T13:00:00Z",
        previous=[{"last_seen": "2026-11-02T11:00:00Z"}],
    )
    assert reasons(result) == ["repeat_2_in_4_weeks"]


# ------------------------------------------------------------- concern reasons


@pytest.mark.parametrize(
    ("flag", "reason"),
    [
        ("hurt_or_harmed", "hurt_or_harmed"),
        ("exploitation_concern", "exploitation_risk"),
        ("trafficking_concern", "exploitation_risk"),
        ("criminality_or_drugs_concern", "criminality_or_drugs_risk"),
        ("contact_with_risky_persons", "contact_with_risky_persons"),
        ("offending_while_missing", "offending_while_missing"),
    ],
)
def test_each_concern_gives_its_reason(run, flag: str, reason: str) -> None:
    result = run(**{flag: True})
    assert result["rhi"] == {"offer": True, "reasons": [reason], "due": "2026-11-13T14:00:00Z"}


def test_trafficking_also_needs_an_nrm_referral(run, actions) -> None:
    assert actions(run(trafficking_concern=True)) == {"nrm_referral"}
    assert actions(run(exploitation_concern=True)) == set()


def test_reasons_follow_the_spec_order(run) -> None:
    result = run(
        last_seen="2026-11-10T20:00:00Z", reported_missing="2026-11-10T21:00:00Z",
        found="2026-11-11T08:00:00Z",
        offending_while_missing=True, contact_with_risky_persons=True,
        criminality_or_drugs_concern=True, trafficking_concern=True, hurt_or_harmed=True,
        previous=[{"last_seen": "2026-11-01T20:00:00Z"}],
    )
    assert reasons(result) == [
        "overnight_6h", "over_9h", "repeat_2_in_4_weeks", "hurt_or_harmed",
        "exploitation_risk", "criminality_or_drugs_risk", "contact_with_risky_persons",
        "offending_while_missing",
    ]


def test_no_reason_means_no_offer_and_no_due(run) -> None:
    result = run()
    assert result["rhi"] == {"offer": False, "reasons": [], "due": None}
    assert result["safe_and_well_due"] == "2026-11-10T17:00:00Z"


# -------------------------------------------------------------------- actions


@pytest.mark.parametrize(
    ("risk", "found", "expected"),
    [
        ("high", "2026-11-10T13:00:00Z", {"strategy_discussion", "need_to_know_notification"}),
        ("medium", "2026-11-11T11:59:00Z", set()),
        ("medium", "2026-11-11T12:00:00Z", {"need_to_know_notification"}),
        ("medium", "2026-11-13T11:59:00Z", {"need_to_know_notification"}),
        ("medium", "2026-11-13T12:00:00Z",
         {"need_to_know_notification", "risk_management_meeting"}),
        ("low", "2026-11-14T12:00:00Z", set()),
        ("no_apparent_risk", "2026-11-14T12:00:00Z", set()),
        ("high", "2026-11-14T12:00:00Z", {"strategy_discussion", "need_to_know_notification"}),
    ],
)
def test_actions_by_risk_and_duration(run, actions, risk: str, found: str, expected: set) -> None:
    result = run(last_seen="2026-11-10T12:00:00Z", found=found, police_risk=risk)
    assert actions(result) == expected
    assert all(a["due"] is None for a in result["actions"])


def test_risk_management_at_72_real_hours_across_october_change(run, actions) -> None:
    # 13:00 BST Friday to 12:00 GMT Monday: 71 on the wall clock, 72 real hours
    result = run(police_risk="medium", last_seen="2026-10-23T12:00:00Z", found=None,
                 now="2026-10-26T12:00:00Z")
    assert "risk_management_meeting" in actions(result)


def test_no_risk_management_at_71_5_real_hours_across_march_change(run, actions) -> None:
    # 12:00 GMT Friday to 12:30 BST Monday: 72.5 on the wall clock, 71.5 real hours
    result = run(police_risk="medium", last_seen="2026-03-27T12:00:00Z", found=None,
                 now="2026-03-30T11:30:00Z")
    assert actions(result) == {"need_to_know_notification"}


# --------------------------------------------------------------- still missing


def test_still_missing_offers_nothing_yet_but_actions_run_to_now(run, actions) -> None:
    result = run(
        last_seen="2026-11-10T20:00:00Z", found=None, now="2026-11-13T21:00:00Z",
        police_risk="medium", hurt_or_harmed=True,
    )
    assert result["rhi"] == {"offer": False, "reasons": [], "due": None}
    assert result["safe_and_well_due"] is None
    assert actions(result) == {"need_to_know_notification", "risk_management_meeting"}


def test_still_missing_with_now_before_last_seen_is_rejected(run) -> None:
    from rhi_assistant.protocol import ScenarioError

    with pytest.raises(ValueError, match="earlier than last_seen"):
        run(last_seen="2026-11-10T20:00:00Z", found=None, now="2026-11-10T19:00:00Z")
    assert issubclass(ScenarioError, ValueError)
