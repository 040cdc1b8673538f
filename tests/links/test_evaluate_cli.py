"""`rhi-assistant links evaluate`: the contract's output, exit codes and skipped types."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from rhi_assistant.links.cli import links


def _run(tmp_path: Path, lines: list[str]) -> tuple[int, str, str]:
    path = tmp_path / "m.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = CliRunner().invoke(links, ["evaluate", str(path)])
    return result.exit_code, result.stdout, result.stderr


def _row(id_: str, child: str, type_: str, text: str, **more: str) -> str:
    return json.dumps({"id": id_, "child": child, "date": "2026-10-01", "type": type_,
                       "text": text, **more})


def test_prints_groups_spanning_children_and_ignores_unknown_keys(tmp_path: Path) -> None:
    code, out, err = _run(tmp_path, [
        _row("m2", "C2", "PLATE", "gx71klm", entity="x"),
        _row("m1", "C1", "PLATE", "GX71 KLM"),
        _row("m3", "C1", "PLATE", "GX71"),
        _row("m4", "C3", "EMAIL", "a@b.test"),
        _row("m5", "C3", "PLACE", "Stroud"),
        _row("m6", "C4", "PLACE", "Stroud"),
    ])
    assert code == 0
    assert [json.loads(line) for line in out.splitlines()] == [
        {"type": "PLATE", "mentions": ["m1", "m2", "m3"], "children": ["C1", "C2"]}]
    assert "EMAIL" in err


def test_unreadable_file_or_bad_line_exits_2(tmp_path: Path) -> None:
    assert _run(tmp_path, ["not json"])[0] == 2
    assert _run(tmp_path, [json.dumps({"id": "m1", "type": "PLATE"})])[0] == 2
    result = CliRunner().invoke(links, ["evaluate", str(tmp_path / "missing.jsonl")])
    assert result.exit_code == 2
