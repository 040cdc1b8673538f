"""The engine: the spaCy tokenizer + one token-pattern matcher holding every rule, built once.

Why so lean: notes are analysed as the practitioner types, so the whole
pipeline must cost little more than tokenising. Instead of a chain of spaCy
components we run ``nlp.make_doc`` (``spacy.blank("en")``, no model download)
and one token-aligned matcher call (see ``tokmatch.py``; spaCy's own
``Matcher`` was ~25x slower with this lexicon) that finds indicator patterns,
exclusions, cues, pseudo-cues, terminators and time expressions at once;
everything after that is plain Python over the (few) matches.

How a note becomes suggestions (``Engine._suggest``), one named stage each:

1. ``_sort_matches``: the matcher's hits sorted by what they are (``MatchKind``).
2. ``_cues_that_count``: pseudo-cues cancel cues; anchored cues need a clause start.
3. ``_match_candidates``: indicator spans, concepts meeting in a sentence, and
   bare topic words, each kept once and never across a sentence end.
4. ``_decide``: per candidate, the subject and cues of its sentence decide its
   assertion (``_decide_assertion``, ``context.decide``), the nearest time cue its
   window (``_decide_window``), and what it implies is added (``_implied``).
5. ``_denied_after``: "He denies it." denies the sentence before;
   ``_denied_later``: the child's own later denial of the same thing ("She denied
   getting into any of the cars") denies what earlier sentences suggested of it;
   ``_someone_elses_companions``: "his mates" in a note about a girl are not hers.
6. ``_merge_and_rank``: findings a more telling one explains are dropped, an
   implied finding yields to the same one said outright, duplicates go.
7. ``_build_finding``: the evidence span and the plain-language reason.
"""

from __future__ import annotations

import datetime as dt
import re
import threading
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any, NamedTuple

import spacy
from spacy.attrs import IDX, LENGTH
from spacy.tokens import Doc

from rhi_assistant.vocabulary import Assertion

from . import concepts, context, entities, fuzzy, language, named_people, reasons, timewindow
from .lexicon import (
    IndicatorLexicon,
    load_indicators,
    load_lexicon,
    load_macros,
    read_json,
    shorthand,
    words_of_pattern,
)
from .models import Analysis, Finding
from .tokmatch import TokenPatternMatcher

# where the matcher keeps its compiled tables between loads (tokmatch.compile_all)
MATCHER_CACHE = Path(__file__).resolve().parent / "__pycache__" / "tokmatch-tables.pickle"

PRESENT = Assertion.PRESENT.value
NEGATED = Assertion.NEGATED.value
HYPOTHETICAL = Assertion.HYPOTHETICAL.value
OTHER_PERSON = Assertion.OTHER_PERSON.value

# The English of these lists is data (data/en/word_lists.json: each list's _about says why).
CHILD_OBJECT_NEXT = language.words("child_object_next")
OBJECT_VERBS = language.words("object_verbs")
CHILD_OBJECT_PRONOUNS = language.words("child_object_pronouns")
OBJECT_OR_POSSESSIVE = language.words("object_or_possessive_pronouns")
SUBJECT_PRONOUNS = language.words("subject_pronouns")
QUOTES = language.words("quote_marks")
REFLEXIVES = frozenset(("herself", "himself", "myself"))
# the object pronouns that are not the child, by the child's pronoun
NOT_THE_CHILD = {"she": frozenset(("him", "himself")), "he": frozenset(("her", "herself"))}
# and with the reflexives, which are the subject's own ("Her sister cuts herself")
NOT_THE_CHILD_OR_OWN = {k: v | REFLEXIVES for k, v in NOT_THE_CHILD.items()}
QUOTE_CHARS = frozenset(q for q in QUOTES if len(q) == 1)
ABBREVIATIONS = language.words("sentence_abbreviations")

_SHORTHAND_DATA = shorthand()
SHORTHAND: dict[str, str] = _SHORTHAND_DATA["words"]
# "her cuz Tasha" is her cousin; "cuz he was scared" is because
AFTER_POSSESSIVE: dict[str, str] = _SHORTHAND_DATA["after_possessive"]
POSSESSIVES = frozenset(_SHORTHAND_DATA["possessives"])
SHORTHAND_KEYS = frozenset(SHORTHAND) | frozenset(AFTER_POSSESSIVE)


def _read_shorthand(words: list[str]) -> list[str]:
    """Text-speak read as the standard word (a noun after a possessive, see the data)."""
    return [
        AFTER_POSSESSIVE[w]
        if w in AFTER_POSSESSIVE and i and words[i - 1] in POSSESSIVES
        else SHORTHAND.get(w, w)
        for i, w in enumerate(words)
    ]


# timing a finding (see _decide_window; each list's _about in data/en/word_lists.json)
PRESENT_WORDS = language.words("present_story_words")
STORY_GOES_ON = language.words("story_goes_on")
SENTENCE_CONTINUES = language.words("sentence_continues")
PAST_WORDS = language.words("past_words")
NOT_PAST_ED = language.words("not_past_ed")
CLAUSE_BREAKS = language.words("clause_breaks")
# time cues that say "now" or point at another time rather than giving a date
UNDATED_KINDS = ("recent", "since_then", "after_that", "six_months")
# how many undated sentences of a past story may stand between a finding and its date
STORY_REACH = 3
# how many words before a finding may show it is told in the past ("made him hold a knife")
PAST_REACH = 5


def _clause_between(words: list[str], cue: tuple[int, int, int, str], s: int, e: int) -> bool:
    """Whether a clause break ("and", "but", a comma) stands between a time cue and a
    finding: the cue then dates another clause."""
    _, ts, te, _ = cue
    lo, hi = (te, s) if te <= s else (e, ts)
    return any(w in CLAUSE_BREAKS for w in words[lo:hi])


def _word(w: str) -> str:
    """Token text for matching: whitespace tokens become a newline (a break) or a filler."""
    if w.isspace():
        return "\n" if "\n" in w else "_"
    return w


class MatchKind(Enum):
    """What a pattern of the one matcher stands for (its hits are sorted by this)."""

    INDICATOR = "indicator"  # an indicator's own pattern: a candidate finding
    EXCLUSION = "exclusion"  # words that rule an indicator out where they overlap it
    MENTION = "mention"  # a bare topic word: kept only when denied, doubted or another's
    CUE = "cue"  # a context cue (denial, doubt, someone else) with its rule
    PSEUDO_CUE = "pseudo_cue"  # words that look like a cue but are not ("not only")
    DENIAL = "denial"  # a short sentence denying the one before ("He denies it.")
    TERMINATOR = "terminator"  # ends a cue's scope ("but", ", she")
    TIME = "time"  # a time expression, with its kind for timewindow.resolve
    CONCEPT = "concept"  # one concept class (an older man, something given, ...)


# The kinds and cue values the per-match loops compare with, bound once: a global is
# several times cheaper than an enum attribute lookup, and a note has dozens of matches.
(
    _INDICATOR,
    _EXCLUSION,
    _MENTION,
    _CUE,
    _PSEUDO_CUE,
    _DENIAL,
    _TERMINATOR,
    _TIME,
    _CONCEPT,
) = MatchKind
_CLAUSE_START = context.CueAnchor.CLAUSE_START
_PEER = context.CueKind.PEER

