"""Load and validate the indicator lexicon and its pattern language.

The lexicon is DATA (``data/en/lexicon/*.json``, one file per indicator group) so that
practitioners and reviewers can read and extend it without touching code.
Patterns are written in a tiny token language, which ``tokmatch.py`` compiles
into one matcher for the whole engine:

* tokens are separated by spaces and compared lower-cased;
* ``a|b|c`` is a choice of words for one token; a trailing ``?`` makes the
  token optional (``a|the?``);
* ``word~`` adds regular inflections (``drink~`` -> drink, drinks, drinking,
  drinkin, drinked ...), so young people's dropped-g spellings match exactly;
* ``@NAME`` expands a word list from ``data/en/macros.json`` (``@NAME?`` optional);
* ``*N`` skips up to N tokens of anything;
* ``#NUM`` matches a number-like token;
* ``(out of town|up country)`` is a choice between multi-word phrases (the
  pattern is expanded into one pattern per choice).

An entry may also list ``mentions``: bare topic words ("drugs", "a car") that
are too vague to suggest a tick on their own but are worth labelling when a cue
denies, doubts or assigns them to someone else ("No drugs, no alcohol"). A
mention whose assertion comes out ``present`` is dropped.

Every pattern string is validated when loaded: an unknown indicator id, an
unknown macro or an empty pattern is an error, because a silent typo in a
safeguarding lexicon means a missed tick.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from rhi_assistant import vocabulary

PACKAGE = "rhi_assistant.nlp"


class LexiconError(ValueError):
    """Raised when lexicon data does not fit the spec or the pattern language."""


#: The note language: its words, patterns and rules are the folder ``data/<LANGUAGE>/``
#: (another language is another folder; ``data/`` itself keeps the gazetteer, which is
#: places, not words of a language).
LANGUAGE = "en"


def data_text(*parts: str) -> str:
    """A file of the language's data folder, as text."""
    return resources.files(PACKAGE).joinpath("data", LANGUAGE, *parts).read_text(encoding="utf-8")


