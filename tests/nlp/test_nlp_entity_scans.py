"""The entity finder's scans that were rewritten for speed find what their plain forms find.

Why: a pattern that opens with a look back gives ``re`` no first character to skip to, so
it was tried at every character of every note; the look back now follows the character it
guards. These tests keep the plain forms beside the fast ones, on ordinary sentences and on
random strings of the characters that decide them.
"""

from __future__ import annotations

import random
import re

from rhi_assistant.nlp import entities

PLAIN_CAP_TOKEN = re.compile(r"(?<![\w@.'\u2019/-])[A-Z][A-Za-z0-9]*(?:['\u2019-][A-Za-z]+)?")
PLAIN_UPPER_DIGIT = re.compile(r"[A-Z]\d|\d[A-Z]|\d\s[A-Z]{3}\b")
PLAIN_QUOTED_NICK = re.compile(
    r"(?<![A-Za-z])['\"‘“]([A-Z][A-Za-z0-9]{1,15}(?:[\s-][A-Z][A-Za-z0-9]{0,15})?)['\"’”](?![A-Za-z])"
)

SENTENCES = [
    "Jade went to McDonald's with 'Tiny' and O'Neil on the A38.",
    "She met \"Big Dee\" at Station Road; his car was AB12 CDE or 12 ABC.",
    "'Kyzer' said it. x'Tom' no. Mr Khan, e-Mail, @Sam and /Leeds.",
    "Called ‘Smokey’ by them… went to KFC (07700 900651) then up to Bristol.",
]


def _random_strings(alphabet: str, n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 24))) for _ in range(n)]


def test_capitalised_words_are_the_ones_the_plain_pattern_finds() -> None:
    texts = SENTENCES + _random_strings("aAZ1 .'\u2019/-@x\n", 20_000, seed=1)
    for t in texts:
        fast = [m.span() for m in entities.CAP_TOKEN_RE.finditer(t)]
        assert fast == [m.span() for m in PLAIN_CAP_TOKEN.finditer(t)], t


def test_capital_next_to_digit_is_found_where_the_plain_pattern_finds_it() -> None:
    texts = SENTENCES + _random_strings("aAZ19 \u0663\n", 20_000, seed=2)
    for t in texts:
        fast = [m.span() for m in entities.UPPER_DIGIT_RE.finditer(t)]
        assert fast == [m.span() for m in PLAIN_UPPER_DIGIT.finditer(t)], t


def test_quoted_nicknames_are_the_ones_the_plain_pattern_finds() -> None:
    texts = SENTENCES + _random_strings("aAB1 '\"‘“’”-x\n", 20_000, seed=3)
    for t in texts:
        fast = [m.span(1) for m in entities.QUOTED_NICK_RE.finditer(t)]
        assert fast == [m.span(1) for m in PLAIN_QUOTED_NICK.finditer(t)], t


def test_a_street_or_venue_is_only_scanned_for_where_its_word_is_written() -> None:
    """The hints gate the scans: every street or venue the full patterns find holds one."""
    assert entities.STREET_HINT_RE.search("she lives on the road near the close") is None
    assert entities.STREET_HINT_RE.search("at 14 Park Street") is not None
    assert entities.VENUE_HINT_RE.search("went to KFC") is not None
    for t in SENTENCES:
        for m in entities.STREET_RE.finditer(t):
            assert entities.STREET_HINT_RE.search(m.group()), m.group()
        for m in entities.VENUE_RE.finditer(t):
            assert entities.VENUE_HINT_RE.search(m.group()), m.group()
    names = {e.text for e in entities.find_entities(SENTENCES[1] + " " + SENTENCES[3])}
    assert {"Station Road", "KFC"} <= names
