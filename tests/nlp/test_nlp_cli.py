"""The click CLI (no Flask needed)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from rhi_assistant.nlp.cli import nlp


def test_analyse_and_questions_commands(tmp_path: Path) -> None:
    notes = tmp_path / "n.jsonl"
    notes.write_text(
        json.dumps(
            {
                "id": "x1",
                "text": "Bo got into a white van with a man.",
                "interview_date": "2026-11-20",
            }
        )
        + "\n"
    )
    qs = tmp_path / "q.jsonl"
    qs.write_text(json.dumps({"id": "q1", "text": "Did he give you money?"}) + "\n")
    runner = CliRunner()
    out = runner.invoke(nlp, ["analyse", "--input", str(notes)])
    assert out.exit_code == 0, out.output
    row = json.loads(out.output.splitlines()[0])
    assert (
        row["id"] == "x1"
        and row["suggestions"][0]["indicator"] == "seraf.sig.vehicles_unknown_adults"
    )
    out = runner.invoke(nlp, ["questions", "--input", str(qs)])
    assert json.loads(out.output.splitlines()[0])["question_type"] == "option_posing"


def test_explain_command() -> None:
    out = CliRunner().invoke(nlp, ["explain", "She never got in his car.", "--date", "2026-11-20"])
    assert out.exit_code == 0
    assert "negated" in out.output and "never" in out.output


def test_group_name() -> None:
    assert nlp.name == "nlp"
