"""Families behind the most common false ticks on real-case wording, tightened as
families (fictional sentences, named by behaviour).

- A single absence told without its length ("went missing because ...", "ran off",
  "ran from school") is where every RHI starts, not a *period* of going missing;
  a length, a night, repetition or an absence from home or care is.
- Friends named by the other pronoun ("his mates" in a note about a girl) and a
  friend's relative ("a mate's older brother") are not the child's friends.
"""

from __future__ import annotations

import pytest
from nlp_support import present

PERIODS = "seraf.sig.missing_periods"
FRIENDS = "pull.friends_or_partner"


@pytest.mark.parametrize(
    "text",
    [
        "She went missing because she didn't want to go to her nan's for tea.",
        "He ran off after a row with his mum about his phone.",
        "Ran from school at lunch on Thursday because of the exam.",
        "She has been missing from lessons most afternoons this term.",
        "The last missing episode was about a falling out with a friend.",
    ],
)
def test_one_absence_without_its_length_is_not_a_period_of_going_missing(text: str) -> None:
    assert PERIODS not in present(text)


@pytest.mark.parametrize(
    "text",
    [
        "She went missing again on Friday after the call.",
        "He keeps going missing from the unit.",
        "She went missing 4 times over the summer.",
        "He was missing from his placement from Friday till Sunday.",
        "She went missing from the park and was found at 5am at the bus station.",
        "He ran away from the children's home twice.",
        "She was missing for the whole of half term.",
    ],
)
def test_a_length_a_night_or_repetition_makes_it_a_period(text: str) -> None:
    assert PERIODS in present(text)


@pytest.mark.parametrize(
    "text",
    [
        "Chloe said the man drove her to his mates' flat in Bedminster.",
        "She was with an older lad and ended up at a party with his friends.",
        "Ria said the 23-year-old took her to meet his mate.",
    ],
)
def test_friends_named_by_the_other_pronoun_are_someone_elses(text: str) -> None:
    assert FRIENDS not in present(text)


@pytest.mark.parametrize(
    "text",
    [
        "She stayed with a friend's older brother in Yate for two nights.",
        "He went to Exeter with a mate's uncle to 'help out'.",
        "She was at a mate's cousin's flat all weekend.",
    ],
)
def test_a_friends_relative_is_not_a_friend(text: str) -> None:
    assert FRIENDS not in present(text)


@pytest.mark.parametrize(
    "text",
    [
        "Tom stayed at his mate's house in Bath for two nights.",
        "Ellie stayed at her friend's in Yate. He picked her up after.",
        "She stayed with her friend and her friend's mum on Saturday.",
    ],
)
def test_the_childs_own_friends_stay_present(text: str) -> None:
    assert FRIENDS in present(text)


HURT = "episode.hurt_or_harmed"
STEP = "push.step_parent_or_poor_relationships"


@pytest.mark.parametrize(
    "text",
    [
        "She has been cutting again and showed me fresh marks on her wrists.",
        "He self-harms when stressed; there were new cuts on his arms.",
        "She showed me old scars on her thighs from cutting last year.",
    ],
)
def test_the_childs_self_harm_marks_are_not_hurt_while_missing(text: str) -> None:
    got = present(text)
    assert HURT not in got
    assert "seraf.mod.expressions_of_despair" in got


@pytest.mark.parametrize(
    "text",
    [
        "She came back with bite marks on her arm.",
        "A man at the flat punched him and he came back with a cut on his head.",
        "He needed stitches after the olders jumped him.",
    ],
)
def test_injuries_from_others_stay_hurt_or_harm(text: str) -> None:
    assert HURT in present(text)


@pytest.mark.parametrize(
    "text",
    [
        "A stab vest was found under his bed.",
        "He says 'snitches get stitches' and won't name anyone.",
        "Police found a knife-proof vest in his room.",
    ],
)
def test_set_phrases_holding_a_harm_word_are_not_harm(text: str) -> None:
    assert HURT not in present(text)


@pytest.mark.parametrize(
    "text",
    [
        "She says her new partner is 16 and in her year.",
        "He has a new girlfriend from college and seems happier.",
        "Her stepdad's friend gave her lifts home from school.",
    ],
)
def test_the_childs_own_new_partner_or_a_step_parents_friend_is_no_step_parent_problem(
    text: str,
) -> None:
    assert STEP not in present(text)


@pytest.mark.parametrize(
    "text",
    [
        "Mum's new partner shouts at her every night.",
        "Her mum has a new boyfriend who she can't stand.",
        "He hates his stepdad and won't be in the house with him.",
    ],
)
def test_a_parents_new_partner_or_a_hated_step_parent_stays_present(text: str) -> None:
    assert STEP in present(text)


DEBT = "cce.drug_debt"


@pytest.mark.parametrize(
    "text",
    [
        "He stormed out after his PlayStation was taken off him for skipping school.",
        "Her phone was taken off her at 9pm by her carers.",
        "They had his phone taken off him as soon as he got to the flat.",
    ],
)
def test_a_possession_taken_off_the_child_is_no_drug_debt(text: str) -> None:
    assert DEBT not in present(text)


@pytest.mark.parametrize(
    "text",
    [
        "The parcel was taken off him at the station and now they say he owes.",
        "He got robbed and the food was taken off him.",
        "Two lads taxed him and the stash was taken off him.",
    ],
)
def test_drugs_or_money_taken_off_the_child_stay_a_debt(text: str) -> None:
    assert DEBT in present(text)


FREEDOM = "pull.freedom"


@pytest.mark.parametrize(
    "text",
    [
        "He lets her stay at his flat whenever she wants.",
        "He said he can leave the car wash whenever he wants.",
        "The man allowed him to come round whenever he liked.",
    ],
)
def test_what_an_adult_lets_the_child_do_whenever_is_no_wish_for_freedom(text: str) -> None:
    assert FREEDOM not in present(text)


@pytest.mark.parametrize(
    "text",
    [
        "She wants to do whatever she wants without mum on her back.",
        "He goes out whenever he wants now, no rules.",
        "She says she wants her freedom.",
    ],
)
def test_the_childs_own_wish_for_freedom_stays_present(text: str) -> None:
    assert FREEDOM in present(text)
