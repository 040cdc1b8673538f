"""The one place the app asks what time it is, and on which wall clock.

Deadlines (RHI due, safe and well due, independent-person request) are all
measured against "now". Reading it here, and letting the ``CLOCK_NOW`` setting
(an ISO 8601 string) override it, lets tests and demonstrations move time
forward without waiting three days for an RHI to become overdue. A test
(tests/test_one_clock.py) fails if the time is read anywhere else.

Local dates and months ("this month's refusals", "aged 14 today") are read on
the wall clock of the team's protocol profile, which names its time zone, so
a council outside London needs only its profile, not a code change.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from flask import current_app, has_app_context

from rhi_assistant.protocol.profile import load_profile
from rhi_assistant.protocol.timeutil import DEFAULT_TIMEZONE, zone


def now() -> datetime:
    """The current time as an aware UTC datetime (``CLOCK_NOW`` when set)."""
    override = current_app.config.get("CLOCK_NOW") if has_app_context() else None
    if override:
        moved = override if isinstance(override, datetime) else datetime.fromisoformat(
            str(override).replace("Z", "+00:00"))
        if moved.tzinfo is None:
            moved = moved.replace(tzinfo=UTC)
        return moved.astimezone(UTC)
    return datetime.now(UTC)


def default_profile() -> str | None:
    """The install's protocol profile (``RHI_PROTOCOL_PROFILE``), None outside the app."""
    return current_app.config.get("PROTOCOL_PROFILE") if has_app_context() else None


def timezone_name(profile: str | None = None) -> str:
    """The IANA name of a protocol profile's wall clock (the install's profile when None)."""
    name = profile or default_profile()
    return load_profile(name).timezone if name else DEFAULT_TIMEZONE


def local_zone(profile: str | None = None) -> ZoneInfo:
    """The wall clock of a protocol profile (the install's profile when None)."""
    return zone(timezone_name(profile))


def today(profile: str | None = None) -> date:
    """Today's date on the profile's wall clock (``CLOCK_NOW`` when set)."""
    return now().astimezone(local_zone(profile)).date()
