"""Regression floors on the shared dev sets, scored by the shared score.py (a failure in CI
when ../shared is missing, a skip elsewhere: tests/support.py `missing`)."""

from __future__ import annotations

import json
from pathlib import Path

from nlp_support import score
from support import shared_file

from rhi_assistant.nlp import classify_question
from rhi_assistant.nlp.cli import prediction_for


def test_indicator_floors(tmp_path: Path) -> None:
    gold = shared_file("eval/indicators.dev.jsonl")
    rows = [
        prediction_for(json.loads(line))
        for line in gold.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    s = score(
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
    gold = shared_file("eval/questions.dev.jsonl")
    rows = []
    for line in gold.read_text(encoding="utf-8").splitlines():
        if line.strip():
            r = json.loads(line)
            rows.append(
                {"id": r["id"], "question_type": classify_question(r["text"]).question_type}
            )
    s = score(
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
