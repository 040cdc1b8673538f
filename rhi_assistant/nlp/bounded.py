"""Keep the engine's cost bounded by a note's length, whatever is typed into it.

Why: spaCy's tokenizer strips prefixes and suffixes one character at a time,
slicing the word each time, so a long word of punctuation or emoji costs the
square of its length (20,000 ``!`` took 73 s and stalled a worker). Before the
engine sees a note we therefore:

1. shorten a run of punctuation, symbols, emoji, joiners or combining marks
   (optionally spaced, as in ``. . . .``) to its first ``PUNCT_KEEP`` characters;
2. break a stretch with no space longer than ``MAX_WORD`` characters with a
   space every ``MAX_WORD`` characters (one enormous "word");
3. hand the engine at most ``CHUNK`` characters at a time, cut at a line or
   sentence end where there is one.

The engine only ever reads the shortened text, but a finding's offsets must point
into what was typed (``evidence == text[start:end]``), so every character of the
shortened text remembers where it came from and offsets are mapped back.
An ordinary note has none of these runs: it is analysed as it is, in one piece.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from .models import Analysis, Entity, Finding

PUNCT_KEEP = 12
MAX_WORD = 64
CHUNK = 10_000

# a run of characters that are neither word characters nor spaces, single spaces allowed;
# possessive (``*+``), as nothing follows that could make it give characters back: a greedy
# ``*`` kept a backtracking point per character, 12 MB for a run of 100,000 "!"
_PUNCT_RUN = re.compile(r"[^\w\s](?:\s?[^\w\s])*+")
# what every run longer than PUNCT_KEEP holds (with single spaces between, 13 characters
# need 7 marks): one scan that finds none spares an ordinary note a match per full stop
_LONG_PUNCT_RUN = re.compile(r"[^\w\s](?:\s?[^\w\s]){" + str(PUNCT_KEEP // 2) + "}")
_LONG_WORD = re.compile(r"\S{" + str(MAX_WORD + 1) + ",}")
_CUT_AT = (re.compile(r"\n\s*"), re.compile(r"[.!?]\s+"), re.compile(r"\s+"))


class Shortened:
    """The text the engine reads, and for each of its characters the index it came from.

    ``origin[i]`` is the index in the original text of shortened character ``i``; a
    space put in to break a long word points at the character before it.
    """

    def __init__(self, original: str) -> None:
        self.original = original
        self.text = original
        self.origin: Sequence[int] = range(len(original))
        runs: list[re.Match[str]] = []
        if _LONG_PUNCT_RUN.search(original) is not None:
            runs = [m for m in _PUNCT_RUN.finditer(original) if m.end() - m.start() > PUNCT_KEEP]
        if not runs and not _LONG_WORD.search(original):
            return  # an ordinary note: nothing to shorten
        parts: list[str] = []
        origin: list[int] = []
        pos = 0
        for m in runs:
            parts.append(original[pos : m.start() + PUNCT_KEEP])
            origin.extend(range(pos, m.start() + PUNCT_KEEP))
            pos = m.end()
        parts.append(original[pos:])
        origin.extend(range(pos, len(original)))
        text = "".join(parts)
        if _LONG_WORD.search(text):
            text, origin = _break_long_words(text, origin)
        self.text = text
        self.origin = origin

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Where a span of the shortened text lies in the original."""
        if end <= start:
            at = self.origin[start] if start < len(self.origin) else len(self.original)
            return at, at
        return self.origin[start], self.origin[end - 1] + 1


def _break_long_words(text: str, origin: Sequence[int]) -> tuple[str, list[int]]:
    parts: list[str] = []
    new_origin: list[int] = []
    pos = 0
    for m in _LONG_WORD.finditer(text):
        parts.append(text[pos : m.start()])
        new_origin.extend(origin[pos : m.start()])
        for i in range(m.start(), m.end(), MAX_WORD):
            j = min(i + MAX_WORD, m.end())
            if i > m.start():
                parts.append(" ")
                new_origin.append(origin[i - 1])
            parts.append(text[i:j])
            new_origin.extend(origin[i:j])
        pos = m.end()
    parts.append(text[pos:])
    new_origin.extend(origin[pos:])
    return "".join(parts), new_origin


def pieces(text: str, size: int = CHUNK) -> list[tuple[int, str]]:
    """The text in pieces of at most `size` characters, each with where it starts.

    A piece ends at a line break if there is one in its second half, else at a
    sentence end, else at a space, else exactly at `size` characters.
    """
    out: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > size:
        window = text[start + size // 2 : start + size]
        cut = size
        for pattern in _CUT_AT:
            ends = [m.end() for m in pattern.finditer(window)]
            if ends and ends[-1] < len(window):
                cut = size // 2 + ends[-1]
                break
        out.append((start, text[start : start + cut]))
        start += cut
    out.append((start, text[start:]))
    return out


def analyse_bounded(
    text: str, analyse_piece: Callable[[str], Analysis], size: int = CHUNK
) -> Analysis:
    """Run the engine (`analyse_piece`) over a shortened, chunked copy and map offsets back."""
    short = Shortened(text)
    if short.text is text and len(text) <= size:
        return analyse_piece(text)
    findings: list[Finding] = []
    ents: list[Entity] = []
    for offset, piece in pieces(short.text, size):
        part = analyse_piece(piece)
        for f in part.findings:
            start, end = short.span(f.start + offset, f.end + offset)
            findings.append(replace(f, start=start, end=end, evidence=text[start:end]))
        for e in part.entities:
            start, end = short.span(e.start + offset, e.end + offset)
            same = e.text == piece[e.start : e.end]
            ents.append(replace(e, start=start, end=end, text=text[start:end] if same else e.text))
    return Analysis(text=text, findings=findings, entities=ents)
