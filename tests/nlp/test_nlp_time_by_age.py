"""Time told by the child's age or school year, and by span, counted from the interview.

Fictional notes named by behaviour. The case's date of birth (or age) dates
"when she was 13" and "in Year 8" when the note does not say how old the child
is now; a span ("for months after that") takes the time told before it.
"""

from __future__ import annotations

import datetime as dt

import pytest

from rhi_assistant.nlp import analyse
from rhi_assistant.nlp.timewindow import ChildAge

DATE = "2026-11-20"
AGE_NOTE = "When she was 13 an older man kept buying her vodka."
YEAR_NOTE = "In Year 8 she was given vodka by an older man."


def _window(text: str, indicator: str, **child: object) -> str | None:
    found = analyse(text, DATE, **child).findings  # type: ignore[arg-type]
    return next(f.window for f in found if f.indicator == indicator)


@pytest.mark.parametrize(
    ("child", "window"),
    [
        ({"child_age": 13}, "recent"),  # she is still 13
        ({"date_of_birth": "2012-10-20"}, "6_to_12_months"),  # turned 14 a month ago
        ({"date_of_birth": "2011-06-01"}, "over_12_months"),  # 15 now
    ],
)
def test_age_at_the_time_is_counted_back_from_the_childs_age(child: dict, window: str) -> None:
    assert _window(AGE_NOTE, "seraf.mod.alcohol_misuse", **child) == window


@pytest.mark.parametrize(
    ("child", "window"),
    [
        ({"child_age": 13}, "recent"),
        ({"date_of_birth": "2013-06-01"}, "6_to_12_months"),  # Year 9 this school year
        ({"date_of_birth": "2012-06-01"}, "over_12_months"),  # Year 10
    ],
)
def test_school_year_at_the_time_is_counted_back_from_the_childs_year(
    child: dict, window: str
) -> None:
    assert _window(YEAR_NOTE, "seraf.mod.alcohol_misuse", **child) == window


def test_the_notes_own_age_wins_over_the_case() -> None:
    note = "Rhys (16) said when he was 13 an older man kept buying him vodka."
    assert _window(note, "seraf.mod.alcohol_misuse", child_age=13) == "over_12_months"


def test_a_span_after_an_earlier_time_takes_that_time() -> None:
    note = (
        "She was groomed by an older man two years ago. "
        "For months after that she was made to sell drugs."
    )
    assert _window(note, "cce.holding_or_selling_drugs") == "over_12_months"


def test_a_span_reaching_to_now_is_recent_and_said_so() -> None:
    note = "She met the olders two years ago. Since then she has been selling drugs for them."
    found = analyse(note, DATE).findings
    f = next(f for f in found if f.indicator == "cce.holding_or_selling_drugs")
    assert f.window == "recent" and "Since then" in f.reason


def test_a_span_to_now_does_not_outweigh_the_time_the_thing_began() -> None:
    note = "He was excluded in Year 7 and has been at home ever since."
    assert _window(note, "seraf.mod.school_exclusion_or_absence", child_age=15) == (
        "over_12_months"
    )


def test_child_age_needs_an_age_or_a_date_of_birth() -> None:
    assert ChildAge.of() is None
    child = ChildAge.of(date_of_birth="2012-10-20")
    assert child is not None and child.age_on(dt.date(2026, 11, 20)) == 14


# --- the child's age at the time, told as "at 13", "aged twelve", "at the age of 13" ------
OLD, MID, RECENT = "over_12_months", "6_to_12_months", "recent"
DRINK = "seraf.mod.alcohol_misuse"


@pytest.mark.parametrize(
    "note",
    [
        "Tia is 15 now. At 13 she was drinking vodka with older boys.",
        "Aged twelve he was drinking vodka in the park, he is now 16.",
        "Marcus (16) says at the age of thirteen he was drinking vodka on the estate.",
        "Kayden is 15 now and said he was drinking vodka when he was 12.",
    ],
)
def test_an_age_at_the_time_below_the_age_now_is_long_ago(note: str) -> None:
    assert _window(note, DRINK) == OLD


