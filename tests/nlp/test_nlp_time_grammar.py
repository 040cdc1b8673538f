"""The time grammar (data/en/time_grammar.json): families of ways a note tells when.

Fictional sentences of this file's own wording, read on 2026-11-20, grouped by family:
the child's age at the time, school years and stages, spans and stories told on from
an earlier time, relative dates, words of now, and near-misses that look like time but
must not date a finding (the age now, other pupils' school years, house numbers).
"""

from __future__ import annotations

import pytest

from rhi_assistant.nlp import analyse

DATE = "2026-11-20"
OLD, MID, RECENT = "over_12_months", "6_to_12_months", "recent"
KNIFE = "cce.weapons"
SELLING = "cce.holding_or_selling_drugs"


def _window(text: str, indicator: str) -> str | None:
    found = [f for f in analyse(text, DATE).findings if f.indicator == indicator]
    found = [f for f in found if f.assertion == "present"]
    assert found, f"{indicator} not found in {text!r}"
    return found[0].window


# --- the child's age at the time, counted back from the age now ------------------------------
@pytest.mark.parametrize(
    "note",
    [
        "As a 12-year-old he was carrying a knife for the olders. He is 16 now.",
        "From the age of 12 he was carrying a knife; he is now 15.",
        "At just twelve he was carrying a knife, Kyle (16) told me.",
        "By the age of 13 he was carrying a knife every day. He is 16.",
        "The winter before last, aged 13, he was carrying a knife. He is now 15.",
        "Ade, 16, says when he was about thirteen he was carrying a knife.",
        "He is now sixteen. At thirteen he was carrying a knife.",
        "When Ryan was 13 he was carrying a knife for older lads. Ryan is 16 now.",
        "On his 13th birthday he was carrying a knife. He is 15 now.",
        "In his early teens he was carrying a knife. He is 17 now.",
        "He said he was 12 when he started carrying a knife; he is 15 now.",
    ],
)
def test_an_age_at_the_time_below_the_age_now_is_long_ago(note: str) -> None:
    assert _window(note, KNIFE) == OLD


@pytest.mark.parametrize(
    "note",
    [
        "He was carrying a knife since the age of 12, he is 15 now.",
        "Kyle (15) said he was carrying a knife at 15 with his cousin.",
        "He (15) was carrying a knife aged just 15 when police stopped him.",
    ],
)
def test_an_age_that_reaches_to_now_or_is_the_age_now_is_recent(note: str) -> None:
    assert _window(note, KNIFE) == RECENT


# --- school years and stages ----------------------------------------------------------------
@pytest.mark.parametrize(
    "note",
    [
        "Between Year 7 and Year 8 he was carrying a knife; he's now in Year 11.",
        "Throughout Y8 he was carrying a knife (now Y11).",
        "In year seven he was carrying a knife. He is in Year 10 now.",
        "At the end of Year 8 he was carrying a knife. He is in Year 11 now.",
        "While he was still at primary he was carrying a knife.",
        "In the holidays before Year 9 he was carrying a knife; he is now in Year 11.",
    ],
)
def test_a_school_year_or_stage_then_is_long_ago(note: str) -> None:
    assert _window(note, KNIFE) == OLD


def test_the_year_before_a_stage_counts_from_the_childs_age_now() -> None:
    # college starts in Year 12: the year before it is last school year for a 17-year-old
    note = "Before he started college he was carrying a knife. He is 17."
    assert _window(note, KNIFE) == MID


# --- spans, stories told on, and times told from the story's own time ------------------------
@pytest.mark.parametrize(
    "note",
    [
        "Two years ago he met some older lads at the park. They gave him a phone. "
        "He was carrying a knife for them.",
        "In 2024 he was picked up by older boys. Also said they made him carry a knife.",
        "He moved to Luton in 2024. That summer he was carrying a knife.",
        "He was groomed online in spring 2024. Weeks later he was carrying a knife.",
        "He went into care in 2024. Within weeks he was carrying a knife.",
        "He came to Hull in summer 2024. A year earlier he was carrying a knife.",
        "Between 2022 and 2024 he was carrying a knife for his brother.",
        "By mid-2024 he was carrying a knife most days.",
        "During lockdown he was carrying a knife.",
    ],
)
def test_a_span_or_a_story_told_from_an_older_time_is_long_ago(note: str) -> None:
    assert _window(note, KNIFE) == OLD


