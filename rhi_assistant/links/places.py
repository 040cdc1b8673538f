"""Places: an address (house number and street, at the level of the building) or a named
venue links; a town, district or street alone never does. What follows a comma, "on" or "in"
is a location (town or street) that tells two places of one name apart."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from rhi_assistant.links.reading import Reading, Strength
from rhi_assistant.links.text import fold

STREET_TYPES = {
    "rd": "road", "road": "road", "st": "street", "street": "street", "ave": "avenue",
    "av": "avenue", "avenue": "avenue", "ct": "court", "court": "court", "cl": "close",
    "close": "close", "ln": "lane", "lane": "lane", "dr": "drive", "drive": "drive",
    "cres": "crescent", "crescent": "crescent", "pl": "place", "place": "place",
    "sq": "square", "square": "square", "gdns": "gardens", "gardens": "gardens",
    "tce": "terrace", "terr": "terrace", "terrace": "terrace", "way": "way", "grove": "grove",
    "gr": "grove", "mews": "mews", "walk": "walk", "row": "row", "rise": "rise",
    "hill": "hill", "parade": "parade", "pde": "parade", "view": "view", "wy": "way",
}
#: The end of a name that makes it a street (without a number it never links).
_STREET_ENDS = set(STREET_TYPES.values())
_CENTRE = re.compile(r"\b(?:town|city)\s+cent(?:re|er)\b|\bcent(?:re|er)\s+of\b|\bcent(?:re|er)\b")
_FLAT = re.compile(r"^(?:flat|apartment|apt|unit|room|rm)\s*[0-9a-z]+\s*,?\s*", re.IGNORECASE)
_NUMBER = re.compile(r"^(?:no\.?\s*|number\s+)?([0-9]+)\s*([a-z])?\b\s*,?\s*(.+)$")
_POSTCODE = re.compile(r"^[a-z]{1,2}[0-9][a-z0-9]?\s*[0-9][a-z]{2}$|^[a-z]{1,2}[0-9][a-z0-9]?$")


@lru_cache(maxsize=1)
def _gazetteer() -> frozenset[str]:
    here = resources.files(__package__)
    out: set[str] = set()
    for line in here.joinpath("data/places.txt").read_text(encoding="utf-8").splitlines():
        if not line.lstrip().startswith("#"):
            out.update(_squash(p) for p in line.split(",") if p.strip())
    nlp = json.loads(resources.files("rhi_assistant.nlp").joinpath("data/places.json")
                     .read_text(encoding="utf-8"))
    out.update(_squash(p) for p in nlp["places"])
    return frozenset(p for p in out if p)


def _squash(text: str) -> str:
    """Compared ignoring case, accents, punctuation and spaces, `&` read as "and"."""
    value = fold(text).replace("&", " and ").replace("+", " and ")
    return re.sub(r"[^a-z0-9]", "", value)


def is_town(text: str) -> bool:
    value = _CENTRE.sub(" ", fold(text)).strip(" ,.")
    value = re.sub(r"^(?:the\s+)", "", value)
    return _squash(value) in _gazetteer()


#: Words that name a kind of place, not a place: "the park", "his flat", "a chicken shop".
_GENERIC = frozenset("""
a an the his her their my our your someone somebody friends friend mates mate boyfriends
girlfriends cousins nans dads mums aunties uncles older man mans womans guys lads boys girls
park parks shop shops station bus train railway coach beach woods wood field fields school
college academy home house flat flats garage car parking centre center shopping mall
hospital police street streets alley alleyway underpass canal river garden gardens playground
rec recreation ground back front corner takeaway chippy pub bar club hotel motel cafe chicken
supermarket petrol services motorway town city village estate block tower hostel b and
bnb airbnb room party parties address place somewhere someplace area local nearby near
""".split())


def _generic(words: list[str]) -> bool:
    return all(w in _GENERIC for w in words)


def _street(words: list[str]) -> str | None:
    """The street with its type written out, or None when the words do not end in a type."""
    if len(words) < 2 or words[-1] not in STREET_TYPES:
        return None
    return " ".join([*words[:-1], STREET_TYPES[words[-1]]])


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", fold(text).replace("'", "").replace("&", " and "))


def _location(segments: list[str]) -> tuple[frozenset[str], str | None]:
    """Towns (and districts) and a street named after the name of a place."""
    towns: set[str] = set()
    street = None
    for segment in segments:
        words = _words(_CENTRE.sub(" ", fold(segment)))
        while words and words[0].isdigit():  # "12 Cricklade Road": the street is the place
            words = words[1:]
        if not words or _POSTCODE.match(" ".join(words)):
            continue
        as_street = _street(words)
        if as_street:
            street = as_street
        elif _FLAT.match(" ".join(words)) or any(w in _GENERIC for w in words):
            continue  # "Flat 3", "near the station", "Kez's flat": not a town
        else:
            towns.add("".join(words))
    return frozenset(towns), street


_POSTCODE_IN = re.compile(r"\b[a-z]{1,2}[0-9][a-z0-9]?\s*[0-9][a-z]{2}\b")
_AREA_WORDS = ("estate", "area", "district", "end", "side", "village", "centre", "center")


def _area_of_town(words: list[str]) -> bool:
    """"the Penhill estate", "Penhill area": a district said another way."""
    while words and words[-1] in _AREA_WORDS:
        words = words[:-1]
    return bool(words) and is_town(" ".join(words))


_FLOORS = {"top", "ground", "floor", "first", "second", "third", "basement", "upstairs",
           "downstairs", "upper", "lower", "rear", "front", "back"}


def _describes_a_flat(segment: str) -> bool:
    return all(w in _GENERIC or w in _FLOORS or w.isdigit() for w in _words(segment))


def _is_address(segment: str) -> bool:
    number = _NUMBER.match(segment)
    return number is not None and any(w in STREET_TYPES for w in _words(number.group(3))[1:])


def read(text: str) -> Reading:
    value = fold(text).strip(" ,.;:")
    value = _POSTCODE_IN.sub(" ", value)
    value = re.sub(r"\s*\(([^)]*)\)\s*", r", \1, ", value).strip(" ,")
    value = _FLAT.sub("", value)
    value = re.sub(r"^(?:no\.?\s*|number\s+)?([0-9]+\s*[a-z]?)\s*,\s*", r"\1 ", value)
    value = re.sub(r"^\S+'s\s+", "", value)  # "Dean's flat": someone's, not a named place
    value = re.sub(r"\s+(?:on|in|at)\s+the\s+(?:ground|first|second|top|third)\s+floor\b", "",
                   value)
    if not value or is_town(value) or not _words(_CENTRE.sub(" ", value)):
        return Reading("PLACE", Strength.NONE)
    segments = [s.strip() for s in value.split(",") if s.strip()]
    at = next((i for i, seg in enumerate(segments) if _is_address(seg)), 0)
    if not all(_describes_a_flat(seg) for seg in segments[:at]):
        at = 0  # "Chicken Palace, 12 Cricklade Road": a venue and where it is
    name = segments[at]  # "Top flat, 3 Boundary Road": the address is the place
    located = segments[at + 1:]
    if _CENTRE.search(name):
        return Reading("PLACE", Strength.NONE)  # a town centre is never a named place
    number = _NUMBER.match(name)
    if number:
        street_words = _words(number.group(3))
        ends = [i for i, w in enumerate(street_words) if w in STREET_TYPES and i > 0]
        if not ends:
            return Reading("PLACE", Strength.NONE)  # "12 Oak", not an address we can read
        street_name = _street(street_words[:ends[-1] + 1]) or ""
        rest = street_words[ends[-1] + 1:]  # "3 Boundary Road Swindon": the town after it
        building = number.group(1) + (number.group(2) or "")
        towns, _ = _location([*located, " ".join(rest)] if rest else located)
        return Reading("PLACE", Strength.COMPLETE, f"addr|{building} {street_name}",
                       {"towns": towns, "street": None})
    parts = re.split(r"\s+(?:on|in|at|near|by|off)\s+", name, maxsplit=1)
    if len(parts) == 2:
        name, located = parts[0], [parts[1], *located]
    words = _words(name)
    if words and words[0] == "the":
        words = words[1:]
    if not words or _street(words) or is_town(" ".join(words)) or _generic(words) \
            or _area_of_town(words):
        return Reading("PLACE", Strength.NONE)  # a street without a number, or a town
    for size in (3, 2, 1):  # "Kingfisher Hotel Swindon": the town written after the name
        if len(words) > size and is_town(" ".join(words[-size:])):
            located = [" ".join(words[-size:]), *located]
            words = words[:-size]
            break
    towns, street = _location(located)
    key = "".join(words)
    return Reading("PLACE", Strength.COMPLETE, f"venue|{key}", {"towns": towns, "street": street})


def compatible(a: Reading, b: Reading) -> bool:
    """Locations that do not tell the two apart (one says nothing, or they agree)."""
    ta, tb = a.data["towns"], b.data["towns"]
    if ta and tb and not ta & tb:
        return False
    sa, sb = a.data["street"], b.data["street"]
    return not (sa and sb and sa != sb)


def located(reading: Reading) -> bool:
    return bool(reading.data["towns"] or reading.data["street"])
