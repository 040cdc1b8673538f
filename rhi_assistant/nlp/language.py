"""The note language's data folder: every English word the engine reads, apart from code.

Why: word lists written into the engine's modules tied it to English and hid
words a reviewer should see beside the patterns. They live in
``nlp/data/<LANGUAGE>/`` (``word_lists.json`` for the closed lists the code
reads; concepts, combinations, subjects and time spans beside it), so another
language is another data folder. The modules build their sets from these files
once, at import or engine load, never per note.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from .lexicon import LANGUAGE, read_json

__all__ = ["LANGUAGE", "read", "word_list", "words"]


def read(name: str) -> Any:
    """One JSON file of the language's data folder (callers cache what they build)."""
    return read_json(name)


@lru_cache(maxsize=1)
def _word_lists() -> dict[str, Any]:
    return read("word_lists.json")


def word_list(name: str) -> tuple[str, ...]:
    """One closed word list of ``word_lists.json`` in file order (its ``_about`` says
    what the list is for); a missing name is a KeyError at import, not a silent miss."""
    return tuple(_word_lists()[name]["words"])


def words(name: str) -> frozenset[str]:
    """One closed word list as a set, for membership tests."""
    return frozenset(word_list(name))
