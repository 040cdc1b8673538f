"""`rhi-assistant links evaluate FILE.jsonl`: the link groups of a file of confirmed mentions,
one JSON line per group spanning two or more children (shared/spec/links.md)."""

from __future__ import annotations

import json
import sys

import click
from flask.cli import with_appcontext

from rhi_assistant.links.grouping import Mention, link_groups
from rhi_assistant.links.reading import TYPES

_KEYS = ("id", "child", "date", "type", "text")


@click.group("links")
def links() -> None:
    """Links across children: the same people, vehicles, phones and places."""


@links.command("evaluate")
@click.argument("path", type=click.Path(dir_okay=False))
def evaluate(path: str) -> None:
    """Print the link groups of the mentions in PATH (one JSON object a line)."""
    mentions: list[Mention] = []
    try:
        with open(path, encoding="utf-8") as fh:
            lines = fh.read().splitlines()
    except (OSError, UnicodeDecodeError) as error:
        click.echo(f"links evaluate: cannot read {path}: {error}", err=True)
        sys.exit(2)
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except ValueError:
            row = None
        if not isinstance(row, dict) or any(k not in row for k in _KEYS) or not all(
                isinstance(row[k], str) for k in ("id", "type", "text")):
            click.echo(f"links evaluate: line {number} is not a mention with "
                       f"{', '.join(_KEYS)}", err=True)
            sys.exit(2)
        if row["type"] not in TYPES:
            click.echo(f"links evaluate: line {number}: type {row['type']!r} skipped", err=True)
            continue
        mentions.append(Mention(id=row["id"], child=str(row["child"]), type=row["type"],
                                text=row["text"], date=str(row["date"])))
    for group in sorted(link_groups(mentions), key=lambda g: (g.type, min(
            m.id for m in g.mentions))):
        click.echo(json.dumps(group.to_dict(), ensure_ascii=False))


@links.command("reindex")
@with_appcontext
def reindex() -> None:
    """Rewrite the blind index of every confirmed mention (after an upgrade that changes how
    mentions are matched)."""
    from rhi_assistant.services.links import reindex_all

    click.echo(f"Indexed {reindex_all()} confirmed mentions.")
