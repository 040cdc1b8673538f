"""A fast matcher for the lexicon's token patterns over the spaCy token stream.

spaCy's ``Matcher`` evaluates ``IN`` sets in Python for every pattern at every
token, which made a lexicon of ~1,000 patterns cost ~6 ms per note. Here every
word the patterns spell gets one character of its own, a note is written as one
character per token (a word no pattern spells is one shared "other" character),
and each pattern becomes a regular expression over that string in which a word
choice is a character class. Matching stays token-aligned by construction (a
match's character offsets are its token offsets), and only patterns whose
rarest required word occurs in the note are tried.

Why characters rather than the words themselves: a regex over the note's
words joined by spaces spells every word choice as an alternation of escaped
words; compiling ~5,000 of those took about half of the engine's load time,
and trying them was slower than a class lookup.

Loading: the parsed and indexed tables are cached beside the code (``compile_all``),
keyed by a fingerprint of the patterns and the code, and each regex is compiled the
first time a note needs it; together they took the matcher's share of the engine's
load from about half a second to a few hundredths.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

from . import language
from .lexicon import LexiconError, common_words, expand_groups, expand_words

NUM_WORDS = "|".join(language.word_list("number_words"))
NUM_RE = r"(?:[+-]?\d[\d,.:/]*|" + NUM_WORDS + ")"
_ALWAYS = "\x00always"
# far too common to anchor a pattern on (data/en/word_lists.json)
COMMON = language.words("function_words")
_NUM = "\x00num"
# how the tokenizer cuts a pattern word ("cannot" -> ["can", "not"])
Splitter = Callable[[str], list[str]]
MAX_PAIRS = 400  # most word pairs one pattern may put in the pair index
PAIR_WHEN = 40  # use a pair anchor when the best single anchor is at least this common


def _firsts(words: list[str], split: Splitter) -> list[str]:
    """Each literal and the first token of its split form (what the prefilter can look for)."""
    return list(dict.fromkeys([*words, *(split(w)[0] for w in words)]))


def _width(words: list[str], split: Splitter) -> int:
    return max(len(split(w)) for w in words)


FREQUENT = common_words()


def _rarity(words: list[str]) -> int:
    """Lower is rarer: sets with function words or everyday words make poor anchors."""
    return len(words) + sum(1000 if w in COMMON else 40 if w in FREQUENT else 0 for w in words)


# A token's choices: each a run of tokens (("can", "not") for "cannot" as the tokenizer cuts it).
Choices = tuple[tuple[str, ...], ...]


class Skip(NamedTuple):
    """``*N`` in a pattern: up to ``most`` tokens of anything but a line break."""

    most: int


class TokenSpec(NamedTuple):
    """One token of a pattern: the token runs it may be, whether a number fits it too
    (``#NUM``), and whether it may be left out (``word?``)."""

    choices: Choices
    number: bool
    optional: bool


# One step of a pattern, in order.
Step = Skip | TokenSpec


# One match of the matcher: (the key its pattern was added under, start token, end
# token). A plain tuple: a note has a dozen or more, made in the hot loop.
Match = tuple[Any, int, int]


def _choices(words: list[str], split: Splitter) -> Choices:
    """The token runs one token spec can match. A literal the tokenizer splits ("cannot" ->
    can not, "half-term" -> half - term) is matched as that run of tokens, so it is never
    dead; the literal itself is kept too (case-dependent exceptions: "ID" vs "id")."""
    out: set[tuple[str, ...]] = set()
    for w in words:
        out.add(tuple(w.split(" ")))
        out.add(tuple(split(w)))
    return tuple(sorted(out))


class TokenInfo(NamedTuple):
    """One token spec as parse_pattern needs it."""

    step: TokenSpec
    width: int  # the most tokens one of its choices takes
    words: list[str] | None  # the first words it may start with (None for a number)
    required: frozenset[str] | None  # those words as a set the note must hold
    rarity: int  # lower is rarer: a better anchor
    mixed: bool  # a number or words: never an anchor


class PairAnchor(NamedTuple):
    """Two neighbouring word choices that together anchor a pattern: every word pair
    they make, and the two choices."""

    pairs: frozenset[tuple[str, str]]
    first: list[str]
    second: list[str]


# A pattern's anchor: the words one of which a note must hold, a pair, or a marker
# (_ALWAYS: try on every note; _NUM: on notes with a number).
Anchor = list[str] | PairAnchor | str


def _token_info(raw: str, macros: dict[str, list[str]], split: Splitter) -> TokenInfo:
    optional = raw.endswith("?") and len(raw) > 1
    spec = raw[:-1] if optional else raw
    if spec == "#NUM":
        return TokenInfo(TokenSpec((), True, optional), 1, None, None, 10**9, False)
    alts = spec.split("|")
    if "#NUM" in alts:  # a number or some words
        full = expand_words("|".join(a for a in alts if a != "#NUM"), macros)
        step = TokenSpec(_choices(full, split), True, optional)
        return TokenInfo(step, 1, None, None, 10**9, True)
    full = expand_words(spec, macros)
    words = _firsts(full, split)
    step = TokenSpec(_choices(full, split), False, optional)
    return TokenInfo(step, _width(full, split), words, frozenset(words), _rarity(words), False)


def parse_pattern(
    text: str,
    macros: dict[str, list[str]],
    split: Splitter,
    cache: dict[str, TokenInfo],
) -> tuple[list[Step], Anchor, list[frozenset[str]]]:
    """One pattern string's steps, its anchor words (or a marker) and its required word sets.

    ``cache`` keeps each token spec's parse between patterns: macros make the same specs
    recur thousands of times in a lexicon, and sharing one step tuple and one required
    set among all their uses keeps the matcher's build small as well as quick."""
    steps: list[Step] = []
    anchor: tuple[int, list[str] | None] | None = None  # (rarity, words) of the best so far
    required: list[frozenset[str]] = []
    prev: list[str] | None = None  # the plain one-token word choice just before
    pairs: list[tuple[int, list[str], list[str]]] = []
    definite = False
    for raw in text.split():
        if raw.startswith("*") and raw[1:].isdigit():
            steps.append(Skip(int(raw[1:])))
            prev = None
            continue
        hit = cache.get(raw)
        if hit is None:
            hit = cache[raw] = _token_info(raw, macros, split)
        step, width, words, word_set, size, mixed = hit
        steps.append(step)
        optional = step.optional
        definite = definite or not optional
        if optional:
            prev = None
            continue
        if word_set is not None:
            required.append(word_set)
            if width == 1:
                assert words is not None  # a one-token word choice always lists its words
                if prev is not None and len(prev) * len(words) <= MAX_PAIRS:
                    pairs.append((len(prev) * len(words), prev, words))
                prev = words
            else:
                prev = None
        else:
            prev = None
        if not mixed and (anchor is None or size < anchor[0]):
            anchor = (size, words)
    if not definite:
        raise LexiconError(f"pattern matches nothing definite: {text!r}")
    if pairs and (anchor is None or anchor[0] >= PAIR_WHEN):
        # everyday anchor words ("home", "back") let too many patterns through: two
        # neighbouring word choices together are far rarer
        _, a, b = min(pairs, key=lambda x: x[0])
        return steps, PairAnchor(frozenset((x, y) for x in a for y in b), a, b), required
    if anchor is None:
        return steps, _ALWAYS, required
    return steps, (_NUM if anchor[1] is None else anchor[1]), required


# Characters of the encoded note; pattern words get characters from U+10000 on.
BLOCK = "\x00"  # a token with whitespace in it ("\n"): nothing matches it, no skip crosses it
OTHER = "\x01"  # a word no pattern spells
NUMBER = "\x02"  # a number-like token no pattern spells
_FIRST_CODE = 0x10000
_NUM_FULL = re.compile(NUM_RE)
_SPACE = re.compile(r"\s")


def _char_class(chars: list[str]) -> str:
    """A class of code characters, consecutive ones written as a range (the codes lie
    above U+FFFF, so none needs escaping; the few specials below are not regex syntax)."""
    cs = sorted(set(chars))
    if len(cs) == 1:
        return cs[0]
    out: list[str] = []
    i = 0
    while i < len(cs):
        j = i
        while j + 1 < len(cs) and ord(cs[j + 1]) == ord(cs[j]) + 1:
            j += 1
        out.append(cs[i] if j == i else cs[i] + cs[j] if j == i + 1 else cs[i] + "-" + cs[j])
        i = j + 1
    return "[" + "".join(out) + "]"


class _Encoder(dict):
    """Token -> its character. Pattern words are fixed at build time; any other token
    is classified once (other word, number, or whitespace) and remembered, since a
    note's vocabulary repeats; the remembered ones are dropped when they pile up."""

    LIMIT = 50000

    def __init__(self, codes: dict[str, str]) -> None:
        super().__init__(codes)
        self.base = codes

    def __missing__(self, w: str) -> str:
        if _SPACE.search(w) is not None or not w:
            c = BLOCK
        elif _NUM_FULL.fullmatch(w) is not None:
            c = NUMBER
        else:
            c = OTHER
        if len(self) > len(self.base) + self.LIMIT:
            self.clear()
            self.update(self.base)
        self[w] = c
        return c


_CACHE_VERSION = "1"


def _write_cache(cache: Path, fingerprint: str, state: dict[str, Any]) -> None:
    """Write the tables where the next load finds them: to a new file moved into place,
    so a reader never sees half a file; where the folder is read-only, nothing is
    kept and each load builds (correct, only slower)."""
    tmp = cache.with_name(f"{cache.name}.{os.getpid()}.tmp")
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        with tmp.open("wb") as fh:
            fh.write(fingerprint.encode("ascii"))
            pickle.dump(state, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, cache)
    except OSError:
        tmp.unlink(missing_ok=True)


class _LazyRegexes:
    """Pattern id -> its compiled regex, compiled on first use from its source
    (``patterns`` is a plain list, which the hot loop indexes fastest)."""

    def __init__(self, sources: list[str]) -> None:
        self.sources = sources
        self.patterns: list[re.Pattern[str] | None] = [None] * len(sources)

    def compiled(self, pid: int) -> re.Pattern[str]:
        rx = self.patterns[pid]
        if rx is None:
            rx = self.patterns[pid] = re.compile(self.sources[pid])
        return rx


class TokenPatternMatcher:
    """Holds compiled patterns under keys; call with a list of lower-cased tokens."""

    def __init__(self, macros: dict[str, list[str]], split: Splitter) -> None:
        self.macros = macros
        self.split = split
        self.keys: list[Any] = []
        self._steps: list[list[Step]] = []
        self._spec_cache: dict[str, TokenInfo] = {}
        self._rx: _LazyRegexes | None = None
        self._encoder: _Encoder | None = None
        self.index: dict[str, list[int]] = {}
        self.index2: dict[tuple[str, str], list[int]] = {}
        self.always: list[int] = []
        self.num: list[int] = []
        # each distinct required word set is one bit; a word maps to the bits of the sets
        # holding it, so a note's satisfied sets are one OR per word and a pattern's
        # requirements one AND (instead of a set test per requirement per pattern)
        self._set_bit: dict[frozenset[str], int] = {}
        self._word_info: dict | None = None  # code -> (mask groups or None, bits)
        self._pairs: dict[str, list[int]] = {}  # two code characters -> patterns
        self._pair_first: frozenset[str] = frozenset()
        self._num_codes: frozenset[str] = frozenset()
        self._masks: list[int] = []  # each pattern's required bits, for the candidate filter
        self._added: list[tuple[Any, list[str]]] = []  # (key, pattern texts) per add call

    def add(self, key: Any, pattern_texts: list[str]) -> None:
        """Add pattern strings (the lexicon's token language) under ``key``; all patterns
        are added before the first compile or call (see :meth:`compile_all`), which
        parses them (or takes the whole build from its cache)."""
        if self._rx is not None:
            raise RuntimeError("patterns cannot be added to a compiled matcher")
        self._added.append((key, list(pattern_texts)))

    def _parse_added(self) -> list[int]:
        """Parse every added pattern into steps, anchors and required sets; returns how
        many patterns each ``add`` call made (a choice group makes several)."""
        counts: list[int] = []
        for key, pattern_texts in self._added:
            before = len(self.keys)
            for text in pattern_texts:
                for t in expand_groups(text):
                    self._parse_one(key, t)
            counts.append(len(self.keys) - before)
        return counts

    def _parse_one(self, key: Any, t: str) -> None:
        steps, anchor, required = parse_pattern(t, self.macros, self.split, self._spec_cache)
        pid = len(self.keys)
        self.keys.append(key)
        self._steps.append(steps)
        if isinstance(anchor, PairAnchor):
            pair_set, a, b = anchor
            done = {frozenset(a), frozenset(b)}
            rest = sorted({r for r in required if r not in done}, key=lambda r: _rarity(sorted(r)))
            self._masks.append(self._mask(rest))
            for pr in pair_set:
                self.index2.setdefault(pr, []).append(pid)
            return
        anchor_set = frozenset(anchor) if isinstance(anchor, list) else None
        # the anchor set is satisfied by construction; check the rarest of the rest first
        rest = sorted({r for r in required if r != anchor_set}, key=lambda r: _rarity(sorted(r)))
        self._masks.append(self._mask(rest))
        if anchor == _ALWAYS:
            self.always.append(pid)
        elif anchor == _NUM:
            self.num.append(pid)
        else:
            for w in anchor:
                self.index.setdefault(w, []).append(pid)

    def compile_all(self, cache: Path | None = None, salt: str = "") -> None:
        """Parse the added patterns, give the pattern words their characters, write every
        pattern's regex and build the prefilter's tables (the engine does this once at
        load).

        With ``cache`` (a file path), the built tables are kept there under a fingerprint
        of everything they are made from (the patterns in the order added, the macros,
        the word lists and this module's and lexicon.py's source, plus ``salt``: what
        else decides how words are cut, such as the spaCy version); a later load with
        the same fingerprint reads them back instead of parsing ~10,000 patterns again,
        and any change to the patterns or the code builds afresh. The keys themselves
        are never cached: they come from the ``add`` calls, in order.

        Words that stand in exactly the same places of every pattern (most inflections of
        a word, most members of a macro) share one character, and the characters lie
        beyond the Basic Multilingual Plane: ``re`` compiles a class of such characters
        as a short list of ranges instead of building a 64K bitmap for each of the
        ~10,000 word choices, which made compiling several times cheaper."""
        fingerprint = self._fingerprint(salt) if cache is not None else ""
        if cache is not None and self._load_cached(cache, fingerprint):
            return
        counts = self._parse_added()
        self._build()
        if cache is not None:
            _write_cache(cache, fingerprint, self._state(counts))

    def _build(self) -> None:
        # where each word may stand: in a one-token choice of a word set, or at a
        # position of a multi-token run in one
        specs: dict[Choices, int] = {}
        places: dict[str, list[Any]] = {}
        for steps in self._steps:
            for step in steps:
                if not isinstance(step, TokenSpec) or step.choices in specs:
                    continue
                sid = specs[step.choices] = len(specs)
                for run in step.choices:
                    if len(run) == 1:
                        places.setdefault(run[0], []).append(sid)
                    else:
                        for i, w in enumerate(run):
                            places.setdefault(w, []).append((sid, run, i))
        codes: dict[str, str] = {}
        of_place: dict[tuple[Any, ...], str] = {}
        for w, where in places.items():
            sig = (
                tuple(where),
                _NUM_FULL.fullmatch(w) is not None,
                not w or _SPACE.search(w) is not None,
            )
            c = of_place.get(sig)
            if c is None:
                c = of_place[sig] = chr(_FIRST_CODE + len(of_place))
            codes[w] = c
        # a skip crosses any token without whitespace in it (as \S+ did over the joined words)
        spaced = {c for w, c in codes.items() if not w or _SPACE.search(w) is not None}
        skip = "[^" + BLOCK + "".join(sorted(spaced)) + "]"
        numbers = [NUMBER, *{c for w, c in codes.items() if _NUM_FULL.fullmatch(w)}]
        cache: dict[TokenSpec, str] = {}
        # each pattern's regex is written now but compiled the first time a note lets it
        # through the prefilter: a note tries a few dozen of the ~10,000 patterns, and
        # compiling them all was half the engine's load time and a good part of its memory
        self._rx = _LazyRegexes(
            [self._regex(steps, codes, skip, numbers, cache) for steps in self._steps]
        )
        self._encoder = _Encoder(codes)
        # what only building needed (parsed steps, word-keyed indexes, required sets:
        # several MB for a large lexicon) goes as soon as it has served, which also
        # lowers the load's memory peak; a compiled matcher is frozen
        del specs, places, of_place, cache
        self._steps, self._spec_cache = [], {}
        self._build_word_info()
        self._set_bit, self.index, self.index2 = {}, {}, {}

    def _fingerprint(self, salt: str) -> str:
        """What the compiled tables are made of, hashed (see :meth:`compile_all`)."""
        h = hashlib.sha256()
        here = Path(__file__).resolve().parent
        for name in ("tokmatch.py", "lexicon.py"):
            h.update((here / name).read_bytes())
        parts = [
            _CACHE_VERSION, sys.version, salt, NUM_RE, sorted(COMMON), sorted(FREQUENT),
            sorted(self.macros.items()), [texts for _, texts in self._added],
        ]
        h.update(json.dumps(parts, ensure_ascii=False).encode("utf-8"))
        return h.hexdigest()

    def _state(self, counts: list[int]) -> dict[str, Any]:
        assert self._rx is not None and self._encoder is not None
        return {
            "counts": counts,
            "sources": self._rx.sources,
            "codes": self._encoder.base,
            "word_info": self._word_info,
            "pairs": self._pairs,
            "num_codes": self._num_codes,
            "masks": self._masks,
            "always": self.always,
            "num": self.num,
        }

    def _load_cached(self, cache: Path, fingerprint: str) -> bool:
        """Take the compiled tables from ``cache`` if it holds this fingerprint's."""
        try:
            with cache.open("rb") as fh:
                if fh.read(len(fingerprint)).decode("ascii") != fingerprint:
                    return False
                state = pickle.load(fh)  # noqa: S301 - written by this module, beside the code
        except (OSError, ValueError, EOFError, pickle.UnpicklingError):
            return False
        counts = state["counts"]
        if len(counts) != len(self._added):
            return False
        self.keys = [key for (key, _), n in zip(self._added, counts, strict=True) for _ in range(n)]
        self._rx = _LazyRegexes(state["sources"])
        self._encoder = _Encoder(state["codes"])
        self._word_info = state["word_info"]
        self._pairs = state["pairs"]
        self._pair_first = frozenset(k[0] for k in self._pairs)
        self._num_codes = state["num_codes"]
        self._masks = state["masks"]
        self.always = state["always"]
        self.num = state["num"]
        return True

    @staticmethod
    def _regex(
        steps: list[Step],
        codes: dict[str, str],
        skip: str,
        numbers: list[str],
        cache: dict[TokenSpec, str],
    ) -> str:
        parts: list[str] = []
        for step in steps:
            if isinstance(step, Skip):
                parts.append(skip + "{0," + str(step.most) + "}?")
                continue
            tok = cache.get(step)
            if tok is None:
                choices, number, optional = step
                singles = [codes[r[0]] for r in choices if len(r) == 1 and r[0]]
                if number:
                    singles += numbers
                # a longer run first, as the longest alternative came first over the joined
                # words (two runs that both fit at one place differ in length; one-token
                # words never both fit, so their order does not matter)
                runs = sorted(
                    {"".join(codes[w] for w in r) for r in choices if len(r) > 1 and all(r)},
                    key=lambda s: (-len(s), s),
                )
                alts = runs + ([_char_class(singles)] if singles else [])
                tok = (
                    alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")" if alts else "(?!)"
                )
                if optional:
                    tok = "(?:" + tok + ")?"
                cache[step] = tok
            parts.append(tok)
        return "".join(parts)

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
        self._masks = [remap(mk) for mk in self._masks]

    def _build_word_info(self) -> dict:
        """code character -> (patterns anchored on its words, bits of the required sets
        holding them): one lookup per distinct character of an encoded note serves both
        the prefilter and the mask. Words that share a character stand in the same
        places of every pattern; the union over them is kept all the same, so the
        prefilter can only let more patterns through, never fewer."""
        assert self._encoder is not None
        codes = self._encoder.base
        self._renumber_bits()
        wm: dict[str, int] = {}
        for r, bit in self._set_bit.items():
            for w in r:
                wm[w] = wm.get(w, 0) | bit
        ids_of: dict[str, list[int]] = {}
        bits_of: dict[str, int] = {}
        # a word with no character (a literal with a space in it) is never one token
        for w in set(wm) | set(self.index):
            c = codes.get(w)
            if c is not None:
                ids_of.setdefault(c, []).extend(self.index.get(w, ()))
                bits_of[c] = bits_of.get(c, 0) | wm.get(w, 0)
        del wm
        masks = self._masks
        info = {}
        for c, ids in ids_of.items():
            # the patterns anchored on this character, grouped by the required sets they
            # need: a note then tests each group's mask once instead of each pattern's
            groups: dict[int, list[int]] = {}
            for pid in sorted(set(ids)):
                groups.setdefault(masks[pid], []).append(pid)
            info[c] = (tuple((mk, tuple(g)) for mk, g in groups.items()) or None, bits_of[c])
        del ids_of
        pairs: dict[str, list[int]] = {}
        for (x, y), ids in self.index2.items():
            cx, cy = codes.get(x), codes.get(y)
            if cx is not None and cy is not None:
                pairs.setdefault(cx + cy, []).extend(ids)
        self._pairs = {k: sorted(set(v)) for k, v in pairs.items()}
        self._pair_first = frozenset(k[0] for k in self._pairs)
        self._num_codes = frozenset(c for w, c in codes.items() if _NUM_FULL.fullmatch(w))
        self._num_codes |= {NUMBER}
        self._word_info = info
        return info

    def __call__(self, words: list[str]) -> list[Match]:
        """All (key, start token, end token) matches, non-overlapping per pattern."""
        if self._rx is None:
            self.compile_all()
        info = self._word_info
        encoder = self._encoder
        rxs = self._rx
        assert info is not None and encoder is not None and rxs is not None
        rxl = rxs.patterns
        # one character per token: a match's offsets are its token offsets
        enc = "".join([encoder[w] for w in words])
        present = set(enc)
        hits = [ci for ci in map(info.get, present) if ci is not None]
        sat = 0
        for _, b in hits:
            sat |= b
        # anchored patterns come grouped by mask: one test per group, not per pattern
        ok: set[int] = set()
        for groups, _ in hits:
            if groups:
                for mk, ids in groups:
                    if mk & sat == mk:
                        ok.update(ids)
        cand: set[int] = set(self.always)
        if self.num and not self._num_codes.isdisjoint(present):
            cand.update(self.num)
        pairs = self._pairs
        firsts = self._pair_first
        for i in range(len(enc) - 1) if not firsts.isdisjoint(present) else ():
            if enc[i] in firsts:
                ids = pairs.get(enc[i : i + 2])
                if ids:
                    cand.update(ids)
        masks = self._masks
        if cand:
            ok.update([pid for pid in cand if masks[pid] & sat == masks[pid]])
        if not ok:
            return []
        # every match contains its anchor, so scanning the whole note finds all that the
        # prefilter allowed
        out: list[Match] = []
        keys = self.keys
        for pid in sorted(ok):
            key = keys[pid]
            rx = rxl[pid]
            if rx is None:
                rx = rxs.compiled(pid)
            for m in rx.finditer(enc):
                s, e = m.span()
                if e > s:
                    out.append((key, s, e))
        return out
