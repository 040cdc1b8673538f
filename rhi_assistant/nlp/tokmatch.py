"""A fast matcher for the lexicon's token patterns over the spaCy token stream.

spaCy's ``Matcher`` evaluates ``IN`` sets in Python for every pattern at every
token, which made a lexicon of ~1,000 patterns cost ~6 ms per note. Here each
pattern is compiled to a regular expression over the note's lower-cased
tokens joined by single spaces (so a match always starts and ends on token
boundaries), and only patterns whose rarest required word occurs in the note
are tried. Matching stays token-aligned, as with the spaCy Matcher, at a
fraction of the cost.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from typing import Any

from .lexicon import PACKAGE, expand_groups, expand_words

NUM_WORDS = (
    "zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    "seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million"
)
NUM_RE = r"(?:[+-]?\d[\d,.:/]*|" + NUM_WORDS + ")"
_NUM_WORDS = frozenset(NUM_WORDS.split("|"))
_ALWAYS = "\x00always"
COMMON = frozenset(
    "a an the to in on at of for with by from and or but not n't nt no is was were are be been "
    "being has have had do does did i he she they we you it me him her them us my his their "
    "your our this that there then so if as up out off "
    "get got go went going gone said says told 's s ' 'm 're 'll 'd 've , -".split()
)
_NUM = "\x00num"
Splitter = Callable[[str], list[str]] | None
_PAIR = "\x00pair"
MAX_PAIRS = 400  # most word pairs one pattern may put in the pair index
PAIR_WHEN = 40  # use a pair anchor when the best single anchor is at least this common


def _token_regex(words: list[str], split: Splitter = None, num: bool = False) -> str:
    """Regex for one token spec. A literal the tokenizer splits ("cannot" -> can not,
    "half-term" -> half - term) is matched as that run of tokens, so it is never dead."""
    alts = {re.escape(w) for w in words}
    if split is not None:  # case-dependent exceptions ("ID" vs "id" -> i d): keep both
        alts |= {" ".join(re.escape(t) for t in split(w)) for w in words}
    ordered = sorted(alts, key=len, reverse=True)
    if num:
        ordered.append(NUM_RE)
    return ordered[0] if len(ordered) == 1 else "(?:" + "|".join(ordered) + ")"


def _firsts(words: list[str], split: Splitter) -> list[str]:
    """Each literal and the first token of its split form (what the prefilter can look for)."""
    if split is None:
        return words
    return list(dict.fromkeys([*words, *(split(w)[0] for w in words)]))


def _width(words: list[str], split: Splitter) -> int:
    return 1 if split is None else max(len(split(w)) for w in words)


def _frequent() -> frozenset[str]:
    import json
    from importlib import resources

    raw = resources.files(PACKAGE).joinpath("data", "common_words.json").read_text(encoding="utf-8")
    return frozenset(json.loads(raw)["words"])


FREQUENT = _frequent()


def _rarity(words: list[str]) -> int:
    """Lower is rarer: sets with function words or everyday words make poor anchors."""
    return len(words) + sum(1000 if w in COMMON else 40 if w in FREQUENT else 0 for w in words)


def compile_token_regex(
    text: str, macros: dict[str, list[str]], split: Splitter = None
) -> tuple[_LazyRegex, Any, list[frozenset[str]], int]:
    """Regex for one pattern string, its anchor words (or a marker), its required word sets,
    and how many tokens a match can have before the anchor token."""
    parts: list[str] = []
    anchor: tuple[int, Any, int] | None = None
    required: list[frozenset[str]] = []
    left = 0  # most tokens a match can have before the current token
    prev: tuple[list[str], int] | None = None  # the plain one-token word choice just before
    pairs: list[tuple[int, list[str], list[str], int]] = []
    for raw in text.split():
        if raw.startswith("*") and raw[1:].isdigit():
            parts.append(r"(?:\S+ ){0," + str(int(raw[1:])) + "}?")
            left += int(raw[1:])
            prev = None
            continue
        optional = raw.endswith("?") and len(raw) > 1
        spec = raw[:-1] if optional else raw
        alts = spec.split("|")
        width = 1
        mixed = False
        if spec == "#NUM":
            tok = NUM_RE + " "
            words = None
        elif "#NUM" in alts:  # a number or some words
            words = expand_words("|".join(a for a in alts if a != "#NUM"), macros)
            tok = _token_regex(words, split, num=True) + " "
            width = _width(words, split)
            words = None
            mixed = True
        else:
            full = expand_words(spec, macros)
            tok = _token_regex(full, split) + " "
            width = _width(full, split)
            words = _firsts(full, split)
        if optional:
            parts.append("(?:" + tok + ")?")
            left += width
            prev = None
            continue
        parts.append(tok)
        if words is not None:
            required.append(frozenset(words))
            if width == 1:
                if prev is not None and len(prev[0]) * len(words) <= MAX_PAIRS:
                    pairs.append((len(prev[0]) * len(words), prev[0], words, prev[1]))
                prev = (words, left)
            else:
                prev = None
        else:
            prev = None
        size = 10**9 if words is None else _rarity(words)
        if not mixed and (anchor is None or size < anchor[0]):
            anchor = (size, words, left)
        left += width
    rx = _LazyRegex("(?<= )" + "".join(parts))
    if pairs and (anchor is None or anchor[0] >= PAIR_WHEN):
        # everyday anchor words ("home", "back") let too many patterns through: two
        # neighbouring word choices together are far rarer
        _, a, b, at = min(pairs, key=lambda x: x[0])
        return rx, (_PAIR, frozenset((x, y) for x in a for y in b), a, b), required, at
    if anchor is None:
        return rx, _ALWAYS, required, 0
    return rx, (_NUM if anchor[1] is None else anchor[1]), required, anchor[2]


class _LazyRegex:
    """A regex compiled on first use: most patterns are never tried on a given note,
    and compiling thousands of alternations up front dominated the engine's load time."""

    __slots__ = ("_rx", "pattern")

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        self._rx: re.Pattern[str] | None = None

    def compiled(self) -> re.Pattern[str]:
        rx = self._rx
        if rx is None:
            rx = self._rx = re.compile(self.pattern)
        return rx

    def match(self, text: str, pos: int = 0) -> re.Match[str] | None:
        return self.compiled().match(text, pos)

    def finditer(self, text: str):
        return self.compiled().finditer(text)


