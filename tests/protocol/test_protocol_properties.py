"""Invariants that must hold for every episode, checked with hypothesis.

Times are drawn on a one-minute grid around the 2026 clock changes (and
ordinary days), so the awkward hours are hit often.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from rhi_assistant.protocol import (
    ChildFacts,
    EpisodeFacts,
    evaluate,
    evaluate_episode,
    load_profile,
)
from rhi_assistant.protocol.timeutil import format_utc

LONDON = ZoneInfo("Europe/London")
ANCHORS = [
    datetime(2026, 3, 28, 18, tzinfo=UTC),  # evening before clocks go forward
    datetime(2026, 10, 24, 18, tzinfo=UTC),  # evening before clocks go back
    datetime(2026, 7, 1, 12, tzinfo=UTC),
    datetime(2026, 12, 15, 12, tzinfo=UTC),
]
PROFILES = ["bcp", "north_somerset"]
RISKS = ["high", "medium", "low", "no_apparent_risk"]

instants = st.builds(
    lambda anchor, minutes: anchor + timedelta(minutes=minutes),
    st.sampled_from(ANCHORS),
    st.integers(min_value=-36 * 60, max_value=36 * 60),
)
durations = st.integers(min_value=0, max_value=100 * 60).map(lambda m: timedelta(minutes=m))
births = st.dates(min_value=date(2007, 1, 1), max_value=date(2020, 12, 31))
flags = st.fixed_dictionaries(
    {},
    optional={
        k: st.booleans()
        for k in ("hurt_or_harmed", "exploitation_concern", "criminality_or_drugs_concern",
                  "contact_with_risky_persons", "offending_while_missing", "trafficking_concern")
    },
)


def scenario(profile, last_seen, duration, found_flag, risk, dob, looked_after, extra, prev):
    end = last_seen + duration
    s = {
        "id": "h",
        "profile": profile,
        "child": {"date_of_birth": dob.isoformat(), "looked_after": looked_after},
        "episode": {
            "last_seen": format_utc(last_seen),
            "reported_missing": format_utc(last_seen),
            "found": format_utc(end) if found_flag else None,
            "police_risk": risk,
            **extra,
        },
        "previous_episodes": [{"last_seen": format_utc(last_seen - timedelta(days=d))}
                              for d in prev],
    }
    if not found_flag:
        s["now"] = format_utc(end)
    return s


scenarios = st.builds(
    scenario,
    st.sampled_from(PROFILES),
    instants,
    durations,
    st.booleans(),
    st.sampled_from(RISKS),
    births,
    st.booleans(),
    flags,
    st.lists(st.integers(min_value=1, max_value=60), max_size=3),
)


def z(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text.replace("Z", "+00:00"))


@settings(max_examples=400, deadline=None)
@given(scenarios)
def test_deadlines_and_offer_invariants(s: dict) -> None:
    r = evaluate(s)
    found = z(s["episode"]["found"])
    if found is None:
        # nothing is offered or due before the child is found
        assert r["rhi"] == {"offer": False, "reasons": [], "due": None}
        assert r["safe_and_well_due"] is None
    else:
        if s["profile"] == "north_somerset":
            assert r["rhi"]["offer"] is True
        if r["rhi"]["offer"]:
            assert r["rhi"]["reasons"]
            assert z(r["rhi"]["due"]) - found == timedelta(hours=72)
        else:
            assert r["rhi"]["due"] is None and r["rhi"]["reasons"] == []
        hours = 1 if s["episode"]["police_risk"] == "high" else 3
        assert z(r["safe_and_well_due"]) - found == timedelta(hours=hours)
    assert r["rhi"]["due"] is None or r["rhi"]["due"].endswith("Z")
    # reasons come in profile order, each once
    order = [rule.code for rule in load_profile(s["profile"]).reasons]
    assert r["rhi"]["reasons"] == sorted(r["rhi"]["reasons"], key=order.index)
    # consent: exactly one party unless the council consents for a looked-after child
    c = r["consent"]
    if s["child"]["looked_after"]:
        assert not c["parent_or_carer"]
    else:
        assert c["parent_or_carer"] != c["child"]


@settings(max_examples=200, deadline=None)
@given(scenarios)
def test_input_offset_does_not_change_the_result(s: dict) -> None:
    """The same instants written in London local time with offsets give the same answer."""
    local = {**s, "episode": dict(s["episode"])}
    for key in ("last_seen", "reported_missing", "found"):
        if local["episode"][key]:
            local["episode"][key] = z(local["episode"][key]).astimezone(LONDON).isoformat()
    if "now" in s:
        local["now"] = z(s["now"]).astimezone(LONDON).isoformat()
    assert evaluate(local) == evaluate(s)


@settings(max_examples=300, deadline=None)
@given(instants, durations, st.sampled_from(RISKS))
def test_duration_is_real_elapsed_time(last_seen: datetime, duration: timedelta, risk) -> None:
    found = last_seen + duration
    result = evaluate_episode(
        "north_somerset",
        ChildFacts(date_of_birth=date(2012, 6, 1)),
        EpisodeFacts(last_seen=last_seen.astimezone(LONDON), found=found.astimezone(LONDON),
                     police_risk=risk),
    )
    assert result.missing_hours == duration.total_seconds() / 3600
    assert result.rhi.due == found + timedelta(hours=72)
    assert ("strategy_meeting" in {a.code for a in result.actions}) is (
        duration >= timedelta(hours=24))


def _covers_night_by_brute_force(start: datetime, end: datetime) -> bool:
    """Oracle: step minute by minute and look at the local clock at each mid-minute."""
    t = start
    while t < end:
        if (t + timedelta(seconds=30)).astimezone(LONDON).hour < 6:
            return True
        t += timedelta(minutes=1)
    return False


@settings(max_examples=300, deadline=None)
@given(instants, st.integers(min_value=0, max_value=30 * 60).map(lambda m: timedelta(minutes=m)))
def test_overnight_6h_matches_a_brute_force_oracle(last_seen: datetime, duration) -> None:
    found = last_seen + duration
    result = evaluate_episode(
        "bcp",
        ChildFacts(date_of_birth=date(2012, 6, 1)),
        EpisodeFacts(last_seen=last_seen, found=found, police_risk="low"),
    )
    codes = [r.code for r in result.rhi.reasons]
    expected = duration >= timedelta(hours=6) and _covers_night_by_brute_force(last_seen, found)
    assert ("overnight_6h" in codes) is expected
    assert ("over_9h" in codes) is (duration > timedelta(hours=9))


@settings(max_examples=200, deadline=None)
@given(instants, durations, durations, st.sampled_from(RISKS))
def test_staying_missing_longer_never_removes_a_reason_or_action(
    last_seen: datetime, first: timedelta, more: timedelta, risk: str
) -> None:
    child = ChildFacts(date_of_birth=date(2012, 6, 1))

    def run(duration: timedelta, profile: str):
        return evaluate_episode(profile, child, EpisodeFacts(
            last_seen=last_seen, found=last_seen + duration, police_risk=risk))

    for profile in PROFILES:
        short, long = run(first, profile), run(first + more, profile)
        assert {r.code for r in short.rhi.reasons} <= {r.code for r in long.rhi.reasons}
        assert {a.code for a in short.actions} <= {a.code for a in long.actions}


def test_an_hour_across_the_autumn_clock_change_is_an_hour() -> None:
    """Seen at 01:01 BST, found 59 minutes later at 01:00 GMT: the wall clock runs backwards."""
    last_seen = datetime(2026, 10, 25, 0, 1, tzinfo=UTC)
    found = last_seen + timedelta(minutes=59)
    result = evaluate_episode(
        "north_somerset",
        ChildFacts(date_of_birth=date(2012, 6, 1)),
        EpisodeFacts(last_seen=last_seen.astimezone(LONDON), found=found.astimezone(LONDON),
                     police_risk="medium"),
    )
    assert result.missing_hours == 59 / 60
    assert result.rhi.due == found + timedelta(hours=72)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(PROFILES), instants, durations, st.booleans(), births, st.booleans(),
       st.sampled_from(RISKS), flags)
def test_consent_alone_is_what_the_whole_evaluation_says(profile, last_seen, duration, found,
                                                         dob, looked_after, risk, extra):
    """The interview pages ask `consent_needed` alone (cheaper): it must never disagree with
    the full evaluation, whatever the flags, the risk or the hour of a clock change."""
    from rhi_assistant.protocol.evaluator import consent_needed

    end = last_seen + duration
    episode = EpisodeFacts(last_seen=last_seen, police_risk=risk, reported_missing=last_seen,
                           found=end if found else None, **extra)
    child = ChildFacts(date_of_birth=dob, looked_after=looked_after)
    full = evaluate_episode(profile, child, episode, (), end)
    alone = consent_needed(load_profile(profile), dob, looked_after, episode.found, end)
    assert alone == full.consent
