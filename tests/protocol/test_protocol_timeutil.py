"""Time helpers: local-window overlap, age, parsing and formatting."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from rhi_assistant.protocol.timeutil import (
    age_on,
    elapsed_hours,
    format_utc,
    overlaps_local_hours,
    parse_instant,
)


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


@pytest.mark.parametrize(
    ("dob", "on", "age"),
    [
        ("2012-02-29", "2027-02-28", 14),  # non-leap year: not yet
        ("2012-02-29", "2027-03-01", 15),  # reached on 1 March
        ("2012-02-29", "2028-02-29", 16),
        ("2010-11-10", "2026-11-09", 15),
        ("2010-11-10", "2026-11-10", 16),
    ],
)
def test_age_on(dob: str, on: str, age: int) -> None:
    assert age_on(date.fromisoformat(dob), date.fromisoformat(on)) == age


def test_elapsed_hours_across_clock_changes() -> None:
    # midnight to midnight local across the March change is 23 real hours
    assert elapsed_hours(utc("2026-03-29T00:00"), utc("2026-03-29T23:00")) == 23
    start, end = parse_instant("2026-10-25T00:00:00"), parse_instant("2026-10-26T00:00:00")
    assert elapsed_hours(start, end) == 25


def test_wrapping_window_and_long_intervals() -> None:
    # 22:00-06:00 local window, wrapping midnight
    assert overlaps_local_hours(utc("2026-11-10T21:00"), utc("2026-11-10T22:30"), 22, 6)
    assert not overlaps_local_hours(utc("2026-11-10T12:00"), utc("2026-11-10T22:00"), 22, 6)
    # a week-long absence starting and ending mid-afternoon
    assert overlaps_local_hours(utc("2026-11-01T14:00"), utc("2026-11-08T15:00"), 0, 6)
    # empty interval never overlaps
    assert not overlaps_local_hours(utc("2026-11-10T02:00"), utc("2026-11-10T02:00"), 0, 6)


def test_format_is_utc_with_z() -> None:
    assert format_utc(parse_instant("2026-07-01T12:00:00+01:00")) == "2026-07-01T11:00:00Z"
    assert format_utc(None) is None
