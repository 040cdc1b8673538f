"""The lexicon and the shipped spec: ids are a contract with the web app and the eval sets."""

from __future__ import annotations

import pytest

from rhi_assistant.nlp import load_indicators
from rhi_assistant.nlp.lexicon import (
    LexiconError,
    check_pattern,
    expand_groups,
    load_lexicon,
    load_macros,
)


def test_load_indicators_has_all_67() -> None:
    ind = load_indicators()
    assert len(ind) == 67
    assert ind["cce.county_lines_travel"]["group"] == "cce"
    assert "CCE" in ind["cce.county_lines_travel"]["concerns"]
    assert all({"label", "group", "concerns"} <= set(v) for v in ind.values())


def test_every_indicator_has_lexicon_entries() -> None:
    lex = load_lexicon()
    assert set(lex) == set(load_indicators())
    assert all(entry.patterns for entry in lex.values())


def test_unknown_macro_is_an_error() -> None:
    with pytest.raises(LexiconError):
        check_pattern("got into @NOPE", load_macros())


def test_phrase_choices_expand() -> None:
    assert expand_groups("go (out of town|country)") == ["go out of town", "go country"]
