"""Folding text the way every type compares it: accents off, case ignored."""

from __future__ import annotations

import re
import unicodedata

_PLAIN = str.maketrans({
    "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "ß": "ss", "æ": "ae", "Æ": "ae", "đ": "d",
    "ð": "d", "œ": "oe", "þ": "th", "ı": "i",
})
_QUOTES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'", "“": '"', "”": '"'})


def fold(text: str | None) -> str:
    """Lower case without accents, curly quotes made straight, runs of spaces made one."""
    value = unicodedata.normalize("NFKD", (text or "").translate(_QUOTES))
    value = "".join(ch for ch in value if not unicodedata.combining(ch))
    return re.sub(r"\s+", " ", value.translate(_PLAIN).casefold()).strip()


def words(text: str) -> list[str]:
    """The letters-and-digits words of folded text."""
    return re.findall(r"[a-z0-9]+", fold(text))
