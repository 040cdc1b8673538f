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


# --- partial plates, told before or after the word for the plate -----------------------------
@pytest.mark.parametrize(
    ("text", "plate"),
    [
        ("She got into a black Golf, the plate ending 4KX.", "4KX"),
        ("He only saw a plate ending in 7 TRD as it drove off.", "7 TRD"),
        ("Carers couldn't see the whole reg, the first part was LB19.", "LB19"),
        ("The registration starting YT was all she remembered.", "YT"),
        ("Police have a partial reg of MV6 for the van.", "MV6"),
        ("She remembers 'EK19' on the plate.", "EK19"),
        ("A silver Astra with GF70 on the number plate.", "GF70"),
        ("The car was a red Corsa, LB19 ??? on the back.", "LB19"),
        ("The VRM was partially captured as DY1.", "DY1"),
        ("The last three letters of the plate were KXP.", "KXP"),
        ("A blue Ford, registration number similar to BD5?", "BD5"),
    ],
)
def test_partial_plates_are_found(text: str, plate: str) -> None:
    assert ("PLATE", plate) in ents(text)


@pytest.mark.parametrize(
    "text",
    [
        "She got a lift to the station at 10 and then to town.",
        "He was registered at the GP in 2024.",
        "Her plate of chips was cold and YP was hungry.",
        "She did not get the reg. Police took her to the BTP office later.",
        "He couldn't read the plate, it was dark and CCTV was not checked.",
    ],
)
def test_no_plate_without_a_plate_like_code_beside_the_plate_word(text: str) -> None:
    assert not {t for k, t in ents(text) if k == "PLATE"}


# --- phone numbers however they are grouped ---------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Missed calls from 020 7946 0412 overnight.",
        "Missed calls from (020) 7946 0418 overnight.",
        "Missed calls from +44 20 7946 0419 overnight.",
        "Missed calls from 077 009 00482 overnight.",
    ],
)
def test_phone_numbers_in_any_grouping(text: str) -> None:
    assert {k for k, _ in ents(text)} == {"PHONE"}


def test_times_and_reference_numbers_are_not_phones() -> None:
    found = ents("Located 0340hrs 11/06, crime ref 4500123456, 2 phones seized.")
    assert not {t for k, t in found if k == "PHONE"}


# --- people: names with the age beside them, nicknames with a title, handles in quotes ------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Aiden (17, care leaver) is in supported lodgings.", ("PERSON", "Aiden")),
        ("Chloe, 13, told me she had been cutting again.", ("PERSON", "Chloe")),
        ("Marley, now 15, said he was fine.", ("PERSON", "Marley")),
        ("Molly said she stayed at a friend's.", ("PERSON", "Molly")),
        ("Around Halloween Archie was being picked up by men.", ("PERSON", "Archie")),
        ("Since his parents split up Rowan has been staying out.", ("PERSON", "Rowan")),
        ("Her phone has a contact saved as Uncle T.", ("PERSON", "Uncle T")),
        ("People keep ringing and asking for 'Little D' at night.", ("PERSON", "Little D")),
        ("A lad called 'Jay-Kay' gave him a phone.", ("PERSON", "Jay-Kay")),
        ("He has a snap 'r0gue_boi' with photos of cash.", ("HANDLE", "r0gue_boi")),
        ("They moved the chat onto Snapchat (lil.kez21) straight away.", ("HANDLE", "lil.kez21")),
        ("He does drops round Weston and Worle.", ("PLACE", "Worle")),
        ("was at her mates in clevedon all wkend", ("PLACE", "clevedon")),
    ],
)
def test_people_places_and_handles_in_real_case_wording(
    text: str, expected: tuple[str, str]
) -> None:
    assert expected in ents(text)


@pytest.mark.parametrize(
    "text",
    [
        "Neighbour reported a man parking outside.",
        "Initially denied any contact with him.",
        "Outreach saw her on three evenings.",
        "Male (15) stated they got a lift.",
        "Carer thinks she is seeing someone older.",
    ],
)
def test_roles_and_adverbs_opening_a_sentence_are_not_people(text: str) -> None:
    assert not {t for k, t in ents(text) if k == "PERSON"}


def test_a_name_after_and_with_a_verb_is_a_person_not_a_place() -> None:
    found = ents("He went to Bristol and Tom came too.")
    assert ("PERSON", "Tom") in found and ("PLACE", "Tom") not in found


def test_lower_case_everyday_words_are_not_places() -> None:
    assert not {t for k, t in ents("she went in the bath and then to reading club") if k == "PLACE"}


# --- named places after "the", roads by number, brands in mixed case -------------------------
@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("They sat in the bus shelter by the Mall until it got light.", "Mall"),
        ("She was found on the Downs the next morning.", "Downs"),
        ("He works at a car wash on the A38 near Filton.", "A38"),
        ("They were stopped off the M4 at Swindon.", "M4"),
    ],
)
def test_named_places_after_the_and_roads_by_number(text: str, place: str) -> None:
    assert ("PLACE", place) in ents(text)


@pytest.mark.parametrize(
    "text",
    [
        "He was on the Xbox all night.",
        "She was picked up by the Police at midnight.",
        "He says the man is just someone from TikTok.",
    ],
)
def test_devices_services_and_brands_after_the_are_not_places_or_people(text: str) -> None:
    assert not {t for k, t in ents(text) if k in ("PLACE", "PERSON")}


def test_a_name_written_in_mixed_case_after_a_cue_is_whole() -> None:
    assert ("PERSON", "DeShawn") in ents("A lad called DeShawn gave him a phone.")


# --- first names that are also words, and model numbers --------------------------------------
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Louis was picked up by transport police at the station.", "Louis"),
        ("After the party, Molly was driven home by two men.", "Molly"),
        ("Charlie said the flat belonged to a man called Rob.", "Charlie"),
    ],
)
def test_a_first_name_that_is_also_a_word_is_a_name_as_a_subject(text: str, name: str) -> None:
    assert ("PERSON", name) in ents(text)


@pytest.mark.parametrize(
    "text",
    [
        "She took molly at the party.",
        "Charlie and weed were found in his bag.",
        "Missing x3 since May, each time to her dad's.",
        "He is picked up in a black BMW 1 Series most nights.",
    ],
)
def test_drug_words_counts_and_model_series_are_not_people_or_vehicles(text: str) -> None:
    found = ents(text)
    assert not {t for k, t in found if k == "PERSON"}
    assert "x3" not in {t for k, t in found if k == "VEHICLE"}
