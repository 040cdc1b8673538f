"""``rhi-assistant protocol``: evaluate exchange-format scenario files.

Plain click, no Flask, so it runs without an app or database.
"""

from __future__ import annotations

import json
import sys
from typing import IO

import click

from rhi_assistant.protocol import ProfileError, ScenarioError, evaluate, list_profiles


@click.group(name="protocol")
def protocol() -> None:
    """Local missing-children protocols (RHI offers, deadlines, actions)."""


@protocol.command("evaluate")
@click.argument("scenarios", type=click.File("r", encoding="utf-8"))
@click.option("--output", "-o", type=click.File("w", encoding="utf-8"), default="-",
              help="Write results here instead of stdout.")
def evaluate_command(scenarios: IO[str], output: IO[str]) -> None:
    """Evaluate SCENARIOS (JSON Lines), printing one result per line in the same order.

    A line that cannot be evaluated yields {"id": ..., "error": "..."} in its
    place (so line order is kept), a message on stderr, and exit status 1.
    """
    failures = 0
    for number, line in enumerate(scenarios, start=1):
        if not line.strip():
            continue
        sid = None
        try:
            scenario = json.loads(line)
            sid = scenario.get("id") if isinstance(scenario, dict) else None
            result = evaluate(scenario)
        except (json.JSONDecodeError, ScenarioError, ProfileError, ValueError) as exc:
            failures += 1
            click.echo(f"line {number} ({sid}): {exc}", err=True)
            result = {"id": sid, "error": str(exc)}
        output.write(json.dumps(result) + "\n")
    output.flush()
    if failures:
        sys.exit(1)


@protocol.command("profiles")
def profiles_command() -> None:
    """List the available profiles (name and title)."""
    for info in list_profiles():
        click.echo(f"{info.name}\t{info.title}")


if __name__ == "__main__":
    protocol()