# terminator categories of context_rules.json: which scopes a terminator ends
TERMINATES_ALL = "ALL"
TERMINATES_OTHER_PERSON = "OTHER_PERSON"


class RuleKey(NamedTuple):
    """The key a pattern is added under: its kind and the rule it belongs to (an
    indicator id, a concept name, a CueRule, the categories a pseudo-cue blocks, a
    terminator category or a time kind)."""

    kind: MatchKind
    rule: Any


class Span(NamedTuple):
    """A token span [start, end) of the note."""

    start: int
    end: int


class TimeHit(NamedTuple):
    """A time expression found in the note: its token span and kind."""

    start: int
    end: int
    kind: str


class PseudoHit(NamedTuple):
    """A pseudo-cue found in the note and the cue categories it cancels."""

    start: int
    end: int
    blocks: frozenset[context.Category]


class Correction(NamedTuple):
    """A spelling fix on one token: what was written, the lexicon word, the score."""

    written: str
    target: str
    score: float


@dataclass(slots=True)
class _Note:
    """One note as the stages read it: its text and, per token, the lower-case word
    used for matching and the character offsets in ``text``."""

    text: str
    words: list[str]
    starts: list[int]
    ends: list[int]
    corrected: dict[int, Correction]
    today: dt.date
    child: timewindow.ChildAge | None
    breaks: list[int] = field(default_factory=list)  # tokens that end a sentence
    names: list[str] = field(default_factory=list)  # the people the note names
    child_name: str | None = None  # the child's own name, if the note gives it
    # how a time cue was read, for the reason ("counted back from the child's age now")
    time_basis: dict[tuple[int, int], str] = field(default_factory=dict)

    def span_text(self, s: int, e: int) -> str:
        """The note's characters for the tokens [s, e)."""
        return self.text[self.starts[s] : self.ends[e - 1]]


@dataclass(slots=True)
class _Matches:
    """Stage 1's result: the matcher's hits sorted by kind, positions in tokens."""

    indicators: dict[str, list[Span]] = field(default_factory=dict)
    mentions: dict[str, list[Span]] = field(default_factory=dict)
    exclusions: dict[str, list[Span]] = field(default_factory=dict)
    cues: list[context.CueHit] = field(default_factory=list)
    pseudo: list[PseudoHit] = field(default_factory=list)
    terms: list[int] = field(default_factory=list)  # end every cue's scope
    other_terms: list[int] = field(default_factory=list)  # end other-person scopes
    time_terms: list[int] = field(default_factory=list)  # end a time cue's reach
    times: list[TimeHit] = field(default_factory=list)
    concept_hits: list[concepts.ConceptHit] = field(default_factory=list)
    denials: list[Span] = field(default_factory=list)


@dataclass
class _Candidate:
    """A possible finding (stage 3): an indicator over the tokens [start, end), found by
    its own patterns, by concepts meeting, or as a bare topic word; or implied (``via``)."""

    indicator: str
    start: int
    end: int
    via: str | None = None  # set for implied findings
    mention: bool = False  # a bare topic word: kept only when denied, doubted or someone else's
    combined: concepts.CombinedMatch | None = None  # found as concepts meeting in a sentence
    combined_literals: frozenset[str] = frozenset()  # the words those concepts spell


@dataclass(slots=True)
class _Decided:
    """A candidate with what stage 4 decided: its assertion, the cue that decided it,
    its time window and the time cue, and whether another finding implied it."""

    candidate: _Candidate
    assertion: str
    cue: context.CueHit | None
    window: str | None
    window_cue: str | None
    implied: bool