@pytest.mark.parametrize(
    "note",
    [
        # clock times, not ages
        "Tia (15) got home at 12 and had been drinking vodka.",
        "Tia (15) was drinking vodka in the park at 11 at night.",
        "Ellis (16) came back about 12 and had been drinking vodka.",
        # the age now itself
        "Jo, now 14, said at 14 she was drinking vodka with friends.",
    ],
)
def test_a_clock_time_or_the_age_now_is_not_an_age_in_the_past(note: str) -> None:
    assert _window(note, DRINK) == RECENT


@pytest.mark.parametrize(
    "note",
    [
        "In the summer term of Year 8 (she's now starting Year 11) she was drinking vodka.",
        "Back in Year 7, he's now finishing Year 10, he was drinking vodka with older lads.",
        "Nicole, now 15, said she was drinking vodka at 12 when she lived with her dad.",
    ],
)
def test_the_age_or_school_year_now_does_not_date_the_finding(note: str) -> None:
    assert _window(note, DRINK) == OLD


# --- spans: a span that began long ago and goes on is recent ---------------------------------
@pytest.mark.parametrize(
    ("note", "indicator"),
    [
        ("Her brother died when she was 9 and she has been drinking vodka ever since.", DRINK),
        ("His parents split up in Year 6 and he's been drinking vodka since then.", DRINK),
        (
            "Dad left three years ago, and mum has been drinking heavily ever since.",
            "seraf.vuln.family_substance_misuse",
        ),
        ("She was drinking vodka every weekend over the last two years.", DRINK),
    ],
)
def test_a_span_going_on_now_is_recent_though_it_began_long_ago(note: str, indicator: str) -> None:
    assert _window(note, indicator, child_age=15) == RECENT


def test_the_clause_with_the_old_time_keeps_it_beside_a_span_going_on() -> None:
    note = "She was excluded in Year 7 and has been drinking vodka ever since."
    found = analyse(note, DATE, child_age=15).findings
    windows = {f.indicator: f.window for f in found}
    assert windows["seraf.mod.school_exclusion_or_absence"] == OLD
    assert windows[DRINK] == RECENT


# --- seasons, holidays and months "this year" -------------------------------------------------
@pytest.mark.parametrize(
    ("note", "window"),
    [
        ("She got drunk on vodka at Easter this year.", MID),
        ("She was drinking vodka most weekends in March this year.", MID),
        ("During the February half term this year she was drinking vodka.", MID),
        ("Around bonfire night this year she was drinking vodka.", RECENT),  # 5 November
    ],
)
def test_a_holiday_or_month_this_year_is_dated_in_this_year(note: str, window: str) -> None:
    assert _window(note, DRINK) == window


# --- words pointing back: "that time", "on that trip", "back then" ---------------------------
@pytest.mark.parametrize(
    "note",
    [
        "She stayed with her aunt in Cardiff in summer 2024. "
        "She was drinking vodka every night during that stay.",
        "He was in Year 7 when his cousin took him to Leeds. "
        "Back then he was drinking vodka every day.",
        "In 2024 she ran away to London twice. That time she was drinking vodka.",
    ],
)
def test_that_time_takes_the_time_told_before(note: str) -> None:
    assert _window(note, DRINK, child_age=15) == OLD


def test_this_time_is_the_current_episode() -> None:
    note = "In 2024 she ran away to London twice. This time she was drinking vodka."
    assert _window(note, DRINK) == RECENT


# --- a time told outright dates the finding over a school year only guessed ------------------
@pytest.mark.parametrize(
    ("note", "window"),
    [
        ("Last April, when she was still in Year 8, she was drinking vodka.", MID),
        ("In the October half term, while he was in Year 9, he was drinking vodka.", RECENT),
        ("In Year 9, in March this year, she was drinking vodka.", MID),
    ],
)
def test_a_told_date_wins_over_a_guessed_school_year(note: str, window: str) -> None:
    assert _window(note, DRINK) == window


