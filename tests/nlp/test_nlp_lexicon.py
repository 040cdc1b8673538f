"""The lexicon and the shipped spec: ids are a contract with the web app and the eval sets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from support import shared_file

from rhi_assistant.nlp import load_indicators
from rhi_assistant.nlp.lexicon import (
    LexiconError,
    compile_patterns,
    expand_groups,
    load_lexicon,
    load_macros,
)

REPO = Path(__file__).resolve().parents[2]
SHIPPED_SPEC = REPO / "rhi_assistant" / "nlp" / "data" / "indicators.json"


def test_shipped_spec_equals_shared_spec() -> None:
    shared = shared_file("spec/indicators.json")
    assert json.loads(SHIPPED_SPEC.read_text(encoding="utf-8")) == json.loads(
        shared.read_text(encoding="utf-8")
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
        compile_patterns("got into @NOPE", load_macros())


def test_phrase_choices_expand() -> None:
    assert expand_groups("go (out of town|country)") == ["go out of town", "go country"]