class Engine:
    """Holds the compiled rules; use :func:`get_engine` for the shared instance."""

    def __init__(self) -> None:
        """Build every rule into one matcher, in a fixed order (the order of a note's
        matches follows it): indicator patterns, cue rules, time rules, concepts."""
        self.nlp = spacy.blank("en")
        split = self._tokenizer_split()
        macros = load_macros()
        self.matcher = TokenPatternMatcher(macros, split)
        self.spec = load_indicators()
        for info in self.spec.values():
            info["concerns_t"] = tuple(info["concerns"])
        self.lexicon: dict[str, IndicatorLexicon] = load_lexicon()
        vocab_words = self._add_indicator_patterns(macros, split)
        ctx = read_json("context_rules.json")
        subjects = concepts.load_subjects()
        self._add_context_rules(ctx, subjects)
        time_rules = (
            read_json("time_rules.json")["rules"]
            + concepts.load_time_spans()
            + timewindow.load_grammar()
        )
        for r in time_rules:
            self._add(MatchKind.TIME, r["kind"], r["cue"])
        self._add_concepts(macros, split)
        # the compiled tables are kept beside the code, as Python keeps bytecode, and
        # rebuilt whenever a pattern, the code or the tokenizer's version changes
        self.matcher.compile_all(MATCHER_CACHE, salt=f"spacy {spacy.__version__}")
        entities.warm_up()
        self.fuzzy = fuzzy.FuzzyCorrector(
            vocab_words, [p for e in self.lexicon.values() for p in e.fuzzy_phrases]
        )
        # words the cue and time rules read are real words, never misspellings to fix:
        # without this "Easter" was "corrected" to a lexicon word ("eater") and lost its date
        cue_texts = [c for r in ctx["rules"] + subjects["rules"] for c in r["cue"]]
        cue_texts += subjects["denies_before"]
        cue_texts += [c for p in ctx["pseudo"] for c in p["cue"]]
        cue_texts += [c for pats in ctx["terminators"].values() for c in pats]
        cue_texts += [c for r in time_rules for c in r["cue"]]
        self.fuzzy.known |= _plain_words(cue_texts)
        # nor are the words concepts spell ("decides what she wears" was "corrected" to
        # "decide" and the concept lost), with the words of the @lists they use ("tenners")
        self.fuzzy.known |= _plain_words([p for c in self.concepts.values() for p in c.patterns])
        self.fuzzy.known |= {w for ws in self.concept_literals.values() for w in ws if w.isalpha()}

    def _tokenizer_split(self) -> Callable[[str], list[str]]:
        """How the tokenizer cuts a lexicon word ("cannot" -> can not), so a pattern word
        is matched as the tokens a note will hold; plain words that are no special case
        stay whole without asking the tokenizer."""
        split_cache: dict[str, list[str]] = {}
        specials = frozenset(getattr(self.nlp.tokenizer, "rules", None) or ())

        def split(word: str) -> list[str]:
            out = split_cache.get(word)
            if out is None:
                if word.isalpha() and word not in specials:
                    out = [word]
                else:
                    out = [t.text for t in self.nlp.make_doc(word)] or [word]
                split_cache[word] = out
            return out

        return split

    def _add(self, kind: MatchKind, rule: Any, patterns: list[str]) -> None:
        # the matcher validates the pattern language as it parses (LexiconError)
        self.matcher.add(RuleKey(kind, rule), patterns)

    def _add_indicator_patterns(
        self, macros: dict[str, list[str]], split: Callable[[str], list[str]]
    ) -> set[str]:
        """Each indicator's patterns, exclusions and bare topic words; returns the words
        they spell (the fuzzy corrector's vocabulary). Keeps each indicator's literals:
        a negation cue among them is part of the finding ("never let her have food"),
        elsewhere inside a match it denies it."""
        vocab_words: set[str] = set()
        self.literals: dict[str, frozenset[str]] = {}
        for ind_id, entry in self.lexicon.items():
            lits: set[str] = set()
            for p in entry.patterns:
                lits |= words_of_pattern(p, macros)
            self.literals[ind_id] = frozenset(w for x in lits for w in [x, *split(x)])
            vocab_words |= lits
        for ind_id, entry in self.lexicon.items():
            self._add(MatchKind.INDICATOR, ind_id, list(entry.patterns))
            if entry.exclude:
                self._add(MatchKind.EXCLUSION, ind_id, list(entry.exclude))
            if entry.mentions:
                self._add(MatchKind.MENTION, ind_id, list(entry.mentions))
        return vocab_words

    def _add_context_rules(self, ctx: dict[str, Any], subjects: dict[str, Any]) -> None:
        """Cue rules (context_rules.json and subjects.json), pseudo-cues, the child's
        denials of the sentence before, and terminators."""
        for r in ctx["rules"] + subjects["rules"]:
            self._add(MatchKind.CUE, context.CueRule.from_data(r), r["cue"])
        self.not_past = frozenset(ctx.get("not_past_words", ()))
        for p in ctx["pseudo"]:
            blocks = frozenset(map(context.Category, p["blocks"]))
            self._add(MatchKind.PSEUDO_CUE, blocks, p["cue"])
        self._add(MatchKind.DENIAL, None, subjects["denies_before"])
        self.child_pronouns: dict[str, frozenset[str]] = {
            k: frozenset(v) for k, v in subjects["child_pronouns"].items()
        }
        self.denial_rule = context.CueRule(
            context.Category.NEGATED, context.Direction.PREVIOUS_SENTENCE, scope=0
        )
        # who named people are, whose companions are named, the child's later denials
        self.named_words = named_people.NamedPeopleWords.from_data(subjects["named_people"])
        self.companions = context.Companions.from_data(subjects["someone_elses_companions"])
        denied_later = subjects["denied_later"]
        self.deny_words = frozenset(denied_later["deny_words"])
        self.child_subjects = frozenset(denied_later["child_subjects"])
        self.victim_labels = frozenset(denied_later["victim_labels"])
        self.denied_reach = int(denied_later["reach"])
        joined = subjects["denies_in_sentence"]
        self.denial_joiners = frozenset(joined["joiners"])
        self.denial_continuers = frozenset(joined["continuers"])
        self.denial_verbs = frozenset(joined["verbs"])
        self.denial_run_on = frozenset(joined["run_on_with"])
        scare = subjects["scare_quoted_company"]
        self.scare_quoted_for = frozenset(scare["indicators"])
        self.scare_quoted_words = frozenset(scare["words"])
        self.scare_quote_rule = context.CueRule(
            context.Category.HYPOTHETICAL, context.Direction.BIDIRECTIONAL, scope=0
        )
        for cat, pats in ctx["terminators"].items():
            self._add(MatchKind.TERMINATOR, cat, pats)

    def _add_concepts(
        self, macros: dict[str, list[str]], split: Callable[[str], list[str]]
    ) -> None:
        """Concept classes and the combinations they make (data/en/concepts.json,
        combinations.json). A negation a concept spells ("wouldn't let her leave") is
        part of the finding, as for an indicator's own literals."""
        self.concepts = concepts.load_concepts()
        self.combinations = concepts.load_combinations()
        self.explained_by = concepts.load_explained_by()
        self.explained_in_sentence = concepts.load_explained_in_sentence()
        self.explaining: frozenset[str] = frozenset().union(
            *self.explained_by.values(), *self.explained_in_sentence.values()
        )
        self.concept_literals: dict[str, frozenset[str]] = {}
        for name, concept in self.concepts.items():
            self._add(MatchKind.CONCEPT, name, list(concept.patterns))
            lits = set().union(*(words_of_pattern(p, macros) for p in concept.patterns))
            self.concept_literals[name] = frozenset(w for x in lits for w in [x, *split(x)])

    # ------------------------------------------------------------------ analysis
    def analyse(
        self,
        text: str,
        interview_date: dt.date | str | None = None,
        child: timewindow.ChildAge | None = None,
    ) -> Analysis:
        """Find indicator mentions and entities in one note (``child``: what the case
        knows of the child's age, for "when she was 13" and "in Year 8")."""
        today = timewindow.parse_date(interview_date)
        doc = self.nlp.make_doc(text)
        # one C-level export instead of creating a Token object per token; the columns
        # become lists in numpy, not in a Python loop per token
        arr = doc.to_array([IDX, LENGTH])
        starts = arr[:, 0].tolist()
        ends = (arr[:, 0] + arr[:, 1]).tolist()
        low = text.lower()
        if len(low) != len(text):  # rare Unicode whose lower case changes length
            low = "".join(c.lower()[:1] or c for c in text)
        words = [low[a:b] for a, b in zip(starts, ends, strict=True)]
        if "\n" in text or "  " in text:
            words = [_word(w) for w in words]
        if not SHORTHAND_KEYS.isdisjoint(words):
            # text-speak for function words ("wiv", "cuz", "nuffin") is matched as the word
            words = _read_shorthand(words)
        corrected: dict[int, Correction] = {}
        raw_words = words  # entity gates look at what was written, not at spelling fixes
        fixes = self.fuzzy.corrections(words)
        if fixes:
            starts, ends, words, corrected = self._corrected_tokens(doc, starts, ends, fixes)
            if not SHORTHAND_KEYS.isdisjoint(words):
                words = _read_shorthand(words)
        if not QUOTES.isdisjoint(words):
            # quote marks around a child's words ("'trapping' in Plymouth") are not words
            keep = [i for i, w in enumerate(words) if w not in QUOTES]
            words = [words[i] for i in keep]
            starts = [starts[i] for i in keep]
            ends = [ends[i] for i in keep]
            corrected = {j: corrected[i] for j, i in enumerate(keep) if i in corrected}
        ents = entities.find_entities(text, set(raw_words))
        note = _Note(text, words, starts, ends, corrected, today, child)
        note.names = [e.text for e in ents if e.type == "PERSON"]
        findings = self._suggest(note)
        return Analysis(text=text, findings=findings, entities=ents)

    @staticmethod
    def _corrected_tokens(
        doc: Doc,
        starts: list[int],
        ends: list[int],
        fixes: dict[int, tuple[list[str], str, float]],
    ) -> tuple[list[int], list[int], list[str], dict[int, Correction]]:
        """The tokens with spelling fixes put in (a joined word may become two tokens,
        both pointing at the written word's characters), and which tokens were fixed."""
        new_words: list[str] = []
        n_starts: list[int] = []
        n_ends: list[int] = []
        corrected: dict[int, Correction] = {}
        for i, tok in enumerate(doc):
            if i in fixes:
                repl, target, score = fixes[i]
                for w in repl:
                    corrected[len(new_words)] = Correction(tok.text, target, score)
                    new_words.append(w)
                    n_starts.append(starts[i])
                    n_ends.append(ends[i])
            else:
                new_words.append(tok.text)
                n_starts.append(starts[i])
                n_ends.append(ends[i])
        return n_starts, n_ends, [_word(w.lower()) for w in new_words], corrected

    def _suggest(self, note: _Note) -> list[Finding]:
        """The stages from the matcher's hits to the suggestions (module docstring)."""
        note.breaks = _sentence_ends(note.words)
        matches = self._sort_matches(note)
        if not matches.indicators and not matches.mentions and len(matches.concept_hits) < 2:
            return []  # nothing to suggest: most keystrokes end here
        cues = self._cues_that_count(matches.cues, matches.pseudo, note)
        if note.names:
            # named people who are not the child: their acts are someone else's
            named, note.child_name = named_people.other_person_cues(
                note.text, note.words, note.starts, note.ends, note.names,
                set(note.breaks), self.named_words, matches.times,
            )
            cues = cues + named
        times = _longest_times(matches.times)
        joins = frozenset[int]()
        if len(matches.concept_hits) >= 2:
            joins = self._sentence_joins(note.words, note.breaks)
        candidates = self._match_candidates(matches, note.breaks, joins, note.words)
        decided = self._decide(candidates, cues, times, matches, note)
        if matches.denials and note.breaks:
            decided = self._denied_after(decided, matches.denials, note)
        if note.breaks and any(d.assertion == NEGATED for d in decided):
            decided = self._denied_later(decided, note)
        if any(d.candidate.indicator in self.companions.indicators for d in decided):
            decided = self._someone_elses_companions(decided, note)
        if any(d.candidate.indicator in self.scare_quoted_for for d in decided):
            decided = self._scare_quoted(decided, note)
        shown = self._merge_and_rank(decided, note)
        return [self._build_finding(note, d, unsure) for d, unsure in shown]

    def _sort_matches(self, note: _Note) -> _Matches:
        """Stage 1: one matcher call over the note; its hits sorted by kind. Cues keep
        their words and the word after them, which the later tests read."""
        words, n = note.words, len(note.words)
        m = _Matches()
        for (kind, rule), s, e in self.matcher(words):
            if kind is _INDICATOR:
                m.indicators.setdefault(rule, []).append(Span(s, e))
            elif kind is _DENIAL:
                m.denials.append(Span(s, e))
            elif kind is _CONCEPT:
                m.concept_hits.append(concepts.ConceptHit(rule, s, e))
            elif kind is _CUE:
                m.cues.append(
                    context.CueHit(
                        rule,
                        s,
                        e,
                        note.span_text(s, e),
                        tuple(words[s:e]),
                        words[e] if e < n else "",
                    )
                )
            elif kind is _TERMINATOR:
                if rule == TERMINATES_ALL:
                    m.terms.append(s)
                elif rule == TERMINATES_OTHER_PERSON:
                    m.other_terms.append(s)
                else:
                    m.time_terms.append(s)
            elif kind is _TIME:
                m.times.append(TimeHit(s, e, rule))
            elif kind is _PSEUDO_CUE:
                m.pseudo.append(PseudoHit(s, e, rule))
            elif kind is _MENTION:
                m.mentions.setdefault(rule, []).append(Span(s, e))
            else:  # _EXCLUSION
                m.exclusions.setdefault(rule, []).append(Span(s, e))
        m.terms.sort()
        if m.terms:
            m.terms = context.apposition_closes(words, note.text, note.starts, m.terms)
        m.other_terms.sort()
        m.time_terms.sort()
        return m

    @staticmethod
    def _cues_that_count(
        cues: list[context.CueHit], pseudo: list[PseudoHit], note: _Note
    ) -> list[context.CueHit]:
        """Stage 2: the cues that can govern a finding. A pseudo-cue cancels the cues of
        the categories it blocks where they overlap ("not only" is no denial); a cue
        anchored at a clause start counts only there (the clause's subject: "her
        brother was arrested", not "he hit her brother"); a cue that needs a given next
        word ("she said no.") counts only before it."""
        words, n = note.words, len(note.words)
        if pseudo and cues:
            kept_cues = []
            for c in cues:
                cs, ce, cat = c.start, c.end, c.rule.category
                for ps, pe, blk in pseudo:
                    if ps < ce and cs < pe and cat in blk:
                        break
                else:
                    kept_cues.append(c)
            cues = kept_cues
        breaks_set = set(note.breaks)
        return [
            c
            for c in cues
            if (
                c.rule.anchor != _CLAUSE_START
                or context.is_clause_start(words, c.start, breaks_set)
            )
            and (c.rule.followed_by is None or c.end >= n or words[c.end] in c.rule.followed_by)
        ]

    def _match_candidates(
        self,
        m: _Matches,
        breaks: list[int],
        joins: frozenset[int] = frozenset(),
        words: list[str] | None = None,
    ) -> list[_Candidate]:
        """Stage 3: the candidate findings, sorted by position. An indicator's own
        matches first (the longest of overlapping ones, none that an exclusion overlaps
        or that reaches across a sentence end); then concepts meeting in a sentence
        where its own patterns found nothing; then bare topic words where neither did."""
        spans: list[_Candidate] = []
        for ind, lst in m.indicators.items():
            ex = m.exclusions.get(ind, ())
            lst.sort(key=lambda se: (se[0], -(se[1] - se[0])))
            last_end = -1
            for s, e in lst:
                if s < last_end:
                    continue
                if any(xs < e and s < xe for xs, xe in ex):
                    continue
                if context.has_between(breaks, s, e - 1):
                    continue  # a wildcard must not reach across a sentence end
                last_end = e
                spans.append(_Candidate(ind, s, e))
        if len(m.concept_hits) >= 2:
            spans.extend(
                self._combined(
                    m.concept_hits, spans, breaks, m.terms, m.exclusions, joins, words
                )
            )
        for ind, lst in m.mentions.items():
            taken = [(f.start, f.end) for f in spans if f.indicator == ind]
            ex = m.exclusions.get(ind, ())
            for s, e in sorted(lst):
                if any(a < e and s < b for a, b in taken) or any(a < e and s < b for a, b in ex):
                    continue
                taken.append((s, e))
                spans.append(_Candidate(ind, s, e, mention=True))
        spans.sort(key=lambda f: (f.start, f.indicator))
        return spans

    def _decide(
        self,
        spans: list[_Candidate],
        cues: list[context.CueHit],
        times: list[TimeHit],
        m: _Matches,
        note: _Note,
    ) -> list[_Decided]:
        """Stage 4: for each candidate, who and whether (the subject and cues of its own
        sentence decide its assertion), when (the nearest time cue decides its window),
        and what follows from it: a present finding adds the indicators it implies, and
        a friend's or sibling's finding adds what it means for the child (peer_implies).
        A bare topic word that nothing denies, doubts or gives to someone else is dropped."""
        words, breaks = note.words, note.breaks
        derived: list[_Decided] = []
        quotes: tuple[tuple[int, int], ...] = ()
        if not QUOTE_CHARS.isdisjoint(note.text):
            # a quotation's end ends the reach of a cue inside it
            quotes = context.quote_closes(note.text, note.starts, note.ends, words, QUOTE_CHARS)
        scopes = context.Scopes(breaks, m.terms, m.other_terms, quotes)
        child_objects = self._child_objects(words) if cues else None
        # "him" in a note about a girl (and "her" about a boy) is someone else
        pronoun = self._child_pronoun(words) or ""
        not_child = NOT_THE_CHILD.get(pronoun, frozenset())
        not_child_or_own = NOT_THE_CHILD_OR_OWN.get(pronoun, REFLEXIVES)
        # a cue's scope never crosses a sentence break: offer each finding only the cues
        # of its own sentence (long pasted notes would otherwise cost findings x cues)
        by_sentence: dict[int, list[context.CueHit]] = {}
        if breaks:
            for c in cues:
                a, b = bisect_left(breaks, c.start), bisect_left(breaks, c.end - 1)
                by_sentence.setdefault(a, []).append(c)
                if b != a:
                    by_sentence.setdefault(b, []).append(c)
        for f in spans:
            if breaks:
                sid = bisect_left(breaks, f.start)
                f_cues = by_sentence.get(sid, [])
                eid = bisect_left(breaks, f.end - 1)
                if eid != sid:
                    # concepts met over two sentences: the cues of both decide
                    f_cues = [c for k in range(sid, eid + 1) for c in by_sentence.get(k, [])]
            else:
                f_cues = cues
            assertion, cue = self._decide_assertion(
                f, f_cues, scopes, words, child_objects, not_child, not_child_or_own
            )
            if f.mention and assertion == PRESENT:
                continue
            window = wcue = None
            if assertion == PRESENT:
                window, wcue = self._decide_window(f.start, f.end, times, m.time_terms, note)
            derived.append(_Decided(f, assertion, cue, window, wcue, False))
            derived += self._implied(f, assertion, cue, window, wcue, times, m.time_terms, note)
        return derived

    def _decide_assertion(
        self,
        f: _Candidate,
        cues: list[context.CueHit],
        scopes: context.Scopes,
        words: list[str],
        child_objects: list[int] | None = None,
        not_child: frozenset[str] = frozenset(),
        not_child_or_own: frozenset[str] = REFLEXIVES,
    ) -> tuple[str, context.CueHit | None]:
        """Stage 4, who and whether: the cues of the candidate's sentence decide whether
        it is the child's (present), denied, doubted or someone else's. The words its
        own patterns (or concepts) spell are part of it, not cues on it; the child as the
        match's object keeps an other-person subject from taking it away."""
        return context.decide(
            self.lexicon[f.indicator],
            f.start,
            f.end,
            cues,
            self.literals[f.indicator] if f.combined is None else f.combined_literals,
            scopes,
            self._child_in_span(words, f.start, f.end, not_child),
            words[f.start],
            child_objects,
            self._child_in_span(words, f.start, f.end, not_child_or_own),
        )

    def _implied(
        self,
        f: _Candidate,
        assertion: str,
        cue: context.CueHit | None,
        window: str | None,
        wcue: str | None,
        times: list[TimeHit],
        time_terms: list[int],
        note: _Note,
    ) -> list[_Decided]:
        """Stage 4, what follows: a present finding brings the indicators it implies
        (same assertion, cue and window); a friend's or sibling's finding (an
        other-person cue of kind peer) brings what it means for the child, as present
        (``peer_implies``: a friend exploited puts the child among exploited peers)."""
        entry = self.lexicon[f.indicator]
        out: list[_Decided] = []
        if assertion == PRESENT:
            for other in entry.implies:
                implied = _Candidate(other, f.start, f.end, via=f.indicator)
                out.append(_Decided(implied, assertion, cue, window, wcue, True))
        if (
            assertion == OTHER_PERSON
            and cue is not None
            and cue.rule.kind == _PEER
            and not f.mention
            and entry.peer_implies
        ):
            pw, pwc = self._decide_window(f.start, f.end, times, time_terms, note)
            for other in entry.peer_implies:
                implied = _Candidate(other, f.start, f.end, via=f.indicator)
                out.append(_Decided(implied, PRESENT, cue, pw, pwc, True))
        return out

    def _merge_and_rank(
        self, derived: list[_Decided], note: _Note
    ) -> list[tuple[_Decided, bool]]:
        """Stage 6: what is shown, in order, with whether the child is unsure of it. A
        finding a more telling one explains goes (``explained_by``); an implied finding
        yields to the same indicator found outright (with that assertion, or present);
        the same indicator on the same words is shown once."""
        explicit = {
            (d.candidate.indicator, d.assertion) for d in derived if d.candidate.via is None
        }
        if self.explaining:
            derived = self._drop_explained(derived, note.breaks)
        seen: set[tuple[str, int, int]] = set()
        out: list[tuple[_Decided, bool]] = []
        for d in derived:
            f = d.candidate
            if d.implied and (
                (f.indicator, d.assertion) in explicit or (f.indicator, PRESENT) in explicit
            ):
                continue
            k = (f.indicator, f.start, f.end)
            if k in seen:
                continue
            seen.add(k)
            unsure = context.is_unsure(
                d.assertion, d.cue, note.words, f.start, f.end, self.not_past
            )
            out.append((d, unsure))
        return out

    def _combined(
        self,
        hits: list[concepts.ConceptHit],
        spans: list[_Candidate],
        breaks: list[int],
        terms: list[int],
        excl: dict[str, list[Span]],
        joins: frozenset[int] = frozenset(),
        words: list[str] | None = None,
    ) -> list[_Candidate]:
        """Suggestions from concepts meeting in a sentence (or two joined sentences)
        where the indicator's own patterns found nothing there (and none of its
        exclusions overlaps)."""
        hits.sort(key=lambda h: (h.start, -h.end))
        sentence_of = {(f.indicator, bisect_left(breaks, f.start)) for f in spans}
        out: list[_Candidate] = []
        for m in concepts.combine(hits, self.combinations, breaks, terms, joins):
            key = (m.indicator, bisect_left(breaks, m.start))
            if key in sentence_of or (m.indicator, bisect_left(breaks, m.end - 1)) in sentence_of:
                continue
            if any(xs < m.end and m.start < xe for xs, xe in excl.get(m.indicator, ())):
                continue
            sentence_of.add(key)
            lits = frozenset().union(*(self.concept_literals[p.concept] for p in m.parts))
            # only the words the concepts spell inside the evidence are part of it: "his
            # mate Ollie" before "got took to Grimsby by older boys" is still a cue on it
            if words is not None:
                lits = lits & frozenset(words[m.start : m.end])
            out.append(_Candidate(m.indicator, m.start, m.end, combined=m, combined_literals=lits))
        return out

    def _denied_after(
        self, derived: list[_Decided], denials: list[Span], note: _Note
    ) -> list[_Decided]:
        """Stage 5: a short sentence in which the child denies what the sentence before
        said ("He denies it.") denies that sentence's findings; what follows from them
        goes too. So does the child's denial joined to the sentence it denies ("Mum thinks
        he is being used to run drugs but Kai denies it"): it denies what comes before it
        in that sentence. The denial may run on ("He denies it and turned out his
        pockets"). Only the child denies: the words before the denying verb name the
        child (pronoun, name, "YP") or nobody."""
        words, breaks = note.words, note.breaks
        child = self._child_pronoun(words)
        allowed = self._child_subject_words(child, note.child_name)
        joiners, continuers = self.denial_joiners, self.denial_continuers
        denied: dict[int, context.CueHit] = {}
        denied_before: dict[int, tuple[int, context.CueHit]] = {}  # in its own sentence
        for s, e in denials:
            k = bisect_left(breaks, s)
            starts_sentence = s == 0 or (k > 0 and breaks[k - 1] == s - 1)
            joined = not starts_sentence and (words[s] in joiners or words[s - 1] in joiners)
            ends_sentence = k < len(breaks) and breaks[k] <= e
            # only an outright denial runs on ("He denies it and ..."), not "said nothing
            # happened and ..." (which may be of the night only, not of what was before)
            runs_on = (
                e < len(words)
                and words[e] in continuers
                and not self.denial_run_on.isdisjoint(words[s:e])
            )
            if not ((starts_sentence or joined) and (ends_sentence or runs_on)):
                continue
            said = [w for w in words[s:e] if w in SUBJECT_PRONOUNS]
            if said and child is not None and said[0] != child:
                continue  # someone else denies it ("Her boyfriend hit her. He denies it.")
            verb = next((i for i in range(s, e) if words[i] in self.denial_verbs), e)
            if not all(w in allowed or w in joiners for w in words[s:verb]):
                continue  # "but mum denies it", "Her dad disputes this"
            cue_text = note.span_text(s, e)
            hit = context.CueHit(self.denial_rule, s, e, cue_text, tuple(words[s:e]))
            if joined:
                denied_before[k] = (s, hit)
            elif k > 0:
                denied[k - 1] = hit
        if not denied and not denied_before:
            return derived
        out = []
        for d in derived:
            f = d.candidate
            # the sentence a finding ends in: a finding told across two sentences is
            # denied by what follows its second
            k = bisect_left(breaks, f.end - 1)
            denial = denied.get(k)
            if denial is None and k in denied_before and f.end <= denied_before[k][0]:
                denial = denied_before[k][1]
            if denial is not None and d.assertion in (PRESENT, HYPOTHETICAL):
                if d.implied:
                    continue
                out.append(_Decided(f, NEGATED, denial, None, None, d.implied))
            else:
                out.append(d)
        return out

    def _child_subject_words(self, pronoun: str | None, child_name: str | None) -> set[str]:
        """Words that may stand before a verb the child says or denies with: the child's
        subjects ("YP", "later", "she" when the note is about a girl) and name."""
        allowed = set(self.child_subjects) | set((child_name or "").split())
        if pronoun is not None:
            allowed -= self.child_pronouns["she"] | self.child_pronouns["he"]
            allowed |= self.child_pronouns[pronoun]
        return allowed

    def _denied_later(self, derived: list[_Decided], note: _Note) -> list[_Decided]:
        """Stage 5b: the child's own denial of an indicator in a later sentence
        ("Outreach saw her talking to men in cars. She denied getting into any of the
        cars.") denies what the earlier sentences suggested of it: the note's last
        account stands, so a present finding after the denial (a later admission) keeps
        them all present. A child who denies the name for what happened ("denies being
        groomed", "isn't a victim") while the note tells it does not undo what it tells."""
        words, breaks = note.words, note.breaks
        last_denial: dict[str, tuple[int, context.CueHit]] = {}
        last_present: dict[str, int] = {}
        for d in derived:
            f, cue = d.candidate, d.cue
            if d.implied:
                continue
            k = bisect_left(breaks, f.start)
            if d.assertion == PRESENT:
                last_present[f.indicator] = max(last_present.get(f.indicator, -1), k)
            elif (
                d.assertion == NEGATED
                and cue is not None
                and not self.deny_words.isdisjoint(cue.words)
                # what is denied comes right after the denial ("denied getting into the car")
                and 0 <= f.start - cue.end <= self.denied_reach
                # denying a name for it ("denies being groomed") leaves the facts told
                and self.victim_labels.isdisjoint(words[f.start : f.end])
                and self._said_by_child(words, breaks, cue.start, note.child_name)
                and k >= last_denial.get(f.indicator, (-1, cue))[0]
            ):
                last_denial[f.indicator] = (k, cue)
        denied = {
            ind: hit
            for ind, hit in last_denial.items()
            if ind in last_present and last_present[ind] < hit[0]
        }
        if not denied:
            return derived
        out = []
        for d in derived:
            f = d.candidate
            hit = denied.get(f.via or f.indicator)
            if hit is not None and d.assertion == PRESENT and bisect_left(breaks, f.start) < hit[0]:
                if d.implied:
                    continue
                out.append(_Decided(f, NEGATED, hit[1], None, None, d.implied))
            else:
                out.append(d)
        return out

    def _someone_elses_companions(self, derived: list[_Decided], note: _Note) -> list[_Decided]:
        """Stage 5c: friends named by the other pronoun are someone else's ("he drove her
        to his mate's" in a note about a girl): being with them is not staying out with
        friends."""
        words = note.words
        child = self._child_pronoun(words)
        if child is None:
            return derived
        other = self.companions.other_possessive[child]
        out = []
        for d in derived:
            f = d.candidate
            if d.assertion == PRESENT and f.indicator in self.companions.indicators:
                at = self.companions.owner(words, f.start, f.end, other)
                if at is not None:
                    cue = context.CueHit(
                        self.companions.rule, at[0], at[1], note.span_text(at[0], at[1]),
                        tuple(words[at[0] : at[1]]),
                    )
                    out.append(_Decided(f, OTHER_PERSON, cue, None, None, d.implied))
                    continue
            out.append(d)
        return out

    def _scare_quoted(self, derived: list[_Decided], note: _Note) -> list[_Decided]:
        """Stage 5d: company the note puts in quote marks ("she went with 'friends'",
        "the house belongs to 'mates'") is the child's word for it, which the worker
        doubts: a cover story, not staying out with friends (a possibility to explore)."""
        text, words = note.text, note.words
        out = []
        for d in derived:
            f = d.candidate
            if d.assertion == PRESENT and f.indicator in self.scare_quoted_for:
                for i in range(f.start, f.end):
                    if words[i] in self.scare_quoted_words and _quoted(text, note, i):
                        cue = context.CueHit(
                            self.scare_quote_rule, i, i + 1, note.span_text(i, i + 1),
                            (words[i],),
                        )
                        d = _Decided(f, HYPOTHETICAL, cue, None, None, d.implied)
                        break
            out.append(d)
        return out

    def _said_by_child(
        self, words: list[str], breaks: list[int], at: int, child_name: str | None
    ) -> bool:
        """Whether the words from the sentence's start to ``at`` name only the child as
        the one speaking ("She denied", "YP later denies", "Denies ...", "Kian denies")."""
        k = bisect_left(breaks, at)
        start = breaks[k - 1] + 1 if k > 0 else 0
        pronoun = self._child_pronoun(words)
        allowed = self._child_subject_words(pronoun, child_name)
        return all(w in allowed for w in words[start:at])

    def _sentence_joins(self, words: list[str], breaks: list[int]) -> frozenset[int]:
        """The sentences that go on with the one before (their index in ``breaks``
        order): they open with a word of ``sentence_continues``, and an opening "he" or
        "she" is the child's pronoun, so "He was taken to Northtown. He stayed in a
        flat there selling" is one account but "She went to Northtown. He sells there"
        is not."""
        if not breaks:
            return frozenset()
        child = self._child_pronoun(words)
        out = []
        for k, b in enumerate(breaks, 1):
            at = b + 1
            while at < len(words) and words[at] in ("-", "\n", "*", "•"):
                at += 1
            if at >= len(words) or words[at] not in SENTENCE_CONTINUES:
                continue
            w = words[at]
            if child is not None and w in SUBJECT_PRONOUNS and w not in self.child_pronouns[child]:
                continue
            out.append(k)
        return frozenset(out)

    def _child_pronoun(self, words: list[str]) -> str | None:
        """The child's pronoun: the first third-person pronoun the note uses (notes are
        about the child), or None when it uses none."""
        for w in words:
            for key, forms in self.child_pronouns.items():
                if w in forms:
                    return key
        return None

    def _drop_explained(self, derived: list[_Decided], breaks: list[int]) -> list[_Decided]:
        """Drop a present suggestion whose words a more telling one explains, or that a
        present suggestion in its sentence explains (data: ``explained_by`` and
        ``explained_in_sentence`` in combinations.json)."""
        # only the few findings that explain others are compared (not every pair)
        present = [
            (d.candidate.indicator, d.candidate.start, d.candidate.end)
            for d in derived
            if d.assertion == PRESENT and d.candidate.indicator in self.explaining
        ]
        if not present:
            return derived
        out = []
        for d in derived:
            f = d.candidate
            better = self.explained_by.get(f.indicator)
            if (
                better
                and d.assertion == PRESENT
                and any(i in better and s < f.end and f.start < e for i, s, e in present)
            ):
                continue
            in_sentence = self.explained_in_sentence.get(f.indicator)
            if in_sentence and d.assertion == PRESENT:
                k = bisect_left(breaks, f.start)
                if any(i in in_sentence and bisect_left(breaks, s) == k for i, s, _ in present):
                    continue
            out.append(d)
        return out

    def _child_objects(self, words: list[str]) -> list[int]:
        """Where the child is the object of a verb ("arranged for her to", "took him to"):
        "him" or "me" (not in a note about a girl), or "her" as an object (not in a note
        about a boy); reflexives are left out, since "herself" is the subject's own."""
        child = self._child_pronoun(words)
        out = []
        for i, w in enumerate(words):
            if w == "me" or (w == "him" and child != "she"):
                out.append(i)
            elif w == "her" and child != "he" and (
                i + 1 >= len(words)
                or words[i + 1] in CHILD_OBJECT_NEXT
                or (i > 0 and words[i - 1] in OBJECT_VERBS)
            ):
                out.append(i)
        return out

    @staticmethod
    def _child_in_span(
        words: list[str], s: int, e: int, not_child: frozenset[str] = frozenset()
    ) -> bool:
        """Whether the child is in the match or is its object: the word right after the
        match counts too ("The girls in her class bullied her" is about the child).
        ``not_child``: pronouns that are not the child here ("him" in a note about a girl,
        a reflexive after another person's subject: "Her sister cuts herself")."""
        for i in range(s, min(e + 1, len(words))):
            w = words[i]
            if w in not_child:
                continue
            if w in CHILD_OBJECT_PRONOUNS:
                return True
            if w in OBJECT_OR_POSSESSIVE and (
                i + 1 >= len(words)
                or words[i + 1] in CHILD_OBJECT_NEXT
                or (i > 0 and words[i - 1] in OBJECT_VERBS)
            ):
                return True
        return False

    def _decide_window(
        self, s: int, e: int, times: list[TimeHit], time_terms: list[int], note: _Note
    ) -> tuple[str, str | None]:
        """Stage 4, when: the window of the time cue nearest the finding in its sentence,
        or recent when there is none. Words that only look like time ("she told me
        today", "he's now in Year 10", "was used to") never date a finding; "ever since"
        counts where no other time is in reach or in the finding's own clause; "for
        months after that" takes the window of the time it hangs on; a time only guessed
        ("in Year 9" with no year now) gives way to one told outright beside it; a past
        story with no time of its own takes the date of the sentence before."""
        words, breaks = note.words, note.breaks
        told_when = {i for t in times if t.kind == "not_time" for i in range(t.start, t.end)}
        times = [t for t in times if t.kind != "not_time"]
        others = [t for t in times if t.kind != "since_then"]
        best = self._nearest_time(s, e, others, breaks, time_terms)
        since = self._nearest_time(
            s, e, [t for t in times if t.kind == "since_then"], breaks, time_terms
        )
        # "Dad left when she was 10 and mum has been drinking ever since": the drinking goes
        # on; "He was excluded in Year 7 and has been at home ever since" still dates the
        # exclusion by Year 7 (the other time is in its own clause)
        if since is not None and (
            best is None
            or (_clause_between(words, best, s, e) and not _clause_between(words, since, s, e))
        ):
            best = since
        earlier = False
        if best is None and self._told_in_past(words, s, e):
            best = self._told_before(s, times, breaks, words, told_when)
            earlier = best is not None
        if best is None:
            return timewindow.RECENT, None
        _, ts, te, kind = best
        cue_text = note.span_text(ts, te)
        if timewindow.is_guess(kind, cue_text, note.text, note.child):
            # "Last March, when she was in Year 9": the month is told, the year only guessed
            told = [
                t
                for t in others
                if t.kind not in (kind, *UNDATED_KINDS)
                and not timewindow.is_guess(
                    t.kind, note.span_text(t.start, t.end), note.text, note.child
                )
            ]
            alt = self._nearest_time(s, e, told, breaks, time_terms)
            if alt is not None:
                _, ts, te, kind = alt
                cue_text = note.span_text(ts, te)
        if kind == "since_then":
            return timewindow.RECENT, cue_text
        relative = timewindow.relative_to_story(kind, cue_text)
        if kind == "after_that" or relative:
            # a span hung on an earlier time ("For months after that"), or a season or a
            # count told from it ("That summer", "A year earlier"): that time's window
            before = [
                t
                for t in times
                if t.end <= ts
                and t.kind not in ("after_that", "since_then")
                and (not relative or t.kind not in UNDATED_KINDS)
            ]
            if before:
                _, bs, be, bkind = max((t.end, *t) for t in before)
                then = note.span_text(bs, be)
                window = timewindow.resolve(bkind, then, note.today, note.text, note.child)
                if relative == "earlier":  # earlier than the story's time: the older one
                    own = timewindow.resolve(kind, cue_text, note.today, note.text, note.child)
                    window = timewindow.older(window, own)
                return window, then + " … " + cue_text
            if kind == "after_that":
                return timewindow.RECENT, cue_text
        basis = timewindow.basis(kind, cue_text, note.text, note.child, earlier)
        if basis:
            note.time_basis[s, e] = basis
        return (
            timewindow.resolve(kind, cue_text, note.today, note=note.text, child=note.child),
            cue_text,
        )

    @staticmethod
    def _told_before(
        s: int,
        times: list[TimeHit],
        breaks: list[int],
        words: list[str],
        told_when: set[int],
    ) -> tuple[int, int, int, str] | None:
        """A finding told in the past tense with no time of its own, right after a
        sentence that dates what it tells ("He came to the UK in 2024 and was kept in a
        house. He was beaten when he asked to leave."), is part of that story: the last
        date of the sentence before. A word of the present ("now", "is", "still") or of
        the current episode ("this time") in the finding's sentence keeps it recent."""
        k = bisect_left(breaks, s)
        # the story goes back through sentences that go on with it, undated, to the one
        # that dates it ("Two years ago she met a man. He bought her clothes. She was
        # drinking with him."); a few sentences at most, as a note turns to the present
        for _ in range(STORY_REACH):
            if k == 0:
                return None
            lo = breaks[k - 2] + 1 if k > 1 else 0
            hi = breaks[k - 1]
            end = breaks[k] if k < len(breaks) else len(words)
            if hi + 1 >= len(words) or words[hi + 1] not in STORY_GOES_ON:
                return None  # a sentence opening with a name or a noun starts a new topic
            if any(
                words[i] in PRESENT_WORDS and i not in told_when
                for i in range(hi + 1, min(end + 1, len(words)))
            ):
                return None  # ("She told me today ..." says when it was told, not when it was)
            dated = [
                t for t in times if lo <= t[0] and t[1] <= hi + 1 and t[2] not in UNDATED_KINDS
            ]
            if dated:
                ts, te, kind = max(dated)
                return (s - te, ts, te, kind)
            if any(t[2] in UNDATED_KINDS for t in times if lo <= t[0] and t[1] <= hi + 1):
                return None  # the sentence before is told as now or as a span of its own
            k -= 1
        return None

    @staticmethod
    def _told_in_past(words: list[str], s: int, e: int) -> bool:
        """Whether the finding's own words (or the few before them) are in the past
        tense: "was beaten", "took it back", "owed"; "drinks", "hates herself" are not."""
        return any(
            w in PAST_WORDS or (len(w) > 4 and w.endswith("ed") and w not in NOT_PAST_ED)
            for w in words[max(0, s - PAST_REACH) : e]
        )

    @staticmethod
    def _nearest_time(
        s: int,
        e: int,
        times: list[TimeHit],
        breaks: list[int],
        time_terms: list[int],
    ) -> tuple[int, int, int, str] | None:
        """The time cue nearest the finding that no sentence end or time terminator
        separates from it (a cue before the finding wins a tie)."""
        best: tuple[int, int, int, str] | None = None
        for ts, te, kind in times:
            if te <= s:
                lo, hi, dist = te, s, s - te
            elif ts >= e:
                lo, hi, dist = e, ts, ts - e + 1  # prefer a cue before the finding on a tie
            else:
                lo = hi = dist = 0
            if hi > lo and (
                context.has_between(breaks, lo, hi) or context.has_between(time_terms, lo, hi)
            ):
                continue
            if best is None or dist < best[0]:
                best = (dist, ts, te, kind)
        return best

    def _build_finding(self, note: _Note, d: _Decided, unsure: bool) -> Finding:
        """Stage 7: the suggestion as shown, with its evidence (the note's own words for
        the span) and the reason: what the notes say, any spelling fixed, what implied
        it, why it is not offered as a tick, and when it is counted."""
        f, assertion, cue, window, wcue = d.candidate, d.assertion, d.cue, d.window, d.window_cue
        text, corrected = note.text, note.corrected
        cs, ce = note.starts[f.start], note.ends[f.end - 1]
        evidence = text[cs:ce]
        info = self.spec[f.indicator]
        fixes = [corrected[i] for i in range(f.start, f.end) if i in corrected] if corrected else ()
        across = f.combined is not None and bisect_left(note.breaks, f.start) < bisect_left(
            note.breaks, f.end - 1
        )
        reason = reasons.evidence(evidence, f.combined, self.concepts, text, note.starts,
                                  note.ends, across)
        if fixes:
            match, score = "fuzzy", min(fx.score for fx in fixes)
            uniq = list(dict.fromkeys((fx.written, fx.target) for fx in fixes))
            reason += " " + reasons.spelling(uniq)
        elif f.combined is not None:
            match, score = "combined", 100.0
        else:
            match, score = "exact", 100.0
        if f.via:
            reason += " " + reasons.implied(self.spec[f.via]["label"])
        if assertion != PRESENT and cue is not None:
            reason += " " + reasons.not_offered(assertion, cue.text)
        elif assertion == PRESENT and cue is not None and f.via:
            reason += " " + reasons.peer(cue.text)
        if assertion == PRESENT:
            reason += " " + reasons.timing(window, wcue, note.time_basis.get((f.start, f.end)))
        return Finding.build(
            indicator=f.indicator,
            label=info["label"],
            concerns=info["concerns_t"],
            assertion=assertion,
            window=window if assertion == PRESENT else None,
            evidence=evidence,
            start=cs,
            end=ce,
            cue=cue.text if cue is not None else None,
            window_cue=wcue if assertion == PRESENT else None,
            reason=reason,
            match=match,
            score=float(score),
            unsure=unsure,
        )


