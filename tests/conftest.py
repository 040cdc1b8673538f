"""Shared fixtures: a fresh app and database per test, signed-in clients, the clock, the demo
child's latest episode. Helpers that are not fixtures are in support.py."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

import pytest

from rhi_assistant import clock as app_clock
from rhi_assistant.extensions import db
from rhi_assistant.models import Episode

sys.path.insert(0, str(Path(__file__).parent))
from support import NOW, PageClient, demo_app, demo_episode


@pytest.fixture
def app():
    """A fresh app and database per test, the demo data loaded at NOW (support.demo_app)."""
    with demo_app() as app:
        yield app
        db.session.remove()
        db.drop_all()


@pytest.fixture
def client(app):
    return PageClient(app.test_client())


@pytest.fixture
def make_client(app):
    def _make(email: str | None = None) -> PageClient:
        c = PageClient(app.test_client())
        if email:
            c.sign_in(email)
        return c

    return _make


class Clock:
    """The app's clock for one test (its CLOCK_NOW setting): starts at NOW, when the demo data
    was loaded; `set` moves it."""

    def __init__(self, app) -> None:
        self.app = app
        self.set(NOW)

    def set(self, when: datetime) -> None:
        self.app.config["CLOCK_NOW"] = when.isoformat()


@pytest.fixture
def clock(app) -> Clock:
    """Each test has its own app, so the setting needs no undoing. A file whose every test
    runs at NOW says `pytestmark = pytest.mark.usefixtures("clock")`."""
    return Clock(app)


class WallClock:
    """The real time that idle sign-outs and sign-in waits measure (`clock.wall_now`), held
    still for one test at NOW; `set` moves it. CLOCK_NOW does not move it, on purpose."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.at = NOW
        monkeypatch.setattr(app_clock, "wall_now", lambda: self.at)

    def set(self, when: datetime) -> None:
        self.at = when


@pytest.fixture
def wall_clock(monkeypatch) -> WallClock:
    return WallClock(monkeypatch)


@pytest.fixture
def episode(app) -> Episode:
    """The demo child's most recent episode (support.demo_episode)."""
    return demo_episode()
