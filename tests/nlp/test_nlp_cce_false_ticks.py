"""CCE indicators ticked on everyday words: a parent who "would kill me", looking after
a little brother, the police coming to the house, a shop that was robbed.

Fictional sentences of our own; each near-miss sits beside a real threat or debt that
must stay ticked.
"""

from __future__ import annotations

import pytest
from nlp_support import present

THREATS = "cce.threats_to_child_or_family"
DEBT = "cce.drug_debt"


@pytest.mark.parametrize(
    "text",
    [
        "She can't tell her mum about the baby because she'd kill her.",
        "He won't tell his dad about school as he'll kill him, he says.",
        "He has to sort his little brother out when mum is at work.",
        "She kept asking whether the police would come round to the house.",
    ],
)
def test_a_parents_anger_caring_or_the_police_visiting_is_not_a_threat(text: str) -> None:
    assert THREATS not in present(text)


@pytest.mark.parametrize(
    "text",
    [
        "They said they would kill her little brother if she told.",
        "The olders said they'll hurt his mum if he stops running for them.",
    ],
)
def test_threats_to_the_child_or_family_stay_ticked(text: str) -> None:
    assert THREATS in present(text)


def test_a_shop_that_was_robbed_is_not_a_debt() -> None:
    assert DEBT not in present("He was arrested near the bookies after the shop was robbed.")


def test_being_robbed_of_the_pack_is_still_a_debt() -> None:
    assert DEBT in present("He got robbed of the pack and now he owes them.")