class TokenPatternMatcher:
    """Holds compiled patterns under keys; call with a list of lower-cased tokens."""

    def __init__(self, macros: dict[str, list[str]], split: Splitter = None) -> None:
        self.macros = macros
        self.split = split
        self.patterns: list[tuple[Any, _LazyRegex, int, Any, int, bool]] = []
        self.index: dict[str, list[int]] = {}
        self.index2: dict[tuple[str, str], list[int]] = {}
        self.always: list[int] = []
        self.num: list[int] = []
        # each distinct required word set is one bit; a word maps to the bits of the sets
        # holding it, so a note's satisfied sets are one OR per word and a pattern's
        # requirements one AND (instead of a set test per requirement per pattern)
        self._set_bit: dict[frozenset[str], int] = {}
        self._word_info: dict[str, tuple[list[int] | None, int]] | None = None
        self._pair_first: frozenset[str] = frozenset()
        self._masks: list[int] = []  # patterns[pid][2], kept flat for the candidate filter
        # the words a match can start with (None: any), so a start position is tried only
        # when its token fits: far cheaper than a failed regex call
        self._first: list[frozenset[str] | None] = []

    def _first_words(self, text: str) -> frozenset[str] | None:
        raw = text.split()[0]
        if raw.startswith("*") or (raw.endswith("?") and len(raw) > 1):
            return None
        if "#NUM" in raw.split("|"):
            return None
        return frozenset(_firsts(expand_words(raw, self.macros), self.split))

    def add(self, key: Any, pattern_texts: list[str]) -> None:
        """Add pattern strings (the lexicon's token language) under ``key``."""
        for text in pattern_texts:
            for t in expand_groups(text):
                rx, anchor, required, left = compile_token_regex(t, self.macros, self.split)
                pid = len(self.patterns)
                self._first.append(self._first_words(t))
                if isinstance(anchor, tuple):  # a pair anchor
                    _, pair_set, a, b = anchor
                    done = {frozenset(a), frozenset(b)}
                    rest = sorted(
                        {r for r in required if r not in done}, key=lambda r: _rarity(sorted(r))
                    )
                    self.patterns.append((key, rx, self._mask(rest), pair_set, left, True))
                    self._masks.append(self.patterns[-1][2])
                    for pr in pair_set:
                        self.index2.setdefault(pr, []).append(pid)
                    continue
                anchor_set = frozenset(anchor) if isinstance(anchor, list) else None
                # the anchor set is satisfied by construction; check the rarest of the rest first
                rest = sorted(
                    {r for r in required if r != anchor_set}, key=lambda r: _rarity(sorted(r))
                )
                self.patterns.append((key, rx, self._mask(rest), anchor_set, left, False))
                self._masks.append(self.patterns[-1][2])
                if anchor == _ALWAYS:
                    self.always.append(pid)
                elif anchor == _NUM:
                    self.num.append(pid)
                else:
                    for w in anchor:
                        self.index.setdefault(w, []).append(pid)

    def compile_all(self) -> None:
        """Compile every regex now (the engine does this once at load, so no note pays it)."""
        for p in self.patterns:
            p[1].compiled()

    def _mask(self, required: list[frozenset[str]]) -> int:
        mask = 0
        for r in required:
            bit = self._set_bit.get(r)
            if bit is None:
                bit = self._set_bit[r] = 1 << len(self._set_bit)
            mask |= bit
        self._word_info = None
        return mask

    def _renumber_bits(self) -> None:
        """Give the required sets that most patterns need the lowest bits: the masks of
        most candidates are then small integers, and the per-candidate test is cheap."""
        uses = [0] * len(self._set_bit)
        for mk in self._masks:
            while mk:
                low = mk & -mk
                uses[low.bit_length() - 1] += 1
                mk ^= low
        order = sorted(range(len(uses)), key=lambda b: -uses[b])
        new_of = {old: new for new, old in enumerate(order)}

        def remap(mk: int) -> int:
            out = 0
            while mk:
                low = mk & -mk
                out |= 1 << new_of[low.bit_length() - 1]
                mk ^= low
            return out

        self._set_bit = {r: 1 << new_of[b.bit_length() - 1] for r, b in self._set_bit.items()}
        self.patterns = [
            (key, rx, remap(mk), anchor, left, pair)
            for key, rx, mk, anchor, left, pair in self.patterns
        ]
        self._masks = [p[2] for p in self.patterns]

    def _build_word_info(self) -> dict[str, tuple[list[int] | None, int]]:
        """word -> (patterns anchored on it, bits of the required sets holding it): one
        lookup per distinct word of a note serves both the prefilter and the mask."""
        self._renumber_bits()
        wm: dict[str, int] = {}
        for r, bit in self._set_bit.items():
            for w in r:
                wm[w] = wm.get(w, 0) | bit
        info = {w: (self.index.get(w), wm.get(w, 0)) for w in set(wm) | set(self.index)}
        self._pair_first = frozenset(a for a, _ in self.index2)
        self._word_info = info
        return info

    def __call__(self, words: list[str]) -> list[tuple[Any, int, int]]:
        """All (key, start token, end token) matches, non-overlapping per pattern."""
        info = self._word_info or self._build_word_info()
        cand: set[int] = set(self.always)
        present = set(words)
        sat = 0
        for w in present:
            wi = info.get(w)
            if wi is not None:
                ids, b = wi
                if ids:
                    cand.update(ids)
                sat |= b
        if self.num and any(w[:1].isdigit() or w in _NUM_WORDS for w in present):
            cand.update(self.num)
        index2 = self.index2
        pair_pos: dict[tuple[str, str], list[int]] = {}
        firsts = self._pair_first
        for i in range(len(words) - 1) if not firsts.isdisjoint(present) else ():
            if words[i] in firsts:
                pr = (words[i], words[i + 1])
                ids = index2.get(pr)
                if ids:
                    cand.update(ids)
                    pair_pos.setdefault(pr, []).append(i)
        if not cand:
            return []
        text = " " + " ".join(words) + " "
        tokpos: list[int] = []
        p = 1
        for w in words:
            tokpos.append(p)
            p += len(w) + 1
        tokpos.append(p)
        positions: dict[str, list[int]] = {}
        out: list[tuple[Any, int, int]] = []
        patterns = self.patterns
        masks = self._masks
        firsts_of = self._first
        for pid in sorted([pid for pid in cand if masks[pid] & sat == masks[pid]]):
            key, lazy, _, anchor_set, left, is_pair = patterns[pid]
            rx = lazy._rx or lazy.compiled()
            fw = firsts_of[pid]
            if anchor_set is None:
                for m in rx.finditer(text):
                    s, e = m.start(), m.end()
                    if e > s:
                        out.append((key, bisect_left(tokpos, s), bisect_left(tokpos, e)))
                continue
            # the anchor occurrences: a match must start at most `left` tokens before one
            if is_pair:
                occ = [i for pr in anchor_set.intersection(pair_pos) for i in pair_pos[pr]]
            else:
                if not positions:
                    for i, x in enumerate(words):
                        positions.setdefault(x, []).append(i)
                occ = [i for w in anchor_set.intersection(present) for i in positions[w]]
            if not occ:
                continue
            if left == 0:
                last_end = -1
                match = rx.match
                for st in sorted(occ) if len(occ) > 1 else occ:
                    if st < last_end or (fw is not None and words[st] not in fw):
                        continue
                    m = match(text, tokpos[st])
                    if m is not None and m.end() > m.start():
                        e = bisect_left(tokpos, m.end(), st)
                        out.append((key, st, e))
                        last_end = e
                continue
            starts: range | list[int]
            if len(occ) == 1:
                i = occ[0]
                starts = range(i - left if i > left else 0, i + 1)
            else:
                span: set[int] = set()
                for i in occ:
                    span.update(range(i - left if i > left else 0, i + 1))
                starts = sorted(span)
            if fw is not None:
                starts = [st for st in starts if words[st] in fw]
            last_end = -1
            match = rx.match
            for st in starts:
                if st < last_end:
                    continue
                m = match(text, tokpos[st])
                if m is not None and m.end() > m.start():
                    e = bisect_left(tokpos, m.end(), st)
                    out.append((key, st, e))
                    last_end = e
        return out
