"""Do two names belong to one child? The rules of the police notification contract.

The same child reaches the team spelt many ways: with or without accents (Chloë, Chloe),
apostrophes and hyphens (O'Connor, Jones-Baker), a short form (Kez for Kezia, Liz for
Elizabeth), first and last names swapped by a form, or a family name misspelt by a letter.
A wrong "same child" is worse than a missed one (an episode on the wrong record), so given
names are never matched by spelling distance: twins are often named a letter apart (Louis
and Louise). Pure functions over plain strings: names stay encrypted in the database, and
callers decrypt the few candidates with the same date of birth before asking here.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from importlib import resources

from rapidfuzz.distance import OSA

#: Letters with no decomposed (accent) form, written plainly.
_PLAIN = str.maketrans({
    "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "ß": "ss", "ẞ": "ss", "æ": "ae", "Æ": "ae",
    "đ": "d", "Đ": "d", "ð": "d", "Ð": "d", "œ": "oe", "Œ": "oe", "þ": "th", "Þ": "th",
    "ı": "i", "ħ": "h", "Ħ": "h", "ŀ": "l", "Ŀ": "l",
})
#: Dropped without splitting the name: apostrophes of any kind and full stops.
_DROPPED = str.maketrans(dict.fromkeys("'’‘ʼʻ`´′.", None))


class Rule(StrEnum):
    """Why two names match, strongest first (the values are stable codes for pages)."""

    SAME = "same"            # joined forms equal: O'Connor = O Connor
    PARTS = "parts"          # every part of one is a part of the other: Baker, Jones-Baker
    NAME_TABLE = "name_table"  # one group of the name table: Liz, Elizabeth
    SPELLING = "spelling"    # family names only: a small misspelling, Nowak / Nowack


_STRENGTH = list(Rule)


@dataclass(frozen=True)
class NormalName:
    """A name as the rules compare it: its parts, and the parts written together."""

    parts: tuple[str, ...]

    @property
    def joined(self) -> str:
        """The parts written together, a letter doubled at a join counted once too."""
        return _once("".join(self.parts))

    def __bool__(self) -> bool:
        return bool(self.parts)


def _once(part: str) -> str:
    """A doubled letter counts once (Connor = Conor)."""
    out: list[str] = []
    for letter in part:
        if not out or out[-1] != letter:
            out.append(letter)
    return "".join(out)


def normalise(name: str | None) -> NormalName:
    """Accents off, plain letters, case ignored, apostrophes and full stops dropped, split into
    parts on anything that is not a letter, doubled letters once."""
    text = (name or "").translate(_DROPPED)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.translate(_PLAIN).casefold()
    parts: list[str] = []
    current: list[str] = []
    for ch in text:
        if ch.isalpha():
            current.append(ch)
        elif current:
            parts.append(_once("".join(current)))
            current = []
    if current:
        parts.append(_once("".join(current)))
    return NormalName(tuple(parts))


@lru_cache(maxsize=1)
def _groups() -> dict[str, frozenset[int]]:
    """Normalised name -> the numbers of the groups it belongs to (Sam is in two)."""
    raw = json.loads(resources.files(__package__).joinpath("data/name_groups.json").read_text(
        encoding="utf-8"))
    index: dict[str, set[int]] = {}
    for number, group in enumerate(raw["groups"]):
        for name in group:
            index.setdefault(normalise(name).joined, set()).add(number)
    return {name: frozenset(numbers) for name, numbers in index.items()}


def same_group(a: str, b: str) -> bool:
    """Two normalised (joined) names in one group of the name table."""
    groups = _groups()
    return bool(groups.get(a, frozenset()) & groups.get(b, frozenset()))


def _parts_in_table(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Names of several parts: every part of one is a part of the other or in its group
    (Mohammed Ali and Muhammad Ali; Mary Kate and Mary Katherine)."""
    if len(a) < 2 and len(b) < 2:
        return False
    shorter, longer = sorted((a, b), key=len)
    return all(any(p == q or same_group(p, q) for q in longer) for p in shorter)


def _max_edits(a: str, b: str) -> int:
    shorter = min(len(a), len(b))
    if shorter >= 8:
        return 2
    if shorter >= 5:
        return 1
    return 0


def match_rule(a: str | NormalName | None, b: str | NormalName | None, *,
               family: bool = False) -> Rule | None:
    """The first rule by which names `a` and `b` match, or None.

    `family`: they are family names, which may also match by a small misspelling (counted on
    the joined forms, a swap of two neighbouring letters being one edit)."""
    x = a if isinstance(a, NormalName) else normalise(a)
    y = b if isinstance(b, NormalName) else normalise(b)
    if not x or not y:
        return None
    if x.joined == y.joined:
        return Rule.SAME
    xs, ys = set(x.parts), set(y.parts)
    if xs <= ys or ys <= xs:
        return Rule.PARTS
    if same_group(x.joined, y.joined) or _parts_in_table(x.parts, y.parts):
        return Rule.NAME_TABLE
    if family:
        limit = _max_edits(x.joined, y.joined)
        if limit and OSA.distance(x.joined, y.joined, score_cutoff=limit) <= limit:
            return Rule.SPELLING
    return None


def names_match(a: str | None, b: str | None, *, family: bool = False) -> bool:
    """Do names `a` and `b` match (given names by default; `family` allows a misspelling)?"""
    return match_rule(a, b, family=family) is not None


@dataclass(frozen=True)
class ChildMatch:
    """Why a row's names match a recorded child: which names met, by which rules."""

    given: tuple[str, str]    # (row's name, child's name) that matched as given names
    given_rule: Rule
    family: tuple[str, str]   # (row's name, child's name) that matched as family names
    family_rule: Rule
    swapped: bool = False     # the row's first and last names were the wrong way round

    @property
    def reason(self) -> str:
        """A short stable code: 'swapped' or '<given rule>+<family rule>'."""
        if self.swapped:
            return "swapped"
        return f"{self.given_rule.value}+{self.family_rule.value}"


def row_matches_child(
    first: str | None, last: str | None, preferred: str | None,
    child_first: str | None, child_last: str | None, child_preferred: str | None,
) -> ChildMatch | None:
    """Does a row's name (first, last, preferred) match a recorded child's, and why?

    One of the row's given names matches one of the child's, and the family names match; or
    the row's first name matches the child's family name and its last name the child's first
    name (a form filled in the wrong way round)."""
    family_rule = match_rule(last, child_last, family=True)
    if family_rule is not None:
        pairs = [(rule, given or "", known or "")
                 for given in (first, preferred) for known in (child_first, child_preferred)
                 if (rule := match_rule(given, known)) is not None]
        if pairs:  # the strongest reason is the one a person is shown
            rule, given, known = min(pairs, key=lambda pair: _STRENGTH.index(pair[0]))
            return ChildMatch((given, known), rule, (last or "", child_last or ""), family_rule)
    swapped_family = match_rule(first, child_last, family=True)
    swapped_given = match_rule(last, child_first)
    if swapped_family is not None and swapped_given is not None:
        return ChildMatch((last or "", child_first or ""), swapped_given,
                          (first or "", child_last or ""), swapped_family, swapped=True)
    return None
