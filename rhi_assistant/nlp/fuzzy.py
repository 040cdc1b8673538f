"""Fuzzy fallback for misspellings and joined words ("boyfrend", "countylines").

Only words that are NOT already known (lexicon words, common English words)
and at least five letters long are looked at, and they are compared with
lexicon words of similar length that start with the same two letters (real
misspellings keep their start: "boyfrend", "exluded"; real words one letter
away do not: "treat" is not "threat", "stitches" is not "snitches"), so that
a real word is rarely "corrected" into an indicator. Joined words are compared
with the lexicon's multi-word phrases written without spaces. Results are
cached per word because interview vocabulary repeats a lot.
"""

from __future__ import annotations

from rapidfuzz import fuzz, process

from .lexicon import common_words

MIN_LEN = 5


class FuzzyCorrector:
    """Word-aligned fuzzy matcher over the lexicon vocabulary."""

    def __init__(self, lexicon_words: set[str], phrases: list[str], cutoff: float = 84.0) -> None:
        from spacy.lang.en.stop_words import STOP_WORDS

        self.cutoff = cutoff
        targets = {w for w in lexicon_words if len(w) >= MIN_LEN and w.isalpha()}
        self.known = set(lexicon_words) | common_words() | set(STOP_WORDS)
        self.joined: dict[str, list[str]] = {}
        for p in phrases:
            parts = p.lower().split()
            if len(parts) > 1:
                self.joined["".join(parts)] = parts
        self.buckets: dict[str, list[str]] = {}
        for w in sorted(targets):
            self.buckets.setdefault(w[:2], []).append(w)
        self.joined_buckets: dict[str, list[str]] = {}
        for j in self.joined:
            self.joined_buckets.setdefault(j[0], []).append(j)
        self.cache: dict[str, tuple[list[str], str, float] | None] = {}

    def lookup(self, word: str) -> tuple[list[str], str, float] | None:
        """Correction for one unknown lower-case word, or None."""
        if word in self.cache:
            return self.cache[word]
        result = None
        n = len(word)
        cands = [w for w in self.buckets.get(word[:2], ()) if abs(len(w) - n) <= 2]
        best = (
            process.extractOne(word, cands, scorer=fuzz.ratio, score_cutoff=self.cutoff)
            if cands
            else None
        )
        jcands = [j for j in self.joined_buckets.get(word[0], ()) if abs(len(j) - n) <= 2]
        jbest = (
            process.extractOne(word, jcands, scorer=fuzz.ratio, score_cutoff=self.cutoff)
            if jcands
            else None
        )
        if jbest is not None and (best is None or jbest[1] >= best[1]):
            parts = self.joined[jbest[0]]
            result = (parts, " ".join(parts), float(jbest[1]))
        elif best is not None:
            result = ([best[0]], best[0], float(best[1]))
        if len(self.cache) > 50000:
            self.cache.clear()
        self.cache[word] = result
        return result

    def corrections(self, words: list[str]) -> dict[int, tuple[list[str], str, float]]:
        """Token index -> (replacement words, target, score) for close unknown words."""
        known = self.known
        out: dict[int, tuple[list[str], str, float]] = {}
        for i, w in enumerate(words):
            if len(w) < MIN_LEN or w in known or not w.isalpha():
                continue
            hit = self.lookup(w)
            if hit is not None:
                out[i] = hit
        return out
