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

from collections.abc import Callable
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from rhi_assistant.protocol.profile import load_profile
from rhi_assistant.protocol.timeutil import DEFAULT_TIMEZONE, zone

# Where the ``CLOCK_NOW`` and ``PROTOCOL_PROFILE`` settings are read from. The engines
# (nlp, protocol) ask this module the time, so it imports no Flask: the app factory
# installs a reader of the running app's config (``use_settings``); without one, as in
# the NLP command line, there is no override and no install-wide profile.
_setting: Callable[[str], object | None] = lambda key: None  # noqa: E731


def use_settings(reader: Callable[[str], object | None]) -> None:
    """Read ``CLOCK_NOW`` and ``PROTOCOL_PROFILE`` through `reader` from now on."""
    global _setting
    _setting = reader


def now() -> datetime:
    """The current time as an aware UTC datetime (``CLOCK_NOW`` when set)."""
    override = _setting("CLOCK_NOW")
    if override:
        moved = override if isinstance(override, datetime) else datetime.fromisoformat(
            str(override).replace("Z", "+00:00"))
        if moved.tzinfo is None:
            moved = moved.replace(tzinfo=UTC)
        return moved.astimezone(UTC)
    return datetime.now(UTC)


def wall_now() -> datetime:
    """The real time, never moved by ``CLOCK_NOW``: for timers of real elapsed seconds.

    The idle sign-out and the sign-in waits measure how long a person has actually
    been away or must wait; a demonstration that fixes ``CLOCK_NOW`` must neither
    sign everyone out nor hold a sign-in for ever.
    """
    return datetime.now(UTC)


def default_profile() -> str | None:
    """The install's protocol profile (``RHI_PROTOCOL_PROFILE``), None outside the app."""
    name = _setting("PROTOCOL_PROFILE")
    return str(name) if name else None


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
