"""`rhi-assistant teams ...` and `rhi-assistant users ...`: set up a live service.

A new installation has no accounts (demo users exist only when the demo data is
loaded), so the first team and the first admin are made here; after that an admin
manages accounts in the browser. Passwords are asked for at a hidden prompt or
generated and printed once, never taken as an argument where shell history keeps it.
"""

from __future__ import annotations

import click
from flask.cli import with_appcontext

from rhi_assistant.extensions import db
from rhi_assistant.models import Team, User
from rhi_assistant.models.people import ROLES
from rhi_assistant.services.accounts import (
    AccountError,
    create_team,
    create_user,
    find_team,
    normalise_email,
    set_password,
    temporary_password,
)


@click.group("teams")
def teams_cli() -> None:
    """Teams own children's cases; each follows one local protocol profile."""


@teams_cli.command("list")
@with_appcontext
def list_teams() -> None:
    for team in db.session.scalars(db.select(Team).order_by(Team.name)):
        accounts = len(team.users)
        click.echo(f"{team.name}\t{team.agency}\t{team.protocol_profile}\t{accounts} accounts")


@teams_cli.command("create")
@click.argument("name")
@click.option("--agency", required=True, help="e.g. 'North Somerset Council'")
@click.option("--profile", "profile", default="north_somerset", show_default=True,
              help="local protocol profile (rhi-assistant protocol profiles)")
@with_appcontext
def add_team(name: str, agency: str, profile: str) -> None:
    try:
        team = create_team(name, agency, profile)
    except AccountError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"Team {team.name} created ({team.protocol_profile}).")


@click.group("users")
def users_cli() -> None:
    """Staff accounts. Passwords are prompted for or generated, never passed as arguments."""


def _user(email: str) -> User:
    user = db.session.scalar(db.select(User).filter_by(email=normalise_email(email)))
    if user is None:
        raise click.ClickException(f"No account for {email}")
    return user


def _password(generate: bool) -> tuple[str, bool]:
    if generate:
        return temporary_password(), True
    return click.prompt("Password", hide_input=True, confirmation_prompt=True), False


@users_cli.command("list")
@with_appcontext
def list_users() -> None:
    for user in db.session.scalars(db.select(User).order_by(User.email)):
        state = "open" if user.active else "closed"
        team = user.team.name if user.team else "-"
        click.echo(f"{user.email}\t{user.name}\t{user.role}\t{team}\t{state}")


@users_cli.command("create")
@click.argument("email")
@click.option("--name", required=True)
@click.option("--role", type=click.Choice(ROLES), required=True)
@click.option("--team", "team_name", help="team name (every role but admin needs one)")
@click.option("--generate-password", is_flag=True,
              help="make a temporary password and print it once, instead of prompting")
@with_appcontext
def add_user(email: str, name: str, role: str, team_name: str | None,
             generate_password: bool) -> None:
    team = find_team(team_name) if team_name else None
    if team_name and team is None:
        raise click.ClickException(f"No team called {team_name} (rhi-assistant teams list)")
    password, generated = _password(generate_password)
    try:
        user = create_user(email, name, role, team, password)
    except AccountError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"Account {user.email} created ({user.role}).")
    if generated:
        click.echo(f"Temporary password (shown once; hand it over in person): {password}")


@users_cli.command("set-password")
@click.argument("email")
@click.option("--generate-password", is_flag=True)
@with_appcontext
def reset_password(email: str, generate_password: bool) -> None:
    user = _user(email)
    password, generated = _password(generate_password)
    try:
        set_password(user, password)
    except AccountError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"Password changed for {user.email}.")
    if generated:
        click.echo(f"Temporary password (shown once; hand it over in person): {password}")


def _set_open(email: str, active: bool) -> None:
    user = _user(email)
    user.active = active
    db.session.commit()
    click.echo(f"Account {user.email} {'reopened' if active else 'closed'}.")


@users_cli.command("close")
@click.argument("email")
@with_appcontext
def close_user(email: str) -> None:
    """Close an account: it can no longer sign in, and any open session ends."""
    _set_open(email, False)


@users_cli.command("reopen")
@click.argument("email")
@with_appcontext
def reopen_user(email: str) -> None:
    _set_open(email, True)