# --- a story told in the past after a dated sentence is part of it --------------------------
@pytest.mark.parametrize(
    "note",
    [
        "Two years ago she was taken to Swansea by a man. She was given vodka there.",
        "She lived in Newport in 2023. She told me today that older men gave her vodka there.",
        "In summer 2024 he was found in Rhyl. He says he got drunk on vodka every night.",
    ],
)
def test_a_past_story_after_a_dated_sentence_takes_its_date(note: str) -> None:
    assert _window(note, DRINK) == OLD


@pytest.mark.parametrize(
    "note",
    [
        "She lived in Newport in 2023. She drinks vodka most nights.",
        "She lived in Newport in 2023. Now she is drinking vodka most nights.",
        "She lived in Newport in 2023. She has been drinking vodka with older men.",
    ],
)
def test_a_present_sentence_after_a_dated_one_stays_recent(note: str) -> None:
    assert _window(note, DRINK) == RECENT


# --- what is still to come, and "was used to", never date the past --------------------------
@pytest.mark.parametrize(
    "note",
    [
        "She drinks vodka most days and her alcohol worker appointment is not until August.",
        "He is drinking vodka daily; the referral is booked for next March.",
        "Her phone was used to contact a man who gave her vodka.",
        "She told me today that she was drinking vodka with older boys.",
    ],
)
def test_future_times_and_look_alikes_leave_the_finding_recent(note: str) -> None:
    assert _window(note, DRINK) == RECENT


# --- the start of secondary school is Year 7; primary school is long ago ---------------------
@pytest.mark.parametrize(
    ("note", "window"),
    [
        ("Jess is 15 now. In her first year at secondary she was drinking vodka.", OLD),
        ("Jess is 15 now. When she started secondary school she was drinking vodka.", OLD),
        ("When he started high school (he's now in Year 8) he was drinking vodka.", MID),
        ("Jess is 15 now. She was drinking vodka when she was still at primary.", OLD),
        ("She is in Year 7. When she started secondary she was drinking vodka.", RECENT),
    ],
)
def test_starting_secondary_school_is_year_7(note: str, window: str) -> None:
    assert _window(note, DRINK) == window


def test_a_sentence_opening_with_a_name_starts_a_new_topic() -> None:
    note = (
        "His brother was stabbed in 2024. "
        "Deshawn was found drinking vodka in a stairwell at 3am."
    )
    assert _window(note, DRINK) == RECENT


@pytest.mark.parametrize(
    "note",
    [
        "Maya is 16. At 13 she was drinking vodka with a man of 24.",
        "Kai is 15, and at twelve he was drinking vodka in the park.",
        "She is 16. When she was 13 she was drinking vodka every weekend.",
    ],
)
def test_the_age_now_told_as_name_is_16_dates_an_age_at_the_time(note: str) -> None:
    assert _window(note, DRINK) == OLD


def test_an_adults_age_is_not_the_childs() -> None:
    # counted from 19 "at 12" would be long ago; the child's age now is not told, and "at 12"
    # may be a clock time
    note = "Her boyfriend is 19. At 12 she was drinking vodka."
    assert _window(note, DRINK) == RECENT


@pytest.mark.parametrize(
    ("note", "window"),
    [
        (
            "She moved to her foster placement in summer 2024. "
            "Before that she was drinking vodka every day.",
            OLD,
        ),
        ("She went into care two years ago. Before then she was drinking vodka at home.", OLD),
        ("She moved in with her nan last month. Before that she was drinking vodka.", RECENT),
    ],
)
def test_before_that_takes_the_time_told_before(note: str, window: str) -> None:
    assert _window(note, DRINK) == window


@pytest.mark.parametrize(
    "note",
    [
        "Y7 she was given vodka by an older man. Now Y10 and settled.",
        "Yr8 he was drinking with men at the park; he is now in Year 11.",
    ],
)
def test_a_school_year_opening_a_note_form_sentence_dates_it(note: str) -> None:
    """Notes written in shorthand drop the 'in': 'Y7 she was ...' is still a time."""
    assert _window(note, "seraf.mod.alcohol_misuse") == "over_12_months"