def _quoted(text: str, note: _Note, i: int) -> bool:
    """Whether the word at token i stands in quote marks of its own ('friends')."""
    a, b = note.starts[i], note.ends[i]
    if a == 0 or b >= len(text) or text[a - 1] not in QUOTE_CHARS:
        return False
    return text[b] in QUOTE_CHARS or text[b : b + 3] in ("'s'", "s'")


def _sentence_ends(words: list[str]) -> list[int]:
    """The tokens that end a sentence (a full stop, !, ? or a line break; "Mr." is none)."""
    return [i for i, w in enumerate(words) if w[-1:] in ".!?\n" and w not in ABBREVIATIONS]


def _longest_times(times: list[TimeHit]) -> list[TimeHit]:
    """Of overlapping time cues keep the longest ("last summer holidays" over "summer")."""
    times.sort(key=lambda t: (t.start, -(t.end - t.start)))
    kept: list[TimeHit] = []
    for t in times:
        if kept and t.start < kept[-1].end:
            continue
        kept.append(t)
    return kept


_ENGINE: Engine | None = None
_LOCK = threading.Lock()


def get_engine() -> Engine:
    """The shared engine, built on first use (about a second) and reused after."""
    global _ENGINE
    if _ENGINE is None:
        with _LOCK:
            if _ENGINE is None:
                _ENGINE = Engine()
    return _ENGINE


def _plain_words(patterns: list[str]) -> set[str]:
    """The literal words of cue patterns (macro names, gaps and operators left out)."""
    out: set[str] = set()
    for pat in patterns:
        for w in re.findall(r"(?<![@\w])[a-z][a-z'-]*", pat.lower()):
            out.add(w)
    return out
