"""Entities for intelligence sharing: people, places, vehicles, plates, phones, handles.

Regular expressions over the raw text rather than a statistical model: the
web app must run on-device with no model download, and the things police
intelligence forms want (a plate, a phone number, "a man called Dean") have
strong surface forms. People and places are found from cue words ("called",
"my mate", "in", "to", "from"), a small gazetteer and capitalisation.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from .lexicon import PACKAGE
from .models import Entity

COLOURS = (
    r"black|white|silver|grey|gray|red|blue|green|yellow|orange|gold|purple|dark|light|navy|brown|maroon|pink|"
    r"beige|bronze|dark blue|dark grey|light blue|blacked[- ]out|matte black"
)
MAKES = (
    r"audi|bmw|beamer|merc|mercedes(?:[- ]benz)?|ford|vauxhall|volkswagen|vw|toyota|nissan|kia|honda|seat|skoda|"  # noqa: E501
    r"peugeot|renault|citroen|fiat|hyundai|mazda|volvo|lexus|tesla|land ?rover|range ?rover|mini|jaguar|porsche|"  # noqa: E501
    r"suzuki|mitsubishi|dacia|subaru|jeep|golf|polo|corsa|astra|fiesta|focus|transit|sprinter|qashqai|juke|"
    r"clio|yaris|prius|a3|a4|a5|a6|q5|q7|x5|c-class|e-class|evoque|sierra|escort"
)
VTYPES = r"car|van|taxi|cab|motorbike|moped|jeep|4x4|suv|hatchback|estate|pick-?up|truck|lorry|minibus|people carrier|saloon|convertible|scooter"  # noqa: E501
VEHICLE_RE = re.compile(
    rf"\b(?:(?:{COLOURS})\s+(?:(?:{MAKES})(?:\s+(?:{MAKES}|{VTYPES}))?|{VTYPES})|(?:{MAKES})(?:\s+(?:{MAKES}|{VTYPES}))?)\b",
    re.I,
)
# UK plates: current (AB12 CDE), prefix (A123 BCD), suffix (ABC 123D), partial after a cue.
PLATE_RE = re.compile(
    r"\b(?:[A-Z]{2}[0-9]{2}\s?[A-Z]{3}|[A-Z][0-9]{1,3}\s?[A-Z]{3}|[A-Z]{3}\s?[0-9]{1,3}[A-Z])\b"
)
PARTIAL_PLATE_RE = re.compile(
    r"\b(?:reg(?:istration)?|plate|number ?plate|index)(?:\s+(?:number|no\.?|was|is|of|began|begins|beginning|starting|starts|started|ending|ends|ended|with|like|something|had|has|containing|included))*\s+"  # noqa: E501
    r"['\"]?([A-Z]{1,3}[0-9]{0,3}\s?[A-Z0-9]{0,3})\b",
    re.I,
)
PHONE_RE = re.compile(
    r"(?<![\d+])(?:\+44\s?\(?0?\)?\s?7\d{3}|\(?07\d{3}\)?|\+44\s?\(?0?\)?\s?[1-3]\d{2,3}|\(?0[1-3]\d{2,3}\)?)[\s-]?\d{3}[\s-]?\d{3,4}(?!\d)"
)
HANDLE_RE = re.compile(r"(?<![\w.])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?")
HANDLE_CUE_RE = re.compile(
    r"\b(?:on|via|from|through)\s+(?:snap(?:chat)?|insta(?:gram)?|tiktok|tik tok|facebook|fb|twitter|x|telegram|discord|whatsapp|kik)\s+"  # noqa: E501
    r"(?:as|called|named|under|is|username|name|handle)?\s*['\"]?([A-Za-z0-9_.]{3,30})['\"]?",
    re.I,
)
HANDLE_CUE2_RE = re.compile(
    r"\b(?:snap(?:chat)?|insta(?:gram)?|tiktok|username|user name|handle|gamertag|account)\s+(?:name\s+)?(?:is|was|called|:)\s+['\"]?@?([A-Za-z0-9_.]{3,30})['\"]?",  # noqa: E501
    re.I,
)
POSTCODE_RE = re.compile(r"\b[A-Z]{1,2}[0-9][A-Z0-9]?\s?[0-9][A-Z]{2}\b")
STREET_RE = re.compile(
    r"\b(?:\d+[a-z]?\s+)?(?:[A-Z][a-z]+\s){1,3}(?:Road|Rd|Street|St|Avenue|Ave|Lane|Close|Drive|Way|Crescent|Court|Gardens|Place|"
    r"Terrace|Estate|Square|Hill|Grove|Walk|Parade|Row|Mews|Green|Park|Rise|View|Vale|Heights|Tower|House|Towers)\b"
)
VENUE_RE = re.compile(
    r"\b(?:(?:the\s)?(?:[A-Z][\w']+\s){1,3}(?:Hotel|Inn|Arms|Pub|Club|Centre|Center|Station|Park|Academy|School|College|"
    r"Retail Park|Shopping Centre|Leisure Centre|Hospital|Bar|Cafe|Café|Lodge|Services)|McDonald'?s|KFC|Nando'?s|Greggs|Tesco|Asda|"  # noqa: E501
    r"Sainsbury'?s|Aldi|Lidl|Morrisons|Primark|Burger King|Subway|Costa|Starbucks|Premier Inn|Travelodge|Wetherspoons?|"  # noqa: E501
    r"Co-?op|Spar|Boots|JD Sports|Wilko|Poundland|B&M|Iceland|Holiday Inn)\b"
)
NAME = r"[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?"
PERSON_CUE_RE = re.compile(
    rf"\b(?:called|named|name is|named as|known as|nicknamed|goes by|calls himself|calls herself|aka|a\.k\.a\.)\s+['\"‘“]?({NAME}(?:\s{NAME})?|[A-Z][A-Za-z0-9]+)['\"’”]?"  # noqa: E501
)
RELATION_RE = re.compile(
    rf"\b(?:mate|mates|friend|friends|boyfriend|girlfriend|bf|gf|cousin|brother|sister|uncle|aunt|auntie|partner|"
    rf"neighbour|man|lad|guy|bloke|woman|girl|boy|worker|carer|dealer|olders?|elders?)\s+({NAME})\b"
)
QUOTED_NICK_RE = re.compile(
    r"(?<![A-Za-z])['\"‘“]([A-Z][A-Za-z0-9]{1,15}(?:\s[A-Z][A-Za-z0-9]{1,15})?)['\"’”](?![A-Za-z])"
)
SUBJECT_NAME_RE = re.compile(
    rf"(?:^|[.!?]\s+|\n)({NAME})\s+(?:said|says|told|tells|reported|reports|was|is|has|had|went|came|got|gets|explained|"
    rf"admitted|stated|mentioned|disclosed|denied|denies|ran|left|stayed|stays|lives|wants|wanted|thinks|knows|gave|took|picked|drove|sells|sold)\b"
)
WITH_NAME_RE = re.compile(
    rf"\b(?:with|by|to|met|meet|meeting|saw|see|seeing|and|told|asked|texted|messaged|called|ring|rang|from|like|about)\s+({NAME}(?:\s{NAME})?)\b"
)
PLACE_CUE_RE = re.compile(
    rf"\b(?:in|to|from|at|near|around|towards|outside|into|round|via|through|of|up|down|between)\s+((?:{NAME}|St)(?:[\s-](?:upon|on|super|under|le|in)[\s-]{NAME}|[\s-]{NAME})*)"
)

OPEN_PLACE_PREPS = frozenset(
    {"in", "from", "near", "outside", "around", "towards", "into", "via", "through"}
)
NOT_NAMES = frozenset(
    """I I'm I'd I've The A An He She They We You It His Her Their My Our Your This That These
    Those There Then When Where What Who Why How Which Mum Dad Mam Mom Nan Nana Gran
    Grandad Auntie Aunt Uncle Police Social Worker Mr Mrs Ms Miss Monday Tuesday
    Wednesday Thursday Friday Saturday Sunday January February March April May June July
    August September October November December Christmas Easter Snapchat Snap Instagram
    Insta TikTok Facebook WhatsApp Twitter YouTube Discord Telegram Xbox PlayStation
    iPhone Samsung Google Apple Year God English British Muslim Christian CAMHS NHS GP
    A&E Tell Nobody Nothing Someone Everyone No Yes Ok Okay Also After Before Since Over
    About Earlier Later Today Yesterday Tomorrow Last Next Because But And So If Or Not
    Never Always Sometimes Was Is Did Does Has Had Said Says Both Some Any All One Two
    Three Four Five Ten Lots Police Officer Officers Staff Carers School College Home
    Court Jay's Kyle's Street Road Park Station Centre Hotel Old New Big Little Older
    Younger Town City""".split()
)


@lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    raw = resources.files(PACKAGE).joinpath("data", "places.json").read_text(encoding="utf-8")
    return frozenset(p.lower() for p in json.loads(raw)["places"])


def _add(out: list[Entity], kind: str, text: str, start: int, end: int) -> None:
    for e in out:
        if e.start < end and start < e.end:
            return
    out.append(Entity(kind, text, start, end))


CAP_WORD_RE = re.compile(r"\b[A-Z][a-z]+(?:-[a-z]+-[A-Z][a-z]+)?\b")
STREET_WORDS = frozenset(
    "road rd street st avenue ave lane close drive way crescent court gardens place terrace estate square hill grove walk parade row mews green park rise view vale heights tower house towers".split()  # noqa: E501
)
SOCIAL_WORDS = frozenset(
    "snap snapchat insta instagram tiktok tik facebook fb twitter x telegram discord whatsapp kik username handle gamertag account user".split()  # noqa: E501
)
PLATE_WORDS = frozenset("reg registration plate plates index numberplate".split())
PERSON_CUE_WORDS = frozenset("called named name known nicknamed goes calls aka a.k.a.".split())
VEHICLE_WORDS = frozenset({"mercedes"}) | frozenset(
    w
    for w in (MAKES + "|" + VTYPES + "|range|land|rover|benz|pickup|pick")
    .replace("(?:", "")
    .replace(")", "")
    .replace("?", "")
    .replace("-", "|")
    .replace(" ", "|")
    .split("|")
    if w
)


WORD_RE = re.compile(r"[A-Za-z0-9]+")
VEHICLE_FIRST = frozenset(
    re.split(r"[ \-]", a.replace("?:", "").replace("(", "").replace(")", "").replace("?", ""))[0]
    for a in (COLOURS + "|" + MAKES + "|" + VTYPES + "|land|range|mercedes|c|e|pick|people|matte")
    .replace("[- ]", " ")
    .replace(" ?", " ")
    .split("|")
)


def _vehicles(text: str):
    """VEHICLE_RE matches, tried only where a colour, make or vehicle word starts
    (the long alternation is slow to try at every character)."""
    pos = 0
    match = VEHICLE_RE.match
    for w in WORD_RE.finditer(text):
        st = w.start()
        if st < pos or w.group().lower() not in VEHICLE_FIRST:
            continue
        if st and text[st - 1].isalnum():
            continue
        m = match(text, st)
        if m is not None:
            pos = m.end()
            yield m


# "drove her to Newtown", "got the train to Reading", "went up to Leeds": after a
# word of travel, a capitalised name after "to" is a place, not a person
MOTION_WORDS = frozenset(
    """drove driven drive drives driving took taken take takes taking went go goes going gone
    moved move sent send ran run runs running travelled traveled travel headed head came come
    comes back way train bus coach lift ride taxi uber trip trips walked walk hitched got get
    dropped brought bring fled returned return her him them me us there over then""".split()
)
_PREV_WORD_RE = re.compile(r"([A-Za-z]+)\W*$")


def _before(text: str, end: int) -> str:
    """The word before a position (lower case), skipping an intervening "up"/"down"."""
    m = _PREV_WORD_RE.search(text, max(0, end - 40), end)
    return m.group(1).lower() if m else ""


def find_entities(text: str, words: set[str] | None = None) -> list[Entity]:
    """All entities in one note, without overlaps, in text order.

    ``words`` (the note's lower-cased tokens) lets cheap checks skip the
    regular expressions that cannot match.
    """
    out: list[Entity] = []
    places = _places()
    if words is None:
        words = set(re.findall(r"[a-z0-9@._]+", text.lower()))
    has_digit = any(c.isdigit() for c in text)
    if "@" in text:
        for m in HANDLE_RE.finditer(text):
            h = m.group().rstrip(".")
            _add(out, "HANDLE", h, m.start(), m.start() + len(h))
    for rx in (HANDLE_CUE_RE, HANDLE_CUE2_RE) if not words.isdisjoint(SOCIAL_WORDS) else ():
        for m in rx.finditer(text):
            h = m.group(1).rstrip(".")
            if h.lower() in ("as", "called", "and", "the", "but", "with", "too", "a") or not h:
                continue
            _add(out, "HANDLE", h, m.start(1), m.start(1) + len(h))
    for m in PHONE_RE.finditer(text) if has_digit else ():
        _add(out, "PHONE", m.group(), m.start(), m.end())
    for m in POSTCODE_RE.finditer(text) if has_digit else ():
        _add(out, "PLACE", m.group(), m.start(), m.end())
    for m in PLATE_RE.finditer(text) if has_digit else ():
        if any(ch.isdigit() for ch in m.group()):
            _add(out, "PLATE", m.group(), m.start(), m.end())
    for m in PARTIAL_PLATE_RE.finditer(text) if not words.isdisjoint(PLATE_WORDS) else ():
        g = m.group(1).strip()
        if len(g) >= 2 and (any(c.isdigit() for c in g) or g.isupper()):
            _add(out, "PLATE", g, m.start(1), m.start(1) + len(g))
    for m in _vehicles(text) if not words.isdisjoint(VEHICLE_WORDS) else ():
        word = m.group()
        if word.lower() in (
            "mini",
            "focus",
            "seat",
            "golf",
            "estate",
            "polo",
            "escort",
            "transit",
            "juke",
            "x5",
        ):
            continue  # ambiguous alone
        _add(out, "VEHICLE", word, m.start(), m.end())
    for m in STREET_RE.finditer(text) if not words.isdisjoint(STREET_WORDS) else ():
        _add(out, "PLACE", m.group(), m.start(), m.end())
    for m in VENUE_RE.finditer(text):
        s = m.start()
        t = m.group()
        if t.startswith("the "):
            s += 4
            t = t[4:]
        _add(out, "PLACE", t, s, m.end())
    person_rxs = [RELATION_RE, SUBJECT_NAME_RE]
    if not words.isdisjoint(PERSON_CUE_WORDS):
        person_rxs.insert(0, PERSON_CUE_RE)
    if "'" in text or '"' in text or "\u2018" in text or "\u201c" in text:
        person_rxs.insert(-1, QUOTED_NICK_RE)
    for rx in person_rxs:
        for m in rx.finditer(text):
            name = m.group(1)
            if name in NOT_NAMES or name.lower() in places or len(name) < 2:
                continue
            _add(out, "PERSON", name, m.start(1), m.end(1))
    for m in PLACE_CUE_RE.finditer(text):
        cand = m.group(1)
        first = cand.split()[0].split("-")[0]
        prep = m.group(0).split()[0].lower()
        if (
            cand.lower() in places
            or first.lower() in places
            or (prep in OPEN_PLACE_PREPS and first not in NOT_NAMES)
            or (
                prep in ("to", "at", "down", "up")
                and first not in NOT_NAMES
                and _before(text, m.start()) in MOTION_WORDS
            )
        ):
            _add(out, "PLACE", cand, m.start(1), m.end(1))
    for m in CAP_WORD_RE.finditer(text) if not words.isdisjoint(places) else ():
        if m.group().lower() in places:
            _add(out, "PLACE", m.group(), m.start(), m.end())
    for m in WITH_NAME_RE.finditer(text):
        name = m.group(1)
        first = name.split()[0]
        if first in NOT_NAMES or first.lower() in places or len(first) < 2:
            continue
        _add(out, "PERSON", name, m.start(1), m.end(1))
    out.sort(key=lambda e: e.start)
    return out
