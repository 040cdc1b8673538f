"""Floors on the blind challenge set (tests/nlp/challenge), a little under what the engine reaches.

The challenge set was written without reading the engine; it stands in for the
held-out set. These floors catch regressions; they are not targets to tune to.
Without the shared scorer they fail in CI and skip elsewhere (tests/support.py `missing`).
"""

from __future__ import annotations

from pathlib import Path

from nlp_support import read_rows, score

from rhi_assistant.nlp import classify_question
from rhi_assistant.nlp.cli import prediction_for

HERE = Path(__file__).resolve().parent
CHALLENGE = HERE / "challenge"


def test_challenge_indicator_floors(tmp_path: Path) -> None:
    gold = CHALLENGE / "indicators.challenge.jsonl"
    s = score("indicators", gold, [prediction_for(r) for r in read_rows(gold)], tmp_path)
    assert s["bad_evidence"] == 0
    assert s["f1"] >= 0.90, s
    assert s["precision"] >= 0.93, s
    assert s["trap_assertion_accuracy"] >= 0.80, s
    assert s["trap_rate"] <= 0.05, s
    assert s["older_window_accuracy"] >= 0.90, s
    assert s["entity_f1"] >= 0.97, s


def test_challenge_question_floors(tmp_path: Path) -> None:
    gold = CHALLENGE / "questions.challenge.jsonl"
    rows = [
        {"id": r["id"], "question_type": classify_question(r["text"]).question_type}
        for r in read_rows(gold)
    ]
    s = score("questions", gold, rows, tmp_path)
    assert s["accuracy"] >= 0.93, s
    assert s["suggestive_recall"] >= 0.90, s
