"""The shared dev set, scored by the shared checker exactly as the issue's "done when" runs
it: the installed command on a fresh development database (SQLite, and PostgreSQL as well
when the suite runs on it)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from support import shared_file


@contextmanager
def fresh_database(tmp_path: Path, kind: str) -> Iterator[str]:
    """A database URL nobody else uses, dropped afterwards."""
    if kind == "sqlite":
        yield f"sqlite:///{tmp_path / 'intake.sqlite'}"
        return
    server = make_url(os.environ["RHI_TEST_DATABASE_URL"])
    name = f"intake_check_{uuid.uuid4().hex[:8]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield server.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


KINDS = ["sqlite"] + (["postgresql"] if os.environ.get(
    "RHI_TEST_DATABASE_URL", "").startswith("postgresql") else [])


@pytest.mark.parametrize("kind", KINDS)
def test_the_dev_set_passes_the_shared_checker(tmp_path: Path, kind: str) -> None:
    checker = shared_file("eval/intake_check.py")
    dev_set = shared_file("eval/intake.dev")
    command = Path(sys.executable).parent / "rhi-assistant"
    with fresh_database(tmp_path, kind) as url:
        env = {**os.environ, "RHI_ENV": "development", "RHI_DATABASE_URL": url}
        done = subprocess.run(
            [sys.executable, str(checker), "--run", str(dev_set), "--cli", str(command)],
            capture_output=True, text=True, env=env, cwd=tmp_path, timeout=600, check=False)
    summary = json.loads(done.stdout.strip().splitlines()[-1])
    assert done.returncode == 0, done.stdout + done.stderr
    assert summary["batches_right"] == summary["total"] > 0
