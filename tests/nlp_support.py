"""Shared by the NLP tests: scoring a set with the shared scorer, and one parametrised case
("present", another assertion, or "absent") checked against what `analyse` suggests."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from support import shared_file

from rhi_assistant.nlp import analyse, classify_question
from rhi_assistant.nlp.cli import prediction_for


def score(kind: str, gold: Path, rows: list[dict], tmp_path: Path, *bounds: str) -> dict:
    """The shared scorer's one-line JSON summary for these predictions against `gold`; `bounds`
    are the scorer's own --min-/--max- options. Without the scorer this fails in CI and skips
    elsewhere (see `support.missing`), so a floor never passes by not being scored."""
    scorer = shared_file("eval/score.py")
    pred = tmp_path / f"{kind}.jsonl"
    pred.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    res = subprocess.run(
        [sys.executable, str(scorer), kind, str(gold), str(pred), *bounds],
        capture_output=True,
        text=True,
        check=False,
    )
    assert res.returncode == 0, res.stdout + res.stderr
    return json.loads(res.stdout.strip().splitlines()[-1])


def read_rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


NOTE_DATE = "2026-11-20"  # the interview date the example sentences are read on


def present(text: str, date: str = NOTE_DATE) -> set[str]:
    """The indicators suggested as present for the child in ``text``."""
    return {f.indicator for f in analyse(text, date).findings if f.assertion == "present"}


def assertions(text: str, date: str = NOTE_DATE) -> dict[str, str]:
    """Each indicator found in ``text`` with its assertion (present, negated, ...)."""
    return {f.indicator: f.assertion for f in analyse(text, date).findings}


def check_case(text: str, indicator: str, expect: str) -> None:
    """'absent': never suggested as present; otherwise suggested with that assertion, and
    a trap ('negated', 'other_person', 'hypothetical') never also as present. Every
    finding's evidence is the text at its offsets."""
    a = analyse(text, "2026-11-20")
    got = [s for s in a.findings if s.indicator == indicator]
    dump = [s.to_dict() for s in a.findings]
    for s in a.findings:
        assert text[s.start : s.end] == s.evidence, dump
    if expect == "absent":
        assert all(s.assertion != "present" for s in got), dump
    else:
        assert any(s.assertion == expect for s in got), dump
        if expect != "present":
            assert all(s.assertion != "present" for s in got), dump


@dataclass(frozen=True)
class Floors:
    """What a tuning set's figures must not fall below (a trap rate must not rise above):
    set a little under what the engine reaches, so they catch regressions. A floor left None
    is not checked."""

    f1: float
    precision: float
    recall: float
    trap_ceiling: float
    window: float
    older_window: float
    entity: float
    questions: float
    suggestive_recall: float | None = None


def set_file(folder: Path, pattern: str) -> Path:
    found = sorted(folder.glob(pattern))
    assert found, f"no {pattern} in {folder}"
    return found[0]


def check_indicator_floors(folder: Path, floors: Floors, tmp_path: Path) -> None:
    """The set's notes analysed and scored by the shared scorer, against its floors."""
    gold = set_file(folder, "indicators*.jsonl")
    s = score("indicators", gold, [prediction_for(r) for r in read_rows(gold)], tmp_path)
    assert s["bad_evidence"] == 0
    assert s["trap_rate"] <= floors.trap_ceiling, s
    assert s["f1"] >= floors.f1, s
    assert s["precision"] >= floors.precision, s
    assert s["recall"] >= floors.recall, s
    assert s["window_accuracy"] >= floors.window, s
    assert s["older_window_accuracy"] >= floors.older_window, s
    assert s["entity_f1"] >= floors.entity, s


def check_question_floors(folder: Path, floors: Floors, tmp_path: Path) -> None:
    """The set's questions classified and scored by the shared scorer, against its floors."""
    gold = set_file(folder, "questions*.jsonl")
    rows = [
        {"id": r["id"], "question_type": classify_question(r["text"]).question_type}
        for r in read_rows(gold)
    ]
    s = score("questions", gold, rows, tmp_path)
    assert s["accuracy"] >= floors.questions, s
    if floors.suggestive_recall is not None:
        assert s["suggestive_recall"] >= floors.suggestive_recall, s
