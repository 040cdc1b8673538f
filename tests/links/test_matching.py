"""The matching rules of shared/spec/links.md, on fictional mentions written for these tests
(other names, numbers and places than the dev set), including the traps that must not link."""

from __future__ import annotations

import pytest

from rhi_assistant.links import Mention, link_groups


def _linked(type_: str, a: str, b: str, *others: str) -> bool:
    """Do `a` (child A) and `b` (child B) land in one group, with `others` from other children?"""
    mentions = [Mention("a", "A", type_, a), Mention("b", "B", type_, b)]
    mentions += [Mention(f"o{i}", f"O{i}", type_, text) for i, text in enumerate(others)]
    return any({"a", "b"} <= {m.id for m in g.mentions} for g in link_groups(mentions))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("GX71 KLM", "gx71klm"),
        ("GX71 KLM", "GX-71-KLM"),
        ("P412 RTS", "p412rts"),
        ("KTB 44M", "ktb44m"),
    ],
)
def test_plates_written_differently_link(a: str, b: str) -> None:
    assert _linked("PLATE", a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("GX71 KLM", "GX71 KLN"),
        ("GX71 KLM", "GX71 KIM"),
        ("GX71 OAB", "GX71 0AB"),
    ],
)
def test_plates_one_character_apart_never_link(a: str, b: str) -> None:
    assert not _linked("PLATE", a, b)


def test_partial_plate_joins_the_one_full_plate_it_starts_or_ends() -> None:
    assert _linked("PLATE", "GX71", "GX71 KLM")
    assert _linked("PLATE", "...KLM", "GX71 KLM")
    assert _linked("PLATE", "ending KLM", "GX71 KLM")
    assert not _linked("PLATE", "GX71", "GX71 KLM", "GX71 PQR")  # two full plates fit
    assert not _linked("PLATE", "GX71", "GX71")  # two partials alone
    assert not _linked("PLATE", "GX", "GX71 KLM")  # too short
    assert not _linked("PLATE", "X71K", "GX71 KLM")  # in the middle


@pytest.mark.parametrize(
    "other",
    [
        "+44 7700 900871",
        "+44 (0)7700 900871",
        "0044 7700 900 871",
        "(07700) 900871",
        "07700-900-871",
        "447700900871",
        "07700.900.871",
    ],
)
def test_phone_formats_link(other: str) -> None:
    assert _linked("PHONE", "07700 900871", other)


@pytest.mark.parametrize(
    "other", ["07700 900872", "07700 900817", "07700 90087", "ending 871", "900871"]
)
def test_other_or_incomplete_phones_never_link(other: str) -> None:
    assert not _linked("PHONE", "07700 900871", other)


def test_landline_and_abroad() -> None:
    assert _linked("PHONE", "01793 496 118", "+44 1793 496118")
    assert _linked("PHONE", "+48 601 234 567", "0048 601234567")
    assert not _linked("PHONE", "+48 601 234 567", "+48 601 234 568")


def test_handles() -> None:
    assert _linked("HANDLE", "@Tazzy_K", "tazzy_k")
    assert _linked("HANDLE", "@tazzy_k on snapchat", "TAZZY_K")
    assert not _linked("HANDLE", "tazzy.k", "tazzy_k")
    assert not _linked("HANDLE", "tazzyk", "tazzy_k")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("silver Vauxhall Corsa", "grey Corsa"),
        ("navy Ford Focus", "dark blue Focus hatchback"),
        ("black Mercedes-Benz C-Class", "black Merc C Class"),
        ("white VW Transporter", "white Volkswagen Transporter van"),
        ("gunmetal BMW 3 Series", "grey BMW 3-Series"),
        ("maroon Range Rover", "burgundy Land Rover Range Rover"),
    ],
)
def test_vehicles_described_differently_link(a: str, b: str) -> None:
    assert _linked("VEHICLE", a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("white Ford Transit", "white Ford Transit Custom"),
        ("red Vauxhall Corsa", "blue Vauxhall Corsa"),
        ("black Audi A4", "black Audi A3"),
        ("white van", "white van"),
        ("a BMW", "BMW"),
        ("black car", "black car"),
    ],
)
def test_other_or_vague_vehicles_never_link(a: str, b: str) -> None:
    assert not _linked("VEHICLE", a, b)


