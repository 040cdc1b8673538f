"""The click command group (no Flask needed)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from rhi_assistant.protocol.cli import protocol

GOOD = {
    "id": "c1", "profile": "north_somerset",
    "child": {"date_of_birth": "2012-05-01"},
    "episode": {"last_seen": "2026-11-10T12:00:00Z", "found": "2026-11-10T14:00:00Z",
                "police_risk": "low"},
}


def test_profiles_lists_name_and_title() -> None:
    result = CliRunner().invoke(protocol, ["profiles"])
    assert result.exit_code == 0
    assert "bcp\tBournemouth, Christchurch and Poole" in result.output
    assert "north_somerset\tNorth Somerset" in result.output


def test_evaluate_to_output_file(tmp_path: Path) -> None:
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    src.write_text(json.dumps(GOOD) + "\n\n", encoding="utf-8")
    result = CliRunner().invoke(protocol, ["evaluate", str(src), "--output", str(out)])
    assert result.exit_code == 0, result.output
    (line,) = out.read_text(encoding="utf-8").splitlines()
    assert json.loads(line)["rhi"]["due"] == "2026-11-13T14:00:00Z"


def test_a_bad_line_keeps_its_place_and_fails_the_run(tmp_path: Path) -> None:
    bad = {**GOOD, "id": "c2", "profile": "atlantis"}
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps(s) for s in (GOOD, bad, GOOD)) + "\n", encoding="utf-8")
    result = CliRunner().invoke(protocol, ["evaluate", str(src)])
    assert result.exit_code == 1
    lines = [json.loads(x) for x in result.stdout.splitlines()]
    assert [x["id"] for x in lines] == ["c1", "c2", "c1"]
    assert "unknown profile 'atlantis'" in lines[1]["error"]
    assert "line 2 (c2)" in result.stderr


def test_protocol_package_never_imports_flask() -> None:
    """The engine must run in the CLI and tests without an app."""
    import ast

    package = Path(__file__).resolve().parents[2] / "rhi_assistant" / "protocol"
    for source in package.rglob("*.py"):
        tree = ast.parse(source.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            assert not any(n.split(".")[0].startswith("flask") for n in names), source
