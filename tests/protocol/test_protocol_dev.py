"""The shared development scenarios give exactly the expected results."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from support import SHARED, shared_file

from rhi_assistant.protocol import evaluate
from rhi_assistant.protocol.cli import protocol

SCENARIOS = SHARED / "eval" / "protocol.dev.jsonl"
EXPECTED = SHARED / "eval" / "protocol.dev.expected.jsonl"


@pytest.fixture(autouse=True)
def _shared_set() -> None:
    """Without the shared set: a failure in CI, a skip elsewhere (support.missing)."""
    shared_file("eval/protocol.dev.jsonl")
    shared_file("eval/protocol.dev.expected.jsonl")


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def _view(r: dict) -> dict:
    """What protocol_check.py compares (action due dates are not compared there)."""
    return {
        "offer": r["rhi"]["offer"],
        "reasons": sorted(r["rhi"]["reasons"]),
        "due": r["rhi"]["due"],
        "safe_and_well_due": r["safe_and_well_due"],
        "consent": r["consent"],
        "actions": sorted(a["action"] for a in r["actions"]),
    }


def test_every_dev_scenario_matches() -> None:
    expected = {r["id"]: r for r in _lines(EXPECTED)}
    for scenario in _lines(SCENARIOS):
        assert _view(evaluate(scenario)) == _view(expected[scenario["id"]]), scenario["id"]


def test_cli_prints_one_result_per_line_in_order() -> None:
    result = CliRunner().invoke(protocol, ["evaluate", str(SCENARIOS)])
    assert result.exit_code == 0, result.output
    got = [json.loads(line) for line in result.output.splitlines()]
    assert [r["id"] for r in got] == [s["id"] for s in _lines(SCENARIOS)]
    expected = {r["id"]: r for r in _lines(EXPECTED)}
    assert all(_view(r) == _view(expected[r["id"]]) for r in got)
