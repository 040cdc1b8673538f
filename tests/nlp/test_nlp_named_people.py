"""Who a named person is (nlp/named_people.py, data/en/subjects.json 'named_people').

Fictional notes named by behaviour: a named friend's, cousin's or sibling's acts are
someone else's, whether the name is the subject where it is introduced, in a later
sentence, or in what the child reports; what named people do *to* the child stays
the child's; the child's own name is the child.
"""

from __future__ import annotations

import pytest

from rhi_assistant.nlp import analyse

DATE = "2026-11-20"


def _assertions(text: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for f in analyse(text, DATE).findings:
        # present wins: the scorer ticks an indicator once any of its findings is present
        if out.get(f.indicator) != "present":
            out[f.indicator] = f.assertion
    return out


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        ("Priya told me her friend Jodie sells weed for some lads in Gloucester.",
         "cce.holding_or_selling_drugs"),
        ("Kai said his cousin Rhys carries a knife.", "cce.weapons"),
        ("Bella says her sister Kim's boyfriend is 29 and sells coke.",
         "cce.holding_or_selling_drugs"),
        ("Mollie mentioned her best mate Zara, who has a boyfriend of 31.",
         "seraf.sig.older_partner_or_controlling_adult"),
    ],
)
def test_a_named_friends_or_siblings_acts_are_someone_elses(text: str, indicator: str) -> None:
    assert _assertions(text)[indicator] == "other_person"


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        ("Dom talked about his mate Tariq. Tariq got stabbed in the leg last month.",
         "episode.hurt_or_harmed"),
        ("Owen said Lewis deals for the olders.", "cce.holding_or_selling_drugs"),
        ("Jess said Mia's boyfriend is 30.", "seraf.sig.older_partner_or_controlling_adult"),
        ("Ruby went to the party with her friend Nell. Nell has been going OT to Exeter.",
         "cce.county_lines_travel"),
    ],
)
def test_a_later_or_reported_mention_of_another_named_young_person_is_theirs(
    text: str, indicator: str
) -> None:
    assert _assertions(text)[indicator] == "other_person"


def test_a_named_friend_sexually_exploited_makes_peers_exploited_the_childs() -> None:
    got = _assertions("Lou was out with her cousin Tia, who is 'on the game' in Bristol.")
    assert got["trafficking.sexual_exploitation_for_gain"] == "other_person"
    assert got["seraf.sig.peers_exploited"] == "present"


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        # things named people do to the child are the child's
        ("Liam said his mate Connor gave him a knife to hold.", "cce.weapons"),
        ("Ellie said her boyfriend Dean is 24 and picks her up from school.",
         "seraf.sig.older_partner_or_controlling_adult"),
        ("A man called Gaz drives him to Bath and he sells for him there.",
         "cce.holding_or_selling_drugs"),
        # the note's own child, however it names them
        ("Josh said he carries a knife for protection.", "cce.weapons"),
        ("Jo's boyfriend is 24 and picks her up from school.",
         "seraf.sig.older_partner_or_controlling_adult"),
        # a capital owning a date or a place is no one ("after Valentine's", "Tiny's flat")
        ("Until just after Valentine's, Aisha was seeing a 20-year-old.",
         "seraf.sig.older_partner_or_controlling_adult"),
        # the one told is not the subject ("told Jay he owes")
        ("Fizz told Jay he owes £300 for the lost bag.", "cce.drug_debt"),
    ],
)
def test_named_people_acting_on_the_child_and_the_child_herself_stay_present(
    text: str, indicator: str
) -> None:
    assert _assertions(text)[indicator] == "present"


def test_her_cuz_after_a_possessive_is_her_cousin_and_elsewhere_because() -> None:
    assert _assertions("She went with her cuz Tasha, who is 'on the game'.")[
        "trafficking.sexual_exploitation_for_gain"] == "other_person"
    assert _assertions("She ran cuz she was scared of her stepdad.").get(
        "pull.fear_of_repercussions", "present") == "present"
