"""ConText-style assertions: is a finding about this child, denied, uncertain, or someone else's?

Cue rules live in ``data/context_rules.json``. Each cue has a category
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

from rhi_assistant.vocabulary import Assertion

PRECEDENCE = ("NEGATED", "OTHER_PERSON", "HYPOTHETICAL")
# cue rules of this kind are the child's doubt about what happened to them
UNSURE = "unsure"
# added to an unsure cue's distance: any other doubt on the finding decides first
UNSURE_RANK = 10_000
ASSERTION_OF = {
    "NEGATED": Assertion.NEGATED.value,
    "OTHER_PERSON": Assertion.OTHER_PERSON.value,
    "HYPOTHETICAL": Assertion.HYPOTHETICAL.value,
}
CLAUSE_OPENERS = frozenset(
    {
        ",",
        ";",
        ":",
        "and",
        "but",
        "then",
        "because",
        "cos",
        "coz",
        "so",
        "-",
        '"',
        "'",
        "that",
        "when",
        "while",
        "also",
        "plus",
        "though",
        "although",
        "whereas",
        "however",
        "whilst",
        "since",
        "as",
        "if",
        "unless",
        "until",
        "before",
        "after",
        "says",
        "said",
        "say",
        "told",
        "tells",
        "thinks",
        "thought",
        "reckons",
        "reckoned",
        "reported",
        "reports",
        "explained",
        "admitted",
        "mentioned",
        "claims",
        "claimed",
        "insists",
        "added",
        "knows",
        # sentence adverbs before a subject: "Apparently her friend ..."
        "apparently",
        "basically",
        "obviously",
        "allegedly",
        "reportedly",
        "honestly",
        "actually",
        "now",
        "even",
        "maybe",
        "perhaps",
        "sometimes",
        "usually",
        "recently",
        "later",
        "earlier",
        "yesterday",
        "today",
        # a bracket closes an aside: "When she was in Year 8 (she's now in Year 11) three of"
        ")",
    }
)

# "told me her friend ...": the clause reported starts after the listener
REPORT_TO_VERBS = frozenset("told tells tell telling informed informs asked asks".split())
REPORT_LISTENERS = frozenset("me us him her them staff police school mum dad".split())


# words of a subject cue that say nothing about who it is ("his" in "his brother's")
CUE_FILLERS = frozenset(
    "his her my their your our the a an this that 's s ' , older younger little big best old new "
    "other step not me him hers mine theirs tho though".split()
)


# a subject right before one of these verbs of the finding is its agent ("The lad said
# he'd post the pics"), not the person it happens to
AGENT_VERBS = frozenset(
    "said says told tells threatened threatens warned warns made makes keeps kept took takes "
    "has holds".split()
)


def _person_nouns() -> frozenset[str]:
    from .lexicon import load_macros

    m = load_macros()
    return frozenset(w for k in ("PEER", "PARENT", "FAM", "ADULT", "PARTNER") for w in m[k])


# "her sister's boyfriend" names someone else's person; "her boyfriend's 19" does not
PERSON_NOUNS = _person_nouns() | frozenset({"ex", "dealer", "boss", "uncle", "friend"})


SUBJECT_DETERMINERS = frozenset({"the", "some", "a", "an", "two", "three", "all", "both"})


@dataclass(frozen=True)
class CueRule:
    """One cue rule from the data file."""

    category: str
    direction: str
    scope: int
    anchor: str | None = None
    skip_terminators: bool = False
    kind: str | None = None
    only_for: frozenset[str] | None = None
    # an explicit doubt ("whether", "not sure if") applies even to indicators immune
    # to the category (threats are worded as futures, yet "whether he was threatened")
    strong: bool = False
    # the cue counts only when the next word is one of these (or the note ends there):
    # "she said no." denies what came before, "said no one was there" does not
    followed_by: frozenset[str] | None = None


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


def applies(
    cue: CueHit,
    t_start: int,
    t_end: int,
    breaks: list[int],
    terms: list[int],
    other_terms: list[int],
) -> int | None:
    """Distance from the cue to the finding if the cue governs it, else None."""
    rule = cue.rule
    if cue.start < t_start and rule.direction in ("forward", "bidirectional"):
        if cue.end > t_start and cue.end >= t_end:
            return None
        lo, hi = min(cue.end, t_start), t_start
        dist = max(0, t_start - cue.end)
    elif cue.start >= t_end and rule.direction in ("backward", "bidirectional"):
        lo, hi = t_end, cue.start
        dist = cue.start - t_end
    else:
        return None
    if dist > rule.scope:
        return None
    # Sentence breaks always end a scope; a break token is the last token of its sentence.
    if has_between(breaks, lo if lo == t_end else lo, hi):
        return None
    if not rule.skip_terminators and has_between(terms, lo, hi):
        return None
    if rule.category == "OTHER_PERSON" and has_between(other_terms, lo, hi):
        return None
    return dist


def decide(
    indicator: str,
    t_start: int,
    t_end: int,
    cues: list[CueHit],
    literals: frozenset[str],
    breaks: list[int],
    terms: list[int],
    other_terms: list[int],
    immune: frozenset[str],
    about_others: bool,
    child_in_span: bool,
    subject_wins: bool = False,
    first_word: str = "",
) -> tuple[str, CueHit | None]:
    """Return (assertion, deciding cue) for one finding."""
    best: dict[str, tuple[int, CueHit]] = {}
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
        if cat == "OTHER_PERSON" and (
            child_in_span
            or (
                about_others
                and not (
                    subject_wins
                    and cue.rule.anchor == "clause_start"
                    and not (cue.end == t_start and first_word in AGENT_VERBS)
                    and (
                        # a possessor names someone else's person ("Her sister's boyfriend")
                        (cue.words[-1:] in (("'s",), ("s",), ("'",)) and cue.next in PERSON_NOUNS)
                        or literals.isdisjoint(w for w in cue.words if w not in CUE_FILLERS)
                    )
                )
            )
        ):
            continue
        if (
            cat == "NEGATED"
            and cue.start < t_start < cue.end
            and any(w in literals for w in cue.words)
        ):
            continue  # the match spells part of the cue ("Ain't been to school")
        dist = applies(cue, t_start, t_end, breaks, terms, other_terms)
        if (
            dist is None
            and cat == "NEGATED"
            and t_start < cue.start
            and cue.end <= t_end
            and not any(w in literals for w in cue.words)
        ):
            dist = 0  # a denial inside the match ("her boyfriend didn't hit her")
        if dist is None:
            continue
        # any other doubt ("if", "will", "would") wins over the child's being unsure
        # of the past, so a finding is "unsure" only when every doubt on it is
        if cat == "HYPOTHETICAL" and cue.rule.kind == UNSURE:
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
    rule: CueRule = CueRule("OTHER_PERSON", "backward", scope=0)

    @classmethod
    def from_data(cls, raw: dict[str, list[str]]) -> Companions:
        return cls(frozenset(raw["indicators"]), frozenset(raw["people"]),
                   frozenset(raw["fillers"]))

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
