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
