"""Cue words are never 'corrected' by the fuzzy matcher; a named person's friend or
sibling is someone else; 'had to go' alone is not coercion. Fresh sentences."""

from __future__ import annotations

import pytest

from rhi_assistant.nlp import analyse


def found(text: str, date: str = "2026-11-20") -> dict[str, tuple[str, str]]:
    return {s.indicator: (s.assertion, s.window) for s in analyse(text, date).findings}


@pytest.mark.parametrize(
    ("text", "indicator", "window"),
    [
        ("Last Easter she was picked up by a man in a car.",
         "seraf.sig.vehicles_unknown_adults", "6_to_12_months"),
        ("Over Easter 2024 a man kept picking her up in his car.",
         "seraf.sig.vehicles_unknown_adults", "over_12_months"),
        ("At Halloween last year he was carrying a knife.", "cce.weapons", "over_12_months"),
    ],
)
def test_holiday_names_keep_their_dates(text, indicator, window):
    assert found(text)[indicator] == ("present", window)


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        ("Amber's mate Chantelle got beaten up at the party.", "episode.hurt_or_harmed"),
        ("Shannon's friend Keira is 15 and pregnant by a 24-year-old.", "push.pregnancy"),
        ("Megan's older brother Josh is on remand for county lines offences.",
         "cce.county_lines_travel"),
        ("Tyler's cousin carries a machete.", "cce.weapons"),
    ],
)
def test_a_named_persons_friend_or_sibling_is_someone_else(text, indicator):
    assert found(text)[indicator][0] == "other_person"


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        ("Amber got beaten up by her mum's boyfriend.", "episode.hurt_or_harmed"),
        ("Jo's boyfriend is 24 and picks her up from school.",
         "seraf.sig.older_partner_or_controlling_adult"),
    ],
)
def test_partners_and_the_child_herself_are_not_made_someone_else(text, indicator):
    assert found(text)[indicator][0] == "present"


def test_having_to_go_somewhere_is_not_coercion():
    assert "pull.grooming_or_coercion" not in found(
        "She had to go to hospital with her mate after the party.")
    assert found("He said he had no choice, they made him do it.")[
        "pull.grooming_or_coercion"][0] == "present"


def test_a_school_year_counts_back_from_the_year_the_note_gives():
    note = "YP is in Year 11. She started going out with older men in Year 9."
    assert found(note)["seraf.sig.older_partner_or_controlling_adult"] == (
        "present", "over_12_months")
