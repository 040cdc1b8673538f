"""Resolve time cues ("eight months ago", "last summer", "in 2024") to SERAF windows.

SERAF asks whether an indicator was present in the past 6 months ("recent") or
between 6 and 12 months ago; anything older matters for history only. A note
without a time cue is taken as recent, which is the protocol's default.
"""

from __future__ import annotations

import datetime as dt
import re

RECENT, MID, OLD = "recent", "6_to_12_months", "over_12_months"

NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "eighteen": 18,
    "twenty": 20,
    "few": 3,
    "couple": 2,
    "several": 4,
    "some": 3,
    "many": 5,
}
UNIT_MONTHS = {"day": 1 / 30, "week": 7 / 30, "fortnight": 14 / 30, "month": 1.0, "year": 12.0}
# note-taking abbreviations ("8 mths ago", "2 yrs ago", "3 wks ago")
UNIT_ALIASES = {"mth": "month", "mnth": "month", "yr": "year", "wk": "week", "dy": "day"}
MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
SEASON_MID = {
    "spring": (4, 15),
    "summer": (7, 15),
    "autumn": (10, 15),
    "fall": (10, 15),
    "winter": (1, 15),
    "christmas": (12, 25),
    "easter": (4, 5),
    "holidays": (8, 1),
    "half-term": (10, 28),
}


def parse_date(value: dt.date | str | None) -> dt.date:
    """Accept a date, an ISO string or None (today)."""
    if value is None or value == "":
        return dt.date.today()
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def window_for_months(months: float) -> str:
    """Months before the interview -> window (6 months inclusive is still recent)."""
    if months <= 6.0:
        return RECENT
    if months <= 12.0:
        return MID
    return OLD


def _months_between(earlier: dt.date, later: dt.date) -> float:
    return max(0.0, (later - earlier).days / 30.44)


def _most_recent(month: int, day: int, today: dt.date, skip_current: bool) -> dt.date:
    """The latest date with this month/day on or before today (a year earlier if asked)."""
    cand = dt.date(today.year, month, min(day, 28))
    if cand > today:
        cand = dt.date(today.year - 1, month, min(day, 28))
    if skip_current and (today - cand).days < 60:
        cand = dt.date(cand.year - 1, month, min(day, 28))
    return cand


def resolve(kind: str, cue_text: str, today: dt.date) -> str:
    """Window for one time cue of the given kind (from data/time_rules.json)."""
    words = re.findall(r"[a-z]+|\d+", cue_text.lower())
    if kind in (RECENT, "recent"):
        return RECENT
    if kind == "over_12":
        return OLD
    if kind == "six_months":
        return RECENT
    if kind == "ago":
        qty = 1.0
        unit = None
        for w in words:
            if w.isdigit():
                qty = float(w)
            elif w in NUMBER_WORDS and unit is None:
                qty = float(NUMBER_WORDS[w])
            base = w[:-1] if w.endswith("s") else w
            base = UNIT_ALIASES.get(base, base)
            if base in UNIT_MONTHS:
                unit = base
        if unit is None:
            return RECENT
        months = qty * UNIT_MONTHS[unit]
        if any(w in ("over", "than", "least", "past", "beyond") for w in words) and months >= 12:
            return OLD
        return window_for_months(months)
    if kind == "last_year":
        return window_for_months(_months_between(dt.date(today.year - 1, 7, 1), today))
    if kind == "season":
        for w in words:
            if w in SEASON_MID or w == "half":
                m, d = SEASON_MID.get(w, SEASON_MID["half-term"])
                skip = "last" in words and w != "christmas"
                ref = _most_recent(m, d, today, skip and _in_season(w, today))
                if "since" in words:
                    return RECENT
                return window_for_months(_months_between(ref, today))
        return RECENT
    if kind == "month":
        if "since" in words:
            return RECENT
        for w in words:
            key = w[:3]
            if key in MONTHS and (len(w) == 3 or w.startswith(key)):
                ref = _most_recent(
                    MONTHS[key], 15, today, "last" in words and today.month == MONTHS[key]
                )
                return window_for_months(_months_between(ref, today))
        return RECENT
    if kind == "year_part":  # "at the start of the year", "the end of last year"
        year = today.year - 1 if "last" in words else today.year
        month = 12 if "end" in words else 1
        return window_for_months(_months_between(min(dt.date(year, month, 15), today), today))
    if kind == "month_year":  # "March 2025": that month of that year
        month = next((MONTHS[w[:3]] for w in words if w[:3] in MONTHS), None)
        year = next((int(w) for w in words if w.isdigit() and len(w) == 4), None)
        if month is not None and year is not None:
            ref = min(dt.date(year, month, 15), today)
            if "since" in words:
                return RECENT
            return window_for_months(_months_between(ref, today))
        return RECENT
    if kind == "year":
        if "since" in words:
            return RECENT
        for w in words:
            if w.isdigit() and len(w) == 4:
                year = int(w)
                ref = min(dt.date(year, 7, 1), today)
                if "early" in words:
                    ref = min(dt.date(year, 3, 1), today)
                elif "late" in words:
                    ref = min(dt.date(year, 11, 1), today)
                return window_for_months(_months_between(ref, today))
    return RECENT


def _in_season(season: str, today: dt.date) -> bool:
    m = today.month
    return {
        "spring": m in (3, 4, 5),
        "summer": m in (6, 7, 8),
        "autumn": m in (9, 10, 11),
        "fall": m in (9, 10, 11),
        "winter": m in (12, 1, 2),
    }.get(season, False)
