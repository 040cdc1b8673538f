"""Who a named person is in the note: the child, or someone else whose acts are not hers.

Notes name other young people ("his mate Ollie", "her cousin Marcus", "Connor said
Lewis ...") and tell of their acts; without knowing who the name is, "Ollie got took
to Grimsby" reads as the child's county lines trip. The child is the first name the
note uses without introducing it ("Tyler, 15, was found ..."); a name introduced by a
relation ("her friend Kelsey", "his brother Josh") is someone else. A known other
name at the start of a clause is an other-person cue for that clause, like "her
friend" is; a known other name's person ("Jess's boyfriend") is someone else's too.

Adults and partners introduced by name ("a man called Gaz", "her boyfriend Logan")
give no cue: what they do is mostly done *to* the child, and those findings are hers.
A name followed by a reporting verb ("Fizz says he owes") gives no cue either: what
is reported belongs to the clause inside the report.

The word lists are data (``data/en/subjects.json``, ``named_people``).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS

from .context import (
    REPORT_TO_VERBS,
    Category,
    CueAnchor,
    CueHit,
    CueKind,
    CueRule,
    Direction,
    is_clause_start,
)

PEER = "peer"
FAMILY = "family"
OTHER = "other"  # a name the note never introduces that is not the child's


@dataclass(frozen=True)
class NamedPeopleWords:
    """The word lists from data: relations that introduce someone else, and the rest."""

    peer: frozenset[str]
    family: frozenset[str]
    partner_or_adult: frozenset[str]
    fillers: frozenset[str]
    reporting: frozenset[str]
    # what only a person has ("Harvey's social worker", "Leah's phone")
    owned_by_people: frozenset[str]
    relatives: frozenset[str]  # "her cousin Tasha, who is ...": the name is its subject
    possessive_marks: frozenset[str]  # "Jess 's", "Jess s"
    # inside a clause ("to meet Kayla's boyfriend, a man in his thirties") a named other's
    # person is someone else only for these: where the child went is still hers
    possessor_only_for: frozenset[str]
    # a named partner or adult as a clause's subject ("Marcus was arrested for a knife")
    # is someone else only for their own conduct: what they do to the child stays hers
    adult_own_acts: frozenset[str] = frozenset()

    @classmethod
    def from_data(cls, raw: dict[str, list[str]]) -> NamedPeopleWords:
        return cls(*(frozenset(raw.get(k, ())) for k in (
            "peer", "family", "partner_or_adult", "fillers", "reporting", "owned_by_people",
            "relatives", "possessive_marks", "possessor_only_for", "adult_own_acts",
        )))

    @property
    def adult_subject_rule(self) -> CueRule:
        return CueRule(
            Category.OTHER_PERSON, Direction.FORWARD, scope=40, anchor=CueAnchor.CLAUSE_START,
            only_for=self.adult_own_acts,
        )

    @property
    def adult_relative_rule(self) -> CueRule:
        return CueRule(
            Category.OTHER_PERSON, Direction.FORWARD, scope=12, only_for=self.adult_own_acts
        )

    @property
    def possessor_rule(self) -> CueRule:
        # anchored: it names whose person this is, as a subject does ("her sister's boyfriend")
        return CueRule(
            Category.OTHER_PERSON, Direction.FORWARD, scope=4, anchor=CueAnchor.CLAUSE_START,
            only_for=self.possessor_only_for,
        )


# the cue rules a known other name stands for: as the subject of its clause, and as the
# possessor of the person right after it ("Jess's bf ...")
# possessor ("Jess's bf") or relative clause ("her cousin Tasha who is ..."); a clause's
# subject reaches to the clause's end (a new subject, "but", "because" ... ends it)
_OTHER, _FORWARD, _START = Category.OTHER_PERSON, Direction.FORWARD, CueAnchor.CLAUSE_START
SUBJECT_RULE = CueRule(_OTHER, _FORWARD, scope=40, anchor=_START)
PEER_SUBJECT_RULE = CueRule(_OTHER, _FORWARD, scope=40, anchor=_START, kind=CueKind.PEER)
RELATIVE_RULE = CueRule(_OTHER, _FORWARD, scope=12)
PEER_RELATIVE_RULE = CueRule(_OTHER, _FORWARD, scope=12, kind=CueKind.PEER)


def _mentions(text: str, names: Iterable[str], starts: list[int], ends: list[int]):
    """(name, first token, end token) of every mention of the names, in text order."""
    out = []
    for name in names:
        # an opening quote may stand before a name ('Kyzer'); "O'Neil" holds no "Neil"
        for m in re.finditer(r"(?<![\w-])(?<!\w')" + re.escape(name) + r"(?![\w-])", text):
            s = bisect_left(starts, m.start())
            e = bisect_right(starts, m.end() - 1)
            if s < e and s < len(starts) and starts[s] == m.start():
                out.append((name.lower(), s, e))
    out.sort(key=lambda t: t[1])
    return out


def _introduced_as(words: list[str], s: int, lists: NamedPeopleWords) -> str | None:
    """The relation that introduces the name at token s ("her best mate Kayla"), if any."""
    j = s - 1
    called = False  # "a 19-year-old called Marcus": named by someone, so not the child
    while j >= 0 and (words[j] in lists.fillers or words[j] == ","):
        called = called or words[j] in lists.partner_or_adult
        j -= 1
    w = words[j] if j >= 0 else ""
    if w in lists.peer:
        return PEER
    if w in lists.family:
        return FAMILY
    if w in lists.partner_or_adult or called:
        return "adult"
    return None


def _possessor_of_a_thing(words: list[str], e: int, lists: NamedPeopleWords) -> bool:
    """ "Tiny's flat", "after Valentine's": a capital owning a thing may be no person at all,
    so it is not taken for the child's name."""
    if e >= len(words) or words[e] not in lists.possessive_marks:
        return False
    nxt = words[e + 1] if e + 1 < len(words) else ""
    return not (nxt in lists.peer or nxt in lists.family or nxt in lists.partner_or_adult
                or nxt in lists.owned_by_people)


