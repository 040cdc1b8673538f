"""The shared dev set, scored by the shared checker exactly as the issue's "done when" runs
it: the installed command on a fresh development database (SQLite, and PostgreSQL as well
when the suite runs on it)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from support import DATABASE_KINDS, fresh_database, shared_file


@pytest.mark.parametrize("kind", DATABASE_KINDS)
def test_the_dev_set_passes_the_shared_checker(tmp_path: Path, kind: str) -> None:
    checker = shared_file("eval/intake_check.py")
    dev_set = shared_file("eval/intake.dev")
    command = Path(sys.executable).parent / "rhi-assistant"
    with fresh_database(tmp_path, kind, "intake_check") as url:
        env = {**os.environ, "RHI_ENV": "development", "RHI_DATABASE_URL": url}
        done = subprocess.run(
            [sys.executable, str(checker), "--run", str(dev_set), "--cli", str(command)],
            capture_output=True, text=True, env=env, cwd=tmp_path, timeout=600, check=False)
    summary = json.loads(done.stdout.strip().splitlines()[-1])
    assert done.returncode == 0, done.stdout + done.stderr
    assert summary["batches_right"] == summary["total"] > 0