def test_two_of_three_joins_the_one_vehicle_that_fits() -> None:
    assert _linked("VEHICLE", "silver Skoda", "grey Skoda Octavia")
    assert _linked("VEHICLE", "Skoda Octavia", "grey Skoda Octavia")
    assert not _linked("VEHICLE", "silver Skoda", "grey Skoda Octavia", "silver Skoda Fabia")
    assert not _linked("VEHICLE", "silver Skoda", "grey Skoda")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Tom Ferris", "Thomas Ferris"),
        ("Rhi Pollard", "Rhiannon Pollard"),
        ("Callum Whitfield", "Callum Whitfeild"),
        ("Liam O'Rourke", "liam o’rourke"),
        ("Liam O'Rourke", "Liam ORourke"),
        ("Jaydon Price", "Jayden Price"),
        ("Zoë Marsh", "Zoe Marsh"),
        ("Mr Aaron Cole", "Aaron Cole"),
    ],
)
def test_full_names_link_by_the_name_rules(a: str, b: str) -> None:
    assert _linked("PERSON", a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Ross Cole", "Jade Cole"),
        ("Louis Grant", "Louise Grant"),
        ("Aaron Cole", "Aaron Coles Hart"),
        ("Aaron Cole", "Aaron Bole"),
    ],
)
def test_other_people_never_link(a: str, b: str) -> None:
    assert not _linked("PERSON", a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Taz", "TAZZ"),
        ("Smudgey", "Smudgie"),
        ("Lil Dee", "Little Dee"),
        ("Lil' Dee", "LilDee"),
        ("Big Tee", "big tee"),
        ("Uncle Ray", "uncle ray"),
    ],
)
def test_nicknames_link_when_written_the_same(a: str, b: str) -> None:
    assert _linked("PERSON", a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Big Tee", "Lil Tee"),
        ("Smiler", "Big Smiler"),
        ("Jack", "Jack"),
        ("Mo", "Big Mo"),
        ("Sam", "Sammy"),
    ],
)
def test_prefixes_and_bare_first_names_never_link(a: str, b: str) -> None:
    assert not _linked("PERSON", a, b)


def test_bare_first_name_joins_the_one_full_name_that_fits() -> None:
    assert _linked("PERSON", "Callum", "Callum Whitfield")
    assert _linked("PERSON", "Tom", "Thomas Ferris")
    assert not _linked("PERSON", "Callum", "Callum Whitfield", "Callum Rees")
    assert not _linked("PERSON", "Taz", "Callum Whitfield")


def test_full_name_with_nickname_joins_both() -> None:
    assert _linked("PERSON", "Taz", "Tariq 'Taz' Hussain")
    assert _linked("PERSON", "Taz", "Tariq Hussain", "Tariq (Taz) Hussain")
    assert _linked("PERSON", "Taz", "Tariq Hussain", 'Tariq "Taz" Hussain')


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Flat 2, 14 Harbour Road", "14 Harbour Rd"),
        ("14 Harbour Rd, Stroud", "14 Harbour Road"),
        ("flat 1 7 Elm Gdns", "Flat 6, 7 Elm Gardens"),
        ("The Red Lion & Anchor", "red lion and anchor"),
        ("Meadow Skate Park", "meadow skatepark"),
        ("Pizza Hub, Station Road", "the Pizza Hub"),
        ("Golden Wok in Yate", "Golden Wok"),
        ("12a Mill Lane", "12A Mill Ln"),
    ],
)
def test_places_written_differently_link(a: str, b: str) -> None:
    assert _linked("PLACE", a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Stroud", "Stroud"),
        ("Stroud town centre", "Stroud"),
        ("Gloucester city centre", "Gloucester"),
        ("Harbour Road", "Harbour Rd"),
        ("Harbour Rd, Stroud", "Harbour Road"),
        ("14 Harbour Road", "41 Harbour Road"),
        ("14 Harbour Road", "14 Harbour Close"),
        ("12a Mill Lane", "12 Mill Lane"),
        ("5 Mill Lane, Stroud", "5 Mill Lane, Yate"),
        ("The Star Hotel, Bath", "Star Hotel, Frome"),
        ("Pizza Hub, Station Road", "Pizza Hub, Mill Lane"),
    ],
)
def test_places_that_must_not_link(a: str, b: str) -> None:
    assert not _linked("PLACE", a, b)


def test_place_without_town_fits_two_towns_and_links_to_neither() -> None:
    assert not _linked("PLACE", "Star Hotel", "Star Hotel, Bath", "Star Hotel, Frome")
    assert _linked("PLACE", "Star Hotel", "Star Hotel, Bath", "Star Hotel, Bath")


