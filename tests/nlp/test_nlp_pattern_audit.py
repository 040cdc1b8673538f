"""The pattern audit (``rhi-assistant nlp lint``, nlp/lint.py) passes on the shipped data.

One test runs the whole audit (every lexicon, concept, cue and time pattern);
the others show that the audit catches each kind of mistake it looks for.
"""

from __future__ import annotations

from click.testing import CliRunner

from rhi_assistant.nlp.cli import nlp
from rhi_assistant.nlp.lint import Pattern, all_patterns, lint


def test_every_shipped_pattern_passes_the_lint_command() -> None:
    result = CliRunner().invoke(nlp, ["lint"])
    assert result.exit_code == 0, result.output
    assert "0 problem(s)" in result.output


def test_the_audit_covers_the_lexicon_concepts_cues_and_times() -> None:
    kinds = {p.kind for p in all_patterns()}
    assert {"pattern", "exclude", "concept", "cue", "pseudo", "denies_before"} <= kinds
    assert len(all_patterns()) > 2000


def test_a_multi_word_choice_without_brackets_is_reported() -> None:
    bad = Pattern("pull.friends_or_partner", "concept", "going out with|sleeping with him")
    assert any("brackets" in str(p) for p in lint([bad]))


def test_a_group_glued_to_a_word_choice_is_reported() -> None:
    bad = Pattern("push.low_self_esteem", "concept", "feels nothing|(a failure|a waste)")
    assert any("glues a bracketed group" in str(p) for p in lint([bad]))


def test_a_pattern_whose_simplest_form_is_not_found_is_reported() -> None:
    bad = Pattern("cce.weapons", "pattern", "zzzunheardword")
    assert any("simplest form" in str(p) for p in lint([bad]))
