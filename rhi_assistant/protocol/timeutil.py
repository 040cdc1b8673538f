"""Time helpers for protocol rules.

Protocols speak in *local* clock terms ("between midnight and 6am", "age at
the time found") but in *elapsed* terms for durations ("missing 24 hours",
"due 72 hours after found"). Mixing the two is where clock-change bugs come
from, so this module keeps the rule simple and in one place:

* every instant is an aware ``datetime``; arithmetic on durations is done in
  UTC, so an episode spanning the March or October clock change is measured
  in real elapsed time;
* local-clock questions convert to Europe/London (or the profile's zone)
  only to ask *which local date / hour* an instant falls on.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DEFAULT_TIMEZONE = "Europe/London"


class TimezoneUnavailableError(RuntimeError):
    """The IANA time-zone database cannot be found (install the `tzdata` package)."""


@lru_cache(maxsize=8)
def zone(name: str = DEFAULT_TIMEZONE) -> ZoneInfo:
    """Return the zone, with a clear hint when the tz database is missing."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise TimezoneUnavailableError(
            f"time zone {name!r} not found (a misspelt name, or the IANA database is "
            "missing: install the 'tzdata' Python package)"
        ) from exc


def parse_instant(value: str | datetime, tz: str = DEFAULT_TIMEZONE) -> datetime:
    """Parse an ISO 8601 instant and return it in UTC.

    A value without an offset is read as *local* time in ``tz`` (how a worker
    would type it), never as the machine's zone.
    """
    if isinstance(value, datetime):
        dt = value
    elif isinstance(value, str):
        text = value.strip()
        if text.endswith(("Z", "z")):
            text = text[:-1] + "+00:00"
        try:
            dt = datetime.fromisoformat(text)
        except ValueError as exc:
            raise ValueError(f"not an ISO 8601 date-time: {value!r}") from exc
    else:
        raise ValueError(f"expected an ISO 8601 date-time string, got {value!r}")
    if dt.tzinfo is None or dt.utcoffset() is None:
        dt = dt.replace(tzinfo=zone(tz))
    return dt.astimezone(UTC)


def parse_date(value: str | date) -> date:
    """Parse an ISO date (a date of birth)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip()[:10])
        except ValueError as exc:
            raise ValueError(f"not an ISO 8601 date: {value!r}") from exc
    raise ValueError(f"expected an ISO 8601 date string, got {value!r}")


def format_utc(value: datetime | None) -> str | None:
    """Render an instant as the exchange format wants it: UTC with a ``Z``."""
    if value is None:
        return None
    utc = value.astimezone(UTC)
    fmt = "%Y-%m-%dT%H:%M:%SZ" if utc.microsecond == 0 else "%Y-%m-%dT%H:%M:%S.%fZ"
    return utc.strftime(fmt)


def elapsed_hours(start: datetime, end: datetime) -> float:
    """Real elapsed hours between two aware instants (UTC difference)."""
    return (end.astimezone(UTC) - start.astimezone(UTC)).total_seconds() / 3600


def add_hours(start: datetime, hours: float) -> datetime:
    """``start`` plus real elapsed hours, in UTC (72h after found is 72 real hours)."""
    return start.astimezone(UTC) + timedelta(hours=hours)


def local_date(instant: datetime, tz: str = DEFAULT_TIMEZONE) -> date:
    """The calendar date on a local wall clock at ``instant``."""
    return instant.astimezone(zone(tz)).date()


def age_on(date_of_birth: date, on: date) -> int:
    """Completed years on a date; the birthday itself counts.

    A 29 February birthday is reached on 1 March in non-leap years.
    """
    years = on.year - date_of_birth.year
    if (on.month, on.day) < (date_of_birth.month, date_of_birth.day):
        years -= 1
    return years


def _local_instant(day: date, hour: int, tz: str) -> datetime:
    """The UTC instant of ``hour``:00 local on ``day`` (hour 24 = next midnight).

    Protocol windows use whole hours such as 00:00 and 06:00, which are never
    skipped or repeated in the UK (changes happen at 01:00/02:00); for other
    zones ``fold=0`` picks the first occurrence.
    """
    if hour == 24:
        day, hour = day + timedelta(days=1), 0
    return datetime.combine(day, time(hour), tzinfo=zone(tz)).astimezone(UTC)


def overlaps_local_hours(
    start: datetime, end: datetime, from_hour: int, to_hour: int, tz: str = DEFAULT_TIMEZONE
) -> bool:
    """Does [start, end] share a positive length of time with a local daily window?

    The window is ``from_hour``:00 to ``to_hour``:00 local on any day (it may
    wrap past midnight, e.g. 22 to 6). Overlap must be longer than zero: an
    absence ending exactly at 00:00 or starting exactly at 06:00 covers *none*
    of the hours between midnight and 6am, so it does not count.
    """
    start, end = start.astimezone(UTC), end.astimezone(UTC)
    if end <= start:
        return False
    first = local_date(start, tz) - timedelta(days=1)
    last = local_date(end, tz) + timedelta(days=1)
    day = first
    while day <= last:
        win_start = _local_instant(day, from_hour, tz)
        if to_hour > from_hour:
            win_end = _local_instant(day, to_hour, tz)
        else:  # wraps past midnight
            win_end = _local_instant(day + timedelta(days=1), to_hour, tz)
        if max(start, win_start) < min(end, win_end):
            return True
        day += timedelta(days=1)
    return False
