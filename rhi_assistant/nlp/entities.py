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

from . import language
from .lexicon import PACKAGE, common_words
from .models import Entity

# The English words are data (data/en/entities.json: each list's _about says what it is for).
_WORDS = language.read("entities.json")


def _alt(key: str) -> str:
    """A list of the data joined as regular-expression alternatives, in its order."""
    return "|".join(_WORDS[key]["words"])


def _set(key: str) -> frozenset[str]:
    return frozenset(_WORDS[key]["words"])


COLOURS = _alt("vehicle_colours")
MAKES = _alt("vehicle_makes")
VTYPES = _alt("vehicle_types")
VEHICLE_RE = re.compile(
    rf"\b(?:(?:{COLOURS})\s+(?:(?:{MAKES})(?:\s+(?:{MAKES}|{VTYPES}))?|{VTYPES})|(?:{MAKES})(?:\s+(?:{MAKES}|{VTYPES}))?)\b",
    re.I,
)
# UK plates: current (AB12 CDE), prefix (A123 BCD), suffix (ABC 123D), partial after a cue.
PLATE_RE = re.compile(
    r"\b(?:[A-Z]{2}[0-9]{2}\s?[A-Z]{3}|[A-Z][0-9]{1,3}\s?[A-Z]{3}|[A-Z]{3}\s?[0-9]{1,3}[A-Z])\b"
)
# A partial plate is told beside a word for the plate, in either order: "the plate ending
# 4KX", "partial reg: KN21", "couldn't see the whole reg, the first part was LB19",
# "registration starting YT", "'EK19' on the plate", "reg LB19 something". The code is
# written in capitals and digits (what the note's writer copied), 1-4 characters, and an
# optional second group ("7 TRD"); words in capitals that are not plates are set aside.
PLATE_CUE_RE = re.compile(
    r"\b(?:(?:number|no\.?)\s?plate|numberplate|plates?|reg(?:istration)?|index|vrm|vrn|v\.r\.m\.?)\b",
    re.I,
)
PLATE_CODE_RE = re.compile(r"[A-Z0-9]{1,4}(?:\s[A-Z0-9]{1,3}\b(?![a-z]))?")
PLATE_BEFORE_RE = re.compile(
    r"['\"\u2018\u201c]?\b([A-Z0-9]{2,4}(?:\s[A-Z0-9]{1,3})?)\b['\"\u2019\u201d]?\s+"
    r"(?:(?:on|in|of|from)\s+)?(?:(?:the|his|her|its|their|a)\s+)?(?:number\s?)?"
    r"(?:plate|reg|registration)\b",
)
PLATE_UNKNOWN_RE = re.compile(
    r"\b([A-Z]{2}[0-9]{2}|[A-Z][0-9]{1,3}|[A-Z]{2}[0-9]{2}\s?[A-Z])[\s-]?"
    r"(?:\?{1,3}|\*{1,3}|[xX]{2,3}\b|_{2,}|-{2,3}|\.{3}|\u2026|something|summat|sumfin)"
)
# capitals and codes near a plate word that are not plates
NOT_PLATES = _set("not_plates")
# gazetteer names that are also everyday words in lower case
COMMON_PLACE_WORDS = _set("common_place_words")
PLATE_STOP = frozenset(".!?\n;")
# UK numbers however they are grouped: "07700 900 482", "020 7946 0412", "(020) 7946 0412",
# "+44 (0)20 7946 0412", "+447700900305": 0 or +44, then ten digits (nine for a few areas)
PHONE_RE = re.compile(r"(?<![\w+])(?:\+44\s?(?:\(0\)\s?)?|\(?0)[1-37](?:[\s\-)]{0,2}\d){8,9}(?!\d)")
HANDLE_RE = re.compile(r"(?<![\w.])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?")
HANDLE_CUE_RE = re.compile(
    rf"\b(?:{_alt('handle_platform_preps')})\s+(?:{_alt('handle_platforms')})\s+"
    rf"(?:{_alt('handle_namings')})?\s*['\"]?([A-Za-z0-9_.]{{3,30}})['\"]?",
    re.I,
)
HANDLE_CUE2_RE = re.compile(
    rf"\b(?:{_alt('handle_words')})\s+(?:name\s+)?(?:{_alt('handle_verbs')})\s+"
    r"['\"]?@?([A-Za-z0-9_.]{3,30})['\"]?",
    re.I,
)
# "a snap 'k1llaTwo'", "onto Snapchat (kingreece_x)", "under the name 'greenzdeliveries'"
HANDLE_QUOTED_RE = re.compile(
    rf"\b(?:{_alt('handle_quote_platforms')})\b(?:\s+(?:{_alt('handle_quote_namings')}))*"
    r"\s*:?\s*[(\'\"\u2018\u201c]@?([A-Za-z0-9_.]{3,30})[)\'\"\u2019\u201d]",
    re.I,
)
CAMEL_RE = re.compile(r"[A-Z][a-z]+[A-Z][A-Za-z]*")
# more words that put "the" + a capitalised name as a place ("on the Downs", "by the Mall")
THE_PLACE_PREPS = _set("the_place_preps")
# a road by its number after a place word and "the" ("on the A38", "junction 19 of the M5")
ROAD_RE = re.compile(rf"\b(?:{_alt('road_preps')})\s+the\s+([AM][0-9]{{1,4}})\b")
# a postcode district on its own after a place word ("in BS5", "round SN2")
DISTRICT_RE = re.compile(rf"\b(?:{_alt('district_preps')})\s+([A-Z]{{2}}[0-9]{{1,2}}[A-Z]?)\b")
POSTCODE_RE = re.compile(r"\b[A-Z]{1,2}[0-9][A-Z0-9]?\s?[0-9][A-Z]{2}\b")
STREET_RE = re.compile(
    rf"\b(?:\d+[a-z]?\s+)?(?:[A-Z][a-z]+\s){{1,3}}(?:{_alt('street_suffixes')})\b"
)
VENUE_RE = re.compile(
    rf"\b(?:(?:the\s)?(?:[A-Z][\w']+\s){{1,3}}(?:{_alt('venue_suffixes')})|{_alt('venue_chains')})\b"
)
# the words a street or a venue ends in (or is), as written: STREET_RE and VENUE_RE open
# with \b, which ``re`` tries at every character, so a note without one skips their scan
STREET_HINT_RE = re.compile(rf"(?:{_alt('street_suffixes')})\b")
VENUE_HINT_RE = re.compile(rf"(?:{_alt('venue_suffixes')}|{_alt('venue_chains')})\b")
NAME = r"[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?"
PERSON_CUE_RE = re.compile(
    rf"\b(?:{_alt('person_cues')})\s+['\"‘“]?({NAME}(?:\s{NAME})?|[A-Z][A-Za-z0-9]+)['\"’”]?"
)
RELATION_RE = re.compile(rf"\b(?:{_alt('relation_before_name')})\s+({NAME})\b")
# a quote mark not straight after a letter; the look back follows the mark so that ``re``
# skips to the next quote mark instead of trying the look back at every character
QUOTED_NICK_RE = re.compile(
    r"['\"‘“](?<![A-Za-z]['\"‘“])([A-Z][A-Za-z0-9]{1,15}(?:[\s-][A-Z][A-Za-z0-9]{0,15})?)['\"’”](?![A-Za-z])"
)
SUBJECT_NAME_RE = re.compile(rf"(?:^|[.!?]\s+|\n)({NAME})\s+(?:{_alt('subject_name_verbs')})\b")
WITH_NAME_RE = re.compile(rf"\b(?:{_alt('with_before_name')})\s+({NAME}(?:\s{NAME})?)\b")
PLACE_CUE_RE = re.compile(
    rf"\b(?:{_alt('place_preps_before_name')})\s+((?:{NAME}|St)"
    rf"(?:[\s-](?:{_alt('place_name_joiners')})[\s-]{NAME}|[\s-]{NAME})*)"
)

