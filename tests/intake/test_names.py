"""Name matching rules of the police notification contract, one test per rule, and the twins
and near-names that must never be taken for one child."""

from __future__ import annotations

import pytest

from rhi_assistant.intake.names import Rule, match_rule, names_match, normalise, row_matches_child


@pytest.mark.parametrize(("raw", "parts"), [
    ("Chloë", ("chloe",)),
    ("Dąbrowska", ("dabrowska",)),
    ("Łukasz", ("lukasz",)),
    ("Bjørn", ("bjorn",)),
    ("Straße", ("strase",)),          # ß -> ss, then the doubled letter once
    ("Ælfric", ("aelfric",)),
    ("Đorđe", ("dorde",)),
    ("O'Connor", ("oconor",)),
    ("O’Connor", ("oconor",)),
    ("St. John", ("st", "john")),
    ("Jones-Baker", ("jones", "baker")),
    ("  Mary   Jane ", ("mary", "jane")),
    ("SEÁN", ("sean",)),
    ("Ní Bhriain", ("ni", "bhriain")),
    ("", ()),
])
def test_normalise(raw: str, parts: tuple[str, ...]) -> None:
    assert normalise(raw).parts == parts


@pytest.mark.parametrize(("a", "b"), [
    ("O'Connor", "OConnor"), ("O'Connor", "O Connor"), ("Jones-Baker", "Jones Baker"),
    ("Connor", "Conor"), ("Chloë", "CHLOE"), ("Ó Súilleabháin", "O'Suilleabhain"),
    ("Ann-Nora", "Annora"), ("St. John", "St John"), ("Abdul-Rahman", "Abdulrahman"),
])
def test_joined_forms_equal(a: str, b: str) -> None:
    assert match_rule(a, b) is Rule.SAME


@pytest.mark.parametrize(("a", "b"), [
    ("Baker", "Jones-Baker"), ("Rahman", "Abdul-Rahman"), ("Mary", "Mary Jane"),
    ("Al-Hassan Omar", "Omar"),
])
def test_parts_of_one_are_parts_of_the_other(a: str, b: str) -> None:
    assert match_rule(a, b) is Rule.PARTS
    assert match_rule(b, a) is Rule.PARTS


@pytest.mark.parametrize(("a", "b"), [
    ("Liz", "Elizabeth"), ("Kasia", "Katarzyna"), ("Gosia", "Małgorzata"), ("Lukas", "Łukasz"),
    ("Mo", "Muhammad"), ("Mohamed", "Mohammad"), ("Zakariyya", "Zak"), ("Dai", "Dafydd"),
    ("Rhi", "Rhiannon"), ("Ciarán", "Kieran"), ("Seán", "Shawn"), ("Wojtek", "Wojciech"),
    ("Alex", "Alexander"), ("Alex", "Alexandra"), ("Sam", "Samantha"), ("Sammy", "Samuel"),
    ("Mohammed Ali", "Muhammad Ali"), ("Mary Kate", "Mary Katherine"), ("Mo", "Mohamed"),
])
def test_name_table(a: str, b: str) -> None:
    assert match_rule(a, b) is Rule.NAME_TABLE


@pytest.mark.parametrize(("a", "b"), [
    ("Alexander", "Alexandra"), ("Samuel", "Samantha"), ("Charles", "Charlotte"),
    ("Alexander James", "Alexandra James"), ("Mohammed Ali", "Muhammad Omar"),
])
def test_names_sharing_only_a_short_form_do_not_match(a: str, b: str) -> None:
    assert not names_match(a, b)


@pytest.mark.parametrize(("a", "b"), [
    ("Nowak", "Nowack"), ("MacKenzie", "McKenzie"), ("Featherstone", "Fetherston"),
    ("Thompson", "Thomspon"),  # two neighbouring letters swapped: one edit
])
def test_family_names_match_by_a_small_misspelling(a: str, b: str) -> None:
    assert match_rule(a, b, family=True) is Rule.SPELLING
    assert match_rule(a, b) is None   # never for given names


@pytest.mark.parametrize(("a", "b"), [
    ("Ward", "Word"),              # under 5 letters: no misspelling allowed
    ("Nowak", "Nowicki"),          # too far
    ("Brown", "Green"),
    ("Kowalski", "Kowalczyk"),     # 8 letters, more than two edits
    ("Evans", "Owens"),            # two edits at 5 letters
])
def test_family_names_too_far_apart(a: str, b: str) -> None:
    assert not names_match(a, b, family=True)


@pytest.mark.parametrize(("a", "b"), [
    ("Louis", "Louise"), ("Christian", "Christina"), ("Francis", "Frances"), ("Harvey", "Holly"),
    ("Aiden", "Jayden"), ("Eoin", "Owen"),
])
def test_given_names_a_letter_apart_do_not_match(a: str, b: str) -> None:
    assert not names_match(a, b)


def test_empty_names_never_match() -> None:
    assert not names_match("", "")
    assert not names_match(None, "Ann")
    assert row_matches_child("", "", None, "", "", None) is None


def test_preferred_name_matches() -> None:
    match = row_matches_child("Kez", "Brown", "", "Kezia", "Brown", "Kez")
    assert match is not None
    assert match.given == ("Kez", "Kez")
    assert match.reason == "same+same"


def test_row_preferred_name_against_child_first_name() -> None:
    match = row_matches_child("Katarzyna", "Dąbrowska", "Kasia", "Kasia", "Dabrowska", None)
    assert match is not None and match.family_rule is Rule.SAME


def test_swapped_first_and_last() -> None:
    match = row_matches_child("Grant", "Oliver", None, "Oliver", "Grant", None)
    assert match is not None and match.swapped and match.reason == "swapped"


def test_family_name_must_match_too() -> None:
    assert row_matches_child("Oliver", "Grant", None, "Oliver", "Green", None) is None


def test_misspelt_family_name_with_short_form() -> None:
    match = row_matches_child("Tom", "Featherstone", None, "Thomas", "Fetherston", "")
    assert match is not None
    assert (match.given_rule, match.family_rule) == (Rule.NAME_TABLE, Rule.SPELLING)


@pytest.mark.parametrize(("row", "child"), [
    (("Harvey", "Ward", ""), ("Holly", "Ward", "")),
    (("Holly", "Ward", None), ("Harvey", "Ward", None)),
    (("Louis", "Martin", ""), ("Louise", "Martin", "")),
    (("Alexander", "Nowak", ""), ("Alexandra", "Nowak", "")),
    (("Francis", "O'Brien", ""), ("Frances", "OBrien", "")),
])
def test_twins_never_match(row: tuple[str, str, str], child: tuple[str, str, str]) -> None:
    assert row_matches_child(*row, *child) is None


def test_the_strongest_reason_is_given() -> None:
    match = row_matches_child("Katie", "Shaw", "Kat", "Katherine", "Shaw", "Kat")
    assert match is not None and match.given == ("Kat", "Kat") and match.given_rule is Rule.SAME