def test_transitive_groups_and_one_child_groups() -> None:
    mentions = [
        Mention("1", "A", "PHONE", "07700 900871"),
        Mention("2", "A", "PHONE", "+447700900871"),
        Mention("3", "B", "PLATE", "GX71KLM"),
        Mention("4", "B", "PLATE", "GX71 KLM"),
    ]
    assert link_groups(mentions) == []  # each group from one child only
    groups = link_groups([*mentions, Mention("5", "C", "PHONE", "0044 7700 900871")])
    assert [g.to_dict() for g in groups] == [
        {"type": "PHONE", "mentions": ["1", "2", "5"], "children": ["A", "C"]}
    ]


@pytest.mark.parametrize(
    "text",
    [
        "the park",
        "town centre",
        "his flat",
        "Kez's flat",
        "a chicken shop",
        "the bus station",
        "McDonald's car park",
    ],
)
def test_kinds_of_place_are_not_named_places(text: str) -> None:
    assert not _linked("PLACE", text, text)


@pytest.mark.parametrize(("type_", "a", "b"), [
    ("PLACE", "3, Boundary Road", "3 Boundary Road"),
    ("PLACE", "3 Boundary Road, Swindon SN2 1AB", "3 Boundary Rd, Swindon"),
    ("PLACE", "3 Boundary Road Swindon", "3 Boundary Rd"),
    ("PLACE", "Chicken Palace (Cricklade Road)", "Chicken Palace, 12 Cricklade Road"),
    ("PERSON", "Walsh, Dean", "Dean Walsh"),
    ("PERSON", "Dean Walsh (older)", "dean walsh"),
    ("HANDLE", "instagram.com/deano_w", "@Deano_W"),
    ("VEHICLE", "black VW Golf GTI", "black Golf"),
])
def test_more_ways_of_writing_one_thing(type_: str, a: str, b: str) -> None:
    assert _linked(type_, a, b)


@pytest.mark.parametrize(("type_", "a", "b"), [
    ("PLACE", "Melksham town centre", "Melksham town centre"),
    ("PLACE", "Wootton Hill town centre", "Wootton Hill town centre"),  # unknown town
    ("PLACE", "the Penhill estate", "Penhill estate"),
    ("PLACE", "Boscombe", "Boscombe"),
    ("PERSON", "Mr Walsh", "Mr Walsh"),
    ("PERSON", "Dean Walsh (older)", "Ray (older)"),
    ("PERSON", "Dee", "Lil Dee"),
])
def test_more_things_that_must_not_link(type_: str, a: str, b: str) -> None:
    assert not _linked(type_, a, b)


@pytest.mark.parametrize(("a", "b"), [
    ("3 Boundary Road, Flat 3", "3 Boundary Road, Swindon"),
    ("Top flat, 3 Boundary Road", "3 Boundary Rd"),
    ("3 Boundary Road (Kez's flat)", "3 Boundary Road, Swindon"),
    ("Chicken Palace near the station", "Chicken Palace, Swindon"),
])
def test_what_is_said_about_a_place_is_not_its_town(a: str, b: str) -> None:
    assert _linked("PLACE", a, b)


def test_double_barrelled_family_names_match_by_their_parts() -> None:
    assert _linked("PERSON", "Ann Jones-Baker", "Ann Baker")
    assert _linked("PERSON", "Ann Jones-Baker", "ann jones baker")
    assert not _linked("PERSON", "Ann Jones-Baker", "Ann Jones-Parry")


def test_a_town_written_after_a_venue_name_is_its_location() -> None:
    assert _linked("PLACE", "Kingfisher Hotel Swindon", "The Kingfisher Hotel, Swindon")
    assert not _linked("PLACE", "Kingfisher Hotel Swindon", "Kingfisher Hotel, Stroud")


def test_words_around_a_name_are_not_the_name() -> None:
    assert _linked("PERSON", "an older man called Kez", "Kez")
    assert _linked("PERSON", "the man Dean Walsh", "dean walsh")
    assert not _linked("PERSON", "Big Mo's brother", "Big Mo")
    assert not _linked("PERSON", "Big Mo's brother", "Big Mo's brother")


def test_a_lower_case_prefix_is_still_the_prefix() -> None:
    assert _linked("PERSON", "lil Dee", "Lil Dee")
    assert not _linked("PERSON", "lil Dee", "Dee")
