"""Regression floors on the shared dev sets, scored by the shared score.py (skipped if absent)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from rhi_assistant.nlp import classify_question
from rhi_assistant.nlp.cli import prediction_for

EVAL = Path(__file__).resolve().parents[2].parent / "shared" / "eval"

pytestmark = pytest.mark.skipif(
    not (EVAL / "score.py").exists(), reason="../shared/eval not present"
)


def _score(kind: str, gold: Path, rows: list[dict], tmp_path: Path, *bounds: str) -> dict:
    pred = tmp_path / f"{kind}.jsonl"
    pred.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    res = subprocess.run(
        [sys.executable, str(EVAL / "score.py"), kind, str(gold), str(pred), *bounds],
        capture_output=True,
        text=True,
        check=False,
    )
    summary = json.loads(res.stdout.strip().splitlines()[-1])
    assert res.returncode == 0, res.stdout
    return summary


def test_indicator_floors(tmp_path: Path) -> None:
    gold = EVAL / "indicators.dev.jsonl"
    rows = [
        prediction_for(json.loads(line))
        for line in gold.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    s = _score(
        "indicators",
        gold,
        rows,
        tmp_path,
        "--min-f1",
        "0.90",
        "--max-trap",
        "0.05",
        "--min-older-window",
        "0.80",
        "--min-entity-f1",
        "0.85",
    )
    assert (
        s["f1"] >= 0.90
        and s["trap_rate"] <= 0.05
        and s["older_window_accuracy"] >= 0.80
        and s["entity_f1"] >= 0.85
    )
    assert s["bad_evidence"] == 0


def test_question_floors(tmp_path: Path) -> None:
    gold = EVAL / "questions.dev.jsonl"
    rows = []
    for line in gold.read_text(encoding="utf-8").splitlines():
        if line.strip():
            r = json.loads(line)
            rows.append(
                {"id": r["id"], "question_type": classify_question(r["text"]).question_type}
            )
    s = _score(
        "questions",
        gold,
        rows,
        tmp_path,
        "--min-accuracy",
        "0.90",
        "--min-suggestive-recall",
        "0.95",
    )
    assert s["accuracy"] >= 0.90 and s["suggestive_recall"] >= 0.95
