"""Sentences of a practitioner's notes, with their offsets.

Evidence shown to a partner is a whole sentence of the notes (a matched fragment such as
"owes him" means little on its own), and evidence a practitioner adds is chosen from these
sentences, so no words that are not in the notes can reach a score or a summary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A sentence ends at . ! or ? (with any closing quote or bracket) before white space, or at
# a line break: notes are often typed as one line per point without a full stop.
_END = re.compile(r"[.!?]+[\"'\u201d\u2019)\]]*(?=\s)|\n+")


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int
    end: int


def sentences(notes: str | None) -> list[Sentence]:
    """The notes' sentences in order, stripped, each with its offsets in the notes."""
    text = notes or ""
    out: list[Sentence] = []
    begin = 0
    for m in _END.finditer(text):
        _keep(text, begin, m.end(), out)
        begin = m.end()
    _keep(text, begin, len(text), out)
    return out


def _keep(text: str, start: int, end: int, out: list[Sentence]) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if not stripped:
        return
    lead = len(piece) - len(piece.lstrip())
    begin = start + lead
    out.append(Sentence(text=stripped, start=begin, end=begin + len(stripped)))


def sentence_around(notes: str | None, start: int | None, end: int | None,
                    fragment: str | None = None) -> str | None:
    """The whole sentence(s) of the notes holding a span; None when the span is not there.

    With no offsets (or stale ones) the fragment is looked up in the notes, so a matched
    phrase still becomes the sentence it was read in.
    """
    text = notes or ""
    if fragment and (start is None or end is None or text[start:end] != fragment):
        at = text.find(fragment)
        if at < 0:
            return None
        start, end = at, at + len(fragment)
    if start is None or end is None:
        return None
    parts = [s for s in sentences(text) if s.start < end and s.end > start]
    if not parts:
        return None
    return text[parts[0].start:parts[-1].end]
