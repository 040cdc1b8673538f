"""Fictional demo data: teams, users, children and episodes. No real person appears here.

Demo users exist only when this is loaded. Their password is generated at
load time (or taken from RHI_DEMO_PASSWORD) and printed, never stored in code.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import click
from flask.cli import with_appcontext

from rhi_assistant import clock
from rhi_assistant.extensions import db
from rhi_assistant.models import CaseShare, Child, Episode, Team, User
from rhi_assistant.passwords import hash_password


@dataclass(frozen=True)
class DemoUser:
    email: str
    name: str
    role: str
    team: str


TEAMS = {
    "ns_missing": (
        "North Somerset Missing Children Team", "North Somerset Council", "north_somerset"
    ),
    "police": ("Avon and Somerset Police Missing Persons Unit", "Police", "north_somerset"),
    "bcp_team": ("BCP Children's Services Missing Team", "BCP Council", "bcp"),
}
USERS = (
    DemoUser("rhi.worker@example.org", "Sam Okafor", "rhi_worker", "ns_missing"),
    DemoUser("manager@example.org", "Priya Lewis", "manager", "ns_missing"),
    DemoUser("police@example.org", "PC Alex Byrne", "police_officer", "police"),
    DemoUser("other.worker@example.org", "Robin Hale", "rhi_worker", "bcp_team"),
    DemoUser("other.manager@example.org", "Morgan Ellis", "manager", "bcp_team"),
    DemoUser("admin@example.org", "Dana Frost", "admin", "ns_missing"),
)


def load_demo(password: str | None = None, now: datetime | None = None) -> str:
    """Create the demo records if absent; returns the demo password."""
    password = password or os.environ.get("RHI_DEMO_PASSWORD") or secrets.token_urlsafe(9)
    now = now or clock.now()
    teams = {}
    for key, (name, agency, profile) in TEAMS.items():
        team = db.session.scalar(db.select(Team).filter_by(name=name))
        if team is None:
            team = Team(name=name, agency=agency, protocol_profile=profile)
            db.session.add(team)
        teams[key] = team
    db.session.flush()
    hashed = hash_password(password)
    for u in USERS:
        user = db.session.scalar(db.select(User).filter_by(email=u.email))
        if user is None:
            user = User(email=u.email, name=u.name, role=u.role, team=teams[u.team])
            db.session.add(user)
        user.password_hash = hashed
    if db.session.scalar(db.select(Child).filter_by(reference="NS-1001")) is None:
        _children(teams, now)
    from rhi_assistant.cli.demo_links import load_demo_links

    load_demo_links(teams, now)
    db.session.commit()
    return password


def _children(teams: dict, now: datetime) -> None:
    jordan = Child(
        reference="NS-1001",
        team_id=teams["ns_missing"].id,
        first_name="Jordan",
        last_name="Avery",
        date_of_birth=date(now.year - 14, 3, 14),
        gender="Female",
        ethnicity="White British",
        languages="English",
        address="12 Example Row, Weston-super-Mare",
        address_area="Weston-super-Mare",
        sen_or_disability="None known",
        open_to_childrens_services=True,
        known_to_csc_since=date(now.year - 2, 9, 1),
        other_agencies="School nurse; CAMHS waiting list",
    )
    db.session.add(jordan)
    db.session.flush()
    db.session.add_all([
        Episode(child=jordan, last_seen=now - timedelta(days=30, hours=4),
                reported_missing=now - timedelta(days=30, hours=3),
                found=now - timedelta(days=29, hours=20), police_risk="medium",
                missing_from="home"),
        Episode(child=jordan, last_seen=now - timedelta(hours=40),
                reported_missing=now - timedelta(hours=39), found=now - timedelta(hours=20),
                police_risk="medium", missing_from="home", where_found="Bus station, Bristol",
                police_reference="DEMO-0001"),
    ])
    db.session.add(CaseShare(child_id=jordan.id, team_id=teams["police"].id,
                             reason="The police missing team attends her episodes."))
    _jordan_history(jordan, now)
    casey = Child(
        reference="NS-1002",
        team_id=teams["ns_missing"].id,
        first_name="Casey",
        last_name="Morgan",
        date_of_birth=date(now.year - 16, 7, 2),
        gender="Male",
        ethnicity="Mixed White and Black Caribbean",
        languages="English",
        address_area="Clevedon",
        looked_after=True,
        legal_status="Section 31 care order",
    )
    db.session.add(casey)
    db.session.add(Episode(child=casey, last_seen=now - timedelta(hours=5),
                           reported_missing=now - timedelta(hours=4), found=None,
                           police_risk="high", missing_from="care"))
    taylor = Child(
        reference="BCP-2001",
        team_id=teams["bcp_team"].id,
        first_name="Taylor",
        last_name="Quinn",
        date_of_birth=date(now.year - 13, 1, 20),
        gender="Non-binary",
        languages="English, Polish",
        address_area="Poole",
    )
    db.session.add(taylor)
    db.session.add(Episode(child=taylor, last_seen=now - timedelta(hours=30),
                           reported_missing=now - timedelta(hours=29),
                           found=now - timedelta(hours=10), police_risk="low",
                           missing_from="home"))


def _jordan_history(jordan: Child, now: datetime) -> None:
    """An earlier, closed episode (so repeat missing shows) and an offer attempt on the latest."""
    from rhi_assistant.models import EpisodeOutcome, OfferAttempt

    worker = db.session.scalar(db.select(User).filter_by(email="rhi.worker@example.org"))
    manager = db.session.scalar(db.select(User).filter_by(email="manager@example.org"))
    first = Episode(child=jordan, last_seen=now - timedelta(days=70, hours=6),
                    reported_missing=now - timedelta(days=70, hours=5),
                    found=now - timedelta(days=69, hours=22), police_risk="low",
                    missing_from="home", where_found="Friend's house, Worle")
    db.session.add(first)
    db.session.flush()
    for episode in (first, *(e for e in jordan.episodes if e.found and e is not first)):
        if episode.found and episode.found < now - timedelta(days=7):
            db.session.add(EpisodeOutcome(
                episode_id=episode.id, codes_json='["information_shared_with_police"]',
                recorded_by_id=worker.id, recorded_at=episode.found + timedelta(days=3),
                authorised_by_id=manager.id, authorised_at=episode.found + timedelta(days=4)))
    latest = max(jordan.episodes, key=lambda e: e.last_seen)
    db.session.add(OfferAttempt(episode_id=latest.id, method="phone", outcome="message_left",
                                attempted_at=now - timedelta(hours=2),
                                recorded_by_id=worker.id))


@click.group("demo")
def demo_cli() -> None:
    """Fictional demo data."""


@demo_cli.command("load")
@with_appcontext
def load_command() -> None:
    """Load the fictional demo teams, users and children, and print the sign-ins."""
    password = load_demo()
    click.echo("Demo sign-ins (fictional people, for trying the app only):")
    for u in USERS:
        click.echo(f"  {u.role:15} {u.email:28} password: {password}")
