"""Episode indicators ticked wrongly: an arrest that says no offence, and an injury
told in the sentence that says a parent or their partner hit the child.

Being arrested says nothing of an offence other than drug dealing ("arrested in a trap
house", "on arrest at the station") nor that it happened while missing; an arrest for
an act, after a robbery, in a shop or while missing does. An injury in the sentence
that says the stepdad hit her is abuse at home (suggested as such), not hurt while
missing. Fictional sentences of our own.
"""

from __future__ import annotations

import pytest
from nlp_support import present

OFFENDING = "episode.offending_while_missing"
HURT = "episode.hurt_or_harmed"


@pytest.mark.parametrize(
    "text",
    [
        "He was arrested at the coach station and a burner was found on him.",
        "When she was 13 she was arrested at a flat in Dorley with older lads.",
        "Her boyfriend has been arrested before, she thinks for drugs.",
    ],
)
def test_an_arrest_alone_is_not_offending_while_missing(text: str) -> None:
    assert OFFENDING not in present(text)


@pytest.mark.parametrize(
    "text",
    [
        "She got arrested on Friday night while still missing from the unit.",
        "He was nicked for kicking off at the bus station and punching a window.",
        "He was caught in Primark with a bag of stuff he had not paid for.",
        "They were arrested in the park after a car was broken into.",
    ],
)
def test_an_arrest_for_an_act_or_while_missing_is_offending(text: str) -> None:
    assert OFFENDING in present(text)


@pytest.mark.parametrize(
    "text",
    [
        "She said her stepdad hit her with a slipper and she has bruises on her arm.",
        "Mum's partner punched him and it cut his lip, so he left.",
    ],
)
def test_an_injury_in_the_sentence_of_abuse_at_home_is_not_hurt_while_missing(
    text: str,
) -> None:
    found = present(text)
    assert HURT not in found
    assert found & {"push.abuse_or_neglect", "seraf.vuln.physical_abuse_by_family"}


@pytest.mark.parametrize(
    "text",
    [
        "While she was missing a man in the park hit her and she has bruises on her arm.",
        "Some lads jumped him in Tarnby and he came back with a cut lip.",
    ],
)
def test_an_injury_while_away_stays_hurt_or_harmed(text: str) -> None:
    assert HURT in present(text)