def other_person_cues(
    text: str,
    words: list[str],
    starts: list[int],
    ends: list[int],
    person_names: Iterable[str],
    breaks: set[int],
    lists: NamedPeopleWords,
    times: Iterable[tuple[int, int, str]] = (),
) -> tuple[list[CueHit], str | None]:
    """Other-person cues for the named people who are not the child, and the child's
    name (lower case) if the note gives it (``times``: the note's time cues, inside
    which a capital is a date, "just after Valentine's")."""
    spans = [(a, b) for a, b, _ in times]
    mentions = [
        m
        for m in _mentions(text, {n for n in person_names if n.strip()}, starts, ends)
        # a capital at a sentence's start ("Until ...") or inside a date is no one
        if m[0] not in STOP_WORDS and not any(a <= m[1] < b for a, b in spans)
    ]
    if not mentions:
        return [], None
    kind: dict[str, str | None] = {}
    child: str | None = None
    for name, s, _e in mentions:
        if name in kind:
            continue
        intro = _introduced_as(words, s, lists)
        if (
            intro is None
            and child is None
            and not _possessor_of_a_thing(words, _e, lists)
        ):
            child = name
            kind[name] = None
        else:
            kind[name] = intro or OTHER
    hits: list[CueHit] = []
    n = len(words)
    for name, s, e in mentions:
        k = kind.get(name)
        if name == child or k is None or (k == "adult" and not lists.adult_own_acts):
            continue
        nxt = words[e] if e < n else ""
        peer = k == PEER
        adult = k == "adult"
        if _possessor_of_a_thing(words, e, lists):
            continue  # "after Valentine's", "at Tiny's": a date or a place, not a subject
        if adult and nxt in lists.possessive_marks:
            continue  # "Logan's mate": a partner's people may be the child's company
        if nxt in lists.possessive_marks and e + 1 < n and not is_clause_start(words, s, breaks):
            hits.append(_hit(lists.possessor_rule, text, words, starts, ends, s, e + 1))
            continue
        if nxt in lists.reporting:
            continue  # "Fizz says he owes": the report is about the clause inside it
        if s and words[s - 1] in REPORT_TO_VERBS:
            continue  # "told Jay he owes": the one told, not the subject
        rel = e + 1 if nxt == "," and e + 1 < n else e
        if words[rel] in lists.relatives if rel < n else False:
            rule = PEER_RELATIVE_RULE if peer else RELATIVE_RULE
            if adult:
                rule = lists.adult_relative_rule
            hits.append(_hit(rule, text, words, starts, ends, s, rel + 1))
            continue
        # the cue starts at the relation that introduces the name ("his mate Ollie")
        c = s
        while c > 0 and (words[c - 1] in lists.fillers or words[c - 1] in lists.peer
                         or words[c - 1] in lists.family
                         or (adult and words[c - 1] in lists.partner_or_adult)
                         # a named possessor ("Jess's boyfriend Dean"): the subject starts there
                         or (words[c] in lists.possessive_marks and text[starts[c - 1]].isupper())):
            c -= 1
        if is_clause_start(words, c, breaks) or is_clause_start(words, s, breaks):
            rule = lists.adult_subject_rule if adult else (
                PEER_SUBJECT_RULE if peer else SUBJECT_RULE
            )
            hits.append(_hit(rule, text, words, starts, ends, c, e))
    return hits, child


def _hit(
    rule: CueRule, text: str, words: list[str], starts: list[int], ends: list[int], s: int, e: int
) -> CueHit:
    return CueHit(
        rule, s, e, text[starts[s] : ends[e - 1]], tuple(words[s:e]),
        words[e] if e < len(words) else "",
    )
