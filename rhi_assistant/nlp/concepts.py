"""Indicators as combinations of concepts that meet in one sentence.

Why: the lexicon lists phrasings indicator by indicator, so a new way of saying
"an older man bought her vodka" had to be added to every indicator it bears on,
and notes written in plain or euphemistic words were missed. Here concept
classes (``data/en/concepts.json``: an older person, a sexual act, something
given, being moved, control, hiding, drug work) are matched once, and
``data/en/combinations.json`` says which concepts must meet within a sentence
(or clause) for an indicator, and which may not be there. A new phrasing added
to a concept then counts for every indicator that uses it.

A combination only adds a suggestion where the indicator's own patterns found
nothing in that sentence, and its assertion is decided by the same context
rules as any other (denied, doubted, someone else's).
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from . import language
from .context import has_between
from .lexicon import LexiconError, check_pattern, load_macros

LANGUAGE = language.LANGUAGE


@dataclass(frozen=True)
class Concept:
    """One concept class: its name, how a reason names it, and its patterns."""

    name: str
    means: str
    patterns: tuple[str, ...]


@dataclass(frozen=True)
class Combination:
    """An indicator as concepts that must meet (each requirement: any of its concepts)."""

    indicator: str
    requires: tuple[frozenset[str], ...]
    forbids: frozenset[str]
    within: int
    clause: bool
    why: str
    across: int = 0  # most tokens of a span over two sentences (0: one sentence only)


@dataclass(frozen=True)
class ConceptHit:
    """Where a concept was found, in token offsets."""

    concept: str
    start: int
    end: int


@dataclass(frozen=True)
class CombinedMatch:
    """A combination that held: the indicator, its token span and the hits that made it."""

    indicator: str
    start: int
    end: int
    rule: Combination
    parts: tuple[ConceptHit, ...]


def _read(name: str) -> Any:
    return language.read(name)


@lru_cache(maxsize=1)
def load_concepts() -> dict[str, Concept]:
    """Concept name -> concept, every pattern checked (a typo is a missed tick)."""
    macros = load_macros()
    out: dict[str, Concept] = {}
    for name, entry in _read("concepts.json")["concepts"].items():
        pats = tuple(entry["patterns"])
        if not pats or not entry.get("means"):
            raise LexiconError(f"concept {name}: needs 'means' and patterns")
        for p in pats:
            check_pattern(p, macros)
        out[name] = Concept(name, entry["means"], pats)
    return out


@lru_cache(maxsize=1)
def load_combinations() -> tuple[Combination, ...]:
    """The combination rules, checked against the concepts and the indicator spec."""
    from rhi_assistant import vocabulary

    concepts = load_concepts()
    spec = vocabulary.indicators()
    out: list[Combination] = []
    for r in _read("combinations.json")["combinations"]:
        if r["indicator"] not in spec:
            raise LexiconError(f"combination for unknown indicator {r['indicator']!r}")
        requires = tuple(
            frozenset([c] if isinstance(c, str) else c) for c in r["all"]
        )
        forbids = frozenset(r.get("none", ()))
        for name in set().union(*requires) | forbids:
            if name not in concepts:
                raise LexiconError(f"{r['indicator']}: unknown concept {name!r}")
        if len(requires) < 2:
            raise LexiconError(f"{r['indicator']}: a combination needs two concepts or more")
        out.append(
            Combination(
                r["indicator"],
                requires,
                forbids,
                int(r["within"]),
                bool(r.get("clause")),
                r["why"],
                int(r.get("across", 0)),
            )
        )
    return tuple(out)


@lru_cache(maxsize=1)
def load_explained_by() -> dict[str, frozenset[str]]:
    """Indicator -> indicators whose overlapping suggestion explains the same words better."""
    from rhi_assistant import vocabulary

    spec = vocabulary.indicators()
    raw = _read("combinations.json").get("explained_by", {})
    for ind, others in raw.items():
        for x in [ind, *others]:
            if x not in spec:
                raise LexiconError(f"explained_by: unknown indicator {x!r}")
    return {ind: frozenset(others) for ind, others in raw.items()}


@lru_cache(maxsize=1)
def load_explained_in_sentence() -> dict[str, frozenset[str]]:
    """Indicator -> indicators whose present suggestion anywhere in the same sentence
    explains it: bruises in the sentence that says her stepdad hit her are harm at
    home, not hurt while missing (``explained_in_sentence`` in combinations.json)."""
    from rhi_assistant import vocabulary

    spec = vocabulary.indicators()
    raw = _read("combinations.json").get("explained_in_sentence", {})
    for ind, others in raw.items():
        for x in [ind, *others]:
            if x not in spec:
                raise LexiconError(f"explained_in_sentence: unknown indicator {x!r}")
    return {ind: frozenset(others) for ind, others in raw.items()}


@lru_cache(maxsize=1)
def load_subjects() -> dict[str, Any]:
    """Cue rules for adults' worries, the child's denials of the sentence before, and
    the pronoun forms (data/en/subjects.json); patterns checked like the lexicon's."""
    raw = _read("subjects.json")
    macros = load_macros()
    for r in raw["rules"]:
        for p in r["cue"]:
            check_pattern(p, macros)
    for p in raw["denies_before"]:
        check_pattern(p, macros)
    return raw