OPEN_PLACE_PREPS = _set("open_place_preps")
NOT_NAMES = _set("not_names")


@lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    raw = resources.files(PACKAGE).joinpath("data", "places.json").read_text(encoding="utf-8")
    return frozenset(p.lower() for p in json.loads(raw)["places"])


def _add(out: list[Entity], kind: str, text: str, start: int, end: int) -> None:
    for e in out:
        if e.start < end and start < e.end:
            return
    ent = object.__new__(Entity)  # the frozen dataclass __init__ is slow; fields set once
    ent.__dict__.update(type=kind, text=text, start=start, end=end)
    out.append(ent)


CAP_WORD_RE = re.compile(r"\b[A-Z][a-z]+(?:-[a-z]+-[A-Z][a-z]+)?\b")
STREET_WORDS = _set("street_words")
SOCIAL_WORDS = _set("social_words")
PLATE_WORDS = _set("plate_words")
PERSON_CUE_WORDS = _set("person_cue_words")
VEHICLE_WORDS = _set("vehicle_gate_extras") | frozenset(
    w
    for w in (MAKES + "|" + VTYPES + "|" + _alt("vehicle_word_extras"))
    .replace("(?:", "")
    .replace(")", "")
    .replace("?", "")
    .replace("-", "|")
    .replace(" ", "|")
    .split("|")
    if w
)
# makes, models and types that are everyday words too: never a vehicle alone
AMBIGUOUS_VEHICLES = _set("ambiguous_vehicles")


