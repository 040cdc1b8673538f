"""Being moved between places by others, told by verbs of transport (concepts MOVED,
TAKEN_BY_OTHERS, FORCED_INTO_VEHICLE; lexicon trafficking.json).

Real notes say "drove her up to", "made him get in the back of a van", "the man who
brought him over", "came in the back of a lorry" rather than "trafficked". Fictional
sentences of our own; near-misses: a parent driving, "took over the flat", a child who
came to England with family, and a friend's journey (someone else's).
"""

from __future__ import annotations

import pytest
from nlp_support import assertions

MOVED = "trafficking.moved_between_places"


@pytest.mark.parametrize(
    "text",
    [
        "She came to England in the back of a lorry when she was twelve.",
        "The man who brought him over from Albania still texts him.",
        "A man in his fifties drove her up to Carlisle and back twice last month.",
        "Two lads bundled him into a car and drove him out to the coast.",
        "They took her and her cousin down to a hotel in Brixham.",
    ],
)
def test_being_driven_brought_or_carried_by_others_is_being_moved(text: str) -> None:
    assert assertions(text).get(MOVED) == "present"


@pytest.mark.parametrize(
    "text",
    [
        "Her mum drove her up to Carlisle to see her nan.",
        "She says the lads took over the flat in the spring.",
        "He came to England with his mum when he was three.",
    ],
)
def test_family_journeys_and_taking_over_a_flat_are_not_being_moved(text: str) -> None:
    assert assertions(text).get(MOVED) != "present"


def test_taken_by_older_men_to_hotels_is_also_exploitation_for_gain() -> None:
    found = assertions("At 14 she was taken by some older men to parties at hotels in Stoke.")
    assert found.get(MOVED) == "present"
    assert found.get("trafficking.sexual_exploitation_for_gain") == "present"


def test_a_friends_journey_before_the_concepts_stays_someone_elses() -> None:
    """The cue "his mate Ollie" stands before the evidence: words the concepts could
    spell elsewhere ("mate") do not make it part of the finding."""
    found = assertions("Jack told me his mate Ollie got took to Grimsby by some older boys.")
    assert found.get(MOVED) == "other_person"