@lru_cache(maxsize=1)
def load_time_spans() -> list[dict[str, Any]]:
    """Time told by span (data/en/time_spans.json), in the format of time_rules.json."""
    rules: list[dict[str, Any]] = _read("time_spans.json")["rules"]
    macros = load_macros()
    for r in rules:
        for p in r["cue"]:
            check_pattern(p, macros)
    return rules


def _sentence(breaks: list[int], pos: int) -> int:
    return bisect_left(breaks, pos)


# rules tuple's id -> (the tuple, kept alive so the id stays its own; concept -> the
# indices of the rules whose first requirement holds it): built once per engine
_FIRST_INDEX: dict[int, tuple[tuple[Combination, ...], dict[str, tuple[int, ...]]]] = {}


def _first_index(rules: tuple[Combination, ...]) -> dict[str, tuple[int, ...]]:
    """Why: a sentence can only meet the rules whose first requirement it names, so
    a note tries those few rules instead of every rule."""
    got = _FIRST_INDEX.get(id(rules))
    if got is not None and got[0] is rules:
        return got[1]
    index: dict[str, list[int]] = {}
    for i, rule in enumerate(rules):
        for c in rule.requires[0]:
            index.setdefault(c, []).append(i)
    frozen = {c: tuple(ids) for c, ids in index.items()}
    _FIRST_INDEX[id(rules)] = (rules, frozen)
    return frozen


def combine(
    hits: list[ConceptHit],
    rules: tuple[Combination, ...],
    breaks: list[int],
    clause_ends: list[int],
    joins: frozenset[int] = frozenset(),
) -> list[CombinedMatch]:
    """Every rule that holds in some sentence, with the tightest span of its concepts.

    For each hit of a rule's first requirement, the nearest hit of every other
    requirement in the same sentence is taken; the span must fit ``within`` tokens
    and, for clause rules, hold no clause end. Forbidden concepts anywhere in the
    sentence stop the rule there.

    Why ``joins``: notes tell one finding over two sentences ("He was taken to
    Northtown. He stayed in a flat there selling for them."). A sentence index in
    ``joins`` goes on with the sentence before it (it opens with the child's pronoun,
    "there", "then"...: the caller decides), and a rule with ``across`` may then meet
    with some concepts in each sentence, over at most ``across`` tokens; a clause
    rule's clause ends are looked for in each sentence's part, not at the break."""
    if len(hits) < 2 or len({h.concept for h in hits}) < 2:
        return []
    by_sentence: dict[int, list[ConceptHit]] = {}
    for h in hits:
        by_sentence.setdefault(_sentence(breaks, h.start), []).append(h)
    out: list[CombinedMatch] = []
    first_index = _first_index(rules)
    for sent_hits in by_sentence.values():
        if len(sent_hits) < 2:
            continue
        names = {h.concept for h in sent_hits}
        if len(names) < 2:
            continue  # every rule needs two different concepts
        # the rules in their file order, as before, but only those that can start here
        starts: set[int] = set()
        for c in names:
            starts.update(first_index.get(c, ()))
        for i in sorted(starts):
            rule = rules[i]
            if not rule.forbids.isdisjoint(names):
                continue
            if any(req.isdisjoint(names) for req in rule.requires):
                continue
            best = _best(rule, sent_hits, rule.within, clause_ends, None)
            if best is not None:
                out.append(best)
    for k in sorted(joins):
        before, after = by_sentence.get(k - 1), by_sentence.get(k)
        if not before or not after:
            continue
        pair = before + after
        names = {h.concept for h in pair}
        found = {m.indicator for m in out if _sentence(breaks, m.start) in (k - 1, k)}
        for rule in rules:
            if not rule.across or rule.indicator in found:
                continue
            if not rule.forbids.isdisjoint(names):
                continue
            if any(req.isdisjoint(names) for req in rule.requires):
                continue
            best = _best(rule, pair, rule.across, clause_ends, breaks[k - 1])
            if best is not None:
                found.add(rule.indicator)
                out.append(best)
    return out


def _best(
    rule: Combination,
    sent_hits: list[ConceptHit],
    within: int,
    clause_ends: list[int],
    break_at: int | None,
) -> CombinedMatch | None:
    """The tightest span where ``rule`` holds among ``sent_hits`` (one sentence, or two
    joined at the token ``break_at``, in which case the span must reach over it)."""
    best: CombinedMatch | None = None
    for first in sent_hits:
        if first.concept not in rule.requires[0]:
            continue
        parts = [first]
        for req in rule.requires[1:]:
            near = [
                h
                for h in sent_hits
                if h.concept in req and (h.end <= first.start or h.start >= first.end)
                and all(h.end <= p.start or h.start >= p.end for p in parts)
            ]
            if not near:
                break
            parts.append(min(near, key=lambda h: abs(h.start - first.start)))
        else:
            s = min(p.start for p in parts)
            e = max(p.end for p in parts)
            if e - s > within:
                continue
            if break_at is not None:
                if not s < break_at < e:
                    continue  # all in one sentence: the one-sentence pass decides
                if rule.clause and (
                    has_between(clause_ends, s, break_at)
                    or has_between(clause_ends, break_at + 1, e)
                ):
                    continue
            elif rule.clause and has_between(clause_ends, s, e):
                continue
            if best is None or e - s < best.end - best.start:
                best = CombinedMatch(
                    rule.indicator, s, e, rule, tuple(sorted(parts, key=lambda p: p.start))
                )
    return best