WORD_RE = re.compile(r"[A-Za-z0-9]+")
VEHICLE_FIRST = frozenset(
    re.split(r"[ \-]", a.replace("?:", "").replace("(", "").replace(")", "").replace("?", ""))[0]
    for a in (COLOURS + "|" + MAKES + "|" + VTYPES + "|" + _alt("vehicle_first_extras"))
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
MOTION_WORDS = _set("motion_words")
_PREV_WORD_RE = re.compile(r"([A-Za-z]+)\W*$")


def _before(text: str, end: int) -> str:
    """The word before a position (lower case), skipping an intervening "up"/"down"."""
    m = _PREV_WORD_RE.search(text, max(0, end - 40), end)
    return m.group(1).lower() if m else ""


VENUE_WORDS = _set("venue_words")
RELATION_WORDS = _set("relation_words")
WITH_WORDS = _set("with_words")
PLACE_PREPS = _set("place_preps")
CUE_ONE = _set("name_cues")
CUE_TWO = frozenset((a, b) for a, b in _WORDS["name_cue_pairs"]["words"])
SUBJECT_VERBS = _set("subject_verbs")
# capitalised words that are not names even when they are not sentence-initial
BRANDS = _set("brands")
HANDLE_NOT = _set("handle_not")


def _not_name(name: str, places: frozenset[str]) -> bool:
    base = name.split("'")[0].split("\u2019")[0]
    return (
        len(base) < 2
        or name in NOT_NAMES
        or base in NOT_NAMES
        or base in BRANDS
        or name.lower() in places
        or base.lower() in places
    )


@lru_cache(maxsize=1)
def _vocab() -> frozenset[str]:
    """Lower-case everyday and lexicon words: a capitalised one is not taken as a name
    without a cue ("Will", "Summer" and "Hope" need "called" or "my mate")."""
    from spacy.lang.en.stop_words import STOP_WORDS

    from .lexicon import load_lexicon, load_macros, words_of_pattern

    out = set(common_words()) | set(STOP_WORDS)
    macros = load_macros()
    for v in macros.values():
        out.update(w.rstrip("~").lower() for w in v)
    for entry in load_lexicon().values():
        for p in entry.patterns:
            out |= words_of_pattern(p, macros)
    return frozenset(out)


# a capital not written straight after a letter, digit, @, full stop, apostrophe, slash or
# hyphen; the capital comes first and the look back after it, so that ``re`` can skip to
# the next capital instead of trying the look back at every character of the note
CAP_TOKEN_RE = re.compile(r"[A-Z](?<![\w@.'\u2019/-][A-Z])[A-Za-z0-9]*(?:['\u2019-][A-Za-z]+)?")
NAME_AT_RE = re.compile(rf"{NAME}(?:\s{NAME})?")
NAME1_AT_RE = re.compile(NAME)
NICK_AT_RE = re.compile(r"[A-Z][A-Za-z0-9]*(?:-[A-Z][A-Za-z0-9]+)+|[A-Z][A-Za-z0-9]+")
_DAY_MONTH = rf"(?:{_alt('days_and_months')})\b"
# "-in-" joins a place name only with hyphens (Barrow-in-Furness): "Boots in Cribbs" is two;
# "on" never joins a day or month ("Temple Meads on Mon")
PLACE_AT_RE = re.compile(
    rf"(?:{NAME}|St)(?:-in-{NAME}|[\s-](?:{_alt('place_name_joiners_spaced')})[\s-](?!{_DAY_MONTH})"
    rf"{NAME}|[\s-]{NAME})*"
)
NEXT_WORD_RE = re.compile(r"\s*(?:\(\d{1,2}\)\s*)?([A-Za-z'\u2019]+)")
QUOTE_CHARS = "'\"\u2018\u201c\u2019\u201d"


def _prev_words(text: str, s: int) -> tuple[str, str, bool]:
    """The two words before position s (lower case) and whether s starts a sentence."""
    i = s - 1
    while i >= 0 and (text[i] == " " or text[i] in QUOTE_CHARS):
        i -= 1
    if i < 0:
        return "", "", True
    if text[i] in ".!?\n:;" or (text[i] == "\n"):
        return "", "", True
    if "\n" in text[i + 1 : s]:
        return "", "", True
    j = i
    while j >= 0 and (text[j].isalnum() or text[j] in "'\u2019."):
        j -= 1
    w1 = text[j + 1 : i + 1].lower()
    k = j
    while k >= 0 and text[k] == " ":
        k -= 1
    m = k
    while m >= 0 and (text[m].isalnum() or text[m] in "'\u2019."):
        m -= 1
    return w1, text[m + 1 : k + 1].lower(), False


def _next_is_cap(text: str, end: int) -> bool:
    """True if the next word is capitalised ("Temple Meads", "Air Max"): a multi-word
    proper name that is not a person's."""
    nx = NEXT_WORD_RE.match(text, end)
    return nx is not None and nx.start(1) - end <= 1 and nx.group(1)[:1].isupper()


@lru_cache(maxsize=1)
def _fast_skip() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    days = _set("weekdays")
    kept = _set("fast_skip_kept")
    always = _set("fast_skip_always")
    return frozenset(
        w
        for w in NOT_NAMES
        if (w.lower() in STOP_WORDS and w not in kept) or w in days or w in always
    )


TITLES = _set("titles")
TITLE_NAME_RE = re.compile(rf"(?:{_alt('titles')})\.?\s{NAME}")


def warm_up() -> None:
    """Build the word lists entity extraction uses, so the first note does not pay for them."""
    _vocab()
    _places()
    _fast_skip()
    _lower_only_places()


# "Initially", "Eventually", "Apparently": adverbs, not names ("Emily", "Kelly" are)
ADVERB_RE = re.compile(r"..(?:al|ent|ant|at|ous|u|ed|ive|ful|ess|ib|ab)ly$")
# a kinship or size word that is part of a nickname ("Uncle T", "Auntie Pat", "Little D")
TITLED_NICK_RE = re.compile(rf"(?:{_alt('name_titles')})\s[A-Z][A-Za-z0-9]*\b")
# "Aiden (17", "Chloe, 13,", "Nicole, now 15,": a name with the child's age beside it
AGE_AFTER_RE = re.compile(
    r"\s*(?:\(\s*(?:aged\s+)?\d{1,2}\b|,\s*(?:now\s+|aged\s+)?\d{1,2}\s*[,)])"
)
# people's roles, never their names, even with an age beside them ("Male (15)")
ROLE_WORDS = _set("role_words") | RELATION_WORDS
# first names that are also everyday or slang words: a name as a sentence's subject
NAME_WORDS = _set("name_words")
SUBJECT_NEXT_VERBS = _set("subject_next_verbs")
_CAP_BEFORE_RE = re.compile(r"([A-Z][A-Za-z']*)\W*$")


def _place_before(out: list[Entity], text: str, s: int) -> bool:
    """Whether a place ends just before "and" here ("Weston and Worle")."""
    return any(e.type == "PLACE" and text[e.end : s].strip() == "and" for e in out)


LOWER_PLACE_RE = re.compile(
    rf"\b(?:{_alt('lower_place_preps')})\s+([a-z]{{3,}}(?:[\s-][a-z]{{3,}})?)\b"
)


@lru_cache(maxsize=1)
def _lower_only_places() -> frozenset[str]:
    """One-word gazetteer places that are no everyday word (see _lower_places)."""
    vocab = _vocab()
    return frozenset(
        p for p in _places() if " " not in p and p not in vocab and p not in COMMON_PLACE_WORDS
    )


def _lower_places(text: str, out: list[Entity], places: frozenset[str]) -> None:
    """Notes typed in lower case: a gazetteer place after "in", "to", "from"... that is
    not an everyday word ("in clevedon", "lads from brum"; not "in bath", "to reading")."""
    vocab = _vocab()
    for m in LOWER_PLACE_RE.finditer(text):
        cand = m.group(1)
        for name in (cand, cand.split()[0].split("-")[0]):
            if name in places and name not in vocab and name not in COMMON_PLACE_WORDS:
                _add(out, "PLACE", name, m.start(1), m.start(1) + len(name))
                break


def _name_word_subject(text: str, mm: re.Match[str]) -> bool:
    """A first name that is also a word ("Molly", "Will") followed by a verb ("Molly was
    picked up") is a name."""
    nx = NEXT_WORD_RE.match(text, mm.end())
    return (
        mm.group().lower() in NAME_WORDS
        and nx is not None
        and nx.group(1) in SUBJECT_VERBS
        and nx.group(1) not in ("and", "then", "just", "also", "still")
    )


def _known_word_before(text: str, s: int) -> bool:
    """The capitalised word before is a month, holiday, day or other known non-name
    ("Around Halloween Archie was", "Last August Oscar was"), not part of the same name."""
    m = _CAP_BEFORE_RE.search(text, max(0, s - 30), s)
    return m is not None and (m.group(1) in NOT_NAMES or m.group(1) in BRANDS)


def _subject_next(text: str, s: int) -> bool:
    """A capitalised word after "up", "in"... that is followed by a verb is a subject
    ("Since her parents split up Imogen has been"), not a place."""
    mm = NAME1_AT_RE.match(text, s)
    if mm is None:
        return False
    nx = NEXT_WORD_RE.match(text, mm.end())
    return nx is not None and nx.group(1) in SUBJECT_NEXT_VERBS


def _cap_pass(text: str, out: list[Entity], places: frozenset[str]) -> None:
    """One pass over capitalised words: names after cue words, relations, "with" and
    sentence subjects; places after prepositions or from the gazetteer; and any other
    capitalised word that is not sentence-initial, not an everyday word and not a place."""
    vocab = _vocab()
    FAST_SKIP = _fast_skip()  # a module constant, built once
    persons: set[str] = {e.text for e in out if e.type == "PERSON"}
    pos = 0
    for m in CAP_TOKEN_RE.finditer(text):
        s = m.start()
        if s < pos:
            continue
        tok = m.group()
        if tok.isupper() and len(tok) > 1:
            continue  # RHI, YP, SW, HSB: acronyms
        if tok in FAST_SKIP:
            continue  # She, He, The, When, Monday...: never the start of an entity
        if tok in TITLES:
            mm = TITLE_NAME_RE.match(text, s)
            if mm is not None:
                _add(out, "PERSON", mm.group(), s, mm.end())  # "Mrs Khan"
                pos = mm.end()
            continue
        w1, w2, sent = _prev_words(text, s)
        if (
            CAMEL_RE.fullmatch(tok)
            and w1 not in CUE_ONE
            and (w2, w1) not in CUE_TWO
            and w1 not in RELATION_WORDS
        ):
            pos = m.end()
            continue  # "TikTok", "YouTube", "WhatsApp": brands in mixed case
        kind = name = None
        if w1 in CUE_ONE or (w2, w1) in CUE_TWO:
            mm = TITLED_NICK_RE.match(text, s)
            if mm is not None:  # "saved as Uncle T", "known as Little D"
                kind, name = "PERSON", mm
            mm = mm or NAME_AT_RE.match(text, s)
            if mm is None or (mm.end() < len(text) and text[mm.end()].isalnum()):
                mm = NICK_AT_RE.match(text, s)  # "DeShawn", "Kid2"
            if kind is None and mm and not _not_name(mm.group(), places):
                kind, name = "PERSON", mm
        if kind is None and w1 in RELATION_WORDS:
            mm = NAME1_AT_RE.match(text, s)
            if mm and not _not_name(mm.group(), places):
                kind, name = "PERSON", mm
        if kind is None and text[m.end() : m.end() + 2].lstrip()[:1] in ("(", ","):
            mm = NAME1_AT_RE.match(text, s)
            if (
                mm
                and AGE_AFTER_RE.match(text, mm.end())
                and not _not_name(mm.group(), places)
                and mm.group().lower() not in ROLE_WORDS
            ):
                kind, name = "PERSON", mm  # "Aiden (17, care leaver)", "Chloe, 13, told me"
        if kind is None and sent:
            mm = NAME1_AT_RE.match(text, s)
            low = mm.group().lower() if mm else ""
            if (
                mm
                and (
                    not _not_name(mm.group(), places)
                    or (low in NAME_WORDS and mm.group() not in NOT_NAMES)  # "Louis was"
                )
                and "'" not in mm.group()
                and (low not in vocab or low in NAME_WORDS)
                and not ADVERB_RE.search(mm.group())
            ):
                nx = NEXT_WORD_RE.match(text, mm.end())
                if (
                    nx
                    and nx.group(1).lower() in SUBJECT_VERBS
                    and nx.group(1)[0].islower()
                    and not (low in vocab and nx.group(1) == "and")  # "Charlie and weed"
                ):
                    kind, name = "PERSON", mm  # (not "Neighbour saw", "Initially denied")
        if kind is None and tok.endswith(("'s", "\u2019s")) and not _next_is_cap(text, m.end()):
            base = tok[:-2]
            if (
                NAME1_AT_RE.fullmatch(base)
                and not _not_name(base, places)
                and base.lower() not in _vocab()
            ):
                kind, name = "PERSON", m  # "Jay's flat"
        if kind is None and sent:
            mm = NAME1_AT_RE.match(text, s)
            nx = NEXT_WORD_RE.match(text, mm.end() + 1) if mm else None
            if (
                mm
                and text[mm.end() : mm.end() + 1] == ","
                and nx
                and nx.group(1)[:1].isupper()
                and mm.group().lower() not in _vocab()
                and not _not_name(mm.group(), places)
            ):
                kind, name = "PERSON", mm  # "Tyler, Kai and Reece were there"
        if kind is None and w1 in PLACE_PREPS:
            mm = PLACE_AT_RE.match(text, s)
            if mm and mm.end() < len(text) and text[mm.end()].isalnum():
                mm = None  # "from TikTok": a word written in mixed case, not "Tik"
            if mm:
                cand = mm.group()
                first = cand.split()[0].split("-")[0]
                if (
                    cand not in persons
                    and first not in BRANDS
                    and (
                        cand.lower() in places
                        or first.lower() in places
                        or (w1 in OPEN_PLACE_PREPS and first not in NOT_NAMES)
                        or (
                            w1 in ("to", "at", "down", "up")
                            and first not in NOT_NAMES
                            and _before(text, s - len(w1) - 1) in MOTION_WORDS
                        )
                    )
                ):
                    kind, name = "PLACE", mm
        if kind is None and w1 == "the" and (w2 in PLACE_PREPS or w2 in THE_PLACE_PREPS):
            mm = PLACE_AT_RE.match(text, s)
            first = mm.group().split()[0] if mm else ""
            if (
                mm
                and first not in NOT_NAMES
                and first not in BRANDS
                and first.lower() not in VEHICLE_WORDS
                and "'" not in mm.group()
            ):
                kind, name = "PLACE", mm  # "to the Mall", "on the Downs"
        if kind is None and tok.lower() in places:
            kind, name = "PLACE", m
        if kind is None and w1 == "and" and _place_before(out, text, s):
            mm = PLACE_AT_RE.match(text, s)
            nx = NEXT_WORD_RE.match(text, mm.end()) if mm else None
            if (
                mm
                and not _not_name(mm.group().split()[0], places)
                and mm.group() not in persons
                and (nx is None or nx.group(1) not in SUBJECT_VERBS)
            ):
                kind, name = "PLACE", mm  # "round Weston and Worle" (not "Bristol and Tom came")
        if kind is None and w1 in WITH_WORDS:
            mm = NAME_AT_RE.match(text, s)
            if mm and not _not_name(mm.group().split()[0], places):
                kind, name = "PERSON", mm
        if kind is None and w1 in ("on", "at"):
            mm = PLACE_AT_RE.match(text, s)
            if (
                mm
                and " " in mm.group()
                and "'" not in mm.group()
                and not _not_name(mm.group().split()[0], places)
                and mm.group().split()[0].lower() not in _vocab()
            ):
                kind, name = "PLACE", mm  # "on Stokes Croft", "at Cabot Circus"
            elif w1 == "on":
                pos = m.end()
                continue
        if (
            kind is None
            and not sent
            and w1 not in ("the", "a", "an")
            and (w1 not in PLACE_PREPS or _subject_next(text, s))
            and (
                not text[max(0, s - len(w1) - 2) : s].lstrip(" '\"")[:1].isupper()
                or _known_word_before(text, s)
            )
            and not _next_is_cap(text, m.end())
        ):
            mm = NAME1_AT_RE.match(text, s) or NICK_AT_RE.match(text, s)
            if mm and (mm.end() - s) < len(tok) and tok[mm.end() - s] not in "'\u2019":
                mm = None  # "TikTok": a brand written in mixed case
            if mm:
                cand = mm.group()
                base = cand.split("'")[0].split("\u2019")[0]
                if (
                    not _not_name(cand, places)
                    and (base.lower() not in vocab or _name_word_subject(text, mm))
                    and base.lower() not in VEHICLE_WORDS
                    and not any(c.isdigit() for c in base)
                ):
                    kind, name = "PERSON", mm
        if kind is None or name is None:
            continue
        t = name.group()
        e = name.end()
        if kind == "PERSON":
            if t.endswith(("'s", "\u2019s")):
                t, e = t[:-2], e - 2
            persons.add(t)
        _add(out, kind, t, name.start(), e)
        pos = e


# whether a UK number may be there (a bracket before the 0 changes nothing); written
# without the optional bracket so that ``re`` skips to the next "0" or "+"
PHONE_HINT_RE = re.compile(r"0[1-37]\d|\+44")
# a capital then a digit, a digit then a capital, or a digit, a space and three capitals
# ("AB12", "12AB", "12 ABC"); one class first so that ``re`` skips to its next character
UPPER_DIGIT_RE = re.compile(r"[A-Z\d](?:(?<=[A-Z])\d|(?<=\d)[A-Z]|(?<=\d)\s[A-Z]{3}\b)")


def _plate_like(code: str) -> bool:
    """Capitals and digits that can be (part of) a plate: a letter in capitals, and a
    digit or two capitals ("4KX", "LB19", "YT"), not a word such as "CCTV" or "YP"."""
    parts = code.split()
    if any(p in NOT_PLATES for p in parts) or not any(c.isalpha() for c in code):
        return False
    if parts[0].isdigit() and (len(parts) == 1 or not parts[1].isalpha()):
        return False  # "at 10", "2 5": numbers, not a plate
    letters = sum(c.isalpha() for c in code)
    return any(c.isdigit() for c in code) or letters >= 2


def _partial_plates(text: str, out: list[Entity]) -> None:
    """Partial (and whole) plates told beside a word for the plate (see PLATE_CUE_RE)."""
    for m in PLATE_BEFORE_RE.finditer(text):
        code = m.group(1)
        if _plate_like(code) and any(c.isdigit() for c in code):
            _add(out, "PLATE", code, m.start(1), m.end(1))
    for m in PLATE_UNKNOWN_RE.finditer(text):
        _add(out, "PLATE", m.group(1), m.start(1), m.end(1))  # "LB19 ???"
    for cue in PLATE_CUE_RE.finditer(text):
        # the first code among the next eight words of the sentence
        pos, seen = cue.end(), 0
        while seen < 8 and pos < len(text):
            while pos < len(text) and not text[pos].isalnum():
                if text[pos] in PLATE_STOP or (text[pos] == "?" and seen):
                    break
                pos += 1
            if pos >= len(text) or not text[pos].isalnum():
                break
            code = PLATE_CODE_RE.match(text, pos)
            end = code.end() if code else pos
            if (
                code is not None
                and (end >= len(text) or not text[end].isalnum())
                and _plate_like(code.group())
            ):
                _add(out, "PLATE", code.group(), pos, end)
                break
            while pos < len(text) and (text[pos].isalnum() or text[pos] in "'\u2019-"):
                pos += 1
            seen += 1


def find_entities(text: str, words: set[str] | None = None) -> list[Entity]:
    """All entities in one note, without overlaps, in text order.

    ``words`` (the note's lower-cased tokens) lets cheap checks skip the
    regular expressions that cannot match.
    """
    out: list[Entity] = []
    places = _places()
    if words is None:
        words = set(re.findall(r"[a-z0-9@._]+", text.lower()))
    # cheap gates: a phone needs a 0 or +44 before its digits; plates and postcodes a
    # capital letter next to a digit
    has_phone = ("0" in text or "+" in text) and PHONE_HINT_RE.search(text) is not None
    has_code = UPPER_DIGIT_RE.search(text) is not None
    if "@" in text:
        for m in HANDLE_RE.finditer(text):
            h = m.group().rstrip(".")
            _add(out, "HANDLE", h, m.start(), m.start() + len(h))
    for rx in (
        (HANDLE_QUOTED_RE, HANDLE_CUE_RE, HANDLE_CUE2_RE)
        if not words.isdisjoint(SOCIAL_WORDS)
        else ()
    ):
        for m in rx.finditer(text):
            h = m.group(1).rstrip(".")
            if h.lower() in HANDLE_NOT or not h:
                continue
            if h.isalpha() and h.lower() in _vocab():
                continue  # "on Snap two days before", "his Insta is full of"
            _add(out, "HANDLE", h, m.start(1), m.start(1) + len(h))
    for m in PHONE_RE.finditer(text) if has_phone else ():
        ph, st = m.group(), m.start()
        if ph.startswith("(") and ")" not in ph:
            ph, st = ph[1:], st + 1  # "(07700 900651)": the bracket is the note's, not the number's
        _add(out, "PHONE", ph, st, m.end())
    for m in POSTCODE_RE.finditer(text) if has_code else ():
        _add(out, "PLACE", m.group(), m.start(), m.end())
    for m in PLATE_RE.finditer(text) if has_code else ():
        if any(ch.isdigit() for ch in m.group()):
            _add(out, "PLATE", m.group(), m.start(), m.end())
    if has_code or not words.isdisjoint(PLATE_WORDS):
        _partial_plates(text, out)
    for m in ROAD_RE.finditer(text) if has_code else ():
        _add(out, "PLACE", m.group(1), m.start(1), m.end(1))  # "on the A38", "off the M5"
    for m in DISTRICT_RE.finditer(text) if has_code else ():
        _add(out, "PLACE", m.group(1), m.start(1), m.end(1))  # "a house in BS5"
    for m in _vehicles(text) if not words.isdisjoint(VEHICLE_WORDS) else ():
        word = m.group()
        if word.islower() and " " not in word and any(c.isdigit() for c in word):
            continue  # "missing x3", "a3 paper": a model number needs its capitals or a make
        if word.lower() in AMBIGUOUS_VEHICLES:
            continue  # ambiguous alone
        _add(out, "VEHICLE", word, m.start(), m.end())
    has_street = not words.isdisjoint(STREET_WORDS) and STREET_HINT_RE.search(text) is not None
    for m in STREET_RE.finditer(text) if has_street else ():
        v = VENUE_RE.match(text, m.start())
        if v is not None and v.end() > m.end():
            m = v  # "Ashton Park School": the venue, not the street
        _add(out, "PLACE", m.group(), m.start(), m.end())
    has_venue = not words.isdisjoint(VENUE_WORDS) and VENUE_HINT_RE.search(text) is not None
    for m in VENUE_RE.finditer(text) if has_venue else ():
        s = m.start()
        t = m.group()
        if t.startswith("the "):
            s += 4
            t = t[4:]
        _add(out, "PLACE", t, s, m.end())
    if "'" in text or '"' in text or "\u2018" in text or "\u201c" in text:
        for m in QUOTED_NICK_RE.finditer(text):
            name = m.group(1)
            if _not_name(name, places):
                continue
            _add(out, "PERSON", name, m.start(1), m.end(1))
    _cap_pass(text, out, places)
    if any(w in text for w in words.intersection(_lower_only_places())):
        _lower_places(text, out, places)  # only when a place is written in lower case
    out.sort(key=lambda e: e.start)
    # one entry per person, place, vehicle...: a summary lists "Reece" once, not per mention
    seen: set[tuple[str, str]] = set()
    uniq: list[Entity] = []
    for e in out:
        k = (e.type, e.text.lower())
        if k not in seen:
            seen.add(k)
            uniq.append(e)
    return uniq
