"""Who, and whether, beyond one clause (data/en/subjects.json).

Fictional notes named by behaviour: an adult's worry is a possibility to explore,
not the child's finding; what an adult reports stays a fact; a later sentence in
which the child denies it denies the sentence before; someone else's denial does
not; things done to the child by others stay the child's.
"""

from __future__ import annotations

import pytest
from nlp_support import assertions

from rhi_assistant.nlp import analyse

DATE = "2026-11-20"


@pytest.mark.parametrize(
    "text",
    [
        "Mum thinks an older man has been giving her money.",
        "Her nan reckons an older man has been giving her money.",
        "The key worker is worried an older man has been giving her money.",
    ],
)
def test_an_adults_worry_is_not_ticked_as_the_childs_finding(text: str) -> None:
    got = assertions(text)
    assert got.get("pull.grooming_or_coercion") == "hypothetical"
    assert "present" not in got.values()


def test_what_an_adult_reports_stays_a_fact() -> None:
    assert assertions("Mum said she came home drunk at 3am.")["seraf.mod.alcohol_misuse"] == (
        "present"
    )


@pytest.mark.parametrize(
    "denial", ["He denies it.", "Later he denied all of it.", "He says that is not true."]
)
def test_the_childs_denial_in_the_next_sentence_denies_what_it_follows(denial: str) -> None:
    got = assertions("He said he had been carrying for the olders. " + denial)
    assert got["cce.holding_or_selling_drugs"] == "negated"


def test_a_denial_by_someone_else_does_not_deny_the_childs_account() -> None:
    got = assertions("Her boyfriend hit her. He denies it.")
    assert got["seraf.sig.physical_abuse_by_controlling_adult"] == "present"


def test_a_denial_reaches_only_the_sentence_just_before() -> None:
    got = assertions(
        "He said he had been carrying for the olders. He goes to college on Mondays. "
        "He denies it."
    )
    assert got["cce.holding_or_selling_drugs"] == "present"


def test_what_others_do_to_the_child_is_the_childs_finding() -> None:
    found = analyse("Her uncle's friend keeps telling her she is special.", DATE).findings
    assert ("pull.grooming_or_coercion", "present") in {(f.indicator, f.assertion) for f in found}


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        ("A neighbour saw her getting out of a car driven by an older man. "
         "She denied ever getting into the car.", "seraf.sig.vehicles_unknown_adults"),
        ("Staff found him at a flat where lads were dealing from the door. "
         "YP denies selling anything.", "cce.holding_or_selling_drugs"),
        ("Police found a knife in the bag he was carrying. "
         "He flatly denies carrying a knife.", "cce.weapons"),
    ],
)
def test_the_childs_later_denial_of_the_same_thing_denies_what_came_before(
    text: str, indicator: str
) -> None:
    got = [f.assertion for f in analyse(text, DATE).findings if f.indicator == indicator]
    assert got and set(got) == {"negated"}


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        # the last account stands: a later admission keeps it present
        ("She denied drinking at first. Later she admitted she had drunk vodka at the party.",
         "seraf.mod.alcohol_misuse"),
        # someone else's denial does not deny the child's account
        ("Her boyfriend hit her at the party. He denies hitting anyone.",
         "seraf.sig.physical_abuse_by_controlling_adult"),
        ("He says he sells weed for the olders. His mum denies he sells anything.",
         "cce.holding_or_selling_drugs"),
    ],
)
def test_a_later_admission_or_someone_elses_denial_leaves_the_finding_present(
    text: str, indicator: str
) -> None:
    assert indicator in {
        f.indicator for f in analyse(text, DATE).findings if f.assertion == "present"
    }


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        # a plan not yet carried out
        ("Mo is due to move into a hostel next month.",
         "seraf.vuln.unsuitable_accommodation"),
        ("She is set to start at a semi-independent placement in Frome in January.",
         "seraf.vuln.unsuitable_accommodation"),
        # an offer to the child is not the child's act
        ("A lad at the park offered him £50 a day to go country.", "cce.county_lines_travel"),
        ("She was offered £200 to hold a package in her room.",
         "cce.holding_or_selling_drugs"),
        # a professional's view of risk, even where the child's own fear would count
        ("Referral says Nadia is at risk of forced marriage.", "push.forced_marriage_or_fgm"),
        ("School feel she is at high risk of FGM this summer.", "push.forced_marriage_or_fgm"),
    ],
)
def test_plans_offers_and_risk_assessments_are_possibilities(text: str, indicator: str) -> None:
    assert assertions(text)[indicator] == "hypothetical"


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        # a duty the child is under is no plan
        ("He is meant to be at the PRU three mornings a week but never goes.",
         "seraf.mod.school_exclusion_or_absence"),
        # "due to" as "because of"
        ("She was out of school due to the exclusion in March.",
         "seraf.mod.school_exclusion_or_absence"),
        # an offer taken up is told as the act itself
        ("He took the £50 and went country to Exeter the next day.",
         "cce.county_lines_travel"),
        # the child's own fear of it stays present
        ("She is terrified her dad will force her to marry in Pakistan.",
         "push.forced_marriage_or_fgm"),
    ],
)
def test_duties_causes_accepted_offers_and_the_childs_fear_stay_present(
    text: str, indicator: str
) -> None:
    assert assertions(text)[indicator] == "present"


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        ("Ppl at the trap house had a zombie knife.", "cce.weapons"),
        ("People at the flat were selling crack from the door.",
         "cce.holding_or_selling_drugs"),
        ("Adults at the party were carrying blades.", "cce.weapons"),
    ],
)
def test_what_people_around_the_child_do_is_theirs(text: str, indicator: str) -> None:
    assert assertions(text)[indicator] == "other_person"


