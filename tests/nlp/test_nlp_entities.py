"""Entities for intelligence sharing (fictional people, numbers from Ofcom's drama ranges)."""

from __future__ import annotations

import pytest

from rhi_assistant.nlp import analyse


def ents(text: str) -> set[tuple[str, str]]:
    return {(e.type, e.text) for e in analyse(text, "2026-11-20").entities}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("She met a man called Marco at the park.", ("PERSON", "Marco")),
        ("He goes by the name 'Tallz' on the estate.", ("PERSON", "Tallz")),
        ("My mate Dylan picked me up.", ("PERSON", "Dylan")),
        ("They went to Exeter on the train.", ("PLACE", "Exeter")),
        ("She stayed at 14 Orchard Road for two nights.", ("PLACE", "14 Orchard Road")),
        ("He was dropped at the Premier Inn.", ("PLACE", "Premier Inn")),
        ("The flat is near BS23 1AB.", ("PLACE", "BS23 1AB")),
        ("A black Mercedes van kept following her.", ("VEHICLE", "black Mercedes van")),
        ("They drove off in a white van.", ("VEHICLE", "white van")),
        ("The plate was YK07 ABC.", ("PLATE", "YK07 ABC")),
        ("An old car, reg R123 XYZ.", ("PLATE", "R123 XYZ")),
        ("Partial plate starting WX19.", ("PLATE", "WX19")),
        ("Call him on 07700 900456.", ("PHONE", "07700 900456")),
        ("His number is +44 7700 900789.", ("PHONE", "+44 7700 900789")),
        ("She talks to @fast_cash_77 every night.", ("HANDLE", "@fast_cash_77")),
        ("He is on snap as bigmoney22.", ("HANDLE", "bigmoney22")),
    ],
)
def test_entity(text: str, expected: tuple[str, str]) -> None:
    assert expected in ents(text)


def test_initials_and_common_words_are_not_people() -> None:
    found = ents("J said Mum was at work on Friday and Snapchat was down.")
    assert not {t for k, t in found if k == "PERSON"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mum says Leah has been staying out.", ("PERSON", "Leah")),
        ("Kayden (15) told me he had been away.", ("PERSON", "Kayden")),
        ("He was at Jay's flat all weekend.", ("PERSON", "Jay")),
        ("She met a man online, Deano, who promised her work.", ("PERSON", "Deano")),
        ("One number was saved as Bigz.", ("PERSON", "Bigz")),
        ("She went with Tia and Kez to the shops.", ("PERSON", "Kez")),
        ("A lad called T-Bone gave him a phone.", ("PERSON", "T-Bone")),
    ],
)
def test_capitalised_names(text: str, expected: tuple[str, str]) -> None:
    assert expected in ents(text)


@pytest.mark.parametrize(
    "text",
    [
        "She went to Bristol Temple Meads on Tuesday with the Lockleaze lot.",
        "He got new Nike Air Max trainers at Christmas.",
        "However, Mum says she came home on Boxing Day.",
        "She posts on TikTok and her Insta is full of videos.",
    ],
)
def test_capitalised_non_names(text: str) -> None:
    assert not {t for k, t in ents(text) if k in ("PERSON", "HANDLE")}


def test_entities_listed_once() -> None:
    found = [e.text for e in analyse("Reece drove. Reece paid. Reece left.", "2026-11-20").entities]
    assert found.count("Reece") == 1


@pytest.mark.parametrize(
    ("text", "expected", "not_expected"),
    [
        ("She was at Tesco in Hanham on Fri.", ("PLACE", "Hanham"), ("PLACE", "Tesco in Hanham")),
        (
            "He was found at Bristol Parkway on Tues night.",
            ("PLACE", "Bristol Parkway"),
            ("PLACE", "Bristol Parkway on Tues"),
        ),
        ("Gets the bus to Devon most weekends.", ("PLACE", "Devon"), ("PERSON", "Gets")),
        ("Hes been off school since Sept.", None, ("PERSON", "Hes")),
        ("He was driven to a flat in GL1 by two men.", ("PLACE", "GL1"), None),
        ("They got in a wht Audi.", ("VEHICLE", "wht Audi"), None),
        (
            "A grey Transporter was parked outside.",
            ("VEHICLE", "grey Transporter"),
            ("PERSON", "Transporter"),
        ),
        (
            "Saved as Dee (07700 900321) in her phone.",
            ("PHONE", "07700 900321"),
            ("PHONE", "(07700 900321"),
        ),
        ("Staff got some of the reg, KX18, before it drove off.", ("PLATE", "KX18"), None),
        ("She went down to Cornwall with him.", ("PLACE", "Cornwall"), ("PERSON", "Cornwall")),
    ],
)
def test_entity_wording_variants(
    text: str, expected: tuple[str, str] | None, not_expected: tuple[str, str] | None
) -> None:
    found = ents(text)
    if expected is not None:
        assert expected in found, found
    if not_expected is not None:
        assert not_expected not in found, found
