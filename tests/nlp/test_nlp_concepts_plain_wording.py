"""Plain and euphemistic wording found through concepts (data/en/concepts.json).

Notes written from real cases rarely use the lexicon's keywords: an adult's age is
told beside his name, gifts are "paying for her nails", sex is "being nice to his
friends", county lines is "a ticket someone else bought". Each family below adds the
variants to a concept (or a combination of concepts), so every indicator that uses
the concept gains. Fictional sentences of our own; each family has near-misses that
must stay unticked.
"""

from __future__ import annotations

import pytest

from rhi_assistant.nlp import analyse

DATE = "2026-11-20"


def _present(text: str) -> dict[str, str]:
    found = analyse(text, DATE).findings
    return {f.indicator: f.evidence for f in found if f.assertion == "present"}


# ------------------------------------------- an adult's age told beside a partner
@pytest.mark.parametrize(
    "text",
    [
        "Jodie says her boyfriend, who is 24, picks her up after school.",
        "She told me her bf is 21 and lives on his own.",
        "Ellie calls him her man and says he's 29.",
    ],
)
def test_a_partner_whose_adult_age_is_told_is_an_older_partner(text: str) -> None:
    assert "seraf.sig.older_partner_or_controlling_adult" in _present(text)


@pytest.mark.parametrize(
    "text",
    [
        "Jodie says her boyfriend is 15 and in her class.",
        "Her brother, who is 24, drove her to school.",
        "She has had a boyfriend for 18 months.",
    ],
)
def test_a_partner_her_own_age_or_an_adult_relative_is_not_an_older_partner(text: str) -> None:
    assert "seraf.sig.older_partner_or_controlling_adult" not in _present(text)


# ------------------------------------- gifts in plain words from an older person
@pytest.mark.parametrize(
    "text",
    [
        "A man she met online has been paying for her lashes and her taxis.",
        "Her dad's mate sent her £40 and takes her for food after school.",
        "The woman upstairs, who is 35, lets her drink at her flat and feeds her.",
    ],
)
def test_an_older_person_paying_for_things_in_plain_words_is_grooming(text: str) -> None:
    assert "pull.grooming_or_coercion" in _present(text)


@pytest.mark.parametrize(
    "text",
    [
        "Her mum pays for her phone and takes her for food on Fridays.",
        "She bought her friend a drink with her own pocket money.",
        "A man had booked the room next door at the hotel.",
    ],
)
def test_a_parent_paying_or_the_child_buying_is_not_grooming(text: str) -> None:
    assert "pull.grooming_or_coercion" not in _present(text)
