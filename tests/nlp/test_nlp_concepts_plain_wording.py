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


# ----------------------------- sex told by euphemism, with something in return
@pytest.mark.parametrize(
    "text",
    [
        "Nicole said she has to be nice to his cousins or she can't stay at the flat.",
        "She owed him for the weed and said she paid it back another way.",
        "They gave her £30 for her time and a lift home.",
    ],
)
def test_a_euphemism_for_sex_with_something_in_return_is_exploitation_for_gain(
    text: str,
) -> None:
    assert "trafficking.sexual_exploitation_for_gain" in _present(text)


@pytest.mark.parametrize(
    "text",
    [
        "Her nan told her to be nice to her cousins and gave her a fiver.",
        "She said she has to be nice to the staff or she gets no phone time.",
        "He gave her a lift home because it was late.",
    ],
)
def test_being_told_to_be_polite_or_a_plain_lift_is_not_sexual_exploitation(text: str) -> None:
    assert "trafficking.sexual_exploitation_for_gain" not in _present(text)


# ------------------------------------------- a friend exploited, told by the child
@pytest.mark.parametrize(
    "text",
    [
        "Abbie said her friend Shania gets passed round at a house on the estate.",
        "Chloe's friend Nia goes to parties with older men in Bath and gets paid for it.",
        "She told me her cousin has a sugar daddy who buys her everything.",
    ],
)
def test_a_friend_passed_round_or_paid_by_older_men_is_peers_exploited(text: str) -> None:
    assert "seraf.sig.peers_exploited" in _present(text)


@pytest.mark.parametrize(
    "text",
    [
        "Her friend Shania gets paid on Saturdays at the chip shop.",
        "A family friend sexually abused her when she was small.",
        "She went to a party at her friend's house and stayed over.",
    ],
)
def test_a_friend_with_a_job_or_an_adult_friend_of_the_family_is_not_peers_exploited(
    text: str,
) -> None:
    assert "seraf.sig.peers_exploited" not in _present(text)
