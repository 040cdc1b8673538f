"""The matcher's compiled tables are cached between loads: a cache must give exactly the
matches a fresh build gives, and any new or changed pattern must build afresh (other work
adds lexicon entries and concepts all the time; a stale cache would silently miss them)."""

from __future__ import annotations

from pathlib import Path

import spacy

from rhi_assistant.nlp import pipeline
from rhi_assistant.nlp.lexicon import load_macros
from rhi_assistant.nlp.pipeline import get_engine
from rhi_assistant.nlp.tokmatch import TokenPatternMatcher

PATTERNS = {
    "lift": ["got into a @VEH with *2 older men", "(drove|driven) her to (a|the) flat"],
    "phone": ["took her phone", "#NUM phones"],
    "anywhere": ["older? men"],
}
NOTES = [
    "she got into a car with two older men and they drove her to a flat",
    "he took her phone and had 3 phones on him",
    "the men were older",
]


def _matcher(patterns: dict[str, list[str]]) -> TokenPatternMatcher:
    m = TokenPatternMatcher(load_macros(), get_engine().matcher.split)
    for key, texts in patterns.items():
        m.add(key, texts)
    return m


def _words(text: str) -> list[str]:
    return [t.text.lower() for t in get_engine().nlp.make_doc(text)]


def _all_matches(m: TokenPatternMatcher) -> list[list[tuple[str, int, int]]]:
    return [m(_words(n)) for n in NOTES]


def test_cached_tables_give_the_same_matches(tmp_path: Path, monkeypatch) -> None:
    cache = tmp_path / "tables.pickle"
    fresh = _matcher(PATTERNS)
    fresh.compile_all(cache, salt="test")
    assert cache.exists()
    expected = _all_matches(fresh)
    assert all(expected)  # every note matches something

    def no_parse(self: TokenPatternMatcher) -> list[int]:
        raise AssertionError("a cache with the same fingerprint must not parse again")

    monkeypatch.setattr(TokenPatternMatcher, "_parse_added", no_parse)
    cached = _matcher(PATTERNS)
    cached.compile_all(cache, salt="test")
    assert _all_matches(cached) == expected
    assert cached.keys == fresh.keys


def test_a_new_pattern_builds_afresh_and_is_found(tmp_path: Path) -> None:
    cache = tmp_path / "tables.pickle"
    _matcher(PATTERNS).compile_all(cache, salt="test")
    # a pattern anchored on words no other pattern spells: found through the index
    grown = _matcher({**PATTERNS, "new": ["zorbled (her|him) *1 wibblestone"]})
    grown.compile_all(cache, salt="test")
    assert grown(_words("they zorbled her at wibblestone")) == [("new", 1, 5)]
    # and a changed pattern under an old key, too
    changed = _matcher({**PATTERNS, "phone": ["smashed her phone"]})
    changed.compile_all(cache, salt="test")
    assert changed(_words("he smashed her phone")) == [("phone", 1, 4)]
    assert changed(_words("he took her phone")) == []


def test_another_tokenizer_version_builds_afresh(tmp_path: Path, monkeypatch) -> None:
    cache = tmp_path / "tables.pickle"
    _matcher(PATTERNS).compile_all(cache, salt="test")
    parsed: list[bool] = []
    real = TokenPatternMatcher._parse_added

    def spy(self: TokenPatternMatcher) -> list[int]:
        parsed.append(True)
        return real(self)

    monkeypatch.setattr(TokenPatternMatcher, "_parse_added", spy)
    _matcher(PATTERNS).compile_all(cache, salt="spacy 9.9.9")
    assert parsed == [True]


def test_an_unreadable_cache_is_rebuilt(tmp_path: Path) -> None:
    cache = tmp_path / "tables.pickle"
    m = _matcher(PATTERNS)
    cache.write_bytes(m._fingerprint("test").encode("ascii") + b"not a pickle")
    m.compile_all(cache, salt="test")
    assert _all_matches(m) == _all_matches(_compiled(PATTERNS))


def _compiled(patterns: dict[str, list[str]]) -> TokenPatternMatcher:
    m = _matcher(patterns)
    m.compile_all()
    return m


def test_the_engine_keeps_its_tables_beside_the_code() -> None:
    engine = get_engine()
    salt = f"spacy {spacy.__version__}"
    head = pipeline.MATCHER_CACHE.read_bytes()[:64].decode("ascii")
    assert head == engine.matcher._fingerprint(salt)