def test_a_span_over_a_year_counts_to_its_end() -> None:
    assert _window("Throughout 2025 he was carrying a knife.", KNIFE) == MID


@pytest.mark.parametrize(
    "note",
    [
        "That summer he was carrying a knife.",  # no earlier time: the latest summer
        "Two years ago he met some older lads. He is carrying a knife for them now.",
        "In 2024 he lived with his dad. Kyle was carrying a knife at the weekend.",
        "He was carrying a knife until recently.",
        "This weekend he was carrying a knife.",
        "On this episode he was carrying a knife.",
        "He came back yesterday and had been carrying a knife.",
        "Since he came back he has been carrying a knife.",
    ],
)
def test_words_of_now_and_new_topics_stay_recent(note: str) -> None:
    assert _window(note, KNIFE) == RECENT


# --- near-misses: words that look like time but are not --------------------------------------
@pytest.mark.parametrize(
    "note",
    [
        "He is 15 and was carrying a knife.",
        "His Year 10 tutor says he was carrying a knife.",
        "He went out with lads from Y11 and was carrying a knife.",
        "A boy in Year 11 gave him a knife to carry.",
        "He was carrying a knife with the Year 11 boys.",
        "Kyle (15) was carrying a knife at 14 Mill Road.",
        "He was carrying a knife at 3am.",
        "Kyle (15) was carrying a knife for a man aged 25.",
        "He was carrying a knife with lads in their 20s.",
    ],
)
def test_look_alikes_of_time_leave_the_finding_recent(note: str) -> None:
    assert _window(note, KNIFE) == RECENT


# --- the reason tells the worker how an older time was read ----------------------------------
def _reason(note: str, indicator: str) -> str:
    return next(f.reason for f in analyse(note, DATE).findings if f.indicator == indicator)


def test_the_reason_names_the_age_now_it_counted_back_from() -> None:
    reason = _reason("Kyle is 16 now. When he was 13 he was selling weed for older lads.", SELLING)
    assert "“When he was 13”" in reason and "child's age now, 16" in reason


def test_the_reason_says_an_age_without_the_age_now_is_a_guess() -> None:
    reason = _reason("When he was 13 he was selling weed for older lads.", SELLING)
    assert "guess" in reason and "check it" in reason


def test_an_age_of_13_or_over_is_no_clock_time_and_reads_as_a_guessed_past() -> None:
    note = "At 14 he was selling weed for older lads."
    found = next(f for f in analyse(note, DATE).findings if f.indicator == SELLING)
    assert found.window == OLD and "guess" in found.reason


def test_the_reason_says_the_time_was_told_earlier_in_the_notes() -> None:
    note = "Three years ago he was moved to a flat in Derby. He was selling weed there."
    reason = _reason(note, SELLING)
    assert "“Three years ago”" in reason and "told earlier in the notes" in reason


# --- spans of age, and spans reaching to now ---------------------------------------------------
@pytest.mark.parametrize(
    ("note", "window"),
    [
        ("Between the ages of 12 and 14 he was carrying a knife. He is 17 now.", OLD),
        ("From the age of 12 to 14 he was carrying a knife; Kyle is 17.", OLD),
        ("Between the ages of 13 and 14 he was carrying a knife. He is now 15.", MID),
    ],
)
def test_a_span_of_ages_is_dated_by_its_latest_age(note: str, window: str) -> None:
    assert _window(note, KNIFE) == window


@pytest.mark.parametrize(
    "note",
    [
        "Over the past year he has been carrying a knife.",
        "For the last two years he has carried a knife for the olders.",
        "In the last few months he was carrying a knife.",
    ],
)
def test_the_past_year_reaches_to_now(note: str) -> None:
    assert _window(note, KNIFE) == RECENT


def test_last_year_alone_is_still_the_year_before() -> None:
    assert _window("Last year he was carrying a knife.", KNIFE) == OLD
