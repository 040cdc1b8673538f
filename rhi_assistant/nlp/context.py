"""ConText-style assertions: is a finding about this child, denied, uncertain, or someone else's?

Cue rules live in ``data/en/context_rules.json``. Each cue has a category
(NEGATED, HYPOTHETICAL, OTHER_PERSON), a direction (forward: the cue comes
before the finding; backward: after; bidirectional), a scope in tokens, and may
be anchored to the start of a clause (other-person cues name the subject:
"her brother was arrested", unlike "he gave me"). Terminators ("but", ", she",
"and I" ...) end a cue's scope; pseudo-cues ("not only", "didn't know") cancel
the cues they overlap. The order of precedence is negated > other person >
hypothetical, because a false tick on a child's record is the worst error.
Hypothetical cues of kind "unsure" are the child's doubt about what happened to
them ("might have been", "can't remember if"): the finding stays hypothetical
but is marked unsure (`is_unsure`), so the worker is shown it to explore.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any, NamedTuple

from rhi_assistant.vocabulary import Assertion

from . import language

if TYPE_CHECKING:
    from .lexicon import IndicatorLexicon


class Category(StrEnum):
    """What a cue says of the finding it governs (a cue rule's "category")."""

    NEGATED = "NEGATED"
    OTHER_PERSON = "OTHER_PERSON"
    HYPOTHETICAL = "HYPOTHETICAL"


class Direction(StrEnum):
    """Where a cue stands from the finding it governs."""

    FORWARD = "forward"  # the cue comes before the finding
    BACKWARD = "backward"  # the cue comes after it
    BIDIRECTIONAL = "bidirectional"
    PREVIOUS_SENTENCE = "previous_sentence"  # a denial sentence after the finding's own


class CueAnchor(StrEnum):
    """Where a cue must stand to count."""

    CLAUSE_START = "clause_start"  # the subject of a clause ("her brother was arrested")


class CueKind(StrEnum):
    """Cue rules that do more than their category says."""

    PEER = "peer"  # a friend's or sibling's act: may imply something for the child
    UNSURE = "unsure"  # the child's doubt about what happened to them


# negated wins over other person over hypothetical: a false tick is the worst error
PRECEDENCE = (Category.NEGATED, Category.OTHER_PERSON, Category.HYPOTHETICAL)
# cue rules of this kind are the child's doubt about what happened to them
UNSURE = CueKind.UNSURE
# added to an unsure cue's distance: any other doubt on the finding decides first
UNSURE_RANK = 10_000
ASSERTION_OF = {
    Category.NEGATED: Assertion.NEGATED.value,
    Category.OTHER_PERSON: Assertion.OTHER_PERSON.value,
    Category.HYPOTHETICAL: Assertion.HYPOTHETICAL.value,
}
# bound once: the per-cue tests compare with these, and a global is several times
# cheaper than an enum attribute lookup
_NEGATED, _OTHER_PERSON, _HYPOTHETICAL = PRECEDENCE
_CLAUSE_START = CueAnchor.CLAUSE_START
_BEFORE = (Direction.FORWARD, Direction.BIDIRECTIONAL)  # may stand before the finding
_AFTER = (Direction.BACKWARD, Direction.BIDIRECTIONAL)  # may stand after it
# the English of these lists is data: see data/en/word_lists.json (each list's _about says why)
CLAUSE_OPENERS = language.words("clause_openers")
CUE_FILLERS = language.words("cue_fillers")
AGENT_VERBS = language.words("agent_verbs")
SUBJECT_DETERMINERS = language.words("subject_determiners")
# "told me her friend ...": the clause reported starts after the listener
REPORT_TO_VERBS = language.words("report_to_verbs")
REPORT_LISTENERS = language.words("report_listeners")
# "Her friend Keeley, also 14, was found ...": an aside after a person, closed by a comma
APPOSITION_WORDS = language.words("apposition_words")
APPOSITION_NEXT_NOT = language.words("apposition_next_not")
# "'no one on my back' and was out all night": words after a quotation that start a clause
QUOTE_END_NEXT = language.words("quote_end_next")


def _person_nouns() -> frozenset[str]:
    from .lexicon import load_macros

    m = load_macros()
    return frozenset(w for k in language.word_list("person_noun_macros") for w in m[k])


# "her sister's boyfriend" names someone else's person; "her boyfriend's 19" does not
PERSON_NOUNS = _person_nouns() | language.words("person_nouns")


@dataclass(frozen=True)
class CueRule:
    """One cue rule from the data file."""

    category: Category
    direction: Direction
    scope: int
    anchor: CueAnchor | None = None
    skip_terminators: bool = False
    kind: CueKind | None = None
    only_for: frozenset[str] | None = None
    # indicators (ids, or group names such as "pull") the cue never governs: "she'd rather
    # be out with her mates" is a doubt of sleeping rough, not of the pull of her mates
    not_for: frozenset[str] = frozenset()
    # an explicit doubt ("whether", "not sure if") applies even to indicators immune
    # to the category (threats are worded as futures, yet "whether he was threatened")
    strong: bool = False
    # the cue counts only when the next word is one of these (or the note ends there):
    # "she said no." denies what came before, "said no one was there" does not
    followed_by: frozenset[str] | None = None

    @classmethod
    def from_data(cls, r: dict[str, Any]) -> CueRule:
        """A rule as written in context_rules.json or subjects.json (an unknown category,
        direction, anchor or kind is a ValueError at load, not a rule that never fires)."""
        return cls(
            category=Category(r["category"]),
            direction=Direction(r["direction"]),
            scope=int(r["scope"]),
            anchor=CueAnchor(r["anchor"]) if r.get("anchor") else None,
            skip_terminators=bool(r.get("skip_terminators", False)),
            kind=CueKind(r["kind"]) if r.get("kind") else None,
            only_for=frozenset(r["only_for"]) if r.get("only_for") else None,
            not_for=frozenset(r.get("not_for", ())),
            strong=bool(r.get("strong", False)),
            followed_by=frozenset(r["followed_by"]) if r.get("followed_by") else None,
        )


@dataclass
class CueHit:
    """A cue found in the note."""

    rule: CueRule
    start: int
    end: int
    text: str
    words: tuple[str, ...] = ()
    next: str = ""  # the word after the cue


def has_between(sorted_positions: list[int], lo: int, hi: int) -> bool:
    """True if any position p satisfies lo <= p < hi."""
    i = bisect_left(sorted_positions, lo)
    return i < len(sorted_positions) and sorted_positions[i] < hi


class Scopes(NamedTuple):
    """Token positions in one note that end a cue's reach, each list sorted."""

    breaks: list[int]  # sentence ends: no cue reaches across one
    terms: list[int]  # end every cue's scope ("but", ", she") unless it skips terminators
    other_terms: list[int]  # end other-person cues' scopes only
    # quotations (first and last token) whose end ends the reach of a cue inside them
    quotes: tuple[tuple[int, int], ...] = ()


def applies(cue: CueHit, t_start: int, t_end: int, scopes: Scopes) -> int | None:
    """Distance from the cue to the finding if the cue governs it, else None."""
    rule = cue.rule
    if cue.start < t_start and rule.direction in _BEFORE:
        if cue.end > t_start and cue.end >= t_end:
            return None
        lo, hi = min(cue.end, t_start), t_start
        dist = max(0, t_start - cue.end)
    elif cue.start >= t_end and rule.direction in _AFTER:
        lo, hi = t_end, cue.start
        dist = cue.start - t_end
    else:
        return None
    if dist > rule.scope:
        return None
    # Sentence breaks always end a scope; a break token is the last token of its sentence.
    if has_between(scopes.breaks, lo, hi):
        return None
    if not rule.skip_terminators and has_between(scopes.terms, lo, hi):
        return None
    if rule.category == _OTHER_PERSON and has_between(scopes.other_terms, lo, hi):
        return None
    for q_start, q_end in scopes.quotes:
        if q_start <= cue.start and cue.end <= q_end + 1 and t_start > q_end:
            return None  # "'no one on my back' and was out all night"
    return dist


def decide(
    entry: IndicatorLexicon,
    t_start: int,
    t_end: int,
    cues: list[CueHit],
    literals: frozenset[str],
    scopes: Scopes,
    child_in_span: bool,
    first_word: str,
    child_objects: list[int] | None = None,
    child_in_span_strict: bool | None = None,
) -> tuple[str, CueHit | None]:
    """Return (assertion, deciding cue) for one finding of ``entry``'s indicator over
    the tokens [t_start, t_end).

    ``literals``: the words the finding's own patterns spell (a negation among them is
    part of the finding); ``child_in_span``: the child is in the match or its object,
    so an other-person cue does not take it away; ``first_word``: the match's first
    word (an agent verb after a subject cue); ``child_objects``: sorted positions where the
    child is the object of a verb ("Her uncle arranged for her to help at a nail bar"): one
    between an other-person subject and the finding makes the finding done to the child;
    ``child_in_span_strict``: the same as ``child_in_span`` without reflexives, for a
    subject before the finding ("Her sister cuts herself": herself is the sister)."""
    indicator, immune = entry.id, entry.immune
    about_others, subject_wins = entry.about_others, entry.subject_wins
    best: dict[Category, tuple[int, CueHit]] = {}
    # a doubt of the child's ("can't remember if") holds the plain cue inside it ("if")
    unsure_spans = [(c.start, c.end) for c in cues if c.rule.kind == UNSURE]
    for cue in cues:
        cat = cue.rule.category
        if (
            unsure_spans
            and cue.rule.kind != UNSURE
            and any(a <= cue.start and cue.end <= b for a, b in unsure_spans)
        ):
            continue
        if ASSERTION_OF[cat] in immune and not cue.rule.strong:
            continue
        if cue.rule.only_for is not None and indicator not in cue.rule.only_for:
            continue
        if cue.rule.not_for and (
            indicator in cue.rule.not_for or indicator.partition(".")[0] in cue.rule.not_for
        ):
            continue
        if cat == _OTHER_PERSON and (
            (
                child_in_span_strict
                if child_in_span_strict is not None and cue.start < t_start
                else child_in_span
            )
            or (child_objects and has_between(child_objects, cue.end, t_start))
            or (
                about_others
                and not (
                    subject_wins
                    and cue.rule.anchor == _CLAUSE_START
                    and not (cue.end == t_start and first_word in AGENT_VERBS)
                    and (
                        # a possessor names someone else's person ("Her sister's boyfriend")
                        (cue.words[-1:] in (("'s",), ("s",), ("'",)) and cue.next in PERSON_NOUNS)
                        or literals.isdisjoint(w for w in cue.words if w not in CUE_FILLERS)
                        # a subject named by a person noun and ending before the finding is
                        # not spelt by it, even when a word is shared ("Another young person
                        # ... was taken to London": "another" is also in "to another town")
                        or (cue.end < t_start and cue.words[-1] in PERSON_NOUNS)
                    )
                )
            )
        ):
            continue
        if (
            cat == _NEGATED
            and cue.start < t_start < cue.end
            and any(w in literals for w in cue.words)
        ):
            continue  # the match spells part of the cue ("Ain't been to school")
        dist = applies(cue, t_start, t_end, scopes)
        if (
            dist is None
            and cat == _NEGATED
            and t_start < cue.start
            and cue.end <= t_end
            and not any(w in literals for w in cue.words)
        ):
            dist = 0  # a denial inside the match ("her boyfriend didn't hit her")
        if dist is None:
            continue
        # any other doubt ("if", "will", "would") wins over the child's being unsure
        # of the past, so a finding is "unsure" only when every doubt on it is
        if cat == _HYPOTHETICAL and cue.rule.kind == UNSURE:
            dist += UNSURE_RANK
        if cat not in best or dist < best[cat][0]:
            best[cat] = (dist, cue)
    for cat in PRECEDENCE:
        if cat in best:
            return ASSERTION_OF[cat], best[cat][1]
    return Assertion.PRESENT.value, None


def is_unsure(
    assertion: str,
    cue: CueHit | None,
    words: list[str],
    t_start: int,
    t_end: int,
    not_past: frozenset[str],
) -> bool:
    """The child is unsure whether this happened to them ("might have been raped",
    "thinks she was drugged"): a doubt about the past, not an imagined or future event.

    Still "hypothetical" for the scorer; the worker sees it apart, never collapsed,
    because an unsure disclosure is one to explore, not to set aside. A future or a
    wish between the doubt and the finding ("not sure whether she will go", "unsure
    about going to") keeps it an ordinary hypothetical.
    """
    if assertion != Assertion.HYPOTHETICAL.value or cue is None or cue.rule.kind != UNSURE:
        return False
    lo, hi = (cue.end, t_end) if cue.start < t_start else (t_start, t_end)
    return not any(w in not_past for w in words[lo:hi])


def apposition_closes(
    words: list[str], text: str, starts: list[int], terms: list[int]
) -> list[int]:
    """``terms`` without the commas that close a short aside after a person ("Her friend
    Keeley, also 14, was found", "Dean, 24, has been dealing", "The lad she was with,
    Reece, got beaten up"): the clause goes on with the same subject, so the comma ends no
    scope. An aside holds only names (capitalised), numbers and ``apposition_words``; a
    comma followed by a new speaker or subject ("Her friend, Kelly, said she ...") still
    ends it."""
    out = []
    for p in terms:
        if (
            words[p] == ","
            and p + 1 < len(words)
            and words[p + 1] not in APPOSITION_NEXT_NOT
            and _closes_aside(words, text, starts, p)
        ):
            continue
        out.append(p)
    return out


def _closes_aside(words: list[str], text: str, starts: list[int], p: int) -> bool:
    """Whether the comma at ``p`` closes ", <aside> ," of at most four tokens: a name or
    an age alone, or after a person noun or a name, names, numbers and apposition words."""
    for q in range(p - 2, max(0, p - 6) - 1, -1):
        if words[q] != ",":
            continue
        aside = range(q + 1, p)
        if all(words[i].isdigit() or text[starts[i]].isupper() for i in aside):
            return True  # a name or an age alone: ", Reece,", ", 24,"
        if q == 0:
            return False
        before = words[q - 1]
        if (
            before not in PERSON_NOUNS
            and not text[starts[q - 1]].isupper()
            and not (before.isdigit() or before == ")")
        ):
            return False
        return all(
            w in APPOSITION_WORDS or w.isdigit() or text[starts[i]].isupper()
            for i, w in enumerate(words[q + 1 : p], q + 1)
        )
    return False


def quote_closes(
    text: str,
    starts: list[int],
    ends: list[int],
    words: list[str],
    quote_chars: frozenset[str],
) -> tuple[tuple[int, int], ...]:
    """Quotations of three words or more that a new clause follows ("He said 'no one tells
    me what to do' and was out all night"), as (first token, last token): a cue inside one
    does not reach past its end. A short scare-quote ("her 'boyfriend'") or a quoted phrase
    the sentence goes on from ("she's 'not dumb enough' to get in cars") ends nothing."""
    out: list[tuple[int, int]] = []
    n, i = len(starts), 0
    while i < n:
        a = starts[i]
        if a > 0 and text[a - 1] in quote_chars and (a < 2 or not text[a - 2].isalnum()):
            j = i
            while j < n and not (
                ends[j] < len(text)
                and text[ends[j]] in quote_chars
                and (ends[j] + 1 >= len(text) or not text[ends[j] + 1].isalnum())
            ):
                if (
                    j > i
                    and text[starts[j] - 1] in quote_chars
                    and not text[starts[j] - 2].isalnum()
                ):
                    break  # another quotation opens: this one never closed
                j += 1
            if j < n and j - i >= 2 and (j + 1 >= n or words[j + 1] in QUOTE_END_NEXT):
                out.append((i, j))
                i = j + 1
                continue
        i += 1
    return tuple(out)


def is_clause_start(words_lower: list[str], start: int, breaks_set: set[int]) -> bool:
    """Other-person cues count only as the subject of a clause."""
    # a determiner may stand before the subject: "The other girls at the unit ..."
    while start > 0 and words_lower[start - 1] in SUBJECT_DETERMINERS:
        start -= 1
    if start == 0:
        return True
    prev = words_lower[start - 1]
    if prev in REPORT_LISTENERS and start >= 2 and words_lower[start - 2] in REPORT_TO_VERBS:
        return True  # reported speech: "told me her friend ...", "tells staff his mate ..."
    return prev in CLAUSE_OPENERS or (start - 1) in breaks_set


@dataclass(frozen=True)
class Companions:
    """Who the child's companions are: "his mates" in a note about a girl are someone
    else's (data: ``someone_elses_companions`` in data/en/subjects.json)."""

    indicators: frozenset[str]
    people: frozenset[str]
    fillers: frozenset[str]
    other_possessive: dict[str, str]  # the child's pronoun -> the possessive of someone else
    rule: CueRule = CueRule(Category.OTHER_PERSON, Direction.BACKWARD, scope=0)

    @classmethod
    def from_data(cls, raw: dict[str, Any]) -> Companions:
        return cls(frozenset(raw["indicators"]), frozenset(raw["people"]),
                   frozenset(raw["fillers"]), dict(raw["other_possessive"]))

    def owner(self, words: list[str], s: int, e: int, pronoun: str) -> tuple[int, int] | None:
        """The span of "<pronoun> [best|older...] <friend word>" inside words[s:e], if any."""
        for i in range(s, e):
            if words[i] != pronoun:
                continue
            j = i + 1
            while j < len(words) and words[j] in self.fillers:
                j += 1
            if j < len(words) and words[j] in self.people:
                return i, j + 1
        return None
