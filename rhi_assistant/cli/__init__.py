"""The `rhi-assistant` command: Flask's CLI plus the NLP and protocol tools."""

from __future__ import annotations

import os

import click
from flask.cli import FlaskGroup


def _create_app():
    from rhi_assistant import create_app

    return create_app(os.environ.get("RHI_ENV", "development"))


@click.group(cls=FlaskGroup, create_app=_create_app, add_default_commands=True)
def main() -> None:
    """Return Home Interview assistant."""


def _register_plain_tools() -> None:
    """NLP, protocol and links commands need no app: importing them lazily keeps start-up fast."""
    from rhi_assistant.links.cli import links
    from rhi_assistant.nlp.cli import nlp
    from rhi_assistant.protocol.cli import protocol

    main.add_command(nlp)
    main.add_command(protocol)
    main.add_command(links)


_register_plain_tools()