def test_what_people_do_to_the_child_stays_the_childs() -> None:
    assert assertions("People at the flat gave him a knife to hold.")["cce.weapons"] == (
        "present"
    )


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        ("It is alleged that he has been carrying a blade.", "cce.weapons"),
        ("Concerns have been raised that she is being taken to parties in Bristol by older men.",
         "seraf.sig.older_partner_or_controlling_adult"),
        ("Police intelligence suggests he is running a line to Taunton.",
         "cce.county_lines_travel"),
        ("There are concerns he is holding drugs for older lads.",
         "cce.holding_or_selling_drugs"),
        ("Nan is convinced he's dealing for the olders.", "cce.holding_or_selling_drugs"),
        ("His foster carers believe he has been selling weed at school.",
         "cce.holding_or_selling_drugs"),
    ],
)
def test_claims_concerns_and_intelligence_are_possibilities(text: str, indicator: str) -> None:
    assert assertions(text)[indicator] == "hypothetical"


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        ("Police found a knife in his bag when he was stopped.", "cce.weapons"),
        ("Staff found £300 in cash hidden in her room.", "seraf.sig.unexplained_money_or_items"),
        ("His mum said he came back with a black eye.", "episode.hurt_or_harmed"),
    ],
)
def test_what_adults_found_or_saw_stays_a_fact(text: str, indicator: str) -> None:
    assert assertions(text)[indicator] == "present"


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        ("Her uncle gave her vodka and called her his girlfriend.", "pull.grooming_or_coercion"),
        ("Her stepdad's mate bought her cigarettes and called her his girlfriend.",
         "pull.grooming_or_coercion"),
        ("Her mum's friend gives her weed and calls her his girlfriend.",
         "pull.grooming_or_coercion"),
    ],
)
def test_what_someone_elses_relative_or_friend_does_to_the_child_is_the_childs(
    text: str, indicator: str
) -> None:
    got = assertions(text)
    assert got[indicator] == "present"
    assert "other_person" not in got.values()  # nothing of it set aside as someone else's


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        ("Older men took her to hotels in Slough and sold her for sex. She denies being "
         "exploited.", "trafficking.sexual_exploitation_for_gain"),
        ("A man of 30 buys her vapes and weed and tells her to keep it secret. She denies being "
         "groomed and says he is her boyfriend.", "pull.grooming_or_coercion"),
        ("He was kept in a flat and made to sell for a week. He says he isn't a victim, "
         "he chose it.", "cce.holding_or_selling_drugs"),
    ],
)
def test_a_child_denying_the_name_for_it_does_not_undo_what_the_note_tells(
    text: str, indicator: str
) -> None:
    assert indicator in {
        f.indicator for f in analyse(text, DATE).findings if f.assertion == "present"
    }


def test_a_new_report_in_the_same_sentence_ends_a_denial() -> None:
    got = assertions("She denies drinking and says her boyfriend is 24.")
    assert got["seraf.sig.older_partner_or_controlling_adult"] == "present"
    assert got["seraf.mod.alcohol_misuse"] == "negated"


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        ("They was dealing out of the flat but he says he just slept there.",
         "cce.holding_or_selling_drugs"),
        ("They were selling from the back bedroom all weekend.", "cce.holding_or_selling_drugs"),
        ("They all carried blades, he said.", "cce.weapons"),
    ],
)
def test_they_dealing_or_carrying_are_the_others_at_the_place(text: str, indicator: str) -> None:
    assert assertions(text)[indicator] == "other_person"


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        ("They made him hold drugs in his pants on the train.", "cce.holding_or_selling_drugs"),
        ("The olders have got her holding their stash at her nan's.",
         "cce.holding_or_selling_drugs"),
        ("They found a blade in his bag.", "cce.weapons"),
    ],
)
def test_what_they_make_the_child_do_or_find_on_the_child_is_the_childs(
    text: str, indicator: str
) -> None:
    assert assertions(text)[indicator] == "present"
