"""Audit of EVERY pattern in the lexicon and the cue/time rules.

A pattern that can never match is a silent missed tick, so each one is
checked three ways:

* every word choice of every token, put in a phrase made of the pattern's
  other tokens and cut by the real tokenizer, is matched by the compiled
  pattern (catches literals the tokenizer splits, such as "cannot" or
  "half-term", and "#NUM" inside a choice);
* no literal word is shared by two different neighbouring token choices
  (the mark of a multi-word choice written without brackets, e.g.
  ``going out with|sleeping with``, which compiles to nonsense);
* the simplest expansion of each indicator pattern, analysed as a note, yields
  that indicator (with any assertion).
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

import pytest

from rhi_assistant.nlp import analyse
from rhi_assistant.nlp.lexicon import (
    LEXICON_FILES,
    PACKAGE,
    expand_groups,
    expand_words,
    load_macros,
)
from rhi_assistant.nlp.pipeline import get_engine
from rhi_assistant.nlp.tokmatch import TokenPatternMatcher


def _json(folder: str, name: str) -> Any:
    return json.loads(resources.files(PACKAGE).joinpath(folder, name).read_text(encoding="utf-8"))


def _all_patterns() -> list[tuple[str, str, str]]:
    out: list[tuple[str, str, str]] = []
    for fname in LEXICON_FILES:
        for ind, entry in _json("lexicon", fname)["indicators"].items():
            out += [(ind, "pattern", p) for p in entry.get("patterns", [])]
            out += [(ind, "exclude", p) for p in entry.get("exclude", [])]
    ctx = _json("data", "context_rules.json")
    for r in ctx["rules"]:
        out += [(r["category"], "cue", p) for p in r["cue"]]
    for r in ctx["pseudo"]:
        out += [("pseudo", "pseudo", p) for p in r["cue"]]
    for cat, pats in ctx["terminators"].items():
        out += [("terminator", cat, p) for p in pats]
    for r in _json("data", "time_rules.json")["rules"]:
        out += [("time", r["kind"], p) for p in r["cue"]]
    return out


PATTERNS = _all_patterns()


def _tokens(text: str) -> list[tuple[list[str], bool, str]]:
    """(word choices, optional, spec) per token, skips left out; #NUM becomes '3'."""
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
        out.append((words, optional, spec))
    return out


def _tok(text: str) -> list[str]:
    return [t.text.lower() for t in get_engine().nlp.make_doc(text)]


def _matcher(text: str) -> TokenPatternMatcher:
    m = TokenPatternMatcher(load_macros(), get_engine().matcher.split)
    m.add("k", [text])
    return m


def test_patterns_were_found() -> None:
    assert len(PATTERNS) > 500


@pytest.mark.parametrize("source,kind,text", PATTERNS)
def test_every_word_choice_can_match(source: str, kind: str, text: str) -> None:
    dead = []
    for t in expand_groups(text):
        m = _matcher(t)
        toks = _tokens(t)
        base = [w[0] for w, _, _ in toks]
        for i, (words, _, _) in enumerate(toks):
            for w in words:
                phrase = " ".join(base[:i] + [w] + base[i + 1 :])
                if not m(_tok(phrase)):
                    dead.append((t, w))
    assert not dead, f"{source} {kind}: choices that can never match: {dead[:10]}"


def _literals(spec: str) -> set[str]:
    return {a.lower() for a in spec.split("|") if not a.startswith("@") and not a.startswith("#")}


@pytest.mark.parametrize("source,kind,text", PATTERNS)
def test_no_unbracketed_phrase_choice(source: str, kind: str, text: str) -> None:
    for t in expand_groups(text):
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
                    assert not shared, (
                        f"{source} {kind}: {text!r} repeats {sorted(shared)} in neighbouring "
                        "choices; write multi-word choices in brackets: (a b|c d)"
                    )


def _simplest(text: str) -> str:
    return " ".join(w[0] for w, optional, _ in _tokens(text) if not optional)


INDICATOR_PATTERNS = [(s, t) for s, k, t in PATTERNS if k == "pattern"]


@pytest.mark.parametrize("indicator,text", INDICATOR_PATTERNS)
def test_simplest_expansion_is_found(indicator: str, text: str) -> None:
    for t in expand_groups(text):
        phrase = _simplest(t)
        # a clitic first ("'m ugly") needs its host word, as in real text ("I'm ugly")
        note = "Note: " + ("I" + phrase if phrase.startswith("'") else phrase)
        found = {s.indicator for s in analyse(note, "2026-11-20").findings}
        assert indicator in found, f"{t!r} -> {note!r} found {sorted(found)}"


@pytest.mark.parametrize("source,kind,text", PATTERNS)
def test_no_group_inside_a_word_choice(source: str, kind: str, text: str) -> None:
    # "nothing|(a failure|a waste)" expands to "nothing|a failure": the group's first word
    # joins the choice and its other words become a required next token
    assert "|(" not in text and ")|" not in text, (
        f"{source} {kind}: {text!r} glues a bracketed group to a word choice; "
        "put every choice inside the brackets: (nothing|a failure|a waste)"
    )
