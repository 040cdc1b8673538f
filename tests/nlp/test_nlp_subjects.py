"""Who, and whether, beyond one clause (data/en/subjects.json).

Fictional notes named by behaviour: an adult's worry is a possibility to explore,
not the child's finding; what an adult reports stays a fact; a later sentence in
which the child denies it denies the sentence before; someone else's denial does
not; things done to the child by others stay the child's.
"""

from __future__ import annotations

import pytest

from rhi_assistant.nlp import analyse

DATE = "2026-11-20"


def _assertions(text: str) -> dict[str, str]:
    return {f.indicator: f.assertion for f in analyse(text, DATE).findings}


@pytest.mark.parametrize(
    "text",
    [
        "Mum thinks an older man has been giving her money.",
        "Her nan reckons an older man has been giving her money.",
        "The key worker is worried an older man has been giving her money.",
    ],
)
def test_an_adults_worry_is_not_ticked_as_the_childs_finding(text: str) -> None:
    got = _assertions(text)
    assert got.get("pull.grooming_or_coercion") == "hypothetical"
    assert "present" not in got.values()


def test_what_an_adult_reports_stays_a_fact() -> None:
    assert _assertions("Mum said she came home drunk at 3am.")["seraf.mod.alcohol_misuse"] == (
        "present"
    )


@pytest.mark.parametrize(
    "denial", ["He denies it.", "Later he denied all of it.", "He says that is not true."]
)
def test_the_childs_denial_in_the_next_sentence_denies_what_it_follows(denial: str) -> None:
    got = _assertions("He said he had been carrying for the olders. " + denial)
    assert got["cce.holding_or_selling_drugs"] == "negated"


def test_a_denial_by_someone_else_does_not_deny_the_childs_account() -> None:
    got = _assertions("Her boyfriend hit her. He denies it.")
    assert got["seraf.sig.physical_abuse_by_controlling_adult"] == "present"


def test_a_denial_reaches_only_the_sentence_just_before() -> None:
    got = _assertions(
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
