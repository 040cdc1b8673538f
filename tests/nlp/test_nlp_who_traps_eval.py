"""The who-and-whether trap set (tests/nlp/who_traps): other people's acts, adults' worries,
possibilities and denials must not be ticked as the child's findings, and should be shown with
the right reason (negated, hypothetical, other person). The set was written before the rules it
checks were changed; its figures before are in its README."""

from __future__ import annotations

from pathlib import Path

from nlp_support import read_rows, score

from rhi_assistant.nlp.cli import prediction_for

GOLD = Path(__file__).resolve().parent / "who_traps" / "indicators.who_traps.jsonl"


def test_who_trap_set_keeps_traps_off_the_childs_record(tmp_path: Path) -> None:
    s = score("indicators", GOLD, [prediction_for(r) for r in read_rows(GOLD)], tmp_path)
    assert s["bad_evidence"] == 0
    assert s["trap_rate"] <= 0.01, s
    assert s["trap_assertion_accuracy"] >= 0.74, s
    assert s["recall"] >= 0.68, s
