"""Floors on the fourth challenge set (tests/nlp/challenge4): 150 notes in the style of
published real cases, written blind, retired into a tuning set on 2026-12-07. The floors sit a
little under what the engine reaches and catch regressions of time told by age and span, of
entities (partial plates, names, phones) and of question types; they say nothing about
generalisation (tests/nlp/EVALUATION.md). Without the shared scorer they fail in CI and skip
elsewhere (tests/support.py `missing`)."""

from __future__ import annotations

from pathlib import Path

from nlp_support import read_rows, score

from rhi_assistant.nlp import classify_question
from rhi_assistant.nlp.cli import prediction_for

# Before time11 (2026-12-07): P 0.676 R 0.547 F1 0.605, trap 0.086, older window 0.757, entity
# F1 0.917, questions 0.95 (suggestive recall 0.875). After: older window 0.919, entity F1 0.972,
# questions 1.00 (suggestive recall 1.00).
F1_FLOOR = 0.59
TRAP_CEILING = 0.10
OLDER_WINDOW_FLOOR = 0.86
ENTITY_FLOOR = 0.96
QUESTION_FLOOR = 0.97
SUGGESTIVE_RECALL_FLOOR = 0.93

CHALLENGE4 = Path(__file__).resolve().parent / "challenge4"


def test_challenge4_indicator_floors(tmp_path: Path) -> None:
    gold = CHALLENGE4 / "indicators.challenge4.jsonl"
    s = score("indicators", gold, [prediction_for(r) for r in read_rows(gold)], tmp_path)
    assert s["bad_evidence"] == 0
    assert s["f1"] >= F1_FLOOR, s
    assert s["trap_rate"] <= TRAP_CEILING, s
    assert s["older_window_accuracy"] >= OLDER_WINDOW_FLOOR, s
    assert s["entity_f1"] >= ENTITY_FLOOR, s


def test_challenge4_question_floors(tmp_path: Path) -> None:
    gold = CHALLENGE4 / "questions.challenge4.jsonl"
    rows = [
        {"id": r["id"], "question_type": classify_question(r["text"]).question_type}
        for r in read_rows(gold)
    ]
    s = score("questions", gold, rows, tmp_path)
    assert s["accuracy"] >= QUESTION_FLOOR, s
    assert s["suggestive_recall"] >= SUGGESTIVE_RECALL_FLOOR, s