def read_json(*parts: str) -> Any:
    """A JSON file of the language's data folder (callers cache what they build)."""
    return json.loads(data_text(*parts))


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Everyday words (``common_words.json``): the matcher's frequent words, words the
    spelling corrector leaves alone and capitalised words not taken for names."""
    return frozenset(read_json("common_words.json")["words"])


@lru_cache(maxsize=1)
def shorthand() -> dict[str, Any]:
    """Text-speak and shorthand read as words (``shorthand.json``), for the matcher and
    the time resolver alike."""
    return read_json("shorthand.json")


def load_indicators() -> dict[str, dict[str, Any]]:
    """Indicator id -> {label, group, concerns} from the shipped spec."""
    return vocabulary.indicators()


@lru_cache(maxsize=1)
def load_macros() -> dict[str, list[str]]:
    """Word lists that patterns refer to as ``@NAME``."""
    raw = read_json("macros.json")
    return {k: v for k, v in raw.items() if not k.startswith("_")}


def inflect(word: str) -> set[str]:
    """Regular inflections of ``word``; over-generation is harmless for matching."""
    w = word.lower()
    out = {w, w + "s", w + "es", w + "ed", w + "d", w + "ing", w + "in", w + "er", w + "ers"}
    if len(w) >= 3 and w[-1] in "kv" and w[-2] in "aeiou":
        out.add(w + "e")  # "smok~" -> smoke, "tak~" -> take, "skiv~" -> skive
    if w.endswith("e"):
        stem = w[:-1]
        out |= {stem + "ing", stem + "in", stem + "ed"}
    if w.endswith("y") and len(w) > 2 and w[-2] not in "aeiou":
        stem = w[:-1]
        out |= {stem + "ies", stem + "ied"}
    if len(w) >= 3 and w[-1] not in "aeiouywx" and w[-2] in "aeiou" and w[-3] not in "aeiou":
        out |= {w + w[-1] + "ing", w + w[-1] + "ed", w + w[-1] + "in", w + w[-1] + "er"}
    return out


def expand_words(spec: str, macros: dict[str, list[str]]) -> list[str]:
    """Expand one token spec (without the optional marker) to its word list."""
    words: list[str] = []
    for alt in spec.split("|"):
        if not alt:
            raise LexiconError(f"empty choice in {spec!r}")
        if alt.startswith("@"):
            name = alt[1:]
            if name not in macros:
                raise LexiconError(f"unknown macro @{name}")
            for w in macros[name]:
                words.extend(inflect(w[:-1]) if w.endswith("~") else [w.lower()])
        elif alt.endswith("~"):
            words.extend(sorted(inflect(alt[:-1])))
        else:
            words.append(alt.lower())
    seen: dict[str, None] = dict.fromkeys(words)
    return list(seen)


_GROUP = re.compile(r"\(([^()]*)\)")


def expand_groups(text: str) -> list[str]:
    """Expand ``(a b|c)`` phrase choices into separate pattern strings."""
    m = _GROUP.search(text)
    if m is None:
        return [text]
    out: list[str] = []
    for alt in m.group(1).split("|"):
        out.extend(expand_groups(text[: m.start()] + alt + text[m.end() :]))
    return out


def check_pattern(text: str, macros: dict[str, list[str]]) -> None:
    """Raise :class:`LexiconError` for an unknown macro, an empty choice or a pattern
    with nothing definite in it: the engine validates every pattern at load, so this
    must be cheap."""
    for t in expand_groups(text):
        definite = False
        for raw in t.split():
            if raw.startswith("*") and raw[1:].isdigit():
                continue
            optional = raw.endswith("?") and len(raw) > 1
            spec = raw[:-1] if optional else raw
            if spec == "#NUM":
                pass
            elif macros is load_macros():
                _expand_shipped(spec)
            else:
                expand_words(spec, macros)
            definite = definite or not optional
        if not definite:
            raise LexiconError(f"pattern matches nothing definite: {t!r}")


def words_of_pattern(text: str, macros: dict[str, list[str]]) -> set[str]:
    """All literal words a pattern can match (used as the fuzzy-match vocabulary)."""
    expand = _expand_shipped if macros is load_macros() else lambda s: expand_words(s, macros)
    out: set[str] = set()
    for raw in " ".join(expand_groups(text)).split():
        spec = raw.rstrip("?")
        if spec.startswith("*") or spec == "#NUM" or not spec:
            continue
        out.update(expand(spec))
    return out


@cache
def _expand_shipped(spec: str) -> tuple[str, ...]:
    """:func:`expand_words` with the shipped macros, once per spec: the engine, the
    lexicon check and the entity vocabulary all expand the same few thousand specs."""
    return tuple(expand_words(spec, load_macros()))


@dataclass(frozen=True)
class IndicatorLexicon:
    """Compiled-ready lexicon entry for one indicator."""

    id: str
    patterns: tuple[str, ...]
    exclude: tuple[str, ...] = ()
    immune: frozenset[str] = frozenset()
    about_others: bool = False
    # with about_others: a clear other-person subject at the start of the clause
    # ("His brother's girlfriend had her passport taken") still wins
    subject_wins: bool = False
    implies: tuple[str, ...] = ()
    peer_implies: tuple[str, ...] = ()
    fuzzy_phrases: tuple[str, ...] = field(default_factory=tuple)
    mentions: tuple[str, ...] = ()


LEXICON_FILES = (
    "seraf_vulnerability.json",
    "seraf_moderate.json",
    "seraf_significant.json",
    "cce.json",
    "trafficking.json",
    "episode.json",
    "push.json",
    "pull.json",
)

ASSERTION_NAMES = {"negated", "hypothetical", "other_person"}


@lru_cache(maxsize=1)
def load_lexicon() -> dict[str, IndicatorLexicon]:
    """Load every lexicon file, validate it against the spec and return id -> entry."""
    spec = load_indicators()
    macros = load_macros()
    out: dict[str, IndicatorLexicon] = {}
    for fname in LEXICON_FILES:
        data = read_json("lexicon", fname)
        group = data.get("group")
        for ind_id, entry in data["indicators"].items():
            if ind_id not in spec:
                raise LexiconError(f"{fname}: unknown indicator id {ind_id!r}")
            if spec[ind_id]["group"] != group:
                raise LexiconError(f"{fname}: {ind_id} belongs to group {spec[ind_id]['group']}")
            if ind_id in out:
                raise LexiconError(f"{fname}: {ind_id} defined twice")
            pats = tuple(entry.get("patterns", []))
            if not pats:
                raise LexiconError(f"{fname}: {ind_id} has no patterns")
            for p in pats + tuple(entry.get("exclude", [])) + tuple(entry.get("mentions", [])):
                check_pattern(p, macros)  # raises on error
            immune = frozenset(entry.get("immune", []))
            if not immune <= ASSERTION_NAMES:
                raise LexiconError(
                    f"{fname}: {ind_id} immune must be within {sorted(ASSERTION_NAMES)}"
                )
            for other in entry.get("implies", []) + entry.get("peer_implies", []):
                if other not in spec:
                    raise LexiconError(f"{fname}: {ind_id} implies unknown id {other!r}")
            out[ind_id] = IndicatorLexicon(
                id=ind_id,
                patterns=pats,
                exclude=tuple(entry.get("exclude", [])),
                immune=immune,
                about_others=bool(entry.get("about_others", False)),
                subject_wins=bool(entry.get("subject_wins", False)),
                implies=tuple(entry.get("implies", [])),
                peer_implies=tuple(entry.get("peer_implies", [])),
                fuzzy_phrases=tuple(entry.get("fuzzy", [])),
                mentions=tuple(entry.get("mentions", [])),
            )
    missing = set(spec) - set(out)
    if missing:
        raise LexiconError(f"indicators without lexicon entries: {sorted(missing)}")
    return out
