"""Fresh cases for every indicator (cases.jsonl): three or more positives and a negative each.

All people in the cases are fictional.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from rhi_assistant.nlp import analyse, load_indicators

CASES = [
    json.loads(line)
    for line in (Path(__file__).parent / "cases.jsonl").read_text(encoding="utf-8").splitlines()
    if line.strip()
]


def test_cases_cover_every_indicator() -> None:
    pos = Counter(c["indicator"] for c in CASES if c["expect"] == "present")
    neg = Counter(c["indicator"] for c in CASES if c["expect"] == "absent")
    for ind in load_indicators():
        assert pos[ind] >= 3, ind
        assert neg[ind] >= 1, ind


@pytest.mark.parametrize(
    "case", CASES, ids=[f"{c['indicator']}:{c['expect']}:{i}" for i, c in enumerate(CASES)]
)
def test_case(case: dict) -> None:
    a = analyse(case["text"], "2026-11-20")
    present = {s.indicator for s in a.findings if s.assertion == "present"}
    if case["expect"] == "present":
        assert case["indicator"] in present, [s.to_dict() for s in a.findings]
    else:
        assert case["indicator"] not in present, [s.to_dict() for s in a.findings]
    for s in a.findings:
        assert case["text"][s.start : s.end] == s.evidence
