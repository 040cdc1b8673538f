"""Drug work and county lines told in plain words (concepts DRUG_WORK, DRUG_HANDLING,
STAYED_AWAY; lexicon cce.json).

Practitioners write county lines as what the child did, not by its name: "on shift",
"answering the phone", "serving" the users, "passing bags out of the window", "OT",
"lost the pack", "bottling" it. Fictional sentences of our own; each family has
near-misses (a shift at a chippy, a parcel from the post office, "bottled it") that must
stay unticked.
"""

from __future__ import annotations

import pytest
from nlp_support import present


@pytest.mark.parametrize(
    "text",
    [
        "He stayed at a flat in Marlbury where he was on shift, answering the phone all night.",
        "They drove him up to Holcombe. He was serving fiends from the window till Monday.",
        "She had been OT in Fenwick for four days.",
        "He got the train to Eastcombe to pick up a parcel for the olders.",
    ],
)
def test_drug_work_away_from_home_in_plain_words_is_county_lines(text: str) -> None:
    assert "cce.county_lines_travel" in present(text)


@pytest.mark.parametrize(
    "text",
    [
        "He lost the pack when he got chased and now they want it back.",
        "He was passing bags through the letterbox to whoever knocked.",
        "She does a bit of dealing, mostly weed, to kids at school.",
    ],
)
def test_drug_work_in_plain_words_is_holding_or_selling(text: str) -> None:
    assert "cce.holding_or_selling_drugs" in present(text)


@pytest.mark.parametrize(
    "text",
    [
        "The olders made him keep it up inside him on the coach.",
        "He said he has to bottle the bits when the police are about.",
    ],
)
def test_carrying_it_inside_in_plain_words_is_internal_concealment(text: str) -> None:
    assert "cce.internal_concealment" in present(text)


@pytest.mark.parametrize(
    "text",
    [
        "He was on shift at the chippy answering the phone.",
        "She got the train to Leeds to pick up a parcel for her mum.",
        "He went to the post office in Leeds to collect a parcel for his nan.",
        "The OT came to assess her for a new bed.",
    ],
)
def test_ordinary_shifts_parcels_and_the_ot_are_not_drug_work(text: str) -> None:
    found = present(text)
    assert "cce.county_lines_travel" not in found
    assert "cce.holding_or_selling_drugs" not in found


@pytest.mark.parametrize(
    "text",
    [
        "She bottled it and didn't go to the party.",
        "He put it up there on the shelf.",
    ],
)
def test_bottling_it_and_putting_things_up_there_are_not_concealment(text: str) -> None:
    assert "cce.internal_concealment" not in present(text)


def test_someone_elses_selling_from_the_flat_is_not_the_childs() -> None:
    found = present("Mum's boyfriend sells weed from the flat; he says he stays out of it.")
    assert "cce.holding_or_selling_drugs" not in found
