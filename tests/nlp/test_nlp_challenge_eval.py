"""Floors on the blind challenge set (tests/nlp/challenge), a little under what the engine reaches.

The challenge set was written without reading the engine; it stands in for the
held-out set. These floors catch regressions; they are not targets to tune to.
Skipped when the challenge files or the shared scorer are absent.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from rhi_assistant.nlp import classify_question
from rhi_assistant.nlp.cli import prediction_for

HERE = Path(__file__).resolve().parent
CHALLENGE = HERE / "challenge"
SCORE = HERE.parents[1].parent / "shared" / "eval" / "score.py"


def _score(kind: str, gold: Path, rows: list[dict], tmp_path: Path) -> dict:
    pred = tmp_path / f"{kind}.jsonl"
    pred.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    res = subprocess.run(
        [sys.executable, str(SCORE), kind, str(gold), str(pred)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert res.returncode == 0, res.stdout + res.stderr
    return json.loads(res.stdout.strip().splitlines()[-1])


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def test_challenge_indicator_floors(tmp_path: Path) -> None:
    gold = CHALLENGE / "indicators.challenge.jsonl"
    if not gold.exists() or not SCORE.exists():
        pytest.skip("challenge set or shared score.py not present")
    s = _score("indicators", gold, [prediction_for(r) for r in _rows(gold)], tmp_path)
    assert s["bad_evidence"] == 0
    assert s["f1"] >= 0.90, s
    assert s["precision"] >= 0.93, s
    assert s["trap_assertion_accuracy"] >= 0.80, s
    assert s["trap_rate"] <= 0.05, s
    assert s["older_window_accuracy"] >= 0.90, s
    assert s["entity_f1"] >= 0.97, s


def test_challenge_question_floors(tmp_path: Path) -> None:
    gold = CHALLENGE / "questions.challenge.jsonl"
    if not gold.exists() or not SCORE.exists():
        pytest.skip("challenge set or shared score.py not present")
    rows = [
        {"id": r["id"], "question_type": classify_question(r["text"]).question_type}
        for r in _rows(gold)
    ]
    s = _score("questions", gold, rows, tmp_path)
    assert s["accuracy"] >= 0.93, s
    assert s["suggestive_recall"] >= 0.90, s
