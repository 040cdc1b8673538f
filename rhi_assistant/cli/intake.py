"""`rhi-assistant intake import` and `rhi-assistant children import`: taking records in.

Both print one JSON line (what a script or the evaluation checker reads) and exit 0 when
the file could be used, 2 when it could not (nothing saved). The contract is
shared/spec/police-notifications.md.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import sys
from pathlib import Path
from typing import NoReturn

import click
from flask import current_app
from flask.cli import with_appcontext

from rhi_assistant.extensions import db
from rhi_assistant.intake.notifications import FileError, FileProblem
from rhi_assistant.models import AuditEvent
from rhi_assistant.services.accounts import create_team, find_team

UNKNOWN_TEAM = "unknown_team"


def _audit(action: str, team_id: int, detail: dict) -> None:
    """Commands leave the same trace as the pages, with no user (the operator's shell)."""
    db.session.add(AuditEvent(action=action, object_type="team", object_id=team_id,
                              detail=json.dumps(detail)[:200], ip="command line"))
    db.session.commit()


def _say(line: dict) -> None:
    click.echo(json.dumps(line, ensure_ascii=False))


def _refuse(code: str, detail: str) -> NoReturn:
    db.session.rollback()
    _say({"error": code, "detail": detail})
    sys.exit(2)


def _ensure_schema() -> None:
    """Outside production, bring the database to the current schema first: on a fresh
    development checkout the first command may be an import. Production is migrated by hand
    (`rhi-assistant db upgrade`), and a test database is made by its fixture."""
    if current_app.testing or os.environ.get("RHI_ENV", "development") == "production":
        return
    from flask_migrate import upgrade
    from sqlalchemy import inspect

    tables = set(inspect(db.engine).get_table_names())
    if tables and "alembic_version" not in tables:
        return  # made without migrations (create_all): not ours to change
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        upgrade()


@click.group("intake")
def intake_cli() -> None:
    """Police missing-person notifications (CSV) into a team."""


@intake_cli.command("import")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--team", "team_name", required=True, help="the team taking the notifications")
@click.option("--dry-run", is_flag=True, help="print the summary; save nothing")
@with_appcontext
def import_notifications(path: Path, team_name: str, dry_run: bool) -> None:
    """Import FILE.csv; print the summary as one JSON line."""
    _ensure_schema()
    from rhi_assistant.services.intake import import_file

    try:
        data = path.read_bytes()
    except OSError as exc:
        _refuse(FileProblem.UNREADABLE, f"{path}: {exc.strerror or exc}")
    team = find_team(team_name.strip())
    if team is None:
        _refuse(UNKNOWN_TEAM, f"no team called {team_name}")
    try:
        summary = import_file(team, data, dry_run=dry_run)
    except FileError as exc:
        _refuse(exc.code, exc.detail)
    line = summary.as_dict()
    if not dry_run:
        _audit("import_police_notifications", team.id,
               {key: value for key, value in line.items() if isinstance(value, int)})
    _say(line)


@click.group("children")
def children_cli() -> None:
    """A team's children."""


@children_cli.command("import")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--team", "team_name", required=True,
              help="the team (made if it does not exist yet)")
@click.option("--profile", default="north_somerset", show_default=True,
              help="protocol profile of a team made here")
@with_appcontext
def import_caseload(path: Path, team_name: str, profile: str) -> None:
    """Record a team's existing children from FILE.jsonl (one JSON object a line)."""
    _ensure_schema()
    from rhi_assistant.services.accounts import AccountError
    from rhi_assistant.services.caseload import CaseloadError, import_children, read_children

    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        _refuse(FileProblem.UNREADABLE, f"{path}: {exc}")
    try:
        children, ignored = read_children(lines)
    except CaseloadError as exc:
        _refuse("bad_line", str(exc))
    team = find_team(team_name.strip())
    if team is None:
        try:
            team = create_team(team_name, team_name, profile)
        except AccountError as exc:
            _refuse(UNKNOWN_TEAM, str(exc))
    try:
        count = import_children(team, children)
    except CaseloadError as exc:
        _refuse("bad_line", str(exc))
    db.session.commit()
    _audit("import_children", team.id, {"children": count})
    line: dict = {"children": count}
    if ignored:
        line["ignored_fields"] = sorted(ignored)
    _say(line)
