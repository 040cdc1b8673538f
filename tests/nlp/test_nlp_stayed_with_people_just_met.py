"""Staying with adults the child did not know, told in plain words (concepts
STAYED_OVER and UNKNOWN_PEOPLE; combinations.json).

Notes say "stayed at some lads' flat", "crashed with people she met on snap", "had
been there two nights with three men", "went back to their flat" after meeting at a
bus stop. Fictional sentences of our own; near-misses: staying with family, sleeping
rough alone, someone who sleeps with men (not a place to stay).
"""

from __future__ import annotations

import pytest
from nlp_support import present

STAYED = "episode.stayed_with_unknown_adults"


@pytest.mark.parametrize(
    "text",
    [
        "She crashed at a flat in Dunmere with people she met on snap that week.",
        "He stayed two nights with some older lads he'd met outside the shop.",
        "She was found in a house in Polby with 4 men in their thirties.",
        "They stopped over at a party where she didn't know anyone.",
    ],
)
def test_staying_with_people_just_met_is_stayed_with_unknown_adults(text: str) -> None:
    assert STAYED in present(text)


@pytest.mark.parametrize(
    "text",
    [
        "She stayed at her aunt's flat in Dunmere with her cousins.",
        "He slept in the park on his own and some lads walked past.",
        "She said she has been sleeping with men for money.",
    ],
)
def test_family_alone_or_sex_for_money_is_not_stayed_with_unknown_adults(text: str) -> None:
    assert STAYED not in present(text)
