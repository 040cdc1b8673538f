"""Audit of every pattern the engine loads: ``rhi-assistant nlp lint``.

A pattern that can never match is a silent missed tick, so each one (lexicon,
concepts, cue, pseudo-cue, terminator and time rules) is checked four ways:

* every word choice of every token, put in a phrase made of the pattern's other
  tokens and cut by the real tokenizer, is matched by the compiled pattern
  (catches literals the tokenizer splits, such as "cannot" or "half-term");
* no literal word is shared by two neighbouring token choices (the mark of a
  multi-word choice written without brackets, ``going out with|sleeping with``,
  which compiles to nonsense);
* no bracketed group is glued to a word choice (``nothing|(a failure|a waste)``);
* the simplest expansion of each indicator pattern, analysed as a note, yields
  that indicator.

Why a command and not one generated test per pattern: the same audit runs for
whoever edits the data (and prints what is wrong, where), and the test suite
calls it once instead of collecting ten thousand tests.
"""

from __future__ import annotations

from dataclasses import dataclass

from .lexicon import LEXICON_FILES, expand_groups, expand_words, load_macros, read_json


@dataclass(frozen=True)
class Pattern:
    """One pattern string and where it comes from."""

    source: str  # an indicator id, a concept, a cue category ...
    kind: str  # pattern, exclude, concept, cue, pseudo, terminator kind, time kind
    text: str


@dataclass(frozen=True)
class Problem:
    """What is wrong with one pattern, in words the person editing the data can act on."""

    pattern: Pattern
    message: str

    def __str__(self) -> str:
        return f"{self.pattern.source} {self.pattern.kind}: {self.pattern.text!r}: {self.message}"


def all_patterns() -> list[Pattern]:
    """Every pattern string the engine loads, with its source."""
    out: list[Pattern] = []
    for fname in LEXICON_FILES:
        for ind, entry in read_json("lexicon", fname)["indicators"].items():
            out += [Pattern(ind, "pattern", p) for p in entry.get("patterns", [])]
            out += [Pattern(ind, "exclude", p) for p in entry.get("exclude", [])]
    for name, concept in read_json("concepts.json")["concepts"].items():
        out += [Pattern(name, "concept", p) for p in concept["patterns"]]
    ctx = read_json("context_rules.json")
    subjects = read_json("subjects.json")
    for r in ctx["rules"] + subjects["rules"]:
        out += [Pattern(r["category"], "cue", p) for p in r["cue"]]
    out += [Pattern("NEGATED", "denies_before", p) for p in subjects["denies_before"]]
    for r in ctx["pseudo"]:
        out += [Pattern("pseudo", "pseudo", p) for p in r["cue"]]
    for cat, pats in ctx["terminators"].items():
        out += [Pattern("terminator", cat, p) for p in pats]
    times = read_json("time_rules.json")["rules"]
    times += read_json("time_spans.json")["rules"]
    for r in times:
        out += [Pattern("time", r["kind"], p) for p in r["cue"]]
    return out


def _tokens(text: str) -> list[tuple[list[str], bool]]:
    """(word choices, optional) per token, skips left out; #NUM becomes '3'."""
    macros = load_macros()
    out = []
    for raw in text.split():
        if raw.startswith("*") and raw[1:].isdigit():
            continue
        optional = raw.endswith("?") and len(raw) > 1
        spec = raw[:-1] if optional else raw
        alts = spec.split("|")
        words = ["3"] if "#NUM" in alts else []
        rest = "|".join(a for a in alts if a != "#NUM")
        if rest:
            words += expand_words(rest, macros)
        out.append((words, optional))
    return out


def _literals(spec: str) -> set[str]:
    return {a.lower() for a in spec.split("|") if not a.startswith("@") and not a.startswith("#")}


def _dead_choices(p: Pattern) -> list[Problem]:
    from .pipeline import get_engine
    from .tokmatch import TokenPatternMatcher

    engine = get_engine()
    dead: list[tuple[str, str]] = []
    for t in expand_groups(p.text):
        m = TokenPatternMatcher(load_macros(), engine.matcher.split)
        m.add("k", [t])
        toks = _tokens(t)
        base = [w[0] for w, _ in toks]
        for i, (words, _) in enumerate(toks):
            for w in words:
                phrase = " ".join(base[:i] + [w] + base[i + 1 :])
                if not m([tok.text.lower() for tok in engine.nlp.make_doc(phrase)]):
                    dead.append((t, w))
    if not dead:
        return []
    return [Problem(p, f"choices that can never match: {dead[:10]}")]


def _unbracketed(p: Pattern) -> list[Problem]:
    for t in expand_groups(p.text):
        # a skip ("*2") separates choices that may legitimately share words
        specs = [
            "" if raw.startswith("*") and raw[1:].isdigit() else raw.rstrip("?")
            for raw in t.split()
        ]
        for i, a in enumerate(specs):
            for b in specs[i + 1 : i + 3]:
                if not b:
                    break
                if a != b and ("|" in a or "|" in b):
                    shared = _literals(a) & _literals(b)
                    if shared:
                        return [
                            Problem(
                                p,
                                f"repeats {sorted(shared)} in neighbouring choices; write "
                                "multi-word choices in brackets: (a b|c d)",
                            )
                        ]
    return []


def _glued_group(p: Pattern) -> list[Problem]:
    if "|(" in p.text or ")|" in p.text:
        return [
            Problem(
                p,
                "glues a bracketed group to a word choice; put every choice inside the "
                "brackets: (nothing|a failure|a waste)",
            )
        ]
    return []


def _simplest_not_found(p: Pattern) -> list[Problem]:
    from . import analyse

    for t in expand_groups(p.text):
        phrase = " ".join(w[0] for w, optional in _tokens(t) if not optional)
        # a clitic first ("'m ugly") needs its host word, as in real text ("I'm ugly")
        note = "Note: " + ("I" + phrase if phrase.startswith("'") else phrase)
        found = {s.indicator for s in analyse(note, "2026-11-20").findings}
        if p.source not in found:
            return [Problem(p, f"its simplest form {note!r} is not found (got {sorted(found)})")]
    return []


def lint(patterns: list[Pattern] | None = None) -> list[Problem]:
    """Every problem found in the shipped patterns (or the ones given)."""
    problems: list[Problem] = []
    for p in all_patterns() if patterns is None else patterns:
        problems += _glued_group(p)
        problems += _unbracketed(p)
        problems += _dead_choices(p)
        if p.kind == "pattern":
            problems += _simplest_not_found(p)
    return problems
