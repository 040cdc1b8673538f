"""Indicators as concepts that meet in a sentence (nlp/concepts.py, data/en/*.json).

Fictional sentences, grouped by indicator group and named by what they show:
a phrasing no indicator pattern spells is found because its concepts meet, the
suggestion keeps its evidence span and a reason a practitioner can read, and the
usual context rules still decide whether it is the child's finding.
"""

from __future__ import annotations

import pytest

from rhi_assistant.nlp import analyse
from rhi_assistant.nlp.concepts import (
    ConceptHit,
    LexiconError,
    combine,
    load_combinations,
    load_concepts,
)

DATE = "2026-11-20"


def _present(text: str) -> dict[str, str]:
    found = analyse(text, DATE).findings
    return {f.indicator: f.evidence for f in found if f.assertion == "present"}


def _found(text: str, indicator: str):
    return next(f for f in analyse(text, DATE).findings if f.indicator == indicator)


# ---------------------------------------------------------------- trafficking
@pytest.mark.parametrize(
    "text",
    [
        "Mia said she had to do stuff with his mates to pay off what she owed.",
        "She said she slept with one of them and they gave her weed after.",
        "Roxy said she hooked up with the landlord so she had somewhere to stay.",
    ],
)
def test_trafficking_a_sexual_act_with_something_in_return_is_exploitation_for_gain(
    text: str,
) -> None:
    f = _found(text, "trafficking.sexual_exploitation_for_gain")
    assert f.assertion == "present" and f.match == "combined"
    assert text[f.start : f.end] == f.evidence


@pytest.mark.parametrize(
    "text",
    [
        "Tanya was passed around between men at a house in the next town.",
        "They sent her to meet men in hotels and kept the money.",
        "She was expected to have sex with his friends because he had given her somewhere to live.",
    ],
)
def test_trafficking_being_passed_around_or_others_profiting_is_exploitation_for_gain(
    text: str,
) -> None:
    assert "trafficking.sexual_exploitation_for_gain" in _present(text)


def test_trafficking_being_taken_to_hotels_in_other_towns_is_being_moved() -> None:
    assert "trafficking.moved_between_places" in _present(
        "Bella was driven to hotels in other towns every weekend."
    )


# ---------------------------------------------------------------------- pull
@pytest.mark.parametrize(
    "text",
    [
        "Kayla said a man in his thirties kept buying her vodka and cigarettes.",
        "She said he called her his girlfriend and bought her a new phone.",
        "Her uncle's friend keeps telling her she is special and mature for her age.",
    ],
)
def test_pull_gifts_or_affection_from_an_older_person_read_as_grooming(text: str) -> None:
    assert "pull.grooming_or_coercion" in _present(text)


@pytest.mark.parametrize(
    "text",
    [
        "Ollie was recruited by a gang when he was in Year 9.",
        "Sasha was introduced to older men by a girl she met in the park.",
        "The men plied her with vodka and pills at the flat.",
    ],
)
def test_pull_being_drawn_in_or_plied_by_older_people_reads_as_grooming(text: str) -> None:
    assert "pull.grooming_or_coercion" in _present(text)


def test_pull_staying_with_friends_is_not_ticked_from_the_words_of_exploitation() -> None:
    found = _present("Mia said she had to do stuff with his mates to pay off what she owed.")
    assert "trafficking.sexual_exploitation_for_gain" in found
    assert "pull.friends_or_partner" not in found


# ----------------------------------------------------------------------- cce
def test_cce_being_taken_away_to_sell_reads_as_county_lines() -> None:
    assert "cce.county_lines_travel" in _present(
        "Rio said an older lad drove him up to Leicester where he was dealing for a week."
    )


def test_cce_drugs_hidden_on_the_body_read_as_holding_drugs() -> None:
    assert "cce.holding_or_selling_drugs" in _present(
        "Officers found the weed she had hidden in her socks."
    )


# ---------------------------------------------------------- seraf significant
def test_seraf_sig_an_older_partner_belittling_her_is_emotional_abuse() -> None:
    found = _present("Her 23 year old partner calls her stupid and goes through her phone.")
    assert "seraf.sig.emotional_abuse_by_controlling_adult" in found


# --------------------------------------------------------- context still rules
def test_a_combination_about_someone_else_is_not_the_childs_finding() -> None:
    f = _found(
        "Her friend Jade has sex with one of the dealers for weed.",
        "trafficking.sexual_exploitation_for_gain",
    )
    assert f.assertion != "present"


def test_a_denied_combination_is_not_offered() -> None:
    found = _present("She said no one ever gave her anything for sex.")
    assert "trafficking.sexual_exploitation_for_gain" not in found


def test_a_combinations_reason_names_the_concepts_for_a_practitioner() -> None:
    f = _found(
        "Kayla said a man in his thirties kept buying her vodka and cigarettes.",
        "pull.grooming_or_coercion",
    )
    assert "One sentence of the notes mentions an older person" in f.reason
    assert "something given" in f.reason and "now or in the past 6 months" in f.reason
    assert "window" not in f.reason and "default" not in f.reason


# -------------------------------------------------------------- the data itself
def test_every_combination_names_known_concepts_and_two_requirements() -> None:
    concepts = load_concepts()
    for rule in load_combinations():
        assert len(rule.requires) >= 2 and rule.why
        assert set().union(*rule.requires) <= set(concepts)


def test_concepts_meet_only_within_one_sentence_and_the_span_limit() -> None:
    rule = next(r for r in load_combinations() if r.indicator.startswith("trafficking.sexual"))
    a, b = ConceptHit("SEX_ACT", 0, 2), ConceptHit("GIVEN", 4, 6)
    assert [m.indicator for m in combine([a, b], (rule,), [], [])] == [rule.indicator]
    assert combine([a, b], (rule,), [3], []) == []  # a sentence break between them
    far = ConceptHit("GIVEN", 40, 42)
    assert combine([a, far], (rule,), [], []) == []


def test_combining_all_rules_at_once_equals_trying_each_rule_in_file_order() -> None:
    """combine() tries only the rules whose first requirement a sentence names; that
    shortcut must neither drop a rule nor change the order of what is found."""
    rules = load_combinations()
    names = sorted({c for r in rules for req in r.requires for c in req})
    hits = [ConceptHit(c, 2 * i, 2 * i + 1) for i, c in enumerate(names[:12])]
    one_by_one = [m for r in rules for m in combine(hits, (r,), [], [])]
    assert combine(hits, rules, [], []) == one_by_one
    assert one_by_one  # the hits meet some rule, so the test compares something


def test_lexicon_error_is_the_data_error() -> None:
    assert issubclass(LexiconError, ValueError)
